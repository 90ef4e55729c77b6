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
    "ibn", "ez", "ad", "as", "ar", "au", "aux", "kwa", "im", "bei", "lès", "sul", "op", "aan",
    "het",
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
    "xinhua",
    "tass",
    "afp",
    "ria",
    "novosti",
    "yonhap",
    "kyodo",
    "interfax",
    "anadolu",
    "wafa",
    "sana",
    "irna",
    "but",
    "and",
    "the",
    "if",
    "so",
    "yet",
    "for",
    "nor",
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

/// Given names that stand alone in text far more often than the towns called so.
const LONE_NAMES: &[&str] = &[
    "david",
    "thomas",
    "jack",
    "robert",
    "christian",
    "john",
    "james",
    "michael",
    "william",
    "richard",
    "joseph",
    "charles",
    "daniel",
    "paul",
    "mark",
    "peter",
    "george",
    "edward",
    "henry",
    "frank",
    "anthony",
    "steven",
    "andrew",
    "kevin",
    "brian",
    "gary",
    "eric",
    "scott",
    "stephen",
    "jeffrey",
    "ryan",
    "jacob",
    "nicholas",
    "jonathan",
    "justin",
    "brandon",
    "samuel",
    "benjamin",
    "patrick",
    "alexander",
    "tyler",
    "aaron",
    "adam",
    "nathan",
    "zachary",
    "kyle",
    "walter",
    "harold",
    "carl",
    "arthur",
    "roger",
    "albert",
    "lawrence",
    "bruce",
    "ralph",
    "roy",
    "louis",
    "eugene",
    "russell",
    "bobby",
    "philip",
    "johnny",
    "mary",
    "patricia",
    "linda",
    "barbara",
    "susan",
    "margaret",
    "sarah",
    "karen",
    "nancy",
    "lisa",
    "betty",
    "sandra",
    "ashley",
    "kimberly",
    "donna",
    "emily",
    "michelle",
    "carol",
    "amanda",
    "melissa",
    "deborah",
    "stephanie",
    "rebecca",
    "laura",
    "sharon",
    "cynthia",
    "kathleen",
    "amy",
    "shirley",
    "angela",
    "anna",
    "ruth",
    "brenda",
    "pamela",
    "nicole",
    "katherine",
    "virginia",
    "catherine",
    "christine",
    "samantha",
    "debra",
    "janet",
    "rachel",
    "carolyn",
    "emma",
    "maria",
    "heather",
    "diane",
    "julie",
    "joyce",
    "evelyn",
    "frances",
    "joan",
    "christina",
    "kelly",
    "martha",
    "lauren",
    "victoria",
    "judith",
    "cheryl",
    "megan",
    "alice",
    "ann",
    "jean",
    "doris",
    "andrea",
    "marie",
    "kathryn",
    "grace",
    "sophia",
    "isabella",
    "olivia",
    "ava",
    "mia",
    "abigail",
    "madison",
    "elizabeth",
    "dennis",
    "jerry",
    "terry",
    "sean",
    "gregory",
    "raymond",
    "jose",
    "juan",
    "carlos",
    "luis",
    "jesus",
    "miguel",
    "pedro",
    "ali",
    "mohammed",
    "muhammad",
    "ahmed",
    "omar",
    "hassan",
    "hussein",
    "ibrahim",
    "mustafa",
    "khalid",
    "obama",
    "trump",
    "clinton",
    "bush",
    "putin",
    "vladimir",
    "xi",
    "lu",
    "li",
    "wang",
    "zhang",
    "liu",
    "chen",
    "kim",
    "lee",
    "park",
    "nguyen",
];

/// Honorifics written with a period before a surname.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof",
    "insp", "cpl", "maj", "adm", "pres", "supt", "rev", "fr", "hon", "det", "cst",
];

/// Verbs of saying that follow a person's surname.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "noted",
    "wrote",
    "argued",
    "asked",
    "replied",
    "stated",
    "testified",
    "tweeted",
    "recalled",
    "insisted",
    "admitted",
    "warned",
    "believes",
    "thinks",
    "who",
];

const MONTHS_DAYS: &[&str] = &[
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
    /// End including a possessive "'s" ("People's"); equals `end` when there is none.
    full_end: usize,
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
        let mut poss_end = 0usize;
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
                        // Possessive: the place is the word before it, but "People's Republic"
                        // is a name, so the "'s" is kept aside rather than dropped.
                        it.next();
                        it.next();
                        poss_end = j + d.len_utf8() + 1;
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
        // "d'Ivoire", "l'Aquila": an elided article before a capitalised name.
        let mut cs = text[start..end].chars();
        let elided = matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('\'' | '’'), Some(b)) if a.is_lowercase() && b.is_uppercase());
        toks.push(Token {
            start,
            end,
            cap: c.is_uppercase() || elided,
            caps: letters >= 2 && upper == letters,
            joins_next: false,
            sent_start,
            full_end: end.max(poss_end),
        });
        sent_start = false;
        if dotted && end > 0 && bytes.get(end - 1) == Some(&b'.') {
            // "U.S." ends a sentence as often as not; the next word may be capitalised anyway.
            sent_start = true;
        }
    }
    for k in 0..toks.len().saturating_sub(1) {
        let gap = text.get(toks[k].full_end..toks[k + 1].start).unwrap_or(",");
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
    /// A one-word name that is also an ordinary English word ("Nice", "Reading").
    common: bool,
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
            let mut best: Option<(usize, usize, Vec<&'g Entry>, bool)> = None;
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
                let mut core = kh;
                core.push_str(w);
                kh.push_str(&text[tj.start..tj.full_end]);
                if tj.cap && !(dir_start && j == i) {
                    // State abbreviations ("Ky.", "TX") only count right after "Town, ".
                    let after_place = i >= 1
                        && out.last().is_some_and(|p: &Raw<'g>| p.t1 + 1 == i)
                        && text.get(toks[i - 1].end..t.start).is_some_and(|g| g.trim() == ",");
                    for (h, end) in [(core.finish(), tj.end), (kh.finish(), tj.full_end)] {
                        if end == tj.end && h != core.finish() {
                            continue;
                        }
                        let cands = self.filter(
                            text,
                            toks,
                            (i, j),
                            self.gaz.candidates(Some(h)),
                            dir_start,
                            after_place,
                        );
                        if !cands.is_empty() {
                            let common = i == j && self.gaz.common.contains(&h);
                            best = Some((j, end, cands, common));
                            break;
                        }
                    }
                }
                j += 1;
            }
            match best {
                Some((j, end, cands, common)) => {
                    out.push(Raw { t0: i, t1: j, start: t.start, end, cands, common });
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
        (i, j): (usize, usize),
        es: &'g [Entry],
        dir: bool,
        after_comma: bool,
    ) -> Vec<&'g Entry> {
        let all_caps = toks[i..=j].iter().all(|t| t.caps || !t.cap);
        let letters: usize = toks[i..=j]
            .iter()
            .map(|t| text[t.start..t.end].chars().filter(|c| c.is_alphabetic()).count())
            .sum();
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
                // Short alternate names ("But" for Buta, "IVe" for a Paris district) are
                // mostly noise; the main name is what news uses for small places.
                if e.flags & F_ALT != 0 && i == j && letters <= 4 && p.population < 100_000 {
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
            // Shared demonyms ("American") go to the most populous country.
            Feature::Country => 100.0 + (p.population as f64 + 1.0).log10() / 10.0,
            Feature::Region => 95.0,
            Feature::Admin1 => 62.0,
            Feature::Admin2 => 30.0 + 5.0 * ((p.population as f64) + 10.0).log10(),
            Feature::City | Feature::Other => {
                10.0 * ((p.population as f64) + 10.0).log10()
                    + if m.capital { 8.0 } else { 0.0 }
                    // GeoNames alternate names include former names ("Pokrovsk" for Engels): a town
                    // whose current name it is should win over one that once bore it.
                    - if e.flags & F_ALT != 0 { 10.0 } else { 0.0 }
            }
        }
    }

    /// Scores every candidate of every raw match. `ctx` (countries and divisions the text
    /// mentions) and `near` (points other mentions resolved to) are empty on the first pass.
    fn choose(
        &self,
        text: &str,
        toks: &[Token],
        raws: &[Raw<'g>],
        prev: Option<&[Choice<'g>]>,
    ) -> Vec<Choice<'g>> {
        let g = self.gaz;
        let mut ctx_country: HashMap<u32, u32> = HashMap::new();
        let mut ctx_admin1: HashMap<u32, u32> = HashMap::new();
        let mut admin1_by_country: HashMap<u32, Vec<u32>> = HashMap::new();
        // Points of the places other mentions resolved to (towns and counties only: provinces
        // and countries are too big to say which of two namesakes is meant).
        let mut points: Vec<(usize, f64, f64)> = Vec::new();
        if let Some(prev) = prev {
            for (k, e) in prev.iter().enumerate() {
                let Some((e, _, _)) = e else { continue };
                // Adjectives ("Russian forces") say who acts, not where the text is set.
                if e.flags & F_ADJ != 0 {
                    continue;
                }
                let (Some(p), Some(m)) =
                    (g.places.get(e.place as usize), g.meta.get(e.place as usize))
                else {
                    continue;
                };
                if let Some(c) = m.country {
                    *ctx_country.entry(c).or_default() += 1;
                }
                if let Some(a) = m.admin1 {
                    *ctx_admin1.entry(a).or_default() += 1;
                    if let Some(c) = m.country {
                        let v = admin1_by_country.entry(c).or_default();
                        if !v.contains(&a) && v.len() < 8 {
                            v.push(a);
                        }
                    }
                }
                if matches!(p.feature, Feature::City | Feature::Admin2) && points.len() < MAX_POINTS
                {
                    points.push((k, p.lat, p.lon));
                }
            }
        }
        let mut out = Vec::with_capacity(raws.len());
        for (k, r) in raws.iter().enumerate() {
            let own = prev
                .and_then(|p| p.get(k).copied().flatten())
                .and_then(|(e, _, _)| g.meta.get(e.place as usize));
            let own_c = own.and_then(|m| m.country);
            let own_a = own.and_then(|m| m.admin1);
            // "Town, State": the next mention right after a comma contains this one.
            let comma_after = raws
                .get(k + 1)
                .filter(|n| text.get(r.end..n.start).is_some_and(|gap| gap.trim() == ","));
            let comma_before = k
                .checked_sub(1)
                .and_then(|p| raws.get(p))
                .filter(|p| text.get(p.end..r.start).is_some_and(|gap| gap.trim() == ","));
            let division = toks.get(r.t1 + 1).is_some_and(|nt| {
                toks[r.t1].joins_next && lower_in(&text[nt.start..nt.end], DIVISION_WORDS)
            });
            // A city and the province named after it ("Aleppo", "As-Suwayda"): the city is meant
            // unless the province is said, or the province dwarfs the city (Quebec).
            let suppressed_division: Option<u32> = if division {
                None
            } else {
                r.cands.iter().find_map(|e| {
                    let (p, m) = (g.places.get(e.place as usize)?, g.meta.get(e.place as usize)?);
                    let a = m.admin1?;
                    let big = g.places.get(a as usize)?.population;
                    (p.feature == Feature::City
                        && r.cands.iter().any(|c| c.place == a)
                        && p.population * 5 >= big)
                        .then_some(a)
                })
            };
            let many = r.cands.len() > 1;
            // "Mexico", "Georgia": when the words name a country, towns that once bore the name
            // (or are called after it) rarely win.
            let names_country = r.cands.iter().any(|e| {
                e.flags & F_ADJ == 0
                    && g.places.get(e.place as usize).is_some_and(|p| p.feature == Feature::Country)
            });
            let score = |e: &Entry| -> (f64, Support) {
                let mut s = self.base_score(e);
                let mut sup = Support::default();
                let (Some(p), Some(m)) =
                    (g.places.get(e.place as usize), g.meta.get(e.place as usize))
                else {
                    return (s, sup);
                };
                if suppressed_division == Some(e.place) {
                    s -= 100.0;
                }
                if names_country && matches!(p.feature, Feature::City | Feature::Admin2) {
                    s -= 50.0;
                }
                if division && p.feature == Feature::Admin1 {
                    s += 30.0;
                }
                if let Some(c) = m.country {
                    let n = ctx_country
                        .get(&c)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(u32::from(own_c == Some(c)));
                    if n > 0 {
                        sup.country = true;
                        s += match p.feature {
                            Feature::Country => 20.0,
                            // A state among other states of the same country ("Georgia" next to
                            // "Florida") is surer than a state merely in a country mentioned.
                            Feature::Admin1 => {
                                let others = admin1_by_country
                                    .get(&c)
                                    .map_or(0, |v| v.iter().filter(|&&a| a != e.place).count());
                                20.0 + (10.0 * others as f64).min(40.0)
                            }
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
                        sup.admin1 = true;
                        s += 20.0;
                    }
                }
                if let Some(n) = comma_after {
                    if n.cands
                        .iter()
                        .any(|c| m.country == Some(c.place) || m.admin1 == Some(c.place))
                    {
                        sup.pattern = true;
                        s += 200.0;
                    }
                }
                if let Some(pv) = comma_before {
                    let inside = pv.cands.iter().filter_map(|c| g.meta.get(c.place as usize));
                    if inside
                        .clone()
                        .any(|pm| pm.country == Some(e.place) || pm.admin1 == Some(e.place))
                    {
                        sup.pattern = true;
                        s += 200.0;
                    }
                }
                if matches!(p.feature, Feature::City | Feature::Admin2)
                    && (many || p.population < 15_000)
                {
                    // Namesakes are told apart by the company they keep: a town close to another
                    // place of the text is the likelier one.
                    if points.iter().any(|&(j, la, lo)| j != k && km(p.lat, p.lon, la, lo) < 150.0)
                    {
                        sup.near = true;
                        s += 25.0;
                    }
                }
                (s, sup)
            };
            let mut best: Option<(&'g Entry, f64, Support)> = None;
            for &e in &r.cands {
                let (s, sup) = score(e);
                // Ties go to the lower place index, which is stable across runs.
                if best.is_none_or(|(b, bs, _)| s > bs || (s == bs && e.place < b.place)) {
                    best = Some((e, s, sup));
                }
            }
            out.push(best);
        }
        out
    }

    fn resolve(&self, text: &str, toks: &[Token], raws: Vec<Raw<'g>>) -> Vec<PlaceMention> {
        let g = self.gaz;
        // Pass 1 is context-free; pass 2 adds the countries/provinces pass 1 found; pass 3 adds
        // closeness to the places pass 2 chose.
        let p1 = self.choose(text, toks, &raws, None);
        let p2 = self.choose(text, toks, &raws, Some(&p1));
        let p3 = self.choose(text, toks, &raws, Some(&p2));
        let mut out = Vec::with_capacity(raws.len());
        for (r, best) in raws.iter().zip(p3) {
            let Some((e, s, sup)) = best else { continue };
            let Some(place) = g.places.get(e.place as usize) else { continue };
            if !self.plausible(text, toks, r, place, s, sup) {
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

    /// Rejects common words and person names that happen to be place names.
    fn plausible(
        &self,
        text: &str,
        toks: &[Token],
        r: &Raw<'_>,
        place: &crate::Place,
        score: f64,
        sup: Support,
    ) -> bool {
        let (feature, pop) = (place.feature, place.population);
        let single = r.t0 == r.t1;
        let span = &text[r.start..r.end];
        let first = &text[toks[r.t0].start..toks[r.t0].end];
        let all_caps = toks[r.t0..=r.t1].iter().all(|t| t.caps || !t.cap);
        let town = matches!(feature, Feature::City | Feature::Admin2 | Feature::Other);
        let prev = r.t0.checked_sub(1).map(|p| (toks[p], &text[toks[p].start..toks[p].end]));
        let next = toks.get(r.t1 + 1).map(|t| (*t, &text[t.start..t.end]));
        let locative =
            prev.is_some_and(|(pt, w)| pt.joins_next && !pt.cap && lower_in(w, LOCATIVE));
        let division =
            next.is_some_and(|(_, w)| toks[r.t1].joins_next && lower_in(w, DIVISION_WORDS));
        if single && lower_in(span, NEVER) {
            // Months and weekdays are never places; other common words only after "in", "near"...
            if lower_in(span, MONTHS_DAYS) || !town || !locative {
                return false;
            }
        }
        if feature == Feature::Admin1
            && !sup.country
            && !sup.pattern
            && !locative
            && !division
            && pop < 500_000
        {
            // Minor provinces named like common words ("Lakes", "Paul") need their country nearby.
            return false;
        }
        if !town {
            return true;
        }
        if sup.pattern {
            return true;
        }
        if let Some((pt, w)) = prev {
            // "Hillary Clinton", "Theresa May", "Mr. Steele": a title or a capitalised word that
            // is neither a function word nor an acronym makes the town name a person's.
            let title =
                !pt.joins_next && lower_in(w, TITLES) && text.get(pt.end..pt.end + 1) == Some(".");
            if title
                || (pt.cap
                    && !pt.caps
                    && pt.joins_next
                    && !lower_in(w, SOFT_PREV)
                    && pop < 1_000_000)
            {
                return false;
            }
        }
        if let Some((nt, w)) = next {
            let joined = toks[r.t1].joins_next;
            if single
                && !all_caps
                && joined
                && nt.cap
                && lower_in(first, FIRST_NAMES)
                && !lower_in(w, NEVER)
                && !lower_in(w, SOFT_PREV)
            {
                return false;
            }
            // "Steele said": a surname that is also a small town.
            if joined && !locative && !nt.cap && lower_in(w, SPEECH) && pop < 100_000 {
                return false;
            }
        }
        let supported = locative || sup.admin1 || sup.near;
        // Ordinary words ("Drug", "Over", "Human") and lone first names ("David") are places
        // only with a cue: "in Nice", "Reading, Berkshire", or a big town near other places.
        if single && (r.common || lower_in(first, LONE_NAMES)) {
            let strong =
                (locative && !toks[r.t0].sent_start) || sup.admin1 || (pop >= 100_000 && sup.near);
            if !strong {
                return false;
            }
        }
        // Any capitalised word can open a sentence: a town name there needs more support.
        if single && toks[r.t0].sent_start && pop < 100_000 && !supported && !sup.country {
            return false;
        }
        // Small towns need support beyond their country being mentioned.
        if pop < 15_000 && !supported {
            return false;
        }
        let _ = score;
        true
    }
}

/// The chosen candidate of a match, its score and what supported it.
type Choice<'g> = Option<(&'g Entry, f64, Support)>;

/// Why a candidate scored as it did; plausibility checks ask for some of it.
#[derive(Clone, Copy, Debug, Default)]
struct Support {
    /// Another mention is in the same country.
    country: bool,
    /// Another mention is the province it lies in, or in that province.
    admin1: bool,
    /// "Town, State" or "State ... Town," pattern.
    pattern: bool,
    /// Another mention resolved within 150 km.
    near: bool,
}

/// At most this many resolved points are compared against, keeping resolution linear.
const MAX_POINTS: usize = 64;

/// Great-circle distance in km (haversine).
pub(crate) fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        let t = "Russia’s U.S. ally, Dar'a and As-Suwayda.";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(words, ["Russia", "U.S.", "ally", "Dar'a", "and", "As", "Suwayda"]);
        assert!(toks[5].joins_next);
        assert!(!toks[2].joins_next);
        assert!(toks[0].full_end > toks[0].end);
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
