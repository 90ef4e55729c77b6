//! The event lexicon: reading the pattern, mode-cue, auxiliary-cue and context-cue files into
//! entries, with overlays (same key overrides, `@disable KEY` removes) and a diagnostic for
//! every bad line. The format is documented in `data/events/README.md`.

use crate::inflect::{noun_forms, verb_forms, Form};
use lapwing_core::plover::{Context, EventType, Mode};
use lapwing_lexicon::{list, read_rows, Diagnostic, Row, Source};
use std::collections::BTreeMap;

/// How the roles of a trigger are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Transitive verb: subject → actor, direct object or prepositional object → recipient.
    Verb,
    /// Intransitive verb: subject → actor, only prepositional objects → recipient.
    VerbIntrans,
    /// Symmetric verb ("clashed"): subject and "with X" are all actors.
    VerbMutual,
    /// Reverse verb ("fled", "received"): subject → recipient, object → actor.
    VerbReverse,
    /// Event noun: modifier, possessor, "by X" or a light verb's subject → actor.
    Noun,
    /// Symmetric event noun ("clashes between X and Y"): every side is an actor.
    NounMutual,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "v" => Frame::Verb,
            "vi" => Frame::VerbIntrans,
            "v2" => Frame::VerbMutual,
            "vr" => Frame::VerbReverse,
            "n" => Frame::Noun,
            "n2" => Frame::NounMutual,
            _ => return None,
        })
    }

    /// Whether the trigger is a noun.
    pub fn is_noun(self) -> bool {
        matches!(self, Frame::Noun | Frame::NounMutual)
    }
}

/// One position of a phrase.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// One token out of these norms (with the verb form each one is, for verbs).
    Words(Vec<(String, Option<Form>)>),
    /// Up to this many tokens of anything but sentence punctuation.
    Gap(usize),
}

/// A phrase: the sequence of elements a trigger or cue is matched with.
pub type Phrase = Vec<Element>;

/// Where an entry came from, for evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The entry's key.
    pub key: String,
    /// `file:line`.
    pub source: String,
}

/// An event pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Key and source.
    pub origin: Origin,
    /// The category; `None` for a blocking pattern (event `-`), which only stops shorter
    /// triggers inside it ("strike a deal" is not an attack).
    pub event: Option<EventType>,
    /// Modes the pattern itself implies.
    pub modes: Vec<Mode>,
    /// The trigger phrases (alternatives).
    pub phrase: Vec<Phrase>,
    /// How roles are found.
    pub frame: Frame,
    /// Prepositions that introduce a recipient after the trigger.
    pub preps: Vec<String>,
    /// Base confidence.
    pub confidence: f64,
    /// Flags: `needrecip` (no candidate without a recipient), `needmode` (nor without a mode),
    /// `noinherit` (an event noun that never takes an earlier event's actors), `party` (a call
    /// to end a conflict, AGREE when the caller fights in it), `ofagent` ("the withdrawal of X":
    /// X is the actor), `labour` (a strike by workers or civilians is a PROTEST strike),
    /// `armedactor` (only armed forces or international organisations do it: "intervened"),
    /// `security` (only police, soldiers, agents or officials do it: "forced their way into"),
    /// `authority` (passive with no agent: the police, or for SANCTION the courts, of the place
    /// did it: "was arrested", "was sentenced"), `person` (the patient is a person: an uncoded
    /// object, "arrested two vendors", "stabbed her", is one of the context's state),
    /// `physical` (a blow only outside a contest: "beat Clinton in Wisconsin" is an election),
    /// `victim` (a finite passive with no agent, "three soldiers were killed", still codes its
    /// victims with an unknown attacker, unless another attack in the sentence tells who),
    /// `deport` (expelling people who hold no office is COERCE deport, not SANCTION expel),
    /// `charge` (a wrongdoing that only a reporter alleges: "Iran said the US had crossed a red
    /// line" is ACCUSE by the reporter against the clause's subject; uncoded without one),
    /// `inner` (the object is the mention inside a gapped trigger: "ordered the French
    /// ambassador to leave"), `broker` (the parties after "between" are the actors: "brokered a ceasefire between
    /// X and Y"), `speech` (a verb of saying that requests only with an object or a complement: "he
    /// asked." attributes a quote), `civilactor` (only civilians, workers,
    /// students or the opposition do it: "demonstrators gathered"), `stative` (a verb of standing
    /// relations: its present tense after the first sentence, or a participle describing a
    /// noun, is background: "Iran backs Assad", "forces backed by Russia").
    pub flags: Vec<String>,
}

impl Pattern {
    /// Whether the pattern carries a flag.
    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// A mode cue: words that set a mode of a category when they occur near its trigger.
#[derive(Debug, Clone)]
pub struct ModeCue {
    /// Key and source.
    pub origin: Origin,
    /// The category the mode belongs to.
    pub event: EventType,
    /// The mode.
    pub mode: Mode,
    /// The cue phrases (alternatives).
    pub phrase: Vec<Phrase>,
}

/// What an auxiliary cue signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuxKind {
    /// The event did not happen.
    Negated,
    /// The event is conditional or possible.
    Hypothetical,
    /// The event is announced or planned.
    Future,
    /// The event is background history.
    Historical,
    /// A light verb whose subject is the actor of the event noun it governs ("launched").
    Light,
    /// A verb whose subject undergoes the event noun it governs ("came under", "faced").
    Undergo,
    /// A verb whose infinitive complement happened ("prompted X to", "forced X to").
    Implicative,
    /// The event noun is a new occurrence of an earlier one ("again", "renewed").
    Again,
    /// A speech verb introducing or closing a quote ("said", "wrote").
    Speech,
    /// A place people gather, whose closure told in the passive is a restriction (patterns
    /// flagged `site`).
    Site,
    /// Animals, whose killing told in the passive is a cull (patterns flagged `livestock`).
    Livestock,
    /// A kind of unit or weapon an attack noun may name ("air assault forces", "attack
    /// helicopters"): then the noun is no attack.
    Unit,
}

impl AuxKind {
    fn parse(s: &str) -> Option<AuxKind> {
        Some(match s {
            "negated" => AuxKind::Negated,
            "hypothetical" => AuxKind::Hypothetical,
            "future" => AuxKind::Future,
            "historical" => AuxKind::Historical,
            "light" => AuxKind::Light,
            "undergo" => AuxKind::Undergo,
            "implicative" => AuxKind::Implicative,
            "again" => AuxKind::Again,
            "speech" => AuxKind::Speech,
            "site" => AuxKind::Site,
            "livestock" => AuxKind::Livestock,
            "unit" => AuxKind::Unit,
            _ => return None,
        })
    }
}

/// An auxiliary cue.
#[derive(Debug, Clone)]
pub struct AuxCue {
    /// Key and source.
    pub origin: Origin,
    /// What it signals.
    pub kind: AuxKind,
    /// The cue phrases (alternatives).
    pub phrase: Vec<Phrase>,
}

/// A context cue.
#[derive(Debug, Clone)]
pub struct ContextCue {
    /// Key and source.
    pub origin: Origin,
    /// The context.
    pub context: Context,
    /// The cue phrases (alternatives).
    pub phrase: Vec<Phrase>,
}

/// Any lexicon entry.
#[derive(Debug, Clone)]
pub enum Entry {
    /// An event pattern.
    Pattern(Pattern),
    /// A mode cue.
    Mode(ModeCue),
    /// An auxiliary cue.
    Aux(AuxCue),
    /// A context cue.
    Context(ContextCue),
}

/// Parses one phrase (a field may hold several separated by `|`): space-separated positions; `~lemma` is a verb in all its forms, `+lemma` a
/// noun and its plural, `a/b` alternatives, `*` a gap of up to five tokens, `*N` up to N.
pub fn parse_phrase(text: &str) -> Result<Phrase, String> {
    let mut out = Vec::new();
    // "~hunt down/~track down" reads as "~hunt", "down or ~track", "down": a multi-word
    // alternative inside a '/' group is a mistake worth an error rather than a silent misreading.
    let parts: Vec<&str> = text.split_whitespace().collect();
    for pair in parts.windows(2) {
        if let [group, next] = pair {
            let bare = |w: &str| w.trim_start_matches(['~', '+']).to_string();
            // "~withdraw/~pull out/~pull back" leaves a position "out/~pull", "+stunt/+blow
            // to/+attack on" one "to/+attack": a particle or preposition beside a lemma.
            let particle = |a: &str| {
                matches!(
                    a,
                    "out"
                        | "back"
                        | "down"
                        | "up"
                        | "off"
                        | "over"
                        | "away"
                        | "on"
                        | "to"
                        | "of"
                        | "in"
                        | "at"
                        | "for"
                        | "with"
                        | "from"
                        | "against"
                        | "into"
                        | "by"
                )
            };
            let mixed = group.contains('/')
                && group.split('/').any(particle)
                && group.split('/').any(|a| a.starts_with('~') || a.starts_with('+'));
            if mixed || (group.contains('/') && group.split('/').any(|a| bare(a) == bare(next))) {
                return Err(format!(
                    "{group:?} followed by {next:?} looks like a multi-word alternative inside a '/' group; write separate phrases joined by '|'"
                ));
            }
        }
    }
    for part in parts {
        if let Some(n) = part.strip_prefix('*') {
            let max = if n.is_empty() {
                5
            } else {
                n.parse().map_err(|_| format!("bad gap {part:?}"))?
            };
            if max > 8 {
                return Err(format!("gap {part:?} longer than 8"));
            }
            out.push(Element::Gap(max));
            continue;
        }
        // A multi-token literal ("n't", "u.s.") inside one position splits into positions;
        // alternatives must then be single tokens.
        let alts: Vec<&str> = part.split('/').filter(|a| !a.is_empty()).collect();
        if alts.is_empty() {
            return Err(format!("empty position in {text:?}"));
        }
        if alts.len() == 1 && !alts[0].starts_with(['~', '+']) && !alts[0].ends_with("ed") {
            let norms = lapwing_text::normalize_phrase(alts[0]);
            if norms.is_empty() {
                return Err(format!("empty position in {text:?}"));
            }
            for n in norms {
                out.push(Element::Words(vec![(n, None)]));
            }
            continue;
        }
        let mut words = Vec::new();
        for a in alts {
            if let Some(lemma) = a.strip_prefix('~') {
                for (f, form) in verb_forms(&norm_one(lemma)?) {
                    words.push((f, Some(form)));
                }
            } else if let Some(lemma) = a.strip_prefix('+') {
                for f in noun_forms(&norm_one(lemma)?) {
                    words.push((f, None));
                }
            } else {
                // A literal verb form still tells its form, for the passive and the gerund rules.
                let w = norm_one(a)?;
                let form = if w.ends_with("ed") {
                    Some(Form::Past)
                } else if w.ends_with("ing") {
                    Some(Form::Gerund)
                } else {
                    None
                };
                words.push((w, form));
            }
        }
        out.push(Element::Words(words));
    }
    match out.first() {
        None => Err("empty phrase".into()),
        Some(Element::Gap(_)) => Err("a phrase cannot start with a gap".into()),
        _ if matches!(out.last(), Some(Element::Gap(_))) => {
            Err("a phrase cannot end with a gap".into())
        }
        _ => Ok(out),
    }
}

/// Words that may follow a noun in a phrase without being the head of a compound it modifies.
/// Not the coder's tuned lists: a change to those must not move what `lexicon check` reports.
const AFTER_NOUN: &[&str] = lapwing_text::join_words!(
    lapwing_text::ARTICLES,
    lapwing_text::POSSESSIVES,
    lapwing_text::PREPOSITIONS,
    lapwing_text::BE_FORMS,
    lapwing_text::AUXILIARIES,
    &[
        "and", "or", "but", "nor", "not", "that", "which", "who", "whom", "whose", "where", "when",
        "as", "so"
    ]
);

/// Doubts about a phrase that parses: a `/` group of nouns directly followed by a plain word
/// that reads as the head of a compound.
///
/// `+` pluralises only the word it marks, so `+nurse/+health worker` wants "nurse worker" or
/// "health worker": "health worker" was meant as an alternative and the "nurse" half never
/// matches. When every alternative modifies the word (`+price/+cost explosion`) the plural
/// still sits on the modifiers ("prices explosion") instead of the head, so the shape has no
/// right use and flagging it spares no good pattern. Verb groups take plain objects
/// (`~seize/~take power`) and unmarked groups are modifiers already (`military/naval
/// presence`), so neither is checked; a function word or a participle (`+rally supporting`)
/// after a noun heads no compound.
fn phrase_warnings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let parts: Vec<&str> = text.split_whitespace().collect();
    for pair in parts.windows(2) {
        let [group, next] = pair else { continue };
        let alts: Vec<&str> = group.split('/').filter(|a| !a.is_empty()).collect();
        let nouns = alts.len() > 1
            && alts.iter().any(|a| a.starts_with('+'))
            && !alts.iter().any(|a| a.starts_with('~'));
        let head = next.chars().all(char::is_alphabetic)
            && !next.ends_with("ing")
            && !next.ends_with("ed")
            && !AFTER_NOUN.contains(&next.to_lowercase().as_str());
        if !(nouns && head) {
            continue;
        }
        let bare: Vec<&str> = alts.iter().map(|a| a.trim_start_matches('+')).collect();
        let (first, last) = (bare[0], bare[bare.len() - 1]);
        let sep = if bare.len() == 2 { " or " } else { ", ..., " };
        out.push(format!(
            "{group:?} followed by {next:?} reads {:?}{sep}{:?} ('+' marks one word); write a \
             multi-word alternative as a separate phrase joined by '|' with '+' on its head \
             ({:?}), or a head shared by every alternative with the '+' ({:?})",
            format!("{first} {next}"),
            format!("{last} {next}"),
            format!("{last} +{next}"),
            format!("{} +{next}", bare.join("/")),
        ));
    }
    out
}

fn norm_one(word: &str) -> Result<String, String> {
    let mut n = lapwing_text::normalize_phrase(word);
    if n.len() == 1 {
        Ok(n.remove(0))
    } else {
        Err(format!("{word:?} is not a single token"))
    }
}

/// What kind of file a source is, from its name.
fn file_kind(name: &str) -> &'static str {
    let base = name.rsplit('/').next().unwrap_or(name);
    match base {
        "modes.tsv" => "modes",
        "aux.tsv" => "aux",
        "contexts.tsv" => "contexts",
        _ => "patterns",
    }
}

/// The column that holds a row's phrases, by file kind: after the key, event and mode of
/// patterns and mode cues, after the key and kind of aux and context cues. The parsers and the
/// phrase warnings both read it from here.
fn phrase_column(kind: &str) -> usize {
    match kind {
        "patterns" | "modes" => 3,
        _ => 2,
    }
}

/// Reads all sources in order into keyed entries: a later entry with the same key overrides an
/// earlier one and `@disable KEY` removes one.
pub fn load(sources: &[Source]) -> (BTreeMap<String, (usize, Entry)>, Vec<Diagnostic>) {
    let mut entries: BTreeMap<String, (usize, Entry)> = BTreeMap::new();
    let mut diags = Vec::new();
    let mut order = 0usize;
    for src in sources {
        let kind = file_kind(&src.name);
        let min = match kind {
            "patterns" => 5,
            "modes" => 4,
            _ => 3,
        };
        let (rows, d) = read_rows(src, min);
        diags.extend(d);
        let mut seen_here: BTreeMap<String, usize> = BTreeMap::new();
        for row in rows {
            let first = row.field(0).text;
            if first == "@columns" {
                continue;
            }
            if first == "@disable" {
                let key = row.field(1).text;
                if entries.remove(key).is_none() {
                    diags.push(row.warning(1, format!("@disable: no entry {key:?}")));
                }
                continue;
            }
            if first.starts_with('@') {
                diags.push(row.error(0, format!("unknown directive {first:?}")));
                continue;
            }
            if first.is_empty() || first.contains(char::is_whitespace) {
                diags.push(row.error(0, "a key is one word"));
                continue;
            }
            if let Some(prev) = seen_here.insert(first.to_string(), row.line) {
                diags.push(row.warning(0, format!("key {first:?} repeats line {prev}")));
            }
            let parsed = match kind {
                "patterns" => parse_pattern(&row).map(Entry::Pattern),
                "modes" => parse_mode(&row).map(Entry::Mode),
                "aux" => parse_aux(&row).map(Entry::Aux),
                _ => parse_context(&row).map(Entry::Context),
            };
            match parsed {
                Ok(e) => {
                    // A warning, not an error: the rule guesses the author's intent from word
                    // classes, so the entry still loads as written.
                    let at = phrase_column(kind);
                    for alt in row.field(at).text.split('|') {
                        for m in phrase_warnings(alt) {
                            diags.push(row.warning(at, m));
                        }
                    }
                    order += 1;
                    entries.insert(first.to_string(), (order, e));
                }
                Err(d) => diags.push(d),
            }
        }
    }
    (entries, diags)
}

fn origin(row: &Row) -> Origin {
    Origin { key: row.field(0).text.to_string(), source: row.location() }
}

/// A phrase field: one or more phrases separated by `|`.
fn phrase_at(row: &Row, i: usize) -> Result<Vec<Phrase>, Diagnostic> {
    let text = row.field(i).text;
    let mut out = Vec::new();
    for alt in text.split('|') {
        out.push(parse_phrase(alt).map_err(|m| row.error(i, m))?);
    }
    Ok(out)
}

fn event_at(row: &Row, i: usize) -> Result<EventType, Diagnostic> {
    row.field(i).text.parse::<EventType>().map_err(|e| row.error(i, e.to_string()))
}

fn modes_at(row: &Row, i: usize, event: Option<EventType>) -> Result<Vec<Mode>, Diagnostic> {
    let mut out = Vec::new();
    for m in list(row.field(i).text) {
        let mode: Mode = m
            .parse()
            .map_err(|e: lapwing_core::plover::UnknownName| row.error(i, e.to_string()))?;
        if let Some(ev) = event {
            if !mode.belongs_to(ev) {
                return Err(row.error(i, format!("mode {m:?} is not a mode of {ev}")));
            }
        }
        out.push(mode);
    }
    Ok(out)
}

fn parse_pattern(row: &Row) -> Result<Pattern, Diagnostic> {
    let ev_text = row.field(1).text;
    let event = if ev_text == "-" { None } else { Some(event_at(row, 1)?) };
    let modes = modes_at(row, 2, event)?;
    let phrase = phrase_at(row, phrase_column("patterns"))?;
    let frame = Frame::parse(row.field(4).text)
        .ok_or_else(|| row.error(4, format!("unknown frame {:?}", row.field(4).text)))?;
    let preps = list(row.field(5).text)
        .filter(|p| *p != "-")
        .map(|p| norm_one(p).map_err(|m| row.error(5, m)))
        .collect::<Result<Vec<_>, _>>()?;
    let conf_text = row.field(6).text;
    let confidence = if conf_text.is_empty() {
        0.7
    } else {
        match conf_text.parse::<f64>() {
            Ok(c) if (0.0..=1.0).contains(&c) => c,
            _ => return Err(row.error(6, format!("confidence {conf_text:?} is not in 0..1"))),
        }
    };
    let flags: Vec<String> = list(row.field(7).text).map(str::to_string).collect();
    for f in &flags {
        if !matches!(
            f.as_str(),
            "needrecip"
                | "needmode"
                | "site"
                | "official"
                | "livestock"
                | "noinherit"
                | "party"
                | "ofagent"
                | "fromagent"
                | "labour"
                | "armedactor"
                | "security"
                | "authority"
                | "decree"
                | "civilactor"
                | "stative"
                | "person"
                | "physical"
                | "speech"
                | "broker"
                | "inner"
                | "charge"
                | "deport"
                | "victim"
                | "joint"
                | "owngov"
                | "target"
                | "outward"
                | "command"
                | "promise"
                | "foreign"
                | "ownpeople"
                | "anonymous"
                | "raid"
                | "relief"
                | "border"
                | "partner"
                | "donation"
        ) {
            return Err(row.error(7, format!("unknown flag {f:?}")));
        }
    }
    Ok(Pattern { origin: origin(row), event, modes, phrase, frame, preps, confidence, flags })
}

fn parse_mode(row: &Row) -> Result<ModeCue, Diagnostic> {
    let event = event_at(row, 1)?;
    let mut modes = modes_at(row, 2, Some(event))?;
    if modes.len() != 1 {
        return Err(row.error(2, "a mode cue sets exactly one mode"));
    }
    let mode = modes.remove(0);
    Ok(ModeCue {
        origin: origin(row),
        event,
        mode,
        phrase: phrase_at(row, phrase_column("modes"))?,
    })
}

fn parse_aux(row: &Row) -> Result<AuxCue, Diagnostic> {
    let kind = AuxKind::parse(row.field(1).text)
        .ok_or_else(|| row.error(1, format!("unknown cue kind {:?}", row.field(1).text)))?;
    Ok(AuxCue { origin: origin(row), kind, phrase: phrase_at(row, phrase_column("aux"))? })
}

fn parse_context(row: &Row) -> Result<ContextCue, Diagnostic> {
    let context = row
        .field(1)
        .text
        .parse::<Context>()
        .map_err(|e: lapwing_core::plover::UnknownName| row.error(1, e.to_string()))?;
    Ok(ContextCue {
        origin: origin(row),
        context,
        phrase: phrase_at(row, phrase_column("contexts"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_expand_inflections() {
        let p = parse_phrase("~carry out +strike/+raid * on").unwrap_or_default();
        assert_eq!(p.len(), 5);
        match &p[0] {
            Element::Words(w) => {
                assert!(w.iter().any(|(s, f)| s == "carried" && *f == Some(Form::Past)))
            }
            Element::Gap(_) => panic!("expected words"),
        }
        match &p[2] {
            Element::Words(w) => assert_eq!(w.len(), 4),
            Element::Gap(_) => panic!("expected words"),
        }
        assert!(parse_phrase("* x").is_err());
        assert!(parse_phrase("").is_err());
    }

    /// Regression: "~vow to ~hunt down/~track down" silently matched "vowed to hunt down down".
    #[test]
    fn multi_word_alternative_in_a_group_is_an_error() {
        let e = parse_phrase("~vow to ~hunt down/~track down").err().unwrap_or_default();
        assert!(e.contains("'|'"), "{e}");
        assert!(parse_phrase("~vow to ~track down").is_ok());
        assert!(parse_phrase("down/up ~go").is_ok());
        assert!(parse_phrase("willing to ~withdraw/~pull out/~pull back").is_err());
        // Regression: "+stunt/+blow to/+attack on/+scam" made "~call ... +stunt" never match.
        assert!(parse_phrase("~call *5 +stunt/+blow to/+attack on/+scam").is_err());
        assert!(parse_phrase("~call *5 +stunt/+scam").is_ok());
        assert!(parse_phrase("in/at/near +town").is_ok());
    }

    /// Regression: "+nurse/+health worker" read "nurse worker" or "health worker", so the
    /// pattern never matched a nurse, and nothing said so.
    #[test]
    fn noun_group_before_a_plain_noun_is_a_warning() {
        let w = phrase_warnings("~send * +nurse/+health worker");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains(r#"reads "nurse worker" or "health worker""#), "{}", w[0]);
        assert!(w[0].contains(r#"("health +worker")"#), "{}", w[0]);
        assert!(w[0].contains(r#"("nurse/health +worker")"#), "{}", w[0]);
        assert_eq!(phrase_warnings("+population/+data/+cost explosion").len(), 1);
        assert_eq!(phrase_warnings("+nurse/health worker").len(), 1);
        for ok in [
            "~send * +nurse",
            "~send * health +worker",
            "population/data/cost +explosion",
            "~seize/~take/~grab power",
            "~speak/~talk by phone/telephone",
            "military/naval/troop presence",
            "+rally/+march supporting/backing",
            "+rally/+march demanding",
            "+attack/+raid on",
            "+move/+ruling was",
            "+troop/+soldier to the/its",
            "+drill/+exercise * around",
            "+strike/+raid 's",
        ] {
            assert!(phrase_warnings(ok).is_empty(), "{ok}: {:?}", phrase_warnings(ok));
        }
    }

    /// The warning is on the line, in every file, a user's overlay too, and the entry still
    /// loads as written.
    #[test]
    fn load_warns_about_a_noun_group_before_a_noun() {
        let user = Source::new(
            "user/aid.tsv",
            "aid.nurses\tAID\t\t~send * +nurse/+health worker\tvi\tto\n",
        );
        let (entries, diags) = load(&[user]);
        assert!(entries.contains_key("aid.nurses"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].severity, lapwing_lexicon::Severity::Warning);
        assert!(
            diags[0].to_string().starts_with(
                r#"user/aid.tsv:1:17: warning: "+nurse/+health" followed by "worker" reads"#
            ),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn overlays_override_and_disable() {
        let base = Source::new(
            "builtin:events/assault.tsv",
            "a1\tASSAULT\taerial\t+airstrike\tn\ton\na2\tASSAULT\t\t~shell\tv\t\n",
        );
        let user = Source::new(
            "user/assault.tsv",
            "@disable\ta2\na1\tASSAULT\tdrone\t+airstrike\tn\ton\nbad\tASSAULT\tdemo\tx\tv\t\n",
        );
        let (entries, diags) = load(&[base, user]);
        assert_eq!(entries.len(), 1);
        match entries.get("a1") {
            Some((_, Entry::Pattern(p))) => assert_eq!(p.modes, vec![Mode::Drone]),
            _ => panic!("a1 missing"),
        }
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "user/assault.tsv:3:13: mode \"demo\" is not a mode of ASSAULT"
        );
    }
}
