//! Behaviour cases of the event coder: every `data/events/tests/*.tsv` line is a sentence and
//! the events expected from it, run through segment → actors → events. Prints every failing
//! case as `file:line: expected ... got ...` and asserts the pass rate.
//!
//! Expected syntax: `EVENT [modes] ACTORS -> RECIPIENTS [flags]`, several joined by ` ; `, or
//! `none`. Entities are `CODE` or `CODE:SECTOR` joined by `+`; a side may be empty. Flags are
//! `[negated]`, `[hypothetical]`, `[future]`, `[historical]`. Candidates that are negated or
//! hypothetical and not expected are ignored, as the scorer ignores them.

use lapwing_actors::ActorCoder;
use lapwing_core::plover::{EventType, Mode};
use lapwing_core::Mention;
use lapwing_events::{EventCandidate, EventCoder};
use std::path::PathBuf;

/// The share of cases that must pass.
const THRESHOLD: f64 = 0.85;

#[derive(Debug)]
struct Expected {
    event: EventType,
    modes: Vec<Mode>,
    actors: Vec<(String, Option<String>)>,
    recipients: Vec<(String, Option<String>)>,
    negated: bool,
    hypothetical: bool,
    future: bool,
    historical: bool,
}

fn parse_side(s: &str) -> Vec<(String, Option<String>)> {
    s.split('+')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| match x.split_once(':') {
            Some((c, sec)) => (c.to_string(), Some(sec.to_string())),
            None => (x.to_string(), None),
        })
        .collect()
}

fn parse_expected(s: &str) -> Result<Vec<Expected>, String> {
    if s.trim() == "none" {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for part in s.split(" ; ") {
        let mut flags = String::new();
        let mut body = part.trim().to_string();
        while let Some(i) = body.rfind('[') {
            flags.push_str(&body[i..]);
            body.truncate(i);
            body = body.trim_end().to_string();
        }
        let (left, right) = body.split_once("->").ok_or_else(|| format!("no -> in {part:?}"))?;
        let mut words = left.split_whitespace();
        let event: EventType = words.next().ok_or("empty")?.parse().map_err(|e| format!("{e}"))?;
        let mut modes = Vec::new();
        let mut actor_text = String::new();
        for w in words {
            match w.parse::<Mode>() {
                Ok(m)
                    if actor_text.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-') =>
                {
                    modes.push(m)
                }
                _ => actor_text.push_str(w),
            }
        }
        out.push(Expected {
            event,
            modes,
            actors: parse_side(&actor_text),
            recipients: parse_side(right),
            negated: flags.contains("[negated]"),
            hypothetical: flags.contains("[hypothetical]"),
            future: flags.contains("[future]"),
            historical: flags.contains("[historical]"),
        });
    }
    Ok(out)
}

/// Whether a side matches: the same set of codes (entities without a code are not scored, as
/// the scorer compares codes), and the sector wherever the expectation names one.
fn side_ok(exp: &[(String, Option<String>)], got: &[Mention]) -> bool {
    let got_codes: Vec<String> =
        got.iter().filter_map(|m| m.entity.code.map(|c| c.to_string())).collect();
    let mut exp_codes: Vec<String> = exp.iter().map(|(c, _)| c.clone()).collect();
    exp_codes.sort();
    exp_codes.dedup();
    let mut gc = got_codes.clone();
    gc.sort();
    gc.dedup();
    if exp_codes != gc {
        return false;
    }
    exp.iter().all(|(c, sec)| match sec {
        None => true,
        Some(sec) => got.iter().any(|m| {
            m.entity.code.map(|x| x.to_string()).as_deref() == Some(c.as_str())
                && m.entity.sector.map(|x| x.to_string()).as_deref() == Some(sec.as_str())
        }),
    })
}

fn matches(e: &Expected, c: &EventCandidate) -> bool {
    c.event == e.event
        && e.modes.iter().all(|m| c.modes.contains(m))
        && side_ok(&e.actors, &c.actors)
        && side_ok(&e.recipients, &c.recipients)
        && c.aux.negated == e.negated
        && c.aux.hypothetical == e.hypothetical
        && (!e.future || c.aux.future)
        && (!e.historical || c.aux.historical)
}

fn show(c: &EventCandidate) -> String {
    let side = |ms: &[Mention]| {
        ms.iter()
            .map(|m| {
                format!(
                    "{}{}",
                    m.entity.code.map(|c| c.to_string()).unwrap_or_else(|| "?".into()),
                    m.entity.sector.map(|s| format!(":{s}")).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("+")
    };
    let mut flags = String::new();
    for (on, name) in [
        (c.aux.negated, "negated"),
        (c.aux.hypothetical, "hypothetical"),
        (c.aux.future, "future"),
        (c.aux.historical, "historical"),
    ] {
        if on {
            flags.push_str(&format!(" [{name}]"));
        }
    }
    let modes: Vec<String> = c.modes.iter().map(|m| m.to_string()).collect();
    format!(
        "{} {}{} -> {}{} ({})",
        c.event,
        if modes.is_empty() { String::new() } else { format!("{} ", modes.join(" ")) },
        side(&c.actors),
        side(&c.recipients),
        flags,
        c.pattern_id
    )
}

#[test]
fn sentence_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/events/tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "tsv"));
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", dir.display());
    let (actors, _) = ActorCoder::from_sources(&ActorCoder::builtin_sources());
    let (events, diags) = EventCoder::from_sources(&EventCoder::builtin_sources());
    assert!(diags.is_empty(), "lexicon diagnostics: {diags:?}");
    let (mut total, mut passed) = (0usize, 0usize);
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for (ln, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((sentence, expected)) = line.split_once('\t') else {
                failures.push(format!("{name}:{}: no tab", ln + 1));
                total += 1;
                continue;
            };
            total += 1;
            let exp = match parse_expected(expected) {
                Ok(e) => e,
                Err(e) => {
                    failures.push(format!("{name}:{}: bad expectation: {e}", ln + 1));
                    continue;
                }
            };
            let sentences = lapwing_text::segment(sentence);
            let mentions = actors.code_document(sentence, &sentences, &[]);
            let got = events.code_document(sentence, &sentences, &mentions);
            let mut used = vec![false; got.len()];
            let mut ok = true;
            for e in &exp {
                match got.iter().enumerate().find(|(i, c)| !used[*i] && matches(e, c)) {
                    Some((i, _)) => used[i] = true,
                    None => ok = false,
                }
            }
            for (i, c) in got.iter().enumerate() {
                if !(used[i] || c.aux.negated || c.aux.hypothetical) {
                    ok = false;
                }
            }
            if ok {
                passed += 1;
            } else {
                let got_s: Vec<String> = got.iter().map(show).collect();
                failures.push(format!(
                    "{name}:{}: {sentence}\n    expected {expected}\n    got      {}",
                    ln + 1,
                    if got_s.is_empty() { "none".to_string() } else { got_s.join(" ; ") }
                ));
            }
        }
    }
    for f in &failures {
        println!("{f}");
    }
    let rate = passed as f64 / total.max(1) as f64;
    println!("event cases: {passed}/{total} passed ({:.1}%)", rate * 100.0);
    assert!(total >= 400, "only {total} cases");
    assert!(rate >= THRESHOLD, "pass rate {rate:.3} below {THRESHOLD}");
}
