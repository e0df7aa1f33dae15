//! Reading amounts written in words or digits ("two" = "2", "over 200",
//! "$1.5 million", "twenty-five", "230, 000", "magnitude-5. 9") so that two
//! sources giving one amount in different forms never look like a conflict,
//! and two different amounts do.
//!
//! Each amount keeps what it needs to be compared honestly:
//! - its **qualifier** ("at least", "about", "up to"), which turns it into a
//!   range ([`Amount::range`]): "at least 10" and "10" are compatible,
//!   "about 80" and "70" are not;
//! - the **step** of its last written digit ("26,000" → 1,000, "5.9" → 0.1),
//!   which says how precise it claims to be;
//! - its **currency** (`$`, `£`, `€`, or words) — amounts in different
//!   currencies are never compared;
//! - its **unit** when one follows (seconds, minutes, miles, kilometres, miles
//!   per hour …), normalised to one base unit per dimension, so "one minute"
//!   and "60 seconds" agree and "30 miles" (a distance) is never compared
//!   with "120 mph" (a speed).
//!
//! Spaced digit groups ("230, 000", "6. 0", common in scraped text) are read
//! as one number when the groups are shaped like one: a comma followed by
//! exactly three digits, a period between a short integer and one or two
//! digits inside one sentence.
//!
//! The entry points: [`amounts_in`] reads every amount of a text;
//! [`amounts`] and [`amount_at`] read from tokens a caller already holds
//! ([`crate::nlp::tokens::words`] and their [`normalise_word`] forms), so
//! the word indices of an [`Amount`] index the caller's tokens.
//! [`is_clock_or_date`] and [`is_conversion`] tell a figure that says when
//! ("3:45 p.m.", "April 30, 2008") or restates the one before in other
//! units ("300 kilometers (190 miles)") from one that counts.
//!
//! The words around an amount (qualifiers, measure words, currency words)
//! are data: `data/en/amount_words.tsv`. Number words ("two", "twenty",
//! "million") stay in code: a closed class of English that no source
//! extends, whose meaning is arithmetic (a word's place in `SMALL` or `TENS`
//! is its value), so a data file would only restate the code. Units and
//! their conversion factors are data too: `data/en/units.tsv`.

use crate::nlp::calendar::{self, CalendarKind};
use crate::nlp::data::rows;
use crate::nlp::tokens::{Token as Word, Tokens, normalise_word, words};
use std::rc::Rc;
use std::sync::LazyLock;

/// How an amount is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    Exact,
    /// "about", "around", "roughly", "approximately", "some", "an estimated"
    About,
    /// "nearly", "almost", "just under"
    Nearly,
    /// "at least", "more than", "over", "upwards of"
    AtLeast,
    /// "up to", "as many as", "at most"
    UpTo,
    /// "fewer than", "less than", "under"
    LessThan,
}

/// A unit a number is measured in, normalised to a base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// What is measured: "duration", "distance", "speed", "area".
    pub dimension: &'static str,
    /// Base units per one of this unit (seconds, metres, metres per second).
    pub factor: f64,
    /// How many words the unit takes after the number.
    pub words: usize,
}

/// How far a qualified figure reaches, as a share of it: "about 80" reads
/// as 72–88, "at least 10" as 10–11. What English readers take such words
/// to mean, set by judgement (a tenth is the usual rounding of a reported
/// figure); not swept. Part of reading the words, not a stage threshold.
pub const QUALIFIER_SLACK: f64 = 0.1;

/// An amount read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The amount in units (currency units for money; base units when `unit`).
    pub value: f64,
    /// Written with a currency sign or word.
    pub money: bool,
    /// The currency: "$", "£", "€", or "" when not money.
    pub currency: &'static str,
    /// Index of the first word of the amount (after any qualifier).
    pub first: usize,
    /// Index one past the last word of the amount (before any unit).
    pub end: usize,
    /// Index of the first word of the qualifier ("more than"), or `first`.
    pub qual_start: usize,
    pub qualifier: Qualifier,
    /// Size of the last written digit's place, in the same units as `value`.
    pub step: f64,
    /// Written with a decimal point ("6.0"): as precise as its last digit.
    pub decimals: bool,
    /// A word joined by a hyphen after the number ("4-magnitude" → "magnitude").
    pub suffix: Option<String>,
    /// A measure word joined before the number ("magnitude-5" → "magnitude").
    pub prefix: Option<String>,
    /// The unit after the number, when there is one (value is then in base units).
    pub unit: Option<Unit>,
}

impl Amount {
    /// A comparison key: equal amounts give equal keys in any spelling.
    pub fn key(&self) -> String {
        let dim = self.unit.map_or("", |u| u.dimension);
        format!("{}{}{dim}", self.currency, format_value(self.value))
    }

    /// The values the amount allows, as an editor reads the qualifier
    /// (the share is [`QUALIFIER_SLACK`]):
    /// exact is one point; "about" allows a tenth either way (or half the
    /// last written digit, if wider; only half the last digit when written
    /// with decimals, "about 6.0"); "at least"/"more than" allow up to a
    /// tenth more; "up to"/"nearly" up to a tenth less; "fewer than" anything
    /// down to half. A bound far from another source's figure is therefore a
    /// different figure ("at least three" against "10"), shown with both
    /// qualifiers, while "at least 10" and "10" agree.
    pub fn range(&self) -> (f64, f64) {
        let v = self.value;
        let slack = (QUALIFIER_SLACK * v.abs()).max(self.step);
        match self.qualifier {
            Qualifier::Exact => (v, v),
            Qualifier::About => {
                let s = if self.decimals {
                    self.step / 2.0
                } else {
                    (QUALIFIER_SLACK * v.abs()).max(self.step / 2.0)
                };
                (v - s, v + s)
            }
            Qualifier::AtLeast => (v, v + slack),
            Qualifier::Nearly | Qualifier::UpTo => (v - slack, v),
            Qualifier::LessThan => (v / 2.0, v),
        }
    }

    /// The dimension compared: currency for money, the unit's dimension, or "".
    pub fn dimension(&self) -> &'static str {
        if self.money {
            self.currency
        } else {
            self.unit.map_or("", |u| u.dimension)
        }
    }
}

/// Can two amounts both be true? Same dimension and overlapping ranges.
/// Amounts of different dimensions (pounds and dollars, miles and mph) are
/// never compared: the caller must not treat them as one attribute.
pub fn compatible(a: &Amount, b: &Amount) -> bool {
    // Two lower bounds ("at least two", "at least 70") never contradict.
    if a.qualifier == Qualifier::AtLeast && b.qualifier == Qualifier::AtLeast {
        return true;
    }
    let (alo, ahi) = a.range();
    let (blo, bhi) = b.range();
    let eps = 1e-9 * (1.0 + a.value.abs().max(b.value.abs()));
    alo <= bhi + eps && blo <= ahi + eps
}

/// Two amounts that differ only as bounds: one is a lower bound ("at least
/// five") below the other, or an upper bound above it — both could be true
/// at different moments, so they are shown as a changing figure.
pub fn only_bounds_differ(a: &Amount, b: &Amount) -> bool {
    let below = |x: &Amount, y: &Amount| x.qualifier == Qualifier::AtLeast && x.value <= y.value;
    let above = |x: &Amount, y: &Amount| {
        matches!(x.qualifier, Qualifier::UpTo | Qualifier::LessThan) && x.value >= y.value
    };
    below(a, b) || below(b, a) || above(a, b) || above(b, a)
}

pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

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

/// Small number words and their values.
fn word_value(w: &str) -> Option<f64> {
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
        "million" | "mln" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// One row of `data/en/amount_words.tsv`.
enum AmountWord {
    Qualifier(Vec<&'static str>, Qualifier),
    Measure(&'static str),
    Currency(&'static str, &'static str),
    /// Letters glued before a dollar sign ("A$4.56", "US$2"): whose dollar.
    Code(&'static str, &'static str),
}

static AMOUNT_WORDS: LazyLock<Vec<AmountWord>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/amount_words.tsv"))
        .map(|r| {
            let field = |i: usize| r.get(i).copied().unwrap_or("");
            match field(1) {
                "qualifier" => {
                    let kind = match field(2) {
                        "about" => Qualifier::About,
                        "nearly" => Qualifier::Nearly,
                        "at_least" => Qualifier::AtLeast,
                        "up_to" => Qualifier::UpTo,
                        "less_than" => Qualifier::LessThan,
                        other => panic!("data/en/amount_words.tsv: unknown qualifier {other:?}"),
                    };
                    AmountWord::Qualifier(field(0).split(' ').collect(), kind)
                }
                "measure" => AmountWord::Measure(field(0)),
                "currency" => AmountWord::Currency(field(0), field(2)),
                "code" => AmountWord::Code(field(0), field(2)),
                other => panic!("data/en/amount_words.tsv: unknown class {other:?}"),
            }
        })
        .collect()
});

/// Qualifiers that can stand before an amount, longest first (so "just
/// over" wins over "over").
static QUALIFIERS: LazyLock<Vec<(Vec<&'static str>, Qualifier)>> = LazyLock::new(|| {
    let mut q: Vec<(Vec<&'static str>, Qualifier)> = AMOUNT_WORDS
        .iter()
        .filter_map(|w| match w {
            AmountWord::Qualifier(words, kind) => Some((words.clone(), *kind)),
            _ => None,
        })
        .collect();
    q.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    q
});

/// Does this word name a measure that may be joined to a number by a
/// hyphen ("magnitude-5.9", "category-4")?
fn is_measure_word(w: &str) -> bool {
    AMOUNT_WORDS
        .iter()
        .any(|a| matches!(a, AmountWord::Measure(m) if *m == w))
}

/// Currency words after an amount, and the sign they stand for.
pub fn currency_word(n: &str) -> Option<&'static str> {
    AMOUNT_WORDS.iter().find_map(|a| match a {
        AmountWord::Currency(word, sign) if *word == n => Some(*sign),
        _ => None,
    })
}

/// The currency a code glued before a dollar sign stands for ("A$4.56" is
/// Australian dollars, "US$2" US dollars), from `data/en/amount_words.tsv`.
fn currency_code(n: &str) -> Option<&'static str> {
    AMOUNT_WORDS.iter().find_map(|a| match a {
        AmountWord::Code(word, sign) if *word == n => Some(*sign),
        _ => None,
    })
}

/// A currency code written right before a dollar amount at word `i` and
/// glued to it ("A$4.56", "HK$ 10" is not): the code's word index and the
/// currency. The code and the figure are one amount, never the word "A"
/// and "$4.56".
fn code_before(
    text: &str,
    words: &[Word<'_>],
    norms: &[String],
    i: usize,
) -> Option<(usize, &'static str)> {
    let k = i.checked_sub(1)?;
    let raw = words[k].raw;
    let glued = text.get(words[k].end..words[i].start) == Some("")
        && text.get(words[i].start..)?.starts_with('$');
    let capitals = raw.chars().all(|c| c.is_ascii_uppercase());
    (glued && capitals)
        .then(|| currency_code(&norms[k]))
        .flatten()
        .map(|c| (k, c))
}

/// A currency sign written right before the word starting at `start`.
fn currency_sign(text: &str, start: usize) -> Option<&'static str> {
    let before = text.get(..start)?.chars().next_back()?;
    match before {
        '$' => Some("$"),
        '£' => Some("£"),
        '€' => Some("€"),
        _ => None,
    }
}

/// A row of `data/en/units.tsv`.
struct UnitWord {
    word: &'static str,
    kind: &'static str,
    factor: f64,
    /// Metres per second when "per hour" follows (distance units).
    per_hour: Option<f64>,
}

/// A factor of the units table: a number or a fraction ("1/3.6").
fn factor(field: &str) -> f64 {
    let parse = |s: &str| -> f64 {
        s.parse()
            .unwrap_or_else(|_| panic!("data/en/units.tsv: bad factor {field:?}"))
    };
    match field.split_once('/') {
        Some((a, b)) => parse(a) / parse(b),
        None => parse(field),
    }
}

static UNIT_WORDS: LazyLock<Vec<UnitWord>> = LazyLock::new(|| {
    rows(include_str!("../../data/en/units.tsv"))
        .map(|r| {
            let kind = r[1];
            assert!(
                matches!(kind, "speed" | "distance" | "per" | "hour" | "duration"),
                "data/en/units.tsv: unknown kind {kind:?}"
            );
            UnitWord {
                word: r[0],
                kind,
                factor: r.get(2).map_or(0.0, |f| factor(f)),
                per_hour: r.get(3).map(|f| factor(f)),
            }
        })
        .collect()
});

/// The row of the units table for word `n` as a unit of `kind` (a word
/// may be two: "hour" is a duration and the time of a speed).
fn unit_word(n: &str, kind: &str) -> Option<&'static UnitWord> {
    UNIT_WORDS.iter().find(|u| u.word == n && u.kind == kind)
}

fn unit_kind(n: &str, kind: &str) -> bool {
    unit_word(n, kind).is_some()
}

/// The unit at word `i`, if a unit word stands there (`data/en/units.tsv`).
pub fn unit_at(norms: &[String], i: usize) -> Option<Unit> {
    let n = norms.get(i)?.as_str();
    let next = norms.get(i + 1).map_or("", String::as_str);
    let after = norms.get(i + 2).map_or("", String::as_str);
    let u = |dimension, factor, words| {
        Some(Unit {
            dimension,
            factor,
            words,
        })
    };
    // Speeds first: "mph", then "miles per hour", "kilometers an hour".
    if let Some(w) = unit_word(n, "speed") {
        return u("speed", w.factor, 1);
    }
    if unit_kind(next, "per") && unit_kind(after, "hour") {
        return u("speed", unit_word(n, "distance")?.per_hour?, 3);
    }
    if let Some(w) = unit_word(n, "duration") {
        return u("duration", w.factor, 1);
    }
    u("distance", unit_word(n, "distance")?.factor, 1)
}

/// The qualifier that ends right before word `i`, and where it starts. A
/// bound before an approximator ("as much as about 16 percent", "up to
/// nearly 200") is the figure's qualifier: the outer words say it is an
/// upper (or lower) bound, the inner only how rounded the bound is.
fn qualifier_before(norms: &[String], i: usize) -> (usize, Qualifier) {
    let (start, inner) = qualifier_at(norms, i);
    if matches!(inner, Qualifier::About | Qualifier::Nearly) && start < i {
        let (outer_start, outer) = qualifier_at(norms, start);
        if matches!(
            outer,
            Qualifier::UpTo | Qualifier::AtLeast | Qualifier::LessThan
        ) && outer_start < start
        {
            return (outer_start, outer);
        }
    }
    (start, inner)
}

/// The one qualifier that ends right before word `i`, and where it starts.
fn qualifier_at(norms: &[String], i: usize) -> (usize, Qualifier) {
    // "more than a dozen": the article belongs to the number word.
    let i = if i > 0 && norms[i - 1] == "a" && norms.get(i).is_some_and(|n| n == "dozen") {
        i - 1
    } else {
        i
    };
    for (q, kind) in QUALIFIERS.iter() {
        if q.len() <= i && norms[i - q.len()..i].iter().zip(q).all(|(a, b)| a == b) {
            return (i - q.len(), *kind);
        }
    }
    (i, Qualifier::Exact)
}

/// Digits of a plain number ("1,200", "5.9"), its value and the size of
/// its last digit's place.
fn digits_value(digits: &str) -> Option<(f64, f64)> {
    if !digits.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != ',').collect();
    let v = clean.parse::<f64>().ok()?;
    let step = match clean.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None => {
            let zeros = clean.chars().rev().take_while(|c| *c == '0').count();
            if v == 0.0 {
                1.0
            } else {
                10f64.powi(zeros as i32)
            }
        }
    };
    Some((v, step))
}

/// Multipliers written glued to digits ("£1.2m", "$3bn", "2mn"): like the
/// number words, a closed class kept in code.
const GLUED_MULTIPLIERS: [(&str, f64); 4] = [("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("k", 1e3)];

/// The value of one word: digits or a number word, maybe hyphen-joined to a
/// measure word before ("magnitude-5") or any word after ("4-magnitude",
/// "five-boat"). Returns value, step, prefix, suffix.
fn atom(norm: &str) -> Option<(f64, f64, Option<String>, Option<String>)> {
    if let Some((v, s)) = digits_value(norm) {
        return Some((v, s, None, None));
    }
    if let Some(v) = word_value(norm) {
        return Some((v, 1.0, None, None));
    }
    // "£1.2m", "$3bn", "2mn": a multiplier glued to the digits.
    for (glued, m) in GLUED_MULTIPLIERS {
        if let Some(d) = norm.strip_suffix(glued)
            && let Some((v, s)) = digits_value(d)
            && d.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Some((v * m, s * m, None, None));
        }
    }
    let (head, tail) = norm.split_once('-')?;
    if is_measure_word(head)
        && let Some((v, s)) = digits_value(tail)
    {
        return Some((v, s, Some(head.to_string()), None));
    }
    let tail_is_word = tail.chars().next().is_some_and(|c| c.is_alphabetic());
    if !tail_is_word {
        return None;
    }
    // "twenty-five-year-old": the number is the longest leading part.
    if let Some((a, rest)) = tail.split_once('-')
        && let Some(v) = word_value(&format!("{head}-{a}"))
    {
        return Some((v, 1.0, None, Some(rest.to_string())));
    }
    let (v, s) = digits_value(head).or_else(|| word_value(head).map(|v| (v, 1.0)))?;
    Some((v, s, None, Some(tail.to_string())))
}

/// The gap between words `i` and `i + 1` of `text`.
fn gap<'t>(text: &'t str, words: &[Word<'_>], i: usize) -> &'t str {
    match (words.get(i), words.get(i + 1)) {
        (Some(a), Some(b)) => text.get(a.end..b.start).unwrap_or(" "),
        _ => " ",
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Reads an amount starting at word `i` of `text`, if there is one.
pub fn amount_at(text: &str, words: &[Word<'_>], norms: &[String], i: usize) -> Option<Amount> {
    let norm = norms.get(i)?;
    let raw_digits = norm.trim_start_matches('$');
    let (mut value, mut step, prefix, mut suffix) = atom(raw_digits)?;
    let code = code_before(text, words, norms, i);
    let mut currency = if let Some((_, c)) = code {
        Some(c)
    } else if norm.starts_with('$') {
        Some("$")
    } else {
        currency_sign(text, words[i].start)
    };
    let mut end = i + 1;
    // Spaced digit groups: "230, 000" and "5. 9" are one number.
    let core = match &prefix {
        Some(p) => &raw_digits[p.len() + 1..],
        None => raw_digits,
    };
    let mut decimals = core.contains('.');
    if suffix.is_none() && is_digits(core) && core.len() <= 3 {
        let mut last = i;
        while let Some(next) = norms.get(last + 1)
            && gap(text, words, last) == ", "
            && next.len() >= 3
            && next[..3].chars().all(|c| c.is_ascii_digit())
            && (next.len() == 3 || !next[3..].starts_with(|c: char| c.is_ascii_digit()))
        {
            let (v, s, _, suf) = atom(next)?;
            if next.len() > 3 && suf.is_none() {
                break;
            }
            value = value * 1000.0 + v;
            step = if v == 0.0 { step * 1000.0 } else { s };
            suffix = suf;
            last += 1;
            end = last + 1;
            if suffix.is_some() {
                break;
            }
        }
        if end == i + 1
            && gap(text, words, i) == ". "
            && let Some(next) = norms.get(i + 1)
        {
            let digits: String = next.chars().take_while(char::is_ascii_digit).collect();
            let rest = &next[digits.len()..];
            // "£1. 2m", "$3. 5bn": a multiplier glued to the decimals.
            let glued = GLUED_MULTIPLIERS
                .iter()
                .find(|(g, _)| rest == *g)
                .map(|(_, m)| *m);
            if (1..=2).contains(&digits.len())
                && (rest.is_empty() || rest.starts_with('-') || glued.is_some())
            {
                let frac: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
                let m = glued.unwrap_or(1.0);
                value = (value + frac) * m;
                step = 10f64.powi(-(digits.len() as i32)) * m;
                decimals = true;
                suffix = rest.strip_prefix('-').map(str::to_string);
                end = i + 2;
            }
        }
    }
    // "$2.6-million": a multiplier joined by a hyphen is no suffix.
    if let Some(m) = suffix.as_deref().and_then(multiplier) {
        value *= m;
        step *= m;
        suffix = None;
    }
    if suffix.is_none() {
        while let Some(m) = norms.get(end).and_then(|n| multiplier(n)) {
            value *= m;
            step *= m;
            end += 1;
        }
    }
    if let Some(c) = norms.get(end).and_then(|n| currency_word(n)) {
        currency = Some(c);
    }
    let unit = if currency.is_none() && suffix.is_none() {
        unit_at(norms, end)
    } else {
        None
    };
    if let Some(u) = unit {
        value *= u.factor;
        step *= u.factor;
    }
    let first = code.map_or(i, |(k, _)| k);
    let (qual_start, qualifier) = qualifier_before(norms, first);
    Some(Amount {
        value,
        money: currency.is_some(),
        currency: currency.unwrap_or(""),
        first,
        end,
        qual_start,
        qualifier,
        step,
        decimals,
        suffix,
        prefix,
        unit,
    })
}

/// Is the number at words `first..end` one side of a fraction or ratio
/// ("4 1/2", "41 / 2", "3/4"): a slash joins it to another number?
fn in_fraction(text: &str, words: &[Word<'_>], first: usize, end: usize) -> bool {
    let numeric = |k: usize| words.get(k).is_some_and(Word::is_numeric);
    let before = first > 0 && gap(text, words, first - 1).contains('/') && numeric(first - 1);
    let after = gap(text, words, end - 1).contains('/') && numeric(end);
    before || after
}

/// Does the number at word `i` follow a code of two or three capitals
/// ("AK 47", "MP 5", "F-16" written "F 16" has one capital and is left
/// alone): part of a model name, which counts nothing?
fn after_code_letters(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| words.get(p)) else {
        return false;
    };
    let code = (2..=3).contains(&prev.raw.len())
        && prev.raw.chars().all(|c| c.is_ascii_uppercase())
        && !crate::nlp::tokens::is_stop(&prev.raw.to_lowercase());
    code && matches!(gap(text, words, i - 1), " " | "-")
}

/// Every amount in a word list of `text`, left to right, not overlapping.
pub fn amounts(text: &str, words: &[Word<'_>], norms: &[String]) -> Vec<Amount> {
    if text.len() < AMOUNTS_MEMO_MIN_LEN || u32::try_from(text.len()).is_err() {
        return read_amounts(text, words, norms);
    }
    let same = |f: &Read| {
        f.spans.len() == words.len()
            && f.spans
                .iter()
                .zip(words)
                .all(|(&(s, e), w)| s as usize == w.start && e as usize == w.end)
            && f.norms.as_slice() == norms
    };
    let found = AMOUNTS.with(|memo| {
        memo.get_or(text, || {
            Rc::new(Read {
                spans: words
                    .iter()
                    .map(|w| (w.start as u32, w.end as u32))
                    .collect(),
                norms: norms.to_vec(),
                amounts: read_amounts(text, words, norms),
            })
        })
    });
    if same(&found) {
        return found.amounts.clone();
    }
    read_amounts(text, words, norms)
}

/// What [`amounts`] read from a text: the words and comparison forms it
/// was given (a hit must be given the same) and the amounts.
struct Read {
    spans: Vec<(u32, u32)>,
    norms: Vec<String>,
    amounts: Vec<Amount>,
}

thread_local! {
    /// Amounts already read on this thread (performance only, issue 15):
    /// the divergence stage reads the amounts of the same sentence in
    /// several of its readers (frames, slots, unique claims, the gate),
    /// about 6% of a clean build's instructions. The amounts depend on the
    /// text, its words and their comparison forms alone; a remembered
    /// value is used only when all three are the same, so this changes
    /// nothing but the time. Bounded: past [`AMOUNTS_MEMO_LIMIT`] texts it
    /// starts afresh.
    static AMOUNTS: crate::nlp::memo::Memo<Rc<Read>> =
        crate::nlp::memo::Memo::new(AMOUNTS_MEMO_LIMIT);
}

/// Texts remembered per thread by [`amounts`] (as many as
/// `tokens::NORMS_MEMO_LIMIT`, for the same reason).
const AMOUNTS_MEMO_LIMIT: usize = 5_000;

/// Texts shorter than this are read again (cheaper than looking them up).
const AMOUNTS_MEMO_MIN_LEN: usize = 32;

/// [`amounts`], read.
fn read_amounts(text: &str, words: &[Word<'_>], norms: &[String]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A capitalised number word inside a sentence is part of a name
        // ("Group of Seven").
        let in_name = i > 0 && words[i].is_capitalised() && !words[i].is_numeric();
        let in_code = |a: &Amount| {
            in_fraction(text, words, a.first, a.end) || after_code_letters(text, words, a.first)
        };
        match amount_at(text, words, norms, i).filter(|_| !in_name) {
            // A code's number is read whole ("USB 3. 0") and skipped.
            Some(a) if in_code(&a) => i = a.end,
            Some(a) => {
                i = a.end;
                out.push(a);
            }
            None => i += 1,
        }
    }
    out
}

/// The comparison forms of tokens ([`normalise_word`]), as [`amounts`]
/// expects them.
pub fn norms_of(words: &[Word<'_>]) -> Vec<String> {
    words.iter().map(|w| normalise_word(w.raw)).collect()
}

/// Every amount of a text, left to right (word indices count the text's
/// [`words`]).
pub fn amounts_in(text: &str) -> Vec<Amount> {
    let ws = words(text);
    let norms = norms_of(&ws);
    amounts(text, &ws, &norms)
}

/// Is this amount part of a clock time ("3:45 p.m.", "1052 GMT",
/// "09:10 hours") or of a date ("April 30, 2008", "28 April", "Nov. 30")?
/// Those say when, not how many: a dateline's time is no new figure.
pub fn is_clock_or_date(t: &Tokens<'_>, a: &Amount) -> bool {
    if a.money || a.unit.is_some_and(|u| u.dimension != "duration") {
        return false;
    }
    let (first, last) = (&t.words[a.first], &t.words[a.end - 1]);
    let before = t.text[..first.start].trim_end();
    let after = &t.text[last.end..];
    let digit_before = |s: &str| s.chars().next_back().is_some_and(|c| c.is_ascii_digit());
    let clock = before.strip_suffix(':').is_some_and(digit_before)
        || after
            .strip_prefix(':')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        || calendar::is_time_zone(t.norm(a.end))
        || matches!(t.norm(a.end), "am" | "pm" | "a.m" | "p.m")
        || (matches!(t.norm(a.end), "a" | "p") && t.norm(a.end + 1) == "m");
    let month =
        |k: usize| calendar::lookup(t.norm(k)).is_some_and(|c| c.kind == CalendarKind::Month);
    let year_after_day = calendar::year(first.raw).is_some()
        && a.qual_start >= 2
        && t.words[a.qual_start - 1].is_numeric()
        && month(a.qual_start - 2);
    let date = (a.qual_start >= 1 && a.qual_start == a.first && month(a.qual_start - 1))
        || month(a.end)
        || year_after_day;
    clock || date
}

/// Is `b` the same measure as `a` in other units, in brackets just after
/// it ("300 kilometers (190 miles)")? A conversion is one figure, not two.
pub fn is_conversion(t: &Tokens<'_>, a: &Amount, b: &Amount) -> bool {
    let (Some(ua), Some(ub)) = (a.unit, b.unit) else {
        return false;
    };
    let a_end = a.end + ua.words;
    ua.dimension == ub.dimension
        && b.qual_start == a_end
        && t.text
            .get(t.words[a_end - 1].end..t.words[b.qual_start].start)
            .is_some_and(|gap| gap.trim() == "(")
}

#[cfg(test)]
mod tests {

    fn values_in(text: &str) -> Vec<f64> {
        amounts_in(text).iter().map(|a| a.value).collect()
    }

    #[test]
    fn fractions_and_model_codes_count_nothing() {
        // Must not: a side of a fraction, a number in a model name.
        assert!(
            values_in("He served 4 1/2 months")
                .iter()
                .all(|&v| v == 4.0)
        );
        assert_eq!(
            values_in("and served 41 / 2 months in prison"),
            Vec::<f64>::new()
        );
        assert_eq!(values_in("They recovered 12 AK 47 guns"), vec![12.0]);
        assert_eq!(values_in("They tout USB 3. 0 ports"), Vec::<f64>::new());
        // Must: a count before a code, a rate, a capital that is a word.
        assert_eq!(values_in("They seized 7 AK-47 rifles"), vec![7.0]);
        assert_eq!(values_in("It costs $20/month").first(), Some(&20.0));
        assert_eq!(values_in("A 5.6 magnitude quake"), vec![5.6]);
        assert_eq!(values_in("POLICE SAY 12 PEOPLE DIED"), vec![12.0]);
    }

    use super::*;

    #[test]
    fn amount_words_load_longest_qualifier_first() {
        assert_eq!(QUALIFIERS.len(), 22);
        let over = QUALIFIERS.iter().position(|(q, _)| q == &["over"]);
        let just_over = QUALIFIERS.iter().position(|(q, _)| q == &["just", "over"]);
        assert!(just_over < over);
        assert!(is_measure_word("magnitude") && !is_measure_word("quake"));
        assert_eq!(currency_word("sterling"), Some("£"));
        assert_eq!(currency_word("yen"), None);
    }

    fn all(text: &str) -> Vec<Amount> {
        amounts_in(text)
    }

    #[test]
    fn a_currency_code_and_its_dollars_are_one_amount() {
        // Must: the code glued to the sign names the currency, and the
        // amount starts at the code (the word before it is "at").
        let ws = words("Shares closed at A$4.56 on Friday.");
        let norms = norms_of(&ws);
        let a = &amounts("Shares closed at A$4.56 on Friday.", &ws, &norms)[0];
        assert_eq!((a.currency, a.value), ("A$", 4.56));
        assert_eq!(norms[a.qual_start - 1], "at");
        assert_eq!(one("a C$2 billion deal").currency, "C$");
        assert_eq!(one("US$300 million").key(), one("$300 million").key());
        assert_ne!(one("HK$10").key(), one("$10").key());
        // Must not: a capital word apart from the sign, lower-case letters,
        // or letters that are no code.
        assert_eq!(one("Plan A $5 each").currency, "$");
        assert_eq!(one("a$5 fee").currency, "$");
        assert_eq!(one("the XQ$5 fee").currency, "$");
    }

    #[test]
    fn a_bound_before_an_approximator_is_the_qualifier() {
        // Must: the outer bound wins over "about" / "nearly".
        let a = one("shares fell as much as about 16 percent");
        assert_eq!((a.qualifier, a.value), (Qualifier::UpTo, 16.0));
        assert_eq!(read("as much as about 16 percent")[0].0, "as much as about");
        assert_eq!(one("up to nearly 200 people").qualifier, Qualifier::UpTo);
        assert_eq!(one("as high as 9 percent").qualifier, Qualifier::UpTo);
        // Must not: a lone approximator, or two approximators.
        assert_eq!(one("nearly 12 percent").qualifier, Qualifier::Nearly);
        assert_eq!(one("some about 12 people").qualifier, Qualifier::About);
        assert_eq!(one("as much as 16 percent").qualifier, Qualifier::UpTo);
    }

    fn read(text: &str) -> Vec<(String, String)> {
        let ws = words(text);
        let norms = norms_of(&ws);
        amounts(text, &ws, &norms)
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

    fn one(text: &str) -> Amount {
        all(text).into_iter().next().expect("an amount")
    }

    #[test]
    fn remembered_amounts_serve_only_the_same_words_and_forms() {
        let text = "The council spent $4.5 million on 12 new buses last year.";
        let ws = words(text);
        let norms = norms_of(&ws);
        let first = amounts(text, &ws, &norms);
        assert_eq!(first, read_amounts(text, &ws, &norms));
        assert_eq!(first.len(), 2);
        // Asked again with the same words: the same amounts.
        assert_eq!(amounts(text, &ws, &norms), first);
        // The same text with fewer words, or other forms: read afresh,
        // never the remembered amounts.
        let fewer = &ws[..6];
        assert_eq!(
            amounts(text, fewer, &norms[..6]),
            read_amounts(text, fewer, &norms[..6])
        );
        assert_ne!(amounts(text, fewer, &norms[..6]), first);
        let mut other = norms.clone();
        other[6] = "twelve".to_string();
        assert_eq!(amounts(text, &ws, &other), read_amounts(text, &ws, &other));
        assert_eq!(amounts(text, &ws, &norms), first);
    }

    #[test]
    fn amounts_in_a_text_index_its_words() {
        let text = "At least 1.5 million people fled, and 230,000 homes fell.";
        let a = amounts_in(text);
        assert_eq!(a.len(), 2);
        assert_eq!((a[0].value, a[0].qualifier), (1.5e6, Qualifier::AtLeast));
        assert_eq!((a[0].qual_start, a[0].first, a[0].end), (0, 2, 4));
        assert_eq!(a[0].step, 1e5, "as precise as its last digit");
        assert_eq!((a[1].value, a[1].qualifier), (230000.0, Qualifier::Exact));
        assert!(amounts_in("No figures here.").is_empty());
    }

    #[test]
    fn detokenized_decimals_keep_their_multiplier() {
        // "£1. 2m" is £1.2 million, not £1 and a bare 2 million.
        let a = amounts_in("a diamond necklace worth £1. 2m stolen");
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].value, a[0].currency), (1.2e6, "£"));
        assert_eq!(one("a $2. 6-million booty").value, 2.6e6);
        assert_eq!(one("a $2.6-million booty").value, 2.6e6);
        assert!(one("a $2.6-million booty").suffix.is_none());
        // A measure word after the hyphen is still a suffix, not a multiplier.
        let m = one("a 6. 4-magnitude quake");
        assert_eq!((m.value, m.suffix.as_deref()), (6.4, Some("magnitude")));
        // A decimal followed by another word is left alone.
        assert_eq!(one("rose 5. 9 percent").value, 5.9);
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
        assert_eq!(
            one("more than a dozen people").qualifier,
            Qualifier::AtLeast
        );
        assert_eq!(one("a dozen people").qualifier, Qualifier::Exact);
    }

    #[test]
    fn spaced_digit_groups_are_one_number() {
        assert_eq!(read("home to 230, 000 people")[0].1, "230000");
        assert_eq!(read("a magnitude-6. 0 quake")[0].1, "6");
        assert_eq!(one("a magnitude-5. 9 quake").value, 5.9);
        assert_eq!(
            one("a magnitude-5. 9 quake").prefix.as_deref(),
            Some("magnitude")
        );
        let a = one("A 6. 4-magnitude quake hit");
        assert_eq!((a.value, a.suffix.as_deref()), (6.4, Some("magnitude")));
        assert_eq!(one("a 1, 500-square-kilometer island").value, 1500.0);
    }

    #[test]
    fn lists_and_sentence_ends_stay_apart() {
        // A list of counts, a year before a count, a full stop: separate numbers.
        let v: Vec<f64> = all("They found 3, 12 and 40 boxes.")
            .iter()
            .map(|a| a.value)
            .collect();
        assert_eq!(v, vec![3.0, 12.0, 40.0]);
        let v: Vec<f64> = all("In 2003, 600 died.").iter().map(|a| a.value).collect();
        assert_eq!(v, vec![2003.0, 600.0]);
        let v: Vec<f64> = all("He counted to 5.  9 more came.")
            .iter()
            .map(|a| a.value)
            .collect();
        assert_eq!(v, vec![5.0, 9.0]);
    }

    #[test]
    fn number_words_in_names_are_not_amounts() {
        assert!(read("the Group of Seven met").is_empty());
        assert_eq!(read("Seven boats sank")[0].1, "7");
        assert!(read("six AK-47 rifles").iter().all(|r| r.1 != "47"));
    }

    #[test]
    fn money_in_any_form() {
        assert_eq!(read("about $1 million")[0].1, "$1000000");
        assert_eq!(read("$500,000 bail")[0].1, "$500000");
        assert_eq!(read("3 million dollars")[0].1, "$3000000");
        assert_eq!(read("$1.5 billion")[0].1, "$1500000000");
        assert_eq!(read("jewels worth £910,000")[0].1, "£910000");
        assert_eq!(read("two million euros")[0].1, "€2000000");
        assert_eq!(read("a £1.2m necklace")[0].1, "£1200000");
    }

    #[test]
    fn units_are_normalised() {
        assert_eq!(one("one minute").value, one("60 seconds").value);
        assert_eq!(one("one minute").dimension(), "duration");
        assert_eq!(one("120 miles per hour").dimension(), "speed");
        assert_eq!(one("120 mph").value, one("120 miles per hour").value);
        assert_eq!(one("30 miles").dimension(), "distance");
        assert!(compatible(
            &one("about 940 miles"),
            &one("1,500 kilometers")
        ));
        assert!(!compatible(&one("15 seconds"), &one("one minute")));
    }

    /// The units table gives what the former code table gave, word for word.
    #[test]
    fn unit_table_reads_as_before() {
        let at = |t: &str| {
            let norms: Vec<String> = t.split(' ').map(str::to_string).collect();
            unit_at(&norms, 0).map(|u| (u.dimension, u.factor, u.words))
        };
        assert_eq!(at("mph"), Some(("speed", 0.44704, 1)));
        assert_eq!(at("km/h"), Some(("speed", 1.0 / 3.6, 1)));
        assert_eq!(at("miles per hour"), Some(("speed", 0.44704, 3)));
        assert_eq!(at("kilometres an hour"), Some(("speed", 1.0 / 3.6, 3)));
        assert_eq!(at("km a hr"), Some(("speed", 1.0 / 3.6, 3)));
        assert_eq!(at("mph per hour"), Some(("speed", 0.44704, 1)));
        assert_eq!(at("miles"), Some(("distance", 1609.344, 1)));
        assert_eq!(at("kms"), Some(("distance", 1000.0, 1)));
        assert_eq!(at("feet"), Some(("distance", 0.3048, 1)));
        assert_eq!(at("yards per day"), Some(("distance", 0.9144, 1)));
        assert_eq!(at("minutes"), Some(("duration", 60.0, 1)));
        assert_eq!(at("mins"), Some(("duration", 60.0, 1)));
        assert_eq!(at("week"), Some(("duration", 604800.0, 1)));
        assert_eq!(at("hours"), Some(("duration", 3600.0, 1)));
        assert_eq!(at("hour"), Some(("duration", 3600.0, 1)));
        // Must not: a word before "per hour" that is no distance unit, a
        // unit the table lacks ("months": a month has no fixed length),
        // "kms per hour" (never a speed before either),
        // and words that are not units.
        for t in [
            "people per hour",
            "minutes per hour",
            "kms per hour",
            "inches",
            "months",
            "monday",
            "per",
            "a",
        ] {
            assert_eq!(at(t), None, "{t}");
        }
    }

    #[test]
    fn qualifiers_make_ranges() {
        assert!(compatible(&one("at least 10 people"), &one("10 people")));
        assert!(!compatible(
            &one("at least three people"),
            &one("10 people")
        ));
        assert!(only_bounds_differ(
            &one("at least three people"),
            &one("10 people")
        ));
        assert!(!compatible(&one("about 80 people"), &one("70 people")));
        assert!(!only_bounds_differ(
            &one("about 80 people"),
            &one("70 people")
        ));
        assert!(compatible(
            &one("as many as 80 people"),
            &one("about 80 people")
        ));
        assert!(compatible(&one("up to 120 mph"), &one("more than 110 mph")));
        assert!(
            compatible(&one("more than 26, 000"), &one("more than 31, 000")),
            "two lower bounds never contradict"
        );
        assert!(compatible(
            &one("at least two people"),
            &one("at least 70 people")
        ));
        assert!(!compatible(&one("about 6. 0"), &one("5. 9")));
        assert!(compatible(&one("about 6. 0"), &one("6")));
        assert!(!compatible(
            &one("120, 000 people"),
            &one("200, 000 people")
        ));
    }

    #[test]
    fn clock_times_and_dates_say_when_and_conversions_restate() {
        let when = |text: &str| -> Vec<bool> {
            let t = Tokens::new(text);
            amounts(t.text, &t.words, &t.norms)
                .iter()
                .map(|a| is_clock_or_date(&t, a))
                .collect()
        };
        assert_eq!(
            when("It began at 3:45 p.m. with 40 people."),
            [true, true, false]
        );
        assert_eq!(
            when("On April 30, 2008, 12 houses fell."),
            [true, true, false]
        );
        assert_eq!(when("They walked 40 minutes, 1052 GMT."), [false, true]);
        let t = Tokens::new("It flew 300 kilometers (190 miles) and then 50 miles.");
        let found = amounts(t.text, &t.words, &t.norms);
        assert!(is_conversion(&t, &found[0], &found[1]));
        assert!(!is_conversion(&t, &found[1], &found[2]));
    }
}
