//! Quotes: find direct quotations, attribute them to the speaker the source
//! gives, and merge one quotation across the sources that carry it.

use crate::model::Story;

/// One source's rendering of a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Document index within the story.
    pub doc: usize,
    /// Index of the sentence the quotation starts in.
    pub sent: usize,
    /// The quoted words, verbatim, without the quotation marks.
    pub text: String,
    /// The speaker this source gives, normalised; `None` when it gives none.
    pub speaker: Option<String>,
}

/// One quotation, merged across sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Canonical text: the fullest version.
    pub text: String,
    pub speaker: Option<String>,
    /// One mention per source (the fullest), sorted by document.
    pub mentions: Vec<Mention>,
}

/// Finds and merges the key quotations of a story, best first.
pub fn find_quotes(story: &Story) -> Vec<Quotation> {
    let _ = story;
    Vec::new()
}
