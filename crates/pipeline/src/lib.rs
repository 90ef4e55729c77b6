//! The pipeline: runs the stages over one document (segment, code actors, find events, resolve
//! dates and places) and assembles PLOVER event records, each carrying its evidence.
//!
//! This crate owns how stage outputs become a record: ids, the choice of the time expression
//! and the place that govern an event, the evidence list. It does no I/O and reads no clock:
//! the coding date, the fallback publication date and the lexicons are given by the caller, so
//! the same input gives the same records byte for byte. Parallelism belongs to the caller,
//! which may code documents on any number of threads: [`Coder`] is `Sync`.
//!
//! ```no_run
//! use lapwing_pipeline::{Coder, CodeOptions, LexiconOverlay};
//! let gazetteer = lapwing_geo::Gazetteer::embedded().expect("embedded gazetteer");
//! let (coder, diagnostics) = Coder::new(&gazetteer, &LexiconOverlay::default());
//! assert!(diagnostics.is_empty());
//! let doc = lapwing_core::Document {
//!     id: "d1".into(),
//!     text: "Israeli jets struck Damascus on Thursday.".into(),
//!     published: Some("2025-07-20".into()),
//!     ..Default::default()
//! };
//! let out = coder.code(&doc, &CodeOptions::default());
//! for record in &out.records {
//!     println!("{} {:?}", record.event, record.date);
//! }
//! ```
#![deny(missing_docs)]

mod dating;
mod record;

use lapwing_actors::ActorCoder;
use lapwing_core::{Document, EventRecord};
use lapwing_events::EventCoder;
use lapwing_geo::{Gazetteer, Geoparser};
use lapwing_lexicon::{Diagnostic, Source};

pub use dating::{DateBasis, DateChoice};

/// The program name and version written as `coder` in every record.
pub const CODER: &str = concat!("lapwing ", env!("CARGO_PKG_VERSION"));

/// A user's lexicon files, laid over the built-in ones.
#[derive(Debug, Clone, Default)]
pub struct LexiconOverlay {
    /// Actor lexicon files (`actors/*.tsv` of a lexicon folder).
    pub actors: Vec<Source>,
    /// Event pattern files (`events/*.tsv` of a lexicon folder).
    pub events: Vec<Source>,
}

/// Per-run settings of coding.
#[derive(Debug, Clone, Default)]
pub struct CodeOptions {
    /// Written as `coded_date`; the caller decides (usually today).
    pub coded_date: String,
    /// Publication date for documents that lack one (`--published`).
    pub default_published: Option<String>,
}

/// What coding one document gave.
#[derive(Debug, Clone, Default)]
pub struct DocOutput {
    /// Its event records, in sentence order.
    pub records: Vec<EventRecord>,
    /// How many sentences it had.
    pub n_sentences: usize,
}

/// The compiled actor and event lexicons: the part of a [`Coder`] that needs no gazetteer.
pub struct Lexicons {
    actors: ActorCoder,
    events: EventCoder,
}

impl Lexicons {
    /// Compiles the built-in lexicons with `overlay` on top. Diagnostics name file, line and
    /// column of every bad entry; the good entries are still used.
    pub fn compile(overlay: &LexiconOverlay) -> (Lexicons, Vec<Diagnostic>) {
        let mut actor_sources = ActorCoder::builtin_sources();
        actor_sources.extend(overlay.actors.iter().cloned());
        let (actors, mut diagnostics) = ActorCoder::from_sources(&actor_sources);
        let mut event_sources = EventCoder::builtin_sources();
        event_sources.extend(overlay.events.iter().cloned());
        let (events, event_diags) = EventCoder::from_sources(&event_sources);
        diagnostics.extend(event_diags);
        (Lexicons { actors, events }, diagnostics)
    }
}

/// The whole coder, compiled once and shared by reference across threads.
pub struct Coder<'g> {
    actors: ActorCoder,
    events: EventCoder,
    /// Each country's own place, by ISO 3166-1 alpha-3 code.
    countries: std::collections::BTreeMap<String, lapwing_geo::Place>,
    geoparser: Geoparser<'g>,
}

impl<'g> Coder<'g> {
    /// Compiles the built-in lexicons with `overlay` on top. Diagnostics name file, line and
    /// column of every bad entry; the good entries are still used.
    pub fn new(gazetteer: &'g Gazetteer, overlay: &LexiconOverlay) -> (Coder<'g>, Vec<Diagnostic>) {
        let (lexicons, diagnostics) = Lexicons::compile(overlay);
        (Coder::with_gazetteer(lexicons, gazetteer), diagnostics)
    }

    /// Puts compiled lexicons and a gazetteer together. With [`Lexicons::compile`], lets a
    /// caller build the gazetteer and the lexicons at the same time (they need nothing of each
    /// other).
    pub fn with_gazetteer(lexicons: Lexicons, gazetteer: &'g Gazetteer) -> Coder<'g> {
        let Lexicons { actors, events } = lexicons;
        let geoparser = Geoparser::new(gazetteer);
        let countries = gazetteer.countries().map(|p| (p.country.clone(), p.clone())).collect();
        Coder { actors, events, countries, geoparser }
    }

    /// The actor coder, for `lexicon explain`.
    pub fn actors(&self) -> &ActorCoder {
        &self.actors
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document, options: &CodeOptions) -> DocOutput {
        let text = doc.text.as_str();
        let sentences = lapwing_text::segment(text);
        // A document without a trigger phrase has no event, whatever its dates, actors and
        // places, so nothing more is looked for (the bench corpus has few such documents; a
        // stream of news outside politics has many).
        let triggers = self.events.find_triggers(&sentences);
        if triggers.is_empty() {
            return DocOutput { records: Vec::new(), n_sentences: sentences.len() };
        }
        let published = doc.published_day().map(str::to_string).or_else(|| {
            options.default_published.as_deref().and_then(|p| p.get(..10)).map(str::to_string)
        });
        let anchor = published.as_deref().and_then(lapwing_time::CivilDate::parse);
        let timexes = lapwing_time::find_timexes(text, anchor);
        let sentence_dates = dating::sentence_dates(&sentences, &timexes, anchor);
        let (mut mentions, weak, story_state) =
            self.actors.code_document_placed(text, &sentences, &sentence_dates, &[]);
        unplace_ethnic(&mut mentions, text);
        let published_year = anchor.and_then(|a| u32::try_from(a.year).ok());
        // Places are looked up before events only when a mention waits for a country from
        // them; otherwise only once an event is found.
        let early = mentions.iter().flatten().any(placeable);
        let mut all_places = early.then(|| self.geoparser.parse(text));
        if let Some(p) = &all_places {
            recode_misread_state(&mut mentions, p);
            place_uncoded(&mut mentions, &sentences, p);
        }
        let mut candidates =
            self.events.code_found(triggers, text, &sentences, &mentions, published_year);
        let places = if candidates.is_empty() {
            Vec::new()
        } else {
            let late = all_places.is_none();
            let p = all_places.take().unwrap_or_else(|| self.geoparser.parse(text));
            // When no state is named enough to say what the story is about, the towns it is
            // told in ("Cairns", "Yarrabah") say so: if they point elsewhere than the few
            // state words do, actors and events are coded again with them (only then, as it
            // costs a second pass).
            if weak {
                let towns = towns(&p);
                if most_named(towns.iter().map(|t| t.1)).is_some_and(|f| Some(f) != story_state) {
                    let (ms, _, _) =
                        self.actors.code_document_placed(text, &sentences, &sentence_dates, &towns);
                    mentions = ms;
                    unplace_ethnic(&mut mentions, text);
                    recode_misread_state(&mut mentions, &p);
                    place_uncoded(&mut mentions, &sentences, &p);
                    candidates = self.events.code_document_dated(
                        text,
                        &sentences,
                        &mentions,
                        published_year,
                    );
                }
            }
            // A state read from a place name found elsewhere only now: code the events again
            // (rare, so the places are not looked up early for every document).
            if late
                && mentions.iter().flatten().any(by_country_name)
                && recode_misread_state(&mut mentions, &p)
            {
                place_uncoded(&mut mentions, &sentences, &p);
                candidates =
                    self.events.code_document_dated(text, &sentences, &mentions, published_year);
            }
            recode_capitals(&mut candidates, &p);
            // (Attacks may place their victims in the town a sentence opens with, even one
            // that acts there, which `event_places` leaves out.)
            let openers = opening_towns(&p, &sentences);
            let p = event_places(p, &mentions);
            place_domestic_victims(&mut candidates, &sentences, &p, &openers, text);
            police_of_the_place(&mut candidates, &sentences, &p, text, self.geoparser.gazetteer());
            p
        };
        let dater = dating::Dater::new(text, &sentences, &timexes, anchor);
        let char_index = lapwing_core::text::CharIndex::new(text);
        let ctx = record::Context {
            doc,
            text,
            sentences: &sentences,
            places: &places,
            char_index: &char_index,
            published: published.as_deref(),
            countries: &self.countries,
            coded_date: &options.coded_date,
        };
        let mut records: Vec<EventRecord> =
            candidates.iter().map(|c| record::assemble(&ctx, c, &dater)).collect();
        records.sort_by(|a, b| {
            let key = |r: &EventRecord| {
                (
                    r.text_info.sequence,
                    r.evidence.trigger.as_ref().map_or(0, |t| t.start),
                    r.id.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        DocOutput { records, n_sentences: sentences.len() }
    }
}

/// "Some 1,500 ethnic Albanians marched in Istanbul", "clashes between Serb police and ethnic
/// Albanians in Kosovo": an ethnicity says who people are, not which state they belong to.
/// People named by "ethnic" and a nationality word are left for the places around them to
/// place, as unnamed people are.
fn unplace_ethnic(mentions: &mut [Vec<lapwing_core::Mention>], text: &str) {
    for m in mentions.iter_mut().flatten() {
        if m.kind != lapwing_core::MentionKind::Nominal || m.entity.code.is_none() {
            continue;
        }
        let words = m.span.slice(text);
        if !words.contains("thnic ") {
            continue;
        }
        let words = words.to_lowercase();
        let ethnic = m.entries.iter().any(|e| {
            e.source.contains("countries.tsv")
                && words.contains(&format!("ethnic {}", e.text.to_lowercase()))
        });
        let only_people =
            m.entries.iter().all(|e| e.source.contains("countries.tsv") || generic_entry(e));
        if ethnic && only_people {
            m.entity.code = None;
            m.entity.identifier_text = None;
            m.entity.identifier_id = None;
        }
    }
}

/// Gives people the actor coder could not place the country of the places around them:
/// "police in Calgary", "a Winnipeg man", an unknown "Taleh Habibzade" name no state, but the
/// gazetteer knows where Calgary is. The sentence's own places come first, then the document's most named country. A
/// mention described as foreign ("six foreign medical personnel") stays unplaced.
fn place_uncoded(
    mentions: &mut [Vec<lapwing_core::Mention>],
    sentences: &[lapwing_core::Sentence],
    places: &[lapwing_geo::PlaceMention],
) {
    if places.is_empty() {
        return;
    }
    let code_of = |p: &lapwing_geo::PlaceMention| place_code(&p.place.country);
    // The document's focus: the country its places name most often (the first on a tie).
    let focus = most_named(places.iter().filter_map(code_of));
    for si in 0..sentences.len().min(mentions.len()) {
        let Some(s) = sentences.get(si) else { continue };
        let in_sentence: Vec<&lapwing_geo::PlaceMention> =
            places.iter().filter(|p| p.start >= s.span.start && p.end <= s.span.end).collect();
        // ("United" for "United Airlines" placed earlier by its own sentence: the same firm.)
        let (done, rest) = mentions.split_at_mut(si);
        let Some(ms) = rest.first_mut() else { continue };
        for m in ms.iter_mut().filter(|m| placeable(m)) {
            if m.kind == lapwing_core::MentionKind::Pronoun {
                let placed = m
                    .antecedent
                    .and_then(|(a, i)| done.get(a).and_then(|v| v.get(i)))
                    .and_then(|a| a.entity.code);
                if placed.is_some() {
                    m.entity.code = placed;
                    continue;
                }
            }
            // The place named nearest the mention ("killings of ethnic Albanians by Serb police
            // in Kosovo" in a sentence that opened in Istanbul), not a nationality word.
            let distance = |p: &&&lapwing_geo::PlaceMention| {
                if p.start >= m.span.end {
                    p.start - m.span.end
                } else {
                    m.span.start.saturating_sub(p.end)
                }
            };
            let here = in_sentence
                .iter()
                .filter(|p| !p.is_adjectival && code_of(p).is_some())
                .min_by_key(distance)
                .and_then(|p| code_of(p));
            // A firm is of the story's country: a place in its sentence is more often where
            // the other party is ("agreed to sell a stake to Polly Peck of Britain").
            let firm = matches!(
                m.kind,
                lapwing_core::MentionKind::Name | lapwing_core::MentionKind::Pronoun
            ) && m.entity.sector == Some(lapwing_core::plover::Sector::Bus);
            if let Some(code) = if firm { focus } else { here.or(focus) } {
                m.entity.code = Some(code);
            }
        }
    }
}

/// The places below a country's level that a document names, each once (a list of
/// provinces with their case counts is one place's worth of evidence each, not a vote per
/// line), with the byte offset of its first mention and its state.
fn towns(places: &[lapwing_geo::PlaceMention]) -> Vec<(usize, lapwing_core::plover::ActorCode)> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for p in places {
        if p.is_adjectival
            || p.place.feature == lapwing_geo::Feature::Country
            || seen.contains(&p.place.name.as_str())
        {
            continue;
        }
        seen.push(&p.place.name);
        if let Some(c) = place_code(&p.place.country) {
            out.push((p.start, c));
        }
    }
    out
}

/// The state named most often among `codes` (the first named on a tie).
fn most_named(
    codes: impl Iterator<Item = lapwing_core::plover::ActorCode>,
) -> Option<lapwing_core::plover::ActorCode> {
    let mut votes: Vec<(lapwing_core::plover::ActorCode, usize)> = Vec::new();
    for c in codes {
        match votes.iter_mut().find(|(v, _)| *v == c) {
            Some((_, n)) => *n += 1,
            None => votes.push((c, 1)),
        }
    }
    votes
        .iter()
        .fold(None, |best: Option<(lapwing_core::plover::ActorCode, usize)>, &(c, n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((c, n)),
        })
        .map(|x| x.0)
}

/// The actor code of a gazetteer country: GeoNames writes Kosovo `XKX`, PLOVER `KOS`.
fn place_code(country: &str) -> Option<lapwing_core::plover::ActorCode> {
    let country = if country == "XKX" { "KOS" } else { country };
    country.parse().ok()
}

/// "LONDON, Ky. (WKYT) - London Police have arrested ...": a mention coded by a capital's
/// name ("London" for Britain) is of the country the geoparser puts that very name in, when
/// the document says it is another place of that name.
fn recode_capitals(
    candidates: &mut [lapwing_events::EventCandidate],
    places: &[lapwing_geo::PlaceMention],
) {
    let recode = |m: &mut lapwing_core::Mention| {
        let Some(code) = m.entity.code else { return };
        let capital = m.entries.iter().find(|e| e.source.contains("countries.tsv"));
        let Some(capital) = capital else { return };
        let elsewhere = places.iter().find(|p| {
            p.start >= m.span.start
                && p.end <= m.span.end
                && p.text.eq_ignore_ascii_case(&capital.text)
                && place_code(&p.place.country).is_some_and(|c| c != code)
        });
        if let Some(c) = elsewhere.and_then(|p| place_code(&p.place.country)) {
            m.entity.code = Some(c);
            m.entity.identifier_text = None;
            m.entity.identifier_id = None;
        }
    };
    for c in candidates.iter_mut() {
        c.actors.iter_mut().chain(c.recipients.iter_mut()).for_each(recode);
    }
}

/// "Kryvyi Rih declared mourning after Friday's Russian missile strike on a residential area
/// killed 18 people": an attack given its doer's own state as the implied (`domestic`)
/// recipient, or whose victims are plain nouns coded with the attacker's state, though the
/// sentence places it in another country, hit that country.
fn place_domestic_victims(
    candidates: &mut [lapwing_events::EventCandidate],
    sentences: &[lapwing_core::Sentence],
    places: &[lapwing_geo::PlaceMention],
    openers: &[(usize, lapwing_core::plover::ActorCode)],
    text: &str,
) {
    use lapwing_core::MentionKind;
    let generic_noun = |m: &lapwing_core::Mention| {
        m.kind == MentionKind::Nominal
            && !m.entries.is_empty()
            && m.entries.iter().all(generic_entry)
    };
    // "A court in Yekaterinburg convicted ...": a plain noun's own "in <place>" says whose it is,
    // whatever state the story is about.
    for c in candidates.iter_mut() {
        for m in c.actors.iter_mut().chain(c.recipients.iter_mut()) {
            if !generic_noun(m) {
                continue;
            }
            let after = text.get(m.span.end..).unwrap_or("");
            let gap = if after.starts_with(" in the ") {
                8
            } else if after.starts_with(" in ") {
                4
            } else {
                continue;
            };
            let at = m.span.end + gap;
            // The whole name, not the start of a longer one ("Far North Queensland").
            let whole = |p: &&lapwing_geo::PlaceMention| {
                let rest = text.get(p.end..).unwrap_or("");
                !rest.starts_with(' ') || !rest.chars().nth(1).is_some_and(|ch| ch.is_uppercase())
            };
            let place = places.iter().find(|p| p.start == at && !p.is_adjectival).filter(whole);
            if let Some(there) = place.and_then(|p| place_code(&p.place.country)) {
                if m.entity.code.is_some_and(|code| code != there) {
                    m.entity.code = Some(there);
                }
            }
        }
    }
    for c in candidates.iter_mut() {
        if c.event != lapwing_core::plover::EventType::Assault {
            continue;
        }
        let implied = c.entries.iter().any(|e| e.role == "recipient" && e.entry == "domestic");
        // "Russian troops shelled a market in Pokrovsk": a site or person named by a plain
        // noun took the attacker's state from the sentence's words, not from where it is.
        let theirs: Vec<_> = c.actors.iter().filter_map(|m| m.entity.code).collect();
        let generic = |m: &lapwing_core::Mention| {
            matches!(m.kind, MentionKind::Nominal | MentionKind::Pronoun)
                && m.entity.code.is_some_and(|x| theirs.contains(&x))
                && m.entries.iter().all(generic_entry)
        };
        let plain_victims = !c.recipients.is_empty() && c.recipients.iter().all(generic);
        if !(implied || plain_victims) {
            continue;
        }
        let Some(s) = sentences.get(c.sentence) else { continue };
        // ("Kryvyi Rih declared mourning after ... strike killed 18 people": a town the
        // sentence names, not only one after "in", even the one that opens it as an actor.)
        let there = match candidate_place(text, places, sentences, c) {
            Some((m, basis))
                if basis == lapwing_geo::PlaceBasis::Locative
                    || (basis == lapwing_geo::PlaceBasis::Sentence && is_town(m)) =>
            {
                place_code(&m.place.country)
            }
            // (Only the town the sentence opens with: "..., Washington said" is no place.)
            _ => openers.iter().find(|(at, _)| *at == s.span.start).map(|(_, code)| *code),
        };
        let Some(there) = there else { continue };
        for r in c.recipients.iter_mut() {
            if r.entity.code.is_some_and(|code| code != there) {
                r.entity.code = Some(there);
            }
        }
    }
}

/// "Hundreds of Cuban-Americans blocked intersections in Miami. In one case, riot police had
/// to use tear gas to clear them": police are the police of the town where they act, not of
/// the state the story is about. Unnamed police (and the plain nouns and pronouns of the same
/// event that took the same state with them) get the country of the town the event is placed
/// in, when its sentence or paragraph names one that the story's state has no town of.
fn police_of_the_place(
    candidates: &mut [lapwing_events::EventCandidate],
    sentences: &[lapwing_core::Sentence],
    places: &[lapwing_geo::PlaceMention],
    text: &str,
    gazetteer: &lapwing_geo::Gazetteer,
) {
    use lapwing_core::MentionKind;
    let plain_police = |m: &lapwing_core::Mention| {
        m.kind == MentionKind::Nominal
            && !m.entries.is_empty()
            && m.entries.iter().all(|e| e.entry == "a.police" && e.source.contains("agents.tsv"))
    };
    for c in candidates.iter_mut() {
        // Only police who act: police ordered or attacked may be far from where it is told.
        let Some(old) = c.actors.iter().find(|m| plain_police(m)) else {
            continue;
        };
        let Some(old) = old.entity.code else { continue };
        let Some((m, basis)) = candidate_place(text, places, sentences, c) else { continue };
        if basis == lapwing_geo::PlaceBasis::DocumentFocus || !is_town(m) {
            continue;
        }
        let Some(there) = place_code(&m.place.country) else { continue };
        // A town of the same name in the story's state ("Paris" read as Paris, Kentucky, in a
        // Kentucky paper's story from France) leaves the reading too unsure to move them.
        let twin = gazetteer.lookup(&m.text).iter().any(|p| place_code(&p.country) == Some(old));
        if there == old || twin {
            continue;
        }
        let follows = |m: &lapwing_core::Mention| {
            m.entity.code == Some(old)
                && (plain_police(m)
                    || (matches!(m.kind, MentionKind::Nominal | MentionKind::Pronoun)
                        && m.entries.iter().all(generic_entry)))
        };
        for m in c.actors.iter_mut().chain(c.recipients.iter_mut()) {
            if follows(m) {
                m.entity.code = Some(there);
            }
        }
    }
}

/// Whether an actor-lexicon entry is a generic agent word ("police", "people", "officials"),
/// which says what someone is but not whose: `agents.tsv`, not one of its place rows (`p.*`).
fn generic_entry(e: &lapwing_core::EntryRef) -> bool {
    e.source.contains("agents.tsv") && !e.entry.starts_with("p.")
}

/// Whether a place is below a country's level and named as a place, not as an adjective.
fn is_town(p: &lapwing_geo::PlaceMention) -> bool {
    p.place.feature != lapwing_geo::Feature::Country && !p.is_adjectival
}

/// The towns sentences open with ("Kryvyi Rih declared mourning ..."), by the byte offset of
/// their sentence, with their state.
fn opening_towns(
    places: &[lapwing_geo::PlaceMention],
    sentences: &[lapwing_core::Sentence],
) -> Vec<(usize, lapwing_core::plover::ActorCode)> {
    places
        .iter()
        .filter(|p| {
            is_town(p) && sentences.binary_search_by_key(&p.start, |s| s.span.start).is_ok()
        })
        .filter_map(|p| Some((p.start, place_code(&p.place.country)?)))
        .collect()
}

/// The place of candidate `c`'s event as its sentence tells it (`lapwing_geo::event_place`).
fn candidate_place<'p>(
    text: &str,
    places: &'p [lapwing_geo::PlaceMention],
    sentences: &[lapwing_core::Sentence],
    c: &lapwing_events::EventCandidate,
) -> Option<(&'p lapwing_geo::PlaceMention, lapwing_geo::PlaceBasis)> {
    let s = sentences.get(c.sentence)?;
    lapwing_geo::event_place(text, places, s.span.start..s.span.end, c.trigger.start..c.trigger.end)
}

/// Whether a mention was coded by a country's or capital's name in the actor lexicon.
fn by_country_name(m: &lapwing_core::Mention) -> bool {
    m.entries.iter().any(place_entry)
}

/// Whether an actor-lexicon entry names a place: a country or capital (`countries.tsv`) or a
/// city or region row (`p.*` in `agents.tsv`, "Birmingham" for Britain).
fn place_entry(e: &lapwing_core::EntryRef) -> bool {
    e.source.contains("countries.tsv") || e.entry.starts_with("p.")
}

/// "LONDON, Ky. - London Police have arrested two people ... Police also arrested Vernon
/// Adkins": when every mention of a state in the document is a place name that the
/// geoparser puts in another country, the story is not about that state at all. Its code,
/// also given to unnamed police and unknown names as the story's country, becomes the
/// country the geoparser found, before the event coder weighs the story's state.
fn recode_misread_state(
    mentions: &mut [Vec<lapwing_core::Mention>],
    places: &[lapwing_geo::PlaceMention],
) -> bool {
    let mut changed = false;
    use lapwing_core::plover::ActorCode;
    let misread = |m: &lapwing_core::Mention| -> Option<(ActorCode, ActorCode)> {
        let code = m.entity.code?;
        let e = m.entries.iter().find(|e| place_entry(e))?;
        places.iter().find_map(|p| {
            // Containment first: it rules out nearly every place, and costs no parsing.
            if !(p.start >= m.span.start && p.end <= m.span.end) {
                return None;
            }
            let other = place_code(&p.place.country).filter(|c| *c != code)?;
            p.text.eq_ignore_ascii_case(&e.text).then_some((code, other))
        })
    };
    let mut swaps: Vec<(ActorCode, ActorCode)> = Vec::new();
    for m in mentions.iter().flatten() {
        if let Some(sw) = misread(m) {
            if !swaps.contains(&sw) {
                swaps.push(sw);
            }
        }
    }
    for (from, to) in swaps {
        // One reading per state: "London" put in Kentucky and "Paris" in Texas for the same
        // state's code is too confused to act on.
        let readings = mentions.iter().flatten().filter_map(misread).filter(|(f, _)| *f == from);
        if readings.clone().any(|(_, t)| t != to) {
            continue;
        }
        // The name read elsewhere keeps that reading throughout the story (the geoparser may
        // still put a later "London" in Britain); any other evidence for the state
        // ("British", "the UK", a British minister) keeps the state.
        let names: Vec<String> = mentions
            .iter()
            .flatten()
            .filter(|m| misread(m).is_some_and(|(f, _)| f == from))
            .flat_map(|m| m.entries.iter())
            .filter(|e| place_entry(e))
            .map(|e| e.text.to_lowercase())
            .collect();
        let evidenced = mentions.iter().flatten().any(|m| {
            m.entity.code == Some(from)
                && m.entries.iter().any(|e| {
                    let generic = generic_entry(e);
                    let same_name = place_entry(e) && names.contains(&e.text.to_lowercase());
                    !generic && !same_name
                })
        });
        if evidenced {
            continue;
        }
        for m in mentions.iter_mut().flatten() {
            if m.entity.code == Some(from) {
                m.entity.code = Some(to);
                m.entity.identifier_text = None;
                m.entity.identifier_id = None;
                changed = true;
            }
        }
    }
    changed
}

/// Whether a mention waits for a country from the places around it: a person noun ("police",
/// "a man") or a name the lexicons do not know, which the actor coder gives the story's
/// country when the story names one; uncoded, and not described as foreign or by a region.
fn placeable(m: &lapwing_core::Mention) -> bool {
    use lapwing_core::MentionKind;
    // ("Telerate" or "the company" standing for an earlier "Telerate Inc." of no state yet.)
    let kind_ok = (m.kind == MentionKind::Nominal && m.entity.sector.is_some())
        || (m.kind == MentionKind::Name && m.entries.is_empty())
        || (m.kind == MentionKind::Pronoun
            && m.entity.sector == Some(lapwing_core::plover::Sector::Bus));
    // ("Western leaders blamed Putin": a region's people are no state's; the actor coder
    // cites the region word. Arabs and expatriates are, by what the words say, of no one
    // state either.)
    let stateless = m.entries.iter().any(|e| e.role == "region")
        || m.entity
            .entity_text
            .split_whitespace()
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "expatriate" | "arab"));
    kind_ok && m.entity.code.is_none() && !stateless
}

/// The place mentions that may locate an event: a place named inside an actor's description
/// ("US Secretary of State", "the Syrian army", "Ambassador to Turkey") says who acted, not
/// where, so it is left out. Country and capital mentions stay: "in Damascus" is a place even
/// when "Damascus" elsewhere stands for a government.
fn event_places(
    places: Vec<lapwing_geo::PlaceMention>,
    mentions: &[Vec<lapwing_core::Mention>],
) -> Vec<lapwing_geo::PlaceMention> {
    use lapwing_core::MentionKind;
    let descriptive: Vec<lapwing_core::Span> = mentions
        .iter()
        .flatten()
        .filter(|m| {
            matches!(m.kind, MentionKind::Name | MentionKind::Nominal | MentionKind::Pronoun)
        })
        .map(|m| m.span)
        .collect();
    places
        .into_iter()
        .filter(|p| {
            let span = lapwing_core::Span::new(p.start, p.end);
            !descriptive.iter().any(|d| d.overlaps(&span))
        })
        .collect()
}
