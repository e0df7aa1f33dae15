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
        let default_path = Path::new("parallax.toml");
        let path = match path {
            Some(p) => p,
            None if default_path.is_file() => default_path,
            None => return Ok(Config::default()),
        };
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Config::parse(path, &text)
    }
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
    fn defaults_fill_missing_keys() {
        let c = Config::parse(Path::new("p.toml"), "title = \"News\"").unwrap();
        assert_eq!(c.title, "News");
        assert_eq!(c.language, "en");
    }
}
