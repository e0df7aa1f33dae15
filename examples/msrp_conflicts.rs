//! Held-out check of conflict precision on sentences no rule was shaped on:
//! every MSR Paraphrase pair (two outlets' sentences from one news cluster)
//! becomes a two-source story, and every conflict Parallax would show is
//! printed with the pair's label, for an editor to judge by reading.
//!
//! Usage: cargo run --release --example msrp_conflicts -- ../shared/data/msrp [test|train]
//!
//! A pair labelled paraphrase (1) says the same thing: a conflict shown
//! there is usually false. A non-paraphrase pair (0) may hold a real one.
//! Judgements go to tests/fixtures/conflicts/msrp-judged.tsv.

use parallax::model::Story;
use parallax::params::Params;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../shared/data/msrp".into());
    let part = args.next().unwrap_or_else(|| "test".into());
    let path = format!("{dir}/msr_paraphrase_{part}.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let params = Params::default();
    let (mut pairs, mut shown) = (0usize, [0usize; 2]);
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 {
            continue;
        }
        let label = usize::from(f[0].trim_start_matches('\u{feff}') == "1");
        pairs += 1;
        let docs = [(f[1], f[3]), (f[2], f[4])]
            .iter()
            .map(|(id, s)| {
                let body = format!("Title: {part} {id}\n\n{s}\n");
                let a = parallax::ingest::parse_article(&format!("{id}.txt"), None, &body)
                    .expect("pair parses");
                parallax::segment::segment(a, &params)
            })
            .collect();
        let digest = parallax::analyse_story(&Story { docs }, &params);
        for d in &digest.divergent {
            if d.kind != parallax::digest::DivergenceKind::Conflict {
                continue;
            }
            shown[label] += 1;
            let values: Vec<String> = d
                .claims
                .iter()
                .map(|c| c.value.clone().unwrap_or_default())
                .collect();
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                f[1],
                f[2],
                label,
                d.topic,
                values.join(" | "),
                d.claims
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" || ")
            );
        }
    }
    eprintln!(
        "{pairs} pairs; conflicts shown: {} on paraphrase pairs, {} on non-paraphrase pairs",
        shown[1], shown[0]
    );
}
