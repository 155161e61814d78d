//! A sheet seen as a grid for layout detection: merged ranges expanded into copies of their
//! top-left value, optionally transposed, with every cell keeping its true sheet position.

use crate::input::{CellValue, Sheet};
use crate::model::Pos;
use std::collections::BTreeMap;

/// Merges larger than this are not expanded cell by cell: a sheet-wide merge must not cost
/// millions of copies, and no real header or letter cell spans that many cells.
const MAX_MERGE_CELLS: u64 = 4096;

/// One cell of the grid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GCell {
    pub value: CellValue,
    /// Where the value stands in the sheet (the top-left cell of a merge for copies).
    pub origin: Pos,
    /// A copy of a merged range's value, not a cell the author typed.
    pub copy: bool,
}

impl GCell {
    pub fn text(&self) -> Option<&str> {
        self.value
            .as_text()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }
}

/// The grid: rows and columns in reading order (swapped when transposed).
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    cells: BTreeMap<(u32, u32), GCell>,
    pub transposed: bool,
}

impl Grid {
    pub fn from_sheet(sheet: &Sheet, transposed: bool) -> Grid {
        let mut cells = BTreeMap::new();
        let key = |p: Pos| {
            if transposed {
                (p.col, p.row)
            } else {
                (p.row, p.col)
            }
        };
        for c in &sheet.cells {
            if c.value.is_blank() {
                continue;
            }
            cells.insert(
                key(c.pos),
                GCell {
                    value: c.value.clone(),
                    origin: c.pos,
                    copy: false,
                },
            );
        }
        for m in &sheet.merges {
            let (r0, r1) = (m.start.row.min(m.end.row), m.start.row.max(m.end.row));
            let (c0, c1) = (m.start.col.min(m.end.col), m.start.col.max(m.end.col));
            let size = (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64;
            if size > MAX_MERGE_CELLS {
                continue;
            }
            let origin = Pos::new(r0, c0);
            let Some(top) = cells.get(&key(origin)).cloned() else {
                continue;
            };
            for r in r0..=r1 {
                for c in c0..=c1 {
                    let p = Pos::new(r, c);
                    if p == origin {
                        continue;
                    }
                    cells.entry(key(p)).or_insert_with(|| GCell {
                        value: top.value.clone(),
                        origin,
                        copy: true,
                    });
                }
            }
        }
        Grid { cells, transposed }
    }

    pub fn get(&self, row: u32, col: u32) -> Option<&GCell> {
        self.cells.get(&(row, col))
    }

    pub fn text(&self, row: u32, col: u32) -> Option<&str> {
        self.get(row, col).and_then(GCell::text)
    }

    /// Removes a cell (a legend cell explained elsewhere) and every copy of it.
    pub fn remove_origin(&mut self, origin: Pos) {
        self.cells.retain(|_, c| c.origin != origin);
    }

    pub fn iter(&self) -> impl Iterator<Item = ((u32, u32), &GCell)> {
        self.cells.iter().map(|(k, v)| (*k, v))
    }

    /// Cells of one row, left to right.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &GCell)> {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .map(|(k, v)| (k.1, v))
    }

    /// The rows that hold at least one cell, in order: sparse sheets are walked by what they
    /// hold, not by their last row number.
    pub fn present_rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|k| k.0).collect();
        rows.dedup();
        rows
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The true sheet position of grid coordinates.
    pub fn pos(&self, row: u32, col: u32) -> Pos {
        if self.transposed {
            Pos::new(col, row)
        } else {
            Pos::new(row, col)
        }
    }

    /// The grid column a sheet position falls in.
    pub fn grid_col(&self, p: Pos) -> u32 {
        if self.transposed {
            p.row
        } else {
            p.col
        }
    }

    /// Names a grid row the way a person reads it: `row 7`, or `column D` when transposed.
    pub fn row_label(&self, row: u32) -> String {
        if self.transposed {
            format!("column {}", crate::model::column_name(row))
        } else {
            format!("row {}", row as u64 + 1)
        }
    }

    /// Names a grid column: `column D`, or `row 7` when transposed.
    pub fn col_label(&self, col: u32) -> String {
        if self.transposed {
            format!("row {}", col as u64 + 1)
        } else {
            format!("column {}", crate::model::column_name(col))
        }
    }
}

/// Trims, folds inner newlines, tabs and no-break spaces to single spaces; keeps everything
/// else as written (accents, curly apostrophes).
pub(crate) fn clean_name(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-case, accents dropped, for keyword matching only.
pub(crate) fn fold(text: &str) -> String {
    deunicode::deunicode(&text.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{GridCell, Merge};

    fn t(r: u32, c: u32, s: &str) -> GridCell {
        GridCell {
            pos: Pos::new(r, c),
            value: CellValue::Text(s.into()),
        }
    }

    #[test]
    fn merges_fill_their_range_with_copies() {
        let sheet = Sheet {
            name: Some("S".into()),
            cells: vec![t(0, 0, "Head"), t(1, 0, "R")],
            merges: vec![Merge {
                start: Pos::new(1, 0),
                end: Pos::new(1, 2),
            }],
        };
        let g = Grid::from_sheet(&sheet, false);
        assert_eq!(g.text(1, 2), Some("R"));
        assert!(g.get(1, 2).unwrap().copy);
        assert_eq!(g.get(1, 2).unwrap().origin, Pos::new(1, 0));
        assert!(!g.get(1, 0).unwrap().copy);
        let tg = Grid::from_sheet(&sheet, true);
        assert_eq!(tg.text(2, 1), Some("R"));
        assert_eq!(tg.pos(2, 1), Pos::new(1, 2));
    }

    #[test]
    fn names_are_folded_not_rewritten() {
        assert_eq!(clean_name("  Maria\nLopez\u{a0} "), "Maria Lopez");
        assert_eq!(clean_name("magasin d’outil"), "magasin d’outil");
    }
}
