//! Render: turn digests into the site's files (HTML pages, digest.json,
//! stylesheet) in memory. Templates are Tera; the defaults are built into the
//! binary and a project's own `templates/` folder overrides them by name.

use crate::config::Config;
use crate::digest::Digest;
use crate::error::Result;
use std::path::PathBuf;

/// One file of the site, path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Template sources: the embedded defaults, overridden by `templates/` files.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// (name, source) pairs that replace the defaults of the same name.
    pub overrides: Vec<(String, String)>,
}

/// Renders the whole site.
pub fn render(
    digests: &[Digest],
    config: &Config,
    templates: &Templates,
) -> Result<Vec<OutputFile>> {
    let _ = (config, templates);
    let mut files = Vec::new();
    for d in digests {
        files.push(OutputFile {
            path: PathBuf::from(format!("stories/{}/digest.json", d.slug)),
            bytes: serde_json::to_vec_pretty(d).expect("digest serialises"),
        });
    }
    Ok(files)
}

impl Templates {
    /// Reads `*.html` (and other) template files from `dir`, or from
    /// `templates/` when `dir` is `None` and that folder exists.
    pub fn load(dir: Option<&std::path::Path>) -> Result<Templates> {
        let _ = dir;
        Ok(Templates::default())
    }
}
