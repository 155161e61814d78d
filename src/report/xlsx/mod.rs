//! `report.xlsx`: the matrix colour-coded with problem cells marked by a note naming the
//! finding, and every report table as a formatted, filterable sheet. Byte-identical across runs
//! (the creation date is fixed).
//!
//! The workbook is written by this module rather than by a general spreadsheet library: on a
//! 50,000-task matrix (about a million cells) rust_xlsxwriter took a second, half of the whole
//! audit, keeping each row and hashing each cell's format. Here every format is known up front
//! ([`styles`]), each sheet streams its XML straight into its own deflate stream ([`sheet`]),
//! and the sheets are written in parallel; the package around them ([`package`]) follows the
//! XML rust_xlsxwriter writes, which Excel, LibreOffice and calamine open without repair.

mod package;
mod sheet;
mod styles;

use super::tables::{side, Cell, Table, Tables};
use super::text::escape_formula;
use crate::audit::{Finding, Severity};
use crate::model::{Letter, LetterSet, Pos, Side};
use crate::outcome::Outcome;
use crate::{Error, Result};
use package::{Contents, Grid, Note};
use rayon::prelude::*;
use sheet::{Column, Freeze, SheetSpec, SheetTail, SheetWriter};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use styles::Style;
use zip::write::{PreparedZipFile, ZipFileBuilder};

/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Notes hold a little less (Excel keeps room for the author).
const MAX_NOTE_CHARS: usize = 32_000;
/// Excel's limits on a sheet.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;

/// Notes on the Matrix sheet at most: Excel slows down with thousands of comment shapes, and
/// each costs almost a kilobyte of drawing. Past this many the rest of the problem cells are
/// outlined only, and a note on A1 says so.
const MAX_NOTES: usize = 2_000;

/// The author every note names.
const AUTHOR: &str = "raci-audit";

/// Matrix sheet columns before the first party.
const FIXED_COLUMNS: u16 = 3;

fn write_error(e: impl std::fmt::Display) -> Error {
    Error::Write {
        path: "report.xlsx".into(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Text as a cell may hold it: guarded against formulas and cut to Excel's cell limit with a
/// visible mark (the full text is in the CSV and JSON reports).
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = escape_formula(text);
    // A cell holds at most as many characters as bytes: only long text needs counting.
    if escaped.len() <= MAX_CELL_CHARS || escaped.chars().count() <= MAX_CELL_CHARS {
        return escaped;
    }
    let mark = "… (cut: Excel cells hold 32767 characters)";
    let keep = MAX_CELL_CHARS - mark.chars().count();
    let mut out: String = escaped.chars().take(keep).collect();
    out.push_str(mark);
    out.into()
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

/// The Matrix sheet's problem cells and notes, worked out before any cell is written.
struct Marks<'a> {
    /// Cells with a finding, each with its findings in findings order (errors first).
    found: BTreeMap<(u32, u16), Vec<&'a Finding>>,
    /// The notes, in cell order.
    notes: Vec<Note>,
}

impl<'a> Marks<'a> {
    fn new(o: &'a Outcome, max_notes: usize) -> Marks<'a> {
        let mut found: BTreeMap<(u32, u16), Vec<&Finding>> = BTreeMap::new();
        // The problem cells in findings order: the first `max_notes` get a note.
        let mut first_seen: Vec<(u32, u16)> = Vec::new();
        for (f, at) in o.audit.findings.iter().zip(finding_cells(o)) {
            if let Some(at) = at {
                let list = found.entry(at).or_default();
                if list.is_empty() {
                    first_seen.push(at);
                }
                list.push(f);
            }
        }
        first_seen.truncate(max_notes);
        let mut notes = Vec::with_capacity(first_seen.len() + 1);
        if found.len() > max_notes {
            // A1 gets the legend rather than its own findings, if it had any; they are on the
            // Findings sheet like the rest.
            first_seen.retain(|&at| at != (0, 0));
            notes.push(Note {
                row: 0,
                col: 0,
                text: format!(
                    "{} cells hold a problem and are outlined in red; the first {max_notes} \
                     (errors first) carry a note. The Findings sheet lists all {} findings with \
                     their cells.",
                    found.len(),
                    o.audit.findings.len()
                ),
                width: 360,
                height: 80,
            });
        }
        for at @ (row, col) in first_seen {
            let list = &found[&at];
            let text: Vec<String> = list
                .iter()
                .map(|f| format!("{} {} ({}): {}", f.code, f.name, f.severity, f.message))
                .collect();
            notes.push(Note {
                row,
                col,
                text: text.join("\n").chars().take(MAX_NOTE_CHARS).collect(),
                width: 360,
                height: 40 + 40 * list.len().min(8) as u32,
            });
        }
        notes.sort_by_key(|n| (n.row, n.col));
        Marks { found, notes }
    }

    fn has(&self, row: u32, col: u16) -> bool {
        self.found.contains_key(&(row, col))
    }
}

/// The Matrix sheet's column widths: task, group, side, then one per party from its name.
fn matrix_columns(o: &Outcome) -> Vec<Column> {
    let fixed = [40.0, 18.0, 13.0];
    let parties = o
        .matrix
        .parties
        .iter()
        .map(|p| (p.name.chars().count() as f64 * 0.6).clamp(8.0, 18.0));
    fixed
        .into_iter()
        .chain(parties)
        .map(|width| Column {
            width,
            style: Style::DEFAULT,
        })
        .collect()
}

/// The bottom-right cell (0-based) of the Matrix sheet's filter; none without tasks.
fn matrix_filter(o: &Outcome) -> Option<(u32, u16)> {
    let m = o.matrix;
    let last_col = FIXED_COLUMNS + m.parties.len() as u16 - 1;
    (!m.tasks.is_empty()).then_some((m.tasks.len() as u32, last_col))
}

/// The Matrix sheet's first row is this tall, in points, for wrapped party names.
const HEADER_HEIGHT: f64 = 45.0;

/// Writes the Matrix sheet: task, group, side and a column per party, each letter cell
/// coloured by its owning letter, problem cells outlined.
fn matrix_sheet<W: Write>(
    out: W,
    o: &Outcome,
    columns: &[Column],
    marks: &Marks,
) -> std::io::Result<W> {
    let m = o.matrix;
    let last_col = FIXED_COLUMNS + m.parties.len() as u16 - 1;
    let spec = SheetSpec {
        last_cell: Some((m.tasks.len() as u32, last_col)),
        selected: true,
        freeze: Freeze::HeaderRowAndFirstColumn,
        columns,
        header_height: Some(HEADER_HEIGHT),
    };
    let mut w = SheetWriter::new(out, &spec)?;

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
        w.text(0, col, &cell_text(&party.name), style)?;
    }

    let mut row_marks = marks.found.keys().peekable();
    let mut cells: Vec<MatrixCell> = Vec::new();
    let mut marked_cols: Vec<u16> = Vec::new();
    for (t, task) in m.tasks.iter().enumerate() {
        let row = t as u32 + 1;
        marked_cols.clear();
        while row_marks.next_if(|(r, _)| *r < row).is_some() {}
        while let Some(&(_, col)) = row_marks.next_if(|(r, _)| *r == row) {
            marked_cols.push(col);
        }
        let noted = |col: u16| marked_cols.contains(&col);

        let name_style = if noted(0) {
            Style::PROBLEM_NAME
        } else {
            Style::DEFAULT
        };
        w.text(row, 0, &cell_text(&task.name), name_style)?;
        let group = task.group.as_deref().unwrap_or_default();
        w.text(row, 1, &cell_text(group), Style::DEFAULT.marked(noted(1)))?;
        w.text(
            row,
            2,
            side(o, t).as_str(),
            Style::side(side(o, t)).marked(noted(2)),
        )?;

        // This row's letter cells, and its unreadable cells merged in (their letters join).
        cells.clear();
        cells.extend(task.assignments.iter().map(|a| MatrixCell {
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
                let style = Style::letter(main_letter(cell.letters)).marked(problem);
                match cell.raw {
                    Some(raw) => w.text(row, c, &cell_text(raw), style)?,
                    None => w.text(row, c, &cell.letters.to_string(), style)?,
                }
            } else if let Some(m) = next_mark.next() {
                w.blank(row, m, Style::PROBLEM)?;
            }
        }
    }
    w.finish(SheetTail {
        autofilter: matrix_filter(o),
        notes: !marks.notes.is_empty(),
        table: false,
    })
}

/// The widest a table column gets, in characters.
const MAX_COLUMN_CHARS: usize = 60;

/// Column widths from the text written: the longest value per column (header included, with
/// room for the filter button), counted up to [`MAX_COLUMN_CHARS`]. Characters are a close
/// enough measure for a starting width the reader can drag.
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

/// Writes one report table as a sheet: the header row, then the rows, under an Excel table
/// (filter buttons, banded rows) that [`package::table`] describes.
fn table_sheet<W: Write>(out: W, t: &Table) -> std::io::Result<W> {
    let ncols = t.headers.len() as u16;
    let decimal_column = |c: usize| {
        matches!(
            t.rows.first().and_then(|r| r.get(c)),
            Some(Cell::Decimal2(_))
        )
    };
    let columns: Vec<Column> = column_widths(t)
        .into_iter()
        .enumerate()
        .map(|(c, width)| Column {
            width,
            style: if decimal_column(c) {
                Style::DECIMAL
            } else {
                Style::DEFAULT
            },
        })
        .collect();
    let spec = SheetSpec {
        last_cell: Some((t.rows.len() as u32, ncols.saturating_sub(1))),
        selected: false,
        freeze: Freeze::HeaderRow,
        columns: &columns,
        header_height: None,
    };
    let mut w = SheetWriter::new(out, &spec)?;
    for (c, (h, col)) in t.headers.iter().zip(spec.columns).enumerate() {
        // The header takes its column's format, as Excel gives it to a cell typed there.
        w.text(0, c as u16, h, col.style)?;
    }
    let colouring: Vec<Colouring> = t.headers.iter().map(|h| Colouring::of(h)).collect();
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (cell, colour)) in row.iter().zip(&colouring).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(text) => w.text(r, c, &cell_text(text), colour.style(text))?,
                Cell::Int(n) => w.int(r, c, *n, Style::DEFAULT)?,
                Cell::Decimal2(x) => w.decimal(r, c, *x, Style::DECIMAL)?,
            }
        }
    }
    w.finish(SheetTail {
        autofilter: None,
        notes: false,
        table: true,
    })
}

/// The workbook's bytes: sheets Matrix, Findings, Overlaps, Gaps, Coverage, Parties, Tasks.
pub(crate) fn render(o: &Outcome, tables: &Tables) -> Result<Vec<u8>> {
    render_with(o, tables, MAX_NOTES)
}

/// A sheet to write.
#[derive(Clone, Copy)]
enum SheetJob<'t, 'a> {
    Matrix,
    Table(&'t Table<'a>),
}

fn render_with(o: &Outcome, tables: &Tables, max_notes: usize) -> Result<Vec<u8>> {
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
    let listed = [
        &tables.findings,
        &tables.overlaps,
        &tables.gaps,
        &tables.coverage,
        &tables.parties,
        &tables.tasks,
    ];
    let marks = Marks::new(o, max_notes);
    let columns = matrix_columns(o);
    let jobs: Vec<SheetJob> = std::iter::once(SheetJob::Matrix)
        .chain(listed.iter().map(|t| SheetJob::Table(t)))
        .collect();
    // The sheets are independent: each is written and compressed on its own, in parallel (the
    // Matrix and Tasks sheets are most of a big workbook, and about the same size).
    let sheets: Vec<PreparedZipFile> = jobs
        .par_iter()
        .enumerate()
        .map(|(i, job)| -> Result<PreparedZipFile> {
            let name = format!("xl/worksheets/sheet{}.xml", i + 1);
            let builder = ZipFileBuilder::new(&name, package::options()).map_err(write_error)?;
            let builder = match job {
                SheetJob::Matrix => matrix_sheet(builder, o, &columns, &marks),
                SheetJob::Table(t) => table_sheet(builder, t),
            }
            .map_err(write_error)?;
            builder.finish().map_err(write_error)
        })
        .collect::<Result<_>>()?;

    let title = match &m.source.sheet {
        Some(sheet) => format!("RACI audit: {} [{}]", m.source.file, sheet),
        None => format!("RACI audit: {}", m.source.file),
    };
    let contents = Contents {
        sheet_names: std::iter::once("Matrix")
            .chain(listed.iter().map(|t| t.title))
            .collect(),
        table_sheets: (2..=listed.len() + 1).collect(),
        notes: !marks.notes.is_empty(),
        autofilter: matrix_filter(o).map(|(row, col)| {
            format!(
                "$A$1:${}${}",
                crate::model::column_name(col.into()),
                u64::from(row) + 1
            )
        }),
        title: &title,
        author: AUTHOR,
    };
    let small: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            package::content_types(&contents).into(),
        ),
        ("_rels/.rels".into(), package::root_rels().into()),
        ("docProps/app.xml".into(), package::app(&contents).into()),
        ("docProps/core.xml".into(), package::core(&contents).into()),
        (
            "xl/_rels/workbook.xml.rels".into(),
            package::workbook_rels(&contents).into(),
        ),
        (
            "xl/workbook.xml".into(),
            package::workbook(&contents).into(),
        ),
        ("xl/styles.xml".into(), styles::styles_xml().into()),
        ("xl/theme/theme1.xml".into(), THEME.as_bytes().to_vec()),
    ];
    let mut late: Vec<(String, Vec<u8>)> = Vec::new();
    if contents.notes {
        late.push((
            "xl/worksheets/_rels/sheet1.xml.rels".into(),
            package::notes_sheet_rels().into(),
        ));
    }
    for (n, (sheet, t)) in contents.table_sheets.iter().zip(&listed).enumerate() {
        late.push((
            format!("xl/worksheets/_rels/sheet{sheet}.xml.rels"),
            package::table_sheet_rels(n + 1).into(),
        ));
        let last_row = t.rows.len().max(1) as u32;
        late.push((
            format!("xl/tables/table{}.xml", n + 1),
            package::table(n + 1, t.title, &t.headers, last_row).into(),
        ));
    }
    if contents.notes {
        let grid = Grid {
            column_pixels: columns.iter().map(Column::pixels).collect(),
            header_pixels: (HEADER_HEIGHT * 4.0 / 3.0) as u32,
        };
        late.push((
            "xl/comments1.xml".into(),
            package::comments(&marks.notes, AUTHOR),
        ));
        late.push((
            "xl/drawings/vmlDrawing1.vml".into(),
            package::vml(&marks.notes, &grid),
        ));
    }
    let mut parts = Vec::with_capacity(small.len() + sheets.len() + late.len());
    for (name, xml) in small {
        parts.push(package::part(&name, &xml).map_err(write_error)?);
    }
    parts.extend(sheets);
    for (name, xml) in late {
        parts.push(package::part(&name, &xml).map_err(write_error)?);
    }
    package::zip(parts).map_err(write_error)
}

/// The workbook's colour and font theme: Excel's default "Office Theme", as rust_xlsxwriter
/// writes it (fonts and colours in `styles.xml` refer to it).
const THEME: &str = include_str!("theme1.xml");

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

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

    /// The Matrix sheet's cells of a saved workbook: reference -> (style, text or value).
    fn matrix_cells(bytes: &[u8]) -> HashMap<String, (u16, String)> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        let mut f = zip.by_name("xl/worksheets/sheet1.xml").unwrap();
        std::io::Read::read_to_string(&mut f, &mut xml).unwrap();
        xml.split("<c r=\"")
            .skip(1)
            .map(|c| {
                let (at, rest) = c.split_once('"').unwrap();
                let head = rest.split('>').next().unwrap();
                let style = head
                    .split_once(" s=\"")
                    .map_or(0, |(_, s)| s.split('"').next().unwrap().parse().unwrap());
                let text = rest
                    .split_once("<t>")
                    .map(|(_, t)| t.split('<').next().unwrap().to_string())
                    .unwrap_or_default();
                (at.to_string(), (style, text))
            })
            .collect()
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
        assert!(!marks.found.is_empty());
        for &(row, col) in marks.found.keys() {
            let (style, _) = cells
                .get(&name(row, col))
                .unwrap_or_else(|| panic!("{} not written", name(row, col)));
            assert!(
                Style(*style).is_outlined(),
                "{} not outlined",
                name(row, col)
            );
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
                assert_eq!(*style, want.0, "{}", name(row, col));
            }
        }
        let outlined = cells
            .values()
            .filter(|(s, _)| Style(*s).is_outlined())
            .count();
        let unreadable_unmarked = o
            .matrix
            .issues
            .iter()
            .filter_map(|i| Some((i.task? as u32 + 1, FIXED_COLUMNS + i.party? as u16)))
            .filter(|&(r, c)| !marks.has(r, c))
            .count();
        assert_eq!(outlined, marks.found.len() + unreadable_unmarked);
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
            assert!(Style(*style).is_outlined(), "{at}");
        }
        let outlined = cells
            .values()
            .filter(|(s, _)| Style(*s).is_outlined())
            .count();
        assert_eq!(outlined, unreadable.len());
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
            assert_eq!((Style(*style), text.as_str()), (Style::PROBLEM, ""), "{at}");
        }
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
        assert_eq!(cells_of(&o, &[x]), [Some((0, 4))]);
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
            let mut cells: Vec<(u32, u16)> = Vec::new();
            for at in finding_cells(&o).into_iter().flatten() {
                {
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
