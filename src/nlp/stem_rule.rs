//! Which words are stemmed, and how: the one rule, shared by
//! `tokens::stem` and the build script (`build.rs`, which stems the
//! WordNet table's words once when Parallax is compiled, so that no build
//! of a site stems them at start-up; issue 15). This file names no other
//! module of the crate, so the build script can include it as it is.

use rust_stemmers::Stemmer;

/// Is a normalised word kept as it is rather than stemmed? Comparison
/// forms with an underscore (`us_country`) and words with a digit are.
pub fn is_kept(norm: &str) -> bool {
    norm.contains('_') || norm.chars().any(|c| c.is_ascii_digit())
}

/// The stem of a normalised word by `stemmer` (English Snowball), or the
/// word itself when [`is_kept`].
pub fn stem_with(stemmer: &Stemmer, norm: &str) -> String {
    if is_kept(norm) {
        return norm.to_string();
    }
    stemmer.stem(norm).into_owned()
}
