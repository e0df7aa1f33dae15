//! Segment: clean an article's blocks (drop page furniture, tell headings and
//! list items from paragraphs) and split them into sentences.
//!
//! Cleaning is a small classifier over each block, not a list of the sample's
//! strings:
//! - **furniture** ([`is_furniture`]): lines without any letter or digit
//!   (lone bullets, rules), and short lines that match the vocabulary of page
//!   chrome: ads, tags, share/subscribe/sign-up prompts, "Read more",
//!   "Related:", copyright notices, comment-system notices;
//! - **list items**: `- `, `* `, `• `, `1. `, `2) ` prefixes (stripped), and a
//!   line that follows a lone bullet line;
//! - **headings** ([`looks_like_heading`]): short lines without final sentence
//!   punctuation that read as titles (mostly capitalised words) or labels.
//!
//! Sentence splitting ([`sentence_spans`]) is a rule splitter (no crate got
//! the sample right, see the crate survey). A boundary is a run of `.`, `!`,
//! `?` or `…` (plus closing quotes/brackets) followed by white space and a
//! capitalised word, a digit or an opening quote, and:
//! - never inside a quotation (double quotes, straight or curly, paired
//!   within the block; an unpaired quote is ignored);
//! - never after a title or Latin abbreviation ("Sen.", "Dr.", "e.g.");
//! - after a reference abbreviation ("No.", "Jan.") only when no number follows;
//! - after an abbreviation that can also end a sentence ("U.S.", "Inc.",
//!   "a.m.", an initial like "J.") only when the next word is a common
//!   sentence starter (a pronoun, determiner, conjunction or connective such
//!   as The, It, He, This, In, But, However) or an opening quote. "the U.S.
//!   Armed Forces" stays whole; "the U.S. The talks" splits.
//!
//! Decimals and money ("2.5", "$5,587.75") never split because no space
//! follows the point; an ellipsis followed by a lower-case word never splits.

mod dateline;

use crate::model::{Article, Block, BlockKind, Document, Sentence};
use crate::text::fold;
use std::collections::HashSet;
use std::ops::Range;

/// Cleans and splits one article.
pub fn segment(article: Article) -> Document {
    let blocks = clean_blocks(&article.blocks);
    let mut sentences: Vec<Sentence> = blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| block_sentences(i, b))
        .collect();
    if let Some(first) = sentences.iter_mut().find(|s| s.role != BlockKind::Heading) {
        drop_dateline(first);
    }
    Document {
        article,
        blocks,
        sentences,
    }
}

/// Starts the article's first sentence after its dateline, if it has one.
fn drop_dateline(sentence: &mut Sentence) {
    let cut = dateline::dateline_len(&sentence.text);
    if cut > 0 {
        sentence.start += cut;
        sentence.text = sentence.text[cut..].to_string();
    }
}

fn block_sentences(index: usize, block: &Block) -> Vec<Sentence> {
    sentence_spans(&block.text)
        .into_iter()
        .map(|r| Sentence {
            block: index,
            start: r.start,
            end: r.end,
            text: block.text[r].to_string(),
            role: block.kind,
        })
        .collect()
}

// ------------------------------------------------------------------ cleaning

/// Drops furniture and classifies the remaining blocks.
pub fn clean_blocks(blocks: &[Block]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut after_bullet = false;
    for block in blocks {
        let text = block.text.trim();
        if is_lone_bullet(text) {
            after_bullet = true;
            continue;
        }
        if is_furniture(text) || dateline::is_dateline(text) {
            after_bullet = false;
            continue;
        }
        let (kind, text) = classify(block.kind, text, after_bullet);
        after_bullet = false;
        out.push(Block {
            kind,
            text: text.to_string(),
            line: block.line,
        });
    }
    out
}

/// Kind and text (bullet stripped) of a block that is content.
fn classify(kind: BlockKind, text: &str, after_bullet: bool) -> (BlockKind, &str) {
    if let Some(item) = strip_bullet(text) {
        return (BlockKind::ListItem, item);
    }
    if after_bullet {
        return (BlockKind::ListItem, text);
    }
    if kind == BlockKind::Paragraph && looks_like_heading(text) {
        return (BlockKind::Heading, text);
    }
    (kind, text)
}

const BULLETS: &[char] = &['-', '*', '•', '·', '–', '‣', '◦', '▪'];

fn is_lone_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if BULLETS.contains(&c))
}

/// The item text of a bulleted or numbered line (`- x`, `• x`, `1. x`, `2) x`).
pub fn strip_bullet(text: &str) -> Option<&str> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let numbered = !BULLETS.contains(&first);
    let rest = if !numbered {
        &text[first.len_utf8()..]
    } else {
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let after = &text[digits..];
        after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix(')'))?
    };
    let item = rest.strip_prefix(char::is_whitespace)?.trim();
    if numbered && item.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // "6. 1-magnitude quake": a number broken by a space
    }
    (!item.is_empty() && item.chars().any(char::is_alphanumeric)).then_some(item)
}

/// Exact labels (case-insensitive, surrounding punctuation ignored) that are
/// page chrome, never content.
const FURNITURE_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "promoted",
    "tags",
    "topics",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "related",
    "more",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "menu",
    "home",
    "back to top",
    "skip to content",
    "continue reading",
    "read more",
    "view comments",
    "loading",
    "newsletter",
];

/// Line beginnings (lower case, whole words) that mark chrome on short lines.
const FURNITURE_PREFIXES: &[&str] = &[
    "read more",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "see also",
    "more from",
    "more on this",
    "tags:",
    "filed under",
    "posted in",
    "copyright",
    "(c)",
    "click here",
    "sign up",
    "subscribe",
    "follow us",
    "share this",
    "share on",
    "share via",
    "download our app",
    "continue reading",
];

/// Phrases that mark chrome anywhere in a short line.
const FURNITURE_PHRASES: &[&str] = &[
    "©",
    "all rights reserved",
    "comments are closed",
    "trackbacks and pingbacks",
    "leave a comment",
    "leave a reply",
    "click here",
    "sign up for our",
    "subscribe to our",
    "follow us on",
];

/// Lines this long are content even if a furniture phrase occurs in them.
const FURNITURE_MAX_WORDS: usize = 20;

/// Is this line page furniture rather than article content?
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    if line.split_whitespace().count() > FURNITURE_MAX_WORDS {
        return false;
    }
    let lower = fold(line).to_lowercase();
    let label = lower.trim_matches(|c: char| !c.is_alphanumeric());
    FURNITURE_LABELS.contains(&label)
        || FURNITURE_PREFIXES
            .iter()
            .any(|p| starts_with_words(&lower, p))
        || FURNITURE_PHRASES.iter().any(|p| lower.contains(p))
}

/// `text` starts with `prefix` and the prefix ends at a word boundary.
fn starts_with_words(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| {
        prefix.ends_with(|c: char| !c.is_alphanumeric())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

// ------------------------------------------------------------------ headings

/// Short words that stay lower case in a title.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "nor", "with", "by",
    "from", "as", "vs", "via", "into", "over", "per", "up", "off", "out", "is", "are", "amid",
];

/// Trailing closing quotes and brackets, ignored when looking at how a line ends.
fn strip_closers(text: &str) -> &str {
    text.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
}

/// Does the line end like a sentence (or a clause)?
fn ends_like_sentence(text: &str) -> bool {
    strip_closers(text).ends_with(['.', ',', ';', ':', '…'])
}

fn starts_like_title(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Share of the non-minor words that are capitalised (or numbers).
fn capitalised_share(text: &str) -> f64 {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| !MINOR_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    capitalised as f64 / words.len() as f64
}

/// Does this line read as a headline (the first line of a plain-text
/// article)? Headlines are short, do not end like a sentence and start with a
/// capital; sentence-case headlines ("Woman struck, killed in Bloomington")
/// count, so this is looser than [`looks_like_heading`]. A line ending in `?`
/// or `!` needs half its words capitalised ("Will the Dam Hold?", not
/// "It's about time, right?").
pub fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let question = t.ends_with(['?', '!']);
    (1..=20).contains(&words)
        && t.chars().count() <= 160
        && starts_like_title(t)
        && !ends_like_sentence(t)
        && !(question && capitalised_share(t) < 0.5)
        && !is_furniture(t)
        && strip_bullet(t).is_none()
}

/// Does this body line read as a section heading? Short (at most 12 words),
/// no final sentence punctuation, and either a short label (at most 3
/// words) or mostly capitalised words ("Why Trump Said No", "Key Takeaways").
pub fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if !(1..=12).contains(&words) || !starts_like_title(t) || ends_like_sentence(t) {
        return false;
    }
    if strip_closers(t).len() < t.len() {
        return false; // ends with a quotation or bracket: a fragment of prose
    }
    let share = capitalised_share(t);
    if t.ends_with(['?', '!']) {
        return share >= 0.75;
    }
    words <= 3 || share >= 0.6
}

// -------------------------------------------------------- sentence splitting

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{00AB}' | '(' | '['
    )
}

/// A quotation inside a block: byte offsets of its opening and closing marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct QuoteSpan {
    open: usize,
    close: usize,
}

/// Which way a double quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteDir {
    Open,
    Close,
    Either,
}

/// Curly and guillemet marks have a direction. A straight `"` opens after a
/// space and before a non-space, closes after a non-space and before a space
/// or punctuation, and is ambiguous otherwise (`do. " He` in badly spaced
/// text).
fn quote_dir(text: &str, at: usize, c: char) -> Option<QuoteDir> {
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => return Some(QuoteDir::Open),
        '\u{201D}' | '\u{00BB}' => return Some(QuoteDir::Close),
        '"' => {}
        _ => return None,
    }
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    let space_before = before.is_none_or(|b| b.is_whitespace() || is_opener(b) || b == '—');
    let space_after = after.is_none_or(|a| {
        a.is_whitespace() || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '…' | '—')
    });
    Some(match (space_before, space_after) {
        (true, false) => QuoteDir::Open,
        (false, true) => QuoteDir::Close,
        _ => QuoteDir::Either,
    })
}

/// Pairs double quotation marks by direction. An opening mark while a
/// quotation is open restarts it (nesting double quotes is rare in news); a
/// closing mark with none open, and marks left open, are ignored.
fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let Some(dir) = quote_dir(text, i, c) else {
            continue;
        };
        match (open, dir) {
            (Some(o), QuoteDir::Close | QuoteDir::Either) => {
                spans.push(QuoteSpan { open: o, close: i });
                open = None;
            }
            (_, QuoteDir::Open | QuoteDir::Either) => open = Some(i),
            (None, QuoteDir::Close) => {}
        }
    }
    spans
}

/// Pairs round and square brackets by depth; unpaired ones are ignored. A
/// sentence does not end inside a parenthesis ("(Yahoo! News)").
fn bracket_spans(text: &str) -> Vec<QuoteSpan> {
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
            spans.push(QuoteSpan {
                open: stack[k],
                close: i,
            });
            stack.truncate(k);
        }
    }
    spans
}

/// Quotations and brackets longer than this many words are read as running
/// prose and split inside: a five-sentence statement should not become one
/// sentence, and a mispaired mark should not swallow a paragraph.
const MAX_ENCLOSED_WORDS: usize = 40;

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
    fn of(text: &str) -> Enclosures {
        let mut spans = quote_spans(text);
        spans.extend(bracket_spans(text));
        let words = WordStarts::of(text);
        spans.retain(|q| words.count(text, q.open, q.close) <= MAX_ENCLOSED_WORDS);
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

/// How an abbreviation before a period affects a boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// An ordinary word: the period ends the sentence.
    None,
    /// Titles and Latin: never sentence-final ("Sen.", "Dr.", "e.g.").
    Never,
    /// Reference words: not final before a number ("No. 5", "Jan. 12").
    BeforeNumber,
    /// Can end a sentence ("U.S.", "Inc.", "a.m.", initials): split only
    /// before a common sentence starter.
    MaybeFinal,
}

const TITLE_ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen",
    "lt", "col", "capt", "cpt", "sgt", "cpl", "pvt", "maj", "adm", "cmdr", "rev", "hon", "pres",
    "supt", "det", "insp", "atty", "const", "fr", "mt", "ft", "e.g", "i.e", "cf", "vs", "v", "viz",
];

const REFERENCE_ABBREVS: &[&str] = &[
    "no", "nos", "vol", "art", "fig", "p", "pp", "ch", "sec", "op", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const FINAL_ABBREVS: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "st", "ave", "blvd", "rd",
    "dept", "univ", "etc", "al", "approx", "est", "min", "max", "assn", "intl",
];

/// Words that commonly open a sentence: pronouns, determiners, conjunctions,
/// prepositions and connectives. A capitalised word after "U.S." that is one
/// of these starts a new sentence; a name or noun ("Armed") does not.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "its",
    "it's",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "after",
    "before",
    "during",
    "since",
    "until",
    "as",
    "if",
    "when",
    "while",
    "although",
    "though",
    "because",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "also",
    "instead",
    "now",
    "then",
    "later",
    "earlier",
    "today",
    "yesterday",
    "some",
    "many",
    "most",
    "several",
    "such",
    "both",
    "each",
    "every",
    "all",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "where",
    "despite",
    "according",
    "under",
    "even",
    "only",
    "another",
    "other",
    "others",
    "officials",
    "one",
    "two",
    "three",
];

fn classify_abbrev(token: &str) -> Abbrev {
    let word = token.trim_start_matches(|c: char| is_opener(c) || c == '-');
    if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return Abbrev::None;
    }
    let lower = word.to_lowercase();
    if TITLE_ABBREVS.contains(&lower.as_str()) {
        return Abbrev::Never;
    }
    if REFERENCE_ABBREVS.contains(&lower.as_str()) {
        return Abbrev::BeforeNumber;
    }
    let single_letter = word.chars().count() == 1;
    let dotted = word.contains('.');
    if single_letter || dotted || FINAL_ABBREVS.contains(&lower.as_str()) {
        return Abbrev::MaybeFinal;
    }
    Abbrev::None
}

fn is_sentence_starter(word: &str) -> bool {
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
    SENTENCE_STARTERS.contains(&w.as_str())
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
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let quotes = Enclosures::of(text);
    let mut cuts = Vec::new();
    let mut pos = 0;
    while let Some(off) = text[pos..].find(is_terminator) {
        let cand = candidate_at(text, pos + off, &quotes);
        if is_boundary(text, &cand, &quotes) {
            cuts.push(cand.cut);
        }
        pos = cand.cut.max(pos + off + 1);
    }
    cuts.extend(inline_bullets(text));
    cuts.sort_unstable();
    cuts.push(text.len());
    ranges_between(text, &cuts)
}

/// Bullets run into one line ("• Agencies agree • Experts weigh in") end
/// the item before them.
fn inline_bullets(text: &str) -> Vec<usize> {
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
    match classify_abbrev(before) {
        Abbrev::None => true,
        Abbrev::Never => false,
        Abbrev::BeforeNumber => !first.is_ascii_digit(),
        Abbrev::MaybeFinal => next.quoted || is_sentence_starter(next.word),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    fn block(text: &str, line: usize) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            line,
        }
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
        assert_eq!(strip_bullet("6. 1-magnitude quake hits"), None);
        assert_eq!(strip_bullet("02. 29. 12 4:15 PM Chip maker"), None);
        assert_eq!(strip_bullet("3. Third point"), Some("Third point"));
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
    fn furniture_lines() {
        for f in [
            "Advertisement",
            "ADVERTISEMENT",
            "Tags",
            "Tags: politics, world",
            "Comments are closed, but trackbacks and pingbacks are open.",
            "Share this article",
            "Share on Facebook",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing",
            "Read more: Why the dam failed",
            "Related: Floods in the north",
            "© 2024 Daily Planet. All rights reserved.",
            "Copyright 2024 Example Media",
            "Click here to watch the video",
            "•",
            "-",
            "* * *",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for c in [
            "Shares of Acme rose 5 percent on Monday.",
            "Subscribers will pay more next year.",
            "The advertisement ran on national television for a week.",
            "Related companies also reported losses.",
        ] {
            assert!(!is_furniture(c), "{c}");
        }
    }

    #[test]
    fn headings_vs_short_sentences() {
        for h in [
            "Why the Mayor Said No",
            "Key Takeaways",
            "Officials Explain the Decision",
            "Background",
            "Context: Talks at a Standstill",
            "Report: City offers Smith $20 million",
        ] {
            assert!(looks_like_heading(h), "{h}");
        }
        for s in [
            "The mayor said no.",
            "It rained.",
            "the mayor said no and then left the hall",
            "\u{201C}We will rebuild\u{201D}",
            "Officials said the decision was final and would not change",
        ] {
            assert!(!looks_like_heading(s), "{s}");
        }
    }

    #[test]
    fn headline_first_line() {
        assert!(looks_like_headline("Woman struck, killed in Bloomington"));
        assert!(looks_like_headline("Will the Dam Hold?"));
        assert!(!looks_like_headline(
            "The dam broke on Monday, officials said."
        ));
        assert!(!looks_like_headline("Advertisement"));
        assert!(!looks_like_headline(""));
        assert!(!looks_like_headline("It's about time, right?"));
        assert!(looks_like_headline("Could the Rovers sign Smith?"));
    }

    #[test]
    fn bullets_and_lone_bullets() {
        let blocks = vec![
            block("Main Points", 1),
            block("- The dam held.", 2),
            block("• Water receded.", 3),
            block("2. Roads reopened.", 4),
            block("-", 5),
            block("Cost: The repairs cost $3 million.", 6),
            block("Advertisement", 7),
            block("2008 was a wet year.", 8),
        ];
        let out = clean_blocks(&blocks);
        let got: Vec<_> = out
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, "Main Points", 1),
                (BlockKind::ListItem, "The dam held.", 2),
                (BlockKind::ListItem, "Water receded.", 3),
                (BlockKind::ListItem, "Roads reopened.", 4),
                (BlockKind::ListItem, "Cost: The repairs cost $3 million.", 6),
                (BlockKind::Paragraph, "2008 was a wet year.", 8),
            ]
        );
    }

    #[test]
    fn segment_builds_sentences_with_ranges() {
        let article = Article {
            id: "a".into(),
            blocks: vec![
                block("Flood Recap", 1),
                block("  The river rose. It fell again.", 2),
            ],
            ..Article::default()
        };
        let doc = segment(article);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[0].role, BlockKind::Heading);
        let s = &doc.sentences[2];
        assert_eq!(s.block, 1);
        assert_eq!(s.text, "It fell again.");
        assert_eq!(&doc.blocks[1].text[s.start..s.end], "It fell again.");
        assert_eq!(doc.claim_sentences().count(), 2);
    }

    /// Regression on the sample in `seeds/`: 5 articles, 101 sentences, and
    /// the hard cases come out whole.
    #[test]
    fn sample_seeds_segment_cleanly() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let (articles, diags) = crate::ingest::load(&seeds).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let docs: Vec<Document> = articles.into_iter().map(segment).collect();
        assert_eq!(docs.len(), 5);
        let all: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.sentences.iter().map(|s| s.text.as_str()))
            .collect();
        assert_eq!(all.len(), 101);
        for needle in [
            "Sen. Lindsey Graham",
            "U.S. Armed Forces",
            "No. Until they do",
        ] {
            assert!(all.iter().any(|s| s.contains(needle)), "{needle}");
        }
        let furniture = ["Advertisement", "Tags", "Comments are closed"];
        assert!(
            !all.iter()
                .any(|s| furniture.iter().any(|f| s.starts_with(f)))
        );
        let headings = docs
            .iter()
            .flat_map(|d| &d.sentences)
            .filter(|s| s.role == BlockKind::Heading)
            .count();
        assert_eq!(headings, 9);
    }

    #[test]
    fn nasty_inputs_do_not_panic() {
        let nasty = [
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
        for t in nasty {
            for r in sentence_spans(t) {
                assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                assert!(r.start < r.end);
            }
            let _ = is_furniture(t);
            let _ = looks_like_heading(t);
            let _ = looks_like_headline(t);
            let _ = strip_bullet(t);
            let _ = clean_blocks(&[block(t, 1)]);
        }
    }
}
