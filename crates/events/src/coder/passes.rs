//! Document passes: what one sentence cannot settle alone. Attacks told again fold into their
//! first report, condemnations find the act they answer, protests take the state their demand
//! names, and candidates of one event in a sentence merge.

use super::*;

/// The first actor that belongs to a state, with its code: whose own people a curfew falls
/// on, whose government a protest addresses.
pub(super) fn own_state(actors: &[Mention]) -> Option<(ActorCode, &Mention)> {
    actors.iter().find_map(|m| m.entity.code.filter(|c| !c.is_non_state()).map(|c| (c, m)))
}

/// A party the text implies at another mention's words (the state's own people or
/// government), coded `code` and `sector` only.
pub(super) fn implied_party(at: &Mention, code: ActorCode, sector: Option<Sector>) -> Mention {
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
pub(super) fn sentence_range(
    out: &[EventCandidate],
    lo: usize,
    hi: usize,
) -> std::ops::Range<usize> {
    let a = out.partition_point(|c| c.sentence < lo);
    let b = out.partition_point(|c| c.sentence <= hi);
    a..b.max(a)
}

/// "Guterres welcomed the ceasefire and called on both sides to respect it": praise of an
/// agreement, or a call on (or criticism of) "both sides" or "both countries", is addressed
/// to the parties of the nearest agreement (or two-sided fighting) reported before it.
pub(super) fn welcome_agreements(sentences: &[Sentence], out: &mut [EventCandidate]) {
    const DEALS: &[&str] =
        &["ceasefire", "truce", "agreement", "deal", "accord", "pact", "ceasefires", "agreements"];
    const SIDES: &[&str] = &["sides", "parties", "countries", "nations", "governments"];
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        let Some(s) = sentences.get(c.sentence) else { continue };
        // "was in contact with both sides and urged them to show restraint": "them" is both
        // sides, whatever the actor coder tied the pronoun to.
        let both_before = s.tokens.windows(2).any(|w| {
            w[1].span.end <= c.trigger.start
                && matches!(w[0].norm.as_str(), "both" | "two")
                && listed(&w[1].norm, SIDES)
        });
        let them = c.recipients.len() == 1
            && c.recipients.first().is_some_and(|m| {
                m.kind == MentionKind::Pronoun && m.entity.entity_text.eq_ignore_ascii_case("them")
            });
        if !(c.recipients.is_empty() || (them && both_before))
            || !matches!(c.event, EventType::Support | EventType::Request | EventType::Accuse)
        {
            continue;
        }
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
            _ => {
                after.iter().any(|w| SIDES.contains(w))
                    || (both_before && after.first().is_some_and(|w| *w == "them"))
            }
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
        // Both sides of a dispute told without a joint act: the latest act of one state
        // against another, within ten sentences ("Kosovo police detained a Serb ... urged
        // both sides").
        let sides = || {
            (0..=sentence.min(10)).map(|back| sentence - back).find_map(|sn| {
                out.get(sentence_range(out, sn, sn)).unwrap_or_default().iter().rev().find_map(
                    |o| {
                        let (a, r) = (codes_of(&o.actors), codes_of(&o.recipients));
                        let apart = a.len() == 1
                            && r.len() == 1
                            && a.is_disjoint(&r)
                            && a.iter().chain(&r).all(|x| !x.is_non_state())
                            && a.is_disjoint(&mine)
                            && r.is_disjoint(&mine);
                        // (The sides are the states, not the police and the man held.)
                        (o.sentence == sn && o.sentence < sentence && apart).then(|| {
                            o.actors
                                .iter()
                                .chain(&o.recipients)
                                .map(|m| {
                                    let mut m = m.clone();
                                    m.entity.sector = None;
                                    m
                                })
                                .collect::<Vec<_>>()
                        })
                    },
                )
            })
        };
        let parties = parties.or_else(|| (c.event == EventType::Request).then(sides).flatten());
        if let (Some(p), Some(c)) = (parties, out.get_mut(i)) {
            c.recipients = p;
        }
    }
}

/// The codes and sectors of a list of mentions, for comparing parties.
pub(super) type EntitySet = Vec<(Option<ActorCode>, Option<Sector>)>;

/// "Iraq condemned those strikes, saying they had killed 16 people", "Russia called them
/// 'irresponsible'": "they" and "them" after an attack named earlier in the sentence are the
/// attack, so its doers stand in for the pronoun.
/// An "it" the actor coder resolved to a party named after the attack ("India struck nine
/// sites, and Pakistan said it had shot down five jets") is that party, not the attack.
pub(super) fn pronouns_for_attacks(
    out: &mut [EventCandidate],
    mentions: &[Vec<Mention>],
    said_between: impl Fn(usize, usize, usize) -> bool,
) {
    // (Only "it" right after its antecedent's verb of saying: "Hamas said they had killed 16
    // people" after a strike is still the strike, and so is "it" in "invaded Ukraine ... and
    // in 2025 it struck Kyiv".)
    let named_after = |m: &Mention, sentence: usize, end: usize| {
        m.entity.entity_text.eq_ignore_ascii_case("it")
            && m.antecedent.is_some_and(|(si, mi)| {
                si == sentence
                    && mentions.get(si).and_then(|v| v.get(mi)).is_some_and(|a| {
                        // ("Pakistan said 26 civilians had been killed and that it ...")
                        a.span.start >= end && said_between(si, a.span.end, m.span.start)
                    })
            })
    };
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
        let slot = if actor_slot { &c.actors } else { &c.recipients };
        if let Some(o) = attack {
            if slot.iter().any(|m| named_after(m, c.sentence, o.trigger.end)) {
                continue;
            }
        }
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
pub(super) fn fold_untargeted_attacks(out: &mut Vec<EventCandidate>) {
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

/// The candidates told before `c` (earlier in its sentence, or up to `back` sentences before),
/// latest first: where the answer passes look for the act a statement answers.
pub(super) fn told_before<'a>(
    out: &'a [EventCandidate],
    c: &EventCandidate,
    back: usize,
) -> Vec<&'a EventCandidate> {
    let range = sentence_range(out, c.sentence.saturating_sub(back), c.sentence);
    let mut told: Vec<&EventCandidate> = out
        .get(range)
        .unwrap_or_default()
        .iter()
        .filter(|o| o.sentence < c.sentence || o.trigger.start < c.trigger.start)
        .collect();
    told.sort_by_key(|o| std::cmp::Reverse((o.sentence, o.trigger.start)));
    told
}

/// Folds each candidate `i` of `fold` into candidate `j`: `j` records `i`'s sentence as a
/// further report of the same event, and `i` is dropped.
/// "A Paris court found Le Pen guilty and barred her from running for office": a ban a court
/// hands down with its sentence is part of the sentence, not a second event.
pub(super) fn fold_court_bans(out: &mut Vec<EventCandidate>) {
    let court = |c: &EventCandidate| {
        !c.actors.is_empty() && c.actors.iter().all(|m| m.entity.sector == Some(Sector::Jud))
    };
    let sentenced: BTreeSet<(usize, BTreeSet<ActorCode>)> = out
        .iter()
        .filter(|c| c.event == EventType::Sanction && court(c))
        .map(|c| (c.sentence, codes_of(&c.actors)))
        .collect();
    out.retain(|c| {
        let ban = c.event == EventType::Coerce && c.modes.contains(&Mode::Restrict) && court(c);
        !ban || !sentenced.contains(&(c.sentence, codes_of(&c.actors)))
    });
}

pub(super) fn fold_into(out: &mut Vec<EventCandidate>, fold: Vec<(usize, usize)>) {
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
pub(super) fn fold_unknown_attackers(out: &mut Vec<EventCandidate>) {
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
pub(super) fn fold_retold_attacks(out: &mut Vec<EventCandidate>) {
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

/// "India blamed Pakistan for the attack. Pakistan denied any role": a denial that names no
/// one answers the latest accusation made against the denier. "The father asked Reno to move
/// the boy ... Reno denied the request": a refusal that names a request answers the latest
/// request made to the refuser (or to no one named).
pub(super) fn answer_accusations(text: &str, out: &mut [EventCandidate]) {
    const ASKED: &[&str] = &[
        "request",
        "requests",
        "demand",
        "demands",
        "call",
        "calls",
        "appeal",
        "appeals",
        "plea",
        "pleas",
        "petition",
        "petitions",
        "ultimatum",
    ];
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if c.event != EventType::Reject || !c.recipients.is_empty() || c.actors.is_empty() {
            continue;
        }
        let said = text.get(c.trigger.start..c.trigger.end).unwrap_or_default();
        // (The trigger's first word is its verb: "appeal the decision" asks nothing.)
        let request = said
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| !w.is_empty())
            .skip(1)
            .any(|w| ASKED.contains(&w));
        let mine = codes_of(&c.actors);
        let accuser = out
            .iter()
            .take(i)
            .rev()
            .filter(|o| o.sentence + 10 >= c.sentence)
            .find(|o| {
                let answered = if request {
                    o.event == EventType::Request
                        && (o.recipients.is_empty() || !codes_of(&o.recipients).is_disjoint(&mine))
                } else {
                    o.event == EventType::Accuse && !codes_of(&o.recipients).is_disjoint(&mine)
                };
                answered
                    && !o.aux.negated
                    && !o.actors.is_empty()
                    && codes_of(&o.actors).is_disjoint(&mine)
            })
            .map(|o| o.actors.clone());
        // "India suspended the treaty with Pakistan ... Pakistan denied any role in the
        // attack": a denial of a part in an act answers whoever just turned on the denier.
        let denial = said.to_lowercase().starts_with("den")
            && ["role", "involvement", "responsibility", "part"].iter().any(|w| said.contains(w));
        let accuser = accuser.or_else(|| {
            if !denial {
                return None;
            }
            out.iter()
                .take(i)
                .rev()
                .filter(|o| o.sentence + 3 >= c.sentence)
                .find(|o| {
                    matches!(
                        o.event,
                        EventType::Accuse
                            | EventType::Threaten
                            | EventType::Sanction
                            | EventType::Coerce
                    ) && !o.aux.negated
                        && !o.actors.is_empty()
                        && !codes_of(&o.recipients).is_disjoint(&mine)
                        && codes_of(&o.actors).is_disjoint(&mine)
                })
                .map(|o| o.actors.clone())
        });
        if let (Some(a), Some(c)) = (accuser, out.get_mut(i)) {
            c.recipients = a;
        }
    }
}

/// "China condemned the U.S. strikes as a violation of the U.N. Charter": an attack named as
/// the object of a statement is the attack already told by the same doers, not a new one.
pub(super) fn fold_answered_attacks(out: &mut Vec<EventCandidate>) {
    let mut fold: Vec<(usize, usize)> = Vec::new();
    for (i, c) in out.iter().enumerate() {
        if c.event != EventType::Assault || c.actors.is_empty() {
            continue;
        }
        let answered = out.iter().any(|s| {
            s.sentence == c.sentence
                && matches!(
                    s.event,
                    EventType::Accuse | EventType::Support | EventType::Reject | EventType::Request
                )
                && s.trigger.end <= c.trigger.start
                && c.trigger.start - s.trigger.end <= 30
        });
        if !answered {
            continue;
        }
        let mine = codes_of(&c.actors);
        let earlier = out.iter().enumerate().take(i).find(|(_, e)| {
            e.event == EventType::Assault
                && e.sentence < c.sentence
                && c.sentence - e.sentence <= 40
                && !e.aux.negated
                && !e.aux.hypothetical
                && codes_of(&e.actors) == mine
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
pub(super) fn protest_demands(out: &mut Vec<EventCandidate>) {
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
pub(super) fn answer_attacks(text: &str, out: &mut [EventCandidate]) {
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
                && !unknown_doers(&o.actors)
                && !o.aux.negated
                && !o.aux.hypothetical
                && !theirs.is_empty()
                && theirs.is_disjoint(&mine)
        };
        // (The trigger and the words right after it: "detonated a roadside bomb" is a bombing.)
        let told_as = |o: &EventCandidate, stems: &[&str]| {
            let mut end = (o.trigger.end + 30).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let t = text.get(o.trigger.start..end.max(o.trigger.end)).unwrap_or("").to_lowercase();
            stems.iter().any(|st| t.contains(st))
        };
        // In an earlier sentence the act told last is the one answered ("... followed U.S.
        // strikes on Iraq. Iraq condemned those strikes").
        let in_sentence = |sn: usize, stems: Option<&[&str]>| {
            let fits =
                |o: &&EventCandidate| answers(o, sn) && stems.is_none_or(|st| told_as(o, st));
            let told = out.get(sentence_range(out, sn, sn)).unwrap_or_default();
            let found =
                if sn < sentence { told.iter().rev().find(fits) } else { told.iter().find(fits) };
            found.map(|o| o.actors.clone())
        };
        // "condemned the attack on the convoy": of the attacks told, the one on that target.
        let target = text.get(c.trigger.end..).and_then(|rest| {
            let words: Vec<String> = rest
                .split_whitespace()
                .take(6)
                .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase())
                .collect();
            let on = words.iter().position(|w| w == "on")?;
            let mut k = on + 1;
            while words.get(k).is_some_and(|w| matches!(w.as_str(), "the" | "a" | "its" | "their"))
            {
                k += 1;
            }
            words.get(k).filter(|w| w.len() > 3).cloned()
        });
        let on_target = target.and_then(|tw| {
            (1..=sentence.min(20)).map(|back| sentence - back).find_map(|sn| {
                let told = out.get(sentence_range(out, sn, sn)).unwrap_or_default();
                told.iter()
                    .find(|o| {
                        answers(o, sn)
                            && text
                                .get(o.clause.start..o.clause.end)
                                .is_some_and(|t| t.to_lowercase().contains(tw.as_str()))
                    })
                    .map(|o| o.actors.clone())
            })
        });
        let by_name = on_target.or_else(|| {
            named.and_then(|stems| {
                (0..=sentence.min(20))
                    .map(|back| sentence - back)
                    .find_map(|sn| in_sentence(sn, Some(stems)))
            })
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
pub(super) fn answer_rulings(text: &str, out: &mut [EventCandidate]) {
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if !matches!(c.event, EventType::Support | EventType::Reject | EventType::Accuse)
            || !c.recipients.is_empty()
        {
            continue;
        }
        // (The words of the trigger count too: "described the mass trial as farcical".)
        let words =
            text.get(c.trigger.start..c.trigger.end).map_or(0, |t| t.split_whitespace().count());
        let ruling = text.get(c.trigger.start..).is_some_and(|rest| {
            rest.split_whitespace().take(words.min(6) + 3).any(|w| {
                let w = w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase();
                matches!(
                    w.as_str(),
                    "ruling"
                        | "rulings"
                        | "verdict"
                        | "verdicts"
                        | "judgment"
                        | "judgement"
                        | "sentence"
                        | "sentences"
                        | "trial"
                        | "trials"
                        | "conviction"
                        | "convictions"
                )
            })
        });
        if !ruling {
            continue;
        }
        // (A court of the speaker's own state counts: "Clinton praised the ruling" of a U.S.
        // court; only the speaker itself does not.)
        let mine = entity_set(&c.actors);
        let court = told_before(out, c, 8).into_iter().find_map(|e| {
            let judges: Vec<Mention> = e
                .actors
                .iter()
                .filter(|m| {
                    (m.entity.sector == Some(Sector::Jud)
                        || m.entity.code.is_some_and(|x| x.is_non_state()))
                        && m.entity.code.is_some()
                        && !mine.contains(&(m.entity.code, m.entity.sector))
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

/// Whether the doers of an act are only described, not identified: "gunmen", "terrorists",
/// "the bombers" (a country guessed from where they struck, no nationality or group named).
/// Condemning such an act addresses no one.
pub(super) fn unknown_doers(actors: &[Mention]) -> bool {
    !actors.is_empty()
        && actors.iter().all(|m| {
            let mut chars = m.entity.entity_text.chars();
            let _first = chars.next();
            m.kind == MentionKind::Nominal
                && matches!(m.entity.sector, Some(Sector::Uaf | Sector::Reb))
                && m.entity.identifier_id.is_none()
                && !chars.any(char::is_uppercase)
        })
}

/// "Gunmen stormed the concert hall, killing 133 people; Islamic State claimed
/// responsibility", "an assault claimed by JNIM": an attack by doers no name identifies, in
/// this sentence or the two before, was done by the group that claimed it.
pub(super) fn claimed_attacks(
    sentences: &[Sentence],
    mentions: &[Vec<Mention>],
    out: &mut Vec<EventCandidate>,
) {
    let mut claimed: Vec<usize> = Vec::new();
    let armed = |m: &Mention| {
        m.kind == MentionKind::Name
            && m.entity.code.is_some()
            && matches!(m.entity.sector, Some(Sector::Reb | Sector::Prm | Sector::Crm) | None)
    };
    for (si, s) in sentences.iter().enumerate() {
        let ms = mentions.get(si).map(Vec::as_slice).unwrap_or_default();
        let at = |k: usize| s.tokens.get(k).map_or("", |t| t.norm.as_str());
        // The claimant: the name right before "claimed responsibility", or right after
        // "claimed by" (a word or two of description may stand between: "al Qaeda affiliate").
        let claimant = (0..s.tokens.len()).find_map(|k| {
            if matches!(at(k), "claimed" | "claims" | "claim") && at(k + 1) == "responsibility" {
                ms.iter().find(|m| m.tokens.end == k && armed(m))
            } else if at(k) == "claimed" && at(k + 1) == "by" {
                ms.iter().find(|m| (k + 2..=k + 4).contains(&m.tokens.start) && armed(m))
            } else {
                None
            }
        });
        let Some(group) = claimant else { continue };
        for (ci, c) in out.iter_mut().enumerate() {
            let near = c.sentence <= si && si - c.sentence <= 2;
            // (Not an attack on the group itself.)
            let on_them = c.recipients.iter().any(|r| {
                r.entity.code == group.entity.code && r.entity.sector == group.entity.sector
            });
            if near
                && c.event == EventType::Assault
                && (c.actors.is_empty() || unknown_doers(&c.actors))
                && !on_them
            {
                c.actors = vec![group.clone()];
                claimed.push(ci);
            }
        }
    }
    // "A suicide bomber killed 20 people": the bomber's attack and the killing, now both the
    // group's, are one attack.
    let mut fold: Vec<(usize, usize)> = Vec::new();
    for (n, &j) in claimed.iter().enumerate() {
        let Some(b) = out.get(j) else { continue };
        let first = claimed.iter().take(n).copied().find(|&i| {
            out.get(i).is_some_and(|a| {
                a.sentence == b.sentence
                    && entity_set(&a.actors) == entity_set(&b.actors)
                    && codes_of(&a.recipients) == codes_of(&b.recipients)
            })
        });
        if let Some(i) = first.filter(|&i| !fold.iter().any(|&(x, _)| x == i)) {
            // (The later one folds into the first; its modes join the first's.)
            let modes = b.modes.clone();
            if let Some(a) = out.get_mut(i) {
                for m in modes {
                    if !a.modes.contains(&m) {
                        a.modes.push(m);
                    }
                }
            }
            fold.push((j, i));
        }
    }
    // (Same sentence: nothing to add to the evidence of where it was told.)
    let drop: BTreeSet<usize> = fold.into_iter().map(|(j, _)| j).collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
}

/// "Cyprus condemned two terrorist bomb attacks in Kenya": when the only target of a
/// condemnation or threat is an act's described doers, no one is addressed.
pub(super) fn drop_unknown_targets(out: &mut [EventCandidate]) {
    for c in out.iter_mut() {
        if matches!(c.event, EventType::Accuse | EventType::Threaten)
            && unknown_doers(&c.recipients)
        {
            c.recipients.clear();
        }
    }
}

/// Stems of statements that react to an act ("hailed", "condemned"): no "move" themselves.
const REACTIONS: &[&str] = &[
    "prais", "welcom", "hail", "condemn", "critic", "denounc", "accus", "blam", "thank", "applau",
    "commend", "decr", "deplor", "slam", "lauded", "laud",
];

/// Whether words after a statement's verb name an act as its object ("the decision as a
/// grave mistake", "this move"), not an act of someone named after it ("the move by Israel").
pub(super) fn opens_with_move<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    let mut first = words.next();
    if matches!(first, Some("the" | "this" | "that" | "these" | "those" | "its")) {
        first = words.next();
    }
    first.is_some_and(|n| MOVES.contains(&n))
        && !matches!(words.next(), Some("of" | "by" | "'s" | "against" | "on"))
}

/// Nouns by which a statement refers to an act just reported: "China launched drills around
/// Taiwan, and Taipei condemned the move", "recognised Somaliland, a move Somalia denounced".
pub(super) const MOVES: &[&str] = &[
    "move",
    "moves",
    "signing",
    "arrival",
    "outcome",
    "decision",
    "step",
    "steps",
    "action",
    "actions",
    "announcement",
    "measure",
    "measures",
    "decree",
    "order",
    "vote",
    "resolution",
    "recognition",
    "drills",
    "exercises",
    "deployment",
    "plan",
    "charge",
    "charges",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "notion",
    "suggestion",
    "suggestions",
    "remarks",
    "comments",
    "designation",
    "ban",
    "tariffs",
    "sanctions",
    "visit",
    "deal",
    "offer",
    "proposal",
    "ultimatum",
    "raid",
    "raids",
    "detention",
    "arrest",
    "arrests",
    "verdict",
    "verdicts",
    "ruling",
    "rulings",
    "trial",
    "sentence",
    "sentences",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "law",
    "bill",
    "operation",
    "crackdown",
    "seizure",
    "annexation",
    "invasion",
    "incursion",
    "killing",
    "execution",
    "expulsion",
    "deportation",
    "indictment",
    "demands",
    "policy",
    "deportations",
    "veto",
    "threat",
    "threats",
    "warning",
    "warnings",
    "criticism",
    "demand",
    "request",
    "call",
    "calls",
    "unrest",
    "riots",
    "protests",
    "demonstrations",
];

/// How a statement's words refer to an act told just before it: an object "the move" or "it"
/// right after the trigger, or a clause ", a move X condemned", ", which X criticised" ending
/// at it. Gives the noun that names the act ("move", "charge"; "" for "it" or "which").
fn move_named(text: &str, trigger: Span, clause: Span) -> Option<String> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != ',' && c != '\'')
            .flat_map(|w| {
                let comma = w.ends_with(',');
                let w = w.trim_end_matches(',').to_lowercase();
                [Some(w), comma.then(|| ",".to_string())]
            })
            .flatten()
            .filter(|w| !w.is_empty())
            .collect()
    };
    let named = |n: &String| MOVES.contains(&n.as_str()).then(|| n.clone());
    // A gapped trigger ("called it a grave threat") holds its object.
    let inside = words(text.get(trigger.start..trigger.end).unwrap_or(""));
    let after = if inside.len() > 2 {
        inside.get(1..).unwrap_or_default().to_vec()
    } else {
        words(text.get(trigger.end..clause.end.max(trigger.end)).unwrap_or(""))
    };
    let object = match after.as_slice() {
        [d, n, ..] if matches!(d.as_str(), "the" | "this" | "that" | "such" | "these") => named(n),
        [d, _, n, ..] if matches!(d.as_str(), "the" | "this" | "these") => named(n),
        // "called it a grave security threat", "dismissed it as a stunt".
        [d, a, ..] if d == "it" && matches!(a.as_str(), "a" | "an" | "as") => Some(String::new()),
        _ => None,
    };
    if object.is_some() {
        return object;
    }
    // The words between the last comma before the trigger and the trigger.
    let start = clause.start.saturating_sub(200);
    let before = words(text.get(start..trigger.start).unwrap_or(""));
    // "forced their way into the palace in what Arce denounced as a coup".
    let n = before.len();
    if n >= 3 {
        let what = before.iter().rposition(|w| w == "what");
        if let Some(k) = what.filter(|&k| k >= 1 && n - k <= 6) {
            let clean = before.get(k + 1..).unwrap_or_default().iter().all(|w| w != ",");
            // "in what Arce denounced as a coup", "would respond to what he called a witch
            // hunt".
            let prep = before.get(k - 1).is_some_and(|w| {
                matches!(w.as_str(), "in" | "to" | "for" | "over" | "against" | "at" | "after")
            });
            if prep && clean {
                return Some(String::new());
            }
        }
    }
    let comma = before.iter().rposition(|w| w == ",")?;
    let tail = before.get(comma + 1..).unwrap_or_default();
    if tail.len() > 8 {
        return None;
    }
    match tail {
        [w, ..] if w == "which" => (tail.len() >= 2).then(String::new),
        [a, n, ..] if matches!(a.as_str(), "a" | "an") => named(n),
        [i, a, n, ..] if i == "in" && matches!(a.as_str(), "a" | "what") => {
            if a == "what" {
                Some(String::new())
            } else {
                named(n)
            }
        }
        _ => None,
    }
}

pub(super) fn answer_moves(text: &str, out: &mut [EventCandidate]) {
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        let statement = matches!(
            c.event,
            EventType::Accuse | EventType::Reject | EventType::Support | EventType::Threaten
        );
        if !statement || c.actors.is_empty() {
            continue;
        }
        let Some(noun) = move_named(text, c.trigger, c.clause) else { continue };
        // "a charge the Kremlin called unacceptable": answering an accusation is denying it.
        let claim = c.event == EventType::Accuse && act_kind(&noun) == Some(EventType::Accuse);
        if !c.recipients.is_empty() && !claim {
            continue;
        }
        // Someone else's act: another state's, or another part of the same state ("police
        // detained the mayor, and his party called the detention a coup").
        let other = |o: &EventCandidate| {
            !o.actors.iter().any(|a| {
                c.actors
                    .iter()
                    .any(|b| a.entity.code == b.entity.code && a.entity.sector == b.entity.sector)
            })
        };
        // A noun that says what kind of act it was ("the verdict", "the threat") looks two
        // sentences back for an act of that kind; any other takes the latest act.
        let kind = act_kind(&noun);
        // (Any other noun takes the act of the sentence before, or of the one before that
        // when only reactions to it came between.)
        let told = told_before(out, c, 2);
        // (Not background told in passing: "saying Hamas was seizing aid" years before.)
        let usable = |o: &EventCandidate| {
            !o.aux.negated
                && !o.aux.historical
                && !o.actors.is_empty()
                && !unknown_doers(&o.actors)
                && other(o)
        };
        // An act of the named kind with no known doer ("described the attacks as senseless"
        // after a bombing by unknown men) is still the act meant: no one else is answered.
        let named_act_undone = kind.is_some_and(|k| {
            told.iter().any(|o| !o.aux.negated && o.event == k)
                && !told.iter().any(|o| usable(o) && o.event == k)
        });
        if named_act_undone {
            continue;
        }
        // ("condemned the attack" after "police arrested a suspect": an attack is no arrest, so
        // a noun of violence takes only an attack or a riot, an attack told of protesters.)
        // "Russia recognised the Taliban ... Muttaqi hailed the decision. Exiled opposition
        // figures criticised the move": a move is an act, not someone's reaction to one.
        let reaction = |o: &EventCandidate| {
            let t = text.get(o.trigger.start..o.trigger.end).unwrap_or("").to_lowercase();
            REACTIONS.iter().any(|st| t.starts_with(st))
        };
        let act = match kind {
            None => told.iter().copied().find(|o| usable(o) && !reaction(o)).filter(|o| {
                o.sentence + 1 >= c.sentence
                    || told.iter().any(|r| r.sentence + 1 == c.sentence && reaction(r))
            }),
            Some(EventType::Assault) => told
                .iter()
                .copied()
                .find(|o| usable(o) && matches!(o.event, EventType::Assault | EventType::Protest)),
            Some(k) => told
                .iter()
                .copied()
                .find(|o| usable(o) && o.event == k)
                .or_else(|| {
                    told.iter()
                        .copied()
                        .filter(|o| o.sentence + 1 >= c.sentence)
                        .find(|o| usable(o))
                })
                // "Reno denied the request", "called the raid an authoritarian act": the act
                // answered by name may have been told several sentences before.
                .or_else(|| told_before(out, c, 8).into_iter().find(|o| usable(o) && o.event == k)),
        }
        .map(|o| (o.actors.clone(), o.event));
        let Some((doers, act_event)) = act else { continue };
        if let Some(c) = out.get_mut(i) {
            let theirs = codes_of(&doers);
            if c.recipients.is_empty() {
                c.recipients = doers;
            }
            if claim
                && act_event == EventType::Accuse
                && c.recipients.iter().any(|m| m.entity.code.is_some_and(|x| theirs.contains(&x)))
            {
                c.event = EventType::Reject;
                c.modes.clear();
            }
        }
    }
}

/// The act a statement names right after its verb ("condemned the U.S. strikes"), as the
/// word stems that tell the same act elsewhere.
pub(super) fn act_named(rest: &str) -> Option<&'static [&'static str]> {
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
pub(super) fn dominant_state(mentions: &[Vec<Mention>]) -> Option<ActorCode> {
    let votes = state_votes(mentions);
    let best = votes.iter().map(|(_, n)| *n).max()?;
    votes.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c)
}

/// How often each state is named in the document, in order of first mention.
fn state_votes(mentions: &[Vec<Mention>]) -> Vec<(ActorCode, usize)> {
    let mut votes: Vec<(ActorCode, usize)> = Vec::new();
    for m in mentions.iter().flatten() {
        let Some(c) = m.entity.code.filter(|c| !c.is_non_state()) else { continue };
        match votes.iter_mut().find(|(v, _)| *v == c) {
            Some((_, n)) => *n += 1,
            None => votes.push((c, 1)),
        }
    }
    votes
}

/// "X called for an end to the fighting" is AGREE when X is a party to that fighting.
pub(super) fn party_to_agree(cand: &mut EventCandidate, earlier: &[EventCandidate]) {
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

pub(super) fn same_entity(a: &Mention, b: &Mention) -> bool {
    a.entity.code == b.entity.code && a.entity.sector == b.entity.sector
}

/// Whether two mentions are one actor: the same code and sector, and not two different named
/// people or bodies ("Trump criticised Obama's policy" has two USA GOV actors).
pub(super) fn same_actor(a: &Mention, b: &Mention) -> bool {
    let ident = |m: &Mention| {
        m.entity.identifier_text.clone().or_else(|| {
            (m.kind == MentionKind::Name).then(|| {
                let t = m.entity.entity_text.to_lowercase();
                let last = t.rsplit(' ').next().unwrap_or_default();
                // A person goes by a surname; "Ameritech Corp." and "Acme Holdings Corp." share
                // only their company word.
                let firm = matches!(
                    last.trim_end_matches('.'),
                    "corp"
                        | "inc"
                        | "co"
                        | "ltd"
                        | "plc"
                        | "llc"
                        | "ag"
                        | "sa"
                        | "nv"
                        | "bv"
                        | "gmbh"
                        | "group"
                        | "holdings"
                        | "company"
                        | "corporation"
                );
                if firm {
                    t.clone()
                } else {
                    last.to_string()
                }
            })
        })
    };
    same_entity(a, b)
        && match (ident(a), ident(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

pub(super) fn entity_set(ms: &[Mention]) -> Vec<(Option<ActorCode>, Option<Sector>)> {
    let mut v: Vec<_> = ms.iter().map(|m| (m.entity.code, m.entity.sector)).collect();
    v.sort();
    v.dedup();
    v
}

/// Whether two candidates of one sentence are one event: same category, parties and aux, and
/// recipients that agree or are missing on one side; besides attacks ("struck Gaza, killing
/// 20"), also the same modes, so that "seized the tanker and detained its crew" stays two.
pub(super) fn same_event_in_sentence(o: &EventCandidate, c: &EventCandidate) -> bool {
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
    // "Russia and Ukraine exchanged 390 prisoners ... the largest prisoner swap of the war": a
    // joint act told again with one of its parties is the same act.
    let part_of_joint = matches!(
        o.event,
        EventType::Retreat | EventType::Cooperate | EventType::Agree | EventType::Consult
    ) && o.actors.len() >= 2
        && !codes_of(&c.actors).is_empty()
        && codes_of(&c.actors).is_subset(&codes_of(&o.actors));
    o.event == c.event
        // A background year may mark one conjunct and not the other ("cut ties in 1961 and
        // imposed an embargo"): still one event.
        && Aux { historical: false, ..o.aux } == Aux { historical: false, ..c.aux }
        && (entity_set(&o.actors) == entity_set(&c.actors) || part_of_joint)
        && (assault
            || seized
            || codes_of(&o.recipients) == codes_of(&c.recipients)
            || c.recipients.is_empty()
            || o.recipients.is_empty())
        && modes_ok
}

/// The codes of a list of mentions, sectors aside ("GBR" and "GBR:CVL" are one party).
pub(super) fn codes_of(ms: &[Mention]) -> BTreeSet<ActorCode> {
    ms.iter().filter_map(|m| m.entity.code).collect()
}

/// Adds a candidate, or folds it into an earlier report of the same event.
pub(super) fn merge_into(out: &mut Vec<EventCandidate>, cand: EventCandidate, again: bool) {
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

pub(super) fn year_of(t: &Token) -> Option<u32> {
    if t.kind != TokenKind::Number || t.norm.len() != 4 {
        return None;
    }
    let y: u32 = t.norm.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

pub(super) fn entry_ref(
    role: &str,
    o: &crate::lexicon::Origin,
    s: &Sentence,
    a: usize,
    b: usize,
) -> EntryRef {
    EntryRef {
        role: role.to_string(),
        entry: o.key.clone(),
        source: o.source.clone(),
        text: token_text(s, a, b),
    }
}

pub(super) fn token_text(s: &Sentence, a: usize, b: usize) -> String {
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

/// "Hezbollah blamed Israel and vowed it would receive its just punishment": a threat or demand
/// naming no one, beside a statement of the same speaker against someone in the sentence, is
/// against them too.
pub(super) fn share_statement_targets(out: &mut [EventCandidate]) {
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if !matches!(c.event, EventType::Threaten | EventType::Request)
            || !c.recipients.is_empty()
            || c.actors.is_empty()
        {
            continue;
        }
        let mine = codes_of(&c.actors);
        let range = sentence_range(out, c.sentence, c.sentence);
        let target = out.get(range).unwrap_or_default().iter().find_map(|o| {
            (matches!(o.event, EventType::Accuse | EventType::Threaten | EventType::Request)
                && !o.recipients.is_empty()
                && !o.aux.negated
                && codes_of(&o.actors) == mine
                && codes_of(&o.recipients).is_disjoint(&mine))
            .then(|| o.recipients.clone())
        });
        if let (Some(r), Some(c)) = (target, out.get_mut(i)) {
            c.recipients = r;
        }
    }
}

/// "Mali withdrew from ECOWAS", "the US announced its withdrawal from the WHO": a state leaving
/// an international organisation reduces relations (SANCTION withdraw), it retreats from no
/// ground.
pub(super) fn leave_organisations(out: &mut [EventCandidate]) {
    for c in out.iter_mut() {
        let withdrawal = match c.event {
            EventType::Retreat => c.modes.contains(&Mode::Withdraw),
            EventType::Concede => c.pattern_id.contains("withdraw"),
            _ => false,
        };
        let org = |m: &Mention| {
            m.entity.code.is_some_and(|x| matches!(x.as_str(), "IGO" | "UNO" | "EUR"))
        };
        let state = |m: &Mention| m.entity.code.is_some_and(|x| !x.is_non_state());
        if withdrawal
            && !c.recipients.is_empty()
            && c.recipients.iter().all(org)
            && !c.actors.is_empty()
            && c.actors.iter().all(state)
        {
            c.event = EventType::Sanction;
            c.modes = vec![Mode::Withdraw];
        }
    }
}

/// "Bangkok, which had expelled Cambodia's ambassador, closed all land border crossings": a
/// border closed with no one named faces the other state named nearest, in its sentence or
/// the one before. Pattern keys in `facing` are those flagged `border`.
pub(super) fn border_neighbours(
    out: &mut [EventCandidate],
    mentions: &[Vec<Mention>],
    facing: &BTreeSet<String>,
) {
    for c in out.iter_mut() {
        if !c.recipients.is_empty() || c.aux.negated || !facing.contains(&c.pattern_id) {
            continue;
        }
        let mine = codes_of(&c.actors);
        if mine.is_empty() {
            continue;
        }
        let other = |m: &&Mention| {
            m.kind != MentionKind::Pronoun
                && m.entity.code.is_some_and(|x| !x.is_non_state() && !mine.contains(&x))
        };
        let at = c.trigger.start;
        let here = mentions.get(c.sentence).and_then(|ms| {
            ms.iter().filter(other).min_by_key(|m| m.span.start.abs_diff(at)).cloned()
        });
        let before = || {
            c.sentence
                .checked_sub(1)
                .and_then(|p| mentions.get(p))
                .and_then(|ms| ms.iter().rev().find(other).cloned())
        };
        if let Some(m) = here.or_else(before) {
            c.recipients = vec![m];
        }
    }
}

/// The category of act a noun names, when it names one ("the verdict" is a conviction).
fn act_kind(noun: &str) -> Option<EventType> {
    Some(match noun {
        "verdict" | "verdicts" | "sentence" | "sentences" | "conviction" | "sanction"
        | "sanctions" | "tariffs" | "ban" | "expulsion" | "designation" => EventType::Sanction,
        "arrest" | "arrests" | "detention" | "raid" | "raids" | "crackdown" | "seizure"
        | "deportation" | "deportations" => EventType::Coerce,
        "attack" | "attacks" | "strike" | "strikes" | "killing" | "invasion" | "incursion"
        | "execution" => EventType::Assault,
        "threat" | "threats" | "warning" | "warnings" | "ultimatum" => EventType::Threaten,
        "charge" | "charges" | "accusation" | "accusations" | "allegation" | "allegations"
        | "claim" | "claims" | "criticism" | "notion" | "suggestion" | "suggestions" => {
            EventType::Accuse
        }
        "demand" | "demands" | "request" | "call" | "calls" => EventType::Request,
        "deployment" | "drills" | "exercises" => EventType::Mobilize,
        "deal" | "agreement" => EventType::Agree,
        "veto" | "vetoes" | "rejection" => EventType::Reject,
        "unrest" | "riots" | "protests" | "demonstrations" => EventType::Protest,
        _ => return None,
    })
}

/// "The junta declared a temporary ceasefire", "Prabowo ordered an investigation", "the
/// opposition denounced the budget" (and, by a foreign actor, "China urged the parties to
/// cease fire" in a story about Myanmar): a concession, request, criticism, coercive or violent
/// act, refusal, agreement, threat or praise by a state's own actors, in a sentence that names
/// no other state, in a story about that state, is addressed to the state itself (PLOVER codes domestic events so). Runs after the passes
/// that find what a statement answers, and never for patterns that need a found target.
pub(super) fn domestic_recipients(
    out: &mut [EventCandidate],
    sentences: &[Sentence],
    mentions: &[Vec<Mention>],
    doc_country: Option<ActorCode>,
    need_target: &BTreeSet<String>,
    not_domestic: &BTreeSet<String>,
) {
    let Some(home) = doc_country else { return };
    // The story is about one state only when it is named more often than any other ("France,
    // Germany and Britain condemned ..." is about none of them in particular).
    let votes = state_votes(mentions);
    let home_votes = votes.iter().find(|(v, _)| *v == home).map_or(0, |(_, n)| *n);
    let clear_story = votes.iter().all(|&(v, n)| v == home || n < home_votes);
    for c in out.iter_mut() {
        let classic = matches!(
            c.event,
            EventType::Concede | EventType::Request | EventType::Coerce | EventType::Accuse
        );
        // Violence, refusals, agreements, threats and praise by one of a state's own actors
        // are as domestic as its concessions and requests ("Syrian government forces resumed
        // the bombardment" SYR→SYR, "the family refused to sign" USA→USA); but sides that
        // face each other ("clashed", "A and B agreed") leave no one to address, and a vowed
        // response is aimed at whoever acted, most often abroad.
        let one_sided = matches!(
            c.event,
            EventType::Assault
                | EventType::Reject
                | EventType::Agree
                | EventType::Threaten
                | EventType::Support
                | EventType::Retreat
        ) && c.actors.len() == 1
            // Releases and easing are done to someone at home; resigning, withdrawing,
            // disarming and holding fire are not addressed to anyone.
            && !(c.event == EventType::Retreat
                && c.modes.iter().any(|m| {
                    matches!(m, Mode::Resign | Mode::Withdraw | Mode::Disarm | Mode::Ceasefire)
                }))
            && !not_domestic.contains(&c.pattern_id);
        let domestic_kind = classic || one_sided;
        // Aid from abroad may go to the story's state; a state's own relief at home ("the
        // Indian Air Force began dropping aid packages" in a story about India's floods) goes
        // to its own people, as for its other domestic acts below.
        let aid = c.event == EventType::Aid;
        // A sanction that names no one is on the story's state when imposed from abroad ("the
        // EU has banned exports" in a story about Britain), never on the imposer's own.
        let sanction = c.event == EventType::Sanction;
        if !(domestic_kind || aid || sanction)
            || !c.recipients.is_empty()
            || c.aux.negated
            || need_target.contains(&c.pattern_id)
        {
            continue;
        }
        // "Iraq was ready to withdraw": a withdrawal offered is a concession to whoever faces
        // the troops, never to the state's own people.
        // (Not a bill withdrawn: "withdrew the finance bill" is a concession at home.)
        let offers_withdrawal = c.event == EventType::Concede
            && sentences.get(c.sentence).is_some_and(|s| {
                let inside = |t: &&lapwing_core::Token| {
                    t.span.start >= c.trigger.start && t.span.end <= c.trigger.end
                };
                let forms = crate::inflect::verb_forms("withdraw");
                let withdraw = s
                    .tokens
                    .iter()
                    .filter(inside)
                    .any(|t| t.norm == "withdrawal" || forms.iter().any(|(f, _)| *f == t.norm));
                let object = s
                    .tokens
                    .iter()
                    .find(|t| t.span.start >= c.trigger.end)
                    .is_some_and(|t| listed(&t.norm, DETERMINERS));
                let law = s.tokens.iter().filter(inside).any(|t| {
                    matches!(t.norm.as_str(), "bill" | "law" | "tax" | "decree" | "legislation")
                });
                withdraw && !object && !law
            });
        if offers_withdrawal {
            continue;
        }
        // Condemning an act whose doer is unknown addresses no one, at home or abroad:
        // "Cyprus condemned the bombing", "President Petro condemned the attack".
        let condemns_act = c.event == EventType::Accuse
            && text_after(sentences, c).is_some_and(|rest| act_named(&rest).is_some());
        if condemns_act {
            continue;
        }
        // "China urged the parties to cease fire" in a story about Myanmar, "the U.N. called
        // for an end to the blackout" in one about Afghanistan: a foreign actor's request,
        // criticism, agreement, coercion or attack that names no one is about the story's
        // state.
        let foreign_statement = matches!(
            c.event,
            EventType::Request
                | EventType::Accuse
                | EventType::Agree
                | EventType::Coerce
                | EventType::Assault
                | EventType::Aid
        ) && clear_story
            && !c.actors.is_empty()
            && c.actors.iter().all(|m| m.entity.code.is_some_and(|x| x != home))
            && !not_domestic.contains(&c.pattern_id);
        if foreign_statement {
            imply_recipient(
                c,
                home,
                None,
                "story",
                "a statement that names no one, about the story's state",
                0.85,
            );
            continue;
        }
        if sanction {
            continue;
        }
        let ms = mentions.get(c.sentence).map(Vec::as_slice).unwrap_or_default();
        if ms.iter().any(|m| m.entity.code.is_some_and(|x| x != home)) {
            continue;
        }
        // "appealed to Western allies", "a plea for air defence systems", "intercepted the aid
        // boat": someone abroad is involved, though uncoded.
        let toks = sentences.get(c.sentence).map(|s| s.tokens.as_slice()).unwrap_or_default();
        if toks.iter().any(|t| listed(&t.norm, ABROAD)) {
            continue;
        }
        // (Aid only when the sentence places it at home: "funds provided by the US
        // government" may go anywhere.)
        let at_home = || {
            ms.iter().any(|m| {
                matches!(m.kind, MentionKind::Place | MentionKind::Capital)
                    && m.entity.code == Some(home)
            })
        };
        if c.actors.iter().all(|m| m.entity.code == Some(home)) && (!aid || at_home()) {
            imply_recipient(
                c,
                home,
                None,
                "domestic",
                "a domestic act that names no one else",
                0.9,
            );
        }
    }
}

/// Gives a candidate the state `home` (as `sector`, when known) as its implied recipient; the
/// evidence says it was implied (entry `entry`), not read, and the confidence drops by
/// `factor`.
fn imply_recipient(
    c: &mut EventCandidate,
    home: ActorCode,
    sector: Option<Sector>,
    entry: &str,
    why: &str,
    factor: f64,
) {
    let Some(first) = c.actors.first() else { return };
    let party = implied_party(first, home, sector);
    give_recipient(c, party, entry, why, factor);
}

/// Makes `m` a candidate's recipient, found by the coder's rule `entry` (`why`), at a
/// confidence lowered by `factor`.
fn give_recipient(c: &mut EventCandidate, m: Mention, entry: &str, why: &str, factor: f64) {
    c.recipients = vec![m];
    c.entries.push(EntryRef {
        role: "recipient".into(),
        entry: entry.into(),
        source: format!("coder: {why}"),
        text: String::new(),
    });
    c.confidence *= factor;
}

/// "Rescuers dug through rubble in Afghanistan's Kunar province ... as Britain pledged 1
/// million pounds in emergency aid and India sent tents": aid whose receiver goes unsaid is
/// for the one state the sentence names that gives none (the donors listed with it are not
/// in need). Anywhere in the sentence: the stricken place is often named first, far off.
pub(super) fn stricken_recipients(
    out: &mut [EventCandidate],
    mentions: &[Vec<Mention>],
    text: &str,
    donations: &BTreeSet<String>,
) {
    let giving = |c: &EventCandidate| donations.contains(&c.pattern_id);
    let donors: Vec<(usize, BTreeSet<ActorCode>)> =
        out.iter().filter(|c| giving(c)).map(|c| (c.sentence, codes_of(&c.actors))).collect();
    for c in out.iter_mut() {
        if !giving(c) || !c.recipients.is_empty() || c.actors.is_empty() {
            continue;
        }
        let mut given: BTreeSet<ActorCode> = codes_of(&c.actors);
        for (s, codes) in &donors {
            if *s == c.sentence {
                given.extend(codes.iter().copied());
            }
        }
        // ("US$2.8 million" names a currency, not a party.)
        let currency = |m: &Mention| text.get(m.span.end..).is_some_and(|a| a.starts_with('$'));
        let ms = mentions.get(c.sentence).map(Vec::as_slice).unwrap_or_default();
        let needy = ms.iter().filter(|m| {
            m.kind != MentionKind::Pronoun
                && !currency(m)
                && m.entity.code.is_some_and(|x| !given.contains(&x))
        });
        // (The state itself rather than its villages or people, when it is named.)
        let Some((first, state)) = one_state(needy, |m| m.kind == MentionKind::Country) else {
            continue;
        };
        let party = state.unwrap_or(first).clone();
        give_recipient(c, party, "stricken", "the one state in need the sentence names", 0.8);
    }
}

/// When every one of `ms` is of one state: the first, and the first that `prefer` picks.
fn one_state<'a>(
    mut ms: impl Iterator<Item = &'a Mention>,
    prefer: impl Fn(&Mention) -> bool,
) -> Option<(&'a Mention, Option<&'a Mention>)> {
    let first = ms.next()?;
    let mut preferred = prefer(first).then_some(first);
    for m in ms {
        if m.entity.code != first.entity.code {
            return None;
        }
        if prefer(m) {
            preferred.get_or_insert(m);
        }
    }
    Some((first, preferred))
}

/// "al-Bukhaiti tells Al Jazeera that this American crime will not go unpunished": the outlet
/// a statement is told to is its audience, not its target; the passes after find the target.
pub(super) fn media_addressees(text: &str, out: &mut [EventCandidate]) {
    for c in out.iter_mut() {
        let statement = matches!(
            c.event,
            EventType::Threaten
                | EventType::Accuse
                | EventType::Reject
                | EventType::Request
                | EventType::Support
        );
        if !statement {
            continue;
        }
        // (Case-blind suffix tests on the words right before the outlet: no copy of the
        // document's text so far.)
        let ends_with = |b: &str, w: &str| {
            b.len() >= w.len()
                && b.get(b.len() - w.len()..).is_some_and(|tail| tail.eq_ignore_ascii_case(w))
        };
        c.recipients.retain(|m| {
            if m.entity.sector != Some(Sector::Jrn) {
                return true;
            }
            let mut b = text.get(..m.span.start).unwrap_or("").trim_end();
            if ends_with(b, " the") {
                b = b.get(..b.len() - 4).unwrap_or("").trim_end();
            }
            !["told", "tells", "telling", "said to", "says to", "speaking to", "interview with"]
                .iter()
                .any(|w| ends_with(b, w))
        });
    }
}

/// The first words of the sentence after a candidate's trigger, as token norms.
fn text_after(sentences: &[Sentence], c: &EventCandidate) -> Option<String> {
    let s = sentences.get(c.sentence)?;
    let words: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| t.span.start >= c.trigger.end)
        .take(8)
        .map(|t| t.norm.as_str())
        .collect();
    Some(words.join(" "))
}

/// Whether an event of this category is done to someone: sanctions, cooperation, aid, praise
/// and concessions (careful coders always name who; none of 150 hand-coded sanctions lacks
/// a target).
pub(super) fn directed(event: EventType) -> bool {
    matches!(
        event,
        EventType::Sanction
            | EventType::Cooperate
            | EventType::Aid
            | EventType::Support
            | EventType::Concede
    )
}

/// Acts that several parties may do alike to another ("rescue teams from China, India and
/// Russia arrived", "the US and the EU imposed sanctions"), unlike joint acts, which their
/// parties do together.
pub(super) fn donors(event: EventType) -> bool {
    matches!(event, EventType::Aid | EventType::Sanction)
}

/// "Algeria recalled its ambassador in protest at the French decision", "Trump backed down on
/// tariffs against Mexico", "Putin declared a truce, in a move Kyiv dismissed": a directed act,
/// a refusal or a criticism whose target the grammar does not give is addressed to the one
/// other party its sentence names, when there is exactly one. Runs before the story's state is
/// implied for acts that name no one.
pub(super) fn sole_counterparts(
    out: &mut [EventCandidate],
    sentences: &[Sentence],
    mentions: &[Vec<Mention>],
    text: &str,
) {
    for c in out.iter_mut() {
        let rest = text_after(sentences, c).unwrap_or_default();
        // (Condemning an act addresses its doer, whom the passes that find it name: "Cyprus
        // condemned the bombing of U.S. embassies in Kenya" is not addressed to Kenya.)
        let judged_act = c.event == EventType::Accuse && act_named(&rest).is_some();
        // (Nor "lashed out at both countries": both are meant, not the one named.)
        let both = {
            let mut w = rest.split_whitespace();
            matches!(
                (w.next(), w.next()),
                (Some("both" | "all"), _) | (Some("at" | "on"), Some("both" | "all"))
            )
        };
        // (Nor "criticised the decision as a mistake that would fuel Hamas": an act named as
        // the object is answered by its doer, whom the passes that find it name.)
        let named_move = opens_with_move(rest.split_whitespace());
        let open = (directed(c.event) || matches!(c.event, EventType::Reject | EventType::Accuse))
            && !judged_act
            && !named_move
            && !both;
        if !open
            || !c.recipients.is_empty()
            || (entity_set(&c.actors).len() >= 2 && !donors(c.event))
        {
            continue;
        }
        let own = codes_of(&c.actors);
        if own.is_empty() {
            continue;
        }
        let ms = mentions.get(c.sentence).map(Vec::as_slice).unwrap_or_default();
        // (Within 90 characters of the trigger: farther off, a party belongs to another
        // clause's act. Not a town, which says where.)
        let near =
            |m: &&Mention| m.span.end + 90 >= c.trigger.start && m.span.start <= c.trigger.end + 90;
        // ("referred to in Cuba": a state named where something is said is no party.)
        // ("take part in U.S.-sponsored talks": a name joined to a participle describes.)
        let located = |m: &Mention| {
            m.span.start >= c.trigger.end
                && !text.get(m.span.end..).is_some_and(|a| a.starts_with('-'))
                && text.get(..m.span.start).is_some_and(|b| {
                    let b = b.trim_end();
                    b.ends_with(" in") || b.ends_with(" at")
                })
        };
        // ("refer to U.N. resolution 425": a body named only for its document; "US$2.8 million"
        // names a currency.)
        let cited = |m: &Mention| {
            text.get(m.span.end..).is_some_and(|a| {
                let w = a.trim_start().split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
                matches!(
                    w,
                    "resolution"
                        | "resolutions"
                        | "charter"
                        | "convention"
                        | "treaty"
                        | "law"
                        | "laws"
                        | "dollar"
                        | "dollars"
                ) || a.starts_with('$')
            })
        };
        let others = ms.iter().filter(|m| {
            m.kind != MentionKind::Place
                && !cited(m)
                && !located(m)
                && m.kind != MentionKind::Pronoun
                && m.entity.code.is_some_and(|x| !own.contains(&x))
        });
        // (Of the mentions of that state, the one after the trigger, where its object is.)
        let Some((first, after)) = one_state(others, |m| m.span.start >= c.trigger.end) else {
            continue;
        };
        if !near(&first) {
            continue;
        }
        let party = after.filter(|m| near(m)).unwrap_or(first).clone();
        give_recipient(c, party, "counterpart", "the one other party the sentence names", 0.8);
    }
}

/// "Amid reports that thousands of Iraqi soldiers had surrendered", "the rebels withdrew
/// overnight": a retreat or concession that names no one is made to the side its actor was
/// last told fighting, within eight sentences before it (or earlier in its own).
pub(super) fn retreat_to_opponents(out: &mut [EventCandidate], text: &str) {
    for i in 0..out.len() {
        let Some(c) = out.get(i) else { continue };
        if !matches!(c.event, EventType::Retreat | EventType::Concede)
            || !c.recipients.is_empty()
            || c.aux.negated
        {
            continue;
        }
        let mine = codes_of(&c.actors);
        if mine.len() != 1 {
            continue;
        }
        // (Only forces give ground: "the Cricket Board would withdraw from a tournament"
        // concedes nothing to an army.)
        let armed = c.actors.iter().any(|m| {
            matches!(
                m.entity.sector,
                Some(Sector::Mil | Sector::Reb | Sector::Prm | Sector::Uaf | Sector::Cop)
            )
        }) || text
            .get(c.trigger.start..c.trigger.end.saturating_add(30).min(text.len()))
            .is_some_and(|t| {
                t.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
                    matches!(
                        w,
                        "troops" | "forces" | "soldiers" | "fighters" | "army" | "militants"
                    )
                })
            });
        if !armed {
            continue;
        }
        let lo = c.sentence.saturating_sub(8);
        let earlier: &[EventCandidate] =
            out.get(sentence_range(out, lo, c.sentence)).unwrap_or_default();
        let opponent = earlier
            .iter()
            .rev()
            .filter(|o| o.event == EventType::Assault && !o.aux.negated && !o.aux.hypothetical)
            .filter(|o| o.sentence < c.sentence || o.trigger.end <= c.trigger.start)
            .find_map(|o| {
                let (a, r) = (codes_of(&o.actors), codes_of(&o.recipients));
                // Two-sided fighting lists both sides as actors.
                let sides: Vec<&Mention> = if r.is_empty() {
                    if a.len() == 2 && a.is_superset(&mine) {
                        o.actors
                            .iter()
                            .filter(|m| m.entity.code.is_some_and(|x| !mine.contains(&x)))
                            .collect()
                    } else {
                        Vec::new()
                    }
                } else if a == mine && r.is_disjoint(&mine) {
                    o.recipients.iter().collect()
                } else if r == mine && !a.is_empty() && a.is_disjoint(&mine) {
                    o.actors.iter().collect()
                } else {
                    Vec::new()
                };
                sides.first().map(|m| (*m).clone())
            });
        let Some((m, code)) = opponent.and_then(|m| m.entity.code.map(|code| (m, code))) else {
            continue;
        };
        if let Some(c) = out.get_mut(i) {
            let why = "the side the actor was last told fighting";
            imply_recipient(c, code, m.entity.sector, "opponent", why, 0.85);
        }
    }
}
