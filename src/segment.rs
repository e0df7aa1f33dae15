//! Segment: clean an article's blocks (drop page furniture, tell headings and
//! list items from paragraphs) and split them into sentences.

use crate::model::{Article, Document};

/// Cleans and splits one article.
pub fn segment(article: Article) -> Document {
    Document {
        blocks: article.blocks.clone(),
        article,
        sentences: Vec::new(),
    }
}

/// Does this line read as a headline (short, no final period)?
pub fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() < 160 && !t.ends_with('.')
}
