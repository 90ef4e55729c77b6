//! Assembling an event record from an event candidate: stable id, date, place, evidence.

use crate::dating::{DateBasis, Dater};
use lapwing_core::plover::ActorCode;
use lapwing_core::text::CharIndex;
use lapwing_core::{
    CiteInfo, Document, EntryRef, EventRecord, Evidence, Location, Sentence, Span, TextInfo,
    TextSpan,
};
use lapwing_events::EventCandidate;
use lapwing_geo::PlaceMention;

/// What the assembly of every record of one document shares.
pub(crate) struct Context<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub places: &'a [PlaceMention],
    pub char_index: &'a CharIndex,
    pub published: Option<&'a str>,
    pub coded_date: &'a str,
    /// Each country's own place, by ISO 3166-1 alpha-3 code.
    pub countries: &'a std::collections::BTreeMap<String, lapwing_geo::Place>,
}

impl Context<'_> {
    fn text_span(&self, span: Span) -> TextSpan {
        TextSpan {
            start: self.char_index.chars(span.start),
            end: self.char_index.chars(span.end),
            text: span.slice(self.text).to_string(),
        }
    }

    fn text_info(&self, sentence: usize) -> TextInfo {
        let span = self.sentences.get(sentence).map(|s| s.span).unwrap_or_default();
        TextInfo {
            sequence: sentence,
            start: self.char_index.chars(span.start),
            end: self.char_index.chars(span.end),
        }
    }
}

/// FNV-1a, 64 bits: a small stable hash for record ids (std's hasher is not stable across
/// releases, and ids must be).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.iter().chain(std::iter::once(&0xffu8)) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The one state every coded party of an event belongs to, when there is one and an actor
/// carries it.
fn domestic_state(cand: &EventCandidate) -> Option<ActorCode> {
    let mut state: Option<ActorCode> = None;
    for m in cand.actors.iter().chain(cand.recipients.iter()) {
        let Some(code) = m.entity.code.filter(|c| !c.is_non_state()) else { continue };
        match state {
            None => state = Some(code),
            Some(s) if s == code => {}
            Some(_) => return None,
        }
    }
    let state = state?;
    cand.actors.iter().any(|m| m.entity.code == Some(state)).then_some(state)
}

pub(crate) fn assemble(ctx: &Context<'_>, cand: &EventCandidate, dater: &Dater<'_>) -> EventRecord {
    let sentence = ctx.sentences.get(cand.sentence);
    let sentence_span = sentence.map(|s| s.span).unwrap_or(cand.clause);
    let date = dater.choose(cand.sentence, cand.clause, cand.trigger, cand.aux.future);
    // A locative phrase in the event's own clause beats one elsewhere in the sentence ("withdrew
    // from Sweida after the IDF carried out strikes on ... Damascus": the strikes are in Damascus).
    let trigger_range = cand.trigger.start..cand.trigger.end;
    let place = lapwing_geo::event_place(
        ctx.text,
        ctx.places,
        cand.clause.start..cand.clause.end,
        trigger_range.clone(),
    )
    .filter(|(_, basis)| *basis == lapwing_geo::PlaceBasis::Locative)
    .or_else(|| {
        lapwing_geo::event_place(
            ctx.text,
            ctx.places,
            sentence_span.start..sentence_span.end,
            trigger_range,
        )
    });
    // "Hungary's parliament passed a law banning Pride events": an event inside one state that
    // names no place happened in that state, at country precision.
    // A place only near the event (its paragraph, the document's focus) in another country
    // gives way to it as well.
    let state = domestic_state(cand);
    let place = place.filter(|(m, basis)| {
        let near_only = matches!(
            basis,
            lapwing_geo::PlaceBasis::Paragraph | lapwing_geo::PlaceBasis::DocumentFocus
        );
        !(near_only && state.is_some_and(|c| c.as_str() != m.place.country))
    });
    let domestic =
        if place.is_none() { state.and_then(|c| ctx.countries.get(c.as_str())) } else { None };
    let trigger = ctx.text_span(cand.trigger);
    let id = format!(
        "{:016x}",
        fnv1a(&[
            ctx.doc.id.as_bytes(),
            cand.sentence.to_string().as_bytes(),
            trigger.start.to_string().as_bytes(),
            cand.event.as_str().as_bytes(),
            cand.pattern_id.as_bytes(),
        ])
    );
    let mut entries: Vec<EntryRef> = Vec::new();
    for (role, mentions) in [("actor", &cand.actors), ("recipient", &cand.recipients)] {
        for m in mentions.iter() {
            for e in &m.entries {
                entries.push(EntryRef { role: role.to_string(), ..e.clone() });
            }
        }
    }
    entries.extend(cand.entries.iter().cloned());
    let mut notes = Vec::new();
    // "In nineteen ninety-one Keating was convicted", in a story of 1998: an event the text
    // dates two or more calendar years before publication is background history.
    let mut aux = cand.aux;
    let years_back = date
        .date
        .as_deref()
        .filter(|_| date.basis == DateBasis::Expression)
        .and_then(|d| dater.years_before_publication(d));
    if !aux.historical && !aux.future && years_back.is_some_and(|y| y >= 2) {
        aux.historical = true;
        entries.push(EntryRef {
            role: "aux".into(),
            entry: "historical".into(),
            source: "lapwing-time: dated two or more years before publication".into(),
            text: date.text.clone().unwrap_or_default(),
        });
    }
    match date.basis {
        DateBasis::Expression => notes.push(format!(
            "date from the expression {:?}",
            date.text.as_deref().unwrap_or_default()
        )),
        DateBasis::Shift => notes.push(format!(
            "date shifted from the document's main date by {:?}",
            date.text.as_deref().unwrap_or_default()
        )),
        DateBasis::Inherited => notes.push(format!(
            "date carried over from an earlier sentence ({:?})",
            date.text.as_deref().unwrap_or_default()
        )),
        DateBasis::Lede => notes.push(format!(
            "an opening sentence with no date: the day the story names next ({:?})",
            date.text.as_deref().unwrap_or_default()
        )),
        DateBasis::Publication => notes.push("no date expression: publication date".to_string()),
        DateBasis::Unknown => notes.push("no date expression and no publication date".to_string()),
    }
    if let Some(span) = date.span {
        entries.push(EntryRef {
            role: "date".into(),
            entry: "timex".into(),
            source: "lapwing-time".into(),
            text: span.slice(ctx.text).to_string(),
        });
    }
    let event_loc = place.map(|(m, basis)| {
        notes.push(format!("place {:?} chosen by {}", m.text, basis.as_str()));
        entries.push(EntryRef {
            role: "place".into(),
            entry: m
                .place
                .geonames_id
                .map(|g| format!("geonames:{g}"))
                .unwrap_or_else(|| m.place.name.clone()),
            source: "lapwing-geo".into(),
            text: m.text.clone(),
        });
        Location {
            name: m.place.name.clone(),
            text: m.text.clone(),
            country: Some(m.place.country.clone()),
            admin1: m.place.admin1.clone(),
            lat: Some(m.place.lat),
            lon: Some(m.place.lon),
            geonames_id: m.place.geonames_id,
            feature: m.place.feature.to_string(),
        }
    });
    let event_loc = event_loc.or_else(|| {
        let p = domestic?;
        notes.push(format!("no place named: the country of its parties, {}", p.name));
        Some(Location {
            name: p.name.clone(),
            text: String::new(),
            country: Some(p.country.clone()),
            admin1: None,
            lat: Some(p.lat),
            lon: Some(p.lon),
            geonames_id: p.geonames_id,
            feature: p.feature.to_string(),
        })
    });
    let mode = cand.modes.first().copied();
    EventRecord {
        id,
        doc_id: ctx.doc.id.clone(),
        event: cand.event,
        mode: cand.modes.clone(),
        context: cand.contexts.clone(),
        actor: cand.actors.iter().map(|m| m.entity.clone()).collect(),
        recipient: cand.recipients.iter().map(|m| m.entity.clone()).collect(),
        date: date.date,
        enddate: date.enddate,
        date_precision: date.precision,
        date_text: date.text,
        event_loc,
        event_text: trigger.text.clone(),
        quad_code: cand.event.quad().code(),
        event_scale: cand.event.scale(mode),
        aux,
        text: sentence_span.slice(ctx.text).to_string(),
        text_info: ctx.text_info(cand.sentence),
        cite_info: CiteInfo {
            url: ctx.doc.url.clone(),
            title: ctx.doc.title.clone(),
            source: ctx.doc.source.clone(),
            published: ctx.doc.published.clone().or_else(|| ctx.published.map(str::to_string)),
        },
        confidence: (cand.confidence.clamp(0.0, 1.0) * 1000.0).round() / 1000.0,
        evidence: Evidence {
            pattern: format!("{} ({})", cand.pattern_id, cand.pattern_source),
            trigger: Some(trigger),
            entries,
            notes,
            also_reported: cand.also_reported.iter().map(|&s| ctx.text_info(s)).collect(),
        },
        coder: crate::CODER.to_string(),
        coded_date: ctx.coded_date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable_and_separates_parts() {
        assert_eq!(fnv1a(&[b"a"]), fnv1a(&[b"a"]));
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
        assert_eq!(format!("{:016x}", fnv1a(&[])), "cbf29ce484222325");
    }
}
