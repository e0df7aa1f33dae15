//! Development harness for speaker attribution: reads a flat folder of
//! articles with the real ingest and segment stages, groups them into
//! stories by a labels file (file stem → story), finds the quotations of
//! each story and prints one line per quotation per source: source id,
//! the quotation, the speaker that source
//! gives (before merging across sources), and the speaker of the merged
//! quotation (after the cross-source vote). Sorted, so two runs diff cleanly:
//! the whole-corpus before/after comparison of every quotation's speaker.
//!
//! cargo run --example speakers -- [ARTICLES] [LABELS.json] > speakers.tsv

mod common;

use parallax::model::{Document, Story};
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, labels) = common::ecb_paths(&args);
    let gold: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(labels).expect("labels")).expect("json");
    let (articles, _) = parallax::ingest::load(Path::new(dir)).expect("articles");
    let params = parallax::params::Params::default();
    let mut stories: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for a in articles {
        let story = gold
            .get(a.id.as_ref())
            .cloned()
            .unwrap_or_else(|| a.id.to_string());
        stories
            .entry(story)
            .or_default()
            .push(parallax::segment::segment(a, &params));
    }
    let mut lines = Vec::new();
    for docs in stories.into_values() {
        let story = Story { docs };
        for q in parallax::quotes::find_quotes(&story, &params.quotes) {
            for m in &q.mentions {
                let text = &m.text;
                lines.push(format!(
                    "{}\t{}\t{}\t{}",
                    story.docs[m.doc].article.id,
                    text.replace('\n', " "),
                    m.speaker.as_deref().unwrap_or("-"),
                    q.speaker.as_deref().unwrap_or("-")
                ));
            }
        }
    }
    lines.sort();
    lines.dedup();
    for l in lines {
        println!("{l}");
    }
}
