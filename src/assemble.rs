//! Assembly: the one step from what the analysis stages find to the output
//! contract ([`crate::digest`]).
//!
//! The stages refer to sources by document index within the story
//! (consensus fact groups, quotation mentions, divergence findings); here
//! each index becomes the
//! source's id, a string of the contract ([`source_id`] is the only place
//! that happens), sentences become their verbatim text, and the headline and
//! summary are chosen. Nothing is written or paraphrased: assembly only
//! chooses and orders sentences.

use crate::align::FactGroup;
use crate::digest::{
    Claim, ConsensusFact, Digest, Divergence, DivergenceKind, QuoteItem, SourceRef, Variant,
    content_key,
};
use crate::divergence::{Finding, FindingKind};
use crate::model::{SentRef, Story};
use crate::quotes::Quotation;

/// How many consensus facts make the summary.
const SUMMARY_FACTS: usize = 3;

fn sentence_text(story: &Story, r: SentRef) -> &str {
    &story.docs[r.doc].sentences[r.sent].text
}

/// The contract's name of document `doc` of the story: the one place a
/// [`SourceId`](crate::model::SourceId) becomes a string. Analysis refers
/// to documents by index; every stage that hands ids to the output calls
/// this rather than reading `article.id` itself.
pub fn source_id(story: &Story, doc: usize) -> Option<String> {
    story.docs.get(doc).map(|d| d.article.id.to_string())
}

/// Lists the story's sources in document order, each with its label
/// ([`crate::digest::source_labels`]).
pub fn source_refs(story: &Story) -> Vec<SourceRef> {
    let mut refs: Vec<SourceRef> = story
        .docs
        .iter()
        .map(|d| SourceRef {
            id: d.article.id.to_string(),
            label: String::new(),
            path: d.article.path.clone(),
            title: d.article.title.clone(),
            outlet: d.article.outlet.clone(),
            url: d.article.url.clone(),
            published: d.article.published.clone(),
            copy_of: None,
        })
        .collect();
    let labels = crate::digest::source_labels(&refs);
    for (r, label) in refs.iter_mut().zip(labels) {
        r.label = label;
    }
    refs
}

/// Turns fact groups into consensus items (groups already ordered).
pub fn consensus_facts(story: &Story, facts: &[FactGroup]) -> Vec<ConsensusFact> {
    facts
        .iter()
        .map(|g| {
            let text = sentence_text(story, g.rep).to_string();
            let sources: Vec<String> = g
                .members
                .iter()
                .filter_map(|m| source_id(story, m.doc))
                .collect();
            let variants = g
                .members
                .iter()
                .filter_map(|m| {
                    Some(Variant {
                        source: source_id(story, m.doc)?,
                        text: sentence_text(story, *m).to_string(),
                    })
                })
                .collect();
            ConsensusFact {
                key: content_key(&[&text]),
                support: sources.len(),
                text,
                sources,
                variants,
            }
        })
        .collect()
}

/// Turns merged quotations into quote items.
pub fn quote_items(story: &Story, quotes: &[Quotation]) -> Vec<QuoteItem> {
    quotes
        .iter()
        .map(|q| QuoteItem {
            key: content_key(&[&q.text]),
            text: q.text.clone(),
            speaker: q.speaker.clone(),
            sources: q
                .mentions
                .iter()
                .filter_map(|m| source_id(story, m.doc))
                .collect(),
            variants: q
                .mentions
                .iter()
                .filter_map(|m| {
                    Some(Variant {
                        source: source_id(story, m.doc)?,
                        text: m.text.clone(),
                    })
                })
                .collect(),
        })
        .collect()
}

/// Turns divergence findings into divergence items (findings already
/// ordered): each side's documents become source ids, its evidence the
/// verbatim text, and the finding's identity the content key.
pub fn divergences(story: &Story, findings: &[Finding]) -> Vec<Divergence> {
    findings
        .iter()
        .map(|f| {
            let parts: Vec<&str> = f.identity.iter().map(String::as_str).collect();
            Divergence {
                key: content_key(&parts),
                kind: match f.kind {
                    FindingKind::Conflict => DivergenceKind::Conflict,
                    FindingKind::Wording => DivergenceKind::Wording,
                    FindingKind::Unique => DivergenceKind::Unique,
                },
                topic: f.topic.clone(),
                claims: f
                    .sides
                    .iter()
                    .filter_map(|side| {
                        Some(Claim {
                            text: side.text(story)?.to_string(),
                            sources: side
                                .docs
                                .iter()
                                .filter_map(|&d| source_id(story, d))
                                .collect(),
                            value: side.value.clone(),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The headline: the title of the source most like the others (the most
/// representative), else the lead sentence of the first source.
pub fn headline(story: &Story, consensus: &[ConsensusFact]) -> String {
    let titles: Vec<(usize, &str)> = story
        .docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.article.title.as_deref().map(|t| (i, t)))
        .collect();
    if !titles.is_empty() {
        let stems: Vec<Vec<String>> = titles
            .iter()
            .map(|(_, t)| crate::text::content_stems(t))
            .collect();
        let mut best = (0usize, 0usize);
        for (i, s) in stems.iter().enumerate() {
            let shared: usize = stems
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, o)| s.iter().filter(|w| o.contains(w)).count())
                .sum();
            if i == 0 || shared > best.1 {
                best = (i, shared);
            }
        }
        return titles[best.0].1.to_string();
    }
    if let Some(c) = consensus.first() {
        return c.text.clone();
    }
    story
        .docs
        .iter()
        .flat_map(|d| d.claim_sentences().map(|(_, s)| s.text.clone()))
        .next()
        .unwrap_or_else(|| source_id(story, 0).unwrap_or_default())
}

/// The summary: the strongest consensus facts, verbatim, in order.
pub fn summary(consensus: &[ConsensusFact]) -> String {
    consensus
        .iter()
        .take(SUMMARY_FACTS)
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Assembles the digest of a story. `slug` is chosen by the caller, which
/// sees all stories and keeps slugs unique.
pub fn assemble(
    story: &Story,
    slug: String,
    facts: &[FactGroup],
    findings: &[Finding],
    quotes: &[Quotation],
) -> Digest {
    let consensus = consensus_facts(story, facts);
    let divergent = divergences(story, findings);
    Digest {
        schema_version: 1,
        slug,
        headline: headline(story, &consensus),
        summary: summary(&consensus),
        source_count: story.docs.len(),
        sources: source_refs(story),
        divergent,
        quotes: quote_items(story, quotes),
        consensus,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::divergence::{Evidence, Side};
    use crate::model::Document;
    use crate::quotes::Mention;

    fn story() -> Story {
        Story {
            docs: vec![
                Document::from_sentences("a/fox", &["The dam burst on Monday.", "Ten fled."]),
                Document::from_sentences("b/fox", &["Ten people fled.", "The dam burst Monday."]),
            ],
        }
    }

    #[test]
    fn document_indices_become_the_sources_ids() {
        let story = story();
        let at = |doc, sent| SentRef { doc, sent };
        let facts = vec![FactGroup {
            members: vec![at(0, 0), at(1, 1)],
            rep: at(0, 0),
            cohesion: 1.0,
        }];
        let quotes = vec![Quotation {
            text: "We ran".into(),
            speaker: None,
            mentions: vec![Mention {
                doc: 1,
                sent: 0,
                text: "We ran".into(),
                speaker: None,
            }],
        }];
        let findings = vec![Finding {
            kind: FindingKind::Conflict,
            topic: "day of the week".into(),
            identity: vec!["conflict".into(), "day".into()],
            sides: vec![Side {
                evidence: Evidence::Sentence(at(1, 1)),
                docs: vec![1, 0],
                value: Some("Monday".into()),
            }],
        }];
        let d = assemble(&story, "dam".into(), &facts, &findings, &quotes);
        let ids: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a/fox", "b/fox"]);
        assert_eq!(d.source_count, 2);
        let fact = &d.consensus[0];
        assert_eq!(fact.text, "The dam burst on Monday.");
        assert_eq!(fact.sources, ["a/fox", "b/fox"]);
        assert_eq!(fact.variants[1].source, "b/fox");
        assert_eq!(fact.variants[1].text, "The dam burst Monday.");
        assert_eq!(d.quotes[0].sources, ["b/fox"]);
        assert_eq!(d.summary, "The dam burst on Monday.");
        let conflict = &d.divergent[0];
        assert_eq!(conflict.kind, DivergenceKind::Conflict);
        assert_eq!(conflict.key, content_key(&["conflict", "day"]));
        assert_eq!(conflict.claims[0].text, "The dam burst Monday.");
        assert_eq!(conflict.claims[0].sources, ["b/fox", "a/fox"]);
    }

    #[test]
    fn an_index_outside_the_story_names_no_source() {
        assert_eq!(source_id(&story(), 1).as_deref(), Some("b/fox"));
        assert_eq!(source_id(&story(), 2), None);
    }
}
