//! One file of the site, as the output stage hands it to `write`.

use std::path::PathBuf;

/// One file of the site, path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Where rendered files go ([`crate::output::render_each`]): called from
/// several threads at once.
pub type Emit<'a> = dyn Fn(OutputFile) -> crate::error::Result<()> + Sync + 'a;

/// A text file at `path` (relative to the output folder).
pub fn text_file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: PathBuf::from(path),
        bytes: text.into_bytes(),
    }
}
