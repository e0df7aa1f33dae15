//! Writes the corpus of `benches/incremental.rs` into a folder, so the
//! `parallax` binary can be timed on it (issue 15): ECB+ written `COPIES`
//! times (default 6: 5,892 articles), every replica with its names and
//! figures changed by `parallax::synthetic::perturb`.
//!
//!     cargo run --release --example bench_corpus -- /tmp/bench-seeds [COPIES]

mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("usage: bench_corpus OUT [COPIES]"));
    let copies: usize = args.next().map(|c| c.parse().expect("COPIES")).unwrap_or(6);
    let ecb = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench/ecbplus/articles"
    );
    let mut names: Vec<_> = std::fs::read_dir(ecb)
        .expect("ECB+ articles")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let written = common::write_replicas(&names, copies, &out);
    println!("{written} articles in {}", out.display());
}
