//! Synthetic large stories for benchmarks and timing harnesses
//! (`benches/pipeline.rs`, `examples/big_story.rs`): one article repeated
//! many times, each copy with other figures, as when every outlet runs the
//! wire copy of one event. Kept in the library so both use one copy.

use crate::model::Article;

/// Every digit run of `text` prefixed with `r`'s digit (1–9): the same
/// text reporting other figures.
pub fn renumber(text: &str, r: usize) -> String {
    let prefix = char::from(b'1' + (r % 9) as u8);
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev_alnum = false;
    for c in text.chars() {
        if c.is_ascii_digit() && !prev_alnum {
            out.push(prefix);
        }
        out.push(c);
        prev_alnum = c.is_alphanumeric();
    }
    out
}

/// Copy `r` of an article: round 0 is the article itself; later rounds get
/// their own path and id (`r{r}/…`) and renumbered title and text.
pub fn repeat(article: &Article, r: usize) -> Article {
    let mut a = article.clone();
    if r > 0 {
        a.path = format!("r{r}/{}", a.path);
        a.id = crate::ingest::id_from_path(&a.path);
        a.title = a.title.map(|t| renumber(&t, r));
        for b in a.blocks.iter_mut() {
            b.text = renumber(&b.text, r);
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumber_prefixes_digit_runs_only() {
        assert_eq!(renumber("7 dead, 12 hurt", 1), "27 dead, 212 hurt");
        assert_eq!(renumber("on 3.5 km", 10), "on 23.25 km");
        assert_eq!(
            renumber("G7 summit", 3),
            "G7 summit",
            "digits inside a word stay"
        );
        assert_eq!(renumber("no figures", 4), "no figures");
    }
}
