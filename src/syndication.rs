//! Syndication: which articles of a story are copies of one report.
//!
//! Outlets often run the same wire text (an agency's report, whole or
//! trimmed, lightly edited, with a new headline). Counted as separate
//! sources, three copies make one report look like three outlets agreeing.
//! This stage finds them so readers see how many *independent* reports
//! agree ("4 of 6 sources, 3 independent reports"); the digest's sources
//! and support are left as they are.
//!
//! Method: each article's body (its sentences, not its headline) becomes
//! the set of its word shingles (runs of [`SyndicationParams::shingle_words`]
//! lower-cased words, hashed). Two articles are copies when the shared
//! shingles cover at least [`SyndicationParams::containment`] of the
//! smaller set (containment rather than Jaccard, so a trimmed copy still
//! counts), and both have at least [`SyndicationParams::min_shingles`]
//! (too short a text cannot tell). Independent reports of one event share
//! names and short phrases, rarely long runs of words.
//!
//! Articles are taken in story order; each joins the earlier group whose
//! first article it overlaps most, else starts a group. Candidates come
//! from an inverted index over the groups' first articles, so the cost
//! grows with the shingles shared, not with the square of the story.
//! Plain data in (texts) and out (per text, the index of the text it
//! copies); deterministic.

use crate::model::Story;
use crate::params::SyndicationParams;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// Per text, `Some(j)` when it is a copy of text `j` (the first text of
/// its group, always earlier), else `None`: it is a report of its own.
pub fn copies(texts: &[&str], params: &SyndicationParams) -> Vec<Option<usize>> {
    let sets: Vec<Vec<u64>> = texts
        .iter()
        .map(|t| shingles(t, params.shingle_words))
        .collect();
    let mut out = vec![None; texts.len()];
    // Shingle → the group heads containing it.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, set) in sets.iter().enumerate() {
        if set.len() < params.min_shingles {
            continue;
        }
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for h in set {
            for &head in index.get(h).into_iter().flatten() {
                *shared.entry(head).or_insert(0) += 1;
            }
        }
        let best = shared
            .into_iter()
            .map(|(head, n)| (head, n as f64 / set.len().min(sets[head].len()) as f64))
            .filter(|&(_, c)| c >= params.containment)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((head, _)) => out[i] = Some(head),
            None => {
                for &h in set {
                    index.entry(h).or_default().push(i);
                }
            }
        }
    }
    out
}

/// [`copies`] over the bodies of a story's documents, in story order.
pub fn story_copies(story: &Story, params: &SyndicationParams) -> Vec<Option<usize>> {
    let bodies: Vec<String> = story
        .docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
    copies(&refs, params)
}

/// The sorted, distinct hashes of every run of `n` words of `text` (words:
/// runs of letters and digits, lower-cased; FNV-1a, so the same on every
/// machine).
fn shingles(text: &str, n: usize) -> Vec<u64> {
    // A word of lower-case ASCII letters and digits is its own lower case:
    // borrowed, not copied (most words of a text).
    let words: Vec<std::borrow::Cow<'_, str>> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                std::borrow::Cow::Borrowed(w)
            } else {
                std::borrow::Cow::Owned(w.to_lowercase())
            }
        })
        .collect();
    let mut out: Vec<u64> = words
        .windows(n.max(1))
        .map(|run| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in run.iter().flat_map(|w| w.bytes().chain([b' '])) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Wladimir Klitschko stopped Tony Thompson in the sixth round to \
        retain his WBA, IBF and WBO heavyweight title belts on Saturday. Klitschko put \
        Thompson on the canvas with a big right hand near the end of the fifth round at \
        Stade de Suisse, and the 40-year-old American never recovered. The Ukrainian \
        champion dropped Thompson again in the sixth, and referee Sam Williams stopped \
        the fight. It was the champion's 15th straight win since 2004.";

    fn groups(texts: &[&str]) -> Vec<Option<usize>> {
        copies(texts, &SyndicationParams::default())
    }

    #[test]
    fn identical_and_lightly_edited_copies_group() {
        let edited = WIRE
            .replace("on Saturday", "Saturday night")
            .replace("40-year-old American", "40-year-old American southpaw");
        assert_eq!(groups(&[WIRE, WIRE, &edited]), [None, Some(0), Some(0)]);
    }

    #[test]
    fn a_trimmed_copy_with_a_local_line_groups() {
        let trimmed = format!(
            "{} Fans in Bern cheered late into the night.",
            WIRE.split(". The Ukrainian").next().unwrap()
        );
        assert_eq!(groups(&[WIRE, &trimmed]), [None, Some(0)]);
    }

    #[test]
    fn independent_reports_of_one_event_do_not_group() {
        let other = "Tony Thompson lasted until the sixth round in Bern before \
            Wladimir Klitschko ended the heavyweight title bout. The American had \
            been knocked down late in the fifth and never found his footing, \
            according to ringside judges. Klitschko, who keeps the WBA, IBF and \
            WBO belts, said afterwards that he expected a tougher night against \
            a man he had already beaten once, in 2008.";
        assert_eq!(groups(&[WIRE, other]), [None, None]);
    }

    #[test]
    fn a_shared_quotation_alone_does_not_make_a_copy() {
        let quote = "\"He was a tough opponent, and I respect him for coming back \
            to fight me a second time in front of such a great crowd,\" Klitschko said.";
        let a = format!(
            "The champion spoke to reporters at the stadium after midnight. {quote} \
             His next defence is expected in the autumn, his manager said, with a \
             venue in Moscow or Hamburg under discussion and no opponent named yet \
             by the sanctioning bodies involved."
        );
        let b = format!(
            "Thompson left the ring without speaking and went to hospital for a \
             routine check, his trainer told local television. {quote} The \
             promoter put the attendance at twenty-five thousand, a record for a \
             boxing card in Switzerland, and said tickets sold out within a week."
        );
        assert_eq!(groups(&[&a, &b]), [None, None]);
    }

    #[test]
    fn short_texts_are_never_judged() {
        let short = "Klitschko stopped Thompson in the sixth round.";
        assert_eq!(groups(&[short, short]), [None, None]);
    }

    #[test]
    fn three_outlets_two_reports() {
        let other = "Tony Thompson lasted until the sixth round in Bern before \
            Wladimir Klitschko ended the heavyweight title bout. The American had \
            been knocked down late in the fifth and never found his footing, \
            according to ringside judges who scored every round for the champion.";
        assert_eq!(groups(&[other, WIRE, WIRE]), [None, None, Some(1)]);
    }

    #[test]
    fn shingles_ignore_case_and_punctuation() {
        assert_eq!(
            shingles("The quick, brown fox jumps", 3),
            shingles("the QUICK brown — fox jumps!", 3)
        );
        assert_eq!(shingles("two words", 3), Vec::<u64>::new());
        // Words kept as written hash as their lower case does.
        assert_eq!(
            shingles("Zürich ÉTÉ 4th QUICK", 2),
            shingles("zürich été 4th quick", 2)
        );
    }
}
