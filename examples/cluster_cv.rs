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
//! cargo run --release --example cluster_cv -- [ARTICLES LABELS.json]

use parallax::cluster;
use parallax::model::Document;
use parallax::params::ClusterParams;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Gold = BTreeMap<String, String>;

/// B-cubed precision, recall and F1 of grouped index lists against gold.
fn bcubed(docs: &[Document], groups: &[Vec<usize>], gold: &Gold) -> (f64, f64, f64) {
    let label = |i: usize| {
        gold.get(docs[i].article.id.as_str())
            .cloned()
            .unwrap_or_default()
    };
    let mut gold_size: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..docs.len() {
        *gold_size.entry(label(i)).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for g in groups {
        let mut inside: BTreeMap<String, usize> = BTreeMap::new();
        for &i in g {
            *inside.entry(label(i)).or_default() += 1;
        }
        for &i in g {
            let same = inside[&label(i)] as f64;
            p += same / g.len() as f64;
            r += same / gold_size[&label(i)] as f64;
        }
    }
    let n = docs.len() as f64;
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

/// Groups documents (sorted by id first, as the pipeline does) and scores.
fn score(docs: &[Document], gold: &Gold, p: &ClusterParams) -> (f64, f64, f64) {
    let mut sorted = docs.to_vec();
    sorted.sort_by(|a, b| a.article.id.cmp(&b.article.id));
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

/// A fixed hash (FNV-1a) for choosing articles reproducibly.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Three articles per story.
fn three_per_story(docs: &[Document], gold: &Gold) -> Vec<Document> {
    let mut by: BTreeMap<String, Vec<&Document>> = BTreeMap::new();
    for d in docs {
        if let Some(g) = gold.get(d.article.id.as_str()) {
            by.entry(g.clone()).or_default().push(d);
        }
    }
    let mut out = Vec::new();
    for mut v in by.into_values() {
        v.sort_by_key(|d| fnv(&d.article.id));
        out.extend(v.into_iter().take(3).cloned());
    }
    out
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
            "no-veto-no-frag",
            ClusterParams {
                min_anchor_docs: u32::MAX,
                min_who_share: 2.0,
                fragment_max: 0,
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

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0).max(1.0);
    (m, v.sqrt())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map_or("../shared/bench/ecbplus/articles", String::as_str);
    let labels = args
        .get(2)
        .map_or("../shared/bench/ecbplus/labels.json", String::as_str);
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
