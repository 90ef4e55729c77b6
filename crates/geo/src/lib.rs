//! `lapwing-geo`: an offline gazetteer and geoparser for news text.
//!
//! The gazetteer (countries, first-level divisions, US counties, populated places of 1,000+
//! people and hand-written named regions, all derived from GeoNames) is embedded in the binary
//! as plain TSV and parsed once with [`Gazetteer::embedded`]. A [`Geoparser`] then finds place
//! mentions in text and resolves each to one [`Place`], and [`event_place`] picks the place an
//! event happened from the mentions around its trigger.
//!
//! Everything is pure: no I/O after loading, no global state, deterministic output, no panics on
//! any input, and time linear in the text length.
//!
//! How names are found: rather than an Aho-Corasick automaton over the million name variants
//! (which would take seconds and hundreds of MB to build at start-up), the gazetteer indexes a
//! 64-bit hash of each normalised name, and the parser walks the text's capitalised words,
//! hashing runs of up to six words incrementally and probing the index at each step
//! (leftmost-longest match, word boundaries by construction). Loading takes about 0.2 s of CPU
//! time; parsing runs at over 20 MB/s per core.
//!
//! How a name is resolved: candidates are ranked by feature type and population; then by what
//! the rest of the text says (countries and provinces of other mentions, weighted by distance in
//! the text; towns within 150 km of other towns; "Town, State" patterns; "X province"); then
//! common words, person names, newspapers and diseases named after places are filtered out.
//! [`Geoparser::explain`] shows the candidate scores for tuning.
#![deny(missing_docs)]

mod gazetteer;
mod locate;
mod norm;
mod parser;

pub use gazetteer::{Gazetteer, GazetteerError, SourceKind, TsvSource};
pub use locate::{event_place, PlaceBasis};
pub use parser::{Geoparser, Scored};

use serde::Serialize;
use std::fmt;

/// The kind of a place, as written in the event record's Location object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    /// A sovereign state or dependent territory.
    Country,
    /// A first-level administrative division (state, province, governorate, oblast).
    Admin1,
    /// A second-level division (a US county).
    Admin2,
    /// A populated place.
    City,
    /// A named region that is not an administrative unit ("the Sahel", "the West Bank").
    Region,
    /// Anything else.
    Other,
}

impl Feature {
    /// The lower-case name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Admin1 => "admin1",
            Feature::Admin2 => "admin2",
            Feature::City => "city",
            Feature::Region => "region",
            Feature::Other => "other",
        }
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A gazetteer entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// The place's name in the gazetteer ("As-Suwayda").
    pub name: String,
    /// ISO 3166-1 alpha-3 of the country; empty for regions spanning several countries.
    pub country: String,
    /// Name of the first-level division, when known.
    pub admin1: Option<String>,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// GeoNames id, when the gazetteer has one.
    pub geonames_id: Option<u64>,
    /// The kind of place.
    pub feature: Feature,
    /// Population (0 when unknown); used to rank candidates.
    pub population: u64,
}

/// A place found in text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    /// Byte offset of the first byte of the mention in the input text.
    pub start: usize,
    /// Byte offset one past the last byte of the mention.
    pub end: usize,
    /// The words in the text.
    pub text: String,
    /// The place the mention was resolved to.
    pub place: Place,
    /// True for adjectives and demonyms standing for a place ("Syrian", "Turkish").
    pub is_adjectival: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_match_the_event_record() {
        let all = [
            Feature::Country,
            Feature::Admin1,
            Feature::Admin2,
            Feature::City,
            Feature::Region,
            Feature::Other,
        ];
        for f in all {
            // Serde's lower-case renaming and Display must agree with event-record.md.
            assert_eq!(serde_json::to_string(&f).ok(), Some(format!("\"{f}\"")));
        }
        let names: Vec<String> = all.iter().map(|f| f.to_string()).collect();
        assert_eq!(names, ["country", "admin1", "admin2", "city", "region", "other"]);
    }
}
