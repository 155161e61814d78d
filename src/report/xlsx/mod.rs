//! `report.xlsx`: the matrix colour-coded with problem cells marked by a note naming the
//! finding, the matrix every suggested fix makes with the changed cells marked by a note giving
//! the reason ([`proposed`]), and every report table as a formatted, filterable sheet, written with
//! rust_xlsxwriter. Byte-identical across runs (the creation date is fixed, and every format
//! is registered in a fixed order before the sheets are written: [`formats`]).
//!
//! A workbook of more than [`IN_MEMORY_CELLS`] cells is written in rust_xlsxwriter's
//! constant-memory mode: each sheet's rows go to an unnamed temporary file as soon as the next
//! row starts (a stored cell costs rust_xlsxwriter some 200 bytes, so a 50,000-task matrix
//! held in memory took 300 MB). A smaller one is built in memory, so an audit of a team's
//! matrix never needs a temporary folder. Either way the eight sheets are filled on both cores.

mod formats;
mod proposed;

use super::tables::{side, Cell, Table, Tables};
use super::text::looks_like_formula;
use crate::audit::{Finding, Severity};
use crate::model::{Assignment, Letter, LetterSet, Matrix, Pos, Side, Task};
use crate::outcome::Outcome;
use crate::{Error, Result};
use formats::{Formats, Style};
use proposed::Proposal;
use rayon::prelude::*;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Note, Table as SheetTable, TableColumn, TableStyle, Workbook,
    Worksheet, XlsxError,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Notes hold a little less (Excel keeps room for the author).
const MAX_NOTE_CHARS: usize = 32_000;
/// Excel's limits on a sheet.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;

/// Notes on the Matrix sheet at most: Excel slows down with thousands of comment shapes, and
/// rust_xlsxwriter keeps some 7 KB per note until the file is saved. Past this many the rest of
/// the problem cells are outlined only, and a note on A1 says so.
const MAX_NOTES: usize = 2_000;

/// The author every note names.
const AUTHOR: &str = "raci-audit";

/// Matrix sheet columns before the first party.
const FIXED_COLUMNS: u16 = 3;

/// Workbooks with at most this many cells (a 2,000 x 40 matrix and its tables) are built in
/// memory, some 20 MB at most; larger ones stream through temporary files.
const IN_MEMORY_CELLS: usize = 100_000;

/// How the sheets are held while they are written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    InMemory,
    /// rust_xlsxwriter's constant-memory mode: rows go to a temporary file as they are left,
    /// in `tempdir` or else the system's temporary folder (`TMPDIR`).
    ConstantMemory {
        tempdir: Option<std::path::PathBuf>,
    },
}

fn write_error(e: impl std::fmt::Display) -> Error {
    Error::Write {
        path: "report.xlsx".into(),
        source: std::io::Error::other(e.to_string()),
    }
}

fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::TempFileError(dir, source) => Error::TempDir {
            file: "report.xlsx",
            dir,
            source,
        },
        e => write_error(e),
    }
}

/// Text as a cell may hold it: cut to Excel's cell limit with a visible mark (the full text is
/// in the CSV and JSON reports).
fn cell_text(text: &str) -> Cow<'_, str> {
    // A cell holds at most as many characters as bytes: only long text needs counting.
    if text.len() <= MAX_CELL_CHARS || text.chars().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let mark = "… (cut: Excel cells hold 32767 characters)";
    let keep = MAX_CELL_CHARS - mark.chars().count();
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(mark);
    out.into()
}

/// A sheet being filled: each cell written with its style's format.
struct Cells<'w> {
    ws: &'w mut Worksheet,
    formats: &'w Formats,
}

impl Cells<'_> {
    /// A text cell; an empty text writes a blank cell that keeps its style (or nothing,
    /// without one). Text that starts like a formula gets the quote prefix: in an xlsx a text
    /// cell is never run, but Excel would run it once someone edits the cell, and the
    /// apostrophe of the CSVs would show in the cell.
    fn text(&mut self, row: u32, col: u16, text: &str, style: Style) -> Result<(), XlsxError> {
        if text.is_empty() {
            return self.blank(row, col, style);
        }
        let text = cell_text(text).into_owned();
        match self.formats.get(style, looks_like_formula(&text)) {
            Some(format) => self.ws.write_string_with_format(row, col, text, format),
            None => self.ws.write_string(row, col, text),
        }
        .map(|_| ())
    }

    /// An empty cell that shows its style (a colour, an outline).
    fn blank(&mut self, row: u32, col: u16, style: Style) -> Result<(), XlsxError> {
        match self.formats.get(style, false) {
            Some(format) => self.ws.write_blank(row, col, format).map(|_| ()),
            None => Ok(()),
        }
    }

    fn int(&mut self, row: u32, col: u16, n: u64) -> Result<(), XlsxError> {
        // Counts in a report stay far below 2^53, where an f64 stops being exact.
        self.ws.write_number(row, col, n as f64).map(|_| ())
    }

    fn decimal(&mut self, row: u32, col: u16, x: f64) -> Result<(), XlsxError> {
        let x = if x.is_finite() { x } else { 0.0 };
        match self.formats.get(Style::DECIMAL, false) {
            Some(format) => self.ws.write_number_with_format(row, col, x, format),
            None => self.ws.write_number(row, col, x),
        }
        .map(|_| ())
    }
}

/// The letter a cell's colour shows: the owning letter first.
fn main_letter(letters: LetterSet) -> Option<Letter> {
    Letter::OWNING_FIRST
        .into_iter()
        .find(|&l| letters.contains(l))
}

/// Where each finding shows on the Matrix sheet (sheet row, sheet column), in findings order:
/// on the cell it names when the sheet shows that cell (a task name, a letter cell, an
/// unreadable cell, a party header), else on its task's row and party's column; `None` for
/// findings about a duty only, which the Gaps and Findings sheets list instead.
fn finding_cells(o: &Outcome) -> Vec<Option<(u32, u16)>> {
    cells_of(o, &o.audit.findings)
}

/// [`finding_cells`] for any findings about the outcome's matrix.
fn cells_of(o: &Outcome, findings: &[Finding]) -> Vec<Option<(u32, u16)>> {
    let m = o.matrix;
    // Only the positions findings name are looked up; the first claim on a position wins: a
    // task name before a letter cell before an unreadable cell before a header.
    let mut at: HashMap<Pos, Option<(u32, u16)>> = findings
        .iter()
        .filter_map(|f| f.pos)
        .map(|p| (p, None))
        .collect();
    if !at.is_empty() {
        let mut claim = |pos: Pos, cell: Option<(u32, u16)>| {
            if let (Some(slot @ None), Some(_)) = (at.get_mut(&pos), cell) {
                *slot = cell;
            }
        };
        for (t, task) in m.tasks.iter().enumerate() {
            claim(task.pos, sheet_cell(t as u32 + 1, None));
        }
        for (t, task) in m.tasks.iter().enumerate() {
            for a in &task.assignments {
                claim(a.pos, sheet_cell(t as u32 + 1, Some(a.party)));
            }
        }
        for issue in &m.issues {
            if let (Some(t), Some(p)) = (issue.task, issue.party) {
                claim(issue.pos, sheet_cell(t as u32 + 1, Some(p)));
            }
        }
        for (p, party) in m.parties.iter().enumerate() {
            claim(party.pos, sheet_cell(0, Some(p)));
        }
    }
    findings
        .iter()
        .map(|f| {
            if let Some(cell) = f.pos.and_then(|p| at.get(&p).copied().flatten()) {
                return Some(cell);
            }
            let task_row = f.task.filter(|&t| t < m.tasks.len()).map(|t| t as u32 + 1);
            let party = f.party.filter(|&p| p < m.parties.len());
            match (task_row, party) {
                (Some(row), party) => sheet_cell(row, party),
                (None, Some(p)) => sheet_cell(0, Some(p)),
                (None, None) => None,
            }
        })
        .collect()
}

/// The sheet cell of a row and a party column (`None`: the task-name column).
fn sheet_cell(row: u32, party: Option<usize>) -> Option<(u32, u16)> {
    match party {
        None => Some((row, 0)),
        Some(p) => u16::try_from(FIXED_COLUMNS as usize + p)
            .ok()
            .map(|c| (row, c)),
    }
}

/// What one party cell of the Matrix sheet shows: the letters read, and the cell's text when it
/// could not be read in full.
#[derive(Debug, Clone, Copy)]
struct MatrixCell<'a> {
    party: usize,
    letters: LetterSet,
    raw: Option<&'a str>,
}

/// One note on a Matrix cell: its text and its box height in pixels.
#[derive(Debug, Clone)]
struct NoteAt {
    row: u32,
    col: u16,
    text: String,
    height: u32,
}

/// The Matrix sheet's problem cells and notes, worked out before any cell is written.
struct Marks {
    /// Cells with a finding, sorted: a plain list, as a matrix with many findings has a
    /// hundred thousand of them and only the noted ones need their findings at hand.
    cells: Vec<(u32, u16)>,
    /// The notes, in cell order.
    notes: Vec<NoteAt>,
}

impl Marks {
    fn new(o: &Outcome, max_notes: usize) -> Marks {
        let at = finding_cells(o);
        let mut cells: Vec<(u32, u16)> = at.iter().flatten().copied().collect();
        cells.sort_unstable();
        cells.dedup();
        // The problem cells in findings order (errors first): the first `max_notes` get a
        // note listing every finding on them.
        let mut noted: HashMap<(u32, u16), Vec<&Finding>> = HashMap::new();
        let mut first_seen: Vec<(u32, u16)> = Vec::new();
        for (f, at) in o.audit.findings.iter().zip(&at) {
            let Some(at) = *at else { continue };
            match noted.get_mut(&at) {
                Some(list) => list.push(f),
                None if first_seen.len() < max_notes => {
                    first_seen.push(at);
                    noted.insert(at, vec![f]);
                }
                None => {}
            }
        }
        let mut notes = Vec::with_capacity(first_seen.len() + 1);
        if cells.len() > max_notes {
            // A1 gets the legend rather than its own findings, if it had any; they are on the
            // Findings sheet like the rest.
            first_seen.retain(|&at| at != (0, 0));
            notes.push(NoteAt {
                row: 0,
                col: 0,
                text: format!(
                    "{} cells hold a problem and are outlined in red; the first {max_notes} \
                     (errors first) carry a note. The Findings sheet lists all {} findings with \
                     their cells.",
                    cells.len(),
                    o.audit.findings.len()
                ),
                height: 80,
            });
        }
        for at @ (row, col) in first_seen {
            let list = &noted[&at];
            let text: Vec<String> = list
                .iter()
                .map(|f| format!("{} {} ({}): {}", f.code, f.name, f.severity, f.message))
                .collect();
            notes.push(NoteAt {
                row,
                col,
                text: text.join("\n").chars().take(MAX_NOTE_CHARS).collect(),
                height: 40 + 40 * list.len().min(8) as u32,
            });
        }
        notes.sort_by_key(|n| (n.row, n.col));
        Marks { cells, notes }
    }

    fn has(&self, row: u32, col: u16) -> bool {
        self.cells.binary_search(&(row, col)).is_ok()
    }
}

/// The Matrix sheet's column widths in characters: task, group, side, then one per party from
/// its name.
fn matrix_columns(o: &Outcome) -> Vec<f64> {
    let fixed = [40.0, 18.0, 13.0];
    let parties = o
        .matrix
        .parties
        .iter()
        .map(|p| (p.name.chars().count() as f64 * 0.6).clamp(8.0, 18.0));
    fixed.into_iter().chain(parties).collect()
}

/// The bottom-right cell (0-based) of the Matrix sheet's filter; none without tasks.
fn matrix_filter(o: &Outcome) -> Option<(u32, u16)> {
    let m = o.matrix;
    let last_col = FIXED_COLUMNS + m.parties.len() as u16 - 1;
    (!m.tasks.is_empty()).then_some((m.tasks.len() as u32, last_col))
}

/// The Matrix sheet's first row is this tall, in points, for wrapped party names.
const HEADER_HEIGHT: f64 = 45.0;

/// A sheet laid out as the matrix: the audited one (the Matrix sheet) or the one every
/// suggested fix makes (the Proposed sheet). Both have the same tasks and parties.
struct MatrixView<'a> {
    name: &'static str,
    matrix: &'a Matrix,
    /// Problem cells to outline, and the notes of the sheet.
    marks: &'a Marks,
    /// Cells whose letters a suggestion changed, sorted: they show the matrix's letters in
    /// the changed style. Empty on the Matrix sheet.
    changed: &'a [(u32, u16)],
    /// The letters of the tasks whose letters differ from `matrix`'s, by task (the Proposed
    /// sheet); `None` on the Matrix sheet.
    letters: Option<&'a BTreeMap<usize, Vec<Assignment>>>,
}

impl MatrixView<'_> {
    /// The letters this sheet shows on task `t`.
    fn assignments<'s>(&'s self, t: usize, task: &'s Task) -> &'s [Assignment] {
        self.letters.map_or(&task.assignments[..], |changed| {
            proposed::proposed_assignments(changed, t, task)
        })
    }
}

/// Fills a matrix sheet: task, group, side and a column per party, each letter cell
/// coloured by its owning letter, problem cells outlined, the first of them with a note, and
/// changed cells in the changed style. The sheet's settings come first, then the cells
/// strictly row by row (constant-memory mode writes a row out once the next one starts).
fn matrix_sheet(
    ws: &mut Worksheet,
    formats: &Formats,
    o: &Outcome,
    view: &MatrixView,
) -> Result<(), XlsxError> {
    let m = view.matrix;
    let marks = view.marks;
    ws.set_name(view.name)?;
    for (c, width) in matrix_columns(o).into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    ws.set_row_height(0, HEADER_HEIGHT)?;
    ws.set_freeze_panes(1, 1)?;
    if let Some((row, col)) = matrix_filter(o) {
        ws.autofilter(0, 0, row, col)?;
    }
    // The one author of every note (rust_xlsxwriter would otherwise list an unused "Author").
    ws.set_default_note_author(AUTHOR);
    for n in &marks.notes {
        let note = Note::new(n.text.as_str())
            .set_width(360)
            .set_height(n.height);
        ws.insert_note(n.row, n.col, &note)?;
    }
    let mut w = Cells { ws, formats };

    // Unreadable cells by task, in task then party order.
    let mut issues: Vec<(usize, MatrixCell)> = m
        .issues
        .iter()
        .filter_map(|i| match (i.task, i.party) {
            (Some(t), Some(p)) if t < m.tasks.len() && p < m.parties.len() => Some((
                t,
                MatrixCell {
                    party: p,
                    letters: i.letters,
                    raw: Some(i.raw.as_str()),
                },
            )),
            _ => None,
        })
        .collect();
    issues.sort_by_key(|(t, c)| (*t, c.party));
    let mut issues = issues.into_iter().peekable();

    let header = |col: u16| Style::HEADER.marked(marks.has(0, col));
    w.text(0, 0, "Task", header(0))?;
    w.text(0, 1, "Group", header(1))?;
    w.text(0, 2, "Side", header(2))?;
    for (p, party) in m.parties.iter().enumerate() {
        let col = FIXED_COLUMNS + p as u16;
        let style = Style::PARTY_HEADER.marked(marks.has(0, col));
        w.text(0, col, &party.name, style)?;
    }

    let mut row_marks = marks.cells.iter().peekable();
    let mut row_changes = view.changed.iter().peekable();
    let mut cells: Vec<MatrixCell> = Vec::new();
    let mut marked_cols: Vec<u16> = Vec::new();
    let mut changed_cols: Vec<u16> = Vec::new();
    for (t, task) in m.tasks.iter().enumerate() {
        let row = t as u32 + 1;
        marked_cols.clear();
        while row_marks.next_if(|(r, _)| *r < row).is_some() {}
        while let Some(&(_, col)) = row_marks.next_if(|(r, _)| *r == row) {
            marked_cols.push(col);
        }
        changed_cols.clear();
        while row_changes.next_if(|(r, _)| *r < row).is_some() {}
        while let Some(&(_, col)) = row_changes.next_if(|(r, _)| *r == row) {
            changed_cols.push(col);
        }
        let noted = |col: u16| marked_cols.contains(&col);
        let changed = |col: u16| changed_cols.contains(&col);

        let name_style = if noted(0) {
            Style::PROBLEM_NAME
        } else {
            Style::DEFAULT
        };
        w.text(row, 0, &task.name, name_style)?;
        let group = task.group.as_deref().unwrap_or_default();
        w.text(row, 1, group, Style::DEFAULT.marked(noted(1)))?;
        w.text(
            row,
            2,
            side(o, t).as_str(),
            Style::side(side(o, t)).marked(noted(2)),
        )?;

        // This row's letter cells, and its unreadable cells merged in (their letters join).
        cells.clear();
        let assignments = view.assignments(t, task);
        cells.extend(assignments.iter().map(|a| MatrixCell {
            party: a.party,
            letters: a.letters,
            raw: None,
        }));
        cells.retain(|c| c.party < m.parties.len());
        while let Some((_, issue)) = issues.next_if(|(it, _)| *it == t) {
            match cells.iter_mut().find(|c| c.party == issue.party) {
                Some(c) => {
                    c.letters = c.letters.union(issue.letters);
                    c.raw = issue.raw;
                }
                None => cells.push(issue),
            }
        }
        // A changed cell shows the letters it was given, whatever the cell held before (an
        // emptied cell stays, blank in the changed style).
        for &col in &changed_cols {
            let party = usize::from(col - FIXED_COLUMNS);
            let letters = assignments
                .iter()
                .filter(|a| a.party == party)
                .fold(LetterSet::EMPTY, |l, a| l.union(a.letters));
            cells.retain(|c| c.party != party);
            cells.push(MatrixCell {
                party,
                letters,
                raw: None,
            });
        }
        cells.sort_by_key(|c| c.party);
        cells.dedup_by(|later, first| {
            // Two assignments in one cell (never from the layout, but cheap to guard): the
            // later one's letters join the first.
            if later.party == first.party {
                first.letters = first.letters.union(later.letters);
                first.raw = first.raw.or(later.raw);
                true
            } else {
                false
            }
        });

        // Letter cells and outlined empty cells (a finding on a missing letter), in column order.
        let mut next_cell = cells.iter().peekable();
        let mut next_mark = marked_cols
            .iter()
            .copied()
            .filter(|&c| c >= FIXED_COLUMNS)
            .peekable();
        loop {
            let cell_col = next_cell.peek().map(|c| FIXED_COLUMNS + c.party as u16);
            let mark_col = next_mark.peek().copied();
            let take_cell = match (cell_col, mark_col) {
                (None, None) => break,
                (Some(c), Some(m)) => c <= m,
                (Some(_), None) => true,
                (None, Some(_)) => false,
            };
            if take_cell {
                let Some(cell) = next_cell.next() else { break };
                let c = FIXED_COLUMNS + cell.party as u16;
                if mark_col == Some(c) {
                    next_mark.next();
                }
                // An unreadable cell always stands out, even if no rule reported it.
                let problem = cell.raw.is_some() || noted(c);
                let style = if changed(c) {
                    Style::CHANGED
                } else {
                    Style::letter(main_letter(cell.letters)).marked(problem)
                };
                match cell.raw {
                    Some(raw) => w.text(row, c, raw, style)?,
                    None => w.text(row, c, &cell.letters.to_string(), style)?,
                }
            } else if let Some(m) = next_mark.next() {
                w.blank(row, m, Style::PROBLEM)?;
            }
        }
    }
    Ok(())
}

/// The widest a table column gets, in characters.
const MAX_COLUMN_CHARS: usize = 60;

/// Column widths from the text written: the longest value per column (header included, with
/// room for the filter button), counted up to [`MAX_COLUMN_CHARS`]. Characters are a close
/// enough measure for a starting width the reader can drag.
fn column_widths(t: &Table) -> Vec<f64> {
    let mut chars: Vec<usize> = t.headers.iter().map(|h| h.len() + 3).collect();
    for row in t.rows.iter() {
        for (width, cell) in chars.iter_mut().zip(row.iter()) {
            if *width >= MAX_COLUMN_CHARS {
                continue;
            }
            let n = match cell {
                Cell::Text(text) => text.chars().take(MAX_COLUMN_CHARS).count(),
                Cell::Int(n) => n.checked_ilog10().unwrap_or(0) as usize + 1,
                Cell::Decimal2(_) => 4,
            };
            *width = (*width).max(n);
        }
    }
    chars
        .into_iter()
        .map(|n| n.min(MAX_COLUMN_CHARS) as f64 * 1.1 + 1.0)
        .collect()
}

/// How a table column colours its text cells, as the HTML report does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Colouring {
    None,
    Severity,
    Side,
    Covered,
}

impl Colouring {
    fn of(header: &str) -> Colouring {
        match header {
            "severity" => Colouring::Severity,
            "side" | "title_side" => Colouring::Side,
            "covered" => Colouring::Covered,
            _ => Colouring::None,
        }
    }

    fn style(self, value: &str) -> Style {
        match self {
            Colouring::Severity => match Severity::parse(value) {
                Some(Severity::Error) => Style::ERROR,
                Some(Severity::Warning) => Style::WARNING,
                _ => Style::DEFAULT,
            },
            Colouring::Side => Side::parse(value).map_or(Style::DEFAULT, Style::side),
            Colouring::Covered if value == "no" => Style::UNCOVERED,
            _ => Style::DEFAULT,
        }
    }
}

/// Fills one report table's sheet: an Excel table (filter buttons, banded rows) over the
/// header row and the rows, the header frozen.
fn table_sheet(ws: &mut Worksheet, formats: &Formats, t: &Table) -> Result<(), XlsxError> {
    ws.set_name(t.title)?;
    let ncols = t.headers.len() as u16;
    // A table made row by row makes its first row again at each call: once here.
    let first = t.rows.first();
    let decimal_column = |c: usize| {
        first
            .as_ref()
            .is_some_and(|r| matches!(r.get(c), Some(Cell::Decimal2(_))))
    };
    for (c, width) in column_widths(t).into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
        if decimal_column(c) {
            if let Some(format) = formats.get(Style::DECIMAL, false) {
                ws.set_column_format(c as u16, format)?;
            }
        }
    }
    let columns: Vec<TableColumn> = t
        .headers
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    let table = SheetTable::new()
        .set_name(t.title)
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    // A table needs one data row; an empty one keeps the headers and filter in place.
    let last_row = t.rows.len().max(1) as u32;
    ws.add_table(0, 0, last_row, ncols.saturating_sub(1), &table)?;
    ws.set_freeze_panes(1, 0)?;
    let colouring: Vec<Colouring> = t.headers.iter().map(|h| Colouring::of(h)).collect();
    let mut w = Cells { ws, formats };
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (cell, colour)) in row.iter().zip(&colouring).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(text) => w.text(r, c, text, colour.style(text))?,
                Cell::Int(n) => w.int(r, c, *n)?,
                Cell::Decimal2(x) => w.decimal(r, c, *x)?,
            }
        }
    }
    Ok(())
}

/// Writes the workbook (sheets Matrix, Proposed, Findings, Overlaps, Gaps, Coverage, Parties,
/// Tasks) into `out` as it is zipped. Saved to memory first, a 50,000-task workbook (16 to
/// 40 MB) was held whole in a buffer that doubled as it grew: 75 MB at the peak of a big
/// audit. An error of the workbook itself travels inside the `io::Error` (see
/// [`crate::report::stream_error`]).
pub(crate) fn write(o: &Outcome, tables: &Tables, out: &mut (dyn Write + Send)) -> io::Result<()> {
    let mut wb = build(o, tables, MAX_NOTES, mode_for(o, tables)).map_err(io::Error::other)?;
    wb.save_to_writer(out)
        .map_err(|e| io::Error::other(xlsx_error(e)))
}

/// Whether the workbook is built in memory or through temporary files.
fn mode_for(o: &Outcome, tables: &Tables) -> Mode {
    let listed = listed(tables);
    // The Matrix and Proposed sheets.
    let cells = 2
        * o.matrix.tasks.len().saturating_add(1)
        * (FIXED_COLUMNS as usize + o.matrix.parties.len())
        + listed
            .iter()
            .map(|t| (t.rows.len() + 1) * t.headers.len())
            .sum::<usize>();
    if cells > IN_MEMORY_CELLS {
        Mode::ConstantMemory { tempdir: None }
    } else {
        Mode::InMemory
    }
}

/// The report tables in sheet order.
fn listed<'t, 'a>(tables: &'t Tables<'a>) -> [&'t Table<'a>; 6] {
    [
        &tables.findings,
        &tables.overlaps,
        &tables.gaps,
        &tables.coverage,
        &tables.parties,
        &tables.tasks,
    ]
}

/// A sheet to fill.
#[derive(Clone, Copy)]
enum SheetJob<'t, 'a> {
    Matrix,
    /// The Proposed sheet: the matrix with the suggestions applied, or a sentence saying why
    /// there is nothing to apply.
    Proposed(Option<&'t Proposal>),
    Table(&'t Table<'a>),
}

/// The workbook's bytes as the report folder gets them (through [`write`]), for the tests.
#[cfg(test)]
fn render(o: &Outcome, tables: &Tables) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write(o, tables, &mut out)
        .map_err(|e| crate::report::stream_error(e, "report.xlsx".as_ref()))?;
    Ok(out)
}

/// The workbook's bytes, for the tests.
#[cfg(test)]
fn render_with(o: &Outcome, tables: &Tables, max_notes: usize, mode: Mode) -> Result<Vec<u8>> {
    build(o, tables, max_notes, mode)?
        .save_to_buffer()
        .map_err(xlsx_error)
}

/// The workbook with every sheet filled, ready to save.
fn build(o: &Outcome, tables: &Tables, max_notes: usize, mode: Mode) -> Result<Workbook> {
    let m = o.matrix;
    if m.tasks.len() >= MAX_ROWS || FIXED_COLUMNS as usize + m.parties.len() > MAX_COLUMNS {
        return Err(write_error(format!(
            "an Excel sheet holds at most {} tasks and {} parties, and this matrix has {} tasks \
             and {} parties; the CSV and JSON reports hold them all (leave xlsx out with \
             --only csv,png,html,json,md)",
            MAX_ROWS - 1,
            MAX_COLUMNS - FIXED_COLUMNS as usize,
            m.tasks.len(),
            m.parties.len()
        )));
    }
    let mut wb = Workbook::new();
    // Deflate level 1, not 6: on a 50,000-task matrix compression was half of the time spent
    // writing this workbook (benches/pipeline.rs), for a file some 25% larger.
    wb.set_zip_compression_level(1);
    let title = match &m.source.sheet {
        Some(sheet) => format!("RACI audit: {} [{}]", m.source.file, sheet),
        None => format!("RACI audit: {}", m.source.file),
    };
    // A fixed creation date: the file records it, and a clock would make every run differ.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_error)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author(AUTHOR)
            .set_creation_datetime(&created),
    );
    if let Mode::ConstantMemory { tempdir: Some(dir) } = &mode {
        wb.set_tempdir(dir).map_err(xlsx_error)?;
    }
    let formats = Formats::new(&mut wb);
    let marks = Marks::new(o, max_notes);
    let proposal = Proposal::new(o, max_notes);
    let jobs: Vec<SheetJob> = [SheetJob::Matrix, SheetJob::Proposed(proposal.as_ref())]
        .into_iter()
        .chain(listed(tables).into_iter().map(SheetJob::Table))
        .collect();
    let mut sheets: Vec<Worksheet> = jobs
        .iter()
        .map(|_| match mode {
            Mode::InMemory => Ok(Worksheet::new()),
            Mode::ConstantMemory { .. } => wb.new_worksheet_with_constant_memory(),
        })
        .collect::<Result<_, XlsxError>>()
        .map_err(xlsx_error)?;
    // The sheets are independent: they are filled on both cores (the Matrix and Tasks sheets
    // are most of a big workbook, and about the same size). rust_xlsxwriter then writes them
    // into the zip one after the other, in this order.
    sheets
        .par_iter_mut()
        .zip(jobs.par_iter())
        .try_for_each(|(ws, job)| match job {
            SheetJob::Matrix => {
                let view = MatrixView {
                    name: "Matrix",
                    matrix: o.matrix,
                    marks: &marks,
                    changed: &[],
                    letters: None,
                };
                matrix_sheet(ws, &formats, o, &view)
            }
            SheetJob::Proposed(Some(p)) => matrix_sheet(ws, &formats, o, &p.view(o.matrix)),
            SheetJob::Proposed(None) => proposed::empty_sheet(ws, o),
            SheetJob::Table(t) => table_sheet(ws, &formats, t),
        })
        .map_err(xlsx_error)?;
    for ws in sheets {
        wb.push_worksheet(ws);
    }
    Ok(wb)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    const BIG: Mode = Mode::ConstantMemory { tempdir: None };

    #[test]
    fn findings_map_to_matrix_cells() {
        let f = Fixture::new();
        let o = f.outcome();
        let at = finding_cells(&o);
        // R001 on task 2's name, O001 on Maria's header, G001/G002 nowhere, D001 at Dev Team
        // on task 7, R007 and G003 on task 6's name.
        assert_eq!(
            at,
            [
                Some((3, 0)),
                Some((0, 3)),
                None,
                None,
                Some((8, 5)),
                Some((7, 0)),
                Some((7, 0))
            ]
        );
    }

    fn part(bytes: &[u8], name: &str) -> Option<String> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        let mut f = zip.by_name(name).ok()?;
        std::io::Read::read_to_string(&mut f, &mut xml).unwrap();
        Some(xml)
    }

    /// The text of an `<si>` or `<is>` element: its `<t>` runs joined.
    fn runs(xml: &str) -> String {
        xml.split("<t")
            .skip(1)
            .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
            .map(|t| t.split("</t>").next().unwrap())
            .collect()
    }

    /// A saved workbook's sheet cells: reference -> (format index, text or value), whether
    /// the text is inline (constant-memory mode) or in the shared strings (in memory).
    fn sheet_cells(bytes: &[u8], sheet: usize) -> HashMap<String, (u16, String)> {
        let shared: Vec<String> = part(bytes, "xl/sharedStrings.xml")
            .map(|xml| xml.split("<si>").skip(1).map(runs).collect())
            .unwrap_or_default();
        let xml = part(bytes, &format!("xl/worksheets/sheet{sheet}.xml")).unwrap();
        xml.split("<c r=\"")
            .skip(1)
            .map(|c| {
                let (at, rest) = c.split_once('"').unwrap();
                let head = rest.split('>').next().unwrap();
                let style = head
                    .split_once(" s=\"")
                    .map_or(0, |(_, s)| s.split('"').next().unwrap().parse().unwrap());
                let body = rest.split("</c>").next().unwrap();
                let value = body
                    .split_once("<v>")
                    .map(|(_, v)| v.split('<').next().unwrap().to_string());
                let text = if head.contains("t=\"s\"") {
                    shared[value.unwrap().parse::<usize>().unwrap()].clone()
                } else if head.contains("t=\"inlineStr\"") {
                    runs(body)
                } else {
                    value.unwrap_or_default()
                };
                (at.to_string(), (style, text))
            })
            .collect()
    }

    fn matrix_cells(bytes: &[u8]) -> HashMap<String, (u16, String)> {
        sheet_cells(bytes, 1)
    }

    /// A format index as written: the style, and whether it is the quoted twin.
    fn style_of(index: u16) -> (Style, bool) {
        let count = Style::CHANGED.0 + 1;
        (Style(index % count), index >= count)
    }

    fn outlined(index: u16) -> bool {
        let formats = Formats::new(&mut Workbook::new());
        formats.is_outlined(style_of(index).0)
    }

    #[test]
    fn cells_take_their_letter_side_and_problem_styles() {
        let f = Fixture::new();
        let o = f.outcome();
        let cells = matrix_cells(&render(&o, &Tables::build(&o)).unwrap());
        let name =
            |row: u32, col: u16| format!("{}{}", crate::model::column_name(col.into()), row + 1);
        // Every cell with a finding is outlined, whether it holds letters or not.
        let marks = Marks::new(&o, MAX_NOTES);
        assert!(!marks.cells.is_empty());
        for &(row, col) in &marks.cells {
            let (style, _) = cells
                .get(&name(row, col))
                .unwrap_or_else(|| panic!("{} not written", name(row, col)));
            assert!(outlined(*style), "{} not outlined", name(row, col));
        }
        // Letter cells are coloured by their owning letter, sides by side; nothing else is
        // outlined.
        for (t, task) in o.matrix.tasks.iter().enumerate() {
            let row = t as u32 + 1;
            let (style, text) = &cells[&name(row, 2)];
            let s = side(&o, t);
            assert_eq!(text, s.as_str());
            assert_eq!(*style, Style::side(s).marked(marks.has(row, 2)).0);
            for a in &task.assignments {
                let col = FIXED_COLUMNS + a.party as u16;
                let (style, text) = &cells[&name(row, col)];
                let unreadable = o.matrix.issues.iter().any(|i| i.pos == a.pos);
                if !unreadable {
                    assert_eq!(text, &a.letters.to_string());
                }
                let want =
                    Style::letter(main_letter(a.letters)).marked(unreadable || marks.has(row, col));
                assert_eq!(style_of(*style).0, want, "{}", name(row, col));
            }
        }
        let outlined_cells = cells.values().filter(|(s, _)| outlined(*s)).count();
        let unreadable_unmarked = o
            .matrix
            .issues
            .iter()
            .filter_map(|i| Some((i.task? as u32 + 1, FIXED_COLUMNS + i.party? as u16)))
            .filter(|&(r, c)| !marks.has(r, c))
            .count();
        assert_eq!(outlined_cells, marks.cells.len() + unreadable_unmarked);
    }

    #[test]
    fn unreadable_cells_stand_out_without_a_finding() {
        let f = Fixture::new();
        let o = f.outcome();
        let mut quiet = o.audit.clone();
        quiet.findings.clear();
        let o = Outcome { audit: &quiet, ..o };
        let cells = matrix_cells(&render(&o, &Tables::build(&o)).unwrap());
        let unreadable: Vec<(String, &str)> = o
            .matrix
            .issues
            .iter()
            .filter_map(|i| {
                let col = FIXED_COLUMNS as u32 + i.party? as u32;
                let at = format!("{}{}", crate::model::column_name(col), i.task? + 2);
                Some((at, i.raw.as_str()))
            })
            .collect();
        assert!(!unreadable.is_empty(), "the fixture has an unreadable cell");
        for (at, raw) in &unreadable {
            let (style, text) = &cells[at];
            assert_eq!(text, raw);
            assert!(outlined(*style), "{at}");
        }
        let outlined_cells = cells.values().filter(|(s, _)| outlined(*s)).count();
        assert_eq!(outlined_cells, unreadable.len());
    }

    #[test]
    fn a_finding_on_an_empty_cell_outlines_it() {
        let f = Fixture::new();
        let o = f.outcome();
        // A task row with an empty cell right of its last letter, and one between letters.
        let m = o.matrix;
        let last = m.parties.len() - 1;
        let (t, task) = m
            .tasks
            .iter()
            .enumerate()
            .find(|(_, t)| {
                t.assignments.len() >= 2 && t.assignments.iter().all(|a| a.party != last)
            })
            .expect("a task without the last party");
        let mut parties: Vec<usize> = task.assignments.iter().map(|a| a.party).collect();
        parties.sort_unstable();
        let between = (parties[0]..parties[parties.len() - 1]).find(|p| !parties.contains(p));
        let mut audit = o.audit.clone();
        let template = audit.findings[0].clone();
        audit.findings = [Some(last), between]
            .into_iter()
            .flatten()
            .map(|p| Finding {
                task: Some(t),
                party: Some(p),
                pos: None,
                ..template.clone()
            })
            .collect();
        let o = Outcome { audit: &audit, ..o };
        let cells = matrix_cells(&render(&o, &Tables::build(&o)).unwrap());
        for p in [Some(last), between].into_iter().flatten() {
            let col = FIXED_COLUMNS as u32 + p as u32;
            let at = format!("{}{}", crate::model::column_name(col), t + 2);
            let (style, text) = cells.get(&at).unwrap_or_else(|| panic!("{at} not written"));
            assert_eq!((*style, text.as_str()), (Style::PROBLEM.0, ""), "{at}");
        }
    }

    #[test]
    fn long_text_is_cut_with_a_mark() {
        let long = "x".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with("32767 characters)"));
        // No apostrophe: formula-looking text is marked by the format instead.
        assert_eq!(cell_text("=1"), "=1");
    }

    #[test]
    fn formula_looking_text_gets_the_quote_prefix_not_an_apostrophe() {
        let f = Fixture::new();
        let o = f.outcome();
        let mut matrix = o.matrix.clone();
        matrix.tasks[0].name = "=HYPERLINK(\"http://x\")".into();
        matrix.tasks[1].name = "-1".into();
        let o = Outcome {
            matrix: &matrix,
            ..o
        };
        for mode in [Mode::InMemory, BIG] {
            let bytes = render_with(&o, &Tables::build(&o), MAX_NOTES, mode).unwrap();
            let cells = matrix_cells(&bytes);
            for (at, want) in [("A2", "=HYPERLINK(\"http://x\")"), ("A3", "-1")] {
                let (style, text) = &cells[at];
                assert_eq!(text.replace("&quot;", "\""), want);
                assert!(style_of(*style).1, "{at} has no quote prefix");
            }
            // A plain name keeps its plain format.
            assert!(!style_of(cells["A4"].0).1);
            let styles = part(&bytes, "xl/styles.xml").unwrap();
            assert!(styles.contains("quotePrefix=\"1\""));
            // The Tasks sheet (the eighth) too.
            let tasks = sheet_cells(&bytes, 8);
            let (style, text) = &tasks["A2"];
            assert_eq!(text.replace("&quot;", "\""), "=HYPERLINK(\"http://x\")");
            assert!(style_of(*style).1);
        }
    }

    #[test]
    fn owning_letter_sets_the_colour() {
        assert_eq!(
            main_letter(LetterSet::of(&[Letter::R, Letter::A])),
            Some(Letter::A)
        );
        assert_eq!(main_letter(LetterSet::of(&[Letter::I])), Some(Letter::I));
        assert_eq!(main_letter(LetterSet::EMPTY), None);
    }

    #[test]
    fn renders_twice_identically() {
        let f = Fixture::new();
        let suggestions = with_suggestions(&f);
        let o = Outcome {
            suggestions: &suggestions,
            ..f.outcome()
        };
        let t = Tables::build(&o);
        for mode in [Mode::InMemory, BIG] {
            let a = render_with(&o, &t, MAX_NOTES, mode.clone()).unwrap();
            let b = render_with(&o, &t, MAX_NOTES, mode).unwrap();
            assert!(a == b);
        }
        // Streamed into a writer, as the report folder gets it: the same bytes as saved to
        // memory.
        let saved = render_with(&o, &t, MAX_NOTES, mode_for(&o, &t)).unwrap();
        assert!(render(&o, &t).unwrap() == saved);
    }

    #[test]
    fn both_modes_write_the_same_cells_styles_and_notes() {
        let f = Fixture::new();
        let suggestions = with_suggestions(&f);
        let o = Outcome {
            suggestions: &suggestions,
            ..f.outcome()
        };
        let t = Tables::build(&o);
        let small = render_with(&o, &t, MAX_NOTES, Mode::InMemory).unwrap();
        let big = render_with(&o, &t, MAX_NOTES, BIG).unwrap();
        for sheet in 1..=8 {
            assert_eq!(
                sheet_cells(&small, sheet),
                sheet_cells(&big, sheet),
                "sheet {sheet}"
            );
        }
        assert_eq!(notes(&small), notes(&big));
        assert_eq!(notes_on(&small, 2), notes_on(&big, 2));
        assert!(!notes_on(&small, 2).is_empty());
        assert_eq!(part(&small, "xl/styles.xml"), part(&big, "xl/styles.xml"));
    }

    #[test]
    fn an_unusable_temporary_folder_is_a_clear_error() {
        let f = Fixture::new();
        let o = f.outcome();
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let mode = Mode::ConstantMemory {
            tempdir: Some(missing.clone()),
        };
        let err = render_with(&o, &Tables::build(&o), MAX_NOTES, mode).unwrap_err();
        assert!(
            matches!(&err, Error::TempDir { dir, .. } if *dir == missing),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(message.contains("TMPDIR"), "{message}");
        assert!(message.contains("report.xlsx"), "{message}");
    }

    #[test]
    fn finding_at_a_party_header_maps_to_the_header_row() {
        let f = Fixture::new();
        let o = f.outcome();
        let mut x = o.audit.findings[1].clone();
        x.pos = Some(Pos::new(1, 2));
        x.party = None;
        assert_eq!(cells_of(&o, &[x]), [Some((0, 4))]);
    }

    /// The notes in a saved workbook's Matrix sheet, as (cell reference, text).
    fn notes(bytes: &[u8]) -> Vec<(String, String)> {
        let Some(xml) = part(bytes, "xl/comments1.xml") else {
            return Vec::new();
        };
        xml.split("<comment ref=\"")
            .skip(1)
            .map(|c| (c.split('"').next().unwrap().to_string(), runs(c)))
            .collect()
    }

    /// The notes on a saved workbook's sheet (1-based), as (cell reference, text): its
    /// comments part is the one its relationships name (numbered among the sheets with notes).
    fn notes_on(bytes: &[u8], sheet: usize) -> Vec<(String, String)> {
        let Some(rels) = part(bytes, &format!("xl/worksheets/_rels/sheet{sheet}.xml.rels")) else {
            return Vec::new();
        };
        let Some(comments) = rels
            .split("Target=\"../")
            .skip(1)
            .map(|t| t.split('"').next().unwrap())
            .find(|t| t.starts_with("comments"))
        else {
            return Vec::new();
        };
        let xml = part(bytes, &format!("xl/{comments}")).unwrap();
        xml.split("<comment ref=\"")
            .skip(1)
            .map(|c| (c.split('"').next().unwrap().to_string(), runs(c)))
            .collect()
    }

    /// Suggestions made for the fixture by hand (the suggester finds nobody to fit it): two
    /// on one cell, a cell filled where nobody held letters, a cell emptied, the unreadable
    /// cell given letters, a cell changed and changed back, and a change outside the matrix.
    fn with_suggestions(f: &Fixture) -> Vec<crate::suggest::Suggestion> {
        use crate::suggest::{CellChange, Suggestion};
        let m = &f.matrix;
        let set = |s: &str| -> LetterSet {
            s.chars()
                .filter_map(|c| Letter::ALL.into_iter().find(|l| l.as_char() == c))
                .fold(LetterSet::EMPTY, LetterSet::with)
        };
        let change = |task: usize, party: usize, from: &str, to: &str| CellChange {
            task,
            party,
            pos: crate::suggest::cell_of(m, task, party),
            from: set(from),
            to: set(to),
        };
        let one =
            |code: &'static str, task: usize, changes: Vec<CellChange>, reason: &str| Suggestion {
                finding: 0,
                code,
                task: Some(task),
                party: None,
                changes,
                reason: reason.to_string(),
            };
        vec![
            one(
                "R001",
                2,
                vec![change(2, 1, "C", "A")],
                "Tom <PM> & co take the A.",
            ),
            one("R003", 2, vec![change(2, 1, "A", "RA")], "Tom does it too."),
            one(
                "R007",
                6,
                vec![change(6, 0, "", "RA")],
                "Maria holds lunch.",
            ),
            one(
                "P002",
                0,
                vec![change(0, 2, "R", "")],
                "Dev Team has too much.",
            ),
            one(
                "R001",
                7,
                vec![change(7, 2, "", "A")],
                "Dev Team owns the demo.",
            ),
            one(
                "P001",
                4,
                vec![change(4, 0, "A", "RA")],
                "Maria takes the R.",
            ),
            one(
                "P002",
                4,
                vec![change(4, 0, "RA", "A")],
                "Maria gives it back.",
            ),
            one("G002", 3, vec![], "Nobody fits."),
            one(
                "R001",
                1,
                vec![change(1, 99, "", "A")],
                "A party the matrix lacks.",
            ),
        ]
    }

    fn unescape(xml: &str) -> String {
        xml.replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn proposed_sheet_applies_every_suggestion_and_notes_the_reasons() {
        let f = Fixture::new();
        let suggestions = with_suggestions(&f);
        assert!(suggestions.iter().any(|s| s.fixes()), "{suggestions:?}");
        let o = Outcome {
            suggestions: &suggestions,
            ..f.outcome()
        };
        let proposed = crate::suggest::apply(o.matrix, &suggestions);
        let letters = |m: &Matrix, t: usize, p: usize| {
            m.tasks[t]
                .assignments
                .iter()
                .filter(|a| a.party == p)
                .fold(LetterSet::EMPTY, |l, a| l.union(a.letters))
        };
        for mode in [Mode::InMemory, BIG] {
            let bytes = render_with(&o, &Tables::build(&o), MAX_NOTES, mode).unwrap();
            let workbook = part(&bytes, "xl/workbook.xml").unwrap();
            assert!(workbook.contains("<sheet name=\"Proposed\" sheetId=\"2\""));
            let matrix = sheet_cells(&bytes, 1);
            let sheet = sheet_cells(&bytes, 2);
            let notes = notes_on(&bytes, 2);
            let mut changed = 0;
            for t in 0..o.matrix.tasks.len() {
                for p in 0..o.matrix.parties.len() {
                    let col = FIXED_COLUMNS as u32 + p as u32;
                    let at = format!("{}{}", crate::model::column_name(col), t + 2);
                    let (before, after) = (letters(o.matrix, t, p), letters(&proposed, t, p));
                    if before == after {
                        // As on the Matrix sheet, problem outlines aside.
                        let text = |c: &HashMap<String, (u16, String)>| {
                            c.get(&at).map(|(_, text)| text.clone()).unwrap_or_default()
                        };
                        assert_eq!(text(&sheet), text(&matrix), "{at}");
                        assert_ne!(sheet.get(&at).map(|c| c.0), Some(Style::CHANGED.0), "{at}");
                        assert!(notes.iter().all(|(n, _)| *n != at), "{at} has a note");
                        continue;
                    }
                    changed += 1;
                    let (style, text) = sheet.get(&at).unwrap_or_else(|| panic!("{at}"));
                    assert_eq!(
                        (*style, text.as_str()),
                        (Style::CHANGED.0, &*after.to_string())
                    );
                    let note = &notes.iter().find(|(n, _)| *n == at).expect("a note").1;
                    let reasons: Vec<&crate::suggest::Suggestion> = suggestions
                        .iter()
                        .filter(|s| s.changes.iter().any(|c| (c.task, c.party) == (t, p)))
                        .collect();
                    assert!(!reasons.is_empty());
                    for s in reasons {
                        assert!(
                            unescape(note).contains(&format!("{}: {}", s.code, s.reason)),
                            "{at}: {note}"
                        );
                    }
                }
            }
            assert!(changed > 0);
            // One note per changed cell, and the legend on A1.
            assert_eq!(notes.len(), changed + 1, "{notes:?}");
            let legend = &notes.iter().find(|(n, _)| n == "A1").unwrap().1;
            assert!(
                legend.contains(&format!("{changed} cells changed")),
                "{legend}"
            );
            // The rest of the sheet is laid out as the Matrix sheet.
            for t in 0..=o.matrix.tasks.len() {
                for col in 0..FIXED_COLUMNS as u32 {
                    let at = format!("{}{}", crate::model::column_name(col), t + 1);
                    let text = |c: &HashMap<String, (u16, String)>| {
                        c.get(&at).map(|(_, text)| text.clone()).unwrap_or_default()
                    };
                    assert_eq!(text(&sheet), text(&matrix), "{at}");
                }
            }
        }
    }

    #[test]
    fn proposed_sheet_notes_stop_at_the_cap() {
        let f = Fixture::new();
        let suggestions = with_suggestions(&f);
        let o = Outcome {
            suggestions: &suggestions,
            ..f.outcome()
        };
        let t = Tables::build(&o);
        let all = notes_on(&render(&o, &t).unwrap(), 2);
        assert!(all.len() >= 3, "{all:?}");
        let capped = notes_on(&render_with(&o, &t, 1, Mode::InMemory).unwrap(), 2);
        assert_eq!(capped.len(), 2, "{capped:?}");
        let legend = &capped.iter().find(|(at, _)| at == "A1").unwrap().1;
        assert!(legend.contains("the first 1 with a note"), "{legend}");
    }

    #[test]
    fn proposed_sheet_without_a_change_says_so_in_a1() {
        let f = Fixture::new();
        let none = f.outcome();
        let mut open = with_suggestions(&f);
        for s in &mut open {
            s.changes.clear();
        }
        let nobody = Outcome {
            suggestions: &open,
            ..f.outcome()
        };
        for (o, want) in [
            (none, "No suggested fixes: "),
            (nobody, "No suggested fix changes a cell: for the "),
        ] {
            for mode in [Mode::InMemory, BIG] {
                let bytes = render_with(&o, &Tables::build(&o), MAX_NOTES, mode).unwrap();
                let sheet = sheet_cells(&bytes, 2);
                assert_eq!(sheet.len(), 1, "{sheet:?}");
                assert!(sheet["A1"].1.starts_with(want), "{:?}", sheet["A1"]);
                assert!(notes_on(&bytes, 2).is_empty());
            }
        }
    }

    #[test]
    fn proposed_sheet_keeps_formula_looking_names_text() {
        let f = Fixture::new();
        let mut matrix = f.matrix.clone();
        matrix.tasks[0].name = "=HYPERLINK(\"http://x\")".into();
        let suggestions = with_suggestions(&f);
        let o = Outcome {
            matrix: &matrix,
            suggestions: &suggestions,
            ..f.outcome()
        };
        let bytes = render(&o, &Tables::build(&o)).unwrap();
        let (style, text) = &sheet_cells(&bytes, 2)["A2"];
        assert_eq!(unescape(text), "=HYPERLINK(\"http://x\")");
        assert!(style_of(*style).1, "no quote prefix");
    }

    #[test]
    fn notes_stop_at_the_cap_and_a1_says_so() {
        let f = Fixture::new();
        let o = f.outcome();
        let t = Tables::build(&o);
        let all = notes(&render(&o, &t).unwrap());
        assert!(all.len() >= 3, "{all:?}");
        assert!(all.iter().all(|(at, _)| at != "A1"));
        let capped = notes(&render_with(&o, &t, 2, Mode::InMemory).unwrap());
        // Two cells with their notes, in findings order, plus the legend on A1.
        assert_eq!(capped.len(), 3, "{capped:?}");
        let legend = &capped.iter().find(|(at, _)| at == "A1").unwrap().1;
        assert!(
            legend.contains(&format!("{} cells hold a problem", all.len())),
            "{legend}"
        );
        assert!(legend.contains("the first 2"), "{legend}");
        let first_two: Vec<&str> = {
            let mut cells: Vec<(u32, u16)> = Vec::new();
            for at in finding_cells(&o).into_iter().flatten() {
                if !cells.contains(&at) && cells.len() < 2 {
                    cells.push(at);
                }
            }
            let names: Vec<String> = cells
                .iter()
                .map(|&(r, c)| format!("{}{}", crate::model::column_name(c as u32), r + 1))
                .collect();
            all.iter()
                .filter(|(at, _)| names.contains(at))
                .map(|(at, _)| at.as_str())
                .collect()
        };
        for at in first_two {
            assert!(capped.iter().any(|(a, _)| a == at), "{at} lost its note");
        }
    }
}
