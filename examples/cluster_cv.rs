//! Honest tuning of story grouping: cross-validation over ECB+ topics.
//!
//! ECB+ topics are the leading number of a story label (`t10-…`); each topic
//! holds two look-alike events. The topics are dealt into five folds (sorted
//! topic numbers, round robin). For each fold, every candidate setting is
//! scored (B-cubed F1) on the other four folds' articles grouped on their
//! own; the best one is then scored on the held-out fold. The mean and
//! spread of the held-out scores is the figure to report.
//!
//! Because the hidden collections differ from ECB+ (political stories of
//! three outlets each; rumour stories that may be short), every setting is
//! also scored on two derived collections, never used for choosing:
//! `three`: three articles per ECB+ story (chosen by a fixed hash of the
//! id); `short`: every ECB+ article cut to its headline and first two
//! paragraphs.
//!
//! The textbook baseline (issue 16), TF-IDF over content stems + average
//! linkage with one cosine cut, is beside it with `CV_BASELINE=1` (its cut
//! cross-validated the same way; see the section below). `CV_SINGLE=1`
//! adds views with one event per ECB+ topic (the ECB half and the ECB+
//! half of the stories, each grouped on its own: no look-alike twin, as
//! in a general news collection): whole, three per story, short, and one
//! to five articles per story (`sizes`, stories of one report included).
//! `CV_ALL=1` scores every setting on every view and cross-validates with
//! the views named in `CV_CHOOSE`. `CV_COMPARE=view:cut` lists, per story,
//! how Parallax and the baseline group it (`view:cut:fold` on one fold's
//! topics grouped on their own; with `CV_COMPARE_ALL=1` every story
//! Parallax does not group perfectly). `CV_PROBE=view:topic[:fold]` prints
//! one topic's articles, their cosines and how Parallax groups them with
//! each later step switched off (cohesion, lone report, fragments, time
//! veto): the diagnosis of a wrong merge or split.
//! `CV_CAPS=1` adds the view `caps` (the short view with every third
//! article's body upper-cased, as shouted tweets are written), scored but
//! never chosen on unless named in `CV_CHOOSE`; `CV_COMPARE_VARIANT`
//! names the setting `CV_COMPARE` groups with.
//! `CV_ANCHOR`, `CV_WHO`, `CV_LONE`, `CV_COH` and `CV_WEIGHTS` add setting
//! variants (see [`grid`]).
//!
//! cargo run --release --example cluster_cv -- [ARTICLES LABELS.json]

mod common;

use parallax::cluster;
use parallax::model::Document;
use parallax::params::ClusterParams;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Gold = BTreeMap<String, String>;

/// Named views (documents and their labels) of a set of documents.
type ViewsOf<'a> = dyn Fn(&[Document]) -> Vec<(&'static str, Vec<Document>, Gold)> + 'a;

/// The key a document's label is found under: its path without the
/// extension (its id for ECB+; derived copies differ in path only).
fn key(d: &Document) -> &str {
    d.article
        .path
        .strip_suffix(".txt")
        .unwrap_or(&d.article.path)
}

/// B-cubed precision, recall and F1 of grouped index lists against gold.
fn bcubed(docs: &[Document], groups: &[Vec<usize>], gold: &Gold) -> (f64, f64, f64) {
    let label = |i: usize| gold.get(key(&docs[i])).cloned().unwrap_or_default();
    let labelled: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| label(i)).collect())
        .collect();
    common::bcubed(&labelled)
}

/// Groups documents (sorted by id first, as the pipeline does) and scores.
fn score(docs: &[Document], gold: &Gold, p: &ClusterParams) -> (f64, f64, f64) {
    let mut sorted = docs.to_vec();
    sorted.sort_by(|a, b| (&a.article.id, &a.article.path).cmp(&(&b.article.id, &b.article.path)));
    let groups = cluster::auto_groups(&sorted, p);
    bcubed(&sorted, &groups, gold)
}

fn topic(label: &str) -> u32 {
    label
        .trim_start_matches('t')
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Some articles of each story: `count(label)` of them, chosen by a fixed
/// hash of the id (with `seed`).
fn per_story(
    docs: &[Document],
    gold: &Gold,
    seed: u64,
    count: impl Fn(&str) -> usize,
) -> Vec<Document> {
    let mut by: BTreeMap<String, Vec<&Document>> = BTreeMap::new();
    for d in docs {
        if let Some(g) = gold.get(d.article.id.as_str()) {
            by.entry(g.clone()).or_default().push(d);
        }
    }
    let mut out = Vec::new();
    for (g, mut v) in by {
        v.sort_by_key(|d| common::fnv(&d.article.id, seed));
        out.extend(v.into_iter().take(count(&g)).cloned());
    }
    out
}

/// Three articles per story.
fn three_per_story(docs: &[Document], gold: &Gold) -> Vec<Document> {
    per_story(docs, gold, 0, |_| 3)
}

/// One to five articles per story (by a fixed hash of the story label):
/// stories of one report, pairs and small stories side by side.
fn mixed_sizes(docs: &[Document], gold: &Gold) -> Vec<Document> {
    per_story(docs, gold, 1, |g| (common::fnv(g, 2) % 5) as usize + 1)
}

/// Every article cut to its first 40 words (ECB+ articles are often one
/// block, so the cut is by words, block by block).
fn short(docs: &[Document]) -> Vec<Document> {
    docs.iter()
        .map(|d| {
            let mut d = d.clone();
            let mut left = 40usize;
            for b in &mut d.blocks {
                let words: Vec<&str> = b.text.split_whitespace().take(left).collect();
                left -= words.len();
                b.text = words.join(" ");
            }
            d.blocks.retain(|b| !b.text.is_empty());
            d
        })
        .collect()
}

/// Every third article (by a fixed hash of the id) with its body in
/// capitals, as a shouted tweet is written.
fn shout(docs: &[Document]) -> Vec<Document> {
    docs.iter()
        .map(|d| {
            let mut d = d.clone();
            if common::fnv(&d.article.id, 3).is_multiple_of(3) {
                for b in &mut d.blocks {
                    b.text = b.text.to_uppercase();
                }
            }
            d
        })
        .collect()
}

/// The settings compared: a few structural variants, each over thresholds.
fn grid() -> Vec<(String, ClusterParams)> {
    let base = ClusterParams::default();
    let variants: Vec<(&str, ClusterParams)> = vec![
        ("current", base.clone()),
        (
            "no-frag",
            ClusterParams {
                fragment_max: 0,
                ..base.clone()
            },
        ),
        (
            "no-coh",
            ClusterParams {
                cohesion_ratio: f64::INFINITY,
                ..base.clone()
            },
        ),
        (
            "target4",
            ClusterParams {
                fragment_target_min: 4,
                ..base.clone()
            },
        ),
        (
            "target5",
            ClusterParams {
                fragment_target_min: 5,
                ..base.clone()
            },
        ),
        (
            "target7",
            ClusterParams {
                fragment_target_min: 7,
                ..base.clone()
            },
        ),
        (
            "margin.03",
            ClusterParams {
                fragment_margin: 0.03,
                ..base.clone()
            },
        ),
        (
            "margin.06",
            ClusterParams {
                fragment_margin: 0.06,
                ..base.clone()
            },
        ),
        (
            "margin.10",
            ClusterParams {
                fragment_margin: 0.10,
                ..base.clone()
            },
        ),
        (
            "no-veto",
            ClusterParams {
                min_anchor_docs: u32::MAX,
                min_who_share: 2.0,
                ..base.clone()
            },
        ),
        (
            "no-when",
            ClusterParams {
                min_anchor_docs: u32::MAX,
                ..base.clone()
            },
        ),
        (
            "no-who",
            ClusterParams {
                min_who_share: 2.0,
                ..base.clone()
            },
        ),
        (
            "no-veto-no-frag",
            ClusterParams {
                min_anchor_docs: u32::MAX,
                min_who_share: 2.0,
                fragment_max: 0,
                ..base.clone()
            },
        ),
        (
            "months0",
            ClusterParams {
                event_months: 0,
                ..base.clone()
            },
        ),
        (
            "months2",
            ClusterParams {
                event_months: 2,
                ..base.clone()
            },
        ),
        (
            "months3",
            ClusterParams {
                event_months: 3,
                ..base.clone()
            },
        ),
        (
            "months6",
            ClusterParams {
                event_months: 6,
                ..base.clone()
            },
        ),
        (
            "lone.05",
            ClusterParams {
                lone_margin: 0.05,
                ..base.clone()
            },
        ),
        (
            "lone.10",
            ClusterParams {
                lone_margin: 0.10,
                ..base.clone()
            },
        ),
        (
            "lone.15",
            ClusterParams {
                lone_margin: 0.15,
                ..base.clone()
            },
        ),
        (
            "lone.05f.7",
            ClusterParams {
                lone_margin: 0.05,
                lone_floor: 0.7,
                ..base.clone()
            },
        ),
        (
            "lone.10f.7",
            ClusterParams {
                lone_margin: 0.10,
                lone_floor: 0.7,
                ..base.clone()
            },
        ),
        (
            "lone.10f.5",
            ClusterParams {
                lone_margin: 0.10,
                lone_floor: 0.5,
                ..base.clone()
            },
        ),
        (
            "plain",
            ClusterParams {
                min_anchor_docs: u32::MAX,
                min_who_share: 2.0,
                fragment_max: 0,
                entity_weight: 1.0,
                number_weight: 1.0,
                title_boost: 1.0,
                ..base.clone()
            },
        ),
    ];
    // CV_WEIGHTS=1 also sweeps the term weights (each alone, around the
    // default): on 2026-12-02 that gave held-out 0.954 / 0.928 / 0.886
    // (whole / three / short) against 0.952 / 0.932 / 0.886 without, so the
    // weights stay; it takes about 25 minutes on the shared machine.
    let mut variants = variants;
    if std::env::var("CV_WEIGHTS").is_ok() {
        variants.extend([
            (
                "num2",
                ClusterParams {
                    number_weight: 2.0,
                    ..base.clone()
                },
            ),
            (
                "num1",
                ClusterParams {
                    number_weight: 1.0,
                    ..base.clone()
                },
            ),
            (
                "ent1.5",
                ClusterParams {
                    entity_weight: 1.5,
                    ..base.clone()
                },
            ),
            (
                "ent3",
                ClusterParams {
                    entity_weight: 3.0,
                    ..base.clone()
                },
            ),
            (
                "title1.5",
                ClusterParams {
                    title_boost: 1.5,
                    ..base.clone()
                },
            ),
            (
                "title3",
                ClusterParams {
                    title_boost: 3.0,
                    ..base.clone()
                },
            ),
        ]);
    }
    // CV_LONE=margin:floor,... adds lone-report variants (`lone_margin`,
    // `lone_floor`).
    sweep(&mut variants, &base, "CV_LONE", &["lone", "f"], |p, v| {
        p.lone_margin = v[0].parse().expect("margin");
        p.lone_floor = v[1].parse().expect("floor");
    });
    // CV_COH=ratio:min_size,... adds cohesion-merge variants
    // (`cohesion_ratio`, `cohesion_min_size`; ratio `inf`: off).
    sweep(&mut variants, &base, "CV_COH", &["coh", "m"], |p, v| {
        p.cohesion_ratio = v[0].parse().expect("ratio");
        p.cohesion_min_size = v[1].parse().expect("min size");
    });
    // CV_ANCHOR=n,... adds variants needing n articles per side for a
    // time to count (`min_anchor_docs`).
    sweep(&mut variants, &base, "CV_ANCHOR", &["anchor"], |p, v| {
        p.min_anchor_docs = v[0].parse().expect("articles");
    });
    // CV_WHO=share:absent,... adds person-veto variants (`min_who_share`,
    // `absent_share`).
    sweep(&mut variants, &base, "CV_WHO", &["who", "a"], |p, v| {
        p.min_who_share = v[0].parse().expect("share");
        p.absent_share = v[1].parse().expect("absent");
    });
    // CV_VARIANT=a,b restricts the comparison to the named variants.
    let only: Option<String> = std::env::var("CV_VARIANT").ok();
    let mut out = Vec::new();
    for (name, v) in variants {
        if only
            .as_deref()
            .is_some_and(|o| !o.split(',').any(|o| o == name))
        {
            continue;
        }
        let thresholds: Vec<f64> = std::env::var("CV_THRESHOLDS").map_or_else(
            |_| (0..=14).map(|k| 0.10 + 0.02 * f64::from(k)).collect(),
            |v| v.split(',').filter_map(|t| t.parse().ok()).collect(),
        );
        for &th in &thresholds {
            out.push((
                format!("{name} t={th:.2}"),
                ClusterParams {
                    merge_threshold: th,
                    ..v.clone()
                },
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Event views: is a story one event? (issue 16)
//
// ECB+ stories are single events. These views, derived deterministically from
// ECB+ (never used for choosing unless CV_SELECT=events), test that articles
// months apart do not share a story unless the text ties them:
// `dated`: every article carries a publication date (front matter
// `published`), its own date where its text writes one in full ("December
// 16, 2008", "16 December 2008", "12 / 16 / 08") within a month of the date
// most of its story's articles write, else that date, else 15 June 2010 (a feed dates every article);
// `later5m` / `later2y`: `dated` plus a copy of every story moved five months
// (month names and the publication date shifted, years in the text kept: the
// hard case, both sides name the same year) or two years (the year of the
// publication date, in the text and the date, shifted; background years
// kept) later, the copy a story of its own: the same kind
// of event with the same people at another time, as a recurring event or a
// campaign's stages look;
// `text5m`: as `later5m` without publication dates, and only the copies of
// articles whose text names a month (the rest could not be told apart).

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Adds one variant of `base` per comma-separated entry of the environment
/// variable `var`: an entry is colon-separated values, one per name prefix
/// (`CV_LONE=0.05:0.3` gives the variant `lone0.05f0.3`), and `set` applies
/// them to the parameters.
fn sweep(
    variants: &mut Vec<(&'static str, ClusterParams)>,
    base: &ClusterParams,
    var: &str,
    prefixes: &[&str],
    set: impl Fn(&mut ClusterParams, &[&str]),
) {
    let Ok(list) = std::env::var(var) else {
        return;
    };
    for entry in list.split(',') {
        let values: Vec<&str> = entry.split(':').collect();
        assert_eq!(
            values.len(),
            prefixes.len(),
            "{var}: {entry:?} needs {} values",
            prefixes.len()
        );
        let name: String = prefixes
            .iter()
            .zip(&values)
            .map(|(p, v)| format!("{p}{v}"))
            .collect();
        let mut params = base.clone();
        set(&mut params, &values);
        variants.push((Box::leak(name.into_boxed_str()), params));
    }
}

fn month_of(word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().position(|m| {
        *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "Sept"))
    })
}

/// The first full date a text writes, as (year, month 1-12, day).
fn text_date(text: &str) -> Option<(u32, u32, u32)> {
    let re = regex::Regex::new(
        r"\b([A-Z][a-z]{2,8}\.?) (\d{1,2}) ?,? ((?:19|20)\d\d)\b|\b(\d{1,2}) ([A-Z][a-z]{2,8}) ((?:19|20)\d\d)\b|\b(\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d\d)\b",
    )
    .expect("regex");
    for c in re.captures_iter(text) {
        let got = if let (Some(m), Some(d), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
            month_of(m.as_str()).map(|m| {
                (
                    y.as_str().parse::<u32>().ok(),
                    m as u32 + 1,
                    d.as_str().parse::<u32>().ok(),
                )
            })
        } else if let (Some(d), Some(m), Some(y)) = (c.get(4), c.get(5), c.get(6)) {
            month_of(m.as_str()).map(|m| {
                (
                    y.as_str().parse::<u32>().ok(),
                    m as u32 + 1,
                    d.as_str().parse::<u32>().ok(),
                )
            })
        } else {
            let (m, d, y) = (c.get(7)?, c.get(8)?, c.get(9)?);
            let y: u32 = y.as_str().parse().ok()?;
            Some((
                Some(2000 + y),
                m.as_str().parse::<u32>().ok()?,
                d.as_str().parse::<u32>().ok(),
            ))
        };
        if let Some((Some(y), m, Some(d))) = got
            && (1990..=2020).contains(&y)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            return Some((y, m, d.min(28)));
        }
    }
    None
}

fn doc_text(d: &Document) -> String {
    let mut s = d.article.title.clone().unwrap_or_default();
    for b in &d.blocks {
        s.push('\n');
        s.push_str(&b.text);
    }
    s
}

fn iso((y, m, d): (u32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Every article dated: its own text date, else its story's commonest.
fn dated(docs: &[Document], gold: &Gold) -> Vec<Document> {
    let own: Vec<Option<(u32, u32, u32)>> = docs.iter().map(|d| text_date(&doc_text(d))).collect();
    let mut by_story: BTreeMap<String, BTreeMap<(u32, u32, u32), usize>> = BTreeMap::new();
    for (d, o) in docs.iter().zip(&own) {
        if let (Some(g), Some(o)) = (gold.get(key(d)), o) {
            *by_story
                .entry(g.clone())
                .or_default()
                .entry(*o)
                .or_default() += 1;
        }
    }
    docs.iter()
        .zip(&own)
        .map(|(d, o)| {
            let mut d = d.clone();
            let story = gold
                .get(d.article.id.as_str())
                .and_then(|g| by_story.get(g))
                .and_then(|m| {
                    m.iter()
                        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
                        .map(|(k, _)| *k)
                });
            // A story no article of which writes a date is set mid-2010
            // (any fixed day: its copies are what is tested).
            // An own date more than a month from the story's is a date
            // the article recalls, not its own: the story's date then.
            let near = |(y, m, _): (u32, u32, u32), (sy, sm, _): (u32, u32, u32)| {
                (y * 12 + m).abs_diff(sy * 12 + sm) <= 1
            };
            let own = o.filter(|&o| story.is_none_or(|s| near(o, s)));
            d.article.published = Some(iso(own.or(story).unwrap_or((2010, 6, 15))));
            d
        })
        .collect()
}

/// Shifts month names by `months`, and the year `own` by `years`, in a
/// text (other years are background both copies recall alike).
fn shift_text(text: &str, months: usize, years: u32, own: u32) -> String {
    let re = regex::Regex::new(r"\b(?:[A-Z][a-z]{2,8}\.?|(?:19|20)\d\d)\b").expect("regex");
    re.replace_all(text, |c: &regex::Captures| {
        let w = &c[0];
        if let Ok(y) = w.parse::<u32>() {
            return if y == own { y + years } else { y }.to_string();
        }
        let bare = w.trim_end_matches('.');
        let full = MONTHS.iter().position(|m| *m == bare);
        match (full, month_of(w)) {
            (Some(i), _) if months > 0 => MONTHS[(i + months) % 12].to_string(),
            (None, Some(i)) if months > 0 && bare.len() == 3 && bare != "May" => {
                format!("{}{}", &MONTHS[(i + months) % 12][..3], &w[3..])
            }
            _ => w.to_string(),
        }
    })
    .into_owned()
}

/// A later copy of every document, with its own story labels.
fn later(
    docs: &[Document],
    gold: &Gold,
    months: usize,
    years: u32,
    only_with_month: bool,
) -> (Vec<Document>, Gold) {
    // Months move forward, or back for a story dated late in its year, so
    // the copy stays in the same year as the years its text names.
    let mut late: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for d in docs {
        if let (Some(g), Some(p)) = (gold.get(key(d)), d.article.published.as_deref()) {
            let m: usize = p[5..7].parse().unwrap_or(1);
            let e = late.entry(g.clone()).or_default();
            e.0 += usize::from(m + months > 12);
            e.1 += 1;
        }
    }
    let mut out = docs.to_vec();
    let mut g2 = gold.clone();
    let tag = format!("+{years}y{months}m");
    for d in docs {
        if only_with_month
            && !doc_text(d)
                .split_whitespace()
                .any(|w| MONTHS.contains(&w.trim_end_matches(|c: char| !c.is_alphabetic())))
        {
            continue;
        }
        let back = gold
            .get(key(d))
            .and_then(|g| late.get(g))
            .is_some_and(|&(l, n)| 2 * l > n);
        let months = if back { 12 - months } else { months } % 12;
        let own: u32 = d
            .article
            .published
            .as_deref()
            .and_then(|p| p.get(..4)?.parse().ok())
            .unwrap_or(0);
        let mut c = d.clone();
        c.article.path = format!("{}{tag}.txt", key(d));
        c.article.title = d
            .article
            .title
            .as_deref()
            .map(|t| shift_text(t, months, years, own));
        for b in &mut c.blocks {
            b.text = shift_text(&b.text, months, years, own);
        }
        for s in &mut c.sentences {
            s.text = shift_text(&s.text, months, years, own);
        }
        c.article.published = d.article.published.as_deref().map(|p| {
            let y: u32 = p[..4].parse().unwrap_or(2000);
            let m: u32 = p[5..7].parse().unwrap_or(1);
            let shift = if back {
                -(12 - months as i64) % 12
            } else {
                months as i64
            };
            let total = (i64::from(y * 12 + (m - 1)) + shift + 12 * i64::from(years)) as u32;
            format!("{:04}-{:02}{}", total / 12, total % 12 + 1, &p[7..])
        });
        if let Some(l) = gold.get(key(d)) {
            g2.insert(key(&c).to_string(), format!("{l}{tag}"));
        }
        out.push(c);
    }
    (out, g2)
}

/// The event views of a set of documents: (name, documents, labels).
fn event_views(docs: &[Document], gold: &Gold) -> Vec<(&'static str, Vec<Document>, Gold)> {
    let d = dated(docs, gold);
    let (l5, g5) = later(&d, gold, 5, 0, false);
    let (l2, g2) = later(&d, gold, 0, 2, false);
    let (mut t5, gt) = later(&d, gold, 5, 0, true);
    for d in &mut t5 {
        d.article.published = None;
    }
    vec![
        ("dated", d, gold.clone()),
        ("later5m", l5, g5),
        ("later2y", l2, g2),
        ("text5m", t5, gt),
    ]
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0).max(1.0);
    (m, v.sqrt())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, labels) = common::ecb_paths(&args);
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(labels).expect("labels")).expect("json");
    let (articles, _) = parallax::ingest::load(Path::new(dir)).expect("articles");
    let docs: Vec<Document> = articles
        .into_iter()
        .map(|a| parallax::segment::segment(a, &parallax::params::Params::default()))
        .collect();
    let topic_of = |d: &Document| topic(gold.get(d.article.id.as_str()).map_or("", |s| s));
    let topics: Vec<u32> = docs
        .iter()
        .map(topic_of)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let fold_of = |d: &Document| topics.iter().position(|&t| t == topic_of(d)).unwrap_or(0) % 5;
    let settings = grid();
    let three = three_per_story(&docs, &gold);
    let shorts = short(&docs);

    // CV_BASELINE=1: the textbook baseline beside Parallax (views whole,
    // three, short; with CV_EVENTS=1 the dated event views too).
    // CV_COMPARE=view:cut lists, per story of that view, how each groups it.
    let std_views = |ds: &[Document]| -> Vec<(&'static str, Vec<Document>, Gold)> {
        let mut v = vec![
            ("whole", ds.to_vec(), gold.clone()),
            ("three", three_per_story(ds, &gold), gold.clone()),
            ("short", short(ds), gold.clone()),
        ];
        // CV_CAPS=1: the short view with every third article's body
        // upper-cased (tweets that shout).
        if std::env::var("CV_CAPS").is_ok() {
            v.push(("caps", shout(&short(ds)), gold.clone()));
        }
        if std::env::var("CV_EVENTS").is_ok() {
            let mut e = event_views(ds, &gold);
            e.truncate(3);
            v.extend(e);
        }
        // CV_SINGLE=1: one event per topic (the ECB half, the ECB+ half,
        // each grouped on its own): stories of different kinds, no
        // look-alike twin, as in a general news collection.
        if std::env::var("CV_SINGLE").is_ok() {
            for (half, tag) in [("1", "-ecb-"), ("2", "-ecbplus-")] {
                let h: Vec<Document> = ds
                    .iter()
                    .filter(|d| gold.get(key(d)).is_some_and(|g| g.contains(tag)))
                    .cloned()
                    .collect();
                let name =
                    |v: &str| -> &'static str { Box::leak(format!("{v}{half}").into_boxed_str()) };
                v.push((name("single"), h.clone(), gold.clone()));
                v.push((name("single3-"), three_per_story(&h, &gold), gold.clone()));
                v.push((name("singleS"), short(&h), gold.clone()));
                v.push((name("sizes"), mixed_sizes(&h, &gold), gold.clone()));
            }
        }
        v
    };
    // A view of all topics, or of one fold's topics grouped on their own.
    let view_in_fold = |view: &str, fold: Option<&&str>| {
        let pool: Vec<Document> = match fold {
            Some(k) => {
                let k: usize = k.parse().expect("fold");
                docs.iter().filter(|d| fold_of(d) == k).cloned().collect()
            }
            None => docs.clone(),
        };
        let (_, d, g) = std_views(&pool)
            .into_iter()
            .find(|v| v.0 == view)
            .expect("view");
        (d, g)
    };
    // CV_PROBE=view:topic[:fold]: that topic's articles in the view (of the
    // fold's topics when a fold is given), their pairwise cosines and how
    // each step variant groups them (diagnosis only).
    if let Ok(c) = std::env::var("CV_PROBE") {
        let parts: Vec<&str> = c.split(':').collect();
        let (view, t) = (parts[0], parts[1].parse::<u32>().expect("topic"));
        let (d, g) = view_in_fold(view, parts.get(2));
        probe(&d, &g, t);
        return;
    }
    if let Ok(c) = std::env::var("CV_COMPARE") {
        let parts: Vec<&str> = c.split(':').collect();
        let (view, cut) = (parts[0], parts.get(1).expect("view:cut"));
        let cut: f64 = cut.parse().expect("cut");
        // view:cut:fold compares on that fold's topics grouped on their own.
        let (d, g) = view_in_fold(view, parts.get(2));
        // CV_COMPARE_VARIANT=name: Parallax with that setting of the grid
        // (e.g. `lonewho2 t=0.22`), not the default.
        let p = std::env::var("CV_COMPARE_VARIANT").map_or_else(
            |_| ClusterParams::default(),
            |v| {
                grid()
                    .into_iter()
                    .find(|(n, _)| *n == v)
                    .map(|(_, p)| p)
                    .expect("CV_COMPARE_VARIANT names a setting of the grid")
            },
        );
        compare_stories(&d, &g, &p, cut);
        return;
    }
    if std::env::var("CV_BASELINE").is_ok() {
        run_baseline(&docs, &fold_of, &std_views);
        return;
    }
    if std::env::var("CV_ALL").is_ok() {
        run_views_cv(&docs, &settings, &fold_of, &std_views);
        return;
    }
    if std::env::var("CV_EVENTS").is_ok() {
        let evs = event_views(&docs, &gold);
        for (name, d, _) in &evs {
            let dated = d.iter().filter(|d| d.article.published.is_some()).count();
            println!("view {name}: {} articles, {dated} dated", d.len());
        }
        for (name, p) in &settings {
            let line: Vec<String> = evs
                .iter()
                .map(|(v, d, g)| {
                    let (p, r, f) = score(d, g, p);
                    format!("{v} {f:.3} (P {p:.3} R {r:.3})")
                })
                .collect();
            println!("{name:26} {}", line.join("  "));
        }
        // CV_DUMP=view prints that view's groups that mix stories.
        if let Ok(v) = std::env::var("CV_DUMP") {
            let (_, d, g) = evs.iter().find(|e| e.0 == v).expect("view");
            let mut sorted = d.clone();
            sorted.sort_by(|a, b| {
                (&a.article.id, &a.article.path).cmp(&(&b.article.id, &b.article.path))
            });
            for grp in cluster::auto_groups(&sorted, &settings[0].1) {
                let mut c: BTreeMap<&str, Vec<String>> = BTreeMap::new();
                for &i in &grp {
                    let l = g.get(key(&sorted[i])).map_or("?", String::as_str);
                    let pb = sorted[i].article.published.clone().unwrap_or_default();
                    c.entry(l).or_default().push(pb);
                }
                if c.len() > 1 {
                    println!("group of {}:", grp.len());
                    for (l, ps) in c {
                        println!("   {l}: {ps:?}");
                    }
                }
            }
        }
        if std::env::var("CV_EVENTS_ONLY").is_ok() {
            return;
        }
    }
    println!(
        "setting                    ecb-all  three  short   (B-cubed F1, not used for choosing)"
    );
    let mut full: Vec<f64> = Vec::new();
    for (name, p) in &settings {
        let f = score(&docs, &gold, p).2;
        full.push(f);
        if std::env::var("CV_QUIET").is_err() {
            let (t, sh) = (score(&three, &gold, p), score(&shorts, &gold, p));
            println!(
                "{name:26} {f:.3}   {:.3}  {:.3}   (three P {:.3} R {:.3}; short P {:.3} R {:.3})",
                t.2, sh.2, t.0, t.1, sh.0, sh.1
            );
        }
    }
    if std::env::var("CV_TABLE_ONLY").is_ok() {
        return;
    }
    // Each fold is tuned on its training topics seen three ways (whole,
    // three articles per story, cut to 40 words: the kinds of collection
    // the tool meets) and scored the same three ways on topics it has not
    // seen. CV_SELECT=ecb tunes on the whole articles only.
    // CV_SELECT=events tunes and scores on the dated event views (dated,
    // later5m, later2y) of each fold's topics instead.
    if std::env::var("CV_SELECT").is_ok_and(|v| v == "events") {
        let mut held: Vec<[f64; 3]> = Vec::new();
        for k in 0..5 {
            let train: Vec<Document> = docs.iter().filter(|d| fold_of(d) != k).cloned().collect();
            let test: Vec<Document> = docs.iter().filter(|d| fold_of(d) == k).cloned().collect();
            let dated_views = |ds: &[Document]| {
                let mut v = event_views(ds, &gold);
                v.truncate(3);
                v
            };
            let train_views = dated_views(&train);
            let best = best_setting(&settings, &train_views);
            let f: Vec<f64> = dated_views(&test)
                .iter()
                .map(|(_, d, g)| score(d, g, best.2).2)
                .collect();
            println!(
                "fold {k}: chose {:26} (train {:.3}) held-out F1 dated {:.3} later5m {:.3} later2y {:.3}",
                best.1, best.0, f[0], f[1], f[2]
            );
            held.push([f[0], f[1], f[2]]);
        }
        for (v, name) in ["dated", "later5m", "later2y"].iter().enumerate() {
            let xs: Vec<f64> = held.iter().map(|h| h[v]).collect();
            let (m, sd) = mean_sd(&xs);
            let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = xs.iter().copied().fold(0.0, f64::max);
            println!(
                "held-out B-cubed F1 ({name}): mean {m:.3}, sd {sd:.3}, range {lo:.3}-{hi:.3}"
            );
        }
        return;
    }
    let views_only_ecb = std::env::var("CV_SELECT").is_ok_and(|v| v == "ecb");
    let views = |ds: &[Document]| -> Vec<Vec<Document>> {
        vec![ds.to_vec(), three_per_story(ds, &gold), short(ds)]
    };
    let mut held: Vec<[f64; 3]> = Vec::new();
    for k in 0..5 {
        let train: Vec<Document> = docs.iter().filter(|d| fold_of(d) != k).cloned().collect();
        let test: Vec<Document> = docs.iter().filter(|d| fold_of(d) == k).cloned().collect();
        let train_views = views(&train);
        let best = settings
            .iter()
            .map(|(name, p)| {
                let fs: Vec<f64> = train_views
                    .iter()
                    .take(if views_only_ecb { 1 } else { 3 })
                    .map(|v| score(v, &gold, p).2)
                    .collect();
                (fs.iter().sum::<f64>() / fs.len() as f64, name, p)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .expect("settings");
        let f: Vec<f64> = views(&test)
            .iter()
            .map(|v| score(v, &gold, best.2).2)
            .collect();
        println!(
            "fold {k}: chose {:26} (train {:.3}) held-out F1 ecb {:.3} three {:.3} short {:.3}",
            best.1, best.0, f[0], f[1], f[2]
        );
        held.push([f[0], f[1], f[2]]);
    }
    for (v, name) in ["ecb", "three", "short"].iter().enumerate() {
        let xs: Vec<f64> = held.iter().map(|h| h[v]).collect();
        let (m, sd) = mean_sd(&xs);
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(0.0, f64::max);
        println!("held-out B-cubed F1 ({name}): mean {m:.3}, sd {sd:.3}, range {lo:.3}-{hi:.3}");
    }
}

// ---------------------------------------------------------------------------
// The textbook baseline (issue 16): TF-IDF + average linkage, one cosine cut
//
// Each article is a bag of its content stems (headline and body; stop words
// dropped, Snowball stems: `nlp::tokens::content_stems`), weighted by raw
// term frequency times the smoothed IDF over the collection grouped
// (`nlp::compare::idf`), L2-normalised. Every pair is compared (cosine) and
// clusters merge by average linkage, best pair first, while the average
// similarity of all their cross pairs reaches the cut. Nothing else: no
// name or date terms, no vetoes, no fragments. Average linkage never
// raises a merge's height, so one run down to the lowest cut records the
// merges and every cut is a prefix of them.

/// The baseline's cosine of every pair of documents (row-major, n × n,
/// zero on the diagonal).
fn baseline_sims(docs: &[Document]) -> Vec<f64> {
    let n = docs.len();
    let bags: Vec<BTreeMap<String, f64>> = docs
        .iter()
        .map(|d| {
            let mut bag = BTreeMap::new();
            for s in parallax::nlp::tokens::content_stems(&doc_text(d)) {
                *bag.entry(s).or_insert(0.0) += 1.0;
            }
            bag
        })
        .collect();
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &bags {
        for k in b.keys() {
            *df.entry(k.as_str()).or_default() += 1;
        }
    }
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, k) in df.keys().enumerate() {
        ids.insert(k, i);
    }
    let rows: Vec<Vec<(usize, f64)>> = bags
        .iter()
        .map(|b| {
            let mut r: Vec<(usize, f64)> = b
                .iter()
                .map(|(k, &tf)| {
                    let w = tf * f64::from(parallax::nlp::compare::idf(n, df[k.as_str()]));
                    (ids[k.as_str()], w)
                })
                .collect();
            let norm = r.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-12);
            for x in &mut r {
                x.1 /= norm;
            }
            r
        })
        .collect();
    // Pairwise cosines through an inverted index.
    let mut post: Vec<Vec<(usize, f64)>> = vec![Vec::new(); ids.len()];
    for (d, r) in rows.iter().enumerate() {
        for &(t, w) in r {
            post[t].push((d, w));
        }
    }
    let mut sum = vec![0f64; n * n];
    for (a, r) in rows.iter().enumerate() {
        for &(t, w) in r {
            for &(b, wb) in &post[t] {
                if b != a {
                    sum[a * n + b] += w * wb;
                }
            }
        }
    }
    sum
}

/// The merges of the baseline's average linkage, best first: (average
/// similarity, one member of each side), down to similarity `floor`.
fn baseline_merges(docs: &[Document], floor: f64) -> Vec<(f64, usize, usize)> {
    let n = docs.len();
    let mut sum = baseline_sims(docs);
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let avg = |sum: &[f64], size: &[usize], a: usize, b: usize| {
        sum[a * n + b] / (size[a] * size[b]) as f64
    };
    let best_of = |sum: &[f64], size: &[usize], alive: &[bool], a: usize| {
        let mut best = (f64::NEG_INFINITY, usize::MAX);
        for b in (0..n).filter(|&b| b != a && alive[b]) {
            let s = avg(sum, size, a, b);
            if s > best.0 {
                best = (s, b);
            }
        }
        best
    };
    let mut best: Vec<(f64, usize)> = (0..n).map(|a| best_of(&sum, &size, &alive, a)).collect();
    let mut merges = Vec::new();
    while let Some(a) = (0..n)
        .filter(|&a| alive[a])
        .max_by(|&x, &y| best[x].0.total_cmp(&best[y].0).then(y.cmp(&x)))
    {
        let (s, b) = best[a];
        if b == usize::MAX || s < floor {
            break;
        }
        merges.push((s, a, b));
        // b into a.
        for k in 0..n {
            let v = sum[b * n + k];
            sum[a * n + k] += v;
            sum[k * n + a] = sum[a * n + k];
        }
        sum[a * n + a] = 0.0;
        size[a] += size[b];
        alive[b] = false;
        best[a] = best_of(&sum, &size, &alive, a);
        for k in (0..n).filter(|&k| alive[k] && k != a) {
            if best[k].1 == a || best[k].1 == b {
                best[k] = best_of(&sum, &size, &alive, k);
            } else {
                let s = avg(&sum, &size, k, a);
                if s > best[k].0 {
                    best[k] = (s, a);
                }
            }
        }
    }
    merges
}

/// The baseline's groups at one cut: the merges down to it.
fn baseline_cut(n: usize, merges: &[(f64, usize, usize)], cut: f64) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for &(s, a, b) in merges.iter().take_while(|m| m.0 >= cut) {
        let _ = s;
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[rb] = ra;
    }
    let mut by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        by.entry(r).or_default().push(i);
    }
    by.into_values().collect()
}

/// Documents sorted as the pipeline sorts them.
fn sorted(docs: &[Document]) -> Vec<Document> {
    let mut s = docs.to_vec();
    s.sort_by(|a, b| (&a.article.id, &a.article.path).cmp(&(&b.article.id, &b.article.path)));
    s
}

/// The cuts the baseline is tuned over.
fn baseline_cuts() -> Vec<f64> {
    (0..=30).map(|k| 0.04 + 0.02 * f64::from(k)).collect()
}

/// B-cubed F1 of the baseline at every cut of [`baseline_cuts`].
fn baseline_scores(docs: &[Document], gold: &Gold) -> Vec<(f64, f64, f64)> {
    let s = sorted(docs);
    let merges = baseline_merges(&s, 0.03);
    baseline_cuts()
        .iter()
        .map(|&c| bcubed(&s, &baseline_cut(s.len(), &merges, c), gold))
        .collect()
}

/// Per gold story, how Parallax and the baseline (at `cut`) treat it:
/// printed where their B-cubed F1 over the story's articles differ.
fn compare_stories(docs: &[Document], gold: &Gold, p: &ClusterParams, cut: f64) {
    let s = sorted(docs);
    let px = cluster::auto_groups(&s, p);
    // CV_AGAINST_NO_WHEN=1: against Parallax without the time veto instead.
    let bl = if std::env::var("CV_AGAINST_NO_WHEN").is_ok() {
        let q = ClusterParams {
            min_anchor_docs: u32::MAX,
            ..p.clone()
        };
        cluster::auto_groups(&s, &q)
    } else {
        baseline_cut(s.len(), &baseline_merges(&s, cut), cut)
    };
    let label = |i: usize| gold.get(key(&s[i])).cloned().unwrap_or_default();
    let group_of = |groups: &[Vec<usize>]| {
        let mut g = vec![0usize; s.len()];
        for (k, m) in groups.iter().enumerate() {
            for &i in m {
                g[i] = k;
            }
        }
        g
    };
    let (gp, gb) = (group_of(&px), group_of(&bl));
    // Per article F1 (B-cubed), summed per story.
    let f1 = |groups: &[Vec<usize>], g: &[usize], i: usize| {
        let l = label(i);
        let mine = &groups[g[i]];
        let same = mine.iter().filter(|&&j| label(j) == l).count() as f64;
        let gold_n = (0..s.len()).filter(|&j| label(j) == l).count() as f64;
        let (pr, rc) = (same / mine.len() as f64, same / gold_n);
        2.0 * pr * rc / (pr + rc)
    };
    let mut stories: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in 0..s.len() {
        stories.entry(label(i)).or_default().push(i);
    }
    let (mut won, mut lost) = (0.0, 0.0);
    for (l, m) in &stories {
        let fp: f64 = m.iter().map(|&i| f1(&px, &gp, i)).sum::<f64>();
        let fb: f64 = m.iter().map(|&i| f1(&bl, &gb, i)).sum::<f64>();
        // CV_COMPARE_ALL=1: every story Parallax does not group perfectly.
        let all = std::env::var("CV_COMPARE_ALL").is_ok() && fp < m.len() as f64 - 1e-9;
        if (fp - fb).abs() < 1e-9 && !all {
            continue;
        }
        if fp > fb {
            won += fp - fb;
        } else {
            lost += fb - fp;
        }
        let show = |groups: &[Vec<usize>], g: &[usize]| {
            let mut seen = BTreeSet::new();
            let mut parts = Vec::new();
            for &i in m {
                if seen.insert(g[i]) {
                    let grp = &groups[g[i]];
                    let mine = grp.iter().filter(|&&j| label(j) == *l).count();
                    let mut others: BTreeMap<String, usize> = BTreeMap::new();
                    for &j in grp.iter().filter(|&&j| label(j) != *l) {
                        *others.entry(label(j)).or_default() += 1;
                    }
                    parts.push(format!("{mine}{others:?}"));
                }
            }
            parts.join(" ")
        };
        println!(
            "{l:24} n={:3} parallax {:6.2} [{}]  baseline {:6.2} [{}]",
            m.len(),
            fp,
            show(&px, &gp),
            fb,
            show(&bl, &gb)
        );
    }
    println!("story F1 sums: parallax ahead by {won:.2}, behind by {lost:.2}");
    // CV_PAIRS=1: for stories of at most four articles Parallax splits,
    // every pair's cosine (Parallax's vectors / the baseline's).
    if std::env::var("CV_PAIRS").is_ok() {
        let edges: BTreeMap<(usize, usize), f64> = cluster::candidate_edges(&s, p)
            .into_iter()
            .map(|(a, b, w)| ((a, b), w))
            .collect();
        let bl_sims = baseline_sims(&s);
        for (l, m) in stories.iter().filter(|(_, m)| m.len() <= 4) {
            if m.iter().all(|&i| gp[i] == gp[m[0]]) {
                continue;
            }
            let mut line = format!("{l:24}");
            for (x, &a) in m.iter().enumerate() {
                for &b in &m[x + 1..] {
                    let w = edges.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
                    line.push_str(&format!("  {a}-{b} {w:.2}/{:.2}", bl_sims[a * s.len() + b]));
                }
            }
            println!("{line}");
        }
    }
}

/// CV_BASELINE=1: the baseline beside Parallax on every view (all topics),
/// then cross-validated (cut tuned on four fifths of the topics, the three
/// views averaged, as Parallax's settings are; scored on the held-out
/// fifth), beside Parallax's current setting on the same held-out folds.
fn run_baseline(docs: &[Document], fold_of: &dyn Fn(&Document) -> usize, views: &ViewsOf<'_>) {
    let p = ClusterParams::default();
    let cuts = baseline_cuts();
    println!("all topics: view, Parallax (current), baseline at each cut");
    for (name, d, g) in views(docs) {
        let (pp, pr, pf) = score(&d, &g, &p);
        let bs = baseline_scores(&d, &g);
        let (bi, bb) = bs
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.2.total_cmp(&b.1.2))
            .expect("cuts");
        println!(
            "{name:8} parallax {pf:.3} (P {pp:.3} R {pr:.3})  baseline best {:.3} at {:.2} (P {:.3} R {:.3})",
            bb.2, cuts[bi], bb.0, bb.1
        );
        let line: Vec<String> = cuts
            .iter()
            .zip(&bs)
            .map(|(c, s)| format!("{c:.2}:{:.3}", s.2))
            .collect();
        println!("   {}", line.join(" "));
    }
    let mut held: BTreeMap<&str, Vec<(f64, f64)>> = BTreeMap::new();
    for k in 0..5 {
        let train: Vec<Document> = docs.iter().filter(|d| fold_of(d) != k).cloned().collect();
        let test: Vec<Document> = docs.iter().filter(|d| fold_of(d) == k).cloned().collect();
        let tv = views(&train);
        let mut total = vec![0.0; cuts.len()];
        for (_, d, g) in &tv {
            for (t, s) in total.iter_mut().zip(baseline_scores(d, g)) {
                *t += s.2;
            }
        }
        let bi = (0..cuts.len())
            .max_by(|&a, &b| total[a].total_cmp(&total[b]).then(b.cmp(&a)))
            .expect("cuts");
        let mut line = format!("fold {k}: baseline cut {:.2}", cuts[bi]);
        for (name, d, g) in views(&test) {
            let b = baseline_scores(&d, &g)[bi].2;
            let px = score(&d, &g, &p).2;
            line.push_str(&format!("  {name} {px:.3}/{b:.3}"));
            held.entry(name).or_default().push((px, b));
        }
        println!("{line}   (parallax/baseline held-out)");
    }
    for (name, xs) in held {
        let (pm, ps) = mean_sd(&xs.iter().map(|x| x.0).collect::<Vec<_>>());
        let (bm, bs) = mean_sd(&xs.iter().map(|x| x.1).collect::<Vec<_>>());
        println!("held-out {name:8} parallax {pm:.3} (sd {ps:.3})  baseline {bm:.3} (sd {bs:.3})");
    }
}

/// CV_ALL=1: every setting on every view (all topics), then five-fold
/// cross-validation choosing the setting with the best mean F1 over the
/// training topics' views named in CV_CHOOSE (comma-separated; default
/// whole,three,short), scored on every view of the held-out topics.
fn run_views_cv(
    docs: &[Document],
    settings: &[(String, ClusterParams)],
    fold_of: &dyn Fn(&Document) -> usize,
    views: &ViewsOf<'_>,
) {
    let choose: Vec<String> = std::env::var("CV_CHOOSE")
        .unwrap_or_else(|_| "whole,three,short".into())
        .split(',')
        .map(str::to_string)
        .collect();
    let all = views(docs);
    let names: Vec<&str> = all.iter().map(|v| v.0).collect();
    println!("{:26} {}", "setting", names.join(" "));
    if std::env::var("CV_QUIET").is_err() {
        for (name, p) in settings {
            let line: Vec<String> = all
                .iter()
                .map(|(_, d, g)| format!("{:.3}", score(d, g, p).2))
                .collect();
            println!("{name:26} {}", line.join(" "));
        }
    }
    let mut held: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for k in 0..5 {
        let train: Vec<Document> = docs.iter().filter(|d| fold_of(d) != k).cloned().collect();
        let test: Vec<Document> = docs.iter().filter(|d| fold_of(d) == k).cloned().collect();
        let tv: Vec<_> = views(&train)
            .into_iter()
            .filter(|v| choose.iter().any(|c| c == v.0))
            .collect();
        let (f, name, p) = best_setting(settings, &tv);
        let mut line = format!("fold {k}: chose {name:26} (train {f:.3})");
        for (v, d, g) in views(&test) {
            let f = score(&d, &g, p).2;
            line.push_str(&format!(" {v} {f:.3}"));
            held.entry(v).or_default().push(f);
        }
        println!("{line}");
    }
    for v in names {
        let xs = &held[v];
        let (m, sd) = mean_sd(xs);
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(0.0, f64::max);
        println!("held-out {v:10} mean {m:.3}, sd {sd:.3}, range {lo:.3}-{hi:.3}");
    }
}

/// The setting with the best mean B-cubed F1 over the given views: (mean,
/// name, setting).
fn best_setting<'a>(
    settings: &'a [(String, ClusterParams)],
    views: &[(&str, Vec<Document>, Gold)],
) -> (f64, &'a String, &'a ClusterParams) {
    settings
        .iter()
        .map(|(name, p)| {
            let f: f64 = views.iter().map(|(_, d, g)| score(d, g, p).2).sum();
            (f / views.len() as f64, name, p)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .expect("settings")
}

/// CV_PROBE: one topic's articles, cosines and groups under step variants.
fn probe(docs: &[Document], gold: &Gold, t: u32) {
    let s = sorted(docs);
    let label = |i: usize| gold.get(key(&s[i])).cloned().unwrap_or_default();
    let mine: Vec<usize> = (0..s.len()).filter(|&i| topic(&label(i)) == t).collect();
    for &i in &mine {
        println!(
            "{i:4} {:40} {} pub={:?}",
            key(&s[i]),
            label(i),
            s[i].article.published
        );
    }
    let p = ClusterParams::default();
    let edges = cluster::candidate_edges(&s, &p);
    for (a, b, w) in &edges {
        if mine.contains(a) && mine.contains(b) {
            let same = label(*a) == label(*b);
            println!("  {a}-{b} {w:.3} {}", if same { "same" } else { "DIFF" });
        }
    }
    let variants = [
        ("default", p.clone()),
        (
            "no-coh",
            ClusterParams {
                cohesion_ratio: f64::INFINITY,
                ..p.clone()
            },
        ),
        (
            "no-lone",
            ClusterParams {
                lone_margin: f64::INFINITY,
                ..p.clone()
            },
        ),
        (
            "no-frag",
            ClusterParams {
                fragment_max: 0,
                ..p.clone()
            },
        ),
        (
            "no-when",
            ClusterParams {
                min_anchor_docs: u32::MAX,
                ..p.clone()
            },
        ),
    ];
    for (name, v) in variants {
        let groups = cluster::auto_groups(&s, &v);
        let shown: Vec<String> = groups
            .iter()
            .filter(|g| g.iter().any(|i| mine.contains(i)))
            .map(|g| format!("{g:?}"))
            .collect();
        println!("{name:8} {}", shown.join(" "));
    }
}
