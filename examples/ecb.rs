//! Development harness for story grouping: reads a flat folder of articles
//! with the real ingest and segment stages, groups them and scores B-cubed precision/recall/F1 against a labels file
//! mapping file stem → story.
//!
//! cargo run --release --example ecb -- ARTICLES LABELS.json [THRESHOLD...]

mod common;

use parallax::cluster;
use parallax::model::Document;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

fn bcubed(pred: &BTreeMap<String, usize>, gold: &BTreeMap<String, String>) -> (f64, f64, f64) {
    let (mut p, mut r) = (0.0, 0.0);
    for (a, g) in gold {
        let Some(c) = pred.get(a) else { continue };
        let same_pred: Vec<&String> = pred
            .iter()
            .filter(|(_, x)| *x == c)
            .map(|(k, _)| k)
            .collect();
        let same_gold = gold.values().filter(|x| *x == g).count();
        let inter = same_pred
            .iter()
            .filter(|k| gold.get(**k) == Some(g))
            .count() as f64;
        p += inter / same_pred.len() as f64;
        r += inter / same_gold as f64;
    }
    let n = gold.len() as f64;
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, labels) = common::ecb_paths(&args);
    let thresholds: Vec<f64> = if args.len() > 3 {
        args[3..].iter().filter_map(|a| a.parse().ok()).collect()
    } else {
        vec![parallax::params::ClusterParams::default().merge_threshold]
    };
    let gold: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(labels).expect("labels")).expect("json");
    let (articles, _) = parallax::ingest::load(Path::new(dir)).expect("articles");
    let docs: Vec<Document> = articles
        .into_iter()
        .map(|a| parallax::segment::segment(a, &parallax::params::Params::default()))
        .collect();
    if std::env::var("ECB_STATS").is_ok() {
        stats(&docs, &gold);
        confusions(&docs, &gold);
    }
    for th in thresholds {
        let start = Instant::now();
        let mut params = parallax::params::Params::default();
        params.cluster.merge_threshold = th;
        let stories = cluster::group(docs.clone(), &params);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let mut pred = BTreeMap::new();
        for (i, s) in stories.iter().enumerate() {
            for d in &s.docs {
                pred.insert(d.article.id.to_string(), i);
            }
        }
        let (p, r, f) = bcubed(&pred, &gold);
        if std::env::var("ECB_FRAG").is_ok() {
            fragments(&stories, &gold);
        }
        println!(
            "threshold {th:.3}: {} stories in {ms:.1} ms  B3 P {p:.3} R {r:.3} F1 {f:.3}",
            stories.len()
        );
    }
}

/// Prints how candidate similarities split between same-story and
/// different-story pairs (set ECB_STATS=1).
pub fn stats(docs: &[Document], gold: &BTreeMap<String, String>) {
    let mut sorted = docs.to_vec();
    sorted.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let edges = cluster::candidate_edges(&sorted, &parallax::params::ClusterParams::default());
    let label = |i: usize| {
        gold.get(sorted[i].article.id.as_str())
            .cloned()
            .unwrap_or_default()
    };
    let mut same_pairs = 0usize;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for d in &sorted {
        *counts
            .entry(gold.get(d.article.id.as_str()).cloned().unwrap_or_default())
            .or_default() += 1;
    }
    for c in counts.values() {
        same_pairs += c * (c - 1) / 2;
    }
    let buckets = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 1.01];
    let mut same = vec![0usize; buckets.len()];
    let mut diff = vec![0usize; buckets.len()];
    for &(a, b, s) in &edges {
        let k = buckets.iter().rposition(|&x| s >= x).unwrap_or(0);
        if label(a) == label(b) {
            same[k] += 1
        } else {
            diff[k] += 1
        }
    }
    println!(
        "edges {} ; same-story pairs {same_pairs}, found {}",
        edges.len(),
        same.iter().sum::<usize>()
    );
    for (k, x) in buckets.iter().enumerate() {
        println!("  >= {x:.2}: same {:6} diff {:6}", same[k], diff[k]);
    }
}

/// Cross-story confusion: counts of different-story pairs ≥ 0.2, by label pair.
pub fn confusions(docs: &[Document], gold: &BTreeMap<String, String>) {
    let mut sorted = docs.to_vec();
    sorted.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let edges = cluster::candidate_edges(&sorted, &parallax::params::ClusterParams::default());
    let label = |i: usize| {
        gold.get(sorted[i].article.id.as_str())
            .cloned()
            .unwrap_or_default()
    };
    let mut conf: BTreeMap<(String, String), (usize, f64)> = BTreeMap::new();
    for &(a, b, s) in &edges {
        let (la, lb) = (label(a), label(b));
        if la != lb && s >= 0.2 {
            let k = if la < lb { (la, lb) } else { (lb, la) };
            let e = conf.entry(k).or_default();
            e.0 += 1;
            e.1 = e.1.max(s);
        }
    }
    let mut v: Vec<_> = conf.into_iter().collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1.0));
    for ((a, b), (n, m)) in v.iter().take(25) {
        println!("{n:4} max {m:.2}  {a:.45} | {b:.45}");
    }
}

/// For each gold story, the sizes of the predicted clusters it is spread over.
pub fn fragments(stories: &[parallax::model::Story], gold: &BTreeMap<String, String>) {
    let mut by_gold: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    for (i, s) in stories.iter().enumerate() {
        for d in &s.docs {
            let g = gold.get(d.article.id.as_str()).cloned().unwrap_or_default();
            *by_gold.entry(g).or_default().entry(i).or_default() += 1;
        }
    }
    for s in stories {
        let mut c: BTreeMap<String, usize> = BTreeMap::new();
        for d in &s.docs {
            *c.entry(gold.get(d.article.id.as_str()).cloned().unwrap_or_default())
                .or_default() += 1;
        }
        if c.len() > 1 {
            println!(
                "IMPURE {}",
                c.iter()
                    .map(|(g, n)| format!("{n}x{g:.30}"))
                    .collect::<Vec<_>>()
                    .join(" + ")
            );
        }
    }
    for (g, parts) in by_gold {
        if parts.len() > 1 {
            let mut sizes: Vec<String> = parts
                .iter()
                .map(|(c, n)| format!("{n}/{}", stories[*c].docs.len()))
                .collect();
            sizes.sort();
            println!("{g:.50}: {}", sizes.join(" "));
        }
    }
}
