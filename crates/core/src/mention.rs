//! Actor mentions: the actor coder's output and the event coder's input.
//!
//! A mention is a stretch of a sentence that names or refers to an actor, with the entity it
//! was coded as and the lexicon entries that coded it. Mentions of countries and capitals are
//! marked as such, because the same words may be an actor ("Syria agreed") or a place ("in
//! Syria"); the event coder decides which from the syntax around them.

use crate::record::{Entity, EntryRef};
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What kind of words a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MentionKind {
    /// A proper name of a person, organisation or group ("Marco Rubio", "the IDF", "Hamas").
    Name,
    /// A country's name ("Syria", "the United States"): an actor or a place.
    Country,
    /// A capital or seat of power standing for a government ("Damascus", "the Kremlin"): an
    /// actor when it acts, a place otherwise.
    Capital,
    /// A place the lexicon ties to a state ("Gaza", "Kharkiv", "Darfur"): the state's
    /// recipient when it is what an event targets ("struck Gaza", "withdrew from Kherson"),
    /// never an actor nor an antecedent.
    Place,
    /// A common noun phrase for an agent ("Syrian troops", "protesters", "the government").
    Nominal,
    /// A pronoun or a definite description resolved to an earlier mention ("he", "the group").
    Pronoun,
}

impl MentionKind {
    /// Whether the words name a territory (a country, a capital, a place), which may stand for
    /// its state or only say where something happened.
    pub fn names_territory(self) -> bool {
        matches!(self, MentionKind::Country | MentionKind::Capital | MentionKind::Place)
    }
}

/// One actor mention in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is in the document.
    pub span: Span,
    /// Its tokens, as indices into the sentence's token list.
    pub tokens: Range<usize>,
    /// The token the phrase is about ("troops" in "Syrian troops"), as a sentence token index.
    pub head: usize,
    /// How it is coded.
    pub entity: Entity,
    /// What kind of words it is.
    pub kind: MentionKind,
    /// The lexicon entries that coded it (and, for a resolved pronoun, the antecedent's).
    pub entries: Vec<EntryRef>,
    /// For a pronoun or description: the sentence index and mention index it was resolved to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<(usize, usize)>,
}
