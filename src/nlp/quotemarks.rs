//! Quotation marks: which way a mark faces, and how marks pair.
//!
//! Only double marks count, straight or curly (and guillemets): single
//! quotes occur inside double-quoted quotations, and the right single
//! quote doubles as the apostrophe ("don’t"), so treating it as a mark
//! would cut words in two.
//!
//! Two pairing policies share the same facing rules, because their callers
//! need different things:
//! - [`pairs`] looks at each mark's neighbours alone ([`facing`]) and is
//!   used by the sentence splitter, which must not split inside a
//!   quotation but must survive badly spaced text (`"We lost. "(Then)`);
//! - [`Scanner`] keeps state across the marks of a paragraph (a straight
//!   mark closes whatever is open) and can resume a quotation carried over
//!   from the previous paragraph; it is what quotation finding needs
//!   (`quotes::detect`).

/// True for any opening or closing double quotation mark, straight or curly.
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// A curly (or guillemet) mark that opens: “ „ «.
pub fn is_opening_curly(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}')
}

/// A curly (or guillemet) mark that closes: ” ».
pub fn is_closing_curly(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// Opening punctuation: quotation marks (double and single) and brackets.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{00AB}' | '(' | '['
    )
}

/// Closing punctuation: quotation marks (double and single) and brackets.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']'
    )
}

/// Which way a double quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facing {
    Open,
    Close,
    /// A straight mark with a space on both sides or on neither.
    Either,
}

/// Which way the mark `c` at byte `at` of `text` faces, if it is a double
/// mark. Curly marks and guillemets say so themselves. A straight `"`
/// opens after a space and before a non-space, closes after a non-space and
/// before a space or punctuation, and is ambiguous otherwise (`do. " He` in
/// badly spaced text).
pub fn facing(text: &str, at: usize, c: char) -> Option<Facing> {
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => return Some(Facing::Open),
        '\u{201D}' | '\u{00BB}' => return Some(Facing::Close),
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
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    })
}

/// A paired quotation inside one text: byte offsets of its opening and its
/// closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkPair {
    pub open: usize,
    pub close: usize,
}

/// Pairs the double quotation marks of one text by [`facing`]. An opening
/// mark while a quotation is open restarts it (nesting double quotes is
/// rare in news); a closing mark with none open, and marks left open, are
/// ignored.
pub fn pairs(text: &str) -> Vec<MarkPair> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Only the marks [`facing`] knows face a way, and each starts with one
    // of three bytes (`"`; 0xE2 of U+201C–U+201E; 0xC2 of « and »), none
    // of them inside another character: other bytes are passed over
    // without decoding them (issue 15).
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !matches!(b, b'"' | 0xE2 | 0xC2) {
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let Some(dir) = facing(text, i, c) else {
            continue;
        };
        match (open, dir) {
            (Some(o), Facing::Close | Facing::Either) => {
                out.push(MarkPair { open: o, close: i });
                open = None;
            }
            (_, Facing::Open | Facing::Either) => open = Some(i),
            (None, Facing::Close) => {}
        }
    }
    out
}

/// What a mark does in a running scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Open,
    Close,
    /// Closes the open quotation and opens a new one at the same mark.
    Reopen,
    Ignore,
}

/// What the double mark `c` does, given whether a quotation is open and the
/// characters before and after it. An opening curly mark inside an open
/// quotation followed by a space is a misused closing mark; a closing curly
/// mark after a space and before a word, with none open, opens; a straight
/// mark closes whatever is open, and opens only between a non-word and a
/// non-space.
pub fn mark(c: char, is_open: bool, prev: Option<char>, next: Option<char>) -> Mark {
    let next_is_space = next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
    let prev_is_word = prev.is_some_and(char::is_alphanumeric);
    if is_opening_curly(c) {
        return match (is_open, next_is_space) {
            (true, true) => Mark::Close,
            _ => Mark::Open,
        };
    }
    if is_closing_curly(c) {
        let opens = prev.is_none_or(char::is_whitespace) && !next_is_space;
        return match (is_open, opens) {
            (true, _) => Mark::Close,
            (false, true) => Mark::Open,
            (false, false) => Mark::Ignore,
        };
    }
    match (is_open, prev_is_word, next.is_some_and(char::is_whitespace)) {
        (true, _, _) => Mark::Close,
        (false, false, false) => Mark::Open,
        _ => Mark::Ignore,
    }
}

/// What the mark at `k` of `chars` (one paragraph) does, given whether a
/// quotation is open: [`mark`], read with the rest of the paragraph in view
/// for two layouts of flattened or spaced text (ECB+ and many feeds write
/// `" We won. "` with a space inside each mark, and join the paragraphs of
/// one long quotation into one line):
/// - a straight mark with a space on both sides opens when none is open and
///   a later mark in the paragraph can close it (`said: " We won. " Then`);
///   with none later it stays ignored (a stray mark);
/// - an opening mark right after a sentence end inside an open quotation
///   (`…ends meet. "Greece is…`, `…another year. “ I’m so…`) is the
///   re-opening mark of a continuation paragraph: it closes the quotation
///   and opens the next, when a later mark can close that one (for a curly
///   mark: a closing mark before the next opening curly one). A straight
///   mark with spaces on both sides stays a closing mark there: it could
///   face either way.
pub fn mark_in(chars: &[(usize, char)], k: usize, is_open: bool) -> Mark {
    let c = chars[k].1;
    let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
    let next = chars.get(k + 1).map(|p| p.1);
    let base = mark(c, is_open, prev, next);
    let later = &chars[k + 1..];
    let straight_later = || later.iter().any(|&(_, l)| is_double_quote(l));
    let next_space = next.is_none_or(char::is_whitespace);
    let prev_space = prev.is_none_or(char::is_whitespace);
    if c == '"' && !is_open && base == Mark::Ignore && prev_space && next_space {
        return if straight_later() {
            Mark::Open
        } else {
            Mark::Ignore
        };
    }
    if is_open && base == Mark::Close && prev_space {
        let ends_sentence = chars[..k]
            .iter()
            .rev()
            .map(|p| p.1)
            .find(|ch| !ch.is_whitespace())
            .is_some_and(|ch| matches!(ch, '.' | '?' | '!' | '\u{2026}'));
        let reopens = match c {
            '"' => !next_space && next.is_some_and(char::is_alphanumeric) && straight_later(),
            _ if is_opening_curly(c) => later
                .iter()
                .map(|p| p.1)
                .find(|&l| is_double_quote(l))
                .is_some_and(|l| !is_opening_curly(l)),
            _ => false,
        };
        if ends_sentence && reopens {
            return Mark::Reopen;
        }
    }
    base
}

/// A quotation closed inside one paragraph: the opening mark, the content
/// range and the byte just after the closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    pub open: usize,
    pub content_start: usize,
    pub content_end: usize,
    pub after_close: usize,
}

/// The quotations of one paragraph, scanned with [`mark`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scanner {
    /// Quotations opened and closed (or resumed and closed) here.
    pub closed: Vec<Quoted>,
    /// A quotation still open at the end: (opening mark, content start).
    pub open_at_end: Option<(usize, usize)>,
}

impl Scanner {
    /// Scans one paragraph. `resume` is the offset of a mark that reopens a
    /// quotation carried over from the previous paragraph (the English
    /// convention for quotations running over paragraphs): the scan starts
    /// inside that quotation, its content starting at the mark.
    pub fn scan(text: &str, resume: Option<usize>) -> Scanner {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut open: Option<(usize, usize)> = resume.map(|r| (r, r));
        let mut closed = Vec::new();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !is_double_quote(c) || (resume.is_some() && Some(i) == resume) {
                continue;
            }
            match mark_in(&chars, k, open.is_some()) {
                Mark::Open => open = Some((i, i + c.len_utf8())),
                Mark::Reopen => {
                    if let Some((o, s)) = open.take() {
                        closed.push(Quoted {
                            open: o,
                            content_start: s,
                            content_end: i,
                            after_close: i,
                        });
                    }
                    open = Some((i, i + c.len_utf8()));
                }
                Mark::Close => {
                    if let Some((o, s)) = open.take() {
                        closed.push(Quoted {
                            open: o,
                            content_start: s,
                            content_end: i,
                            after_close: i + c.len_utf8(),
                        });
                    }
                }
                Mark::Ignore => {}
            }
        }
        Scanner {
            closed,
            open_at_end: open,
        }
    }
}

/// Where a paragraph reopens a quotation continuing the previous one: the
/// offset of its first mark, if it starts with an opening or straight mark.
pub fn reopening_mark(text: &str) -> Option<usize> {
    let t = text.trim_start();
    t.chars()
        .next()
        .filter(|c| is_double_quote(*c) && !is_closing_curly(*c))
        .map(|_| text.len() - t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        pairs(text)
            .into_iter()
            .map(|p| &text[p.open + 1..p.close])
            .collect()
    }

    #[test]
    fn facing_of_straight_marks() {
        let t = "He said \"yes\" and left.";
        assert_eq!(facing(t, 8, '"'), Some(Facing::Open));
        assert_eq!(facing(t, 12, '"'), Some(Facing::Close));
        assert_eq!(facing("a \" b", 2, '"'), Some(Facing::Either));
        assert_eq!(facing("a'b", 1, '\''), None);
    }

    #[test]
    fn pairs_skip_other_characters_alike() {
        // The byte scan finds what a scan of every character finds.
        let every = |t: &str| {
            let mut out = Vec::new();
            let mut open = None;
            for (i, c) in t.char_indices() {
                match (open, facing(t, i, c)) {
                    (_, None) => {}
                    (Some(o), Some(Facing::Close | Facing::Either)) => {
                        out.push(MarkPair { open: o, close: i });
                        open = None;
                    }
                    (_, Some(Facing::Open | Facing::Either)) => open = Some(i),
                    (None, Some(Facing::Close)) => {}
                }
            }
            out
        };
        for t in [
            "\u{201C}Oui,\u{201D} dit-il — \u{00AB} non \u{00BB} … \u{201E}ja\u{201C} \"x\" é",
            "a \" b \"c\" \u{2019}s \u{2014} \u{2026}",
        ] {
            assert_eq!(pairs(t), every(t), "{t}");
        }
    }

    #[test]
    fn pairs_straight_and_curly() {
        assert_eq!(quoted("He said \"yes\" and \"no\"."), vec!["yes", "no"]);
        let t = "\u{201C}We go,\u{201D} she said.";
        let p = pairs(t);
        assert_eq!(p.len(), 1);
        assert_eq!(&t[p[0].open..p[0].open + 3], "\u{201C}");
        // An unpaired closing mark is ignored; an opening one restarts.
        assert!(pairs("no\u{201D} quote here").is_empty());
        assert_eq!(quoted("\"a \"b\" c").len(), 1);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(pairs("Iran\u{2019}s leader didn't go").is_empty());
        assert!(
            Scanner::scan("Iran\u{2019}s leader didn't go", None)
                .closed
                .is_empty()
        );
    }

    #[test]
    fn scanner_pairs_and_carries() {
        let t = "He said \u{201C}we will go. We will stay.\u{201D} Then \"more";
        let s = Scanner::scan(t, None);
        assert_eq!(s.closed.len(), 1);
        let q = s.closed[0];
        assert_eq!(
            &t[q.content_start..q.content_end],
            "we will go. We will stay."
        );
        assert!(s.open_at_end.is_some());
        // A continuation paragraph reopens the quotation.
        let next = "\u{201C}And then we left,\u{201D} he said.";
        let r = reopening_mark(next);
        assert_eq!(r, Some(0));
        let s = Scanner::scan(next, r);
        assert_eq!(s.closed.len(), 1);
        assert_eq!(s.closed[0].content_start, 0);
        assert_eq!(reopening_mark("\u{201D}x"), None);
        assert_eq!(reopening_mark("plain"), None);
    }

    #[test]
    fn scanner_marks() {
        // A misused opening mark closes an open quotation before a space.
        assert_eq!(mark('\u{201C}', true, Some('o'), Some(' ')), Mark::Close);
        assert_eq!(mark('\u{201C}', false, Some(' '), Some('W')), Mark::Open);
        assert_eq!(mark('\u{201D}', false, Some(' '), Some('W')), Mark::Open);
        assert_eq!(mark('\u{201D}', false, Some('x'), Some(' ')), Mark::Ignore);
        assert_eq!(mark('"', false, Some('x'), Some(' ')), Mark::Ignore);
        assert_eq!(mark('"', false, Some(' '), Some('W')), Mark::Open);
    }

    fn scanned(text: &str) -> Vec<&str> {
        Scanner::scan(text, None)
            .closed
            .into_iter()
            .map(|q| text[q.content_start..q.content_end].trim())
            .collect()
    }

    #[test]
    fn spaced_straight_marks_open_when_a_later_mark_closes() {
        // Marks with a space on both sides (ECB+ and some feeds).
        assert_eq!(
            scanned("He said: \" We lost the game. \" Then he left."),
            vec!["We lost the game."]
        );
        assert_eq!(
            scanned("\" We lost, \" he said. \" We will win. \""),
            vec!["We lost,", "We will win."]
        );
        // A lone spaced mark is a stray: nothing is opened.
        assert!(scanned("a 6 \" pipe and a bolt").is_empty());
        assert!(Scanner::scan("a 6 \" pipe", None).open_at_end.is_none());
    }

    #[test]
    fn a_reopening_mark_after_a_sentence_end_starts_a_new_piece() {
        // Paragraphs of one quotation flattened into one line: each
        // re-opening mark after a sentence end closes the piece before.
        assert_eq!(
            scanned("\"We work hard. \"Greece is poor too. \"The rest struggle. \""),
            vec!["We work hard.", "Greece is poor too.", "The rest struggle."]
        );
        assert_eq!(
            scanned(
                "\u{201C} I feel better, \u{201D} he said. \u{201C} I will stay. \u{201C} I am so relieved. \u{201D}"
            ),
            vec!["I feel better,", "I will stay.", "I am so relieved."]
        );
        // No later mark: the last mark closes, as before.
        assert_eq!(scanned("\"We won. \"He then left."), vec!["We won."]);
        // Not after a sentence end: a badly spaced closing mark.
        assert_eq!(
            scanned("a \"Fix It, \"as a stopgap \"x\""),
            vec!["Fix It,", "x"]
        );
        // A misused opening curly mark with no closing one later closes.
        assert_eq!(
            scanned("\u{201C}We go now.\u{201C} He said. \u{201C}Yes.\u{201D}"),
            vec!["We go now.", "Yes."]
        );
    }
}
