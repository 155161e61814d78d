//! The files of a diff: `diff.csv` (one row per change, formula-guarded like every CSV we
//! write) and `diff.md` (the headline, the numbers before and after, and each kind of change),
//! in memory.

use super::{Diff, Status};
use crate::audit::{Finding, Severity};
use crate::model::{LetterSet, Matrix, Pos};
use crate::outcome::Outcome;
use crate::report::escape_markdown as md;
use std::fmt::Write;

/// The columns of `diff.csv`.
pub const COLUMNS: [&str; 11] = [
    "change", "task", "group", "party", "before", "after", "code", "severity", "old_cell",
    "new_cell", "detail",
];

/// How many rows of one kind `diff.md` lists before pointing to `diff.csv`.
pub const MAX_LISTED: usize = 50;

/// The two audits compared and their diff, with what every writer reads.
#[derive(Debug, Clone, Copy)]
pub struct DiffView<'a> {
    pub old: &'a Outcome<'a>,
    pub new: &'a Outcome<'a>,
    pub diff: &'a Diff,
}

fn source(m: &Matrix) -> String {
    match &m.source.sheet {
        Some(sheet) => format!("{} [{}]", m.source.file, sheet),
        None => m.source.file.clone(),
    }
}

fn cell(m: &Matrix, pos: Option<Pos>) -> String {
    pos.map(|p| m.cell_ref(p)).unwrap_or_default()
}

/// The cell of a party's letters on a task, if it holds any.
fn letters_pos(m: &Matrix, task: usize, party: Option<usize>) -> Option<Pos> {
    let party = party?;
    m.tasks[task]
        .assignments
        .iter()
        .find(|a| a.party == party)
        .map(|a| a.pos)
}

impl<'a> DiffView<'a> {
    fn party_name(&self, p: usize) -> &'a str {
        let pm = self.diff.parties[p];
        match (pm.new, pm.old) {
            (Some(n), _) => &self.new.matrix.parties[n].name,
            (None, Some(o)) => &self.old.matrix.parties[o].name,
            (None, None) => "",
        }
    }

    fn finding_of(
        &self,
        status: Status,
        old: Option<usize>,
        new: Option<usize>,
    ) -> (&'a Outcome<'a>, &'a Finding) {
        match (status, old, new) {
            (Status::Fixed, Some(i), _) | (_, Some(i), None) => {
                (self.old, &self.old.audit.findings[i])
            }
            (_, _, Some(j)) => (self.new, &self.new.audit.findings[j]),
            _ => unreachable!("a finding change names at least one finding"),
        }
    }

    /// `diff.csv`: the health, then tasks added, removed and renamed, parties added and
    /// removed, sides changed, letters changed, and findings fixed, new and still there.
    pub fn csv(&self, bom: bool) -> Vec<u8> {
        let mut rows: Vec<[String; 11]> = Vec::new();
        let row = |change: &str| -> [String; 11] {
            let mut r: [String; 11] = Default::default();
            r[0] = change.to_string();
            r
        };
        let (o, n, d) = (self.old.matrix, self.new.matrix, self.diff);
        let mut r = row("health");
        r[4] = d.health_before.to_string();
        r[5] = d.health_after.to_string();
        rows.push(r);
        for &j in &d.added {
            let t = &n.tasks[j];
            let mut r = row("task-added");
            r[1] = t.name.clone();
            r[2] = t.group.clone().unwrap_or_default();
            r[9] = n.cell_ref(t.pos);
            rows.push(r);
        }
        for &i in &d.removed {
            let t = &o.tasks[i];
            let mut r = row("task-removed");
            r[1] = t.name.clone();
            r[2] = t.group.clone().unwrap_or_default();
            r[8] = o.cell_ref(t.pos);
            rows.push(r);
        }
        for m in d.renamed() {
            let (a, b) = (&o.tasks[m.old], &n.tasks[m.new]);
            let mut r = row("task-renamed");
            r[1] = b.name.clone();
            r[2] = b.group.clone().unwrap_or_default();
            r[4] = a.name.clone();
            r[5] = b.name.clone();
            r[8] = o.cell_ref(a.pos);
            r[9] = n.cell_ref(b.pos);
            r[10] = "same letters, new name".to_string();
            rows.push(r);
        }
        for m in d.moved() {
            let (a, b) = (&o.tasks[m.old], &n.tasks[m.new]);
            let mut r = row("task-moved");
            r[1] = b.name.clone();
            r[2] = b.group.clone().unwrap_or_default();
            r[4] = a.group.clone().unwrap_or_default();
            r[5] = b.group.clone().unwrap_or_default();
            r[8] = o.cell_ref(a.pos);
            r[9] = n.cell_ref(b.pos);
            r[10] = "same name, another group".to_string();
            rows.push(r);
        }
        for p in d.parties_added() {
            let mut r = row("party-added");
            r[3] = n.parties[p].name.clone();
            r[9] = n.cell_ref(n.parties[p].pos);
            rows.push(r);
        }
        for p in d.parties_removed() {
            let mut r = row("party-removed");
            r[3] = o.parties[p].name.clone();
            r[8] = o.cell_ref(o.parties[p].pos);
            rows.push(r);
        }
        for s in &d.sides {
            let t = &n.tasks[d.tasks[s.task].new];
            let mut r = row("side-changed");
            r[1] = t.name.clone();
            r[2] = t.group.clone().unwrap_or_default();
            r[4] = s.before.as_str().to_string();
            r[5] = s.after.as_str().to_string();
            rows.push(r);
        }
        for l in &d.letters {
            let m = d.tasks[l.task];
            let t = &n.tasks[m.new];
            let pm = d.parties[l.party];
            let mut r = row("letters-changed");
            r[1] = t.name.clone();
            r[2] = t.group.clone().unwrap_or_default();
            r[3] = self.party_name(l.party).to_string();
            r[4] = l.before.to_string();
            r[5] = l.after.to_string();
            r[8] = cell(o, letters_pos(o, m.old, pm.old));
            r[9] = cell(n, letters_pos(n, m.new, pm.new));
            rows.push(r);
        }
        for status in [Status::Fixed, Status::New, Status::Still] {
            for c in d.findings.iter().filter(|c| c.status == status) {
                let (side, f) = self.finding_of(status, c.old, c.new);
                let m = side.matrix;
                let mut r = row(match status {
                    Status::Fixed => "finding-fixed",
                    Status::New => "finding-new",
                    Status::Still => "finding-still",
                });
                r[1] = f
                    .task
                    .and_then(|t| m.tasks.get(t))
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                r[2] = f
                    .task
                    .and_then(|t| m.tasks.get(t))
                    .and_then(|t| t.group.clone())
                    .unwrap_or_default();
                r[3] = f
                    .party
                    .and_then(|p| m.parties.get(p))
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                r[6] = f.code.to_string();
                r[7] = f.severity.as_str().to_string();
                if let Some(i) = c.old {
                    r[8] = cell(o, self.old.audit.findings[i].pos);
                }
                if let Some(j) = c.new {
                    r[9] = cell(n, self.new.audit.findings[j].pos);
                }
                r[10] = f.message.clone();
                rows.push(r);
            }
        }
        crate::report::csv_rows(&COLUMNS, rows, bom)
    }

    fn finding_line(&self, status: Status, old: Option<usize>, new: Option<usize>) -> String {
        let (side, f) = self.finding_of(status, old, new);
        let mut line = format!("- **{}** {} `{}`", f.severity, f.code, f.name);
        if let Some(p) = f.pos {
            let _ = write!(line, " at {}", md(&side.matrix.cell_ref(p)));
        }
        let _ = write!(line, ": {}", md(&f.message));
        line
    }

    /// `diff.md`: the headline, a before-and-after table, and each kind of change, at most
    /// [`MAX_LISTED`] lines of each (all of them are in `diff.csv`). `chart` is the file name
    /// of the chart beside it, if one was drawn.
    pub fn markdown(&self, chart: Option<&str>) -> String {
        let (o, n, d) = (self.old, self.new, self.diff);
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# RACI diff: {} -> {}\n",
            md(&source(o.matrix)),
            md(&source(n.matrix))
        );
        let _ = writeln!(s, "**{}**\n", md(&d.headline()));
        s.push_str("| | before | after |\n|---|---:|---:|\n");
        let rows: [(&str, usize, usize); 6] = [
            ("health", d.health_before as usize, d.health_after as usize),
            ("tasks", o.matrix.tasks.len(), n.matrix.tasks.len()),
            ("parties", o.matrix.parties.len(), n.matrix.parties.len()),
            (
                "errors",
                o.audit.count(Severity::Error),
                n.audit.count(Severity::Error),
            ),
            (
                "warnings",
                o.audit.count(Severity::Warning),
                n.audit.count(Severity::Warning),
            ),
            (
                "info",
                o.audit.count(Severity::Info),
                n.audit.count(Severity::Info),
            ),
        ];
        for (what, before, after) in rows {
            let _ = writeln!(s, "| {what} | {before} | {after} |");
        }
        s.push('\n');
        let renamed = d.renamed().count();
        let _ = writeln!(
            s,
            "- Findings: {} fixed, {} new, {} still there.",
            d.count(Status::Fixed),
            d.count(Status::New),
            d.count(Status::Still)
        );
        let _ = writeln!(
            s,
            "- Tasks: {} added, {} removed, {renamed} renamed, {} moved group, {} changed side; {} changed letters.",
            d.added.len(),
            d.removed.len(),
            d.moved().count(),
            d.sides.len(),
            match d.letters.len() {
                1 => "1 cell".to_string(),
                n => format!("{n} cells"),
            }
        );
        let _ = writeln!(
            s,
            "- Parties: {} added, {} removed.\n",
            d.parties_added().count(),
            d.parties_removed().count()
        );

        for (status, title) in [
            (Status::Fixed, "Findings fixed"),
            (Status::New, "New findings"),
            (Status::Still, "Findings still there"),
        ] {
            let lines: Vec<String> = d
                .findings
                .iter()
                .filter(|c| c.status == status)
                .map(|c| self.finding_line(status, c.old, c.new))
                .collect();
            section(&mut s, title, lines);
        }
        let names = |m: &Matrix, list: &mut dyn Iterator<Item = usize>| -> Vec<String> {
            list.map(|t| format!("- {}", md(&m.tasks[t].name)))
                .collect()
        };
        section(
            &mut s,
            "Tasks added",
            names(n.matrix, &mut d.added.iter().copied()),
        );
        section(
            &mut s,
            "Tasks removed",
            names(o.matrix, &mut d.removed.iter().copied()),
        );
        section(
            &mut s,
            "Tasks renamed",
            d.renamed()
                .map(|m| {
                    format!(
                        "- {} -> {}",
                        md(&o.matrix.tasks[m.old].name),
                        md(&n.matrix.tasks[m.new].name)
                    )
                })
                .collect(),
        );
        let group = |g: &Option<String>| match g {
            Some(g) => md(g),
            None => "(no group)".to_string(),
        };
        section(
            &mut s,
            "Tasks moved to another group",
            d.moved()
                .map(|m| {
                    format!(
                        "- {}: {} -> {}",
                        md(&n.matrix.tasks[m.new].name),
                        group(&o.matrix.tasks[m.old].group),
                        group(&n.matrix.tasks[m.new].group)
                    )
                })
                .collect(),
        );
        section(
            &mut s,
            "Parties added",
            d.parties_added()
                .map(|p| format!("- {}", md(&n.matrix.parties[p].name)))
                .collect(),
        );
        section(
            &mut s,
            "Parties removed",
            d.parties_removed()
                .map(|p| format!("- {}", md(&o.matrix.parties[p].name)))
                .collect(),
        );
        section(
            &mut s,
            "Tasks that changed side",
            d.sides
                .iter()
                .map(|c| {
                    format!(
                        "- {}: {} -> {}",
                        md(&n.matrix.tasks[d.tasks[c.task].new].name),
                        c.before,
                        c.after
                    )
                })
                .collect(),
        );
        section(
            &mut s,
            "Letters changed",
            d.letters
                .iter()
                .map(|l| {
                    format!(
                        "- {}, {}: {} -> {}",
                        md(&n.matrix.tasks[d.tasks[l.task].new].name),
                        md(self.party_name(l.party)),
                        shown(l.before),
                        shown(l.after)
                    )
                })
                .collect(),
        );
        if let Some(chart) = chart {
            let _ = writeln!(
                s,
                "## Chart\n\n![Findings by family, before and after](<{chart}>)\n"
            );
        }
        s.push_str(
            "`diff.csv` has every change, one per row: `change` says which kind (health, \
             task-added, task-removed, task-renamed, task-moved, party-added, party-removed, side-changed, \
             letters-changed, finding-fixed, finding-new, finding-still).\n",
        );
        s
    }
}

/// A cell's letters, or `(none)` for a blank one.
fn shown(l: LetterSet) -> String {
    if l.is_empty() {
        "(none)".to_string()
    } else {
        l.to_string()
    }
}

/// A `##` section with its count and at most [`MAX_LISTED`] lines; nothing when empty.
fn section(s: &mut String, title: &str, lines: Vec<String>) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(s, "## {title} ({})\n", lines.len());
    for line in lines.iter().take(MAX_LISTED) {
        let _ = writeln!(s, "{line}");
    }
    if lines.len() > MAX_LISTED {
        let _ = writeln!(s, "- and {} more in diff.csv.", lines.len() - MAX_LISTED);
    }
    s.push('\n');
}
