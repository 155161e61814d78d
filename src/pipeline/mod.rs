//! The run of one matrix, stage after stage: read, lay out, classify, audit, render, write.
//! Every subcommand that audits (`audit`, portfolio mode, `diff`) and `raci serve` go through
//! [`Pipeline`]; the commands hold only what is their own (arguments, console lines, roll-ups).
//!
//! A [`Pipeline`] is built once from the resolved [`Settings`]: the `--roster` file and the
//! taxonomy are loaded then, so a broken one fails before any input is read.

pub mod cleanup;
mod folder;
pub mod inputs;

pub use folder::{folder_name, make_folder, write_atomically};

use crate::anonymize::Pseudonyms;
use crate::audit::{self, Audit};
use crate::chart;
use crate::classify::{self, Classification, Classifier, Taxonomy};
use crate::input::{self, Workbook};
use crate::layout;
use crate::model::Matrix;
use crate::outcome::Outcome;
use crate::report::registry::{self, Charts, ReportKind, Source};
use crate::report::{self, Body, InOrder, NamedFile, Registry, ReportOptions, Sink};
use crate::settings::Settings;
use crate::{Error, Exit, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A matrix with everything concluded about it, owned (an [`Outcome`] borrows from it).
#[derive(Debug, Clone)]
pub struct Audited {
    pub matrix: Matrix,
    pub classes: Vec<Classification>,
    /// The pipeline's own, shared: a server keeps many audits made with one taxonomy.
    pub taxonomy: Arc<Taxonomy>,
    pub audit: Audit,
    /// The suggested fixes for the audit's findings ([`crate::suggest`]).
    pub suggestions: Vec<crate::suggest::Suggestion>,
    /// The pseudonyms given with `--anonymize` (empty otherwise).
    pub names: Pseudonyms,
    /// The parties' names as the file writes them, in matrix order: the matrix's own names
    /// unless `--anonymize` replaced them (a correction in `raci serve` names the file's).
    pub file_parties: Vec<String>,
}

impl Audited {
    /// The outcome the reports and charts read, borrowed from this audit.
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
pub fn load_taxonomy(settings: &Settings) -> Result<Taxonomy> {
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

/// Loads `--roster FILE` into the layout options, so titles from it reach the matrix (for a
/// command that lays out without auditing, such as `inspect`).
pub fn load_roster(settings: &Settings) -> Result<Settings> {
    let mut settings = settings.clone();
    if let Some(path) = &settings.roster_file {
        let wb = input::read_path(path, &settings.limits)?;
        settings.layout.roster = layout::roster_from_workbook(&wb)?;
    }
    Ok(settings)
}

/// The stages of a run with their settings and taxonomy, built once and used for every input.
#[derive(Debug, Clone)]
pub struct Pipeline {
    settings: Settings,
    taxonomy: Arc<Taxonomy>,
    /// The report kinds there are: the built-in ones unless a test adds one.
    registry: Registry,
}

impl Pipeline {
    /// A pipeline for `settings`: loads the `--roster` file and the taxonomy.
    pub fn new(settings: &Settings) -> Result<Pipeline> {
        let settings = load_roster(settings)?;
        let taxonomy = load_taxonomy(&settings)?;
        Ok(Pipeline::with_taxonomy(settings, taxonomy))
    }

    /// A pipeline over settings whose roster is already in `layout.roster` and a taxonomy
    /// already loaded (the server's uploads, tests, benches).
    pub fn with_taxonomy(settings: Settings, taxonomy: impl Into<Arc<Taxonomy>>) -> Pipeline {
        Pipeline {
            settings,
            taxonomy: taxonomy.into(),
            registry: Registry::default(),
        }
    }

    /// This pipeline over another set of report kinds (a test's extra kind).
    pub fn with_registry(self, registry: Registry) -> Pipeline {
        Pipeline { registry, ..self }
    }

    /// The report kinds this pipeline renders.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The settings every input is read and audited with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings, to adjust for one input (the server's per-upload fields).
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// The taxonomy tasks are classified with (shared with the audits made here).
    pub fn taxonomy(&self) -> &Arc<Taxonomy> {
        &self.taxonomy
    }

    /// Reads an input path (`-` is standard input) within the settings' limits.
    pub fn read(&self, path: &Path) -> Result<Workbook> {
        let limits = &self.settings.limits;
        if path == Path::new("-") {
            input::read_stdin(limits)
        } else {
            input::read_path(path, limits)
        }
    }

    /// Everything from a workbook to an audit, with no I/O.
    pub fn audit(&self, wb: &Workbook) -> Result<Audited> {
        self.audit_as(wb, Pseudonyms::default())
    }

    /// [`Pipeline::audit`], going on from pseudonyms already given (the old file of a diff),
    /// so that with `--anonymize` one person keeps one pseudonym across files. The names are
    /// replaced right after the layout: no later stage sees them.
    pub fn audit_as(&self, wb: &Workbook, mut names: Pseudonyms) -> Result<Audited> {
        let (settings, taxonomy) = (&self.settings, &self.taxonomy);
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
        let file_parties = matrix.parties.iter().map(|p| p.name.clone()).collect();
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
            taxonomy: Arc::clone(taxonomy),
            audit,
            suggestions,
            names,
            file_parties,
        })
    }

    /// Every report and chart the settings ask for, in memory: (file name, bytes), in the
    /// registry's order (the reports, then the charts).
    pub fn render(&self, a: &Audited) -> Result<Vec<NamedFile>> {
        let done = InOrder::default();
        self.render_to(a, &|place, name, body| {
            done.push(place, (name.to_string(), body.into_bytes()?));
            Ok(())
        })?;
        Ok(done.into_vec())
    }

    /// Renders every report and chart the settings ask for and hands each file to `sink` as
    /// soon as it exists, with its kind's place in the registry.
    ///
    /// The kinds that ignore the charts are rendered while the charts are drawn, and those
    /// that show them start as soon as the charts are done, beside whatever of the others is
    /// left: on a big matrix `report.xlsx` alone takes about as long as all the charts, and
    /// the two cores share the work instead of waiting for each other.
    fn render_to(&self, a: &Audited, sink: &Sink) -> Result<()> {
        let settings = &self.settings;
        let outputs = &settings.outputs;
        if outputs.wants(&registry::XLSX) {
            xlsx_fits(&a.matrix)?;
        }
        let outcome = a.outcome();
        let prepared = report::Prepared::new(&outcome);
        let opts = ReportOptions {
            excel_csv: settings.excel_csv,
            outputs: outputs.clone(),
            registry: self.registry.clone(),
        };
        let kinds = self.registry.kinds();
        let is_charts = |k: &ReportKind| matches!(k.source, Source::Charts(_));
        let draws = kinds
            .iter()
            .any(|k| outputs.wants(k) && (is_charts(k) || k.charts == Charts::Embeds));
        let after_charts = |k: &ReportKind| k.charts != Charts::Ignores;
        let (with, without) = rayon::join(
            || -> Result<()> {
                let charts = if draws {
                    chart::render_all(&outcome, &settings.audit.thresholds)?
                } else {
                    Vec::new()
                };
                report::render_each(&outcome, &prepared, &charts, &opts, &after_charts, sink)?;
                let place = kinds.iter().position(|k| is_charts(k) && outputs.wants(k));
                if let Some(place) = place {
                    for (name, bytes) in charts {
                        sink(place, &name, Body::Bytes(bytes))?;
                    }
                }
                Ok(())
            },
            || report::render_each(&outcome, &prepared, &[], &opts, &|k| !after_charts(k), sink),
        );
        with?;
        without
    }

    /// Renders every report and chart of `a` straight into the report folder `dir` (the files
    /// [`Pipeline::render`] gives), and returns the paths written, in that order.
    ///
    /// No half-written report folder is ever left behind: everything goes to a hidden
    /// temporary folder beside it first, then is renamed into place. Our files from an earlier
    /// run that this run does not write (fewer matrix pages, a kind left out) are removed;
    /// other files in the folder are left alone.
    ///
    /// Each file goes to disk as soon as it is rendered and is then let go, and `report.json`
    /// (some 40 MB on 50,000 tasks) as it is serialised: on a 50,000-task matrix, holding every
    /// finished report until the last was done cost a third of the memory.
    pub fn write(&self, a: &Audited, dir: &Path) -> Result<Vec<PathBuf>> {
        let staging = folder::Staging::new(dir)?;
        let names = InOrder::default();
        self.render_to(a, &|place, name, body| {
            match body {
                Body::Bytes(bytes) => staging.put(name, &bytes)?,
                Body::Stream(write) => staging.stream(name, |out| write(out))?,
            }
            names.push(place, name.to_string());
            Ok(())
        })?;
        staging.finish(names.into_vec(), &self.registry.file_names())
    }

    /// Writes the `--anonymize-key` file, if one was asked for.
    pub fn write_key(&self, names: &Pseudonyms) -> Result<()> {
        match &self.settings.anonymize_key {
            Some(path) => write_atomically(path, &names.key_csv(self.settings.excel_csv)),
            None => Ok(()),
        }
    }

    /// The exit for a finished audit under `--fail-on`.
    pub fn exit_for(&self, audit: &Audit) -> Exit {
        match (self.settings.fail_on, audit.worst()) {
            (Some(limit), Some(worst)) if worst >= limit => Exit::Findings,
            _ => Exit::Done,
        }
    }
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
