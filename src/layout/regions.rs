//! Tables, not sheets: a sheet is cut into the tables it holds before any shape is tried, so a
//! matrix is never merged with the count table, roster, notes or second matrix beside it.
//!
//! Blank rows and blank columns are the borders. Rows are cut at every run of blank rows, and
//! each band of rows at every run of blank columns. A block below a table joins it again
//! unless it starts with a header of its own (two or more labels across the block, and not
//! the table's own header repeated): a blank row inside a matrix, before a phase row or a
//! note, does not make a new table. Blocks side by side that start on the same row share
//! their header row and are one table (a template's empty role column is not a border).

use super::grid::{clean_cow, Grid};
use super::Kind;
use crate::model::{column_name, Pos};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// A rectangle of a sheet, in sheet coordinates (0-based, inclusive), written `B4:M40`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Rect {
    pub top: u32,
    pub left: u32,
    pub bottom: u32,
    pub right: u32,
}

impl Rect {
    /// Reads `B4:M40` (either corner first, any case). `B4` alone is one cell.
    pub fn parse(text: &str) -> Option<Rect> {
        let t = text.trim();
        let (a, b) = t.split_once(':').unwrap_or((t, t));
        let (p, q) = (parse_cell_ref(a)?, parse_cell_ref(b)?);
        Some(Rect {
            top: p.row.min(q.row),
            left: p.col.min(q.col),
            bottom: p.row.max(q.row),
            right: p.col.max(q.col),
        })
    }

    pub fn contains(&self, p: Pos) -> bool {
        (self.top..=self.bottom).contains(&p.row) && (self.left..=self.right).contains(&p.col)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            top: self.top.min(o.top),
            left: self.left.min(o.left),
            bottom: self.bottom.max(o.bottom),
            right: self.right.max(o.right),
        }
    }

    fn overlaps_cols(&self, o: &Rect) -> bool {
        self.left <= o.right && o.left <= self.right
    }
}

impl fmt::Display for Rect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}:{}{}",
            column_name(self.left),
            self.top as u64 + 1,
            column_name(self.right),
            self.bottom as u64 + 1
        )
    }
}

/// `D7` -> row 6, column 3.
pub fn parse_cell_ref(text: &str) -> Option<Pos> {
    let t = text.trim().trim_start_matches('$');
    let letters: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = t[letters.len()..].trim_start_matches('$');
    let col = parse_column(&letters)?;
    let row: u32 = digits.parse().ok().filter(|&r: &u32| r >= 1)?;
    Some(Pos::new(row - 1, col))
}

/// `D` -> 3, `AA` -> 26. At most three letters (`XFD` is Excel's last column).
pub fn parse_column(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut n: u32 = 0;
    for c in t.chars() {
        n = n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    Some(n - 1)
}

/// The tables of an upright grid, top to bottom, left to right. Always at least one when the
/// grid has cells.
pub(crate) fn tables(grid: &Grid) -> Vec<Rect> {
    let rows = grid.present_rows();
    if rows.is_empty() {
        return Vec::new();
    }
    // Bands of rows without a blank row inside.
    let mut bands: Vec<(u32, u32)> = Vec::new();
    for &r in rows {
        match bands.last_mut() {
            Some(b) if b.1 + 1 == r => b.1 = r,
            _ => bands.push((r, r)),
        }
    }
    let mut blocks: Vec<Rect> = Vec::new();
    for &(top, bottom) in &bands {
        // The columns the band holds, in order: marked in a table of the band's column span
        // (a set would cost a tree insert per cell of a 50,000-row matrix), or sorted when a
        // stray far cell makes the span too wide for a table.
        let lo = rows.partition_point(|&r| r < top);
        let hi = rows.partition_point(|&r| r <= bottom);
        let band_cols = || {
            rows[lo..hi]
                .iter()
                .flat_map(|&r| grid.row(r).map(|(c, _)| c))
        };
        let (min, max) = band_cols().fold((u32::MAX, 0), |(a, b), c| (a.min(c), b.max(c)));
        let cols: Vec<u32> = if max >= min && max - min < 1 << 16 {
            let mut seen = vec![false; (max - min + 1) as usize];
            for c in band_cols() {
                seen[(c - min) as usize] = true;
            }
            (min..=max).filter(|c| seen[(c - min) as usize]).collect()
        } else {
            let mut all: Vec<u32> = band_cols().collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let mut group: Option<(u32, u32)> = None;
        for &c in &cols {
            match group {
                Some((l, r)) if r + 1 == c => group = Some((l, c)),
                Some((l, r)) => {
                    blocks.push(block(grid, top, bottom, l, r));
                    group = Some((c, c));
                }
                None => group = Some((c, c)),
            }
        }
        if let Some((l, r)) = group {
            blocks.push(block(grid, top, bottom, l, r));
        }
    }
    // Join blocks into tables.
    let mut tables: Vec<Rect> = Vec::new();
    for b in blocks {
        // Inside the rows and columns a table already spans: part of it (a sparse column
        // of letters between two phase rows).
        if let Some(t) = tables.iter_mut().find(|t| {
            t.top <= b.top && b.bottom <= t.bottom && t.left <= b.left && b.right <= t.right
        }) {
            *t = t.union(&b);
            continue;
        }
        // Side by side, starting on the same row: one header row, one table.
        if let Some(t) = tables
            .iter_mut()
            .rev()
            .find(|t| t.top == b.top && !t.overlaps_cols(&b))
        {
            *t = t.union(&b);
            continue;
        }
        // Below a table it overlaps: a continuation unless it opens with a header of its own.
        // The nearest table above that shares a column.
        let above = tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.bottom < b.top && t.overlaps_cols(&b))
            .max_by_key(|(i, t)| (t.bottom, *i))
            .map(|(i, _)| i);
        match above {
            Some(i) if !new_header(grid, &tables[i], &b) => {
                tables[i] = tables[i].union(&b);
            }
            _ => tables.push(b),
        }
    }
    // A block of single labels (a title over the table, notes under it) is no table of its
    // own: it joins the table under it, or else the one above.
    let mut i = 0;
    while i < tables.len() {
        if tables.len() < 2 || !loose(grid, &tables[i]) {
            i += 1;
            continue;
        }
        let t = tables[i];
        let below = (0..tables.len())
            .filter(|&j| j != i && tables[j].top > t.bottom && tables[j].overlaps_cols(&t))
            .min_by_key(|&j| tables[j].top);
        let above = (0..tables.len())
            .filter(|&j| j != i && tables[j].bottom < t.top && tables[j].overlaps_cols(&t))
            .max_by_key(|&j| tables[j].bottom);
        match below.or(above) {
            Some(j) => {
                tables[j] = tables[j].union(&t);
                tables.remove(i);
            }
            None => i += 1,
        }
    }
    tables.sort_by_key(|t| (t.top, t.left));
    tables
}

/// Whether every row of `rect` holds one label at most (counting a merged range once).
fn loose(grid: &Grid, rect: &Rect) -> bool {
    grid.present_rows()
        .iter()
        .filter(|&&r| r >= rect.top && r <= rect.bottom)
        .all(|&r| {
            let origins: BTreeSet<Pos> = grid
                .row(r)
                .filter(|(c, _)| *c >= rect.left && *c <= rect.right)
                .map(|(_, cell)| cell.origin)
                .collect();
            origins.len() <= 1
        })
}

/// The block of `left..=right` in the band `top..=bottom`: from its first row with a cell
/// in those columns to its last.
fn block(grid: &Grid, top: u32, bottom: u32, left: u32, right: u32) -> Rect {
    let all = grid.present_rows();
    let (lo, hi) = (
        all.partition_point(|&r| r < top),
        all.partition_point(|&r| r <= bottom),
    );
    let mut rows = all[lo..hi]
        .iter()
        .copied()
        .filter(|&r| grid.row(r).any(|(c, _)| c >= left && c <= right));
    let first = rows.next().unwrap_or(top);
    let last = rows.next_back().unwrap_or(first);
    Rect {
        top: first,
        left,
        bottom: last,
        right,
    }
}

/// Labels in a row within the columns of `rect`: text cells that are not letters or marks,
/// counted once per merged range.
fn labels(grid: &Grid, row: u32, rect: &Rect) -> Vec<String> {
    let mut seen = BTreeSet::new();
    grid.row(row)
        .filter(|(c, _)| *c >= rect.left && *c <= rect.right)
        // Short names (`Cy`) read as odd marks; a one-character mark is no label.
        .filter(|(_, cell)| {
            cell.kind() == Kind::Text
                || cell.kind() == Kind::Odd && cell.text().is_some_and(|t| t.chars().count() > 1)
        })
        .filter(|(_, cell)| seen.insert(cell.origin))
        .filter_map(|(_, cell)| cell.text().map(|t| clean_cow(t).to_lowercase()))
        .collect()
}

/// Does `block` (below `table`) open with a header of its own: two or more labels across
/// at least half its columns, and not mostly the labels of the table's first row?
fn new_header(grid: &Grid, table: &Rect, block: &Rect) -> bool {
    let mine = labels(grid, block.top, block);
    let width = (block.right - block.left + 1) as usize;
    if mine.len() < 2 || mine.len() * 2 < width.min((table.right - table.left + 1) as usize) {
        return false;
    }
    // The table's header: its first row with two labels or more.
    let header = grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| r >= table.top && r <= table.bottom)
        .map(|r| labels(grid, r, table))
        .find(|l| l.len() >= 2)
        .unwrap_or_default();
    let repeated = mine.iter().filter(|l| header.contains(l)).count();
    repeated * 2 < mine.len()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::sheet;
    use super::*;
    use crate::layout::kind_of;
    use crate::model::{Scheme, SchemeName};

    fn tables_of(rows: &[&[&str]]) -> Vec<String> {
        let s = sheet(Some("S"), rows);
        let mut g = Grid::from_sheet(&s, false);
        let probe = Scheme::named(SchemeName::Rasci);
        g.classify(|v| (kind_of(v, &probe), super::super::grid::NO_TEXT_ID));
        tables(&g).iter().map(|r| r.to_string()).collect()
    }

    #[test]
    fn cell_refs_and_ranges() {
        assert_eq!(parse_cell_ref("D7"), Some(Pos::new(6, 3)));
        assert_eq!(parse_cell_ref("$aa$1"), Some(Pos::new(0, 26)));
        assert_eq!(parse_cell_ref("D0"), None);
        assert_eq!(parse_cell_ref("7D"), None);
        let r = Rect::parse("M40:B4").unwrap();
        assert_eq!(r.to_string(), "B4:M40");
        assert!(r.contains(Pos::new(3, 1)) && !r.contains(Pos::new(2, 1)));
        assert_eq!(parse_column("XFD"), Some(16383));
        assert_eq!(parse_column("ABCD"), None);
    }

    #[test]
    fn a_second_table_after_blank_rows_is_its_own() {
        let t = tables_of(&[
            &["Task", "R", "A"],
            &["Plan", "Ann", "Bob"],
            &[],
            &["Task", "Cy", "Di"],
            &["Build", "R", "A"],
        ]);
        // The second header names other columns: a new table.
        assert_eq!(t, ["A1:C2", "A4:C5"]);
    }

    #[test]
    fn blank_rows_inside_a_matrix_do_not_cut_it() {
        let t = tables_of(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &[],
            &["Phase two"],
            &[],
            &["Build", "A", "R"],
            &[],
            &["Task", "Ann", "Bob"],
            &["Ship", "R", "A"],
        ]);
        assert_eq!(t, ["A1:C9"]);
    }

    #[test]
    fn a_title_above_and_notes_below_belong_to_the_table() {
        let t = tables_of(&[
            &["My RACI"],
            &[],
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &[],
            &["Reviewed by the PMO"],
        ]);
        assert_eq!(t, ["A1:C6"]);
    }

    #[test]
    fn blank_columns_cut_side_blocks_off() {
        let t = tables_of(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "A", "", "Details:"],
            &["Build", "A", "R", "", "Ann", "leads the build"],
        ]);
        assert_eq!(t, ["A1:C3", "E2:F3"]);
        // An empty column inside the header row is not a border.
        let t = tables_of(&[&["Task", "Ann", "", "Bob"], &["Plan", "R", "", "A"]]);
        assert_eq!(t, ["A1:D2"]);
    }
}
