//! Segment: clean an article's blocks (drop page furniture, tell headings and
//! list items from paragraphs) and split them into sentences.
//!
//! Cleaning is a small classifier over each block, not a list of the sample's
//! strings:
//! - **furniture** ([`is_furniture`]): lines without any letter or digit
//!   (lone bullets, rules), and short lines that match the vocabulary of page
//!   chrome: ads, tags, share/subscribe/sign-up prompts, "Read more",
//!   "Related:", copyright notices, comment-system notices;
//! - **list items**: `- `, `* `, `• `, `1. `, `2) ` prefixes (stripped), and a
//!   line that follows a lone bullet line;
//! - **headings** ([`looks_like_heading`]): short lines without final sentence
//!   punctuation that read as titles (mostly capitalised words) or labels.
//!
//! Sentence splitting is [`crate::nlp::sentences`], the one boundary test
//! every stage shares; this module adds what is specific to articles: page
//! furniture, headings, list items and datelines. Word lists are data
//! (`data/en/furniture.tsv`, `data/en/minor_words.txt`); thresholds are
//! [`SegmentParams`].

mod dateline;

use crate::model::{Article, Block, BlockKind, Document, Sentence};
use crate::nlp::lists::{self, FurnitureMatch};
use crate::nlp::quotemarks::is_closer;
use crate::nlp::sentences::sentence_spans;
use crate::nlp::tokens::{self, fold};
use crate::params::{Params, SegmentParams};

/// Cleans and splits one article.
pub fn segment(article: Article, params: &Params) -> Document {
    let p = &params.segment;
    let blocks = clean_blocks(&article.blocks, p);
    let mut sentences: Vec<Sentence> = blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| block_sentences(i, b, p))
        .collect();
    if let Some(first) = sentences.iter_mut().find(|s| s.role != BlockKind::Heading) {
        drop_dateline(first);
    }
    Document {
        article,
        blocks,
        sentences,
    }
}

/// Starts the article's first sentence after its dateline, if it has one.
fn drop_dateline(sentence: &mut Sentence) {
    let cut = dateline::dateline_len(&sentence.text);
    if cut > 0 {
        sentence.start += cut;
        sentence.text = sentence.text[cut..].to_string();
    }
}

fn block_sentences(index: usize, block: &Block, p: &SegmentParams) -> Vec<Sentence> {
    sentence_spans(&block.text, &p.sentences)
        .into_iter()
        .map(|r| Sentence {
            block: index,
            start: r.start,
            end: r.end,
            text: block.text[r].to_string(),
            role: block.kind,
        })
        .collect()
}

// ------------------------------------------------------------------ cleaning

/// Drops furniture and classifies the remaining blocks.
pub fn clean_blocks(blocks: &[Block], p: &SegmentParams) -> Vec<Block> {
    let mut out = Vec::new();
    let mut after_bullet = false;
    for block in blocks {
        let text = block.text.trim();
        if is_lone_bullet(text) {
            after_bullet = true;
            continue;
        }
        if is_furniture(text, p) || dateline::is_dateline(text) {
            after_bullet = false;
            continue;
        }
        let (kind, text) = classify(block.kind, text, after_bullet, p);
        after_bullet = false;
        out.push(Block {
            kind,
            text: text.to_string(),
            line: block.line,
        });
    }
    out
}

/// Kind and text (bullet stripped) of a block that is content.
fn classify<'a>(
    kind: BlockKind,
    text: &'a str,
    after_bullet: bool,
    p: &SegmentParams,
) -> (BlockKind, &'a str) {
    if let Some(item) = strip_bullet(text) {
        return (BlockKind::ListItem, item);
    }
    if after_bullet {
        return (BlockKind::ListItem, text);
    }
    if kind == BlockKind::Paragraph && looks_like_heading(text, p) {
        return (BlockKind::Heading, text);
    }
    (kind, text)
}

const BULLETS: &[char] = &['-', '*', '•', '·', '–', '‣', '◦', '▪'];

fn is_lone_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if BULLETS.contains(&c))
}

/// The item text of a bulleted or numbered line (`- x`, `• x`, `1. x`, `2) x`).
pub fn strip_bullet(text: &str) -> Option<&str> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let numbered = !BULLETS.contains(&first);
    let rest = if !numbered {
        &text[first.len_utf8()..]
    } else {
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let after = &text[digits..];
        after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix(')'))?
    };
    let item = rest.strip_prefix(char::is_whitespace)?.trim();
    if numbered && item.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // "6. 1-magnitude quake": a number broken by a space
    }
    (!item.is_empty() && item.chars().any(char::is_alphanumeric)).then_some(item)
}

/// Is this line page furniture rather than article content?
/// Lines without any letter or digit, and short lines that match the
/// furniture table (`data/en/furniture.tsv`).
pub fn is_furniture(line: &str, p: &SegmentParams) -> bool {
    let line = line.trim();
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    if line.split_whitespace().count() > p.furniture_max_words {
        return false;
    }
    let lower = fold(line).to_lowercase();
    let label = lower.trim_matches(|c: char| !c.is_alphanumeric());
    lists::furniture(FurnitureMatch::Label).any(|l| l == label)
        || lists::furniture(FurnitureMatch::Prefix).any(|p| starts_with_words(&lower, p))
        || lists::furniture(FurnitureMatch::Phrase).any(|p| lower.contains(p))
}

/// `text` starts with `prefix` and the prefix ends at a word boundary.
fn starts_with_words(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| {
        prefix.ends_with(|c: char| !c.is_alphanumeric())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

// ------------------------------------------------------------------ headings

/// Trailing closing quotes and brackets, ignored when looking at how a line ends.
fn strip_closers(text: &str) -> &str {
    text.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
}

/// Does the line end like a sentence (or a clause)?
fn ends_like_sentence(text: &str) -> bool {
    strip_closers(text).ends_with(['.', ',', ';', ':', '…'])
}

fn starts_like_title(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Share of the non-minor words that are capitalised (or numbers).
fn capitalised_share(text: &str) -> f64 {
    let words: Vec<_> = tokens::words(text)
        .into_iter()
        .filter(|w| !lists::is_minor_word(&w.raw.to_lowercase()))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.raw
                .trim_start_matches('$')
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    capitalised as f64 / words.len() as f64
}

/// Does this line read as a headline (the first line of a plain-text
/// article)? Headlines are short, do not end like a sentence and start with a
/// capital; sentence-case headlines ("Woman struck, killed in Bloomington")
/// count, so this is looser than [`looks_like_heading`]. A line ending in `?`
/// or `!` needs half its words capitalised ("Will the Dam Hold?", not
/// "It's about time, right?").
pub fn looks_like_headline(line: &str, p: &SegmentParams) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let question = t.ends_with(['?', '!']);
    (1..=p.headline_max_words).contains(&words)
        && t.chars().count() <= p.headline_max_chars
        && starts_like_title(t)
        && !ends_like_sentence(t)
        && !(question && capitalised_share(t) < p.headline_question_share)
        && !is_furniture(t, p)
        && strip_bullet(t).is_none()
}

/// Does this body line read as a section heading? Short (at most 12 words),
/// no final sentence punctuation, and either a short label (at most 3
/// words) or mostly capitalised words ("Why Trump Said No", "Key Takeaways").
pub fn looks_like_heading(line: &str, p: &SegmentParams) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if !(1..=p.heading_max_words).contains(&words) || !starts_like_title(t) || ends_like_sentence(t)
    {
        return false;
    }
    if strip_closers(t).len() < t.len() {
        return false; // ends with a quotation or bracket: a fragment of prose
    }
    let share = capitalised_share(t);
    if t.ends_with(['?', '!']) {
        return share >= p.heading_question_share;
    }
    words <= p.heading_label_words || share >= p.heading_capitalised_share
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_share_counts_the_layers_words() {
        // Minor words ("the", "of") are left out; numbers count as capitalised.
        assert_eq!(capitalised_share("Will the Dam Hold?"), 1.0);
        assert_eq!(capitalised_share("U.S. Deal Worth $5 Billion"), 1.0);
        assert_eq!(capitalised_share("Bank of England"), 1.0);
        // Must not: sentence case reads as mostly lower case.
        assert!(capitalised_share("It's about time, right?") < 0.5);
        assert!(capitalised_share("Woman struck, killed in Bloomington") < 0.75);
        assert_eq!(capitalised_share(" -- "), 0.0);
    }

    fn p() -> SegmentParams {
        SegmentParams::default()
    }

    fn block(text: &str, line: usize) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            line,
        }
    }

    #[test]
    fn bullets_are_not_numbers() {
        assert_eq!(strip_bullet("6. 1-magnitude quake hits"), None);
        assert_eq!(strip_bullet("02. 29. 12 4:15 PM Chip maker"), None);
        assert_eq!(strip_bullet("3. Third point"), Some("Third point"));
    }

    #[test]
    fn furniture_lines() {
        for f in [
            "Advertisement",
            "ADVERTISEMENT",
            "Tags",
            "Tags: politics, world",
            "Comments are closed, but trackbacks and pingbacks are open.",
            "Share this article",
            "Share on Facebook",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing",
            "Read more: Why the dam failed",
            "Related: Floods in the north",
            "© 2024 Daily Planet. All rights reserved.",
            "Copyright 2024 Example Media",
            "Click here to watch the video",
            "•",
            "-",
            "* * *",
        ] {
            assert!(is_furniture(f, &p()), "{f}");
        }
        for c in [
            "Shares of Acme rose 5 percent on Monday.",
            "Subscribers will pay more next year.",
            "The advertisement ran on national television for a week.",
            "Related companies also reported losses.",
        ] {
            assert!(!is_furniture(c, &p()), "{c}");
        }
    }

    #[test]
    fn headings_vs_short_sentences() {
        for h in [
            "Why the Mayor Said No",
            "Key Takeaways",
            "Officials Explain the Decision",
            "Background",
            "Context: Talks at a Standstill",
            "Report: City offers Smith $20 million",
        ] {
            assert!(looks_like_heading(h, &p()), "{h}");
        }
        for s in [
            "The mayor said no.",
            "It rained.",
            "the mayor said no and then left the hall",
            "\u{201C}We will rebuild\u{201D}",
            "Officials said the decision was final and would not change",
        ] {
            assert!(!looks_like_heading(s, &p()), "{s}");
        }
    }

    #[test]
    fn headline_first_line() {
        assert!(looks_like_headline(
            "Woman struck, killed in Bloomington",
            &p()
        ));
        assert!(looks_like_headline("Will the Dam Hold?", &p()));
        assert!(!looks_like_headline(
            "The dam broke on Monday, officials said.",
            &p()
        ));
        assert!(!looks_like_headline("Advertisement", &p()));
        assert!(!looks_like_headline("", &p()));
        assert!(!looks_like_headline("It's about time, right?", &p()));
        assert!(looks_like_headline("Could the Rovers sign Smith?", &p()));
    }

    #[test]
    fn bullets_and_lone_bullets() {
        let blocks = vec![
            block("Main Points", 1),
            block("- The dam held.", 2),
            block("• Water receded.", 3),
            block("2. Roads reopened.", 4),
            block("-", 5),
            block("Cost: The repairs cost $3 million.", 6),
            block("Advertisement", 7),
            block("2008 was a wet year.", 8),
        ];
        let out = clean_blocks(&blocks, &p());
        let got: Vec<_> = out
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, "Main Points", 1),
                (BlockKind::ListItem, "The dam held.", 2),
                (BlockKind::ListItem, "Water receded.", 3),
                (BlockKind::ListItem, "Roads reopened.", 4),
                (BlockKind::ListItem, "Cost: The repairs cost $3 million.", 6),
                (BlockKind::Paragraph, "2008 was a wet year.", 8),
            ]
        );
    }

    #[test]
    fn segment_builds_sentences_with_ranges() {
        let article = Article {
            id: "a".into(),
            blocks: vec![
                block("Flood Recap", 1),
                block("  The river rose. It fell again.", 2),
            ],
            ..Article::default()
        };
        let doc = segment(article, &Params::default());
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[0].role, BlockKind::Heading);
        let s = &doc.sentences[2];
        assert_eq!(s.block, 1);
        assert_eq!(s.text, "It fell again.");
        assert_eq!(&doc.blocks[1].text[s.start..s.end], "It fell again.");
        assert_eq!(doc.claim_sentences().count(), 2);
    }

    /// Regression on the sample in `seeds/`: 5 articles, 101 sentences, and
    /// the hard cases come out whole.
    #[test]
    fn sample_seeds_segment_cleanly() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let (articles, diags) = crate::ingest::load(&seeds).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let docs: Vec<Document> = articles
            .into_iter()
            .map(|a| segment(a, &Params::default()))
            .collect();
        assert_eq!(docs.len(), 5);
        let all: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.sentences.iter().map(|s| s.text.as_str()))
            .collect();
        assert_eq!(all.len(), 101);
        for needle in [
            "Sen. Lindsey Graham",
            "U.S. Armed Forces",
            "No. Until they do",
        ] {
            assert!(all.iter().any(|s| s.contains(needle)), "{needle}");
        }
        let furniture = ["Advertisement", "Tags", "Comments are closed"];
        assert!(
            !all.iter()
                .any(|s| furniture.iter().any(|f| s.starts_with(f)))
        );
        let headings = docs
            .iter()
            .flat_map(|d| &d.sentences)
            .filter(|s| s.role == BlockKind::Heading)
            .count();
        assert_eq!(headings, 9);
    }

    #[test]
    fn nasty_inputs_do_not_panic() {
        for &t in crate::nlp::sentences::NASTY_INPUTS {
            let _ = is_furniture(t, &p());
            let _ = looks_like_heading(t, &p());
            let _ = looks_like_headline(t, &p());
            let _ = strip_bullet(t);
            let _ = clean_blocks(&[block(t, 1)], &p());
        }
    }
}
