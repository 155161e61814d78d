//! Reading a file into sheets of cells with their true positions. Knows file formats and
//! encodings, nothing about RACI.

use crate::model::Pos;
use serde::Serialize;

/// A cell's value as the spreadsheet holds it (cached values for formulas).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum CellValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or time, as text (never a letter).
    DateTime(String),
    /// A spreadsheet error value such as `#NAME?`.
    Error(String),
}

impl CellValue {
    /// The text a person sees in the cell.
    pub fn display(&self) -> String {
        match self {
            CellValue::Text(s) => s.clone(),
            CellValue::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellValue::DateTime(s) => s.clone(),
            CellValue::Error(e) => e.clone(),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            CellValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// Blank text counts as empty: exports are full of cells holding one space.
    pub fn is_blank(&self) -> bool {
        matches!(self, CellValue::Text(s) if s.trim().is_empty())
    }
}

/// One non-empty cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCell {
    pub pos: Pos,
    pub value: CellValue,
}

/// A merged range, inclusive on both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Merge {
    pub start: Pos,
    pub end: Pos,
}

/// One sheet, stored sparsely so that a stray cell at XFD1048576 costs one entry, not a
/// billion.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Sheet {
    /// `None` for CSV and other text files.
    pub name: Option<String>,
    /// Non-blank cells, sorted by row then column.
    pub cells: Vec<GridCell>,
    pub merges: Vec<Merge>,
}

/// The formats we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// A whole file: one sheet for text files, every sheet for workbooks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workbook {
    /// The file name as shown in cell references (no directories).
    pub file: String,
    pub format: Format,
    pub sheets: Vec<Sheet>,
}

/// Caps checked before allocating, so hostile files end in a clear error instead of an
/// out-of-memory kill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_cells: u64,
    pub max_rows: u64,
    pub max_columns: u64,
    pub max_cell_chars: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            max_cells: 5_000_000,
            max_rows: 1_048_576,
            max_columns: 16_384,
            max_cell_chars: 32_767,
        }
    }
}
