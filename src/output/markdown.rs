//! `digest.md`: the digest as Markdown for review in pull requests. Every
//! item is exactly one line ending in its key (`<!-- fact:… -->`), items
//! keep the digest's order, and nothing depends on the build, so
//! `git diff` of two builds shows exactly which facts, divergences and
//! quotes changed. A line carries nothing about the rest of the story (no
//! "of n sources"; the source count is stated once at the top), so adding
//! a source touches only the lines of items it supports. Sources are named
//! by their labels, as on the pages.

use crate::digest::{Claim, Digest, independent_reports};
use std::collections::BTreeMap;

/// Source labels by id.
type Labels = BTreeMap<String, String>;

/// The Markdown digest of one story.
pub fn digest_md(d: &Digest) -> String {
    let labels: Labels = d
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.label.clone()))
        .collect();
    let ids = |list: &[String]| names(&labels, list);
    let mut out = Vec::new();
    out.push(format!("# {}", inline(&d.headline)));
    out.push(String::new());
    out.push(format!(
        "Digest of {} source{}. One item per line; the comment ending a line is the item's key.",
        d.source_count,
        plural(d.source_count)
    ));
    section(&mut out, "Consensus", d.consensus.len());
    for f in &d.consensus {
        // Copies of one wire report count once; said only on the lines
        // where that makes a difference, so no other line changes.
        let reports = independent_reports(&d.sources, &f.sources);
        let support = if reports < f.support {
            format!("{}, {reports} independent", f.support)
        } else {
            f.support.to_string()
        };
        out.push(format!(
            "- [{}] {} ({}) <!-- fact:{} -->",
            support,
            inline(&f.text),
            ids(&f.sources),
            f.key
        ));
    }
    section(&mut out, "Divergences", d.divergent.len());
    for v in &d.divergent {
        let claims: Vec<String> = v.claims.iter().map(|c| claim(&labels, c)).collect();
        out.push(format!(
            "- {} · {}: {} <!-- divergence:{} -->",
            v.kind.as_str(),
            inline(&v.topic),
            claims.join(" | "),
            v.key
        ));
    }
    section(&mut out, "Quotes", d.quotes.len());
    for q in &d.quotes {
        let speaker = q.speaker.as_deref().map(inline);
        out.push(format!(
            "- “{}” — {} ({}) <!-- quote:{} -->",
            inline(&q.text),
            speaker.as_deref().unwrap_or("unattributed"),
            ids(&q.sources),
            q.key
        ));
    }
    section(&mut out, "Sources", d.sources.len());
    for s in &d.sources {
        let mut parts = vec![inline(s.title.as_deref().unwrap_or(&s.path))];
        parts.extend(s.outlet.as_deref().map(inline));
        parts.extend(s.published.as_deref().map(inline));
        parts.extend(s.url.as_deref().map(source_url));
        parts.extend(
            s.copy_of
                .as_deref()
                .map(|id| format!("copy of {}", ids(&[id.to_string()]))),
        );
        out.push(format!(
            "- {}: {} <!-- source:{} -->",
            inline(if s.label.is_empty() { &s.id } else { &s.label }),
            parts.join(" · "),
            inline(&s.id)
        ));
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn section(out: &mut Vec<String>, title: &str, count: usize) {
    out.push(String::new());
    out.push(format!("## {title} ({count})"));
    out.push(String::new());
    if count == 0 {
        out.push("_None._".to_string());
    }
}

fn claim(labels: &Labels, c: &Claim) -> String {
    let who = names(labels, &c.sources);
    match c.value.as_deref() {
        Some(v) => format!("“{}” {} ({who})", inline(v), inline(&c.text)),
        None => format!("{} ({who})", inline(&c.text)),
    }
}

/// The sources' labels (an id the digest does not list, or one without a
/// label, stands as it is).
fn names(labels: &Labels, ids: &[String]) -> String {
    ids.iter()
        .map(|i| inline(labels.get(i).filter(|l| !l.is_empty()).unwrap_or(i)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A source's URL: an autolink when it is a web address, else code text
/// (an autolink `<javascript:…>` would be a live link in a rendered PR).
fn source_url(url: &str) -> String {
    match super::view::web_url(Some(url)) {
        Some(web) => format!("<{web}>"),
        None => format!("`{}`", inline(url).replace('`', "'")),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Text on one line, with `<` and `>` escaped so no source text can open
/// an HTML tag or close the key comment when the file is rendered.
pub(crate) fn inline(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_joins_lines_and_escapes_tags() {
        assert_eq!(inline("a\n  b <!-- x -->"), "a b &lt;!-- x --&gt;");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(source_url("https://x.example/a"), "<https://x.example/a>");
        assert_eq!(source_url("HTTP://x.example/"), "<HTTP://x.example/>");
        assert_eq!(source_url("javascript:alert(1)"), "`javascript:alert(1)`");
        assert_eq!(source_url("data:text/html,`x`"), "`data:text/html,'x'`");
    }
}
