//! Names: runs of capitalised words that name a person, place or thing.
//!
//! A run is a maximal sequence of capitalised content words (not stop
//! words, not numbers) joined by white space only, where also:
//! - an initial or an abbreviated title keeps its period inside the run
//!   ("Michael J. Fox", "Sen. Ana Ruiz", "St. Louis");
//! - a lower-case particle between two capitalised words joins them
//!   ("Ludwig van Beethoven", "Osama bin Laden"), as does a particle
//!   written with a hyphen ("al-Assad");
//! - leading title words (the titles table, `data/en/titles.tsv`) are
//!   counted, so a stage can take "Sheriff Ana Ruiz" as the title
//!   "Sheriff" and the name "Ana Ruiz".
//!
//! A run records whether its first word opens a sentence or clause: a lone
//! "The" is a stop word anyway, but a lone "Water" at a sentence start is
//! not evidence of a name, and stages decide what to do with it.

use crate::nlp::lists;
use crate::nlp::tokens::{Token, normalise_word, opens_clause};
use std::ops::Range;

/// A run of capitalised words, as token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The tokens of the run, leading titles included.
    pub tokens: Range<usize>,
    /// How many leading tokens are title words ("Former President Ruiz": 2).
    pub titles: usize,
    /// The first token opens the text, a sentence or a clause, so its
    /// capital may come from its position alone.
    pub opens_clause: bool,
}

impl NameRun {
    /// The tokens after the leading titles: the name itself.
    pub fn name(&self) -> Range<usize> {
        self.tokens.start + self.titles..self.tokens.end
    }

    /// Number of tokens, titles included.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Never true for a run the finder returns (kept for clippy).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// A capitalised content word: could be part of a name.
pub fn is_capitalised_word(t: &Token<'_>) -> bool {
    if t.is_numeric() {
        return false;
    }
    if !t.is_capitalised() {
        // "al-Assad": a particle joined by a hyphen to a capitalised word.
        return t.raw.split_once('-').is_some_and(|(p, rest)| {
            lists::is_particle(p) && rest.chars().next().is_some_and(char::is_uppercase)
        });
    }
    let norm = t.norm();
    !norm.is_empty() && !crate::nlp::tokens::is_stop(&norm)
}

/// The text between tokens `k - 1` and `k`.
fn gap<'a>(text: &'a str, tokens: &[Token<'_>], k: usize) -> &'a str {
    let start = k.checked_sub(1).map_or(0, |p| tokens[p].end);
    text.get(start..tokens[k].start).unwrap_or("")
}

fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// Does token `k` continue a run that token `k - 1` belongs to?
fn joins(text: &str, tokens: &[Token<'_>], k: usize) -> bool {
    joins_after(tokens[k - 1].raw, gap(text, tokens, k))
}

/// Does a word after `prev` and `gap` continue the same name? White space
/// does; so does the period of an initial or a name abbreviation ("J. Fox",
/// "Sen. Ruiz"). The one joining rule of every name-run reader.
pub fn joins_after(prev: &str, gap: &str) -> bool {
    is_space(gap) || period_joins(prev, gap)
}

/// Is `gap` after `prev` the period of an initial or a name abbreviation,
/// which joins the words around it rather than ending a sentence ("Donald
/// J. Trump", "Dr. Tomas Lind")?
pub fn period_joins(prev: &str, gap: &str) -> bool {
    let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
    gap.strip_prefix('.').is_some_and(is_space)
        && (initial || lists::is_name_abbreviation(&prev.to_lowercase()))
}

/// How many leading words (normalised) form a title that stands before a
/// name: the longest run of title words that ends in one able to stand
/// alone before a name ("Former President", "Foreign Minister", "Sen.").
/// Words that only qualify a title ("Supreme", "State", "Vice") are not a
/// title on their own, so "Supreme Court" and "State Department" keep
/// every word.
pub fn title_prefix<S: AsRef<str>>(norms: impl IntoIterator<Item = S>) -> usize {
    let mut len = 0;
    for (i, norm) in norms.into_iter().enumerate() {
        match lists::title(norm.as_ref()) {
            Some(t) if t.position == lists::TitlePosition::Head => len = i + 1,
            Some(_) => {}
            None => break,
        }
    }
    len
}

/// Does token `k` follow "<title> of" ("Secretary of State …")?
fn follows_title_of(tokens: &[Token<'_>], k: usize) -> bool {
    k >= 2 && tokens[k - 1].norm() == "of" && lists::is_title(&tokens[k - 2].norm())
}

/// One capital letter: an initial when a period joins it to a name.
fn is_initial(raw: &str) -> bool {
    let mut chars = raw.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// The name runs of a text, given its tokens ([`crate::nlp::tokens::words`]).
pub fn name_runs(text: &str, tokens: &[Token<'_>]) -> Vec<NameRun> {
    let mut cap: Vec<bool> = tokens.iter().map(is_capitalised_word).collect();
    // An initial that is also a stop word ("D", "M", "S", "T" …) is a name
    // word when its period joins it to one ("Franklin D. Roosevelt", "J. M.
    // Barrie"); right to left, so a chain of initials is read whole.
    for k in (0..tokens.len().saturating_sub(1)).rev() {
        if !cap[k] && is_initial(tokens[k].raw) && cap[k + 1] && joins(text, tokens, k + 1) {
            cap[k] = true;
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !cap[k] {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < tokens.len() {
            if cap[k] && joins(text, tokens, k) {
                k += 1;
            } else if lists::is_particle(tokens[k].raw)
                && is_space(gap(text, tokens, k))
                && k + 1 < tokens.len()
                && cap[k + 1]
                && is_space(gap(text, tokens, k + 1))
            {
                k += 2;
            } else {
                break;
            }
        }
        let norms = || tokens[start..k].iter().map(|t| normalise_word(t.raw));
        let mut titles = title_prefix(norms());
        if titles == 0 && follows_title_of(tokens, start) {
            // "Secretary of State Ana Ruiz": the qualifier ends a title
            // that began before "of".
            let lead = norms().take_while(|n| lists::is_title(n)).count();
            titles = if lead < k - start { lead } else { 0 };
        }
        out.push(NameRun {
            tokens: start..k,
            titles,
            opens_clause: start == 0 || opens_clause(gap(text, tokens, start)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::words;

    /// (run text, titles, opens clause) of every run.
    fn runs(text: &str) -> Vec<(String, usize, bool)> {
        let toks = words(text);
        name_runs(text, &toks)
            .into_iter()
            .map(|r| {
                let s = toks[r.tokens.start].start;
                let e = toks[r.tokens.end - 1].end;
                (text[s..e].to_string(), r.titles, r.opens_clause)
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        runs(text).into_iter().map(|r| r.0).collect()
    }

    #[test]
    fn runs_with_titles() {
        assert_eq!(
            runs("Yesterday Sheriff Ana Ruiz said the Port Alder lighthouse was lit."),
            vec![
                ("Yesterday Sheriff Ana Ruiz".to_string(), 0, true),
                ("Port Alder".to_string(), 0, false),
            ]
        );
        assert_eq!(
            runs("said Sheriff Ana Ruiz"),
            vec![("Sheriff Ana Ruiz".to_string(), 1, false)]
        );
        assert_eq!(
            runs("as former President Ruiz did"),
            vec![("President Ruiz".to_string(), 1, false)]
        );
        assert_eq!(runs("then Former President Ruiz")[0].1, 2);
        assert_eq!(runs("then Foreign Minister Ana Ruiz")[0].1, 2);
        // Words that only qualify a title are no title on their own.
        assert_eq!(runs("then the Supreme Court ruled")[0].1, 0);
        assert_eq!(runs("then the State Department said")[0].1, 0);
        assert_eq!(runs("then Supreme Leader Ali Khamenei")[0].1, 2);
        // … unless a title before "of" makes them its end; a run that is
        // only the qualifier stays a name ("the Department of State").
        assert_eq!(runs("by Secretary of State Ana Ruiz")[1].1, 1);
        assert_eq!(runs("by the Department of State today")[1].1, 0);
    }

    #[test]
    fn initials_abbreviations_and_particles() {
        assert_eq!(
            names("actor Michael J. Fox attended"),
            vec!["Michael J. Fox"]
        );
        assert_eq!(names("by Sen. Ana Ruiz today"), vec!["Sen. Ana Ruiz"]);
        assert_eq!(names("in St. Louis today"), vec!["St. Louis"]);
        // Initials that are also stop words (NLTK lists "d", "m", "s" …).
        assert_eq!(
            names("under Franklin D. Roosevelt in 1933"),
            vec!["Franklin D. Roosevelt"]
        );
        assert_eq!(names("by J. M. Barrie and"), vec!["J. M. Barrie"]);
        assert_eq!(names("said Mary S. Ruiz"), vec!["Mary S. Ruiz"]);
        // Not an initial: no period, or nothing capitalised after it.
        assert_eq!(names("A man met Ruiz"), vec!["Ruiz"]);
        assert_eq!(names("Ruiz and I met"), vec!["Ruiz"]);
        assert_eq!(
            names("he got a grade of A. then left"),
            Vec::<String>::new()
        );
        assert_eq!(
            names("music of Ludwig van Beethoven"),
            vec!["Ludwig van Beethoven"]
        );
        assert_eq!(names("a son of Osama bin Laden"), vec!["Osama bin Laden"]);
        assert_eq!(
            names("President Bashar al-Assad spoke"),
            vec!["President Bashar al-Assad"]
        );
    }

    #[test]
    fn runs_stop_where_names_stop() {
        // A sentence end is not an initial: two runs.
        assert_eq!(names("It was Ruiz. Chen left."), vec!["Ruiz", "Chen"]);
        // Commas, stop words and numbers break runs; a particle at the end
        // or before a lower-case word does not join.
        assert_eq!(names("Ruiz, Chen and Lee"), vec!["Ruiz", "Chen", "Lee"]);
        assert_eq!(
            names("The Senate met in 2009 Paris"),
            vec!["Senate", "Paris"]
        );
        assert_eq!(names("Ruiz van the"), vec!["Ruiz"]);
        assert_eq!(names("Acme Inc. The firm"), vec!["Acme Inc"]);
        assert!(names("nothing capitalised here").is_empty());
    }

    #[test]
    fn joining_rule() {
        assert!(joins_after("Ana", " ") && joins_after("J", ". ") && joins_after("Sen", ". "));
        assert!(period_joins("Dr", ". ") && period_joins("St", ". "));
        // A sentence end, a comma, an ordinary word's period do not join.
        assert!(!joins_after("Ruiz", ". ") && !joins_after("Ruiz", ", "));
        assert!(!joins_after("Ruiz", "") && !period_joins("Inc", ". "));
    }

    #[test]
    fn clause_openers_are_marked() {
        let r = runs("Water rose. \u{201C}Ruiz came,\u{201D} she said of Chen.");
        assert_eq!(
            r,
            vec![
                ("Water".to_string(), 0, true),
                ("Ruiz".to_string(), 0, true),
                ("Chen".to_string(), 0, false),
            ]
        );
    }
}
