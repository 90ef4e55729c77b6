//! Spans, tokens and sentences: the segmented view of a document that stages work on.
//!
//! Offsets inside lapwing are byte offsets into the document's original text, so slicing is
//! cheap and no normalisation can move them; they are converted to Unicode code points only
//! when a record is written (interfaces.md counts code points).

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text the span covers, or "" when it does not fall on character boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and dots of abbreviations).
    Word,
    /// Digits, possibly with separators ("3.5", "1,000").
    Number,
    /// Punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is in the document.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
    /// Its normalised form: lower case, typographic quotes and dashes folded to ASCII, Latin
    /// diacritics removed. Lexicons are matched against this form.
    pub norm: String,
    /// Whether the original starts with an upper-case letter.
    pub capitalised: bool,
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// 0-based number of the sentence in the document.
    pub index: usize,
    /// 0-based number of the paragraph it belongs to.
    pub paragraph: usize,
    /// Where it is in the document.
    pub span: Span,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        self.span.slice(doc_text)
    }
}

/// Converts byte offsets of one text into Unicode code point offsets, in O(1) per query after
/// an O(n) build, because records are written with code point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// The byte offsets of UTF-8 continuation bytes, ascending: the code points before byte i
    /// are i less the continuation bytes before it. News text is nearly all ASCII, so this is
    /// empty or short, where a count for every byte cost four bytes and a store per byte.
    continuations: Vec<u32>,
    /// The text's length in bytes.
    len: usize,
}

impl CharIndex {
    /// Builds the index of `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let mut continuations = Vec::new();
        // Whole ASCII chunks hold no continuation byte; only the others are looked at.
        for (k, chunk) in bytes.chunks(64).enumerate() {
            if chunk.is_ascii() {
                continue;
            }
            let base = k * 64;
            for (j, b) in chunk.iter().enumerate() {
                if (b & 0xC0) == 0x80 {
                    continuations.push(u32::try_from(base + j).unwrap_or(u32::MAX));
                }
            }
        }
        CharIndex { continuations, len: bytes.len() }
    }

    /// The code point offset of byte offset `byte` (clamped to the text's end).
    pub fn chars(&self, byte: usize) -> usize {
        let i = byte.min(self.len);
        let before = self.continuations.partition_point(|&c| (c as usize) < i);
        i - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let t = "a“b”é";
        let ix = CharIndex::new(t);
        assert_eq!(ix.chars(0), 0);
        assert_eq!(ix.chars(1), 1);
        assert_eq!(ix.chars(4), 2);
        assert_eq!(ix.chars(t.len()), 5);
        assert_eq!(ix.chars(t.len() + 10), 5);
    }

    #[test]
    fn span_slice_never_panics() {
        let t = "é";
        assert_eq!(Span::new(1, 2).slice(t), "");
        assert_eq!(Span::new(0, 9).slice(t), "");
        assert_eq!(Span::new(0, 2).slice(t), "é");
    }
}
