//! Reading a file into sheets of cells with their true positions. Knows file formats and
//! encodings, nothing about RACI.
//!
//! The entry points are [`read_path`], [`read_bytes`] and [`read_stdin`]. The format comes from
//! the content when the content is decisive (zip and OLE signatures), from the text checks
//! otherwise; the extension is only a name, because exports are renamed all the time (a
//! `.tsv` name does settle the delimiter when the content has tabs).
//!
//! Caps ([`Limits`]) are checked while reading, before anything large is allocated, and name the
//! flag that raises them: the file and every zip part after inflating (`--max-file-mb`); cells
//! per sheet, shared strings, and the declared grid of XLS and ODS sheets, which calamine stores
//! densely (`--max-cells`); characters in one cell (`--max-cell-chars`); and the memory the
//! cells will cost once expanded, estimated as they arrive (`--max-memory-mb`, see `budget`).
//! The row and column of a cell stop at a spreadsheet's own 1,048,576 x 16,384, which no flag
//! raises, and the message says so.
//!
//! What calamine does not give us: merged cells of ODS and XLSB files (their sheets come with
//! no merges; a merged cell's value stays in its top-left cell).

mod budget;
mod container;
mod intern;
mod ods_guard;
mod shared_strings;
mod tags;
mod text;
mod workbook;
mod xls_guard;

use crate::model::Pos;
use crate::{Error, Result};
use serde::Serialize;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// A cell's value as the spreadsheet holds it (cached values for formulas).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum CellValue {
    /// Shared between the cells of a sheet that hold the same text (`intern`): a matrix
    /// repeats a few letter texts in most of its cells.
    Text(#[serde(serialize_with = "text_as_str")] Arc<str>),
    Number(f64),
    Bool(bool),
    /// A date or time, as text (never a letter).
    DateTime(String),
    /// A spreadsheet error value such as `#NAME?`.
    Error(String),
}

/// Serializes shared text as the string it is (serde's `rc` feature is not needed for one
/// field).
fn text_as_str<S: serde::Serializer>(
    text: &Arc<str>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

impl CellValue {
    /// A text cell.
    pub fn text(text: &str) -> CellValue {
        CellValue::Text(Arc::from(text))
    }

    /// The text a person sees in the cell.
    pub fn display(&self) -> String {
        match self {
            CellValue::Text(s) => s.to_string(),
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
        matches!(self, CellValue::Text(s) if blank(s))
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

impl Sheet {
    /// The value at a position, if the cell is non-blank. Cells are sorted, so this is a binary
    /// search.
    pub fn get(&self, pos: Pos) -> Option<&CellValue> {
        self.cells
            .binary_search_by_key(&pos, |c| c.pos)
            .ok()
            .and_then(|i| self.cells.get(i))
            .map(|c| &c.value)
    }

    /// The merged range covering a position, if any.
    pub fn merge_at(&self, pos: Pos) -> Option<&Merge> {
        self.merges.iter().find(|m| {
            (m.start.row..=m.end.row).contains(&pos.row)
                && (m.start.col..=m.end.col).contains(&pos.col)
        })
    }
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
    /// A spreadsheet's own limits; no flag raises them (tests lower them).
    pub max_rows: u64,
    pub max_columns: u64,
    pub max_cell_chars: u64,
    /// The memory a run may plan for, estimated from what the file expands to (`budget`).
    pub max_memory_bytes: u64,
}

/// The default of `--max-memory-mb`. Under it no input has been measured above 1 GB peak
/// (`benches/hostile.rs`): the estimate errs high by design.
pub const DEFAULT_MAX_MEMORY_MB: u64 = 512;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * 1024 * 1024,
            max_cells: 5_000_000,
            max_rows: 1_048_576,
            max_columns: 16_384,
            max_cell_chars: 32_767,
            max_memory_bytes: DEFAULT_MAX_MEMORY_MB * 1024 * 1024,
        }
    }
}

pub use budget::over_budget;

/// The flag that raises each cap, named in `Error::TooLarge` so the message says what to do.
const FLAG_FILE: &str = "--max-file-mb";
const FLAG_CELLS: &str = "--max-cells";
const FLAG_CELL_CHARS: &str = "--max-cell-chars";
const FLAG_MEMORY: &str = "--max-memory-mb";

/// Is the current thread inside the guard that turns a panic of the spreadsheet reader into
/// `Error::Workbook`? A panic hook uses it to stay silent about panics that are handled.
pub fn reading_guarded() -> bool {
    workbook::reading_guarded()
}

/// Reads a file from disk. Checks the metadata first, so a directory, a missing file or a file
/// over `--max-file-mb` is refused before a byte is read.
pub fn read_path(path: &Path, limits: &Limits) -> Result<Workbook> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let file = file_name(path);
    if meta.len() > limits.max_file_bytes {
        return Err(file_too_large(&file, meta.len(), limits));
    }
    let handle = std::fs::File::open(path).map_err(read_error)?;
    let bytes = read_capped(handle, &file, limits).map_err(|e| match e {
        Capped::Io(source) => read_error(source),
        Capped::TooLarge(e) => e,
    })?;
    read_bytes(&file, &bytes, limits)
}

/// Reads a small file that is not a matrix (a taxonomy, `raci.toml`, a list of task names)
/// whole, refusing it past `max_bytes` (`--max-file-mb`) without reading further: `/dev/zero`
/// or a runaway file ends in one message, not gigabytes. `-` reads standard input.
pub fn read_small_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let reader: Box<dyn Read> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        if path.is_dir() {
            return Err(Error::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        Box::new(std::fs::File::open(path).map_err(read_error)?)
    };
    let name = if path == Path::new("-") {
        "stdin".to_string()
    } else {
        display_name(path.as_os_str())
    };
    let limits = Limits {
        max_file_bytes: max_bytes,
        ..Limits::default()
    };
    read_capped(reader, &name, &limits).map_err(|e| match e {
        Capped::Io(source) => read_error(source),
        Capped::TooLarge(e) => e,
    })
}

/// [`read_small_file`] for a file that must be UTF-8 (a taxonomy, `raci.toml`): one that is
/// not is refused, naming where, rather than guessed at, since its keys and names are read
/// as written.
pub fn read_small_text(path: &Path, max_bytes: u64) -> Result<String> {
    String::from_utf8(read_small_file(path, max_bytes)?).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        at: e.utf8_error().valid_up_to(),
    })
}

/// Decodes a small text file that need not be UTF-8 (a list of task names) as a CSV input is
/// decoded: UTF-16 with or without a byte-order mark, UTF-8, or else Windows-1252.
pub fn decode_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    text::decode(bytes).0
}

/// Reads standard input (the `-` argument); the file is called `stdin` in cell references.
pub fn read_stdin(limits: &Limits) -> Result<Workbook> {
    let bytes = read_capped(std::io::stdin().lock(), "stdin", limits).map_err(|e| match e {
        Capped::Io(source) => Error::Read {
            path: "-".into(),
            source,
        },
        Capped::TooLarge(e) => e,
    })?;
    read_bytes("stdin", &bytes, limits)
}

enum Capped {
    Io(std::io::Error),
    TooLarge(Error),
}

/// Reads at most one byte past the cap: a file that grows after its metadata was read, or a
/// pipe, still cannot make us hold more than the cap.
fn read_capped(reader: impl Read, file: &str, limits: &Limits) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    reader
        .take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    let len = bytes.len() as u64;
    if len > limits.max_file_bytes {
        // Reading stopped one byte past the cap: the size is "more than", not this figure.
        return Err(Capped::TooLarge(Error::TooLarge {
            file: file.to_string(),
            what: "the size read before stopping (bytes; the file is larger still)",
            actual: len,
            limit: limits.max_file_bytes,
            flag: FLAG_FILE,
        }));
    }
    Ok(bytes)
}

/// The name shown in cell references: the last path component, never a directory.
fn file_name(path: &Path) -> String {
    match path.file_name() {
        Some(name) => display_name(name),
        None => display_name(path.as_os_str()),
    }
}

/// A file name or path as text, without loss: bytes that are not UTF-8 (a Latin-1 name
/// copied from an old archive) are written `\xE9`, so two such names never look the same
/// and the message or roll-up says which file it was.
pub fn display_name(name: &std::ffi::OsStr) -> String {
    let bytes = name.as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// Reads a file held in memory (standard input, an upload, a fuzzer). `file_name` is used for
/// messages and cell references; its extension is a hint only.
pub fn read_bytes(file_name: &str, bytes: &[u8], limits: &Limits) -> Result<Workbook> {
    let file = file_name;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(file_too_large(file, bytes.len() as u64, limits));
    }
    // The file's bytes are held until the read is over.
    let mut budget = budget::Budget::new(file, limits);
    budget.transient(bytes.len() as u64, budget::WHAT_CELLS)?;
    let format = detect_format(file, bytes, limits)?;
    let sheets = match format {
        Format::Csv => vec![text::read_text(file, bytes, limits, &mut budget)?],
        _ => workbook::read_workbook(file, format, bytes, limits, &mut budget)?,
    };
    if sheets.is_empty() {
        return Err(Error::Workbook {
            file: file.to_string(),
            detail: "the workbook has no sheets".into(),
            hint: "Open it in a spreadsheet program, check that it holds the matrix, and save \
                   it again.",
        });
    }
    Ok(Workbook {
        file: file.to_string(),
        format,
        sheets,
    })
}

/// Extensions we read, lower-case, with the format each names.
fn format_from_extension(file: &str) -> Option<Format> {
    let ext = Path::new(file).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => Some(Format::Csv),
        "xlsx" | "xlsm" => Some(Format::Xlsx),
        "xlsb" => Some(Format::Xlsb),
        "xls" => Some(Format::Xls),
        "ods" => Some(Format::Ods),
        _ => None,
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";

/// Decides the format from the content, which outranks the extension: a zip is XLSX, XLSB or
/// ODS by the parts it holds; an OLE file is XLS unless it is an encrypted OOXML package;
/// anything else is text if it passes the binary check.
fn detect_format(file: &str, bytes: &[u8], limits: &Limits) -> Result<Format> {
    if bytes.is_empty() {
        return Err(Error::UnknownFormat {
            file: file.to_string(),
            reason: "the file is empty (0 bytes)".into(),
        });
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return detect_zip(file, bytes, limits);
    }
    if bytes.starts_with(&container::OLE_MAGIC) {
        if container::ole_has_stream(bytes, "EncryptionInfo")
            || container::ole_has_stream(bytes, "EncryptedPackage")
        {
            return Err(Error::Workbook {
                file: file.to_string(),
                detail: "the workbook is encrypted with a password".into(),
                hint: workbook::HINT_PASSWORD,
            });
        }
        return Ok(Format::Xls);
    }
    if let Some(reason) = text::binary_reason(bytes) {
        let named = match format_from_extension(file) {
            Some(Format::Csv) | None => "",
            Some(_) => " and it is not a spreadsheet the name promises either",
        };
        return Err(Error::UnknownFormat {
            file: file.to_string(),
            reason: format!("{reason}{named}"),
        });
    }
    Ok(Format::Csv)
}

fn detect_zip(file: &str, bytes: &[u8], limits: &Limits) -> Result<Format> {
    let Some(entries) = container::zip_entries(bytes) else {
        return Err(Error::Workbook {
            file: file.to_string(),
            detail: "the zip container is truncated or damaged (its directory cannot be found)"
                .into(),
            hint: workbook::HINT_DAMAGED,
        });
    };
    let has = |name: &str| entries.iter().any(|e| e.name == name);
    let has_prefix = |prefix: &str| entries.iter().any(|e| e.name.starts_with(prefix));

    let format = if has("xl/workbook.bin") {
        Format::Xlsb
    } else if has_prefix("xl/") {
        Format::Xlsx
    } else if let Some(mimetype) = entries.iter().find(|e| e.name == "mimetype") {
        let declared = container::stored_entry(bytes, mimetype)
            .map(|b| String::from_utf8_lossy(b).trim().to_string());
        match declared {
            Some(m) if m == "application/vnd.oasis.opendocument.spreadsheet" => Format::Ods,
            Some(m) if m.starts_with("application/vnd.oasis.opendocument") => {
                return Err(Error::UnknownFormat {
                    file: file.to_string(),
                    reason: format!("an OpenDocument file of type {m:?}, not a spreadsheet"),
                });
            }
            _ if has("content.xml") => Format::Ods,
            _ => return Err(not_a_spreadsheet_zip(file, &entries)),
        }
    } else if has("content.xml") {
        Format::Ods
    } else {
        return Err(not_a_spreadsheet_zip(file, &entries));
    };

    // Zip-bomb guard: calamine holds these parts in memory whole (shared strings, styles, ODS
    // content) or streams them (worksheets); either way a part that inflates past the file cap
    // is refused from its declared size, before any inflating. The zip reader enforces that
    // declared size, so a lying directory cannot get around this.
    for entry in &entries {
        let lower = entry.name.to_ascii_lowercase();
        let parsed = lower.ends_with(".xml") || lower.ends_with(".bin") || lower.ends_with(".rels");
        if parsed && entry.uncompressed > limits.max_file_bytes {
            return Err(Error::TooLarge {
                file: file.to_string(),
                what: "the uncompressed size of one part of the workbook (bytes)",
                actual: entry.uncompressed,
                limit: limits.max_file_bytes,
                flag: FLAG_FILE,
            });
        }
    }
    Ok(format)
}

fn not_a_spreadsheet_zip(file: &str, entries: &[container::ZipEntry]) -> Error {
    let has_prefix = |prefix: &str| entries.iter().any(|e| e.name.starts_with(prefix));
    let what = if has_prefix("word/") {
        "a Word document"
    } else if has_prefix("Index/") {
        "an Apple Numbers file (export it from Numbers as .xlsx or .csv)"
    } else if has_prefix("ppt/") {
        "a PowerPoint presentation"
    } else {
        "a zip archive"
    };
    Error::UnknownFormat {
        file: file.to_string(),
        reason: format!("it is {what}, not a spreadsheet"),
    }
}

fn file_too_large(file: &str, actual: u64, limits: &Limits) -> Error {
    Error::TooLarge {
        file: file.to_string(),
        what: "the file size (bytes)",
        actual,
        limit: limits.max_file_bytes,
        flag: FLAG_FILE,
    }
}

fn too_many_cells(file: &str, limits: &Limits) -> Error {
    Error::TooLarge {
        file: file.to_string(),
        what: "the number of non-empty cells in one sheet",
        actual: limits.max_cells.saturating_add(1),
        limit: limits.max_cells,
        flag: FLAG_CELLS,
    }
}

/// Rows and columns stop where a spreadsheet's do (1,048,576 x 16,384). No flag raises that,
/// so the message names none (a flag that cannot help would only send the user astray).
fn check_position(file: &str, row: u64, col: u64, limits: &Limits) -> Result<()> {
    // Positions are stored as u32; past that nothing could be addressed anyway.
    let row_cap = limits.max_rows.min(u64::from(u32::MAX));
    let col_cap = limits.max_columns.min(u64::from(u32::MAX));
    if row >= row_cap {
        return Err(Error::BeyondSpreadsheet {
            file: file.to_string(),
            what: "the row number of a non-empty cell",
            actual: row.saturating_add(1),
            limit: row_cap,
        });
    }
    if col >= col_cap {
        return Err(too_many_columns(file, col.saturating_add(1), col_cap));
    }
    Ok(())
}

fn too_many_columns(file: &str, columns: u64, limit: u64) -> Error {
    Error::BeyondSpreadsheet {
        file: file.to_string(),
        what: "the number of columns",
        actual: columns,
        limit,
    }
}

/// `text.trim()`, answered without reading the text as characters when it starts and ends
/// with a visible ASCII character (nothing to trim), as nearly every cell does: the layout
/// trims each cell's text in several passes.
pub(crate) fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Whether a text is empty once trimmed. A text that starts with a visible ASCII character
/// is answered from its first byte: this is asked of every cell, and trimming reads the text
/// as characters from both ends.
pub(crate) fn blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => text.trim().is_empty(),
    }
}

/// Length in characters, counted only when the byte length could exceed the cap (a character
/// is at least one byte), so ordinary cells cost one comparison.
fn check_cell_chars(file: &str, text: &str, limits: &Limits) -> Result<()> {
    if text.len() as u64 <= limits.max_cell_chars {
        return Ok(());
    }
    let chars = text.chars().count() as u64;
    if chars > limits.max_cell_chars {
        return Err(Error::TooLarge {
            file: file.to_string(),
            what: "the length of one cell (characters)",
            actual: chars,
            limit: limits.max_cell_chars,
            flag: FLAG_CELL_CHARS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            for (name, data) in files {
                let method = if *name == "mimetype" {
                    zip::CompressionMethod::Stored
                } else {
                    zip::CompressionMethod::Deflated
                };
                let options = zip::write::SimpleFileOptions::default().compression_method(method);
                zip.start_file(*name, options).unwrap();
                zip.write_all(data).unwrap();
            }
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

    /// A minimal ODS: rows and columns skipped with repeat counts so the data starts at C3,
    /// plus a merged cell spanning two columns.
    fn ods() -> Vec<u8> {
        let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="RACI">
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="5"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>Task</text:p></table:table-cell><table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>Product Owner</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>Ship</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="Empty"><table:table-row><table:table-cell/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        zip_of(&[
            ("mimetype", ODS_MIME),
            ("content.xml", content.as_bytes()),
            ("META-INF/manifest.xml", manifest.as_bytes()),
        ])
    }

    fn xlsx() -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet().set_name("RACI").unwrap();
        ws.write_string(0, 0, "Task").unwrap();
        book.save_to_buffer().unwrap()
    }

    fn limits() -> Limits {
        Limits::default()
    }

    #[test]
    fn ods_positions_are_absolute() {
        let book = read_bytes("team.ods", &ods(), &limits()).unwrap();
        assert_eq!(book.format, Format::Ods);
        let names: Vec<_> = book.sheets.iter().map(|s| s.name.clone()).collect();
        assert_eq!(names, [Some("RACI".into()), Some("Empty".into())]);
        let cells: Vec<(Pos, String)> = book.sheets[0]
            .cells
            .iter()
            .map(|c| (c.pos, c.value.display()))
            .collect();
        assert_eq!(
            cells,
            vec![
                (Pos::new(2, 2), "Task".into()),
                (Pos::new(2, 3), "Product Owner".into()),
                (Pos::new(3, 2), "Ship".into()),
                (Pos::new(3, 3), "3".into()),
            ]
        );
        assert_eq!(book.sheets[0].cells[3].value, CellValue::Number(3.0));
        // calamine does not report ODS merges.
        assert!(book.sheets[0].merges.is_empty());
        assert!(book.sheets[1].cells.is_empty());
    }

    #[test]
    fn content_outranks_extension() {
        let x = xlsx();
        for name in ["team.csv", "team.ods", "team", "TEAM.XLSX", "team.xls"] {
            assert_eq!(
                read_bytes(name, &x, &limits()).unwrap().format,
                Format::Xlsx
            );
        }
        assert_eq!(
            read_bytes("team.xlsx", &ods(), &limits()).unwrap().format,
            Format::Ods
        );
        let csv = read_bytes("team.xlsx", b"Task,PO\nShip,A\n", &limits()).unwrap();
        assert_eq!(csv.format, Format::Csv);
        assert_eq!(csv.sheets[0].cells.len(), 4);
        assert_eq!(csv.file, "team.xlsx");
    }

    #[test]
    fn sheet_lookups() {
        let book = read_bytes("team.ods", &ods(), &limits()).unwrap();
        let sheet = &book.sheets[0];
        assert_eq!(sheet.get(Pos::new(3, 2)), Some(&CellValue::text("Ship")));
        assert_eq!(sheet.get(Pos::new(3, 4)), None);
        let merged = Sheet {
            name: None,
            cells: Vec::new(),
            merges: vec![Merge {
                start: Pos::new(1, 1),
                end: Pos::new(2, 3),
            }],
        };
        assert!(merged.merge_at(Pos::new(2, 3)).is_some());
        assert!(merged.merge_at(Pos::new(3, 3)).is_none());
        assert!(merged.merge_at(Pos::new(1, 0)).is_none());
    }

    #[test]
    fn quick_trim_and_blank_agree_with_the_standard_ones() {
        for t in [
            "",
            " ",
            "R",
            " R",
            "R ",
            "\u{b}R\u{b}",
            "R\u{a0}",
            "\u{3000}",
            "é",
            "Ann Lee",
            "A\t",
            "\u{85}",
            "x\u{2028}",
            "\r\n",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
            assert_eq!(blank(t), t.trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn extensions_are_case_insensitive() {
        assert_eq!(format_from_extension("a.XLSM"), Some(Format::Xlsx));
        assert_eq!(format_from_extension("a.Tsv"), Some(Format::Csv));
        assert_eq!(format_from_extension("a.ODS"), Some(Format::Ods));
        assert_eq!(format_from_extension("a.xlsb"), Some(Format::Xlsb));
        assert_eq!(format_from_extension("a.XLS"), Some(Format::Xls));
        assert_eq!(format_from_extension("a.pdf"), None);
    }

    #[test]
    fn empty_input_is_refused() {
        let err = read_bytes("team.csv", b"", &limits()).unwrap_err();
        assert!(matches!(err, Error::UnknownFormat { .. }));
        assert!(err.to_string().contains("team.csv"));
    }

    #[test]
    fn other_zips_are_named() {
        let docx = zip_of(&[
            ("word/document.xml", b"<w/>"),
            ("[Content_Types].xml", b"<x/>"),
        ]);
        let err = read_bytes("team.xlsx", &docx, &limits()).unwrap_err();
        assert!(err.to_string().contains("Word document"), "{err}");
        let odt = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<x/>"),
        ]);
        let err = read_bytes("team.ods", &odt, &limits()).unwrap_err();
        assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
        assert!(err.to_string().contains("opendocument.text"), "{err}");
    }

    #[test]
    fn truncated_zip_is_a_damaged_workbook() {
        let x = xlsx();
        let err = read_bytes("team.xlsx", &x[..x.len() / 2], &limits()).unwrap_err();
        assert!(matches!(err, Error::Workbook { .. }), "{err}");
    }

    #[test]
    fn declared_part_size_is_capped() {
        let big = vec![b' '; 300_000];
        let bomb = zip_of(&[("content.xml", &big), ("mimetype", ODS_MIME)]);
        let limits = Limits {
            max_file_bytes: 100_000,
            ..Limits::default()
        };
        assert!((bomb.len() as u64) < limits.max_file_bytes);
        let err = read_bytes("bomb.ods", &bomb, &limits).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    actual: 300_000,
                    flag: "--max-file-mb",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn encrypted_ooxml_asks_for_an_unprotected_copy() {
        let mut file = vec![0u8; 1536];
        file[..8].copy_from_slice(&container::OLE_MAGIC);
        let entry = &mut file[1024..1152];
        for (i, u) in "EncryptedPackage".encode_utf16().enumerate() {
            entry[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        entry[64..66].copy_from_slice(&34u16.to_le_bytes());
        let err = read_bytes("secret.xlsx", &file, &limits()).unwrap_err();
        assert!(
            matches!(err, Error::Workbook { hint, .. } if hint == workbook::HINT_PASSWORD),
            "{err}"
        );
        assert!(err.to_string().contains("password"));
    }

    #[test]
    fn binary_text_is_refused() {
        let err = read_bytes("team.csv", b"Task,PO\n\0\0\0", &limits()).unwrap_err();
        assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
        assert!(err.to_string().contains("NUL"));
    }

    #[test]
    fn over_size_bytes_are_refused_before_parsing() {
        let limits = Limits {
            max_file_bytes: 4,
            ..Limits::default()
        };
        let err = read_bytes("team.csv", b"a,b,c", &limits).unwrap_err();
        assert!(matches!(
            err,
            Error::TooLarge {
                actual: 5,
                limit: 4,
                ..
            }
        ));
    }
}
