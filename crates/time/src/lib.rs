//! `lapwing-time`: a rule-based temporal tagger and TIMEX3 normaliser for news text, in the
//! spirit of HeidelTime.
//!
//! [`find_timexes`] finds time expressions in a document and resolves them against the
//! publication date: weekdays, "yesterday", "last week", explicit dates in the usual news
//! formats, months, years, quarters, seasons, durations, sets and clock times. Besides the
//! TIMEX3 `value`, every dated expression carries the calendar span it denotes
//! ([`Timex::range`]) and its [`Precision`], which is what an event coder needs.
//!
//! The crate is pure: no I/O, no clock, no global state. It never panics on any input and
//! runs in time linear in the input (a hand-written tokenizer and matchers with bounded
//! look-ahead; no regular expressions).
//!
//! ```
//! use lapwing_time::{find_timexes, CivilDate, Precision};
//!
//! let published = CivilDate::parse("2025-07-18");
//! let found = find_timexes("Rebels shelled the town on Tuesday and will talk next week.", published);
//! assert_eq!(found[0].value, "2025-07-15");
//! assert_eq!(found[0].precision, Precision::Day);
//! assert_eq!(found[1].value, "2025-W30");
//! ```

#![deny(missing_docs)]

mod civil;
mod lexicon;
mod tagger;

pub use civil::{days_in_month, is_leap, CivilDate};
pub use lexicon::Unit;
pub use tagger::{find_timexes, shift_phrase};

use std::fmt;

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period ("Friday", "July 2025", "last week").
    Date,
    /// A time of day ("10:35 a.m.", "Thursday morning").
    Time,
    /// A length of time ("three days", "the past two months").
    Duration,
    /// A recurrence ("every Friday", "daily").
    Set,
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        })
    }
}

/// How finely an expression pins down its calendar span.
///
/// Quarters, halves and seasons report `Month` (their range spans the months);
/// decades and centuries report `Year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A single day (also clock times and parts of a day).
    Day,
    /// A week (or a weekend).
    Week,
    /// A month, or several months (quarter, season, half year).
    Month,
    /// A year or longer.
    Year,
    /// No calendar span (durations, sets, PRESENT_REF and the like).
    Unknown,
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        })
    }
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset of the first byte of the expression.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// The matched words, `text[start..end]`.
    pub text: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: "2025-07-17", "2025-W29", "2025-07", "2025-Q3", "P3D", "PRESENT_REF",
    /// "XXXX-WXX-5", "2025-07-17T09:30", "2025-07-17TMO"…
    pub value: String,
    /// For event dating: the calendar span the expression denotes, when it denotes one
    /// (first and last day, inclusive).
    pub range: Option<(CivilDate, CivilDate)>,
    /// Granularity of `range`.
    pub precision: Precision,
}
