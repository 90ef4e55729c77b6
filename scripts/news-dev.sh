#!/usr/bin/env bash
# Scores `lapwing code` on the real-news dev set: the hand-coded gold events in
# data/news-dev/gold.jsonl, over the articles they name, taken from the development sets in
# ../shared/datasets (kept out of this repository, as their README asks).
# With --heldout it scores data/news-dev/heldout.gold.jsonl instead: 12 other articles, coded
# before lapwing was run on them and never used to choose fixes.
# --gold FILE scores any gold file in that format (the blind sets: data/news-dev/blind-*.gold.jsonl);
# --docs FILE codes that document file instead of taking the articles from ../shared (the
# sentence and article sets written for evaluation: data/news-dev/*.docs.jsonl).
# Usage: scripts/news-dev.sh [--heldout | --gold FILE [--docs FILE]] [--bin PATH] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
keep=""
docs=""
gold=data/news-dev/gold.jsonl
while [ $# -gt 0 ]; do
  case "$1" in
    --heldout) gold=data/news-dev/heldout.gold.jsonl; shift ;;
    --gold) gold="$2"; shift 2 ;;
    --docs) docs="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "usage: $0 [--heldout | --gold FILE [--docs FILE]] [--bin PATH] [--keep DIR]" >&2; exit 2 ;;
  esac
done
if [ -z "$bin" ]; then
  cargo build --release -q -p lapwing-cli
  bin="${CARGO_TARGET_DIR:-target}/release/lapwing"
fi
shared="${SHARED:-../shared}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -n "$docs" ]; then
  cp "$docs" "$out/docs.jsonl"
else
python3 - "$shared/datasets" "$gold" "$out/docs.jsonl" <<'PY'
import json, sys
datasets, gold, out = sys.argv[1:4]
ids = {json.loads(l)["doc_id"] for l in open(gold, encoding="utf-8") if l.strip()}
found = 0
with open(out, "w", encoding="utf-8") as f:
    for name in ("trnews", "geovirus", "tbaq"):
        for line in open(f"{datasets}/{name}.docs.jsonl", encoding="utf-8"):
            if json.loads(line)["id"] in ids:
                f.write(line)
                found += 1
print(f"news-dev: {found} of {len(ids)} documents found in {datasets}", file=sys.stderr)
PY
fi
# Some long articles were hand-coded in their first ~5,000 characters only (their gold notes say
# so): code only that part of them, to the end of the sentence it stops in, so that events the
# coders never looked at do not count as false positives.
python3 - "$gold" "$out/docs.jsonl" <<'PY'
import json, re, sys
gold, docs = sys.argv[1:3]
part = {json.loads(l)["doc_id"] for l in open(gold, encoding="utf-8")
        if l.strip() and re.search(r"first ~?5,?000 char", json.loads(l).get("note") or "")}
rows = [json.loads(l) for l in open(docs, encoding="utf-8") if l.strip()]
cut = 0
for d in rows:
    t = d.get("text") or ""
    if d.get("id") in part and len(t) > 5000:
        m = re.compile(r"[.!?][\"'\u201d]?\s").search(t, 5000)
        d["text"] = t[: m.end()] if m else t
        cut += 1
with open(docs, "w", encoding="utf-8") as f:
    for d in rows:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
if cut:
    print(f"news-dev: {cut} long article(s) coded in their first ~5,000 characters, as their gold", file=sys.stderr)
PY
"$bin" code -q "$out/docs.jsonl" -o "$out/pred.jsonl" 2>/dev/null || true
if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$out/docs.jsonl" "$out/pred.jsonl" "$keep/"; fi
"$bin" eval events "$gold" "$out/pred.jsonl"
