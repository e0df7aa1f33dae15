//! Plain data passed between the pipeline stages.
//!
//! Every stage takes these values in and hands new ones out; none of them
//! touches the file system. Keeping the types in one place lets each stage be
//! read (and tested) on its own: `ingest` makes [`Article`]s, `segment` turns
//! an article into a [`Document`] of classified blocks and sentences, and the
//! analysis stages refer to sentences by [`SentRef`] (document index within
//! the story, sentence index within the document).

use serde::Serialize;

/// The role a block of text plays in an article. Only paragraphs and list
/// items carry claims; headings never become facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    /// Stable id: the file name without extension, or front matter `id`.
    pub id: String,
    /// The path as given on input (relative to where parallax runs), with `/`.
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
                id: id.to_string(),
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
