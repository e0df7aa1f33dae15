//! Former home of the word utilities, now [`crate::nlp::tokens`] and
//! [`crate::nlp::quotemarks`]. These re-exports keep the stages that have
//! not moved yet compiling; new code uses `crate::nlp` directly.

pub use crate::nlp::quotemarks::is_double_quote;
pub use crate::nlp::tokens::{
    Token as Word, content_stems, fold, is_stop, normalise_word, stem, words,
};
