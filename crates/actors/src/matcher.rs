//! Finding lexicon phrases in a sentence: one automaton pass over the sentence's token norms
//! joined by single spaces, keeping only matches that start and end on token boundaries, then
//! the longest match at each position, left to right, without overlaps.

use crate::lexicon::{Case, Lexicon, Target};
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

/// The atoms of one sentence, in token order.
pub(crate) fn find_atoms(lex: &Lexicon, text: &str, tokens: &[Token]) -> Vec<Atom> {
    let Some(ac) = &lex.automaton else { return Vec::new() };
    let mut hay = String::with_capacity(tokens.iter().map(|t| t.norm.len() + 1).sum::<usize>() + 2);
    let mut starts = Vec::with_capacity(tokens.len());
    let mut ends = Vec::with_capacity(tokens.len());
    hay.push(' ');
    for t in tokens {
        starts.push(hay.len());
        hay.push_str(&t.norm);
        ends.push(hay.len());
        hay.push(' ');
    }
    // Per start token: (end token exclusive, pattern).
    let mut cands: Vec<Vec<(usize, usize)>> = vec![Vec::new(); tokens.len()];
    for m in ac.find_overlapping_iter(hay.as_str()) {
        let (Ok(s), Ok(e)) =
            (starts.binary_search(&(m.start() + 1)), ends.binary_search(&(m.end() - 1)))
        else {
            continue;
        };
        if e < s {
            continue;
        }
        if let Some(c) = cands.get_mut(s) {
            c.push((e + 1, m.pattern().as_usize()));
        }
    }
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut best: Option<Atom> = None;
        for &(end, pid) in cands.get(i).map(Vec::as_slice).unwrap_or(&[]) {
            if best.as_ref().is_some_and(|b| b.end >= end) {
                continue;
            }
            let toks = tokens.get(i..end).unwrap_or(&[]);
            let targets: Vec<Target> = lex
                .targets
                .get(pid)
                .map(|ts| ts.iter().copied().filter(|t| case_ok(t.case, text, toks)).collect())
                .unwrap_or_default();
            if !targets.is_empty() {
                best = Some(Atom { start: i, end, targets });
            }
        }
        match best {
            Some(a) => {
                i = a.end;
                atoms.push(a);
            }
            None => i += 1,
        }
    }
    atoms
}
