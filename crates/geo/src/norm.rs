//! Name normalisation shared by the gazetteer index and the text scanner.
//!
//! Both sides must reduce "As-Suwayda", "As Suwayda" and "AS-SUWAYDA" to the same key, and
//! "U.S." to the same key as "US", without allocating per token: the key is a 64-bit FNV-1a hash
//! computed over a stream of normalised characters. Lower-casing happens here; diacritic folding
//! does not, because the build script stores both the original and the ASCII-folded spelling.

/// FNV-1a offset basis.
pub(crate) const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// What a character contributes to a normalised name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    /// A letter or digit (already lower-cased).
    Keep(char),
    /// Dropped entirely: apostrophes and periods ("Dar'a" = "Dara", "U.S." = "US").
    Skip,
    /// A word separator; runs of separators collapse into one space.
    Sep,
}

/// [`BYTE`] value of a separator byte.
const SEP: u8 = 0;
/// [`BYTE`] value of a byte that is dropped.
const SKIP: u8 = 1;
/// [`BYTE`] value of the bytes of a multi-byte character, which [`class`] decides.
const WIDE: u8 = 2;

/// What each byte contributes: for ASCII, what [`class`] says ([`SEP`], [`SKIP`] or the
/// lower-cased byte itself, every letter and digit being above both), [`WIDE`] for the rest;
/// so that the hot loop of [`KeyHasher::push_str`] tests one table entry instead of several
/// ranges.
static BYTE: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c == b'\'' || c == b'.' || c == b'`' {
            SKIP
        } else {
            SEP
        };
        b += 1;
    }
    t
};

/// Classifies one character.
pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        // Fast path: most text is ASCII.
        return if c.is_ascii_alphanumeric() {
            Class::Keep(c.to_ascii_lowercase())
        } else if c == '\'' || c == '.' || c == '`' {
            Class::Skip
        } else {
            Class::Sep
        };
    }
    if c.is_alphanumeric() {
        // `to_lowercase` may yield several chars (e.g. 'İ'); the first is enough for a key.
        return Class::Keep(c.to_lowercase().next().unwrap_or(c));
    }
    match c {
        '\'' | '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '`' | '\u{00B4}' | '.' => {
            Class::Skip
        }
        _ if is_mark(c) => Class::Skip,
        _ => Class::Sep,
    }
}

/// Combining marks that may follow a base letter in decomposed text.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Feeds one byte into the hash.
#[inline]
pub(crate) fn feed_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(PRIME)
}

/// Feeds one normalised character into the hash.
#[inline]
pub(crate) fn feed(mut h: u64, c: char) -> u64 {
    if let Ok(b) = u8::try_from(c) {
        if b.is_ascii() {
            return feed_byte(h, b);
        }
    }
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// Incremental key builder: feed words one at a time, separators are inserted between them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyHasher {
    h: u64,
    pending_sep: bool,
    empty: bool,
}

impl KeyHasher {
    pub(crate) fn new() -> Self {
        KeyHasher { h: SEED, pending_sep: false, empty: true }
    }

    /// Adds raw text (which may itself contain separators).
    pub(crate) fn push_str(&mut self, s: &str) {
        // Names and text are nearly all ASCII: those bytes are classified by one table look-up
        // and fed as they are, without decoding a char or encoding it back (the key is the same
        // as feeding the lower-cased chars, since an ASCII char's UTF-8 form is its byte). The
        // rest of a word after its first letter is fed by a loop of its own that has no
        // separator to think of. The state lives in locals so that it stays in registers.
        let KeyHasher { mut h, mut pending_sep, mut empty } = *self;
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let kept = match BYTE[usize::from(b)] {
                SEP => {
                    pending_sep = true;
                    i += 1;
                    continue;
                }
                SKIP => {
                    i += 1;
                    continue;
                }
                WIDE => {
                    let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
                    i += c.len_utf8();
                    match class(c) {
                        Class::Keep(k) => k,
                        Class::Skip => continue,
                        Class::Sep => {
                            pending_sep = true;
                            continue;
                        }
                    }
                }
                k => {
                    i += 1;
                    char::from(k)
                }
            };
            // Runs of separators collapse into one, and none leads.
            if pending_sep && !empty {
                h = feed_byte(h, b' ');
            }
            pending_sep = false;
            empty = false;
            h = feed(h, kept);
            while let Some(&b) = bytes.get(i) {
                let k = BYTE[usize::from(b)];
                if k <= WIDE {
                    break;
                }
                h = feed_byte(h, k);
                i += 1;
            }
        }
        *self = KeyHasher { h, pending_sep, empty };
    }

    /// Marks a word boundary.
    pub(crate) fn sep(&mut self) {
        self.pending_sep = true;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.empty
    }

    pub(crate) fn finish(&self) -> u64 {
        self.h
    }
}

/// The key of a whole name.
pub(crate) fn key(s: &str) -> Option<u64> {
    let mut k = KeyHasher::new();
    k.push_str(s);
    if k.is_empty() {
        None
    } else {
        Some(k.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_a_key() {
        assert_eq!(key("As-Suwayda"), key("as suwayda"));
        assert_eq!(key("AS  SUWAYDA"), key("As Suwayda"));
        assert_eq!(key("U.S."), key("US"));
        assert_eq!(key("Dar'a"), key("Dar’a"));
        assert_ne!(key("Daraa"), key("Dara"));
        assert_eq!(key("..."), None);
    }

    /// The key as the char-by-char definition gives it, for checking the fast paths.
    fn reference_key(s: &str) -> Option<u64> {
        let (mut h, mut pending_sep, mut empty) = (SEED, false, true);
        for c in s.chars() {
            match class(c) {
                Class::Keep(k) => {
                    if pending_sep && !empty {
                        h = feed(h, ' ');
                    }
                    (pending_sep, empty) = (false, false);
                    h = feed(h, k);
                }
                Class::Skip => {}
                Class::Sep => pending_sep = true,
            }
        }
        (!empty).then_some(h)
    }

    #[test]
    fn fast_path_matches_the_definition() {
        for s in [
            "",
            " ",
            "As-Suwayda",
            "  U.S. -- Dar\u{2019}a  ",
            "Takht-e Qeyşar",
            "Boneh-ye \u{2018}Alvān",
            "İstanbul",
            "\u{212A}ELVIN",
            "e\u{301}cole",
            "a\tb\nc!d@1_2",
            "São Tomé and Príncipe",
        ] {
            assert_eq!(key(s), reference_key(s), "{s:?}");
        }
    }

    #[test]
    fn table_agrees_with_class() {
        for b in 0..128u8 {
            let want = match class(char::from(b)) {
                Class::Keep(c) => c as u8,
                Class::Skip => SKIP,
                Class::Sep => SEP,
            };
            assert_eq!(BYTE[usize::from(b)], want, "{b}");
        }
    }

    #[test]
    fn incremental_equals_whole() {
        let mut k = KeyHasher::new();
        k.push_str("New");
        k.sep();
        k.push_str("York");
        assert_eq!(Some(k.finish()), key("New York"));
    }
}
