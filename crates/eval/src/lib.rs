//! Scoring and validation of lapwing output.
//!
//! `score` is a faithful port of the reference scorers in `../shared/tools/score_*.py`: the
//! same figures, the same text lines and the same `--json` output, byte for byte, so that
//! `lapwing eval` can stand in for them. `schema` checks records against
//! `schemas/event-record.v1.json`.
//!
//! ```
//! use lapwing_eval::{score, Task};
//! let gold = r#"{"doc_id": "d", "start": 0, "end": 5, "type": "DATE", "value": "2025"}"#;
//! let pred = r#"{"doc_id": "d", "start": 0, "end": 5, "type": "DATE", "value": "2025"}"#;
//! let report = score(Task::Timex, gold, "gold.jsonl", pred, "pred.jsonl").unwrap();
//! assert!(report.to_text().ends_with("value_f1=1.000\n"));
//! ```
#![deny(missing_docs)]

mod events;
mod geo;
mod json;
mod py;
pub mod schema;
mod timex;

use serde_json::Value;
use std::fmt;
use std::str::FromStr;

pub use events::{EventsReport, LevelScore};
pub use geo::GeoReport;
pub use schema::{validate, validate_event_record, validate_event_records_jsonl, Validator};
pub use timex::TimexReport;

/// Which scorer to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// Event records against gold events (`score_events.py`).
    Events,
    /// Geoparsing against gold toponyms (`score_geo.py`).
    Geo,
    /// Time expressions against gold TIMEX3 (`score_timex.py`).
    Timex,
}

impl FromStr for Task {
    type Err = EvalError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "events" => Ok(Task::Events),
            "geo" => Ok(Task::Geo),
            "timex" => Ok(Task::Timex),
            other => Err(EvalError::UnknownTask(other.to_string())),
        }
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Task::Events => "events",
            Task::Geo => "geo",
            Task::Timex => "timex",
        })
    }
}

/// Why a file could not be scored. The Python scorers exit (events) or raise (geo, timex) in
/// these cases; here the file and 1-based line are kept so the caller can report them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    /// A non-blank line is not valid JSON (`score_events.py` prints `path:n: not JSON: ...`).
    #[error("{file}:{line}: not JSON: {message}")]
    NotJson {
        /// The file name as given to `score`.
        file: String,
        /// 1-based line number, counting blank lines.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// A line is JSON but lacks what the scorer needs (where Python raises KeyError/TypeError).
    #[error("{file}:{line}: {message}")]
    BadRecord {
        /// The file name as given to `score`.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong, in the words of the Python exception.
        message: String,
    },
    /// `Task::from_str` got something other than `events`, `geo` or `timex`.
    #[error("unknown eval task {0:?} (expected events, geo or timex)")]
    UnknownTask(String),
}

/// The figures of one scorer run.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    /// From `Task::Events`.
    Events(EventsReport),
    /// From `Task::Geo`.
    Geo(GeoReport),
    /// From `Task::Timex`.
    Timex(TimexReport),
}

impl Report {
    /// Exactly what the Python scorer prints without `--json`; every line ends with `\n`, and
    /// the last is `dyad_f1=…`, `acc161=…` or `value_f1=…`.
    pub fn to_text(&self) -> String {
        match self {
            Report::Events(r) => r.to_text(),
            Report::Geo(r) => r.to_text(),
            Report::Timex(r) => r.to_text(),
        }
    }

    /// Exactly Python's `json.dumps(result, indent=2)`, without a trailing newline (the
    /// scorer's `print` adds one).
    pub fn to_json(&self) -> String {
        match self {
            Report::Events(r) => r.to_j().dumps(),
            Report::Geo(r) => r.to_j().dumps(),
            Report::Timex(r) => r.to_j().dumps(),
        }
    }

    /// The headline figure: dyad F1, acc@161km or value F1.
    pub fn headline(&self) -> f64 {
        match self {
            Report::Events(r) => r.dyad.f1,
            Report::Geo(r) => r.acc161,
            Report::Timex(r) => r.value_f1,
        }
    }
}

/// Scores `predicted` against `gold` (both JSON Lines file contents) as
/// `../shared/tools/score_<task>.py GOLD PREDICTED` would. The names are only used in errors.
pub fn score(
    task: Task,
    gold: &str,
    gold_name: &str,
    predicted: &str,
    predicted_name: &str,
) -> Result<Report, EvalError> {
    // score_events.py strips each line before parsing; the other two parse it as read.
    let strip = task == Task::Events;
    let g = Rows::load(gold, gold_name, strip)?;
    let p = Rows::load(predicted, predicted_name, strip)?;
    Ok(match task {
        Task::Events => Report::Events(events::score(&g, &p)?),
        Task::Geo => Report::Geo(geo::score(&g, &p)?),
        Task::Timex => Report::Timex(timex::score(&g, &p)?),
    })
}

/// The parsed lines of one input file, with their line numbers for error messages.
pub(crate) struct Rows {
    pub(crate) name: String,
    pub(crate) rows: Vec<(usize, Value)>,
}

impl Rows {
    fn load(text: &str, name: &str, strip: bool) -> Result<Rows, EvalError> {
        let mut rows = Vec::new();
        for (i, line) in py::lines(text).into_iter().enumerate() {
            let stripped = line.trim_matches(py::isspace);
            if stripped.is_empty() {
                continue;
            }
            let src = if strip { stripped } else { line };
            let value = serde_json::from_str(src).map_err(|e| EvalError::NotJson {
                file: name.to_string(),
                line: i + 1,
                message: e.to_string(),
            })?;
            rows.push((i + 1, value));
        }
        Ok(Rows { name: name.to_string(), rows })
    }

    /// An error about the record on `line`.
    pub(crate) fn err(&self, line: usize, message: impl Into<String>) -> EvalError {
        EvalError::BadRecord { file: self.name.clone(), line, message: message.into() }
    }
}

/// The object of a row, or the error Python raises when a line is not a dict.
pub(crate) fn obj<'a>(
    rows: &Rows,
    line: usize,
    v: &'a Value,
) -> Result<&'a serde_json::Map<String, Value>, EvalError> {
    v.as_object().ok_or_else(|| {
        rows.err(
            line,
            format!("expected a JSON object, got '{}' (Python raises here)", py::type_name(v)),
        )
    })
}

/// `row[key]`, or Python's KeyError.
pub(crate) fn get<'a>(
    rows: &Rows,
    line: usize,
    o: &'a serde_json::Map<String, Value>,
    key: &str,
) -> Result<&'a Value, EvalError> {
    o.get(key).ok_or_else(|| rows.err(line, format!("KeyError: '{key}'")))
}

/// Precision, recall and F1, each `round(x, 3)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn to_j(self) -> json::J {
        json::J::Obj(vec![
            ("precision", json::J::Float(self.precision)),
            ("recall", json::J::Float(self.recall)),
            ("f1", json::J::Float(self.f1)),
        ])
    }

    fn text(self) -> String {
        format!("P={:.3} R={:.3} F1={:.3}", self.precision, self.recall, self.f1)
    }
}

/// Python `a / b` of two counts, `0.0` when the divisor is zero (as the scorers guard it).
pub(crate) fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// `2 * p * r / (p + r) if p + r else 0.0`.
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_names_round_trip() {
        for t in [Task::Events, Task::Geo, Task::Timex] {
            assert_eq!(t.to_string().parse::<Task>(), Ok(t));
        }
        assert!("event".parse::<Task>().is_err());
    }

    #[test]
    fn events_perfect_match() {
        let gold = r#"{"doc_id": "d", "event": "AGREE", "actor": ["ISR:GOV"], "recipient": [], "date": "2025-07-18", "loc_country": null}"#;
        let pred = r#"{"doc_id": "d", "event": "AGREE", "actor": [{"code": "ISR", "sector": "GOV"}], "recipient": [], "date": "2025-07-18"}"#;
        let r = score(Task::Events, gold, "g", pred, "p").expect("scores");
        assert_eq!(r.headline(), 1.0);
        assert_eq!(
            r.to_text(),
            "type    P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)\n\
             dyad    P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)\n\
             sector  P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)\n\
             date accuracy on dyad matches: 1.0 (1 dated)\n\
             location-country accuracy on dyad matches: None (0 located)\n\
             dyad_f1=1.000\n"
        );
        assert!(r.to_json().contains("\"location_accuracy\": null,"));
    }

    #[test]
    fn negated_and_duplicate_predictions_do_not_count() {
        let gold = r#"{"doc_id": "d", "event": "ASSAULT", "actor": ["SYR"], "recipient": []}"#;
        let pred = "{\"doc_id\": \"d\", \"event\": \"ASSAULT\", \"actor\": [{\"code\": \"SYR\"}]}\n\
                    {\"doc_id\": \"d\", \"event\": \"ASSAULT\", \"actor\": [{\"code\": \"SYR\", \"sector\": \"MIL\"}]}\n\
                    {\"doc_id\": \"d\", \"event\": \"ASSAULT\", \"actor\": [], \"aux\": {\"negated\": true}}\n";
        let Report::Events(r) = score(Task::Events, gold, "g", pred, "p").expect("scores") else {
            panic!("events report expected");
        };
        assert_eq!((r.dyad.tp, r.dyad.fp, r.dyad.fn_), (1, 0, 0));
    }

    #[test]
    fn errors_carry_file_and_line() {
        let err = score(Task::Events, "{}\n\nnope\n", "gold.jsonl", "", "p").unwrap_err();
        assert!(matches!(&err, EvalError::NotJson { line: 3, file, .. } if file == "gold.jsonl"));
        assert!(err.to_string().starts_with("gold.jsonl:3: not JSON: "));
        let gold = r#"{"doc_id": "d", "end": 4}"#;
        let pred = "\n{\"doc_id\": \"d\", \"start\": 0, \"end\": 2}";
        let err = score(Task::Timex, gold, "g", pred, "p").unwrap_err();
        assert_eq!(err.to_string(), "g:1: KeyError: 'start'");
        let err = score(Task::Geo, "[1]", "g", "", "p").unwrap_err();
        assert!(matches!(err, EvalError::BadRecord { line: 1, .. }));
    }

    #[test]
    fn geo_unplaced_counts_as_far() {
        let gold = r#"{"doc_id": "d", "start": 0, "end": 5, "lat": 1.0, "lon": 1.0}"#;
        let pred = r#"{"doc_id": "d", "start": 1, "end": 3, "lat": null, "lon": 2}"#;
        let Report::Geo(r) = score(Task::Geo, gold, "g", pred, "p").expect("scores") else {
            panic!("geo report expected");
        };
        assert_eq!((r.matched, r.acc161, r.mean_km), (1, 0.0, Some(20038.0)));
        assert!(Report::Geo(r).to_json().contains("\"mean_km\": 20038.0,"));
    }
}
