//! Incremental builds: a content-addressed cache of each article's
//! segmentation and grouping features, and of each story's analysis.
//!
//! An article's segmentation ([`crate::segment`]) and the features grouping
//! reads of it ([`crate::cluster::features`]: terms, times, people) depend
//! only on the article as read, the parameters and the program. So they
//! are kept under a key hashing exactly those (`articles/<key>.json` the
//! features, `documents/<key>.json` the segmentation): a rebuild reads
//! every article file but segments and tokenises only the new or changed
//! ones, and reads a document only when its story is analysed. Grouping weighs terms over every article, from the
//! cached features; with a `parallax.lock` it regroups only the stories
//! new articles come near ([`crate::cluster::group_keeping`]).
//!
//! A story's analysis (quotes → align → divergences → digest, see
//! [`crate::analyse_story`]) depends only on the story's documents, the
//! analysis parameters and the program itself. So each story's digest is
//! kept under a key hashing exactly those (BLAKE3): the cache format
//! version, the running executable's bytes (any code or word-list change
//! is a new program, so a stale analysis can never match), the parameters,
//! and the keys of the story's articles in order (a document is a function
//! of its article under them: see [`Cache::story_key`]). Adding one article changes the key of the story it
//! joins only; every other story is read back instead of analysed. The
//! slug, the site and the templates are not part of the key: they are
//! applied after the cache, on every build, so the output is byte-identical
//! to a clean build.
//!
//! Layout (the folder is the `--cache-dir`, by default `.<out>.cache-parallax`
//! beside the output folder): `CACHEDIR.TAG` (so backup tools skip it),
//! `stories/<key>.json` (one JSON object: format, key, digest),
//! `articles/<key>.json` (format, key, the grouping features),
//! `documents/<key>.json` (format, key, the cleaned blocks, the sentences
//! as spans of them; read only for the stories a build analyses) and
//! `pages/<key>.json` (the
//! files a story's digest rendered to, each as its path, BLAKE3 and
//! length, keyed by the story's key, its slug, the config, the templates
//! and the program: a rebuild hard-links those files from the previous
//! site when they are still there with those very bytes, and renders only
//! the others), `stamps.json` (the site's kept files' stamps) and
//! `program.json` (the program's BLAKE3 under its stamp, so it is not read
//! on every build; see `program_hash`). Entries
//! are written to a temporary name and renamed into place, so a reader
//! sees a whole entry or none. An entry that cannot be read or parsed, or
//! whose contents do not match its name, is a warning and the story is
//! analysed again; nothing in the cache is trusted unchecked. After a
//! build, entries it did not use are removed: only files named like
//! entries, nothing else in the folder is touched.

use crate::cluster::DocFeatures;
use crate::digest::Digest;
use crate::error::Diagnostic;
use crate::model::{Article, Block, BlockKind, Document, Sentence};
use crate::params::Params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bumped whenever the entry layout or the key's recipe changes.
pub const FORMAT: u32 = 4;

/// The folders entries live in, below the cache folder.
const STORIES: &str = "stories";
const ARTICLES: &str = "articles";
const DOCUMENTS: &str = "documents";
const PAGES: &str = "pages";

/// The stamps of the site's kept files ([`crate::write::Stamps`]).
const STAMPS: &str = "stamps.json";

/// The running program's hash and stamp ([`program_hash`]).
const PROGRAM: &str = "program.json";

const TAG: &str = "CACHEDIR.TAG";
const TAG_TEXT: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This folder is a cache of parallax story analyses; it may be deleted at any time.\n";

/// An open cache folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    /// Hash of everything besides the story that an analysis depends on.
    salt: [u8; 32],
    /// The program's hash with its stamp, to store when it was hashed
    /// anew (so the next build need not read the program again).
    program: Option<ProgramEntry>,
    tmp_counter: AtomicUsize,
}

/// The BLAKE3 of the program's file, with the stamp the file had before
/// it was read and when the reading began (`program.json`).
#[derive(Debug, Serialize, Deserialize)]
struct ProgramEntry {
    format: u32,
    /// The program's path, as the system gives it.
    path: String,
    /// When the hashing began.
    began: (i64, i64),
    stamp: crate::write::Stamp,
    /// BLAKE3 of the file's bytes (hex).
    hash: String,
}

/// The stamps of the site's files on disk.
#[derive(Serialize, Deserialize)]
struct StampsEntry {
    format: u32,
    stamps: crate::write::Stamps,
}

/// One cached analysis on disk.
#[derive(Serialize, Deserialize)]
struct Entry {
    format: u32,
    key: String,
    digest: Digest,
}

/// What grouping reads of an article, on disk (`articles/<key>.json`).
#[derive(Serialize, Deserialize)]
struct ArticleEntry {
    format: u32,
    key: String,
    features: DocFeatures,
}

/// An article's segmentation on disk (`documents/<key>.json`), read only
/// when the story the article is in is analysed.
#[derive(Serialize, Deserialize)]
struct DocumentEntry {
    format: u32,
    key: String,
    /// The cleaned blocks: kind, text, line.
    blocks: Vec<(BlockKind, String, usize)>,
    /// The sentences: block, start, end (their text is that span of the
    /// block), role.
    sentences: Vec<(usize, usize, usize, BlockKind)>,
}

/// The files a story rendered to, on disk: per file its path in the site,
/// the BLAKE3 of its bytes (hex) and its length. The bytes themselves are
/// not kept: they are in the previous site, checked against the hash.
#[derive(Serialize, Deserialize)]
struct PagesEntry {
    format: u32,
    key: String,
    files: Vec<(String, String, u64)>,
}

/// A story's files as a site holds them: path, BLAKE3 of the bytes, length.
pub type FileSums = Vec<(PathBuf, [u8; 32], u64)>;

/// The outcome of a lookup.
pub enum Lookup {
    Hit(Box<Digest>),
    Miss,
    /// An entry was there but is not to be trusted; the message says why.
    Corrupt(Diagnostic),
}

impl Cache {
    /// Opens the cache folder `dir` for builds with `params` (it is made
    /// by the first [`Cache::put`], so a build that fails before storing
    /// anything leaves none). A program that cannot read its own
    /// executable to key entries by is a warning and the build runs
    /// without a cache.
    pub fn open(dir: &Path, params: &Params, warnings: &mut Vec<Diagnostic>) -> Option<Cache> {
        let warn = |warnings: &mut Vec<Diagnostic>, what: String| {
            warnings.push(Diagnostic::new(
                dir.display().to_string(),
                None,
                format!("{what}; building without the cache (every story is analysed)"),
            ));
        };
        let Some(exe) = std::env::current_exe().ok() else {
            warn(
                warnings,
                "the running program cannot be found to key the cache".to_string(),
            );
            return None;
        };
        let (program, stamped, note) = program_hash(&exe, dir);
        warnings.extend(note);
        let Some(program) = program else {
            warn(
                warnings,
                "the running program cannot be read to key the cache".to_string(),
            );
            return None;
        };
        let mut h = blake3::Hasher::new();
        h.update(b"parallax story cache\0");
        h.update(&FORMAT.to_le_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&[0]);
        h.update(&program);
        field(&mut h, &format!("{params:?}"));
        Some(Cache {
            dir: dir.to_path_buf(),
            salt: *h.finalize().as_bytes(),
            program: stamped,
            tmp_counter: AtomicUsize::new(0),
        })
    }

    /// The key of an article's segmentation and features, as 64 hex digits.
    pub fn article_key(&self, article: &Article) -> String {
        let text: usize = article.blocks.iter().map(|b| b.text.len() + 32).sum();
        let mut buf = Vec::with_capacity(256 + text);
        buf.extend_from_slice(&self.salt);
        buf.extend_from_slice(b"article\0");
        hash_article(&mut buf, article);
        blake3::hash(&buf).to_hex().to_string()
    }

    /// The grouping features stored under `key`, checked (format, key).
    pub fn get_features(&self, key: &str) -> (Option<DocFeatures>, Option<Diagnostic>) {
        let path = self.dir.join(ARTICLES).join(format!("{key}.json"));
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
            Err(e) => return (None, note(&path, &format!("cannot be read ({e})"))),
        };
        match serde_json::from_slice::<ArticleEntry>(&bytes) {
            Ok(entry) if entry.format == FORMAT && entry.key == key => (Some(entry.features), None),
            Ok(_) => (
                None,
                note(&path, "does not match its name (another format or key)"),
            ),
            Err(e) => (None, note(&path, &format!("is not a valid entry ({e})"))),
        }
    }

    /// The segmentation stored under `key` for `article` (moved into the
    /// document on a hit, handed back otherwise), checked: format, key and
    /// every sentence span must hold, else the entry is reported corrupt.
    pub fn get_document(
        &self,
        key: &str,
        article: Article,
    ) -> (std::result::Result<Document, Article>, Option<Diagnostic>) {
        let path = self.dir.join(DOCUMENTS).join(format!("{key}.json"));
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Err(article), None),
            Err(e) => return (Err(article), note(&path, &format!("cannot be read ({e})"))),
        };
        let entry = match serde_json::from_slice::<DocumentEntry>(&bytes) {
            Ok(entry) if entry.format == FORMAT && entry.key == key => entry,
            Ok(_) => {
                let what = "does not match its name (another format or key)";
                return (Err(article), note(&path, what));
            }
            Err(e) => {
                let what = format!("is not a valid entry ({e})");
                return (Err(article), note(&path, &what));
            }
        };
        let blocks: Vec<Block> = entry
            .blocks
            .into_iter()
            .map(|(kind, text, line)| Block { kind, text, line })
            .collect();
        let mut sentences = Vec::with_capacity(entry.sentences.len());
        for (block, start, end, role) in entry.sentences {
            let Some(text) = blocks.get(block).and_then(|b| b.text.get(start..end)) else {
                return (
                    Err(article),
                    note(&path, "has a sentence outside its blocks"),
                );
            };
            sentences.push(Sentence {
                block,
                start,
                end,
                text: text.to_string(),
                role,
            });
        }
        let doc = Document {
            article,
            blocks,
            sentences,
        };
        (Ok(doc), None)
    }

    /// The entry of an article's grouping features, serialised (to be
    /// stored by [`Cache::put_article`] once the site is written).
    pub fn features_entry(key: &str, features: &DocFeatures) -> Option<Vec<u8>> {
        let entry = ArticleEntry {
            format: FORMAT,
            key: key.to_string(),
            features: features.clone(),
        };
        serde_json::to_vec(&entry).ok()
    }

    /// The entry of an article's segmentation, serialised (to be stored
    /// by [`Cache::put_document`] once the site is written).
    pub fn document_entry(key: &str, doc: &Document) -> Option<Vec<u8>> {
        let entry = DocumentEntry {
            format: FORMAT,
            key: key.to_string(),
            blocks: doc
                .blocks
                .iter()
                .map(|b| (b.kind, b.text.clone(), b.line))
                .collect(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| (s.block, s.start, s.end, s.role))
                .collect(),
        };
        serde_json::to_vec(&entry).ok()
    }

    /// Stores a serialised features entry ([`Cache::features_entry`]).
    pub fn put_article(&self, key: &str, json: &[u8]) {
        self.write_entry(ARTICLES, key, json);
    }

    /// Stores a serialised document entry ([`Cache::document_entry`]).
    pub fn put_document(&self, key: &str, json: &[u8]) {
        self.write_entry(DOCUMENTS, key, json);
    }

    /// The key of a story's rendered files: its analysis (`story_key`),
    /// its slug and everything else its files depend on (`context`, the
    /// BLAKE3 of [`crate::output::story_context`], hashed once per build
    /// rather than once per story).
    pub fn pages_key(&self, story_key: &str, slug: &str, context: &blake3::Hash) -> String {
        let mut h = blake3::Hasher::new();
        h.update(&self.salt);
        h.update(b"pages\0");
        field(&mut h, story_key);
        field(&mut h, slug);
        h.update(context.as_bytes());
        h.finalize().to_hex().to_string()
    }

    /// The files stored under a pages `key`, checked (format, key, hashes).
    pub fn get_pages(&self, key: &str) -> (Option<FileSums>, Option<Diagnostic>) {
        let path = self.dir.join(PAGES).join(format!("{key}.json"));
        let warn = |what: &str| {
            Some(Diagnostic::new(
                path.display().to_string(),
                None,
                format!("cache entry {what}; ignored, the story's files were rendered again"),
            ))
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
            Err(e) => return (None, warn(&format!("cannot be read ({e})"))),
        };
        let entry = match serde_json::from_slice::<PagesEntry>(&bytes) {
            Ok(entry) if entry.format == FORMAT && entry.key == key => entry,
            Ok(_) => {
                return (
                    None,
                    warn("does not match its name (another format or key)"),
                );
            }
            Err(e) => return (None, warn(&format!("is not a valid entry ({e})"))),
        };
        let mut files = Vec::with_capacity(entry.files.len());
        for (p, hex, len) in entry.files {
            let Ok(hash) = blake3::Hash::from_hex(&hex) else {
                return (None, warn("has a file hash that is not one"));
            };
            files.push((PathBuf::from(p), *hash.as_bytes(), len));
        }
        if files.is_empty() {
            return (None, warn("lists no files"));
        }
        (Some(files), None)
    }

    /// Stores the files a story rendered to under a pages `key`.
    pub fn put_pages(&self, key: &str, files: &[(PathBuf, [u8; 32], u64)]) {
        let entry = PagesEntry {
            format: FORMAT,
            key: key.to_string(),
            files: files
                .iter()
                .map(|(p, h, n)| {
                    let hex = blake3::Hash::from_bytes(*h).to_hex().to_string();
                    (p.to_string_lossy().into_owned(), hex, *n)
                })
                .collect(),
        };
        if let Ok(json) = serde_json::to_vec(&entry) {
            self.write_entry(PAGES, key, &json);
        }
    }

    /// The stamps of `out`'s files the last build stored, ready to vouch
    /// for them; none (every file is read and hashed) when there are none,
    /// or of another folder, or the entry is unreadable (a warning).
    pub fn get_stamps(&self, out: &Path) -> (crate::write::Stamps, Option<Diagnostic>) {
        let path = self.dir.join(STAMPS);
        let warn = |what: &str| {
            Some(Diagnostic::new(
                path.display().to_string(),
                None,
                format!("cache entry {what}; ignored, the site's files were read to check them"),
            ))
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Default::default(),
            Err(e) => return (Default::default(), warn(&format!("cannot be read ({e})"))),
        };
        match serde_json::from_slice::<StampsEntry>(&bytes) {
            Ok(entry) if entry.format == FORMAT => (entry.stamps.ready(out), None),
            Ok(_) => (Default::default(), warn("is of another format")),
            Err(e) => (
                Default::default(),
                warn(&format!("is not a valid entry ({e})")),
            ),
        }
    }

    /// Stores the stamps of the site's files (written to a temporary file,
    /// then renamed into place; failing to store is not an error).
    /// Also stores the program's hash when this build hashed it anew.
    pub fn put_stamps(&self, stamps: crate::write::Stamps) {
        let entry = StampsEntry {
            format: FORMAT,
            stamps,
        };
        if let Ok(json) = serde_json::to_vec(&entry) {
            self.put_file(STAMPS, &json);
        }
        if let Some(json) = self
            .program
            .as_ref()
            .and_then(|p| serde_json::to_vec(p).ok())
        {
            self.put_file(PROGRAM, &json);
        }
    }

    /// Writes `json` as the file `name` of the cache folder: to a
    /// temporary file, then renamed into place.
    fn put_file(&self, name: &str, json: &[u8]) {
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let path = self.dir.join(name);
        let n = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
        let tmp = self
            .dir
            .join(format!("{name}.tmp-{}-{n}", std::process::id()));
        let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(json));
        if written.is_err() || std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    /// [`Cache::prune`] for pages entries.
    pub fn prune_pages(&self, keep: &BTreeSet<String>) {
        self.prune_dir(PAGES, keep);
    }

    /// The key of a story's analysis, as 64 hex digits, from the keys of
    /// its documents' articles ([`Cache::article_key`]) in story order.
    ///
    /// A document is a deterministic function of its article under the
    /// same salt (segmentation reads nothing else; the article cache
    /// already relies on this), grouping only moves documents, never
    /// alters one (`grouping_moves_documents_and_never_alters_one` in the
    /// crate's tests), and a story's analysis reads only its documents. So
    /// the article keys name a story's analysis as surely as hashing every
    /// field of every document did, without walking some 30 MB of text on
    /// each build (issue 15).
    pub fn story_key<'a>(&self, article_keys: impl ExactSizeIterator<Item = &'a str>) -> String {
        let mut buf = Vec::with_capacity(32 + 6 + 8 + 72 * article_keys.len());
        buf.extend_from_slice(&self.salt);
        buf.extend_from_slice(b"story\0");
        put_num(&mut buf, article_keys.len());
        for k in article_keys {
            put_field(&mut buf, k);
        }
        blake3::hash(&buf).to_hex().to_string()
    }

    fn entry_path(&self, key: &str) -> PathBuf {
        self.dir.join(STORIES).join(format!("{key}.json"))
    }

    /// The digest stored under `key`, checked: its format and key must be
    /// this build's, else it is [`Lookup::Corrupt`].
    pub fn get(&self, key: &str) -> Lookup {
        let path = self.entry_path(key);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lookup::Miss,
            Err(e) => return corrupt(&path, &format!("cannot be read ({e})")),
        };
        match serde_json::from_slice::<Entry>(&bytes) {
            Ok(entry) if entry.format == FORMAT && entry.key == key => {
                Lookup::Hit(Box::new(entry.digest))
            }
            Ok(_) => corrupt(&path, "does not match its name (another format or key)"),
            Err(e) => corrupt(&path, &format!("is not a valid entry ({e})")),
        }
    }

    /// Stores `digest` under `key`: written to a temporary file, then
    /// renamed into place. Failing to store is not an error (the next
    /// build analyses the story again).
    /// The digest is stored without its slug (slugs are given after the
    /// cache, on every build).
    pub fn put(&self, key: &str, digest: &Digest) {
        let mut digest = digest.clone();
        digest.slug = String::new();
        let entry = Entry {
            format: FORMAT,
            key: key.to_string(),
            digest,
        };
        if let Ok(json) = serde_json::to_vec(&entry) {
            self.write_entry(STORIES, key, &json);
        }
    }

    /// Writes `json` as entry `key` of the folder `sub`: to a temporary
    /// file, then renamed into place.
    fn write_entry(&self, sub: &str, key: &str, json: &[u8]) {
        let folder = self.dir.join(sub);
        if !folder.is_dir() {
            if std::fs::create_dir_all(&folder).is_err() {
                return;
            }
            let tag = self.dir.join(TAG);
            if !tag.exists() {
                let _ = std::fs::write(tag, TAG_TEXT);
            }
        }
        let path = folder.join(format!("{key}.json"));
        let n = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
        let tmp = folder.join(format!("{key}.json.tmp-{}-{n}", std::process::id()));
        let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(json));
        if written.is_err() || std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    /// Removes the story entries (and leftover temporary entries) whose
    /// keys are not in `keep`. Only names shaped like entries are touched.
    pub fn prune(&self, keep: &BTreeSet<String>) {
        self.prune_dir(STORIES, keep);
    }

    /// [`Cache::prune`] for article entries.
    pub fn prune_articles(&self, keep: &BTreeSet<String>) {
        self.prune_dir(ARTICLES, keep);
        self.prune_dir(DOCUMENTS, keep);
    }

    fn prune_dir(&self, sub: &str, keep: &BTreeSet<String>) {
        let Ok(read) = std::fs::read_dir(self.dir.join(sub)) else {
            return;
        };
        for e in read.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some((key, rest)) = name.split_at_checked(64) else {
                continue;
            };
            let shaped = key
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
                && (rest == ".json" || rest.starts_with(".json.tmp-"));
            if shaped && (rest != ".json" || !keep.contains(key)) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The default cache folder of an output folder: `.<name>.cache-parallax`
/// beside it (`site` → `.site.cache-parallax`).
pub fn default_dir(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "site".to_string(), |n| n.to_string_lossy().into_owned());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.cache-parallax"))
}

fn note(path: &Path, what: &str) -> Option<Diagnostic> {
    Some(Diagnostic::new(
        path.display().to_string(),
        None,
        format!("cache entry {what}; ignored, the article was segmented again"),
    ))
}

fn corrupt(path: &Path, what: &str) -> Lookup {
    Lookup::Corrupt(Diagnostic::new(
        path.display().to_string(),
        None,
        format!("cache entry {what}; ignored, the story was analysed again"),
    ))
}

/// BLAKE3 of the program file `exe`, with the entry to store when it was
/// hashed anew, and a note when the stored one was unreadable.
///
/// The hash stored in the cache folder's `program.json` is used instead of
/// reading the file (some 14 MB) only when it is of the same path and the
/// file's stamp is unchanged: same length, device, inode, modification
/// and change time (any write to the file, or another file put in its
/// place, moves one of them; the change time cannot be set back), and the
/// file last changed (bytes or inode) at least 2 seconds before that
/// hashing began (the racy rule of the kept files' stamps: a file written
/// in the instant it was read can look the same after). Otherwise the file
/// is read and hashed, its stamp taken before (through the open file, so
/// of the very bytes read) and checked unchanged after; an entry is
/// offered for storing only then.
fn program_hash(
    exe: &Path,
    dir: &Path,
) -> (Option<[u8; 32]>, Option<ProgramEntry>, Option<Diagnostic>) {
    let path = exe.to_string_lossy().into_owned();
    let stored = dir.join(PROGRAM);
    let mut diag = None;
    match std::fs::read(&stored) {
        Ok(bytes) => match serde_json::from_slice::<ProgramEntry>(&bytes) {
            Ok(entry) => {
                let now = std::fs::metadata(exe)
                    .ok()
                    .and_then(|m| crate::write::Stamp::of(&m));
                let hash = blake3::Hash::from_hex(&entry.hash).ok();
                if let (Some(now), Some(hash)) = (now, hash)
                    && entry.format == FORMAT
                    && entry.path == path
                    && entry.stamp == now
                    && settled(&now, entry.began)
                {
                    return (Some(*hash.as_bytes()), None, None);
                }
            }
            Err(e) => {
                diag = Some(Diagnostic::new(
                    stored.display().to_string(),
                    None,
                    format!(
                        "cache entry is not a valid entry ({e}); ignored, the program was read to key the cache"
                    ),
                ));
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            diag = Some(Diagnostic::new(
                stored.display().to_string(),
                None,
                format!(
                    "cache entry cannot be read ({e}); ignored, the program was read to key the cache"
                ),
            ));
        }
    }
    let hashed = || -> Option<([u8; 32], Option<ProgramEntry>)> {
        let began = crate::write::now()?;
        let mut file = std::fs::File::open(exe).ok()?;
        let before = file
            .metadata()
            .ok()
            .and_then(|m| crate::write::Stamp::of(&m));
        let mut h = blake3::Hasher::new();
        h.update_reader(&mut file).ok()?;
        let hash = *h.finalize().as_bytes();
        let after = std::fs::metadata(exe)
            .ok()
            .and_then(|m| crate::write::Stamp::of(&m));
        let entry = match (before, after) {
            (Some(before), Some(after)) if before == after => Some(ProgramEntry {
                format: FORMAT,
                path: path.clone(),
                began,
                stamp: before,
                hash: blake3::Hash::from_bytes(hash).to_hex().to_string(),
            }),
            _ => None,
        };
        Some((hash, entry))
    };
    match hashed() {
        Some((hash, entry)) => (Some(hash), entry, diag),
        None => (None, None, diag),
    }
}

/// Whether a file with `stamp` last changed (bytes or inode) at least
/// [`crate::write::RACY_NANOS`] before `began`.
fn settled(stamp: &crate::write::Stamp, began: (i64, i64)) -> bool {
    use crate::write::{RACY_NANOS, nanos};
    nanos(stamp.mtime).max(nanos(stamp.ctime)) + RACY_NANOS < nanos(began)
}

/// A string, length-prefixed so that field boundaries are part of the hash.
fn field(h: &mut blake3::Hasher, s: &str) {
    h.update(&(s.len() as u64).to_le_bytes());
    h.update(s.as_bytes());
}

/// [`field`] into a buffer to be hashed whole: one `update` of a long
/// buffer lets BLAKE3 hash its chunks side by side (SIMD), where many short
/// updates hash one 64-byte block at a time (issue 15). The bytes, hence
/// the hash, are the same as [`field`]'s.
fn put_field(buf: &mut Vec<u8>, s: &str) {
    put_num(buf, s.len());
    buf.extend_from_slice(s.as_bytes());
}

fn put_opt(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => buf.push(0),
        Some(s) => {
            buf.push(1);
            put_field(buf, s);
        }
    }
}

fn put_num(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(&(n as u64).to_le_bytes());
}

/// Every field of an article (destructured, so that a new field of the
/// model fails to compile here until it is hashed too).
fn hash_article(buf: &mut Vec<u8>, article: &Article) {
    let Article {
        id,
        path,
        title,
        outlet,
        url,
        published,
        story,
        blocks,
    } = article;
    put_field(buf, id.as_str());
    put_field(buf, path);
    for o in [title, outlet, url, published, story] {
        put_opt(buf, o.as_deref());
    }
    put_num(buf, blocks.len());
    for b in blocks {
        put_field(buf, kind_name(b.kind));
        put_field(buf, &b.text);
        put_num(buf, b.line);
    }
}

/// A block kind's name as keys have always spelled it (its `Debug` form),
/// without formatting a new string for every block of every article on
/// each build (issue 15).
fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "Heading",
        BlockKind::Paragraph => "Paragraph",
        BlockKind::ListItem => "ListItem",
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_debug_forms_keys_always_used() {
        // Keys of caches written before kind_name must stay the same.
        for kind in [
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::ListItem,
        ] {
            assert_eq!(kind_name(kind), format!("{kind:?}"));
        }
    }

    fn test_cache(salt: u8) -> Cache {
        Cache {
            dir: PathBuf::from("unused"),
            salt: [salt; 32],
            program: None,
            tmp_counter: AtomicUsize::new(0),
        }
    }

    #[test]
    fn a_story_key_names_its_articles_keys_in_order() {
        let c = test_cache(1);
        let key = |keys: &[&str]| c.story_key(keys.iter().copied());
        let ab = key(&["a".repeat(64).as_str(), "b".repeat(64).as_str()]);
        assert_eq!(ab.len(), 64);
        assert_eq!(ab, key(&["a".repeat(64).as_str(), "b".repeat(64).as_str()]));
        // Another order, a member more or less, another member: another key.
        assert_ne!(ab, key(&["b".repeat(64).as_str(), "a".repeat(64).as_str()]));
        assert_ne!(ab, key(&["a".repeat(64).as_str()]));
        assert_ne!(ab, key(&["a".repeat(64).as_str(), "c".repeat(64).as_str()]));
        let three = ["a".repeat(64), "b".repeat(64), "c".repeat(64)];
        assert_ne!(
            ab,
            key(&three.iter().map(String::as_str).collect::<Vec<_>>())
        );
        // Boundaries are part of the key; another program or parameters
        // (the salt) give another key.
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_ne!(
            ab,
            test_cache(2).story_key(["a".repeat(64), "b".repeat(64)].iter().map(String::as_str))
        );
        // Never an article's key for the same bytes.
        let article = Article::default();
        assert_ne!(c.article_key(&article), key(&[]));
    }

    #[test]
    fn an_article_key_hashes_every_field_as_one_buffer_as_before() {
        // The buffered hash is the incremental one of session 29 (same
        // bytes): article keys, hence article entries, stay valid.
        let c = test_cache(3);
        let article = Article {
            id: crate::model::SourceId::new("x/one"),
            path: "x/one.md".to_string(),
            title: Some("A title".to_string()),
            outlet: None,
            url: Some("https://example.org/one".to_string()),
            published: None,
            story: Some("s".to_string()),
            blocks: vec![
                Block {
                    kind: BlockKind::Heading,
                    text: "Head".to_string(),
                    line: 1,
                },
                Block {
                    kind: BlockKind::Paragraph,
                    text: "Body text.".repeat(300),
                    line: 3,
                },
            ],
        };
        let mut h = blake3::Hasher::new();
        h.update(&c.salt);
        h.update(b"article\0");
        field(&mut h, "x/one");
        field(&mut h, "x/one.md");
        for o in [
            Some("A title"),
            None,
            Some("https://example.org/one"),
            None,
            Some("s"),
        ] {
            match o {
                None => {
                    h.update(&[0]);
                }
                Some(s) => {
                    h.update(&[1]);
                    field(&mut h, s);
                }
            }
        }
        h.update(&2u64.to_le_bytes());
        for b in &article.blocks {
            field(&mut h, kind_name(b.kind));
            field(&mut h, &b.text);
            h.update(&(b.line as u64).to_le_bytes());
        }
        assert_eq!(c.article_key(&article), h.finalize().to_hex().to_string());
        let mut other = article.clone();
        other.blocks[1].line = 4;
        assert_ne!(c.article_key(&article), c.article_key(&other));
    }

    /// Stores `entry` as the cache folder's program entry.
    fn store(dir: &Path, entry: &ProgramEntry) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(PROGRAM), serde_json::to_vec(entry).unwrap()).unwrap();
    }

    fn blake(bytes: &[u8]) -> [u8; 32] {
        *blake3::hash(bytes).as_bytes()
    }

    /// The entry a build stored, with the hash replaced by `fake` and the
    /// hashing moved `ahead` seconds later (as if the program had been
    /// hashed long after it was written: no test can wait for that).
    fn doctored(entry: ProgramEntry, fake: [u8; 32], ahead: i64) -> ProgramEntry {
        ProgramEntry {
            hash: blake3::Hash::from_bytes(fake).to_hex().to_string(),
            began: (entry.began.0 + ahead, entry.began.1),
            ..entry
        }
    }

    #[test]
    fn the_program_is_hashed_and_its_stamp_offered_for_storing() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("prog");
        std::fs::write(&exe, b"program one").unwrap();
        let (hash, entry, note) = program_hash(&exe, &dir.path().join("cache"));
        assert_eq!(hash, Some(blake(b"program one")));
        assert!(note.is_none());
        let entry = entry.expect("an entry to store");
        assert_eq!(
            entry.hash,
            blake3::hash(b"program one").to_hex().to_string()
        );
        assert_eq!(entry.path, exe.to_string_lossy());
        assert_eq!(entry.format, FORMAT);
    }

    #[test]
    fn a_settled_stamp_is_trusted_without_reading_the_program() {
        let dir = tempfile::tempdir().unwrap();
        let (exe, cache) = (dir.path().join("prog"), dir.path().join("cache"));
        std::fs::write(&exe, b"program one").unwrap();
        let entry = program_hash(&exe, &cache).1.unwrap();
        store(&cache, &doctored(entry, [7; 32], 10));
        // The stored (doctored) hash is what comes back: the file was not read.
        let (hash, entry, note) = program_hash(&exe, &cache);
        assert_eq!(hash, Some([7; 32]));
        assert!(entry.is_none() && note.is_none());
    }

    #[test]
    fn a_stamp_taken_as_the_program_changed_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let (exe, cache) = (dir.path().join("prog"), dir.path().join("cache"));
        std::fs::write(&exe, b"program one").unwrap();
        let entry = program_hash(&exe, &cache).1.unwrap();
        // Hashed within 2 s of the file's last change: racy, read again.
        store(&cache, &doctored(entry, [7; 32], 0));
        let (hash, entry, _) = program_hash(&exe, &cache);
        assert_eq!(hash, Some(blake(b"program one")));
        assert!(entry.is_some());
    }

    #[test]
    fn a_rebuilt_program_is_hashed_again() {
        let dir = tempfile::tempdir().unwrap();
        let (exe, cache) = (dir.path().join("prog"), dir.path().join("cache"));
        std::fs::write(&exe, b"program one").unwrap();
        let was = std::fs::metadata(&exe).unwrap().modified().unwrap();
        let entry = program_hash(&exe, &cache).1.unwrap();
        store(&cache, &doctored(entry, [7; 32], 10));
        assert_eq!(program_hash(&exe, &cache).0, Some([7; 32]));

        // Rewritten in place, same length, its old modification time put
        // back: the change time still moved.
        std::fs::write(&exe, b"program two").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&exe)
            .unwrap()
            .set_modified(was)
            .unwrap();
        let (hash, entry, _) = program_hash(&exe, &cache);
        assert_eq!(hash, Some(blake(b"program two")));
        store(&cache, &doctored(entry.unwrap(), [8; 32], 10));
        assert_eq!(program_hash(&exe, &cache).0, Some([8; 32]));

        // Replaced by another file (as cargo and install do).
        let new = dir.path().join("prog.new");
        std::fs::write(&new, b"program 3!!").unwrap();
        std::fs::rename(&new, &exe).unwrap();
        assert_eq!(program_hash(&exe, &cache).0, Some(blake(b"program 3!!")));

        // The same stored stamp under another path is not this program's.
        let other = dir.path().join("other");
        std::fs::hard_link(&exe, &other).unwrap();
        let entry = program_hash(&exe, &cache).1.unwrap();
        store(&cache, &doctored(entry, [9; 32], 10));
        assert_eq!(program_hash(&other, &cache).0, Some(blake(b"program 3!!")));
    }

    #[test]
    fn a_corrupt_program_entry_is_ignored_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let (exe, cache) = (dir.path().join("prog"), dir.path().join("cache"));
        std::fs::write(&exe, b"program one").unwrap();
        let entry = program_hash(&exe, &cache).1.unwrap();
        let json = serde_json::to_vec(&doctored(entry, [7; 32], 10)).unwrap();
        std::fs::write(cache_dir(&cache), &json[..json.len() / 2]).unwrap();
        let (hash, entry, note) = program_hash(&exe, &cache);
        assert_eq!(hash, Some(blake(b"program one")));
        assert!(entry.is_some());
        assert!(note.unwrap().message.contains("ignored"));

        // A hash that is not one, or another format: read again.
        let entry = program_hash(&exe, &cache).1.unwrap();
        let mut bad = doctored(entry, [7; 32], 10);
        bad.hash = "not hex".to_string();
        store(&cache, &bad);
        assert_eq!(program_hash(&exe, &cache).0, Some(blake(b"program one")));
        bad = doctored(program_hash(&exe, &cache).1.unwrap(), [7; 32], 10);
        bad.format = FORMAT + 1;
        store(&cache, &bad);
        assert_eq!(program_hash(&exe, &cache).0, Some(blake(b"program one")));
    }

    fn cache_dir(cache: &Path) -> PathBuf {
        std::fs::create_dir_all(cache).unwrap();
        cache.join(PROGRAM)
    }

    #[test]
    fn the_cache_key_follows_the_program() {
        let dir = tempfile::tempdir().unwrap();
        let (exe, cache) = (dir.path().join("prog"), dir.path().join("cache"));
        std::fs::write(&exe, b"program one").unwrap();
        let one = program_hash(&exe, &cache).0;
        std::fs::write(&exe, b"program two").unwrap();
        assert_ne!(one, program_hash(&exe, &cache).0);
    }
}
