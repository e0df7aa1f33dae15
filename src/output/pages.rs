//! Pages: the site's HTML pages, stylesheet and `digest.json` files.
//! Templates are Tera; the defaults are built into the binary and a
//! project's own `templates/` folder overrides them by file name.
//!
//! Templates get typed, borrowed views of the digests (see `view`), never
//! loose maps: the views precompute labels, anchors, the coverage matrix and
//! word diffs, so the templates only lay things out. Autoescaping is on for
//! `.html`, so article text can never inject markup.

use super::email::inline_css;
use super::file::{Emit, OutputFile};
use super::urls::{BaseUrl, home_link, story_dir, story_link};
use super::view::{
    EMAIL_BUDGET, EmailLimits, EmailPage, IndexPage, NotFoundPage, SiteView, StoryCard, StoryPage,
};
use crate::config::Config;
use crate::digest::Digest;
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use tera::Tera;

/// Template sources: the embedded defaults, overridden by `templates/` files.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// (name, source) pairs that replace the defaults of the same name.
    pub overrides: Vec<(String, String)>,
}

/// The built-in templates and assets, by name.
const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("story.html", include_str!("../../templates/story.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("email.html", include_str!("../../templates/email.html")),
    ("style.css", include_str!("../../templates/style.css")),
];

/// Names that are copied as they are rather than rendered.
const STYLESHEET: &str = "style.css";

/// The pages of the site (unsorted), each handed to `emit` as soon as it
/// is rendered (so a large site is never held in memory whole): front
/// page, 404 page, stylesheet, and per story its page, its `email.html`
/// and its `digest.json`.
pub fn pages(
    digests: &[Digest],
    config: &Config,
    templates: &Templates,
    base: Option<&BaseUrl>,
    has_feed: bool,
    skip: &(dyn Fn(usize) -> bool + Sync),
    emit: &Emit<'_>,
) -> Result<()> {
    let sources = templates.sources();
    let tera = engine(&sources)?;
    let site = SiteView::new(config, base, has_feed);
    emit(index_page(&tera, &site, digests)?)?;
    emit(OutputFile {
        path: PathBuf::from("404.html"),
        bytes: render_page(&tera, "404.html", &NotFoundPage::new(&site))?.into_bytes(),
    })?;
    emit(OutputFile {
        path: PathBuf::from("assets/style.css"),
        bytes: sources
            .get(STYLESHEET)
            .map(|s| s.as_bytes().to_vec())
            .unwrap_or_default(),
    })?;
    // Stories render in parallel, each handing its files on as they are
    // made (so writing them is spread over the threads too); the error
    // returned is that of the first story in order that had one.
    use rayon::prelude::*;
    let todo: Vec<&Digest> = digests
        .iter()
        .enumerate()
        .filter(|&(i, _)| !skip(i))
        .map(|(_, d)| d)
        .collect();
    let done: Vec<Result<()>> = todo
        .par_iter()
        .map(|d| {
            let page = StoryPage::new(&site, d);
            emit(story_page(&tera, &page, d)?)?;
            emit(email_page(&tera, &page, base, d)?)?;
            emit(digest_json(d)?)
        })
        .collect();
    done.into_iter().collect()
}

fn index_page(tera: &Tera, site: &SiteView<'_>, digests: &[Digest]) -> Result<OutputFile> {
    let mut order: Vec<&Digest> = digests.iter().collect();
    order.sort_by(|a, b| {
        b.source_count
            .cmp(&a.source_count)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let page = IndexPage {
        site,
        root: "",
        canonical: site.base_url.clone(),
        stories: order.into_iter().map(StoryCard::new).collect(),
    };
    Ok(OutputFile {
        path: PathBuf::from("index.html"),
        bytes: render_page(tera, "index.html", &page)?.into_bytes(),
    })
}

fn story_page(tera: &Tera, page: &StoryPage<'_>, digest: &Digest) -> Result<OutputFile> {
    Ok(OutputFile {
        path: PathBuf::from(format!("{}index.html", story_dir(&digest.slug))),
        bytes: render_page(tera, "story.html", page)?.into_bytes(),
    })
}

/// `email.html`: the story as a self-contained newsletter, CSS inlined,
/// with the most generous [`EmailLimits`] step that fits [`EMAIL_BUDGET`].
fn email_page(
    tera: &Tera,
    story_page: &StoryPage<'_>,
    base: Option<&BaseUrl>,
    digest: &Digest,
) -> Result<OutputFile> {
    let path = PathBuf::from(format!("{}email.html", story_dir(&digest.slug)));
    let mut page = EmailPage {
        page: story_page,
        home: home_link(base),
        story: story_link(base, &digest.slug),
        limits: EmailLimits::default(),
    };
    let mut html = String::new();
    for limits in EmailLimits::STEPS {
        page.limits = limits;
        let rendered = render_page(tera, "email.html", &page)?;
        html = tidy(&inline_css(&rendered, &path.to_string_lossy())?);
        if html.len() <= EMAIL_BUDGET {
            break;
        }
    }
    Ok(OutputFile {
        path,
        bytes: html.into_bytes(),
    })
}

/// `digest.json`: the contract, pretty-printed, with a trailing newline.
fn digest_json(digest: &Digest) -> Result<OutputFile> {
    let path = PathBuf::from(format!("{}digest.json", story_dir(&digest.slug)));
    let mut bytes = serde_json::to_vec_pretty(digest).map_err(|e| Error::Output {
        path: path.clone(),
        message: format!("cannot serialise the digest: {e}"),
    })?;
    bytes.push(b'\n');
    Ok(OutputFile { path, bytes })
}

/// Slugs become folder names: they must be unique, non-empty and plain
/// (no separators, no `..`), or one story could overwrite another or write
/// outside the site.
pub fn check_slugs(digests: &[Digest]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for d in digests {
        let plain = !d.slug.is_empty()
            && d.slug
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && !d.slug.starts_with('-');
        let problem = if !plain {
            Some("is not a plain folder name")
        } else if !seen.insert(d.slug.as_str()) {
            Some("is used by two stories")
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(Error::Output {
                path: PathBuf::from(story_dir(&d.slug).trim_end_matches('/')),
                message: format!("story slug {:?} {problem}", d.slug),
            });
        }
    }
    Ok(())
}

/// Renders one page from a typed context and tidies its layout.
fn render_page<T: Serialize>(tera: &Tera, name: &str, page: &T) -> Result<String> {
    let context = tera::Context::from_serialize(page).map_err(|e| template_error(name, &e))?;
    let html = tera
        .render(name, &context)
        .map_err(|e| template_error(name, &e))?;
    Ok(tidy(&html))
}

/// Drops the blank lines template tags leave behind and ends with one
/// newline, so each block element sits on its own line.
fn tidy(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A template error naming the template, with Tera's whole cause chain
/// (the top-level message alone is often just "Failed to render").
fn template_error(name: &str, err: &dyn std::error::Error) -> Error {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}

/// Escapes the five HTML-special characters (Tera's default also escapes
/// `/`, which makes URLs unreadable in the page source).
fn escape_html(text: &str) -> String {
    // The five are ASCII bytes, never inside another character: the text
    // between them is copied in runs, not character by character.
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    out
}

/// The chips of a list of sources (`SourceChip`s as the templates see
/// them), written as the `chip` macro of `macros.html` writes each: a link
/// to the source's anchor when it has one, else a plain label, escaped as
/// the templates escape (`escape_html`), one space between chips, all in a
/// `<span class="chips">`. The `chips` macro calls this instead of looping
/// over its macro `chip` in the template engine, which deep-copied every
/// chip for every call (issue 15, about 3% of a clean build's
/// instructions); the page is byte-identical.
fn chips_html(args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    use tera::Value;
    let Some(Value::Array(sources)) = args.get("sources") else {
        return Err(tera::Error::msg("chips_html: `sources` must be a list"));
    };
    let mut out = String::from("<span class=\"chips\">");
    for (i, source) in sources.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let Some(Value::String(label)) = source.get("label") else {
            return Err(tera::Error::msg(
                "chips_html: a source needs a text `label`",
            ));
        };
        match source.get("anchor") {
            // Tera's truth of a text: not empty.
            Some(Value::String(anchor)) if !anchor.is_empty() => {
                out.push_str("<a class=\"chip\" href=\"#");
                out.push_str(&escape_html(anchor));
                out.push_str("\">");
                out.push_str(&escape_html(label));
                out.push_str("</a>");
            }
            None | Some(Value::Null) | Some(Value::String(_)) => {
                out.push_str("<span class=\"chip\">");
                out.push_str(&escape_html(label));
                out.push_str("</span>");
            }
            Some(_) => {
                return Err(tera::Error::msg(
                    "chips_html: a source's `anchor` must be a text or none",
                ));
            }
        }
    }
    out.push_str("</span>");
    Ok(Value::String(out))
}

/// Builds the Tera engine from the templates, each parsed once (by Tera).
/// Only when Tera refuses them are they parsed one by one, so that a syntax
/// error names its file (parsing every template twice on every build cost
/// about 40 M instructions, a tenth of a one-article rebuild's analysis).
fn engine(sources: &BTreeMap<String, String>) -> Result<Tera> {
    let pages: Vec<(&str, &str)> = sources
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(n, s)| (n.as_str(), s.as_str()))
        .collect();
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape_html);
    tera.register_function("chips_html", chips_html);
    if let Err(e) = tera.add_raw_templates(pages.iter().copied()) {
        let mut parsed = BTreeMap::new();
        for (name, source) in &pages {
            let t =
                tera::Template::new(name, None, source).map_err(|e| template_error(name, &e))?;
            parsed.insert(*name, t);
        }
        super::includes::check_cycles(&parsed.iter().map(|(n, t)| (*n, t)).collect())?;
        return Err(template_error("templates", &e));
    }
    let parsed: BTreeMap<&str, &tera::Template> = pages
        .iter()
        .filter_map(|(name, _)| Some((*name, tera.get_template(name).ok()?)))
        .collect();
    super::includes::check_cycles(&parsed)?;
    Ok(tera)
}

impl Templates {
    /// Reads template files (`.html`, and `style.css`) from `dir`, or from
    /// `templates/` when `dir` is `None` and that folder exists. Names are
    /// paths relative to the folder with `/`; hidden and other files are
    /// skipped.
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        let default_dir = Path::new("templates");
        let dir = match dir {
            Some(d) => d,
            None if default_dir.is_dir() => default_dir,
            None => return Ok(Templates::default()),
        };
        if !dir.is_dir() {
            return Err(Error::io(
                dir,
                std::io::Error::new(std::io::ErrorKind::NotFound, "template folder not found"),
            ));
        }
        let mut overrides = Vec::new();
        let walker = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(dir).to_path_buf();
                Error::io(path, e.into())
            })?;
            let path = entry.path();
            let is_template = path.extension().is_some_and(|e| e == "html" || e == "css");
            if !entry.file_type().is_file() || !is_template {
                continue;
            }
            let name = template_name(dir, path);
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            overrides.push((name, text));
        }
        Ok(Templates { overrides })
    }

    /// The defaults with the overrides applied, by name.
    pub(crate) fn sources(&self) -> BTreeMap<String, String> {
        let mut all: BTreeMap<String, String> = DEFAULTS
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        for (name, source) in &self.overrides {
            all.insert(name.clone(), source.clone());
        }
        all
    }
}

fn template_name(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_html_writes_what_the_chip_macros_wrote() {
        // The macros as they were before `chips_html`, rendered by Tera.
        let old = r##"{% macro chip(source) -%}
{% if source.anchor %}<a class="chip" href="#{{ source.anchor }}">{{ source.label }}</a>{% else %}<span class="chip">{{ source.label }}</span>{% endif %}
{%- endmacro chip %}
{% macro chips(sources) -%}
<span class="chips">{% for s in sources %}{{ self::chip(source=s) }}{% if not loop.last %} {% endif %}{% endfor %}</span>
{%- endmacro chips %}"##;
        let page = r#"{% import "m.html" as m %}{{ m::chips(sources=sources) }}|{{ chips_html(sources=sources) | safe }}"#;
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        tera.register_function("chips_html", chips_html);
        tera.add_raw_templates([("m.html", old), ("p.html", page)])
            .unwrap();
        let chip = |label: &str, anchor: Option<&str>| serde_json::json!({"id": "x", "label": label, "short": label, "anchor": anchor});
        let cases = [
            serde_json::json!([]),
            serde_json::json!([chip("Reuters", Some("src-1"))]),
            serde_json::json!([chip("BBC", None)]),
            serde_json::json!([chip("Empty anchor", Some(""))]),
            serde_json::json!([
                chip("A & B <News>", Some("src-\"2'")),
                chip("O'Brien's \"Daily\"", None),
                chip("Ünïcode — news", Some("src-3")),
            ]),
            serde_json::json!([{"label": "no anchor key"}]),
        ];
        for sources in cases {
            let mut ctx = tera::Context::new();
            ctx.insert("sources", &sources);
            let out = tera.render("p.html", &ctx).unwrap();
            let (macro_out, fn_out) = out.split_once('|').unwrap();
            assert_eq!(fn_out, macro_out, "{sources}");
        }
        // Not a list, or a label that is not a text: an error, not a guess.
        let mut args = HashMap::new();
        args.insert("sources".to_string(), serde_json::json!("Reuters"));
        assert!(chips_html(&args).is_err());
        args.insert("sources".to_string(), serde_json::json!([{"label": 3}]));
        assert!(chips_html(&args).is_err());
    }

    #[test]
    fn escape_covers_the_special_characters() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        // Text around and between them, in any script, stays as it is.
        assert_eq!(
            escape_html("Zürich — “ok” & <b>é</b>"),
            "Zürich — “ok” &amp; &lt;b&gt;é&lt;/b&gt;"
        );
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("plain"), "plain");
    }

    #[test]
    fn tidy_drops_blank_lines() {
        assert_eq!(tidy("<p>\n   \n</p>  \n\n"), "<p>\n</p>\n");
    }

    #[test]
    fn broken_override_names_its_template() {
        let t = Templates {
            overrides: vec![("story.html".into(), "{% if %}".into())],
        };
        let err = crate::output::render(&[], &Config::default(), &t)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("template story.html:"), "{err}");
    }

    #[test]
    fn render_error_includes_the_cause() {
        let t = Templates {
            overrides: vec![("index.html".into(), "{{ nothing.here }}".into())],
        };
        let err = crate::output::render(&[], &Config::default(), &t)
            .unwrap_err()
            .to_string();
        assert!(err.contains("template index.html"), "{err}");
        assert!(err.contains("nothing.here"), "{err}");
    }
}
