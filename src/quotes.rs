//! Quotes: find direct quotations, attribute them to the speaker the source
//! gives, and merge one quotation across the sources that carry it.
//!
//! Three steps, one submodule each:
//! * `detect`: quotation spans in a document's paragraphs (straight and
//!   curly double marks, over several sentences or paragraphs);
//! * `speaker`: who the source says spoke (a name, a role or a pronoun
//!   resolved to the last named person), one display name per person;
//! * `merge`: one item per quotation across sources, ranked.
//!
//! Scare quotes are not key quotes: a quotation of fewer than
//! [`QuoteParams::scare_quote_words`] words is kept only when an attribution pattern
//! frames it (a speech verb right before it, `"…," X said` after it,
//! "according to" or `X:`), so "a legitimate “target”" is dropped while
//! `stating, “we knew everything”` stays. Unattributed titles of works in
//! quotation marks (every longer word capitalised) are left out too.

mod detect;
mod merge;
mod speaker;

use crate::model::{Document, Story};
use crate::params::{QuoteParams, SentenceParams};
use detect::Span;
use speaker::{People, Who};

/// One source's rendering of a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Document index within the story.
    pub doc: usize,
    /// Index of the sentence the quotation starts in.
    pub sent: usize,
    /// The quoted words, verbatim, without the quotation marks.
    pub text: String,
    /// The speaker this source gives, normalised; `None` when it gives none.
    pub speaker: Option<String>,
}

/// One quotation, merged across sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Canonical text: the fullest version.
    pub text: String,
    pub speaker: Option<String>,
    /// One mention per source (the fullest), sorted by document.
    pub mentions: Vec<Mention>,
}

/// A resolved speaker: display name, and whether it names a person (as
/// opposed to a role such as "a U.S. official").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Speaker {
    pub name: String,
    pub person: bool,
}

/// One quotation as one document prints it.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub doc: usize,
    /// Verbatim content (paragraphs joined by a blank line).
    pub text: String,
    /// (offset in `text`, block, offset in the block) where each paragraph
    /// piece starts.
    pub pieces: Vec<(usize, usize, usize)>,
    pub speaker: Option<Speaker>,
}

impl Found {
    /// Block and block offset of a byte offset of `text`.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        self.pieces
            .iter()
            .rev()
            .find(|p| p.0 <= offset)
            .map_or((0, 0), |p| (p.1, p.2 + (offset - p.0)))
    }
}

/// Finds and merges the key quotations of a story, best first.
pub fn find_quotes(story: &Story, params: &QuoteParams) -> Vec<Quotation> {
    let mut people = People::from_texts(story.docs.iter().flat_map(body_texts), params);
    let mut found: Vec<Found> = Vec::new();
    for (i, d) in story.docs.iter().enumerate() {
        people.read_article(d.blocks.iter().map(|b| b.text.as_str()));
        found.extend(quotes_in(i, d, &people));
    }
    merge::merge(story, &found, &params.merge)
}

/// The texts of a document's body blocks (headings left out).
fn body_texts(d: &Document) -> impl Iterator<Item = &str> {
    d.blocks
        .iter()
        .filter(|b| b.kind != crate::model::BlockKind::Heading)
        .map(|b| b.text.as_str())
}

/// The quotations of one document with their speakers, scare quotes left
/// out.
fn quotes_in(doc_index: usize, doc: &Document, people: &People) -> Vec<Found> {
    let params = &people.params;
    let spans = detect::find_spans(doc);
    let mut out: Vec<Found> = Vec::new();
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for (k, span) in spans.iter().enumerate() {
        let text = span.text(doc);
        let prev_close = k.checked_sub(1).map(|p| spans[p].close);
        let post = post_context(doc, span, spans.get(k + 1));
        let pre = pre_context(doc, span, prev_close, &spans, params);
        // The sentence before speaks for a quotation only when the
        // quotation's own sentence says nothing after it: `"…," said X`
        // names its own speaker, and `"…," X shrugged` names one the
        // speech verbs do not know, who must not give way to another.
        let own_rest = if ends_sentence(&text, &post) {
            ""
        } else {
            sentence_rest(&post)
        };
        let own_pre_empty = match &pre {
            Pre::Own(t) => t.trim().is_empty(),
            Pre::PreviousSentence(_) => true,
        };
        let pre = match pre {
            Pre::PreviousSentence(_) if !own_rest.trim().is_empty() => String::new(),
            Pre::Own(t) | Pre::PreviousSentence(t) => t,
        };
        let before = speaker::before_quote(&pre, people);
        let after = speaker::byline(&post).or_else(|| {
            (!ends_sentence(&text, &post))
                .then(|| speaker::after_quote(&post, params))
                .flatten()
        });
        let framed = before.tight || after.is_some();
        if !framed && (is_scare_quote(&text, params) || is_title(&text)) {
            continue;
        }
        if is_named_work(&text, &raw_span(doc, span), &pre, &post, params) {
            continue;
        }
        // A quotation standing alone (nothing else in its sentence)
        // continues the previous speaker's words when only that speaker's
        // attribution stands between them; this comes before the sentence
        // before, which is then that attribution.
        let alone = own_pre_empty && own_rest.trim().is_empty();
        let continued = match &previous {
            Some((p, Some(s))) if alone && continues(doc, &spans[*p], span, people, s) => {
                Some(s.clone())
            }
            // `"…," he continued, looking to Hansbrough, "…"`: a quotation
            // resuming its sentence right after the previous one's own
            // attribution (read after that quotation, and nothing else
            // before this one) is the same speaker's.
            Some((p, Some(s)))
                if before.who.is_none()
                    && after.is_none()
                    && resumes(doc, &spans[*p], span, params) =>
            {
                Some(s.clone())
            }
            _ => None,
        };
        // A speech verb right before the quotation with its subject
        // (`X added: "…"`) outranks words after it, which may open the
        // next sentence (`"…!" Self-confessed fan Tom said`).
        let signed = after.is_some();
        // Nothing before or right after: an attribution closing the
        // quotation's sentence (`"…" between Europe and Asia, and …, said
        // X.`), when nothing before the quotation reports speech.
        let closing = (before.who.is_none() && after.is_none() && !own_rest.trim().is_empty())
            .then(|| {
                (!speaker::introduces_speech(&pre))
                    .then(|| speaker::closing_attribution(own_rest, params))
                    .flatten()
            })
            .flatten();
        let own = match (before.tight, before.who, after) {
            (true, Some(b), _) => Some(b),
            // `insisted he "…," sources tell the paper`: the quotation is
            // the content of a speech verb before it and the words after
            // name someone else: the source is unclear, no one.
            // A pronoun before cannot be checked against a name or role
            // after it, so the two may disagree: no one.
            (false, Some(b), Some(a))
                if before.content
                    && (speaker::disagree(&b, &a) || speaker::pronoun_against(&b, &a)) =>
            {
                None
            }
            (_, b, a) => a.or(b).or(closing),
        };
        // A continuation outranks the sentence before (the only other
        // source of `own` for a quotation standing alone), which is then
        // the previous quotation's attribution or a clause inside it
        // (`"…," Heller argued after a prosecutor objected. "…"`); only a
        // byline of its own outranks it.
        let speaker = match (continued, signed) {
            (Some(s), false) => Some(s),
            (continued, _) => own
                .and_then(|w| resolve(&w, doc, span, &spans, people))
                .or(continued),
        };
        previous = Some((k, speaker.clone()));
        out.push(Found {
            doc: doc_index,
            pieces: piece_offsets(span),
            text,
            speaker,
        });
    }
    out
}

/// A scare quote rather than a quotation: fewer than
/// [`QuoteParams::scare_quote_words`]
/// words, unless it reads as a sentence of its own (two words or more, a
/// capital first, a full stop, question or exclamation mark last: "It's
/// about me.").
/// The person a sentence ends by crediting with what it says ("…, Genesee
/// County Sheriff Robert Pickell said.", "…, said Ana Lima.", "…,
/// according to Ana Lima."), read as a quotation's closing attribution is
/// (`speaker::after_quote`, from the last comma it reads one after): the
/// name's words as written, titles stripped, and the byte offset of that
/// comma. A role or a pronoun gives `None`. Used by `divergence` to compare
/// who two copies of one sentence credit.
pub(crate) fn closing_name(sentence: &str, params: &QuoteParams) -> Option<(usize, Vec<String>)> {
    for (i, _) in sentence.rmatch_indices(',') {
        match speaker::after_quote(&sentence[i..], params) {
            Some(Who::Name(name)) => return Some((i, name)),
            Some(_) => return None,
            None => {}
        }
    }
    None
}

fn is_scare_quote(text: &str, params: &QuoteParams) -> bool {
    let words = crate::text::words(text);
    if words.len() >= params.scare_quote_words {
        return false;
    }
    let sentence =
        words.len() >= 2 && words[0].is_capitalised() && text.trim_end().ends_with(['.', '?', '!']);
    !sentence
}

/// Is this the title of a work or a name ("The Art of the Deal"): every
/// word longer than three letters capitalised, two such words at least?
fn is_title(text: &str) -> bool {
    let long: Vec<_> = crate::text::words(text)
        .into_iter()
        .filter(|w| w.raw.chars().count() > 3)
        .collect();
    long.len() >= 2 && long.iter().all(crate::text::Word::is_capitalised)
}

/// `wrote in her autobiography, "Find Me," that she …`: a short quotation
/// in title case (every word capitalised, no full stop, question or
/// exclamation mark last) set off by commas right after a lower-case noun
/// (not a speech verb) names the work that noun is, not words spoken.
/// `raw` is the quotation with its marks and the punctuation inside them.
fn is_named_work(text: &str, raw: &str, pre: &str, post: &str, params: &QuoteParams) -> bool {
    let words = crate::text::words(text);
    let inside = raw
        .trim_end()
        .trim_end_matches(|c: char| crate::nlp::quotemarks::is_closer(c))
        .trim_end();
    if words.is_empty()
        || words.len() >= params.scare_quote_words
        || !words.iter().all(crate::text::Word::is_capitalised)
        || inside.ends_with(['.', '?', '!'])
        || !(inside.ends_with(',') || post.trim_start().starts_with(','))
    {
        return false;
    }
    let Some(head) = pre.trim_end().strip_suffix(',') else {
        return false;
    };
    let noun = head.split_whitespace().last().unwrap_or("");
    noun.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !speaker::is_speech_word(noun)
        && !crate::nlp::lists::is_function_word(noun, crate::nlp::lists::FunctionClass::Determiner)
}

/// The quotation as printed, marks included, when it lies in one block.
fn raw_span(doc: &Document, span: &Span) -> String {
    let ((b, open), (cb, close)) = (span.open, span.close);
    if b != cb {
        return String::new();
    }
    block_text(doc, b)
        .get(open..close)
        .unwrap_or("")
        .to_string()
}

/// (offset in the joined text, block, block offset) of each piece.
fn piece_offsets(span: &Span) -> Vec<(usize, usize, usize)> {
    let mut at = 0;
    span.pieces
        .iter()
        .map(|p| {
            let entry = (at, p.block, p.start);
            at += p.end - p.start + 2;
            entry
        })
        .collect()
}

fn block_text(doc: &Document, block: usize) -> &str {
    doc.blocks.get(block).map_or("", |b| b.text.as_str())
}

/// Start of the sentence holding byte `pos` of a block: the segmenter's
/// sentence when there is one, else the last sentence end before `pos`.
fn sentence_start(doc: &Document, block: usize, pos: usize) -> usize {
    // Sentences come in block order, each block's left to right: a binary
    // search, not a scan per quotation (20,000 quotations in a paragraph).
    let first_after = doc
        .sentences
        .partition_point(|s| (s.block, s.end) <= (block, pos));
    if let Some(s) = doc.sentences.get(first_after)
        && s.block == block
        && s.start <= pos
    {
        return s.start;
    }
    let text = block_text(doc, block);
    let head = text.get(..pos).unwrap_or("");
    crate::nlp::sentences::boundaries(head, &SentenceParams::default())
        .last()
        .copied()
        .unwrap_or(0)
}

/// The words before a quotation that may name its speaker: its sentence up
/// to the opening mark (after any earlier quotation in it); when the
/// quotation opens its sentence, the sentence before if that ends with a
/// colon ("… stating only:") or reports speech ("Lind writes about her
/// calling…" then a quotation standing alone: by news convention, hers).
/// Where the words before a quotation come from.
enum Pre {
    /// The quotation's own sentence, up to the opening mark.
    Own(String),
    /// The sentence before (the quotation opens its sentence).
    PreviousSentence(String),
}

/// The rest of the sentence after a closing mark.
fn sentence_rest(post: &str) -> &str {
    crate::nlp::sentences::boundaries(post, &SentenceParams::default())
        .first()
        .map_or(post, |&cut| {
            post[..cut].trim_end_matches(|c: char| {
                matches!(c, '.' | '?' | '!' | '\u{2026}') || crate::nlp::quotemarks::is_closer(c)
            })
        })
}

fn pre_context(
    doc: &Document,
    span: &Span,
    prev_close: Option<(usize, usize)>,
    spans: &[Span],
    params: &QuoteParams,
) -> Pre {
    let (b, open) = span.open;
    let text = block_text(doc, b);
    let mut start = sentence_start(doc, b, open);
    if let Some((pb, pc)) = prev_close
        && pb == b
        && pc <= open
    {
        start = start.max(pc);
    }
    let pre = text.get(start..open).unwrap_or("");
    if pre.chars().any(char::is_alphanumeric) {
        if start > 0 && start == prev_close.map_or(0, |c| c.1) {
            // After an earlier quotation of the sentence: keep the words
            // before it too, its content blanked ("Lyons said … he
            // "claimed …"– and added, "…"" speaks for Lyons).
            let whole = sentence_start(doc, b, open).max(window_start(
                text,
                open,
                params.max_context_bytes,
            ));
            return Pre::Own(masked(doc, b, whole, open, spans));
        }
        return Pre::Own(pre.to_string());
    }
    // The sentence before: (block, start, end).
    let (pb, ps, pe) = if start > 0 {
        (b, sentence_start(doc, b, start - 1), start)
    } else if let Some(pb) = previous_body_block(doc, b) {
        let t = block_text(doc, pb);
        (
            pb,
            sentence_start(doc, pb, t.len().saturating_sub(1)),
            t.len(),
        )
    } else {
        (b, 0, 0)
    };
    // Words quoted in that sentence never attribute (`“Please …,” Williams
    // fumed.` has no speech verb of its own): their content is blanked.
    let before = masked(doc, pb, ps, pe, spans);
    if before.trim_end().ends_with(':') || speaker::introduces_speech(&before) {
        Pre::PreviousSentence(before)
    } else {
        Pre::Own(String::new())
    }
}

/// The start of the last `max_bytes` bytes before `at` (on a character
/// boundary): how far back the words that may name a speaker are read. A
/// sentence of thousands of quotations otherwise makes every quotation
/// re-read all the ones before it.
fn window_start(text: &str, at: usize, max_bytes: usize) -> usize {
    let mut from = at.saturating_sub(max_bytes);
    while from < at && !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// Bytes `from..to` of block `b` with the content of every quotation in
/// them replaced by spaces (the marks stay, so clauses still break there).
fn masked(doc: &Document, b: usize, from: usize, to: usize, spans: &[Span]) -> String {
    let text = block_text(doc, b);
    let mut out = String::with_capacity(to.saturating_sub(from));
    let mut at = from;
    let mut pieces: Vec<(usize, usize)> = spans
        .iter()
        .flat_map(|s| s.pieces.iter())
        .filter(|p| p.block == b && p.end > from && p.start < to)
        .map(|p| (p.start.max(from), p.end.min(to)))
        .collect();
    pieces.sort_unstable();
    for (s, e) in pieces {
        if s < at {
            continue;
        }
        out.push_str(text.get(at..s).unwrap_or(""));
        out.extend(std::iter::repeat_n(' ', e - s));
        at = e;
    }
    out.push_str(text.get(at..to).unwrap_or(""));
    out
}

fn previous_body_block(doc: &Document, b: usize) -> Option<usize> {
    let p = b.checked_sub(1)?;
    (doc.blocks.get(p)?.kind != crate::model::BlockKind::Heading).then_some(p)
}

/// The words after the closing mark, up to the next quotation.
fn post_context(doc: &Document, span: &Span, next: Option<&Span>) -> String {
    let (b, close) = span.close;
    let text = block_text(doc, b);
    let end = next
        .filter(|n| n.open.0 == b && n.open.1 >= close)
        .map_or(text.len(), |n| n.open.1);
    text.get(close..end).unwrap_or("").to_string()
}

/// Does the quotation end its sentence (so words after it start another)?
/// A full stop inside the closing mark ends it when the language layer's
/// boundary test says so (`“….” He left`), not before a lower-case word
/// (`“….” said Smith`); a question or exclamation mark never does here
/// (`“…?” Vitter demanded`), nor a comma (`“…,” he said`).
fn ends_sentence(text: &str, post: &str) -> bool {
    text.trim_end().ends_with('.') || post.trim_start().starts_with('.')
}

/// Is `span` a continuation of `prev`, whose speaker is `who`: between them
/// only a few words, or the rest of the sentence that attributes `prev`
/// (`“…,” said X, the firm's founder. “…”`), and no other person named
/// there as a subject?
fn continues(doc: &Document, prev: &Span, span: &Span, people: &People, who: &Speaker) -> bool {
    let (pb, pc) = prev.close;
    let (b, o) = span.open;
    let between = if pb == b {
        block_text(doc, b).get(pc..o).unwrap_or("").to_string()
    } else if pb + 1 == b {
        let tail = block_text(doc, pb).get(pc..).unwrap_or("");
        let head = block_text(doc, b).get(..o).unwrap_or("");
        format!("{tail} {head}")
    } else {
        return false;
    };
    let short = crate::text::words(&between).len() <= people.params.continuation_words;
    let one_sentence = sentence_rest(&between).trim().len() + 1 >= between.trim().len();
    (short || one_sentence) && !speaker::names_another(&between, people, &who.name)
}

/// Does `span` resume the sentence of `prev` after `prev`'s attribution
/// (`"…," he continued, looking to Hansbrough, "…"`): in one paragraph,
/// `prev` does not end its sentence, and the words between are an
/// attribution after a quotation ending with a comma?
fn resumes(doc: &Document, prev: &Span, span: &Span, params: &QuoteParams) -> bool {
    let ((pb, pc), (b, o)) = (prev.close, span.open);
    if pb != b || pc > o {
        return false;
    }
    let between = block_text(doc, b).get(pc..o).unwrap_or("");
    let one_sentence = sentence_rest(between).trim().len() + 1 >= between.trim().len();
    one_sentence
        && between.trim_end().ends_with(',')
        && !ends_sentence(&prev.text(doc), between)
        && speaker::after_quote(between, params).is_some()
}

/// The display speaker for what the source says.
fn resolve(
    who: &Who,
    doc: &Document,
    span: &Span,
    spans: &[Span],
    people: &People,
) -> Option<Speaker> {
    match who {
        Who::Name(name) => Some(Speaker {
            name: people.display(name),
            person: true,
        }),
        Who::Pair(a, b) => Some(Speaker {
            name: format!("{} and {}", people.display(a), people.display(b)),
            person: true,
        }),
        Who::Role(role) => Some(Speaker {
            name: role.clone(),
            person: false,
        }),
        Who::Pronoun(gender) => last_person_before(doc, span.open, spans, people, *gender)
            .map(|(name, person)| Speaker { name, person }),
        Who::One => speaker::one_of(&text_before(doc, span, spans), 2).map(|name| Speaker {
            name,
            person: false,
        }),
        Who::Age(age) => {
            // The one person the document gives that age; else, as a
            // pronoun of either gender would be, the one person just named.
            let mut given: Vec<String> = doc
                .blocks
                .iter()
                .flat_map(|bl| speaker::aged(&bl.text, *age, people))
                .collect();
            given.sort();
            given.dedup();
            let name = match given.len() {
                1 => given.pop(),
                0 => speaker::only_name_before(&text_before(doc, span, spans), 2, people),
                _ => None,
            };
            name.map(|name| Speaker { name, person: true })
        }
    }
}

/// The text before a quotation's opening mark in its paragraph, after the
/// paragraph before (which may hold the sentence before), quotations
/// blanked.
fn text_before(doc: &Document, span: &Span, spans: &[Span]) -> String {
    let (b, open) = span.open;
    let mut text = previous_body_block(doc, b)
        .map(|p| masked(doc, p, 0, block_text(doc, p).len(), spans))
        .unwrap_or_default();
    text.push_str("\n\n");
    text.push_str(&masked(doc, b, 0, open, spans));
    text
}

/// The person a pronoun before `at` refers to: the nearest sentence that
/// names a compatible person outside quotations decides, and names no one
/// when it holds two equally likely ones. The flag is false for a role
/// ("one Mac customer") rather than a named person.
fn last_person_before(
    doc: &Document,
    at: (usize, usize),
    spans: &[Span],
    people: &People,
    gender: speaker::Gender,
) -> Option<(String, bool)> {
    (0..=at.0)
        .rev()
        .find_map(|b| {
            let text = block_text(doc, b);
            let end = if b == at.0 { at.1 } else { text.len() };
            let skip: Vec<(usize, usize)> = spans
                .iter()
                .flat_map(|s| s.pieces.iter())
                .filter(|p| p.block == b)
                .map(|p| (p.start, p.end))
                .collect();
            people.last_in(text.get(..end).unwrap_or(""), &skip, gender)
        })
        .flatten()
}

#[cfg(test)]
mod attribution_tests;
#[cfg(test)]
mod gender_tests;
#[cfg(test)]
mod tests;
