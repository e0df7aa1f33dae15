//! Align: find the claims several sources state, however each words them.

use crate::model::{SentRef, Story};

/// Sentences from different sources that state one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactGroup {
    /// At most one sentence per document, sorted by document.
    pub members: Vec<SentRef>,
    /// The clearest member, shown as the fact's text.
    pub rep: SentRef,
    /// Mean similarity of the members to the representative.
    pub cohesion: f32,
}

/// Aligns the sentences of a story into fact groups (two or more sources).
pub fn align(story: &Story) -> Vec<FactGroup> {
    let _ = story;
    Vec::new()
}
