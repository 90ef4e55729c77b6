//! Core types shared by every lapwing stage: documents, spans, sentences and tokens, coded
//! entities and events, and the PLOVER vocabularies as enums.
//!
//! This crate knows nothing about how text is segmented, how actors or events are found, or how
//! records are stored; it only fixes the vocabulary the other crates speak. PLOVER categories,
//! modes, contexts and sectors are enums whose serde names are spelled exactly as the PLOVER
//! data-exchange table spells them, so that a typo cannot reach an output record.
//!
//! ```
//! use lapwing_core::plover::{EventType, Mode};
//! let ev: EventType = "ASSAULT".parse().unwrap();
//! assert_eq!(ev.quad(), lapwing_core::plover::Quad::MaterialConflict);
//! assert_eq!(ev.scale(Some(Mode::Aerial)), -9.5);
//! assert!(Mode::Aerial.belongs_to(ev));
//! ```
#![deny(missing_docs)]

pub mod document;
pub mod mention;
pub mod plover;
pub mod record;
pub mod text;

pub use document::Document;
pub use mention::{Mention, MentionKind};
pub use record::{
    Aux, CiteInfo, Entity, EntryRef, EventRecord, Evidence, Location, TextInfo, TextSpan,
};
pub use text::{Sentence, Span, Token, TokenKind};
