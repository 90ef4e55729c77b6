//! Test helpers: documents and event records built from compact hand codes, so that store
//! tests do not depend on how well the coder codes yet. Shared by the tests and the example
//! that makes the schema fixtures.
#![allow(dead_code)]

use lapwing_core::plover::{ActorCode, EventType, Mode, Sector};
use lapwing_core::{Aux, CiteInfo, Document, Entity, EventRecord, Evidence, Location, TextInfo};
use serde::Deserialize;

/// A place in a hand code.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Place {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default = "city")]
    pub feature: String,
}

fn city() -> String {
    "city".into()
}

/// One hand-coded event: what a careful coder takes from a sentence.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Code {
    pub doc_id: String,
    pub event: String,
    #[serde(default)]
    pub mode: Vec<String>,
    #[serde(default)]
    pub actor: Vec<String>,
    #[serde(default)]
    pub recipient: Vec<String>,
    pub date: Option<String>,
    #[serde(default = "day")]
    pub date_precision: String,
    pub place: Option<Place>,
    #[serde(default)]
    pub negated: bool,
    pub sentence: String,
}

fn day() -> String {
    "day".into()
}

/// `"SYR:MIL"`, `"SYR"`, `":UAF"` or a name `"=Druze militias"` as an entity.
pub fn entity(spec: &str) -> Entity {
    if let Some(name) = spec.strip_prefix('=') {
        return Entity {
            entity_text: name.into(),
            identifier_text: Some(name.into()),
            ..Default::default()
        };
    }
    let (code, sector) = spec.split_once(':').unwrap_or((spec, ""));
    Entity {
        entity_text: spec.into(),
        code: ActorCode::new(code),
        sector: sector.parse::<Sector>().ok(),
        ..Default::default()
    }
}

/// The record of a hand code, as the `pos`-th record of its document.
pub fn record(c: &Code, doc: &Document, pos: usize) -> EventRecord {
    let event: EventType = c.event.parse().unwrap_or(EventType::Assault);
    let modes: Vec<Mode> = c.mode.iter().filter_map(|m| m.parse().ok()).collect();
    EventRecord {
        id: format!("{}-e{pos}", c.doc_id),
        doc_id: c.doc_id.clone(),
        event,
        mode: modes.clone(),
        context: vec![],
        actor: c.actor.iter().map(|s| entity(s)).collect(),
        recipient: c.recipient.iter().map(|s| entity(s)).collect(),
        date: c.date.clone(),
        enddate: None,
        date_precision: if c.date.is_some() { c.date_precision.clone() } else { "unknown".into() },
        date_text: None,
        event_loc: c.place.as_ref().map(|p| Location {
            name: p.name.clone(),
            text: p.name.clone(),
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            lat: p.lat,
            lon: p.lon,
            geonames_id: None,
            feature: p.feature.clone(),
        }),
        event_text: c.sentence.split_whitespace().nth(1).unwrap_or("").to_string(),
        quad_code: event.quad().code(),
        event_scale: event.scale(modes.first().copied()),
        aux: Aux { negated: c.negated, ..Default::default() },
        text: c.sentence.clone(),
        text_info: TextInfo { sequence: pos, start: 0, end: c.sentence.chars().count() },
        cite_info: CiteInfo {
            url: doc.url.clone(),
            title: doc.title.clone(),
            source: doc.source.clone(),
            published: doc.published.clone(),
        },
        confidence: 0.8,
        evidence: Evidence { pattern: "hand".into(), ..Default::default() },
        coder: "hand".into(),
        coded_date: "2025-07-21".into(),
    }
}

/// Documents of a JSON Lines file.
pub fn read_docs(path: &std::path::Path) -> Vec<Document> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// Hand codes of a JSON Lines file.
pub fn read_codes(path: &std::path::Path) -> Vec<Code> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// Each document with its records, in document order.
pub fn batch(docs: &[Document], codes: &[Code]) -> Vec<(Document, Vec<EventRecord>)> {
    docs.iter()
        .map(|d| {
            let recs = codes
                .iter()
                .filter(|c| c.doc_id == d.id)
                .enumerate()
                .map(|(i, c)| record(c, d, i))
                .collect();
            (d.clone(), recs)
        })
        .collect()
}

/// The articles about the same events in different words, with their hand codes.
pub fn dup_articles() -> Vec<(Document, Vec<EventRecord>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let docs = read_docs(&dir.join("dup-articles.jsonl"));
    let codes = read_codes(&dir.join("dup-articles.codes.jsonl"));
    batch(&docs, &codes)
}
