//! Publishing, tested as a person would: build invented seeds with the
//! real binary, then read the files the way a feed reader, a search engine,
//! a mail client and a reviewer would.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const BASE: &str = "https://ann.github.io/harbour-news/";

/// Two stories (subfolders), sources with dates and one without.
fn seeds(dir: &Path) -> BTreeMap<&'static str, String> {
    let mut files = BTreeMap::new();
    files.insert(
        "bridge/ledger.md",
        "---\ntitle: Council approves the harbour bridge\noutlet: Harbour Ledger\npublished: 2024-05-02\nurl: https://ledger.example/bridge\n---\nThe city council voted seven to two on Tuesday to approve the new harbour bridge.\n\nConstruction of the bridge is expected to begin next spring.\n\nThe mayor said \"this bridge will join the two halves of our town\" after the vote.\n"
            .to_string(),
    );
    files.insert(
        "bridge/wire.md",
        "---\ntitle: Harbour bridge gets the green light <b>today</b>\noutlet: Coast Wire & Co\npublished: 2024-05-03T08:30:00+02:00\n---\nThe city council voted seven to two on Tuesday to approve the new harbour bridge.\n\nConstruction of the bridge is expected to begin next spring.\n\nOpponents said the <script>alert(1)</script> bridge would cost too much.\n"
            .to_string(),
    );
    files.insert(
        "ferry/gazette.md",
        "---\ntitle: Night ferry runs aground\noutlet: Island Gazette\n---\nThe night ferry ran aground on the sandbank near the lighthouse late on Sunday.\n\nAll forty passengers were brought ashore by the lifeboat crew.\n"
            .to_string(),
    );
    files.insert(
        "ferry/post.md",
        "---\ntitle: Ferry aground near lighthouse\noutlet: Morning Post\n---\nThe night ferry ran aground on the sandbank near the lighthouse late on Sunday.\n\nAll forty passengers were brought ashore by the lifeboat crew.\n"
            .to_string(),
    );
    for (name, text) in &files {
        write(&dir.join(name), text);
    }
    files
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs `parallax build` and returns the output folder.
fn build(seeds: &Path, out: &Path, base_url: Option<&str>) -> PathBuf {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.arg("build")
        .arg("--seeds")
        .arg(seeds)
        .arg("--out")
        .arg(out)
        .current_dir(seeds);
    if let Some(b) = base_url {
        cmd.arg("--base-url").arg(b);
    }
    cmd.assert().success();
    out.to_path_buf()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn story_dirs(site: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(site.join("stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs
}

fn built(base_url: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    seeds(&dir.path().join("seeds"));
    let site = build(
        &dir.path().join("seeds"),
        &dir.path().join("site"),
        base_url,
    );
    (dir, site)
}

#[test]
fn feed_parses_and_links_absolutely() {
    let (_dir, site) = built(Some(BASE));
    let xml = read(&site.join("feed.xml"));
    let doc = roxmltree::Document::parse(&xml).expect("feed.xml is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 2, "one entry per story");
    for link in doc.descendants().filter(|n| n.has_tag_name("link")) {
        let href = link.attribute("href").unwrap();
        assert!(href.starts_with(BASE), "{href}");
    }
    let updated = |n: roxmltree::Node| {
        n.children()
            .find(|c| c.has_tag_name("updated"))
            .and_then(|c| c.text())
            .unwrap()
            .to_string()
    };
    // Latest source date, never the clock; the undated story gets it too.
    assert_eq!(updated(root), "2024-05-03T08:30:00+02:00");
    for e in entries {
        assert_eq!(updated(e), "2024-05-03T08:30:00+02:00");
    }
}

#[test]
fn sitemap_parses_sorted_and_absolute() {
    let (_dir, site) = built(Some(BASE));
    let xml = read(&site.join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(locs.len(), 3);
    assert!(locs.iter().all(|l| l.starts_with(BASE)));
    let mut sorted = locs.clone();
    sorted.sort();
    assert_eq!(locs, sorted);
}

#[test]
fn github_pages_extras_and_404_with_absolute_links() {
    let (_dir, site) = built(Some(BASE));
    assert!(site.join(".nojekyll").is_file());
    let page = read(&site.join("404.html"));
    assert!(page.contains(&format!("href=\"{BASE}assets/style.css\"")));
    assert!(page.contains(&format!("href=\"{BASE}index.html\"")));
    let story = read(&story_dirs(&site)[0].join("index.html"));
    assert!(story.contains(&format!("<link rel=\"canonical\" href=\"{BASE}stories/")));
    assert!(
        story.contains("href=\"../../assets/style.css\""),
        "pages stay relative"
    );
}

#[test]
fn without_base_url_no_sitemap_and_relative_links() {
    let (_dir, site) = built(None);
    assert!(!site.join("sitemap.xml").exists());
    let xml = read(&site.join("feed.xml"));
    roxmltree::Document::parse(&xml).unwrap();
    assert!(xml.contains("href=\"index.html\""), "{xml}");
    let email = read(&story_dirs(&site)[0].join("email.html"));
    assert!(email.contains("href=\"../../index.html\""));
    assert!(!read(&site.join("404.html")).contains("http"));
}

/// `class` attributes whose element has no `style` attribute.
fn class_only(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
        .filter(|t| t.contains(" class=\"") && !t.contains(" style=\""))
        .map(str::to_string)
        .collect()
}

#[test]
fn email_html_is_self_contained() {
    let (_dir, site) = built(Some(BASE));
    for dir in story_dirs(&site) {
        let email = read(&dir.join("email.html"));
        assert!(!email.contains("<link"), "no stylesheets");
        assert!(!email.contains("<script"), "no JavaScript");
        assert!(!email.contains("@import") && !email.contains("fonts."));
        assert_eq!(class_only(&email), Vec::<String>::new());
        assert!(email.contains("width=\"600\""));
        assert!(email.contains("max-width: 600px"));
        assert!(email.contains("<meta name=\"color-scheme\" content=\"light dark\">"));
        // The only <style> left is the dark-mode media query.
        let styles: Vec<&str> = email.split("<style>").skip(1).collect();
        assert_eq!(styles.len(), 1);
        let style = styles[0].split("</style>").next().unwrap().trim();
        assert!(
            style.starts_with("@media (prefers-color-scheme: dark)"),
            "{style}"
        );
        assert_eq!(style.matches('@').count(), 1);
        for href in email.split("href=\"").skip(1) {
            assert!(href.starts_with("http"), "{}", &href[..href.len().min(60)]);
        }
        let text = read(&dir.join("email.txt"));
        for line in text.lines().filter(|l| !l.trim_start().starts_with("http")) {
            assert!(line.chars().count() <= 72, "{line}");
        }
        assert!(text.contains(BASE));
    }
}

#[test]
fn digest_md_has_one_keyed_item_per_line_and_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let seeds_dir = dir.path().join("seeds");
    seeds(&seeds_dir);
    let a = build(&seeds_dir, &dir.path().join("a"), None);
    let b = build(&seeds_dir, &dir.path().join("b"), None);
    for (da, db) in story_dirs(&a).iter().zip(story_dirs(&b)) {
        let md = read(&da.join("digest.md"));
        assert_eq!(md, read(&db.join("digest.md")));
        let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
        assert!(!items.is_empty());
        for item in items {
            assert!(item.ends_with(" -->") && item.contains(" <!-- "), "{item}");
        }
        assert!(md.contains("<!-- fact:"), "{md}");
    }
}

#[test]
fn no_unescaped_input_in_html() {
    let (_dir, site) = built(Some(BASE));
    for entry in walk(&site) {
        if entry.extension().is_some_and(|e| e == "html") {
            let html = read(&entry);
            assert!(!html.contains("<script"), "{}", entry.display());
            assert!(!html.contains("<b>today"), "{}", entry.display());
            assert!(!html.contains("Wire & Co"), "{}", entry.display());
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn diff_of_two_sites_lists_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let seeds_dir = dir.path().join("seeds");
    let files = seeds(&seeds_dir);
    let old = build(&seeds_dir, &dir.path().join("old"), None);
    // A third outlet repeats the vote; the wire drops the spring date.
    write(
        &seeds_dir.join("bridge/islander.md"),
        "---\ntitle: Bridge vote\noutlet: Island Gazette\n---\nThe city council voted seven to two on Tuesday to approve the new harbour bridge.\n\nThe mayor said \"this bridge will join the two halves of our town\" after the vote.\n",
    );
    let wire = files["bridge/wire.md"].replace(
        "Construction of the bridge is expected to begin next spring.\n\n",
        "",
    );
    write(&seeds_dir.join("bridge/wire.md"), &wire);
    let new = build(&seeds_dir, &dir.path().join("new"), None);

    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["diff", "--format", "text"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("~ sources 2 → 3 (+ Island Gazette)"),
        "{text}"
    );
    assert!(
        text.contains("support 2 → 3 sources (+ Island Gazette): The city council voted"),
        "{text}"
    );
    assert!(
        text.contains("~ quote sources 1 → 2 (+ Island Gazette): “this bridge will join"),
        "{text}"
    );
    assert!(
        text.contains("- fact [2] Construction of the bridge"),
        "{text}"
    );
    assert!(text.contains("+ fact [2] The mayor said"), "{text}");
    assert!(
        !text.contains("ferry"),
        "unchanged stories are not listed: {text}"
    );

    let md = Command::cargo_bin("parallax")
        .unwrap()
        .args(["diff", "--format", "markdown"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("## Digest changes"), "{md}");
    assert!(md.contains("**Support**"), "{md}");

    let same = Command::cargo_bin("parallax")
        .unwrap()
        .arg("diff")
        .arg(&new)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(same.stdout).unwrap(),
        "No changes in the digests.\n"
    );
}

/// Every `href`/`src` in every HTML page names a file of the site (links to
/// other sites aside), and every `#anchor` exists on its page.
#[test]
fn every_link_and_asset_resolves() {
    let (_dir, site) = built(Some(BASE));
    let mut checked = 0;
    for page in walk(&site) {
        if page.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = read(&page);
        for attr in ["href=\"", "src=\""] {
            for value in html.split(attr).skip(1) {
                let url = value.split('"').next().unwrap().replace("&amp;", "&");
                if let Some(target) = resolve(&site, &page, &url) {
                    let (file, anchor) = target;
                    assert!(
                        file.is_file(),
                        "{}: {url} -> {}",
                        page.display(),
                        file.display()
                    );
                    if let Some(a) = anchor {
                        let text = read(&file);
                        assert!(
                            text.contains(&format!("id=\"{a}\"")),
                            "{}: {url}",
                            page.display()
                        );
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 20, "checked {checked} links");
}

/// The site file (and anchor) a link points to; `None` for other sites.
fn resolve(site: &Path, page: &Path, url: &str) -> Option<(PathBuf, Option<String>)> {
    let (path, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (url, None),
    };
    let mut file = if let Some(rest) = path.strip_prefix(BASE) {
        site.join(rest)
    } else if path.starts_with("http://") || path.starts_with("https://") {
        return None;
    } else if path.is_empty() {
        page.to_path_buf()
    } else {
        page.parent().unwrap().join(path)
    };
    if path.ends_with('/') || path == BASE.trim_end_matches('/') {
        file.push("index.html");
    }
    let mut clean = PathBuf::new();
    for c in file.components() {
        match c {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    Some((clean, anchor))
}

/// The largest story a newsletter must survive: 1,000 sources with long
/// names, titles and URLs, and hundreds of long facts, conflicts,
/// single-source claims, wordings and quotes, each carried by many sources.
/// Every per-item cap of the email is reached many times over, so this is
/// the worst case of a 1,000-article build (a real one, built from ECB+
/// with `big_story`, measures far less: see the README).
fn worst_case_digest(sources: usize) -> parallax::digest::Digest {
    use parallax::digest::*;
    let long = |what: &str, i: usize| {
        format!(
            "{what} {i}: the harbour authority said on Tuesday that the new \
             ferry terminal, first promised in the spring, would open to \
             passengers and freight after a long series of delays and \
             repeated inspections by the maritime safety agency & its board."
        )
    };
    let ids: Vec<String> = (0..sources)
        .map(|i| format!("wire/outlet-{i:04}"))
        .collect();
    let refs: Vec<SourceRef> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| SourceRef {
            id: id.clone(),
            label: format!("The Very Long Named Regional Morning Gazette {i}"),
            path: format!("{id}.md"),
            title: Some(long("Headline", i)),
            outlet: Some(format!("The Very Long Named Regional Morning Gazette {i}")),
            url: Some(format!(
                "https://www.very-long-regional-gazette-{i}.example/news/2024/05/02/harbour-ferry-terminal-opens-after-delays"
            )),
            published: Some("2024-05-02T08:30:00+02:00".into()),
            copy_of: None,
        })
        .collect();
    let some = |i: usize, n: usize| -> Vec<String> {
        (0..n).map(|k| ids[(i * 7 + k) % sources].clone()).collect()
    };
    let variants = |i: usize| -> Vec<Variant> {
        some(i, 3)
            .into_iter()
            .map(|source| Variant {
                source,
                text: long("Variant", i),
            })
            .collect()
    };
    Digest {
        schema_version: 1,
        slug: "harbour-ferry-terminal".into(),
        headline: long("Headline", 0),
        summary: [long("Summary", 1), long("Summary", 2), long("Summary", 3)].join(" "),
        source_count: sources,
        sources: refs,
        consensus: (0..40)
            .map(|i| ConsensusFact {
                key: format!("f{i}"),
                text: long("Fact", i),
                sources: some(i, 200),
                support: 200,
                variants: variants(i),
            })
            .collect(),
        divergent: (0..36)
            .map(|i| Divergence {
                key: format!("d{i}"),
                kind: [
                    DivergenceKind::Conflict,
                    DivergenceKind::Unique,
                    DivergenceKind::Wording,
                ][i % 3],
                topic: long("Topic", i),
                claims: (0..12)
                    .map(|k| Claim {
                        text: long("Claim", i * 12 + k),
                        sources: some(i + k, 40),
                        value: Some(format!("value {k} of a long contested figure")),
                    })
                    .collect(),
            })
            .collect(),
        quotes: (0..40)
            .map(|i| QuoteItem {
                key: format!("q{i}"),
                text: long("Quote", i),
                speaker: Some(format!("Harbour Authority Chief Executive Officer {i}")),
                sources: some(i, 150),
                variants: variants(i),
            })
            .collect(),
    }
}

/// Gmail clips a message over 102 KB; every email stays under it, whatever
/// the story's size (issue 14's bar), with links to the full page instead.
#[test]
fn email_of_a_thousand_source_story_stays_under_gmails_clip() {
    let digest = worst_case_digest(1000);
    let config = parallax::config::Config {
        base_url: Some(format!("{BASE}a/rather/long/sub/path/")),
        ..parallax::config::Config::default()
    };
    let files =
        parallax::output::render(&[digest], &config, &parallax::output::Templates::default())
            .unwrap();
    let email = files
        .iter()
        .find(|f| f.path.ends_with("email.html"))
        .unwrap();
    let html = String::from_utf8(email.bytes.clone()).unwrap();
    assert!(
        html.len() <= 102_000,
        "email.html is {} bytes, over Gmail's 102 KB",
        html.len()
    );
    // The rest is one click away, and every link works from a mail client.
    for anchor in ["#consensus", "#quotes", "#sources", "#divergent"] {
        assert!(html.contains(anchor), "no link to {anchor}");
    }
    assert!(html.contains("196 more"), "names are capped: {html}");
    for href in html.split("href=\"").skip(1) {
        assert!(href.starts_with("http"), "{}", &href[..href.len().min(60)]);
    }
    eprintln!("worst-case email.html: {} bytes", html.len());
}

/// A build without a base URL says that the email's links will not work,
/// and how to set one; with one it says nothing of the kind.
#[test]
fn build_without_base_url_warns_about_email_links() {
    let dir = tempfile::tempdir().unwrap();
    let seeds_dir = dir.path().join("seeds");
    seeds(&seeds_dir);
    for (base, warns) in [(None, true), (Some(BASE), false)] {
        let mut cmd = Command::cargo_bin("parallax").unwrap();
        cmd.arg("build")
            .arg("--seeds")
            .arg(&seeds_dir)
            .arg("--out")
            .arg(dir.path().join("site"))
            .current_dir(dir.path());
        if let Some(b) = base {
            cmd.arg("--base-url").arg(b);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.contains("base_url is not set") && stderr.contains("--base-url"),
            warns,
            "{stderr}"
        );
    }
}

/// The ready-made workflows in `docs/` are valid YAML, and the pull-request
/// one builds both sides and posts the Markdown diff as a comment.
#[test]
fn workflows_in_docs_parse_and_post_the_diff() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    for name in ["github-pages.yml", "github-pr-diff.yml"] {
        let text = read(&docs.join(name));
        let yaml: serde_norway::Value = serde_norway::from_str(&text)
            .unwrap_or_else(|e| panic!("docs/{name} is not YAML: {e}"));
        assert!(yaml.get("jobs").is_some(), "docs/{name} has jobs");
        assert!(!text.contains("actions/checkout@v4"), "docs/{name}");
    }
    let pr = read(&docs.join("github-pr-diff.yml"));
    for needed in [
        "pull_request",
        "github.event.pull_request.base.sha",
        "--format markdown",
        "gh pr comment",
        "pull-requests: write",
    ] {
        assert!(pr.contains(needed), "github-pr-diff.yml lacks {needed}");
    }
}
