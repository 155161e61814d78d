//! A worksheet part (`xl/worksheets/sheetN.xml`) written as it goes: the sheet's settings
//! first, then the cells strictly row by row, straight into the writer (on `report.xlsx` that
//! is a deflate stream), so a sheet of a million cells never exists uncompressed in memory.
//!
//! The XML is the one rust_xlsxwriter writes for a constant-memory worksheet (inline strings,
//! the same escapes, the same column-width arithmetic), reduced to what `report.xlsx` uses.

use super::styles::Style;
use std::io::{self, Write};

/// Which rows and columns stay on screen while scrolling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Freeze {
    /// The header row.
    HeaderRow,
    /// The header row and the first column (the Matrix sheet's task names).
    HeaderRowAndFirstColumn,
}

/// A column's width in characters, as a user types it in Excel, and its default style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Column {
    pub width: f64,
    pub style: Style,
}

impl Column {
    /// The width in pixels, as Excel measures it for the default font (Calibri 11: a digit is
    /// 7 pixels wide, plus 5 pixels of padding).
    pub fn pixels(&self) -> u32 {
        pixels(self.width)
    }
}

/// Excel's default column width (8.43 characters).
pub(super) const DEFAULT_PIXELS: u32 = 64;

/// Pixels of a column `width` characters wide.
pub(super) fn pixels(width: f64) -> u32 {
    const DIGIT: f64 = 7.0;
    const PADDING: f64 = 5.0;
    if width <= 0.0 {
        0
    } else if width < 1.0 {
        (width * (DIGIT + PADDING)).round() as u32
    } else {
        (width * DIGIT).round() as u32 + PADDING as u32
    }
}

/// Everything about a sheet that comes before its cells.
#[derive(Debug, Clone)]
pub(super) struct SheetSpec<'a> {
    /// The bottom-right cell (0-based row, column) of the cells written; `None` when there
    /// are none.
    pub last_cell: Option<(u32, u16)>,
    /// The sheet shown when the workbook opens.
    pub selected: bool,
    pub freeze: Freeze,
    /// From column A on.
    pub columns: &'a [Column],
    /// The first row's height in points, when it is not the default.
    pub header_height: Option<f64>,
}

/// What follows the cells.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SheetTail {
    /// A filter over the cells (0-based last row and column; the filter starts at A1).
    pub autofilter: Option<(u32, u16)>,
    /// The sheet has notes (relationship `rId1` is their drawing).
    pub notes: bool,
    /// The sheet holds a table (relationship `rId1`).
    pub table: bool,
}

/// Writes one worksheet's XML. Cells must come in order: rows ascending, and columns
/// ascending within a row.
pub(super) struct SheetWriter<W: Write> {
    out: W,
    buf: String,
    /// The open `<row>` (0-based), if any.
    row: Option<u32>,
    header_height: Option<f64>,
}

/// Bytes gathered before they go to the inner writer.
const CHUNK: usize = 64 * 1024;

impl<W: Write> SheetWriter<W> {
    pub fn new(out: W, spec: &SheetSpec<'_>) -> io::Result<SheetWriter<W>> {
        let mut w = SheetWriter {
            out,
            buf: String::with_capacity(CHUNK + 4096),
            row: None,
            header_height: spec.header_height,
        };
        w.put(super::package::XML_DECLARATION);
        w.put(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
        );
        w.put("<dimension ref=\"");
        match spec.last_cell {
            Some((0, 0)) | None => w.put("A1"),
            Some((row, col)) => {
                w.put("A1:");
                w.cell_ref(row, col);
            }
        }
        w.put("\"/><sheetViews><sheetView ");
        if spec.selected {
            w.put("tabSelected=\"1\" ");
        }
        w.put(match spec.freeze {
            Freeze::HeaderRow => {
                "workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" \
                 state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
            }
            Freeze::HeaderRowAndFirstColumn => {
                "workbookViewId=\"0\"><pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" \
                 activePane=\"bottomRight\" state=\"frozen\"/><selection pane=\"topRight\" \
                 activeCell=\"B1\" sqref=\"B1\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" \
                 sqref=\"A2\"/><selection pane=\"bottomRight\"/>"
            }
        });
        w.put("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        w.columns(spec.columns);
        w.put("<sheetData>");
        Ok(w)
    }

    /// `<cols>`: runs of equal columns share one element, as Excel writes them.
    fn columns(&mut self, columns: &[Column]) {
        if columns.is_empty() {
            return;
        }
        self.put("<cols>");
        let mut start = 0;
        while start < columns.len() {
            let col = columns[start];
            let mut end = start;
            while end + 1 < columns.len() && columns[end + 1] == col {
                end += 1;
            }
            self.put("<col min=\"");
            self.number(start as u64 + 1);
            self.put("\" max=\"");
            self.number(end as u64 + 1);
            self.put("\" width=\"");
            // Excel stores the width in 1/256 of a character, from the pixels.
            let chars = f64::from(col.pixels() * 256 / 7) / 256.0;
            self.put(&chars.to_string());
            self.put("\"");
            if col.style != Style::DEFAULT {
                self.put(" style=\"");
                self.number(u64::from(col.style.0));
                self.put("\"");
            }
            // A column as wide as Excel's default is not marked as set.
            if col.pixels() != DEFAULT_PIXELS {
                self.put(" customWidth=\"1\"");
            }
            self.put("/>");
            start = end + 1;
        }
        self.put("</cols>");
    }

    /// A text cell; an empty text writes a blank cell that keeps its style (or nothing,
    /// without one).
    pub fn text(&mut self, row: u32, col: u16, text: &str, style: Style) -> io::Result<()> {
        if text.is_empty() {
            return self.blank(row, col, style);
        }
        self.open(row, col, style)?;
        self.put(" t=\"inlineStr\"><is><t");
        let ws = ['\t', '\n', ' '];
        if text.starts_with(ws) || text.ends_with(ws) {
            self.put(" xml:space=\"preserve\"");
        }
        self.put(">");
        escape_into(&mut self.buf, text);
        self.put("</t></is></c>");
        Ok(())
    }

    /// A whole number.
    pub fn int(&mut self, row: u32, col: u16, n: u64, style: Style) -> io::Result<()> {
        self.open(row, col, style)?;
        self.put("><v>");
        self.number(n);
        self.put("</v></c>");
        Ok(())
    }

    /// A number with a fraction; written as Rust writes an `f64` (shortest exact form), which
    /// is what Excel reads back.
    pub fn decimal(&mut self, row: u32, col: u16, x: f64, style: Style) -> io::Result<()> {
        self.open(row, col, style)?;
        self.put("><v>");
        let text = if x.is_finite() {
            x.to_string()
        } else {
            "0".to_string()
        };
        self.put(&text);
        self.put("</v></c>");
        Ok(())
    }

    /// An empty cell that shows its style (a colour, an outline).
    pub fn blank(&mut self, row: u32, col: u16, style: Style) -> io::Result<()> {
        if style == Style::DEFAULT {
            return Ok(());
        }
        self.open(row, col, style)?;
        self.put("/>");
        Ok(())
    }

    /// Starts a cell: the row if it is new, then `<c r=".." s=".."` (unclosed).
    fn open(&mut self, row: u32, col: u16, style: Style) -> io::Result<()> {
        if self.row != Some(row) {
            debug_assert!(self.row.is_none_or(|r| r < row), "rows out of order");
            if self.row.is_some() {
                self.put("</row>");
            }
            self.put("<row r=\"");
            self.number(u64::from(row) + 1);
            self.put("\"");
            if let (0, Some(height)) = (row, self.header_height) {
                self.put(" ht=\"");
                self.put(&height.to_string());
                self.put("\" customHeight=\"1\"");
            }
            self.put(">");
            self.row = Some(row);
            if self.buf.len() >= CHUNK {
                self.out.write_all(self.buf.as_bytes())?;
                self.buf.clear();
            }
        }
        self.put("<c r=\"");
        self.cell_ref(row, col);
        self.put("\"");
        if style != Style::DEFAULT {
            self.put(" s=\"");
            self.number(u64::from(style.0));
            self.put("\"");
        }
        Ok(())
    }

    /// Closes the cells and writes what follows them; gives the inner writer back.
    pub fn finish(mut self, tail: SheetTail) -> io::Result<W> {
        if self.row.is_some() {
            self.put("</row>");
        }
        self.put("</sheetData>");
        if let Some((row, col)) = tail.autofilter {
            self.put("<autoFilter ref=\"A1:");
            self.cell_ref(row, col);
            self.put("\"/>");
        }
        self.put(
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" \
             footer=\"0.3\"/>",
        );
        if tail.notes {
            self.put("<legacyDrawing r:id=\"rId1\"/>");
        }
        if tail.table {
            self.put("<tableParts count=\"1\"><tablePart r:id=\"rId1\"/></tableParts>");
        }
        self.put("</worksheet>");
        self.out.write_all(self.buf.as_bytes())?;
        Ok(self.out)
    }

    fn put(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    fn number(&mut self, n: u64) {
        push_number(&mut self.buf, n);
    }

    /// `B7` for row 6, column 1.
    fn cell_ref(&mut self, row: u32, col: u16) {
        crate::model::push_column_name(&mut self.buf, u32::from(col));
        push_number(&mut self.buf, u64::from(row) + 1);
    }
}

/// Appends `n` in decimal.
pub(super) fn push_number(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

/// Appends `text` as XML character data the way Excel reads it back unchanged: `&`, `<`, `>`
/// as entities; characters XML cannot hold (controls other than tab and newline, U+FFFE,
/// U+FFFF) as Excel's `_xHHHH_` escapes; and a literal `_xHHHH_` in the text guarded as
/// `_x005F_xHHHH_`, so that Excel does not decode it.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let needs_care = |b: u8| {
        matches!(b, b'&' | b'<' | b'>' | b'_' | 0xEF) || (b < 0x20 && b != b'\t' && b != b'\n')
    };
    if !text.bytes().any(needs_care) {
        out.push_str(text);
        return;
    }
    let bytes = text.as_bytes();
    for (i, ch) in text.char_indices() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '_' if is_excel_escape(&bytes[i..]) => out.push_str("_x005F_"),
            c if (c < ' ' && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                use std::fmt::Write;
                let _ = write!(out, "_x{:04X}_", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Whether `rest` starts with `_xHHHH_`.
fn is_excel_escape(rest: &[u8]) -> bool {
    rest.len() >= 7
        && rest[1] == b'x'
        && rest[2..6].iter().all(u8::is_ascii_hexdigit)
        && rest[6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, text);
        out
    }

    #[test]
    fn escapes_what_xml_and_excel_need() {
        assert_eq!(escaped("R&D <lead>"), "R&amp;D &lt;lead&gt;");
        assert_eq!(escaped("a\u{1}b\tc\nd\re"), "a_x0001_b\tc\nd_x000D_e");
        assert_eq!(escaped("x_x0041_y"), "x_x005F_x0041_y");
        assert_eq!(escaped("snake_case_x41_"), "snake_case_x41_");
        assert_eq!(escaped("\u{FFFF}é"), "_xFFFF_é");
        assert_eq!(escaped("Zoë: ☕ plan"), "Zoë: ☕ plan");
    }

    /// What Excel reads from escaped text: entities, then `_xHHHH_` escapes, decoded.
    fn excel_reads(xml: &str) -> String {
        let text = xml
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("_x") {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if is_excel_escape(tail.as_bytes()) {
                let code = u32::from_str_radix(&tail[2..6], 16).unwrap();
                out.push(char::from_u32(code).unwrap());
                rest = &tail[7..];
            } else {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
        out.push_str(rest);
        out
    }

    proptest::proptest! {
        /// Any text, once escaped, holds only characters XML allows and reads back unchanged.
        #[test]
        fn escaped_text_reads_back(text in "(\\PC|[\u{0}-\u{1f}&<>_x0-9A-F\u{FFFE}\u{FFFF}]){0,40}") {
            let mut xml = String::new();
            escape_into(&mut xml, &text);
            let allowed = |c: char| {
                matches!(c, '\t' | '\n') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
            };
            proptest::prop_assert!(xml.chars().all(allowed), "{:?}", xml);
            proptest::prop_assert!(!xml.contains('<') && !xml.contains('>'));
            proptest::prop_assert_eq!(excel_reads(&xml), text);
        }
    }

    #[test]
    fn widths_follow_excel_arithmetic() {
        // rust_xlsxwriter writes 40 as 40.7109375 and 8 as 8.7109375.
        let col = |width| Column {
            width,
            style: Style::DEFAULT,
        };
        assert_eq!(f64::from(col(40.0).pixels() * 256 / 7) / 256.0, 40.7109375);
        assert_eq!(f64::from(col(8.0).pixels() * 256 / 7) / 256.0, 8.7109375);
        assert_eq!(col(0.5).pixels(), 6);
        assert_eq!(col(0.0).pixels(), 0);
    }

    #[test]
    fn writes_rows_cells_and_runs_of_columns() {
        let spec = SheetSpec {
            last_cell: Some((2, 2)),
            selected: true,
            freeze: Freeze::HeaderRowAndFirstColumn,
            columns: &[
                Column {
                    width: 40.0,
                    style: Style::DEFAULT,
                },
                Column {
                    width: 8.0,
                    style: Style::DEFAULT,
                },
                Column {
                    width: 8.0,
                    style: Style::DEFAULT,
                },
            ],
            header_height: Some(45.0),
        };
        let mut w = SheetWriter::new(Vec::new(), &spec).unwrap();
        w.text(0, 0, "Task", Style::HEADER).unwrap();
        w.text(1, 0, " padded ", Style::DEFAULT).unwrap();
        w.int(1, 1, 42, Style::DEFAULT).unwrap();
        w.decimal(1, 2, 0.9, Style::DECIMAL).unwrap();
        w.blank(2, 2, Style::PROBLEM).unwrap();
        let xml = String::from_utf8(
            w.finish(SheetTail {
                autofilter: Some((2, 2)),
                notes: true,
                table: false,
            })
            .unwrap(),
        )
        .unwrap();
        assert!(xml.contains("<dimension ref=\"A1:C3\"/>"), "{xml}");
        assert!(xml.contains("<sheetView tabSelected=\"1\" workbookViewId=\"0\">"));
        assert!(xml.contains(
            "<cols><col min=\"1\" max=\"1\" width=\"40.7109375\" customWidth=\"1\"/>\
             <col min=\"2\" max=\"3\" width=\"8.7109375\" customWidth=\"1\"/></cols>"
        ));
        assert!(xml.contains(
            "<row r=\"1\" ht=\"45\" customHeight=\"1\"><c r=\"A1\" s=\"2\" t=\"inlineStr\">\
             <is><t>Task</t></is></c></row>"
        ));
        assert!(xml.contains(
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> padded \
             </t></is></c><c r=\"B2\"><v>42</v></c><c r=\"C2\" s=\"7\"><v>0.9</v></c></row>"
        ));
        assert!(xml.contains("<row r=\"3\"><c r=\"C3\" s=\"1\"/></row></sheetData>"));
        assert!(xml.contains("<autoFilter ref=\"A1:C3\"/>"));
        assert!(xml.ends_with("<legacyDrawing r:id=\"rId1\"/></worksheet>"));
    }
}
