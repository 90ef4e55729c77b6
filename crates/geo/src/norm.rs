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
        // Names and text are nearly all ASCII: those bytes are classified and fed as they are,
        // without decoding a char or encoding it back (the key is the same as feeding the
        // lower-cased chars, since an ASCII char's UTF-8 form is its byte). The state lives in
        // locals during the loop so that it stays in registers.
        let KeyHasher { mut h, mut pending_sep, mut empty } = *self;
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let kept = if b.is_ascii() {
                i += 1;
                if b.is_ascii_alphanumeric() {
                    Some(b.to_ascii_lowercase() as char)
                } else {
                    pending_sep |= !matches!(b, b'\'' | b'.' | b'`');
                    None
                }
            } else {
                let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
                i += c.len_utf8();
                match class(c) {
                    Class::Keep(k) => Some(k),
                    Class::Skip => None,
                    Class::Sep => {
                        pending_sep = true;
                        None
                    }
                }
            };
            if let Some(k) = kept {
                // Runs of separators collapse into one, and none leads.
                if pending_sep && !empty {
                    h = feed_byte(h, b' ');
                }
                pending_sep = false;
                empty = false;
                h = if k.is_ascii() { feed_byte(h, k as u8) } else { feed(h, k) };
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

    #[test]
    fn incremental_equals_whole() {
        let mut k = KeyHasher::new();
        k.push_str("New");
        k.sep();
        k.push_str("York");
        assert_eq!(Some(k.finish()), key("New York"));
    }
}
