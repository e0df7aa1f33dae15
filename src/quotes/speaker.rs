//! Speakers: who a source says spoke a quotation, and one name per person.
//!
//! Attribution is read from the words around the quotation with a small
//! lexicon of English speech verbs ("said", "told", "wrote", "posted",
//! "asked", "warned", ...), pronouns and role nouns ("official",
//! "spokesman", "ambassador", ...):
//!
//! * after the quotation: `"…," X said`, `"…," said X`, `"…," according to X`;
//! * before it: `X said, "…"`, `X told Fox News, "…"`, `X added: "…"`,
//!   `X ..., saying, "…"`, `According to X, "…"`, `X: "…"`. The subject is
//!   searched backwards from the last speech verb; a capitalised name counts
//!   when it stands right before the verb, opens the sentence, or is a known
//!   person, so that objects and places ("told CBS News that Israel …") are
//!   passed over.
//!
//! People are recognised per story: a capitalised name after a personal
//! title ("Prime Minister Benjamin Netanyahu", "Sen. Rand Paul") or a name of
//! two words or more right before a speech verb. Each name is shown in its
//! longest form with the same surname ("Netanyahu" → "Benjamin Netanyahu").
//! Roles without a name stay roles, as written ("an unnamed Israeli
//! official"). Pronouns resolve to the last person named before them in the
//! document, outside quotations. Nothing found means no speaker: never a
//! guess.
//!
//! Sentence ends between words are the language layer's boundary test
//! ([`crate::nlp::sentences::boundaries`]), as in every stage; runs of
//! capitalised words are the layer's name-run finder
//! ([`crate::nlp::names::run_end`], [`crate::nlp::names::name_runs_with`])
//! under this stage's rules ([`RUNS`]), so they join across the period of
//! an initial or title as every stage's do.
//!
//! Every word list is a data file of the language layer (`data/en/`, read
//! through [`crate::nlp::lists`]): speech verbs, role nouns, titles,
//! prepositions and the closed-class words (determiners, pronouns, forms
//! of "be", words between a subject and its verb, sentence openers) of
//! `function_words.tsv`.

use crate::nlp::data::{rows, word_set};
use crate::nlp::lists::{FunctionClass, is_function_word, is_modifier_preposition};
use crate::nlp::names::RunRules;
use crate::params::QuoteParams;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A word with the gap before it, from the language layer's tokenizer.
pub(crate) use crate::nlp::tokens::Spaced as Tok;

fn tokens(text: &str) -> Vec<Tok<'_>> {
    crate::nlp::tokens::spaced_words(text)
}

/// How a speech verb's form reads as a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounUse {
    /// Never ("said", "told").
    No,
    /// A noun itself ("warning", "claim", "post").
    Noun,
    /// The plural of a noun lemma ("decrees", "claims"): a noun only right
    /// after a determiner or a possessor ("the decrees"), since "the video
    /// tells" is a verb.
    Plural,
}

/// The speech verbs and their inflections, from `data/en/speech_verbs.txt`
/// (derived from WordNet's verbs of communication by
/// `scripts/make_speech_verbs.py`): each form, and whether it is also a noun
/// ("warning", "claim", "post") or the plural of one ("decrees").
static SPEECH_VERBS: LazyLock<HashMap<&'static str, NounUse>> = LazyLock::new(|| {
    let rows: Vec<(&str, &str, bool)> = rows(include_str!("../../data/en/speech_verbs.txt"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?, r.get(2) == Some(&"n"))))
        .collect();
    let noun_lemmas: HashSet<&str> = rows
        .iter()
        .filter(|r| r.2 && r.0 == r.1)
        .map(|r| r.1)
        .collect();
    rows.into_iter()
        .map(|(form, lemma, noun)| {
            let plural =
                form.strip_suffix('s') == Some(lemma) || form.strip_suffix("es") == Some(lemma);
            let class = if noun {
                NounUse::Noun
            } else if plural && noun_lemmas.contains(lemma) {
                NounUse::Plural
            } else {
                NounUse::No
            };
            (form, class)
        })
        .collect()
});

/// Verbs that report a quotation only right after it, with their subject
/// (`"…," Willoughby's letter continued.`), from
/// `data/en/speech_verbs_after.txt` (WordNet verbs with a communication
/// sense of any rank; `scripts/make_speech_verbs.py --after`).
static SPEECH_VERBS_AFTER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/speech_verbs_after.txt")));

/// Verbs of perception and their forms ("heard", "saw", "watched"), from
/// `data/en/perception_verbs.txt` (WordNet's verbs of perception that take
/// an object; `scripts/make_speech_verbs.py --perception`): in "Nelson
/// heard people shout: …" their object speaks, not their subject.
static PERCEPTION_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/perception_verbs.txt")));

/// "Nelson heard people shout", "she saw the officer tell them": a verb of
/// perception, then a noun phrase (at most `max` words, in the clause) that
/// ends right before the speech verb at `v`. That phrase is the speech
/// verb's subject, and no one before the perception verb is:
/// `Some(who)` with the phrase when it is a person or a role a role noun
/// heads, `Some(None)` when it is anything else ("people", "him").
/// `None`: no perception verb there.
fn perceived_subject(text: &str, toks: &[Tok], v: usize, max: usize) -> Option<Option<Who>> {
    let p = (v.saturating_sub(max + 1)..v.saturating_sub(1))
        .rev()
        .take_while(|&k| !breaks_before(toks, k + 1) && !toks[k + 1].gap.contains(','))
        .find(|&k| {
            !toks[k].is_capitalised() && PERCEPTION_VERBS.contains(toks[k].lower().as_str())
        })?;
    let who = phrase_at(text, toks, p + 1)
        .filter(|(who, end)| *end == v && !who.is_anaphor() && headed_by_person(who))
        .map(|(who, _)| who);
    Some(who)
}

/// Does token `k` close the clause after a quotation's subject with a verb
/// that reports speech there (`"…," he continued.`, `"…," she continued,
/// looking at him`)? Only when nothing follows it in its clause.
fn closes_with_speech_verb(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let last = toks
        .get(k + 1)
        .is_none_or(|n| n.gap.contains(',') || breaks_before(toks, k + 1));
    last && !t.is_capitalised() && SPEECH_VERBS_AFTER.contains(t.lower().as_str())
}

/// Is this speech form the plural of a noun that is a noun in its own
/// right in the speech-verb list ("talks", "gripes": their row is marked
/// `n` and the word less its "s" is a form too), not only a verb form
/// ("says", "claims")?
fn is_plural_noun_form(t: &Tok) -> bool {
    let l = t.lower();
    !t.is_capitalised()
        && speech_verb_form(&l) == Some(NounUse::Noun)
        && l.strip_suffix('s')
            .is_some_and(|stem| speech_verb_form(stem).is_some())
}

fn speech_verb_form(word: &str) -> Option<NounUse> {
    SPEECH_VERBS.get(word).copied()
}

/// Is this lower-case word a form of a speech verb ("wrote", "says")?
pub(crate) fn is_speech_word(lower: &str) -> bool {
    speech_verb_form(lower).is_some()
}

pub(crate) fn is_speech_verb(t: &Tok) -> bool {
    !t.is_capitalised() && speech_verb_form(&t.lower()).is_some()
}

fn is_determiner(t: &Tok) -> bool {
    is_determiner_word(&t.lower())
}

fn is_determiner_word(lower: &str) -> bool {
    is_function_word(lower, FunctionClass::Determiner)
}

/// A preposition ("to the mayor", "despite"), not one that is also a
/// common adverb or noun ("on the outside, Ingaldson said"), from
/// `data/en/prepositions.txt`.
fn is_preposition(lower: &str) -> bool {
    crate::nlp::lists::is_only_preposition(lower)
}

/// "he" or "she" as a subject, with its gender.
fn subject_pronoun(t: &Tok) -> Option<Gender> {
    crate::nlp::lists::subject_pronoun(&t.lower()).flatten()
}

/// A noun naming a person by a role ("spokesman"), from the language
/// layer's role nouns (WordNet's nouns of persons).
fn is_role_noun(t: &Tok) -> bool {
    !t.is_capitalised() && crate::nlp::lists::is_role_noun(&t.lower())
}

fn is_title(t: &Tok) -> bool {
    let norm = crate::text::normalise_word(t.raw);
    crate::nlp::lists::is_title(&norm) || is_function_word(&norm, FunctionClass::Country)
}

fn is_filler(t: &Tok) -> bool {
    let l = t.lower();
    !t.is_capitalised()
        && (is_function_word(&l, FunctionClass::BeforeVerb) || (l.ends_with("ly") && l.len() > 4))
}

/// "William L. Kovacs, the Chamber's vice president, said": a role set off
/// by commas right after a name describes that person, who is the speaker.
/// `head` is the role's head noun; looks back over the role phrase (a few
/// words) to the comma, and takes the name before it when it is a person
/// (two words or more, or known from the story).
fn appositive_name(text: &str, toks: &[Tok], head: usize, people: &People) -> Option<Vec<String>> {
    let comma = (head.saturating_sub(people.params.role_words)..=head)
        .rev()
        .find(|&k| k > 0 && toks[k].gap.contains(','))?;
    let last = comma - 1;
    if !toks[last].is_capitalised() || toks[last].is_possessive() {
        return None;
    }
    let name = name_in_run(&toks[cap_run_start(text, toks, last)..=last]);
    (name.len() >= 2 || people.is_person(&name)).then_some(name)
}

/// Does the gap before token `k` end a clause? As [`breaks_clause`], except
/// that the period of an abbreviated title or an initial ("Dr. Tomas Lind",
/// "Donald J. Trump") joins the words around it.
fn breaks_before(toks: &[Tok], k: usize) -> bool {
    let gap = toks[k].gap;
    !(k > 0 && period_joins(&toks[k - 1], gap)) && breaks_clause(gap)
}

/// A single capital letter standing for a name ("J." in "Donald J. Trump").
fn is_initial(t: &Tok) -> bool {
    t.raw.chars().count() == 1 && t.is_capitalised()
}

/// Is `gap` (after `prev`) the period of an abbreviated title or an
/// initial, which joins the words around it rather than ending a sentence
/// ("Dr. Tomas Lind", "William L. Kovacs")?
fn period_joins(prev: &Tok, gap: &str) -> bool {
    crate::nlp::names::period_joins(prev.raw, gap)
}

/// A gap that ends a clause or sentence (a comma does not).
fn breaks_clause(gap: &str) -> bool {
    gap.contains([';', '.', '?', '!', '(', ')'])
        || gap.contains(crate::text::is_double_quote)
        || gap.contains('\n')
}

/// Does the speech verb at `v` read as a noun here ("a stern warning")?
fn is_noun_use(toks: &[Tok], v: usize) -> bool {
    let Some(t) = toks.get(v) else { return false };
    let class = speech_verb_form(&t.lower());
    if !matches!(class, Some(NounUse::Noun | NounUse::Plural)) {
        return false;
    }
    let before = |k: usize| v.checked_sub(k).and_then(|i| toks.get(i));
    // "a stern warning" is a noun; "a cop yell" a verb whose subject is
    // the person a role noun names right before it.
    let subject = |w: &Tok| is_speech_verb(w) || (is_role_noun(w) && t.gap == " ");
    // "EU member states", "staff reports": the plural of a noun right after
    // a singular role noun with no determiner of its own is a compound
    // noun; a singular count noun takes a determiner as a subject ("a
    // member states").
    let compound = class == Some(NounUse::Plural)
        && t.gap == " "
        && before(1).is_some_and(|p| {
            let l = p.lower();
            is_role_noun(p) && crate::nlp::lists::role_lemma(&l) == Some(l.as_str())
        })
        && before(2).is_none_or(|p| !(is_determiner(p) || p.is_possessive()));
    compound
        || before(1).is_some_and(|p| is_determiner(p) || p.is_possessive())
        || (class == Some(NounUse::Noun)
            // "the striker, saying": a comma ends the noun phrase; not
            // after a modifier in "-ing" ("a squinting, mumbling man").
            && !(t.gap.contains(',') && before(1).is_some_and(|p| !p.lower().ends_with("ing")))
            && before(2).is_some_and(|p| is_determiner(p) && !before(1).is_some_and(subject)))
}

/// Who a source names as the speaker, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Who {
    /// Name words as written, titles stripped.
    Name(Vec<String>),
    /// A role phrase as written, a leading article lower-cased.
    Role(String),
    /// "he" or "she".
    Pronoun(Gender),
    /// "says one", "One said:": one of the people a sentence just before
    /// names by a role ("Sources … are betting …"); see [`one_of`].
    One,
    /// "said the 29-year-old": the person of that age; see [`aged`].
    Age(u32),
    /// Two people speaking together ("Ana Lima and Tom Reyes added:"),
    /// each as [`Who::Name`].
    Pair(Vec<String>, Vec<String>),
}

impl Who {
    /// Does it stand for someone named elsewhere, found only when the
    /// quotation's document is read ("he", "one", "the 29-year-old")?
    pub(crate) fn is_anaphor(&self) -> bool {
        matches!(self, Who::Pronoun(_) | Who::One | Who::Age(_))
    }
}

/// The age in "29-year-old", if the word is one.
fn age_of(t: &Tok) -> Option<u32> {
    let l = t.lower();
    let n = l.strip_suffix("-year-old")?;
    (!n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()))
        .then(|| n.parse().ok())
        .flatten()
}

/// Does the token at `i` end its clause (nothing after it, or a break or
/// comma before the next word)?
fn ends_clause_at(toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1)
        .is_none_or(|n| breaks_before(toks, i + 1) || n.gap.contains(','))
}

/// The grammatical gender a pronoun or honorific gives a person.
pub(crate) use crate::nlp::lists::Gender;

/// The gender of a personal pronoun ("he", "her"…), if it is one
/// (`data/en/function_words.tsv`).
fn pronoun_gender(word: &str) -> Option<Gender> {
    [Gender::Male, Gender::Female]
        .into_iter()
        .find(|g| is_function_word(word, FunctionClass::Personal(*g)))
}

/// The gender a title before a name gives ("Mr.", "Sister", "Chairman"),
/// from the language layer's titles table (`data/en/titles.tsv`).
fn honorific_gender(word: &str) -> Option<Gender> {
    crate::nlp::lists::title(word).and_then(|t| t.gender)
}

/// Longest run of capitalised words read as one name or title phrase
/// ("Israeli Prime Minister Benjamin Netanyahu" is five). Bounding it keeps
/// every scan linear on pathological text (a line of capitalised words).
const MAX_NAME_WORDS: usize = 8;

/// How speaker detection reads runs of capitalised words with the
/// language layer's finder: every capitalised word is a run word (titles,
/// and openers or articles that [`name_in_run`] strips: "However Sen. Ana
/// Ruiz"), a possessive ends its run ("Clinton's communications
/// director"), and a run holds at most [`MAX_NAME_WORDS`] words.
const RUNS: RunRules = RunRules {
    any_capital: true,
    particles: false,
    possessive_breaks: true,
    max_words: MAX_NAME_WORDS,
};

/// The end of the run of capitalised words that starts at `i`.
fn cap_run_end(text: &str, toks: &[Tok], i: usize) -> usize {
    crate::nlp::names::run_end(text, toks, i, &RUNS)
}

/// The start of the run of capitalised words that ends at `i` (titles
/// abbreviated with a period included).
fn cap_run_start(text: &str, toks: &[Tok], i: usize) -> usize {
    crate::nlp::names::run_start(text, toks, i, &RUNS)
}

/// The runs of capitalised words of a text, as (first, last) token indices,
/// left to right, each token in at most one run.
fn cap_runs(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    crate::nlp::names::name_runs_with(text, toks, &RUNS)
        .into_iter()
        .map(|r| (r.tokens.start, r.tokens.end - 1))
        .collect()
}

/// The name inside a run of capitalised words: the words after the last
/// title, or the run without leading sentence words ("However", "But").
pub(crate) fn name_in_run(run: &[Tok]) -> Vec<String> {
    let after_title = run.iter().rposition(is_title).map_or(0, |p| p + 1);
    let rest = &run[after_title..];
    let skip = rest
        .iter()
        .take_while(|t| {
            let l = t.lower();
            crate::text::is_stop(&l)
                || is_determiner_word(&l)
                || is_preposition(&l)
                || is_function_word(&l, FunctionClass::Opener)
        })
        .count();
    let mut name = &rest[skip..];
    // "General Manager A.J. Smith", "Pastor Rick Warren": a role noun
    // before a name of two words or more, not an initial ("Hunter S.
    // Thompson"), is part of the title.
    while name.len() > 2
        && crate::nlp::lists::is_role_noun(&name[0].lower())
        && !is_initial(&name[1])
    {
        name = &name[1..];
    }
    name.iter()
        .enumerate()
        .map(|(k, t)| {
            // An initial keeps its period ("William L. Kovacs").
            if is_initial(t) && name.get(k + 1).is_some_and(|n| n.gap.trim() == ".") {
                format!("{}.", t.bare())
            } else {
                t.bare().to_string()
            }
        })
        .collect()
}

/// The role phrase whose head noun is at `h`: back to a determiner or a
/// possessive, over at most four modifiers, within the clause.
fn role_phrase(text: &str, toks: &[Tok], h: usize) -> String {
    let j = role_phrase_start(toks, h);
    let phrase = text.get(toks[j].start..toks[h].end).unwrap_or(toks[h].raw);
    lower_article(phrase)
}

/// The first token of the role phrase whose head noun is at `h`.
fn role_phrase_start(toks: &[Tok], h: usize) -> usize {
    let mut j = h;
    while j > 0 && h - j < 4 && !toks[j].gap.contains([',', ';', ':']) {
        let cand = &toks[j - 1];
        if is_determiner(cand) || (cand.is_capitalised() && cand.is_possessive()) {
            j -= 1;
            break;
        }
        let l = cand.lower();
        if crate::text::is_stop(&l) || is_speech_verb(cand) || is_preposition(&l) {
            break;
        }
        j -= 1;
    }
    j
}

fn lower_article(phrase: &str) -> String {
    let first = phrase.split_whitespace().next().unwrap_or("");
    if is_determiner_word(&first.to_lowercase()) {
        let mut out = first.to_lowercase();
        out.push_str(&phrase[first.len()..]);
        out
    } else {
        phrase.to_string()
    }
}

/// A noun phrase starting at `i` (after "according to" or "said"): a
/// pronoun, a name or a role. Returns it and the index after it.
fn phrase_at(text: &str, toks: &[Tok], i: usize) -> Option<(Who, usize)> {
    let t = toks.get(i)?;
    if let Some(g) = subject_pronoun(t) {
        return Some((Who::Pronoun(g), i + 1));
    }
    // "…," says one.
    if t.lower() == "one" && ends_clause_at(toks, i) {
        return Some((Who::One, i + 1));
    }
    if t.is_capitalised() && !is_determiner(t) {
        let e = cap_run_end(text, toks, i);
        if toks[e].is_possessive() {
            return possessed_role(text, toks, i, e);
        }
        if let Some(found) = name_after_role(text, toks, e + 1) {
            return Some(found);
        }
        let name = name_in_run(&toks[i..=e]);
        if name.is_empty()
            && let Some(found) = name_after_title_of(text, toks, e + 1)
        {
            return Some(found);
        }
        if name.len() == 1 && is_calendar_word(&name[0]) {
            return None;
        }
        if !name.is_empty() {
            // "said Ana Lima and Tom Reyes": two people speak together.
            if let Some((other, end)) = and_name_after(text, toks, e) {
                return Some((Who::Pair(name, other), end));
            }
            return Some((Who::Name(name), e + 1));
        }
        // "said the President" is a role; "Despite", "However" (words that
        // open a sentence, nothing left of the run) are no one.
        if !toks[i..=e].iter().any(is_title) {
            return None;
        }
        return Some((Who::Role(lower_article(join_toks(text, toks, i, e))), e + 1));
    }
    // "said sheriff's Sgt. Ana Lima": a lower-case possessor before a
    // titled name is a modifier of the title; the name is the person.
    if t.is_possessive()
        && let Some(n) = toks.get(i + 1)
        && n.is_capitalised()
        && !breaks_before(toks, i + 1)
        && !n.gap.contains(',')
    {
        let e = cap_run_end(text, toks, i + 1);
        let run = &toks[i + 1..=e];
        let name = name_in_run(run);
        if run.iter().any(is_title) && !name.is_empty() {
            return Some((Who::Name(name), e + 1));
        }
    }
    // "as critics argued", "and officials": a preposition or a
    // conjunction opens no noun phrase.
    if is_preposition(&t.lower()) || is_function_word(&t.lower(), FunctionClass::Coordinator) {
        return None;
    }
    // A role: up to five words ending in a role noun, or a determiner and
    // the noun phrase after it; a name in apposition wins ("resident Ana
    // Lima").
    // A relative clause ends the phrase: "the Democrat who is familiar
    // with …" is headed by "Democrat", not the role noun "familiar".
    let in_clause = |k: usize| {
        k == i
            || !breaks_before(toks, k)
                && !toks[k].gap.contains(',')
                && !matches!(toks[k].lower().as_str(), "who" | "which" | "that")
                && !is_function_word(&toks[k].lower(), FunctionClass::Be)
    };
    let end = (i..toks.len().min(i + 6))
        .take_while(|&k| in_clause(k))
        .last()?;
    if let Some(mut head) = (i..=end).find(|&k| is_role_noun(&toks[k])) {
        // "a senior officer", "the veteran coach": the last of a run of
        // role nouns is the head.
        while head < end && in_clause(head + 1) && is_role_noun(&toks[head + 1]) {
            head += 1;
        }
        if toks.get(head + 1).is_some_and(|n| n.is_capitalised()) && in_clause(head + 1) {
            let e = cap_run_end(text, toks, head + 1);
            let name = name_in_run(&toks[head + 1..=e]);
            if !name.is_empty() {
                return Some((Who::Name(name), e + 1));
            }
        }
        return Some((
            Who::Role(lower_article(join_toks(text, toks, i, head))),
            head + 1,
        ));
    }
    if !is_determiner(t) {
        return None;
    }
    let last = (i + 1..=end)
        .take_while(|&k| {
            let l = toks[k].lower();
            !crate::text::is_stop(&l) && !is_preposition(&l) && !is_speech_verb(&toks[k])
        })
        .last()?;
    if is_medium(&toks[last]) {
        return medium_author(text, toks, last);
    }
    if is_number_head(&toks[last]) {
        // "said the 29-year-old": the person of that age, if the story
        // says who; "the 3" is no one.
        return (last == i + 1 && t.lower() == "the")
            .then(|| age_of(&toks[last]))
            .flatten()
            .map(|n| (Who::Age(n), last + 1));
    }
    Some((
        Who::Role(lower_article(join_toks(text, toks, i, last))),
        last + 1,
    ))
}

/// "the 29-year-old", "the 3": a head with a digit stands for a person
/// named elsewhere, not a role a reader can place; never a speaker.
fn is_number_head(t: &Tok) -> bool {
    t.raw.chars().any(|c| c.is_ascii_digit())
}

/// Is this a weekday or a month written in full ("Saturday", "March"; not
/// "May", which is a name too)? A date is never a speaker. From the
/// calendar table of the language layer.
fn is_calendar_word(word: &str) -> bool {
    crate::nlp::calendar::lookup(&key(word)).is_some_and(|c| !c.abbreviation && c.form != "may")
}

/// The words of a noun phrase after `from` within its clause: lower-case
/// modifiers and a head, no stop word, preposition or speech verb, at most
/// `max` words. Returns the index of the head (the last word).
fn lower_phrase_end(toks: &[Tok], from: usize, max: usize) -> Option<usize> {
    (from..toks.len().min(from + max))
        .take_while(|&k| {
            let l = toks[k].lower();
            !toks[k].is_capitalised()
                && (k == from || !breaks_before(toks, k) && !toks[k].gap.contains(','))
                && !breaks_before(toks, k)
                && !crate::text::is_stop(&l)
                && !is_preposition(&l)
                && !is_speech_verb(&toks[k])
                && (k == from || !closes_with_speech_verb(toks, k))
        })
        .last()
}

/// "Clinton's communications director, Jennifer Palmieri": a possessor
/// (`i..=e`, ending in the possessive) opens a role phrase; a name set off by
/// a comma right after the role is the person, else the role as written.
/// The possessor itself is never the speaker, except of a medium it owns
/// ("Clinton's statement" speaks for Clinton).
fn possessed_role(text: &str, toks: &[Tok], i: usize, e: usize) -> Option<(Who, usize)> {
    // "Hardester's Market clerk Alicia Mullin", "the city's Parks
    // director Ana Lima": capitalised modifiers (at most two) before a
    // role noun; then only a name right after the role is the speaker.
    let modifiers = (e + 1..toks.len().min(e + 3))
        .take_while(|&k| {
            let t = &toks[k];
            t.is_capitalised()
                && !t.is_possessive()
                && !breaks_before(toks, k)
                && !t.gap.contains(',')
        })
        .count();
    if modifiers > 0 {
        let head = lower_phrase_end(toks, e + 1 + modifiers, 3)?;
        let n = toks.get(head + 1)?;
        if !is_role_noun(&toks[head])
            || !n.is_capitalised()
            || breaks_before(toks, head + 1)
            || !n.gap.trim().is_empty()
        {
            return None;
        }
        let end = cap_run_end(text, toks, head + 1);
        let name = name_in_run(&toks[head + 1..=end]);
        return (!name.is_empty()).then_some((Who::Name(name), end + 1));
    }
    let head = lower_phrase_end(toks, e + 1, 4)?;
    if is_medium(&toks[head]) {
        let name = name_in_run(&toks[i..=e]);
        return (!name.is_empty()).then_some((Who::Name(name), head + 1));
    }
    // "Clinton's communications director, Jennifer Palmieri" (two words
    // or more after a comma), "Ms. Davis's sister Crystal" (right after).
    if let Some(n) = toks.get(head + 1)
        && n.is_capitalised()
        && !breaks_before(toks, head + 1)
    {
        let comma = n.gap.trim() == ",";
        let end = cap_run_end(text, toks, head + 1);
        let name = name_in_run(&toks[head + 1..=end]);
        if (comma && name.len() >= 2) || (n.gap.trim().is_empty() && !name.is_empty()) {
            return Some((Who::Name(name), end + 1));
        }
    }
    Some((
        Who::Role(lower_article(join_toks(text, toks, i, head))),
        head + 1,
    ))
}

/// "MSNBC host Chris Matthews", "Democratic strategist Joe Trippi": after a
/// capitalised qualifier, a lower-case role of up to three words, then a
/// name of two words or more: that name is the person.
fn name_after_role(text: &str, toks: &[Tok], from: usize) -> Option<(Who, usize)> {
    let head = lower_phrase_end(toks, from, 3)?;
    let n = toks.get(head + 1)?;
    if !n.is_capitalised() || breaks_before(toks, head + 1) || n.gap.contains(',') {
        return None;
    }
    let end = cap_run_end(text, toks, head + 1);
    let name = name_in_run(&toks[head + 1..=end]);
    // One word will do when the speech verb follows right after it
    // ("Papua BMG spokesman Mujahidin said").
    let speaks = toks.get(end + 1).is_some_and(|v| {
        is_speech_verb(v) && !breaks_before(toks, end + 1) && !v.gap.contains(',')
    });
    (name.len() >= 2 || (name.len() == 1 && speaks)).then_some((Who::Name(name), end + 1))
}

/// "Secretary of the Interior Dirk Kempthorne": after a title, `of`, an
/// optional article and a capitalised run naming the office; the person is
/// the run's last two words (and an initial before them).
fn name_after_title_of(text: &str, toks: &[Tok], k: usize) -> Option<(Who, usize)> {
    if toks.get(k)?.lower() != "of" || breaks_before(toks, k) {
        return None;
    }
    let mut s = k + 1;
    if toks.get(s).is_some_and(|t| t.lower() == "the") {
        s += 1;
    }
    if !toks.get(s)?.is_capitalised() || breaks_before(toks, s) {
        return None;
    }
    let end = cap_run_end(text, toks, s);
    if end < s + 2 {
        return None;
    }
    let mut first = end - 1;
    if first > s + 1 && is_initial(&toks[first - 1]) {
        first -= 1;
    }
    let name = name_in_run(&toks[first..=end]);
    (name.len() >= 2).then_some((Who::Name(name), end + 1))
}

/// Is this word a medium that carries words rather than a speaker ("a
/// statement", "a tweet")? From `data/en/speech_media.txt`.
fn is_medium(t: &Tok) -> bool {
    !t.is_capitalised() && SPEECH_MEDIA.contains(t.lower().as_str())
}

static SPEECH_MEDIA: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/speech_media.txt")));

/// The author of the medium whose head noun is at `m` ("a statement from
/// the campaign", "a tweet by Trump"), when the text names one right after
/// it; else no one.
fn medium_author(text: &str, toks: &[Tok], m: usize) -> Option<(Who, usize)> {
    let p = toks.get(m + 1)?;
    if !matches!(p.lower().as_str(), "from" | "by" | "of") || breaks_before(toks, m + 1) {
        return None;
    }
    let (who, end) = phrase_at(text, toks, m + 2)?;
    (!matches!(who, Who::Pronoun(_))).then_some((who, end))
}

fn join_toks<'a>(text: &'a str, toks: &[Tok], from: usize, to: usize) -> &'a str {
    text.get(toks[from].start..toks[to].end).unwrap_or("")
}

/// Does the sentence before a quotation standing alone introduce it: a
/// speech verb used as a verb whose content is not already given by an
/// infinitive ("vowed to increase investment.", "promised to cut taxes.":
/// what was vowed is said, the next quotation is not it)? A word after
/// "to" that is a determiner, a pronoun, a capitalised name or a plural
/// ("told to the court", "spoke to reporters") is a listener instead.
pub(crate) fn introduces_speech(text: &str) -> bool {
    let toks = tokens(text);
    (0..toks.len())
        .any(|v| is_speech_verb(&toks[v]) && !is_noun_use(&toks, v) && !infinitive_after(&toks, v))
}

/// Is the verb at `v` followed by "to" and a bare verb ("vowed to increase")?
fn infinitive_after(toks: &[Tok], v: usize) -> bool {
    let (Some(to), Some(w)) = (toks.get(v + 1), toks.get(v + 2)) else {
        return false;
    };
    let l = w.lower();
    to.lower() == "to"
        && !breaks_before(toks, v + 1)
        && !breaks_before(toks, v + 2)
        && !w.is_capitalised()
        && w.raw.chars().all(char::is_alphabetic)
        && (!l.ends_with('s') || l.ends_with("ss"))
        && !is_determiner_word(&l)
        && !is_preposition(&l)
        && pronoun_gender(&l).is_none()
        && crate::nlp::lists::subject_pronoun(&l).is_none()
        && !is_function_word(&l, FunctionClass::Object)
}

/// Does `text` name, as a subject, a person other than `who` (a name of
/// two words or more, or a person of the story)? Names right after a
/// preposition or a speech verb are objects ("told France Info"), and names
/// after an article or a possessor name things ("BBC's Doctor Who website"):
/// neither counts.
pub(crate) fn names_another(text: &str, people: &People, who: &str) -> bool {
    let toks = tokens(text);
    cap_runs(text, &toks).into_iter().any(|(i, e)| {
        let object = i > 0
            && (is_speech_verb(&toks[i - 1])
                || is_preposition(&toks[i - 1].lower())
                || is_determiner(&toks[i - 1])
                || toks[i - 1].is_possessive());
        let name = name_in_run(&toks[i..=e]);
        if object || name.is_empty() || !(name.len() >= 2 || people.is_person(&name)) {
            return false;
        }
        let shown = people.display(&name);
        shown != who && !who.ends_with(&shown)
    })
}

/// Attribution after the closing mark: `, X said`, `, said X`,
/// `, according to X`.
pub(crate) fn after_quote(post: &str, params: &QuoteParams) -> Option<Who> {
    let all = tokens(post);
    let toks: Vec<Tok> = (0..all.len())
        .take_while(|&k| k == 0 || !breaks_before(&all, k))
        .map(|k| all[k])
        .take(params.after_words)
        .collect();
    let first = toks.first()?;
    if breaks_clause(first.gap) {
        return None;
    }
    if first.lower() == "according" && toks.get(1).is_some_and(|t| t.lower() == "to") {
        return phrase_at(post, &toks, 2).map(|p| p.0);
    }
    if is_speech_verb(first) {
        return phrase_at(post, &toks, 1).map(|p| p.0);
    }
    // `"…," as the senator put it`: "as" before the subject of a speech
    // verb says the same as the subject alone.
    let from = usize::from(first.lower() == "as");
    if from == 1 {
        // … and only with a speech verb right after a person or a role a
        // role noun heads (`" as her family began to cry` is no one).
        return phrase_at(post, &toks, 1)
            .filter(|(who, k)| {
                toks.get(*k)
                    .is_some_and(|v| is_speech_verb(v) && !breaks_before(&toks, *k))
                    && headed_by_person(who)
            })
            .map(|p| p.0);
    }
    if let Some((who, k)) = phrase_at(post, &toks, from) {
        let k = skip_appositive(&toks, k, params.appositive_words);
        let mut k = skip_prepositional_phrase(&toks, k, params.pp_after_words);
        while toks.get(k).is_some_and(is_filler) {
            k += 1;
        }
        if toks.get(k).is_some_and(is_speech_verb) || closes_with_speech_verb(&toks, k) {
            return Some(who);
        }
        if matches!(who, Who::Name(_)) {
            // A name that is not the subject of a speech verb ("…,"
            // Trump shrugged) must not let a later one speak.
            return None;
        }
    }
    name_before_verb(post, &toks)
}

/// `The failures cut "data of various kinds" between Europe and Asia, and
/// no repair date is set, said Sanjeev Gaur.`: a partial quotation whose
/// sentence goes on and ends with an attribution of its own after a comma
/// (`, said X`, `, X said`): `rest` is that sentence after the closing mark.
/// The first comma from which [`after_quote`] reads an attribution decides;
/// a finite speech verb before it (`as critics argued, …`) means the
/// sentence reports someone else, and no one is read. The caller checks
/// that the words before the quotation hold no speech verb.
pub(crate) fn closing_attribution(rest: &str, params: &QuoteParams) -> Option<Who> {
    let toks = tokens(rest);
    // The sentence goes on with the quotation's clause (`" between`, `" it
    // was larger`), not with a name or a comma: an attribution of its own
    // right after the mark (`," Jeffs' nephew, Brent Jeffs, told`) is
    // [`after_quote`]'s, and its inner commas are no clause ends.
    let first = toks.first()?;
    if first.is_capitalised()
        || first.gap.contains(',')
        || is_speech_verb(first)
        || subject_pronoun(first).is_some()
    {
        return None;
    }
    for c in 1..toks.len() {
        let t = &toks[c - 1];
        if is_speech_verb(t) && !is_noun_use(&toks, c - 1) && !t.lower().ends_with("ing") {
            return None;
        }
        // `" but it passed, X said`: X reports the clause of contrast (and
        // the sentence), not words the quotation's own clause gives to
        // someone else; no one.
        if opens_contrast_clause(&toks, c - 1) {
            return None;
        }
        if !toks[c].gap.contains(',') || breaks_clause(toks[c].gap) {
            continue;
        }
        let from = toks[c].start - toks[c].gap.len();
        if let Some(who) = rest.get(from..).and_then(|tail| after_quote(tail, params)) {
            return headed_by_person(&who).then_some(who);
        }
    }
    None
}

/// Does token `k` open a clause of contrast with a subject of its own: a
/// conjunction of contrast ("but", "while") and then a subject pronoun, a
/// determiner or a capitalised word ("but it passed", "while Ana Lima
/// said"; not "but helped", which goes on with the same subject)?
fn opens_contrast_clause(toks: &[Tok], k: usize) -> bool {
    let l = toks[k].lower();
    let contrast = is_function_word(&l, FunctionClass::Contrast { bare: true })
        || is_function_word(&l, FunctionClass::Contrast { bare: false });
    contrast
        && toks.get(k + 1).is_some_and(|n| {
            n.is_capitalised()
                || is_determiner(n)
                || crate::nlp::lists::subject_pronoun(&n.lower()).is_some()
        })
}

/// A person, a pronoun, or a role a role noun heads ("a source"; not "her
/// bio", "her family began").
fn headed_by_person(who: &Who) -> bool {
    match who {
        Who::Role(r) => r
            .rsplit(' ')
            .next()
            .is_some_and(|h| crate::nlp::lists::is_role_noun(&h.to_lowercase())),
        _ => true,
    }
}

/// `X, the store's insurer, told …`: when a comma follows the phrase that
/// ends before `k`, the index after the closing comma of the appositive
/// (at most `max` words); else `k`.
fn skip_appositive(toks: &[Tok], k: usize, max: usize) -> usize {
    if toks.get(k).is_none_or(|t| t.gap.trim() != ",") {
        return k;
    }
    (k + 1..toks.len().min(k + 1 + max))
        .find(|&j| toks[j].gap.trim() == ",")
        .unwrap_or(k)
}

/// `a source with knowledge of the team's thinking said`: the index after a
/// prepositional phrase (at most `max` words, no comma, no
/// speech verb) starting at `k`, when it ends right before a speech verb;
/// else `k`.
fn skip_prepositional_phrase(toks: &[Tok], k: usize, max: usize) -> usize {
    if toks.get(k).is_none_or(|t| !is_preposition(&t.lower())) {
        return k;
    }
    (k + 1..toks.len().min(k + 1 + max))
        .take_while(|&j| !toks[j].gap.contains(','))
        .find(|&j| is_speech_verb(&toks[j]))
        .unwrap_or(k)
}

/// `“It's about me.” ― Hillary Clinton`: a dash right after the closing
/// mark, then a name that ends the paragraph or its sentence, signs the
/// quotation.
pub(crate) fn byline(post: &str) -> Option<Who> {
    let rest = post.trim_start();
    let after_dash = ["\u{2015}", "\u{2014}", "\u{2013}", "--", "-"]
        .iter()
        .find_map(|d| rest.strip_prefix(d))?;
    let toks = tokens(after_dash);
    let first = toks.first()?;
    if !first.is_capitalised() || !first.gap.chars().all(char::is_whitespace) {
        return None;
    }
    let e = cap_run_end(after_dash, &toks, 0);
    let tail = after_dash.get(toks[e].end..).unwrap_or("").trim_start();
    if !(tail.is_empty() || tail.starts_with([',', '.', '('])) {
        return None;
    }
    let name = name_in_run(&toks[..=e]);
    (!name.is_empty()).then_some(Who::Name(name))
}

/// `, board chair Martin Hale said`: a role the word lists do not know,
/// then a name, then the speech verb. The name right before the verb (over
/// fillers such as "later") is the speaker.
fn name_before_verb(text: &str, toks: &[Tok]) -> Option<Who> {
    let v = toks.iter().position(is_speech_verb)?;
    let mut last = v.checked_sub(1)?;
    while last > 0 && is_filler(&toks[last]) {
        last -= 1;
    }
    if !toks[last].is_capitalised() {
        return None;
    }
    let start = cap_run_start(text, toks, last).max(1);
    // A conjunction of contrast and a subject before the name open another
    // clause (`" but it passed, Jones said`, `" while Ana Lima, the chief,
    // said`), whose speaker reports that clause, not the quotation.
    if (0..start).any(|k| opens_contrast_clause(toks, k)) {
        return None;
    }
    let name = name_in_run(toks.get(start..=last)?);
    (!name.is_empty()).then_some(Who::Name(name))
}

/// What the words before a quotation say about its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Before {
    pub who: Option<Who>,
    /// A speech verb (or "according to", or `Name:`) stands right before the
    /// quotation: it is a quotation, not a scare quote.
    pub tight: bool,
    /// The quotation is the content of that speech verb: only "that" or a
    /// subject pronoun stands between them (`insisted he "…"`, `said that
    /// "…"`), so the verb's subject said it.
    pub content: bool,
}

/// Attribution before the opening mark; `pre` is the text of the clause or
/// sentence up to the mark.
pub(crate) fn before_quote(pre: &str, people: &People) -> Before {
    let toks = tokens(pre);
    let ends_intro = pre.trim_end().ends_with([',', ':']);
    let verb = (0..toks.len())
        .rev()
        .find(|&v| is_speech_verb(&toks[v]) && !is_noun_use(&toks, v));
    if let Some(v) = verb {
        let after = toks.len() - v - 1;
        if let Some(agent) = passive_agent(pre, &toks, v) {
            return Before {
                who: agent,
                tight: after == 0 || ends_intro,
                content: false,
            };
        }
        let ends_that = toks
            .last()
            .is_some_and(|t| t.lower() == "that" || t.lower() == "only");
        let participle = participle_subject(pre, &toks, v, people);
        let who = participle
            .clone()
            .unwrap_or_else(|| subject_before(pre, &toks, v, people))
            .or_else(|| {
                participle
                    .is_none()
                    .then(|| coordinated_subject(pre, &toks, v, people))
                    .flatten()
            })
            .or_else(|| {
                // `“…,” said Smith, “…”`, `…, said Warren, but …`: the
                // subject after an inverted verb, which opens its clause
                // (in "It added that unless …, “…”" the subject is "It").
                let opens = v == 0 || breaks_before(&toks, v) || toks[v].gap.contains(',');
                (after > 0 && opens && (ends_intro || toks[v].gap.contains(',')))
                    .then(|| phrase_at(pre, &toks, v + 1).map(|p| p.0))
                    .flatten()
            });
        let content = toks[v + 1..].iter().all(|t| {
            matches!(
                t.lower().as_str(),
                "that" | "he" | "she" | "it" | "they" | "we" | "i"
            )
        });
        return Before {
            who,
            tight: after == 0 || (after <= 3 && (ends_intro || ends_that)),
            content,
        };
    }
    if let Some(a) = (0..toks.len().saturating_sub(1))
        .rev()
        .find(|&a| toks[a].lower() == "according" && toks[a + 1].lower() == "to")
    {
        let who = phrase_at(pre, &toks, a + 2).map(|p| p.0);
        return Before {
            tight: who.is_some() && ends_intro,
            who,
            content: false,
        };
    }
    if let Some(name) = slash_byline(pre, &toks).or_else(|| comma_caption(pre, &toks)) {
        return Before {
            who: Some(Who::Name(name)),
            tight: true,
            content: false,
        };
    }
    if pre.trim_end().ends_with(':')
        && let Some(last) = toks.last()
        && last.is_capitalised()
    {
        let s = cap_run_start(pre, &toks, toks.len() - 1);
        let name = name_in_run(&toks[s..]);
        // "Republicans/Democrats:", "Albany, New York:": a word after a
        // slash or a comma is one of a pair, no name (a caption names with
        // [`slash_byline`] or [`comma_caption`]); nor is a date ("In
        // Albany, Tuesday:").
        let paired = toks[s].gap.contains(['/', ',']);
        let date = name.len() == 1 && is_calendar_word(&name[0]);
        if !name.is_empty() && !paired && !date && !breaks_clause(pre.get(last.end..).unwrap_or(""))
        {
            return Before {
                who: Some(Who::Name(name)),
                tight: true,
                content: false,
            };
        }
    }
    Before::default()
}

/// "Netanyahu said, adding: …", "…, said Ana Lima, adding: …", "Coach
/// Tom Reyes benched the striker, saying: …": a speech verb in "-ing" set
/// off by a comma is a participle whose subject is the subject of the
/// clause before it, never a noun right before the comma (the object,
/// "the striker"). That subject is the subject of a finite speech verb
/// right before the comma (`X said, adding`), the phrase after an
/// inverted one (`said X, adding`), or the name or role opening the
/// sentence when only its predicate stands between it and the comma (no
/// clause of its own: no pronoun, no "who", "that", "but", no other
/// speech verb). `Some(None)`: a participle whose subject is none of
/// these (no one); `None`: the verb is no such participle.
fn participle_subject(text: &str, toks: &[Tok], v: usize, people: &People) -> Option<Option<Who>> {
    let t = &toks[v];
    if v == 0 || !t.lower().ends_with("ing") || !t.gap.contains(',') || breaks_before(toks, v) {
        return None;
    }
    let w = v - 1;
    if is_speech_verb(&toks[w]) && !is_noun_use(toks, w) && !toks[w].lower().ends_with("ing") {
        return Some(
            subject_before(text, toks, w, people)
                .or_else(|| coordinated_subject(text, toks, w, people)),
        );
    }
    // The clause before the comma: back to the sentence start or a
    // comma, a colon or a semicolon.
    let clause = (1..=w)
        .rev()
        .find(|&k| breaks_before(toks, k) || toks[k].gap.contains([',', ';', ':']))
        .unwrap_or(0);
    // `said X, adding`: an inverted speech verb opening that clause.
    if is_speech_verb(&toks[clause])
        && let Some((who, end)) = phrase_at(text, toks, clause + 1)
        && end == v
    {
        return Some(headed_by_person(&who).then_some(who));
    }
    let start = (0..v).rev().find(|&k| breaks_before(toks, k)).unwrap_or(0);
    // After a short introduction ("On Tuesday, …").
    let start = (start + 1..v)
        .find(|&k| toks[k].gap.contains(','))
        .filter(|&k| k - start <= people.params.introduction_words && k < v)
        .filter(|&k| (start..k).all(|j| !is_speech_verb(&toks[j])))
        .unwrap_or(start);
    // No phrase opening the sentence (it opens with a clause: "In a
    // statement released …"): this rule cannot tell; the nearest subject
    // decides as for any verb.
    let (who, end) = phrase_at(text, toks, start)?;
    // A name opening the sentence with its verb after it is its subject
    // ("Lima criticised …", as for any speech verb); a role only when a
    // role noun heads it ("the team" is no one).
    let person = match &who {
        Who::Role(_) => headed_by_person(&who),
        _ => true,
    };
    // "AMD president … Rory Read also addressed …": a name before a role
    // noun modifies it; not this rule's subject.
    let predicate = end < v
        && verb_follows(toks, end - 1)
        && !is_role_noun(&toks[end])
        && (end..v).all(|k| {
            let l = toks[k].lower();
            (k == end || !toks[k].gap.contains([',', ';', ':']))
                && !breaks_before(toks, k)
                && crate::nlp::lists::subject_pronoun(&l).is_none()
                && !matches!(l.as_str(), "who" | "which" | "that" | "whom" | "whose")
                && !is_function_word(&l, FunctionClass::Relative)
                && !opens_contrast_clause(toks, k)
                && (k == end || !is_speech_verb(&toks[k]))
        });
    // "Lima was criticised by …, saying": the subject is acted on.
    let passive = toks
        .get(end)
        .is_some_and(|t| is_function_word(&t.lower(), FunctionClass::Be))
        && toks.get(end + 1).is_some_and(|t| t.lower().ends_with("ed"));
    if !predicate {
        return None;
    }
    Some((person && !passive).then_some(who))
}

/// `David Soares/Albany County District Attorney: "…"`: a caption of a
/// broadcast transcript, a name of two capitalised words or more, a
/// slash, the speaker's title (capitalised words, a possessive, "of",
/// "the"; at most [`MAX_NAME_WORDS`] words) and a colon, all of `pre`'s
/// sentence: that name.
fn slash_byline(pre: &str, toks: &[Tok]) -> Option<Vec<String>> {
    if !pre.trim_end().ends_with(':') || toks.is_empty() {
        return None;
    }
    let start = (0..toks.len())
        .rev()
        .find(|&k| breaks_before(toks, k))
        .unwrap_or(0);
    let slash = (start + 1..toks.len()).find(|&k| toks[k].gap.trim() == "/")?;
    let name = &toks[start..slash];
    let title = &toks[slash..];
    let plain_gaps = |ws: &[Tok]| ws.iter().skip(1).all(|t| t.gap.trim().is_empty());
    let title_word = |t: &Tok| {
        t.is_capitalised() || t.raw.chars().all(|c| !c.is_alphanumeric()) || {
            let l = t.lower();
            l == "of" || l == "the"
        }
    };
    let after = pre.get(toks.last()?.end..).unwrap_or("").trim();
    let ok = name.len() >= 2
        && name
            .iter()
            .all(|t| t.is_capitalised() && !t.is_possessive() && !is_title(t))
        && plain_gaps(name)
        && (title.len() <= MAX_NAME_WORDS)
        && title.iter().all(title_word)
        && title
            .iter()
            .skip(1)
            .all(|t| t.gap.trim().is_empty() || t.gap.trim() == "'")
        && after == ":";
    ok.then(|| name_in_run(name)).filter(|n| n.len() >= 2)
}

/// `Ana Lima, a nurse at the clinic: “…”`, `Tom Reyes, mayor: “…”`: a
/// caption as [`slash_byline`] with a comma for the slash, all of `pre`'s
/// sentence: that name. The part before the comma must read wholly as a
/// person's name (two capitalised words or more, no title, country,
/// date, article or opener: not "In Albany", "The United States"); the
/// part after it a role phrase (at most [`MAX_NAME_WORDS`] words): an
/// article or possessive only first, a singular role noun or a title as
/// its head (last word before any preposition, "Deputy Mayor of Albany"),
/// and no clause (no pronoun, relative, form of "be", speech verb or
/// other punctuation). A place pair ("Albany, New York:"), a topic
/// ("Budget talks, Albany:") or a name and a clause is no caption.
fn comma_caption(pre: &str, toks: &[Tok]) -> Option<Vec<String>> {
    if !pre.trim_end().ends_with(':') || toks.is_empty() {
        return None;
    }
    let after = pre.get(toks.last()?.end..).unwrap_or("").trim();
    if after != ":" {
        return None;
    }
    let start = (0..toks.len())
        .rev()
        .find(|&k| breaks_before(toks, k))
        .unwrap_or(0);
    let comma = (start + 1..toks.len()).find(|&k| toks[k].gap.contains(','))?;
    // Every other gap plain: one comma, no second clause or list.
    let plain = (start + 1..toks.len())
        .filter(|&k| k != comma)
        .all(|k| toks[k].gap.trim().is_empty());
    if !plain || toks[comma].gap.trim() != "," {
        return None;
    }
    let name = &toks[start..comma];
    let role = &toks[comma..];
    let name_ok = name.len() >= 2
        && name.iter().all(|t| {
            t.is_capitalised()
                && !t.is_possessive()
                && !is_title(t)
                && !is_determiner(t)
                && !is_calendar_word(&t.lower())
        })
        && name_in_run(name).len() == name.len();
    if !name_ok || role.len() > MAX_NAME_WORDS {
        return None;
    }
    let clause_word = |t: &Tok| {
        let l = t.lower();
        is_speech_verb(t)
            || crate::nlp::lists::subject_pronoun(&l).is_some()
            || is_function_word(&l, FunctionClass::Relative)
            || is_function_word(&l, FunctionClass::Be)
    };
    if role.iter().any(clause_word) {
        return None;
    }
    // The head: the last word before a preposition (or the last word).
    let prep = role
        .iter()
        .position(|t| !t.is_capitalised() && is_preposition(&t.lower()))
        .unwrap_or(role.len());
    let (head_part, tail) = role.split_at(prep);
    let head = head_part.last()?;
    let l = head.lower();
    let head_ok = !head.is_possessive()
        && (is_title(head)
            || (crate::nlp::lists::is_role_noun(&l)
                && crate::nlp::lists::role_lemma(&l) == Some(l.as_str())));
    // An article or possessive only opens the phrase ("a nurse", "the
    // union's chief negotiator"), never inside it ("shot a nurse").
    let np = |part: &[Tok]| part.iter().skip(1).all(|t| !is_determiner(t));
    (head_ok && np(head_part) && (tail.len() < 2 || np(&tail[1..]))).then(|| name_in_run(name))
}

/// Is the speech verb at `v` passive ("was described as", "the man
/// described by the magazine as")? Then its subject is what was spoken
/// about, not the speaker: `Some(agent)`, the phrase after "by" right
/// after the verb, or `Some(None)` when the text names no agent. `None`
/// when the verb is active.
fn passive_agent(text: &str, toks: &[Tok], v: usize) -> Option<Option<Who>> {
    if !toks[v].lower().ends_with("ed") {
        return None;
    }
    if toks.get(v + 1).is_some_and(|t| t.lower() == "by") && !breaks_before(toks, v + 1) {
        return Some(phrase_at(text, toks, v + 2).map(|p| p.0));
    }
    let mut k = v;
    while k > 0
        && is_filler(&toks[k - 1])
        && !is_function_word(&toks[k - 1].lower(), FunctionClass::Be)
    {
        k -= 1;
    }
    let auxiliary = k > 0
        && !breaks_before(toks, k)
        && is_function_word(&toks[k - 1].lower(), FunctionClass::Be);
    auxiliary.then_some(None)
}

/// Do two attributions of one quotation name different speakers? Names
/// sharing their last word, and pronouns (resolved later), agree.
pub(crate) fn disagree(a: &Who, b: &Who) -> bool {
    match (a, b) {
        (x, y) if x.is_anaphor() || y.is_anaphor() => false,
        (Who::Name(x), Who::Name(y)) => x.last().map(|w| key(w)) != y.last().map(|w| key(w)),
        (x, y) => x != y,
    }
}

/// Is one attribution a pronoun and the other a name or role? Who the
/// pronoun means is not known yet, so they may name two people.
pub(crate) fn pronoun_against(a: &Who, b: &Who) -> bool {
    a.is_anaphor() != b.is_anaphor()
}

/// The role "one" picks out ("Sources involved with the franchise are
/// betting … “…,” says one."): in the last sentence of `text` that holds a
/// role noun in the plural ("sources") or after "a"/"an" ("a source tells
/// …"), that role as "a source", when it is the only such role there and
/// that sentence is one of the last `max_sentences` of `text`. Quotations
/// in `text` must be blanked. `None`: no such role, or two.
pub(crate) fn one_of(text: &str, max_sentences: usize) -> Option<String> {
    let toks = tokens(text);
    let cuts = sentence_cuts(text);
    let mut sentence = 0;
    // (sentence, lemma)
    let mut roles: Vec<(usize, &'static str)> = Vec::new();
    for k in 0..toks.len() {
        let opens = k == 0 || ends_sentence_before(&toks, &cuts, k);
        if k > 0 && opens {
            sentence += 1;
        }
        let t = &toks[k];
        let l = t.lower();
        // Capitalised only as the first word of its sentence ("Sources").
        let lower_case =
            !t.is_capitalised() || (opens && l.chars().skip(1).all(char::is_lowercase));
        let Some(lemma) = crate::nlp::lists::role_lemma(&l).filter(|_| lower_case) else {
            continue;
        };
        let indefinite = k > 0 && matches!(toks[k - 1].lower().as_str(), "a" | "an");
        if lemma != l || indefinite {
            roles.push((sentence, lemma));
        }
    }
    let last = roles.last()?.0;
    if last + max_sentences <= sentence {
        return None;
    }
    let mut there = roles.iter().filter(|r| r.0 == last).map(|r| r.1);
    let lemma = there.next()?;
    if there.any(|l| l != lemma) {
        return None;
    }
    let article = if lemma.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    Some(format!("{article} {lemma}"))
}

/// The one person named in the last sentence of `text` that names anyone,
/// among its last `max_sentences` sentences: a person of the story or a
/// plain two-word name ("Masters champion Trevor Immelman has become …").
/// When it names two, the one in subject position if only one is.
/// Quotations in `text` must be blanked. `None`: no one, or two.
pub(crate) fn only_name_before(
    text: &str,
    max_sentences: usize,
    people: &People,
) -> Option<String> {
    let toks = tokens(text);
    let cuts = sentence_cuts(text);
    let plain: HashSet<Vec<String>> = plain_names(text).into_iter().collect();
    let mut sentence_of = Vec::with_capacity(toks.len());
    let mut sentence = 0;
    for k in 0..toks.len() {
        if k > 0 && ends_sentence_before(&toks, &cuts, k) {
            sentence += 1;
        }
        sentence_of.push(sentence);
    }
    let mut named: Vec<(usize, String, bool)> = Vec::new();
    for (i, e) in cap_runs(text, &toks) {
        let modified = i > 0 && (is_determiner(&toks[i - 1]) || toks[i - 1].is_possessive());
        if modified || toks[e].is_possessive() {
            continue;
        }
        let name = name_in_run(&toks[i..=e]);
        let raw: Vec<String> = toks[i..=e].iter().map(|t| t.raw.to_string()).collect();
        if !name.is_empty() && (people.is_person(&name) || plain.contains(&raw)) {
            named.push((
                sentence_of[i],
                people.display(&name),
                in_subject_position(&toks, i, e),
            ));
        }
    }
    let last = named.last()?.0;
    if last + max_sentences <= sentence {
        return None;
    }
    // Two names there: the one in subject position, if only one is
    // ("Trevor Immelman has become the fourth South African …").
    let there: Vec<(String, bool)> = named
        .into_iter()
        .filter(|n| n.0 == last)
        .map(|n| (n.1, n.2))
        .collect();
    let only = |list: Vec<&String>| {
        let first = list.first()?.to_string();
        list.iter().all(|n| **n == first).then_some(first)
    };
    only(there.iter().map(|n| &n.0).collect())
        .or_else(|| only(there.iter().filter(|n| n.1).map(|n| &n.0).collect()))
}

/// The people `text` gives an age of `age` ("Ana Lima, 29,", "29-year-old
/// Ana Lima"), as shown: who "the 29-year-old" is.
pub(crate) fn aged(text: &str, age: u32, people: &People) -> Vec<String> {
    let toks = tokens(text);
    let mut out = Vec::new();
    for (i, e) in cap_runs(text, &toks) {
        let name = name_in_run(&toks[i..=e]);
        if name.is_empty() || !people.is_person(&name) {
            continue;
        }
        let after = toks
            .get(e + 1)
            .is_some_and(|n| n.gap.trim() == "," && n.raw.parse::<u32>().ok() == Some(age));
        let before = i > 0 && !breaks_before(&toks, i) && age_of(&toks[i - 1]) == Some(age);
        if after || before {
            out.push(people.display(&name));
        }
    }
    out
}

/// "Lyons said that … and added, “…”": a speech verb right after "and"
/// with no subject of its own shares the subject of the first speech verb
/// of the sentence.
fn coordinated_subject(text: &str, toks: &[Tok], v: usize, people: &People) -> Option<Who> {
    if v == 0 || toks[v - 1].lower() != "and" {
        return None;
    }
    let first = (0..v - 1).find(|&f| is_speech_verb(&toks[f]) && !is_noun_use(toks, f))?;
    subject_before(text, toks, first, people)
}

/// The subject of the speech verb at `v`: the nearest pronoun, role or
/// acceptable name before it.
fn subject_before(text: &str, toks: &[Tok], v: usize, people: &People) -> Option<Who> {
    // "… celebrated the previous leader and vowed": a verb after "and"
    // shares the subject of the verb before; a noun right before "and" is
    // that verb's object, not the speaker ("He smiled and said" passes:
    // the word before "and" is a verb).
    if v >= 2
        && toks[v - 1].lower() == "and"
        && !breaks_before(toks, v - 1)
        && !toks[v - 1].gap.contains(',')
        && (is_role_noun(&toks[v - 2]) || toks[v - 2].is_capitalised())
        && subject_pronoun(&toks[v - 2]).is_none()
    {
        return None;
    }
    if let Some(who) = perceived_subject(text, toks, v, people.params.pp_words) {
        return who;
    }
    let mut i = v;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if breaks_before(toks, i + 1) {
            return None;
        }
        // "the European Commission, which described …", "Ana Lima, who
        // told …": a relative pronoun right before the verb is its subject,
        // standing for the phrase before it; nothing further back is.
        if matches!(t.lower().as_str(), "who" | "which")
            && adjacent_to(toks, i, v, people.params.pp_words)
        {
            return relative_antecedent(text, toks, i);
        }
        if let Some(g) = subject_pronoun(t) {
            return Some(Who::Pronoun(g));
        }
        let pp_words = people.params.pp_words;
        // "One said:", "the 29-year-old said": right before the verb, at
        // the start of its clause.
        let clause_start = |k: usize| {
            k == 0
                || breaks_before(toks, k)
                || toks[k].gap.contains(',')
                || matches!(toks[k - 1].lower().as_str(), "and" | "but")
        };
        if t.lower() == "one" && clause_start(i) && adjacent_to(toks, i, v, pp_words) {
            return Some(Who::One);
        }
        if let Some(n) = age_of(t)
            && i > 0
            && toks[i - 1].lower() == "the"
            && clause_start(i - 1)
            && adjacent_to(toks, i, v, pp_words)
        {
            return Some(Who::Age(n));
        }
        // "but it says she devised …", "they said": the subject is a
        // pronoun that names no person we can tell; an earlier name is
        // not the speaker.
        if crate::nlp::lists::subject_pronoun(&t.lower()) == Some(None)
            && adjacent_to(toks, i, v, pp_words)
        {
            return None;
        }
        if let Some(p) = in_prepositional_phrase(toks, i, v, pp_words) {
            i = p;
            continue;
        }
        if is_role_noun(t) {
            let named = appositive_name(text, toks, i, people);
            // "One difference between Page and most neighbors, said
            // Yeager": a role before a verb that follows a comma is its
            // subject only when its phrase opens the clause ("A spokesman,
            // speaking on condition of anonymity, said"); else the verb may
            // be inverted, its subject after it.
            let start = role_phrase_start(toks, i);
            let opens = start == 0
                || breaks_before(toks, start)
                || toks[start].gap.contains(',')
                || matches!(toks[start - 1].lower().as_str(), "and" | "but");
            if named.is_none()
                && !opens
                && toks[v].gap.contains(',')
                && !adjacent_to(toks, i, v, people.params.pp_words)
            {
                return None;
            }
            return Some(named.map_or_else(|| Who::Role(role_phrase(text, toks, i)), Who::Name));
        }
        if is_medium(t) && adjacent_to(toks, i, v, pp_words) {
            // "A statement from the company said": the author named right
            // after the medium, when that phrase ends at the verb.
            if let Some((who, end)) = medium_author(text, toks, i)
                && end == v
                && matches!(who, Who::Name(_) | Who::Role(_))
            {
                return Some(who);
            }
            // "a statement said": the medium speaks for the author the
            // text names ("Clinton's statement"), else for no one.
            // "The AMD statement said" names its author as a modifier.
            return (i > 0 && toks[i - 1].is_capitalised() && !breaks_before(toks, i))
                .then(|| name_in_run(&toks[cap_run_start(text, toks, i - 1)..i]))
                .filter(|n| !(n.is_empty() || n.len() == 1 && is_calendar_word(&n[0])))
                .map(Who::Name);
        }
        if !t.is_capitalised()
            && adjacent_to(toks, i, v, pp_words)
            && let Some(role) = determined_phrase(text, toks, i)
        {
            return Some(appositive_name(text, toks, i, people).map_or(Who::Role(role), Who::Name));
        }
        if !t.is_capitalised() || t.is_possessive() {
            continue;
        }
        let mut s = cap_run_start(text, toks, i);
        match office_person(toks, s, i) {
            Some(Some(first)) => s = first,
            Some(None) => {
                i = s;
                continue;
            }
            None => {}
        }
        let in_phrase = s > 0 && is_preposition(&toks[s - 1].lower());
        let adjacent = adjacent_to(toks, i, v, pp_words);
        // "Officials said", "Witnesses told …": a plural role noun
        // capitalised only because it opens the sentence is a role, not a
        // name (a singular may be a surname: "King said", "Smith said").
        if s == i
            && (s == 0 || breaks_before(toks, s))
            && adjacent
            && crate::nlp::lists::role_lemma(&t.lower()).is_some_and(|l| l != t.lower())
            && !people.is_person(&[t.raw.to_string()])
        {
            return Some(Who::Role(t.lower()));
        }
        let name = name_in_run(&toks[s..=i]);
        if in_phrase || name.is_empty() {
            i = s;
            continue;
        }
        // A name of two words or more right after a title word ("chief
        // executive officer Sister Carol Keehan, said") is a person too.
        let titled = name.len() >= 2 && s > 0 && is_title(&toks[s - 1]);
        // A name opening the sentence, or right after a short
        // introduction ("Already, Donald J. Trump has … and said"), is its
        // subject, unless a comma sets it off ("Saturday, …"), it is a
        // date, or it is one word the story does not know as a person and
        // no verb follows ("Moments after …, one cop … said").
        // An appositive may stand between it and the verb ("Tiffany
        // Ornelas, NP's Team Leader, reported").
        let apposed =
            v > i + 1 && skip_appositive(toks, i + 1, people.params.appositive_words) == v;
        let opens = (s == 0 || after_introduction(toks, s, people.params.introduction_words))
            && (!toks.get(i + 1).is_some_and(|n| n.gap.contains(',')) || apposed)
            && (name.len() >= 2 || people.is_person(&name) || verb_follows(toks, i));
        let date = name.len() == 1 && is_calendar_word(&name[0]);
        // "Budget talks in Albany:", "Peace talks resume:": one capitalised
        // word opening the sentence, unknown to the story as a person,
        // right before a speech form that is itself a plural noun
        // ("talks", "gripes") reads as a compound noun with no speaker.
        // A form that is only a verb ("Berg says", "Samudra claims") keeps
        // its subject.
        if name.len() == 1
            && s == i
            && (s == 0 || breaks_before(toks, s))
            && v == i + 1
            && is_plural_noun_form(&toks[v])
            && !people.is_person(&name)
        {
            return None;
        }
        // A known person further back is the subject only in subject
        // position: "convicted of beating Ana Lima, holding a knife to her
        // throat and telling her" has Ana Lima as the object.
        let known = people.is_person(&name) && in_subject_position(toks, s, i);
        if !date && (adjacent || opens || titled || known) {
            // "Ana Lima and Tom Reyes added:": two people speak together.
            if let Some(first) = and_name_before(text, toks, s, people) {
                return Some(Who::Pair(first, name));
            }
            return Some(Who::Name(name));
        }
        i = s;
    }
    None
}

/// What the relative pronoun at `r` ("who", "which") stands for: the
/// phrase right before it. A name (for "which", an organisation: a name
/// of two words or more after "the", "the European Commission"), or a
/// role a role noun heads; else no one.
fn relative_antecedent(text: &str, toks: &[Tok], r: usize) -> Option<Who> {
    let a = r.checked_sub(1)?;
    let t = &toks[a];
    if breaks_before(toks, r) || t.is_possessive() {
        return None;
    }
    if t.is_capitalised() {
        let s = cap_run_start(text, toks, a);
        let name = name_in_run(&toks[s..=a]);
        let calendar = name.len() == 1 && is_calendar_word(&name[0]);
        let thing = toks[r].lower() == "which";
        let organisation = s > 0 && toks[s - 1].lower() == "the" && name.len() >= 2;
        return (!name.is_empty() && !calendar && (!thing || organisation))
            .then_some(Who::Name(name));
    }
    (is_role_noun(t) && toks[r].lower() == "who").then(|| Who::Role(role_phrase(text, toks, a)))
}

/// "and" right after the name ending at `e`, then another name in the
/// same clause ("said Ana Lima and Tom Reyes"): that name and the index
/// after it. A possessor ("and Tom Reyes's lawyer") is no second speaker.
fn and_name_after(text: &str, toks: &[Tok], e: usize) -> Option<(Vec<String>, usize)> {
    let and = e + 1;
    let joined = |k: usize| !breaks_before(toks, k) && !toks[k].gap.contains(',');
    if toks.get(and)?.lower() != "and" || !joined(and) || toks[e].is_possessive() {
        return None;
    }
    let n = toks.get(and + 1)?;
    if !n.is_capitalised() || is_determiner(n) || !joined(and + 1) {
        return None;
    }
    let end = cap_run_end(text, toks, and + 1);
    let name = name_in_run(&toks[and + 1..=end]);
    let calendar = name.len() == 1 && is_calendar_word(&name[0]);
    (!name.is_empty() && !calendar && !toks[end].is_possessive()).then_some((name, end + 1))
}

/// A name, then "and" right before the name that starts at `s`, the first
/// name opening its clause ("Ana Lima and Tom Reyes added:", "Producers
/// Ana Lima and …" after a role word): the first of two people speaking
/// together. A first name after a verb or a preposition ("met Ana Lima and
/// Tom Reyes said") is an object, and gives none.
fn and_name_before(text: &str, toks: &[Tok], s: usize, people: &People) -> Option<Vec<String>> {
    let and = s.checked_sub(1)?;
    let last = and.checked_sub(1)?;
    let joined = |k: usize| !breaks_before(toks, k) && !toks[k].gap.contains(',');
    if toks[and].lower() != "and" || !joined(and) || !joined(s) {
        return None;
    }
    let t = &toks[last];
    if !t.is_capitalised() || t.is_possessive() {
        return None;
    }
    let first = cap_run_start(text, toks, last);
    let opens = first == 0
        || breaks_before(toks, first)
        || toks[first].gap.contains(',')
        || after_introduction(toks, first, people.params.introduction_words)
        || is_role_noun(&toks[first - 1]);
    let name = name_in_run(&toks[first..=last]);
    let calendar = name.len() == 1 && is_calendar_word(&name[0]);
    (opens && !name.is_empty() && !calendar).then_some(name)
}

/// Does token `s` follow a short introduction (at most `max` words: "Already,",
/// "On Saturday,", "In a statement,") set off by a comma at the start of
/// the text, with no speech verb in it?
fn after_introduction(toks: &[Tok], s: usize, max: usize) -> bool {
    s <= max
        && toks[s].gap.contains(',')
        && (0..s).all(|k| !is_speech_verb(&toks[k]) && (k == 0 || !toks[k].gap.contains(',')))
}

/// Only fillers ("also", "reportedly") and no comma between `i` and `v`.
/// A prepositional phrase ("in the video") may stand between them too.
fn adjacent_to(toks: &[Tok], i: usize, v: usize, pp_words: usize) -> bool {
    if (i + 1..=v).any(|k| toks[k].gap.contains(',') || breaks_before(toks, k)) {
        return false;
    }
    let mut k = i + 1;
    if k < v && is_modifier_preposition(&toks[k].lower()) && v - k <= pp_words {
        k += 1;
        while k < v && !is_speech_verb(&toks[k]) && !is_filler(&toks[k]) {
            k += 1;
        }
    }
    (k..v).all(|k| is_filler(&toks[k]))
}

/// Is token `i` inside a prepositional phrase that ends right before the
/// verb at `v` ("the militant in the video tells")? Its start if so.
fn in_prepositional_phrase(toks: &[Tok], i: usize, v: usize, pp_words: usize) -> Option<usize> {
    let p = (i.saturating_sub(pp_words.saturating_sub(1))..i)
        .rev()
        .find(|&k| is_modifier_preposition(&toks[k].lower()))?;
    let inside = (p + 1..=i).all(|k| !breaks_before(toks, k) && !toks[k].gap.contains(','));
    (inside
        && p > 0
        && adjacent_to(toks, p - 1, v, pp_words)
        && (i + 1..v).all(|k| is_filler(&toks[k])))
    .then_some(p)
}

/// A noun phrase ending at `h` that opens with a determiner within four
/// words ("one inspector", "the local engineer"), as written.
fn determined_phrase(text: &str, toks: &[Tok], h: usize) -> Option<String> {
    let l = toks[h].lower();
    if crate::text::is_stop(&l)
        || is_filler(&toks[h])
        || is_preposition(&l)
        || is_number_head(&toks[h])
    {
        return None;
    }
    let mut j = h;
    while j > 0 && h - j < 4 && !toks[j].gap.contains([',', ';', ':']) {
        j -= 1;
        if is_determiner(&toks[j]) {
            return Some(lower_article(join_toks(text, toks, j, h)));
        }
        let lj = toks[j].lower();
        if crate::text::is_stop(&lj) || is_speech_verb(&toks[j]) {
            return None;
        }
    }
    None
}

/// Does a quoted nickname stand right before token `i`, inside a full
/// name ("Vincent “The Chin” Gigante", "Vincent (The Chin) Gigante"): a
/// gap of one closing mark alone before `i`, and within the three words
/// before, a capitalised word after a gap of one opening mark alone,
/// itself after a capitalised word? A quotation's end (`…,” Gigante said`)
/// has a comma or period in its gap.
fn nickname_before(toks: &[Tok], i: usize) -> bool {
    let mark = |gap: &str, paren: char| {
        let mut g = gap.trim().chars();
        g.next().is_some_and(|c| {
            crate::text::is_double_quote(c) || matches!(c, '\'' | '‘' | '’') || c == paren
        }) && g.next().is_none()
    };
    i >= 2
        && mark(toks[i].gap, ')')
        && (i.saturating_sub(3).max(1)..i).any(|k| {
            mark(toks[k].gap, '(') && toks[k].is_capitalised() && toks[k - 1].is_capitalised()
        })
}

/// The people of a story, by full name.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    names: Vec<Vec<String>>,
    /// For the last words (up to [`INDEXED_NAME_WORDS`]) of every name, as
    /// keys: the fullest name ending with them, by place in `names`. A
    /// lookup is one hash, not a scan of every name (quadratic on a story
    /// naming thousands of people).
    fullest: HashMap<Vec<String>, usize>,
    /// Name endings that two people of the story share: the fullest name
    /// ending with the key and another name ending with it are not one
    /// person ("Bill Clinton" and "Hillary Clinton" for "clinton"). A
    /// mention by that ending alone stays as written ("Clinton"): a
    /// fuller name would be a guess between two people.
    shared: HashSet<Vec<String>>,
    /// For a surname in `shared` (its key), the one person of the two or
    /// more that the article being read names in full
    /// ([`People::read_article`]), by place in `names`: who the surname
    /// alone is in that article.
    article: HashMap<String, usize>,
    /// Per displayed name, votes for each gender: honorifics before the
    /// name, and the first personal pronoun after each mention of it.
    genders: BTreeMap<String, [u32; 2]>,
    /// For a last word (key), the one plain two-word name of the story
    /// ending with it ("jackson" → "Vincent Jackson"), when exactly one
    /// does: who a lone "Jackson, in a statement, said he …" is, for the
    /// pronoun after it. Not a person for anything else.
    surnamed: HashMap<String, Vec<String>>,
    /// Plain two-word names seen at least once inside a sentence, not
    /// opening it: "receiver Vincent Jackson" is, "Typically Microsoft
    /// releases …" (an adverb before a name) is not.
    placed: HashSet<Vec<String>>,
    /// Nouns of persons the story writes in lower case ("the producer"):
    /// capitalised as the first word of a two-word name ("Producer
    /// Moffat") such a noun is a title, not a first name ([`untitled`]).
    title_words: HashSet<String>,
    /// The thresholds of attribution.
    pub params: QuoteParams,
}

/// Name endings indexed for [`People::full_name`]; longer ones are looked
/// up by a scan (names that long are rare).
const INDEXED_NAME_WORDS: usize = 6;

/// Which of two names is the fuller: more words, then more letters, then
/// the first in alphabetical order.
fn fuller(a: &[String], b: &[String]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then(a.join(" ").len().cmp(&b.join(" ").len()))
        .then(b.cmp(a))
}

fn key(word: &str) -> String {
    crate::text::normalise_word(word)
}

/// Does this lower-case word name a person: a role noun
/// (`data/en/role_nouns.txt`) or any WordNet noun of persons
/// (`data/en/person_nouns.tsv`: "producer")?
fn is_person_word(lower: &str) -> bool {
    crate::nlp::lists::is_role_noun(lower) || crate::nlp::lists::person_noun_gender(lower).is_some()
}

/// Adds to `found` the words of `toks` written in lower case that name a
/// person and stand right before a capitalised word, as a title does
/// ("executive producer Steven Moffat"): the story's
/// [`People::title_words`]. A noun of persons used only as a noun ("the
/// dean said", "a hunter") is no evidence that its capitalised form
/// before a surname is a title: "Dean Martin" keeps his first name.
fn note_lower_person_words(toks: &[Tok], found: &mut HashSet<String>) {
    for (t, next) in toks.iter().zip(toks.iter().skip(1)) {
        if t.raw.bytes().all(|b| b.is_ascii_lowercase())
            && next.raw.chars().next().is_some_and(char::is_uppercase)
            && !found.contains(t.raw)
            && is_person_word(t.raw)
        {
            found.insert(t.raw.to_string());
        }
    }
}

/// Can this word stand alone as a surname: letters (an apostrophe or
/// hyphen inside: "O'Neil", "Smith-Jones"), more than one, not a stop word
/// ("Juror No" is no juror called "No").
fn is_surname_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !crate::text::is_stop(&key(word))
}

/// A two-word name without its first word when that word is a title, not
/// a first name ("Producer Moffat" → "Moffat"): a noun of persons that the
/// story also writes in lower case (`title_words`). Both are needed: a
/// noun alone would cut "Hunter Biden" (no "hunter" in a story about
/// him), a lower-case use alone would cut "Bill", "Will", "Mark" (no
/// nouns of persons). The word left must read as a surname
/// ([`is_surname_word`]) and be no such noun itself ("Heavyweight
/// Champion"). Any other name is returned whole.
fn untitled<'n>(name: &'n [String], title_words: &HashSet<String>) -> &'n [String] {
    match name {
        [first, rest]
            if !title_words.is_empty()
                && first.chars().next().is_some_and(char::is_uppercase)
                && is_surname_word(rest)
                && title_words.contains(&key(first))
                && !title_words.contains(&key(rest)) =>
        {
            &name[1..]
        }
        _ => name,
    }
}

/// Can two names of the story, ending alike, be one person? Yes when
/// either is one word (no first name to differ), or when the shorter's
/// words all occur, in order, in the longer (periods ignored; a nickname
/// matches the name it is short for, [`crate::nlp::names::same_given_name`]):
/// "Donald Trump" and "Donald J. Trump", "A.J. Smith" and "AJ Smith",
/// "Bill Ingaldson" and "William Ingaldson", "Tim Fanning" and "Police
/// Constable Tim Fanning" (a title the lists do not know stays in a name).
/// Not "Bill Clinton" and "Hillary Clinton", nor "George W. Bush" and
/// "George H.W. Bush".
fn one_person(a: &[String], b: &[String]) -> bool {
    let words = |n: &[String]| -> Vec<String> {
        n.iter()
            .map(|w| key(w).replace('.', ""))
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.len() < 2 || b.len() < 2 {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let mut rest = long.iter();
    short
        .iter()
        .all(|w| rest.any(|l| crate::nlp::names::same_given_name(l, w)))
}

impl People {
    /// Collects names from every body block of the story's documents.
    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>, params: &QuoteParams) -> People {
        let texts: Vec<&str> = texts.collect();
        let mut title_words: HashSet<String> = HashSet::default();
        let found: Vec<Vec<String>> = texts
            .iter()
            .flat_map(|text| names_in(text, &mut title_words))
            .collect();
        let mut names: Vec<Vec<String>> = Vec::new();
        let mut seen: HashSet<Vec<String>> = HashSet::default();
        for name in found {
            let name = untitled(&name, &title_words).to_vec();
            if seen.insert(name.clone()) {
                names.push(name);
            }
        }
        let mut fullest: HashMap<Vec<String>, usize> = HashMap::default();
        for (i, name) in names.iter().enumerate() {
            let keys: Vec<String> = name.iter().map(|w| key(w)).collect();
            for n in 1..=keys.len().min(INDEXED_NAME_WORDS) {
                let slot = fullest.entry(keys[keys.len() - n..].to_vec()).or_insert(i);
                if fuller(&names[i], &names[*slot]) == Ordering::Greater {
                    *slot = i;
                }
            }
        }
        let mut shared: HashSet<Vec<String>> = HashSet::default();
        for name in &names {
            let keys: Vec<String> = name.iter().map(|w| key(w)).collect();
            for n in 1..=keys.len().min(INDEXED_NAME_WORDS) {
                let ending = &keys[keys.len() - n..];
                if let Some(&f) = fullest.get(ending)
                    && !one_person(name, &names[f])
                {
                    shared.insert(ending.to_vec());
                }
            }
        }
        let mut by_last: HashMap<String, HashSet<Vec<String>>> = HashMap::default();
        let mut placed: HashSet<Vec<String>> = HashSet::default();
        for text in &texts {
            for name in plain_names(text) {
                by_last.entry(key(&name[1])).or_default().insert(name);
            }
            placed.extend(placed_plain_names(text));
        }
        // A surname two people share names neither alone.
        let surnamed = by_last
            .into_iter()
            .filter(|(k, v)| v.len() == 1 && !shared.contains(std::slice::from_ref(k)))
            .filter_map(|(k, v)| Some((k, v.into_iter().next()?)))
            .collect();
        let mut people = People {
            names,
            fullest,
            shared,
            article: HashMap::default(),
            genders: BTreeMap::new(),
            surnamed,
            placed,
            title_words,
            params: params.clone(),
        };
        for text in &texts {
            people.learn_genders(text);
        }
        people
    }

    /// Votes on the gender of the people a text mentions. An honorific
    /// before a name counts three. A personal pronoun counts one for the
    /// person it most plausibly continues: the last person named in its own
    /// clause ("Dr. Ana Reyes opened her clinic"), or, when it opens a
    /// sentence, the first person named in the sentence before ("… She
    /// still sees patients"). A pronoun after a comma ("Expressing pride in
    /// Dr. Reyes, he said") is left out: it often starts a new subject.
    fn learn_genders(&mut self, text: &str) {
        let toks = tokens(text);
        let runs: Vec<(usize, usize)> = cap_runs(text, &toks);
        let mut mention_at: Vec<Option<String>> = vec![None; toks.len()];
        for &(i, e) in &runs {
            let name = name_in_run(&toks[i..=e]);
            if !name.is_empty() && self.is_person(&name) {
                let who = self.display(&name);
                if let Some(g) = toks[i..=e]
                    .iter()
                    .find_map(|t| honorific_gender(&t.lower()))
                {
                    self.vote(&who, g, self.params.honorific_votes);
                }
                mention_at[e] = Some(who);
            }
        }
        let cuts = sentence_cuts(text);
        let mut clause_last: Option<String> = None;
        let mut sentence_first: Option<String> = None;
        let mut previous_first: Option<String> = None;
        for k in 0..toks.len() {
            let gap = toks[k].gap;
            if k > 0 && ends_sentence_before(&toks, &cuts, k) {
                previous_first = sentence_first.take();
                clause_last = None;
            } else if gap.contains([',', ';', ':']) {
                clause_last = None;
            }
            if let Some(g) = pronoun_gender(&toks[k].lower()) {
                let opens = k == 0 || ends_sentence_before(&toks, &cuts, k);
                let target = if opens {
                    previous_first.clone()
                } else {
                    clause_last.clone()
                };
                if let Some(who) = target {
                    self.vote(&who, g, 1);
                }
            }
            if let Some(who) = &mention_at[k] {
                clause_last = Some(who.clone());
                sentence_first.get_or_insert_with(|| who.clone());
            }
        }
    }

    fn vote(&mut self, who: &str, g: Gender, weight: u32) {
        let v = self.genders.entry(who.to_string()).or_insert([0, 0]);
        v[g as usize] += weight;
    }

    /// The gender the story gives a person, when its votes clearly agree
    /// (at least [`QuoteParams::gender_min_votes`] votes and
    /// [`QuoteParams::gender_share`] of them).
    fn gender_of(&self, who: &str) -> Option<Gender> {
        let [m, f] = *self.genders.get(who)?;
        let total = m + f;
        if total < self.params.gender_min_votes {
            return None;
        }
        let share = |n: u32| f64::from(n) >= f64::from(total) * self.params.gender_share;
        if share(m) {
            Some(Gender::Male)
        } else if share(f) {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// Is this name (or its surname) a person of the story?
    pub fn is_person(&self, name: &[String]) -> bool {
        self.full_name(name).is_some()
    }

    /// The longest known name ending with these words; the words as
    /// written when two people of the story share that ending.
    pub fn full_name(&self, name: &[String]) -> Option<Vec<String>> {
        let name = untitled(name, &self.title_words);
        let want: Vec<String> = name.iter().map(|w| key(w)).collect();
        if want.is_empty() {
            return None;
        }
        if self.shared.contains(&want) {
            if let [surname] = want.as_slice()
                && let Some(&i) = self.article.get(surname)
            {
                return Some(self.names[i].clone());
            }
            return Some(name.to_vec());
        }
        if want.len() <= INDEXED_NAME_WORDS {
            return self.fullest.get(&want).map(|&i| self.names[i].clone());
        }
        self.names
            .iter()
            .filter(|n| {
                n.len() >= want.len()
                    && n[n.len() - want.len()..]
                        .iter()
                        .zip(&want)
                        .all(|(a, b)| key(a) == *b)
            })
            .max_by(|a, b| fuller(a, b))
            .cloned()
    }

    /// Reads the article whose quotations come next (its body texts): a
    /// surname two people of the story share ("Clinton": Bill and Hillary)
    /// is, in this article, the one of them it names in full, when
    /// - every fuller name it gives with that surname is one person
    ///   ([`one_person`]: "Hillary Clinton", "Hillary Rodham Clinton"),
    ///   who is a person of the story;
    /// - it does not name two together ("Bill and Hillary Clinton", "the
    ///   Clintons"), nor anyone by a full name a quoted nickname cuts
    ///   ("Vincent “The Chin” Gigante");
    /// - it gives the surname alone after no title ("former President
    ///   Clinton" may be the other), unless a title whose gender the
    ///   story gives that person ("Mrs. Clinton" for Hillary Clinton).
    ///
    /// Otherwise the surname alone stays as written. What an earlier
    /// article resolved is forgotten. The texts are all of the article's,
    /// headings too: a headline naming the other is reason to abstain.
    pub fn read_article<'a>(&mut self, texts: impl Iterator<Item = &'a str>) {
        self.article.clear();
        let shared_surname = |k: &str| self.shared.contains(std::slice::from_ref(&k.to_string()));
        if !self.shared.iter().any(|e| e.len() == 1) {
            return;
        }
        // Per shared surname: the fuller names given, and the genders a
        // title before the surname alone asks for (`None`: a title that
        // gives none, or two named together: no one).
        let mut full: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        let mut titled: BTreeMap<String, Vec<Option<Gender>>> = BTreeMap::new();
        for text in texts {
            let toks = tokens(text);
            for (i, e) in cap_runs(text, &toks) {
                let run = &toks[i..=e];
                // "the Clintons": the family, both of them.
                for t in run {
                    let k = key(t.raw);
                    if let Some(stem) = k.strip_suffix('s')
                        && shared_surname(stem)
                    {
                        titled.entry(stem.to_string()).or_default().push(None);
                    }
                }
                let whole = name_in_run(run);
                let name = untitled(&whole, &self.title_words).to_vec();
                let Some(last) = name.last().map(|w| key(w)) else {
                    continue;
                };
                if !shared_surname(&last) {
                    continue;
                }
                if name.len() < whole.len() {
                    // "Producer Clinton": a title that gives no gender.
                    titled.entry(last).or_default().push(None);
                } else if name.len() >= 2 {
                    // "Bill and Hillary Clinton": the surname is both.
                    let paired = i >= 2
                        && toks[i - 1].lower() == "and"
                        && toks[i - 2].is_capitalised()
                        && !toks[i - 1].gap.contains(',')
                        && !toks[i].gap.contains(',');
                    if paired {
                        titled.entry(last.clone()).or_default().push(None);
                    }
                    full.entry(last).or_default().push(name);
                } else if nickname_before(&toks, i) {
                    // "Vincent “The Chin” Gigante": a full name the
                    // quoted nickname cuts; whose, the runs cannot tell.
                    titled.entry(last).or_default().push(None);
                } else if toks[i..e].iter().any(is_title) {
                    let g = toks[i..e].iter().find_map(|t| honorific_gender(&t.lower()));
                    titled.entry(last).or_default().push(g);
                }
            }
        }
        for (surname, forms) in full {
            let one = forms
                .iter()
                .enumerate()
                .all(|(a, x)| forms[a + 1..].iter().all(|y| one_person(x, y)));
            if !one {
                continue;
            }
            // The fullest story name ending with a form the article gives.
            let Some(i) = forms
                .iter()
                .filter_map(|f| {
                    let keys: Vec<String> = f.iter().map(|w| key(w)).collect();
                    if keys.len() > INDEXED_NAME_WORDS || self.shared.contains(&keys) {
                        return None;
                    }
                    self.fullest.get(&keys).copied()
                })
                .max_by(|&a, &b| fuller(&self.names[a], &self.names[b]))
            else {
                continue;
            };
            if !forms.iter().all(|f| one_person(f, &self.names[i])) {
                continue;
            }
            let gender = self.gender_of(&self.names[i].join(" "));
            let titles_agree = titled
                .get(&surname)
                .is_none_or(|gs| gs.iter().all(|g| g.is_some() && *g == gender));
            if titles_agree {
                self.article.insert(surname, i);
            }
        }
    }

    /// The display form of a name: its longest known form.
    pub fn display(&self, name: &[String]) -> String {
        let name = untitled(name, &self.title_words);
        self.full_name(name)
            .unwrap_or_else(|| name.to_vec())
            .join(" ")
    }

    /// The person a later "he" or "she" refers to, from `text` (names inside
    /// `skip` ranges, i.e. quotations, ignored): in the last sentence that
    /// names a person the story does not give the other gender, that person
    /// when there is one; when there are several, the one in subject
    /// position (opening a clause, or right before a verb) if only one is.
    /// `None`: no such person in `text`; `Some(None)`: two are possible, so
    /// no one. The flag is false when the one meant is a role, not a named
    /// person ("one Mac customer").
    pub fn last_in(
        &self,
        text: &str,
        skip: &[(usize, usize)],
        gender: Gender,
    ) -> Option<Option<(String, bool)>> {
        let toks = tokens(text);
        let cuts = sentence_cuts(text);
        // (sentence number, display name, subject position)
        let mut found: Vec<(usize, String, bool)> = Vec::new();
        let mut sentence = 0;
        let mut next = 0;
        for (i, e) in cap_runs(text, &toks) {
            sentence += (next..=i)
                .filter(|&k| k > 0 && ends_sentence_before(&toks, &cuts, k))
                .count();
            next = i + 1;
            let inside = skip
                .iter()
                .any(|&(s, x)| toks[i].start >= s && toks[i].start < x);
            let name = name_in_run(&toks[i..=e]);
            // "Dr. Lind's position": a possessor is rarely what a later
            // "he" or "she" refers to.
            // "the NCAA report", "BBC's Doctor Who website": a run after an
            // article or a possessor names a thing, not a person.
            // After a possessor, a title makes it a person again
            // ("sheriff's Sgt. Ana Lima", "Israel's Prime Minister …").
            let titled = toks[i..e].iter().any(is_title);
            let modified =
                i > 0 && (is_determiner(&toks[i - 1]) || (toks[i - 1].is_possessive() && !titled));
            if inside || modified || toks[e].is_possessive() || name.is_empty() {
                continue;
            }
            // "Jackson, in a statement, said he …": a one-word name the
            // story does not know as a person (nor a role noun: "Reporters
            // asked"; nor an acronym, an organisation: "IRNA reported"),
            // opening its sentence as the subject of a speech verb,
            // may be the one a later pronoun means; it is no one we can
            // name, so it blocks every earlier candidate.
            if !self.is_person(&name) {
                let common = crate::nlp::lists::is_role_noun(&key(&name[0]));
                let acronym =
                    crate::nlp::tokens::casing(&name[0]) == crate::nlp::tokens::Casing::Upper;
                // "25-year-old Guzel said she …" blocks as well as "Guzel
                // said …": only a preposition before makes it an object.
                let opens_sentence = i == 0 || ends_sentence_before(&toks, &cuts, i);
                let opens = opens_sentence
                    || !(is_preposition(&toks[i - 1].lower()) || toks[i - 1].is_capitalised());
                if name.len() == 1
                    && opens
                    && !common
                    && !acronym
                    && !is_calendar_word(&name[0])
                    && (subject_of_speech(&toks, e, self.params.appositive_words)
                        || (opens_sentence
                            && i == e
                            && toks.get(e + 1).is_some_and(|n| {
                                !n.gap.contains(',')
                                    && is_function_word(&n.lower(), FunctionClass::Be)
                            }))
                        // "Jackson issued a statement.", "Vance has
                        // lobbied …": the word opening its sentence before
                        // a past form, when the story names one person with
                        // that surname ("Vincent Jackson"), is that person
                        // as the subject ("Fire crews", "Rescue personnel"
                        // are no such verb).
                        || (opens_sentence
                            && i == e
                            && past_form_follows(&toks, e)
                            && self
                                .surnamed
                                .get(&key(&name[0]))
                                .is_some_and(|n| self.placed.contains(n))))
                {
                    // The story's one "Vincent Jackson" for "Jackson" (the
                    // word alone: "The Angeles said" is no "Los Angeles").
                    let full = self
                        .surnamed
                        .get(&key(&name[0]))
                        .filter(|_| i == e)
                        .map(|n| self.display(n))
                        .unwrap_or_default();
                    found.push((sentence, full, true));
                }
                continue;
            }
            let who = self.display(&name);
            if self.gender_of(&who).is_some_and(|g| g != gender) {
                continue;
            }
            found.push((sentence, who, in_subject_position(&toks, i, e)));
        }
        // "However, one Mac customer from the show floor was sceptical. …
        // he said": a role opening a later sentence as its subject is who
        // the pronoun most likely means. It names no person: no one,
        // unless it brings in someone new ("one Mac customer", "a local
        // shopkeeper": an indefinite role) in the last sentence before
        // the pronoun, in an active clause, of a gender the pronoun
        // allows: then that role (shown as a role by the caller).
        // A definite role ("the director") may be someone named earlier.
        let role_subject = self.last_role_subject(text, &toks, &cuts, skip);
        if let Some((r, role)) = role_subject
            && found.last().is_none_or(|f| r > f.0)
        {
            let last_sentence = r == sentence_of_last(&toks, &cuts);
            return Some(
                role.filter(|(_, g)| last_sentence && g.is_none_or(|g| g == gender))
                    .map(|(phrase, _)| (phrase, false)),
            );
        }
        let last = found.last()?.0;
        if found.iter().any(|f| f.0 == last && f.1.is_empty()) {
            return Some(None);
        }
        let mut candidates: Vec<(String, bool)> = Vec::new();
        for (_, who, subject) in found.into_iter().filter(|f| f.0 == last) {
            match candidates.iter_mut().find(|c| c.0 == who) {
                Some(c) => c.1 |= subject,
                None => candidates.push((who, subject)),
            }
        }
        if candidates.len() == 1 {
            return Some(candidates.pop().map(|c| (c.0, true)));
        }
        let mut subjects = candidates.into_iter().filter(|c| c.1);
        Some(match (subjects.next(), subjects.next()) {
            (Some(only), None) => Some((only.0, true)),
            _ => None,
        })
    }
}

impl People {
    /// The number of the last sentence of `toks` (counted as in
    /// [`People::last_in`]) that opens with a role as its subject: a role
    /// noun within the first words of the sentence (after an introduction
    /// such as "However,"), led by a determiner, with no preposition before
    /// it ("one Mac customer", "A police spokesman"; not "In the officer's
    /// view"). Words inside `skip` (quotations) do not count.
    /// With it, when the role is indefinite ("one", "a", "an": someone new
    /// to the text) and the verb after its phrase is active (not "was
    /// arrested"), the role phrase as written and the gender its head
    /// noun gives ("spokeswoman"), if any.
    #[allow(clippy::type_complexity)]
    fn last_role_subject(
        &self,
        text: &str,
        toks: &[Tok],
        cuts: &[usize],
        skip: &[(usize, usize)],
    ) -> Option<(usize, Option<(String, Option<Gender>)>)> {
        let mut sentence = 0;
        let mut first = 0;
        let mut last = None;
        // Whether "one" stands before `k` in its sentence (kept as the scan
        // goes, so the scan stays linear in the text).
        let mut one_before = false;
        for k in 0..toks.len() {
            if k > 0 && ends_sentence_before(toks, cuts, k) {
                sentence += 1;
                first = k;
                one_before = false;
            }
            let t = &toks[k];
            let lower = t.lower();
            // "However, one Mac customer … was sceptical": "one" before a
            // noun opens a new, unnamed person, whatever the noun.
            let one = one_before
                && !is_function_word(&lower, FunctionClass::Determiner)
                && !crate::text::is_stop(&lower);
            one_before |= lower == "one";
            // "A customer was sceptical": any noun of persons (WordNet's,
            // far wider than the role nouns) for this pronoun rule only.
            let person = is_role_noun(t) || crate::nlp::lists::person_noun_gender(&lower).is_some();
            if t.is_capitalised() || !(person || one) {
                continue;
            }
            if skip.iter().any(|&(s, x)| t.start >= s && t.start < x) {
                continue;
            }
            // Skip a short introduction set off by a comma.
            let start = (first..k)
                .rev()
                .find(|&j| j > first && toks[j].gap.contains(','))
                .filter(|&j| j - first <= self.params.introduction_words)
                .unwrap_or(first);
            let head = &toks[start..k];
            if k - start <= 4
                && head
                    .first()
                    .is_some_and(|w| is_determiner(w) || w.lower() == "one")
                && head.iter().all(|w| !is_preposition(&w.lower()))
                && head.iter().skip(1).all(|w| !w.gap.contains(','))
            {
                let role = (person
                    && matches!(head[0].lower().as_str(), "a" | "an" | "one")
                    && active_after_role(toks, k))
                .then(|| {
                    let phrase = lower_article(join_toks(text, toks, start, k));
                    (phrase, person_gender(&lower))
                });
                // "Kyrtsos, a conservative, was critical": a phrase set
                // off by a comma right after a name describes that person,
                // the sentence's subject. A person the story knows: the
                // names found decide; anyone else: no one.
                if start > first
                    && toks[start - 1].is_capitalised()
                    && !toks[start - 1].is_possessive()
                {
                    let name = name_in_run(&toks[cap_run_start(text, toks, start - 1)..start]);
                    if !name.is_empty() {
                        let known = self.is_person(&name)
                            || (name.len() == 1 && self.surnamed.contains_key(&key(&name[0])));
                        if !known {
                            last = Some((sentence, None));
                        }
                        continue;
                    }
                }
                last = Some((sentence, role));
            }
        }
        last
    }
}

/// The gender a role noun gives its person: from the titles table
/// ("spokeswoman", "chairman"), else from a final "-woman"/"-man"
/// ("businesswoman"); `None` for a noun of either ("customer").
fn role_gender(noun: &str) -> Option<Gender> {
    honorific_gender(noun).or_else(|| {
        if noun.ends_with("woman") || noun.ends_with("women") {
            Some(Gender::Female)
        } else if noun.ends_with("man") || noun.ends_with("men") {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// The gender a noun of persons gives its person: a role noun's
/// ([`role_gender`]), else WordNet's ("girl", "mother", "king"; from
/// `data/en/person_nouns.tsv`); `None` for a noun of either ("customer").
fn person_gender(noun: &str) -> Option<Gender> {
    role_gender(noun).or(match crate::nlp::lists::person_noun_gender(noun) {
        Some('f') => Some(Gender::Female),
        Some('m') => Some(Gender::Male),
        _ => None,
    })
}

/// After the role noun at `h` (and a prepositional phrase after it: "one
/// Mac customer from the show floor"), does its clause go on with an
/// active verb ("was sceptical", "shook his head"), not a passive one
/// ("was arrested", "was told"), in which the role is acted on and may
/// not be the one who speaks next?
fn active_after_role(toks: &[Tok], h: usize) -> bool {
    let mut k = h + 1;
    // Over a prepositional phrase (no comma, at most five words).
    if toks.get(k).is_some_and(|t| is_preposition(&t.lower())) {
        let end = (k + 1..toks.len().min(k + 6)).find(|&j| {
            !toks[j].is_capitalised() && !is_determiner(&toks[j]) && {
                let l = toks[j].lower();
                is_function_word(&l, FunctionClass::Be)
                    || is_function_word(&l, FunctionClass::BeforeVerb)
            }
        });
        match end {
            Some(j) if (k..=j).all(|x| !toks[x].gap.contains(',') && !breaks_before(toks, x)) => {
                k = j;
            }
            _ => return false,
        }
    }
    while toks.get(k).is_some_and(|t| {
        is_filler(t) && !is_function_word(&t.lower(), FunctionClass::Be) && !breaks_before(toks, k)
    }) {
        k += 1;
    }
    let Some(verb) = toks.get(k) else {
        return false;
    };
    if verb.is_capitalised() || breaks_before(toks, k) || verb.gap.contains(',') {
        return false;
    }
    if is_function_word(&verb.lower(), FunctionClass::Be) {
        // "was sceptical", "was not convinced" (an adjective), not "was
        // arrested", "was told" (a participle after "be"): a word in -ed
        // or -en after the forms of "be" (and "not") reads as passive.
        let mut j = k + 1;
        while toks.get(j).is_some_and(|t| {
            let l = t.lower();
            is_function_word(&l, FunctionClass::Be) || is_function_word(&l, FunctionClass::Negation)
        }) {
            j += 1;
        }
        return toks.get(j).is_some_and(|t| {
            let l = t.lower();
            !(t.is_capitalised() || l.ends_with("ed") || l.ends_with("en") || l == "told")
        });
    }
    true
}

/// The number of the sentence holding the last of `toks`, counted as in
/// [`People::last_in`].
fn sentence_of_last(toks: &[Tok], cuts: &[usize]) -> usize {
    (1..toks.len())
        .filter(|&k| ends_sentence_before(toks, cuts, k))
        .count()
}

/// Is the name ending at token `e` the subject of a speech verb: the verb
/// right after it (over fillers), or after an insert set off by commas of
/// at most `insert_words` words ("Jackson, in a statement, said")?
fn subject_of_speech(toks: &[Tok], e: usize, insert_words: usize) -> bool {
    let mut k = skip_appositive(toks, e + 1, insert_words);
    if k == e + 1 && toks.get(k).is_some_and(|t| t.gap.contains(',')) {
        return false;
    }
    while toks
        .get(k)
        .is_some_and(|t| is_filler(t) && !breaks_before(toks, k))
    {
        k += 1;
    }
    toks.get(k)
        .is_some_and(|t| is_speech_verb(t) && !breaks_before(toks, k) && !is_noun_use(toks, k))
}

/// Does a sentence end in the gap before token `k`? `cuts` are the
/// language layer's sentence boundaries of the text the tokens come from
/// ([`crate::nlp::sentences::boundaries`]).
fn ends_sentence_before(toks: &[Tok], cuts: &[usize], k: usize) -> bool {
    let (from, to) = (toks[k - 1].end, toks[k].start);
    let i = cuts.partition_point(|&b| b < from);
    cuts.get(i).is_some_and(|&b| b <= to)
}

/// The language layer's sentence boundaries of `text`.
fn sentence_cuts(text: &str) -> Vec<usize> {
    crate::nlp::sentences::boundaries(text, &crate::params::SentenceParams::default())
}

/// Is the word after token `e` lower-case and neither a preposition nor a
/// conjunction, so most likely the verb of a subject ending at `e`?
fn verb_follows(toks: &[Tok], e: usize) -> bool {
    toks.get(e + 1).is_some_and(|n| {
        let l = n.lower();
        !n.is_capitalised()
            && !n.gap.contains([',', '.', ';', ':'])
            && !is_preposition(&l)
            && !is_function_word(&l, FunctionClass::Coordinator)
    })
}

/// Is the first word after token `e` (over fillers: "has", "had",
/// adverbs in "-ly") a regular past form in "-ed" ("issued", "has
/// lobbied"), so most likely the verb of a subject ending at `e`? A plural
/// noun ("Fire crews") or a noun ("Rescue personnel") is not.
fn past_form_follows(toks: &[Tok], e: usize) -> bool {
    if !verb_follows(toks, e) {
        return false;
    }
    let mut k = e + 1;
    while toks
        .get(k)
        .is_some_and(|t| is_filler(t) && !breaks_before(toks, k))
    {
        k += 1;
    }
    toks.get(k).is_some_and(|t| {
        let l = t.lower();
        !t.is_capitalised() && !breaks_before(toks, k) && l.len() > 4 && l.ends_with("ed")
    })
}

/// Is the name `i..=e` in subject position: opening its clause (sentence
/// start, after a comma, "and" or "but"), or followed by a lower-case word
/// that is not a preposition (its verb)?
fn in_subject_position(toks: &[Tok], i: usize, e: usize) -> bool {
    let opens = i == 0
        || breaks_before(toks, i)
        || toks[i].gap.contains(',')
        || matches!(toks[i - 1].lower().as_str(), "and" | "but");
    opens || verb_follows(toks, e)
}

/// Names of people in a text: after a title, or of two words or more right
/// before a speech verb. Adds the text's lower-case nouns of persons to
/// `title_words` ([`People::title_words`]).
fn names_in(text: &str, title_words: &mut HashSet<String>) -> Vec<Vec<String>> {
    let toks = tokens(text);
    note_lower_person_words(&toks, title_words);
    let mut out = Vec::new();
    for (i, e) in cap_runs(text, &toks) {
        let run = &toks[i..=e];
        let titled = run
            .iter()
            .rposition(is_title)
            .is_some_and(|p| p < run.len() - 1);
        let mut name = name_in_run(run);
        // "Minister of Health Twu Shiing-jer": after a title and "of" (and
        // "the"), the run names the office, then the person: its last two
        // words (and an initial before them), as in
        // `name_after_title_of`; two words or fewer cannot be told apart.
        match office_person(&toks, i, e) {
            Some(None) => continue,
            Some(Some(first)) => name = name_in_run(&toks[first..=e]),
            None => {}
        }
        // "the White House said": institutions take an article, people not;
        // nor do names hold function words ("PM ET The NCAA said").
        let article = i > 0 && (is_determiner(&toks[i - 1]) || toks[i - 1].is_possessive());
        let plain = name.len() >= 2
            && !article
            && name.iter().all(|w| {
                let l = key(w);
                !crate::text::is_stop(&l) && !is_determiner_word(&l)
            });
        // A finite verb: "Israel reporting" is no subject.
        let finite = |t: &Tok| is_speech_verb(t) && !t.lower().ends_with("ing");
        let before_verb = plain && toks.get(e + 1).is_some_and(finite);
        // "said attorney Kassie Siegel", "receiver Vincent Jackson": a name
        // right after a lower-case role or title word, or after a speech
        // verb that follows a quotation or a comma (`”, said X`; in
        // "told CBS News" the name is the object).
        let inverted =
            |t: &Tok| t.gap.contains(',') || t.gap.contains(crate::text::is_double_quote);
        let after_role = plain
            && i > 0
            && !breaks_before(&toks, i)
            && ((finite(&toks[i - 1]) && inverted(&toks[i - 1]))
                || is_role_noun(&toks[i - 1])
                || (!toks[i - 1].is_capitalised() && is_title(&toks[i - 1])));
        // "Bill Adgate, who works …", "Anthony LaCalamita, 38,", "Mehdi
        // Zareh, director of …": an appositive only a person takes.
        let described = plain
            && toks.get(e + 1).is_some_and(|n| {
                n.gap.trim() == ","
                    && (n.lower() == "who"
                        || n.raw.chars().all(|c| c.is_ascii_digit())
                        || is_role_noun(n)
                        || (is_determiner(n) && toks.get(e + 2).is_some_and(is_role_noun)))
            });
        if !name.is_empty() && (titled || before_verb || after_role || described) {
            out.push(name);
        }
    }
    out
}

/// "Minister of Health Twu Shiing-jer", "Secretary of the Navy Tom J.
/// Reyes": when the run of capitalised words `i..=e` follows a title and
/// "of" (and "the"), it names the office, then the person: `Some(first)`,
/// the start of its last two words (three when the middle one is an
/// initial: "Tom J. Reyes"); `Some(None)` when it is two words or fewer,
/// which cannot be told apart. `None`: no office before the run.
fn office_person(toks: &[Tok], i: usize, e: usize) -> Option<Option<usize>> {
    let of = |k: usize| toks[k].lower() == "of" && !breaks_before(toks, k + 1);
    let office = (i >= 2 && of(i - 1) && is_title(&toks[i - 2]))
        || (i >= 3 && toks[i - 1].lower() == "the" && of(i - 2) && is_title(&toks[i - 3]));
    if !office {
        return None;
    }
    if e < i + 2 {
        return Some(None);
    }
    let mut first = e - 1;
    if first > i && is_initial(&toks[first]) {
        first -= 1;
    }
    Some(Some(first))
}

/// The [`plain_names`] of `text` that stand at least once inside a
/// sentence, not opening it.
fn placed_plain_names(text: &str) -> Vec<Vec<String>> {
    let toks = tokens(text);
    let cuts = sentence_cuts(text);
    let plain: HashSet<Vec<String>> = plain_names(text).into_iter().collect();
    cap_runs(text, &toks)
        .into_iter()
        .filter(|&(i, e)| e == i + 1 && i > 0 && !ends_sentence_before(&toks, &cuts, i))
        .map(|(i, e)| vec![toks[i].raw.to_string(), toks[e].raw.to_string()])
        .filter(|n| plain.contains(n))
        .collect()
}

/// Names of exactly two words, not after an article or a possessor, with
/// no function word, sentence opener, acronym or calendar word in them
/// ("Vincent Jackson"; not "the White House", "PM Intel", "However Smith").
fn plain_names(text: &str) -> Vec<Vec<String>> {
    let toks = tokens(text);
    cap_runs(text, &toks)
        .into_iter()
        .filter(|&(i, e)| {
            e == i + 1
                && !(i > 0 && (is_determiner(&toks[i - 1]) || toks[i - 1].is_possessive()))
                && !toks[e].is_possessive()
                && toks[i..=e].iter().all(|t| {
                    let l = key(t.raw);
                    t.raw.chars().all(char::is_alphabetic)
                        && crate::nlp::tokens::casing(t.raw) != crate::nlp::tokens::Casing::Upper
                        && !crate::text::is_stop(&l)
                        && !is_determiner_word(&l)
                        && !is_title(t)
                        && !is_role_noun(t)
                        && !is_calendar_word(t.raw)
                        && !crate::nlp::lists::is_sentence_starter(&l)
                })
        })
        .map(|(i, e)| vec![toks[i].raw.to_string(), toks[e].raw.to_string()])
        .collect()
}
