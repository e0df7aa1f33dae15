//! The `parallax` command line: a thin layer over the library.

use clap::{Args, Parser, Subcommand};
use parallax::config::Config;
use parallax::render::Templates;
use parallax::{BuildOptions, build};
use std::path::PathBuf;
use std::process::ExitCode;

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
}

fn run(cli: Cli) -> Result<bool, parallax::error::Error> {
    let (args, check) = match cli.command {
        Command::Build(a) => (a, false),
        Command::Check(a) => (a, true),
    };
    let config = Config::load(args.config.as_deref())?;
    let templates = Templates::load(args.templates.as_deref())?;
    let opts = BuildOptions {
        seeds: args.seeds,
        out: args.out,
        config,
        templates,
        strict: args.strict,
        dry_run: check,
    };
    let report = build(&opts)?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    let verb = if check { "checked" } else { "built" };
    eprintln!(
        "{verb} {} stories from {} articles ({} warnings){}",
        report.digests.len(),
        report.articles,
        report.warnings.len(),
        if check {
            String::new()
        } else {
            format!(" into {}", opts.out.display())
        }
    );
    Ok(report.warnings.is_empty() || !check)
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
