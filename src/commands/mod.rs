//! One module per subcommand; the only place where the stages meet.

pub mod audit;
pub mod classify;
pub mod diff;
pub mod inspect;
pub mod portfolio;
pub mod rules;
pub mod serve;
pub mod taxonomy;

use crate::cli::{AuditArgs, Cli, Command, ReadArgs};
use crate::pipeline::{self, cleanup, Pipeline};
use crate::settings::{self, Settings};
use crate::{Error, Exit, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

fn cwd() -> Result<PathBuf> {
    std::env::current_dir().map_err(|source| Error::Read {
        path: PathBuf::from("."),
        source,
    })
}

fn stdout_err(source: std::io::Error) -> Error {
    Error::Write {
        path: PathBuf::from("-"),
        source,
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<Exit> {
    let stdout = std::io::stdout();
    match cli.command {
        Command::Audit(args) => {
            let settings = settings::resolve_audit(&args, &cwd()?)?;
            cleanup::install();
            audit_or_portfolio(&args, &settings)
        }
        Command::Inspect(args) => {
            let settings = pipeline::load_roster(&read_settings(&args.read)?)?;
            let mut out = stdout.lock();
            inspect::run(
                &args.input,
                &settings,
                args.format == crate::cli::TextOrJson::Json,
                &mut out,
            )?;
            out.flush().map_err(stdout_err)?;
            Ok(Exit::Done)
        }
        Command::Classify(args) => {
            let read = ReadArgs {
                config: args.config.clone(),
                taxonomy: args.taxonomy.clone(),
                ..Default::default()
            };
            let settings = settings::resolve_read(&read, &cwd()?)?;
            let taxonomy = pipeline::load_taxonomy(&settings)?;
            let mut out = stdout.lock();
            classify::run(
                &args.tasks,
                args.input.as_deref(),
                args.format,
                &taxonomy,
                &settings.pins,
                &mut out,
            )?;
            out.flush().map_err(stdout_err)?;
            Ok(Exit::Done)
        }
        Command::Taxonomy => {
            let mut out = stdout.lock();
            taxonomy::run(&mut out)?;
            out.flush().map_err(stdout_err)?;
            Ok(Exit::Done)
        }
        Command::Serve(args) => {
            let mut settings = read_settings(&args.read)?;
            settings.anonymize |= args.anonymize;
            serve::run(&args, settings)
        }
        Command::Diff(args) => {
            let mut settings = read_settings(&args.read)?;
            settings.excel_csv |= args.excel_csv;
            settings.quiet |= args.quiet;
            settings::apply_anonymize(&mut settings, &args.anonymize, &cwd()?);
            let options = diff::DiffOptions {
                fail_on_new: args.fail_on_new,
            };
            diff::run(
                &args.old,
                &args.new,
                args.output.as_deref(),
                &options,
                &settings,
            )
        }
        Command::Rules(args) => {
            let mut out = stdout.lock();
            rules::run(args.rule.as_deref(), &mut out)?;
            out.flush().map_err(stdout_err)?;
            Ok(Exit::Done)
        }
    }
}

/// `raci audit INPUT...`: one input writes one report folder; several inputs or a folder are
/// a portfolio.
fn audit_or_portfolio(args: &AuditArgs, settings: &Settings) -> Result<Exit> {
    let output = args.output.as_deref();
    let format_json = args.format.is_some();
    let to_stdout = is_stdout(output);
    if to_stdout && !format_json {
        return Err(Error::Usage(
            "-o - writes to standard output, which needs a format: add --format json".into(),
        ));
    }
    if format_json && !to_stdout {
        return Err(Error::Usage(
            "--format json writes the JSON report to standard output: add -o -".into(),
        ));
    }
    let pipeline = Pipeline::new(settings)?;
    match args.inputs.as_slice() {
        [one] if !one.is_dir() => audit::run(one, output, to_stdout, &pipeline),
        _ if to_stdout => Err(Error::Usage(
            "-o - writes one JSON report; several inputs or a folder write a report folder each: \
             give -o DIR"
                .into(),
        )),
        _ => portfolio::run(&args.inputs, output, &pipeline),
    }
}

/// Settings for commands that only read (`inspect`).
pub fn read_settings(read: &ReadArgs) -> Result<Settings> {
    settings::resolve_read(read, &cwd()?)
}

/// `-o -` is standard output.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path == Some(Path::new("-"))
}
