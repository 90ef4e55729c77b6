//! The text layer: turns a document's text into paragraphs, sentences and tokens whose spans
//! point into the original text, so every later stage can cite exactly what it read.
//!
//! Normalisation never rewrites the text. Each token carries a normalised form (lower case,
//! typographic quotes and dashes folded, Latin diacritics removed) that lexicons match against,
//! while its span keeps pointing at the original bytes.
//!
//! ```
//! let text = "Gen. Ali met U.S. envoys on Jan. 5. Talks \u{201c}must end,\u{201d} he said.";
//! let sentences = lapwing_text::segment(text);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[1].text(text), "Talks \u{201c}must end,\u{201d} he said.");
//! assert_eq!(sentences[0].tokens[2].norm, "met");
//! ```
#![deny(missing_docs)]

pub mod closed;
mod fold;
mod segment;
mod tokenize;

pub use closed::{
    ARTICLES, AUXILIARIES, BE_FORMS, CARDINALS, MONTHS, MONTH_ABBREVIATIONS, POSSESSIVES,
    PREPOSITIONS, WEEKDAYS,
};
pub use fold::fold_char;
pub use segment::{segment, segment_with_limit, MAX_SENTENCE_TOKENS};
pub use tokenize::{normalize_phrase, tokenize};
