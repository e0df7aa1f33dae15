//! Synthetic large stories for benchmarks and timing harnesses
//! (`benches/pipeline.rs`, `examples/big_story.rs`): one article repeated
//! many times, each copy with other figures, as when every outlet runs the
//! wire copy of one event. Kept in the library so both use one copy.

use crate::model::{Article, Document};

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
        relabel(&mut a, r, renumber);
        for b in a.blocks.iter_mut() {
            b.text = renumber(&b.text, r);
        }
    }
    a
}

/// Gives copy `r` of an article its own path and id (`r{r}/…`, as ingest
/// would name a copy in a folder `r{r}/`) and its title changed by
/// `change`.
fn relabel(a: &mut Article, r: usize, change: fn(&str, usize) -> String) {
    a.path = format!("r{r}/{}", a.path);
    a.id = crate::ingest::id_from_path(&a.path);
    a.title = a.title.as_deref().map(|t| change(t, r));
}

/// A short letter tag for replica `r` ("a", "b", … "ba", …).
fn tag(mut r: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'a' + (r % 26) as u8));
        r /= 26;
        if r == 0 {
            break;
        }
    }
    out.into_iter().rev().collect()
}

/// The text with every capitalised word suffixed by replica `r`'s tag and
/// every digit run prefixed by its number: new names, new figures, so each
/// replica of a collection reports other events of the same kinds (for
/// grouping benchmarks, where replicas must not merge).
pub fn perturb(text: &str, r: usize) -> String {
    let suffix = format!("q{}", tag(r));
    let text = renumber(text, r);
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        let next_alnum = chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphabetic() && !next_alnum && last_word_capitalised(&out) {
            out.push_str(&suffix);
        }
    }
    out
}

/// Does the last word of `s` start with a capital letter?
fn last_word_capitalised(s: &str) -> bool {
    s.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// `copies` replicas of a segmented collection, each with its own names
/// and figures (round 0 is the collection itself), named as ingest would
/// name copies in folders `r{r}/`.
pub fn replicas(base: &[Document], copies: usize) -> Vec<Document> {
    let mut out = Vec::with_capacity(base.len() * copies);
    for r in 0..copies {
        for d in base {
            let mut d = d.clone();
            if r > 0 {
                relabel(&mut d.article, r, perturb);
                for b in d.blocks.iter_mut().chain(d.article.blocks.iter_mut()) {
                    b.text = perturb(&b.text, r);
                }
            }
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perturb_renames_names_and_renumbers_figures() {
        assert_eq!(
            perturb("Ana Ruiz said 12 died in Lima.", 1),
            "Anaqb Ruizqb said 212 died in Limaqb."
        );
        assert_eq!(perturb("no change", 0), "no change");
    }

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
