//! Story URLs that never move: the slug each story was given, remembered in
//! `parallax.lock`, a small sorted TOML file. Each build writes it into the
//! output folder (never anywhere else) and reads the previous one from
//! there; a copy committed in the seeds folder takes precedence, so URLs
//! stay pinned where the site is built from a fresh clone (CI, Pages).
//!
//! Why: a story's slug comes from its folder, `story:` key or earliest
//! article, so adding an article that sorts first, or a new folder whose
//! name collides, would otherwise rename a story and break every link
//! already sent. With the lock, a story keeps the slug of the remembered
//! story it shares the most sources with; a story sharing none gets a fresh
//! slug that no remembered story holds. Renaming a folder or `story:` key
//! renames every source id in it, so that (and only that) gives a new URL.
//!
//! Pure: text in, text out; `lib.rs` reads and writes the file.

use std::collections::{BTreeMap, BTreeSet};

/// The file name of the lock (in the output folder; optionally committed
/// in the seeds folder).
pub const LOCK_FILE: &str = "parallax.lock";

/// Remembered slugs: each slug with the source ids of its story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlugLock {
    pub stories: BTreeMap<String, BTreeSet<String>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LockFile {
    #[serde(default)]
    stories: BTreeMap<String, LockEntry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LockEntry {
    sources: Vec<String>,
}

impl SlugLock {
    /// Reads a lock file's text; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: LockFile = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(SlugLock {
            stories: file
                .stories
                .into_iter()
                .map(|(slug, e)| (slug, e.sources.into_iter().collect()))
                .collect(),
        })
    }

    /// The source ids of each remembered story, in slug order: the
    /// membership grouping keeps ([`crate::cluster::group_keeping`]).
    pub fn memberships(&self) -> Vec<BTreeSet<String>> {
        self.stories.values().cloned().collect()
    }

    /// The lock as TOML: slugs and ids sorted, so the same assignment is
    /// the same bytes, and a change shows as a small diff.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(
            "# Written by `parallax build`: the URL (slug) of each story and the\n\
             # sources it had, so story URLs stay put as articles are added.\n\
             # Commit this file. Delete an entry to let that story be renamed.\n",
        );
        for (slug, ids) in &self.stories {
            out.push_str(&format!("\n[stories.{}]\nsources = [\n", quote(slug)));
            for id in ids {
                out.push_str(&format!("  {},\n", quote(id)));
            }
            out.push_str("]\n");
        }
        out
    }
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Gives every story a slug. `members[i]` are story i's source ids and
/// `bases[i]` the slug it would like. Stories take remembered slugs first,
/// greatest overlap first (ties: earlier story, then smaller slug); the
/// rest get their base made unique (`-2`, `-3`…) against every slug taken
/// or remembered. Returns the slugs and the lock to write back (the
/// current stories only, so a removed story frees its slug).
pub fn assign(
    members: &[Vec<String>],
    bases: &[String],
    lock: &SlugLock,
) -> (Vec<String>, SlugLock) {
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    for (slug, ids) in &lock.stories {
        for id in ids {
            owner.entry(id.as_str()).or_insert(slug.as_str());
        }
    }
    let mut pairs: Vec<(usize, usize, &str)> = Vec::new();
    for (i, ids) in members.iter().enumerate() {
        let mut overlap: BTreeMap<&str, usize> = BTreeMap::new();
        for id in ids {
            if let Some(slug) = owner.get(id.as_str()) {
                *overlap.entry(slug).or_insert(0) += 1;
            }
        }
        pairs.extend(overlap.into_iter().map(|(slug, n)| (n, i, slug)));
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    let mut slugs: Vec<Option<String>> = vec![None; members.len()];
    let mut taken: BTreeSet<String> = lock.stories.keys().cloned().collect();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for (_, i, slug) in pairs {
        if slugs[i].is_none() && used.insert(slug) {
            slugs[i] = Some(slug.to_string());
        }
    }
    // A story whose own base is free takes it, so a base that happens to
    // look like another's suffixed form ("a-2") is not pushed aside.
    for (slot, base) in slugs.iter_mut().zip(bases) {
        if slot.is_none() && taken.insert(base.clone()) {
            *slot = Some(base.clone());
        }
    }
    taken.extend(bases.iter().cloned());
    let slugs: Vec<String> = slugs
        .into_iter()
        .zip(bases)
        .map(|(s, base)| {
            s.unwrap_or_else(|| {
                let mut k = 2;
                let mut cand = format!("{base}-{k}");
                while taken.contains(&cand) {
                    k += 1;
                    cand = format!("{base}-{k}");
                }
                taken.insert(cand.clone());
                cand
            })
        })
        .collect();
    let stories = slugs
        .iter()
        .zip(members)
        .map(|(s, ids)| (s.clone(), ids.iter().cloned().collect()))
        .collect();
    (slugs, SlugLock { stories })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn without_a_lock_bases_are_made_unique() {
        let (s, lock) = assign(
            &[v(&["a"]), v(&["b"])],
            &v(&["x", "x"]),
            &SlugLock::default(),
        );
        assert_eq!(s, ["x", "x-2"]);
        let (s, _) = assign(
            &[v(&["a"]), v(&["b"]), v(&["c"])],
            &v(&["a", "a", "a-2"]),
            &SlugLock::default(),
        );
        assert_eq!(s, ["a", "a-3", "a-2"]);
        assert_eq!(lock.stories["x-2"], ["b".to_string()].into());
    }

    #[test]
    fn a_story_keeps_its_slug_when_an_earlier_article_joins() {
        let (_, lock) = assign(&[v(&["b", "c"])], &v(&["b-title"]), &SlugLock::default());
        let (s, lock2) = assign(&[v(&["a", "b", "c"])], &v(&["a-title"]), &lock);
        assert_eq!(s, ["b-title"]);
        assert_eq!(lock2.stories["b-title"].len(), 3);
    }

    #[test]
    fn a_new_story_never_takes_a_remembered_slug() {
        let (_, lock) = assign(
            &[v(&["old/a"])],
            &v(&["harbour-fire"]),
            &SlugLock::default(),
        );
        // A new folder whose name gives the same slug, listed first.
        let (s, _) = assign(
            &[v(&["Harbour Fire/x"]), v(&["old/a"])],
            &v(&["harbour-fire", "something-else"]),
            &lock,
        );
        assert_eq!(s, ["harbour-fire-2", "harbour-fire"]);
    }

    #[test]
    fn a_split_story_gives_the_slug_to_the_larger_part() {
        let (_, lock) = assign(&[v(&["a", "b", "c"])], &v(&["s"]), &SlugLock::default());
        let (s, _) = assign(&[v(&["a"]), v(&["b", "c"])], &v(&["s", "t"]), &lock);
        assert_eq!(s, ["s-2", "s"]);
    }

    #[test]
    fn lock_text_round_trips_and_is_sorted() {
        let (_, lock) = assign(
            &[v(&["z\"q", "b"]), v(&["a"])],
            &v(&["m", "k"]),
            &SlugLock::default(),
        );
        let text = lock.to_toml();
        assert!(text.find("[stories.\"k\"]").unwrap() < text.find("[stories.\"m\"]").unwrap());
        assert_eq!(SlugLock::parse(&text).unwrap(), lock);
        assert!(SlugLock::parse("[stories.x]\nsource = []").is_err());
    }
}
