//! Stable membership: adding articles never moves an article that an
//! earlier build already placed.
//!
//! Grouping by content is a global computation: IDF weights, average
//! linkage and the time and people vetoes all shift a little when articles
//! join the collection. Measured on ECB+ (build 90% of the articles, then
//! all of them), 13.5% of the old articles changed story-mates, and fewer
//! than half of those changes were corrections (98 linked pairs became
//! right, 115 became wrong). An editor who has sent a story's link around
//! cannot have its articles reshuffled because unrelated articles arrived.
//!
//! So the previous build's membership (remembered in `parallax.lock`, see
//! [`crate::slugs`]) is kept, and fresh grouping of the whole collection
//! changes it only where it brings evidence:
//! - articles a previous story held stay together, except that a part of
//!   at least `split_min` of them that fresh grouping now puts elsewhere
//!   splits off (two articles agreeing is evidence; one straggler is not);
//! - two previous stories of several articles stay apart (merging them
//!   would change both stories' pages); a lone article of the previous
//!   build joins the story fresh grouping now puts it with, which takes no
//!   article away from its story-mates;
//! - a new article joins the kept story whose articles fresh grouping puts
//!   it with most often; new articles grouped only with each other form new
//!   stories, as grouped;
//! - a previous story whose articles were all removed is gone.
//!
//! Measured on ECB+ built in steps ([`crate::params::ClusterParams::keep_split_min`]):
//! B-cubed F1 stays within 0.013 of one clean build, and on a 90% -> 100%
//! step 4.2% of the old articles change story-mates instead of 13.5%.
//!
//! Only the previous stories new articles come near are regrouped
//! ([`crate::cluster::group_keeping`]): the fresh grouping (and so this
//! module) sees the new articles and every article of each previous story
//! holding one of their candidate partners; every other previous story is
//! kept as it was, since nothing new bears on it. So a rebuild after adding
//! one article regroups a few stories, and the result depends only on the
//! articles and the lock, never on a cache. On ECB+ built in steps every
//! story is near some new article (a new article proposes up to
//! `max_candidates` partners), so the figures above are unchanged.
//!
//! The fresh grouping remains the judge for new articles, and deleting the
//! lock (or an entry of it) lets the whole collection, or that story, be
//! grouped afresh: the same trade as a package lock file. Pure: index
//! lists and ids in, index lists out; every tie is broken by the smaller
//! index, so the result does not depend on thread count or input order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A kept story: the previous story and the fresh group its part is in.
type Kept = (usize, usize);

/// Regroups `groups` (index lists into `ids`, as fresh grouping made them)
/// so that the members of each `previous` story (ids, in any order) that
/// are present stay together and apart from every other previous story.
/// Returns the groups sorted by their smallest index, each sorted.
pub fn keep_previous(
    groups: Vec<Vec<usize>>,
    ids: &[&str],
    previous: &[BTreeSet<String>],
    split_min: usize,
) -> Vec<Vec<usize>> {
    if previous.is_empty() {
        return groups;
    }
    let was = previous_story(ids, previous);
    let group_of: Vec<usize> = {
        let mut g = vec![0; ids.len()];
        for (k, members) in groups.iter().enumerate() {
            for &i in members {
                g[i] = k;
            }
        }
        g
    };
    // Each previous story's present members, by the fresh group they are in.
    let mut parts: BTreeMap<usize, BTreeMap<usize, usize>> = BTreeMap::new();
    for (i, p) in was.iter().enumerate() {
        if let Some(p) = *p {
            *parts.entry(p).or_default().entry(group_of[i]).or_default() += 1;
        }
    }
    // A previous story stays whole, except that a part of at least
    // `split_min` of its articles that fresh grouping puts elsewhere splits
    // off: that is evidence, one straggler is not.
    let main: BTreeMap<usize, usize> = parts
        .iter()
        .map(|(&p, by_group)| (p, most(by_group.iter().map(|(&g, &n)| (g, n))).unwrap_or(0)))
        .collect();
    let old: Vec<Option<Kept>> = was
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let p = (*p)?;
            let g = group_of[i];
            let stays = g == main[&p] || parts[&p][&g] < split_min;
            Some((p, if stays { main[&p] } else { g }))
        })
        .collect();
    // Kept stories (by previous story and part) and new ones (by fresh group).
    let mut kept: BTreeMap<Kept, Vec<usize>> = BTreeMap::new();
    let mut fresh: Vec<Vec<usize>> = Vec::new();
    for group in groups {
        let mut votes: BTreeMap<Kept, usize> = BTreeMap::new();
        for &i in &group {
            if let Some(k) = old[i] {
                *votes.entry(k).or_default() += 1;
            }
        }
        // The most-voted kept story; ties go to the earlier one.
        let home = most(votes.into_iter());
        let mut newcomers = Vec::new();
        for i in group {
            match old[i] {
                Some(k) => kept.entry(k).or_default().push(i),
                None => newcomers.push(i),
            }
        }
        match home {
            Some(k) => kept.entry(k).or_default().extend(newcomers),
            None if !newcomers.is_empty() => fresh.push(newcomers),
            None => {}
        }
    }
    // A lone article of the previous build (one nobody was grouped with)
    // joins the kept story fresh grouping now puts it with: that takes no
    // article away from its story-mates.
    let mut olds_in: BTreeMap<usize, Vec<(Kept, usize)>> = BTreeMap::new();
    for (k, members) in &kept {
        let olds: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| old[i].is_some())
            .collect();
        let g = group_of[olds[0]];
        if olds.iter().all(|&i| group_of[i] == g) {
            olds_in.entry(g).or_default().push((*k, olds.len()));
        }
    }
    for keys in olds_in.values() {
        let Some(host) = most(keys.iter().copied()) else {
            continue;
        };
        if keys.iter().any(|&(k, n)| k == host && n < split_min) {
            continue;
        }
        for (k, _) in keys.iter().filter(|(k, n)| *n == 1 && *k != host) {
            let lone = kept.remove(k).unwrap_or_default();
            kept.entry(host).or_default().extend(lone);
        }
    }
    let mut out: Vec<Vec<usize>> = kept.into_values().chain(fresh).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_by_key(|g| g[0]);
    out
}

/// Which previous story each id was in (the first that lists it), if any.
pub fn previous_story(ids: &[&str], previous: &[BTreeSet<String>]) -> Vec<Option<usize>> {
    let mut was_in: HashMap<&str, usize> = HashMap::new();
    for (p, members) in previous.iter().enumerate() {
        for id in members {
            was_in.entry(id.as_str()).or_insert(p);
        }
    }
    ids.iter().map(|id| was_in.get(id).copied()).collect()
}

/// The key with the largest count; ties go to the smallest key.
fn most<K: Ord + Copy>(counts: impl Iterator<Item = (K, usize)>) -> Option<K> {
    counts
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`keep_previous`] with the default `split_min` of two.
    fn keep(groups: Vec<Vec<usize>>, ids: &[&str], previous: &[&[&str]]) -> Vec<Vec<usize>> {
        let previous: Vec<BTreeSet<String>> = previous
            .iter()
            .map(|s| s.iter().map(|id| id.to_string()).collect())
            .collect();
        keep_previous(groups, ids, &previous, 2)
    }

    #[test]
    fn without_a_previous_build_the_fresh_grouping_stands() {
        let groups = vec![vec![0, 2], vec![1]];
        assert_eq!(keep(groups.clone(), &["a", "b", "c"], &[]), groups);
    }

    #[test]
    fn one_straggler_does_not_split_a_story() {
        // Fresh grouping put b elsewhere; one article is not evidence.
        let out = keep(
            vec![vec![0, 2], vec![1]],
            &["a", "b", "c"],
            &[&["a", "b", "c"]],
        );
        assert_eq!(out, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn two_articles_grouped_elsewhere_split_off() {
        let ids = ["a", "b", "c", "d", "e"];
        let out = keep(vec![vec![0, 1, 2], vec![3, 4]], &ids, &[&ids]);
        assert_eq!(out, vec![vec![0, 1, 2], vec![3, 4]]);
    }

    #[test]
    fn stories_of_several_articles_stay_apart_when_fresh_grouping_merges_them() {
        let ids = ["a1", "a2", "b1", "b2", "new"];
        let out = keep(
            vec![vec![0, 1, 2, 3, 4]],
            &ids,
            &[&["a1", "a2"], &["b1", "b2"]],
        );
        // The newcomer goes with the tie's earlier story.
        assert_eq!(out, vec![vec![0, 1, 4], vec![2, 3]]);
    }

    #[test]
    fn a_lone_article_joins_the_story_fresh_grouping_now_puts_it_with() {
        let ids = ["a1", "a2", "lone", "new"];
        let out = keep(vec![vec![0, 1, 2, 3]], &ids, &[&["a1", "a2"], &["lone"]]);
        assert_eq!(out, vec![vec![0, 1, 2, 3]]);
        // Two lone articles do not make a story by themselves.
        let out = keep(vec![vec![0, 1]], &["x", "y"], &[&["x"], &["y"]]);
        assert_eq!(out, vec![vec![0], vec![1]]);
    }

    #[test]
    fn a_new_article_joins_the_story_fresh_grouping_puts_it_with() {
        let ids = ["a1", "a2", "b1", "b2", "new"];
        let previous: &[&[&str]] = &[&["a1", "a2"], &["b1", "b2"]];
        let out = keep(vec![vec![0, 1], vec![2, 3, 4]], &ids, previous);
        assert_eq!(out, vec![vec![0, 1], vec![2, 3, 4]]);
        // Fresh grouping moved a1 (a straggler) and the newcomer in with b:
        // a1 stays home, the newcomer joins b, whose articles it is with.
        let out = keep(vec![vec![0, 2, 3, 4], vec![1]], &ids, previous);
        assert_eq!(out, vec![vec![0, 1], vec![2, 3, 4]]);
    }

    #[test]
    fn new_articles_grouped_only_with_each_other_form_a_new_story() {
        let ids = ["a", "n1", "n2", "n3"];
        let out = keep(vec![vec![0], vec![1, 2], vec![3]], &ids, &[&["a"]]);
        assert_eq!(out, vec![vec![0], vec![1, 2], vec![3]]);
    }

    #[test]
    fn removed_articles_and_unknown_ids_in_the_lock_do_no_harm() {
        let previous: &[&[&str]] = &[&["gone1", "gone2"], &["a", "gone3"]];
        let out = keep(vec![vec![0, 1]], &["a", "n"], previous);
        assert_eq!(out, vec![vec![0, 1]]);
    }
}
