//! Plain data passed between the pipeline stages.
//!
//! Every stage takes these values in and hands new ones out; none of them
//! touches the file system. Keeping the types in one place lets each stage be
//! read (and tested) on its own: `ingest` makes [`Article`]s, `segment` turns
//! an article into a [`Document`] of classified blocks and sentences, and the
//! analysis stages refer to sentences by [`SentRef`] (document index within
//! the story, sentence index within the document).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable name of one source article, unique across the seeds folder:
/// the file's path below the seeds folder without its extension
/// (`storyA/fox` for `storyA/fox.txt`), the bare stem for a file at the top
/// level, or the front matter `id` when the file gives one.
///
/// Only ingest makes ids (from a path or from front matter): the analysis
/// stages refer to documents by index and never rebuild an id from one, and
/// assembly ([`crate::assemble::assemble`]) is the one place an id becomes a
/// string of the output contract. The type reads like a `&str` (`Deref`,
/// `Display`, comparisons with strings), so code that only shows or
/// compares ids needs no change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct SourceId(String);

impl SourceId {
    /// For ingest (and tests): every other stage receives ids, never makes them.
    pub(crate) fn new(id: impl Into<String>) -> SourceId {
        SourceId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SourceId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SourceId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SourceId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for SourceId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for SourceId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for SourceId {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

/// Tests of the analysis stages name their hand-made documents directly.
#[cfg(test)]
impl From<&str> for SourceId {
    fn from(id: &str) -> SourceId {
        SourceId::new(id)
    }
}

impl From<SourceId> for String {
    fn from(id: SourceId) -> String {
        id.0
    }
}

/// The role a block of text plays in an article. Only paragraphs and list
/// items carry claims; headings never become facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
}

/// One block of an article body: a paragraph, a heading or a list item, as
/// the source laid it out. `line` is the 1-based line of the source file the
/// block starts on (for messages and links).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub line: usize,
}

/// An article as read from one input file, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Stable id, unique across the seeds folder (see [`SourceId`]).
    pub id: SourceId,
    /// The file's path below the seeds folder, with `/` (`storyA/fox.txt`):
    /// never a machine path, so output is the same wherever the seeds are.
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Explicit story key: front matter `story:` or the subfolder name.
    pub story: Option<String>,
    /// Body blocks in reading order, not yet cleaned or classified.
    pub blocks: Vec<Block>,
}

/// One sentence of a document, verbatim from its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the block (in `Document::blocks`) the sentence stands in.
    pub block: usize,
    /// Byte range of the sentence inside that block's text.
    pub start: usize,
    pub end: usize,
    /// The sentence text, trimmed, exactly as in the source.
    pub text: String,
    /// The role of the block it stands in.
    pub role: BlockKind,
}

/// An article after cleaning and sentence splitting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub article: Article,
    /// Cleaned, classified blocks (page furniture removed).
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// A document of plain paragraph sentences, for tests of the analysis
    /// stages that need no real segmentation.
    #[cfg(test)]
    pub fn from_sentences(id: &str, sentences: &[&str]) -> Document {
        Document {
            article: Article {
                id: SourceId::new(id),
                ..Article::default()
            },
            blocks: Vec::new(),
            sentences: sentences
                .iter()
                .map(|s| Sentence {
                    block: 0,
                    start: 0,
                    end: s.len(),
                    text: s.to_string(),
                    role: BlockKind::Paragraph,
                })
                .collect(),
        }
    }

    /// Sentences that can state a claim (not headings).
    pub fn claim_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.role != BlockKind::Heading)
    }
}

/// A sentence of a story, named by document index (within the story) and
/// sentence index (within the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SentRef {
    pub doc: usize,
    pub sent: usize,
}

/// A story: documents that report one event, in a stable order (by id).
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub docs: Vec<Document>,
}
