//! Reading the data files of `data/en/` (the format every list shares).

/// Non-comment, non-empty lines of a data file, split at tabs. Lines
/// starting with `#` are comments (each file states its origin there).
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}
