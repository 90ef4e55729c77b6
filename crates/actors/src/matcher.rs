//! Finding lexicon phrases in a sentence: one automaton pass over the sentence's token norms,
//! each written as " norm " so that patterns (" a  b ") can only start and end on token
//! boundaries; the leftmost-longest match wins, left to right, without overlaps.

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
    let mut hay = String::with_capacity(tokens.iter().map(|t| t.norm.len() + 2).sum::<usize>());
    // Byte offset of each token's leading space, and of its trailing space.
    let mut starts = Vec::with_capacity(tokens.len());
    let mut ends = Vec::with_capacity(tokens.len());
    for t in tokens {
        starts.push(hay.len());
        hay.push(' ');
        hay.push_str(&t.norm);
        ends.push(hay.len());
        hay.push(' ');
    }
    let mut atoms = Vec::new();
    let mut pos = 0;
    while pos < hay.len() {
        let Some(m) = ac.find(aho_corasick::Input::new(hay.as_str()).range(pos..)) else { break };
        let (Ok(s), Ok(e)) = (starts.binary_search(&m.start()), ends.binary_search(&(m.end() - 1)))
        else {
            break;
        };
        let toks = tokens.get(s..=e).unwrap_or(&[]);
        let targets: Vec<Target> = lex
            .targets
            .get(m.pattern().as_usize())
            .map(|ts| ts.iter().copied().filter(|t| case_ok(t.case, text, toks)).collect())
            .unwrap_or_default();
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
