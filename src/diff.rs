//! Compare the digests of two builds: which consensus facts were added or
//! removed, whose support changed ("3 → 4 sources"), which divergences are
//! new or resolved, which quotes came or went — for a terminal or a
//! pull-request comment.
//!
//! Pure: digests in (parsed from `digest.json` text), report out. Items are
//! matched by their content-derived `key`; a fact whose representative
//! sentence changed (so its key did too) is still recognised when the two
//! versions share a source's sentence. Stories are matched by slug, else by
//! the sources they share (a headline change renames the slug).

use crate::digest::{ConsensusFact, Digest, Divergence, QuoteItem};
use crate::output::markdown::inline;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Parses one `digest.json` into the contract types themselves; fields an
/// older build lacks read as empty, but a digest must name its story (so
/// `{}` or some other JSON file is refused, not read as an empty story).
pub fn parse(json: &str) -> Result<Digest, serde_json::Error> {
    let digest: Digest = serde_json::from_str(json)?;
    if digest.slug.trim().is_empty() {
        return Err(serde::de::Error::custom("no `slug`, so not a digest"));
    }
    Ok(digest)
}

/// An item as listed in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub text: String,
}

/// A fact present in both builds whose number of sources changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportChange {
    pub key: String,
    pub text: String,
    pub old: usize,
    pub new: usize,
}

/// A story present in one build only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRef {
    pub slug: String,
    pub headline: String,
}

/// What changed in one story present in both builds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryDiff {
    pub old_slug: String,
    pub slug: String,
    pub headline: String,
    pub sources: (usize, usize),
    pub facts_added: Vec<Item>,
    pub facts_removed: Vec<Item>,
    pub support: Vec<SupportChange>,
    pub divergences_new: Vec<Item>,
    pub divergences_resolved: Vec<Item>,
    pub quotes_new: Vec<Item>,
    pub quotes_removed: Vec<Item>,
}

impl StoryDiff {
    pub fn is_empty(&self) -> bool {
        self.old_slug == self.slug
            && self.sources.0 == self.sources.1
            && self.facts_added.is_empty()
            && self.facts_removed.is_empty()
            && self.support.is_empty()
            && self.divergences_new.is_empty()
            && self.divergences_resolved.is_empty()
            && self.quotes_new.is_empty()
            && self.quotes_removed.is_empty()
    }
}

/// The comparison of two builds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteDiff {
    pub added: Vec<StoryRef>,
    pub removed: Vec<StoryRef>,
    /// Stories in both builds that changed.
    pub changed: Vec<StoryDiff>,
}

impl SiteDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compares two builds' digests.
pub fn compare(old: &[Digest], new: &[Digest]) -> SiteDiff {
    let pairs = match_stories(old, new);
    let mut report = SiteDiff::default();
    let paired_old: BTreeSet<usize> = pairs.values().copied().collect();
    for (i, n) in new.iter().enumerate() {
        match pairs.get(&i) {
            Some(&j) => {
                let d = compare_story(&old[j], n);
                if !d.is_empty() {
                    report.changed.push(d);
                }
            }
            None => report.added.push(story_ref(n)),
        }
    }
    for (j, o) in old.iter().enumerate() {
        if !paired_old.contains(&j) {
            report.removed.push(story_ref(o));
        }
    }
    report.added.sort_by(|a, b| a.slug.cmp(&b.slug));
    report.removed.sort_by(|a, b| a.slug.cmp(&b.slug));
    report.changed.sort_by(|a, b| a.slug.cmp(&b.slug));
    report
}

fn story_ref(d: &Digest) -> StoryRef {
    StoryRef {
        slug: d.slug.clone(),
        headline: d.headline.clone(),
    }
}

/// Pairs new stories (by index) with old ones: same slug first, then the
/// old story sharing the most source ids.
fn match_stories(old: &[Digest], new: &[Digest]) -> BTreeMap<usize, usize> {
    let mut pairs = BTreeMap::new();
    let mut taken = BTreeSet::new();
    for (i, n) in new.iter().enumerate() {
        if let Some(j) = old
            .iter()
            .position(|o| o.slug == n.slug)
            .filter(|j| !taken.contains(j))
        {
            pairs.insert(i, j);
            taken.insert(j);
        }
    }
    for (i, n) in new.iter().enumerate() {
        if pairs.contains_key(&i) {
            continue;
        }
        let ids: BTreeSet<&str> = n.sources.iter().map(|s| s.id.as_str()).collect();
        let best = old
            .iter()
            .enumerate()
            .filter(|(j, _)| !taken.contains(j))
            .map(|(j, o)| {
                let shared = o.sources.iter().filter(|s| ids.contains(s.id.as_str()));
                (shared.count(), j)
            })
            .filter(|(shared, _)| *shared > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        if let Some((_, j)) = best {
            pairs.insert(i, j);
            taken.insert(j);
        }
    }
    pairs
}

fn compare_story(old: &Digest, new: &Digest) -> StoryDiff {
    let mut d = StoryDiff {
        old_slug: old.slug.clone(),
        slug: new.slug.clone(),
        headline: new.headline.clone(),
        sources: (source_total(old), source_total(new)),
        ..StoryDiff::default()
    };
    compare_facts(&old.consensus, &new.consensus, &mut d);
    let divergence = |v: &Divergence| Item {
        key: v.key.clone(),
        text: format!("{} · {}", v.kind.as_str(), v.topic),
    };
    (d.divergences_new, d.divergences_resolved) = by_key(&old.divergent, &new.divergent, |v| {
        (v.key.as_str(), divergence(v))
    });
    let quote = |q: &QuoteItem| Item {
        key: q.key.clone(),
        text: match &q.speaker {
            Some(s) => format!("“{}” — {s}", q.text),
            None => format!("“{}”", q.text),
        },
    };
    (d.quotes_new, d.quotes_removed) =
        by_key(&old.quotes, &new.quotes, |q| (q.key.as_str(), quote(q)));
    d
}

fn source_total(d: &Digest) -> usize {
    d.source_count.max(d.sources.len())
}

/// Items only in `new` and items only in `old`, by key, each in its
/// build's order.
fn by_key<T>(old: &[T], new: &[T], item: impl Fn(&T) -> (&str, Item)) -> (Vec<Item>, Vec<Item>) {
    let old_keys: BTreeSet<&str> = old.iter().map(|t| item(t).0).collect();
    let new_keys: BTreeSet<&str> = new.iter().map(|t| item(t).0).collect();
    let only = |list: &[T], other: &BTreeSet<&str>| -> Vec<Item> {
        list.iter()
            .map(&item)
            .filter(|(k, _)| !other.contains(k))
            .map(|(_, i)| i)
            .collect()
    };
    (only(new, &old_keys), only(old, &new_keys))
}

/// Facts: matched by key, else by a shared (source, sentence) variant.
fn compare_facts(old: &[ConsensusFact], new: &[ConsensusFact], d: &mut StoryDiff) {
    let mut old_used = vec![false; old.len()];
    let mut matches: Vec<Option<usize>> = new
        .iter()
        .map(|n| {
            let j = old.iter().position(|o| o.key == n.key)?;
            old_used[j] = true;
            Some(j)
        })
        .collect();
    for (i, n) in new.iter().enumerate() {
        if matches[i].is_some() {
            continue;
        }
        let shared = |o: &ConsensusFact| o.variants.iter().any(|v| n.variants.contains(v));
        if let Some(j) = (0..old.len()).find(|&j| !old_used[j] && shared(&old[j])) {
            old_used[j] = true;
            matches[i] = Some(j);
        }
    }
    for (n, m) in new.iter().zip(&matches) {
        match m {
            Some(j) if old[*j].support != n.support => d.support.push(SupportChange {
                key: n.key.clone(),
                text: n.text.clone(),
                old: old[*j].support,
                new: n.support,
            }),
            Some(_) => {}
            None => d.facts_added.push(fact_item(n)),
        }
    }
    for (o, used) in old.iter().zip(&old_used) {
        if !used {
            d.facts_removed.push(fact_item(o));
        }
    }
}

fn fact_item(f: &ConsensusFact) -> Item {
    Item {
        key: f.key.clone(),
        text: format!("[{}] {}", f.support, f.text),
    }
}

// ------------------------------------------------------------- formatting

impl SiteDiff {
    /// A plain-text report for a terminal.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if self.is_empty() {
            out.push_str("No changes in the digests.\n");
            return out;
        }
        for s in &self.added {
            let _ = writeln!(out, "new story: {} ({})", s.headline, s.slug);
        }
        for s in &self.removed {
            let _ = writeln!(out, "removed story: {} ({})", s.headline, s.slug);
        }
        for s in &self.changed {
            let _ = writeln!(out, "story: {} ({})", s.headline, s.slug);
            for line in story_lines(s) {
                let _ = writeln!(out, "  {} {}", line.mark, line.text);
            }
        }
        out
    }

    /// A Markdown report for a pull-request comment.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("## Digest changes\n\n");
        if self.is_empty() {
            out.push_str("No changes in the digests.\n");
            return out;
        }
        for s in &self.added {
            let _ = writeln!(
                out,
                "- **New story:** {} (`{}`)",
                inline(&s.headline),
                s.slug
            );
        }
        for s in &self.removed {
            let _ = writeln!(
                out,
                "- **Removed story:** {} (`{}`)",
                inline(&s.headline),
                s.slug
            );
        }
        for s in &self.changed {
            let _ = writeln!(out, "\n### {} (`{}`)\n", inline(&s.headline), s.slug);
            for line in story_lines(s) {
                let _ = writeln!(out, "- {} {}", line.label, inline(&line.text));
            }
        }
        out
    }
}

/// One reported change: a terminal mark, a Markdown label, the text.
struct Line {
    mark: &'static str,
    label: &'static str,
    text: String,
}

fn story_lines(s: &StoryDiff) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut add = |mark, label, text: String| lines.push(Line { mark, label, text });
    if s.old_slug != s.slug {
        add("~", "**Renamed**", format!("from {}", s.old_slug));
    }
    if s.sources.0 != s.sources.1 {
        add(
            "~",
            "**Sources**",
            format!("sources {} → {}", s.sources.0, s.sources.1),
        );
    }
    for f in &s.facts_added {
        add("+", "**Fact added**", format!("fact {}", f.text));
    }
    for f in &s.facts_removed {
        add("-", "**Fact removed**", format!("fact {}", f.text));
    }
    for c in &s.support {
        let text = format!("support {} → {} sources: {}", c.old, c.new, c.text);
        add("~", "**Support**", text);
    }
    for v in &s.divergences_new {
        add("+", "**New divergence**", format!("divergence {}", v.text));
    }
    for v in &s.divergences_resolved {
        add(
            "-",
            "**Resolved divergence**",
            format!("divergence {}", v.text),
        );
    }
    for q in &s.quotes_new {
        add("+", "**New quote**", format!("quote {}", q.text));
    }
    for q in &s.quotes_removed {
        add("-", "**Removed quote**", format!("quote {}", q.text));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::{DivergenceKind, SourceRef, Variant};

    fn fact(key: &str, text: &str, sources: &[&str]) -> ConsensusFact {
        ConsensusFact {
            key: key.into(),
            text: text.into(),
            support: sources.len(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            variants: sources
                .iter()
                .map(|s| Variant {
                    source: s.to_string(),
                    text: format!("{s}: {text}"),
                })
                .collect(),
        }
    }

    fn story(slug: &str, ids: &[&str], facts: Vec<ConsensusFact>) -> Digest {
        Digest {
            slug: slug.into(),
            headline: format!("Headline of {slug}"),
            source_count: ids.len(),
            sources: ids
                .iter()
                .map(|i| SourceRef {
                    id: i.to_string(),
                    ..SourceRef::default()
                })
                .collect(),
            consensus: facts,
            ..Digest::default()
        }
    }

    #[test]
    fn identical_builds_have_no_changes() {
        let s = story(
            "ferry",
            &["a", "b"],
            vec![fact("k1", "The ferry sank.", &["a", "b"])],
        );
        let d = compare(std::slice::from_ref(&s), std::slice::from_ref(&s));
        assert!(d.is_empty());
        assert_eq!(d.to_text(), "No changes in the digests.\n");
    }

    #[test]
    fn added_removed_and_support_changes_are_listed() {
        let old = story(
            "ferry",
            &["a", "b", "c"],
            vec![
                fact("k1", "The ferry sank at dawn.", &["a", "b"]),
                fact("k2", "Nine crew were rescued.", &["b", "c"]),
            ],
        );
        let new = story(
            "ferry",
            &["a", "b", "c", "d"],
            vec![
                fact("k1", "The ferry sank at dawn.", &["a", "b", "d"]),
                fact("k3", "The captain was the last to leave.", &["c", "d"]),
            ],
        );
        let d = compare(&[old], &[new]);
        let s = &d.changed[0];
        assert_eq!(s.sources, (3, 4));
        assert_eq!(s.support[0].old, 2);
        assert_eq!(s.support[0].new, 3);
        assert_eq!(s.facts_added[0].key, "k3");
        assert_eq!(s.facts_removed[0].key, "k2");
        let text = d.to_text();
        assert!(
            text.contains("support 2 → 3 sources: The ferry sank"),
            "{text}"
        );
        assert!(text.contains("+ fact [2] The captain"), "{text}");
        assert!(d.to_markdown().contains("**Fact removed**"));
    }

    #[test]
    fn a_fact_with_a_new_key_but_a_shared_sentence_is_the_same_fact() {
        let mut moved = fact("new-key", "Rescuers reached the ferry.", &["a", "b", "c"]);
        moved.variants[0].text = "a: The ferry sank.".into();
        let old = story(
            "ferry",
            &["a", "b", "c"],
            vec![fact("k1", "The ferry sank.", &["a", "b"])],
        );
        let new = story("ferry", &["a", "b", "c"], vec![moved]);
        let d = compare(&[old], &[new]);
        let s = &d.changed[0];
        assert!(s.facts_added.is_empty() && s.facts_removed.is_empty());
        assert_eq!((s.support[0].old, s.support[0].new), (2, 3));
    }

    #[test]
    fn renamed_story_is_matched_by_its_sources() {
        let old = story("ferry-sinks", &["a", "b"], vec![]);
        let new = story("ferry-sinks-at-dawn", &["a", "b", "c"], vec![]);
        let other = story("storm", &["x"], vec![]);
        let d = compare(&[old], &[new, other]);
        assert_eq!(d.changed[0].old_slug, "ferry-sinks");
        assert_eq!(d.added[0].slug, "storm");
        assert!(d.removed.is_empty());
        assert!(d.to_text().contains("from ferry-sinks"));
    }

    #[test]
    fn divergences_and_quotes_by_key() {
        let mut old = story("s", &["a"], vec![]);
        old.divergent.push(Divergence {
            key: "d1".into(),
            kind: DivergenceKind::Conflict,
            topic: "death toll".into(),
            claims: Vec::new(),
        });
        let mut new = story("s", &["a"], vec![]);
        new.quotes.push(QuoteItem {
            key: "q1".into(),
            text: "We saw the lights go out.".into(),
            speaker: Some("A deckhand".into()),
            ..QuoteItem::default()
        });
        let d = compare(&[old], &[new]);
        let s = &d.changed[0];
        assert_eq!(s.divergences_resolved[0].text, "conflict · death toll");
        assert_eq!(
            s.quotes_new[0].text,
            "“We saw the lights go out.” — A deckhand"
        );
    }

    #[test]
    fn parse_tolerates_missing_and_extra_fields() {
        let d = parse(r#"{"slug":"x","extra":1,"consensus":[{"key":"k","text":"t"}]}"#).unwrap();
        assert_eq!(d.slug, "x");
        assert_eq!(d.consensus[0].support, 0);
        assert!(parse("not json").is_err());
        assert!(parse("{}").is_err());
        assert!(parse(r#"{"slug":" ","consensus":[]}"#).is_err());
    }

    #[test]
    fn a_written_digest_reads_back_unchanged() {
        let mut d = story(
            "ferry",
            &["a/fox", "b/nyt"],
            vec![fact("k1", "The ferry sank.", &["a/fox", "b/nyt"])],
        );
        d.schema_version = 1;
        d.divergent.push(Divergence {
            key: "d1".into(),
            kind: DivergenceKind::Wording,
            topic: "quotation".into(),
            claims: vec![crate::digest::Claim {
                text: "“We tried,” he said.".into(),
                sources: vec!["a/fox".into()],
                value: Some("tried".into()),
            }],
        });
        let json = serde_json::to_string_pretty(&d).unwrap();
        assert_eq!(parse(&json).unwrap(), d);
        assert!(parse(r#"{"slug":"x","divergent":[{"kind":"rumour"}]}"#).is_err());
    }
}
