//! Newsletter HTML: the rendered `email.html` template has its `<style>`
//! block inlined onto the elements (css-inline), since most mail clients
//! drop stylesheets. Only `@media` rules, which cannot be inlined (the
//! dark-mode colours), stay behind in a `<style>` block for the clients
//! that read it; every other client still gets explicit light colours.

use crate::error::{Error, Result};
use std::path::PathBuf;

/// Inlines the page's `<style>` rules into `style` attributes, keeping
/// `@media` rules in a `<style>` block. Never fetches anything.
pub fn inline_css(html: &str, name: &str) -> Result<String> {
    let inliner = css_inline::CSSInliner::options()
        .keep_at_rules(true)
        .load_remote_stylesheets(false)
        .build();
    let inlined = inliner.inline(html).map_err(|e| Error::Output {
        path: PathBuf::from(name),
        message: format!("cannot inline the e-mail's CSS: {e}"),
    })?;
    Ok(style_to_head_end(&inlined))
}

/// css-inline puts the kept `@media` rules first in `<head>`; moving them
/// to its end keeps `<meta charset>` early and puts each tag on its line.
fn style_to_head_end(html: &str) -> String {
    let (Some(start), Some(head_end)) = (html.find("<style>"), html.find("</head>")) else {
        return html.to_string();
    };
    let Some(len) = html[start..].find("</style>").map(|i| i + "</style>".len()) else {
        return html.to_string();
    };
    if start + len > head_end {
        return html.to_string();
    }
    let style = &html[start..start + len];
    let before = html[..start]
        .replace("<head>", "\n<head>\n")
        .replace("\n\n", "\n");
    format!(
        "{before}{}{style}\n{}",
        &html[start + len..head_end],
        &html[head_end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_move_onto_elements_and_media_queries_stay() {
        let html = "<html><head><style>p.x { color: #111111 } @media (prefers-color-scheme: dark) { p.x { color: #eeeeee !important } }</style></head><body><p class=\"x\">Hi</p></body></html>";
        let out = inline_css(html, "t").unwrap();
        assert!(out.contains("style=\"color: #111111"), "{out}");
        assert!(out.contains("@media (prefers-color-scheme: dark)"), "{out}");
        let style = out.find("<style>").unwrap();
        assert!(out.find("<body").unwrap() > style);
        assert!(out.find("</head>").unwrap() > style);
    }
}
