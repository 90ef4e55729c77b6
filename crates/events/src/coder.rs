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
}

macro_rules! builtin {
    ($($file:literal),* $(,)?) => {
        vec![$(Source::new(
            concat!("builtin:events/", $file),
            include_str!(concat!("../../../data/events/", $file)),
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

    /// Whether any sentence holds a trigger: a document without one has no event, so its
    /// places need not be looked up.
    pub fn has_trigger(&self, sentences: &[Sentence]) -> bool {
        sentences.iter().any(|s| !self.triggers.find_all(&s.tokens).is_empty())
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
        let quotes = QuoteMap::build(self, sentences, mentions);
        let doc_country = dominant_state(mentions);
        let max_year = sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter_map(year_of)
            .chain(published_year)
            .max()
            .unwrap_or(0);
        // Contexts are read at paragraph level: collect each paragraph's cues once.
        let mut para_ctx: Vec<(usize, BTreeSet<Context>)> = Vec::new();
        let mut sent_ctx: Vec<Vec<Hit>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let hits = self.contexts.find_all(&s.tokens);
            let ctx = hits.iter().filter_map(|h| self.contexts.item(h.item)).map(|c| c.context);
            match para_ctx.last_mut() {
                Some((p, set)) if *p == s.paragraph => set.extend(ctx),
                _ => para_ctx.push((s.paragraph, ctx.collect())),
            }
            sent_ctx.push(hits);
        }
        let mut out: Vec<EventCandidate> = Vec::new();
        static EMPTY: Vec<Mention> = Vec::new();
        for (pos, s) in sentences.iter().enumerate() {
            // Most sentences hold no trigger: skip them before any other work.
            let hits = self.triggers.find_all(&s.tokens);
            if hits.is_empty() {
                continue;
            }
            let ms = mentions.get(pos).unwrap_or(&EMPTY);
            let mut view = View::new(self, pos, s, ms, &quotes, mentions, max_year, doc_country);
            let cands = view.candidates(self, hits, &out);
            if cands.is_empty() {
                continue;
            }
            let para: Vec<Context> = para_ctx
                .iter()
                .find(|(p, _)| *p == s.paragraph)
                .map(|(_, c)| c.iter().copied().collect())
                .unwrap_or_default();
            let local: Vec<EntryRef> = sent_ctx
                .get(pos)
                .map(|hits| {
                    hits.iter()
                        .filter_map(|h| {
                            let c = self.contexts.item(h.item)?;
                            Some(entry_ref("context", &c.origin, s, h.start, h.end))
                        })
                        .collect()
                })
                .unwrap_or_default();
            for (mut cand, flags) in cands {
                cand.contexts = para.clone();
                cand.entries.extend(local.iter().cloned());
                if flags.party {
                    party_to_agree(&mut cand, &out);
                }
                merge_into(&mut out, cand, flags.again);
            }
        }
        pronouns_for_attacks(&mut out);
        fold_untargeted_attacks(&mut out);
        fold_unknown_attackers(&mut out);
        fold_retold_attacks(&mut out);
        answer_attacks(text, &mut out);
        answer_rulings(text, &mut out);
        welcome_agreements(sentences, &mut out);
        protest_demands(&mut out);
        out
    }
}

/// The first actor that belongs to a state, with its code: whose own people a curfew falls
/// on, whose government a protest addresses.
fn own_state(actors: &[Mention]) -> Option<(ActorCode, &Mention)> {
    actors.iter().find_map(|m| m.entity.code.filter(|c| !c.is_non_state()).map(|c| (c, m)))
}

/// A party the text implies at another mention's words (the state's own people or
/// government), coded `code` and `sector` only.
fn implied_party(at: &Mention, code: ActorCode, sector: Option<Sector>) -> Mention {
    Mention {
        entity: Entity { code: Some(code), sector, ..Entity::default() },
        kind: MentionKind::Nominal,
        entries: Vec::new(),
        antecedent: None,
        ..at.clone()
    }
}

/// The candidates of sentences `lo..=hi` (candidates are in sentence order), so that the
/// document passes below look only near each candidate and stay linear in the document.
fn sentence_range(out: &[EventCandidate], lo: usize, hi: usize) -> std::ops::Range<usize> {
    let a = out.partition_point(|c| c.sentence < lo);
    let b = out.partition_point(|c| c.sentence <= hi);
    a..b.max(a)
}

/// "Guterres welcomed the ceasefire and called on both sides to respect it": praise of an
/// agreement, or a call on "both sides", is addressed to the parties of the nearest agreement
/// (or two-sided fighting) reported before it.
fn welcome_agreements(sentences: &[Sentence], out: &mut [EventCandidate]) {
    const DEALS: &[&str] =
        &["ceasefire", "truce", "agreement", "deal", "accord", "pact", "ceasefires", "agreements"];
    const SIDES: &[&str] = &["sides", "parties"];
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if !c.recipients.is_empty() || !matches!(c.event, EventType::Support | EventType::Request) {
            continue;
        }
        let Some(s) = sentences.get(c.sentence) else { continue };
        // The words right after the trigger say what is welcomed or who is called on.
        let after = s
            .tokens
            .iter()
            .skip_while(|t| t.span.start < c.trigger.end)
            .take(4)
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>();
        let wanted = match c.event {
            EventType::Support => after.iter().any(|w| DEALS.contains(w)),
            _ => after.iter().any(|w| SIDES.contains(w)),
        };
        if !wanted {
            continue;
        }
        let mine: BTreeSet<ActorCode> = codes_of(&c.actors);
        let sentence = c.sentence;
        // The nearest earlier report, however far back in an article (its agreement is often
        // the lede), within forty sentences.
        let parties = (0..=sentence.min(40)).map(|back| sentence - back).find_map(|sn| {
            out.get(sentence_range(out, sn, sn)).unwrap_or_default().iter().rev().find_map(|o| {
                let deal = matches!(o.event, EventType::Agree | EventType::Concede)
                    || (o.event == EventType::Assault && o.recipients.is_empty());
                let theirs = codes_of(&o.actors);
                (o.sentence == sn && deal && theirs.len() >= 2 && theirs.is_disjoint(&mine))
                    .then(|| o.actors.clone())
            })
        });
        if let (Some(p), Some(c)) = (parties, out.get_mut(i)) {
            c.recipients = p;
        }
    }
}

/// The codes and sectors of a list of mentions, for comparing parties.
type EntitySet = Vec<(Option<ActorCode>, Option<Sector>)>;

/// "Iraq condemned those strikes, saying they had killed 16 people", "Russia called them
/// 'irresponsible'": "they" and "them" after an attack named earlier in the sentence are the
/// attack, so its doers stand in for the pronoun.
fn pronouns_for_attacks(out: &mut [EventCandidate]) {
    let is_pronoun = |ms: &[Mention]| {
        ms.len() == 1
            && ms.first().is_some_and(|m| {
                m.kind == MentionKind::Pronoun
                    && matches!(
                        m.entity.entity_text.to_ascii_lowercase().as_str(),
                        "they" | "them" | "it"
                    )
            })
    };
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        let actor_slot = c.event == EventType::Assault && is_pronoun(&c.actors);
        let recipient_slot =
            matches!(c.event, EventType::Accuse | EventType::Reject) && is_pronoun(&c.recipients);
        if !actor_slot && !recipient_slot {
            continue;
        }
        let at = c.actors.first().map_or(c.trigger.start, |m| m.span.start).min(c.trigger.start);
        let attack =
            out.get(sentence_range(out, c.sentence, c.sentence)).unwrap_or_default().iter().find(
                |o| {
                    o.sentence == c.sentence
                        && o.event == EventType::Assault
                        && o.trigger.end <= at
                        && !o.actors.is_empty()
                },
            );
        let Some(doers) = attack.map(|o| o.actors.clone()) else { continue };
        if let Some(c) = out.get_mut(i) {
            if actor_slot {
                c.actors = doers;
            } else {
                c.recipients = doers;
            }
        }
    }
}

/// "the U.S. strikes, saying they had killed 16 people": an attack of the sentence with no
/// target and the same doers as one with a target is that attack, told twice.
fn fold_untargeted_attacks(out: &mut Vec<EventCandidate>) {
    let targeted: BTreeSet<(usize, BTreeSet<ActorCode>)> = out
        .iter()
        .filter(|c| c.event == EventType::Assault && !c.recipients.is_empty())
        .map(|c| (c.sentence, codes_of(&c.actors)))
        .collect();
    out.retain(|c| {
        if c.event != EventType::Assault || !c.recipients.is_empty() || c.actors.len() != 1 {
            return true;
        }
        let mine = codes_of(&c.actors);
        mine.is_empty() || !targeted.contains(&(c.sentence, mine))
    });
}

/// Folds each candidate `i` of `fold` into candidate `j`: `j` records `i`'s sentence as a
/// further report of the same event, and `i` is dropped.
fn fold_into(out: &mut Vec<EventCandidate>, fold: Vec<(usize, usize)>) {
    for &(i, j) in &fold {
        let sentence = out.get(i).map(|c| c.sentence);
        if let (Some(sn), Some(target)) = (sentence, out.get_mut(j)) {
            if !target.also_reported.contains(&sn) {
                target.also_reported.push(sn);
            }
        }
    }
    let drop: BTreeSet<usize> = fold.into_iter().map(|(i, _)| i).collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
}

/// "Karlov was gunned down. The gunman, a police officer, shouted ...": an attack told with
/// no attacker is the one told nearby with its attacker when their victims are the same state,
/// and is folded into it.
fn fold_unknown_attackers(out: &mut Vec<EventCandidate>) {
    let known: Vec<(usize, BTreeSet<ActorCode>, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.event == EventType::Assault && !c.actors.is_empty() && !c.aux.hypothetical
        })
        .map(|(i, c)| (c.sentence, codes_of(&c.recipients), i))
        .collect();
    let mut fold: Vec<(usize, usize)> = Vec::new();
    for (i, c) in out.iter().enumerate() {
        if c.event != EventType::Assault || !c.actors.is_empty() || c.recipients.is_empty() {
            continue;
        }
        let mine = codes_of(&c.recipients);
        // Nearby, the same state's victims; anywhere in the story, the same victims.
        let same_victims = |o: &EventCandidate| {
            o.recipients.iter().any(|x| c.recipients.iter().any(|y| same_entity(x, y)))
        };
        let near = known.iter().find(|(sn, theirs, j)| {
            *sn != c.sentence
                && !theirs.is_disjoint(&mine)
                && (sn.abs_diff(c.sentence) <= 4 || out.get(*j).is_some_and(same_victims))
        });
        if let Some(&(_, _, j)) = near {
            fold.push((i, j));
        }
    }
    fold_into(out, fold);
}

/// "A bomb exploded outside the U.S. embassy ... It strongly condemns the terrorist bomb
/// attacks": an attack told again later with no target is the one already told, when its
/// doers are the same, unknown before, or only described ("terrorists", "gunmen").
fn fold_retold_attacks(out: &mut Vec<EventCandidate>) {
    let mut fold: Vec<(usize, usize)> = Vec::new();
    for (i, c) in out.iter().enumerate() {
        if c.event != EventType::Assault
            || !c.recipients.is_empty()
            || c.aux.negated
            || c.aux.hypothetical
        {
            continue;
        }
        let mine = codes_of(&c.actors);
        let described = c.actors.iter().all(|m| {
            m.kind == MentionKind::Nominal
                && matches!(m.entity.sector, Some(Sector::Reb | Sector::Uaf))
        });
        let earlier = out.iter().enumerate().take(i).rev().find(|(_, e)| {
            e.event == EventType::Assault
                && e.sentence < c.sentence
                && c.sentence - e.sentence <= 12
                && !e.recipients.is_empty()
                && !e.aux.negated
                && !e.aux.hypothetical
                && (codes_of(&e.actors) == mine
                    || ((e.actors.is_empty() || described) && c.sentence - e.sentence <= 6))
        });
        if let Some((j, _)) = earlier {
            fold.push((i, j));
        }
    }
    fold_into(out, fold);
}

/// "Tens of thousands rallied in Belgrade, demanding accountability": demands made by
/// demonstrating are the protest (PLOVER), not a request of their own.
/// What the demonstrators denounce or demand of a foreign state ("rallied in Sanaa,
/// denouncing the U.S.-British campaign") is whom the protest is made to, instead of their own
/// government; their denouncing is the protest, not a statement of its own.
fn protest_demands(out: &mut Vec<EventCandidate>) {
    let protests: BTreeSet<(usize, EntitySet)> = out
        .iter()
        .filter(|c| c.event == EventType::Protest)
        .map(|c| (c.sentence, entity_set(&c.actors)))
        .collect();
    let mut targets: Vec<(usize, EntitySet, Vec<Mention>)> = Vec::new();
    for c in out.iter() {
        let key = (c.sentence, entity_set(&c.actors));
        if matches!(c.event, EventType::Request | EventType::Accuse)
            && protests.contains(&key)
            && !c.recipients.is_empty()
            && codes_of(&c.recipients).is_disjoint(&codes_of(&c.actors))
        {
            targets.push((key.0, key.1, c.recipients.clone()));
        }
    }
    for c in out.iter_mut().filter(|c| c.event == EventType::Protest) {
        let key = entity_set(&c.actors);
        let own =
            c.recipients.is_empty() || codes_of(&c.recipients).is_subset(&codes_of(&c.actors));
        if let Some((_, _, r)) =
            targets.iter().find(|(sn, k, _)| *sn == c.sentence && *k == key).filter(|_| own)
        {
            c.recipients = r.clone();
        }
    }
    out.retain(|c| {
        !matches!(c.event, EventType::Request | EventType::Accuse)
            || !protests.contains(&(c.sentence, entity_set(&c.actors)))
    });
}

/// "A Ukrainian attack killed 24 people, and the Kremlin vowed that the strike would not go
/// unpunished", "condemned an attack on peacekeepers, a day after an Israeli tank fired at
/// them": a condemnation or a threat that names no one answers the attack reported beside
/// it, whose doers are its recipients (same sentence first, then the ones before). When the
/// statement names the act ("condemned the strikes"), the latest act told in those words is
/// the one it answers, further back if need be; else the nearest attack.
fn answer_attacks(text: &str, out: &mut [EventCandidate]) {
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if !matches!(c.event, EventType::Accuse | EventType::Threaten) || !c.recipients.is_empty() {
            continue;
        }
        let mine = codes_of(&c.actors);
        if mine.is_empty() {
            continue;
        }
        let sentence = c.sentence;
        // The act may be named inside the trigger ("called the tank fire a violation").
        let named = text.get(c.trigger.start..).and_then(|rest| act_named(rest));
        let answers = |o: &EventCandidate, sn: usize| {
            let attack =
                matches!(o.event, EventType::Assault | EventType::Coerce | EventType::Sanction);
            let theirs = codes_of(&o.actors);
            o.sentence == sn
                && attack
                && !o.aux.negated
                && !o.aux.hypothetical
                && !theirs.is_empty()
                && theirs.is_disjoint(&mine)
        };
        let told_as = |o: &EventCandidate, stems: &[&str]| {
            let t = text.get(o.trigger.start..o.trigger.end).unwrap_or("").to_lowercase();
            stems.iter().any(|st| t.contains(st))
        };
        let in_sentence = |sn: usize, stems: Option<&[&str]>| {
            out.get(sentence_range(out, sn, sn)).unwrap_or_default().iter().find_map(|o| {
                (answers(o, sn) && stems.is_none_or(|st| told_as(o, st))).then(|| o.actors.clone())
            })
        };
        let by_name = named.and_then(|stems| {
            (0..=sentence.min(20))
                .map(|back| sentence - back)
                .find_map(|sn| in_sentence(sn, Some(stems)))
        });
        // The nearest attack: this sentence, then up to eight before it.
        let attackers = by_name.or_else(|| {
            (0..=sentence.min(8)).map(|back| sentence - back).find_map(|sn| in_sentence(sn, None))
        });
        if let (Some(a), Some(c)) = (attackers, out.get_mut(i)) {
            c.recipients = a;
        }
    }
}

/// "The World Court rejected U.S. and British objections ... Libya hailed the ruling": praise,
/// rejection or criticism of a ruling or verdict that names no one is addressed to the court
/// that gave it, the latest court or international body acting in the last sentences.
fn answer_rulings(text: &str, out: &mut [EventCandidate]) {
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if !matches!(c.event, EventType::Support | EventType::Reject | EventType::Accuse)
            || !c.recipients.is_empty()
        {
            continue;
        }
        let ruling = text.get(c.trigger.end..).is_some_and(|rest| {
            rest.split_whitespace().take(3).any(|w| {
                let w = w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase();
                matches!(w.as_str(), "ruling" | "verdict" | "judgment" | "judgement" | "sentence")
            })
        });
        if !ruling {
            continue;
        }
        let mine = codes_of(&c.actors);
        let court = out[..i]
            .iter()
            .rev()
            .take_while(|e| c.sentence.saturating_sub(e.sentence) <= 8)
            .find_map(|e| {
                let judges: Vec<Mention> = e
                    .actors
                    .iter()
                    .filter(|m| {
                        (m.entity.sector == Some(Sector::Jud)
                            || m.entity.code.is_some_and(|x| x.is_non_state()))
                            && m.entity.code.is_some_and(|x| !mine.contains(&x))
                    })
                    .cloned()
                    .collect();
                (!judges.is_empty()).then_some(judges)
            });
        if let (Some(r), Some(c)) = (court, out.get_mut(i)) {
            c.recipients = r;
        }
    }
}

/// The act a statement names right after its verb ("condemned the U.S. strikes"), as the
/// word stems that tell the same act elsewhere.
fn act_named(rest: &str) -> Option<&'static [&'static str]> {
    const ACTS: &[(&str, &[&str])] = &[
        ("strike", &["strik", "struck"]),
        ("airstrike", &["strik", "struck"]),
        ("attack", &["attack"]),
        ("bombing", &["bomb"]),
        ("bombardment", &["bomb"]),
        ("raid", &["raid"]),
        ("shelling", &["shell"]),
        ("killing", &["kill"]),
        ("assassination", &["assassinat", "kill"]),
        ("invasion", &["invad", "invasion"]),
        ("incursion", &["incursion"]),
        ("arrest", &["arrest", "detain", "detention"]),
        ("detention", &["arrest", "detain", "detention"]),
        ("seizure", &["seiz"]),
        ("sanction", &["sanction"]),
        ("expulsion", &["expel", "expulsion"]),
        ("fire", &["fire", "shot", "shell"]),
    ];
    for w in
        rest.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).take(8)
    {
        let w = w.trim_end_matches('.').to_lowercase();
        let w = w.strip_suffix('s').unwrap_or(&w);
        if let Some((_, stems)) = ACTS.iter().find(|(a, _)| *a == w) {
            return Some(stems);
        }
    }
    None
}

/// The state the document's mentions name most often (the first named on a tie): whose
/// police and courts act when a report leaves them unnamed.
fn dominant_state(mentions: &[Vec<Mention>]) -> Option<ActorCode> {
    let mut votes: Vec<(ActorCode, usize)> = Vec::new();
    for m in mentions.iter().flatten() {
        let Some(c) = m.entity.code.filter(|c| !c.is_non_state()) else { continue };
        match votes.iter_mut().find(|(v, _)| *v == c) {
            Some((_, n)) => *n += 1,
            None => votes.push((c, 1)),
        }
    }
    let best = votes.iter().map(|(_, n)| *n).max()?;
    votes.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c)
}

/// "X called for an end to the fighting" is AGREE when X is a party to that fighting.
fn party_to_agree(cand: &mut EventCandidate, earlier: &[EventCandidate]) {
    let is_party = earlier.iter().filter(|e| e.event == EventType::Assault).any(|e| {
        e.actors
            .iter()
            .chain(e.recipients.iter())
            .any(|m| cand.actors.iter().any(|a| same_entity(a, m)))
    });
    if is_party {
        cand.event = EventType::Agree;
        cand.modes.clear();
        cand.recipients.clear();
    }
}

fn same_entity(a: &Mention, b: &Mention) -> bool {
    a.entity.code == b.entity.code && a.entity.sector == b.entity.sector
}

/// Whether two mentions are one actor: the same code and sector, and not two different named
/// people or bodies ("Trump criticised Obama's policy" has two USA GOV actors).
fn same_actor(a: &Mention, b: &Mention) -> bool {
    let ident = |m: &Mention| {
        m.entity.identifier_text.clone().or_else(|| {
            (m.kind == MentionKind::Name).then(|| {
                let t = m.entity.entity_text.to_lowercase();
                t.rsplit(' ').next().unwrap_or_default().to_string()
            })
        })
    };
    same_entity(a, b)
        && match (ident(a), ident(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

fn entity_set(ms: &[Mention]) -> Vec<(Option<ActorCode>, Option<Sector>)> {
    let mut v: Vec<_> = ms.iter().map(|m| (m.entity.code, m.entity.sector)).collect();
    v.sort();
    v.dedup();
    v
}

/// Whether two candidates of one sentence are one event: same category, parties and aux, and
/// recipients that agree or are missing on one side; besides attacks ("struck Gaza, killing
/// 20"), also the same modes, so that "seized the tanker and detained its crew" stays two.
fn same_event_in_sentence(o: &EventCandidate, c: &EventCandidate) -> bool {
    let assault = o.event == EventType::Assault;
    // "arrested four vendors and seized their meat": what is seized in a raid or an arrest
    // is part of it.
    // So are the arrests and deportations of one round-up ("rounding up and deporting").
    let operation = |ms: &[Mode]| {
        !ms.is_empty() && ms.iter().all(|m| matches!(m, Mode::Seize | Mode::Arrest | Mode::Deport))
    };
    let seized = o.event == EventType::Coerce
        && ((o.modes.contains(&Mode::Seize) || c.modes.contains(&Mode::Seize))
            || (operation(&o.modes) && operation(&c.modes)));
    let modes_ok = assault
        || seized
        || o.modes == c.modes
        || ((o.modes.is_empty() || c.modes.is_empty()) && o.event != EventType::Coerce);
    o.event == c.event
        // A background year may mark one conjunct and not the other ("cut ties in 1961 and
        // imposed an embargo"): still one event.
        && Aux { historical: false, ..o.aux } == Aux { historical: false, ..c.aux }
        && entity_set(&o.actors) == entity_set(&c.actors)
        && (assault
            || seized
            || codes_of(&o.recipients) == codes_of(&c.recipients)
            || c.recipients.is_empty()
            || o.recipients.is_empty())
        && modes_ok
}

/// The codes of a list of mentions, sectors aside ("GBR" and "GBR:CVL" are one party).
fn codes_of(ms: &[Mention]) -> BTreeSet<ActorCode> {
    ms.iter().filter_map(|m| m.entity.code).collect()
}

/// Adds a candidate, or folds it into an earlier report of the same event.
fn merge_into(out: &mut Vec<EventCandidate>, cand: EventCandidate, again: bool) {
    let a = entity_set(&cand.actors);
    let r = entity_set(&cand.recipients);
    let same = out.iter_mut().rev().find(|o| {
        // A later report that names no recipient ("the rustlers stormed a village") is the
        // same event as one a sentence or two before that did.
        let unnamed = cand.recipients.is_empty()
            && !cand.actors.is_empty()
            && cand.sentence.saturating_sub(o.sentence) <= 2;
        o.event == cand.event
            && o.aux == cand.aux
            && entity_set(&o.actors) == a
            && (entity_set(&o.recipients) == r || unnamed)
            && (o.modes == cand.modes || o.modes.is_empty() || cand.modes.is_empty())
            && (o.sentence == cand.sentence || !again)
    });
    match same {
        Some(o) => {
            if o.sentence != cand.sentence && !o.also_reported.contains(&cand.sentence) {
                o.also_reported.push(cand.sentence);
            }
            for m in cand.modes {
                if !o.modes.contains(&m) {
                    o.modes.push(m);
                }
            }
            if cand.confidence > o.confidence && o.sentence == cand.sentence {
                o.confidence = cand.confidence;
            }
        }
        None => out.push(cand),
    }
}

fn year_of(t: &Token) -> Option<u32> {
    if t.kind != TokenKind::Number || t.norm.len() != 4 {
        return None;
    }
    let y: u32 = t.norm.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn entry_ref(role: &str, o: &crate::lexicon::Origin, s: &Sentence, a: usize, b: usize) -> EntryRef {
    EntryRef {
        role: role.to_string(),
        entry: o.key.clone(),
        source: o.source.clone(),
        text: token_text(s, a, b),
    }
}

fn token_text(s: &Sentence, a: usize, b: usize) -> String {
    let toks = &s.tokens;
    let mut out = String::new();
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        if k > a && toks.get(k - 1).is_some_and(|p| p.span.end < t.span.start) {
            out.push(' ');
        }
        out.push_str(&t.norm);
    }
    out
}

/// Prepositions: a mention right after one is not a bare subject or object.
const PREPS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "from",
    "to",
    "into",
    "with",
    "by",
    "for",
    "against",
    "near",
    "across",
    "inside",
    "outside",
    "within",
    "between",
    "among",
    "toward",
    "towards",
    "around",
    "over",
    "under",
    "through",
    "throughout",
    "via",
    "upon",
    "about",
    "during",
    "amid",
    "amidst",
    "despite",
    "like",
    "onto",
    "along",
    "beyond",
    "behind",
    "targeting",
    "including",
    "than",
    "off",
    "per",
    "without",
    "alongside",
    "except",
    "versus",
    "vs",
    "beside",
    "besides",
    "unlike",
];

/// Words that start a new clause.
const BARRIERS: &[&str] = &[
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

/// Determiners skipped between a preposition and its object.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "both", "all"];

/// Words allowed between an event noun and the mention modifying it ("Israeli air strikes").
const NOUN_MODIFIERS: &[&str] = &[
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
const ADJECTIVES: &[&str] = &[
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

/// Adverbs skipped when looking at what stands right before a verb.
/// Verbs of aspect before a gerund ("began releasing", "kept shelling"): the gerund is the
/// event, their subject its actor.
const ASPECT: &[&str] = &[
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

const ADVERBS: &[&str] = &[
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
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "never",
    "yesterday",
    "today",
    "overnight",
    "tonight",
    "reportedly",
];

/// Quantity words whose "of" does not make a prepositional phrase ("thousands of X").
const QUANTIFIERS: &[&str] = &[
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
const REGION_WORDS: &[&str] = &[
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
const FUNCTION_WORDS: &[&str] = &[
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
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "did",
    "does",
    "do",
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
];

/// Pronouns: a subject pronoun the actor coder did not resolve is followed to the nearest
/// earlier mention ("Syria's government announced that it will redeploy").
const PRONOUNS: &[&str] = &["it", "they", "he", "she"];

/// Head nouns of the actor lexicon's sites (`a.site.*` in agents.tsv).
const SITE_HEADS: &[&str] = &[
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
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "today",
    "yesterday",
    "tonight",
    "last",
    "early",
    "late",
];

/// Instruments that act for their makers ("a decree banning rallies").
const LAWS: &[&str] = &[
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

/// Heads of mentions that name people as protesters.
const PROTESTERS: &[&str] = &[
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
const CONTEST: &[&str] = &[
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
const NOT_PERSONS: &[&str] = &[
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
    "border",
    "crossing",
    "crossings",
    "airport",
    "port",
    "bridge",
    "office",
    "offices",
];

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"];

fn is(t: Option<&Token>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.contains(&t.norm.as_str()))
}

/// Per token: `Some(speaker)` inside a quote, the speaker being a (sentence, mention) pair when
/// known.
type QuoteSlots = Vec<Option<Option<(usize, usize)>>>;

/// Which tokens are inside quotes, and who spoke each quote.
struct QuoteMap {
    /// Per sentence, per token: the speaker of the quote the token is in, when inside one;
    /// `Some(None)` inside a quote whose speaker is not known.
    inside: Vec<QuoteSlots>,
}

impl QuoteMap {
    fn build(coder: &EventCoder, sentences: &[Sentence], mentions: &[Vec<Mention>]) -> QuoteMap {
        let mut inside: Vec<QuoteSlots> =
            sentences.iter().map(|s| vec![None; s.tokens.len()]).collect();
        // Open quote: (sentence, token) where it opened, with the paragraph.
        let mut open: Option<(usize, usize, usize)> = None;
        let mut spans: Vec<((usize, usize), (usize, usize))> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            if let Some((_, _, p)) = open {
                if p != s.paragraph {
                    // A quote left open at a paragraph's end closes there (news style reopens it).
                    if let Some(prev) = si.checked_sub(1) {
                        let last = sentences.get(prev).map_or(0, |x| x.tokens.len());
                        if let Some((os, ot, _)) = open.take() {
                            spans.push(((os, ot), (prev, last)));
                        }
                    }
                }
            }
            for (ti, t) in s.tokens.iter().enumerate() {
                if t.norm != "\"" {
                    continue;
                }
                match open.take() {
                    None => open = Some((si, ti, s.paragraph)),
                    Some((os, ot, _)) => spans.push(((os, ot), (si, ti))),
                }
            }
        }
        if let Some((os, ot, _)) = open {
            let last = sentences.len().saturating_sub(1);
            spans.push(((os, ot), (last, sentences.get(last).map_or(0, |s| s.tokens.len()))));
        }
        for ((os, ot), (cs, ct)) in spans {
            let speaker = speaker_after(coder, sentences, mentions, cs, ct)
                .or_else(|| speaker_before(sentences, mentions, os, ot));
            for si in os..=cs {
                let Some(row) = inside.get_mut(si) else { continue };
                let from = if si == os { ot + 1 } else { 0 };
                let to = if si == cs { ct } else { row.len() };
                for slot in row.iter_mut().take(to).skip(from) {
                    *slot = Some(speaker);
                }
            }
        }
        QuoteMap { inside }
    }

    fn speaker(&self, s: usize, t: usize) -> Option<Option<(usize, usize)>> {
        self.inside.get(s).and_then(|r| r.get(t)).copied().flatten()
    }
}

/// `"...," said X` / `"...," X said`: the first usable mention within a few tokens after the
/// closing quote, when a speech verb is there too.
fn speaker_after(
    coder: &EventCoder,
    sentences: &[Sentence],
    mentions: &[Vec<Mention>],
    s: usize,
    close: usize,
) -> Option<(usize, usize)> {
    let sent = sentences.get(s)?;
    let window = close + 1..(close + 8).min(sent.tokens.len());
    let speech = coder.aux.find_all(&sent.tokens).into_iter().any(|h| {
        window.contains(&h.start)
            && coder.aux.item(h.item).is_some_and(|a| a.kind == AuxKind::Speech)
    });
    if !speech {
        return None;
    }
    let ms = mentions.get(s)?;
    ms.iter()
        .enumerate()
        .filter(|(_, m)| usable(m) && window.contains(&m.tokens.start))
        .filter(|(_, m)| {
            let p = m.tokens.start.checked_sub(1).and_then(|i| sent.tokens.get(i));
            !is(p, &["in", "on", "to", "of"])
        })
        .min_by_key(|(_, m)| m.tokens.start)
        .map(|(i, _)| (s, i))
}

/// `X said: "..."`: the mention nearest before the opening quote.
fn speaker_before(
    sentences: &[Sentence],
    mentions: &[Vec<Mention>],
    s: usize,
    open: usize,
) -> Option<(usize, usize)> {
    let _ = sentences.get(s)?;
    let ms = mentions.get(s)?;
    ms.iter()
        .enumerate()
        .filter(|(_, m)| usable(m) && m.tokens.end <= open && open - m.tokens.end <= 4)
        .max_by_key(|(_, m)| m.tokens.end)
        .map(|(i, _)| (s, i))
}

/// Whether a mention codes anything: a code or at least a sector.
fn usable(m: &Mention) -> bool {
    m.entity.code.is_some() || m.entity.sector.is_some()
}

/// Per-mention facts the role rules use.
#[derive(Debug, Clone, Copy)]
struct MInfo {
    start: usize,
    end: usize,
    /// Token index of the preposition governing it.
    prep: Option<usize>,
    /// Followed by "'s" and another mention: it modifies that one.
    possessor_of: Option<usize>,
}

/// Flags the document pass needs besides the candidate.
#[derive(Debug, Clone, Default)]
struct CandFlags {
    party: bool,
    again: bool,
    /// The grammatical subject's mentions, which a coordinated verb shares even when the
    /// roles were turned round ("Erdogan hosted Zelensky and offered to ...").
    subject: Vec<Mention>,
}

/// One sentence prepared for role assignment.
struct View<'a> {
    pos: usize,
    s: &'a Sentence,
    toks: &'a [Token],
    ms: &'a [Mention],
    info: Vec<MInfo>,
    /// Mention indices sorted by start.
    order: Vec<usize>,
    clause: Vec<u32>,
    /// Whether each token is inside parentheses.
    paren: Vec<bool>,
    quotes: &'a QuoteMap,
    /// Every sentence's mentions, for quote speakers named in another sentence.
    all: &'a [Vec<Mention>],
    aux_hits: Vec<Hit>,
    /// The kind of each aux cue, by matcher item index.
    aux_kinds: &'a [Option<AuxKind>],
    mode_hits: Vec<Hit>,
    max_year: u32,
    /// Token indices right after a verb trigger: a mention starting there is its object.
    verb_ends: Vec<usize>,
    /// The state the document's mentions name most often.
    doc_country: Option<ActorCode>,
    /// Token spans of the sentence's ASSAULT triggers.
    assault_spans: Vec<(usize, usize)>,
}

/// A trigger chosen in a sentence.
struct Trig<'p> {
    hit: Hit,
    pat: &'p Pattern,
    /// Other patterns matching exactly the same tokens ("clashes" verb or noun), tried in
    /// order when the first finds no actor.
    alts: Vec<(Hit, &'p Pattern)>,
}

impl<'a> View<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        coder: &'a EventCoder,
        pos: usize,
        s: &'a Sentence,
        ms: &'a [Mention],
        quotes: &'a QuoteMap,
        all: &'a [Vec<Mention>],
        max_year: u32,
        doc_country: Option<ActorCode>,
    ) -> View<'a> {
        let toks = &s.tokens[..];
        let mut clause = Vec::with_capacity(toks.len());
        let mut c = 0u32;
        let mut next = 0u32;
        // A parenthesis is its own clause; after it the clause before it goes on ("The
        // UNHCR (UN refugee agency) appealed").
        let mut outer: Vec<u32> = Vec::new();
        let mut paren = Vec::with_capacity(toks.len());
        // "tens of thousands of Cuban women -- hundreds visibly pregnant -- marched": a pair of
        // free-standing dashes sets off an aside, as parentheses do.
        let mut dashes: Vec<usize> = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            if toks.get(k).is_some_and(|t| t.norm == "-") {
                let mut e = k;
                while toks.get(e + 1).is_some_and(|t| t.norm == "-") {
                    e += 1;
                }
                let spaced_before = k == 0
                    || toks
                        .get(k - 1)
                        .zip(toks.get(k))
                        .is_some_and(|(a, b)| a.span.end < b.span.start);
                let spaced_after = toks
                    .get(e + 1)
                    .zip(toks.get(e))
                    .is_some_and(|(a, b)| b.span.end < a.span.start);
                if k > 0 && spaced_before && spaced_after {
                    dashes.push(k);
                }
                k = e + 1;
            } else {
                k += 1;
            }
        }
        let (mut opens, mut closes) = (Vec::new(), Vec::new());
        for pair in dashes.chunks(2) {
            if let [a, b] = pair {
                opens.push(*a);
                closes.push(*b);
            }
        }
        for (ti, t) in toks.iter().enumerate() {
            if t.norm == ")" || closes.contains(&ti) {
                clause.push(c);
                paren.push(!outer.is_empty());
                c = outer.pop().unwrap_or(c);
                continue;
            }
            if t.norm == "(" || opens.contains(&ti) {
                outer.push(c);
            }
            paren.push(!outer.is_empty());
            if BARRIERS.contains(&t.norm.as_str()) {
                next += 1;
                c = next;
            }
            clause.push(c);
        }
        // "US$2.8 million" names a currency, not an actor.
        let currency = |m: &Mention| {
            is(toks.get(m.tokens.end), &["$", "dollar", "dollars", "cents"])
                || toks.get(m.tokens.end).is_some_and(|t| t.kind == TokenKind::Symbol)
        };
        let mut order: Vec<usize> = (0..ms.len())
            .filter(|&i| ms.get(i).is_some_and(|m| usable(m) && !currency(m)))
            .collect();
        order.sort_by_key(|&i| ms.get(i).map_or((0, 0), |m| (m.tokens.start, m.tokens.end)));
        let mut info: Vec<MInfo> = ms
            .iter()
            .map(|m| {
                let mut j = m.tokens.start;
                while j > 0 && is(toks.get(j - 1), DETERMINERS) {
                    j -= 1;
                }
                // "in central Turkey", "in the war-torn north of Syria" are still places.
                if matches!(m.kind, MentionKind::Country | MentionKind::Capital) {
                    let mut steps = 0;
                    while j > 0 && steps < 2 && is(toks.get(j - 1), REGION_WORDS) {
                        j -= 1;
                        steps += 1;
                        while j > 0 && is(toks.get(j - 1), DETERMINERS) {
                            j -= 1;
                        }
                    }
                }
                let mut prep = j.checked_sub(1).filter(|&p| is(toks.get(p), PREPS));
                // "around 70 people", "over 200 protesters": an approximation, no preposition.
                if let Some(p) = prep {
                    if is(toks.get(p), &["around", "about", "over", "under", "nearly", "some"])
                        && toks.get(j).is_some_and(|t| t.kind == TokenKind::Number)
                    {
                        prep = None;
                    }
                }
                // "Thousands of Serbian students": a quantity's "of" leaves the subject bare.
                if let Some(p) = prep {
                    let q = p.checked_sub(1).and_then(|q| toks.get(q));
                    if is(toks.get(p), &["of"])
                        && q.is_some_and(|q| {
                            q.kind == TokenKind::Number || QUANTIFIERS.contains(&q.norm.as_str())
                        })
                    {
                        prep = None;
                    }
                }
                MInfo { start: m.tokens.start, end: m.tokens.end, prep, possessor_of: None }
            })
            .collect();
        for k in 0..info.len() {
            let Some(a) = info.get(k).copied() else { continue };
            if is(toks.get(a.end), &["'s", "'"]) {
                let next = order.iter().copied().find(|&j| {
                    info.get(j).is_some_and(|b| b.start == a.end + 1 || b.start == a.end + 2)
                });
                if let Some(slot) = info.get_mut(k) {
                    slot.possessor_of = next;
                }
            }
        }
        // "in Nairobi, Kenya, and Dar es Salaam": places coordinated after a locative are
        // places too.
        for (k, m) in ms.iter().enumerate() {
            let Some(a) = info.get(k).copied() else { continue };
            if !matches!(m.kind, MentionKind::Country | MentionKind::Capital)
                || a.prep.is_some()
                || a.start < 2
                || !is(toks.get(a.start - 1), &["and", "or"])
            {
                continue;
            }
            let end = if is(toks.get(a.start - 2), &[","]) { a.start - 2 } else { a.start - 1 };
            let before = info.iter().filter_map(|b| b.prep.filter(|_| b.end == end)).next();
            let before = before.or_else(|| {
                // "in Nairobi, Kenya, and": the conjunct before is the apposition's place.
                let mut j = end;
                while j > 0 && end - j < 4 && toks.get(j - 1).is_some_and(|t| t.capitalised) {
                    j -= 1;
                }
                if j >= 2 && is(toks.get(j - 1), &[","]) {
                    info.iter().filter_map(|b| b.prep.filter(|_| b.end == j - 1)).next()
                } else {
                    None
                }
            });
            if let Some(p) =
                before.filter(|&p| is(toks.get(p), &["in", "at", "near", "outside", "inside"]))
            {
                if let Some(slot) = info.get_mut(k) {
                    slot.prep = Some(p);
                }
            }
        }
        // "in Dar es Salaam, Tanzania,", a dateline's "NAIROBI, Kenya (AP)": a country in
        // apposition to a place is a place too, never a subject.
        for (k, m) in ms.iter().enumerate() {
            let Some(a) = info.get(k).copied() else { continue };
            if m.kind != MentionKind::Country || a.prep.is_some() || a.start < 2 {
                continue;
            }
            if !is(toks.get(a.start - 1), &[","]) {
                continue;
            }
            let mut j = a.start - 1;
            while j > 0
                && a.start - 1 - j < 4
                && toks.get(j - 1).is_some_and(|t| {
                    t.capitalised || matches!(t.norm.as_str(), "es" | "de" | "al" | "el" | "la")
                })
            {
                j -= 1;
            }
            if j == a.start - 1 {
                continue;
            }
            // "in Nairobi, Kenya, and Dar es Salaam, Tanzania": a coordinated place shares
            // the locative of the one before.
            let coordinated = j > 1 && is(toks.get(j - 1), &["and", "or"]) && {
                let end = if is(toks.get(j - 2), &[","]) { j - 2 } else { j - 1 };
                info.iter().any(|b| b.end == end && b.prep.is_some())
            };
            let located = j > 0 && (is(toks.get(j - 1), PREPS) || coordinated);
            let dateline = j == 0 && is(toks.get(a.end), &["(", "_", "-", "--"]);
            if located || dateline {
                if let Some(slot) = info.get_mut(k) {
                    slot.prep = Some(if located { j - 1 } else { a.start - 1 });
                }
            }
        }
        View {
            pos,
            s,
            toks,
            ms,
            info,
            order,
            clause,
            paren,
            quotes,
            all,
            // "Reporters Without Borders", "No Peace Without Justice": words inside a name
            // are no cue.
            aux_hits: coder
                .aux
                .find_all(toks)
                .into_iter()
                .filter(|h| {
                    !ms.iter().any(|m| {
                        m.kind == MentionKind::Name
                            && m.tokens.start <= h.start
                            && h.end <= m.tokens.end
                    })
                })
                .collect(),
            aux_kinds: &coder.aux_kinds,
            mode_hits: coder.modes.find_all(toks),
            max_year,
            verb_ends: Vec::new(),
            doc_country,
            assault_spans: Vec::new(),
        }
    }

    fn cl(&self, t: usize) -> u32 {
        self.clause.get(t).copied().unwrap_or(u32::MAX)
    }

    fn norm(&self, t: usize) -> &str {
        self.toks.get(t).map_or("", |t| t.norm.as_str())
    }

    fn prep_of(&self, m: usize) -> Option<&str> {
        self.info.get(m).and_then(|i| i.prep).map(|p| self.norm(p))
    }

    fn mi(&self, m: usize) -> MInfo {
        self.info.get(m).copied().unwrap_or(MInfo {
            start: 0,
            end: 0,
            prep: None,
            possessor_of: None,
        })
    }

    /// A mention, with a possessor's code lent to the possessed when it has none
    /// ("Syria's government").
    fn resolved(&self, m: usize) -> Option<Mention> {
        let mention = self.ms.get(m)?;
        if let Some(next) = self.mi(m).possessor_of {
            let mut b = self.ms.get(next)?.clone();
            if b.entity.code.is_none() {
                b.entity.code = mention.entity.code;
            }
            return Some(b);
        }
        Some(mention.clone())
    }

    /// The mention ending at `end` (exclusive) if any.
    fn mention_ending(&self, end: usize) -> Option<usize> {
        self.order.iter().copied().find(|&i| self.mi(i).end == end)
    }

    fn mention_starting(&self, start: usize) -> Option<usize> {
        self.order.iter().copied().find(|&i| {
            let m = self.mi(i);
            let mut j = start;
            while j < m.start && is(self.toks.get(j), DETERMINERS) {
                j += 1;
            }
            m.start == j
        })
    }

    /// Mentions coordinated to the left of `m` ("Israel and Syria", "A, B and C").
    fn coord_left(&self, m: usize, out: &mut Vec<usize>) {
        let mut cur = m;
        let mut seen_and = false;
        for _ in 0..6 {
            let st = self.mi(cur).start;
            let mut j = st;
            let mut skipped = false;
            while j > 0 && is(self.toks.get(j - 1), &["and", ",", "&", "both"]) {
                seen_and |= self.norm(j - 1) != ",";
                j -= 1;
                skipped = true;
            }
            // A bare comma joins a list only once an "and" has been seen ("A, B and C").
            if !skipped || !seen_and {
                return;
            }
            let Some(prev) = self.mention_ending(j) else { return };
            if self.mi(prev).possessor_of.is_some() || self.prep_of(prev) != self.prep_of(cur) {
                return;
            }
            out.push(prev);
            cur = prev;
        }
    }

    /// Mentions coordinated to the right of `m`.
    fn coord_right(&self, m: usize, out: &mut Vec<usize>) {
        let mut cur = m;
        for _ in 0..6 {
            let mut j = self.mi(cur).end;
            if let Some(p) = self.mi(cur).possessor_of {
                j = self.mi(p).end;
            }
            let mut skipped = false;
            let mut comma_only = true;
            loop {
                if is(self.toks.get(j), &["and", ",", "&", "or"]) {
                    comma_only &= self.norm(j) == ",";
                    j += 1;
                    skipped = true;
                } else if is(self.toks.get(j), &["as"]) && is(self.toks.get(j + 1), &["well"]) {
                    j += 3;
                    skipped = true;
                } else {
                    break;
                }
            }
            if !skipped {
                return;
            }
            if is(self.toks.get(j), PREPS) && !is(self.toks.get(j), &["as"]) {
                // "on X and on Y": same preposition repeated.
                if self.norm(j) == self.prep_of(cur).unwrap_or("") {
                    j += 1;
                } else {
                    return;
                }
            }
            let Some(next) = self.mention_starting(j) else { return };
            // "If Iran attacks Israel, the United States will respond": a comma not followed
            // by more of a list ends the phrase.
            if comma_only && !is(self.toks.get(self.mi(next).end), &[",", "and", "or"]) {
                return;
            }
            out.push(next);
            cur = next;
        }
    }

    /// The subject of a verb at token `t0`: nearest usable mention to its left in its clause
    /// that is not governed by a preposition.
    fn subject(&self, t0: usize) -> Vec<usize> {
        let c = self.cl(t0);
        // "Libya, which brought the case against Britain, hailed the ruling": a verb right
        // after a relative clause closes belongs to the noun before the clause.
        let opens = (0..t0).rev().find(|&k| self.cl(k) != c).map_or(0, |k| k + 1);
        let mut v = t0;
        while v > opens && ADVERBS.contains(&self.norm(v - 1)) {
            v -= 1;
        }
        if opens >= 2
            && v > opens + 2
            && is(self.toks.get(opens), &["which", "who"])
            && is(self.toks.get(opens - 1), &[","])
            && is(self.toks.get(v - 1), &[","])
        {
            if let Some(m) = self.mention_ending(opens - 1) {
                let mut out = vec![m];
                self.coord_left(m, &mut out);
                return out;
            }
        }
        // "Prosecutors said Abdulkader planned to murder": a speech verb closes the search.
        let speech_at = self
            .aux_hits
            .iter()
            .filter(|h| h.end <= t0 && self_kind(self, h) == Some(AuxKind::Speech))
            .map(|h| h.start)
            .max();
        for &i in self.order.iter().rev() {
            let m = self.mi(i);
            if m.end > t0 {
                continue;
            }
            if self.paren.get(m.start).copied().unwrap_or(false) && self.cl(m.start) != c {
                continue;
            }
            if m.end == 0 || self.cl(m.end - 1) != c || speech_at.is_some_and(|sp| m.end <= sp) {
                break;
            }
            if m.prep.is_some() {
                continue;
            }
            if m.possessor_of.is_some_and(|p| self.mi(p).end <= t0) {
                continue;
            }
            let mut out = vec![i];
            self.coord_left(i, &mut out);
            return out;
        }
        // A relative clause: "the army, which withdrew" → the mention before the pronoun.
        let clause_start =
            |t: usize| (0..t).rev().find(|&k| self.cl(k) != self.cl(t)).map_or(0, |k| k + 1);
        let mut start = clause_start(t0);
        // A quoted name inside the relative clause ("Marc Emery, who runs shops under the name
        // of \"Cannabis Culture,\" was arrested") cuts it at each quote mark: step back over
        // them to the clause that opens with the pronoun.
        for _ in 0..4 {
            if start == 0 || !is(self.toks.get(start), &["\""]) {
                break;
            }
            start = clause_start(start - 1);
        }
        if is(self.toks.get(start), &["which", "who", "that"]) {
            let mut j = start;
            if is(self.toks.get(j.wrapping_sub(1)), &[","]) {
                j -= 1;
            }
            // "the bombings at U.S. embassies in Kenya and Tanzania, which have killed": a
            // place is not what the clause is about.
            let place = |m: &usize| {
                matches!(
                    self.prep_of(*m),
                    Some("in" | "at" | "near" | "outside" | "inside" | "across" | "throughout")
                )
            };
            if let Some(m) = self.mention_ending(j).filter(|m| !place(m)) {
                let mut out = vec![m];
                self.coord_left(m, &mut out);
                return out;
            }
        }
        Vec::new()
    }

    /// Whether a verb of saying ends at or before token `t` ("Iran said ..." before a clause).
    fn said_before(&self, t: usize) -> bool {
        self.aux_hits.iter().any(|h| h.end <= t && self_kind(self, h) == Some(AuxKind::Speech))
    }

    /// Who reports the clause of tokens `t0..t1`: the subject of a verb of saying before it
    /// ("Iran said ..."), the speaker named after it ("..., Iran said"), or the speaker of
    /// the quote it is in (`Err((sentence, mention))`, possibly in another sentence).
    fn reporter(&self, t0: usize, t1: usize) -> Option<Result<usize, (usize, usize)>> {
        let speech = |h: &&Hit| self_kind(self, h) == Some(AuxKind::Speech);
        if let Some(h) = self.aux_hits.iter().filter(|h| h.end <= t0).rfind(speech) {
            // "X petitioned the UN, saying Turkey was violating ...": the participle's
            // speaker is the sentence's subject, when it opens the sentence.
            if h.start > 0 && self.norm(h.start - 1) == "," && self.norm(h.start).ends_with("ing") {
                let first = self.order.iter().copied().find(|&i| self.mi(i).prep.is_none());
                return first.filter(|&i| self.mi(i).start <= 2).map(Ok);
            }
            let subj = self.subject(h.start);
            let subj = if subj.is_empty() { self.main_subject(h.start) } else { subj };
            if let Some(&i) = subj.first() {
                return Some(Ok(i));
            }
        }
        if let Some(h) = self.aux_hits.iter().filter(|h| h.start >= t1).find(speech) {
            let near = self.order.iter().copied().find(|&i| {
                let m = self.mi(i);
                (m.end == h.start || (m.start >= h.end && m.start <= h.end + 1))
                    && m.prep.is_none()
                    && self.ms.get(i).is_some_and(usable)
            });
            if let Some(i) = near {
                return Some(Ok(i));
            }
        }
        self.quote_speaker(t0).flatten().map(Err)
    }

    /// The subject of the sentence's main clause before token `t` (for "..., killing 20").
    fn main_subject(&self, t: usize) -> Vec<usize> {
        let c = self.cl(t.saturating_sub(1));
        for &i in &self.order {
            let m = self.mi(i);
            if m.end > t {
                break;
            }
            if self.cl(m.start) == c && m.prep.is_none() {
                let mut out = vec![i];
                self.coord_right(i, &mut out);
                out.retain(|&k| self.mi(k).end <= t);
                return out;
            }
        }
        Vec::new()
    }

    /// Objects after token `from` in its clause: the first bare mention when `direct`, or the
    /// first one after one of `preps`.
    fn objects(&self, from: usize, preps: &[String], direct: bool) -> Vec<usize> {
        let c = self.cl(from.saturating_sub(1));
        let mut scanned = from;
        for &i in &self.order {
            let m = self.mi(i);
            if m.start < from {
                continue;
            }
            if m.start > from + 9 || self.cl(m.start) != c {
                break;
            }
            // "with his Indian counterpart": the possessive belongs to the noun after it.
            if matches!(self.norm(m.start), "his" | "her" | "its" | "their")
                && m.end == m.start + 1
                && self.order.iter().any(|&j| self.mi(j).start == m.end)
            {
                continue;
            }
            // "killing four members of the security forces", "dozens of the protesters": a
            // partitive before the mention leaves it the object.
            let partitive = m.start >= from + 2
                && matches!(self.norm(m.start - 1), "of" | "from")
                && (from..m.start - 1).all(|k| {
                    self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
                        || QUANTIFIERS.contains(&self.norm(k))
                        || matches!(
                            self.norm(k),
                            "members"
                                | "member"
                                | "some"
                                | "many"
                                | "most"
                                | "several"
                                | "one"
                                | "two"
                                | "three"
                                | "four"
                                | "five"
                                | "six"
                                | "seven"
                                | "eight"
                                | "nine"
                                | "ten"
                                | "dozens"
                                | "hundreds"
                                | "thousands"
                                | "scores"
                                | "the"
                                | "at"
                                | "least"
                                | "all"
                                | "officers"
                                | "personnel"
                                | "head"
                                | "chief"
                                | "leader"
                                | "leaders"
                                | "representatives"
                                | "officials"
                                | "delegation"
                                | "delegations"
                                | "envoy"
                                | "envoys"
                                | "team"
                                | "mission"
                                | "staff"
                                | "citizens"
                                | "nationals"
                                | "a"
                                | "an"
                                | "joint"
                                | "senior"
                                | "its"
                                | "their"
                        )
                });
            let check_to = if partitive { from } else { m.start };
            // Stop at punctuation or an infinitive between the trigger and the mention.
            for k in scanned..check_to {
                let n = self.norm(k);
                let stop = match self.toks.get(k) {
                    Some(t) if t.kind == TokenKind::Punct && n != "-" => true,
                    _ => {
                        matches!(n, "to" | "for" | "of" | "and" | "or" | "said" | "says")
                            && !preps.iter().any(|p| p == n)
                    }
                };
                if stop {
                    return Vec::new();
                }
            }
            scanned = scanned.max(m.end);
            // A preposition that is part of the trigger ("called on X") leaves X a direct object.
            let own_prep = self.mi(i).prep.is_some_and(|p| p < from);
            let ok = own_prep
                || (partitive && direct)
                || match self.prep_of(i) {
                    Some(p) => preps.iter().any(|x| x == p),
                    None => direct,
                };
            if ok {
                let mut out = vec![i];
                self.coord_right(i, &mut out);
                return out;
            }
        }
        Vec::new()
    }

    /// Mentions after a preposition among `preps` within a few tokens after `from`.
    fn pp_after(&self, from: usize, preps: &[&str], span: usize) -> Vec<usize> {
        let c = self.cl(from.saturating_sub(1));
        for &i in &self.order {
            let m = self.mi(i);
            if m.start < from {
                continue;
            }
            if m.start > from + span || self.cl(m.start) != c {
                break;
            }
            // "The attack, condemned by the White House": the "by" belongs to another verb.
            let punct = (from..m.start).any(|k| {
                self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct && t.norm != "-")
            });
            if punct {
                break;
            }
            if self.prep_of(i).is_some_and(|p| preps.contains(&p)) {
                let mut out = vec![i];
                self.coord_right(i, &mut out);
                return out;
            }
        }
        Vec::new()
    }

    /// A mention modifying an event noun at `t0` ("Israeli strikes", "the IDF's raid").
    fn premodifier(&self, t0: usize, mode_tokens: &[bool]) -> Vec<usize> {
        let mut j = t0;
        let mut steps = 0;
        while j > 0 && steps < 3 {
            let k = j - 1;
            let n = self.norm(k);
            if NOUN_MODIFIERS.contains(&n) || mode_tokens.get(k).copied().unwrap_or(false) {
                j = k;
                steps += 1;
            } else {
                break;
            }
        }
        if is(self.toks.get(j.wrapping_sub(1)), &["'s", "'"]) {
            j -= 1;
        }
        match self.mention_ending(j) {
            Some(m) => {
                let mut out = vec![m];
                self.coord_left(m, &mut out);
                out
            }
            None => Vec::new(),
        }
    }

    /// Whether the verb at `t0` with `form` is passive ("was shelled", "killed by").
    /// Whether "by X" follows right after a verb.
    fn by_agent_follows(&self, t_end: usize) -> bool {
        self.norm(t_end) == "by" && self.mention_starting(t_end + 1).is_some()
    }

    /// Whether a form of "be" stands right before a verb (adverbs aside).
    fn be_before(&self, t0: usize) -> bool {
        let mut k = t0;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1) else { return false };
            let n = self.norm(p);
            if BE.contains(&n) {
                return true;
            }
            if !ADVERBS.contains(&n) {
                return false;
            }
            k = p;
        }
        false
    }

    /// Whether the sentence is a headline: no closing punctuation, so its present tense
    /// reports news ("Israel strikes Damascus").
    fn headline(&self) -> bool {
        !self
            .toks
            .iter()
            .rev()
            .find(|t| !matches!(t.norm.as_str(), "\"" | "'" | ")"))
            .is_some_and(|t| matches!(t.norm.as_str(), "." | "!" | "?" | ";" | ":"))
    }

    fn passive(&self, t0: usize, t_end: usize, form: Option<Form>) -> bool {
        if form != Some(Form::Past) {
            return false;
        }
        // "were convicted of X and sentenced to death": a participle coordinated with a
        // passive one.
        // A verb with a direct object is active ("was alarmed and urged Washington").
        if self.norm(t0.wrapping_sub(1)) == "and" && self.mention_starting(t_end).is_none() {
            let c = self.cl(t0);
            let lo = t0.saturating_sub(14);
            if (lo..t0).any(|k| self.cl(k) == c && BE.contains(&self.norm(k))) {
                return true;
            }
        }
        let mut k = t0;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1) else { break };
            let n = self.norm(p);
            if BE.contains(&n) {
                return true;
            }
            if ADVERBS.contains(&n) || matches!(n, "not" | "n't" | "never" | "reportedly") {
                k = p;
                continue;
            }
            break;
        }
        // "displaced by the floods": an agentive "by" after a participle, coded or not.
        if self.norm(t_end) == "by" {
            return true;
        }
        // "two teenagers aged 15 and 17, accused of plotting": a participle set off by a comma
        // before its complement is a reduced passive relative.
        if self.norm(t0.wrapping_sub(1)) == ","
            && t_end == t0 + 1
            && matches!(self.norm(t_end), "of" | "in" | "over" | "with")
        {
            return true;
        }
        // "women convicted of", "soldiers killed in": a participle right after its noun and
        // before a preposition is a reduced passive relative.
        // Only when that noun is itself an object or inside a phrase ("exonerated four women
        // convicted of"), not a clause's subject ("students protested in Belgrade").
        let Some(m) = self.mention_ending(t0) else { return false };
        let mi = self.mi(m);
        let c = self.cl(t0);
        let governed = mi.prep.is_some()
            || (0..mi.start).any(|k| {
                self.cl(k) == c && self.toks.get(k).is_some_and(|t| t.norm.ends_with("ed"))
            });
        governed
            && t_end == t0 + 1
            && matches!(
                self.norm(t_end),
                "of" | "in"
                    | "for"
                    | "during"
                    | "at"
                    | "near"
                    | "with"
                    | "over"
                    | "under"
                    | "while"
                    | "."
                    | ","
                    | ";"
                    | "and"
                    | "or"
                    | ""
            )
    }

    fn aux_before(&self, t0: usize, kinds: &[AuxKind], window: usize) -> Option<&Hit> {
        // "denied that its forces attacked": a negating verb reaches over "that".
        let clause_start = (0..t0).rev().find(|&k| self.cl(k) != self.cl(t0)).map_or(0, |k| k + 1);
        let over_that = self.norm(clause_start) == "that";
        self.aux_hits.iter().rev().find(|h| {
            h.end <= t0
                && t0 - h.end <= window
                && (self.cl(h.start) == self.cl(t0)
                    || (over_that
                        && h.end == clause_start
                        && kinds.contains(&AuxKind::Negated)
                        && self_kind(self, h) == Some(AuxKind::Negated)))
                && self_kind(self, h).is_some_and(|k| kinds.contains(&k))
        })
    }

    fn quote_speaker(&self, t: usize) -> Option<Option<(usize, usize)>> {
        self.quotes.speaker(self.pos, t)
    }

    /// All triggers of the sentence, overlapping ones resolved longest first.
    fn triggers<'c>(&self, coder: &'c EventCoder, hits: Vec<Hit>) -> Vec<Trig<'c>> {
        let mut hits = hits;
        hits.sort_by_key(|h| (std::cmp::Reverse(h.end - h.start), h.start, h.item));
        let mut taken: Vec<Trig<'c>> = Vec::new();
        for h in hits {
            if let Some(t) = taken.iter_mut().find(|t| t.hit.start == h.start && t.hit.end == h.end)
            {
                if let Some(p) = coder.triggers.item(h.item) {
                    t.alts.push((h, p));
                }
                continue;
            }
            if taken.iter().any(|t| t.hit.start < h.end && h.start < t.hit.end) {
                continue;
            }
            // A trigger word inside a name ("Strike Force", "Peace Now") is part of the name.
            let in_name = self.ms.iter().any(|m| {
                m.kind == MentionKind::Name && m.tokens.start <= h.start && h.end <= m.tokens.end
            });
            if in_name {
                continue;
            }
            // "attacks on Israeli ships": a verb form that is the head of a noun phrase the
            // actor coder found ("ships", "strikes") is a noun.
            // "Israeli ships": a lower-case word right after a capitalised adjective the actor
            // coder took for a party is the noun that adjective qualifies.
            let after_adjective = self.ms.iter().any(|m| {
                m.kind == MentionKind::Nominal
                    && m.tokens.end == h.start
                    && m.tokens.len() == 1
                    && m.tokens.start > 0
                    && !matches!(self.norm(m.tokens.start - 1), "\"" | "(" | ":" | "-")
                    && self.toks.get(m.tokens.start).is_some_and(|t| t.capitalised)
                    && self.toks.get(h.start).is_some_and(|t| !t.capitalised)
            });
            let in_nominal = after_adjective
                || self.ms.iter().any(|m| {
                    m.kind == MentionKind::Nominal
                        && m.tokens.start < h.start
                        && h.start < m.tokens.end
                });
            if in_nominal && coder.triggers.item(h.item).is_some_and(|p| !p.frame.is_noun()) {
                continue;
            }
            if let Some(p) = coder.triggers.item(h.item) {
                taken.push(Trig { hit: h, pat: p, alts: Vec::new() });
            }
        }
        // Same words read as a verb or a noun ("clashes", "sanctions"): put the likelier
        // reading first, and drop verb readings where only a noun fits ("the sanctions",
        // "despite sanctions", "the detained journalists").
        let mut out = Vec::with_capacity(taken.len());
        for t in taken {
            let mut readings: Vec<(Hit, &'c Pattern)> = vec![(t.hit, t.pat)];
            readings.extend(t.alts);
            let nounish = self.noun_context(t.hit.start, t.hit.end);
            let strong = self.strong_noun_context(t.hit.start);
            let after_prep = is(self.toks.get(t.hit.start.wrapping_sub(1)), PREPS);
            let has_noun = readings.iter().any(|(_, p)| p.frame.is_noun());
            readings.retain(|(h, p)| {
                p.frame.is_noun()
                    || !(strong || nounish && has_noun)
                    || (after_prep && h.form == Some(Form::Gerund))
            });
            readings.sort_by_key(|(_, p)| p.frame.is_noun() != nounish);
            if readings.is_empty() {
                continue;
            }
            let (hit, pat) = readings.remove(0);
            out.push(Trig { hit, pat, alts: readings });
        }
        out.sort_by_key(|t| t.hit.start);
        out
    }

    /// Whether only a noun can stand at `t0`: after a determiner, a preposition other than
    /// "to", a possessive or a number.
    fn strong_noun_context(&self, t0: usize) -> bool {
        let Some(p) = t0.checked_sub(1) else { return false };
        let prev = self.norm(p);
        (DETERMINERS.contains(&prev) && prev != "all" && prev != "both")
            || (PREPS.contains(&prev) && prev != "to")
            || ADJECTIVES.contains(&prev)
            // "suffered torture", "launched attacks": the object of a light verb is a noun;
            // after an aspect verb a gerund is the verb ("began releasing").
            || (self.aux_hits.iter().any(|h| {
                h.end == t0
                    && matches!(self_kind(self, h), Some(AuxKind::Light | AuxKind::Undergo))
            }) && !(ASPECT.contains(&prev) && self.norm(t0).ends_with("ing")))
            || matches!(
                prev,
                "'s" | "'"
                    | "these"
                    | "those"
                    | "new"
                    | "fresh"
                    | "renewed"
                    | "other"
                    | "attempted"
                    | "any"
                    | "no"
                    | "every"
                    | "more"
                    | "several"
            )
            || self.toks.get(p).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// The candidates of this sentence; `earlier` are the document's candidates so far.
    fn candidates(
        &mut self,
        coder: &EventCoder,
        hits: Vec<Hit>,
        earlier: &[EventCandidate],
    ) -> Vec<(EventCandidate, CandFlags)> {
        let trigs = self.triggers(coder, hits);
        self.verb_ends =
            trigs.iter().filter(|t| !t.pat.frame.is_noun()).map(|t| t.hit.end).collect();
        let mut mode_tokens = vec![false; self.toks.len()];
        for h in &self.mode_hits {
            for slot in mode_tokens.iter_mut().take(h.end).skip(h.start) {
                *slot = true;
            }
        }
        let spans: Vec<(usize, usize)> = trigs
            .iter()
            .filter(|t| t.pat.event.is_some())
            .map(|t| (t.hit.start, t.hit.end))
            .collect();
        self.assault_spans = trigs
            .iter()
            .filter(|t| t.pat.event == Some(EventType::Assault))
            .map(|t| (t.hit.start, t.hit.end))
            .collect();
        let mut out: Vec<(EventCandidate, CandFlags)> = Vec::new();
        // Which candidate each trigger became, for statements whose recipient is the target
        // of the event they state ("threatened to attack South Korea").
        let mut cand_of: Vec<Option<usize>> = vec![None; trigs.len()];
        let mut was_embedded: Vec<bool> = vec![false; trigs.len()];
        for (ti, tr) in trigs.iter().enumerate() {
            let Some(event) = tr.pat.event else { continue };
            let emb = self.embedded(&trigs, ti, event, &was_embedded);
            if let Some(flag) = was_embedded.get_mut(ti) {
                *flag = emb.is_some();
            }
            if let Some(vi) = emb {
                let target = if tr.pat.frame.is_noun() {
                    self.objects_pp(tr.hit.end, &tr.pat.preps)
                } else {
                    self.objects(tr.hit.end, &tr.pat.preps, tr.pat.frame == Frame::Verb)
                };
                let holder = cand_of.get(vi).copied().flatten().and_then(|ci| out.get_mut(ci));
                if let Some((c, _)) = holder {
                    let statement = matches!(
                        c.event,
                        EventType::Threaten
                            | EventType::Reject
                            | EventType::Agree
                            | EventType::Request
                            | EventType::Concede
                    );
                    if c.recipients.is_empty() && statement {
                        c.recipients = target
                            .iter()
                            .filter_map(|&i| self.resolved(i))
                            .filter(|m| !c.actors.iter().any(|a| same_actor(a, m)))
                            .collect();
                        dedup_mentions(&mut c.recipients);
                    }
                }
                continue;
            }
            let mut found =
                self.candidate(coder, tr.hit, tr.pat, event, &mode_tokens, &spans, &out, earlier);
            for (h, p) in &tr.alts {
                if found.is_some() {
                    break;
                }
                if let Some(ev) = p.event {
                    found = self.candidate(coder, *h, p, ev, &mode_tokens, &spans, &out, earlier);
                }
            }
            if let Some(c) = found {
                // One candidate per event: the same category with the same parties in one
                // sentence is one event told twice ("struck Gaza, killing 20").
                let dup_at = out.iter().position(|(o, _)| same_event_in_sentence(o, &c.0));
                if let Some(slot) = cand_of.get_mut(ti) {
                    *slot = Some(dup_at.unwrap_or(out.len()));
                }
                match dup_at.and_then(|i| out.get_mut(i)) {
                    Some((o, _)) => {
                        o.aux.historical |= c.0.aux.historical;
                        // The first report's target stands; a later one only fills a gap.
                        if o.recipients.is_empty() {
                            o.recipients = c.0.recipients;
                        }
                        for m in c.0.modes {
                            if !o.modes.contains(&m) {
                                o.modes.push(m);
                            }
                        }
                    }
                    None => out.push(c),
                }
            }
        }
        // "A Kenyan police officer was killed when gang members ambushed a patrol": the one
        // killed is the victim of the attack the sentence tells.
        let victim = self.passive_victim();
        if let Some(v) = victim {
            for (c, _) in out.iter_mut() {
                let theirs = codes_of(&c.actors);
                if c.event == EventType::Assault
                    && c.recipients.is_empty()
                    && !c.actors.is_empty()
                    && v.entity.code.is_some_and(|x| !theirs.contains(&x))
                {
                    c.recipients = vec![v.clone()];
                }
            }
        }
        out
    }

    /// The subject of "was/were killed" (or wounded, injured) in the sentence, when it is a
    /// person or group and not a place.
    fn passive_victim(&self) -> Option<Mention> {
        let k = (1..self.toks.len()).find(|&k| {
            matches!(self.norm(k), "killed" | "wounded" | "injured")
                && (BE.contains(&self.norm(k - 1)) || self.norm(k - 1) == "been")
        })?;
        let mut be = k - 1;
        while be > 0
            && matches!(self.norm(be - 1), "had" | "has" | "have" | "been" | "was" | "were")
        {
            be -= 1;
        }
        let i = self.order.iter().copied().rev().find(|&i| {
            let m = self.mi(i);
            m.end <= be
                && m.prep.is_none()
                && self
                    .ms
                    .get(i)
                    .is_some_and(|x| !matches!(x.kind, MentionKind::Country | MentionKind::Capital))
        })?;
        // Only the subject itself, possibly followed by a description ("serving with ...").
        let m = self.mi(i);
        if be - m.end > 8 {
            return None;
        }
        self.resolved(i)
    }

    /// Whether trigger `ti` only states the content of an earlier verbal event in its clause
    /// ("called on Y to withdraw", "accused Y of attacking", "threatened strikes").
    fn embedded(
        &self,
        trigs: &[Trig],
        ti: usize,
        event: EventType,
        was_embedded: &[bool],
    ) -> Option<usize> {
        let t = trigs.get(ti)?;
        // How the trigger hangs on what precedes it: an infinitive or a prepositional gerund
        // states the content of a statement ("called on Y to withdraw", "accused Y of
        // attacking"); after "and" it is embedded only if its conjunct was.
        let mut k = t.hit.start;
        while k > 0 && ADVERBS.contains(&self.norm(k - 1)) {
            k -= 1;
        }
        let link = self.norm(k.wrapping_sub(1));
        if matches!(link, "and" | "or" | "," | "but") {
            let prev = (0..ti).rev().find(|&j| {
                trigs.get(j).is_some_and(|p| p.pat.event.is_some() && p.hit.end <= t.hit.start)
            })?;
            if !was_embedded.get(prev).copied().unwrap_or(false) {
                return None;
            }
        }
        trigs.iter().take(ti).rposition(|v| {
            let Some(ve) = v.pat.event else { return false };
            let verbal = matches!(
                ve.quad(),
                lapwing_core::plover::Quad::VerbalCooperation
                    | lapwing_core::plover::Quad::VerbalConflict
            );
            if !verbal
                || self.cl(v.hit.start) != self.cl(t.hit.start)
                || t.hit.start < v.hit.end
                || t.hit.start - v.hit.end > 14
            {
                return false;
            }
            // "accused Moscow of stalling, saying Russia had launched 472 drones": what is
            // said after a verb of saying is reported, not the accusation's content.
            let said_between = self.aux_hits.iter().any(|h| {
                h.start >= v.hit.end
                    && h.end <= t.hit.start
                    && self_kind(self, h) == Some(AuxKind::Speech)
            });
            if said_between {
                return false;
            }
            if !t.pat.frame.is_noun() {
                return true;
            }
            // "ratified the agreement with X": the agreement is what is signed.
            let between = (t.hit.end..t.hit.end + 2).any(|k| self.norm(k) == "between");
            if ve == EventType::Support
                && event == EventType::Agree
                && t.hit.start - v.hit.end <= 4
                && !between
            {
                return true;
            }
            let future_oriented = matches!(
                ve,
                EventType::Request
                    | EventType::Agree
                    | EventType::Threaten
                    | EventType::Reject
                    | EventType::Concede
            );
            future_oriented && (event != EventType::Assault || ve == EventType::Threaten)
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        coder: &EventCoder,
        hit: Hit,
        pat: &Pattern,
        event: EventType,
        mode_tokens: &[bool],
        spans: &[(usize, usize)],
        same_sentence: &[(EventCandidate, CandFlags)],
        earlier: &[EventCandidate],
    ) -> Option<(EventCandidate, CandFlags)> {
        let (t0, t1) = (hit.start, hit.end);
        let preps: &[String] = &pat.preps;
        let mut entries = vec![entry_ref("trigger", &pat.origin, self.s, t0, t1)];
        let mut actors: Vec<usize> = Vec::new();
        let mut recips: Vec<usize> = Vec::new();
        let mut conf = pat.confidence;
        let mut flags = CandFlags { party: pat.has("party"), again: false, subject: Vec::new() };
        let mut inherited: Option<(Vec<Mention>, Vec<Mention>)> = None;
        let mut from_speaker: Option<Mention> = None;
        let mut place_actor: Option<Mention> = None;
        let mut was_passive = false;

        match pat.frame {
            Frame::Verb | Frame::VerbIntrans | Frame::VerbMutual | Frame::VerbReverse => {
                let passive = self.passive(t0, t1, hit.form)
                    && (self.by_agent_follows(t1)
                        || self.be_before(t0)
                        || matches!(pat.frame, Frame::Verb | Frame::VerbReverse));
                was_passive = passive;
                let direct = pat.frame == Frame::Verb || pat.frame == Frame::VerbReverse;
                let subj = self.verb_subject(t0, same_sentence);
                // The grammatical subject, whatever the roles become ("met X and praised").
                flags.subject = subj.iter().filter_map(|&i| self.ms.get(i).cloned()).collect();
                if !passive && self.uncoded_subject(t0) {
                    return None;
                }
                if passive {
                    actors = self.pp_after(t1, &["by"], 4);
                    recips = subj;
                    if pat.frame == Frame::VerbReverse {
                        std::mem::swap(&mut actors, &mut recips);
                    }
                } else {
                    let mut obj = self.objects(t1, preps, direct);
                    // "rounding up and deporting undocumented Afghans": coordinated verbs share
                    // the object after the second.
                    if obj.is_empty() && direct && self.norm(t1) == "and" {
                        let next_end = self
                            .verb_ends
                            .iter()
                            .copied()
                            .filter(|&e| e > t1 + 1 && e <= t1 + 4)
                            .min();
                        if let Some(e) = next_end {
                            obj = self.objects(e, preps, direct);
                        }
                    }
                    match pat.frame {
                        Frame::VerbReverse => {
                            actors = obj;
                            recips = subj;
                        }
                        Frame::VerbMutual => {
                            actors = subj;
                            actors.extend(self.pp_after(t1, &["with", "against"], 4));
                            actors.extend(obj);
                        }
                        _ => {
                            actors = subj;
                            recips = obj;
                        }
                    }
                    // "warned Taiwan of consequences": the object inside a gapped trigger.
                    // "ordered the French ambassador ... to leave": with `inner`, the object is
                    // always the one inside.
                    if (recips.is_empty() || pat.has("inner")) && direct && t1 > t0 + 2 {
                        let inner = self.order.iter().copied().find(|&i| {
                            let m = self.mi(i);
                            m.start > t0
                                && m.start <= t0 + 2
                                && m.end < t1
                                && m.prep.is_none_or(|p| p <= t0)
                                // "warned Israel would intensify": the subject of what is said.
                                && !matches!(
                                    self.norm(m.end),
                                    "would" | "will" | "was" | "is" | "had" | "has" | "could"
                                )
                        });
                        // No one inside ("warned of action against Israel"): the object after
                        // the trigger stands.
                        if let Some(i) = inner {
                            recips = vec![i];
                        }
                    }
                }
            }
            Frame::Noun | Frame::NounMutual => {
                // Role phrases follow the head noun, also inside a gapped trigger ("a ceasefire
                // between Israel and Hezbollah took effect").
                let th = t0 + 1;
                let between = self.pp_after(th, &["between", "among"], 6);
                let by = self.pp_after(th, &["by"], 4);
                let pre = self.premodifier(t0, mode_tokens);
                if pat.frame == Frame::NounMutual {
                    actors.extend(pre);
                    actors.extend(between);
                    actors.extend(self.pp_after(th, &["with"], 3));
                    actors.extend(by);
                } else {
                    if !between.is_empty() {
                        let mut it = between.into_iter();
                        actors.extend(it.next());
                        if event == EventType::Agree {
                            actors.extend(it);
                        } else {
                            recips.extend(it);
                        }
                    }
                    actors.extend(by);
                    if actors.is_empty() && pat.has("ofagent") {
                        actors.extend(self.pp_after(t1, &["of"], 2));
                    }
                    if actors.is_empty() {
                        actors.extend(pre);
                    }
                    recips.extend(self.objects_pp(t1, preps));
                }
                if actors.is_empty() || recips.is_empty() {
                    if let Some((kind, subj)) = self.light_subject(t0, mode_tokens, same_sentence) {
                        match kind {
                            AuxKind::Undergo if recips.is_empty() => recips = subj,
                            AuxKind::Light if actors.is_empty() => actors = subj,
                            _ => {}
                        }
                    }
                }
                // "Trudeau talked trade during a phone call with Merkel": the clause's subject
                // holds the meeting it is in.
                if actors.is_empty() && event == EventType::Consult && !recips.is_empty() {
                    let mut j = t0;
                    while j > 0
                        && t0 - j < 3
                        && !is(self.toks.get(j - 1), &["during", "in", "at", "after"])
                        && self.toks.get(j - 1).is_some_and(|t| t.kind == TokenKind::Word)
                    {
                        j -= 1;
                    }
                    if is(self.toks.get(j.wrapping_sub(1)), &["during", "in", "at", "after"]) {
                        actors = self.subject(j - 1);
                    }
                }
            }
        }
        // "the largest prisoner swap of the war, agreed at talks in Istanbul last week": a
        // participle set off by a comma, with no subject, describes the noun before it.
        // ("Nasrallah, killed in an Israeli strike": a killing told so is still one.)
        if !pat.frame.is_noun()
            && event != EventType::Assault
            && self.norm(t0.wrapping_sub(1)) == ","
            && self.norm(t0).ends_with("ed")
            && is(
                self.toks.get(t1),
                &["at", "in", "by", "during", "on", "under", "last", "earlier", "since"],
            )
        {
            return None;
        }
        // "Iran backs Assad's government", "Syrian forces, backed by Russia": a standing
        // relation told in the present, or a participle describing a noun, is background, not
        // something that happened (a headline's present is its news, so the first sentence keeps it).
        let present = match hit.form {
            Some(f) => f == Form::Present,
            // A trigger listed with its inflections ("backed/backs/backing").
            None => {
                let w = self.norm(t0);
                w.ends_with('s') && !w.ends_with("ss")
            }
        };
        // "the U.N.-backed mission": a compound adjective describes.
        if pat.has("stative") && self.norm(t0.wrapping_sub(1)) == "-" {
            return None;
        }
        if pat.has("stative")
            && ((present && !self.headline()) || (was_passive && !self.be_before(t0)))
        {
            return None;
        }
        // "jihadists fighting in Iraq", "groups fighting to topple Assad": a present participle
        // right after its noun describes the noun; the sentence reports something else.
        if (hit.form == Some(Form::Gerund)
            || (pat.frame.is_noun() && self.norm(t0).ends_with("ing")))
            && self.mention_ending(t0).is_some()
            && !BE.contains(&self.norm(t0.wrapping_sub(1)))
        {
            return None;
        }
        // "adopted sanctions against Russia, targeting 200 vessels": a participle after a
        // comma describes the act before it; only after an attack is it another blow.
        if event == EventType::Assault
            && self.norm(t0.wrapping_sub(1)) == ","
            && self.norm(t0).ends_with("ing")
            && same_sentence.last().is_some_and(|(c, _)| {
                !matches!(c.event, EventType::Assault | EventType::Coerce | EventType::Mobilize)
            })
        {
            return None;
        }
        // "Saudi Arabia, which has observed a truce since April 2022", "has carried out a dozen
        // strikes since": a perfect that runs since some time is a state, not today's news.
        if !pat.frame.is_noun()
            && matches!(self.norm(t0.wrapping_sub(1)), "has" | "have")
            && (t1..(t1 + 10).min(self.toks.len()))
                .any(|k| self.norm(k) == "since" && self.cl(k.saturating_sub(1)) == self.cl(t0))
        {
            return None;
        }
        // "Gangs stormed the town, torching homes and freeing 500 inmates": a release told as
        // part of an attack is the attack's doing, not a concession.
        if event == EventType::Retreat
            && self.norm(t0).ends_with("ing")
            && (t0.saturating_sub(12)..t0).any(|k| self.norm(k) == ",")
            && same_sentence.iter().any(|(c, _)| c.event == EventType::Assault)
        {
            return None;
        }
        // "al-Shabaab, which has been fighting for more than 15 years": a state of years.
        if self.norm(t0.wrapping_sub(1)) == "been"
            && self.norm(t0).ends_with("ing")
            && (t1..(t1 + 8).min(self.toks.len())).any(|k| {
                matches!(self.norm(k), "years" | "decades" | "months")
                    && (k.saturating_sub(4)..k).any(|j| self.norm(j) == "for")
            })
        {
            return None;
        }
        // "a withdrawal demanded by the junta", "a plan backed by Russia": a statement told by a
        // participle describing a noun refers to it; the sentence reports something else.
        let verbal_quad = matches!(
            event.quad(),
            lapwing_core::plover::Quad::VerbalCooperation
                | lapwing_core::plover::Quad::VerbalConflict
        );
        if verbal_quad
            && !pat.frame.is_noun()
            && was_passive
            && !self.be_before(t0)
            && self.by_agent_follows(t1)
            && self.toks.get(t0.wrapping_sub(1)).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.capitalised && self.mention_ending(t0).is_none()
            })
        {
            return None;
        }
        // "the first visit since Russia's invasion of Ukraine": a noun after "since" dates
        // something else.
        if pat.frame.is_noun() && (t0.saturating_sub(4)..t0).any(|k| self.norm(k) == "since") {
            return None;
        }
        // "slogans against Israel's bombardment of Gaza", "anger over the killing": an attack
        // named as what people object to is background here.
        if pat.frame.is_noun()
            && event == EventType::Assault
            && (t0.saturating_sub(4)..t0).any(|k| matches!(self.norm(k), "against" | "over"))
        {
            return None;
        }
        // "Hail Trump, hail our people!": an imperative inside a quote is a slogan or an
        // exhortation, not an act of the speaker's.
        if !pat.frame.is_noun()
            && hit.form == Some(Form::Present)
            && self.quote_speaker(t0).is_some()
            && !self.norm(t0).ends_with('s')
            && matches!(self.norm(t0.wrapping_sub(1)), "\"" | "," | "" | "!" | ":")
        {
            return None;
        }
        // "Trump narrowly beat Clinton in Wisconsin": a contest, not a blow.
        if pat.has("physical") && self.toks.iter().any(|t| CONTEST.contains(&t.norm.as_str())) {
            return None;
        }
        // "'What about the hospitals?' the senator asked.": the verb attributes a quote.
        if pat.has("speech")
            && recips.is_empty()
            && !matches!(self.norm(t1), "for" | "to" | "that" | "the" | "a" | "an")
        {
            return None;
        }
        // "the outbreak has been arrested": a person's act only when a person undergoes it.
        if pat.has("person")
            && was_passive
            && recips.is_empty()
            && self.passive_patient(t0).is_none()
            && t0 > 0
            && BE.contains(&self.norm(t0 - 1))
        {
            return None;
        }
        actors.sort_unstable();
        actors.dedup();
        recips.retain(|r| !actors.contains(r));
        recips.sort_unstable();
        recips.dedup();

        // "Iran said the United States had crossed a red line": a charge is the reporter's
        // accusation against the one it names, and nothing without a reporter.
        if pat.has("charge") {
            // "Hezbollah was \"playing with fire\"": the quote mark cuts the clause, not the
            // subject off.
            if actors.is_empty() {
                actors = self
                    .order
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let m = self.mi(i);
                        m.end <= t0
                            && m.prep.is_none()
                            && (m.end..t0).all(|k| {
                                BE.contains(&self.norm(k))
                                    || ADVERBS.contains(&self.norm(k))
                                    || matches!(
                                        self.norm(k),
                                        "\"" | "been" | "had" | "has" | "have" | "still"
                                    )
                            })
                    })
                    .take(1)
                    .collect();
            }
            if was_passive || actors.is_empty() {
                return None;
            }
            recips = std::mem::take(&mut actors);
            match self.reporter(t0, t1) {
                Some(Ok(i)) => actors = vec![i],
                Some(Err((ss, mi))) => {
                    from_speaker = self.all.get(ss).and_then(|v| v.get(mi)).cloned();
                }
                None => return None,
            }
            if from_speaker.is_none() && actors.iter().any(|a| recips.contains(a)) {
                return None;
            }
            // A verb coordinated after the charge ("..., and warned") is the reporter's.
            flags.subject = match &from_speaker {
                Some(m) => vec![m.clone()],
                None => actors.iter().filter_map(|&i| self.ms.get(i).cloned()).collect(),
            };
        }

        // Inside a quote, "we" and an empty subject are the speaker.
        let speaker = self.quote_speaker(t0).flatten();
        let first_person = !pat.frame.is_noun()
            && (t0.saturating_sub(3)..t0).any(|k| matches!(self.norm(k), "we" | "i"));
        if let Some((ss, mi)) = speaker {
            let pronoun_only = actors.iter().all(|&a| {
                self.ms
                    .get(a)
                    .is_some_and(|m| m.kind == MentionKind::Pronoun && m.entity.code.is_none())
            });
            if (actors.is_empty() && first_person && !was_passive)
                || (pronoun_only && !actors.is_empty())
            {
                if let Some(m) = self.all.get(ss).and_then(|v| v.get(mi)) {
                    from_speaker = Some(m.clone());
                    actors.clear();
                }
            }
        }
        // "Putin blamed me", said Clinton: "me"/"us" right after the verb is the speaker.
        let mut speaker_recipient: Option<Mention> = None;
        if let Some((ss, mi)) = speaker {
            if recips.is_empty()
                && !was_passive
                && !pat.frame.is_noun()
                && matches!(self.norm(t1), "me" | "us")
            {
                speaker_recipient = self.all.get(ss).and_then(|v| v.get(mi)).cloned();
            }
        }

        // "was arrested", "were sentenced to ten years": with no agent named, the police or
        // the courts of the place did it.
        // Only a finite passive ("was arrested"); a reduced relative ("four women convicted
        // of") reports no new act.
        if actors.is_empty()
            && from_speaker.is_none()
            && was_passive
            && self.be_before(t0)
            && pat.has("authority")
        {
            // Courts convict, governments free, police arrest.
            let sector = match event {
                EventType::Sanction => Sector::Jud,
                EventType::Retreat => Sector::Gov,
                _ => Sector::Cop,
            };
            place_actor = self.authority(t0, t1, sector, &recips);
        }
        // "a car bomb killed 13 soldiers", "two people were killed in a knife attack": an
        // attack whose perpetrator is unknown still has its victims.
        let mut unknown_attacker = false;
        // "Haniyeh was killed in an Israeli strike in Tehran": the person killed is the
        // target; the capital only says where.
        if event == EventType::Assault
            && pat.frame == Frame::Noun
            && !recips.is_empty()
            && recips.iter().all(|&r| {
                self.ms.get(r).is_some_and(|m| m.kind == MentionKind::Capital)
                    && self.prep_of(r) == Some("in")
            })
        {
            let victims = self.attack_victims(t0, t1);
            if !victims.is_empty() {
                recips = victims;
            }
        }
        // "bombs exploded outside the U.S. embassies": the building a blast hits stands for
        // its owner.
        if event == EventType::Assault && pat.frame == Frame::Noun && recips.is_empty() {
            recips = self.attacked_site(t1);
            unknown_attacker = actors.is_empty() && from_speaker.is_none() && !recips.is_empty();
        }
        if event == EventType::Assault && pat.frame == Frame::Noun && recips.is_empty() {
            recips = self.attack_victims(t0, t1);
            recips.retain(|r| !actors.contains(r));
            unknown_attacker = actors.is_empty() && from_speaker.is_none() && !recips.is_empty();
        }

        // Protests with no named protesters are the civilians of the place they are in.
        if actors.is_empty()
            && from_speaker.is_none()
            && event == EventType::Protest
            && (matches!(pat.frame, Frame::Noun | Frame::NounMutual | Frame::VerbIntrans)
                || pat.modes.contains(&Mode::Demo))
        {
            place_actor = self.place_civilians(t1);
            // "a protest that forced council members indoors was broken up": a protest told
            // as news (not "the protest", which refers back) with no place named is the
            // story's country's civilians'.
            let indefinite = matches!(self.norm(t0.wrapping_sub(1)), "a" | "an");
            if place_actor.is_none() && pat.frame.is_noun() && indefinite {
                place_actor = self.doc_country.map(|code| {
                    let mut m = self.unplaced_person(t0..t1, code);
                    m.entity.sector = Some(Sector::Cvl);
                    m
                });
            }
        }

        // "Three soldiers were killed in northern Mali": a finite passive with no agent still
        // has its victims, when no other attack in the sentence tells who did it.
        let passive_victims = actors.is_empty()
            && from_speaker.is_none()
            && place_actor.is_none()
            && pat.has("victim")
            && was_passive
            && self.be_before(t0)
            && !recips.is_empty()
            && !self.assault_spans.iter().any(|&(a, b)| (a, b) != (t0, t1))
            && self.victims_are_subject(&recips, t0)
            && !self.incident_follows(t1)
            // "Seven other people were wounded": details of an attack just told.
            && !earlier.iter().rev().take_while(|e| self.pos.saturating_sub(e.sentence) <= 3).any(|e| e.event == EventType::Assault);
        if passive_victims {
            unknown_attacker = true;
        }
        if actors.is_empty() && from_speaker.is_none() && place_actor.is_none() && !passive_victims
        {
            // An unknown attacker's victims are coded even when no earlier attack is found.
            let fallback = unknown_attacker;
            if !pat.frame.is_noun() || pat.has("noinherit") {
                return None;
            }
            let again = self.aux_before(t0, &[AuxKind::Again], 4).is_some()
                || self.aux_hits.iter().any(|h| {
                    h.start >= t1 && h.start <= t1 + 5 && self_kind(self, h) == Some(AuxKind::Again)
                });
            let definite = (t0.saturating_sub(3)..t0).any(|k| {
                matches!(self.norm(k), "the" | "these" | "those" | "this" | "that" | "such" | "'s")
            });
            if !(definite || again || fallback) {
                return None;
            }
            let recent =
                || earlier.iter().rev().take_while(|e| self.pos.saturating_sub(e.sentence) <= 6);
            let two_sided = pat.frame == Frame::NounMutual;
            let prev = recent()
                .find(|e| e.event == event && e.pattern_id == pat.origin.key)
                .or_else(|| {
                    recent().find(|e| {
                        e.event == event
                            && (!two_sided || (e.recipients.is_empty() && !e.actors.is_empty()))
                    })
                })
                .or_else(|| recent().find(|e| e.event == event))
                .filter(|_| definite || again);
            match prev {
                Some(prev) => {
                    inherited = Some((prev.actors.clone(), prev.recipients.clone()));
                    flags.again = again;
                    conf -= 0.15;
                }
                None if fallback => {}
                None => return None,
            }
        }

        // Categories the actor decides: a strike by workers is a protest, not an attack; a
        // government's "protest" is verbal disapproval.
        let mut event = event;
        let mut modes = pat.modes.clone();
        let first_sector =
            |ids: &[usize]| ids.first().and_then(|&i| self.ms.get(i)).and_then(|m| m.entity.sector);
        let lead_sector = inherited
            .as_ref()
            .and_then(|(a, _)| a.first().and_then(|m| m.entity.sector))
            .or_else(|| first_sector(&actors));
        if pat.has("labour")
            && matches!(lead_sector, Some(Sector::Lab | Sector::Cvl | Sector::Edu | Sector::Med))
        {
            // A workers' strike is a protest; "they began to strike" by civilians is too
            // unclear to code.
            // ("Prisoners launched a hunger strike" names the strike.)
            let names_strike = (t0..t1).any(|k| self.norm(k).starts_with("strike"));
            if !pat.frame.is_noun() && !names_strike {
                return None;
            }
            event = EventType::Protest;
            // "launched a hunger strike".
            let hunger = (t0..t1).any(|k| self.norm(k) == "hunger");
            modes = vec![if hunger { Mode::Hunger } else { Mode::Strike }];
            recips.clear();
        }
        let lead_kind = actors.first().and_then(|&i| self.ms.get(i)).map(|m| m.kind);
        if event == EventType::Protest
            && !pat.frame.is_noun()
            && (matches!(lead_sector, Some(Sector::Gov | Sector::Leg | Sector::Jud | Sector::Mil))
                || (lead_sector.is_none() && lead_kind == Some(MentionKind::Country)))
        {
            event = EventType::Accuse;
            modes = vec![Mode::Disapprove];
            if recips.is_empty() {
                recips = self.objects(t1, preps, true);
            }
        }
        // Civilians doing damage amid riot cues are rioting.
        let riot_cue = self.mode_hits.iter().any(|h| {
            self.cl(h.start) == self.cl(t0)
                && coder.modes.item(h.item).is_some_and(|c| c.mode == Mode::Riot)
        });
        // "Protesters stormed parliament", "demonstrators set fire to the building": people
        // named as protesters doing damage are rioting, with or without a riot cue.
        let protesters = actors.first().and_then(|&i| self.ms.get(i)).is_some_and(|m| {
            self.toks.get(m.head).is_some_and(|t| PROTESTERS.contains(&t.norm.as_str()))
        });
        if event == EventType::Assault
            && lead_sector == Some(Sector::Cvl)
            && (riot_cue || (protesters && pat.frame == Frame::Verb))
        {
            event = EventType::Protest;
            modes = vec![Mode::Riot];
            // Cars and shops set alight are no target; an embassy or parliament stormed is.
            if !protesters {
                recips.clear();
            }
        }
        // An "attack" by hackers is a cyber operation.
        let cyber_cue = self.mode_hits.iter().any(|h| {
            h.end + 8 >= t0
                && h.start <= t1 + 10
                && coder.modes.item(h.item).is_some_and(|c| c.mode == Mode::Cyber)
        });
        if event == EventType::Assault && cyber_cue {
            event = EventType::Coerce;
            modes = vec![Mode::Cyber];
        }
        modes.retain(|m| m.belongs_to(event));

        // Modes: the pattern's own, then cues near the trigger.
        for h in &self.mode_hits {
            let near = (h.end <= t0 && t0 - h.end <= 8)
                || (h.start >= t1 && h.start - t1 <= 10)
                || (h.start >= t0 && h.end <= t1);
            let same_clause = self.cl(h.start) == self.cl(t0)
                || self.cl(h.start) == self.cl(t1.saturating_sub(1));
            if !near || !same_clause {
                continue;
            }
            let Some(cue) = coder.modes.item(h.item) else { continue };
            if cue.event == event && !modes.contains(&cue.mode) && modes.len() < 2 {
                modes.push(cue.mode);
                entries.push(entry_ref("mode", &cue.origin, self.s, h.start, h.end));
            }
        }

        let mut actor_ms: Vec<Mention> = match (&inherited, &from_speaker, &place_actor) {
            (Some((a, _)), _, _) => a.clone(),
            (_, Some(m), _) => vec![m.clone()],
            (_, _, Some(m)) => vec![m.clone()],
            _ => actors.iter().filter_map(|&i| self.resolved(i)).collect(),
        };
        let mut recip_ms: Vec<Mention> = match &inherited {
            _ if speaker_recipient.is_some() => speaker_recipient.iter().cloned().collect(),
            // "Three people were wounded in the attack": the victims named here, when the
            // earlier report named none (else it is the same event, told again).
            Some((_, r)) if recips.is_empty() || !r.is_empty() => r.clone(),
            _ => recips.iter().filter_map(|&i| self.resolved(i)).collect(),
        };
        // "a London rally", "Paris protests": the place's people protest, not its government.
        if event == EventType::Protest && pat.frame.is_noun() && inherited.is_none() {
            for m in actor_ms.iter_mut() {
                if matches!(m.kind, MentionKind::Country | MentionKind::Capital) {
                    m.entity.sector = Some(Sector::Cvl);
                }
            }
        }
        // A site ("a hospital", "villages") stands for its people only as the target of
        // material conflict: visiting a hospital is no meeting with its staff.
        if event.quad() != lapwing_core::plover::Quad::MaterialConflict {
            recip_ms.retain(|m| {
                !(m.kind == MentionKind::Nominal
                    && self.toks.get(m.head).is_some_and(|t| SITE_HEADS.contains(&t.norm.as_str())))
            });
        }
        // A country named as the actor of a statement or a sanction is its government.
        let verbal = matches!(
            event.quad(),
            lapwing_core::plover::Quad::VerbalCooperation
                | lapwing_core::plover::Quad::VerbalConflict
        ) || event == EventType::Sanction;
        if verbal {
            for m in actor_ms.iter_mut() {
                if m.kind == MentionKind::Country && m.entity.sector.is_none() {
                    m.entity.sector = Some(Sector::Gov);
                }
            }
        }
        // "fired 200 rockets and a swarm of drones at Israeli positions", "sent supplies,
        // including tents, to Myanmar": the recipient's preposition may come after a list.
        let material = matches!(
            event,
            EventType::Assault
                | EventType::Aid
                | EventType::Sanction
                | EventType::Mobilize
                | EventType::Coerce
                | EventType::Retreat
                | EventType::Cooperate
        );
        if material && recip_ms.is_empty() && !pat.preps.is_empty() && !pat.frame.is_noun() {
            let lists = matches!(event, EventType::Aid | EventType::Sanction);
            let mut k = t1;
            let end = (t1 + 14).min(self.toks.len());
            while k < end {
                let n = self.norm(k);
                let other_trigger = spans.iter().any(|&(a, _)| a == k && a != t0);
                if other_trigger
                    || matches!(n, "." | ";" | ":" | "said" | "says" | "who" | "which" | "after")
                    || (n == "," && !lists)
                {
                    break;
                }
                if pat.preps.iter().any(|p| p == n) {
                    let found = self.order.iter().copied().find(|&i| {
                        let m = self.mi(i);
                        m.start > k
                            && m.start <= k + 5
                            && !(k + 1..m.start).any(|j| {
                                PREPS.contains(&self.norm(j))
                                    || self.toks.get(j).is_some_and(|t| {
                                        t.kind == TokenKind::Punct && t.norm != "-"
                                    })
                            })
                    });
                    if let Some(i) = found {
                        recip_ms.extend(self.resolved(i));
                        break;
                    }
                }
                k += 1;
            }
        }
        // "Israeli jets struck missile launchers and storage sites in western Iran": targets
        // no one codes, in a named country, are that country's.
        if event == EventType::Assault && recip_ms.is_empty() && !pat.frame.is_noun() {
            let c = self.cl(t0);
            let end = (t1 + 10).min(self.toks.len());
            let target = (t1..end)
                .take_while(|&k| self.cl(k) == c && !spans.iter().any(|&(a, _)| a == k))
                .filter(|&k| self.norm(k) == "in")
                .find_map(|k| {
                    self.order.iter().copied().find(|&i| {
                        let m = self.mi(i);
                        m.start > k
                            && m.start <= k + 2
                            && self.ms.get(i).is_some_and(|x| x.kind == MentionKind::Country)
                    })
                });
            if let Some(mut m) = target.and_then(|i| self.resolved(i)) {
                m.entity.sector = None;
                if actor_ms.iter().all(|a| a.entity.code != m.entity.code) {
                    recip_ms.push(m);
                }
            }
        }
        // "moved troops to its border with Finland": the neighbour is the one faced.
        if event == EventType::Mobilize && recip_ms.is_empty() {
            let c = self.cl(t0);
            let border = (t1..(t1 + 12).min(self.toks.len())).find(|&k| {
                matches!(self.norm(k), "border" | "borders" | "frontier" | "boundary")
                    && self.norm(k + 1) == "with"
                    && self.cl(k) == c
            });
            if let Some(k) = border {
                let next = self.order.iter().copied().find(|&i| self.mi(i).start == k + 2);
                recip_ms.extend(next.and_then(|i| self.resolved(i)));
            }
        }
        // "demanded on Tuesday that M23 rebels withdraw": the one asked is the subject of
        // the that-clause.
        if event == EventType::Request && recip_ms.is_empty() && !pat.frame.is_noun() {
            let that = (t1..(t1 + 5).min(self.toks.len())).find(|&k| self.norm(k) == "that");
            if let Some(k) = that {
                let asked = self.order.iter().copied().find(|&i| {
                    let m = self.mi(i);
                    m.start > k && m.start <= k + 3 && m.prep.is_none()
                });
                recip_ms.extend(asked.and_then(|i| self.resolved(i)));
            }
        }
        // "X rejected those claims", "denied the allegations": the claims are the latest
        // accusation's, so its accusers are the recipients.
        if event == EventType::Reject && recip_ms.is_empty() && inherited.is_none() {
            let claim = (t0.saturating_sub(5)..(t1 + 3).min(self.toks.len())).any(|k| {
                matches!(
                    self.norm(k),
                    "claim"
                        | "claims"
                        | "accusation"
                        | "accusations"
                        | "allegation"
                        | "allegations"
                        | "charge"
                        | "charges"
                )
            });
            if claim {
                let accusers = same_sentence
                    .iter()
                    .rev()
                    .map(|(c, _)| c)
                    .chain(
                        earlier
                            .iter()
                            .rev()
                            .take_while(|e| self.pos.saturating_sub(e.sentence) <= 6),
                    )
                    .find(|e| e.event == EventType::Accuse && !e.aux.negated)
                    .map(|e| e.actors.clone())
                    .unwrap_or_default();
                recip_ms = accusers;
            }
        }
        dedup_mentions(&mut actor_ms);
        dedup_mentions(&mut recip_ms);
        // Nobody is the target of their own act here ("police ... seized their goods": the
        // "their" is someone else, misresolved).
        // But a named official's statement to their own state's bodies ("Ahmadinejad's office
        // called on authorities to mobilise") is addressed to them.
        let verbal = matches!(
            event.quad(),
            lapwing_core::plover::Quad::VerbalCooperation
                | lapwing_core::plover::Quad::VerbalConflict
        );
        recip_ms.retain(|r| {
            let own_bodies = verbal
                && r.kind == MentionKind::Nominal
                && actor_ms.iter().all(|a| {
                    a.kind == MentionKind::Name && a.entity.entity_text != r.entity.entity_text
                });
            own_bodies || !actor_ms.iter().any(|a| same_actor(a, r))
        });
        // "police arrested two people", "he stabbed her", "Hickson was sentenced": a person
        // the actor coder cannot place is still the patient; the police, courts or army act on
        // their own state's people, anyone else in the story's country.
        let uncoded_recipients =
            !recip_ms.is_empty() && recip_ms.iter().all(|m| m.entity.code.is_none());
        if (recip_ms.is_empty() || uncoded_recipients)
            && inherited.is_none()
            && pat.frame == Frame::Verb
            && pat.has("person")
        {
            let state_actor = actor_ms.first().and_then(|m| {
                // Soldiers and governments also kill foreigners; police and courts act at home.
                let organ = match event {
                    EventType::Assault => matches!(m.entity.sector, Some(Sector::Cop)),
                    _ => matches!(
                        m.entity.sector,
                        Some(Sector::Cop | Sector::Jud | Sector::Gov | Sector::Mil | Sector::Spy)
                    ),
                };
                m.entity.code.filter(|c| organ && !c.is_non_state())
            });
            let code = state_actor.or(self.doc_country);
            if uncoded_recipients {
                // "a Metcalfe County man is arrested": the person is coded, the state not.
                for m in recip_ms.iter_mut() {
                    m.entity.code = code;
                }
            } else {
                let patient =
                    if was_passive { self.passive_patient(t0) } else { self.object_patient(t1) };
                if let (Some(range), Some(code)) = (patient, code) {
                    recip_ms.push(self.unplaced_person(range, code));
                }
            }
        }
        // A curfew, martial law or a ban that names no target falls on the state's own
        // people; tear gas with no target is fired at its own civilians (protesters).
        // A siege or blockade falls on someone else.
        let siege = (t0..t1).any(|k| {
            matches!(self.norm(k), "siege" | "sieges" | "blockade" | "blockades" | "besieged")
        });
        let restrictive = event == EventType::Coerce
            && !siege
            && modes.iter().any(|m| {
                matches!(m, Mode::Restrict | Mode::Curfew | Mode::MartialLaw | Mode::Censor)
            });
        let crowd = event == EventType::Assault && modes.contains(&Mode::CrowdControl);
        if recip_ms.is_empty() && (restrictive || crowd) {
            let sector = if crowd { Some(Sector::Cvl) } else { None };
            recip_ms.extend(own_state(&actor_ms).map(|(code, m)| implied_party(m, code, sector)));
        }
        // "Oman brokered a ceasefire between the United States and the Houthis": the parties
        // agreed; the broker only helped.
        if pat.has("broker") && !recip_ms.is_empty() {
            actor_ms = std::mem::take(&mut recip_ms);
        }
        // "Japan's foreign minister held talks with his South Korean counterpart in Tokyo":
        // the visitor is the actor, the host, where the meeting is, the recipient.
        if event == EventType::Consult && actor_ms.len() == 1 && recip_ms.len() == 1 {
            let host = self.order.iter().copied().find_map(|i| {
                let m = self.ms.get(i)?;
                let located = matches!(m.kind, MentionKind::Country | MentionKind::Capital)
                    && matches!(self.prep_of(i), Some("in" | "at"));
                located.then_some(m.entity.code).flatten()
            });
            let (a, r) = (actor_ms[0].entity.code, recip_ms[0].entity.code);
            if host.is_some() && host == a && a != r {
                std::mem::swap(&mut actor_ms, &mut recip_ms);
            }
        }
        // A protest that names no target is made to its own state's authorities: a hunger
        // strike in prison, a rally against a tax, a doctors' strike.
        // "marched to the U.S. mission demanding Elian's return", "burning Serbian flags": a
        // protest at a foreign state's mission, or naming one, is made to that state.
        if event == EventType::Protest && recip_ms.is_empty() {
            if let Some(m) = self.protested_state(t1, &actor_ms) {
                recip_ms.push(m);
            }
        }
        if event == EventType::Protest && recip_ms.is_empty() {
            recip_ms.extend(
                own_state(&actor_ms).map(|(code, m)| implied_party(m, code, Some(Sector::Gov))),
            );
        }
        // Victims with no state named make no usable record.
        let victims_only = unknown_attacker && recip_ms.iter().any(|m| m.entity.code.is_some());
        if actor_ms.is_empty() && !victims_only {
            return None;
        }
        let lead = actor_ms.first().map(|m| (m.entity.code, m.entity.sector));
        let official = |code: Option<ActorCode>, sector: Option<Sector>| {
            matches!(
                sector,
                Some(
                    Sector::Gov
                        | Sector::Jud
                        | Sector::Cop
                        | Sector::Leg
                        | Sector::Spy
                        | Sector::Mil
                        | Sector::Prm
                        | Sector::Reb
                        | Sector::Uaf
                )
            ) || code.is_some_and(|c| c.is_non_state())
                || sector.is_none()
        };
        // A meeting needs a counterpart: "the committee met" is no CONSULT, unless several
        // parties meet or a third party hosts.
        if event == EventType::Consult
            && recip_ms.is_empty()
            && actor_ms.len() < 2
            && !modes.contains(&Mode::ThirdParty)
        {
            return None;
        }
        // Visits and armed interventions are made by officials and armed forces.
        let civil = |s: Option<Sector>| {
            matches!(
                s,
                Some(
                    Sector::Cvl
                        | Sector::Med
                        | Sector::Edu
                        | Sector::Bus
                        | Sector::Lab
                        | Sector::Agr
                        | Sector::Ref
                        | Sector::Jrn
                        | Sector::Crm
                )
            )
        };
        if event == EventType::Consult
            && modes.contains(&Mode::Visit)
            && lead.is_some_and(|(_, s)| civil(s))
        {
            return None;
        }
        // Gunmen fleeing the scene are not displaced people.
        if event == EventType::Sanction
            && pat.frame == Frame::VerbReverse
            && recip_ms.iter().chain(actor_ms.iter()).any(|m| {
                matches!(
                    m.entity.sector,
                    Some(Sector::Uaf | Sector::Reb | Sector::Mil | Sector::Crm | Sector::Prm)
                )
            })
        {
            return None;
        }
        // "demonstrators gathered", "protesters chanted": only people named as dissenters
        // do these as a protest ("mourners gathered" do not).
        if pat.has("civilactor") {
            let dissent = actor_ms.first().is_some_and(|m| {
                matches!(
                    m.entity.sector,
                    Some(Sector::Cvl | Sector::Lab | Sector::Edu | Sector::Opp)
                ) && self.toks.get(m.head).is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "protesters"
                            | "protestors"
                            | "demonstrators"
                            | "activists"
                            | "marchers"
                            | "supporters"
                            | "students"
                            | "strikers"
                            | "rioters"
                            | "dissidents"
                            | "opposition"
                    )
                })
            });
            // "Thousands of women marched to the U.S. mission demanding Elian's return": civilians
            // gathering while they demand, chant or denounce are protesting too.
            let civilians = actor_ms.first().is_some_and(|m| {
                matches!(
                    m.entity.sector,
                    Some(Sector::Cvl | Sector::Lab | Sector::Edu | Sector::Opp)
                )
            });
            // "In a massive demonstration demanding Elian's return, ... women marched".
            let told_as_protest = (0..t0).any(|k| {
                matches!(
                    self.norm(k),
                    "demonstration" | "demonstrations" | "protest" | "protests" | "rally"
                )
            });
            let protesting = civilians
                && (told_as_protest
                    || (t1..(t1 + 16).min(self.toks.len())).any(|k| {
                        matches!(
                            self.norm(k),
                            "demanding"
                                | "chanting"
                                | "protesting"
                                | "denouncing"
                                | "condemning"
                                | "shouting"
                                | "waving"
                                | "burning"
                                | "calling"
                        )
                    }));
            if !dissent && !protesting {
                return None;
            }
        }
        if pat.has("armedactor")
            && !lead.is_some_and(|(c, s)| {
                matches!(s, Some(Sector::Mil | Sector::Prm | Sector::Reb | Sector::Uaf))
                    || c.is_some_and(|c| c.is_non_state())
            })
        {
            return None;
        }
        // An agreement noun needs two parties ("business deals" is no AGREE).
        if event == EventType::Agree && pat.frame == Frame::NounMutual && actor_ms.len() < 2 {
            return None;
        }
        // Investigations and deployments are what authorities and armed groups do.
        let investigate = event == EventType::Accuse && modes.contains(&Mode::Investigate);
        if (investigate || event == EventType::Mobilize)
            && lead.is_some_and(|(c, s)| !official(c, s) && s != Some(Sector::Jrn))
        {
            return None;
        }
        if pat.has("needrecip") && recip_ms.is_empty() {
            return None;
        }
        if modes.is_empty() && event == EventType::Mobilize {
            let sector = actor_ms.first().and_then(|m| m.entity.sector);
            match sector {
                Some(Sector::Mil) => modes.push(Mode::Troops),
                Some(Sector::Cop) => modes.push(Mode::Police),
                Some(Sector::Prm) | Some(Sector::Reb) => modes.push(Mode::Militia),
                _ => {}
            }
        }
        if pat.has("needmode") && modes.is_empty() {
            return None;
        }

        // Did it happen?
        let mut aux = Aux::default();
        let window = 6;
        // A cue modifies the nearest event after it: "did not condemn Russia's invasion"
        // negates the condemning, not the invasion.
        // "would not give up land, rejecting any deal": a participle after a comma is not
        // under the cues of the clause before it.
        let after_comma = self.norm(t0.wrapping_sub(1)) == "," && self.norm(t0).ends_with("ing");
        let no_trigger_between = |h: &Hit| {
            // "by trying to rearm, and warned that ...": ", and" starts another clause.
            let crosses_comma = (after_comma && (h.end..t0).any(|k| self.norm(k) == ","))
                || (h.end..t0)
                    .any(|k| self.norm(k) == "," && matches!(self.norm(k + 1), "and" | "but"));
            !(crosses_comma || spans.iter().any(|&(a, b)| a >= h.end && b <= t0 && a < t0))
        };
        let cue = |kind: AuxKind, w: usize| {
            self.aux_before(t0, &[kind], w).filter(|h| no_trigger_between(h)).copied()
        };
        if let Some(h) = cue(AuxKind::Negated, window) {
            aux.negated = true;
            push_aux(self, coder, &h, &mut entries);
        }
        if let Some(h) = cue(AuxKind::Hypothetical, window) {
            // "Henry said he would resign", "the army said it would pause operations": a
            // reported "would" is the speaker's future, and for a withdrawal that is the
            // announced concession PLOVER codes, not a hypothesis.
            let reported_would = self.norm(h.start) == "would"
                && matches!(event, EventType::Retreat | EventType::Concede)
                && self.aux_hits.iter().any(|s| {
                    s.end <= h.start
                        && h.start - s.end <= 12
                        && self_kind(self, s) == Some(AuxKind::Speech)
                });
            if reported_would {
                aux.future = true;
            } else {
                aux.hypothetical = true;
            }
            push_aux(self, coder, &h, &mut entries);
        }
        if let Some(h) = cue(AuxKind::Future, window) {
            aux.future = true;
            push_aux(self, coder, &h, &mut entries);
        }
        // "warnings that US air strikes against Iraq could do serious harm": an event noun
        // that is the subject of a modal is only thought of.
        if pat.frame.is_noun() && !aux.hypothetical {
            let c = self.cl(t0);
            let modal = (t1..(t1 + 6).min(self.toks.len()))
                .take_while(|&k| {
                    self.cl(k) == c
                        && self.toks.get(k).is_some_and(|t| t.kind != TokenKind::Punct)
                        && !self.verb_ends.contains(&(k + 1))
                })
                .find(|&k| matches!(self.norm(k), "could" | "would" | "might" | "may"));
            if modal.is_some() {
                aux.hypothetical = true;
            }
        }
        // Historical cues may also follow ("attacked us since the fall of the regime").
        let hist_after = self.aux_hits.iter().find(|h| {
            h.start >= t1
                && h.start - t1 <= 8
                && self.cl(h.start) == self.cl(t0)
                && self_kind(self, h) == Some(AuxKind::Historical)
        });
        if let Some(h) = cue(AuxKind::Historical, 12).or(hist_after.copied()) {
            aux.historical = true;
            push_aux(self, coder, &h, &mut entries);
        }
        // The verb that carries the event: the trigger, or the light verb of an event noun
        // ("to conduct a violent attack").
        let verb_at = if pat.frame.is_noun() {
            self.light_verb(t0, mode_tokens).map(|h| h.start)
        } else {
            Some(t0)
        };
        if let Some(t0) = verb_at {
            // An infinitive or "from -ing" is only wanted or prevented, unless the verb before
            // it says it happened ("prompted the army to intervene").
            let mut k = t0;
            while k > 0 && ADVERBS.contains(&self.norm(k - 1)) {
                k -= 1;
            }
            let before = self.norm(k.wrapping_sub(1));
            // "failed to", "has yet to", "plans to" already say what became of it.
            let cue_ends_here = self.aux_hits.iter().any(|h| {
                h.end == k
                    && matches!(
                        self_kind(self, h),
                        Some(AuxKind::Negated | AuxKind::Future | AuxKind::Hypothetical)
                    )
            });
            let wanted = before == "to"
                && !cue_ends_here
                && self.aux_before(k - 1, &[AuxKind::Implicative], 5).is_none();
            let prevented = before == "from" && self.norm(k).ends_with("ing");
            // "plotted to execute X and then attack Y": coordinated with a wish.
            // ("said Kenya would send officers and called on others": the call goes with the
            // saying, not with what would be done.)
            let with_saying = self.statement_verb(t0) && self.said_before(t0);
            let coordinated = matches!(before, "and" | "or" | "then")
                && !with_saying
                && same_sentence.last().is_some_and(|(c, _)| c.aux.hypothetical);
            if wanted || prevented || coordinated {
                aux.hypothetical = true;
            }
        }
        {
            // "prevent X from entering the area and carrying out massacres".
            let c = self.cl(t0);
            let lo = t0.saturating_sub(10);
            aux.hypothetical |= (lo..t0).any(|k| {
                self.norm(k) == "from"
                    && self.cl(k) == c
                    && self
                        .toks
                        .get(k + 1)
                        .is_some_and(|t| t.norm.ends_with("ing") && t.norm.len() > 5)
            });
        }
        {
            // "detained for illegally occupying roads", "jailed over attacking a policeman":
            // the charge is what the authorities allege.
            let mut k = t0;
            while k > 0 && {
                let w = self.norm(k - 1);
                ADVERBS.contains(&w) || (w.ends_with("ly") && w.len() > 4)
            } {
                k -= 1;
            }
            let gerund = self.norm(t0).ends_with("ing");
            if gerund && matches!(self.norm(k.wrapping_sub(1)), "for" | "over") {
                let lo = k.saturating_sub(8);
                aux.hypothetical |= (lo..k).any(|j| {
                    matches!(
                        self.norm(j),
                        "arrested"
                            | "detained"
                            | "charged"
                            | "convicted"
                            | "jailed"
                            | "sentenced"
                            | "prosecuted"
                            | "fined"
                            | "indicted"
                            | "suspected"
                    )
                });
            }
        }
        {
            // "claims that Russia hacked", "alleged that troops fired": the content of a
            // claim is only alleged (a denial's is negated, by the aux cues).
            let c = self.cl(t0);
            let lo = t0.saturating_sub(12);
            aux.hypothetical |= (lo..t0).any(|k| {
                self.norm(k) == "that"
                    && (self.cl(k) == c || self.cl(k + 1) == c)
                    && (k.saturating_sub(4)..k).any(|j| {
                        matches!(
                            self.norm(j),
                            "demand"
                                | "demands"
                                | "demanded"
                                | "demanding"
                                | "urged"
                                | "urging"
                                | "insisted"
                                | "insisting"
                                | "requested"
                                | "request"
                                | "proposal"
                                | "proposed"
                                | "claim"
                                | "claims"
                                | "allegation"
                                | "allegations"
                                | "accusation"
                                | "accusations"
                                | "rumours"
                                | "rumors"
                                | "claimed"
                                | "claiming"
                                | "alleged"
                                | "alleging"
                        )
                    })
            });
        }
        if self.max_year > 0 {
            // A year at least two years older than the newest one the document names, close
            // to this trigger with no other trigger in between.
            let c = self.cl(t0);
            let old = self.toks.iter().enumerate().any(|(k, t)| {
                let (lo, hi) = if k < t0 { (k, t0) } else { (t1, k) };
                self.cl(k) == c
                    && hi.saturating_sub(lo) <= 8
                    && !spans.iter().any(|&(a, b)| a >= lo && b <= hi && (a, b) != (t0, t1))
                    && year_of(t).is_some_and(|y| y + 2 <= self.max_year)
                    && is(self.toks.get(k.wrapping_sub(1)), &["in", "since"])
            });
            aux.historical |= old;
        }

        // "The United States sent F-35 jets to Puerto Rico": arms sent to one's own territory
        // are a deployment, not aid.
        let arms = (t0..t1).any(|k| {
            matches!(
                self.norm(k),
                "jet"
                    | "jets"
                    | "missile"
                    | "missiles"
                    | "tank"
                    | "tanks"
                    | "drone"
                    | "drones"
                    | "weapons"
                    | "arms"
                    | "ammunition"
                    | "munitions"
                    | "warship"
                    | "warships"
                    | "aircraft"
                    | "troops"
                    | "bombers"
            )
        });
        if event == EventType::Aid
            && arms
            && !actor_ms.is_empty()
            && !recip_ms.is_empty()
            && recip_ms.iter().all(|r| {
                r.entity.code.is_some() && actor_ms.iter().any(|a| a.entity.code == r.entity.code)
            })
        {
            event = EventType::Mobilize;
            modes.clear();
            recip_ms.clear();
        }
        // An announced future withdrawal is a verbal concession (PLOVER's ambiguity notes).
        if event == EventType::Retreat && aux.future {
            event = EventType::Concede;
            modes.clear();
        }
        if !recip_ms.is_empty() {
            conf += 0.05;
        }
        if from_speaker.is_some() || place_actor.is_some() {
            conf -= 0.1;
        }
        if aux.hypothetical || aux.negated {
            conf -= 0.2;
        }
        let clause = self.clause_span(t0);
        // "warned that Pyongyang would take decisive action if South Korean drones ...": a
        // threat that names no one is aimed at the other state the sentence goes on to name.
        if event == EventType::Threaten && recip_ms.is_empty() && !actor_ms.is_empty() {
            if let Some(m) = self.later_party(t1, &actor_ms) {
                recip_ms.push(m);
            }
        }
        // "Tanzania expelled five Iraqis": sending people away who hold no office is a
        // deportation; expelling diplomats is the sanction.
        let (event, modes) = if pat.has("deport")
            && !recip_ms.is_empty()
            && recip_ms.iter().all(|m| {
                !matches!(
                    m.entity.sector,
                    Some(Sector::Gov | Sector::Mil | Sector::Spy | Sector::Leg | Sector::Jud)
                ) && m.kind != MentionKind::Country
                    && m.entity.code.is_some_and(|c| !c.is_non_state())
            }) {
            (EventType::Coerce, vec![Mode::Deport])
        } else {
            (event, modes)
        };
        let cand = EventCandidate {
            sentence: self.pos,
            event,
            modes,
            contexts: Vec::new(),
            actors: actor_ms,
            recipients: recip_ms,
            trigger: Span::new(
                self.toks.get(t0).map_or(0, |t| t.span.start),
                self.toks.get(t1.saturating_sub(1)).map_or(0, |t| t.span.end),
            ),
            pattern_id: pat.origin.key.clone(),
            pattern_source: pat.origin.source.clone(),
            aux,
            confidence: conf.clamp(0.05, 0.99),
            entries,
            clause,
            also_reported: Vec::new(),
        };
        Some((cand, flags))
    }

    /// Nominal recipients: the first mention after one of the pattern's prepositions.
    fn objects_pp(&self, from: usize, preps: &[String]) -> Vec<usize> {
        self.objects(from, preps, false)
    }

    /// Whether the words at `t0..t1` read as an event noun rather than a verb: after a
    /// determiner, preposition, number or possessive, or before a preposition or a verb.
    fn noun_context(&self, t0: usize, t1: usize) -> bool {
        let prev = self.norm(t0.wrapping_sub(1));
        let next = self.norm(t1);
        t0 == 0
            || DETERMINERS.contains(&prev)
            || (PREPS.contains(&prev) && prev != "to")
            || NOUN_MODIFIERS.contains(&prev)
            || matches!(
                prev,
                "'s" | "'"
                    | "of"
                    | "after"
                    | "amid"
                    | "following"
                    | "before"
                    | "since"
                    | "new"
                    | "these"
                    | "those"
                    | "this"
                    | "that"
                    | "and"
                    | "or"
            )
            || self.toks.get(t0.wrapping_sub(1)).is_some_and(|t| t.kind == TokenKind::Number)
            || matches!(
                next,
                "on" | "against"
                    | "of"
                    | "between"
                    | "by"
                    | "in"
                    | "targeting"
                    | "near"
                    | "at"
                    | "that"
                    | "which"
                    | "have"
                    | "has"
                    | "were"
                    | "was"
                    | "killed"
                    | "left"
                    | "continued"
                    | "erupted"
                    | "broke"
                    | "resumed"
                    | "came"
                    | "took"
                    | "are"
                    | "is"
                    | "wounded"
                    | "injured"
                    | "destroyed"
                    | "damaged"
                    | "forced"
                    | "prompted"
                    | "across"
                    | "along"
                    | "with"
                    | "over"
                    | "since"
                    | "."
            )
    }

    /// A verb's subject, with coordination of verbs ("condemned X and called on Y") and
    /// participle clauses ("struck Gaza, killing 20") taken into account.
    fn verb_subject(&self, t0: usize, same_sentence: &[(EventCandidate, CandFlags)]) -> Vec<usize> {
        let mut k = t0;
        // "Israel began releasing prisoners": the subject of the aspect verb; "it was
        // striking": the subject of the progressive.
        let gerund = self.norm(t0).ends_with("ing");
        while k > 0
            && (ADVERBS.contains(&self.norm(k - 1))
                || (gerund && ASPECT.contains(&self.norm(k - 1)))
                || (gerund && matches!(self.norm(k - 1), "was" | "were" | "is" | "are")))
        {
            k -= 1;
        }
        if k < t0 && ASPECT.contains(&self.norm(k)) {
            return self.verb_subject(k, same_sentence);
        }
        let prev = self.norm(k.wrapping_sub(1));
        if let Some(p) = k.checked_sub(1) {
            let covered = self.order.iter().any(|&i| self.mi(i).start <= p && p < self.mi(i).end);
            if !covered && matches!(prev, "we" | "i" | "you") {
                return Vec::new();
            }
            if !covered && PRONOUNS.contains(&prev) {
                // Nearest earlier mention of the sentence, across clauses, not after a
                // preposition.
                let found = self.order.iter().rev().copied().find(|&i| {
                    let m = self.mi(i);
                    let object = m.start > 0 && self.verb_ends.contains(&m.start);
                    m.end <= p
                        && p - m.end <= 15
                        && m.prep.is_none()
                        && m.possessor_of.is_none()
                        && !object
                });
                return found.map(|i| vec![i]).unwrap_or_default();
            }
        }
        // "Guterres said he was gravely alarmed by the U.S. use of force and urged Washington
        // ...": a statement coordinated with a verb of saying shares its speaker.
        if prev == "and" && self.statement_verb(t0) {
            let said = self
                .aux_hits
                .iter()
                .filter(|h| h.end < k && self_kind(self, h) == Some(AuxKind::Speech))
                .map(|h| h.start)
                .max();
            let stated_since = |sp: usize| {
                same_sentence.iter().any(|(c, _)| {
                    let at = self.toks.iter().position(|t| t.span.start == c.trigger.start);
                    at.is_some_and(|a| a > sp)
                })
            };
            if let Some(sp) = said.filter(|&sp| !stated_since(sp)) {
                if let Some(Ok(i)) = self.reporter(sp + 1, sp + 1) {
                    return vec![i];
                }
            }
        }
        // "UNIFIL said a tank had fired near a patrol, calling it a violation": a statement
        // participle after a reported clause is the reporter's, whatever was coded before it.
        if prev == "," && self.norm(t0).ends_with("ing") && self.verbal_trigger_at(t0) {
            if let Some(Ok(i)) = self.reporter(t0, t0 + 1).filter(|_| self.said_before(t0)) {
                return vec![i];
            }
        }
        if prev == "and" || prev == "," {
            // "Qassem said the group would not disarm while Israel occupied Lebanese land, and
            // accused Washington": the verb before sits in a subordinate clause, so a statement
            // goes back to the sentence's speaker.
            let sub_start = same_sentence.last().and_then(|(c, _)| {
                let t = self.toks.iter().position(|t| t.span.start == c.trigger.start)?;
                let start = (0..t).rev().find(|&j| self.cl(j) != self.cl(t)).map_or(0, |j| j + 1);
                is(
                    self.toks.get(start),
                    &[
                        "while", "when", "after", "before", "because", "if", "as", "since",
                        "until", "whereas",
                    ],
                )
                .then_some(start)
            });
            if let Some(start) = sub_start {
                let said = self.said_before(start);
                if said && self.statement_verb(t0) {
                    let main = self.main_subject(start);
                    if !main.is_empty() {
                        return main;
                    }
                }
            }
            // Shares the subject of the verb before it.
            // The verb before, not an event noun in its object ("condemned the bomb attacks
            // and vowed").
            let before = same_sentence
                .iter()
                .rev()
                .find(|(_, f)| !f.subject.is_empty())
                .or(same_sentence.last());
            let shared =
                before.map(
                    |(c, f)| {
                        if f.subject.is_empty() {
                            c.actors.clone()
                        } else {
                            f.subject.clone()
                        }
                    },
                );
            let subj_here = self.subject(k.saturating_sub(1));
            if let Some(acts) = shared {
                let ids: Vec<usize> = subj_here
                    .iter()
                    .copied()
                    .filter(|&i| {
                        self.ms.get(i).is_some_and(|m| acts.iter().any(|a| a.span == m.span))
                    })
                    .collect();
                if !ids.is_empty() {
                    return ids;
                }
            }
            if prev == "," && self.toks.get(t0).is_some_and(|t| t.norm.ends_with("ing")) {
                // A statement participle with no reporter (taken above when there is one) is
                // the main subject's, when nothing was coded before it.
                if self.verbal_trigger_at(t0) && same_sentence.is_empty() {
                    return self.main_subject(k.saturating_sub(1));
                }
                // "struck Gaza, killing 20": only as the consequence of an event already coded,
                // and one whose doer is known ("a bomb hit a mosque, killing ...").
                if same_sentence.last().is_none_or(|(c, _)| c.actors.is_empty()) {
                    return Vec::new();
                }
                return self.main_subject(k.saturating_sub(1));
            }
            if prev == "and" && same_sentence.is_empty() {
                // Nothing coded before the "and": a statement verb still shares the subject of
                // a saying verb ("Guterres said he was alarmed and urged ..."); anything else's
                // subject is not a coded actor.
                let said = self.said_before(k);
                if said && self.statement_verb(t0) {
                    return self.main_subject(k.saturating_sub(1));
                }
                return Vec::new();
            }
            if prev == "and" {
                // "X condemned Y and called on Z": Y is an object; the subject is before it.
                let first = self.subject(k.saturating_sub(1));
                // "condemned the strikes as \"a flagrant violation\" and called on": a quote
                // closes the clause before the "and"; the verb before still lends its subject.
                if first.is_empty() {
                    if let Some((_, f)) = before {
                        let ids: Vec<usize> = self
                            .order
                            .iter()
                            .copied()
                            .filter(|&i| {
                                self.ms
                                    .get(i)
                                    .is_some_and(|m| f.subject.iter().any(|a| a.span == m.span))
                            })
                            .collect();
                        if !ids.is_empty() {
                            return ids;
                        }
                    }
                }
                if let Some(&f) = first.first() {
                    let again = self.subject(self.mi(f).start);
                    if !again.is_empty() {
                        return again;
                    }
                }
                return first;
            }
        }
        self.subject(t0)
    }

    /// Whether a verb of statement (in any form) stands at `t`: urge, accuse, condemn, reject
    /// and the like.
    fn statement_verb(&self, t: usize) -> bool {
        const STEMS: &[&str] = &[
            "urg", "call", "demand", "accus", "condemn", "reject", "warn", "prais", "welcom",
            "blam", "criticis", "criticiz", "denounc", "deny", "deni", "vow", "threat", "appeal",
            "ask", "refus",
        ];
        let w = self.norm(t);
        STEMS.iter().any(|p| w.starts_with(p))
    }

    /// Whether a statement verb's participle stands at `t` ("rejecting", "accusing").
    fn verbal_trigger_at(&self, t: usize) -> bool {
        self.norm(t).ends_with("ing") && self.statement_verb(t)
    }

    /// Whether the word right before a verb is a common noun no mention covers ("a man
    /// convicted of", "unknown assailants attacked"): then its subject is not coded, and the
    /// nearest mention further left would be the wrong one.
    fn uncoded_subject(&self, t0: usize) -> bool {
        let mut k = t0;
        while k > 0
            && (ADVERBS.contains(&self.norm(k - 1))
                || (ASPECT.contains(&self.norm(k - 1)) && self.norm(t0).ends_with("ing")))
        {
            k -= 1;
        }
        let Some(p) = k.checked_sub(1) else { return false };
        let Some(t) = self.toks.get(p) else { return false };
        if t.kind != TokenKind::Word || t.capitalised {
            return false;
        }
        // "Russian missiles and drones pounded ...": a noun joined to a mention shares its role.
        if matches!(self.norm(p.wrapping_sub(1)), "and" | "or")
            && self.mention_ending(p - 1).is_some()
        {
            return false;
        }
        // "parliament passed a law banning Pride events": the law's makers do what it does.
        if self.norm(t0).ends_with("ing") && LAWS.contains(&t.norm.as_str()) {
            return false;
        }
        let covered = self.ms.iter().any(|m| m.tokens.start <= p && p < m.tokens.end);
        // "Israeli jets struck": a noun right after a mention is that mention's phrase, also
        // after its possessive ("Guatemala's congress ratified").
        let after_mention = self.mention_ending(p).is_some()
            || (self.norm(p.wrapping_sub(1)) == "'s" && self.mention_ending(p - 1).is_some());
        // Verbs and participles before a verb ("denied carrying out") are no subject.
        let verbish = t.norm.ends_with("ed")
            || t.norm.ends_with("ing")
            || self.aux_hits.iter().any(|h| h.start <= p && p < h.end);
        if covered
            || after_mention
            || verbish
            || FUNCTION_WORDS.contains(&t.norm.as_str())
            || PRONOUNS.contains(&t.norm.as_str())
            || BE.contains(&t.norm.as_str())
            || DETERMINERS.contains(&t.norm.as_str())
            || PREPS.contains(&t.norm.as_str())
        {
            return false;
        }
        // A noun inside a prepositional phrase of the subject ("troops in the city killed").
        let in_subject_pp = (p.saturating_sub(3)..p).any(|j| {
            is(self.toks.get(j), PREPS)
                && j > 0
                && self.ms.iter().any(|m| m.tokens.end == j && usable(m))
        });
        !in_subject_pp
    }

    /// The subject of a light verb ("launched", "carried out") or an undergoing verb ("came
    /// under", "faced") governing the event noun at `t0`.
    fn light_subject(
        &self,
        t0: usize,
        mode_tokens: &[bool],
        same_sentence: &[(EventCandidate, CandFlags)],
    ) -> Option<(AuxKind, Vec<usize>)> {
        let h = self.light_verb(t0, mode_tokens)?;
        let kind = self_kind(self, h)?;
        let passive = self.passive(h.start, h.end, h.form);
        if passive {
            return None;
        }
        let subj = self.verb_subject(h.start, same_sentence);
        (!subj.is_empty()).then_some((kind, subj))
    }

    /// The light or undergoing verb governing the event noun at `t0`, if any.
    fn light_verb(&self, t0: usize, mode_tokens: &[bool]) -> Option<&Hit> {
        let mut j = t0;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            let n = self.norm(j - 1);
            // "a two-day visit", "a long-awaited visit": hyphenated modifiers.
            let hyphenated = n == "-"
                || (n.len() > 2 && n.contains('-'))
                || self.norm(j) == "-"
                || (j >= 2 && self.norm(j - 2) == "-");
            let skip = hyphenated
                || DETERMINERS.contains(&n)
                || NOUN_MODIFIERS.contains(&n)
                || mode_tokens.get(j - 1).copied().unwrap_or(false)
                || self.toks.get(j - 1).is_some_and(|t| t.kind == TokenKind::Number)
                || matches!(
                    n,
                    "series"
                        | "wave"
                        | "round"
                        | "of"
                        | "more"
                        | "dozens"
                        | "hundreds"
                        | "\""
                        | "'"
                        | "complete"
                        | "total"
                        | "full"
                        | "partial"
                        | "tight"
                        | "tighter"
                        | "official"
                        | "state"
                        | "surprise"
                        | "historic"
                        | "brief"
                        | "rare"
                        | "landmark"
                        | "unannounced"
                );
            if !skip {
                break;
            }
            j -= 1;
            steps += 1;
        }
        self.aux_hits.iter().find(|h| {
            h.end == j
                && matches!(self_kind(self, h), Some(AuxKind::Light) | Some(AuxKind::Undergo))
        })
    }

    /// The authority behind an agentless arrest or sentence: the police (or courts) of the
    /// country the sentence places it in, else of the document's state, else of the person
    /// it was done to.
    fn authority(&self, t0: usize, t1: usize, sector: Sector, recips: &[usize]) -> Option<Mention> {
        let place = self.order.iter().copied().find_map(|i| {
            let m = self.ms.get(i)?;
            let located = matches!(m.kind, MentionKind::Country | MentionKind::Capital)
                && matches!(self.prep_of(i), Some("in" | "at" | "across" | "throughout"));
            if located {
                m.entity.code.filter(|c| !c.is_non_state())
            } else {
                None
            }
        });
        let of_recipient = || {
            recips
                .iter()
                .filter_map(|&i| self.ms.get(i))
                .find_map(|m| m.entity.code.filter(|c| !c.is_non_state()))
        };
        let code = place.or(self.doc_country).or_else(of_recipient)?;
        let mut m = self.party_at(t0..t1, code, Some(sector));
        m.head = t0;
        m.entity.entity_text = String::new();
        Some(m)
    }

    /// A party the text implies over the tokens `range` (no lexicon entry coded it).
    fn party_at(
        &self,
        range: std::ops::Range<usize>,
        code: ActorCode,
        sector: Option<Sector>,
    ) -> Mention {
        let start = self.toks.get(range.start).map_or(0, |t| t.span.start);
        let end = self.toks.get(range.end.saturating_sub(1)).map_or(start, |t| t.span.end);
        Mention {
            span: Span::new(start, end),
            tokens: range.clone(),
            head: range.end.saturating_sub(1),
            entity: Entity {
                entity_text: token_text(self.s, range.start, range.end),
                code: Some(code),
                sector,
                ..Entity::default()
            },
            kind: MentionKind::Nominal,
            entries: Vec::new(),
            antecedent: None,
        }
    }

    /// The tokens of a person right after a verb who is no coded actor: "him", "her",
    /// "them", an unknown name ("arrested Kimberly Hacker"), a counted or described noun
    /// ("detained five vendors", "stabbed a 49-year-old woman", "the suspect").
    fn object_patient(&self, t1: usize) -> Option<std::ops::Range<usize>> {
        let c = self.cl(t1.saturating_sub(1));
        let tok = self.toks.get(t1)?;
        if self.cl(t1) != c {
            return None;
        }
        if matches!(tok.norm.as_str(), "him" | "her" | "them") {
            return Some(t1..t1 + 1);
        }
        let capital = |t: &Token| t.kind == TokenKind::Word && t.capitalised;
        if capital(tok) && !CALENDAR.contains(&tok.norm.as_str()) {
            let mut e = t1;
            while self.toks.get(e).is_some_and(capital) && e < t1 + 4 {
                e += 1;
            }
            return Some(t1..e);
        }
        let det = tok.kind == TokenKind::Number
            || matches!(
                tok.norm.as_str(),
                "a" | "an"
                    | "the"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "dozens"
                    | "several"
                    | "hundreds"
                    | "scores"
                    | "some"
                    | "another"
                    | "more"
            );
        if !det {
            return None;
        }
        // The noun phrase runs to the first preposition, punctuation or verb-like word.
        let mut e = t1 + 1;
        while let Some(t) = self.toks.get(e) {
            if e >= t1 + 5 || t.kind == TokenKind::Punct || self.cl(e) != c {
                break;
            }
            if matches!(
                t.norm.as_str(),
                "of" | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "after"
                    | "with"
                    | "and"
                    | "who"
                    | "that"
                    | "from"
                    | "over"
                    | "during"
                    | "near"
                    | "to"
                    | "as"
                    | "by"
            ) {
                break;
            }
            e += 1;
        }
        let head = self.norm(e.saturating_sub(1));
        // "detaining dozens", "arresting hundreds": a bare number of people.
        if e == t1 + 1
            && matches!(
                tok.norm.as_str(),
                "dozens" | "hundreds" | "thousands" | "scores" | "several"
            )
        {
            return Some(t1..e);
        }
        // "arrested the same day", "killed a lot": no person.
        if e <= t1 + 1 || NOT_PERSONS.contains(&head) || CALENDAR.contains(&head) {
            return None;
        }
        Some(t1..e)
    }

    /// The subject of a finite passive ("Hickson was sentenced", "he was arrested") when no
    /// coded actor stands there.
    fn passive_patient(&self, t0: usize) -> Option<std::ops::Range<usize>> {
        let mut k = t0;
        while k > 0 && (ADVERBS.contains(&self.norm(k - 1)) || BE.contains(&self.norm(k - 1))) {
            k -= 1;
        }
        if k == t0 || k == 0 {
            return None;
        }
        let t = self.toks.get(k - 1)?;
        let person = matches!(t.norm.as_str(), "he" | "she" | "they")
            || (t.kind == TokenKind::Word
                && !NOT_PERSONS.contains(&t.norm.as_str())
                && t.norm.chars().all(|c| c.is_alphabetic() || c == '-'));
        person.then_some(k - 1..k)
    }

    /// A person the actor coder could not code, given the state of the event's context.
    fn unplaced_person(&self, range: std::ops::Range<usize>, code: ActorCode) -> Mention {
        self.party_at(range, code, None)
    }

    /// The victims of an attack noun whose perpetrator is not named: the object of a verb of
    /// harm right after it ("a car bomb in central Turkey killed 13 soldiers"), or the subject
    /// of a passive one before "in a ... attack" ("two people were killed in a knife attack").
    fn attack_victims(&self, t0: usize, t1: usize) -> Vec<usize> {
        // Verbs of a blast going off, which say nothing of whom it hit.
        const BLAST: &[&str] =
            &["exploded", "explodes", "exploding", "went", "goes", "detonated", "ripped", "tore"];
        const HARM: &[&str] = &[
            "killed",
            "kills",
            "kill",
            "killing",
            "wounded",
            "wounding",
            "injured",
            "injuring",
            "hit",
            "hits",
            "struck",
            "strikes",
            "targeted",
            "targeting",
            "destroyed",
            "damaged",
            "wrecked",
            "rocked",
        ];
        let c = self.cl(t0);
        let inside =
            |k: usize| self.order.iter().any(|&i| self.mi(i).start <= k && k < self.mi(i).end);
        let reach = if BLAST.contains(&self.norm(t1)) { 18 } else { 8 };
        let mut k = t1;
        while k < self.toks.len() && k < t1 + reach && self.cl(k) == c {
            let n = self.norm(k);
            if HARM.contains(&n) && !inside(k) {
                return self.objects(k + 1, &[], true);
            }
            // "A bomb exploded outside the embassy on Friday, killing dozens of people": the
            // participle after the blast's clause tells its victims.
            if n == "," && BLAST.contains(&self.norm(t1)) {
                let next = self.norm(k + 1);
                if matches!(next, "killing" | "wounding" | "injuring") {
                    return self.objects(k + 2, &[], true);
                }
            }
            if self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct) {
                break;
            }
            k += 1;
        }
        // "... were killed and nine injured in a knife attack"
        // Back over the noun's modifiers ("in a knife attack", "in a suspected bomb attack").
        let mut j = t0;
        while j > 0
            && t0 - j < 4
            && !is(self.toks.get(j - 1), &["in", "during"])
            && self.toks.get(j - 1).is_some_and(|t| t.kind != TokenKind::Punct)
        {
            j -= 1;
        }
        if !is(self.toks.get(j.wrapping_sub(1)), &["in", "during"]) {
            return Vec::new();
        }
        j -= 1;
        let lo = j.saturating_sub(12);
        let verb = (lo..j).find(|&v| {
            self.cl(v) == c
                && matches!(self.norm(v), "killed" | "wounded" | "injured")
                && (BE.contains(&self.norm(v.wrapping_sub(1)))
                    || self.norm(v.wrapping_sub(1)) == "been")
        });
        let Some(v) = verb else { return Vec::new() };
        // "had been killed": back over the auxiliaries to the subject.
        let mut be = v - 1;
        while be > 0
            && matches!(self.norm(be - 1), "had" | "has" | "have" | "been" | "was" | "were")
        {
            be -= 1;
        }
        self.order
            .iter()
            .copied()
            .filter(|&i| {
                let m = self.mi(i);
                m.end == be && m.prep.is_none() && self.cl(m.start) == c
            })
            .take(1)
            .collect()
    }

    /// The first state actor after token `t1` in the sentence that is none of `actors`' states
    /// and not a place ("in Gaza").
    fn later_party(&self, t1: usize, actors: &[Mention]) -> Option<Mention> {
        let theirs = codes_of(actors);
        self.order.iter().copied().find_map(|i| {
            let m = self.mi(i);
            if m.start < t1
                || matches!(
                    self.prep_of(i),
                    Some("in" | "at" | "near" | "from" | "across" | "inside" | "to" | "into")
                )
            {
                return None;
            }
            let x = self.resolved(i)?;
            let code = x.entity.code.filter(|c| !c.is_non_state())?;
            (!theirs.contains(&code) && x.kind != MentionKind::Pronoun).then_some(x)
        })
    }

    /// The foreign state a protest is made to: its embassy or mission the protest goes to or
    /// stands outside ("to the U.S. mission", "outside the Yugoslav consulate"), else a state
    /// government after "against" or a demonstrative verb ("denouncing Washington").
    fn protested_state(&self, t1: usize, actors: &[Mention]) -> Option<Mention> {
        let mine = codes_of(actors);
        let c = self.cl(t1.saturating_sub(1));
        self.order.iter().copied().find_map(|i| {
            let m = self.mi(i);
            if m.start < t1 || m.start > t1 + 12 {
                return None;
            }
            let x = self.resolved(i)?;
            // Another state's, not the protesters' own.
            x.entity.code.filter(|c| !c.is_non_state() && !mine.contains(c))?;
            let p = m.prep?;
            let text = x.entity.entity_text.to_lowercase();
            // "to the U.S. mission": the country's name before the mission word.
            let before_mission = is(
                self.toks.get(m.end),
                &["embassy", "embassies", "consulate", "mission", "legation", "missions"],
            );
            let mission = before_mission
                || ["embassy", "consulate", "mission", "legation"].iter().any(|w| text.contains(w));
            let to_mission = mission
                && is(self.toks.get(p), &["to", "outside", "at", "near", "toward", "towards"]);
            let against = is(self.toks.get(p), &["against"]) && self.cl(m.start) == c;
            (to_mission || against).then_some(x)
        })
    }

    /// Whether the passive's subject is a named group of people right before its verb
    /// ("three soldiers were killed"), not a word further back ("thousands of birds").
    fn victims_are_subject(&self, recips: &[usize], t0: usize) -> bool {
        recips.iter().any(|&r| {
            let m = self.mi(r);
            m.end <= t0
                && (m.end..t0).all(|k| {
                    BE.contains(&self.norm(k))
                        || ADVERBS.contains(&self.norm(k))
                        || matches!(self.norm(k), "been" | "have" | "has" | "had" | "being")
                        // "Kizza Besigye, who was abducted in Nairobi".
                        || (k < m.end + 2 && matches!(self.norm(k), "," | "who"))
                })
        })
    }

    /// Whether "in"/"during" right after the trigger names a non-violent incident ("injured
    /// in Saturday's protests", "killed in a road accident").
    fn incident_follows(&self, t1: usize) -> bool {
        const INCIDENTS: &[&str] = &[
            "protest",
            "protests",
            "demonstration",
            "demonstrations",
            "riot",
            "riots",
            "unrest",
            "accident",
            "crash",
            "collision",
            "fire",
            "blaze",
            "earthquake",
            "quake",
            "storm",
            "flood",
            "floods",
            "flooding",
            "stampede",
            "landslide",
            "avalanche",
            "hurricane",
            "typhoon",
            "cyclone",
            "incident",
            "explosion",
            "blast",
            "clashes",
            "violence",
            "fighting",
        ];
        is(self.toks.get(t1), &["in", "during", "by"])
            && (t1 + 1..(t1 + 6).min(self.toks.len()))
                .take_while(|&k| self.toks.get(k).is_some_and(|t| t.kind != TokenKind::Punct))
                .any(|k| INCIDENTS.contains(&self.norm(k)))
    }

    /// A state's building or post right after an attack noun ("bombings at U.S. embassies",
    /// "a bomb exploded outside the police station"), within its clause.
    fn attacked_site(&self, t1: usize) -> Vec<usize> {
        let c = self.cl(t1.saturating_sub(1));
        self.order
            .iter()
            .copied()
            .find(|&i| {
                let m = self.mi(i);
                let Some(p) = m.prep else { return false };
                let site = self.ms.get(i).is_some_and(|x| {
                    x.kind == MentionKind::Nominal
                        && matches!(x.entity.sector, Some(Sector::Gov | Sector::Mil | Sector::Cop))
                        && x.entity.code.is_some()
                });
                m.start >= t1
                    && m.start <= t1 + 6
                    && self.cl(m.start) == c
                    && (is(self.toks.get(p), &["at", "outside", "near", "inside"])
                        || (is(self.toks.get(p), &["to"]) && p > 0 && self.norm(p - 1) == "next"))
                    && site
                    && !(t1..p)
                        .any(|k| self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct))
            })
            .map(|i| vec![i])
            .unwrap_or_default()
    }

    /// For a protest with no named protesters: the civilians of the country or capital the
    /// clause places it in.
    fn place_civilians(&self, t1: usize) -> Option<Mention> {
        let c = self.cl(t1.saturating_sub(1));
        let i = self.order.iter().copied().find(|&i| {
            let m = self.mi(i);
            self.ms
                .get(i)
                .is_some_and(|x| matches!(x.kind, MentionKind::Country | MentionKind::Capital))
                && self.cl(m.start) == c
                && m.start + 8 >= t1
                && matches!(
                    self.prep_of(i),
                    Some("in" | "across" | "throughout" | "at" | "through")
                )
        })?;
        let mut m = self.ms.get(i)?.clone();
        m.entity.sector = Some(Sector::Cvl);
        m.entity.identifier_text = None;
        m.entity.identifier_id = None;
        Some(m)
    }

    fn clause_span(&self, t0: usize) -> Span {
        let c = self.cl(t0);
        let mut a = t0;
        while a > 0 && self.cl(a - 1) == c {
            a -= 1;
        }
        let mut b = t0;
        while b + 1 < self.toks.len() && self.cl(b + 1) == c {
            b += 1;
        }
        Span::new(
            self.toks.get(a).map_or(self.s.span.start, |t| t.span.start),
            self.toks.get(b).map_or(self.s.span.end, |t| t.span.end),
        )
    }
}

fn self_kind(v: &View, h: &Hit) -> Option<AuxKind> {
    v.aux_kinds.get(h.item).copied().flatten()
}

fn push_aux(v: &View, coder: &EventCoder, h: &Hit, entries: &mut Vec<EntryRef>) {
    if let Some(a) = coder.aux.item(h.item) {
        entries.push(entry_ref("aux", &a.origin, v.s, h.start, h.end));
    }
}

fn dedup_mentions(ms: &mut Vec<Mention>) {
    let mut seen: Vec<(Option<ActorCode>, Option<Sector>)> = Vec::new();
    ms.retain(|m| {
        let k = (m.entity.code, m.entity.sector);
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
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
        assert_eq!(got, vec!["ASSAULT SYR:CVL -> ", "ASSAULT RUS:MIL -> "]);
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
