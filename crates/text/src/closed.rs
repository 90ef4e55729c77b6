//! Closed-class English words shared by the stages: articles, possessive determiners,
//! prepositions, auxiliaries, forms of "be", number words, weekdays and months.
//!
//! These are grammar, not lexicon: users extend the TSV lexicons, not these. The actor and the
//! event coder ask the same questions of a token ("is this an article?", "a month?"), and
//! while each kept its own copy the copies drifted apart; here there is one list per class.
//! Words are in the folded form tokens carry in `norm` (lower case).
//!
//! The lists are as the rules were tuned, not complete grammars: a crate that needs more words
//! joins a small list of its own to one of these with [`join_words!`](crate::join_words), and
//! a crate whose rules need a different set keeps its own list with a note saying why.
//! Changing a list here changes the coding of every crate that uses it. (`lapwing-time` and `lapwing-geo` depend on
//! no other lapwing crate, so they keep their own word lists.)

/// Articles.
pub const ARTICLES: &[&str] = &["the", "a", "an"];

/// Possessive determiners. Without "my" and "your": the rules were tuned without them, and they
/// point at a speaker rather than at an actor named in the text.
pub const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our"];

/// Prepositions, with "including" and "than", which govern a noun phrase the same way.
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "from",
    "to",
    "into",
    "with",
    "by",
    "for",
    "against",
    "near",
    "across",
    "inside",
    "outside",
    "within",
    "between",
    "among",
    "toward",
    "towards",
    "around",
    "over",
    "under",
    "through",
    "throughout",
    "via",
    "upon",
    "about",
    "during",
    "amid",
    "amidst",
    "despite",
    "like",
    "onto",
    "along",
    "beyond",
    "behind",
    "including",
    "than",
    "off",
    "per",
    "without",
    "alongside",
    "except",
    "versus",
    "vs",
    "beside",
    "besides",
    "unlike",
];

/// Forms of "be".
pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Auxiliaries that stand before a main verb: forms of "have" and "do" and the modals.
/// Without "shall" and "ought", which the rules were tuned without. "may" is also a month.
pub const AUXILIARIES: &[&str] = &[
    "had", "has", "have", "will", "would", "could", "may", "might", "should", "must", "can", "did",
    "does", "do",
];

/// Cardinal number words from one to ten. Counts such as "dozens" and "hundreds" stay with the
/// rules that use them, which do not agree on them.
pub const CARDINALS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/// Days of the week.
pub const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Months of the year.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated months, without their period ("Aug." is "aug" once the period is trimmed).
pub const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Joins word lists into one `&'static [&'static str]` at compile time, so a crate can extend a
/// shared list with words of its own and its rules still test against a single slice.
///
/// ```
/// use lapwing_text::closed::{ARTICLES, POSSESSIVES};
/// const DETERMINERS: &[&str] = lapwing_text::join_words!(ARTICLES, POSSESSIVES, &["both"]);
/// assert_eq!(DETERMINERS.len(), 9);
/// assert!(DETERMINERS.contains(&"both") && DETERMINERS.contains(&"an"));
/// ```
#[macro_export]
macro_rules! join_words {
    ($($list:expr),+ $(,)?) => {{
        const LISTS: &[&[&str]] = &[$($list),+];
        const JOINED: [&str; $crate::closed::total_len(LISTS)] = $crate::closed::join(LISTS);
        &JOINED
    }};
}

/// The number of words in `lists` together; used by [`join_words!`].
#[doc(hidden)]
pub const fn total_len(lists: &[&[&str]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < lists.len() {
        n += lists[i].len();
        i += 1;
    }
    n
}

/// `lists` one after the other in an array of exactly `N` words; used by [`join_words!`].
#[doc(hidden)]
pub const fn join<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    assert!(total_len(lists) == N, "join: N is not the number of words");
    let mut out = [""; N];
    let mut n = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            out[n] = lists[i][j];
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_lists_keep_every_word_in_order() {
        const BOTH: &[&str] = crate::join_words!(ARTICLES, &["both"], POSSESSIVES);
        assert_eq!(BOTH, ["the", "a", "an", "both", "its", "their", "his", "her", "our"]);
    }

    #[test]
    fn words_are_folded_and_unique() {
        for list in [ARTICLES, POSSESSIVES, PREPOSITIONS, BE_FORMS, AUXILIARIES, CARDINALS]
            .into_iter()
            .chain([WEEKDAYS, MONTHS])
        {
            for (i, w) in list.iter().enumerate() {
                assert_eq!(*w, w.to_lowercase(), "{w} is not folded");
                assert!(!list[..i].contains(w), "{w} twice");
            }
        }
    }
}
