//! `sitemap.xml`: every page's absolute URL, sorted, for search engines.
//! Sitemaps need absolute URLs, so one is written only when a base URL is
//! set. `lastmod` comes from the sources' `published` dates (never the
//! clock) and is left out when unknown.

use super::feed::{site_date, story_date};
use super::urls::{BaseUrl, story_dir};
use crate::digest::Digest;
use atom_syndication::FixedDateTime;
use quick_xml::escape::escape;

/// The sitemap of the site's pages.
pub fn sitemap_xml(digests: &[Digest], base: &BaseUrl) -> String {
    let mut pages: Vec<(String, Option<FixedDateTime>)> = vec![(base.join(""), site_date(digests))];
    pages.extend(
        digests
            .iter()
            .map(|d| (base.join(&story_dir(&d.slug)), story_date(d))),
    );
    pages.sort();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, date) in &pages {
        out.push_str("<url><loc>");
        out.push_str(&escape(loc.as_str()));
        out.push_str("</loc>");
        if let Some(d) = date {
            out.push_str("<lastmod>");
            out.push_str(&d.to_rfc3339());
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    super::feed::keep_xml_chars(&mut out);
    out
}
