//! Incremental builds (issue 15): times a clean `build` of a large corpus,
//! a rebuild with nothing changed and a rebuild after adding one article,
//! all through the analysis cache, and checks that the cached rebuild
//! wrote the same site as a clean build with the same `parallax.lock`.
//! The first build is a clean one without cache or lock, the one to
//! compare with Hugo's clean build.
//!
//! The corpus is ECB+ (982 articles, `../shared/bench/ecbplus`) written
//! `COPIES` times (default 6: 5,892 articles) into a temporary folder,
//! every replica with its names and figures changed
//! (`parallax::synthetic::perturb`), so replicas report other events.
//! When `hugo` is on the PATH (Debian package `hugo`), it then renders the
//! same articles as plain Markdown pages (title and paragraphs, one
//! minimal template), twice, for comparison.
//!
//!     COPIES=6 cargo bench --bench incremental

use parallax::{BuildOptions, build};

/// The allocator of the `parallax` binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::Path;
use std::time::Instant;

#[path = "../examples/common/mod.rs"]
mod common;

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
    let written = common::write_replicas(&names, copies, &seeds);
    println!("{written} articles in {}", seeds.display());
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
    // A clean build as Hugo's is: no cache, no lock (grouping from scratch).
    let fresh = dir.path().join("fresh");
    timed("clean build, no cache/lock", &opts(&fresh, false));
    std::fs::remove_dir_all(&fresh).unwrap();
    timed("clean build (empty cache)", &opts(&site, true));
    timed("rebuild, nothing changed", &opts(&site, true));
    // The lock as a committed one: the clean build below reads the same
    // lock (grouping with a lock regroups only near new articles).
    std::fs::copy(site.join("parallax.lock"), seeds.join("parallax.lock")).unwrap();
    let added = names[0].clone();
    std::fs::copy(&added, seeds.join("zz_added.txt")).unwrap();
    timed("rebuild, one article added", &opts(&site, true));
    let clean = dir.path().join("clean");
    timed("clean build, no cache, lock", &opts(&clean, false));
    let same = walkdir::WalkDir::new(&site)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .all(|e| {
            let rel = e.path().strip_prefix(&site).unwrap();
            std::fs::read(e.path()).ok() == std::fs::read(clean.join(rel)).ok()
        });
    println!("cached rebuild identical to clean build with the same lock: {same}");
    hugo(&seeds, dir.path());
}

/// Renders the seeds as plain Markdown pages with Hugo, when it is
/// installed: a clean build, then a build with nothing changed.
fn hugo(seeds: &Path, dir: &Path) {
    let site = dir.join("hugo");
    let posts = site.join("content/posts");
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::create_dir_all(&layouts).unwrap();
    std::fs::write(
        site.join("hugo.toml"),
        "baseURL = 'http://localhost/'\ntitle = 'bench'\n",
    )
    .unwrap();
    let page = "<!doctype html><html><head><title>{{ .Title }}</title></head>\n\
                <body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n";
    let list = "<!doctype html><html><head><title>{{ .Title }}</title></head>\n\
                <body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">\
                {{ .Title }}</a></li>{{ end }}</ul></body></html>\n";
    std::fs::write(layouts.join("single.html"), page).unwrap();
    std::fs::write(layouts.join("list.html"), list).unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(seeds).unwrap().flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let title = lines.next().unwrap_or("untitled");
        let body: Vec<&str> = lines.collect();
        let page = format!(
            "---\ntitle: {}\n---\n\n{}\n",
            serde_json::to_string(title).unwrap(),
            body.join("\n\n")
        );
        let stem = path.file_stem().unwrap().to_string_lossy();
        std::fs::write(posts.join(format!("{stem}.md")), page).unwrap();
        n += 1;
    }
    for label in ["hugo, clean build", "hugo, nothing changed"] {
        let started = Instant::now();
        let status = std::process::Command::new("hugo")
            .args(["--quiet", "--source"])
            .arg(&site)
            .args(["--destination"])
            .arg(dir.join("hugo-public"))
            .status();
        match status {
            Ok(s) if s.success() => println!(
                "{label:<28} {:>7.2} s  ({n} pages)",
                started.elapsed().as_secs_f64()
            ),
            Ok(s) => return println!("{label}: hugo failed ({s})"),
            Err(_) => return println!("hugo not installed: no comparison"),
        }
    }
}
