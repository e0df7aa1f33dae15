//! Align: find the facts several sources state, however each words them.
//!
//! The unit of comparison is a *claim*: a whole sentence, plus its clauses
//! when the sentence joins several statements (at `;`, an ellipsis, a dash,
//! ", but", ", while"…), so one long sentence can support two facts.
//!
//! Each claim becomes a bag of weighted terms (see `features`): content
//! words, stemmed, with WordNet relations for paraphrase ([`crate::lexicon`]),
//! weighted by inverse frequency among the story's claims (a word every
//! sentence has tells nothing) and boosted for names and numbers, which carry
//! the identity of a fact (a fact about Netanyahu is not one about Trump).
//! Similarity is a soft, weighted overlap (`similarity`): every term of
//! one claim finds its best counterpart in the other (1 for the same stem,
//! less for a synonym or hypernym), in both directions, combined as an F1.
//!
//! Grouping is greedy and seeded: every claim proposes a group of itself
//! plus the claims of other sources that match it above a significance
//! cut ([`AlignParams::cut`], with how it was measured); the group
//! with most sources (then highest total similarity) is accepted, its claims
//! leave the pool, and the rest propose again. A source therefore counts at
//! most once per fact, and a sentence never supports one fact twice.

use crate::lexicon::{Concept, Lexicon, relatedness_of};
use crate::model::{SentRef, Story};
use crate::nlp::compare::idf;
use crate::nlp::lists::{FunctionClass, function_words};
use crate::nlp::{quotemarks, tokens};
use crate::params::{AlignParams, LexiconParams, Params};
use crate::quotes::Quotation;
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::LazyLock;

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

/// A term of a claim: an interned stem, its weight, and whether it is a name.
#[derive(Debug, Clone, Copy)]
struct Term {
    id: u32,
    weight: f32,
    name: bool,
}

/// One claim: a sentence or a clause of one, as a bag of weighted terms
/// sorted by term id.
#[derive(Debug, Clone)]
struct Claim {
    at: SentRef,
    /// Index of the parent sentence's whole-sentence claim (itself for one).
    parent: usize,
    terms: Vec<Term>,
    norm: f32,
    norm_common: f32,
}

/// The story's vocabulary: stems interned to ids, and for each id the other
/// ids it is related to (synonym, hypernym, compound), sorted by id. Built
/// once per story so that comparing claims never touches strings.
struct Vocab {
    related: Vec<Vec<(u32, f32)>>,
}

impl Vocab {
    fn build(stems: &[String], lex: &Lexicon, lp: &LexiconParams) -> Vocab {
        // Each stem's concepts, looked up once.
        let concepts: Vec<&[Concept]> = stems.iter().map(|s| lex.concepts(s)).collect();
        // Concept → stems that can stand for it, ascending (a stem holding
        // a concept at two levels is listed twice).
        let mut by_concept: HashMap<u32, Vec<u32>> = HashMap::default();
        for (id, list) in concepts.iter().enumerate() {
            for c in *list {
                by_concept.entry(c.id).or_default().push(id as u32);
            }
        }
        let index: HashMap<&str, u32> = stems
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as u32))
            .collect();
        let mut related: Vec<Vec<(u32, f32)>> = vec![Vec::new(); stems.len()];
        let mut cands: Vec<u32> = Vec::new();
        let mut buf = String::new();
        for (id, stem) in stems.iter().enumerate() {
            // Stems sharing a concept are compared from the smaller id's
            // side only: relatedness does not depend on the order and each
            // pair is pushed both ways, so the other side would push the
            // same entries again (removed by the dedup below). Compound
            // heads are compared from the compound's side, as before.
            cands.clear();
            for c in concepts[id] {
                if let Some(list) = by_concept.get(&c.id) {
                    let after = list.partition_point(|&o| o as usize <= id);
                    cands.extend_from_slice(&list[after..]);
                }
            }
            compound_heads(stem, &index, &mut buf, &mut cands);
            cands.sort_unstable();
            cands.dedup();
            for &other in &cands {
                if other as usize == id {
                    continue;
                }
                let o = other as usize;
                let r = relatedness_of((stem, concepts[id]), (&stems[o], concepts[o]), lp);
                if r > 0.0 {
                    related[id].push((other, r));
                    related[o].push((id as u32, r));
                }
            }
        }
        for list in &mut related {
            list.sort_by_key(|a| a.0);
            list.dedup_by_key(|x| x.0);
        }
        // Comparing claims ([`Loaded::similarity`]) reads each relation from
        // one side only: it relies on `related` being symmetric (each pair
        // is pushed both ways, and relatedness does not depend on the
        // order) and on no relatedness exceeding that of the same word.
        debug_assert!(related.iter().enumerate().all(|(id, list)| {
            list.iter()
                .all(|&(other, r)| r <= 1.0 && related[other as usize].contains(&(id as u32, r)))
        }));
        Vocab { related }
    }
}

/// Longest compound head looked up, in bytes: longer than any English
/// word a compound ends in ("counterrevolutionaries" has 22 letters).
const MAX_HEAD_BYTES: usize = 32;

/// Shortest compound head that counts, in bytes: a head of fewer than five
/// letters never makes a compound ([`crate::lexicon`]'s rule).
const MIN_HEAD_BYTES: usize = 5;

/// Adds to `out` the ids of story stems that are the head of the compound
/// `stem` ("strike" for "airstrik"): its suffixes, each as it is or with a
/// final "e". Only tails that can be a head are looked up: of at most
/// [`MAX_HEAD_BYTES`] (hashing every suffix of a 200 KB "word", a line
/// without spaces, took seconds) and at least [`MIN_HEAD_BYTES`] (a
/// shorter tail, with or without its "e", is never a compound's head, and
/// a stem sharing a concept with `stem` is a candidate anyway). `buf` is
/// reused for the tail plus "e".
fn compound_heads(stem: &str, index: &HashMap<&str, u32>, buf: &mut String, out: &mut Vec<u32>) {
    let shortest_start = stem.len().saturating_sub(MAX_HEAD_BYTES);
    for (i, _) in stem.char_indices().skip(1) {
        if i < shortest_start {
            continue;
        }
        let tail = &stem[i..];
        if tail.len() < MIN_HEAD_BYTES {
            break; // the tails only get shorter
        }
        if let Some(&id) = index.get(tail) {
            out.push(id);
            continue;
        }
        buf.clear();
        buf.push_str(tail);
        buf.push('e');
        if let Some(&id) = index.get(buf.as_str()) {
            out.push(id);
        }
    }
}

/// What [`clauses`] cuts after: punctuation, and the conjunctions of
/// contrast of the language layer, built once.
static CLAUSE_BREAKS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut breaks: Vec<String> = ["; ", "... ", "… ", " — ", " – "]
        .iter()
        .map(|p| p.to_string())
        .collect();
    for bare in [false, true] {
        for w in function_words(FunctionClass::Contrast { bare }) {
            breaks.push(format!(", {w} "));
            if bare {
                breaks.push(format!(" {w} "));
            }
        }
    }
    breaks
});

/// Splits a sentence into clause texts when it joins several statements.
/// Returns an empty list when the sentence is one clause.
///
/// Breaks: a semicolon, an ellipsis, a spaced dash, a conjunction of
/// contrast (`data/en/function_words.tsv`: ", but", ", while", and " but"
/// without the comma), and a colon that opens a new clause — followed by a capital
/// ("The rule is plain: Nobody leaves") or by an opening double quotation
/// mark of any style (`He said: “We stay.”`, `He said: "We stay."`), which
/// stays with the second clause.
pub fn clauses(sentence: &str) -> Vec<&str> {
    let mut cuts = vec![0usize];
    for b in CLAUSE_BREAKS.iter() {
        for (i, _) in sentence.match_indices(b.as_str()) {
            cuts.push(i + b.len());
        }
    }
    for (i, _) in sentence.match_indices(": ") {
        let at = i + 2;
        let opens = sentence[at..].chars().next().is_some_and(|c| {
            c.is_uppercase()
                || (quotemarks::is_double_quote(c)
                    && quotemarks::facing(sentence, at, c) == Some(quotemarks::Facing::Open))
        });
        if opens {
            cuts.push(at);
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

/// A term before weighting: (stem, boost, is a name).
type RawTerm = (String, f32, bool);

/// Raw terms of a text: (term, boost, is a name) for content words. A run
/// of capitalised words ("Israeli Prime Minister Benjamin Netanyahu") is one
/// name: its boost is shared out so that a long title does not outweigh the
/// rest of the sentence.
fn raw_terms(text: &str, lex: &Lexicon, p: &AlignParams) -> Vec<RawTerm> {
    let words = tokens::words(text);
    let names: Vec<bool> = (0..words.len())
        .map(|i| is_name(&words[i], i, &words))
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let norm = w.norm();
        if norm.is_empty() || tokens::is_stop(&norm) {
            continue;
        }
        let boost = if w.is_numeric() {
            p.number_boost
        } else if names[i] {
            let run = run_length(&names, i);
            (p.name_boost / (run as f32).sqrt()).max(1.0)
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

/// A capitalised word that is not merely sentence-initial. (Not yet the
/// shared name finder, [`crate::nlp::names`]: with it, titles stop being
/// names and days are dates, which raised consensus precision on the dev
/// set from 0.94 to 0.96 but lowered the sample's attribution from 0.96 to
/// 0.93, below its CI minimum; left for a measured follow-up.)
fn is_name(w: &tokens::Token<'_>, i: usize, words: &[tokens::Token<'_>]) -> bool {
    w.is_capitalised() && (i > 0 || words.get(1).is_some_and(tokens::Token::is_capitalised))
}

/// Builds the claims of a story with inverse-frequency weights, and the
/// story's vocabulary.
fn features(story: &Story, lex: &Lexicon, params: &Params) -> (Vec<Claim>, Vocab) {
    let p = &params.align;
    let mut raw: Vec<(SentRef, usize, Vec<RawTerm>)> = Vec::new();
    for (d, doc) in story.docs.iter().enumerate() {
        for (s, sent) in doc.claim_sentences() {
            let at = SentRef { doc: d, sent: s };
            let parent = raw.len();
            raw.push((at, parent, raw_terms(&sent.text, lex, p)));
            for clause in clauses(&sent.text) {
                raw.push((at, parent, raw_terms(clause, lex, p)));
            }
        }
    }
    let mut ids: HashMap<String, u32> = HashMap::default();
    let mut stems: Vec<String> = Vec::new();
    for (_, _, terms) in &raw {
        for t in terms {
            if !ids.contains_key(&t.0) {
                ids.insert(t.0.clone(), stems.len() as u32);
                stems.push(t.0.clone());
            }
        }
    }
    // Document frequency over whole sentences only, so clauses do not count twice.
    let mut df = vec![0usize; stems.len()];
    let mut n_sent = 0usize;
    for (i, (_, parent, terms)) in raw.iter().enumerate() {
        if *parent != i {
            continue;
        }
        n_sent += 1;
        let mut seen: Vec<u32> = terms.iter().map(|t| ids[&t.0]).collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            df[t as usize] += 1;
        }
    }
    let idf = |id: u32| idf(n_sent, df[id as usize]);
    let claims = raw
        .iter()
        .map(|(at, parent, terms)| {
            let interned: Vec<(u32, f32, bool)> =
                terms.iter().map(|t| (ids[&t.0], t.1, t.2)).collect();
            make_claim(*at, *parent, &interned, &idf)
        })
        .collect();
    (claims, Vocab::build(&stems, lex, &params.lexicon))
}

fn make_claim(
    at: SentRef,
    parent: usize,
    terms: &[(u32, f32, bool)],
    idf: &dyn Fn(u32) -> f32,
) -> Claim {
    let mut merged: Vec<Term> = Vec::new();
    for &(id, boost, name) in terms {
        let w = idf(id) * boost;
        match merged.iter_mut().find(|t| t.id == id) {
            Some(t) => t.weight = t.weight.max(w),
            None => merged.push(Term {
                id,
                weight: w,
                name,
            }),
        }
    }
    merged.sort_by_key(|t| t.id);
    Claim {
        at,
        parent,
        norm: merged.iter().map(|t| t.weight).sum(),
        norm_common: merged.iter().filter(|t| !t.name).map(|t| t.weight).sum(),
        terms: merged,
    }
}

/// One claim loaded for comparison with many others (a per-thread table,
/// loaded once for all the partners of a claim): by term id, where the
/// term sits in the claim (position + 1; 0 for a term it lacks) and which
/// of its terms that id is related to, and how strongly. Comparing the
/// loaded claim with another then reads only the other's terms, one table
/// read each, instead of every relative of every term of both.
struct Loaded {
    pos: Vec<u32>,
    /// By term id: the range of `links` that relates it to the loaded claim.
    rel: Vec<(u32, u32)>,
    /// (position of a term of the loaded claim, relatedness), grouped by id.
    links: Vec<(u32, f32)>,
    /// (term id, position, relatedness) before grouping; reused.
    staged: Vec<(u32, u32, f32)>,
    /// Best counterpart of each term of the loaded claim; reused.
    best: Vec<f32>,
}

impl Loaded {
    fn new(vocab: &Vocab) -> Loaded {
        Loaded {
            pos: vec![0; vocab.related.len()],
            rel: vec![(0, 0); vocab.related.len()],
            links: Vec::new(),
            staged: Vec::new(),
            best: Vec::new(),
        }
    }

    fn load(&mut self, c: &Claim, vocab: &Vocab) {
        self.staged.clear();
        for (k, t) in c.terms.iter().enumerate() {
            self.pos[t.id as usize] = k as u32 + 1;
            for &(other, r) in &vocab.related[t.id as usize] {
                self.staged.push((other, k as u32, r));
            }
        }
        self.staged.sort_unstable_by_key(|e| (e.0, e.1));
        self.links.clear();
        for (k, &(id, at, r)) in self.staged.iter().enumerate() {
            if k == 0 || self.staged[k - 1].0 != id {
                self.rel[id as usize].0 = k as u32;
            }
            self.rel[id as usize].1 = k as u32 + 1;
            self.links.push((at, r));
        }
    }

    /// Empties the table again (only the entries `c` set).
    fn unload(&mut self, c: &Claim) {
        for t in &c.terms {
            self.pos[t.id as usize] = 0;
        }
        for &(id, _, _) in &self.staged {
            self.rel[id as usize] = (0, 0);
        }
    }

    /// Similarity of the loaded claim `a` with `b`: F1 of the two weighted
    /// shares each covers of the other (softly, via the vocabulary's
    /// relations), each term matched by its best counterpart, a match worth
    /// at most the lighter of the two words. Two claims that share only
    /// names (the same people doing different things) are not one fact, so
    /// the overlap of their other words must reach
    /// [`AlignParams::predicate_min`].
    ///
    /// One pass over `b`'s terms finds, for each, its best counterpart in
    /// `a` and raises the best counterpart of each term of `a` it matches
    /// (the vocabulary's relations are symmetric, see [`Vocab::build`]).
    /// Each share adds its terms in its claim's order, so the figures are
    /// those of reading every relative of every term of both claims.
    fn similarity(&mut self, a: &Claim, b: &Claim, p: &AlignParams) -> f32 {
        self.best.clear();
        self.best.resize(a.terms.len(), 0.0);
        let (mut ba_common, mut ba_all) = (0.0f32, 0.0f32);
        for t in &b.terms {
            let mut best = 0.0f32;
            if let k @ 1.. = self.pos[t.id as usize] {
                let k = k as usize - 1;
                let w = a.terms[k].weight;
                self.best[k] = self.best[k].max((t.weight / w).min(1.0));
                best = (w / t.weight).min(1.0);
            }
            let (from, to) = self.rel[t.id as usize];
            for &(k, r) in &self.links[from as usize..to as usize] {
                let w = a.terms[k as usize].weight;
                let mine = &mut self.best[k as usize];
                *mine = mine.max(r * (t.weight / w).min(1.0));
                best = best.max(r * (w / t.weight).min(1.0));
            }
            let add = t.weight * best;
            ba_all += add;
            if !t.name {
                ba_common += add;
            }
        }
        let (mut ab_common, mut ab_all) = (0.0f32, 0.0f32);
        for (t, best) in a.terms.iter().zip(&self.best) {
            let add = t.weight * best;
            ab_all += add;
            if !t.name {
                ab_common += add;
            }
        }
        let share = |got: f32, total: f32| if total <= 0.0 { 0.0 } else { got / total };
        let common = f1(
            share(ab_common, a.norm_common),
            share(ba_common, b.norm_common),
        );
        if common < p.predicate_min {
            return 0.0;
        }
        f1(share(ab_all, a.norm), share(ba_all, b.norm))
    }
}

fn f1(p: f32, r: f32) -> f32 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Similarity of two texts outside a story (for calibration examples such as
/// `examples/msrp.rs`). `idf` gives a stem's weight; `None` weighs every
/// term 1.
pub fn text_similarity(
    a: &str,
    b: &str,
    idf: Option<&dyn Fn(&str) -> f32>,
    params: &Params,
) -> f32 {
    let lex = Lexicon::get();
    let p = &params.align;
    let (ra, rb) = (raw_terms(a, lex, p), raw_terms(b, lex, p));
    let mut stems: Vec<String> = ra.iter().chain(&rb).map(|t| t.0.clone()).collect();
    stems.sort();
    stems.dedup();
    let id = |s: &str| stems.binary_search_by(|x| x.as_str().cmp(s)).unwrap_or(0) as u32;
    let weight = |i: u32| idf.map_or(1.0, |f| f(&stems[i as usize]));
    let make = |r: &[RawTerm]| {
        let interned: Vec<(u32, f32, bool)> = r.iter().map(|t| (id(&t.0), t.1, t.2)).collect();
        make_claim(SentRef { doc: 0, sent: 0 }, 0, &interned, &weight)
    };
    let vocab = Vocab::build(&stems, lex, &params.lexicon);
    let (a, b) = (make(&ra), make(&rb));
    let mut loaded = Loaded::new(&vocab);
    loaded.load(&a, &vocab);
    loaded.similarity(&a, &b, p)
}

/// Content stems as the aligner sees them (for IDF tables outside a story).
pub fn terms_of(text: &str, params: &Params) -> Vec<String> {
    raw_terms(text, Lexicon::get(), &params.align)
        .into_iter()
        .map(|t| t.0)
        .collect()
}

/// Aligns the sentences of a story into fact groups (two or more sources),
/// ordered by support, then by position in the articles (leads first).
/// Quotations that several sources carry are facts they agree on too, even
/// when the words are too common for the similarity to notice them ("We will
/// do what we need to do"): each joins the group that already holds its
/// sentences, or forms a group of its own.
pub fn align(story: &Story, quotes: &[Quotation], params: &Params) -> Vec<FactGroup> {
    let lex = Lexicon::get();
    let p = &params.align;
    let (claims, vocab) = features(story, lex, params);
    let usable: Vec<bool> = claims
        .iter()
        .map(|c| c.terms.len() >= p.min_terms)
        .collect();
    let sim = SimMatrix::new(&claims, &usable, &vocab, p);
    let groups = select_groups(&claims, &sim, &usable, p);
    let mut facts: Vec<FactGroup> = groups
        .iter()
        .map(|g| fact_group(story, &claims, &sim, g))
        .collect();
    for q in quotes {
        add_quotation(&mut facts, q);
    }
    facts.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(position(story, a).total_cmp(&position(story, b)))
            .then(a.rep.cmp(&b.rep))
    });
    facts
}

/// Lazy greedy selection: every free claim seeds a group; the group with
/// most sources (then highest similarity) is taken, its claims retire, and
/// the rest go on. Retiring claims only ever shrinks a seed's group, so a
/// popped group whose recomputed value is unchanged is truly the best.
fn select_groups(
    claims: &[Claim],
    sim: &SimMatrix,
    usable: &[bool],
    p: &AlignParams,
) -> Vec<Vec<usize>> {
    let mut free = usable.to_vec();
    use rayon::prelude::*;
    let seeds: Vec<usize> = (0..claims.len()).filter(|&i| free[i]).collect();
    let mut heap: BinaryHeap<(usize, Ordered, Reverse<usize>)> = seeds
        .par_iter()
        .map_init(
            || Growth::new(claims),
            |growth, &seed| {
                let (group, score) = growth.grow(seed, claims, sim, &free, p);
                (group.len(), Ordered(score), Reverse(seed))
            },
        )
        .filter(|e| e.0 >= 2)
        .collect::<Vec<_>>()
        .into();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // The accepted group holding each claim, to find the groups a new one
    // could duplicate without scanning them all.
    let mut owner: HashMap<usize, usize> = HashMap::default();
    let mut growth = Growth::new(claims);
    while let Some((size, Ordered(score), Reverse(seed))) = heap.pop() {
        if !free[seed] {
            continue;
        }
        let (group, now) = growth.grow(seed, claims, sim, &free, p);
        if group.len() < 2 {
            continue;
        }
        if group.len() != size || now < score - 1e-6 {
            heap.push((group.len(), Ordered(now), Reverse(seed)));
            continue;
        }
        for &m in &group {
            retire(claims, &mut free, m, p);
        }
        if !duplicates_accepted(&group, &groups, &owner, sim, p) {
            for &m in &group {
                owner.insert(m, groups.len());
            }
            groups.push(group);
        }
    }
    groups
}

/// An f32 with a total order, for the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ordered(f32);

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The sentences of a quotation's mentions, one per document.
fn quotation_sentences(q: &Quotation) -> Vec<SentRef> {
    let mut refs: Vec<SentRef> = q
        .mentions
        .iter()
        .map(|m| SentRef {
            doc: m.doc,
            sent: m.sent,
        })
        .collect();
    refs.sort();
    refs.dedup_by_key(|r| r.doc);
    refs
}

/// Merges a multi-source quotation into the facts: into a group that holds
/// two or more of its sentences (adding the sources the group lacks), or as
/// a new group whose text is the sentence of its fullest wording.
fn add_quotation(facts: &mut Vec<FactGroup>, q: &Quotation) {
    let refs = quotation_sentences(q);
    if refs.len() < 2 {
        return;
    }
    let overlap = |f: &FactGroup| refs.iter().filter(|r| f.members.contains(r)).count();
    if let Some(f) = facts
        .iter_mut()
        .filter(|f| overlap(f) >= 2)
        .max_by_key(|f| overlap(f))
    {
        for r in &refs {
            if !f.members.iter().any(|m| m.doc == r.doc) {
                f.members.push(*r);
            }
        }
        f.members.sort();
        return;
    }
    let fullest = q
        .mentions
        .iter()
        .max_by_key(|m| (m.text.len(), std::cmp::Reverse(m.doc)))
        .map(|m| SentRef {
            doc: m.doc,
            sent: m.sent,
        });
    facts.push(FactGroup {
        rep: fullest.unwrap_or(refs[0]),
        members: refs,
        cohesion: 1.0,
    });
}

/// Pairwise similarities of claims from different documents, kept sparse:
/// only pairs that share a word other than a name (or a relative of one)
/// are compared at all, found through an inverted index, and each claim
/// proposes at most [`AlignParams::max_candidates`] partners, those sharing
/// most weight through its rarest terms ([`AlignParams::postings_budget`]). Cost: near-linear in
/// the story's claims; the comparisons run in parallel, in a fixed order.
struct SimMatrix {
    /// For each claim, (other claim, similarity) sorted by other claim.
    rows: Vec<Vec<(usize, f32)>>,
}

impl SimMatrix {
    fn new(claims: &[Claim], usable: &[bool], vocab: &Vocab, p: &AlignParams) -> SimMatrix {
        use rayon::prelude::*;
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.related.len()];
        for (i, c) in claims.iter().enumerate().filter(|(i, _)| usable[*i]) {
            for t in c.terms.iter().filter(|t| !t.name) {
                postings[t.id as usize].push(i as u32);
            }
        }
        let ids: Vec<usize> = (0..claims.len()).filter(|&i| usable[i]).collect();
        let pairs: Vec<(u32, u32)> = ids
            .par_iter()
            .map_init(
                || Scratch::new(claims.len()),
                |scratch, &i| scratch.candidates(i, claims, vocab, &postings, p),
            )
            .flatten_iter()
            .collect();
        let pairs = sorted_unique(&pairs, claims.len());
        // The pairs of one claim `i` are consecutive: its tables are
        // loaded once for all of them.
        let mut starts: Vec<usize> = (0..pairs.len())
            .filter(|&k| k == 0 || pairs[k - 1].0 != pairs[k].0)
            .collect();
        starts.push(pairs.len());
        let scored: Vec<(u32, u32, f32)> = starts
            .par_windows(2)
            .map_init(
                || Loaded::new(vocab),
                |loaded, w| {
                    let run = &pairs[w[0]..w[1]];
                    let a = &claims[run[0].0 as usize];
                    loaded.load(a, vocab);
                    let mut out = Vec::new();
                    for &(i, j) in run {
                        let s = loaded.similarity(a, &claims[j as usize], p);
                        if s > 0.0 {
                            out.push((i, j, s));
                        }
                    }
                    loaded.unload(a);
                    out
                },
            )
            .flatten_iter()
            .collect();
        let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); claims.len()];
        for (i, j, s) in scored {
            rows[i as usize].push((j as usize, s));
            rows[j as usize].push((i as usize, s));
        }
        rows.par_iter_mut().for_each(|r| r.sort_by_key(|a| a.0));
        SimMatrix { rows }
    }

    fn get(&self, i: usize, j: usize) -> f32 {
        let r = &self.rows[i];
        r.binary_search_by(|x| x.0.cmp(&j)).map_or(0.0, |k| r[k].1)
    }
}

/// `pairs` (first < `n`) sorted and without repeats, as `sort` and `dedup`
/// give them, by a counting sort on the first claim: linear in the pairs,
/// where sorting every pair of a story was 3% of a clean build's
/// instructions (issue 15). Each claim's partners are few and sorted
/// apart.
fn sorted_unique(pairs: &[(u32, u32)], n: usize) -> Vec<(u32, u32)> {
    let mut start = vec![0usize; n + 1];
    for &(i, _) in pairs {
        start[i as usize + 1] += 1;
    }
    for k in 0..n {
        start[k + 1] += start[k];
    }
    let mut next = start.clone();
    let mut seconds = vec![0u32; pairs.len()];
    for &(i, j) in pairs {
        seconds[next[i as usize]] = j;
        next[i as usize] += 1;
    }
    let mut out = Vec::with_capacity(pairs.len());
    for (i, w) in start.windows(2).enumerate() {
        let run = &mut seconds[w[0]..w[1]];
        run.sort_unstable();
        let mut last = None;
        for &j in run.iter() {
            if last != Some(j) {
                out.push((i as u32, j));
                last = Some(j);
            }
        }
    }
    out
}

/// Per-thread buffers of the candidate search, reused from claim to claim
/// so that no pair allocates.
struct Scratch {
    /// Shared weight of each claim with the current one.
    acc: Vec<f32>,
    /// Claims with a non-zero `acc`, to reset and rank.
    touched: Vec<u32>,
    /// (postings length, term id, relatedness) of the current claim's terms.
    via: Vec<(usize, u32, f32)>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            acc: vec![0.0; n],
            touched: Vec::new(),
            via: Vec::new(),
        }
    }

    /// Pairs (smaller, larger) of claim `i` with its best candidates from
    /// other documents.
    fn candidates(
        &mut self,
        i: usize,
        claims: &[Claim],
        vocab: &Vocab,
        postings: &[Vec<u32>],
        p: &AlignParams,
    ) -> Vec<(u32, u32)> {
        let a = &claims[i];
        // `features` numbers claims document by document: the claims of
        // `a`'s document are the numbers lo..hi.
        let lo = claims.partition_point(|c| c.at.doc < a.at.doc) as u32;
        let hi = claims.partition_point(|c| c.at.doc <= a.at.doc) as u32;
        self.via.clear();
        for t in a.terms.iter().filter(|t| !t.name) {
            let related = vocab.related[t.id as usize].iter().copied();
            for (id, r) in std::iter::once((t.id, 1.0)).chain(related) {
                self.via
                    .push((postings[id as usize].len(), id, t.weight * r));
            }
        }
        self.via
            .sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
        let mut read = 0usize;
        for &(len, id, w) in &self.via {
            if read > 0 && read + len > p.postings_budget {
                break;
            }
            read += len;
            // Postings are ascending claim numbers and a document's claims
            // are consecutive: its own run is skipped in one step rather
            // than entry by entry (one long article would otherwise read
            // every entry of its own postings for every claim).
            let list = &postings[id as usize];
            let start = list.partition_point(|&j| j < lo);
            let end = list.partition_point(|&j| j < hi);
            for &j in list[..start].iter().chain(&list[end..]) {
                if self.acc[j as usize] == 0.0 {
                    self.touched.push(j);
                }
                self.acc[j as usize] += w;
            }
        }
        if self.touched.len() > p.max_candidates {
            let acc = &self.acc;
            self.touched
                .select_nth_unstable_by(p.max_candidates, |x, y| {
                    acc[*y as usize].total_cmp(&acc[*x as usize]).then(x.cmp(y))
                });
        }
        let keep = self.touched.len().min(p.max_candidates);
        let out = self.touched[..keep]
            .iter()
            .map(|&j| (j.min(i as u32), j.max(i as u32)))
            .collect();
        // Every touched entry is reset, the ones cut too: a score left
        // behind would leak into the next claim this scratch serves, and
        // which claims share a scratch depends on the thread count.
        for &j in &self.touched {
            self.acc[j as usize] = 0.0;
        }
        self.touched.clear();
        out
    }
}

/// Buffers of [`Growth::grow`], reused from seed to seed (one per thread)
/// and left empty after each: the running sums of the claims the group
/// reached, and the documents it holds.
struct Growth {
    /// By claim: (sum of similarities to the group, best single one).
    sum: Vec<(f32, f32)>,
    /// Claims with an entry in `sum`, to reset.
    reached: Vec<usize>,
    /// By document: does the group hold one of its claims?
    docs: Vec<bool>,
}

impl Growth {
    fn new(claims: &[Claim]) -> Growth {
        // `features` numbers claims document by document.
        let n_docs = claims.last().map_or(0, |c| c.at.doc + 1);
        Growth {
            sum: vec![(0.0, 0.0); claims.len()],
            reached: Vec::new(),
            docs: vec![false; n_docs],
        }
    }

    /// Grows a group from a seed by average linkage: repeatedly adds the
    /// free claim from a new document that is most similar, on average, to
    /// the members so far, provided it reaches the cut with one member and
    /// [`AlignParams::cohesion`] on average. Returns the group and its score
    /// (the sum of the joining averages).
    fn grow(
        &mut self,
        seed: usize,
        claims: &[Claim],
        sim: &SimMatrix,
        free: &[bool],
        p: &AlignParams,
    ) -> (Vec<usize>, f32) {
        // Running sum and best single similarity of each candidate to the
        // group, updated from the row of each member as it joins, so one
        // step costs the new member's row, not (group size)² lookups. The
        // mean's denominator is the same for every candidate, so the best
        // mean is the largest sum: a lazy max-heap of (sum, earlier claim
        // first) finds it.
        let mut heap: BinaryHeap<(Ordered, Reverse<usize>)> = BinaryHeap::new();
        let Growth { sum, reached, docs } = self;
        docs[claims[seed].at.doc] = true;
        let mut group = vec![seed];
        let mut score = 0.0;
        // An entry the loop below would skip whenever it is popped is never
        // pushed: a candidate from a document the group already has
        // (documents only join), or one below the cut (only a later push,
        // which makes this entry stale, can raise it). The heap order is
        // total, so the entries that are taken, and the group, are the
        // same; in a story of many copies of one wire text the heap no
        // longer fills with dead entries.
        let join = |m: usize,
                    sum: &mut Vec<(f32, f32)>,
                    reached: &mut Vec<usize>,
                    heap: &mut BinaryHeap<(Ordered, Reverse<usize>)>,
                    docs: &[bool]| {
            for &(j, s) in &sim.rows[m] {
                if !free[j] {
                    continue;
                }
                let e = &mut sum[j];
                if *e == (0.0, 0.0) {
                    reached.push(j);
                }
                e.0 += s;
                e.1 = e.1.max(s);
                if e.1 >= p.cut && !docs[claims[j].at.doc] {
                    heap.push((Ordered(e.0), Reverse(j)));
                }
            }
        };
        join(seed, sum, reached, &mut heap, docs);
        while let Some((Ordered(total), Reverse(j))) = heap.pop() {
            let (now, reach) = sum[j];
            if now != total || docs[claims[j].at.doc] {
                continue;
            }
            if reach < p.cut {
                // Only a later member with a similarity at the cut can make
                // it eligible, and that member's row pushes it again.
                continue;
            }
            let mean = total / group.len() as f32;
            if mean < p.cohesion {
                break;
            }
            group.push(j);
            docs[claims[j].at.doc] = true;
            score += mean;
            join(j, sum, reached, &mut heap, docs);
        }
        for &j in reached.iter() {
            sum[j] = (0.0, 0.0);
        }
        reached.clear();
        for &m in &group {
            docs[claims[m].at.doc] = false;
        }
        (group, score)
    }
}

/// Takes a used claim out of the pool. A whole sentence used for a fact
/// also retires its clauses that carry most of it, and a used clause
/// retires its whole sentence; other clauses stay free for other facts.
fn retire(claims: &[Claim], free: &mut [bool], used: usize, p: &AlignParams) {
    free[used] = false;
    let parent = claims[used].parent;
    if parent != used {
        free[parent] = false;
    } else {
        for (i, c) in claims.iter().enumerate().skip(used + 1) {
            if c.parent != used {
                break;
            }
            if clause_dominates(c, &claims[used], p) {
                free[i] = false;
            }
        }
    }
}

/// A clause that carries most of its sentence's weight is the sentence.
fn clause_dominates(clause: &Claim, sentence: &Claim, p: &AlignParams) -> bool {
    sentence.norm > 0.0 && clause.norm / sentence.norm > p.clause_dominates
}

/// Is this group the same fact as one already accepted (its sentences
/// strongly similar to an accepted group's)?
fn duplicates_accepted(
    group: &[usize],
    accepted: &[Vec<usize>],
    owner: &HashMap<usize, usize>,
    sim: &SimMatrix,
    p: &AlignParams,
) -> bool {
    // Only a group with a member similar to one of ours can score above 0.
    let mut near: Vec<usize> = group
        .iter()
        .flat_map(|&g| &sim.rows[g])
        .filter_map(|(m, _)| owner.get(m).copied())
        .collect();
    near.sort_unstable();
    near.dedup();
    near.iter().map(|&k| &accepted[k]).any(|a| {
        let total: f32 = group
            .iter()
            .map(|&g| a.iter().map(|&m| sim.get(g, m)).fold(0.0, f32::max))
            .sum();
        total / group.len() as f32 >= p.cut + p.duplicate_margin
    })
}

fn fact_group(story: &Story, claims: &[Claim], sim: &SimMatrix, group: &[usize]) -> FactGroup {
    let mut members: Vec<(SentRef, usize)> = group.iter().map(|&i| (claims[i].at, i)).collect();
    members.sort();
    // The representative: most similar to the rest; then shorter; then earlier.
    // Each member's similarities are summed in group order (as a plain loop
    // over the group would), read from its row: linear in the rows, not
    // quadratic in the group.
    let pos: HashMap<usize, usize> = group.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let sums: HashMap<usize, f32> = group
        .iter()
        .map(|&i| {
            let mut parts: Vec<(usize, f32)> = sim.rows[i]
                .iter()
                .filter_map(|&(j, s)| pos.get(&j).map(|&k| (k, s)))
                .collect();
            parts.sort_unstable_by_key(|p| p.0);
            (i, parts.iter().map(|p| p.1).sum::<f32>())
        })
        .collect();
    let centrality = |i: usize| sums[&i];
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
    #[test]
    fn the_candidate_scratch_is_clean_after_a_claim_with_too_many_partners() {
        // Claim 0 (document 0) shares one word with many more claims of
        // other documents than it may propose: the cut ones must not keep
        // a score into the next claim.
        let p = crate::params::AlignParams::default();
        let n = p.max_candidates * 2 + 1;
        let claim = |doc: usize| super::Claim {
            at: crate::model::SentRef { doc, sent: 0 },
            parent: 0,
            terms: vec![super::Term {
                id: 0,
                weight: 1.0 + doc as f32,
                name: false,
            }],
            norm: 1.0,
            norm_common: 1.0,
        };
        let claims: Vec<super::Claim> = (0..n).map(claim).collect();
        let vocab = super::Vocab {
            related: vec![Vec::new()],
        };
        let postings = vec![(0..n as u32).collect::<Vec<u32>>()];
        let mut scratch = super::Scratch::new(n);
        let pairs = scratch.candidates(0, &claims, &vocab, &postings, &p);
        assert_eq!(pairs.len(), p.max_candidates);
        assert!(
            scratch.acc.iter().all(|&a| a == 0.0),
            "a cut score was left behind"
        );
        assert!(scratch.touched.is_empty());
    }

    use super::*;
    use crate::model::Document;

    fn doc(id: &str, sentences: &[&str]) -> Document {
        Document::from_sentences(id, sentences)
    }

    /// The compound heads as they were found before: every tail of at most
    /// `MAX_HEAD_BYTES`, however short.
    fn compound_heads_reference<'a>(
        stem: &'a str,
        index: &'a HashMap<&str, u32>,
    ) -> impl Iterator<Item = u32> + 'a {
        let shortest_start = stem.len().saturating_sub(MAX_HEAD_BYTES);
        stem.char_indices().skip(1).filter_map(move |(i, _)| {
            if i < shortest_start {
                return None;
            }
            let tail = &stem[i..];
            index
                .get(tail)
                .or_else(|| index.get(format!("{tail}e").as_str()))
                .copied()
        })
    }

    /// The vocabulary as it was built before comparing each pair from one
    /// side only: every candidate of every stem, relatedness by strings.
    fn related_reference(
        stems: &[String],
        lex: &Lexicon,
        lp: &LexiconParams,
    ) -> Vec<Vec<(u32, f32)>> {
        let mut by_concept: HashMap<u32, Vec<u32>> = HashMap::default();
        for (id, stem) in stems.iter().enumerate() {
            for c in lex.concepts(stem) {
                by_concept.entry(c.id).or_default().push(id as u32);
            }
        }
        let index: HashMap<&str, u32> = stems
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as u32))
            .collect();
        let mut related: Vec<Vec<(u32, f32)>> = vec![Vec::new(); stems.len()];
        for (id, stem) in stems.iter().enumerate() {
            let mut cands: Vec<u32> = lex
                .concepts(stem)
                .iter()
                .filter_map(|c| by_concept.get(&c.id))
                .flatten()
                .copied()
                .collect();
            cands.extend(compound_heads_reference(stem, &index));
            cands.sort_unstable();
            cands.dedup();
            for other in cands {
                if other as usize == id {
                    continue;
                }
                let r = lex.relatedness(stem, &stems[other as usize], lp);
                if r > 0.0 {
                    related[id].push((other, r));
                    related[other as usize].push((id as u32, r));
                }
            }
        }
        for list in &mut related {
            list.sort_by_key(|a| a.0);
            list.dedup_by_key(|x| x.0);
        }
        related
    }

    #[test]
    fn the_vocabulary_relates_what_comparing_every_candidate_related() {
        let lex = Lexicon::get();
        let lp = LexiconParams::default();
        // Synonyms, hypernyms and siblings (shared concepts, some at two
        // levels), compounds and their heads in both orders, a stem that
        // is its own compound's head plus "e", repeats, and words outside
        // the table.
        let text = "airstrike strike strikes attack assault raid bombing \
            lawmaker maker legislator senator politician official officer \
            killed murdered assassinated slain died dead death executed \
            cancel call off reject decline halt block avoid prevent \
            earthquake quake tremor shake lawmakers xyzzy plugh \
            crossfire fire firefighter fighter arrest detain hold seize \
            company firm business corporation airline carrier";
        let mut stems: Vec<String> = Vec::new();
        for w in text.split_whitespace() {
            let t = lex.term(w);
            if !stems.contains(&t) {
                stems.push(t);
            }
        }
        for order in [false, true] {
            let mut stems = stems.clone();
            if order {
                stems.reverse();
            }
            let want = related_reference(&stems, lex, &lp);
            assert!(want.iter().filter(|l| !l.is_empty()).count() > 20);
            assert_eq!(Vocab::build(&stems, lex, &lp).related, want);
        }
    }

    #[test]
    fn sorted_unique_gives_what_sort_and_dedup_give() {
        assert!(sorted_unique(&[], 0).is_empty());
        assert!(sorted_unique(&[], 5).is_empty());
        let mut x: u32 = 12_345;
        for (n, count) in [(1usize, 7usize), (3, 40), (50, 1_000), (400, 300)] {
            let pairs: Vec<(u32, u32)> = (0..count)
                .map(|_| {
                    // A small generator that wraps (debug builds check overflow).
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    let i = (x >> 8) % n as u32;
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (i, (x >> 8) % (n as u32 + 3))
                })
                .collect();
            let mut want = pairs.clone();
            want.sort_unstable();
            want.dedup();
            assert_eq!(sorted_unique(&pairs, n), want, "n {n}, {count} pairs");
        }
        // Repeats of one pair, and claims with no pair between ones with.
        assert_eq!(
            sorted_unique(&[(4, 2), (0, 9), (4, 2), (4, 1), (0, 9)], 6),
            vec![(0, 9), (4, 1), (4, 2)]
        );
    }

    #[test]
    fn compound_heads_of_short_and_endless_words() {
        let long = format!("{}strike", "x".repeat(200_000));
        let index: HashMap<&str, u32> = [
            ("strike", 0),
            ("airstrik", 1),
            (long.as_str(), 2),
            ("port", 3),
            ("maker", 4),
            ("aker", 5),
        ]
        .into_iter()
        .collect();
        let heads = |stem: &str| {
            let (mut buf, mut out) = (String::new(), Vec::new());
            compound_heads(stem, &index, &mut buf, &mut out);
            out
        };
        // A tail as it is ("maker") or with a final "e" ("strik" + "e").
        assert_eq!(heads("airstrik"), vec![0]);
        assert_eq!(heads("lawmaker"), vec![4]);
        assert_eq!(heads(&long), vec![0]);
        assert!(heads("strike").is_empty());
        // Tails under five letters are not looked up: "port" is no head
        // of "support" (nor "aker" of "lawmaker"), as the lexicon rules.
        assert!(heads("support").is_empty());
        let lp = LexiconParams::default();
        let lex = Lexicon::get();
        assert_eq!(lex.relatedness("support", "port", &lp), 0.0);
        assert_eq!(
            compound_heads_reference("support", &index).collect::<Vec<_>>(),
            vec![3]
        );
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
    fn a_colon_opens_a_clause_before_a_capital_or_a_quotation() {
        for (text, second) in [
            (
                "The mayor said: “We will rebuild the bridge.”",
                "“We will rebuild the bridge.”",
            ),
            (
                "The mayor said: \"We will rebuild the bridge.\"",
                "\"We will rebuild the bridge.\"",
            ),
            (
                "The mayor said: «we will rebuild the bridge»",
                "«we will rebuild the bridge»",
            ),
            (
                "The rule was plain: Nobody crosses the bridge.",
                "Nobody crosses the bridge.",
            ),
        ] {
            assert_eq!(clauses(text).last(), Some(&second), "{text}");
        }
        // Not a new clause: a list, a figure or a lower-case continuation
        // after the colon, or a closing mark.
        for text in [
            "Three towns were flooded: one in the north and two in the south.",
            "The vote was close: 52 to 48 in the final count.",
            "The sign on the door read: ‘closed for repairs’ all week.",
            "The town council met at 10:30 on Monday morning.",
        ] {
            assert!(clauses(text).is_empty(), "{text}");
        }
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
        let facts = align(&story, &[], &Params::default());
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
        let facts = align(&story, &[], &Params::default());
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].members.len(), 2);
        assert_ne!(facts[0].members[0].doc, facts[0].members[1].doc);
    }

    #[test]
    fn names_keep_facts_apart() {
        // Names weigh more than other words: the same sentence about
        // another senator is further from the original than the same
        // senator with one other content word changed, and a paraphrase
        // about the same senator still reaches the cut.
        let p = Params::default();
        let original = "Senator Alvarez voted against the farm bill on Thursday.";
        let sim = |other: &str| text_similarity(original, other, None, &p);
        let other_name = sim("Senator Whitcombe voted against the farm bill on Thursday.");
        let other_word = sim("Senator Alvarez voted against the dairy bill on Thursday.");
        let paraphrase = sim("Senator Alvarez opposed the farm bill in Thursday's vote.");
        assert!(other_name < other_word, "{other_name} {other_word}");
        assert!(paraphrase >= p.align.cut, "{paraphrase}");
        // Claims sharing only names are not compared at all.
        let only_names = sim("Senator Alvarez praised the mayor of Rockport.");
        assert_eq!(only_names, 0.0);
        // Known limit, pinned so a change shows: another senator doing the
        // same thing still aligns (the shared title and date carry it).
        let story = Story {
            docs: vec![
                doc("a", &[original]),
                doc(
                    "b",
                    &["Senator Whitcombe voted against the farm bill on Thursday."],
                ),
            ],
        };
        assert_eq!(align(&story, &[], &p).len(), 1);
    }
}
