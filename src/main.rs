//! The `parallax` command line: a thin layer over the library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax::config::Config;
use parallax::digest::Digest;
use parallax::error::Error;
use parallax::output::Templates;
use parallax::{BuildOptions, Progress, build, build_with_progress};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// mimalloc instead of the system allocator: a clean build allocates and
/// frees many small strings and vectors on both threads, and glibc's
/// malloc and free were about a fifth of its samples in `perf` (issue 15).
/// Built without transparent huge pages (the crate's `no_thp` feature):
/// mimalloc otherwise asks the kernel for 2 MiB pages, and every first
/// touch of one zeroes all of it: 43% of the samples of a one-article
/// rebuild were the kernel clearing pages, and a clean build of ECB+ took
/// 0.95–1.17 system seconds instead of 0.22–0.45, with a third more peak
/// memory. Output is the same either way.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Static report site generator for news: consensus, divergences and quotes across outlets"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read the seeds folder and write the site.
    Build(InputArgs),
    /// Read and analyse everything, write nothing; exit 1 on any input problem.
    Check(InputArgs),
    /// Build, serve the site on 127.0.0.1, rebuild and reload on changes.
    Serve(ServeArgs),
    /// Compare the digests of two built sites (e.g. before and after a change).
    Diff(DiffArgs),
}

#[derive(Args)]
struct InputArgs {
    /// Folder of articles (.txt, .md); subfolders are stories.
    #[arg(long, default_value = "seeds")]
    seeds: PathBuf,
    /// Output folder.
    #[arg(long, default_value = "site")]
    out: PathBuf,
    /// Site configuration (default: parallax.toml if present).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Folder of templates overriding the built-in ones (default: templates/ if present).
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Treat any input problem as fatal.
    #[arg(long)]
    strict: bool,
    /// Absolute URL the site is served from, e.g. https://user.github.io/repo/
    /// (overrides `base_url` in the config; "" unsets it).
    #[arg(long)]
    base_url: Option<String>,
    /// Folder of the analysis cache, so a rebuild analyses only the stories
    /// that changed (default: .<out>.cache-parallax beside the output).
    #[arg(long)]
    cache_dir: Option<PathBuf>,
    /// Analyse every story; neither read nor write the cache.
    #[arg(long, conflicts_with = "cache_dir")]
    no_cache: bool,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 1111)]
    port: u16,
}

#[derive(Args)]
struct DiffArgs {
    /// The site before (a folder with stories/*/digest.json).
    old: PathBuf,
    /// The site after.
    new: PathBuf,
    /// Plain text for a terminal, or Markdown for a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Markdown,
}

/// Loads the config and templates the arguments name.
fn options(args: &InputArgs, dry_run: bool) -> Result<BuildOptions, Error> {
    if !dry_run {
        let templates = args.templates.as_deref().unwrap_or(Path::new("templates"));
        let config = args.config.as_deref().unwrap_or(Path::new("parallax.toml"));
        parallax::write::check_apart(&args.out, templates, "templates")?;
        parallax::write::check_apart(&args.out, config, "config")?;
    }
    // Values are checked here, before any article is read, so a typo in
    // the base URL is reported at once and names the file and line.
    let mut config = match &args.base_url {
        Some(_) => Config::load(args.config.as_deref())?,
        None => Config::load_checked(args.config.as_deref(), &|c: &Config| {
            base_url_problem(c.base_url.as_deref()).map_or(Ok(()), |m| Err(("base_url", m)))
        })?,
    };
    if let Some(url) = &args.base_url {
        if let Some(message) = base_url_problem(Some(url)) {
            return Err(Error::Config {
                path: PathBuf::from("--base-url"),
                message,
            });
        }
        config.base_url = Some(url.clone()).filter(|u| !u.trim().is_empty());
    }
    Ok(BuildOptions {
        seeds: args.seeds.clone(),
        out: args.out.clone(),
        config,
        templates: Templates::load(args.templates.as_deref())?,
        strict: args.strict,
        dry_run,
        cache: (!args.no_cache).then(|| {
            args.cache_dir
                .clone()
                .unwrap_or_else(|| parallax::cache::default_dir(&args.out))
        }),
    })
}

/// What is wrong with a base URL, if anything (the output stage's rule).
fn base_url_problem(url: Option<&str>) -> Option<String> {
    match parallax::output::urls::BaseUrl::parse(url?) {
        Ok(_) => None,
        Err(Error::Config { message, .. }) => Some(message),
        Err(e) => Some(e.to_string()),
    }
}

/// "1 story", "2 stories".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Builds (or checks) once and prints the warnings and a summary line.
fn build_once(args: &InputArgs, check: bool) -> Result<bool, Error> {
    let started = Instant::now();
    let opts = options(args, check)?;
    let report = with_progress(|bar| build_with_progress(&opts, bar))?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    let verb = if check { "checked" } else { "built" };
    eprintln!(
        "{verb} {} from {} ({}){} in {:.2} s",
        counted(report.digests.len(), "story", "stories"),
        counted(report.articles, "article", "articles"),
        counted(report.warnings.len(), "warning", "warnings"),
        if check {
            String::new()
        } else {
            format!(" into {}", opts.out.display())
        },
        started.elapsed().as_secs_f64()
    );
    let cached = report.digests.len() - report.analysed;
    if let (false, Some(dir)) = (check, &opts.cache)
        && cached > 0
    {
        eprintln!(
            "note: {} read from the cache {}; {} analysed",
            counted(cached, "story", "stories"),
            dir.display(),
            report.analysed
        );
    }
    if !check && opts.config.base_url.is_none() && !report.digests.is_empty() {
        eprintln!(
            "warning: base_url is not set, so links in email.html and email.txt are relative \
             and will not work in a mail client; set `base_url = \"https://…/\"` in \
             parallax.toml or pass --base-url"
        );
    }
    if !check && !parallax::output::feed::has_dates(&report.digests) {
        eprintln!("note: no source has a `published` date, so no feed.xml was written");
    }
    Ok(report.warnings.is_empty() || !check)
}

/// A progress bar on stderr: counted stages (articles read, stories
/// analysed) once a build has taken more than a moment, and only on a
/// terminal outside CI. Hidden until then, so quick builds print nothing.
struct Bar {
    bar: ProgressBar,
    /// With `PARALLAX_TIMINGS` set: when the build began and when the
    /// current stage began, to print each stage's wall time on stderr.
    timings: Option<std::sync::Mutex<(Instant, Instant, &'static str)>>,
}

impl Bar {
    const DELAY: Duration = Duration::from_millis(300);

    fn new() -> Bar {
        let now = Instant::now();
        Bar {
            bar: ProgressBar::hidden(),
            timings: std::env::var_os("PARALLAX_TIMINGS")
                .map(|_| std::sync::Mutex::new((now, now, "starting"))),
        }
    }

    fn interactive() -> bool {
        std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
    }
}

impl Progress for Bar {
    fn stage(&self, name: &'static str, total: usize) {
        self.lap(name);
        let template = if total > 0 {
            "{spinner} {msg:>9} [{bar:30}] {pos}/{len} {elapsed}"
        } else {
            "{spinner} {msg:>9} {elapsed}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.bar.set_message(name);
    }

    fn advance(&self) {
        self.bar.inc(1);
    }
}

impl Bar {
    /// Prints the stage that ends (its wall time, and the time since the
    /// build began) when timings are asked for.
    fn lap(&self, next: &'static str) {
        if let Some(t) = &self.timings
            && let Ok(mut t) = t.lock()
        {
            let now = Instant::now();
            eprintln!(
                "timing: {:<10} {:>7.3} s (at {:>7.3} s)",
                t.2,
                (now - t.1).as_secs_f64(),
                (now - t.0).as_secs_f64()
            );
            *t = (t.0, now, next);
        }
    }
}

/// Runs `work` with a [`Bar`] that appears after [`Bar::DELAY`].
fn with_progress<T>(work: impl FnOnce(&Bar) -> T) -> T {
    let bar = Bar::new();
    if !Bar::interactive() {
        let out = work(&bar);
        bar.lap("");
        return out;
    }
    let (done, wait) = mpsc::channel::<()>();
    let shown = bar.bar.clone();
    let ticker = std::thread::spawn(move || {
        if wait.recv_timeout(Bar::DELAY) != Err(mpsc::RecvTimeoutError::Timeout) {
            return;
        }
        shown.set_draw_target(ProgressDrawTarget::stderr());
        shown.enable_steady_tick(Duration::from_millis(100));
        let _ = wait.recv();
        shown.finish_and_clear();
    });
    let out = work(&bar);
    bar.lap("");
    drop(done);
    let _ = ticker.join();
    out
}

fn serve(args: &ServeArgs) -> Result<bool, Error> {
    let first = options(&args.input, false)?;
    let watch = vec![
        args.input.seeds.clone(),
        args.input
            .templates
            .clone()
            .unwrap_or_else(|| PathBuf::from("templates")),
        args.input
            .config
            .clone()
            .unwrap_or_else(|| PathBuf::from("parallax.toml")),
    ];
    let settings = parallax::serve::Settings {
        port: args.port,
        out: args.input.out.clone(),
        base_url: first.config.base_url.clone(),
        watch,
    };
    let rebuild = |base_url: &str| -> Result<String, String> {
        let mut opts = options(&args.input, false).map_err(|e| e.to_string())?;
        opts.config.base_url = Some(base_url.to_string());
        let started = Instant::now();
        let report = build(&opts).map_err(|e| e.to_string())?;
        for w in &report.warnings {
            eprintln!("warning: {w}");
        }
        Ok(format!(
            "built {} from {} ({}) in {:.2} s",
            counted(report.digests.len(), "story", "stories"),
            counted(report.articles, "article", "articles"),
            counted(report.warnings.len(), "warning", "warnings"),
            started.elapsed().as_secs_f64()
        ))
    };
    parallax::serve::serve(&settings, &rebuild)?;
    Ok(true)
}

/// Reads every `stories/*/digest.json` of a built site, in folder order.
fn read_site(dir: &Path) -> Result<Vec<Digest>, Error> {
    let stories = dir.join("stories");
    let entries = std::fs::read_dir(&stories).map_err(|e| Error::io(&stories, e))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("digest.json").is_file())
        .collect();
    folders.sort();
    folders
        .iter()
        .map(|f| {
            let path = f.join("digest.json");
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            parallax::diff::parse(&text).map_err(|e| Error::Output {
                path: path.clone(),
                message: format!("not a digest: {e}"),
            })
        })
        .collect()
}

fn diff(args: &DiffArgs) -> Result<bool, Error> {
    let old = read_site(&args.old)?;
    let new = read_site(&args.new)?;
    let report = parallax::diff::compare(&old, &new);
    let text = match args.format {
        DiffFormat::Text => report.to_text(),
        DiffFormat::Markdown => report.to_markdown(),
    };
    print!("{text}");
    Ok(true)
}

fn run(cli: Cli) -> Result<bool, Error> {
    match &cli.command {
        Command::Build(a) => build_once(a, false),
        Command::Check(a) => build_once(a, true),
        Command::Serve(a) => serve(a),
        Command::Diff(a) => diff(a),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
