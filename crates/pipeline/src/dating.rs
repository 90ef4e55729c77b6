//! Choosing an event's date from the document's time expressions.
//!
//! The order of preference follows how news is written: a time expression in the event's own
//! clause, nearest the trigger; else one elsewhere in its sentence; else a relative anchor
//! between events ("comes a day after X announced ..."), counted from the lede's date; else the
//! day of the sentence before, because a story keeps talking about the same day until it says
//! otherwise (a month or a year is not carried over: named in passing, it is usually
//! background); else the publication date, with precision `unknown`. A past event is never
//! dated after publication.

use lapwing_core::{Sentence, Span};
use lapwing_time::{CivilDate, Timex};

/// How a date was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBasis {
    /// A time expression in the event's clause or sentence.
    Expression,
    /// A shift ("a day after") from the document's main date.
    Shift,
    /// Carried over from an earlier sentence.
    Inherited,
    /// A lede with no date of its own: the day the story's next sentences name.
    Lede,
    /// The publication date, for lack of anything better.
    Publication,
    /// No date at all (no publication date either).
    Unknown,
}

/// The chosen date of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateChoice {
    /// First day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Last day, when the expression spans several.
    pub enddate: Option<String>,
    /// `day`, `week`, `month`, `year` or `unknown`.
    pub precision: String,
    /// The words that fixed it.
    pub text: Option<String>,
    /// How it was chosen, for the evidence.
    pub basis: DateBasis,
    /// The byte span of the words, when they are in the text.
    pub span: Option<Span>,
}

/// Dates used to pick time-aware actor roles, one per sentence: the first dated expression in
/// it, else the publication date.
pub fn sentence_dates(
    sentences: &[Sentence],
    timexes: &[Timex],
    anchor: Option<CivilDate>,
) -> Vec<Option<String>> {
    sentences
        .iter()
        .map(|s| {
            timexes
                .iter()
                .filter(|t| t.start >= s.span.start && t.end <= s.span.end)
                .find_map(|t| t.range.map(|(a, _)| a.to_string()))
                .or_else(|| anchor.map(|a| a.to_string()))
        })
        .collect()
}

#[derive(Debug, Clone)]
struct Resolved {
    first: CivilDate,
    last: CivilDate,
    precision: String,
    text: Option<String>,
    span: Option<Span>,
    basis: DateBasis,
}

/// Resolves dates for the events of one document.
pub struct Dater<'a> {
    text: &'a str,
    timexes: &'a [Timex],
    anchor: Option<CivilDate>,
    /// Each sentence's own date (expression, shift or inherited).
    by_sentence: Vec<Option<Resolved>>,
    sentence_spans: Vec<Span>,
    /// Each sentence's shift phrase ("a day after"), looked for once.
    shifts: Vec<Option<(i64, Span)>>,
}

/// Relative phrases that place an event some days from another, with the shift in days when
/// the event follows the phrase ("comes a day after [event]": the event is a day earlier).
const SHIFTS: &[(&str, i64)] = &[
    ("a day after", 1),
    ("one day after", 1),
    ("the day after", 1),
    ("two days after", 2),
    ("three days after", 3),
    ("a week after", 7),
    ("a day before", -1),
    ("one day before", -1),
    ("the day before", -1),
    ("two days before", -2),
    ("a week before", -7),
];

impl<'a> Dater<'a> {
    /// How many calendar years before the publication date `date` (`YYYY-MM-DD`) lies, when
    /// the document has one.
    pub fn years_before_publication(&self, date: &str) -> Option<i32> {
        let year: i32 = date.get(..4)?.parse().ok()?;
        Some(self.anchor?.year - year)
    }

    /// Prepares the per-sentence dates of a document.
    pub fn new(
        text: &'a str,
        sentences: &[Sentence],
        timexes: &'a [Timex],
        anchor: Option<CivilDate>,
    ) -> Dater<'a> {
        let mut by_sentence: Vec<Option<Resolved>> = Vec::with_capacity(sentences.len());
        let shifts: Vec<Option<(i64, Span)>> =
            sentences.iter().map(|s| shift_in(text, s.span)).collect();
        // The lede's date: the first sentence with an expression of day precision.
        let mut main_date: Option<CivilDate> = None;
        for (i, s) in sentences.iter().enumerate() {
            let own = timexes
                .iter()
                .filter(|t| t.start >= s.span.start && t.end <= s.span.end)
                .filter(|t| !not_a_date_of(text, t, anchor))
                .find_map(|t| resolved_from(text, t, anchor));
            let own = own.or_else(|| {
                let base = main_date.or(anchor)?;
                shifts.get(i).copied().flatten().map(|(days, span)| {
                    let d = base.add_days(-days);
                    Resolved {
                        first: d,
                        last: d,
                        precision: "day".into(),
                        text: Some(span.slice(text).to_string()),
                        span: Some(span),
                        basis: DateBasis::Shift,
                    }
                })
            });
            if main_date.is_none() {
                if let Some(r) = &own {
                    if r.precision == "day" {
                        main_date = Some(r.first);
                    }
                }
            }
            // Only a day or a week carries over: a month or a year named in passing is usually
            // background ("since November 2015"), not the day the next sentence reports.
            let inherited = own.or_else(|| {
                let prev = by_sentence.last()?.as_ref()?;
                matches!(prev.precision.as_str(), "day" | "week")
                    .then(|| Resolved { basis: DateBasis::Inherited, ..prev.clone() })
            });
            by_sentence.push(inherited);
        }
        // "Terrorist bombings at U.S. embassies in Kenya and Tanzania blew apart buildings ...
        // The blasts Friday ...": a wire story's opening sentences, dated by nothing, report
        // the day that the next ones name (the week before publication, not later).
        let lede = by_sentence.iter().take(3).position(|r| r.is_some());
        if let Some(k) = lede.filter(|&k| k > 0) {
            let dated = by_sentence.get(k).cloned().flatten().filter(|r| {
                r.precision == "day"
                    && r.basis == DateBasis::Expression
                    && anchor.is_some_and(|a| r.first <= a && r.first >= a.add_days(-7))
            });
            if let Some(r) = dated {
                for slot in by_sentence.iter_mut().take(k) {
                    *slot = Some(Resolved { basis: DateBasis::Lede, ..r.clone() });
                }
            }
        }
        Dater {
            text,
            timexes,
            anchor,
            by_sentence,
            sentence_spans: sentences.iter().map(|s| s.span).collect(),
            shifts,
        }
    }

    /// The date of an event in sentence `sentence`, whose clause is `clause` and trigger
    /// `trigger`.
    pub fn choose(&self, sentence: usize, clause: Span, trigger: Span, future: bool) -> DateChoice {
        // "detained since Oct. 7": the start of a span is no event's date.
        let since = |t: &&Timex| not_a_date_of(self.text, t, self.anchor);
        let in_clause = self
            .timexes
            .iter()
            // Containment first: `since` reads the words around an expression, and most
            // expressions of a document lie outside the clause.
            .filter(|t| t.start >= clause.start && t.end <= clause.end)
            .filter(|t| !since(t))
            .filter_map(|t| {
                resolved_from(self.text, t, self.anchor).map(|r| (distance(t, trigger), r))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, r)| r);
        let sentence_span = self.sentence_spans.get(sentence).copied().unwrap_or(clause);
        // A date the event's own clause names after the shift phrase is its own.
        let in_clause_after = |phrase: Span| {
            self.timexes.iter().any(|t| {
                t.start >= clause.start
                    && t.end <= clause.end
                    && t.start >= phrase.end
                    && t.range.is_some()
            })
        };
        let in_sentence = || {
            self.timexes
                .iter()
                .filter(|t| t.start >= sentence_span.start && t.end <= sentence_span.end)
                .filter(|t| !since(t))
                .filter_map(|t| {
                    resolved_from(self.text, t, self.anchor).map(|r| (distance(t, trigger), r))
                })
                .min_by_key(|(d, _)| *d)
                .map(|(_, r)| r)
        };
        let shifted = || {
            // A shift phrase before the trigger dates the event relative to the lede.
            let r = self.by_sentence.get(sentence)?.as_ref()?;
            (r.basis == DateBasis::Shift && r.span.is_some_and(|s| s.end <= trigger.start))
                .then(|| r.clone())
        };
        // "Protesters stormed parliament on Friday, a day after police killed a driver": an
        // event after a shift phrase is that many days before the date the sentence names
        // ahead of the phrase.
        let shifted_within = || {
            let (days, phrase) = self.shifts.get(sentence).copied().flatten()?;
            if phrase.end > trigger.start || in_clause_after(phrase) {
                return None;
            }
            let base = self
                .timexes
                .iter()
                .filter(|t| t.start >= sentence_span.start && t.end <= phrase.start)
                .filter_map(|t| resolved_from(self.text, t, self.anchor))
                .rfind(|r| r.precision == "day")?;
            let d = base.first.add_days(-days);
            Some(Resolved {
                first: d,
                last: d,
                precision: "day".into(),
                text: Some(phrase.slice(self.text).to_string()),
                span: Some(phrase),
                basis: DateBasis::Shift,
            })
        };
        let chosen = shifted_within()
            .or(in_clause)
            .or_else(shifted)
            .or_else(in_sentence)
            .or_else(|| self.by_sentence.get(sentence).cloned().flatten());
        let too_late = |r: &Resolved| !future && self.anchor.is_some_and(|a| r.first > a);
        match chosen {
            Some(r) if !too_late(&r) => DateChoice {
                date: Some(r.first.to_string()),
                enddate: (r.last != r.first).then(|| r.last.to_string()),
                precision: r.precision,
                text: r.text,
                basis: r.basis,
                span: r.span,
            },
            _ => match self.anchor {
                Some(a) => DateChoice {
                    date: Some(a.to_string()),
                    enddate: None,
                    precision: "unknown".into(),
                    text: None,
                    basis: DateBasis::Publication,
                    span: None,
                },
                None => DateChoice {
                    date: None,
                    enddate: None,
                    precision: "unknown".into(),
                    text: None,
                    basis: DateBasis::Unknown,
                    span: None,
                },
            },
        }
    }
}

/// Whether a time expression dates no event: after "since" it starts a span, after "until" or
/// "by" it may end one or set a deadline; between a
/// determiner and a noun ("the 1994 genocide", "last year's election") it names a thing.
fn not_a_date_of(text: &str, t: &Timex, anchor: Option<CivilDate>) -> bool {
    let before = text.get(..t.start).unwrap_or_default().trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    if word.eq_ignore_ascii_case("since") {
        return true;
    }
    // "extend its truce until April 30", "a plan to disarm by the end of the year": a span's
    // end or a deadline still ahead when the story was written is no event's date ("Until
    // this week.", "had begun by July 2014" are).
    if ["until", "till", "by"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
        let ahead = match (t.range, anchor) {
            (Some((first, last)), Some(a)) => {
                first > a || (last > a && t.text.to_ascii_lowercase().contains("end of"))
            }
            _ => false,
        };
        if ahead {
            return true;
        }
    }
    let is_determiner = |w: &str| {
        ["the", "a", "an", "its", "their", "his", "her"].iter().any(|d| w.eq_ignore_ascii_case(d))
    };
    // ("his unsuccessful 1996 campaign": also with an adjective between.)
    let mut words = before.rsplit(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let (w1, w2) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
    let adjective = w1.chars().next().is_some_and(|c| c.is_lowercase()) && is_determiner(w2);
    let determiner = is_determiner(word) || adjective;
    let after = text.get(t.end..).unwrap_or_default();
    // ("the 1996 Olympic bombing": a name may stand between.)
    let noun_follows = after.starts_with(' ')
        && after.trim_start().chars().next().is_some_and(|c| c.is_alphabetic());
    determiner && noun_follows && t.text.chars().all(|c| c.is_ascii_digit())
}

fn resolved_from(text: &str, t: &Timex, _anchor: Option<CivilDate>) -> Option<Resolved> {
    let (first, last) = t.range?;
    Some(Resolved {
        first,
        last,
        precision: t.precision.to_string(),
        text: Some(text.get(t.start..t.end).unwrap_or(&t.text).to_string()),
        span: Some(Span::new(t.start, t.end)),
        basis: DateBasis::Expression,
    })
}

fn distance(t: &Timex, trigger: Span) -> usize {
    if t.end <= trigger.start {
        trigger.start - t.end
    } else {
        t.start.saturating_sub(trigger.end)
    }
}

/// Finds a shift phrase in the sentence, case-insensitively, returning days and its span.
fn shift_in(text: &str, span: Span) -> Option<(i64, Span)> {
    let s = span.slice(text);
    // Most sentences have neither "after" nor "before": skip the lower-casing for them.
    if !(s.contains("fter") || s.contains("efore") || s.contains("FTER") || s.contains("EFORE")) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    SHIFTS.iter().find_map(|(phrase, days)| {
        let at = lower.find(phrase)?;
        Some((*days, Span::new(span.start + at, span.start + at + phrase.len())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<(Option<String>, String)> {
        let sentences = lapwing_text::segment(text);
        let anchor = CivilDate::parse(published);
        let timexes = lapwing_time::find_timexes(text, anchor);
        let dater = Dater::new(text, &sentences, &timexes, anchor);
        sentences
            .iter()
            .map(|s| {
                let c = dater.choose(s.index, s.span, Span::new(s.span.start, s.span.start), false);
                (c.date, c.precision)
            })
            .collect()
    }

    #[test]
    fn a_day_carries_over_but_a_background_year_does_not() {
        let d = dates(
            "Troops withdrew on Thursday. They left the town. Relations soured in 2013. \
             Officials condemned the move.",
            "2025-07-20",
        );
        assert_eq!(d[0], (Some("2025-07-17".into()), "day".into()));
        assert_eq!(d[1], (Some("2025-07-17".into()), "day".into()));
        assert_eq!(d[2], (Some("2013-01-01".into()), "year".into()));
        assert_eq!(d[3], (Some("2025-07-20".into()), "unknown".into()));
    }

    #[test]
    fn a_shift_counts_from_the_lede() {
        let d = dates(
            "Rubio spoke on Saturday. His statement comes a day after Barrack announced a truce.",
            "2025-07-20",
        );
        assert_eq!(d[0].0.as_deref(), Some("2025-07-19"));
        assert_eq!(d[1].0.as_deref(), Some("2025-07-18"));
    }

    /// The date of a trigger at the first occurrence of `word` in a one-sentence text.
    fn date_at(text: &str, published: &str, word: &str) -> Option<String> {
        let sentences = lapwing_text::segment(text);
        let anchor = CivilDate::parse(published);
        let timexes = lapwing_time::find_timexes(text, anchor);
        let dater = Dater::new(text, &sentences, &timexes, anchor);
        let at = text.find(word)?;
        let s = sentences.first()?;
        dater.choose(0, s.span, Span::new(at, at + word.len()), false).date
    }

    #[test]
    fn a_shift_inside_the_sentence_counts_from_its_own_date() {
        let text =
            "Protesters stormed parliament on Wednesday, a day after police killed a driver.";
        assert_eq!(date_at(text, "2025-07-18", "stormed").as_deref(), Some("2025-07-16"));
        assert_eq!(date_at(text, "2025-07-18", "killed").as_deref(), Some("2025-07-15"));
    }

    #[test]
    fn the_start_of_a_span_dates_no_event() {
        let text = "Troops arrested 45 people, bringing the number held since Oct. 7 to 3,000.";
        assert_eq!(date_at(text, "2023-11-21", "arrested").as_deref(), Some("2023-11-21"));
    }

    #[test]
    fn the_end_of_a_span_or_a_deadline_dates_no_event() {
        let text = "The junta said on Thursday that it would extend its truce until April 30.";
        assert_eq!(date_at(text, "2025-04-18", "extend").as_deref(), Some("2025-04-17"));
        let text = "Hezbollah rejected a plan to disarm by the end of the year.";
        assert_eq!(date_at(text, "2025-10-31", "rejected").as_deref(), Some("2025-10-31"));
        // A deadline already past dates what was done by then.
        let text = "Abdulkader had begun by July 2014 expressing support for the group.";
        assert_eq!(date_at(text, "2016-11-23", "support").as_deref(), Some("2014-07-01"));
    }

    #[test]
    fn a_year_naming_a_thing_dates_no_event() {
        let text = "The OAU said Friday it would investigate the 1994 genocide in Rwanda.";
        assert_eq!(date_at(text, "1998-02-28", "investigate").as_deref(), Some("1998-02-27"));
        // Regression: an adjective between ("his unsuccessful 1996 campaign") dated the
        // sentence's event 1996.
        let text = "Paul Keating, who lost in his unsuccessful 1996 campaign, welcomed the result.";
        assert_eq!(date_at(text, "1998-02-13", "welcomed").as_deref(), Some("1998-02-13"));
        let text = "Kopp is also charged in the 1996 Olympic bombing.";
        assert_eq!(date_at(text, "1999-05-07", "charged").as_deref(), Some("1999-05-07"));
    }

    #[test]
    fn no_publication_date_and_no_expression_gives_no_date() {
        let d = dates("Police arrested protesters.", "");
        assert_eq!(d[0], (None, "unknown".into()));
    }
}
