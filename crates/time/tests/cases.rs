//! Runs the data-driven cases in `cases.tsv` (text, anchor, expected matched text, type,
//! value) and reports every failing line with its line number, so a regression names the
//! phenomenon it broke.

use lapwing_time::{find_timexes, CivilDate};

#[test]
fn cases_tsv() {
    let data = include_str!("cases.tsv");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (n, line) in data.lines().enumerate() {
        let lineno = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (text, anchor, want) = match cols.as_slice() {
            [text, anchor, want, ..] => (*text, *anchor, *want),
            _ => {
                failures.push(format!(
                    "line {lineno}: malformed (need 5 tab-separated columns, or 3 with \"-\")"
                ));
                continue;
            }
        };
        let Some(anchor) = CivilDate::parse(anchor) else {
            failures.push(format!("line {lineno}: bad anchor {anchor:?}"));
            continue;
        };
        checked += 1;
        let got = find_timexes(text, Some(anchor));
        let shown: Vec<String> =
            got.iter().map(|t| format!("{:?} {} {}", t.text, t.kind, t.value)).collect();
        if want == "-" {
            if !got.is_empty() {
                failures.push(format!("line {lineno}: {text:?}: expected nothing, got {shown:?}"));
            }
            continue;
        }
        let (Some(kind), Some(value)) = (cols.get(3), cols.get(4)) else {
            failures.push(format!("line {lineno}: missing type/value"));
            continue;
        };
        let ok =
            got.iter().any(|t| t.text == want && t.kind.to_string() == *kind && t.value == *value);
        if !ok {
            failures.push(format!(
                "line {lineno}: {text:?}: expected {want:?} {kind} {value}, got {shown:?}"
            ));
        }
    }
    assert!(checked > 100, "only {checked} cases found");
    assert!(
        failures.is_empty(),
        "{} of {checked} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
