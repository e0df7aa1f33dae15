//! Output: every file of the site, made from the digests one file at a
//! time and handed on ([`render_each`]; `write` puts each into a temporary
//! folder and swaps the whole site in only once every page has rendered).
//! This stage owns every path of the site:
//!
//! - [`pages`]: the HTML pages (front page, story pages, `404.html`,
//!   `email.html`) from Tera templates over typed views (`view`), the stylesheet,
//!   and each story's `digest.json` (the contract, see [`crate::digest`]);
//! - [`feed`] (`feed.xml`, Atom) and [`sitemap`] (`sitemap.xml`, only with a
//!   base URL: sitemaps need absolute URLs), and `.nojekyll` for GitHub Pages;
//! - newsletters: [`email`] inlines the stylesheet into `email.html`,
//!   [`plain`] writes `email.txt`;
//! - pull-request review: [`markdown`] writes `digest.md`, one item per line;
//! - [`urls`]: the base URL, story folders and the links between files.
//!
//! Everything here is a pure function of the digests, the config and the
//! templates: no clock, no I/O (only [`Templates::load`] reads a folder).
//! The submodules never import this one, so the stage has no cycle: this
//! file only puts the parts together.

pub mod email;
pub mod feed;
mod file;
mod includes;
pub mod markdown;
pub mod pages;
pub mod plain;
pub mod sitemap;
pub mod urls;
pub(crate) mod view;
mod worddiff;

use crate::config::Config;
use crate::digest::Digest;
use crate::error::Result;
pub use file::text_file;
pub use file::{Emit, OutputFile};
pub use pages::Templates;
use urls::{BaseUrl, story_dir, story_link};

/// Renders the whole site: every file, sorted by path.
pub fn render(
    digests: &[Digest],
    config: &Config,
    templates: &Templates,
) -> Result<Vec<OutputFile>> {
    let files = std::sync::Mutex::new(Vec::new());
    render_each(digests, config, templates, &|f| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Renders the whole site, handing each file to `emit` as soon as it is
/// made (in no particular order, from several threads at once: the files
/// of one story come from one thread, in a fixed order), so the caller can
/// write it and let it go: a site of thousands of stories is never held in
/// memory whole. An error from `emit` stops the rendering (the error
/// returned is that of the first story in order that had one).
pub fn render_each(
    digests: &[Digest],
    config: &Config,
    templates: &Templates,
    emit: &Emit<'_>,
) -> Result<()> {
    render_each_but(digests, config, templates, &|_| false, emit)
}

/// [`render_each`] without the files of the stories `skip` names (by
/// index): the files of one story (everything in its folder) depend only
/// on its digest and on [`story_context`], so a caller that still has
/// them from an earlier build with the same context reuses them instead.
pub fn render_each_but(
    digests: &[Digest],
    config: &Config,
    templates: &Templates,
    skip: &(dyn Fn(usize) -> bool + Sync),
    emit: &Emit<'_>,
) -> Result<()> {
    pages::check_slugs(digests)?;
    let base = BaseUrl::parse(config.base_url.as_deref().unwrap_or(""))?;
    let feed = feed::feed_xml(digests, config, base.as_ref());
    pages::pages(
        digests,
        config,
        templates,
        base.as_ref(),
        feed.is_some(),
        skip,
        emit,
    )?;
    text_files(digests, base.as_ref(), feed, skip, emit)
}

/// Everything besides its digest that a story's files depend on: the
/// config, the base URL, whether the site has a feed, and every template.
/// Two builds with the same context render a digest to the same files.
pub fn story_context(digests: &[Digest], config: &Config, templates: &Templates) -> Result<String> {
    let base = BaseUrl::parse(config.base_url.as_deref().unwrap_or(""))?;
    let feed = feed::feed_xml(digests, config, base.as_ref()).is_some();
    let site = view::SiteView::new(config, base.as_ref(), feed);
    let site = serde_json::to_string(&site).unwrap_or_default();
    let templates = serde_json::to_string(&templates.sources()).unwrap_or_default();
    // The whole config too, so a key added to it later is never missed.
    Ok(format!("{config:?}\n{site}\n{templates}"))
}

/// The files that need no templates: `.nojekyll`, the feed, the sitemap,
/// and per story `digest.md` and `email.txt`.
fn text_files(
    digests: &[Digest],
    base: Option<&BaseUrl>,
    feed: Option<String>,
    skip: &(dyn Fn(usize) -> bool + Sync),
    emit: &Emit<'_>,
) -> Result<()> {
    emit(text_file(".nojekyll", String::new()))?;
    if let Some(xml) = feed {
        emit(text_file("feed.xml", xml))?;
    }
    if let Some(b) = base {
        emit(text_file("sitemap.xml", sitemap::sitemap_xml(digests, b)))?;
    }
    use rayon::prelude::*;
    let todo: Vec<&Digest> = digests
        .iter()
        .enumerate()
        .filter(|&(i, _)| !skip(i))
        .map(|(_, d)| d)
        .collect();
    let done: Vec<Result<()>> = todo
        .par_iter()
        .map(|d| {
            let dir = story_dir(&d.slug);
            emit(text_file(
                &format!("{dir}digest.md"),
                markdown::digest_md(d),
            ))?;
            let page = story_link(base, &d.slug);
            emit(text_file(
                &format!("{dir}email.txt"),
                plain::email_txt(d, &page),
            ))
        })
        .collect();
    done.into_iter().collect()
}
