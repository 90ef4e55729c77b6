//! Quotes and their speakers: which tokens of a document are inside quotation marks and who
//! said them, whether the speaker is named before the quote, after it, or in another sentence.

use super::*;

/// Per token: `Some(speaker)` inside a quote, the speaker being a (sentence, mention) pair when
/// known.
pub(super) type QuoteSlots = Vec<Option<Option<(usize, usize)>>>;

/// Which tokens are inside quotes, and who spoke each quote.
pub(super) struct QuoteMap {
    /// Per sentence, per token: the speaker of the quote the token is in, when inside one;
    /// `Some(None)` inside a quote whose speaker is not known.
    pub(super) inside: Vec<QuoteSlots>,
}

impl QuoteMap {
    pub(super) fn build(
        coder: &EventCoder,
        sentences: &[Sentence],
        mentions: &[Vec<Mention>],
    ) -> QuoteMap {
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

    pub(super) fn speaker(&self, s: usize, t: usize) -> Option<Option<(usize, usize)>> {
        self.inside.get(s).and_then(|r| r.get(t)).copied().flatten()
    }
}

/// `"...," said X` / `"...," X said`: the first usable mention within a few tokens after the
/// closing quote, when a speech verb is there too.
pub(super) fn speaker_after(
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
pub(super) fn speaker_before(
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
