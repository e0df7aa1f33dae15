//! Unique claims: newsworthy things only one source says.
//!
//! A candidate is a sentence of one document that no other document comes
//! close to (content-stem cosine against every sentence of every other
//! document stays low) and that is not part of an aligned fact; or an aligned
//! sentence that adds a name, a number or a phrase (two adjacent content
//! words) no other source uses (the detail is the unique part), unless that
//! sentence is the shown text of a fact several sources state. Candidates are
//! ranked by what an editor checks first
//! — names and organisations nobody else mentions, numbers, quotations, an
//! early place in the article — and filler (short sentences, sentences of
//! common words, transitions with nothing new) is left out.
//!
//! A new name is a capitalised run with a word no other source uses that
//! is not a title, form of address, month, weekday, time zone or other
//! abbreviation (one outlet printing "Mr." or "GMT" names nobody new); a
//! new number is a figure, not the time or date of a dateline ("4:31 AM",
//! "April 30, 2008"), and a conversion in brackets ("300 kilometers (190
//! miles)") is one figure.
//!
//! Every threshold and weight is in [`UniqueParams`].

use super::words::{Tokens, is_preposition, name_runs};
use super::{Evidence, Finding, FindingKind, Side};
use crate::align::FactGroup;
use crate::lexicon::Lexicon;
use crate::model::{BlockKind, SentRef, Story};
use crate::nlp::calendar;
use crate::nlp::compare::one_edit_apart;
#[cfg(test)]
use crate::nlp::compare::set_cosine;
use crate::nlp::lists::{FunctionClass, Period, abbreviation_period, is_function_word, is_title};
use crate::nlp::numbers::{self, amounts};
use crate::params::UniqueParams;
use crate::text::{content_stems, is_double_quote, is_stop, stem};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// What one document says, for comparison with the others.
struct DocProfile {
    stems: BTreeSet<String>,
    amounts: BTreeSet<String>,
    sentences: Vec<BTreeSet<String>>,
}

fn profile(story: &Story, d: usize) -> DocProfile {
    let doc = &story.docs[d];
    let sentences: Vec<BTreeSet<String>> = doc
        .sentences
        .iter()
        .map(|s| content_stems(&s.text).into_iter().collect())
        .collect();
    let mut stems: BTreeSet<String> = sentences.iter().flatten().cloned().collect();
    if let Some(t) = &doc.article.title {
        stems.extend(content_stems(t));
    }
    let amounts = doc
        .sentences
        .iter()
        .flat_map(|s| {
            let t = Tokens::new(&s.text);
            amounts(t.text, &t.words, &t.norms)
                .into_iter()
                .map(|a| a.key())
                .collect::<Vec<_>>()
        })
        .collect();
    DocProfile {
        stems,
        amounts,
        sentences,
    }
}

/// A scored candidate.
struct Candidate {
    at: SentRef,
    score: f32,
    topic: String,
}

/// What makes a sentence worth flagging, measured against the other sources.
struct Signals {
    /// Capitalised runs with a word no other source uses ("Rand Paul").
    novel_names: Vec<String>,
    /// For each of `novel_names`, the stems of its words no other source
    /// uses ("martone" for both "Judge Michael A. Martone" and
    /// "Martone"): what makes the run a new name, so that a source naming
    /// one person twice is credited once ([`rank_source`]).
    name_keys: Vec<Vec<String>>,
    /// For each of `novel_numbers`, the amount's key.
    number_keys: Vec<String>,
    /// Amounts no other source gives, as written ("over 200 casualties").
    novel_numbers: Vec<String>,
    /// Two adjacent content words neither of which any other source uses
    /// ("brief skirmish", "poor performance"): a detail in words, as a new
    /// name or number is one in figures.
    novel_phrases: Vec<String>,
    quotation: bool,
    /// Share of content stems no other source uses.
    novel_share: f32,
}

/// The story's stems, amounts and sentences indexed once, so that "does
/// another source say this?" costs a lookup rather than a pass over every
/// other document: the stage stays near-linear in the story's size.
struct StoryIndex {
    /// For each stem (amount key): how many documents give it, and the
    /// first of them.
    stems: HashMap<String, (usize, usize)>,
    amounts: HashMap<String, (usize, usize)>,
    /// For each content stem, the sentences (global ids) that have it.
    postings: HashMap<String, Vec<u32>>,
    /// Document and stem count of each global sentence id.
    sentence_doc: Vec<usize>,
    sentence_len: Vec<usize>,
    /// Global id of each document's first sentence.
    first_sentence: Vec<usize>,
    /// Each document's report: itself, or for a syndicated copy
    /// ([`crate::syndication`]) the document it copies.
    report: Vec<usize>,
}

impl StoryIndex {
    fn new(profiles: &[DocProfile]) -> StoryIndex {
        let mut ix = StoryIndex {
            stems: HashMap::default(),
            amounts: HashMap::default(),
            postings: HashMap::default(),
            sentence_doc: Vec::new(),
            sentence_len: Vec::new(),
            first_sentence: Vec::new(),
            report: (0..profiles.len()).collect(),
        };
        for (d, p) in profiles.iter().enumerate() {
            for stem in &p.stems {
                ix.stems.entry(stem.clone()).or_insert((0, d)).0 += 1;
            }
            for key in &p.amounts {
                ix.amounts.entry(key.clone()).or_insert((0, d)).0 += 1;
            }
            ix.first_sentence.push(ix.sentence_doc.len());
            for sent in &p.sentences {
                let id = ix.sentence_doc.len() as u32;
                for stem in sent {
                    ix.postings.entry(stem.clone()).or_default().push(id);
                }
                ix.sentence_doc.push(d);
                ix.sentence_len.push(sent.len());
            }
        }
        ix
    }

    /// Does a document other than `d` have this key?
    fn elsewhere(map: &HashMap<String, (usize, usize)>, key: &str, d: usize) -> bool {
        map.get(key).is_some_and(|&(n, first)| n >= 2 || first != d)
    }

    fn stem_elsewhere(&self, stem: &str, d: usize) -> bool {
        Self::elsewhere(&self.stems, stem, d)
    }

    fn amount_elsewhere(&self, key: &str, d: usize) -> bool {
        Self::elsewhere(&self.amounts, key, d)
    }

    /// Is some sentence of another document than `d` more similar to
    /// `own` than `max` ([`crate::nlp::compare::set_cosine`] of content
    /// stems)? Only sentences sharing a stem can be (for `max` >= 0): they
    /// are found through the postings, and the shared count is the sets'
    /// intersection, so the cosine is the same number.
    fn close_elsewhere(
        &self,
        own: &BTreeSet<String>,
        d: usize,
        max: f32,
        shared: &mut Vec<u32>,
    ) -> bool {
        if max < 0.0 || own.is_empty() {
            // Every cosine (0 for an empty set) exceeds a negative bound.
            return max < 0.0 && self.sentence_doc.iter().any(|&o| o != d);
        }
        // `shared` is all zeros between calls: only touched entries are
        // set, and they are reset before returning.
        shared.resize(self.sentence_doc.len(), 0);
        let mut touched: Vec<u32> = Vec::new();
        for stem in own {
            for &id in self.postings.get(stem).map_or(&[][..], Vec::as_slice) {
                if self.sentence_doc[id as usize] == d {
                    continue;
                }
                if shared[id as usize] == 0 {
                    touched.push(id);
                }
                shared[id as usize] += 1;
            }
        }
        let close = touched.iter().any(|&id| {
            let n = shared[id as usize] as f32;
            n / ((own.len() * self.sentence_len[id as usize]) as f32).sqrt() > max
        });
        for id in touched {
            shared[id as usize] = 0;
        }
        close
    }
}

fn signals(text: &str, d: usize, index: &StoryIndex, params: &UniqueParams) -> Signals {
    let t = Tokens::new(text);
    let (name_keys, novel_names): (Vec<Vec<String>>, Vec<String>) = name_runs(&t)
        .into_iter()
        .filter_map(|(a, b, run)| {
            let keys: Vec<String> = (a..b)
                .filter(|&k| naming_word(t.norm(k)))
                .map(|k| stem(t.norm(k)))
                .filter(|st| !index.stem_elsewhere(st, d))
                .collect();
            (!keys.is_empty()).then_some((keys, run))
        })
        .unzip();
    let found = amounts(t.text, &t.words, &t.norms);
    let (number_keys, novel_numbers): (Vec<String>, Vec<String>) = found
        .iter()
        .enumerate()
        .filter(|&(i, a)| {
            let converted = i > 0 && numbers::is_conversion(&t, &found[i - 1], a);
            a.value > 1.0
                && !converted
                && !index.amount_elsewhere(&a.key(), d)
                && !numbers::is_clock_or_date(&t, a)
        })
        .map(|(_, a)| {
            let next = t.norm(a.end);
            let noun = !a.money
                && !t.break_after(a.end.saturating_sub(1))
                && !next.is_empty()
                && !is_stop(next)
                && !is_preposition(next);
            (
                a.key(),
                t.span(a.qual_start, if noun { a.end + 1 } else { a.end }),
            )
        })
        .unzip();
    let novel_phrases = novel_phrases(&t, d, index);
    let stems = content_stems(text);
    let novel = stems.iter().filter(|s| !index.stem_elsewhere(s, d)).count();
    Signals {
        novel_names,
        name_keys,
        novel_numbers,
        number_keys,
        novel_phrases,
        quotation: quoted_words(text) >= params.quotation_min_words,
        novel_share: if stems.is_empty() {
            0.0
        } else {
            novel as f32 / stems.len() as f32
        },
    }
}

/// Does one sentence of another report (a document that is not a
/// syndicated copy of this one, [`StoryIndex::report`])
/// state everything `t` states? Then `t` is no claim of one source,
/// whatever its new words: showing it as "only in one source" would say
/// something false about the sources.
///
/// The other sentence must cover at least `restated_min_cover` of the
/// sentence's content-stem weight (each stem weighing `ln(1 + documents /
/// documents using it)`, so a word few sources use counts most), a stem
/// being covered by the same stem, by another spelling of its word
/// ([`spelled_otherwise`]: "Advisers"/"Advisors") or by a word of the same
/// WordNet sense ([`Lexicon::senses`]: "detected"/"noticed"). Every stem it
/// leaves uncovered must be one some other document uses: a word no other
/// source has is a detail the claim may be shown for ("a toy gun" where
/// the others say "a gun"). And it must not differ in what makes a claim
/// ([`restates`]: a figure, a name, a negation, a modal verb).
///
/// Candidate sentences come from the postings; one must share by stem at
/// least half the weight the test asks for.
fn restated_elsewhere(
    t: &Tokens<'_>,
    own: &BTreeSet<String>,
    d: usize,
    story: &Story,
    profiles: &[DocProfile],
    index: &StoryIndex,
    params: &UniqueParams,
) -> bool {
    if own.is_empty() || params.restated_min_cover > 1.0 {
        return false;
    }
    let docs = profiles.len() as f32;
    let weight = |st: &str| {
        index
            .stems
            .get(st)
            .map_or(1.0, |&(n, _)| (1.0 + docs / n.max(1) as f32).ln())
    };
    let total: f32 = own.iter().map(|st| weight(st)).sum();
    let needed = params.restated_min_cover * total;
    let mut cover: HashMap<u32, f32> = HashMap::default();
    for st in own {
        let w = weight(st);
        for &id in index.postings.get(st).map_or(&[][..], Vec::as_slice) {
            if index.report[index.sentence_doc[id as usize]] != index.report[d] {
                *cover.entry(id).or_insert(0.0) += w;
            }
        }
    }
    let mut near: Vec<u32> = cover
        .iter()
        .filter(|&(_, &c)| c >= 0.5 * needed)
        .map(|(&id, _)| id)
        .collect();
    if near.is_empty() {
        return false;
    }
    near.sort_unstable();
    let lex = Lexicon::get();
    // Each content stem of the sentence with the words written for it.
    let written: Vec<(String, &str)> = t
        .norms
        .iter()
        .filter(|n| !n.is_empty() && !is_stop(n))
        .map(|n| (stem(n), n.as_str()))
        .collect();
    near.into_iter().any(|id| {
        let o = index.sentence_doc[id as usize];
        let s = id as usize - index.first_sentence[o];
        let other = &profiles[o].sentences[s];
        let ot = Tokens::new(&story.docs[o].sentences[s].text);
        let mut senses: Vec<u32> = other.iter().flat_map(|st| lex.senses(st)).collect();
        senses.sort_unstable();
        senses.dedup();
        let mut covered = 0.0;
        for st in own {
            let same = other.contains(st)
                || written
                    .iter()
                    .any(|(ws, n)| ws == st && spelled_otherwise(n, &ot))
                || lex
                    .senses(st)
                    .iter()
                    .any(|id| senses.binary_search(id).is_ok());
            if same {
                covered += weight(st);
            } else if !index.stem_elsewhere(st, d) {
                return false;
            }
        }
        covered >= needed && restates(t, &ot, other)
    })
}

/// Least letters of a word that another spelling may stand for.
const SPELLING_MIN_CHARS: usize = 5;

/// Is `norm` another spelling of a word of `other` (the words, or their
/// stems, one edit apart; both of [`SPELLING_MIN_CHARS`] letters or more,
/// with the same first letter): "advisers" of "advisors"?
fn spelled_otherwise(norm: &str, other: &Tokens<'_>) -> bool {
    let long = |w: &str| w.chars().count() >= SPELLING_MIN_CHARS;
    long(norm)
        && other.norms.iter().any(|m| {
            long(m)
                && m.chars().next() == norm.chars().next()
                && (one_edit_apart(norm, m) || one_edit_apart(&stem(norm), &stem(m)))
        })
}

/// Does `other` (its content stems `other_stems`) state what `t` states,
/// beyond sharing its words? Not when `t` gives a figure (amount or date)
/// `other` lacks, names someone or something by a word `other` lacks
/// (spelling aside), is negated where `other` is not (or the reverse), or
/// says what may, could or would happen with another modal verb.
fn restates(t: &Tokens<'_>, other: &Tokens<'_>, other_stems: &BTreeSet<String>) -> bool {
    let keys = |x: &Tokens<'_>| -> BTreeSet<String> {
        amounts(x.text, &x.words, &x.norms)
            .iter()
            .map(|a| a.key())
            .collect()
    };
    if !keys(t).is_subset(&keys(other)) {
        return false;
    }
    let named = name_runs(t).into_iter().all(|(a, b, _)| {
        (a..b)
            .map(|k| t.norm(k))
            .filter(|n| naming_word(n))
            .all(|n| other_stems.contains(&stem(n)) || spelled_otherwise(n, other))
    });
    if !named {
        return false;
    }
    let class = |x: &Tokens<'_>, c: FunctionClass| -> Vec<String> {
        let mut v: Vec<String> = x
            .norms
            .iter()
            .filter(|n| is_function_word(n, c))
            .cloned()
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let negated = |x: &Tokens<'_>| {
        x.norms
            .iter()
            .filter(|n| is_function_word(n, FunctionClass::Negation))
            .count()
            % 2
    };
    negated(t) == negated(other)
        && class(t, FunctionClass::Modal) == class(other, FunctionClass::Modal)
}

/// Can this word of a capitalised run make the run a new name? Not a
/// title or form of address ("Mr.", "Msgr."), a month or weekday in any
/// form ("Apr."), a time zone ("GMT") or another abbreviation ("St."):
/// one outlet's house style in printing those is not a name the others
/// leave out.
fn naming_word(norm: &str) -> bool {
    !is_stop(norm)
        && !is_title(norm)
        && calendar::lookup(norm).is_none()
        && !calendar::is_time_zone(norm)
        && abbreviation_period(norm) == Period::Ends
}

/// Pairs of adjacent lower-case content words (no punctuation between,
/// not prepositions or numbers) whose stems no other source uses: a
/// phrase only this source has. One new word alone is often another
/// outlet's synonym ("nabbed" for "captured"); two side by side are a
/// detail ("a brief skirmish", "no formal security system").
fn novel_phrases(t: &Tokens<'_>, d: usize, index: &StoryIndex) -> Vec<String> {
    let novel_word = |k: usize| {
        let n = t.norm(k);
        k < t.words.len()
            && !t.is_cap(k)
            && n.chars().count() > 2
            && n.chars().all(char::is_alphabetic)
            && !is_stop(n)
            && !is_preposition(n)
            && !index.stem_elsewhere(&stem(n), d)
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < t.words.len() {
        if !t.break_after(k) && novel_word(k) && novel_word(k + 1) {
            out.push(t.span(k, k + 2));
            k += 2;
        } else {
            k += 1;
        }
    }
    out
}

/// Words between double quotation marks.
fn quoted_words(text: &str) -> usize {
    let mut inside = false;
    let mut quoted = String::new();
    for c in text.chars() {
        if is_double_quote(c) {
            inside = !inside;
        } else if inside {
            quoted.push(c);
        }
    }
    quoted.split_whitespace().count()
}

/// Mostly function words, or too short to carry a claim.
fn is_filler(text: &str, params: &UniqueParams) -> bool {
    let content = content_stems(text).len();
    let all = crate::text::words(text).len();
    content < params.min_content_words || (content as f32) < params.min_content_share * all as f32
}

/// The details one source's claims already shown carry: a later claim of
/// the same source gets no weight for them again ([`rank_source`]).
#[derive(Default)]
struct Credited {
    names: BTreeSet<String>,
    numbers: BTreeSet<String>,
    phrases: BTreeSet<String>,
}

impl Credited {
    fn add(&mut self, s: &Signals) {
        self.names.extend(s.name_keys.iter().flatten().cloned());
        self.numbers.extend(s.number_keys.iter().cloned());
        self.phrases
            .extend(s.novel_phrases.iter().map(|p| p.to_lowercase()));
    }

    /// New names, numbers and phrases of `s` not credited yet: a name
    /// counts when one of its new words is not ("Michael A. Martone" after
    /// "Martone" counts nothing; "Ines Varga" after "Varga" nothing, after
    /// "Ines Kolar" still one).
    fn fresh(&self, s: &Signals) -> (usize, usize, usize) {
        let names = s
            .name_keys
            .iter()
            .filter(|keys| keys.iter().any(|k| !self.names.contains(k)))
            .count();
        let numbers = s
            .number_keys
            .iter()
            .filter(|k| !self.numbers.contains(*k))
            .count();
        let phrases = s
            .novel_phrases
            .iter()
            .filter(|p| !self.phrases.contains(&p.to_lowercase()))
            .count();
        (names, numbers, phrases)
    }
}

/// The ranking score (the formula is documented on [`UniqueParams`]), with
/// the details `credited` to the source's better claims not counted again.
fn score(
    s: &Signals,
    position: f32,
    closeness: Closeness,
    credited: &Credited,
    p: &UniqueParams,
) -> f32 {
    let (names, numbers, phrases) = credited.fresh(s);
    let names = names.min(p.max_names) as f32 * p.name_weight;
    let numbers = numbers.min(p.max_numbers) as f32 * p.number_weight;
    let quote = if s.quotation { p.quotation_weight } else { 0.0 };
    // A sentence nobody comes close to is new as a whole, and its novel
    // share already counts its new words; only in an echoed sentence is a
    // new phrase the detail that makes it worth showing.
    let phrases = if closeness == Closeness::Echoed {
        phrases.min(p.max_phrases) as f32 * p.phrase_weight
    } else {
        0.0
    };
    let base = names
        + numbers
        + phrases
        + quote
        + p.novel_weight * s.novel_share
        + p.position_weight * (1.0 - position);
    match closeness {
        Closeness::Echoed => base - p.aligned_penalty,
        Closeness::Alone => base,
    }
}

/// Whether another source says something close to a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closeness {
    /// Aligned with, or close to, a sentence of another source.
    Echoed,
    /// Nobody else comes close.
    Alone,
}

fn topic(s: &Signals, text: &str) -> String {
    if let Some(n) = s.novel_numbers.first() {
        return n.clone();
    }
    if let Some(n) = s
        .novel_names
        .iter()
        .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
    {
        return n.clone();
    }
    let first: Vec<&str> = text.split_whitespace().take(5).collect();
    format!("{}…", first.join(" "))
}

/// Candidates of one document, best first.
fn candidates(
    story: &Story,
    d: usize,
    profiles: &[DocProfile],
    index: &StoryIndex,
    aligned: &BTreeSet<SentRef>,
    shown: &BTreeSet<&str>,
    params: &UniqueParams,
) -> Vec<Candidate> {
    let mut shared = Vec::new();
    let doc = &story.docs[d];
    let total = doc.sentences.len().max(1) as f32;
    let mut out: Vec<Scored> = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        if sent.role == BlockKind::Heading
            || is_filler(&sent.text, params)
            || shown.contains(sent.text.as_str())
        {
            continue;
        }
        let at = SentRef { doc: d, sent: s };
        let is_aligned = aligned.contains(&at);
        let own = &profiles[d].sentences[s];
        let close = index.close_elsewhere(own, d, params.max_similarity, &mut shared);
        let sig = signals(&sent.text, d, index, params);
        let has_detail = !sig.novel_names.is_empty()
            || !sig.novel_numbers.is_empty()
            || !sig.novel_phrases.is_empty();
        // Similarity decides what is single-source: a sentence nobody else
        // comes close to is one; an aligned or close one counts only for a
        // new name or number in it. Ranking and the caps decide what an
        // editor sees first (filler is already out).
        let stands_alone = !is_aligned && !close;
        if !has_detail && !stands_alone {
            continue;
        }
        let closeness = if is_aligned || close {
            Closeness::Echoed
        } else {
            Closeness::Alone
        };
        let position = s as f32 / total;
        if score(&sig, position, closeness, &Credited::default(), params) >= params.min_score
            && !restated_elsewhere(
                &Tokens::new(&sent.text),
                own,
                d,
                story,
                profiles,
                index,
                params,
            )
        {
            out.push(Scored {
                at,
                topic: topic(&sig, &sent.text),
                sig,
                position,
                closeness,
            });
        }
    }
    let mut ranked = rank_source(out, params);
    if let Some(most) = params.per_source_max {
        ranked.truncate(most);
    }
    ranked
}

/// A candidate of one source before ranking.
struct Scored {
    at: SentRef,
    topic: String,
    sig: Signals,
    position: f32,
    closeness: Closeness,
}

/// One source's candidates, best first: each next claim is the best
/// scored with the names, numbers and phrases of the claims before it not
/// counted again. An outlet that names a judge in five sentences has one
/// new name, not five: without this its cap fills with the same detail
/// and its other news falls off the page. Whether a candidate is worth
/// showing at all (`min_score`) is decided on its own signals, before.
fn rank_source(mut pool: Vec<Scored>, params: &UniqueParams) -> Vec<Candidate> {
    pool.sort_by_key(|a| a.at);
    let mut credited = Credited::default();
    let mut out = Vec::with_capacity(pool.len());
    while !pool.is_empty() {
        let (best, sc) = pool
            .iter()
            .enumerate()
            .map(|(i, c)| (i, score(&c.sig, c.position, c.closeness, &credited, params)))
            .fold((0, f32::NEG_INFINITY), |acc, (i, sc)| {
                if sc > acc.1 { (i, sc) } else { acc }
            });
        let c = pool.remove(best);
        credited.add(&c.sig);
        out.push(Candidate {
            at: c.at,
            score: sc,
            topic: c.topic,
        });
    }
    out
}

/// Unique claims of a story, most worth checking first; sentences already
/// `shown` as the side of a conflict, or as the text of a fact several
/// sources state, are not repeated.
pub fn find(
    story: &Story,
    facts: &[FactGroup],
    shown: &BTreeSet<&str>,
    copies: &[Option<usize>],
    params: &UniqueParams,
) -> Vec<Finding> {
    if story.docs.len() < 2 {
        return Vec::new();
    }
    let aligned: BTreeSet<SentRef> = facts
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect();
    // A fact's shown text stands on the page as what several sources
    // state: it is never also a claim of one source.
    let mut hidden = shown.clone();
    hidden.extend(
        facts
            .iter()
            .filter(|g| g.members.len() > 1)
            .map(|g| story.docs[g.rep.doc].sentences[g.rep.sent].text.as_str()),
    );
    let profiles: Vec<DocProfile> = (0..story.docs.len()).map(|d| profile(story, d)).collect();
    let mut index = StoryIndex::new(&profiles);
    for (d, report) in index.report.iter_mut().enumerate() {
        *report = copies.get(d).copied().flatten().unwrap_or(d);
    }
    let mut all: Vec<Candidate> = (0..story.docs.len())
        .flat_map(|d| candidates(story, d, &profiles, &index, &aligned, &hidden, params))
        .collect();
    all.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.at.cmp(&b.at)));
    all.truncate(params.per_story_max);
    all.into_iter()
        .map(|c| {
            let text = story.docs[c.at.doc].sentences[c.at.sent].text.clone();
            Finding {
                kind: FindingKind::Unique,
                topic: c.topic,
                identity: vec!["unique".to_string(), text],
                sides: vec![Side {
                    evidence: Evidence::Sentence(c.at),
                    docs: vec![c.at.doc],
                    value: None,
                }],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{doc, sources, story};
    use super::*;

    fn sample() -> Story {
        story(vec![
            doc(
                "a",
                &[
                    "The river burst its banks near the old mill overnight, flooding the lower town.",
                    "Mayor Ines Varga said the pumps had failed before midnight.",
                    "Meanwhile, as is often the case, there is more to it than that.",
                    "Forecasters expect more rain.",
                ],
            ),
            doc(
                "b",
                &[
                    "The river burst its banks near the old mill overnight and flooded the lower town.",
                    "Insurers estimate damage at more than $40 million across the valley district.",
                    "Residents said the warning sirens never sounded before the water arrived.",
                ],
            ),
        ])
    }

    #[test]
    fn an_echoed_sentence_with_a_phrase_nobody_else_uses_is_unique() {
        let st = story(vec![
            doc(
                "a",
                &[
                    "After a brief skirmish, two boats managed to flee but three boats were captured by the warship.",
                ],
            ),
            doc(
                "b",
                &[
                    "Two boats managed to flee but three boats were captured by the warship, the navy said.",
                ],
            ),
            doc(
                "c",
                &[
                    "Two of the boats fled while three boats were captured by the warship on patrol.",
                ],
            ),
        ]);
        let facts = vec![FactGroup {
            members: vec![
                SentRef { doc: 0, sent: 0 },
                SentRef { doc: 1, sent: 0 },
                SentRef { doc: 2, sent: 0 },
            ],
            rep: SentRef { doc: 1, sent: 0 },
            cohesion: 0.9,
        }];
        let d = find(&st, &facts, &BTreeSet::new(), &[], &UniqueParams::default());
        assert_eq!(d.len(), 1);
        assert!(d[0].sides[0].text(&st).unwrap().contains("brief skirmish"));
        assert_eq!(sources(&st, &d[0].sides[0]), vec!["a"]);
        // The same sentence shown as the fact's text stands for every
        // source of the fact: it is not also one source's claim.
        let shown_as_fact = vec![FactGroup {
            rep: SentRef { doc: 0, sent: 0 },
            ..facts[0].clone()
        }];
        let d = find(
            &st,
            &shown_as_fact,
            &BTreeSet::new(),
            &[],
            &UniqueParams::default(),
        );
        assert!(d.is_empty(), "{:?}", d.len());
    }

    #[test]
    fn one_new_word_or_words_apart_are_no_new_phrase() {
        let st = story(vec![
            doc(
                "a",
                &["The navy nabbed two boats on patrol near the coast."],
            ),
            doc(
                "b",
                &["The navy captured two boats on patrol near the coast."],
            ),
        ]);
        let profiles: Vec<DocProfile> = (0..2).map(|d| profile(&st, d)).collect();
        let index = StoryIndex::new(&profiles);
        let t = Tokens::new("The navy nabbed two boats on patrol near the coast.");
        assert!(novel_phrases(&t, 0, &index).is_empty(), "a synonym alone");
        // Two new words with a known one between, or across punctuation.
        let t = Tokens::new("The navy, swiftly, nabbed two boats quickly.");
        assert!(novel_phrases(&t, 0, &index).is_empty());
        // Names are not phrases (they count as names).
        let t = Tokens::new("The navy met Admiral Kumar Rao near the coast.");
        assert!(novel_phrases(&t, 0, &index).is_empty());
        let t = Tokens::new("The navy reported a brief skirmish near the coast.");
        assert_eq!(novel_phrases(&t, 0, &index), vec!["brief skirmish"]);
    }

    /// Signals of `text` as a sentence of the first of two sources, the
    /// other saying only `other`.
    fn signals_against(text: &str, other: &str) -> Signals {
        let st = story(vec![doc("a", &[text]), doc("b", &[other])]);
        let profiles: Vec<DocProfile> = (0..2).map(|d| profile(&st, d)).collect();
        let index = StoryIndex::new(&profiles);
        signals(text, 0, &index, &UniqueParams::default())
    }

    #[test]
    fn titles_months_and_time_zones_are_no_new_names() {
        let other = "Police said the gunman walked into the office on Monday.";
        // One outlet's house style: "Mr.", "Msgr.", "Apr.", "GMT".
        for text in [
            "Police said Mr. Gunman walked into the office on Monday morning.",
            "The office, Msgr. Office said, was open on Monday to everyone.",
            "Police said the gunman walked in on Apr. 9 after the office opened.",
            "Police said the gunman walked into the office at noon GMT today.",
        ] {
            let s = signals_against(text, other);
            assert!(s.novel_names.is_empty(), "{text}: {:?}", s.novel_names);
        }
        // A name nobody else gives still counts, titled or not.
        for (text, name) in [
            (
                "Mr. Jerome Fenton said the gunman walked into the office.",
                "Jerome Fenton",
            ),
            (
                "Police said the gunman walked into the Omni Hotel office.",
                "Omni Hotel",
            ),
        ] {
            let s = signals_against(text, other);
            assert!(
                s.novel_names.iter().any(|n| n.contains(name)),
                "{text}: {:?}",
                s.novel_names
            );
        }
    }

    #[test]
    fn clock_times_dates_and_conversions_are_no_new_figures() {
        let other = "The quake struck the island and killed ten people.";
        for text in [
            "The quake struck the island at 3:45 p.m. on Friday, officials said.",
            "The quake struck the island at 1052 GMT, the survey said today.",
            "The quake struck the island at 09:10 hours, the survey said today.",
            "Posted on April 30, 2008, the report said the quake struck the island.",
            "The quake struck the island on 28 April, the survey said today.",
            "The quake struck the island on Nov. 30 last year, officials said.",
        ] {
            let s = signals_against(text, other);
            assert!(s.novel_numbers.is_empty(), "{text}: {:?}", s.novel_numbers);
        }
        // A conversion in brackets is one figure; two distances are two.
        let s = signals_against(
            "The island lies 300 kilometers (190 miles) from the city of Bam.",
            other,
        );
        assert_eq!(s.novel_numbers, vec!["300 kilometers"]);
        let s = signals_against(
            "The island lies 300 kilometers from Bam and 190 miles from Zarand.",
            other,
        );
        assert_eq!(s.novel_numbers.len(), 2, "{:?}", s.novel_numbers);
        // Counts, money and durations stay figures.
        for (text, figure) in [
            (
                "The quake damaged 2000 houses and 50 schools on the island.",
                "2000 houses",
            ),
            (
                "The quake caused damage of $54 million on the island, officials said.",
                "$54 million",
            ),
            (
                "The quake shook the island for 40 seconds, officials said today.",
                "40 seconds",
            ),
        ] {
            let s = signals_against(text, other);
            assert!(
                s.novel_numbers.iter().any(|n| n.contains(figure)),
                "{text}: {:?}",
                s.novel_numbers
            );
        }
    }

    #[test]
    fn unique_claims_lead_with_names_and_numbers() {
        let st = sample();
        let facts = vec![FactGroup {
            members: vec![SentRef { doc: 0, sent: 0 }, SentRef { doc: 1, sent: 0 }],
            rep: SentRef { doc: 0, sent: 0 },
            cohesion: 0.9,
        }];
        let d = find(&st, &facts, &BTreeSet::new(), &[], &UniqueParams::default());
        let texts: Vec<&str> = d.iter().map(|x| x.sides[0].text(&st).unwrap()).collect();
        assert!(texts.contains(&"Mayor Ines Varga said the pumps had failed before midnight."));
        assert!(texts.iter().any(|t| t.contains("$40 million")));
        assert!(
            !texts.iter().any(|t| t.contains("Meanwhile")),
            "filler is left out"
        );
        assert!(
            !texts.iter().any(|t| t.contains("Forecasters")),
            "short sentences are left out"
        );
        assert!(
            !texts.iter().any(|t| t.contains("burst its banks")),
            "aligned, nothing new"
        );
        let money = d
            .iter()
            .find(|x| x.sides[0].text(&st).unwrap().contains("$40"))
            .expect("money");
        assert_eq!(money.topic, "more than $40 million");
        assert_eq!(sources(&st, &money.sides[0]), vec!["b"]);
        assert!(
            d.iter()
                .all(|x| x.kind == FindingKind::Unique && x.sides.len() == 1)
        );
    }

    /// The single-source claims shown for source "a" of a two-source story
    /// when each source keeps two.
    fn top_two_of_a(a: &[&str]) -> Vec<String> {
        let st = story(vec![
            doc("a", a),
            doc(
                "b",
                &[
                    "A bus driver was charged after the crash near the bridge.",
                    "The crash left several passengers hurt and the road closed, police said.",
                ],
            ),
        ]);
        let params = UniqueParams {
            per_source_max: Some(2),
            ..UniqueParams::default()
        };
        find(&st, &[], &BTreeSet::new(), &[], &params)
            .iter()
            .filter(|f| sources(&st, &f.sides[0]) == vec!["a"])
            .map(|f| f.sides[0].text(&st).unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_source_naming_one_person_again_is_credited_once() {
        let judge = "Judge Tomas Okafor read the charges against the driver in court on Tuesday.";
        let sheep = "Witnesses said the bus had swerved to avoid 12 sheep crossing the wet road.";
        // The second mention of the judge's name is no new name: the
        // source's other news (a figure) takes the second place.
        let again = "The driver answered every question put to him by Okafor in a quiet voice.";
        let shown = top_two_of_a(&[judge, again, sheep]);
        assert!(shown.contains(&sheep.to_string()), "{shown:?}");
        assert_eq!(shown.iter().filter(|t| t.contains("Okafor")).count(), 1);
        // A second new person is a new name: it keeps its weight and its
        // earlier place outranks the figure.
        let other =
            "The driver answered every question put to him by Lena Brandt in a quiet voice.";
        let shown = top_two_of_a(&[judge, other, sheep]);
        assert!(!shown.contains(&sheep.to_string()), "{shown:?}");
        // A shared first name does not make another person the same one.
        let namesake =
            "The driver answered every question put to him by Tomas Brandt in a quiet voice.";
        let shown = top_two_of_a(&[judge, namesake, sheep]);
        assert!(!shown.contains(&sheep.to_string()), "{shown:?}");
    }

    #[test]
    fn the_index_finds_what_a_pass_over_every_sentence_finds() {
        let st = sample();
        let profiles: Vec<DocProfile> = (0..2).map(|d| profile(&st, d)).collect();
        let index = StoryIndex::new(&profiles);
        let mut shared = Vec::new();
        for (d, p) in profiles.iter().enumerate() {
            for own in &p.sentences {
                for max in [-0.5, 0.0, 0.2, 0.34, 0.6, 1.0] {
                    let brute = profiles
                        .iter()
                        .enumerate()
                        .filter(|(o, _)| *o != d)
                        .flat_map(|(_, q)| q.sentences.iter())
                        .any(|o| set_cosine(own, o) > max);
                    assert_eq!(index.close_elsewhere(own, d, max, &mut shared), brute);
                }
            }
            for stem in &p.stems {
                let brute = profiles
                    .iter()
                    .enumerate()
                    .any(|(o, q)| o != d && q.stems.contains(stem));
                assert_eq!(index.stem_elsewhere(stem, d), brute, "{stem}");
            }
        }
        assert!(shared.iter().all(|&n| n == 0));
    }

    /// Is `claim` shown as a claim of one source in a story of the given
    /// documents (`copies` as `crate::syndication` gives them), with the
    /// restatement test on or off?
    fn shown_as_unique(
        docs: &[&[&str]],
        copies: &[Option<usize>],
        claim: &str,
        test: bool,
    ) -> bool {
        let ids = ["a", "b", "c"];
        let st = story(docs.iter().zip(ids).map(|(s, id)| doc(id, s)).collect());
        let params = UniqueParams {
            restated_min_cover: if test {
                UniqueParams::default().restated_min_cover
            } else {
                2.0
            },
            ..UniqueParams::default()
        };
        find(&st, &[], &BTreeSet::new(), copies, &params)
            .iter()
            .any(|f| f.identity[1] == claim)
    }

    /// Another outlet's sentence, a third outlet on something else.
    const RESTATING: &str = "Calls to the Harbor Trust were not answered on Friday, and a recording said its offices were closed until further notice.";
    const ELSEWHERE: &[&str] = &[
        "The ferry service between the islands resumed on Saturday after the storm passed.",
        "Calls to the trust and to the ferry company went unanswered as offices closed early.",
    ];

    #[test]
    fn a_claim_another_source_restates_in_other_spelling_is_no_single_source_claim() {
        // "Harbour" makes it look new (a name no other source spells so);
        // the other outlet states all of it.
        let claim = "Calls to the Harbour Trust were not answered on Friday, and a recording said its offices were closed until further notice.";
        let docs: &[&[&str]] = &[&[claim], &[RESTATING], ELSEWHERE];
        assert!(shown_as_unique(docs, &[], claim, false));
        assert!(!shown_as_unique(docs, &[], claim, true));
        // A syndicated copy of the same report is no other source.
        assert!(shown_as_unique(docs, &[None, Some(0), None], claim, true));
    }

    #[test]
    fn a_claim_that_differs_in_what_makes_a_claim_stays_single_source() {
        for claim in [
            // a figure
            "Calls to the Harbour Trust were not answered on Friday, and a recording said its 40 offices were closed until further notice.",
            // a name
            "Calls to the Harbour Trust chairman Piet Landry were not answered on Friday, and a recording said its offices were closed until further notice.",
            // a negation
            "Calls to the Harbour Trust were answered on Friday, and a recording said its offices were closed until further notice.",
            // a modal verb
            "Calls to the Harbour Trust were not answered on Friday, and a recording said its offices would be closed until further notice.",
            // a word no other source uses ("flooded offices" where they say "offices")
            "Calls to the Harbour Trust were not answered on Friday, and a recording said its flooded offices were closed until further notice.",
        ] {
            let docs: &[&[&str]] = &[&[claim], &[RESTATING], ELSEWHERE];
            assert!(shown_as_unique(docs, &[], claim, false), "{claim}");
            assert!(shown_as_unique(docs, &[], claim, true), "{claim}");
        }
    }

    #[test]
    fn single_source_story_has_no_unique_claims() {
        let st = story(vec![doc(
            "a",
            &["Mayor Ines Varga said the pumps had failed before midnight."],
        )]);
        assert!(find(&st, &[], &BTreeSet::new(), &[], &UniqueParams::default()).is_empty());
    }
}
