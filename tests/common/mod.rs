//! Helpers shared by the integration tests: fixture paths, build options,
//! running the binary in an isolated folder, reading a site as a tree of
//! bytes, and checking a digest against the contract in
//! `../shared/eval/README.md`.

#![allow(dead_code)] // each test crate uses a different subset

use parallax::BuildOptions;
use parallax::config::Config;
use parallax::output::Templates;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The repository root (where Cargo.toml is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path below `tests/fixtures/`, absolute.
pub fn fixture(rel: &str) -> PathBuf {
    repo().join("tests/fixtures").join(rel)
}

/// Default options: built-in templates and config, lenient, writing.
pub fn options(seeds: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        seeds: seeds.to_path_buf(),
        out: out.to_path_buf(),
        config: Config::default(),
        templates: Templates::default(),
        strict: false,
        dry_run: false,
        cache: None,
    }
}

/// The `parallax` binary, run from `cwd` (a temporary folder, so no
/// `parallax.toml` or `templates/` of the repository is picked up).
pub fn parallax(cwd: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.current_dir(cwd);
    cmd
}

/// Runs the command and returns (exit code, stderr).
pub fn run(cmd: &mut assert_cmd::Command) -> (i32, String) {
    let out = cmd.output().expect("parallax runs");
    let code = out.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A site as files: relative path → bytes, sorted by path.
pub type Tree = BTreeMap<PathBuf, Vec<u8>>;

/// Copies the fixture stories into `dir`.
pub fn copy_stories(dir: &Path) {
    for entry in walkdir::WalkDir::new(fixture("stories")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(fixture("stories")).unwrap();
        let to = dir.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

/// Every file below `dir`.
pub fn tree(dir: &Path) -> Tree {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk the site"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            let bytes = std::fs::read(e.path()).expect("read a site file");
            (rel, bytes)
        })
        .collect()
}

/// Asserts two sites are byte-identical, naming the first difference.
pub fn assert_same_tree(a: &Path, b: &Path) {
    let (ta, tb) = (tree(a), tree(b));
    let names_a: Vec<_> = ta.keys().collect();
    let names_b: Vec<_> = tb.keys().collect();
    assert_eq!(names_a, names_b, "the two sites hold different files");
    for (path, bytes) in &ta {
        assert!(
            bytes == &tb[path],
            "{} differs between {} and {}",
            path.display(),
            a.display(),
            b.display()
        );
    }
}

/// Every `digest.json` below `site`, parsed, by path.
pub fn digests(site: &Path) -> BTreeMap<PathBuf, Value> {
    tree(site)
        .into_iter()
        .filter(|(p, _)| p.file_name().is_some_and(|n| n == "digest.json"))
        .map(|(p, bytes)| {
            let v = serde_json::from_slice(&bytes)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()));
            (p, v)
        })
        .collect()
}

/// The source ids of a digest, in order.
pub fn source_ids(d: &Value) -> Vec<String> {
    d["sources"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one digest against the contract. Source files are read from
/// their `path`, resolved against `base` (the folder the build ran in).
/// Returns every problem found (empty when the digest is sound), so one
/// failing run shows them all.
pub fn contract_problems(d: &Value, base: &Path) -> Vec<String> {
    let mut c = Checker {
        problems: Vec::new(),
        files: BTreeMap::new(),
    };
    c.top_level(d);
    c.sources(d, base);
    let ids: BTreeSet<String> = c.files.keys().cloned().collect();
    for (i, item) in items(d, "consensus").iter().enumerate() {
        c.consensus(&format!("consensus[{i}]"), item, &ids);
    }
    for (i, item) in items(d, "divergent").iter().enumerate() {
        c.divergence(&format!("divergent[{i}]"), item, &ids);
    }
    for (i, item) in items(d, "quotes").iter().enumerate() {
        c.quote(&format!("quotes[{i}]"), item, &ids);
    }
    c.problems
}

fn items<'a>(d: &'a Value, key: &str) -> Vec<&'a Value> {
    d[key]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

struct Checker {
    problems: Vec<String>,
    /// Source id → the full text of its file.
    files: BTreeMap<String, String>,
}

impl Checker {
    fn fail(&mut self, msg: String) {
        self.problems.push(msg);
    }

    fn top_level(&mut self, d: &Value) {
        if d["schema_version"] != 1 {
            self.fail(format!("schema_version is {}", d["schema_version"]));
        }
        let slug = d["slug"].as_str().unwrap_or("");
        let plain = slug
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if slug.is_empty() || !plain {
            self.fail(format!(
                "slug {:?} is not a plain lower-case slug",
                d["slug"]
            ));
        }
        if d["headline"].as_str().is_none_or(|h| h.trim().is_empty()) {
            self.fail("headline is missing or empty".into());
        }
        if !d["summary"].is_string() {
            self.fail("summary is not a string".into());
        }
        for key in ["consensus", "divergent", "quotes", "sources"] {
            if !d[key].is_array() {
                self.fail(format!("{key} is not a list"));
            }
        }
        let count = d["sources"].as_array().map_or(0, Vec::len);
        if d["source_count"].as_u64() != Some(count as u64) {
            self.fail(format!(
                "source_count {} but {count} sources listed",
                d["source_count"]
            ));
        }
    }

    fn sources(&mut self, d: &Value, base: &Path) {
        for (i, s) in items(d, "sources").into_iter().enumerate() {
            for key in ["title", "outlet", "url", "published"] {
                let ok = s.get(key).is_some_and(|v| v.is_null() || v.is_string());
                if !ok {
                    self.fail(format!("sources[{i}].{key} is missing or not text/null"));
                }
            }
            let (Some(id), Some(path)) = (s["id"].as_str(), s["path"].as_str()) else {
                self.fail(format!("sources[{i}] lacks id or path"));
                continue;
            };
            let file = base.join(path);
            match std::fs::read_to_string(&file) {
                Ok(text) => {
                    if self.files.insert(id.to_string(), text).is_some() {
                        self.fail(format!("source id {id} is listed twice"));
                    }
                }
                Err(e) => self.fail(format!("source {id}: cannot read {}: {e}", file.display())),
            }
        }
    }

    /// The ids of `list`, each checked to be a known source, no repeats.
    fn id_list(&mut self, at: &str, list: &Value, ids: &BTreeSet<String>) -> Vec<String> {
        let Some(arr) = list.as_array() else {
            self.fail(format!("{at}.sources is not a list"));
            return Vec::new();
        };
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for v in arr {
            let Some(id) = v.as_str() else {
                self.fail(format!("{at}.sources holds a non-string {v}"));
                continue;
            };
            if !ids.contains(id) {
                self.fail(format!("{at} names unknown source {id:?}"));
            }
            if !seen.insert(id) {
                self.fail(format!("{at} names source {id:?} twice"));
            }
            out.push(id.to_string());
        }
        if out.is_empty() {
            self.fail(format!("{at} names no source"));
        }
        out
    }

    /// `text` must occur verbatim (exact substring) in one of `sources`' files.
    fn verbatim(&mut self, at: &str, text: &str, sources: &[String]) {
        if text.trim().is_empty() {
            self.fail(format!("{at}: empty text"));
            return;
        }
        let found = sources
            .iter()
            .any(|id| self.files.get(id).is_some_and(|f| f.contains(text)));
        if !found {
            self.fail(format!(
                "{at}: text is not verbatim in {}: {text:?}",
                sources.join(", ")
            ));
        }
    }

    /// Variants: each names a listed source and is verbatim in its file.
    fn variants(&mut self, at: &str, item: &Value, sources: &[String]) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let Some(vars) = item["variants"].as_array() else {
            self.fail(format!("{at}.variants is not a list"));
            return seen;
        };
        for (j, v) in vars.iter().enumerate() {
            let at = format!("{at}.variants[{j}]");
            let (Some(src), Some(text)) = (v["source"].as_str(), v["text"].as_str()) else {
                self.fail(format!("{at} lacks source or text"));
                continue;
            };
            if !sources.iter().any(|s| s == src) {
                self.fail(format!("{at}: source {src:?} is not in the item's sources"));
            }
            seen.insert(src.to_string());
            self.verbatim(&at, text, &[src.to_string()]);
        }
        seen
    }

    fn consensus(&mut self, at: &str, item: &Value, ids: &BTreeSet<String>) {
        let sources = self.id_list(at, &item["sources"], ids);
        let support = item["support"].as_u64();
        if support != Some(sources.len() as u64) || sources.len() < 2 {
            self.fail(format!(
                "{at}: support {} with {} sources (must be equal and >= 2)",
                item["support"],
                sources.len()
            ));
        }
        let text = item["text"].as_str().unwrap_or("");
        self.verbatim(at, text, &sources);
        let with_variant = self.variants(at, item, &sources);
        let listed: BTreeSet<String> = sources.iter().cloned().collect();
        if with_variant != listed {
            self.fail(format!(
                "{at}: variants cover {with_variant:?}, sources are {listed:?}"
            ));
        }
    }

    fn divergence(&mut self, at: &str, item: &Value, ids: &BTreeSet<String>) {
        let kind = item["kind"].as_str().unwrap_or("");
        if !matches!(kind, "conflict" | "unique" | "wording") {
            self.fail(format!(
                "{at}: kind {:?} is not conflict|unique|wording",
                item["kind"]
            ));
        }
        if !item["topic"].is_string() {
            self.fail(format!("{at}: topic is not a string"));
        }
        let claims = items(item, "claims");
        if claims.is_empty() {
            self.fail(format!("{at}: no claims"));
        }
        for (j, claim) in claims.iter().enumerate() {
            let at = format!("{at}.claims[{j}]");
            let sources = self.id_list(&at, &claim["sources"], ids);
            self.verbatim(&at, claim["text"].as_str().unwrap_or(""), &sources);
            if kind == "unique" && (claims.len() != 1 || sources.len() != 1) {
                self.fail(format!(
                    "{at}: a unique claim must be one claim of one source"
                ));
            }
        }
    }

    fn quote(&mut self, at: &str, item: &Value, ids: &BTreeSet<String>) {
        let speaker_ok = item
            .get("speaker")
            .is_some_and(|s| s.is_null() || s.as_str().is_some_and(|t| !t.trim().is_empty()));
        if !speaker_ok {
            self.fail(format!("{at}: speaker is missing, empty or not text/null"));
        }
        let sources = self.id_list(at, &item["sources"], ids);
        self.verbatim(at, item["text"].as_str().unwrap_or(""), &sources);
        self.variants(at, item, &sources);
    }
}

/// Panics with every contract problem of `d`, if there are any.
pub fn assert_contract(name: &str, d: &Value, base: &Path) {
    let problems = contract_problems(d, base);
    assert!(
        problems.is_empty(),
        "{name} breaks the digest contract ({} problems):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}
