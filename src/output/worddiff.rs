//! Word-level differences between two wordings of the same claim, as typed
//! segments a template can render (`<del>` for words only the first wording
//! has, `<ins>` for words only the second has).
//!
//! Texts are cut into words, single punctuation marks and runs of white
//! space, so "do," and "do" differ only by the comma. The alignment itself is
//! the `similar` crate's Patience diff over those tokens.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

/// What a segment of a diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// In both texts.
    Same,
    /// Only in the first (base) text.
    Del,
    /// Only in the second text.
    Ins,
}

/// A run of consecutive tokens with the same kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

/// Cuts text into word tokens (letters, digits, inner apostrophes and
/// hyphens), single punctuation marks and runs of white space. Every byte of
/// the input lands in exactly one token.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let class = classify(c, prev);
        let joins = matches!(
            (prev, class),
            (Some(Class::Word), Class::Word) | (Some(Class::Space), Class::Space)
        );
        if i > start && !joins {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(class);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Mark,
}

fn classify(c: char, prev: Option<Class>) -> Class {
    if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else if matches!(c, '\'' | '’' | '-') && prev == Some(Class::Word) {
        // Inner apostrophe or hyphen ("don't", "U.S.-Israeli" keeps "-" apart
        // only when no letter follows; good enough for display).
        Class::Word
    } else {
        Class::Mark
    }
}

/// The word-level diff turning `base` into `other`, adjacent tokens of one
/// kind merged into one segment.
pub fn word_diff(base: &str, other: &str) -> Vec<Segment> {
    let old = tokens(base);
    let new = tokens(other);
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_slices(&old, &new);
    let mut segments: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => SegmentKind::Same,
            ChangeTag::Delete => SegmentKind::Del,
            ChangeTag::Insert => SegmentKind::Ins,
        };
        push_token(&mut segments, kind, change.value());
    }
    segments
}

/// Appends a token, merging it with the previous segment of the same kind.
fn push_token(segments: &mut Vec<Segment>, kind: SegmentKind, token: &str) {
    if let Some(last) = segments.last_mut().filter(|l| l.kind == kind) {
        last.text.push_str(token);
        return;
    }
    segments.push(Segment {
        kind,
        text: token.to_string(),
    });
}

/// How many word tokens of the diff differ (for a one-line summary).
pub fn changed_words(segments: &[Segment]) -> usize {
    segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Same)
        .map(|s| tokens(&s.text).iter().filter(|t| is_word(t)).count())
        .sum()
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.kind {
                SegmentKind::Same => s.text.clone(),
                SegmentKind::Del => format!("[-{}]", s.text),
                SegmentKind::Ins => format!("[+{}]", s.text),
            })
            .collect()
    }

    #[test]
    fn tokens_cover_the_whole_text() {
        let text = "The mayor’s plan, it's said, costs 3.5 million — “too much”.";
        assert_eq!(tokens(text).concat(), text);
        assert!(tokens(text).contains(&"mayor’s"));
        assert!(tokens(text).contains(&","));
    }

    #[test]
    fn marks_changed_words_only() {
        let d = word_diff(
            "We will build the bridge by spring.",
            "We'll build the bridge by summer.",
        );
        assert_eq!(
            render(&d),
            "[-We will][+We'll] build the bridge by [-spring][+summer]."
        );
        assert_eq!(changed_words(&d), 5);
    }

    #[test]
    fn identical_texts_have_one_same_segment() {
        let d = word_diff("Rain fell all night.", "Rain fell all night.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, SegmentKind::Same);
        assert_eq!(changed_words(&d), 0);
    }

    #[test]
    fn empty_and_multibyte_inputs_do_not_panic() {
        assert!(word_diff("", "").is_empty());
        let d = word_diff("", "Ünïcödé “quotes” — ok");
        assert_eq!(d[0].kind, SegmentKind::Ins);
        let _ = word_diff("日本語のテキスト", "日本語 テキスト");
    }
}
