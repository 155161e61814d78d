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
    let mut taxonomy = classify::load_taxonomy_capped(
        settings.taxonomy_file.as_deref(),
        settings.limits.max_file_bytes,
    )?;
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
    // The reading half of the memory budget was charged as the file expanded; the rest of
    // the run depends on the tasks, parties and names the layout found.
    let needed = matrix.estimated_run_bytes();
    if needed > settings.limits.max_memory_bytes {
        return Err(input::over_budget(
            &wb.file,
            "the memory the audit and reports of this matrix need (MB, estimated from its \
             tasks, parties, letters and the length of their names)",
            needed,
            settings.limits.max_memory_bytes,
        ));
    }
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
    if settings.outputs.xlsx {
        xlsx_fits(&a.matrix)?;
    }
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

/// Checked before anything is rendered: `report.xlsx` puts the matrix on one sheet, a task a
/// row under a header row and a party a column beside the task, group and side columns, and
/// an Excel sheet has 1,048,576 rows and 16,384 columns. A matrix past that is refused with
/// what to leave out, before any work is spent on it.
fn xlsx_fits(m: &Matrix) -> Result<()> {
    const ROWS: usize = 1_048_576;
    const COLUMNS: usize = 16_384;
    const BESIDE_PARTIES: usize = 3;
    let (tasks, parties) = (m.tasks.len(), m.parties.len());
    if tasks < ROWS && parties + BESIDE_PARTIES <= COLUMNS {
        return Ok(());
    }
    Err(Error::ReportCannotHold {
        file: m.source.file.clone(),
        report: "report.xlsx",
        detail: format!(
            "an Excel sheet holds at most {} tasks and {} parties, and this matrix has {tasks} \
             tasks and {parties} parties",
            ROWS - 1,
            COLUMNS - BESIDE_PARTIES
        ),
    })
}

/// Our files from an earlier run in `dir` that this run (which wrote `written`) did not
/// replace: those of the fixed names it left out (`--only`, or `matrix.png` for a paginated
/// heatmap), and the heatmap pages `matrix-1.png`, `matrix-2.png`, ... an earlier run
/// numbered. A run writes its pages from 1 without a gap and at most
/// [`chart::matrix::MAX_PAGES`] of them, so only that run of names is ours: `matrix-0.png`,
/// `matrix-01.png`, `matrix-99.png`, or a page after a gap, are the user's and stay.
fn stale_files(dir: &Path, written: &[String]) -> Vec<PathBuf> {
    let kept = |name: &str| written.iter().any(|w| w == name);
    let fixed = report::CSV_FILES
        .iter()
        .chain(&report::OTHER_FILES)
        .chain(&chart::CHART_FILES);
    let mut stale: Vec<PathBuf> = fixed
        .filter(|name| !kept(name))
        .map(|name| dir.join(name))
        .filter(|path| path.is_file())
        .collect();
    for page in 1..=chart::matrix::MAX_PAGES {
        let name = format!("matrix-{page}.png");
        let path = dir.join(&name);
        if !path.is_file() {
            break;
        }
        if !kept(&name) {
            stale.push(path);
        }
    }
    stale
}

/// Creates a folder and its parents. A file standing where one of them should go is named,
/// rather than left to the system's "File exists", which does not say which.
pub fn make_folder(dir: &Path) -> Result<()> {
    if let Some(file) = dir
        .ancestors()
        .find(|a| !a.as_os_str().is_empty() && fs::metadata(a).is_ok_and(|m| !m.is_dir()))
    {
        return Err(Error::Write {
            path: file.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!(
                    "it is a file, so the folder {} cannot be made inside it",
                    dir.display()
                ),
            ),
        });
    }
    fs::create_dir_all(dir).map_err(write_err(dir))
}

/// The error of a write that an interrupt stopped (the run is ending; this is rarely seen).
pub(super) fn interrupted(path: &Path) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::Interrupted, "the run was interrupted"),
    }
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
    /// Registered for removal on an interrupt (see `cleanup`).
    _in_flight: super::cleanup::InFlight,
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
        make_folder(&parent)?;
        let leaf = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "reports".into());
        // Temporary folders of runs that were killed before they could clean up.
        super::cleanup::remove_stale(&parent);
        let tmp = parent.join(super::cleanup::temp_name(&leaf));
        let in_flight = super::cleanup::register(&tmp).ok_or_else(|| interrupted(&tmp))?;
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir(&tmp).map_err(write_err(&tmp))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            tmp,
            finished: false,
            _in_flight: in_flight,
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
        // An interrupt waits for the files to be in place, or comes first and removes them.
        let done = super::cleanup::finishing(|| self.move_into_place(&names));
        done.ok_or_else(|| interrupted(&self.tmp))??;
        self.finished = true;
        Ok(names.iter().map(|n| self.dir.join(n)).collect())
    }

    fn move_into_place(&self, names: &[String]) -> Result<()> {
        let (dir, tmp) = (&self.dir, &self.tmp);
        if !dir.exists() {
            fs::rename(tmp, dir).map_err(write_err(dir))?;
        } else {
            for name in names {
                let target = dir.join(name);
                fs::rename(tmp.join(name), &target).map_err(write_err(&target))?;
            }
            for stale in stale_files(dir, names) {
                let _ = fs::remove_file(stale);
            }
            let _ = fs::remove_dir_all(tmp);
        }
        Ok(())
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
    let summary = report::text::terminal_lines(&report::console_summary(&outcome));
    write!(stdout, "{summary}").map_err(write_err(Path::new("-")))?;
    if !settings.quiet {
        let mut stderr = std::io::stderr().lock();
        for note in audited.matrix.notes.iter().take(1) {
            let _ = writeln!(stderr, "read: {}", report::text::terminal(note));
        }
        for path in &written {
            let shown = path.display().to_string();
            let _ = writeln!(stderr, "wrote {}", report::text::terminal(&shown));
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
