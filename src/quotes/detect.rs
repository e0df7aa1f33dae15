//! Finding quotation spans in a document's blocks.
//!
//! A quotation is text between double quotation marks, straight or curly.
//! Single quotes and apostrophes are never marks here: single quotes only
//! occur inside a double-quoted quotation (quotes inside quotes) and the
//! right single quote doubles as the apostrophe ("don’t", "Iran’s"), so
//! treating them as marks would cut words in two.
//!
//! Curly marks say which way they face; a straight `"` opens when no
//! quotation is open and closes otherwise. A paragraph that ends inside an
//! open quotation continues it when the next paragraph opens with a
//! quotation mark (the English convention for quotations running over
//! several paragraphs); otherwise the quotation ends with the paragraph.
//! Headings are skipped: they carry no claims and repeat body text.

use crate::model::{BlockKind, Document};

/// The content of a quotation inside one block: a byte range of the block's
/// text, without the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// One quotation of a document, possibly over several paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Content ranges, one per paragraph, in order. Pieces after the first
    /// start at the paragraph's re-opening mark (kept verbatim).
    pub pieces: Vec<Piece>,
    /// Block and byte offset of the opening mark.
    pub open: (usize, usize),
    /// Block and byte offset just after the closing mark (the content end
    /// when the quotation is never closed).
    pub close: (usize, usize),
}

impl Span {
    /// The quoted words, verbatim; paragraphs joined by a blank line.
    pub fn text(&self, doc: &Document) -> String {
        self.pieces
            .iter()
            .filter_map(|p| doc.blocks.get(p.block)?.text.get(p.start..p.end))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

fn is_opening_curly(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}')
}

fn is_closing_curly(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// What a mark does, given whether a quotation is open and its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Ignore,
}

fn classify(c: char, is_open: bool, prev: Option<char>, next: Option<char>) -> Mark {
    let next_is_space = next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
    let prev_is_word = prev.is_some_and(char::is_alphanumeric);
    if is_opening_curly(c) {
        // An opening mark inside an open quotation that is followed by a
        // space is a misused closing mark.
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

/// Quotations found in one block: closed ones as (open mark, content start,
/// content end, after close), plus the content start of a quotation still
/// open at the end. `resume` is the content start of a quotation carried
/// over from the previous paragraph.
struct BlockScan {
    closed: Vec<(usize, usize, usize, usize)>,
    open_at_end: Option<(usize, usize)>,
}

fn scan_block(text: &str, resume: Option<usize>) -> BlockScan {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut open: Option<(usize, usize)> = resume.map(|r| (r, r));
    let mut closed = Vec::new();
    let skip_first_mark = resume.is_some();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !crate::text::is_double_quote(c) || (skip_first_mark && Some(i) == resume) {
            continue;
        }
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
        let next = chars.get(k + 1).map(|p| p.1);
        match classify(c, open.is_some(), prev, next) {
            Mark::Open => open = Some((i, i + c.len_utf8())),
            Mark::Close => {
                if let Some((o, s)) = open.take() {
                    closed.push((o, s, i, i + c.len_utf8()));
                }
            }
            Mark::Ignore => {}
        }
    }
    BlockScan {
        closed,
        open_at_end: open,
    }
}

/// Trims the content range: surrounding whitespace, and trailing commas,
/// semicolons and colons that belong to the sentence around the quotation.
pub(crate) fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(slice) = text.get(start..end) else {
        return (start, start);
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice
        .trim_end()
        .trim_end_matches([',', ';', ':'])
        .trim_end();
    let s = start + lead;
    (s, (start + trimmed.len()).max(s))
}

/// Where the text of a block opens a quotation continuing the previous
/// paragraph: the offset of its first mark, if the block starts with one.
fn reopening_mark(text: &str) -> Option<usize> {
    let t = text.trim_start();
    t.chars()
        .next()
        .filter(|c| crate::text::is_double_quote(*c) && !is_closing_curly(*c))
        .map(|_| text.len() - t.len())
}

fn is_body(kind: BlockKind) -> bool {
    kind != BlockKind::Heading
}

/// Every quotation of a document in reading order.
pub(crate) fn find_spans(doc: &Document) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut carried: Option<Span> = None;
    for (b, block) in doc.blocks.iter().enumerate() {
        if !is_body(block.kind) {
            spans.extend(carried.take());
            continue;
        }
        let resume = carried.as_ref().and_then(|_| reopening_mark(&block.text));
        if resume.is_none() {
            spans.extend(carried.take());
        }
        let scan = scan_block(&block.text, resume);
        let mut closed = scan.closed.into_iter();
        if let Some(mut span) = carried.take() {
            // The first closing in this block ends the carried quotation.
            let r = resume.unwrap_or(0);
            match closed.next() {
                Some((_, _, e, after)) => {
                    let (s, e) = trim_range(&block.text, r, e);
                    span.pieces.push(Piece {
                        block: b,
                        start: s,
                        end: e,
                    });
                    span.close = (b, after);
                    spans.push(span);
                }
                None => {
                    let (s, e) = trim_range(&block.text, r, block.text.len());
                    span.pieces.push(Piece {
                        block: b,
                        start: s,
                        end: e,
                    });
                    span.close = (b, block.text.len());
                    carried = Some(span);
                }
            }
        }
        for (o, s, e, after) in closed {
            let (s, e) = trim_range(&block.text, s, e);
            spans.push(Span {
                pieces: vec![Piece {
                    block: b,
                    start: s,
                    end: e,
                }],
                open: (b, o),
                close: (b, after),
            });
        }
        if carried.is_none()
            && let Some((o, s)) = scan.open_at_end
        {
            let (s, e) = trim_range(&block.text, s, block.text.len());
            carried = Some(Span {
                pieces: vec![Piece {
                    block: b,
                    start: s,
                    end: e,
                }],
                open: (b, o),
                close: (b, block.text.len()),
            });
        }
    }
    spans.extend(carried);
    spans.retain(|s| s.pieces.iter().any(|p| p.end > p.start));
    spans
}
