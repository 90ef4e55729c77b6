"""Formats `lapwing code` records on stdin as one short line each (used by probe.sh)."""
import json
import sys


def codes(es):
    return "+".join(f"{e.get('code')}:{e.get('sector')}" for e in es) or "-"


last = None
for line in sys.stdin:
    r = json.loads(line)
    if r["doc_id"] != last:
        print("##", r["text"][:110])
        last = r["doc_id"]
    aux = ",".join(k for k, v in r["aux"].items() if v)
    pat = r["evidence"]["pattern"].split(" ")[0]
    mode = "/".join(r["mode"])
    print(f"  {r['event']:9} {mode:12} {codes(r['actor'])} -> {codes(r['recipient'])}"
          f"  [{r['event_text']}] {aux} {pat} {r.get('date')}")
