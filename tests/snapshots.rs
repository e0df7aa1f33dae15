//! Snapshots of whole builds: each fixture story's `digest.json`, one
//! fixture story page, and the sample story's digest. They pin the output
//! so any change to the analysis or the pages shows up as a reviewable
//! diff; when a change is intended, re-accept with
//! `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta
//! review`) and commit the `.snap` files.
//!
//! Each test first asserts the list of stories built, so a story that
//! vanishes fails by name instead of silently asserting one snapshot less.
//! Source paths and ids are relative to the seeds folder, so the snapshots
//! are the same on every machine.

mod common;

use common::{digests, options};
use std::collections::BTreeSet;
use std::path::Path;

/// Builds `seeds` (relative to the repository root) into a temporary site
/// and returns (folder name of the story, digest.json text, page HTML) per
/// story. A story is named by the fixture folders its sources come from.
fn build(seeds: &str) -> Vec<(String, String, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    parallax::build(&options(Path::new(seeds), &out)).expect("the build succeeds");
    let mut stories: Vec<(String, String, String)> = digests(&out)
        .into_iter()
        .map(|(rel, d)| {
            let json = std::fs::read_to_string(out.join(&rel)).unwrap();
            let html = std::fs::read_to_string(out.join(rel.with_file_name("index.html"))).unwrap();
            (folders(&d), json, html)
        })
        .collect();
    stories.sort();
    stories
}

/// The folder names the story's sources stand in, joined by `_`.
fn folders(d: &serde_json::Value) -> String {
    let names: BTreeSet<String> = d["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["path"].as_str())
        .filter_map(|p| Path::new(p).parent()?.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    names.into_iter().collect::<Vec<_>>().join("_")
}

/// The fixture stories, one per folder of `tests/fixtures/stories`.
const FIXTURE_STORIES: [&str; 3] = ["glacier", "lighthouse", "orchestra"];

fn names(stories: &[(String, String, String)]) -> Vec<&str> {
    stories.iter().map(|(name, _, _)| name.as_str()).collect()
}

#[test]
fn fixture_story_digests() {
    let stories = build("tests/fixtures/stories");
    assert_eq!(names(&stories), FIXTURE_STORIES);
    for (name, json, _) in stories {
        insta::assert_snapshot!(format!("fixture_{name}_digest"), json);
    }
}

#[test]
fn fixture_story_page() {
    let stories = build("tests/fixtures/stories");
    assert_eq!(names(&stories), FIXTURE_STORIES);
    let (_, _, html) = stories
        .iter()
        .find(|(name, _, _)| name.contains("lighthouse"))
        .expect("the lighthouse story is built");
    insta::assert_snapshot!("fixture_lighthouse_page", html);
}

#[test]
fn sample_story_digest() {
    let stories = build("seeds");
    // One story, from the top level of the seeds folder (no subfolder).
    assert_eq!(names(&stories), [""]);
    insta::assert_snapshot!("sample_digest", stories[0].1);
}
