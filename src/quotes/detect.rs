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
//! Headings are skipped: they carry no claims and repeat body text. How
//! each mark is read is the language layer's ([`crate::nlp::quotemarks`]);
//! this module joins the per-paragraph scans into quotations.

use crate::model::{BlockKind, Document};
use crate::nlp::quotemarks::{Quoted, Scanner, reopening_mark};

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
        let scan = Scanner::scan(&block.text, resume);
        let mut closed = scan.closed.into_iter();
        if let Some(mut span) = carried.take() {
            // The first closing in this block ends the carried quotation.
            let r = resume.unwrap_or(0);
            match closed.next() {
                Some(Quoted {
                    content_end: e,
                    after_close: after,
                    ..
                }) => {
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
        for Quoted {
            open: o,
            content_start: s,
            content_end: e,
            after_close: after,
        } in closed
        {
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
