//! Report writers (CSV, Markdown, JSON, HTML, XLSX): each renders an [`Outcome`] in memory to
//! `(file name, bytes)`; `commands::audit` writes them to disk atomically, so nothing here
//! touches the file system.
//!
//! Every table a report shows is built once in `tables` from the outcome, then each format
//! only escapes and lays it out. That keeps the CSVs, the HTML and the XLSX saying the same
//! thing row for row.

mod csv_out;
mod facts;
mod html;
mod json;
mod markdown;
mod tables;
mod text;
mod xlsx;

/// Which findings count as overlaps and gaps (the rows of `overlaps.csv` and `gaps.csv`), for
/// the portfolio roll-up.
pub(crate) use tables::{is_gap, is_overlap};

pub use facts::{console_summary, headline};
pub use html::HtmlParts;
pub use json::{bytes as json_bytes, json, SCHEMA_VERSION};
use rayon::prelude::*;
pub use text::escape_formula;

use crate::outcome::Outcome;
use crate::settings::Outputs;

/// What to render and how.
/// The default writes every kind, without a BOM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReportOptions {
    /// Start every CSV with a UTF-8 byte-order mark.
    ///
    /// Off by default: scripts, `diff`, `grep` and most CSV readers then see the header as
    /// written (with a BOM the first column name silently becomes `\u{feff}task`). Excel on
    /// Windows, however, guesses a legacy code page for a CSV without a BOM and garbles every
    /// accented name, so `--excel-csv` turns it on for people who double-click the files.
    pub excel_csv: bool,
    /// Which kinds of report to produce (`png` is the chart stage's business).
    pub outputs: Outputs,
}

/// The CSV files, in the order they are rendered.
pub const CSV_FILES: [&str; 6] = [
    "tasks.csv",
    "parties.csv",
    "findings.csv",
    "overlaps.csv",
    "gaps.csv",
    "coverage.csv",
];

/// Renders every report kind enabled in `opts.outputs`, in a fixed order: the six CSVs
/// (`tasks`, `parties`, `findings`, `overlaps`, `gaps`, `coverage`), `summary.md`,
/// `report.json`, `report.html`, `report.xlsx`.
///
/// `charts` are the PNGs the chart stage drew, as `(file name, bytes)`; the Markdown links
/// them and the HTML embeds them, in the order given. The output depends on nothing but the
/// arguments: two calls give byte-identical files.
pub fn render(
    o: &Outcome,
    charts: &[(String, Vec<u8>)],
    opts: &ReportOptions,
) -> crate::Result<Vec<(String, Vec<u8>)>> {
    render_part(o, charts, opts, opts.outputs)
}

/// The kinds of report `part` selects, out of a run that writes `opts.outputs`: the same bytes
/// [`render`] gives for them (`summary.md` links, for instance, every file the run writes,
/// not only those of the part), so a caller can render some kinds before the charts exist
/// and the rest after.
pub fn render_part(
    o: &Outcome,
    charts: &[(String, Vec<u8>)],
    opts: &ReportOptions,
    part: Outputs,
) -> crate::Result<Vec<(String, Vec<u8>)>> {
    let done = std::sync::Mutex::new(Vec::new());
    render_each(o, charts, opts, part, &|kind, files| {
        done.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((kind, files));
        Ok(())
    })?;
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    // In the fixed order above, whichever kind finished first.
    done.sort_by_key(|(kind, _)| *kind);
    Ok(done.into_iter().flat_map(|(_, files)| files).collect())
}

/// Like [`render_part`], but hands each kind's files to `sink` as soon as they are rendered,
/// in whatever order the kinds finish, with the kind's place in the fixed order. The caller
/// can write them out and let them go: on a big matrix the finished reports held until the
/// last one is done were a third of the memory the audit needed.
pub fn render_each(
    o: &Outcome,
    charts: &[(String, Vec<u8>)],
    opts: &ReportOptions,
    part: Outputs,
    sink: &(dyn Fn(usize, Vec<NamedFile>) -> crate::Result<()> + Sync),
) -> crate::Result<()> {
    let all = tables::Tables::build(o);
    // Each kind is independent of the others: render them in parallel (report.xlsx alone is
    // a third of a large audit).
    let kinds = [
        (part.csv && opts.outputs.csv, Kind::Csv),
        (part.md && opts.outputs.md, Kind::Markdown),
        (part.json && opts.outputs.json, Kind::Json),
        (part.html && opts.outputs.html, Kind::Html),
        (part.xlsx && opts.outputs.xlsx, Kind::Xlsx),
    ];
    kinds
        .par_iter()
        .enumerate()
        .filter(|(_, (wanted, _))| *wanted)
        .try_for_each(|(place, (_, kind))| {
            let files = match kind {
                Kind::Csv => CSV_FILES
                    .iter()
                    .zip(all.in_csv_order())
                    .map(|(name, table)| (name.to_string(), csv_out::write(table, opts.excel_csv)))
                    .collect(),
                Kind::Markdown => {
                    let md = markdown::render(o, &all, charts, &opts.outputs);
                    vec![("summary.md".to_string(), md.into_bytes())]
                }
                Kind::Json => vec![("report.json".to_string(), json::bytes(o))],
                Kind::Html => {
                    let page = html::render(o, &all, charts);
                    vec![("report.html".to_string(), page.into_bytes())]
                }
                Kind::Xlsx => vec![("report.xlsx".to_string(), xlsx::render(o, &all)?)],
            };
            sink(place, files)
        })
}

/// The parts of `report.html` (title, stylesheet, content) for the same outcome and charts,
/// for a page that shows the audit in its own frame (`raci serve`). Joined as `report.html`
/// joins them, they give the same bytes.
pub fn html_parts(o: &Outcome, charts: &[(String, Vec<u8>)]) -> HtmlParts {
    html::parts(o, &tables::Tables::build(o), charts)
}

/// A report file: its name and bytes.
pub type NamedFile = (String, Vec<u8>);

/// The report kinds [`render`] writes, in its order.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Csv,
    Markdown,
    Json,
    Html,
    Xlsx,
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
        files.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn renders_every_kind_in_fixed_order() {
        let f = fixture::Fixture::new();
        let files = render(&f.outcome(), &[], &ReportOptions::default()).unwrap();
        assert_eq!(
            names(&files),
            [
                "tasks.csv",
                "parties.csv",
                "findings.csv",
                "overlaps.csv",
                "gaps.csv",
                "coverage.csv",
                "summary.md",
                "report.json",
                "report.html",
                "report.xlsx"
            ]
        );
    }

    #[test]
    fn renders_only_enabled_kinds() {
        let f = fixture::Fixture::new();
        let outputs = Outputs {
            csv: false,
            png: true,
            html: false,
            xlsx: false,
            json: true,
            md: true,
        };
        let opts = ReportOptions {
            excel_csv: false,
            outputs,
        };
        let files = render(&f.outcome(), &[], &opts).unwrap();
        assert_eq!(names(&files), ["summary.md", "report.json"]);
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        let f = fixture::Fixture::new();
        let charts = vec![("overlap.png".to_string(), vec![0x89, b'P', b'N', b'G'])];
        let a = render(&f.outcome(), &charts, &ReportOptions::default()).unwrap();
        let b = render(&f.outcome(), &charts, &ReportOptions::default()).unwrap();
        assert_eq!(a.len(), b.len());
        for ((na, ba), (nb, bb)) in a.iter().zip(&b) {
            assert_eq!(na, nb);
            assert!(ba == bb, "{na} differs between two renders");
        }
    }
}
