//! The few numbers a reader wants first (who works both sides, which duties nobody covers,
//! which tasks nobody owns) and the plain-words headline and console summary built from them.

use super::tables::side;
use super::text::{count, verb};
use crate::audit::Severity;
use crate::model::{Letter, Side};
use crate::outcome::Outcome;

/// The headline numbers of one outcome, counted from the matrix and the classification (facts
/// about the matrix, so they read the same whichever rules the user turned off).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Facts {
    /// Parties holding R or A on at least one PO-side task and one PM-side task.
    pub both_sides: Vec<usize>,
    pub uncovered_po: usize,
    pub uncovered_pm: usize,
    pub uncovered_shared: usize,
    pub no_accountable: usize,
    pub many_accountable: usize,
    pub no_responsible: usize,
    /// Tasks with no letters at all (R007); not counted again as missing A or R.
    pub unassigned: usize,
    pub unclassified: usize,
    pub unreadable_cells: usize,
    /// Tasks per side, in [`Side::ALL`] order.
    pub per_side: [usize; 4],
}

impl Facts {
    pub(crate) fn of(o: &Outcome) -> Facts {
        let m = o.matrix;
        let mut f = Facts {
            unreadable_cells: m.issues.len(),
            ..Facts::default()
        };
        // One pass over the letters, not one per party: on 50,000 tasks x 30 parties the
        // per-party scan looked each party up in every task's assignments.
        let mut owns_po = vec![false; m.parties.len()];
        let mut owns_pm = vec![false; m.parties.len()];
        for (i, t) in m.tasks.iter().enumerate() {
            let owns = match side(o, i) {
                Side::Po => &mut owns_po,
                Side::Pm => &mut owns_pm,
                Side::Shared | Side::Unclassified => continue,
            };
            for a in &t.assignments {
                if a.letters.owns() {
                    if let Some(seen) = owns.get_mut(a.party) {
                        *seen = true;
                    }
                }
            }
        }
        f.both_sides = (0..m.parties.len())
            .filter(|&p| owns_po[p] && owns_pm[p])
            .collect();
        for c in &o.audit.coverage {
            if c.covered() {
                continue;
            }
            match o.duty(&c.duty).map(|d| d.side) {
                Some(Side::Po) => f.uncovered_po += 1,
                Some(Side::Pm) => f.uncovered_pm += 1,
                Some(Side::Shared) => f.uncovered_shared += 1,
                Some(Side::Unclassified) | None => {}
            }
        }
        for (i, t) in m.tasks.iter().enumerate() {
            if t.assignments.iter().all(|a| a.letters.is_empty()) {
                f.unassigned += 1;
            } else {
                match t.count(Letter::A) {
                    0 => f.no_accountable += 1,
                    1 => {}
                    _ => f.many_accountable += 1,
                }
                if t.count(Letter::R) == 0 {
                    f.no_responsible += 1;
                }
            }
            let s = side(o, i);
            if s == Side::Unclassified {
                f.unclassified += 1;
            }
            f.per_side[Side::ALL.iter().position(|&x| x == s).unwrap_or(3)] += 1;
        }
        f
    }
}

/// One plain sentence on what matters most: people working both sides, duties nobody covers,
/// tasks nobody owns; or a positive sentence when there is none of that.
///
/// ```text
/// 2 people do both PO and PM work; 4 PM duties are not covered; 3 tasks have no Accountable.
/// ```
pub fn headline(o: &Outcome) -> String {
    headline_of(&Facts::of(o), o)
}

/// [`headline`] from facts already worked out (each report needs both).
pub(crate) fn headline_of(f: &Facts, o: &Outcome) -> String {
    let mut parts = Vec::new();
    let n = f.both_sides.len();
    if n > 0 {
        parts.push(format!(
            "{} {} both PO and PM work",
            count(n, "person", "people"),
            verb(n, "does", "do")
        ));
    }
    for (n, side) in [
        (f.uncovered_po, "PO"),
        (f.uncovered_pm, "PM"),
        (f.uncovered_shared, "shared"),
    ] {
        if n > 0 {
            parts.push(format!(
                "{} {} not covered",
                count(n, &format!("{side} duty"), &format!("{side} duties")),
                verb(n, "is", "are")
            ));
        }
    }
    for (n, what) in [
        (f.unassigned, "nobody assigned"),
        (f.no_accountable, "no Accountable"),
        (f.many_accountable, "more than one Accountable"),
        (f.no_responsible, "no Responsible"),
    ] {
        if n > 0 {
            parts.push(format!(
                "{} {} {what}",
                count(n, "task", "tasks"),
                verb(n, "has", "have")
            ));
        }
    }
    if f.unclassified > 0 {
        parts.push(format!(
            "{} could not be placed on the PO or PM side",
            count(f.unclassified, "task", "tasks")
        ));
    }
    if f.unreadable_cells > 0 {
        parts.push(format!(
            "{} could not be read",
            count(f.unreadable_cells, "cell", "cells")
        ));
    }
    // The layout counts them; a file of x marks says who is involved, not how.
    let marks = o.matrix.reading.marks_without_letters;
    if marks > 0 {
        parts.push(format!(
            "{} involvement with an x or a tick instead of a letter (give them one with \
             --x-means)",
            count(marks, "cell marks", "cells mark")
        ));
    }
    if parts.is_empty() {
        if o.matrix.tasks.is_empty() {
            return "The matrix has no tasks, so there is nothing to audit.".to_string();
        }
        return "No overlaps or gaps: nobody does both PO and PM work, every duty is covered, \
                and every task has one Accountable and a Responsible."
            .to_string();
    }
    format!("{}.", parts.join("; "))
}

/// A short text for the terminal: the headline, tasks per side, findings per severity and the
/// health score.
pub fn console_summary(o: &Outcome) -> String {
    let f = Facts::of(o);
    let m = o.matrix;
    let mut out = String::new();
    out.push_str(&headline_of(&f, o));
    out.push('\n');
    for note in m.reading.audit_notes(&m.source.file) {
        out.push_str(&note);
        out.push('\n');
    }
    let sides: Vec<String> = Side::ALL
        .iter()
        .zip(f.per_side)
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    out.push_str(&format!(
        "Tasks: {} ({}); parties: {}\n",
        m.tasks.len(),
        sides.join(", "),
        m.parties.len()
    ));
    let severities: Vec<String> = Severity::ALL
        .iter()
        .map(|&s| {
            let n = o.audit.count(s);
            match s {
                Severity::Error => count(n, "error", "errors"),
                Severity::Warning => count(n, "warning", "warnings"),
                Severity::Info => format!("{n} info"),
            }
        })
        .collect();
    out.push_str(&format!("Findings: {}\n", severities.join(", ")));
    out.push_str(&format!("Health: {}/100\n", o.audit.health));
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    #[test]
    fn headline_names_overlaps_and_gaps() {
        let f = Fixture::new();
        assert_eq!(
            headline(&f.outcome()),
            "1 person does both PO and PM work; 1 PO duty is not covered; \
             1 PM duty is not covered; 1 task has nobody assigned; 2 tasks have no Accountable; \
             2 tasks could not be placed on the PO or PM side; \
             1 cell could not be read."
        );
    }

    #[test]
    fn headline_is_positive_when_clean() {
        let mut f = Fixture::new();
        f.matrix.tasks.truncate(2);
        f.matrix.issues.clear();
        for t in &mut f.matrix.tasks {
            t.assignments.truncate(1);
        }
        f.audit.coverage.clear();
        let h = headline(&f.outcome());
        assert!(h.starts_with("No overlaps or gaps"), "{h}");
    }

    #[test]
    fn console_summary_has_counts_and_health() {
        let f = Fixture::new();
        let s = console_summary(&f.outcome());
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 4, "{s}");
        assert_eq!(
            lines[1],
            "Tasks: 8 (2 PO, 3 PM, 1 shared, 2 unclassified); parties: 4"
        );
        assert_eq!(lines[2], "Findings: 1 error, 5 warnings, 1 info");
        assert_eq!(lines[3], "Health: 64/100");
    }
}
