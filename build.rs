//! Build script: the WordNet table (`data/synonyms.tsv`, see
//! `src/lexicon.rs`) with each word replaced by its stem, written to
//! `$OUT_DIR/synonyms.stemmed.tsv` and built into the binary. The lexicon
//! is keyed by stems; stemming its 20,000 words at every start-up was 3% of
//! the instructions of a clean build of 300 ECB+ articles (issue 15). The
//! stems come from the crate's own rule (`src/nlp/stem_rule.rs`, included
//! here as it is) and the same Snowball crate, and a unit test checks that
//! the table read this way equals the table stemmed at run time.

#[path = "src/nlp/stem_rule.rs"]
mod stem_rule;

use rust_stemmers::{Algorithm, Stemmer};
use std::fmt::Write as _;

fn main() {
    const TABLE: &str = "data/synonyms.tsv";
    println!("cargo::rerun-if-changed={TABLE}");
    println!("cargo::rerun-if-changed=src/nlp/stem_rule.rs");
    let table = std::fs::read_to_string(TABLE).expect("data/synonyms.tsv is readable");
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = String::with_capacity(table.len());
    for line in table.lines() {
        // Alias lines ("=adjective\ttarget") and lines without a tab are
        // read as they are; an entry's word becomes its stem.
        match line.split_once('\t') {
            Some((word, rest)) if !word.starts_with('=') => {
                let _ = writeln!(out, "{}\t{rest}", stem_rule::stem_with(&stemmer, word));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/synonyms.stemmed.tsv"), out)
        .expect("the stemmed table is written");
}
