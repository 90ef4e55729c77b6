#!/usr/bin/env bash
# Throughput benchmark of `lapwing code` on a >= 50 MB corpus built from the development
# documents in ../shared/datasets (trnews, geovirus, tbaq), repeated with unique ids.
#
# usage: scripts/bench.sh [--threads N] [--bin PATH] [--mb SIZE] [--rebuild-corpus]
#   --threads N        worker threads passed to `lapwing code` (default: nproc)
#   --bin PATH         use this lapwing binary instead of building target/release/lapwing
#   --mb SIZE          minimum corpus size in MB (default: 50)
#   --rebuild-corpus   regenerate bench-corpus/corpus.jsonl even if it exists
# Environment: CARGO_TARGET_DIR is honoured; SHARED overrides the ../shared location;
# TIME_BIN overrides /usr/bin/time (without it, peak RSS comes from python's getrusage).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

threads=$(nproc 2>/dev/null || echo 1)
bin=""
min_mb=50
rebuild=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --threads) threads=${2:?--threads needs a number}; shift 2 ;;
        --threads=*) threads=${1#*=}; shift ;;
        --bin) bin=${2:?--bin needs a path}; shift 2 ;;
        --bin=*) bin=${1#*=}; shift ;;
        --mb) min_mb=${2:?--mb needs a number}; shift 2 ;;
        --mb=*) min_mb=${1#*=}; shift ;;
        --rebuild-corpus) rebuild=1; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1 (try --help)" >&2; exit 1 ;;
    esac
done

shared=${SHARED:-$root/../shared}
command -v python3 >/dev/null || { echo "bench.sh: python3 is required" >&2; exit 1; }

if [[ -z "$bin" ]]; then
    echo "building release binary ..." >&2
    cargo build --release -p lapwing-cli >&2
    bin="${CARGO_TARGET_DIR:-$root/target}/release/lapwing"
fi
[[ -x "$bin" ]] || { echo "bench.sh: no executable at $bin" >&2; exit 1; }

corpus_dir=$root/bench-corpus
corpus=$corpus_dir/corpus.jsonl
mkdir -p "$corpus_dir"
if [[ $rebuild -eq 1 || ! -s $corpus ]]; then
    echo "building corpus of >= ${min_mb} MB in bench-corpus/ ..." >&2
    python3 - "$shared/datasets" "$corpus" "$min_mb" <<'PY'
import json, os, sys
src, out, min_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
docs = []
for name in ("trnews", "geovirus", "tbaq"):
    path = os.path.join(src, f"{name}.docs.jsonl")
    if not os.path.exists(path):
        sys.exit(f"bench.sh: {path} not found")
    with open(path, encoding="utf-8") as f:
        docs += [json.loads(l) for l in f if l.strip()]
if not docs:
    sys.exit("bench.sh: no development documents found")
target = int(min_mb * 1_000_000)
written, copy = 0, 0
tmp = out + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    while written < target:
        for d in docs:
            d = dict(d, id=f"{d['id']}#{copy}")
            line = json.dumps(d, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
        copy += 1
os.replace(tmp, out)
PY
fi

# Documents and a sentence estimate, used when the binary does not report its own count.
counts=$(python3 - "$corpus" <<'PY'
import json, re, sys
split = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n")
docs = sents = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            docs += 1
            text = json.loads(line).get("text") or ""
            sents += sum(1 for s in split.split(text) if s and s.strip())
print(docs, sents)
PY
)
read -r docs est_sentences <<< "$counts"
bytes=$(wc -c < "$corpus")

stderr_file=$(mktemp)
time_file=$(mktemp)
trap 'rm -f "$stderr_file" "$time_file"' EXIT

echo "running $bin code bench-corpus/corpus.jsonl --threads $threads ..." >&2
status=0
time_bin=${TIME_BIN:-/usr/bin/time}
if [[ -x $time_bin ]]; then
    "$time_bin" -v -o "$time_file" "$bin" code "$corpus" --threads "$threads" \
        > /dev/null 2> "$stderr_file" || status=$?
    wall=$(python3 - "$time_file" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time.*?: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", text)
h, mnt, s = (m.group(1) or 0, m.group(2), m.group(3)) if m else (0, 0, 0)
print(int(h) * 3600 + int(mnt) * 60 + float(s))
PY
)
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$time_file")
    rss_note=""
else
    # No GNU time (fresh CI images): time the run and take the children's peak RSS from
    # getrusage, which Linux reports in kilobytes.
    measured=$(python3 - "$bin" "$corpus" "$threads" "$stderr_file" <<'PY'
import resource, subprocess, sys, time
binary, corpus, threads, err = sys.argv[1:5]
start = time.monotonic()
with open(err, "w") as e, open("/dev/null", "w") as null:
    rc = subprocess.call([binary, "code", corpus, "--threads", threads], stdout=null, stderr=e)
wall = time.monotonic() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
PY
)
    read -r wall rss_kb status <<< "$measured"
    rss_note=" (getrusage of children; /usr/bin/time not found)"
fi

if [[ $status -ne 0 && $status -ne 2 ]]; then
    echo "bench.sh: lapwing code exited with status $status; its stderr ends with:" >&2
    tail -n 20 "$stderr_file" >&2
    exit 1
fi

# Prefer the binary's own sentence count from its end-of-run summary on stderr.
sentences=$(grep -oiE '[0-9][0-9,_]* sentences|sentences[=: ]+[0-9][0-9,_]*' "$stderr_file" | tail -n 1 | grep -oE '[0-9][0-9,_]*' | tr -d ',_' || true)
if [[ -n "$sentences" ]]; then
    sent_note="(from lapwing's summary)"
else
    sentences=$est_sentences
    sent_note="(estimated with a simple splitter; lapwing printed no count)"
fi

python3 - "$bytes" "$docs" "$sentences" "$wall" "${rss_kb:-0}" "$threads" "$sent_note" "$rss_note" <<'PY'
import sys
b, docs, sents, wall, rss_kb, threads = (float(x) for x in sys.argv[1:7])
sent_note, rss_note = sys.argv[7], sys.argv[8]
mb = b / 1e6
w = max(wall, 1e-9)
print(f"threads:        {int(threads)}")
print(f"corpus MB:      {mb:.1f}")
print(f"documents:      {int(docs)}")
print(f"sentences:      {int(sents)} {sent_note}")
print(f"wall seconds:   {wall:.2f}")
print(f"MB/s:           {mb / w:.2f}")
print(f"documents/s:    {docs / w:.1f}")
print(f"sentences/s:    {sents / w:.1f}")
print(f"peak RSS MB:    {rss_kb / 1024:.1f}{rss_note}")
PY
