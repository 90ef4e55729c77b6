//! Paragraph and sentence segmentation of news prose.
//!
//! Paragraphs are separated by blank lines, or by a line break after a finished sentence (many
//! feeds use single newlines between paragraphs). Sentences end at `.`, `!`, `?` or an ellipsis,
//! taking closing quotes and brackets with them, when what follows looks like a new sentence;
//! abbreviations, titles, initials and decimals do not end one. A line without final
//! punctuation (a headline, a dateline, a bullet) is a sentence of its own unless the next
//! line merely continues it in lower case.

use crate::tokenize::{tokenize_into, OTHER_ABBREVIATIONS};
use lapwing_core::{Sentence, Span, Token, TokenKind};

/// Sentences longer than this many tokens are cut, so that no stage ever faces an unbounded
/// sentence (a 10 MB line without punctuation still codes in linear time).
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Words that, capitalised after an abbreviation such as "U.S.", show that a new sentence began.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "but",
    "and",
    "a",
    "an",
    "this",
    "that",
    "there",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "at",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "for",
    "officials",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "since",
    "some",
    "many",
    "no",
    "one",
    "two",
    "last",
    "on",
    "with",
    "what",
    "who",
];

/// Segments `text` into sentences with their tokens, paragraph numbers and spans.
pub fn segment(text: &str) -> Vec<Sentence> {
    segment_with_limit(text, MAX_SENTENCE_TOKENS)
}

/// As [`segment`], cutting sentences at `max_tokens` tokens.
pub fn segment_with_limit(text: &str, max_tokens: usize) -> Vec<Sentence> {
    let max_tokens = max_tokens.max(1);
    let mut sentences = Vec::new();
    let mut paragraph = 0usize;
    let mut para_tokens: Vec<Token> = Vec::new();
    // Index into `para_tokens` of the first token of each line after the paragraph's first.
    let mut line_starts: Vec<usize> = Vec::new();
    let mut offset = 0usize;
    let mut started = false;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if !para_tokens.is_empty() {
                flush(text, &mut para_tokens, &line_starts, paragraph, max_tokens, &mut sentences);
                paragraph += 1;
            }
            line_starts.clear();
            continue;
        }
        // A line that is not blank has tokens (only whitespace yields none), so the paragraph
        // decision can be made before tokenising, straight into the paragraph's tokens.
        if !para_tokens.is_empty() && ends_sentence(&para_tokens) {
            flush(text, &mut para_tokens, &line_starts, paragraph, max_tokens, &mut sentences);
            paragraph += 1;
            line_starts.clear();
        } else if !para_tokens.is_empty() {
            line_starts.push(para_tokens.len());
        }
        started = true;
        tokenize_into(line, line_start, &mut para_tokens);
    }
    if !para_tokens.is_empty() {
        flush(text, &mut para_tokens, &line_starts, paragraph, max_tokens, &mut sentences);
    }
    let _ = started;
    sentences
}

fn is_final_punct(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | "..." | "\u{2026}")
}

fn is_closer(t: &Token, text: &str) -> bool {
    matches!(t.span.slice(text), "\u{201D}" | "\u{2019}" | "\"" | "'" | ")" | "]" | "\u{00BB}")
}

fn ends_sentence(tokens: &[Token]) -> bool {
    let mut k = tokens.len();
    while k > 0 && matches!(tokens[k - 1].norm.as_str(), "\"" | "'" | ")" | "]") {
        k -= 1;
    }
    k > 0 && is_final_punct(&tokens[k - 1])
}

fn starts_sentence(t: &Token, text: &str) -> bool {
    let s = t.span.slice(text);
    let Some(c) = s.chars().next() else { return false };
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '\u{201C}'
                | '"'
                | '\''
                | '`'
                | '\u{2018}'
                | '('
                | '['
                | '\u{2022}'
                | '-'
                | '*'
                | '\u{00AB}'
        )
        || !c.is_alphabetic() && !c.is_ascii_punctuation()
}

/// Whether a line break before token `k` only wraps a running sentence.
fn is_soft_wrap(tokens: &[Token], k: usize, text: &str) -> bool {
    let prev = &tokens[k - 1];
    let next = &tokens[k];
    let next_lower = next.span.slice(text).chars().next().is_some_and(|c| c.is_lowercase());
    let prev_open = matches!(prev.norm.as_str(), "," | ";" | "(");
    next_lower || (prev_open && !starts_bullet(next, text))
}

fn starts_bullet(t: &Token, text: &str) -> bool {
    matches!(t.span.slice(text), "\u{2022}" | "-" | "*" | "\u{00B7}" | "\u{2013}" | "\u{2014}")
}

fn flush(
    text: &str,
    tokens: &mut Vec<Token>,
    line_starts: &[usize],
    paragraph: usize,
    max_tokens: usize,
    out: &mut Vec<Sentence>,
) {
    let mut toks = std::mem::take(tokens);
    let n = toks.len();
    let mut boundaries = vec![false; n + 1];
    for &k in line_starts {
        if k > 0 && k < n && !is_soft_wrap(&toks, k, text) {
            boundaries[k] = true;
        }
    }
    let mut k = 0;
    while k < n {
        let t = &toks[k];
        if is_final_punct(t) {
            let mut q = k + 1;
            while q < n && is_closer(&toks[q], text) && toks[q].span.start == toks[q - 1].span.end {
                q += 1;
            }
            if q >= n {
                break;
            }
            // An ellipsis followed by lower case continues the sentence; a full stop inside a
            // number or before a lower-case word does too.
            if starts_sentence(&toks[q], text) {
                boundaries[q] = true;
            }
            k = q;
            continue;
        }
        // "U.S." or "Inc." at the end of a sentence: only a clear sentence starter tells.
        if t.kind == TokenKind::Word && t.norm.ends_with('.') && k + 1 < n {
            let bare = t.norm.trim_end_matches('.');
            let may_end = bare.contains('.') || OTHER_ABBREVIATIONS.contains(&bare);
            let next = &toks[k + 1];
            if may_end && next.capitalised && SENTENCE_STARTERS.contains(&next.norm.as_str()) {
                boundaries[k + 1] = true;
            }
        }
        k += 1;
    }
    // Sentences end at the boundaries, and where one grows too long.
    let mut cuts = Vec::new();
    let mut start = 0;
    for (b, &boundary) in boundaries.iter().enumerate().take(n).skip(1) {
        if boundary || b - start >= max_tokens {
            cuts.push(b);
            start = b;
        }
    }
    // The sentences are cut off the paragraph's tokens from the back, so that each is moved
    // once (`split_off` copies the tail in one go) and the first keeps the paragraph's vector;
    // they are then put in order.
    let first = out.len();
    for &cut in cuts.iter().rev() {
        let piece = toks.split_off(cut);
        push_sentence(out, piece, paragraph);
    }
    push_sentence(out, toks, paragraph);
    if let Some(new) = out.get_mut(first..) {
        new.reverse();
        for (k, sentence) in new.iter_mut().enumerate() {
            sentence.index = first + k;
        }
    }
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: Vec<Token>, paragraph: usize) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        let span = Span::new(first.span.start, last.span.end);
        out.push(Sentence { index: out.len(), paragraph, span, tokens });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn abbreviations_titles_initials_decimals() {
        let t =
            "Israeli jets struck targets near Damascus on Thursday, the U.S. State Dept. said. \
                 Mr. Smith, a spokesman, added that 3.5 tonnes of aid arrived on Jan. 5. \
                 \"We condemn this,\" said Brig. Gen. Ali. Clashes erupted a day after in Sweida.";
        assert_eq!(
            split(t),
            vec![
                "Israeli jets struck targets near Damascus on Thursday, the U.S. State Dept. said.",
                "Mr. Smith, a spokesman, added that 3.5 tonnes of aid arrived on Jan. 5.",
                "\"We condemn this,\" said Brig. Gen. Ali.",
                "Clashes erupted a day after in Sweida.",
            ]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        let t = "\u{201C}The slaughter must end.\u{201D} Rubio said so. \u{201C}It must end,\u{201D} he added.";
        assert_eq!(
            split(t),
            vec![
                "\u{201C}The slaughter must end.\u{201D}",
                "Rubio said so.",
                "\u{201C}It must end,\u{201D} he added.",
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        let t = "Sanctions were imposed by the U.S. The EU followed. He met Sen. Graham and the U.N. envoy.";
        assert_eq!(
            split(t),
            vec![
                "Sanctions were imposed by the U.S.",
                "The EU followed.",
                "He met Sen. Graham and the U.N. envoy.",
            ]
        );
    }

    #[test]
    fn paragraphs_headlines_and_bullets() {
        let t = "DAMASCUS, Syria (AP) \u{2014} Clashes erupted.\n\nKey points\n- Troops withdrew\n- Talks resumed\nThe army\nwithdrew from the city.";
        let s = segment(t);
        let texts: Vec<&str> = s.iter().map(|x| x.text(t)).collect();
        assert_eq!(
            texts,
            vec![
                "DAMASCUS, Syria (AP) \u{2014} Clashes erupted.",
                "Key points",
                "- Troops withdrew",
                "- Talks resumed",
                "The army\nwithdrew from the city.",
            ]
        );
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, 1);
        assert_eq!(s.iter().map(|x| x.index).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn single_newlines_after_sentences_are_paragraphs() {
        let t = "He was 82.\nCuomo was governor.\nHe married.";
        let s = segment(t);
        assert_eq!(s.len(), 3);
        assert_eq!(s[2].paragraph, 2);
    }

    #[test]
    fn long_runs_are_cut() {
        let t = "word ".repeat(1000);
        let s = segment(&t);
        assert!(s.iter().all(|x| x.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(s.iter().map(|x| x.tokens.len()).sum::<usize>(), 1000);
    }

    #[test]
    fn garbage_does_not_panic() {
        for t in
            ["", "\n\n\n", ".", "...\n.", "\u{201D}.\u{201C}", "a.\u{0}\n\n\u{FFFD}", "U.S.", "'"]
        {
            let _ = segment(t);
        }
    }
}
