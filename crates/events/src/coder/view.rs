//! One sentence prepared for role assignment: mention facts, clause numbers, quotes, aux and
//! mode cue hits, and the shallow syntax questions the role rules ask of it (subject, objects,
//! passive, prepositional phrases, coordination, the reporter of a clause).

use super::*;

/// Nouns naming a part of a place ("large sections of Kuwait City", "much of Gaza").
const PART_WORDS: &[&str] = &[
    "sections",
    "section",
    "parts",
    "part",
    "areas",
    "districts",
    "neighbourhoods",
    "neighborhoods",
    "much",
    "swathes",
    "swaths",
    "portions",
    "stretches",
    "quarters",
];

/// The seat of a body, which stands for it as what is raided or stormed.
const SEATS: &[&str] = &[
    "offices",
    "office",
    "headquarters",
    "compound",
    "premises",
    "residence",
    "home",
    "house",
    "embassy",
    "consulate",
];

/// Words of size before a part of a place ("large sections of").
const PART_SIZES: &[&str] = &["large", "vast", "wide", "several", "many", "some", "residential"];

/// Whether a mention codes anything: a code or at least a sector.
pub(super) fn usable(m: &Mention) -> bool {
    m.entity.code.is_some() || m.entity.sector.is_some()
}

/// Per-mention facts the role rules use.
#[derive(Debug, Clone, Copy)]
pub(super) struct MInfo {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Token index of the preposition governing it.
    pub(super) prep: Option<usize>,
    /// Followed by "'s" and another mention: it modifies that one.
    pub(super) possessor_of: Option<usize>,
}

/// Flags the document pass needs besides the candidate.
#[derive(Debug, Clone, Default)]
pub(super) struct CandFlags {
    pub(super) party: bool,
    pub(super) again: bool,
    /// The grammatical subject's mentions, which a coordinated verb shares even when the
    /// roles were turned round ("Erdogan hosted Zelensky and offered to ...").
    pub(super) subject: Vec<Mention>,
}

/// One sentence prepared for role assignment.
pub(super) struct View<'a> {
    pub(super) pos: usize,
    pub(super) s: &'a Sentence,
    pub(super) toks: &'a [Token],
    pub(super) ms: &'a [Mention],
    pub(super) info: Vec<MInfo>,
    /// Mention indices sorted by start.
    pub(super) order: Vec<usize>,
    pub(super) clause: Vec<u32>,
    /// Whether each token is inside parentheses.
    pub(super) paren: Vec<bool>,
    pub(super) quotes: &'a QuoteMap,
    /// Every sentence's mentions, for quote speakers named in another sentence.
    pub(super) all: &'a [Vec<Mention>],
    pub(super) aux_hits: Vec<Hit>,
    /// The kind of each aux cue, by matcher item index.
    pub(super) aux_kinds: &'a [Option<AuxKind>],
    /// The word-class cues of the sentence (`site`, `livestock`, `unit`), kept apart from the
    /// clause cues in `aux_hits`: they name what a word is, not how a clause is said.
    pub(super) class_hits: Vec<Hit>,
    pub(super) mode_hits: Vec<Hit>,
    pub(super) max_year: u32,
    /// Token indices right after a verb trigger: a mention starting there is its object.
    /// Where each verbal trigger of the sentence starts and ends.
    pub(super) verb_spans: Vec<(usize, usize)>,
    /// The state the document's mentions name most often.
    pub(super) doc_country: Option<ActorCode>,
    /// The state where one of the two sentences before this one places its report ("At least
    /// 70 people in Kenya have the flu."), for round-ups that go from country to country.
    pub(super) recent_place: Option<ActorCode>,
    /// Token spans of the sentence's ASSAULT triggers.
    pub(super) assault_spans: Vec<(usize, usize)>,
}

/// A trigger chosen in a sentence.
pub(super) struct Trig<'p> {
    pub(super) hit: Hit,
    pub(super) pat: &'p Pattern,
    /// Other patterns matching exactly the same tokens ("clashes" verb or noun), tried in
    /// order when the first finds no actor.
    pub(super) alts: Vec<(Hit, &'p Pattern)>,
}

impl<'a> View<'a> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
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
                // An aside in dashes is a clause of its own, as one in parentheses is ("("
                // is a barrier below; a dash is not, since a single dash joins a clause).
                if t.norm != "(" {
                    next += 1;
                    c = next;
                }
            }
            paren.push(!outer.is_empty());
            if listed_keyed(&t.norm, BARRIERS, &BARRIER_KEYS) {
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
                if m.kind.names_territory() {
                    // "into the centre of Sumy", "on the outskirts of Kharkiv".
                    if j >= 3
                        && is(toks.get(j - 1), &["of"])
                        && is(
                            toks.get(j - 2),
                            &[
                                "centre",
                                "center",
                                "heart",
                                "outskirts",
                                "north",
                                "south",
                                "east",
                                "west",
                                "suburbs",
                                "edge",
                            ],
                        )
                        && is(toks.get(j - 3), DETERMINERS)
                    {
                        j -= 3;
                    } else if j >= 2
                        && is(toks.get(j - 1), &["of"])
                        && is(toks.get(j - 2), PART_WORDS)
                    {
                        // "set fire to large sections of Kuwait City", "shelled parts of
                        // Kharkiv", "much of Gaza": a part of a place is that place.
                        j -= 2;
                        if j > 0 && is(toks.get(j - 1), PART_SIZES) {
                            j -= 1;
                        }
                        while j > 0 && is(toks.get(j - 1), DETERMINERS) {
                            j -= 1;
                        }
                    }
                    let mut steps = 0;
                    while j > 0 && steps < 2 && is(toks.get(j - 1), REGION_WORDS) {
                        j -= 1;
                        steps += 1;
                        while j > 0 && is(toks.get(j - 1), DETERMINERS) {
                            j -= 1;
                        }
                    }
                } else if j >= 3
                    && is(toks.get(j - 1), &["of"])
                    && is(toks.get(j - 2), SEATS)
                    && is(toks.get(j - 3), DETERMINERS)
                {
                    // "stormed the offices of the World Food Programme": a body's seat stands
                    // for the body.
                    j -= 3;
                    while j > 0 && is(toks.get(j - 1), DETERMINERS) {
                        j -= 1;
                    }
                }
                let mut prep = j.checked_sub(1).filter(|&p| {
                    toks.get(p).is_some_and(|t| listed_keyed(&t.norm, PREPS, &PREP_KEYS))
                });
                // "around 70 people", "over 200 protesters", "more than 1,000 people": an
                // approximation, no preposition.
                if let Some(p) = prep {
                    let than = is(toks.get(p), &["than"])
                        && is(toks.get(p.wrapping_sub(1)), &["more", "fewer", "less"]);
                    if (than
                        || is(toks.get(p), &["around", "about", "over", "under", "nearly", "some"]))
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
                            q.kind == TokenKind::Number || listed(&q.norm, QUANTIFIERS)
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
        // "the embassies of Rwanda, France, Belgium and the United States": a list of states
        // after a preposition shares it (so none of them is a subject). A member after a comma
        // must be followed by more of the list ("with Israel, Hamas said" is no list).
        let state_like = |m: &Mention| m.kind.names_territory();
        let mut by_start: Vec<usize> = (0..ms.len()).collect();
        by_start.sort_by_key(|&k| info.get(k).map_or(0, |a| a.start));
        for w in 1..by_start.len() {
            let (Some(&k), Some(&pk)) = (by_start.get(w), by_start.get(w - 1)) else { continue };
            let (Some(a), Some(b)) = (info.get(k).copied(), info.get(pk).copied()) else {
                continue;
            };
            let (Some(m), Some(pm)) = (ms.get(k), ms.get(pk)) else { continue };
            let Some(p) = b.prep else { continue };
            if !state_like(m) || pm.entity.code.is_none() || a.prep.is_some() || a.start < b.end + 1
            {
                continue;
            }
            let sep: Vec<&str> =
                (b.end..a.start).map(|j| toks.get(j).map_or("", |t| t.norm.as_str())).collect();
            // The list ends where a verb follows ("..., and Nigeria sent troops").
            let ends_list = toks.get(a.end).is_none_or(|t| {
                t.kind == TokenKind::Punct || listed(&t.norm, PREPS) || t.norm == "and"
            });
            let joined = matches!(sep.as_slice(), ["and"] | ["or"] | [",", "and"] | [",", "or"])
                && ends_list;
            let listed = sep.as_slice() == [","]
                && is(toks.get(a.end), &[",", "and", "or"])
                && by_start.get(w + 1).and_then(|&n| ms.get(n)).is_some_and(state_like);
            if (joined || listed) && !is(toks.get(p), &["between", "among"]) {
                if let Some(slot) = info.get_mut(k) {
                    slot.prep = Some(p);
                }
            }
        }
        // "in Nairobi, Kenya, and Dar es Salaam": places coordinated after a locative are
        // places too.
        for (k, m) in ms.iter().enumerate() {
            let Some(a) = info.get(k).copied() else { continue };
            if !m.kind.names_territory()
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
            // "the leaders of Egypt, Qatar and Turkey": after an actor's name it is a list.
            let listed = ms.iter().zip(info.iter()).any(|(x, b)| {
                b.end == a.start - 1
                    && !matches!(x.kind, MentionKind::Capital | MentionKind::Place)
                    && x.entity.code.is_some()
            });
            if listed {
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
        let all_aux = coder.aux.find_all(toks);
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
            // are no cue, nor inside a territory's ("the United States" is no "states") or a
            // noun phrase's ("homeless advocates" is no "advocate"; but "no soldiers" negates).
            aux_hits: all_aux
                .iter()
                .copied()
                .filter(|h| {
                    let kind = coder.aux_kinds.get(h.item).copied().flatten();
                    let negation = kind == Some(AuxKind::Negated);
                    !is_word_class(kind)
                        && !ms.iter().any(|m| {
                            (m.kind == MentionKind::Name
                                || m.kind.names_territory()
                                || (m.kind == MentionKind::Nominal && !negation))
                                && m.tokens.start <= h.start
                                && h.end <= m.tokens.end
                        })
                })
                .collect(),
            aux_kinds: &coder.aux_kinds,
            class_hits: all_aux
                .into_iter()
                .filter(|h| is_word_class(coder.aux_kinds.get(h.item).copied().flatten()))
                .collect(),
            mode_hits: coder.modes.find_all(toks),
            max_year,
            verb_spans: Vec::new(),
            doc_country,
            recent_place: None,
            assault_spans: Vec::new(),
        }
    }

    /// The relative clause (", who arrived in 1961,", "a man who fled in 2019") that token
    /// `k` is in, as a token range: it runs to the next comma or the end of the sentence.
    pub(super) fn aside_of(&self, k: usize) -> Option<std::ops::Range<usize>> {
        // ("a man who had fled in 2019": a restrictive one too.)
        let start = (0..k)
            .rev()
            .take_while(|&j| self.norm(j) != ",")
            .find(|&j| matches!(self.norm(j), "who" | "whom" | "which" | "whose"))?;
        let end =
            (k + 1..self.toks.len()).find(|&j| self.norm(j) == ",").unwrap_or(self.toks.len());
        Some(start..end)
    }

    pub(super) fn cl(&self, t: usize) -> u32 {
        self.clause.get(t).copied().unwrap_or(u32::MAX)
    }

    pub(super) fn norm(&self, t: usize) -> &str {
        self.toks.get(t).map_or("", |t| t.norm.as_str())
    }

    pub(super) fn prep_of(&self, m: usize) -> Option<&str> {
        self.info.get(m).and_then(|i| i.prep).map(|p| self.norm(p))
    }

    pub(super) fn mi(&self, m: usize) -> MInfo {
        self.info.get(m).copied().unwrap_or(MInfo {
            start: 0,
            end: 0,
            prep: None,
            possessor_of: None,
        })
    }

    /// A mention, with a possessor's code lent to the possessed when it has none
    /// ("Syria's government").
    /// "Kharkiv was shelled": the place right before a passive verb in its clause, when no
    /// other bare mention stands between.
    pub(super) fn place_subject(&self, t0: usize) -> Option<usize> {
        let c = self.cl(t0);
        for &i in self.order.iter().rev() {
            let m = self.mi(i);
            if m.end > t0 {
                continue;
            }
            if m.end == 0 || self.cl(m.end - 1) != c {
                return None;
            }
            if m.prep.is_some() {
                continue;
            }
            return Some(i).filter(|&i| self.place(i));
        }
        None
    }

    /// Whether mention `m` is a place standing for its state: a recipient, never an actor.
    pub(super) fn place(&self, m: usize) -> bool {
        self.ms.get(m).is_some_and(|x| x.kind == MentionKind::Place)
    }

    pub(super) fn resolved(&self, m: usize) -> Option<Mention> {
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

    /// "The United Nations Children's Fund, UNICEF, is providing relief": a mention followed
    /// by another in apposition, set off by commas right before the verb at `v` (auxiliaries
    /// and adverbs aside), is the verb's subject; of the two, the name.
    pub(super) fn apposed_subject(&self, v: usize) -> Option<usize> {
        let mut w = v;
        while w > 0
            && (adverb_like(self.norm(w - 1))
                || matches!(
                    self.norm(w - 1),
                    "is" | "are" | "was" | "were" | "has" | "have" | "had"
                ))
        {
            w -= 1;
        }
        if w < 2 || !is(self.toks.get(w - 1), &[","]) {
            return None;
        }
        let a = self.mention_ending(w - 1)?;
        // "Sergei Lavrov, Russia's foreign minister, met": the apposition opens at its
        // possessor.
        let mut st = self.mi(a).start;
        if st > 0 && self.norm(st - 1) == "'s" {
            st = self.mention_ending(st - 1).map_or(st, |p| self.mi(p).start);
        }
        let c = st.checked_sub(1).filter(|&c| is(self.toks.get(c), &[","]))?;
        let m0 = self.mention_ending(c).filter(|&m0| self.mi(m0).prep.is_none())?;
        // The name of the two ("His daughter, Vice President Sara Duterte, called").
        let named = |i: usize| self.ms.get(i).is_some_and(|m| m.kind == MentionKind::Name);
        Some(if named(a) && !named(m0) { a } else { m0 })
    }

    /// The mention ending at `end` (exclusive) if any.
    pub(super) fn mention_ending(&self, end: usize) -> Option<usize> {
        self.order.iter().copied().find(|&i| self.mi(i).end == end)
    }

    pub(super) fn mention_starting(&self, start: usize) -> Option<usize> {
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
    pub(super) fn coord_left(&self, m: usize, out: &mut Vec<usize>) {
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
            // ("Thirty countries including Australia, France, Japan and the US provide": the
            // list "including" opens goes on past the determiner of its last member.)
            let listed_on = self.prep_of(prev) == Some("including") && self.prep_of(cur).is_none();
            if self.mi(prev).possessor_of.is_some()
                || (self.prep_of(prev) != self.prep_of(cur) && !listed_on)
            {
                return;
            }
            // "police detained the mayor, and his party called it a coup": ", and" after a
            // mention that no list leads up to opens a new clause.
            let st_prev = self.mi(prev).start;
            let comma_and =
                self.norm(st.wrapping_sub(1)) == "and" && self.norm(st.wrapping_sub(2)) == ",";
            if comma_and
                && out.len() == 1
                && !is(self.toks.get(st_prev.wrapping_sub(1)), &[",", "both"])
                && st_prev > 0
            {
                return;
            }
            out.push(prev);
            cur = prev;
        }
    }

    /// Whether token `k` is a verb's past tense ("accused", "struck"): a finite verb of its own
    /// clause, which no modal or infinitive before a conjunction reaches.
    pub(super) fn past_form(&self, k: usize) -> bool {
        let w = self.norm(k);
        (w.len() > 4 && w.ends_with("ed")) || crate::inflect::is_irregular_past(w)
    }

    /// Whether the trigger at `t0` is the passive gerund of a time clause ("after being
    /// shot"), which the main clause's subject undergoes.
    pub(super) fn time_clause_passive(&self, t0: usize) -> bool {
        self.norm(t0.wrapping_sub(1)) == "being"
            && matches!(
                self.norm(t0.wrapping_sub(2)),
                "after" | "before" | "following" | "upon" | "since" | "while"
            )
    }

    /// Whether a verbal trigger of the sentence ends at token `k`.
    pub(super) fn verb_ends_at(&self, k: usize) -> bool {
        self.verb_spans.iter().any(|&(_, e)| e == k)
    }

    /// The subject a sentence-initial phrase leads into ("After talks in Jeddah, Ukraine said"):
    /// the mention right after the phrase's comma, with its coordinates.
    pub(super) fn fronted_subject(&self, from: usize) -> Vec<usize> {
        let Some(comma) = (from..self.toks.len()).take(12).find(|&k| self.norm(k) == ",") else {
            return Vec::new();
        };
        let first = self.order.iter().copied().find(|&i| {
            let m = self.mi(i);
            m.start > comma
                && (comma + 1..m.start).all(|k| matches!(self.norm(k), "the" | "a" | "an"))
        });
        let Some(m) = first else { return Vec::new() };
        let mut out = vec![m];
        self.coord_right(m, &mut out);
        out
    }

    /// Mentions coordinated to the right of `m`.
    pub(super) fn coord_right(&self, m: usize, out: &mut Vec<usize>) {
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
            // "sent troops to Russia, and South Korea's president called it a threat": a
            // mention that a verb follows opens the next clause.
            let mut end = self.mi(next).end;
            if let Some(p) = self.mi(next).possessor_of {
                end = self.mi(p).end;
            }
            let starts_clause = self.verb_spans.iter().any(|&(s, _)| s == end)
                || self
                    .aux_hits
                    .iter()
                    .any(|h| h.start == end && self_kind(self, h) == Some(AuxKind::Speech));
            if starts_clause
                && self.norm(j.saturating_sub(1)) == "and"
                && self.norm(j.saturating_sub(2)) == ","
            {
                return;
            }
            out.push(next);
            cur = next;
        }
    }

    /// The subject of a verb at token `t0`: nearest usable mention to its left in its clause
    /// that is not governed by a preposition.
    pub(super) fn subject(&self, t0: usize) -> Vec<usize> {
        let c = self.cl(t0);
        // "Libya, which brought the case against Britain, hailed the ruling", "Anwar, whose
        // country holds the ASEAN chair, met": a verb right after a relative clause closes
        // belongs to the noun before the clause.
        let opens = (0..t0).rev().find(|&k| self.cl(k) != c).map_or(0, |k| k + 1);
        let mut v = t0;
        while v > opens && ADVERBS.contains(&self.norm(v - 1)) {
            v -= 1;
        }
        if opens >= 2
            && v > opens + 2
            && is(self.toks.get(opens), &["which", "who", "whose"])
            && is(self.toks.get(opens - 1), &[","])
            && is(self.toks.get(v - 1), &[","])
        {
            if let Some(m) = self.mention_ending(opens - 1) {
                let mut out = vec![m];
                self.coord_left(m, &mut out);
                return out;
            }
        }
        if let Some(m0) = self.apposed_subject(v) {
            return vec![m0];
        }
        // The same when the relative clause holds clause breaks of its own ("Hasina, who has
        // lived in exile in India since August 2024, called the verdict biased").
        if v >= 3 && is(self.toks.get(v - 1), &[","]) {
            let rel = (v.saturating_sub(25)..v - 1).rev().find(|&k| {
                k >= 2
                    && is(self.toks.get(k), &["who", "which", "whose"])
                    && is(self.toks.get(k - 1), &[","])
            });
            if let Some(m) = rel.and_then(|k| self.mention_ending(k - 1)) {
                let mut out = vec![m];
                self.coord_left(m, &mut out);
                return out;
            }
        }
        // "Saddam Hussein, facing U.S. and Arab troops at the border, promised": a participle
        // phrase set off by commas says something about the subject; its object is not it.
        // ("..., today sought peace by promising": also when the verb comes later in the
        // clause than right after the closing comma.)
        let mut until = t0;
        let comma = |k: usize| is(self.toks.get(k), &[","]);
        let opens_participle = |k: usize| {
            let w = self.norm(k + 1);
            comma(k)
                && w.len() > 4
                && w.ends_with("ing")
                && self.toks.get(k + 1).is_some_and(|t| !t.capitalised)
        };
        // (Not when a new subject follows the closing comma: "struck Houthi targets, killing
        // 31 people, and Iran condemned the strikes".)
        let closes_before_verb = |close: usize| {
            comma(close)
                && !(close + 1..v).any(|j| {
                    matches!(self.norm(j), "and" | "but" | "while" | "as")
                        || self.order.iter().any(|&i| self.mi(i).start == j)
                })
        };
        let parenthetical = (opens + 1..v.saturating_sub(1))
            .find(|&k| opens_participle(k) && (k + 2..v).any(closes_before_verb));
        if let Some(k) = parenthetical {
            until = k;
        }
        // "Gang members armed with rifles killed 70 people": a participle phrase of equipment
        // right after the subject describes it.
        if until == t0 {
            let equipped = (opens..v).rev().take(8).find(|&k| {
                matches!(
                    self.norm(k),
                    "armed"
                        | "equipped"
                        | "wielding"
                        | "carrying"
                        | "wearing"
                        | "dressed"
                        | "riding"
                ) && self.order.iter().any(|&i| self.mi(i).end == k)
            });
            if let Some(k) = equipped {
                until = k;
            }
        }
        // "Prosecutors said Abdulkader planned to murder": a speech verb closes the search
        // (not one that takes an infinitive: "Germany vowed to stand by Ukraine").
        let speech_at = self
            .aux_hits
            .iter()
            .filter(|h| {
                h.end <= t0
                    && self_kind(self, h) == Some(AuxKind::Speech)
                    && !(self.norm(h.end) == "to" && promise_verb(self.norm(h.start)))
            })
            .map(|h| h.start)
            .max();
        for &i in self.order.iter().rev() {
            let m = self.mi(i);
            if m.end > until {
                continue;
            }
            if self.paren.get(m.start).copied().unwrap_or(false) && self.cl(m.start) != c {
                continue;
            }
            if m.end == 0 || self.cl(m.end - 1) != c || speech_at.is_some_and(|sp| m.end <= sp) {
                break;
            }
            // "..., with Trump accusing the Ukrainian leader of": "with" before a participle's
            // subject.
            let absolute = m.end == v
                && self.norm(t0).ends_with("ing")
                && m.prep.is_some_and(|p| self.norm(p) == "with");
            if (m.prep.is_some() && !absolute) || self.place(i) {
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
    pub(super) fn said_before(&self, t: usize) -> bool {
        self.aux_hits.iter().any(|h| h.end <= t && self_kind(self, h) == Some(AuxKind::Speech))
    }

    /// Where the last verb of saying before token `t` ends ("said" in "Iran said the reports
    /// were false"): the start of what was said.
    pub(super) fn said_end_before(&self, t: usize) -> Option<usize> {
        self.aux_hits
            .iter()
            .filter(|h| h.end <= t && self_kind(self, h) == Some(AuxKind::Speech))
            .map(|h| h.end)
            .max()
    }

    /// Who reports the clause of tokens `t0..t1`: the subject of a verb of saying before it
    /// ("Iran said ..."), the speaker named after it ("..., Iran said"), or the speaker of
    /// the quote it is in (`Err((sentence, mention))`, possibly in another sentence).
    pub(super) fn reporter(&self, t0: usize, t1: usize) -> Option<Result<usize, (usize, usize)>> {
        let speech = |h: &&Hit| self_kind(self, h) == Some(AuxKind::Speech);
        if let Some(h) = self.aux_hits.iter().filter(|h| h.end <= t0).rfind(speech) {
            // "X petitioned the UN, saying Turkey was violating ...": the participle's
            // speaker is the sentence's subject, when it opens the sentence.
            if h.start > 0 && self.norm(h.start - 1) == "," && self.norm(h.start).ends_with("ing") {
                let first = self.order.iter().copied().find(|&i| self.mi(i).prep.is_none());
                // ("In a bit of television diplomacy, Iraq's deputy foreign minister responded
                // ..., saying": an opening phrase set off by a comma comes before it.)
                let opened = |start: usize| {
                    start > 2
                        && self.norm(start - 1) == ","
                        && matches!(
                            self.norm(0),
                            "in" | "on"
                                | "at"
                                | "after"
                                | "before"
                                | "during"
                                | "earlier"
                                | "later"
                                | "meanwhile"
                                | "separately"
                                | "speaking"
                                | "since"
                        )
                        && (1..start - 1).all(|k| self.norm(k) != ",")
                };
                return first
                    .filter(|&i| self.mi(i).start <= 2 || opened(self.mi(i).start))
                    .map(Ok);
            }
            let subj = self.subject(h.start);
            let subj = if subj.is_empty() { self.main_subject(h.start) } else { subj };
            if let Some(&i) = subj.first() {
                return Some(Ok(i));
            }
        }
        if let Some(h) = self.aux_hits.iter().filter(|h| h.start >= t1).find(speech) {
            // ("..., Donald Trump has said": past the auxiliary.)
            let aux =
                usize::from(matches!(self.norm(h.start.wrapping_sub(1)), "has" | "have" | "had"));
            let near = self.order.iter().copied().find(|&i| {
                let m = self.mi(i);
                (m.end + aux == h.start || (m.start >= h.end && m.start <= h.end + 1))
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
    pub(super) fn main_subject(&self, t: usize) -> Vec<usize> {
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
    pub(super) fn objects(&self, from: usize, preps: &[String], direct: bool) -> Vec<usize> {
        let found = self.objects_here(from, preps, direct);
        if !found.is_empty() || preps.is_empty() {
            return found;
        }
        // "the withdrawal of its troops from Niger": what the act moves comes first.
        if self.norm(from) == "of" && !preps.iter().any(|p| p == "of") {
            let moved = self
                .order
                .iter()
                .map(|&i| self.mi(i))
                .find(|m| m.start > from && m.start <= from + 2);
            if let Some(m) = moved {
                let again = self.objects_here(m.end, preps, false);
                if !again.is_empty() {
                    return again;
                }
            }
        }
        if direct {
            return found;
        }
        // "extradited Tahawwur Rana, a Pakistani-born Canadian businessman accused of ..., to
        // India": an aside describing the object sits between the verb and its preposition.
        let Some(open) =
            (from..from + 5).find(|&k| self.norm(k) == "," || self.toks.get(k).is_none())
        else {
            return found;
        };
        if !matches!(
            self.norm(open + 1),
            "a" | "an" | "the" | "who" | "which" | "alias" | "including"
        ) && self.mention_starting(open + 1).is_none()
        {
            return found;
        }
        let close = (open + 2..open + 24).find(|&k| {
            self.norm(k) == "," && preps.iter().any(|p| p == self.norm(k + 1))
                || self.toks.get(k).is_none()
                || matches!(self.norm(k), ";" | "." | "said" | "says")
        });
        match close {
            Some(k) if self.norm(k) == "," => self.objects_here(k + 1, preps, direct),
            _ => found,
        }
    }

    fn objects_here(&self, from: usize, preps: &[String], direct: bool) -> Vec<usize> {
        const GOODS: &[&str] = &[
            "imports",
            "goods",
            "products",
            "exports",
            "shipments",
            "steel",
            "oil",
            "cars",
            "all",
            "certain",
        ];
        let c = self.cl(from.saturating_sub(1));
        // "praised what she called the Lebanese army's serious work": the object is what the
        // speaker's own words name, past them.
        let from = if direct
            && self.norm(from) == "what"
            && matches!(self.norm(from + 1), "she" | "he" | "it" | "they")
            && matches!(self.norm(from + 2), "called" | "described" | "termed" | "dubbed")
        {
            from + 3 + usize::from(self.norm(from + 3) == "as")
        } else {
            from
        };
        // "criticised the decision as a grave mistake that would fuel Hamas": an object that
        // names an act is answered by the passes that find the act's doer; a party named
        // later in the clause is no object.
        if direct
            && self.mention_starting(from).is_none()
            && opens_with_move((from..from + 3).map(|k| self.norm(k)))
        {
            return Vec::new();
        }
        let mut scanned = from;
        for &i in &self.order {
            let m = self.mi(i);
            if m.start < from {
                continue;
            }
            if m.start > from + 9 || self.cl(m.start) != c {
                break;
            }
            // "a U.S.-backed plan", "an Iran-brokered deal": a name joined by a hyphen to a
            // participle only describes the noun after it.
            if self.norm(m.end) == "-" {
                continue;
            }
            // "signed the Washington Accords", "the Minsk agreements": a place naming a
            // document is no party to it.
            if matches!(
                self.norm(m.end),
                "accords"
                    | "accord"
                    | "agreements"
                    | "agreement"
                    | "treaty"
                    | "protocol"
                    | "declaration"
                    | "charter"
            ) {
                continue;
            }
            // "with his Indian counterpart": the possessive belongs to the noun after it.
            if matches!(self.norm(m.start), "his" | "her" | "its" | "their")
                && m.end == m.start + 1
                && self.order.iter().any(|&j| self.mi(j).start == m.end)
            {
                continue;
            }
            // "killing four members of the security forces", "dozens of the protesters": a
            // partitive before the mention leaves it the object; so does a list after a group
            // noun ("praised allies including Germany and Poland").
            // ("deporting thousands of undocumented Afghans": up to two plain words may
            // describe the mention after "of".)
            let of_at = (m.start.saturating_sub(3)..m.start).rev().find(|&k| {
                k > from
                    && matches!(self.norm(k), "of" | "from" | "including")
                    && (k + 1..m.start).all(|j| {
                        self.toks
                            .get(j)
                            .is_some_and(|t| t.kind == TokenKind::Word && !t.capitalised)
                    })
            });
            let partitive = of_at.is_some()
                && (from..of_at.unwrap_or(from)).all(|k| {
                    self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
                        || QUANTIFIERS.contains(&self.norm(k))
                        || NUMBER_WORDS.contains(&self.norm(k))
                        || matches!(
                            self.norm(k),
                            "members"
                                | "member"
                                | "some"
                                | "many"
                                | "most"
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
                                | "allies"
                                | "countries"
                                | "partners"
                                | "nations"
                                | "states"
                                | "neighbours"
                                | "neighbors"
                                | "governments"
                                | "several"
                                | "other"
                        )
                });
            // "a 50% tariff on imports from Brazil": goods from a state stand for the state.
            let goods_from = of_at.is_some_and(|f| {
                self.norm(f) == "from"
                    && f > from + 1
                    && f <= from + 4
                    && preps.iter().any(|p| p == self.norm(from))
                    && (from + 1..f).all(|k| GOODS.contains(&self.norm(k)))
            });
            // "slammed into the centre of Sumy": the place's own preposition is the trigger's.
            let own_prep = self.mi(i).prep.is_some_and(|p| p < from) || goods_from;
            let check_to = if partitive || own_prep { from } else { m.start };
            // Stop at punctuation or an infinitive between the trigger and the mention.
            for k in scanned..check_to {
                let n = self.norm(k);
                let stop = match self.toks.get(k) {
                    // Signs that belong to a number ("a 51% stake", "$10 million") are no
                    // break.
                    // ("from international organizations, including the WHO": the comma
                    // before a list of examples.)
                    Some(t)
                        if t.kind == TokenKind::Punct
                            && !matches!(n, "-" | "%" | "$" | "€" | "£")
                            && !(n == "," && self.norm(k + 1) == "including") =>
                    {
                        true
                    }
                    _ => {
                        matches!(n, "to" | "for" | "of" | "and" | "or" | "said" | "says")
                            && !preps.iter().any(|p| p == n)
                            // ("stormed the offices of the WFP": a seat of the body.)
                            && !(n == "of" && k > 0 && is(self.toks.get(k - 1), SEATS))
                    }
                };
                if stop {
                    return Vec::new();
                }
            }
            scanned = scanned.max(m.end);
            // A preposition that is part of the trigger ("called on X") leaves X a direct object.
            let ok = own_prep
                || (partitive && direct)
                || match self.prep_of(i) {
                    // "requested assistance from international organizations, including the
                    // WHO": a list after "including" stands in for the uncoded group before it.
                    Some("including") => {
                        (from..m.start).any(|k| preps.iter().any(|x| x == self.norm(k)))
                    }
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
    pub(super) fn pp_after(&self, from: usize, preps: &[&str], span: usize) -> Vec<usize> {
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
                self.toks.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Punct
                        && !matches!(t.norm.as_str(), "-" | "%" | "$" | "€" | "£")
                })
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
    pub(super) fn premodifier(&self, t0: usize, mode_tokens: &[bool]) -> Vec<usize> {
        let mut j = t0;
        let mut steps = 0;
        // ("a Myanmar military air strike": a name that ends right here is the owner, even
        // when its last word could also be a modifier.)
        while j > 0 && steps < 3 && self.mention_ending(j).is_none() {
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
        } else if self.mention_ending(j).is_none() {
            // "Russia's biggest aerial attack of the war": a possessor before a few plain
            // adjectives of the noun.
            let mut q = j;
            let mut plain = 0;
            while q > 0
                && plain < 3
                && self.toks.get(q - 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.capitalised
                        && !matches!(t.norm.as_str(), "'s" | "'")
                        && !listed(&t.norm, DETERMINERS)
                        && !listed(&t.norm, PREPS)
                })
            {
                q -= 1;
                plain += 1;
            }
            if plain > 0 && is(self.toks.get(q.wrapping_sub(1)), &["'s", "'"]) {
                j = q - 1;
            }
        }
        match self.mention_ending(j) {
            Some(m) => {
                let mut out = vec![m];
                // "Iran-US talks": both states of a hyphenated pair.
                let span = (self.mi(m).start, self.mi(m).end);
                out.extend(
                    self.order
                        .iter()
                        .copied()
                        .filter(|&o| o != m && (self.mi(o).start, self.mi(o).end) == span),
                );
                self.coord_left(m, &mut out);
                out
            }
            None => Vec::new(),
        }
    }

    /// Whether the verb at `t0` with `form` is passive ("was shelled", "killed by").
    /// Whether "by X" follows right after a verb.
    pub(super) fn by_agent_follows(&self, t_end: usize) -> bool {
        self.norm(t_end) == "by" && self.mention_starting(t_end + 1).is_some()
    }

    /// Whether a form of "be" stands right before a verb (adverbs aside).
    pub(super) fn be_before(&self, t0: usize) -> bool {
        let mut k = t0;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1) else { return false };
            let n = self.norm(p);
            if BE.contains(&n) {
                return true;
            }
            // "was shot and killed": a participle coordinated with a passive one.
            if n == "and" && p >= 2 {
                let prev = self.norm(p - 1);
                let participle = prev.ends_with("ed") || crate::inflect::is_irregular_past(prev);
                if participle && BE.contains(&self.norm(p - 2)) {
                    return true;
                }
            }
            if !adverb_like(n) && !REPORTED.contains(&n) {
                return false;
            }
            k = p;
        }
        false
    }

    /// Whether the sentence is a headline: no closing punctuation, so its present tense
    /// reports news ("Israel strikes Damascus").
    pub(super) fn headline(&self) -> bool {
        !self
            .toks
            .iter()
            .rev()
            .find(|t| !matches!(t.norm.as_str(), "\"" | "'" | ")"))
            .is_some_and(|t| matches!(t.norm.as_str(), "." | "!" | "?" | ";" | ":"))
    }

    pub(super) fn passive(&self, t0: usize, t_end: usize, form: Option<Form>) -> bool {
        // "Thai civilians were hit by Cambodian rockets": "hit" after "were" is a participle.
        let base_participle = form == Some(Form::Present)
            && crate::inflect::participle_is_base(self.norm(t0))
            && (self.be_before(t0) || self.norm(t_end) == "by");
        if form != Some(Form::Past) && !base_participle {
            return false;
        }
        // "were convicted of X and sentenced to death": a participle coordinated with a
        // passive one.
        // A verb with a direct object is active ("was alarmed and urged Washington").
        // "said the embassy was empty and condemned the attack": an object after the verb,
        // even one no actor names, makes it active.
        let object_follows = DETERMINERS.contains(&self.norm(t_end))
            || self.toks.get(t_end).is_some_and(|t| {
                t.capitalised
                    && !matches!(
                        t.norm.as_str(),
                        "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                            | "last"
                            | "early"
                            | "late"
                    )
            });
        if self.norm(t0.wrapping_sub(1)) == "and"
            && self.mention_starting(t_end).is_none()
            && !object_follows
        {
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
            if adverb_like(n)
                || REPORTED.contains(&n)
                || matches!(n, "not" | "n't" | "never" | "reportedly")
            {
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
        // ("Sergei Lavrov, the Russian foreign minister, met in Geneva with": after an
        // appositive, the clause's own verb.)
        if self.norm(t0.wrapping_sub(1)) == ","
            && t_end == t0 + 1
            && matches!(self.norm(t_end), "of" | "in" | "over" | "with")
            && (self.norm(t_end) == "of" || !self.closes_appositive(t0 - 1))
        {
            return true;
        }
        // "women convicted of", "soldiers killed in": a participle right after its noun and
        // before a preposition is a reduced passive relative.
        // Only when that noun is itself an object or inside a phrase ("exonerated four women
        // convicted of"), not a clause's subject ("students protested in Belgrade").
        let Some(m) = self.mention_ending(t0) else { return false };
        let mi = self.mi(m);
        // "an accusation Abuja rejected", "the deal Washington proposed": a name right after
        // the noun it tells about is the subject of a relative clause, and acts.
        let before = self.toks.get(mi.start.wrapping_sub(1));
        if mi.prep.is_none()
            && (is(before, CLAIM_NOUNS)
                || is(
                    before,
                    &[
                        "demand",
                        "demands",
                        "proposal",
                        "offer",
                        "plan",
                        "deal",
                        "decision",
                        "move",
                        "request",
                        "ultimatum",
                    ],
                ))
        {
            return false;
        }
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

    pub(super) fn aux_before(&self, t0: usize, kinds: &[AuxKind], window: usize) -> Option<&Hit> {
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

    pub(super) fn quote_speaker(&self, t: usize) -> Option<Option<(usize, usize)>> {
        self.quotes.speaker(self.pos, t)
    }

    /// All triggers of the sentence, overlapping ones resolved longest first.
    pub(super) fn triggers<'c>(&self, coder: &'c EventCoder, hits: Vec<Hit>) -> Vec<Trig<'c>> {
        let mut hits = hits;
        // Longest first; on the same tokens, the phrase that spells out more words ("fired
        // warning shots" over "fired * shots").
        hits.sort_by_key(|h| {
            (
                std::cmp::Reverse(h.end - h.start),
                h.start,
                std::cmp::Reverse(coder.triggers.words_in(h.item)),
                h.item,
            )
        });
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
            // A blocking phrase still blocks when it starts inside a noun phrase ("other
            // government supported organizations").
            if in_nominal
                && coder
                    .triggers
                    .item(h.item)
                    .is_some_and(|p| !p.frame.is_noun() && p.event.is_some())
            {
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
            let after_prep = self
                .toks
                .get(t.hit.start.wrapping_sub(1))
                .is_some_and(|t| listed_keyed(&t.norm, PREPS, &PREP_KEYS));
            let has_noun = readings.iter().any(|(_, p)| p.frame.is_noun());
            // "the nation's junk funds have lost", "other T. Rowe Price funds.": a word in -s
            // followed by an auxiliary or the sentence's end is a plural noun, not a verb.
            let plural_noun = t.hit.end == t.hit.start + 1 && {
                let w = self.norm(t.hit.start);
                w.ends_with('s')
                    && !w.ends_with("ss")
                    && matches!(
                        self.norm(t.hit.end),
                        "have"
                            | "has"
                            | "had"
                            | "are"
                            | "were"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "may"
                            | "might"
                            | "must"
                            | "should"
                            | "."
                            | ","
                    )
            };
            readings.retain(|(h, p)| {
                p.frame.is_noun()
                    || !(strong || plural_noun || nounish && has_noun)
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
    pub(super) fn strong_noun_context(&self, t0: usize) -> bool {
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
            // ("Iraq on Aug. 2 invaded Kuwait", "in 1990 invaded": a date's number is no
            // count of things.)
            || self.toks.get(p).is_some_and(|t| {
                let date = p > 0
                    && (CALENDAR.contains(&self.norm(p - 1).trim_end_matches('.'))
                        || lapwing_text::MONTH_ABBREVIATIONS
                            .contains(&self.norm(p - 1).trim_end_matches('.'))
                        || (t.norm.len() == 4 && matches!(self.norm(p - 1), "in" | "since")));
                t.kind == TokenKind::Number && !date
            })
    }

    /// The candidates of this sentence; `earlier` are the document's candidates so far.
    pub(super) fn candidates(
        &mut self,
        coder: &EventCoder,
        hits: Vec<Hit>,
        earlier: &[EventCandidate],
    ) -> Vec<(EventCandidate, CandFlags)> {
        let trigs = self.triggers(coder, hits);
        self.verb_spans = trigs
            .iter()
            .filter(|t| !t.pat.frame.is_noun())
            .map(|t| (t.hit.start, t.hit.end))
            .collect();
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
        // Orders replaced by the act they order (by candidate index in `out`).
        let mut dropped: Vec<bool> = Vec::new();
        // Whether each candidate (by index in `out`) came from a noun trigger.
        let mut nouns: Vec<bool> = Vec::new();
        for (ti, tr) in trigs.iter().enumerate() {
            let Some(event) = tr.pat.event else { continue };
            let emb = self.embedded(&trigs, ti, event, &was_embedded);
            if let Some(flag) = was_embedded.get_mut(ti) {
                *flag = emb.is_some();
            }
            // "Ruto ordered the military to deploy", "Jordan ordered the seizure of its assets":
            // an order to one's own side is the act ordered, done by whoever ordered it.
            let command = emb.and_then(|vi| {
                let holder_pat = trigs.get(vi)?.pat;
                // "Blair pledged to stand united with the president", "vowed to stand by
                // Ukraine": a promise of backing is the backing.
                if holder_pat.has("promise") && event == EventType::Support {
                    return cand_of.get(vi).copied().flatten();
                }
                if !holder_pat.has("command") {
                    return None;
                }
                let ci = cand_of.get(vi).copied().flatten()?;
                let (c, _) = out.get(ci)?;
                let mine = codes_of(&c.actors);
                // Its own forces and offices, not its people ("ordered the Miami relatives to
                // surrender the child" is a demand).
                let own = !mine.is_empty()
                    && c.recipients.iter().all(|r| {
                        r.entity.code.is_none_or(|x| mine.contains(&x))
                            && matches!(
                                r.entity.sector,
                                Some(
                                    Sector::Gov
                                        | Sector::Mil
                                        | Sector::Cop
                                        | Sector::Spy
                                        | Sector::Jud
                                        | Sector::Prm
                                        | Sector::Reb
                                )
                            )
                    });
                own.then_some(ci)
            });
            if let Some(ci) = command {
                let found = self.candidate(
                    coder,
                    tr.hit,
                    tr.pat,
                    event,
                    &mode_tokens,
                    &spans,
                    &out,
                    earlier,
                );
                if let (Some((mut e, f)), Some((holder, _))) = (found, out.get(ci)) {
                    let mut actors = holder.actors.clone();
                    for m in &e.actors {
                        if !actors.iter().any(|a| same_actor(a, m)) {
                            actors.push(m.clone());
                        }
                    }
                    e.actors = actors;
                    e.recipients.retain(|r| !e.actors.iter().any(|a| same_actor(a, r)));
                    e.aux = holder.aux;
                    e.entries
                        .extend(holder.entries.iter().filter(|x| x.role == "trigger").cloned());
                    if let Some(flag) = dropped.get_mut(ci) {
                        *flag = true;
                    }
                    if let Some(slot) = cand_of.get_mut(ti) {
                        *slot = Some(out.len());
                    }
                    out.push((e, f));
                    dropped.push(false);
                    nouns.push(tr.pat.frame.is_noun());
                    continue;
                }
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
                // But two attack nouns on different states are two attacks ("Saturday's
                // strikes in Yemen followed U.S. strikes on Iraq").
                let noun = tr.pat.frame.is_noun();
                let apart = |k: usize, o: &EventCandidate| {
                    noun && nouns.get(k).copied().unwrap_or(false) && {
                        let (a, b) = (codes_of(&o.recipients), codes_of(&c.0.recipients));
                        !a.is_empty() && !b.is_empty() && a.is_disjoint(&b)
                    }
                };
                let dup_at = out
                    .iter()
                    .enumerate()
                    .position(|(k, (o, _))| !apart(k, o) && same_event_in_sentence(o, &c.0));
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
                    None => {
                        out.push(c);
                        dropped.push(false);
                        nouns.push(noun);
                    }
                }
            }
        }
        if dropped.iter().any(|&d| d) {
            let mut k = 0;
            out.retain(|_| {
                let keep = !dropped.get(k).copied().unwrap_or(false);
                k += 1;
                keep
            });
        }
        // "The State Department ordered the departure of its staff": an order given to no one
        // that did not become the act it orders is no request.
        out.retain(|(c, _)| {
            c.event != EventType::Request
                || !c.recipients.is_empty()
                || !trigs.iter().any(|t| t.pat.has("command") && t.pat.origin.key == c.pattern_id)
        });
        self.policed_protests(&mut out);
        // "a protest that forced council members indoors has been broken up by police": crowd
        // control is done to the protesters the sentence tells of.
        let protesters = out
            .iter()
            .find(|(c, _)| c.event == EventType::Protest && !c.actors.is_empty())
            .map(|(c, _)| c.actors.clone());
        if let Some(p) = protesters {
            for (c, _) in out.iter_mut() {
                let crowd = c.event == EventType::Assault && c.modes.contains(&Mode::CrowdControl);
                let civil = |m: &Mention| {
                    matches!(
                        m.entity.sector,
                        Some(Sector::Cvl | Sector::Edu | Sector::Lab | Sector::Opp)
                    )
                };
                if crowd && !c.recipients.iter().any(civil) && !c.actors.iter().any(civil) {
                    c.recipients = p.clone();
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

    /// "Police fired tear gas at thousands of protesters outside parliament": protesters the
    /// police act against were protesting, against their own state, even when the sentence tells
    /// only the policing. Added once per sentence, after the policing it is read from.
    fn policed_protests(&self, out: &mut Vec<(EventCandidate, CandFlags)>) {
        if out.iter().any(|(c, _)| c.event == EventType::Protest) {
            return;
        }
        let policed = out.iter().find_map(|(c, _)| {
            let policing = (c.event == EventType::Assault && c.modes.contains(&Mode::CrowdControl))
                || (c.event == EventType::Coerce && c.modes.contains(&Mode::Arrest));
            if !policing || c.aux.negated || c.aux.hypothetical {
                return None;
            }
            // The protesters named after it in its clause (the policing's own recipients may
            // be only the implied civilians).
            let at = self.toks.iter().position(|t| t.span.start == c.trigger.start)?;
            let protesters: Vec<Mention> = self
                .order
                .iter()
                .filter(|&&i| self.mi(i).start > at && self.cl(self.mi(i).start) == self.cl(at))
                .filter_map(|&i| self.resolved(i))
                .filter(|m| {
                    m.entity.code.is_some_and(|x| !x.is_non_state())
                        && (m.tokens.start..m.tokens.end)
                            .any(|k| self.toks.get(k).is_some_and(|t| listed(&t.norm, PROTESTERS)))
                })
                .take(1)
                .collect();
            (!protesters.is_empty()).then(|| (c.clone(), protesters))
        });
        let Some((c, protesters)) = policed else { return };
        let Some(first) = protesters.first() else { return };
        let Some(code) = first.entity.code else { return };
        let state = implied_party(first, code, Some(Sector::Gov));
        let cand = EventCandidate {
            event: EventType::Protest,
            modes: vec![Mode::Demo],
            trigger: first.span,
            pattern_id: "protest.policed".to_string(),
            pattern_source: format!("coder: protesters of {}", c.pattern_source),
            confidence: (c.confidence * 0.7).min(0.6),
            entries: first.entries.clone(),
            actors: protesters,
            recipients: vec![state],
            also_reported: Vec::new(),
            ..c
        };
        out.push((cand, CandFlags::default()));
    }

    /// The subject of "was/were killed" (or wounded, injured) in the sentence, when it is a
    /// person or group and not a place.
    pub(super) fn passive_victim(&self) -> Option<Mention> {
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
        let mut i = self.order.iter().copied().rev().find(|&i| {
            let m = self.mi(i);
            m.end <= be
                && m.prep.is_none()
                && self.ms.get(i).is_some_and(|x| !x.kind.names_territory())
        })?;
        // "A Kenyan police officer serving with the U.N.-backed mission was killed": the one
        // the participle describes, not the body it names.
        let described = self.order.iter().copied().find(|&j| {
            let mj = self.mi(j);
            mj.end < self.mi(i).start
                && mj.prep.is_none()
                && matches!(
                    self.norm(mj.end),
                    "serving" | "working" | "deployed" | "stationed" | "attached" | "based"
                )
        });
        if let Some(j) = described {
            i = j;
        }
        // Only the subject itself, possibly followed by a description ("serving with ...").
        let m = self.mi(i);
        if be - m.end > 8 && described.is_none() {
            return None;
        }
        self.resolved(i)
    }

    /// Whether trigger `ti` only states the content of an earlier verbal event in its clause
    /// ("called on Y to withdraw", "accused Y of attacking", "threatened strikes").
    pub(super) fn embedded(
        &self,
        trigs: &[Trig],
        ti: usize,
        event: EventType,
        was_embedded: &[bool],
    ) -> Option<usize> {
        let t = trigs.get(ti)?;
        // "must cease the driving or face further action": the alternative a demand offers is
        // a threat of its own, not more of the demand's content.
        if event == EventType::Threaten && self.norm(t.hit.start) == "or" {
            return None;
        }
        // How the trigger hangs on what precedes it: an infinitive or a prepositional gerund
        // states the content of a statement ("called on Y to withdraw", "accused Y of
        // attacking"); after "and" it is embedded only if its conjunct was.
        let mut k = t.hit.start;
        while k > 0 && ADVERBS.contains(&self.norm(k - 1)) {
            k -= 1;
        }
        let link = self.norm(k.wrapping_sub(1));
        if matches!(link, "and" | "or" | "," | "but") {
            let before = |j: usize, noun_ok: bool| {
                trigs.get(j).is_some_and(|p| {
                    p.pat.event.is_some()
                        && p.hit.end <= t.hit.start
                        && (noun_ok || !p.pat.frame.is_noun())
                })
            };
            let mut prev = (0..ti).rev().find(|&j| before(j, true))?;
            // A verb's conjunct is the verb before it, not a noun in that verb's object:
            // "welcomed the deal and called on both sides to respect it" calls on them even
            // though the deal is what was welcomed. Unless an infinitive or a gerund opened
            // between them: "urged Russia to respect the ceasefire and withdraw" still urges.
            if !t.pat.frame.is_noun() && trigs.get(prev).is_some_and(|p| p.pat.frame.is_noun()) {
                if let Some(v) = (0..prev).rev().find(|&j| before(j, false)) {
                    let from = trigs.get(v).map_or(t.hit.start, |p| p.hit.end);
                    let opened = (from..t.hit.start).any(|k| {
                        self.norm(k) == "to"
                            || (self.norm(k) == "of" && self.norm(k + 1).ends_with("ing"))
                    });
                    if !opened {
                        prev = v;
                    }
                }
            }
            // "accused Hamas of breaking the truce and firing rockets": a gerund joined to the
            // gerund of an accusation is more of its content.
            let verb_end = (0..ti).rev().find(|&j| before(j, false)).and_then(|j| trigs.get(j));
            let gerunds = self.norm(t.hit.start).ends_with("ing")
                && (verb_end.map_or(t.hit.start, |p| p.hit.end)..t.hit.start).any(|k| {
                    matches!(self.norm(k), "of" | "for") && self.norm(k + 1).ends_with("ing")
                });
            // "urged Canada to \"correct its wrong practices\" and lift the restrictions": a
            // base form joined to the infinitive a statement verb opened is more of its
            // content, though no trigger stands between.
            let infinitive = !t.pat.frame.is_noun()
                && !self.past_form(t.hit.start)
                && trigs.get(prev).is_some_and(|p| {
                    !p.pat.frame.is_noun()
                        && self.statement_verb(p.hit.start)
                        && (p.hit.end..t.hit.start).any(|k| self.norm(k) == "to")
                        && !(p.hit.end..t.hit.start).any(|k| matches!(self.norm(k), "." | ";"))
                });
            // (Its holder is that verb, even across the quotation marks that close a clause.)
            if infinitive {
                return Some(prev);
            }
            if !gerunds && !was_embedded.get(prev).copied().unwrap_or(false) {
                return None;
            }
            // "accused the group of kidnapping the crew and called for their release": a past
            // tense is no conjunct of an embedded gerund or infinitive; it is a verb of its own.
            let past = self.past_form(t.hit.start);
            let conjunct_nonfinite = trigs.get(prev).is_some_and(|p| {
                let pw = self.norm(p.hit.start);
                !p.pat.frame.is_noun()
                    && (pw.ends_with("ing") || self.norm(p.hit.start.wrapping_sub(1)) == "to")
            });
            if link == "and" && past && !t.pat.frame.is_noun() && conjunct_nonfinite {
                return None;
            }
            // "said the military would extend its truce ..., but warned that it would
            // respond": a statement in the past after "but" is the speaker's own.
            if link == "but" && past && !t.pat.frame.is_noun() && self.statement_verb(t.hit.start) {
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
            // "gathered at a rally to demand the government scrap its carbon tax": what a
            // protest demands is its content, not an act of its own.
            let demanded = ve == EventType::Protest
                && (v.hit.start..t.hit.start).any(|k| {
                    let w = self.norm(k);
                    w.starts_with("demand")
                        || matches!(w, "urge" | "urges" | "urged" | "urging" | "calling")
                });
            if !(verbal || demanded)
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
            // "Rebels backed by Turkey attacked Kobani": a participle describing a noun, with
            // its agent after "by", states nothing; the verb after it is the sentence's own.
            let reduced_relative = self.norm(v.hit.end) == "by"
                && !BE.contains(&self.norm(v.hit.start.wrapping_sub(1)))
                && self.mention_ending(v.hit.start).is_some();
            // "OAU foreign ministers meeting in Addis Ababa agreed": a present participle
            // right after its noun describes the noun; it holds no statement.
            let describing = self.norm(v.hit.start).ends_with("ing")
                && self.mention_ending(v.hit.start).is_some()
                && !BE.contains(&self.norm(v.hit.start.wrapping_sub(1)));
            if reduced_relative || describing {
                return false;
            }
            // "recognised Somaliland, a move Somalia denounced", ", which Taipei condemned":
            // a clause about the act is someone else's answer to it, not its content; nor is
            // an absolute ("the talks collapsed, with Trump accusing ...").
            let answered = (v.hit.end..t.hit.start).any(|k| {
                self.norm(k) == ","
                    && matches!(self.norm(k + 1), "a" | "an" | "which" | "in" | "with")
            });
            // "threatened Brazil with tariffs, and Brazil's foreign ministry rejected the
            // threat": a new subject after ", and" opens a clause of its own.
            let new_clause = (v.hit.end..t.hit.start).any(|k| {
                self.norm(k) == ","
                    && self.norm(k + 1) == "and"
                    && self.order.iter().any(|&i| {
                        let s = self.mi(i).start;
                        s == k + 2 || (s == k + 3 && self.norm(k + 2) == "the")
                    })
            });
            // "Britain condemned the attack and India sent tents": so does a past tense right
            // after its own subject that a conjunction opens, comma or not.
            let conjoined_subject = !t.pat.frame.is_noun()
                && self.past_form(t.hit.start)
                && self.mention_ending(k).map(|i| self.mi(i)).is_some_and(|m| {
                    m.start > v.hit.end
                        && matches!(
                            self.norm(m.start.wrapping_sub(1)),
                            "and" | "but" | "while" | "whereas"
                        )
                });
            // "Although rights groups condemned it, the government ignored requests": a comma
            // and then the trigger's own subject start the main clause.
            let own_subject = (v.hit.end..t.hit.start).any(|k| {
                self.norm(k) == ","
                    && self.mention_starting(k + 1).is_some_and(|i| {
                        let end = self.mi(i).end;
                        end <= t.hit.start
                            && (end..t.hit.start).all(|j| {
                                adverb_like(self.norm(j))
                                    || matches!(self.norm(j), "has" | "have" | "had")
                            })
                    })
            });
            // "Thousands defied the ban to rally": what one defies a ban to do is done.
            let defied = ve == EventType::Reject
                && self.aux_hits.iter().any(|h| {
                    h.start == v.hit.start && self_kind(self, h) == Some(AuxKind::Implicative)
                });
            if answered || new_clause || conjoined_subject || own_subject || defied {
                return false;
            }
            // "signed a partnership during Putin's first visit": an event in a time phrase is
            // when, not what.
            let when = (t.hit.start.saturating_sub(4)..t.hit.start).any(|k| {
                k >= v.hit.end
                    && matches!(
                        self.norm(k),
                        "during" | "after" | "before" | "amid" | "following" | "since" | "ahead"
                    )
            });
            if when {
                return false;
            }
            // "Putin agreed in a phone call with Trump": a meeting right after the verb is
            // where it was said, not what was agreed.
            if event == EventType::Consult
                && t.pat.frame.is_noun()
                && is(self.toks.get(v.hit.end), &["in", "at", "during", "over"])
                && t.hit.start - v.hit.end <= 5
            {
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
}

/// Whether an aux kind is a word class rather than a clause cue.
fn is_word_class(kind: Option<AuxKind>) -> bool {
    matches!(kind, Some(AuxKind::Site | AuxKind::Livestock | AuxKind::Unit))
}
