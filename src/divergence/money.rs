//! Money across the whole story: the value an outlet puts on one thing
//! ("£910,000 worth of jewellery", "a $2.5 million necklace"), compared with
//! other outlets' values for that thing wherever in their articles they
//! state it, and across currencies.
//!
//! A value is read only with the thing it prices, from a fixed
//! construction: "N worth $X", "N valued (estimated, priced) at $X", "$X
//! worth of N", "$X of N", "$X in N", "a $X N". The thing is the head noun
//! of N (British and American spellings are one thing,
//! `data/en/spelling_variants.tsv`). The capitalised words of the value's
//! clause are its anchors: "Chopard" in
//! "£910,000 worth of jewellery from an employee of Swiss firm Chopard".
//!
//! Two outlets' values are one attribute only when they price the same
//! thing, their anchors do not name different things (both have anchors
//! and share none), and each is the other's only match: for a value of one
//! outlet, the other outlet's values of that thing sharing an anchor with
//! it, or, when none does, those of that thing with no anchor to tell them
//! apart, must give one value. An outlet pricing several jewels with
//! nothing to tell them apart is left out.
//!
//! Values in two currencies are compared through the yearly average rate
//! of the story's year (`data/en/exchange_rates.tsv`), widened by
//! [`DivergenceParams::money_rate_margin`]; a story whose year is not read
//! from its articles (their publication dates, or a date written in their
//! first sentences) is compared in one currency only.

use super::slots::{Slot, SlotKind};
use super::words::{Tokens, is_calendar_word, is_preposition};
use super::{Found, Observation, build};
use crate::model::{SentRef, Story};
use crate::nlp::data::rows;
use crate::nlp::lists::{Cue, FunctionClass, american_spelling, is_cue, is_function_word};
use crate::nlp::numbers::{Amount, Qualifier, amounts, currency_word};
use crate::params::DivergenceParams;
use crate::text::{is_stop, stem};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

/// US dollars per unit, by year and currency sign.
static RATES: LazyLock<HashMap<(u16, &'static str), f64>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/exchange_rates.tsv"))
        .map(|r| {
            let year = r[0].parse().expect("exchange_rates.tsv: year");
            let rate = r[2].parse().expect("exchange_rates.tsv: rate");
            ((year, r[1]), rate)
        })
        .collect()
});

/// A value one sentence puts on one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub amount: Amount,
    /// The thing's head noun, normalised for comparison.
    pub thing: String,
    /// The thing as written ("necklace").
    pub label: String,
    /// Capitalised words of the value's clause, lower-case.
    pub anchors: BTreeSet<String>,
    /// The value as written, with its qualifier and currency ("almost $2 million").
    pub display: String,
}

/// The values a sentence puts on things (see the module doc).
pub fn priced(text: &str) -> Vec<Priced> {
    let t = Tokens::new(text);
    let mut out = Vec::new();
    for a in amounts(t.text, &t.words, &t.norms) {
        if !a.money || a.value <= 0.0 {
            continue;
        }
        // The currency word after the figure ("two million euros").
        let e = if is_currency_word(t.norm(a.end)) {
            a.end + 1
        } else {
            a.end
        };
        let Some(head) = thing_of(&t, &a, e) else {
            continue;
        };
        let label = t.words[head].raw.to_string();
        let lower = t.norm(head).to_string();
        let spelled = american_spelling(&lower).unwrap_or(lower.as_str());
        out.push(Priced {
            thing: stem(spelled),
            label,
            anchors: anchors(&t, a.qual_start, e),
            display: display(&t, &a, e),
            amount: a,
        });
    }
    out
}

/// A currency word ("dollars", "euro"), from `data/en/amount_words.tsv`.
fn is_currency_word(n: &str) -> bool {
    currency_word(n).is_some()
}

/// A word that can head a priced noun phrase: lower-case (or the
/// sentence's first word), not a function
/// word, a preposition, a calendar word or a number.
fn is_thing_word(t: &Tokens<'_>, i: usize) -> bool {
    let n = t.norm(i);
    i < t.words.len()
        && (i == 0 || !t.is_cap(i))
        && n.chars().all(|c| c.is_alphabetic() || c == '-')
        && n.chars().count() > 2
        && !is_stop(n)
        && !is_preposition(n)
        && !is_calendar_word(n)
        && !is_currency_word(n)
        && !is_cue(n, Cue::ClauseOpener)
}

/// The head noun of the thing priced by amount `a` (whose words, with a
/// currency word, end before `e`), from one of the module's constructions.
fn thing_of(t: &Tokens<'_>, a: &Amount, e: usize) -> Option<usize> {
    let q = a.qual_start;
    let before = |k: usize| q.checked_sub(k).map_or("", |i| t.norm(i));
    let joined = |i: usize| !t.break_after(i);
    // "$X worth of N", "$X of N", "$X in N": the last word of the run
    // of thing words after the preposition.
    let of_at = if t.norm(e) == "worth" && t.norm(e + 1) == "of" && joined(e - 1) && joined(e) {
        Some(e + 2)
    } else if matches!(t.norm(e), "of" | "in") && joined(e - 1) {
        Some(e + 1)
    } else {
        None
    };
    if let Some(s) = of_at {
        if !joined(s - 1) {
            return None;
        }
        return phrase_head(t, s);
    }
    // "N worth $X", "N valued at $X".
    let head_before = if before(1) == "worth" {
        q.checked_sub(2)
    } else if before(1) == "at" && is_cue(before(2), Cue::PriceVerb) {
        q.checked_sub(3)
    } else {
        None
    };
    // "The painting was valued at": the noun before the verb "to be".
    let head_before = head_before.map(|h| {
        if h > 0 && is_function_word(t.norm(h), FunctionClass::Be) {
            h - 1
        } else {
            h
        }
    });
    if let Some(h) = head_before {
        return (is_thing_word(t, h) && (h..q - 1).all(&joined)).then_some(h);
    }
    // "a $X N": an article before the value, the noun right after it.
    if matches!(before(1), "a" | "an" | "the") && e < t.words.len() && joined(e - 1) {
        return phrase_head(t, e);
    }
    None
}

/// The last word of the run of thing words starting at `s` (at most
/// four, not crossing punctuation).
fn phrase_head(t: &Tokens<'_>, s: usize) -> Option<usize> {
    let mut h = None;
    let mut k = s;
    while k < t.words.len() && k < s + 4 && is_thing_word(t, k) {
        h = Some(k);
        if t.break_after(k) {
            break;
        }
        k += 1;
    }
    h
}

/// Capitalised words of the clause around words `from..to`: outwards until
/// punctuation or a clause word. The sentence's first word counts too
/// ("Britain pledged …"): a capitalised common word there ("Days later")
/// only makes the value harder to match, never easier.
fn anchors(t: &Tokens<'_>, from: usize, to: usize) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut take = |i: usize| {
        let n = t.norm(i);
        if t.is_cap(i) && !is_stop(n) && !is_calendar_word(n) && !is_currency_word(n) {
            out.insert(n.to_string());
        }
    };
    let mut i = from;
    while i > 0 && !t.break_after(i - 1) && !is_cue(t.norm(i - 1), Cue::ClauseOpener) {
        i -= 1;
        take(i);
    }
    let mut k = to;
    while k < t.words.len()
        && (k == 0 || !t.break_after(k - 1))
        && !is_cue(t.norm(k), Cue::ClauseOpener)
    {
        take(k);
        k += 1;
    }
    out
}

/// The value as written: qualifier, currency sign, figure, currency word.
fn display(t: &Tokens<'_>, a: &Amount, e: usize) -> String {
    let mut start = t.words[a.qual_start].start;
    if a.qual_start == a.first
        && let Some(c) = t.text.get(..start).and_then(|s| s.chars().next_back())
        && matches!(c, '$' | '£' | '€')
    {
        start -= c.len_utf8();
    }
    let end = t.words[e.max(a.end) - 1].end;
    t.text.get(start..end).unwrap_or_default().to_string()
}

/// The year of the story: the year its dated articles give (their
/// publication date, or a full date — day, month and year — in their first
/// three sentences), when at least two and more than half of them give it.
pub fn story_year(story: &Story) -> Option<u16> {
    let mut years: Vec<u16> = Vec::new();
    for doc in &story.docs {
        let from_published = doc.article.published.as_deref().and_then(|p| {
            p.split(|c: char| !c.is_ascii_digit())
                .find_map(crate::nlp::calendar::year)
        });
        let from_text = || {
            doc.sentences.iter().take(3).find_map(|s| {
                let t = Tokens::new(&s.text);
                (0..t.words.len()).find_map(|i| {
                    let y = crate::nlp::calendar::year(t.words[i].raw)?;
                    // A full date: a month and a day number beside the year.
                    let near = i.saturating_sub(3)..(i + 3).min(t.words.len());
                    let month = near
                        .clone()
                        .any(|k| crate::nlp::calendar::month(t.norm(k)).is_some());
                    let day = near.clone().any(|k| {
                        let n = t.norm(k);
                        (1..=2).contains(&n.len())
                            && n.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
                    });
                    (month && day).then_some(y)
                })
            })
        };
        if let Some(y) = from_published.or_else(from_text) {
            years.push(y);
        }
    }
    let mut counts: BTreeMap<u16, usize> = BTreeMap::new();
    for y in &years {
        *counts.entry(*y).or_default() += 1;
    }
    let (&year, &n) = counts.iter().max_by_key(|(_, n)| **n)?;
    (n >= 2 && 2 * n > years.len()).then_some(year)
}

/// The values an amount of money may stand for, in its currency. A
/// figure as written is rounded to its last digit ("$2 million" is
/// anything from 1.5 to 2.5 million, "£1.2m" from 1.15 to 1.25 million);
/// "almost" and "nearly" allow up to a tenth less (as
/// [`Amount::range`] reads them, without its widening to the last digit:
/// nobody writes "almost $2 million" for $1.1 million); every other
/// qualifier as [`Amount::range`] reads it.
fn money_range(a: &Amount) -> (f64, f64) {
    let v = a.value;
    match a.qualifier {
        Qualifier::Exact => (v - a.step / 2.0, v + a.step / 2.0),
        Qualifier::Nearly => (v - crate::nlp::numbers::QUALIFIER_SLACK * v, v),
        _ => a.range(),
    }
}

/// The US dollars an amount may stand for: [`money_range`], through the
/// year's rate widened by `margin`. `None` when the rate is unknown.
fn dollar_range(a: &Amount, year: Option<u16>, margin: f64) -> Option<(f64, f64)> {
    let (lo, hi) = money_range(a);
    if a.currency == "$" {
        return Some((lo, hi));
    }
    let rate = RATES.get(&(year?, a.currency))?;
    Some((lo * rate * (1.0 - margin), hi * rate * (1.0 + margin)))
}

/// Can two values both hold? Two lower bounds always can; otherwise their
/// ranges must meet, in one currency directly or through the rate. Values
/// whose rate is unknown are taken as compatible (never compared).
fn agree(a: &Amount, b: &Amount, year: Option<u16>, margin: f64) -> bool {
    if a.qualifier == Qualifier::AtLeast && b.qualifier == Qualifier::AtLeast {
        return true;
    }
    if a.currency == b.currency {
        let ((alo, ahi), (blo, bhi)) = (money_range(a), money_range(b));
        return alo <= bhi && blo <= ahi;
    }
    match (dollar_range(a, year, margin), dollar_range(b, year, margin)) {
        (Some((alo, ahi)), Some((blo, bhi))) => alo <= bhi && blo <= ahi,
        _ => true,
    }
}

/// One priced value stated by one sentence.
struct Mention {
    at: SentRef,
    p: Priced,
}

/// The mentions of document `d` that may price what `m` prices: same
/// thing, and sharing an anchor with it, or (when none does) with no
/// anchors telling them apart.
fn matches(m: &Mention, d: usize, all: &[Mention]) -> Vec<usize> {
    let same: Vec<usize> = (0..all.len())
        .filter(|&k| all[k].at.doc == d && all[k].p.thing == m.p.thing)
        .collect();
    let sharing: Vec<usize> = same
        .iter()
        .copied()
        .filter(|&k| !all[k].p.anchors.is_disjoint(&m.p.anchors))
        .collect();
    if !sharing.is_empty() {
        return sharing;
    }
    same.into_iter()
        .filter(|&k| all[k].p.anchors.is_empty() || m.p.anchors.is_empty())
        .collect()
}

/// Conflicts over the value of one thing, compared across documents (see
/// the module doc).
pub(super) fn conflicts(story: &Story, params: &DivergenceParams) -> Vec<Found> {
    let year = story_year(story);
    let margin = params.money_rate_margin;
    let mut all: Vec<Mention> = Vec::new();
    for (d, doc) in story.docs.iter().enumerate() {
        for (s, sent) in doc.claim_sentences() {
            for p in priced(&sent.text) {
                all.push(Mention {
                    at: SentRef { doc: d, sent: s },
                    p,
                });
            }
        }
    }
    // Mutual single matches between documents, as edges.
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn root(parent: &mut [usize], mut k: usize) -> usize {
        while parent[k] != k {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        k
    }
    let mut clash_roots: Vec<(usize, usize)> = Vec::new();
    let docs: BTreeSet<usize> = all.iter().map(|m| m.at.doc).collect();
    for b in 0..all.len() {
        for &d in docs
            .iter()
            .filter(|&&d| d != all[b].at.doc && d < all[b].at.doc)
        {
            let cands = matches(&all[b], d, &all);
            let one_value = cands.iter().enumerate().all(|(i, &x)| {
                cands[i + 1..]
                    .iter()
                    .all(|&y| agree(&all[x].p.amount, &all[y].p.amount, year, margin))
            });
            if cands.is_empty() || !one_value {
                continue;
            }
            for &a in &cands {
                let back = matches(&all[a], all[b].at.doc, &all);
                if !back.contains(&b)
                    || !back
                        .iter()
                        .all(|&y| agree(&all[b].p.amount, &all[y].p.amount, year, margin))
                {
                    continue;
                }
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
                if !agree(&all[a].p.amount, &all[b].p.amount, year, margin) {
                    clash_roots.push((a, b));
                }
            }
        }
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..all.len() {
        let r = root(&mut parent, k);
        components.entry(r).or_default().push(k);
    }
    let clashing: BTreeSet<usize> = clash_roots
        .iter()
        .map(|&(a, _)| root(&mut parent, a))
        .collect();
    let mut out = Vec::new();
    for r in clashing {
        let members = &components[&r];
        // One value per document, or the component is not one attribute.
        let consistent = members.iter().enumerate().all(|(i, &x)| {
            members[i + 1..].iter().all(|&y| {
                all[x].at.doc != all[y].at.doc
                    || agree(&all[x].p.amount, &all[y].p.amount, year, margin)
            })
        });
        if !consistent {
            continue;
        }
        // Values that agree share a side, keyed by the first of them.
        let mut reps: Vec<usize> = Vec::new();
        let mut obs = Vec::new();
        for &k in members {
            let rep = reps
                .iter()
                .copied()
                .find(|&x| agree(&all[x].p.amount, &all[k].p.amount, year, margin))
                .unwrap_or_else(|| {
                    reps.push(k);
                    k
                });
            let m = &all[k];
            obs.push(Observation {
                at: m.at,
                slot: Slot {
                    kind: SlotKind::Measure,
                    head: m.p.thing.clone(),
                    label: format!("value of the {}", all[members[0]].p.label.to_lowercase()),
                    value: all[rep].p.display.clone(),
                    display: m.p.display.clone(),
                    amount: None,
                    context: Vec::new(),
                    scope: Vec::new(),
                },
            });
        }
        out.extend(build(story, &obs));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{doc, sources, story};
    use super::*;

    fn read(text: &str) -> Vec<(String, f64, Vec<String>)> {
        priced(text)
            .into_iter()
            .map(|p| (p.label, p.amount.value, p.anchors.into_iter().collect()))
            .collect()
    }

    #[test]
    fn values_are_read_with_the_thing_they_price() {
        assert_eq!(
            read(
                "In May, thieves stole £910, 000 worth of jewellery from an employee of Swiss firm Chopard that was due to be loaned to stars."
            ),
            vec![(
                "jewellery".to_string(),
                910_000.0,
                vec!["chopard".to_string(), "swiss".to_string()]
            )],
            "the clause ends at a comma and at a relative pronoun"
        );
        assert_eq!(
            read("A second theft saw a diamond necklace worth £1. 2m stolen."),
            vec![("necklace".to_string(), 1_200_000.0, vec![])]
        );
        assert_eq!(
            read("Days later a $2. 5 million necklace was lifted at Cap d'Antibes.")[0].0,
            "necklace"
        );
        assert_eq!(
            read("They made off with $2. 6 million in gems and watches.")[0].0,
            "gems"
        );
        assert_eq!(
            read("The painting was valued at $3 million by the auction house.")[0].0,
            "painting"
        );
    }

    #[test]
    fn values_without_a_priced_thing_are_not_read() {
        // No construction says what the money pays for.
        assert!(read("The company lost $5 million last year.").is_empty());
        assert!(read("He paid $500 to the driver.").is_empty());
        // A year or a name after "in" is no thing.
        assert!(read("Sales reached $5 million in 2009.").is_empty());
        assert!(read("The group raised $2 million in Paris.").is_empty());
        // Not money.
        assert!(read("A necklace worth 12 carats was found.").is_empty());
    }

    fn dated(id: &str, date: &str, sentences: &[&str]) -> crate::model::Document {
        let mut d = doc(id, sentences);
        d.article.published = Some(date.to_string());
        d
    }

    #[test]
    fn values_of_one_thing_conflict_across_currencies() {
        let st = story(vec![
            dated(
                "sky",
                "2013-09-09",
                &[
                    "Jewellery worth £1. 7m was stolen in Paris on Monday.",
                    "In May, thieves stole £910, 000 worth of jewellery from an employee of Swiss firm Chopard that was due to be loaned to film stars.",
                    "A second theft saw a diamond necklace worth £1. 2m stolen.",
                ],
            ),
            dated(
                "nbc",
                "2013-09-09",
                &[
                    "Thieves made off with jewelry and watches valued at $2. 6 million on Monday.",
                    "Thieves also targeted the festival, stealing almost $2 million of jewelry from the safe of a jeweler working for Chopard, one of the famous diamond merchants.",
                    "Days later a $2. 5 million necklace was lifted by a crook at Cap d'Antibes.",
                ],
            ),
        ]);
        let found: Vec<Found> = conflicts(&st, &DivergenceParams::default());
        let topics: Vec<&str> = found.iter().map(|f| f.item.topic.as_str()).collect();
        assert_eq!(found.len(), 2, "{topics:?}");
        assert!(topics.contains(&"value of the jewellery"), "{topics:?}");
        assert!(topics.contains(&"value of the necklace"), "{topics:?}");
        for f in &found {
            assert_eq!(f.item.sides.len(), 2);
            assert_eq!(sources(&st, &f.item.sides[0]).len(), 1);
        }
    }

    #[test]
    fn converted_values_that_agree_do_not_conflict() {
        // £1.7m is about $2.6m in 2013; €103m is about £88m.
        let st = story(vec![
            dated(
                "a",
                "2013-09-09",
                &[
                    "The gang stole jewellery worth £88m from the Carlton hotel.",
                    "A necklace worth £1. 7m was taken.",
                ],
            ),
            dated(
                "b",
                "2013-09-09",
                &[
                    "The gang stole jewellery worth €103 million from the Carlton hotel.",
                    "A necklace worth $2. 6 million was taken.",
                ],
            ),
        ]);
        assert!(conflicts(&st, &DivergenceParams::default()).is_empty());
    }

    #[test]
    fn values_that_may_price_different_things_abstain() {
        // Different anchors: two donors' aid.
        let st = story(vec![
            dated(
                "a",
                "2013-09-09",
                &["The United States pledged $10 million in aid."],
            ),
            dated("b", "2013-09-09", &["Britain pledged $5 million in aid."]),
        ]);
        assert!(conflicts(&st, &DivergenceParams::default()).is_empty());
        // One outlet prices two necklaces with nothing to tell them apart.
        let st = story(vec![
            dated(
                "a",
                "2013-09-09",
                &[
                    "A necklace worth $1 million was taken.",
                    "Police found a necklace worth $4 million in the car.",
                ],
            ),
            dated(
                "b",
                "2013-09-09",
                &["A necklace worth $2 million was taken."],
            ),
        ]);
        assert!(conflicts(&st, &DivergenceParams::default()).is_empty());
        // No year: pounds and dollars are not compared.
        let st = story(vec![
            doc("a", &["A necklace worth £1 million was taken."]),
            doc("b", &["A necklace worth $3 million was taken."]),
        ]);
        assert!(conflicts(&st, &DivergenceParams::default()).is_empty());
        // Two lower bounds never conflict.
        let st = story(vec![
            doc("a", &["A painting worth more than $1 million was taken."]),
            doc("b", &["A painting worth more than $5 million was taken."]),
        ]);
        assert!(conflicts(&st, &DivergenceParams::default()).is_empty());
    }

    #[test]
    fn story_year_is_the_majority_of_dated_articles() {
        let st = story(vec![
            doc(
                "a",
                &["9 September 2013, 14:08 Jewellery worth £1. 7m was stolen."],
            ),
            doc("b", &["Four men rammed a store on Monday."]),
            dated("c", "2013-09-09T10:00:00Z", &["A store was hit."]),
        ]);
        assert_eq!(story_year(&st), Some(2013));
        // A past month and year is no dateline; one dated article is no majority.
        let st = story(vec![
            doc("a", &["In December 2008, three men emptied a store."]),
            doc("b", &["In 2009, police recovered the haul."]),
            dated("c", "2013-09-09", &["A store was hit."]),
        ]);
        assert_eq!(story_year(&st), None);
        // Outlets that disagree on the year leave it unknown.
        let st = story(vec![
            dated("a", "2013-09-09", &["A store was hit."]),
            dated("b", "2014-09-09", &["A store was hit."]),
        ]);
        assert_eq!(story_year(&st), None);
    }
}
