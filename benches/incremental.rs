//! Incremental builds (issue 15): times a clean `build` of a large corpus,
//! a rebuild with nothing changed and a rebuild after adding one article,
//! all through the analysis cache, and checks that the cached rebuild
//! wrote the same site as a clean build with the same `parallax.lock`.
//!
//! The corpus is ECB+ (982 articles, `../shared/bench/ecbplus`) written
//! `COPIES` times (default 6: 5,892 articles) into a temporary folder,
//! every replica with its names and figures changed
//! (`parallax::synthetic::perturb`), so replicas report other events.
//!
//!     COPIES=6 cargo bench --bench incremental

use parallax::{BuildOptions, build};
use std::path::Path;
use std::time::Instant;

const ECB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/bench/ecbplus/articles"
);

fn timed(label: &str, opts: &BuildOptions) -> parallax::BuildReport {
    let started = Instant::now();
    let report = build(opts).expect("build");
    println!(
        "{label:<28} {:>7.2} s  ({} stories, {} analysed; {} articles segmented)",
        started.elapsed().as_secs_f64(),
        report.digests.len(),
        report.analysed,
        report.segmented
    );
    report
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let Ok(entries) = std::fs::read_dir(ECB) else {
        eprintln!("skipping: {ECB} not found");
        return;
    };
    let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    let copies: usize = std::env::var("COPIES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(6);
    let dir = tempfile::tempdir().expect("temporary folder");
    let seeds = dir.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    for r in 0..copies {
        for path in &names {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy();
            let text = parallax::synthetic::perturb(&text, r);
            std::fs::write(seeds.join(format!("r{r}_{name}")), text).unwrap();
        }
    }
    println!("{} articles in {}", names.len() * copies, seeds.display());
    let opts = |out: &Path, cache: bool| BuildOptions {
        seeds: seeds.clone(),
        out: out.to_path_buf(),
        config: parallax::config::Config::default(),
        templates: parallax::output::Templates::default(),
        strict: false,
        dry_run: false,
        cache: cache.then(|| dir.path().join("cache")),
    };
    let site = dir.path().join("site");
    timed("clean build (empty cache)", &opts(&site, true));
    timed("rebuild, nothing changed", &opts(&site, true));
    // The lock as a committed one: the clean build below reads the same
    // lock (grouping with a lock regroups only near new articles).
    std::fs::copy(site.join("parallax.lock"), seeds.join("parallax.lock")).unwrap();
    let added = names[0].clone();
    std::fs::copy(&added, seeds.join("zz_added.txt")).unwrap();
    timed("rebuild, one article added", &opts(&site, true));
    let clean = dir.path().join("clean");
    timed("clean build without cache", &opts(&clean, false));
    let same = walkdir::WalkDir::new(&site)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .all(|e| {
            let rel = e.path().strip_prefix(&site).unwrap();
            std::fs::read(e.path()).ok() == std::fs::read(clean.join(rel)).ok()
        });
    println!("cached rebuild identical to clean build: {same}");
}
