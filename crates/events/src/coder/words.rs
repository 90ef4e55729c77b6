//! Closed word classes the role rules test tokens against: prepositions, clause barriers,
//! determiners, modifiers, aspect verbs and the like. Grammar, not lexicon: users extend the
//! patterns in `data/events/`, not these. Classes the actor coder shares (articles,
//! prepositions, auxiliaries, months...) come from `lapwing_text::closed`; the lists here add
//! what only the event rules need.

use super::*;
use lapwing_text::{
    join_words, ARTICLES, AUXILIARIES, BE_FORMS, CARDINALS, MONTHS, POSSESSIVES, PREPOSITIONS,
    WEEKDAYS,
};

/// Prepositions: a mention right after one is not a bare subject or object. The event rules
/// count "targeting" among them ("strikes targeting Hamas").
pub(super) const PREPS: &[&str] = join_words!(PREPOSITIONS, &["targeting"]);

/// Words that start a new clause.
pub(super) const BARRIERS: &[&str] = &[
    ";",
    ":",
    "\"",
    "(",
    ")",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "after",
    "before",
    "when",
    "while",
    "because",
    "since",
    "although",
    "though",
    "whereas",
    "until",
    "but",
    "if",
    "unless",
    "where",
    "whether",
    "--",
    "following",
    "prompting",
    "leading",
    "amid",
];

/// The keys of `BARRIERS` (see [`word_keys`]): every token of a sentence with an event is
/// tested against the list.
pub(super) const BARRIER_KEYS: [u64; 4] = word_keys(BARRIERS);

/// The keys of `PREPS`, which each mention's and trigger's word before is tested against.
pub(super) const PREP_KEYS: [u64; 4] = word_keys(PREPS);

/// Determiners skipped between a preposition and its object.
pub(super) const DETERMINERS: &[&str] = join_words!(ARTICLES, POSSESSIVES, &["both", "all"]);

/// Words allowed between an event noun and the mention modifying it ("Israeli air strikes").
pub(super) const NOUN_MODIFIERS: &[&str] = &[
    "air",
    "aerial",
    "drone",
    "missile",
    "rocket",
    "artillery",
    "new",
    "fresh",
    "deadly",
    "heavy",
    "renewed",
    "latest",
    "recent",
    "overnight",
    "fierce",
    "continued",
    "repeated",
    "ongoing",
    "massive",
    "large",
    "major",
    "joint",
    "bilateral",
    "direct",
    "indirect",
    "nuclear",
    "phone",
    "further",
    "retaliatory",
    "military",
    "armed",
    "violent",
    "bloody",
    "alleged",
    "suspected",
    "apparent",
    "coordinated",
    "large-scale",
    "cross-border",
    "ground",
    "naval",
    "brutal",
    "-",
    "led",
    "backed",
    "peaceful",
    "mass",
    "nationwide",
    "anti-government",
    "attempted",
    "other",
    "possible",
    "planned",
    "police",
    "security",
    "humanitarian",
    "economic",
    "financial",
    "formal",
    "official",
    "high-level",
    "diplomatic",
    "trade",
    "peace",
    "ceasefire",
    "weekend",
    "nightly",
    "daily",
    "first",
    "second",
    "third",
    "two",
    "three",
    "several",
];

/// Adjectives that only stand before nouns ("a joint probe", "fresh clashes").
pub(super) const ADJECTIVES: &[&str] = &[
    "new",
    "fresh",
    "deadly",
    "heavy",
    "renewed",
    "latest",
    "recent",
    "fierce",
    "continued",
    "repeated",
    "ongoing",
    "massive",
    "large",
    "major",
    "joint",
    "bilateral",
    "direct",
    "further",
    "retaliatory",
    "armed",
    "violent",
    "bloody",
    "alleged",
    "suspected",
    "apparent",
    "coordinated",
    "large-scale",
    "cross-border",
    "brutal",
    "peaceful",
    "mass",
    "nationwide",
    "anti-government",
    "attempted",
    "possible",
    "planned",
    "formal",
    "high-level",
    "first",
    "second",
    "third",
    "several",
    "full",
    "thorough",
    "independent",
    "criminal",
    "preliminary",
];

/// Verbs of aspect before a gerund ("began releasing", "kept shelling"): the gerund is the
/// event, their subject its actor.
pub(super) const ASPECT: &[&str] = &[
    "began",
    "begun",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "continued",
    "continue",
    "continues",
    "resumed",
    "resume",
    "resumes",
    "kept",
    "keep",
    "keeps",
];

/// Adverbs, auxiliaries and negations, skipped when looking at what stands right before a verb.
pub(super) const ADVERBS: &[&str] = join_words!(
    AUXILIARIES,
    &[
        "also",
        "later",
        "then",
        "reportedly",
        "allegedly",
        "repeatedly",
        "again",
        "once",
        "further",
        "subsequently",
        "recently",
        "previously",
        "earlier",
        "already",
        "jointly",
        "finally",
        "immediately",
        "quickly",
        "swiftly",
        "formally",
        "officially",
        "publicly",
        "openly",
        "strongly",
        "sharply",
        "firmly",
        "still",
        "apparently",
        "now",
        "since",
        "briefly",
        "twice",
        "not",
        "n't",
        "never",
        "yesterday",
        "today",
        "overnight",
        "tonight",
        "reportedly",
        "originally",
        "initially",
        "first",
        "eventually",
        "temporarily",
        "unlawfully",
        "illegally",
        "wrongly",
        "wrongfully",
        "secretly",
        "forcibly",
        "violently",
        "brutally",
        "fatally",
        "seriously",
        "critically",
        "badly",
        "severely",
        "unanimously",
        "narrowly",
        "overwhelmingly",
    ]
);

/// Whether a word is a form of a verb of promising ("vowed", "pledges", "swore"), whose
/// infinitive is the promiser's own act.
pub(super) fn promise_verb(n: &str) -> bool {
    ["pledg", "vow", "promis", "swor", "swear"].iter().any(|p| n.starts_with(p))
}

/// Whether a verb governs an infinitive that tells a decision or plan, not a standing state:
/// "the government intends to ban households from raising chickens".
pub(super) fn intent_verb(n: &str) -> bool {
    [
        "intend", "plan", "decid", "vot", "mov", "agre", "propos", "want", "seek", "sought",
        "threat", "aim",
    ]
    .iter()
    .any(|p| n.starts_with(p))
        || promise_verb(n)
}

/// Whether a word can stand between an auxiliary and its participle: a listed adverb, or one
/// in -ly the list lacks ("are currently quarantined").
pub(super) fn adverb_like(n: &str) -> bool {
    listed_keyed(n, ADVERBS, &ADVERB_KEYS)
        || (n.len() > 4
            && n.ends_with("ly")
            && !matches!(
                n,
                "family" | "rally" | "ally" | "assembly" | "supply" | "reply" | "italy"
            ))
}

/// Quantity words whose "of" does not make a prepositional phrase ("thousands of X"). Not
/// built on `CARDINALS`: these count only to five, and more would change which "of" is partitive.
pub(super) const QUANTIFIERS: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "tens",
    "scores",
    "some",
    "many",
    "most",
    "all",
    "several",
    "number",
    "group",
    "members",
    "one",
    "two",
    "three",
    "four",
    "five",
    "both",
    "each",
    "none",
    "few",
    "majority",
    "hundred",
    "thousand",
    "dozen",
    "million",
];

/// Words between a locative preposition and a country ("in central Turkey").
pub(super) const REGION_WORDS: &[&str] = &[
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
    "neighbouring",
    "neighboring",
    "war-torn",
    "occupied",
    "rural",
    "coastal",
    "mainland",
    "nearby",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "far",
];

/// Words that may stand between a subject and its verb.
pub(super) const FUNCTION_WORDS: &[&str] = join_words!(
    AUXILIARIES,
    &[
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "then",
        "also",
        "to",
        "not",
        "n't",
        "never",
        "reportedly",
        "allegedly",
        "later",
        "again",
        "jointly",
        "first",
        "finally",
        "immediately",
        "quickly",
        "formally",
        "officially",
        "publicly",
        "openly",
        "strongly",
        "sharply",
        "firmly",
        "still",
        "now",
        "further",
        "yesterday",
        "today",
        "overnight",
        "tonight",
        "earlier",
        "recently",
        "previously",
        "already",
        "once",
        "we",
        "i",
        "you",
        "themselves",
        "itself",
        "where",
        "when",
        "while",
        "as",
        "if",
        "so",
        "thus",
        "since",
        "until",
        "after",
        "before",
        "because",
        "though",
        "although",
        "whether",
        "only",
        "even",
        "just",
        "all",
        "both",
        "each",
        "reportedly",
        "repeatedly",
        "twice",
        "late",
        "early",
    ]
);

/// Pronouns: a subject pronoun the actor coder did not resolve is followed to the nearest
/// earlier mention ("Syria's government announced that it will redeploy"). Only the third
/// person: "we" and "I" are the speaker, not someone named earlier.
pub(super) const PRONOUNS: &[&str] = &["it", "they", "he", "she"];

/// Head nouns of the actor lexicon's sites (`a.site.*` in agents.tsv).
pub(super) const SITE_HEADS: &[&str] = &[
    "station",
    "stations",
    "post",
    "posts",
    "checkpoint",
    "checkpoints",
    "headquarters",
    "van",
    "vehicle",
    "vehicles",
    "base",
    "bases",
    "airbase",
    "barracks",
    "convoy",
    "outpost",
    "church",
    "churches",
    "cathedral",
    "mosque",
    "mosques",
    "synagogue",
    "synagogues",
    "temple",
    "temples",
    "shrine",
    "shrines",
    "hospital",
    "hospitals",
    "clinic",
    "clinics",
    "centre",
    "center",
    "school",
    "schools",
    "campus",
    "kindergarten",
    "village",
    "villages",
    "camp",
    "camps",
    "area",
    "areas",
    "building",
    "buildings",
];

/// Day and month names: "arrested Friday" names no person.
pub(super) const CALENDAR: &[&str] =
    join_words!(WEEKDAYS, MONTHS, &["today", "yesterday", "tonight", "last", "early", "late"]);

/// Instruments that act for their makers ("a decree banning rallies").
pub(super) const LAWS: &[&str] = &[
    "law",
    "laws",
    "decree",
    "decrees",
    "bill",
    "order",
    "orders",
    "legislation",
    "resolution",
    "measure",
    "measures",
    "rule",
    "rules",
    "regulation",
    "regulations",
    "amendment",
];

/// Written messages whose statement participle is their sender's ("sent a letter to Reno
/// asking", "set up petitions calling for").
pub(super) const MESSAGES: &[&str] = &[
    "letter",
    "letters",
    "message",
    "messages",
    "note",
    "petition",
    "petitions",
    "motion",
    "motions",
    "complaint",
    "lawsuit",
    "brief",
    "email",
    "e-mail",
    "memo",
    "cable",
    "telegram",
    "appeal",
    "plea",
];

/// Heads of mentions that name people as protesters.
pub(super) const PROTESTERS: &[&str] = &[
    "protesters",
    "protestors",
    "demonstrators",
    "rioters",
    "mob",
    "crowd",
    "crowds",
    "marchers",
    "protester",
    "demonstrator",
];

/// Words of elections and games, where "beat" and "crushed" are wins.
pub(super) const CONTEST: &[&str] = &[
    "election",
    "elections",
    "vote",
    "votes",
    "voters",
    "poll",
    "polls",
    "primary",
    "primaries",
    "race",
    "ballot",
    "match",
    "game",
    "final",
    "semifinal",
    "tournament",
    "championship",
    "cup",
    "league",
    "seats",
    "runoff",
    "contest",
    "score",
    "points",
    "voting",
    "recount",
    "electoral",
    "candidate",
    "campaign",
    "ballots",
];

/// Heads of noun phrases that are no person: what was seized, hit or lost.
pub(super) const NOT_PERSONS: &[&str] = &[
    "outbreak",
    "spread",
    "epidemic",
    "decline",
    "growth",
    "inflation",
    "fall",
    "slide",
    "trend",
    "disease",
    "virus",
    "blaze",
    "process",
    "development",
    "rise",
    "talks",
    "it",
    "this",
    "that",
    "which",
    "there",
    "weapons",
    "arms",
    "drugs",
    "cash",
    "money",
    "ammunition",
    "rounds",
    "vehicles",
    "cars",
    "car",
    "goods",
    "property",
    "items",
    "kilos",
    "kilograms",
    "tonnes",
    "tons",
    "pounds",
    "houses",
    "homes",
    "buildings",
    "building",
    "house",
    "home",
    "area",
    "areas",
    "town",
    "city",
    "village",
    "road",
    "roads",
    "targets",
    "target",
    "positions",
    "sites",
    "site",
    "facility",
    "facilities",
    "infrastructure",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "time",
    "times",
    "night",
    "morning",
    "evening",
    "afternoon",
    "lot",
    "record",
    "hours",
    "charges",
    "charge",
    "fire",
    "shots",
    "shot",
    "bullets",
    "rockets",
    "missiles",
    "drones",
    "bombs",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "been",
    "news",
    "reports",
    "efforts",
    "measures",
    "plan",
    "deal",
    "crossing",
    "crossings",
    "airport",
    "port",
    "bridge",
    "office",
    "offices",
];

/// Forms of "be", and of "get", which also makes a passive ("got arrested").
pub(super) const BE: &[&str] = join_words!(BE_FORMS, &["get", "got", "gets"]);
/// The auxiliaries that coordinated participles share ("was arrested and charged", "is
/// attacked and invaded"): forms of "be" and "have".
pub(super) const AUX_CHAIN: &[&str] = join_words!(BE_FORMS, &["have", "has", "had"]);

/// Participles of report that may stand between a form of "be" and a passive participle
/// without breaking it: "were reported killed", "are feared dead", "were believed kidnapped".
pub(super) const REPORTED: &[&str] = &["reported", "feared", "believed", "confirmed", "presumed"];

pub(super) fn is(t: Option<&Token>, words: &[&str]) -> bool {
    t.is_some_and(|t| listed(&t.norm, words))
}

/// Whether `w` is one of `words`. The rules test tokens against lists of up to a hundred words
/// many times per sentence: length and first byte settle nearly every word of a list without
/// the call that compares the rest.
#[inline]
pub(super) fn listed(w: &str, words: &[&str]) -> bool {
    let first = w.as_bytes().first();
    words.iter().any(|x| x.len() == w.len() && x.as_bytes().first() == first && *x == w)
}

/// A word's key in a [`word_keys`] set: its length and first byte, mixed into 0..256.
#[inline]
const fn word_key(len: usize, first: u8) -> usize {
    (first as usize ^ len.wrapping_mul(37)) & 255
}

/// The keys of a word list's words, worked out at compile time, so that [`listed_keyed`]
/// tells most words that are no member with one bit test instead of a scan of the list.
pub(super) const fn word_keys(words: &[&str]) -> [u64; 4] {
    let mut keys = [0u64; 4];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let first = if w.is_empty() { 0 } else { w[0] };
        let k = word_key(w.len(), first);
        keys[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    keys
}

/// As [`listed`], for a list whose [`word_keys`] are `keys`.
#[inline]
pub(super) fn listed_keyed(w: &str, words: &[&str], keys: &[u64; 4]) -> bool {
    let k = word_key(w.len(), w.as_bytes().first().copied().unwrap_or(0));
    keys.get(k / 64).is_some_and(|bits| bits >> (k % 64) & 1 != 0) && listed(w, words)
}

/// The keys of `ADVERBS`, for [`adverb_like`], which the role rules ask of many words.
const ADVERB_KEYS: [u64; 4] = word_keys(ADVERBS);

/// Number words that count people or things ("killing four members of", "dozens of").
pub(super) const NUMBER_WORDS: &[&str] =
    join_words!(CARDINALS, &["dozens", "hundreds", "thousands", "scores", "several"]);

/// Prepositions of a phrase that tells where or when a clause's act took place ("in a phone
/// call with Merkel", "after talks in Malaysia"): a meeting in one is the subject's.
pub(super) const ADJUNCT_PREPS: &[&str] = &["during", "in", "at", "after", "following", "amid"];

/// Words that say someone abroad takes part, though no state is named ("appealed to Western
/// allies", "a plea for air defence systems", "intercepted the aid boat").
pub(super) const ABROAD: &[&str] = &[
    "allies",
    "partners",
    "countries",
    "nations",
    "international",
    "world",
    "donors",
    "western",
    "foreign",
    "abroad",
    "weapons",
    "systems",
    "aid",
    "boat",
    "ship",
    "vessel",
    "flotilla",
    "tanker",
    "occupier",
    "occupiers",
    "territory",
    "deal",
];

/// Natural disasters and diseases: "it" after one of them in a sentence is the disaster, not
/// a state ("Typhoon Gaemi lashed Taiwan, where it killed three people").
pub(super) const DISASTERS: &[&str] = &[
    "typhoon",
    "hurricane",
    "cyclone",
    "storm",
    "tornado",
    "earthquake",
    "quake",
    "tsunami",
    "flood",
    "floods",
    "flooding",
    "landslide",
    "wildfire",
    "blaze",
    "heatwave",
    "drought",
    "outbreak",
    "epidemic",
    "pandemic",
    "virus",
    "disease",
];

/// Personal and possessive pronouns, as the first word of a mention.
pub(super) const PRONOUN_FORMS: &[&str] =
    join_words!(POSSESSIVES, &["it", "they", "them", "he", "him", "she", "we", "us"]);

/// Buildings of a state or body that an attack noun may be named by ("the U.S. Embassy
/// bombings"): what was hit, not who hit it.
pub(super) const BUILDINGS: &[&str] = &[
    "embassy",
    "embassies",
    "consulate",
    "consulates",
    "mission",
    "headquarters",
    "compound",
    "base",
    "bases",
];

/// Things someone makes or says, whose author a "by" names ("a post by China's consul
/// general", "the proposal by Egypt").
pub(super) const BY_WORKS: &[&str] = &[
    "post",
    "posts",
    "remarks",
    "comments",
    "statement",
    "statements",
    "proposal",
    "plan",
    "decision",
    "move",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "raid",
    "offer",
    "bid",
    "claims",
    "accusations",
    "allegations",
    "report",
    "speech",
    "visit",
    "decree",
    "ruling",
];

/// Nouns naming a claim, which a denial answers ("said the reports were false").
pub(super) const CLAIM_NOUNS: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "suggestion",
    "suggestions",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "implication",
    "implications",
    "notion",
    "story",
    "stories",
    "assertion",
    "assertions",
    "insinuation",
    "insinuations",
    "idea",
    "speculation",
];
