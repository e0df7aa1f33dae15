//! The tokenizer: words with byte offsets and casing, their comparison
//! form, stems and stop words.
//!
//! Sources mix curly and straight quotes, dashes and abbreviations ("U.S.");
//! every comparison in Parallax goes through the helpers here so that those
//! differences never decide anything. Stemming is Snowball English
//! (rust-stemmers), stop words are NLTK's English list (stop-words crate),
//! with "U.S." mapped to the token `us_country` so it survives stop-word
//! filtering (the list has "us").

use super::memo::Memo;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet as HashSet;
use std::rc::Rc;
use std::sync::LazyLock;

/// Folds typographic quotes, dashes and spaces to ASCII for comparison only
/// (never for display). Keeps byte lengths different, so use it on copies.
pub fn fold(text: &str) -> String {
    // Every character folded is outside ASCII: an ASCII text is its own
    // fold, copied whole rather than character by character (issue 15).
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars().map(fold_char).collect()
}

/// One character of [`fold`].
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
        c => c,
    }
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    /// No upper-case letter ("said", "eBay" is [`Casing::Mixed`]).
    Lower,
    /// An upper-case first letter, the rest lower case ("Ruiz", "U.s").
    Capitalised,
    /// Two or more letters, all upper case ("NATO", "U.S.").
    Upper,
    /// Upper case after the first letter ("iPhone", "McCain").
    Mixed,
    /// No letter at all ("2009", "$5").
    NoLetters,
}

/// One word of a text, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written ("U.S.", "Khamenei's" → "Khamenei").
    pub raw: &'a str,
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }
    /// How the word is written.
    pub fn casing(&self) -> Casing {
        casing(self.raw)
    }
    /// Contains a digit.
    pub fn is_numeric(&self) -> bool {
        self.raw.chars().any(|c| c.is_ascii_digit())
    }
    /// Lower-case comparison form: folded, possessive stripped, "U.S." → "us_country".
    pub fn norm(&self) -> String {
        normalise_word(self.raw)
    }
}

/// A word of a text as the readers of words see it: as written, with its
/// byte offsets in that text. Both token types of the layer ([`Token`],
/// [`Spaced`]) are words, so one reader (the name-run finder of
/// [`crate::nlp::names`]) serves both.
pub trait Word {
    /// The word as written.
    fn raw(&self) -> &str;
    /// Byte offset of its first character in the text.
    fn start(&self) -> usize;
    /// Byte offset just past it.
    fn end(&self) -> usize;
}

/// Both token types hold the word and its offsets under the same names.
macro_rules! impl_word {
    ($($t:ident),*) => {$(
        impl Word for $t<'_> {
            fn raw(&self) -> &str {
                self.raw
            }
            fn start(&self) -> usize {
                self.start
            }
            fn end(&self) -> usize {
                self.end
            }
        }
    )*};
}
impl_word!(Token, Spaced);

/// Does a word as written end in a possessive ("Obama's", "players'",
/// "Davis ’ s")?
pub fn is_possessive(raw: &str) -> bool {
    // The last two characters of the word folded with its spaces removed
    // (`fold(raw).replace(' ', "")`), read from the end without building
    // it: this runs for every word of every sentence (issue 15).
    let mut tail = raw.chars().rev().map(fold_char).filter(|&c| c != ' ');
    let (Some(last), Some(before)) = (tail.next(), tail.next()) else {
        return false;
    };
    matches!((before, last), ('\'', 's') | ('s', '\''))
}

/// How a word is written (see [`Casing`]).
pub fn casing(raw: &str) -> Casing {
    let mut letters = raw.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Casing::NoLetters;
    };
    let rest: Vec<char> = letters.collect();
    let upper_rest = rest.iter().filter(|c| c.is_uppercase()).count();
    match (first.is_uppercase(), upper_rest) {
        (true, n) if n == rest.len() && n > 0 => Casing::Upper,
        (true, 0) => Casing::Capitalised,
        (false, 0) => Casing::Lower,
        _ => Casing::Mixed,
    }
}

/// Does the text between two words end a sentence, a clause or open a
/// quotation or bracket, so that the next word's capital says nothing
/// about it being a name? (Sentence punctuation, colon, semicolon, line
/// break, opening brackets, dashes, bullets and quotation marks.)
pub fn opens_clause(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '\n' | '(' | '[' | '-' | '•' | '\'' | '\u{2018}'
        ) || crate::nlp::quotemarks::is_double_quote(c)
            || c == '\u{2014}'
            || c == '\u{2013}'
    })
}

/// Lower-case comparison form of a word.
pub fn normalise_word(raw: &str) -> String {
    // Most words are ASCII letters and digits only: no quote, dash, space,
    // apostrophe or period to fold or strip, so the comparison form is the
    // word in lower case (the general path below gives the same).
    if raw != "US" && raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return raw.to_ascii_lowercase();
    }
    normalise_any(raw)
}

/// [`normalise_word`] for any word.
fn normalise_any(raw: &str) -> String {
    // "US" in capitals is the country, as "U.S." is (never the pronoun).
    if raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .unwrap_or(raw)
        == "US"
    {
        return "us_country".to_string();
    }
    let folded = fold(raw).to_lowercase();
    // A spaced possessive ("Davis ’ s", see [`words`]) reads as "davis's".
    let folded = if folded.contains(' ') {
        folded.replace(' ', "")
    } else {
        folded
    };
    let w = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(&folded);
    match w {
        "u.s." | "u.s" | "us." => "us_country".to_string(),
        "u.k." | "u.k" => "uk".to_string(),
        "u.n." | "u.n" => "un".to_string(),
        _ => w.trim_matches('.').to_string(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The clitics written after an apostrophe: the possessive and the
/// contractions ("’s", "n’t" as "’t", "’m", "’d", "’re", "’ve", "’ll").
const CLITICS: [&str; 7] = ["s", "t", "m", "d", "re", "ve", "ll"];

/// A text as characters by index, for [`words`]: the bytes of an ASCII
/// text (each byte one character at its own offset), or the decoded
/// characters of any other. One scan serves both, so they split alike;
/// most news text is ASCII and needs no decoded copy.
trait Chars {
    fn count(&self) -> usize;
    /// Character `i`.
    fn at(&self, i: usize) -> char;
    /// The byte offset of character `i` in the text.
    fn offset(&self, i: usize) -> usize;
}

/// An ASCII text's bytes.
struct Ascii<'a>(&'a [u8]);

impl Chars for Ascii<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn at(&self, i: usize) -> char {
        char::from(self.0[i])
    }
    fn offset(&self, i: usize) -> usize {
        i
    }
}

impl Chars for [(usize, char)] {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, i: usize) -> char {
        self[i].1
    }
    fn offset(&self, i: usize) -> usize {
        self[i].0
    }
}

/// The end (a char index) of a possessive or contraction written with spaces
/// around its apostrophe ("Davis ’ s sister", "I ’ m", "don ’ t": some
/// sources, ECB+ among them, space every apostrophe) when one starts at char
/// index `j`, right after a word ending in a letter: spaces, an apostrophe,
/// spaces, a clitic ([`CLITICS`]), then no more word and no closing quote; at
/// least one space (an unspaced "Davis’s" is joined as any inner apostrophe
/// is).
fn spaced_clitic_end<C: Chars + ?Sized>(chars: &C, j: usize) -> Option<usize> {
    let n = chars.count();
    let get = |k: usize| (k < n).then(|| chars.at(k));
    if !get(j.checked_sub(1)?)?.is_alphabetic() {
        return None;
    }
    let spaces = |from: usize| (from..n).take_while(|&k| chars.at(k) == ' ').count();
    let before = spaces(j);
    let apostrophe = j + before;
    if !matches!(get(apostrophe)?, '\'' | '\u{2019}') {
        return None;
    }
    let after = spaces(apostrophe + 1);
    let from = apostrophe + 1 + after;
    let word_len = (from..n).take_while(|&k| is_word_char(chars.at(k))).count();
    let end = from + word_len;
    let word: String = (from..end)
        .map(|k| chars.at(k).to_ascii_lowercase())
        .collect();
    // "the ' s ' key" quotes a letter.
    let quoted = get(end + spaces(end)).is_some_and(|c| matches!(c, '\'' | '\u{2019}'));
    (before + after > 0 && CLITICS.contains(&word.as_str()) && !quoted).then_some(end)
}

/// Splits a text into words: runs of letters and digits, keeping inner
/// apostrophes ("don't"), inner periods of abbreviations and numbers ("U.S.",
/// "2.5"), inner commas of numbers ("5,587"), inner hyphens ("full-scale")
/// and a leading `$`. A possessive or contraction written with spaces
/// ("Davis ’ s", "I ’ m") is one word, as "Davis’s" and "I’m" are.
pub fn words(text: &str) -> Vec<Token<'_>> {
    if text.len() < WORDS_MEMO_MIN_LEN || u32::try_from(text.len()).is_err() {
        return split(text);
    }
    let spans = WORDS.with(|memo| {
        memo.get_or(text, || {
            split(text)
                .iter()
                .map(|w| (w.start as u32, w.end as u32))
                .collect::<Rc<[(u32, u32)]>>()
        })
    });
    spans
        .iter()
        .map(|&(start, end)| {
            let (start, end) = (start as usize, end as usize);
            Token {
                raw: &text[start..end],
                start,
                end,
            }
        })
        .collect()
}

/// [`words`], split.
fn split(text: &str) -> Vec<Token<'_>> {
    if text.is_ascii() {
        return split_words(text, &Ascii(text.as_bytes()));
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    split_words(text, chars.as_slice())
}

thread_local! {
    /// The words of texts already split on this thread, as byte spans: every
    /// stage splits the same sentences again (quotations, alignment, each
    /// side of each conflict), and [`words`] was the largest function of a
    /// clean build (issue 15). The words depend on the text alone, so
    /// remembering them changes nothing but the time. Bounded: past
    /// [`WORDS_MEMO_LIMIT`] texts it starts afresh.
    static WORDS: Memo<Rc<[(u32, u32)]>> = Memo::new(WORDS_MEMO_LIMIT);
}

/// Texts remembered per thread by [`words`].
const WORDS_MEMO_LIMIT: usize = 50_000;

/// Texts shorter than this are split again (cheaper than looking them up).
const WORDS_MEMO_MIN_LEN: usize = 32;

/// [`words`] over `text` read as `chars`.
fn split_words<'t, C: Chars + ?Sized>(text: &'t str, chars: &C) -> Vec<Token<'t>> {
    let n = chars.count();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = chars.at(i);
        let start = chars.offset(i);
        let dollar = c == '$' && i + 1 < n && chars.at(i + 1).is_ascii_digit();
        if !is_word_char(c) && !dollar {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let c = chars.at(j);
            if is_word_char(c) {
                j += 1;
                continue;
            }
            let next_is_word = j + 1 < n && is_word_char(chars.at(j + 1));
            let joiner = matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',');
            if joiner && next_is_word {
                // Commas only join digits; periods join digits or single letters (U.S.).
                let prev = chars.at(j - 1);
                let next = chars.at(j + 1);
                let ok = match c {
                    ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
                    '.' => {
                        (prev.is_ascii_digit() && next.is_ascii_digit())
                            || (prev.is_uppercase()
                                && (j < 2
                                    || !is_word_char(chars.at(j - 2))
                                    || chars.at(j - 2) == '.')
                                && next.is_uppercase())
                    }
                    _ => true,
                };
                if ok {
                    j += 1;
                    continue;
                }
            }
            // A trailing period after single capital letters: "U.S." keeps its dot.
            if c == '.' && j >= 2 && chars.at(j - 2) == '.' && chars.at(j - 1).is_uppercase() {
                j += 1;
            }
            if let Some(end) = spaced_clitic_end(chars, j) {
                j = end;
            }
            break;
        }
        let end = if j < n { chars.offset(j) } else { text.len() };
        out.push(Token {
            raw: &text[start..end],
            start,
            end,
        });
        i = j;
    }
    out
}

/// A word of running text with the characters between it and the previous
/// word (or the start of the text): readers of clauses need both ("said,"
/// vs "said" before a name; "Sen. Ruiz" vs "Ruiz. Chen").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spaced<'a> {
    /// The word as written.
    pub raw: &'a str,
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
    /// The text between the previous word and this one.
    pub gap: &'a str,
}

impl Spaced<'_> {
    /// Folded, lower-cased form (possessive kept: "obama's").
    pub fn lower(&self) -> String {
        // An ASCII word folds to itself, and its lower case is the ASCII
        // one: one copy instead of two.
        if self.raw.is_ascii() {
            return self.raw.to_ascii_lowercase();
        }
        fold(self.raw).to_lowercase()
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }
    /// Ends in a possessive ("Obama's", "players'", "Davis ’ s").
    pub fn is_possessive(&self) -> bool {
        is_possessive(self.raw)
    }
    /// The word without a possessive ending.
    pub fn bare(&self) -> &str {
        if self.raw.contains(' ') && self.is_possessive() {
            // "Davis ’ s": with "I ’ m", the only words with a space (see
            // [`words`]).
            return self
                .raw
                .trim_end_matches(['s', 'S'])
                .trim_end()
                .trim_end_matches(['\'', '\u{2019}'])
                .trim_end();
        }
        for suffix in ["\u{2019}s", "'s", "\u{2019}", "'"] {
            if let Some(b) = self.raw.strip_suffix(suffix) {
                return b;
            }
        }
        self.raw
    }
}

/// The words of a text ([`words`]) with the gap before each.
pub fn spaced_words(text: &str) -> Vec<Spaced<'_>> {
    let mut prev_end = 0;
    words(text)
        .into_iter()
        .map(|w| {
            let gap = text.get(prev_end..w.start).unwrap_or("");
            prev_end = w.end;
            Spaced {
                raw: w.raw,
                start: w.start,
                end: w.end,
                gap,
            }
        })
        .collect()
}

/// A text's words ([`words`]) with their comparison forms
/// ([`normalise_word`]), computed once: the view that readers of clauses
/// index by word position (the divergence stage's slots, people, amounts
/// and unique claims).
pub struct Tokens<'a> {
    /// The text the words come from.
    pub text: &'a str,
    /// Its words, in order.
    pub words: Vec<Token<'a>>,
    /// The comparison form of each word.
    pub norms: Rc<[String]>,
}

thread_local! {
    /// The comparison forms of texts already tokenised on this thread: the
    /// divergence stage's readers (frames, slots, people, amounts, unique
    /// claims, the gate) each tokenise the same sentence again, and
    /// [`normalise_word`] was the largest function of a clean build
    /// (issue 15). The forms depend on the text alone, so remembering them
    /// changes nothing but the time. Bounded: past [`NORMS_MEMO_LIMIT`]
    /// texts it starts afresh.
    static NORMS: Memo<Rc<[String]>> = Memo::new(NORMS_MEMO_LIMIT);
}

/// Texts remembered per thread by [`Tokens::new`]: more than the
/// sentences of most stories, which are read story by story. At 20,000
/// the peak memory of a clean build of 5,892 articles rose by a third
/// (with the memo of amounts); at 5,000 the story's readers still find
/// their sentences.
const NORMS_MEMO_LIMIT: usize = 5_000;

impl<'a> Tokens<'a> {
    /// Tokenises a text.
    pub fn new(text: &'a str) -> Self {
        let words = words(text);
        let norms = if text.len() < WORDS_MEMO_MIN_LEN {
            words.iter().map(Token::norm).collect()
        } else {
            NORMS.with(|memo| memo.get_or(text, || words.iter().map(Token::norm).collect()))
        };
        Tokens { text, words, norms }
    }

    /// Is there punctuation (not just space or a hyphen) between words `i`
    /// and `i + 1`? True past either end.
    pub fn break_after(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.words.get(i), self.words.get(i + 1)) else {
            return true;
        };
        self.text
            .get(a.end..b.start)
            .is_none_or(|gap| gap.chars().any(|c| !c.is_whitespace() && c != '-'))
    }

    /// The words of the clause around word `k`: from the punctuation
    /// before it to the punctuation after it ([`Tokens::break_after`]).
    pub fn clause(&self, k: usize) -> std::ops::Range<usize> {
        let mut from = k;
        while from > 0 && !self.break_after(from - 1) {
            from -= 1;
        }
        let mut to = k + 1;
        while to < self.words.len() && !self.break_after(to - 1) {
            to += 1;
        }
        from..to
    }

    /// The words `from..to` as written, joined by spaces.
    pub fn span(&self, from: usize, to: usize) -> String {
        self.words
            .get(from..to.min(self.words.len()))
            .unwrap_or_default()
            .iter()
            .map(|w| w.raw)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The comparison form of word `i` (empty past the end).
    pub fn norm(&self, i: usize) -> &str {
        self.norms.get(i).map_or("", String::as_str)
    }

    /// Does word `i` start with an upper-case letter (false past the end)?
    pub fn is_cap(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(Token::is_capitalised)
    }
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// NLTK's English stop words, plus reporting verbs and hedges that carry no
/// fact of their own (`data/en/reporting_words.txt`).
static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    stop_words::get(stop_words::Language::English)
        .iter()
        .copied()
        .chain(crate::nlp::lists::reporting_words())
        .collect()
});

/// Is this normalised word a stop word?
pub fn is_stop(norm: &str) -> bool {
    STOP.contains(norm)
}

thread_local! {
    /// Stems already computed on this thread. Every stage stems the same
    /// words again (Snowball was about a tenth of a clean build's samples);
    /// a stem depends on the word alone, so remembering it changes nothing
    /// but the time. Bounded: past [`STEM_MEMO_LIMIT`] words it starts afresh.
    static STEMS: Memo<Rc<str>> = Memo::new(STEM_MEMO_LIMIT);
}

/// Words remembered per thread by [`stem`] (a news vocabulary of a few
/// thousand articles is well under this).
const STEM_MEMO_LIMIT: usize = 200_000;

/// Snowball English stem of a normalised word.
pub fn stem(norm: &str) -> String {
    if super::stem_rule::is_kept(norm) {
        return norm.to_string();
    }
    // `String::from(&*rc)`, not `rc.to_string()`: an `Rc<str>` has no
    // `to_string` of its own and went through the formatter (a third of
    // this function's instructions).
    let stemmed: Rc<str> =
        STEMS.with(|memo| memo.get_or(norm, || super::stem_rule::stem_with(&STEMMER, norm).into()));
    String::from(&*stemmed)
}

/// Content stems of a text: normalised, stop words removed, stemmed.
pub fn content_stems(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .map(Token::norm)
        .filter(|w| !w.is_empty() && !is_stop(w))
        .map(|w| stem(&w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_runs_between_punctuation() {
        let t = Tokens::new("Analysts expected 12 cents, but it earned 15 cents a share.");
        // "12" is word 2: its clause ends at the comma.
        assert_eq!(t.clause(2), 0..4);
        // "15" is word 8: its clause starts after the comma, ends at the period.
        assert_eq!(t.clause(8), 4..11);
        // A hyphen does not cut: "A well-known firm" is one clause.
        let t = Tokens::new("A well-known firm, said Ana.");
        assert_eq!(t.clause(0), 0..3);
        assert_eq!(t.clause(3), 3..5);
    }

    fn raws(t: &str) -> Vec<&str> {
        words(t).into_iter().map(|w| w.raw).collect()
    }

    #[test]
    fn ascii_texts_split_as_decoded_ones() {
        for t in [
            "The U.S. Army's 5,587 troops, full-scale; don't.",
            "Ms. Davis ' s sister said I ' m here, the ' s ' key.",
            "$5 and $ 6, 2.5% of U.S.A. and U.N. cash. A.B.C.D",
            "x-ray 'quoted' -dash- end.",
            "",
            "a",
            "Davis 's",
        ] {
            let decoded: Vec<(usize, char)> = t.char_indices().collect();
            assert_eq!(words(t), split_words(t, decoded.as_slice()), "{t}");
            // Remembered: the same words again.
            assert_eq!(words(t), split_words(t, decoded.as_slice()), "{t}");
        }
    }

    #[test]
    fn ascii_words_normalise_as_any_word() {
        for w in [
            "Said", "NATO", "2009", "us", "US", "iPhone", "x86", "Ruiz", "a",
        ] {
            assert_eq!(normalise_word(w), normalise_any(w), "{w}");
        }
        assert_eq!(normalise_word("US"), "us_country");
        assert_eq!(normalise_word("NATO"), "nato");
    }

    #[test]
    fn remembered_stems_are_the_stems() {
        for _ in 0..2 {
            assert_eq!(stem("assassination"), "assassin");
            assert_eq!(stem("assassinated"), "assassin");
            assert_eq!(stem("us_country"), "us_country");
        }
    }

    #[test]
    fn words_keep_abbreviations_and_numbers() {
        assert_eq!(
            raws("The U.S. paid $5,587.75 (2.5%) to full-scale Iran’s."),
            vec![
                "The",
                "U.S.",
                "paid",
                "$5,587.75",
                "2.5",
                "to",
                "full-scale",
                "Iran’s"
            ]
        );
    }

    #[test]
    fn spaced_possessives_and_contractions_are_one_word() {
        // ECB+ spaces every apostrophe: "Davis ’ s sister" is "Davis’s sister".
        assert_eq!(
            raws("Ms. Davis \u{2019} s sister, Gray 's aide, Mr. Kim\u{2019} s car"),
            vec![
                "Ms",
                "Davis \u{2019} s",
                "sister",
                "Gray 's",
                "aide",
                "Mr",
                "Kim\u{2019} s",
                "car"
            ]
        );
        assert_eq!(normalise_word("Davis \u{2019} s"), "davis");
        let t = spaced_words("Ms. Davis \u{2019} s sister");
        assert!(t[1].is_possessive());
        assert_eq!(t[1].bare(), "Davis");
        assert_eq!(
            raws("I \u{2019} m sure we don ' t"),
            vec!["I \u{2019} m", "sure", "we", "don ' t"]
        );
        assert_eq!(normalise_word("I \u{2019} m"), "i'm");
        assert!(!spaced_words("I \u{2019} m")[0].is_possessive());
        // Not one word: a closing quote then a word, a lone letter after
        // a quote, a plural, a number.
        assert_eq!(raws("‘locked down’ said"), vec!["locked", "down", "said"]);
        assert_eq!(raws("‘locked down ’ said"), vec!["locked", "down", "said"]);
        assert_eq!(raws("the ' s ' key"), vec!["the", "s", "key"]);
        assert_eq!(raws("Davis ’ sons"), vec!["Davis", "sons"]);
        assert_eq!(raws("1990 ’ s"), vec!["1990", "s"]);
    }

    #[test]
    fn words_split_at_sentence_periods() {
        assert_eq!(raws("It ended. Then"), vec!["It", "ended", "Then"]);
    }

    #[test]
    fn normalise_maps_us_and_possessives() {
        assert_eq!(normalise_word("U.S."), "us_country");
        assert_eq!(normalise_word("US"), "us_country");
        assert_eq!(normalise_word("us"), "us");
        assert_eq!(normalise_word("Iran’s"), "iran");
        assert!(is_stop("the"));
        assert!(!is_stop("us_country"));
    }

    #[test]
    fn stems_are_snowball() {
        assert_eq!(stem("assassination"), stem("assassinating"));
        assert_eq!(
            content_stems("The talks were cancelled"),
            vec!["talk", "cancel"]
        );
    }

    #[test]
    fn casing_of_words() {
        assert_eq!(casing("said"), Casing::Lower);
        assert_eq!(casing("Ruiz"), Casing::Capitalised);
        assert_eq!(casing("NATO"), Casing::Upper);
        assert_eq!(casing("U.S."), Casing::Upper);
        assert_eq!(casing("iPhone"), Casing::Mixed);
        assert_eq!(casing("McCain"), Casing::Mixed);
        assert_eq!(casing("I"), Casing::Capitalised);
        assert_eq!(casing("2009"), Casing::NoLetters);
        let w = &words("the Senate voted")[1];
        assert_eq!((w.start, w.end, w.casing()), (4, 10, Casing::Capitalised));
    }

    #[test]
    fn clause_openers() {
        for gap in [". ", ": ", " \u{201C}", " (", " \u{2014} ", "\n"] {
            assert!(opens_clause(gap), "{gap:?}");
        }
        for gap in [" ", ", ", "  "] {
            assert!(!opens_clause(gap), "{gap:?}");
        }
    }

    #[test]
    fn spaced_words_keep_gaps_and_possessives() {
        let t = spaced_words("Sen. Ruiz\u{2019}s aide, Chen, said");
        let gaps: Vec<&str> = t.iter().map(|w| w.gap).collect();
        assert_eq!(gaps, vec!["", ". ", " ", ", ", ", "]);
        assert!(t[1].is_possessive() && t[1].is_capitalised());
        assert_eq!(t[1].bare(), "Ruiz");
        assert!(!t[2].is_possessive() && !t[2].is_capitalised());
        assert_eq!(t[4].lower(), "said");
        assert!(spaced_words("").is_empty());
    }

    #[test]
    fn tokens_index_words_and_breaks() {
        let t = Tokens::new("Sen. Ruiz\u{2019}s full-scale plan, today");
        assert_eq!(t.norm(1), "ruiz");
        assert_eq!(t.norm(9), "");
        assert!(t.is_cap(0) && t.is_cap(1) && !t.is_cap(2) && !t.is_cap(9));
        // A period or comma is a break; a space is not; past the end is.
        assert!(t.break_after(0) && !t.break_after(1) && t.break_after(3) && t.break_after(4));
        assert_eq!(t.span(1, 3), "Ruiz\u{2019}s full-scale");
        assert_eq!(t.span(3, 9), "plan today");
    }

    #[test]
    fn possessives_read_from_the_end_as_from_the_folded_word() {
        let reference = |raw: &str| {
            let f = fold(raw).replace(' ', "");
            f.ends_with("'s") || f.ends_with("s'")
        };
        let words = [
            "Obama's",
            "Obama\u{2019}s",
            "players'",
            "players\u{2019}",
            "Davis \u{2019} s",
            "Davis\u{00A0}'\u{2009}s",
            "I \u{2019} m",
            "it's",
            "its",
            "'s",
            "s'",
            "'",
            "s",
            "",
            " ",
            "Ruiz's ",
            "OBAMA'S",
            "boss\u{2032}",
            "x\u{2018}s",
            "a's b",
            "James\u{202F}'",
            "\u{201C}s",
            "s\u{2013}",
            "é's",
            "日本's",
        ];
        for w in words.iter().chain(super::super::sentences::NASTY_INPUTS) {
            assert_eq!(is_possessive(w), reference(w), "{w:?}");
        }
        assert!(is_possessive("Obama's") && is_possessive("players\u{2019}"));
        assert!(!is_possessive("OBAMA'S") && !is_possessive("its"));
    }

    #[test]
    fn fold_quotes() {
        assert_eq!(fold("“a” ‘b’ –"), "\"a\" 'b' -");
        // ASCII is its own fold (the shortcut), whatever its marks.
        let ascii = "Plain \"ASCII\" - it's 4.5 (kept) as is.";
        assert_eq!(fold(ascii), ascii);
        // A word's lower case: the ASCII shortcut gives what folding then
        // lower-casing gives, and non-ASCII words still fold.
        for text in [
            "Obama's ONE said",
            "Davis ’ s",
            "ÉCOLE Zürich—Kelvin \u{212A}",
        ] {
            for w in spaced_words(text) {
                assert_eq!(w.lower(), fold(w.raw).to_lowercase(), "{}", w.raw);
            }
        }
    }
}
