#!/usr/bin/env python3
"""Development aid: what changed between two runs of `lapwing code` on the same documents.

Prints records only in OLD (-) or only in NEW (+), keyed by document, category, actor and
recipient codes and trigger, with the sentence. Negated and hypothetical records are marked.
Usage: scripts/dev/pred_diff.py OLD.jsonl NEW.jsonl
"""
import json
import sys


def key(r):
    codes = lambda side: ",".join(
        sorted(f"{e.get('code')}:{e.get('sector')}" for e in r.get(side) or [])
    )
    aux = r.get("aux") or {}
    flag = "".join(k[0] for k in ("negated", "hypothetical", "future") if aux.get(k))
    trig = ((r.get("evidence") or {}).get("trigger") or {}).get("text", "")
    return (r["doc_id"], r["event"], codes("actor"), codes("recipient"), trig, flag)


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        out[key(r)] = r.get("text", "")[:160]
    return out


old, new = load(sys.argv[1]), load(sys.argv[2])
for sign, a, b in (("-", old, new), ("+", new, old)):
    for k in sorted(set(a) - set(b)):
        doc, ev, act, rec, trig, flag = k
        print(f"{sign} {doc} {ev} {act or '-'} -> {rec or '-'} «{trig}» {flag}\n      {a[k]}")
