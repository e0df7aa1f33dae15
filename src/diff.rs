//! Compare the digests of two builds — for a terminal or a pull-request
//! comment: a changed headline, sources joining or leaving the story,
//! consensus facts added or removed and the sources joining or leaving
//! each ("3 → 4 sources (+ Reuters)"), divergences new or resolved with
//! every side's value and sources, a conflict's values and sides changing,
//! quotes that came or went, gained or lost sources, or changed speaker.
//! Sources are named by their labels, as on the pages.
//!
//! Pure: digests in (parsed from `digest.json` text), report out. Items are
//! matched by their content-derived `key`; a fact whose representative
//! sentence changed (so its key did too) is still recognised when the two
//! versions share a source's sentence (a quote likewise); a conflict whose
//! values changed (so its key did too) by its topic. Stories are matched by
//! slug, else by the sources they share.

use crate::digest::{ConsensusFact, Digest, Divergence, DivergenceKind, QuoteItem, Variant};
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

/// A fact or quote present in both builds whose sources changed: the
/// number of sources, and who joined or left (by label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportChange {
    pub key: String,
    pub text: String,
    pub old: usize,
    pub new: usize,
    pub joined: Vec<String>,
    pub left: Vec<String>,
}

/// One side of a divergence: the value it gives (or, without one, its
/// text) and the sources giving it, by label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub value: String,
    pub sources: Vec<String>,
}

/// A divergence present in one build only, with every side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DivergenceItem {
    pub key: String,
    /// `conflict · number of officials`.
    pub text: String,
    pub sides: Vec<Side>,
}

/// How one side of a divergence present in both builds changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideChange {
    /// A value no source gave before.
    Added(Side),
    /// A value no source gives any more.
    Removed(Side),
    /// The same value, with sources joining or leaving it.
    Sources {
        value: String,
        joined: Vec<String>,
        left: Vec<String>,
    },
}

/// A divergence in both builds (same key, or a conflict on the same topic)
/// whose sides changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DivergenceChange {
    pub key: String,
    pub text: String,
    pub changes: Vec<SideChange>,
}

/// A quote whose speaker changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerChange {
    pub key: String,
    pub text: String,
    pub old: Option<String>,
    pub new: Option<String>,
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
    /// The old headline, when it changed.
    pub old_headline: Option<String>,
    pub headline: String,
    pub sources: (usize, usize),
    /// Sources (by label) that joined or left the story.
    pub sources_joined: Vec<String>,
    pub sources_left: Vec<String>,
    pub facts_added: Vec<Item>,
    pub facts_removed: Vec<Item>,
    pub support: Vec<SupportChange>,
    pub divergences_new: Vec<DivergenceItem>,
    pub divergences_resolved: Vec<DivergenceItem>,
    pub divergences_changed: Vec<DivergenceChange>,
    pub quotes_new: Vec<Item>,
    pub quotes_removed: Vec<Item>,
    pub quote_sources: Vec<SupportChange>,
    pub speakers: Vec<SpeakerChange>,
}

impl StoryDiff {
    pub fn is_empty(&self) -> bool {
        self.old_slug == self.slug
            && self.old_headline.is_none()
            && self.sources.0 == self.sources.1
            && self.sources_joined.is_empty()
            && self.sources_left.is_empty()
            && self.facts_added.is_empty()
            && self.facts_removed.is_empty()
            && self.support.is_empty()
            && self.divergences_new.is_empty()
            && self.divergences_resolved.is_empty()
            && self.divergences_changed.is_empty()
            && self.quotes_new.is_empty()
            && self.quotes_removed.is_empty()
            && self.quote_sources.is_empty()
            && self.speakers.is_empty()
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

/// Source labels by id over both builds (the new build's label wins); an
/// id without a label (an older build) stands for itself.
struct Labels(BTreeMap<String, String>);

impl Labels {
    fn new(old: &Digest, new: &Digest) -> Self {
        let mut map = BTreeMap::new();
        for s in old.sources.iter().chain(&new.sources) {
            if !s.label.trim().is_empty() {
                map.insert(s.id.clone(), s.label.clone());
            }
        }
        Labels(map)
    }

    fn of(&self, id: &str) -> String {
        self.0.get(id).cloned().unwrap_or_else(|| id.to_string())
    }

    fn all(&self, ids: &[String]) -> Vec<String> {
        ids.iter().map(|id| self.of(id)).collect()
    }

    /// Labels of ids in `new` but not `old`, and of ids in `old` but not
    /// `new`, each in its list's order.
    fn joined_left(&self, old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
        let only = |a: &[String], b: &[String]| {
            a.iter()
                .filter(|id| !b.contains(id))
                .map(|id| self.of(id))
                .collect::<Vec<_>>()
        };
        (only(new, old), only(old, new))
    }
}

fn compare_story(old: &Digest, new: &Digest) -> StoryDiff {
    let labels = Labels::new(old, new);
    let ids = |d: &Digest| d.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    let (sources_joined, sources_left) = labels.joined_left(&ids(old), &ids(new));
    let mut d = StoryDiff {
        old_slug: old.slug.clone(),
        slug: new.slug.clone(),
        old_headline: Some(old.headline.clone()).filter(|h| *h != new.headline),
        headline: new.headline.clone(),
        sources: (source_total(old), source_total(new)),
        sources_joined,
        sources_left,
        ..StoryDiff::default()
    };
    compare_facts(&old.consensus, &new.consensus, &labels, &mut d);
    compare_divergences(&old.divergent, &new.divergent, &labels, &mut d);
    compare_quotes(&old.quotes, &new.quotes, &labels, &mut d);
    d
}

fn source_total(d: &Digest) -> usize {
    d.source_count.max(d.sources.len())
}

/// Pairs items of `new` with items of `old`: same key first, then by
/// `alike` among those still free. Returns, per new item, its old index.
fn pair_items<T>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> &str,
    alike: impl Fn(&T, &T) -> bool,
) -> Vec<Option<usize>> {
    let mut old_used = vec![false; old.len()];
    let mut pairs: Vec<Option<usize>> = new
        .iter()
        .map(|n| {
            let j = (0..old.len()).find(|&j| !old_used[j] && key(&old[j]) == key(n))?;
            old_used[j] = true;
            Some(j)
        })
        .collect();
    for (i, n) in new.iter().enumerate() {
        if pairs[i].is_some() {
            continue;
        }
        if let Some(j) = (0..old.len()).find(|&j| !old_used[j] && alike(&old[j], n)) {
            old_used[j] = true;
            pairs[i] = Some(j);
        }
    }
    pairs
}

/// Old indices no new item was paired with.
fn unpaired(old_len: usize, pairs: &[Option<usize>]) -> Vec<usize> {
    let used: BTreeSet<usize> = pairs.iter().flatten().copied().collect();
    (0..old_len).filter(|j| !used.contains(j)).collect()
}

fn shares_variant(a: &[Variant], b: &[Variant]) -> bool {
    a.iter().any(|v| b.contains(v))
}

/// The change in an item's sources, if any.
fn support_change(
    key: &str,
    text: &str,
    (old, new): (&[String], &[String]),
    labels: &Labels,
) -> Option<SupportChange> {
    let (joined, left) = labels.joined_left(old, new);
    (!joined.is_empty() || !left.is_empty()).then(|| SupportChange {
        key: key.to_string(),
        text: text.to_string(),
        old: old.len(),
        new: new.len(),
        joined,
        left,
    })
}

/// Facts: matched by key, else by a shared (source, sentence) variant.
fn compare_facts(old: &[ConsensusFact], new: &[ConsensusFact], labels: &Labels, d: &mut StoryDiff) {
    let pairs = pair_items(
        old,
        new,
        |f| f.key.as_str(),
        |o, n| shares_variant(&o.variants, &n.variants),
    );
    for (n, m) in new.iter().zip(&pairs) {
        match m {
            Some(j) => {
                let o = &old[*j];
                let change = support_change(&n.key, &n.text, (&o.sources, &n.sources), labels);
                if let Some(mut c) = change {
                    (c.old, c.new) = (
                        o.support.max(o.sources.len()),
                        n.support.max(n.sources.len()),
                    );
                    d.support.push(c);
                }
            }
            None => d.facts_added.push(fact_item(n)),
        }
    }
    for j in unpaired(old.len(), &pairs) {
        d.facts_removed.push(fact_item(&old[j]));
    }
}

fn fact_item(f: &ConsensusFact) -> Item {
    Item {
        key: f.key.clone(),
        text: format!("[{}] {}", f.support, f.text),
    }
}

/// Divergences: matched by key, else (a conflict whose values changed has
/// a new key) by kind and topic; a matched one reports its sides' changes.
fn compare_divergences(old: &[Divergence], new: &[Divergence], labels: &Labels, d: &mut StoryDiff) {
    let pairs = pair_items(
        old,
        new,
        |v| v.key.as_str(),
        |o, n| o.kind == n.kind && o.kind != DivergenceKind::Unique && o.topic == n.topic,
    );
    for (n, m) in new.iter().zip(&pairs) {
        match m {
            Some(j) => {
                let changes = side_changes(&sides(&old[*j], labels), &sides(n, labels));
                if !changes.is_empty() {
                    d.divergences_changed.push(DivergenceChange {
                        key: n.key.clone(),
                        text: divergence_title(n),
                        changes,
                    });
                }
            }
            None => d.divergences_new.push(divergence_item(n, labels)),
        }
    }
    for j in unpaired(old.len(), &pairs) {
        d.divergences_resolved
            .push(divergence_item(&old[j], labels));
    }
}

fn divergence_title(v: &Divergence) -> String {
    format!("{} · {}", v.kind.as_str(), v.topic)
}

fn divergence_item(v: &Divergence, labels: &Labels) -> DivergenceItem {
    DivergenceItem {
        key: v.key.clone(),
        text: divergence_title(v),
        sides: sides(v, labels).into_iter().map(|(s, _)| s).collect(),
    }
}

/// Each claim as a side: its value (its text when it has none), with the
/// ids of its sources (turned into labels when shown).
fn sides(v: &Divergence, labels: &Labels) -> Vec<(Side, Vec<String>)> {
    v.claims
        .iter()
        .map(|c| {
            let value = c.value.clone().unwrap_or_else(|| c.text.clone());
            let side = Side {
                value,
                sources: labels.all(&c.sources),
            };
            (side, c.sources.clone())
        })
        .collect()
}

fn side_changes(old: &[(Side, Vec<String>)], new: &[(Side, Vec<String>)]) -> Vec<SideChange> {
    let mut changes = Vec::new();
    let labels_of = |side: &Side, ids: &[String], other: &[String]| -> Vec<String> {
        ids.iter()
            .zip(&side.sources)
            .filter(|(id, _)| !other.contains(id))
            .map(|(_, l)| l.clone())
            .collect()
    };
    for (side, ids) in new {
        match old.iter().find(|(o, _)| o.value == side.value) {
            Some((o, old_ids)) => {
                let joined = labels_of(side, ids, old_ids);
                let left = labels_of(o, old_ids, ids);
                if !joined.is_empty() || !left.is_empty() {
                    changes.push(SideChange::Sources {
                        value: side.value.clone(),
                        joined,
                        left,
                    });
                }
            }
            None => changes.push(SideChange::Added(side.clone())),
        }
    }
    for (side, _) in old {
        if !new.iter().any(|(n, _)| n.value == side.value) {
            changes.push(SideChange::Removed(side.clone()));
        }
    }
    changes
}

/// Quotes: matched by key, else by a shared (source, wording) variant; a
/// matched one reports sources joining or leaving and a new speaker.
fn compare_quotes(old: &[QuoteItem], new: &[QuoteItem], labels: &Labels, d: &mut StoryDiff) {
    let pairs = pair_items(
        old,
        new,
        |q| q.key.as_str(),
        |o, n| shares_variant(&o.variants, &n.variants),
    );
    for (n, m) in new.iter().zip(&pairs) {
        let Some(j) = m else {
            d.quotes_new.push(quote_item(n));
            continue;
        };
        let o = &old[*j];
        let text = quote_item(n).text;
        if let Some(c) = support_change(&n.key, &text, (&o.sources, &n.sources), labels) {
            d.quote_sources.push(c);
        }
        if o.speaker != n.speaker {
            d.speakers.push(SpeakerChange {
                key: n.key.clone(),
                text: format!("“{}”", n.text),
                old: o.speaker.clone(),
                new: n.speaker.clone(),
            });
        }
    }
    for j in unpaired(old.len(), &pairs) {
        d.quotes_removed.push(quote_item(&old[j]));
    }
}

fn quote_item(q: &QuoteItem) -> Item {
    Item {
        key: q.key.clone(),
        text: match &q.speaker {
            Some(s) => format!("“{}” — {s}", q.text),
            None => format!("“{}”", q.text),
        },
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

/// "(+ Reuters, AP; − Fox)": who joined and who left, or nothing.
fn joined_left(joined: &[String], left: &[String]) -> String {
    let mut parts = Vec::new();
    if !joined.is_empty() {
        parts.push(format!("+ {}", joined.join(", ")));
    }
    if !left.is_empty() {
        parts.push(format!("− {}", left.join(", ")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// "“two” (CNN, Fox)".
fn side_text(side: &Side) -> String {
    format!("“{}” ({})", side.value, side.sources.join(", "))
}

fn divergence_text(v: &DivergenceItem) -> String {
    let sides: Vec<String> = v.sides.iter().map(side_text).collect();
    format!("divergence {}: {}", v.text, sides.join(" vs "))
}

fn side_change_text(c: &SideChange) -> String {
    match c {
        SideChange::Added(side) => format!("new value {}", side_text(side)),
        SideChange::Removed(side) => format!("value gone {}", side_text(side)),
        SideChange::Sources {
            value,
            joined,
            left,
        } => format!("“{value}”{}", joined_left(joined, left)),
    }
}

fn story_lines(s: &StoryDiff) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut add = |mark, label, text: String| lines.push(Line { mark, label, text });
    if s.old_slug != s.slug {
        add("~", "**Renamed**", format!("from {}", s.old_slug));
    }
    if let Some(old) = &s.old_headline {
        add(
            "~",
            "**Headline**",
            format!("headline “{old}” → “{}”", s.headline),
        );
    }
    if s.sources.0 != s.sources.1 || !s.sources_joined.is_empty() || !s.sources_left.is_empty() {
        let who = joined_left(&s.sources_joined, &s.sources_left);
        add(
            "~",
            "**Sources**",
            format!("sources {} → {}{who}", s.sources.0, s.sources.1),
        );
    }
    for f in &s.facts_added {
        add("+", "**Fact added**", format!("fact {}", f.text));
    }
    for f in &s.facts_removed {
        add("-", "**Fact removed**", format!("fact {}", f.text));
    }
    for c in &s.support {
        let who = joined_left(&c.joined, &c.left);
        let text = format!("support {} → {} sources{who}: {}", c.old, c.new, c.text);
        add("~", "**Support**", text);
    }
    for v in &s.divergences_new {
        add("+", "**New divergence**", divergence_text(v));
    }
    for v in &s.divergences_resolved {
        add("-", "**Resolved divergence**", divergence_text(v));
    }
    for v in &s.divergences_changed {
        let changes: Vec<String> = v.changes.iter().map(side_change_text).collect();
        let text = format!("divergence {}: {}", v.text, changes.join("; "));
        add("~", "**Divergence changed**", text);
    }
    for q in &s.quotes_new {
        add("+", "**New quote**", format!("quote {}", q.text));
    }
    for q in &s.quotes_removed {
        add("-", "**Removed quote**", format!("quote {}", q.text));
    }
    for c in &s.quote_sources {
        let who = joined_left(&c.joined, &c.left);
        let text = format!("quote sources {} → {}{who}: {}", c.old, c.new, c.text);
        add("~", "**Quote sources**", text);
    }
    for c in &s.speakers {
        let name = |s: &Option<String>| s.clone().unwrap_or_else(|| "unattributed".into());
        let text = format!("speaker {} → {}: {}", name(&c.old), name(&c.new), c.text);
        add("~", "**Speaker**", text);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::{Claim, SourceRef};

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
            text.contains("support 2 → 3 sources (+ d): The ferry sank"),
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
        assert!(s.divergences_resolved[0].sides.is_empty());
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

    fn labelled(mut d: Digest) -> Digest {
        for s in &mut d.sources {
            s.label = s.id.to_uppercase();
        }
        d
    }

    fn conflict(topic: &str, sides: &[(&str, &[&str])]) -> Divergence {
        let values: Vec<&str> = sides.iter().map(|(v, _)| *v).collect();
        Divergence {
            key: crate::digest::content_key(&[topic, &values.join("|")]),
            kind: DivergenceKind::Conflict,
            topic: topic.into(),
            claims: sides
                .iter()
                .map(|(v, ids)| Claim {
                    text: format!("They said {v}."),
                    sources: ids.iter().map(|s| s.to_string()).collect(),
                    value: Some(v.to_string()),
                })
                .collect(),
        }
    }

    #[test]
    fn a_new_conflict_shows_each_value_and_its_sources() {
        let old = labelled(story("s", &["a", "b", "c"], vec![]));
        let mut new = old.clone();
        new.divergent.push(conflict(
            "number of officials",
            &[("two", &["a", "b"]), ("four", &["c"])],
        ));
        let d = compare(&[old], &[new]);
        let text = d.to_text();
        assert!(
            text.contains(
                "+ divergence conflict · number of officials: “two” (A, B) vs “four” (C)"
            ),
            "{text}"
        );
        let md = d.to_markdown();
        assert!(
            md.contains("**New divergence** divergence conflict"),
            "{md}"
        );
    }

    #[test]
    fn a_source_joining_a_conflict_with_a_new_value_is_one_change_on_the_topic() {
        let old = labelled(story("s", &["a", "b", "c"], vec![]));
        let mut new = labelled(story("s", &["a", "b", "c", "d"], vec![]));
        let mut before = old.clone();
        before.divergent.push(conflict(
            "number of officials",
            &[("two", &["a"]), ("one", &["b"])],
        ));
        new.divergent.push(conflict(
            "number of officials",
            &[("two", &["a", "c"]), ("one", &[]), ("four", &["d"])],
        ));
        new.divergent[0].claims.retain(|c| !c.sources.is_empty());
        let d = compare(&[before], &[new]);
        let s = &d.changed[0];
        assert!(s.divergences_new.is_empty() && s.divergences_resolved.is_empty());
        let changes = &s.divergences_changed[0].changes;
        assert!(changes.contains(&SideChange::Sources {
            value: "two".into(),
            joined: vec!["C".into()],
            left: vec![],
        }));
        assert!(changes.contains(&SideChange::Added(Side {
            value: "four".into(),
            sources: vec!["D".into()],
        })));
        assert!(changes.contains(&SideChange::Removed(Side {
            value: "one".into(),
            sources: vec!["B".into()],
        })));
        let text = d.to_text();
        assert!(
            text.contains("~ divergence conflict · number of officials: “two” (+ C); new value “four” (D); value gone “one” (B)"),
            "{text}"
        );
        assert!(text.contains("~ sources 3 → 4 (+ D)"), "{text}");
    }

    #[test]
    fn an_unchanged_conflict_is_not_listed_and_unique_claims_never_pair_by_topic() {
        let mut old = labelled(story("s", &["a", "b"], vec![]));
        old.divergent
            .push(conflict("death toll", &[("12", &["a"]), ("14", &["b"])]));
        let unique = |text: &str| Divergence {
            key: text.into(),
            kind: DivergenceKind::Unique,
            topic: "claim".into(),
            claims: vec![Claim {
                text: text.into(),
                sources: vec!["a".into()],
                value: None,
            }],
        };
        let mut new = old.clone();
        old.divergent.push(unique("The mayor resigned."));
        new.divergent.push(unique("The harbour closed."));
        let d = compare(&[old], &[new]);
        let s = &d.changed[0];
        assert!(s.divergences_changed.is_empty(), "{s:?}");
        assert_eq!(s.divergences_new[0].sides[0].value, "The harbour closed.");
        assert_eq!(
            s.divergences_resolved[0].sides[0].value,
            "The mayor resigned."
        );
    }

    #[test]
    fn facts_name_the_sources_joining_and_leaving() {
        let old = labelled(story(
            "s",
            &["a", "b", "c"],
            vec![fact("k1", "The ferry sank.", &["a", "b"])],
        ));
        let new = labelled(story(
            "s",
            &["a", "b", "c"],
            vec![fact("k1", "The ferry sank.", &["a", "c"])],
        ));
        let d = compare(&[old], &[new]);
        let c = &d.changed[0].support[0];
        assert_eq!((c.old, c.new), (2, 2));
        assert_eq!(
            (c.joined.clone(), c.left.clone()),
            (vec!["C".into()], vec!["B".into()])
        );
        assert!(
            d.to_text()
                .contains("support 2 → 2 sources (+ C; − B): The ferry sank."),
            "{}",
            d.to_text()
        );
    }

    #[test]
    fn quotes_gaining_sources_or_a_new_speaker_are_changes_not_new_quotes() {
        let quote = |key: &str, ids: &[&str], speaker: Option<&str>| QuoteItem {
            key: key.into(),
            text: "We will rebuild.".into(),
            speaker: speaker.map(str::to_string),
            sources: ids.iter().map(|s| s.to_string()).collect(),
            variants: ids
                .iter()
                .map(|s| Variant {
                    source: s.to_string(),
                    text: "We will rebuild.".into(),
                })
                .collect(),
        };
        let mut old = labelled(story("s", &["a", "b"], vec![]));
        old.quotes.push(quote("q1", &["a"], Some("The mayor")));
        let mut new = old.clone();
        // A longer wording elsewhere changed the key; the shared variant holds.
        new.quotes[0] = quote("q2", &["a", "b"], Some("Ann Lee"));
        let d = compare(&[old], &[new]);
        let s = &d.changed[0];
        assert!(s.quotes_new.is_empty() && s.quotes_removed.is_empty());
        assert_eq!(s.quote_sources[0].joined, vec!["B".to_string()]);
        let text = d.to_text();
        assert!(
            text.contains("~ quote sources 1 → 2 (+ B): “We will rebuild.” — Ann Lee"),
            "{text}"
        );
        assert!(
            text.contains("~ speaker The mayor → Ann Lee: “We will rebuild.”"),
            "{text}"
        );
        assert!(d.to_markdown().contains("**Quote sources**"));
    }

    #[test]
    fn a_headline_change_is_reported_with_both_headlines() {
        let old = story("s", &["a"], vec![]);
        let mut new = old.clone();
        new.headline = "Ferry found".into();
        let d = compare(&[old], &[new]);
        assert_eq!(d.changed[0].old_headline.as_deref(), Some("Headline of s"));
        let md = d.to_markdown();
        assert!(
            md.contains("- **Headline** headline “Headline of s” → “Ferry found”"),
            "{md}"
        );
        assert!(
            d.to_text()
                .contains("~ headline “Headline of s” → “Ferry found”")
        );
    }
}
