//! `report.xlsx`: the matrix colour-coded with problem cells marked by a note naming the
//! finding, and every report table as a formatted, filterable sheet. Byte-identical across runs
//! (the creation date is fixed).

use super::tables::{side, Cell, Table, Tables};
use super::text::escape_formula;
use crate::audit::{Finding, Severity};
use crate::model::{Letter, LetterSet, Pos, Side};
use crate::outcome::Outcome;
use crate::{Error, Result};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Note, Table as XTable,
    TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Okabe-Ito colours, the same the charts use, so a letter or a side looks the same everywhere.
const R_COLOUR: u32 = 0x0072B2;
const A_COLOUR: u32 = 0xD55E00;
const C_COLOUR: u32 = 0x009E73;
const I_COLOUR: u32 = 0xF0E442;
const S_COLOUR: u32 = 0x56B4E9;
const V_COLOUR: u32 = 0xCC79A7;
const PO_COLOUR: u32 = 0x0072B2;
const PM_COLOUR: u32 = 0xE69F00;
const SHARED_COLOUR: u32 = 0xCC79A7;
const UNCLASSIFIED_COLOUR: u32 = 0xBBBBBB;
const DARK_TEXT: u32 = 0x1B1B1B;
const PROBLEM_FILL: u32 = 0xFDE2DF;
const PROBLEM_BORDER: u32 = 0xC00000;

/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Notes hold a little less (rust_xlsxwriter keeps room for the author).
const MAX_NOTE_CHARS: usize = 32_000;

/// Notes on the Matrix sheet at most. rust_xlsxwriter keeps some 7 KB per note until the file
/// is saved (60 MB for the 8,000 problem cells of a 50,000-task matrix), and Excel itself
/// slows down with thousands of comment shapes; past this many the rest of the problem cells
/// are outlined only, and a note on A1 says so.
const MAX_NOTES: usize = 2_000;

/// Matrix sheet columns before the first party.
const FIXED_COLUMNS: u16 = 3;

fn xlsx_error(e: XlsxError) -> Error {
    Error::Write {
        path: "report.xlsx".into(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Text as a cell may hold it: guarded against formulas and cut to Excel's cell limit with a
/// visible mark (the full text is in the CSV and JSON reports).
fn cell_text(text: &str) -> String {
    let escaped = escape_formula(text);
    // A cell holds at most as many characters as bytes: only long text needs counting.
    if escaped.len() <= MAX_CELL_CHARS || escaped.chars().count() <= MAX_CELL_CHARS {
        return escaped.into_owned();
    }
    let mark = "… (cut: Excel cells hold 32767 characters)";
    let keep = MAX_CELL_CHARS - mark.chars().count();
    let mut out: String = escaped.chars().take(keep).collect();
    out.push_str(mark);
    out
}

/// Writes `text` with `format`, or with the column's default when `None`.
///
/// rust_xlsxwriter hashes a cell's `Format` on every write to find its style index, and that
/// was a third of the time spent on this workbook; most cells have no format of their own,
/// so they are written without one.
fn put(ws: &mut Worksheet, row: u32, col: u16, text: &str, format: Option<&Format>) -> Result<()> {
    match (text.is_empty(), format) {
        // A blank keeps its format (a side colour, a problem border) without an empty string.
        (true, Some(format)) => ws.write_blank(row, col, format).map(|_| ()),
        (true, None) => Ok(()),
        (false, Some(format)) => ws
            .write_string_with_format(row, col, cell_text(text), format)
            .map(|_| ()),
        (false, None) => ws.write_string(row, col, cell_text(text)).map(|_| ()),
    }
    .map_err(xlsx_error)
}

/// The letter a cell's colour shows: the owning letter first.
fn main_letter(letters: LetterSet) -> Option<Letter> {
    [
        Letter::A,
        Letter::R,
        Letter::C,
        Letter::I,
        Letter::S,
        Letter::V,
    ]
    .into_iter()
    .find(|&l| letters.contains(l))
}

fn fill(colour: u32, dark_text: bool) -> Format {
    Format::new()
        .set_background_color(Color::RGB(colour))
        .set_font_color(Color::RGB(if dark_text { DARK_TEXT } else { 0xFFFFFF }))
}

/// The letters in the order of [`Formats::letter`] (after the first, `None`, entry).
const LETTER_ORDER: [Letter; 6] = [
    Letter::R,
    Letter::A,
    Letter::C,
    Letter::I,
    Letter::S,
    Letter::V,
];

fn letter_format(letter: Option<Letter>) -> Format {
    let base = match letter {
        Some(Letter::R) => fill(R_COLOUR, false),
        Some(Letter::A) => fill(A_COLOUR, false),
        Some(Letter::C) => fill(C_COLOUR, false),
        Some(Letter::I) => fill(I_COLOUR, true),
        Some(Letter::S) => fill(S_COLOUR, true),
        Some(Letter::V) => fill(V_COLOUR, true),
        None => Format::new(),
    };
    base.set_align(FormatAlign::Center).set_bold()
}

fn side_format(side: Side) -> Format {
    match side {
        Side::Po => fill(PO_COLOUR, false),
        Side::Pm => fill(PM_COLOUR, true),
        Side::Shared => fill(SHARED_COLOUR, true),
        Side::Unclassified => fill(UNCLASSIFIED_COLOUR, true),
    }
}

fn problem(format: Format) -> Format {
    format
        .set_border(FormatBorder::Thick)
        .set_border_color(Color::RGB(PROBLEM_BORDER))
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xE8E8E8))
        .set_border_bottom(FormatBorder::Medium)
}

fn side_index(side: Side) -> usize {
    match side {
        Side::Po => 0,
        Side::Pm => 1,
        Side::Shared => 2,
        Side::Unclassified => 3,
    }
}

/// A format and the same with the problem border.
struct Marked {
    plain: Format,
    problem: Format,
}

impl Marked {
    fn new(plain: Format) -> Marked {
        Marked {
            problem: problem(plain.clone()),
            plain,
        }
    }

    fn get(&self, is_problem: bool) -> &Format {
        if is_problem {
            &self.problem
        } else {
            &self.plain
        }
    }
}

/// Every format the workbook uses, built once and lent to each cell.
struct Formats {
    header: Marked,
    party_header: Marked,
    /// A blank cell with a problem border (a missing letter, a group with a finding).
    plain: Marked,
    /// A task name with a finding: filled and bordered.
    problem_name: Format,
    /// Index 0: a cell without letters; then [`LETTER_ORDER`].
    letter: [Marked; 7],
    /// In [`side_index`] order.
    side: [Marked; 4],
    error: Format,
    warning: Format,
    uncovered: Format,
    decimal: Format,
}

impl Formats {
    fn new() -> Formats {
        let letter =
            |i: usize| Marked::new(letter_format(i.checked_sub(1).map(|i| LETTER_ORDER[i])));
        let side = |s: Side| Marked::new(side_format(s));
        Formats {
            header: Marked::new(header_format()),
            party_header: Marked::new(header_format().set_align(FormatAlign::Center)),
            plain: Marked::new(Format::new()),
            problem_name: problem(Format::new().set_background_color(Color::RGB(PROBLEM_FILL))),
            letter: std::array::from_fn(letter),
            side: Side::ALL.map(side),
            error: fill(0xF8D7D3, true).set_bold(),
            warning: fill(0xFDEBD0, true),
            uncovered: fill(0xF8D7D3, true),
            decimal: Format::new().set_num_format("0.00"),
        }
    }

    fn letters(&self, letters: LetterSet) -> &Marked {
        let i = main_letter(letters)
            .and_then(|l| LETTER_ORDER.iter().position(|&x| x == l))
            .map_or(0, |i| i + 1);
        &self.letter[i]
    }

    /// The format of a table cell: severities, sides and uncovered duties coloured as in the
    /// HTML; `None` for the rest.
    fn table_cell(&self, header: &str, value: &str) -> Option<&Format> {
        match header {
            "severity" => match Severity::parse(value) {
                Some(Severity::Error) => Some(&self.error),
                Some(Severity::Warning) => Some(&self.warning),
                _ => None,
            },
            "side" | "title_side" => Side::parse(value).map(|s| &self.side[side_index(s)].plain),
            "covered" if value == "no" => Some(&self.uncovered),
            _ => None,
        }
    }
}

/// Where each matrix position shows on the Matrix sheet (sheet row, sheet column): task names,
/// letter cells, unreadable cells and party headers. Built once so that placing thousands of
/// findings stays linear.
fn sheet_positions(o: &Outcome) -> BTreeMap<Pos, (u32, u16)> {
    let m = o.matrix;
    let mut at = BTreeMap::new();
    // The first claim on a position wins: a task name before a letter cell before a header.
    for (t, task) in m.tasks.iter().enumerate() {
        if let Some(cell) = sheet_cell(t as u32 + 1, None) {
            at.entry(task.pos).or_insert(cell);
        }
    }
    for (t, task) in m.tasks.iter().enumerate() {
        for a in &task.assignments {
            if let Some(cell) = sheet_cell(t as u32 + 1, Some(a.party)) {
                at.entry(a.pos).or_insert(cell);
            }
        }
    }
    for issue in &m.issues {
        if let (Some(t), Some(p)) = (issue.task, issue.party) {
            if let Some(cell) = sheet_cell(t as u32 + 1, Some(p)) {
                at.entry(issue.pos).or_insert(cell);
            }
        }
    }
    for (p, party) in m.parties.iter().enumerate() {
        if let Some(cell) = sheet_cell(0, Some(p)) {
            at.entry(party.pos).or_insert(cell);
        }
    }
    at
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

/// Where a finding shows on the Matrix sheet, if it is about a cell the sheet shows; findings
/// about a duty only are listed on the Gaps and Findings sheets instead.
fn matrix_cell(
    o: &Outcome,
    positions: &BTreeMap<Pos, (u32, u16)>,
    f: &Finding,
) -> Option<(u32, u16)> {
    let m = o.matrix;
    if let Some(cell) = f.pos.and_then(|p| positions.get(&p)) {
        return Some(*cell);
    }
    let task_row = f.task.filter(|&t| t < m.tasks.len()).map(|t| t as u32 + 1);
    let party = f.party.filter(|&p| p < m.parties.len());
    match (task_row, party) {
        (Some(row), party) => sheet_cell(row, party),
        (None, Some(p)) => sheet_cell(0, Some(p)),
        (None, None) => None,
    }
}

/// What one party cell of the Matrix sheet shows: the letters read, and the cell's text when it
/// could not be read in full.
#[derive(Default)]
struct MatrixCell {
    letters: LetterSet,
    raw: Option<String>,
}

/// Writes the Matrix sheet into `ws`, a constant-memory worksheet: everything about the sheet
/// first, then the cells strictly row by row (a row, once left, is on disk), with each note
/// kept aside by the writer.
fn matrix_sheet(
    ws: &mut Worksheet,
    o: &Outcome,
    formats: &Formats,
    max_notes: usize,
) -> Result<()> {
    let m = o.matrix;
    ws.set_name("Matrix").map_err(xlsx_error)?;

    let mut cells: BTreeMap<(usize, usize), MatrixCell> = BTreeMap::new();
    for (t, task) in m.tasks.iter().enumerate() {
        for a in &task.assignments {
            cells.entry((t, a.party)).or_default().letters = a.letters;
        }
    }
    for issue in &m.issues {
        if let (Some(t), Some(p)) = (issue.task, issue.party) {
            if t < m.tasks.len() && p < m.parties.len() {
                let cell = cells.entry((t, p)).or_default();
                cell.letters = cell.letters.union(issue.letters);
                cell.raw = Some(issue.raw.clone());
            }
        }
    }
    let positions = sheet_positions(o);
    let mut notes: BTreeMap<(u32, u16), Vec<&Finding>> = BTreeMap::new();
    // The problem cells in findings order (errors first): the first `max_notes` get a note.
    let mut first_seen: Vec<(u32, u16)> = Vec::new();
    for f in &o.audit.findings {
        if let Some(at) = matrix_cell(o, &positions, f) {
            let found = notes.entry(at).or_default();
            if found.is_empty() {
                first_seen.push(at);
            }
            found.push(f);
        }
    }
    let noted = |row: u32, col: u16| notes.contains_key(&(row, col));

    ws.set_column_width(0, 40).map_err(xlsx_error)?;
    ws.set_column_width(1, 18).map_err(xlsx_error)?;
    ws.set_column_width(2, 13).map_err(xlsx_error)?;
    for (p, party) in m.parties.iter().enumerate() {
        let width = (party.name.chars().count() as f64 * 0.6).clamp(8.0, 18.0);
        ws.set_column_width(FIXED_COLUMNS + p as u16, width)
            .map_err(xlsx_error)?;
    }
    ws.set_row_height(0, 45).map_err(xlsx_error)?;
    ws.set_freeze_panes(1, 1).map_err(xlsx_error)?;
    if !m.tasks.is_empty() {
        let last_col = FIXED_COLUMNS - 1 + m.parties.len() as u16;
        ws.autofilter(0, 0, m.tasks.len() as u32, last_col)
            .map_err(xlsx_error)?;
    }
    // Every problem cell is outlined; the first `max_notes` also carry a note naming their
    // findings.
    first_seen.truncate(max_notes);
    if notes.len() > max_notes {
        let total = o.audit.findings.len();
        let legend = format!(
            "{} cells hold a problem and are outlined in red; the first {max_notes} (errors \
             first) carry a note. The Findings sheet lists all {total} findings with their cells.",
            notes.len()
        );
        let note = Note::new(legend)
            .set_author("raci-audit")
            .set_width(360)
            .set_height(80);
        // A1 gets the legend rather than its own findings, if it had any; they are on the
        // Findings sheet like the rest.
        first_seen.retain(|&at| at != (0, 0));
        ws.insert_note(0, 0, &note).map_err(xlsx_error)?;
    }
    for at @ (row, col) in first_seen {
        let found = &notes[&at];
        let text: Vec<String> = found
            .iter()
            .map(|f| format!("{} {} ({}): {}", f.code, f.name, f.severity, f.message))
            .collect();
        let text: String = text.join("\n").chars().take(MAX_NOTE_CHARS).collect();
        let note = Note::new(text)
            .set_author("raci-audit")
            .set_width(360)
            .set_height(40 + 40 * found.len().min(8) as u32);
        ws.insert_note(row, col, &note).map_err(xlsx_error)?;
    }

    let header = &formats.header;
    put(ws, 0, 0, "Task", Some(header.get(noted(0, 0))))?;
    put(ws, 0, 1, "Group", Some(header.get(noted(0, 1))))?;
    put(ws, 0, 2, "Side", Some(header.get(noted(0, 2))))?;
    for (p, party) in m.parties.iter().enumerate() {
        let col = u16::try_from(FIXED_COLUMNS as usize + p)
            .map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
        let format = formats.party_header.get(noted(0, col));
        put(ws, 0, col, &party.name, Some(format))?;
    }
    let mut letter_cells = cells.iter().peekable();
    let mut marks = notes.keys().peekable();
    for (t, task) in m.tasks.iter().enumerate() {
        let row = u32::try_from(t + 1).map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
        let name_format = noted(row, 0).then_some(&formats.problem_name);
        put(ws, row, 0, &task.name, name_format)?;
        let group_format = noted(row, 1).then_some(&formats.plain.problem);
        let group = task.group.as_deref().unwrap_or_default();
        put(ws, row, 1, group, group_format)?;
        let s = side(o, t);
        let side_format = formats.side[side_index(s)].get(noted(row, 2));
        put(ws, row, 2, s.as_str(), Some(side_format))?;
        while let Some(((_, p), cell)) = letter_cells.next_if(|((ct, _), _)| *ct == t) {
            let col = FIXED_COLUMNS + *p as u16;
            let text = match &cell.raw {
                Some(raw) => Cow::Borrowed(raw.as_str()),
                None => Cow::Owned(cell.letters.to_string()),
            };
            // An unreadable cell always stands out, even if no rule reported it.
            let is_problem = cell.raw.is_some() || noted(row, col);
            let format = formats.letters(cell.letters).get(is_problem);
            put(ws, row, col, &text, Some(format))?;
        }
        // A finding on an empty letter cell (a missing letter): mark the empty cell.
        while marks.next_if(|(r, _)| *r < row).is_some() {}
        while let Some(&(_, col)) = marks.next_if(|(r, _)| *r == row) {
            let empty_letter_cell =
                col >= FIXED_COLUMNS && !cells.contains_key(&(t, (col - FIXED_COLUMNS) as usize));
            if empty_letter_cell {
                ws.write_blank(row, col, &formats.plain.problem)
                    .map_err(xlsx_error)?;
            }
        }
    }
    Ok(())
}

/// The widest a table column gets, in characters (autofit used to stop at 420 pixels).
const MAX_COLUMN_CHARS: usize = 60;

/// Column widths from the text written: the longest value per column (header included, with
/// room for the filter button), counted up to [`MAX_COLUMN_CHARS`].
///
/// rust_xlsxwriter's `autofit` measures every cell again after it is stored, with a
/// per-character pixel table; on a 50,000-row sheet that was a fifth of the workbook's time.
/// Characters are a close enough measure for a starting width the reader can drag.
fn column_widths(t: &Table) -> Vec<f64> {
    let mut chars: Vec<usize> = t.headers.iter().map(|h| h.len() + 3).collect();
    for row in &t.rows {
        for (width, cell) in chars.iter_mut().zip(row) {
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

/// Writes one report table into `ws`, a constant-memory worksheet: the table (which writes the
/// header row) and the sheet settings first, then the rows in order.
fn table_sheet(ws: &mut Worksheet, t: &Table, formats: &Formats) -> Result<()> {
    ws.set_name(t.title).map_err(xlsx_error)?;
    let ncols = t.headers.len() as u16;
    // Decimal columns get their number format once, as a column format that rust_xlsxwriter
    // gives each unformatted cell written in them, rather than a format hashed per cell.
    let decimal_column: Vec<bool> = (0..t.headers.len())
        .map(|c| {
            matches!(
                t.rows.first().and_then(|r| r.get(c)),
                Some(Cell::Decimal2(_))
            )
        })
        .collect();
    for (c, _) in decimal_column.iter().enumerate().filter(|(_, d)| **d) {
        ws.set_column_format(c as u16, &formats.decimal)
            .map_err(xlsx_error)?;
    }
    let columns: Vec<TableColumn> = t
        .headers
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    let table = XTable::new()
        .set_name(t.title)
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    // A table needs one data row; an empty one keeps the headers and filter in place.
    let last_row = t.rows.len().max(1) as u32;
    ws.add_table(0, 0, last_row, ncols - 1, &table)
        .map_err(xlsx_error)?;
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    for (c, width) in column_widths(t).into_iter().enumerate() {
        ws.set_column_width(c as u16, width).map_err(xlsx_error)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
        for (c, (cell, header)) in row.iter().zip(&t.headers).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(text) => {
                    put(ws, r, c, text, formats.table_cell(header, text))?;
                }
                Cell::Int(n) => {
                    ws.write_number(r, c, *n as f64).map_err(xlsx_error)?;
                }
                Cell::Decimal2(x) if decimal_column[c as usize] => {
                    ws.write_number(r, c, *x).map_err(xlsx_error)?;
                }
                Cell::Decimal2(x) => {
                    ws.write_number_with_format(r, c, *x, &formats.decimal)
                        .map_err(xlsx_error)?;
                }
            }
        }
    }
    Ok(())
}

/// The workbook's bytes: sheets Matrix, Findings, Overlaps, Gaps, Coverage, Parties, Tasks.
pub(crate) fn render(o: &Outcome, tables: &Tables) -> Result<Vec<u8>> {
    render_with(o, tables, MAX_NOTES)
}

fn render_with(o: &Outcome, tables: &Tables, max_notes: usize) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    // Deflate level 1, not 6: on a 50,000-task matrix the zip compression was half of the
    // time spent writing this workbook (benches/pipeline.rs), for a file a few percent smaller.
    wb.set_zip_compression_level(1);
    // A fixed creation date: the file records it, and a clock would make every run differ.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx_error)?;
    let title = match &o.matrix.source.sheet {
        Some(sheet) => format!("RACI audit: {} [{}]", o.matrix.source.file, sheet),
        None => format!("RACI audit: {}", o.matrix.source.file),
    };
    let props = DocProperties::new()
        .set_title(title)
        .set_author("raci-audit")
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    let formats = Formats::new();
    // Constant-memory worksheets: each row goes to an unnamed temporary file (gone when the
    // workbook is dropped, never visible in a folder) as soon as the next row starts, and
    // strings are stored inline. A stored cell costs rust_xlsxwriter some 200 bytes, so on a
    // 50,000-task matrix (a million cells) the in-memory workbook alone took 300 MB. Sheets are
    // written one after the other: style numbers are given out in first-use order, and a fixed
    // order keeps the bytes the same on every run.
    matrix_sheet(
        wb.add_worksheet_with_constant_memory()
            .map_err(xlsx_error)?,
        o,
        &formats,
        max_notes,
    )?;
    for table in [
        &tables.findings,
        &tables.overlaps,
        &tables.gaps,
        &tables.coverage,
        &tables.parties,
        &tables.tasks,
    ] {
        table_sheet(
            wb.add_worksheet_with_constant_memory()
                .map_err(xlsx_error)?,
            table,
            &formats,
        )?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    #[test]
    fn findings_map_to_matrix_cells() {
        let f = Fixture::new();
        let o = f.outcome();
        let positions = sheet_positions(&o);
        let at: Vec<_> = o
            .audit
            .findings
            .iter()
            .map(|x| matrix_cell(&o, &positions, x))
            .collect();
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

    #[test]
    fn long_text_is_cut_with_a_mark() {
        let long = "x".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with("32767 characters)"));
        assert_eq!(cell_text("=1"), "'=1");
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
        let o = f.outcome();
        let t = Tables::build(&o);
        assert_eq!(render(&o, &t).unwrap(), render(&o, &t).unwrap());
    }

    #[test]
    fn finding_at_a_party_header_maps_to_the_header_row() {
        let f = Fixture::new();
        let o = f.outcome();
        let mut x = o.audit.findings[1].clone();
        x.pos = Some(Pos::new(1, 2));
        x.party = None;
        assert_eq!(matrix_cell(&o, &sheet_positions(&o), &x), Some((0, 4)));
    }

    /// The notes in a saved workbook's Matrix sheet, as (cell reference, text).
    fn notes(bytes: &[u8]) -> Vec<(String, String)> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        match zip.by_name("xl/comments1.xml") {
            Ok(mut f) => {
                std::io::Read::read_to_string(&mut f, &mut xml).unwrap();
            }
            Err(_) => return Vec::new(),
        }
        xml.split("<comment ref=\"")
            .skip(1)
            .map(|c| {
                let at = c.split('"').next().unwrap().to_string();
                let text: String = c
                    .split("<t")
                    .skip(1)
                    .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                    .map(|t| t.split("</t>").next().unwrap())
                    .collect();
                (at, text)
            })
            .collect()
    }

    #[test]
    fn notes_stop_at_the_cap_and_a1_says_so() {
        let f = Fixture::new();
        let o = f.outcome();
        let t = Tables::build(&o);
        let all = notes(&render(&o, &t).unwrap());
        assert!(all.len() >= 3, "{all:?}");
        assert!(all.iter().all(|(at, _)| at != "A1"));
        let capped = notes(&render_with(&o, &t, 2).unwrap());
        // Two cells with their notes, in findings order, plus the legend on A1.
        assert_eq!(capped.len(), 3, "{capped:?}");
        let legend = &capped.iter().find(|(at, _)| at == "A1").unwrap().1;
        assert!(
            legend.contains(&format!("{} cells hold a problem", all.len())),
            "{legend}"
        );
        assert!(legend.contains("the first 2"), "{legend}");
        let first_two: Vec<&str> = {
            let positions = sheet_positions(&o);
            let mut cells: Vec<(u32, u16)> = Vec::new();
            for x in &o.audit.findings {
                if let Some(at) = matrix_cell(&o, &positions, x) {
                    if !cells.contains(&at) && cells.len() < 2 {
                        cells.push(at);
                    }
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
