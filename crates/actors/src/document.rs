//! The document pass: composes each sentence, finds the country the document is about, and
//! resolves what refers back (pronouns, surnames, "the army", "the country") to the nearest
//! compatible earlier mention.

use crate::compose::{Draft, Pron, SentenceComposer};
use crate::lexicon::{valid_date, Lexicon};
use lapwing_core::plover::ActorCode;
use lapwing_core::{Entity, Mention, MentionKind, Sentence, Span};
use std::collections::BTreeMap;

fn armed(s: Option<lapwing_core::plover::Sector>) -> bool {
    use lapwing_core::plover::Sector;
    matches!(s, Some(Sector::Reb | Sector::Prm | Sector::Uaf | Sector::Crm))
}

/// Prepositions before a place or a party. Fewer than `lapwing_text::PREPOSITIONS` ("like",
/// "than", "despite"...): the full list would change which names are taken as places.
const PREPOSITIONS: &[&str] = &[
    "in",
    "into",
    "to",
    "from",
    "of",
    "at",
    "across",
    "near",
    "inside",
    "on",
    "against",
    "with",
    "toward",
    "towards",
    "over",
    "throughout",
    "within",
    "by",
    "for",
];

/// What the resolver remembers about an emitted mention.
struct Meta {
    person: bool,
    plural: bool,
    org: bool,
    surnames: Vec<String>,
    person_key: Option<String>,
    text_title: bool,
    they: bool,
    /// The mention follows a preposition ("in Lebanon"): a place more than an actor.
    after_prep: bool,
    /// The preposition is "of" ("the arrival of Kenyan police"): still the party talked of.
    after_of: bool,
    group: Option<Entity>,
    root: (usize, usize),
    /// An act or weapon told by its state's adjective ("the U.S. embargo"): a state acting,
    /// never what "the ministry" or "the government" refers back to.
    act: bool,
    /// An example in an aside ("aid workers, including citizens of Britain, ..."): not the
    /// group a later "they" or "their" stands for.
    example: bool,
}

/// The surname of an unknown person ("Mrs Clinton", "Hillary Rodham Clinton"), which may be
/// an earlier person's.
fn honorific_surname(d: &Draft) -> Option<String> {
    (d.person && d.needs_code && d.kind == MentionKind::Name && d.entity.code.is_none())
        .then(|| d.surnames.last().cloned())
        .flatten()
}

/// Below this weight of votes no state is named enough to outweigh the places of the story.
const WEAK_STATE: usize = 4;

/// Codes every sentence of a document.
pub(crate) fn code_document(
    lex: &Lexicon,
    text: &str,
    sentences: &[Sentence],
    dates: &[Option<String>],
    places: &[(usize, ActorCode)],
) -> Vec<Vec<Mention>> {
    code_document_weak(lex, text, sentences, dates, places).0
}

/// Codes every sentence of a document, and says whether its words name no state strongly
/// enough to outweigh the places given, and which state they favour.
pub(crate) fn code_document_weak(
    lex: &Lexicon,
    text: &str,
    sentences: &[Sentence],
    dates: &[Option<String>],
    places: &[(usize, ActorCode)],
) -> (Vec<Vec<Mention>>, bool, Option<ActorCode>) {
    let mut drafts: Vec<Vec<Draft>> = Vec::with_capacity(sentences.len());
    // Votes for the dominant country: (count, first sentence).
    let mut votes: BTreeMap<ActorCode, (usize, usize)> = BTreeMap::new();
    let mut last_date: Option<&str> = None;
    // Where each sentence says things happen (countries and capitals named on their own,
    // places, datelines), by token position: bare nouns take the nearest.
    let mut locations: Vec<Vec<(usize, ActorCode, usize)>> = Vec::with_capacity(sentences.len());
    // All non-person votes per sentence, for the paragraph's country.
    let mut sentence_votes: Vec<Vec<(ActorCode, usize)>> = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        if let Some(Some(d)) = dates.get(si) {
            if valid_date(d) {
                last_date = Some(d.as_str());
            }
        }
        let comp = SentenceComposer::new(lex, text, &s.tokens, last_date);
        let ds = comp.drafts();
        let quoted = quoted_tokens(&s.tokens);
        let in_quote = |p: usize| quoted.get(p).copied().unwrap_or(false);
        // Countries named on their own and places weigh more than countries used as modifiers
        // ("US forces in Iraq" is about Iraq).
        let mention_votes = ds
            .iter()
            // A place already votes through `country_votes`; an attacker's adjective ("a
            // Russian missile strike") says who struck, not where.
            .filter(|d| {
                d.pron.is_none()
                    && !bare_organ(d, &s.tokens)
                    && !d.needs_code
                    && !d.surname_only
                    && d.kind != MentionKind::Place
                    && !d.attacker
            })
            .filter_map(|d| {
                let prev = d
                    .tokens
                    .start
                    .checked_sub(1)
                    .and_then(|p| s.tokens.get(p))
                    .map(|t| t.norm.as_str());
                let located =
                    matches!(prev, Some("in" | "across" | "inside" | "throughout" | "within"));
                let w = match d.kind {
                    MentionKind::Name => 1,
                    _ => 2,
                } + usize::from(located);
                // A place a speaker talks about inside a quotation is not where the sentence
                // happens: it votes only for the whole document.
                // Nor do people named by their nationality ("accused the Americans of"): they
                // may be anywhere.
                let people = d.kind == MentionKind::Nominal
                    && d.entity.sector == Some(lapwing_core::plover::Sector::Cvl);
                // Nor do the states of a list of origins ("rescue teams from China, India
                // and Russia arrived"): they say where people came from, not where they are.
                let origin = d.kind == MentionKind::Country
                    && list_lead(&s.tokens, d.tokens.start, |w| w == "from").is_some();
                // Nor a partner or a topic (`partner_word`).
                let partner = d.kind == MentionKind::Country && prev.is_some_and(partner_word);
                let person = d.person || people || origin || partner || in_quote(d.tokens.start);
                // A private person's nationality says nothing of where the story is (a
                // Cuban boy in Miami): named civilians do not vote at all.
                let civilian = d.person
                    && d.kind == MentionKind::Name
                    && d.entity.sector == Some(lapwing_core::plover::Sector::Cvl);
                d.entity.code.filter(|c| !c.is_non_state() && !civilian).map(|c| (c, w, person))
            });
        let attackers: Vec<std::ops::Range<usize>> =
            ds.iter().filter(|d| d.attacker).map(|d| d.tokens.clone()).collect();
        let place_votes = comp
            .country_votes()
            .into_iter()
            .filter(|(at, _, _)| !attackers.iter().any(|r| r.contains(at)))
            .map(|(at, c, w)| {
                let partner = at
                    .checked_sub(1)
                    .and_then(|p| s.tokens.get(p))
                    .is_some_and(|t| partner_word(&t.norm));
                (c, w, in_quote(at) || partner)
            });
        let mut sv: Vec<(ActorCode, usize)> = Vec::new();
        for (c, w, person) in mention_votes.chain(place_votes) {
            let v = votes.entry(c).or_insert((0, si));
            v.0 += w;
            // A visiting official says little about where the story is: people vote only
            // for the whole document.
            if !person {
                match sv.iter_mut().find(|x| x.0 == c) {
                    Some(x) => x.1 += w,
                    None => sv.push((c, w)),
                }
            }
        }
        sentence_votes.push(sv);
        let mut here: Vec<(usize, ActorCode, usize)> = comp
            .location_votes()
            .into_iter()
            .map(|(p, c)| (p, c, if p == 0 { 6 } else { 2 }))
            .collect();
        for d in &ds {
            let standalone = matches!(d.kind, MentionKind::Country | MentionKind::Capital)
                && d.pron.is_none()
                && d.entity.sector != Some(lapwing_core::plover::Sector::Pre);
            // "U.S. beef imports": a name used as a modifier is no place; nor is one joined by
            // a hyphen ("a U.S.-backed aid site").
            let hyphened = s.tokens.get(d.tokens.end).is_some_and(|t| t.norm == "-");
            let modifier = hyphened
                || d.tokens
                    .start
                    .checked_sub(1)
                    .and_then(|q| s.tokens.get(q))
                    .is_none_or(|t| !PREPOSITIONS.contains(&t.norm.as_str()))
                    && s.tokens.get(d.tokens.end).is_some_and(|t| {
                        t.kind == lapwing_core::TokenKind::Word
                            && !t.capitalised
                            && !matches!(
                                t.norm.as_str(),
                                "and"
                                    | "or"
                                    | "on"
                                    | "in"
                                    | "said"
                                    | "says"
                                    | "has"
                                    | "have"
                                    | "is"
                                    | "was"
                            )
                    });
            if let (true, false, Some(c)) = (standalone, modifier, d.entity.code) {
                here.push((d.tokens.start, c, 2));
            }
        }
        // Destinations ("troops to Estonia", "fled to Moscow") and origins ("beef imports
        // from the United States") are not where the actors are.
        here.retain(|(p, _, _)| {
            let prev = p.checked_sub(1).and_then(|q| s.tokens.get(q)).map(|t| t.norm.as_str());
            let prev2 = p.checked_sub(2).and_then(|q| s.tokens.get(q)).map(|t| t.norm.as_str());
            let dest =
                |w: Option<&str>| matches!(w, Some("to" | "into" | "toward" | "towards" | "from"));
            // Nor a partner or a topic (`partner_word`).
            let partner = |w: Option<&str>| w.is_some_and(partner_word);
            // Nor a go-between ("a deal brokered by the United States", "a swap mediated by
            // Turkey"): the people the deal frees are not theirs.
            let word = |q: usize| s.tokens.get(q).map(|t| t.norm.as_str());
            let by_at = if prev == Some("the") { p.checked_sub(2) } else { p.checked_sub(1) };
            let brokered = by_at.is_some_and(|b| {
                word(b) == Some("by")
                    && b.checked_sub(1).and_then(word).is_some_and(|w| {
                        matches!(
                            w,
                            "brokered"
                                | "mediated"
                                | "hosted"
                                | "facilitated"
                                | "sponsored"
                                | "negotiated"
                                | "arranged"
                        )
                    })
            });
            // ("rescue teams from China, India and Russia": every state of a list of origins
            // or destinations.)
            let listed = || list_lead(&s.tokens, *p, |w| dest(Some(w))).is_some_and(|n| n > 1);
            !(dest(prev)
                || (prev == Some("the") && dest(prev2))
                || partner(prev)
                || (prev == Some("the") && partner(prev2))
                || brokered
                || listed())
        });
        here.sort_by_key(|x| x.0);
        locations.push(here);
        drafts.push(ds);
    }
    // Places found outside the lexicon (the towns of a local story) speak only when the
    // lexicon's words hardly name a state: a story of provinces and a state named over and
    // over is that state's ("Mexico" against a list of Canadian provinces' case counts), a
    // story told in "Cairns" and "Yarrabah" that names "New Zealand" once, for a victim's
    // nationality, is Australia's.
    let weak = votes.values().all(|v| v.0 < WEAK_STATE);
    if weak {
        for &(at, c) in places {
            let Some(si) = sentences.iter().position(|s| at >= s.span.start && at < s.span.end)
            else {
                continue;
            };
            let v = votes.entry(c).or_insert((0, si));
            v.0 += 2;
            if let Some(sv) = sentence_votes.get_mut(si) {
                match sv.iter_mut().find(|x| x.0 == c) {
                    Some(x) => x.1 += 2,
                    None => sv.push((c, 2)),
                }
            }
        }
    }
    let dominant =
        votes.iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(c, _)| *c);
    // The country a bare noun belongs to: its sentence's, else its paragraph's, else the
    // document's (ties go to the country named first).
    let best = |vs: &[(ActorCode, usize)]| -> Option<ActorCode> {
        let mut top: Option<(ActorCode, usize)> = None;
        for &(c, w) in vs {
            if top.is_none_or(|t| w > t.1) {
                top = Some((c, w));
            }
        }
        top.map(|t| t.0)
    };
    // Per paragraph (in one pass, so a huge document stays linear).
    let mut by_paragraph: BTreeMap<usize, Vec<(ActorCode, usize)>> = BTreeMap::new();
    for (s, sv) in sentences.iter().zip(&sentence_votes) {
        let agg = by_paragraph.entry(s.paragraph).or_default();
        for &(c, w) in sv {
            match agg.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += 2 * w,
                None => agg.push((c, 2 * w)),
            }
        }
    }
    let paragraph_country: BTreeMap<usize, Option<ActorCode>> = by_paragraph
        .into_iter()
        .map(|(p, mut agg)| {
            // The paragraph's votes count double on top of the document's.
            for x in &mut agg {
                x.1 += votes.get(&x.0).map(|v| v.0).unwrap_or(0);
            }
            (p, best(&agg).or(dominant))
        })
        .collect();
    let paragraph_best: Vec<Option<ActorCode>> = sentences
        .iter()
        .map(|s| paragraph_country.get(&s.paragraph).copied().flatten().or(dominant))
        .collect();

    let mut out: Vec<Vec<Mention>> = Vec::with_capacity(sentences.len());
    let mut meta: Vec<Vec<Meta>> = Vec::with_capacity(sentences.len());
    for (si, (s, ds)) in sentences.iter().zip(drafts).enumerate() {
        out.push(Vec::new());
        meta.push(Vec::new());
        // A place a speaker talks about ("Cuba does violate human rights," wrote Judge
        // Edmonson) is not where the speaker is from.
        let quoted = quoted_tokens(&s.tokens);
        let side = |p: usize| quoted.get(p).copied().unwrap_or(false);
        // Where each mention that its own words code starts: "the upper house of the Dutch
        // parliament" is of the state of the body it is part of.
        let coded_at: Vec<(usize, ActorCode)> = ds
            .iter()
            .filter(|d| !d.needs_code && d.pron.is_none())
            .filter_map(|d| {
                d.entity.code.filter(|c| !c.is_non_state()).map(|c| (d.tokens.start, c))
            })
            .collect();
        // "China will impose tariffs on Canadian goods, the commerce ministry said": the state
        // that opens the sentence (or follows its dateline) is the one whose organ reports
        // its act, whatever other place the sentence names nearer the speaker.
        let opening = ds
            .iter()
            .filter(|d| {
                matches!(d.kind, MentionKind::Country | MentionKind::Capital)
                    && d.pron.is_none()
                    && opens_sentence(&s.tokens, d.tokens.start)
            })
            .find_map(|d| d.entity.code.filter(|c| !c.is_non_state()))
            // (Only a state the dateline also names, or one announcing what it will do:
            // "KYIV - Russia launched 400 drones at Ukraine, officials said" is Kyiv's word.)
            .filter(|&c| {
                let announces = ds.iter().any(|d| {
                    d.entity.code == Some(c)
                        && matches!(
                            s.tokens.get(d.tokens.end).map(|t| t.norm.as_str()),
                            Some("will" | "would" | "plans" | "intends")
                        )
                });
                announces
                    || locations.get(si).is_some_and(|ls| ls.iter().any(|x| x.0 == 0 && x.1 == c))
            });
        for mut d in ds {
            // "Crowds gathered outside Congress" in a story about Peru: a bare institution name
            // the lexicon files under one state is the story's, when that state is named far
            // less (a U.S. embassy statement in a story about Peru).
            if bare_organ(&d, &s.tokens) {
                let weight =
                    |c: Option<ActorCode>| c.and_then(|c| votes.get(&c)).map_or(0, |v| v.0);
                let minor = weight(d.entity.code) * 3 < weight(dominant);
                if let (true, Some(story)) = (minor, dominant) {
                    if d.entity.code != Some(story) {
                        d.entity.code = Some(story);
                        d.entity.identifier_text = None;
                        d.entity.identifier_id = None;
                    }
                }
            }
            let word = |k: usize| s.tokens.get(k).map_or("", |t| t.norm.as_str());
            let reporter = d.needs_code
                && d.kind == MentionKind::Nominal
                && d.pron.is_none()
                && d.entity.sector == Some(lapwing_core::plover::Sector::Gov)
                && matches!(word(d.tokens.end), "said" | "says")
                && (1..=4).any(|b| {
                    d.tokens.start >= b
                        && word(d.tokens.start - b) == ","
                        && (d.tokens.start - b + 1..d.tokens.start).all(|k| {
                            s.tokens.get(k).is_some_and(|t| {
                                t.kind == lapwing_core::TokenKind::Word && !t.capitalised
                            })
                        })
                });
            let reported_state = opening.filter(|_| reporter);
            let part_of = (d.needs_code
                && d.kind == MentionKind::Nominal
                && d.pron.is_none()
                && word(d.tokens.end) == "of")
                .then(|| {
                    let k = d.tokens.end + 1;
                    coded_at
                        .iter()
                        .find(|(at, _)| *at == k || (*at == k + 1 && word(k) == "the"))
                        .map(|x| x.1)
                })
                .flatten();
            // The nearest place named in the sentence (on the same side of any quotation
            // marks), else the paragraph's, else the document's.
            let nearest = locations.get(si).and_then(|ls| {
                ls.iter()
                    .filter(|(p, _, _)| side(*p) == side(d.head))
                    .min_by_key(|(p, _, _)| p.abs_diff(d.head))
                    .map(|(_, c, _)| *c)
            });
            // "Many local residents", "local officials": people of the last place the story
            // named, not of the state it talks about most.
            let local = (d.tokens.start.saturating_sub(1)..d.tokens.end)
                .any(|k| s.tokens.get(k).is_some_and(|t| t.norm == "local"));
            let last_place = || {
                locations
                    .iter()
                    .take(si)
                    .rev()
                    .find_map(|ls| ls.iter().max_by_key(|x| x.0))
                    .map(|x| x.1)
            };
            let home = residence(&d, &s.tokens, locations.get(si).map_or(&[][..], |v| v));
            // "Ameritech Corp. of Chicago": a firm the lexicon does not know takes the state
            // the text places it in, and no other.
            if d.org
                && d.kind == MentionKind::Name
                && d.entity.code.is_none()
                && d.entity.sector == Some(lapwing_core::plover::Sector::Bus)
            {
                d.entity.code = home;
            }
            // "The High Constitutional Court later invited ...": a state's one court or
            // chamber, named with no place, is the story's state's, though the paragraph may
            // talk more of another ("a French military aircraft evacuated him").
            let named_body = s.tokens.get(d.tokens.start).is_some_and(|t| t.capitalised);
            let institution = (d.definite || named_body)
                && !d.plural
                && d.needs_code
                && d.kind == MentionKind::Nominal
                && matches!(
                    d.entity.sector,
                    Some(lapwing_core::plover::Sector::Jud | lapwing_core::plover::Sector::Leg)
                );
            let story_state = dominant.filter(|_| institution);
            let dominant = home
                .or(reported_state)
                .or(part_of)
                .or(nearest)
                .or_else(|| local.then(last_place).flatten())
                .or(story_state)
                .or(paragraph_best.get(si).copied().flatten());
            if let Some((m, mt)) = resolve(d, si, s, &out, &meta, dominant) {
                if let (Some(o), Some(mm)) = (out.last_mut(), meta.last_mut()) {
                    o.push(m);
                    mm.push(mt);
                }
            }
        }
        if let Some(ms) = out.last_mut() {
            affiliated_fighters(ms, &s.tokens);
            described_members(ms, &s.tokens);
        }
    }
    (out, weak, dominant)
}

/// Words before a state that make it a partner or a topic, not a place ("sympathising with
/// North Korea", "sanctions against Iran", "a dispute about Taiwan"): the state a verb deals
/// with is not where the sentence happens.
fn partner_word(w: &str) -> bool {
    matches!(w, "with" | "against" | "about")
}

/// Whether token `start` opens its sentence, or its first clause after a dateline ("KYIV -").
fn opens_sentence(toks: &[lapwing_core::Token], start: usize) -> bool {
    start == 0 || toks.get(start - 1).is_some_and(|t| t.norm == "-")
}

/// A one-word institution name the lexicon files under one state ("Congress", "Senate").
fn bare_organ(d: &Draft, toks: &[lapwing_core::Token]) -> bool {
    d.kind == MentionKind::Name
        && d.pron.is_none()
        && d.entity.code.is_some()
        && d.tokens.len() == 1
        && toks.get(d.tokens.start).is_some_and(|t| crate::compose::generic_organ(t.norm.as_str()))
}

/// How many tokens back from `start` a list of names ("China, India and Russia") is led by a
/// word `lead` accepts ("from China, India and Russia"), looking at most 12 tokens back.
fn list_lead(
    toks: &[lapwing_core::Token],
    start: usize,
    lead: impl Fn(&str) -> bool,
) -> Option<usize> {
    let mut q = start;
    for steps in 1..=12 {
        q = q.checked_sub(1)?;
        let t = toks.get(q)?;
        match t.norm.as_str() {
            w if lead(w) => return Some(steps),
            "," | "and" | "or" | "the" => {}
            _ if t.capitalised && t.kind == lapwing_core::TokenKind::Word => {}
            _ => return None,
        }
    }
    None
}

/// Gives mention `i` the code and sector of mention `group`, whose entries become its evidence.
fn adopt_group(ms: &mut [Mention], i: usize, group: usize) {
    let Some((code, sector, entries)) =
        ms.get(group).map(|g| (g.entity.code, g.entity.sector, g.entries.clone()))
    else {
        return;
    };
    if let Some(m) = ms.get_mut(i) {
        m.entity.code = code;
        m.entity.sector = sector;
        m.entries.extend(entries);
    }
}

/// "Jihadist fighters linked to al Qaeda", "militants affiliated with Islamic State": armed men
/// no state word describes are of the armed group they are tied to, not of the place they
/// fight in.
fn affiliated_fighters(ms: &mut [Mention], toks: &[lapwing_core::Token]) {
    use lapwing_core::plover::Sector;
    let armed = |s: Option<Sector>| matches!(s, Some(Sector::Reb | Sector::Uaf | Sector::Prm));
    let at = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    for i in 0..ms.len() {
        let Some(m) = ms.get(i) else { continue };
        let k = m.tokens.end;
        let tied = matches!(at(k), "linked" | "affiliated" | "allied" | "loyal" | "aligned")
            && matches!(at(k + 1), "to" | "with");
        // (A state word of its own keeps its state: "Syrian fighters linked to Turkey".)
        let stated = m.entries.iter().any(|e| e.source.contains("countries.tsv"));
        if !tied || stated || m.kind != MentionKind::Nominal || !armed(m.entity.sector) {
            continue;
        }
        let group = ms.iter().position(|g| {
            g.tokens.start == k + 2 && g.kind == MentionKind::Name && armed(g.entity.sector)
        });
        if let Some(g) = group {
            adopt_group(ms, i, g);
        }
    }
}

/// "killing 11 people he described as members of the Tren de Aragua gang", "three men
/// identified as members of Hamas": people described as members of a group, with no state
/// word of their own, are of that group.
fn described_members(ms: &mut [Mention], toks: &[lapwing_core::Token]) {
    let at = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    for i in 0..ms.len() {
        let Some(m) = ms.get(i) else { continue };
        if m.kind != MentionKind::Nominal
            || m.entries.iter().any(|e| e.source.contains("countries.tsv"))
        {
            continue;
        }
        let mut k = m.tokens.end;
        // "(whom) he described as", "identified by police as".
        if matches!(at(k), "whom" | "that" | "who") {
            k += 1;
        }
        if matches!(at(k), "he" | "she" | "they" | "officials" | "police" | "authorities") {
            k += 1;
        }
        if matches!(at(k), "were" | "was") {
            k += 1;
        }
        if !matches!(
            at(k),
            "described" | "identified" | "called" | "named" | "labelled" | "labeled"
        ) {
            continue;
        }
        k += 1;
        if at(k) != "as" {
            continue;
        }
        k += 1;
        if !matches!(at(k), "members" | "member") || at(k + 1) != "of" {
            continue;
        }
        k += 2;
        if at(k) == "the" {
            k += 1;
        }
        // (The lexicon may read "members of Hamas" as one mention.)
        let group = ms.iter().position(|g| {
            (g.tokens.contains(&k) || g.tokens.start == k.saturating_sub(3))
                && g.kind != MentionKind::Pronoun
                && g.entity.code.is_some()
        });
        if let Some(g) = group {
            adopt_group(ms, i, g);
        }
    }
}

/// Where a person the lexicon does not know lives, when the text says so right after the
/// name: "Juan Miguel Gonzalez of Cardenas", "John Smith, 45, of London", "X, who lives in
/// Cuba", "X, a hotel worker in Cardenas, Cuba". `here` holds the sentence's locations.
fn residence(
    d: &Draft,
    toks: &[lapwing_core::Token],
    here: &[(usize, ActorCode, usize)],
) -> Option<ActorCode> {
    let firm = d.org && d.entity.sector == Some(lapwing_core::plover::Sector::Bus);
    if !((d.person && d.needs_code) || firm)
        || d.kind != MentionKind::Name
        || d.entity.code.is_some()
    {
        return None;
    }
    let at = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let place_at = |k: usize| here.iter().find(|(p, _, _)| *p == k).map(|x| x.1);
    // "Chicago-based Ameritech Corp.": a firm's seat before its name.
    let s0 = d.tokens.start;
    if firm && s0 >= 3 && at(s0 - 1) == "based" && at(s0 - 2) == "-" {
        if let Some(c) = place_at(s0 - 3) {
            return Some(c);
        }
    }
    let mut k = d.tokens.end;
    // An age set off by commas.
    if at(k) == ","
        && toks.get(k + 1).is_some_and(|t| t.kind == lapwing_core::TokenKind::Number)
        && at(k + 2) == ","
    {
        k += 3;
    }
    if at(k) == "of" {
        return place_at(k + 1);
    }
    let mut j = k;
    if at(j) == "," {
        j += 1;
    }
    if at(j) == "who" {
        j += 1;
    }
    if matches!(at(j), "lives" | "lived" | "living" | "resides" | "resided") && at(j + 1) == "in" {
        return place_at(j + 2);
    }
    // An appositive of a few plain words: ", a hotel worker in Cardenas".
    if at(k) == "," && matches!(at(k + 1), "a" | "an") {
        for j in k + 2..k + 7 {
            let t = toks.get(j)?;
            if t.norm == "in" {
                return place_at(j + 1);
            }
            if t.kind != lapwing_core::TokenKind::Word || t.capitalised {
                return None;
            }
        }
    }
    None
}

/// Which tokens of a sentence stand inside quotation marks.
fn quoted_tokens(tokens: &[lapwing_core::Token]) -> Vec<bool> {
    let mut open = false;
    tokens
        .iter()
        .map(|t| {
            if t.norm == "\"" {
                open = !open;
                false
            } else {
                open
            }
        })
        .collect()
}

/// How many sentences back a reference may reach: far enough for news, and a bound that keeps
/// a book-length input linear.
const LOOK_BACK: usize = 60;

/// Earlier mentions, nearest first: (sentence, index), within `LOOK_BACK` sentences.
fn earlier(out: &[Vec<Mention>]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let first = out.len().saturating_sub(LOOK_BACK);
    out.iter()
        .enumerate()
        .skip(first)
        .rev()
        .flat_map(|(si, ms)| (0..ms.len()).rev().map(move |mi| (si, mi)))
}

fn get(out: &[Vec<Mention>], at: (usize, usize)) -> Option<&Mention> {
    out.get(at.0)?.get(at.1)
}

fn getm(meta: &[Vec<Meta>], at: (usize, usize)) -> Option<&Meta> {
    meta.get(at.0)?.get(at.1)
}

/// Whether token position `end` falls inside a phrase that opens the sentence and a comma
/// closes ("Since meeting the mayor in Paris, ...", "After talks with Putin, ...").
fn opening_phrase(s: &Sentence, end: usize) -> bool {
    let opens = s.tokens.first().is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "since"
                | "after"
                | "before"
                | "while"
                | "when"
                | "following"
                | "during"
                | "despite"
                | "although"
                | "though"
                | "as"
        )
    });
    opens
        && s.tokens.iter().skip(end).any(|t| t.norm == ",")
        && !s.tokens.iter().take(end).any(|t| t.norm == ",")
}

fn resolve(
    mut d: Draft,
    si: usize,
    s: &Sentence,
    out: &[Vec<Mention>],
    meta: &[Vec<Meta>],
    dominant: Option<ActorCode>,
) -> Option<(Mention, Meta)> {
    let mut antecedent: Option<(usize, usize)> = None;
    let mut they = false;
    let take = |at: (usize, usize), d: &mut Draft| -> (usize, usize) {
        let root = getm(meta, at).map(|m| m.root).unwrap_or(at);
        if let Some(m) = get(out, root) {
            let text = std::mem::take(&mut d.entity.entity_text);
            d.entity = Entity { entity_text: text, ..m.entity.clone() };
            d.entries.extend(m.entries.iter().cloned());
        }
        d.kind = MentionKind::Pronoun;
        root
    };
    if let Some(p) = d.pron {
        let found = match p {
            Pron::Person => {
                // The subject-most person: the first person of the nearest sentence that has
                // one ("Zelenskyy said the US only encourages Putin. '...,' he wrote").
                let is_person = |at: &(usize, usize)| getm(meta, *at).is_some_and(|m| m.person);
                // "In a letter to President Rafsanjani, Saddam said he would ...": a person after a
                // preposition is no subject while another person is.
                let subject_most = earlier(out).find(is_person).and_then(|(psi, _)| {
                    let n = out.get(psi).map(Vec::len).unwrap_or(0);
                    let free = |at: &(usize, usize)| {
                        is_person(at) && getm(meta, *at).is_some_and(|m| !m.after_prep)
                    };
                    (0..n)
                        .map(|mi| (psi, mi))
                        .find(free)
                        .or_else(|| (0..n).map(|mi| (psi, mi)).find(is_person))
                });
                // "Trump met al-Sharaa and urged him to ...": an object pronoun is not its own
                // clause's subject, so in its sentence it is the latest other person.
                // Nor the subject right before its verb ("Putin said Trump had called him").
                let object = s.tokens.get(d.tokens.start).is_some_and(|t| t.norm == "him");
                let own_subject = |at: &(usize, usize)| {
                    get(out, *at).is_some_and(|m| {
                        let between = m.tokens.end..d.tokens.start;
                        let nothing_between = out
                            .get(si)
                            .is_none_or(|ms| ms.iter().all(|x| !between.contains(&x.tokens.start)));
                        nothing_between
                            && between.clone().all(|k| {
                                s.tokens.get(k).is_some_and(|t| {
                                    t.kind == lapwing_core::TokenKind::Word
                                        && !PREPOSITIONS.contains(&t.norm.as_str())
                                        && !matches!(t.norm.as_str(), "and" | "or" | "but" | "then")
                                })
                            })
                    })
                };
                match subject_most {
                    Some(first) if object && first.0 == si => earlier(out)
                        .take_while(|at| at.0 == si)
                        .find(|at| is_person(at) && *at != first && !own_subject(at))
                        .or(Some(first).filter(|f| !own_subject(f)))
                        .or_else(|| earlier(out).skip_while(|at| at.0 == si).find(is_person)),
                    other => other,
                }
            }
            Pron::Plural => {
                they = true;
                let recent = |at: &(usize, usize)| at.0 + 2 >= si;
                earlier(out)
                    .take_while(recent)
                    .find(|&at| getm(meta, at).is_some_and(|m| m.they))
                    .or_else(|| {
                        earlier(out).take_while(|at| at.0 + 1 >= si).find(|&at| {
                            // ("The relatives said they would appeal": a plural description
                            // already tied to an earlier mention is still the nearest group.)
                            getm(meta, at)
                                .is_some_and(|m| m.plural && !m.person && !m.they && !m.example)
                                && get(out, at).is_some_and(|x| {
                                    matches!(x.kind, MentionKind::Nominal | MentionKind::Pronoun)
                                })
                        })
                    })
                    .or_else(|| {
                        earlier(out)
                            .take_while(recent)
                            .find(|&at| getm(meta, at).is_some_and(|m| m.org))
                    })
            }
            Pron::Group => {
                earlier(out).find(|&at| getm(meta, at).is_some_and(|m| m.org || m.group.is_some()))
            }
            Pron::Country => {
                let is_country = |at: &(usize, usize)| {
                    get(out, *at)
                        .is_some_and(|m| m.kind == MentionKind::Country && m.entity.code.is_some())
                };
                earlier(out)
                    .find(|at| is_country(at) && getm(meta, *at).is_some_and(|m| !m.after_prep))
                    .or_else(|| earlier(out).find(is_country))
            }
            // (Described, a state named sentences before is as likely another one: "France
            // condemned the coup. Bongo, whose family ruled the oil-producing country".)
            // (The sentence's first state, its topic: "Colombia agreed to accept deportees from
            // the United States, hours after Trump ordered tariffs on the South American
            // country".)
            Pron::DescribedCountry => earlier(out)
                .take_while(|at| at.0 == si)
                .filter(|at| {
                    get(out, *at)
                        .is_some_and(|m| m.kind == MentionKind::Country && m.entity.code.is_some())
                })
                .last(),
            Pron::It => {
                let eligible = |at: (usize, usize)| {
                    // The nearest organisation, state, capital or singular body ("the ministry").
                    getm(meta, at).is_some_and(|m| !m.person && !m.they)
                        && get(out, at).is_some_and(|m| {
                            let last = m
                                .entity
                                .entity_text
                                .rsplit(' ')
                                .next()
                                .unwrap_or("")
                                .to_lowercase();
                            let singular = getm(meta, at).is_some_and(|mm| !mm.plural)
                                || matches!(
                                    last.as_str(),
                                    "military"
                                        | "army"
                                        | "government"
                                        | "regime"
                                        | "administration"
                                        | "junta"
                                        | "cabinet"
                                        | "police"
                                        | "leadership"
                                        | "militia"
                                        | "judiciary"
                                        | "opposition"
                                        | "media"
                                );
                            // A capital named as a place ("visited Ankara") does not speak.
                            let place = m.kind == MentionKind::Capital
                                && getm(meta, at).is_some_and(|x| x.after_prep);
                            singular
                                && !place
                                && m.entity.code.is_some()
                                && matches!(
                                    m.kind,
                                    MentionKind::Name
                                        | MentionKind::Country
                                        | MentionKind::Capital
                                        | MentionKind::Nominal
                                        | MentionKind::Pronoun
                                )
                        })
                };
                // "Iraq said it invaded Kuwait ... It accused Kuwait of": a sentence that opens
                // with "it" goes on about the previous sentence's subject, not its object.
                let opens = d.tokens.start == 0
                    || (d.tokens.start == 1 && s.tokens.first().is_some_and(|t| t.norm == "\""));
                let prev_subject = si.checked_sub(1).filter(|_| opens).and_then(|ps| {
                    let n = out.get(ps).map(Vec::len).unwrap_or(0);
                    (0..n)
                        .map(|mi| (ps, mi))
                        .find(|&at| getm(meta, at).is_some_and(|m| !m.after_prep))
                        .filter(|&at| eligible(at))
                });
                // "The UAE, which denies arming the RSF, said it did not recognise": after a
                // relative clause, "said it" is the speaker, named before the clause.
                let w = |k: usize| s.tokens.get(k).map_or("", |t| t.norm.as_str());
                let said_it = d.tokens.start >= 2
                    && matches!(w(d.tokens.start - 1), "said" | "says" | "added" | "announced");
                let spoken = said_it && w(d.tokens.start - 2) == ",";
                // "Somalia recalled its ambassador to Ethiopia and said it considered the deal
                // null and void": after "and said", the sentence's own subject.
                let coordinated = said_it && w(d.tokens.start - 2) == "and";
                let main_subject = coordinated
                    .then(|| {
                        let n = out.get(si).map(Vec::len).unwrap_or(0);
                        (0..n)
                            .map(|mi| (si, mi))
                            .find(|&at| getm(meta, at).is_some_and(|m| !m.after_prep))
                            .filter(|&at| {
                                eligible(at)
                                    && get(out, at)
                                        .is_some_and(|m| opens_sentence(&s.tokens, m.tokens.start))
                            })
                    })
                    .flatten();
                let speaker = spoken
                    .then(|| {
                        let close = d.tokens.start - 2;
                        let open = (close.saturating_sub(15)..close)
                            .rev()
                            .find(|&k| w(k) == "," && close > k + 1)?;
                        // (Also past an apposition opening the sentence: "China, Pakistan's
                        // closest ally, said it regretted ...".)
                        let relative = matches!(w(open + 1), "which" | "who");
                        let n = out.get(si).map(Vec::len).unwrap_or(0);
                        (0..n)
                            .map(|mi| (si, mi))
                            .find(|&at| {
                                get(out, at).is_some_and(|m| {
                                    m.tokens.end == open
                                        && (relative || opens_sentence(&s.tokens, m.tokens.start))
                                })
                            })
                            .filter(|&at| eligible(at))
                    })
                    .flatten();
                speaker.or(main_subject).or(prev_subject).or_else(|| {
                    earlier(out).take_while(|at| at.0 + 1 >= si).find(|&at| eligible(at))
                })
            }
            Pron::Ministry => earlier(out).find(|&at| {
                get(out, at)
                    .is_some_and(|m| m.entity.entity_text.to_lowercase().contains("ministry"))
            }),
            // "The Norwegian Nobel Committee awarded ... the White House accused the
            // committee": the body named before with that word, in the last few sentences.
            Pron::Body => {
                let word = s.tokens.get(d.tokens.start + 1).map(|t| t.norm.clone());
                earlier(out).take_while(|at| at.0 + 3 >= si).find(|&at| {
                    get(out, at).is_some_and(|m| {
                        m.kind != MentionKind::Pronoun
                            && m.entity.code.is_some()
                            && word.as_deref().is_some_and(|w| {
                                m.entity
                                    .entity_text
                                    .rsplit(' ')
                                    .next()
                                    .is_some_and(|last| last.eq_ignore_ascii_case(w))
                            })
                    })
                })
            }
        };
        let member_of =
            found.and_then(|at| getm(meta, at)).filter(|m| !m.org).and_then(|m| m.group.clone());
        match (found, p) {
            (Some(at), Pron::Group) if member_of.is_some() => {
                if let Some(g) = member_of {
                    let text = std::mem::take(&mut d.entity.entity_text);
                    d.entity = Entity { entity_text: text, ..g };
                }
                d.kind = MentionKind::Pronoun;
                antecedent = Some(at);
            }
            (Some(at), _) => antecedent = Some(take(at, &mut d)),
            (None, Pron::Country | Pron::DescribedCountry) => {
                d.entity.code = dominant;
                dominant?;
            }
            (None, Pron::Ministry) => {
                d.kind = MentionKind::Nominal;
                d.entity.code = dominant;
                d.entity.sector = Some(lapwing_core::plover::Sector::Gov);
            }
            (None, _) => return None,
        }
    } else if let Some(at) = (d.person
        && d.kind == MentionKind::Name
        && d.entity.sector == Some(lapwing_core::plover::Sector::Eli))
    .then(|| {
        // "Sytenko, a former deputy secretary-general of the United Nations" after "Soviet
        // special envoy Gennady Sytenko": a past office told in apposition does not make a
        // person already named someone else.
        let w = d.surnames.last()?;
        earlier(out).take_while(|at| at.0 + 60 >= si).find(|&at| {
            getm(meta, at).is_some_and(|m| m.person && m.surnames.contains(w))
                && get(out, at).is_some_and(|m| {
                    m.entity.code.is_some()
                        && m.entity.sector != Some(lapwing_core::plover::Sector::Eli)
                })
        })
    })
    .flatten()
    {
        antecedent = Some(take(at, &mut d));
        d.needs_code = false;
    } else if d.surname_only {
        let w = d.surnames.first().cloned().unwrap_or_default();
        // ("Telerate" after "Telerate Inc.": a firm goes by its first word too.)
        let at = earlier(out).find(|&at| {
            getm(meta, at).is_some_and(|m| (m.person || m.org) && m.surnames.contains(&w))
        })?;
        let root = getm(meta, at).map(|m| m.root).unwrap_or(at);
        let firm = getm(meta, root).is_some_and(|m| m.org && !m.person);
        let key = getm(meta, root).and_then(|m| m.person_key.clone());
        antecedent = Some(take(at, &mut d));
        if firm {
            d.person = false;
            d.org = true;
        } else {
            d.person = true;
            d.person_key = key;
        }
    } else if let Some(at) = honorific_surname(&d).and_then(|w| {
        // Bounded, so that a book-length input stays linear.
        earlier(out)
            .take_while(|at| at.0 + 60 >= si)
            .find(|&at| getm(meta, at).is_some_and(|m| m.person && m.surnames.contains(&w)))
    }) {
        // "Juanita Castro" after "Fidel Castro" is his sister: a first name the earlier person
        // does not bear is someone else, of the same family and so most likely of the same
        // state ("Hillary Rodham Clinton" is still Hillary Clinton).
        let other = d.given_name.as_deref().is_some_and(|g| {
            get(out, at).is_some_and(|m| {
                ![Some(&m.entity.entity_text), m.entity.identifier_text.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|t| t.split(' ').any(|x| x.eq_ignore_ascii_case(g)))
            })
        });
        if !other {
            // "Mrs Clinton" after "Hillary Clinton": an unknown titled name is the earlier
            // person of that surname.
            antecedent = Some(take(at, &mut d));
            d.needs_code = false;
        } else if let Some(c) = get(out, at).and_then(|m| m.entity.code) {
            d.entity.code = Some(c);
            d.needs_code = false;
        }
    } else if let Some(key) = d.person_key.clone() {
        let found = earlier(out).find(|&at| {
            getm(meta, at).is_some_and(|m| m.person_key.as_deref() == Some(key.as_str()))
        });
        if let Some(at) = found {
            let root = getm(meta, at).map(|m| m.root).unwrap_or(at);
            let titled = getm(meta, root).is_some_and(|m| m.text_title);
            if titled && !d.text_title {
                antecedent = Some(take(at, &mut d));
            } else {
                antecedent = Some(root);
                d.kind = MentionKind::Pronoun;
            }
        }
    } else if d.definite && d.needs_code {
        let office = d.entity.office.as_ref().map(|o| o.to_lowercase());
        let found = if d.person {
            // ("the president" after "President Clinton", whose office the lexicon gives in
            // full: "President of the United States".)
            let same_office = |o: &str| {
                let o = o.to_lowercase();
                office.as_deref().is_some_and(|w| {
                    o == w || o.strip_prefix(w).is_some_and(|rest| rest.starts_with(" of "))
                })
            };
            // The first holder named, the story's own ("President Obama ... the Russian
            // president ... The president said"), not the latest.
            earlier(out)
                .filter(|&at| {
                    getm(meta, at).is_some_and(|m| m.person)
                        && get(out, at).is_some_and(|m| {
                            m.entity.office.as_deref().is_some_and(same_office)
                                && m.kind != MentionKind::Nominal
                        })
                })
                .last()
        } else {
            // "In France, the government has asked ...": a state named as the place earlier in
            // the sentence is whose government, army or police it is.
            let framed = out.get(si).and_then(|ms| {
                ms.iter().find_map(|m| {
                    // (Only a frame opening the sentence: "brokered by Turkey" names no place.)
                    (m.tokens.end <= d.tokens.start
                        && m.tokens.start <= 2
                        && matches!(m.kind, MentionKind::Country | MentionKind::Capital)
                        && s.tokens
                            .get(m.tokens.start.wrapping_sub(1))
                            .is_some_and(|t| t.norm == "in"))
                    .then_some(m.entity.code)
                    .flatten()
                })
            });
            earlier(out).take_while(|at| at.0 + 6 >= si).find(|&at| {
                // ("The police barred the crowd" in Istanbul after "killings by Serb police"
                // in the sentence before: a body told of only after a preposition in an earlier
                // sentence, "by", "between", "against", is not what "the police" refers back
                // to; one told "of" still is.)
                getm(meta, at).is_some_and(|m| {
                    !m.person && !m.act && (at.0 == si || !m.after_prep || m.after_of)
                }) && get(out, at).is_some_and(|m| {
                    // "the militia" may be the RSF, coded as rebels: armed is armed.
                    let compatible = m.entity.sector == d.entity.sector
                        || (armed(m.entity.sector) && armed(d.entity.sector));
                    // A capital named as a place ("talks in Astana") is no government
                    // for "the government" to refer back to.
                    let place = m.kind == MentionKind::Capital
                        && getm(meta, at).is_some_and(|x| x.after_prep);
                    // ("Washington regretted the junta's decision": a junta or a regime is the
                    // one named so before, not any government.)
                    let head = s.tokens.get(d.head).map_or("", |t| t.norm.as_str());
                    let kind_named = !matches!(head, "junta" | "regime")
                        || m.entity.entity_text.to_lowercase().contains(head);
                    compatible
                        && kind_named
                        && m.entity.code.is_some_and(|c| !c.is_non_state())
                        && m.kind != MentionKind::Country
                        && !place
                        && framed.is_none_or(|c| m.entity.code == Some(c))
                })
            })
        };
        if let Some(at) = found {
            let root = getm(meta, at).map(|m| m.root).unwrap_or(at);
            if let Some(m) = get(out, root) {
                d.entity.code = m.entity.code;
                if d.person || m.kind == MentionKind::Name {
                    let text = std::mem::take(&mut d.entity.entity_text);
                    d.entity = Entity { entity_text: text, ..m.entity.clone() };
                }
            }
            d.kind = MentionKind::Pronoun;
            d.needs_code = false;
            antecedent = Some(root);
        }
    }
    // (Bodies only: "hundreds of children" are not the children named before; and a member of
    // one, as a bare "government" may be another state's.)
    const BODIES: &[&str] = &[
        "junta",
        "government",
        "regime",
        "army",
        "military",
        "police",
        "ministry",
        "parliament",
        "court",
        "administration",
        "cabinet",
        "presidency",
        "embassy",
        "navy",
        "militia",
        "factory",
        "company",
        "firm",
    ];
    // "Niger's ruling junta revoked the deal ... A junta spokesman accused the Americans":
    // an indefinite description naming a body told just before, with its state, is of that
    // body, not of the story's most named country.
    if d.needs_code
        && d.entity.code.is_none()
        && !d.definite
        && !d.possessed
        && d.pron.is_none()
        && d.kind == MentionKind::Nominal
    {
        let words: Vec<String> = d
            .entity
            .entity_text
            .split(' ')
            .map(str::to_lowercase)
            .filter(|w| w.len() > 3)
            .collect();
        let body = earlier(out).take_while(|at| at.0 + 6 >= si).find_map(|at| {
            let m = get(out, at)?;
            let c = m.entity.code.filter(|c| !c.is_non_state())?;
            if m.kind != MentionKind::Nominal || getm(meta, at).is_none_or(|x| x.person) {
                return None;
            }
            let last = m.entity.entity_text.rsplit(' ').next()?;
            // BODIES are lower-case ASCII words: an ASCII head that is none of them in any case
            // is rejected without lower-casing it into a new String.
            if last.is_ascii() && !BODIES.iter().any(|b| b.eq_ignore_ascii_case(last)) {
                return None;
            }
            let head = last.to_lowercase();
            (BODIES.contains(&head.as_str())
                && words.contains(&head)
                && words.last() != Some(&head))
            .then_some(c)
        });
        if let Some(c) = body {
            d.entity.code = Some(c);
            d.needs_code = false;
        }
    }
    // "Israeli forces raided Jenin. Soldiers arrested 12 people.": bare soldiers are the army
    // of the story's last few sentences, not of the place they are in.
    if d.needs_code
        && d.entity.code.is_none()
        && !d.person
        && !d.possessed
        && d.entity.sector == Some(lapwing_core::plover::Sector::Mil)
    {
        let army = earlier(out).take_while(|at| at.0 + 3 >= si).find_map(|at| {
            let m = get(out, at)?;
            let c = m.entity.code.filter(|c| !c.is_non_state())?;
            (m.entity.sector == Some(lapwing_core::plover::Sector::Mil)
                && m.kind != MentionKind::Country)
                .then_some(c)
        });
        if army.is_some() {
            d.entity.code = army;
            d.needs_code = false;
        }
    }
    // "Ambassador Andrei Karlov" after "Russia's ambassador": the same office, the same state.
    if d.needs_code && d.person && d.entity.code.is_none() {
        if let Some(office) = d.entity.office.as_ref().map(|o| o.to_lowercase()) {
            let same = earlier(out).find_map(|at| {
                let m = get(out, at)?;
                let o = m.entity.office.as_ref()?.to_lowercase();
                (o == office).then_some(m.entity.code).flatten()
            });
            if same.is_some() {
                d.entity.code = same;
                d.needs_code = false;
            }
        }
    }
    // "Guterres was appalled, his spokesman Stephane Dujarric said": an aide named after a
    // possessive pronoun serves whoever the pronoun is.
    // (Not kin: "his son" is of whatever state the son is.)
    let kin = s.tokens.get(d.head).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "son"
                | "sons"
                | "daughter"
                | "daughters"
                | "wife"
                | "husband"
                | "father"
                | "mother"
                | "brother"
                | "brothers"
                | "sister"
                | "sisters"
                | "family"
                | "children"
                | "child"
                | "relatives"
                | "uncle"
                | "aunt"
                | "cousin"
                | "cousins"
                | "parents"
                | "boy"
                | "girl"
                | "grandmother"
                | "grandfather"
                | "nephew"
                | "niece"
        )
    });
    let aide = !kin;
    if d.needs_code && d.entity.code.is_none() && aide && d.tokens.start > 0 {
        let before = d.tokens.start - 1;
        let his = s.tokens.get(before).is_some_and(|t| matches!(t.norm.as_str(), "his" | "her"));
        let owner = out.get(si).and_then(|ms| {
            ms.iter().find(|m| his && m.tokens == (before..before + 1) && m.entity.code.is_some())
        });
        if let Some(o) = owner {
            d.entity.code = o.entity.code;
            d.needs_code = false;
        }
    }
    // "The Russian Defense Ministry said its forces ...": the owner is the nearest earlier
    // actor of this or the previous sentence.
    if d.needs_code && d.possessed && d.entity.code.is_none() {
        let owner = earlier(out)
            .take_while(|at| at.0 + 1 >= si)
            .find_map(|at| {
                get(out, at).filter(|m| m.kind != MentionKind::Pronoun || m.antecedent.is_some())
            })
            .map(|m| (m.entity.code, m.entity.sector));
        if let Some((Some(code), sector)) = owner {
            d.entity.code = Some(code);
            // "Hezbollah said its fighters": a militia's forces are the militia.
            if d.entity.sector == Some(lapwing_core::plover::Sector::Mil) && armed(sector) {
                d.entity.sector = sector;
            }
            d.needs_code = false;
        }
    }
    // "the EU's special representative for the dialogue, Peter Sorensen,": a name the lexicon
    // does not know, set off by a comma after an office or a body, is its holder.
    if d.needs_code
        && d.entity.code.is_none()
        && d.kind == MentionKind::Name
        && d.tokens.start >= 2
        && s.tokens.get(d.tokens.start - 1).is_some_and(|t| t.norm == ",")
    {
        let comma = d.tokens.start - 1;
        // (The nearest mention before the comma: "met the boy's father, Juan Miguel
        // Gonzalez" is no holder of an office named further back.)
        let holder = out.get(si).and_then(|ms| {
            ms.iter().rev().find(|m| m.tokens.end <= comma && !m.kind.names_territory()).filter(
                |m| {
                    comma - m.tokens.end <= 8
                        && m.kind == MentionKind::Nominal
                        && m.entity.code.is_some()
                        && matches!(
                            m.entity.sector,
                            Some(
                                lapwing_core::plover::Sector::Gov
                                    | lapwing_core::plover::Sector::Mil
                                    | lapwing_core::plover::Sector::Jud
                                    | lapwing_core::plover::Sector::Leg
                                    | lapwing_core::plover::Sector::Cop
                            )
                        )
                },
            )
        });
        // "A Tanzanian man, Khalfan Khamis Mohamed, was arrested": a name set off right after
        // a person of a stated nationality is that person.
        let person = || {
            out.get(si).and_then(|ms| {
                ms.iter().rev().find(|m| {
                    m.tokens.end == comma
                        && m.kind == MentionKind::Nominal
                        && m.entity.code.is_some_and(|c| !c.is_non_state())
                        && m.entity.sector == Some(lapwing_core::plover::Sector::Cvl)
                        && s.tokens.get(d.tokens.end).is_some_and(|t| t.norm == ",")
                        // Its nationality stated ("A Tanzanian man"), not guessed ("the boy's
                        // father").
                        && (m.tokens.start..m.tokens.end).any(|k| {
                            s.tokens.get(k).is_some_and(|t| {
                                t.capitalised && !matches!(t.norm.as_str(), "a" | "an" | "the")
                            })
                        })
                })
            })
        };
        if let Some(h) = holder.or_else(person) {
            d.entity.code = h.entity.code;
            d.entity.sector = h.entity.sector;
            d.needs_code = false;
        }
    }
    // "British Foreign Office minister William Waldegrave", "Pentagon spokesman X": an office
    // holder of no named state right after a coded body serves that body's state.
    if d.needs_code && d.person && d.entity.code.is_none() {
        let body = out.get(si).and_then(|ms| {
            ms.iter().rev().find(|m| {
                m.tokens.end == d.tokens.start
                    && matches!(m.kind, MentionKind::Name | MentionKind::Capital)
                    && m.entity.code.is_some_and(|c| !c.is_non_state())
            })
        });
        if let Some(b) = body {
            d.entity.code = b.entity.code;
            d.needs_code = false;
        }
    }
    // "Sudan cut ties with the UAE on Tuesday, Defence Minister Yassin Ibrahim said": an
    // office holder of no named state speaks for the state the sentence is about, its subject,
    // not for the place named nearest to him.
    if d.needs_code
        && d.person
        && d.entity.code.is_none()
        && matches!(
            d.entity.sector,
            Some(lapwing_core::plover::Sector::Gov | lapwing_core::plover::Sector::Mil)
        )
    {
        // ("Soviet Foreign Ministry spokesman Yuri Gremitskikh said special ambassador Mikhail
        // Sytenko left": also a state's official who opens the sentence.)
        let subject = out.get(si).and_then(|ms| {
            ms.iter()
                .enumerate()
                .find(|(mi, m)| {
                    getm(meta, (si, *mi)).is_some_and(|x| !x.after_prep)
                        && (m.kind == MentionKind::Country
                            || (m.kind == MentionKind::Name
                                && getm(meta, (si, *mi)).is_some_and(|x| x.person)
                                && m.entity.sector == Some(lapwing_core::plover::Sector::Gov)))
                })
                .filter(|(_, m)| m.tokens.start <= 1)
                .and_then(|(_, m)| m.entity.code.filter(|c| !c.is_non_state()))
        });
        if subject.is_some() {
            d.entity.code = subject;
            d.needs_code = false;
        }
    }
    // Refugees and migrants are seldom of the country the story is about.
    if d.needs_code
        && d.entity.code.is_none()
        && d.entity.sector != Some(lapwing_core::plover::Sector::Ref)
    {
        d.entity.code = dominant;
    }
    let toks = &s.tokens;
    let start = toks.get(d.tokens.start)?.span.start;
    let end = toks.get(d.tokens.end.checked_sub(1)?)?.span.end;
    let idx = out.get(si).map(Vec::len).unwrap_or(0);
    // The word before the mention says how it is governed.
    let before =
        d.tokens.start.checked_sub(1).and_then(|p| s.tokens.get(p)).map(|t| t.norm.as_str());
    let mt = Meta {
        person: d.person,
        plural: d.plural,
        org: d.org,
        surnames: d.surnames.clone(),
        person_key: d.person_key.clone(),
        text_title: d.text_title,
        they,
        // ("Since meeting Aleppo Mayor Brita Hagi Hasan in Paris, Hidalgo has ...": a person
        // in a phrase that opens the sentence is not its subject either.)
        after_prep: opening_phrase(s, d.tokens.end)
            || before.is_some_and(|w| PREPOSITIONS.contains(&w))
            // "in Kazakhstan's capital, Astana": a capital in apposition is a place too.
            || (d.kind == MentionKind::Capital
                && d.tokens.start >= 2
                && s.tokens.get(d.tokens.start - 1).is_some_and(|t| t.norm == ",")
                && s.tokens.get(d.tokens.start - 2).is_some_and(|t| t.norm == "capital")),
        after_of: before == Some("of"),
        group: d.group.clone(),
        root: antecedent.unwrap_or((si, idx)),
        act: d.attacker,
        example: before == Some("including"),
    };
    let m = Mention {
        span: Span::new(start, end),
        tokens: d.tokens.clone(),
        head: d.head,
        entity: d.entity,
        kind: d.kind,
        entries: d.entries,
        antecedent,
    };
    Some((m, mt))
}
