//! Parallax: a static report site generator for news.
//!
//! [`build`] is the whole pipeline, one line per stage:
//! ingest → segment → cluster stories → align claims → divergences → quotes →
//! digest → render → write. Each stage is a module with plain data in and out
//! (see [`model`]); only `ingest`, `render::Templates::load` and `write`
//! touch the disk.

pub mod align;
pub mod cluster;
pub mod config;
pub mod diff;
pub mod digest;
pub mod divergence;
pub mod error;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod publish;
pub mod quotes;
pub mod render;
pub mod segment;
pub mod serve;
pub mod text;
pub mod write;

use config::Config;
use digest::Digest;
use error::{Diagnostic, Error, Result};
use model::Story;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What to build, from where, to where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub seeds: PathBuf,
    pub out: PathBuf,
    pub config: Config,
    pub templates: render::Templates,
    /// Any input problem fails the build.
    pub strict: bool,
    /// Analyse only; write nothing.
    pub dry_run: bool,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub digests: Vec<Digest>,
    pub warnings: Vec<Diagnostic>,
}

/// Runs the pipeline.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let (articles, warnings) = ingest::load(&opts.seeds)?;
    check_strict(opts.strict, &warnings)?;
    let articles_read = articles.len();
    let docs = articles.into_par_iter().map(segment::segment).collect();
    let stories = cluster::group(docs);
    let digests = analyse(&stories);
    if !opts.dry_run {
        let files = render::render(&digests, &opts.config, &opts.templates)?;
        write::write_site(&opts.out, &files)?;
    }
    Ok(BuildReport {
        articles: articles_read,
        digests,
        warnings,
    })
}

/// The analysis stages for every story (in parallel; order is kept), then
/// unique slugs.
pub fn analyse(stories: &[Story]) -> Vec<Digest> {
    let mut digests: Vec<Digest> = stories.par_iter().map(analyse_story).collect();
    assign_slugs(&mut digests);
    digests
}

/// align → quotes → divergences → digest, for one story.
pub fn analyse_story(story: &Story) -> Digest {
    let facts = align::align(story);
    let quotes = quotes::find_quotes(story);
    let divergent = divergence::find(story, &facts, &quotes);
    digest::assemble(story, String::new(), &facts, divergent, &quotes)
}

/// Slugs from headlines, made unique by a numeric suffix in story order.
fn assign_slugs(digests: &mut [Digest]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for d in digests.iter_mut() {
        let base = digest::slugify(&d.headline);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        d.slug = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

fn check_strict(strict: bool, warnings: &[Diagnostic]) -> Result<()> {
    if strict && !warnings.is_empty() {
        let list = warnings
            .iter()
            .map(|w| format!("  {w}"))
            .collect::<Vec<_>>()
            .join("\n");
        return Err(Error::Strict {
            count: warnings.len(),
            list,
        });
    }
    Ok(())
}
