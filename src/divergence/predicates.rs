//! What happened to what a count counts: "killing 10 people", "50 were
//! injured", "four villages had been destroyed". The outcome is part of the
//! attribute: a count of people killed and a count of people injured are
//! different questions, and comparing them invents a conflict.
//!
//! The outcome words are data (`data/en/count_outcomes.tsv`, with their
//! origin). A count's outcome is read from the same clause only: a word of
//! the table right after what is counted ("10 people were killed", "50
//! injured", "three dead"), else right before the count ("killing at least
//! 10", "wounding other 70"). Nothing is guessed across a comma or an "and".

use super::words::Tokens;
use crate::nlp::lists::{Cue, is_cue};
use crate::text::stem;
use std::sync::LazyLock;

/// One outcome of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub name: &'static str,
    /// Happens to people: a bare count ("50 were injured") counts people.
    pub people: bool,
    /// What it makes of the people it happens to, if they are people.
    pub fate: Option<Fate>,
}

/// What an outcome makes of people: two sources giving one group opposite
/// fates ("rescued 26 crewmen", "arrested 26 pirates") give incompatible
/// accounts of who they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fate {
    /// Killed, hurt, missing, displaced or saved: those it happened to.
    Victim,
    /// Arrested or charged: those held for it.
    Held,
}

struct Table {
    rows: Vec<(Outcome, Vec<&'static str>)>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let rows = include_str!("../../data/en/count_outcomes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next()?;
            let people = cols.next()? == "1";
            let fate = match cols.next()? {
                "victim" => Some(Fate::Victim),
                "held" => Some(Fate::Held),
                _ => None,
            };
            let stems = cols.next()?.split_whitespace().collect();
            Some((Outcome { name, people, fate }, stems))
        })
        .collect();
    Table { rows }
});

/// The outcome a word names, if it names one.
pub fn outcome_of(norm: &str) -> Option<Outcome> {
    let s = stem(norm);
    TABLE
        .rows
        .iter()
        .find(|(_, stems)| stems.contains(&s.as_str()))
        .map(|(o, _)| *o)
}

/// Nouns that mean "people" in a count of an outcome ("10 persons killed" =
/// "10 people killed"); stems.
pub fn is_people_noun(stem: &str) -> bool {
    is_cue(stem, Cue::PeopleNoun)
}

/// Words that may stand between an outcome and its count or after what is
/// counted: auxiliaries and hedges ("were", "had been", "other", "more").
fn is_filler(norm: &str) -> bool {
    is_cue(norm, Cue::CountFiller)
}

/// The outcome of a count whose qualifier starts at word `qual_start` and
/// whose counted noun (or last word) is `last`.
pub fn class_of_count(t: &Tokens<'_>, qual_start: usize, last: usize) -> Option<Outcome> {
    outcome_word_of_count(t, qual_start, last).map(|(o, _)| o)
}

/// [`class_of_count`] with the index of the word that names the outcome.
pub fn outcome_word_of_count(
    t: &Tokens<'_>,
    qual_start: usize,
    last: usize,
) -> Option<(Outcome, usize)> {
    // After: "10 people were killed", "50 injured", "three dead".
    let mut j = last + 1;
    while j < t.words.len() && j <= last + 4 && !t.break_after(j - 1) {
        let n = t.norm(j);
        if let Some(o) = outcome_of(n) {
            return Some((o, j));
        }
        if !is_filler(n) {
            break;
        }
        j += 1;
    }
    // Before: "killing at least 10", "wounding other 70", "left 31,000 dead".
    let mut k = qual_start;
    while k > 0 && qual_start - k < 3 && !t.break_after(k - 1) {
        k -= 1;
        let n = t.norm(k);
        if let Some(o) = outcome_of(n) {
            return Some((o, k));
        }
        if !is_filler(n) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str, number: &str) -> Option<&'static str> {
        let t = Tokens::new(text);
        let i = t.words.iter().position(|w| w.raw == number)?;
        let last = if t.norm(i + 1).chars().all(char::is_alphabetic)
            && outcome_of(t.norm(i + 1)).is_none()
        {
            i + 1
        } else {
            i
        };
        class_of_count(&t, i, last).map(|o| o.name)
    }

    #[test]
    fn outcomes_after_and_before_the_count() {
        assert_eq!(
            class("Ten people were killed and 50 injured.", "Ten"),
            Some("killed")
        );
        assert_eq!(
            class("Ten people were killed and 50 injured.", "50"),
            Some("injured")
        );
        assert_eq!(
            class("The quake hit, killing 10 people and injuring 80.", "10"),
            Some("killed")
        );
        assert_eq!(
            class("The quake hit, killing 10 people and injuring 80.", "80"),
            Some("injured")
        );
        assert_eq!(
            class("It killed 10 persons and wounding other 70.", "70"),
            Some("injured")
        );
        assert_eq!(class("Police arrested 26 pirates.", "26"), Some("arrested"));
        assert_eq!(
            class("Four villages had been destroyed.", "Four"),
            Some("destroyed")
        );
    }

    #[test]
    fn no_outcome_across_clauses_or_without_a_word() {
        assert_eq!(
            class("The storm killed cattle, and 40 people fled.", "40"),
            None
        );
        assert_eq!(class("Crews repaired 12 bridges on Monday.", "12"), None);
        assert_eq!(
            class("After the attack, 200 soldiers arrived.", "200"),
            None
        );
    }
}
