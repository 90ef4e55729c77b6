//! Proleptic Gregorian calendar arithmetic, small enough to own instead of pulling in a
//! date crate: day numbers, weekdays, ISO weeks, month arithmetic and parsing.

use std::fmt;

/// A calendar date (proleptic Gregorian). Years are kept within ±100,000 by every
/// operation here, so arithmetic can never overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Calendar year (astronomical numbering).
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

/// Years beyond this are clamped: nothing in news needs them, and clamping keeps every
/// conversion to `i32` lossless.
const MAX_YEAR: i64 = 100_000;

/// Whether `year` is a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year` (0 for an invalid month).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    /// A date if the parts form a valid calendar date.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        if i64::from(year).abs() > MAX_YEAR || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, ignoring anything after the date (so `2025-07-20T09:30:00Z`
    /// and `2025-07-20 09:30` both work).
    pub fn parse(s: &str) -> Option<CivilDate> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b.len() > 10 && b[10].is_ascii_digit() {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let y = i32::try_from(num(0..4)?).ok()?;
        let m = u8::try_from(num(5..7)?).ok()?;
        let d = u8::try_from(num(8..10)?).ok()?;
        CivilDate::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, clamped to the supported year range.
    pub fn from_days(days: i64) -> CivilDate {
        let lim = MAX_YEAR * 366;
        let z = days.clamp(-lim, lim) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        CivilDate { year: year as i32, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> CivilDate {
        CivilDate::from_days(self.to_days().saturating_add(n))
    }

    /// The date `n` months later, the day clamped to the target month's length
    /// (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, n: i64) -> CivilDate {
        let total = (i64::from(self.year) * 12 + i64::from(self.month) - 1)
            .saturating_add(n)
            .clamp(-MAX_YEAR * 12, MAX_YEAR * 12);
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        CivilDate { year, month, day }
    }

    /// The date `n` years later (Feb 29 falls back to Feb 28).
    pub fn add_years(self, n: i64) -> CivilDate {
        self.add_months(n.saturating_mul(12))
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u8) {
        // The week belongs to the year holding its Thursday.
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = CivilDate { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// Monday of the ISO week containing this date.
    pub fn week_start(self) -> CivilDate {
        self.add_days(1 - i64::from(self.weekday()))
    }

    /// Last day of this date's month.
    pub fn month_end(self) -> CivilDate {
        CivilDate { day: days_in_month(self.year, self.month), ..self }
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn parses_dates_and_timestamps() {
        assert_eq!(d("2025-07-20"), CivilDate { year: 2025, month: 7, day: 20 });
        assert_eq!(d("2025-07-20T09:30:00Z"), d("2025-07-20"));
        assert_eq!(CivilDate::parse("2025-02-30"), None);
        assert_eq!(CivilDate::parse("2025-7-20"), None);
        assert_eq!(CivilDate::parse("20250720"), None);
        assert_eq!(CivilDate::parse("2025-07-2é"), None);
        assert_eq!(d("2025-07-20").to_string(), "2025-07-20");
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(d("1970-01-01").to_days(), 0);
        for n in [-800_000i64, -1, 0, 1, 59, 365, 10_957, 20_000, 1_000_000] {
            assert_eq!(CivilDate::from_days(n).to_days(), n);
        }
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2024-12-31").add_days(1), d("2025-01-01"));
        // Huge shifts clamp instead of overflowing.
        let _ = d("2024-12-31").add_days(i64::MAX);
        let _ = d("2024-12-31").add_months(i64::MIN);
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(d("2025-07-20").weekday(), 7);
        assert_eq!(d("1998-08-07").weekday(), 5);
        assert_eq!(d("2025-07-17").iso_week(), (2025, 29));
        assert_eq!(d("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(d("2024-12-30").iso_week(), (2025, 1));
        assert_eq!(d("2025-07-17").week_start(), d("2025-07-14"));
    }

    #[test]
    fn month_arithmetic_clamps_days() {
        assert_eq!(d("2025-01-31").add_months(1), d("2025-02-28"));
        assert_eq!(d("2024-03-15").add_months(-3), d("2023-12-15"));
        assert_eq!(d("2024-02-29").add_years(1), d("2025-02-28"));
        assert_eq!(d("2024-02-10").month_end(), d("2024-02-29"));
    }
}
