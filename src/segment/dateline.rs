//! Datelines and timestamps that open an article's first paragraph.
//!
//! Many sites print the publication time in front of the first sentence
//! ("11 / 30 / 09 05:40 PM ET A convicted…", "March 04, 2009 In a move…",
//! "WEDNESDAY, MARCH 4, 2009, 10:53 AM President…"). It is page furniture,
//! not a claim: left in, its numbers would read as facts and its date as a
//! conflicting date. The sentence keeps its verbatim text from the first
//! word after the dateline.

use crate::nlp::calendar::{self, CalendarKind};
use regex::Regex;
use std::sync::OnceLock;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = format!(r"(?:{})\.?", calendar::pattern(CalendarKind::Month));
        let weekday = format!(r"(?:{})\.?", calendar::pattern(CalendarKind::Weekday));
        let time = r"\d{1,2}\s?[:.]\s?\d{2}(?:\s?(?:[ap]\.?\s?m\.?|am|pm))?(?:\s(?:gmt|bst|edt|est|et|pt|pdt|pst|cet|cest|utc|ist|hkt|jst|aest|aedt|cst|cdt|ct|mst|mdt|mt|sast|wat|eat|msk))?";
        let numeric_date = r"\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}";
        let month_date = format!(
            r"(?:{month}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}\s{month},?\s\d{{4}}|{month}\s\d{{4}})"
        );
        let element = format!(
            r"(?:(?:first\s)?(?:updated|posted|published|edited|last updated|last modified)(?:\s(?:time|on|at))?\s?:?|{time}|{numeric_date}|{month_date}|{weekday}|at)"
        );
        let re = format!(r"(?i)^(?:{element}\s?[,|•·/-]?\s*)+(?:\([A-Za-z][A-Za-z .&]{{0,30}}\)\s*)?(?:[-—–]\s*)?");
        Regex::new(&re).expect("dateline pattern compiles")
    })
}

/// A wire dateline: a place, optionally followed by the agency in
/// parentheses, then a dash or the date ("WASHINGTON (Reuters) - ",
/// "LONDON — ", "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA) ").
fn place_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let upper_place = r"[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3},?(?:\s[A-Z][a-z]+\.?)?";
        let agency = r"\([A-Za-z][A-Za-z .&]{0,30}\)";
        let re = format!(r"^{upper_place}\s(?:{agency}\s*)?[-—–]\s*");
        Regex::new(&re).expect("wire dateline pattern compiles")
    })
}

/// A place name that opens a dateline before its date: capitalised words
/// ("Washington D. C., ") followed by a comma.
fn place_before_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[A-Z][A-Za-z'.]*(?:\s(?:[A-Z][A-Za-z'.]*|[A-Z]\.\s?[A-Z]\.))*,\s")
            .expect("place pattern compiles")
    })
}

/// Length in bytes of a dateline at the start of `text`, or 0. Only a
/// prefix with a date or time in it counts, and only when a capitalised
/// word (the sentence) follows it.
pub fn dateline_len(text: &str) -> usize {
    if let Some(m) = place_pattern().find(text)
        && followed_by_sentence(&text[m.end()..])
    {
        return m.end();
    }
    // "Washington D. C., Jul 13, 2009 …": a place, then a dated dateline.
    if let Some(p) = place_before_date().find(text) {
        let rest = dated_len(&text[p.end()..]);
        if rest > 0 {
            return p.end() + rest;
        }
    }
    dated_len(text)
}

/// Does a sentence (a capitalised word, or a quotation) start here, with a
/// few words in it?
fn followed_by_sentence(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || crate::text::is_double_quote(c))
        && rest.split_whitespace().count() >= 3
}

/// Length of a dateline made of dates and times at the start of `text`.
/// Some sites open the stamp with a lower-case "on" ("on April 30, 2008 at
/// 4:31 AM, updated April 30, 2008 at 8:33 AM A jury…"); that is a stamp
/// only when it holds a clock time or a publication word, since "On March
/// 9, 2009 President Obama signed…" is a sentence.
fn dated_len(text: &str) -> usize {
    if let Some(rest) = text.strip_prefix("on ") {
        let len = stamp_len(rest);
        let prefix = &rest[..len];
        let low = prefix.to_lowercase();
        let stamped = prefix.contains(':')
            || ["updated", "posted", "published"]
                .iter()
                .any(|w| low.contains(w));
        return if len > 0 && stamped { 3 + len } else { 0 };
    }
    stamp_len(text)
}

/// Length of a run of dates, times and publication words at the start of
/// `text` that a sentence follows, or 0.
fn stamp_len(text: &str) -> usize {
    let Some(m) = pattern().find(text) else {
        return 0;
    };
    let prefix = m.as_str();
    let has_date = prefix.chars().any(|c| c.is_ascii_digit());
    // "March 9, 2009 The…" is a dateline; "Monday was quiet" is a sentence.
    let has_year_or_time = prefix.contains(':')
        || prefix.contains('/')
        || prefix
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4 || d.len() == 2 && prefix.contains(". "));
    if has_date && has_year_or_time && followed_by_sentence(&text[m.end()..]) {
        m.end()
    } else {
        0
    }
}

/// Is the whole text a dateline or timestamp ("updated 8:41 p. m. EST,
/// Tue March 3, 2009")? Such a line is furniture.
pub fn is_dateline(text: &str) -> bool {
    let t = text.trim();
    pattern().find(t).is_some_and(|m| {
        m.end() == t.len() && t.chars().filter(|c| c.is_ascii_digit()).count() >= 3
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(text: &str) -> &str {
        &text[dateline_len(text)..]
    }

    #[test]
    fn strips_common_datelines() {
        assert_eq!(
            rest("11 / 30 / 09 05:40 PM ET A convicted man fled on foot."),
            "A convicted man fled on foot."
        );
        assert_eq!(
            rest("March 04, 2009 In a move that will matter, the rule changed."),
            "In a move that will matter, the rule changed."
        );
        assert_eq!(
            rest("WEDNESDAY, MARCH 4, 2009, 10:53 AM President Obama announced plans."),
            "President Obama announced plans."
        );
        assert_eq!(
            rest("7:15 a. m. Dec. 7, 2009 A convicted sex offender was captured."),
            "A convicted sex offender was captured."
        );
        assert_eq!(
            rest("Nov. 30, 2009 A convicted child molester escaped today."),
            "A convicted child molester escaped today."
        );
        assert_eq!(
            rest("Tuesday 28 April 2009 22. 34 BST The administration overturned the rule."),
            "The administration overturned the rule."
        );
    }

    #[test]
    fn strips_publication_stamps_of_news_sites() {
        for (text, rest_of_it) in [
            (
                "Published time: March 12, 2013 02:03 Edited time: March 13, 2013 02:15 Police intervened after the vigil.",
                "Police intervened after the vigil.",
            ),
            (
                "Published: Dec. 19, 2005 at 9:44 PM Vincent Gigante, the mob boss, died.",
                "Vincent Gigante, the mob boss, died.",
            ),
            (
                "Published at 12:45, Wednesday, 12 June 2013 A provisional trial date has been set.",
                "A provisional trial date has been set.",
            ),
            (
                "First Published: June 13, 2013 4:59 PM EDT Lindsay Lohan has left the center.",
                "Lindsay Lohan has left the center.",
            ),
            (
                "Published Sunday, Aug 4 2013, 19:30 BST Peter Capaldi is to be the new star.",
                "Peter Capaldi is to be the new star.",
            ),
            (
                "Published on: Friday, April 10, 2009 The pirates held the captain.",
                "The pirates held the captain.",
            ),
            (
                "on March 3, 2011 at 6:12 PM, updated March 4, 2011 at 9:05 AM The council voted.",
                "The council voted.",
            ),
            (
                "on Oct. 2, 2012, updated Oct. 3, 2012 Two ferries collided.",
                "Two ferries collided.",
            ),
        ] {
            assert_eq!(rest(text), rest_of_it, "{text}");
        }
    }

    #[test]
    fn a_sentence_about_publishing_or_editing_is_not_a_stamp() {
        for s in [
            "Published reports said 12 people died on Monday.",
            "Edited footage aired at 9:30 on Friday.",
            "At 5:30 on Monday the pirates fired.",
            "At least 12 people died on March 3, 2009.",
            "On March 9, 2009 President Obama signed the order.",
            "on March 9, 2009 President Obama signed the order.",
        ] {
            assert_eq!(dateline_len(s), 0, "{s}");
        }
    }

    #[test]
    fn whole_timestamps() {
        assert!(is_dateline("updated 8:41 p. m. EST, Tue March 3, 2009"));
        assert!(is_dateline("March 3, 2009"));
        assert!(!is_dateline("The vote is on March 3, 2009."));
        assert!(!is_dateline("Monday"));
    }

    #[test]
    fn strips_wire_datelines() {
        assert_eq!(
            rest(
                "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA) President Barack Obama has announced his pick."
            ),
            "President Barack Obama has announced his pick."
        );
        assert_eq!(
            rest("WASHINGTON (Reuters) - The Senate voted on Tuesday to confirm her."),
            "The Senate voted on Tuesday to confirm her."
        );
        assert_eq!(
            rest(
                "INDONESIA, July 2, 2013 Updated: July 2, 2013 15:01 IST A strong earthquake struck."
            ),
            "A strong earthquake struck."
        );
        assert_eq!(
            rest("LONDON — The Bank of England held rates steady on Thursday."),
            "The Bank of England held rates steady on Thursday."
        );
    }

    #[test]
    fn leaves_ordinary_sentences_alone() {
        for s in [
            "In 2009 the council met twice.",
            "May 9 is the deadline for a ruling, officials said.",
            "Monday was quiet in the capital.",
            "12 people were hurt in the crash.",
            "March on Washington draws thousands.",
            "2009 Was A Year Of Floods, the report says.",
            "Washington, the capital, was quiet on Sunday.",
            "NATO - the alliance - met in Brussels on Monday.",
            "Mayor Lena Ortiz, 52, said the bridge would reopen.",
        ] {
            assert_eq!(dateline_len(s), 0, "{s}");
        }
    }
}
