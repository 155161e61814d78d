//! `report.html`: one self-contained page (inline CSS, charts as `data:` URIs, no script, no
//! network) with the headline, health, charts and every table, readable on a laptop and in
//! print.

use super::facts::{headline, Facts};
use super::tables::{Table, Tables};
use super::text::{chart_caption, count, html as esc};
use crate::audit::Severity;
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

/// The CSS class a cell gets from its column and value, so severities, sides and uncovered
/// duties stand out; only known values map to a class.
fn class_for(header: &str, value: &str) -> Option<&'static str> {
    match header {
        "severity" => Severity::parse(value).map(|s| match s {
            Severity::Error => "sev-error",
            Severity::Warning => "sev-warning",
            Severity::Info => "sev-info",
        }),
        "side" => Side::parse(value).map(|s| match s {
            Side::Po => "side-PO",
            Side::Pm => "side-PM",
            Side::Shared => "side-shared",
            Side::Unclassified => "side-unclassified",
        }),
        "covered" if value == "no" => Some("covered-no"),
        _ => None,
    }
}

fn table(out: &mut String, t: &Table, intro: &str) {
    let _ = writeln!(
        out,
        "<section id=\"{key}\">\n<h2>{title} <small>({n})</small></h2>\n<p>{intro}</p>\n\
         <div class=\"table-wrap\"><table id=\"{key}-table\">\n<thead><tr>",
        key = t.key,
        title = t.title,
        n = t.rows.len(),
    );
    for h in &t.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&h.replace('_', " ")));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if t.rows.is_empty() {
        let _ = writeln!(
            out,
            "<tr><td class=\"empty\" colspan=\"{}\">None.</td></tr>",
            t.headers.len()
        );
    }
    for row in &t.rows {
        out.push_str("<tr>");
        for (h, cell) in t.headers.iter().zip(row) {
            let text = cell.text();
            let class = match cell {
                super::tables::Cell::Text(_) => class_for(h, &text),
                _ => Some("num"),
            };
            match class {
                Some(c) => {
                    let _ = write!(out, "<td class=\"{c}\">{}</td>", esc(&text));
                }
                None => {
                    let _ = write!(out, "<td>{}</td>", esc(&text));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

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

pub(crate) fn render(o: &Outcome, tables: &Tables, charts: &[(String, Vec<u8>)]) -> String {
    let p = parts(o, tables, charts);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        t = p.title
    );
    let _ = writeln!(s, "<h1>{}</h1>", p.title);
    s.push_str(&p.content);
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

pub(crate) fn parts(o: &Outcome, tables: &Tables, charts: &[(String, Vec<u8>)]) -> HtmlParts {
    let m = o.matrix;
    let facts = Facts::of(o);
    let source = match &m.source.sheet {
        Some(sheet) => format!("{} [{}]", m.source.file, sheet),
        None => m.source.file.clone(),
    };
    let mut s = String::new();
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
    }
    s.push_str("</nav>\n");
    let _ = writeln!(s, "<p class=\"headline\">{}</p>", esc(&headline(o)));

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
            let data = base64::engine::general_purpose::STANDARD.encode(png);
            let _ = writeln!(
                s,
                "<figure><img alt=\"{t} chart\" src=\"data:image/png;base64,{data}\">\
                 <figcaption><b>{t}</b> ({n}): {guide}.</figcaption></figure>",
                t = esc(&title),
                n = esc(name),
            );
        }
        s.push_str("</section>\n");
    }

    table(
        &mut s,
        &tables.overlaps,
        "Work done on both sides: the party, and the PO-side and PM-side tasks involved.",
    );
    table(
        &mut s,
        &tables.gaps,
        "Work nobody does or owns: uncovered duties, tasks without an Accountable or \
         Responsible, unassigned and unclassified tasks.",
    );
    table(
        &mut s,
        &tables.findings,
        "Every finding, errors first. <code>raci rules CODE</code> explains a rule.",
    );
    table(
        &mut s,
        &tables.coverage,
        "Each duty of the taxonomy: covered or not, by which tasks, owned by whom.",
    );
    table(
        &mut s,
        &tables.tasks,
        "Every task: its side, duty, classifier confidence and who holds each letter.",
    );
    table(
        &mut s,
        &tables.parties,
        "Every party: letters held and R/A on each side.",
    );
    let _ = writeln!(
        s,
        "<footer>Letters read as {}. Generated by raci-audit.</footer>",
        esc(&m.scheme.describe())
    );
    HtmlParts {
        title: format!("RACI audit: {}", esc(&source)),
        style: STYLE,
        content: s,
    }
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
    fn self_contained_and_complete() {
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
}
