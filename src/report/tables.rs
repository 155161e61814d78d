//! The report tables (tasks, parties, findings, overlaps, gaps, coverage) built once from an
//! outcome as plain rows; the CSV, HTML, Markdown and XLSX writers only escape and lay them out.

use crate::audit::{Finding, PartyStats};
use crate::classify::Classification;
use crate::model::{Letter, Matrix, Side};
use crate::outcome::Outcome;
use std::borrow::Cow;

/// One cell of a report table. Numbers stay numbers so the XLSX can sort and filter them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Int(u64),
    /// Shown with two decimals (`0.85`).
    Decimal2(f64),
}

impl Cell {
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Decimal2(x) => Cow::Owned(format!("{x:.2}")),
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Cell::Int(n as u64)
    }
}

/// A table as every format shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// `tasks`: the CSV stem and the HTML id.
    pub key: &'static str,
    /// `Tasks`: the heading and XLSX sheet name.
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The index of a column by header.
    #[cfg(test)]
    pub(crate) fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| *h == header)
    }
}

/// All report tables of one outcome.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tables {
    pub tasks: Table,
    pub parties: Table,
    pub findings: Table,
    pub overlaps: Table,
    pub gaps: Table,
    pub coverage: Table,
}

impl Tables {
    pub(crate) fn build(o: &Outcome) -> Tables {
        Tables {
            tasks: tasks(o),
            parties: parties(o),
            findings: findings(o),
            overlaps: overlaps(o),
            gaps: gaps(o),
            coverage: coverage(o),
        }
    }

    /// In the order of [`super::CSV_FILES`].
    pub(crate) fn in_csv_order(&self) -> [&Table; 6] {
        [
            &self.tasks,
            &self.parties,
            &self.findings,
            &self.overlaps,
            &self.gaps,
            &self.coverage,
        ]
    }
}

/// Findings that describe the same work done on both sides: the `O` family (overlaps) and the
/// two "mixed hats" rules M001 and M002.
pub(crate) fn is_overlap(code: &str) -> bool {
    code.starts_with('O') || code == "M001" || code == "M002"
}

/// Findings about work nobody does or nobody owns: the `G` family (uncovered duties, unclassified
/// tasks) and the task-level gaps R001 (no Accountable), R003 (no Responsible) and R007
/// (nobody assigned).
pub(crate) fn is_gap(code: &str) -> bool {
    code.starts_with('G') || matches!(code, "R001" | "R003" | "R007")
}

/// Whether the task and party tables need `support`/`verify` columns: when the scheme has S or V
/// letters, or any cell holds one (so a holder is never dropped).
pub(crate) fn has_support_or_verify(m: &Matrix) -> bool {
    let in_scheme = m
        .scheme
        .letters
        .iter()
        .any(|l| l.counts_as.contains(Letter::S) || l.counts_as.contains(Letter::V));
    in_scheme
        || m.tasks.iter().any(|t| {
            t.assignments
                .iter()
                .any(|a| a.letters.contains(Letter::S) || a.letters.contains(Letter::V))
        })
}

/// The name of task `i`, or a placeholder that says which index was not found.
pub(crate) fn task_name(o: &Outcome, i: usize) -> String {
    o.matrix
        .tasks
        .get(i)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| format!("(task #{} not in matrix)", i + 1))
}

pub(crate) fn party_name(o: &Outcome, p: usize) -> String {
    o.matrix
        .parties
        .get(p)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| format!("(party #{} not in matrix)", p + 1))
}

pub(crate) fn class<'a>(o: &Outcome<'a>, i: usize) -> Option<&'a Classification> {
    o.classes.get(i)
}

/// The side of task `i` (unclassified when the classifier gave no answer for it).
pub(crate) fn side(o: &Outcome, i: usize) -> Side {
    class(o, i).map(|c| c.side).unwrap_or(Side::Unclassified)
}

/// The cell a finding points at; falls back to its task's name cell, then its party's header.
pub(crate) fn finding_cell(o: &Outcome, f: &Finding) -> String {
    let pos = f
        .pos
        .or_else(|| f.task.and_then(|t| o.matrix.tasks.get(t)).map(|t| t.pos))
        .or_else(|| f.party.and_then(|p| o.matrix.parties.get(p)).map(|p| p.pos));
    pos.map(|p| o.matrix.cell_ref(p)).unwrap_or_default()
}

/// The audit's counts for party `p`, or the same counts taken from the matrix when the audit
/// gave none for it, so the parties table never shows invented zeros.
pub(crate) fn party_stats(o: &Outcome, p: usize) -> PartyStats {
    if let Some(s) = o.audit.parties.get(p) {
        return s.clone();
    }
    let mut s = PartyStats::default();
    for (i, task) in o.matrix.tasks.iter().enumerate() {
        let letters = task.letters_of(p);
        for (letter, n) in [
            (Letter::R, &mut s.r),
            (Letter::A, &mut s.a),
            (Letter::C, &mut s.c),
            (Letter::I, &mut s.i),
            (Letter::S, &mut s.s),
            (Letter::V, &mut s.v),
        ] {
            if letters.contains(letter) {
                *n += 1;
            }
        }
        if letters.owns() {
            match side(o, i) {
                Side::Po => s.po_side_ra += 1,
                Side::Pm => s.pm_side_ra += 1,
                Side::Shared => s.shared_ra += 1,
                Side::Unclassified => s.unclassified_ra += 1,
            }
        }
    }
    s
}

/// For each task, the codes of the findings about it (its own, and overlaps that list it),
/// each once, in finding order. One pass over the findings, so large matrices stay fast.
pub(crate) fn finding_codes_per_task(o: &Outcome) -> Vec<Vec<&'static str>> {
    let mut codes: Vec<Vec<&'static str>> = vec![Vec::new(); o.matrix.tasks.len()];
    for f in &o.audit.findings {
        for &t in f.task.iter().chain(&f.related_tasks) {
            if let Some(list) = codes.get_mut(t) {
                if !list.contains(&f.code) {
                    list.push(f.code);
                }
            }
        }
    }
    codes
}

fn join(names: impl IntoIterator<Item = String>) -> String {
    names.into_iter().collect::<Vec<_>>().join("; ")
}

fn holders(o: &Outcome, task: usize, letter: Letter) -> String {
    let t = &o.matrix.tasks[task];
    join(t.parties_with(letter).map(|p| party_name(o, p)))
}

fn opt(text: Option<&str>) -> Cell {
    Cell::Text(text.unwrap_or_default().to_string())
}

fn tasks(o: &Outcome) -> Table {
    let sv = has_support_or_verify(o.matrix);
    let mut headers = vec![
        "task",
        "group",
        "side",
        "duty",
        "confidence",
        "responsible",
        "accountable",
        "consulted",
        "informed",
        "cell",
        "findings",
    ];
    if sv {
        headers.extend(["support", "verify"]);
    }
    // A `context` column (the deliverable beside an activity) only when the matrix has one,
    // so the header stays exactly the documented one otherwise.
    let ctx = o.matrix.tasks.iter().any(|t| t.context.is_some());
    if ctx {
        headers.push("context");
    }
    let codes = finding_codes_per_task(o);
    let rows = o
        .matrix
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let c = class(o, i);
            let mut row = vec![
                Cell::from(t.name.as_str()),
                opt(t.group.as_deref()),
                Cell::from(side(o, i).as_str()),
                opt(c.and_then(|c| c.duty.as_deref())),
                Cell::Decimal2(c.map(|c| c.confidence).unwrap_or(0.0)),
                Cell::from(holders(o, i, Letter::R)),
                Cell::from(holders(o, i, Letter::A)),
                Cell::from(holders(o, i, Letter::C)),
                Cell::from(holders(o, i, Letter::I)),
                Cell::from(o.matrix.cell_ref(t.pos)),
                Cell::from(codes[i].join("; ")),
            ];
            if sv {
                row.push(Cell::from(holders(o, i, Letter::S)));
                row.push(Cell::from(holders(o, i, Letter::V)));
            }
            if ctx {
                row.push(opt(t.context.as_deref()));
            }
            row
        })
        .collect();
    Table {
        key: "tasks",
        title: "Tasks",
        headers,
        rows,
    }
}

fn parties(o: &Outcome) -> Table {
    let sv = has_support_or_verify(o.matrix);
    let mut headers = vec![
        "party",
        "title",
        "title_side",
        "r",
        "a",
        "c",
        "i",
        "po_side_ra",
        "pm_side_ra",
        "shared_ra",
    ];
    if sv {
        headers.extend(["s", "v"]);
    }
    let rows = o
        .matrix
        .parties
        .iter()
        .enumerate()
        .map(|(p, party)| {
            let s = party_stats(o, p);
            let mut row = vec![
                Cell::from(party.name.as_str()),
                opt(party.title.as_deref()),
                opt(party.title_side.map(|t| t.as_str())),
                Cell::from(s.r),
                Cell::from(s.a),
                Cell::from(s.c),
                Cell::from(s.i),
                Cell::from(s.po_side_ra),
                Cell::from(s.pm_side_ra),
                Cell::from(s.shared_ra),
            ];
            if sv {
                row.push(Cell::from(s.s));
                row.push(Cell::from(s.v));
            }
            row
        })
        .collect();
    Table {
        key: "parties",
        title: "Parties",
        headers,
        rows,
    }
}

fn findings(o: &Outcome) -> Table {
    let rows = o
        .audit
        .findings
        .iter()
        .map(|f| {
            vec![
                Cell::from(f.code),
                Cell::from(f.name),
                Cell::from(f.severity.as_str()),
                Cell::from(f.task.map(|t| task_name(o, t)).unwrap_or_default()),
                Cell::from(f.party.map(|p| party_name(o, p)).unwrap_or_default()),
                opt(f.duty.as_deref()),
                Cell::from(finding_cell(o, f)),
                Cell::from(f.message.as_str()),
            ]
        })
        .collect();
    Table {
        key: "findings",
        title: "Findings",
        headers: vec![
            "code", "name", "severity", "task", "party", "duty", "cell", "message",
        ],
        rows,
    }
}

fn overlaps(o: &Outcome) -> Table {
    let rows = o
        .audit
        .findings
        .iter()
        .filter(|f| is_overlap(f.code))
        .map(|f| {
            let on = |want: &dyn Fn(Side) -> bool| {
                join(
                    f.related_tasks
                        .iter()
                        .filter(|&&t| want(side(o, t)))
                        .map(|&t| task_name(o, t)),
                )
            };
            vec![
                Cell::from(f.code),
                Cell::from(f.severity.as_str()),
                Cell::from(f.party.map(|p| party_name(o, p)).unwrap_or_default()),
                Cell::from(f.task.map(|t| task_name(o, t)).unwrap_or_default()),
                Cell::from(on(&|s| s == Side::Po)),
                Cell::from(on(&|s| s == Side::Pm)),
                Cell::from(on(&|s| s == Side::Shared || s == Side::Unclassified)),
                Cell::from(finding_cell(o, f)),
                Cell::from(f.message.as_str()),
            ]
        })
        .collect();
    Table {
        key: "overlaps",
        title: "Overlaps",
        headers: vec![
            "code",
            "severity",
            "party",
            "task",
            "po_side_tasks",
            "pm_side_tasks",
            "other_tasks",
            "cell",
            "message",
        ],
        rows,
    }
}

/// The side a gap is on: its duty's side, else its task's.
pub(crate) fn gap_side(o: &Outcome, f: &Finding) -> Option<Side> {
    f.duty
        .as_deref()
        .and_then(|d| o.duty(d))
        .map(|d| d.side)
        .or_else(|| f.task.map(|t| side(o, t)))
}

fn gaps(o: &Outcome) -> Table {
    let rows = o
        .audit
        .findings
        .iter()
        .filter(|f| is_gap(f.code))
        .map(|f| {
            let duty_text = f
                .duty
                .as_deref()
                .and_then(|d| o.duty(d))
                .map(|d| d.text.clone())
                .unwrap_or_default();
            vec![
                Cell::from(f.code),
                Cell::from(f.severity.as_str()),
                opt(gap_side(o, f).map(|s| s.as_str())),
                opt(f.duty.as_deref()),
                Cell::from(duty_text),
                Cell::from(f.task.map(|t| task_name(o, t)).unwrap_or_default()),
                Cell::from(finding_cell(o, f)),
                Cell::from(f.message.as_str()),
            ]
        })
        .collect();
    Table {
        key: "gaps",
        title: "Gaps",
        headers: vec![
            "code", "severity", "side", "duty_id", "duty", "task", "cell", "message",
        ],
        rows,
    }
}

fn coverage(o: &Outcome) -> Table {
    let rows = o
        .audit
        .coverage
        .iter()
        .map(|c| {
            let duty = o.duty(&c.duty);
            vec![
                Cell::from(c.duty.as_str()),
                opt(duty.map(|d| d.side.as_str())),
                opt(duty.map(|d| d.text.as_str())),
                Cell::from(if c.covered() { "yes" } else { "no" }),
                Cell::from(join(c.tasks.iter().map(|&t| task_name(o, t)))),
                Cell::from(join(c.owners.iter().map(|&p| party_name(o, p)))),
            ]
        })
        .collect();
    Table {
        key: "coverage",
        title: "Coverage",
        headers: vec!["duty_id", "side", "duty", "covered", "tasks", "owners"],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    fn col<'a>(t: &'a Table, row: usize, header: &str) -> Cow<'a, str> {
        t.rows[row][t.column(header).unwrap()].text()
    }

    #[test]
    fn every_task_and_party_has_a_row() {
        let f = Fixture::new();
        let t = Tables::build(&f.outcome());
        assert_eq!(t.tasks.rows.len(), f.matrix.tasks.len());
        assert_eq!(t.parties.rows.len(), f.matrix.parties.len());
        for (row, task) in t.tasks.rows.iter().zip(&f.matrix.tasks) {
            assert_eq!(row[0].text(), task.name);
        }
    }

    #[test]
    fn task_rows_name_holders_per_letter() {
        let f = Fixture::new();
        let t = Tables::build(&f.outcome());
        assert_eq!(
            col(&t.tasks, 0, "responsible"),
            "Maria (Product Owner); Dev Team"
        );
        assert_eq!(col(&t.tasks, 0, "accountable"), "Maria (Product Owner)");
        assert_eq!(col(&t.tasks, 0, "cell"), "team.xlsx[RACI]!A3");
        assert_eq!(col(&t.tasks, 0, "confidence"), "0.92");
        assert_eq!(col(&t.tasks, 2, "findings"), "R001; O001");
    }

    #[test]
    fn overlaps_split_related_tasks_by_side() {
        let f = Fixture::new();
        let t = Tables::build(&f.outcome());
        assert_eq!(t.overlaps.rows.len(), 1);
        assert_eq!(
            col(&t.overlaps, 0, "po_side_tasks"),
            "Set sprint priorities; Write user stories"
        );
        assert_eq!(
            col(&t.overlaps, 0, "pm_side_tasks"),
            "Define product vision"
        );
        assert_eq!(col(&t.overlaps, 0, "party"), "Maria (Product Owner)");
    }

    #[test]
    fn gaps_carry_their_side() {
        let f = Fixture::new();
        let t = Tables::build(&f.outcome());
        let sides: Vec<_> = (0..t.gaps.rows.len())
            .map(|r| (col(&t.gaps, r, "code"), col(&t.gaps, r, "side")))
            .collect();
        assert!(sides.contains(&("G002".into(), "PM".into())), "{sides:?}");
        assert!(sides.contains(&("R001".into(), "PM".into())), "{sides:?}");
    }

    #[test]
    fn support_columns_only_with_support_letters() {
        let mut f = Fixture::new();
        assert!(!Tables::build(&f.outcome())
            .tasks
            .headers
            .contains(&"support"));
        f.matrix.tasks[1].assignments[0].letters = crate::model::LetterSet::of(&[Letter::S]);
        let t = Tables::build(&f.outcome());
        assert_eq!(t.tasks.headers.last(), Some(&"verify"));
        assert_eq!(col(&t.tasks, 1, "support"), "Maria (Product Owner)");
        assert_eq!(t.parties.headers[10..], ["s", "v"]);
    }

    #[test]
    fn missing_party_stats_are_counted_from_the_matrix() {
        let mut f = Fixture::new();
        let want = party_stats(&f.outcome(), 0);
        f.audit.parties.clear();
        assert_eq!(party_stats(&f.outcome(), 0), want);
    }
}
