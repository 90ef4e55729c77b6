//! Roles: for each trigger, who did it and to whom, its modes, contexts and auxiliary modes.
//! `View::candidate` is the heart of the coder; the helpers after it find subjects of verbs,
//! patients, victims, authorities and the parties a statement implies.

use super::*;

impl<'a> View<'a> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn candidate(
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
        // "India struck what it called terrorist infrastructure": a label its own speaker
        // gives, in passing, to the object of what it is doing is no statement against anyone
        // ("would respond to what he called a witch hunt", "in what Kyiv dismissed as a
        // stunt": a label of someone else's act still is).
        if event == EventType::Accuse
            && pat.has("target")
            && t0 >= 3
            && self.norm(t0 - 2) == "what"
            && matches!(self.norm(t0 - 1), "it" | "they" | "he" | "she")
            && !listed(self.norm(t0 - 3), PREPS)
        {
            return None;
        }
        // "Horan agrees offences committed by children are a major problem": agreeing with a
        // statement (its "that" left out) is an opinion, not an agreement.
        if event == EventType::Agree
            && t1 == t0 + 1
            && self.norm(t0).starts_with("agree")
            && !matches!(
                self.norm(t1),
                "to" | "on" | "with" | "upon" | "in" | "a" | "an" | "the" | "that" | "terms"
            )
        {
            let c = self.cl(t1);
            let mut k = t1;
            let mut stated = false;
            while k < self.toks.len() && k < t1 + 12 && self.cl(k) == c {
                let n = self.norm(k);
                if matches!(n, "," | "that" | "which" | "who" | "to") {
                    break;
                }
                if matches!(n, "is" | "are" | "was" | "were") {
                    stated = true;
                    break;
                }
                k += 1;
            }
            if stated {
                return None;
            }
        }
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
        let mut hit_building = false;

        match pat.frame {
            Frame::Verb | Frame::VerbIntrans | Frame::VerbMutual | Frame::VerbReverse => {
                let passive = self.passive(t0, t1, hit.form)
                    && (self.by_agent_follows(t1)
                        || self.be_before(t0)
                        || matches!(pat.frame, Frame::Verb | Frame::VerbReverse));
                was_passive = passive;
                // ("M23 rebels fought Congolese troops": a symmetric verb's object is the other
                // side.)
                let direct =
                    matches!(pat.frame, Frame::Verb | Frame::VerbReverse | Frame::VerbMutual);
                let subj = self.verb_subject(t0, same_sentence);
                // The grammatical subject, whatever the roles become ("met X and praised").
                flags.subject = subj.iter().filter_map(|&i| self.ms.get(i).cloned()).collect();
                // "Typhoon Gaemi lashed Taiwan, where it killed three people": "it" after a
                // disaster is the disaster.
                if event == EventType::Assault
                    && self.norm(t0.wrapping_sub(1)) == "it"
                    && (0..t0).any(|k| DISASTERS.contains(&self.norm(k)))
                {
                    return None;
                }
                // (A charge against people ("would be held accountable") keeps an uncoded
                // subject as a person of the reporter's state.)
                // "Clashes between Bedouin fighters and Druze militias killed 30 people": the
                // sides of the fighting named before the verb are not its subject; the deaths
                // are the clashes' toll.
                if event == EventType::Assault && !subj.is_empty() {
                    let between = (0..t0).rev().take(20).find(|&k| {
                        self.cl(k) == self.cl(t0)
                            && matches!(self.norm(k), "between" | "among")
                            && self.assault_spans.iter().any(|&(_, e)| e == k)
                    });
                    if between.is_some_and(|k| subj.iter().all(|&i| self.mi(i).start > k)) {
                        return None;
                    }
                }
                let charged_people = pat.has("charge") && pat.has("person");
                // ("The lawyer said the report was inaccurate": a claim denied has no doer.)
                let claim_denied = event == EventType::Reject
                    && pat.has("charge")
                    && self.denied_claim(t0).is_some();
                if !passive && !charged_people && !claim_denied && self.uncoded_subject(t0) {
                    return None;
                }
                if passive {
                    actors = self.pp_after(t1, &["by"], 5);
                    recips = subj;
                    // "Kharkiv was shelled overnight": a place can be what is done to.
                    if recips.is_empty() {
                        recips.extend(self.place_subject(t0));
                    }
                    if pat.frame == Frame::VerbReverse {
                        std::mem::swap(&mut actors, &mut recips);
                    }
                    // "Troops were deployed to the border": forces deployed by no one named are
                    // their own state's deployment.
                    if event == EventType::Mobilize && actors.is_empty() {
                        let forces = recips.iter().all(|&r| {
                            self.ms.get(r).is_some_and(|m| {
                                matches!(m.entity.sector, Some(Sector::Mil | Sector::Cop))
                            })
                        });
                        if forces {
                            actors = std::mem::take(&mut recips);
                        }
                    }
                } else {
                    let mut obj = self.objects(t1, preps, direct);
                    // "rounding up and deporting undocumented Afghans": coordinated verbs share
                    // the object after the second.
                    if obj.is_empty() && direct && self.norm(t1) == "and" {
                        let next_end = self
                            .verb_spans
                            .iter()
                            .map(|&(_, e)| e)
                            .filter(|&e| e > t1 + 1 && e <= t1 + 4)
                            .min();
                        if let Some(e) = next_end {
                            obj = self.objects(e, preps, direct);
                        }
                    }
                    // "protested a social media post by China's consul general", "rejected
                    // the proposal by Egypt": what is judged is its author's.
                    if obj.is_empty()
                        && direct
                        && matches!(
                            event,
                            EventType::Accuse | EventType::Reject | EventType::Protest
                        )
                        && !BY_WORKS.iter().all(|w| {
                            !(t1..(t1 + 5).min(self.toks.len())).any(|k| self.norm(k) == *w)
                        })
                    {
                        obj = self.pp_after(t1, &["by"], 7);
                    }
                    // "Besigye appeared before a military court on Wednesday charged with
                    // illegal possession of firearms", "police held five men charged with
                    // theft": a bare "charged with" tells what the person before it is charged
                    // with. The one charged is the clause's subject, unless that subject is the
                    // authority holding them; the authority (a court, police) charges.
                    let bare_charge = pat.has("person")
                        && self.norm(t0) == "charged"
                        && self.norm(t1) == "with"
                        && !matches!(
                            self.norm(t0.wrapping_sub(1)),
                            "has" | "have" | "had" | "was" | "were" | "been" | "is" | "are" | "be"
                        );
                    if bare_charge {
                        let authority = |i: &usize| {
                            self.ms.get(*i).is_some_and(|m| {
                                matches!(
                                    m.entity.sector,
                                    Some(Sector::Gov | Sector::Cop | Sector::Jud | Sector::Mil)
                                )
                            })
                        };
                        // (The clause's subject, or the sentence's when the clause starts
                        // at the court: "appeared before a military court ... charged".)
                        let first = || {
                            let i = self
                                .order
                                .iter()
                                .copied()
                                .find(|&i| self.mi(i).prep.is_none() && self.mi(i).end <= t0);
                            let mut out: Vec<usize> = i.into_iter().collect();
                            if let Some(i) = i {
                                self.coord_right(i, &mut out);
                            }
                            out
                        };
                        let main = Some(self.main_subject(t0))
                            .filter(|m| !m.is_empty() && !m.iter().any(authority))
                            .unwrap_or_else(first);
                        let (held, by): (Vec<usize>, Vec<usize>) = if main.iter().any(authority) {
                            (subj.clone(), main)
                        } else {
                            (main, subj.iter().copied().filter(authority).collect())
                        };
                        if !held.is_empty() && !held.iter().any(authority) {
                            recips = held;
                            actors = by;
                            obj.clear();
                        }
                    }
                    match pat.frame {
                        _ if bare_charge && !recips.is_empty() => {}
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
                    // "sent a letter to Reno asking that his son be moved": the message's
                    // addressee is asked, not the son.
                    if self.message_participle(t0) {
                        let to = self.mention_ending(t0).filter(|&m| self.mi(m).prep.is_some());
                        if let Some(m) = to {
                            recips = vec![m];
                            self.coord_left(m, &mut recips);
                        }
                    }
                    // "warned Taiwan of consequences": the object inside a gapped trigger.
                    // "ordered the French ambassador ... to leave": with `inner`, the object is
                    // always the one inside.
                    // "closed its embassy in Norway": with `inner`, also a mention that starts
                    // inside the trigger and runs on past it.
                    let inner_flag = pat.has("inner");
                    let mutual = pat.frame == Frame::VerbMutual;
                    if (inner_flag || (recips.is_empty() && direct && !mutual)) && t1 > t0 + 2 {
                        let inner = self.order.iter().copied().find(|&i| {
                            let m = self.mi(i);
                            // ("handed over to Kenyan officials a suspect": the pattern's own
                            // preposition inside the gap.)
                            let own_prep = inner_flag
                                && m.prep.is_some_and(|p| preps.iter().any(|x| x == self.norm(p)));
                            m.start > t0
                                && self.norm(m.end) != "-"
                                && (m.start <= t0 + 2 || (own_prep && m.start <= t0 + 3))
                                && (m.end < t1
                                    || (inner_flag && m.start < t1 && m.end > t1)
                                    // ("sank a British-flagged tanker": a mention that ends
                                    // the trigger, unless it is the actor's own, "withdrew
                                    // its envoys".)
                                    || (inner_flag
                                        && m.end == t1
                                        && !matches!(
                                            self.norm(m.start),
                                            "its" | "their" | "his" | "her" | "our"
                                        )))
                                && (m.prep.is_none_or(|p| p <= t0) || own_prep)
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
                        } else if inner_flag {
                            // "declared the port deal between Ethiopia and Somaliland null and
                            // void": the parties of a pact named inside the trigger.
                            let between =
                                (t0 + 1..t1).find(|&k| matches!(self.norm(k), "between" | "with"));
                            if let Some(b) = between {
                                let parties: Vec<usize> = self
                                    .order
                                    .iter()
                                    .copied()
                                    .filter(|&i| self.mi(i).start > b && self.mi(i).end <= t1)
                                    .collect();
                                if !parties.is_empty() {
                                    recips = parties;
                                }
                            }
                        }
                    }
                }
            }
            Frame::Noun | Frame::NounMutual => {
                // Role phrases follow the head noun, also inside a gapped trigger ("a ceasefire
                // between Israel and Hezbollah took effect").
                let th = t0 + 1;
                let between = self.pp_after(th, &["between", "among"], 6);
                // "talks hosted by Malaysia": a host or mediator is no party.
                let hosted = (th..th + 5).any(|k| {
                    self.norm(k) == "by"
                        && matches!(
                            self.norm(k.wrapping_sub(1)),
                            "hosted"
                                | "mediated"
                                | "brokered"
                                | "chaired"
                                | "convened"
                                | "facilitated"
                        )
                });
                // "The attack was condemned by France": after a passive verb, "by" names that
                // verb's agent, not the noun's.
                let passive_between = (th..th + 4)
                    .take_while(|&k| self.norm(k) != "by")
                    .any(|k| BE.contains(&self.norm(k)));
                let by = if hosted || passive_between {
                    Vec::new()
                } else {
                    self.pp_after(th, &["by"], 4)
                };
                let mut pre = self.premodifier(t0, mode_tokens);
                // "the U.S. Embassy blasts", "the embassy bombings": a building before an
                // attack noun is what was hit, its owner the target.
                if event == EventType::Assault
                    && pat.frame == Frame::Noun
                    && pre.len() == 1
                    && pre.iter().all(|&i| {
                        let m = self.mi(i);
                        m.end > m.start && is(self.toks.get(m.end - 1), BUILDINGS)
                    })
                {
                    recips.append(&mut pre);
                    hit_building = true;
                }
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
                    // "an order was given last week by China's Ministry of Health": a trigger
                    // that ends in "by" is followed by its agent.
                    if actors.is_empty() && self.norm(t1.wrapping_sub(1)) == "by" {
                        actors.extend(self.mention_starting(t1));
                    }
                    if actors.is_empty() && pat.has("ofagent") {
                        actors.extend(self.pp_after(t1, &["of"], 2));
                    }
                    // "rescue teams from China and India arrived": who sends them.
                    if actors.is_empty() && pat.has("fromagent") {
                        actors.extend(self.pp_after(th, &["from"], 3));
                    }
                    if actors.is_empty() {
                        // "Iran-US talks": a pair before the noun is its two parties.
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
                // "Thailand and Cambodia agreed to a ceasefire after talks in Malaysia": with
                // no one across the table, the talks are the two subjects' own.
                if actors.is_empty() && event == EventType::Consult {
                    let mut j = t0;
                    while j > 0
                        && t0 - j < 7
                        && !is(self.toks.get(j - 1), ADJUNCT_PREPS)
                        && self.toks.get(j - 1).is_some_and(|t| {
                            t.kind == TokenKind::Word || t.kind == TokenKind::Number
                        })
                    {
                        j -= 1;
                    }
                    if is(self.toks.get(j.wrapping_sub(1)), ADJUNCT_PREPS) {
                        let mut subj = self.subject(j - 1);
                        // After the clause's verb: that verb's subject ("agreed to a ceasefire
                        // after talks").
                        if subj.is_empty() {
                            let verb = self
                                .verb_spans
                                .iter()
                                .filter(|&&(_, e)| e < j && self.cl(e) == self.cl(j - 1))
                                .max_by_key(|&&(_, e)| e);
                            if let Some(&(vs, _)) = verb {
                                subj = self.verb_subject(vs, same_sentence);
                            }
                        }
                        // "Ukraine said it was ready to accept the proposal, after talks with
                        // U.S. officials": set off by a comma, the talks are the main clause's
                        // subject's.
                        if subj.is_empty() && j >= 2 && self.norm(j - 2) == "," {
                            subj = self.main_subject(j - 2);
                        }
                        // "After talks with the United States, Ukraine said": a fronted phrase
                        // belongs to the subject after its comma.
                        if subj.is_empty() && j == 1 {
                            subj = self.fronted_subject(t1);
                        }
                        let states = subj
                            .iter()
                            .filter_map(|&i| self.ms.get(i).and_then(|m| m.entity.code))
                            .collect::<BTreeSet<ActorCode>>();
                        if !recips.is_empty() || states.len() >= 2 {
                            actors = subj;
                        }
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
            && !self.closes_appositive(t0 - 1)
        {
            return None;
        }
        // "Iran backs Assad's government", "Syrian forces, backed by Russia": a standing
        // relation told in the present, or a participle describing a noun, is background, not
        // something that happened (a headline's present is its news, so the first sentence keeps it).
        // ("Germany will support Ukraine": a base form after a modal is a pledge or a
        // possibility, which the auxiliary rules mark, not a standing relation.)
        let after_modal = matches!(
            self.norm(t0.wrapping_sub(1)),
            "will" | "would" | "could" | "may" | "might" | "shall" | "should" | "must" | "can"
        );
        let present = !after_modal
            && match hit.form {
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
        // ("pledged to support Kyiv": backing promised is news, not background.)
        // ("intends to ban households from raising chickens": a plan is news too.)
        let promised = self.norm(t0.wrapping_sub(1)) == "to"
            && (promise_verb(self.norm(t0.wrapping_sub(2)))
                || (event != EventType::Support && intent_verb(self.norm(t0.wrapping_sub(2)))));
        if pat.has("stative")
            && ((present && !promised && !self.headline()) || (was_passive && !self.be_before(t0)))
        {
            return None;
        }
        // "jihadists fighting in Iraq", "groups fighting to topple Assad": a present participle
        // right after its noun describes the noun; the sentence reports something else.
        // ("the Trump-Zelensky meeting": after a determiner a meeting is a noun; "the Nairobi
        // bombing" names its place, not its doer, so attacks stay out.)
        if (hit.form == Some(Form::Gerund)
            || (pat.frame.is_noun() && self.norm(t0).ends_with("ing")))
            && self.mention_ending(t0).is_some_and(|m| {
                self.mi(m).prep.is_none_or(|p| self.norm(p) != "with")
                    && !(pat.frame.is_noun()
                        && event == EventType::Consult
                        && is(self.toks.get(self.mi(m).start.wrapping_sub(1)), &["the", "a", "an"]))
            })
            && !BE.contains(&self.norm(t0.wrapping_sub(1)))
            && !self.message_participle(t0)
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
        // ("Since then, 427 fugitives have been taken into custody": also a count since a time
        // that opens the sentence, and a passive perfect.)
        // ("Brunson has been detained in Turkey since October" is still his detention.)
        let active_perfect = matches!(self.norm(t0.wrapping_sub(1)), "has" | "have");
        let passive_perfect = self.norm(t0.wrapping_sub(1)) == "been"
            && matches!(self.norm(t0.wrapping_sub(2)), "has" | "have");
        let since_after = (t1..(t1 + 10).min(self.toks.len()))
            .any(|k| self.norm(k) == "since" && self.cl(k.saturating_sub(1)) == self.cl(t0));
        if !pat.frame.is_noun()
            && ((active_perfect && since_after)
                || ((active_perfect || passive_perfect) && self.norm(0) == "since"))
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
        // "He has been arrested more than a dozen times": a perfect counted in times sums up
        // a record; no one event is told. ("was stabbed several times" is one attack.)
        let perfect = matches!(self.norm(t0.wrapping_sub(1)), "has" | "have" | "had")
            || (self.norm(t0.wrapping_sub(1)) == "been"
                && matches!(self.norm(t0.wrapping_sub(2)), "has" | "have" | "had"));
        if perfect
            && !pat.frame.is_noun()
            && (t1..(t1 + 8).min(self.toks.len())).any(|k| {
                self.norm(k) == "times"
                    && self.cl(k) == self.cl(t0)
                    && !matches!(self.norm(k.wrapping_sub(1)), "two" | "2")
            })
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
        // "It killed more than 800 people over four decades of violence": a toll summed over
        // years is a record, not one attack.
        if event == EventType::Assault
            && !pat.frame.is_noun()
            && (t1..(t1 + 10).min(self.toks.len())).any(|k| {
                matches!(self.norm(k), "years" | "decades")
                    && self.cl(k) == self.cl(t0)
                    && (k.saturating_sub(4)..k).any(|j| {
                        matches!(self.norm(j), "over" | "during" | "throughout")
                            && !matches!(self.norm(j + 1), "the" | "a")
                            || (self.norm(j) == "over"
                                && matches!(self.norm(j + 1), "the")
                                && matches!(self.norm(j + 2), "past" | "last"))
                    })
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
        // "Army air assault forces", "attack helicopters": an attack noun naming a kind of unit
        // or weapon is no attack.
        if pat.frame.is_noun()
            && event == EventType::Assault
            && self
                .class_hits
                .iter()
                .any(|h| h.start == t1 && self_kind(self, h) == Some(AuxKind::Unit))
        {
            return None;
        }
        // "Hail Trump, hail our people!": an imperative inside a quote is a slogan or an
        // exhortation, not an act of the speaker's.
        if !pat.frame.is_noun()
            && hit.form == Some(Form::Present)
            && self.quote_speaker(t0).is_some()
            && !self.norm(t0).ends_with('s')
            // (A modal opens no imperative: the attacks "will not pass without a response".)
            && !matches!(self.norm(t0), "will" | "would" | "shall" | "must" | "can" | "could")
            && matches!(self.norm(t0.wrapping_sub(1)), "\"" | "," | "" | "!" | ":")
        {
            return None;
        }
        // "Trump narrowly beat Clinton in Wisconsin": a contest, not a blow.
        if pat.has("physical") && self.toks.iter().any(|t| listed(&t.norm, CONTEST)) {
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
        // "would appeal the decision, announced Wednesday by the INS": a decision set off by
        // a participle with its maker names whom the answer is to.
        if recips.is_empty()
            && matches!(event, EventType::Reject | EventType::Accuse | EventType::Support)
            && (t1.saturating_sub(1)..(t1 + 3).min(self.toks.len()))
                .any(|k| DECISIONS.contains(&self.norm(k)))
        {
            let comma = (t1..(t1 + 4).min(self.toks.len())).find(|&k| self.norm(k) == ",");
            let made =
                comma.filter(|&c| self.toks.get(c + 1).is_some_and(|t| t.norm.ends_with("ed")));
            if let Some(c) = made {
                recips = self.pp_after(c + 1, &["by"], 6);
            }
        }
        actors.retain(|&a| !self.place(a));
        actors.sort_unstable();
        actors.dedup();
        recips.retain(|r| !actors.contains(r));
        recips.sort_unstable();
        recips.dedup();

        // "The United States determined that the RSF had committed genocide and imposed
        // sanctions on its leader": a verb after "and" whose found subject, from the reported
        // clause before, would act on its own state is the reporter's doing. (Not violence or
        // coercion, which a state's own forces do to its people: "Iran said the regime had
        // lied and killed protesters".)
        if self.norm(t0.wrapping_sub(1)) == "and"
            && !matches!(event, EventType::Assault | EventType::Coerce | EventType::Protest)
            && !pat.has("charge")
            && !actors.is_empty()
            && !recips.is_empty()
            && !was_passive
        {
            let code = |i: &usize| self.resolved(*i).and_then(|m| m.entity.code);
            let a: Vec<_> = actors.iter().filter_map(code).collect();
            let r: Vec<_> = recips.iter().filter_map(code).collect();
            let own = a.len() == actors.len()
                && r.len() == recips.len()
                && r.iter().all(|c| a.contains(c))
                && a.iter().all(|c| r.contains(c));
            let said = self
                .aux_hits
                .iter()
                .filter(|h| h.end < t0 && self_kind(self, h) == Some(AuxKind::Speech))
                .map(|h| h.start)
                .max();
            let reported = said.is_some_and(|sp| actors.iter().all(|&i| self.mi(i).start > sp));
            if own && reported {
                if let Some(Ok(i)) = said.and_then(|sp| self.reporter(sp + 1, sp + 1)) {
                    if code(&i).is_some_and(|c| !a.contains(&c)) {
                        actors = vec![i];
                    }
                }
            }
        }

        // "Iran said the United States had crossed a red line": a charge is the reporter's
        // accusation against the one it names, and nothing without a reporter.
        let mut charged: Option<std::ops::Range<usize>> = None;
        // Whether what is charged is an act, whose doers a later pass finds.
        let mut charged_act = false;
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
                                        "\"" | "been" | "had" | "has" | "have" | "still" | ","
                                    )
                            })
                    })
                    .take(1)
                    .collect();
            }
            // "said Uber must cease the driving immediately or face further action": the
            // subject of the demand that "or" offers the alternative to.
            if actors.is_empty() && self.norm(t0) == "or" {
                let demanded = self.order.iter().rev().copied().find(|&i| {
                    let m = self.mi(i);
                    m.end < t0
                        && t0 - m.end <= 12
                        && m.prep.is_none()
                        && matches!(self.norm(m.end), "must" | "should" | "has" | "have")
                });
                actors.extend(demanded);
            }
            // "said anyone promoting the group's ideas would be held accountable": a subject
            // the actor coder cannot code is still a person the threat is made against.
            if actors.is_empty() && pat.has("person") {
                let said = self.said_end_before(t0);
                if let Some(mut start) = said {
                    // ("said ... and that the attacks will not pass": the last "that".)
                    if let Some(k) = (start..t0).rev().find(|&k| self.norm(k) == "that") {
                        start = k;
                    }
                    if self.norm(start) == "that" {
                        start += 1;
                    }
                    // (A quotation may open right before the trigger.)
                    let words = (start..t0).all(|k| {
                        self.toks.get(k).is_some_and(|t| {
                            t.kind != TokenKind::Punct
                                || t.norm == "'s"
                                || (t.norm == "\"" && k + 1 == t0)
                        })
                    });
                    // People, not things: "anyone", "those responsible", "the organisers".
                    let people = (start..t0).any(|k| {
                        let n = self.norm(k);
                        matches!(
                            n,
                            "anyone"
                                | "anybody"
                                | "whoever"
                                | "those"
                                | "everyone"
                                | "responsible"
                                | "culprits"
                                | "perpetrators"
                                | "people"
                                // ("the attacks will not pass without a response": the
                                // threat is to whoever attacked.)
                                | "attacks"
                                | "attack"
                                | "strikes"
                                | "aggression"
                                | "crime"
                                | "crimes"
                        ) || (n.len() > 5 && (n.ends_with("ers") || n.ends_with("ors")))
                    });
                    if t0 > start && t0 - start <= 8 && words && people {
                        charged = Some(start..t0);
                        charged_act = (start..t0).any(|k| {
                            matches!(
                                self.norm(k),
                                "attacks"
                                    | "attack"
                                    | "strikes"
                                    | "aggression"
                                    | "crime"
                                    | "crimes"
                            )
                        });
                    }
                }
            }
            // "said reports that troops had entered the town were false": what is denied is a
            // claim, whose maker the sentence need not name; the town is no party to it.
            let mut report_at = (t0, t1);
            if event == EventType::Reject {
                let said = self.denied_claim(t0)?;
                report_at = (said, said);
                actors.clear();
            }
            if was_passive || (actors.is_empty() && charged.is_none() && event != EventType::Reject)
            {
                return None;
            }
            recips = std::mem::take(&mut actors);
            match self.reporter(report_at.0, report_at.1) {
                Some(Ok(i)) => actors = vec![i],
                Some(Err((ss, mi))) => {
                    from_speaker = self.all.get(ss).and_then(|v| v.get(mi)).cloned();
                }
                None => return None,
            }
            if from_speaker.is_none() && actors.iter().any(|a| recips.contains(a)) {
                return None;
            }
            // "Putin said Russia must defend itself": what one's own state must do is resolve,
            // not a demand.
            if event == EventType::Request {
                let code = |i: &usize| self.resolved(*i).and_then(|m| m.entity.code);
                let mine: Vec<_> = match &from_speaker {
                    Some(m) => m.entity.code.into_iter().collect(),
                    None => actors.iter().filter_map(code).collect(),
                };
                // (Its own offices or people told what to do are still asked: "Xi said rescue
                // workers should do all they can".)
                let own_state = |i: &usize| {
                    self.resolved(*i).is_some_and(|m| m.entity.sector.is_none())
                        && code(i).is_some_and(|c| mine.contains(&c))
                };
                if recips.iter().any(own_state) {
                    return None;
                }
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

        // "All schools in Mexico City have been closed": a closure told in the passive is
        // coded only when what was closed is a place people gather (the active "closed
        // schools" has patterns of its own; "the case was closed" is no restriction).
        // (And "4,500 birds were destroyed": a cull, when what was killed is animals.)
        let patient_kind = if pat.has("site") {
            Some(AuxKind::Site)
        } else if pat.has("livestock") {
            Some(AuxKind::Livestock)
        } else {
            None
        };
        if let Some(kind) = patient_kind {
            let c = self.cl(t0);
            let patient_cue = self
                .class_hits
                .iter()
                .find(|h| {
                    h.start + 10 >= t0
                        && h.end <= t0
                        && self.cl(h.start) == c
                        && self_kind(self, h) == Some(kind)
                })
                .copied();
            let cue =
                patient_cue.filter(|_| was_passive && self.be_before(t0) && actors.is_empty())?;
            push_aux(self, coder, &cue, &mut entries);
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
            // "is prohibited in Islamic law" states a rule; "has been banned" tells a ban.
            && (!pat.has("decree")
                || (t0.saturating_sub(3)..t0).any(|k| {
                    matches!(self.norm(k), "was" | "were" | "been" | "being")
                        // ("all the chickens will be culled": a measure announced.)
                        || (self.norm(k) == "be"
                            && matches!(self.norm(k.wrapping_sub(1)), "will" | "shall" | "'ll"))
                }))
        {
            // Courts convict, governments free and expel, police arrest.
            let sector = match event {
                _ if pat.has("deport") => Sector::Gov,
                EventType::Sanction => Sector::Jud,
                EventType::Retreat | EventType::Request => Sector::Gov,
                // Bans and closures are decreed, not policed.
                EventType::Coerce
                    if pat.modes.contains(&Mode::Restrict) || pat.has("livestock") =>
                {
                    Sector::Gov
                }
                _ => Sector::Cop,
            };
            place_actor = self.authority(t0, t1, sector, &recips);
        }
        // "a car bomb killed 13 soldiers", "two people were killed in a knife attack": an
        // attack whose perpetrator is unknown still has its victims.
        let mut unknown_attacker = hit_building && actors.is_empty() && from_speaker.is_none();
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
        // "a letter containing white powder was sent to the courthouse": a menace whose sender
        // no one knows still has its target.
        if pat.has("anonymous")
            && pat.frame.is_noun()
            && actors.is_empty()
            && from_speaker.is_none()
        {
            if recips.is_empty() {
                recips = self.attacked_site(t1);
            }
            unknown_attacker = !recips.is_empty();
        }
        if event == EventType::Assault && pat.frame == Frame::Noun && recips.is_empty() {
            recips = self.attack_victims(t0, t1);
            recips.retain(|r| !actors.contains(r));
            unknown_attacker = actors.is_empty() && from_speaker.is_none() && !recips.is_empty();
        }
        // "Clashes with police in Bihar have left 20 villagers injured": with one side named,
        // the toll is the other side.
        if event == EventType::Assault
            && pat.frame == Frame::NounMutual
            && recips.is_empty()
            && actors.len() == 1
        {
            // (Only people of the named side's own state: a bare noun coded from a place
            // named elsewhere in the sentence is no side.)
            let side = actors.first().and_then(|&a| self.resolved(a)).and_then(|m| m.entity.code);
            let elsewhere = self.ms.iter().any(|m| {
                matches!(m.kind, MentionKind::Country | MentionKind::Capital | MentionKind::Place)
                    && m.entity.code != side
            });
            recips = if elsewhere { Vec::new() } else { self.attack_victims(t0, t1) };
            recips.retain(|r| {
                !actors.contains(r)
                    && side.is_some()
                    && self.resolved(*r).and_then(|m| m.entity.code) == side
            });
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

        // A finite passive with no agent whose subject is what it was done to.
        let agentless = actors.is_empty()
            && from_speaker.is_none()
            && place_actor.is_none()
            && pat.has("victim")
            && was_passive
            && self.be_before(t0)
            && !recips.is_empty()
            && self.victims_are_subject(&recips, t0);
        // "Three soldiers were killed in northern Mali": an attack still has its victims, when
        // no other attack in the sentence tells who did it.
        let passive_victims = agentless
            // (Another attack word is no other attack when it is the same chain of
            // participles: "was shot and killed".)
            && !self.assault_spans.iter().any(|&(a, b)| {
                let chained = (b + 1 == t0 || a == t1 + 1)
                    && self.norm(b.min(t1)) == "and";
                (a, b) != (t0, t1) && !chained
            })
            && !self.incident_follows(t1)
            && !self.natural_cause_follows(t1)
            // "Seven other people were wounded": details of an attack just told.
            && !earlier.iter().rev().take_while(|e| self.pos.saturating_sub(e.sentence) <= 3).any(|e| e.event == EventType::Assault);
        // "The Indonesian government has been criticised for failing to warn residents":
        // criticism by no one named still has its target.
        let unnamed_critics = agentless && event == EventType::Accuse;
        if passive_victims || unnamed_critics {
            unknown_attacker = true;
        }
        if actors.is_empty()
            && from_speaker.is_none()
            && place_actor.is_none()
            && !passive_victims
            && !unnamed_critics
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
            // "Saturday's strikes in Yemen": the attack on the same target told before (the
            // lede's, often), rather than the latest attack of any kind.
            let targets: BTreeSet<ActorCode> = recips
                .iter()
                .filter_map(|&i| self.ms.get(i).and_then(|m| m.entity.code))
                .filter(|c| !c.is_non_state())
                .collect();
            let same_target = (definite && !targets.is_empty() && !two_sided)
                .then(|| {
                    earlier
                        .iter()
                        .rev()
                        .take_while(|e| self.pos.saturating_sub(e.sentence) <= 40)
                        .find(|e| {
                            e.event == event
                                && !e.actors.is_empty()
                                && !codes_of(&e.recipients).is_disjoint(&targets)
                                && codes_of(&e.actors).is_disjoint(&targets)
                        })
                })
                .flatten();
            let prev = same_target
                .or_else(|| recent().find(|e| e.event == event && e.pattern_id == pat.origin.key))
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
        let protesters = actors
            .first()
            .and_then(|&i| self.ms.get(i))
            .is_some_and(|m| self.toks.get(m.head).is_some_and(|t| listed(&t.norm, PROTESTERS)));
        // "Demonstrators thronged the street, demanding that Elian stay": what protesters
        // demand is told as their protest.
        if event == EventType::Request
            && protesters
            && matches!(lead_sector, Some(Sector::Cvl | Sector::Lab | Sector::Edu | Sector::Opp))
        {
            event = EventType::Protest;
            modes = vec![Mode::Demo];
        }
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
        // "Security forces stormed the chamber and removed opposition lawmakers": police
        // storming a building is a raid, not an armed attack.
        if event == EventType::Assault && pat.has("raid") && lead_sector == Some(Sector::Cop) {
            event = EventType::Coerce;
            modes.clear();
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
        // "U.S. and Philippine troops launched their annual exercises": an exercise of two
        // states' forces is their cooperation.
        if pat.has("joint") {
            let states: BTreeSet<ActorCode> = actors
                .iter()
                .filter_map(|&a| self.ms.get(a)?.entity.code)
                .filter(|c| !c.is_non_state())
                .collect();
            if states.len() >= 2 {
                event = EventType::Cooperate;
                modes.clear();
            }
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
        // "Tusk said ..., calling it a large-scale provocation": "it" is the act told before,
        // whose doer a later pass finds, not whichever actor the pronoun was tied to.
        if pat.has("target")
            && inherited.is_none()
            && !recips.is_empty()
            && recips.iter().all(|&i| {
                let m = self.mi(i);
                matches!(self.norm(m.start), "it" | "this" | "that")
                    && m.end == m.start + 1
                    && m.start > t0
                    && m.start <= t0 + 2
            })
        {
            recip_ms.clear();
        }
        // "Some 33,000 Boeing factory workers walked off the job": a strike by a firm's workers
        // is against the firm.
        if event == EventType::Protest && recip_ms.is_empty() && modes.contains(&Mode::Strike) {
            let workers = actor_ms.iter().find(|m| {
                m.entity.sector == Some(Sector::Lab) && m.entity.identifier_text.is_some()
            });
            if let Some(m) = workers {
                let mut firm = m.clone();
                firm.entity.sector = Some(Sector::Bus);
                firm.entity.entity_text = m.entity.identifier_text.clone().unwrap_or_default();
                recip_ms.push(firm);
            }
        }
        // "twenty high school students ... had to be quarantined": people the text gives no
        // nationality of their own are held where the authority that holds them rules, not in
        // whatever state the story named last.
        if let Some(auth) = place_actor.as_ref().filter(|m| {
            inherited.is_none() && m.entity.sector == Some(Sector::Gov) && m.entity.code.is_some()
        }) {
            for m in recip_ms.iter_mut() {
                let plain = matches!(m.kind, MentionKind::Nominal | MentionKind::Pronoun)
                    && m.tokens
                        .clone()
                        .all(|k| k == 0 || self.toks.get(k).is_none_or(|t| !t.capitalised));
                if plain && m.entity.code.is_some_and(|c| !c.is_non_state()) {
                    m.entity.code = auth.entity.code;
                }
            }
        }
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
                    && self.toks.get(m.head).is_some_and(|t| listed(&t.norm, SITE_HEADS)))
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
                            && self.cl(m.start) == self.cl(k)
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
        // no one codes, in a named country or a place of it ("in Dnipro"), are that
        // country's.
        // ("two terrorist bomb attacks in Kenya and Tanzania": so are an attack noun's.)
        // ("would pause military operations in three areas of Gaza": so is a halt's.)
        if matches!(event, EventType::Assault | EventType::Concede | EventType::Retreat)
            && recip_ms.is_empty()
            && pat.frame != Frame::NounMutual
        {
            let c = self.cl(t0);
            let end = (t1 + 10).min(self.toks.len());
            let target = (t1..end)
                .take_while(|&k| self.cl(k) == c && !spans.iter().any(|&(a, _)| a == k))
                .filter(|&k| matches!(self.norm(k), "in" | "inside" | "within" | "across"))
                .find_map(|k| {
                    self.order.iter().copied().find(|&i| {
                        let m = self.mi(i);
                        // ("in three areas of Gaza": a part of a place keeps its "in".)
                        ((m.start > k && m.start <= k + 2)
                            || m.prep == Some(k)
                            || (m.start > k
                                && m.start <= k + 5
                                && self.norm(m.start - 1) == "of"
                                && (k + 1..m.start).all(|j| {
                                    self.toks.get(j).is_some_and(|t| t.kind != TokenKind::Punct)
                                })))
                            && self.ms.get(i).is_some_and(|x| {
                                matches!(x.kind, MentionKind::Country | MentionKind::Place)
                            })
                    })
                });
            if let Some(mut m) = target.and_then(|i| self.resolved(i)) {
                m.entity.sector = None;
                if actor_ms.iter().all(|a| a.entity.code != m.entity.code) {
                    recip_ms.push(m);
                }
            }
        }
        // "marched in Istanbul to protest the killings of ethnic Albanians by Serb police": a
        // protest is made to the doer of the act protested, whoever else it names.
        if event == EventType::Protest {
            let c = self.cl(t0);
            let end = (t1 + 25).min(self.toks.len());
            let doer = (t1..end)
                .filter(|&k| self.norm(k) == "by" && self.cl(k) == c)
                .find(|&k| {
                    (k.saturating_sub(5)..k).any(|j| {
                        matches!(
                            self.norm(j),
                            "killing"
                                | "killings"
                                | "arrest"
                                | "arrests"
                                | "detention"
                                | "attack"
                                | "attacks"
                                | "shooting"
                                | "shootings"
                                | "crackdown"
                                | "treatment"
                                | "deportation"
                                | "deportations"
                                | "execution"
                                | "executions"
                                | "abuses"
                                | "massacre"
                        )
                    })
                })
                .and_then(|k| self.mention_starting(k + 1))
                .and_then(|i| self.resolved(i));
            let actor_codes: BTreeSet<ActorCode> =
                actor_ms.iter().filter_map(|m| m.entity.code).collect();
            if let Some(m) =
                doer.filter(|m| m.entity.code.is_some_and(|x| !actor_codes.contains(&x)))
            {
                recip_ms = vec![m];
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
        // "called for a three-month truce in Sudan": a call for peace in a state is made to
        // that state's parties.
        if event == EventType::Request && recip_ms.is_empty() && !pat.frame.is_noun() {
            let c = self.cl(t0);
            let peace = (t1..(t1 + 6).min(self.toks.len())).any(|k| {
                matches!(
                    self.norm(k),
                    "truce"
                        | "ceasefire"
                        | "cease-fire"
                        | "peace"
                        | "calm"
                        | "restraint"
                        | "de-escalation"
                )
            });
            let place = self.order.iter().copied().find(|&i| {
                let m = self.mi(i);
                m.start > t1
                    && m.start <= t1 + 9
                    && self.cl(m.start) == c
                    && self.prep_of(i) == Some("in")
                    && self.ms.get(i).is_some_and(|x| {
                        matches!(x.kind, MentionKind::Country | MentionKind::Place)
                    })
            });
            if let Some(i) = place.filter(|_| peace) {
                recip_ms.extend(self.resolved(i));
            }
        }
        // "demanded on Tuesday that M23 rebels withdraw": the one asked is the subject of
        // the that-clause; so is the one complained of ("complained that US rescuers gave
        // priority to American victims").
        let complaint = event == EventType::Accuse && self.norm(t0).starts_with("complain");
        if (event == EventType::Request || complaint) && recip_ms.is_empty() && !pat.frame.is_noun()
        {
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
                        | "role"
                        | "involvement"
                        | "responsibility"
                        | "wrongdoing"
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
        // "Exxon and Chevron held talks", "Dow Jones and Telerate began negotiations": two named
        // parties of one state and sector meet each other; the first is the actor, the other
        // the recipient (as one code they would fold into a party meeting no one).
        if event == EventType::Consult && recip_ms.is_empty() && actor_ms.len() == 2 {
            let named = |m: &Mention| m.kind == MentionKind::Name;
            let (a, b) = (&actor_ms[0], &actor_ms[1]);
            if named(a)
                && named(b)
                && same_entity(a, b)
                && a.entity.entity_text.to_lowercase() != b.entity.entity_text.to_lowercase()
                && a.entity.identifier_text != b.entity.identifier_text
            {
                recip_ms.push(actor_ms.remove(1));
            }
        }
        dedup_mentions(&mut actor_ms);
        dedup_mentions(&mut recip_ms);
        // "Syrian rebels seized Damascus": armed forces seizing a city or a country take it by
        // force.
        if event == EventType::Coerce
            && modes.contains(&Mode::Seize)
            && recip_ms.iter().any(|m| m.kind.names_territory())
            && actor_ms.iter().any(|m| {
                matches!(
                    m.entity.sector,
                    Some(Sector::Mil | Sector::Reb | Sector::Prm | Sector::Uaf)
                )
            })
        {
            event = EventType::Assault;
            modes.clear();
        }
        // "signed papers of accession ... to become members of the North Atlantic Treaty
        // Organization", "signed Budapest's accession document": joining is addressed to the
        // body joined, when the sentence names it.
        if event == EventType::Support
            && (t0..t1).any(|k| matches!(self.norm(k), "accession" | "membership"))
        {
            // (Past an aside: "-- broadcast live on Polish television --".)
            let end = (t1 + 30).min(self.toks.len());
            let body = (t1..end)
                .take_while(|&k| !matches!(self.norm(k), "." | ";" | "said" | "says"))
                .find_map(|k| {
                    let lead = match (self.norm(k), self.norm(k + 1)) {
                        ("members" | "member", "of") => Some(k + 2),
                        ("join" | "joining" | "joined", _) => Some(k + 1),
                        ("accession", "to") => Some(k + 2),
                        _ => None,
                    }?;
                    self.order.iter().copied().find(|&i| {
                        let m = self.mi(i);
                        (m.start == k || m.start >= lead)
                            && m.start <= lead + 1
                            && self
                                .ms
                                .get(i)
                                .is_some_and(|x| x.entity.code.is_some_and(|c| c.is_non_state()))
                    })
                });
            if let Some(m) = body.and_then(|i| self.resolved(i)) {
                recip_ms = vec![m];
            }
        }
        // "a charge the Kremlin called unacceptable", "an allegation New Delhi dismissed as
        // absurd": a claim labelled by the one it names is denied, not a new accusation.
        if event == EventType::Accuse
            && pat.origin.key.starts_with("accuse.label")
            && recips.is_empty()
            && actors.first().is_some_and(|&a| {
                let start = self.mi(a).start;
                is(self.toks.get(start.wrapping_sub(1)), CLAIM_NOUNS)
            })
        {
            event = EventType::Reject;
            modes.clear();
        }
        // "The Syrian army withdrew from Sweida", "Trump arrived in Texas": a place of the
        // actor's own state is no party to a withdrawal, a visit or a deployment.
        if matches!(event, EventType::Retreat | EventType::Consult | EventType::Mobilize) {
            let own = codes_of(&actor_ms);
            recip_ms.retain(|m| {
                !m.kind.names_territory() || m.entity.code.is_none_or(|c| !own.contains(&c))
            });
        }
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
        if recip_ms.is_empty() && !charged_act {
            if let Some(range) = charged {
                let code = actor_ms
                    .first()
                    .and_then(|m| m.entity.code)
                    .filter(|c| !c.is_non_state())
                    .or(self.doc_country);
                if let Some(code) = code {
                    recip_ms.push(self.unplaced_person(range, code));
                }
            }
        }
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
        // A siege, a blockade or a closed border falls on someone else.
        let siege = (t0..t1).any(|k| {
            matches!(
                self.norm(k),
                "siege"
                    | "sieges"
                    | "blockade"
                    | "blockades"
                    | "besieged"
                    | "border"
                    | "borders"
                    | "frontier"
                    | "airspace"
            )
        });
        let restrictive = event == EventType::Coerce
            && !siege
            && modes.iter().any(|m| {
                matches!(m, Mode::Restrict | Mode::Curfew | Mode::MartialLaw | Mode::Censor)
            });
        // (Not when someone else is named after it: "fired water cannon at and sideswiped a
        // Philippine fisheries vessel".)
        let own = codes_of(&actor_ms);
        let foreign_after = self.order.iter().any(|&i| {
            self.mi(i).start >= t1
                && self
                    .ms
                    .get(i)
                    .and_then(|m| m.entity.code)
                    .is_some_and(|c| !own.contains(&c) && !c.is_non_state())
        });
        let crowd =
            event == EventType::Assault && modes.contains(&Mode::CrowdControl) && !foreign_after;
        // "the army seized power": a coup is against the army's own government.
        let coup = pat.has("owngov");
        // "Eritrea launched a national vaccination programme": done for its own people.
        let own_people = pat.has("ownpeople");
        if recip_ms.is_empty() && (restrictive || crowd || coup || own_people) {
            let sector = if crowd {
                Some(Sector::Cvl)
            } else if coup {
                Some(Sector::Gov)
            } else {
                None
            };
            recip_ms.extend(own_state(&actor_ms).map(|(code, m)| implied_party(m, code, sector)));
        }
        // "Oman brokered a ceasefire between the United States and the Houthis": the parties
        // agreed; the broker only helped.
        if pat.has("broker") && !recip_ms.is_empty() {
            actor_ms = std::mem::take(&mut recip_ms);
        }
        // "Japan's foreign minister held talks with his South Korean counterpart in Tokyo":
        // the visitor is the actor, the host, where the meeting is, the recipient.
        // (A trip or visit names its own destination: "In New Zealand, students ... during
        // their trip to Mexico".)
        if event == EventType::Consult
            && actor_ms.len() == 1
            && recip_ms.len() == 1
            && !(self.norm(t1.wrapping_sub(1)) == "to" || self.norm(t1) == "to")
        {
            let host = self.order.iter().copied().find_map(|i| {
                let m = self.ms.get(i)?;
                let located =
                    m.kind.names_territory() && matches!(self.prep_of(i), Some("in" | "at"));
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
        // "Scharping, ending a two-day visit, said ..." in a story from Warsaw: a visit that
        // names no destination is to the story's state, when the visitor is a foreigner there.
        if event == EventType::Consult
            && modes.contains(&Mode::Visit)
            && recip_ms.is_empty()
            && actor_ms.len() < 2
            && (t0..t1).any(|k| matches!(self.norm(k), "visit" | "visits" | "trip" | "trips"))
        {
            let visitor = actor_ms.first().and_then(|m| m.entity.code);
            if let Some(host) = self.doc_country.filter(|&h| visitor.is_some_and(|v| v != h)) {
                recip_ms.push(self.implied_at(t0, t1, host, None));
                entries.push(EntryRef {
                    role: "recipient".into(),
                    entry: "host".into(),
                    source: "coder: a visit that names no destination is to the story's state"
                        .into(),
                    text: String::new(),
                });
            }
        }
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
        // Gunmen fleeing the scene are not displaced people, nor is a leader fleeing the country
        // ("Hasina resigned and fled the country", "Batista fled").
        if event == EventType::Sanction
            && pat.frame == Frame::VerbReverse
            && recip_ms.iter().chain(actor_ms.iter()).any(|m| {
                matches!(
                    m.entity.sector,
                    Some(
                        Sector::Uaf
                            | Sector::Reb
                            | Sector::Mil
                            | Sector::Crm
                            | Sector::Prm
                            | Sector::Gov
                            | Sector::Eli
                    )
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
                                | "protest"
                                | "demand"
                        )
                    })
                    // "Thousands marched against the government"; but "chanting slogans
                    // against" a protest just told is that protest.
                    || ((t1..(t1 + 6).min(self.toks.len())).any(|k| self.norm(k) == "against")
                        && !same_sentence.iter().any(|(c, _)| c.event == EventType::Protest)));
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
        // "Police forced their way into the embassy" is a raid; protesters breaking in are not.
        if pat.has("security")
            && !lead.is_some_and(|(_, s)| {
                matches!(
                    s,
                    Some(Sector::Cop | Sector::Mil | Sector::Spy | Sector::Gov | Sector::Jud)
                )
            })
        {
            return None;
        }
        // "Russia and Ukraine agreed to exchange prisoners": what two parties agree on is not
        // addressed to the people of one of them.
        if event == EventType::Agree {
            let sides = codes_of(&actor_ms);
            if sides.len() >= 2 {
                recip_ms.retain(|m| m.entity.code.is_none_or(|c| !sides.contains(&c)));
            }
        }
        // An agreement noun needs two parties ("business deals" is no AGREE).
        if event == EventType::Agree && pat.frame == Frame::NounMutual && actor_ms.len() < 2 {
            return None;
        }
        // "Juanita Castro, who arrived in Miami in 1961": travel is a visit only when an
        // official, a political figure or an international body makes it.
        // (A state named bare travels; a person of no known office does not.)
        if pat.has("official")
            && !actor_ms.first().is_some_and(|m| {
                let (c, s) = (m.entity.code, m.entity.sector);
                (official(c, s)
                    && (s.is_some()
                        || matches!(m.kind, MentionKind::Country | MentionKind::Capital)))
                    || matches!(s, Some(Sector::Eli | Sector::Opp | Sector::Pty | Sector::Leg))
                    || c.is_some_and(|c| c.is_non_state())
            })
        {
            return None;
        }
        // "The WHO has deployed personnel to the affected areas": health workers and relief
        // bodies deploy help, not forces.
        let relief_body = lead.is_some_and(|(c, s)| {
            s == Some(Sector::Med)
                || (c.is_some_and(|c| matches!(c.as_str(), "UNO" | "NGO"))
                    && !matches!(s, Some(Sector::Mil | Sector::Cop)))
        });
        if event == EventType::Mobilize && pat.has("relief") && relief_body && modes.is_empty() {
            event = EventType::Aid;
            modes.clear();
        }
        // Investigations and deployments are what authorities and armed groups do.
        let investigate = event == EventType::Accuse && modes.contains(&Mode::Investigate);
        if (investigate || event == EventType::Mobilize)
            && lead.is_some_and(|(c, s)| !official(c, s) && s != Some(Sector::Jrn))
        {
            return None;
        }
        // "Putin and Trump held a phone call", "the Iran-US talks", "Trump and Putin concluded
        // the summit": a meeting of two states' actors needs no recipient; both are its actors.
        let mutual = event == EventType::Consult
            && actor_ms.iter().filter_map(|m| m.entity.code).collect::<BTreeSet<ActorCode>>().len()
                >= 2;
        if pat.has("needrecip") && recip_ms.is_empty() && !mutual {
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
            // "The UAE, which denies arming the RSF, said it did not recognise": a cue inside
            // a relative clause the trigger comes after belongs to that clause.
            let relative = (h.start.saturating_sub(4)..h.start).any(|k| {
                matches!(self.norm(k), "which" | "who") && self.norm(k.wrapping_sub(1)) == ","
            }) && (h.end..t0).any(|k| self.norm(k) == ",");
            !(crosses_comma
                || relative
                || spans.iter().any(|&(a, b)| a >= h.end && b <= t0 && a < t0))
        };
        // "said he would not bow to pressure and accused foreign services": a past-tense verb
        // after "and" is a clause of its own, out of reach of a modal or "not" before it (one
        // that takes a base form). Not with "was"/"has" in between ("was not arrested and
        // charged", "if a suspect is caught and charged").
        let own_finite_clause = |h: &Hit| {
            let mut k = t0;
            while k > 0 && ADVERBS.contains(&self.norm(k - 1)) {
                k -= 1;
            }
            let past = self.past_form(t0);
            let chained = |n: &str| AUX_CHAIN.contains(&n);
            past && k > h.end
                && matches!(self.norm(k - 1), "and" | "or")
                && !chained(self.norm(h.start.wrapping_sub(1)))
                && !(h.start..k).any(|j| chained(self.norm(j)))
        };
        let cue = |kind: AuxKind, w: usize| {
            self.aux_before(t0, &[kind], w)
                .filter(|h| no_trigger_between(h) && !own_finite_clause(h))
                .copied()
        };
        if let Some(h) = cue(AuxKind::Negated, window) {
            aux.negated = true;
            push_aux(self, coder, &h, &mut entries);
        }
        // ("must cease the driving immediately or face further action": the threat is made
        // whatever the demand's modal says.)
        let offered_alternative = event == EventType::Threaten && self.norm(t0) == "or";
        if let Some(h) = cue(AuxKind::Hypothetical, window).filter(|_| !offered_alternative) {
            // "The OAU said it would investigate", "Henry said he would resign": a reported
            // "would" is the speaker's future, not a hypothesis (and for a withdrawal the
            // announced concession PLOVER codes).
            let conditional_after = self.condition_after(t1, 12);
            // Only the verb "would" itself governs: in "would break the law by attacking"
            // the attack stays a hypothesis.
            let governs = h.end <= t0
                && t0 - h.end <= 3
                && (h.end..t0).all(|k| {
                    matches!(
                        self.norm(k),
                        "be" | "have"
                            | "been"
                            | "also"
                            | "soon"
                            | "immediately"
                            | "then"
                            | "continue"
                            | "to"
                            | "quickly"
                            | "'"
                            | "\""
                    )
                });
            let reported_would = self.norm(h.start) == "would"
                && governs
                && !conditional_after
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
        // ("fighting continued until Russian troops withdrew": "until" before a past tense
        // tells when something ended, which happened.)
        if let Some(h) = cue(AuxKind::Future, window)
            .filter(|h| !(self.norm(h.start) == "until" && self.past_form(t0)))
        {
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
                        && !self.verb_ends_at(k + 1)
                })
                .find(|&k| matches!(self.norm(k), "could" | "would" | "might" | "may"));
            if modal.is_some() {
                aux.hypothetical = true;
            }
        }
        // Historical cues may also follow ("attacked us since the fall of the regime").
        // ("was stabbed several times": a count right after the verb is of blows, not of
        // past events.)
        let hist_after = self.aux_hits.iter().find(|h| {
            let blows = h.start == t1 && self.norm(h.end.saturating_sub(1)) == "times";
            h.start >= t1
                && h.start - t1 <= 8
                && !blows
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
            // ("riot police had to use tear gas": what one had to do was done.)
            let had_to = self.norm(k.wrapping_sub(2)) == "had";
            // ("said it was ready to accept the U.S. proposal": willingness to agree is an
            // agreement, as PLOVER counts it.)
            let willing = event == EventType::Agree
                && matches!(self.norm(k.wrapping_sub(2)), "ready" | "willing" | "prepared");
            // ("used drones to hit", not "planned to ... use firearms to attack": a verb that
            // makes its infinitive happen does so only when it happened itself, not in its
            // base form under a plan.)
            let implicative = self.aux_before(k - 1, &[AuxKind::Implicative], 5).filter(|h| {
                let w = self.norm(h.start);
                let base = h.form == Some(Form::Present) && !w.ends_with('s');
                let planned = (h.start.saturating_sub(30)..h.start).any(|j| {
                    matches!(self.norm(j), "planned" | "plans" | "plan" | "plotted" | "wanted")
                        && self.norm(j + 1) == "to"
                });
                !(base && planned)
            });
            let wanted =
                before == "to" && !cue_ends_here && !had_to && !willing && implicative.is_none();
            let prevented = before == "from" && self.norm(k).ends_with("ing");
            // "plotted to execute X and then attack Y": coordinated with a wish.
            // ("said Kenya would send officers and called on others": the call goes with the
            // saying, not with what would be done.)
            let with_saying = self.statement_verb(t0) && self.said_before(t0);
            // ("would not withdraw and rejected the plan": a past tense is its own clause.)
            // ("if Israel is attacked and invaded": a participle shares the auxiliary.)
            let past = self.past_form(t0);
            let last = same_sentence.last();
            let shared_aux = last.is_some_and(|(c, _)| {
                let at = self.toks.iter().position(|t| t.span.start == c.trigger.start);
                at.is_some_and(|a| {
                    (a.saturating_sub(3)..t0).any(|j| AUX_CHAIN.contains(&self.norm(j)))
                })
            });
            let coordinated = matches!(before, "and" | "or" | "then")
                && !with_saying
                && (!past || shared_aux)
                && last.is_some_and(|(c, _)| c.aux.hypothetical);
            if wanted || prevented || coordinated {
                aux.hypothetical = true;
            }
        }
        // "an embargo as punishment for seizing Kuwait", "praised Qatar for mediating": the act
        // a response is for was done by its target, not by the sentence's subject.
        if !pat.frame.is_noun() && self.norm(t0).ends_with("ing") && t0 >= 2 {
            let for_at = if self.norm(t0 - 1) == "for" { Some(t0 - 1) } else { None };
            let reason = for_at.is_some_and(|f| {
                matches!(
                    self.norm(f - 1),
                    "punishment"
                        | "retaliation"
                        | "reprisal"
                        | "revenge"
                        | "response"
                        | "blamed"
                        | "praised"
                        | "thanked"
                        | "criticised"
                        | "criticized"
                        | "condemned"
                        | "punished"
                        | "sanctioned"
                        | "faulted"
                        | "credited"
                )
            });
            if reason {
                aux.hypothetical = true;
            }
        }
        // "a suspect in the U.S. Embassy bombings", "arrested in connection with the attack": an
        // event noun named as what someone is suspected of refers to an act told elsewhere,
        // whose doer this sentence does not give.
        if pat.frame.is_noun() {
            let lo = t0.saturating_sub(6);
            let suspected = (lo..t0).any(|k| {
                let n = self.norm(k);
                let next = self.norm(k + 1);
                (matches!(n, "suspect" | "suspects" | "suspected" | "charged" | "accused")
                    && matches!(next, "in" | "of" | "over"))
                    || (n == "connection" && next == "with")
            });
            if suspected {
                aux.hypothetical = true;
            }
        }
        // "would respond to any attack", "a possible strike": an event noun told as a
        // possibility did not happen.
        if pat.frame.is_noun()
            && matches!(self.norm(t0.wrapping_sub(1)), "any" | "possible" | "potential" | "future")
        {
            aux.hypothetical = true;
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
            // ("insisted that his client had no role": a denial told as what one insists on
            // is the insisting itself.)
            let denial = event == EventType::Reject && (pat.has("outward") || pat.has("charge"));
            let c = self.cl(t0);
            let lo = t0.saturating_sub(12);
            aux.hypothetical |= (lo..t0).any(|k| {
                self.norm(k) == "that"
                    && (self.cl(k) == c || self.cl(k + 1) == c)
                    && (k.saturating_sub(4)..k).any(|j| {
                        let insisted = matches!(self.norm(j), "insisted" | "insisting");
                        !(denial && insisted)
                            && matches!(
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
                    // "Juanita Castro, who arrived in Miami in 1961, criticized": a year in a
                    // relative clause makes only that clause historical (the record's date is
                    // the dating stage's choice, which may still take it).
                    && self.aside_of(k).is_none_or(|r| r.contains(&t0))
                    && hi.saturating_sub(lo) <= 8
                    && !spans.iter().any(|&(a, b)| a >= lo && b <= hi && (a, b) != (t0, t1))
                    && year_of(t).is_some_and(|y| y + 2 <= self.max_year)
                    // "in 2011", "since 2011", "by July 2014".
                    && (is(self.toks.get(k.wrapping_sub(1)), &["in", "since", "by"])
                        || (CALENDAR.contains(&self.norm(k.wrapping_sub(1)))
                            && is(self.toks.get(k.wrapping_sub(2)), &["in", "since", "by"])))
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
        // "Israel will strike Gaza unless Hamas frees the hostages", "the junta chief said the
        // military would launch counterattacks": force, arrests or sanctions announced for
        // later on a condition, or force and arrests by the speaker's own side, are a threat.
        if matches!(event, EventType::Assault | EventType::Coerce | EventType::Sanction)
            && (aux.future || aux.hypothetical)
            && !aux.negated
            && !actor_ms.is_empty()
        {
            let modal = (t0.saturating_sub(4)..t0)
                .any(|k| matches!(self.norm(k), "will" | "would" | "'ll" | "shall"));
            // "may stop giving aid to Kenya unless ...": a weaker modal on a condition.
            let may = (t0.saturating_sub(4)..t0)
                .any(|k| matches!(self.norm(k), "may" | "might" | "could"));
            // ("warned that if he is indicted the government may seize the money": the
            // condition may also come first, after the verb of saying.)
            let cond_before = self.aux_hits.iter().any(|h| {
                h.end <= t0
                    && self_kind(self, h) == Some(AuxKind::Speech)
                    && (h.end..t0).any(|k| matches!(self.norm(k), "unless" | "if"))
                    && t0 - h.end <= 12
            });
            let condition = cond_before || self.condition_after(t1, 15);
            let mine = codes_of(&actor_ms);
            let own_side = match self.reporter(t0, t1) {
                Some(Ok(i)) => self
                    .resolved(i)
                    .and_then(|m| m.entity.code)
                    .is_some_and(|code| mine.contains(&code)),
                _ => false,
            };
            // (A sanction its own state announces for a date is the decision itself: "China
            // said it would impose an additional 34% tariff".)
            // (Nor is a restriction its own authorities announce, with no condition to meet:
            // "the minister said the facility would be quarantined".)
            let own_side = own_side
                && event != EventType::Sanction
                && !(event == EventType::Coerce
                    && (modes.contains(&Mode::Restrict) || pat.has("decree")));
            if (modal && (condition || own_side)) || (may && condition) {
                let mode = match event {
                    EventType::Assault => Mode::Violence,
                    EventType::Coerce if modes.contains(&Mode::Arrest) => Mode::Arrest,
                    EventType::Coerce => Mode::Restrict,
                    _ if modes.contains(&Mode::Expel) => Mode::Expel,
                    _ => Mode::Relations,
                };
                event = EventType::Threaten;
                modes = vec![mode];
                aux.future = false;
                aux.hypothetical = false;
            }
        }
        // "It expects that tens of thousands of Iraqi soldiers will surrender": a withdrawal
        // someone else foretells is only a prediction.
        if event == EventType::Retreat && aux.future {
            let mine = codes_of(&actor_ms);
            let foretold = (t0.saturating_sub(14)..t0).any(|k| {
                matches!(
                    self.norm(k),
                    "expects" | "expect" | "expected" | "predicts" | "predicted" | "predict"
                ) && self.norm(k + 1) == "that"
            });
            let other_reporter = match self.reporter(t0, t1) {
                Some(Ok(i)) => self
                    .resolved(i)
                    .and_then(|m| m.entity.code)
                    .is_some_and(|code| !mine.contains(&code)),
                _ => false,
            };
            if foretold || (other_reporter && mine.is_empty()) {
                aux.hypothetical = true;
            }
        }
        // An announced future withdrawal is a verbal concession (PLOVER's ambiguity notes).
        if event == EventType::Retreat && aux.future && !aux.hypothetical {
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
    pub(super) fn objects_pp(&self, from: usize, preps: &[String]) -> Vec<usize> {
        self.objects(from, preps, false)
    }

    /// Whether the words at `t0..t1` read as an event noun rather than a verb: after a
    /// determiner, preposition, number or possessive, or before a preposition or a verb.
    pub(super) fn noun_context(&self, t0: usize, t1: usize) -> bool {
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
    pub(super) fn verb_subject(
        &self,
        t0: usize,
        same_sentence: &[(EventCandidate, CandFlags)],
    ) -> Vec<usize> {
        // "Iraq condemned those strikes, saying they had killed 16 people": the pronoun stands
        // for the attacks named just before it, not for the speaker.
        let mut q = t0;
        while q > 0 && matches!(self.norm(q - 1), "had" | "have" | "has" | "also" | "allegedly") {
            q -= 1;
        }
        if q > 0 && matches!(self.norm(q - 1), "they" | "it") {
            let p = q - 1;
            let attack_noun = |w: &str| {
                matches!(
                    w,
                    "strikes"
                        | "airstrikes"
                        | "attacks"
                        | "raids"
                        | "bombings"
                        | "strike"
                        | "airstrike"
                        | "attack"
                        | "raid"
                        | "bombing"
                        | "shelling"
                )
            };
            if (p.saturating_sub(8)..p).any(|j| attack_noun(self.norm(j)))
                && (p.saturating_sub(3)..p).any(|j| matches!(self.norm(j), "saying" | "adding"))
            {
                return Vec::new();
            }
        }
        // "Uribe was in critical condition after being shot in the head": the passive gerund
        // of a time clause is undergone by the main clause's subject.
        if self.time_clause_passive(t0) {
            let main = self.main_subject(t0 - 2);
            if !main.is_empty() {
                return main;
            }
            // (Past an appositive: "Miguel Uribe, a senator from ..., was in critical condition
            // after being shot": the sentence's opening subject.)
            let first = self.order.iter().copied().find(|&i| self.mi(i).prep.is_none());
            return first.filter(|&i| self.mi(i).start <= 2).into_iter().collect();
        }
        let mut k = t0;
        // "Israel began releasing prisoners": the subject of the aspect verb; "it was
        // striking": the subject of the progressive.
        let gerund = self.norm(t0).ends_with("ing");
        while k > 0
            && (adverb_like(self.norm(k - 1))
                || (gerund && ASPECT.contains(&self.norm(k - 1)))
                || (gerund && matches!(self.norm(k - 1), "was" | "were" | "is" | "are")))
        {
            k -= 1;
        }
        if k < t0 && ASPECT.contains(&self.norm(k)) {
            return self.verb_subject(k, same_sentence);
        }
        // "said it had detected 25 Chinese ships and had dispatched forces": an auxiliary
        // after "and" leaves the verb a conjunct of the one before.
        if k >= 2
            && matches!(self.norm(k - 1), "had" | "has" | "have")
            && matches!(self.norm(k - 2), "and" | "but")
        {
            k -= 1;
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
                    let object = m.start > 0 && self.verb_ends_at(m.start);
                    m.end <= p
                        && p - m.end <= 15
                        && m.prep.is_none()
                        && m.possessor_of.is_none()
                        && !object
                });
                return found.map(|i| vec![i]).unwrap_or_default();
            }
        }
        if prev == "," {
            if let Some(m0) = self.apposed_subject(k) {
                return vec![m0];
            }
        }
        // "Guterres said he was gravely alarmed by the U.S. use of force and urged Washington
        // ...": a statement coordinated with a verb of saying shares its speaker.
        if matches!(prev, "and" | "but") && self.statement_verb(t0) {
            let said = self
                .aux_hits
                .iter()
                .filter(|h| h.end < k && self_kind(self, h) == Some(AuxKind::Speech))
                .map(|h| h.start)
                .max();
            // ("Germany said Russia had violated the treaty and called on Moscow": an act
            // reported in between is no statement of its own to share a subject with.)
            let stated_since = |sp: usize| {
                same_sentence.iter().any(|(c, _)| {
                    let at = self.toks.iter().position(|t| t.span.start == c.trigger.start);
                    at.is_some_and(|a| a > sp && self.statement_verb(a))
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
                // "The juntas of Mali, Burkina Faso and Niger announced ..., accusing": all of
                // a coordinated reporter.
                let mut out = vec![i];
                self.coord_left(i, &mut out);
                return out;
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
                let ids = self.mentions_of(subj_here.iter().copied(), &acts);
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
                // "U.S. forces struck a boat that had left Venezuela, killing 11": the doer
                // of the act it follows, not a mention of a relative clause in between.
                if let Some((_, f)) = same_sentence.last().filter(|(_, f)| !f.subject.is_empty()) {
                    let ids = self.mentions_of(self.order.iter().copied(), &f.subject);
                    if !ids.is_empty() {
                        return ids;
                    }
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
                // ("The ministry said it had detected 25 ships and had dispatched forces": a
                // reported act shares the reported clause's subject, when one opens it.)
                return self.uncoded_conjunct_subject(k);
            }
            if prev == "and" {
                // "X condemned Y and called on Z": Y is an object; the subject is before it.
                let first = self.subject(k.saturating_sub(1));
                // "condemned the strikes as \"a flagrant violation\" and called on": a quote
                // closes the clause before the "and"; the verb before still lends its subject.
                // "A Paris court found Le Pen guilty of embezzlement and barred her": a mention
                // after the verb before is its object, so that verb's subject is shared.
                let object_of_before = first.first().is_some_and(|&f| {
                    before.is_some_and(|(c, fl)| {
                        !fl.subject.is_empty()
                            && self
                                .toks
                                .get(self.mi(f).start)
                                .is_some_and(|t| t.span.start >= c.trigger.end)
                    })
                });
                if first.is_empty() || object_of_before {
                    if let Some((_, f)) = before {
                        let ids = self.mentions_of(self.order.iter().copied(), &f.subject);
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

    /// The mentions among `ids` that are one of `of` (the actors or subject of an event coded
    /// before, matched by span).
    fn mentions_of(&self, ids: impl Iterator<Item = usize>, of: &[Mention]) -> Vec<usize> {
        ids.filter(|&i| self.ms.get(i).is_some_and(|m| of.iter().any(|a| a.span == m.span)))
            .collect()
    }

    /// The subject of a verb right after "and" (at `k`) when the verb before it was not
    /// coded: "Police stopped the protesters and arrested 20" shares "Police". The mention
    /// nearest before the "and" may be the first verb's object, so the subject before it wins.
    /// "A man became sick after eating at Taco Bell and sued the owner": a finite verb cannot
    /// be coordinated with the gerund of an "after" clause, so it shares the main clause's
    /// subject.
    fn uncoded_conjunct_subject(&self, k: usize) -> Vec<usize> {
        let Some(and) = k.checked_sub(1) else { return Vec::new() };
        // Only a finite verb: "wants the court to suspend the injunction and order the
        // release" coordinates infinitives, whose doer the wish names.
        let w = self.norm(k);
        let finite = (w.ends_with("ed") && w.len() >= 4)
            || matches!(w, "had" | "has" | "have")
            || crate::inflect::is_irregular_past(w)
            || (w.ends_with('s') && !w.ends_with("ss"));
        if !finite {
            return Vec::new();
        }
        let c = self.cl(and);
        let opens = (0..and).rev().find(|&j| self.cl(j) != c).map_or(0, |j| j + 1);
        // Only a mention that opens its clause is surely a subject ("E. coli affects 75,000
        // people a year and can kill": the people are the object).
        let opens_clause = |i: usize| {
            let start = self.mi(i).start;
            // ("The ministry said it had detected ...": right after a verb of saying.)
            let reported = self.aux_hits.iter().any(|h| {
                self_kind(self, h) == Some(AuxKind::Speech)
                    && h.end <= start
                    && (h.end..start).all(|j| self.norm(j) == "that")
            });
            reported
                || (opens..start)
                    .all(|j| matches!(self.norm(j), "," | "and" | "but" | "then" | "so"))
        };
        let first = self.subject(and);
        if let Some(&f) = first.first() {
            let again = self.subject(self.mi(f).start);
            let subject = if again.is_empty() { first } else { again };
            return match subject.first() {
                Some(&s) if opens_clause(s) => subject,
                _ => Vec::new(),
            };
        }
        let gerund_clause = opens > 0
            && matches!(self.norm(opens), "after" | "before" | "while" | "since")
            && self.norm(opens + 1).ends_with("ing");
        if gerund_clause && !self.norm(k).ends_with("ing") {
            return self.main_subject(opens);
        }
        Vec::new()
    }

    /// "Juan Miguel Gonzalez, a local farmer, demanded on Friday": the comma at `c` closes an
    /// appositive opened by an earlier comma ("a/the ...", "Elian's father"), so the verb after
    /// it is the clause's own, not a participle describing the noun before the comma.
    pub(super) fn closes_appositive(&self, c: usize) -> bool {
        let Some(c1) = (c.saturating_sub(9)..c).rev().find(|&j| self.norm(j) == ",") else {
            return false;
        };
        let head = c1 + 1;
        let opens = matches!(self.norm(head), "a" | "an" | "the")
            || self.norm(head + 1) == "'s"
            || self.mention_starting(head).is_some();
        c1 > 0
            && head < c
            && opens
            && self.toks.get(c1 - 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.verb_spans.iter().any(|&(s, _)| s < c)
    }

    /// "McCurry said any suggestion that Currie believes the president tried to influence
    /// her was absolutely false": the end of the verb of saying, at most 20 tokens before `t0`,
    /// right after which a claim is named (the nearest such verb, not a verb of the claim).
    pub(super) fn denied_claim(&self, t0: usize) -> Option<usize> {
        self.aux_hits
            .iter()
            .filter(|h| {
                h.end <= t0 && t0 - h.end <= 20 && self_kind(self, h) == Some(AuxKind::Speech)
            })
            .map(|h| h.end)
            .filter(|&s| (s..(s + 4).min(t0)).any(|k| CLAIM_NOUNS.contains(&self.norm(k))))
            .max()
    }

    /// Whether a verb of statement (in any form) stands at `t`: urge, accuse, condemn, reject
    /// and the like.
    pub(super) fn statement_verb(&self, t: usize) -> bool {
        const STEMS: &[&str] = &[
            "urg", "call", "demand", "accus", "condemn", "reject", "warn", "prais", "welcom",
            "blam", "criticis", "criticiz", "denounc", "deny", "deni", "vow", "threat", "appeal",
            "ask", "refus",
        ];
        let w = self.norm(t);
        STEMS.iter().any(|p| w.starts_with(p))
    }

    /// Whether a statement participle at `t` tells what a message says ("sent a letter to Reno
    /// asking that ...", "set up petitions calling for ..."): its doer is the message's sender,
    /// not the noun before it.
    pub(super) fn message_participle(&self, t: usize) -> bool {
        if !self.verbal_trigger_at(t) || t == 0 {
            return false;
        }
        if MESSAGES.contains(&self.norm(t - 1)) {
            return true;
        }
        // "filed a motion in federal court asking for custody": the message a few words back,
        // with only its addressee or place between.
        let back = (t.saturating_sub(6)..t).rev().find(|&k| MESSAGES.contains(&self.norm(k)));
        if let Some(k) = back {
            let plain = (k + 1..t).all(|j| {
                self.toks.get(j).is_some_and(|x| x.kind == TokenKind::Word)
                    && !self.verb_spans.iter().any(|&(a, b)| a <= j && j < b)
            });
            if plain && self.mention_ending(t).is_some_and(|m| self.mi(m).prep.is_some()) {
                return true;
            }
        }
        self.mention_ending(t).is_some_and(|m| {
            self.mi(m).prep.is_some_and(|p| {
                self.norm(p) == "to" && MESSAGES.contains(&self.norm(p.wrapping_sub(1)))
            })
        })
    }

    /// Whether a statement verb's participle stands at `t` ("rejecting", "accusing").
    pub(super) fn verbal_trigger_at(&self, t: usize) -> bool {
        self.norm(t).ends_with("ing") && self.statement_verb(t)
    }

    /// Whether the word right before a verb is a common noun no mention covers ("a man
    /// convicted of", "unknown assailants attacked"): then its subject is not coded, and the
    /// nearest mention further left would be the wrong one.
    /// Whether "if" or "unless" follows within `window` tokens of `t1`: what comes after is
    /// said on a condition.
    pub(super) fn condition_after(&self, t1: usize, window: usize) -> bool {
        (t1..self.toks.len().min(t1 + window)).any(|k| matches!(self.norm(k), "if" | "unless"))
    }

    pub(super) fn uncoded_subject(&self, t0: usize) -> bool {
        let mut k = t0;
        while k > 0
            && (adverb_like(self.norm(k - 1))
                || (ASPECT.contains(&self.norm(k - 1)) && self.norm(t0).ends_with("ing")))
        {
            k -= 1;
        }
        let Some(p) = k.checked_sub(1) else { return false };
        let Some(t) = self.toks.get(p) else { return false };
        if t.kind != TokenKind::Word || t.capitalised || self.message_participle(t0) {
            return false;
        }
        // "Russian missiles and drones pounded ...": a noun joined to a mention shares its role.
        // "Russian missiles and drones": also when the mention is an adjective before its own
        // lower-case noun.
        if matches!(self.norm(p.wrapping_sub(1)), "and" | "or")
            && (self.mention_ending(p - 1).is_some()
                || (p >= 2
                    && self.mention_ending(p - 2).is_some()
                    && self.toks.get(p - 2).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && !t.capitalised
                            && !listed(&t.norm, FUNCTION_WORDS)
                    })))
        {
            return false;
        }
        // "parliament passed a law banning Pride events": the law's makers do what it does.
        if self.norm(t0).ends_with("ing") && listed(&t.norm, LAWS) {
            return false;
        }
        let covered = self.ms.iter().any(|m| m.tokens.start <= p && p < m.tokens.end);
        // "Israeli jets struck": a noun right after a mention is that mention's phrase, also
        // after its possessive ("Guatemala's congress ratified").
        // "Russian ballistic missiles slammed": also one more modifier between.
        // "Thai F-16 jets bombed": a model name is a modifier too.
        let modifier = self.toks.get(p.wrapping_sub(1)).is_some_and(|m| {
            (m.kind == TokenKind::Word && !m.capitalised)
                || m.norm.chars().any(|c| c.is_ascii_digit())
        }) && !FUNCTION_WORDS.contains(&self.norm(p - 1))
            && !DETERMINERS.contains(&self.norm(p - 1));
        // "U.S. military C-130 cargo planes airdropped": two modifiers.
        let modifier2 = modifier
            && p >= 2
            && self.toks.get(p - 2).is_some_and(|m| {
                (m.kind == TokenKind::Word && !m.capitalised)
                    || m.norm.chars().any(|c| c.is_ascii_digit())
            })
            && !FUNCTION_WORDS.contains(&self.norm(p - 2))
            && !DETERMINERS.contains(&self.norm(p - 2));
        // ("Chinese Coast Guard (CCG) ships fired": past its short form in brackets.)
        let bracketed = p >= 3
            && self.norm(p - 1) == ")"
            && self.norm(p - 3) == "("
            && self.mention_ending(p - 3).is_some();
        let after_mention = self.mention_ending(p).is_some()
            || bracketed
            || (self.norm(p.wrapping_sub(1)) == "'s" && self.mention_ending(p - 1).is_some())
            || (modifier && self.mention_ending(p - 1).is_some())
            || (modifier2 && self.mention_ending(p - 2).is_some());
        // Verbs and participles before a verb ("denied carrying out") are no subject.
        let verbish = t.norm.ends_with("ed")
            || t.norm.ends_with("ing")
            || self.aux_hits.iter().any(|h| h.start <= p && p < h.end);
        if covered
            || after_mention
            || verbish
            || listed(&t.norm, FUNCTION_WORDS)
            || listed(&t.norm, PRONOUNS)
            || listed(&t.norm, BE)
            || listed(&t.norm, DETERMINERS)
            || listed(&t.norm, PREPS)
        {
            return false;
        }
        // "Gang members armed with automatic rifles killed 70 people": the weapons a mention
        // is described with are no subject of their own.
        let equipped = (p.saturating_sub(6)..p).any(|j| {
            matches!(self.norm(j), "armed" | "equipped" | "wielding" | "carrying")
                && self.mention_ending(j).is_some()
        });
        if equipped {
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
    pub(super) fn light_subject(
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
        // "Defense Minister Rudolf Scharping, ending a two-day visit to Poland, said ...": a
        // light participle set off right after a name tells what that name is doing.
        if self.norm(h.start.wrapping_sub(1)) == "," && self.norm(h.start).ends_with("ing") {
            let named = self.mention_ending(h.start - 1).filter(|&m| {
                let mi = self.mi(m);
                mi.prep.is_none() && mi.possessor_of.is_none() && !self.verb_ends_at(mi.start)
            });
            if let Some(m) = named {
                let mut out = vec![m];
                self.coord_left(m, &mut out);
                return Some((kind, out));
            }
        }
        let subj = self.verb_subject(h.start, same_sentence);
        (!subj.is_empty()).then_some((kind, subj))
    }

    /// The light or undergoing verb governing the event noun at `t0`, if any.
    pub(super) fn light_verb(&self, t0: usize, mode_tokens: &[bool]) -> Option<&Hit> {
        let light_at = |j: usize| {
            self.aux_hits.iter().find(|h| {
                h.end == j
                    && matches!(self_kind(self, h), Some(AuxKind::Light) | Some(AuxKind::Undergo))
            })
        };
        let mut j = t0;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            // "ended a visit": a light verb that is also a mode cue ("end" → yield) is still
            // the verb, not a modifier to skip.
            if light_at(j).is_some() {
                break;
            }
            let n = self.norm(j - 1);
            // "a two-day visit", "a long-awaited visit": hyphenated modifiers.
            let hyphenated = n == "-"
                || (n.len() > 2 && n.contains('-'))
                || self.norm(j) == "-"
                || (j >= 2 && self.norm(j - 2) == "-");
            // "carried out a vicious assault": one plain adjective between the article and
            // the noun.
            let adjective = j == t0
                && j >= 2
                && matches!(self.norm(j - 2), "a" | "an" | "the")
                && self.toks.get(j - 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.capitalised
                        && !FUNCTION_WORDS.contains(&n)
                        && !n.ends_with("ed")
                        && !n.ends_with("ing")
                });
            let skip = hyphenated
                || adjective
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
        light_at(j)
    }

    /// The authority behind an agentless arrest or sentence: the police (or courts) of the
    /// country the sentence places it in, else of the document's state, else of the person
    /// it was done to.
    pub(super) fn authority(
        &self,
        t0: usize,
        t1: usize,
        sector: Sector,
        recips: &[usize],
    ) -> Option<Mention> {
        let place = self.order.iter().copied().find_map(|i| {
            let m = self.ms.get(i)?;
            // ("in their hotel in Kisumu, Kenya": the state after the town it is in.)
            let after_town = || {
                let s = self.mi(i).start;
                s >= 3
                    && self.norm(s - 1) == ","
                    && (s.saturating_sub(5)..s - 1).rev().any(|k| {
                        matches!(self.norm(k), "in" | "at")
                            && (k + 1..s - 1)
                                .all(|j| self.toks.get(j).is_some_and(|t| t.capitalised))
                    })
            };
            // ("were expelled from Congo": a state expels from its own land.)
            let expelled =
                self.norm(t0).starts_with("expel") || self.norm(t0).starts_with("deport");
            let located = m.kind.names_territory()
                && (matches!(self.prep_of(i), Some("in" | "at" | "across" | "throughout"))
                    || (expelled && self.prep_of(i) == Some("from"))
                    || after_town());
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
        // A ban or quarantine with no place named in its sentence is decreed where the
        // sentences just before placed the story; arrests stay with the story's state.
        let recent = if sector == Sector::Gov { self.recent_place } else { None };
        let code = place.or(recent).or(self.doc_country).or_else(of_recipient)?;
        Some(self.implied_at(t0, t1, code, Some(sector)))
    }

    /// A party no word names, implied by the trigger at `t0..t1` (the authority behind an
    /// agentless arrest, the host of a visit): it has no text of its own.
    pub(super) fn implied_at(
        &self,
        t0: usize,
        t1: usize,
        code: ActorCode,
        sector: Option<Sector>,
    ) -> Mention {
        let mut m = self.party_at(t0..t1, code, sector);
        m.head = t0;
        m.entity.entity_text = String::new();
        m
    }

    /// A party the text implies over the tokens `range` (no lexicon entry coded it).
    pub(super) fn party_at(
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
    pub(super) fn object_patient(&self, t1: usize) -> Option<std::ops::Range<usize>> {
        let c = self.cl(t1.saturating_sub(1));
        let tok = self.toks.get(t1)?;
        if self.cl(t1) != c {
            return None;
        }
        if matches!(tok.norm.as_str(), "him" | "her" | "them") {
            return Some(t1..t1 + 1);
        }
        let capital = |t: &Token| t.kind == TokenKind::Word && t.capitalised;
        if capital(tok) && !listed(&tok.norm, CALENDAR) {
            let mut e = t1;
            while self.toks.get(e).is_some_and(capital) && e < t1 + 4 {
                e += 1;
            }
            return Some(t1..e);
        }
        let det = tok.kind == TokenKind::Number
            || (listed(&tok.norm, NUMBER_WORDS) && tok.norm != "one")
            || matches!(tok.norm.as_str(), "a" | "an" | "the" | "some" | "another" | "more");
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
    pub(super) fn passive_patient(&self, t0: usize) -> Option<std::ops::Range<usize>> {
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
                && !listed(&t.norm, NOT_PERSONS)
                && t.norm.chars().all(|c| c.is_alphabetic() || c == '-'));
        person.then_some(k - 1..k)
    }

    /// A person the actor coder could not code, given the state of the event's context.
    pub(super) fn unplaced_person(
        &self,
        range: std::ops::Range<usize>,
        code: ActorCode,
    ) -> Mention {
        self.party_at(range, code, None)
    }

    /// The victims of an attack noun whose perpetrator is not named: the object of a verb of
    /// harm right after it ("a car bomb in central Turkey killed 13 soldiers"), or the subject
    /// of a passive one before "in a ... attack" ("two people were killed in a knife attack").
    pub(super) fn attack_victims(&self, t0: usize, t1: usize) -> Vec<usize> {
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
            // "have left 20 villagers injured"
            "left",
            "leaving",
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
    pub(super) fn later_party(&self, t1: usize, actors: &[Mention]) -> Option<Mention> {
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
            // A name told again is marked as coreferent too; only a real pronoun is skipped.
            let pronoun =
                x.kind == MentionKind::Pronoun && PRONOUN_FORMS.contains(&self.norm(m.start));
            (!theirs.contains(&code) && !pronoun).then_some(x)
        })
    }

    /// The foreign state a protest is made to: its embassy or mission the protest goes to or
    /// stands outside ("to the U.S. mission", "outside the Yugoslav consulate"), else a state
    /// government after "against" or a demonstrative verb ("denouncing Washington").
    pub(super) fn protested_state(&self, t1: usize, actors: &[Mention]) -> Option<Mention> {
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
    pub(super) fn victims_are_subject(&self, recips: &[usize], t0: usize) -> bool {
        // "Uribe was in critical condition after being shot": the main clause's subject,
        // which the gerund's own subject is.
        if self.time_clause_passive(t0) {
            return !recips.is_empty();
        }
        recips.iter().any(|&r| {
            let m = self.mi(r);
            // "Miguel Uribe, a Colombian senator, was shot", "the mayor of the city of Uruapan
            // was shot": an apposition in commas, or a place's name after "of", may stand
            // between the victims and the verb.
            let mut end = m.end;
            if self.norm(end) == "," {
                if let Some(close) = (end + 1..t0.min(end + 14)).find(|&k| self.norm(k) == ",") {
                    let plain = (end + 1..close).all(|k| {
                        self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                            && !self.verb_ends_at(k + 1)
                    });
                    if plain {
                        end = close + 1;
                    }
                }
            }
            while self.norm(end) == "of"
                && self
                    .toks
                    .get(end + 1)
                    .is_some_and(|t| t.capitalised && t.kind == TokenKind::Word)
            {
                end += 2;
                while self.toks.get(end).is_some_and(|t| t.capitalised && t.kind == TokenKind::Word)
                {
                    end += 1;
                }
            }
            end <= t0
                && (end..t0).all(|k| {
                    BE.contains(&self.norm(k))
                        || ADVERBS.contains(&self.norm(k))
                        || matches!(self.norm(k), "been" | "have" | "has" | "had" | "being")
                        || REPORTED.contains(&self.norm(k))
                        // "Kizza Besigye, who was abducted in Nairobi".
                        || (k < end + 2 && matches!(self.norm(k), "," | "who"))
                })
        })
    }

    /// Whether "in"/"during" right after the trigger names a non-violent incident ("injured
    /// in Saturday's protests", "killed in a road accident").
    pub(super) fn incident_follows(&self, t1: usize) -> bool {
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

    /// Whether the clause after the trigger blames the deaths on a disease or an accident
    /// ("were killed ... after an outbreak of cholera", "were killed when a bus crashed"), so
    /// that an agentless "were killed" tells no attack.
    pub(super) fn natural_cause_follows(&self, t1: usize) -> bool {
        const CAUSES: &[&str] = &[
            "outbreak",
            "outbreaks",
            "epidemic",
            "pandemic",
            "cholera",
            "disease",
            "virus",
            "flu",
            "influenza",
            "infection",
            "infections",
            "ebola",
            "malaria",
            "fever",
            "crash",
            "crashed",
            "collided",
            "collision",
            "accident",
            "overturned",
            "derailed",
            "capsized",
            "sank",
            "blaze",
            "storm",
            "flood",
            "floods",
            "flooding",
            "earthquake",
            "quake",
            "landslide",
            "landslides",
            "avalanche",
            "stampede",
            "collapsed",
            "collapse",
            "heatwave",
            "mudslide",
        ];
        // Up to the clause's end (a full stop, semicolon or quote), a cause word within five
        // words of "after", "when", "amid" ...
        let end = (t1 + 25).min(self.toks.len());
        let clause_end =
            (t1..end).find(|&k| matches!(self.norm(k), ";" | "." | "\"" | "'")).unwrap_or(end);
        (t1..clause_end)
            .filter(|&k| {
                matches!(self.norm(k), "after" | "when" | "following" | "from" | "as" | "amid")
            })
            .any(|k| {
                (k + 1..(k + 6).min(self.toks.len()))
                    .take_while(|&j| self.toks.get(j).is_some_and(|t| t.kind != TokenKind::Punct))
                    .any(|j| CAUSES.contains(&self.norm(j)))
            })
    }

    /// A state's building or post right after an attack noun ("bombings at U.S. embassies",
    /// "a bomb exploded outside the police station"), within its clause.
    pub(super) fn attacked_site(&self, t1: usize) -> Vec<usize> {
        // "an explosion that took place near the American embassy": the site may follow a
        // relative clause that only says the blast happened.
        let happened = |k: usize| match self.norm(k) {
            "took" | "takes" if self.norm(k + 1) == "place" => Some(k + 2),
            "occurred" | "happened" | "struck" | "went" if self.norm(k + 1) == "off" => Some(k + 2),
            "occurred" | "happened" | "struck" => Some(k + 1),
            _ => None,
        };
        let t1 = if matches!(self.norm(t1), "that" | "which") {
            happened(t1 + 1).unwrap_or(t1)
        } else {
            t1
        };
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
    pub(super) fn place_civilians(&self, t1: usize) -> Option<Mention> {
        let c = self.cl(t1.saturating_sub(1));
        let i = self.order.iter().copied().find(|&i| {
            let m = self.mi(i);
            self.ms.get(i).is_some_and(|x| x.kind.names_territory())
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

    pub(super) fn clause_span(&self, t0: usize) -> Span {
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

pub(super) fn self_kind(v: &View, h: &Hit) -> Option<AuxKind> {
    v.aux_kinds.get(h.item).copied().flatten()
}

pub(super) fn push_aux(v: &View, coder: &EventCoder, h: &Hit, entries: &mut Vec<EntryRef>) {
    if let Some(a) = coder.aux.item(h.item) {
        entries.push(entry_ref("aux", &a.origin, v.s, h.start, h.end));
    }
}

pub(super) fn dedup_mentions(ms: &mut Vec<Mention>) {
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

/// Nouns naming a decision someone made, whose maker an answer to it is addressed to.
const DECISIONS: &[&str] = &[
    "decision",
    "decisions",
    "ruling",
    "rulings",
    "order",
    "orders",
    "verdict",
    "sentence",
    "decree",
    "judgment",
    "judgement",
    "plan",
    "proposal",
];
