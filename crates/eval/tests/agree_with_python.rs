//! Checks that the Rust scorers print byte-for-byte what `../shared/tools/score_*.py` print,
//! on hand-written edge-case fixtures, the seed example, and (when present) the development
//! sets with predictions derived from their gold. Skips with a message when python3 or the
//! shared directory is missing, since CI machines without them cannot run the reference.

use lapwing_eval::{score, EvalError, Task};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// `None` (after saying why) when the reference scorers cannot be run here.
fn python_available() -> bool {
    let tools = shared().join("tools");
    if !tools.join("score_events.py").exists() {
        eprintln!("skipping: {} not found", tools.display());
        return false;
    }
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => true,
        _ => {
            eprintln!("skipping: python3 not available");
            false
        }
    }
}

fn python(task: Task, gold: &Path, pred: &Path, json: bool) -> (bool, String, String) {
    let script = shared().join(format!("tools/score_{task}.py"));
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(gold).arg(pred);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("python3 runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn agree(task: Task, gold: &Path, pred: &Path) {
    let (gname, pname) = (gold.display().to_string(), pred.display().to_string());
    let report = score(task, &read(gold), &gname, &read(pred), &pname)
        .unwrap_or_else(|e| panic!("{task} {gname} {pname}: {e}"));
    let (ok, text, err) = python(task, gold, pred, false);
    assert!(ok, "python failed on {gname} {pname}: {err}");
    assert_eq!(report.to_text(), text, "text of {task} {gname} {pname}");
    let (ok, json, err) = python(task, gold, pred, true);
    assert!(ok, "python failed on {gname} {pname}: {err}");
    assert_eq!(format!("{}\n", report.to_json()), json, "json of {task} {gname} {pname}");
}

#[test]
fn fixtures_agree() {
    if !python_available() {
        return;
    }
    let seed = shared().join("spec/examples/seed-article.gold.jsonl");
    let f = fixture;
    let cases: Vec<(Task, PathBuf, PathBuf)> = vec![
        (Task::Events, f("events-edge.gold.jsonl"), f("events-edge.pred.jsonl")),
        (Task::Events, f("events-edge.gold.jsonl"), f("events-crlf.pred.jsonl")),
        (Task::Events, f("events-edge.gold.jsonl"), f("empty.jsonl")),
        (Task::Events, f("empty.jsonl"), f("events-edge.pred.jsonl")),
        (Task::Events, f("events-tie.gold.jsonl"), f("events-tie.pred.jsonl")),
        (Task::Events, seed.clone(), f("events-seed.pred.jsonl")),
        (Task::Events, seed.clone(), f("events-edge.pred.jsonl")),
        (Task::Events, seed, f("empty.jsonl")),
        (Task::Geo, f("geo-edge.gold.jsonl"), f("geo-edge.pred.jsonl")),
        (Task::Geo, f("geo-edge.gold.jsonl"), f("geo-even.pred.jsonl")),
        (Task::Geo, f("geo-edge.gold.jsonl"), f("empty.jsonl")),
        (Task::Geo, f("empty.jsonl"), f("empty.jsonl")),
        (Task::Timex, f("timex-edge.gold.jsonl"), f("timex-edge.pred.jsonl")),
        (Task::Timex, f("timex-edge.gold.jsonl"), f("empty.jsonl")),
        (Task::Timex, f("empty.jsonl"), f("timex-edge.pred.jsonl")),
    ];
    for (task, gold, pred) in cases {
        agree(task, &gold, &pred);
    }
}

#[test]
fn malformed_line_reports_file_and_line_like_python() {
    if !python_available() {
        return;
    }
    let (gold, pred) = (fixture("events-edge.gold.jsonl"), fixture("events-bad.pred.jsonl"));
    let (gname, pname) = (gold.display().to_string(), pred.display().to_string());
    let err = score(Task::Events, &read(&gold), &gname, &read(&pred), &pname).unwrap_err();
    assert!(matches!(err, EvalError::NotJson { line: 2, .. }), "{err:?}");
    let (ok, _, stderr) = python(Task::Events, &gold, &pred, false);
    assert!(!ok);
    let prefix = format!("{pname}:2: not JSON: ");
    assert!(stderr.starts_with(&prefix), "{stderr}");
    assert!(err.to_string().starts_with(&prefix), "{err}");
}

/// Writes predictions derived from a development gold file: shifted spans, moved or
/// missing coordinates, changed values, dropped and extra rows, so every code path runs.
fn derive(gold: &Path, task: Task, out: &Path) {
    let mut lines = Vec::new();
    for (i, line) in read(gold).lines().enumerate() {
        let Ok(serde_json::Value::Object(mut o)) = serde_json::from_str(line) else {
            continue;
        };
        if i % 5 == 4 {
            continue;
        }
        let shift = (i % 3) as i64 - 1;
        for k in ["start", "end"] {
            if let Some(v) = o.get(k).and_then(|v| v.as_i64()) {
                o.insert(k.into(), (v + shift).into());
            }
        }
        match task {
            Task::Geo => {
                if i % 11 == 0 {
                    o.insert("lat".into(), serde_json::Value::Null);
                } else if let Some(lat) = o.get("lat").and_then(|v| v.as_f64()) {
                    let moved = (lat + (i % 7) as f64 * 0.37).clamp(-90.0, 90.0);
                    o.insert("lat".into(), moved.into());
                }
                if i % 13 == 0 {
                    o.insert("lon".into(), (-(i as f64) / 3.0).into());
                }
            }
            Task::Timex => {
                if i % 4 == 0 {
                    o.insert("value".into(), "XXXX-XX-XX".into());
                }
                if i % 9 == 0 {
                    o.insert("type".into(), "DURATION".into());
                }
            }
            Task::Events => {}
        }
        lines.push(serde_json::Value::Object(o.clone()).to_string());
        if i % 17 == 0 {
            lines.push(serde_json::Value::Object(o).to_string());
        }
    }
    std::fs::write(out, lines.join("\n") + "\n").expect("write temp file");
}

#[test]
fn development_sets_agree() {
    if !python_available() {
        return;
    }
    let sets = [(Task::Geo, "geovirus"), (Task::Geo, "trnews"), (Task::Timex, "tbaq")];
    for (task, name) in sets {
        let gold = shared().join(format!("datasets/{name}.gold.jsonl"));
        if !gold.exists() {
            eprintln!("skipping {name}: {} not found", gold.display());
            continue;
        }
        let pred = std::env::temp_dir()
            .join(format!("lapwing-eval-{}-{name}.pred.jsonl", std::process::id()));
        derive(&gold, task, &pred);
        agree(task, &gold, &pred);
        agree(task, &gold, &gold);
        let _ = std::fs::remove_file(&pred);
    }
}

/// A small deterministic generator, so failures reproduce without a `rand` dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next(xs.len() as u64) as usize]
    }
}

fn random_events(rng: &mut Lcg, gold: bool) -> String {
    let events = ["ASSAULT", "AGREE", "REQUEST", "ACCUSE"];
    let codes = ["SYR", "ISR", "USA", "JOR"];
    let sectors = ["GOV", "MIL", "CVL"];
    let dates = ["2025-07-17", "2025-07-18", "2025-07-19"];
    let mut out = String::new();
    for doc in 0..60 {
        for _ in 0..rng.next(6) {
            let side = |rng: &mut Lcg| -> serde_json::Value {
                let n = rng.next(3);
                let items: Vec<serde_json::Value> = (0..n)
                    .map(|_| {
                        let code = rng.pick(&codes);
                        let sector = rng.pick(&sectors);
                        if gold {
                            if rng.next(2) == 0 {
                                code.into()
                            } else {
                                format!("{code}:{sector}").into()
                            }
                        } else {
                            serde_json::json!({"code": code, "sector": sector})
                        }
                    })
                    .collect();
                items.into()
            };
            let date =
                if rng.next(3) == 0 { serde_json::Value::Null } else { rng.pick(&dates).into() };
            let country: serde_json::Value =
                if rng.next(3) == 0 { serde_json::Value::Null } else { rng.pick(&codes).into() };
            let mut o = serde_json::json!({
                "doc_id": format!("d{doc}"), "event": rng.pick(&events),
                "actor": side(rng), "recipient": side(rng), "date": date,
            });
            if gold {
                o["loc_country"] = country;
                o["optional"] = (rng.next(4) == 0).into();
            } else {
                o["event_loc"] = serde_json::json!({"country": country});
                o["aux"] = serde_json::json!({"negated": rng.next(8) == 0});
            }
            out.push_str(&o.to_string());
            out.push('\n');
        }
    }
    out
}

fn random_spans(rng: &mut Lcg, task: Task, gold: bool) -> String {
    let values = ["2025-07-17", "P3D", "PRESENT_REF", "2025-W29"];
    let mut out = String::new();
    for doc in 0..60 {
        for _ in 0..rng.next(7) {
            let start = rng.next(60);
            let end = start + 1 + rng.next(8);
            let mut o =
                serde_json::json!({"doc_id": format!("d{doc}"), "start": start, "end": end});
            if task == Task::Geo {
                if gold || rng.next(6) != 0 {
                    o["lat"] = (rng.next(180_000_000) as f64 / 1e6 - 90.0).into();
                    o["lon"] = (rng.next(360_000_000) as f64 / 1e6 - 180.0).into();
                }
            } else {
                o["value"] = rng.pick(&values).into();
                o["type"] = rng.pick(&["DATE", "DURATION"]).into();
            }
            out.push_str(&o.to_string());
            out.push('\n');
        }
    }
    out
}

#[test]
fn random_inputs_agree() {
    if !python_available() {
        return;
    }
    let dir = std::env::temp_dir();
    let pid = std::process::id();
    for seed in 1..=4u64 {
        let mut rng = Lcg(seed);
        for task in [Task::Events, Task::Geo, Task::Timex] {
            let (g, p) = match task {
                Task::Events => (random_events(&mut rng, true), random_events(&mut rng, false)),
                _ => (random_spans(&mut rng, task, true), random_spans(&mut rng, task, false)),
            };
            let gold = dir.join(format!("lapwing-eval-{pid}-{seed}-{task}.gold.jsonl"));
            let pred = dir.join(format!("lapwing-eval-{pid}-{seed}-{task}.pred.jsonl"));
            std::fs::write(&gold, g).expect("write temp gold");
            std::fs::write(&pred, p).expect("write temp pred");
            agree(task, &gold, &pred);
            let _ = std::fs::remove_file(&gold);
            let _ = std::fs::remove_file(&pred);
        }
    }
}
