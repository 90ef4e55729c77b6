//! Small pure helpers the store needs: calendar days as integers, great-circle distance,
//! a content hash, and the outlet of a URL. Kept here so the store has no date or hash crate.

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, as `YYYY-MM-DD`.
pub(crate) fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses the leading `YYYY-MM-DD` of a text into (year, month, day), checking ranges.
pub(crate) fn parse_ymd(s: &str) -> Option<(i64, u32, u32)> {
    let s = s.get(..10)?;
    let b = s.as_bytes();
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some((y, m, d))
}

/// The day number of the leading `YYYY-MM-DD` of a text.
pub(crate) fn day_number(s: &str) -> Option<i64> {
    let (y, m, d) = parse_ymd(s)?;
    Some(days_from_civil(y, m, d))
}

pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Great-circle distance in kilometres (haversine on the mean Earth radius).
pub(crate) fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// FNV-1a, 128 bits, as 32 hex digits. Not cryptographic: it only has to tell whether a
/// document changed, and to name clusters stably.
pub(crate) fn fnv128_hex(parts: &[&[u8]]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for part in parts {
        for b in part.iter() {
            h ^= u128::from(*b);
            h = h.wrapping_mul(PRIME);
        }
        // A separator byte keeps ("ab","c") and ("a","bc") apart.
        h ^= 0xff;
        h = h.wrapping_mul(PRIME);
    }
    // FNV's high bits barely move when only the last bytes differ; a final mix spreads every
    // input bit over the whole value, so that a prefix of the hex is a usable short id.
    for m in [
        0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835_u128,
        0xbf58_476d_1ce4_e5b9_94d0_49bb_1331_11eb_u128,
    ] {
        h ^= h >> 67;
        h = h.wrapping_mul(m | 1);
    }
    h ^= h >> 61;
    format!("{h:032x}")
}

/// The host of an `http(s)://host/...` address, lower-cased, without `www.`.
pub(crate) fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?.trim().to_lowercase();
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(day_number("2025-07-20"), Some(20289));
        for z in [-800_000, -1, 0, 59, 20289, 30000] {
            assert_eq!(day_number(&civil_from_days(z)), Some(z));
        }
        assert_eq!(day_number("2025-02-29"), None);
        assert_eq!(day_number("2024-02-29T10:00Z"), Some(days_from_civil(2024, 2, 29)));
        assert_eq!(day_number("July"), None);
    }

    #[test]
    fn distance_is_plausible() {
        // Damascus to As-Suwayda is about 90 km.
        let d = distance_km(33.513, 36.292, 32.709, 36.566);
        assert!((85.0..100.0).contains(&d), "{d}");
        assert!(distance_km(10.0, 10.0, 10.0, 10.0).abs() < 1e-9);
    }

    #[test]
    fn hosts_and_hashes() {
        assert_eq!(url_host("https://www.Reuters.com/world/x?y=1").as_deref(), Some("reuters.com"));
        assert_eq!(url_host("http://user@bbc.co.uk:8080").as_deref(), Some("bbc.co.uk"));
        assert_eq!(url_host(""), None);
        assert_ne!(fnv128_hex(&[b"ab", b"c"]), fnv128_hex(&[b"a", b"bc"]));
        assert_eq!(fnv128_hex(&[b"x"]).len(), 32);
    }
}
