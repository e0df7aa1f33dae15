//! Sentences: the one sentence-boundary test, and the splitter built on it.
//!
//! A rule splitter (no crate got the sample right, see the crate survey in
//! the project history). A boundary is a run of `.`, `!`, `?` or `…` (plus
//! closing quotes/brackets) followed by white space and a capitalised
//! word, a digit or an opening quote, and:
//! - never inside a quotation (double quotes, straight or curly, paired
//!   within the block by [`quotemarks::pairs`]; an unpaired quote is
//!   ignored) or a bracket; quotations longer than
//!   [`SentenceParams::max_enclosed_words`] are read as running prose;
//! - never after a title or Latin abbreviation ("Sen.", "Dr.", "e.g.");
//! - after a reference abbreviation ("No.", "Jan.") only when no number follows;
//! - after an abbreviation that can also end a sentence ("U.S.", "Inc.",
//!   "a.m.", an initial like "J.") only when the next word is a common
//!   sentence starter (`data/en/sentence_starters.txt`: a pronoun,
//!   determiner, conjunction or connective such as The, It, He, This, In,
//!   But, However) or an opening quote. "the U.S. Armed Forces" stays
//!   whole; "the U.S. The talks" splits.
//!
//! The abbreviations are the titles table and `data/en/abbreviations.tsv`
//! ([`lists::abbreviation_period`]). Decimals and money ("2.5",
//! "$5,587.75") never split because no space follows the point; an
//! ellipsis followed by a lower-case word never splits; bullets run into
//! one line ("• a • b") end the item before them.

use crate::nlp::lists::{self, Period};
use crate::nlp::quotemarks::{MarkPair, is_closer, is_opener, pairs};
use crate::params::SentenceParams;
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Pairs round and square brackets by depth; unpaired ones are ignored. A
/// sentence does not end inside a parenthesis ("(Yahoo! News)").
fn bracket_spans(text: &str) -> Vec<MarkPair> {
    let mut spans = Vec::new();
    // Open brackets of both kinds, innermost last, and for each kind the
    // places in `stack` of its own (entries past the stack's end are
    // stale and dropped when met), so a closer finds its opener without
    // scanning the stack: linear however deep the nesting.
    let mut stack: Vec<usize> = Vec::new();
    let mut by_kind: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (i, c) in text.char_indices() {
        let kind = match c {
            '(' | ')' => 0,
            '[' | ']' => 1,
            _ => continue,
        };
        if matches!(c, '(' | '[') {
            by_kind[kind].push(stack.len());
            stack.push(i);
            continue;
        }
        while by_kind[kind].last().is_some_and(|&k| k >= stack.len()) {
            by_kind[kind].pop();
        }
        if let Some(k) = by_kind[kind].pop() {
            spans.push(MarkPair {
                open: stack[k],
                close: i,
            });
            stack.truncate(k);
        }
    }
    spans
}

/// Quotations and brackets inside which no sentence ends, indexed so each
/// question about a position costs a lookup, not a scan of every span (a
/// paragraph of 20,000 quotations once took minutes).
struct Enclosures {
    opens: HashSet<usize>,
    closes: HashSet<usize>,
    /// Spans by opening offset, with the furthest close of any span so far.
    by_open: Vec<(usize, usize)>,
}

impl Enclosures {
    fn of(text: &str, max_words: usize) -> Enclosures {
        let mut spans = pairs(text);
        spans.extend(bracket_spans(text));
        if !spans.is_empty() {
            let words = WordStarts::of(text);
            spans.retain(|q| words.count(text, q.open, q.close) <= max_words);
        }
        spans.sort_unstable_by_key(|q| (q.open, q.close));
        let mut furthest = 0;
        let by_open = spans
            .iter()
            .map(|q| {
                furthest = furthest.max(q.close);
                (q.open, furthest)
            })
            .collect();
        Enclosures {
            opens: spans.iter().map(|q| q.open).collect(),
            closes: spans.iter().map(|q| q.close).collect(),
            by_open,
        }
    }

    fn opens_at(&self, at: usize) -> bool {
        self.opens.contains(&at)
    }

    fn closes_at(&self, at: usize) -> bool {
        self.closes.contains(&at)
    }

    /// Is `cut` inside a span (after its opening mark, up to its close)?
    fn covers(&self, cut: usize) -> bool {
        let before = self.by_open.partition_point(|&(open, _)| open < cut);
        before > 0 && self.by_open[before - 1].1 >= cut
    }
}

/// Where the words of a text start, to count the words of any slice with
/// two binary searches (counting each span's words anew was quadratic on
/// deeply nested brackets).
struct WordStarts(Vec<usize>);

impl WordStarts {
    fn of(text: &str) -> WordStarts {
        let mut starts = Vec::new();
        let mut prev_space = true;
        for (i, c) in text.char_indices() {
            let space = c.is_whitespace();
            if prev_space && !space {
                starts.push(i);
            }
            prev_space = space;
        }
        WordStarts(starts)
    }

    /// `text[from..to].split_whitespace().count()`.
    fn count(&self, text: &str, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        let first = usize::from(!text[from..].starts_with(char::is_whitespace));
        let lo = self.0.partition_point(|&s| s <= from);
        let hi = self.0.partition_point(|&s| s < to);
        first + hi.saturating_sub(lo)
    }
}

/// What the period after `token` (the white-space separated word before
/// it, period excluded) does: the abbreviation tables
/// ([`lists::abbreviation_period`]), and any single letter (an initial) or
/// dotted word ("U.S", "a.m") may end a sentence.
pub fn period_after(token: &str) -> Period {
    let word = token.trim_start_matches(|c: char| is_opener(c) || c == '-');
    if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return Period::Ends;
    }
    let lower = word.to_lowercase();
    match lists::abbreviation_period(&lower) {
        Period::Ends if word.chars().count() == 1 || word.contains('.') => Period::MaybeFinal,
        p => p,
    }
}

/// Does this word (as written, punctuation after it allowed) commonly open
/// a sentence (`data/en/sentence_starters.txt`)? An initial ("A.") never does.
pub fn is_sentence_starter(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(_), Some('.')) = (chars.next(), chars.next()) {
        return false; // an initial ("A. C."), not the article "A"
    }
    let w: String = word
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '\u{2019}')
        .collect::<String>()
        .replace('\u{2019}', "'")
        .to_lowercase();
    lists::is_sentence_starter(&w)
}

/// What follows a candidate boundary.
struct Next<'a> {
    /// The next word, opening punctuation included.
    word: &'a str,
    /// It begins with an opening quotation mark or bracket.
    quoted: bool,
    /// Its first letter or digit.
    first: Option<char>,
}

fn next_word(rest: &str) -> Next<'_> {
    let rest = rest.trim_start();
    // Openers may stand apart from their word in badly spaced text ("“ It").
    let core = rest.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
    let word = core.split_whitespace().next().unwrap_or("");
    Next {
        word,
        quoted: core.len() < rest.len(),
        first: word.chars().next(),
    }
}

/// The white-space separated token that ends at byte `end` (exclusive).
fn token_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// A candidate boundary: the terminator run and where the cut would fall.
struct Candidate<'a> {
    /// The run of terminators (".", "?!", "...", "…").
    run: &'a str,
    /// Byte offset where the run starts.
    run_start: usize,
    /// Byte offset just after the run and any closing marks.
    cut: usize,
}

/// Byte ranges of the sentences of one block, trimmed, in order.
pub fn sentence_spans(text: &str, params: &SentenceParams) -> Vec<Range<usize>> {
    let mut cuts = boundaries(text, params);
    cuts.push(text.len());
    ranges_between(text, &cuts)
}

/// The sentence boundaries of a text: byte offsets where a sentence ends
/// (after its terminator and closing marks), in order. This is the one
/// boundary test of Parallax; [`sentence_spans`] is built on it.
pub fn boundaries(text: &str, params: &SentenceParams) -> Vec<usize> {
    let quotes = Enclosures::of(text, params.max_enclosed_words);
    let mut cuts = Vec::new();
    let mut pos = 0;
    while let Some(at) = next_terminator(text, pos) {
        let cand = candidate_at(text, at, &quotes);
        if is_boundary(text, &cand, &quotes) {
            cuts.push(cand.cut);
        }
        pos = cand.cut.max(at + 1);
    }
    cuts.extend(inline_bullets(text));
    cuts.sort_unstable();
    cuts
}

/// Where the first terminator ([`is_terminator`]) at or after byte `from`
/// starts: a scan of bytes, not of decoded characters (every terminator
/// starts with `.`, `!`, `?` or 0xE2, the first byte of `…`, and none of
/// these is inside another character).
fn next_terminator(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find(|&i| match bytes[i] {
        b'.' | b'!' | b'?' => true,
        0xE2 => text[i..].starts_with('\u{2026}'),
        _ => false,
    })
}

/// Does a sentence start at byte `at` of `text` (at the start, or right
/// after a boundary and white space)? For a stage that needs to know
/// whether a word's capital comes from the sentence start.
pub fn starts_sentence(text: &str, at: usize, params: &SentenceParams) -> bool {
    let head = text.get(..at).unwrap_or("").trim_end();
    head.is_empty() || boundaries(head_with_next(text, at), params).contains(&head.len())
}

/// The text up to the end of the word at `at` (what the boundary test
/// needs to see on both sides).
fn head_with_next(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &text[..at + word]
}

/// Bullets run into one line ("• Agencies agree • Experts weigh in") end
/// the item before them.
fn inline_bullets(text: &str) -> Vec<usize> {
    // Both bullets start with the byte 0xE2: most texts have none.
    if !text.as_bytes().contains(&0xE2) {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(i, c)| {
            matches!(c, '•' | '▪')
                && text[..i].ends_with(char::is_whitespace)
                && text[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect()
}

fn candidate_at<'a>(text: &'a str, run_start: usize, quotes: &Enclosures) -> Candidate<'a> {
    let run_end = run_start
        + text[run_start..]
            .find(|c: char| !is_terminator(c))
            .unwrap_or(text.len() - run_start);
    let mut cut = run_end;
    for (i, c) in text[run_end..].char_indices() {
        let at = run_end + i;
        if !is_closer(c) || quotes.opens_at(at) {
            break;
        }
        cut = at + c.len_utf8();
    }
    // `do. " He` (a spacing glitch): absorb the closing mark after a space.
    let after_space = text[cut..].trim_start();
    let close_at = text.len() - after_space.len();
    if close_at > cut && quotes.closes_at(close_at) {
        cut = close_at + after_space.chars().next().map_or(0, char::len_utf8);
    }
    Candidate {
        run: &text[run_start..run_end],
        run_start,
        cut,
    }
}

fn is_boundary(text: &str, cand: &Candidate, quotes: &Enclosures) -> bool {
    let rest = &text[cand.cut..];
    if !rest.starts_with(char::is_whitespace) {
        return false; // "2.5", "U.S.-Israel", end of text
    }
    if quotes.covers(cand.cut) {
        return false; // inside a quotation
    }
    let next = next_word(rest);
    let Some(first) = next.first else {
        return false;
    };
    // "iPhone", "eBay": brand names that start lower case but are capitalised.
    let camel = next.word.chars().skip(1).any(char::is_uppercase);
    let starts = first.is_uppercase() || first.is_ascii_digit() || next.quoted || camel;
    if !starts {
        return false;
    }
    if cand.run != "." {
        return true; // ?, !, ellipsis before a capital
    }
    let before = token_before(text, cand.run_start);
    if before.ends_with(|c: char| c.is_ascii_digit()) && first.is_ascii_digit() {
        return false; // "6. 1" or "4. 051": a number broken by a space
    }
    match period_after(before) {
        Period::Ends => true,
        Period::Never => false,
        Period::BeforeNumber => !first.is_ascii_digit(),
        Period::MaybeFinal => next.quoted || is_sentence_starter(next.word),
    }
}

fn ranges_between(text: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for &cut in cuts {
        let piece = &text[start..cut];
        let body = piece.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '▪'));
        let lead = piece.len() - body.len();
        let trimmed = body.trim_end();
        if trimmed.chars().any(char::is_alphanumeric) {
            let s = start + lead;
            out.push(s..s + trimmed.len());
        }
        start = cut;
    }
    out
}

/// Inputs that once broke text machinery (lone marks, ellipses, CJK,
/// emoji, CRLF): every stage that reads text runs its tests over them.
#[cfg(test)]
pub(crate) const NASTY_INPUTS: &[&str] = &[
    "",
    " ",
    "\"",
    "\u{201C}",
    "\u{201D}.",
    "...",
    "\u{2026}\u{2026}",
    "?!?!",
    ". . .",
    "é. É. 日本語。テスト. Ω.",
    "A. B. C. D.",
    "\"\"\"\" . \" . \"",
    "Line one.\r\nLine two.\r\n",
    "x.\u{201D}\u{201D}\u{201D} Y",
    "Mr.",
    "U.S.",
    "1. 2. 3.",
    "\u{00AB}Oui.\u{00BB} Non.",
    "emoji 😀. Next 😀!",
    "tab\tseparated.\tNext.",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text, &SentenceParams::default())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn the_byte_scan_finds_the_terminators_a_character_scan_finds() {
        let text = "Dr. Lind — “No!” … Zürich? Yes… 2.5 é. • next ▪ last";
        let mut from = 0;
        while from < text.len() {
            let by_chars = text[from..].find(is_terminator).map(|o| from + o);
            assert_eq!(next_terminator(text, from), by_chars, "from {from}");
            from = by_chars.map_or(text.len(), |at| at + 1);
            while !text.is_char_boundary(from) {
                from += 1;
            }
        }
        assert_eq!(inline_bullets("plain ascii"), Vec::<usize>::new());
        assert_eq!(inline_bullets("a • b"), vec![2]);
    }

    #[test]
    fn bracket_pairs_match_the_innermost_opener_of_their_kind() {
        let pairs = |t: &str| -> Vec<(usize, usize)> {
            bracket_spans(t).iter().map(|q| (q.open, q.close)).collect()
        };
        assert_eq!(pairs("a (b [c) d] e)"), vec![(2, 7)]);
        assert_eq!(pairs("([x])"), vec![(1, 3), (0, 4)]);
        assert_eq!(pairs(") ] ( ["), vec![]);
        // Deep nesting of both kinds stays linear and pairs everything.
        let deep = format!("{}{}", "([".repeat(50_000), "])".repeat(50_000));
        assert_eq!(bracket_spans(&deep).len(), 100_000);
        let lopsided = format!("{}{}", "(".repeat(50_000), "]".repeat(50_000));
        assert!(bracket_spans(&lopsided).is_empty());
    }

    #[test]
    fn word_counts_of_slices_match_split_whitespace() {
        let text = "  One two\tthree  (four) five\n six ";
        let starts = WordStarts::of(text);
        for from in 0..text.len() {
            for to in from..=text.len() {
                assert_eq!(
                    starts.count(text, from, to),
                    text[from..to].split_whitespace().count(),
                    "{from}..{to}"
                );
            }
        }
    }

    #[test]
    fn many_quotations_and_deep_brackets_still_split() {
        let many = "He said \"yes.\" ".repeat(20_000);
        assert_eq!(split(&many).len(), 20_000);
        let deep = format!("{}It is. So.{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(split(&deep).len(), 1, "no sentence ends inside brackets");
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("Sales rose in May. iPhone demand was strong."),
            vec!["Sales rose in May.", "iPhone demand was strong."]
        );
        assert_eq!(
            split("The dam broke. Water rose fast! Who knew? Nobody."),
            vec!["The dam broke.", "Water rose fast!", "Who knew?", "Nobody."]
        );
    }

    #[test]
    fn title_abbreviations_hold() {
        for t in [
            "Sen. Maria Ortiz voted no.",
            "Dr. Chen and Mrs. Ruiz met Gov. Hale and Rep. Lee.",
            "Gen. Ford spoke to Lt. Col. Adams.",
            "Mr. Hale and Ms. Ortiz left.",
            "They chose red, e.g. Crimson, over blue.",
            "Pick one, i.e. Alpha or Beta.",
            "It was Smith vs. Jones in court.",
        ] {
            assert_eq!(split(t), vec![t], "{t}");
        }
    }

    #[test]
    fn country_abbreviation_uses_next_word() {
        assert_eq!(
            split("He praised the U.S. Armed Forces today."),
            vec!["He praised the U.S. Armed Forces today."]
        );
        assert_eq!(
            split("The aid came from the U.S. The U.K. Navy helped."),
            vec!["The aid came from the U.S.", "The U.K. Navy helped."]
        );
        assert_eq!(
            split("Talks with the U.S. were canceled."),
            vec!["Talks with the U.S. were canceled."]
        );
    }

    #[test]
    fn company_and_time_abbreviations() {
        assert_eq!(
            split("She joined Acme Inc. It was 2010."),
            vec!["She joined Acme Inc.", "It was 2010."]
        );
        assert_eq!(
            split("Acme Corp. Chairman Bo Li resigned."),
            vec!["Acme Corp. Chairman Bo Li resigned."]
        );
        assert_eq!(
            split("It began at 3 p.m. Monday and ended at 9 a.m. The crowd left."),
            vec![
                "It began at 3 p.m. Monday and ended at 9 a.m.",
                "The crowd left."
            ]
        );
        assert_eq!(
            split("They met at 9 a. m. local time."),
            vec!["They met at 9 a. m. local time."]
        );
        assert_eq!(
            split("Bring pens, paper, etc. and come early."),
            vec!["Bring pens, paper, etc. and come early."]
        );
    }

    #[test]
    fn reference_abbreviations() {
        assert_eq!(
            split("He wore No. 5 on Jan. 12 and left."),
            vec!["He wore No. 5 on Jan. 12 and left."]
        );
        assert_eq!(
            split("Did it work? No. It failed."),
            vec!["Did it work?", "No.", "It failed."]
        );
    }

    #[test]
    fn spaced_numbers_and_brackets() {
        assert_eq!(
            split("A magnitude 6. 1 quake hit. It was felt (Acme Inc. said so)."),
            vec![
                "A magnitude 6. 1 quake hit.",
                "It was felt (Acme Inc. said so)."
            ]
        );
        assert_eq!(
            split("He cited a report (Daily Post! Online) on it. Rain fell."),
            vec![
                "He cited a report (Daily Post! Online) on it.",
                "Rain fell."
            ]
        );
        assert_eq!(
            split("It costs 0% APR O. A. C. The phone ships soon."),
            vec!["It costs 0% APR O. A. C.", "The phone ships soon."]
        );
    }

    #[test]
    fn inline_bullets_split() {
        assert_eq!(
            split("• Agencies agree • Experts weigh in. Then more."),
            vec!["Agencies agree", "Experts weigh in.", "Then more."]
        );
    }

    #[test]
    fn initials_hold() {
        for t in [
            "The book by J. K. Rowling sold well.",
            "President Harry S. Truman signed it.",
            "Michael J. Fox attended.",
        ] {
            assert_eq!(split(t), vec![t], "{t}");
        }
    }

    #[test]
    fn decimals_and_money() {
        assert_eq!(
            split("Growth was 2.5 percent. Shares hit $5,587.75 on Friday. Then they fell."),
            vec![
                "Growth was 2.5 percent.",
                "Shares hit $5,587.75 on Friday.",
                "Then they fell."
            ]
        );
    }

    #[test]
    fn quotations_are_not_split_inside() {
        let t =
            "She asked, \u{201C}Is it over yet? No. Not until they leave.\u{201D} Then she left.";
        assert_eq!(
            split(t),
            vec![
                "She asked, \u{201C}Is it over yet? No. Not until they leave.\u{201D}",
                "Then she left."
            ]
        );
        let t = "He said, \"Is it over? No. Not yet.\" Nobody answered.";
        assert_eq!(
            split(t),
            vec!["He said, \"Is it over? No. Not yet.\"", "Nobody answered."]
        );
    }

    #[test]
    fn split_after_quote_then_period() {
        let t = "One aide asked, \u{201C}Are we done? No. We go on\u{201D}. U.S. envoys agreed.";
        assert_eq!(
            split(t),
            vec![
                "One aide asked, \u{201C}Are we done? No. We go on\u{201D}.",
                "U.S. envoys agreed."
            ]
        );
    }

    #[test]
    fn ellipsis() {
        assert_eq!(
            split("We act when we must... and we know why. Next question."),
            vec!["We act when we must... and we know why.", "Next question."]
        );
        assert_eq!(
            split("He paused\u{2026} Then he left."),
            vec!["He paused\u{2026}", "Then he left."]
        );
        let t = "\u{201C}It never happened, and I won\u{2019}t discuss it\u{2026} We act as we must.\u{201D}";
        assert_eq!(split(t), vec![t]);
    }

    #[test]
    fn long_quotation_is_split() {
        let long = "We have studied this for years and we know the river well. \
            The levees are old and the pumps are older still, and nobody in the city \
            council has wanted to pay for new ones, whatever the engineers told them \
            in every single report. That has to change now.";
        let t = format!("\u{201C}{long}\u{201D} Mayor Lee said.");
        assert_eq!(split(&t).len(), 4, "{:?}", split(&t));
    }

    #[test]
    fn spaced_quotes() {
        let t = "He spoke. \u{201C} It is late. \u{201D} \u{201C} We go. \u{201D} Owen said.";
        assert_eq!(
            split(t),
            vec![
                "He spoke.",
                "\u{201C} It is late. \u{201D}",
                "\u{201C} We go. \u{201D}",
                "Owen said."
            ]
        );
    }

    #[test]
    fn straight_quote_direction() {
        let t = "\"We lost. \"(Then) we won.\" Fans cheered. \"Great, \" he said.";
        assert_eq!(
            split(t),
            vec![
                "\"We lost.",
                "\"(Then) we won.\"",
                "Fans cheered.",
                "\"Great, \" he said."
            ]
        );
    }

    #[test]
    fn unpaired_quote_is_ignored() {
        assert_eq!(
            split("He said \u{201C}no. Then he left. Rain fell."),
            vec!["He said \u{201C}no.", "Then he left.", "Rain fell."]
        );
        assert_eq!(
            split("It is 6' tall. It fell."),
            vec!["It is 6' tall.", "It fell."]
        );
    }

    #[test]
    fn spacing_glitch_quote() {
        let t = "He said: \"We will see what they do. \" He then left.";
        assert_eq!(
            split(t),
            vec!["He said: \"We will see what they do. \"", "He then left."]
        );
    }

    #[test]
    fn starts_sentence_at_words() {
        let p = SentenceParams::default();
        let t = "Sen. Ruiz left. May came. He met the U.S. Armed Forces.";
        let at = |w: &str| t.find(w).unwrap();
        assert!(starts_sentence(t, 0, &p));
        assert!(!starts_sentence(t, at("Ruiz"), &p));
        assert!(starts_sentence(t, at("May"), &p));
        assert!(starts_sentence(t, at("He"), &p));
        assert!(!starts_sentence(t, at("Armed"), &p));
        assert!(!starts_sentence(t, at("came"), &p));
    }

    #[test]
    fn periods_after_abbreviations() {
        assert_eq!(period_after("Sen"), Period::Never);
        assert_eq!(period_after("(Dr"), Period::Never);
        assert_eq!(period_after("e.g"), Period::Never);
        assert_eq!(period_after("Jan"), Period::BeforeNumber);
        assert_eq!(period_after("Inc"), Period::MaybeFinal);
        assert_eq!(period_after("J"), Period::MaybeFinal);
        assert_eq!(period_after("U.S"), Period::MaybeFinal);
        assert_eq!(period_after("house"), Period::Ends);
        assert_eq!(period_after("2009"), Period::Ends);
    }

    #[test]
    fn nasty_inputs_do_not_panic() {
        let p = SentenceParams::default();
        for &t in NASTY_INPUTS {
            for r in sentence_spans(t, &p) {
                assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                assert!(r.start < r.end);
            }
            for at in 0..=t.len() {
                if t.is_char_boundary(at) {
                    let _ = starts_sentence(t, at, &p);
                }
            }
        }
    }
}
