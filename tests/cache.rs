//! The analysis cache (issue 15): a rebuild that reads stories from the
//! cache writes the same bytes as a clean build, re-analyses only the
//! story an added article joins, keeps unchanged pages as they were, and
//! ignores a corrupt cache with a warning.

mod common;

use common::{assert_same_tree, copy_stories, options};
use parallax::{BuildReport, build};
use std::io::Write;
use std::path::{Path, PathBuf};

fn cached_build(seeds: &Path, out: &Path, cache: &Path) -> BuildReport {
    let mut opts = options(seeds, out);
    opts.cache = Some(cache.to_path_buf());
    build(&opts).expect("cached build")
}

fn clean_build(seeds: &Path, out: &Path) -> BuildReport {
    build(&options(seeds, out)).expect("clean build")
}

/// A fourth report on the lighthouse story, from an outlet of its own.
fn add_article(seeds: &Path) {
    let text = std::fs::read_to_string(seeds.join("lighthouse/harbour-herald.txt")).unwrap();
    let text = text.replace("the", "that very");
    std::fs::write(seeds.join("lighthouse/late-wire.txt"), text).unwrap();
}

fn mtime(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// The entry files of one kind (`stories`, `articles`, `pages`), in name order.
fn entry_paths(cache: &Path, sub: &str) -> Vec<PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(cache.join(sub))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
}

/// Spoils the first two entries: the first truncated, the second replaced
/// by the third (a valid entry under the wrong name).
fn truncate_and_misname(paths: &[PathBuf]) {
    let bytes = std::fs::read(&paths[0]).unwrap();
    std::fs::write(&paths[0], &bytes[..bytes.len() / 2]).unwrap();
    std::fs::copy(&paths[2], &paths[1]).unwrap();
}

/// The build warned once per spoilt entry, and only about cache entries.
fn assert_cache_warnings(report: &BuildReport, spoilt: usize) {
    let notes: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(notes.len(), spoilt, "{notes:?}");
    assert!(notes.iter().all(|n| n.contains("cache entry")), "{notes:?}");
}

#[test]
fn a_cached_rebuild_is_byte_identical_to_a_clean_build() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    copy_stories(&seeds);
    let first = cached_build(&seeds, &site, &cache);
    let stories = first.digests.len();
    assert!(stories >= 3, "{stories} stories");
    assert_eq!(
        first.analysed, stories,
        "an empty cache analyses everything"
    );
    let glacier = site.join("stories/glacier/index.html");
    let before = mtime(&glacier);

    let again = cached_build(&seeds, &site, &cache);
    assert_eq!(again.analysed, 0, "nothing changed, nothing analysed");
    assert_eq!(again.rendered, 0, "nothing changed, nothing rendered");
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);

    std::thread::sleep(std::time::Duration::from_millis(20));
    add_article(&seeds);
    let grown = cached_build(&seeds, &site, &cache);
    assert_eq!(grown.digests.len(), stories);
    assert_eq!(grown.analysed, 1, "only the story the article joins");
    assert_eq!(grown.rendered, 1, "only the story the article joins");
    assert!(grown.warnings.is_empty(), "{:?}", grown.warnings);
    let clean = dir.path().join("clean2");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
    assert_eq!(
        mtime(&glacier),
        before,
        "an unchanged page is not rewritten"
    );
    // Entries no build uses any more are pruned: one per story.
    let entries = std::fs::read_dir(cache.join("stories")).unwrap().count();
    assert_eq!(entries, stories);
}

#[test]
fn a_corrupt_cache_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    copy_stories(&seeds);
    cached_build(&seeds, &site, &cache);
    let entries = entry_paths(&cache, "stories");
    // One entry truncated, one another story's (a valid digest under the
    // wrong name), one garbage.
    truncate_and_misname(&entries);
    std::fs::write(&entries[2], [0xff, 0x00, b'{']).unwrap();
    let report = cached_build(&seeds, &site, &cache);
    assert_cache_warnings(&report, 3);
    assert_eq!(report.analysed, 3);
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
    // The entries were rewritten: the next build trusts them again.
    let next = cached_build(&seeds, &site, &cache);
    assert!(next.warnings.is_empty(), "{:?}", next.warnings);
    assert_eq!(next.analysed, 0);
}

#[test]
fn a_cache_inside_the_output_or_seeds_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let site = dir.path().join("site");
    copy_stories(&seeds);
    for cache in [site.join("cache"), seeds.join("cache")] {
        let mut opts = options(&seeds, &site);
        opts.cache = Some(cache.clone());
        let err = build(&opts).unwrap_err().to_string();
        assert!(err.contains("--cache-dir"), "{err}");
        assert!(!cache.exists());
    }
}

/// Seeds grouped by content (no story folders): the fixture stories
/// flattened into one folder, plus the look-alike quakes.
fn flat_seeds(seeds: &Path) {
    std::fs::create_dir_all(seeds).unwrap();
    for dir in ["stories", "grouping"] {
        let root = common::fixture(dir);
        for e in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            if e.file_type().is_file() && (name.ends_with(".txt") || name.ends_with(".md")) {
                let rel = e.path().strip_prefix(&root).unwrap();
                let flat = rel.to_string_lossy().replace('/', "-");
                let text = std::fs::read_to_string(e.path()).unwrap();
                // Front matter naming the story would group by name.
                let text: String = text
                    .lines()
                    .filter(|l| !l.starts_with("story:"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                std::fs::write(seeds.join(flat), text).unwrap();
            }
        }
    }
}

/// A fourth report on the quake story of [`flat_seeds`], from an outlet of
/// its own.
fn add_flat_article(seeds: &Path) {
    let quake = std::fs::read_to_string(seeds.join("quake-a3.txt")).unwrap();
    std::fs::write(
        seeds.join("quake-a4.txt"),
        quake.replace("Rescue", "Relief"),
    )
    .unwrap();
}

fn entries(cache: &Path, sub: &str) -> usize {
    std::fs::read_dir(cache.join(sub)).map_or(0, |d| d.count())
}

#[test]
fn articles_grouped_from_cached_features_give_the_same_site() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    flat_seeds(&seeds);
    let first = cached_build(&seeds, &site, &cache);
    let articles = first.articles;
    assert!(articles >= 15, "{articles} articles");
    assert!(first.digests.len() >= 4, "{} stories", first.digests.len());
    assert_eq!(first.segmented, articles, "an empty cache segments all");
    assert_eq!(entries(&cache, "articles"), articles);

    let again = cached_build(&seeds, &site, &cache);
    assert_eq!(again.segmented, 0, "nothing changed, nothing segmented");
    assert_eq!(again.analysed, 0);
    let clean = dir.path().join("clean");
    let reference = clean_build(&seeds, &clean);
    assert_eq!(reference.segmented, articles, "no cache, every article");
    assert_same_tree(&site, &clean);

    // One article changed, one removed: only the changed one is segmented
    // again, and the entries of both old versions are pruned.
    let quake = seeds.join("quake-a2.txt");
    let text = std::fs::read_to_string(&quake).unwrap();
    std::fs::write(
        &quake,
        format!("{text}\nThe port of Ostrand reopened on Thursday.\n"),
    )
    .unwrap();
    std::fs::remove_file(seeds.join("quake-b3.txt")).unwrap();
    let next = cached_build(&seeds, &site, &cache);
    assert_eq!(next.segmented, 1);
    assert!(next.warnings.is_empty(), "{:?}", next.warnings);
    assert_eq!(entries(&cache, "articles"), articles - 1);
    let clean = dir.path().join("clean2");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
}

#[test]
fn a_rebuild_after_adding_an_article_is_a_clean_build_with_the_same_lock() {
    // Grouping with a lock regroups only the stories near new articles
    // (cluster::group_keeping): that depends on the articles and the lock,
    // never on the cache, so a clean build reading the same lock agrees.
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    flat_seeds(&seeds);
    cached_build(&seeds, &site, &cache);
    std::fs::copy(site.join("parallax.lock"), seeds.join("parallax.lock")).unwrap();
    add_flat_article(&seeds);
    let grown = cached_build(&seeds, &site, &cache);
    assert_eq!(grown.segmented, 1);
    assert!(grown.warnings.is_empty(), "{:?}", grown.warnings);
    let clean = dir.path().join("clean");
    let reference = clean_build(&seeds, &clean);
    assert_eq!(reference.segmented, grown.articles);
    assert_same_tree(&site, &clean);
}

#[test]
fn a_corrupt_article_entry_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    flat_seeds(&seeds);
    let first = cached_build(&seeds, &site, &cache);
    assert_eq!(entries(&cache, "documents"), first.articles);
    let paths = entry_paths(&cache, "articles");
    // Features: truncated; another article's entry under this name;
    // garbage.
    truncate_and_misname(&paths);
    std::fs::write(&paths[2], [0xff, 0x00, b'{']).unwrap();
    // A document (of another article): a sentence span past the end of
    // its block.
    let documents = entry_paths(&cache, "documents");
    let spoilt = paths[..3].iter().map(|p| p.file_name()).collect::<Vec<_>>();
    let document = documents
        .iter()
        .find(|d| !spoilt.contains(&d.file_name()))
        .unwrap();
    let mut entry: serde_json::Value =
        serde_json::from_slice(&std::fs::read(document).unwrap()).unwrap();
    entry["sentences"][0][2] = serde_json::json!(1_000_000);
    std::fs::write(document, serde_json::to_vec(&entry).unwrap()).unwrap();
    let report = cached_build(&seeds, &site, &cache);
    // A document is read only for a story to analyse: none is.
    assert_cache_warnings(&report, 3);
    assert_eq!((report.segmented, report.analysed), (3, 0));
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);

    // Every story to analyse again: the spoilt document is read, refused
    // and its article segmented again.
    for story in entry_paths(&cache, "stories") {
        std::fs::remove_file(story).unwrap();
    }
    let report = cached_build(&seeds, &site, &cache);
    assert_cache_warnings(&report, 1);
    assert_eq!(report.segmented, 1);
    assert_eq!(report.analysed, report.digests.len());
    assert_same_tree(&site, &clean);
    let next = cached_build(&seeds, &site, &cache);
    assert!(next.warnings.is_empty(), "{:?}", next.warnings);
    assert_eq!((next.segmented, next.analysed), (0, 0));
}

#[test]
fn a_missing_document_entry_is_segmented_again_when_its_story_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    flat_seeds(&seeds);
    let first = cached_build(&seeds, &site, &cache);
    for document in entry_paths(&cache, "documents") {
        std::fs::remove_file(document).unwrap();
    }
    // No story to analyse: no document needed, none segmented.
    let again = cached_build(&seeds, &site, &cache);
    assert_eq!((again.segmented, again.analysed), (0, 0));
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    // One article added: the story it joins is analysed, its other
    // articles segmented again (their document entries stored again).
    add_flat_article(&seeds);
    let grown = cached_build(&seeds, &site, &cache);
    assert!(grown.warnings.is_empty(), "{:?}", grown.warnings);
    assert!(grown.analysed >= 1 && grown.analysed < grown.digests.len());
    assert!(grown.segmented > 1 && grown.segmented < first.articles);
    assert_eq!(entries(&cache, "documents"), grown.segmented);
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
}

#[test]
fn kept_story_files_are_checked_against_the_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    copy_stories(&seeds);
    let first = cached_build(&seeds, &site, &cache);
    let stories = first.digests.len();
    assert_eq!(first.rendered, stories);
    assert_eq!(entries(&cache, "pages"), stories);
    // A file of the site edited by hand, one removed: those stories are
    // rendered again, the others kept.
    std::fs::write(site.join("stories/glacier/digest.md"), "edited\n").unwrap();
    std::fs::remove_file(site.join("stories/orchestra/email.txt")).unwrap();
    let next = cached_build(&seeds, &site, &cache);
    assert_eq!(next.rendered, 2);
    assert!(next.warnings.is_empty(), "{:?}", next.warnings);
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
    // No previous site at all: everything is rendered.
    let other = dir.path().join("other");
    assert_eq!(cached_build(&seeds, &other, &cache).rendered, stories);
    assert_same_tree(&other, &clean);
    // Another config: every story is rendered with it.
    let mut opts = common::options(&seeds, &site);
    opts.cache = Some(cache.clone());
    opts.config.title = "Another title".to_string();
    assert_eq!(build(&opts).unwrap().rendered, stories);
    let mut opts = common::options(&seeds, &clean);
    opts.config.title = "Another title".to_string();
    build(&opts).unwrap();
    assert_same_tree(&site, &clean);
}

/// Puts every file of `site` an hour back in time, as files kept from an
/// earlier build are.
fn age_files(site: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in walkdir::WalkDir::new(site) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let f = std::fs::File::options().write(true).open(e.path()).unwrap();
            f.set_modified(hour_ago).unwrap();
        }
    }
}

#[test]
fn stamps_never_keep_a_file_edited_in_place_with_its_old_time_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    copy_stories(&seeds);
    let stories = cached_build(&seeds, &site, &cache).digests.len();
    age_files(&site);
    // Kept, checked by their bytes, stamped.
    assert_eq!(cached_build(&seeds, &site, &cache).rendered, 0);
    assert!(cache.join("stamps.json").is_file());
    // Kept again, on their stamps.
    assert_eq!(cached_build(&seeds, &site, &cache).rendered, 0);
    // Same length, same modification time: the stamp's ctime tells.
    let page = site.join("stories/glacier/digest.md");
    let was = mtime(&page);
    let text = std::fs::read_to_string(&page).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&page, text.to_ascii_uppercase()).unwrap();
    let f = std::fs::File::options().write(true).open(&page).unwrap();
    f.set_modified(was).unwrap();
    drop(f);
    assert_eq!(std::fs::read_to_string(&page).unwrap().len(), text.len());
    assert_eq!(cached_build(&seeds, &site, &cache).rendered, 1);
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
    // A spoilt stamps file: a warning, and every file is read again.
    std::fs::write(cache.join("stamps.json"), "{ not json").unwrap();
    let next = cached_build(&seeds, &site, &cache);
    assert_eq!(next.rendered, 0);
    assert_cache_warnings(&next, 1);
    assert_same_tree(&site, &clean);
    assert!(stories > 1);
}

#[test]
fn a_corrupt_pages_entry_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    copy_stories(&seeds);
    let stories = cached_build(&seeds, &site, &cache).digests.len();
    truncate_and_misname(&entry_paths(&cache, "pages"));
    let report = cached_build(&seeds, &site, &cache);
    assert_cache_warnings(&report, 2);
    assert_eq!(report.rendered, 2);
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
    let next = cached_build(&seeds, &site, &cache);
    assert!(next.warnings.is_empty(), "{:?}", next.warnings);
    assert_eq!(next.rendered, 0);
    assert_eq!(entries(&cache, "pages"), stories);
}

/// Runs the program file `prog` on `seeds` with the cache `cache`; its
/// standard error.
fn run_program(prog: &Path, seeds: &Path, out: &Path, cache: &Path) -> String {
    let run = std::process::Command::new(prog)
        .arg("build")
        .arg("--seeds")
        .arg(seeds)
        .arg("--out")
        .arg(out)
        .arg("--cache-dir")
        .arg(cache)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    String::from_utf8(run.stderr).unwrap()
}

/// The program's hash is kept in the cache folder (`program.json`) so a
/// rebuild need not read the whole program, but a rebuilt program (here:
/// the same file with bytes added) is hashed again and reuses nothing.
#[cfg(unix)]
#[test]
fn a_rebuilt_program_reuses_no_cached_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    let (site, cache) = (dir.path().join("site"), dir.path().join("cache"));
    copy_stories(&seeds);
    let prog = dir.path().join("parallax");
    std::fs::copy(assert_cmd::cargo::cargo_bin("parallax"), &prog).unwrap();
    // Old enough for its stamp to be trusted (the racy rule).
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let stored = |bytes: &[u8]| {
        let json = std::fs::read_to_string(cache.join("program.json")).unwrap();
        let hex = blake3::hash(bytes).to_hex().to_string();
        assert!(json.contains(&hex), "{json}");
    };

    let first = run_program(&prog, &seeds, &site, &cache);
    assert!(!first.contains("read from the cache"), "{first}");
    stored(&std::fs::read(&prog).unwrap());
    let again = run_program(&prog, &seeds, &site, &cache);
    assert!(again.contains("0 analysed"), "{again}");

    let mut bytes = std::fs::read(&prog).unwrap();
    bytes.extend_from_slice(b"\0another build");
    std::fs::OpenOptions::new()
        .append(true)
        .open(&prog)
        .unwrap()
        .write_all(b"\0another build")
        .unwrap();
    let rebuilt = run_program(&prog, &seeds, &site, &cache);
    assert!(!rebuilt.contains("read from the cache"), "{rebuilt}");
    assert!(!rebuilt.contains("warning: cache"), "{rebuilt}");
    stored(&bytes);
    let clean = dir.path().join("clean");
    clean_build(&seeds, &clean);
    assert_same_tree(&site, &clean);
}
