//! `report.html`: one page (inline CSS, charts as `data:` URIs, no script, no network) with the
//! headline, health, charts and every table, readable on a laptop and in print.
//!
//! A chart drawn over several pages (`matrix-1.png`, `matrix-2.png`, ...) has its first page
//! inlined and the others shown from the files beside the page when the run writes the chart
//! files ([`Pages::FirstInline`]): inlined as base64, a 50,000-task matrix's ten pages made the
//! page 18-22 MB, most of the folder's repetition. Without the chart files (`--only html`), and
//! in `raci serve`'s own frame, every page is inlined ([`Pages::AllInline`]).

use super::facts::{headline_of, Facts};
use super::tables::{Cell, Table, Tables};
use super::text::{chart_caption, count, html as esc, html_into};
use crate::audit::Severity;
use crate::chart;
use crate::model::Side;
use crate::outcome::Outcome;
use base64::Engine;
use std::fmt::Write;

const STYLE: &str = r#"
:root { --po: #0072B2; --pm: #E69F00; --shared: #CC79A7; --none: #999999; --ink: #1b1b1b; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); margin: 0; background: #fafafa; line-height: 1.45; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #e4e4e4; padding-bottom: .2rem; }
.headline { font-size: 1.15rem; font-weight: 600; background: #f3f6fa; border-left: 6px solid var(--po);
  padding: .7rem 1rem; margin: 1rem 0; }
.reading-note { background: #fff8e6; border-left: 6px solid var(--pm); padding: .6rem 1rem;
  margin: 1rem 0; }
.glance { display: flex; flex-wrap: wrap; gap: 12px; margin: 1rem 0; }
.stat { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .9rem; min-width: 110px; }
.stat b { display: block; font-size: 1.5rem; }
.stat.health b { color: var(--po); }
.stat.side-PO { border-top: 5px solid var(--po); }
.stat.side-PM { border-top: 5px solid var(--pm); }
.stat.side-shared { border-top: 5px solid var(--shared); }
.stat.side-unclassified { border-top: 5px solid var(--none); }
figure { margin: 1rem 0 1.5rem; }
figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
figcaption { font-size: .9rem; color: #555; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0 1rem; }
th, td { border: 1px solid #d9d9d9; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td { white-space: pre-line; overflow-wrap: anywhere; }
th { background: #eef0f3; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.empty { color: #777; font-style: italic; }
p.capped { font-size: .9rem; background: #fff8e1; border-left: 4px solid var(--pm); padding: .3rem .6rem; }
.sev-error { background: #f8d7d3; font-weight: 600; }
.sev-warning { background: #fdebd0; }
.sev-info { background: #e8f1fa; }
.side-PO { box-shadow: inset 5px 0 0 var(--po); }
.side-PM { box-shadow: inset 5px 0 0 var(--pm); }
.side-shared { box-shadow: inset 5px 0 0 var(--shared); }
.side-unclassified { box-shadow: inset 5px 0 0 var(--none); }
.covered-no { background: #f8d7d3; }
nav a { margin-right: .8rem; }
footer { margin-top: 2rem; font-size: .85rem; color: #666; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  th { position: static; }
  thead { display: table-header-group; }
  tr, figure, .stat { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; }
  .sev-error, .sev-warning, .sev-info, .covered-no, th {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// How many rows each HTML table shows at most. A page with 50,000 task rows is tens of
/// megabytes that a browser renders slowly and nobody scrolls through; the CSV (and the XLSX
/// sheet) beside it has every row, and the note under the heading says so.
pub(crate) const MAX_HTML_ROWS: usize = 500;

/// What a column's values can colour: severities, sides and uncovered duties stand out.
#[derive(Clone, Copy)]
enum Colour {
    Severity,
    Side,
    Covered,
    Plain,
}

impl Colour {
    fn of(header: &str) -> Colour {
        match header {
            "severity" => Colour::Severity,
            "side" => Colour::Side,
            "covered" => Colour::Covered,
            _ => Colour::Plain,
        }
    }

    /// The CSS class of a text cell in this column; only known values map to a class.
    fn class(self, value: &str) -> Option<&'static str> {
        match self {
            Colour::Severity => Severity::parse(value).map(|s| match s {
                Severity::Error => "sev-error",
                Severity::Warning => "sev-warning",
                Severity::Info => "sev-info",
            }),
            Colour::Side => Side::parse(value).map(|s| match s {
                Side::Po => "side-PO",
                Side::Pm => "side-PM",
                Side::Shared => "side-shared",
                Side::Unclassified => "side-unclassified",
            }),
            Colour::Covered if value == "no" => Some("covered-no"),
            Colour::Covered | Colour::Plain => None,
        }
    }
}

/// One table section. `order` says how the rows are ordered, for the note shown when the
/// table has more than [`MAX_HTML_ROWS`] rows.
fn table(out: &mut String, t: &Table, intro: &str, order: &str) {
    let n = t.rows.len();
    let _ = writeln!(
        out,
        "<section id=\"{key}\">\n<h2>{title} <small>({n})</small></h2>\n<p>{intro}</p>",
        key = t.key,
        title = t.title,
    );
    if n > MAX_HTML_ROWS {
        let _ = writeln!(
            out,
            "<p class=\"capped\">Showing the first {MAX_HTML_ROWS} of {n} rows, {order}. \
             <code>{key}.csv</code> (and the {title} sheet of <code>report.xlsx</code>) \
             has all {n}.</p>",
            key = t.key,
            title = t.title,
        );
    }
    let _ = writeln!(
        out,
        "<div class=\"table-wrap\"><table id=\"{key}-table\">\n<thead><tr>",
        key = t.key
    );
    for h in &t.headers {
        out.push_str("<th scope=\"col\">");
        html_into(out, &h.replace('_', " "));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if t.rows.is_empty() {
        let _ = writeln!(
            out,
            "<tr><td class=\"empty\" colspan=\"{}\">None.</td></tr>",
            t.headers.len()
        );
    }
    let colours: Vec<Colour> = t.headers.iter().map(|h| Colour::of(h)).collect();
    for row in t.rows.iter().take(MAX_HTML_ROWS) {
        out.push_str("<tr>");
        for (colour, cell) in colours.iter().zip(row.iter()) {
            match cell {
                Cell::Text(text) => {
                    match colour.class(text) {
                        Some(c) => {
                            let _ = write!(out, "<td class=\"{c}\">");
                        }
                        None => out.push_str("<td>"),
                    }
                    html_into(out, text);
                }
                // Numbers need no escaping.
                _ => {
                    out.push_str("<td class=\"num\">");
                    cell.push_text(out);
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// How findings, overlaps and gaps are ordered (the audit sorts them).
const FINDING_ORDER: &str =
    "errors first, then warnings, then info, each by position in the matrix";

/// The report page in pieces, so another page (`raci serve`) can show the same audit inside
/// its own frame without a second renderer. `report.html` is these parts joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlParts {
    /// `RACI audit: <file> [<sheet>]`, escaped, for `<title>` and `<h1>`.
    pub title: String,
    /// The stylesheet the content expects (without `<style>` tags).
    pub style: &'static str,
    /// Everything inside `<main>` after the `<h1>`: navigation, headline, figures, charts,
    /// tables and footer.
    pub content: String,
}

/// How the page shows the pages of a chart drawn over several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Every page inlined as a `data:` URI: nothing stands beside the page.
    AllInline,
    /// The first page inlined, the later ones shown from the files of those names beside the
    /// page.
    FirstInline,
}

#[cfg(test)]
pub(crate) fn render(o: &Outcome, tables: &Tables, charts: &[(String, Vec<u8>)]) -> String {
    let mut out = Vec::new();
    // Writing into a Vec does not fail.
    let _ = write(o, tables, charts, Pages::FirstInline, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the page into `out`: its head, then the content as [`parts`] builds it, each
/// section as soon as it is made. On 50,000 tasks the content is some 22 MB, most of it the
/// inlined charts: built whole in one string first, that string had doubled to 44 MB by the
/// last table, at the run's peak.
pub(crate) fn write(
    o: &Outcome,
    tables: &Tables,
    charts: &[(String, Vec<u8>)],
    pages: Pages,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let title = title(o);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>"
    )?;
    writeln!(out, "<h1>{title}</h1>")?;
    content(o, tables, charts, pages, out)?;
    out.write_all(b"</main>\n</body>\n</html>\n")
}

/// `RACI audit: <file> [<sheet>]`, escaped.
fn title(o: &Outcome) -> String {
    let m = o.matrix;
    let source = match &m.source.sheet {
        Some(sheet) => format!("{} [{}]", m.source.file, sheet),
        None => m.source.file.clone(),
    };
    format!("RACI audit: {}", esc(&source))
}

pub(crate) fn parts(
    o: &Outcome,
    tables: &Tables,
    charts: &[(String, Vec<u8>)],
    pages: Pages,
) -> HtmlParts {
    let mut bytes = Vec::new();
    // Writing into a Vec does not fail, and the content is built from strings.
    let _ = content(o, tables, charts, pages, &mut bytes);
    HtmlParts {
        title: title(o),
        style: STYLE,
        content: String::from_utf8(bytes).unwrap_or_default(),
    }
}

/// Hands what `s` holds to `out` and empties it, keeping its room for the next section.
fn flush(s: &mut String, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(s.as_bytes())?;
    s.clear();
    Ok(())
}

/// Everything inside `<main>` after the `<h1>`, written to `out` a section at a time.
fn content(
    o: &Outcome,
    tables: &Tables,
    charts: &[(String, Vec<u8>)],
    pages: Pages,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let m = o.matrix;
    let facts = Facts::of(o);
    // Room for the largest chart, base64-encoded: the charts are most of the page.
    let chart_bytes = charts.iter().map(|(_, png)| png.len()).max().unwrap_or(0);
    let mut s = String::with_capacity(chart_bytes / 3 * 4 + 64 * 1024);
    s.push_str("<nav>");
    if !charts.is_empty() {
        s.push_str("<a href=\"#charts\">Charts</a>");
    }
    for t in [
        &tables.overlaps,
        &tables.gaps,
        &tables.findings,
        &tables.coverage,
        &tables.tasks,
        &tables.parties,
    ] {
        let _ = write!(s, "<a href=\"#{}\">{}</a>", t.key, t.title);
        if t.key == "findings" && !o.suggestions.is_empty() {
            s.push_str("<a href=\"#suggestions\">Suggested fixes</a>");
        }
    }
    s.push_str("</nav>\n");
    let _ = writeln!(
        s,
        "<p class=\"headline\">{}</p>",
        esc(&headline_of(&facts, o))
    );
    // The layout was close between two readings (or left a RACI table out): said before any
    // number, as in the console output and summary.md.
    for note in m.reading.audit_notes(&m.source.file) {
        let _ = writeln!(s, "<p class=\"reading-note\">{}</p>", esc(&note));
    }

    s.push_str("<div class=\"glance\">\n");
    let _ = writeln!(
        s,
        "<div class=\"stat health\"><b>{}/100</b>health score</div>",
        o.audit.health
    );
    for (side, n) in Side::ALL.iter().zip(facts.per_side) {
        let _ = writeln!(
            s,
            "<div class=\"stat side-{side}\"><b>{n}</b>{side} {}</div>",
            if n == 1 { "task" } else { "tasks" }
        );
    }
    let _ = writeln!(
        s,
        "<div class=\"stat\"><b>{}</b>{}</div>",
        m.parties.len(),
        if m.parties.len() == 1 {
            "party"
        } else {
            "parties"
        }
    );
    for sev in Severity::ALL {
        let n = o.audit.count(sev);
        let label = match sev {
            Severity::Error => count(n, "error", "errors"),
            Severity::Warning => count(n, "warning", "warnings"),
            Severity::Info => format!("{n} info"),
        };
        let word = label.split_once(' ').map(|(_, w)| w).unwrap_or("");
        let _ = writeln!(
            s,
            "<div class=\"stat sev-{}\"><b>{n}</b>{word}</div>",
            sev.as_str()
        );
    }
    s.push_str("</div>\n");

    if !charts.is_empty() {
        s.push_str("<section id=\"charts\">\n<h2>Charts</h2>\n");
        for (name, png) in charts {
            let (title, guide) = chart_caption(name);
            let _ = write!(s, "<figure><img alt=\"{t} chart\" src=\"", t = esc(&title));
            if pages == Pages::FirstInline && chart::matrix::later_page(name) {
                // The file beside the page; a link too, for a viewer that shows no image.
                let _ = writeln!(
                    s,
                    "{n}\"><figcaption><b>{t}</b> (<a href=\"{n}\">{n}</a>, beside this \
                     page): {guide}.</figcaption></figure>",
                    t = esc(&title),
                    n = esc(name),
                );
                continue;
            }
            s.push_str("data:image/png;base64,");
            base64::engine::general_purpose::STANDARD.encode_string(png, &mut s);
            let _ = writeln!(
                s,
                "\"><figcaption><b>{t}</b> ({n}): {guide}.</figcaption></figure>",
                t = esc(&title),
                n = esc(name),
            );
            flush(&mut s, out)?;
        }
        s.push_str("</section>\n");
    }
    flush(&mut s, out)?;

    table(
        &mut s,
        &tables.overlaps,
        "Work done on both sides: the party, and the PO-side and PM-side tasks involved.",
        FINDING_ORDER,
    );
    flush(&mut s, out)?;
    table(
        &mut s,
        &tables.gaps,
        "Work nobody does or owns: uncovered duties, tasks without an Accountable or \
         Responsible, unassigned and unclassified tasks.",
        FINDING_ORDER,
    );
    flush(&mut s, out)?;
    table(
        &mut s,
        &tables.findings,
        "Every finding, errors first. <code>raci rules CODE</code> explains a rule.",
        FINDING_ORDER,
    );
    flush(&mut s, out)?;
    super::suggestions::html(o, &mut s);
    table(
        &mut s,
        &tables.coverage,
        "Each duty of the taxonomy: covered or not, by which tasks, owned by whom.",
        "in the order of the taxonomy",
    );
    flush(&mut s, out)?;
    table(
        &mut s,
        &tables.tasks,
        "Every task: its side, duty, classifier confidence and who holds each letter.",
        "in matrix order",
    );
    flush(&mut s, out)?;
    table(
        &mut s,
        &tables.parties,
        "Every party: letters held and R/A on each side.",
        "in matrix order",
    );
    let _ = writeln!(
        s,
        "<footer>Letters read as {}. Generated by raci-audit.</footer>",
        esc(&m.scheme.describe())
    );
    flush(&mut s, out)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    fn page(f: &Fixture, charts: &[(String, Vec<u8>)]) -> String {
        let o = f.outcome();
        render(&o, &Tables::build(&o), charts)
    }

    #[test]
    fn a_charts_later_pages_are_shown_from_the_files_beside_the_page() {
        let f = Fixture::new();
        let png = vec![0x89, b'P', b'N', b'G'];
        let charts: Vec<(String, Vec<u8>)> =
            ["matrix-1.png", "matrix-2.png", "matrix-10.png", "gaps.png"]
                .iter()
                .map(|n| (n.to_string(), png.clone()))
                .collect();
        let p = page(&f, &charts);
        assert_eq!(
            p.matches("src=\"data:image/png;base64,iVBORw==\"").count(),
            2
        );
        for later in ["matrix-2.png", "matrix-10.png"] {
            assert!(p.contains(&format!("src=\"{later}\">")), "{later}");
            assert!(
                p.contains(&format!("<a href=\"{later}\">{later}</a>")),
                "{later}"
            );
        }
        // With no files beside it (the server's frame, `--only html`): every page inlined.
        let o = f.outcome();
        let all = parts(&o, &Tables::build(&o), &charts, Pages::AllInline).content;
        assert_eq!(all.matches("src=\"data:image/png;base64,").count(), 4);
        assert!(!all.contains("src=\"matrix-2.png\""));
        // Only the names the chart stage writes are pages.
        assert!(
            !chart::matrix::later_page("matrix.png") && !chart::matrix::later_page("matrix-1.png")
        );
        assert!(
            !chart::matrix::later_page("matrix-02.png")
                && chart::matrix::later_page("matrix-3.png")
        );
        assert!(
            !chart::matrix::later_page("co-ownership.png")
                && !chart::matrix::later_page("matrix-11.png")
        );
    }

    #[test]
    fn complete_with_its_style_and_charts_inline() {
        let f = Fixture::new();
        let p = page(&f, &[("gaps.png".into(), vec![0x89, b'P', b'N', b'G'])]);
        assert!(!p.contains("<script"));
        assert!(!p.contains("http:") && !p.contains("https:"));
        assert!(p.contains("src=\"data:image/png;base64,iVBORw==\""));
        for id in [
            "overlaps", "gaps", "findings", "coverage", "tasks", "parties",
        ] {
            assert!(p.contains(&format!("<table id=\"{id}-table\">")), "{id}");
        }
        assert!(p.contains("@media print"));
        assert!(p.trim_end().ends_with("</html>"));
    }

    #[test]
    fn an_unsure_reading_is_said_under_the_headline() {
        let f = Fixture::new();
        let plain = page(&f, &[]);
        assert!(!plain.contains("reading-note\">"), "no note when sure");
        let mut f = Fixture::new();
        f.matrix.reading.chosen = "wide 0.50 (A1:C3)".into();
        f.matrix.reading.runner_up = Some("transposed 0.48 (A1:C3)".into());
        f.matrix.reading.unsure = true;
        let unsure = page(&f, &[]);
        let note = unsure
            .split("<p class=\"reading-note\">")
            .nth(1)
            .expect("the note is on the page");
        assert!(note.starts_with("The reading of this file is unsure: wide 0.50 (A1:C3) was chosen over transposed 0.48 (A1:C3)."), "{note}");
        assert!(note.contains("raci inspect"), "{note}");
        assert!(
            unsure.find("reading-note\">").unwrap() > unsure.find("class=\"headline\"").unwrap()
        );
    }

    #[test]
    fn input_text_is_escaped() {
        let mut f = Fixture::new();
        f.matrix.tasks[0].name = "<script>alert(1)</script> & \"x\"".into();
        let p = page(&f, &[]);
        assert!(!p.contains("<script"));
        assert!(p.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    }

    #[test]
    fn empty_tables_say_none() {
        let mut f = Fixture::new();
        f.audit.findings.clear();
        let p = page(&f, &[]);
        assert!(p.contains("<td class=\"empty\" colspan=\"10\">None.</td>"));
    }

    #[test]
    fn long_tables_show_500_rows_and_say_where_the_rest_is() {
        let mut f = Fixture::new();
        let template = f.matrix.tasks[0].clone();
        for k in 0..1200 {
            f.matrix.tasks.push(crate::model::Task {
                name: format!("Extra task {k}"),
                ..template.clone()
            });
            f.classes.push(f.classes[0].clone());
        }
        let total = f.matrix.tasks.len();
        let p = page(&f, &[]);
        let start = p.find("<section id=\"tasks\">").unwrap();
        let end = start + p[start..].find("</section>").unwrap();
        let section = &p[start..end];
        assert_eq!(section.matches("<tr>").count(), 1 + MAX_HTML_ROWS);
        assert!(
            section.contains(&format!("<small>({total})</small>")),
            "{section}"
        );
        assert!(
            section.contains(&format!(
                "Showing the first 500 of {total} rows, in matrix order. \
                 <code>tasks.csv</code> (and the Tasks sheet of <code>report.xlsx</code>) \
                 has all {total}."
            )),
            "{section}"
        );
        // Row 500 is shown, row 501 is not.
        assert!(section.contains("Extra task 491<"));
        assert!(!section.contains("Extra task 492<"));
        // Short tables carry no note.
        assert_eq!(p.matches("class=\"capped\"").count(), 1);
    }
}
