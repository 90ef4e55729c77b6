//! Compiling actor lexicon files into entries and one automaton over normalised token sequences.
//!
//! Two row layouts exist (see data/actors/README.md): the country layout (`key code sector
//! names adjectives seats name qid`), one row per state or breakaway entity, and the entry
//! layout (`key phrases kind code sector name qid from to attrs`) for everything else. A file
//! says which it is with an `@columns` header; without one, a file named `*countries.tsv` is a
//! country file. Sources are applied in order: a later row with the same key replaces the
//! earlier one and `@disable<TAB>KEY` removes a key together with its `KEY#role` rows.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, StartKind};
use lapwing_core::plover::{ActorCode, Sector};
use lapwing_lexicon::{list, read_rows, Diagnostic, Row, Source};
use std::collections::BTreeMap;

pub(crate) use lapwing_lexicon::FxMap;

/// What an entry is, which decides how the composer uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A state or breakaway entity (country layout).
    Country,
    /// A named organisation, group or body.
    Name,
    /// A named person (one row per role).
    Person,
    /// A generic agent noun ("troops", "authorities").
    Agent,
    /// An office or rank ("Foreign Minister", "Gen.").
    Title,
    /// An ethnic group ("Druze").
    Ethnic,
    /// A religious group ("Sunnis").
    Religion,
    /// A noun of attack that makes a country adjective an actor ("strikes").
    Attack,
    /// A place that is no actor but says which country the text is about ("Gaza").
    Place,
    /// Words that are no actor and must not be matched piecemeal ("New Mexico").
    Stop,
    /// A region's adjective: the actor it modifies has no state ("European leaders").
    Region,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "name" | "org" => Kind::Name,
            "person" => Kind::Person,
            "agent" => Kind::Agent,
            "title" => Kind::Title,
            "ethnic" => Kind::Ethnic,
            "religion" => Kind::Religion,
            "attack" => Kind::Attack,
            "place" => Kind::Place,
            "stop" => Kind::Stop,
            "region" => Kind::Region,
            _ => return None,
        })
    }
}

/// Which of a country row's phrase lists a phrase came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The entry's own phrase (a country's name, an organisation's alias).
    Main,
    /// A country adjective ("Syrian").
    Adj,
    /// A plural demonym ("Syrians").
    Demonym,
    /// A capital or seat of power ("Damascus", "the Kremlin").
    Seat,
}

/// How the text must be cased for a phrase to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any case.
    Any,
    /// The first token starts with a capital ("Hamas", not "hamas").
    Capitalised,
    /// No lower-case letter anywhere ("US", "IS", "WHO").
    Upper,
}

/// One compiled lexicon entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: String,
    pub kind: Kind,
    pub code: Option<ActorCode>,
    pub sector: Option<Sector>,
    pub others: Vec<Sector>,
    pub name: Option<String>,
    pub qid: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub office: Option<String>,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    /// Agents: whether the noun is plural ("they" may refer to it).
    pub plural: bool,
    /// Titles: an honorific that names no office ("Mr.").
    pub honorific: bool,
    /// `file:line`.
    pub source: String,
    phrases: Vec<String>,
    adjectives: Vec<String>,
    seats: Vec<String>,
}

impl Entry {
    /// The key without its `#role` suffix: rows sharing it are roles of one actor.
    pub fn base(&self) -> &str {
        self.key.split('#').next().unwrap_or(&self.key)
    }

    /// Whether the role holds on `date` (from inclusive, to exclusive).
    pub fn holds_on(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|f| f <= date)
            && self.to.as_deref().is_none_or(|t| date < t)
    }
}

/// One pattern target: which entry, through which of its phrase lists, with which casing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    pub entry: usize,
    pub form: Form,
    pub case: Case,
}

/// The compiled lexicon.
pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    /// Per automaton pattern: its targets, in entry order.
    pub targets: Vec<Vec<Target>>,
    pub automaton: Option<AhoCorasick>,
    /// Single-token phrases of countries (names, adjectives, seats) by norm, for compounds
    /// such as "Russian-backed" that the automaton cannot see.
    pub single: FxMap<String, Vec<Target>>,
    /// Word classes of the composer's closed word lists, plus `PATTERN_START` on the first
    /// word of every pattern, so that a sentence's words are classified with one lookup each.
    pub word_class: FxMap<String, u16>,
    /// No pattern word holds a space, so matches start and end on token boundaries and
    /// `find_atoms` may try anchored searches at pattern-start words only.
    pub anchored: bool,
}

/// `Lexicon::word_class` flag: some pattern starts with this word.
pub(crate) const PATTERN_START: u16 = 1 << 15;

/// ISO 3166-1 alpha-3 codes, for checking lexicon codes.
const ISO3: &str =
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN \
BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN \
CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI \
ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL \
GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN \
KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA \
MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA \
NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU \
ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ \
SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB \
VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE KOS IGO UNO EUR NGO ISM IMG MNC";

fn valid_code(s: &str) -> Option<ActorCode> {
    let code = ActorCode::new(s)?;
    // The list is three-letter codes joined by single spaces (see the test below): comparing
    // 4-byte chunks is much cheaper than splitting it, and this runs for every lexicon row.
    let b = s.as_bytes();
    (b.len() == 3 && ISO3.as_bytes().chunks(4).any(|c| c.get(..3) == Some(b))).then_some(code)
}

/// Checks `YYYY-MM-DD` with a plausible month and day.
pub(crate) fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
    };
    matches!((digits(0..4), digits(5..7), digits(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

fn casing(phrase: &str) -> Case {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else if phrase.chars().next().is_some_and(char::is_uppercase) {
        Case::Capitalised
    } else {
        Case::Any
    }
}

/// The default plural forms of a country adjective ("Syrian" → "Syrians", "Israeli" →
/// "Israelis"); adjectives in -ese, -ish, -ch have none.
fn demonym(adj: &str) -> Option<String> {
    let last = adj.split_whitespace().last()?;
    (last.ends_with("an") || last.ends_with('i')).then(|| format!("{adj}s"))
}

enum Layout {
    Country,
    Entry,
}

const ENTRY_COLUMNS: [&str; 10] =
    ["key", "phrases", "kind", "code", "sector", "name", "qid", "from", "to", "attrs"];
const COUNTRY_COLUMNS: [&str; 8] =
    ["key", "code", "sector", "names", "adjectives", "seats", "name", "qid"];

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Compiles `sources` in order.
pub(crate) fn compile(sources: &[Source]) -> (Lexicon, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // Keys in first-definition order, so that output never depends on hashing.
    let mut by_key: BTreeMap<String, (usize, Entry)> = BTreeMap::new();
    let mut order = 0usize;
    for source in sources {
        let (rows, mut d) = read_rows(source, 1);
        diags.append(&mut d);
        let mut layout =
            if source.name.ends_with("countries.tsv") { Layout::Country } else { Layout::Entry };
        let mut seen_in_file: BTreeMap<String, usize> = BTreeMap::new();
        for row in &rows {
            let first = row.field(0).text;
            if first == "@columns" {
                let cols: Vec<&str> = row.fields.iter().skip(1).map(|f| f.text).collect();
                if cols.as_slice() == COUNTRY_COLUMNS {
                    layout = Layout::Country;
                } else if cols.as_slice() == ENTRY_COLUMNS {
                    layout = Layout::Entry;
                } else {
                    diags.push(row.error(1, "unknown @columns header (see data/actors/README.md)"));
                }
                continue;
            }
            if first == "@disable" {
                let key = row.field(1).text;
                if key.is_empty() {
                    diags.push(row.error(0, "@disable needs a key"));
                    continue;
                }
                let prefix = format!("{key}#");
                let doomed: Vec<String> = by_key
                    .keys()
                    .filter(|k| k.as_str() == key || k.starts_with(&prefix))
                    .cloned()
                    .collect();
                if doomed.is_empty() {
                    diags.push(row.warning(1, format!("@disable: no entry {key:?}")));
                }
                for k in doomed {
                    by_key.remove(&k);
                }
                continue;
            }
            if first.starts_with('@') {
                diags.push(row.error(0, format!("unknown directive {first:?}")));
                continue;
            }
            let parsed = match layout {
                Layout::Country => parse_country(row, &mut diags),
                Layout::Entry => parse_entry(row, &mut diags),
            };
            let Some(entry) = parsed else { continue };
            if let Some(prev) = seen_in_file.insert(entry.key.clone(), row.line) {
                diags.push(row.warning(
                    0,
                    format!(
                        "key {:?} already defined on line {prev}; this row replaces it",
                        entry.key
                    ),
                ));
            }
            let slot = by_key.get(&entry.key).map(|(o, _)| *o).unwrap_or_else(|| {
                order += 1;
                order
            });
            by_key.insert(entry.key.clone(), (slot, entry));
        }
    }
    let mut entries: Vec<(usize, Entry)> = by_key.into_values().collect();
    entries.sort_by_key(|(o, _)| *o);
    let entries: Vec<Entry> = entries.into_iter().map(|(_, e)| e).collect();
    let lexicon = build(entries, &mut diags);
    (lexicon, diags)
}

fn parse_sector(
    row: &Row<'_>,
    i: usize,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<Sector>, ()> {
    let s = row.field(i).text;
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<Sector>()
        .map(Some)
        .map_err(|_| diags.push(row.error(i, format!("unknown sector {s:?}"))))
}

fn parse_code(
    row: &Row<'_>,
    i: usize,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<ActorCode>, ()> {
    let s = row.field(i).text;
    if s.is_empty() {
        return Ok(None);
    }
    valid_code(s)
        .map(Some)
        .ok_or_else(|| diags.push(row.error(i, format!("unknown actor code {s:?}"))))
}

fn parse_qid(row: &Row<'_>, i: usize, diags: &mut Vec<Diagnostic>) -> Result<Option<String>, ()> {
    let s = row.field(i).text;
    if s.is_empty() {
        return Ok(None);
    }
    let ok = s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(Some(s.to_string()))
    } else {
        diags.push(row.error(i, format!("bad Wikidata id {s:?}")));
        Err(())
    }
}

fn check_key(row: &Row<'_>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let key = row.field(0).text;
    if key.is_empty() || key.contains(char::is_whitespace) {
        diags.push(row.error(0, "key must be non-empty and without spaces"));
        return None;
    }
    Some(key.to_string())
}

fn blank(key: String, kind: Kind, source: String) -> Entry {
    Entry {
        key,
        kind,
        code: None,
        sector: None,
        others: Vec::new(),
        name: None,
        qid: None,
        from: None,
        to: None,
        office: None,
        ethnicity: None,
        religion: None,
        plural: false,
        honorific: false,
        source,
        phrases: Vec::new(),
        adjectives: Vec::new(),
        seats: Vec::new(),
    }
}

fn parse_country(row: &Row<'_>, diags: &mut Vec<Diagnostic>) -> Option<Entry> {
    let key = check_key(row, diags)?;
    let code = parse_code(row, 1, diags).ok()?;
    let Some(code) = code else {
        diags.push(row.error(1, "a country row needs a code"));
        return None;
    };
    let sector = parse_sector(row, 2, diags).ok()?;
    let qid = parse_qid(row, 7, diags).ok()?;
    let mut e = blank(key, Kind::Country, row.location());
    e.code = Some(code);
    e.sector = sector;
    e.phrases = list(row.field(3).text).map(String::from).collect();
    e.adjectives = list(row.field(4).text).map(String::from).collect();
    e.seats = list(row.field(5).text).map(String::from).collect();
    e.name = opt(row.field(6).text).or_else(|| e.phrases.first().cloned());
    e.qid = qid;
    if e.phrases.is_empty() {
        diags.push(row.error(3, "a country row needs at least one name"));
        return None;
    }
    Some(e)
}

fn parse_entry(row: &Row<'_>, diags: &mut Vec<Diagnostic>) -> Option<Entry> {
    let key = check_key(row, diags)?;
    let kind_text = row.field(2).text;
    let Some(kind) = Kind::parse(kind_text) else {
        diags.push(row.error(2, format!("unknown kind {kind_text:?}")));
        return None;
    };
    let code = parse_code(row, 3, diags).ok()?;
    let sector = parse_sector(row, 4, diags).ok()?;
    let qid = parse_qid(row, 6, diags).ok()?;
    let mut e = blank(key, kind, row.location());
    e.code = code;
    e.sector = sector;
    e.qid = qid;
    e.name = opt(row.field(5).text);
    e.phrases = list(row.field(1).text).map(String::from).collect();
    for (i, slot) in [(7, &mut e.from), (8, &mut e.to)] {
        let d = row.field(i).text;
        if d.is_empty() {
            continue;
        }
        if !valid_date(d) {
            diags.push(row.error(i, format!("bad date {d:?}, expected YYYY-MM-DD")));
            return None;
        }
        *slot = Some(d.to_string());
    }
    if let (Some(f), Some(t)) = (&e.from, &e.to) {
        if f >= t {
            diags.push(row.error(8, format!("role ends ({t}) before it starts ({f})")));
            return None;
        }
    }
    let attrs = row.field(9);
    for item in attrs.text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let (k, v) = item.split_once('=').unwrap_or((item, ""));
        let v = v.trim();
        match k.trim() {
            "office" => e.office = opt(v),
            "ethnicity" => e.ethnicity = opt(v),
            "religion" => e.religion = opt(v),
            "plural" => e.plural = v.is_empty() || lapwing_lexicon::truthy(v),
            "honorific" => e.honorific = v.is_empty() || lapwing_lexicon::truthy(v),
            "other" => {
                for s in list(v) {
                    match s.parse::<Sector>() {
                        Ok(s) => e.others.push(s),
                        Err(_) => {
                            diags.push(row.error(9, format!("unknown sector {s:?}")));
                            return None;
                        }
                    }
                }
            }
            other => diags.push(row.warning(9, format!("unknown attribute {other:?}"))),
        }
    }
    match kind {
        Kind::Ethnic if e.ethnicity.is_none() => e.ethnicity = e.name.clone(),
        Kind::Religion if e.religion.is_none() => e.religion = e.name.clone(),
        _ => {}
    }
    if kind == Kind::Agent && !e.plural {
        // Most agent nouns in news are plurals in -s; the attribute is for the others.
        e.plural = e.phrases.first().is_some_and(|p| p.ends_with('s') && !p.ends_with("ss"));
    }
    Some(e)
}

fn build(entries: Vec<Entry>, diags: &mut Vec<Diagnostic>) -> Lexicon {
    // Roles of one actor share their phrases: a phrase on any row names the actor.
    let mut base_phrases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in &entries {
        if matches!(e.kind, Kind::Person | Kind::Name) {
            base_phrases.entry(e.base().to_string()).or_default().extend(e.phrases.iter().cloned());
        }
    }
    let mut pattern_ids: FxMap<String, usize> = FxMap::default();
    let mut patterns: Vec<String> = Vec::new();
    let mut targets: Vec<Vec<Target>> = Vec::new();
    let mut single: FxMap<String, Vec<Target>> = FxMap::default();
    // Per phrase, its pattern and the byte length of its first norm (the pattern's text after
    // its leading space): the pattern-start words of `word_class`, added after the loop.
    let mut first_words: Vec<(usize, usize)> = Vec::new();
    let mut anchored = true;
    for (idx, e) in entries.iter().enumerate() {
        let mut forms: Vec<(String, Form)> = Vec::new();
        let own: &[String] = match e.kind {
            Kind::Person | Kind::Name => {
                base_phrases.get(e.base()).map(Vec::as_slice).unwrap_or(&[])
            }
            _ => &e.phrases,
        };
        forms.extend(own.iter().map(|p| (p.clone(), Form::Main)));
        for a in &e.adjectives {
            forms.push((a.clone(), Form::Adj));
            if let Some(d) = demonym(a) {
                forms.push((d, Form::Demonym));
            }
        }
        forms.extend(e.seats.iter().map(|s| (s.clone(), Form::Seat)));
        for (phrase, form) in forms {
            // A plural demonym listed explicitly is written "+Britons"; a group's adjective
            // that names no one alone is written "~Kurdish" (it needs a noun after it).
            let (phrase, form) = if let Some(p) = phrase.strip_prefix('+') {
                (p.to_string(), Form::Demonym)
            } else if let Some(p) = phrase.strip_prefix('~') {
                (p.to_string(), Form::Adj)
            } else {
                (phrase, form)
            };
            let norms = lapwing_text::normalize_phrase(&phrase);
            if norms.is_empty() || norms.iter().any(String::is_empty) {
                diags.push(Diagnostic {
                    file: e.source.rsplit_once(':').map(|(f, _)| f).unwrap_or("").to_string(),
                    line: e.source.rsplit_once(':').and_then(|(_, l)| l.parse().ok()).unwrap_or(0),
                    column: 1,
                    message: format!("phrase {phrase:?} has no matchable words"),
                    severity: lapwing_lexicon::Severity::Warning,
                });
                continue;
            }
            let target = Target { entry: idx, form, case: casing(&phrase) };
            anchored &= norms.iter().all(|n| !n.contains(' '));
            // Single words of countries and organisations, for compounds ("Russian-backed",
            // "Hamas-led") that the automaton cannot see inside.
            if matches!(e.kind, Kind::Country | Kind::Name | Kind::Person) && norms.len() == 1 {
                single.entry(norms[0].clone()).or_default().push(target);
            }
            // Tokens are written " tok " side by side in the haystack, so a pattern
            // " a  b " can only match whole tokens (see matcher.rs).
            let key = format!(" {} ", norms.join("  "));
            let id = *pattern_ids.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                targets.push(Vec::new());
                patterns.len() - 1
            });
            first_words.push((id, norms.first().map_or(0, String::len)));
            if let Some(t) = targets.get_mut(id) {
                // The same phrase written twice ("President|president") matches in the more
                // permissive casing.
                match t.iter_mut().find(|x| x.entry == idx && x.form == form) {
                    Some(x) if x.case != target.case => x.case = Case::Any,
                    Some(_) => {}
                    None => t.push(target),
                }
            }
        }
    }
    // Sized once: grown a doubling at a time from the closed-class words to every
    // pattern-start word, the table's discarded copies raised the peak RSS of a coding run by
    // about 15 MB (mimalloc on transparent huge pages returns freed memory only after a delay,
    // while the worker threads start coding).
    let closed = crate::compose::word_classes();
    let mut word_class: FxMap<String, u16> = FxMap::default();
    word_class.reserve(closed.len() + patterns.len());
    word_class.extend(closed.into_iter().map(|(w, c)| (w.to_string(), u16::from(c))));
    for &(id, len) in &first_words {
        let Some(first) = patterns.get(id).and_then(|p| p.get(1..1 + len)) else { continue };
        match word_class.get_mut(first) {
            Some(c) => *c |= PATTERN_START,
            None => {
                word_class.insert(first.to_string(), PATTERN_START);
            }
        }
    }
    let automaton = if patterns.is_empty() {
        None
    } else {
        // Both start kinds: anchored searches at candidate tokens, unanchored as the fallback.
        match AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&patterns)
        {
            Ok(a) => Some(a),
            Err(err) => {
                diags.push(Diagnostic {
                    file: "actors".into(),
                    line: 0,
                    column: 0,
                    message: format!("cannot build the actor automaton: {err}"),
                    severity: lapwing_lexicon::Severity::Error,
                });
                None
            }
        }
    };
    Lexicon { entries, targets, automaton, single, word_class, anchored }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso3_is_codes_joined_by_single_spaces() {
        let words: Vec<&str> = ISO3.split_whitespace().collect();
        assert!(words.iter().all(|w| w.len() == 3));
        assert_eq!(ISO3, words.join(" "));
        for w in words {
            assert!(valid_code(w).is_some(), "{w}");
        }
        assert!(valid_code("SY").is_none() && valid_code("SYRI").is_none());
    }
}
