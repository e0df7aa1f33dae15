//! Word-level text utilities shared by the analysis stages.
//!
//! Sources mix curly and straight quotes, dashes and abbreviations ("U.S.");
//! every comparison in Parallax goes through the helpers here so that those
//! differences never decide anything. Stemming is Snowball English
//! (rust-stemmers), stop words are NLTK's English list (stop-words crate),
//! with "U.S." mapped to the token `us_country` so it survives stop-word
//! filtering (the list has "us").

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Folds typographic quotes, dashes and spaces to ASCII for comparison only
/// (never for display). Keeps byte lengths different, so use it on copies.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
            c => c,
        })
        .collect()
}

/// True for any opening or closing double quotation mark, straight or curly.
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// One word of a text, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written ("U.S.", "Khamenei's" → "Khamenei").
    pub raw: &'a str,
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
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

/// Lower-case comparison form of a word.
pub fn normalise_word(raw: &str) -> String {
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

/// Splits a text into words: runs of letters and digits, keeping inner
/// apostrophes ("don't"), inner periods of abbreviations and numbers ("U.S.",
/// "2.5"), inner commas of numbers ("5,587"), inner hyphens ("full-scale")
/// and a leading `$`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let dollar = c == '$' && chars.get(i + 1).is_some_and(|p| p.1.is_ascii_digit());
        if !is_word_char(c) && !dollar {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
                continue;
            }
            let next_is_word = chars.get(j + 1).is_some_and(|p| is_word_char(p.1));
            let joiner = matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',');
            if joiner && next_is_word {
                // Commas only join digits; periods join digits or single letters (U.S.).
                let prev = chars[j - 1].1;
                let next = chars[j + 1].1;
                let ok = match c {
                    ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
                    '.' => {
                        (prev.is_ascii_digit() && next.is_ascii_digit())
                            || (prev.is_uppercase()
                                && (j < 2
                                    || !is_word_char(chars[j - 2].1)
                                    || chars[j - 2].1 == '.')
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
            if c == '.' && j >= 2 && chars[j - 2].1 == '.' && chars[j - 1].1.is_uppercase() {
                j += 1;
            }
            break;
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        out.push(Word {
            raw: &text[start..end],
            start,
            end,
        });
        i = j;
    }
    out
}

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn stop_set() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        let mut set: HashSet<&'static str> = stop_words::get(stop_words::Language::English)
            .iter()
            .copied()
            .collect();
        // Reporting verbs and hedges carry no fact of their own.
        for w in ["said", "says", "say", "also", "would", "could", "according"] {
            set.insert(w);
        }
        set
    })
}

/// Is this normalised word a stop word?
pub fn is_stop(norm: &str) -> bool {
    stop_set().contains(norm)
}

/// Snowball English stem of a normalised word.
pub fn stem(norm: &str) -> String {
    if norm.contains('_') || norm.chars().any(|c| c.is_ascii_digit()) {
        return norm.to_string();
    }
    stemmer().stem(norm).into_owned()
}

/// Content stems of a text: normalised, stop words removed, stemmed.
pub fn content_stems(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .map(Word::norm)
        .filter(|w| !w.is_empty() && !is_stop(w))
        .map(|w| stem(&w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raws(t: &str) -> Vec<&str> {
        words(t).into_iter().map(|w| w.raw).collect()
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
    fn fold_quotes() {
        assert_eq!(fold("“a” ‘b’ –"), "\"a\" 'b' -");
    }
}
