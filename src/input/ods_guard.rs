//! The ODS size guard: scans `content.xml` as it inflates and measures the grid calamine would
//! build for each table, before calamine builds it.
//!
//! calamine stores ODS sheets densely and expands repeat counts: one 100-byte cell element with
//! `table:number-columns-repeated="16384"` becomes 16,384 cells, and a sheet whose only value
//! sits at a far column still stores every empty cell to its left in every row. A small file can
//! therefore ask for gigabytes. This scan needs no XML library: it only reads the start tags of
//! tables, rows and cells, and the two repeat attributes, in constant memory.

use super::budget::{Budget, DENSE_BOX_CELL_BYTES, DENSE_RAW_CELL_BYTES};
use super::tags::{attribute, contains, is_element, scan, self_closing};
use super::{Limits, FLAG_CELLS};
use crate::{Error, Result};
use std::io::Read;

/// The extent of one table, in the expanded coordinates calamine uses.
#[derive(Debug, Default)]
struct Table {
    row: u64,
    row_repeats: u64,
    in_row: bool,
    col: u64,
    /// One past the last non-empty column of the current row.
    row_end: u64,
    /// Cells stored before compaction: each row element holds every cell up to its last value.
    raw: u64,
    bounds: Option<(u64, u64, u64, u64)>,
    /// Non-empty cells once repeats are expanded, and the bytes of text they hold between
    /// them (each repeat is a copy).
    values: u64,
    text: u64,
    /// The copies the cell being read stands for, while inside a cell with content.
    open_cell: Option<u64>,
    open_text: u64,
}

impl Table {
    /// Cells calamine allocates for this table: the larger of its first store and its final
    /// bounding box.
    fn cells(&self) -> u64 {
        self.boxed().max(self.raw)
    }

    fn boxed(&self) -> u64 {
        self.bounds.map_or(0, |(r0, r1, c0, c1)| {
            let rows = r1.saturating_sub(r0).saturating_add(1);
            let cols = c1.saturating_sub(c0).saturating_add(1);
            rows.saturating_mul(cols)
        })
    }

    /// Bytes calamine holds while it reads this table: the row-by-row store, the bounding
    /// box, and each value's text, once per copy in each.
    fn dense_bytes(&self) -> u64 {
        DENSE_RAW_CELL_BYTES
            .saturating_mul(self.raw)
            .saturating_add(DENSE_BOX_CELL_BYTES.saturating_mul(self.boxed()))
            .saturating_add(self.text.saturating_mul(2))
    }

    fn cell(&mut self, repeats: u64, has_value: bool) {
        if has_value {
            let last_row = self.row_repeats.saturating_sub(1);
            let (r0, r1) = (self.row, self.row.saturating_add(last_row));
            let (c0, c1) = (self.col, self.col.saturating_add(repeats.saturating_sub(1)));
            self.bounds = Some(match self.bounds {
                None => (r0, r1, c0, c1),
                Some((a, b, c, d)) => (a.min(r0), b.max(r1), c.min(c0), d.max(c1)),
            });
            self.row_end = c1.saturating_add(1);
            let copies = repeats.saturating_mul(self.row_repeats.max(1));
            self.values = self.values.saturating_add(copies);
            self.open_cell = Some(copies);
            self.open_text = 0;
        }
        self.col = self.col.saturating_add(repeats);
    }

    fn end_cell(&mut self) {
        if let Some(copies) = self.open_cell.take() {
            self.text = self
                .text
                .saturating_add(self.open_text.saturating_mul(copies));
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if self.in_row {
            self.raw = self.raw.saturating_add(self.row_end);
            self.row = self.row.saturating_add(self.row_repeats);
        }
        self.in_row = false;
    }
}

/// What is too large when the expanded sheet is over the memory budget.
const WHAT_MEMORY: &str = "the memory needed to read a sheet once its repeated rows and columns \
                           are expanded (MB, estimated)";

/// Refuses an ODS whose content would make calamine allocate more than `--max-cells` cells for
/// one sheet, or whose expanded cells would not fit the memory budget (`--max-memory-mb`):
/// calamine's dense grid of the largest sheet, beside every sheet's cells as we keep them.
/// The budget is only tried here; the cells are charged as they are stored. Reading errors
/// are left to calamine, which reports them with their cause.
pub(crate) fn check_ods_grid(
    file: &str,
    content: impl Read,
    limits: &Limits,
    budget: &Budget,
) -> Result<()> {
    let mut scanner = Scanner {
        table: None,
        worst: 0,
        worst_dense: 0,
        values: 0,
        text: 0,
    };
    scan(content, |tag, text| {
        scanner.tag(tag, text);
        // Checked as we go, so a hostile file stops early. The memory figure is not: the scan
        // holds nothing, and the message should give the whole figure.
        scanner.worst <= limits.max_cells
    });
    scanner.close_table();
    if scanner.worst > limits.max_cells {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: "the cell grid one sheet spans (rows x columns)",
            actual: scanner.worst,
            limit: limits.max_cells,
            flag: FLAG_CELLS,
        });
    }
    budget.fits_cells_with(
        scanner.values,
        scanner.text,
        scanner.worst_dense,
        WHAT_MEMORY,
    )
}

struct Scanner {
    table: Option<Table>,
    /// The largest grid of any table, in cells.
    worst: u64,
    /// The most memory calamine's grid of any one table takes.
    worst_dense: u64,
    /// Non-empty cells and their text over the tables closed so far.
    values: u64,
    text: u64,
}

impl Scanner {
    fn tag(&mut self, tag: &[u8], text: u64) {
        if let Some(table) = self.table.as_mut() {
            if table.open_cell.is_some() {
                table.open_text = table.open_text.saturating_add(text);
            }
        }
        let closes = self_closing(tag);
        if is_element(tag, b"table:table") {
            self.close_table();
            self.table = Some(Table::default());
        } else if is_element(tag, b"/table:table") {
            self.close_table();
        } else if is_element(tag, b"table:table-row") {
            // calamine reads rows from their start tag only; a self-closing row is skipped.
            if let (Some(table), false) = (self.table.as_mut(), closes) {
                table.end_row();
                table.in_row = true;
                table.col = 0;
                table.row_end = 0;
                table.row_repeats = attribute(tag, b"table:number-rows-repeated")
                    .unwrap_or(0)
                    .max(1);
            }
        } else if is_element(tag, b"/table:table-row") {
            if let Some(table) = self.table.as_mut() {
                table.end_row();
                self.worst = self.worst.max(table.cells());
            }
        } else if is_element(tag, b"table:table-cell")
            || is_element(tag, b"table:covered-table-cell")
        {
            if let Some(table) = self.table.as_mut().filter(|t| t.in_row) {
                table.end_cell();
                let repeats = attribute(tag, b"table:number-columns-repeated")
                    .unwrap_or(0)
                    .max(1);
                // A value type, or content inside the element, makes the cell non-empty; an
                // empty styled cell is always written self-closing.
                let has_value = !closes || contains(tag, b"office:value-type");
                table.cell(repeats, has_value);
                if closes {
                    table.end_cell();
                }
            }
        } else if is_element(tag, b"/table:table-cell")
            || is_element(tag, b"/table:covered-table-cell")
        {
            if let Some(table) = self.table.as_mut() {
                table.end_cell();
            }
        }
    }

    fn close_table(&mut self) {
        if let Some(mut table) = self.table.take() {
            table.end_row();
            self.worst = self.worst.max(table.cells());
            self.worst_dense = self.worst_dense.max(table.dense_bytes());
            self.values = self.values.saturating_add(table.values);
            self.text = self.text.saturating_add(table.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(xml: &str) -> Result<()> {
        let limits = Limits {
            max_cells: 1000,
            ..Limits::default()
        };
        check_ods_grid(
            "t.ods",
            xml.as_bytes(),
            &limits,
            &Budget::new("t.ods", &limits),
        )
    }

    fn table(rows: &str) -> String {
        format!(
            r#"<office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet>"#
        )
    }

    #[test]
    fn ordinary_sheets_pass() {
        let xml = table(
            r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Task</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row>
<table:table-row table:style-name="ro1" table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        );
        assert!(grid(&xml).is_ok());
    }

    #[test]
    fn repeated_values_are_counted_expanded() {
        // 100 rows x 16,384 columns of one repeated value.
        let xml = table(
            r#"<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>R</text:p></table:table-cell></table:table-row>"#,
        );
        let err = grid(&xml).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    actual: 1_638_400,
                    flag: "--max-cells",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn far_values_count_the_empty_cells_before_them() {
        // Two rows, each holding one value at column 900 and nothing else: the bounding box is
        // small but calamine first stores 901 cells per row.
        let row = r#"<table:table-row><table:table-cell table:number-columns-repeated="900"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#;
        assert!(grid(&table(row)).is_ok());
        let err = grid(&table(&row.repeat(2))).unwrap_err();
        assert!(matches!(err, Error::TooLarge { actual: 1802, .. }), "{err}");
    }

    #[test]
    fn tables_are_measured_separately() {
        let row = r#"<table:table-row><table:table-cell table:number-columns-repeated="600" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        let two = format!(
            r#"<table:table table:name="A">{row}</table:table><table:table table:name="B">{row}</table:table>"#
        );
        assert!(grid(&two).is_ok());
    }

    #[test]
    fn expanded_cells_are_charged_to_the_memory_budget() {
        // 2,000 x 2,000 copies of one short value: under a 5-million-cell cap, but a
        // gigabyte once expanded.
        let xml = table(
            r#"<table:table-row table:number-rows-repeated="2000"><table:table-cell table:number-columns-repeated="2000" office:value-type="string"><text:p>Product Owner</text:p></table:table-cell></table:table-row>"#,
        );
        let limits = Limits::default();
        let err = check_ods_grid(
            "t.ods",
            xml.as_bytes(),
            &limits,
            &Budget::new("t.ods", &limits),
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::TooLarge { flag: "--max-memory-mb", actual, .. } if actual > 800),
            "{err}"
        );
        // A tenth of it fits.
        let xml = xml.replace("2000", "200");
        assert!(check_ods_grid(
            "t.ods",
            xml.as_bytes(),
            &limits,
            &Budget::new("t.ods", &limits)
        )
        .is_ok());
    }

    #[test]
    fn a_quoted_greater_than_cannot_hide_a_repeat() {
        let xml = table(
            r#"<table:table-row table:number-rows-repeated="100"><table:table-cell table:style-name=">" table:number-columns-repeated="100" office:value-type="string"><text:p>R</text:p></table:table-cell></table:table-row>"#,
        );
        let err = grid(&xml).unwrap_err();
        assert!(
            matches!(err, Error::TooLarge { actual: 10_000, .. }),
            "{err}"
        );
    }
}
