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
mod suggestions;
mod tables;
pub mod text;
mod xlsx;

pub use facts::{console_summary, headline};
pub use html::HtmlParts;
pub use json::{bytes as json_bytes, json, write as write_json, SCHEMA_VERSION};
use rayon::prelude::*;
pub use text::{escape_formula, html as escape_html, markdown as escape_markdown};

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
pub const CSV_FILES: [&str; 7] = [
    "tasks.csv",
    "parties.csv",
    "findings.csv",
    "overlaps.csv",
    "gaps.csv",
    "coverage.csv",
    "suggestions.csv",
];

/// Renders every report kind enabled in `opts.outputs`, in a fixed order: the seven CSVs
/// (`tasks`, `parties`, `findings`, `overlaps`, `gaps`, `coverage`, `suggestions`), `summary.md`,
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
    let done = InOrder::default();
    render_each(
        o,
        &Prepared::new(o),
        charts,
        opts,
        opts.outputs,
        &|place, files| {
            done.push(place, files);
            Ok(())
        },
    )?;
    Ok(done.into_flat())
}

/// The report kinds in [`render`]'s fixed order; a kind's index is its place.
const KIND_ORDER: [Kind; 5] = [
    Kind::Csv,
    Kind::Markdown,
    Kind::Json,
    Kind::Html,
    Kind::Xlsx,
];

/// The place of `report.json` in [`render`]'s order, for a caller that writes it itself
/// ([`write_json`]).
pub const JSON_PLACE: usize = 2;

/// The place after every report kind of [`render_each`]: where a caller puts the charts.
pub const PLACE_AFTER_REPORTS: usize = KIND_ORDER.len();

/// The files other than the CSVs, in the fixed order: `summary.md`, `report.json`,
/// `report.html`, `report.xlsx`.
pub const OTHER_FILES: [&str; 4] = ["summary.md", "report.json", "report.html", "report.xlsx"];

/// What parallel work hands over, each piece with its place in a fixed order, in whatever
/// order the pieces finish; [`InOrder::into_vec`] puts them back in that order.
#[derive(Debug)]
pub struct InOrder<T>(std::sync::Mutex<Vec<(usize, T)>>);

impl<T> Default for InOrder<T> {
    fn default() -> Self {
        InOrder(std::sync::Mutex::new(Vec::new()))
    }
}

impl<T> InOrder<T> {
    pub fn push(&self, place: usize, item: T) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((place, item));
    }

    /// The pieces by place; pieces of one place stay in the order they came.
    pub fn into_vec(self) -> Vec<T> {
        let mut all = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        all.sort_by_key(|(place, _)| *place);
        all.into_iter().map(|(_, item)| item).collect()
    }
}

impl<U> InOrder<Vec<U>> {
    /// The pieces' items by place, as one list.
    pub fn into_flat(self) -> Vec<U> {
        self.into_vec().into_iter().flatten().collect()
    }
}

/// Renders the kinds of report `part` selects, out of a run that writes `opts.outputs` (so
/// `summary.md`, for instance, links every file of the run, not only those of the part), and
/// hands each kind's files to `sink` as soon as they are rendered, in whatever order the kinds
/// finish, with the kind's place in [`render`]'s fixed order. A caller can render some kinds
/// before the charts exist and the rest after, and write each file out and let it go: on a
/// big matrix the finished reports held until the last one was done were a third of the
/// memory the audit needed.
pub fn render_each(
    o: &Outcome,
    prepared: &Prepared,
    charts: &[(String, Vec<u8>)],
    opts: &ReportOptions,
    part: Outputs,
    sink: &(dyn Fn(usize, Vec<NamedFile>) -> crate::Result<()> + Sync),
) -> crate::Result<()> {
    let all = &prepared.0;
    // Each kind is independent of the others: render them in parallel (report.xlsx alone is
    // a third of a large audit).
    let wanted = |kind: Kind| match kind {
        Kind::Csv => part.csv && opts.outputs.csv,
        Kind::Markdown => part.md && opts.outputs.md,
        Kind::Json => part.json && opts.outputs.json,
        Kind::Html => part.html && opts.outputs.html,
        Kind::Xlsx => part.xlsx && opts.outputs.xlsx,
    };
    KIND_ORDER
        .par_iter()
        .enumerate()
        .filter(|(_, kind)| wanted(**kind))
        .try_for_each(|(place, kind)| {
            let files = match kind {
                Kind::Csv => CSV_FILES
                    .iter()
                    .zip(all.in_csv_order())
                    .map(|(name, table)| (name.to_string(), csv_out::write(table, opts.excel_csv)))
                    .collect(),
                Kind::Markdown => {
                    let md = markdown::render(o, all, charts, &opts.outputs);
                    vec![(OTHER_FILES[0].to_string(), md.into_bytes())]
                }
                Kind::Json => vec![(OTHER_FILES[1].to_string(), json::bytes(o))],
                Kind::Html => {
                    let page = html::render(o, all, charts);
                    vec![(OTHER_FILES[2].to_string(), page.into_bytes())]
                }
                Kind::Xlsx => vec![(OTHER_FILES[3].to_string(), xlsx::render(o, all)?)],
            };
            sink(place, files)
        })
}

/// The tables the reports show, built once from an outcome and shared by every report kind
/// and every call of [`render_each`] (on a 50,000-task matrix, building them takes as long as
/// writing all six CSVs).
#[derive(Debug)]
pub struct Prepared<'a>(tables::Tables<'a>);

impl<'a> Prepared<'a> {
    pub fn new(o: &Outcome<'a>) -> Prepared<'a> {
        Prepared(tables::Tables::build(o))
    }
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
                "suggestions.csv",
                "summary.md",
                "report.json",
                "report.html",
                "report.xlsx"
            ]
        );
        let listed: Vec<&str> = CSV_FILES.iter().chain(&OTHER_FILES).copied().collect();
        assert_eq!(names(&files), listed);
    }

    #[test]
    fn json_place_is_the_json_kind() {
        assert!(matches!(KIND_ORDER[JSON_PLACE], Kind::Json));
    }

    #[test]
    fn written_json_is_the_rendered_json() {
        let f = fixture::Fixture::new();
        let mut written = Vec::new();
        write_json(&f.outcome(), &mut written).unwrap();
        assert_eq!(written, json_bytes(&f.outcome()));
        assert!(written.ends_with(b"}\n"));
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
