//! Word lists of English, loaded once from `data/en/`.
//!
//! Every list is a data file with its origin stated in its first comment
//! lines (and in the README). The files are compiled into the binary with
//! `include_str!` and parsed on first use into immutable tables
//! (`std::sync::LazyLock`), so the program needs no files at run time and
//! holds no mutable global state. A malformed row is a bug in the shipped
//! data, caught by the unit tests below, never a run-time condition.
//!
//! Closed-class words (determiners, pronouns, forms of "be", relatives,
//! conjunctions of contrast) are data too (`data/en/function_words.tsv`,
//! `data/en/prepositions.txt`): stages name the class they need
//! ([`FunctionClass`]), never a private list.

use crate::nlp::data::{classed, rows, word_set};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

// ------------------------------------------------------------------ titles

/// What a title word says about the person it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// Holds a post: "President", "Senator", "Foreign" (Minister).
    Office,
    /// A form of address: "Mr", "Sir", "Dame".
    Honorific,
    /// Changes a title's standing: "former", "acting".
    Status,
    /// A religious rank: "Pope", "Rabbi", "Imam".
    Clerical,
    /// Written with a period: "Sen.", "Gen.", "Dr.".
    Abbreviation,
}

/// The grammatical gender a word gives a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// Where a title word may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitlePosition {
    /// Alone before a name: "President Ruiz", "Dr. Chen".
    Head,
    /// Only inside a longer title: "Vice President", "Foreign Minister".
    Modifier,
}

/// One row of `data/en/titles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub word: &'static str,
    pub kind: TitleKind,
    pub gender: Option<Gender>,
    pub position: TitlePosition,
    /// The full word an abbreviation stands for ("sen" → "senator").
    pub expands: Option<&'static str>,
}

static TITLES: LazyLock<HashMap<&'static str, Title>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/titles.tsv"))
        .map(|r| {
            let field = |i: usize| r.get(i).copied().unwrap_or("-");
            let kind = match field(1) {
                "office" => TitleKind::Office,
                "honorific" => TitleKind::Honorific,
                "status" => TitleKind::Status,
                "clerical" => TitleKind::Clerical,
                "abbreviation" => TitleKind::Abbreviation,
                other => panic!("data/en/titles.tsv: unknown kind {other:?}"),
            };
            let gender = match field(2) {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                _ => None,
            };
            let position = match field(3) {
                "modifier" => TitlePosition::Modifier,
                _ => TitlePosition::Head,
            };
            let expands = Some(field(4)).filter(|e| *e != "-");
            let word = field(0);
            let t = Title {
                word,
                kind,
                gender,
                position,
                expands,
            };
            (word, t)
        })
        .collect()
});

/// The title a normalised word is ("sen", "president", "former"), if any.
pub fn title(norm: &str) -> Option<&'static Title> {
    TITLES.get(norm)
}

/// Is this normalised word a title word (of any kind and position)?
pub fn is_title(norm: &str) -> bool {
    TITLES.contains_key(norm)
}

/// Every title of the table (for stages that build their own index).
pub fn titles() -> impl Iterator<Item = &'static Title> {
    TITLES.values()
}

/// A word that states a person's post or rank, the kind of title two
/// outlets can disagree on: an office, a clerical rank, or an abbreviation
/// of one ("Sen." for senator), from the titles table
/// (`data/en/titles.tsv`). Forms of address ("Mr", "Sir") say nothing
/// about a post, so "Mr. Kerry" never conflicts with "Secretary Kerry".
pub fn is_rank_title(p: &str) -> bool {
    let rank = |t: &Title| matches!(t.kind, TitleKind::Office | TitleKind::Clerical);
    title(p).is_some_and(|t| {
        rank(t)
            || (t.kind == TitleKind::Abbreviation && t.expands.and_then(title).is_some_and(rank))
    })
}

/// A word that changes a title's standing ("former", "late", "acting").
pub fn is_status_word(p: &str) -> bool {
    title(p).is_some_and(|t| t.kind == TitleKind::Status)
}

/// An abbreviated title whose period does not end the phrase ("Sen. Ana
/// Ruiz", "Mr. Kerry"). "St." is not one: St. Louis is a place.
pub fn is_title_abbreviation(p: &str) -> bool {
    title(p).is_some_and(|t| t.kind == TitleKind::Abbreviation)
}

/// Splits "ex-President" into its parts.
pub fn title_parts(norm: &str) -> Vec<&str> {
    norm.split('-').filter(|p| !p.is_empty()).collect()
}

fn is_title_part(p: &str) -> bool {
    is_rank_title(p) || is_status_word(p)
}

/// A word made only of rank titles and status words, hyphenated parts
/// too ("president", "ex-president", "former"; not "ex-wife").
pub fn is_title_word(norm: &str) -> bool {
    let ps = title_parts(norm);
    !ps.is_empty() && ps.iter().all(|p| is_title_part(p))
}

/// A word that stands before a person's name ("President", "Dr", "Sen"),
/// never the start of a place ("St" is left out: St. Louis is a place).
pub fn is_personal_title(norm: &str) -> bool {
    is_title_word(norm) || is_title_abbreviation(norm)
}

// ----------------------------------------------------------- abbreviations

/// What the period after an abbreviation does at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Not an abbreviation: the period ends the sentence.
    Ends,
    /// Never sentence-final: titles and Latin ("Sen.", "Dr.", "e.g.").
    Never,
    /// Not final before a number ("No. 5", "Jan. 12").
    BeforeNumber,
    /// May end a sentence ("U.S.", "Inc.", an initial): only before a
    /// common sentence starter or a quotation.
    MaybeFinal,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Period>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Period> = TITLES
        .values()
        .filter(|t| t.kind == TitleKind::Abbreviation)
        .map(|t| (t.word, Period::Never))
        .collect();
    for c in crate::nlp::calendar::words() {
        if c.kind == crate::nlp::calendar::CalendarKind::Month && c.abbreviation {
            map.insert(c.form, Period::BeforeNumber);
        }
    }
    for r in rows(include_str!("../../data/en/abbreviations.tsv")) {
        let period = match r.get(1).copied() {
            Some("never") => Period::Never,
            Some("before_number") => Period::BeforeNumber,
            Some("maybe_final" | "name_part") => Period::MaybeFinal,
            other => panic!("data/en/abbreviations.tsv: unknown period {other:?}"),
        };
        map.insert(r[0], period);
    }
    map
});

/// What the period after this abbreviation (lower case, inner periods
/// kept: "e.g", "sen", "jan") does; [`Period::Ends`] for other words.
pub fn abbreviation_period(lower: &str) -> Period {
    ABBREVIATIONS.get(lower).copied().unwrap_or(Period::Ends)
}

static NAME_PART_ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/abbreviations.tsv"))
        .filter(|r| r.get(1) == Some(&"name_part"))
        .map(|r| r[0])
        .collect()
});

/// An abbreviation whose period stays inside a name: a title ("Sen.
/// Ana Ruiz"), "St." (St. Louis), "Jr.".
pub fn is_name_abbreviation(lower: &str) -> bool {
    NAME_PART_ABBREVIATIONS.contains(lower)
        || title(lower).is_some_and(|t| t.kind == TitleKind::Abbreviation)
}

// ------------------------------------------------------------- word sets

static SENTENCE_STARTERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/sentence_starters.txt")));

/// Does this lower-case word commonly open a sentence (a pronoun,
/// determiner, conjunction, preposition or connective)?
pub fn is_sentence_starter(lower: &str) -> bool {
    SENTENCE_STARTERS.contains(lower)
}

static MINOR_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/minor_words.txt")));

/// Is this lower-case word one that stays lower case in a title ("of")?
pub fn is_minor_word(lower: &str) -> bool {
    MINOR_WORDS.contains(lower)
}

static PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/particles.txt")));

/// Is this word a lower-case name particle ("van", "bin", "de")?
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(word)
}

static ROLE_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/role_nouns.txt")));

/// Does this lower-case word name a person by a role ("spokesman",
/// "officials", "resident")? From WordNet's nouns of persons
/// (`data/en/role_nouns.txt`).
pub fn is_role_noun(lower: &str) -> bool {
    ROLE_NOUNS.contains(lower)
}

static ROLE_LEMMAS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/role_nouns.txt"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

/// The singular of a role noun ("sources" → "source", "spokesmen" →
/// "spokesman"; a singular is its own), from `data/en/role_nouns.txt`.
pub fn role_lemma(lower: &str) -> Option<&'static str> {
    ROLE_LEMMAS.get(lower).copied()
}

static PERSON_NOUNS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/person_nouns.tsv"))
        .filter_map(|r| Some((*r.first()?, *r.get(2)?)))
        .collect()
});

/// Does this lower-case word name a person ("customer", "girl", "voter")?
/// Every noun of persons in WordNet (`data/en/person_nouns.tsv`), far wider
/// than [`is_role_noun`]: only for telling who a pronoun may mean after an
/// indefinite person ("one Mac customer … he said"), never as a role head.
/// With it, the gender the noun gives its person: `Some('f')`, `Some('m')`
/// or `Some('-')` (either).
pub fn person_noun_gender(lower: &str) -> Option<char> {
    PERSON_NOUNS.get(lower).and_then(|g| g.chars().next())
}

static FIREARM_KINDS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/firearm_kinds.tsv"))
        .filter_map(|r| Some((*r.first()?, r.get(2)?.split_whitespace().collect())))
        .collect()
});

/// The kind of firearm a lower-case noun names, as its kind path: its
/// WordNet synset first (by its first lemma: "handgun" → pistol), then the
/// kinds it is one of ("revolver" → revolver, pistol). From WordNet's hyponyms of firearm (`data/en/firearm_kinds.tsv`);
/// the generic "gun" and "firearm" name no kind.
pub fn firearm_kind(lower: &str) -> Option<&'static [&'static str]> {
    FIREARM_KINDS.get(lower).map(Vec::as_slice)
}

static REPORT_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../data/en/report_verbs.txt")));

/// Is this lower-case word a verb form that reports a statement and may
/// stand beside the day of the report ("said", "announced")?
/// (`data/en/report_verbs.txt`)
pub fn is_report_verb(lower: &str) -> bool {
    REPORT_VERBS.contains(lower)
}

/// Prepositions, each with its note: "modifier" (its phrase qualifies the
/// noun before it), "adverb" (also a common adverb or noun) or none.
static PREPOSITIONS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/prepositions.txt"))
        .map(|r| (r[0], r.get(1).copied().unwrap_or("")))
        .collect()
});

/// Is this lower-case word a preposition ("to", "against", "outside")?
/// (`data/en/prepositions.txt`)
pub fn is_preposition(lower: &str) -> bool {
    PREPOSITIONS.contains_key(lower)
}

/// A preposition that is not also a common adverb or noun: "despite",
/// "to", not "outside" ("battered on the outside").
pub fn is_only_preposition(lower: &str) -> bool {
    PREPOSITIONS
        .get(lower)
        .is_some_and(|note| *note != "adverb")
}

/// Is this a preposition whose phrase qualifies the noun before it ("the
/// militant in the video", "a spokesman for the senator")? Not "with".
pub fn is_modifier_preposition(lower: &str) -> bool {
    PREPOSITIONS.get(lower) == Some(&"modifier")
}

// ---------------------------------------------------------- function words

/// The part a closed-class word plays (`data/en/function_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FunctionClass {
    /// Opens a noun phrase before a role or name ("the", "his", "several").
    Determiner,
    /// A subject pronoun; its gender when it has one ("he", "she").
    SubjectPronoun(Option<Gender>),
    /// Any form of a personal pronoun of one gender ("he", "him", "his",
    /// "himself").
    Personal(Gender),
    /// A form of "be" that makes a passive ("was told").
    Be,
    /// May stand between a subject and its verb ("later", "has").
    BeforeVerb,
    /// A country or body abbreviation before a title ("U.S.", "UN").
    Country,
    /// Opens a relative clause ("which", "whose").
    Relative,
    /// A coordinating conjunction ("and", "or", "but").
    Coordinator,
    /// Negates or declines what follows ("not", "declined", "unlikely").
    Negation,
    /// A conjunction that joins two clauses and belongs to neither part
    /// when a statement is cut between them ("and", "but", "or", "so").
    Joiner,
    /// Opens a sentence before a name without being part of it ("However
    /// Smith said").
    Opener,
    /// An object form of a personal pronoun ("me", "him", "them").
    Object,
    /// A conjunction of contrast that opens a clause after a comma; `true`
    /// when it does so without the comma too (" but ").
    Contrast { bare: bool },
    /// A modal verb: what its clause states may not have happened ("could
    /// be sentenced to 119 years", "would deem it acceptable").
    Modal,
}

static FUNCTION_WORDS: LazyLock<HashSet<(&'static str, FunctionClass)>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/function_words.tsv"))
        .map(|r| {
            let class = match r.get(1).copied() {
                Some("determiner") => FunctionClass::Determiner,
                Some("pronoun_m") => FunctionClass::SubjectPronoun(Some(Gender::Male)),
                Some("pronoun_f") => FunctionClass::SubjectPronoun(Some(Gender::Female)),
                Some("pronoun") => FunctionClass::SubjectPronoun(None),
                Some("personal_m") => FunctionClass::Personal(Gender::Male),
                Some("personal_f") => FunctionClass::Personal(Gender::Female),
                Some("be") => FunctionClass::Be,
                Some("before_verb") => FunctionClass::BeforeVerb,
                Some("country") => FunctionClass::Country,
                Some("relative") => FunctionClass::Relative,
                Some("coordinator") => FunctionClass::Coordinator,
                Some("joiner") => FunctionClass::Joiner,
                Some("negation") => FunctionClass::Negation,
                Some("modal") => FunctionClass::Modal,
                Some("opener") => FunctionClass::Opener,
                Some("object") => FunctionClass::Object,
                Some("contrast") => FunctionClass::Contrast { bare: false },
                Some("contrast_bare") => FunctionClass::Contrast { bare: true },
                other => panic!("data/en/function_words.tsv: unknown class {other:?}"),
            };
            (r[0], class)
        })
        .collect()
});

/// Is this lower-case word of this class?
pub fn is_function_word(lower: &str, class: FunctionClass) -> bool {
    FUNCTION_WORDS.contains(&(lower, class))
}

/// The gender of a subject pronoun ("he", "she"), `Some(None)` for one
/// without ("it", "they"), `None` for other words.
pub fn subject_pronoun(lower: &str) -> Option<Option<Gender>> {
    [Some(Gender::Male), Some(Gender::Female), None]
        .into_iter()
        .find(|g| is_function_word(lower, FunctionClass::SubjectPronoun(*g)))
}

/// The words of one class, in no particular order.
pub fn function_words(class: FunctionClass) -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS
        .iter()
        .filter(move |(_, c)| *c == class)
        .map(|(w, _)| *w)
}

/// Reporting verbs and hedges treated as stop words when comparing.
pub(crate) fn reporting_words() -> impl Iterator<Item = &'static str> {
    rows(include_str!("../../data/en/reporting_words.txt")).map(|r| r[0])
}

// ------------------------------------------------------------ contractions

/// One row of `data/en/contractions.tsv`.
struct Contraction {
    ending: &'static str,
    stands_for: &'static str,
    /// Irregular stems and their full forms ("wo" → "will").
    stems: Vec<(&'static str, &'static str)>,
}

static CONTRACTIONS: LazyLock<Vec<Contraction>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/contractions.tsv"))
        .map(|r| Contraction {
            ending: r[0],
            stands_for: r[1],
            stems: r
                .get(2)
                .map(|s| {
                    s.split(',')
                        .map(|p| p.split_once('=').expect("contractions.tsv: stem=full"))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
});

/// A contracted word (folded, lower case) as its base and the word its
/// ending stands for: "don't" → ("do", "not"), "won't" → ("will", "not"),
/// "we'll" → ("we", "will"); `None` for a word without a contracted ending
/// (`data/en/contractions.tsv`).
pub fn contraction(lower: &str) -> Option<(&str, &'static str)> {
    CONTRACTIONS.iter().find_map(|c| {
        let stem = lower.strip_suffix(c.ending)?;
        let base = c
            .stems
            .iter()
            .find(|(s, _)| *s == stem)
            .map_or(stem, |(_, full)| *full);
        Some((base, c.stands_for))
    })
}

// ---------------------------------------------------------------- cue words

/// What a cue word of `data/en/divergence_cues.tsv` says about a value
/// stated near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A kind of place ("island", "city", "province").
    PlaceNoun,
    /// A count counts the people living somewhere ("residents").
    ResidentNoun,
    /// A measurement near it may be another event's or hypothetical
    /// ("aftershock", "earlier", "could").
    OtherEvent,
    /// The Snowball stem of a noun naming who a report rests on
    /// ("offici", "sourc").
    SourceNoun,
    /// A word that opens a new clause, after which a name may belong to
    /// another thing ("… from Chopard that was due to be loaned …").
    ClauseOpener,
    /// A verb that joins a thing to its price after "at" ("valued at").
    PriceVerb,
    /// The Snowball stem of a noun meaning "people" in a count of an
    /// outcome ("peopl", "victim").
    PeopleNoun,
    /// A word that may stand between an outcome and its count ("were",
    /// "reportedly", "seriously").
    CountFiller,
    /// A locative preposition: a capitalised phrase right after it names a
    /// place ("in Takengon", "near Aceh").
    Locative,
    /// One or two words (space-separated) after a source noun that make a
    /// sourcing phrase ("familiar", "on condition", "who spoke").
    SourcingAfter,
    /// A noun of a length of time the units table leaves out ("years",
    /// "seasons").
    TimeSpan,
    /// A verb form that speaks of the time of writing ("is", "has",
    /// "says"): a title in its clause is held now.
    PresentTime,
}

static CUES: LazyLock<HashSet<(&'static str, Cue)>> = LazyLock::new(|| {
    classed(
        include_str!("../../data/en/divergence_cues.tsv"),
        "data/en/divergence_cues.tsv",
        |class| match class {
            "place_noun" => Some(Cue::PlaceNoun),
            "resident_noun" => Some(Cue::ResidentNoun),
            "other_event" => Some(Cue::OtherEvent),
            "source_noun" => Some(Cue::SourceNoun),
            "clause_opener" => Some(Cue::ClauseOpener),
            "price_verb" => Some(Cue::PriceVerb),
            "people_noun" => Some(Cue::PeopleNoun),
            "count_filler" => Some(Cue::CountFiller),
            "locative" => Some(Cue::Locative),
            "sourcing_after" => Some(Cue::SourcingAfter),
            "time_span" => Some(Cue::TimeSpan),
            "present_time" => Some(Cue::PresentTime),
            _ => None,
        },
    )
});

/// Is this lower-case word (or stem, for [`Cue::SourceNoun`]) a cue of
/// this kind?
pub fn is_cue(word: &str, cue: Cue) -> bool {
    CUES.contains(&(word, cue))
}

// ------------------------------------------------------------------ spelling

/// British spelling → American spelling (`data/en/spelling_variants.tsv`).
static VARIANTS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/spelling_variants.tsv"))
        .map(|r| (r[0], r[1]))
        .collect()
});

/// The American spelling of a lower-case British one ("jewellery" →
/// "jewelry"), so that two outlets' words compare as one.
pub fn american_spelling(lower: &str) -> Option<&'static str> {
    VARIANTS.get(lower).copied()
}

// --------------------------------------------------------------- furniture

/// How a furniture entry matches a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FurnitureMatch {
    /// The whole line, surrounding punctuation ignored.
    Label,
    /// The line starts with it, at a word boundary.
    Prefix,
    /// Anywhere in the line.
    Phrase,
}

static FURNITURE: LazyLock<Vec<(FurnitureMatch, &'static str)>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/furniture.tsv"))
        .map(|r| {
            let how = match r[0] {
                "label" => FurnitureMatch::Label,
                "prefix" => FurnitureMatch::Prefix,
                "phrase" => FurnitureMatch::Phrase,
                other => panic!("data/en/furniture.tsv: unknown match {other:?}"),
            };
            (how, r.get(1).copied().unwrap_or(""))
        })
        .collect()
});

/// The furniture entries (lines of page chrome) of one kind of match.
pub fn furniture(how: FurnitureMatch) -> impl Iterator<Item = &'static str> {
    FURNITURE
        .iter()
        .filter(move |(h, _)| *h == how)
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_split_into_base_and_word() {
        assert_eq!(contraction("don't"), Some(("do", "not")));
        assert_eq!(contraction("won't"), Some(("will", "not")));
        assert_eq!(contraction("can't"), Some(("can", "not")));
        assert_eq!(contraction("we'll"), Some(("we", "will")));
        assert_eq!(contraction("i'm"), Some(("i", "am")));
        assert_eq!(contraction("they'd"), Some(("they", "would")));
        // Must not: a possessive, a plain word, a word merely ending in "d" or "m".
        for w in ["obama's", "said", "team", "dont", "wo"] {
            assert_eq!(contraction(w), None, "{w}");
        }
        // An irregular stem belongs to its own ending only.
        assert_eq!(contraction("wo'll"), Some(("wo", "will")));
    }

    #[test]
    fn negations_and_count_cues_load() {
        for w in ["not", "never", "declined", "didn't", "unlikely"] {
            assert!(is_function_word(w, FunctionClass::Negation), "{w}");
        }
        for w in ["confirmed", "no", "said"] {
            assert!(!is_function_word(w, FunctionClass::Negation), "{w}");
        }
        assert!(is_cue("peopl", Cue::PeopleNoun) && is_cue("other", Cue::PeopleNoun));
        assert!(!is_cue("people", Cue::PeopleNoun), "stems, not words");
        assert!(is_cue("reportedly", Cue::CountFiller) && is_cue("other", Cue::CountFiller));
        assert!(!is_cue("killed", Cue::CountFiller));
        assert!(is_cue("near", Cue::Locative) && !is_cue("of", Cue::Locative));
    }

    #[test]
    fn joiners_are_the_clause_conjunctions() {
        let mut j: Vec<&str> = function_words(FunctionClass::Joiner).collect();
        j.sort_unstable();
        assert_eq!(j, vec!["and", "but", "or", "so"]);
        assert!(!is_function_word("while", FunctionClass::Joiner));
        assert!(is_function_word("them", FunctionClass::Object));
        assert!(!is_function_word("they", FunctionClass::Object));
    }

    #[test]
    fn every_table_loads() {
        assert!(titles().count() > 100);
        assert_eq!(title("sheriff").map(|t| t.kind), Some(TitleKind::Office));
        assert_eq!(title("mrs").and_then(|t| t.gender), Some(Gender::Female));
        assert_eq!(title("sen").and_then(|t| t.expands), Some("senator"));
        assert_eq!(
            title("former").map(|t| t.position),
            Some(TitlePosition::Modifier)
        );
        assert!(!is_title("weather"));
        assert_eq!(abbreviation_period("sen"), Period::Never);
        assert_eq!(abbreviation_period("e.g"), Period::Never);
        assert_eq!(abbreviation_period("jan"), Period::BeforeNumber);
        assert_eq!(abbreviation_period("inc"), Period::MaybeFinal);
        assert_eq!(abbreviation_period("st"), Period::MaybeFinal);
        assert_eq!(abbreviation_period("house"), Period::Ends);
        assert!(is_name_abbreviation("st") && is_name_abbreviation("gen"));
        assert!(!is_name_abbreviation("inc"));
        assert!(is_sentence_starter("the") && !is_sentence_starter("armed"));
        assert!(is_minor_word("of") && !is_minor_word("mayor"));
        assert!(is_particle("bin") && !is_particle("the"));
        for role in [
            "spokesman",
            "spokesmen",
            "officials",
            "source",
            "resident",
            "ceo",
        ] {
            assert!(is_role_noun(role), "{role}");
        }
        // Not persons first: a body part, a beginning, a name, a verb form.
        for word in ["head", "origin", "lincoln", "said", "Spokesman"] {
            assert!(!is_role_noun(word), "{word}");
        }
        assert_eq!(reporting_words().count(), 7);
        assert!(is_report_verb("announced") && !is_report_verb("closed"));
        assert!(is_preposition("despite") && is_preposition("to") && !is_preposition("houses"));
        assert!(is_only_preposition("despite") && !is_only_preposition("outside"));
        assert!(is_modifier_preposition("for") && !is_modifier_preposition("with"));
        assert!(is_function_word("his", FunctionClass::Determiner));
        assert!(!is_function_word("mayor", FunctionClass::Determiner));
        assert_eq!(subject_pronoun("she"), Some(Some(Gender::Female)));
        assert_eq!(subject_pronoun("they"), Some(None));
        assert_eq!(subject_pronoun("the"), None);
        assert!(is_function_word("was", FunctionClass::Be));
        assert!(is_function_word(
            "herself",
            FunctionClass::Personal(Gender::Female)
        ));
        assert!(!is_function_word(
            "it",
            FunctionClass::Personal(Gender::Male)
        ));
        assert!(!is_function_word("has", FunctionClass::Be));
        assert!(is_function_word("us_country", FunctionClass::Country));
        assert!(is_function_word("whose", FunctionClass::Relative));
        assert!(is_function_word(
            "but",
            FunctionClass::Contrast { bare: true }
        ));
        assert_eq!(function_words(FunctionClass::Determiner).count(), 21);
        assert!(is_cue("island", Cue::PlaceNoun) && !is_cue("island", Cue::ResidentNoun));
        assert!(is_cue("residents", Cue::ResidentNoun));
        assert!(is_cue("aftershock", Cue::OtherEvent) && !is_cue("quake", Cue::OtherEvent));
        assert!(is_cue("offici", Cue::SourceNoun) && !is_cue("officials", Cue::SourceNoun));
        assert!(is_cue("whereas", Cue::ClauseOpener) && !is_cue("of", Cue::ClauseOpener));
        assert!(is_cue("valued", Cue::PriceVerb) && !is_cue("stolen", Cue::PriceVerb));
        assert!(is_cue("on condition", Cue::SourcingAfter) && !is_cue("on", Cue::SourcingAfter));
        assert!(is_cue("has", Cue::PresentTime) && !is_cue("had", Cue::PresentTime));
        assert_eq!(
            CUES.len(),
            15 + 5 + 30 + 11 + 17 + 5 + 5 + 24 + 5 + 16 + 10 + 9
        );
        assert!(furniture(FurnitureMatch::Label).any(|l| l == "advertisement"));
        assert!(furniture(FurnitureMatch::Phrase).any(|l| l == "©"));
    }

    /// Every data file states its origin in its first lines.
    #[test]
    fn data_files_state_their_origin() {
        for data in [
            include_str!("../../data/en/titles.tsv"),
            include_str!("../../data/en/abbreviations.tsv"),
            include_str!("../../data/en/calendar.tsv"),
            include_str!("../../data/en/report_verbs.txt"),
            include_str!("../../data/en/prepositions.txt"),
            include_str!("../../data/en/sentence_starters.txt"),
            include_str!("../../data/en/minor_words.txt"),
            include_str!("../../data/en/particles.txt"),
            include_str!("../../data/en/reporting_words.txt"),
            include_str!("../../data/en/furniture.tsv"),
            include_str!("../../data/en/role_nouns.txt"),
            include_str!("../../data/en/person_nouns.tsv"),
            include_str!("../../data/en/speech_verbs_after.txt"),
            include_str!("../../data/en/perception_verbs.txt"),
            include_str!("../../data/en/function_words.tsv"),
            include_str!("../../data/en/divergence_cues.tsv"),
            include_str!("../../data/en/amount_words.tsv"),
            include_str!("../../data/en/contractions.tsv"),
            include_str!("../../data/en/units.tsv"),
            include_str!("../../data/en/firearm_kinds.tsv"),
        ] {
            let head: String = data.lines().take(8).collect::<Vec<_>>().join("\n");
            assert!(head.starts_with('#') && head.contains("Origin"), "{head}");
        }
    }

    /// Word columns are lower case and unique, so lookups of normalised
    /// words find them.
    #[test]
    fn title_words_are_lower_case_and_unique() {
        let data = include_str!("../../data/en/titles.tsv");
        let words: Vec<&str> = rows(data).map(|r| r[0]).collect();
        let unique: HashSet<&str> = words.iter().copied().collect();
        assert_eq!(words.len(), unique.len());
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
        assert!(rows(data).all(|r| r.len() == 5), "five columns per row");
    }
}
