#!/usr/bin/env bash
# Scores the release binary on the development sets in ../shared (and the seed example) with
# `lapwing eval`, printing one line per set. Usage: scripts/eval-dev.sh [--bin PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
if [ "${1:-}" = "--bin" ]; then bin="$2"; fi
if [ -z "$bin" ]; then
  cargo build --release -q -p lapwing-cli
  bin="${CARGO_TARGET_DIR:-target}/release/lapwing"
fi
shared="${SHARED:-../shared}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bin" code -q "$shared/spec/examples/seed-article.jsonl" -o "$out/seed.jsonl"
echo "== seed example (events)"
"$bin" eval events "$shared/spec/examples/seed-article.gold.jsonl" "$out/seed.jsonl"

d="$shared/datasets"
if [ -f "$d/tbaq.docs.jsonl" ]; then
  "$bin" timex -q "$d/tbaq.docs.jsonl" -o "$out/tbaq.jsonl"
  echo "== tbaq (time expressions)"
  "$bin" eval timex "$d/tbaq.gold.jsonl" "$out/tbaq.jsonl"
fi
for set in trnews geovirus; do
  if [ -f "$d/$set.docs.jsonl" ]; then
    "$bin" geoparse -q "$d/$set.docs.jsonl" -o "$out/$set.jsonl"
    echo "== $set (places)"
    "$bin" eval geo "$d/$set.gold.jsonl" "$out/$set.jsonl"
  fi
done
