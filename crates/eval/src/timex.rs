//! Port of `score_timex.py`: TempEval-3 style strict/relaxed span F1 and value/type F1.

use crate::geo::{group, relaxed_pairs};
use crate::json::J;
use crate::py::{self, Key};
use crate::{get, ratio, EvalError, Prf, Rows};
use std::collections::HashSet;

/// What `score_timex.py` computes.
#[derive(Debug, Clone, PartialEq)]
pub struct TimexReport {
    /// Documents in the gold file.
    pub documents: u64,
    /// Gold time expressions.
    pub gold: u64,
    /// Predictions for gold documents.
    pub predicted: u64,
    /// Identical spans.
    pub strict: Prf,
    /// Overlapping spans, each gold taking at most one prediction.
    pub relaxed: Prf,
    /// Share of relaxed matches with the gold value.
    pub value_accuracy: f64,
    /// Relaxed F1 times value accuracy (the headline figure).
    pub value_f1: f64,
    /// Share of relaxed matches with the gold type.
    pub type_accuracy: f64,
    /// Relaxed F1 times type accuracy.
    pub type_f1: f64,
}

fn prf(tp: u64, n_pred: u64, n_gold: u64) -> (f64, f64, f64) {
    let p = ratio(tp, n_pred);
    let r = ratio(tp, n_gold);
    (p, r, crate::f1(p, r))
}

fn r3((p, r, f): (f64, f64, f64)) -> Prf {
    Prf { precision: py::round(p, 3), recall: py::round(r, 3), f1: py::round(f, 3) }
}

pub(crate) fn score(gold_rows: &Rows, pred_rows: &Rows) -> Result<TimexReport, EvalError> {
    let rows = (gold_rows, pred_rows);
    let (gold, pred) = group(gold_rows, pred_rows)?;
    let n_gold = gold.iter().map(|(_, v)| v.len()).sum::<usize>() as u64;
    let n_pred = pred.iter().map(|(_, v)| v.len()).sum::<usize>() as u64;
    let (mut strict, mut relaxed, mut value_ok, mut type_ok) = (0u64, 0u64, 0u64, 0u64);
    for ((_, gs), (_, ps)) in gold.iter().zip(&pred) {
        let spans =
            |which: &Rows, items: &[(usize, &serde_json::Map<String, serde_json::Value>)]| {
                let mut set = HashSet::new();
                for (line, o) in items {
                    let s = get(which, *line, o, "start")?;
                    let e = get(which, *line, o, "end")?;
                    let k = (Key::of(s), Key::of(e));
                    match k {
                        (Ok(s), Ok(e)) => set.insert((s, e)),
                        (Err(m), _) | (_, Err(m)) => return Err(which.err(*line, m)),
                    };
                }
                Ok::<_, EvalError>(set)
            };
        let gset = spans(gold_rows, gs)?;
        let pset = spans(pred_rows, ps)?;
        strict += gset.intersection(&pset).count() as u64;
        for (gi, pi) in relaxed_pairs(rows, gs, ps)? {
            let (g, p) = (gs[gi].1, ps[pi].1);
            relaxed += 1;
            let same = |k: &str| py::str_of_opt(p.get(k)) == py::str_of_opt(g.get(k));
            value_ok += u64::from(same("value"));
            type_ok += u64::from(same("type"));
        }
    }
    let s = prf(strict, n_pred, n_gold);
    let r = prf(relaxed, n_pred, n_gold);
    let vacc = ratio(value_ok, relaxed);
    let tacc = ratio(type_ok, relaxed);
    Ok(TimexReport {
        documents: gold.len() as u64,
        gold: n_gold,
        predicted: n_pred,
        strict: r3(s),
        relaxed: r3(r),
        value_accuracy: py::round(vacc, 3),
        value_f1: py::round(r.2 * vacc, 3),
        type_accuracy: py::round(tacc, 3),
        type_f1: py::round(r.2 * tacc, 3),
    })
}

impl TimexReport {
    pub(crate) fn to_j(&self) -> J {
        J::Obj(vec![
            ("documents", J::Int(self.documents)),
            ("gold", J::Int(self.gold)),
            ("predicted", J::Int(self.predicted)),
            ("strict", self.strict.to_j()),
            ("relaxed", self.relaxed.to_j()),
            ("value_accuracy", J::Float(self.value_accuracy)),
            ("value_f1", J::Float(self.value_f1)),
            ("type_accuracy", J::Float(self.type_accuracy)),
            ("type_f1", J::Float(self.type_f1)),
        ])
    }

    pub(crate) fn to_text(&self) -> String {
        format!(
            "{:8} {}\n{:8} {}\ntype F1={:.3}  value accuracy={:.3} (gold={} predicted={})\nvalue_f1={:.3}\n",
            "strict",
            self.strict.text(),
            "relaxed",
            self.relaxed.text(),
            self.type_f1,
            self.value_accuracy,
            self.gold,
            self.predicted,
            self.value_f1
        )
    }
}
