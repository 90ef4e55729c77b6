//! Runs tests/cases.tsv: each line names a sentence, a mention the parser must find in it, and
//! the country and feature it must resolve to ("-" for words that must NOT be tagged). All
//! failing lines are reported by line number at once, so one run shows the whole picture.

use lapwing_geo::{Gazetteer, Geoparser};

#[test]
fn cases_tsv() {
    let gaz = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => panic!("embedded gazetteer: {e}"),
    };
    let parser = Geoparser::new(&gaz);
    let data = include_str!("cases.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            failures.push(format!("cases.tsv:{}: expected 4 columns, found {}", i + 1, cols.len()));
            continue;
        }
        n += 1;
        let (sentence, want, country, feature) =
            (cols[0], cols[1], cols[2].trim_matches('"'), cols[3]);
        let found = parser.parse(sentence);
        let hit = found.iter().find(|m| m.text == want);
        let ok = match (hit, country) {
            (None, "-") => true,
            (Some(_), "-") | (None, _) => false,
            (Some(m), c) => m.place.country == c && m.place.feature.as_str() == feature,
        };
        if !ok {
            let got: Vec<String> = found
                .iter()
                .map(|m| {
                    format!("{}={} {} {}", m.text, m.place.name, m.place.country, m.place.feature)
                })
                .collect();
            failures.push(format!(
                "cases.tsv:{}: {want:?} want {country} {feature}; got [{}]",
                i + 1,
                got.join("; ")
            ));
        }
    }
    assert!(n >= 60, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
