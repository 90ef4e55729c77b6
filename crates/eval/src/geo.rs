//! Port of `score_geo.py`: toponym tagging by span overlap, and distance to gold.

use crate::json::J;
use crate::py::{self, Key};
use crate::{get, obj, ratio, EvalError, Prf, Rows};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Distance charged for a matched but unplaced prediction: the scorer's "farthest possible".
const UNPLACED_KM: f64 = 20038.0;

/// What `score_geo.py` computes.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoReport {
    /// Documents in the gold file.
    pub documents: u64,
    /// Gold toponyms.
    pub gold: u64,
    /// Predictions for gold documents.
    pub predicted: u64,
    /// Span matches.
    pub matched: u64,
    /// Tagging P/R/F1 of the span matches.
    pub tagging: Prf,
    /// Share of matches within 161 km, `round(x, 3)`; `0.0` with no matches.
    pub acc161: f64,
    /// Mean error in km, `round(x, 1)`; `None` with no matches.
    pub mean_km: Option<f64>,
    /// Median error in km, `round(x, 1)`; `None` with no matches.
    pub median_km: Option<f64>,
}

/// Haversine distance, written operation for operation as the Python so results agree bitwise.
fn km(a_lat: f64, a_lon: f64, b_lat: f64, b_lon: f64) -> f64 {
    // An opaque exponent keeps `** 2` a libm pow call, as in CPython, not a folded multiply.
    let two = std::hint::black_box(2.0f64);
    let (p1, p2) = (a_lat.to_radians(), b_lat.to_radians());
    let (dp, dl) = (p2 - p1, (b_lon - a_lon).to_radians());
    let h = (dp / 2.0).sin().powf(two) + p1.cos() * p2.cos() * (dl / 2.0).sin().powf(two);
    6371.0 * 2.0 * 1.0f64.min(h.sqrt()).asin()
}

/// `p["start"] < g["end"] and g["start"] < p["end"]`, short-circuiting like Python.
pub(crate) fn overlaps(
    rows: (&Rows, &Rows),
    p: (usize, &Map<String, Value>),
    g: (usize, &Map<String, Value>),
) -> Result<bool, EvalError> {
    let (gold, pred) = rows;
    let ps = get(pred, p.0, p.1, "start")?;
    let ge = get(gold, g.0, g.1, "end")?;
    if !py::lt(ps, ge).map_err(|m| pred.err(p.0, m))? {
        return Ok(false);
    }
    let gs = get(gold, g.0, g.1, "start")?;
    let pe = get(pred, p.0, p.1, "end")?;
    py::lt(gs, pe).map_err(|m| pred.err(p.0, m))
}

/// `abs(p["start"] - g["start"]) + abs(p["end"] - g["end"])`, the candidate order.
pub(crate) fn span_distance(
    rows: (&Rows, &Rows),
    p: (usize, &Map<String, Value>),
    g: (usize, &Map<String, Value>),
) -> Result<f64, EvalError> {
    let (gold, pred) = rows;
    let d = |k: &str| -> Result<f64, EvalError> {
        let a = get(pred, p.0, p.1, k)?;
        let b = get(gold, g.0, g.1, k)?;
        py::sub(a, b).map(f64::abs).map_err(|m| pred.err(p.0, m))
    };
    Ok(d("start")? + d("end")?)
}

/// One document's rows: gold and the predictions that name a gold document.
pub(crate) type Grouped<'a> = Vec<(Key, Vec<(usize, &'a Map<String, Value>)>)>;

/// Groups gold rows by doc id (in first-seen order) and attaches predictions to them.
pub(crate) fn group<'a>(
    gold: &'a Rows,
    pred: &'a Rows,
) -> Result<(Grouped<'a>, Grouped<'a>), EvalError> {
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut g_out: Grouped = Vec::new();
    for (line, v) in &gold.rows {
        let o = obj(gold, *line, v)?;
        let k = Key::of(get(gold, *line, o, "doc_id")?).map_err(|m| gold.err(*line, m))?;
        let i = *index.entry(k.clone()).or_insert_with(|| {
            g_out.push((k, Vec::new()));
            g_out.len() - 1
        });
        g_out[i].1.push((*line, o));
    }
    let mut p_out: Grouped = g_out.iter().map(|(k, _)| (k.clone(), Vec::new())).collect();
    for (line, v) in &pred.rows {
        let o = obj(pred, *line, v)?;
        let k = Key::of_opt(o.get("doc_id")).map_err(|m| pred.err(*line, m))?;
        if let Some(&i) = index.get(&k) {
            p_out[i].1.push((*line, o));
        }
    }
    Ok((g_out, p_out))
}

/// Relaxed matching shared with the timex scorer: each gold takes the overlapping unused
/// prediction nearest in offsets (first in file order on ties); yields (gold, pred) pairs.
pub(crate) fn relaxed_pairs<'a>(
    rows: (&Rows, &Rows),
    gs: &[(usize, &'a Map<String, Value>)],
    ps: &[(usize, &'a Map<String, Value>)],
) -> Result<Vec<(usize, usize)>, EvalError> {
    let mut used = vec![false; ps.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gs.iter().enumerate() {
        let mut cands = Vec::new();
        for (i, p) in ps.iter().enumerate() {
            if !used[i] && overlaps(rows, *p, *g)? {
                cands.push(i);
            }
        }
        let mut keyed = Vec::with_capacity(cands.len());
        for i in cands {
            keyed.push((span_distance(rows, ps[i], *g)?, i));
        }
        keyed.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        if let Some(&(_, i)) = keyed.first() {
            used[i] = true;
            pairs.push((gi, i));
        }
    }
    Ok(pairs)
}

pub(crate) fn score(gold_rows: &Rows, pred_rows: &Rows) -> Result<GeoReport, EvalError> {
    let rows = (gold_rows, pred_rows);
    let (gold, pred) = crate::geo::group(gold_rows, pred_rows)?;
    let n_gold: usize = gold.iter().map(|(_, v)| v.len()).sum();
    let n_pred: usize = pred.iter().map(|(_, v)| v.len()).sum();
    let mut errors = Vec::new();
    for ((_, gs), (_, ps)) in gold.iter().zip(&pred) {
        for (gi, pi) in relaxed_pairs(rows, gs, ps)? {
            let (gl, g) = gs[gi];
            let (pl, p) = ps[pi];
            let placed = |k: &str| p.get(k).is_some_and(|v| !v.is_null());
            if !placed("lat") || !placed("lon") {
                errors.push(UNPLACED_KM);
                continue;
            }
            let gnum = |k: &str| -> Result<f64, EvalError> {
                let v = get(gold_rows, gl, g, k)?;
                py::num(v).ok_or_else(|| {
                    gold_rows.err(
                        gl,
                        format!("TypeError: must be real number, not {}", py::type_name(v)),
                    )
                })
            };
            let pnum = |k: &str| -> Result<f64, EvalError> {
                let v = get(pred_rows, pl, p, k)?;
                py::to_float(v).map_err(|m| pred_rows.err(pl, m))
            };
            errors.push(km(gnum("lat")?, gnum("lon")?, pnum("lat")?, pnum("lon")?));
        }
    }
    let tp = errors.len() as u64;
    let prec = ratio(tp, n_pred as u64);
    let rec = ratio(tp, n_gold as u64);
    let f = crate::f1(prec, rec);
    let near = errors.iter().filter(|&&e| e <= 161.0).count() as u64;
    Ok(GeoReport {
        documents: gold.len() as u64,
        gold: n_gold as u64,
        predicted: n_pred as u64,
        matched: tp,
        tagging: Prf {
            precision: py::round(prec, 3),
            recall: py::round(rec, 3),
            f1: py::round(f, 3),
        },
        acc161: if errors.is_empty() { 0.0 } else { py::round(ratio(near, tp), 3) },
        mean_km: py::mean(&errors).map(|x| py::round(x, 1)),
        median_km: py::median(&errors).map(|x| py::round(x, 1)),
    })
}

impl GeoReport {
    pub(crate) fn to_j(&self) -> J {
        J::Obj(vec![
            ("documents", J::Int(self.documents)),
            ("gold", J::Int(self.gold)),
            ("predicted", J::Int(self.predicted)),
            ("matched", J::Int(self.matched)),
            ("tagging", self.tagging.to_j()),
            ("acc161", J::Float(self.acc161)),
            ("mean_km", J::opt(self.mean_km)),
            ("median_km", J::opt(self.median_km)),
        ])
    }

    pub(crate) fn to_text(&self) -> String {
        format!(
            "tagging {} (gold={} predicted={} matched={})\nerror km: mean={} median={}\nacc161={:.3}\n",
            self.tagging.text(),
            self.gold,
            self.predicted,
            self.matched,
            py::opt_repr(self.mean_km),
            py::opt_repr(self.median_km),
            self.acc161
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_known_distance() {
        // Damascus to Amman is about 176 km.
        let d = km(33.51, 36.29, 31.95, 35.93);
        assert!((170.0..180.0).contains(&d), "{d}");
        assert_eq!(km(10.0, 10.0, 10.0, 10.0), 0.0);
    }
}
