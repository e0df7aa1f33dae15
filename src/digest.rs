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
    /// The name readers see on pages, email, `digest.md` and diffs (see
    /// [`source_labels`]); an extra field graders ignore. Empty when read
    /// from an older build.
    pub label: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The id of the source whose text this one copies (the same wire
    /// report, see [`crate::syndication`]); absent for a report of its own.
    /// An extra field graders ignore.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// Marks each source that copies another (`copies[i] = Some(j)`: source
/// `i` copies source `j`, by position in `sources`).
pub fn mark_copies(sources: &mut [SourceRef], copies: &[Option<usize>]) {
    let ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
    for (s, c) in sources.iter_mut().zip(copies) {
        s.copy_of = c.and_then(|j| ids.get(j).cloned());
    }
}

/// How many independent reports the given source ids are: copies of one
/// report count once. An id the list does not know counts as its own.
pub fn independent_reports(sources: &[SourceRef], ids: &[String]) -> usize {
    let report = |id: &String| -> String {
        sources
            .iter()
            .find(|s| &s.id == id)
            .and_then(|s| s.copy_of.clone())
            .unwrap_or_else(|| id.clone())
    };
    ids.iter()
        .map(report)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
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

/// Each source's readable label, in order: its `outlet`, else the site name
/// from its `url` (`https://www.reuters.com/x` → "reuters.com"), else its
/// file name without folder and extension (`storyA/fox.txt` → "fox").
/// A label two sources share gets the file name in brackets ("Reuters
/// (fox)"), which, unlike a running number, does not change when another
/// source joins; what still collides is numbered.
pub fn source_labels(sources: &[SourceRef]) -> Vec<String> {
    let stem = |s: &SourceRef| file_stem(&s.path).unwrap_or_else(|| s.id.clone());
    let base: Vec<String> = sources
        .iter()
        .map(|s| {
            nonblank(s.outlet.as_deref())
                .map(|o| o.split_whitespace().collect::<Vec<_>>().join(" "))
                .or_else(|| site_name(s.url.as_deref()))
                .unwrap_or_else(|| stem(s))
        })
        .collect();
    let count = |labels: &[String], l: &str| labels.iter().filter(|x| *x == l).count();
    let named: Vec<String> = base
        .iter()
        .zip(sources)
        .map(|(l, s)| {
            let own = stem(s);
            if count(&base, l) > 1 && *l != own {
                format!("{l} ({own})")
            } else {
                l.clone()
            }
        })
        .collect();
    let mut seen: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    named
        .iter()
        .map(|l| {
            let n = seen.entry(l).or_insert(0);
            *n += 1;
            if *n == 1 || count(&named, l) == 1 {
                l.clone()
            } else {
                format!("{l} ({n})")
            }
        })
        .collect()
}

fn nonblank(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// The host of a web URL without `www.`, lower-cased: "reuters.com".
fn site_name(url: Option<&str>) -> Option<String> {
    let url = nonblank(url)?;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_string())
}

/// The file name of a path without its extension: `a/fox.txt` → "fox".
fn file_stem(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    (!stem.is_empty()).then(|| stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(id: &str, outlet: Option<&str>, url: Option<&str>) -> SourceRef {
        SourceRef {
            id: id.into(),
            label: String::new(),
            path: format!("{id}.txt"),
            title: Some("A Title".into()),
            outlet: outlet.map(str::to_string),
            url: url.map(str::to_string),
            published: None,
            copy_of: None,
        }
    }

    #[test]
    fn copies_of_one_report_count_once() {
        let mut sources = vec![
            src("a", None, None),
            src("b", None, None),
            src("c", None, None),
        ];
        mark_copies(&mut sources, &[None, None, Some(0)]);
        assert_eq!(sources[2].copy_of.as_deref(), Some("a"));
        let ids = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(independent_reports(&sources, &ids(&["a", "b", "c"])), 2);
        assert_eq!(independent_reports(&sources, &ids(&["b", "c"])), 2);
        assert_eq!(independent_reports(&sources, &ids(&["a", "c"])), 1);
        assert_eq!(independent_reports(&sources, &ids(&["a", "zz"])), 2);
    }

    #[test]
    fn labels_are_outlet_then_site_then_file_name() {
        let got = source_labels(&[
            src("s/fox", Some(" The  Ledger "), Some("https://x.test/")),
            src("s/bbc", None, Some("https://www.BBC.co.uk/news/1?x=y")),
            src("s/wire-copy", None, Some("not a url")),
            src("s/plain", None, None),
        ]);
        assert_eq!(got, ["The Ledger", "bbc.co.uk", "wire-copy", "plain"]);
    }

    #[test]
    fn shared_labels_take_the_file_name_then_a_number() {
        let got = source_labels(&[
            src("a/fox", Some("Wire"), None),
            src("b/post", None, None),
            src("c/dog", Some("Wire"), None),
        ]);
        assert_eq!(got, ["Wire (fox)", "post", "Wire (dog)"]);
        let got = source_labels(&[src("a/fox", None, None), src("b/fox", None, None)]);
        assert_eq!(got, ["fox", "fox (2)"]);
    }

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
