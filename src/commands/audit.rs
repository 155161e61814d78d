//! `raci audit`: read, lay out, classify, audit, then write every report and chart. The one
//! place where all stages meet; `raci serve` and the benches call the same functions.

use crate::anonymize::Pseudonyms;
use crate::audit::{self, Audit};
use crate::chart;
use crate::classify::{self, Classification, Classifier, Taxonomy};
use crate::input::{self, Workbook};
use crate::layout;
use crate::model::Matrix;
use crate::outcome::Outcome;
use crate::report::{self, InOrder, NamedFile, ReportOptions};
use crate::settings::{Outputs, Settings};
use crate::{Error, Exit, Result};
use rayon::prelude::*;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// A matrix with everything concluded about it, owned (an [`Outcome`] borrows from it).
#[derive(Debug, Clone)]
pub struct Audited {
    pub matrix: Matrix,
    pub classes: Vec<Classification>,
    pub taxonomy: Taxonomy,
    pub audit: Audit,
    /// The suggested fixes for the audit's findings ([`crate::suggest`]).
    pub suggestions: Vec<crate::suggest::Suggestion>,
    /// The pseudonyms given with `--anonymize` (empty otherwise).
    pub names: Pseudonyms,
}

impl Audited {
    pub fn outcome(&self) -> Outcome<'_> {
        Outcome {
            matrix: &self.matrix,
            classes: &self.classes,
            taxonomy: &self.taxonomy,
            audit: &self.audit,
            suggestions: &self.suggestions,
        }
    }
}

/// The taxonomy a run uses: the built-in one or `--taxonomy FILE`, plus `raci.toml` signals.
pub fn taxonomy_for(settings: &Settings) -> Result<Taxonomy> {
    let mut taxonomy = classify::load_taxonomy(settings.taxonomy_file.as_deref())?;
    if !settings.extra_signals.is_empty() {
        taxonomy
            .add_signals(&settings.extra_signals)
            .map_err(|detail| Error::Config {
                path: PathBuf::from("raci.toml"),
                detail,
            })?;
    }
    Ok(taxonomy)
}

/// Reads an input path (`-` is standard input) within the settings' limits.
pub fn read_input(path: &Path, settings: &Settings) -> Result<Workbook> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(settings.limits.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
        input::read_bytes("stdin", &bytes, &settings.limits)
    } else {
        input::read_path(path, &settings.limits)
    }
}

/// Loads `--roster FILE` into the layout options, so titles from it reach the matrix.
pub fn with_roster(settings: &Settings) -> Result<Settings> {
    let mut settings = settings.clone();
    if let Some(path) = &settings.roster_file {
        let wb = input::read_path(path, &settings.limits)?;
        settings.layout.roster = layout::roster_from_workbook(&wb)?;
    }
    Ok(settings)
}

/// Everything from a workbook to an audit, with no I/O.
pub fn audit_workbook(wb: &Workbook, settings: &Settings, taxonomy: &Taxonomy) -> Result<Audited> {
    audit_workbook_as(wb, settings, taxonomy, Pseudonyms::default())
}

/// [`audit_workbook`], going on from pseudonyms already given (the old file of a diff), so
/// that with `--anonymize` one person keeps one pseudonym across files. The names are
/// replaced right after the layout: no later stage sees them.
pub fn audit_workbook_as(
    wb: &Workbook,
    settings: &Settings,
    taxonomy: &Taxonomy,
    mut names: Pseudonyms,
) -> Result<Audited> {
    let mut matrix = layout::detect(wb, &settings.layout)?;
    if settings.anonymize {
        names.apply(&mut matrix, &settings.layout.roster);
    }
    let classifier = Classifier::new(taxonomy);
    let classes = classify::classify_matrix(&matrix, &classifier, &settings.pins);
    let audit = audit::run(&matrix, &classes, taxonomy, &settings.audit);
    let suggestions = crate::suggest::suggest(
        &matrix,
        &classes,
        taxonomy,
        &audit.findings,
        &settings.audit.thresholds,
    );
    Ok(Audited {
        matrix,
        classes,
        taxonomy: taxonomy.clone(),
        audit,
        suggestions,
        names,
    })
}

/// Every report and chart the settings ask for, in memory: (file name, bytes), reports in
/// [`report::render`]'s order, then the charts.
pub fn render_files(a: &Audited, settings: &Settings) -> Result<Vec<NamedFile>> {
    let done = InOrder::default();
    let sink = |place, files| {
        done.push(place, files);
        Ok(())
    };
    render_to(a, settings, &sink, None)?;
    Ok(done.into_flat())
}

/// Writes `report.json` for an outcome somewhere other than the report sink.
type JsonWriter<'a> = dyn Fn(&Outcome) -> Result<()> + Sync + 'a;

/// Renders every report and chart the settings ask for and hands each kind's files to `sink`
/// as soon as they exist, with their place in the fixed order (the report kinds of
/// [`report::render_each`], then the charts).
///
/// Only `summary.md` and `report.html` show the charts, so the other reports are rendered
/// while the charts are drawn, and the two that show them start as soon as the charts are
/// done, beside whatever of the others is left: on a big matrix `report.xlsx` alone takes
/// about as long as all the charts, and the two cores share the work instead of waiting for
/// each other.
///
/// With `json_to`, `report.json` goes there (as it is serialised) instead of to `sink`.
fn render_to(
    a: &Audited,
    settings: &Settings,
    sink: &(dyn Fn(usize, Vec<NamedFile>) -> Result<()> + Sync),
    json_to: Option<&JsonWriter<'_>>,
) -> Result<()> {
    let outcome = a.outcome();
    let prepared = report::Prepared::new(&outcome);
    let wants_charts = settings.outputs.png || settings.outputs.html;
    let opts = ReportOptions {
        excel_csv: settings.excel_csv,
        outputs: settings.outputs,
    };
    let without_charts = Outputs {
        md: false,
        html: false,
        json: settings.outputs.json && json_to.is_none(),
        ..settings.outputs
    };
    let with_charts = Outputs {
        csv: false,
        png: false,
        xlsx: false,
        json: false,
        ..settings.outputs
    };
    let (with, (without, json)) = rayon::join(
        || -> Result<()> {
            let charts = if wants_charts {
                chart::render_all(&outcome, &settings.audit.thresholds)?
            } else {
                Vec::new()
            };
            report::render_each(&outcome, &prepared, &charts, &opts, with_charts, sink)?;
            if settings.outputs.png {
                sink(report::PLACE_AFTER_REPORTS, charts)?;
            }
            Ok(())
        },
        || {
            rayon::join(
                || report::render_each(&outcome, &prepared, &[], &opts, without_charts, sink),
                || match json_to {
                    Some(write) if settings.outputs.json => write(&outcome),
                    _ => Ok(()),
                },
            )
        },
    );
    with?;
    without?;
    json
}

/// Is `name` a file this tool writes into a report folder? Only these are replaced or
/// removed on a re-run; anything else the user put there stays.
fn is_our_file(name: &str) -> bool {
    let mut fixed = report::CSV_FILES
        .iter()
        .chain(&report::OTHER_FILES)
        .chain(&chart::CHART_FILES);
    if fixed.any(|f| *f == name) {
        return true;
    }
    // Paginated matrix charts: matrix-1.png, matrix-2.png, ...
    name.strip_prefix("matrix-")
        .and_then(|rest| rest.strip_suffix(".png"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Renders every report and chart of `a` straight into the report folder `dir` (the files
/// [`render_files`] gives), and returns the paths written, in that order.
///
/// No half-written report folder is ever left behind: everything goes to a hidden temporary
/// folder beside it first, then is renamed into place. Our files from an earlier run that
/// this run does not write (fewer matrix pages) are removed; other files in the folder are
/// left alone.
///
/// Each file goes to disk as soon as it is rendered and is then let go: on a 50,000-task
/// matrix, holding every finished report until the last was done cost a third of the memory.
pub fn write_reports(a: &Audited, settings: &Settings, dir: &Path) -> Result<Vec<PathBuf>> {
    let staging = Staging::new(dir)?;
    let names = InOrder::default();
    let sink = |place, files: Vec<NamedFile>| {
        files
            .par_iter()
            .try_for_each(|(name, bytes)| staging.put(name, bytes))?;
        names.push(place, files.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        Ok(())
    };
    // report.json, the largest report (some 40 MB on 50,000 tasks), goes into its file as it
    // is serialised instead of being held whole beside the others.
    let json_file = |o: &Outcome| -> Result<()> {
        let name = report::OTHER_FILES[1];
        staging.stream(name, |w| report::write_json(o, w))?;
        names.push(report::JSON_PLACE, vec![name.to_string()]);
        Ok(())
    };
    render_to(a, settings, &sink, Some(&json_file))?;
    staging.finish(names.into_flat())
}

/// A report folder being written: files go into a hidden temporary folder beside `dir` as
/// they are rendered, and [`Staging::finish`] moves them into place. Dropped unfinished (an
/// error on the way), it removes the temporary folder.
struct Staging {
    dir: PathBuf,
    tmp: PathBuf,
    finished: bool,
}

impl Staging {
    fn new(dir: &Path) -> Result<Staging> {
        if dir.is_file() {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file stands where the report folder should go",
                ),
            });
        }
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(write_err(&parent))?;
        let leaf = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "reports".into());
        let tmp = parent.join(format!(".{leaf}.raci-tmp-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir(&tmp).map_err(write_err(&tmp))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            tmp,
            finished: false,
        })
    }

    fn put(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let path = self.tmp.join(name);
        fs::write(&path, bytes).map_err(write_err(&path))
    }

    /// Writes a file through `write`, buffered, as its bytes are produced.
    fn stream(
        &self,
        name: &str,
        write: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>,
    ) -> Result<()> {
        let path = self.tmp.join(name);
        let file = fs::File::create(&path).map_err(write_err(&path))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(write_err(&path))
    }

    /// Moves the files (named in the order to report them) into the report folder.
    fn finish(mut self, names: Vec<String>) -> Result<Vec<PathBuf>> {
        let (dir, tmp) = (&self.dir, &self.tmp);
        if !dir.exists() {
            fs::rename(tmp, dir).map_err(write_err(dir))?;
        } else {
            for name in &names {
                let target = dir.join(name);
                fs::rename(tmp.join(name), &target).map_err(write_err(&target))?;
            }
            for entry in fs::read_dir(dir).map_err(write_err(dir))?.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if is_our_file(&name) && !names.contains(&name) {
                    let _ = fs::remove_file(entry.path());
                }
            }
            let _ = fs::remove_dir_all(tmp);
        }
        self.finished = true;
        Ok(names.iter().map(|n| dir.join(n)).collect())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// The default report folder for an input: `reports/<file stem>/`.
pub fn default_dir(input: &Path) -> PathBuf {
    let stem = if input == Path::new("-") {
        "stdin".to_string()
    } else {
        input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into())
    };
    PathBuf::from("reports").join(stem)
}

/// Writes the `--anonymize-key` file, if one was asked for.
pub fn write_key(settings: &Settings, names: &Pseudonyms) -> Result<()> {
    match &settings.anonymize_key {
        Some(path) => super::portfolio::write_atomically(path, &names.key_csv(settings.excel_csv)),
        None => Ok(()),
    }
}

/// The exit for a finished audit under `--fail-on`.
pub fn exit_for(audit: &Audit, settings: &Settings) -> Exit {
    match (settings.fail_on, audit.worst()) {
        (Some(limit), Some(worst)) if worst >= limit => Exit::Findings,
        _ => Exit::Done,
    }
}

/// Audits one input and writes its report folder (or JSON to stdout with `-o -`).
pub fn run_one(
    input: &Path,
    output: Option<&Path>,
    json_to_stdout: bool,
    settings: &Settings,
    taxonomy: &Taxonomy,
) -> Result<Exit> {
    let wb = read_input(input, settings)?;
    let audited = audit_workbook(&wb, settings, taxonomy)?;
    // The grid is not needed past the layout; freeing it lowers the peak while rendering.
    drop(wb);
    write_key(settings, &audited.names)?;
    let outcome = audited.outcome();
    if json_to_stdout {
        // The bytes of report.json, so a script reading stdout sees what the file holds.
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        report::write_json(&outcome, &mut stdout)
            .and_then(|()| stdout.flush())
            .map_err(write_err(Path::new("-")))?;
        return Ok(exit_for(&audited.audit, settings));
    }
    let dir = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_dir(input));
    let written = write_reports(&audited, settings, &dir)?;
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{}", report::console_summary(&outcome)).map_err(write_err(Path::new("-")))?;
    if !settings.quiet {
        let mut stderr = std::io::stderr().lock();
        for note in audited.matrix.notes.iter().take(1) {
            let _ = writeln!(stderr, "read: {note}");
        }
        for path in &written {
            let _ = writeln!(stderr, "wrote {}", path.display());
        }
    }
    Ok(exit_for(&audited.audit, settings))
}

/// `raci audit INPUT...`: one input writes one report folder; several inputs or a folder are
/// a portfolio.
pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    format_json: bool,
    settings: &Settings,
) -> Result<Exit> {
    let to_stdout = super::is_stdout(output);
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
    let settings = with_roster(settings)?;
    let taxonomy = taxonomy_for(&settings)?;
    match inputs {
        [one] if !one.is_dir() => run_one(one, output, to_stdout, &settings, &taxonomy),
        _ if to_stdout => Err(Error::Usage(
            "-o - writes one JSON report; several inputs or a folder write a report folder each: \
             give -o DIR"
                .into(),
        )),
        _ => super::portfolio::run(inputs, output, &settings, &taxonomy),
    }
}
