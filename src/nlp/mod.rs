//! The English language layer: every stage reads text through this module.
//!
//! Before it existed each stage carried its own tokenizer, name scanner,
//! sentence-end rule, month table and title list, and the copies disagreed
//! ("Sheriff Ana Ruiz" was a titled name to one stage and not to another).
//! Here there is one of each, and the stages build on them:
//!
//! - [`tokens`]: the tokenizer. [`tokens::Token`] is one word with its byte
//!   offsets in the text and its casing; [`tokens::normalise_word`] is the
//!   one comparison form ("U.S." → `us_country`, possessives stripped);
//!   stemming (Snowball) and stop words (NLTK) live beside it.
//! - [`names`]: runs of capitalised words that name something, with their
//!   leading titles ("Sheriff", "Sen."), initials ("Michael J. Fox") and
//!   particles ("bin", "van").
//! - [`sentences`]: the sentence-boundary test and the splitter built on it
//!   (abbreviations, initials, decimals, quotations).
//! - [`quotemarks`]: which way a quotation mark faces and how marks pair,
//!   straight or curly.
//! - [`numbers`]: amounts in words and digits ("two hundred", "230,000",
//!   "$1.5 million"), their qualifiers ("at least", "more than") read as
//!   ranges, units, and whether two amounts can both hold.
//! - [`calendar`]: months, weekdays, years and units of duration.
//! - [`compare`]: longest common subsequence (via the `similar` crate), the
//!   two named inverse-document-frequency formulas (smoothed, for comparing
//!   documents; BM25, for telling statements of one story apart), cosine of
//!   sparse vectors.
//! - [`paraphrase`]: whether one sentence states what another states in
//!   other words (a small logistic model over content coverage, figures,
//!   names and negation, fitted on the MSR Paraphrase Corpus's training
//!   half).
//! - [`lists`]: the word lists, loaded once from `data/en/` (compiled into
//!   the binary with `include_str!`, so nothing is read at run time): the
//!   titles table, abbreviations, sentence starters, furniture lines.
//! - [`memo`]: bounded per-thread memos of what depends on a text alone
//!   (its words, a word's stem), so stages that read the same sentences
//!   again do not split or stem them again.
//!
//! Design rules, as in ripgrep's layering: this module knows English, not
//! Parallax. It has no I/O, no stage types ([`crate::model`] is not
//! imported), no thresholds of a stage (those live in [`crate::params`]),
//! and it never depends on a stage module, so there is no cycle. Each
//! function takes plain text or tokens and returns offsets or indices into
//! them, so a stage can always show the verbatim source text.

pub mod calendar;
pub mod compare;
pub(crate) mod data;
pub mod lists;
pub mod memo;
pub mod names;
pub mod numbers;
pub mod paraphrase;
pub mod quotemarks;
pub mod sentences;
pub mod stem_rule;
pub mod tokens;
