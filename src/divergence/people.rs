//! Slots compared across whole documents rather than aligned sentences:
//! the title each source gives a person ("former President" before the same
//! name) and how many anonymous sources a report rests on ("according to
//! three officials"). Outlets state these once, in different sentences, so
//! they are read per document and compared between documents.

use super::slots::{Slot, SlotKind};
use super::words::{
    Tokens, is_rank_title, is_status_word, is_title_abbreviation, is_title_word, parts,
};
use crate::nlp::lists::{Cue, is_cue};
use crate::nlp::numbers::amount_at;
use crate::text::{is_stop, stem};

/// Words `i` and `i + 1` belong to one phrase (allowing "Sen. Ana").
fn joined(t: &Tokens<'_>, i: usize) -> bool {
    if !t.break_after(i) {
        return true;
    }
    let gap = match (t.words.get(i), t.words.get(i + 1)) {
        (Some(a), Some(b)) => t.text.get(a.end..b.start).unwrap_or(","),
        _ => return false,
    };
    gap.trim() == "." && is_title_abbreviation(t.norm(i))
}

/// A person named with a title before the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Titled {
    /// Surname, normalised: who this is.
    pub person: String,
    pub name: String,
    /// Status words, sorted ("former").
    pub status: Vec<String>,
    /// Title words in order ("prime minister").
    pub core: Vec<String>,
    /// The title as written ("Former U.S. President").
    pub display: String,
}

/// Every titled name in a sentence.
pub fn titled_names(text: &str) -> Vec<Titled> {
    let t = Tokens::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.words.len() {
        match titled_at(&t, i) {
            Some((found, end)) => {
                out.push(found);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A title phrase starting at word `i` followed by a capitalised name.
fn titled_at(t: &Tokens<'_>, i: usize) -> Option<(Titled, usize)> {
    if !is_title_word(t.norm(i)) {
        return None;
    }
    // Extend over title words and capitalised words ("Former U.S. President").
    let mut end = i + 1;
    while end < t.words.len()
        && joined(t, end - 1)
        && (is_title_word(t.norm(end)) || t.is_cap(end))
        && !is_stop(t.norm(end))
    {
        end += 1;
    }
    let last_title = (i..end).rev().find(|&k| is_title_word(t.norm(k)))?;
    let name_start = last_title + 1;
    let capitalised = t.words[last_title]
        .raw
        .rsplit('-')
        .next()
        .is_some_and(|p| p.starts_with(char::is_uppercase));
    if name_start >= end || !capitalised {
        return None;
    }
    let core: Vec<String> = (i..name_start)
        .flat_map(|k| {
            parts(t.norm(k))
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|p| is_rank_title(p))
        .collect();
    let mut status: Vec<String> = (i..name_start)
        .flat_map(|k| {
            parts(t.norm(k))
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|p| is_status_word(p))
        .map(|p| if p == "ex" { "former".to_string() } else { p })
        .collect();
    status.sort();
    status.dedup();
    if core.is_empty() {
        return None;
    }
    let person = t.norm(end - 1).to_string();
    Some((
        Titled {
            person,
            name: t.span(name_start, end),
            status,
            core,
            display: t.span(i, name_start),
        },
        end,
    ))
}

/// The full word an abbreviated title stands for ("Sen." = "Senator").
fn expand(word: &str) -> &str {
    match word {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "col" => "colonel",
        "lt" => "lieutenant",
        "sgt" => "sergeant",
        "capt" => "captain",
        "prof" => "professor",
        "supt" => "superintendent",
        "cmdr" => "commander",
        "adm" => "admiral",
        "det" => "detective",
        "insp" => "inspector",
        "pres" => "president",
        "congressman" | "congresswoman" => "representative",
        "chairwoman" | "chair" => "chairman",
        "spokeswoman" | "spokesperson" => "spokesman",
        other => other,
    }
}

/// Whether a person holds the office now, as a title says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// "President", "Acting President", "late President" (who held it when
    /// they died), "outgoing President".
    Holds,
    /// "then-President": in the time the sentence speaks of; fits any other.
    Then,
    /// "former President", "ex-President".
    Former,
    /// "President-elect", "incoming President": not yet.
    NotYet,
}

/// A military rank, which an officer keeps on retiring (Quirk et al. and
/// the usage of the AP Stylebook, "retired"): unlike an office, "Retired
/// General" and "General" are one standing.
fn is_military_rank(w: &str) -> bool {
    matches!(
        expand(w),
        "general"
            | "admiral"
            | "colonel"
            | "major"
            | "captain"
            | "lieutenant"
            | "sergeant"
            | "commander"
            | "brigadier"
            | "marshal"
            | "commodore"
    )
}

fn standing(t: &Titled) -> Standing {
    let has = |w: &str| t.status.iter().any(|s| s == w);
    if has("then") {
        Standing::Then
    } else if has("retired") && !t.core.is_empty() && t.core.iter().all(|w| is_military_rank(w)) {
        // A retired officer keeps the rank ("Retired General Clark" is
        // "General Clark"); a retired office holder does not.
        Standing::Holds
    } else if has("former") || has("retired") || has("deposed") {
        Standing::Former
    } else if has("elect") || has("incoming") {
        Standing::NotYet
    } else {
        Standing::Holds
    }
}

/// Does the title say the person held the office before ("former")?
pub fn is_former(t: &Titled) -> bool {
    standing(t) == Standing::Former
}

/// Does the title say the person holds the office (no status word but
/// "late", "acting", "outgoing")?
pub fn holds(t: &Titled) -> bool {
    standing(t) == Standing::Holds
}

/// Two titles an editor would flag: the same office, held now by one
/// source's account and formerly by another's ("former President" against
/// "President"). Everything else is compatible: an abbreviation and its
/// word ("Sen." = "Senator"), "late" (a dead holder), "then-", "acting",
/// and different offices, which one person can hold one after the other
/// ("Sen. Kerry", later "Secretary of State Kerry") or at once.
pub fn titles_clash(a: &Titled, b: &Titled) -> bool {
    let (sa, sb) = (standing(a), standing(b));
    let same_office = a
        .core
        .iter()
        .map(|w| expand(w))
        .any(|w| b.core.iter().any(|v| expand(v) == w));
    let pair = |x: Standing, y: Standing| (sa == x && sb == y) || (sa == y && sb == x);
    same_office
        && (pair(Standing::Former, Standing::Holds) || pair(Standing::Former, Standing::NotYet))
}

/// The comparison key of a title: its standing and its office words,
/// abbreviations expanded ("Sen." and "Senator" give one key; "late" and
/// "acting" drop out).
pub fn title_key(t: &Titled) -> String {
    let mut words: Vec<String> = Vec::new();
    match standing(t) {
        Standing::Former => words.push("former".to_string()),
        Standing::NotYet => words.push("elect".to_string()),
        Standing::Holds | Standing::Then => {}
    }
    words.extend(t.core.iter().map(|w| expand(w).to_string()));
    words.join(" ")
}

/// Words after the noun that mark a sourcing phrase ("familiar with", "on
/// condition", "who spoke": [`Cue::SourcingAfter`]).
fn sourcing_follows(t: &Tokens<'_>, noun: usize) -> bool {
    let n1 = t.norm(noun + 1);
    is_cue(n1, Cue::SourcingAfter)
        || is_cue(&format!("{n1} {}", t.norm(noun + 2)), Cue::SourcingAfter)
}

/// A count-of-sources phrase ending at the noun `noun`, if there is one:
/// "according to two senior aides", "a person familiar with the talks".
fn sourcing_at(t: &Tokens<'_>, noun: usize) -> Option<(f64, usize)> {
    if !is_cue(&stem(t.norm(noun)), Cue::SourceNoun)
        || t.is_cap(noun) && noun > 0 && !t.is_cap(noun - 1)
    {
        return None;
    }
    let lo = noun.saturating_sub(6);
    let mut c = noun;
    while c > lo && !t.break_after(c - 1) {
        c -= 1;
        let n = t.norm(c);
        let count = match n {
            "a" | "an" => Some(1.0),
            _ => amount_at(t.text, &t.words, &t.norms, c)
                .filter(|a| !a.money && a.end <= noun)
                .map(|a| a.value),
        };
        if let Some(v) = count {
            let according = c >= 2 && t.norm(c - 2) == "according" && t.norm(c - 1) == "to";
            return (according || sourcing_follows(t, noun)).then_some((v, c));
        }
        if is_stop(n) {
            return None;
        }
    }
    None
}

/// The first count-of-sources phrase of a sentence, as a slot.
pub fn sourcing(text: &str) -> Option<Slot> {
    let t = Tokens::new(text);
    (0..t.words.len()).find_map(|noun| {
        let (value, start) = sourcing_at(&t, noun)?;
        Some(Slot {
            kind: SlotKind::Sourcing,
            head: "sourcing".to_string(),
            label: t.words[noun].raw.to_lowercase(),
            value: format!("{value}"),
            display: t.span(start, noun + 1),
            amount: None,
            context: Vec::new(),
            scope: Vec::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retired_officer_keeps_the_rank() {
        let one = |s: &str| titled_names(s).remove(0);
        let retired = one("Retired General Ana Ruiz spoke on Monday.");
        let plain = one("General Ana Ruiz spoke on Monday.");
        assert!(!titles_clash(&retired, &plain));
        // Must still clash: a retired office holder is a former one.
        let retired = one("Retired Senator Ana Ruiz spoke on Monday.");
        let plain = one("Senator Ana Ruiz spoke on Monday.");
        assert!(titles_clash(&retired, &plain));
    }

    #[test]
    fn titles_before_names() {
        let t = titled_names("Former U.S. President Ana Ruiz met Sen. Lee Park on Monday.");
        assert_eq!(t.len(), 2);
        assert_eq!(title_key(&t[0]), "former president");
        assert_eq!(t[0].name, "Ana Ruiz");
        assert_eq!(t[0].person, "ruiz");
        assert_eq!(t[1].core, vec!["sen"]);
        assert_eq!(t[1].name, "Lee Park");
    }

    #[test]
    fn title_clashes() {
        let former = &titled_names("former President Ana Ruiz spoke.")[0];
        let plain = &titled_names("President Ana Ruiz spoke.")[0];
        assert!(titles_clash(former, plain));
        let full = &titled_names("Grand Mufti Chief Judge Omar Sato ruled.")[0];
        let short = &titled_names("Chief Judge Omar Sato ruled.")[0];
        assert!(!titles_clash(full, short));
        let gov = &titled_names("Governor Omar Sato ruled.")[0];
        assert!(
            !titles_clash(gov, short),
            "two offices: one after the other, or both"
        );
    }

    #[test]
    fn compatible_titles() {
        let one = |s: &str| titled_names(s).remove(0);
        let pairs = [
            (
                "Sen. Ted Kennedy spoke.",
                "The late Sen. Ted Kennedy spoke.",
            ),
            ("Sen. Ted Kennedy spoke.", "Senator Ted Kennedy spoke."),
            (
                "Qeshm Gov. Heidar Alishvandi said.",
                "Governor Heidar Alishvandi said.",
            ),
            (
                "Troy police Lt. Gerry Scherlinck said.",
                "Lieutenant Gerry Scherlinck said.",
            ),
            ("Sen. John Kerry spoke.", "Secretary John Kerry spoke."),
            (
                "then-Senator John Kerry spoke.",
                "former Senator John Kerry spoke.",
            ),
        ];
        for (a, b) in pairs {
            let (x, y) = (one(a), one(b));
            assert!(!titles_clash(&x, &y), "{a} / {b}");
        }
        assert_eq!(title_key(&one(pairs[1].0)), title_key(&one(pairs[1].1)));
        let former = one("Former Sen. Ted Kennedy spoke.");
        assert!(titles_clash(&former, &one(pairs[1].1)));
    }

    #[test]
    fn forms_of_address_and_kinship_are_not_titles() {
        // "Mr." and lower-case kinship words say nothing about a post.
        assert!(titled_names("Mr. John Kerry spoke.").is_empty());
        assert!(titled_names("His brother John Hart spoke.").is_empty());
        assert!(titled_names("Sir Elton John sang.").is_empty());
        // A capitalised clerical rank is one.
        assert_eq!(titled_names("Father John Hart spoke.").len(), 1);
        assert_eq!(titled_names("Archbishop Desmond Tutu spoke.").len(), 1);
    }

    #[test]
    fn lower_case_title_without_name_is_skipped() {
        assert!(titled_names("The president said nothing.").is_empty());
    }

    #[test]
    fn attribution_counts() {
        let s = sourcing("The plan stalled, according to three city officials.").expect("three");
        assert_eq!(s.value, "3");
        assert_eq!(s.display, "three city officials");
        let s = sourcing("Two anonymous senior aides said the plan stalled.");
        assert!(s.is_none(), "a plain 'said' is a quotation, not sourcing");
        let s = sourcing("A person familiar with the talks said they stalled.").expect("a person");
        assert_eq!(s.value, "1");
        let s = sourcing("Both 2 officials speaking on background agreed.").expect("2");
        assert_eq!(s.value, "2");
        assert!(sourcing("One official asked a question.").is_none());
    }

    #[test]
    fn sourcing_fires_on_counted_unnamed_sources_only() {
        // Fires: a count of unnamed sources with a sourcing phrase.
        for (text, value) in [
            (
                "Two officials who spoke on condition of anonymity said so.",
                "2",
            ),
            ("The talks failed, according to a diplomat in Geneva.", "1"),
            ("Four aides with knowledge of the plan described it.", "4"),
            ("Three staffers briefed on the talks confirmed it.", "3"),
        ] {
            assert_eq!(
                sourcing(text).map(|s| s.value).as_deref(),
                Some(value),
                "{text}"
            );
        }
        // Does not fire: a count of people in the event, a named or
        // uncounted source, or a count of documents.
        for text in [
            "Two people were killed in the blast, according to police.",
            "According to two reports, the bridge fell at noon.",
            "Officials familiar with the talks said they stalled.",
            "Three officials resigned on Monday over the plan.",
            "The spokesman told reporters that five people were hurt.",
        ] {
            assert!(sourcing(text).is_none(), "{text}");
        }
    }

    #[test]
    fn kinship_and_plain_nouns_are_not_titles() {
        for text in [
            "His brother John Hart was not at home.",
            "The father of Lena Hart spoke to reporters.",
            "Residents Ana Ruiz and Ben Cole watched the fire.",
        ] {
            assert!(titled_names(text).is_empty(), "{text}");
        }
        let t = titled_names("Supreme Leader Ayatollah Ali Khamenei spoke.");
        assert_eq!(t[0].person, "khamenei");
    }
}
