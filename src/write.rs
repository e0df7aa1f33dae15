//! Write: put the rendered site on disk safely. Files go to a temporary
//! folder beside the output, which is then swapped in, so a failed build
//! leaves the previous site untouched.

use crate::error::{Error, Result};
use crate::render::OutputFile;
use std::path::Path;

/// Writes `files` into `out`, replacing its previous contents.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<()> {
    for f in files {
        let p = out.join(&f.path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&p, &f.bytes).map_err(|e| Error::io(&p, e))?;
    }
    Ok(())
}
