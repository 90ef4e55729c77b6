#!/usr/bin/env bash
# Scores `lapwing code` on every hand-coded set in data/news-dev and prints one table row per
# set: type, dyad and sector F1 (score_events.py's definitions, via `lapwing eval events`),
# and date and location-country accuracy on dyad matches.
# Tuning sets were used to choose fixes; held-out sets were only ever scored.
# Usage: scripts/news-dev-all.sh [--bin PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
if [ "${1:-}" = "--bin" ]; then bin="$2"; fi
if [ -z "$bin" ]; then
  cargo build --release -q -p lapwing-cli
  bin="${CARGO_TARGET_DIR:-target}/release/lapwing"
fi
d=data/news-dev
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$d/blind-a.gold.jsonl" "$d/blind-b.gold.jsonl" "$d/blind-c.gold.jsonl" > "$tmp/blind-abc.gold.jsonl"
cat "$d/final-e.gold.jsonl" "$d/final-f.gold.jsonl" > "$tmp/final-ef.gold.jsonl"
row() { # name role gold [docs]
  local name=$1 role=$2 gold=$3 docs=${4:-}
  local args=(--gold "$gold" --bin "$bin")
  if [ -n "$docs" ]; then args+=(--docs "$docs"); fi
  scripts/news-dev.sh "${args[@]}" 2>/dev/null | python3 -c '
import sys, re
name, role = sys.argv[1], sys.argv[2]
f = {}
for line in sys.stdin:
    m = re.match(r"(type|dyad|sector)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)", line)
    if m: f[m.group(1)] = (m.group(2), m.group(3), m.group(4))
    m = re.match(r"date accuracy on dyad matches: (\S+)", line)
    if m: f["date"] = m.group(1)
    m = re.match(r"location-country accuracy on dyad matches: (\S+)", line)
    if m: f["loc"] = m.group(1)
t, dy, se = f.get("type", ("-",)*3), f.get("dyad", ("-",)*3), f.get("sector", ("-",)*3)
date, loc = f.get("date", "-"), f.get("loc", "-")
print(f"| {name} | {role} | {t[2]} | {dy[2]} ({dy[0]}/{dy[1]}) | {se[2]} | {date} | {loc} |")
' "$name" "$role"
}
# A row for a set whose gold file is present (later sessions' sets may be absent in old
# checkouts).
row_if() { # name role gold [docs]
  if [ -f "$3" ]; then row "$@"; fi
}
echo "| set | role | type F1 | dyad F1 (P/R) | sector F1 | date acc | loc acc |"
echo "|---|---|---|---|---|---|---|"
row "dev (25 real articles)" "tuning, session 1" "$d/gold.jsonl"
row "heldout (12 real articles)" "held out in session 1" "$d/heldout.gold.jsonl"
row "blind a-c (48 real articles)" "tuning, session 2" "$tmp/blind-abc.gold.jsonl"
row "sentences-blind (180 sentences)" "tuning, session 2" "$d/sentences-blind.gold.jsonl" "$d/sentences-blind.docs.jsonl"
row_if "articles-tune (8 wire articles)" "tuning, session 2" "$d/articles-tune.gold.jsonl" "$d/articles-tune.docs.jsonl"
row_if "tbaq-tune (29 real wire articles)" "tuning, session 3" "$d/tbaq-tune.gold.jsonl"
row_if "tbaq2-tune (28 real wire articles)" "tuning, session 4" "$d/tbaq2-tune.gold.jsonl"
row_if "sentences-tune2 (written snippets)" "tuning, session 4" "$d/sentences-tune2.gold.jsonl" "$d/sentences-tune2.docs.jsonl"
row_if "sentences-tune3 (160 written snippets)" "tuning, session 5" "$d/sentences-tune3.gold.jsonl" "$d/sentences-tune3.docs.jsonl"
row_if "real-tune4 (24 real articles)" "tuning, session 6" "$d/real-tune4.gold.jsonl"
row_if "real-tune5 (24 outbreak and local articles)" "tuning, session 7" "$d/real-tune5.gold.jsonl"
row_if "real-tune6 (40 outbreak, local and wire articles)" "tuning, session 8" "$d/real-tune6.gold.jsonl"
row_if "real-tune7 (40 outbreak and local articles)" "tuning, session 9" "$d/real-tune7.gold.jsonl"
row_if "real-tune8 (25 outbreak and 15 business articles)" "tuning, session 10" "$d/real-tune8.gold.jsonl"
row_if "real-tune9 (25 outbreak and 15 business articles)" "tuning, session 10" "$d/real-tune9.gold.jsonl"
row_if "real-tune10 (14 TBAQ, 14 outbreak, 6 local articles)" "tuning, session 15" "$d/real-tune10.gold.jsonl"
row_if "real-tune11 (50 outbreak and 8 local articles)" "tuning, session 20" "$d/real-tune11.gold.jsonl"
row_if "articles-tune2 (12 wire articles)" "tuning, session 20" "$d/articles-tune2.gold.jsonl" "$d/articles-tune2.docs.jsonl"
row_if "articles-tune3 (14 articles, varied styles)" "tuning, session 20" "$d/articles-tune3.gold.jsonl" "$d/articles-tune3.docs.jsonl"
row "final e-f (32 real articles)" "held out" "$tmp/final-ef.gold.jsonl"
row "sentences-final (150 sentences)" "held out" "$d/sentences-final.gold.jsonl" "$d/sentences-final.docs.jsonl"
row "articles-final (8 wire articles)" "held out" "$d/articles-final.gold.jsonl" "$d/articles-final.docs.jsonl"
row_if "sentences-final2 (150 written snippets)" "held out, session 4" "$d/sentences-final2.gold.jsonl" "$d/sentences-final2.docs.jsonl"
row_if "tbaq-final (29 real wire articles)" "held out, session 3" "$d/tbaq-final.gold.jsonl"
row_if "sentences-final3 (150 written snippets)" "held out, session 5" "$d/sentences-final3.gold.jsonl" "$d/sentences-final3.docs.jsonl"
row_if "real-final3 (26 real articles)" "held out, session 5" "$d/real-final3.gold.jsonl"
row_if "articles-final4 (12 wire articles)" "held out, then tuning, session 20" "$d/articles-final4.gold.jsonl" "$d/articles-final4.docs.jsonl"
row_if "articles-final5 (10 wire articles)" "held out, session 20" "$d/articles-final5.gold.jsonl" "$d/articles-final5.docs.jsonl"
