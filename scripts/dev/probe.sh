#!/usr/bin/env bash
# Development aid: codes each line of stdin as its own document (published 2024-03-10) and
# prints one short line per record: event, modes, actor codes -> recipient codes, trigger,
# aux flags and pattern. BIN=path chooses the binary (default: the release build).
# Usage: echo "Israeli jets struck Gaza." | scripts/dev/probe.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${BIN:-${CARGO_TARGET_DIR:-target}/release/lapwing}"
python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    line = line.strip()
    if line:
        print(json.dumps({"id": f"p{i}", "published": "2024-03-10", "text": line}))
' | "$bin" code -q - 2>/dev/null | python3 scripts/dev/probe_fmt.py
