//! The geoparser: finds place names in text and resolves each to one gazetteer place.
//!
//! Finding: the text is split into word tokens once; from every capitalised token the parser
//! extends over up to six following tokens, hashing the normalised words as it goes and probing
//! the gazetteer's name index at each step (leftmost-longest wins). That is linear in the text
//! and needs no automaton over a million name variants, which would take seconds to build.
//!
//! Resolving: candidates are ranked by feature type and population, then re-ranked with the
//! document's context (countries and provinces mentioned elsewhere), the "Town, State" pattern
//! and cues against common-word and person-name collisions.

use crate::gazetteer::{Entry, Gazetteer, F_ABBREV, F_ADJ, F_ALT, F_CTX};
use crate::norm::KeyHasher;
use crate::{Feature, PlaceMention};
use std::collections::HashMap;

/// Longest place name in words ("Democratic Republic of the Congo" is 5).
const MAX_WORDS: usize = 6;

/// Words that may stand lower-case inside a multi-word name.
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "la", "le", "les", "del", "della", "di", "da", "do", "dos", "das", "du",
    "des", "al", "el", "and", "y", "e", "en", "sur", "upon", "on", "am", "an", "der", "den", "bin",
    "ibn", "ez", "ad", "as", "ar",
];

/// Lower-case words that may open a region name ("southern Syria", "eastern Ukraine").
const DIRECTIONS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Capitalised words that are never places in running English (months, days, titles...).
const NEVER: &[&str] = &[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "god",
    "allah",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "islam",
    "internet",
    "twitter",
    "facebook",
    "president",
    "minister",
    "king",
    "queen",
    "prince",
    "lord",
    "mount",
    "lake",
    "river",
    "university",
    "city",
    "state",
    "county",
    "province",
    "district",
    "region",
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "new",
    "saint",
    "st",
    "san",
    "santa",
    "fort",
    "port",
    "bay",
    "island",
    "islands",
    "valley",
    "beach",
    "park",
    "street",
    "road",
    "avenue",
    "church",
    "hospital",
    "airport",
    "station",
    "centre",
    "center",
    "house",
    "hall",
    "court",
    "home",
    "office",
    "police",
    "army",
    "navy",
    "force",
    "forces",
    "party",
    "union",
    "council",
    "government",
    "republic",
    "kingdom",
    "democratic",
    "national",
    "international",
    "federal",
    "royal",
    "united",
    "people",
    "news",
    "post",
    "times",
    "world",
    "global",
    "daily",
    "press",
    "media",
    "group",
    "company",
    "bank",
    "market",
    "trade",
    "energy",
    "health",
    "hope",
    "faith",
    "liberty",
    "independence",
    "victory",
    "freedom",
    "justice",
    "unity",
    "peace",
    "love",
    "friendship",
    "harmony",
    "progress",
    "enterprise",
    "commerce",
    "industry",
    "reading",
    "nice",
    "mobile",
    "bath",
    "split",
    "of",
    "as",
    "is",
    "it",
    "in",
    "on",
    "at",
    "to",
    "by",
    "or",
    "an",
    "be",
    "we",
    "he",
    "she",
    "they",
    "you",
    "his",
    "her",
    "our",
    "its",
    "man",
    "bar",
    "van",
    "best",
    "gap",
    "bonus",
    "marathon",
    "sale",
    "deal",
    "day",
    "time",
    "year",
    "will",
    "can",
    "must",
    "said",
    "says",
    "says",
    "only",
    "also",
    "more",
    "most",
    "many",
    "much",
    "some",
    "all",
    "any",
    "one",
    "two",
    "three",
    "ten",
    "first",
    "last",
    "next",
    "early",
    "late",
    "long",
    "short",
    "high",
    "low",
    "big",
    "little",
    "small",
    "great",
    "grand",
    "good",
    "bad",
    "young",
    "old",
    "black",
    "white",
    "red",
    "green",
    "blue",
    "brown",
    "gold",
    "silver",
    "rich",
    "poor",
    "free",
    "fair",
    "just",
    "mission",
    "parish",
    "post",
    "plain",
    "plains",
    "orange",
    "lemon",
    "olive",
    "palm",
    "rose",
    "lily",
    "iris",
    "star",
    "sun",
    "moon",
    "sky",
    "rock",
    "stone",
    "hill",
    "hills",
    "wood",
    "woods",
    "forest",
    "field",
    "fields",
    "spring",
    "springs",
    "summer",
    "winter",
    "autumn",
    "fall",
    "wells",
    "mill",
    "mills",
    "bridge",
    "cross",
    "gate",
    "castle",
    "tower",
    "temple",
    "abbey",
    "chapel",
    "college",
    "school",
    "academy",
    "institute",
    "museum",
    "library",
    "stadium",
    "arena",
    "club",
    "team",
    "league",
    "cup",
    "championship",
    "olympic",
    "olympics",
    "world",
    "media",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "conservative",
    "liberal",
    "labour",
    "labor",
    "green",
    "greens",
    "social",
    "socialist",
    "communist",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "cabinet",
    "ministry",
    "department",
    "agency",
    "commission",
    "committee",
    "authority",
    "service",
    "services",
    "council",
    "court",
    "supreme",
    "general",
    "colonel",
    "major",
    "captain",
    "sergeant",
    "officer",
    "chief",
    "director",
    "manager",
    "secretary",
    "chairman",
    "governor",
    "mayor",
    "senator",
    "judge",
    "professor",
    "doctor",
    "father",
    "mother",
    "son",
    "daughter",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "child",
    "baby",
    "boy",
    "girl",
    "lady",
    "gentleman",
    "friend",
    "guest",
    "host",
    "user",
    "member",
    "citizen",
    "resident",
    "wednesday",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
    "then",
    "here",
    "there",
    "where",
    "when",
    "why",
    "how",
    "what",
    "who",
    "which",
    "while",
    "after",
    "before",
    "during",
    "since",
    "until",
    "although",
    "because",
    "however",
    "meanwhile",
    "moreover",
    "despite",
    "unlike",
    "like",
    "please",
    "thank",
    "thanks",
    "yes",
    "no",
    "not",
    "never",
    "always",
    "again",
    "still",
    "even",
    "ever",
    "very",
    "well",
    "way",
    "home",
    "hero",
    "heroes",
    "dollar",
    "euro",
    "pound",
    "gas",
    "oil",
    "water",
    "fire",
    "ice",
    "snow",
    "rain",
    "storm",
    "wind",
    "flood",
    "drought",
    "virus",
    "flu",
    "fever",
    "ebola",
    "zika",
    "cholera",
    "malaria",
    "polio",
    "aids",
    "sars",
    "mers",
    "covid",
    "avian",
    "swine",
    "bird",
    "cattle",
    "horse",
    "dog",
    "cat",
    "fish",
    "eagle",
    "lion",
    "bear",
    "wolf",
    "fox",
    "deer",
    "buffalo",
    "salmon",
    "trout",
    "cherry",
    "apple",
    "grape",
    "wine",
    "beer",
    "tea",
    "coffee",
    "sugar",
    "salt",
    "bread",
    "cake",
    "pie",
    "corn",
    "rice",
    "wheat",
    "cotton",
    "silk",
    "diamond",
    "pearl",
    "ruby",
    "crystal",
    "amber",
    "jade",
    "coral",
    "ivory",
    "ebony",
    "marble",
    "granite",
    "steel",
    "iron",
    "copper",
    "tin",
    "lead",
    "zinc",
    "carbon",
    "hydrogen",
    "oxygen",
    "nitrogen",
    "paradise",
    "eden",
    "heaven",
    "hell",
    "zion",
    "angel",
    "angels",
    "devil",
    "saints",
    "trinity",
    "providence",
    "grace",
    "mercy",
    "charity",
    "patience",
    "prudence",
    "constance",
    "felicity",
    "joy",
    "bliss",
    "glory",
    "triumph",
    "success",
    "fortune",
    "luck",
    "chance",
    "destiny",
    "ideal",
    "model",
    "normal",
    "standard",
    "regular",
    "general",
    "special",
    "official",
    "public",
    "private",
    "personal",
    "central",
    "federal",
    "local",
    "regional",
    "national",
    "urban",
    "rural",
    "media",
    "medical",
    "police",
    "security",
    "defence",
    "defense",
    "intelligence",
    "foreign",
    "domestic",
    "economic",
    "financial",
    "political",
    "military",
    "civil",
    "criminal",
    "legal",
    "judicial",
    "executive",
    "legislative",
    "administrative",
    "temporary",
    "permanent",
    "current",
    "former",
    "future",
    "previous",
    "recent",
    "modern",
    "ancient",
    "classic",
    "classical",
    "traditional",
    "original",
    "final",
    "total",
    "complete",
    "whole",
    "entire",
    "main",
    "major",
    "minor",
    "primary",
    "secondary",
    "senior",
    "junior",
    "middle",
    "upper",
    "lower",
    "inner",
    "outer",
    "front",
    "back",
    "side",
    "top",
    "bottom",
    "left",
    "right",
    "center",
    "centre",
    "average",
    "medium",
    "mid",
    "midway",
    "halfway",
    "union",
    "alliance",
    "coalition",
    "federation",
    "confederation",
    "association",
    "society",
    "foundation",
    "trust",
    "fund",
    "institute",
    "organisation",
    "organization",
    "network",
    "system",
    "program",
    "programme",
    "project",
    "plan",
    "policy",
    "strategy",
    "campaign",
    "initiative",
    "movement",
    "revolution",
    "reform",
    "change",
    "development",
    "growth",
    "recovery",
    "crisis",
    "conflict",
    "war",
    "battle",
    "attack",
    "strike",
    "protest",
    "march",
    "rally",
    "vote",
    "election",
    "poll",
    "survey",
    "report",
    "study",
    "research",
    "review",
    "analysis",
    "data",
    "information",
    "evidence",
    "fact",
    "facts",
    "truth",
    "lie",
    "lies",
    "story",
    "stories",
    "event",
    "events",
    "meeting",
    "summit",
    "conference",
    "forum",
    "session",
    "talks",
    "agreement",
    "treaty",
    "accord",
    "pact",
    "deal",
    "contract",
    "law",
    "act",
    "bill",
    "rule",
    "rules",
    "order",
    "decree",
    "ban",
    "sanction",
    "sanctions",
    "aid",
    "relief",
    "rescue",
    "help",
    "support",
    "care",
    "safety",
    "risk",
    "danger",
    "threat",
    "warning",
    "alert",
    "emergency",
    "disaster",
    "accident",
    "incident",
    "case",
    "cases",
    "death",
    "deaths",
    "life",
    "lives",
    "birth",
    "age",
    "ages",
    "era",
    "period",
    "moment",
    "second",
    "minute",
    "hour",
    "week",
    "month",
    "decade",
    "century",
    "millennium",
    "amazon",
    "apple",
    "google",
    "microsoft",
    "tesla",
    "ford",
    "boeing",
    "airbus",
    "uber",
    "reuters",
    "associated",
    "agence",
    "bloomberg",
    "cnn",
    "bbc",
    "abc",
    "cbs",
    "nbc",
    "fox",
    "sky",
    "al",
    "jazeera",
];

/// First names that are also towns: followed by a capitalised word they are a person.
const FIRST_NAMES: &[&str] = &[
    "jordan",
    "austin",
    "chelsea",
    "florence",
    "charlotte",
    "victoria",
    "eugene",
    "paris",
    "madison",
    "tyler",
    "marion",
    "warren",
    "douglas",
    "troy",
    "regina",
    "helena",
    "beatrice",
    "savannah",
    "aurora",
    "lincoln",
    "kent",
    "sydney",
    "adelaide",
    "georgia",
    "virginia",
    "carolina",
    "dallas",
    "houston",
    "clinton",
    "jackson",
    "hamilton",
    "howard",
    "milton",
    "preston",
    "chester",
    "lancaster",
    "winston",
    "wellington",
    "mitchell",
    "sherman",
    "cleveland",
    "franklin",
    "washington",
    "israel",
    "india",
    "china",
    "chad",
    "jersey",
    "brooklyn",
    "phoenix",
    "dakota",
    "montana",
    "nevada",
    "elizabeth",
    "alexandria",
    "bethany",
    "camden",
    "dayton",
    "denver",
    "logan",
    "mason",
    "quincy",
    "salem",
    "orlando",
    "antonio",
    "luis",
    "jose",
    "carmen",
    "mercedes",
    "dolores",
    "lourdes",
    "rosario",
    "santiago",
    "martin",
    "irving",
    "vernon",
    "stanley",
    "sheldon",
    "clifton",
];

/// Words that introduce a location.
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "from",
    "to",
    "into",
    "across",
    "around",
    "throughout",
    "of",
    "towards",
    "toward",
    "between",
    "within",
    "via",
    "through",
    "around",
    "beyond",
];

/// Words after a name that mark it as a division ("Sweida province", "Idlib Governorate").
const DIVISION_WORDS: &[&str] = &[
    "province",
    "governorate",
    "state",
    "region",
    "oblast",
    "prefecture",
    "district",
    "department",
    "krai",
    "territory",
    "provinces",
    "county",
];

/// Titles and function words that may precede a place without making it part of a name.
const SOFT_PREV: &[&str] = &[
    "the",
    "in",
    "at",
    "on",
    "of",
    "from",
    "to",
    "and",
    "or",
    "but",
    "for",
    "by",
    "with",
    "near",
    "as",
    "a",
    "an",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "across",
    "into",
    "both",
    "all",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "greater",
    "upper",
    "lower",
    "metro",
    "downtown",
    "rural",
    "suburban",
    "outside",
    "inside",
    "throughout",
    "via",
    "between",
    "where",
    "that",
    "this",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "its",
    "my",
    "your",
    "new",
    "old",
    "said",
    "says",
    "like",
    "than",
    "about",
    "over",
    "under",
    "against",
    "including",
    "among",
    "visit",
    "visiting",
    "born",
];

#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    /// First character is upper-case.
    cap: bool,
    /// Every letter is upper-case (and there are at least two).
    caps: bool,
    /// Only spaces or one hyphen separate this token from the next.
    joins_next: bool,
    /// Preceded by sentence-final punctuation (or the start of text).
    sent_start: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    let mut sent_start = true;
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            if matches!(
                c,
                '.' | '!' | '?' | '\n' | ':' | ';' | '"' | '“' | '”' | '(' | '[' | '|' | '—' | '–'
            ) {
                sent_start =
                    sent_start || matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '(' | '|');
            }
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut upper = 0usize;
        let mut letters = 0usize;
        let mut dotted = false;
        let mut count = |ch: char| {
            if ch.is_alphabetic() {
                letters += 1;
                if ch.is_uppercase() {
                    upper += 1;
                }
            }
        };
        count(c);
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                count(d);
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            let internal = matches!(d, '\'' | '’' | '.');
            if !internal {
                break;
            }
            // An apostrophe or period joins two word parts ("Dar'a", "U.S") but not a
            // possessive ("Russia's") or the end of a sentence.
            let rest = &text[j + d.len_utf8()..];
            let mut rc = rest.chars();
            let next = rc.next();
            match next {
                Some(n) if n.is_alphanumeric() => {
                    if d != '.'
                        && (n == 's' || n == 'S')
                        && !rc.next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    if d == '.' {
                        dotted = true;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
                _ => {
                    if d == '.' && dotted {
                        // Final period of a dotted abbreviation ("U.S.").
                        end = j + 1;
                        it.next();
                    }
                    break;
                }
            }
        }
        let first_upper = c.is_uppercase();
        toks.push(Token {
            start,
            end,
            cap: first_upper,
            caps: letters >= 2 && upper == letters,
            joins_next: false,
            sent_start,
        });
        sent_start = false;
        if dotted && end > 0 && bytes.get(end - 1) == Some(&b'.') {
            // "U.S." ends a sentence as often as not; the next word may be capitalised anyway.
            sent_start = true;
        }
    }
    for k in 0..toks.len().saturating_sub(1) {
        let gap = text.get(toks[k].end..toks[k + 1].start).unwrap_or(",");
        toks[k].joins_next = !gap.is_empty()
            && gap.len() <= 3
            && gap.chars().all(|c| c == ' ' || c == '-')
            && gap.matches('-').count() <= 1;
    }
    toks
}

fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.len() > 24 {
        return false;
    }
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    list.contains(&w)
}

/// A matched span before resolution.
#[derive(Clone, Debug)]
struct Raw<'g> {
    t0: usize,
    t1: usize,
    start: usize,
    end: usize,
    cands: Vec<&'g Entry>,
}

/// Finds and resolves place mentions. Build once per gazetteer and reuse.
#[derive(Debug)]
pub struct Geoparser<'g> {
    gaz: &'g Gazetteer,
}

impl<'g> Geoparser<'g> {
    /// A parser over the given gazetteer.
    pub fn new(gaz: &'g Gazetteer) -> Self {
        Geoparser { gaz }
    }

    /// The gazetteer this parser resolves against.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gaz
    }

    /// All place mentions in `text`, in text order, with byte offsets.
    pub fn parse(&self, text: &str) -> Vec<PlaceMention> {
        let toks = tokenize(text);
        let raws = self.find(text, &toks);
        self.resolve(text, &toks, raws)
    }

    fn find(&self, text: &str, toks: &[Token]) -> Vec<Raw<'g>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let word = &text[t.start..t.end];
            let dir_start = !t.cap && lower_in(word, DIRECTIONS);
            if !t.cap && !dir_start {
                i += 1;
                continue;
            }
            let mut kh = KeyHasher::new();
            let mut best: Option<(usize, Vec<&'g Entry>)> = None;
            let mut j = i;
            while j < toks.len() && j < i + MAX_WORDS {
                let tj = toks[j];
                let w = &text[tj.start..tj.end];
                if j > i {
                    if !toks[j - 1].joins_next {
                        break;
                    }
                    if !tj.cap && !lower_in(w, CONNECTORS) {
                        break;
                    }
                    kh.sep();
                }
                kh.push_str(w);
                if tj.cap && !(dir_start && j == i) {
                    let cands = self.filter(
                        text,
                        toks,
                        i,
                        j,
                        self.gaz.candidates(Some(kh.finish())),
                        dir_start,
                    );
                    if !cands.is_empty() {
                        best = Some((j, cands));
                    }
                }
                j += 1;
            }
            match best {
                Some((j, cands)) => {
                    out.push(Raw { t0: i, t1: j, start: t.start, end: toks[j].end, cands });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Candidates of a span that its spelling and surroundings allow.
    fn filter(
        &self,
        text: &str,
        toks: &[Token],
        i: usize,
        j: usize,
        es: &'g [Entry],
        dir: bool,
    ) -> Vec<&'g Entry> {
        let all_caps = toks[i..=j].iter().all(|t| t.caps || !t.cap);
        let letters: usize = toks[i..=j]
            .iter()
            .map(|t| text[t.start..t.end].chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        let after_comma = i >= 1 && toks[i - 1].cap && {
            let gap = text.get(toks[i - 1].end..toks[i].start).unwrap_or("");
            gap.trim() == ","
        };
        es.iter()
            .filter(|e| {
                let Some(p) = self.gaz.places.get(e.place as usize) else { return false };
                if dir && p.feature != Feature::Region {
                    return false;
                }
                if e.flags & F_ABBREV != 0 && !all_caps {
                    return false;
                }
                if e.flags & F_CTX != 0 && !after_comma {
                    return false;
                }
                // Short words in capitals ("IN", "AS", "IT") are headline words, not places.
                if all_caps && letters <= 3 && e.flags & (F_ABBREV | F_CTX) == 0 {
                    return false;
                }
                true
            })
            .collect()
    }

    fn base_score(&self, e: &Entry) -> f64 {
        let (Some(p), Some(m)) =
            (self.gaz.places.get(e.place as usize), self.gaz.meta.get(e.place as usize))
        else {
            return f64::MIN;
        };
        match p.feature {
            Feature::Country => 100.0,
            Feature::Region => 95.0,
            Feature::Admin1 => 62.0,
            Feature::Admin2 => 35.0,
            Feature::City | Feature::Other => {
                10.0 * ((p.population as f64) + 10.0).log10()
                    + if m.capital { 8.0 } else { 0.0 }
                    // GeoNames alternate names include former names ("Pokrovsk" for Engels): a town
                    // whose current name it is should win over one that once bore it.
                    - if e.flags & F_ALT != 0 { 10.0 } else { 0.0 }
            }
        }
    }

    fn pick(&self, cands: &[&'g Entry], score: impl Fn(&Entry) -> f64) -> Option<(&'g Entry, f64)> {
        let mut best: Option<(&'g Entry, f64)> = None;
        for &e in cands {
            let s = score(e);
            // Ties go to the lower place index, which is stable across runs.
            if best.is_none_or(|(b, bs)| s > bs || (s == bs && e.place < b.place)) {
                best = Some((e, s));
            }
        }
        best
    }

    fn resolve(&self, text: &str, toks: &[Token], raws: Vec<Raw<'g>>) -> Vec<PlaceMention> {
        let g = self.gaz;
        // Pass 1: context-free choice, used to learn which countries/provinces the text is about.
        let first: Vec<Option<&'g Entry>> = raws
            .iter()
            .map(|r| self.pick(&r.cands, |e| self.base_score(e)).map(|(e, _)| e))
            .collect();
        let mut ctx_country: HashMap<u32, u32> = HashMap::new();
        let mut ctx_admin1: HashMap<u32, u32> = HashMap::new();
        // Adjectives ("Russian forces") say who acts, not where the text is set.
        for e in first.iter().flatten().filter(|e| e.flags & F_ADJ == 0) {
            if let Some(m) = g.meta.get(e.place as usize) {
                if let Some(c) = m.country {
                    *ctx_country.entry(c).or_default() += 1;
                }
                if let Some(a) = m.admin1 {
                    *ctx_admin1.entry(a).or_default() += 1;
                }
            }
        }
        let mut out = Vec::with_capacity(raws.len());
        for (k, r) in raws.iter().enumerate() {
            let own = first[k].and_then(|e| g.meta.get(e.place as usize));
            let own_c = own.and_then(|m| m.country);
            let own_a = own.and_then(|m| m.admin1);
            // "Town, State": the next mention right after a comma contains this one.
            let container: Vec<u32> = match raws.get(k + 1) {
                Some(n) if text.get(r.end..n.start).is_some_and(|gap| gap.trim() == ",") => {
                    n.cands.iter().map(|e| e.place).collect()
                }
                _ => Vec::new(),
            };
            let contained: Vec<u32> = match k.checked_sub(1).and_then(|p| raws.get(p)) {
                Some(p) if text.get(p.end..r.start).is_some_and(|gap| gap.trim() == ",") => p
                    .cands
                    .iter()
                    .filter_map(|e| g.meta.get(e.place as usize))
                    .flat_map(|m| [m.country, m.admin1])
                    .flatten()
                    .collect(),
                _ => Vec::new(),
            };
            let division = toks.get(r.t1 + 1).is_some_and(|nt| {
                toks[r.t1].joins_next && lower_in(&text[nt.start..nt.end], DIVISION_WORDS)
            });
            // A city and the province named after it ("Aleppo", "As-Suwayda"): the city is meant
            // unless the province is said, or the province dwarfs the city (Quebec).
            let city_over_division = |p: &crate::Place, m: &crate::gazetteer::Meta| -> bool {
                p.feature == Feature::City
                    && m.admin1.is_some_and(|a| {
                        r.cands.iter().any(|c| c.place == a)
                            && g.places
                                .get(a as usize)
                                .is_some_and(|ap| p.population * 5 >= ap.population)
                    })
            };
            let suppressed_division: Option<u32> = if division {
                None
            } else {
                r.cands.iter().find_map(|e| {
                    let (p, m) = (g.places.get(e.place as usize)?, g.meta.get(e.place as usize)?);
                    if city_over_division(p, m) {
                        m.admin1
                    } else {
                        None
                    }
                })
            };
            let score = |e: &Entry| -> f64 {
                let mut s = self.base_score(e);
                if suppressed_division == Some(e.place) {
                    s -= 100.0;
                }
                let (Some(p), Some(m)) =
                    (g.places.get(e.place as usize), g.meta.get(e.place as usize))
                else {
                    return s;
                };
                if let Some(c) = m.country {
                    let n = ctx_country
                        .get(&c)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(u32::from(own_c == Some(c)));
                    if n > 0 {
                        s += match p.feature {
                            Feature::Country => 20.0,
                            Feature::Admin1 => 45.0,
                            Feature::Admin2 => 30.0,
                            _ => 25.0,
                        };
                    }
                }
                if let Some(a) = m.admin1 {
                    let n = ctx_admin1
                        .get(&a)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(u32::from(own_a == Some(a)));
                    if n > 0 && p.feature != Feature::Admin1 {
                        s += 20.0;
                    }
                }
                if container.iter().any(|&c| m.country == Some(c) || m.admin1 == Some(c)) {
                    s += 200.0;
                }
                if contained.contains(&e.place) {
                    s += 200.0;
                }
                s
            };
            let Some((e, s)) = self.pick(&r.cands, score) else { continue };
            let Some(place) = g.places.get(e.place as usize) else { continue };
            if !self.plausible(text, toks, r, place.feature, place.population, s) {
                continue;
            }
            out.push(PlaceMention {
                start: r.start,
                end: r.end,
                text: text[r.start..r.end].to_string(),
                place: place.clone(),
                is_adjectival: e.flags & F_ADJ != 0,
            });
        }
        out
    }

    /// Rejects common words and person names that happen to be town names.
    fn plausible(
        &self,
        text: &str,
        toks: &[Token],
        r: &Raw<'_>,
        feature: Feature,
        pop: u64,
        score: f64,
    ) -> bool {
        let single = r.t0 == r.t1;
        let span = &text[r.start..r.end];
        let first = &text[toks[r.t0].start..toks[r.t0].end];
        let town = matches!(feature, Feature::City | Feature::Admin2 | Feature::Other);
        let prev = r.t0.checked_sub(1).map(|p| (toks[p], &text[toks[p].start..toks[p].end]));
        let locative =
            prev.is_some_and(|(pt, w)| pt.joins_next && !pt.cap && lower_in(w, LOCATIVE));
        if single && lower_in(span, NEVER) {
            // Months and weekdays are never places; other common words only after "in", "near"...
            if lower_in(span, &NEVER[..19]) || !town || !locative {
                return false;
            }
        }
        if town {
            // "Hillary Clinton", "Theresa May": a capitalised word right before a town name
            // that is not itself a place or a function word makes it a person.
            if let Some((pt, w)) = prev {
                if pt.cap
                    && pt.joins_next
                    && !lower_in(w, SOFT_PREV)
                    && pop < 1_000_000
                    && score < 150.0
                {
                    return false;
                }
            }
            if single && lower_in(first, FIRST_NAMES) {
                if let Some(nt) = toks.get(r.t1 + 1) {
                    if toks[r.t1].joins_next && nt.cap && score < 150.0 {
                        return false;
                    }
                }
            }
            // Any capitalised word can open a sentence: a town name there needs more support.
            if single && toks[r.t0].sent_start && pop < 100_000 && score < 70.0 && !locative {
                return false;
            }
            // Small towns need support: a locative cue, or the document's context.
            if pop < 15_000 && score < 60.0 && !locative {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        let t = "Russia’s U.S. ally, Dar'a and As-Suwayda.";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(words, ["Russia", "s", "U.S.", "ally", "Dar'a", "and", "As", "Suwayda"]);
        assert!(toks[6].joins_next);
        assert!(!toks[3].joins_next);
    }

    #[test]
    fn garbage_does_not_panic() {
        let g = crate::Gazetteer::from_tsv_sources(&[]);
        assert!(g.is_ok());
        if let Ok(g) = g {
            let p = Geoparser::new(&g);
            for s in ["", ".", "’s", "U.", "A.B.C.", "é’", "\u{0}\u{FFFF}", "'''...---", "İstanbul"]
            {
                assert!(p.parse(s).is_empty());
            }
        }
    }
}
