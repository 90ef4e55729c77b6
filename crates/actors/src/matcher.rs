//! Finding lexicon phrases in a sentence: one automaton pass over the sentence's token norms,
//! each written as " norm " so that patterns (" a  b ") can only start and end on token
//! boundaries; the leftmost-longest match wins, left to right, without overlaps.

use crate::lexicon::{Case, Lexicon, Target, PATTERN_START};
use aho_corasick::{AhoCorasick, Anchored, Input};
use lapwing_core::Token;

/// A lexicon phrase found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Atom {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entries it may stand for (casing already checked), in lexicon order.
    pub targets: Vec<Target>,
}

fn case_ok(case: Case, text: &str, tokens: &[Token]) -> bool {
    match case {
        Case::Any => true,
        Case::Capitalised => tokens.first().is_some_and(|t| t.capitalised),
        Case::Upper => tokens.iter().all(|t| !t.span.slice(text).chars().any(char::is_lowercase)),
    }
}

/// The atoms of one sentence, in token order. `words` holds each token's `Lexicon::word_class`
/// flags.
pub(crate) fn find_atoms(lex: &Lexicon, text: &str, tokens: &[Token], words: &[u16]) -> Vec<Atom> {
    let Some(ac) = &lex.automaton else { return Vec::new() };
    let (hay, starts, ends) = haystack(tokens);
    // With no empty norm and no space inside a norm (nor inside a pattern word), every match
    // starts on a token's leading space and covers whole tokens whose first norm starts some
    // pattern: the leftmost-longest match from a token on is the longest anchored match at the
    // first pattern-start token that has one. Scanning only those tokens gives the same atoms
    // as scanning every byte, at a fraction of the cost.
    // Two spaces per token in all means none inside a norm (a byte count is far cheaper than
    // searching every norm).
    if lex.anchored
        && words.len() == tokens.len()
        && tokens.iter().all(|t| !t.norm.is_empty())
        && spaces(&hay) == 2 * tokens.len()
    {
        if let Some(atoms) = anchored_atoms(lex, ac, text, tokens, words, &hay, &starts, &ends) {
            return atoms;
        }
    }
    scan_atoms(lex, ac, text, tokens, &hay, &starts, &ends)
}

/// How many spaces `hay` holds. Counted a block of 255 bytes at a time in byte-wide sums,
/// which the compiler turns into sixteen bytes an instruction (a count in `usize` took two).
fn spaces(hay: &str) -> usize {
    hay.as_bytes()
        .chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(b == b' '))))
        .sum()
}

/// The text the automaton searches: each token's norm between spaces, with the byte offset of
/// each token's leading space and of its trailing space.
fn haystack(tokens: &[Token]) -> (String, Vec<usize>, Vec<usize>) {
    let mut hay = String::with_capacity(tokens.iter().map(|t| t.norm.len() + 2).sum::<usize>());
    let mut starts = Vec::with_capacity(tokens.len());
    let mut ends = Vec::with_capacity(tokens.len());
    for t in tokens {
        starts.push(hay.len());
        hay.push(' ');
        hay.push_str(&t.norm);
        ends.push(hay.len());
        hay.push(' ');
    }
    (hay, starts, ends)
}

/// The targets of pattern `pattern` whose casing the matched tokens satisfy.
fn cased_targets(lex: &Lexicon, pattern: usize, text: &str, toks: Option<&[Token]>) -> Vec<Target> {
    let toks = toks.unwrap_or(&[]);
    lex.targets
        .get(pattern)
        .map(|ts| ts.iter().copied().filter(|t| case_ok(t.case, text, toks)).collect())
        .unwrap_or_default()
}

/// `find_atoms` by one leftmost-longest scan over the whole haystack.
fn scan_atoms(
    lex: &Lexicon,
    ac: &AhoCorasick,
    text: &str,
    tokens: &[Token],
    hay: &str,
    starts: &[usize],
    ends: &[usize],
) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut pos = 0;
    while pos < hay.len() {
        let Some(m) = ac.find(Input::new(hay).range(pos..)) else { break };
        let (Ok(s), Ok(e)) = (starts.binary_search(&m.start()), ends.binary_search(&(m.end() - 1)))
        else {
            break;
        };
        let targets = cased_targets(lex, m.pattern().as_usize(), text, tokens.get(s..=e));
        if targets.is_empty() {
            // Wrong casing ("the Netherlands" for "The Netherlands"): look again from the next
            // token, which may start a shorter phrase.
            pos = starts.get(s + 1).copied().unwrap_or(hay.len());
        } else {
            atoms.push(Atom { start: s, end: e + 1, targets });
            pos = m.end();
        }
    }
    atoms
}

/// `find_atoms` by anchored searches at pattern-start tokens; `None` if anything does not hold
/// as expected, and the caller scans the whole haystack instead.
#[allow(clippy::too_many_arguments)]
fn anchored_atoms(
    lex: &Lexicon,
    ac: &AhoCorasick,
    text: &str,
    tokens: &[Token],
    words: &[u16],
    hay: &str,
    starts: &[usize],
    ends: &[usize],
) -> Option<Vec<Atom>> {
    let mut atoms = Vec::new();
    let mut ti = 0;
    while ti < tokens.len() {
        if words.get(ti).is_none_or(|w| w & PATTERN_START == 0) {
            ti += 1;
            continue;
        }
        let pos = *starts.get(ti)?;
        let input = Input::new(hay).range(pos..).anchored(Anchored::Yes);
        let Some(m) = ac.try_find(input).ok()? else {
            ti += 1;
            continue;
        };
        let (Ok(s), Ok(e)) = (starts.binary_search(&m.start()), ends.binary_search(&(m.end() - 1)))
        else {
            return None;
        };
        if s != ti {
            return None;
        }
        let targets = cased_targets(lex, m.pattern().as_usize(), text, tokens.get(s..=e));
        if targets.is_empty() {
            // As in `find_atoms`: a shorter phrase may start at the next token.
            ti = s + 1;
        } else {
            atoms.push(Atom { start: s, end: e + 1, targets });
            ti = e + 1;
        }
    }
    Some(atoms)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The anchored path finds exactly the atoms of the full scan.
    #[test]
    fn anchored_search_finds_what_the_scan_finds() {
        let sources = crate::ActorCoder::builtin_sources();
        let (lex, _) = crate::lexicon::compile(&sources);
        let Some(ac) = &lex.automaton else { panic!("no automaton") };
        assert!(lex.anchored);
        // The behaviour cases, and every lexicon file read as text (all phrases, in odd casings
        // and back to back, so that matches overlap and casing fails).
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/actors/tests");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
            .unwrap_or_default();
        texts.extend(sources.iter().map(|s| s.text.clone()));
        texts.extend(sources.iter().map(|s| s.text.to_lowercase()));
        texts.extend(sources.iter().map(|s| s.text.to_uppercase()));
        let mut compared = 0;
        for text in &texts {
            for s in lapwing_text::segment(text) {
                let toks = &s.tokens;
                let words: Vec<u16> = toks
                    .iter()
                    .map(|t| lex.word_class.get(t.norm.as_str()).copied().unwrap_or(0))
                    .collect();
                let (hay, starts, ends) = haystack(toks);
                let key = |atoms: &[Atom]| -> Vec<String> {
                    atoms
                        .iter()
                        .map(|a| format!("{}..{} {:?}", a.start, a.end, a.targets))
                        .collect()
                };
                let scan = scan_atoms(&lex, ac, text, toks, &hay, &starts, &ends);
                let anchored = anchored_atoms(&lex, ac, text, toks, &words, &hay, &starts, &ends);
                assert_eq!(anchored.as_deref().map(key), Some(key(&scan)), "{}", hay);
                compared += scan.len();
            }
        }
        assert!(compared > 10_000, "{compared}");
    }
}
