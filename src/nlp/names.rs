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
//! Readers that need other rules pass [`RunRules`]: every capitalised
//! word as a run word (speaker detection strips openers and articles
//! itself), a possessive ending its run, a cap on a run's length; and may
//! read a run from any word ([`run_end`], [`run_start`]) as well as cut a
//! whole text into runs ([`name_runs_with`]). Every reader joins words by
//! the one rule, [`joins_after`].
//!
//! A run records whether its first word opens a sentence or clause: a lone
//! "The" is a stop word anyway, but a lone "Water" at a sentence start is
//! not evidence of a name, and stages decide what to do with it.

use crate::nlp::lists;
use crate::nlp::tokens::{Token, Word, is_possessive, normalise_word, opens_clause};
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

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
    is_name_word(t.raw)
}

/// [`is_capitalised_word`] on a word as written.
fn is_name_word(raw: &str) -> bool {
    if raw.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if !starts_upper(raw) {
        // "al-Assad": a particle joined by a hyphen to a capitalised word.
        return raw.split_once('-').is_some_and(|(p, rest)| {
            lists::is_particle(p) && rest.chars().next().is_some_and(char::is_uppercase)
        });
    }
    let norm = normalise_word(raw);
    !norm.is_empty() && !crate::nlp::tokens::is_stop(&norm)
}

fn starts_upper(raw: &str) -> bool {
    raw.chars().next().is_some_and(char::is_uppercase)
}

/// What a run may hold and where it ends: options of the one finder, for
/// the readers that need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunRules {
    /// Every word that starts with a capital letter is a run word, stop
    /// words and words with digits included ("However Sen. Ana Ruiz",
    /// "The White House"): for readers that strip sentence openers and
    /// articles off the run themselves. Off: capitalised content words
    /// only ([`is_capitalised_word`]).
    pub any_capital: bool,
    /// A lower-case particle between two run words joins them ("Ludwig
    /// van Beethoven").
    pub particles: bool,
    /// A possessive is the last word of its run ("Clinton's communications
    /// director": the possessor stands apart from what it owns).
    pub possessive_breaks: bool,
    /// At most this many words in a run (0: no limit), counted from where
    /// a reader starts it ([`run_end`], [`run_start`]); a longer run is
    /// read as several. Bounds every scan on pathological text (a line of
    /// capitalised words).
    pub max_words: usize,
}

impl RunRules {
    /// The rules of [`name_runs`]: content words, particles join, no limit.
    pub const NAMES: RunRules = RunRules {
        any_capital: false,
        particles: true,
        possessive_breaks: false,
        max_words: 0,
    };

    fn fits(&self, len: usize) -> bool {
        self.max_words == 0 || len <= self.max_words
    }
}

/// Is word `k` a run word under `rules`? An initial that is also a stop
/// word ("D", "M", "S", "T" …) is one when its period joins it to a run
/// word ("Franklin D. Roosevelt", "J. M. Barrie").
fn in_run<W: Word>(text: &str, words: &[W], k: usize, rules: &RunRules) -> bool {
    let raw = words[k].raw();
    if rules.any_capital {
        return starts_upper(raw);
    }
    is_name_word(raw)
        || (is_initial(raw)
            && k + 1 < words.len()
            && joins(text, words, k + 1)
            && in_run(text, words, k + 1, rules))
}

/// The text between words `k - 1` and `k` (before the first word: from
/// the start of the text).
fn gap<'a, W: Word>(text: &'a str, words: &[W], k: usize) -> &'a str {
    let start = k.checked_sub(1).map_or(0, |p| words[p].end());
    text.get(start..words[k].start()).unwrap_or("")
}

fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// Does word `k` continue a run that word `k - 1` belongs to?
fn joins<W: Word>(text: &str, words: &[W], k: usize) -> bool {
    joins_after(words[k - 1].raw(), gap(text, words, k))
}

/// The run word after the run word `k` in the same run, if any: the next
/// word (joined by [`joins_after`]), or the word after a particle.
fn next_in_run<W: Word>(text: &str, words: &[W], k: usize, rules: &RunRules) -> Option<usize> {
    if rules.possessive_breaks && is_possessive(words[k].raw()) {
        return None;
    }
    let n = k + 1;
    if n >= words.len() {
        return None;
    }
    if in_run(text, words, n, rules) && joins(text, words, n) {
        return Some(n);
    }
    (rules.particles
        && lists::is_particle(words[n].raw())
        && is_space(gap(text, words, n))
        && n + 1 < words.len()
        && in_run(text, words, n + 1, rules)
        && is_space(gap(text, words, n + 1)))
    .then_some(n + 1)
}

/// The run word before the run word `k` in the same run, if any (the
/// mirror of [`next_in_run`]).
fn previous_in_run<W: Word>(text: &str, words: &[W], k: usize, rules: &RunRules) -> Option<usize> {
    let p = k.checked_sub(1)?;
    let ends = |j: usize| rules.possessive_breaks && is_possessive(words[j].raw());
    if in_run(text, words, p, rules) && joins(text, words, k) && !ends(p) {
        return Some(p);
    }
    let q = p.checked_sub(1)?;
    (rules.particles
        && lists::is_particle(words[p].raw())
        && is_space(gap(text, words, k))
        && is_space(gap(text, words, p))
        && in_run(text, words, q, rules)
        && !ends(q))
    .then_some(q)
}

/// The last word of the run that starts at word `i` (at most
/// [`RunRules::max_words`] words from `i`); `i` itself when nothing joins it.
pub fn run_end<W: Word>(text: &str, words: &[W], i: usize, rules: &RunRules) -> usize {
    let mut e = i;
    while let Some(n) = next_in_run(text, words, e, rules) {
        if !rules.fits(n + 1 - i) {
            break;
        }
        e = n;
    }
    e
}

/// The first word of the run that ends at word `i` (at most
/// [`RunRules::max_words`] words back from `i`); `i` itself when it joins
/// nothing before it.
pub fn run_start<W: Word>(text: &str, words: &[W], i: usize, rules: &RunRules) -> usize {
    let mut s = i;
    while let Some(p) = previous_in_run(text, words, s, rules) {
        if !rules.fits(i + 1 - p) {
            break;
        }
        s = p;
    }
    s
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

/// Does word `k` follow "<title> of" ("Secretary of State …")?
fn follows_title_of<W: Word>(words: &[W], k: usize) -> bool {
    k >= 2
        && normalise_word(words[k - 1].raw()) == "of"
        && lists::is_title(&normalise_word(words[k - 2].raw()))
}

/// One capital letter: an initial when a period joins it to a name.
fn is_initial(raw: &str) -> bool {
    let mut chars = raw.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// The name runs of a text, given its tokens ([`crate::nlp::tokens::words`]),
/// by [`RunRules::NAMES`].
pub fn name_runs(text: &str, tokens: &[Token<'_>]) -> Vec<NameRun> {
    name_runs_with(text, tokens, &RunRules::NAMES)
}

/// The runs of a text under `rules`, left to right, each word in at most
/// one run; a run longer than [`RunRules::max_words`] is cut into several.
pub fn name_runs_with<W: Word>(text: &str, words: &[W], rules: &RunRules) -> Vec<NameRun> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !in_run(text, words, k, rules) {
            k += 1;
            continue;
        }
        let start = k;
        k = run_end(text, words, start, rules) + 1;
        let norms = || words[start..k].iter().map(|t| normalise_word(t.raw()));
        let mut titles = title_prefix(norms());
        if titles == 0 && follows_title_of(words, start) {
            // "Secretary of State Ana Ruiz": the qualifier ends a title
            // that began before "of".
            let lead = norms().take_while(|n| lists::is_title(n)).count();
            titles = if lead < k - start { lead } else { 0 };
        }
        out.push(NameRun {
            tokens: start..k,
            titles,
            opens_clause: start == 0 || opens_clause(gap(text, words, start)),
        });
    }
    out
}

/// Nickname and full-name pairs ("bill", "william"), from
/// `data/en/nicknames.tsv`.
static NICKNAMES: LazyLock<HashSet<(&'static str, &'static str)>> = LazyLock::new(|| {
    crate::nlp::data::rows(include_str!("../../data/en/nicknames.tsv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

/// Can two given names (normalised, lower case) be one person's: the same
/// word, or a nickname and the full name it is short for ("bill" and
/// "william", "dave" and "david"; `data/en/nicknames.tsv`)? Two short
/// forms of one name ("bill", "will") or two names a short form shares
/// ("albert", "alan") are not: only a row of the list joins two words.
pub fn same_given_name(a: &str, b: &str) -> bool {
    a == b || NICKNAMES.contains(&(a, b)) || NICKNAMES.contains(&(b, a))
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

    /// The runs of `text` under `rules`, as text.
    fn runs_by(text: &str, rules: &RunRules) -> Vec<String> {
        let toks = words(text);
        name_runs_with(text, &toks, rules)
            .into_iter()
            .map(|r| text[toks[r.tokens.start].start..toks[r.tokens.end - 1].end].to_string())
            .collect()
    }

    const SPEAKER_LIKE: RunRules = RunRules {
        any_capital: true,
        particles: false,
        possessive_breaks: true,
        max_words: 3,
    };

    #[test]
    fn rules_change_what_a_run_holds() {
        let text = "However The Ruiz Foundation’s Ana Lima met Ludwig van Beethoven";
        assert_eq!(
            runs_by(text, &RunRules::NAMES),
            vec![
                "However",
                "Ruiz Foundation’s Ana Lima",
                "Ludwig van Beethoven"
            ]
        );
        // Every capitalised word; a possessive ends a run; no particles;
        // at most three words, the rest a run of its own.
        assert_eq!(
            runs_by(text, &SPEAKER_LIKE),
            vec![
                "However The Ruiz",
                "Foundation’s",
                "Ana Lima",
                "Ludwig",
                "Beethoven"
            ]
        );
        // Words with digits are run words only when every capital counts.
        assert_eq!(runs_by("by A1 Ruiz", &RunRules::NAMES), vec!["Ruiz"]);
        assert_eq!(runs_by("by A1 Ruiz", &SPEAKER_LIKE), vec!["A1 Ruiz"]);
    }

    #[test]
    fn runs_read_from_any_word() {
        let text = "said Sen. Ana Maria Ruiz’s aide";
        let toks = words(text);
        let unlimited = RunRules {
            max_words: 0,
            ..SPEAKER_LIKE
        };
        // From the middle of a run, forwards and backwards.
        assert_eq!(run_end(text, &toks, 2, &unlimited), 4);
        assert_eq!(run_start(text, &toks, 3, &unlimited), 1);
        assert_eq!(run_start(text, &toks, 4, &unlimited), 1);
        // The limit counts from where the reader starts.
        assert_eq!(run_end(text, &toks, 1, &SPEAKER_LIKE), 3);
        assert_eq!(run_start(text, &toks, 4, &SPEAKER_LIKE), 2);
        // A possessive ends a run: nothing after it joins, forwards or back.
        assert_eq!(run_end(text, &toks, 4, &unlimited), 4);
        assert_eq!(run_end(text, &toks, 1, &RunRules::NAMES), 4);
        // A word nothing joins is its own start and end.
        assert_eq!(run_end(text, &toks, 5, &unlimited), 5);
        assert_eq!(run_start(text, &toks, 0, &unlimited), 0);
        // Particles join in both directions.
        let text = "met Ludwig van Beethoven today";
        let toks = words(text);
        assert_eq!(run_end(text, &toks, 1, &RunRules::NAMES), 3);
        assert_eq!(run_start(text, &toks, 3, &RunRules::NAMES), 1);
        assert_eq!(run_start(text, &toks, 3, &SPEAKER_LIKE), 3);
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

    #[test]
    fn a_nickname_and_its_full_name_are_one_given_name() {
        // Must join: a row of the list, either way round, and a word itself.
        assert!(same_given_name("bill", "william"));
        assert!(same_given_name("william", "bill"));
        assert!(same_given_name("dave", "david"));
        assert!(same_given_name("bob", "robert"));
        assert!(same_given_name("mike", "michael"));
        assert!(same_given_name("hillary", "hillary"));
        // Must not: two different names, two short forms of one name, two
        // names that share a short form.
        assert!(!same_given_name("bill", "hillary"));
        assert!(!same_given_name("bill", "will"));
        assert!(!same_given_name("albert", "alan"));
        assert!(!same_given_name("george", "jeb"));
        assert!(!same_given_name("rand", "ron"));
    }
}
