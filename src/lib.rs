//! Parallax: a static report site generator for news.
//!
//! [`build`] is the whole pipeline, one line per stage:
//! ingest → segment → cluster stories → (per story, [`analyse_story`])
//! quotes → align claims → divergences → digest → output → write. Quotes
//! come before alignment because a quotation several outlets carry is also
//! a fact they agree on. Each stage is a module with plain data in and out
//! (see [`model`]); only `ingest`, [`output::Templates::load`], `write` and
//! the `serve` command touch the disk or the network.

pub mod align;
pub mod assemble;
pub mod cache;
pub mod cluster;
pub mod config;
pub mod diff;
pub mod digest;
pub mod divergence;
pub mod error;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod nlp;
pub mod output;
pub mod params;
pub mod quotes;
pub mod segment;
pub mod serve;
pub mod slugs;
pub mod syndication;
pub mod synthetic;
pub mod text;
pub mod write;

use config::Config;
use digest::Digest;
use error::{Diagnostic, Error, Result};
use model::Story;
use rayon::prelude::*;
use std::path::PathBuf;

/// What to build, from where, to where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub seeds: PathBuf,
    pub out: PathBuf,
    pub config: Config,
    pub templates: output::Templates,
    /// Any input problem fails the build.
    pub strict: bool,
    /// Analyse only; write nothing.
    pub dry_run: bool,
    /// The folder of the analysis cache ([`cache`]), or none to analyse
    /// every story. Not used by a dry run.
    pub cache: Option<PathBuf>,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub digests: Vec<Digest>,
    pub warnings: Vec<Diagnostic>,
    /// Stories analysed by this build; the others were read from the cache.
    pub analysed: usize,
    /// Articles segmented (and their grouping features extracted) by this
    /// build; the others were read from the cache.
    pub segmented: usize,
    /// Stories whose files (page, email, digest files) were rendered by
    /// this build; the others were kept from the previous site.
    pub rendered: usize,
}

/// Hears how far a build has come, for a progress bar. Calls may come from
/// several threads at once; every method does nothing by default.
pub trait Progress: Sync {
    /// A stage begins with `total` units of work (0 when not counted).
    fn stage(&self, _name: &'static str, _total: usize) {}
    /// One unit of the current stage is done.
    fn advance(&self) {}
}

/// No progress reporting.
impl Progress for () {}

/// Runs the pipeline.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    build_with_progress(opts, &())
}

/// Runs the pipeline, reporting each stage and each article and story done:
/// ingest → segment → cluster → analyse (quotes, align, divergences,
/// digest: [`analyse_story`]) → site → write, with the cache beside it.
pub fn build_with_progress(opts: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport> {
    check_paths(opts)?;
    progress.stage("loading", 0);
    let (articles, mut warnings) = ingest::load(&opts.seeds)?;
    check_strict(opts.strict, &warnings)?;
    let articles_read = articles.len();
    let params = params::Params::default();
    let cache = open_cache(opts, &params, &mut warnings)?;
    progress.stage("reading", articles_read);
    let mut segmented = Segmented::of(articles, &params, cache.as_ref(), progress);
    warnings.append(&mut segmented.warnings);
    let lock = read_lock(&opts.seeds, &opts.out, &mut warnings);
    progress.stage("grouping", 0);
    let docs = std::mem::take(&mut segmented.docs);
    let mut stories = cluster::group_keeping(docs, &segmented.feats, &params, &lock.memberships());
    progress.stage("analysing", stories.len());
    let keyed = cache.as_ref().map(|c| (c, &segmented.key_of));
    let looked = look_up_stories(&stories, keyed);
    if let Some(c) = &cache {
        segmented.load_documents(&mut stories, &looked, c, &params);
        warnings.append(&mut segmented.warnings);
    }
    let mut analyses = Analyses::of(analyse_looked(&stories, looked, progress, &params));
    warnings.append(&mut analyses.warnings);
    let new_lock = assign_slugs(&stories, &mut analyses.digests, &lock);
    let article_entries = segmented.cache_entries(&stories, cache.as_ref());
    // The documents are done with: free them before the site is rendered,
    // which matters on large collections.
    drop(stories);
    segmented.feats = Vec::new();
    progress.stage("writing", 0);
    let rendered = if opts.dry_run {
        0
    } else {
        let site = write_site(opts, &analyses, &new_lock, cache.as_ref(), &mut warnings)?;
        if let Some(cache) = &cache {
            progress.stage("caching", 0);
            let rendered = site.rendered;
            store(cache, &analyses, site, article_entries, &segmented.keys);
            rendered
        } else {
            site.rendered
        }
    };
    Ok(BuildReport {
        articles: articles_read,
        digests: analyses.digests,
        warnings,
        analysed: analyses.fresh,
        segmented: segmented.fresh,
        rendered,
    })
}

/// The output folder and the seeds folder are apart and writable.
fn check_paths(opts: &BuildOptions) -> Result<()> {
    if !opts.dry_run {
        write::check_output(&opts.out)?;
        write::check_apart(&opts.out, &opts.seeds, "seeds")?;
    }
    Ok(())
}

/// The analysis cache, when the build uses one.
fn open_cache(
    opts: &BuildOptions,
    params: &params::Params,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Option<cache::Cache>> {
    Ok(match &opts.cache {
        Some(dir) if !opts.dry_run => {
            write::check_cache_dir(dir, &opts.out, &opts.seeds)?;
            cache::Cache::open(dir, params, warnings)
        }
        _ => None,
    })
}

/// Every article segmented (or taken from the cache), in input order.
struct Segmented {
    docs: Vec<model::Document>,
    feats: Vec<cluster::DocFeatures>,
    /// The cache keys of every article read.
    keys: std::collections::BTreeSet<String>,
    /// The cache key of every article read, by id (ids are unique:
    /// ingest skips a second file with an id already taken), to key
    /// stories by ([`cache::Cache::story_key`]).
    key_of: std::collections::HashMap<model::SourceId, String>,
    /// Articles segmented now, by id: (key, index in `feats`), stored once
    /// the site is written.
    fresh_ids: std::collections::HashMap<model::SourceId, (String, usize)>,
    /// Articles whose features came from the cache: their documents hold
    /// the article only (no blocks, no sentences) until their story is to
    /// be analysed ([`Segmented::load_documents`]); a story read back from
    /// the cache never needs them.
    pending: std::collections::HashSet<model::SourceId>,
    /// Articles whose features came from the cache but whose document
    /// entry did not (missing or not trusted), segmented again: by id, the
    /// key to store the document entry under.
    fresh_docs: std::collections::HashMap<model::SourceId, String>,
    /// How many were segmented now.
    fresh: usize,
    warnings: Vec<Diagnostic>,
}

impl Segmented {
    fn of(
        articles: Vec<model::Article>,
        params: &params::Params,
        cache: Option<&cache::Cache>,
        progress: &dyn Progress,
    ) -> Segmented {
        let prepared: Vec<Prepared> = articles
            .into_par_iter()
            .map(|a| counted(progress, prepare(a, params, cache)))
            .collect();
        let mut out = Segmented {
            docs: Vec::with_capacity(prepared.len()),
            feats: Vec::with_capacity(prepared.len()),
            keys: std::collections::BTreeSet::new(),
            key_of: std::collections::HashMap::with_capacity(prepared.len()),
            fresh_ids: std::collections::HashMap::new(),
            pending: std::collections::HashSet::new(),
            fresh_docs: std::collections::HashMap::new(),
            fresh: 0,
            warnings: Vec::new(),
        };
        for p in prepared {
            out.fresh += usize::from(p.fresh);
            out.warnings.extend(p.warning);
            if p.pending {
                out.pending.insert(p.doc.article.id.clone());
            }
            if let Some(key) = p.key {
                if p.fresh {
                    out.fresh_ids
                        .insert(p.doc.article.id.clone(), (key.clone(), out.feats.len()));
                }
                out.keys.insert(key.clone());
                out.key_of.insert(p.doc.article.id.clone(), key);
            }
            out.docs.push(p.doc);
            out.feats.push(p.features);
        }
        out
    }

    /// The documents of every story that is to be analysed (`looked`
    /// found no digest for it), read from the cache or, when their entry
    /// is missing or not trusted (a warning), segmented again.
    fn load_documents(
        &mut self,
        stories: &mut [Story],
        looked: &[Looked],
        cache: &cache::Cache,
        params: &params::Params,
    ) {
        if self.pending.is_empty() {
            return;
        }
        let loaded: Vec<(model::SourceId, Option<String>, Option<Diagnostic>)> = stories
            .par_iter_mut()
            .zip(looked)
            .filter(|(_, l)| l.hit.is_none())
            .flat_map_iter(|(s, _)| s.docs.iter_mut())
            .filter(|d| self.pending.contains(&d.article.id))
            .filter_map(|d| {
                let key = self.key_of.get(&d.article.id)?;
                let article = std::mem::take(&mut d.article);
                let (doc, warning, again) = match cache.get_document(key, article) {
                    (Ok(doc), _) => (doc, None, None),
                    (Err(article), warning) => (
                        segment::segment(article, params),
                        warning,
                        Some(key.clone()),
                    ),
                };
                *d = doc;
                Some((d.article.id.clone(), again, warning))
            })
            .collect();
        for (id, again, warning) in loaded {
            self.warnings.extend(warning);
            self.pending.remove(&id);
            if let Some(key) = again {
                self.fresh += 1;
                self.fresh_docs.insert(id, key);
            }
        }
    }

    /// The articles segmented now, as cache entries (smaller than their
    /// documents), to store once the site is written.
    fn cache_entries(&self, stories: &[Story], cache: Option<&cache::Cache>) -> ArticleEntries {
        if cache.is_none() {
            return ArticleEntries::default();
        }
        let features = self
            .fresh_ids
            .par_iter()
            .filter_map(|(_, (key, i))| {
                Some((
                    key.clone(),
                    cache::Cache::features_entry(key, &self.feats[*i])?,
                ))
            })
            .collect();
        let documents = stories
            .par_iter()
            .flat_map_iter(|s| &s.docs)
            .filter_map(|d| {
                let key = match self.fresh_ids.get(&d.article.id) {
                    Some((key, _)) => key,
                    None => self.fresh_docs.get(&d.article.id)?,
                };
                Some((key.clone(), cache::Cache::document_entry(key, d)?))
            })
            .collect();
        ArticleEntries {
            features,
            documents,
        }
    }
}

/// Article entries to store once the site is written: (key, serialised).
#[derive(Default)]
struct ArticleEntries {
    features: Vec<(String, Vec<u8>)>,
    documents: Vec<(String, Vec<u8>)>,
}

/// Every story's digest, in story order, with what the cache needs.
struct Analyses {
    digests: Vec<Digest>,
    /// Each story's cache key, in `digests` order.
    story_keys: Vec<Option<String>>,
    /// Stories analysed now, stored once the site is written (a failed
    /// build leaves the cache as it was): (key, index in `digests`).
    to_store: Vec<(String, usize)>,
    /// How many were analysed now.
    fresh: usize,
    warnings: Vec<Diagnostic>,
}

impl Analyses {
    fn of(analysed: Vec<Analysed>) -> Analyses {
        let mut out = Analyses {
            digests: Vec::with_capacity(analysed.len()),
            story_keys: Vec::with_capacity(analysed.len()),
            to_store: Vec::new(),
            fresh: 0,
            warnings: Vec::new(),
        };
        for a in analysed {
            out.fresh += usize::from(a.analysed);
            out.story_keys.push(a.key.clone());
            if let (true, Some(key)) = (a.analysed, &a.key) {
                out.to_store.push((key.clone(), out.digests.len()));
            }
            out.digests.push(a.digest);
            out.warnings.extend(a.warning);
        }
        out
    }
}

/// What writing the site did, for the cache.
struct Written {
    pages: Pages,
    /// Per story, the files rendered now with their hashes and sizes.
    sums: Vec<cache::FileSums>,
    /// The previous site's files found unchanged and kept, to stamp.
    checked: write::Checked,
    rendered: usize,
}

/// Renders the site (taking unchanged stories' files from the previous
/// one) and swaps it in. Each file is written as soon as it is rendered,
/// so the site is never held in memory whole; it is swapped in only when
/// complete.
fn write_site(
    opts: &BuildOptions,
    analyses: &Analyses,
    lock: &slugs::SlugLock,
    cache: Option<&cache::Cache>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Written> {
    let digests = &analyses.digests;
    let site = write::SiteWriter::begin(&opts.out)?;
    let pages = match cache {
        Some(c) => {
            let context = output::story_context(digests, &opts.config, &opts.templates)?;
            let (stamps, warning) = c.get_stamps(&opts.out);
            warnings.extend(warning);
            reuse_pages(
                c,
                &analyses.story_keys,
                digests,
                &context,
                &site,
                &stamps,
                warnings,
            )
        }
        None => Pages::default(),
    };
    let rendered = digests.len() - pages.reused.iter().filter(|&&r| r).count();
    // The files of each story rendered now, by its folder: to store as its
    // pages entry.
    let dirs: std::collections::HashMap<String, usize> = digests
        .iter()
        .enumerate()
        .filter(|&(i, _)| pages.keys.get(i).is_some_and(Option::is_some))
        .map(|(i, d)| (output::urls::story_dir(&d.slug), i))
        .collect();
    // Files come from several threads at once (each story's from one).
    let sums: Vec<std::sync::Mutex<cache::FileSums>> = (0..digests.len())
        .map(|_| std::sync::Mutex::new(Vec::new()))
        .collect();
    let reused = |i: usize| pages.reused.get(i).copied().unwrap_or(false);
    output::render_each_but(digests, &opts.config, &opts.templates, &reused, &|f| {
        if let Some(&i) = story_folder(&f.path).and_then(|d| dirs.get(&d)) {
            let hash = *blake3::hash(&f.bytes).as_bytes();
            let mut story = sums[i].lock().unwrap_or_else(|e| e.into_inner());
            story.push((f.path.clone(), hash, f.bytes.len() as u64));
        }
        site.add(&f)
    })?;
    let sums = sums
        .into_iter()
        .map(|m| {
            let mut files = m.into_inner().unwrap_or_else(|e| e.into_inner());
            files.sort();
            files
        })
        .collect();
    site.add(&output::text_file(slugs::LOCK_FILE, lock.to_toml()))?;
    let checked = site.checked();
    site.finish()?;
    Ok(Written {
        pages,
        sums,
        checked,
        rendered,
    })
}

/// Stores what this build made in the cache and prunes what it no longer
/// uses: pages entries, story analyses, article entries.
fn store(
    cache: &cache::Cache,
    analyses: &Analyses,
    site: Written,
    article_entries: ArticleEntries,
    article_keys: &std::collections::BTreeSet<String>,
) {
    site.sums.par_iter().enumerate().for_each(|(i, files)| {
        if let (Some(Some(key)), false) = (site.pages.keys.get(i), files.is_empty()) {
            cache.put_pages(key, files);
        }
    });
    cache.prune_pages(&site.pages.keys.iter().flatten().cloned().collect());
    analyses
        .to_store
        .par_iter()
        .for_each(|(key, i)| cache.put(key, &analyses.digests[*i]));
    article_entries
        .features
        .par_iter()
        .for_each(|(key, json)| cache.put_article(key, json));
    article_entries
        .documents
        .par_iter()
        .for_each(|(key, json)| cache.put_document(key, json));
    cache.prune(&analyses.story_keys.iter().flatten().cloned().collect());
    cache.prune_articles(article_keys);
    cache.put_stamps(write::Stamps::take(site.checked));
}

/// Which stories' files a build takes from the previous site.
#[derive(Default)]
struct Pages {
    /// Per story, the key of its pages entry (when there is a cache).
    keys: Vec<Option<String>>,
    /// Per story, whether its files were hard-linked from the previous
    /// site (and are not to be rendered).
    reused: Vec<bool>,
}

/// Hard-links from the previous site the files of every story whose pages
/// entry (its analysis, slug and `context`) is in the cache and whose
/// files are still there with the bytes it lists.
fn reuse_pages(
    cache: &cache::Cache,
    story_keys: &[Option<String>],
    digests: &[Digest],
    context: &str,
    site: &write::SiteWriter,
    stamps: &write::Stamps,
    warnings: &mut Vec<Diagnostic>,
) -> Pages {
    let context = blake3::hash(context.as_bytes());
    let keys: Vec<Option<String>> = story_keys
        .iter()
        .zip(digests)
        .map(|(k, d)| k.as_ref().map(|k| cache.pages_key(k, &d.slug, &context)))
        .collect();
    // Entries read, the previous site's files checked and linked, in
    // parallel (in story order).
    let found: Vec<(bool, Option<Diagnostic>)> = keys
        .par_iter()
        .map(|k| match k {
            Some(k) => {
                let (files, warning) = cache.get_pages(k);
                let kept = files.is_some_and(|f| site.unchanged(&f, stamps) && site.link(&f));
                (kept, warning)
            }
            None => (false, None),
        })
        .collect();
    let mut reused = Vec::with_capacity(keys.len());
    for (kept, warning) in found {
        warnings.extend(warning);
        reused.push(kept);
    }
    Pages { keys, reused }
}

/// The story folder (`stories/<slug>/`) a site path lies in, if any.
fn story_folder(path: &std::path::Path) -> Option<String> {
    let mut parts = path.components();
    let (Some(top), Some(slug), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    (top.as_os_str() == "stories")
        .then(|| output::urls::story_dir(&slug.as_os_str().to_string_lossy()))
}

/// One article, segmented, with its grouping features, and how it was had.
struct Prepared {
    doc: model::Document,
    features: cluster::DocFeatures,
    /// Segmented now (not read from the cache).
    fresh: bool,
    /// Features read from the cache; the document holds the article only,
    /// its segmentation is read when its story is analysed.
    pending: bool,
    /// A cache entry that was there but not trusted.
    warning: Option<Diagnostic>,
    /// The article's cache key, when there is a cache.
    key: Option<String>,
}

/// Segments an article and extracts its grouping features, or reads both
/// from `cache` when it holds the article's key.
fn prepare(a: model::Article, params: &params::Params, cache: Option<&cache::Cache>) -> Prepared {
    let (a, key, warning) = match cache {
        None => (a, None, None),
        Some(c) => {
            let key = c.article_key(&a);
            match c.get_features(&key) {
                (Some(features), _) => {
                    let doc = model::Document {
                        article: a,
                        blocks: Vec::new(),
                        sentences: Vec::new(),
                    };
                    return Prepared {
                        doc,
                        features,
                        fresh: false,
                        pending: true,
                        warning: None,
                        key: Some(key),
                    };
                }
                (None, warning) => (a, Some(key), warning),
            }
        }
    };
    let doc = segment::segment(a, params);
    let features = cluster::features(&doc, &params.cluster);
    Prepared {
        doc,
        features,
        fresh: true,
        pending: false,
        warning,
        key,
    }
}

/// One story's digest (before slugs) and how it was had.
struct Analysed {
    digest: Digest,
    /// Analysed now (not read from the cache).
    analysed: bool,
    /// A cache entry that was there but not trusted.
    warning: Option<Diagnostic>,
    /// The story's cache key, when there is a cache.
    key: Option<String>,
}

/// A story's cache key and the digest the cache holds under it.
struct Looked {
    /// The story's cache key, when there is a cache.
    key: Option<String>,
    hit: Option<Box<Digest>>,
    /// A cache entry that was there but not trusted.
    warning: Option<Diagnostic>,
}

/// Each story's key and cached digest (in parallel; order is kept). A
/// story is keyed by its articles' keys (`key_of`, by article id); one
/// with an article of no key (none is expected) is analysed and not stored.
fn look_up_stories(
    stories: &[Story],
    cache: Option<(
        &cache::Cache,
        &std::collections::HashMap<model::SourceId, String>,
    )>,
) -> Vec<Looked> {
    stories
        .par_iter()
        .map(|s| {
            let keys: Option<Vec<&str>> = cache.and_then(|(_, key_of)| {
                s.docs
                    .iter()
                    .map(|d| key_of.get(&d.article.id).map(String::as_str))
                    .collect()
            });
            let (Some((c, _)), Some(keys)) = (cache, keys) else {
                return Looked {
                    key: None,
                    hit: None,
                    warning: None,
                };
            };
            let key = c.story_key(keys.into_iter());
            let (hit, warning) = match c.get(&key) {
                cache::Lookup::Hit(d) => (Some(d), None),
                cache::Lookup::Miss => (None, None),
                cache::Lookup::Corrupt(w) => (None, Some(w)),
            };
            Looked {
                key: Some(key),
                hit,
                warning,
            }
        })
        .collect()
}

/// [`analyse_story`] for every story `looked` found no digest for (in
/// parallel; order is kept); the others are the cached digests.
fn analyse_looked(
    stories: &[Story],
    looked: Vec<Looked>,
    progress: &dyn Progress,
    params: &params::Params,
) -> Vec<Analysed> {
    stories
        .par_iter()
        .zip(looked)
        .map(|(s, l)| {
            let result = match l.hit {
                Some(d) => Analysed {
                    digest: *d,
                    analysed: false,
                    warning: None,
                    key: l.key,
                },
                None => Analysed {
                    digest: analyse_story(s, params),
                    analysed: true,
                    warning: l.warning,
                    key: l.key,
                },
            };
            counted(progress, result)
        })
        .collect()
}

/// The analysis stages for every story (in parallel; order is kept), then
/// unique slugs.
pub fn analyse(stories: &[Story], params: &params::Params) -> Vec<Digest> {
    analyse_with_progress(stories, &(), params)
}

/// [`analyse`], reporting each story done.
pub fn analyse_with_progress(
    stories: &[Story],
    progress: &dyn Progress,
    params: &params::Params,
) -> Vec<Digest> {
    analyse_locked(stories, progress, params, &slugs::SlugLock::default()).0
}

/// [`analyse_with_progress`], keeping the slugs `lock` remembers; returns
/// the lock to save.
pub fn analyse_locked(
    stories: &[Story],
    progress: &dyn Progress,
    params: &params::Params,
    lock: &slugs::SlugLock,
) -> (Vec<Digest>, slugs::SlugLock) {
    let mut digests: Vec<Digest> = stories
        .par_iter()
        .map(|s| counted(progress, analyse_story(s, params)))
        .collect();
    let new_lock = assign_slugs(stories, &mut digests, lock);
    (digests, new_lock)
}

/// Gives each digest its unique slug, keeping those `lock` remembers;
/// returns the lock to save.
fn assign_slugs(
    stories: &[Story],
    digests: &mut [Digest],
    lock: &slugs::SlugLock,
) -> slugs::SlugLock {
    let bases: Vec<String> = stories.iter().map(slug_base).collect();
    let members: Vec<Vec<String>> = digests
        .iter()
        .map(|d| d.sources.iter().map(|s| s.id.clone()).collect())
        .collect();
    let (slugs, new_lock) = slugs::assign(&members, &bases, lock);
    for (d, slug) in digests.iter_mut().zip(slugs) {
        d.slug = slug;
    }
    new_lock
}

/// Reads the slug lock: `parallax.lock` in the seeds folder when the user
/// committed one there (to pin URLs wherever the site is built, e.g. in
/// CI), else the one the previous build left in the output folder. The
/// build writes the updated lock only inside the output folder: nothing
/// outside it is ever touched. A lock that cannot be read or parsed is a
/// warning, and the build goes on as if there were none.
fn read_lock(
    seeds: &std::path::Path,
    out: &std::path::Path,
    warnings: &mut Vec<Diagnostic>,
) -> slugs::SlugLock {
    for path in [seeds.join(slugs::LOCK_FILE), out.join(slugs::LOCK_FILE)] {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                warnings.push(lock_warning(&path, &format!("cannot be read ({e})")));
                continue;
            }
        };
        match slugs::SlugLock::parse(&text) {
            Ok(lock) => return lock,
            Err(e) => {
                let first = e.lines().next().unwrap_or_default().to_string();
                warnings.push(lock_warning(
                    &path,
                    &format!("is not a valid lock ({first})"),
                ));
            }
        }
    }
    slugs::SlugLock::default()
}

fn lock_warning(path: &std::path::Path, what: &str) -> Diagnostic {
    Diagnostic::new(
        path.display().to_string(),
        None,
        format!("the story URL lock {what}; story URLs may change when articles are added"),
    )
}

/// The slug a story would like, chosen so that it stays put as the story
/// grows: the story's own name when the input gives one (subfolder or
/// front matter `story:`), else the title (or lead sentence) of its
/// earliest article (by `published`, then id). Adding a later article
/// never renames a story; the headline shown may still change.
pub fn slug_base(story: &Story) -> String {
    let keys: std::collections::BTreeSet<&str> = story
        .docs
        .iter()
        .filter_map(|d| d.article.story.as_deref())
        .collect();
    if let Some(key) = keys.first()
        && keys.len() == 1
        && story.docs.iter().all(|d| d.article.story.is_some())
    {
        return digest::slugify(key);
    }
    let anchor = story.docs.iter().min_by(|a, b| {
        let date = |d: &model::Document| {
            d.article
                .published
                .clone()
                .unwrap_or_else(|| "~".to_string())
        };
        date(a).cmp(&date(b)).then(a.article.id.cmp(&b.article.id))
    });
    let text = anchor.and_then(|d| {
        d.article
            .title
            .clone()
            .or_else(|| d.claim_sentences().next().map(|(_, s)| s.text.clone()))
    });
    digest::slugify(text.as_deref().unwrap_or("story"))
}

/// Reports one unit done and passes the value on.
fn counted<T>(progress: &dyn Progress, value: T) -> T {
    progress.advance();
    value
}

/// quotes → align → divergences → digest, for one story. Quotes come first
/// because a quotation several outlets carry is also a fact they agree on.
pub fn analyse_story(story: &Story, params: &params::Params) -> Digest {
    let quotes = quotes::find_quotes(story, &params.quotes);
    let facts = align::align(story, &quotes, params);
    let copies = syndication::story_copies(story, &params.syndication);
    let findings = divergence::find(story, &facts, &quotes, &copies, &params.divergence);
    let findings = divergence::without_copy_conflicts(findings, &copies);
    let mut digest = assemble::assemble(story, String::new(), &facts, &findings, &quotes);
    digest::mark_copies(&mut digest.sources, &copies);
    digest
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

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Article, Document};

    fn doc(id: &str, title: &str, story: Option<&str>) -> Document {
        Document {
            article: Article {
                id: id.into(),
                title: Some(title.to_string()),
                story: story.map(str::to_string),
                ..Article::default()
            },
            ..Document::default()
        }
    }

    /// An article of one paragraph, segmented.
    fn segmented(id: &str, story: Option<&str>, title: &str, body: &str) -> Document {
        let article = Article {
            id: id.into(),
            path: format!("{id}.md"),
            title: Some(title.to_string()),
            story: story.map(str::to_string),
            blocks: vec![model::Block {
                kind: model::BlockKind::Paragraph,
                text: body.to_string(),
                line: 3,
            }],
            ..Article::default()
        };
        segment::segment(article, &params::Params::default())
    }

    /// Stories are keyed by their articles' keys (`cache::Cache::story_key`):
    /// sound only if grouping hands every document on exactly as it was
    /// segmented, whatever the story keys, the lock or the input order.
    #[test]
    fn grouping_moves_documents_and_never_alters_one() {
        let params = params::Params::default();
        let docs = vec![
            segmented(
                "ferry-1",
                None,
                "Ferry runs aground off Skye",
                "A passenger ferry ran aground off the Isle of Skye on Tuesday. \
                 The coastguard said all 212 passengers were taken off safely.",
            ),
            segmented(
                "ferry-2",
                None,
                "Skye ferry aground, passengers safe",
                "All 212 passengers were taken off safely after a ferry ran aground \
                 off Skye, the coastguard said on Tuesday.",
            ),
            segmented(
                "budget-1",
                None,
                "Council approves budget",
                "The city council approved a budget of 40 million dollars on Monday. \
                 \"It is a careful plan,\" the mayor said.",
            ),
            segmented(
                "named-1",
                Some("Harbour Fire"),
                "Fire at the harbour",
                "A warehouse burned at the harbour overnight.",
            ),
            segmented(
                "named-2",
                Some("Harbour Fire"),
                "Harbour warehouse fire",
                "Firefighters fought a warehouse fire at the harbour.",
            ),
        ];
        let feats: Vec<cluster::DocFeatures> = docs
            .iter()
            .map(|d| cluster::features(d, &params.cluster))
            .collect();
        let locks: [Vec<std::collections::BTreeSet<String>>; 2] = [
            Vec::new(),
            vec![["ferry-1", "budget-1"].map(str::to_string).into()],
        ];
        for previous in &locks {
            for reversed in [false, true] {
                let (mut input, mut f) = (docs.clone(), feats.clone());
                if reversed {
                    input.reverse();
                    f.reverse();
                }
                let stories = cluster::group_keeping(input, &f, &params, previous);
                let out: Vec<&Document> = stories.iter().flat_map(|s| &s.docs).collect();
                assert_eq!(out.len(), docs.len());
                for d in out {
                    let was = docs.iter().find(|o| o.article.id == d.article.id);
                    assert_eq!(Some(d), was);
                }
                assert!(stories.iter().any(|s| s.docs.len() > 1));
            }
        }
    }

    #[test]
    fn slug_stays_when_a_later_article_joins() {
        let mut story = Story {
            docs: vec![doc("b", "Dam Bursts Near Town", None)],
        };
        let before = slug_base(&story);
        story
            .docs
            .push(doc("c", "A Completely Different Headline", None));
        assert_eq!(slug_base(&story), before);
        assert_eq!(before, "dam-bursts-near-town");
    }

    #[test]
    fn explicit_story_names_the_slug() {
        let story = Story {
            docs: vec![
                doc("a", "X", Some("Harbour Fire")),
                doc("b", "Y", Some("Harbour Fire")),
            ],
        };
        assert_eq!(slug_base(&story), "harbour-fire");
    }
}
