//! Lexicon: which words mean nearly the same thing, from WordNet.
//!
//! `data/synonyms.tsv` (made by `scripts/make_synonyms.py` from WordNet 3.0,
//! Princeton University, under the WordNet licence in
//! `data/WORDNET-LICENSE`) lists for each common word the synsets of its most
//! frequent senses and their direct hypernyms. Two words are related when
//! they share a synset (synonyms: "cancel"/"call off", "reject"/"decline"),
//! when one's sense is the other's hypernym ("assassinate" is a kind of
//! "murder"), or when both are kinds of one specific thing (siblings).
//! Adjective pertainyms make demonyms one name with their country
//! ("Israeli" → "Israel"). The table is built into the binary and read once,
//! from a copy whose words `build.rs` stemmed when Parallax was compiled.
//!
//! Keys are Snowball stems, so word forms meet: "talks" and "talk" share
//! the concepts of the lemma "talk".

use crate::nlp::tokens::stem;
use crate::params::LexiconParams;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The table as written, read by the tests (the binary reads [`STEMMED`]).
#[cfg(test)]
const TABLE: &str = include_str!("../data/synonyms.tsv");
/// `data/synonyms.tsv` with each entry's word replaced by its stem, made by `build.rs`
/// with the crate's stemming rule ([`crate::nlp::stem_rule`]).
const STEMMED: &str = include_str!(concat!(env!("OUT_DIR"), "/synonyms.stemmed.tsv"));

// How strongly two different stems are related (synonym, hypernym,
// sibling), from 0 to 1, is `LexiconParams`, with how it was set.

/// A concept a stem can stand for: a synset id and whether it is the word's
/// own sense (level 0) or a hypernym of it (level 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Concept {
    pub id: u32,
    pub level: u8,
}

#[derive(Debug, Default, PartialEq)]
pub struct Lexicon {
    concepts: HashMap<String, Vec<Concept>>,
    aliases: HashMap<String, String>,
}

fn parse_id(s: &str) -> Option<u32> {
    let (pos, num) = s.split_at(1);
    let pos = match pos {
        "n" => 0u32,
        "v" => 1,
        "a" => 2,
        "r" => 3,
        _ => return None,
    };
    num.parse::<u32>().ok().map(|n| (pos << 28) | n)
}

impl Lexicon {
    /// Parses the table format (see the module doc).
    pub fn parse(table: &str) -> Lexicon {
        Lexicon::parse_keyed(table, stem)
    }

    /// Parses a table whose words are stems already (what `build.rs` makes
    /// of the built-in table).
    fn parse_stemmed(table: &str) -> Lexicon {
        Lexicon::parse_keyed(table, str::to_string)
    }

    /// Parses the table format, each entry's word keyed by `key`.
    fn parse_keyed(table: &str, key: impl Fn(&str) -> String) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in table.lines() {
            let Some((word, rest)) = line.split_once('\t') else {
                continue;
            };
            if let Some(adj) = word.strip_prefix('=') {
                lex.aliases.insert(adj.to_string(), rest.to_string());
                continue;
            }
            let entry = lex.concepts.entry(key(word)).or_default();
            for tok in rest.split(' ') {
                let (level, tok) = match tok.strip_prefix('^') {
                    Some(t) => (1, t),
                    None => (0, tok),
                };
                if let Some(id) = parse_id(tok) {
                    let c = Concept { id, level };
                    if !entry.contains(&c) {
                        entry.push(c);
                    }
                }
            }
        }
        for list in lex.concepts.values_mut() {
            list.sort();
        }
        lex
    }

    /// The built-in table, read from its copy with the words stemmed at
    /// compile time (`build.rs`): the same lexicon as `parse(TABLE)`.
    pub fn get() -> &'static Lexicon {
        static L: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse_stemmed(STEMMED));
        &L
    }

    /// The comparison term of a normalised word: its pertainym target if it
    /// has one ("israeli" → "israel"), stemmed.
    pub fn term(&self, norm: &str) -> String {
        match self.aliases.get(norm) {
            Some(target) => stem(target),
            None => stem(norm),
        }
    }

    /// Concepts of a stem (empty when the word is not in the table).
    pub fn concepts(&self, stem: &str) -> &[Concept] {
        self.concepts.get(stem).map_or(&[], Vec::as_slice)
    }

    /// Ids of the synsets a stem can mean in its own right (not its
    /// hypernyms): two stems sharing one are synonyms. For the paraphrase
    /// model of the language layer ([`crate::nlp::paraphrase`]).
    pub fn senses(&self, stem: &str) -> Vec<u32> {
        self.concepts(stem)
            .iter()
            .filter(|c| c.level == 0)
            .map(|c| c.id)
            .collect()
    }

    /// Relatedness of two stems: 1 for the same stem, else the strongest
    /// shared concept (synonym, hypernym, sibling), else 0.
    pub fn relatedness(&self, a: &str, b: &str, p: &LexiconParams) -> f32 {
        relatedness_of((a, self.concepts(a)), (b, self.concepts(b)), p)
    }
}

/// [`Lexicon::relatedness`] of two stems whose concepts
/// ([`Lexicon::concepts`]) the caller has looked up already: the same
/// figure, for a caller that compares each stem with many others. It does
/// not depend on the order of the two.
pub fn relatedness_of(
    (a, concepts_a): (&str, &[Concept]),
    (b, concepts_b): (&str, &[Concept]),
    p: &LexiconParams,
) -> f32 {
    if a == b {
        return 1.0;
    }
    if is_compound_of(a, b) || is_compound_of(b, a) {
        return p.hypernym;
    }
    related(concepts_a, concepts_b, p)
}

impl Lexicon {}

/// Is `long` a closed compound ending in `short` ("airstrike" / "strike",
/// "lawmaker" / "maker")? The head of an English compound names what it is a
/// kind of, so it counts as a hypernym. Stems are compared without a final
/// "e" (Snowball keeps it in "strike" but not in "airstrik"), and the head
/// must be five letters or more so that short stems ("port" in "support")
/// do not match by accident.
fn is_compound_of(long: &str, short: &str) -> bool {
    let l = long.strip_suffix('e').unwrap_or(long);
    let s = short.strip_suffix('e').unwrap_or(short);
    s.len() >= 5 && l.len() >= s.len() + 3 && l.ends_with(s) && s.chars().all(char::is_alphabetic)
}

/// Strength of the strongest concept two sorted concept lists share.
pub fn related(a: &[Concept], b: &[Concept], p: &LexiconParams) -> f32 {
    let mut best = 0.0f32;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].id.cmp(&b[j].id) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                // Several entries may share an id with different levels.
                let la = a[i..]
                    .iter()
                    .take_while(|c| c.id == a[i].id)
                    .map(|c| c.level)
                    .min();
                let lb = b[j..]
                    .iter()
                    .take_while(|c| c.id == b[j].id)
                    .map(|c| c.level)
                    .min();
                let s = match la.unwrap_or(1) + lb.unwrap_or(1) {
                    0 => p.synonym,
                    1 => p.hypernym,
                    _ => p.sibling,
                };
                best = best.max(s);
                let id = a[i].id;
                while i < a.len() && a[i].id == id {
                    i += 1;
                }
                while j < b.len() && b[j].id == id {
                    j += 1;
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: LexiconParams = LexiconParams {
        synonym: 0.8,
        hypernym: 0.6,
        sibling: 0.45,
    };
    const SYNONYM: f32 = P.synonym;
    const HYPERNYM: f32 = P.hypernym;
    const SIBLING: f32 = P.sibling;

    fn rel(a: &str, b: &str) -> f32 {
        let l = Lexicon::get();
        l.relatedness(&l.term(a), &l.term(b), &P)
    }

    #[test]
    fn the_table_stemmed_at_compile_time_is_the_table_stemmed_now() {
        let now = Lexicon::parse(TABLE);
        assert!(now.concepts.len() > 10_000 && !now.aliases.is_empty());
        assert_eq!(Lexicon::parse_stemmed(STEMMED), now);
        assert_eq!(Lexicon::get(), &now);
    }

    #[test]
    fn entries_of_one_stem_merge_in_table_order_when_stemmed_either_way() {
        // "talks" and "talk" share a stem: their concepts merge, sorted,
        // without repeats; aliases and lines without a tab read alike.
        let table = "talks\tn2 ^n1\ntalk\tv3 n2\n=israeli\tisrael\nno tab here\n";
        let stemmed = "talk\tn2 ^n1\ntalk\tv3 n2\n=israeli\tisrael\nno tab here\n";
        let lex = Lexicon::parse(table);
        assert_eq!(Lexicon::parse_stemmed(stemmed), lex);
        assert_eq!(lex.concepts("talk").len(), 3);
        assert_eq!(lex.term("israeli"), stem("israel"));
        // Read without stemming, the two words stay apart.
        assert_ne!(Lexicon::parse_stemmed(table), lex);
    }

    #[test]
    fn test_params_are_the_defaults() {
        assert_eq!(P, LexiconParams::default());
    }

    #[test]
    fn synonyms_from_wordnet() {
        assert_eq!(rel("cancel", "cancelled"), 1.0);
        assert!(rel("reject", "decline") >= SYNONYM);
        assert!(rel("halt", "block") >= SYNONYM);
        assert!(rel("avoid", "prevent") >= HYPERNYM);
        assert!(rel("assassinate", "eliminate") >= SIBLING);
    }

    #[test]
    fn compounds_are_kinds_of_their_head() {
        assert_eq!(rel("airstrikes", "strike"), HYPERNYM);
        assert_eq!(rel("support", "port"), 0.0);
    }

    #[test]
    fn unrelated_words_are_zero() {
        assert_eq!(rel("banana", "parliament"), 0.0);
        assert_eq!(rel("xyzzy", "plugh"), 0.0);
    }

    #[test]
    fn demonyms_alias_their_country() {
        let l = Lexicon::get();
        assert_eq!(l.term("israeli"), l.term("israel"));
        assert_eq!(l.term("iranian"), l.term("iran"));
    }
}
