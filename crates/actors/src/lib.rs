//! `lapwing-actors`: the actor lexicon and the actor coder.
//!
//! The lexicon (data/actors/*.tsv, embedded at build time, overlayable by a user's files) names
//! states, capitals and seats of power, international and non-governmental organisations, armed
//! groups, state organs, people with dated roles, generic agent nouns, titles, ethnic and
//! religious groups. It is compiled into one Aho-Corasick automaton over normalised token
//! sequences, so a sentence is scanned once whatever the lexicon's size.
//!
//! Coding a document has two passes. Within each sentence, lexicon atoms and the words around
//! them are composed into mentions ("Syrian" + "army" → SYR MIL; "US Ambassador to Turkey Tom
//! Barrack" → USA GOV; "Israeli strikes" → "Israeli" as ISR MIL). Over the document, the
//! dominant country supplies the country of bare nouns ("protesters", "the Druze"), and
//! pronouns, surnames and definite descriptions ("the army", "the country") are resolved to the
//! nearest compatible earlier mention.
//!
//! ```
//! use lapwing_actors::ActorCoder;
//! let (coder, diags) = ActorCoder::from_sources(&ActorCoder::builtin_sources());
//! assert!(diags.iter().all(|d| d.severity != lapwing_lexicon::Severity::Error), "{diags:?}");
//! let m = coder.explain("the Syrian army", Some("2025-07-17"));
//! assert_eq!(m[0].entity.code.unwrap().as_str(), "SYR");
//! assert_eq!(m[0].entity.sector.unwrap().as_str(), "MIL");
//! ```
#![deny(missing_docs)]

mod compose;
mod document;
mod lexicon;
mod matcher;

use lapwing_core::{Mention, Sentence};
use lapwing_lexicon::{Diagnostic, Source};

/// The embedded lexicon files, in load order.
const BUILTIN: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../../data/actors/countries.tsv")),
    ("organisations.tsv", include_str!("../../../data/actors/organisations.tsv")),
    ("armed_groups.tsv", include_str!("../../../data/actors/armed_groups.tsv")),
    ("state_organs.tsv", include_str!("../../../data/actors/state_organs.tsv")),
    ("people.tsv", include_str!("../../../data/actors/people.tsv")),
    ("agents.tsv", include_str!("../../../data/actors/agents.tsv")),
    ("groups.tsv", include_str!("../../../data/actors/groups.tsv")),
];

/// The actor coder: a compiled actor lexicon.
pub struct ActorCoder {
    lex: lexicon::Lexicon,
}

impl ActorCoder {
    /// The embedded lexicon files (include_str! of data/actors/*.tsv), named
    /// "builtin:actors/<file>".
    pub fn builtin_sources() -> Vec<Source> {
        BUILTIN
            .iter()
            .map(|(name, text)| Source::new(format!("builtin:actors/{name}"), *text))
            .collect()
    }

    /// Compiles sources in order; later sources overlay earlier ones: a new key adds, the same
    /// key overrides, `@disable<TAB>KEY` removes. Every bad line is a Diagnostic
    /// (file:line:column), the rest still loads.
    pub fn from_sources(sources: &[Source]) -> (ActorCoder, Vec<Diagnostic>) {
        let (lex, diags) = lexicon::compile(sources);
        (ActorCoder { lex }, diags)
    }

    /// The built-in lexicon alone.
    pub fn builtin() -> (ActorCoder, Vec<Diagnostic>) {
        ActorCoder::from_sources(&ActorCoder::builtin_sources())
    }

    /// Number of compiled entries (after overlays).
    pub fn entry_count(&self) -> usize {
        self.lex.entries.len()
    }

    /// Mentions per sentence (outer Vec has sentences.len() items), in token order,
    /// non-overlapping. `dates[i]` is the YYYY-MM-DD date that applies to sentence i; it may be
    /// shorter than `sentences` or hold None: then the last known date applies, else every
    /// role counts as current.
    pub fn code_document(
        &self,
        text: &str,
        sentences: &[Sentence],
        dates: &[Option<String>],
    ) -> Vec<Vec<Mention>> {
        document::code_document(&self.lex, text, sentences, dates)
    }

    /// How a phrase codes (for `lapwing lexicon explain "text" --date D`).
    pub fn explain(&self, phrase: &str, date: Option<&str>) -> Vec<Mention> {
        let sentences = lapwing_text::segment(phrase);
        let dates = vec![date.map(str::to_string)];
        self.code_document(phrase, &sentences, &dates).into_iter().flatten().collect()
    }
}
