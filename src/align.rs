//! Align: find the facts several sources state, however each words them.
//!
//! The unit of comparison is a *claim*: a whole sentence, plus its clauses
//! when the sentence joins several statements (at `;`, an ellipsis, a dash,
//! ", but", ", while"…), so one long sentence can support two facts.
//!
//! Each claim becomes a bag of weighted terms (see [`features`]): content
//! words, stemmed, with WordNet relations for paraphrase ([`crate::lexicon`]),
//! weighted by inverse frequency among the story's claims (a word every
//! sentence has tells nothing) and boosted for names and numbers, which carry
//! the identity of a fact (a fact about Netanyahu is not one about Trump).
//! Similarity is a soft, weighted overlap ([`similarity`]): every term of
//! one claim finds its best counterpart in the other (1 for the same stem,
//! less for a synonym or hypernym), in both directions, combined as an F1.
//!
//! Grouping is greedy and seeded: every claim proposes a group of itself
//! plus its best match in each other source above [`THRESHOLD`]; the group
//! with most sources (then highest total similarity) is accepted, its claims
//! leave the pool, and the rest propose again. A source therefore counts at
//! most once per fact, and a sentence never supports one fact twice.

use crate::lexicon::Lexicon;
use crate::model::{SentRef, Story};
use crate::text::{self, Word};
use std::collections::HashMap;

/// Two claims state the same fact when their similarity reaches this. The
/// value is the accuracy-maximising cut on the MSRP training pairs for this
/// similarity (see `examples/msrp.rs` and the README).
pub const THRESHOLD: f32 = 0.32;

/// A candidate member must also be this similar, on average, to the rest of
/// its group, so that groups do not chain through one broad sentence.
const COHESION: f32 = 0.22;

/// Least overlap of the words other than names for two claims to match.
const PREDICATE_MIN: f32 = 0.15;

/// Claims with fewer content terms than this state no checkable fact.
const MIN_TERMS: usize = 4;

/// Weight boost for names (capitalised words inside a sentence) and numbers.
const NAME_BOOST: f32 = 1.6;
const NUMBER_BOOST: f32 = 1.6;

/// Sentences from different sources that state one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactGroup {
    /// At most one sentence per document, sorted by document.
    pub members: Vec<SentRef>,
    /// The clearest member, shown as the fact's text.
    pub rep: SentRef,
    /// Mean similarity of the members to the representative.
    pub cohesion: f32,
}

/// A term of a claim with its weight and the concepts it stands for.
#[derive(Debug, Clone)]
struct Term {
    stem: String,
    weight: f32,
    name: bool,
}

/// One claim: a sentence or a clause of one, as a bag of weighted terms.
#[derive(Debug, Clone)]
struct Claim {
    at: SentRef,
    /// Index of the parent sentence's whole-sentence claim (itself for one).
    parent: usize,
    terms: Vec<Term>,
    norm: f32,
}

/// Splits a sentence into clause texts when it joins several statements.
/// Returns an empty list when the sentence is one clause.
pub fn clauses(sentence: &str) -> Vec<&str> {
    const BREAKS: [&str; 9] = [
        "; ", "... ", "… ", " — ", " – ", ", but ", ", while ", " but ", ": “",
    ];
    let mut cuts = vec![0usize];
    for b in BREAKS {
        for (i, _) in sentence.match_indices(b) {
            // Keep the opening quote of ": “" with the second clause.
            let cut = if b == ": “" { i + 2 } else { i + b.len() };
            cuts.push(cut);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts
        .windows(2)
        .map(|w| (w[0], w[1]))
        .chain(std::iter::once((
            *cuts.last().unwrap_or(&0),
            sentence.len(),
        )))
    {
        let part = sentence.get(w.0..w.1).unwrap_or("").trim();
        if !part.is_empty() {
            out.push(part);
        }
    }
    if out.len() < 2 { Vec::new() } else { out }
}

/// Raw terms of a text: (term, boost, is a name) for content words. A run
/// of capitalised words ("Israeli Prime Minister Benjamin Netanyahu") is one
/// name: its boost is shared out so that a long title does not outweigh the
/// rest of the sentence.
fn raw_terms(text: &str, lex: &Lexicon) -> Vec<(String, f32, bool)> {
    let words = text::words(text);
    let names: Vec<bool> = (0..words.len())
        .map(|i| is_name(&words[i], i, &words))
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let norm = w.norm();
        if norm.is_empty() || text::is_stop(&norm) {
            continue;
        }
        let boost = if w.is_numeric() {
            NUMBER_BOOST
        } else if names[i] {
            let run = run_length(&names, i);
            (NAME_BOOST / (run as f32).sqrt()).max(1.0)
        } else {
            1.0
        };
        out.push((lex.term(&norm), boost, names[i] && !w.is_numeric()));
    }
    out
}

/// Length of the run of `true` values that contains index `i`.
fn run_length(flags: &[bool], i: usize) -> usize {
    let start = flags[..i].iter().rposition(|f| !f).map_or(0, |p| p + 1);
    let end = flags[i..]
        .iter()
        .position(|f| !f)
        .map_or(flags.len(), |p| i + p);
    end - start
}

/// A capitalised word that is not merely sentence-initial.
fn is_name(w: &Word, i: usize, words: &[Word]) -> bool {
    w.is_capitalised() && (i > 0 || words.get(1).is_some_and(Word::is_capitalised))
}

/// Builds the claims of a story with inverse-frequency weights.
fn features(story: &Story, lex: &Lexicon) -> Vec<Claim> {
    let mut raw: Vec<(SentRef, usize, Vec<(String, f32, bool)>)> = Vec::new();
    for (d, doc) in story.docs.iter().enumerate() {
        for (s, sent) in doc.claim_sentences() {
            let at = SentRef { doc: d, sent: s };
            let parent = raw.len();
            raw.push((at, parent, raw_terms(&sent.text, lex)));
            for clause in clauses(&sent.text) {
                raw.push((at, parent, raw_terms(clause, lex)));
            }
        }
    }
    // Document frequency over whole sentences only, so clauses do not count twice.
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut n_sent = 0usize;
    for (i, (_, parent, terms)) in raw.iter().enumerate() {
        if *parent != i {
            continue;
        }
        n_sent += 1;
        let mut seen: Vec<&str> = terms.iter().map(|t| t.0.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    let idf =
        |t: &str| ((n_sent as f32 + 1.0) / (*df.get(t).unwrap_or(&0) as f32 + 1.0)).ln() + 1.0;
    raw.iter()
        .map(|(at, parent, terms)| make_claim(*at, *parent, terms, &idf))
        .collect()
}

fn make_claim(
    at: SentRef,
    parent: usize,
    terms: &[(String, f32, bool)],
    idf: &dyn Fn(&str) -> f32,
) -> Claim {
    let mut merged: Vec<Term> = Vec::new();
    for (stem, boost, name) in terms {
        let w = idf(stem) * boost;
        match merged.iter_mut().find(|t| &t.stem == stem) {
            Some(t) => t.weight = t.weight.max(w),
            None => merged.push(Term {
                stem: stem.clone(),
                weight: w,
                name: *name,
            }),
        }
    }
    let norm = merged.iter().map(|t| t.weight).sum();
    Claim {
        at,
        parent,
        terms: merged,
        norm,
    }
}

/// Weighted share of `a`'s terms that `b` covers (softly, via the lexicon);
/// with `only_common`, of `a`'s terms that are not names.
fn coverage(a: &Claim, b: &Claim, lex: &Lexicon, only_common: bool) -> f32 {
    let mut got = 0.0;
    let mut total = 0.0;
    for t in a.terms.iter().filter(|t| !(only_common && t.name)) {
        total += t.weight;
        let best = b
            .terms
            .iter()
            .map(|u| {
                let r = lex.relatedness(&t.stem, &u.stem);
                // A match is worth at most the lighter of the two words.
                r * (u.weight / t.weight).min(1.0)
            })
            .fold(0.0f32, f32::max);
        got += t.weight * best;
    }
    if total == 0.0 { 0.0 } else { got / total }
}

fn f1(p: f32, r: f32) -> f32 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Similarity of two claims: F1 of the two coverages. Two claims that share
/// only names (the same people doing different things) are not one fact, so
/// the overlap of their other words must reach [`PREDICATE_MIN`].
fn similarity(a: &Claim, b: &Claim, lex: &Lexicon) -> f32 {
    let common = f1(coverage(a, b, lex, true), coverage(b, a, lex, true));
    if common < PREDICATE_MIN {
        return 0.0;
    }
    f1(coverage(a, b, lex, false), coverage(b, a, lex, false))
}

/// Similarity of two texts with weights from their own words only (for
/// callers outside a story, such as the MSRP calibration example). `idf`
/// gives a word's weight; `None` weighs every term 1.
pub fn text_similarity(a: &str, b: &str, idf: Option<&dyn Fn(&str) -> f32>) -> f32 {
    let lex = Lexicon::get();
    let one = |_: &str| 1.0;
    let weight: &dyn Fn(&str) -> f32 = idf.unwrap_or(&one);
    let make = |t: &str| make_claim(SentRef { doc: 0, sent: 0 }, 0, &raw_terms(t, lex), weight);
    similarity(&make(a), &make(b), lex)
}

/// Content stems as the aligner sees them (for IDF tables outside a story).
pub fn terms_of(text: &str) -> Vec<String> {
    raw_terms(text, Lexicon::get())
        .into_iter()
        .map(|t| t.0)
        .collect()
}

/// Aligns the sentences of a story into fact groups (two or more sources),
/// ordered by support, then by position in the articles (leads first).
pub fn align(story: &Story) -> Vec<FactGroup> {
    let lex = Lexicon::get();
    let claims = features(story, lex);
    let usable: Vec<bool> = claims.iter().map(|c| c.terms.len() >= MIN_TERMS).collect();
    let sim = SimMatrix::new(&claims, &usable, lex);
    let mut free = usable.clone();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    while let Some(group) = best_group(&claims, &sim, &free) {
        for &m in &group {
            retire(&claims, &mut free, m);
        }
        if !duplicates_accepted(&group, &groups, &sim) {
            groups.push(group);
        }
    }
    let mut facts: Vec<FactGroup> = groups
        .iter()
        .map(|g| fact_group(story, &claims, &sim, g))
        .collect();
    facts.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(position(story, a).total_cmp(&position(story, b)))
            .then(a.rep.cmp(&b.rep))
    });
    facts
}

/// Pairwise similarities of claims from different documents, kept sparse.
struct SimMatrix {
    rows: Vec<Vec<(usize, f32)>>,
}

impl SimMatrix {
    fn new(claims: &[Claim], usable: &[bool], lex: &Lexicon) -> SimMatrix {
        let n = claims.len();
        let mut rows = vec![Vec::new(); n];
        for i in 0..n {
            if !usable[i] {
                continue;
            }
            for j in (i + 1)..n {
                if !usable[j] || claims[i].at.doc == claims[j].at.doc {
                    continue;
                }
                let s = similarity(&claims[i], &claims[j], lex);
                if s >= COHESION {
                    rows[i].push((j, s));
                    rows[j].push((i, s));
                }
            }
        }
        SimMatrix { rows }
    }

    fn get(&self, i: usize, j: usize) -> f32 {
        self.rows[i]
            .iter()
            .find(|(k, _)| *k == j)
            .map_or(0.0, |(_, s)| *s)
    }
}

/// The best group any free claim can seed: most sources, then most similar.
fn best_group(claims: &[Claim], sim: &SimMatrix, free: &[bool]) -> Option<Vec<usize>> {
    let mut best: Option<(usize, f32, Vec<usize>)> = None;
    for seed in (0..claims.len()).filter(|&i| free[i]) {
        let (group, score) = grow(seed, claims, sim, free);
        if group.len() < 2 {
            continue;
        }
        let better = match &best {
            None => true,
            Some((n, s, _)) => group.len() > *n || (group.len() == *n && score > *s + 1e-6),
        };
        if better {
            best = Some((group.len(), score, group));
        }
    }
    best.map(|b| b.2)
}

/// Seed plus, for each other document, its best free match above the
/// threshold that is also cohesive with the members chosen so far.
fn grow(seed: usize, claims: &[Claim], sim: &SimMatrix, free: &[bool]) -> (Vec<usize>, f32) {
    let mut cands: Vec<(usize, f32)> = sim.rows[seed]
        .iter()
        .filter(|(j, s)| free[*j] && *s >= THRESHOLD)
        .copied()
        .collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut group = vec![seed];
    let mut score = 0.0;
    for (j, s) in cands {
        if group.iter().any(|&g| claims[g].at.doc == claims[j].at.doc) {
            continue;
        }
        let mean = group.iter().map(|&g| sim.get(g, j)).sum::<f32>() / group.len() as f32;
        if mean < COHESION {
            continue;
        }
        group.push(j);
        score += s;
    }
    (group, score)
}

/// Takes a used claim out of the pool. A whole sentence used for a fact
/// also retires its clauses that it matched through, and a used clause
/// retires its whole sentence; sibling clauses stay free for other facts.
fn retire(claims: &[Claim], free: &mut [bool], used: usize) {
    free[used] = false;
    let parent = claims[used].parent;
    if parent != used {
        free[parent] = false;
    } else {
        for (i, c) in claims.iter().enumerate() {
            if c.parent == used && clause_dominates(c, &claims[used]) {
                free[i] = false;
            }
        }
    }
}

/// A clause that carries most of its sentence's weight is the sentence.
fn clause_dominates(clause: &Claim, sentence: &Claim) -> bool {
    sentence.norm > 0.0 && clause.norm / sentence.norm > 0.6
}

/// Is this group the same fact as one already accepted (its sentences
/// strongly similar to an accepted group's)?
fn duplicates_accepted(group: &[usize], accepted: &[Vec<usize>], sim: &SimMatrix) -> bool {
    accepted.iter().any(|a| {
        let mut total = 0.0;
        for &g in group {
            total += a.iter().map(|&m| sim.get(g, m)).fold(0.0, f32::max);
        }
        total / group.len() as f32 >= THRESHOLD + 0.15
    })
}

fn fact_group(story: &Story, claims: &[Claim], sim: &SimMatrix, group: &[usize]) -> FactGroup {
    let mut members: Vec<(SentRef, usize)> = group.iter().map(|&i| (claims[i].at, i)).collect();
    members.sort();
    // The representative: most similar to the rest; then shorter; then earlier.
    let centrality = |i: usize| {
        group
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| sim.get(i, j))
            .sum::<f32>()
    };
    let len = |r: SentRef| story.docs[r.doc].sentences[r.sent].text.len();
    let (rep_at, rep_i) = members
        .iter()
        .copied()
        .max_by(|a, b| {
            centrality(a.1)
                .total_cmp(&centrality(b.1))
                .then(len(b.0).cmp(&len(a.0)))
                .then(b.0.cmp(&a.0))
        })
        .unwrap_or(members[0]);
    let others = (group.len() - 1).max(1) as f32;
    FactGroup {
        members: members.iter().map(|m| m.0).collect(),
        rep: rep_at,
        cohesion: centrality(rep_i) / others,
    }
}

/// Mean relative position of a group's sentences in their articles (0 = lead).
fn position(story: &Story, g: &FactGroup) -> f32 {
    let sum: f32 = g
        .members
        .iter()
        .map(|m| m.sent as f32 / story.docs[m.doc].sentences.len().max(1) as f32)
        .sum();
    sum / g.members.len().max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, BlockKind, Document, Sentence};

    fn doc(id: &str, sentences: &[&str]) -> Document {
        Document {
            article: Article {
                id: id.to_string(),
                ..Article::default()
            },
            blocks: Vec::new(),
            sentences: sentences
                .iter()
                .map(|s| Sentence {
                    block: 0,
                    start: 0,
                    end: s.len(),
                    text: s.to_string(),
                    role: BlockKind::Paragraph,
                })
                .collect(),
        }
    }

    #[test]
    fn clauses_split_joined_statements() {
        assert_eq!(
            clauses("He said the bridge was closed; officials expect it to reopen on Monday."),
            vec![
                "He said the bridge was closed;",
                "officials expect it to reopen on Monday."
            ]
        );
        assert!(clauses("The mayor opened the new library downtown.").is_empty());
    }

    #[test]
    fn paraphrases_align_and_unrelated_do_not() {
        let story = Story {
            docs: vec![
                doc(
                    "a",
                    &[
                        "Mayor Lena Ortiz cancelled the harbour festival after the storm damaged the pier.",
                        "The city council will vote on the new budget next month.",
                    ],
                ),
                doc(
                    "b",
                    &[
                        "The harbour festival was called off by Mayor Ortiz because the storm damaged the pier.",
                        "Local bakeries reported record sales of bread over the weekend.",
                    ],
                ),
                doc(
                    "c",
                    &[
                        "Ortiz scrapped the festival at the harbour once the storm wrecked the pier, officials said.",
                    ],
                ),
            ],
        };
        let facts = align(&story);
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].members.len(), 3);
    }

    #[test]
    fn one_sentence_per_source_per_fact() {
        let story = Story {
            docs: vec![
                doc(
                    "a",
                    &[
                        "Firefighters contained the wildfire near Redding on Tuesday.",
                        "The wildfire near Redding was contained by firefighters Tuesday.",
                    ],
                ),
                doc(
                    "b",
                    &["Firefighters contained the Redding wildfire on Tuesday."],
                ),
            ],
        };
        let facts = align(&story);
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].members.len(), 2);
        assert_ne!(facts[0].members[0].doc, facts[0].members[1].doc);
    }

    #[test]
    fn names_keep_facts_apart() {
        let story = Story {
            docs: vec![
                doc(
                    "a",
                    &["Senator Alvarez voted against the farm bill on Thursday."],
                ),
                doc(
                    "b",
                    &["Senator Whitcombe voted against the farm bill on Thursday."],
                ),
            ],
        };
        let sim_same = text_similarity(
            "Senator Alvarez voted against the farm bill on Thursday.",
            "Senator Alvarez opposed the farm bill in Thursday's vote.",
            None,
        );
        let sim_other = text_similarity(
            "Senator Alvarez voted against the farm bill on Thursday.",
            "Senator Whitcombe voted against the farm bill on Thursday.",
            None,
        );
        assert!(sim_same > sim_other - 0.2, "{sim_same} {sim_other}");
        let _ = align(&story);
    }
}
