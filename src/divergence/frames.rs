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

use super::words::Tokens;
use crate::nlp::numbers::{Amount, amounts};

/// Nouns naming a kind of place, which may follow its name ("Qeshm
/// island") or stand in an appositive ("a city of 500,000 people").
const PLACE_NOUNS: &[&str] = &[
    "island",
    "isle",
    "city",
    "town",
    "village",
    "county",
    "province",
    "state",
    "country",
    "region",
    "district",
    "port",
    "capital",
    "suburb",
    "municipality",
];

/// Nouns that say a count counts the people living somewhere.
const RESIDENT_NOUNS: &[&str] = &["people", "residents", "inhabitants", "persons", "souls"];

/// Words that open a relative clause: a population after one may be
/// another place's ("Qeshm lies off Bandar Abbas, which has 500,000").
const RELATIVE: &[&str] = &["which", "that", "where", "who", "whose", "while", "whereas"];

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
        let resident_after = RESIDENT_NOUNS.contains(&t.norm(a.end)) && !t.break_after(a.end - 1);
        let place = if before(2) == "home" && before(1) == "to" && resident_after {
            // "Qeshm Island, home to 200,000 people"
            appositive_name(&t, q - 2)
        } else if before(3) == "a"
            && PLACE_NOUNS.contains(&before(2))
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
        if core > s + 1 && PLACE_NOUNS.contains(&t.norm(core - 1)) {
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
    if PLACE_NOUNS.contains(&t.norm(core - 1)) && core >= 2 && !t.break_after(core - 2) {
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
    if !followed || (e..at).any(|k| RELATIVE.contains(&t.norm(k))) {
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
}
