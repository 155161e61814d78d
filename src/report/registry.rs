//! The report kinds, as one table (after hyperfine's exporters): each kind's `--only` key, its
//! files with their line in `summary.md`, its content type, how it is rendered and whether it
//! shows the charts. `--only`, [`Outputs`], the file list of `summary.md`, the order files
//! are written in, the server's downloads, content types and zip, and the files of an earlier
//! run to remove all come from here: a new kind is one entry in [`BUILTIN`].

use super::tables::{Table, Tables};
use super::{csv_out, html, json, markdown, xlsx, ReportOptions};
use crate::outcome::Outcome;
use serde::Serialize;
use std::io::Write;

/// What a renderer sees: the outcome, the tables built once from it, the charts drawn (for
/// the kinds that show them) and the run's options (with its registry).
#[derive(Debug)]
pub struct Context<'c, 'a> {
    pub outcome: &'c Outcome<'a>,
    pub(crate) tables: &'c Tables<'a>,
    pub charts: &'c [(String, Vec<u8>)],
    pub opts: &'c ReportOptions,
}

/// How one file of a kind is made.
#[derive(Clone, Copy)]
pub enum Render {
    /// The whole file in memory.
    Bytes(for<'c, 'a> fn(&Context<'c, 'a>) -> crate::Result<Vec<u8>>),
    /// Written as it is produced: a large file (`report.json`, some 40 MB on 50,000 tasks)
    /// goes to disk without being held whole.
    /// `Send`: report.xlsx's zip writer wants it.
    Stream(for<'c, 'a> fn(&Context<'c, 'a>, &mut (dyn Write + Send)) -> std::io::Result<()>),
}

impl std::fmt::Debug for Render {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Render::Bytes(_) => "Bytes",
            Render::Stream(_) => "Stream",
        })
    }
}

/// One file of a report kind.
#[derive(Debug, Clone, Copy)]
pub struct ReportFile {
    pub name: &'static str,
    /// Its line in `summary.md`'s "How to read these files".
    pub guide: &'static str,
    pub render: Render,
}

/// Where a kind's files come from.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// Rendered by the report stage, one renderer a file.
    Files(&'static [ReportFile]),
    /// The chart stage's PNGs: these names when the heatmap fits one page, else its pages
    /// `matrix-1.png`, `matrix-2.png`, ... in place of `matrix.png`.
    Charts(&'static [&'static str]),
}

/// What a kind does with the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charts {
    /// Nothing: rendered while the charts are drawn.
    Ignores,
    /// Links the chart files (when they are drawn): rendered after them.
    Links,
    /// Shows them inside itself: they are drawn for it even when `png` is left out.
    Embeds,
}

/// One kind of report.
#[derive(Debug, Clone, Copy)]
pub struct ReportKind {
    /// Its name in `--only` and `[output] only`.
    pub key: &'static str,
    pub source: Source,
    /// The HTTP content type of its files (`raci serve`'s downloads).
    pub content_type: &'static str,
    pub charts: Charts,
}

impl ReportKind {
    /// The kind's file names when the heatmap fits one page (the names an earlier run may
    /// have left).
    pub fn file_names(&self) -> Vec<&'static str> {
        match self.source {
            Source::Files(files) => files.iter().map(|f| f.name).collect(),
            Source::Charts(names) => names.to_vec(),
        }
    }

    /// Whether `name` is one of this kind's files (a heatmap page counts as a chart).
    fn owns(&self, name: &str) -> bool {
        match self.source {
            Source::Files(files) => files.iter().any(|f| f.name == name),
            Source::Charts(names) => {
                names.contains(&name) || crate::chart::matrix::page_of(name).is_some()
            }
        }
    }
}

fn csv<'c, 'a>(
    c: &Context<'c, 'a>,
    out: &mut (dyn Write + Send),
    table: impl Fn(&'c Tables<'a>) -> &'c Table<'a>,
) -> std::io::Result<()> {
    csv_out::write_to(table(c.tables), c.opts.excel_csv, out)
}

// One line a file: the table reads better than rustfmt's five lines an entry.
#[rustfmt::skip]
const CSV_FILES: &[ReportFile] = &[
    ReportFile { name: "tasks.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.tasks)), guide: "one row per task: its side, duty and confidence, who holds each letter, the cell it came from and the codes of the findings about it." },
    ReportFile { name: "parties.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.parties)), guide: "one row per party: title, letters held, and on how many PO-side, PM-side and shared tasks it holds R or A." },
    ReportFile { name: "findings.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.findings)), guide: "every finding with its rule code, severity, task, party, duty, cell and message; `raci rules CODE` explains a code." },
    ReportFile { name: "overlaps.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.overlaps)), guide: "work done on both sides: each overlap with the party, and the PO-side and PM-side tasks involved." },
    ReportFile { name: "gaps.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.gaps)), guide: "work nobody does or owns: uncovered duties, tasks without an Accountable or Responsible, unassigned and unclassified tasks, each with its side." },
    ReportFile { name: "coverage.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.coverage)), guide: "each PO, PM and shared duty of the taxonomy: covered or not, by which tasks, owned by whom." },
    ReportFile { name: "suggestions.csv", render: Render::Stream(|c, w| csv(c, w, |t| &t.suggestions)), guide: "one row per cell to change to fix a finding: the rule code, task, party, cell, the change, the letters before and after, and why that party; in the order to apply them." },
];

/// The seven CSVs.
pub static CSV: ReportKind = ReportKind {
    key: "csv",
    source: Source::Files(CSV_FILES),
    content_type: "text/csv; charset=utf-8",
    charts: Charts::Ignores,
};

/// `summary.md`.
pub static MARKDOWN: ReportKind = ReportKind {
    key: "md",
    source: Source::Files(&[ReportFile {
        name: "summary.md",
        guide: "this page.",
        render: Render::Bytes(|c| Ok(markdown::render(c).into_bytes())),
    }]),
    content_type: "text/markdown; charset=utf-8",
    charts: Charts::Links,
};

/// `report.json`.
pub static JSON: ReportKind = ReportKind {
    key: "json",
    source: Source::Files(&[ReportFile {
        name: "report.json",
        guide: "everything above in one file for scripts; the schema is in docs/report-schema.md.",
        render: Render::Stream(|c, w| json::write(c.outcome, w)),
    }]),
    content_type: "application/json",
    charts: Charts::Ignores,
};

/// `report.html`.
pub static HTML: ReportKind = ReportKind {
    key: "html",
    source: Source::Files(&[ReportFile {
        name: "report.html",
        guide:
            "everything above in one page with the charts, for reading in a browser or printing.",
        render: Render::Stream(|c, w| html::write(c.outcome, c.tables, c.charts, pages(c), w)),
    }]),
    content_type: "text/html; charset=utf-8",
    charts: Charts::Embeds,
};

/// How report.html shows a heatmap's later pages: from the files beside it when the run
/// writes the chart files, else inlined (with `--only html` nothing stands beside the page).
fn pages(c: &Context) -> html::Pages {
    let files = c
        .opts
        .registry
        .kinds()
        .iter()
        .any(|k| matches!(k.source, Source::Charts(_)) && c.opts.outputs.wants(k));
    if files {
        html::Pages::FirstInline
    } else {
        html::Pages::AllInline
    }
}

/// `report.xlsx`.
pub static XLSX: ReportKind = ReportKind {
    key: "xlsx",
    source: Source::Files(&[ReportFile {
        name: "report.xlsx",
        guide: "the matrix colour-coded with problem cells marked (hover for the finding), the matrix with every suggested fix applied (sheet Proposed, changed cells marked, hover for the reason), and every table as a filterable sheet.",
        render: Render::Stream(|c, w| xlsx::write(c.outcome, c.tables, w)),
    }]),
    content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    charts: Charts::Ignores,
};

/// The charts (drawn by the chart stage).
pub static PNG: ReportKind = ReportKind {
    key: "png",
    source: Source::Charts(&crate::chart::CHART_FILES),
    content_type: "image/png",
    charts: Charts::Ignores,
};

/// Every kind, in the order their files are written and listed; the charts last.
pub static BUILTIN: [&ReportKind; 6] = [&CSV, &MARKDOWN, &JSON, &HTML, &XLSX, &PNG];

/// The report kinds of a run: [`BUILTIN`], and for a test or an embedder, more.
#[derive(Debug, Clone)]
pub struct Registry {
    kinds: Vec<&'static ReportKind>,
}

impl Default for Registry {
    fn default() -> Self {
        Registry {
            kinds: BUILTIN.to_vec(),
        }
    }
}

impl Registry {
    /// This registry with `kind` added last (before nothing: files of it are written after
    /// the charts). Its key and file names must be new.
    pub fn with(mut self, kind: &'static ReportKind) -> Registry {
        debug_assert!(self.kinds.iter().all(|k| k.key != kind.key
            && kind
                .file_names()
                .iter()
                .all(|n| !k.file_names().contains(n))));
        self.kinds.push(kind);
        self
    }

    /// The kinds, in order; a kind's index is its place in that order.
    pub fn kinds(&self) -> &[&'static ReportKind] {
        &self.kinds
    }

    /// The keys `--only` accepts, in order.
    pub fn keys(&self) -> Vec<&'static str> {
        self.kinds.iter().map(|k| k.key).collect()
    }

    /// The outputs named in `--only` or `[output] only`; an unknown kind is an error naming it.
    pub fn parse_only<S: AsRef<str>>(&self, kinds: &[S]) -> Result<Outputs, String> {
        let mut only = Vec::new();
        for kind in kinds {
            let k = kind.as_ref().trim().to_ascii_lowercase();
            if k.is_empty() {
                continue;
            }
            let Some(found) = self.kinds.iter().find(|x| x.key == k) else {
                return Err(format!(
                    "unknown output kind {:?}; valid kinds: {}",
                    kind.as_ref(),
                    self.keys().join(", ")
                ));
            };
            if !only.contains(&found.key) {
                only.push(found.key);
            }
        }
        if only.is_empty() {
            return Err(format!(
                "no output kind given; valid kinds: {}",
                self.keys().join(", ")
            ));
        }
        Ok(Outputs { only: Some(only) })
    }

    /// The kind a file of a run belongs to.
    pub fn kind_of(&self, name: &str) -> Option<&'static ReportKind> {
        self.kinds.iter().copied().find(|k| k.owns(name))
    }

    /// The content type a download of file `name` is served with.
    pub fn content_type(&self, name: &str) -> &'static str {
        self.kind_of(name)
            .map_or("application/octet-stream", |k| k.content_type)
    }

    /// Whether file `name` of a run is a chart (drawn by the chart stage).
    pub fn is_chart(&self, name: &str) -> bool {
        self.kind_of(name)
            .is_some_and(|k| matches!(k.source, Source::Charts(_)))
    }

    /// Every fixed file name of every kind, in order (the heatmap's pages are not fixed).
    pub fn file_names(&self) -> Vec<&'static str> {
        self.kinds.iter().flat_map(|k| k.file_names()).collect()
    }
}

/// Which report kinds a run writes (`--only`): every kind, or those named.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Outputs {
    /// `None`: every kind of the registry.
    only: Option<Vec<&'static str>>,
}

impl Outputs {
    /// Whether the kind with this key is written.
    pub fn has(&self, key: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(&key))
    }

    /// Whether `kind` is written.
    pub fn wants(&self, kind: &ReportKind) -> bool {
        self.has(kind.key)
    }
}
