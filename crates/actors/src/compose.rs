//! Composition within a sentence: turns lexicon atoms and the words around them into draft
//! mentions ("Syrian" + "army" → SYR MIL, "US" + "Ambassador" + "Tom Barrack" → USA GOV,
//! "Israeli" + "strikes" → an ISR MIL actor, "authorities in Damascus" → SYR GOV).
//!
//! Whatever needs the rest of the document (pronouns, "the army", surnames, the country of a
//! bare "protesters") is left marked on the draft for the document pass in `document.rs`.

use crate::lexicon::{Entry, Form, Kind, Lexicon, Target};
use crate::matcher::{find_atoms, Atom};
use lapwing_core::plover::{ActorCode, Sector};
use lapwing_core::{Entity, EntryRef, MentionKind, Token, TokenKind};
use lapwing_text::{
    join_words, ARTICLES, AUXILIARIES, BE_FORMS, CARDINALS, MONTHS, POSSESSIVES, PREPOSITIONS,
    WEEKDAYS,
};
use std::ops::Range;

/// What a reference word needs from the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pron {
    /// he, she, his, her, him: the last person.
    Person,
    /// they, them, their: the last group.
    Plural,
    /// "the group", "the movement": the last named organisation.
    Group,
    /// "the country": the last country.
    Country,
    /// "the South American country": a country of this sentence, else the story's own.
    DescribedCountry,
    /// "the ministry": the last ministry.
    Ministry,
    /// "the committee", "the commission", "the agency": the last body named with that word.
    Body,
    /// "it said": the last organisation, state or singular body.
    It,
}

/// A mention before the document pass.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub tokens: Range<usize>,
    pub head: usize,
    pub entity: Entity,
    pub kind: MentionKind,
    pub entries: Vec<EntryRef>,
    pub person: bool,
    pub plural: bool,
    pub org: bool,
    /// Code to come from the document's dominant country.
    pub needs_code: bool,
    /// "the army", "the president": may refer to an earlier mention.
    pub definite: bool,
    pub pron: Option<Pron>,
    /// A lone capitalised word that is an actor only if it is an earlier person's surname.
    pub surname_only: bool,
    /// Last-name forms of a person, for later surname references.
    pub surnames: Vec<String>,
    /// The first word of an unknown person's name of two words or more ("maria" in "Maria
    /// Castro"): someone else than an earlier person of that surname who has no such name.
    pub given_name: Option<String>,
    pub person_key: Option<String>,
    /// The coding came from a title or apposition in the text.
    pub text_title: bool,
    /// Led by "its"/"their" ("its forces"): owned by an earlier actor of the sentence.
    pub possessed: bool,
    /// The organisation a member mention belongs to ("Hamas" in "Hamas leader X"), which
    /// "the group" may refer to.
    pub group: Option<Entity>,
    /// The country adjective of an attack or weapon noun ("Russian" in "a Russian missile
    /// strike"): it names the attacker, not where the story is.
    pub attacker: bool,
}

impl Draft {
    fn new(tokens: Range<usize>, head: usize, kind: MentionKind) -> Draft {
        Draft {
            tokens,
            head,
            entity: Entity {
                entity_text: String::new(),
                identifier_text: None,
                identifier_id: None,
                code: None,
                sector: None,
                other_sector_codes: Vec::new(),
                ethnicity: None,
                religion: None,
                office: None,
            },
            kind,
            entries: Vec::new(),
            person: false,
            plural: false,
            org: false,
            needs_code: false,
            definite: false,
            pron: None,
            surname_only: false,
            surnames: Vec::new(),
            given_name: None,
            person_key: None,
            text_title: false,
            possessed: false,
            group: None,
            attacker: false,
        }
    }
}

/// How an atom acts, from its entry's kind and the phrase list it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Country,
    Adj,
    Demonym,
    Capital,
    Name,
    Person,
    Agent,
    Title,
    Ethnic,
    Attack,
    Place,
    Stop,
    Region,
}

/// Words that count or pick out the members of a group ("three of its soldiers").
const QUANTIFIERS: &[&str] = join_words!(
    CARDINALS,
    POSSESSIVES,
    &[
        "some",
        "several",
        "many",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "tens",
        "millions",
        "other",
        "more",
        "most",
        "all",
        "both",
        "few",
        "numerous",
        "various",
        "least",
        "at",
        "of",
        "these",
        "those",
        "this",
        "any",
        "no",
        "every",
        "each",
    ]
);
/// Weapon platforms that stand for the force that flies or sails them ("its jets struck").
const PLATFORMS: &[&str] = &[
    "jets",
    "warplanes",
    "aircraft",
    "planes",
    "helicopters",
    "drones",
    "warships",
    "artillery",
    "tanks",
    "gunboats",
];
/// Portfolios ("Mexico's security minister", "the defence and foreign ministers"), which
/// modify only an agent or title right after them ("First Security Corp." is a name); where
/// the lexicon knows a longer phrase ("security forces") that phrase wins.
const PORTFOLIOS: &[&str] = &[
    "security",
    "defence",
    "defense",
    "interior",
    "finance",
    "economy",
    "trade",
    "energy",
    "justice",
    "agriculture",
    "transport",
];
const MODIFIERS: &[&str] = &[
    "neighbouring",
    "neighboring",
    "medical",
    "university",
    "senior",
    "top",
    "local",
    "former",
    "ex",
    "acting",
    "interim",
    "new",
    "then",
    "outgoing",
    "incoming",
    "retired",
    "unidentified",
    "unknown",
    "masked",
    "suspected",
    "alleged",
    "armed",
    "rival",
    "allied",
    "hardline",
    "radical",
    "young",
    "elderly",
    "foreign",
    "affairs",
    "federal",
    "national",
    "regional",
    "provincial",
    "fellow",
    "current",
    "longtime",
    "veteran",
    "powerful",
    "influential",
    "prominent",
    "exiled",
    "late",
    "self-styled",
    "so-called",
    "de",
    "facto",
    "transitional",
    "caretaker",
    "newly",
    "elected",
    "appointed",
    "sunni",
    "shiite",
    "christian",
    "muslim",
    "jewish",
    "islamist",
    "jihadist",
    "extremist",
    "separatist",
    "violent",
    "innocent",
    "ordinary",
    "angry",
    "peaceful",
    "unarmed",
    "ethnic",
    "minority",
    "majority",
    "main",
    "key",
    "chief",
    "central",
    "military-backed",
    "government-backed",
    "state-backed",
    "state-run",
    "state-owned",
    "ruling",
    "governing",
    "opposition-held",
    "political",
    "first",
    "second",
    "third",
    "top-ranking",
    "high-ranking",
    "embattled",
    "beleaguered",
    "besieged",
    "civilian",
    "syrian-backed",
    "far-right",
    "far-left",
    "right-wing",
    "left-wing",
    "ultranationalist",
    "ultra-nationalist",
    "centrist",
    "conservative",
    "liberal",
    "moderate",
    "nationalist",
    "reformist",
];
const BACKED_SUFFIXES: &[&str] = &[
    "backed",
    "aligned",
    "allied",
    "affiliated",
    "linked",
    "supported",
    "sponsored",
    "funded",
    "trained",
    "armed",
    "controlled",
    "friendly",
    "leaning",
    "held",
];
const OWN_SUFFIXES: &[&str] = &["led", "based", "run", "born", "origin", "flagged", "registered"];

/// Capitalised words that are not names.
const NOT_NAMES: &[&str] = join_words!(
    ARTICLES,
    POSSESSIVES,
    AUXILIARIES,
    WEEKDAYS,
    MONTHS,
    &[
        "in",
        "on",
        "at",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "or",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "as",
        "for",
        "with",
        "from",
        "by",
        "of",
        "to",
        "so",
        "yet",
        "also",
        "then",
        "there",
        "here",
        "what",
        "who",
        "whom",
        "which",
        "where",
        "why",
        "how",
        "some",
        "many",
        "most",
        "all",
        "no",
        "not",
        "one",
        "two",
        "three",
        "meanwhile",
        "however",
        "yesterday",
        "today",
        "tomorrow",
        "earlier",
        "later",
        "separately",
        "still",
        "instead",
        "although",
        "though",
        "because",
        "until",
        "during",
        "despite",
        "amid",
        "according",
        "asked",
        "speaking",
        "under",
        "over",
        "about",
        "against",
        "between",
        "without",
        "within",
        "through",
        "across",
        "around",
        "last",
        "next",
        "this",
        "each",
        "every",
        "both",
        "my",
        "your",
        "you",
        "me",
        "us",
        "them",
        "him",
        // Forms of "be" without "being", so not `BE_FORMS`: adding it would change what is a name.
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "such",
        "other",
        "another",
        "more",
        "less",
        "few",
        "several",
        "only",
        "even",
        "now",
        "just",
        "once",
        "again",
        "further",
        "furthermore",
        "moreover",
        "thus",
        "therefore",
        "indeed",
        "overall",
        "nearly",
        "almost",
        "about",
        "above",
        "below",
        "up",
        "down",
        "out",
        "off",
        "into",
        "onto",
        "upon",
        "like",
        "unlike",
        "per",
        "via",
        "among",
        "whether",
        "whose",
        "although",
        "breaking",
        "update",
        "updated",
        "exclusive",
        "analysis",
        "opinion",
        "editorial",
        "photo",
        "video",
        "watch",
        "read",
        "ap",
        "afp",
        "reuters",
        "x",
        "facebook",
        "telegram",
        "twitter",
        "instagram",
        "youtube",
        "tiktok",
        "whatsapp",
        "islam",
        "god",
        "allah",
        "covid-19",
        "christmas",
        "ramadan",
        "eid",
        "easter",
        "new",
        "old",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "english",
        "arabic",
        "french",
        "spanish",
        "russian",
        "chinese",
        "hebrew",
        "persian",
    ]
);

/// Words in a capitalised run that make it a place or a thing, not an actor.
const PLACE_WORDS: &[&str] = &[
    "city",
    "street",
    "province",
    "region",
    "river",
    "sea",
    "mountains",
    "mountain",
    "square",
    "airport",
    "hospital",
    "university",
    "bridge",
    "valley",
    "island",
    "islands",
    "gulf",
    "strait",
    "road",
    "park",
    "lake",
    "county",
    "district",
    "governorate",
    "camp",
    "crossing",
    "port",
    "base",
    "airbase",
    "palace",
    "mosque",
    "church",
    "cathedral",
    "stadium",
    "hotel",
    "school",
    "college",
    "peninsula",
    "desert",
    "coast",
    "highway",
    "avenue",
    "plaza",
    "canal",
    "dam",
    "prison",
    "border",
    "strip",
    "bank",
    "heights",
    "hills",
    "oblast",
    "state",
    "day",
    "war",
    "prize",
    "award",
    "cup",
    "games",
    "olympics",
    "summit",
    "conference",
    "forum",
    "accords",
    "accord",
    "agreement",
    "treaty",
    "act",
    "law",
    "bill",
    "plan",
    "initiative",
    "times",
    "post",
    "news",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "flu",
    "influenza",
    "virus",
    "disease",
    "fever",
    "syndrome",
    "outbreak",
    "pandemic",
    "hall",
    "engine",
    "grill",
    "festival",
    "awards",
    "market",
    "mall",
    "museum",
    "gallery",
    "tower",
    "stadium",
    "arena",
    "theatre",
    "theater",
    "church",
    "temple",
    "cemetery",
    "zoo",
    "farm",
    "centre",
    "center",
    "club",
    "restaurant",
    "cafe",
    "bar",
    "storm",
    "cyclone",
    "hurricane",
    "typhoon",
    "earthquake",
    "fire",
    "orange",
    "cow",
    "mountain",
];

/// Words in a capitalised run that make it an organisation rather than a person.
/// Last words of company names.
const COMPANY_WORDS: &[&str] = &[
    "airlines",
    "airways",
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "co",
    "co.",
    "bancorp",
    "bancorp.",
    "ag",
    "sa",
    "s.a.",
    "nv",
    "n.v.",
    "gmbh",
    "spa",
    "s.p.a.",
    "motors",
    "industries",
    "holdings",
    "technologies",
    "pharmaceuticals",
    "petroleum",
    "telecom",
    "communications",
    "entertainment",
    "electronics",
];

const ORG_WORDS: &[&str] = &[
    "ministry",
    "council",
    "forces",
    "force",
    "army",
    "front",
    "brigade",
    "brigades",
    "movement",
    "group",
    "party",
    "committee",
    "commission",
    "agency",
    "authority",
    "company",
    "corporation",
    "organisation",
    "organization",
    "association",
    "union",
    "federation",
    "institute",
    "foundation",
    "bureau",
    "office",
    "department",
    "service",
    "services",
    "guard",
    "corps",
    "battalion",
    "division",
    "regiment",
    "police",
    "court",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "league",
    "alliance",
    "coalition",
    "network",
    "centre",
    "center",
    "society",
    "watch",
    "fund",
    "bank",
    "inc",
    "ltd",
    "corp",
    "co",
    "group",
    "observatory",
];

/// Verbs after which "it" is an actor.
/// Verbs of statements about someone after which "it of/to/for" is that someone.
const IT_OBJECT_VERBS: &[&str] = &[
    "accusing",
    "accused",
    "accuse",
    "accuses",
    "blaming",
    "blamed",
    "urging",
    "urged",
    "urge",
    "warning",
    "warned",
    "condemning",
    "condemned",
    "criticising",
    "criticizing",
    "criticised",
    "criticized",
    "praising",
    "praised",
    "thanking",
    "thanked",
    "asking",
    "asked",
    "ordering",
    "ordered",
    "telling",
    "told",
];

const IT_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "claimed",
    "denied",
    "accused",
    "warned",
    "announced",
    "called",
    "rejected",
    "urged",
    "struck",
    "launched",
    "attacked",
    "vowed",
    "threatened",
    "condemned",
    "demanded",
    "insisted",
    "stated",
    "confirmed",
    "fired",
    "deployed",
    "withdrew",
    "agreed",
    "refused",
    "blamed",
    "welcomed",
    "pledged",
    "promised",
    "killed",
    "targeted",
    "seized",
    "captured",
    "arrested",
    "detained",
    "released",
    "sent",
    "imposed",
    "expelled",
    "summoned",
    "criticised",
    "criticized",
    "praised",
    "asked",
    "told",
    "wants",
    "wanted",
    "would",
    "will",
    "plans",
    "planned",
    "intends",
    "hopes",
    "believes",
    "considers",
    "accepted",
    "signed",
];

/// Common names of state institutions the lexicon files under one state ("Congress"), which
/// another state's name before them claims ("Peru's Congress", "the Peruvian Senate").
pub(crate) fn generic_organ(w: &str) -> bool {
    matches!(w, "congress" | "senate" | "parliament" | "cabinet")
}

/// Nouns after which a singular agent word is a modifier, not an actor.
const NON_ACTOR_HEADS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "deals",
    "pact",
    "accord",
    "treaty",
    "alliance",
    "relations",
    "partnership",
    "exports",
    "imports",
    "sales",
    "industry",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "camp",
    "camps",
    "base",
    "bases",
    "operation",
    "operations",
    "exercise",
    "exercises",
    "drills",
    "aid",
    "equipment",
    "vehicle",
    "vehicles",
    "checkpoint",
    "checkpoints",
    "post",
    "posts",
    "position",
    "positions",
    "source",
    "sources",
    "facility",
    "facilities",
    "station",
    "stations",
    "hospital",
    "budget",
    "spending",
    "service",
    "rule",
    "coup",
    "ties",
    "cooperation",
    "support",
    "action",
    "actions",
    "campaign",
    "buildup",
    "build-up",
    "presence",
    "hardware",
    "assistance",
    "law",
    "laws",
    "plan",
    "plans",
    "policy",
    "policies",
    "decision",
    "decree",
    "statement",
    "statements",
    "data",
    "figures",
    "report",
    "reports",
    "building",
    "buildings",
    "headquarters",
    "compound",
    "property",
    "site",
    "sites",
    "target",
    "targets",
    "infrastructure",
    "jet",
    "jets",
    "aircraft",
    "helicopter",
    "helicopters",
    "truck",
    "trucks",
    "uniform",
    "uniforms",
    "custody",
    "cell",
    "cells",
    "car",
    "cars",
    "van",
    "officer",
    "funding",
    "bonds",
    "debt",
    "revenue",
    "revenues",
    "contracts",
    "contract",
    "account",
    "website",
    "channel",
    "television",
    "tv",
    "media",
    "newspaper",
    "radio",
    "agency",
    "order",
    "orders",
    "ban",
    "tactics",
    "strategy",
    "doctrine",
    "academy",
    "college",
    "school",
    "prison",
    "jail",
    "detention",
    "records",
    "documents",
    "files",
    "negotiations",
    "talks",
    "meeting",
    "visit",
    "visits",
    "trip",
    "ceremony",
    "residence",
    "toll",
    "results",
    "version",
    "duties",
];

/// The result of parsing a title and what follows it.
struct TitleChain {
    end: usize,
    /// End of the titles and their "of X" phrases, without "to Turkey", "in Baghdad".
    core_end: usize,
    /// The office as written up to `core_end`.
    core_office: String,
    office: String,
    sector: Option<Sector>,
    of: Option<(ActorCode, Option<Sector>, EntryRef)>,
    honorific: bool,
    entries: Vec<EntryRef>,
    /// The organisation of an "of" phrase ("leader of Hezbollah").
    group: Option<Entity>,
}

/// Context words before a head: country adjectives, possessive countries, organisations.
#[derive(Default, Clone)]
struct Ctx {
    start: Option<usize>,
    code: Option<ActorCode>,
    sector: Option<Sector>,
    org: Option<usize>,
    ethnicity: Option<String>,
    religion: Option<String>,
    entries: Vec<EntryRef>,
    /// The tokens of a country word usable as an attacker ("Israeli" in "Israeli strikes").
    country_span: Option<Range<usize>>,
    /// From a hyphenated compound ("Russian-backed"): not the actor's own country.
    backed: bool,
    /// A region's adjective ("European leaders"): the actor has no state code.
    region: bool,
}

/// One sentence being composed.
pub(crate) struct SentenceComposer<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    tokens: &'a [Token],
    date: Option<&'a str>,
    /// atom index starting at each token, if any.
    atom_at: Vec<Option<usize>>,
    atoms: Vec<Atom>,
    /// Chosen entry per atom.
    chosen: Vec<usize>,
    /// Word-class flags per token (the lexicon's word lists plus the per-token flags below).
    class: Vec<u16>,
    /// First token after a dateline, computed once per sentence.
    dateline: usize,
}

const DET: u8 = 1;
const QUANT: u8 = 2;
const MODIFIER: u8 = 4;
const NOT_NAME: u8 = 8;
const NON_ACTOR_HEAD: u8 = 16;
const PLACE_WORD: u8 = 32;
const ORG_WORD: u8 = 64;
/// Words that `parse_at` reacts to by their norm alone (see `may_start`).
const START_WORD: u8 = 128;
/// Per-token flags, set in `SentenceComposer::new` above the word-list bits.
/// `is_name_token`, precomputed: it is asked many times per token.
const NAME_TOKEN: u16 = 256;
/// The norm holds a hyphen ("russian-backed", "iran-us"), which several rules look inside.
const HYPHEN: u16 = 512;
/// The token may start an actor phrase; see `may_start`.
const MAY_START: u16 = 1024;

/// The words `parse_at` may start at by their norm alone, whatever the token's kind: pronouns,
/// articles (a hyphenated pair may follow), and the words `skip_words` steps over by name.
const START_WORDS: &[&str] = &[
    "he",
    "she",
    "his",
    "him",
    "her",
    "they",
    "them",
    "their",
    "it",
    "the",
    "a",
    "an",
    "of",
    "at",
    "appointed",
    "elected",
];

/// The word classes above, by normalised word, built once with the lexicon so that a
/// sentence's words are classified with one hash lookup each.
pub(crate) fn word_classes() -> crate::lexicon::FxMap<&'static str, u8> {
    let mut m = crate::lexicon::FxMap::default();
    for (list, flag) in [
        (ARTICLES, DET),
        (QUANTIFIERS, QUANT),
        (MODIFIERS, MODIFIER),
        (NOT_NAMES, NOT_NAME),
        (NON_ACTOR_HEADS, NON_ACTOR_HEAD),
        (PLACE_WORDS, PLACE_WORD),
        (ORG_WORDS, ORG_WORD),
        (START_WORDS, START_WORD),
    ] {
        for w in list {
            *m.entry(*w).or_insert(0) |= flag;
        }
    }
    m
}

fn armed(sector: Option<Sector>) -> bool {
    matches!(sector, Some(Sector::Reb | Sector::Prm | Sector::Uaf | Sector::Crm))
}

/// First token after a dateline ("DAMASCUS, Syria (AP) —"), or 0.
fn dateline_end(text: &str, toks: &[Token]) -> usize {
    let Some(first) = toks.first() else { return 0 };
    // At least three letters, none of them lower-case or caseless (counted without collecting
    // them, as this runs for every sentence).
    let mut letters = 0usize;
    let mut all_upper = true;
    for c in first.span.slice(text).chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    if letters < 3 || !all_upper {
        return 0;
    }
    for (k, t) in toks.iter().enumerate().take(14).skip(1) {
        if matches!(t.norm.as_str(), "-" | "--" | ":") && t.kind == TokenKind::Punct {
            let prev = toks.get(k - 1).map(|p| p.norm.as_str()).unwrap_or("");
            let has_comma = toks.iter().take(k).any(|x| x.norm == "," || x.norm == "(");
            if has_comma || prev == ")" || k <= 3 {
                return k + 1;
            }
        }
    }
    0
}

/// Whether a token can be part of a name (`word_class` and `HYPHEN` flags in `class`).
fn name_token(t: &Token, class: u16) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = t.norm.as_str();
    // Every particle prefix ends in a hyphen.
    if class & HYPHEN != 0 && has_particle_prefix(w) {
        return true;
    }
    t.capitalised
        && class & u16::from(NOT_NAME) == 0
        && w.chars().next().is_some_and(char::is_alphabetic)
}

/// Whether `SentenceComposer::parse_at` can find anything at a token; most tokens ("said",
/// "on", ",") cannot, and skipping them saves most of the composer's time. This must stay a
/// superset of what `parse_at` accepts as the first token: a hyphenated pair or compound, a
/// pronoun or "the", a word `skip_words` steps over (numbers, determiners, quantifiers,
/// modifiers, "of", "at", "newly appointed"), a lexicon atom, or a name. Anything else leaves
/// `parse_at` with no atom and no name at its start, so it returns `None`.
fn may_start(t: &Token, class: u16, atom: bool) -> bool {
    atom || class & (NAME_TOKEN | HYPHEN | u16::from(START_WORD)) != 0
        || t.kind == TokenKind::Number
        || (t.kind == TokenKind::Word && class & u16::from(DET | QUANT | MODIFIER) != 0)
}

impl<'a> SentenceComposer<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        date: Option<&'a str>,
    ) -> SentenceComposer<'a> {
        // One lookup per token classifies it for the matcher and the composer alike.
        let words: Vec<u16> = tokens
            .iter()
            .map(|t| lex.word_class.get(t.norm.as_str()).copied().unwrap_or(0))
            .collect();
        let mut atoms = find_atoms(lex, text, tokens, &words);
        // "Police spokesman Abdifatah Aden Hassan": a one-word place between two capitalised
        // words, the first of which the lexicon does not know, is part of a name.
        let covered = |k: usize| atoms.iter().any(|a| a.start <= k && k < a.end);
        let inside_name: Vec<bool> = atoms
            .iter()
            .map(|a| {
                let place = a
                    .targets
                    .first()
                    .and_then(|t| lex.entries.get(t.entry))
                    .is_some_and(|e| matches!(e.kind, Kind::Country | Kind::Place));
                let cap = |k: usize| {
                    tokens.get(k).is_some_and(|t| {
                        t.capitalised
                            && t.kind == TokenKind::Word
                            && !matches!(t.norm.as_str(), "the" | "a" | "an" | "this" | "that")
                    })
                };
                let area = tokens.get(a.end).is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "province"
                            | "region"
                            | "city"
                            | "governorate"
                            | "district"
                            | "state"
                            | "county"
                            | "area"
                            | "airport"
                            | "port"
                            | "valley"
                            | "river"
                    )
                });
                place
                    && a.end == a.start + 1
                    && a.start >= 1
                    && cap(a.start - 1)
                    && !covered(a.start - 1)
                    && cap(a.end)
                    && !covered(a.end)
                    && !area
            })
            .collect();
        let mut keep = inside_name.iter().map(|x| !x);
        atoms.retain(|_| keep.next().unwrap_or(true));
        let mut atom_at = vec![None; tokens.len()];
        for (k, a) in atoms.iter().enumerate() {
            if let Some(slot) = atom_at.get_mut(a.start) {
                *slot = Some(k);
            }
        }
        let chosen = atoms.iter().map(|a| choose(lex, &a.targets, date)).collect();
        let class = tokens
            .iter()
            .zip(&atom_at)
            .zip(words)
            .map(|((t, atom), mut c)| {
                // A byte search: '-' is ASCII, never part of a longer UTF-8 sequence. (A plain
                // loop: a norm is a few bytes, too short to pay for a call to `memchr`.)
                if t.norm.bytes().any(|b| b == b'-') {
                    c |= HYPHEN;
                }
                if name_token(t, c) {
                    c |= NAME_TOKEN;
                }
                if may_start(t, c, atom.is_some()) {
                    c |= MAY_START;
                }
                c
            })
            .collect();
        let dateline = dateline_end(text, tokens);
        SentenceComposer { lex, text, tokens, date, atom_at, atoms, chosen, class, dateline }
    }

    fn has(&self, i: usize, flags: impl Into<u16>) -> bool {
        let flags = flags.into();
        self.class.get(i).is_some_and(|c| c & flags != 0)
    }

    fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    fn surface(&self, r: Range<usize>) -> String {
        match (self.tokens.get(r.start), r.end.checked_sub(1).and_then(|e| self.tokens.get(e))) {
            (Some(a), Some(b)) if r.start < r.end => {
                self.text.get(a.span.start..b.span.end).unwrap_or("").to_string()
            }
            _ => String::new(),
        }
    }

    fn atom(&self, i: usize) -> Option<(usize, &Atom, &Entry, Form)> {
        let k = (*self.atom_at.get(i)?)?;
        let atom = self.atoms.get(k)?;
        let t = *self.chosen.get(k)?;
        let target = atom.targets.get(t)?;
        let entry = self.lex.entries.get(target.entry)?;
        Some((k, atom, entry, target.form))
    }

    /// The end of "South American country", "oil-rich Gulf state", "Himalayan kingdom" from
    /// token `i`: up to three words that place or describe a state, none of which names one
    /// ("the Syrian state" is Syria's own), then a noun for a state.
    fn described_country(&self, i: usize) -> Option<usize> {
        const STATE_NOUNS: &[&str] =
            &["country", "nation", "kingdom", "state", "republic", "emirate"];
        const DESCRIBING: &[&str] = &[
            "small",
            "tiny",
            "impoverished",
            "landlocked",
            "island",
            "poor",
            "secretive",
            "reclusive",
            "communist",
            "himalayan",
            "andean",
            "alpine",
            "archipelago",
        ];
        let mut j = i;
        while j < i + 3 {
            let t = self.tokens.get(j)?;
            let n = t.norm.as_str();
            if STATE_NOUNS.contains(&n) {
                break;
            }
            let placing = match self.role(j) {
                Some(Role::Region) => true,
                Some(_) => false,
                None => {
                    (t.capitalised && t.kind == TokenKind::Word)
                        || DESCRIBING.contains(&n)
                        || (n.contains('-')
                            && n.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                }
            };
            if !placing {
                return None;
            }
            j += 1;
        }
        let head = self.tokens.get(j)?;
        let noun = STATE_NOUNS.contains(&head.norm.as_str());
        // ("the Himalayan nation of Bhutan" names it there and then.)
        let named_after = self.tokens.get(j + 1).is_some_and(|t| t.norm == "of");
        (noun && j > i && !head.capitalised && !named_after).then_some(j + 1)
    }

    fn role(&self, i: usize) -> Option<Role> {
        let (_, _, e, form) = self.atom(i)?;
        Some(role_of(e, form))
    }

    fn entry_ref(&self, k: usize) -> Option<EntryRef> {
        let atom = self.atoms.get(k)?;
        let t = atom.targets.get(*self.chosen.get(k)?)?;
        let e = self.lex.entries.get(t.entry)?;
        Some(EntryRef {
            role: "actor".into(),
            entry: e.key.clone(),
            source: e.source.clone(),
            text: self.surface(atom.start..atom.end),
        })
    }

    /// Places and dateline countries with their token positions, for the country of bare
    /// nouns near them.
    pub(crate) fn location_votes(&self) -> Vec<(usize, ActorCode)> {
        let dateline = self.dateline_end();
        (0..self.atoms.len())
            .filter_map(|k| {
                let atom = self.atoms.get(k)?;
                let e = self.lex.entries.get(atom.targets.get(*self.chosen.get(k)?)?.entry)?;
                let counts =
                    e.kind == Kind::Place || (e.kind == Kind::Country && atom.start < dateline);
                counts
                    .then_some(e.code)
                    .flatten()
                    .filter(|c| !c.is_non_state())
                    .map(|c| (atom.start, c))
            })
            .collect()
    }

    /// Country codes that places and datelines point at, which no mention carries (for the
    /// dominant country; mentions vote in the document pass), with the token they start at.
    pub(crate) fn country_votes(&self) -> Vec<(usize, ActorCode, usize)> {
        let dateline = self.dateline_end();
        (0..self.atoms.len())
            .filter_map(|k| {
                let atom = self.atoms.get(k)?;
                let e = self.lex.entries.get(atom.targets.get(*self.chosen.get(k)?)?.entry)?;
                let w = match e.kind {
                    Kind::Place => 2,
                    // A dateline says where the story happens.
                    Kind::Country if atom.start < dateline => 6,
                    Kind::Country => 1,
                    _ => 0,
                };
                e.code.filter(|c| w > 0 && !c.is_non_state()).map(|c| (atom.start, c, w))
            })
            .collect()
    }

    /// First token after a dateline ("DAMASCUS, Syria (AP) —").
    fn dateline_end(&self) -> usize {
        self.dateline
    }

    /// All drafts of the sentence, in token order.
    pub(crate) fn drafts(&self) -> Vec<Draft> {
        let n = self.tokens.len();
        let mut out = Vec::new();
        let mut i = self.dateline_end();
        while i < n {
            if !self.has(i, MAY_START) {
                i += 1;
                continue;
            }
            match self.parse_at(i) {
                Some((mut ds, next)) => {
                    out.append(&mut ds);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        for d in &mut out {
            d.entity.entity_text = self.surface(d.tokens.clone());
        }
        out
    }

    fn skip_modifiers(&self, j: usize, ctx: &mut Ctx, former: &mut bool) -> usize {
        self.skip_words(j, ctx, former, false)
    }

    /// Skips modifiers inside a phrase ("Hamas senior official"): no determiners there.
    fn skip_inner(&self, j: usize, ctx: &mut Ctx, former: &mut bool) -> usize {
        self.skip_words(j, ctx, former, true)
    }

    fn skip_words(&self, mut j: usize, ctx: &mut Ctx, former: &mut bool, inner: bool) -> usize {
        let mut guard = 0;
        while j < self.tokens.len() && guard < 12 {
            guard += 1;
            let Some(t) = self.tokens.get(j) else { break };
            let w = t.norm.as_str();
            // A count that is also a crowd ("thousands") is only a count before "of", unless
            // the lexicon's phrase runs on past it ("tens of thousands").
            let count_of = self.has(j, QUANT)
                && self.norm(j + 1) == "of"
                && self
                    .atom_at
                    .get(j)
                    .copied()
                    .flatten()
                    .and_then(|a| self.atoms.get(a))
                    .is_none_or(|a| a.end <= j + 2);
            if self.atom_at.get(j).copied().flatten().is_some() && !count_of {
                break;
            }
            if t.kind == TokenKind::Number {
                j += 1;
                continue;
            }
            if t.kind != TokenKind::Word {
                break;
            }
            if w == "former" || w == "ex" || w == "retired" || w == "late" || w == "exiled" {
                *former = true;
            }
            // "of" only after a quantifier ("dozens of protesters"), "at" only in "at least".
            let prev = j.checked_sub(1).map(|p| self.norm(p)).unwrap_or("");
            let ok = match w {
                "of" => self.has(j.wrapping_sub(1), QUANT) && prev != "of" && prev != "at",
                "at" => self.norm(j + 1) == "least",
                // Verbs that are also modifiers only after "newly" ("newly appointed").
                "appointed" | "elected" => prev == "newly" || prev == "democratically",
                _ if inner => self.has(j, MODIFIER),
                _ => self.has(j, MODIFIER | QUANT | DET),
            };
            // "Mexico's security and foreign ministers": modifiers joined by "and" before one
            // noun describe it together.
            let describes = |k: usize| self.has(k, MODIFIER) || PORTFOLIOS.contains(&self.norm(k));
            let joined = w == "and"
                && j > 0
                && describes(j - 1)
                && (describes(j + 1)
                    || matches!(self.role(j + 1), Some(Role::Agent | Role::Title)));
            let portfolio = PORTFOLIOS.contains(&w)
                && (self.norm(j + 1) == "and"
                    || matches!(self.role(j + 1), Some(Role::Agent | Role::Title)));
            if ok || joined || portfolio {
                j += 1;
                continue;
            }
            if w.starts_with("pro-") || w.starts_with("anti-") {
                j += 1;
                continue;
            }
            if let Some((pre, suf)) = w.rsplit_once('-') {
                if BACKED_SUFFIXES.contains(&suf) || OWN_SUFFIXES.contains(&suf) {
                    if OWN_SUFFIXES.contains(&suf) && ctx.code.is_none() {
                        if let Some(code) = self.single_country(pre) {
                            ctx.code = Some(code);
                            ctx.start.get_or_insert(j);
                        }
                    } else if BACKED_SUFFIXES.contains(&suf) {
                        ctx.backed = true;
                    }
                    j += 1;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// The two states of a hyphenated pair ("iran-us", "russia-ukraine"), each a mention over
    /// the same token.
    fn hyphen_pair(&self, i: usize) -> Option<Vec<Draft>> {
        // Only before what two parties do together: "Cuban-American exiles" are people.
        const JOINT: &[&str] = &[
            "talks",
            "negotiations",
            "ceasefire",
            "truce",
            "deal",
            "agreement",
            "accord",
            "summit",
            "meeting",
            "call",
            "war",
            "conflict",
            "fighting",
            "clashes",
            "dialogue",
            "relations",
            "ties",
            "tensions",
            "dispute",
            "swap",
            "exchange",
            "border",
            "treaty",
        ];
        // Most tokens hold no hyphen: look no further for them.
        if !self.has(i, HYPHEN) {
            return None;
        }
        let (a, b) = self.norm(i).split_once('-')?;
        let joint = (i + 1..i + 4).any(|k| JOINT.contains(&self.norm(k)));
        if !joint {
            return None;
        }
        // "the Putin-Trump call": two leaders stand for their states' governments.
        let (ca, cb) = (self.single_actor(a)?, self.single_actor(b)?);
        if ca.0 == cb.0 || ca.0.is_non_state() || cb.0.is_non_state() {
            return None;
        }
        let ref_ = self.atoms.iter().position(|x| x.start == i).and_then(|k| self.entry_ref(k));
        Some(
            [ca, cb]
                .into_iter()
                .map(|(code, sector)| {
                    let mut d = Draft::new(i..i + 1, i, MentionKind::Country);
                    d.entity.code = Some(code);
                    d.entity.sector = sector;
                    d.entries.extend(ref_.clone());
                    d
                })
                .collect(),
        )
    }

    fn single_country(&self, norm: &str) -> Option<ActorCode> {
        let ts = self.lex.single.get(norm)?;
        let t: &Target = ts.iter().rev().find(|t| self.is_kind(t, &[Kind::Country, Kind::Name]))?;
        self.lex.entries.get(t.entry)?.code
    }

    /// The state (and for a person, the sector of their role on the date) one word names.
    fn single_actor(&self, norm: &str) -> Option<(ActorCode, Option<Sector>)> {
        let ts = self.lex.single.get(norm)?;
        let people: Vec<Target> =
            ts.iter().filter(|t| self.is_kind(t, &[Kind::Person])).copied().collect();
        if people.is_empty() {
            return self.single_country(norm).map(|c| (c, None));
        }
        let e = self.lex.entries.get(people.get(choose(self.lex, &people, self.date))?.entry)?;
        Some((e.code?, e.sector))
    }

    fn is_kind(&self, t: &Target, kinds: &[Kind]) -> bool {
        self.lex.entries.get(t.entry).is_some_and(|e| kinds.contains(&e.kind))
    }

    /// Parses an actor phrase starting at token `i`.
    fn parse_at(&self, i: usize) -> Option<(Vec<Draft>, usize)> {
        let w = self.norm(i);
        // "Iran-US talks", "the Israel-Hamas ceasefire": two states joined by a hyphen are
        // both parties of what follows.
        if let Some(pair) = self.hyphen_pair(i) {
            return Some((pair, i + 1));
        }
        if ARTICLES.contains(&w) {
            if let Some(pair) = self.hyphen_pair(i + 1) {
                return Some((pair, i + 2));
            }
        }
        // Pronouns.
        let pron = match w {
            "he" | "she" | "his" | "him" | "her" => Some(Pron::Person),
            "they" | "them" | "their" => Some(Pron::Plural),
            // "it" only as the subject of what actors do ("it said", "it denied"), not in "it
            // was unclear".
            "it" if IT_VERBS.contains(&self.norm(i + 1))
                || (matches!(self.norm(i + 1), "also" | "later" | "previously")
                    && IT_VERBS.contains(&self.norm(i + 2)))
                || (matches!(self.norm(i + 1), "has" | "had")
                    && self.tokens.get(i + 2).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && !matches!(t.norm.as_str(), "been" | "to" | "no" | "a" | "an" | "the")
                    }))
                // "the UAE said it did not recognise the decision", "said it would respond":
                // reported by a speaker, a modal's subject is the speaker (not in "said it would
                // be difficult").
                || (i > 0
                    && matches!(self.norm(i - 1), "said" | "says" | "added" | "announced")
                    && (matches!(
                        self.norm(i + 1),
                        "would" | "will" | "did" | "does" | "could" | "can" | "must" | "should"
                    ) || (self.norm(i + 1).len() > 5
                        && self.norm(i + 1).ends_with("ed")
                        && !matches!(self.norm(i + 1), "needed" | "seemed" | "appeared")))
                    && !matches!(self.norm(i + 2), "be" | "take" | "cost" | "mean" | "make")
                    && !(self.norm(i + 2) == "not" && self.norm(i + 3) == "be"))
                // "Ukraine said it was ready to accept": a stance only actors take.
                || (matches!(self.norm(i + 1), "was" | "is")
                    && matches!(self.norm(i + 2), "ready" | "willing" | "prepared" | "determined"))
                // "cut ties with the UAE, accusing it of arming the RSF": the object of a
                // statement about someone.
                || (i > 0
                    && IT_OBJECT_VERBS.contains(&self.norm(i - 1))
                    && matches!(self.norm(i + 1), "of" | "to" | "for" | "over")) =>
            {
                Some(Pron::It)
            }
            _ => None,
        };
        if let Some(p) = pron {
            let mut d = Draft::new(i..i + 1, i, MentionKind::Pronoun);
            d.pron = Some(p);
            return Some((vec![d], i + 1));
        }
        let bare_noun = match self.atom(i + 1) {
            None => true,
            Some((_, a, _, _)) => a.end == i + 2 && self.role(i + 1) == Some(Role::Agent),
        };
        // "tariffs on the South American country", "the oil-rich Gulf state": a state named
        // by where it lies or what it is like, which the story named before.
        if w == "the" {
            if let Some(end) = self.described_country(i + 1) {
                let mut d = Draft::new(i..end, end - 1, MentionKind::Pronoun);
                d.pron = Some(Pron::DescribedCountry);
                return Some((vec![d], end));
            }
        }
        if w == "the" && bare_noun {
            let p = match self.norm(i + 1) {
                "group" | "movement" | "organisation" | "organization" | "outfit" | "bloc" => {
                    Some(Pron::Group)
                }
                "country" | "nation" | "kingdom" => Some(Pron::Country),
                "ministry" => Some(Pron::Ministry),
                "committee" | "commission" | "agency" | "council" | "tribunal" => Some(Pron::Body),
                _ => None,
            };
            if let Some(p) = p {
                let mut d = Draft::new(i..i + 2, i + 1, MentionKind::Pronoun);
                d.pron = Some(p);
                return Some((vec![d], i + 2));
            }
        }
        let mut ctx = Ctx::default();
        let mut former = false;
        let definite = w == "the";
        let mut j = self.skip_modifiers(i, &mut ctx, &mut former);
        // "National Intergroup Inc.", "General Cinema Corp.": a capitalised agent word that
        // starts a company's name is part of the name.
        if matches!(self.role(j), Some(Role::Agent | Role::Title))
            && self.tokens.get(j).is_some_and(|t| t.capitalised)
        {
            if let Some(end) = self.company_run(j, true) {
                let start = if ctx.start.is_some() { i } else { j };
                let mut d = Draft::new(start..end, end - 1, MentionKind::Name);
                d.entity.code = if ctx.backed { None } else { ctx.code };
                d.entity.sector = Some(Sector::Bus);
                d.org = true;
                return Some((vec![d], end));
            }
        }
        // Context words.
        let mut guard = 0;
        while guard < 8 {
            guard += 1;
            let Some((k, atom, entry, form)) = self.atom(j) else { break };
            let role = role_of(entry, form);
            let after = if self.norm(atom.end) == "'s" { atom.end + 1 } else { atom.end };
            let mut f2 = false;
            let mut probe = Ctx::default();
            let mut next = self.skip_inner(after, &mut probe, &mut f2);
            // "ASEAN foreign ministers": a region word inside a phrase that already has a
            // code changes nothing.
            if self.role(next) == Some(Role::Region) {
                let end = self.atom(next).map(|(_, a, _, _)| a.end).unwrap_or(next);
                // ("Iran's foreign and defence ministers".)
                let past = self.skip_inner(end, &mut Ctx::default(), &mut false);
                if matches!(self.role(past), Some(Role::Agent | Role::Title)) {
                    next = past;
                }
            }
            // "the WHO's Beijing spokesman", "Israel's Washington ambassador": a city between a
            // possessive and its agent only says where the agent works.
            if after > atom.end
                && matches!(role, Role::Name | Role::Country | Role::Capital)
                && matches!(self.role(next), Some(Role::Capital | Role::Place))
            {
                let past = self.atom(next).map(|(_, a, _, _)| a.end).unwrap_or(next);
                if matches!(self.role(past), Some(Role::Agent | Role::Title)) {
                    next = past;
                }
            }
            let next_role = self.role(next);
            // A country's name before an attack noun is its attacker only when written as an
            // abbreviation or possessive ("US strikes", "Israel's strikes"), not in "in Syria
            // attacks killed ...".
            let attack_ok = role != Role::Country
                || after > atom.end
                || self.tokens.get(atom.start..atom.end).is_some_and(|ts| {
                    ts.iter().all(|t| !t.span.slice(self.text).chars().any(char::is_lowercase))
                });
            // "Iran's Revolutionary Guards", "Sudan's RSF": the country names the organ's state.
            let own_organ = matches!(role, Role::Country | Role::Capital)
                && after > atom.end
                && self.atom(next).is_some_and(|(_, a2, e2, f2)| {
                    role_of(e2, f2) == Role::Name
                        && (e2.code.is_none()
                            || e2.code == entry.code
                            || (a2.end == a2.start + 1 && generic_organ(self.norm(a2.start))))
                });
            let leads_to_head = matches!(next_role, Some(Role::Agent | Role::Title | Role::Ethnic))
                || own_organ
                || (next_role == Some(Role::Attack) && attack_ok)
                || (role == Role::Adj && matches!(next_role, Some(Role::Adj)));
            // "U.S. and British warplanes": a country's name coordinated with an adjective
            // works as one.
            if matches!(role, Role::Adj | Role::Country) && !leads_to_head {
                if let Some(res) = self.coordinated_adjective(k, atom, entry, &ctx) {
                    return Some(res);
                }
            }
            match role {
                Role::Region
                    if matches!(next_role, Some(Role::Agent | Role::Title | Role::Ethnic)) =>
                {
                    ctx.start.get_or_insert(j);
                    ctx.region = true;
                    // (The evidence says why the actor has no state, and later stages that
                    // place stateless people read it.)
                    if let Some(mut r) = self.entry_ref(k) {
                        r.role = "region".into();
                        ctx.entries.push(r);
                    }
                    j = next;
                }
                Role::Place if leads_to_head => {
                    // "Gaza residents", "Sweida Druze", "Massachusetts Governor".
                    ctx.start.get_or_insert(j);
                    if ctx.code.is_none() {
                        ctx.code = entry.code;
                    }
                    if let Some(r) = self.entry_ref(k) {
                        ctx.entries.push(r);
                    }
                    j = next;
                }
                Role::Adj | Role::Country | Role::Capital if leads_to_head || role == Role::Adj => {
                    ctx.start.get_or_insert(j);
                    if ctx.code.is_none() || ctx.backed {
                        ctx.code = entry.code;
                        ctx.backed = false;
                        if role == Role::Capital {
                            ctx.sector = ctx.sector.or(Some(Sector::Gov));
                        }
                        if entry.sector == Some(Sector::Pre) {
                            ctx.sector = Some(Sector::Pre);
                        }
                    }
                    if ctx.country_span.is_none() {
                        ctx.country_span = Some(atom.start..atom.end);
                    }
                    if let Some(r) = self.entry_ref(k) {
                        ctx.entries.push(r);
                    }
                    j = next;
                    if role == Role::Adj && !leads_to_head {
                        break;
                    }
                }
                Role::Name | Role::Person
                    if matches!(next_role, Some(Role::Agent))
                        || (role == Role::Name && next_role == Some(Role::Title)) =>
                {
                    ctx.start.get_or_insert(j);
                    ctx.code = entry.code.or(ctx.code);
                    ctx.sector = entry.sector.or(ctx.sector);
                    ctx.org = Some(k);
                    if let Some(r) = self.entry_ref(k) {
                        ctx.entries.push(r);
                    }
                    j = next;
                }
                Role::Ethnic if matches!(next_role, Some(Role::Title)) => {
                    ctx.start.get_or_insert(j);
                    ctx.ethnicity = entry.ethnicity.clone();
                    ctx.religion = entry.religion.clone();
                    if ctx.code.is_none() {
                        ctx.code = entry.code;
                    }
                    if let Some(r) = self.entry_ref(k) {
                        ctx.entries.push(r);
                    }
                    j = next;
                }
                _ => break,
            }
        }
        self.head(i, j, ctx, former, definite)
    }

    /// "Qatari and Egyptian mediators": the first adjective is an actor of the same kind as
    /// the phrase it is coordinated with.
    fn coordinated_adjective(
        &self,
        k: usize,
        atom: &Atom,
        entry: &Entry,
        ctx: &Ctx,
    ) -> Option<(Vec<Draft>, usize)> {
        let mut m = atom.end;
        match (self.norm(m), self.norm(m + 1)) {
            (",", "and" | "or") => m += 2,
            ("and" | "or" | ",", _) => m += 1,
            _ => return None,
        }
        // "Polish and NATO aircraft": an adjective joined to an organisation's name that
        // modifies the same noun is that noun's state.
        if self.role(m) == Some(Role::Name) {
            let (mut ds, next) = self.parse_at(m)?;
            let org = ds.first()?;
            if org.tokens.start != m || org.entity.code.is_none() {
                return None;
            }
            // The noun's kind: taken into the organisation's phrase ("NATO troops"), or right
            // after its name ("NATO aircraft").
            let noun_at = match org.kind {
                MentionKind::Nominal => org.head,
                MentionKind::Name => org.tokens.end,
                _ => return None,
            };
            // (The noun's own kind, not the organisation's: "Israeli and Hamas negotiators".)
            let sector = self.atom(noun_at).and_then(|(_, _, noun, _)| noun.sector);
            let sector = sector?;
            let start = ctx.start.unwrap_or(atom.start).min(atom.start);
            let mut d = Draft::new(start..atom.end, atom.start, MentionKind::Nominal);
            d.entity.code = entry.code;
            d.entity.sector = Some(sector);
            d.entries = ctx.entries.clone();
            d.entries.extend(self.entry_ref(k));
            d.plural = true;
            ds.insert(0, d);
            return Some((ds, next));
        }
        if !matches!(self.role(m), Some(Role::Adj | Role::Country)) {
            return None;
        }
        let (mut ds, next) = self.parse_at(m)?;
        let first = ds.first()?;
        if first.tokens.start != m
            || first.kind != MentionKind::Nominal
            || first.entity.sector.is_none()
        {
            return None;
        }
        let start = ctx.start.unwrap_or(atom.start).min(atom.start);
        let mut d = Draft::new(start..atom.end, atom.start, MentionKind::Nominal);
        d.entity.code = entry.code;
        d.entity.sector = first.entity.sector;
        d.entity.office = first.entity.office.clone();
        d.entries = ctx.entries.clone();
        d.entries.extend(self.entry_ref(k));
        d.plural = first.plural;
        ds.insert(0, d);
        Some((ds, next))
    }

    fn head(
        &self,
        i: usize,
        j: usize,
        ctx: Ctx,
        former: bool,
        definite: bool,
    ) -> Option<(Vec<Draft>, usize)> {
        let Some((k, atom, entry, form)) = self.atom(j) else {
            // No lexicon word: perhaps a name.
            return self.unknown_name(i, j, ctx, former);
        };
        let role = role_of(entry, form);
        let own_ref = self.entry_ref(k);
        let start = if ctx.start.is_some() || definite || i < j { i } else { j };
        // Names, countries and capitals keep only a preceding "the", not modifiers.
        let name_start =
            if j > i && self.norm(j - 1) == "the" && ctx.start.is_none() { j - 1 } else { j };
        let start = match role {
            Role::Country | Role::Capital | Role::Name | Role::Person if ctx.start.is_none() => {
                name_start
            }
            _ => start,
        };
        match role {
            Role::Stop | Role::Region => Some((Vec::new(), atom.end)),
            // "Israeli jets struck Gaza", "withdrew from Kherson": a place the lexicon ties to
            // a state is its recipient when it is the target; the events coder never makes it an actor.
            Role::Place => {
                let mut d = Draft::new(start..atom.end, atom.start, MentionKind::Place);
                d.entity.code = entry.code;
                d.entity.identifier_text = entry.name.clone();
                d.entries.extend(own_ref);
                Some((vec![d], atom.end))
            }
            Role::Agent => {
                let mut d =
                    Draft::new(start..atom.end, atom.end.saturating_sub(1), MentionKind::Nominal);
                d.entries = ctx.entries.clone();
                d.entries.extend(own_ref);
                d.plural = plural_noun(self.norm(atom.end.saturating_sub(1)));
                let mut end = atom.end;
                // "Thousands marched" is a crowd, but in "thousands of rockets" the count
                // only counts what follows.
                if self.has(end.saturating_sub(1), QUANT) && self.norm(end) == "of" {
                    return None;
                }
                // "military camp", "police station": the agent word only modifies a thing.
                let singular = !self.norm(end.saturating_sub(1)).ends_with('s');
                if singular && ctx.start.is_none() && self.has(end, NON_ACTOR_HEAD) {
                    return Some((Vec::new(), end + 1));
                }
                // "national unity", "a national strike": an adjective that can name a person
                // ("a Chinese national") only does so when no noun follows it.
                if ctx.start.is_none()
                    && atom.end == atom.start + 1
                    && self.norm(atom.start) == "national"
                    && self.tokens.get(end).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && !t.capitalised
                            && !PREPOSITIONS.contains(&t.norm.as_str())
                            && !AUXILIARIES.contains(&t.norm.as_str())
                            && !BE_FORMS.contains(&t.norm.as_str())
                            && !matches!(t.norm.as_str(), "and" | "or" | "who" | "said" | "says")
                    })
                {
                    return Some((Vec::new(), end));
                }
                // "National Guard troops", "police officers": one actor, the first word's kind.
                // ("Boeing factory workers": a workplace before the workers names where they
                // work; the workers are what the phrase is.)
                let mut head_sector: Option<Sector> = None;
                if let Some((k2, a2, e2, f2)) = self.atom(end) {
                    if role_of(e2, f2) == Role::Agent {
                        // ("factory officials" still run the factory.)
                        if entry.key == "a.property" && e2.sector == Some(Sector::Lab) {
                            head_sector = e2.sector;
                        }
                        if d.entity.sector.is_none() {
                            d.entity.sector = e2.sector;
                        }
                        d.entries.extend(self.entry_ref(k2));
                        d.plural = plural_noun(self.norm(a2.end.saturating_sub(1)));
                        end = a2.end;
                        d.tokens = start..end;
                        d.head = end.saturating_sub(1);
                    }
                }
                // "the paramilitary Rapid Support Forces", "the rebel group M23": the noun
                // only describes the named organisation that follows.
                if let Some((k2, a2, e2, f2)) = self.atom(end) {
                    if role_of(e2, f2) == Role::Name {
                        let mut n =
                            Draft::new(start..a2.end, a2.end.saturating_sub(1), MentionKind::Name);
                        self.fill_from_entry(e2, &mut n.entity);
                        if n.entity.code.is_none() && !ctx.backed {
                            n.entity.code = ctx.code;
                        }
                        n.entity.sector = n.entity.sector.or(d.entity.sector);
                        n.entries = d.entries.clone();
                        n.entries.extend(self.entry_ref(k2));
                        n.org = true;
                        return Some((vec![n], a2.end));
                    }
                }
                // "the Sudan Doctors Network", "Kenya Medical Association": a capitalised
                // agent word followed by an organisation word is an organisation's name.
                let capital_agent = self.tokens.get(j).is_some_and(|t| t.capitalised);
                if capital_agent {
                    let mut k = end;
                    while self.has(k, ORG_WORD)
                        && self.tokens.get(k).is_some_and(|t| t.capitalised)
                        && self.atom_at.get(k).copied().flatten().is_none()
                    {
                        k += 1;
                    }
                    if k > end {
                        end = k;
                        d.tokens = start..end;
                        d.head = end - 1;
                        d.kind = MentionKind::Name;
                        d.org = true;
                        d.plural = false;
                    }
                }
                let org_is_person = ctx.org.is_some_and(|o| self.is_person_atom(o));
                // A person's men are armed if the person is ("Haftar's forces"); a person's
                // government is a government ("the Assad regime").
                let org_sector = ctx
                    .org
                    .and_then(|o| self.org_sector(o))
                    .filter(|s| !org_is_person || armed(Some(*s)))
                    .filter(|s| {
                        // "Republican lawmakers" are legislators, "Hamas officials" are Hamas.
                        head_sector.or(entry.sector).is_none()
                            || !matches!(
                                s,
                                Sector::Pty | Sector::Opp | Sector::Jrn | Sector::Bus | Sector::Soc
                            )
                    });
                d.entity.sector = if org_sector.is_some() {
                    org_sector
                } else if ctx.sector == Some(Sector::Pre) {
                    Some(Sector::Pre)
                } else {
                    head_sector.or(entry.sector).or(ctx.sector)
                };
                // "Houthi supporters rallied": a movement's supporters are civilians, not its
                // fighters.
                if matches!(
                    self.norm(d.head),
                    "supporters" | "sympathisers" | "sympathizers" | "followers" | "fans"
                ) && ctx.org.is_some()
                {
                    d.entity.sector = Some(Sector::Cvl);
                }
                if let Some(o) = ctx.org.filter(|_| !org_is_person) {
                    self.copy_identity(o, &mut d.entity);
                    d.group = self.org_entity(o);
                }
                d.entity.code = if ctx.backed { None } else { ctx.code }.or(entry.code);
                // "ministers Itamar Ben-Gvir and Bezalel Smotrich": the names tell the state.
                if d.entity.code.is_none() && !ctx.region {
                    if let Some((_, _, e2, f2)) = self.atom(end) {
                        if role_of(e2, f2) == Role::Person {
                            d.entity.code = e2.code.filter(|c| !c.is_non_state());
                        }
                    }
                }
                // "withdrew its troops from Armenia": whose troops the possessive says; "from"
                // is where they leave.
                let possessed_from =
                    matches!(self.norm(i), "its" | "their" | "his" | "her" | "our")
                        && self.norm(end) == "from";
                // ("An international tribunal in Paris", "foreign diplomats in Kabul": a body of
                // no state sits somewhere without being that place's.)
                if d.entity.code.is_none() && !possessed_from && !ctx.region {
                    // "authorities in Damascus", "the government of Sudan", "members of Hamas".
                    if let Some((code, sector, r, e2)) = self.of_phrase(end, d.entity.sector) {
                        d.entity.code = Some(code);
                        if d.entity.sector.is_none() || armed(sector) {
                            d.entity.sector = sector.or(d.entity.sector);
                        }
                        d.entries.push(r);
                        end = e2;
                        d.tokens = start..end;
                    }
                }
                d.possessed = matches!(self.norm(i), "its" | "their");
                if d.entity.code.is_none() && ctx.region {
                    // "European leaders", "Western diplomats": no state.
                } else if d.entity.code.is_none() {
                    if d.entity.sector.is_none() && self.role(end) != Some(Role::Title) {
                        // "groups", "members" alone say nothing.
                        return Some((Vec::new(), end));
                    }
                    d.needs_code = true;
                    d.definite = definite && ctx.start.is_none();
                }
                if former && !armed(d.entity.sector) {
                    d.entity.sector = Some(Sector::Eli);
                }
                // "the army spokesman Ali": an agent followed by a title is a title chain.
                if self.role(end) == Some(Role::Title) {
                    let mut c2 = ctx.clone();
                    c2.start.get_or_insert(j);
                    c2.sector = d.entity.sector;
                    c2.code = d.entity.code;
                    c2.entries = d.entries.clone();
                    return self.title_head(i, end, c2, former, definite);
                }
                Some((vec![d], end))
            }
            Role::Title => self.title_head(start, j, ctx, former, definite),
            Role::Attack => {
                if let (Some(span), Some(code)) = (ctx.country_span.clone(), ctx.code) {
                    if ctx.org.is_none() && !ctx.backed {
                        let mut d = Draft::new(span.clone(), span.start, MentionKind::Nominal);
                        d.entity.code = Some(code);
                        d.entity.sector = entry.sector.or(Some(Sector::Mil));
                        d.entries = ctx.entries.clone();
                        d.entries.extend(own_ref);
                        d.attacker = true;
                        return Some((vec![d], atom.end));
                    }
                }
                // "The Israeli military said its jets had struck ...": a platform that is
                // "its" or "their" stands for its owner, an earlier actor of the sentence.
                let platform = PLATFORMS.contains(&self.norm(atom.end.saturating_sub(1)));
                if platform
                    && i < j
                    && matches!(self.norm(i), "its" | "their")
                    && ctx.code.is_none()
                {
                    let mut d = Draft::new(i..atom.end, atom.end - 1, MentionKind::Nominal);
                    d.entity.sector = entry.sector.or(Some(Sector::Mil));
                    d.entries = ctx.entries.clone();
                    d.entries.extend(own_ref);
                    d.plural = true;
                    d.possessed = true;
                    d.needs_code = true;
                    return Some((vec![d], atom.end));
                }
                None
            }
            Role::Ethnic => self.ethnic_head(start, j, ctx),
            Role::Demonym => {
                let mut d = Draft::new(start..atom.end, atom.start, MentionKind::Nominal);
                d.entity.code = entry.code;
                d.entity.sector = Some(Sector::Cvl);
                d.plural = true;
                d.entries = ctx.entries.clone();
                d.entries.extend(own_ref);
                Some((vec![d], atom.end))
            }
            Role::Country | Role::Capital => {
                let kind =
                    if role == Role::Country { MentionKind::Country } else { MentionKind::Capital };
                let mut d = Draft::new(start..atom.end, atom.start, kind);
                d.entity.code = entry.code;
                d.entity.sector = if role == Role::Capital {
                    entry.sector.or(Some(Sector::Gov))
                } else {
                    entry.sector
                };
                d.entity.identifier_text = entry.name.clone();
                d.entity.identifier_id = entry.qid.clone();
                if role == Role::Capital {
                    d.entity.identifier_text =
                        entry.name.as_ref().map(|n| format!("Government of {n}"));
                    d.entity.identifier_id = None;
                }
                d.entries.extend(own_ref);
                Some((vec![d], atom.end))
            }
            Role::Adj => None,
            Role::Name => {
                let mut d =
                    Draft::new(start..atom.end, atom.end.saturating_sub(1), MentionKind::Name);
                self.fill_from_entry(entry, &mut d.entity);
                d.org = true;
                d.plural = entry.plural;
                d.entries.extend(own_ref);
                if d.entity.code.is_none() && !ctx.backed {
                    d.entity.code = ctx.code;
                }
                // "Peru's Congress", "the Peruvian Senate": an institution's common name is
                // the named state's, whichever state the lexicon files it under.
                if atom.end == atom.start + 1
                    && !ctx.backed
                    && ctx.code.is_some()
                    && matches!(
                        self.norm(atom.start),
                        "congress" | "senate" | "parliament" | "cabinet"
                    )
                {
                    d.entity.code = ctx.code;
                    d.entity.identifier_text = None;
                    d.entity.identifier_id = None;
                }
                // "the Georgian Dream party", "the Hezbollah movement".
                let mut end = atom.end;
                if matches!(
                    self.norm(end),
                    "party"
                        | "group"
                        | "movement"
                        | "militia"
                        | "organisation"
                        | "organization"
                        | "coalition"
                        | "alliance"
                        | "network"
                        | "faction"
                        | "bloc"
                        | "gang"
                        | "cartel"
                        | "outfit"
                ) {
                    end += 1;
                    d.tokens = start..end;
                    d.head = end - 1;
                }
                Some((vec![d], end))
            }
            Role::Person => {
                let mut d = self.person_draft(start..atom.end, k, entry);
                if former {
                    d.entity.sector = Some(Sector::Eli);
                }
                let end = self.apposition(atom.end, &mut d);
                Some((vec![d], end))
            }
        }
    }

    /// The entity an organisation atom codes as on its own.
    fn org_entity(&self, k: usize) -> Option<Entity> {
        let atom = self.atoms.get(k)?;
        let e = self.lex.entries.get(atom.targets.get(*self.chosen.get(k)?)?.entry)?;
        if e.kind != Kind::Name {
            return None;
        }
        let mut d = Draft::new(atom.start..atom.end, atom.start, MentionKind::Name);
        self.fill_from_entry(e, &mut d.entity);
        d.entity.entity_text = self.surface(atom.start..atom.end);
        Some(d.entity)
    }

    fn is_person_atom(&self, k: usize) -> bool {
        self.atoms
            .get(k)
            .and_then(|a| a.targets.get(*self.chosen.get(k)?))
            .and_then(|t| self.lex.entries.get(t.entry))
            .is_some_and(|e| e.kind == Kind::Person)
    }

    fn org_sector(&self, k: usize) -> Option<Sector> {
        let atom = self.atoms.get(k)?;
        let e = self.lex.entries.get(atom.targets.get(*self.chosen.get(k)?)?.entry)?;
        e.sector
    }

    fn copy_identity(&self, k: usize, entity: &mut Entity) {
        let Some(e) = self
            .atoms
            .get(k)
            .and_then(|a| a.targets.get(*self.chosen.get(k)?))
            .and_then(|t| self.lex.entries.get(t.entry))
        else {
            return;
        };
        entity.identifier_text = e.name.clone();
        entity.identifier_id = e.qid.clone();
    }

    fn fill_from_entry(&self, e: &Entry, entity: &mut Entity) {
        entity.code = e.code;
        entity.sector = e.sector;
        entity.other_sector_codes = e.others.clone();
        entity.identifier_text = e.name.clone();
        entity.identifier_id = e.qid.clone();
        entity.office = e.office.clone();
        entity.ethnicity = e.ethnicity.clone();
        entity.religion = e.religion.clone();
        // A role that ended before the date: a former official is an elite.
        if e.kind == Kind::Person {
            if let (Some(date), Some(to)) = (self.date, e.to.as_deref()) {
                if date >= to && !armed(e.sector) {
                    entity.sector = Some(Sector::Eli);
                    entity.office = e.office.as_ref().map(|o| format!("former {o}"));
                }
            }
        }
    }

    fn person_draft(&self, r: Range<usize>, k: usize, entry: &Entry) -> Draft {
        let mut d = Draft::new(r.clone(), r.end.saturating_sub(1), MentionKind::Name);
        self.fill_from_entry(entry, &mut d.entity);
        d.person = true;
        d.person_key = Some(entry.base().to_string());
        d.entries.extend(self.entry_ref(k));
        if let Some(last) = r.end.checked_sub(1).map(|e| self.norm(e).to_string()) {
            push_surnames(&mut d.surnames, &last);
        }
        d
    }

    /// `in|of|from [the] Country|Capital|Org` after an agent.
    fn of_phrase(
        &self,
        k: usize,
        sector: Option<Sector>,
    ) -> Option<(ActorCode, Option<Sector>, EntryRef, usize)> {
        let prep = self.norm(k);
        let mut m = k + 1;
        if self.norm(m) == "the" {
            m += 1;
        }
        let (ak, atom, entry, form) = self.atom(m)?;
        let role = role_of(entry, form);
        if self.norm(atom.end) == "'s" {
            // "a member of Ankara's riot police": the possessive starts a phrase of its own.
            return None;
        }
        let ok_in = matches!(
            sector,
            Some(
                Sector::Gov
                    | Sector::Cop
                    | Sector::Jud
                    | Sector::Leg
                    | Sector::Cvl
                    | Sector::Opp
                    | Sector::Jrn
                    | Sector::Med
                    | Sector::Edu
                    | Sector::Lab
                    | Sector::Bus
                    | Sector::Rel
            )
        );
        // Negotiators, delegations and envoys "in Doha" are only visiting.
        let visitors = matches!(
            self.norm(k.saturating_sub(1)),
            "negotiators"
                | "negotiator"
                | "delegation"
                | "delegations"
                | "diplomats"
                | "envoys"
                | "mediators"
                | "ministers"
                | "leaders"
                | "delegates"
        );
        let allowed = match prep {
            "of" => true,
            "from" => true,
            "in" => ok_in && !visitors,
            _ => false,
        };
        if !allowed {
            return None;
        }
        match role {
            Role::Country | Role::Capital | Role::Place => {
                Some((entry.code?, None, self.entry_ref(ak)?, atom.end))
            }
            Role::Name if prep == "of" || prep == "from" => {
                Some((entry.code?, entry.sector, self.entry_ref(ak)?, atom.end))
            }
            _ => None,
        }
    }

    fn title_chain(&self, j: usize) -> Option<TitleChain> {
        let (k, atom, entry, _) = self.atom(j)?;
        let mut chain = TitleChain {
            end: atom.end,
            core_end: atom.end,
            core_office: String::new(),
            office: String::new(),
            sector: entry.sector,
            // "FBI Director", "CIA chief": a title that names its agency names its state.
            of: entry.code.and_then(|c| self.entry_ref(k).map(|r| (c, entry.sector, r))),
            honorific: entry.honorific,
            entries: self.entry_ref(k).into_iter().collect(),
            group: None,
        };
        let office_start = atom.start;
        let mut office_end = atom.end;
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 6 {
                break;
            }
            let p = chain.end;
            let w = self.norm(p);
            if matches!(w, "of" | "for") && chain.of.is_none() {
                // "spokesman for the Sudanese army", "head of Hamas's political bureau".
                if let Some((ds, _)) = self.parse_at(p + 1) {
                    if let Some(d) = ds.first().filter(|d| {
                        d.tokens.start == p + 1
                            && matches!(d.kind, MentionKind::Nominal | MentionKind::Name)
                            && !d.person
                            && d.entity.code.is_some()
                    }) {
                        if let (Some(code), Some(r)) = (d.entity.code, d.entries.first().cloned()) {
                            chain.of = Some((code, d.entity.sector, r));
                            chain.group = d.group.clone().or_else(|| {
                                (d.kind == MentionKind::Name).then(|| d.entity.clone())
                            });
                            chain.end = d.tokens.end;
                            office_end = d.tokens.end;
                            chain.core_end = d.tokens.end;
                            continue;
                        }
                    }
                }
            }
            if matches!(w, "of" | "to" | "for" | "in" | "at" | "on") {
                let mut m = p + 1;
                if self.norm(m) == "the" {
                    m += 1;
                }
                if let Some((ak, a2, e2, f2)) = self.atom(m) {
                    let r2 = role_of(e2, f2);
                    if matches!(r2, Role::Country | Role::Capital | Role::Name | Role::Place) {
                        if w == "of" && chain.of.is_none() {
                            if let (Some(code), Some(r)) = (e2.code, self.entry_ref(ak)) {
                                let sec = if r2 == Role::Name { e2.sector } else { None };
                                chain.of = Some((code, sec, r));
                                if r2 == Role::Name {
                                    chain.group = self.org_entity(ak);
                                }
                            }
                        }
                        chain.end = a2.end;
                        office_end = a2.end;
                        if w == "of" {
                            chain.core_end = a2.end;
                        }
                        continue;
                    }
                }
                break;
            }
            if matches!(w, "and" | ",") {
                let mut m = p + 1;
                let mut probe = Ctx::default();
                let mut f = false;
                m = self.skip_modifiers(m, &mut probe, &mut f);
                while matches!(self.role(m), Some(Role::Adj | Role::Country)) {
                    m = self.atom(m).map(|(_, a, _, _)| a.end).unwrap_or(m + 1);
                }
                if let Some((k2, a2, e2, f2)) = self.atom(m) {
                    if role_of(e2, f2) == Role::Title && !e2.honorific {
                        chain.sector = chain.sector.or(e2.sector);
                        chain.entries.extend(self.entry_ref(k2));
                        chain.end = a2.end;
                        chain.core_end = a2.end;
                        office_end = a2.end;
                        continue;
                    }
                }
                break;
            }
            // Two titles in a row ("Lt. Gen.", "Interior Minister Gen."), perhaps with a
            // modifier between them ("Detective Senior Sergeant").
            let p = if self.has(p, MODIFIER) && self.role(p + 1) == Some(Role::Title) {
                p + 1
            } else {
                p
            };
            if let Some((k2, a2, e2, f2)) = self.atom(p) {
                if role_of(e2, f2) == Role::Title {
                    chain.sector = chain.sector.or(e2.sector);
                    chain.entries.extend(self.entry_ref(k2));
                    chain.end = a2.end;
                    chain.core_end = a2.end;
                    if !e2.honorific {
                        office_end = a2.end;
                    }
                    continue;
                }
            }
            break;
        }
        chain.office = if chain.honorific {
            String::new()
        } else {
            entry
                .office
                .clone()
                .unwrap_or_else(|| one_line(&self.surface(office_start..office_end)))
        };
        chain.core_office = if chain.honorific {
            String::new()
        } else {
            entry.office.clone().unwrap_or_else(|| {
                one_line(&self.surface(office_start..chain.core_end.min(office_end)))
            })
        };
        Some(chain)
    }

    fn title_head(
        &self,
        i: usize,
        j: usize,
        ctx: Ctx,
        former: bool,
        definite: bool,
    ) -> Option<(Vec<Draft>, usize)> {
        let chain = self.title_chain(j)?;
        let k = chain.end;
        // The name: a lexicon person or a capitalised run, perhaps after a comma.
        let mut name: Option<(Range<usize>, Option<usize>)> = None;
        for skip_comma in [false, true] {
            let at = if skip_comma {
                if self.norm(k) != "," {
                    break;
                }
                k + 1
            } else {
                k
            };
            if let Some((ak, a, e, f)) = self.atom(at) {
                if role_of(e, f) == Role::Person {
                    name = Some((a.start..a.end, Some(ak)));
                    break;
                }
                continue;
            }
            let end = self.name_run(at);
            if end > at {
                // "King Juan Carlos University", "King Nut Companies": a thing named so.
                if (at..end).any(|k| self.has(k, PLACE_WORD | ORG_WORD)) {
                    return Some((Vec::new(), end));
                }
                name = Some((at..end, None));
                break;
            }
        }
        let start = ctx.start.unwrap_or(j).min(i);
        let code = if ctx.backed { None } else { ctx.code }.or(chain.of.as_ref().map(|o| o.0));
        let org_armed = ctx.org.is_some() && armed(ctx.sector);
        let of_armed = chain.of.as_ref().and_then(|o| o.1).filter(|s| armed(Some(*s)));
        // "the Sinn Fein president", "the ANC chairman": a party's head is a party figure.
        let party_head = ctx.org.is_some()
            && matches!(ctx.sector, Some(Sector::Pty | Sector::Opp))
            && (j..k).any(|t| {
                matches!(self.norm(t), "president" | "leader" | "chairman" | "chairwoman" | "chair")
            });
        let sector = if org_armed || party_head || ctx.sector == Some(Sector::Pre) {
            ctx.sector
        } else if of_armed.is_some() {
            of_armed
        } else if ctx.ethnicity.is_some() || ctx.religion.is_some() {
            chain.sector.or(Some(Sector::Cvl))
        } else {
            chain.sector.or(chain.of.as_ref().and_then(|o| o.1)).or(ctx.sector)
        };
        let mut entries = ctx.entries.clone();
        entries.extend(chain.entries.iter().cloned());
        if let Some(o) = &chain.of {
            entries.push(o.2.clone());
        }
        let office = (!chain.office.is_empty()).then(|| chain.office.clone());
        // "UN Secretary-General": international officials are not a state's government.
        let intl = code.is_some_and(|c| matches!(c.as_str(), "UNO" | "IGO" | "NGO"));
        let sector = if intl && sector == Some(Sector::Gov) { None } else { sector };
        let group = ctx.org.and_then(|o| self.org_entity(o)).or_else(|| chain.group.clone());
        match name {
            Some((r, Some(ak))) => {
                let entry = self.atoms.get(ak).and_then(|a| {
                    let t = a.targets.get(*self.chosen.get(ak)?)?;
                    self.lex.entries.get(t.entry)
                })?;
                let mut d = self.person_draft(r.clone(), ak, entry);
                d.tokens = start..r.end;
                let mut all = entries;
                all.append(&mut d.entries);
                d.entries = all;
                if code.is_some() {
                    d.entity.code = code;
                }
                if sector.is_some() {
                    d.entity.sector = sector;
                }
                if office.is_some() {
                    d.entity.office = office;
                }
                d.text_title = !chain.honorific;
                if former {
                    d.entity.sector = Some(Sector::Eli);
                }
                d.entity.ethnicity = ctx.ethnicity.clone().or(d.entity.ethnicity);
                d.group = group;
                let end = self.apposition(r.end, &mut d);
                Some((vec![d], end))
            }
            Some((r, None)) => {
                let mut d = Draft::new(start..r.end, r.end.saturating_sub(1), MentionKind::Name);
                d.entity.code = code;
                d.entity.sector = sector;
                d.entity.office = office;
                d.entity.ethnicity = ctx.ethnicity.clone();
                d.entity.religion = ctx.religion.clone();
                if let Some(o) = ctx.org {
                    if !org_armed {
                        let _ = o;
                    }
                }
                d.entries = entries;
                d.person = true;
                d.text_title = !chain.honorific;
                // "Dr Stein", "Mr Marra": an unknown person is most likely of the country the
                // sentence or story is about.
                d.needs_code = code.is_none() && !ctx.region;
                if former {
                    d.entity.sector = Some(Sector::Eli);
                }
                if let Some(last) = r.end.checked_sub(1) {
                    push_surnames(&mut d.surnames, self.norm(last));
                }
                d.group = group;
                let end = self.apposition(r.end, &mut d);
                Some((vec![d], end))
            }
            None => {
                if chain.honorific {
                    return None;
                }
                // Without a name, "to Turkey" or "in Baghdad" is no part of the phrase.
                let end = chain.core_end;
                let mut d = Draft::new(start..end, end.saturating_sub(1), MentionKind::Nominal);
                d.entity.code = code;
                d.entity.sector = if former { Some(Sector::Eli) } else { sector };
                d.entity.office =
                    (!chain.core_office.is_empty()).then(|| chain.core_office.clone());
                d.entity.ethnicity = ctx.ethnicity.clone();
                d.entity.religion = ctx.religion.clone();
                d.entries = entries;
                d.person = true;
                d.needs_code = code.is_none() && !ctx.region;
                d.definite = definite && ctx.start.is_none();
                d.group = group;
                Some((vec![d], end))
            }
        }
    }

    /// ", a Syrian army colonel," after a name: codes the name, returns where parsing goes on.
    fn apposition(&self, end: usize, d: &mut Draft) -> usize {
        if self.norm(end) != "," || !ARTICLES.contains(&self.norm(end + 1)) {
            // "Ali, Syria's foreign minister," has no article.
            if self.norm(end) != "," {
                return end;
            }
        }
        let Some((ds, next)) = self.parse_at(end + 1) else { return end };
        let Some(ap) = ds.first() else { return end };
        if ds.len() != 1 || ap.kind != MentionKind::Nominal || ap.plural {
            return end;
        }
        if !ap.person && ap.entity.sector.is_none() {
            return end;
        }
        if ap.entity.code.is_some() {
            d.entity.code = ap.entity.code;
            d.needs_code = false;
        }
        if ap.entity.sector.is_some() {
            d.entity.sector = ap.entity.sector;
        }
        if ap.entity.office.is_some() {
            d.entity.office = ap.entity.office.clone();
        }
        if ap.entity.ethnicity.is_some() {
            d.entity.ethnicity = ap.entity.ethnicity.clone();
        }
        d.entries.extend(ap.entries.iter().cloned());
        d.person = true;
        d.text_title = true;
        next
    }

    fn is_name_token(&self, i: usize) -> bool {
        self.has(i, NAME_TOKEN)
    }

    /// End of a run of name tokens starting at `i` (== `i` when there is none).
    fn name_run(&self, i: usize) -> usize {
        let mut k = i;
        let mut guard = 0;
        while guard < 6 {
            guard += 1;
            // "Maura Healey" is not John Healey: a lone surname of a known person after another
            // first name belongs to this name.
            let lone_surname = self
                .atom(k)
                .is_some_and(|(_, a, e, f)| a.end == k + 1 && role_of(e, f) == Role::Person);
            if k > i && lone_surname {
                k += 1;
                continue;
            }
            if k > i && self.atom_at.get(k).copied().flatten().is_some() {
                // "George Washington", "Jordan Peterson"'s mirror: a one-word place name right
                // after a first name ends the name.
                let single_place = self.atom(k).is_some_and(|(_, a, e, f)| {
                    a.end == k + 1
                        && matches!(role_of(e, f), Role::Capital | Role::Place | Role::Country)
                });
                if single_place
                    && self.tokens.get(k).is_some_and(|t| t.capitalised)
                    && !self.is_name_token(k + 1)
                    && self
                        .tokens
                        .get(k - 1)
                        .is_some_and(|t| t.capitalised && t.kind == TokenKind::Word)
                {
                    k += 1;
                }
                break;
            }
            if self.is_name_token(k) {
                k += 1;
                continue;
            }
            let w = self.norm(k);
            if k > i
                && matches!(
                    w,
                    "bin"
                        | "ibn"
                        | "bint"
                        | "de"
                        | "da"
                        | "di"
                        | "del"
                        | "van"
                        | "von"
                        | "der"
                        | "la"
                        | "le"
                        | "du"
                        | "dos"
                        | "das"
                        | "abu"
                        | "ould"
                )
                && self.is_name_token(k + 1)
            {
                k += 1;
                continue;
            }
            break;
        }
        if k > i && self.atom_at.get(i).copied().flatten().is_some() {
            return i;
        }
        k
    }

    /// The end of a company's name starting at `j`: capitalised words up to a company word
    /// ("Security Pacific Corp.", "Polly Peck International PLC"), whatever the lexicon
    /// knows the words inside as (a region, Yemen's "PLC").
    /// After a title or agent word (`titled`), the short forms that are other things too
    /// ("Deputy AG Rod Rosenstein") do not count.
    fn company_run(&self, j: usize, titled: bool) -> Option<usize> {
        let mut end = None;
        for k in j + 1..j + 7 {
            match self.tokens.get(k) {
                // ("Dow Jones & Co.")
                Some(t) if t.norm == "&" => {}
                Some(t) if t.capitalised && t.kind == TokenKind::Word => {
                    let w = self.norm(k);
                    let ambiguous = matches!(w, "ag" | "sa" | "nv" | "spa");
                    // The last one: "Safaricom Holdings Ltd.".
                    if COMPANY_WORDS.contains(&w) && !(titled && ambiguous) {
                        end = Some(k + 1);
                    }
                }
                _ => break,
            }
        }
        end
    }

    fn unknown_name(
        &self,
        i: usize,
        j: usize,
        ctx: Ctx,
        former: bool,
    ) -> Option<(Vec<Draft>, usize)> {
        if !self.is_name_token(j) || self.atom_at.get(j).copied().flatten().is_some() {
            return None;
        }
        let end = self.company_run(j, false).unwrap_or_else(|| self.name_run(j));
        if end <= j {
            return None;
        }
        // "Disease Control" in "Centers for Disease Control": the tail of a longer name.
        let connector = j.checked_sub(1).map(|p| self.norm(p)).unwrap_or("");
        if matches!(connector, "for" | "of" | "and" | "on" | "de" | "du")
            && j.checked_sub(2).and_then(|p| self.tokens.get(p)).is_some_and(|t| t.capitalised)
        {
            return Some((Vec::new(), end));
        }
        let words: Vec<&str> = (j..end).map(|k| self.norm(k)).collect();
        // "United Airlines", "Exxon Mobil Corp.": a name ending in a company word is a
        // business, of no state until something says so ("of Chicago", "Chicago-based"); MNC
        // is for the multinationals the lexicon names, not for any firm it does not know.
        // ("Dresdner Bank": a bank the lexicon does not know is a business too, though "bank"
        // may also end a place's name.)
        let company = words.len() >= 2
            && words.last().is_some_and(|w| COMPANY_WORDS.contains(w) || *w == "bank");
        if !company && (j..end).any(|k| self.has(k, PLACE_WORD)) {
            return Some((Vec::new(), end));
        }
        // "condemned the Ras Isa strikes": a name the lexicon does not know, right before an
        // attack noun, says where the attack hit, not who made it.
        if !company && self.role(end) == Some(Role::Attack) && j > 0 && self.norm(j - 1) == "the" {
            return Some((Vec::new(), end));
        }
        let org = (j..end).any(|k| self.has(k, ORG_WORD));
        let start = if ctx.start.is_some() { i } else { j };
        let mut d = Draft::new(start..end, end - 1, MentionKind::Name);
        d.entity.code = if ctx.backed { None } else { ctx.code };
        if company {
            d.entity.sector = Some(Sector::Bus);
            d.org = true;
            d.person = false;
            // ("Telerate Inc." is later "Telerate".)
            if let Some(first) = words.first().filter(|_| words.len() >= 2) {
                d.surnames.push(first.to_string());
            }
            return Some((vec![d], end));
        }
        d.entries = ctx.entries.clone();
        d.org = org;
        d.person = !org && words.len() <= 4;
        if former {
            d.entity.sector = Some(Sector::Eli);
        }
        if d.person {
            if let Some(last) = words.last() {
                push_surnames(&mut d.surnames, last);
            }
            if words.len() >= 2 {
                d.given_name = words.first().map(|w| w.to_string());
            }
        }
        let after = self.apposition(end, &mut d);
        let coded = after > end;
        // An unknown person with no title, adjective or apposition to code them is most
        // likely of the country the sentence or story is about ("Jill Stein" in a US story),
        // as bare nouns are.
        if d.person && d.entity.code.is_none() && !ctx.backed {
            d.needs_code = true;
        }
        // "..., Hidalgo has helped raise awareness": a lone name right before a finite verb,
        // past the sentence's opening word, is someone acting, known or not.
        let acting = j > 0
            && self.tokens.get(j - 1).is_some_and(|t| t.norm == ",")
            && matches!(self.norm(end), "has" | "had" | "said" | "says" | "told" | "wrote");
        if words.len() == 1 && !coded && !acting {
            // A lone capitalised word: an actor only as an earlier person's surname.
            let first = words.first().copied().unwrap_or("");
            if j == 0
                && !has_particle_prefix(first)
                && !self.tokens.get(j).is_some_and(|t| t.capitalised)
            {
                return None;
            }
            d.surname_only = true;
            return Some((vec![d], end));
        }
        if words.len() == 1 && j == 0 && !coded {
            return None;
        }
        Some((vec![d], after))
    }

    fn ethnic_head(&self, start: usize, j: usize, ctx: Ctx) -> Option<(Vec<Draft>, usize)> {
        // "Druze and Bedouin groups": each group is a mention sharing the final noun.
        let mut members: Vec<(usize, Range<usize>)> = Vec::new();
        let mut k = j;
        let mut guard = 0;
        while guard < 8 {
            guard += 1;
            let Some((ak, a, e, f)) = self.atom(k) else { break };
            if role_of(e, f) != Role::Ethnic {
                break;
            }
            members.push((ak, a.start..a.end));
            let nxt = a.end;
            let w = self.norm(nxt);
            let w2 = self.norm(nxt + 1);
            if matches!(w, "and" | "or" | ",") && self.role(nxt + 1) == Some(Role::Ethnic) {
                k = nxt + 1;
            } else if w == ","
                && matches!(w2, "and" | "or")
                && self.role(nxt + 2) == Some(Role::Ethnic)
            {
                k = nxt + 2;
            } else {
                k = nxt;
                break;
            }
        }
        let mut probe = Ctx::default();
        let mut f = false;
        let after = self.skip_inner(k, &mut probe, &mut f);
        let mut sector = Some(Sector::Cvl);
        let mut end = k;
        let mut agent_ref = None;
        if let Some((ak, a, e, form)) = self.atom(after) {
            if role_of(e, form) == Role::Agent {
                sector = match e.sector {
                    Some(Sector::Mil) => Some(Sector::Reb),
                    // "the Druze leadership" leads a community, not a state.
                    Some(Sector::Gov) => Some(Sector::Cvl),
                    Some(Sector::Cvl) | None => Some(Sector::Cvl),
                    s => s,
                };
                end = a.end;
                agent_ref = self.entry_ref(ak);
            }
        }
        if agent_ref.is_none() {
            // "Kurdish", "Sunni" alone modify something else ("Kurdish region").
            let last_adj = members.last().and_then(|(ak, _)| {
                let a = self.atoms.get(*ak)?;
                a.targets.get(*self.chosen.get(*ak)?).map(|t| t.form == Form::Adj)
            });
            if last_adj != Some(false) {
                return Some((Vec::new(), k));
            }
        }
        let n = members.len();
        let mut out = Vec::new();
        for (idx, (ak, r)) in members.into_iter().enumerate() {
            let Some(entry) = self.atoms.get(ak).and_then(|a| {
                let t = a.targets.get(*self.chosen.get(ak)?)?;
                self.lex.entries.get(t.entry)
            }) else {
                continue;
            };
            let last = idx + 1 == n;
            let s = if idx == 0 { start.min(r.start) } else { r.start };
            let e_end = if last { end.max(r.end) } else { r.end };
            let mut d = Draft::new(s..e_end, r.start, MentionKind::Nominal);
            d.entity.code = if ctx.backed { None } else { ctx.code }.or(entry.code);
            d.entity.sector = if ctx.sector == Some(Sector::Pre) { ctx.sector } else { sector };
            d.entity.ethnicity = entry.ethnicity.clone();
            d.entity.religion = entry.religion.clone();
            d.entity.identifier_text = entry.name.clone();
            d.entity.identifier_id = entry.qid.clone();
            d.entries = ctx.entries.clone();
            d.entries.extend(self.entry_ref(ak));
            if last {
                d.entries.extend(agent_ref.clone());
            }
            d.plural = true;
            d.needs_code = d.entity.code.is_none() && !ctx.region;
            out.push(d);
        }
        Some((out, end.max(k)))
    }
}

/// Text with runs of white space (line breaks in a wrapped title) made single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an agent noun is plural ("authorities", "people", "police").
fn plural_noun(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
        || matches!(
            w,
            "people"
                | "police"
                | "personnel"
                | "clergy"
                | "staff"
                | "military"
                | "militia"
                | "army"
                | "government"
                | "regime"
                | "administration"
                | "leadership"
                | "men"
                | "women"
                | "children"
                | "youth"
                | "press"
                | "media"
                | "judiciary"
                | "junta"
                | "cabinet"
                | "opposition"
        )
}

fn has_particle_prefix(w: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-", "ath-", "adh-"]
        .iter()
        .any(|p| w.len() > p.len() + 1 && w.starts_with(p))
}

fn push_surnames(out: &mut Vec<String>, last: &str) {
    out.push(last.to_string());
    for p in ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-"] {
        if let Some(rest) = last.strip_prefix(p) {
            out.push(rest.to_string());
        }
    }
}

fn role_of(e: &Entry, form: Form) -> Role {
    match (e.kind, form) {
        (Kind::Country, Form::Adj) => Role::Adj,
        (Kind::Country, Form::Demonym) => Role::Demonym,
        (Kind::Country, Form::Seat) => Role::Capital,
        (Kind::Country, Form::Main) => Role::Country,
        (Kind::Name, _) => Role::Name,
        (Kind::Person, _) => Role::Person,
        (Kind::Agent, _) => Role::Agent,
        (Kind::Title, _) => Role::Title,
        (Kind::Ethnic | Kind::Religion, _) => Role::Ethnic,
        (Kind::Attack, _) => Role::Attack,
        (Kind::Place, _) => Role::Place,
        (Kind::Stop, _) => Role::Stop,
        (Kind::Region, _) => Role::Region,
    }
}

/// Which of an atom's targets applies: the latest-defined actor, and of its roles the one
/// that holds on `date` (without a date, the most recent role).
pub(crate) fn choose(lex: &Lexicon, targets: &[Target], date: Option<&str>) -> usize {
    // Most atoms stand for one entry: nothing to choose (what the general case below returns
    // for a single target too).
    if targets.len() <= 1 {
        return 0;
    }
    let entry = |t: &Target| lex.entries.get(t.entry);
    let Some(mut last) = targets.iter().enumerate().max_by_key(|(_, t)| t.entry) else { return 0 };
    // Two people written the same way ("President Bush"): the one in office on the date, when
    // exactly one is; otherwise the later-listed one, as before.
    if let Some(d) = date {
        let holding: Vec<(usize, &Target)> = targets
            .iter()
            .enumerate()
            .filter(|(_, t)| entry(t).is_some_and(|e| e.from.is_some() && e.holds_on(d)))
            .collect();
        let mut bases = holding.iter().filter_map(|(_, t)| entry(t).map(|e| e.base()));
        if let Some(first) = bases.next() {
            if bases.all(|b| b == first) {
                if let Some(h) = holding.last() {
                    last = *h;
                }
            }
        }
    }
    let Some(base) = entry(last.1).map(|e| e.base().to_string()) else { return last.0 };
    let same: Vec<(usize, &Entry)> = targets
        .iter()
        .enumerate()
        .filter_map(|(i, t)| entry(t).filter(|e| e.base() == base).map(|e| (i, e)))
        .collect();
    if same.len() <= 1 {
        return last.0;
    }
    if let Some(d) = date {
        if let Some((i, _)) = same.iter().find(|(_, e)| e.holds_on(d)) {
            return *i;
        }
        // Between or after roles: the last role that ended (coded as a former holder);
        // before every role: the first.
        let ended = same
            .iter()
            .filter(|(_, e)| e.to.as_deref().is_some_and(|t| t <= d))
            .max_by(|a, b| a.1.to.cmp(&b.1.to));
        let earliest = same.iter().min_by(|a, b| a.1.from.cmp(&b.1.from));
        let pick = ended.or(earliest);
        return pick.map(|(i, _)| *i).unwrap_or(last.0);
    }
    let open = same.iter().filter(|(_, e)| e.to.is_none()).max_by(|a, b| a.1.from.cmp(&b.1.from));
    let any = same.iter().max_by(|a, b| a.1.from.cmp(&b.1.from));
    open.or(any).map(|(i, _)| *i).unwrap_or(last.0)
}
