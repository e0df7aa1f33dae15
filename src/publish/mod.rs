//! Publish: the files that take a built site to where readers are, beside
//! the HTML pages that `render` makes.
//!
//! - GitHub Pages: `.nojekyll`, an Atom `feed.xml`, a sorted `sitemap.xml`
//!   (only with a base URL: sitemaps need absolute URLs).
//! - Newsletters: per story `email.txt` (plain text; `email.html` is a
//!   template, rendered by `render` and inlined by [`email`]).
//! - Pull-request review: per story `digest.md`, one item per line.
//!
//! Everything here is a pure function of the digests and the config: no
//! clock, no I/O.

pub mod email;
pub mod feed;
pub mod markdown;
pub mod plain;
pub mod sitemap;
pub mod urls;

use crate::config::Config;
use crate::digest::Digest;
use crate::render::OutputFile;
use std::path::PathBuf;
use urls::{BaseUrl, story_dir};

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

/// The publishing files that need no templates.
pub fn site_files(digests: &[Digest], config: &Config, base: Option<&BaseUrl>) -> Vec<OutputFile> {
    let mut files = vec![file(".nojekyll", String::new())];
    if let Some(xml) = feed::feed_xml(digests, config, base) {
        files.push(file("feed.xml", xml));
    }
    if let Some(b) = base {
        files.push(file("sitemap.xml", sitemap::sitemap_xml(digests, b)));
    }
    for d in digests {
        let dir = story_dir(&d.slug);
        files.push(file(&format!("{dir}digest.md"), markdown::digest_md(d)));
        let page = story_link(base, &d.slug);
        files.push(file(&format!("{dir}email.txt"), plain::email_txt(d, &page)));
    }
    files
}

fn file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: PathBuf::from(path),
        bytes: text.into_bytes(),
    }
}
