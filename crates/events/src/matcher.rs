//! Phrase matching over token norms: every phrase is indexed by the norms its first position
//! accepts, so a sentence costs one hash lookup per token plus a short check per candidate,
//! never a loop over all patterns.

use crate::inflect::Form;
use crate::lexicon::{Element, Phrase};
use lapwing_core::{Token, TokenKind};
use lapwing_lexicon::FxMap;
use lapwing_text::AUXILIARIES;

/// Phrases compiled for matching; `T` is what each phrase stands for.
#[derive(Debug, Clone)]
pub struct Matcher<T> {
    items: Vec<(Phrase, T)>,
    // Lookup only; never iterated into output, so a HashMap keeps runs deterministic.
    // Each phrase comes with the form its first word has there, so that matching goes on from
    // the second position without searching the first position's word list again.
    index: FxMap<String, Vec<Start>>,
    // One bit per class of word (see `word_class`), set for the classes of the index's words:
    // most tokens start no phrase, and a clear bit says so for a few instructions, before the
    // word is hashed and looked up.
    starts: Box<[u64]>,
}

/// A phrase its first word starts, as the index lists it.
#[derive(Debug, Clone, Copy)]
struct Start {
    /// Which phrase.
    id: usize,
    /// The form the first word has there.
    form: Option<Form>,
    /// What the next word must be like, when the phrase goes on with one (after a gap of up
    /// to `.0` tokens): `.1` has the bit `word_bit` gives each of its words. Common first
    /// words ("will", "take") start many phrases, and this test turns most of them away
    /// before they are matched word by word.
    next: Option<(usize, u64)>,
}

/// Set in a token's class (see `Matcher::find_all`) for a quote mark, which a phrase's word
/// may stand after.
const QUOTE: u32 = 1 << 16;

/// How many words of `Matcher::starts` there are (a power of two).
const START_WORDS: usize = 1 << 10;

/// The class of a word for `Matcher::starts`: its length, first two bytes and last byte,
/// mixed into one of the set's bits.
#[inline]
fn word_class(w: &str) -> usize {
    let b = w.as_bytes();
    let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
    let x = (b.len() as u32 & 0xff)
        | (at(0) << 8)
        | (at(1) << 16)
        | (u32::from(b.last().copied().unwrap_or(0)) << 24);
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize & (START_WORDS * 64 - 1)
}

/// One match of a phrase in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Which phrase (index into the matcher's items).
    pub item: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The form of the first inflected verb of the phrase, when it has one.
    pub form: Option<Form>,
}

impl<T> Default for Matcher<T> {
    fn default() -> Self {
        Matcher {
            items: Vec::new(),
            index: FxMap::default(),
            starts: vec![0; START_WORDS].into_boxed_slice(),
        }
    }
}

impl<T> Matcher<T> {
    /// Adds a phrase.
    pub fn add(&mut self, phrase: Phrase, item: T) {
        let id = self.items.len();
        let mask = |ws: &[(String, Option<Form>)]| {
            ws.iter().fold(0u64, |m, (w, _)| m | 1 << (word_class(w) % 64))
        };
        let next = match (phrase.get(1), phrase.get(2)) {
            (Some(Element::Words(ws)), _) => Some((0, mask(ws))),
            (Some(Element::Gap(max)), Some(Element::Words(ws))) => Some((*max, mask(ws))),
            _ => None,
        };
        if let Some(Element::Words(first)) = phrase.first() {
            for (w, f) in first {
                let c = word_class(w);
                if let Some(bits) = self.starts.get_mut(c / 64) {
                    *bits |= 1 << (c % 64);
                }
                let ids = self.index.entry(w.clone()).or_default();
                // The first listing of a word gives its form, as the word list's search would.
                if !ids.iter().any(|s| s.id == id) {
                    ids.push(Start { id, form: *f, next });
                }
            }
        }
        self.items.push((phrase, item));
    }

    /// The item of a hit.
    pub fn item(&self, id: usize) -> Option<&T> {
        self.items.get(id).map(|(_, t)| t)
    }

    /// How many word positions (not gaps) phrase `id` has: of two phrases matching the same
    /// tokens, the one that spells out more of them is the more specific.
    pub fn words_in(&self, id: usize) -> usize {
        self.items
            .get(id)
            .map_or(0, |(p, _)| p.iter().filter(|e| matches!(e, Element::Words(_))).count())
    }

    /// How many phrases there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every match in `tokens`, in token order.
    pub fn find_all(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut out = Vec::new();
        // Each token's class, worked out once: its bit in `starts` (whose low six bits are its
        // bit in `Start::next`), and whether it is a quote mark. On the stack for all but the
        // longest sentences.
        let mut buf = [0u32; 96];
        let mut long = Vec::new();
        let classes: &mut [u32] = match buf.get_mut(..tokens.len()) {
            Some(b) => b,
            None => {
                long.resize(tokens.len(), 0);
                &mut long
            }
        };
        for (c, t) in classes.iter_mut().zip(tokens) {
            let quote = matches!(t.norm.as_bytes(), [b'"' | b'\'']);
            *c = word_class(&t.norm) as u32 | if quote { QUOTE } else { 0 };
        }
        let classes = &*classes;
        for (i, t) in tokens.iter().enumerate() {
            let c = classes.get(i).map_or(0, |&c| (c & 0xffff) as usize);
            if self.starts.get(c / 64).is_none_or(|bits| bits >> (c % 64) & 1 == 0) {
                continue;
            }
            let Some(ids) = self.index.get(t.norm.as_str()) else { continue };
            for &Start { id, form: first_form, next } in ids {
                if let Some((gap, mask)) = next {
                    if !may_follow(classes, i + 1, gap, mask) {
                        continue;
                    }
                }
                let Some((phrase, _)) = self.items.get(id) else { continue };
                let mut form = first_form;
                let rest = phrase.get(1..).unwrap_or_default();
                if let Some(end) = match_elems(rest, tokens, i + 1, &mut form) {
                    out.push(Hit { item: id, start: i, end, form });
                }
            }
        }
        out
    }
}

/// Whether a word whose bit is in `mask` may stand where a phrase's next word is looked for:
/// from token `from` on, after a gap of up to `gap` tokens and any quote marks (which
/// `match_elems` passes over). A phrase whose next word is nowhere there cannot match, so
/// this is only a quicker "no".
#[inline]
fn may_follow(classes: &[u32], from: usize, gap: usize, mask: u64) -> bool {
    let mut last = from + gap;
    let mut j = from;
    while let Some(&b) = classes.get(j) {
        if mask >> (b & 63) & 1 != 0 {
            return true;
        }
        if b & QUOTE != 0 {
            last += 1;
        }
        if j >= last {
            return false;
        }
        j += 1;
    }
    false
}

/// Whether two words are the same. Word lists are scanned once per candidate token and some
/// hold a hundred words, many of the token's length: the first byte settles most of them
/// without a call to compare the rest.
#[inline]
fn same_word(w: &str, norm: &str) -> bool {
    w.len() == norm.len() && w.as_bytes().first() == norm.as_bytes().first() && w == norm
}

/// Whether a token stops a gap: sentence and clause punctuation and quotes.
/// Punctuation ends a gap, except hyphens, quote marks and currency signs, which sit inside a
/// clause ("warned of 'catastrophic consequences'", "disbursed a $1.1 billion tranche").
fn stops_gap(t: &Token) -> bool {
    (t.kind == TokenKind::Punct
        && !matches!(t.norm.as_str(), "-" | "\"" | "'" | "$" | "€" | "£" | "%"))
        // A gap stays inside its clause: "mass protests that were crushed by force" is no
        // massing of forces. (Capitalised inside a sentence, "WHO" is the health agency.)
        || (!t.capitalised
            && matches!(
                t.norm.as_str(),
                "that" | "which" | "who" | "whom" | "whose" | "because" | "unless"
            ))
}

fn match_elems(el: &[Element], toks: &[Token], i: usize, form: &mut Option<Form>) -> Option<usize> {
    match el.split_first() {
        None => Some(i),
        Some((Element::Words(ws), rest)) => {
            let t = toks.get(i)?;
            // "would \"respond accordingly\"": a quote mark opened or closed inside a phrase is
            // no word of it.
            if matches!(t.norm.as_str(), "\"" | "'")
                && !ws.iter().any(|(w, _)| same_word(w, &t.norm))
            {
                return match_elems(el, toks, i + 1, form);
            }
            let (_, f) = ws.iter().find(|(w, _)| same_word(w, &t.norm))?;
            let before = *form;
            if form.is_none() {
                *form = *f;
            }
            let r = match_elems(rest, toks, i + 1, form);
            if r.is_none() {
                *form = before;
            }
            r
        }
        Some((Element::Gap(max), rest)) => {
            for k in 0..=*max {
                // ("rescue teams from China, India and Russia arrived": a comma between two
                // names of a list stays inside the gap.)
                let listed_comma = |j: usize| {
                    j > 0
                        && toks.get(j).is_some_and(|t| t.norm == ",")
                        && toks.get(j - 1).is_some_and(|t| t.capitalised)
                        && toks.get(j + 1).is_some_and(|t| t.capitalised)
                };
                if k > 0 && stops_gap(toks.get(i + k - 1)?) && !listed_comma(i + k - 1) {
                    // "disputed that notion": a "that" right before the next word is its
                    // determiner, not a clause.
                    let determiner = k == 1 && toks.get(i).is_some_and(|t| t.norm == "that");
                    return if determiner { match_elems(rest, toks, i + k, form) } else { None };
                }
                // "condemned the move and dispatched warships": a gap does not run on into the
                // next verb of a coordination.
                if k > 1
                    && toks.get(i + k - 2).is_some_and(|t| t.norm == "and")
                    && toks.get(i + k - 1).is_some_and(|t| {
                        !t.capitalised
                            && ((t.norm.len() > 4 && t.norm.ends_with("ed"))
                                || crate::inflect::is_irregular_past(&t.norm))
                    })
                {
                    return None;
                }
                // "was banned and the EU has banned exports": after "and", an auxiliary opens
                // a clause of its own.
                // (The rare "and" is looked for first: the auxiliary list is the longer test.)
                if k > 2
                    && toks.get(i..i + k - 2).is_some_and(|g| g.iter().any(|t| t.norm == "and"))
                    && toks.get(i + k - 1).is_some_and(|t| {
                        AUXILIARIES.contains(&t.norm.as_str())
                            || matches!(t.norm.as_str(), "is" | "are" | "was" | "were")
                    })
                {
                    return None;
                }
                if let Some(e) = match_elems(rest, toks, i + k, form) {
                    return Some(e);
                }
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_phrase;

    #[test]
    fn finds_inflected_phrases_with_gaps() {
        let mut m = Matcher::default();
        m.add(parse_phrase("~agree to * ceasefire").unwrap_or_default(), "agree");
        m.add(parse_phrase("~strike").unwrap_or_default(), "strike");
        let toks = lapwing_text::tokenize("Israel and Syria agreed to a ceasefire and struck.", 0);
        let hits = m.find_all(&toks);
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].start, hits[0].end), (3, 7));
        assert_eq!(hits[0].form, Some(Form::Past));
        assert_eq!(m.item(hits[1].item), Some(&"strike"));
        let toks = lapwing_text::tokenize("agreed to, ceasefire", 0);
        assert!(m.find_all(&toks).is_empty());
        // Regression: "the move and dispatched warships" read as "~move * +warship".
        m.add(parse_phrase("~move * +warship").unwrap_or_default(), "move");
        let toks = lapwing_text::tokenize("Taiwan condemned the move and dispatched warships.", 0);
        assert!(m.find_all(&toks).iter().all(|h| m.item(h.item) != Some(&"move")));
        // Regression: "slapped 25% tariffs" - a percent sign is part of an amount.
        m.add(parse_phrase("~slap * +tariff").unwrap_or_default(), "tariff");
        let toks = lapwing_text::tokenize("Canada slapped 25% tariffs on steel.", 0);
        assert_eq!(m.find_all(&toks).len(), 1);
        // Regression: quote marks inside a phrase ("would \"respond accordingly\"").
        m.add(parse_phrase("would ~respond accordingly").unwrap_or_default(), "respond");
        let toks =
            lapwing_text::tokenize("Rubio said Washington would \"respond accordingly\".", 0);
        assert!(m.find_all(&toks).iter().any(|h| m.item(h.item) == Some(&"respond")));
        // A "that" right before the next word is a determiner; anywhere else it starts a
        // clause the gap does not cross.
        m.add(parse_phrase("~dispute * +notion").unwrap_or_default(), "dispute");
        let toks = lapwing_text::tokenize("Officials disputed that notion.", 0);
        assert!(m.find_all(&toks).iter().any(|h| m.item(h.item) == Some(&"dispute")));
        let toks = lapwing_text::tokenize("Officials disputed that the notion was new.", 0);
        assert!(m.find_all(&toks).iter().all(|h| m.item(h.item) != Some(&"dispute")));
        // Regression: "has been banned and the EU has banned exports" read the first "banned"
        // with the second clause's object.
        m.add(parse_phrase("~ban * +export").unwrap_or_default(), "export ban");
        let toks = lapwing_text::tokenize("Travel was banned and the EU has banned exports.", 0);
        let bans: Vec<_> = m
            .find_all(&toks)
            .into_iter()
            .filter(|h| m.item(h.item) == Some(&"export ban"))
            .collect();
        assert_eq!(bans.len(), 1);
        assert_eq!(bans[0].start, 7);
        // Regression: "warned the WHO to" stopped at "WHO" read as the pronoun "who".
        m.add(parse_phrase("~warn *4 to").unwrap_or_default(), "warn");
        let toks = lapwing_text::tokenize("China warned the WHO to be cautious.", 0);
        assert!(m.find_all(&toks).iter().any(|h| m.item(h.item) == Some(&"warn")));
        let toks = lapwing_text::tokenize("China warned people who went to Wuhan.", 0);
        assert!(m.find_all(&toks).iter().all(|h| m.item(h.item) != Some(&"warn")));
    }
}
