//! The site's base URL: where the site is served from, e.g.
//! `https://user.github.io/repo/`. Pages keep relative links (so they work
//! from disk and under any subpath); only the files read elsewhere — feed,
//! sitemap, email, canonical links, the 404 page — use absolute URLs built
//! from it.

use crate::error::{Error, Result};
use std::path::PathBuf;

/// A checked base URL: `http(s)://host[/path]/`, always ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Checks and normalises a base URL (adds the trailing `/`). Blank text
    /// means "no base URL".
    pub fn parse(text: &str) -> Result<Option<BaseUrl>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let lower = text.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        let host_ok = rest.is_some_and(|r| {
            let host = r.split('/').next().unwrap_or("");
            !host.is_empty()
        });
        let clean = !text
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '?' | '#' | '\\'));
        if !host_ok || !clean {
            return Err(Error::Config {
                path: PathBuf::from("base_url"),
                message: format!(
                    "{text:?} is not a usable base URL: expected http(s)://host/path/ without query or fragment"
                ),
            });
        }
        let mut url = text.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(Some(BaseUrl(url)))
    }

    /// The URL itself, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The absolute URL of a site path (`stories/x/`, `feed.xml`, `""`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path.trim_start_matches('/'))
    }

    /// The path part, starting and ending in `/` (`/repo/`, or `/`).
    pub fn path(&self) -> &str {
        let after_scheme = self.0.split_once("://").map_or("", |(_, r)| r);
        match after_scheme.find('/') {
            Some(i) => &after_scheme[i..],
            None => "/",
        }
    }
}

/// A story page's folder, relative to the site root: every file of a
/// story stands in it.
pub fn story_dir(slug: &str) -> String {
    format!("stories/{slug}/")
}

/// The story page's URL as written in files read outside the site (email):
/// absolute with a base URL, else relative to the story's own folder.
pub fn story_link(base: Option<&BaseUrl>, slug: &str) -> String {
    match base {
        Some(b) => b.join(&story_dir(slug)),
        None => "index.html".to_string(),
    }
}

/// The front page's URL as seen from a story folder.
pub fn home_link(base: Option<&BaseUrl>) -> String {
    match base {
        Some(b) => b.join(""),
        None => "../../index.html".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_trailing_slash_and_keeps_subpath() {
        let b = BaseUrl::parse("https://ann.github.io/news")
            .unwrap()
            .unwrap();
        assert_eq!(b.as_str(), "https://ann.github.io/news/");
        assert_eq!(b.path(), "/news/");
        assert_eq!(b.join("/feed.xml"), "https://ann.github.io/news/feed.xml");
    }

    #[test]
    fn root_site_has_root_path() {
        let b = BaseUrl::parse("http://127.0.0.1:8000").unwrap().unwrap();
        assert_eq!(b.path(), "/");
    }

    #[test]
    fn blank_is_none_and_junk_is_an_error() {
        assert_eq!(BaseUrl::parse("  ").unwrap(), None);
        assert!(BaseUrl::parse("ftp://x/").is_err());
        assert!(BaseUrl::parse("https:///x").is_err());
        assert!(BaseUrl::parse("https://x/\"><script>").is_err());
    }
}
