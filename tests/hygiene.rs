//! Checks on the shape of the repository that no compiler enforces:
//!
//! - **no module cycles**: the file-level import graph of `src/` (an edge
//!   from a file to every file it names through `crate::…` or `super::…`,
//!   in `use` lines and in paths inline) has no cycle. A child naming its
//!   parent module (or the reverse) is how Rust modules are built and is
//!   not counted; two siblings, or two far modules, naming each other is a
//!   cycle and fails. Test code (`#[cfg(test)] mod … { … }` and `tests.rs`
//!   files) is left out: a test may use any stage to build its fixtures.
//! - **no unreferenced snapshots**: every `tests/snapshots/*.snap` is named
//!   by a snapshot assertion of its test file, so a renamed or removed
//!   snapshot test cannot leave a stale file that pins nothing. (Works
//!   without `cargo insta` and without network.)

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- modules

/// Every `.rs` file below `src/`, keyed by its module path (`[]` for
/// `lib.rs`, `["output", "feed"]` for `src/output/feed.rs`).
fn module_files(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).unwrap();
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts
            .last()
            .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
        {
            parts.pop();
        }
        if rel == Path::new("main.rs") || rel.file_name().is_some_and(|f| f == "tests.rs") {
            continue; // the binary is its own crate; tests.rs is test code
        }
        let text = std::fs::read_to_string(path).unwrap();
        out.insert(parts, text);
    }
    out
}

/// Text without `//` comments (so doc links and prose name no module)
/// and without test modules.
fn code_only(text: &str) -> String {
    let code = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    without_test_modules(&code)
}

/// Drops each `#[cfg(test)]` module with a body: from the attribute to
/// the brace that closes the module.
fn without_test_modules(code: &str) -> String {
    let test_mod =
        Regex::new(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{").unwrap();
    let mut out = String::new();
    let mut rest = code;
    while let Some(m) = test_mod.find(rest) {
        out.push_str(&rest[..m.start()]);
        let body = braced(&rest[m.end()..]);
        let end = (m.end() + body.len() + 1).min(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The paths a file names: `crate::a::b`, `super::a`, and each branch of
/// `use crate::{a::X, b::{Y, Z}}`, as segment lists beginning with
/// `crate` or `super`.
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let inline = Regex::new(r"\b(crate|super)((?:\s*::\s*(?:super|\w+))+)").unwrap();
    for cap in inline.captures_iter(code) {
        let mut path = vec![cap[1].to_string()];
        path.extend(
            cap[2]
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        out.push(path);
    }
    let grouped = Regex::new(r"\buse\s+(crate|super)((?:\s*::\s*\w+)*)\s*::\s*\{").unwrap();
    for m in grouped.captures_iter(code) {
        let whole = m.get(0).unwrap();
        let mut prefix = vec![m[1].to_string()];
        prefix.extend(
            m[2].split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        let body = braced(&code[whole.end()..]);
        for branch in split_branches(body) {
            expand(&prefix, branch, &mut out);
        }
    }
    out
}

/// The text up to the brace that closes one already opened.
fn braced(rest: &str) -> &str {
    let mut depth = 1;
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &rest[..i];
                }
            }
            _ => {}
        }
    }
    rest
}

/// Top-level comma-separated branches of a `use` group.
fn split_branches(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

fn expand(prefix: &[String], branch: &str, out: &mut Vec<Vec<String>>) {
    let branch = branch.trim();
    if branch.is_empty() {
        return;
    }
    if let Some(open) = branch.find('{') {
        let mut p = prefix.to_vec();
        p.extend(segments(&branch[..open]));
        let body = braced(&branch[open + 1..]);
        for b in split_branches(body) {
            expand(&p, b, out);
        }
        return;
    }
    let mut p = prefix.to_vec();
    p.extend(segments(branch.split(" as ").next().unwrap_or(branch)));
    out.push(p);
}

fn segments(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "self" && *s != "*")
        .map(str::to_string)
}

/// The module file a path names: the longest prefix of it that is a
/// file, after `crate` and `super` are resolved from `from`.
fn resolve(
    from: &[String],
    path: &[String],
    files: &BTreeMap<Vec<String>, String>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = Vec::new();
    let mut rest = path;
    if path.first().is_some_and(|s| s == "super") {
        base = from.to_vec();
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
    } else {
        rest = &rest[1..]; // crate
    }
    let mut full = base;
    full.extend(rest.iter().cloned());
    (0..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|p| files.contains_key(p))
}

/// One file is a module above (or the same as) the other.
fn related(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

fn import_graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = module_files(&repo().join("src"));
    let mut graph = BTreeMap::new();
    for (module, text) in &files {
        let code = code_only(text);
        let targets: BTreeSet<Vec<String>> = named_paths(&code)
            .iter()
            .filter_map(|p| resolve(module, p, &files))
            .filter(|t| !related(module, t))
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

/// A cycle of the graph, if it has one (depth-first search).
fn find_cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        marks: &mut BTreeMap<Vec<String>, Mark>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let at = stack.iter().position(|n| n == node).unwrap();
                let mut cycle: Vec<String> = stack[at..].iter().map(|n| n.join("::")).collect();
                cycle.push(node.join("::"));
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    let mut stack = Vec::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut marks, &mut stack))
}

/// Import edges of cycles being removed now (issue 10), each left out of
/// the check until its cycle is gone. The list may only shrink: an edge
/// that no longer exists fails the test until it is struck from here.
const KNOWN_CYCLE_EDGES: &[(&str, &str)] = &[];

#[test]
fn src_has_no_module_cycles() {
    let mut graph = import_graph();
    assert!(graph.len() > 10, "the source files are found");
    for (from, to) in KNOWN_CYCLE_EDGES {
        let key = |m: &str| m.split("::").map(str::to_string).collect::<Vec<_>>();
        let removed = graph
            .get_mut(&key(from))
            .is_some_and(|targets| targets.remove(&key(to)));
        assert!(
            removed,
            "{from} no longer imports {to}: strike it from KNOWN_CYCLE_EDGES"
        );
    }
    if let Some(cycle) = find_cycle(&graph) {
        panic!("module cycle in src/: {}", cycle.join(" -> "));
    }
}

#[test]
fn test_modules_are_left_out() {
    let code = "use crate::a::X;\n#[cfg(test)]\nmod tests {\n    use crate::b::{Y, Z};\n    fn f() { if true { crate::c::g(); } }\n}\nfn h() { crate::d::k(); }\n";
    let kept = without_test_modules(code);
    assert!(kept.contains("crate::a::X") && kept.contains("crate::d::k"));
    assert!(!kept.contains("crate::b") && !kept.contains("crate::c"));
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let files: BTreeMap<Vec<String>, String> = [
        (vec![], String::new()),
        (vec!["a".to_string()], String::new()),
        (vec!["b".to_string()], String::new()),
        (vec!["b".to_string(), "c".to_string()], String::new()),
    ]
    .into_iter()
    .collect();
    let code = "use crate::{a::X, b::{c::Y, Z}};\nfn f() { super::b::g(); }\n";
    let from = vec!["a".to_string()];
    let targets: BTreeSet<Vec<String>> = named_paths(code)
        .iter()
        .filter_map(|p| resolve(&from, p, &files))
        .collect();
    let b = vec!["b".to_string()];
    let bc = vec!["b".to_string(), "c".to_string()];
    assert_eq!(targets, [from.clone(), b.clone(), bc.clone()].into());
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    graph.insert(from.clone(), [bc.clone()].into());
    graph.insert(bc.clone(), [b.clone()].into());
    assert_eq!(find_cycle(&graph), None);
    graph.insert(b.clone(), [from.clone()].into());
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b::c".into(), "b".into(), "a".into()])
    );
}

// -------------------------------------------------------------- snapshots

/// Snapshot names a test file asserts, as patterns: a literal name, or a
/// `format!` whose `{…}` parts each stand for one string literal of the
/// same file (the story names a test lists), never for any text.
fn snapshot_patterns(test_source: &str) -> Vec<Regex> {
    let literal = Regex::new(r#""((?:[^"\\]|\\.)*)""#).unwrap();
    let words: Vec<String> = literal
        .captures_iter(test_source)
        .map(|c| regex::escape(&c[1]))
        .filter(|w| !w.is_empty())
        .collect();
    let any_literal = format!("(?:{})", words.join("|"));
    let call = Regex::new(r#"assert_(?:\w+_)?snapshot!\(\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)*)""#)
        .unwrap();
    let hole = Regex::new(r"\{[^}]*\}").unwrap();
    call.captures_iter(test_source)
        .map(|c| {
            let pattern: String = hole
                .split(&c[1])
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(&any_literal);
            Regex::new(&format!("^{pattern}$")).unwrap()
        })
        .collect()
}

#[test]
fn every_snapshot_is_referenced() {
    let dir = repo().join("tests/snapshots");
    let mut stale = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".snap") else {
            continue;
        };
        count += 1;
        let (file, snap) = stem.split_once("__").unwrap_or((stem, ""));
        let source = std::fs::read_to_string(repo().join("tests").join(format!("{file}.rs")))
            .unwrap_or_default();
        // An unnamed assertion is named after its test function.
        let unnamed = source.contains(&format!("fn {snap}()"));
        if !unnamed && !snapshot_patterns(&source).iter().any(|p| p.is_match(snap)) {
            stale.push(name);
        }
    }
    assert!(count > 0, "snapshots are found");
    assert!(
        stale.is_empty(),
        "snapshots no test asserts (delete them, or restore their test): {stale:?}"
    );
}

#[test]
fn snapshot_patterns_read_literals_and_formats() {
    let src = r#"const STORIES: [&str; 1] = ["glacier"];
        insta::assert_snapshot!("index_page", x);
        insta::assert_json_snapshot!(format!("fixture_{name}_digest"), j);"#;
    let pats = snapshot_patterns(src);
    assert_eq!(pats.len(), 2);
    assert!(pats[0].is_match("index_page") && !pats[0].is_match("index_page2"));
    assert!(pats[1].is_match("fixture_glacier_digest"));
    assert!(!pats[1].is_match("fixture_tundra_digest"));
    assert!(!pats[1].is_match("fixture__digest") && !pats[1].is_match("sample_digest"));
}
