//! Reading amounts written in words or digits ("two" = "2", "over 200",
//! "$1.5 million", "twenty-five") so that two sources giving one amount in
//! different forms never look like a conflict, and two different amounts do.

use crate::text::{Word, normalise_word};

/// An amount read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The amount in units (dollars for money).
    pub value: f64,
    /// Written with a currency sign or followed by "dollars".
    pub money: bool,
    /// Index of the first word of the amount (after any qualifier).
    pub first: usize,
    /// Index one past the last word of the amount.
    pub end: usize,
    /// Index of the first word of the qualifier ("more than"), or `first`.
    pub qual_start: usize,
}

impl Amount {
    /// A comparison key: equal amounts give equal keys in any spelling.
    pub fn key(&self) -> String {
        let unit = if self.money { "$" } else { "" };
        format!("{unit}{}", format_value(self.value))
    }
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.3}")
    }
}

/// Small number words and their values.
fn word_value(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|s| *s == w) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    if w == "dozen" {
        return Some(12.0);
    }
    // "twenty-five"
    let (a, b) = w.split_once('-')?;
    let tens = TENS.iter().position(|s| *s == a)?;
    let unit = SMALL.iter().position(|s| *s == b).filter(|u| *u < 10)?;
    Some((tens as f64 + 2.0) * 10.0 + unit as f64)
}

fn multiplier(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mln" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// The value of one word, digits or number word, and whether it had a `$`.
fn atom(raw: &str) -> Option<(f64, bool)> {
    let norm = normalise_word(raw);
    let (money, digits) = match norm.strip_prefix('$') {
        Some(rest) => (true, rest),
        None => (false, norm.as_str()),
    };
    if digits.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let clean: String = digits.chars().filter(|c| *c != ',').collect();
        return clean.parse::<f64>().ok().map(|v| (v, money));
    }
    word_value(digits).map(|v| (v, money))
}

/// Qualifiers that can stand before an amount, longest first.
const QUALIFIERS: [&[&str]; 16] = [
    &["more", "than"],
    &["fewer", "than"],
    &["less", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["over"],
    &["about"],
    &["nearly"],
    &["almost"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["under"],
];

/// Index of the first word of a qualifier that ends right before `i`.
fn qualifier_start(norms: &[String], i: usize) -> usize {
    for q in QUALIFIERS {
        if q.len() <= i && norms[i - q.len()..i].iter().zip(q).all(|(a, b)| a == b) {
            return i - q.len();
        }
    }
    i
}

/// Reads an amount starting at word `i`, if there is one.
pub fn amount_at(words: &[Word<'_>], norms: &[String], i: usize) -> Option<Amount> {
    let (mut value, mut money) = atom(words.get(i)?.raw)?;
    let mut end = i + 1;
    while let Some(m) = norms.get(end).and_then(|n| multiplier(n)) {
        value *= m;
        end += 1;
    }
    if norms
        .get(end)
        .is_some_and(|n| n == "dollars" || n == "dollar")
    {
        money = true;
    }
    Some(Amount {
        value,
        money,
        first: i,
        end,
        qual_start: qualifier_start(norms, i),
    })
}

/// Every amount in a word list, left to right, not overlapping.
pub fn amounts(words: &[Word<'_>], norms: &[String]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A capitalised number word inside a sentence is part of a name
        // ("Group of Seven").
        let in_name = i > 0 && words[i].is_capitalised() && !words[i].is_numeric();
        match amount_at(words, norms, i).filter(|_| !in_name) {
            Some(a) => {
                i = a.end;
                out.push(a);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn read(text: &str) -> Vec<(String, String)> {
        let ws = words(text);
        let norms: Vec<String> = ws.iter().map(Word::norm).collect();
        amounts(&ws, &norms)
            .into_iter()
            .map(|a| {
                let qual = ws[a.qual_start..a.first]
                    .iter()
                    .map(|w| w.raw)
                    .collect::<Vec<_>>()
                    .join(" ");
                (qual, a.key())
            })
            .collect()
    }

    #[test]
    fn words_and_digits_agree() {
        assert_eq!(read("two ferries")[0].1, read("2 ferries")[0].1);
        assert_eq!(read("twenty-five goats")[0].1, "25");
        assert_eq!(read("a dozen eggs")[0].1, "12");
    }

    #[test]
    fn qualifiers_and_thousands() {
        assert_eq!(
            read("more than 1,200 runners"),
            vec![("more than".to_string(), "1200".to_string())]
        );
        assert_eq!(read("over 200 hurt")[0].0, "over");
    }

    #[test]
    fn number_words_in_names_are_not_amounts() {
        assert!(read("the Group of Seven met").is_empty());
        assert_eq!(read("Seven boats sank")[0].1, "7");
    }

    #[test]
    fn money_in_any_form() {
        assert_eq!(read("about $1 million")[0].1, "$1000000");
        assert_eq!(read("$500,000 bail")[0].1, "$500000");
        assert_eq!(read("3 million dollars")[0].1, "$3000000");
        assert_eq!(read("$1.5 billion")[0].1, "$1500000000");
    }
}
