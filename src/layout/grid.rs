//! A sheet seen as a grid for layout detection: merged ranges expanded into copies of their
//! top-left value, optionally transposed, with every cell keeping its true sheet position.

use super::Kind;
use crate::input::{CellValue, Sheet};
use crate::model::Pos;
use std::collections::{BTreeMap, HashMap};

/// Merges larger than this are not expanded cell by cell: a sheet-wide merge must not cost
/// millions of copies, and no real header or letter cell spans that many cells.
const MAX_MERGE_CELLS: u64 = 4096;

/// A dense cell index (one `u32` per grid position of the bounding box) is kept only while
/// it costs at most this many slots per cell plus a constant: a matrix fills a good part of
/// its box, while a stray cell at XFD1048576 must not make a tiny sheet allocate its whole
/// area. Above that, lookups binary-search the present rows and then the row.
const DENSE_SLOTS_PER_CELL: u64 = 8;
const DENSE_SLOTS_FREE: u64 = 4096;

/// One cell of the grid. The value is borrowed from the sheet: the grid is a view, and
/// cloning every text of a 300,000-cell sheet (twice when it is also read transposed) was
/// most of layout's memory.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GCell<'a> {
    pub value: &'a CellValue,
    /// Where the value stands in the sheet (the top-left cell of a merge for copies).
    pub origin: Pos,
    /// A copy of a merged range's value, not a cell the author typed.
    pub copy: bool,
    /// Grid coordinates (swapped against `origin` when transposed).
    row: u32,
    col: u32,
    /// What the cell holds for detection; set by [`Grid::classify`], once per cell, so that
    /// the detectors, which ask about the same cells many times, only read a field.
    kind: Kind,
    /// The number of the cell's text among the sheet's distinct texts, or [`NO_TEXT_ID`]
    /// (not text, or long prose that is not worth remembering): lets per-text work be
    /// looked up in a vector instead of hashing the text again.
    text_id: u32,
}

impl GCell<'_> {
    pub fn text(&self) -> Option<&str> {
        self.value
            .as_text()
            .map(crate::input::trim)
            .filter(|t| !t.is_empty())
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }
}

/// A value per distinct text of a grid, kept by the cell's text id: a sheet repeats a
/// handful of texts in thousands of cells, and per-text work (parsing letters, testing a mark,
/// noting that a text was seen) becomes a vector look-up instead of a hash of the text again.
/// A text without an id (long prose) has no slot: the caller decides what to do with it.
#[derive(Debug)]
pub(crate) struct ByTextId<T>(Vec<Option<T>>);

impl<T> ByTextId<T> {
    /// Room for `ids` texts up front (it grows if asked beyond).
    pub fn with_ids(ids: usize) -> Self {
        ByTextId(std::iter::repeat_with(|| None).take(ids).collect())
    }

    /// The value for the cell's text, made by `make` the first time it is asked; `None` for
    /// a cell whose text has no id.
    pub fn get_or_insert_with(&mut self, cell: &GCell, make: impl FnOnce() -> T) -> Option<&T> {
        if cell.text_id == NO_TEXT_ID {
            return None;
        }
        let id = cell.text_id as usize;
        if id >= self.0.len() {
            self.0.resize_with(id + 1, || None);
        }
        Some(self.0[id].get_or_insert_with(make))
    }
}

impl ByTextId<bool> {
    /// `test` of the cell's text, remembered; `false` for a cell without text, and a text
    /// without an id (long prose) is tested each time.
    pub fn test(&mut self, cell: &GCell, test: impl Fn(&str) -> bool) -> bool {
        let run = || cell.text().is_some_and(&test);
        match self.get_or_insert_with(cell, run) {
            Some(&known) => known,
            None => run(),
        }
    }
}

impl ByTextId<()> {
    /// Whether the cell's text is met here for the first time; `None` for a cell whose text
    /// has no id.
    pub fn first_sight(&mut self, cell: &GCell) -> Option<bool> {
        let mut first = false;
        self.get_or_insert_with(cell, || first = true)?;
        Some(first)
    }
}

/// One column's non-empty cells, in row order, with suffix counts so that "how many letters
/// below row h" costs a binary search, not a walk down the column.
#[derive(Debug, Clone, Default)]
pub(crate) struct Column {
    pub cells: Vec<(u32, Kind)>,
    /// `suffix[i]`: (letters, marks, odd, other) among `cells[i..]`. `u32`: a sheet holds
    /// far fewer cells than that, and the table is one entry per cell.
    suffix: Vec<[u32; 4]>,
}

impl Column {
    /// Counts `(letters, marks, odd, other)` below `row`.
    pub fn below4(&self, row: u32) -> (usize, usize, usize, usize) {
        let start = self.cells.partition_point(|(r, _)| *r <= row);
        let [letters, marks, odd, other] = self.suffix[start];
        (
            letters as usize,
            marks as usize,
            odd as usize,
            other as usize,
        )
    }
}

/// Per column number.
pub(crate) type Columns = BTreeMap<u32, Column>;

/// Column number -> a small value, for the few columns a matrix is made of: a table up to
/// the largest column while that stays small, else a sorted list searched. The first value
/// given for a column is kept.
#[derive(Debug)]
pub(crate) struct ColMap {
    table: Vec<u32>,
    sorted: Vec<(u32, u32)>,
}

/// Largest column a [`ColMap`] indexes by table (256 KiB at most).
const COL_TABLE_MAX: u32 = 1 << 16;

impl ColMap {
    pub fn new(entries: impl Iterator<Item = (u32, u32)>) -> ColMap {
        let mut sorted: Vec<(u32, u32)> = entries.collect();
        // Stable: of equal columns the first given stays first, and dedup keeps it.
        sorted.sort_by_key(|e| e.0);
        sorted.dedup_by_key(|e| e.0);
        let max = sorted.last().map_or(0, |e| e.0);
        if max < COL_TABLE_MAX {
            let mut table = vec![NONE; max as usize + 1];
            for &(c, v) in &sorted {
                table[c as usize] = v;
            }
            return ColMap {
                table,
                sorted: Vec::new(),
            };
        }
        ColMap {
            table: Vec::new(),
            sorted,
        }
    }

    pub fn get(&self, col: u32) -> Option<u32> {
        if !self.table.is_empty() || self.sorted.is_empty() {
            return self.table.get(col as usize).copied().filter(|&v| v != NONE);
        }
        let i = self.sorted.binary_search_by_key(&col, |e| e.0).ok()?;
        Some(self.sorted[i].1)
    }
}

/// The grid: rows and columns in reading order (swapped when transposed).
///
/// Cells are one vector in row-major order; rows are found through `rows`/`row_start`, and
/// a cell through the dense index when the bounding box is small enough, else by binary
/// search. Memory is a few dozen bytes per non-empty cell whatever the sheet's extent.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid<'a> {
    cells: Vec<GCell<'a>>,
    /// Rows that hold at least one cell, in order, and where each starts in `cells`
    /// (`row_start` has one more entry: the end).
    rows: Vec<u32>,
    row_start: Vec<u32>,
    /// `row_of[r - rows[0]]`: the position of row `r` in `rows`, or `NONE`; kept while the
    /// span of rows is at most a few per cell (else rows are binary-searched). A row is
    /// asked for once per reading pass of every task row.
    row_of: Vec<u32>,
    dense: Option<Dense>,
    /// Set by [`Grid::classify`]: each column's cells with their kinds.
    columns: Columns,
    /// Whether any cell is a merge copy: without copies every cell is its own origin, which
    /// lets readers skip bookkeeping that only merges need.
    has_copies: bool,
    pub transposed: bool,
}

/// Row-major index over the bounding box: `slots[(r - row0) * width + (c - col0)]` is a
/// position in `cells`, or `u32::MAX` for an empty cell.
#[derive(Debug, Clone)]
struct Dense {
    row0: u32,
    col0: u32,
    width: u64,
    height: u64,
    slots: Vec<u32>,
}

const NONE: u32 = u32::MAX;

/// The text id of a cell whose text has none.
pub(crate) const NO_TEXT_ID: u32 = u32::MAX;

impl<'a> Grid<'a> {
    #[cfg(test)]
    pub fn from_sheet(sheet: &'a Sheet, transposed: bool) -> Grid<'a> {
        Grid::from_region(sheet, None, transposed)
    }

    /// The grid of the cells of `region` only (the whole sheet when `None`): one table of a
    /// sheet that holds several. Merges are clipped to the region.
    pub fn from_region(
        sheet: &'a Sheet,
        region: Option<super::Rect>,
        transposed: bool,
    ) -> Grid<'a> {
        let inside = |p: Pos| region.is_none_or(|r| r.contains(p));
        let key = |p: Pos| {
            if transposed {
                (p.col, p.row)
            } else {
                (p.row, p.col)
            }
        };
        let at = |c: &GCell| (c.row, c.col);
        // Sized once: growing by doubling would briefly hold one and a half copies.
        let mut cells: Vec<GCell<'a>> = Vec::with_capacity(sheet.cells.len());
        cells.extend(
            sheet
                .cells
                .iter()
                .filter(|c| !c.value.is_blank() && inside(c.pos))
                .map(|c| {
                    let (row, col) = key(c.pos);
                    GCell {
                        value: &c.value,
                        origin: c.pos,
                        copy: false,
                        row,
                        col,
                        kind: Kind::Text,
                        text_id: NO_TEXT_ID,
                    }
                }),
        );
        // The reader gives row-major order without repeats, so the upright grid is usually
        // sorted already; otherwise sort (stably), and of repeated positions keep the last,
        // as inserting into a map did.
        if !cells.windows(2).all(|w| at(&w[0]) < at(&w[1])) {
            cells.sort_by_key(at);
            let mut unique: Vec<GCell<'a>> = Vec::with_capacity(cells.len());
            for c in cells {
                match unique.last_mut() {
                    Some(last) if at(last) == at(&c) => *last = c,
                    _ => unique.push(c),
                }
            }
            cells = unique;
        }
        let typed = |cells: &[GCell<'a>], k: (u32, u32)| -> Option<&'a CellValue> {
            cells
                .binary_search_by_key(&k, at)
                .ok()
                .map(|i| cells[i].value)
        };
        // Copies never replace a typed cell, and the first merge to reach a position keeps
        // it; a merge whose top-left cell is itself a copy spreads that copied value.
        let mut copies: HashMap<(u32, u32), GCell<'a>> = HashMap::new();
        for m in &sheet.merges {
            let (r0, r1) = (m.start.row.min(m.end.row), m.start.row.max(m.end.row));
            let (c0, c1) = (m.start.col.min(m.end.col), m.start.col.max(m.end.col));
            let size = (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64;
            if size > MAX_MERGE_CELLS {
                continue;
            }
            let origin = Pos::new(r0, c0);
            let Some(top) =
                typed(&cells, key(origin)).or_else(|| copies.get(&key(origin)).map(|c| c.value))
            else {
                continue;
            };
            for r in r0..=r1 {
                for c in c0..=c1 {
                    let p = Pos::new(r, c);
                    let k = key(p);
                    if p == origin || typed(&cells, k).is_some() || !inside(p) {
                        continue;
                    }
                    copies.entry(k).or_insert(GCell {
                        value: top,
                        origin,
                        copy: true,
                        row: k.0,
                        col: k.1,
                        kind: Kind::Text,
                        text_id: NO_TEXT_ID,
                    });
                }
            }
        }
        if !copies.is_empty() {
            let mut extra: Vec<GCell<'a>> = copies.into_values().collect();
            extra.sort_by_key(at);
            let mut merged = Vec::with_capacity(cells.len() + extra.len());
            let (mut typed_cells, mut extra) = (cells.into_iter().peekable(), extra.into_iter());
            for copy in extra.by_ref() {
                while let Some(c) = typed_cells.next_if(|c| at(c) < at(&copy)) {
                    merged.push(c);
                }
                merged.push(copy);
            }
            merged.extend(typed_cells);
            cells = merged;
        }
        let mut grid = Grid {
            cells,
            transposed,
            ..Grid::default()
        };
        grid.index();
        grid
    }

    /// Rebuilds rows, the dense index and `has_copies` after the cells changed.
    fn index(&mut self) {
        self.rows.clear();
        self.row_start.clear();
        for (i, c) in self.cells.iter().enumerate() {
            if self.rows.last() != Some(&c.row) {
                self.rows.push(c.row);
                self.row_start.push(i as u32);
            }
        }
        self.row_start.push(self.cells.len() as u32);
        self.row_of.clear();
        if let (Some(&first), Some(&last)) = (self.rows.first(), self.rows.last()) {
            let span = (last - first) as u64 + 1;
            if span <= self.cells.len() as u64 * 4 + DENSE_SLOTS_FREE {
                self.row_of = vec![NONE; span as usize];
                for (i, &r) in self.rows.iter().enumerate() {
                    self.row_of[(r - first) as usize] = i as u32;
                }
            }
        }
        self.has_copies = self.cells.iter().any(|c| c.copy);
        self.dense = None;
        let (Some(&row0), Some(&row1)) = (self.rows.first(), self.rows.last()) else {
            return;
        };
        let col0 = self.cells.iter().map(|c| c.col).min().unwrap_or(0);
        let col1 = self.cells.iter().map(|c| c.col).max().unwrap_or(0);
        let height = (row1 - row0) as u64 + 1;
        let width = (col1 - col0) as u64 + 1;
        let budget = self.cells.len() as u64 * DENSE_SLOTS_PER_CELL + DENSE_SLOTS_FREE;
        if height.saturating_mul(width) > budget {
            return;
        }
        let mut slots = vec![NONE; (height * width) as usize];
        for (i, c) in self.cells.iter().enumerate() {
            slots[((c.row - row0) as u64 * width + (c.col - col0) as u64) as usize] = i as u32;
        }
        self.dense = Some(Dense {
            row0,
            col0,
            width,
            height,
            slots,
        });
    }

    /// Sets every cell's kind and text id (`kind_of` is asked once per cell) and builds the
    /// per-column view the detectors share (without the copies a merge spreads into other
    /// columns).
    pub fn classify(&mut self, mut kind_of: impl FnMut(&'a CellValue) -> (Kind, u32)) {
        for c in &mut self.cells {
            (c.kind, c.text_id) = kind_of(c.value);
        }
        // Column numbers to slots: a table when the columns are few (always, short of a
        // stray far cell), else a map.
        let max_col = self.cells.iter().map(|c| c.col).max().unwrap_or(0);
        let small = (max_col as u64) < self.cells.len() as u64 * 4 + 1024;
        let mut table: Vec<u32> = if small {
            vec![NONE; max_col as usize + 1]
        } else {
            Vec::new()
        };
        let mut map: BTreeMap<u32, u32> = BTreeMap::new();
        // Two passes: count each column's cells, then fill vectors of exactly that size.
        let mut slots: Vec<u32> = Vec::with_capacity(self.cells.len());
        let mut counts: Vec<(u32, usize)> = Vec::new();
        // A label merged across columns (a phase row, a title banner) is content of the
        // column it starts in only: its copies in the columns it spans are not theirs.
        let transposed = self.transposed;
        let own = |c: &GCell| {
            !c.copy
                || (if transposed {
                    c.origin.row
                } else {
                    c.origin.col
                }) == c.col
        };
        for c in self.cells.iter().filter(|c| own(c)) {
            let slot = if small {
                &mut table[c.col as usize]
            } else {
                map.entry(c.col).or_insert(NONE)
            };
            if *slot == NONE {
                *slot = counts.len() as u32;
                counts.push((c.col, 0));
            }
            counts[*slot as usize].1 += 1;
            slots.push(*slot);
        }
        let mut cols: Vec<(u32, Vec<(u32, Kind)>)> = counts
            .iter()
            .map(|&(col, n)| (col, Vec::with_capacity(n)))
            .collect();
        for (c, &slot) in self.cells.iter().filter(|c| own(c)).zip(&slots) {
            cols[slot as usize].1.push((c.row, c.kind));
        }
        self.columns = cols
            .into_iter()
            .map(|(col, cells)| {
                let mut suffix = vec![[0u32; 4]; cells.len() + 1];
                for i in (0..cells.len()).rev() {
                    let mut next = suffix[i + 1];
                    next[match cells[i].1 {
                        Kind::Letters | Kind::Partial => 0,
                        Kind::Mark => 1,
                        Kind::Odd => 2,
                        _ => 3,
                    }] += 1;
                    suffix[i] = next;
                }
                (col, Column { cells, suffix })
            })
            .collect();
    }

    /// Each column's cells with their kinds, once [`Grid::classify`] has run.
    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Whether any cell is a copy of a merged range's value.
    pub fn has_copies(&self) -> bool {
        self.has_copies
    }

    /// The cells of one row, left to right.
    fn row_cells(&self, row: u32) -> &[GCell<'a>] {
        let i = if self.row_of.is_empty() {
            self.rows.binary_search(&row).ok()
        } else {
            row.checked_sub(self.rows[0])
                .and_then(|d| self.row_of.get(d as usize))
                .copied()
                .filter(|&i| i != NONE)
                .map(|i| i as usize)
        };
        match i {
            Some(i) => &self.cells[self.row_start[i] as usize..self.row_start[i + 1] as usize],
            None => &[],
        }
    }

    pub fn get(&self, row: u32, col: u32) -> Option<&GCell<'a>> {
        if let Some(d) = &self.dense {
            let (r, c) = (
                row.checked_sub(d.row0)? as u64,
                col.checked_sub(d.col0)? as u64,
            );
            if r >= d.height || c >= d.width {
                return None;
            }
            let i = d.slots[(r * d.width + c) as usize];
            return (i != NONE).then(|| &self.cells[i as usize]);
        }
        let cells = self.row_cells(row);
        let i = cells.binary_search_by_key(&col, |c| c.col).ok()?;
        Some(&cells[i])
    }

    pub fn text(&self, row: u32, col: u32) -> Option<&str> {
        self.get(row, col).and_then(GCell::text)
    }

    /// Removes cells (a legend explained elsewhere) and every copy of them; `origins` is
    /// sorted. One pass, whatever the number of origins.
    pub fn remove_origins(&mut self, origins: &[Pos]) {
        if origins.is_empty() {
            return;
        }
        self.cells
            .retain(|c| origins.binary_search(&c.origin).is_err());
        self.index();
    }

    pub fn iter(&self) -> impl Iterator<Item = ((u32, u32), &GCell<'a>)> {
        self.cells.iter().map(|c| ((c.row, c.col), c))
    }

    /// Cells of one row, left to right.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &GCell<'a>)> {
        self.row_cells(row).iter().map(|c| (c.col, c))
    }

    /// The rows that hold at least one cell, in order: sparse sheets are walked by what they
    /// hold, not by their last row number.
    pub fn present_rows(&self) -> &[u32] {
        &self.rows
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

// Below the layout, so that `model` names parties the way the layout reads them.
pub(crate) use crate::model::{clean_cow, clean_name};

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

    /// The general path of `clean_name`, kept here to check the fast one against.
    fn clean_slow(text: &str) -> String {
        text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn clean_cow_matches_the_general_path() {
        for t in [
            "",
            " ",
            "Ann",
            "Ann Lee",
            "Ann  Lee",
            " Ann",
            "Ann ",
            "Ann\tLee",
            "Ann\r\nLee",
            "A\u{b}B\u{c}C",
            "x\u{1c}y",
            "Zoë Lee",
            "Zoë\u{a0}Lee",
            "a\u{202f}b",
            "a\u{85}b",
            "a\u{3000}b",
            "R/A",
        ] {
            assert_eq!(clean_cow(t), clean_slow(t), "{t:?}");
        }
    }

    #[test]
    fn lookups_agree_dense_or_sparse() {
        let mut cells = vec![
            t(0, 0, "Task"),
            t(0, 1, "Ann"),
            t(2, 1, "R"),
            t(2, 0, "Plan"),
        ];
        let small = Sheet {
            name: None,
            cells: cells.clone(),
            merges: vec![],
        };
        // A stray far cell makes the box too large for a dense index.
        cells.push(t(1_048_575, 16_383, "stray"));
        let far = Sheet {
            name: None,
            cells,
            merges: vec![],
        };
        let (a, b) = (
            Grid::from_sheet(&small, false),
            Grid::from_sheet(&far, false),
        );
        assert!(a.dense.is_some() && b.dense.is_none());
        for g in [&a, &b] {
            assert_eq!(g.text(2, 0), Some("Plan"));
            assert_eq!(g.text(2, 1), Some("R"));
            assert_eq!(g.text(1, 1), None);
            assert_eq!(g.text(2, 2), None);
            assert_eq!(g.present_rows()[..2], [0, 2]);
            let row: Vec<u32> = g.row(2).map(|(c, _)| c).collect();
            assert_eq!(row, [0, 1]);
        }
        assert_eq!(b.text(1_048_575, 16_383), Some("stray"));
    }

    #[test]
    fn repeated_positions_keep_the_last_and_merges_chain() {
        let sheet = Sheet {
            name: None,
            cells: vec![t(0, 1, "B"), t(0, 0, "A"), t(0, 1, "C")],
            merges: vec![
                Merge {
                    start: Pos::new(0, 1),
                    end: Pos::new(0, 2),
                },
                // Its top-left cell is a copy from the first merge.
                Merge {
                    start: Pos::new(0, 2),
                    end: Pos::new(1, 2),
                },
            ],
        };
        let g = Grid::from_sheet(&sheet, false);
        assert_eq!(g.text(0, 1), Some("C"));
        assert_eq!(g.text(0, 2), Some("C"));
        assert_eq!(g.text(1, 2), Some("C"));
        assert_eq!(g.get(1, 2).unwrap().origin, Pos::new(0, 2));
        let mut g = g;
        g.remove_origins(&[Pos::new(0, 1)]);
        assert_eq!(g.text(0, 2), None);
        assert_eq!(g.text(1, 2), Some("C"));
    }

    #[test]
    fn col_map_table_or_list() {
        let m = ColMap::new([(3, 0), (5, 1), (3, 9)].into_iter());
        assert_eq!(
            (m.get(3), m.get(5), m.get(4), m.get(99)),
            (Some(0), Some(1), None, None)
        );
        let far = ColMap::new([(1 << 20, 7), (2, 1)].into_iter());
        assert_eq!(
            (far.get(1 << 20), far.get(2), far.get(3)),
            (Some(7), Some(1), None)
        );
    }

    #[test]
    fn names_are_folded_not_rewritten() {
        assert_eq!(clean_name("  Maria\nLopez\u{a0} "), "Maria Lopez");
        assert_eq!(clean_name("magasin d’outil"), "magasin d’outil");
    }
}
