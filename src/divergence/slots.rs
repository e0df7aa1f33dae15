//! Slots: the checkable values a sentence gives (how many, how much, when,
//! how old, to whom it was told, how certain), each with a head that
//! says what the value is about, so that two sentences stating one fact can
//! be compared value by value.
//!
//! Extraction is lexical and conservative: a value counts only when the
//! sentence says what it measures (the noun after a count, the name before an
//! age). A missing value is never a conflict; only different values are.

use super::predicates;
use super::words::{
    Tokens, is_calendar_word, is_month, is_personal_title, is_preposition, is_weekday,
};
use crate::nlp::lists::{Cue, FunctionClass, is_cue, is_function_word};
use crate::nlp::numbers::{self, Amount, amounts};
use crate::text::{is_stop, stem};

/// What a slot measures. The order is the order conflicts are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SlotKind {
    Count,
    Money,
    Title,
    Sourcing,
    Date,
    Age,
    Certainty,
    /// A measure of the story's event read story-wide (a quake's magnitude).
    Measure,
    /// Who one text is credited to ("…, Sheriff Robert Pickell said").
    Attribution,
}

/// One value a sentence gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub kind: SlotKind,
    /// What the value is about, normalised for comparison ("offici").
    pub head: String,
    /// The head as written, for the topic ("officials", "Donald Trump").
    pub label: String,
    /// Comparison key of the value ("2", "friday", "former president").
    pub value: String,
    /// The value as the source writes it ("two", "last Friday").
    pub display: String,
    /// For counts and money: the amount, compared as a range.
    pub amount: Option<Amount>,
    /// Content stems next to the value in its clause ("lasted", "chased"),
    /// for slots whose head alone does not say what is measured or dated.
    pub context: Vec<String>,
    /// For counts: the places the sentence names after "in", "at", "near",
    /// "across" ("in Takengon"), which may narrow what is counted.
    pub scope: Vec<String>,
}

/// Places a sentence names after a locative preposition, lower-case.
pub fn places_named(t: &Tokens<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..t.words.len() {
        if !is_cue(t.norm(i), Cue::Locative) || t.break_after(i) {
            continue;
        }
        let mut e = i + 1;
        while e < t.words.len() && t.is_cap(e) && (e == i + 1 || !t.break_after(e - 1)) {
            e += 1;
        }
        let first = t.norm(i + 1);
        if e > i + 1 && !is_calendar_word(first) && !is_stop(first) {
            out.push(t.norms[i + 1..e].join(" "));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Content stems within `window` words of `from..to` (the words that say
/// what a value measures or dates; `DivergenceParams::context_window`),
/// not crossing punctuation, without numbers or calendar words.
pub fn context_around(t: &Tokens<'_>, from: usize, to: usize, window: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = from;
    while k > 0 && from - k < window && !t.break_after(k - 1) {
        k -= 1;
        out.push(k);
    }
    let mut k = to;
    while k < t.words.len() && k - to < window && k > 0 && !t.break_after(k - 1) {
        out.push(k);
        k += 1;
    }
    let mut stems: Vec<String> = out
        .into_iter()
        .map(|k| t.norm(k))
        .filter(|n| {
            !n.is_empty()
                && !is_stop(n)
                && !is_calendar_word(n)
                && !n.chars().any(|c| c.is_ascii_digit())
        })
        .map(stem)
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

impl Slot {
    /// Does this slot need its context to match before two values clash?
    /// Dates and measured amounts (a distance, a duration) do: "chased for
    /// 30 miles" and "50 miles north of Detroit" measure different things.
    pub fn needs_context(&self) -> bool {
        self.kind == SlotKind::Date || self.amount.as_ref().is_some_and(|a| a.unit.is_some())
    }

    /// Do two counts count within the same named places? A count "in
    /// Takengon" and one "in Aceh", or one with a place and one without,
    /// may count different areas: abstain.
    pub fn same_scope(&self, other: &Slot) -> bool {
        self.scope == other.scope
    }

    /// Do two slots say what they measure with a shared word?
    pub fn same_context(&self, other: &Slot) -> bool {
        self.context.iter().any(|c| other.context.contains(c))
    }
}

impl Slot {
    /// A short topic for a conflict over this slot.
    pub fn topic(&self) -> String {
        let label = self.label.trim();
        if let Some(u) = self.amount.as_ref().and_then(|a| a.unit) {
            return u.dimension.to_string();
        }
        match self.kind {
            SlotKind::Count | SlotKind::Sourcing => format!("number of {label}"),
            SlotKind::Money if label.is_empty() => "amount of money".to_string(),
            SlotKind::Money => format!("amount of {label}"),
            SlotKind::Title => format!("title of {label}"),
            SlotKind::Date if self.head == "weekday" => "day of the week".to_string(),
            SlotKind::Date => "date".to_string(),
            SlotKind::Age if label.is_empty() => "age".to_string(),
            SlotKind::Age => format!("age of {label}"),
            SlotKind::Certainty if label.is_empty() => "certainty of the claim".to_string(),
            SlotKind::Certainty => format!("certainty of {label}"),
            SlotKind::Measure => label.to_string(),
            SlotKind::Attribution => format!("who said it: {label}"),
        }
    }
}

/// The values of every within-fact slot of a sentence (not titles or
/// sourcing, which are compared across whole documents). `window`: see
/// [`context_around`].
pub fn sentence_slots(text: &str, window: usize) -> Vec<Slot> {
    let t = Tokens::new(without_label(text));
    let mut out = Vec::new();
    out.extend(counts(&t, window));
    out.extend(dates(&t, window));
    out.extend(ages(&t));
    out.extend(certainty(&t));
    out.sort_by(|a, b| slot_order(a).cmp(&slot_order(b)));
    out.dedup_by(|a, b| slot_order(a) == slot_order(b));
    out
}

fn slot_order(s: &Slot) -> (SlotKind, &str, &str, &str) {
    (s.kind, &s.head, &s.value, &s.display)
}

/// The text after a Title-Case label such as "Nuclear Talks in Limbo: …"
/// (common in list items). In a label every word is capitalised, so its
/// capitals say nothing about names or places.
pub(super) fn without_label(text: &str) -> &str {
    let Some((label, rest)) = text.split_once(": ") else {
        return text;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    let title_case = words
        .iter()
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !words.is_empty() && words.len() <= 6 && title_case && !rest.trim().is_empty() {
        rest
    } else {
        text
    }
}

/// A four-digit number that reads as a year.
pub(super) fn is_year(t: &Tokens<'_>, a: &Amount) -> bool {
    let raw = t.words.get(a.first).map_or("", |w| w.raw);
    !a.money && raw.len() == 4 && raw.chars().all(|c| c.is_ascii_digit())
}

/// The noun a count measures: the last word of the short run of content
/// words after it ("three U.S. officials" → "officials").
pub(super) fn head_after(t: &Tokens<'_>, start: usize) -> Option<usize> {
    let mut head = None;
    let mut j = start;
    while j < t.words.len() && j < start + 4 {
        if j > start && t.break_after(j - 1) {
            break;
        }
        let n = t.norm(j);
        let w = &t.words[j];
        let participle = j > start && n.len() > 4 && (n.ends_with("ing") || n.ends_with("ed"));
        if is_stop(n)
            || is_preposition(n)
            || participle
            || w.is_numeric()
            || is_calendar_word(n)
            || predicates::outcome_of(n).is_some()
        {
            break;
        }
        head = Some(j);
        j += 1;
    }
    head.filter(|&h| {
        let n = t.norm(h);
        !n.contains('.') && !n.contains('_') && !t.is_cap(h)
    })
}

fn counts(t: &Tokens<'_>, window: usize) -> Vec<Slot> {
    let mut out = Vec::new();
    for a in amounts(t.text, &t.words, &t.norms) {
        // Not counts: years, "one of", hyphen-joined measures, figures with
        // decimals (a magnitude, a rate), and measured amounts (a duration,
        // a distance: what they measure is not said by the unit alone —
        // "chased for 30 miles" and "50 miles north of Detroit").
        if is_year(t, &a)
            || numbers::is_clock_or_date(t, &a)
            || is_ordinal_context(t, a.first)
            || a.suffix.is_some()
            || a.prefix.is_some()
            || (a.decimals && !a.money)
            || a.unit.is_some()
        {
            continue;
        }
        let after = a.end + a.unit.map_or(0, |u| u.words);
        let head = if after > a.first && t.break_after(after - 1) {
            None
        } else {
            head_after(t, after)
        };
        let kind = if a.money {
            SlotKind::Money
        } else {
            SlotKind::Count
        };
        // What happened to what is counted ("killed", "injured"): a count of
        // people killed and one of people injured are different attributes.
        let class = predicates::class_of_count(t, a.qual_start, head.unwrap_or(after - 1));
        let (head_key, label) = match (head, a.unit, class) {
            (_, Some(u), _) => (u.dimension.to_string(), u.dimension.to_string()),
            (Some(h), None, _) => (stem(t.norm(h)), t.words[h].raw.to_lowercase()),
            (None, None, Some(c)) if !a.money && c.people => {
                ("people".to_string(), "people".to_string())
            }
            (None, None, _) if a.money => (String::new(), String::new()),
            _ => continue,
        };
        // A count of people with no outcome ("20,000 people marched", "20
        // people were inside") says nothing comparable; money with nothing
        // it pays for neither; a one-letter head is a clock ("7 p.m.").
        let people_only = class.is_none() && predicates::is_people_noun(&head_key);
        if people_only || head_key.chars().count() == 1 || (a.money && head_key.is_empty()) {
            continue;
        }
        let (head_key, label) = match class {
            Some(c) if !a.money => {
                let head_key = if c.people && predicates::is_people_noun(&head_key) {
                    "people".to_string()
                } else {
                    head_key
                };
                (
                    format!("{head_key} {}", c.name),
                    format!("{label} {}", c.name),
                )
            }
            _ => (head_key, label),
        };
        out.push(Slot {
            kind,
            head: head_key,
            label,
            value: a.key(),
            display: t.span(a.qual_start, a.end + a.unit.map_or(0, |u| u.words)),
            context: context_around(
                t,
                a.qual_start,
                a.end + a.unit.map_or(0, |u| u.words),
                window,
            ),
            scope: places_named(t),
            amount: Some(a),
        });
    }
    out
}

/// "one of", "the two": a number that names rather than counts.
pub(super) fn is_ordinal_context(t: &Tokens<'_>, i: usize) -> bool {
    matches!(t.norm(i + 1), "of") || matches!(i.checked_sub(1).map(|p| t.norm(p)), Some("the"))
}

/// Verbs of reporting: a day right after or before one dates the report
/// ("said Wednesday", "Monday's statement said"), not the event
/// (`data/en/report_verbs.txt`).
fn is_report_verb(n: &str) -> bool {
    crate::nlp::lists::is_report_verb(n)
}

/// Days and dates that date an event. A weekday and a calendar date are
/// different kinds (comparing them needs a calendar), so each is its own
/// slot; a day that dates a report ("police said Wednesday"), a byline
/// ("Posted on November 15, 2011 6:07 PM") or that qualifies a noun ("the
/// Monday morning attack") is not read.
fn dates(t: &Tokens<'_>, window: usize) -> Vec<Slot> {
    let mut out = Vec::new();
    for (i, n) in t.norms.iter().enumerate() {
        let n = n.as_str();
        let (head, value, from, to) = if is_weekday(n) {
            let from = match i.checked_sub(1).map(|p| t.norm(p)) {
                Some("last" | "next" | "this" | "on" | "since" | "until" | "by") => i - 1,
                _ => i,
            };
            ("weekday", n.to_string(), from, i + 1)
        } else if is_month(n) && t.is_cap(i) {
            match day_number(t.norm(i + 1)) {
                Some(d) => ("date", format!("{n} {d}"), i, i + 2),
                None => continue,
            }
        } else {
            continue;
        };
        let before = |k: usize| from.checked_sub(k).map_or("", |p| t.norm(p));
        let reported = is_report_verb(before(1))
            || (is_report_verb(t.norm(to)) && !t.break_after(to - 1))
            || (t.norm(to) == "'s"
                || t.words[i].raw.ends_with("'s")
                || t.words[i].raw.ends_with("’s"));
        let modifier = matches!(
            t.norm(to),
            "morning" | "afternoon" | "evening" | "night" | "attack" | "shooting" | "meeting"
        ) && matches!(before(1), "the" | "a" | "after" | "before");
        let byline = from < 4 && (0..from).any(|k| is_report_verb(t.norm(k)));
        if reported || modifier || byline {
            continue;
        }
        out.push(Slot {
            kind: SlotKind::Date,
            head: head.to_string(),
            label: String::new(),
            value,
            display: t.span(from, to),
            amount: None,
            context: context_around(t, from, to, window),
            scope: Vec::new(),
        });
    }
    out
}

fn day_number(n: &str) -> Option<u32> {
    let digits = n.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// The capitalised run of words ending right before `end` ("Ana Ruiz").
fn name_before(t: &Tokens<'_>, end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    while s > 0 && t.is_cap(s - 1) && !is_stop(t.norm(s - 1)) && (s == end || !t.break_after(s - 1))
    {
        s -= 1;
    }
    (s < end).then_some((s, end))
}

fn ages(t: &Tokens<'_>) -> Vec<Slot> {
    let mut out = Vec::new();
    for (i, n) in t.norms.iter().enumerate() {
        let (age, name) = if let Some(num) = n.strip_suffix("-year-old") {
            (num.parse::<u32>().ok(), name_after(t, i + 1))
        } else if matches!(n.as_str(), "aged" | "age") {
            (t.norm(i + 1).parse::<u32>().ok(), name_before(t, i))
        } else if t.words[i].is_numeric()
            && i > 0
            && t.break_after(i - 1)
            && t.break_after(i)
            && t.text
                .get(t.words[i - 1].end..t.words[i].start)
                .is_some_and(|g| g.trim() == ",")
        {
            (n.parse::<u32>().ok(), name_before(t, i))
        } else {
            continue;
        };
        let Some(age) = age.filter(|a| (1..=120).contains(a)) else {
            continue;
        };
        // An age belongs to one named person: capitalised words that are
        // not a title, and (after "38-year-old") not an adjective before a
        // noun ("a 38-year-old Troy man"). Keyed by surname, so two people's
        // ages are never compared.
        let Some((a, b)) = name.filter(|&(a, b)| {
            b > a
                && !(a..b).any(|k| is_personal_title(t.norm(k)))
                && !t.words.get(b).is_some_and(|w| {
                    !t.break_after(b - 1) && !w.is_capitalised() && !is_stop(t.norm(b))
                })
        }) else {
            continue;
        };
        out.push(Slot {
            kind: SlotKind::Age,
            head: t.norms[a..b].join(" "),
            label: t.span(a, b),
            value: age.to_string(),
            display: t.words[i].raw.to_string(),
            amount: None,
            context: Vec::new(),
            scope: Vec::new(),
        });
    }
    out
}

fn name_after(t: &Tokens<'_>, start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < t.words.len() && t.is_cap(e) && (e == start || !t.break_after(e - 1)) {
        e += 1;
    }
    (e > start).then_some((start, e))
}

/// How firmly a sentence states its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Certainty {
    Confirmed,
    Reported,
    Expected,
}

fn certainty_marker(t: &Tokens<'_>) -> Option<(Certainty, usize, usize)> {
    let negated = |i: usize| {
        (i.saturating_sub(3)..i).any(|p| is_function_word(t.norm(p), FunctionClass::Negation))
    };
    for i in 0..t.words.len() {
        let n = t.norm(i);
        let next = t.norm(i + 1);
        let found = match n {
            "confirmed" | "confirms" | "confirm" if !negated(i) => {
                Some((Certainty::Confirmed, i, i + 1))
            }
            "reportedly" | "allegedly" | "purportedly" | "apparently" => {
                Some((Certainty::Reported, i, i + 1))
            }
            "said" | "reported" | "believed" | "thought"
                if next == "to" && i > 0 && is_be(t.norm(i - 1)) =>
            {
                Some((Certainty::Reported, i - 1, i + 2))
            }
            "expected" | "set" | "poised" | "likely" | "scheduled"
                if next == "to" && !negated(i) =>
            {
                Some((Certainty::Expected, i, (i + 3).min(t.words.len())))
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn is_be(n: &str) -> bool {
    is_function_word(n, FunctionClass::Be)
}

fn certainty(t: &Tokens<'_>) -> Vec<Slot> {
    let Some((level, s, e)) = certainty_marker(t) else {
        return Vec::new();
    };
    let value = match level {
        Certainty::Confirmed => "confirmed",
        Certainty::Reported => "reported",
        Certainty::Expected => "expected",
    };
    vec![Slot {
        kind: SlotKind::Certainty,
        head: String::new(),
        label: String::new(),
        value: value.to_string(),
        display: t.span(s, e),
        amount: None,
        context: Vec::new(),
        scope: Vec::new(),
    }]
}

/// The certainty of a sentence that states its claim without any marker.
pub const STATED: &str = "stated";

/// Two certainty values that an editor would flag: a confirmation against a
/// report or an expectation, or a plain statement against an expectation
/// ("pleaded" against "is expected to plead"); not a report against a
/// plain statement, which is how most aligned sentences differ.
pub fn certainty_clash(a: &str, b: &str) -> bool {
    let pair = |x: &str, y: &str| (a == x && b == y) || (a == y && b == x);
    pair("confirmed", "reported") || pair("confirmed", "expected") || pair(STATED, "expected")
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINDOW: usize = 4;

    fn of_kind(text: &str, kind: SlotKind) -> Vec<(String, String)> {
        sentence_slots(text, WINDOW)
            .into_iter()
            .filter(|s| s.kind == kind)
            .map(|s| (s.value, s.head))
            .collect()
    }

    #[test]
    fn counts_read_words_and_digits_alike() {
        let a = of_kind(
            "Rescuers pulled two climbers from the ridge.",
            SlotKind::Count,
        );
        let b = of_kind(
            "Rescuers pulled 2 climbers from the ridge.",
            SlotKind::Count,
        );
        assert_eq!(a, b);
        assert_eq!(a, vec![("2".to_string(), stem("climbers"))]);
    }

    #[test]
    fn over_two_hundred_keeps_its_qualifier_for_display() {
        let s = sentence_slots("The storm left over 200 households without power.", WINDOW);
        let c = s.iter().find(|s| s.kind == SlotKind::Count).expect("count");
        assert_eq!(c.value, "200");
        assert_eq!(c.display, "over 200");
        assert_eq!(c.label, "households");
    }

    #[test]
    fn a_month_and_day_is_a_date_not_a_count() {
        assert!(of_kind("He was hurt in the Dec. 19 game at home.", SlotKind::Count).is_empty());
        assert!(of_kind("He was hurt in the March 3 race.", SlotKind::Count).is_empty());
        // Must still count: a number of games.
        assert_eq!(
            of_kind("He was hurt in 19 games at home.", SlotKind::Count),
            vec![("19".to_string(), stem("games"))]
        );
    }

    #[test]
    fn years_and_one_of_are_not_counts() {
        assert!(of_kind("In 2019 one of the pumps failed.", SlotKind::Count).is_empty());
    }

    #[test]
    fn money_amounts() {
        let s = of_kind(
            "The mill paid a $1 million fine on Tuesday.",
            SlotKind::Money,
        );
        assert_eq!(s[0].0, "$1000000");
        let s = of_kind("He posted $500,000 bail.", SlotKind::Money);
        assert_eq!(s[0].0, "$500000");
    }

    #[test]
    fn days_and_dates() {
        let s = sentence_slots("The vote took place last Friday, not on March 3.", WINDOW);
        let d: Vec<_> = s.iter().filter(|s| s.kind == SlotKind::Date).collect();
        assert_eq!(d.len(), 2);
        assert!(
            d.iter()
                .any(|s| s.value == "friday" && s.display == "last Friday")
        );
        assert!(d.iter().any(|s| s.value == "march 3"));
    }

    #[test]
    fn a_day_beside_a_report_verb_dates_the_report() {
        let days = |text: &str| of_kind(text, SlotKind::Date);
        // Fires: the day dates the report, not the event.
        assert!(days("Police said Wednesday that the bridge had closed.").is_empty());
        assert!(days("The ministry announced on Friday that the bridge closed.").is_empty());
        assert!(days("The bridge closed, the mayor's office announced Friday.").is_empty());
        // Does not fire: the day dates the event; the report verb is elsewhere.
        assert_eq!(
            days("The bridge closed on Wednesday, police said.")[0].0,
            "wednesday"
        );
        assert_eq!(
            days("Police said the bridge closed on Friday after the storm.")[0].0,
            "friday"
        );
    }

    #[test]
    fn ages_in_three_forms() {
        assert_eq!(
            of_kind("Mara Voss, 41, was arrested.", SlotKind::Age)[0].0,
            "41"
        );
        assert_eq!(
            of_kind("The 41-year-old Mara Voss was arrested.", SlotKind::Age)[0].0,
            "41"
        );
        assert_eq!(
            of_kind("Police named Mara Voss, aged 39, on Monday.", SlotKind::Age)[0].0,
            "39"
        );
    }

    #[test]
    fn ages_of_nobody_named_are_not_read() {
        assert!(of_kind("A 41-year-old baker was arrested.", SlotKind::Age).is_empty());
        assert!(of_kind("The baker, aged 39, was arrested.", SlotKind::Age).is_empty());
        assert!(of_kind("He is a 38-year-old Troy resident.", SlotKind::Age).is_empty());
        assert!(of_kind("The baker, 47, was treated.", SlotKind::Age).is_empty());
        assert_eq!(
            of_kind("Riva, 47, was treated.", SlotKind::Age)[0].1,
            "riva"
        );
        let two = sentence_slots("James Foley, 40, and Austin Tice, 31, were taken.", WINDOW);
        let heads: Vec<&str> = two
            .iter()
            .filter(|s| s.kind == SlotKind::Age)
            .map(|s| s.head.as_str())
            .collect();
        assert_eq!(heads, vec!["austin tice", "james foley"]);
        let sibling = sentence_slots(
            "Katie Jenkin, 20, and her brother John Jenkin, 23, were named.",
            WINDOW,
        );
        let heads: Vec<&str> = sibling
            .iter()
            .filter(|s| s.kind == SlotKind::Age)
            .map(|s| s.head.as_str())
            .collect();
        assert_eq!(
            heads,
            vec!["john jenkin", "katie jenkin"],
            "two people of one family"
        );
    }

    #[test]
    fn certainty_markers() {
        assert_eq!(
            of_kind("Police confirmed the arrest.", SlotKind::Certainty)[0].0,
            "confirmed"
        );
        assert_eq!(
            of_kind("The clerk reportedly took the files.", SlotKind::Certainty)[0].0,
            "reported"
        );
        assert_eq!(
            of_kind("He is expected to plead guilty.", SlotKind::Certainty)[0].0,
            "expected"
        );
        let e = sentence_slots("He is expected to plead guilty.", WINDOW);
        assert_eq!(e[0].display, "expected to plead");
        assert!(of_kind("She did not confirm the arrest.", SlotKind::Certainty).is_empty());
        assert!(
            of_kind(
                "The toll was not expected to rise further.",
                SlotKind::Certainty
            )
            .is_empty(),
            "a negated expectation is a plain statement"
        );
        assert!(certainty_clash("confirmed", "expected"));
        assert!(!certainty_clash("reported", "expected"));
        assert!(certainty_clash(STATED, "expected"));
        assert!(!certainty_clash(STATED, "reported"));
    }
}
