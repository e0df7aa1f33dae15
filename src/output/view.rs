//! The typed template contexts: borrowed views over a [`Digest`] with what a
//! page needs precomputed in Rust (short source labels, anchors, the
//! coverage matrix, word diffs), so templates only lay things out.

use super::urls::BaseUrl;
use super::worddiff::{self, Segment};
use crate::config::Config;
use crate::digest::{Claim, Digest, DivergenceKind, Variant, independent_reports};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Longest source label in a coverage-matrix column header, in characters
/// (the full label is its tooltip), so 30 columns still fit a wide screen.
const COLUMN_CHARS: usize = 12;
/// Longest fact text shown in a coverage-matrix row, in characters.
const MATRIX_CHARS: usize = 70;

/// Site-wide values every page shows.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub lang: &'a str,
    /// The checked base URL (ends in `/`), when one is set.
    pub base_url: Option<String>,
    /// Whether the site has a `feed.xml` to link to.
    pub feed: bool,
}

impl<'a> SiteView<'a> {
    pub fn new(config: &'a Config, base: Option<&BaseUrl>, feed: bool) -> Self {
        SiteView {
            title: &config.title,
            description: config.description.as_deref(),
            lang: &config.language,
            base_url: base.map(|b| b.as_str().to_string()),
            feed,
        }
    }

    /// The absolute URL of a site path, when a base URL is set.
    fn absolute(&self, path: &str) -> Option<String> {
        self.base_url.as_ref().map(|b| format!("{b}{path}"))
    }
}

/// The "page not found" page. Served at any depth, so with a base URL its
/// links are absolute; without one they are relative to the site root.
#[derive(Debug, Serialize)]
pub struct NotFoundPage<'a> {
    pub site: &'a SiteView<'a>,
    pub root: String,
    pub canonical: Option<String>,
}

impl<'a> NotFoundPage<'a> {
    pub fn new(site: &'a SiteView<'a>) -> Self {
        NotFoundPage {
            site,
            root: site.base_url.clone().unwrap_or_default(),
            canonical: None,
        }
    }
}

/// A story as a newsletter: the story page's views, plus absolute links.
#[derive(Debug, Serialize)]
pub struct EmailPage<'a> {
    /// The story page's own view (made once for both pages).
    #[serde(flatten)]
    pub page: &'a StoryPage<'a>,
    /// The front page's URL.
    pub home: String,
    /// The story page's URL.
    pub story: String,
    pub limits: EmailLimits,
}

/// The most bytes an `email.html` may have: Gmail clips a message past
/// 102 KB (102 × 1024 bytes of HTML), and mail services add a little of
/// their own; 100,000 leaves them about 4 KB.
pub const EMAIL_BUDGET: usize = 100_000;

/// How much of a story a newsletter shows; the rest is a link to the page.
/// An email is rendered with [`EmailLimits::STEPS`] in turn until it fits
/// [`EMAIL_BUDGET`], so a story of any size stays under Gmail's clipping
/// limit (`tests/publish.rs`: a 1,000-source story with every list far
/// past its cap; the first step already fits the sample and ECB+ stories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EmailLimits {
    /// Facts, conflicts, sources with single-source claims, quotes.
    pub items: usize,
    /// Values shown for one conflict.
    pub values: usize,
    /// Single-source claims shown under one source.
    pub claims: usize,
    /// Source names listed on one item.
    pub names: usize,
    /// Sources listed at the foot.
    pub sources: usize,
}

impl EmailLimits {
    /// From the most generous to the tightest; the last is used even when
    /// it does not fit (only single texts longer than the budget would).
    pub const STEPS: [EmailLimits; 3] = [
        EmailLimits {
            items: 10,
            values: 6,
            claims: 3,
            names: 6,
            sources: 30,
        },
        EmailLimits {
            items: 6,
            values: 4,
            claims: 2,
            names: 4,
            sources: 12,
        },
        EmailLimits {
            items: 3,
            values: 2,
            claims: 1,
            names: 3,
            sources: 5,
        },
    ];
}

impl Default for EmailLimits {
    fn default() -> Self {
        EmailLimits::STEPS[0]
    }
}

/// The front page: one card per story.
#[derive(Debug, Serialize)]
pub struct IndexPage<'a> {
    pub site: &'a SiteView<'a>,
    /// Relative path from this page to the site root ("" or "../../").
    pub root: &'static str,
    pub canonical: Option<String>,
    pub stories: Vec<StoryCard<'a>>,
}

/// A story as listed on the front page.
#[derive(Debug, Serialize)]
pub struct StoryCard<'a> {
    pub href: String,
    pub headline: &'a str,
    pub summary: &'a str,
    pub source_count: usize,
    /// Independent reports among the sources (copies of one wire report
    /// count once).
    pub report_count: usize,
    pub consensus_count: usize,
    /// All divergences; then each kind on its own.
    pub divergence_count: usize,
    pub conflict_count: usize,
    pub unique_count: usize,
    pub wording_count: usize,
    pub quote_count: usize,
    pub sources: Vec<String>,
}

impl<'a> StoryCard<'a> {
    pub fn new(digest: &'a Digest) -> Self {
        StoryCard {
            href: format!("stories/{}/index.html", digest.slug),
            headline: &digest.headline,
            summary: &digest.summary,
            source_count: digest.source_count,
            report_count: report_count(digest),
            consensus_count: digest.consensus.len(),
            divergence_count: digest.divergent.len(),
            conflict_count: count_kind(digest, DivergenceKind::Conflict),
            unique_count: count_kind(digest, DivergenceKind::Unique),
            wording_count: count_kind(digest, DivergenceKind::Wording),
            quote_count: digest.quotes.len(),
            sources: SourceTable::new(digest).labels(),
        }
    }
}

/// How many independent reports a story's sources are.
fn report_count(digest: &Digest) -> usize {
    let ids: Vec<String> = digest.sources.iter().map(|s| s.id.clone()).collect();
    independent_reports(&digest.sources, &ids)
}

/// How many divergences of one kind a digest has.
fn count_kind(digest: &Digest, kind: DivergenceKind) -> usize {
    digest.divergent.iter().filter(|d| d.kind == kind).count()
}

/// One story's digest page.
#[derive(Debug, Serialize)]
pub struct StoryPage<'a> {
    pub site: &'a SiteView<'a>,
    pub root: &'static str,
    /// The page's absolute URL, when a base URL is set.
    pub canonical: Option<String>,
    pub digest: &'a Digest,
    pub sources: Vec<SourceView<'a>>,
    /// Every source as a chip, in order (the brief names them all).
    pub chips: Vec<SourceChip>,
    /// Each source's own headline, side by side.
    pub headlines: Vec<HeadlineView<'a>>,
    pub consensus: Vec<FactView<'a>>,
    pub conflicts: Vec<ConflictView<'a>>,
    pub unique: Vec<UniqueGroup<'a>>,
    pub wording: Vec<WordingView<'a>>,
    pub quotes: Vec<QuoteView<'a>>,
    pub matrix: Matrix<'a>,
    /// Claims only one source makes (over all groups in `unique`).
    pub unique_count: usize,
    /// How many of a source's single-source claims the page shows open;
    /// the rest of the group is folded under one "more" line
    /// ([`UNIQUE_OPEN_PER_SOURCE`]).
    pub unique_open: usize,
    /// Conflicts, single-source claims and wording differences together.
    pub differ_count: usize,
    /// Independent reports among the sources.
    pub report_count: usize,
}

/// One source's headline.
#[derive(Debug, Serialize)]
pub struct HeadlineView<'a> {
    pub source: SourceChip,
    pub title: &'a str,
}

/// A source as listed on a story page.
#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub anchor: String,
    pub label: String,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    /// Only `http:` and `https:` links; anything else is shown as text.
    pub url: Option<String>,
    pub path: &'a str,
    pub published: Option<&'a str>,
    /// The label of the source whose text this one copies.
    pub copy_of: Option<String>,
}

/// A reference to a source from an item (badge, matrix column).
#[derive(Debug, Clone, Serialize)]
pub struct SourceChip {
    pub id: String,
    pub label: String,
    /// The label cut to a column header's width.
    pub short: String,
    /// The source's anchor on the page; `None` for an id the digest does
    /// not list.
    pub anchor: Option<String>,
}

/// A consensus fact.
#[derive(Debug, Serialize)]
pub struct FactView<'a> {
    pub anchor: String,
    pub number: usize,
    pub text: &'a str,
    pub support: usize,
    pub of: usize,
    /// Independent reports among the supporting sources.
    pub reports: usize,
    pub sources: Vec<SourceChip>,
    pub variants: Vec<VariantView<'a>>,
}

/// One source's wording of an item.
#[derive(Debug, Serialize)]
pub struct VariantView<'a> {
    pub source: SourceChip,
    pub text: &'a str,
    /// Where the text stands in its source.
    pub link: String,
}

/// Sources giving different values for one thing.
#[derive(Debug, Serialize)]
pub struct ConflictView<'a> {
    pub anchor: String,
    pub topic: &'a str,
    pub rows: Vec<ClaimView<'a>>,
}

/// One side of a divergence.
#[derive(Debug, Serialize)]
pub struct ClaimView<'a> {
    pub value: Option<&'a str>,
    pub text: &'a str,
    pub sources: Vec<SourceChip>,
    /// Where the text stands in its (first) source.
    pub link: String,
}

/// Single-source claims a story page shows open under each source, best
/// ranked first; the others stay one click away. The digest keeps many per
/// source (`params::UniqueParams`: an editor's single-source claims were
/// found spread through the ranking), so the page leads with the few the
/// ranking puts first, as the email does (`EmailLimits::claims`).
pub const UNIQUE_OPEN_PER_SOURCE: usize = 3;

/// The claims only one source makes, under that source.
#[derive(Debug, Serialize)]
pub struct UniqueGroup<'a> {
    pub source: SourceChip,
    pub claims: Vec<UniqueClaim<'a>>,
}

#[derive(Debug, Serialize)]
pub struct UniqueClaim<'a> {
    pub anchor: String,
    pub topic: &'a str,
    pub text: &'a str,
    /// Where the text stands in its source.
    pub link: String,
    /// Other sources listed on the claim, if any.
    pub also: Vec<SourceChip>,
}

/// The same words, worded differently: the first claim in full, each other
/// one as a word diff against it.
#[derive(Debug, Serialize)]
pub struct WordingView<'a> {
    pub anchor: String,
    pub topic: &'a str,
    pub base: ClaimView<'a>,
    pub others: Vec<WordingDiff>,
}

#[derive(Debug, Serialize)]
pub struct WordingDiff {
    pub sources: Vec<SourceChip>,
    pub segments: Vec<Segment>,
    pub changed_words: usize,
}

/// A key quotation.
#[derive(Debug, Serialize)]
pub struct QuoteView<'a> {
    pub anchor: String,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub sources: Vec<SourceChip>,
    /// Wordings that differ from `text`.
    pub variants: Vec<VariantView<'a>>,
}

/// Who reported what: rows are consensus facts, columns are sources.
#[derive(Debug, Serialize)]
pub struct Matrix<'a> {
    pub columns: Vec<SourceChip>,
    pub rows: Vec<MatrixRow<'a>>,
    /// Per column, how many facts that source states.
    pub totals: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow<'a> {
    pub anchor: String,
    pub number: usize,
    pub text: &'a str,
    pub short: String,
    pub cells: Vec<bool>,
}

/// Hands out HTML ids: only `[A-Za-z0-9_-]`, unique within a page.
#[derive(Debug, Default)]
struct Anchors {
    used: BTreeSet<String>,
}

impl Anchors {
    fn make(&mut self, prefix: &str, raw: &str) -> String {
        let clean: String = raw
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let base = format!("{prefix}-{clean}");
        let mut id = base.clone();
        let mut n = 1;
        while self.used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone());
        id
    }
}

/// The story's sources by id, with their labels, anchors and web links.
struct SourceTable {
    chips: Vec<SourceChip>,
    by_id: BTreeMap<String, usize>,
    urls: BTreeMap<String, String>,
}

impl SourceTable {
    fn new(digest: &Digest) -> Self {
        Self::with_anchors(digest, &mut Anchors::default())
    }

    fn with_anchors(digest: &Digest, anchors: &mut Anchors) -> Self {
        let chips: Vec<SourceChip> = digest
            .sources
            .iter()
            .map(|s| SourceChip {
                id: s.id.clone(),
                label: s.label.clone(),
                short: shorten_words(&s.label, COLUMN_CHARS),
                anchor: Some(anchors.make("src", &s.id)),
            })
            .collect();
        let mut by_id = BTreeMap::new();
        for (i, c) in chips.iter().enumerate() {
            by_id.entry(c.id.clone()).or_insert(i);
        }
        let urls = digest
            .sources
            .iter()
            .filter_map(|s| Some((s.id.clone(), web_url(s.url.as_deref())?)))
            .collect();
        SourceTable { chips, by_id, urls }
    }

    /// Where `text` stands in source `id`: its web page scrolled to the
    /// text (a text fragment, `#:~:text=start,end`, which browsers
    /// highlight), or, without a URL, the source's entry on this page.
    fn link(&self, id: &str, text: &str) -> String {
        match self.urls.get(id) {
            Some(url) => {
                let base = url.split("#").next().unwrap_or(url);
                format!("{base}#:~:text={}", text_fragment(text))
            }
            None => format!("#{}", self.chip(id).anchor.unwrap_or_default()),
        }
    }

    fn labels(&self) -> Vec<String> {
        self.chips.iter().map(|c| c.label.clone()).collect()
    }

    fn chip(&self, id: &str) -> SourceChip {
        match self.by_id.get(id) {
            Some(&i) => self.chips[i].clone(),
            None => SourceChip {
                id: id.to_string(),
                label: id.to_string(),
                short: shorten_words(id, COLUMN_CHARS),
                anchor: None,
            },
        }
    }

    fn chips(&self, ids: &[String]) -> Vec<SourceChip> {
        ids.iter().map(|id| self.chip(id)).collect()
    }

    fn variants<'a>(&self, variants: &'a [Variant]) -> Vec<VariantView<'a>> {
        variants
            .iter()
            .map(|v| VariantView {
                source: self.chip(&v.source),
                text: &v.text,
                link: self.link(&v.source, &v.text),
            })
            .collect()
    }

    fn claim<'a>(&self, claim: &'a Claim) -> ClaimView<'a> {
        ClaimView {
            value: claim.value.as_deref(),
            text: &claim.text,
            sources: self.chips(&claim.sources),
            link: claim
                .sources
                .first()
                .map(|id| self.link(id, &claim.text))
                .unwrap_or_default(),
        }
    }
}

/// The leading whole words of `text` that fit in `max` characters, with "…"
/// when something was cut. A first word longer than `max` is cut mid-word
/// (at a character boundary).
pub fn shorten_words(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let needed = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if needed > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    let trimmed = out.trim_end_matches(|c: char| !c.is_alphanumeric());
    format!("{trimmed}…")
}

/// The `text=` part of a text fragment for a sentence: its first and last
/// few words (`start,end`), percent-encoded (`-`, `,` and `&` are syntax
/// there), with quotation marks at the ends left out since pages often
/// render them differently.
pub fn text_fragment(text: &str) -> String {
    const EDGE: usize = 4;
    let trimmed = text.trim_matches(|c: char| crate::text::is_double_quote(c) || c.is_whitespace());
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let encode = |ws: &[&str]| {
        let joined = ws.join(" ");
        let mut out = String::new();
        for b in joined.bytes() {
            if b.is_ascii_alphanumeric() || b"_.~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    if words.len() <= 2 * EDGE + 2 {
        encode(&words)
    } else {
        format!(
            "{},{}",
            encode(&words[..EDGE]),
            encode(&words[words.len() - EDGE..])
        )
    }
}

/// Only web links become `href`s; other schemes (`javascript:`) never do.
/// Characters a URL may not contain (quotes, angle brackets, spaces…) are
/// percent-encoded, as a browser would, so no `href` carries markup.
pub(crate) fn web_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_control() || c == ' ' || "\"<>`{}|\\^'".contains(c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    Some(out)
}

impl<'a> StoryPage<'a> {
    pub fn new(site: &'a SiteView<'a>, digest: &'a Digest) -> Self {
        let mut anchors = Anchors::default();
        let table = SourceTable::with_anchors(digest, &mut anchors);
        let sources = source_views(digest, &table);
        let consensus = fact_views(digest, &table, &mut anchors);
        let matrix = matrix(&consensus, &table);
        let mut page = StoryPage {
            site,
            root: "../../",
            canonical: site.absolute(&format!("stories/{}/", digest.slug)),
            digest,
            sources,
            chips: table.chips.clone(),
            headlines: digest
                .sources
                .iter()
                .zip(&table.chips)
                .filter_map(|(s, c)| {
                    Some(HeadlineView {
                        source: c.clone(),
                        title: s.title.as_deref()?,
                    })
                })
                .collect(),
            consensus,
            conflicts: Vec::new(),
            unique: Vec::new(),
            wording: Vec::new(),
            quotes: Vec::new(),
            matrix,
            unique_count: 0,
            unique_open: UNIQUE_OPEN_PER_SOURCE,
            differ_count: 0,
            report_count: report_count(digest),
        };
        page.add_divergences(&table, &mut anchors);
        page.quotes = quote_views(digest, &table, &mut anchors);
        page
    }

    fn add_divergences(&mut self, table: &SourceTable, anchors: &mut Anchors) {
        let mut unique: BTreeMap<usize, UniqueGroup<'a>> = BTreeMap::new();
        for d in &self.digest.divergent {
            let anchor = anchors.make("div", &d.key);
            match d.kind {
                DivergenceKind::Conflict => self.conflicts.push(ConflictView {
                    anchor,
                    topic: &d.topic,
                    rows: d.claims.iter().map(|c| table.claim(c)).collect(),
                }),
                DivergenceKind::Wording => {
                    if let Some(w) = wording_view(anchor, &d.topic, &d.claims, table) {
                        self.wording.push(w);
                    }
                }
                DivergenceKind::Unique => {
                    for (i, claim) in d.claims.iter().enumerate() {
                        let anchor = if i == 0 {
                            anchor.clone()
                        } else {
                            anchors.make("div", &format!("{}-{i}", d.key))
                        };
                        add_unique(&mut unique, table, anchor, &d.topic, claim);
                    }
                }
            }
        }
        self.unique = unique.into_values().collect();
        self.unique_count = self.unique.iter().map(|g| g.claims.len()).sum();
        self.differ_count = self.conflicts.len() + self.unique_count + self.wording.len();
    }
}

fn source_views<'a>(digest: &'a Digest, table: &SourceTable) -> Vec<SourceView<'a>> {
    digest
        .sources
        .iter()
        .zip(&table.chips)
        .map(|(s, chip)| SourceView {
            id: &s.id,
            anchor: chip.anchor.clone().unwrap_or_default(),
            label: chip.label.clone(),
            title: s.title.as_deref(),
            outlet: s.outlet.as_deref(),
            url: web_url(s.url.as_deref()),
            path: &s.path,
            published: s.published.as_deref(),
            copy_of: s.copy_of.as_deref().map(|id| table.chip(id).label),
        })
        .collect()
}

fn fact_views<'a>(
    digest: &'a Digest,
    table: &SourceTable,
    anchors: &mut Anchors,
) -> Vec<FactView<'a>> {
    let of = digest.source_count.max(digest.sources.len());
    digest
        .consensus
        .iter()
        .enumerate()
        .map(|(i, f)| FactView {
            anchor: anchors.make("fact", &f.key),
            number: i + 1,
            text: &f.text,
            support: f.support,
            of,
            reports: independent_reports(&digest.sources, &f.sources),
            sources: table.chips(&f.sources),
            variants: table.variants(&f.variants),
        })
        .collect()
}

fn matrix<'a>(facts: &[FactView<'a>], table: &SourceTable) -> Matrix<'a> {
    let columns = table.chips.clone();
    let rows: Vec<MatrixRow<'a>> = facts
        .iter()
        .map(|f| {
            // A set per fact, so a story of n sources costs n per row.
            let ids: BTreeSet<&str> = f.sources.iter().map(|s| s.id.as_str()).collect();
            MatrixRow {
                anchor: f.anchor.clone(),
                number: f.number,
                text: f.text,
                short: shorten_words(f.text, MATRIX_CHARS),
                cells: columns
                    .iter()
                    .map(|c| ids.contains(c.id.as_str()))
                    .collect(),
            }
        })
        .collect();
    let totals = (0..columns.len())
        .map(|j| rows.iter().filter(|r| r.cells[j]).count())
        .collect();
    Matrix {
        columns,
        rows,
        totals,
    }
}

/// Files a unique claim under its first source (in source-list order; ids
/// the digest does not list go last).
fn add_unique<'a>(
    groups: &mut BTreeMap<usize, UniqueGroup<'a>>,
    table: &SourceTable,
    anchor: String,
    topic: &'a str,
    claim: &'a Claim,
) {
    let Some(first) = claim.sources.first() else {
        return;
    };
    let position = table.by_id.get(first).copied().unwrap_or(usize::MAX);
    let group = groups.entry(position).or_insert_with(|| UniqueGroup {
        source: table.chip(first),
        claims: Vec::new(),
    });
    group.claims.push(UniqueClaim {
        anchor,
        topic,
        link: table.link(&claim.sources[0], &claim.text),
        text: &claim.text,
        also: table.chips(&claim.sources[1..]),
    });
}

fn wording_view<'a>(
    anchor: String,
    topic: &'a str,
    claims: &'a [Claim],
    table: &SourceTable,
) -> Option<WordingView<'a>> {
    let (base, rest) = claims.split_first()?;
    let others = rest
        .iter()
        .map(|c| {
            let segments = worddiff::word_diff(&base.text, &c.text);
            WordingDiff {
                sources: table.chips(&c.sources),
                changed_words: worddiff::changed_words(&segments),
                segments,
            }
        })
        .collect();
    Some(WordingView {
        anchor,
        topic,
        base: table.claim(base),
        others,
    })
}

fn quote_views<'a>(
    digest: &'a Digest,
    table: &SourceTable,
    anchors: &mut Anchors,
) -> Vec<QuoteView<'a>> {
    digest
        .quotes
        .iter()
        .map(|q| QuoteView {
            anchor: anchors.make("quote", &q.key),
            text: &q.text,
            speaker: q.speaker.as_deref(),
            sources: table.chips(&q.sources),
            variants: table
                .variants(&q.variants)
                .into_iter()
                .filter(|v| v.text != q.text)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_respects_char_boundaries() {
        let s = shorten_words("Überlangeswortohnejedeleerstelle", 5);
        assert_eq!(s, "Überl…");
        assert_eq!(shorten_words("short", 24), "short");
    }

    #[test]
    fn text_fragments_encode_start_and_end() {
        assert_eq!(
            text_fragment("“Short, quoted text.”"),
            "Short%2C%20quoted%20text."
        );
        assert_eq!(
            text_fragment("One two three four five six seven eight nine ten eleven-twelve."),
            "One%20two%20three%20four,eight%20nine%20ten%20eleven%2Dtwelve."
        );
    }

    #[test]
    fn anchors_are_clean_and_unique() {
        let mut a = Anchors::default();
        assert_eq!(a.make("src", "a b/c"), "src-a-b-c");
        assert_eq!(a.make("src", "a b/c"), "src-a-b-c-2");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            web_url(Some("https://x.test/a")).as_deref(),
            Some("https://x.test/a")
        );
        assert_eq!(
            web_url(Some("https://x.test/?q=\"><b>")).as_deref(),
            Some("https://x.test/?q=%22%3E%3Cb%3E")
        );
        assert_eq!(web_url(Some("javascript:alert(1)")), None);
        assert_eq!(web_url(None), None);
    }
}
