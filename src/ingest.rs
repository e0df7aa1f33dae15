//! Ingest: find article files under the seeds folder and parse each into an
//! [`Article`]. Reading files is the only I/O here ([`load`]); parsing works
//! on strings ([`parse_article`]) so it can be tested without a disk.
//!
//! Two formats are read:
//! - `.txt`: one block per non-empty line (the sample puts one paragraph per
//!   line); a first line that reads as a headline is the title.
//! - `.md`: optional YAML (`---`) or TOML (`+++`) front matter, then Markdown
//!   parsed by pulldown-cmark into headings, paragraphs and list items; a
//!   leading `# ` heading is the title when the front matter has none.
//!
//! Blocks are not cleaned or classified here (that is `segment`); they only
//! carry their 1-based source line so every later message can point at it.
//!
//! Ingest is the only place a [`SourceId`] is made: the file's path below the
//! seeds folder without its extension ([`id_from_path`]), or the front matter
//! `id`. Two story folders may each hold a `fox.txt` (`a/fox`, `b/fox`); two
//! files claiming one id is a warning naming both, and the second is skipped.

use crate::error::{Diagnostic, Error, Result};
use crate::model::{Article, Block, BlockKind, SourceId};
use crate::segment::looks_like_headline;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::Path;
use walkdir::{DirEntry, WalkDir};

/// Reads every `.txt` and `.md` file below `seeds` in sorted order. Files
/// that cannot be read or parsed become diagnostics; the rest are returned.
pub fn load(seeds: &Path) -> Result<(Vec<Article>, Vec<Diagnostic>)> {
    if !seeds.is_dir() {
        return Err(Error::Input(Diagnostic::new(
            seeds.display().to_string(),
            None,
            "seeds folder not found",
        )));
    }
    let root = display_root(seeds);
    let real_root = seeds.canonicalize().map_err(|e| {
        Error::Input(Diagnostic::new(
            root.clone(),
            None,
            format!("cannot read: {e}"),
        ))
    })?;
    // Shared with the walk filter, which reports the links it refuses.
    let diagnostics = std::cell::RefCell::new(Vec::new());
    let walker = WalkDir::new(seeds)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || (!is_hidden(e) && link_stays_inside(&real_root, e, &root, seeds, &diagnostics))
        });
    // The walk in its order: each article file, and each message the walk
    // gave before it (so messages keep the order of a one-by-one read).
    let mut walked: Vec<Walked> = Vec::new();
    for entry in walker {
        walked.extend(diagnostics.borrow_mut().drain(..).map(Walked::Message));
        match entry {
            Ok(entry) => {
                if let Some(file) = ArticleFile::from_entry(&root, seeds, &entry) {
                    walked.push(Walked::File(file));
                }
            }
            Err(err) => walked.push(Walked::Message(walk_diagnostic(&root, seeds, &err))),
        }
    }
    walked.extend(diagnostics.into_inner().into_iter().map(Walked::Message));
    Ok(read_all(walked))
}

/// One step of the walk of the seeds folder: an article file to read, or
/// a message about what the walk could not follow.
enum Walked {
    File(ArticleFile),
    Message(Diagnostic),
}

/// Reads the walked files (in parallel: a big seeds folder is thousands of
/// files), then takes them in walk order, so the articles, the messages
/// and which of two files claiming one id is skipped are those of reading
/// one by one.
fn read_all(walked: Vec<Walked>) -> (Vec<Article>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    type Read = (Result<Article, Diagnostic>, Vec<Diagnostic>);
    let read: Vec<Option<Read>> = walked
        .par_iter()
        .map(|w| match w {
            Walked::File(file) => {
                let mut warnings = Vec::new();
                Some((read_one(file, &mut warnings), warnings))
            }
            Walked::Message(_) => None,
        })
        .collect();
    let mut articles = Vec::new();
    let mut diagnostics = Vec::new();
    // Each id taken so far, with the display path of the file that took it.
    let mut ids: BTreeMap<SourceId, String> = BTreeMap::new();
    for (w, read) in walked.into_iter().zip(read) {
        let file = match w {
            Walked::Message(d) => {
                diagnostics.push(d);
                continue;
            }
            Walked::File(file) => file,
        };
        // Every file was read (`read` is `None` for messages only).
        let Some((result, mut warnings)) = read else {
            continue;
        };
        diagnostics.append(&mut warnings);
        match result {
            Ok(article) => match ids.get(&article.id) {
                Some(first) => diagnostics.push(Diagnostic::new(
                    file.path,
                    None,
                    format!(
                        "duplicate article id `{}`, already the id of {first}; file skipped",
                        article.id
                    ),
                )),
                None => {
                    ids.insert(article.id.clone(), file.path.clone());
                    articles.push(article);
                }
            },
            Err(diag) => diagnostics.push(diag),
        }
    }
    (articles, diagnostics)
}

/// A symbolic link is followed only when its real target lies inside the
/// seeds folder (`real_root`, already canonical): a link to a file or
/// folder elsewhere (a token file, `/etc`, `/`) is never read, and says so.
/// Entries that are not links pass.
fn link_stays_inside(
    real_root: &Path,
    entry: &DirEntry,
    root: &str,
    seeds: &Path,
    diagnostics: &std::cell::RefCell<Vec<Diagnostic>>,
) -> bool {
    if !entry.path_is_symlink() {
        return true;
    }
    let problem = match entry.path().canonicalize() {
        Ok(real) if real.starts_with(real_root) => return true,
        Ok(_) => "symbolic link to outside the seeds folder; not read",
        Err(_) => "broken symbolic link; skipped",
    };
    let display = display_path(root, seeds, entry.path());
    diagnostics
        .borrow_mut()
        .push(Diagnostic::new(display, None, problem));
    false
}

/// The display path of a path below `seeds`.
fn display_path(root: &str, seeds: &Path, path: &Path) -> String {
    match path.strip_prefix(seeds) {
        Ok(rel) => {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            join_display(root, &parts)
        }
        Err(_) => root.to_string(),
    }
}

/// One candidate input file, with the names derived from its place.
struct ArticleFile {
    fs_path: std::path::PathBuf,
    /// Display path, for messages: the seeds path as given, then the
    /// relative path, `/`.
    path: String,
    /// The path below the seeds folder, `/`.
    rel: String,
    folder_story: Option<String>,
}

impl ArticleFile {
    fn from_entry(root: &str, seeds: &Path, entry: &DirEntry) -> Option<ArticleFile> {
        if !entry.file_type().is_file() || !has_article_extension(entry.path()) {
            return None;
        }
        let rel = entry.path().strip_prefix(seeds).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let folder_story = (parts.len() > 1).then(|| parts[0].clone());
        Some(ArticleFile {
            fs_path: entry.path().to_path_buf(),
            path: join_display(root, &parts),
            rel: parts.join("/"),
            folder_story,
        })
    }
}

/// Stated limits on one input file. A file past one is skipped with a
/// warning naming it (and the line), so no single input can take the
/// machine's time or memory. Each is far above real news text.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes in one article file: 2 MiB, over 100 times the largest ECB+
    /// article (16 KB) and above a book-length transcript.
    pub article_bytes: usize,
    /// Bytes of front matter: 16 KiB (a few keys take under 1 KB; 400 KB
    /// of nested YAML once took 72 s to parse).
    pub front_matter_bytes: usize,
    /// Bytes in one word of the text (a run without white space): 2,048,
    /// the longest URL sitemaps accept; the longest word in ECB+ has 39.
    pub word_bytes: usize,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        article_bytes: 2 << 20,
        front_matter_bytes: 16 << 10,
        word_bytes: 2048,
    };
}

/// Reads and parses one file; `warnings` hears problems that do not stop
/// the article being used.
fn read_one(file: &ArticleFile, warnings: &mut Vec<Diagnostic>) -> Result<Article, Diagnostic> {
    let limits = Limits::DEFAULT;
    let cannot =
        |e: std::io::Error| Diagnostic::new(file.path.clone(), None, format!("cannot read: {e}"));
    let handle = std::fs::File::open(&file.fs_path).map_err(cannot)?;
    // Sized once from the file's length (a read in one go, not a series of
    // growing reads); the limit still bounds what is read.
    let size = handle.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(size.min(limits.article_bytes as u64 + 1) as usize + 1);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(handle, limits.article_bytes as u64 + 1),
        &mut bytes,
    )
    .map_err(cannot)?;
    if bytes.len() > limits.article_bytes {
        return Err(Diagnostic::new(
            file.path.clone(),
            None,
            format!(
                "larger than the limit of {} KiB for one article; skipped",
                limits.article_bytes >> 10
            ),
        ));
    }
    let text = decode_utf8(&file.path, &bytes)?;
    check_words(&file.path, text, limits.word_bytes)?;
    let mut article =
        parse_article(&file.rel, file.folder_story.as_deref(), text).map_err(|mut diag| {
            diag.path.clone_from(&file.path);
            diag
        })?;
    if article.blocks.is_empty() {
        return Err(Diagnostic::new(
            file.path.clone(),
            None,
            "no text besides a title (front matter, HTML, code or images only); skipped",
        ));
    }
    if let Some(date) = &article.published
        && crate::output::feed::parse_date(date).is_none()
    {
        let line = line_of_key(text, "published");
        warnings.push(Diagnostic::new(
            file.path.clone(),
            line,
            format!("`published: {date}` is not a date (use YYYY-MM-DD or RFC 3339); ignored"),
        ));
        article.published = None;
    }
    Ok(article)
}

/// The id of the file at `rel_path` below the seeds folder (`/`-separated):
/// that path without the extension of its last segment (`storyA/fox.txt` →
/// `storyA/fox`; a top-level `fox.txt` → `fox`).
pub fn id_from_path(rel_path: &str) -> SourceId {
    let (dir, name) = match rel_path.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, rel_path),
    };
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    match dir {
        Some(dir) => SourceId::new(format!("{dir}/{stem}")),
        None => SourceId::new(stem),
    }
}

/// A word (a run without white space) longer than `max` bytes, as a
/// diagnostic naming its line.
fn check_words(path: &str, text: &str, max: usize) -> Result<(), Diagnostic> {
    let mut run = 0;
    let mut line = 1;
    for b in text.bytes() {
        if b.is_ascii_whitespace() {
            run = 0;
            line += usize::from(b == b'\n');
            continue;
        }
        run += 1;
        if run > max {
            return Err(Diagnostic::new(
                path,
                Some(line),
                format!("a word longer than the limit of {max} bytes; skipped"),
            ));
        }
    }
    Ok(())
}

/// The 1-based line of the first line starting with `key` (a front matter
/// key), if any.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| i + 1)
}

/// The file as UTF-8, or a diagnostic naming the line of the first bad byte.
pub fn decode_utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if looks_utf16(bytes) {
        return Err(Diagnostic::new(
            path,
            None,
            "UTF-16 text; save it as UTF-8 to use it",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::new(
            path,
            Some(line),
            format!("not valid UTF-8 (byte offset {offset})"),
        )
    })
}

/// A UTF-16 byte-order mark, or (without one) a NUL in every other byte
/// of the start, as UTF-16 English text has.
fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 4
        && (head.iter().step_by(2).all(|&b| b == 0)
            || head.iter().skip(1).step_by(2).all(|&b| b == 0))
}

fn display_root(seeds: &Path) -> String {
    let s = seeds.to_string_lossy().replace('\\', "/");
    let trimmed = s.trim_end_matches('/');
    if trimmed.is_empty() {
        s
    } else {
        trimmed.to_string()
    }
}

fn join_display(root: &str, parts: &[String]) -> String {
    let rel = parts.join("/");
    if root.ends_with('/') {
        format!("{root}{rel}")
    } else {
        format!("{root}/{rel}")
    }
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| e == "txt" || e == "md")
}

fn walk_diagnostic(root: &str, seeds: &Path, err: &walkdir::Error) -> Diagnostic {
    let path = err
        .path()
        .map_or_else(|| root.to_string(), |p| display_path(root, seeds, p));
    let message = if err.loop_ancestor().is_some() {
        "symbolic link loop; skipped".to_string()
    } else {
        format!("cannot read: {err}")
    };
    Diagnostic::new(path, None, message)
}

/// Parses one article from its text. `path` is the file's path below the
/// seeds folder (it gives the default id, see [`id_from_path`], and names
/// the file in diagnostics), `folder_story` the subfolder the file stands
/// in, if any. The format follows the extension of `path` (`.md` is
/// Markdown, anything else plain text).
pub fn parse_article(
    path: &str,
    folder_story: Option<&str>,
    text: &str,
) -> Result<Article, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Old Mac files end lines with a lone CR: read it as a line break.
    let unified;
    let text = if text.contains('\r') {
        unified = text.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, None, "empty file"));
    }
    let mut article = Article {
        id: id_from_path(path),
        path: path.to_string(),
        story: folder_story.map(str::to_string),
        ..Article::default()
    };
    if is_markdown(path) {
        let (meta, body_start) = split_front_matter(path, text)?;
        let lines = LineIndex::new(text);
        let mut blocks = markdown_blocks(&text[body_start..], body_start, &lines);
        if meta.title.is_none() {
            article.title = take_markdown_title(&mut blocks);
        }
        article.blocks = blocks.into_iter().map(|b| b.block).collect();
        meta.apply(&mut article);
    } else {
        let (title, blocks) = text_blocks(text);
        article.title = title;
        article.blocks = blocks;
    }
    Ok(article)
}

fn is_markdown(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

// ---------------------------------------------------------------- plain text

/// Title (a first line that reads as a headline) and one block per
/// remaining non-empty line.
fn text_blocks(text: &str) -> (Option<String>, Vec<Block>) {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .peekable();
    let title = match lines.peek() {
        Some((_, first))
            if looks_like_headline(first, &crate::params::SegmentParams::default()) =>
        {
            let t = first.to_string();
            lines.next();
            Some(t)
        }
        _ => None,
    };
    let blocks = lines
        .map(|(line, l)| Block {
            kind: BlockKind::Paragraph,
            text: l.to_string(),
            line,
        })
        .collect();
    (title, blocks)
}

// -------------------------------------------------------------- front matter

/// The front matter keys Parallax reads; any other key is ignored.
#[derive(Debug, Default, PartialEq, Eq)]
struct FrontMatter {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    story: Option<String>,
    id: Option<String>,
}

impl FrontMatter {
    fn apply(self, article: &mut Article) {
        let set = |slot: &mut Option<String>, v: Option<String>| {
            if v.is_some() {
                *slot = v;
            }
        };
        set(&mut article.title, self.title);
        set(&mut article.outlet, self.outlet);
        set(&mut article.url, self.url);
        set(&mut article.published, self.published);
        set(&mut article.story, self.story);
        if let Some(id) = self.id {
            article.id = SourceId::new(id);
        }
    }

    /// Reads the known keys from (key, scalar-as-text) pairs.
    fn from_pairs(pairs: impl IntoIterator<Item = (String, Option<String>)>) -> FrontMatter {
        let mut fm = FrontMatter::default();
        for (key, value) in pairs {
            let value = value
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty());
            match key.as_str() {
                "title" => fm.title = value,
                "outlet" => fm.outlet = value,
                "url" => fm.url = value,
                "published" => fm.published = value,
                "story" => fm.story = value,
                "id" => fm.id = value,
                _ => {}
            }
        }
        fm
    }
}

#[derive(Clone, Copy)]
enum FmFormat {
    Yaml,
    Toml,
}

/// Splits off front matter, if any: returns its keys and the byte offset
/// where the body starts.
fn split_front_matter(path: &str, text: &str) -> Result<(FrontMatter, usize), Diagnostic> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let format = match text[..first_end].trim_end() {
        "---" => FmFormat::Yaml,
        "+++" => FmFormat::Toml,
        _ => return Ok((FrontMatter::default(), 0)),
    };
    let delimiter = text[..first_end].trim_end();
    let mut pos = first_end;
    while pos < text.len() {
        if pos - first_end > Limits::DEFAULT.front_matter_bytes {
            return Err(Diagnostic::new(
                path,
                Some(1),
                format!(
                    "front matter longer than the limit of {} KiB; skipped",
                    Limits::DEFAULT.front_matter_bytes >> 10
                ),
            ));
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end();
        let closes = line == delimiter || (matches!(format, FmFormat::Yaml) && line == "...");
        if closes {
            let meta = parse_front_matter(path, format, &text[first_end..pos])?;
            return Ok((meta, end));
        }
        pos = end;
    }
    Err(Diagnostic::new(
        path,
        Some(1),
        format!("front matter opened with `{delimiter}` is never closed"),
    ))
}

/// Parses the front matter body (which starts on line 2 of the file).
fn parse_front_matter(path: &str, format: FmFormat, src: &str) -> Result<FrontMatter, Diagnostic> {
    const START_LINE: usize = 2;
    match format {
        FmFormat::Yaml => yaml_front_matter(src)
            .map_err(|(line, msg)| Diagnostic::new(path, line.map(|l| l + START_LINE - 1), msg)),
        FmFormat::Toml => toml_front_matter(src)
            .map_err(|(line, msg)| Diagnostic::new(path, line.map(|l| l + START_LINE - 1), msg)),
    }
}

type FmError = (Option<usize>, String);

fn yaml_front_matter(src: &str) -> Result<FrontMatter, FmError> {
    use serde_norway::Value;
    let value: Value = serde_norway::from_str(src).map_err(|e| {
        let line = e.location().map(|l| l.line());
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        (line, format!("bad YAML front matter: {msg}"))
    })?;
    let map = match value {
        Value::Null => return Ok(FrontMatter::default()),
        Value::Mapping(map) => map,
        _ => return Err((Some(1), "front matter is not a key: value table".into())),
    };
    let pairs = map.into_iter().filter_map(|(k, v)| {
        let key = k.as_str()?.to_string();
        let value = match v {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        Some((key, value))
    });
    Ok(FrontMatter::from_pairs(pairs))
}

fn toml_front_matter(src: &str) -> Result<FrontMatter, FmError> {
    let table: toml::Table = toml::from_str(src).map_err(|e| {
        let line = e.span().map(|s| line_of_offset(src, s.start));
        (
            line,
            format!("bad TOML front matter: {}", e.message().trim()),
        )
    })?;
    let pairs = table.into_iter().map(|(key, v)| {
        let value = match v {
            toml::Value::String(s) => Some(s),
            toml::Value::Integer(i) => Some(i.to_string()),
            toml::Value::Float(f) => Some(f.to_string()),
            toml::Value::Boolean(b) => Some(b.to_string()),
            toml::Value::Datetime(d) => Some(d.to_string()),
            _ => None,
        };
        (key, value)
    });
    Ok(FrontMatter::from_pairs(pairs))
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

// ------------------------------------------------------------------ markdown

/// Byte offsets of line starts, to turn an offset into a 1-based line.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// A Markdown block with its heading level (for the title rule).
struct MdBlock {
    block: Block,
    level: Option<HeadingLevel>,
}

/// Collects the text of the block being read from pulldown-cmark events.
#[derive(Default)]
struct MdCollector {
    blocks: Vec<MdBlock>,
    current: Option<(BlockKind, Option<HeadingLevel>, usize, String)>,
    /// Depth inside content we drop (code blocks, images, tables, metadata).
    skip: usize,
    /// Depth of list items we are inside.
    items: usize,
}

impl MdCollector {
    fn start(&mut self, kind: BlockKind, level: Option<HeadingLevel>, line: usize) {
        self.flush();
        self.current = Some((kind, level, line, String::new()));
    }

    fn flush(&mut self) {
        let Some((kind, level, line, text)) = self.current.take() else {
            return;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.blocks.push(MdBlock {
                block: Block { kind, text, line },
                level,
            });
        }
    }

    fn push_text(&mut self, s: &str, line: usize) {
        if self.skip > 0 {
            return;
        }
        if self.current.is_none() {
            // Text outside any block we know (e.g. a tight list item).
            let kind = if self.items > 0 {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            self.current = Some((kind, None, line, String::new()));
        }
        if let Some((_, _, _, buf)) = self.current.as_mut() {
            buf.push_str(s);
        }
    }

    fn start_tag(&mut self, tag: &Tag, line: usize) {
        match tag {
            Tag::Heading { level, .. } => self.start(BlockKind::Heading, Some(*level), line),
            Tag::Item => {
                self.items += 1;
                self.start(BlockKind::ListItem, None, line);
            }
            Tag::Paragraph if self.items > 0 => {
                let empty_item = matches!(&self.current,
                    Some((BlockKind::ListItem, _, _, t)) if t.trim().is_empty());
                if !empty_item {
                    self.start(BlockKind::ListItem, None, line);
                }
            }
            Tag::Paragraph => self.start(BlockKind::Paragraph, None, line),
            Tag::CodeBlock(_)
            | Tag::Image { .. }
            | Tag::Table(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::FootnoteDefinition(_) => self.skip += 1,
            _ => {}
        }
    }

    fn end_tag(&mut self, tag: &TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.items = self.items.saturating_sub(1);
            }
            TagEnd::CodeBlock
            | TagEnd::Image
            | TagEnd::Table
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
            | TagEnd::FootnoteDefinition => self.skip = self.skip.saturating_sub(1),
            _ => {}
        }
    }
}

/// Markdown body → blocks. `base` is the body's byte offset in the file.
fn markdown_blocks(body: &str, base: usize, lines: &LineIndex) -> Vec<MdBlock> {
    let mut c = MdCollector::default();
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        let line = lines.line(base + range.start);
        match event {
            Event::Start(tag) => c.start_tag(&tag, line),
            Event::End(tag) => c.end_tag(&tag),
            Event::Text(t) | Event::Code(t) => c.push_text(&t, line),
            Event::SoftBreak | Event::HardBreak => c.push_text(" ", line),
            _ => {} // HTML, rules, footnote marks, task markers: dropped
        }
    }
    c.flush();
    c.blocks
}

/// A leading level-1 heading is the title; it leaves the body.
fn take_markdown_title(blocks: &mut Vec<MdBlock>) -> Option<String> {
    let first = blocks.first()?;
    if first.level == Some(HeadingLevel::H1) {
        return Some(blocks.remove(0).block.text);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(path: &str, text: &str) -> Result<Article, Diagnostic> {
        parse_article(path, None, text)
    }

    fn texts(a: &Article) -> Vec<(BlockKind, &str, usize)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.line))
            .collect()
    }

    #[test]
    fn txt_title_and_lines() {
        let a = parse(
            "s/a.txt",
            "Mayor Opens New Bridge\n\nThe bridge opened on Monday.\nIt cost $5 million.\n",
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Mayor Opens New Bridge"));
        assert_eq!(
            texts(&a),
            vec![
                (BlockKind::Paragraph, "The bridge opened on Monday.", 3),
                (BlockKind::Paragraph, "It cost $5 million.", 4),
            ]
        );
    }

    #[test]
    fn txt_without_headline_keeps_first_line() {
        let a = parse("a.txt", "The bridge opened on Monday.\nIt was late.").unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn bom_and_crlf() {
        let a = parse(
            "a.txt",
            "\u{FEFF}Bridge Opens\r\n\r\nIt opened.\r\nIt rained.\r\n",
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Bridge Opens"));
        assert_eq!(
            texts(&a),
            vec![
                (BlockKind::Paragraph, "It opened.", 3),
                (BlockKind::Paragraph, "It rained.", 4)
            ]
        );
    }

    #[test]
    fn empty_file_is_a_diagnostic() {
        let err = parse("a.txt", " \n\t\n").unwrap_err();
        assert_eq!(err.path, "a.txt");
        assert!(err.message.contains("empty"));
        assert!(parse("a.md", "\u{FEFF}").is_err());
    }

    #[test]
    fn non_utf8_names_line() {
        let bytes = b"good line\nsecond \xff line\n";
        let err = decode_utf8("a.txt", bytes).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("UTF-8"));
    }

    #[test]
    fn yaml_front_matter_overrides() {
        let src = "---\ntitle: Bridge Opens\noutlet: Daily Planet\npublished: 2024-06-15\nstory: bridge\nid: planet-1\ntags: [a, b]\n---\nThe bridge opened.\n";
        let a = parse_article("s/a.md", Some("folder"), src).unwrap();
        assert_eq!(a.title.as_deref(), Some("Bridge Opens"));
        assert_eq!(a.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(a.published.as_deref(), Some("2024-06-15"));
        assert_eq!(a.story.as_deref(), Some("bridge"));
        assert_eq!(a.id, "planet-1");
        assert_eq!(
            texts(&a),
            vec![(BlockKind::Paragraph, "The bridge opened.", 9)]
        );
    }

    #[test]
    fn toml_front_matter_overrides() {
        let src = "+++\ntitle = \"Bridge Opens\"\nurl = \"https://example.org/b\"\npublished = 2024-06-15\nextra = { a = 1 }\n+++\n\nText here.\n";
        let a = parse("a.md", src).unwrap();
        assert_eq!(a.title.as_deref(), Some("Bridge Opens"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/b"));
        assert_eq!(a.published.as_deref(), Some("2024-06-15"));
        assert_eq!(texts(&a), vec![(BlockKind::Paragraph, "Text here.", 8)]);
    }

    #[test]
    fn bad_yaml_names_file_line() {
        let src = "---\ntitle: ok\noutlet: [unclosed\nurl: x\n---\nBody.\n";
        let err = parse("a.md", src).unwrap_err();
        assert_eq!(err.path, "a.md");
        let line = err.line.unwrap();
        assert!((3..=5).contains(&line), "line {line}: {}", err.message);
        assert!(err.message.contains("YAML"));
    }

    #[test]
    fn bad_toml_names_file_line() {
        let src = "+++\ntitle = \"ok\"\noutlet = = \"x\"\n+++\nBody.\n";
        let err = parse("a.md", src).unwrap_err();
        assert_eq!(err.line, Some(3), "{}", err.message);
        assert!(err.message.contains("TOML"));
    }

    #[test]
    fn unclosed_and_non_table_front_matter() {
        assert_eq!(
            parse("a.md", "---\ntitle: x\nBody\n").unwrap_err().line,
            Some(1)
        );
        assert!(parse("a.md", "---\n- a\n- b\n---\nBody\n").is_err());
        // Empty front matter is fine.
        assert_eq!(parse("a.md", "---\n---\nBody.\n").unwrap().blocks.len(), 1);
    }

    #[test]
    fn markdown_blocks_with_lines() {
        let src = "# Bridge Opens\n\nThe *new* bridge [opened](http://x) on `Monday`.\nIt rained.\n\n## Reactions\n\n- Residents cheered.\n- Drivers <b>honked</b>.\n\n> \"It is great,\" said one.\n\n```\ncode\n```\n\n<div>html</div>\n";
        let a = parse("a.md", src).unwrap();
        assert_eq!(a.title.as_deref(), Some("Bridge Opens"));
        assert_eq!(
            texts(&a),
            vec![
                (
                    BlockKind::Paragraph,
                    "The new bridge opened on Monday. It rained.",
                    3
                ),
                (BlockKind::Heading, "Reactions", 6),
                (BlockKind::ListItem, "Residents cheered.", 8),
                (BlockKind::ListItem, "Drivers honked.", 9),
                (BlockKind::Paragraph, "\"It is great,\" said one.", 11),
            ]
        );
    }

    #[test]
    fn markdown_loose_and_nested_lists() {
        let src = "1. First point.\n\n   More on it.\n2. Second point.\n   - nested item\n";
        let a = parse("a.md", src).unwrap();
        let kinds: Vec<_> = texts(&a);
        assert_eq!(kinds[0], (BlockKind::ListItem, "First point.", 1));
        assert_eq!(kinds[1], (BlockKind::ListItem, "More on it.", 3));
        assert_eq!(kinds[2], (BlockKind::ListItem, "Second point.", 4));
        assert_eq!(kinds[3], (BlockKind::ListItem, "nested item", 5));
    }

    #[test]
    fn load_walks_sorted_with_folders() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir_all(seeds.join("storyb")).unwrap();
        std::fs::create_dir_all(seeds.join(".hidden")).unwrap();
        std::fs::write(seeds.join("b.txt"), "Second one.\n").unwrap();
        std::fs::write(seeds.join("a.md"), "First one.\n").unwrap();
        std::fs::write(seeds.join("notes.json"), "{}").unwrap();
        std::fs::write(seeds.join(".x.txt"), "Hidden.\n").unwrap();
        std::fs::write(seeds.join(".hidden/h.txt"), "Hidden.\n").unwrap();
        std::fs::write(seeds.join("storyb/c.txt"), "Third one.\n").unwrap();
        std::fs::write(seeds.join("storyb/a.txt"), "Same stem, other folder.\n").unwrap();
        std::fs::write(seeds.join("empty.txt"), "  \n").unwrap();
        std::fs::write(seeds.join("bad.txt"), b"ok\n\xc3\x28\n").unwrap();
        let (arts, diags) = load(&seeds).unwrap();
        let root = seeds.to_string_lossy().replace('\\', "/");
        let paths: Vec<_> = arts.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(paths, vec!["a.md", "b.txt", "storyb/a.txt", "storyb/c.txt"]);
        let ids: Vec<_> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b", "storyb/a", "storyb/c"]);
        assert_eq!(arts[3].story.as_deref(), Some("storyb"));
        assert_eq!(arts[0].story, None);
        let msgs: Vec<_> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        // Messages name the file as the user gave the seeds folder.
        assert!(
            msgs[0].starts_with(&format!("{root}/bad.txt:2:")),
            "{}",
            msgs[0]
        );
        assert!(
            msgs[1].starts_with(&format!("{root}/empty.txt")),
            "{}",
            msgs[1]
        );
    }

    #[test]
    fn ids_are_paths_below_the_seeds_folder() {
        assert_eq!(id_from_path("fox.txt"), "fox");
        assert_eq!(id_from_path("storyA/fox.txt"), "storyA/fox");
        assert_eq!(id_from_path("a/b/fox.v2.md"), "a/b/fox.v2");
        assert_eq!(id_from_path("noext"), "noext");
        assert_eq!(id_from_path("a/.hidden"), "a/.hidden");
        assert_ne!(id_from_path("a/fox.txt"), id_from_path("b/fox.txt"));
    }

    #[test]
    fn duplicate_ids_name_both_files() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir_all(seeds.join("a")).unwrap();
        std::fs::create_dir_all(seeds.join("b")).unwrap();
        let with_id = |id: &str| format!("---\nid: {id}\n---\nIt happened.\n");
        // Two front matter ids alike, and a front matter id equal to
        // another file's path id.
        std::fs::write(seeds.join("a/one.md"), with_id("same")).unwrap();
        std::fs::write(seeds.join("b/two.md"), with_id("same")).unwrap();
        std::fs::write(seeds.join("a/fox.txt"), "It happened.\n").unwrap();
        std::fs::write(seeds.join("b/three.md"), with_id("a/fox")).unwrap();
        let (arts, diags) = load(&seeds).unwrap();
        let ids: Vec<_> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["a/fox", "same"]);
        let msgs: Vec<_> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs[0].contains("b/three.md") && msgs[0].contains("a/fox.txt"),
            "{}",
            msgs[0]
        );
        assert!(
            msgs[1].contains("b/two.md") && msgs[1].contains("a/one.md"),
            "{}",
            msgs[1]
        );
        assert!(msgs.iter().all(|m| m.contains("duplicate")));
    }

    #[cfg(unix)]
    #[test]
    fn load_reports_symlink_loop_and_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir_all(seeds.join("s")).unwrap();
        std::os::unix::fs::symlink("..", seeds.join("s/loop")).unwrap();
        std::fs::write(seeds.join("s/a.txt"), "It happened.\n").unwrap();
        let (arts, diags) = load(&seeds).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("loop"), "{}", diags[0]);
    }

    #[test]
    fn stated_limits_and_odd_encodings_skip_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir_all(&seeds).unwrap();
        let big = "The dam held. ".repeat(Limits::DEFAULT.article_bytes / 14 + 1);
        std::fs::write(seeds.join("big.txt"), big).unwrap();
        let word = format!("It said\n{}\n", "x".repeat(Limits::DEFAULT.word_bytes + 1));
        std::fs::write(seeds.join("word.txt"), word).unwrap();
        let fm = format!(
            "---\ntitle: x\nnote: \"{}\"\n---\nBody.\n",
            "y ".repeat(10_000)
        );
        std::fs::write(seeds.join("fm.md"), fm).unwrap();
        let utf16: Vec<u8> = "\u{FEFF}Hello there.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        std::fs::write(seeds.join("wide.txt"), utf16).unwrap();
        std::fs::write(
            seeds.join("bare.md"),
            "---\ntitle: Only a Title\n---\n<div>x</div>\n",
        )
        .unwrap();
        std::fs::write(
            seeds.join("cr.txt"),
            "The dam held.\rIt rained.\rIt stopped.\r",
        )
        .unwrap();
        std::fs::write(
            seeds.join("when.md"),
            "---\ntitle: T\npublished: 2031-02-30\n---\nThe dam held.\n",
        )
        .unwrap();
        let (arts, diags) = load(&seeds).unwrap();
        let msgs: Vec<_> = diags.iter().map(|d| d.to_string()).collect();
        let says = |file: &str, what: &str| {
            assert!(
                msgs.iter().any(|m| m.contains(file) && m.contains(what)),
                "{file} / {what}: {msgs:?}"
            )
        };
        says("big.txt", "limit");
        says("word.txt:2:", "limit");
        says("fm.md:1:", "front matter longer");
        says("wide.txt", "UTF-16");
        says("bare.md", "no text");
        says("when.md:3:", "not a date");
        assert_eq!(msgs.len(), 6, "{msgs:?}");
        let ids: Vec<_> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["cr", "when"]);
        assert_eq!(arts[0].blocks.len(), 3, "a lone CR ends a line");
        assert_eq!(arts[1].published, None);
    }

    #[cfg(unix)]
    #[test]
    fn links_outside_the_seeds_are_not_read_and_warned() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir_all(seeds.join("s")).unwrap();
        std::fs::write(dir.path().join("token.txt"), "SECRET-TOKEN-123.\n").unwrap();
        std::fs::write(seeds.join("s/a.txt"), "It happened.\n").unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, seeds.join(name)).unwrap()
        };
        link(&dir.path().join("token.txt"), "token.txt");
        link(Path::new("/"), "rootfs");
        link(Path::new("/etc"), "etcdir");
        link(&dir.path().join("missing.txt"), "dangling.txt");
        // Links that stay inside the seeds folder are fine.
        link(&seeds.join("s/a.txt"), "inside.txt");
        let (arts, diags) = load(&seeds).unwrap();
        let ids: Vec<_> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["inside", "s/a"]);
        assert!(
            arts.iter()
                .all(|a| a.blocks.iter().all(|b| !b.text.contains("SECRET")))
        );
        let msgs: Vec<_> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        for name in ["token.txt", "rootfs", "etcdir"] {
            assert!(
                msgs.iter()
                    .any(|m| m.contains(name) && m.contains("outside the seeds")),
                "{name}: {msgs:?}"
            );
        }
        assert!(msgs.iter().any(|m| m.contains("dangling.txt")), "{msgs:?}");
    }

    /// Files are read in parallel, but articles and messages come in the
    /// order of the walk: many files, with skipped ones, a date warning, a
    /// duplicate id and a link out of the seeds spread among them.
    #[cfg(unix)]
    #[test]
    fn messages_and_articles_keep_the_walk_order() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir_all(&seeds).unwrap();
        std::fs::write(dir.path().join("out.txt"), "Outside.\n").unwrap();
        let mut expected = Vec::new();
        for i in 0..60 {
            let name = format!("f{i:02}");
            match i % 10 {
                3 => {
                    std::fs::write(seeds.join(format!("{name}.txt")), " \n").unwrap();
                    expected.push((format!("{name}.txt"), "empty"));
                }
                5 => {
                    let md = format!("---\npublished: soon\n---\nThe vote was held {i}.\n");
                    std::fs::write(seeds.join(format!("{name}.md")), md).unwrap();
                    expected.push((format!("{name}.md"), "published"));
                }
                7 => {
                    let md = format!("---\nid: f{:02}\n---\nThe vote was held.\n", i - 1);
                    std::fs::write(seeds.join(format!("{name}.md")), md).unwrap();
                    expected.push((format!("{name}.md"), "duplicate"));
                }
                9 => {
                    let target = dir.path().join("out.txt");
                    std::os::unix::fs::symlink(target, seeds.join(format!("{name}.txt"))).unwrap();
                    expected.push((format!("{name}.txt"), "link"));
                }
                _ => {
                    let text = format!("The vote was held on day {i}.\n");
                    std::fs::write(seeds.join(format!("{name}.txt")), text).unwrap();
                }
            }
        }
        let (arts, diags) = load(&seeds).unwrap();
        let root = seeds.to_string_lossy().replace('\\', "/");
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), expected.len(), "{msgs:?}");
        for (m, (file, word)) in msgs.iter().zip(&expected) {
            let here = m.starts_with(&format!("{root}/{file}:"));
            assert!(here && m.contains(word), "{m} / {file} {word}");
        }
        let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        assert_eq!(ids.len(), 60 - 3 * 6);
    }

    #[test]
    fn crlf_front_matter_and_heading_kept_when_titled() {
        let src = "---\r\ntitle: \"Given\"\r\nstory: s1\r\n---\r\n# Heading\r\n\r\nPara one.\r\n";
        let a = parse("a.md", src).unwrap();
        assert_eq!(a.title.as_deref(), Some("Given"));
        assert_eq!(a.story.as_deref(), Some("s1"));
        assert_eq!(
            texts(&a),
            vec![
                (BlockKind::Heading, "Heading", 5),
                (BlockKind::Paragraph, "Para one.", 7)
            ]
        );
    }

    #[test]
    fn load_missing_folder_is_error() {
        assert!(load(Path::new("/no/such/folder/for/parallax")).is_err());
    }
}
