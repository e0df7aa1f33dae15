//! Story grouping built in steps, as a newsroom's folder grows: how far
//! the kept membership (`parallax.lock`, [`parallax::cluster::group_keeping`])
//! strays from one clean grouping of everything, and how many old articles
//! change story-mates at each step.
//!
//! ECB+ articles are dealt in a fixed pseudo-random order (three orders);
//! each schedule builds the first share of them, remembers the stories
//! (ids) as the lock does, then builds the next share keeping them, and so
//! on up to all of them. Printed per schedule and order: B-cubed F1 of the
//! last step against the ECB+ labels, and the share of old articles whose
//! story-mates (among old articles) changed, summed over steps.
//!
//! cargo run --release --example cluster_steps -- [ARTICLES LABELS.json]

mod common;

use parallax::cluster;
use parallax::model::{Document, Story};
use parallax::params::Params;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Gold = BTreeMap<String, String>;

/// B-cubed F1 of stories (ids) against gold.
fn bcubed(stories: &[Vec<String>], gold: &Gold) -> f64 {
    let label = |id: &String| gold.get(id).cloned().unwrap_or_default();
    let labelled: Vec<Vec<String>> = stories
        .iter()
        .map(|s| s.iter().map(label).collect())
        .collect();
    common::bcubed(&labelled).2
}

/// Each old article's story-mates among the old articles.
fn mates(stories: &[Vec<String>], old: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for s in stories {
        let olds: BTreeSet<String> = s.iter().filter(|id| old.contains(*id)).cloned().collect();
        for id in &olds {
            out.insert(id.clone(), olds.clone());
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, labels) = common::ecb_paths(&args);
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(labels).expect("labels")).expect("json");
    let params = Params::default();
    let (articles, _) = parallax::ingest::load(Path::new(dir)).expect("articles");
    let docs: Vec<Document> = articles
        .into_iter()
        .map(|a| parallax::segment::segment(a, &params))
        .collect();
    let ids = |stories: &[Story]| -> Vec<Vec<String>> {
        stories
            .iter()
            .map(|s| s.docs.iter().map(|d| d.article.id.to_string()).collect())
            .collect()
    };
    let clean = cluster::group(docs.clone(), &params);
    println!(
        "one clean build: B-cubed F1 {:.3}",
        bcubed(&ids(&clean), &gold)
    );
    let schedules: [&[usize]; 3] = [&[90, 100], &[50, 100], &[70, 85, 100]];
    for schedule in schedules {
        for seed in 1..=3u64 {
            let mut order: Vec<&Document> = docs.iter().collect();
            order.sort_by_key(|d| common::fnv(&d.article.id, seed));
            let mut previous: Vec<BTreeSet<String>> = Vec::new();
            let (mut moved, mut olds) = (0usize, 0usize);
            let mut last = Vec::new();
            for &share in schedule {
                let take = order.len() * share / 100;
                let now: Vec<Document> = order[..take].iter().map(|&d| d.clone()).collect();
                let feats: Vec<_> = now
                    .iter()
                    .map(|d| cluster::features(d, &params.cluster))
                    .collect();
                let stories = ids(&cluster::group_keeping(now, &feats, &params, &previous));
                let old: BTreeSet<String> = previous.iter().flatten().cloned().collect();
                if !old.is_empty() {
                    let before: Vec<Vec<String>> = previous
                        .iter()
                        .map(|s| s.iter().cloned().collect())
                        .collect();
                    let (a, b) = (mates(&before, &old), mates(&stories, &old));
                    moved += old.iter().filter(|id| a.get(*id) != b.get(*id)).count();
                    olds += old.len();
                }
                previous = stories
                    .iter()
                    .map(|s| s.iter().cloned().collect())
                    .collect();
                last = stories;
            }
            println!(
                "steps {schedule:?} order {seed}: B-cubed F1 {:.3}, old articles moved {:.1}%",
                bcubed(&last, &gold),
                100.0 * moved as f64 / olds.max(1) as f64
            );
        }
    }
}
