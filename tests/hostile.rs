//! Regression tests for the hostile-input campaign (issue 13): inputs and
//! situations that once leaked files, lost a user's work or published a
//! broken site with exit 0. Each test reproduces one defect through the
//! binary, as a user or a CI job would meet it.

mod common;

use common::{assert_same_tree, copy_stories, fixture, parallax, run, tree};
use std::path::Path;

/// Every byte of every file of a site, as text (lossy), for `contains`.
fn all_text(site: &Path) -> String {
    tree(site)
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_seeds_is_not_read_and_is_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    copy_stories(&seeds);
    let secret = tmp.path().join("token.txt");
    std::fs::write(&secret, "Access token ghp-SECRET-4242 granted today.\n").unwrap();
    std::os::unix::fs::symlink(&secret, seeds.join("token.txt")).unwrap();
    std::os::unix::fs::symlink("/", seeds.join("rootfs")).unwrap();
    std::os::unix::fs::symlink("/etc", seeds.join("etcdir")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", seeds.join("passwd.txt")).unwrap();
    let (code, stderr) =
        run(parallax(tmp.path()).args(["build", "--seeds", "seeds", "--out", "site"]));
    assert_eq!(code, 0, "{stderr}");
    for name in ["token.txt", "rootfs", "etcdir", "passwd.txt"] {
        assert!(
            stderr.lines().any(|l| l.starts_with("warning:")
                && l.contains(name)
                && l.contains("outside the seeds")),
            "{name}: {stderr}"
        );
    }
    let text = all_text(&tmp.path().join("site"));
    assert!(!text.contains("SECRET"), "the linked file was published");
    assert!(!text.contains("root:"), "/etc/passwd was published");
    // `check` and `--strict` see the same warnings.
    let (code, _) = run(parallax(tmp.path()).args(["check", "--seeds", "seeds"]));
    assert_eq!(code, 1);
}

#[test]
fn two_builds_into_one_output_at_once_both_leave_a_whole_site() {
    let tmp = tempfile::tempdir().unwrap();
    let reference = tmp.path().join("reference");
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "reference", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 0, "{stderr}");
    for _ in 0..3 {
        let children: Vec<_> = (0..3)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
                    .current_dir(tmp.path())
                    .args(["build", "--out", "site", "--seeds"])
                    .arg(fixture("stories"))
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{stderr}");
        }
        assert_same_tree(&reference, &tmp.path().join("site"));
    }
    let mut names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Besides each output's analysis cache, which is meant to stay.
    assert_eq!(
        names,
        [
            ".reference.cache-parallax",
            ".site.cache-parallax",
            "reference",
            "site"
        ],
        "nothing is left beside the site"
    );
}

#[test]
fn seeds_inside_the_output_are_refused_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 0, "{stderr}");
    let articles = tmp.path().join("site/articles");
    std::fs::create_dir(&articles).unwrap();
    copy_stories(&articles);
    std::fs::write(tmp.path().join("site/notes.txt"), "mine").unwrap();
    let before = tree(&tmp.path().join("site"));
    let (code, stderr) =
        run(parallax(tmp.path()).args(["build", "--seeds", "site/articles", "--out", "site"]));
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("inside the output"), "{stderr}");
    assert_eq!(
        tree(&tmp.path().join("site")),
        before,
        "nothing was touched"
    );
}

#[test]
fn an_output_inside_the_seeds_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    copy_stories(&seeds);
    let before = tree(&seeds);
    for out in ["seeds/site", "seeds/../seeds/deeper/site"] {
        let (code, stderr) =
            run(parallax(tmp.path()).args(["build", "--seeds", "seeds", "--out", out]));
        assert_ne!(code, 0, "{out}: {stderr}");
        assert!(stderr.contains("read back"), "{stderr}");
    }
    assert_eq!(tree(&seeds), before);
    // Templates inside the output are refused too.
    std::fs::create_dir_all(tmp.path().join("site/templates")).unwrap();
    let (code, stderr) = run(parallax(tmp.path()).args([
        "build",
        "--seeds",
        "seeds",
        "--out",
        "site",
        "--templates",
        "site/templates",
    ]));
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("templates"), "{stderr}");
}

#[test]
fn a_folder_with_a_foreign_marker_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("home");
    std::fs::create_dir_all(out.join("Documents")).unwrap();
    std::fs::write(out.join(".parallax"), "").unwrap();
    std::fs::write(out.join("Documents/thesis.tex"), "precious").unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "home", "--seeds"])
        .arg(fixture("stories")));
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("refusing"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("Documents/thesis.tex")).unwrap(),
        "precious"
    );
}

#[test]
fn control_characters_in_a_title_leave_the_feed_well_formed() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    std::fs::write(
        seeds.join("a.md"),
        "---\ntitle: \"Dam\\vBursts\\u0001 Near\\0 Town\"\npublished: 2031-05-17\n---\n\nThe dam burst on Monday near the town of Alder.\n",
    )
    .unwrap();
    std::fs::write(
        seeds.join("b.txt"),
        "Flood\u{0B} Warning\u{01} Issued\n\nThe dam burst on Monday near the town of Alder.\n",
    )
    .unwrap();
    let (code, stderr) =
        run(parallax(tmp.path()).args(["build", "--seeds", "seeds", "--out", "site"]));
    assert_eq!(code, 0, "{stderr}");
    let feed = std::fs::read_to_string(tmp.path().join("site/feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).unwrap_or_else(|e| panic!("{e}\n{feed}"));
    assert!(
        doc.descendants()
            .any(|n| n.text().is_some_and(|t| t.contains("DamBursts"))),
        "{feed}"
    );
}

#[test]
fn an_absolute_seeds_path_appears_in_no_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("private-checkout-name").join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    copy_stories(&seeds);
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--seeds"])
        .arg(&seeds));
    assert_eq!(code, 0, "{stderr}");
    let text = all_text(&tmp.path().join("site"));
    assert!(
        !text.contains("private-checkout-name"),
        "a machine path reached the site"
    );
    assert!(
        !text.contains(&*tmp.path().to_string_lossy()),
        "a machine path reached the site"
    );
}

#[test]
fn a_javascript_url_is_no_link_in_digest_md() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds/s");
    std::fs::create_dir_all(&seeds).unwrap();
    for (name, url) in [
        ("a.md", "javascript:alert(1)"),
        ("b.md", "https://b.example/x"),
    ] {
        std::fs::write(
            seeds.join(name),
            format!(
                "---\ntitle: Dam Bursts\nurl: {url}\n---\n\nThe dam burst on Monday near Alder.\n"
            ),
        )
        .unwrap();
    }
    let (code, stderr) =
        run(parallax(tmp.path()).args(["build", "--seeds", "seeds", "--out", "site"]));
    assert_eq!(code, 0, "{stderr}");
    let md = std::fs::read_to_string(tmp.path().join("site/stories/s/digest.md")).unwrap();
    assert!(!md.contains("<javascript:"), "{md}");
    assert!(md.contains("<https://b.example/x>"), "{md}");
}

#[test]
fn a_self_including_template_fails_with_its_name_not_an_abort() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("story.html"),
        "<main>{% include \"story.html\" %}</main>",
    )
    .unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "site", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("template story.html") && stderr.contains("includes itself"),
        "{stderr}"
    );
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn a_bad_base_url_is_reported_first_with_the_config_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("site.toml"),
        "title = \"News\"\nbase_url = \"htp:/example.org\"\n",
    )
    .unwrap();
    // A seeds folder that does not exist: the config is checked before any
    // article is read, so its error comes first.
    let (code, stderr) = run(parallax(tmp.path()).args([
        "build",
        "--config",
        "site.toml",
        "--seeds",
        "missing",
        "--out",
        "site",
    ]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("site.toml: line 2: base_url:"), "{stderr}");
    assert!(!stderr.contains("seeds folder not found"), "{stderr}");
    let (code, stderr) = run(parallax(tmp.path()).args([
        "check",
        "--base-url",
        "example.org",
        "--seeds",
        "missing",
    ]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--base-url:"), "{stderr}");
}

#[test]
fn an_output_name_too_long_for_the_temporary_folder_is_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "s".repeat(250);
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", &name, "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("shorter"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_on_a_mount_point_is_a_clear_message() {
    // /proc is a mount point on every Linux system; nothing is written
    // there, the build stops before.
    let tmp = tempfile::tempdir().unwrap();
    let (code, stderr) = run(parallax(tmp.path())
        .args(["build", "--out", "/proc", "--seeds"])
        .arg(fixture("stories")));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("/proc") && stderr.contains("mount point"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
}
