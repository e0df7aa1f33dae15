//! Calendar words: months, weekdays, years and time zones.
//!
//! One table (`data/en/calendar.tsv`) of month and weekday names with their
//! abbreviations; every stage that reads a date looks words up here. Units
//! of duration ("90 minutes") are units like any other, in
//! `data/en/units.tsv`, read by [`crate::nlp::numbers`].

use crate::nlp::data::rows;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// A month or a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarKind {
    Month,
    Weekday,
}

/// One row of the calendar table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarWord {
    /// Lower case, no period ("sept").
    pub form: &'static str,
    pub kind: CalendarKind,
    /// Month 1–12, or weekday 1–7 from Monday.
    pub number: u8,
    /// An abbreviation ("Jan", "Tues") rather than the full name.
    pub abbreviation: bool,
    /// The full name is also a common word ("may", "march"): its capital at
    /// a sentence start proves nothing.
    pub ambiguous: bool,
}

static TABLE: LazyLock<Vec<CalendarWord>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/calendar.tsv"))
        .map(|r| CalendarWord {
            form: r[0],
            kind: match r[1] {
                "month" => CalendarKind::Month,
                "weekday" => CalendarKind::Weekday,
                other => panic!("data/en/calendar.tsv: unknown kind {other:?}"),
            },
            number: r[2].parse().expect("data/en/calendar.tsv: number"),
            abbreviation: r[3] == "abbreviation",
            ambiguous: r.get(4) == Some(&"ambiguous"),
        })
        .collect()
});

static INDEX: LazyLock<HashMap<&'static str, CalendarWord>> =
    LazyLock::new(|| TABLE.iter().map(|c| (c.form, *c)).collect());

/// Every calendar word, in table order.
pub fn words() -> impl Iterator<Item = &'static CalendarWord> {
    TABLE.iter()
}

/// The calendar word a lower-case word is ("sept", "tuesday"), if any.
pub fn lookup(lower: &str) -> Option<&'static CalendarWord> {
    INDEX.get(lower)
}

/// The month (1–12) a lower-case word names, abbreviations included.
pub fn month(lower: &str) -> Option<u8> {
    lookup(lower)
        .filter(|c| c.kind == CalendarKind::Month)
        .map(|c| c.number)
}

/// The weekday (1–7 from Monday) a lower-case word names.
pub fn weekday(lower: &str) -> Option<u8> {
    lookup(lower)
        .filter(|c| c.kind == CalendarKind::Weekday)
        .map(|c| c.number)
}

/// Earliest and latest year read as a year when written as four digits.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2099;

/// The year a word is: four ASCII digits within [`YEARS`].
pub fn year(raw: &str) -> Option<u16> {
    if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse().ok().filter(|y| YEARS.contains(y))
}

static TIME_ZONES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/time_zones.txt"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// Is this lower-case word a time zone's abbreviation ("gmt", "edt"),
/// from `data/en/time_zones.txt`? The number before one is a clock time.
pub fn is_time_zone(lower: &str) -> bool {
    TIME_ZONES.contains(lower)
}

/// A regular-expression alternation (no flags, no group) of every form of
/// one kind, longest first so that "september" wins over "sep".
pub fn pattern(kind: CalendarKind) -> String {
    let mut forms: Vec<&str> = words().filter(|c| c.kind == kind).map(|c| c.form).collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_their_abbreviations_only() {
        for z in ["gmt", "utc", "edt", "bst", "hkt", "aest"] {
            assert!(is_time_zone(z), "{z}");
        }
        // Ordinary words and one-letter forms are not read as zones.
        for w in ["west", "east", "z", "gm", "time", "GMT"] {
            assert!(!is_time_zone(w), "{w}");
        }
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("january"), Some(1));
        assert_eq!(month("mar"), Some(3));
        assert_eq!(month("monday"), None);
        assert_eq!(weekday("thurs"), Some(4));
        assert_eq!(weekday("sunday"), Some(7));
        assert_eq!(month("mayor"), None);
        assert!(lookup("may").is_some_and(|c| c.ambiguous && !c.abbreviation));
        assert!(lookup("june").is_some_and(|c| !c.ambiguous));
        assert_eq!(
            words().filter(|c| c.kind == CalendarKind::Month).count(),
            24
        );
    }

    #[test]
    fn years() {
        assert_eq!(year("2009"), Some(2009));
        assert_eq!(year("1899"), None);
        assert_eq!(year("209"), None);
        assert_eq!(year("20x9"), None);
        assert_eq!(year("２００９"), None);
    }

    #[test]
    fn pattern_prefers_long_forms() {
        let p = pattern(CalendarKind::Month);
        assert!(p.starts_with("september|"));
        let forms: Vec<&str> = p.split('|').collect();
        let at = |f: &str| forms.iter().position(|x| *x == f).unwrap();
        assert!(at("sept") < at("sep") && at("june") < at("jun"));
    }
}
