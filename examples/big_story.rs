//! Development harness for per-story cost: builds ONE story of N articles
//! from the ECB+ collection and times each analysis stage on it.
//!
//! cargo run --release --example big_story -- N [mixed|wire]
//!
//! `mixed`: the first N ECB+ articles (cycled, with the numbers of every
//! repeat changed) forced into one story; `wire`: the articles of ECB+ topic
//! 1 cycled to N (numbers changed per copy), as when every outlet runs the
//! same wire copy of one event.

use parallax::model::{Document, Story};
use std::path::Path;
use std::time::Instant;

const ECB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/bench/ecbplus/articles"
);

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let mode = args.next().unwrap_or_else(|| "mixed".into());
    let (articles, _) = parallax::ingest::load(Path::new(ECB)).expect("ECB+ articles");
    let params = parallax::params::Params::default();
    let mut base = articles;
    if mode == "wire" {
        base.retain(|a| a.path.starts_with("1_"));
    }
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            let a = parallax::synthetic::repeat(&base[i % base.len()], i / base.len());
            parallax::segment::segment(a, &params)
        })
        .collect();
    let story = Story { docs };
    let sents: usize = story.docs.iter().map(|d| d.sentences.len()).sum();
    eprintln!("{mode}: {n} articles, {sents} sentences");
    let t = Instant::now();
    let quotes = parallax::quotes::find_quotes(&story, &params.quotes);
    eprintln!("quotes      {:>8.2?}", t.elapsed());
    let t = Instant::now();
    let facts = parallax::align::align(&story, &quotes, &params);
    eprintln!("align       {:>8.2?}  ({} facts)", t.elapsed(), facts.len());
    let t = Instant::now();
    let copies = parallax::syndication::story_copies(&story, &params.syndication);
    eprintln!("copies      {:>8.2?}", t.elapsed());
    let t = Instant::now();
    let findings = parallax::divergence::find(&story, &facts, &quotes, &copies, &params.divergence);
    eprintln!(
        "divergence  {:>8.2?}  ({} findings)",
        t.elapsed(),
        findings.len()
    );
    drop(copies);
    let t = Instant::now();
    let digest = parallax::analyse_story(&story, &params);
    eprintln!("whole story {:>8.2?}", t.elapsed());
    eprintln!("consensus {}", digest.consensus.len());
}
