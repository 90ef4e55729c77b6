#!/usr/bin/env python3
"""Lists, per document, the gold events and lapwing's records side by side, marking which
predictions matched at dyad level, so that errors can be read by phenomenon.

Usage: scripts/news-dev-errors.py GOLD.jsonl PRED.jsonl [--only-errors] [--min-confidence X]
Matching follows ../shared/tools/score_events.py (dyad level); this script only explains.
"""
import json
import sys
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith("--")]
only_errors = "--only-errors" in sys.argv
min_conf = 0.0
if "--min-confidence" in sys.argv:
    min_conf = float(sys.argv[sys.argv.index("--min-confidence") + 1])
    args = [a for a in args if a != str(min_conf) and a != sys.argv[sys.argv.index("--min-confidence") + 1]]
gold_path, pred_path = args[:2]


def ents(items):
    out = []
    for e in items or []:
        if isinstance(e, dict):
            out.append((e.get("code"), e.get("sector")))
        else:
            c, _, s = str(e).partition(":")
            out.append((c or None, s or None))
    return out


def side(g, p):
    return not g or any(gc == pc for gc, _ in g for pc, _ in p)


gold = defaultdict(list)
for l in open(gold_path, encoding="utf-8"):
    if l.strip():
        g = json.loads(l)
        g["a"], g["r"] = ents(g.get("actor")), ents(g.get("recipient"))
        gold[g["doc_id"]].append(g)
preds = defaultdict(list)
seen = set()
for l in open(pred_path, encoding="utf-8"):
    if not l.strip():
        continue
    r = json.loads(l)
    aux = r.get("aux") or {}
    if aux.get("negated") or aux.get("hypothetical") or (r.get("confidence") or 0) < min_conf:
        continue
    a, rc = ents(r.get("actor")), ents(r.get("recipient"))
    key = (r["doc_id"], r["event"], frozenset(c for c, _ in a), frozenset(c for c, _ in rc), r.get("date"))
    if key in seen:
        continue
    seen.add(key)
    r["a"], r["r"] = a, rc
    preds[r["doc_id"]].append(r)

fmt = lambda es: ",".join(f"{c}:{s}" if s else str(c) for c, s in es) or "-"
for doc in sorted(gold):
    ps = preds.get(doc, [])
    used = {}
    for gi, g in sorted(enumerate(gold[doc]), key=lambda t: bool(t[1].get("optional"))):
        for i, p in enumerate(ps):
            if i not in used and p["event"] == g["event"] and side(g["a"], p["a"]) and side(g["r"], p["r"]):
                used[i] = gi
                g["hit"] = i
                break
    lines = []
    for g in gold[doc]:
        ok = "hit" in g
        if only_errors and (ok or g.get("optional")):
            continue
        tag = "  ok " if ok else ("  opt" if g.get("optional") else "  MISS")
        lines.append(f"{tag} G {g['event']:9} {fmt(g['a'])} -> {fmt(g['r'])}  [{g.get('note', '')}]")
    for i, p in enumerate(ps):
        if i in used:
            if only_errors:
                continue
            tag = "  ok "
        else:
            tag = "  FP "
        lines.append(f"{tag} P {p['event']:9} {fmt(p['a'])} -> {fmt(p['r'])}  c={p.get('confidence')}"
                     f" «{p.get('event_text')}» pat={(p.get('evidence') or {}).get('pattern')}"
                     f"\n         {p.get('text', '')[:220]}")
    if lines:
        print(f"== {doc}")
        print("\n".join(lines))
