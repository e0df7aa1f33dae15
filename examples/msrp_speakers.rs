//! Held-out check of quotation speakers on sentences no rule was shaped on:
//! every distinct MSR Paraphrase sentence holding a quotation mark becomes a
//! one-sentence article, and each quotation found is printed with the
//! speaker Parallax credits (or `-` when it abstains), for an editor to
//! judge by reading.
//!
//! Usage: cargo run --release --example msrp_speakers -- ../shared/data/msrp > /tmp/msrp-speakers.tsv
//!
//! Output columns: sentence key (first 12 hex digits of its FNV-1a hash, so a
//! judged sample stays put), speaker, quotation, sentence. One sentence has no
//! context, so a pronoun must give no one; a wrong name here is wrong anywhere.

use parallax::model::Story;
use parallax::params::Params;
use std::collections::BTreeSet;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/msrp".into());
    let mut sentences = BTreeSet::new();
    for part in ["train", "test"] {
        let path = format!("{dir}/msr_paraphrase_{part}.txt");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() == 5 {
                sentences.extend(
                    [f[3], f[4]]
                        .into_iter()
                        .filter(|s| s.contains('"'))
                        .map(str::to_string),
                );
            }
        }
    }
    let params = Params::default();
    let (mut quotes, mut credited) = (0usize, 0usize);
    for s in &sentences {
        let key = parallax::digest::content_key(&[s]);
        let body = format!("Title: {key}\n\n{s}\n");
        let a = parallax::ingest::parse_article(&format!("{key}.txt"), None, &body)
            .expect("sentence parses");
        let story = Story {
            docs: vec![parallax::segment::segment(a, &params)],
        };
        for q in parallax::quotes::find_quotes(&story, &params.quotes) {
            quotes += 1;
            credited += usize::from(q.speaker.is_some());
            let who = q.speaker.as_deref().unwrap_or("-");
            println!("{key}\t{who}\t{}\t{s}", q.text);
        }
    }
    eprintln!(
        "{} sentences with a quotation mark; {quotes} quotations, {credited} credited to a speaker",
        sentences.len()
    );
}
