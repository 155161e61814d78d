//! What each fuzz target does with its bytes. Shared, through `#[path]`, by the cargo-fuzz
//! targets in `fuzz_targets/` and by the replay test in `tests/it/props.rs`, so every committed
//! seed and crash input is checked by `cargo test` on a stable toolchain without cargo-fuzz.
//!
//! A target fails by panicking: either the code under test panicked outside its own guard, or
//! one of the invariants below does not hold for what it returned.

// Each fuzz binary uses one entry point; the replay test uses them all.
#![allow(dead_code)]

use raci_audit::classify::Taxonomy;
use raci_audit::input::{self, CellValue, Format, GridCell, Limits, Merge, Sheet, Workbook};
use raci_audit::layout::{self, LayoutOptions, PmMeans, SheetChoice};
use raci_audit::model::{self, CellParse, Matrix, Pos, Scheme, SchemeName};
use raci_audit::settings::{self, Settings};
use std::path::Path;

/// Every target, by the name of its `fuzz_targets/` binary and `fuzz/corpus/` folder.
pub const TARGETS: &[&str] = &[
    "parse_cell",
    "csv_ingest",
    "workbook_ingest",
    "layout_detect",
    "config_parse",
];

/// Runs one target on one input.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "parse_cell" => parse_cell(data),
        "csv_ingest" => csv_ingest(data),
        "workbook_ingest" => workbook_ingest(data),
        "layout_detect" => layout_detect(data),
        "config_parse" => config_parse(data),
        other => panic!("no fuzz target {other}"),
    }
}

/// Caps below the defaults so that one input cannot spend seconds building a legitimate
/// five-million-cell sheet: the caps themselves are what is under test, and they behave the
/// same at any size.
pub fn limits() -> Limits {
    Limits {
        max_file_bytes: 4 << 20,
        max_cells: 100_000,
        // The memory budget too, so an input the size of the caps is refused as early as a
        // hostile one would be under the defaults.
        max_memory_bytes: 64 << 20,
        ..Limits::default()
    }
}

const SCHEMES: [SchemeName; 7] = [
    SchemeName::Raci,
    SchemeName::Rasci,
    SchemeName::RaciVs,
    SchemeName::Daci,
    SchemeName::Cairo,
    SchemeName::Rapid,
    SchemeName::Legend,
];

/// `model::parse_cell` under every scheme: never panics, same answer twice, and what it calls
/// letters is a non-empty set.
pub fn parse_cell(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for name in SCHEMES {
        let scheme = Scheme::named(name);
        let first = model::parse_cell(&text, &scheme);
        assert_eq!(first, model::parse_cell(&text, &scheme), "{name:?}");
        if let CellParse::Unknown { unknown, .. } = &first {
            assert!(!unknown.is_empty(), "{name:?}: unknown without the parts");
        }
    }
}

/// The invariants every matrix from `layout::detect` keeps: indices point at tasks and parties
/// that exist, and every position lies inside the sheet's grid.
pub fn check_matrix(m: &Matrix) {
    let parties = m.parties.len();
    let tasks = m.tasks.len();
    for (t, task) in m.tasks.iter().enumerate() {
        let mut last = None;
        for a in &task.assignments {
            assert!(
                a.party < parties,
                "task {t}: party {} of {parties}",
                a.party
            );
            assert!(
                !a.letters.is_empty(),
                "task {t}: an assignment with no letters"
            );
            // One entry per party, in party order.
            assert!(last < Some(a.party), "task {t}: assignments out of order");
            last = Some(a.party);
        }
    }
    for issue in &m.issues {
        if let Some(t) = issue.task {
            assert!(t < tasks, "issue at {:?}: task {t} of {tasks}", issue.pos);
        }
        if let Some(p) = issue.party {
            assert!(
                p < parties,
                "issue at {:?}: party {p} of {parties}",
                issue.pos
            );
        }
    }
    // Cell references are printable for every position the matrix mentions.
    for task in &m.tasks {
        let _ = m.cell_ref(task.pos);
    }
}

fn detect_and_check(book: &Workbook, opts: &LayoutOptions) {
    if let Ok(matrix) = layout::detect(book, opts) {
        check_matrix(&matrix);
    }
}

/// Bytes read as a `.csv` file, then laid out.
pub fn csv_ingest(data: &[u8]) {
    if let Ok(book) = input::read_bytes("fuzz.csv", data, &limits()) {
        check_book(&book);
        detect_and_check(&book, &LayoutOptions::default());
    }
}

const EXTENSIONS: [&str; 4] = ["xlsx", "ods", "xls", "xlsb"];

/// Bytes read as a workbook, then laid out. The content decides the format and the extension
/// is only a hint, so the input's length picks the name: every extension is exercised as the
/// fuzzer varies lengths, at a quarter of the cost of trying all four on each input.
pub fn workbook_ingest(data: &[u8]) {
    let name = format!("fuzz.{}", EXTENSIONS[data.len() % EXTENSIONS.len()]);
    if let Ok(book) = input::read_bytes(&name, data, &limits()) {
        check_book(&book);
        detect_and_check(&book, &LayoutOptions::default());
    }
}

/// What the reader promises the layout: sheets sorted by position with no duplicates, no
/// blank text, every cell within the caps, merges the right way round.
fn check_book(book: &Workbook) {
    let limits = limits();
    assert!(!book.sheets.is_empty());
    for sheet in &book.sheets {
        assert!(sheet.cells.len() as u64 <= limits.max_cells);
        for pair in sheet.cells.windows(2) {
            assert!(pair[0].pos < pair[1].pos, "cells out of order");
        }
        for cell in &sheet.cells {
            assert!(u64::from(cell.pos.row) < limits.max_rows);
            assert!(u64::from(cell.pos.col) < limits.max_columns);
            if let CellValue::Text(s) = &cell.value {
                assert!(s.chars().count() as u64 <= limits.max_cell_chars);
            }
        }
        for m in &sheet.merges {
            assert!(m.start.row <= m.end.row && m.start.col <= m.end.col);
        }
    }
}

/// Texts a matrix is made of, so the structured target reaches deep layout paths quickly.
const WORDS: &[&str] = &[
    "Task",
    "Activity",
    "Deliverable",
    "R",
    "A",
    "C",
    "I",
    "S",
    "V",
    "D",
    "O",
    "A/R",
    "R, A",
    "RACI",
    "x",
    "-",
    "n/a",
    "Product Owner",
    "Product Manager",
    "PM",
    "PO",
    "Scrum Master",
    "Maria (Product Owner)",
    "Legend",
    "R = Responsible",
    "A = Accountable",
    "S = Support",
    "Responsible",
    "Accountable",
    "Consulted",
    "Informed",
    "Phase 1",
    "Discovery",
    "Party",
    "Role",
    "Title",
    "Side",
    "po",
    "shared",
    "Team",
    "Name",
    "Letter",
    "",
    " ",
];

/// Reads fuzz bytes as a few sheets of cells: each cell is a row, a column, a kind and a text
/// (a word from [`WORDS`] or raw bytes). Sheets are built the way the reader promises them
/// (sorted, one value per position, merges the right way round), so what fails is the
/// layout, not an impossible sheet.
pub fn sheets_from_bytes(data: &[u8]) -> (Vec<Sheet>, LayoutOptions) {
    let mut bytes = data.iter().copied();
    let mut next = || bytes.next();
    let mut opts = LayoutOptions::default();
    if let Some(b) = next() {
        opts.scheme = match b % 9 {
            0..=6 => Some(SCHEMES[usize::from(b % 9)]),
            _ => None,
        };
        opts.pm_means = match (b / 9) % 3 {
            0 => Some(PmMeans::Product),
            1 => Some(PmMeans::Project),
            _ => None,
        };
        opts.sheet = match (b / 27) % 4 {
            0 => Some(SheetChoice::Number(usize::from(b / 108))),
            1 => Some(SheetChoice::Name("RACI".into())),
            _ => None,
        };
    }
    let mut sheets = vec![Sheet::default()];
    while let Some(op) = next() {
        match op % 16 {
            // A new sheet, with or without a name.
            0 => sheets.push(Sheet {
                name: match op / 16 % 3 {
                    0 => None,
                    1 => Some("RACI".into()),
                    _ => Some(format!("Team {}", op / 48)),
                },
                ..Sheet::default()
            }),
            // A merge.
            1 => {
                let (Some(r), Some(c), Some(h), Some(w)) = (next(), next(), next(), next()) else {
                    break;
                };
                let start = Pos::new(u32::from(r % 24), u32::from(c % 12));
                let end = Pos::new(start.row + u32::from(h % 4), start.col + u32::from(w % 4));
                if let Some(sheet) = sheets.last_mut() {
                    sheet.merges.push(Merge { start, end });
                }
            }
            // A cell.
            _ => {
                let (Some(r), Some(c), Some(k)) = (next(), next(), next()) else {
                    break;
                };
                let value = match k % 8 {
                    0 => CellValue::Number(f64::from(k) - 100.5),
                    1 => CellValue::Bool(k & 8 != 0),
                    2 => CellValue::DateTime("2026-01-05".into()),
                    3 => CellValue::Error("#N/A".into()),
                    4 => {
                        let len = usize::from(k / 8 % 12);
                        let raw: Vec<u8> = (0..len).filter_map(|_| next()).collect();
                        CellValue::Text(String::from_utf8_lossy(&raw).into())
                    }
                    _ => CellValue::Text(WORDS[usize::from(k / 8) % WORDS.len()].into()),
                };
                // A far cell now and then, as stray cells in real exports are.
                let row = if r == 255 {
                    1_048_575
                } else {
                    u32::from(r % 40)
                };
                let col = if c == 255 { 16_383 } else { u32::from(c % 16) };
                if value.is_blank() {
                    continue;
                }
                if let Some(sheet) = sheets.last_mut() {
                    sheet.cells.push(GridCell {
                        pos: Pos::new(row, col),
                        value,
                    });
                }
            }
        }
    }
    for sheet in &mut sheets {
        // The last value written at a position wins, as in a spreadsheet.
        sheet.cells.reverse();
        sheet.cells.sort_by_key(|c| c.pos);
        sheet.cells.dedup_by_key(|c| c.pos);
    }
    (sheets, opts)
}

/// A structured sheet (see [`sheets_from_bytes`]) through layout detection, as a CSV and as a
/// workbook.
pub fn layout_detect(data: &[u8]) {
    let (sheets, opts) = sheets_from_bytes(data);
    let csv = Workbook {
        file: "fuzz.csv".into(),
        format: Format::Csv,
        sheets: vec![Sheet {
            name: None,
            ..sheets[0].clone()
        }],
    };
    detect_and_check(&csv, &opts);
    let book = Workbook {
        file: "fuzz.xlsx".into(),
        format: Format::Xlsx,
        sheets,
    };
    detect_and_check(&book, &opts);
}

/// Text read as `raci.toml` and as a taxonomy file. A taxonomy that loads must survive its own
/// `to_toml` unchanged, since `raci taxonomy` prints it for users to edit.
pub fn config_parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut settings = Settings::default();
    let _ = settings::apply_config(&mut settings, &text, Path::new("raci.toml"), Path::new("."));
    if let Ok(taxonomy) = Taxonomy::from_toml(&text) {
        let again = Taxonomy::from_toml(&taxonomy.to_toml());
        assert!(again.is_ok(), "to_toml output does not load: {again:?}");
    }
}
