//! The words the divergence stage reads by: a sentence's tokens with their
//! comparison forms, name runs, calendar words, prepositions the stop-word
//! list lacks, and title words. Shared by slots, people, predicates and
//! unique claims so that none of them depends on another for its words.
//! The token view itself is the language layer's [`Tokens`], and the title
//! predicates are [`crate::nlp::lists`]' (re-exported here).

use crate::nlp::calendar::{self, CalendarKind};
pub use crate::nlp::lists::{
    is_personal_title, is_rank_title, is_status_word, is_title_abbreviation, is_title_word,
    title_parts as parts,
};
use crate::nlp::names;
pub use crate::nlp::tokens::Tokens;
use crate::text::is_stop;

/// A full weekday name ("monday"), from [`crate::nlp::calendar`];
/// abbreviations ("Mon") are left out here.
pub fn is_weekday(norm: &str) -> bool {
    calendar::lookup(norm).is_some_and(|c| c.kind == CalendarKind::Weekday && !c.abbreviation)
}

/// A full month name ("march"), from [`crate::nlp::calendar`].
pub fn is_month(norm: &str) -> bool {
    calendar::lookup(norm).is_some_and(|c| c.kind == CalendarKind::Month && !c.abbreviation)
}

/// Runs of capitalised words that read as names ("Rand Paul", "Bank of
/// England"), as written: the language layer's name runs ([`crate::nlp::names`]) less
/// the sentence's first word, leading calendar words and leading titles
/// ("Sen.", from the titles table), two runs joined by
/// "of" counted as one. Each run as written, possessive dropped.
pub fn name_runs(t: &Tokens<'_>) -> Vec<(usize, usize, String)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for run in names::name_runs(t.text, &t.words) {
        let end = run.tokens.end;
        let mut start = run.tokens.start;
        while start < end {
            if start == 0 || is_calendar_word(t.norm(start)) {
                start += 1;
                continue;
            }
            // The layer's count where the run begins (it knows "Secretary
            // of State …"); after a skipped opener, the same rule again.
            let titles = if start == run.tokens.start {
                run.titles
            } else {
                names::title_prefix((start..end).map(|k| t.norm(k)))
            };
            match titles {
                0 => break,
                n => start += n,
            }
        }
        if start == end {
            continue;
        }
        match spans.last_mut() {
            Some(last)
                if last.1 + 1 == start
                    && t.norm(last.1) == "of"
                    && !t.break_after(last.1 - 1)
                    && !t.break_after(last.1) =>
            {
                last.1 = end;
            }
            _ => spans.push((start, end)),
        }
    }
    spans
        .into_iter()
        .map(|(start, end)| {
            let text = t.text[t.words[start].start..t.words[end - 1].end].to_string();
            let text = text
                .strip_suffix("'s")
                .or_else(|| text.strip_suffix("’s"))
                .unwrap_or(&text)
                .to_string();
            (start, end, text)
        })
        .collect()
}

/// Names of days and months, which are capitalised but are not places.
pub fn is_calendar_word(norm: &str) -> bool {
    is_weekday(norm) || (is_month(norm) && norm != "may")
}

/// Prepositions the stop-word list lacks; they end a noun phrase
/// (`data/en/prepositions.txt` less the NLTK stop words).
pub fn is_preposition(n: &str) -> bool {
    crate::nlp::lists::is_preposition(n) && !is_stop(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_runs_join_of_and_drop_possessives() {
        let t = Tokens::new("Later the Bank of England and Tehran’s envoy met on Monday.");
        let runs: Vec<String> = name_runs(&t).into_iter().map(|r| r.2).collect();
        assert_eq!(runs, vec!["Bank of England", "Tehran"]);
    }

    fn runs(text: &str) -> Vec<String> {
        name_runs(&Tokens::new(text))
            .into_iter()
            .map(|r| r.2)
            .collect()
    }

    #[test]
    fn name_runs_are_the_layers_runs_less_titles_and_openers() {
        // Titles, abbreviated or not, are left out; an initial stays inside.
        assert_eq!(
            runs("Later Sen. Lindsey Graham spoke."),
            vec!["Lindsey Graham"]
        );
        assert_eq!(runs("It said Mr. Banky left."), vec!["Banky"]);
        // A word that only qualifies a title is kept: an institution.
        assert_eq!(
            runs("It went to the Supreme Court on Monday"),
            vec!["Supreme Court"]
        );
        assert_eq!(
            runs("It said Supreme Leader Ali Khamenei spoke"),
            vec!["Ali Khamenei"]
        );
        assert_eq!(
            runs("It said Secretary of State Ana Ruiz spoke"),
            vec!["Ana Ruiz"]
        );
        assert_eq!(
            runs("It was Michael J. Fox who came."),
            vec!["Michael J. Fox"]
        );
        // The sentence's first word and a leading weekday are not names.
        assert_eq!(runs("Ruiz met Chen on Monday"), vec!["Chen"]);
        assert_eq!(runs("It happened Monday Ruiz said"), vec!["Ruiz"]);
        // Must not: "of" after a comma, or before a lower-case word, joins nothing;
        // a stop word in capitals ends a run.
        assert_eq!(runs("It was Paris, of France."), vec!["Paris", "France"]);
        assert_eq!(runs("the Bank of england"), vec!["Bank"]);
        assert_eq!(
            runs("POLICE HAVE MOVED IN THE BC INTERIOR"),
            vec!["MOVED", "BC INTERIOR"]
        );
        assert!(runs("nothing here").is_empty());
    }

    /// The stop-word filter keeps exactly the prepositions the divergence
    /// stage read before the list was joined with speaker detection's.
    #[test]
    fn extra_prepositions_are_the_former_list() {
        let data = include_str!("../../data/en/prepositions.txt");
        let mut extra: Vec<&str> = data
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|w| is_preposition(w))
            .collect();
        extra.sort_unstable();
        let mut former = vec![
            "without",
            "across",
            "within",
            "among",
            "amid",
            "despite",
            "toward",
            "towards",
            "per",
            "including",
            "near",
            "via",
            "onto",
            "upon",
            "inside",
            "outside",
        ];
        former.sort_unstable();
        assert_eq!(extra, former);
    }

    #[test]
    fn rank_titles_come_from_the_titles_table() {
        for w in [
            "president",
            "senator",
            "sen",
            "gov",
            "pope",
            "cardinal",
            "foreign",
            "crown",
        ] {
            assert!(is_rank_title(w), "{w}");
        }
        // Forms of address, abbreviations of them, and non-titles are not.
        for w in ["mr", "mrs", "sir", "dame", "dr", "st", "john", "senators"] {
            assert!(!is_rank_title(w), "{w}");
        }
        assert!(is_status_word("former") && is_status_word("late") && !is_status_word("sen"));
        assert!(is_personal_title("mr") && is_personal_title("sen") && !is_personal_title("st"));
        assert!(is_title_word("ex-president") && !is_title_word("ex-wife"));
    }
}
