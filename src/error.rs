//! Errors and warnings. Every message names the file it is about, and the
//! line where there is one, so a user can go straight to the problem.

use std::fmt;
use std::path::PathBuf;

/// A problem with one input file. In a normal build it is a warning and the
/// file is skipped; with `--strict` any diagnostic fails the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// A failure that stops the build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Input(Diagnostic),
    #[error("{count} problem(s) in the input (strict mode):\n{list}")]
    Strict { count: usize, list: String },
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    #[error("{path}: {message}")]
    Output { path: PathBuf, message: String },
}

impl Error {
    /// An I/O error that names its path (as mdBook does).
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
