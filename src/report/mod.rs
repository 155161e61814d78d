//! Report writers (CSV, Markdown, JSON, HTML, XLSX): each renders an [`Outcome`] in memory to
//! `(file name, bytes)`; `pipeline` writes them to disk atomically, so nothing here
//! touches the file system.
//!
//! Every table a report shows is built once in `tables` from the outcome, then each format
//! only escapes and lays it out. That keeps the CSVs, the HTML and the XLSX saying the same
//! thing row for row.

pub(crate) mod csv_out;
mod facts;
mod html;
mod json;
mod markdown;
mod message;
pub mod registry;
mod suggestions;
mod tables;
pub mod text;
mod xlsx;

pub use csv_out::text_rows as csv_rows;
pub use facts::{console_summary, headline};
pub use html::HtmlParts;
pub use json::{bytes as json_bytes, json, write as write_json, SCHEMA_VERSION};
use rayon::prelude::*;
pub use registry::{Outputs, Registry};
pub use text::{escape_formula, html as escape_html, markdown as escape_markdown};

use crate::outcome::Outcome;
use registry::{Context, Render, Source};

/// What to render and how.
/// The default writes every kind of the built-in registry, without a BOM.
#[derive(Debug, Clone, Default)]
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
    /// The kinds there are.
    pub registry: Registry,
}

/// Renders every report kind enabled in `opts.outputs` (the charts excepted: they are the
/// chart stage's), in the registry's order: the seven CSVs (`tasks`, `parties`, `findings`,
/// `overlaps`, `gaps`, `coverage`, `suggestions`), `summary.md`, `report.json`,
/// `report.html`, `report.xlsx`.
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
        &|_| true,
        &|place, name, body| {
            done.push(place, (name.to_string(), body.into_bytes()?));
            Ok(())
        },
    )?;
    Ok(done.into_vec())
}

/// One rendered file as [`render_each`] hands it to its sink.
pub enum Body<'r> {
    Bytes(Vec<u8>),
    /// Written as it is produced, into whatever the sink gives it.
    Stream(&'r (dyn Fn(&mut (dyn std::io::Write + Send)) -> std::io::Result<()> + Sync)),
}

/// The error of a [`Body::Stream`] writing to `path`: a renderer's own error, carried inside
/// the `io::Error` (report.xlsx's workbook could not be built), comes out as itself; any other
/// is a write error of `path`.
pub(crate) fn stream_error(source: std::io::Error, path: &std::path::Path) -> crate::Error {
    source
        .downcast::<crate::Error>()
        .unwrap_or_else(|source| crate::Error::Write {
            path: path.to_path_buf(),
            source,
        })
}

impl Body<'_> {
    /// The file's bytes in memory.
    pub fn into_bytes(self) -> crate::Result<Vec<u8>> {
        match self {
            Body::Bytes(bytes) => Ok(bytes),
            Body::Stream(write) => {
                let mut bytes = Vec::new();
                // Writing into a Vec fails only when the renderer itself does.
                write(&mut bytes).map_err(|source| stream_error(source, "-".as_ref()))?;
                Ok(bytes)
            }
        }
    }
}

impl std::fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Body::Stream(_) => f.write_str("Stream"),
        }
    }
}

/// Where [`render_each`] hands each file: its kind's place in the registry, its name, its
/// bytes.
pub type Sink<'s> = dyn Fn(usize, &str, Body<'_>) -> crate::Result<()> + Sync + 's;

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
/// hands each file to `sink` as soon as it is rendered, in whatever order the kinds finish,
/// with its kind's place in the registry (the files of one kind come in their order). A caller
/// can render some kinds before the charts exist and the rest after, and write each file out
/// and let it go: on a big matrix the finished reports held until the last one was done were a
/// third of the memory the audit needed.
pub fn render_each<'a>(
    o: &Outcome<'a>,
    prepared: &Prepared<'a>,
    charts: &[(String, Vec<u8>)],
    opts: &ReportOptions,
    part: &(dyn Fn(&registry::ReportKind) -> bool + Sync),
    sink: &Sink,
) -> crate::Result<()> {
    let ctx = Context {
        outcome: o,
        tables: &prepared.0,
        charts,
        opts,
    };
    // Each kind is independent of the others: render them in parallel (report.xlsx alone is
    // a third of a large audit).
    opts.registry
        .kinds()
        .par_iter()
        .enumerate()
        .filter(|(_, kind)| part(kind) && opts.outputs.wants(kind))
        .try_for_each(|(place, kind)| {
            let Source::Files(files) = kind.source else {
                return Ok(());
            };
            files.iter().try_for_each(|file| match file.render {
                Render::Bytes(render) => sink(place, file.name, Body::Bytes(render(&ctx)?)),
                Render::Stream(render) => {
                    sink(place, file.name, Body::Stream(&|w| render(&ctx, w)))
                }
            })
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
/// for a page that shows the audit in its own frame (`raci serve`), with every chart page
/// inlined: such a page has no files beside it.
pub fn html_parts(o: &Outcome, charts: &[(String, Vec<u8>)]) -> HtmlParts {
    html::parts(o, &tables::Tables::build(o), charts, html::Pages::AllInline)
}

/// A report file: its name and bytes.
pub type NamedFile = (String, Vec<u8>);

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
        files.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn a_renderers_own_error_comes_out_of_the_stream_as_itself() {
        let own = crate::Error::TempDir {
            file: "report.xlsx",
            dir: "/nowhere".into(),
            source: std::io::Error::other("gone"),
        };
        let got = stream_error(std::io::Error::other(own), "out/report.xlsx".as_ref());
        assert!(
            matches!(
                got,
                crate::Error::TempDir {
                    file: "report.xlsx",
                    ..
                }
            ),
            "{got:?}"
        );
        let disk = std::io::Error::new(std::io::ErrorKind::StorageFull, "full");
        match stream_error(disk, "out/report.json".as_ref()) {
            crate::Error::Write { path, source } => {
                assert_eq!(path, std::path::Path::new("out/report.json"));
                assert_eq!(source.kind(), std::io::ErrorKind::StorageFull);
            }
            other => panic!("{other:?}"),
        }
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
        let mut listed = Registry::default().file_names();
        listed.retain(|n| !n.ends_with(".png"));
        assert_eq!(names(&files), listed);
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
        let registry = Registry::default();
        let opts = ReportOptions {
            excel_csv: false,
            outputs: registry.parse_only(&["png", "json", "md"]).unwrap(),
            registry,
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
