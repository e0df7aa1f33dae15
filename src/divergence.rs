//! Divergences: what an editor would flag before trusting a story.
//!
//! Three kinds, listed in this order:
//! - **conflicts**: sources give different values for one slot — a count, an
//!   amount, a day, an age, a place, who it was told to, how certain it is
//!   (compared between the aligned sentences of one fact), or a person's
//!   title, the number of anonymous sources, a place's population, the
//!   quake's magnitude, what happened to one counted group of people
//!   (rescued or arrested), the kind of firearm, the value put on one
//!   thing, in any currency, and the toll of a past event named by its
//!   year (compared between whole documents, since outlets state those
//!   once, anywhere); and who one copied sentence of a fact is credited to
//!   (an attribution conflict);
//! - **wording**: one quotation printed in different words;
//! - **unique**: newsworthy claims only one source makes.
//!
//! Every claim's text is a whole sentence from a source, verbatim; the value
//! that differs is carried beside it.
//!
//! The stage returns its own [`Finding`]s, which name documents and
//! sentences by index; [`crate::assemble`] maps them to the output contract
//! (source ids, content keys). Its thresholds are
//! [`DivergenceParams`](crate::params::DivergenceParams).

mod countframe;
mod frames;
mod gate;
mod money;
mod people;
mod predicates;
mod slots;
mod timeframe;
mod unique;
mod wording;
mod words;

use crate::align::FactGroup;
use crate::model::{SentRef, Story};
use crate::nlp::numbers;
use crate::params::DivergenceParams;
use crate::quotes::Quotation;
use slots::{Slot, SlotKind};
use std::collections::{BTreeMap, BTreeSet};

/// What kind of divergence a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// Sources give values for one slot that cannot both hold.
    Conflict,
    /// One quotation printed in different words.
    Wording,
    /// A newsworthy claim only one source makes.
    Unique,
}

/// The verbatim text a side of a finding shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// A whole sentence of a source.
    Sentence(SentRef),
    /// Quoted words as printed, when no sentence of the source holds them
    /// whole.
    Words(String),
}

/// One side of a finding: what it shows, the documents that say it (by
/// index, in the order to list them) and the value it gives, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub evidence: Evidence,
    pub docs: Vec<usize>,
    pub value: Option<String>,
}

impl Side {
    /// The verbatim text of this side (`None` for a sentence reference
    /// outside the story).
    pub fn text<'s>(&'s self, story: &'s Story) -> Option<&'s str> {
        match &self.evidence {
            Evidence::Sentence(at) => sentence(story, *at),
            Evidence::Words(w) => Some(w),
        }
    }
}

/// One divergence, in the stage's own terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub topic: String,
    /// What identifies the finding from build to build (its kind and what
    /// it is about); the output's content key is made from these parts.
    pub identity: Vec<String>,
    pub sides: Vec<Side>,
}

/// Finds the divergences of a story, most important first.
pub fn find(
    story: &Story,
    facts: &[FactGroup],
    quotes: &[Quotation],
    copies: &[Option<usize>],
    params: &DivergenceParams,
) -> Vec<Finding> {
    let mut out = conflicts(story, facts, params);
    out.retain(|f| !states_the_other_value(f, story));
    out.extend(wording::find(story, quotes));
    let shown: BTreeSet<&str> = out
        .iter()
        .flat_map(|f| f.sides.iter().filter_map(|s| s.text(story)))
        .collect();
    let uniques = unique::find(story, facts, &shown, copies, &params.unique);
    out.extend(uniques);
    out
}

/// Does one side's sentence also state another side's figure? "KC ended
/// with 352 net yards rushing" against "The Colts gave up 507 total yards,
/// 352 of them on the ground": the second source states both figures, so
/// the two measure different things and the tool cannot tell which of its
/// figures answers the first one's question. Such a conflict is not shown.
fn states_the_other_value(f: &Finding, story: &Story) -> bool {
    if f.kind != FindingKind::Conflict {
        return false;
    }
    let figures = |s: &Side| {
        s.value
            .as_deref()
            .map(crate::nlp::numbers::amounts_in)
            .unwrap_or_default()
    };
    f.sides.iter().enumerate().any(|(i, side)| {
        let Some(text) = side.text(story) else {
            return false;
        };
        let tokens = crate::nlp::tokens::words(text);
        // A figure counting something the topic does not name ("12
        // arrested" beside "18 injured") answers another question; one
        // followed by a function word ("352 of them") may answer this one.
        let topic: Vec<String> = crate::nlp::tokens::words(&f.topic)
            .iter()
            .map(|w| crate::nlp::tokens::normalise_word(w.raw))
            .collect();
        let may_count_the_topic = |a: &crate::nlp::numbers::Amount| {
            tokens.get(a.end).is_none_or(|w| {
                let next = crate::nlp::tokens::normalise_word(w.raw);
                crate::nlp::tokens::is_stop(&next) || topic.contains(&next)
            })
        };
        let stated: Vec<_> = crate::nlp::numbers::amounts_in(text)
            .into_iter()
            .filter(|a| may_count_the_topic(a))
            .collect();
        f.sides.iter().enumerate().any(|(j, other)| {
            i != j
                && figures(other).iter().any(|v| {
                    stated
                        .iter()
                        .any(|a| a.value == v.value && a.currency == v.currency)
                })
        })
    })
}

/// Drops the conflicts every side of which comes from one report: wire
/// copies (`copies[d]` is the document `d` copies, from
/// [`crate::syndication`]) that disagree are one agency's edits, not two
/// outlets' accounts, so they never make a conflict. A conflict between
/// independent reports stays, whichever copies also carry its values.
pub fn without_copy_conflicts(findings: Vec<Finding>, copies: &[Option<usize>]) -> Vec<Finding> {
    let report = |d: usize| copies.get(d).copied().flatten().unwrap_or(d);
    findings
        .into_iter()
        .filter(|f| {
            f.kind != FindingKind::Conflict || {
                let reports: BTreeSet<usize> = f
                    .sides
                    .iter()
                    .flat_map(|s| s.docs.iter().map(|&d| report(d)))
                    .collect();
                reports.len() > 1
            }
        })
        .collect()
}

/// The order of two items that tie on everything shown: the hash of their
/// identity (the output's content key), as the contract lists them.
fn identity_order(identity: &[String]) -> String {
    let parts: Vec<&str> = identity.iter().map(String::as_str).collect();
    crate::digest::content_key(&parts)
}

/// Topic suffix of a figure that only differs as bounds ("at least five"
/// against "24").
const CHANGING: &str = " (a changing figure)";

/// One slot value stated by one sentence.
#[derive(Debug, Clone)]
struct Observation {
    at: SentRef,
    slot: Slot,
}

/// A conflict before it is listed: kept for ranking.
struct Found {
    kind: SlotKind,
    docs: usize,
    order: String,
    item: Finding,
}

/// All conflicts, most sources first; one item per topic and set of values.
fn conflicts(story: &Story, facts: &[FactGroup], params: &DivergenceParams) -> Vec<Finding> {
    let mut found: Vec<Found> = Vec::new();
    for g in facts {
        found.extend(group_conflicts(story, g, params));
        found.extend(attribution_conflict(story, g, params));
    }
    found.extend(past_toll_conflicts(story, params));
    found.extend(title_conflicts(story));
    found.extend(sourcing_conflict(story));
    found.extend(population_conflicts(story));
    found.extend(magnitude_conflict(story));
    found.extend(fate_conflicts(story, params));
    found.extend(firearm_conflict(story));
    found.extend(money::conflicts(story, params));
    let mut found: Vec<Found> = found
        .into_iter()
        .filter_map(|f| gate::check(story, f, params))
        .collect();
    found.sort_by(|a, b| {
        b.docs
            .cmp(&a.docs)
            .then(a.kind.cmp(&b.kind))
            .then(a.item.topic.cmp(&b.item.topic))
            .then(a.order.cmp(&b.order))
    });
    // One item per topic: "number of official" (a count inside one fact)
    // and "number of officials" (sourcing across documents) are one topic,
    // and the item with more sources, sorted first, speaks for it.
    let mut seen = BTreeSet::new();
    found
        .into_iter()
        .filter(|f| {
            let base = f.item.topic.trim_end_matches(CHANGING);
            seen.insert(crate::text::content_stems(base))
        })
        .map(|f| f.item)
        .collect()
}

/// Conflicts inside one fact group: per slot (kind and head), some pair of
/// members gives values with nothing in common.
fn group_conflicts(story: &Story, g: &FactGroup, params: &DivergenceParams) -> Vec<Found> {
    let mut by_slot: BTreeMap<(SlotKind, String), Vec<Observation>> = BTreeMap::new();
    let mut marked = BTreeSet::new();
    for &m in &g.members {
        let Some(text) = sentence(story, m) else {
            continue;
        };
        for slot in slots::sentence_slots(text, params.context_window) {
            if slot.kind == SlotKind::Certainty {
                marked.insert(m);
            }
            by_slot
                .entry((slot.kind, slot.head.clone()))
                .or_default()
                .push(Observation { at: m, slot });
        }
    }
    if let Some(obs) = by_slot.get_mut(&(SlotKind::Certainty, String::new())) {
        add_stated(story, obs, g, &marked);
        let subject = group_subject(story, g);
        for o in obs.iter_mut() {
            o.slot.label = subject.clone();
        }
    }
    by_slot
        .into_values()
        .map(one_value_per_source)
        .filter(|obs| slot_clash(obs))
        .filter(|obs| {
            obs.first().is_none_or(|o| o.slot.kind != SlotKind::Date)
                || dated_by_several(obs, params.date_min_sources)
        })
        .filter_map(|obs| build(story, &obs))
        .collect()
}

/// One text credited to different people: members of a fact that end by
/// naming who said it ("…, Genesee County Undersheriff James Gage said"
/// against "…, Genesee County Sheriff Robert J. Pickell said"), when what
/// they credit is one text (the words before the attribution are a copy:
/// [`DivergenceParams::attribution_copy_share`] of the shorter's words in
/// order, and at least [`DivergenceParams::attribution_min_words`]). Two
/// outlets' own wordings of one fact may each quote someone who said it;
/// one wire sentence credited to two people is an attribution conflict.
/// Names agree when their last words do ("Pickell", "Robert Pickell"); a
/// role or a pronoun ("officials said", "he said") names nobody and takes
/// no side, nor does a document crediting the fact to two people.
fn attribution_conflict(story: &Story, g: &FactGroup, params: &DivergenceParams) -> Option<Found> {
    struct Credited {
        at: SentRef,
        body: Vec<String>,
        raw: Vec<String>,
        /// The attribution as written ("Genesee County Sheriff Robert J.
        /// Pickell said").
        credit: String,
        key: String,
    }
    let quote_params = crate::params::QuoteParams::default();
    let mut per_doc: BTreeMap<usize, Vec<Credited>> = BTreeMap::new();
    for &m in &g.members {
        let Some(text) = sentence(story, m) else {
            continue;
        };
        let Some((comma, name)) = crate::quotes::closing_name(text, &quote_params) else {
            continue;
        };
        // A person's name of two words or more: one word ("Datamonitor",
        // "Data- monitor" split by a hyphen) may be an organisation or a
        // part of a name.
        let Some(last) = name.last().filter(|_| name.len() >= 2) else {
            continue;
        };
        let (body, raw): (Vec<String>, Vec<String>) = crate::nlp::tokens::words(&text[..comma])
            .iter()
            .map(|w| (crate::nlp::tokens::normalise_word(w.raw), w.raw.to_string()))
            .filter(|(n, _)| !n.is_empty())
            .unzip();
        let credit = text[comma..]
            .trim_start_matches([',', ' '])
            .trim_end_matches(['.', ' '])
            .to_string();
        per_doc.entry(m.doc).or_default().push(Credited {
            at: m,
            credit,
            body,
            raw,
            key: crate::nlp::tokens::normalise_word(last),
        });
    }
    // One person per document.
    let credited: Vec<Credited> = per_doc
        .into_values()
        .filter(|cs| cs.iter().all(|c| c.key == cs[0].key))
        .filter_map(|mut cs| (!cs.is_empty()).then(|| cs.swap_remove(0)))
        .collect();
    // Surnames name different people unless one begins the other (a
    // name split or joined by the tokenizer: "Data- monitor").
    let apart = |a: &str, b: &str| !a.starts_with(b) && !b.starts_with(a);
    let copies = |a: &Credited, b: &Credited| {
        let shared = crate::nlp::compare::lcs_len(&a.body, &b.body);
        let shorter = a.body.len().min(b.body.len());
        shared >= params.attribution_min_words
            && shared as f64 >= params.attribution_copy_share * shorter as f64
    };
    // The copies of a text that some copy credits to someone else.
    let mut kept = BTreeSet::new();
    let mut label = None;
    for (i, a) in credited.iter().enumerate() {
        for (j, b) in credited.iter().enumerate().skip(i + 1) {
            if apart(&a.key, &b.key) && copies(a, b) {
                kept.insert(i);
                kept.insert(j);
                label.get_or_insert_with(|| {
                    let pairs = crate::nlp::compare::lcs_pairs(&a.body, &b.body);
                    let first: Vec<&str> = pairs
                        .iter()
                        .take(6)
                        .filter_map(|&(x, _)| a.raw.get(x).map(String::as_str))
                        .collect();
                    format!("“{}…”", first.join(" "))
                });
            }
        }
    }
    let label = label?;
    // Copies crediting the same person as a clashing copy join its side.
    for (i, a) in credited.iter().enumerate() {
        if !kept.contains(&i)
            && credited
                .iter()
                .enumerate()
                .any(|(j, b)| kept.contains(&j) && !apart(&b.key, &a.key) && copies(a, b))
        {
            kept.insert(i);
        }
    }
    let obs: Vec<Observation> = kept
        .into_iter()
        .map(|i| {
            let c = &credited[i];
            Observation {
                at: c.at,
                slot: Slot {
                    kind: SlotKind::Attribution,
                    head: "attribution".to_string(),
                    label: label.clone(),
                    value: c.key.clone(),
                    display: c.credit.clone(),
                    amount: None,
                    context: Vec::new(),
                    scope: Vec::new(),
                },
            }
        })
        .collect();
    build(story, &obs)
}

/// A weekday or date is a cheap word that often dates another moment (the
/// report, the day after); two values clash only when each is given by
/// `min_sources` or more sources, so that each side is an account, not a
/// passing mention.
fn dated_by_several(obs: &[Observation], min_sources: usize) -> bool {
    let mut docs: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for o in obs {
        docs.entry(&o.slot.value).or_default().insert(o.at.doc);
    }
    docs.values().filter(|d| d.len() >= min_sources).count() >= 2
}

/// Keeps only the sources that give a slot one value. A sentence naming two
/// places ("from Huntsville to Beaumont") or two counts of one noun gives
/// them different roles, and comparing it value by value with another
/// source's would invent a conflict. Amounts count as one value when they
/// are compatible ("at least 10" and "10").
fn one_value_per_source(obs: Vec<Observation>) -> Vec<Observation> {
    one_value_per_source_by(obs, values_compatible)
}

/// [`one_value_per_source`] with the test of two values both holding.
fn one_value_per_source_by(
    obs: Vec<Observation>,
    compatible: fn(&Slot, &Slot) -> bool,
) -> Vec<Observation> {
    let mut per_doc: BTreeMap<usize, Vec<&Observation>> = BTreeMap::new();
    for o in &obs {
        per_doc.entry(o.at.doc).or_default().push(o);
    }
    let ambiguous: BTreeSet<usize> = per_doc
        .iter()
        .filter(|(_, os)| {
            os.iter()
                .enumerate()
                .any(|(i, a)| os[i + 1..].iter().any(|b| !compatible(&a.slot, &b.slot)))
        })
        .map(|(d, _)| *d)
        .collect();
    obs.into_iter()
        .filter(|o| !ambiguous.contains(&o.at.doc))
        .collect()
}

/// Can two values of one slot both hold? Amounts compare as ranges;
/// other values by key.
fn values_compatible(a: &Slot, b: &Slot) -> bool {
    match (&a.amount, &b.amount) {
        (Some(x), Some(y)) => x.dimension() != y.dimension() || numbers::compatible(x, y),
        _ => a.value == b.value,
    }
}

/// The name the members of a group mention most (by surname; the fullest
/// form shown), for topics: what the claim is about.
fn group_subject(story: &Story, g: &FactGroup) -> String {
    let mut counts: BTreeMap<String, (usize, usize, String)> = BTreeMap::new();
    let mut order = 0;
    for &m in &g.members {
        let Some(text) = sentence(story, m) else {
            continue;
        };
        let t = words::Tokens::new(text);
        let mut seen = BTreeSet::new();
        for (start, end, name) in words::name_runs(&t) {
            // Only the name after any title ("President Ana Ruiz" → "Ana Ruiz").
            let from = (start..end)
                .rev()
                .find(|&k| words::is_title_word(t.norm(k)))
                .map_or(start, |k| k + 1);
            if from >= end {
                continue;
            }
            let name = if from == start {
                name
            } else {
                t.span(from, end)
            };
            let key = t.norm(end - 1).to_string();
            order += 1;
            let e = counts
                .entry(key.clone())
                .or_insert((0, order, String::new()));
            if seen.insert(key) {
                e.0 += 1;
            }
            if name.len() > e.2.len() {
                e.2 = name;
            }
        }
    }
    counts
        .into_values()
        .filter(|c| c.0 >= 2)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|c| c.2)
        .unwrap_or_default()
}

/// Members with no certainty marker state their claim plainly. That matters
/// only against an expectation ("expected to plead"), and only for a member
/// stating the expected act itself ("pleaded"): same verb stem.
fn add_stated(
    story: &Story,
    obs: &mut Vec<Observation>,
    g: &FactGroup,
    marked: &BTreeSet<SentRef>,
) {
    let expected_verbs: BTreeSet<String> = obs
        .iter()
        .filter(|o| o.slot.value == "expected")
        .filter_map(|o| o.slot.display.split_whitespace().last())
        .map(|v| crate::text::stem(&crate::text::normalise_word(v)))
        .collect();
    for &m in g.members.iter().filter(|m| !marked.contains(m)) {
        let Some(text) = sentence(story, m) else {
            continue;
        };
        // The act stated as done: the verb, not after "to" ("hopes to
        // pass" is no more a statement than "is expected to pass").
        let t = words::Tokens::new(text);
        let stated = (0..t.words.len()).any(|k| {
            expected_verbs.contains(&crate::text::stem(t.norm(k)))
                && k.checked_sub(1).is_none_or(|p| t.norm(p) != "to")
        });
        if !stated {
            continue;
        }
        obs.push(Observation {
            at: m,
            slot: Slot {
                kind: SlotKind::Certainty,
                head: String::new(),
                label: String::new(),
                value: slots::STATED.to_string(),
                display: slots::STATED.to_string(),
                amount: None,
                context: Vec::new(),
                scope: Vec::new(),
            },
        });
    }
}

/// Do two documents give values for this slot that cannot both hold?
fn slot_clash(obs: &[Observation]) -> bool {
    let mut per_doc: BTreeMap<usize, Vec<&Slot>> = BTreeMap::new();
    for o in obs {
        per_doc.entry(o.at.doc).or_default().push(&o.slot);
    }
    let sets: Vec<&Vec<&Slot>> = per_doc.values().collect();
    let certainty = obs
        .first()
        .is_some_and(|o| o.slot.kind == SlotKind::Certainty);
    sets.iter().enumerate().any(|(i, a)| {
        sets[i + 1..].iter().any(|b| {
            if certainty {
                a.iter()
                    .any(|x| b.iter().any(|y| slots::certainty_clash(&x.value, &y.value)))
            } else {
                a.iter().all(|x| {
                    b.iter().all(|y| {
                        !values_compatible(x, y)
                            && (!(x.needs_context() || y.needs_context()) || x.same_context(y))
                            && x.same_scope(y)
                    })
                })
            }
        })
    })
}

/// Every clash between the amounts of a slot is a bound against a figure
/// ("at least five" against "24"): a changing figure, not two accounts.
fn only_bounds_differ(obs: &[Observation]) -> bool {
    let amounts: Vec<&numbers::Amount> =
        obs.iter().filter_map(|o| o.slot.amount.as_ref()).collect();
    let mut any = false;
    for (i, a) in amounts.iter().enumerate() {
        for b in &amounts[i + 1..] {
            // Two floors far apart (a settled toll, `past_toll_conflicts`)
            // differ only as bounds too.
            let floors = a.qualifier == numbers::Qualifier::AtLeast
                && b.qualifier == numbers::Qualifier::AtLeast;
            if !numbers::compatible(a, b) || (floors && !ranges_meet(a, b)) {
                any = true;
                if !(floors || numbers::only_bounds_differ(a, b)) {
                    return false;
                }
            }
        }
    }
    any
}

/// The toll of a past event (the background "a quake killed more than
/// 26,000 people in Bam in 2003"), from every sentence of every document
/// that states one ([`frames::past_tolls`]), compared across documents for
/// each outcome and year, between sentences that name the same places
/// (every name alike: as for counts within one fact, a sentence naming
/// another place, "in Ostra and along the Velden coast" against "in
/// Ostra", may count another area). A settled figure told
/// as two floors far apart ("more than 26,000" against "more than 31,000")
/// is two figures for one thing: the floors clash when their ranges do
/// not meet ([`numbers::Amount::range`]), and the conflict is shown as a
/// changing figure with each source's qualifier. The story's year
/// ([`money::story_year`]) says what is past; without it nothing is read.
fn past_toll_conflicts(story: &Story, params: &DivergenceParams) -> Vec<Found> {
    let Some(now) = money::story_year(story) else {
        return Vec::new();
    };
    let mut by_event: BTreeMap<(String, String), Vec<Observation>> = BTreeMap::new();
    for (d, doc) in story.docs.iter().enumerate() {
        for (s, sent) in doc.claim_sentences() {
            for toll in frames::past_tolls(&sent.text, now, params.context_window) {
                by_event
                    .entry((toll.slot.head.clone(), toll.names.join(" ")))
                    .or_default()
                    .push(Observation {
                        at: SentRef { doc: d, sent: s },
                        slot: toll.slot,
                    });
            }
        }
    }
    by_event
        .into_values()
        .map(|obs| one_value_per_source_by(obs, settled_compatible))
        .filter(|obs| settled_clash(obs))
        .filter_map(|obs| build(story, &obs))
        .collect()
}

/// Can two figures of a settled count both hold? Their ranges meet; two
/// floors too only when theirs do ("more than 26,000" reaches a tenth
/// above, not to 31,000).
fn settled_compatible(a: &Slot, b: &Slot) -> bool {
    match (&a.amount, &b.amount) {
        (Some(x), Some(y)) => x.dimension() != y.dimension() || ranges_meet(x, y),
        _ => a.value == b.value,
    }
}

fn ranges_meet(a: &numbers::Amount, b: &numbers::Amount) -> bool {
    let (alo, ahi) = a.range();
    let (blo, bhi) = b.range();
    let eps = 1e-9 * (1.0 + a.value.abs().max(b.value.abs()));
    alo <= bhi + eps && blo <= ahi + eps
}

/// Two documents give a settled count figures that cannot both hold, for
/// the same named places.
fn settled_clash(obs: &[Observation]) -> bool {
    obs.iter().enumerate().any(|(i, a)| {
        obs[i + 1..].iter().any(|b| {
            a.at.doc != b.at.doc
                && !settled_compatible(&a.slot, &b.slot)
                && a.slot.same_scope(&b.slot)
        })
    })
}

/// A person's title, from each document's first titled mention of them.
fn title_conflicts(story: &Story) -> Vec<Found> {
    let mut first: BTreeMap<String, Vec<(SentRef, people::Titled)>> = BTreeMap::new();
    for (d, doc) in story.docs.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for (s, sent) in doc.claim_sentences() {
            for t in people::titled_names(&sent.text) {
                if seen.insert(t.person.clone()) {
                    first
                        .entry(t.person.clone())
                        .or_default()
                        .push((SentRef { doc: d, sent: s }, t));
                }
            }
        }
    }
    first
        .into_values()
        .filter(|mentions| {
            mentions.iter().enumerate().any(|(i, (_, a))| {
                mentions[i + 1..]
                    .iter()
                    .any(|(_, b)| people::titles_clash(a, b))
            })
        })
        .filter_map(|mentions| {
            let name = longest_name(&mentions);
            let obs: Vec<Observation> = mentions
                .into_iter()
                .map(|(at, t)| Observation {
                    at,
                    slot: Slot {
                        kind: SlotKind::Title,
                        head: t.person.clone(),
                        label: name.clone(),
                        value: people::title_key(&t),
                        display: t.display,
                        amount: None,
                        context: Vec::new(),
                        scope: Vec::new(),
                    },
                })
                .collect();
            build(story, &obs)
        })
        .collect()
}

fn longest_name(mentions: &[(SentRef, people::Titled)]) -> String {
    mentions
        .iter()
        .map(|(_, t)| t.name.trim_end_matches("'s").trim_end_matches("’s"))
        .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
        .unwrap_or_default()
        .to_string()
}

/// The population of a named place, from every sentence of every document
/// that states one ([`frames::populations`]), compared across documents: an
/// outlet states it once, anywhere, so aligned facts rarely hold two.
fn population_conflicts(story: &Story) -> Vec<Found> {
    let mut by_place: BTreeMap<String, Vec<Observation>> = BTreeMap::new();
    for (d, doc) in story.docs.iter().enumerate() {
        for (s, sent) in doc.claim_sentences() {
            for p in frames::populations(&sent.text) {
                by_place
                    .entry(p.key.clone())
                    .or_default()
                    .push(Observation {
                        at: SentRef { doc: d, sent: s },
                        slot: Slot {
                            kind: SlotKind::Count,
                            head: format!("population {}", p.key),
                            label: format!("people living in {}", p.place),
                            value: p.amount.key(),
                            display: p.display,
                            amount: Some(p.amount),
                            context: Vec::new(),
                            scope: Vec::new(),
                        },
                    });
            }
        }
    }
    clashing(story, by_place.into_values())
}

/// The magnitude of the story's quake, from every sentence of every
/// document that gives one ([`frames::magnitude`]), compared across
/// documents. Each document speaks by its first sentence naming a
/// magnitude; one giving two magnitudes there (two agencies' readings), or
/// one the frame cannot read, takes no side.
fn magnitude_conflict(story: &Story) -> Option<Found> {
    let mut obs = Vec::new();
    for (d, doc) in story.docs.iter().enumerate() {
        // The first sentence naming a magnitude decides: a lead states the
        // story's quake, later ones may be aftershocks or other quakes.
        let first = doc
            .claim_sentences()
            .find(|(_, sent)| frames::names_magnitude(&sent.text));
        let Some((s, sent)) = first else {
            continue;
        };
        let Some(m) = frames::magnitude(&sent.text) else {
            continue;
        };
        obs.push(Observation {
            at: SentRef { doc: d, sent: s },
            slot: Slot {
                kind: SlotKind::Measure,
                head: "magnitude".to_string(),
                label: "magnitude of the earthquake".to_string(),
                value: m.amount.key(),
                display: m.display,
                amount: Some(m.amount),
                context: Vec::new(),
                scope: Vec::new(),
            },
        });
    }
    let obs = one_value_per_source(obs);
    if !slot_clash(&obs) {
        return None;
    }
    build(story, &obs)
}

/// What happened to one counted group of people, from every sentence of
/// every document that gives the group a fate ([`frames::fated_groups`]),
/// compared across documents: "rescued 26 Somali crewmembers" against
/// "apprehending 26 Somali pirates" are incompatible accounts of who the 26
/// were. A group is its figure and its name (the capitalised modifiers, or
/// the noun), so two groups of different sizes or names are never
/// compared; a document giving one group both fates takes no side.
fn fate_conflicts(story: &Story, params: &DivergenceParams) -> Vec<Found> {
    let mut by_group: BTreeMap<(String, String), Vec<Observation>> = BTreeMap::new();
    for (d, doc) in story.docs.iter().enumerate() {
        for (s, sent) in doc.claim_sentences() {
            for g in frames::fated_groups(&sent.text, params.fate_min_count) {
                let fate = match g.fate {
                    predicates::Fate::Victim => "victim",
                    predicates::Fate::Held => "held",
                };
                by_group
                    .entry((g.amount.key(), g.group.clone()))
                    .or_default()
                    .push(Observation {
                        at: SentRef { doc: d, sent: s },
                        slot: Slot {
                            kind: SlotKind::Measure,
                            head: format!("fate {} {}", g.amount.key(), g.group),
                            label: format!("what happened to the {}", g.label),
                            value: fate.to_string(),
                            display: g.outcome,
                            amount: None,
                            context: Vec::new(),
                            scope: Vec::new(),
                        },
                    });
            }
        }
    }
    clashing(story, by_group.into_values())
}

/// The kind of firearm each document names ([`frames::firearms`]),
/// compared across documents: "brought a rifle into the building" against
/// "walked in with a shotgun". A document speaks only when every kind it
/// names anywhere is one kind or kinds of one another ("revolver",
/// "pistol": the most specific speaks); one hedging between kinds ("a
/// shotgun or a rifle") takes no side. When one source names two kinds
/// (the suspect's and the police's), the story has two firearms and a
/// source naming one of them may mean either: nothing is shown. Nor when
/// the values would include kinds of one another: "pistol" against
/// "revolver" is no contradiction.
fn firearm_conflict(story: &Story) -> Option<Found> {
    let mut obs: Vec<Observation> = Vec::new();
    let mut kinds: Vec<frames::Firearm> = Vec::new();
    'docs: for (d, doc) in story.docs.iter().enumerate() {
        let mut named: Vec<(usize, frames::Firearm)> = Vec::new();
        for (s, sent) in doc.claim_sentences() {
            let Some(found) = frames::firearms(&sent.text) else {
                continue 'docs;
            };
            named.extend(found.into_iter().map(|f| (s, f)));
        }
        let one_kind = named
            .iter()
            .enumerate()
            .all(|(i, (_, a))| named[i + 1..].iter().all(|(_, b)| a.compatible(b)));
        if !one_kind {
            // Two firearms in the story (the suspect's, the police's): a
            // source naming only one of them answers another question.
            return None;
        }
        let Some((_, most)) = named
            .iter()
            .max_by_key(|(s, f)| (f.kind.len(), usize::MAX - s))
        else {
            continue;
        };
        let Some(&(s, _)) = named.iter().find(|(_, f)| f.kind[0] == most.kind[0]) else {
            continue;
        };
        kinds.push(most.clone());
        obs.push(Observation {
            at: SentRef { doc: d, sent: s },
            slot: Slot {
                kind: SlotKind::Measure,
                head: "firearm".to_string(),
                label: "kind of firearm".to_string(),
                value: most.kind[0].to_string(),
                display: most.display.to_lowercase(),
                amount: None,
                context: Vec::new(),
                scope: Vec::new(),
            },
        });
    }
    let near_kinds = kinds.iter().enumerate().any(|(i, a)| {
        kinds[i + 1..]
            .iter()
            .any(|b| a.kind[0] != b.kind[0] && a.compatible(b))
    });
    if near_kinds || !slot_clash(&obs) {
        return None;
    }
    build(story, &obs)
}

/// How many anonymous sources each document rests on (its first counted
/// sourcing phrase), compared across documents.
fn sourcing_conflict(story: &Story) -> Option<Found> {
    let mut obs = Vec::new();
    for (d, doc) in story.docs.iter().enumerate() {
        let hit = doc.claim_sentences().find_map(|(s, sent)| {
            people::sourcing(&sent.text).map(|slot| Observation {
                at: SentRef { doc: d, sent: s },
                slot,
            })
        });
        obs.extend(hit);
    }
    if !slot_clash(&obs) {
        return None;
    }
    let label = majority_label(&obs);
    for o in &mut obs {
        o.slot.label = label.clone();
    }
    build(story, &obs)
}

/// The most used plural head noun of the sourcing phrases ("officials").
fn majority_label(obs: &[Observation]) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for o in obs {
        let l = &o.slot.label;
        let plural = if l.ends_with('s') {
            l.clone()
        } else {
            format!("{l}s")
        };
        let plural = if plural == "persons" {
            "people".to_string()
        } else {
            plural
        };
        *counts.entry(plural).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(l, _)| l)
        .unwrap_or_else(|| "sources".to_string())
}

fn sentence(story: &Story, at: SentRef) -> Option<&str> {
    story
        .docs
        .get(at.doc)?
        .sentences
        .get(at.sent)
        .map(|s| s.text.as_str())
}

/// The conflicts among sets of observations of one slot each: one value
/// per source, kept when two sources' values clash.
fn clashing(story: &Story, sets: impl Iterator<Item = Vec<Observation>>) -> Vec<Found> {
    sets.map(one_value_per_source)
        .filter(|obs| slot_clash(obs))
        .filter_map(|obs| build(story, &obs))
        .collect()
}

/// One claim per distinct value, with every document giving it.
fn build(story: &Story, obs: &[Observation]) -> Option<Found> {
    let first = obs.first()?;
    let mut by_value: BTreeMap<&str, Vec<&Observation>> = BTreeMap::new();
    for o in obs {
        by_value.entry(&o.slot.value).or_default().push(o);
    }
    if by_value.len() < 2 {
        return None;
    }
    let mut sides: Vec<(BTreeSet<usize>, &Observation)> = by_value
        .into_values()
        .filter_map(|os| {
            let docs: BTreeSet<usize> = os.iter().map(|o| o.at.doc).collect();
            let rep = os.iter().min_by_key(|o| o.at)?;
            Some((docs, *rep))
        })
        .collect();
    sides.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.at.cmp(&b.1.at)));
    let sides: Vec<Side> = sides
        .iter()
        .filter(|(_, rep)| sentence(story, rep.at).is_some())
        .map(|(docs, rep)| Side {
            evidence: Evidence::Sentence(rep.at),
            docs: docs.iter().copied().collect(),
            value: Some(rep.slot.display.clone()),
        })
        .collect();
    let topic = if only_bounds_differ(obs) {
        format!("{}{CHANGING}", first.slot.topic())
    } else {
        first.slot.topic()
    };
    let mut identity = vec!["conflict".to_string(), topic.clone()];
    identity.extend(sides.iter().filter_map(|s| s.value.clone()));
    let docs: BTreeSet<usize> = obs.iter().map(|o| o.at.doc).collect();
    Some(Found {
        kind: first.slot.kind,
        docs: docs.len(),
        order: identity_order(&identity),
        item: Finding {
            kind: FindingKind::Conflict,
            topic,
            identity,
            sides,
        },
    })
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Stories built by hand: one sentence per line, split at ". ".
    use super::Side;
    use crate::model::{Document, Story};

    pub fn doc(id: &str, sentences: &[&str]) -> Document {
        Document::from_sentences(id, sentences)
    }

    pub fn story(docs: Vec<Document>) -> Story {
        Story { docs }
    }

    /// The ids of the documents of a side, as listed.
    pub fn sources(story: &Story, side: &Side) -> Vec<String> {
        side.docs
            .iter()
            .map(|&d| story.docs[d].article.id.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::{doc, sources, story};
    use super::*;
    use crate::model::Document;

    fn conflicts(st: &Story, facts: &[FactGroup]) -> Vec<Finding> {
        super::conflicts(st, facts, &DivergenceParams::default())
    }

    fn group(members: &[(usize, usize)]) -> FactGroup {
        let members: Vec<SentRef> = members
            .iter()
            .map(|&(doc, sent)| SentRef { doc, sent })
            .collect();
        FactGroup {
            rep: members[0],
            members,
            cohesion: 0.8,
        }
    }

    fn conflict_topics(st: &Story, facts: &[FactGroup]) -> Vec<String> {
        conflicts(st, facts).into_iter().map(|d| d.topic).collect()
    }

    /// The one conflict whose topic passes `wanted` among those found
    /// across whole documents (no aligned facts), with its sides' values.
    fn the_one_conflict(
        st: &Story,
        wanted: impl Fn(&str) -> bool,
    ) -> (Finding, Vec<Option<String>>) {
        let found = conflicts(st, &[]);
        let mut hits: Vec<Finding> = found.iter().filter(|f| wanted(&f.topic)).cloned().collect();
        assert_eq!(hits.len(), 1, "{found:?}");
        let hit = hits.remove(0);
        let values = hit.sides.iter().map(|s| s.value.clone()).collect();
        (hit, values)
    }

    /// Across whole documents the story shows exactly one conflict, about
    /// `topic`, with sources a and c on one side and b on the other.
    fn a_and_c_against_b(st: &Story, topic: &str) {
        let d = conflicts(st, &[]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].topic, topic);
        assert_eq!(sources(st, &d[0].sides[0]), vec!["a", "c"]);
        assert_eq!(sources(st, &d[0].sides[1]), vec!["b"]);
    }

    /// No story of `cases` shows a conflict whose topic passes `shown`.
    fn never_shown(cases: Vec<Vec<Document>>, shown: impl Fn(&str) -> bool) {
        for docs in cases {
            let topics = conflict_topics(&story(docs), &[]);
            assert!(!topics.iter().any(|t| shown(t)), "{topics:?}");
        }
    }

    /// The conflicts of a story whose first sentences are one fact
    /// group (one sentence per document).
    fn first_sentences_conflicts(st: &Story) -> Vec<Finding> {
        let members: Vec<(usize, usize)> = (0..st.docs.len()).map(|d| (d, 0)).collect();
        conflicts(st, &[group(&members)])
    }

    #[test]
    fn one_text_credited_to_two_people_is_an_attribution_conflict() {
        let st = story(vec![
            doc(
                "a",
                &[
                    "Deputies chased the van for 20 miles through two counties before the driver finally stopped near the river bridge, County Sheriff Maria Olsen said.",
                ],
            ),
            doc(
                "b",
                &[
                    "ON THE SCENE: Deputies chased the van at high speed before the driver finally stopped near the river bridge, Deputy Chief Tomas Brandt said.",
                ],
            ),
            doc(
                "c",
                &[
                    "Deputies chased the van for 20 miles before the driver finally stopped near the river bridge, Sheriff Maria Olsen said.",
                ],
            ),
        ]);
        let found = first_sentences_conflicts(&st);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .topic
                .starts_with("who said it: “Deputies chased the van"),
            "{}",
            found[0].topic
        );
        assert_eq!(sources(&st, &found[0].sides[0]), vec!["a", "c"]);
        assert_eq!(sources(&st, &found[0].sides[1]), vec!["b"]);
        assert_eq!(
            found[0].sides[1].value.as_deref(),
            Some("Deputy Chief Tomas Brandt said")
        );
    }

    #[test]
    fn credits_that_may_name_one_person_or_own_wordings_are_no_attribution_conflict() {
        let body = "Deputies chased the van for 20 miles through two counties before the driver finally stopped near the river bridge";
        let cases: Vec<(String, String)> = vec![
            // One man, with and without his first name or title.
            (
                format!("{body}, Sheriff Maria Olsen said."),
                format!("{body}, said M. Olsen, the county sheriff."),
            ),
            // A role names nobody.
            (
                format!("{body}, police said."),
                format!("{body}, Sheriff Maria Olsen said."),
            ),
            // One word may be an organisation, or a name split in two.
            (
                format!("{body}, according to Roadwatch."),
                format!("{body}, according to Road- watch."),
            ),
            // Two people may each say one fact in their own words.
            (
                "The van finally stopped near the river bridge after a long chase, Sheriff Maria Olsen said.".to_string(),
                "Officers boxed the vehicle in on the highway, Deputy Chief Tomas Brandt said.".to_string(),
            ),
        ];
        for (a, b) in cases {
            let st = story(vec![doc("a", &[&a]), doc("b", &[&b])]);
            let found = first_sentences_conflicts(&st);
            assert!(
                !found.iter().any(|f| f.topic.starts_with("who said it")),
                "{a} / {b}: {found:?}"
            );
        }
    }

    /// A story dated 2011 by the first sentence of two of its documents,
    /// with `lines` after them.
    fn dated_story(lines: &[&[&str]]) -> Story {
        let lead = "The river flooded the lower town on March 3, 2011, officials said.";
        story(
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut sentences = vec![lead];
                    sentences.extend(l.iter().copied());
                    doc(["a", "b", "c"][i], &sentences)
                })
                .collect(),
        )
    }

    #[test]
    fn a_past_events_toll_told_as_floors_far_apart_is_a_changing_figure() {
        let st = dated_story(&[
            &["A flood in the valley of Ostra killed more than 1,200 people in 1998."],
            &[
                "In 1998, the valley of Ostra was swept by a flood that left more than 1,900 people dead.",
            ],
            &["Older residents remember 1998, when more than 1,900 people were killed in Ostra."],
        ]);
        let (hit, values) = the_one_conflict(&st, |t| t.contains("1998"));
        assert_eq!(
            hit.topic,
            format!("number of people killed in 1998{CHANGING}")
        );
        assert_eq!(
            values,
            vec![
                Some("more than 1,900".to_string()),
                Some("more than 1,200".to_string())
            ]
        );
        assert_eq!(sources(&st, &hit.sides[0]), vec!["b", "c"]);
    }

    #[test]
    fn past_tolls_of_other_events_or_floors_that_meet_are_not_compared() {
        let past = |t: &str| t.contains("1998") || t.contains("2001") || t.contains("2011");
        never_shown(
            vec![
                // Floors that meet: more than 1,200 reaches 1,250.
                dated_story(&[
                    &["A flood in Ostra killed more than 1,200 people in 1998."],
                    &["A flood in Ostra killed more than 1,250 people in 1998."],
                ])
                .docs,
                // Other years, other places, other outcomes.
                dated_story(&[
                    &["A flood in Ostra killed more than 1,200 people in 1998."],
                    &["A flood in Ostra killed more than 1,900 people in 2001."],
                ])
                .docs,
                dated_story(&[
                    &["A flood in Ostra killed more than 1,200 people in 1998."],
                    &["A storm in Velden killed more than 1,900 people in 1998."],
                ])
                .docs,
                dated_story(&[
                    &["A flood in Ostra killed more than 1,200 people in 1998."],
                    &["A flood in Ostra injured more than 1,900 people in 1998."],
                ])
                .docs,
                // One names a place more: it may count a wider area.
                dated_story(&[
                    &["A flood in Ostra killed more than 1,200 people in 1998."],
                    &["A flood killed more than 1,900 people in Ostra and along the Velden coast in 1998."],
                ])
                .docs,
                // Two events in one sentence: neither figure is read.
                dated_story(&[
                    &["A flood in Ostra killed more than 1,200 people in 1998."],
                    &["In 1998, floods killed more than 1,900 people in Ostra and 300 were killed in Velden."],
                ])
                .docs,
                // The story's own year: not a settled toll.
                dated_story(&[
                    &["A flood in Ostra killed more than 12 people in 2011."],
                    &["A flood in Ostra killed more than 19 people in 2011."],
                ])
                .docs,
            ],
            past,
        );
    }

    #[test]
    fn a_source_stating_both_figures_makes_no_conflict() {
        let st = story(vec![
            doc("a", &["KC ended the game with 352 net yards rushing."]),
            doc(
                "b",
                &["The Colts gave up 507 total yards, 352 of them on the ground."],
            ),
        ]);
        let side = |doc: usize, v: &str| Side {
            evidence: Evidence::Sentence(SentRef { doc, sent: 0 }),
            docs: vec![doc],
            value: Some(v.to_string()),
        };
        let conflict = |sides| Finding {
            kind: FindingKind::Conflict,
            topic: "number of yards".into(),
            identity: vec!["conflict".into()],
            sides,
        };
        assert!(states_the_other_value(
            &conflict(vec![side(0, "352"), side(1, "507")]),
            &st
        ));
        // Must still fire: the second figure counts something else.
        let st3 = story(vec![
            doc("a", &["Police said 12 people were injured in the riots."]),
            doc(
                "b",
                &["Police said 18 people had been injured and 12 arrested."],
            ),
        ]);
        assert!(!states_the_other_value(
            &Finding {
                topic: "number of people injured".into(),
                ..conflict(vec![side(0, "12"), side(1, "18")])
            },
            &st3
        ));
        // Must still fire: neither sentence states the other's figure.
        let st2 = story(vec![
            doc("a", &["The quake killed 24 people."]),
            doc("b", &["The quake killed 11 people."]),
        ]);
        assert!(!states_the_other_value(
            &conflict(vec![side(0, "24"), side(1, "11")]),
            &st2
        ));
    }

    #[test]
    fn wire_copies_never_conflict_with_each_other() {
        let side = |docs: Vec<usize>, v: &str| Side {
            evidence: Evidence::Words(v.to_string()),
            docs,
            value: Some(v.to_string()),
        };
        let conflict = |sides| Finding {
            kind: FindingKind::Conflict,
            topic: "number killed".into(),
            identity: vec!["conflict".into()],
            sides,
        };
        // 1 copies 0, 2 is its own report.
        let copies = [None, Some(0), None];
        let between_copies = conflict(vec![side(vec![0], "11"), side(vec![1], "12")]);
        let independent = conflict(vec![side(vec![0, 1], "11"), side(vec![2], "24")]);
        let mixed = conflict(vec![side(vec![0], "11"), side(vec![1, 2], "24")]);
        let kept = without_copy_conflicts(
            vec![between_copies, independent.clone(), mixed.clone()],
            &copies,
        );
        assert_eq!(kept, vec![independent, mixed]);
        // Without copies nothing is dropped.
        let plain = conflict(vec![side(vec![0], "11"), side(vec![1], "12")]);
        assert_eq!(
            without_copy_conflicts(vec![plain.clone()], &[None, None]),
            vec![plain]
        );
    }

    #[test]
    fn magnitudes_are_compared_across_whole_documents() {
        let st = story(vec![
            doc(
                "a",
                &[
                    "A 5.9-magnitude quake struck the island on Sunday.",
                    "Ten people died.",
                ],
            ),
            doc(
                "b",
                &[
                    "Ten people died.",
                    "The survey said the quake had a magnitude of 6.1.",
                ],
            ),
            doc(
                "c",
                &["An earthquake measuring magnitude-5.9 hit the coast."],
            ),
        ]);
        a_and_c_against_b(&st, "magnitude of the earthquake");
        // Must not fire: a source giving both readings takes no side; a
        // past quake's magnitude is not the story's; "about 6" holds 5.9.
        let st = story(vec![
            doc("a", &["A 5.9-magnitude quake struck the island on Sunday."]),
            doc(
                "b",
                &["Tehran put it at magnitude 5.9 and the survey at magnitude 6.1."],
            ),
            doc(
                "c",
                &["In February a magnitude-6.4 quake killed hundreds in Zarand."],
            ),
            doc("d", &["The quake had a magnitude of about 6."]),
            // Its first magnitude is an aftershock's: the later one is not read.
            doc(
                "e",
                &[
                    "Aftershocks of magnitude 4.2 followed the quake.",
                    "A quake measuring 6.8 on the Richter scale hit on Monday.",
                ],
            ),
        ]);
        assert!(conflicts(&st, &[]).is_empty());
    }

    #[test]
    fn a_group_given_opposite_fates_by_two_sources_is_a_conflict() {
        // Stated in sentences no aligner pairs: compared across documents.
        let st = story(vec![
            doc(
                "a",
                &[
                    "The cutter reached the reef at dawn.",
                    "Its crew rescued 14 Filipino fishermen from a sinking trawler.",
                ],
            ),
            doc(
                "b",
                &["Marines boarded the trawler and detained 14 Filipino fishermen for poaching."],
            ),
            doc(
                "c",
                &["The navy said it had arrested 14 Filipino fishermen near the atoll."],
            ),
        ]);
        let (fate, values) = the_one_conflict(&st, |t| t.starts_with("what happened to"));
        assert_eq!(fate.topic, "what happened to the 14 Filipino");
        assert_eq!(
            values,
            vec![Some("detained".to_string()), Some("rescued".to_string())]
        );
        assert_eq!(sources(&st, &fate.sides[0]), vec!["b", "c"]);
    }

    #[test]
    fn groups_of_other_sizes_names_or_one_sources_two_fates_make_no_conflict() {
        let cases = vec![
            // Different figures: two groups.
            vec![
                doc(
                    "a",
                    &["Its crew rescued 14 Filipino fishermen from the trawler."],
                ),
                doc(
                    "b",
                    &["Marines detained 12 Filipino fishermen for poaching."],
                ),
            ],
            // Different names: two groups.
            vec![
                doc(
                    "a",
                    &["Its crew rescued 14 Filipino fishermen from the trawler."],
                ),
                doc(
                    "b",
                    &["Marines detained 14 Chinese fishermen for poaching."],
                ),
            ],
            // One source gives both fates (rescued, then held): no side.
            vec![
                doc(
                    "a",
                    &[
                        "Its crew rescued 14 Filipino fishermen from the trawler.",
                        "Police later arrested 14 Filipino fishermen on shore.",
                    ],
                ),
                doc(
                    "b",
                    &["Marines detained 14 Filipino fishermen for poaching."],
                ),
            ],
            // Generic people: "12 people" killed and arrested may be two groups.
            vec![
                doc("a", &["The riot left 12 people killed in the square."]),
                doc("b", &["Police arrested 12 people after the riot."]),
            ],
        ];
        never_shown(cases, |t| t.starts_with("what happened to"));
    }

    #[test]
    fn the_kind_of_firearm_is_compared_across_whole_documents() {
        let st = story(vec![
            doc(
                "a",
                &[
                    "A gunman opened fire at the depot on Friday.",
                    "Staff said he carried a rifle under his coat.",
                ],
            ),
            doc("b", &["Police later found the shotgun in his truck."]),
            doc("c", &["The man bought a pump-action shotgun on Monday."]),
            // Hedges: no side.
            doc(
                "d",
                &["He was armed with a shotgun or a rifle, police said."],
            ),
        ]);
        let (gun, values) = the_one_conflict(&st, |t| t == "kind of firearm");
        assert_eq!(
            values,
            vec![Some("shotgun".to_string()), Some("rifle".to_string())]
        );
        assert_eq!(sources(&st, &gun.sides[0]), vec!["b", "c"]);
    }

    #[test]
    fn firearms_of_two_people_or_of_one_kind_make_no_conflict() {
        let cases = vec![
            // A source naming two kinds (the suspect's, the police's): two
            // firearms in the story, so "rifles" and "a shotgun" may be both.
            vec![
                doc(
                    "a",
                    &["The suspect had a handgun; officers answered with rifles."],
                ),
                doc("b", &["Officers carried rifles into the school."]),
                doc("c", &["The suspect fired a shotgun."]),
            ],
            // A revolver is a handgun.
            vec![
                doc("a", &["He shot the clerk with a revolver."]),
                doc("b", &["He shot the clerk with a handgun."]),
            ],
            // Generic words name no kind.
            vec![
                doc("a", &["He shot the clerk with a gun."]),
                doc("b", &["He shot the clerk with a pistol."]),
            ],
        ];
        never_shown(cases, |t| t == "kind of firearm");
    }

    #[test]
    fn populations_are_compared_across_whole_documents() {
        // Never aligned as one fact, yet the same attribute of one place.
        let st = story(vec![
            doc(
                "a",
                &[
                    "A quake struck Qeshm island, home to 120,000 people, on Sunday.",
                    "Ten people died.",
                ],
            ),
            doc(
                "b",
                &[
                    "The quake was centred near Qeshm Island, home to 200,000 people, the USGS said.",
                ],
            ),
            doc(
                "c",
                &["Qeshm has a population of about 120,000 and a busy port."],
            ),
        ]);
        a_and_c_against_b(&st, "number of people living in Qeshm");
        // Must not fire: two places, or figures that can both hold.
        let two_places = story(vec![
            doc(
                "a",
                &["Rescuers reached Qeshm island, home to 120,000 people."],
            ),
            doc(
                "b",
                &["The injured went to Bandar Abbas, a city of 500,000 people."],
            ),
        ]);
        assert!(conflicts(&two_places, &[]).is_empty());
        let compatible = story(vec![
            doc("a", &["Qeshm has a population of more than 100,000."]),
            doc("b", &["It hit Qeshm island, home to about 100,000 people."]),
        ]);
        assert!(conflicts(&compatible, &[]).is_empty());
        // Must not fire: a source giving two figures for the place.
        let unsure = story(vec![
            doc(
                "a",
                &[
                    "Qeshm has a population of 120,000.",
                    "Rescuers reached Qeshm island, home to 200,000 people.",
                ],
            ),
            doc("b", &["Qeshm has a population of 200,000."]),
        ]);
        assert!(conflicts(&unsure, &[]).is_empty());
    }

    #[test]
    fn counts_in_words_and_digits_agree_and_differ() {
        let st = story(vec![
            doc(
                "a",
                &["The ferry carried two hundred passengers when it sank."],
            ),
            doc("b", &["The ferry carried 200 passengers when it sank."]),
            doc("c", &["The ferry carried 340 passengers when it sank."]),
        ]);
        let d = conflicts(&st, &[group(&[(0, 0), (1, 0), (2, 0)])]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].topic, "number of passengers");
        assert_eq!(sources(&st, &d[0].sides[0]), vec!["a", "b"]);
        assert_eq!(sources(&st, &d[0].sides[1]), vec!["c"]);
        assert_eq!(d[0].sides[1].value.as_deref(), Some("340"));
    }

    #[test]
    fn dates_and_distances_clash_only_about_one_event() {
        let st = story(vec![
            doc(
                "a",
                &["Police chased him for 30 miles on Monday before he stopped."],
            ),
            doc(
                "b",
                &[
                    "A driver 50 miles north of the city saw him, police said, and the chase began Tuesday.",
                ],
            ),
        ]);
        assert!(conflict_topics(&st, &[group(&[(0, 0), (1, 0)])]).is_empty());
        let st = story(vec![
            doc("a", &["The shaking lasted 15 seconds, residents said."]),
            doc("b", &["The shaking lasted one minute, residents said."]),
        ]);
        assert!(
            conflict_topics(&st, &[group(&[(0, 0), (1, 0)])]).is_empty(),
            "what a duration measures is not said by its unit: abstain"
        );
    }

    #[test]
    fn killed_and_injured_are_different_counts() {
        let st = story(vec![
            doc("a", &["The blast killed 12 people and injured 40."]),
            doc(
                "b",
                &["Twelve people were killed and more than 200 hurt in the blast."],
            ),
        ]);
        let d = conflicts(&st, &[group(&[(0, 0), (1, 0)])]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].topic, "number of people injured");
        let st = story(vec![
            doc("a", &["The blast killed at least five people."]),
            doc("b", &["The blast killed 24 people."]),
        ]);
        let d = conflicts(&st, &[group(&[(0, 0), (1, 0)])]);
        assert_eq!(d[0].topic, "number of people killed (a changing figure)");
        assert_eq!(d[0].sides[0].value.as_deref(), Some("at least five"));
    }

    #[test]
    fn missing_value_is_no_conflict() {
        let st = story(vec![
            doc("a", &["The ferry carried 200 passengers when it sank."]),
            doc("b", &["The ferry sank with passengers aboard."]),
        ]);
        assert!(conflict_topics(&st, &[group(&[(0, 0), (1, 0)])]).is_empty());
    }

    #[test]
    fn days_and_certainty_in_a_group() {
        let st = story(vec![
            doc("a", &["The mayor confirmed the bridge closed on Sunday."]),
            doc("b", &["The bridge reportedly closed last Friday."]),
            doc("c", &["The bridge closed on Sunday."]),
            doc("d", &["The bridge closed on Friday."]),
        ]);
        let topics = conflict_topics(&st, &[group(&[(0, 0), (1, 0), (2, 0), (3, 0)])]);
        assert!(topics.contains(&"day of the week".to_string()));
        // A hedge against a statement is never shown (divergence::gate).
        assert!(!topics.iter().any(|t| t.starts_with("certainty")));
    }

    #[test]
    fn a_day_one_source_gives_is_no_conflict() {
        let st = story(vec![
            doc("a", &["The bridge closed on Sunday."]),
            doc("b", &["The bridge closed on Sunday, officials said."]),
            doc("c", &["The bridge closed on Friday."]),
        ]);
        assert!(conflict_topics(&st, &[group(&[(0, 0), (1, 0), (2, 0)])]).is_empty());
    }

    #[test]
    fn expected_against_done_is_no_conflict() {
        // An expectation and its outcome are two moments of one story, not
        // two accounts (divergence::gate).
        let st = story(vec![
            doc("a", &["Ray Holt pleaded guilty to the theft."]),
            doc("b", &["Ray Holt is expected to plead guilty to the theft."]),
        ]);
        assert!(conflicts(&st, &[group(&[(0, 0), (1, 0)])]).is_empty());
    }

    #[test]
    fn a_hope_is_not_a_statement() {
        let st = story(vec![
            doc("a", &["The bill is expected to pass easily."]),
            doc("b", &["The government hopes to pass the bill this week."]),
        ]);
        assert!(conflicts(&st, &[group(&[(0, 0), (1, 0)])]).is_empty());
    }

    #[test]
    fn counts_in_different_places_are_not_compared() {
        let st = story(vec![
            doc("a", &["Ten houses were damaged in Takengon."]),
            doc("b", &["More than 300 houses were damaged in Aceh."]),
            doc("c", &["More than 300 houses were damaged."]),
        ]);
        assert!(conflicts(&st, &[group(&[(0, 0), (1, 0), (2, 0)])]).is_empty());
    }

    #[test]
    fn expectation_about_another_act_is_no_conflict() {
        let st = story(vec![
            doc(
                "a",
                &["Leaders meet in Oslo, where trade is expected to dominate the talks."],
            ),
            doc("b", &["Leaders arrived in Oslo for trade talks on Monday."]),
        ]);
        let d = conflicts(&st, &[group(&[(0, 0), (1, 0)])]);
        assert!(d.iter().all(|x| !x.topic.starts_with("certainty")));
    }

    #[test]
    fn titles_compared_across_documents() {
        let st = story(vec![
            doc(
                "a",
                &["Former Governor Ana Ruiz opened the dam.", "Ruiz spoke."],
            ),
            doc(
                "b",
                &["Crowds came.", "Governor Ana Ruiz is opening the dam."],
            ),
            doc("c", &["Ex-Governor Ana Ruiz cut the ribbon."]),
        ]);
        let d = conflicts(&st, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].topic, "title of Ana Ruiz");
        assert_eq!(sources(&st, &d[0].sides[0]), vec!["a", "c"]);
        assert_eq!(
            d[0].sides[1].text(&st).unwrap(),
            "Governor Ana Ruiz is opening the dam."
        );
    }

    #[test]
    fn sourcing_compared_across_documents() {
        let st = story(vec![
            doc("a", &["The deal collapsed, according to two aides."]),
            doc(
                "b",
                &[
                    "A talk.",
                    "Three officials familiar with the deal said it collapsed.",
                ],
            ),
            doc("c", &["The deal collapsed, according to 2 officials."]),
            doc("d", &["The deal collapsed."]),
        ]);
        a_and_c_against_b(&st, "number of officials");
    }

    #[test]
    fn ages_in_a_group_places_never() {
        let st = story(vec![
            doc("a", &["Lena Hart, 34, was found in Dunmore."]),
            doc("b", &["Lena Hart, 43, was found in Carrick."]),
        ]);
        let topics = conflict_topics(&st, &[group(&[(0, 0), (1, 0)])]);
        assert_eq!(topics, vec!["age of Lena Hart"]);
    }
}
