//! The event record (version 1) the coder emits, field for field as the project's
//! `spec/event-record.md` defines it, with field names from the PLOVER data-exchange table.
//!
//! Field order here is the order of the JSON output, so records read the same everywhere.

use crate::plover::{ActorCode, Context, EventType, Mode, Sector};
use serde::{Deserialize, Serialize};

/// One coded actor or recipient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Entity {
    /// The words in the text.
    pub entity_text: String,
    /// Canonical name, when known.
    pub identifier_text: Option<String>,
    /// A stable id (Wikidata Q-id) when known.
    pub identifier_id: Option<String>,
    /// Country or non-state code; `None` when nothing says.
    pub code: Option<ActorCode>,
    /// PLOVER sector.
    pub sector: Option<Sector>,
    /// Further sectors.
    #[serde(default)]
    pub other_sector_codes: Vec<Sector>,
    /// Ethnic group, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<String>,
    /// Religious group, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub religion: Option<String>,
    /// Office held, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place as the gazetteer names it.
    pub name: String,
    /// The words in the text.
    pub text: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// First-level division, when known.
    pub admin1: Option<String>,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// GeoNames id, when the gazetteer has one.
    pub geonames_id: Option<u64>,
    /// `country`, `admin1`, `admin2`, `city`, `region` or `other`.
    pub feature: String,
}

/// PLOVER's auxiliary modes: whether the event really happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Aux {
    /// The text says it did not happen.
    pub negated: bool,
    /// Conditional or possible only.
    pub hypothetical: bool,
    /// Announced or planned.
    pub future: bool,
    /// Long past, told as background.
    pub historical: bool,
}

/// Where the sentence of a record is in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextInfo {
    /// 0-based sentence number.
    pub sequence: usize,
    /// Start of the sentence, in Unicode code points.
    pub start: usize,
    /// End of the sentence, in Unicode code points.
    pub end: usize,
}

/// The document a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CiteInfo {
    /// Its address.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
}

/// A span of the document given in code points, with the words it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// The words.
    pub text: String,
}

/// One lexicon entry that coded part of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRef {
    /// What the entry coded: `actor`, `recipient`, `trigger`, `mode`, `aux`, `date`, `place`.
    pub role: String,
    /// The entry's identifier (its key in the lexicon).
    pub entry: String,
    /// Where the entry is defined (`file:line`).
    pub source: String,
    /// The words it matched.
    pub text: String,
}

/// Why a record was coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Evidence {
    /// The pattern that fired (`events/assault.tsv:12` style identifier).
    pub pattern: String,
    /// The trigger's span.
    pub trigger: Option<TextSpan>,
    /// The lexicon entries that coded each entity, mode and modifier.
    pub entries: Vec<EntryRef>,
    /// How the date and the place were chosen, and any other reasoning worth showing.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Further sentences that report the same event in this document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_reported: Vec<TextInfo>,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Stable identifier: the same input and lexicon give the same id.
    pub id: String,
    /// The input document's id.
    pub doc_id: String,
    /// PLOVER category.
    pub event: EventType,
    /// PLOVER modes of that category.
    pub mode: Vec<Mode>,
    /// PLOVER contexts.
    pub context: Vec<Context>,
    /// Who did it.
    pub actor: Vec<Entity>,
    /// To whom.
    pub recipient: Vec<Entity>,
    /// `YYYY-MM-DD`, the day it happened.
    pub date: Option<String>,
    /// Last day, for events reported over a span.
    pub enddate: Option<String>,
    /// `day`, `week`, `month`, `year` or `unknown`.
    pub date_precision: String,
    /// The words that fixed the date.
    pub date_text: Option<String>,
    /// Where it happened.
    pub event_loc: Option<Location>,
    /// The words that signal the event.
    pub event_text: String,
    /// 1..4, PLOVER's quad class.
    pub quad_code: u8,
    /// PLOVER conflict-cooperation score.
    pub event_scale: f64,
    /// Auxiliary modes.
    pub aux: Aux,
    /// The sentence it was coded from.
    pub text: String,
    /// Where that sentence is.
    pub text_info: TextInfo,
    /// The document's citation.
    pub cite_info: CiteInfo,
    /// 0..1, how sure the coder is.
    pub confidence: f64,
    /// Why it was coded.
    pub evidence: Evidence,
    /// Program name and version.
    pub coder: String,
    /// The date of coding.
    pub coded_date: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_serialises_with_spec_names() {
        let e = Entity {
            entity_text: "the IDF".into(),
            identifier_text: Some("Israel Defense Forces".into()),
            code: ActorCode::new("ISR"),
            sector: Some(Sector::Mil),
            ..Default::default()
        };
        let j = serde_json::to_string(&e).unwrap_or_default();
        assert_eq!(
            j,
            r#"{"entity_text":"the IDF","identifier_text":"Israel Defense Forces","identifier_id":null,"code":"ISR","sector":"MIL","other_sector_codes":[]}"#
        );
    }
}
