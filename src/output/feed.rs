//! The Atom feed (`feed.xml`): one entry per story, so feed readers and
//! newsletter tools pick up new stories.
//!
//! Dates come only from the input, never from the clock: a story's date is
//! the latest `published` date among its sources. A story none of whose
//! sources carries a date gets the latest date known in the whole site
//! (so it is listed, and the feed stays the same from build to build); when
//! no source in the site has a date there is nothing truthful to put in the
//! feed's required `updated` element, and no feed is written.

use super::urls::{BaseUrl, story_dir};
use crate::config::Config;
use crate::digest::Digest;
use atom_syndication::{Entry, Feed, FixedDateTime, Generator, Link, Person, Text};
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses a `published` value: RFC 3339, RFC 2822, `YYYY-MM-DD`, or
/// `YYYY-MM-DD HH:MM[:SS]` / `YYYY-MM-DDTHH:MM[:SS]` (taken as UTC).
pub fn parse_date(text: &str) -> Option<FixedDateTime> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(text) {
        return Some(d);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(text, format) {
            return Some(d.and_utc().fixed_offset());
        }
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc().fixed_offset())
}

/// The latest parseable `published` date among a story's sources.
pub fn story_date(digest: &Digest) -> Option<FixedDateTime> {
    digest
        .sources
        .iter()
        .filter_map(|s| s.published.as_deref().and_then(parse_date))
        .max()
}

/// The latest date of any story in the site.
pub fn site_date(digests: &[Digest]) -> Option<FixedDateTime> {
    digests.iter().filter_map(story_date).max()
}

/// Whether any source in the site has a usable `published` date (else no
/// feed is written).
pub fn has_dates(digests: &[Digest]) -> bool {
    site_date(digests).is_some()
}

/// `feed.xml`, or `None` when no source in the site carries a date.
pub fn feed_xml(digests: &[Digest], config: &Config, base: Option<&BaseUrl>) -> Option<String> {
    let latest = site_date(digests)?;
    let mut entries: Vec<(FixedDateTime, Entry)> = digests
        .iter()
        .map(|d| {
            let date = story_date(d).unwrap_or(latest);
            (date, entry(d, date, base))
        })
        .collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut feed = Feed {
        title: Text::plain(config.title.clone()),
        id: base.map_or_else(|| "urn:parallax:feed".to_string(), |b| b.join("")),
        updated: latest,
        authors: vec![Person {
            name: config.title.clone(),
            ..Person::default()
        }],
        generator: Some(Generator {
            value: "Parallax".to_string(),
            ..Generator::default()
        }),
        links: vec![
            link("alternate", &url(base, "index.html", ""), "text/html"),
            link(
                "self",
                &url(base, "feed.xml", "feed.xml"),
                "application/atom+xml",
            ),
        ],
        subtitle: config.description.clone().map(Text::plain),
        lang: Some(config.language.clone()),
        entries: entries.into_iter().map(|(_, e)| e).collect(),
        ..Feed::default()
    };
    feed.namespaces.clear();
    let mut out = feed.to_string();
    out.push('\n');
    keep_xml_chars(&mut out);
    Some(out)
}

/// Drops the characters XML 1.0 forbids even escaped (control characters
/// other than tab and line breaks, U+FFFE, U+FFFF), which text pasted from
/// PDF or Word carries invisibly: one of them makes the whole file
/// unreadable to every XML reader. Markup never contains them, so this is
/// safe on a finished document.
pub fn keep_xml_chars(xml: &mut String) {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    if !xml.chars().all(allowed) {
        xml.retain(allowed);
    }
}

/// A link: absolute from the base URL, else relative to the site root.
fn url(base: Option<&BaseUrl>, relative: &str, absolute_path: &str) -> String {
    match base {
        Some(b) => b.join(absolute_path),
        None => relative.to_string(),
    }
}

fn link(rel: &str, href: &str, mime: &str) -> Link {
    Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Link::default()
    }
}

fn entry(digest: &Digest, date: FixedDateTime, base: Option<&BaseUrl>) -> Entry {
    let dir = story_dir(&digest.slug);
    let page = url(base, &format!("{dir}index.html"), &dir);
    let id = match base {
        Some(_) => page.clone(),
        None => format!("urn:parallax:story:{}", digest.slug),
    };
    let summary = if digest.summary.is_empty() {
        None
    } else {
        Some(Text::plain(digest.summary.clone()))
    };
    Entry {
        title: Text::plain(digest.headline.clone()),
        id,
        updated: date,
        published: Some(date),
        links: vec![link("alternate", &page, "text/html")],
        summary,
        ..Entry::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms_parse() {
        let day = parse_date("2024-03-09").unwrap();
        assert_eq!(day.to_rfc3339(), "2024-03-09T00:00:00+00:00");
        assert!(parse_date("2024-03-09T10:30:00+02:00").is_some());
        assert!(parse_date("Sat, 09 Mar 2024 10:30:00 +0000").is_some());
        assert!(parse_date("2024-03-09 10:30").is_some());
        assert_eq!(parse_date("last Tuesday"), None);
        assert_eq!(parse_date("2024-13-45"), None);
    }

    #[test]
    fn control_characters_leave_the_feed() {
        let mut xml = "<t>a\u{0B}b\u{01}c\u{0}d\u{FFFF}\te\r\nf é</t>".to_string();
        keep_xml_chars(&mut xml);
        assert_eq!(xml, "<t>abcd\te\r\nf é</t>");
    }
}
