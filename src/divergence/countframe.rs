//! The frame of a count: what else a figure's sentence says about what it
//! counts, so that the conflict gate compares only figures that answer one
//! question (issue 11: "a count with what it counts and of whom").
//!
//! A slot already carries its head noun ("rebounds") and what happened
//! ("killed"). Two figures with the same head still answer different
//! questions when:
//! - one counts a **part** ("four other murders", "two more bodies",
//!   "another 20 people") and the other does not: the rest of a whole the
//!   other figure may count;
//! - a length of time is a **window** the writer chose to count in ("in
//!   the past five seasons", "his first three years"), not how long
//!   something lasted;
//! - one is a **rate** ("eight rebounds a game", "$20 per month") and the
//!   other a total;
//! - the noun is a **modifier** of a longer noun the tokenizer split at a
//!   participle ("one rocket propelled grenade launcher": one launcher, not
//!   one rocket);
//! - they count different **kinds** of the noun, each named by a noun
//!   before it ("31 fire trucks" against "three ladder trucks"; describing
//!   adjectives such as "American" or "new" name no kind);
//! - they belong to different **owners**: the named subject of the
//!   figure's clause, or the possessor right before it ("Echenique grabbed
//!   11 rebounds" against "McDermott grabbed seven rebounds"), or the name
//!   before an aside the clause follows ("Leung, who faces 50 years",
//!   "GM, the largest automaker, has 115,000 workers"). A clause whose
//!   subject is a pronoun with nobody named before it has an unnamed owner
//!   ([`UNNAMED`]), who is not taken for a named one ("He was sentenced to
//!   12 years" against "Gigante was sentenced to seven years"). A figure
//!   whose owner cannot be read has none, and is compared as before. A
//!   figure coordinated by "and" with the one before it ("GM has 115,000
//!   workers and 340,000 retirees") has that figure's owner, and a name in
//!   a figure's noun phrase ("115,000 UAW workers") owns no later figure
//!   (MSRP train, design: false 7 -> 6, real kept 13/13);
//! - one is a **rank bracket** ("the bottom 10 states"), not a count;
//! - one is said of **each** member ("each boy weighed less than 50
//!   pounds") and the other of all ("136 pounds combined");
//! - one of two figures **splits** the noun with another ("two American
//!   and one Yemeni passport");
//! - both count a group **restricted** by a relative clause with the same
//!   verb and another object ("men who took placebo" against "men who took
//!   finasteride": [`restriction`], compared in `divergence::gate`).
//!
//! Measured on the design data (session 27): on MSRP train these owner,
//! rank, each and split readings (with the month moments of
//! `divergence::timeframe` and the title reading of `divergence::gate`)
//! drop 10 of 22 false conflicts and none of the 13 real; on the ECB+ even
//! topics they drop the one false conflict and none of the 7 real.
//!
//! The marker words are `data/en/count_frames.tsv`. Everything is read
//! from the one sentence; no stage thresholds.

use crate::lexicon::Lexicon;
use crate::nlp::data::classed;
use crate::nlp::lists::{Cue, is_cue, is_preposition, is_report_verb, subject_pronoun};
use crate::nlp::names::{self, NameRun};
use crate::nlp::numbers::Amount;
use crate::nlp::tokens::{Tokens, is_stop, stem};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A class of `data/en/count_frames.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Marker {
    Part,
    Window,
    Per,
    Period,
    Rank,
    Each,
    Margin,
    Group,
}

static MARKERS: LazyLock<HashSet<(&'static str, Marker)>> = LazyLock::new(|| {
    classed(
        include_str!("../../data/en/count_frames.tsv"),
        "data/en/count_frames.tsv",
        |class| match class {
            "part" => Some(Marker::Part),
            "window" => Some(Marker::Window),
            "per" => Some(Marker::Per),
            "period" => Some(Marker::Period),
            "rank" => Some(Marker::Rank),
            "each" => Some(Marker::Each),
            "margin" => Some(Marker::Margin),
            "group" => Some(Marker::Group),
            _ => None,
        },
    )
});

fn is(word: &str, m: Marker) -> bool {
    MARKERS.contains(&(word, m))
}

/// What a figure's sentence says about what it counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountFrame {
    /// A part of a larger count ("four other murders").
    pub part: bool,
    /// Right after a window word ("the past five seasons"); only meaningful
    /// for lengths of time.
    pub window: bool,
    /// A rate ("eight rebounds a game").
    pub rate: bool,
    /// The noun is a modifier of a longer noun split at a participle.
    pub modifier: bool,
    /// The lower-case words of the name the figure belongs to, when read.
    pub owner: Option<Vec<String>>,
    /// Stems of the nouns naming a kind between the figure and its noun
    /// ("ladder" of "three ladder trucks"): what kind of the noun is counted.
    pub modifiers: Vec<String>,
    /// For a distance: the lower-case words of the name it is measured from
    /// ("150 miles off Aden", "13 miles from the Mysore"), when read.
    pub from: Option<Vec<String>>,
    /// A rank bracket ("the bottom 10 states", "the top five"): who is in
    /// a ranking, not how many there are; a bracket holds every smaller one.
    pub rank: bool,
    /// Said of each member, not of all ("each boy weighed less than 50
    /// pounds", "$5 apiece"): a figure per member against a total.
    pub each: bool,
    /// One of two figures that split the counted noun between them ("two
    /// American and one Yemeni passport"): a part, whose other part the
    /// sentence gives.
    pub split: bool,
    /// The window the count is counted over, right after its noun: the
    /// figure and the stem of its period ("nine touchdowns in 10 games":
    /// "10 game"). Counts over different windows, or one over a window
    /// against one without, answer different questions.
    pub over: Option<String>,
    /// A running total held now: the figure right after "has" or "have"
    /// ("He has 53 catches", "now has 2,129 points"), against one of what
    /// happened ("wound up with eight catches"): a season's or a career's
    /// count and a game's are different questions.
    pub running: bool,
    /// The margin of error of a measurement ("a margin of error of plus or
    /// minus 3 percentage points"): a property of one poll or survey, which
    /// the sentence seldom names well enough to tell two polls apart, so it
    /// is never compared.
    pub margin: bool,
    /// A subgroup of what is counted, set by a participle and a preposition
    /// of a group right after the noun ("88 abortions performed on girls 14
    /// and younger", "40 grants awarded to women"): a part of the whole,
    /// which a count without that restriction may be.
    pub subgroup: bool,
    /// For a count of where another figure is spread ("27,000 messages in
    /// 115 countries"): the stem of that figure's noun ("messag"). A spread
    /// is an attribute of what it spreads, so two spreads are compared only
    /// when they spread the same noun, and a spread never against a count
    /// that spreads nothing ("it reached 120 countries").
    pub spread_of: Option<String>,
}

/// The owner of a figure whose clause has only a pronoun for a subject and
/// whose sentence names nobody before it: someone the sentence does not
/// name, who may be anyone another sentence names.
pub const UNNAMED: &str = "(unnamed)";

impl CountFrame {
    /// Do two frames leave their figures comparable? Both or neither count
    /// a part ("three others wounded" and "four others wounded" are one
    /// question), neither stands as a modifier, both or neither are rates,
    /// and no two different owners are named.
    pub fn comparable(&self, other: &CountFrame) -> bool {
        self.part == other.part
            && self.over == other.over
            && self.running == other.running
            && !self.modifier
            && !other.modifier
            && self.rate == other.rate
            && !owners_differ(self.owner.as_deref(), other.owner.as_deref())
            && !owners_differ(self.from.as_deref(), other.from.as_deref())
            && !owners_differ(Some(&self.modifiers), Some(&other.modifiers))
            && !self.rank
            && !other.rank
            && self.each == other.each
            && !self.split
            && !other.split
            && !self.margin
            && !other.margin
            && self.subgroup == other.subgroup
            && self.spread_of == other.spread_of
    }
}

/// How many content words of a relative clause are its restriction: the
/// verb and the first word of what it takes ("who took placebo", "that
/// failed the test"); further words may already be the main clause's verb
/// ("patients who received the vaccine recovered"), which no comma marks.
/// A reading of English clause shape, not measured.
const RESTRICTION_WORDS: usize = 2;

/// The content words (stems) of a restrictive relative clause on what a
/// figure counts: "men who took placebo" (took, placebo) for "1,147 men"
/// or "24 percent of men who took placebo". The counted noun (or, after a
/// share, the noun after "of") is looked up wherever the sentence writes
/// it, so a figure restating a group ("…, or 1,147 men") keeps the group's
/// restriction. Only a clause opened right after the noun by "who",
/// "that" or "which" with no comma between (a restriction, not an aside);
/// its first [`RESTRICTION_WORDS`] content words in order (the verb, then
/// what it takes), before any punctuation, from the first such clause. Empty when none is read.
pub fn restriction(t: &Tokens<'_>, a: &Amount, noun: Option<usize>) -> Vec<String> {
    let n = t.words.len();
    let last = noun
        .unwrap_or(a.end.saturating_sub(1))
        .min(n.saturating_sub(1));
    let mut heads = vec![stem(t.norm(last))];
    // "24 percent of (the) men": the share's own noun.
    let mut k = last + 1;
    if k < n && t.norm(k) == "of" && !t.break_after(last) {
        k += 1;
        while k < n && matches!(t.norm(k), "the" | "those" | "all") {
            k += 1;
        }
        if k < n && is_content(t.norm(k)) && !t.words[k].is_numeric() {
            heads.push(stem(t.norm(k)));
        }
    }
    for h in 0..n.saturating_sub(2) {
        if !heads.contains(&stem(t.norm(h)))
            || t.break_after(h)
            || !matches!(t.norm(h + 1), "who" | "that" | "which")
        {
            continue;
        }
        let mut out = Vec::new();
        let mut e = h + 2;
        while e < n && out.len() < RESTRICTION_WORDS {
            let w = t.norm(e);
            if is_content(w) && !t.words[e].is_numeric() {
                out.push(stem(w));
            }
            if t.break_after(e) {
                break;
            }
            e += 1;
        }
        return out;
    }
    Vec::new()
}

/// Two lists of words, both read and not empty, with no word in common.
pub fn owners_differ(a: Option<&[String]>, b: Option<&[String]>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => !a.iter().any(|w| b.contains(w)),
        _ => false,
    }
}

/// The frame of amount `a` of `t`, whose counted noun stands at `noun`
/// (the last word of the amount when it has none).
pub fn count_frame(t: &Tokens<'_>, a: &Amount, noun: Option<usize>) -> CountFrame {
    // Every figure of the sentence, read once for the readers below.
    let figures = crate::nlp::numbers::amounts(t.text, &t.words, &t.norms);
    let after = a.end + a.unit.map_or(0, |u| u.words);
    let before = a.qual_start.checked_sub(1);
    let joined = |i: usize| !t.break_after(i);
    let part = (after < t.words.len() && joined(after - 1) && is(t.norm(after), Marker::Part))
        || before.is_some_and(|b| joined(b) && t.norm(b) == "another");
    let window = before.is_some_and(|b| joined(b) && is(t.norm(b), Marker::Window));
    let last = noun.unwrap_or(after.saturating_sub(1));
    let rate = joined(last)
        && is(t.norm(last + 1), Marker::Per)
        && (t.norm(last + 1) == "per" || joined(last + 1))
        && is(t.norm(last + 2), Marker::Period)
        && (last + 3 >= t.words.len() || t.break_after(last + 2) || !is_noun_like(t, last + 3));
    let modifier = noun.is_some_and(|h| {
        let p = t.norm(h + 1);
        let participle = p.len() > 4 && (p.ends_with("ed") || p.ends_with("ing"));
        participle
            && joined(h)
            && joined(h + 1)
            && h + 2 < t.words.len()
            && is_content(t.norm(h + 2))
            && !t.words[h + 2].is_numeric()
            && !super::words::is_calendar_word(t.norm(h + 2))
    });
    CountFrame {
        part,
        window,
        rate,
        modifier,
        owner: owner(t, &figures, a),
        modifiers: noun.map_or_else(Vec::new, |h| {
            (after..h)
                .map(|k| t.norm(k))
                .filter(|n| is_content(n) && !n.chars().any(|c| c.is_ascii_digit()))
                .map(stem)
                .filter(|m| is_classifier(m))
                .collect()
        }),
        from: noun
            .filter(|&h| is_distance(t.norm(h)))
            .and_then(|h| measured_from(t, h)),
        rank: before.is_some_and(|b| joined(b) && is(t.norm(b), Marker::Rank)),
        each: distributive(t, a, last),
        split: split(t, &figures, a) || remainder_after(t, &figures, a),
        over: over(t, &figures, last),
        running: before.is_some_and(|b| joined(b) && matches!(t.norm(b), "has" | "have")),
        margin: margin_of_error(t, a),
        subgroup: noun.is_some_and(|h| subgroup(t, h)),
        spread_of: spread_of(t, &figures, a),
    }
}

/// The stem of the noun of the figure whose spread figure `a` counts: `a`
/// right after a locative preposition ("in", "across", "at"), which comes
/// right after the noun phrase of another figure in the same clause
/// ("filtered 27,000 infected messages in 115 countries": messag). `None`
/// when `a` is no such spread ("cases were reported in 12 states" has no
/// figure before the preposition; "in 2003 it sold 40 cars" is a year).
fn spread_of(t: &Tokens<'_>, figures: &[Amount], a: &Amount) -> Option<String> {
    let prep = a.qual_start.checked_sub(1)?;
    if prep == 0 || t.break_after(prep) || !is_cue(t.norm(prep), Cue::Locative) {
        return None;
    }
    let noun = prep - 1;
    if t.break_after(noun) || !is_noun_like(t, noun) {
        return None;
    }
    figures
        .iter()
        .any(|b| b.first != a.first && phrase_reaches(t, b, noun, |k| is_noun_like(t, k)))
        .then(|| stem(t.norm(noun)))
}

/// How many words before a figure a margin-of-error word is looked for
/// ("margin of sampling error of plus or minus 3": "error" is six words
/// back). A reading of the phrase's English shape, not measured.
const MARGIN_REACH: usize = 6;

/// Is the figure a margin of error: a [`Marker::Margin`] word ("error",
/// "minus" of "plus or minus") among the [`MARGIN_REACH`] words before it,
/// in its clause ("a margin of error of 3 points", "plus or minus four
/// percentage points")? "Minus" counts only after "plus or" (not a
/// temperature's "minus 5").
fn margin_of_error(t: &Tokens<'_>, a: &Amount) -> bool {
    let at = a.qual_start;
    let from = clause_start(t, at).max(at.saturating_sub(MARGIN_REACH));
    (from..at).any(|k| {
        let w = t.norm(k);
        is(w, Marker::Margin)
            && (w != "minus" || (k >= 2 && t.norm(k - 1) == "or" && t.norm(k - 2) == "plus"))
    })
}

/// Is the counted noun at `h` restricted to a subgroup by a reduced
/// relative clause: a past participle right after it, then a
/// [`Marker::Group`] preposition and a word that is no calendar word or
/// number ("abortions performed on girls", "grants awarded to women"), all
/// in one clause? Not "people killed in the blast" (where it happened),
/// nor "arrested on Friday" (when).
fn subgroup(t: &Tokens<'_>, h: usize) -> bool {
    let n = t.words.len();
    if h + 3 >= n || t.break_after(h) || t.break_after(h + 1) || t.break_after(h + 2) {
        return false;
    }
    let p = t.norm(h + 1);
    let participle = p.len() > 4 && p.ends_with("ed");
    let next = t.norm(h + 3);
    participle
        && is(t.norm(h + 2), Marker::Group)
        && !next.is_empty()
        && !t.words[h + 3].is_numeric()
        && !super::words::is_calendar_word(next)
        && !matches!(next, "the" | "a" | "an")
}

/// Does the figure's clause go on, after "and", to the rest of what it
/// counts ("killed 170,000 people in the province and tens of thousands
/// more abroad", "arrested 12 in the city and 30 others in the suburbs")?
/// A [`Marker::Part`] word within a few words after the first "and" (not
/// the "more" of "more than"): the figure is then one part of a whole the
/// sentence splits, not another outlet's whole.
fn remainder_after(t: &Tokens<'_>, figures: &[Amount], a: &Amount) -> bool {
    if a.end == 0 || a.end >= t.words.len() {
        return false;
    }
    let end = t.clause(a.end - 1).end;
    let Some(and) = (a.end..end).find(|&j| t.norm(j) == "and") else {
        return false;
    };
    // The part word follows a figure or a plural of number ("30 others",
    // "dozens more", "tens of thousands more"), not "the" ("and the last");
    // or it is "another" right before a figure ("ordered 520 copies and
    // reserved another 300"), the part word that stands before its number.
    let after_figure = |m: usize| {
        figures.iter().any(|b| b.end == m) || (m > and + 1 && t.norm(m - 1).ends_with('s'))
    };
    let before_figure = |m: usize| {
        t.norm(m) == "another" && !t.break_after(m) && figures.iter().any(|b| b.qual_start == m + 1)
    };
    (and + 1..end.min(and + REMAINDER_REACH + 1)).any(|m| {
        (is(t.norm(m), Marker::Part) && t.norm(m + 1) != "than" && after_figure(m))
            || before_figure(m)
    })
}

/// How many words after "and" a remainder's part word may stand ("and
/// tens of thousands more": four). A reading of English phrase length,
/// not measured.
const REMAINDER_REACH: usize = 5;

/// The window a count is counted over: "in", "over" or "during" right
/// after its noun (word `last`), then a figure and a [`Marker::Period`]
/// noun ("in 10 games", "over three seasons", "during two days"), as "10
/// game". `None` when the noun is not followed so.
fn over(t: &Tokens<'_>, figures: &[Amount], last: usize) -> Option<String> {
    if t.break_after(last) || !matches!(t.norm(last + 1), "in" | "over" | "during") {
        return None;
    }
    // "over" may be read as the figure's qualifier ("over three days"):
    // the figure itself starts two words after the noun.
    let b = figures.iter().find(|b| b.first == last + 2)?;
    let period = t.norm(b.end);
    if b.end == 0 || t.break_after(b.end - 1) {
        return None;
    }
    let s = stem(period);
    // A period with a unit is read in the unit's base ("three days" and
    // "72 hours" are one window); others by the stem of the noun.
    let key = match b.unit {
        Some(u) => format!("{} {}", b.value, u.dimension),
        None => format!("{} {s}", b.value),
    };
    (is(period, Marker::Period) || is(&s, Marker::Period)).then_some(key)
}

/// Is the figure said of each member ("Each boy weighed less than 50
/// pounds", "paid $5 apiece")? A distributive word in the figure's clause
/// before it, not opening a partitive ("each of the 12 victims" counts
/// them all), or right after its noun.
fn distributive(t: &Tokens<'_>, a: &Amount, last: usize) -> bool {
    let before = t
        .clause(a.first.min(t.words.len().saturating_sub(1)))
        .take_while(|&k| k < a.qual_start)
        .any(|k| is(t.norm(k), Marker::Each) && t.norm(k + 1) != "of");
    let after = !t.break_after(last) && is(t.norm(last + 1), Marker::Each);
    before || after
}

/// Does another figure stand right before this one, joined by "and" or
/// "or" with at most one capitalised word between ("two American and one
/// Yemeni passport", "three or four people")? The two split what is
/// counted. (A lower-case word between is a noun or a verb of the first
/// figure's own: "one passport and two bags", "killed 10 and wounded 70".)
fn split(t: &Tokens<'_>, figures: &[Amount], a: &Amount) -> bool {
    figures
        .iter()
        .filter(|b| b.end <= a.qual_start && a.qual_start - b.end <= 2)
        .any(|b| {
            let between = b.end..a.qual_start;
            between.clone().all(|k| !t.break_after(k - 1))
                && between.clone().any(|k| matches!(t.norm(k), "and" | "or"))
                && between
                    .clone()
                    .all(|k| matches!(t.norm(k), "and" | "or") || t.is_cap(k))
        })
}

/// A noun of length ("miles", "kilometres"), from the units table.
fn is_distance(n: &str) -> bool {
    crate::nlp::numbers::unit_at(&[n.to_string()], 0).is_some_and(|u| u.dimension == "distance")
}

/// The name a distance is measured from: after "from", "off", "of" (as in
/// "north of"), "away from", "outside", with a direction word or "the"
/// between, right after the unit.
fn measured_from(t: &Tokens<'_>, unit: usize) -> Option<Vec<String>> {
    let mut k = unit + 1;
    let mut seen_preposition = false;
    while k < t.words.len() && k < unit + 5 && !t.break_after(k - 1) {
        let n = t.norm(k);
        if t.is_cap(k) && seen_preposition {
            let mut e = k;
            while e < t.words.len() && t.is_cap(e) && (e == k || !t.break_after(e - 1)) {
                e += 1;
            }
            return Some((k..e).map(|i| t.norm(i).to_string()).collect());
        }
        match n {
            "from" | "off" | "of" | "outside" => seen_preposition = true,
            "the" | "away" | "north" | "south" | "east" | "west" | "northeast" | "northwest"
            | "southeast" | "southwest" => {}
            _ => return None,
        }
        k += 1;
    }
    None
}

/// A modifier that names a kind ("ladder", "fire", "DSL"), not one that
/// describes ("new", "American", "undersea"): no adjective among its own
/// WordNet senses and not a demonym. Describing words are how outlets
/// word one thing two ways ("two U.S. soldiers", "two American soldiers").
fn is_classifier(stem_: &str) -> bool {
    const ADJECTIVE: u32 = 2;
    let lex = Lexicon::get();
    lex.term(stem_) == stem(stem_)
        && !lex
            .concepts(stem_)
            .iter()
            .any(|c| c.level == 0 && c.id >> 28 == ADJECTIVE)
}

/// A word that can go on a noun phrase: not a stop word or preposition.
fn is_content(n: &str) -> bool {
    !n.is_empty() && !is_stop(n) && !is_preposition(n)
}

/// "a game winner": a noun right after the period word keeps the phrase
/// going, so the period was a modifier, not a rate.
fn is_noun_like(t: &Tokens<'_>, i: usize) -> bool {
    let n = t.norm(i);
    is_content(n) && !t.words[i].is_numeric() && !n.ends_with("ly")
}

/// Where the clause of the word at `k` starts: after punctuation, a word
/// opening a clause ("when", "after", "who") or a verb of reporting ("Police
/// said 12 …": the 12 is not the police's).
fn clause_start(t: &Tokens<'_>, k: usize) -> usize {
    let mut from = k;
    while from > 0 && !t.break_after(from - 1) {
        let n = t.norm(from - 1);
        if is_cue(n, Cue::ClauseOpener) || is_report_verb(n) {
            break;
        }
        from -= 1;
    }
    from
}

/// The lower-case words of the name a figure belongs to: a capitalised
/// possessor right before it ("Hansbrough's 20 points"), else the last
/// name of its clause before it that is not the object of a preposition
/// ("to Torii Hunter", "in Aceh"); when the clause has only a subject
/// pronoun ("where she had worked for 15 years"), the last such name of the
/// sentence before the clause. `None` when none is read.
fn owner(t: &Tokens<'_>, figures: &[Amount], a: &Amount) -> Option<Vec<String>> {
    let runs: Vec<NameRun> = names::name_runs(t.text, &t.words)
        .into_iter()
        .filter(|r| is_subject_name(t, r) && !in_figure_phrase(t, figures, r))
        .collect();
    let words = |r: &NameRun| -> Vec<String> {
        r.name()
            .map(|k| t.norm(k).to_string())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let at = a.qual_start;
    if let Some(r) = runs
        .iter()
        .find(|r| r.tokens.end == at && joined_possessive(t, at - 1))
    {
        return Some(words(r));
    }
    let from = clause_start(t, at);
    if let Some(b) = coordinated_with(t, figures, a, from) {
        return owner(t, figures, b);
    }
    if let Some(r) = runs
        .iter()
        .rev()
        .find(|r| r.tokens.start >= from && r.tokens.end <= at)
    {
        return Some(words(r));
    }
    // "she ’ d worked": the pronoun before its clitic.
    let bare = |k: usize| {
        t.norm(k)
            .split(['\'', '’'])
            .next()
            .unwrap_or("")
            .to_string()
    };
    if let Some(r) = subject_before_aside(t, &runs, from) {
        return Some(words(r));
    }
    if (from..at).any(|k| subject_pronoun(&bare(k)).is_some()) {
        return Some(
            runs.iter()
                .rev()
                .find(|r| r.tokens.end <= from)
                .map_or_else(|| vec![UNNAMED.to_string()], words),
        );
    }
    None
}

/// The figure whose phrase `a` is coordinated with by "and" ("GM has
/// 115,000 workers and 340,000 retirees"): `a`'s clause opens with `a`
/// right after the "and", and the words before the "and" are the figure
/// `b` and the content words of its noun, in one clause. `a` then has
/// `b`'s owner; a year is no such figure.
fn coordinated_with<'f>(
    t: &Tokens<'_>,
    figures: &'f [Amount],
    a: &Amount,
    from: usize,
) -> Option<&'f Amount> {
    if from != a.qual_start || from < 2 || t.norm(from - 1) != "and" || t.break_after(from - 2) {
        return None;
    }
    let and = from - 1;
    figures
        .iter()
        .rev()
        .find(|b| phrase_reaches(t, b, and, |k| is_noun_like(t, k)))
}

/// Whether figure `b`'s phrase runs on to word `to`: `b` (and its unit)
/// ends before `to`, no clause break between, every word between passes
/// `word`; a year is no such figure.
fn phrase_reaches(t: &Tokens<'_>, b: &Amount, to: usize, word: impl Fn(usize) -> bool) -> bool {
    let after = b.end + b.unit.map_or(0, |u| u.words);
    after > 0
        && after <= to
        && !super::slots::is_year(t, b)
        && (after - 1..to).all(|k| !t.break_after(k))
        && (after..to).all(word)
}

/// A name run that modifies the noun of a figure before it ("115,000
/// active UAW workers"): it says what that figure counts and belongs to it
/// only, so it is no owner of a later figure ("… and 340,000 retirees").
/// The run follows the figure (and its unit) with only lower-case content
/// words between, all in one clause, and is followed in the clause by a
/// lower-case noun-like word that is no participle ("workers", not
/// "earned"); a year is no figure ("In 2003 Acme earned …").
fn in_figure_phrase(t: &Tokens<'_>, figures: &[Amount], r: &NameRun) -> bool {
    let (start, end) = (r.tokens.start, r.tokens.end);
    let lower = |k: usize| t.words[k].casing() == crate::nlp::tokens::Casing::Lower;
    let noun_after = end < t.words.len()
        && !t.break_after(end - 1)
        && lower(end)
        && is_noun_like(t, end)
        && !t.norm(end).ends_with("ed");
    noun_after
        && figures
            .iter()
            .any(|b| phrase_reaches(t, b, start, |k| lower(k) && is_noun_like(t, k)))
}

/// The subject named before an aside the clause follows: "Leung, who faces
/// a maximum of 50 years" (a clause opened by "who" right after the name
/// and its comma) and "GM, the world's largest automaker, has 115,000" (an
/// aside between commas opened by a determiner, a possessive or "who",
/// then the clause of the figure).
fn subject_before_aside<'r>(
    t: &Tokens<'_>,
    runs: &'r [NameRun],
    from: usize,
) -> Option<&'r NameRun> {
    let comma_after = |i: usize| {
        let (Some(a), Some(b)) = (t.words.get(i), t.words.get(i + 1)) else {
            return false;
        };
        t.text
            .get(a.end..b.start)
            .is_some_and(|gap| gap.trim() == ",")
    };
    let name_ending_at = |end: usize| runs.iter().find(|r| r.tokens.end == end);
    // "NAME, who …": the clause opens right after "who".
    if from >= 2 && t.norm(from - 1) == "who" && comma_after(from - 2) {
        return name_ending_at(from - 1);
    }
    // "NAME, aside, …": the clause opens after a comma closing an aside.
    if from < 2 || !comma_after(from - 1) {
        return None;
    }
    let mut start = from - 1;
    while start > 0 && !t.break_after(start - 1) {
        start -= 1;
    }
    let opens_aside = matches!(t.norm(start), "the" | "a" | "an" | "who")
        || crate::nlp::tokens::is_possessive(t.words[start].raw);
    if start == 0 || !comma_after(start - 1) || !opens_aside {
        return None;
    }
    name_ending_at(start)
}

/// Is word `k` written with a possessive "'s" ("Hansbrough's", "Davis ’ s")?
fn joined_possessive(t: &Tokens<'_>, k: usize) -> bool {
    let raw = t.words[k].raw;
    raw.ends_with("'s") || raw.ends_with("’s") || raw.ends_with(" s")
}

/// A name run that can be the subject or possessor of a figure: not the
/// object of a preposition (a place, a recipient), not a calendar word or a
/// title alone, and, when it is one word opening the sentence, not a
/// common English word ("Police said …", "Millions of people …").
fn is_subject_name(t: &Tokens<'_>, r: &NameRun) -> bool {
    let name = r.name();
    if name.is_empty() {
        return false;
    }
    let mut p = r.tokens.start;
    while p > 0 && matches!(t.norm(p - 1), "the" | "a" | "an") {
        p -= 1;
    }
    if p > 0 && (is_preposition(t.norm(p - 1)) || t.norm(p - 1) == "of") && !t.break_after(p - 1) {
        return false;
    }
    if name
        .clone()
        .all(|k| super::words::is_calendar_word(t.norm(k)))
    {
        return false;
    }
    // A title before it ("Mr. Gigante") makes a name of any word.
    if r.opens_clause && name.len() == 1 && r.titles == 0 {
        let n = t.norm(name.start);
        // An acronym ("GM", "NATO") is a name wherever it stands.
        let acronym = t.words[name.start]
            .raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
            && t.words[name.start].casing() == crate::nlp::tokens::Casing::Upper;
        return acronym || (!is_stop(n) && Lexicon::get().concepts(&stem(n)).is_empty());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::numbers::amounts;

    /// The frame of the first amount of `text` whose words include `figure`.
    fn frame(text: &str, figure: &str, noun: &str) -> CountFrame {
        let t = Tokens::new(text);
        let a = amounts(t.text, &t.words, &t.norms)
            .into_iter()
            .find(|a| t.span(a.first, a.end) == figure)
            .expect("the figure is read");
        let n = (a.end..t.words.len()).find(|&k| t.norm(k) == noun);
        count_frame(&t, &a, n)
    }

    fn restricted(text: &str, value: f64, noun: &str) -> Vec<String> {
        let t = Tokens::new(text);
        let all = crate::nlp::numbers::amounts(t.text, &t.words, &t.norms);
        let a = all.iter().find(|a| a.value == value).expect("the figure");
        let at = (a.end..t.words.len()).find(|&k| t.norm(k) == noun);
        restriction(&t, a, at)
    }

    #[test]
    fn a_relative_clause_restricts_what_is_counted() {
        // Must: a clause right after the noun, after the share's noun, or
        // after the noun where the sentence first names the group.
        let s = "Some 30 percent of patients who received the vaccine, or 412 patients, recovered.";
        assert!(restricted(s, 30.0, "percent").contains(&stem("vaccine")));
        assert!(restricted(s, 412.0, "patients").contains(&stem("received")));
        assert!(
            restricted(
                "The 12 drivers that failed the test were fined.",
                12.0,
                "drivers"
            )
            .contains(&stem("test"))
        );
        // Must not: an aside after a comma, a clause on another noun, or
        // no clause at all.
        assert!(restricted("The 12 drivers, who were tired, stopped.", 12.0, "drivers").is_empty());
        assert!(restricted("Police who arrived found 12 drivers.", 12.0, "drivers").is_empty());
        assert!(restricted("Officials said 40 people died.", 40.0, "people").is_empty());
    }

    #[test]
    fn a_part_of_a_count() {
        assert!(
            frame(
                "Police found four other bodies in the river",
                "four",
                "bodies"
            )
            .part
        );
        assert!(frame("Rescuers pulled two more survivors out", "two", "survivors").part);
        assert!(frame("Another 20 people were arrested later", "20", "people").part);
        // Must not: the count itself.
        assert!(!frame("Police found four bodies in the river", "four", "bodies").part);
        assert!(!frame("More than 20 people were arrested", "20", "people").part);
    }

    #[test]
    fn a_last_one_is_a_part() {
        // Must: the last or final one of several.
        assert!(
            frame(
                "The visitors had one final chance to score",
                "one",
                "chance"
            )
            .part
        );
        assert!(frame("She missed two last attempts at the net", "two", "attempts").part);
        // Must not: a window before the figure, or the count itself.
        assert!(!frame("She won twice in her last two seasons", "two", "seasons").part);
        assert!(!frame("The visitors had two chances to score", "two", "chances").part);
    }

    #[test]
    fn a_count_the_sentence_splits_with_the_rest() {
        // Must: "and" then the rest ("more", "others") after a figure or a
        // plural of number.
        let s = "The flood killed 900 people in the valley and thousands more downstream.";
        assert!(frame(s, "900", "people").split);
        let s = "Police arrested 12 people in the city and 30 others in the suburbs.";
        assert!(frame(s, "12", "people").split);
        // Must: "and" then "another" right before a figure (the part word
        // that stands before its number).
        let s = "The shop sold 40 tickets and kept another 15 for members.";
        assert!(frame(s, "40", "tickets").split);
        // Must not: "another" with no figure after it, or a figure before
        // the "and".
        let s = "The shop sold 40 tickets and another buyer complained.";
        assert!(!frame(s, "40", "tickets").split);
        let s = "After another 15 were sold, the shop had 40 tickets and a queue.";
        assert!(!frame(s, "40", "tickets").split);
        // Must not: "more than", "the last", or no "and".
        let s = "The flood killed 900 people and more than 40 cattle.";
        assert!(!frame(s, "900", "people").split);
        let s = "Police arrested 12 people and the last suspect fled.";
        assert!(!frame(s, "12", "people").split);
        assert!(!frame("The flood killed 900 more people", "900", "people").split);
    }

    #[test]
    fn a_count_over_a_window() {
        // Must: the noun then "in", "over" or "during" a figure of a period.
        let f = frame("She scored 14 goals in 20 games last year", "14", "goals");
        assert_eq!(f.over.as_deref(), Some("20 game"));
        let f = frame("Rain fell for 30 hours over three days", "30", "hours");
        let g = frame("Rain fell for 31 hours over 72 hours", "31", "hours");
        assert!(f.over.is_some() && f.over == g.over);
        // Must not: a place, a year, or a comma between.
        assert!(
            frame("She scored 14 goals in Madrid", "14", "goals")
                .over
                .is_none()
        );
        assert!(
            frame("She scored 14 goals in 2019", "14", "goals")
                .over
                .is_none()
        );
        assert!(
            frame("She scored 14 goals, in 20 games", "14", "goals")
                .over
                .is_none()
        );
        // Two counts over different windows, or one over none, do not compare.
        let a = frame("She scored 14 goals in 20 games", "14", "goals");
        let b = frame("She scored nine goals", "nine", "goals");
        let c = frame("She scored 16 goals in 20 games", "16", "goals");
        assert!(!a.comparable(&b));
        assert!(a.comparable(&c));
    }

    #[test]
    fn a_margin_of_error_is_no_count() {
        // Must: "margin of (sampling) error", "plus or minus".
        assert!(
            frame(
                "The survey has a margin of error of 3 percentage points",
                "3",
                "percentage"
            )
            .margin
        );
        assert!(
            frame(
                "It had a margin of sampling error of plus or minus four points",
                "four",
                "points"
            )
            .margin
        );
        assert!(frame("Results are plus or minus 2 points", "2", "points").margin);
        // Must not: a winning margin, a temperature's "minus", an error
        // outside the figure's clause or far before it.
        assert!(!frame("She won by a margin of 12 votes", "12", "votes").margin);
        assert!(!frame("Lows of minus 5 degrees left 40 homes cold", "40", "homes").margin);
        assert!(
            !frame(
                "The clerk admitted an error, and the count gave her 300 votes",
                "300",
                "votes"
            )
            .margin
        );
    }

    #[test]
    fn a_subgroup_set_by_a_participle() {
        // Must: a participle and a preposition of a group after the noun.
        assert!(
            frame(
                "Records show 88 abortions performed on girls aged 14 and younger",
                "88",
                "abortions"
            )
            .subgroup
        );
        assert!(frame("The city gave 40 grants awarded to women", "40", "grants").subgroup);
        assert!(
            frame(
                "Officers made 12 arrests ordered for looting",
                "12",
                "arrests"
            )
            .subgroup
        );
        // Must not: where or when it happened, an article after the
        // preposition, a participle with a comma, no participle.
        assert!(!frame("There were 30 people killed in the blast", "30", "people").subgroup);
        assert!(!frame("Police had 12 people arrested on Friday", "12", "people").subgroup);
        assert!(
            !frame(
                "The agency had 12 complaints forwarded to the minister",
                "12",
                "complaints"
            )
            .subgroup
        );
        assert!(!frame("It counted 40 grants, awarded to women", "40", "grants").subgroup);
        assert!(!frame("It gave 40 grants to women", "40", "grants").subgroup);
        let (a, b) = (
            frame(
                "Records show 88 abortions performed on girls aged 14",
                "88",
                "abortions",
            ),
            frame(
                "Records show 11,844 abortions were performed in 2002",
                "11,844",
                "abortions",
            ),
        );
        assert!(!a.comparable(&b));
    }

    #[test]
    fn a_spread_of_another_figure() {
        // Must: a figure, its noun, a locative preposition, the count.
        let a = frame(
            "The filter stopped 27,000 infected messages in 115 countries",
            "115",
            "countries",
        );
        assert_eq!(a.spread_of.as_deref(), Some("messag"));
        let b = frame(
            "The firm logged 31,000 infections across 120 countries",
            "120",
            "countries",
        );
        assert!(b.spread_of.is_some() && !a.comparable(&b));
        let c = frame("The virus has reached 120 countries", "120", "countries");
        assert!(c.spread_of.is_none() && !a.comparable(&c));
        // Must not: no figure before the preposition, a comma between, a
        // year; two spreads of one noun stay comparable.
        assert!(
            frame("Cases were reported in 12 states", "12", "states")
                .spread_of
                .is_none()
        );
        assert!(
            frame("It counted 40 cars, in 12 towns", "12", "towns")
                .spread_of
                .is_none()
        );
        assert!(
            frame("In 2003 the chain opened 40 stores", "40", "stores")
                .spread_of
                .is_none()
        );
        let d = frame(
            "The worm hit 9,000 infected messages in 80 countries",
            "80",
            "countries",
        );
        assert!(a.comparable(&d));
    }

    #[test]
    fn a_running_total_held_now() {
        // Must: right after "has" or "have".
        assert!(frame("He has 53 catches this season", "53", "catches").running);
        assert!(frame("The forward now has 212 points", "212", "points").running);
        // Must not: what happened, or "has" with a verb between.
        assert!(!frame("He wound up with eight catches", "eight", "catches").running);
        assert!(!frame("The storm has killed 12 people", "12", "people").running);
        let a = frame("He has 53 catches this season", "53", "catches");
        let b = frame("He made eight catches on Sunday", "eight", "catches");
        assert!(!a.comparable(&b));
    }

    #[test]
    fn a_window_of_time() {
        assert!(
            frame(
                "Sales rose in each of the past three years",
                "three",
                "years"
            )
            .window
        );
        assert!(frame("She won twice in her first two seasons", "two", "seasons").window);
        assert!(!frame("She served two years in prison", "two", "years").window);
    }

    #[test]
    fn a_rate_against_a_total() {
        assert!(frame("She averages 14 points a game for the club", "14", "points").rate);
        assert!(frame("Tenants pay $900 per month", "$900", "$900").rate);
        assert!(!frame("She scored 14 points in the final", "14", "points").rate);
        // "a game winner" is a noun phrase, not a rate.
        assert!(!frame("He hit 2 homers a game winner included", "2", "homers").rate);
        let total = frame("She scored 14 points in the final", "14", "points");
        let rate = frame("She averages 18 points a game", "18", "points");
        assert!(!total.comparable(&rate));
    }

    #[test]
    fn a_noun_split_at_a_participle_is_a_modifier() {
        assert!(
            frame(
                "The crew seized one rocket propelled grenade launcher and rifles",
                "one",
                "rocket"
            )
            .modifier
        );
        assert!(
            !frame(
                "Officials said 12 people injured in the blast",
                "12",
                "people"
            )
            .modifier
        );
        assert!(!frame("There were three people killed Monday", "three", "people").modifier);
    }

    #[test]
    fn kinds_of_the_counted_noun() {
        let a = frame("Crews sent 31 fire trucks to the blaze", "31", "trucks");
        let b = frame(
            "Crews used three ladder trucks at the blaze",
            "three",
            "trucks",
        );
        assert_eq!(b.modifiers, ["ladder"]);
        assert!(!a.comparable(&b));
        // Must not: one kind named and the other not, or a kind shared.
        let c = frame("Crews sent five trucks to the blaze", "five", "trucks");
        let d = frame(
            "Crews sent six red fire trucks to the blaze",
            "six",
            "trucks",
        );
        assert!(a.comparable(&c) && b.comparable(&c) && a.comparable(&d));
        // Must not: describing words are no kind.
        let e = frame("Two American soldiers died", "Two", "soldiers");
        let f = frame("Three young soldiers died", "Three", "soldiers");
        assert!(e.modifiers.is_empty() && e.comparable(&f));
    }

    #[test]
    fn distances_from_different_places() {
        let a = frame(
            "The ship was 150 miles off Aden when it was hit",
            "150",
            "miles",
        );
        let b = frame(
            "The frigate was 13 miles from the Gibe at the time",
            "13",
            "miles",
        );
        assert_eq!(a.from, Some(vec!["aden".to_string()]));
        assert!(!a.comparable(&b));
        // Must not: one place, or one unnamed, stays comparable.
        let c = frame("The quake struck 40 miles north of Aden", "40", "miles");
        let d = frame("The quake struck 60 miles from the coast", "60", "miles");
        assert!(a.comparable(&c));
        assert_eq!(d.from, None);
        assert!(b.comparable(&d));
    }

    #[test]
    fn owners_named_in_the_clause() {
        let a = frame(
            "Okafor grabbed 11 rebounds in the second half",
            "11",
            "rebounds",
        );
        let b = frame(
            "Lindqvist led all players with seven rebounds",
            "seven",
            "rebounds",
        );
        assert_eq!(a.owner, Some(vec!["okafor".to_string()]));
        assert!(!a.comparable(&b));
        // A possessor right before the figure.
        let c = frame("Marchetti's 20 points sealed the win", "20", "points");
        assert_eq!(c.owner, Some(vec!["marchetti".to_string()]));
        // A pronoun: the person named before its clause.
        let d = frame(
            "The clerk, Ana Ruiz, was fired from the mill, where she had worked for 15 years",
            "15",
            "years",
        );
        assert_eq!(d.owner, Some(vec!["ana".to_string(), "ruiz".to_string()]));
        let spaced = frame(
            "The clerk, Ana Ruiz, left the mill, where she ’ d worked for 15 years",
            "15",
            "years",
        );
        assert_eq!(spaced.owner, d.owner);
        // Must not: a source, a place or an object is no owner; a common
        // word opening the sentence is none either.
        for (text, figure, noun) in [
            (
                "Police said 12 people were injured in the riots",
                "12",
                "people",
            ),
            (
                "Millions of people in Asia lost access after two cables broke",
                "two",
                "cables",
            ),
            ("The quake in Qeshm injured three people", "three", "people"),
            (
                "The deal with Ortega is worth $90 million",
                "$90 million",
                "$90 million",
            ),
        ] {
            assert_eq!(frame(text, figure, noun).owner, None, "{text}");
        }
        // The same owner, or one unknown: comparable.
        let e = frame("Okafor grabbed nine rebounds on Sunday", "nine", "rebounds");
        let f = frame("The bench finished with nine rebounds", "nine", "rebounds");
        assert!(a.comparable(&e));
        assert!(b.comparable(&f));
    }

    #[test]
    fn an_owner_before_an_aside() {
        // "NAME, who …" and "NAME, the …, VERB": the name is the owner.
        let a = frame(
            "Okafor, who faces a maximum of 20 years in prison, pleaded guilty",
            "20",
            "years",
        );
        assert_eq!(a.owner, Some(vec!["okafor".to_string()]));
        let b = frame(
            "Lindqvist, who faces a maximum 15 years in prison, is free on bail",
            "15",
            "years",
        );
        assert!(!a.comparable(&b));
        let c = frame(
            "Brightline, the region's largest employer, has 11,000 workers",
            "11,000",
            "workers",
        );
        assert_eq!(c.owner, Some(vec!["brightline".to_string()]));
        let long = frame(
            "Mr. Giant, who listed his trade as the keeper of a boarding house on Quay Street, was sentenced to seven years",
            "seven",
            "years",
        );
        assert_eq!(long.owner, Some(vec!["giant".to_string()]));
        // An acronym opening the sentence is a name, a common word is not.
        let d = frame(
            "NORCO, the largest carmaker, has 9,000 workers",
            "9,000",
            "workers",
        );
        assert_eq!(d.owner, Some(vec!["norco".to_string()]));
        // Must not: an aside that is no description of the name (a number,
        // an age), or a name that is a preposition's object.
        assert_eq!(
            frame("Okafor, 30, was charged with five counts", "five", "counts").owner,
            None
        );
        assert_eq!(
            frame(
                "In Halden, the largest town, crews cleared 40 roads",
                "40",
                "roads"
            )
            .owner,
            None
        );
    }

    #[test]
    fn a_pronoun_names_nobody() {
        // A pronoun with nobody named before it: someone unnamed, who may
        // not be the one another sentence names.
        let a = frame("He was sentenced to 12 years in prison", "12", "years");
        assert_eq!(a.owner, Some(vec![UNNAMED.to_string()]));
        let b = frame(
            "Okafor was sentenced to nine years in prison",
            "nine",
            "years",
        );
        assert!(!a.comparable(&b));
        // Must not: two unnamed pronouns, or a figure with no owner read.
        let c = frame("He served nine years in prison", "nine", "years");
        let d = frame("The sentence was nine years in prison", "nine", "years");
        assert!(a.comparable(&c) && a.comparable(&d));
    }

    #[test]
    fn a_name_in_a_figure_phrase_owns_no_later_figure() {
        // "NN active ACME workers and MM retirees": ACME says what the first
        // figure counts; the second figure's owner is read on before it.
        let a = frame(
            "Okafor Mining, the largest miner, has 9,000 active Delta workers and 4,000 retirees",
            "4,000",
            "retirees",
        );
        assert_eq!(
            a.owner,
            Some(vec!["okafor".to_string(), "mining".to_string()])
        );
        let b = frame(
            "They cover 12,000 Delta workers and 6,000 retirees",
            "6,000",
            "retirees",
        );
        assert_eq!(b.owner, Some(vec![UNNAMED.to_string()]));
        assert!(!a.comparable(&b));
        let c = frame(
            "Okafor Mining employs 300 Delta engineers and 50 clerks",
            "50",
            "clerks",
        );
        assert_eq!(
            c.owner,
            Some(vec!["okafor".to_string(), "mining".to_string()])
        );
        // Without the "and": the name in the first phrase is still no owner.
        let g = frame(
            "They cover 12,000 Delta workers versus 6,000 retirees",
            "6,000",
            "retirees",
        );
        assert_eq!(g.owner, Some(vec![UNNAMED.to_string()]));
        // Must not: a clause of its own after "and" keeps its own owner.
        let h = frame(
            "Brightline has 40 stores and Okafor Mining has 30 stores",
            "30",
            "stores",
        );
        assert_eq!(
            h.owner,
            Some(vec!["okafor".to_string(), "mining".to_string()])
        );
        // Must not: a name after a year, or followed by a verb, or set off
        // from the figure by a comma or a function word, stays the owner.
        let d = frame("In 2003 Brightline earned 40 cents a share", "40", "cents");
        assert_eq!(d.owner, Some(vec!["brightline".to_string()]));
        let e = frame("After 12 years Okafor signed 30 players", "30", "players");
        assert_eq!(e.owner, Some(vec!["okafor".to_string()]));
        let f = frame(
            "The union has 500 members and Okafor Steel has 40 plants",
            "40",
            "plants",
        );
        assert_eq!(
            f.owner,
            Some(vec!["okafor".to_string(), "steel".to_string()])
        );
    }

    #[test]
    fn a_rank_bracket_is_no_count() {
        let a = frame(
            "The county is among the bottom 10 states on income",
            "10",
            "states",
        );
        let b = frame(
            "The county is among the bottom five states on schools",
            "five",
            "states",
        );
        assert!(a.rank && !a.comparable(&b));
        assert!(frame("The team finished in the top three clubs", "three", "clubs").rank);
        // Must not: a plain count.
        let c = frame("Floods hit 10 states this spring", "10", "states");
        let d = frame("Floods hit five states this spring", "five", "states");
        assert!(!c.rank && c.comparable(&d));
    }

    #[test]
    fn a_figure_of_each_member_against_a_total() {
        let a = frame(
            "Each crate weighed less than 40 kilograms at the dock",
            "40",
            "kilograms",
        );
        let b = frame(
            "The crates weighed 150 kilograms combined",
            "150",
            "kilograms",
        );
        assert!(a.each && !b.each && !a.comparable(&b));
        assert!(frame("The boys were sold for $300 apiece", "$300", "$300").each);
        // Must not: "each of" counts them all; no distributive word.
        assert!(!frame("Each of the 12 miners was rescued", "12", "miners").each);
        assert!(!frame("The crates weighed 40 kilograms", "40", "kilograms").each);
    }

    #[test]
    fn figures_that_split_the_noun() {
        let a = frame(
            "She travelled on two Danish and one Irish passport",
            "one",
            "passport",
        );
        assert!(a.split);
        let b = frame("She travelled on two passports", "two", "passports");
        assert!(!a.comparable(&b));
        // Must not: two counts of different nouns, or one figure.
        assert!(!frame("She carried one passport and two bags", "two", "bags").split);
        assert!(!b.split);
    }
}
