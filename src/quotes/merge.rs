//! Merging one quotation across the sources that carry it.
//!
//! Outlets quote a fragment, a longer stretch or a slightly different
//! wording of the same statement, and sometimes print two statements as one
//! quotation that others quote apart. So every quotation is first cut into
//! segments at its internal sentence breaks (the language layer's boundary
//! test, [`crate::nlp::sentences::boundaries`], as in every other stage),
//! ellipses and paragraph breaks (segments under [`MergeParams::min_segment_words`]
//! words join a neighbour). Segments
//! match on words: normalised words (contractions expanded, so "We'll" =
//! "We will"), containment = longest common subsequence over words / the
//! shorter length. Character edit distance is not used: it fails on
//! fragments.
//!
//! Matching segments form clusters. Neighbouring clusters of a quotation
//! stay one item unless each of them is quoted without the other somewhere
//! else: then the quotation joins two statements that other outlets quote
//! separately, and each part becomes its own item listing that outlet, with
//! the outlet's part as its wording. The test is made on the items as they
//! grow (the outlets of every cluster joined so far), so a sentence that no
//! one else quotes, which sits inside both its neighbours, cannot chain two
//! separate statements into one item. (An outlet quoting only the first
//! sentence of a longer quotation does not split it.) Each item lists every outlet once, with
//! that outlet's fullest wording; its text is the fullest wording of all.

use super::{Found, Mention, Quotation, Speaker};
use crate::model::Story;
use crate::nlp::compare::{bm25_idf, lcs_len, weighted_lcs};
use crate::nlp::lists::{self, FunctionClass};
use crate::nlp::sentences::boundaries;
use crate::params::{MergeParams, SentenceParams};
use crate::text::{fold, normalise_word, words};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Comparison words: normalised, contractions expanded.
pub(crate) fn norm_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(text) {
        // A word of ASCII letters and digits has no apostrophe, so no
        // contracted ending (every ending of `data/en/contractions.tsv` has
        // one): its comparison form is the normalised word (the general
        // path below gives the same, with three more copies of the word).
        if w.raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push(normalise_word(w.raw));
            continue;
        }
        // A spaced "It ’ s" is one word (see `nlp::tokens::words`): "it's".
        let f = fold(w.raw).to_lowercase().replace(' ', "");
        if let Some((base, full)) = lists::contraction(&f) {
            out.push(base.to_string());
            out.push(full.to_string());
            continue;
        }
        let n = normalise_word(w.raw);
        if !n.is_empty() {
            out.push(n);
        }
    }
    out
}

/// The words of the story's quotation segments as small numbers, so that
/// comparing two segments compares numbers, not strings (issue 15). Two
/// words get the same number exactly when they are the same string, so
/// every comparison below gives what it gives on the words.
struct Vocabulary<'a> {
    ids: HashMap<&'a str, u32>,
}

impl<'a> Vocabulary<'a> {
    fn of(segs: &'a [Seg]) -> Vocabulary<'a> {
        let mut ids: HashMap<&'a str, u32> = HashMap::default();
        for s in segs {
            for w in &s.words {
                let next = ids.len() as u32;
                ids.entry(w.as_str()).or_insert(next);
            }
        }
        Vocabulary { ids }
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// A segment's words as numbers, in order, and as a sorted bag.
    fn numbered(&self, words: &[String]) -> Numbered {
        let ids: Vec<u32> = words.iter().map(|w| self.ids[w.as_str()]).collect();
        let mut bag = ids.clone();
        bag.sort_unstable();
        Numbered { ids, bag }
    }
}

/// A segment's words as [`Vocabulary`] numbers.
struct Numbered {
    ids: Vec<u32>,
    /// The same numbers sorted: the bag of words, for [`bag_overlap`].
    bag: Vec<u32>,
}

/// How many words two sorted bags share, counting repeats: no common
/// subsequence is longer, so a pair this overlap already rules out needs
/// no longest common subsequence.
fn bag_overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How much a word tells one statement from another in this story: its
/// inverse document frequency over the story's articles
/// ([`crate::nlp::compare::bm25_idf`]). The story's topic
/// ("the Endangered Species Act") is in every article and weighs little, so
/// a short phrase made of it cannot pass for a fragment of every long
/// quotation that mentions the topic and chain them into one item.
/// Weights are kept for the words of the quotation segments only (no other
/// word is ever weighed), by their [`Vocabulary`] number.
pub(crate) struct WordWeights {
    by_id: Vec<f64>,
}

impl WordWeights {
    fn of_story(story: &Story, vocabulary: &Vocabulary) -> WordWeights {
        let n = story.docs.len();
        let mut df = vec![0usize; vocabulary.len()];
        let mut seen: Vec<u32> = Vec::new();
        for doc in &story.docs {
            seen.clear();
            for b in &doc.blocks {
                seen.extend(norm_words(&b.text).iter().filter_map(|w| vocabulary.id(w)));
            }
            seen.sort_unstable();
            seen.dedup();
            for &w in &seen {
                df[w as usize] += 1;
            }
        }
        // BM25's IDF, not the floored `idf` of grouping: the topic words
        // every article shares must weigh almost nothing here (measured in
        // `nlp::compare`'s module documentation). A word in no article (an
        // expanded contraction) weighs `bm25_idf(n, 0)`.
        WordWeights {
            by_id: df.into_iter().map(|d| bm25_idf(n, d)).collect(),
        }
    }

    fn weight(&self, word: u32) -> f64 {
        self.by_id[word as usize]
    }

    /// Share of the shorter list's weight that a weighted longest common
    /// subsequence covers.
    fn containment(&self, a: &[u32], b: &[u32]) -> f64 {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let total: f64 = short.iter().map(|&w| self.weight(w)).sum();
        if total == 0.0 {
            return 0.0;
        }
        weighted_lcs(short, long, |&w| self.weight(w)) / total
    }
}

/// The least containment two segments need, by the shorter one's length.
fn needed_containment(shorter: usize, p: &MergeParams) -> f64 {
    if shorter < p.short_segment {
        p.min_containment_short
    } else {
        p.min_containment
    }
}

/// [`same_statement`], and the shared words carry the shorter one's weight
/// too (not only its common words).
fn same_weighted_statement(
    a: &Numbered,
    b: &Numbered,
    weights: &WordWeights,
    p: &MergeParams,
) -> bool {
    let shorter = a.ids.len().min(b.ids.len());
    // The bag overlap bounds the common subsequence from above: a pair it
    // rules out is ruled out by [`same_statement`] too.
    enough_shared(bag_overlap(&a.bag, &b.bag), shorter, p)
        && same_statement(&a.ids, &b.ids, p)
        && weights.containment(&a.ids, &b.ids) >= needed_containment(shorter, p)
}

/// Do these two word lists say the same thing (one may be a fragment)?
pub(crate) fn same_statement<T: PartialEq>(a: &[T], b: &[T], p: &MergeParams) -> bool {
    enough_shared(lcs_len(a, b), a.len().min(b.len()), p)
}

/// Are `shared` words in common enough for two lists whose shorter has
/// `shorter` words?
fn enough_shared(shared: usize, shorter: usize, p: &MergeParams) -> bool {
    shorter > 0
        && shared >= p.min_shared_words.min(shorter)
        && shared as f64 / shorter as f64 >= needed_containment(shorter, p)
}

fn is_ellipsis_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    if rest.starts_with('\u{2026}') {
        return Some('\u{2026}'.len_utf8());
    }
    rest.starts_with("...").then_some(3)
}

/// Byte ranges of the segments of a quotation text, trimmed.
pub(crate) fn segments(text: &str, p: &MergeParams) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of left part, start of right part)
    let mut skip_until = 0;
    for (i, c) in text.char_indices() {
        if i < skip_until {
            continue;
        }
        if let Some(len) = is_ellipsis_at(text, i) {
            cuts.push((i, i + len));
            skip_until = i + len;
        } else if c == '\n' {
            cuts.push((i, i + 1));
        }
    }
    // Sentence ends: the language layer's one boundary test. (A boundary
    // right after an ellipsis or before a line break repeats a cut above;
    // the empty piece between them is dropped below.)
    cuts.extend(
        boundaries(text, &SentenceParams::default())
            .into_iter()
            .map(|b| (b, b)),
    );
    cuts.sort_unstable();
    let mut raw = Vec::new();
    let mut from = 0;
    for (end, next) in cuts {
        raw.push((from, end));
        from = next;
    }
    raw.push((from, text.len()));
    let trimmed: Vec<(usize, usize)> = raw
        .into_iter()
        .map(|(s, e)| trim_segment(text, s, e))
        .filter(|(s, e)| e > s && !words(&text[*s..*e]).is_empty())
        .collect();
    join_short(text, trimmed, p.min_segment_words)
}

fn trim_segment(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = text.get(s..e).unwrap_or("");
    let is_lead =
        |c: char| c.is_whitespace() || crate::text::is_double_quote(c) || c == ',' || c == ';';
    let mut t = slice.trim_start_matches(is_lead);
    // A single quote left over from the sentence before ("calm. ' Officers").
    if let Some(rest) = t.strip_prefix(['\'', '\u{2019}'])
        && rest.starts_with(char::is_whitespace)
    {
        t = rest.trim_start_matches(is_lead);
    }
    // After a cut, a joining conjunction belongs to neither part.
    if s > 0
        && let Some((first, rest)) = t.split_once(' ')
        && lists::is_function_word(first, FunctionClass::Joiner)
    {
        t = rest.trim_start();
    }
    let start = s + (slice.len() - t.len());
    let t = t.trim_end_matches(|c: char| {
        c.is_whitespace() || crate::text::is_double_quote(c) || matches!(c, ',' | ';' | ':')
    });
    (start, start + t.len())
}

/// Joins segments under `min_words` words to the one before (the first to
/// the one after).
fn join_short(text: &str, segs: Vec<(usize, usize)>, min_words: usize) -> Vec<(usize, usize)> {
    let is_short = |(s, e): (usize, usize)| words(&text[s..e]).len() < min_words;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for seg in segs {
        match out.last_mut() {
            Some(last) if is_short(seg) => last.1 = seg.1,
            _ => out.push(seg),
        }
    }
    if out.len() > 1 && is_short(out[0]) {
        let first = out.remove(0);
        out[0].0 = first.0;
    }
    out
}

/// One segment of one found quotation.
struct Seg {
    found: usize,
    start: usize,
    end: usize,
    words: Vec<String>,
}

fn find_root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find_root(parent, a), find_root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

fn all_segments(found: &[Found], p: &MergeParams) -> Vec<Seg> {
    found
        .iter()
        .enumerate()
        .flat_map(|(f, q)| {
            segments(&q.text, p)
                .into_iter()
                .map(move |(start, end)| Seg {
                    found: f,
                    start,
                    end,
                    words: norm_words(&q.text[start..end]),
                })
        })
        .collect()
}

/// Cluster id of every segment: segments of different quotations that say
/// the same thing share one.
fn cluster_segments(story: &Story, segs: &[Seg], p: &MergeParams) -> Vec<usize> {
    let vocabulary = Vocabulary::of(segs);
    let weights = WordWeights::of_story(story, &vocabulary);
    let numbered: Vec<Numbered> = segs.iter().map(|s| vocabulary.numbered(&s.words)).collect();
    let mut parent: Vec<usize> = (0..segs.len()).collect();
    union_exact_duplicates(segs, &mut parent);
    for (i, j) in candidate_pairs(segs, p.max_postings) {
        if segs[i].found != segs[j].found
            && same_weighted_statement(&numbered[i], &numbered[j], &weights, p)
        {
            union(&mut parent, i, j);
        }
    }
    (0..segs.len()).map(|i| find_root(&mut parent, i)).collect()
}

/// Segments with the same words, in different quotations, are one statement.
fn union_exact_duplicates(segs: &[Seg], parent: &mut [usize]) {
    let mut by_words: HashMap<&[String], Vec<usize>> = HashMap::default();
    for (i, s) in segs.iter().enumerate().filter(|(_, s)| !s.words.is_empty()) {
        by_words.entry(s.words.as_slice()).or_default().push(i);
    }
    for list in by_words.values() {
        let first = list[0];
        let other = list
            .iter()
            .copied()
            .find(|&k| segs[k].found != segs[first].found);
        for &k in &list[1..] {
            if segs[k].found != segs[first].found {
                union(parent, first, k);
            } else if let Some(o) = other {
                union(parent, o, k);
            }
        }
    }
}

/// Pairs of segments that share a distinctive word (one that is not a stop
/// word and stands in at most `max_postings` segments), each once, in a
/// deterministic order. Segments with no such word are paired among
/// themselves while they are few.
fn candidate_pairs(segs: &[Seg], max_postings: usize) -> Vec<(usize, usize)> {
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, s) in segs.iter().enumerate() {
        let mut seen: Vec<&str> = s
            .words
            .iter()
            .map(String::as_str)
            .filter(|w| !crate::text::is_stop(w))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            postings.entry(w).or_default().push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut indexed = vec![false; segs.len()];
    for list in postings.values().filter(|l| l.len() <= max_postings) {
        for (a, &i) in list.iter().enumerate() {
            indexed[i] = true;
            for &j in &list[a + 1..] {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    let rest: Vec<usize> = (0..segs.len()).filter(|&i| !indexed[i]).collect();
    if rest.len() <= max_postings {
        for (a, &i) in rest.iter().enumerate() {
            for &j in &rest[a + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    pairs.into_iter().collect()
}

/// Item id of every segment: neighbouring clusters of a quotation stay one
/// item unless each is also quoted without the other elsewhere (then they
/// are two statements that one outlet printed together).
fn group_clusters(segs: &[Seg], cluster: &[usize]) -> Vec<usize> {
    let mut carriers: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (s, c) in segs.iter().zip(cluster) {
        carriers.entry(*c).or_default().insert(s.found);
    }
    let mut parent: Vec<usize> = cluster.to_vec();
    for i in 1..segs.len() {
        if segs[i - 1].found != segs[i].found {
            continue;
        }
        let a = find_root(&mut parent, cluster[i - 1]);
        let b = find_root(&mut parent, cluster[i]);
        if a == b {
            continue;
        }
        // Nested as the items stand so far, not only as the two clusters:
        // a sentence no one else quotes is nested in both its neighbours
        // and would otherwise chain two separate statements into one item.
        let nested = match (carriers.get(&a), carriers.get(&b)) {
            (Some(x), Some(y)) => x.is_subset(y) || y.is_subset(x),
            _ => false,
        };
        if nested {
            let mut merged = carriers.remove(&a).unwrap_or_default();
            merged.extend(carriers.remove(&b).unwrap_or_default());
            union(&mut parent, a, b);
            let root = find_root(&mut parent, a);
            carriers.insert(root, merged);
        }
    }
    (0..segs.len())
        .map(|i| find_root(&mut parent, cluster[i]))
        .collect()
}

/// One outlet's wording of an item: a run of consecutive segments of one
/// quotation.
#[derive(Debug, Clone)]
struct Run {
    found: usize,
    start: usize,
    end: usize,
    words: usize,
}

/// Runs of consecutive segments of one quotation in one item.
fn runs(segs: &[Seg], item: &[usize]) -> BTreeMap<usize, Vec<Run>> {
    let mut out: BTreeMap<usize, Vec<Run>> = BTreeMap::new();
    for (i, s) in segs.iter().enumerate() {
        let list = out.entry(item[i]).or_default();
        let continues = i > 0 && item[i - 1] == item[i] && segs[i - 1].found == s.found;
        match list.last_mut() {
            Some(run) if continues => {
                run.end = s.end;
                run.words += s.words.len();
            }
            _ => list.push(Run {
                found: s.found,
                start: s.start,
                end: s.end,
                words: s.words.len(),
            }),
        }
    }
    out
}

/// Ranking weight of a speaker: a named person, a role, nobody.
fn prominence(s: Option<&Speaker>) -> u8 {
    match s {
        Some(s) if s.person => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// The speaker the sources agree on. Named people first: the person more
/// than half of the sources that name a person name; a shorter form votes
/// for the fuller one it ends ("Jackson" for "Vincent Jackson"). Two
/// sources naming two different people, one against one, is no speaker:
/// the sources disagree and a wrong name is worse than none. A role ("the
/// judge", "forensic experts") describes rather than names, so it neither
/// outvotes a person nor conflicts with one; with no person named, the role
/// most sources give (the first source's on a tie). A source that gives no
/// speaker does not vote: one clearly attributed copy speaks for the
/// copies that are not.
fn vote(speakers: &[(usize, Option<&Speaker>)]) -> Option<String> {
    let given = || speakers.iter().filter_map(|&(doc, s)| s.map(|s| (doc, s)));
    let mut people: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, s) in given().filter(|(_, s)| s.person) {
        *people.entry(s.name.as_str()).or_default() += 1;
    }
    if !people.is_empty() {
        return majority(&people);
    }
    // Roles: most votes, then the earliest source.
    let mut roles: BTreeMap<&str, (usize, std::cmp::Reverse<usize>)> = BTreeMap::new();
    for (doc, s) in given() {
        let e = roles
            .entry(s.name.as_str())
            .or_insert((0, std::cmp::Reverse(doc)));
        e.0 += 1;
        e.1 = e.1.max(std::cmp::Reverse(doc));
    }
    roles
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1))
        .map(|(name, _)| name.to_string())
}

/// The name more than half of the votes go to, every form of one person
/// counting for its fullest form.
fn majority(tally: &BTreeMap<&str, usize>) -> Option<String> {
    let total: usize = tally.values().sum();
    tally
        .keys()
        .map(|&name| {
            let votes: usize = tally
                .iter()
                .filter(|(other, _)| same_person(name, other))
                .map(|(_, n)| n)
                .sum();
            (name, votes)
        })
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .filter(|&(_, votes)| 2 * votes > total)
        .map(|(name, _)| name.to_string())
}

/// Can two display names be one person: the same surname, and the same
/// first name when both have one ("James G. Bodiford" and "James Bodiford",
/// "A.J. Butler" and "AJ Butler", "Jackson" and "Vincent Jackson"; not
/// "A.J. Smith" and "A.J. Butler")?
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.replace('.', "").to_lowercase())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    match (a.first(), a.last(), b.first(), b.last()) {
        (Some(af), Some(al), Some(bf), Some(bl)) => {
            al == bl && (a.len() == 1 || b.len() == 1 || af == bf)
        }
        _ => false,
    }
}

/// A merged item before ranking.
struct Item {
    quotation: Quotation,
    prominence: u8,
    words: usize,
    first: (usize, usize, usize),
}

fn build_item(story: &Story, found: &[Found], list: &[Run]) -> Option<Item> {
    // The fullest run of each document.
    let mut best: BTreeMap<usize, &Run> = BTreeMap::new();
    for r in list {
        let doc = found[r.found].doc;
        if best.get(&doc).is_none_or(|b| r.words > b.words) {
            best.insert(doc, r);
        }
    }
    let mentions: Vec<(Mention, usize)> = best
        .values()
        .map(|r| {
            let q = &found[r.found];
            let (block, offset) = q.locate(r.start);
            let mention = Mention {
                doc: q.doc,
                sent: sentence_index(story, q.doc, block, offset),
                text: q.text[r.start..r.end].to_string(),
                speaker: q.speaker.as_ref().map(|s| s.name.clone()),
            };
            (mention, r.words)
        })
        .collect();
    let (text, words) = mentions
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.doc.cmp(&a.0.doc)))
        .map(|(m, w)| (m.text.clone(), *w))?;
    let speakers: Vec<(usize, Option<&Speaker>)> = best
        .values()
        .map(|r| (found[r.found].doc, found[r.found].speaker.as_ref()))
        .collect();
    let speaker = vote(&speakers);
    let prom = speakers
        .iter()
        .filter(|(_, s)| s.is_some_and(|s| Some(&s.name) == speaker.as_ref()))
        .map(|(_, s)| prominence(*s))
        .max()
        .unwrap_or(0);
    let first = list
        .iter()
        .map(|r| {
            let q = &found[r.found];
            let (b, o) = q.locate(r.start);
            (q.doc, b, o)
        })
        .min()
        .unwrap_or((0, 0, 0));
    Some(Item {
        quotation: Quotation {
            text,
            speaker,
            mentions: mentions.into_iter().map(|(m, _)| m).collect(),
        },
        prominence: prom,
        words,
        first,
    })
}

/// The index of the sentence holding byte `offset` of a block.
fn sentence_index(story: &Story, doc: usize, block: usize, offset: usize) -> usize {
    let Some(d) = story.docs.get(doc) else {
        return 0;
    };
    let in_block = d
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.block == block && s.start <= offset)
        .map(|(i, _)| i)
        .next_back();
    in_block
        .or_else(|| d.sentences.iter().position(|s| s.block >= block))
        .unwrap_or(0)
}

/// Merges the found quotations of a story into ranked quotation items.
pub(crate) fn merge(story: &Story, found: &[Found], p: &MergeParams) -> Vec<Quotation> {
    let segs = all_segments(found, p);
    let cluster = cluster_segments(story, &segs, p);
    let item = group_clusters(&segs, &cluster);
    let mut items: Vec<Item> = runs(&segs, &item)
        .values()
        .filter_map(|list| build_item(story, found, list))
        .collect();
    items.sort_by(|a, b| {
        b.quotation
            .mentions
            .len()
            .cmp(&a.quotation.mentions.len())
            .then(b.prominence.cmp(&a.prominence))
            .then(b.words.cmp(&a.words))
            .then(a.first.cmp(&b.first))
    });
    items.into_iter().map(|i| i.quotation).collect()
}

#[cfg(test)]
mod vote_tests {
    use super::*;

    fn named(name: &str) -> Speaker {
        Speaker {
            name: name.to_string(),
            person: true,
        }
    }

    /// A lower-case first letter marks a role ("the judge").
    fn of(names: &[Option<&str>]) -> Option<String> {
        let speakers: Vec<Option<Speaker>> = names
            .iter()
            .map(|n| {
                n.map(|n| Speaker {
                    person: n.starts_with(char::is_uppercase),
                    ..named(n)
                })
            })
            .collect();
        let votes: Vec<(usize, Option<&Speaker>)> = speakers
            .iter()
            .enumerate()
            .map(|(d, s)| (d, s.as_ref()))
            .collect();
        vote(&votes)
    }

    #[test]
    fn one_attributed_copy_speaks_for_the_others() {
        assert_eq!(
            of(&[None, Some("Ana Lima"), None]).as_deref(),
            Some("Ana Lima")
        );
        assert_eq!(
            of(&[Some("Lima"), Some("Ana Lima")]).as_deref(),
            Some("Ana Lima")
        );
        assert_eq!(
            of(&[Some("Ana Lima"), Some("Ana Lima"), Some("Tom Reyes")]).as_deref(),
            Some("Ana Lima")
        );
        // Forms of one name agree, the fullest shown.
        assert_eq!(
            of(&[Some("James G. Bodiford"), Some("James Bodiford")]).as_deref(),
            Some("James G. Bodiford")
        );
        assert_eq!(
            of(&[Some("A.J. Smith"), Some("A.J. Butler"), Some("AJ Butler")]).as_deref(),
            Some("A.J. Butler")
        );
    }

    #[test]
    fn a_role_neither_outvotes_nor_blocks_a_person() {
        assert_eq!(
            of(&[Some("the judge"), Some("the judge"), Some("Ana Lima")]).as_deref(),
            Some("Ana Lima")
        );
        // No person: the role most sources give, else the first source's.
        assert_eq!(
            of(&[
                Some("forensic experts"),
                Some("the police"),
                Some("the police")
            ])
            .as_deref(),
            Some("the police")
        );
        assert_eq!(
            of(&[Some("forensic doctors"), Some("forensic experts")]).as_deref(),
            Some("forensic doctors")
        );
    }

    #[test]
    fn disagreeing_sources_give_no_speaker() {
        // One against one, whatever the alphabet says.
        assert_eq!(of(&[Some("Ana Lima"), Some("Tom Reyes")]), None);
        assert_eq!(
            of(&[Some("Ana Lima"), Some("Tom Reyes"), Some("a judge")]),
            None
        );
        // "Lima" is not the end of "Palima": no shared vote.
        assert_eq!(of(&[Some("Lima"), Some("Ana Palima")]), None);
        assert_eq!(of(&[Some("A.J. Smith"), Some("A.J. Butler")]), None);
        assert_eq!(of(&[None, None]), None);
    }

    #[test]
    fn a_surname_two_named_people_share_picks_neither() {
        // Sources name both Clintons: the lone surname agrees with each,
        // so it stands; neither full name wins by its length.
        assert_eq!(
            of(&[
                Some("Clinton"),
                Some("Bill Clinton"),
                Some("Hillary Clinton")
            ])
            .as_deref(),
            Some("Clinton")
        );
        assert_eq!(
            of(&[
                Some("Clinton"),
                Some("Clinton"),
                Some("Bill Clinton"),
                Some("Hillary Clinton"),
                Some("Hillary Clinton")
            ])
            .as_deref(),
            Some("Clinton")
        );
        assert_eq!(of(&[Some("Bill Clinton"), Some("Hillary Clinton")]), None);
        // One source names the person in full for these words: the
        // surname of another source agrees with it.
        assert_eq!(
            of(&[Some("Clinton"), Some("Hillary Clinton")]).as_deref(),
            Some("Hillary Clinton")
        );
    }
}

#[cfg(test)]
mod comparison_tests {
    use super::*;

    /// The general path of [`norm_words`], for comparing with its fast path.
    fn general(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for w in words(text) {
            let f = fold(w.raw).to_lowercase().replace(' ', "");
            if let Some((base, full)) = lists::contraction(&f) {
                out.push(base.to_string());
                out.push(full.to_string());
            } else {
                let n = normalise_word(w.raw);
                if !n.is_empty() {
                    out.push(n);
                }
            }
        }
        out
    }

    #[test]
    fn plain_words_skip_the_contraction_table_with_the_same_result() {
        for text in [
            "The 42 Senators said NATO and the US would not wait",
            "We'll see, they won't, I’m sure; Davis ’ s car",
            "Cannot dont wont ll re ve",
        ] {
            assert_eq!(norm_words(text), general(text), "{text}");
        }
        assert_eq!(norm_words("won't"), ["will", "not"]);
    }

    #[test]
    fn the_bag_overlap_bounds_the_common_subsequence() {
        let list = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let a = list("the vote was close and the vote was late");
        let b = list("late was the vote close");
        let mut segs = Vec::new();
        for (found, words) in [(0, a.clone()), (1, b.clone()), (2, list("nothing"))] {
            segs.push(Seg {
                found,
                start: 0,
                end: 0,
                words,
            });
        }
        let v = Vocabulary::of(&segs);
        let (na, nb) = (v.numbered(&a), v.numbered(&b));
        // Every word of b is in a: the bags share 5, the order only 3.
        assert_eq!(bag_overlap(&na.bag, &nb.bag), 5);
        assert_eq!(lcs_len(&na.ids, &nb.ids), lcs_len(&a, &b));
        assert_eq!(lcs_len(&a, &b), 3);
        assert_eq!(bag_overlap(&na.bag, &v.numbered(&list("nothing")).bag), 0);
        // Numbers compare as the words do.
        let p = MergeParams::default();
        assert_eq!(
            same_statement(&na.ids, &nb.ids, &p),
            same_statement(&a, &b, &p)
        );
    }
}
