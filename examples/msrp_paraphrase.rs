//! Fits the paraphrase model of the language layer (`nlp::paraphrase`) on
//! the MSR Paraphrase Corpus's training half, and reports it.
//!
//! Usage: cargo run --release --example msrp_paraphrase -- ../shared/data/msrp [test]
//!
//! Content stems are weighted by the smoothed IDF (`nlp::compare::idf`)
//! over the training sentences. Every training pair gives its features in
//! both orders (the model must not care which sentence comes first), and
//! logistic regression is fitted by full-batch gradient descent from zero
//! weights with a fixed step count and a small L2 penalty, so the fit is
//! the same on every run. It prints the fitted weights (to paste into
//! `ParaphraseParams`), the training accuracy of the stored weights at
//! each cut, and five-fold cross-validated accuracy on the training half.
//! The plain cut it replaces in unique claims (content-stem cosine,
//! `UniqueParams::max_similarity`) is scored the same way.
//!
//! With `test` it also scores the test half, with the stored weights and
//! cuts and the cosine baseline's best training cut: the held-out figure,
//! to be run once when the design is done.

use parallax::lexicon::Lexicon;
use parallax::nlp::compare::{idf, set_cosine};
use parallax::nlp::paraphrase::{FEATURES, Profile, features, probability_of, restates};
use parallax::nlp::tokens::Tokens;
use parallax::params::{ParaphraseParams, UniqueParams};
use std::collections::{BTreeSet, HashMap};

mod common;

type Pair = (bool, Profile, Profile);

fn fit(rows: &[([f32; FEATURES], bool)], steps: usize, l2: f32) -> ParaphraseParams {
    let mut p = ParaphraseParams::default();
    let n = rows.len() as f32;
    let rate = 1.0f32;
    for _ in 0..steps {
        let mut gb = 0.0f32;
        let mut gw = [0.0f32; FEATURES];
        for (f, y) in rows {
            let err = probability_of(f, &p) - if *y { 1.0 } else { 0.0 };
            gb += err;
            for (g, x) in gw.iter_mut().zip(f) {
                *g += err * x;
            }
        }
        p.bias -= rate * gb / n;
        for (w, g) in p.weights.iter_mut().zip(gw) {
            *w -= rate * (g / n + l2 * *w);
        }
    }
    p
}

fn rows_of(pairs: &[Pair], weight: &dyn Fn(&str) -> f32) -> Vec<([f32; FEATURES], bool)> {
    pairs
        .iter()
        .flat_map(|(y, a, b)| [(features(a, b, weight), *y), (features(b, a, weight), *y)])
        .collect()
}

/// Accuracy, precision, recall and F1 of yes/no answers against labels.
fn grade(v: &[(bool, bool)]) -> (f32, f32, f32, f32) {
    let tp = v.iter().filter(|(s, y)| *s && *y).count() as f32;
    let fp = v.iter().filter(|(s, y)| *s && !*y).count() as f32;
    let fneg = v.iter().filter(|(s, y)| !*s && *y).count() as f32;
    let acc = v.iter().filter(|(s, y)| s == y).count() as f32 / v.len() as f32;
    let prec = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    (
        acc,
        prec,
        tp / (tp + fneg),
        2.0 * tp / (2.0 * tp + fp + fneg),
    )
}

/// A sentence as unique claims read it: with WordNet's senses.
fn read_one(text: &str) -> Profile {
    Profile::of(&Tokens::new(text), &|s| Lexicon::get().senses(s))
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map_or("../shared/data/msrp", String::as_str);
    let with_test = args.get(2).is_some_and(|a| a == "test");
    let read = |part: &str| -> Vec<Pair> {
        common::msrp_pairs(&format!("{dir}/msr_paraphrase_{part}.txt"))
            .into_iter()
            .map(|(y, a, b)| (y, read_one(&a), read_one(&b)))
            .collect()
    };
    let train = read("train");
    let mut df: HashMap<String, usize> = HashMap::new();
    for (_, a, b) in &train {
        for p in [a, b] {
            for s in &p.stems {
                *df.entry(s.clone()).or_insert(0) += 1;
            }
        }
    }
    let n = 2 * train.len();
    let weight = |s: &str| idf(n, *df.get(s).unwrap_or(&0));
    let (steps, l2) = (20000, 1e-4);

    let rows = rows_of(&train, &weight);
    let fitted = fit(&rows, steps, l2);
    println!("train pairs {}", train.len());
    println!(
        "fitted: bias {:.2}, weights {:?}",
        fitted.bias,
        fitted.weights.map(round2)
    );

    // Five-fold cross-validation on the training half: fit on four
    // folds, answer at 0.5 on the fifth.
    let mut cv: Vec<(bool, bool)> = Vec::new();
    for k in 0..5 {
        let (fold, rest): (Vec<_>, Vec<_>) =
            train.iter().enumerate().partition(|(i, _)| i % 5 == k);
        let rest: Vec<Pair> = rest.into_iter().map(|(_, p)| p.clone()).collect();
        let m = fit(&rows_of(&rest, &weight), steps, l2);
        for (_, (y, a, b)) in fold {
            cv.push((probability_of(&features(a, b, &weight), &m) >= 0.5, *y));
        }
    }
    let (a, pr, r, f) = grade(&cv);
    println!(
        "five-fold CV on train at 0.5: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}"
    );

    let stored = ParaphraseParams::default();
    println!(
        "stored: bias {:.2}, weights {:?}, restated_min {}",
        stored.bias, stored.weights, stored.restated_min
    );
    let model = |set: &[Pair], cut: f32| -> Vec<(bool, bool)> {
        set.iter()
            .map(|(y, a, b)| {
                let m = ParaphraseParams {
                    restated_min: cut,
                    ..stored.clone()
                };
                (probability_of(&features(a, b, &weight), &m) >= cut, *y)
            })
            .collect()
    };
    // Both directions restated, with the hard conditions: what unique
    // claims ask of a pair, read as a symmetric answer.
    let guarded = |set: &[Pair]| -> Vec<(bool, bool)> {
        set.iter()
            .map(|(y, a, b)| {
                (
                    restates(a, b, &weight, &stored) && restates(b, a, &weight, &stored),
                    *y,
                )
            })
            .collect()
    };
    let set = |p: &Profile| p.stems.iter().cloned().collect::<BTreeSet<String>>();
    let cosine = |set_: &[Pair], cut: f32| -> Vec<(bool, bool)> {
        set_.iter()
            .map(|(y, a, b)| (set_cosine(&set(a), &set(b)) > cut, *y))
            .collect()
    };
    for cut in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8] {
        let (a, pr, r, f) = grade(&model(&train, cut));
        println!(
            "  model cut {cut:.1} train: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}"
        );
    }
    let (a, pr, r, f) = grade(&guarded(&train));
    println!(
        "  restates both ways (hard conditions, cut {}) train: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}",
        stored.restated_min
    );
    // Which hard condition turns away the training paraphrases.
    let pos: Vec<&Pair> = train.iter().filter(|p| p.0).collect();
    let sub = |a: &[String], b: &[String]| a.iter().all(|x| b.binary_search(x).is_ok());
    println!(
        "  training paraphrases {}: a figure one lacks {}, a name one lacks {}, negation differs {}",
        pos.len(),
        pos.iter()
            .filter(|(_, a, b)| !sub(&a.figures, &b.figures) || !sub(&b.figures, &a.figures))
            .count(),
        pos.iter()
            .filter(|(_, a, b)| !sub(&a.names, &b.stems) || !sub(&b.names, &a.stems))
            .count(),
        pos.iter()
            .filter(|(_, a, b)| a.negations % 2 != b.negations % 2)
            .count(),
    );
    if std::env::var("SHOW").is_ok() {
        for (_, a, b) in pos
            .iter()
            .filter(|(_, a, b)| !sub(&a.names, &b.stems) || !sub(&b.names, &a.stems))
            .take(15)
        {
            println!("    names {:?} / {:?}", a.names, b.names);
        }
        for (_, a, b) in pos
            .iter()
            .filter(|(_, a, b)| !sub(&a.figures, &b.figures) || !sub(&b.figures, &a.figures))
            .take(15)
        {
            println!("    figures {:?} / {:?}", a.figures, b.figures);
        }
    }
    let mut best = (0.0f32, 0.0f32);
    for i in 0..100 {
        let cut = i as f32 / 100.0;
        let a = grade(&cosine(&train, cut)).0;
        if a > best.1 {
            best = (cut, a);
        }
    }
    let old = UniqueParams::default().max_similarity;
    for cut in [best.0, old] {
        let (a, pr, r, f) = grade(&cosine(&train, cut));
        println!(
            "  cosine above {cut:.2} train: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}"
        );
    }

    if with_test {
        let test = read("test");
        println!("test pairs {} (held out: scored once)", test.len());
        for cut in [0.5, stored.restated_min] {
            let (a, pr, r, f) = grade(&model(&test, cut));
            println!(
                "  model cut {cut:.2} test: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}"
            );
        }
        let (a, pr, r, f) = grade(&guarded(&test));
        println!(
            "  restates both ways test: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}"
        );
        for cut in [best.0, old] {
            let (a, pr, r, f) = grade(&cosine(&test, cut));
            println!(
                "  cosine above {cut:.2} test: accuracy {a:.3} precision {pr:.3} recall {r:.3} F1 {f:.3}"
            );
        }
    }
}
