//! Tokenisation with byte offsets: words (with abbreviation dots, inner hyphens and
//! apostrophes), numbers, punctuation. Possessive "'s" and "n't" are split off so that
//! "Rubio's" matches the lexicon's "Rubio" and "didn't" shows its negation.

use crate::fold::fold_char;
use lapwing_core::{Span, Token, TokenKind};

/// Abbreviations whose trailing dot belongs to the word (lower case, without the dot).
/// Titles and ranks come first because they never end a sentence.
pub(crate) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "gen", "brig", "col", "lt", "sgt", "capt", "maj", "cmdr",
    "adm", "cpl", "pvt", "sen", "sens", "rep", "reps", "gov", "pres", "prof", "rev", "st", "hon",
    "amb", "supt", "insp", "det", "fr", "mt", "ft", "gens", "lieut",
];

/// Abbreviations that may end a sentence (months, "Inc.", "Co.", ...).
pub(crate) const OTHER_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "corp", "co", "ltd", "jr", "sr", "dept", "vs", "etc", "est", "approx", "av", "ave", "blvd",
    "univ", "assn", "bros", "no", "nos", "vol", "p", "pp", "fig", "ed", "govt", "mln", "bln",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{02BF}' || c == '\u{02BE}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Tokenises `text`, giving spans offset by `base` (the text's position in its document).
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_numeric() {
            // Numbers keep inner separators ("3.5", "1,000", "10:35") and unit suffixes ("17th").
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                let next_digit = j + 1 < n && chars[j + 1].1.is_numeric();
                if cj.is_alphanumeric() || (matches!(cj, '.' | ',' | ':' | '/') && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            push(&mut out, text, base, start, end_of(j), TokenKind::Number);
            i = j;
            continue;
        }
        if is_word_char(c) {
            // Dotted initialisms: "U.S.", "U.N.", "D.C.".
            if is_dotted_initialism(&chars, i) {
                let mut j = i;
                while j + 1 < n && chars[j].1.is_alphabetic() && chars[j + 1].1 == '.' {
                    j += 2;
                    let single_letter_next = j < n
                        && chars[j].1.is_alphabetic()
                        && (j + 1 >= n || !is_word_char(chars[j + 1].1));
                    if single_letter_next && (j + 1 >= n || chars[j + 1].1 != '.') {
                        // "U.S" without its final dot.
                        j += 1;
                        break;
                    }
                }
                push(&mut out, text, base, start, end_of(j), TokenKind::Word);
                i = j;
                continue;
            }
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                let next_word = j + 1 < n && is_word_char(chars[j + 1].1);
                if is_word_char(cj) || ((is_apostrophe(cj) || is_hyphen(cj)) && next_word) {
                    j += 1;
                } else {
                    break;
                }
            }
            let word_end = end_of(j);
            let word = &text[start..word_end];
            // Split possessive 's and n't off the word (only words with an apostrophe can have one).
            let split = if j - i > 2 && word.contains(['\'', '\u{2019}']) {
                split_clitic(word)
            } else {
                None
            };
            // Only a short word right before a dot can be an abbreviation; checking that first
            // keeps the common case free of allocation.
            let attach_dot = j < n && chars[j].1 == '.' && j - i <= 7 && {
                let lower = word.to_lowercase();
                TITLES.contains(&lower.as_str())
                    || (OTHER_ABBREVIATIONS.contains(&lower.as_str())
                        && c.is_uppercase()
                        && (lower != "no" || next_is_digit(&chars, j + 1)))
                    || (j - i == 1 && c.is_uppercase())
            };
            if let Some(at) = split {
                push(&mut out, text, base, start, start + at, TokenKind::Word);
                push(&mut out, text, base, start + at, word_end, TokenKind::Word);
            } else if attach_dot {
                push(&mut out, text, base, start, word_end + 1, TokenKind::Word);
                j += 1;
            } else {
                push(&mut out, text, base, start, word_end, TokenKind::Word);
            }
            i = j;
            continue;
        }
        // Runs of dots are one token ("...").
        if c == '.' {
            let mut j = i + 1;
            while j < n && chars[j].1 == '.' {
                j += 1;
            }
            push(&mut out, text, base, start, end_of(j), TokenKind::Punct);
            i = j;
            continue;
        }
        // "``We will,'' he said": the typewriter quotes of older wire copy are one quotation
        // mark each.
        if (c == '`' || c == '\'') && i + 1 < n && chars[i + 1].1 == c {
            push(&mut out, text, base, start, end_of(i + 2), TokenKind::Punct);
            if let Some(t) = out.last_mut() {
                t.norm = "\"".to_string();
            }
            i += 2;
            continue;
        }
        let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        push(&mut out, text, base, start, end_of(i + 1), kind);
        i += 1;
    }
    out
}

fn next_is_digit(chars: &[(usize, char)], mut j: usize) -> bool {
    while j < chars.len() && chars[j].1 == ' ' {
        j += 1;
    }
    j < chars.len() && chars[j].1.is_ascii_digit()
}

fn is_dotted_initialism(chars: &[(usize, char)], i: usize) -> bool {
    let n = chars.len();
    i + 2 < n
        && chars[i].1.is_alphabetic()
        && chars[i + 1].1 == '.'
        && chars[i + 2].1.is_alphabetic()
        && (i + 3 >= n || !is_word_char(chars[i + 3].1))
        && (i == 0 || !chars[i - 1].1.is_alphanumeric())
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}'
            | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{3001}'..='\u{3003}'
    )
}

/// The byte position where a clitic ("'s", "n't") starts, when the word ends with one.
fn split_clitic(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    for (suffix_ascii, suffix_curly) in [("n't", "n\u{2019}t"), ("'s", "\u{2019}s")] {
        for suffix in [suffix_ascii, suffix_curly] {
            if lower.ends_with(suffix)
                && lower.len() > suffix.len()
                && word.is_char_boundary(word.len() - suffix.len())
            {
                return Some(word.len() - suffix.len());
            }
        }
    }
    None
}

fn push(out: &mut Vec<Token>, text: &str, base: usize, start: usize, end: usize, kind: TokenKind) {
    let s = &text[start..end];
    let first = s.chars().next();
    let capitalised = first.is_some_and(char::is_uppercase);
    // Most news tokens are ASCII letters and digits, whose folded form is just lower case except
    // for the ASCII backtick; the general folding runs only when something else is there.
    let norm = if s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b',' | b'\''))
    {
        s.to_ascii_lowercase()
    } else {
        let mut norm = String::with_capacity(s.len());
        s.chars().for_each(|c| fold_char(c, &mut norm));
        norm
    };
    out.push(Token { span: Span::new(base + start, base + end), kind, norm, capitalised });
}

/// The normalised token forms of a lexicon phrase, so that lexicons and text are matched on the
/// same terms.
pub fn normalize_phrase(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0).into_iter().map(|t| t.norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        normalize_phrase(s)
    }

    #[test]
    fn typewriter_quotes_are_quotation_marks() {
        assert_eq!(norms("``We will,'' he said"), ["\"", "we", "will", ",", "\"", "he", "said"]);
    }

    #[test]
    fn words_numbers_punctuation() {
        assert_eq!(
            norms("Israel's IDF didn't strike 3.5 km, 1,000 troops."),
            vec![
                "israel", "'s", "idf", "did", "n't", "strike", "3.5", "km", ",", "1,000", "troops",
                "."
            ]
        );
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(
            norms("U.S. Gen. Ali met Mr. Smith of the U.N. on Jan. 5"),
            vec![
                "u.s.", "gen.", "ali", "met", "mr.", "smith", "of", "the", "u.n.", "on", "jan.",
                "5"
            ]
        );
        assert_eq!(norms("said no. No. 10"), vec!["said", "no", ".", "no.", "10"]);
        assert_eq!(norms("J. K. Rowling"), vec!["j.", "k.", "rowling"]);
    }

    #[test]
    fn hyphens_and_curly_apostrophes() {
        assert_eq!(norms("al-Sharaa’s Côte d’Ivoire"), vec!["al-sharaa", "'s", "cote", "d'ivoire"]);
        assert_eq!(norms("Syria - Israel —"), vec!["syria", "-", "israel", "-"]);
    }

    #[test]
    fn spans_point_into_the_original() {
        let t = "é “U.S.”";
        let toks = tokenize(t, 10);
        assert_eq!(toks[2].span, Span::new(16, 20));
        assert_eq!(&t[toks[2].span.start - 10..toks[2].span.end - 10], "U.S.");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", ".", "'", "a'", "U.", "U.S", "1.", "\u{0}\u{FFFF}", "x-", "-x", "n't", "'s"] {
            let _ = tokenize(s, 0);
        }
    }
}
