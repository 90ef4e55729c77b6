//! Behaviour cases of the actor coder, read from data/actors/tests/*.tsv.
//!
//! Each line is `text<TAB>expected[<TAB>@YYYY-MM-DD]`; `@date<TAB>YYYY-MM-DD` sets the date of
//! the following lines. `expected` is a `;`-separated list of `words=CODE:SECTOR`,
//! `words=CODE` (any sector), `words=null` (found, code unknown) or `!words` (no mention may
//! consist of these words). Every failing case is listed as file:line with expected and got.

use lapwing_actors::ActorCoder;
use lapwing_core::Mention;
use std::path::PathBuf;

fn norm(s: &str) -> String {
    let s = s.trim().replace('\u{2019}', "'").to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

fn show(m: &Mention) -> String {
    format!(
        "{}={}:{}",
        m.entity.entity_text,
        m.entity.code.map(|c| c.to_string()).unwrap_or_else(|| "null".into()),
        m.entity.sector.map(|c| c.to_string()).unwrap_or_else(|| "-".into())
    )
}

/// Checks one expectation; marks the mention used.
fn check(item: &str, mentions: &[&Mention], used: &mut [bool]) -> Result<(), String> {
    if let Some(words) = item.strip_prefix('!') {
        let w = norm(words);
        return match mentions.iter().find(|m| norm(&m.entity.entity_text) == w) {
            Some(m) => Err(format!("{item}: unexpected mention {}", show(m))),
            None => Ok(()),
        };
    }
    let Some((words, want)) = item.rsplit_once('=') else {
        return Err(format!("{item}: bad expectation"));
    };
    let w = norm(words);
    let (code, sector) = match want.split_once(':') {
        Some((c, s)) => (c.trim(), Some(s.trim())),
        None => (want.trim(), None),
    };
    let code_ok = |m: &Mention| match code {
        "null" => m.entity.code.is_none(),
        c => m.entity.code.is_some_and(|x| x.as_str() == c),
    };
    let sector_ok = |m: &Mention| match sector {
        None => true,
        Some("-") => m.entity.sector.is_none(),
        Some(s) => m.entity.sector.is_some_and(|x| x.as_str() == s),
    };
    let exact: Vec<usize> = (0..mentions.len())
        .filter(|&k| !used[k] && norm(&mentions[k].entity.entity_text) == w)
        .collect();
    let loose: Vec<usize> = (0..mentions.len())
        .filter(|&k| !used[k] && norm(&mentions[k].entity.entity_text).contains(&w))
        .collect();
    let candidates = if exact.is_empty() { loose } else { exact };
    if let Some(&k) = candidates.iter().find(|&&k| code_ok(mentions[k]) && sector_ok(mentions[k])) {
        used[k] = true;
        return Ok(());
    }
    match candidates.first() {
        Some(&k) => Err(format!("{item}: got {}", show(mentions[k]))),
        None => Err(format!("{item}: not found")),
    }
}

#[test]
fn behaviour_cases() {
    let (coder, diags) = ActorCoder::builtin();
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == lapwing_lexicon::Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "lexicon errors:\n{}", errors.join("\n"));
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/actors/tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("data/actors/tests exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut total = 0;
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut file_date: Option<String> = None;
        for (ln, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields[0] == "@date" {
                file_date = fields.get(1).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                continue;
            }
            total += 1;
            let sentence = fields[0];
            let expected = fields.get(1).copied().unwrap_or("");
            let date = fields
                .get(2)
                .and_then(|d| d.trim().strip_prefix('@'))
                .map(str::to_string)
                .or_else(|| file_date.clone());
            let sentences = lapwing_text::segment(sentence);
            let out = coder.code_document(sentence, &sentences, std::slice::from_ref(&date));
            let mentions: Vec<&Mention> = out.iter().flatten().collect();
            let mut used = vec![false; mentions.len()];
            let errs: Vec<String> = expected
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .filter_map(|item| check(item, &mentions, &mut used).err())
                .collect();
            if !errs.is_empty() {
                let got: Vec<String> = mentions.iter().map(|m| show(m)).collect();
                failures.push(format!(
                    "{name}:{}: {}\n    expected: {expected}\n    problems: {}\n    got: {}",
                    ln + 1,
                    sentence,
                    errs.join(" | "),
                    got.join("; ")
                ));
            }
        }
    }
    let passed = total - failures.len();
    eprintln!("actor cases: {passed}/{total} passed");
    assert!(total >= 1, "no cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
