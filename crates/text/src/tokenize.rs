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
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, base, &mut out);
    out
}

/// The character starting at byte `pos` of `text`, if any.
///
/// The tokeniser walks byte positions rather than a collected `Vec<(usize, char)>`: news text is
/// nearly all ASCII, and an ASCII byte is its own character without any UTF-8 decoding.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(pos..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// The character ending at byte `pos` of `text`, if any.
fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// As [`tokenize`], appending to `out`, so that the segmenter can gather a paragraph's tokens
/// without a vector per line.
pub(crate) fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    // News prose has a token every five or six bytes.
    out.reserve(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // The space between words, the commonest byte of all, is passed over without decoding.
        if b == b' ' {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        let start = i;
        let c_end = i + c.len_utf8();
        if c.is_whitespace() {
            i = c_end;
            continue;
        }
        if c.is_numeric() {
            // Numbers keep inner separators ("3.5", "1,000", "10:35") and unit suffixes ("17th").
            let mut j = c_end;
            while let Some(cj) = char_at(text, j) {
                let after = j + cj.len_utf8();
                if cj.is_alphanumeric()
                    || (matches!(cj, '.' | ',' | ':' | '/')
                        && char_at(text, after).is_some_and(char::is_numeric))
                {
                    j = after;
                } else {
                    break;
                }
            }
            push(out, text, base, start, j, TokenKind::Number);
            i = j;
            continue;
        }
        if is_word_char(c) {
            // Dotted initialisms: "U.S.", "U.N.", "D.C.".
            if is_dotted_initialism(text, i, c) {
                let j = dotted_initialism_end(text, i);
                push(out, text, base, start, j, TokenKind::Word);
                i = j;
                continue;
            }
            let mut j = c_end;
            // Length in characters, which the abbreviation rules count.
            let mut chars = 1;
            let mut has_apostrophe = false;
            // Whether the word is all ASCII, and whether it has an upper-case letter: a plain
            // ASCII word's folded form is a copy, lower-cased only when it needs to be.
            let mut ascii = c.is_ascii();
            let mut upper = c.is_ascii_uppercase();
            loop {
                // ASCII letters and digits, the bulk of any word, need no decoding.
                let (run, run_upper) = ascii_alphanumeric_run(bytes, j);
                j += run;
                chars += run;
                upper |= run_upper;
                // Any other ASCII byte but an apostrophe or a hyphen ends the word.
                if bytes.get(j).is_none_or(|&b| b.is_ascii() && b != b'\'' && b != b'-') {
                    break;
                }
                let Some(cj) = char_at(text, j) else { break };
                let after = j + cj.len_utf8();
                if is_word_char(cj)
                    || ((is_apostrophe(cj) || is_hyphen(cj))
                        && char_at(text, after).is_some_and(is_word_char))
                {
                    has_apostrophe |= matches!(cj, '\'' | '\u{2019}');
                    ascii &= cj.is_ascii();
                    j = after;
                    chars += 1;
                } else {
                    break;
                }
            }
            let word_end = j;
            let word = text.get(start..word_end).unwrap_or_default();
            // Split possessive 's and n't off the word (only words with an apostrophe can have one).
            let split = if chars > 2 && has_apostrophe { split_clitic(word) } else { None };
            if let Some((at, full)) = split {
                push(out, text, base, start, start + at, TokenKind::Word);
                push(out, text, base, start + at, word_end, TokenKind::Word);
                if let (Some(full), Some(t)) = (full, out.last_mut()) {
                    t.norm = full.to_string();
                }
            } else if bytes.get(word_end) == Some(&b'.')
                && chars <= 7
                && attaches_dot(word, c, chars, bytes, word_end)
            {
                push(out, text, base, start, word_end + 1, TokenKind::Word);
                j += 1;
            } else if ascii {
                push_ascii_word(out, base + start, word, upper);
            } else {
                push(out, text, base, start, word_end, TokenKind::Word);
            }
            i = j;
            continue;
        }
        // Runs of dots are one token ("...").
        if c == '.' {
            let mut j = c_end;
            while bytes.get(j) == Some(&b'.') {
                j += 1;
            }
            push(out, text, base, start, j, TokenKind::Punct);
            i = j;
            continue;
        }
        // "``We will,'' he said": the typewriter quotes of older wire copy are one quotation
        // mark each.
        if (c == '`' || c == '\'') && char_at(text, c_end) == Some(c) {
            push(out, text, base, start, c_end + 1, TokenKind::Punct);
            if let Some(t) = out.last_mut() {
                t.norm = "\"".to_string();
            }
            i = c_end + 1;
            continue;
        }
        let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        push(out, text, base, start, c_end, kind);
        i = c_end;
    }
}

/// Whether `word` (of `chars` characters, starting with `first`), which a dot at byte `dot` of
/// the text follows, is an abbreviation that keeps the dot.
fn attaches_dot(word: &str, first: char, chars: usize, bytes: &[u8], dot: usize) -> bool {
    // The word has at most 7 characters; an ASCII one (nearly always) is lower-cased on the
    // stack rather than in a new String.
    let mut buf = [0u8; 7];
    let owned;
    let lower = match buf.get_mut(..word.len()) {
        Some(dst) if word.is_ascii() => {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            std::str::from_utf8(dst).unwrap_or_default()
        }
        _ => {
            owned = word.to_lowercase();
            owned.as_str()
        }
    };
    // Most words here end a sentence; testing the capital before scanning the second list
    // spares that scan for the lower-case ones.
    TITLES.contains(&lower)
        || (first.is_uppercase()
            && OTHER_ABBREVIATIONS.contains(&lower)
            && (lower != "no" || next_is_digit(bytes, dot + 1)))
        || (chars == 1 && first.is_uppercase())
}

/// Whether the next character after byte `j` that is not a space is an ASCII digit.
fn next_is_digit(bytes: &[u8], j: usize) -> bool {
    bytes.get(j..).unwrap_or_default().iter().find(|&&b| b != b' ').is_some_and(u8::is_ascii_digit)
}

/// Whether a dotted initialism ("U.S.") starts with the letter `c` at byte `i`.
fn is_dotted_initialism(text: &str, i: usize, c: char) -> bool {
    let dot = i + c.len_utf8();
    if !c.is_alphabetic() || char_at(text, dot) != Some('.') {
        return false;
    }
    let Some(second) = char_at(text, dot + 1).filter(|c| c.is_alphabetic()) else {
        return false;
    };
    !char_at(text, dot + 1 + second.len_utf8()).is_some_and(is_word_char)
        && !char_before(text, i).is_some_and(char::is_alphanumeric)
}

/// Where the dotted initialism starting at byte `i` ends.
fn dotted_initialism_end(text: &str, i: usize) -> usize {
    let mut j = i;
    while let Some(letter) = char_at(text, j).filter(|c| c.is_alphabetic()) {
        if char_at(text, j + letter.len_utf8()) != Some('.') {
            break;
        }
        j += letter.len_utf8() + 1;
        if let Some(next) = char_at(text, j) {
            let after = j + next.len_utf8();
            let following = char_at(text, after);
            if next.is_alphabetic()
                && !following.is_some_and(is_word_char)
                && following != Some('.')
            {
                // "U.S" without its final dot.
                j = after;
                break;
            }
        }
    }
    j
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}'
            | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{3001}'..='\u{3003}'
    )
}

/// The byte position where a clitic ("'s", "n't") starts, when the word ends with one.
///
/// The suffixes are compared ignoring ASCII case instead of lower-casing the word: no
/// character but an ASCII letter lower-cases to one of the suffixes' letters, so this
/// is the same test without an allocation.
///
/// "we've", "they're", "we'll", "I'm" are split too, and their clitic is given its full form
/// ("have", "are", "will", "am") so that "we'll strike" reads like "we will strike".
fn split_clitic(word: &str) -> Option<(usize, Option<&'static str>)> {
    const CLITICS: &[(&str, Option<&str>)] = &[
        ("n't", None),
        ("n\u{2019}t", None),
        ("'s", None),
        ("\u{2019}s", None),
        ("'ve", Some("have")),
        ("\u{2019}ve", Some("have")),
        ("'re", Some("are")),
        ("\u{2019}re", Some("are")),
        ("'ll", Some("will")),
        ("\u{2019}ll", Some("will")),
        ("'m", Some("am")),
        ("\u{2019}m", Some("am")),
    ];
    for &(suffix, full) in CLITICS {
        if let Some(at) = word.len().checked_sub(suffix.len()).filter(|&at| at > 0) {
            let tail = word.as_bytes().get(at..).unwrap_or_default();
            if tail.eq_ignore_ascii_case(suffix.as_bytes()) {
                return Some((at, full));
            }
        }
    }
    None
}

/// For the word scanner's ASCII fast path: `LOWER` for a lower-case letter or a digit, `UPPER`
/// for an upper-case letter, 0 for any other byte.
static ASCII_WORD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_alphanumeric() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};
const LOWER: u8 = 1;
const UPPER: u8 = 2;

/// How many ASCII letters and digits follow from byte `from` on, and whether any of them is an
/// upper-case letter.
#[inline]
fn ascii_alphanumeric_run(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut classes = 0;
    let run = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| {
            let class = ASCII_WORD[usize::from(b)];
            classes |= class;
            class != 0
        })
        .count();
    (run, classes & UPPER != 0)
}

/// Pushes the word `word`, all ASCII, starting at byte `start` of the document. Its folded form
/// is its lower case (no ASCII word character folds otherwise), so it is a plain copy unless the
/// word has an upper-case letter.
fn push_ascii_word(out: &mut Vec<Token>, start: usize, word: &str, upper: bool) {
    let mut norm = word.to_owned();
    if upper {
        norm.make_ascii_lowercase();
    }
    let capitalised = upper && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    let span = Span::new(start, start + word.len());
    out.push(Token { span, kind: TokenKind::Word, norm, capitalised });
}

fn push(out: &mut Vec<Token>, text: &str, base: usize, start: usize, end: usize, kind: TokenKind) {
    let s = text.get(start..end).unwrap_or_default();
    let capitalised = s.chars().next().is_some_and(char::is_uppercase);
    // Folding an ASCII character is lower-casing it, except for the backtick, which only a
    // punctuation token can hold: news tokens, nearly all ASCII, are lower-cased in one go, and
    // only the rest is folded character by character.
    let norm = if s.is_ascii() && !(kind == TokenKind::Punct && s.contains('`')) {
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
    fn fast_paths_fold_like_fold_char() {
        // Every token's form is its text folded character by character, whichever path made it.
        let t = "WASHINGTON Türkiye's `quote` DIDN\u{2019}T Al-Sharaa x2 IDF-led Dar\u{2018}\u{0101} ÉCOLE";
        for tok in tokenize(t, 0) {
            let s = tok.span.slice(t);
            let mut folded = String::new();
            s.chars().for_each(|c| fold_char(c, &mut folded));
            assert_eq!(tok.norm, folded, "{s}");
            assert_eq!(tok.capitalised, s.chars().next().is_some_and(char::is_uppercase), "{s}");
        }
    }

    #[test]
    fn contractions_split_with_their_full_form() {
        assert_eq!(
            norms("We'll strike, they\u{2019}ve said, I'm sure you're right"),
            vec![
                "we", "will", "strike", ",", "they", "have", "said", ",", "i", "am", "sure", "you",
                "are", "right"
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            ".",
            "'",
            "a'",
            "U.",
            "U.S",
            "1.",
            "\u{0}\u{FFFF}",
            "x-",
            "-x",
            "n't",
            "'s",
            "'ve",
            "a've",
            "I\u{2019}m",
            "'ll'll",
        ] {
            let _ = tokenize(s, 0);
        }
    }
}
