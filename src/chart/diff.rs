//! `diff.png`: findings by rule family before and after, one pair of bars per family, coloured
//! by severity (the same colours as `findings.png`).

use super::bars::{Bar, BarChart, Segment};
use super::canvas::{self, plural};
use super::style::{self, INK};
use crate::audit::{Finding, Severity, RULES};

/// The families of the rule table, in its order, with the words the reports use for them.
fn family_name(family: char) -> String {
    let what = match family {
        'R' => "per task",
        'P' => "per party",
        'O' => "overlaps",
        'G' => "gaps",
        'M' => "titles against sides",
        'D' => "data",
        _ => "rules",
    };
    format!("{family} {what}")
}

/// Findings of one family by severity: error, warning, info.
pub type Counts = [usize; 3];

/// One family's findings before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyCounts {
    pub family: char,
    pub before: Counts,
    pub after: Counts,
}

/// The numbers behind `diff.png`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffChartData {
    /// Families with findings in either audit, in the rule table's order.
    pub families: Vec<FamilyCounts>,
    pub fixed: usize,
    pub new: usize,
}

fn slot(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Counts `old` and `new` findings by family and severity; `fixed` and `new_count` go into
/// the title.
pub fn diff_data(
    old: &[Finding],
    new: &[Finding],
    fixed: usize,
    new_count: usize,
) -> DiffChartData {
    let order = family_order(old.iter().chain(new).map(|f| f.code));
    let family_of = |f: &Finding| f.code.chars().next().unwrap_or('?');
    let count = |findings: &[Finding], family: char| {
        let mut c = [0; 3];
        for f in findings.iter().filter(|f| family_of(f) == family) {
            c[slot(f.severity)] += 1;
        }
        c
    };
    let families = order
        .into_iter()
        .map(|family| FamilyCounts {
            family,
            before: count(old, family),
            after: count(new, family),
        })
        .filter(|f| f.before != [0; 3] || f.after != [0; 3])
        .collect();
    DiffChartData {
        families,
        fixed,
        new: new_count,
    }
}

/// Several diffs' numbers added up (the roll-up of two folders), families in the rule
/// table's order.
pub fn merge<'a>(parts: impl Iterator<Item = &'a DiffChartData>) -> DiffChartData {
    let mut out = diff_data(&[], &[], 0, 0);
    let mut all: Vec<FamilyCounts> = Vec::new();
    for part in parts {
        out.fixed += part.fixed;
        out.new += part.new;
        for f in &part.families {
            match all.iter_mut().find(|a| a.family == f.family) {
                Some(a) => {
                    for k in 0..3 {
                        a.before[k] += f.before[k];
                        a.after[k] += f.after[k];
                    }
                }
                None => all.push(f.clone()),
            }
        }
    }
    let order = family_order(std::iter::empty());
    all.sort_by_key(|f| {
        order
            .iter()
            .position(|&c| c == f.family)
            .unwrap_or(usize::MAX)
    });
    out.families = all;
    out
}

/// The families of the rule table in its order, then any others `codes` start with.
fn family_order<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<char> {
    let mut order: Vec<char> = Vec::new();
    for code in RULES.iter().map(|r| r.code).chain(codes) {
        let family = code.chars().next().unwrap_or('?');
        if !order.contains(&family) {
            order.push(family);
        }
    }
    order
}

impl DiffChartData {
    pub fn totals(&self) -> (usize, usize) {
        let sum = |c: &Counts| c.iter().sum::<usize>();
        (
            self.families.iter().map(|f| sum(&f.before)).sum(),
            self.families.iter().map(|f| sum(&f.after)).sum(),
        )
    }

    pub fn headline(&self) -> String {
        let (before, after) = self.totals();
        format!(
            "{} before, {after} after: {} fixed, {} new",
            plural(before, "finding", "findings"),
            self.fixed,
            self.new
        )
    }

    pub fn chart(&self) -> BarChart {
        let mut bars = Vec::new();
        for f in &self.families {
            for (when, counts) in [("before", f.before), ("after", f.after)] {
                let total: usize = counts.iter().sum();
                bars.push(Bar {
                    label: format!("{}, {when}", family_name(f.family)),
                    bold: when == "after",
                    segments: Severity::ALL
                        .iter()
                        .map(|&s| Segment {
                            value: counts[slot(s)] as f64,
                            color: style::severity_color(s),
                            ink: INK,
                        })
                        .collect(),
                    tag: None,
                    note: plural(total, "finding", "findings"),
                });
            }
        }
        BarChart {
            headline: self.headline(),
            subtitle: "Findings per rule family in the old file (before) and the new one (after), by severity."
                .to_string(),
            legend: Severity::ALL
                .iter()
                .map(|&s| (style::severity_color(s), None, s.as_str().to_string()))
                .collect(),
            bars,
            lines: Vec::new(),
            axis: "findings".to_string(),
            footnote: String::new(),
        }
    }
}

/// `diff.png` as PNG bytes: the same bar chart, font and palette as `findings.png`, or the
/// "nothing to show" panel when neither audit raised a finding.
pub fn render(data: &DiffChartData) -> crate::Result<Vec<u8>> {
    let chart = data.chart();
    if data.families.is_empty() {
        let (w, h) = canvas::EMPTY_SIZE;
        return canvas::render_png("diff.png", canvas::EMPTY_SIZE, |a| {
            canvas::nothing_to_show(
                a,
                (w as i32, h as i32),
                &chart.headline,
                &chart.subtitle,
                "Nothing to show: neither audit raised a finding.",
            )
        });
    }
    canvas::render_png("diff.png", super::bars::bar_chart_size(&chart), |a| {
        super::bars::draw_bar_chart(a, &chart)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::finding;

    #[test]
    fn counts_each_family_before_and_after() {
        let old = vec![
            finding("R001", "missing-accountable", Severity::Error),
            finding("R003", "missing-responsible", Severity::Warning),
            finding("G001", "uncovered-duty", Severity::Warning),
        ];
        let new = vec![finding("D001", "unknown-letter", Severity::Warning)];
        let d = diff_data(&old, &new, 3, 1);
        let fams: Vec<(char, Counts, Counts)> = d
            .families
            .iter()
            .map(|f| (f.family, f.before, f.after))
            .collect();
        assert_eq!(
            fams,
            [
                ('R', [1, 1, 0], [0, 0, 0]),
                ('G', [0, 1, 0], [0, 0, 0]),
                ('D', [0, 0, 0], [0, 1, 0])
            ]
        );
        assert_eq!(d.headline(), "3 findings before, 1 after: 3 fixed, 1 new");
        let c = d.chart();
        assert_eq!(c.bars.len(), 6);
        assert_eq!(c.bars[0].label, "R per task, before");
        assert_eq!(c.bars[1].label, "R per task, after");
    }

    #[test]
    fn renders_the_same_bytes_twice_and_an_empty_panel() {
        let old = vec![finding("R001", "missing-accountable", Severity::Error)];
        let d = diff_data(&old, &[], 1, 0);
        let a = render(&d).unwrap();
        assert_eq!(a, render(&d).unwrap());
        assert!(a.starts_with(b"\x89PNG"));
        let empty = render(&diff_data(&[], &[], 0, 0)).unwrap();
        assert!(empty.starts_with(b"\x89PNG"));
    }

    #[test]
    fn merged_diffs_add_up_in_family_order() {
        let g = vec![finding("G001", "uncovered-duty", Severity::Warning)];
        let r = vec![finding("R001", "missing-accountable", Severity::Error)];
        let a = diff_data(&g, &[], 1, 0);
        let b = diff_data(&r, &r, 0, 0);
        let m = merge([&a, &b, &a].into_iter());
        let fams: Vec<(char, Counts, Counts)> = m
            .families
            .iter()
            .map(|f| (f.family, f.before, f.after))
            .collect();
        assert_eq!(
            fams,
            [('R', [1, 0, 0], [1, 0, 0]), ('G', [0, 2, 0], [0, 0, 0])]
        );
        assert_eq!((m.fixed, m.new), (2, 0));
    }
}
