//! How story grouping scales: ECB+ (982 real articles) replicated with new
//! names and figures (`parallax::synthetic::replicas`) to N articles, then
//! grouped once; prints the time and the process's peak memory.
//!
//! One size per run, so the peak memory is that size's:
//!
//!     cargo run --release --example group_scale -- 100000 [ARTICLES] [STORIES.txt]
//!
//! With a third argument the stories are written there, one line each
//! (article ids, space-separated), to check that two builds group alike.
//!
//! Replicas of one ECB+ story must not merge with each other (they name
//! other people and figures), so the story count should be near N/982 × 93.
//!
//! Why it falls short at scale (issue 16; 7,963 stories at 100,000, 78 per
//! copy): (1) a copy has no times to tell look-alike events apart, since
//! `perturb` turns "December 2008" into "Decemberqb 22008", so one copy
//! alone groups into 93 stories where ECB+ gives 96; (2) `perturb` suffixes
//! every capitalised word, sentence openers too ("Theqb", "Heqb",
//! "Policeqb"), which gives every article of one copy terms no other copy
//! has: rare in the whole collection, so heavily weighted by IDF once there
//! are many copies, and shared across that copy's unrelated stories.
//! Copies 1–30 grouped together: 2,648 stories (88.3 per copy; 1–11:
//! 89.1); with capitalised stop words left unsuffixed, 2,719 (90.6; 1–11:
//! 90.8). So about half the shortfall is this artefact of the replicas; the
//! rest is the same effect through other words every article of a copy
//! shares (suffixed month names, places). In real collections the
//! analogue is an outlet's boilerplate in all its articles, which a large
//! mixed archive makes rare and so weighty; not yet guarded against.

use parallax::model::Document;
use std::path::Path;
use std::time::Instant;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let dir = args
        .get(2)
        .map_or("../shared/bench/ecbplus/articles", String::as_str);
    let params = parallax::params::Params::default();
    let (articles, _) = parallax::ingest::load(Path::new(dir)).expect("articles");
    let base: Vec<Document> = articles
        .into_iter()
        .map(|a| parallax::segment::segment(a, &params))
        .collect();
    let copies = n.div_ceil(base.len().max(1));
    let mut docs = parallax::synthetic::replicas(&base, copies);
    docs.truncate(n);
    let count = docs.len();
    let before = peak_rss_mib().unwrap_or(f64::NAN);
    let start = Instant::now();
    let stories = parallax::cluster::group(docs, &params);
    let secs = start.elapsed().as_secs_f64();
    if let Some(out) = args.get(3) {
        let lines: Vec<String> = stories
            .iter()
            .map(|s| {
                let ids: Vec<&str> = s.docs.iter().map(|d| d.article.id.as_str()).collect();
                ids.join(" ")
            })
            .collect();
        std::fs::write(out, lines.join("\n") + "\n").expect("write the stories");
    }
    println!(
        "articles {count}  stories {}  group {secs:.2} s  ({:.1} µs/article)  peak {:.0} MiB (before grouping {before:.0} MiB)",
        stories.len(),
        secs * 1e6 / count as f64,
        peak_rss_mib().unwrap_or(f64::NAN)
    );
}
