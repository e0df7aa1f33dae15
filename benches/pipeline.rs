//! Pipeline benchmarks: story grouping on the ECB+ collection (982 real
//! articles), the analysis stages on the sample story and on ECB+, and
//! grouping synthetic collections of about 1k, 5k and 10k articles to show
//! that grouping cost grows near-linearly.
//!
//! The synthetic collections replicate ECB+: every replica renames the
//! proper names (capitalised words) and changes every number, so each
//! replica reports different events of the same kinds, as a larger news
//! collection would.
//!
//! cargo bench --bench pipeline   (skips the ECB+ parts without ../shared)

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::model::Document;
use std::path::Path;
use std::time::Duration;

const ECB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/bench/ecbplus/articles"
);
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

/// Articles of a folder, read and segmented by the real stages.
fn load(dir: &str) -> Option<Vec<Document>> {
    let (articles, _) = parallax::ingest::load(Path::new(dir)).ok()?;
    let docs: Vec<Document> = articles
        .into_iter()
        .map(|a| parallax::segment::segment(a, &parallax::params::Params::default()))
        .collect();
    (!docs.is_empty()).then_some(docs)
}

fn quick<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g
}

fn grouping(c: &mut Criterion) {
    let Some(ecb) = load(ECB) else {
        eprintln!("skipping ECB+ benchmarks: {ECB} not found");
        return;
    };
    let mut g = quick(c, "group");
    g.bench_function("ecbplus_982", |b| {
        b.iter_batched(
            || ecb.clone(),
            |d| parallax::cluster::group(d, &parallax::params::Params::default()),
            BatchSize::LargeInput,
        )
    });
    for copies in [1, 5, 10] {
        let docs = parallax::synthetic::replicas(&ecb, copies);
        g.bench_with_input(
            BenchmarkId::new("synthetic", docs.len()),
            &docs,
            |b, docs| {
                b.iter_batched(
                    || docs.clone(),
                    |d| parallax::cluster::group(d, &parallax::params::Params::default()),
                    BatchSize::LargeInput,
                )
            },
        );
    }
    g.finish();
}

fn analysis(c: &mut Criterion) {
    let mut g = quick(c, "analyse");
    if let Some(seeds) = load(SEEDS) {
        let stories = parallax::cluster::group(seeds, &parallax::params::Params::default());
        g.bench_function("sample_story", |b| {
            b.iter(|| parallax::analyse(&stories, &parallax::params::Params::default()))
        });
    } else {
        eprintln!("skipping the sample story: {SEEDS} not found");
    }
    if let Some(ecb) = load(ECB) {
        let stories = parallax::cluster::group(ecb, &parallax::params::Params::default());
        g.bench_function("ecbplus_982", |b| {
            b.iter(|| parallax::analyse(&stories, &parallax::params::Params::default()))
        });
    }
    g.finish();
}

/// One story of 1,000 articles: the articles of ECB+ topic 1 cycled, each
/// copy with its figures changed, as when every outlet runs the wire copy of
/// one event (`examples/big_story.rs` times each stage of it).
fn big_story(c: &mut Criterion) {
    let Ok((articles, _)) = parallax::ingest::load(Path::new(ECB)) else {
        return;
    };
    let base: Vec<_> = articles
        .into_iter()
        .filter(|a| a.path.starts_with("1_"))
        .collect();
    if base.is_empty() {
        return;
    }
    let params = parallax::params::Params::default();
    let docs: Vec<Document> = (0..1000)
        .map(|i| {
            let a = parallax::synthetic::repeat(&base[i % base.len()], i / base.len());
            parallax::segment::segment(a, &params)
        })
        .collect();
    let story = parallax::model::Story { docs };
    let mut g = quick(c, "one_story_1000");
    g.bench_function("align", |b| {
        b.iter(|| parallax::align::align(&story, &[], &params))
    });
    g.bench_function("analyse_story", |b| {
        b.iter(|| parallax::analyse_story(&story, &params))
    });
    g.finish();
}

/// One article of pathological text, as the full per-article path sees it
/// (segment, group, analyse). Each once took seconds to minutes through a
/// quadratic step; they should stay in milliseconds.
fn pathological_story(body: String) -> Vec<parallax::model::Story> {
    let article = parallax::ingest::parse_article("bench/p.txt", None, &body)
        .expect("pathological text parses");
    let params = parallax::params::Params::default();
    parallax::cluster::group(vec![parallax::segment::segment(article, &params)], &params)
}

fn pathological(c: &mut Criterion) {
    let mut g = quick(c, "pathological");
    let cases = [
        ("capitalised_run_40k_words", "A ".repeat(40_000)),
        (
            "quotes_20k_in_one_sentence",
            "The Mayor said \"yes\" and ".repeat(20_000),
        ),
        (
            "sentences_30k",
            (0..30_000)
                .map(|i| format!("Word{i} word word. "))
                .collect(),
        ),
        // The hostile-input campaign (issue 13): each once took 8 s to
        // minutes through a quadratic step.
        ("line_200kb_without_spaces", "abcdefghij".repeat(20_000)),
        (
            "quotations_20k_in_one_paragraph",
            (0..20_000)
                .map(|i| format!("Officer Number{i} Smith said \"yes, it is {i}.\" "))
                .collect(),
        ),
        (
            "brackets_100k_nested",
            format!("{}It happened.{}", "(".repeat(100_000), ")".repeat(100_000)),
        ),
    ];
    for (name, body) in cases {
        let text = format!("A Title Line\n\n{body}\n");
        g.bench_function(name, |b| {
            b.iter(|| {
                parallax::analyse(
                    &pathological_story(text.clone()),
                    &parallax::params::Params::default(),
                )
            })
        });
    }
    g.finish();
}

criterion_group!(benches, grouping, analysis, big_story, pathological);
criterion_main!(benches);
