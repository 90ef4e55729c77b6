//! The gazetteer: places parsed from TSV and an index from normalised names to candidates.
//!
//! The index stores 64-bit name hashes rather than strings so that a million name variants load
//! in well under the 300 ms budget and a lookup costs one hash-map probe without allocating.

use crate::norm;
use crate::{Feature, Place};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// Which table a TSV source holds; the column layouts are described in data/gazetteer/README.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SourceKind {
    /// `countries.tsv`: iso2, iso3, name, geonames_id, lat, lon, population, capital, names, demonyms.
    Countries,
    /// `admin1.tsv`: country, code, name, lat, lon, population, names[, abbrevs].
    Admin1,
    /// `admin2.tsv`: country, admin1, name, lat, lon, population, names.
    Admin2,
    /// `cities.tsv`: geonames_id, name, country, admin1, lat, lon, population, names.
    Cities,
    /// `regions.tsv`: name, country (alpha-3 or empty), lat, lon, names, adjectives.
    Regions,
    /// `common_words.tsv`: one lower-case English word per line that is also a town name.
    CommonWords,
}

/// One TSV text to load, with the file name used in error messages.
#[derive(Clone, Copy, Debug)]
pub struct TsvSource<'a> {
    /// Which table this is.
    pub kind: SourceKind,
    /// File name for error messages.
    pub name: &'a str,
    /// The TSV text.
    pub text: &'a str,
}

/// A gazetteer source could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    /// The file name given with the source.
    pub file: String,
    /// 1-based line number (0 when the problem is not tied to a line).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for GazetteerError {}

/// The name is a demonym or adjective standing for the place ("Syrian").
pub(crate) const F_ADJ: u8 = 1;
/// The name is a short all-capitals abbreviation ("US", "DRC") and needs capitals in the text.
pub(crate) const F_ABBREV: u8 = 2;
/// The name is only a place right after "Town, " ("Ky.", "TX", "Ga.").
pub(crate) const F_CTX: u8 = 4;

/// The name is an alternate name of a town (often a historical or foreign one), not its main name.
pub(crate) const F_ALT: u8 = 8;

/// One (name variant, place) pair of the index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub(crate) place: u32,
    pub(crate) flags: u8,
}

/// Facts about a place used for ranking, kept apart from the public [`Place`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Meta {
    /// Index of the place's country, if loaded.
    pub(crate) country: Option<u32>,
    /// Index of the place's first-level division, if loaded.
    pub(crate) admin1: Option<u32>,
    /// A national capital.
    pub(crate) capital: bool,
    /// Context-free plausibility from feature type and population, computed once at load.
    pub(crate) prior: f64,
}

/// Hashes are already well mixed, so the map uses them as they are.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The places and the name index.
pub struct Gazetteer {
    pub(crate) places: Vec<Place>,
    pub(crate) meta: Vec<Meta>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) index: IdMap<(u32, u32)>,
    /// Keys of town names that are also ordinary English words.
    pub(crate) common: std::collections::HashSet<u64, BuildHasherDefault<IdHasher>>,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.entries.len())
            .finish()
    }
}

const COUNTRIES: &str = include_str!("../../../data/gazetteer/countries.tsv");
const ADMIN1: &str = include_str!("../../../data/gazetteer/admin1.tsv");
const ADMIN2: &str = include_str!("../../../data/gazetteer/admin2.tsv");
const CITIES: &str = include_str!("../../../data/gazetteer/cities.tsv");
const REGIONS: &str = include_str!("../../../data/gazetteer/regions.tsv");
const COMMON: &str = include_str!("../../../data/gazetteer/common_words.tsv");

struct Builder {
    places: Vec<Place>,
    meta: Vec<Meta>,
    keys: Vec<(u64, u32, u8)>,
    /// iso2 -> country place index.
    country_by_iso2: IdMap<u32>,
    /// (iso2, admin1 code) -> admin1 place index.
    admin1_by_code: IdMap<u32>,
    /// (iso2, capital name) of each country.
    capitals: std::collections::HashSet<u64, BuildHasherDefault<IdHasher>>,
    common: std::collections::HashSet<u64, BuildHasherDefault<IdHasher>>,
}

/// Key of a tuple of codes, so that the per-row look-ups of the loader allocate nothing.
fn code_key(parts: &[&str]) -> u64 {
    let mut h = norm::SEED;
    for p in parts {
        for &b in p.as_bytes() {
            h = norm::feed_byte(h, b);
        }
        h = norm::feed_byte(h, 0xff);
    }
    h
}

fn err(file: &str, line: usize, message: impl Into<String>) -> GazetteerError {
    GazetteerError { file: file.to_string(), line, message: message.into() }
}

/// Most columns any table has; further columns are ignored.
const MAX_COLS: usize = 10;

struct Row<'a> {
    file: &'a str,
    line: usize,
    cols: [&'a str; MAX_COLS],
    n: usize,
}

impl<'a> Row<'a> {
    // The accessors are called a million times at start-up and nearly never fail: the error
    // messages are built out of line, so that the usual path is a few instructions.
    #[inline]
    fn get(&self, i: usize) -> Result<&'a str, GazetteerError> {
        match self.cols[..self.n].get(i) {
            Some(&s) => Ok(s),
            None => Err(self.missing(i)),
        }
    }
    #[cold]
    #[inline(never)]
    fn missing(&self, i: usize) -> GazetteerError {
        err(
            self.file,
            self.line,
            format!("expected at least {} tab-separated columns, found {}", i + 1, self.cols.len()),
        )
    }
    #[cold]
    #[inline(never)]
    fn bad(&self, what: &str, kind: &str, s: &str) -> GazetteerError {
        err(self.file, self.line, format!("{what} is not {kind}: {s:?}"))
    }
    fn opt(&self, i: usize) -> &'a str {
        self.cols[..self.n].get(i).copied().unwrap_or("")
    }
    #[inline]
    fn f64(&self, i: usize, what: &str) -> Result<f64, GazetteerError> {
        let s = self.get(i)?;
        match parse_f64(trim(s)) {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(self.bad(what, "a number", s)),
        }
    }
    #[inline]
    fn u64(&self, i: usize, what: &str) -> Result<u64, GazetteerError> {
        let s = trim(self.get(i)?);
        if s.is_empty() {
            return Ok(0);
        }
        parse_u64(s).map_err(|_| self.bad(what, "a whole number", s))
    }
}

fn rows<'a>(file: &'a str, text: &'a str) -> impl Iterator<Item = Row<'a>> {
    lines(text).enumerate().filter_map(move |(i, l)| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        if trim(l).is_empty() || l.starts_with('#') {
            None
        } else {
            let mut cols = [""; MAX_COLS];
            let mut n = 0;
            let mut rest = l;
            for slot in cols.iter_mut() {
                n += 1;
                match find_byte(rest.as_bytes(), b'\t') {
                    Some(p) => {
                        *slot = rest.get(..p).unwrap_or("");
                        rest = rest.get(p + 1..).unwrap_or("");
                    }
                    None => {
                        *slot = rest;
                        break;
                    }
                }
            }
            Some(Row { file, line: i + 1, cols, n })
        }
    })
}

/// `str::lines` with the faster search (its generic searcher costs more than the scan of a
/// short line).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = (!text.is_empty()).then_some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        Some(match find_byte(r.as_bytes(), b'\n') {
            Some(p) => {
                rest = r.get(p + 1..).filter(|r| !r.is_empty());
                let line = r.get(..p).unwrap_or("");
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                rest = None;
                r
            }
        })
    })
}

/// The position of the first `needle` in `hay`, looked for eight bytes at a time.
///
/// `split('\t')` and `position` are a visible part of loading: the generic searcher's per-call
/// set-up costs more than a short column, and a byte loop tests every byte of the long ones.
/// Here a word of eight bytes is tested at once (a byte of `w` is zero where `hay` has the
/// needle, and the classic `(w - 0x01..) & !w & 0x80..` sets the high bit of the lowest such
/// byte; bits above it may be set by the borrow, but the lowest one is exact).
fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(needle);
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word) ^ pattern;
        let found = w.wrapping_sub(LO) & !w & HI;
        if found != 0 {
            return Some(base + (found.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&b| b == needle).map(|p| base + p)
}

fn check_latlon(r: &Row<'_>, lat: f64, lon: f64) -> Result<(), GazetteerError> {
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(err(r.file, r.line, format!("coordinates out of range: {lat}, {lon}")));
    }
    Ok(())
}

fn split_names(s: &str) -> impl Iterator<Item = &str> {
    // `s.split('|')`, with the faster search.
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        Some(match find_byte(r.as_bytes(), b'|') {
            Some(p) => {
                rest = r.get(p + 1..);
                r.get(..p).unwrap_or("")
            }
            None => {
                rest = None;
                r
            }
        })
    })
    .map(trim)
    .filter(|n| !n.is_empty())
}

/// `str::trim`, answering at once for the usual field that starts and ends with a printable
/// ASCII character (never white space), as the generic trim is a visible part of loading.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// `str::parse::<f64>` with a fast path for plain decimals ("-12.34567"), which is every
/// coordinate of the gazetteer. With at most 15 digits the digits form an integer exactly
/// representable in an f64, and so is 10^k for k <= 15, so one IEEE division rounds the
/// quotient correctly, giving the very value the full parser returns (Clinger's fast path).
/// Anything else (exponents, signs other than '-', long mantissas) goes to the full parser.
fn parse_f64(s: &str) -> Result<f64, std::num::ParseFloatError> {
    const POW10: [f64; 16] =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (neg, body) = match s.strip_prefix('-') {
        Some(r) => (true, r.as_bytes()),
        None => (false, s.as_bytes()),
    };
    // Up to 15 digits and a dot: a longer body has more digits than the fast path takes (and
    // the shorter ones cannot overflow the mantissa).
    if body.len() <= 16 {
        let mut mantissa: u64 = 0;
        let mut dot: Option<usize> = None;
        let mut plain = true;
        for (k, &b) in body.iter().enumerate() {
            let d = b.wrapping_sub(b'0');
            if d < 10 {
                mantissa = mantissa * 10 + u64::from(d);
            } else if b == b'.' && dot.is_none() {
                dot = Some(k);
            } else {
                plain = false;
                break;
            }
        }
        let digits = body.len() - usize::from(dot.is_some());
        let frac = dot.map_or(0, |k| body.len() - k - 1);
        if let (true, 1..=15, Some(&p)) = (plain, digits, POW10.get(frac)) {
            let v = mantissa as f64 / p;
            return Ok(if neg { -v } else { v });
        }
    }
    s.parse()
}

/// `str::parse::<u64>` with a fast path for plain digit strings (ids and populations).
fn parse_u64(s: &str) -> Result<u64, std::num::ParseIntError> {
    // Nineteen digits cannot overflow; longer strings, signs and junk go to the standard
    // parser and its error.
    if s.is_empty() || s.len() > 19 {
        return s.parse();
    }
    let mut v: u64 = 0;
    for &b in s.as_bytes() {
        let d = b.wrapping_sub(b'0');
        if d >= 10 {
            return s.parse();
        }
        v = v * 10 + u64::from(d);
    }
    Ok(v)
}

/// Short all-capitals names are acronyms; they must appear in capitals to count.
/// (At most four letters, all upper-case; stops at the first letter that rules it out, as
/// nearly every name does at its second letter.)
fn abbrev_flag(name: &str) -> u8 {
    let mut letters = 0usize;
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if letters > 4 || !c.is_uppercase() {
            return 0;
        }
    }
    if letters > 0 {
        F_ABBREV
    } else {
        0
    }
}

impl Builder {
    fn add_place(&mut self, place: Place, meta: Meta) -> u32 {
        let id = self.places.len() as u32;
        self.places.push(place);
        self.meta.push(meta);
        id
    }

    fn add_name(&mut self, id: u32, name: &str, flags: u8) {
        if let Some(k) = norm::key(name) {
            self.keys.push((k, id, flags | abbrev_flag(name)));
        }
    }

    fn countries(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        for r in rows(file, text) {
            let iso2 = trim(r.get(0)?);
            let iso3 = trim(r.get(1)?);
            let name = trim(r.get(2)?);
            if iso2.is_empty() || iso3.is_empty() || name.is_empty() {
                return Err(err(file, r.line, "iso2, iso3 and name must not be empty"));
            }
            let (lat, lon) = (r.f64(4, "lat")?, r.f64(5, "lon")?);
            check_latlon(&r, lat, lon)?;
            let gid = r.u64(3, "geonames_id")?;
            let place = Place {
                name: name.to_string(),
                country: iso3.to_string(),
                admin1: None,
                lat,
                lon,
                geonames_id: (gid != 0).then_some(gid),
                feature: Feature::Country,
                population: r.u64(6, "population")?,
            };
            let id = self.add_place(place, Meta::default());
            self.meta[id as usize].country = Some(id);
            self.country_by_iso2.insert(code_key(&[iso2]), id);
            let capital = trim(r.opt(7));
            if !capital.is_empty() {
                self.capitals.insert(code_key(&[iso2, capital]));
            }
            self.add_name(id, name, 0);
            for n in split_names(r.opt(8)) {
                self.add_name(id, n, 0);
            }
            for n in split_names(r.opt(9)) {
                self.add_name(id, n, F_ADJ);
            }
        }
        Ok(())
    }

    fn country_of(&self, r: &Row<'_>, iso2: &str) -> Result<(u32, String), GazetteerError> {
        match self.country_by_iso2.get(&code_key(&[iso2])) {
            Some(&c) => Ok((c, self.places[c as usize].country.clone())),
            None => Err(err(
                r.file,
                r.line,
                format!("unknown country code {iso2:?} (not in the countries table)"),
            )),
        }
    }

    fn admin1(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        for r in rows(file, text) {
            let iso2 = trim(r.get(0)?);
            let code = trim(r.get(1)?);
            let name = trim(r.get(2)?);
            let (cid, iso3) = self.country_of(&r, iso2)?;
            let (lat, lon) = (r.f64(3, "lat")?, r.f64(4, "lon")?);
            check_latlon(&r, lat, lon)?;
            let place = Place {
                name: name.to_string(),
                country: iso3,
                admin1: Some(name.to_string()),
                lat,
                lon,
                geonames_id: None,
                feature: Feature::Admin1,
                population: r.u64(5, "population")?,
            };
            let id = self.add_place(
                place,
                Meta { country: Some(cid), admin1: None, capital: false, prior: 0.0 },
            );
            self.meta[id as usize].admin1 = Some(id);
            self.admin1_by_code.insert(code_key(&[iso2, code]), id);
            self.add_name(id, name, 0);
            for n in split_names(r.opt(6)) {
                self.add_name(id, n, 0);
            }
            for n in split_names(r.opt(7)) {
                self.add_name(id, n, F_CTX);
            }
        }
        Ok(())
    }

    fn admin2(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        for r in rows(file, text) {
            let iso2 = trim(r.get(0)?);
            let a1 = trim(r.get(1)?);
            let name = trim(r.get(2)?);
            let (cid, iso3) = self.country_of(&r, iso2)?;
            let (lat, lon) = (r.f64(3, "lat")?, r.f64(4, "lon")?);
            check_latlon(&r, lat, lon)?;
            let a1id = self.admin1_by_code.get(&code_key(&[iso2, a1])).copied();
            let place = Place {
                name: name.to_string(),
                country: iso3,
                admin1: a1id.map(|i| self.places[i as usize].name.clone()),
                lat,
                lon,
                geonames_id: None,
                feature: Feature::Admin2,
                population: r.u64(5, "population")?,
            };
            let id = self.add_place(
                place,
                Meta { country: Some(cid), admin1: a1id, capital: false, prior: 0.0 },
            );
            self.add_name(id, name, 0);
            for n in split_names(r.opt(6)) {
                self.add_name(id, n, 0);
            }
        }
        Ok(())
    }

    fn cities(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        for r in rows(file, text) {
            let gid = r.u64(0, "geonames_id")?;
            let name = trim(r.get(1)?);
            let iso2 = trim(r.get(2)?);
            let a1 = trim(r.get(3)?);
            let (cid, iso3) = self.country_of(&r, iso2)?;
            let (lat, lon) = (r.f64(4, "lat")?, r.f64(5, "lon")?);
            check_latlon(&r, lat, lon)?;
            let a1id = self.admin1_by_code.get(&code_key(&[iso2, a1])).copied();
            let capital = self.capitals.contains(&code_key(&[iso2, name]));
            let place = Place {
                name: name.to_string(),
                country: iso3,
                admin1: a1id.map(|i| self.places[i as usize].name.clone()),
                lat,
                lon,
                geonames_id: (gid != 0).then_some(gid),
                feature: Feature::City,
                population: r.u64(6, "population")?,
            };
            let id = self
                .add_place(place, Meta { country: Some(cid), admin1: a1id, capital, prior: 0.0 });
            self.add_name(id, name, 0);
            for n in split_names(r.opt(7)) {
                self.add_name(id, n, F_ALT);
            }
        }
        Ok(())
    }

    fn regions(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        let by_iso3: HashMap<String, u32> = self
            .country_by_iso2
            .values()
            .map(|&c| (self.places[c as usize].country.clone(), c))
            .collect();
        for r in rows(file, text) {
            let name = trim(r.get(0)?);
            let iso3 = trim(r.get(1)?);
            let (lat, lon) = (r.f64(2, "lat")?, r.f64(3, "lon")?);
            check_latlon(&r, lat, lon)?;
            let cid = if iso3.is_empty() {
                None
            } else {
                Some(
                    *by_iso3
                        .get(iso3)
                        .ok_or_else(|| err(file, r.line, format!("unknown country {iso3:?}")))?,
                )
            };
            let place = Place {
                name: name.to_string(),
                country: iso3.to_string(),
                admin1: None,
                lat,
                lon,
                geonames_id: None,
                feature: Feature::Region,
                population: 0,
            };
            let id = self
                .add_place(place, Meta { country: cid, admin1: None, capital: false, prior: 0.0 });
            self.add_name(id, name, 0);
            for n in split_names(r.opt(4)) {
                self.add_name(id, n, 0);
            }
            for n in split_names(r.opt(5)) {
                self.add_name(id, n, F_ADJ);
            }
        }
        Ok(())
    }

    fn common_words(&mut self, file: &str, text: &str) {
        for r in rows(file, text) {
            if let Some(k) = norm::key(r.opt(0)) {
                self.common.insert(k);
            }
        }
    }

    fn finish(mut self) -> Gazetteer {
        for (p, m) in self.places.iter().zip(self.meta.iter_mut()) {
            let pop = (p.population as f64 + 10.0).log10();
            m.prior = match p.feature {
                // Shared demonyms ("American") go to the most populous country.
                Feature::Country => 100.0 + pop / 10.0,
                Feature::Region => 95.0,
                Feature::Admin1 => 62.0,
                Feature::Admin2 => 30.0 + 5.0 * pop,
                Feature::City | Feature::Other => 10.0 * pop + if m.capital { 8.0 } else { 0.0 },
            };
        }
        sort_keys(&mut self.keys);
        let mut entries: Vec<Entry> = Vec::with_capacity(self.keys.len());
        let mut index: IdMap<(u32, u32)> = IdMap::default();
        index.reserve(self.keys.len());
        let mut i = 0;
        while i < self.keys.len() {
            let k = self.keys[i].0;
            let start = entries.len() as u32;
            while i < self.keys.len() && self.keys[i].0 == k {
                let (_, place, flags) = self.keys[i];
                let fresh = entries.len() as u32 == start;
                match entries.last_mut() {
                    // The same place under the same key through several variants: it stays an
                    // abbreviation/adjective only if every variant is one.
                    Some(e) if !fresh && e.place == place => e.flags &= flags,
                    _ => entries.push(Entry { place, flags }),
                }
                i += 1;
            }
            index.insert(k, (start, entries.len() as u32 - start));
        }
        Gazetteer { places: self.places, meta: self.meta, entries, index, common: self.common }
    }
}

/// Sorts the (key, place, flags) triples into the order the index is built from.
///
/// The loaders push names place by place, so the triples normally arrive in place order; a
/// stable sort on the key alone then yields the order of a full tuple sort, except that the
/// variants of one place under one key keep their push order instead of flag order, and those
/// are merged by and-ing their flags, which does not depend on the order. The keys are hashes,
/// spread evenly: one counting pass and one scatter put the triples into buckets by the key's
/// top 16 bits, and the few triples of a bucket are sorted by a stable sort of their own, at a
/// fraction of the cost of a comparison sort of a million triples (or of a radix sort over all
/// eight bytes). Input in any other order takes the comparison sort.
fn sort_keys(keys: &mut Vec<(u64, u32, u8)>) {
    if !keys.windows(2).all(|w| w[0].1 <= w[1].1) {
        keys.sort_unstable();
        return;
    }
    const BITS: u32 = 16;
    let bucket = |k: u64| (k >> (64 - BITS)) as usize;
    // starts[b] is where bucket b begins once the counts are summed.
    let mut starts = vec![0usize; (1 << BITS) + 1];
    for &(k, _, _) in keys.iter() {
        if let Some(n) = starts.get_mut(bucket(k) + 1) {
            *n += 1;
        }
    }
    let mut sum = 0;
    for n in starts.iter_mut() {
        sum += *n;
        *n = sum;
    }
    let mut next = starts.clone();
    let mut dst: Vec<(u64, u32, u8)> = vec![(0, 0, 0); keys.len()];
    for &t in keys.iter() {
        if let Some(o) = next.get_mut(bucket(t.0)) {
            if let Some(slot) = dst.get_mut(*o) {
                *slot = t;
            }
            *o += 1;
        }
    }
    for w in starts.windows(2) {
        if let Some(b) = dst.get_mut(w[0]..w[1]) {
            if b.len() > 1 {
                b.sort_by_key(|t| t.0);
            }
        }
    }
    *keys = dst;
}

impl Gazetteer {
    /// Parses the gazetteer embedded in the binary (data/gazetteer/*.tsv).
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_tsv_sources(&[
            TsvSource { kind: SourceKind::Countries, name: "countries.tsv", text: COUNTRIES },
            TsvSource { kind: SourceKind::Admin1, name: "admin1.tsv", text: ADMIN1 },
            TsvSource { kind: SourceKind::Admin2, name: "admin2.tsv", text: ADMIN2 },
            TsvSource { kind: SourceKind::Cities, name: "cities.tsv", text: CITIES },
            TsvSource { kind: SourceKind::Regions, name: "regions.tsv", text: REGIONS },
            TsvSource { kind: SourceKind::CommonWords, name: "common_words.tsv", text: COMMON },
        ])
    }

    /// Builds a gazetteer from TSV texts. Sources are loaded countries first, whatever their
    /// order in the slice, because the other tables refer to countries by ISO code.
    pub fn from_tsv_sources(sources: &[TsvSource<'_>]) -> Result<Gazetteer, GazetteerError> {
        let mut b = Builder {
            places: Vec::new(),
            meta: Vec::new(),
            keys: Vec::new(),
            country_by_iso2: IdMap::default(),
            admin1_by_code: IdMap::default(),
            capitals: Default::default(),
            common: Default::default(),
        };
        let mut sorted: Vec<&TsvSource<'_>> = sources.iter().collect();
        sorted.sort_by_key(|s| s.kind);
        for s in sorted {
            match s.kind {
                SourceKind::Countries => b.countries(s.name, s.text)?,
                SourceKind::Admin1 => b.admin1(s.name, s.text)?,
                SourceKind::Admin2 => b.admin2(s.name, s.text)?,
                SourceKind::Cities => b.cities(s.name, s.text)?,
                SourceKind::Regions => b.regions(s.name, s.text)?,
                SourceKind::CommonWords => b.common_words(s.name, s.text),
            }
        }
        Ok(b.finish())
    }

    /// All places known under a name (any spelling the gazetteer lists, case-insensitive),
    /// most populous first.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let mut v: Vec<&Place> = self
            .candidates(norm::key(name))
            .iter()
            .filter_map(|e| self.places.get(e.place as usize))
            .collect();
        v.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.feature.cmp(&b.feature)));
        v
    }

    /// The countries themselves: where an event that names no place but happens inside one
    /// state is put, at country precision.
    pub fn countries(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.feature == crate::Feature::Country)
    }

    /// Number of places loaded.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when no place is loaded.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub(crate) fn candidates(&self, key: Option<u64>) -> &[Entry] {
        key.and_then(|k| self.index.get(&k))
            .and_then(|&(s, n)| self.entries.get(s as usize..(s + n) as usize))
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: &str = "#iso2\tiso3\n SY\tSYR\tSyria\t163843\t35\t38\t1000\tDamascus\tSyrian Arab Republic\tSyrian\n";

    fn small() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_tsv_sources(&[
            TsvSource {
                kind: SourceKind::Cities,
                name: "c.tsv",
                text: "170654\tDamascus\tSY\t13\t33.5\t36.3\t1569394\tDimashq|Damas\n",
            },
            TsvSource {
                kind: SourceKind::Countries,
                name: "k.tsv",
                text: C.replace("\n ", "\n").as_str(),
            },
        ])
    }

    #[test]
    fn loads_and_looks_up() {
        let g = small();
        assert!(g.is_ok(), "{g:?}");
        if let Ok(g) = g {
            assert_eq!(g.lookup("Dimashq")[0].name, "Damascus");
            assert_eq!(g.lookup("syrian arab republic")[0].country, "SYR");
            assert!(g.lookup("Nowhere").is_empty());
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let r = Gazetteer::from_tsv_sources(&[TsvSource {
            kind: SourceKind::Countries,
            name: "bad.tsv",
            text: "# header\nSY\tSYR\tSyria\t1\tnorth\t38\t0\n",
        }]);
        let e = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("bad.tsv:2:"), "{e}");
        let r = Gazetteer::from_tsv_sources(&[TsvSource {
            kind: SourceKind::Cities,
            name: "c.tsv",
            text: "1\tX\tZZ\t\t1\t1\t5\n",
        }]);
        assert!(r.is_err());
    }

    #[test]
    fn fast_number_parsers_agree_with_std() {
        for s in [
            "0",
            "-0",
            "32.05908",
            "-179.99999",
            "90",
            "5.",
            ".5",
            ".",
            "-",
            "",
            "+1.5",
            "1e5",
            "nan",
            "inf",
            "0.1",
            "123456789012345",
            "1234567890123456",
            "9007199254740993",
            "-0.000001",
            "1.2.3",
            "12a",
            "00012.50000",
            "1234567890.12345",
            "1234567890.123456",
            "-.5",
            "-5.",
            "--5",
            "5-",
        ] {
            let (a, b) = (parse_f64(s), s.parse::<f64>());
            assert_eq!(a.clone().map(f64::to_bits), b.clone().map(f64::to_bits), "{s:?}");
            assert_eq!(a.is_err(), b.is_err(), "{s:?}");
        }
        for s in [
            "0",
            "42",
            "+7",
            "-1",
            "",
            "1234567890123456789",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "1x",
            "1 ",
        ] {
            assert_eq!(parse_u64(s), s.parse::<u64>(), "{s:?}");
        }
        assert_eq!(trim(" a b\t"), "a b");
        assert_eq!(trim("ab"), "ab");
    }

    #[test]
    fn byte_search_agrees_with_position() {
        let text = "a\tbb|ccc\t\t|dddddddd\teeeeeeeee|\u{e9}\t\u{2019}|\tz";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let hay = &text.as_bytes()[start..end];
                for needle in [b'\t', b'|', b'z', 0xa9, 0] {
                    assert_eq!(find_byte(hay, needle), hay.iter().position(|&b| b == needle));
                }
            }
        }
        for s in
            ["", "\n", "a", "a\n\nb\r\n", "\r\n\r", "a\r\r\nb\n", "x\ny\nz\nw\nv\nu\nt\ns\nr\nq\n"]
        {
            assert_eq!(lines(s).collect::<Vec<_>>(), s.lines().collect::<Vec<_>>(), "{s:?}");
        }
        for s in ["", "|", "a", "a|", "|a", " a | b ||c|", "x|y|z|w|v|u|t|s|r|q|p"] {
            let want: Vec<&str> = s.split('|').map(trim).filter(|n| !n.is_empty()).collect();
            assert_eq!(split_names(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn radix_sort_matches_the_tuple_sort() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut keys = Vec::new();
        for place in 0..5000u32 {
            for v in 0..(place % 4) {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                // Few distinct keys, so that equal keys and equal places occur, in few buckets
                // and in many.
                let k = if place % 2 == 0 { x >> 54 } else { x & 0xffc0_0000_0000_0000 };
                keys.push((k, place, (v as u8) ^ 3));
            }
        }
        let mut a = keys.clone();
        sort_keys(&mut a);
        let mut b = keys;
        b.sort_unstable();
        let strip = |v: &[(u64, u32, u8)]| v.iter().map(|t| (t.0, t.1)).collect::<Vec<_>>();
        assert_eq!(strip(&a), strip(&b));
    }

    #[test]
    fn embedded_loads() {
        let g = Gazetteer::embedded();
        assert!(g.is_ok(), "{:?}", g.err());
        if let Ok(g) = g {
            assert!(g.len() > 100_000);
            assert!(g.lookup("Sweida").iter().any(|p| p.country == "SYR"));
        }
    }
}
