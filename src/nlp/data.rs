//! Reading the data files of `data/en/` (the format every list shares).

use std::collections::HashSet;
use std::hash::{BuildHasher, Hash};

/// Non-comment, non-empty lines of a data file, split at tabs. Lines
/// starting with `#` are comments (each file states its origin there).
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The words of a one-word-a-line data file (its first column, when it has
/// more).
pub(crate) fn word_set<S: BuildHasher + Default>(data: &'static str) -> HashSet<&'static str, S> {
    rows(data).filter_map(|r| r.first().copied()).collect()
}

/// The (word, class) pairs of a two-column data file whose second column
/// names a class: `class_of` reads a class name. A class it does not know
/// is a mistake in the file, named with its `file` name, at first use.
pub(crate) fn classed<M: Eq + Hash, S: BuildHasher + Default>(
    data: &'static str,
    file: &str,
    class_of: impl Fn(&str) -> Option<M>,
) -> HashSet<(&'static str, M), S> {
    rows(data)
        .map(|r| {
            let class = r.get(1).copied().unwrap_or("");
            match class_of(class) {
                Some(m) => (r[0], m),
                None => panic!("{file}: unknown class {class:?}"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classed_rows_pair_each_word_with_its_class() {
        let data = "# origin\nalpha\tone\n\nbeta\ttwo\n";
        let set: HashSet<_> = classed(data, "test.tsv", |c| match c {
            "one" => Some(1),
            "two" => Some(2),
            _ => None,
        });
        assert_eq!(set, HashSet::from([("alpha", 1), ("beta", 2)]));
    }

    #[test]
    #[should_panic(expected = "test.tsv: unknown class \"three\"")]
    fn an_unknown_class_names_the_file() {
        let _: HashSet<_> = classed("gamma\tthree\n", "test.tsv", |c| (c == "one").then_some(1));
    }
}
