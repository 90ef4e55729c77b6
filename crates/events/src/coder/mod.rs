//! The event coder: finds triggers in each sentence, assigns actor and recipient mentions from
//! the syntax around them, sets modes, contexts and auxiliary modes, and folds repeated reports.
//!
//! There is no parser. Roles come from shallow cues that hold up in news prose: the nearest
//! mention left of a verb in its clause that is not the object of a preposition is its subject;
//! the first mention right of it, bare or after one of the pattern's prepositions, its object;
//! "was ... by X" turns them round; an event noun takes its actor from a modifier ("Israeli
//! strikes"), "by X", "between X and Y" or the subject of a light verb ("carried out strikes").
//! Clauses are cut at subordinators, relative pronouns, semicolons and quotes, which is what
//! keeps "Barrack announced that Israel and Syria agreed" from making Barrack agree.

use crate::inflect::Form;
use crate::lexicon::{load, AuxCue, AuxKind, ContextCue, Entry, Frame, ModeCue, Pattern};
use crate::matcher::{Hit, Matcher};
use lapwing_core::plover::{ActorCode, Context, EventType, Mode, Sector};
use lapwing_core::{Aux, Entity, EntryRef, Mention, MentionKind, Sentence, Span, Token, TokenKind};
use lapwing_lexicon::{Diagnostic, Source};
use std::collections::BTreeSet;

/// One event found in a document, before dates, places and ids are added.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCandidate {
    /// Sentence index (position in the `sentences` slice).
    pub sentence: usize,
    /// PLOVER category.
    pub event: EventType,
    /// Modes.
    pub modes: Vec<Mode>,
    /// Contexts.
    pub contexts: Vec<Context>,
    /// Who did it.
    pub actors: Vec<Mention>,
    /// To whom.
    pub recipients: Vec<Mention>,
    /// The trigger's bytes.
    pub trigger: Span,
    /// The pattern's key.
    pub pattern_id: String,
    /// The pattern's `file:line`.
    pub pattern_source: String,
    /// Whether it happened.
    pub aux: Aux,
    /// 0..1; orders records by how sure the coder is.
    pub confidence: f64,
    /// Lexicon entries that fired (trigger, mode cues, aux cues, context cues).
    pub entries: Vec<EntryRef>,
    /// The clause the event sits in.
    pub clause: Span,
    /// Other sentences of the document reporting the same event.
    pub also_reported: Vec<usize>,
}

/// The compiled event lexicon.
#[derive(Debug, Clone, Default)]
pub struct EventCoder {
    triggers: Matcher<Pattern>,
    modes: Matcher<ModeCue>,
    aux: Matcher<AuxCue>,
    contexts: Matcher<ContextCue>,
    /// The kind of each aux cue, by its index in `aux`.
    aux_kinds: Vec<Option<AuxKind>>,
    /// Keys of patterns flagged `target`: kept only if a recipient is found by the end.
    need_target: BTreeSet<String>,
    /// Keys of patterns whose events never take a domestic recipient: symmetric ones (`v2`,
    /// `n2`, `broker`), whose actors face each other, and `outward` ones, answers aimed at
    /// whoever acted ("vowed a response").
    not_domestic: BTreeSet<String>,
    /// Keys of patterns flagged `foreign`: dropped when every recipient is of the actor's own
    /// state ("working with police" is no cooperation worth a record; "with the WHO" is).
    need_foreign: BTreeSet<String>,
    /// Attack nouns ("strikes", "the shooting"), which may name an attack only in passing.
    attack_nouns: BTreeSet<String>,
    /// Keys of patterns flagged `border`: with no recipient, the neighbour named nearest.
    border_facing: BTreeSet<String>,
    /// Keys of aid patterns and of patterns flagged `donation` (a pledge of aid): with no
    /// recipient, the one state in need the sentence names.
    donations: BTreeSet<String>,
}

macro_rules! builtin {
    ($($file:literal),* $(,)?) => {
        vec![$(Source::new(
            concat!("builtin:events/", $file),
            include_str!(concat!("../../../../data/events/", $file)),
        )),*]
    };
}

impl EventCoder {
    /// The built-in lexicon files.
    pub fn builtin_sources() -> Vec<Source> {
        builtin![
            "agree.tsv",
            "consult.tsv",
            "support.tsv",
            "concede.tsv",
            "cooperate.tsv",
            "aid.tsv",
            "retreat.tsv",
            "request.tsv",
            "accuse.tsv",
            "reject.tsv",
            "threaten.tsv",
            "protest.tsv",
            "sanction.tsv",
            "mobilize.tsv",
            "coerce.tsv",
            "assault.tsv",
            "modes.tsv",
            "aux.tsv",
            "contexts.tsv",
        ]
    }

    /// Compiles sources in order (later ones overlay earlier ones); every bad line is a
    /// diagnostic and is skipped.
    pub fn from_sources(sources: &[Source]) -> (EventCoder, Vec<Diagnostic>) {
        let (entries, diags) = load(sources);
        let mut coder = EventCoder::default();
        for (_, (_, e)) in entries {
            match e {
                Entry::Pattern(p) => {
                    if p.has("target") {
                        coder.need_target.insert(p.origin.key.clone());
                    }
                    if p.has("foreign") {
                        coder.need_foreign.insert(p.origin.key.clone());
                    }
                    if p.event == Some(EventType::Assault) && p.frame == Frame::Noun {
                        coder.attack_nouns.insert(p.origin.key.clone());
                    }
                    if p.has("border") || p.has("partner") {
                        coder.border_facing.insert(p.origin.key.clone());
                    }
                    if p.event == Some(EventType::Aid) || p.has("donation") {
                        coder.donations.insert(p.origin.key.clone());
                    }
                    if matches!(p.frame, Frame::VerbMutual | Frame::NounMutual)
                        || p.has("broker")
                        || p.has("outward")
                    {
                        coder.not_domestic.insert(p.origin.key.clone());
                    }
                    let phs = p.phrase.clone();
                    for ph in phs {
                        coder.triggers.add(ph, p.clone());
                    }
                }
                Entry::Mode(m) => {
                    let phs = m.phrase.clone();
                    for ph in phs {
                        coder.modes.add(ph, m.clone());
                    }
                }
                Entry::Aux(a) => {
                    let phs = a.phrase.clone();
                    for ph in phs {
                        coder.aux.add(ph, a.clone());
                    }
                }
                Entry::Context(c) => {
                    let phs = c.phrase.clone();
                    for ph in phs {
                        coder.contexts.add(ph, c.clone());
                    }
                }
            }
        }
        coder.aux_kinds = (0..coder.aux.len()).map(|i| coder.aux.item(i).map(|a| a.kind)).collect();
        (coder, diags)
    }

    /// How many trigger patterns, mode cues, aux cues and context cues the coder holds.
    pub fn sizes(&self) -> [usize; 4] {
        [self.triggers.len(), self.modes.len(), self.aux.len(), self.contexts.len()]
    }

    /// The trigger phrases of each sentence. A document without one has no event, so the
    /// pipeline stops there: its dates, actors and places need not be looked for. The hits
    /// are handed back to [`EventCoder::code_found`] so that the sentences are not scanned
    /// twice.
    pub fn find_triggers(&self, sentences: &[Sentence]) -> Triggers {
        Triggers(sentences.iter().map(|s| self.triggers.find_all(&s.tokens)).collect())
    }

    /// Codes a document: `mentions[i]` are the actor mentions of `sentences[i]`.
    pub fn code_document(
        &self,
        text: &str,
        sentences: &[Sentence],
        mentions: &[Vec<Mention>],
    ) -> Vec<EventCandidate> {
        self.code_document_dated(text, sentences, mentions, None)
    }

    /// As [`EventCoder::code_document`], knowing the publication year, so that "in 2011" in
    /// a 2025 article marks its event historical even when the article names no later year.
    pub fn code_document_dated(
        &self,
        text: &str,
        sentences: &[Sentence],
        mentions: &[Vec<Mention>],
        published_year: Option<u32>,
    ) -> Vec<EventCandidate> {
        let triggers = self.find_triggers(sentences);
        self.code_found(triggers, text, sentences, mentions, published_year)
    }

    /// As [`EventCoder::code_document_dated`], with the triggers
    /// [`EventCoder::find_triggers`] found in these `sentences`.
    pub fn code_found(
        &self,
        triggers: Triggers,
        text: &str,
        sentences: &[Sentence],
        mentions: &[Vec<Mention>],
        published_year: Option<u32>,
    ) -> Vec<EventCandidate> {
        // Most sentences hold no trigger, and many documents none at all: find them before any
        // other work, and read contexts only for paragraphs that yield an event.
        let mut trigger_hits = triggers.0;
        if trigger_hits.iter().all(Vec::is_empty) {
            return Vec::new();
        }
        let quotes = QuoteMap::build(self, sentences, mentions);
        let doc_country = dominant_state(mentions);
        let max_year = sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter_map(year_of)
            .chain(published_year)
            .max()
            .unwrap_or(0);
        // Contexts are read at paragraph level: each paragraph's cues are collected once.
        let mut para_ctx: Vec<(usize, Vec<Context>)> = Vec::new();
        // Where each sentence places what it reports: its last state named after "in" or "at",
        // else the state it opens with.
        let located: Vec<Option<ActorCode>> = sentences
            .iter()
            .enumerate()
            .map(|(pos, s)| {
                mentions.get(pos).and_then(|ms| {
                    let at = |k: usize| {
                        s.tokens.get(k).is_some_and(|t| {
                            matches!(t.norm.as_str(), "in" | "at" | "across" | "throughout")
                        })
                    };
                    // ("70 people in Kenya": the place may end a phrase about its people.)
                    ms.iter()
                        .rev()
                        .filter(|m| {
                            (m.kind.names_territory()
                                && m.tokens.start.checked_sub(1).is_some_and(at))
                                || (m.tokens.start + 1..m.tokens.end.saturating_sub(1)).any(|k| {
                                    at(k) && s.tokens.get(k + 1).is_some_and(|t| t.capitalised)
                                })
                        })
                        .find_map(|m| m.entity.code.filter(|c| !c.is_non_state()))
                        // ("Romania confirmed another outbreak in the Danube Delta area. The
                        // strain was confirmed there ...": else the state the sentence opens
                        // with.)
                        .or_else(|| {
                            ms.iter()
                                .find(|m| {
                                    m.kind == MentionKind::Country
                                        && (m.tokens.start == 0
                                            || (m.tokens.start == 1
                                                && s.tokens
                                                    .first()
                                                    .is_some_and(|t| t.norm == "the")))
                                })
                                .and_then(|m| m.entity.code.filter(|c| !c.is_non_state()))
                        })
                })
            })
            .collect();
        let mut out: Vec<EventCandidate> = Vec::new();
        // Each sentence's context cues, found once: a paragraph's are read for its first
        // event, and its sentences' again for their own.
        let mut context_hits: Vec<Option<Vec<Hit>>> = vec![None; sentences.len()];
        static EMPTY: Vec<Mention> = Vec::new();
        for (pos, s) in sentences.iter().enumerate() {
            let hits = trigger_hits.get_mut(pos).map(std::mem::take).unwrap_or_default();
            if hits.is_empty() {
                continue;
            }
            let ms = mentions.get(pos).unwrap_or(&EMPTY);
            let mut view = View::new(self, pos, s, ms, &quotes, mentions, max_year, doc_country);
            view.recent_place = (1..=2)
                .filter_map(|back| pos.checked_sub(back))
                .find_map(|p| located.get(p).copied().flatten());
            let cands = view.candidates(self, hits, &out);
            if cands.is_empty() {
                continue;
            }
            let para: Vec<Context> = match para_ctx.iter().find(|(p, _)| *p == s.paragraph) {
                Some((_, c)) => c.clone(),
                None => {
                    let c = self.paragraph_contexts(sentences, s.paragraph, &mut context_hits);
                    para_ctx.push((s.paragraph, c.clone()));
                    c
                }
            };
            let hits: &[Hit] = match context_hits.get_mut(pos) {
                Some(slot) => slot.get_or_insert_with(|| self.contexts.find_all(&s.tokens)),
                None => &[],
            };
            let local: Vec<EntryRef> = hits
                .iter()
                .filter_map(|h| {
                    let c = self.contexts.item(h.item)?;
                    Some(entry_ref("context", &c.origin, s, h.start, h.end))
                })
                .collect();
            for (mut cand, flags) in cands {
                cand.contexts = para.clone();
                cand.entries.extend(local.iter().cloned());
                if flags.party {
                    party_to_agree(&mut cand, &out);
                }
                merge_into(&mut out, cand, flags.again);
            }
        }
        pronouns_for_attacks(&mut out, mentions, |si, from, to| {
            sentences.get(si).is_some_and(|s| self.said_between(s, from, to))
        });
        fold_untargeted_attacks(&mut out);
        fold_court_bans(&mut out);
        claimed_attacks(sentences, mentions, &mut out);
        fold_unknown_attackers(&mut out);
        fold_retold_attacks(&mut out);
        fold_answered_attacks(&mut out);
        drop_unknown_targets(&mut out);
        media_addressees(text, &mut out);
        answer_attacks(text, &mut out);
        answer_rulings(text, &mut out);
        answer_moves(text, &mut out);
        answer_accusations(text, &mut out);
        share_statement_targets(&mut out);
        welcome_agreements(sentences, &mut out);
        protest_demands(&mut out);
        leave_organisations(&mut out);
        border_neighbours(&mut out, mentions, &self.border_facing);
        // (Before the story's state is implied: the party a sentence names comes first.)
        sole_counterparts(&mut out, sentences, mentions, text);
        stricken_recipients(&mut out, mentions, text, &self.donations);
        domestic_recipients(
            &mut out,
            sentences,
            mentions,
            doc_country,
            &self.need_target,
            &self.not_domestic,
        );
        out.retain(|c| !c.recipients.is_empty() || !self.need_target.contains(&c.pattern_id));
        retreat_to_opponents(&mut out, text);
        // A directed act whose target neither the text nor the story names ("the EU has banned
        // exports", "Nicaragua expelled the papal nuncio") would be half an event: careful
        // coders leave it out rather than guess. So is an attack told only as a noun with
        // neither target nor both sides ("in retaliation for American strikes"), mostly named
        // in passing. Joint acts need none: their parties act together ("Congo's government
        // and the M23 signed a declaration", "warships ... held joint naval drills").
        // Arrests, raids, sieges and blockades too are done to someone: of the tuning sets'
        // ones with no one named on the receiving end, none matched a hand-coded event.
        // (Seizing things, cyber attacks, curfews, martial law and censorship need no one.)
        let untargeted = |c: &EventCandidate| {
            c.event == EventType::Coerce
                && !c.modes.iter().any(|m| {
                    matches!(
                        m,
                        Mode::Seize | Mode::Cyber | Mode::Curfew | Mode::MartialLaw | Mode::Censor
                    )
                })
        };
        out.retain(|c| {
            !(directed(c.event) || untargeted(c) || self.attack_nouns.contains(&c.pattern_id))
                || !c.recipients.is_empty()
                || entity_set(&c.actors).len() >= 2
                || text.get(c.trigger.start..c.trigger.end).is_some_and(|t| {
                    t.split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case("joint"))
                })
        });
        out.retain(|c| {
            !self.need_foreign.contains(&c.pattern_id)
                || !codes_of(&c.recipients).is_subset(&codes_of(&c.actors))
        });
        out
    }

    /// The contexts cued anywhere in paragraph `paragraph` (its first run of sentences), in
    /// order.
    /// `hits` keeps each sentence's cues, by position, once they are found.
    fn paragraph_contexts(
        &self,
        sentences: &[Sentence],
        paragraph: usize,
        hits: &mut [Option<Vec<Hit>>],
    ) -> Vec<Context> {
        let mut set: BTreeSet<Context> = BTreeSet::new();
        for (s, slot) in sentences
            .iter()
            .zip(hits.iter_mut())
            .skip_while(|(s, _)| s.paragraph != paragraph)
            .take_while(|(s, _)| s.paragraph == paragraph)
        {
            let found = slot.get_or_insert_with(|| self.contexts.find_all(&s.tokens));
            set.extend(found.iter().filter_map(|h| self.contexts.item(h.item)).map(|c| c.context));
        }
        set.into_iter().collect()
    }

    /// Whether the words of `s` between byte offsets `from` and `to` open with a verb of
    /// saying from the aux lexicon and are that verb alone or end with "that" ("Pakistan said
    /// it", "Pakistan said 26 civilians had been killed and that it").
    fn said_between(&self, s: &Sentence, from: usize, to: usize) -> bool {
        let inside: Vec<usize> = (0..s.tokens.len())
            .filter(|&k| s.tokens.get(k).is_some_and(|t| t.span.start >= from && t.span.end <= to))
            .collect();
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else { return false };
        let ends_that = s.tokens.get(last).is_some_and(|t| t.norm == "that");
        self.aux.find_all(&s.tokens).iter().any(|h| {
            h.start == first
                && (h.end == last + 1 || ends_that)
                && self.aux_kinds.get(h.item).copied().flatten() == Some(AuxKind::Speech)
        })
    }
}

mod passes;
mod quotes;
mod roles;
mod view;
mod words;

use passes::*;
use quotes::*;
use roles::*;
use view::*;
use words::*;

/// The trigger phrases found in each sentence of a document, by
/// [`EventCoder::find_triggers`].
#[derive(Clone, Debug, Default)]
pub struct Triggers(Vec<Vec<Hit>>);

impl Triggers {
    /// True when no sentence holds a trigger: the document has no event.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapwing_core::plover::ActorCode;
    use lapwing_core::Entity;

    /// Hand-built mentions: each (words, code, sector, kind) is found in the sentence's norms.
    fn mentions(s: &Sentence, spec: &[(&str, &str, &str, MentionKind)]) -> Vec<Mention> {
        let mut out = Vec::new();
        for (words, code, sector, kind) in spec {
            let w = lapwing_text::normalize_phrase(words);
            let n = s.tokens.len();
            for i in 0..n {
                if i + w.len() <= n
                    && s.tokens[i..i + w.len()].iter().zip(&w).all(|(t, x)| t.norm == *x)
                {
                    let span =
                        Span::new(s.tokens[i].span.start, s.tokens[i + w.len() - 1].span.end);
                    out.push(Mention {
                        span,
                        tokens: i..i + w.len(),
                        head: i + w.len() - 1,
                        entity: Entity {
                            entity_text: words.to_string(),
                            code: ActorCode::new(code),
                            sector: sector.parse().ok(),
                            ..Default::default()
                        },
                        kind: *kind,
                        entries: Vec::new(),
                        antecedent: None,
                    });
                }
            }
        }
        out.sort_by_key(|m| m.tokens.start);
        out
    }

    fn code(text: &str, spec: &[(&str, &str, &str, MentionKind)]) -> Vec<String> {
        let (coder, diags) = EventCoder::from_sources(&EventCoder::builtin_sources());
        assert!(diags.is_empty(), "{diags:?}");
        let sentences = lapwing_text::segment(text);
        let ms: Vec<Vec<Mention>> = sentences.iter().map(|s| mentions(s, spec)).collect();
        coder
            .code_document(text, &sentences, &ms)
            .iter()
            .map(|c| {
                let side = |v: &[Mention]| {
                    v.iter()
                        .map(|m| {
                            format!(
                                "{}{}",
                                m.entity.code.map(|c| c.to_string()).unwrap_or_default(),
                                m.entity.sector.map(|s| format!(":{s}")).unwrap_or_default()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("+")
                };
                let mut s = format!("{} {} -> {}", c.event, side(&c.actors), side(&c.recipients));
                if c.aux.negated {
                    s.push_str(" [negated]");
                }
                if c.aux.hypothetical {
                    s.push_str(" [hypothetical]");
                }
                if c.aux.future {
                    s.push_str(" [future]");
                }
                s
            })
            .collect()
    }

    use MentionKind::*;

    #[test]
    fn request_with_object() {
        let got = code(
            "US Secretary of State Marco Rubio on Saturday called on the Syrian government to prevent jihadists from carrying out massacres.",
            &[("Marco Rubio", "USA", "GOV", Name), ("the Syrian government", "SYR", "GOV", Nominal)],
        );
        assert_eq!(got, vec!["REQUEST USA:GOV -> SYR:GOV"]);
    }

    #[test]
    fn reported_agreement_codes_the_parties() {
        let got = code(
            "Envoy Tom Barrack announced that Israel and Syria have agreed to a ceasefire.",
            &[
                ("Tom Barrack", "USA", "GOV", Name),
                ("Israel", "ISR", "", Country),
                ("Syria", "SYR", "", Country),
            ],
        );
        assert_eq!(got, vec!["AGREE ISR:GOV+SYR:GOV -> "]);
    }

    #[test]
    fn withdrawal_and_strikes_in_a_temporal_clause() {
        let got = code(
            "On Thursday, the Syrian army withdrew from Sweida after the IDF carried out strikes on the Syrian regime's central headquarters in Damascus.",
            &[
                ("the Syrian army", "SYR", "MIL", Nominal),
                ("the IDF", "ISR", "MIL", Name),
                ("the Syrian regime", "SYR", "GOV", Nominal),
                ("Damascus", "SYR", "GOV", Capital),
            ],
        );
        assert_eq!(got, vec!["RETREAT SYR:MIL -> ", "ASSAULT ISR:MIL -> SYR:GOV"]);
    }

    #[test]
    fn two_sided_clashes_and_passive() {
        let got = code(
            "Clashes between Bedouin and Druze left dozens dead. The village was shelled by Russian forces.",
            &[
                ("Bedouin", "SYR", "CVL", Nominal),
                ("Druze", "SYR", "CVL", Nominal),
                ("Russian forces", "RUS", "MIL", Nominal),
            ],
        );
        // The village is in the state the story is about.
        assert_eq!(got, vec!["ASSAULT SYR:CVL -> ", "ASSAULT RUS:MIL -> SYR"]);
    }

    #[test]
    fn negation_future_and_quotes() {
        let got = code(
            "Iran did not attack Israel. Syria's government will redeploy forces. \u{201c}We call upon Druze to put down their weapons,\u{201d} Barrack wrote.",
            &[
                ("Iran", "IRN", "", Country),
                ("Israel", "ISR", "", Country),
                ("Syria's government", "SYR", "GOV", Nominal),
                ("Druze", "SYR", "CVL", Nominal),
                ("Barrack", "USA", "GOV", Name),
            ],
        );
        assert_eq!(
            got,
            vec![
                "ASSAULT IRN -> ISR [negated]",
                "MOBILIZE SYR:GOV ->  [future]",
                "REQUEST USA:GOV -> SYR:CVL"
            ]
        );
    }

    #[test]
    fn repeated_reports_fold_into_one_candidate() {
        let (coder, _) = EventCoder::from_sources(&EventCoder::builtin_sources());
        let text = "Iran seized a tanker. Iran seized the tanker on Friday, officials said.";
        let sentences = lapwing_text::segment(text);
        let ms: Vec<Vec<Mention>> =
            sentences.iter().map(|s| mentions(s, &[("Iran", "IRN", "", Country)])).collect();
        let got = coder.code_document(text, &sentences, &ms);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].also_reported, vec![1]);
        assert_eq!(got[0].pattern_id, "coerce.seize");
        assert!(got[0].pattern_source.starts_with("builtin:events/coerce.tsv:"));
        assert!(got[0].entries.iter().any(|e| e.role == "trigger" && e.text == "seized"));
    }

    #[test]
    fn contexts_modes_and_clause() {
        let (coder, _) = EventCoder::from_sources(&EventCoder::builtin_sources());
        let text = "Israeli jets struck Hezbollah positions near the border, the army said.";
        let sentences = lapwing_text::segment(text);
        let ms: Vec<Vec<Mention>> = sentences
            .iter()
            .map(|s| {
                mentions(
                    s,
                    &[("Israeli", "ISR", "MIL", Nominal), ("Hezbollah", "LBN", "PRM", Name)],
                )
            })
            .collect();
        let got = coder.code_document(text, &sentences, &ms);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].modes, vec![Mode::Aerial]);
        assert!(got[0].contexts.contains(&Context::Territory));
        assert!(got[0].clause.slice(text).contains("struck"));
        assert_eq!(got[0].trigger.slice(text), "struck");
    }

    #[test]
    fn overlay_disables_and_reports_bad_lines() {
        let mut sources = EventCoder::builtin_sources();
        sources.push(Source::new(
            "user/assault.tsv",
            "@disable\tassault.strike\nassault.new\tASSAULT\t\t~thwack\tv\t\t0.9\nbad\tNOPE\t\tx\tv\n",
        ));
        let (coder, diags) = EventCoder::from_sources(&sources);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].to_string().starts_with("user/assault.tsv:3:5: "), "{}", diags[0]);
        let text = "Israel struck Syria. Israel thwacked Syria.";
        let sentences = lapwing_text::segment(text);
        let ms: Vec<Vec<Mention>> = sentences
            .iter()
            .map(|s| mentions(s, &[("Israel", "ISR", "", Country), ("Syria", "SYR", "", Country)]))
            .collect();
        let got = coder.code_document(text, &sentences, &ms);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].sentence, 1);
    }

    /// The word classes live in `aux.tsv`, so that a user lexicon extends them.
    #[test]
    fn a_user_site_word_lets_a_passive_closure_through() {
        let text = "All warehouses in Kenya have been closed.";
        let sentences = lapwing_text::segment(text);
        let ms: Vec<Vec<Mention>> =
            sentences.iter().map(|s| mentions(s, &[("Kenya", "KEN", "", Country)])).collect();
        let (builtin, _) = EventCoder::from_sources(&EventCoder::builtin_sources());
        assert!(builtin.code_document(text, &sentences, &ms).is_empty());
        let mut sources = EventCoder::builtin_sources();
        sources.push(Source::new("user/aux.tsv", "site.warehouse\tsite\t+warehouse\n"));
        let (coder, diags) = EventCoder::from_sources(&sources);
        assert!(diags.is_empty(), "{diags:?}");
        let got = coder.code_document(text, &sentences, &ms);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].event, EventType::Coerce);
        assert!(got[0].entries.iter().any(|e| e.source.starts_with("user/aux.tsv:1")), "{got:?}");
    }

    #[test]
    fn odd_input_never_panics() {
        let (coder, _) = EventCoder::from_sources(&EventCoder::builtin_sources());
        for text in [
            "",
            "\u{201c}",
            "attacked",
            "Israel struck , by . to the and",
            "\u{201c}We call upon\u{201d} \u{201c} said",
            "In 1990 in 2025 since the fall of",
            "the the the clashes between and and",
        ] {
            let sentences = lapwing_text::segment(text);
            // Mentions with token ranges that do not fit their sentence.
            let bogus = Mention {
                span: Span::new(0, 1000),
                tokens: std::ops::Range { start: 7, end: 2 },
                head: 99,
                entity: Entity { code: ActorCode::new("ISR"), ..Default::default() },
                kind: Pronoun,
                entries: Vec::new(),
                antecedent: Some((99, 99)),
            };
            let mut far = bogus.clone();
            far.tokens = 50..60;
            let ms: Vec<Vec<Mention>> =
                sentences.iter().map(|_| vec![bogus.clone(), far.clone()]).collect();
            let _ = coder.code_document(text, &sentences, &ms);
            let _ = coder.code_document(text, &sentences, &[]);
        }
    }

    #[test]
    fn said_alone_is_no_event() {
        let got = code("Putin said the economy was growing.", &[("Putin", "RUS", "GOV", Name)]);
        assert!(got.is_empty());
    }
}
