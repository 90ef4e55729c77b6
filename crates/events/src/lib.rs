//! The event coder of lapwing: a pattern lexicon of PLOVER event triggers, mode cues, auxiliary
//! cues and context cues (`data/events/*.tsv`), and the coder that finds events in a document's
//! sentences given the actor mentions of each sentence.
//!
//! For every trigger it decides who did it and to whom from the syntax around the trigger
//! (subject and object, passive "by", "between X and Y", country adjectives, light verbs such
//! as "carried out", quotes and their speakers), whether it happened (negated, hypothetical,
//! future, historical), its modes and contexts, and folds repeated reports of one event into
//! one candidate. Dates and places are left to the caller.
//!
//! ```
//! use lapwing_events::EventCoder;
//! let (coder, diags) = EventCoder::from_sources(&EventCoder::builtin_sources());
//! assert!(diags.is_empty(), "{diags:?}");
//! let text = "Nothing happened here.";
//! let sentences = lapwing_text::segment(text);
//! let mentions = vec![Vec::new(); sentences.len()];
//! assert!(coder.code_document(text, &sentences, &mentions).is_empty());
//! ```
#![deny(missing_docs)]

mod coder;
pub mod inflect;
pub mod lexicon;
pub mod matcher;

pub use coder::{EventCandidate, EventCoder, Triggers};
pub use lapwing_core::plover::{Context, Mode};
