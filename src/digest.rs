//! The digest of one story: the machine-readable contract (`digest.json`,
//! see `../shared/eval/README.md`). [`crate::assemble`] fills it from the
//! analysis stages; `output` writes it and `diff` reads it back.
//!
//! The types here serialise to exactly the contract's fields (plus a few
//! extra ones the page uses, which graders ignore). Every text in them is
//! verbatim from a source: assembly only chooses and orders sentences.
//!
//! They read back too (`parallax diff` parses built sites with them): a
//! field missing from an older build's `digest.json` reads as empty, and
//! fields this version does not know are ignored.

use serde::{Deserialize, Serialize};

/// One source article as listed in a digest.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceRef {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// One source's own wording of an item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Variant {
    pub source: String,
    pub text: String,
}

/// A fact stated by two or more sources.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsensusFact {
    /// Stable identifier derived from the content (for diffs and anchors).
    pub key: String,
    pub text: String,
    pub sources: Vec<String>,
    pub support: usize,
    pub variants: Vec<Variant>,
}

/// One side of a divergence: a verbatim claim and the sources making it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Claim {
    pub text: String,
    pub sources: Vec<String>,
    /// The value this claim gives for the divergence's slot, when it is a
    /// conflict ("two", "former President"); the differing words for wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DivergenceKind {
    Conflict,
    Unique,
    Wording,
}

impl DivergenceKind {
    /// The contract's name of the kind (`conflict`, `unique`, `wording`).
    pub fn as_str(self) -> &'static str {
        match self {
            DivergenceKind::Conflict => "conflict",
            DivergenceKind::Unique => "unique",
            DivergenceKind::Wording => "wording",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    #[serde(default)]
    pub key: String,
    pub kind: DivergenceKind,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub claims: Vec<Claim>,
}

/// A direct quotation, merged across the sources that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteItem {
    pub key: String,
    pub text: String,
    pub speaker: Option<String>,
    pub sources: Vec<String>,
    pub variants: Vec<Variant>,
}

/// The digest of one story, as written to `digest.json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Digest {
    pub schema_version: u32,
    pub slug: String,
    pub headline: String,
    pub summary: String,
    pub source_count: usize,
    pub sources: Vec<SourceRef>,
    pub consensus: Vec<ConsensusFact>,
    pub divergent: Vec<Divergence>,
    pub quotes: Vec<QuoteItem>,
}

/// A short stable key for an item, from its content: the first 12 hex
/// digits of FNV-1a over the given parts. Deterministic on every machine.
pub fn content_key(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{:012x}", h >> 16)
}

/// A URL slug from a headline: lower-case ASCII words joined by `-`, at most
/// eight words, transliterated to ASCII by `deunicode` ("Ça" → "ca").
/// Apostrophes vanish ("Iran's" → "irans"); every other mark
/// separates words ("texas-prison-escape" stays as it is).
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(&crate::text::fold(text))
        .to_lowercase()
        .replace('\'', "");
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().take(8).collect();
    if words.is_empty() {
        "story".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(
            slugify("Trump Halts Israeli Attempt to Target Iran’s Supreme Leader"),
            "trump-halts-israeli-attempt-to-target-irans-supreme"
        );
        assert_eq!(slugify("texas-prison-escape"), "texas-prison-escape");
        assert_eq!(slugify("Ça va? «Oui» Zürich"), "ca-va-oui-zurich");
        assert_eq!(slugify("!!!"), "story");
    }

    #[test]
    fn content_keys_are_stable() {
        // Literal keys: a change of the hash (or of how parts are joined)
        // renames every anchor and every diff key, so it must show here.
        // Values computed independently (FNV-1a 64, top 48 bits, in Python).
        assert_eq!(content_key(&["a", "b"]), "ab40d7820d40");
        assert_eq!(content_key(&["ab"]), "e72003190541");
        assert_eq!(content_key(&[]), "cbf29ce48422");
    }
}
