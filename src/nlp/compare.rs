//! Comparing texts: longest common subsequence, inverse document frequency
//! and cosine similarity.
//!
//! The LCS comes from the `similar` crate, so no stage hand-writes one: its
//! Myers diff finds a shortest edit script, and the matches of a shortest
//! edit script are a longest common subsequence (Myers 1986). (similar's
//! own `lcs` module is not used: in 2.7.0 it indexes its table from the
//! start of the sequences rather than after their common prefix, and
//! returns too short a subsequence when they share a first word; the unit
//! test below pins that case.) There are two named IDF formulas, chosen by
//! what the weights are for, never a private copy in a stage:
//! - [`idf`], the smoothed form of scikit-learn, floored at one: for
//!   comparing documents of one event (story grouping, claim alignment),
//!   where a word every document shares must still count;
//! - [`bm25_idf`], the IDF of Okapi BM25 (Lucene's non-negative form),
//!   near zero for a word every document has: for telling statements of
//!   one story apart (quotation merging), where the story's topic words
//!   must weigh almost nothing. Measured: quotation merging with [`idf`]
//!   instead merges more (ECB+ quotation items 1,567 → 1,559), and two of
//!   those merges are wrong: on the dev stories a whole quoted article
//!   absorbs a third outlet's quotation (Michigan, gold Q7 lost: quote
//!   recall 0.95 → 0.94), and on ECB+ a navy quotation takes another
//!   officer's name (speakers wrong 9 → 10 of 255).
//!
//! [`cosine`] compares weighted sparse vectors, [`set_cosine`] sets of
//! words (every word weighing one).

use similar::algorithms::{DiffHook, myers};
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Records the index pairs of the equal runs of a diff.
#[derive(Default)]
struct Matches(Vec<(usize, usize)>);

impl DiffHook for Matches {
    type Error = std::convert::Infallible;
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        self.0.extend((0..len).map(|k| (old + k, new + k)));
        Ok(())
    }
}

/// The index pairs `(i, j)` with `a[i] == b[j]` of one longest common
/// subsequence of `a` and `b`, in increasing order. Costs O((|a| + |b|)·D)
/// for D differing items, in linear space.
pub fn lcs_pairs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let mut m = Matches::default();
    let Ok(()) = myers::diff(&mut m, a, 0..a.len(), b, 0..b.len());
    m.0
}

/// Length of a longest common subsequence of `a` and `b`.
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    lcs_pairs(a, b).len()
}

/// Largest total weight of a common subsequence of `a` and `b`, each
/// matched item of `a` weighing `weight(item)`: the LCS when some items
/// matter more than others (a rare word against a common one). A
/// dynamic programme over `|a|·|b|` cells in one row of `|b| + 1`
/// (`similar` has no weighted form); callers keep `a` the shorter.
pub fn weighted_lcs<T: PartialEq>(a: &[T], b: &[T], weight: impl Fn(&T) -> f64) -> f64 {
    let mut row = vec![0f64; b.len() + 1];
    for x in a {
        let mut diag = 0.0;
        let wx = weight(x);
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + wx } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Inverse document frequency of a term found in `df` of `n` documents:
/// the smoothed formula `ln((1 + n) / (1 + df)) + 1` (scikit-learn's
/// `smooth_idf`). It is positive even for a term every document has (so a
/// small collection about one event still finds its documents alike) and
/// finite for a term no document has.
pub fn idf(n: usize, df: usize) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
}

/// Inverse document frequency of Okapi BM25, in Lucene's non-negative
/// form: `ln(1 + (n - df + 0.5) / (df + 0.5))` = `ln((n + 1) / (df +
/// 0.5))`. Unlike [`idf`] it has no floor: a term in every document weighs
/// nearly nothing (ln((n + 1) / (n + 0.5))), yet never exactly zero, so a
/// story of two articles can still compare the words they share. For
/// weighing words that must tell one statement from another within a
/// story (see the module documentation for why not [`idf`]).
pub fn bm25_idf(n: usize, df: usize) -> f64 {
    ((n as f64 + 1.0) / (df as f64 + 0.5)).ln()
}

/// Dot product of two sparse vectors sorted by index: their cosine when
/// both are L2-normalised (see [`normalise`]).
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Cosine of two sets read as binary vectors: shared members over the
/// geometric mean of the sizes, 0 when either is empty.
pub fn set_cosine<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f32;
    shared / ((a.len() * b.len()) as f32).sqrt()
}

/// Are two words one edit apart: one letter replaced, inserted or
/// deleted (Levenshtein distance exactly 1)? Equal words are not. Two
/// spellings of one word ("Advisers"/"Advisors", "recognised"/"recognized")
/// are, and so are some different words ("cat"/"cut"): callers ask it of
/// long words only.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let p = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[p + 1..] == long[p + 1..]
    } else {
        short[p..] == long[p + 1..]
    }
}

/// Scales a sparse vector to unit length (a zero vector stays zero).
pub fn normalise(v: &mut [(u32, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v {
            *w /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart_is_levenshtein_distance_one() {
        assert!(one_edit_apart("advisers", "advisors"));
        assert!(one_edit_apart("recognised", "recognized"));
        assert!(one_edit_apart("harbour", "harbor"));
        assert!(one_edit_apart("harbor", "harbour"));
        assert!(one_edit_apart("kafoury", "kafouri"));
        assert!(!one_edit_apart("harbor", "harbor"));
        assert!(!one_edit_apart("martin", "marvin1"));
        assert!(!one_edit_apart("riva", "rivera"));
        assert!(!one_edit_apart("", "ab"));
        assert!(one_edit_apart("", "a"));
    }

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn lcs_of_words() {
        let a = words("we will not accept this deal");
        let b = words("we shall never accept the deal");
        assert_eq!(lcs_len(&a, &b), 3);
        assert_eq!(lcs_pairs(&a, &b), vec![(0, 0), (3, 3), (5, 5)]);
        assert_eq!(lcs_len::<&str>(&[], &b), 0);
        assert_eq!(lcs_len(&a, &a), a.len());
        let x = words("a b c a b");
        let y = words("b a c b");
        assert_eq!(lcs_len(&x, &y), 3);
    }

    #[test]
    fn weighted_lcs_prefers_heavy_items() {
        let a = words("x rare y");
        let b = words("rare x y");
        let w = |t: &&str| if *t == "rare" { 5.0 } else { 1.0 };
        assert_eq!(weighted_lcs(&a, &b, w), 6.0, "rare y outweighs x y");
        assert_eq!(weighted_lcs(&a, &b, |_| 1.0), lcs_len(&a, &b) as f64);
        assert_eq!(weighted_lcs(&a, &[], w), 0.0);
    }

    #[test]
    fn idf_is_smoothed() {
        assert!((idf(10, 10) - 1.0).abs() < 1e-6);
        assert!(idf(10, 1) > idf(10, 5));
        assert!(idf(10, 0).is_finite());
        assert!((idf(3, 1) - (2.0f32.ln() + 1.0)).abs() < 1e-6);
    }

    #[test]
    fn bm25_idf_nearly_ignores_words_every_document_has() {
        // Lucene's form and the short form agree.
        let lucene = |n: f64, df: f64| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for (n, df) in [(10, 1), (10, 10), (2, 2), (3, 0)] {
            assert!((bm25_idf(n, df) - lucene(n as f64, df as f64)).abs() < 1e-12);
        }
        assert!(
            bm25_idf(2, 2) > 0.0,
            "never zero: two articles still compare"
        );
        assert!(bm25_idf(10, 10) < 0.05);
        assert!(bm25_idf(10, 0).is_finite());
        // More contrast between a rare and a shared word than the floored idf.
        let contrast = bm25_idf(10, 1) / bm25_idf(10, 10);
        assert!(contrast > 10.0 * f64::from(idf(10, 1) / idf(10, 10)));
    }

    #[test]
    fn cosine_of_sets() {
        let set = |s: &'static str| s.split(' ').collect::<BTreeSet<&str>>();
        assert!((set_cosine(&set("a b c d"), &set("a b c d")) - 1.0).abs() < 1e-6);
        assert!((set_cosine(&set("a b c d"), &set("a b")) - 2.0 / 8f32.sqrt()).abs() < 1e-6);
        assert_eq!(set_cosine(&set("a b"), &set("c d")), 0.0);
        assert_eq!(set_cosine(&set("a"), &BTreeSet::new()), 0.0);
    }

    #[test]
    fn cosine_of_sparse_vectors() {
        let mut a = vec![(1, 3.0), (4, 4.0)];
        let mut b = vec![(1, 1.0), (2, 1.0)];
        normalise(&mut a);
        normalise(&mut b);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert!((cosine(&a, &b) - 0.6 / 2f64.sqrt()).abs() < 1e-6);
        assert_eq!(cosine(&a, &[]), 0.0);
        let mut z = vec![(0, 0.0)];
        normalise(&mut z);
        assert_eq!(z[0].1, 0.0);
    }
}
