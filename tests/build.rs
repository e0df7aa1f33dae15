//! End-to-end tests of `parallax build` and `parallax check`: the sample
//! seeds and the fixture stories through the library, and the command
//! line's behaviour (exit codes, messages, safe writes, determinism)
//! through the binary. Fixtures live in `tests/fixtures/`: `stories/` holds
//! three invented stories of three outlets each, `bad/` the inputs a build
//! must survive (a non-UTF-8 file, an empty file, broken front matter, and
//! an article full of HTML-special characters).

mod common;

use common::{
    Tree, assert_contract, assert_same_tree, copy_stories, digests, fixture, options, parallax,
    repo, run, source_ids, tree,
};
use serde_json::Value;
use std::path::Path;

/// A file of the HTML-special fixture and the raw markup it carries.
const SPECIAL: &str = "html-special";
const SCRIPT: &str = "<script>alert(1)</script>";

fn build_into(seeds: &Path, out: &Path) -> parallax::BuildReport {
    parallax::build(&options(seeds, out)).expect("the build succeeds")
}

// ------------------------------------------------------------ sample seeds

#[test]
fn sample_seeds_make_one_story_that_keeps_the_contract() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let report = build_into(&repo().join("seeds"), &out);
    assert_eq!(report.articles, 5);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);

    let all = digests(&out);
    assert_eq!(all.len(), 1, "one story: {:?}", all.keys());
    let (path, d) = all.into_iter().next().unwrap();
    let slug = d["slug"].as_str().unwrap_or_default().to_string();
    assert_eq!(path, Path::new("stories").join(&slug).join("digest.json"));
    assert!(out.join("stories").join(&slug).join("index.html").is_file());
    assert_eq!(d["source_count"], 5);
    let mut ids = source_ids(&d);
    ids.sort();
    let expected: Vec<String> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(ids, expected, "source ids are the file names");
    assert!(
        !d["consensus"].as_array().unwrap().is_empty(),
        "five reports of one event share facts"
    );
    assert_contract("the sample digest", &d, &repo().join("seeds"));
}

#[test]
fn site_layout_has_index_story_pages_assets_and_marker() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_into(&fixture("stories"), &out);
    for f in ["index.html", "assets/style.css", ".parallax"] {
        assert!(out.join(f).is_file(), "{f} is missing");
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for d in digests(&out).values() {
        let slug = d["slug"].as_str().unwrap();
        assert!(out.join("stories").join(slug).join("index.html").is_file());
        assert!(
            index.contains(&format!("stories/{slug}/")),
            "index links {slug}"
        );
    }
}

// --------------------------------------------------------- fixture stories

/// A fixture source as its file gives it.
struct Expected {
    id: &'static str,
    title: &'static str,
    outlet: Option<&'static str>,
    url: Option<&'static str>,
}

/// The fixture stories' sources (the subfolder is the story).
const FIXTURE_SOURCES: &[Expected] = &[
    // glacier
    Expected {
        id: "glacier/mountain-daily",
        title: "Northfell Glacier in Record Retreat",
        outlet: Some("Mountain Daily"),
        url: Some("https://mountaindaily.example/2032/northfell"),
    },
    // glacier
    Expected {
        id: "glacier/north-science",
        title: "Northfell Glacier Lost 38 Metres in One Year, Survey Finds",
        outlet: Some("North Science Weekly"),
        url: Some("https://northscience.example/articles/northfell-retreat"),
    },
    // glacier
    Expected {
        id: "glacier/valley-courier",
        title: "Survey Shows Rapid Retreat of Northfell Glacier",
        outlet: None,
        url: None,
    },
    // lighthouse
    Expected {
        id: "lighthouse/alder-gazette",
        title: "Port Alder Lighthouse Shines Again After Three-Year Restoration",
        outlet: Some("Alder Gazette"),
        url: Some("https://alder-gazette.example/2031/05/lighthouse-reopens"),
    },
    // lighthouse
    Expected {
        id: "lighthouse/coastal-post",
        title: "Historic Lighthouse Relit in Port Alder",
        outlet: Some("The Coastal Post"),
        url: Some("https://coastalpost.example/news/port-alder-light"),
    },
    // lighthouse
    Expected {
        id: "lighthouse/harbour-herald",
        title: "Port Alder Celebrates as Old Lighthouse Returns",
        outlet: None,
        url: None,
    },
    // orchestra
    Expected {
        id: "orchestra/arts-review",
        title: "Clara Okafor to Lead the Riverton Symphony",
        outlet: Some("Arts Review"),
        url: Some("https://artsreview.example/music/okafor-riverton"),
    },
    // orchestra
    Expected {
        id: "orchestra/city-chronicle",
        title: "Riverton Orchestra Names First Female Conductor",
        outlet: None,
        url: None,
    },
    // orchestra
    Expected {
        id: "orchestra/riverton-times",
        title: "Okafor Appointed Riverton Symphony Conductor",
        outlet: Some("Riverton Times"),
        url: Some("https://rivertontimes.example/arts/okafor"),
    },
];

/// The fixture folder a digest's sources come from (all must agree).
fn story_folder(d: &Value) -> String {
    let folders: std::collections::BTreeSet<String> = d["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let path = Path::new(s["path"].as_str().unwrap());
            let parent = path.parent().unwrap().file_name().unwrap();
            parent.to_string_lossy().into_owned()
        })
        .collect();
    assert_eq!(folders.len(), 1, "one story mixes folders: {folders:?}");
    folders.into_iter().next().unwrap()
}

#[test]
fn subfolders_become_stories_with_their_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let report = build_into(&fixture("stories"), &out);
    assert_eq!(report.articles, 9);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let all = digests(&out);
    let mut folders: Vec<(String, u64)> = all
        .values()
        .map(|d| (story_folder(d), d["source_count"].as_u64().unwrap()))
        .collect();
    folders.sort();
    assert_eq!(
        folders,
        vec![
            ("glacier".to_string(), 3),
            ("lighthouse".to_string(), 3),
            ("orchestra".to_string(), 3),
        ]
    );
    for d in all.values() {
        assert_contract(&story_folder(d), d, &fixture("stories"));
    }
}

/// Writes `files` (path below the folder, text) into `dir`.
fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const HARBOUR: &str = "Harbour Fire Destroys Warehouse\n\nA fire destroyed a warehouse at the Port Alder harbour on Tuesday night.\nFirefighters from three towns fought the blaze for six hours.\n";
const CHOIR: &str = "Riverton Choir Wins National Prize\n\nThe Riverton youth choir won the national choral prize in Leeds on Saturday.\nThe choir sang four pieces, two of them by its own director.\n";

#[test]
fn outlet_named_files_in_story_folders_keep_every_source() {
    // One folder per story, files named by outlet: `fox.txt` in both. Ids
    // are paths below the seeds folder, so nothing collides or vanishes.
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    write_files(
        &seeds,
        &[
            ("a/fox.txt", HARBOUR),
            ("a/nyt.txt", HARBOUR),
            ("b/fox.txt", CHOIR),
            ("b/nyt.txt", CHOIR),
        ],
    );
    let (code, stderr) = run(parallax(tmp.path()).args(["build", "--strict", "--seeds", "seeds"]));
    assert_eq!(code, 0, "{stderr}");
    let out = tmp.path().join("site");
    let all = digests(&out);
    let mut stories: Vec<(String, Vec<String>)> = all
        .values()
        .map(|d| (d["slug"].as_str().unwrap().to_string(), source_ids(d)))
        .collect();
    stories.sort();
    let pair = |f: &str| vec![format!("{f}/fox"), format!("{f}/nyt")];
    assert_eq!(
        stories,
        vec![("a".to_string(), pair("a")), ("b".to_string(), pair("b"))]
    );
    for d in all.values() {
        assert_eq!(d["source_count"], 2);
        let paths: Vec<&str> = d["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["path"].as_str().unwrap())
            .collect();
        let slug = d["slug"].as_str().unwrap();
        assert_eq!(
            paths,
            vec![format!("{slug}/fox.txt"), format!("{slug}/nyt.txt")]
        );
        assert_contract(slug, d, &seeds);
    }
    // No machine path reaches the output: it is the same wherever the
    // seeds folder stands.
    let machine = tmp.path().to_string_lossy().into_owned();
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(&machine),
            "{} names {machine}",
            path.display()
        );
    }
}

#[test]
fn a_duplicate_front_matter_id_names_both_files() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    let with_id = format!("---\nid: harbour\n---\n{HARBOUR}");
    write_files(&seeds, &[("a/one.md", &with_id), ("b/two.md", &with_id)]);
    let (code, stderr) = run(parallax(tmp.path()).args(["build", "--strict", "--seeds", "seeds"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("seeds/b/two.md") && stderr.contains("seeds/a/one.md"),
        "{stderr}"
    );
    assert!(stderr.contains("duplicate"), "{stderr}");
}

#[test]
fn front_matter_is_carried_into_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_into(&fixture("stories"), &out);
    let mut seen = Vec::new();
    for d in digests(&out).values() {
        for s in d["sources"].as_array().unwrap() {
            seen.push((
                s["id"].as_str().unwrap().to_string(),
                s["title"].as_str().map(str::to_string),
                s["outlet"].as_str().map(str::to_string),
                s["url"].as_str().map(str::to_string),
            ));
        }
    }
    seen.sort();
    let mut expected: Vec<_> = FIXTURE_SOURCES
        .iter()
        .map(|e| {
            (
                e.id.to_string(),
                Some(e.title.to_string()),
                e.outlet.map(str::to_string),
                e.url.map(str::to_string),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(seen, expected);
}

#[test]
fn published_dates_from_yaml_and_toml_are_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_into(&fixture("stories"), &out);
    let published: std::collections::BTreeMap<String, Value> = digests(&out)
        .values()
        .flat_map(|d| d["sources"].as_array().unwrap().clone())
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["published"].clone(),
            )
        })
        .collect();
    assert_eq!(published["lighthouse/alder-gazette"], "2031-05-17"); // YAML, bare
    assert_eq!(published["glacier/north-science"], "2032-09-03"); // YAML, quoted
    assert_eq!(published["lighthouse/coastal-post"], "2031-05-18"); // TOML string
    assert_eq!(published["orchestra/riverton-times"], "2033-02-07"); // TOML date
    assert_eq!(published["glacier/mountain-daily"], Value::Null);
}

// ------------------------------------------------------------------ escaping

#[test]
fn html_special_characters_are_escaped_on_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_into(&fixture("bad"), &out);
    let site = tree(&out);
    let special = digests(&out)
        .into_iter()
        .find(|(_, d)| source_ids(d).iter().any(|id| id == SPECIAL))
        .expect("the HTML-special article makes a story");
    let page_path = special.0.with_file_name("index.html");
    let page = String::from_utf8(site[&page_path].clone()).unwrap();
    assert!(!page.contains(SCRIPT), "raw script tag on the story page");
    assert!(!page.contains("<b>Bold</b>") && !page.contains("<b>bold</b>"));
    assert!(page.contains("&lt;script&gt;"), "escaped script tag shown");
    assert!(page.contains("&amp;"), "ampersand escaped");
    for (path, bytes) in &site {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(bytes);
            assert!(
                !html.contains(SCRIPT),
                "{} has a raw script tag",
                path.display()
            );
        }
    }
    // The digest keeps the source's own text (JSON needs no HTML escaping).
    let json = String::from_utf8(site[&special.0].clone()).unwrap();
    assert!(json.contains(SCRIPT), "digest.json keeps the verbatim text");
    assert_contract("the HTML-special story", &special.1, &fixture("bad"));
}

// ---------------------------------------------------------------- robustness

/// The bad fixtures with the line their warning must name (if any).
const BAD_FILES: &[(&str, Option<usize>)] = &[
    ("broken-front-matter.md", Some(0)), // some line, wherever YAML notices
    ("empty.txt", None),
    ("latin1.txt", Some(2)),
];

#[test]
fn bad_files_warn_by_name_and_line_and_good_files_still_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let report = build_into(&fixture("bad"), &out);
    assert_eq!(report.articles, 2, "the two readable articles are kept");
    assert_eq!(
        report.warnings.len(),
        BAD_FILES.len(),
        "{:?}",
        report.warnings
    );
    for (name, line) in BAD_FILES {
        let w = report
            .warnings
            .iter()
            .find(|w| w.path.ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("no warning names {name}: {:?}", report.warnings));
        match line {
            None => {}
            Some(0) => assert!(w.line.is_some(), "{name}: the warning gives a line"),
            Some(n) => assert_eq!(w.line, Some(*n), "{name}: {w}"),
        }
    }
    assert!(
        !digests(&out).is_empty(),
        "the good files still make a site"
    );
}

#[test]
fn cli_prints_each_warning_and_succeeds() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args([
            "build",
            "--base-url",
            "https://example.test/",
            "--out",
            "site",
            "--seeds",
        ])
        .arg(fixture("bad")));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("latin1.txt:2:"), "{stderr}");
    assert!(stderr.contains("empty.txt: "), "{stderr}");
    assert!(stderr.contains("broken-front-matter.md:"), "{stderr}");
    assert_eq!(
        stderr.matches("warning:").count(),
        BAD_FILES.len(),
        "{stderr}"
    );
    assert!(tmp.path().join("site/index.html").is_file());
}

/// Builds the fixture stories into `cwd/site` with the binary.
fn good_site(cwd: &Path) {
    let (code, stderr) = run(parallax(cwd)
        .args(["build", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 0, "{stderr}");
}

/// A copy of the site's bytes and the listing of its parent folder, to
/// show that a failed run changed nothing at all.
fn snapshot(cwd: &Path) -> (Tree, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_dir(cwd)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (tree(&cwd.join("site")), names)
}

#[test]
fn strict_fails_with_exit_1_and_leaves_the_site_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    good_site(tmp.path());
    let before = snapshot(tmp.path());
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--strict", "--out", "site", "--seeds"])
        .arg(fixture("bad")));
    assert_eq!(code, 1, "{stderr}");
    for (name, _) in BAD_FILES {
        assert!(stderr.contains(name), "strict error lists {name}: {stderr}");
    }
    assert!(
        before == snapshot(tmp.path()),
        "strict failure changed the site"
    );
}

#[test]
fn check_writes_nothing_and_fails_on_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["check", "--out", "site", "--seeds"])
        .arg(fixture("bad")));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("latin1.txt"), "{stderr}");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "check wrote files"
    );
}

#[test]
fn check_passes_on_clean_input_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["check", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "check wrote files"
    );
}

#[test]
fn missing_seeds_folder_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) =
        run(parallax(tmp.path()).args(["build", "--seeds", "no-such-folder", "--out", "site"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("no-such-folder"),
        "names the path: {stderr}"
    );
    assert!(stderr.contains("not found"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn unknown_config_key_is_rejected_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("site.toml");
    std::fs::write(&config, "title = \"Morning Brief\"\ncolour = \"teal\"\n").unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--config", "site.toml", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("colour"), "names the key: {stderr}");
    assert!(stderr.contains("site.toml"), "names the file: {stderr}");
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn known_config_keys_reach_the_pages() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("parallax.toml"),
        "title = \"Morning Brief\"\nlanguage = \"en-GB\"\n",
    )
    .unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 0, "{stderr}");
    let index = std::fs::read_to_string(tmp.path().join("site/index.html")).unwrap();
    assert!(
        index.contains("Morning Brief"),
        "parallax.toml is read by default"
    );
    assert!(index.contains("lang=\"en-GB\""));
}

#[test]
fn refuses_to_overwrite_a_folder_it_did_not_create() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "my own notes").unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("site"), "{stderr}");
    assert!(stderr.contains("not created by parallax"), "{stderr}");
    assert_eq!(tree(&out).len(), 1, "nothing was added");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "my own notes"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "no leftovers"
    );
}

#[test]
fn rebuilding_its_own_site_is_allowed() {
    let tmp = tempfile::tempdir().unwrap();
    good_site(tmp.path());
    let first = tree(&tmp.path().join("site"));
    good_site(tmp.path());
    assert!(
        first == tree(&tmp.path().join("site")),
        "a rebuild is identical"
    );
}

#[test]
fn a_broken_template_leaves_the_previous_site_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    good_site(tmp.path());
    let templates = tmp.path().join("my-templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("story.html"), "{% if %}<p>broken</p>").unwrap();
    let before = snapshot(tmp.path());
    let (code, stderr) = run(parallax(tmp.path())
        .args([
            "build",
            "--out",
            "site",
            "--templates",
            "my-templates",
            "--seeds",
        ])
        .arg(fixture("stories")));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("story.html"),
        "names the template: {stderr}"
    );
    assert!(
        before == snapshot(tmp.path()),
        "the failed build changed the site"
    );
}

#[test]
fn a_template_override_is_used() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("index.html"),
        "<p>{{ stories | length }} stories</p>",
    )
    .unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 0, "{stderr}");
    let index = std::fs::read_to_string(tmp.path().join("site/index.html")).unwrap();
    assert_eq!(
        index.trim(),
        "<p>3 stories</p>",
        "templates/ is read by default"
    );
}

// -------------------------------------------------------------- determinism

/// Builds `seeds` with the binary on `threads` worker threads into `out`.
fn build_with_threads(cwd: &Path, seeds: &Path, out: &str, threads: &str) {
    let (code, stderr) = run(parallax(cwd)
        .env("RAYON_NUM_THREADS", threads)
        .args(["build", "--out", out, "--seeds"])
        .arg(seeds));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn builds_are_byte_identical_wherever_the_seeds_stand() {
    // The same stories at two different places (and depths) build the same
    // bytes: no machine path reaches the output.
    let tmp = tempfile::tempdir().unwrap();
    let places = [tmp.path().join("s"), tmp.path().join("deep/er/seeds")];
    for place in &places {
        copy_stories(place);
    }
    build_into(&places[0], &tmp.path().join("one"));
    build_into(&places[1], &tmp.path().join("two"));
    assert!(!tree(&tmp.path().join("one")).is_empty());
    assert_same_tree(&tmp.path().join("one"), &tmp.path().join("two"));
}

#[test]
fn builds_are_byte_identical_across_thread_counts() {
    let tmp = tempfile::tempdir().unwrap();
    for seeds in [repo().join("seeds"), fixture("stories")] {
        build_with_threads(tmp.path(), &seeds, "one", "1");
        build_with_threads(tmp.path(), &seeds, "two", "2");
        assert!(!tree(&tmp.path().join("one")).is_empty());
        assert_same_tree(&tmp.path().join("one"), &tmp.path().join("two"));
    }
}
