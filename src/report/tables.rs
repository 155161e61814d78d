//! The report tables (tasks, parties, findings, overlaps, gaps, coverage) built once from an
//! outcome as plain rows; the CSV, HTML, Markdown and XLSX writers only escape and lay them out.

use crate::audit::{Audit, Finding, Kind, PartyStats};
use crate::classify::Classification;
use crate::model::{Letter, Matrix, Pos, Side};
use crate::outcome::Outcome;
use std::borrow::Cow;

/// One cell of a report table. Numbers stay numbers so the XLSX can sort and filter them.
///
/// Text borrows from the outcome where it can (task and party names, messages): a 50,000-task
/// matrix gives some 900,000 cells, and copying each name into its own `String` was most of
/// the time spent building the tables.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    Text(Cow<'a, str>),
    Int(u64),
    /// Shown with two decimals (`0.85`).
    Decimal2(f64),
}

impl Cell<'_> {
    #[cfg(test)]
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Decimal2(x) => Cow::Owned(format!("{x:.2}")),
        }
    }

    /// Appends the cell as text to `out`, without an allocation for numbers.
    pub(crate) fn push_text(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Cell::Text(t) => out.push_str(t),
            Cell::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Cell::Decimal2(x) => {
                let _ = write!(out, "{x:.2}");
            }
        }
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::Text(Cow::Owned(s))
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<Cow<'a, str>> for Cell<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Cell::Text(s)
    }
}

impl From<usize> for Cell<'_> {
    fn from(n: usize) -> Self {
        Cell::Int(n as u64)
    }
}

/// A table as every format shows it.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    /// `tasks`: the CSV stem and the HTML id.
    pub key: &'static str,
    /// `Tasks`: the heading and XLSX sheet name.
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Rows<'a>,
}

/// Makes row `i` of a table whose rows are made when they are written.
type MakeRow<'a> = dyn Fn(usize) -> Vec<Cell<'a>> + Send + Sync + 'a;

/// A table's rows: held, or made again each time a writer asks for one.
///
/// The long tables (a row per task, per finding, per gap) are made on demand: a 50,000-task
/// matrix with 130,000 findings held some 80 MB of them (cells, cell references, holder
/// lists) while the CSV, HTML and XLSX writers each went through them once, at the run's
/// memory peak. Making a row costs a few short strings; the writers ask for each row once,
/// the XLSX twice (widths, then cells).
pub(crate) enum Rows<'a> {
    Held(Vec<Vec<Cell<'a>>>),
    OnDemand { len: usize, row: Box<MakeRow<'a>> },
}

impl<'a> Rows<'a> {
    /// `len` rows, row `i` made by `row(i)` whenever it is asked for.
    fn on_demand(len: usize, row: impl Fn(usize) -> Vec<Cell<'a>> + Send + Sync + 'a) -> Self {
        Rows::OnDemand {
            len,
            row: Box::new(row),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Rows::Held(rows) => rows.len(),
            Rows::OnDemand { len, .. } => *len,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`, borrowed when held.
    pub(crate) fn get(&self, i: usize) -> Option<Cow<'_, [Cell<'a>]>> {
        match self {
            Rows::Held(rows) => rows.get(i).map(|r| Cow::Borrowed(&r[..])),
            Rows::OnDemand { len, row } => (i < *len).then(|| Cow::Owned(row(i))),
        }
    }

    pub(crate) fn first(&self) -> Option<Cow<'_, [Cell<'a>]>> {
        self.get(0)
    }

    /// The rows in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Cow<'_, [Cell<'a>]>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl<'a> FromIterator<Vec<Cell<'a>>> for Rows<'a> {
    fn from_iter<I: IntoIterator<Item = Vec<Cell<'a>>>>(rows: I) -> Self {
        Rows::Held(rows.into_iter().collect())
    }
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rows::Held(rows) => write!(f, "Held({} rows)", rows.len()),
            Rows::OnDemand { len, .. } => write!(f, "OnDemand({len} rows)"),
        }
    }
}

impl Table<'_> {
    /// The index of a column by header.
    #[cfg(test)]
    pub(crate) fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| *h == header)
    }
}

/// All report tables of one outcome.
#[derive(Debug)]
pub(crate) struct Tables<'a> {
    pub tasks: Table<'a>,
    pub parties: Table<'a>,
    pub findings: Table<'a>,
    pub overlaps: Table<'a>,
    pub gaps: Table<'a>,
    pub coverage: Table<'a>,
    pub suggestions: Table<'a>,
}

impl<'a> Tables<'a> {
    pub(crate) fn build(o: &Outcome<'a>) -> Tables<'a> {
        // The tasks table (a row per task) is about as much work as the five others together:
        // the two halves are built on both cores.
        let (tasks, (parties, findings, overlaps, gaps, coverage, suggestions)) = rayon::join(
            || tasks(o),
            || {
                (
                    parties(o),
                    findings(o),
                    overlaps(o),
                    gaps(o),
                    coverage(o),
                    super::suggestions::table(o),
                )
            },
        );
        Tables {
            tasks,
            parties,
            findings,
            overlaps,
            gaps,
            coverage,
            suggestions,
        }
    }
}

/// How many names a list cell (the tasks of an overlap or a duty, the holders of a letter)
/// shows before it says how many more there are.
///
/// On a 50,000-task matrix one overlap listed 2,900 task names in one cell: 100 KB that no
/// one reads, three times over Excel's 32,767-character cell limit, and most of the size of
/// `overlaps.csv`. Fifty names show what the finding is about; the count says how big it is,
/// and `tasks.csv` (one row per task, with the codes of its findings) and `report.json`
/// (every task index) keep the whole list.
pub(crate) const MAX_LISTED: usize = 50;

/// What a cut task list points to.
pub(crate) const MORE_TASKS: &str = "tasks.csv lists every task with its findings";
/// What a cut duty task list points to.
const MORE_DUTY_TASKS: &str = "tasks.csv lists every task with its duty";
/// What a cut party list points to.
const MORE_PARTIES: &str = "parties.csv lists every party";

/// `names` joined by `; `, at most [`MAX_LISTED`] of them, then `… and N more (<where>)`
/// when `total` (how many `names` yields) is larger. One name is returned as it came, not
/// copied: most lists hold one.
pub(crate) fn capped_list<'a>(
    mut names: impl Iterator<Item = Cow<'a, str>>,
    total: usize,
    more: &str,
) -> Cow<'a, str> {
    let first = match names.next() {
        None => return Cow::Borrowed(""),
        Some(first) => first,
    };
    if total <= 1 {
        return first;
    }
    let mut out = String::with_capacity((first.len() + 2) * total.min(MAX_LISTED) + 64);
    out.push_str(&first);
    for name in names.take(MAX_LISTED - 1) {
        out.push_str("; ");
        out.push_str(&name);
    }
    if total > MAX_LISTED {
        use std::fmt::Write;
        let _ = write!(out, "; … and {} more ({more})", total - MAX_LISTED);
    }
    Cow::Owned(out)
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

pub(crate) fn class<'a>(o: &Outcome<'a>, i: usize) -> Option<&'a Classification> {
    o.classes.get(i)
}

/// The side of task `i` (unclassified when the classifier gave no answer for it).
pub(crate) fn side(o: &Outcome, i: usize) -> Side {
    class(o, i).map(|c| c.side).unwrap_or(Side::Unclassified)
}

/// The cell a finding points at; falls back to its task's name cell, then its party's header.
pub(crate) fn finding_cell(o: &Outcome, f: &Finding) -> String {
    finding_pos(o, f)
        .map(|p| o.matrix.cell_ref(p))
        .unwrap_or_default()
}

pub(crate) fn finding_pos(o: &Outcome, f: &Finding) -> Option<Pos> {
    f.pos.or_else(|| owner_pos(o, f))
}

/// The cell a reader falls back to when a finding names none: its task's name cell, else its
/// party's header.
pub(crate) fn owner_pos(o: &Outcome, f: &Finding) -> Option<Pos> {
    f.task
        .and_then(|t| o.matrix.tasks.get(t))
        .map(|t| t.pos)
        .or_else(|| f.party.and_then(|p| o.matrix.parties.get(p)).map(|p| p.pos))
}

/// The name of task `i`, borrowed, or a placeholder that says which index was not found.
pub(crate) fn task_name_ref<'a>(o: &Outcome<'a>, i: usize) -> Cow<'a, str> {
    let m: &'a Matrix = o.matrix;
    match m.tasks.get(i) {
        Some(t) => Cow::Borrowed(t.name.as_str()),
        None => Cow::Owned(format!("(task #{} not in matrix)", i + 1)),
    }
}

/// The name of party `p`, borrowed, or a placeholder that says which index was not found.
pub(crate) fn party_name_ref<'a>(o: &Outcome<'a>, p: usize) -> Cow<'a, str> {
    let m: &'a Matrix = o.matrix;
    match m.parties.get(p) {
        Some(party) => Cow::Borrowed(party.name.as_str()),
        None => Cow::Owned(format!("(party #{} not in matrix)", p + 1)),
    }
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

/// A list of names or codes joined by `; `, borrowed when it has one entry.
fn joined<'a>(items: &[&'a str]) -> Cow<'a, str> {
    match items {
        [] => Cow::Borrowed(""),
        [one] => Cow::Borrowed(one),
        _ => Cow::Owned(items.join("; ")),
    }
}

fn holders<'a>(o: &Outcome<'a>, task: usize, letter: Letter) -> Cell<'a> {
    let m: &'a Matrix = o.matrix;
    let t = &m.tasks[task];
    let names = t.parties_with(letter).map(|p| party_name_ref(o, p));
    Cell::Text(capped_list(names, t.count(letter), MORE_PARTIES))
}

fn opt(text: Option<&str>) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(text.unwrap_or_default()))
}

fn tasks<'a>(o: &Outcome<'a>) -> Table<'a> {
    let m: &'a Matrix = o.matrix;
    let sv = has_support_or_verify(m);
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
    let ctx = m.tasks.iter().any(|t| t.context.is_some());
    if ctx {
        headers.push("context");
    }
    let codes = finding_codes_per_task(o);
    let width = headers.len();
    let o = *o;
    let rows = Rows::on_demand(m.tasks.len(), move |i| {
        let t = &m.tasks[i];
        let c = class(&o, i);
        let mut row = Vec::with_capacity(width);
        row.extend([
            Cell::from(t.name.as_str()),
            opt(t.group.as_deref()),
            Cell::from(side(&o, i).as_str()),
            // A shared task with a duty of each side shows both: "po-x + pm-y".
            Cell::from(c.and_then(|c| c.duties_label()).unwrap_or_default()),
            Cell::Decimal2(c.map(|c| c.confidence).unwrap_or(0.0)),
            holders(&o, i, Letter::R),
            holders(&o, i, Letter::A),
            holders(&o, i, Letter::C),
            holders(&o, i, Letter::I),
            Cell::from(o.matrix.cell_ref(t.pos)),
            Cell::Text(joined(&codes[i])),
        ]);
        if sv {
            row.push(holders(&o, i, Letter::S));
            row.push(holders(&o, i, Letter::V));
        }
        if ctx {
            row.push(opt(t.context.as_deref()));
        }
        row
    });
    Table {
        key: "tasks",
        title: "Tasks",
        headers,
        rows,
    }
}

fn parties<'a>(o: &Outcome<'a>) -> Table<'a> {
    let m: &'a Matrix = o.matrix;
    let sv = has_support_or_verify(m);
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
    let rows = m
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

fn task_cell<'a>(o: &Outcome<'a>, task: Option<usize>) -> Cell<'a> {
    Cell::Text(task.map(|t| task_name_ref(o, t)).unwrap_or_default())
}

fn party_cell<'a>(o: &Outcome<'a>, party: Option<usize>) -> Cell<'a> {
    Cell::Text(party.map(|p| party_name_ref(o, p)).unwrap_or_default())
}

fn findings<'a>(o: &Outcome<'a>) -> Table<'a> {
    let audit: &'a Audit = o.audit;
    let o = *o;
    let rows = Rows::on_demand(audit.findings.len(), move |i| {
        let f = &audit.findings[i];
        vec![
            Cell::from(f.code),
            Cell::from(f.name),
            Cell::from(f.severity.as_str()),
            task_cell(&o, f.task),
            party_cell(&o, f.party),
            opt(f.duty.as_deref()),
            Cell::from(finding_cell(&o, f)),
            Cell::from(f.message.as_str()),
        ]
    });
    Table {
        key: "findings",
        title: "Findings",
        headers: vec![
            "code", "name", "severity", "task", "party", "duty", "cell", "message",
        ],
        rows,
    }
}

/// The overlap columns a related task's side goes in: PO-side, PM-side, or the other
/// (shared and unclassified) tasks.
fn overlap_column(s: Side) -> usize {
    match s {
        Side::Po => 0,
        Side::Pm => 1,
        Side::Shared | Side::Unclassified => 2,
    }
}

/// A finding's related tasks by [`overlap_column`], each list in the finding's order.
pub(crate) fn overlap_columns(o: &Outcome, f: &Finding) -> [Vec<usize>; 3] {
    let mut cols: [Vec<usize>; 3] = Default::default();
    for &t in &f.related_tasks {
        cols[overlap_column(side(o, t))].push(t);
    }
    cols
}

fn overlaps<'a>(o: &Outcome<'a>) -> Table<'a> {
    let audit: &'a Audit = o.audit;
    let rows = audit
        .findings
        .iter()
        .filter(|f| f.rule.kind == Kind::Overlap)
        .map(|f| {
            let columns = overlap_columns(o, f);
            let on = |column: usize| {
                let tasks = &columns[column];
                let names = tasks.iter().map(|&t| task_name_ref(o, t));
                Cell::Text(capped_list(names, tasks.len(), MORE_TASKS))
            };
            vec![
                Cell::from(f.code),
                Cell::from(f.severity.as_str()),
                party_cell(o, f.party),
                task_cell(o, f.task),
                on(0),
                on(1),
                on(2),
                Cell::from(finding_cell(o, f)),
                Cell::from(f.message.as_str()),
                Cell::from(f.related_tasks.len()),
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
            "task_count",
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

fn gaps<'a>(o: &Outcome<'a>) -> Table<'a> {
    let audit: &'a Audit = o.audit;
    let gaps: Vec<&'a Finding> = audit
        .findings
        .iter()
        .filter(|f| f.rule.kind == Kind::Gap)
        .collect();
    let o = *o;
    let rows = Rows::on_demand(gaps.len(), move |i| {
        let f = gaps[i];
        let duty_text = f
            .duty
            .as_deref()
            .and_then(|d| o.duty(d))
            .map(|d| d.text.as_str());
        vec![
            Cell::from(f.code),
            Cell::from(f.severity.as_str()),
            opt(gap_side(&o, f).map(|s| s.as_str())),
            opt(f.duty.as_deref()),
            opt(duty_text),
            task_cell(&o, f.task),
            Cell::from(finding_cell(&o, f)),
            Cell::from(f.message.as_str()),
        ]
    });
    Table {
        key: "gaps",
        title: "Gaps",
        headers: vec![
            "code", "severity", "side", "duty_id", "duty", "task", "cell", "message",
        ],
        rows,
    }
}

fn coverage<'a>(o: &Outcome<'a>) -> Table<'a> {
    let audit: &'a Audit = o.audit;
    let rows = audit
        .coverage
        .iter()
        .map(|c| {
            let duty = o.duty(&c.duty);
            let tasks = c.tasks.iter().map(|&t| task_name_ref(o, t));
            let owners = c.owners.iter().map(|&p| party_name_ref(o, p));
            vec![
                Cell::from(c.duty.as_str()),
                opt(duty.map(|d| d.side.as_str())),
                opt(duty.map(|d| d.text.as_str())),
                Cell::from(if c.covered() { "yes" } else { "no" }),
                Cell::Text(capped_list(tasks, c.tasks.len(), MORE_DUTY_TASKS)),
                Cell::Text(capped_list(owners, c.owners.len(), MORE_PARTIES)),
                Cell::from(c.tasks.len()),
            ]
        })
        .collect();
    Table {
        key: "coverage",
        title: "Coverage",
        headers: vec![
            "duty_id",
            "side",
            "duty",
            "covered",
            "tasks",
            "owners",
            "task_count",
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    fn col(t: &Table, row: usize, header: &str) -> Cow<'static, str> {
        let cells = t.rows.get(row).unwrap();
        Cow::Owned(cells[t.column(header).unwrap()].text().into_owned())
    }

    #[test]
    fn rows_made_on_demand_are_those_a_held_table_has() {
        let f = Fixture::new();
        let t = Tables::build(&f.outcome());
        assert!(matches!(t.findings.rows, Rows::OnDemand { .. }));
        let held: Rows = t.findings.rows.iter().map(|r| r.into_owned()).collect();
        assert_eq!(held.len(), f.audit.findings.len());
        assert!(held.len() > 1);
        for (i, row) in t.findings.rows.iter().enumerate() {
            assert_eq!(held.get(i).as_deref(), Some(&row[..]));
            assert_eq!(row[7].text(), f.audit.findings[i].message);
        }
        assert!(t.findings.rows.get(held.len()).is_none());
        assert_eq!(t.findings.rows.iter().count(), held.len());
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

    #[test]
    fn long_task_lists_are_cut_at_fifty_names_with_the_rest_counted() {
        let mut f = Fixture::new();
        let template = f.matrix.tasks[0].clone();
        let first = f.matrix.tasks.len();
        for k in 0..200 {
            f.matrix.tasks.push(crate::model::Task {
                name: format!("Extra task {k}"),
                ..template.clone()
            });
            f.classes.push(f.classes[0].clone());
        }
        // The fixture's overlap (O001) now also lists 200 PO-side tasks.
        let overlap = f
            .audit
            .findings
            .iter_mut()
            .find(|x| x.code == "O001")
            .unwrap();
        let before = overlap.related_tasks.len();
        overlap.related_tasks.extend(first..first + 200);
        let t = Tables::build(&f.outcome());
        let po = col(&t.overlaps, 0, "po_side_tasks");
        let names: Vec<&str> = po.split("; ").collect();
        assert_eq!(names.len(), MAX_LISTED + 1, "{po}");
        assert_eq!(names[0], "Set sprint priorities");
        let po_total = 2 + 200;
        assert_eq!(
            names[MAX_LISTED],
            format!("… and {} more ({MORE_TASKS})", po_total - MAX_LISTED)
        );
        assert!(!po.contains("Extra task 48;"), "{po}");
        assert!(po.contains("Extra task 47; …"), "{po}");
        // The other columns keep their short lists as they were, and the count is complete.
        assert_eq!(
            col(&t.overlaps, 0, "pm_side_tasks"),
            "Define product vision"
        );
        assert_eq!(
            col(&t.overlaps, 0, "task_count"),
            (before + 200).to_string()
        );
    }

    #[test]
    fn short_lists_are_not_cut() {
        let names = (0..MAX_LISTED).map(|i| Cow::Owned(format!("t{i}")));
        let text = capped_list(names, MAX_LISTED, MORE_TASKS);
        assert_eq!(text.split("; ").count(), MAX_LISTED);
        assert!(!text.contains('…'));
        let one = capped_list(std::iter::once(Cow::Borrowed("only")), 1, MORE_TASKS);
        assert!(matches!(one, Cow::Borrowed("only")));
        assert_eq!(capped_list(std::iter::empty(), 0, MORE_TASKS), "");
    }
}
