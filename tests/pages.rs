//! Reader-first pages and review-friendly output on the sample: named
//! sources, the brief's order, story URLs that stay put, and a `digest.md`
//! whose lines change only when their item does (issue 14's bars).
//! `tests/fixtures/extra/0000_officials.txt` is one short article about the
//! sample's story whose file name sorts before every sample article.

mod common;

use common::{fixture, options, repo};
use std::fs;
use std::path::{Path, PathBuf};

/// A copy of the sample seeds in a fresh folder, optionally with the extra
/// article; returns (temporary folder, seeds path).
fn sample(with_extra: bool) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    fs::create_dir(&seeds).unwrap();
    for e in fs::read_dir(repo().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            fs::copy(&p, seeds.join(p.file_name().unwrap())).unwrap();
        }
    }
    if with_extra {
        add_extra(&seeds);
    }
    (tmp, seeds)
}

fn add_extra(seeds: &Path) {
    fs::copy(
        fixture("extra/0000_officials.txt"),
        seeds.join("0000_officials.txt"),
    )
    .unwrap();
}

fn build(seeds: &Path, out: &Path) -> Vec<String> {
    let report = parallax::build(&options(seeds, out)).unwrap();
    report.digests.iter().map(|d| d.slug.clone()).collect()
}

fn read(path: PathBuf) -> String {
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn sample_page_names_every_source_and_leads_with_differences() {
    let (tmp, seeds) = sample(false);
    let out = tmp.path().join("site");
    let slugs = build(&seeds, &out);
    let page = read(out.join("stories").join(&slugs[0]).join("index.html"));
    assert!(
        !page.contains("Source 1") && !page.contains("Source 2"),
        "unnamed source"
    );
    for stem in ["000_50bb7f7936cc185b", "004_114d61e581ba7317"] {
        assert!(
            page.contains(&format!("class=\"chip\">{stem}<"))
                || page.contains(&format!(">{stem}</a>")),
            "{stem} not named"
        );
    }
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(at("id=\"divergent\"") < at("id=\"consensus\""));
    assert!(at("id=\"conflicts\"") < at("id=\"unique\""));
    assert!(at("id=\"consensus\"") < at("id=\"quotes\""));
    assert!(at("id=\"quotes\"") < at("id=\"coverage\""));
    assert!(page.contains("id=\"headlines\""));
    let index = read(out.join("index.html"));
    assert!(index.contains(" conflict") && index.contains("single-source claim"));
    assert!(index.contains("wording difference"));
}

#[test]
fn story_url_stays_when_an_article_that_sorts_first_joins() {
    let (tmp, seeds) = sample(false);
    let site = tmp.path().join("a");
    let before = build(&seeds, &site);
    let lock = read(site.join("parallax.lock"));
    assert!(lock.contains(&before[0]), "{lock}");
    assert!(
        !seeds.join("parallax.lock").exists(),
        "nothing outside --out is written"
    );
    add_extra(&seeds);
    let after = build(&seeds, &site);
    assert_eq!(after, before);
    // A lock committed in the seeds folder pins the URL for a fresh build
    // elsewhere (a clean clone in CI).
    fs::copy(site.join("parallax.lock"), seeds.join("parallax.lock")).unwrap();
    let elsewhere = build(&seeds, &tmp.path().join("elsewhere"));
    assert_eq!(elsewhere, before);
    // Without the lock the earliest article would name the story anew.
    let (tmp2, fresh) = sample(true);
    let unlocked = build(&fresh, &tmp2.path().join("c"));
    assert_ne!(unlocked, before, "the test no longer exercises the lock");
}

#[test]
fn remembered_story_membership_is_kept() {
    let (tmp, seeds) = sample(false);
    let report = parallax::build(&options(&seeds, &tmp.path().join("a"))).unwrap();
    assert_eq!(report.digests.len(), 1, "the sample is one story");
    let mut ids: Vec<String> = report.digests[0]
        .sources
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    ids.sort();
    // A lock remembering the first two articles as a story of their own
    // (as an earlier build with fewer articles might have grouped them):
    // the fresh grouping would join them, the remembered stories stay.
    let lock = format!(
        "[stories.first]\nsources = {:?}\n\n[stories.rest]\nsources = {:?}\n",
        &ids[..2],
        &ids[2..]
    );
    fs::write(seeds.join("parallax.lock"), lock).unwrap();
    assert_eq!(build(&seeds, &tmp.path().join("b")), ["first", "rest"]);
    // Without it, one story again.
    fs::remove_file(seeds.join("parallax.lock")).unwrap();
    assert_eq!(build(&seeds, &tmp.path().join("c")).len(), 1);
}

#[test]
fn a_new_folder_never_takes_an_existing_slug() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    fs::create_dir_all(seeds.join("harbour-fire")).unwrap();
    let article = "Harbour Fire Destroys Warehouse\nA fire destroyed a warehouse at the harbour on Monday night, the fire brigade said.\n";
    fs::write(seeds.join("harbour-fire/a.txt"), article).unwrap();
    let site = tmp.path().join("a");
    let before = build(&seeds, &site);
    assert_eq!(before, ["harbour-fire"]);
    // A new folder whose name makes the same slug, sorting first.
    fs::create_dir_all(seeds.join("Harbour Fire")).unwrap();
    fs::write(
        seeds.join("Harbour Fire/b.txt"),
        "Ferry Delayed by Storm\nA ferry was delayed by a storm on Tuesday, the operator said.\n",
    )
    .unwrap();
    let after = build(&seeds, &site);
    assert!(after.contains(&"harbour-fire".to_string()));
    let report = parallax::build(&options(&seeds, &site)).unwrap();
    let old = report
        .digests
        .iter()
        .find(|d| d.sources.iter().any(|s| s.id == "harbour-fire/a"))
        .unwrap();
    assert_eq!(old.slug, "harbour-fire");
}

#[test]
fn a_broken_lock_warns_and_the_build_goes_on() {
    let (tmp, seeds) = sample(false);
    fs::write(seeds.join("parallax.lock"), "this is [not a lock").unwrap();
    let report = parallax::build(&options(&seeds, &tmp.path().join("a"))).unwrap();
    assert_eq!(report.digests.len(), 1);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("parallax.lock")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn check_writes_no_lock() {
    let (tmp, seeds) = sample(false);
    let mut opts = options(&seeds, &tmp.path().join("a"));
    opts.dry_run = true;
    parallax::build(&opts).unwrap();
    assert!(!seeds.join("parallax.lock").exists());
}

#[test]
fn one_more_article_changes_at_most_a_quarter_of_digest_md() {
    let (tmp, seeds) = sample(false);
    let slugs = build(&seeds, &tmp.path().join("a"));
    let before = read(
        tmp.path()
            .join("a/stories")
            .join(&slugs[0])
            .join("digest.md"),
    );
    add_extra(&seeds);
    let slugs = build(&seeds, &tmp.path().join("b"));
    let after = read(
        tmp.path()
            .join("b/stories")
            .join(&slugs[0])
            .join("digest.md"),
    );
    let diff = similar::TextDiff::from_lines(&before, &after);
    let changed = diff
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Delete)
        .count();
    let lines = before.lines().count();
    eprintln!("digest.md: {changed} of {lines} lines changed");
    assert!(changed * 4 <= lines, "{changed} of {lines} lines changed");
}

/// One wire report run by three outlets (one trims it and adds a line of
/// its own) and one outlet's own report of the same event.
const WIRE: &str = "The night ferry Island Star ran aground on a sandbank near the \
Port Alder lighthouse late on Sunday, the coastguard said.\n\nAll forty passengers \
and six crew were brought ashore by the lifeboat crew within two hours, and nobody \
was hurt.\n\nThe ferry operator said the vessel had lost steering in heavy swell \
shortly after leaving the harbour.\n\nSalvage teams will try to refloat the ship at \
high tide on Tuesday, the harbour master said.\n\nThe crossing to the mainland is \
suspended until further notice.\n";

const OWN: &str = "Passengers on the Island Star described a sudden jolt as the \
boat struck sand off Port Alder on Sunday night.\n\nEvery one of the forty \
passengers was rescued, lifeboat volunteers told the Herald.\n\nA retired \
skipper who watched from the pier blamed the swell and the falling tide.\n";

#[test]
fn wire_copies_count_as_one_independent_report() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    let story = seeds.join("ferry");
    fs::create_dir_all(&story).unwrap();
    let md = |title: &str, outlet: &str, body: &str| {
        format!("---\ntitle: {title}\noutlet: {outlet}\n---\n{body}")
    };
    fs::write(story.join("ap.md"), md("Ferry runs aground", "AP", WIRE)).unwrap();
    let edited = WIRE.replace("late on Sunday", "on Sunday night");
    fs::write(
        story.join("post.md"),
        md("Island Star aground", "Post", &edited),
    )
    .unwrap();
    let trimmed = format!(
        "{}\n\nLocal cafes opened early for the stranded passengers.\n",
        WIRE.split("\n\nSalvage").next().unwrap()
    );
    fs::write(story.join("gazette.md"), md("Aground", "Gazette", &trimmed)).unwrap();
    fs::write(
        story.join("herald.md"),
        md("Jolt in the night", "Herald", OWN),
    )
    .unwrap();
    let out = tmp.path().join("site");
    let slugs = build(&seeds, &out);
    let dir = out.join("stories").join(&slugs[0]);

    let digest: serde_json::Value = serde_json::from_str(&read(dir.join("digest.json"))).unwrap();
    let copy_of: Vec<(String, Option<String>)> = digest["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let copy = s["copy_of"].as_str().map(str::to_string);
            (s["id"].as_str().unwrap().to_string(), copy)
        })
        .collect();
    assert_eq!(
        copy_of,
        [
            ("ferry/ap".to_string(), None),
            ("ferry/gazette".to_string(), Some("ferry/ap".to_string())),
            ("ferry/herald".to_string(), None),
            ("ferry/post".to_string(), Some("ferry/ap".to_string())),
        ]
    );
    // The contract's counts stay counts of sources.
    assert_eq!(digest["source_count"], 4);

    let page = read(dir.join("index.html"));
    assert!(page.contains("Compared across 4 sources, 2 independent reports"));
    assert!(
        page.contains("3 of 4 sources, 1 independent report<"),
        "a wire-only fact"
    );
    assert!(page.contains("copy of AP&#x27;s report") || page.contains("copy of AP's report"));
    let email = read(dir.join("email.html"));
    assert!(email.contains("independent report"));
    let md = read(dir.join("digest.md"));
    assert!(md.contains("- [3, 1 independent] "), "{md}");
    assert!(md.contains("copy of AP <!-- source:ferry/post -->"), "{md}");
    let text = read(dir.join("email.txt"));
    assert!(
        text.contains("Compared across 4 sources, 2 independent reports."),
        "{text}"
    );
    assert!(
        text.contains("(3 of 4, 1 independent: AP, Gazette, Post)"),
        "{text}"
    );
    let index = read(out.join("index.html"));
    assert!(index.contains("2 independent reports"));
}
