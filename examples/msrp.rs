//! Calibrates the aligner's similarity on the MSR Paraphrase Corpus.
//!
//! Usage: cargo run --release --example msrp -- ../shared/data/msrp
//!
//! Weighs terms by inverse document frequency over the training sentences
//! (as the aligner does over a story's sentences), finds the cut that
//! maximises accuracy on the training pairs, and reports accuracy and F1 of
//! that cut on the test pairs. The result is documented in the README and
//! beside `AlignParams::cut`; MSRP itself is never shipped.

use parallax::align::{terms_of, text_similarity};
use std::collections::HashMap;

mod common;
use common::msrp_pairs as load;

fn main() {
    let params = parallax::params::Params::default();
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/msrp".to_string());
    let train = load(&format!("{dir}/msr_paraphrase_train.txt"));
    let test = load(&format!("{dir}/msr_paraphrase_test.txt"));
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut n = 0usize;
    for (_, a, b) in &train {
        for s in [a, b] {
            n += 1;
            let mut t = terms_of(s, &params);
            t.sort();
            t.dedup();
            for w in t {
                *df.entry(w).or_insert(0) += 1;
            }
        }
    }
    let idf = |t: &str| parallax::nlp::compare::idf(n, *df.get(t).unwrap_or(&0));
    let score = |set: &[(bool, String, String)]| -> Vec<(f32, bool)> {
        set.iter()
            .map(|(y, a, b)| (text_similarity(a, b, Some(&idf), &params), *y))
            .collect()
    };
    let tr = score(&train);
    let te = score(&test);
    let acc = |v: &[(f32, bool)], t: f32| {
        v.iter().filter(|(s, y)| (*s >= t) == *y).count() as f32 / v.len() as f32
    };
    let f1 = |v: &[(f32, bool)], t: f32| {
        let tp = v.iter().filter(|(s, y)| *s >= t && *y).count() as f32;
        let fp = v.iter().filter(|(s, y)| *s >= t && !*y).count() as f32;
        let fneg = v.iter().filter(|(s, y)| *s < t && *y).count() as f32;
        2.0 * tp / (2.0 * tp + fp + fneg)
    };
    let mut best = (0.0f32, 0.0f32);
    for i in 0..100 {
        let t = i as f32 / 100.0;
        let a = acc(&tr, t);
        if a > best.1 {
            best = (t, a);
        }
    }
    println!("train pairs {}, test pairs {}", tr.len(), te.len());
    println!(
        "best cut on train: {:.2} (train accuracy {:.3})",
        best.0, best.1
    );
    println!(
        "test accuracy {:.3}, test F1 {:.3} at that cut",
        acc(&te, best.0),
        f1(&te, best.0)
    );
    for t in [0.25, 0.30, 0.32, 0.35, 0.40, 0.45, 0.50] {
        println!(
            "  cut {t:.2}: test accuracy {:.3}, F1 {:.3}",
            acc(&te, t),
            f1(&te, t)
        );
    }
}
