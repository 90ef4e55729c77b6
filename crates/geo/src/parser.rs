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

/// Longest place name in words ("Democratic Republic of the Congo" is 5).
const MAX_WORDS: usize = 6;

/// Words that may stand lower-case inside a multi-word name.
const CONNECTORS: WordList = WordList::new(&[
    "aan", "ad", "al", "am", "an", "and", "ar", "as", "au", "aux", "bei", "bin", "da", "das", "de",
    "del", "della", "den", "der", "des", "di", "do", "dos", "du", "e", "el", "en", "ez", "het",
    "ibn", "im", "kwa", "la", "le", "les", "lès", "of", "on", "op", "sul", "sur", "the", "upon",
    "y",
]);

/// Lower-case words that may open a region name ("southern Syria", "eastern Ukraine").
const DIRECTIONS: WordList = WordList::new(&[
    "central",
    "east",
    "eastern",
    "north",
    "north-eastern",
    "north-western",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "south",
    "south-eastern",
    "south-western",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "west",
    "western",
]);

/// Capitalised words that are never places in running English (months, days, titles...).
const NEVER: WordList = WordList::new(&[
    "abbey",
    "abc",
    "academy",
    "accident",
    "accord",
    "act",
    "administrative",
    "afp",
    "after",
    "again",
    "age",
    "agence",
    "agency",
    "ages",
    "agreement",
    "aid",
    "aids",
    "airbus",
    "airport",
    "al",
    "al-qaeda",
    "alert",
    "all",
    "allah",
    "alliance",
    "also",
    "although",
    "always",
    "amazon",
    "amber",
    "an",
    "anadolu",
    "analysis",
    "ancient",
    "and",
    "angel",
    "angels",
    "any",
    "apple",
    "april",
    "arena",
    "army",
    "as",
    "assembly",
    "associated",
    "association",
    "at",
    "attack",
    "august",
    "aunt",
    "authority",
    "autumn",
    "avenue",
    "average",
    "avian",
    "baby",
    "back",
    "bad",
    "ban",
    "bank",
    "bar",
    "bath",
    "battle",
    "bay",
    "bbc",
    "be",
    "beach",
    "bear",
    "because",
    "beer",
    "before",
    "best",
    "big",
    "bill",
    "bird",
    "birth",
    "black",
    "bliss",
    "bloomberg",
    "blue",
    "boeing",
    "bonus",
    "bottom",
    "boy",
    "bread",
    "bridge",
    "brother",
    "brown",
    "buffalo",
    "but",
    "by",
    "cabinet",
    "cake",
    "campaign",
    "can",
    "captain",
    "carbon",
    "care",
    "case",
    "cases",
    "castle",
    "cat",
    "cattle",
    "cbs",
    "center",
    "central",
    "centre",
    "century",
    "chairman",
    "championship",
    "chance",
    "change",
    "chapel",
    "charity",
    "cherry",
    "chief",
    "child",
    "cholera",
    "christmas",
    "church",
    "citizen",
    "city",
    "civil",
    "classic",
    "classical",
    "club",
    "cnn",
    "coalition",
    "coffee",
    "college",
    "colonel",
    "commerce",
    "commission",
    "committee",
    "communist",
    "company",
    "complete",
    "confederation",
    "conference",
    "conflict",
    "congress",
    "conservative",
    "constance",
    "contract",
    "copper",
    "coral",
    "corn",
    "cotton",
    "council",
    "county",
    "court",
    "covid",
    "criminal",
    "crisis",
    "cross",
    "crystal",
    "cup",
    "current",
    "daily",
    "danger",
    "data",
    "daughter",
    "day",
    "deal",
    "death",
    "deaths",
    "decade",
    "december",
    "decree",
    "deer",
    "defence",
    "defense",
    "democrat",
    "democratic",
    "democrats",
    "department",
    "despite",
    "destiny",
    "development",
    "devil",
    "diamond",
    "director",
    "disaster",
    "district",
    "doctor",
    "dog",
    "dollar",
    "domestic",
    "dr",
    "drought",
    "during",
    "eagle",
    "early",
    "east",
    "easter",
    "eastern",
    "ebola",
    "ebony",
    "economic",
    "eden",
    "eid",
    "election",
    "emergency",
    "energy",
    "enterprise",
    "entire",
    "era",
    "euro",
    "even",
    "event",
    "events",
    "ever",
    "evidence",
    "executive",
    "facebook",
    "fact",
    "facts",
    "fair",
    "faith",
    "fall",
    "fatah",
    "father",
    "february",
    "federal",
    "federation",
    "felicity",
    "fever",
    "field",
    "fields",
    "final",
    "financial",
    "fire",
    "first",
    "fish",
    "flood",
    "flu",
    "for",
    "force",
    "forces",
    "ford",
    "foreign",
    "forest",
    "former",
    "fort",
    "fortune",
    "forum",
    "foundation",
    "fox",
    "free",
    "freedom",
    "friday",
    "friend",
    "friendship",
    "front",
    "fund",
    "future",
    "gap",
    "gas",
    "gate",
    "general",
    "gentleman",
    "girl",
    "global",
    "glory",
    "god",
    "gold",
    "good",
    "google",
    "government",
    "governor",
    "grace",
    "grand",
    "granite",
    "grape",
    "great",
    "green",
    "greens",
    "group",
    "growth",
    "guest",
    "halfway",
    "hall",
    "hamas",
    "harmony",
    "he",
    "health",
    "heaven",
    "hell",
    "help",
    "her",
    "here",
    "hero",
    "heroes",
    "hezbollah",
    "high",
    "hill",
    "hills",
    "his",
    "hizbollah",
    "home",
    "hope",
    "horse",
    "hospital",
    "host",
    "hour",
    "house",
    "houthi",
    "houthis",
    "how",
    "however",
    "hydrogen",
    "ice",
    "ideal",
    "if",
    "in",
    "incident",
    "independence",
    "industry",
    "information",
    "initiative",
    "inner",
    "institute",
    "intelligence",
    "interfax",
    "international",
    "internet",
    "iris",
    "irna",
    "iron",
    "is",
    "isil",
    "isis",
    "islam",
    "island",
    "islands",
    "it",
    "its",
    "ivory",
    "jade",
    "january",
    "jazeera",
    "joy",
    "judge",
    "judicial",
    "july",
    "june",
    "junior",
    "just",
    "justice",
    "king",
    "kingdom",
    "kremlin",
    "kyodo",
    "labor",
    "labour",
    "lady",
    "lake",
    "last",
    "late",
    "law",
    "lead",
    "league",
    "left",
    "legal",
    "legislative",
    "lemon",
    "liberal",
    "liberty",
    "library",
    "lie",
    "lies",
    "life",
    "like",
    "lily",
    "lion",
    "little",
    "lives",
    "local",
    "long",
    "lord",
    "love",
    "low",
    "lower",
    "luck",
    "main",
    "major",
    "malaria",
    "man",
    "manager",
    "many",
    "marathon",
    "marble",
    "march",
    "market",
    "may",
    "mayor",
    "meanwhile",
    "media",
    "medical",
    "medium",
    "meeting",
    "member",
    "mercy",
    "mers",
    "microsoft",
    "mid",
    "middle",
    "midway",
    "military",
    "mill",
    "millennium",
    "mills",
    "minister",
    "ministry",
    "minor",
    "minute",
    "mission",
    "mobile",
    "model",
    "modern",
    "moment",
    "monday",
    "month",
    "moon",
    "more",
    "moreover",
    "most",
    "mother",
    "mount",
    "movement",
    "mr",
    "mrs",
    "ms",
    "much",
    "museum",
    "must",
    "national",
    "nato",
    "navy",
    "nbc",
    "network",
    "never",
    "new",
    "news",
    "next",
    "nice",
    "nitrogen",
    "no",
    "nor",
    "normal",
    "north",
    "northern",
    "not",
    "november",
    "novosti",
    "now",
    "october",
    "of",
    "office",
    "officer",
    "official",
    "oil",
    "old",
    "olive",
    "olympic",
    "olympics",
    "on",
    "one",
    "only",
    "or",
    "orange",
    "order",
    "organisation",
    "organization",
    "original",
    "our",
    "outer",
    "oxygen",
    "pact",
    "palm",
    "paradise",
    "parish",
    "park",
    "parliament",
    "party",
    "patience",
    "peace",
    "pearl",
    "pentagon",
    "people",
    "period",
    "permanent",
    "personal",
    "pie",
    "plain",
    "plains",
    "plan",
    "please",
    "police",
    "policy",
    "polio",
    "political",
    "poll",
    "poor",
    "port",
    "post",
    "pound",
    "president",
    "press",
    "previous",
    "primary",
    "prince",
    "private",
    "professor",
    "program",
    "programme",
    "progress",
    "project",
    "protest",
    "providence",
    "province",
    "prudence",
    "public",
    "qaeda",
    "queen",
    "rain",
    "rally",
    "ramadan",
    "reading",
    "recent",
    "recovery",
    "red",
    "reform",
    "region",
    "regional",
    "regular",
    "relief",
    "report",
    "republic",
    "republican",
    "republicans",
    "rescue",
    "research",
    "resident",
    "reuters",
    "review",
    "revolution",
    "ria",
    "rice",
    "rich",
    "right",
    "risk",
    "river",
    "road",
    "rock",
    "rose",
    "royal",
    "ruby",
    "rule",
    "rules",
    "rural",
    "safety",
    "said",
    "saint",
    "saints",
    "sale",
    "salmon",
    "salt",
    "san",
    "sana",
    "sanction",
    "sanctions",
    "santa",
    "sars",
    "saturday",
    "says",
    "school",
    "second",
    "secondary",
    "secretary",
    "security",
    "senate",
    "senator",
    "senior",
    "september",
    "sergeant",
    "service",
    "services",
    "session",
    "shabaab",
    "she",
    "short",
    "side",
    "silk",
    "silver",
    "since",
    "sir",
    "sister",
    "sky",
    "small",
    "snow",
    "so",
    "social",
    "socialist",
    "society",
    "some",
    "son",
    "south",
    "southern",
    "special",
    "split",
    "spring",
    "springs",
    "st",
    "stadium",
    "standard",
    "star",
    "state",
    "station",
    "steel",
    "still",
    "stone",
    "stories",
    "storm",
    "story",
    "strategy",
    "street",
    "strike",
    "study",
    "success",
    "sugar",
    "summer",
    "summit",
    "sun",
    "sunday",
    "support",
    "supreme",
    "survey",
    "swine",
    "system",
    "taliban",
    "talks",
    "tass",
    "tea",
    "team",
    "temple",
    "temporary",
    "ten",
    "tesla",
    "thank",
    "thanks",
    "the",
    "then",
    "there",
    "they",
    "threat",
    "three",
    "thursday",
    "time",
    "times",
    "tin",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "top",
    "total",
    "tower",
    "trade",
    "traditional",
    "treaty",
    "trinity",
    "triumph",
    "trout",
    "trust",
    "truth",
    "tuesday",
    "twitter",
    "two",
    "uber",
    "uncle",
    "union",
    "united",
    "unity",
    "university",
    "unlike",
    "until",
    "upper",
    "urban",
    "user",
    "valley",
    "van",
    "very",
    "victory",
    "virus",
    "vote",
    "wafa",
    "wagner",
    "war",
    "warning",
    "water",
    "way",
    "we",
    "wednesday",
    "week",
    "well",
    "wells",
    "west",
    "western",
    "what",
    "wheat",
    "when",
    "where",
    "which",
    "while",
    "white",
    "who",
    "whole",
    "why",
    "will",
    "wind",
    "wine",
    "winter",
    "wolf",
    "wood",
    "woods",
    "world",
    "xinhua",
    "year",
    "yes",
    "yesterday",
    "yet",
    "yonhap",
    "you",
    "young",
    "zika",
    "zinc",
    "zion",
]);

/// First names that are also towns: followed by a capitalised word they are a person.
const FIRST_NAMES: WordList = WordList::new(&[
    "adelaide",
    "alexandria",
    "antonio",
    "aurora",
    "austin",
    "beatrice",
    "bethany",
    "brooklyn",
    "camden",
    "carmen",
    "carolina",
    "chad",
    "charlotte",
    "chelsea",
    "chester",
    "cleveland",
    "clifton",
    "clinton",
    "dakota",
    "dallas",
    "dayton",
    "denver",
    "dolores",
    "douglas",
    "elizabeth",
    "eugene",
    "florence",
    "franklin",
    "georgia",
    "hamilton",
    "helena",
    "houston",
    "howard",
    "irving",
    "jackson",
    "jersey",
    "jordan",
    "jose",
    "kent",
    "lancaster",
    "lincoln",
    "logan",
    "lourdes",
    "luis",
    "madison",
    "marion",
    "martin",
    "mason",
    "mercedes",
    "milton",
    "mitchell",
    "montana",
    "nevada",
    "orlando",
    "paris",
    "phoenix",
    "preston",
    "quincy",
    "regina",
    "rosario",
    "salem",
    "santiago",
    "savannah",
    "sheldon",
    "sherman",
    "stanley",
    "sydney",
    "troy",
    "tyler",
    "vernon",
    "victoria",
    "virginia",
    "warren",
    "washington",
    "wellington",
    "winston",
]);

/// Words that introduce a location.
pub(crate) const LOCATIVE: WordList = WordList::new(&[
    "across",
    "around",
    "at",
    "between",
    "beyond",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
    "within",
]);

/// Words after a name that mark it as a division ("Sweida province", "Idlib Governorate").
const DIVISION_WORDS: WordList = WordList::new(&[
    "county",
    "department",
    "district",
    "governorate",
    "krai",
    "oblast",
    "prefecture",
    "province",
    "provinces",
    "region",
    "state",
    "territory",
]);

/// Given names that stand alone in text far more often than the towns called so.
const LONE_NAMES: WordList = WordList::new(&[
    "aaron",
    "abigail",
    "adam",
    "ahmed",
    "albert",
    "alexander",
    "ali",
    "alice",
    "amanda",
    "amy",
    "andrea",
    "andrew",
    "angela",
    "ann",
    "anna",
    "anthony",
    "arthur",
    "ashley",
    "ava",
    "barbara",
    "benjamin",
    "betty",
    "bobby",
    "brandon",
    "brenda",
    "brian",
    "bruce",
    "bush",
    "carl",
    "carlos",
    "carol",
    "carolyn",
    "catherine",
    "charles",
    "chen",
    "cheryl",
    "christian",
    "christina",
    "christine",
    "clinton",
    "cynthia",
    "daniel",
    "david",
    "deborah",
    "debra",
    "dennis",
    "diane",
    "donna",
    "doris",
    "edward",
    "elizabeth",
    "emily",
    "emma",
    "eric",
    "eugene",
    "evelyn",
    "frances",
    "frank",
    "gary",
    "george",
    "grace",
    "gregory",
    "harold",
    "hassan",
    "heather",
    "henry",
    "hussein",
    "ibrahim",
    "isabella",
    "jack",
    "jacob",
    "james",
    "janet",
    "jean",
    "jeffrey",
    "jerry",
    "jesus",
    "joan",
    "john",
    "johnny",
    "jonathan",
    "jose",
    "joseph",
    "joyce",
    "juan",
    "judith",
    "julie",
    "justin",
    "karen",
    "katherine",
    "kathleen",
    "kathryn",
    "kelly",
    "kevin",
    "khalid",
    "kim",
    "kimberly",
    "kyle",
    "laura",
    "lauren",
    "lawrence",
    "lee",
    "li",
    "linda",
    "lisa",
    "liu",
    "louis",
    "lu",
    "luis",
    "madison",
    "margaret",
    "maria",
    "marie",
    "mark",
    "martha",
    "mary",
    "megan",
    "melissa",
    "mia",
    "michael",
    "michelle",
    "miguel",
    "mohammed",
    "muhammad",
    "mustafa",
    "nancy",
    "nathan",
    "nguyen",
    "nicholas",
    "nicole",
    "obama",
    "olivia",
    "omar",
    "pamela",
    "park",
    "patricia",
    "patrick",
    "paul",
    "pedro",
    "peter",
    "philip",
    "putin",
    "rachel",
    "ralph",
    "raymond",
    "rebecca",
    "richard",
    "robert",
    "roger",
    "roy",
    "russell",
    "ruth",
    "ryan",
    "samantha",
    "samuel",
    "sandra",
    "sarah",
    "scott",
    "sean",
    "sharon",
    "shirley",
    "sophia",
    "stephanie",
    "stephen",
    "steven",
    "susan",
    "terry",
    "thomas",
    "trump",
    "tyler",
    "victoria",
    "virginia",
    "vladimir",
    "walter",
    "wang",
    "william",
    "xi",
    "zachary",
    "zhang",
]);

/// Multi-word names that are institutions rather than places in news.
const NEVER_PHRASES: WordList = WordList::new(&["white house"]);

/// Words after a place name that make it a disease's name.
const DISEASE_WORDS: WordList = WordList::new(&[
    "disease",
    "encephalitis",
    "fever",
    "flu",
    "influenza",
    "strain",
    "syndrome",
    "variant",
    "virus",
    "viruses",
]);

/// Words after a place name that make it a newspaper's name.
const PAPER_WORDS: WordList = WordList::new(&[
    "chronicle",
    "courier",
    "examiner",
    "gazette",
    "globe",
    "herald",
    "independent",
    "inquirer",
    "journal",
    "observer",
    "post",
    "star",
    "sun",
    "telegraph",
    "times",
    "tribune",
]);

/// Kinds of place that may precede a name without making it a person's.
const PLACE_WORDS: WordList = WordList::new(&[
    "airport", "bay", "camp", "cape", "city", "county", "district", "downtown", "fort", "gulf",
    "island", "lake", "mount", "port", "province", "region", "river", "state", "town", "valley",
    "village",
]);

/// Honorifics written with a period before a surname.
const TITLES: WordList = WordList::new(&[
    "adm", "capt", "col", "cpl", "cst", "det", "dr", "fr", "gen", "gov", "hon", "insp", "lt",
    "maj", "mr", "mrs", "ms", "pres", "prof", "rep", "rev", "sen", "sgt", "supt",
]);

/// Verbs of saying that follow a person's surname.
const SPEECH: WordList = WordList::new(&[
    "added",
    "admitted",
    "argued",
    "asked",
    "believes",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "said",
    "says",
    "stated",
    "testified",
    "thinks",
    "told",
    "tweeted",
    "warned",
    "who",
    "wrote",
]);

/// Months and days. Not lapwing-text's lists: lapwing-geo depends on no other lapwing crate.
const MONTHS_DAYS: WordList = WordList::new(&[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
]);

/// Titles and function words that may precede a place without making it part of a name.
const SOFT_PREV: WordList = WordList::new(&[
    "a",
    "about",
    "across",
    "after",
    "against",
    "all",
    "among",
    "an",
    "and",
    "as",
    "at",
    "before",
    "between",
    "born",
    "both",
    "but",
    "by",
    "central",
    "downtown",
    "east",
    "eastern",
    "for",
    "from",
    "greater",
    "her",
    "his",
    "if",
    "in",
    "including",
    "inside",
    "into",
    "its",
    "like",
    "lower",
    "metro",
    "my",
    "near",
    "new",
    "north",
    "northern",
    "of",
    "old",
    "on",
    "or",
    "our",
    "outside",
    "over",
    "rural",
    "said",
    "says",
    "since",
    "south",
    "southern",
    "suburban",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "throughout",
    "to",
    "under",
    "upper",
    "via",
    "visit",
    "visiting",
    "west",
    "western",
    "when",
    "where",
    "while",
    "with",
    "your",
]);

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

/// The character starting at byte `pos` of `text`, if any: an ASCII byte is its own character,
/// so news text, nearly all ASCII, is walked without UTF-8 decoding.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(pos..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// How many ASCII letters and digits follow from byte `from` on, how many of them are letters
/// and how many upper-case ones: a helper of its own, so that the counts stay in registers.
#[inline]
fn ascii_run(bytes: &[u8], from: usize) -> (usize, usize, usize) {
    let (mut n, mut letters, mut upper) = (0, 0, 0);
    for &b in bytes.get(from..).unwrap_or_default() {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        n += 1;
        letters += usize::from(b.is_ascii_alphabetic());
        upper += usize::from(b.is_ascii_uppercase());
    }
    (n, letters, upper)
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut sent_start = true;
    let alnum = |c: char| c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric());
    // Byte positions rather than a peekable `char_indices`: this runs over every byte of every
    // document with an event, and the iterator's bookkeeping cost more than the tests.
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        // The space between words, the commonest byte, is neither a word nor a stop.
        if c == ' ' {
            i += 1;
            continue;
        }
        if !alnum(c) {
            if matches!(
                c,
                '.' | '!' | '?' | '\n' | ':' | ';' | '"' | '“' | '”' | '(' | '[' | '|' | '—' | '–'
            ) {
                sent_start =
                    sent_start || matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '(' | '|');
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut upper = 0usize;
        let mut letters = 0usize;
        let mut dotted = false;
        let mut poss_end = 0usize;
        let count = |ch: char, letters: &mut usize, upper: &mut usize| {
            if ch.is_alphabetic() {
                *letters += 1;
                if ch.is_uppercase() {
                    *upper += 1;
                }
            }
        };
        count(c, &mut letters, &mut upper);
        // The position of the next character not yet taken into the word.
        let mut j = end;
        loop {
            // ASCII letters and digits, the bulk of a word, are taken a byte at a time.
            let (run, run_letters, run_upper) = ascii_run(bytes, j);
            if run > 0 {
                j += run;
                end = j;
                letters += run_letters;
                upper += run_upper;
            }
            let Some(d) = char_at(text, j) else { break };
            if alnum(d) {
                count(d, &mut letters, &mut upper);
                j += d.len_utf8();
                end = j;
                continue;
            }
            let internal = matches!(d, '\'' | '’' | '.');
            if !internal {
                break;
            }
            // An apostrophe or period joins two word parts ("Dar'a", "U.S") but not a
            // possessive ("Russia's") or the end of a sentence.
            let after = j + d.len_utf8();
            match char_at(text, after) {
                Some(n) if n.is_alphanumeric() => {
                    if d != '.'
                        && (n == 's' || n == 'S')
                        && !char_at(text, after + 1).is_some_and(char::is_alphanumeric)
                    {
                        // Possessive: the place is the word before it, but "People's Republic"
                        // is a name, so the "'s" is kept aside rather than dropped.
                        poss_end = after + 1;
                        j = poss_end;
                        break;
                    }
                    if d == '.' {
                        dotted = true;
                    }
                    end = after;
                    j = after;
                }
                _ => {
                    if d == '.' && dotted {
                        // Final period of a dotted abbreviation ("U.S.").
                        end = after;
                        j = after;
                    }
                    break;
                }
            }
        }
        i = j;
        // "d'Ivoire", "l'Aquila": an elided article before a capitalised name.
        // (Only looked at when the first letter is not a capital already.)
        // (The second character must be an apostrophe, which the byte after an ASCII first
        // letter settles without decoding the word.)
        let elided = || {
            if c.is_ascii() && !matches!(bytes.get(start + 1), Some(b'\'' | 0xE2)) {
                return false;
            }
            let mut cs = text[start..end].chars();
            matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('\'' | '’'), Some(b)) if a.is_lowercase() && b.is_uppercase())
        };
        toks.push(Token {
            start,
            end,
            cap: c.is_uppercase() || elided(),
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
        // Spaces and at most one hyphen; a byte loop, as this runs for every token (token
        // bounds are character bounds, so the bytes are the text's).
        let gap = bytes.get(toks[k].full_end..toks[k + 1].start).unwrap_or(b",");
        toks[k].joins_next = !gap.is_empty() && gap.len() <= 3 && {
            let mut hyphens = 0;
            gap.iter().all(|&b| {
                hyphens += usize::from(b == b'-');
                b == b' ' || b == b'-'
            }) && hyphens <= 1
        };
    }
    toks
}

/// True when the word, lower-cased (ASCII letters only) and without a final period, is in the
/// list. Every word list here is sorted, so this is a binary search with no allocation.
fn lower_in(word: &str, list: &WordList) -> bool {
    let mut w = word.as_bytes();
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    // No listed word is longer (the word-list test checks it).
    if w.len() > 24 || !list.may_hold(w) {
        return false;
    }
    list.words.binary_search_by(|e| cmp_lower(e.as_bytes(), w)).is_ok()
}

/// A sorted word list for [`lower_in`], with the keys (length and first byte) of its words:
/// most words tested are in no list, and a key's bit says so before the binary search.
pub(crate) struct WordList {
    words: &'static [&'static str],
    keys: [u64; 4],
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> WordList {
        let mut keys = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let k = word_key(w.len(), if w.is_empty() { 0 } else { w[0] });
            keys[k / 64] |= 1 << (k % 64);
            i += 1;
        }
        WordList { words, keys }
    }

    /// Whether a word (as bytes, lower-cased or not) may be in the list: false when no listed
    /// word has its length and first letter.
    #[inline]
    fn may_hold(&self, w: &[u8]) -> bool {
        let first = w.first().map_or(0, u8::to_ascii_lowercase);
        let k = word_key(w.len(), first);
        self.keys.get(k / 64).is_some_and(|bits| bits >> (k % 64) & 1 != 0)
    }
}

/// A word's key in `WordList::keys`: its length and first byte, mixed into 0..256.
#[inline]
const fn word_key(len: usize, first: u8) -> usize {
    (first as usize ^ len.wrapping_mul(37)) & 255
}

/// Compares a listed (lower-case) word with a text word lower-cased on the fly, in byte order,
/// which is `str` order and so the order the lists are sorted in. Lower-casing while comparing
/// saves a copy, and most comparisons of the search end at the first byte.
#[inline]
fn cmp_lower(listed: &[u8], word: &[u8]) -> std::cmp::Ordering {
    for (x, y) in listed.iter().zip(word) {
        let y = y.to_ascii_lowercase();
        if *x != y {
            return x.cmp(&y);
        }
    }
    listed.len().cmp(&word.len())
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
    /// The normalised name's key: mentions of the same name share it.
    key: u64,
}

/// Finds and resolves place mentions. Build once per gazetteer and reuse.
#[derive(Debug)]
pub struct Geoparser<'g> {
    gaz: &'g Gazetteer,
    adjectives: bool,
}

impl<'g> Geoparser<'g> {
    /// A parser over the given gazetteer.
    pub fn new(gaz: &'g Gazetteer) -> Self {
        Geoparser { gaz, adjectives: true }
    }

    /// Whether demonyms and adjectives ("Syrian", "European") are reported as mentions of their
    /// place (default true). Corpora differ: some annotate them as toponyms, some do not. They
    /// still inform the resolution of other names either way.
    pub fn with_adjectives(mut self, on: bool) -> Self {
        self.adjectives = on;
        self
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

    /// For diagnosis: each matched span with its candidates and their final scores, best first
    /// (before the plausibility checks that may drop the span).
    pub fn explain(&self, text: &str) -> Vec<(String, Vec<Scored>)> {
        let toks = tokenize(text);
        let raws = self.find(text, &toks);
        // Context as in `resolve`, without the plausibility mask (a diagnosis approximation).
        let p1 = self.choose(text, &toks, &raws, None);
        let p2 = self.choose(text, &toks, &raws, Some(&p1));
        let scored = self.choose_all(text, &toks, &raws, Some(&p2));
        raws.iter()
            .zip(scored)
            .map(|(r, mut cs)| {
                cs.sort_by(|a, b| b.score.total_cmp(&a.score));
                cs.truncate(5);
                (text[r.start..r.end].to_string(), cs)
            })
            .collect()
    }

    fn choose_all(
        &self,
        text: &str,
        toks: &[Token],
        raws: &[Raw<'g>],
        prev: Option<&[Choice<'g>]>,
    ) -> Vec<Vec<Scored>> {
        let mut out = Vec::new();
        for k in 0..raws.len() {
            let mut v = Vec::new();
            for e in &raws[k].cands {
                let mut one = raws.to_vec();
                one[k].cands = vec![*e];
                if let Some(Some((_, s, _))) = self.choose(text, toks, &one, prev).get(k) {
                    if let Some(p) = self.gaz.places.get(e.place as usize) {
                        v.push(Scored {
                            name: p.name.clone(),
                            country: p.country.clone(),
                            feature: p.feature,
                            score: *s,
                        });
                    }
                }
            }
            out.push(v);
        }
        out
    }

    fn find(&self, text: &str, toks: &[Token]) -> Vec<Raw<'g>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let word = &text[t.start..t.end];
            // Lower-case words start a match only as directions ("southern Syria"); test the
            // first letter before searching the list, as most words fail there.
            let dir_start = !t.cap
                && (4..=15).contains(&word.len())
                && matches!(word.as_bytes().first(), Some(b'n' | b's' | b'e' | b'w' | b'c'))
                && lower_in(word, &DIRECTIONS);
            if !t.cap && !dir_start {
                i += 1;
                continue;
            }
            let mut kh = KeyHasher::new();
            let mut best: Option<(usize, usize, Vec<&'g Entry>, bool, u64)> = None;
            let mut j = i;
            while j < toks.len() && j < i + MAX_WORDS {
                let tj = toks[j];
                let w = &text[tj.start..tj.end];
                if j > i {
                    if !toks[j - 1].joins_next {
                        break;
                    }
                    if !tj.cap && (w.len() > 5 || !lower_in(w, &CONNECTORS)) {
                        break;
                    }
                    kh.sep();
                }
                let mut core = kh;
                core.push_str(w);
                // The hasher streams, so the full word's key continues from the core's.
                kh = core;
                kh.push_str(text.get(tj.end..tj.full_end).unwrap_or(""));
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
                            best = Some((j, end, cands, common, h));
                            break;
                        }
                    }
                }
                j += 1;
            }
            match best {
                Some((j, end, cands, common, key)) => {
                    out.push(Raw { t0: i, t1: j, start: t.start, end, cands, common, key });
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
        // Most probes find no name at all: skip the spelling checks for them.
        if es.is_empty() {
            return Vec::new();
        }
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
        let Some(m) = self.gaz.meta.get(e.place as usize) else {
            return f64::MIN;
        };
        // GeoNames alternate names include former names ("Pokrovsk" for Engels): a town whose
        // current name it is should win over one that once bore it.
        m.prior - if e.flags & F_ALT != 0 { 15.0 } else { 0.0 }
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
        // What the other mentions resolved to, one entry per distinct name with the offsets
        // where it occurs: repeating a name must not make it its own context ("Edmonton ...
        // Edmonton" is not evidence of Canada), and nearby mentions weigh more than distant
        // ones (a story may move from Spain to Venezuela).
        let mut ctx: Vec<Ctx> = Vec::new();
        if let Some(prev) = prev {
            for (r, e) in raws.iter().zip(prev) {
                let Some((e, _, _)) = e else { continue };
                if let Some(c) = ctx.iter_mut().find(|c| c.key == r.key) {
                    if c.pos.len() < MAX_POSITIONS {
                        c.pos.push(r.start);
                    }
                    continue;
                }
                let (Some(p), Some(m)) =
                    (g.places.get(e.place as usize), g.meta.get(e.place as usize))
                else {
                    continue;
                };
                if ctx.len() >= MAX_POINTS {
                    continue;
                }
                let adj = e.flags & F_ADJ != 0;
                ctx.push(Ctx {
                    key: r.key,
                    country: m.country,
                    admin1: if adj { None } else { m.admin1 },
                    // Towns and counties only: provinces and countries are too big to say
                    // which of two namesakes is meant.
                    point: (!adj && matches!(p.feature, Feature::City | Feature::Admin2))
                        .then(|| Point::new(p.lat, p.lon)),
                    adj,
                    pos: vec![r.start],
                });
            }
        }
        let mut out = Vec::with_capacity(raws.len());
        let mut weights: Vec<f64> = Vec::with_capacity(ctx.len());
        for (k, r) in raws.iter().enumerate() {
            // Each context entry's weight for this mention: 1 within a few sentences, 0.5 further
            // away; adjectives ("Spanish police") only count nearby, as they say who acts
            // rather than where a long text is set.
            weights.clear();
            weights.extend(ctx.iter().map(|o| {
                if o.key == r.key {
                    return 0.0;
                }
                let near = o.pos.iter().any(|&q| q.abs_diff(r.start) <= LOCAL_WINDOW);
                match (near, o.adj) {
                    (true, _) => 1.0,
                    (false, false) => 0.5,
                    (false, true) => 0.0,
                }
            }));
            let weights = &weights;
            // "Town, State": the next mention right after a comma contains this one.
            let comma_after = raws
                .get(k + 1)
                .filter(|n| text.get(r.end..n.start).is_some_and(|gap| gap.trim() == ","));
            let comma_before = k
                .checked_sub(1)
                .and_then(|p| raws.get(p))
                .filter(|p| text.get(p.end..r.start).is_some_and(|gap| gap.trim() == ","));
            let division = toks.get(r.t1 + 1).is_some_and(|nt| {
                toks[r.t1].joins_next && lower_in(&text[nt.start..nt.end], &DIVISION_WORDS)
            });
            // A city and the province named after it ("Aleppo", "As-Suwayda"): the city is meant
            // unless the province is said, or the province dwarfs the city (Quebec).
            // The province's population here is the sum of its towns, so a tenth is already a
            // dominant city ("Donetsk"); a city under another spelling ("Kiev" for Kyiv next to
            // the Kiev oblast) counts when it is in the same country.
            let suppressed_division = |a: u32| -> bool {
                !division
                    && r.cands.iter().any(|e| {
                        let (Some(p), Some(m), Some(ap), Some(am)) = (
                            g.places.get(e.place as usize),
                            g.meta.get(e.place as usize),
                            g.places.get(a as usize),
                            g.meta.get(a as usize),
                        ) else {
                            return false;
                        };
                        p.feature == Feature::City
                            && (m.admin1 == Some(a)
                                || (m.country == am.country && p.population >= 1_000_000))
                            && p.population.saturating_mul(10) >= ap.population
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
                if p.feature == Feature::Admin1 && suppressed_division(e.place) {
                    s -= 100.0;
                }
                if names_country && matches!(p.feature, Feature::City | Feature::Admin2) {
                    s -= 50.0;
                }
                // A national capital named like a province elsewhere ("Washington"): news means
                // the capital unless it says "state".
                if m.capital
                    && !division
                    && r.cands.iter().any(|x| {
                        g.places.get(x.place as usize).is_some_and(|q| q.feature == Feature::Admin1)
                    })
                {
                    s += 30.0;
                }
                // A borough named after its city ("Manchester", "Leeds"): the city is meant.
                if p.feature == Feature::Admin2
                    && !division
                    && r.cands.iter().any(|x| {
                        g.places
                            .get(x.place as usize)
                            .is_some_and(|q| q.feature == Feature::City && q.country == p.country)
                    })
                {
                    s -= 20.0;
                }
                // "Mexico" is the country, not the State of Mexico, unless "state" is said.
                if p.feature == Feature::Admin1
                    && !division
                    && m.country.is_some_and(|c| r.cands.iter().any(|x| x.place == c))
                {
                    s -= 50.0;
                }
                if division && p.feature == Feature::Admin1 {
                    s += 30.0;
                }
                if let Some(c) = m.country {
                    let w = strongest(&ctx, weights, |o| o.country == Some(c));
                    if w > 0.0 {
                        sup.country = true;
                        s += w * match p.feature {
                            Feature::Country => 20.0,
                            // A state among other states of the same country ("Georgia" next to
                            // "Florida") is surer than a state merely in a country mentioned.
                            Feature::Admin1 => {
                                let mut seen: Vec<u32> = Vec::new();
                                for (o, &ow) in ctx.iter().zip(weights) {
                                    if let Some(a) = o.admin1.filter(|&a| {
                                        ow > 0.0 && a != e.place && o.country == Some(c)
                                    }) {
                                        if !seen.contains(&a) {
                                            seen.push(a);
                                        }
                                    }
                                }
                                20.0 + (10.0 * seen.len() as f64).min(40.0)
                            }
                            Feature::Admin2 => 30.0,
                            _ => 25.0,
                        };
                    }
                }
                if let Some(a) = m.admin1.filter(|_| p.feature != Feature::Admin1) {
                    let w = strongest(&ctx, weights, |o| o.admin1 == Some(a));
                    if w > 0.0 {
                        sup.admin1 = true;
                        s += 20.0 * w;
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
                    let w = strongest(&ctx, weights, |o| {
                        o.point.is_some_and(|pt| pt.within(p.lat, p.lon, 150.0))
                    });
                    if w > 0.0 {
                        sup.near = true;
                        s += 25.0 * w;
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
        // A name once seen as part of a person's name ("Christopher Steele") is that person
        // wherever it stands alone in the same text ("Steele said"), unless it is a country or
        // province the text is otherwise about ("China Daily" in a story on China).
        let mut persons: Vec<u64> = Vec::new();
        // Pass 1 is context-free; pass 2 adds the countries/provinces pass 1 found; pass 3 adds
        // closeness to the places pass 2 chose. Only mentions that pass the plausibility checks
        // count as context, so that a surname or a common word does not vote.
        let p1 = self.choose(text, toks, &raws, None);
        for (r, best) in raws.iter().zip(&p1) {
            if let Some(place) = best.and_then(|(e, _, _)| g.places.get(e.place as usize)) {
                if r.t0 == r.t1
                    && match self.person(text, toks, r, place) {
                        Person::Sure => true,
                        Person::Likely => place.population < 100_000,
                        Person::No | Person::Before => false,
                    }
                    && !persons.contains(&r.key)
                    && persons.len() < MAX_POINTS
                {
                    persons.push(r.key);
                }
            }
        }
        let persons = persons;
        // The three rounds below mostly ask again about the same choice of a mention, and the
        // plausibility checks are a pure function of the mention, the place and its support:
        // remember the last answer per mention.
        let mut memo: Vec<Option<(u32, Support, bool)>> = vec![None; raws.len()];
        let mut keep = |k: usize, r: &Raw<'_>, c: &Choice<'g>| -> bool {
            let Some((e, _, sup)) = c else { return false };
            let Some(place) = g.places.get(e.place as usize) else { return false };
            let town = matches!(place.feature, Feature::City | Feature::Admin2 | Feature::Other);
            if r.t0 == r.t1 && !sup.pattern && (town || !sup.country) && persons.contains(&r.key) {
                return false;
            }
            if let Some(Some((pl, s, v))) = memo.get(k) {
                if *pl == e.place && s == sup {
                    return *v;
                }
            }
            let v = self.plausible(text, toks, r, place, *sup);
            if let Some(m) = memo.get_mut(k) {
                *m = Some((e.place, *sup, v));
            }
            v
        };
        let mut mask = |p: Vec<Choice<'g>>| -> Vec<Choice<'g>> {
            let mut out = Vec::with_capacity(p.len());
            for (k, (r, c)) in raws.iter().zip(p).enumerate() {
                out.push(if keep(k, r, &c) { c } else { None });
            }
            out
        };
        let m1 = mask(p1);
        let p2 = self.choose(text, toks, &raws, Some(&m1));
        let m2 = mask(p2.clone());
        // A round reads of the round before only which entry each mention kept: when that is
        // unchanged, the third round would repeat the second.
        let same = |a: &Choice<'g>, b: &Choice<'g>| match (a, b) {
            (Some((x, _, _)), Some((y, _, _))) => std::ptr::eq(*x, *y),
            (None, None) => true,
            _ => false,
        };
        let p3 = if m1.iter().zip(&m2).all(|(a, b)| same(a, b)) {
            p2
        } else {
            self.choose(text, toks, &raws, Some(&m2))
        };
        let mut out = Vec::with_capacity(raws.len());
        for (k, (r, best)) in raws.iter().zip(p3).enumerate() {
            if !keep(k, r, &best) {
                continue;
            }
            let Some((e, _, _)) = best else { continue };
            let Some(place) = g.places.get(e.place as usize) else { continue };
            if !self.adjectives && e.flags & F_ADJ != 0 {
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
    /// The words around a match show it is part of a person's name: "Mr. Steele",
    /// "Hillary Clinton", "Georgia Stevens".
    fn person(&self, text: &str, toks: &[Token], r: &Raw<'_>, place: &crate::Place) -> Person {
        let town = matches!(place.feature, Feature::City | Feature::Admin2 | Feature::Other);
        let single = r.t0 == r.t1;
        let first = &text[toks[r.t0].start..toks[r.t0].end];
        let all_caps = toks[r.t0..=r.t1].iter().all(|t| t.caps || !t.cap);
        if let Some(p) = r.t0.checked_sub(1) {
            let (pt, w) = (toks[p], &text[toks[p].start..toks[p].end]);
            // `town` first: the word-list searches are the costly part of these tests.
            let title = town
                && !pt.joins_next
                && lower_in(w, &TITLES)
                && text.get(pt.end..pt.end + 1) == Some(".");
            let given = town
                && pt.cap
                && pt.joins_next
                && (lower_in(w, &LONE_NAMES) || lower_in(w, &FIRST_NAMES));
            if title || given {
                return Person::Sure;
            }
            // A capitalised word that is neither a function word, an acronym nor a kind of
            // place ("Village Malakal", "Camp Bastion").
            // A possessive is a place's, not a given name ("Russia's Belgorod region").
            let name_before = town
                && place.population < 1_000_000
                && pt.cap
                && !pt.caps
                && pt.joins_next
                && pt.full_end == pt.end
                && !lower_in(w, &SOFT_PREV)
                && !lower_in(w, &PLACE_WORDS)
                && !lower_in(w, &DIVISION_WORDS);
            if name_before {
                return Person::Likely;
            }
        }
        if let Some(nt) = toks.get(r.t1 + 1) {
            let w = &text[nt.start..nt.end];
            // "Antony Blinken": a small town's name before an unknown capitalised word is a
            // given name (or the first word of an organisation's name).
            if town
                && single
                && !all_caps
                && toks[r.t1].joins_next
                && nt.cap
                && !nt.caps
                && place.population < 100_000
                && !lower_in(w, &NEVER)
                && !lower_in(w, &SOFT_PREV)
                && !lower_in(w, &PLACE_WORDS)
                && !lower_in(w, &DIVISION_WORDS)
                && self.gaz.candidates(crate::norm::key(w)).is_empty()
            {
                return Person::Before;
            }
        }
        if let Some(nt) = toks.get(r.t1 + 1) {
            let w = &text[nt.start..nt.end];
            if single
                && !all_caps
                && toks[r.t1].joins_next
                && nt.cap
                && (lower_in(first, &FIRST_NAMES) || lower_in(first, &LONE_NAMES))
                && !lower_in(w, &NEVER)
                && !lower_in(w, &SOFT_PREV)
                && !lower_in(w, &DIVISION_WORDS)
                && !lower_in(w, &PLACE_WORDS)
            {
                return Person::Sure;
            }
        }
        Person::No
    }

    /// Rejects common words and person names that happen to be place names.
    fn plausible(
        &self,
        text: &str,
        toks: &[Token],
        r: &Raw<'_>,
        place: &crate::Place,
        sup: Support,
    ) -> bool {
        let (feature, pop) = (place.feature, place.population);
        let single = r.t0 == r.t1;
        let span = &text[r.start..r.end];
        let first = &text[toks[r.t0].start..toks[r.t0].end];
        let town = matches!(feature, Feature::City | Feature::Admin2 | Feature::Other);
        let prev = r.t0.checked_sub(1).map(|p| (toks[p], &text[toks[p].start..toks[p].end]));
        let next = toks.get(r.t1 + 1).map(|t| (*t, &text[t.start..t.end]));
        let locative =
            prev.is_some_and(|(pt, w)| pt.joins_next && !pt.cap && lower_in(w, &LOCATIVE));
        let division =
            next.is_some_and(|(_, w)| toks[r.t1].joins_next && lower_in(w, &DIVISION_WORDS));
        if single && lower_in(span, &NEVER) {
            // Months and weekdays are never places; other common words only after "in", "near"...
            if lower_in(span, &MONTHS_DAYS) || !town || !(locative || sup.pattern) {
                return false;
            }
        }
        // The phrases have several words, which a one-word span never spells.
        if !single && lower_in(span, &NEVER_PHRASES) {
            return false;
        }
        // "US$5", "C$10": currencies.
        if text.get(r.end..).is_some_and(|t| t.starts_with('$')) {
            return false;
        }
        if let Some((nt, w)) = next {
            if toks[r.t1].joins_next && !nt.cap && lower_in(w, &DISEASE_WORDS) {
                // "West Nile virus", "Marburg virus", "Spanish flu": diseases named after places.
                return false;
            }
            if toks[r.t1].joins_next && nt.cap && lower_in(w, &PAPER_WORDS) {
                // "The New York Times", "Jerusalem Post": newspapers.
                return false;
            }
        }
        match self.person(text, toks, r, place) {
            Person::No => {}
            Person::Before => {
                if !(sup.pattern || locative) {
                    return false;
                }
            }
            Person::Likely | Person::Sure => {
                if !sup.pattern {
                    return false;
                }
            }
        }
        // Ordinary words ("Drug", "Over", "Human", "Lakes") and lone first names ("David") are
        // places only with a cue: "in Nice", "Reading, Berkshire", or a big town near others.
        let big_province = feature == Feature::Admin1 && pop >= 1_000_000;
        if single
            && !matches!(feature, Feature::Country | Feature::Region)
            && !big_province
            && (r.common || lower_in(first, &LONE_NAMES))
        {
            let strong = (locative && !toks[r.t0].sent_start)
                || sup.pattern
                || (division && feature == Feature::Admin1)
                || (town && pop >= 100_000 && (sup.near || sup.country || sup.admin1));
            if !strong {
                return false;
            }
        }
        if feature == Feature::Admin1
            && !sup.country
            && !sup.pattern
            && !locative
            && !division
            && pop < 1_500_000
        {
            // Minor provinces need their country nearby.
            return false;
        }
        if !town || sup.pattern {
            return true;
        }
        if let Some((nt, w)) = next {
            // "Steele said": a surname that is also a small town.
            if toks[r.t1].joins_next
                && !locative
                && !nt.cap
                && lower_in(w, &SPEECH)
                && pop < 100_000
            {
                return false;
            }
        }
        let supported = locative || sup.admin1 || sup.near;
        // Any capitalised word can open a sentence: a town name there needs more support.
        if single && toks[r.t0].sent_start && pop < 100_000 && !supported && !sup.country {
            return false;
        }
        // A smallish town in a country the text otherwise never mentions is more likely a
        // word or a name ("Fano militias" in a story on Ethiopia).
        if pop < 50_000 && !sup.country && !locative {
            return false;
        }
        // Small towns need support beyond their country being mentioned.
        if pop < 15_000 && !supported {
            return false;
        }
        true
    }
}

/// The strongest weight among the context entries that satisfy `f` (0 when none does); `f` is
/// a generic parameter rather than a `dyn Fn`, so that it is inlined into the loop run for
/// every candidate of every mention.
/// Only an entry that would raise the maximum is tested, and the weights (0, 0.5 or 1) are
/// never NaN, so comparing is taking `f64::max`.
fn strongest(ctx: &[Ctx], weights: &[f64], f: impl Fn(&Ctx) -> bool) -> f64 {
    let mut best = 0.0;
    for (o, &w) in ctx.iter().zip(weights) {
        if w > best && f(o) {
            best = w;
        }
    }
    best
}

/// The chosen candidate of a match, its score and what supported it.
type Choice<'g> = Option<(&'g Entry, f64, Support)>;

/// How surely the words around a match make it part of a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Person {
    No,
    /// After an unexplained capitalised word: drop this mention only.
    Likely,
    /// After a title or a given name, or a given-name-like place before a surname: the name is
    /// a person's throughout the text.
    Sure,
    /// A small town before an unknown capitalised word ("Antony Blinken", but also "Randwick
    /// Racecourse"): dropped only when nothing else supports the town.
    Before,
}

/// A candidate place of a span and its score, as [`Geoparser::explain`] reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// Gazetteer name.
    pub name: String,
    /// ISO alpha-3 (empty for multi-country regions).
    pub country: String,
    /// Kind of place.
    pub feature: Feature,
    /// Final score; the highest wins.
    pub score: f64,
}

/// One other name's resolution, as context.
#[derive(Clone, Debug)]
struct Ctx {
    key: u64,
    country: Option<u32>,
    admin1: Option<u32>,
    point: Option<Point>,
    /// A demonym or adjective.
    adj: bool,
    /// Byte offsets of the name's occurrences (the first few).
    pos: Vec<usize>,
}

/// Context within this many bytes (a few sentences) counts in full.
const LOCAL_WINDOW: usize = 400;

/// Occurrences of one name remembered for locality.
const MAX_POSITIONS: usize = 16;

/// A point with its latitude's cosine precomputed, for cheap "within D km" tests.
#[derive(Clone, Copy, Debug)]
struct Point {
    lat: f64,
    lon: f64,
    cos_lat: f64,
}

impl Point {
    fn new(lat: f64, lon: f64) -> Point {
        Point { lat, lon, cos_lat: lat.to_radians().cos() }
    }

    /// Equirectangular approximation: within a few percent of the great-circle distance at the
    /// scales compared here (a hundred or two km), and free of trigonometry per pair.
    fn within(&self, lat: f64, lon: f64, d_km: f64) -> bool {
        const KM_PER_DEG: f64 = 111.195;
        let dy = (lat - self.lat) * KM_PER_DEG;
        let mut dl = (lon - self.lon).abs();
        if dl > 180.0 {
            dl = 360.0 - dl;
        }
        let dx = dl * KM_PER_DEG * self.cos_lat;
        dx * dx + dy * dy < d_km * d_km
    }
}

/// Why a candidate scored as it did; plausibility checks ask for some of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    fn word_lists_are_sorted() {
        for list in [
            CONNECTORS,
            DIRECTIONS,
            NEVER,
            FIRST_NAMES,
            LOCATIVE,
            DIVISION_WORDS,
            SOFT_PREV,
            TITLES,
            SPEECH,
            MONTHS_DAYS,
            LONE_NAMES,
            NEVER_PHRASES,
            DISEASE_WORDS,
            PAPER_WORDS,
        ] {
            let list = list.words;
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.first());
            assert!(list.iter().all(|w| w.len() <= 24 && *w == w.to_lowercase()));
        }
        assert!(
            lower_in("March", &MONTHS_DAYS)
                && lower_in("Ky.", &WordList::new(&["ky"]))
                && !lower_in("Marchx", &MONTHS_DAYS)
        );
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
