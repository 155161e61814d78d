//! `summary.md`: the headline, the numbers at a glance, the most important findings, the
//! charts, and a line on how to read each file, for a reader who opens one file only.

use super::facts::{headline_of, Facts};
use super::registry::{self, Context, Source};
use super::tables::{finding_cell, task_name_ref};
use super::text::{chart_caption, count, markdown as md};
use crate::audit::{Finding, Severity};
use crate::model::Side;
use crate::outcome::Outcome;
use std::fmt::Write;

/// How many findings the summary lists before pointing to the full list.
pub(crate) const MAX_FINDINGS: usize = 15;

fn finding_line(o: &Outcome, f: &Finding) -> String {
    let mut line = format!("- **{}** {} `{}`", f.severity, f.code, f.name);
    let cell = finding_cell(o, f);
    if !cell.is_empty() {
        let _ = write!(line, " at {}", md(&cell));
    } else if let Some(t) = f.task {
        let _ = write!(line, " on task {}", md(&task_name_ref(o, t)));
    }
    let _ = write!(line, ": {}", md(&f.message));
    line
}

pub(crate) fn render(c: &Context) -> String {
    let (o, tables, charts) = (c.outcome, c.tables, c.charts);
    let outputs = &c.opts.outputs;
    let m = o.matrix;
    let facts = Facts::of(o);
    let mut s = String::new();
    let source = match &m.source.sheet {
        Some(sheet) => format!("{} [{}]", m.source.file, sheet),
        None => m.source.file.clone(),
    };
    let _ = writeln!(s, "# RACI audit: {}\n", md(&source));
    let _ = writeln!(s, "**{}**\n", md(&headline_of(&facts, o)));
    // The layout was close between two readings: say so before any number is trusted.
    for note in m.reading.audit_notes(&m.source.file) {
        let _ = writeln!(s, "> {}\n", md(&note));
    }

    s.push_str("## At a glance\n\n");
    s.push_str("| Side | Tasks |\n|---|---:|\n");
    for (side, n) in Side::ALL.iter().zip(facts.per_side) {
        let _ = writeln!(s, "| {side} | {n} |");
    }
    let _ = writeln!(s, "| all | {} |\n", m.tasks.len());
    let _ = writeln!(
        s,
        "- Health score: **{}/100** (higher is better).",
        o.audit.health
    );
    let _ = writeln!(
        s,
        "- Findings: {}, {}, {} info.",
        count(o.audit.count(Severity::Error), "error", "errors"),
        count(o.audit.count(Severity::Warning), "warning", "warnings"),
        o.audit.count(Severity::Info)
    );
    let _ = writeln!(
        s,
        "- {}, {} and {}.\n",
        count(m.parties.len(), "party", "parties"),
        count(tables.overlaps.rows.len(), "overlap", "overlaps"),
        count(tables.gaps.rows.len(), "gap", "gaps")
    );

    s.push_str("## Most important findings\n\n");
    if o.audit.findings.is_empty() {
        s.push_str("No findings.\n\n");
    } else {
        // Errors, then warnings, then info; within a severity the audit's order.
        let mut ordered: Vec<&Finding> = o.audit.findings.iter().collect();
        ordered.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in ordered.iter().take(MAX_FINDINGS) {
            s.push_str(&finding_line(o, f));
            s.push('\n');
        }
        let rest = ordered.len().saturating_sub(MAX_FINDINGS);
        if rest > 0 {
            // Where the full list is, in the order a reader would rather open it.
            let full = [
                ("findings.csv", outputs.wants(&registry::CSV)),
                ("report.html", outputs.wants(&registry::HTML)),
                ("report.xlsx", outputs.wants(&registry::XLSX)),
                ("report.json", outputs.wants(&registry::JSON)),
            ]
            .into_iter()
            .find(|(_, on)| *on)
            .map(|(name, _)| format!(" in {name}"))
            .unwrap_or_default();
            let _ = writeln!(s, "- and {rest} more{full}.");
        }
        s.push('\n');
    }

    s.push_str(&super::suggestions::markdown(
        o,
        outputs.wants(&registry::CSV),
    ));

    if !charts.is_empty() {
        s.push_str("## Charts\n\n");
        for (name, _) in charts {
            let (title, guide) = chart_caption(name);
            let _ = writeln!(
                s,
                "![{}](<{}>)\n\n*{}: {}.*\n",
                md(&title),
                name.replace('>', "%3E"),
                md(&title),
                guide
            );
        }
    }

    s.push_str("## How to read these files\n\n");
    for kind in c.opts.registry.kinds() {
        if let (Source::Files(files), true) = (kind.source, outputs.wants(kind)) {
            for file in files {
                let _ = writeln!(s, "- `{}`: {}", file.name, file.guide);
            }
        }
    }
    for (name, _) in charts {
        let (title, guide) = chart_caption(name);
        let _ = writeln!(s, "- `{}`: {} chart, {guide}.", md(name), md(&title));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::super::tables::Tables;
    use super::*;
    use crate::audit::Finding;

    fn page(f: &Fixture, charts: &[(String, Vec<u8>)]) -> String {
        let o = f.outcome();
        let opts = super::super::ReportOptions::default();
        render(&Context {
            outcome: &o,
            tables: &Tables::build(&o),
            charts,
            opts: &opts,
        })
    }

    #[test]
    fn has_headline_counts_and_findings() {
        let f = Fixture::new();
        let s = page(&f, &[]);
        assert!(s.starts_with("# RACI audit: team.xlsx \\[RACI\\]\n"), "{s}");
        assert!(s.contains("**1 person does both PO and PM work;"));
        assert!(s.contains("| PM | 3 |"));
        assert!(s.contains("Health score: **64/100**"));
        assert!(s.contains("- **error** R001 `missing-accountable` at team.xlsx\\[RACI\\]\\!A5"));
        assert!(!s.contains("## Charts"));
        assert!(!s.contains("more in findings.csv"));
    }

    #[test]
    fn long_lists_are_capped() {
        let mut f = Fixture::new();
        let extra = f.audit.findings[6].clone();
        for _ in 0..20 {
            f.audit.findings.push(Finding { ..extra.clone() });
        }
        let s = page(&f, &[]);
        let listed = s.lines().filter(|l| l.starts_with("- **")).count();
        assert_eq!(listed, MAX_FINDINGS);
        assert!(s.contains("- and 12 more in findings.csv."), "{s}");
    }

    #[test]
    fn errors_come_first() {
        let mut f = Fixture::new();
        f.audit.findings.reverse();
        let s = page(&f, &[]);
        let first = s.lines().find(|l| l.starts_with("- **")).unwrap();
        assert!(first.starts_with("- **error** R001"), "{first}");
    }

    #[test]
    fn links_only_charts_present() {
        let f = Fixture::new();
        let s = page(&f, &[("overlap.png".into(), vec![1])]);
        assert!(s.contains("![Overlap](<overlap.png>)"));
        assert!(!s.contains("gaps.png"));
    }
}
