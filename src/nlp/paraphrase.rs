//! Paraphrase: does one sentence state what another states, in other words?
//!
//! A small logistic model over a handful of features of two sentences, each
//! read through the layer's own machinery (content stems of
//! [`crate::nlp::tokens`], names of [`crate::nlp::names`], amounts of
//! [`crate::nlp::numbers`], the negation class of `data/en/function_words.tsv`):
//!
//! 0. how much of the first sentence's content the second covers: the
//!    weight of the shared content stems over the weight of the first's
//!    (each stem weighing what the caller's `weight` gives, an inverse
//!    document frequency);
//! 1. the same, of the second by the first;
//! 2. the first gives a figure (an amount's comparison key) the second
//!    lacks — 1 or 0;
//! 3. the second gives a figure the first lacks;
//! 4. the first names someone or something (a word of a name run, not a
//!    lone capital opening the sentence) whose stem the second lacks;
//! 5. the second names one the first lacks;
//! 6. one sentence is negated and the other not (an odd count of negation
//!    words against an even one);
//! 7. the shorter sentence's content-stem count over the longer's;
//! 8. the share of adjacent content-stem pairs the two have in common
//!    (Dice: twice the shared pairs over both counts), which word order
//!    and phrasing move where a bag of stems does not;
//! 9. the weight of the first's stems the second lacks but has a word of
//!    the same sense for (a synonym: "quake" and "earthquake", "nabbed"
//!    and "captured"; senses from the caller's lexicon), over the weight of
//!    all the first's stems;
//! 10. the same, of the second by the first.
//!
//! The probability is `1 / (1 + exp(-(bias + Σ weight_i · feature_i)))`
//! with the weights of [`ParaphraseParams`], fitted on the training half of
//! the MSR Paraphrase Corpus by `examples/msrp_paraphrase.rs` (how, and
//! what it scores on the test half, is written beside the weights). The
//! model is symmetric: it was fitted on every pair in both orders, so the
//! weights of features 0/1, 2/3, 4/5 and 9/10 come out (nearly) equal.
//!
//! A stage that asks "does another source say this?" profiles each sentence
//! once ([`Profile::of`]) and scores pairs ([`probability`], [`restates`]);
//! the profile keeps the sorted content stems, so a caller can find
//! candidate pairs through an inverted index of stems rather than scoring
//! every pair.
//!
//! Not yet used by a stage. Wired into unique claims (drop a candidate with
//! no new name, figure or phrase that another source's sentence restates,
//! candidates found through the postings of `divergence::unique`), it
//! changed no digest of the dev stories, the fixtures or all of ECB+ at the
//! fitted cut and cost 10–20% more CPU on the ECB+ build: the single-source
//! claims that restate a shared fact share too few words with it for a
//! bag of stems and synonyms to see (measured with
//! `scripts/unique_check.py`; see the README).

use crate::nlp::calendar;
use crate::nlp::lists::{FunctionClass, is_function_word, is_title};
use crate::nlp::names::name_runs;
use crate::nlp::numbers::amounts;
use crate::nlp::tokens::{Tokens, is_stop, stem};
use crate::params::ParaphraseParams;

/// Number of features ([`features`]).
pub const FEATURES: usize = 11;

/// What the model reads of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Content stems, sorted, each once.
    pub stems: Vec<String>,
    /// The sense ids of each stem, in the order of `stems`.
    pub stem_senses: Vec<Vec<u32>>,
    /// Every sense id of its stems, sorted, each once.
    pub senses: Vec<u32>,
    /// Adjacent content stems in the order written ("arm robber"),
    /// sorted, each once.
    pub pairs: Vec<String>,
    /// Stems of the words of its names, sorted, each once.
    pub names: Vec<String>,
    /// Comparison keys of its amounts ([`crate::nlp::numbers::Amount::key`]),
    /// sorted, each once.
    pub figures: Vec<String>,
    /// Count of negation words.
    pub negations: usize,
}

impl Profile {
    /// Reads a sentence, knowing no word senses.
    pub fn new(text: &str) -> Profile {
        Profile::of(&Tokens::new(text), &|_| Vec::new())
    }

    /// Reads a sentence already tokenised; `senses` gives the ids of the
    /// senses a stem can have (its synsets, from the caller's lexicon),
    /// so that two words of one sense match ("quake", "earthquake").
    pub fn of(t: &Tokens<'_>, senses: &dyn Fn(&str) -> Vec<u32>) -> Profile {
        let mut stems: Vec<String> = t
            .norms
            .iter()
            .filter(|w| !w.is_empty() && !is_stop(w))
            .map(|w| stem(w))
            .collect();
        let mut pairs: Vec<String> = stems.windows(2).map(|w| w.join(" ")).collect();
        pairs.sort();
        pairs.dedup();
        stems.sort();
        stems.dedup();
        let mut names: Vec<String> = name_runs(t.text, &t.words)
            .into_iter()
            // A lone capital opening the sentence may be there for its
            // place alone ("Residents said …").
            .filter(|r| !(r.opens_clause && r.name().len() == 1 && r.tokens.start == 0))
            .flat_map(|r| r.name())
            .map(|k| t.norm(k))
            // A weekday, month or time zone says when, a title what
            // someone is: neither names anyone.
            .filter(|n| {
                !n.is_empty()
                    && !is_stop(n)
                    && !is_title(n)
                    && calendar::lookup(n).is_none()
                    && !calendar::is_time_zone(n)
            })
            .map(stem)
            .collect();
        names.sort();
        names.dedup();
        let mut figures: Vec<String> = amounts(t.text, &t.words, &t.norms)
            .iter()
            .map(|a| a.key())
            .collect();
        figures.sort();
        figures.dedup();
        let negations = t
            .norms
            .iter()
            .filter(|n| is_function_word(n, FunctionClass::Negation))
            .count();
        let mut sense_ids: Vec<u32> = stems.iter().flat_map(|s| senses(s)).collect();
        sense_ids.sort_unstable();
        sense_ids.dedup();
        let stem_senses = stems.iter().map(|s| senses(s)).collect();
        Profile {
            stems,
            stem_senses,
            senses: sense_ids,
            pairs,
            names,
            figures,
            negations,
        }
    }
}

/// Is every member of sorted `a` in sorted `b`?
fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.binary_search(x).is_ok())
}

/// Weight of `a`'s stems that `b` has, over the weight of all of `a`'s
/// (0 when `a` has none).
fn coverage(a: &[String], b: &[String], weight: &dyn Fn(&str) -> f32) -> f32 {
    let (mut got, mut all) = (0.0f32, 0.0f32);
    for s in a {
        let w = weight(s);
        all += w;
        if b.binary_search(s).is_ok() {
            got += w;
        }
    }
    if all > 0.0 { got / all } else { 0.0 }
}

/// Twice the members two sorted lists share over their total length (0
/// when both are empty).
fn dice(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// Weight of `a`'s stems that `b` lacks but has a word of the same sense
/// for, over the weight of all of `a`'s.
fn synonym_coverage(a: &Profile, b: &Profile, weight: &dyn Fn(&str) -> f32) -> f32 {
    let (mut got, mut all) = (0.0f32, 0.0f32);
    for (s, senses) in a.stems.iter().zip(&a.stem_senses) {
        let w = weight(s);
        all += w;
        if b.stems.binary_search(s).is_err()
            && senses.iter().any(|id| b.senses.binary_search(id).is_ok())
        {
            got += w;
        }
    }
    if all > 0.0 { got / all } else { 0.0 }
}

/// The features of a pair, in the order of the module documentation.
pub fn features(a: &Profile, b: &Profile, weight: &dyn Fn(&str) -> f32) -> [f32; FEATURES] {
    let flag = |x: bool| if x { 1.0 } else { 0.0 };
    let (la, lb) = (a.stems.len(), b.stems.len());
    [
        coverage(&a.stems, &b.stems, weight),
        coverage(&b.stems, &a.stems, weight),
        flag(!subset(&a.figures, &b.figures)),
        flag(!subset(&b.figures, &a.figures)),
        flag(!subset(&a.names, &b.stems)),
        flag(!subset(&b.names, &a.stems)),
        flag(a.negations % 2 != b.negations % 2),
        if la.max(lb) == 0 {
            0.0
        } else {
            la.min(lb) as f32 / la.max(lb) as f32
        },
        dice(&a.pairs, &b.pairs),
        synonym_coverage(a, b, weight),
        synonym_coverage(b, a, weight),
    ]
}

/// The model's probability that the features belong to a paraphrase.
pub fn probability_of(f: &[f32; FEATURES], p: &ParaphraseParams) -> f32 {
    let z = p.bias + f.iter().zip(&p.weights).map(|(x, w)| x * w).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// The probability that `a` and `b` state the same thing.
pub fn probability(
    a: &Profile,
    b: &Profile,
    weight: &dyn Fn(&str) -> f32,
    p: &ParaphraseParams,
) -> f32 {
    probability_of(&features(a, b, weight), p)
}

/// Does `b` restate `a`: is everything `a` states also in `b`? The model
/// must find the pair a paraphrase (at least `p.restated_min`), and, as
/// hard conditions the model only weighs: every figure of `a` is one of
/// `b`'s, every name of `a` is among `b`'s words, and neither is negated
/// where the other is not. A new figure, a new name or a denial is what
/// makes a sentence worth showing on its own, so they are never outvoted by
/// shared words. `b` may say more than `a` (its extra figures and names do
/// not count against it here): `a` is then still said by `b`.
pub fn restates(
    a: &Profile,
    b: &Profile,
    weight: &dyn Fn(&str) -> f32,
    p: &ParaphraseParams,
) -> bool {
    subset(&a.figures, &b.figures)
        && subset(&a.names, &b.stems)
        && a.negations % 2 == b.negations % 2
        && probability(a, b, weight, p) >= p.restated_min
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &str, b: &str) -> f32 {
        let params = ParaphraseParams::default();
        probability(&Profile::new(a), &Profile::new(b), &|_| 1.0, &params)
    }

    #[test]
    fn one_weight_per_feature() {
        assert_eq!(ParaphraseParams::default().weights.len(), FEATURES);
    }

    #[test]
    fn profiles_read_names_figures_and_negation() {
        let pr = Profile::new("Residents said Mayor Ines Varga did not order 40 pumps.");
        assert_eq!(pr.names, vec!["ine", "varga"], "{:?}", pr.names);
        assert_eq!(pr.figures.len(), 1);
        assert_eq!(pr.negations, 1);
        let pr = Profile::new("On Monday Sen. Varga ordered the pumps at 10 GMT.");
        assert_eq!(pr.names, vec!["varga"], "no weekday, title or time zone");
        let pr = Profile::new("Police said Varga ordered the pumps.");
        assert_eq!(pr.names, vec!["varga"]);
        // A lone capital opening the sentence may be there for its place.
        assert!(Profile::new("Varga ordered the pumps.").names.is_empty());
    }

    #[test]
    fn restatements_score_high() {
        let params = ParaphraseParams::default();
        for (a, b) in [
            (
                "The council voted to close the old bridge to heavy lorries from March.",
                "From March heavy lorries will be barred from the old bridge after a council vote.",
            ),
            (
                "Rescuers pulled three miners alive from the flooded shaft on Tuesday.",
                "Three miners were pulled alive from the flooded shaft by rescuers on Tuesday.",
            ),
            (
                "The storm cut power to thousands of homes along the northern coast.",
                "Thousands of homes along the northern coast lost power in the storm.",
            ),
        ] {
            let s = p(a, b);
            assert!(s >= params.restated_min, "{s}: {a} / {b}");
            assert!((s - p(b, a)).abs() < 0.05, "nearly symmetric");
        }
    }

    #[test]
    fn a_new_figure_name_or_negation_is_no_restatement() {
        let params = ParaphraseParams::default();
        let restated =
            |a: &str, b: &str| restates(&Profile::new(a), &Profile::new(b), &|_| 1.0, &params);
        let base = "Rescuers pulled three miners alive from the flooded shaft on Tuesday.";
        let same = "Three miners were pulled alive from the flooded shaft by rescuers on Tuesday.";
        assert!(restated(base, same) && restated(same, base));
        // What the other says beyond it does not count against it.
        assert!(restated(
            base,
            "Three miners were pulled alive from the flooded shaft by rescuers on Tuesday, \
             and Captain Oskar Lindqvist said two more are missing.",
        ));
        for other in [
            // Another figure: the model alone would call it a paraphrase.
            "Rescuers pulled seven miners alive from the flooded shaft on Tuesday.",
            // Negated.
            "Rescuers did not pull three miners alive from the flooded shaft on Tuesday.",
            // Another fact about the same event.
            "The flooded shaft had been closed by inspectors two years ago over safety fears.",
        ] {
            assert!(!restated(base, other), "{other}");
        }
        // A name or figure only the first gives.
        assert!(!restated(
            "Rescuers led by Captain Oskar Lindqvist pulled three miners alive from the flooded shaft.",
            same,
        ));
        assert!(!restated(
            "Rescuers pulled three miners alive from the flooded shaft after 40 hours on Tuesday.",
            same,
        ));
        // A denial against a statement, either way round.
        let denial = "Rescuers did not pull three miners alive from the flooded shaft on Tuesday.";
        assert!(!restated(denial, base));
    }
}
