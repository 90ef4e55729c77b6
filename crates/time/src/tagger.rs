//! The tagger proper: a byte-level tokenizer, hand-written matchers that start only at
//! trigger tokens (digits and a closed set of temporal words), and the resolution of each
//! match against the anchor date.
//!
//! Matchers look ahead a bounded number of tokens and recurse at most `MAX_DEPTH` levels,
//! so the whole pass is linear in the input.

use crate::civil::{days_in_month, CivilDate};
use crate::lexicon::{self, Unit};
use crate::{Precision, Timex, TimexType};

/// Bound on nested modifier matching ("about nearly early ..."), so hostile input cannot
/// blow the stack.
const MAX_DEPTH: u8 = 4;

/// How many tokens around an expression are read for tense cues.
const TENSE_BACK: usize = 14;
const TENSE_AHEAD: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(u8),
    /// A run of non-ASCII characters: never part of an expression, but it separates words.
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: Kind,
}

/// How much of a value came from the anchor, so that without an anchor we can blank out
/// exactly the inferred parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    /// Fully explicit in the text ("July 17, 2025", "P3D").
    Abs,
    /// Only the year was inferred ("July 17").
    Year,
    /// Entirely relative to the anchor ("yesterday", "last week").
    Full,
}

#[derive(Debug, Clone)]
struct R {
    kind: TimexType,
    value: String,
    range: Option<(CivilDate, CivilDate)>,
    prec: Precision,
    rel: Rel,
}

#[derive(Debug, Clone)]
struct M {
    /// First token.
    s: usize,
    /// One past the last token.
    e: usize,
    r: R,
}

fn m(s: usize, e: usize, r: R) -> Option<M> {
    Some(M { s, e, r })
}

/// Finds the time expressions of `text`, resolving relative ones against `anchor` (the
/// publication date). Without an anchor, relative expressions get underspecified values
/// ("XXXX-XX-XX") and no range. Results are sorted by `start` and never overlap.
pub fn find_timexes(text: &str, anchor: Option<CivilDate>) -> Vec<Timex> {
    let t = Tagger::new(text, anchor);
    t.run()
}

/// The day shift a relative phrase expresses: "a day after" → 1, "the day before" → -1,
/// "two days later" → 2, "a week earlier" → -7. `None` when the text is no such phrase.
/// The coder uses it to date "X comes a day after Y announced ...".
pub fn shift_phrase(text: &str) -> Option<i32> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_ascii_alphanumeric())).filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    if words.first() == Some(&"the") {
        i = 1;
    }
    let (n, unit_at) = match words.get(i) {
        Some(w) if lexicon::unit(w).is_some() => (1i64, i),
        Some(w) => {
            let n = lexicon::number_word(w)
                .map(i64::from)
                .or_else(|| w.parse::<i64>().ok().filter(|n| *n <= 10_000))?;
            (n, i + 1)
        }
        None => return None,
    };
    let (unit, _) = lexicon::unit(words.get(unit_at)?)?;
    let per = match unit {
        Unit::Day => 1,
        Unit::Week => 7,
        _ => return None,
    };
    let sign = match *words.get(unit_at + 1)? {
        "after" | "later" => 1,
        "before" | "earlier" | "prior" => -1,
        _ => return None,
    };
    if words.len() > unit_at + 3 {
        return None;
    }
    i32::try_from(sign * n * per).ok()
}

struct Tagger<'a> {
    text: &'a str,
    lower: String,
    toks: Vec<Tok>,
    /// The anchor, or a stand-in when there is none (results are then generalised).
    a: CivilDate,
    has_anchor: bool,
    /// The quarter the document last named: financial stories compare "a year ago"
    /// with that quarter.
    lq: std::cell::Cell<Option<(i32, u8)>>,
    /// The last date the text itself established (start of its range, and precision):
    /// "the next day" and "later that year" count from it, not from publication.
    refd: std::cell::Cell<Option<(CivilDate, Precision)>>,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let s = i;
        let k = if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        } else if c < 0x80 {
            i += 1;
            Kind::Punct(c)
        } else {
            while i < b.len() && b[i] >= 0x80 {
                i += 1;
            }
            Kind::Other
        };
        toks.push(Tok { s, e: i, k });
    }
    toks
}

fn two(n: u32) -> String {
    format!("{n:02}")
}

impl<'a> Tagger<'a> {
    fn new(text: &'a str, anchor: Option<CivilDate>) -> Tagger<'a> {
        Tagger {
            text,
            lower: text.to_ascii_lowercase(),
            toks: tokenize(text),
            a: anchor.unwrap_or(CivilDate { year: 2000, month: 1, day: 1 }),
            has_anchor: anchor.is_some(),
            lq: std::cell::Cell::new(None),
            refd: std::cell::Cell::new(None),
        }
    }

    fn run(&self) -> Vec<Timex> {
        let mut out = Vec::new();
        let mut last_quarter: Option<(i32, u8)> = None;
        let mut i = 0;
        while i < self.toks.len() {
            let Some(mut mt) = self.at(i, 0, last_quarter) else {
                i += 1;
                continue;
            };
            mt.e = mt.e.min(self.toks.len());
            if mt.e <= i || mt.s >= mt.e {
                i += 1;
                continue;
            }
            if let Some(q) = parse_quarter(&mt.r.value) {
                // Quarters derived by comparison ("a year ago") are not the story's own.
                let derived =
                    mt.s < mt.e && (mt.s..mt.e).any(|k| matches!(self.w(k), "ago" | "earlier"));
                if !derived {
                    last_quarter = Some(q);
                    self.lq.set(Some(q));
                }
            }
            if let (TimexType::Date | TimexType::Time, Some((d, _))) = (mt.r.kind, mt.r.range) {
                if matches!(mt.r.prec, Precision::Day | Precision::Month | Precision::Year) {
                    self.refd.set(Some((d, mt.r.prec)));
                }
            }
            if !self.has_anchor {
                generalise(&mut mt.r);
            }
            let start = self.toks[mt.s].s;
            let end = self.toks[mt.e - 1].e;
            out.push(Timex {
                start,
                end,
                text: self.text.get(start..end).unwrap_or("").to_string(),
                kind: mt.r.kind,
                value: mt.r.value,
                range: mt.r.range,
                precision: mt.r.prec,
            });
            i = mt.e;
        }
        out
    }

    // ---- token access -------------------------------------------------------------

    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.k == Kind::Word => self.lower.get(t.s..t.e).unwrap_or(""),
            _ => "",
        }
    }

    fn p(&self, i: usize) -> u8 {
        match self.toks.get(i) {
            Some(Tok { k: Kind::Punct(c), .. }) => *c,
            _ => 0,
        }
    }

    /// Value and digit count of a number token (at most 9 digits, so it fits).
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.k != Kind::Num || t.e - t.s > 9 {
            return None;
        }
        let v = self.lower.get(t.s..t.e)?.parse().ok()?;
        Some((v, t.e - t.s))
    }

    fn adj(&self, i: usize, j: usize) -> bool {
        match (self.toks.get(i), self.toks.get(j)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.s))
            .is_some_and(|c| c.is_ascii_uppercase())
    }

    fn prev_w(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    /// Whether the clause around tokens `s..e` speaks of the future. The nearest tense
    /// cue decides, looking outward from the expression in both directions within the
    /// clause: in "X said Monday it will ..." the expression belongs to "said".
    fn future(&self, s: usize, e: usize) -> bool {
        self.tense(s, e) == Some(true)
    }

    /// The tense of the clause around `s..e`: `Some(true)` future, `Some(false)` past,
    /// `None` when no cue is near.
    fn tense(&self, s: usize, e: usize) -> Option<bool> {
        let stop = |c: u8| matches!(c, b'.' | b'!' | b'?' | b';' | b'\n');
        // Prepositions right before an expression that look forward on their own.
        if s > 0 && matches!(self.w(s - 1), "until" | "till" | "effective" | "payable" | "next") {
            return Some(true);
        }
        let mut back_open = true;
        let mut ahead_open = true;
        for d in 1..=TENSE_BACK.max(TENSE_AHEAD) {
            if back_open && d <= TENSE_BACK && s >= d {
                let j = s - d;
                if stop(self.p(j)) {
                    back_open = false;
                } else if let Some(f) = self.tense_of(j) {
                    return Some(f);
                }
            }
            if ahead_open && d <= TENSE_AHEAD {
                let k = e + d - 1;
                // A new clause to the right belongs to another verb.
                // "on Tuesday, saying the money would fund food": a participle after a comma is
                // another verb's clause.
                if k >= self.toks.len()
                    || stop(self.p(k))
                    || (self.p(k) == b',' && self.w(k + 1).ends_with("ing"))
                    || matches!(
                        self.w(k),
                        "and"
                            | "but"
                            | "while"
                            | "which"
                            | "who"
                            | "that"
                            | "when"
                            | "after"
                            | "before"
                            | "because"
                    )
                {
                    ahead_open = false;
                } else if let Some(f) = self.tense_of(k) {
                    return Some(f);
                }
            }
            if !back_open && !ahead_open {
                break;
            }
        }
        None
    }

    /// Tense cue of one token: `Some(true)` future, `Some(false)` past.
    fn tense_of(&self, i: usize) -> Option<bool> {
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        // "protesters set fire": "set" looks forward only in "set to".
        if w == "set" && self.w(i + 1) != "to" {
            return Some(false);
        }
        if lexicon::future_cue(w) || (w == "may" && !self.cap(i)) {
            return Some(true);
        }
        // "travel to Moscow to hold talks with Putin on Monday": a purpose looks ahead.
        if i > 0 && self.w(i - 1) == "to" && lexicon::purpose_verb(w) {
            return Some(true);
        }
        // "will be held": a participle after "be" says nothing; the auxiliary decides.
        if i > 0 && matches!(self.w(i - 1), "be" | "been" | "being") {
            return None;
        }
        if lexicon::past_cue(w)
            || (w.len() > 4
                && w.ends_with("ed")
                && !matches!(
                    w,
                    "scheduled" | "expected" | "planned" | "need" | "indeed" | "proposed"
                ))
        {
            return Some(false);
        }
        None
    }

    // ---- resolution helpers -------------------------------------------------------

    fn r_day(&self, d: CivilDate, rel: Rel) -> R {
        R {
            kind: TimexType::Date,
            value: d.to_string(),
            range: Some((d, d)),
            prec: Precision::Day,
            rel,
        }
    }

    fn r_week(&self, d: CivilDate) -> R {
        let (y, w) = d.iso_week();
        let s = d.week_start();
        R {
            kind: TimexType::Date,
            value: format!("{y:04}-W{w:02}"),
            range: Some((s, s.add_days(6))),
            prec: Precision::Week,
            rel: Rel::Full,
        }
    }

    fn r_month(&self, y: i32, mo: u8, rel: Rel) -> R {
        let s = CivilDate { year: y, month: mo, day: 1 };
        R {
            kind: TimexType::Date,
            value: format!("{y:04}-{mo:02}"),
            range: Some((s, s.month_end())),
            prec: Precision::Month,
            rel,
        }
    }

    fn r_year(&self, y: i32, rel: Rel) -> R {
        R {
            kind: TimexType::Date,
            value: format!("{y:04}"),
            range: Some((
                CivilDate { year: y, month: 1, day: 1 },
                CivilDate { year: y, month: 12, day: 31 },
            )),
            prec: Precision::Year,
            rel,
        }
    }

    fn r_quarter(&self, y: i32, q: u8, rel: Rel) -> R {
        let q = q.clamp(1, 4);
        let s = CivilDate { year: y, month: (q - 1) * 3 + 1, day: 1 };
        R {
            kind: TimexType::Date,
            value: format!("{y:04}-Q{q}"),
            range: Some((s, s.add_months(2).month_end())),
            prec: Precision::Month,
            rel,
        }
    }

    fn r_half(&self, y: i32, h: u8, rel: Rel) -> R {
        let s = CivilDate { year: y, month: if h == 1 { 1 } else { 7 }, day: 1 };
        R {
            kind: TimexType::Date,
            value: format!("{y:04}-H{h}"),
            range: Some((s, s.add_months(5).month_end())),
            prec: Precision::Month,
            rel,
        }
    }

    fn r_season(&self, y: i32, code: &str, rel: Rel) -> R {
        let (m0, y0) = match code {
            "SP" => (3, y),
            "SU" => (6, y),
            "FA" => (9, y),
            _ => (12, y),
        };
        let s = CivilDate { year: y0, month: m0, day: 1 };
        R {
            kind: TimexType::Date,
            value: format!("{y:04}-{code}"),
            range: Some((s, s.add_months(2).month_end())),
            prec: Precision::Month,
            rel,
        }
    }

    fn r_decade(&self, decade: i32, rel: Rel) -> R {
        let y = decade * 10;
        R {
            kind: TimexType::Date,
            value: format!("{:03}", decade),
            range: Some((
                CivilDate { year: y, month: 1, day: 1 },
                CivilDate { year: y + 9, month: 12, day: 31 },
            )),
            prec: Precision::Year,
            rel,
        }
    }

    fn r_ref(&self, v: &str) -> R {
        R {
            kind: TimexType::Date,
            value: v.to_string(),
            range: None,
            prec: Precision::Unknown,
            rel: Rel::Abs,
        }
    }

    fn r_dur(&self, v: String) -> R {
        R {
            kind: TimexType::Duration,
            value: v,
            range: None,
            prec: Precision::Unknown,
            rel: Rel::Abs,
        }
    }

    fn r_set(&self, v: String) -> R {
        R { kind: TimexType::Set, value: v, range: None, prec: Precision::Unknown, rel: Rel::Abs }
    }

    fn r_pod(&self, d: CivilDate, code: &str, rel: Rel) -> R {
        R {
            kind: TimexType::Time,
            value: format!("{d}T{code}"),
            range: Some((d, d)),
            prec: Precision::Day,
            rel,
        }
    }

    fn r_clock(&self, d: CivilDate, h: u32, mi: u32, rel: Rel) -> R {
        R {
            kind: TimexType::Time,
            value: format!("{d}T{}:{}", two(h), two(mi)),
            range: Some((d, d)),
            prec: Precision::Day,
            rel,
        }
    }

    /// The weekday `wd` nearest the anchor in the direction `dir` (-1 last, +1 next,
    /// 0 by tense of tokens `s..e`). Bare weekdays include the anchor day itself, as a
    /// Friday story's "on Friday" means that day.
    fn weekday_date(&self, wd: u8, dir: i8, s: usize, e: usize) -> CivilDate {
        let aw = i64::from(self.a.weekday());
        let wd = i64::from(wd);
        match dir {
            -1 => self.a.add_days(-((aw - wd - 1).rem_euclid(7) + 1)),
            1 => self.a.add_days((wd - aw - 1).rem_euclid(7) + 1),
            _ if self.future(s, e) => self.a.add_days((wd - aw).rem_euclid(7)),
            _ => self.a.add_days(-(aw - wd).rem_euclid(7)),
        }
    }

    /// The year of a month (and day) given without a year: the anchor year, unless the
    /// date lies well on the wrong side of the anchor for the clause's tense.
    fn infer_year(&self, mo: u8, day: Option<u8>, s: usize, e: usize) -> i32 {
        let y = self.a.year;
        let tense = self.tense(s, e);
        let d = day.unwrap_or(1).min(days_in_month(y, mo)).max(1);
        let start = CivilDate { year: y, month: mo, day: d };
        let end = if day.is_some() { start } else { start.month_end() };
        let a = self.a.to_days();
        match tense {
            Some(true) if end.to_days() < a - 60 => y + 1,
            Some(false) if start.to_days() > a + 60 => y - 1,
            // No cue: the nearest such date.
            None if start.to_days() > a + 183 => y - 1,
            None if end.to_days() < a - 183 => y + 1,
            _ => y,
        }
    }

    fn quarter_of(d: CivilDate) -> (i32, u8) {
        (d.year, (d.month - 1) / 3 + 1)
    }

    fn shift_quarter((y, q): (i32, u8), n: i32) -> (i32, u8) {
        let idx = y * 4 + i32::from(q) - 1 + n;
        (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u8)
    }

    // ---- matchers -----------------------------------------------------------------

    fn at(&self, i: usize, depth: u8, lq: Option<(i32, u8)>) -> Option<M> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.toks.get(i)?.k {
            Kind::Num => self.at_num(i),
            Kind::Word => self.at_word(i, depth, lq),
            Kind::Punct(b'\'') => self.apostrophe_decade(i),
            _ => None,
        }
    }

    fn at_num(&self, i: usize) -> Option<M> {
        let (n, len) = self.num(i)?;
        // Part of a larger number ("1,998", "2.5") or an amount ("$1990").
        if i > 0 {
            let pc = self.p(i - 1);
            if self.adj(i - 1, i)
                && (matches!(pc, b'$' | b'#' | b'/' | b':' | b'+')
                    || (pc == b'-' && i > 1 && self.num(i - 2).is_some())
                    || (matches!(pc, b',' | b'.')
                        && i > 1
                        && self.num(i - 2).is_some()
                        && self.adj(i - 2, i - 1)))
            {
                return None;
            }
        }
        // ISO date 2025-07-17.
        if len == 4 && self.p(i + 1) == b'-' && self.adj(i, i + 1) && self.adj(i + 1, i + 2) {
            if let (Some((mo, 1..=2)), b'-', Some((d, 1..=2))) =
                (self.num(i + 2), self.p(i + 3), self.num(i + 4))
            {
                if self.adj(i + 3, i + 4) {
                    let d = CivilDate::new(n as i32, mo as u8, d as u8)?;
                    return m(i, i + 5, self.r_day(d, Rel::Abs));
                }
            }
        }
        // US numeric date 7/17/2025 or 7/17/98.
        if len <= 2
            && self.p(i + 1) == b'/'
            && self.p(i + 3) == b'/'
            && self.adj(i, i + 1)
            && self.adj(i + 3, i + 4)
        {
            if let (Some((d, 1..=2)), Some((y, yl))) = (self.num(i + 2), self.num(i + 4)) {
                let y = match yl {
                    4 => y as i32,
                    2 if y < 50 => 2000 + y as i32,
                    2 => 1900 + y as i32,
                    _ => return None,
                };
                // Month first as in US copy; day first when that is the only reading.
                let (mo, dd) = if n > 12 && d <= 12 { (d, n) } else { (n, d) };
                let d = CivilDate::new(y, u8::try_from(mo).ok()?, u8::try_from(dd).ok()?)?;
                return m(i, i + 5, self.r_day(d, Rel::Abs));
            }
        }
        if let Some(mt) = self.clock(i) {
            return Some(mt);
        }
        // "the 20th century" → "19".
        if len <= 2
            && (1..=30).contains(&n)
            && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th")
            && self.w(i + 2) == "century"
        {
            return m(
                i,
                i + 3,
                R {
                    kind: TimexType::Date,
                    value: format!("{:02}", n - 1),
                    range: Some((
                        CivilDate { year: (n as i32 - 1) * 100, month: 1, day: 1 },
                        CivilDate { year: (n as i32 - 1) * 100 + 99, month: 12, day: 31 },
                    )),
                    prec: Precision::Year,
                    rel: Rel::Abs,
                },
            );
        }
        // Day Month [Year]: "17 July 2025".
        if len <= 2 && (1..=31).contains(&n) {
            let mut j = i + 1;
            if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.adj(i, j) {
                j += 1;
            }
            if let Some(mo) = lexicon::month(self.w(j)) {
                if self.cap(j) {
                    let mut k = j + 1;
                    if self.p(k) == b'.' && self.adj(j, k) {
                        k += 1;
                    }
                    if let Some((y, 4)) = self.num(k) {
                        let d = CivilDate::new(y as i32, mo, n as u8)?;
                        return m(i, k + 1, self.r_day(d, Rel::Abs));
                    }
                    if lexicon::is_month_abbrev(self.w(j)) && self.p(j + 1) != b'.' {
                        return None;
                    }
                    let y = self.infer_year(mo, Some(n as u8), i, k);
                    let d = CivilDate::new(y, mo, n as u8)?;
                    return m(i, k.min(j + 1), self.r_day(d, Rel::Year));
                }
            }
        }
        if len == 4 {
            // Decade "1980s" (a four-digit number with a plural "s").
            if n % 10 == 0 && self.w(i + 1) == "s" && self.adj(i, i + 1) {
                return m(i, i + 2, self.r_decade((n / 10) as i32, Rel::Abs));
            }
            // "1530 GMT": a clock time.
            if lexicon::time_zone(self.w(i + 1)) && n % 100 < 60 && n / 100 < 24 {
                return m(i, i + 2, self.r_clock(self.a, n / 100, n % 100, Rel::Full));
            }
            if (1000..=2099).contains(&n) && self.plausible_year(i) {
                return m(i, i + 1, self.r_year(n as i32, Rel::Abs));
            }
        }
        self.quantity(i, i)
    }

    /// Rejects four-digit numbers that are counts or amounts rather than years.
    fn plausible_year(&self, i: usize) -> bool {
        let next = self.w(i + 1);
        if self.p(i + 1) == b'%'
            || (self.p(i + 1) == b',' && self.num(i + 2).is_some() && self.adj(i + 1, i + 2))
        {
            return false;
        }
        if self.p(i + 1) == b'.' && self.num(i + 2).is_some() && self.adj(i + 1, i + 2) {
            return false;
        }
        if matches!(
            next,
            "percent"
                | "people"
                | "persons"
                | "men"
                | "women"
                | "troops"
                | "soldiers"
                | "feet"
                | "ft"
                | "meters"
                | "metres"
                | "miles"
                | "km"
                | "kilometers"
                | "kilometres"
                | "tons"
                | "tonnes"
                | "votes"
                | "points"
                | "shares"
                | "dollars"
                | "yen"
                | "pounds"
                | "euros"
                | "cars"
                | "jobs"
                | "workers"
                | "employees"
                | "units"
                | "acres"
                | "barrels"
                | "hours"
                | "days"
                | "residents"
                | "homes"
                | "students"
                | "cases"
                | "deaths"
                | "members"
                | "delegates"
                | "voters"
                | "police"
                | "refugees"
                | "prisoners"
                | "kg"
                | "mph"
                | "hectares"
        ) {
            return false;
        }
        let prev = self.prev_w(i);
        !matches!(
            prev,
            "no" | "number" | "flight" | "route" | "room" | "page" | "resolution" | "article"
        )
    }

    /// A count of units: "three days", "24 hours", "two-year", "a year ago",
    /// "several weeks". `count_at` is the first token of the count.
    fn quantity(&self, s: usize, count_at: usize) -> Option<M> {
        let i = count_at;
        let w = self.w(i);
        let (n, mut j): (Option<u32>, usize) = if w == "a" && self.w(i + 1) == "few" {
            (None, i + 2)
        } else if let Some((n, _)) = self.num(i) {
            // Fractions "5 1/2 hours" are beyond us; do not claim half of them.
            (Some(n), i + 1)
        } else if lexicon::vague_quantity(w) {
            if w == "couple" {
                return None;
            }
            (None, i + 1)
        } else if let Some(n) = lexicon::number_word(w) {
            // "twenty-five"
            if (20..100).contains(&n)
                && self.p(i + 1) == b'-'
                && self.adj(i, i + 1)
                && self.adj(i + 1, i + 2)
            {
                if let Some(u @ 1..=9) =
                    lexicon::number_word(self.w(i + 2)).filter(|_| self.w(i + 2) != "a")
                {
                    (Some(n + u), i + 3)
                } else {
                    (Some(n), i + 1)
                }
            } else {
                (Some(n), i + 1)
            }
        } else {
            return None;
        };
        let mut n = n;
        if (w == "a" || w == "an") && self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
            j = i + 3;
            n = Some(2);
        }
        // "twenty four hours"
        if let (Some(t @ 20..=90), Some(u @ 1..=9)) = (n, lexicon::number_word(self.w(j))) {
            if t % 10 == 0 && j == i + 1 && !matches!(self.w(j), "a" | "an") {
                n = Some(t + u);
                j += 1;
            }
        }
        if matches!(w, "few" | "several" | "many" | "some") && self.w(j) == "more" {
            return None;
        }
        // "2 1/2 years"
        let half = n.is_some()
            && self.num(j) == Some((1, 1))
            && self.p(j + 1) == b'/'
            && self.num(j + 2) == Some((2, 1))
            && self.adj(j, j + 1)
            && self.adj(j + 1, j + 2);
        if half {
            j += 3;
        }
        if n.is_some()
            && matches!(
                self.w(j),
                "more"
                    | "additional"
                    | "extra"
                    | "trading"
                    | "business"
                    | "working"
                    | "straight"
                    | "consecutive"
            )
        {
            j += 1;
        }
        let hyphen = self.p(j) == b'-' && self.adj(j - 1, j) && self.adj(j, j + 1);
        if hyphen {
            j += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(j))?;
        if n.is_none() && !plural {
            return None;
        }
        // "a second attempt", "a quarter of the shares", "60 Minutes" (a programme).
        if (unit == Unit::Second && !plural && matches!(w, "a" | "an"))
            || (matches!(unit, Unit::Quarter) && self.w(j + 1) == "of" && !plural)
            || (self.cap(j) && !self.cap(i))
        {
            return None;
        }
        if n.is_some() && hyphen && plural {
            return None;
        }
        // Ages are not time expressions: "a two-year-old", "five years old".
        if (self.p(j + 1) == b'-' && self.w(j + 2) == "old") || self.w(j + 1) == "old" {
            return None;
        }
        let e = j + 1;
        let count = n.map(|n| n.min(1_000_000));
        let nn = i64::from(count.unwrap_or(1));
        let dur = match (half, count) {
            (true, Some(c)) => match unit {
                Unit::Year => format!("P{c}Y6M"),
                Unit::Hour => format!("PT{c}H30M"),
                Unit::Day => format!("P{c}DT12H"),
                Unit::Minute => format!("PT{c}M30S"),
                _ => unit.duration(count),
            },
            _ => unit.duration(count),
        };
        match self.w(e) {
            "ago" | "earlier" | "before"
                if !(hyphen || self.w(e) == "before" && self.is_clause_word(e + 1)) =>
            {
                let back = self.w(e) == "ago";
                if !back && !matches!(unit, Unit::Year) {
                    return m(s, e, self.r_dur(dur));
                }
                if n.is_none() {
                    return m(s, e + 1, self.r_ref("PAST_REF"));
                }
                let a = self.a;
                let r = match unit {
                    Unit::Day => self.r_day(a.add_days(-nn), Rel::Full),
                    Unit::Week => self.r_week(a.add_days(-7 * nn)),
                    Unit::Month => {
                        let d = a.add_months(-nn);
                        self.r_month(d.year, d.month, Rel::Full)
                    }
                    Unit::Year => match self.lq.get() {
                        Some((_, q)) if nn == 1 => self.r_quarter(a.year - 1, q, Rel::Full),
                        _ => self.r_year(a.year - nn as i32, Rel::Full),
                    },
                    Unit::Decade => self.r_year(a.year - 10 * nn as i32, Rel::Full),
                    Unit::Quarter => {
                        let (y, q) = Self::shift_quarter(Self::quarter_of(a), -(nn as i32));
                        self.r_quarter(y, q, Rel::Full)
                    }
                    _ => self.r_day(a, Rel::Full),
                };
                return m(s, e + 1, r);
            }
            "from" if self.w(e + 1) == "now" && n.is_some() => {
                let a = self.a;
                let r = match unit {
                    Unit::Day => self.r_day(a.add_days(nn), Rel::Full),
                    Unit::Week => self.r_week(a.add_days(7 * nn)),
                    Unit::Month => {
                        let d = a.add_months(nn);
                        self.r_month(d.year, d.month, Rel::Full)
                    }
                    Unit::Year => self.r_year(a.year + nn as i32, Rel::Full),
                    _ => self.r_dur(dur),
                };
                return m(s, e + 2, r);
            }
            _ => {}
        }
        // "$5 million a year": a rate, i.e. a SET.
        if (w == "a" || w == "an") && i > 0 && s == i && !plural && self.rate_context(i - 1) {
            return m(s, e, self.r_set(unit.duration(Some(1))));
        }
        m(s, e, self.r_dur(dur))
    }

    fn is_clause_word(&self, i: usize) -> bool {
        matches!(self.w(i), "the" | "he" | "she" | "they" | "it" | "we" | "i" | "a" | "his" | "her")
    }

    /// Whether the token before "a" makes "a year" a rate ("$5 a year", "20% a year").
    fn rate_context(&self, i: usize) -> bool {
        let w = self.w(i);
        if w.len() > 3
            && w.ends_with('s')
            && !matches!(
                w,
                "was"
                    | "has"
                    | "is"
                    | "does"
                    | "takes"
                    | "lasts"
                    | "this"
                    | "less"
                    | "plus"
                    | "across"
                    | "towards"
                    | "perhaps"
                    | "years"
                    | "months"
                    | "weeks"
                    | "days"
                    | "hours"
            )
        {
            return true;
        }
        self.num(i).is_some()
            || self.p(i) == b'%'
            || matches!(
                self.w(i),
                "million"
                    | "billion"
                    | "thousand"
                    | "percent"
                    | "cents"
                    | "dollars"
                    | "times"
                    | "hundred"
                    | "tons"
                    | "barrels"
                    | "each"
                    | "sold"
                    | "units"
            )
    }

    /// A clock time "10:35 a.m.", "9 p.m. EDT Thursday", "4 in the morning".
    fn clock(&self, i: usize) -> Option<M> {
        let (h, hl) = self.num(i)?;
        if hl > 2 || h > 24 {
            return None;
        }
        let mut j = i + 1;
        let mut mi = 0;
        let mut has_min = false;
        if self.p(j) == b':' && self.adj(i, j) && self.adj(j, j + 1) {
            if let Some((x, 2)) = self.num(j + 1) {
                if x >= 60 {
                    return None;
                }
                mi = x;
                has_min = true;
                j += 2;
            } else {
                return None;
            }
        }
        let mut h24 = h;
        let mut ampm = false;
        let w = self.w(j);
        if w == "am" || w == "pm" {
            ampm = true;
            if w == "pm" && h < 12 {
                h24 = h + 12;
            }
            j += 1;
        } else if (w == "a" || w == "p")
            && self.p(j + 1) == b'.'
            && self.w(j + 2) == "m"
            && self.adj(j, j + 1)
        {
            ampm = true;
            if w == "p" && h < 12 {
                h24 = h + 12;
            }
            j += 3;
            if self.p(j) == b'.' && self.adj(j - 1, j) {
                j += 1;
            }
        } else if w == "in" && self.w(j + 1) == "the" {
            if let Some(code) = lexicon::part_of_day(self.w(j + 2)) {
                if has_min || h > 12 {
                    return None;
                }
                if matches!(code, "AF" | "EV" | "NI") && h < 12 && !(code == "NI" && h < 5) {
                    h24 = h + 12;
                }
                ampm = true;
                j += 3;
            }
        } else if w == "o" && self.p(j + 1) == b'\'' && self.w(j + 2) == "clock" {
            ampm = true;
            j += 3;
        }
        if ampm && h > 12 {
            return None;
        }
        if h == 12 && (w == "am" || w == "a") {
            h24 = 0;
        }
        let tz = lexicon::time_zone(self.w(j));
        if tz {
            j += 1;
        }
        if !ampm
            && !(has_min
                && (tz
                    || matches!(
                        self.prev_w(i),
                        "at" | "around"
                            | "about"
                            | "by"
                            | "until"
                            | "before"
                            | "after"
                            | "since"
                            | "from"
                    )))
        {
            return None;
        }
        let (d, e, rel) = self.day_after_clock(j, i);
        m(i, e, self.r_clock(d, h24, mi, rel))
    }

    /// The day a clock time is on: a following weekday, date or deictic word, else the
    /// anchor. Returns the date, the end token and how relative it is.
    fn day_after_clock(&self, j: usize, s: usize) -> (CivilDate, usize, Rel) {
        let mut k = j;
        if self.p(k) == b',' {
            k += 1;
        }
        if let Some(wd) = lexicon::weekday(self.w(k)) {
            return (self.weekday_date(wd, 0, s, k + 1), k + 1, Rel::Full);
        }
        match self.w(k) {
            "today" | "tonight" => return (self.a, k + 1, Rel::Full),
            "yesterday" => return (self.a.add_days(-1), k + 1, Rel::Full),
            "tomorrow" => return (self.a.add_days(1), k + 1, Rel::Full),
            _ => {}
        }
        if lexicon::month(self.w(k)).is_some() {
            if let Some(mt) = self.month_expr(k) {
                if mt.r.prec == Precision::Day {
                    if let Some((d, _)) = mt.r.range {
                        return (d, mt.e, mt.r.rel);
                    }
                }
            }
        }
        (self.a, j, Rel::Full)
    }

    fn at_word(&self, i: usize, depth: u8, lq: Option<(i32, u8)>) -> Option<M> {
        let w = self.w(i);
        // Nearly every word starts no expression; the (first letter, length) test rejects
        // most of them before the name lookups below. Debug builds run the lookups anyway
        // and check that nothing the test rejects would have matched.
        let may_start = starter::may_start(w);
        if !may_start && !cfg!(debug_assertions) {
            return None;
        }
        let found = self.at_word_unfiltered(i, w, depth, lq);
        debug_assert!(
            may_start || found.is_none(),
            "the timex starter list lacks {w:?} (add it to `starter::WORDS`)"
        );
        found
    }

    fn at_word_unfiltered(&self, i: usize, w: &str, depth: u8, lq: Option<(i32, u8)>) -> Option<M> {
        if let Some(_mo) = lexicon::month(w) {
            return self.month_expr(i);
        }
        if let Some(wd) = lexicon::weekday(w) {
            return self.weekday_expr(i, wd);
        }
        match w {
            "today" | "tonight" | "yesterday" | "tomorrow" => self.deictic(i),
            "now" => m(i, i + 1, self.r_ref("PRESENT_REF")),
            "currently" | "presently" | "nowadays" => m(i, i + 1, self.r_ref("PRESENT_REF")),
            "recently" | "lately" => m(i, i + 1, self.r_ref("PAST_REF")),
            // Adjectival "future earnings" is left alone: TimeML rarely marks it.
            "future" if self.prev_w(i) == "in" => m(i, i + 1, self.r_ref("FUTURE_REF")),
            "a" if self.w(i + 1) == "later"
                && matches!(self.w(i + 2), "date" | "time" | "stage") =>
            {
                m(i, i + 3, self.r_ref("FUTURE_REF"))
            }
            "these" if self.w(i + 1) == "days" => m(i, i + 2, self.r_ref("PRESENT_REF")),
            "that" => {
                let k = if self.w(i + 1) == "same" { i + 2 } else { i + 1 };
                self.anaphor(i, k, 0)
            }
            "recent" => self.recent(i),
            "current" => self.rel(i, i, lq).or_else(|| {
                // "current" as in "the current crisis" is PRESENT_REF; electrical and
                // balance-of-payments senses are not.
                if matches!(
                    self.w(i + 1),
                    "account" | "accounts" | "flows" | "flow" | "assets" | "liabilities" | ""
                ) || matches!(
                    self.prev_w(i),
                    "electric" | "electrical" | "ocean" | "strong" | "alternating" | "direct"
                ) {
                    return None;
                }
                m(i, i + 1, self.r_ref("PRESENT_REF"))
            }),
            "last" | "this" | "next" | "past" | "previous" | "coming" | "latest" => {
                self.rel(i, i, lq)
            }
            "early" | "late" | "mid" | "earlier" | "later" | "middle" => self.prefix(i, depth, lq),
            "the" => self.the(i, depth, lq),
            "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "over"
            | "some" | "more" | "less" | "at" | "up" => self.approx(i, depth, lq),
            "every" | "each" => self.every(i),
            "daily" => m(i, i + 1, self.r_set("P1D".into())),
            "weekly" => m(i, i + 1, self.r_set("P1W".into())),
            "monthly" => m(i, i + 1, self.r_set("P1M".into())),
            "annually" | "yearly" => m(i, i + 1, self.r_set("P1Y".into())),
            "hourly" => m(i, i + 1, self.r_set("PT1H".into())),
            "per" => {
                let (u, pl) = lexicon::unit(self.w(i + 1))?;
                if pl {
                    return None;
                }
                m(i, i + 2, self.r_set(u.duration(Some(1))))
            }
            "noon" | "midnight" | "midday" => {
                let (h, mi) = if w == "midnight" { (24, 0) } else { (12, 0) };
                let (d, e, rel) = self.day_after_clock(i + 1, i);
                m(i, e, self.r_clock(d, h, mi, rel))
            }
            "fiscal" => self.fiscal(i, i),
            "first" | "second" | "third" | "fourth" => self.ordinal_period(i, i, lq),
            "year" => self.year_compound(i, i, lq),
            "christmas" | "thanksgiving" => self.holiday(i),
            "new"
                if self.cap(i)
                    && self.w(i + 1) == "year"
                    && self.p(i + 2) == b'\''
                    && self.w(i + 3) == "s"
                    && matches!(self.w(i + 4), "day" | "eve") =>
            {
                let eve = self.w(i + 4) == "eve";
                let y = self.infer_year(
                    if eve { 12 } else { 1 },
                    Some(if eve { 31 } else { 1 }),
                    i,
                    i + 5,
                );
                let d = CivilDate {
                    year: y,
                    month: if eve { 12 } else { 1 },
                    day: if eve { 31 } else { 1 },
                };
                m(i, i + 5, self.r_day(d, Rel::Year))
            }
            "election" if self.w(i + 1) == "day" && self.cap(i) && self.cap(i + 1) => {
                // The Tuesday after the first Monday of November.
                let y = self.infer_year(11, Some(5), i, i + 2);
                let first = CivilDate { year: y, month: 11, day: 1 };
                let monday = first.add_days((1 - i64::from(first.weekday())).rem_euclid(7));
                m(i, i + 2, self.r_day(monday.add_days(1), Rel::Year))
            }
            "eighteen" | "nineteen" | "two" => {
                if let Some((y, e)) = self.spelled_year(i) {
                    return m(i, e, self.r_year(y, Rel::Abs));
                }
                self.quantity(i, i)
            }
            "years" | "months" | "weeks" | "decades" | "centuries" => {
                if matches!(
                    self.prev_w(i),
                    "for" | "over" | "in" | "within" | "took" | "take" | "after" | "lasted"
                ) {
                    let (u, _) = lexicon::unit(w)?;
                    return m(i, i + 1, self.r_dur(u.duration(None)));
                }
                None
            }
            _ => {
                if lexicon::number_word(w).is_some() || lexicon::vague_quantity(w) {
                    return self.quantity(i, i);
                }
                None
            }
        }
    }

    /// "Aug. 7", "August 7, 1998", "July 1997", "in July".
    fn month_expr(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        let mo = lexicon::month(w)?;
        if !self.cap(i) {
            return None;
        }
        let abbrev = lexicon::is_month_abbrev(w);
        let mut j = i + 1;
        let dotted = self.p(j) == b'.' && self.adj(i, j);
        if dotted {
            j += 1;
        }
        // Day number.
        if let Some((d, dl)) = self.num(j) {
            if dl <= 2
                && (1..=31).contains(&d)
                && !(self.p(j + 1) == b':' && self.adj(j, j + 1) && self.num(j + 2).is_some())
            {
                let mut k = j + 1;
                if matches!(self.w(k), "st" | "nd" | "rd" | "th") && self.adj(j, k) {
                    k += 1;
                }
                // "Aug. 7, 1998" / "Aug. 7 1998"
                let mut yk = k;
                if self.p(yk) == b',' {
                    yk += 1;
                }
                if let Some((y, 4)) = self.num(yk) {
                    if (1000..=2099).contains(&y) {
                        if let Some(date) = CivilDate::new(y as i32, mo, d as u8) {
                            return m(i, yk + 1, self.r_day(date, Rel::Abs));
                        }
                    }
                }
                if let Some((y, e)) = self.year_phrase(k) {
                    let date = CivilDate::new(y, mo, d as u8)?;
                    return m(i, e, self.r_day(date, Rel::Full));
                }
                let y = self.infer_year(mo, Some(d as u8), i, k);
                let date = CivilDate::new(y, mo, d as u8)?;
                // A trailing period right after the day only when the sentence ends there
                // ("... on Feb. 4.") is punctuation, not part of the date.
                return m(i, k, self.r_day(date, Rel::Year));
            }
            if dl == 4 && (1000..=2099).contains(&d) {
                return m(i, j + 1, self.r_month(d as i32, mo, Rel::Abs));
            }
        }
        if let Some((y, e)) = self.spelled_year(j) {
            return m(i, e, self.r_month(y, mo, Rel::Abs));
        }
        // "July, 1997" / "July of 1997"
        if matches!(self.p(j), b',') || self.w(j) == "of" {
            if let Some((y, 4)) = self.num(j + 1) {
                if (1000..=2099).contains(&y) {
                    return m(i, j + 2, self.r_month(y as i32, mo, Rel::Abs));
                }
            }
        }
        // Month alone: abbreviations and the ambiguous "May"/"March" need a cue.
        if abbrev && !dotted {
            return None;
        }
        let prev = self.prev_w(i);
        let cue = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "through"
                | "from"
                | "of"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "this"
                | "next"
                | "before"
                | "after"
                | "to"
                | "between"
                | "and"
                | "each"
                | "every"
                | "end"
                | "beginning"
                | "on"
        );
        let cue = cue || (i > 1 && self.p(i - 1) == b'-' && self.w(i - 2) == "mid");
        if (mo == 5 || mo == 3) && !cue {
            return None;
        }
        if mo == 5 && prev == "and" {
            return None;
        }
        let after = if dotted && abbrev { i + 2 } else { i + 1 };
        if let Some((y, e)) = self.year_phrase(after) {
            return m(i, e, self.r_month(y, mo, Rel::Full));
        }
        let y = self.infer_year(mo, None, i, i + 1);
        m(i, if dotted && abbrev { i + 2 } else { i + 1 }, self.r_month(y, mo, Rel::Year))
    }

    fn weekday_expr(&self, i: usize, wd: u8) -> Option<M> {
        if !self.cap(i) {
            return None;
        }
        // Named days and newspapers: "Bloody Sunday", "Good Friday", "the Sunday Times".
        if i > 0
            && self.cap(i - 1)
            && matches!(
                self.w(i - 1),
                "bloody"
                    | "good"
                    | "black"
                    | "ash"
                    | "palm"
                    | "holy"
                    | "super"
                    | "cyber"
                    | "easter"
                    | "maundy"
            )
        {
            return None;
        }
        if self.cap(i + 1)
            && matches!(
                self.w(i + 1),
                "times"
                    | "telegraph"
                    | "mirror"
                    | "express"
                    | "mail"
                    | "herald"
                    | "post"
                    | "tribune"
                    | "observer"
                    | "independent"
                    | "star"
            )
        {
            return None;
        }
        let w = self.w(i);
        if w.ends_with('s') {
            if let Some(code) = lexicon::part_of_day(self.w(i + 1).trim_end_matches('s')) {
                return m(i, i + 2, self.r_set(format!("XXXX-WXX-{wd}T{code}")));
            }
            return m(i, i + 1, self.r_set(format!("XXXX-WXX-{wd}")));
        }
        // "Monday, Oct. 26": the explicit date wins.
        if self.p(i + 1) == b',' && lexicon::month(self.w(i + 2)).is_some() {
            if let Some(mt) = self.month_expr(i + 2) {
                if mt.r.prec == Precision::Day {
                    return m(i, mt.e, mt.r);
                }
            }
        }
        let d = self.weekday_date(wd, 0, i, i + 1);
        let next = self.w(i + 1);
        if let Some(code) = lexicon::part_of_day(next) {
            if next != "overnight" {
                return m(i, i + 2, self.r_pod(d, code, Rel::Full));
            }
        }
        if next == "nights" {
            return m(i, i + 2, self.r_set(format!("XXXX-WXX-{wd}TNI")));
        }
        m(i, i + 1, self.r_day(d, Rel::Full))
    }

    fn deictic(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        let d = match w {
            "yesterday" => self.a.add_days(-1),
            "tomorrow" => self.a.add_days(1),
            _ => self.a,
        };
        if w != "tonight" {
            if let Some(code) = lexicon::part_of_day(self.w(i + 1)) {
                if self.w(i + 1) != "overnight" {
                    return m(i, i + 2, self.r_pod(d, code, Rel::Full));
                }
            }
        }
        // "today's world": generic, not a date.
        if w == "today" && self.p(i + 1) == b'\'' && self.w(i + 2) == "s" {
            return None;
        }
        m(i, i + 1, self.r_day(d, Rel::Full))
    }

    fn recent(&self, i: usize) -> Option<M> {
        let next = self.w(i + 1);
        if let Some((u, true)) = lexicon::unit(next) {
            if u == Unit::Year {
                return m(i, i + 2, self.r_ref("PAST_REF"));
            }
            return m(i, i + 2, self.r_dur(u.duration(None)));
        }
        if matches!(next, "past" | "weeks" | "history") {
            return None;
        }
        m(i, i + 1, self.r_ref("PAST_REF"))
    }

    /// "last week", "this year", "next Friday", "past two months", "the coming days".
    /// `s` is where the match starts (it may include a preceding "the").
    fn rel(&self, s: usize, i: usize, _lq: Option<(i32, u8)>) -> Option<M> {
        let w = self.w(i);
        let dir: i32 = match w {
            "last" | "past" | "previous" | "latest" => -1,
            "this" | "current" => 0,
            _ => 1,
        };
        let j = i + 1;
        // A count: "past two months", "next three years", "last few days".
        if let Some(q) = self.quantity(s, j) {
            if q.r.kind == TimexType::Duration {
                return Some(q);
            }
        }
        let (j, nw) = if self.w(j) == "fiscal" && matches!(self.w(j + 1), "year" | "quarter") {
            (j + 1, self.w(j + 1))
        } else {
            (j, self.w(j))
        };
        let a = self.a;
        if let Some(wd) = lexicon::weekday(nw) {
            if !self.cap(j) || w == "past" {
                return None;
            }
            let d = self.weekday_date(wd, if w == "this" { 0 } else { dir as i8 }, s, j + 1);
            if let Some(code) = lexicon::part_of_day(self.w(j + 1)) {
                return m(s, j + 2, self.r_pod(d, code, Rel::Full));
            }
            return m(s, j + 1, self.r_day(d, Rel::Full));
        }
        if let Some(mo) = lexicon::month(nw) {
            if !self.cap(j) || w == "past" {
                return None;
            }
            // "last Oct. 23": the latest such day before the anchor.
            if let Some(sub) = self.month_expr(j) {
                if let (Precision::Day, Rel::Year, Some((d, _))) =
                    (sub.r.prec, sub.r.rel, sub.r.range)
                {
                    let later = (d.month, d.day) > (a.month, a.day);
                    let y = match dir {
                        -1 if !later => a.year,
                        -1 => a.year - 1,
                        1 if later => a.year,
                        1 => a.year + 1,
                        _ => a.year,
                    };
                    let dd = CivilDate::new(y, d.month, d.day)?;
                    return m(s, sub.e, self.r_day(dd, Rel::Full));
                }
            }
            if lexicon::is_month_abbrev(nw) && self.p(j + 1) != b'.' {
                return None;
            }
            let y = match dir {
                -1 if mo < a.month => a.year,
                -1 => a.year - 1,
                1 if mo > a.month => a.year,
                1 => a.year + 1,
                _ => a.year,
            };
            return m(s, j + 1, self.r_month(y, mo, Rel::Full));
        }
        if let Some(code) = lexicon::season(nw) {
            let idx = |c: &str| match c {
                "SP" => 1,
                "SU" => 2,
                "FA" => 3,
                _ => 4,
            };
            let (cy, cur) = match a.month {
                1 | 2 => (a.year - 1, 4),
                3..=5 => (a.year, 1),
                6..=8 => (a.year, 2),
                9..=11 => (a.year, 3),
                _ => (a.year, 4),
            };
            let t = idx(code);
            let y = match dir {
                -1 if t < cur => cy,
                -1 => cy - 1,
                1 if t > cur => cy,
                1 => cy + 1,
                _ => cy,
            };
            return m(s, j + 1, self.r_season(y, code, Rel::Full));
        }
        if let Some(code) = lexicon::part_of_day(nw) {
            return match (w, nw) {
                ("last", "night") => m(s, j + 1, self.r_pod(a.add_days(-1), "NI", Rel::Full)),
                ("this", _) => m(s, j + 1, self.r_pod(a, code, Rel::Full)),
                _ => None,
            };
        }
        if nw == "weekend" {
            return self.weekend(s, j + 1, dir);
        }
        let (unit, plural) = lexicon::unit(nw)?;
        if plural {
            // "the coming days", "past weeks"
            return match w {
                "coming" | "next" => m(s, j + 1, self.r_dur(unit.duration(None))),
                "past" | "last" | "previous" => m(s, j + 1, self.r_dur(unit.duration(None))),
                _ => None,
            };
        }
        let r = match unit {
            Unit::Day => return None,
            Unit::Week => self.r_week(a.add_days(7 * i64::from(dir))),
            Unit::Month => {
                let d = a.add_months(i64::from(dir));
                self.r_month(d.year, d.month, Rel::Full)
            }
            Unit::Year => {
                if let Some(mt) = self.year_quarter(s, j + 1, a.year + dir) {
                    return Some(mt);
                }
                self.r_year(a.year + dir, Rel::Full)
            }
            Unit::Quarter => {
                if w == "latest" {
                    // The latest reported quarter is the last one completed.
                    let (y, q) = Self::shift_quarter(Self::quarter_of(a), -1);
                    self.r_quarter(y, q, Rel::Full)
                } else {
                    let (y, q) = Self::shift_quarter(Self::quarter_of(a), dir);
                    self.r_quarter(y, q, Rel::Full)
                }
            }
            Unit::Decade if dir < 0 => self.r_dur("P10Y".into()),
            Unit::Decade => self.r_decade(a.year.div_euclid(10) + dir, Rel::Full),
            Unit::Century if dir < 0 => self.r_dur("P100Y".into()),
            _ => return None,
        };
        m(s, j + 1, r)
    }

    /// "... year's third quarter": the quarter of a year named just before.
    fn year_quarter(&self, s: usize, i: usize, y: i32) -> Option<M> {
        let mut j = i;
        if self.p(j) == b'\'' && self.w(j + 1) == "s" {
            j += 2;
        }
        let o = lexicon::ordinal(self.w(j))?;
        let mut k = j + 1;
        if self.p(k) == b'-' && self.adj(j, k) {
            k += 1;
        }
        match self.w(k) {
            "quarter" => m(s, k + 1, self.r_quarter(y, o, Rel::Full)),
            "half" if o <= 2 => m(s, k + 1, self.r_half(y, o, Rel::Full)),
            _ => None,
        }
    }

    /// "this year", "last year", "next year" after a month: the year meant.
    fn year_phrase(&self, k: usize) -> Option<(i32, usize)> {
        if self.w(k + 1) != "year" {
            return None;
        }
        let y = self.a.year
            + match self.w(k) {
                "this" => 0,
                "last" => -1,
                "next" => 1,
                _ => return None,
            };
        Some((y, k + 2))
    }

    /// Whether token `i` ends a clause (or the text).
    fn sentence_stop(&self, i: usize) -> bool {
        i >= self.toks.len() || matches!(self.p(i), b'.' | b',' | b';' | b'!' | b'?' | b'\n')
    }

    /// "that day", "the following year", "the next morning": a unit counted from the last
    /// date the text established. `k` is the unit token.
    fn anaphor(&self, s: usize, k: usize, shift: i64) -> Option<M> {
        let (rd, rp) = self.refd.get()?;
        let w = self.w(k);
        if w == "morning" {
            if rp != Precision::Day {
                return None;
            }
            return m(s, k + 1, self.r_pod(rd.add_days(shift), "MO", Rel::Full));
        }
        let (unit, false) = lexicon::unit(w)? else {
            return None;
        };
        let r = match unit {
            Unit::Day if rp == Precision::Day => self.r_day(rd.add_days(shift), Rel::Full),
            Unit::Week if rp == Precision::Day => self.r_week(rd.add_days(7 * shift)),
            Unit::Month if rp != Precision::Year => {
                let d = rd.add_months(shift);
                self.r_month(d.year, d.month, Rel::Full)
            }
            Unit::Year => self.r_year(rd.year + shift as i32, Rel::Full),
            _ => return None,
        };
        m(s, k + 1, r)
    }

    fn weekend(&self, s: usize, e: usize, dir: i32) -> Option<M> {
        let a = self.a;
        let aw = i64::from(a.weekday());
        // Saturday of the weekend meant: the latest one started by the anchor for past
        // reference, the next one for future reference.
        let back = a.add_days(-((aw - 6).rem_euclid(7)));
        let sat = if dir > 0 || (dir == 0 && self.future(s, e)) {
            if aw >= 6 {
                back
            } else {
                a.add_days(6 - aw)
            }
        } else {
            back
        };
        let (y, wk) = sat.iso_week();
        m(
            s,
            e,
            R {
                kind: TimexType::Date,
                value: format!("{y:04}-W{wk:02}-WE"),
                range: Some((sat, sat.add_days(1))),
                prec: Precision::Week,
                rel: Rel::Full,
            },
        )
    }

    /// "early next year", "late Tuesday", "mid-November", "earlier this month".
    fn prefix(&self, i: usize, depth: u8, lq: Option<(i32, u8)>) -> Option<M> {
        let w = self.w(i);
        let mut j = i + 1;
        if self.p(j) == b'-' && self.adj(i, j) {
            j += 1;
        }
        if w == "middle" && self.w(j) != "of" {
            return None;
        }
        if self.w(j) == "of" && w == "middle" {
            j += 1;
        }
        // "earlier in the year", "late in the day"
        if self.w(j) == "in" && self.w(j + 1) == "the" {
            let (u, pl) = lexicon::unit(self.w(j + 2))?;
            if pl {
                return None;
            }
            let a = self.a;
            let r = match u {
                Unit::Week => self.r_week(a),
                Unit::Month => self.r_month(a.year, a.month, Rel::Full),
                Unit::Year => self.r_year(a.year, Rel::Full),
                _ => return None,
            };
            return m(i, j + 3, r);
        }
        if matches!(w, "mid" | "late" | "early")
            && lexicon::part_of_day(self.w(j)).is_some()
            && self.w(j) != "overnight"
        {
            let code = lexicon::part_of_day(self.w(j)).unwrap_or("AF");
            let (d, e) = match self.w(j + 1) {
                "yesterday" => (self.a.add_days(-1), j + 2),
                "today" => (self.a, j + 2),
                "tomorrow" => (self.a.add_days(1), j + 2),
                _ => (self.a, j + 1),
            };
            return m(i, e, self.r_pod(d, code, Rel::Full));
        }
        let sub = self.at(j, depth + 1, lq)?;
        if sub.s != j
            || !matches!(sub.r.kind, TimexType::Date | TimexType::Time)
            || sub.r.range.is_none()
        {
            return None;
        }
        m(i, sub.e, sub.r)
    }

    /// Modifiers of counts: "nearly two years", "about a decade ago", "around 7:15 p.m.".
    fn approx(&self, i: usize, depth: u8, lq: Option<(i32, u8)>) -> Option<M> {
        let w = self.w(i);
        let j = match w {
            "more" | "less" if self.w(i + 1) == "than" => i + 2,
            "at" if self.w(i + 1) == "least" => i + 2,
            "up" if self.w(i + 1) == "to" => i + 2,
            "more" | "less" | "at" | "up" => return None,
            _ => i + 1,
        };
        let first = self.w(j);
        let counted = self.num(j).is_some()
            || (lexicon::number_word(first).is_some() && first != "a" && first != "an")
            || ((first == "a" || first == "an") && w != "some" && w != "over")
            || (w == "at" && first == "the");
        if !counted {
            return None;
        }
        if w == "within" || w == "under" || w == "over" && first == "the" {
            return None;
        }
        let sub = self.at(j, depth + 1, lq)?;
        if sub.s != j {
            return None;
        }
        let ok = match sub.r.kind {
            TimexType::Duration | TimexType::Time => true,
            TimexType::Date => sub.r.rel == Rel::Full && w != "over" && w != "some",
            TimexType::Set => false,
        };
        if !ok || (w == "over" && sub.r.kind == TimexType::Time) {
            return None;
        }
        m(i, sub.e, sub.r)
    }

    fn the(&self, i: usize, depth: u8, lq: Option<(i32, u8)>) -> Option<M> {
        let j = i + 1;
        let nw = self.w(j);
        let a = self.a;
        if nw == "fiscal" {
            return self.fiscal(i, j);
        }
        if matches!(nw, "near" | "short") && self.w(j + 1) == "term" {
            return m(i, j + 2, self.r_ref("FUTURE_REF"));
        }
        if matches!(nw, "years" | "months" | "weeks" | "decades")
            && matches!(self.prev_w(i), "over" | "in" | "during" | "throughout" | "through" | "for")
        {
            let (u, _) = lexicon::unit(nw)?;
            let e = if self.w(j + 1) == "ahead" { j + 2 } else { j + 1 };
            return m(i, e, self.r_dur(u.duration(None)));
        }
        if nw == "year" && self.w(j + 1) == "two" && self.w(j + 2) == "thousand" {
            return m(i, j + 3, self.r_year(2000, Rel::Abs));
        }
        match nw {
            "past" | "future" => {
                if let Some(mt) = self.rel(i, j, lq) {
                    return Some(mt);
                }
                if nw == "future" {
                    return m(i, j + 1, self.r_ref("FUTURE_REF"));
                }
                if lexicon::unit(self.w(j + 1)).is_some()
                    || lexicon::number_word(self.w(j + 1)).is_some()
                {
                    return None;
                }
                return m(i, j + 1, self.r_ref("PAST_REF"));
            }
            "end" | "beginning" | "start" | "middle" | "turn" if self.w(j + 1) == "of" => {
                let sub = self.at(j + 2, depth + 1, lq)?;
                if sub.s != j + 2 || sub.r.kind != TimexType::Date || sub.r.range.is_none() {
                    return None;
                }
                return m(i, sub.e, sub.r);
            }
            "day" | "year" | "month"
                if matches!(self.w(j + 1), "before" | "after") && self.sentence_stop(j + 2) =>
            {
                return self.anaphor(i, j, if self.w(j + 1) == "after" { 1 } else { -1 }).map(
                    |mut mt| {
                        mt.e = j + 2;
                        mt
                    },
                );
            }
            "year" => {
                if let Some(mt) = self.year_compound(i, j, lq) {
                    return Some(mt);
                }
                if matches!(self.w(j + 1), "before" | "after" | "earlier" | "ago" | "when" | "in")
                    || self.p(j + 1) == b'-'
                {
                    return None;
                }
                // "the year ended March 31" is a fiscal span; "for the year" the current one.
                if matches!(self.w(j + 1), "ended" | "ending" | "ends" | "through") {
                    return m(i, j + 1, self.r_dur("P1Y".into()));
                }
                return m(i, j + 1, self.r_year(a.year, Rel::Full));
            }
            "week" if !matches!(self.w(j + 1), "before" | "after" | "earlier" | "ago" | "of") => {
                return m(i, j + 1, self.r_week(a));
            }
            "weekend" => return self.weekend(i, j + 1, 0),
            "quarter" | "period" if nw == "quarter" || lq.is_some() => {
                if matches!(self.w(j + 1), "ended" | "ending" | "ends") && nw == "period" {
                    return None;
                }
                let (y, q) = lq.unwrap_or_else(|| Self::shift_quarter(Self::quarter_of(a), -1));
                return m(i, j + 1, self.r_quarter(y, q, Rel::Full));
            }
            "same" | "following" => {
                return self.anaphor(i, j + 1, if nw == "same" { 0 } else { 1 })
            }
            "next" | "previous"
                if matches!(self.w(j + 1), "day" | "morning" | "month" | "year" | "week") =>
            {
                let shift = if nw == "next" { 1 } else { -1 };
                if let Some(mt) = self.anaphor(i, j + 1, shift) {
                    return Some(mt);
                }
                return self.rel(i, j, lq);
            }
            "latest" | "current" | "previous" | "coming" | "next" | "last" => {
                if nw == "latest" && self.w(j + 1) == "period" && lq.is_some() {
                    let (y, q) = lq.unwrap_or((a.year, 1));
                    return m(i, j + 2, self.r_quarter(y, q, Rel::Full));
                }
                return self.rel(i, j, lq);
            }
            "first" => {
                // "the first nine months"
                if let Some(q) = self.quantity(i, j + 1) {
                    if q.r.kind == TimexType::Duration {
                        return Some(q);
                    }
                }
            }
            "morning" | "afternoon" | "evening" if matches!(self.prev_w(i), "in" | "during") => {
                let code = lexicon::part_of_day(nw)?;
                return m(i, j + 1, self.r_pod(a, code, Rel::Full));
            }
            _ => {}
        }
        if let Some(code) = lexicon::season(nw) {
            {
                let fut = self.future(i, j + 1);
                let y = if fut {
                    a.year
                } else if code == "WI" {
                    a.year - 1
                } else {
                    a.year
                };
                return m(i, j + 1, self.r_season(y, code, Rel::Full));
            }
        }
        // "the 1988 period", "the 1980s", "the nine months", "the third quarter"
        if let Some((y, 4)) = self.num(j) {
            if matches!(self.w(j + 1), "period" | "quarter" | "season")
                && (1000..=2099).contains(&y)
            {
                if let Some((_, q)) = lq.filter(|_| self.w(j + 1) != "season") {
                    return m(i, j + 2, self.r_quarter(y as i32, q, Rel::Abs));
                }
                return m(i, j + 2, self.r_year(y as i32, Rel::Abs));
            }
            if let Some(mut mt) = self.year_quarter(i, j + 1, y as i32) {
                mt.r.rel = Rel::Abs;
                return Some(mt);
            }
        }
        if nw == "full" && self.w(j + 1) == "year" {
            return m(i, j + 2, self.r_year(a.year, Rel::Full));
        }
        let sub = self.at(j, depth + 1, lq)?;
        if sub.s != j {
            return None;
        }
        let head = self.w(j);
        let hyphen_adj = sub.e >= 2 && self.p(sub.e - 2) == b'-';
        let keep =
            lexicon::number_word(head).is_some() && head != "a" && head != "an" && !hyphen_adj
                || lexicon::ordinal(head).is_some()
                || matches!(head, "fiscal" | "year" | "few" | "several" | "recent");
        if !keep || matches!(sub.r.kind, TimexType::Set) {
            return None;
        }
        m(i, sub.e, sub.r)
    }

    /// "third-quarter", "the fourth quarter", "first half", "third quarter of 1998".
    fn ordinal_period(&self, s: usize, i: usize, lq: Option<(i32, u8)>) -> Option<M> {
        let _ = lq;
        let o = lexicon::ordinal(self.w(i))?;
        let mut j = i + 1;
        if self.p(j) == b'-' && self.adj(i, j) {
            j += 1;
        }
        let nw = self.w(j);
        let half = match nw {
            "quarter" | "quarters" => false,
            "half" => true,
            _ => {
                if self.w(i) == "first" && s != i {
                    return None;
                }
                return None;
            }
        };
        if half && o > 2 {
            return None;
        }
        let mut e = j + 1;
        let mut y = self.a.year;
        let mut rel = Rel::Full;
        if self.w(e) == "of" {
            if let Some((yy, 4)) = self.num(e + 1) {
                y = yy as i32;
                rel = Rel::Abs;
                e += 2;
            }
        }
        // A fiscal or calendar quarter named in a later-year story: "the fourth quarter"
        // published in January means last year's.
        if rel == Rel::Full && !half && !self.future(s, e) {
            let (_, cq) = Self::quarter_of(self.a);
            if o > cq {
                y -= 1;
            }
        }
        if nw == "quarters" {
            return m(s, e, self.r_set(format!("XXXX-Q{o}")));
        }
        if half {
            return m(s, e, self.r_half(y, o, rel));
        }
        m(s, e, self.r_quarter(y, o, rel))
    }

    /// "year-end", "year-earlier", "year-ago quarter", "the year-earlier period".
    fn year_compound(&self, s: usize, i: usize, lq: Option<(i32, u8)>) -> Option<M> {
        let end_at = if self.w(i + 1) == "end" {
            Some(i + 2)
        } else if self.p(i + 1) == b'\'' && self.w(i + 2) == "s" && self.w(i + 3) == "end" {
            Some(i + 4)
        } else {
            None
        };
        if let Some(e) = end_at {
            let d = CivilDate { year: self.a.year, month: 12, day: 31 };
            return m(s, e, self.r_day(d, Rel::Full));
        }
        if self.p(i + 1) != b'-' || !self.adj(i, i + 1) {
            return None;
        }
        let a = self.a;
        match self.w(i + 2) {
            "end" => {
                let y = if self.future(s, i + 3) { a.year } else { a.year - 1 };
                let d = CivilDate { year: y, month: 12, day: 31 };
                m(s, i + 3, self.r_day(d, Rel::Full))
            }
            "earlier" | "ago" => {
                let mut e = i + 3;
                if let Some(mut mt) = self.year_quarter(s, e, a.year - 1) {
                    mt.r.rel = Rel::Full;
                    return Some(mt);
                }
                let nw = self.w(e);
                if let Some(q) = self.quantity(s, e) {
                    if q.r.kind == TimexType::Duration && s != i {
                        return Some(q);
                    }
                }
                if matches!(nw, "quarter" | "period" | "results" | "level" | "figure" | "quarters")
                {
                    if nw == "quarter" || nw == "period" {
                        e += 1;
                    } else if s != i {
                        return None;
                    }
                } else if s != i {
                    return None;
                }
                let r = match lq {
                    Some((_, q)) => self.r_quarter(a.year - 1, q, Rel::Full),
                    None => self.r_year(a.year - 1, Rel::Full),
                };
                m(s, e, r)
            }
            _ => None,
        }
    }

    fn fiscal(&self, s: usize, i: usize) -> Option<M> {
        let mut j = i + 1;
        if self.w(j) == "year" {
            j += 1;
        }
        if let Some((y, 4)) = self.num(j) {
            if (1000..=2099).contains(&y) {
                return m(s, j + 1, self.r_year(y as i32, Rel::Abs));
            }
        }
        if lexicon::ordinal(self.w(j)).is_some() {
            return self.ordinal_period(s, j, None);
        }
        if self.w(i + 1) == "year" && s != i {
            // "the fiscal year"
            if matches!(self.w(i + 2), "ended" | "ending" | "ends" | "that" | "which") {
                return m(s, i + 2, self.r_dur("P1Y".into()));
            }
            return m(s, i + 2, self.r_year(self.a.year, Rel::Full));
        }
        None
    }

    fn every(&self, i: usize) -> Option<M> {
        let mut j = i + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let nw = self.w(j);
        if let Some(wd) = lexicon::weekday(nw) {
            return m(i, j + 1, self.r_set(format!("XXXX-WXX-{wd}")));
        }
        if let Some(mo) = lexicon::month(nw) {
            if self.cap(j) {
                return m(i, j + 1, self.r_set(format!("XXXX-{mo:02}")));
            }
        }
        if let Some((u, false)) = lexicon::unit(nw) {
            let n = if j > i + 1 { 2 } else { 1 };
            return m(i, j + 1, self.r_set(u.duration(Some(n))));
        }
        if let Some(q) = self.quantity(i, j) {
            if q.r.kind == TimexType::Duration {
                return m(i, q.e, self.r_set(q.r.value));
            }
        }
        None
    }

    fn holiday(&self, i: usize) -> Option<M> {
        if !self.cap(i) {
            return None;
        }
        let w = self.w(i);
        let mut e = i + 1;
        let (mo, day) = match w {
            "christmas" => {
                if self.w(e) == "eve" {
                    e += 1;
                    (12, 24)
                } else {
                    if self.w(e) == "day" {
                        e += 1;
                    }
                    (12, 25)
                }
            }
            _ => {
                if self.w(e) == "day" {
                    e += 1;
                }
                (11, 0)
            }
        };
        let y = self.infer_year(mo, Some(if day == 0 { 25 } else { day }), i, e);
        let d = if day == 0 {
            // Fourth Thursday of November.
            let first = CivilDate { year: y, month: 11, day: 1 };
            let off = (4 - i64::from(first.weekday())).rem_euclid(7);
            first.add_days(off + 21)
        } else {
            CivilDate { year: y, month: mo, day }
        };
        m(i, e, self.r_day(d, Rel::Year))
    }

    /// A year in words, as broadcast transcripts write them: "nineteen ninety-six",
    /// "nineteen seventy-nine", "two thousand".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let century: i32 = match self.w(i) {
            "eighteen" => 1800,
            "nineteen" => 1900,
            "two" if self.w(i + 1) == "thousand" => {
                let mut e = i + 2;
                if self.w(e) == "and" {
                    e += 1;
                }
                return match lexicon::number_word(self.w(e)) {
                    Some(u @ 1..=19)
                        if !matches!(self.w(e), "a" | "an") && self.unit_next(e + 1) =>
                    {
                        Some((2000 + u as i32, e + 1))
                    }
                    _ if self.unit_next(i + 2) => Some((2000, i + 2)),
                    _ => None,
                };
            }
            _ => return None,
        };
        let j = i + 1;
        let tens = lexicon::number_word(self.w(j)).filter(|_| !matches!(self.w(j), "a" | "an"))?;
        let (yy, e) = match tens {
            20..=90 if tens % 10 == 0 => {
                if self.p(j + 1) == b'-' && self.adj(j, j + 1) {
                    match lexicon::number_word(self.w(j + 2)) {
                        Some(u @ 1..=9) if !matches!(self.w(j + 2), "a" | "an") => {
                            (tens + u, j + 3)
                        }
                        _ => return None,
                    }
                } else {
                    (tens, j + 1)
                }
            }
            10..=19 => (tens, j + 1),
            100 => (0, j + 1),
            _ => return None,
        };
        if !self.unit_next(e) {
            return None;
        }
        Some((century + yy as i32, e))
    }

    /// Whether token `e` does not continue a count ("nineteen ninety-six people").
    fn unit_next(&self, e: usize) -> bool {
        let w = self.w(e);
        !(w.ends_with('s') && w.len() > 3 && !self.cap(e))
            || matches!(w, "was" | "has" | "is" | "as" | "this")
    }

    fn apostrophe_decade(&self, i: usize) -> Option<M> {
        let (n, 2) = self.num(i + 1)? else {
            return None;
        };
        if n % 10 != 0 || self.w(i + 2) != "s" || !self.adj(i, i + 1) || !self.adj(i + 1, i + 2) {
            return None;
        }
        m(i, i + 3, self.r_decade(190 + (n / 10) as i32, Rel::Abs))
    }
}

/// Parses a "YYYY-Qn" value.
fn parse_quarter(v: &str) -> Option<(i32, u8)> {
    let b = v.as_bytes();
    if b.len() == 7 && b[4] == b'-' && b[5] == b'Q' {
        let y = v.get(0..4)?.parse().ok()?;
        let q = b[6].wrapping_sub(b'0');
        if (1..=4).contains(&q) {
            return Some((y, q));
        }
    }
    None
}

/// Blanks out what came from the stand-in anchor when there was no real one.
fn generalise(r: &mut R) {
    match r.rel {
        Rel::Abs => {}
        Rel::Year => {
            if r.value.len() >= 4 && r.value.is_char_boundary(4) {
                r.value.replace_range(0..4, "XXXX");
            }
            r.range = None;
        }
        Rel::Full => {
            r.value = match r.prec {
                Precision::Day => "XXXX-XX-XX",
                Precision::Week => "XXXX-WXX",
                Precision::Month => "XXXX-XX",
                _ => "XXXX",
            }
            .to_string();
            r.range = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    /// (text, value) of every expression found.
    fn tag(text: &str, anchor: &str) -> Vec<(String, String)> {
        find_timexes(text, Some(d(anchor))).into_iter().map(|t| (t.text, t.value)).collect()
    }

    fn one(text: &str, anchor: &str) -> Timex {
        let mut v = find_timexes(text, Some(d(anchor)));
        assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
        v.remove(0)
    }

    #[test]
    fn weekday_follows_tense() {
        // 2025-07-18 is a Friday.
        assert_eq!(one("The mayor resigned on Tuesday.", "2025-07-18").value, "2025-07-15");
        assert_eq!(one("The mayor will resign on Tuesday.", "2025-07-18").value, "2025-07-22");
        assert_eq!(
            one("Officials said Friday the road was open.", "2025-07-18").value,
            "2025-07-18"
        );
        // The purpose "to hold talks" looks ahead, however far back its "would" is.
        assert_eq!(
            one(
                "He said he would travel to Moscow later in the day to hold serious consultations with President Vladimir Putin on Tuesday.",
                "2025-07-18"
            )
            .value,
            "2025-07-22"
        );
        let t = one("Shelling resumed Sunday.", "2025-07-18");
        assert_eq!(t.range, Some((d("2025-07-13"), d("2025-07-13"))));
        assert_eq!(t.precision, Precision::Day);
    }

    #[test]
    fn ranges_and_precision_for_event_dating() {
        let t = one("Sales slumped last week.", "2025-07-18");
        assert_eq!((t.value.as_str(), t.precision), ("2025-W28", Precision::Week));
        assert_eq!(t.range, Some((d("2025-07-07"), d("2025-07-13"))));
        let t = one("The rebels advanced in July.", "2025-07-18");
        assert_eq!(t.precision, Precision::Month);
        assert_eq!(t.range, Some((d("2025-07-01"), d("2025-07-31"))));
        let t = one("Output grew in 2024.", "2025-07-18");
        assert_eq!(t.precision, Precision::Year);
        assert_eq!(t.range, Some((d("2024-01-01"), d("2024-12-31"))));
        let t = one("Gunfire was heard last night.", "2025-07-18");
        assert_eq!(t.range, Some((d("2025-07-17"), d("2025-07-17"))));
        let t = one("Clashes broke out early Thursday morning.", "2025-07-18");
        assert_eq!(
            (t.range, t.precision),
            (Some((d("2025-07-17"), d("2025-07-17"))), Precision::Day)
        );
        let t = one("The siege lasted three days.", "2025-07-18");
        assert_eq!((t.kind, t.range, t.precision), (TimexType::Duration, None, Precision::Unknown));
    }

    #[test]
    fn offsets_are_bytes_and_sorted() {
        let text = "Über 200 Menschen — on Monday and again on Aug. 7, 1998, then today.";
        let v = find_timexes(text, Some(d("1998-08-10")));
        assert_eq!(v.len(), 3, "{v:?}");
        for t in &v {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        assert!(v.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(v[1].value, "1998-08-07");
    }

    #[test]
    fn without_anchor_relative_values_are_underspecified() {
        let v = find_timexes("He left yesterday and returns on July 4, 2026, or July 9.", None);
        let vals: Vec<&str> = v.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(vals, ["XXXX-XX-XX", "2026-07-04", "XXXX-07-09"]);
        assert!(v[0].range.is_none());
        assert!(v[1].range.is_some());
    }

    #[test]
    fn shift_phrases() {
        assert_eq!(shift_phrase("a day after"), Some(1));
        assert_eq!(shift_phrase("The day before"), Some(-1));
        assert_eq!(shift_phrase("two days later"), Some(2));
        assert_eq!(shift_phrase("a week earlier"), Some(-7));
        assert_eq!(shift_phrase("3 days prior"), Some(-3));
        assert_eq!(shift_phrase("a year after"), None);
        assert_eq!(shift_phrase("after the day"), None);
        assert_eq!(shift_phrase(""), None);
        assert_eq!(shift_phrase("99999999999999999999 days after"), None);
    }

    #[test]
    fn modifiers_and_references() {
        assert_eq!(
            tag("Prices rose earlier this month.", "2025-07-18"),
            [("earlier this month".into(), "2025-07".into())]
        );
        assert_eq!(tag("It is now clear.", "2025-07-18"), [("now".into(), "PRESENT_REF".into())]);
        assert_eq!(
            tag("Troops left about two years ago.", "2025-07-18"),
            [("about two years ago".into(), "2023".into())]
        );
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            "",
            " ",
            "\n\n",
            "1",
            "12:",
            "12:6",
            "9/9/",
            "2025-13-45",
            "Feb. 30",
            "31 February 2024",
            "0/0/0000",
            "99999999999999999999 years ago",
            "the the the the",
            "a.m. p.m.",
            "'",
            "'9",
            "'90",
            "mid-",
            "last",
            "next",
            "Monday,",
            "the end of",
            "year-",
            "fiscal",
            "every",
            "per",
            "1/2",
            "2 1/2",
            "\u{0}\u{7f}",
            "é🙂 July 4 🙂",
            "July 4🙂",
            "10:30 a.",
            "Thanksgiving",
            "9999-99-99",
            "0000-01-01",
            "the past",
            "early early early early early early July",
        ];
        for s in samples {
            for a in [None, Some(d("2025-07-18")), Some(d("0001-01-01")), Some(d("9999-12-31"))] {
                let v = find_timexes(s, a);
                for t in &v {
                    assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                }
            }
        }
    }

    #[test]
    fn huge_input_is_linear_and_safe() {
        let mut big = String::with_capacity(11_000_000);
        let chunk = "On Monday, 3 days ago, about nearly almost around the past 12 years \u{2014} 10:35 a.m. ";
        while big.len() < 10_000_000 {
            big.push_str(chunk);
        }
        let v = find_timexes(&big, Some(d("2025-07-18")));
        assert!(v.len() > 100_000);
        let noise: String =
            (0..2_000_000u32).map(|i| char::from_u32(i % 0x3000 + 1).unwrap_or('x')).collect();
        let _ = find_timexes(&noise, None);
        let digits = "1".repeat(1_000_000);
        assert!(find_timexes(&digits, None).is_empty());
        let nested = "about ".repeat(100_000) + "two days";
        let _ = find_timexes(&nested, None);
    }
}

/// The words an expression can start with, as a (first letter, length) filter.
mod starter {
    /// Every word `at_word` gives a meaning to: month and weekday names, number words,
    /// vague quantities and the words of its own arms. A word missing here is never read as
    /// the start of an expression (debug builds assert that none is missing).
    pub(super) const WORDS: &[&str] = &[
        // months
        "january",
        "jan",
        "february",
        "feb",
        "march",
        "mar",
        "april",
        "apr",
        "may",
        "june",
        "jun",
        "july",
        "jul",
        "august",
        "aug",
        "september",
        "sept",
        "sep",
        "october",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
        // weekdays
        "monday",
        "mondays",
        "tuesday",
        "tuesdays",
        "wednesday",
        "wednesdays",
        "thursday",
        "thursdays",
        "friday",
        "fridays",
        "saturday",
        "saturdays",
        "sunday",
        "sundays",
        // number words and vague quantities
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "dozen",
        "several",
        "few",
        "many",
        "some",
        "couple",
        "numerous",
        // the arms of `at_word`
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "now",
        "currently",
        "presently",
        "nowadays",
        "recently",
        "lately",
        "future",
        "these",
        "that",
        "recent",
        "current",
        "last",
        "this",
        "next",
        "past",
        "previous",
        "coming",
        "latest",
        "early",
        "late",
        "mid",
        "earlier",
        "later",
        "middle",
        "the",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "over",
        "more",
        "less",
        "at",
        "up",
        "every",
        "each",
        "daily",
        "weekly",
        "monthly",
        "annually",
        "yearly",
        "hourly",
        "per",
        "noon",
        "midnight",
        "midday",
        "fiscal",
        "first",
        "second",
        "third",
        "fourth",
        "year",
        "christmas",
        "thanksgiving",
        "new",
        "election",
        "years",
        "months",
        "weeks",
        "decades",
        "centuries",
    ];

    /// Bit `n` of entry `l` is set when some word of `WORDS` starts with letter `l` and has
    /// `n` bytes (lengths of 31 and more share bit 31).
    const TABLE: [u32; 26] = {
        let mut t = [0u32; 26];
        let mut k = 0;
        while k < WORDS.len() {
            let b = WORDS[k].as_bytes();
            let len = if b.len() > 31 { 31 } else { b.len() };
            t[(b[0] - b'a') as usize] |= 1 << len;
            k += 1;
        }
        t
    };

    /// Whether the lower-case word `w` may be in `WORDS`.
    pub(super) fn may_start(w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&c @ b'a'..=b'z') => TABLE[usize::from(c - b'a')] & (1 << w.len().min(31)) != 0,
            _ => false,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_listed_word_passes_and_most_others_do_not() {
            assert!(WORDS.iter().all(|w| may_start(w)));
            let rejected = ["said", "police", "killed", "protesters", "government", "x"]
                .iter()
                .filter(|w| !may_start(w))
                .count();
            assert!(rejected >= 4, "the filter should reject ordinary words");
        }
    }
}
