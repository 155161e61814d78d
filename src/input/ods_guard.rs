//! The ODS size guard: scans `content.xml` as it inflates and measures the grid calamine would
//! build for each table, before calamine builds it.
//!
//! calamine stores ODS sheets densely and expands repeat counts: one 100-byte cell element with
//! `table:number-columns-repeated="16384"` becomes 16,384 cells, and a sheet whose only value
//! sits at a far column still stores every empty cell to its left in every row. A small file can
//! therefore ask for gigabytes. This scan needs no XML library: it only reads the start tags of
//! tables, rows and cells, and the two repeat attributes, in constant memory.

use super::{Limits, FLAG_CELLS};
use crate::{Error, Result};
use std::io::Read;

/// The longest tag kept whole; the attributes we read come first, so a longer tag (a cell with
/// a huge inline style, say) is cut rather than buffered.
const MAX_TAG: usize = 4096;

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
}

impl Table {
    /// Cells calamine allocates for this table: the larger of its first store and its final
    /// bounding box.
    fn cells(&self) -> u64 {
        let boxed = self.bounds.map_or(0, |(r0, r1, c0, c1)| {
            let rows = r1.saturating_sub(r0).saturating_add(1);
            let cols = c1.saturating_sub(c0).saturating_add(1);
            rows.saturating_mul(cols)
        });
        boxed.max(self.raw)
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
        }
        self.col = self.col.saturating_add(repeats);
    }

    fn end_row(&mut self) {
        if self.in_row {
            self.raw = self.raw.saturating_add(self.row_end);
            self.row = self.row.saturating_add(self.row_repeats);
        }
        self.in_row = false;
    }
}

/// Refuses an ODS whose content would make calamine allocate more than `--max-cells` cells for
/// one sheet. Reading errors are left to calamine, which reports them with their cause.
pub(crate) fn check_ods_grid(file: &str, content: impl Read, limits: &Limits) -> Result<()> {
    let mut scanner = Scanner {
        table: None,
        worst: 0,
    };
    let mut reader = content;
    let mut chunk = vec![0u8; 64 * 1024];
    let mut tag: Vec<u8> = Vec::with_capacity(256);
    let mut in_tag = false;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        for &b in &chunk[..n] {
            if in_tag {
                if b == b'>' {
                    scanner.tag(&tag);
                    tag.clear();
                    in_tag = false;
                } else if tag.len() < MAX_TAG {
                    tag.push(b);
                }
            } else if b == b'<' {
                in_tag = true;
            }
        }
        // Checked as we go, so a hostile file stops early.
        if scanner.worst > limits.max_cells {
            break;
        }
    }
    if let Some(table) = scanner.table.take() {
        scanner.worst = scanner.worst.max(table.cells());
    }
    if scanner.worst > limits.max_cells {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: "the cell grid one sheet spans (rows x columns)",
            actual: scanner.worst,
            limit: limits.max_cells,
            flag: FLAG_CELLS,
        });
    }
    Ok(())
}

struct Scanner {
    table: Option<Table>,
    worst: u64,
}

impl Scanner {
    fn tag(&mut self, tag: &[u8]) {
        let self_closing = tag.last() == Some(&b'/');
        if is_element(tag, b"table:table") {
            self.close_table();
            self.table = Some(Table::default());
        } else if is_element(tag, b"/table:table") {
            self.close_table();
        } else if is_element(tag, b"table:table-row") {
            // calamine reads rows from their start tag only; a self-closing row is skipped.
            if let (Some(table), false) = (self.table.as_mut(), self_closing) {
                table.end_row();
                table.in_row = true;
                table.col = 0;
                table.row_end = 0;
                table.row_repeats = attribute(tag, b"table:number-rows-repeated").max(1);
            }
        } else if is_element(tag, b"/table:table-row") {
            if let Some(table) = self.table.as_mut() {
                table.end_row();
                let cells = table.cells();
                self.worst = self.worst.max(cells);
            }
        } else if is_element(tag, b"table:table-cell")
            || is_element(tag, b"table:covered-table-cell")
        {
            if let Some(table) = self.table.as_mut().filter(|t| t.in_row) {
                let repeats = attribute(tag, b"table:number-columns-repeated").max(1);
                // A value type, or content inside the element, makes the cell non-empty; an
                // empty styled cell is always written self-closing.
                let has_value = !self_closing || contains(tag, b"office:value-type");
                table.cell(repeats, has_value);
            }
        }
    }

    fn close_table(&mut self) {
        if let Some(mut table) = self.table.take() {
            table.end_row();
            self.worst = self.worst.max(table.cells());
        }
    }
}

/// Whether a tag (the text between `<` and `>`) opens or closes the named element.
fn is_element(tag: &[u8], name: &[u8]) -> bool {
    tag.starts_with(name)
        && matches!(
            tag.get(name.len()),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'/')
        )
}

fn contains(tag: &[u8], needle: &[u8]) -> bool {
    tag.windows(needle.len()).any(|w| w == needle)
}

/// A numeric attribute's value, saturating; 0 when absent or unreadable.
fn attribute(tag: &[u8], name: &[u8]) -> u64 {
    let Some(at) = tag.windows(name.len()).position(|w| w == name) else {
        return 0;
    };
    let rest = &tag[at + name.len()..];
    let rest = rest
        .iter()
        .position(|&b| b == b'"' || b == b'\'')
        .map_or(&[][..], |q| &rest[q + 1..]);
    let mut value: u64 = 0;
    for &b in rest.iter().take_while(|b| b.is_ascii_digit()) {
        value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(xml: &str) -> Result<()> {
        let limits = Limits {
            max_cells: 1000,
            ..Limits::default()
        };
        check_ods_grid("t.ods", xml.as_bytes(), &limits)
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
    fn attributes_parse_and_saturate() {
        assert_eq!(
            attribute(
                br#"table:table-row table:number-rows-repeated="12""#,
                b"table:number-rows-repeated"
            ),
            12
        );
        assert_eq!(
            attribute(
                b"table:table-cell table:number-columns-repeated='99999999999999999999999'",
                b"table:number-columns-repeated"
            ),
            u64::MAX
        );
        assert_eq!(attribute(b"table:table-cell", b"x"), 0);
        assert!(is_element(b"table:table-row/", b"table:table-row"));
        assert!(!is_element(b"table:table-rows", b"table:table-row"));
        assert!(!is_element(b"table:table-row-group", b"table:table-row"));
    }
}
