//! Story-wide attribute frames: values an outlet states once, anywhere in
//! its article, about one named thing, so that two outlets' values are
//! compared even when the sentences stating them were never aligned as one
//! fact.
//!
//! A frame is read only from a fixed construction that says both what the
//! value measures and of what it is said; anything looser is left out, since
//! comparing values that answer different questions invents a conflict.
//!
//! - **Population of a named place**: "Qeshm Island, home to 200,000
//!   people", "Bandar Abbas, a city of 500,000 people", "Qeshm is the
//!   biggest island in the gulf, with a population of more than 100,000".
//!   The place is the name right before the appositive comma, or, for "a
//!   population of", the sentence's subject (its first words, a name
//!   followed by "is", "has" or a comma) with no relative clause ("which
//!   has …") between, which could give another place's population.
//!
//! The cue words (kinds of place, nouns of residents, words that make a
//! magnitude another quake's) are data: `data/en/divergence_cues.tsv`,
//! and relatives from `data/en/function_words.tsv`, read through
//! [`crate::nlp::lists`].

use super::predicates::{self, Fate};
use super::words::Tokens;
use crate::nlp::lists::{Cue, FunctionClass, is_cue, is_function_word};
use crate::nlp::numbers::{Amount, amounts};
use crate::text::stem;

/// The number of people living in a named place, as one sentence states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    /// The place, lower-case, without a trailing place noun ("qeshm").
    pub key: String,
    /// The place as written ("Qeshm").
    pub place: String,
    pub amount: Amount,
    /// The figure as written ("about 100, 000").
    pub display: String,
}

/// The populations of named places a sentence states (see the module doc).
pub fn populations(text: &str) -> Vec<Population> {
    let t = Tokens::new(text);
    let mut out = Vec::new();
    for a in amounts(t.text, &t.words, &t.norms) {
        if a.money || a.unit.is_some() || a.suffix.is_some() || a.prefix.is_some() {
            continue;
        }
        let q = a.qual_start;
        let before = |k: usize| q.checked_sub(k).map_or("", |i| t.norm(i));
        let resident_after = is_cue(t.norm(a.end), Cue::ResidentNoun) && !t.break_after(a.end - 1);
        let place = if before(2) == "home" && before(1) == "to" && resident_after {
            // "Qeshm Island, home to 200,000 people"
            appositive_name(&t, q - 2)
        } else if before(3) == "a"
            && is_cue(before(2), Cue::PlaceNoun)
            && before(1) == "of"
            && resident_after
        {
            // "Bandar Abbas, a city of 500,000 people"
            appositive_name(&t, q - 3)
        } else if before(2) == "population" && before(1) == "of" {
            // "Qeshm … has a population of 120,000"
            subject_name(&t, q - 2)
        } else {
            None
        };
        let Some((s, e)) = place else {
            continue;
        };
        let mut core = e;
        if core > s + 1 && is_cue(t.norm(core - 1), Cue::PlaceNoun) {
            core -= 1;
        }
        let key = t.norms[s..core].join(" ");
        out.push(Population {
            key,
            place: t.span(s, core),
            display: t.span(q, a.end),
            amount: a,
        });
    }
    out
}

/// The name right before an appositive that starts at word `at`: "Qeshm
/// Island, home to …", "Qeshm island, home to …". Its span, including a
/// place noun after it.
fn appositive_name(t: &Tokens<'_>, at: usize) -> Option<(usize, usize)> {
    if at == 0 || !comma_between(t, at - 1) {
        return None;
    }
    let end = at;
    let mut core = end;
    if is_cue(t.norm(core - 1), Cue::PlaceNoun) && core >= 2 && !t.break_after(core - 2) {
        core -= 1;
    }
    let start = name_start(t, core)?;
    Some((start, end))
}

/// The sentence's subject when it is a name: its first words, capitalised,
/// followed by "is", "has" or a comma; and no relative clause or other
/// sentence-level break between it and word `at`.
fn subject_name(t: &Tokens<'_>, at: usize) -> Option<(usize, usize)> {
    let mut e = 0;
    while e < t.words.len() && t.is_cap(e) && (e == 0 || !t.break_after(e - 1)) {
        e += 1;
    }
    if e == 0 || e >= at || crate::text::is_stop(t.norm(0)) {
        return None;
    }
    let followed = matches!(t.norm(e), "is" | "has") || comma_between(t, e - 1);
    if !followed || (e..at).any(|k| is_function_word(t.norm(k), FunctionClass::Relative)) {
        return None;
    }
    // A second clause ("; Bandar Abbas has …") may have its own subject.
    let gaps_ok = (e..at).all(|k| {
        t.text
            .get(t.words[k - 1].end..t.words[k].start)
            .is_none_or(|g| !g.contains(';') && !g.contains(':'))
    });
    gaps_ok.then_some((0, e))
}

/// The magnitude a sentence gives the story's quake: a figure joined to
/// the word ("magnitude-5.9", "a 6.1-magnitude quake"), right after it
/// ("a magnitude of 5.9", "put the magnitude at 6.1", "magnitude 6.0"),
/// before it ("5.9 magnitude") or before "on the Richter scale". Only
/// figures from 1 to 10. The sentence is left out when it could be about
/// another quake or none: it names a year or a month (a past quake, "in
/// February, when a magnitude-6.4 …"), an aftershock, an earlier quake, a
/// range, or says what a quake of that size can do. A sentence with two
/// different magnitudes gives none (two agencies' readings side by side).
pub fn magnitude(text: &str) -> Option<Magnitude> {
    let t = Tokens::new(text);
    let other = (0..t.words.len()).any(|i| {
        let raw = t.text.get(t.words[i].start..t.words[i].end).unwrap_or("");
        is_cue(t.norm(i), Cue::OtherEvent)
            || crate::nlp::calendar::year(raw).is_some()
            || (t.is_cap(i) && crate::nlp::calendar::month(t.norm(i)).is_some())
    });
    if other {
        return None;
    }
    let mut found: Vec<Magnitude> = Vec::new();
    for a in amounts(t.text, &t.words, &t.norms) {
        if a.money || a.unit.is_some() || !(1.0..=10.0).contains(&a.value) {
            continue;
        }
        let q = a.qual_start;
        let before = |k: usize| q.checked_sub(k).map_or("", |i| t.norm(i));
        let after = |k: usize| t.norm(a.end + k);
        let is_mag = |w: &str| w == "magnitude";
        let joined =
            a.suffix.as_deref().is_some_and(is_mag) || a.prefix.as_deref().is_some_and(is_mag);
        let named_before =
            is_mag(before(1)) || (matches!(before(1), "of" | "at") && is_mag(before(2)));
        let named_after = a.suffix.is_none() && is_mag(after(0));
        let richter = after(0) == "on" && after(1) == "the" && after(2) == "richter";
        if joined || named_before || named_after || richter {
            let qual = t.span(q, a.first);
            let figure = crate::nlp::numbers::format_value(a.value);
            found.push(Magnitude {
                display: format!("{qual} {figure}").trim().to_string(),
                amount: a,
            });
        }
    }
    let first = found.first()?;
    if found.iter().any(|m| m.amount.value != first.amount.value) {
        return None;
    }
    found.into_iter().next()
}

/// Does a sentence name a magnitude at all ("magnitude", "Richter")?
pub fn names_magnitude(text: &str) -> bool {
    let low = text.to_lowercase();
    low.contains("magnitude") || low.contains("richter")
}

/// The magnitude of the quake a story is about, as one sentence gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Magnitude {
    pub amount: Amount,
    /// The figure with its qualifier as written ("at least 5.9").
    pub display: String,
}

/// A group of people counted with what happened to them, read for its
/// fate ([`Fate`]): "rescued 26 Somali crewmembers", "apprehending 26
/// Somali pirates", "14 miners were killed".
#[derive(Debug, Clone, PartialEq)]
pub struct FatedGroup {
    pub amount: Amount,
    /// What names the group, lower-case: its capitalised modifiers
    /// ("somali") if it has any, else the stem of what is counted
    /// ("miner").
    pub group: String,
    /// The group as written, for the topic ("26 Somali").
    pub label: String,
    pub fate: Fate,
    /// The outcome as written ("rescued").
    pub outcome: String,
}

/// The counted groups of people a sentence gives a fate, with at least
/// `min` members (`DivergenceParams::fate_min_count`). Only a count with
/// what it counts after it ("26 Somali pirates", not "26 were arrested"),
/// which is not a generic word for people ("26 people", "26 persons") unless
/// a capitalised modifier names the group; not money, measures, years or
/// "the 26", "26 of".
pub fn fated_groups(text: &str, min: f64) -> Vec<FatedGroup> {
    use super::slots::{head_after, is_ordinal_context, is_year};
    let t = Tokens::new(text);
    let mut out = Vec::new();
    for a in amounts(t.text, &t.words, &t.norms) {
        if a.money
            || a.unit.is_some()
            || a.suffix.is_some()
            || a.prefix.is_some()
            || a.decimals
            || a.value < min
            || is_year(&t, &a)
            || is_ordinal_context(&t, a.first)
            || t.break_after(a.end - 1)
        {
            continue;
        }
        let Some(head) = head_after(&t, a.end) else {
            continue;
        };
        let Some((outcome, at)) = predicates::outcome_word_of_count(&t, a.qual_start, head) else {
            continue;
        };
        let Some(fate) = outcome.fate else {
            continue;
        };
        let modifiers: Vec<usize> = (a.end..head).filter(|&k| t.is_cap(k)).collect();
        let noun = stem(t.norm(head));
        let (group, label) = if modifiers.is_empty() {
            if predicates::is_people_noun(&noun) {
                continue;
            }
            (noun, t.span(a.qual_start, head + 1))
        } else {
            let group: Vec<&str> = modifiers.iter().map(|&k| t.norm(k)).collect();
            (group.join(" "), t.span(a.qual_start, head))
        };
        out.push(FatedGroup {
            outcome: t.span(at, at + 1),
            group,
            label,
            fate,
            amount: a,
        });
    }
    out
}

/// A count of what an earlier event did to people ("killed more than
/// 26,000 people"), with the event's year and the names the sentence gives
/// (the place: "Bam"), for comparing a past event's toll across sources.
#[derive(Debug, Clone, PartialEq)]
pub struct PastToll {
    /// The count's slot ([`super::slots::sentence_slots`]), its head and
    /// label narrowed to the year ("people killed 2003", "people killed in
    /// 2003").
    pub slot: super::slots::Slot,
    pub year: u16,
    /// The last words of the names the sentence gives, lower-case, without
    /// months and weekdays ("bam").
    pub names: Vec<String>,
}

/// The tolls of a past event a sentence states: counts of people with
/// what happened to them ("killed", "dead", "injured"), in a sentence that
/// names exactly one year, before `now` (the story's year), and at least
/// one name. Background of that kind ("A quake killed more than 26,000
/// people in the ancient city of Bam in December 2003") is a settled
/// figure told again, anywhere in an article, so it is compared across
/// whole documents. A sentence giving two different figures of one
/// outcome (two events: "31,000 in Bam in 2003, and 600 in Zarand") gives
/// none of them. `window`: [`super::slots::context_around`].
pub fn past_tolls(text: &str, now: u16, window: usize) -> Vec<PastToll> {
    let t = Tokens::new(text);
    let years: std::collections::BTreeSet<u16> = t
        .words
        .iter()
        .filter_map(|w| crate::nlp::calendar::year(w.raw))
        .collect();
    let (Some(&year), 1) = (years.first(), years.len()) else {
        return Vec::new();
    };
    if year >= now {
        return Vec::new();
    }
    let mut names: Vec<String> = super::words::name_runs(&t)
        .into_iter()
        .map(|(_, e, _)| t.norm(e - 1).to_string())
        .filter(|n| !super::words::is_calendar_word(n))
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Vec::new();
    }
    let counts: Vec<super::slots::Slot> = super::slots::sentence_slots(text, window)
        .into_iter()
        .filter(|s| {
            s.kind == super::slots::SlotKind::Count
                && s.amount.is_some()
                && s.head.starts_with("people ")
        })
        .collect();
    counts
        .iter()
        .filter(|s| {
            counts
                .iter()
                .all(|o| o.head != s.head || o.value == s.value)
        })
        .map(|s| PastToll {
            slot: super::slots::Slot {
                head: format!("{} {year}", s.head),
                label: format!("{} in {year}", s.label),
                ..s.clone()
            },
            year,
            names: names.clone(),
        })
        .collect()
}

/// A firearm a sentence names by its kind ("a 12-gauge pump-action
/// shotgun", "brought a rifle").
#[derive(Debug, Clone, PartialEq)]
pub struct Firearm {
    /// The kind path, most specific first ([`crate::nlp::lists::firearm_kind`]).
    pub kind: &'static [&'static str],
    /// The noun as written ("rifle").
    pub display: String,
}

impl Firearm {
    /// Can one firearm be called both? The same kind, or one a kind of
    /// the other ("revolver" and "pistol").
    pub fn compatible(&self, other: &Firearm) -> bool {
        self.kind.contains(&other.kind[0]) || other.kind.contains(&self.kind[0])
    }
}

/// The firearms a sentence names by kind, not as a modifier ("a handgun
/// permit"); `None` when it hedges between
/// kinds that differ ("either a shotgun or a rifle"): such a sentence
/// says the kind is not known, so its source takes no side.
pub fn firearms(text: &str) -> Option<Vec<Firearm>> {
    let t = Tokens::new(text);
    // A kind before a noun modifies it ("a handgun permit", "shotgun
    // shells", "a rifle range"): no firearm is said to be there.
    let modifies = |i: usize| {
        let next = t.norm(i + 1);
        i + 1 < t.words.len()
            && !t.break_after(i)
            && !t.is_cap(i + 1)
            && next.chars().all(char::is_alphabetic)
            && !crate::text::is_stop(next)
            && !super::words::is_preposition(next)
    };
    let found: Vec<(usize, Firearm)> = (0..t.words.len())
        .filter(|&i| !modifies(i))
        .filter_map(|i| {
            crate::nlp::lists::firearm_kind(t.norm(i)).map(|kind| {
                (
                    i,
                    Firearm {
                        kind,
                        display: t.words[i].raw.to_string(),
                    },
                )
            })
        })
        .collect();
    for (a, (i, x)) in found.iter().enumerate() {
        for (j, y) in &found[a + 1..] {
            if !x.compatible(y) && (*i..*j).any(|k| t.norm(k) == "or") {
                return None;
            }
        }
    }
    Some(found.into_iter().map(|(_, f)| f).collect())
}

/// Is the gap after word `i` a comma (and nothing else but space)?
fn comma_between(t: &Tokens<'_>, i: usize) -> bool {
    match (t.words.get(i), t.words.get(i + 1)) {
        (Some(a), Some(b)) => t.text.get(a.end..b.start).is_some_and(|g| g.trim() == ","),
        _ => false,
    }
}

/// Start of the run of capitalised, non-stop words ending right before
/// `end`, with no punctuation inside.
fn name_start(t: &Tokens<'_>, end: usize) -> Option<usize> {
    let mut s = end;
    while s > 0
        && t.is_cap(s - 1)
        && !crate::text::is_stop(t.norm(s - 1))
        && (s == end || !t.break_after(s - 1))
    {
        s -= 1;
    }
    (s < end).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pops(text: &str) -> Vec<(String, f64)> {
        populations(text)
            .into_iter()
            .map(|p| (p.key, p.amount.value))
            .collect()
    }

    #[test]
    fn populations_fire_on_the_three_constructions() {
        assert_eq!(
            pops(
                "The quake was centred near Qeshm Island, home to 200, 000 people, the USGS said."
            ),
            vec![("qeshm".to_string(), 200_000.0)]
        );
        assert_eq!(
            pops(
                "The quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas."
            ),
            vec![("qeshm".to_string(), 120_000.0)]
        );
        assert_eq!(
            pops(
                "Helicopters flew the injured to Bandar Abbas, a city of 500, 000 people that was also jolted."
            ),
            vec![("bandar abbas".to_string(), 500_000.0)]
        );
        assert_eq!(
            pops(
                "Qeshm is Iran's largest island in the Persian Gulf, with a population of 120, 000."
            ),
            vec![("qeshm".to_string(), 120_000.0)]
        );
        assert_eq!(
            pops(
                "Qeshm, a 1, 500-square-kilometer island off the coast, has a population of more than 100, 000."
            ),
            vec![("qeshm".to_string(), 100_000.0)]
        );
        assert_eq!(
            pops("Springfield has a population of about 30,000."),
            vec![("springfield".to_string(), 30_000.0)]
        );
    }

    #[test]
    fn populations_abstain_when_the_place_is_not_said() {
        // The nearest name is another place: "is home to" has no name before it.
        assert!(pops("Residents of the island, which lies off Bandar Abbas and is home to about 100, 000 people, slept outside.").is_empty());
        // An anaphor, not a name.
        assert!(
            pops("The island, which has about 200, 000 residents, is 940 miles south of Tehran.")
                .is_empty()
        );
        // A relative clause between the subject and the figure.
        assert!(pops("Qeshm lies off Bandar Abbas, which has a population of 500,000.").is_empty());
        // Not a population: a count of something else after "home to".
        assert!(pops("The museum, home to 3,000 paintings, was closed.").is_empty());
        // Not a population: "a city of" without people.
        assert!(pops("Paris, a city of 20 arrondissements, woke to the news.").is_empty());
        // The subject is not a name.
        assert!(pops("The region has a population of 2 million.").is_empty());
        // Money and distances never read as people.
        assert!(pops("Dubai, home to $5 million in gold, was calm.").is_empty());
    }

    fn mag(text: &str) -> Option<f64> {
        magnitude(text).map(|m| m.amount.value)
    }

    #[test]
    fn magnitudes_fire_on_the_quake_of_the_story() {
        assert_eq!(
            mag("A 5. 9-magnitude quake struck Qeshm island on Sunday."),
            Some(5.9)
        );
        assert_eq!(
            mag("An earthquake measuring at least magnitude-5. 9 jolted the island."),
            Some(5.9)
        );
        assert_eq!(
            mag("The survey said it had a magnitude of 6. 1, state media said."),
            Some(6.1)
        );
        assert_eq!(
            mag("The Geological Survey puts the magnitude at 6.1."),
            Some(6.1)
        );
        assert_eq!(
            mag("The quake measured 7.2 on the Richter scale."),
            Some(7.2)
        );
        assert_eq!(mag("A magnitude 6.0 earthquake hit the coast."), Some(6.0));
    }

    #[test]
    fn magnitudes_abstain_on_other_quakes_and_other_figures() {
        // A past quake, by month or year.
        assert_eq!(
            mag("The last major quake was in February, when a magnitude-6. 4 quake hit Zarand."),
            None
        );
        assert_eq!(
            mag("In 2003 a 6.6-magnitude quake killed 31,000 people in Bam."),
            None
        );
        // Aftershocks, ranges, hypotheticals.
        assert_eq!(mag("Aftershocks of magnitude 4.2 followed."), None);
        assert_eq!(
            mag("Aftershocks with magnitudes ranging from 3 to 4.5 followed."),
            None
        );
        assert_eq!(mag("A magnitude 6 quake can cause severe damage."), None);
        // One quake of several.
        assert_eq!(
            mag("One 7.3-magnitude tremor was felt as far away as Australia."),
            None
        );
        assert_eq!(
            mag("The first earthquake measuring 7.6 magnitude struck on Sunday."),
            None
        );
        assert_eq!(
            mag("The region was hit by a magnitude 6.1 quake, the latest tremor to shake it."),
            None
        );
        // Two readings side by side.
        assert_eq!(
            mag("Tehran said magnitude 5.9; the USGS said magnitude 6.1."),
            None
        );
        // Figures that are not magnitudes.
        assert_eq!(
            mag("The quake killed 7 people and damaged 9 villages."),
            None
        );
        assert_eq!(mag("The quake struck at a depth of 10 km."), None);
    }

    fn fates(text: &str) -> Vec<(f64, String, Fate, String)> {
        fated_groups(text, 10.0)
            .into_iter()
            .map(|g| (g.amount.value, g.group, g.fate, g.outcome))
            .collect()
    }

    #[test]
    fn fated_groups_fire_on_a_named_group_with_an_outcome() {
        assert_eq!(
            fates("The coast guard rescued 14 Filipino fishermen from the reef on Monday."),
            vec![(14.0, "filipino".into(), Fate::Victim, "rescued".into())]
        );
        assert_eq!(
            fates("Troops stormed the camp, detaining 14 Filipino fishermen, the army said."),
            vec![(14.0, "filipino".into(), Fate::Held, "detaining".into())]
        );
        assert_eq!(
            fates("At least 31 miners were killed when the shaft collapsed."),
            vec![(31.0, "miner".into(), Fate::Victim, "killed".into())]
        );
        assert_eq!(
            fates("Police arrested 40 protesters outside the ministry."),
            vec![(40.0, "protest".into(), Fate::Held, "arrested".into())]
        );
    }

    #[test]
    fn fated_groups_abstain_without_a_named_group_or_an_outcome() {
        // Generic people, no name for the group.
        assert!(fates("The blast killed 12 people and injured 40 others.").is_empty());
        // Too small a group to tell apart from another in the story.
        assert!(fates("Police arrested three Dutch fans after the match.").is_empty());
        // No outcome in the clause.
        assert!(fates("The ferry carried 26 Somali passengers to the port.").is_empty());
        // A subset or a definite group ("the 26", "14 of"), a year, money.
        assert!(fates("Police arrested 14 of the protesters.").is_empty());
        assert!(fates("The 26 Somali crewmen were rescued at dawn.").is_empty());
        assert!(fates("In 2011 rescuers saved $12 million of cargo.").is_empty());
        // Things, not people: destroyed is no fate.
        assert!(fates("The storm destroyed 40 wooden houses.").is_empty());
    }

    fn kinds(text: &str) -> Option<Vec<&'static str>> {
        firearms(text).map(|fs| fs.into_iter().map(|f| f.kind[0]).collect())
    }

    #[test]
    fn synonyms_and_kinds_of_one_another_are_compatible_firearms() {
        let one = |w: &str| firearms(&format!("He had a {w}.")).unwrap().remove(0);
        assert!(one("handgun").compatible(&one("pistol")));
        assert!(one("revolver").compatible(&one("handgun")));
        assert!(one("carbine").compatible(&one("rifle")));
        assert!(!one("rifle").compatible(&one("shotgun")));
        assert!(!one("revolver").compatible(&one("rifle")));
    }

    #[test]
    fn firearms_are_named_by_kind() {
        assert_eq!(
            kinds("The gunman walked into the bank with a sawed-off shotgun."),
            Some(vec!["shotgun"])
        );
        assert_eq!(
            kinds("Witnesses said he carried two rifles and a revolver."),
            Some(vec!["rifle", "revolver"])
        );
        // A kind that modifies another noun names no firearm there.
        assert_eq!(
            kinds("He had been denied a handgun permit in March."),
            Some(vec![])
        );
        assert_eq!(
            kinds("Police found shotgun shells and a rifle in the car."),
            Some(vec!["rifle"])
        );
        // By synset: a "handgun" is WordNet's "pistol".
        assert_eq!(
            kinds("Officers recovered a handgun from the car."),
            Some(vec!["pistol"])
        );
    }

    #[test]
    fn firearms_abstain_on_generic_words_and_hedges() {
        // "gun", "firearm", "weapon" name no kind.
        assert_eq!(
            kinds("He fired a gun at the ceiling, police said."),
            Some(vec![])
        );
        assert_eq!(kinds("The firearm was never found."), Some(vec![]));
        // A hedge between kinds: the kind is not known.
        assert_eq!(
            kinds("The man was armed with either a shotgun or a rifle."),
            None
        );
        assert_eq!(kinds("It was a rifle or a shotgun, police said."), None);
        // "or" between kinds of one another is no hedge.
        assert_eq!(
            kinds("He drew a revolver or some other pistol."),
            Some(vec!["revolver", "pistol"])
        );
    }
}
