//! Word lists of the tagger: month and weekday names, number words, time units, and the
//! cue words that decide tense. All lookups take ASCII-lowercased words.

/// A calendar unit that durations and relative expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters (three months).
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter, and whether it sits after the `T` separator.
    pub fn letter(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("E", false),
            Unit::Century => ("C", false),
        }
    }

    /// A TIMEX3 duration of `n` units; `None` gives the vague form (`PXY`).
    pub fn duration(self, n: Option<u32>) -> String {
        let (l, t) = self.letter();
        let t = if t { "T" } else { "" };
        match n {
            // TimeBank writes decades as years ("two decades" → P20Y).
            Some(n) if self == Unit::Decade => format!("P{}Y", u64::from(n) * 10),
            Some(n) if self == Unit::Century => format!("P{}Y", u64::from(n) * 100),
            Some(n) => format!("P{t}{n}{l}"),
            None => format!("P{t}X{l}"),
        }
    }
}

/// A unit word, with whether it was plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Month number of a month name or its news abbreviation.
pub fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether the month word is an abbreviation (these need a following period or a day
/// number before we trust them).
pub fn is_month_abbrev(w: &str) -> bool {
    w.len() <= 4 && w != "may" && w != "june" && w != "july"
}

/// ISO weekday number (1 = Monday) of a weekday name.
pub fn weekday(w: &str) -> Option<u8> {
    Some(match w {
        "monday" | "mondays" => 1,
        "tuesday" | "tuesdays" => 2,
        "wednesday" | "wednesdays" => 3,
        "thursday" | "thursdays" => 4,
        "friday" | "fridays" => 5,
        "saturday" | "saturdays" => 6,
        "sunday" | "sundays" => 7,
        _ => return None,
    })
}

/// Value of a cardinal number word ("a" and "an" count as one).
pub fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Whether the word quantifies vaguely ("several years" → PXY).
pub fn vague_quantity(w: &str) -> bool {
    matches!(w, "several" | "few" | "many" | "some" | "couple" | "numerous")
}

/// Value of an ordinal word.
pub fn ordinal(w: &str) -> Option<u8> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// Season code of a season word.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// TIMEX3 part-of-day code of a part-of-day word.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// Words that mark the clause as talking about the future, so that a bare weekday or
/// month points forward from the publication date.
pub fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "would"
            | "next"
            | "due"
            | "scheduled"
            | "expected"
            | "expects"
            | "plans"
            | "planned"
            | "planning"
            | "going"
            | "upcoming"
            | "until"
            | "expire"
            | "expires"
            | "begin"
            | "starting"
            | "tomorrow"
            | "coming"
            | "set"
            | "slated"
            | "intends"
            | "hopes"
            | "could"
            | "might"
            | "soon"
            | "resume"
    )
}

/// Base-form verbs that, after "to", name a purpose still to come ("to hold talks on
/// Monday"); nouns after "to" ("returned to work on Monday") are left out.
pub fn purpose_verb(w: &str) -> bool {
    matches!(
        w,
        "hold"
            | "meet"
            | "visit"
            | "travel"
            | "discuss"
            | "sign"
            | "vote"
            | "attend"
            | "host"
            | "convene"
            | "testify"
            | "decide"
            | "consider"
            | "review"
            | "announce"
            | "launch"
            | "hear"
    )
}

/// Words that mark the clause as past.
pub fn past_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "was"
            | "were"
            | "had"
            | "did"
            | "ago"
            | "last"
            | "yesterday"
            | "earlier"
            | "met"
            | "told"
            | "took"
            | "made"
            | "began"
            | "came"
            | "went"
            | "left"
            | "held"
            | "gave"
            | "saw"
            | "found"
            | "killed"
            | "since"
    )
}

/// Time-zone abbreviations that may follow a clock time.
pub fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "bst"
            | "cet"
    )
}
