//! Workbooks through calamine: XLSX/XLSM and XLSB streamed cell by cell so the caps hold
//! before anything is allocated, XLS and ODS through calamine's range API after size checks.
//!
//! Every position is made absolute here (calamine's ranges start at their first used cell),
//! so later stages see rows and columns exactly as the spreadsheet numbers them.

use super::budget::Budget;
use super::intern::TextCache;
use super::{
    check_cell_chars, check_position, too_many_cells, CellValue, Format, GridCell, Limits, Merge,
    Sheet,
};
use crate::model::Pos;
use crate::{Error, Result};
use calamine::{
    Data, DataRef, Dimensions, ExcelDateTime, Ods, Range, Reader, SheetType, Xls, Xlsb, Xlsx,
};
use std::io::Cursor;

pub(crate) const HINT_DAMAGED: &str =
    "The file may be damaged or cut short: open it in Excel or LibreOffice and save a new copy.";
pub(crate) const HINT_PASSWORD: &str =
    "The workbook is password-protected: open it, remove the password (File > Info > Protect \
     Workbook in Excel), save an unprotected copy and audit that.";

/// Reads every sheet of a workbook, in workbook order.
pub(crate) fn read_workbook(
    file: &str,
    format: Format,
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Sheet>> {
    // calamine is a large parser of hostile input; should it ever panic on a malformed file,
    // the user still gets an error naming the file instead of a crash. The flag tells the
    // panic hook (`raci_audit::panic_hook`) that this panic is caught, so it prints nothing.
    let _guard = Guarded::enter();
    let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match format {
        Format::Xlsx => read_xlsx(file, bytes, limits, budget),
        Format::Xlsb => read_xlsb(file, bytes, limits, budget),
        Format::Xls => read_xls(file, bytes, limits, budget),
        Format::Ods => read_ods(file, bytes, limits, budget),
        Format::Csv => Err(Error::UnknownFormat {
            file: file.to_string(),
            reason: "text given to the workbook reader".into(),
        }),
    }));
    match guarded {
        Ok(result) => result,
        Err(_) => Err(Error::Workbook {
            file: file.to_string(),
            detail: "the spreadsheet reader failed on malformed content".into(),
            hint: HINT_DAMAGED,
        }),
    }
}

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Is this thread inside the workbook reader's `catch_unwind`? Per thread, so concurrent
/// reads (portfolio, serve) never see each other's state, and no global hook is swapped.
pub(crate) fn reading_guarded() -> bool {
    GUARDED.with(|g| g.get())
}

/// Sets the flag for the life of the guard; restores the previous value on drop, including
/// while unwinding.
struct Guarded(bool);

impl Guarded {
    fn enter() -> Self {
        Guarded(GUARDED.with(|g| g.replace(true)))
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        GUARDED.with(|g| g.set(self.0));
    }
}

fn workbook_error(file: &str, detail: impl std::fmt::Display, password: bool) -> Error {
    Error::Workbook {
        file: file.to_string(),
        detail: detail.to_string(),
        hint: if password {
            HINT_PASSWORD
        } else {
            HINT_DAMAGED
        },
    }
}

/// Collects one sheet's cells, enforcing the caps and charging the memory budget as each
/// cell arrives.
struct SheetBuilder<'a> {
    file: &'a str,
    limits: &'a Limits,
    budget: &'a mut Budget,
    cells: Vec<GridCell>,
    texts: TextCache,
}

impl<'a> SheetBuilder<'a> {
    fn new(file: &'a str, limits: &'a Limits, budget: &'a mut Budget) -> Self {
        SheetBuilder {
            file,
            limits,
            budget,
            cells: Vec::new(),
            texts: TextCache::default(),
        }
    }

    /// Checks the position and the cell cap, in this order.
    fn room(&self, row: u32, col: u32) -> Result<()> {
        check_position(self.file, u64::from(row), u64::from(col), self.limits)?;
        if self.cells.len() as u64 >= self.limits.max_cells {
            return Err(too_many_cells(self.file, self.limits));
        }
        Ok(())
    }

    fn push(&mut self, row: u32, col: u32, value: CellValue) -> Result<()> {
        self.room(row, col)?;
        let text = match &value {
            CellValue::Text(s) => s,
            CellValue::DateTime(s) | CellValue::Error(s) => s.as_str(),
            CellValue::Number(_) | CellValue::Bool(_) => "",
        };
        self.budget.cell(text)?;
        self.cells.push(GridCell {
            pos: Pos::new(row, col),
            value,
        });
        Ok(())
    }

    /// A text cell; the cap is checked on the borrowed text so a huge shared string is never
    /// copied. The checks and charges are those of [`SheetBuilder::push`], in its order; a
    /// text the cache has met was charged as distinct already.
    fn push_text(&mut self, row: u32, col: u32, text: &str) -> Result<()> {
        if super::blank(text) {
            return Ok(());
        }
        check_cell_chars(self.file, text, self.limits)?;
        self.room(row, col)?;
        let shared = self.texts.share(text);
        if shared.seen {
            self.budget.repeated_cell(text)?;
        } else {
            self.budget.cell(text)?;
        }
        self.cells.push(GridCell {
            pos: Pos::new(row, col),
            value: CellValue::Text(shared.text),
        });
        Ok(())
    }

    fn push_data(&mut self, row: u32, col: u32, data: &Data) -> Result<()> {
        match data {
            Data::Empty => Ok(()),
            Data::String(s) => self.push_text(row, col, s),
            Data::Int(i) => self.push(row, col, CellValue::Number(*i as f64)),
            Data::Float(f) => self.push(row, col, number(*f)),
            Data::Bool(b) => self.push(row, col, CellValue::Bool(*b)),
            Data::DateTime(d) => self.push(row, col, CellValue::DateTime(datetime_text(d))),
            Data::DateTimeIso(s) | Data::DurationIso(s) => {
                check_cell_chars(self.file, s, self.limits)?;
                self.push(row, col, CellValue::DateTime(s.clone()))
            }
            Data::Error(e) => self.push(row, col, CellValue::Error(e.to_string())),
        }
    }

    /// Borrows the value so that blank and oversized text is dropped before any copy.
    fn push_data_ref(&mut self, row: u32, col: u32, data: &DataRef<'_>) -> Result<()> {
        match data {
            DataRef::Empty => Ok(()),
            DataRef::SharedString(s) => self.push_text(row, col, s),
            DataRef::String(s) => self.push_text(row, col, s),
            DataRef::Int(i) => self.push(row, col, CellValue::Number(*i as f64)),
            DataRef::Float(f) => self.push(row, col, number(*f)),
            DataRef::Bool(b) => self.push(row, col, CellValue::Bool(*b)),
            DataRef::DateTime(d) => self.push(row, col, CellValue::DateTime(datetime_text(d))),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                check_cell_chars(self.file, s, self.limits)?;
                self.push(row, col, CellValue::DateTime(s.clone()))
            }
            DataRef::Error(e) => self.push(row, col, CellValue::Error(e.to_string())),
        }
    }

    /// Adds a whole range, shifting its relative positions by the range's start.
    fn push_range(&mut self, range: &Range<Data>) -> Result<()> {
        let Some((row0, col0)) = range.start() else {
            return Ok(());
        };
        for (r, c, data) in range.used_cells() {
            let (Some(row), Some(col)) = (
                u32::try_from(r).ok().and_then(|r| row0.checked_add(r)),
                u32::try_from(c).ok().and_then(|c| col0.checked_add(c)),
            ) else {
                continue;
            };
            self.push_data(row, col, data)?;
        }
        Ok(())
    }

    fn finish(self, name: String, merges: Vec<Merge>) -> Sheet {
        finish_sheet(self.cells, name, merges)
    }
}

/// A sheet from the cells read for it. Streams are in file order, which Excel keeps sorted
/// but other writers need not.
fn finish_sheet(mut cells: Vec<GridCell>, name: String, merges: Vec<Merge>) -> Sheet {
    cells.sort_by_key(|c| c.pos);
    cells.dedup_by_key(|c| c.pos);
    Sheet {
        name: Some(name),
        cells,
        merges,
    }
}

/// A number, unless it is not one: an infinity or NaN (which ODS can hold, and no spreadsheet
/// shows as a number) is an error value, reported where it stands like `#NUM!`.
fn number(f: f64) -> CellValue {
    if f.is_finite() {
        CellValue::Number(f)
    } else {
        CellValue::Error(format!("{f}"))
    }
}

/// Excel serial dates as text: `2024-03-01`, `2024-03-01 09:30:00`, `09:30:00` for a time of
/// day, and `[h]:mm:ss` for a duration (which may run past 24 hours).
fn datetime_text(d: &ExcelDateTime) -> String {
    let value = d.as_f64();
    if !value.is_finite() {
        return format!("{value}");
    }
    if d.is_duration() {
        let total = (value * 86_400.0).round() as i64;
        let sign = if total < 0 { "-" } else { "" };
        let total = total.unsigned_abs();
        return format!(
            "{sign}{}:{:02}:{:02}",
            total / 3600,
            total / 60 % 60,
            total % 60
        );
    }
    let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
    let has_time = (h, mi, s) != (0, 0, 0);
    if value.trunc() == 0.0 && value >= 0.0 {
        format!("{h:02}:{mi:02}:{s:02}")
    } else if has_time {
        format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
    } else {
        format!("{y:04}-{mo:02}-{day:02}")
    }
}

fn merges_from(dims: &[Dimensions]) -> Vec<Merge> {
    let mut merges: Vec<Merge> = dims
        .iter()
        .map(|d| Merge {
            start: Pos::new(d.start.0.min(d.end.0), d.start.1.min(d.end.1)),
            end: Pos::new(d.start.0.max(d.end.0), d.start.1.max(d.end.1)),
        })
        .collect();
    merges.sort_by_key(|m| (m.start, m.end));
    merges.dedup();
    merges
}

fn read_xlsx(file: &str, bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<Vec<Sheet>> {
    // calamine reads the shared-string table whole when the workbook is opened, reserving
    // what its header declares: measure it first.
    super::shared_strings::check_xlsx(file, bytes, limits, budget)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        let password = matches!(e, calamine::XlsxError::Password);
        workbook_error(file, e, password)
    })?;
    let metadata: Vec<(String, SheetType)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.typ))
        .collect();
    // Whether any part mentions merges is a byte search over the inflated package: run it on
    // the other core while this one streams the cells (on a 50,000-row sheet it costs a
    // quarter of the read). The flag for the panic hook is per thread, so each half sets it.
    let (merges_present, cells) = rayon::join(
        || {
            let _guard = Guarded::enter();
            xlsx_may_have_merges(bytes)
        },
        || {
            // Called from outside the thread pool, `join` runs both halves on pool threads,
            // so this one needs the flag too.
            let _guard = Guarded::enter();
            // The sheets read in full, then the error that stopped reading, if any: it is
            // reported only after the merges of the sheets before it, as a sheet-by-sheet
            // read would meet them.
            let mut all: Vec<Option<Vec<GridCell>>> = Vec::with_capacity(metadata.len());
            for (name, typ) in &metadata {
                if *typ != SheetType::WorkSheet {
                    all.push(None);
                    continue;
                }
                match read_xlsx_cells(&mut book, file, name, limits, budget) {
                    Ok(cells) => all.push(Some(cells)),
                    Err(e) => return (all, Some(e)),
                }
            }
            (all, None)
        },
    );
    let (read, stopped) = cells;
    let mut sheets = Vec::with_capacity(metadata.len());
    for ((name, _), cells) in metadata.into_iter().zip(read) {
        let Some(cells) = cells else {
            // Chart and dialog sheets hold no cells; they are kept so sheet numbers match
            // the workbook's tabs.
            sheets.push(finish_sheet(Vec::new(), name, Vec::new()));
            continue;
        };
        // Merges sit after the cell data in the sheet XML, out of reach of the cell reader,
        // so reading them is a second XML pass; it is only paid when some part mentions them.
        let merges = if merges_present {
            book.merge_cells_by_sheet_name(&name)
                .map_err(|e| workbook_error(file, format!("sheet {name:?}: {e}"), false))?
        } else {
            Vec::new()
        };
        sheets.push(finish_sheet(cells, name, merges_from(&merges)));
    }
    match stopped {
        Some(e) => Err(e),
        None => Ok(sheets),
    }
}

/// One worksheet's cells, streamed, with the caps checked as each arrives.
fn read_xlsx_cells(
    book: &mut Xlsx<Cursor<&[u8]>>,
    file: &str,
    name: &str,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<GridCell>> {
    let mut builder = SheetBuilder::new(file, limits, budget);
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| workbook_error(file, format!("sheet {name:?}: {e}"), false))?;
    push_cells(&mut builder, file, name, || reader.next_cell())?;
    Ok(builder.cells)
}

/// Pushes every cell a calamine cells reader gives (`next`: its `next_cell`) into `builder`,
/// the caps checked as each arrives. XLSX and XLSB readers are different types with the same
/// method.
fn push_cells<'a, E: std::fmt::Display>(
    builder: &mut SheetBuilder,
    file: &str,
    name: &str,
    mut next: impl FnMut() -> std::result::Result<Option<calamine::Cell<DataRef<'a>>>, E>,
) -> Result<()> {
    while let Some(cell) =
        next().map_err(|e| workbook_error(file, format!("sheet {name:?}: {e}"), false))?
    {
        let (row, col) = cell.get_position();
        builder.push_data_ref(row, col, cell.get_value())?;
    }
    Ok(())
}

/// Whether any XML part of the package mentions `mergeCell`. Inflating and searching bytes is
/// several times cheaper than calamine's XML pass for merges, and most large exports have no
/// merges at all. Any doubt (a part that cannot be inflated here) answers yes.
fn xlsx_may_have_merges(bytes: &[u8]) -> bool {
    let Some(entries) = super::container::zip_entries(bytes) else {
        return true;
    };
    entries
        .iter()
        .filter(|e| e.name.to_ascii_lowercase().ends_with(".xml"))
        .any(|e| super::container::entry_contains(bytes, e, b"mergeCell") != Some(false))
}

fn read_xlsb(file: &str, bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<Vec<Sheet>> {
    super::shared_strings::check_xlsb(file, bytes, limits, budget)?;
    let mut book = Xlsb::new(Cursor::new(bytes)).map_err(|e| {
        let password = matches!(e, calamine::XlsbError::Password);
        workbook_error(file, e, password)
    })?;
    let metadata: Vec<(String, SheetType)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.typ))
        .collect();
    let mut sheets = Vec::with_capacity(metadata.len());
    for (name, typ) in metadata {
        let mut builder = SheetBuilder::new(file, limits, budget);
        if typ == SheetType::WorkSheet {
            let mut reader = book
                .worksheet_cells_reader(&name)
                .map_err(|e| workbook_error(file, format!("sheet {name:?}: {e}"), false))?;
            push_cells(&mut builder, file, &name, || reader.next_cell())?;
        }
        // calamine does not read merged cells from XLSB.
        sheets.push(builder.finish(name, Vec::new()));
    }
    Ok(sheets)
}

fn read_xls(file: &str, bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<Vec<Sheet>> {
    // calamine parses every XLS sheet when the file is opened, reserving each sheet's declared
    // grid; the guard checks those declarations first.
    super::xls_guard::check_xls_grid(file, bytes, limits, budget)?;
    let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| {
        let password = matches!(e, calamine::XlsError::Password);
        workbook_error(file, e, password)
    })?;
    dense_sheets(file, &mut book, limits, budget, |book, name| {
        book.merge_cells_by_sheet_name(name)
            .map(|m| merges_from(&m))
            .map_err(|e| workbook_error(file, format!("sheet {name:?}: {e}"), false))
    })
}

/// Every sheet of a workbook calamine reads densely (XLS, ODS), in workbook order, with the
/// merged ranges `merges` finds for it.
fn dense_sheets<'b, R>(
    file: &str,
    book: &mut R,
    limits: &Limits,
    budget: &mut Budget,
    merges: impl Fn(&mut R, &str) -> Result<Vec<Merge>>,
) -> Result<Vec<Sheet>>
where
    R: Reader<Cursor<&'b [u8]>>,
    R::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| workbook_error(file, format!("sheet {name:?}: {e}"), false))?;
        let mut builder = SheetBuilder::new(file, limits, budget);
        builder.push_range(&range)?;
        let found = merges(book, &name)?;
        sheets.push(builder.finish(name, found));
    }
    Ok(sheets)
}

fn read_ods(file: &str, bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<Vec<Sheet>> {
    // calamine builds ODS sheets densely, expanding repeat counts; measure first.
    let content = super::container::zip_entries(bytes).and_then(|entries| {
        let entry = entries.iter().find(|e| e.name == "content.xml")?;
        super::container::entry_reader(bytes, entry)
    });
    if let Some(content) = content {
        super::ods_guard::check_ods_grid(file, content, limits, budget)?;
    }
    let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| {
        let password = matches!(e, calamine::OdsError::Password);
        workbook_error(file, e, password)
    })?;
    // calamine does not expose ODS merges (`table:number-columns-spanned`); a merged cell's
    // value stays in its top-left cell and the covered cells read as empty.
    dense_sheets(file, &mut book, limits, budget, |_, _| Ok(Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime as XlDate, Format as XlFormat, Formula, Workbook};

    fn read(bytes: &[u8]) -> Vec<Sheet> {
        read_workbook(
            "t.xlsx",
            Format::Xlsx,
            bytes,
            &Limits::default(),
            &mut Budget::new("t.xlsx", &Limits::default()),
        )
        .unwrap()
    }

    fn value_at(sheet: &Sheet, row: u32, col: u32) -> Option<&CellValue> {
        sheet
            .cells
            .iter()
            .find(|c| c.pos == Pos::new(row, col))
            .map(|c| &c.value)
    }

    #[test]
    fn positions_are_absolute_when_data_starts_at_c5() {
        let mut book = Workbook::new();
        let ws = book.add_worksheet().set_name("RACI").unwrap();
        // C5 is row 4, column 2 (0-based).
        ws.write_string(4, 2, "Task").unwrap();
        ws.write_string(4, 3, "PO").unwrap();
        ws.write_string(5, 2, "Ship").unwrap();
        ws.write_string(5, 3, "A").unwrap();
        ws.write_string(5, 4, "   ").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let sheets = read(&bytes);
        assert_eq!(sheets.len(), 1);
        let sheet = &sheets[0];
        assert_eq!(sheet.name.as_deref(), Some("RACI"));
        let got: Vec<(Pos, String)> = sheet
            .cells
            .iter()
            .map(|c| (c.pos, c.value.display()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Pos::new(4, 2), "Task".to_string()),
                (Pos::new(4, 3), "PO".to_string()),
                (Pos::new(5, 2), "Ship".to_string()),
                (Pos::new(5, 3), "A".to_string()),
            ]
        );
        let source = crate::model::Source {
            file: "t.xlsx".into(),
            sheet: sheet.name.clone(),
        };
        assert_eq!(source.cell_ref(sheet.cells[0].pos), "t.xlsx[RACI]!C5");
    }

    #[test]
    fn merges_are_absolute_and_inclusive() {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        let fmt = XlFormat::new();
        ws.merge_range(1, 3, 1, 5, "Product", &fmt).unwrap();
        ws.merge_range(2, 0, 4, 0, "Phase", &fmt).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let sheet = &read(&bytes)[0];
        assert_eq!(
            sheet.merges,
            vec![
                Merge {
                    start: Pos::new(1, 3),
                    end: Pos::new(1, 5)
                },
                Merge {
                    start: Pos::new(2, 0),
                    end: Pos::new(4, 0)
                },
            ]
        );
        assert_eq!(value_at(sheet, 1, 3), Some(&CellValue::text("Product")));
    }

    #[test]
    fn values_keep_their_kind() {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.write_number(0, 0, 42.0).unwrap();
        ws.write_number(0, 1, 2.5).unwrap();
        ws.write_boolean(0, 2, true).unwrap();
        let date = XlDate::from_ymd(2024, 3, 1).unwrap();
        let date_fmt = XlFormat::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(0, 3, &date, &date_fmt)
            .unwrap();
        let stamp = XlDate::from_ymd(2024, 3, 1)
            .unwrap()
            .and_hms(9, 30, 0)
            .unwrap();
        let stamp_fmt = XlFormat::new().set_num_format("yyyy-mm-dd hh:mm:ss");
        ws.write_datetime_with_format(0, 4, &stamp, &stamp_fmt)
            .unwrap();
        ws.write_formula(0, 5, Formula::new("=1+1").set_result("2"))
            .unwrap();
        ws.write_string(0, 6, " R ").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let sheet = &read(&bytes)[0];
        assert_eq!(value_at(sheet, 0, 0), Some(&CellValue::Number(42.0)));
        assert_eq!(value_at(sheet, 0, 1), Some(&CellValue::Number(2.5)));
        assert_eq!(value_at(sheet, 0, 2), Some(&CellValue::Bool(true)));
        assert_eq!(
            value_at(sheet, 0, 3),
            Some(&CellValue::DateTime("2024-03-01".into()))
        );
        assert_eq!(
            value_at(sheet, 0, 4),
            Some(&CellValue::DateTime("2024-03-01 09:30:00".into()))
        );
        // The cached value of a formula, not the formula.
        assert_eq!(value_at(sheet, 0, 5).map(|v| v.display()), Some("2".into()));
        // Text is kept as written; trimming is layout's business.
        assert_eq!(value_at(sheet, 0, 6), Some(&CellValue::text(" R ")));
    }

    #[test]
    fn every_sheet_is_kept_in_order_even_empty_ones() {
        let mut book = Workbook::new();
        book.add_worksheet().set_name("Notes").unwrap();
        book.add_worksheet()
            .set_name("RACI")
            .unwrap()
            .write_string(0, 0, "x")
            .unwrap();
        book.add_worksheet().set_name("Empty").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let sheets = read(&bytes);
        let names: Vec<_> = sheets.iter().map(|s| s.name.clone().unwrap()).collect();
        assert_eq!(names, ["Notes", "RACI", "Empty"]);
        assert!(sheets[0].cells.is_empty());
        assert_eq!(sheets[1].cells.len(), 1);
    }

    #[test]
    fn caps_hold_while_streaming() {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        for row in 0..10 {
            ws.write_string(row, 0, "R").unwrap();
        }
        ws.write_string(20, 0, "x".repeat(50)).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let limits = Limits {
            max_cells: 5,
            ..Limits::default()
        };
        let err = read_workbook(
            "t.xlsx",
            Format::Xlsx,
            &bytes,
            &limits,
            &mut Budget::new("t.xlsx", &limits),
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    flag: "--max-cells",
                    limit: 5,
                    ..
                }
            ),
            "{err}"
        );
        let limits = Limits {
            max_cell_chars: 49,
            ..Limits::default()
        };
        let err = read_workbook(
            "t.xlsx",
            Format::Xlsx,
            &bytes,
            &limits,
            &mut Budget::new("t.xlsx", &limits),
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    flag: "--max-cell-chars",
                    actual: 50,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn datetime_text_forms() {
        use calamine::ExcelDateTimeType::{DateTime, TimeDelta};
        let text = |v, t| datetime_text(&ExcelDateTime::new(v, t, false));
        assert_eq!(text(45352.0, DateTime), "2024-03-01");
        assert_eq!(text(45352.5, DateTime), "2024-03-01 12:00:00");
        assert_eq!(text(0.75, DateTime), "18:00:00");
        assert_eq!(text(1.5, TimeDelta), "36:00:00");
        assert_eq!(text(f64::NAN, TimeDelta), "NaN");
    }
}
