//! Wording: one quotation printed in different words by different outlets
//! ("We'll do" / "We do"). Punctuation, quote style and case never count, and
//! neither does quoting a shorter or longer stretch of the same words: only
//! words that differ where the renderings overlap.

use super::{Evidence, Finding, FindingKind, Side, identity_order};
use crate::model::{SentRef, Story};
use crate::nlp::compare::lcs_pairs;
use crate::nlp::lists::american_spelling;
use crate::quotes::{Mention, Quotation};
use crate::text::{fold, words};
use std::collections::BTreeMap;

/// Words of a quotation for comparison: folded, lower-case, a spaced
/// clitic joined ("It ’ s" is "it's"), hyphenated words split into their
/// parts ("men-parents-slapping" is "men parents slapping"), British
/// spellings read as American ("neighbourhood" is "neighborhood").
fn norm_words(text: &str) -> Vec<String> {
    words(&fold(text))
        .iter()
        .flat_map(|w| {
            let joined: String = w
                .raw
                .to_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            joined
                .split(['-', '–', '—'])
                .filter(|p| !p.is_empty())
                .map(|p| american_spelling(p).unwrap_or(p).to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The letters and digits of some words, run together: two spans with the
/// same are one wording written apart or together ("e mail", "email").
fn letters(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Where `m` differs from the canonical words inside their overlap: the
/// canonical range `start..end` it replaces and its own words there. Before
/// the first and after the last shared word, only words both sides have
/// count (a substitution); words only one side has are a shorter excerpt.
fn differences(canon: &[String], m: &[String]) -> Diff {
    let pairs = lcs_pairs(canon, m);
    let (Some(&(c0, m0)), Some(&(cl, ml))) = (pairs.first(), pairs.last()) else {
        return Diff {
            spans: Vec::new(),
            cover: (0, 0),
        };
    };
    let mut out = Vec::new();
    let lead = c0.min(m0);
    let k = lead;
    if k > 0 {
        out.push((c0 - k, c0, m[m0 - k..m0].to_vec()));
    }
    for w in pairs.windows(2) {
        let ((ci, mi), (cj, mj)) = (w[0], w[1]);
        if cj > ci + 1 || mj > mi + 1 {
            out.push((ci + 1, cj, m[mi + 1..mj].to_vec()));
        }
    }
    let k = (canon.len() - cl - 1).min(m.len() - ml - 1);
    if k > 0 {
        out.push((cl + 1, cl + 1 + k, m[ml + 1..ml + 1 + k].to_vec()));
    }
    out.retain(|(start, end, own)| letters(&canon[*start..*end]) != letters(own));
    Diff {
        spans: out,
        cover: (c0 - lead, cl + 1 + k),
    }
}

/// How one rendering differs from the canonical words.
struct Diff {
    /// Canonical ranges replaced, with the rendering's own words.
    spans: Vec<(usize, usize, Vec<String>)>,
    /// The canonical range the rendering covers.
    cover: (usize, usize),
}

/// What to show for a mention: its sentence when that holds the quoted
/// words, else the quoted words themselves.
fn evidence(story: &Story, m: &Mention) -> Evidence {
    let at = SentRef {
        doc: m.doc,
        sent: m.sent,
    };
    match super::sentence(story, at) {
        Some(s) if fold(s).contains(fold(&m.text).trim()) => Evidence::Sentence(at),
        _ => Evidence::Words(m.text.clone()),
    }
}

/// One wording item for a quotation whose renderings differ in words.
fn wording_of(story: &Story, q: &Quotation) -> Option<Finding> {
    let canon = norm_words(&q.text);
    let diffs: Vec<(&Mention, Diff)> = q
        .mentions
        .iter()
        .map(|m| (m, differences(&canon, &norm_words(&m.text))))
        .collect();
    let spans = || diffs.iter().flat_map(|(_, d)| d.spans.iter());
    let dlo = spans().map(|x| x.0).min()?;
    let dhi = spans().map(|x| x.1.max(x.0 + 1)).max()?;
    let (lo, hi) = (dlo.saturating_sub(1), (dhi + 1).min(canon.len()));
    let mut groups: BTreeMap<String, Vec<&Mention>> = BTreeMap::new();
    for (m, d) in diffs
        .iter()
        .filter(|(_, d)| d.cover.0 <= dlo && d.cover.1 >= dhi)
    {
        groups.entry(window(&canon, d, lo, hi)).or_default().push(m);
    }
    if groups.len() < 2 {
        return None;
    }
    let mut sides: Vec<(usize, Side)> = groups
        .into_iter()
        .filter_map(|(value, ms)| {
            let first = ms.iter().min_by_key(|m| (m.doc, m.sent))?;
            // Listed in the order of the sources' ids.
            let mut docs: Vec<usize> = ms
                .iter()
                .map(|m| m.doc)
                .filter(|&d| d < story.docs.len())
                .collect();
            docs.sort_by(|&a, &b| story.docs[a].article.id.cmp(&story.docs[b].article.id));
            docs.dedup_by(|a, b| story.docs[*a].article.id == story.docs[*b].article.id);
            let side = Side {
                evidence: evidence(story, first),
                docs,
                value: Some(value),
            };
            Some((first.doc, side))
        })
        .collect();
    sides.sort_by(|a, b| b.1.docs.len().cmp(&a.1.docs.len()).then(a.0.cmp(&b.0)));
    let head: Vec<&str> = canon.iter().take(5).map(String::as_str).collect();
    Some(Finding {
        kind: FindingKind::Wording,
        topic: format!("wording of “{}…”", head.join(" ")),
        identity: vec!["wording".to_string(), q.text.clone()],
        sides: sides.into_iter().map(|(_, c)| c).collect(),
    })
}

/// A rendering's words over the canonical range `lo..hi` (clipped to what
/// it covers), its differences applied.
fn window(canon: &[String], diff: &Diff, lo: usize, hi: usize) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut i = lo.max(diff.cover.0);
    let hi = hi.min(diff.cover.1);
    while i < hi {
        if let Some((_, end, own)) = diff.spans.iter().find(|d| d.0 == i) {
            out.extend(own.iter().map(String::as_str));
            if *end > i {
                i = *end;
                continue;
            }
        }
        if let Some(w) = canon.get(i) {
            out.push(w);
        }
        i += 1;
    }
    out.join(" ")
}

/// Wording items for every quotation worded differently, most sources first.
pub fn find(story: &Story, quotes: &[Quotation]) -> Vec<Finding> {
    let mut out: Vec<(String, Finding)> = quotes
        .iter()
        .filter(|q| q.mentions.len() > 1)
        .filter_map(|q| wording_of(story, q))
        .map(|f| (identity_order(&f.identity), f))
        .collect();
    out.sort_by(|a, b| {
        let n = |f: &Finding| f.sides.iter().map(|c| c.docs.len()).sum::<usize>();
        n(&b.1).cmp(&n(&a.1)).then(a.0.cmp(&b.0))
    });
    out.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{doc, sources, story};
    use super::*;

    fn mention(d: usize, text: &str) -> Mention {
        Mention {
            doc: d,
            sent: 0,
            text: text.to_string(),
            speaker: None,
        }
    }

    fn quote(texts: &[&str]) -> Quotation {
        Quotation {
            text: texts[0].to_string(),
            speaker: None,
            mentions: texts
                .iter()
                .enumerate()
                .map(|(i, t)| mention(i, t))
                .collect(),
        }
    }

    fn three_docs() -> Story {
        story(vec![
            doc(
                "a",
                &["She said: “We will hold the line, whatever it takes.”"],
            ),
            doc("b", &["“We’ll hold the line,” she said."]),
            doc("c", &["She vowed: \"We will hold the line!\""]),
        ])
    }

    #[test]
    fn different_words_make_one_item() {
        let st = three_docs();
        let q = quote(&[
            "We will hold the line, whatever it takes.",
            "We’ll hold the line",
            "We will hold the line!",
        ]);
        let d = find(&st, &[q]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, FindingKind::Wording);
        assert_eq!(d[0].sides.len(), 2);
        assert_eq!(sources(&st, &d[0].sides[0]), vec!["a", "c"]);
        assert_eq!(sources(&st, &d[0].sides[1]), vec!["b"]);
        assert_eq!(d[0].sides[1].value.as_deref(), Some("we'll hold"));
        assert_eq!(d[0].sides[0].value.as_deref(), Some("we will hold"));
        assert!(
            d[0].sides[1]
                .text(&st)
                .unwrap()
                .contains("We’ll hold the line")
        );
        assert!(d[0].topic.starts_with("wording of"));
    }

    #[test]
    fn fragments_and_punctuation_are_not_wording() {
        let st = three_docs();
        let q = quote(&[
            "We will hold the line, whatever it takes.",
            "hold the line",
            "We will hold the line!",
        ]);
        assert!(find(&st, &[q]).is_empty());
    }

    #[test]
    fn spacing_hyphens_and_apostrophes_are_not_wording() {
        let st = story(vec![
            doc(
                "a",
                &["“It ’ s official: I ’ m hosting the e-mail show,” she wrote."],
            ),
            doc(
                "b",
                &["\"It's official: I'm hosting the email show,\" she wrote."],
            ),
            doc(
                "c",
                &["She wrote: \"It's official: I'm hosting the email show\""],
            ),
        ]);
        let q = quote(&[
            "It ’ s official: I ’ m hosting the e-mail show",
            "It's official: I'm hosting the email show",
            "It's official: I'm hosting the email show",
        ]);
        assert!(find(&st, &[q]).is_empty());
        // Must fire: a different word stays a difference.
        let q = quote(&[
            "It ’ s official: I ’ m hosting the e-mail show",
            "It's official: I'm hosting the mail show",
            "It's official: I'm hosting the email show",
        ]);
        assert_eq!(find(&st, &[q]).len(), 1);
        assert_eq!(norm_words("the Neighbourhood"), ["the", "neighborhood"]);
        let words = norm_words("women and men-parents-slapping their");
        assert_eq!(
            words,
            ["women", "and", "men", "parents", "slapping", "their"]
        );
    }
}
