//! Port of `score_events.py`: event records against gold events at three strictness levels.
//!
//! The Python is the definition; every branch below mirrors a line of it, including its
//! loose handling of odd inputs (a string where a list belongs is iterated by character,
//! `1`, `1.0` and `true` are one doc id), so both give the same figures on any input.

use crate::json::J;
use crate::py::{self, Key};
use crate::{get, obj, ratio, EvalError, Rows};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Counts and rounded P/R/F1 at one level (`type`, `dyad` or `sector`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelScore {
    /// True positives: required gold events matched.
    pub tp: u64,
    /// False positives: predictions left unmatched.
    pub fp: u64,
    /// False negatives: required gold events left unmatched.
    pub fn_: u64,
    /// `round(precision, 3)`.
    pub precision: f64,
    /// `round(recall, 3)`.
    pub recall: f64,
    /// `round(f1, 3)`.
    pub f1: f64,
}

/// What `score_events.py` computes.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsReport {
    /// Same category.
    pub type_: LevelScore,
    /// Same category, shared actor and recipient codes.
    pub dyad: LevelScore,
    /// As dyad, also comparing sectors where gold names one.
    pub sector: LevelScore,
    /// Share of dated dyad matches with the gold date; `None` when no gold match is dated.
    pub date_accuracy: Option<f64>,
    /// Share of located dyad matches with the gold country; `None` when none is located.
    pub location_accuracy: Option<f64>,
    /// Dyad matches whose gold event has a date.
    pub dated_matches: u64,
    /// Dyad matches whose gold event has a location country.
    pub located_matches: u64,
    /// Documents in the gold file.
    pub documents: u64,
    /// Predictions (after filtering and dedup) for documents absent from gold.
    pub predicted_outside_gold_docs: u64,
}

/// A predicted entity's raw `code` and `sector`.
type Entity = (Option<Value>, Option<Value>);

/// A gold entity parsed from `CODE` or `CODE:SECTOR`; empty parts are `None`.
type GoldEntity = (Option<String>, Option<String>);

struct Gold<'a> {
    line: usize,
    event: Option<&'a Value>,
    actor: Vec<GoldEntity>,
    recipient: Vec<GoldEntity>,
    date: Option<&'a Value>,
    loc_country: Option<&'a Value>,
    optional: bool,
}

struct Pred<'a> {
    event: Value,
    actor: Vec<Entity>,
    recipient: Vec<Entity>,
    date: Option<&'a Value>,
    loc_country: Option<&'a Value>,
}

/// `for s in items or []`: the elements Python would iterate, or the TypeError it raises.
fn iterate(items: Option<&Value>) -> Result<Vec<Value>, String> {
    let Some(v) = items.filter(|v| py::truthy(v)) else {
        return Ok(Vec::new());
    };
    match v {
        Value::Array(a) => Ok(a.clone()),
        Value::String(s) => Ok(s.chars().map(|c| Value::String(c.to_string())).collect()),
        Value::Object(o) => Ok(o.keys().map(|k| Value::String(k.clone())).collect()),
        other => Err(format!("TypeError: '{}' object is not iterable", py::type_name(other))),
    }
}

fn gold_entities(items: Option<&Value>) -> Result<Vec<GoldEntity>, String> {
    Ok(iterate(items)?
        .iter()
        .map(|s| {
            let s = py::str_of(s);
            let (code, sector) = s.split_once(':').unwrap_or((s.as_str(), ""));
            let some = |x: &str| (!x.is_empty()).then(|| x.to_string());
            (some(code), some(sector))
        })
        .collect())
}

fn pred_entities(items: Option<&Value>) -> Result<Vec<Entity>, String> {
    Ok(iterate(items)?
        .iter()
        .filter_map(|e| e.as_object())
        .map(|e| (e.get("code").cloned(), e.get("sector").cloned()))
        .collect())
}

fn is_str(v: &Option<Value>, s: &str) -> bool {
    matches!(v, Some(Value::String(x)) if x == s)
}

fn side_matches(gold: &[GoldEntity], pred: &[Entity], with_sector: bool) -> bool {
    if gold.is_empty() {
        return true;
    }
    gold.iter().any(|(gc, gs)| {
        pred.iter().any(|(pc, ps)| {
            gc.as_deref().is_some_and(|gc| is_str(pc, gc))
                && (!with_sector || gs.as_deref().is_none_or(|gs| is_str(ps, gs)))
        })
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Level {
    Type,
    Dyad,
    Sector,
}

fn matches(g: &Gold, p: &Pred, level: Level, gold: &Rows) -> Result<bool, EvalError> {
    let event = g.event.ok_or_else(|| gold.err(g.line, "KeyError: 'event'"))?;
    if !py::eq(event, &p.event) {
        return Ok(false);
    }
    if level == Level::Type {
        return Ok(true);
    }
    let ws = level == Level::Sector;
    Ok(side_matches(&g.actor, &p.actor, ws) && side_matches(&g.recipient, &p.recipient, ws))
}

fn code_set(es: &[Entity]) -> Result<Vec<Key>, String> {
    let mut keys =
        es.iter().map(|(c, _)| Key::of_opt(c.as_ref())).collect::<Result<Vec<_>, _>>()?;
    keys.sort();
    keys.dedup();
    Ok(keys)
}

type DedupKey = (Key, Key, Vec<Key>, Vec<Key>, Key);

fn prepare_predictions(rows: &Rows) -> Result<HashMap<Key, Vec<Pred<'_>>>, EvalError> {
    let mut by_doc: HashMap<Key, Vec<Pred>> = HashMap::new();
    let mut seen: HashSet<DedupKey> = HashSet::new();
    for (line, v) in &rows.rows {
        let line = *line;
        let r = obj(rows, line, v)?;
        let e = |m: String| rows.err(line, m);
        if let Some(aux) = r.get("aux").filter(|a| py::truthy(a)) {
            let aux = aux.as_object().ok_or_else(|| {
                e(format!(
                    "AttributeError: '{}' object has no attribute 'get' (aux)",
                    py::type_name(aux)
                ))
            })?;
            let flag = |k: &str| aux.get(k).is_some_and(py::truthy);
            if flag("negated") || flag("hypothetical") {
                continue;
            }
        }
        let ev = match r.get("event") {
            Some(Value::Array(a)) => a.first().cloned().unwrap_or(Value::Null),
            Some(v) => v.clone(),
            None => Value::Null,
        };
        let actor = pred_entities(r.get("actor")).map_err(e)?;
        let recipient = pred_entities(r.get("recipient")).map_err(e)?;
        let doc = Key::of_opt(r.get("doc_id")).map_err(e)?;
        let key = (
            doc.clone(),
            Key::of(&ev).map_err(e)?,
            code_set(&actor).map_err(e)?,
            code_set(&recipient).map_err(e)?,
            Key::of_opt(r.get("date")).map_err(e)?,
        );
        if !seen.insert(key) {
            continue;
        }
        let loc_country = match r.get("event_loc") {
            Some(Value::Object(o)) => o.get("country"),
            _ => None,
        };
        by_doc.entry(doc).or_default().push(Pred {
            event: ev,
            actor,
            recipient,
            date: r.get("date"),
            loc_country,
        });
    }
    Ok(by_doc)
}

pub(crate) fn score(gold_rows: &Rows, pred_rows: &Rows) -> Result<EventsReport, EvalError> {
    let mut gold: HashMap<Key, Vec<Gold>> = HashMap::new();
    for (line, v) in &gold_rows.rows {
        let line = *line;
        let g = obj(gold_rows, line, v)?;
        let e = |m: String| gold_rows.err(line, m);
        let doc = Key::of(get(gold_rows, line, g, "doc_id")?).map_err(e)?;
        gold.entry(doc).or_default().push(Gold {
            line,
            event: g.get("event"),
            actor: gold_entities(g.get("actor")).map_err(e)?,
            recipient: gold_entities(g.get("recipient")).map_err(e)?,
            date: g.get("date"),
            loc_country: g.get("loc_country"),
            optional: g.get("optional").is_some_and(py::truthy),
        });
    }
    let preds = prepare_predictions(pred_rows)?;
    let empty = Vec::new();
    let mut levels = Vec::new();
    let (mut date_acc, mut loc_acc, mut dated, mut located) = (None, None, 0, 0);
    for level in [Level::Type, Level::Dyad, Level::Sector] {
        let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
        let (mut date_ok, mut date_n, mut loc_ok, mut loc_n) = (0u64, 0u64, 0u64, 0u64);
        for (doc, gs) in &gold {
            let ps = preds.get(doc).unwrap_or(&empty);
            let mut used = vec![false; ps.len()];
            let mut n_used = 0u64;
            // required gold first, then optional (a stable sort, as Python's)
            let mut order: Vec<&Gold> = gs.iter().collect();
            order.sort_by_key(|g| g.optional);
            for g in order {
                let mut cands = Vec::new();
                for (i, p) in ps.iter().enumerate() {
                    if !used[i] && matches(g, p, level, gold_rows)? {
                        cands.push(i);
                    }
                }
                cands.sort_by_key(|&i| {
                    (!py::eq_opt(ps[i].date, g.date), !py::eq_opt(ps[i].loc_country, g.loc_country))
                });
                let Some(&hit) = cands.first() else {
                    if !g.optional {
                        fn_ += 1;
                    }
                    continue;
                };
                used[hit] = true;
                n_used += 1;
                if !g.optional {
                    tp += 1;
                }
                if level == Level::Dyad {
                    if let Some(d) = g.date.filter(|d| py::truthy(d)) {
                        date_n += 1;
                        date_ok += u64::from(py::eq_opt(ps[hit].date, Some(d)));
                    }
                    if let Some(c) = g.loc_country.filter(|c| py::truthy(c)) {
                        loc_n += 1;
                        loc_ok += u64::from(py::eq_opt(ps[hit].loc_country, Some(c)));
                    }
                }
            }
            fp += ps.len() as u64 - n_used;
        }
        let p = ratio(tp, tp + fp);
        let r = ratio(tp, tp + fn_);
        let f = crate::f1(p, r);
        levels.push(LevelScore {
            tp,
            fp,
            fn_,
            precision: py::round(p, 3),
            recall: py::round(r, 3),
            f1: py::round(f, 3),
        });
        if level == Level::Dyad {
            date_acc = (date_n > 0).then(|| py::round(ratio(date_ok, date_n), 3));
            loc_acc = (loc_n > 0).then(|| py::round(ratio(loc_ok, loc_n), 3));
            dated = date_n;
            located = loc_n;
        }
    }
    let outside =
        preds.iter().filter(|(d, _)| !gold.contains_key(*d)).map(|(_, v)| v.len() as u64).sum();
    Ok(EventsReport {
        type_: levels[0],
        dyad: levels[1],
        sector: levels[2],
        date_accuracy: date_acc,
        location_accuracy: loc_acc,
        dated_matches: dated,
        located_matches: located,
        documents: gold.len() as u64,
        predicted_outside_gold_docs: outside,
    })
}

impl LevelScore {
    fn to_j(self) -> J {
        J::Obj(vec![
            ("tp", J::Int(self.tp)),
            ("fp", J::Int(self.fp)),
            ("fn", J::Int(self.fn_)),
            ("precision", J::Float(self.precision)),
            ("recall", J::Float(self.recall)),
            ("f1", J::Float(self.f1)),
        ])
    }
}

impl EventsReport {
    pub(crate) fn to_j(&self) -> J {
        J::Obj(vec![
            ("type", self.type_.to_j()),
            ("dyad", self.dyad.to_j()),
            ("date_accuracy", J::opt(self.date_accuracy)),
            ("location_accuracy", J::opt(self.location_accuracy)),
            ("dated_matches", J::Int(self.dated_matches)),
            ("located_matches", J::Int(self.located_matches)),
            ("sector", self.sector.to_j()),
            ("documents", J::Int(self.documents)),
            ("predicted_outside_gold_docs", J::Int(self.predicted_outside_gold_docs)),
        ])
    }

    pub(crate) fn to_text(&self) -> String {
        let mut out = String::new();
        for (name, m) in [("type", &self.type_), ("dyad", &self.dyad), ("sector", &self.sector)] {
            out.push_str(&format!(
                "{name:7} P={:.3} R={:.3} F1={:.3} (tp={} fp={} fn={})\n",
                m.precision, m.recall, m.f1, m.tp, m.fp, m.fn_
            ));
        }
        out.push_str(&format!(
            "date accuracy on dyad matches: {} ({} dated)\n",
            py::opt_repr(self.date_accuracy),
            self.dated_matches
        ));
        out.push_str(&format!(
            "location-country accuracy on dyad matches: {} ({} located)\n",
            py::opt_repr(self.location_accuracy),
            self.located_matches
        ));
        out.push_str(&format!("dyad_f1={:.3}\n", self.dyad.f1));
        out
    }
}
