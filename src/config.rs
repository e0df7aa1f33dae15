//! Site configuration: the optional `parallax.toml`. Unknown keys are
//! rejected by name, so a typo never silently does nothing.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Site title, shown on every page.
    pub title: String,
    /// Absolute URL the site is served from (e.g. `https://user.github.io/repo/`).
    pub base_url: Option<String>,
    /// One-line description of the site.
    pub description: Option<String>,
    /// Page language (`lang` attribute).
    pub language: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Parallax".to_string(),
            base_url: None,
            description: None,
            language: "en".to_string(),
        }
    }
}

impl Config {
    /// Parses a config from TOML text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            Error::Config {
                path: path.to_path_buf(),
                message: match line {
                    Some(l) => format!("line {l}: {}", e.message()),
                    None => e.message().to_string(),
                },
            }
        })
    }

    /// Reads `path` if given, else `parallax.toml` in the working folder if
    /// present, else the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        Config::load_checked(path, &|_| Ok(()))
    }

    /// [`Config::load`], then checks the values with `check`, which returns
    /// the offending key and what is wrong with it. The error names the
    /// file and the key's line, and comes before any work is done. (The
    /// rules for a value live with the stage that uses it, e.g. the base
    /// URL's in `output::urls`, which this module cannot call: `output`
    /// depends on it.)
    pub fn load_checked(path: Option<&Path>, check: &ValueCheck<'_>) -> Result<Config> {
        let default_path = Path::new("parallax.toml");
        let path = match path {
            Some(p) => p,
            None if default_path.is_file() => default_path,
            None => return Ok(Config::default()),
        };
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let config = Config::parse(path, &text)?;
        check(&config).map_err(|(key, message)| Error::Config {
            path: path.to_path_buf(),
            message: match key_line(&text, key) {
                Some(l) => format!("line {l}: {key}: {message}"),
                None => format!("{key}: {message}"),
            },
        })?;
        Ok(config)
    }
}

/// A check of a loaded config's values: `Err((key, problem))` on the first
/// bad one.
pub type ValueCheck<'a> = dyn Fn(&Config) -> std::result::Result<(), (&'static str, String)> + 'a;

/// The 1-based line where `key = ...` is set in TOML `text`, if it is.
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let rest = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
            rest.is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_named() {
        let err = Config::parse(Path::new("parallax.toml"), "title = \"x\"\ntitel = \"y\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("titel"), "{err}");
        assert!(err.contains("parallax.toml"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn a_bad_value_names_the_file_and_line_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("site.toml");
        std::fs::write(&path, "title = \"x\"\n\nbase_url = \"ftp://nope\"\n").unwrap();
        let check: &ValueCheck<'_> = &|c: &Config| match c.base_url.as_deref() {
            Some(u) if u.starts_with("ftp:") => Err(("base_url", "not http(s)".to_string())),
            _ => Ok(()),
        };
        let err = Config::load_checked(Some(&path), check)
            .unwrap_err()
            .to_string();
        assert!(err.contains("site.toml"), "{err}");
        assert!(err.contains("line 3: base_url: not http(s)"), "{err}");
        std::fs::write(&path, "base_url = \"https://x.org/\"\n").unwrap();
        assert!(Config::load_checked(Some(&path), check).is_ok());
    }

    #[test]
    fn key_lines_are_found_only_where_the_key_is_set() {
        let text = "# base_url = \"a\"\ntitle = \"base_url\"\n  base_url  = \"b\"\n";
        assert_eq!(key_line(text, "base_url"), Some(3));
        assert_eq!(key_line("\"base_url\" = \"c\"", "base_url"), Some(1));
        assert_eq!(key_line("base_urls = 1", "base_url"), None);
    }

    #[test]
    fn defaults_fill_missing_keys() {
        let c = Config::parse(Path::new("p.toml"), "title = \"News\"").unwrap();
        assert_eq!(c.title, "News");
        assert_eq!(c.language, "en");
    }
}
