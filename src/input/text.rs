//! Text files (CSV, TSV, TXT): telling text from binary, decoding, finding the delimiter, and
//! reading records into cells at the row and column a spreadsheet would show them.

use super::budget::Budget;
use super::{check_cell_chars, check_position, CellValue, GridCell, Limits, Sheet};
use crate::{Error, Result};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// How much of the text the delimiter detection and the binary check look at.
const SAMPLE_BYTES: usize = 64 * 1024;

/// The delimiters we try, in tie-break order: the comma first, as the default of every
/// spreadsheet's CSV export.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The encoding a text was decoded from, for messages and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Why bytes are not text, in words for `Error::UnknownFormat`.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    if utf16_bom(sample).is_some() || utf16_without_bom(sample).is_some() {
        // Checked after decoding, where the NUL bytes of UTF-16 are gone.
        return None;
    }
    // The whole file, not just the sample: NUL padding at the end is as binary as at the start.
    if bytes.contains(&0) {
        return Some("it contains NUL bytes, so it is binary data rather than text".into());
    }
    let (controls, total) = control_share(sample.iter().map(|&b| u32::from(b)));
    if is_binary_share(controls, total) {
        return Some(controls_reason(controls, total));
    }
    None
}

/// Counts C0 control characters other than tab, line breaks, form feed and the old DOS
/// end-of-file mark (and DEL, and the replacement character) among `chars`: `(controls,
/// total)`.
fn control_share(chars: impl Iterator<Item = u32>) -> (u64, u64) {
    let mut total = 0u64;
    let mut controls = 0u64;
    for c in chars {
        total += 1;
        let control = (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x1A))
            || c == 0x7F
            || c == 0xFFFD;
        if control {
            controls += 1;
        }
    }
    (controls, total)
}

/// Random bytes are about one control character in ten; text has next to none, but a stray
/// escape sequence pasted into a name is still text. One in twenty is the line: a share, so a
/// short file with two stray controls is read (and its names shown escaped), not refused.
fn is_binary_share(controls: u64, total: u64) -> bool {
    controls > 0 && controls * 20 >= total
}

fn controls_reason(controls: u64, total: u64) -> String {
    format!(
        "{controls} of its first {total} characters are control characters ({}%), so it is \
         binary data rather than text",
        (controls * 100).div_ceil(total.max(1))
    )
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// UTF-16 without a byte-order mark, as some older exporters write it: text that is mostly
/// ASCII then has a NUL in every odd (little-endian) or every even (big-endian) byte, and never
/// in the other half.
fn utf16_without_bom(sample: &[u8]) -> Option<&'static Encoding> {
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if even == 0 && odd * 2 >= pairs {
        Some(UTF_16LE)
    } else if odd == 0 && even * 2 >= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes text: a UTF-8 or UTF-16 byte-order mark wins; without one, valid UTF-8 is UTF-8,
/// NUL-patterned bytes are UTF-16, and anything else is Windows-1252, the encoding Excel on
/// Windows writes its "CSV" in (and a superset of Latin-1 for all printable characters).
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Ok(text) = std::str::from_utf8(rest) {
            return (Cow::Borrowed(text), TextEncoding::Utf8);
        }
        return (
            String::from_utf8_lossy(rest).into_owned().into(),
            TextEncoding::Utf8,
        );
    }
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let utf16 = utf16_bom(bytes).or_else(|| utf16_without_bom(sample));
    if let Some(encoding) = utf16 {
        // `decode` strips a matching BOM itself.
        let (text, _, _) = encoding.decode(bytes);
        let which = if encoding == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return (text, which);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, TextEncoding::Windows1252)
        }
    }
}

/// Reads a text file into one sheet.
pub(crate) fn read_text(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Sheet> {
    let (text, encoding) = decode(bytes);
    if let Cow::Owned(decoded) = &text {
        // A second copy of the text, beside the file's bytes, until the read is over.
        budget.add_transient(decoded.len() as u64, super::budget::WHAT_CELLS)?;
    }
    if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
        let (controls, total) = control_share(text.chars().take(SAMPLE_BYTES).map(u32::from));
        if text.contains('\0') || is_binary_share(controls, total) {
            return Err(Error::UnknownFormat {
                file: file.to_string(),
                reason: "it looks like UTF-16 but decodes to binary data rather than text".into(),
            });
        }
    }
    if let Some(kind) = markup_kind(&text) {
        return Err(Error::UnknownFormat {
            file: file.to_string(),
            reason: format!(
                "it is {kind} saved under a spreadsheet or text name; open it in a spreadsheet \
                 program and save it as .xlsx or .csv"
            ),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::UnknownFormat {
            file: file.to_string(),
            reason: "the file is empty (it holds no text)".into(),
        });
    }
    if let Some((delimiter, rest)) = sep_directive(&text) {
        return read_records(file, rest, delimiter, limits, budget);
    }
    let delimiter = if declares_tabs(file) && tab_fits(&text) {
        b'\t'
    } else {
        detect_delimiter(&text)
    };
    read_records(file, &text, delimiter, limits, budget)
}

/// A `.tsv` name declares tabs; it is believed when the content agrees (some record splits into
/// more than one field), which settles files where commas inside the text would otherwise look
/// like a consistent comma-separated layout.
fn declares_tabs(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
}

fn tab_fits(text: &str) -> bool {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    score_delimiter(&text[..cut], b'\t', cut < text.len()).0 > 0
}

/// Excel's `sep=;` first line names the delimiter and is not data: Excel hides it, so the line
/// after it is row 1, and so it is here.
fn sep_directive(text: &str) -> Option<(u8, &str)> {
    let head = text.get(..4)?;
    if !head.eq_ignore_ascii_case("sep=") {
        return None;
    }
    let rest = &text[4..];
    let delimiter = *rest.as_bytes().first()?;
    if !delimiter.is_ascii() || matches!(delimiter, b'\r' | b'\n' | b'"') {
        return None;
    }
    let after = &rest[1..];
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'))
        .or_else(|| after.is_empty().then_some(after))?;
    Some((delimiter, body))
}

/// HTML tables and the XML Spreadsheet 2003 format are what web apps often save as ".xls";
/// read as CSV they would give a grid of markup.
fn markup_kind(text: &str) -> Option<&'static str> {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if !head.starts_with('<') {
        return None;
    }
    if head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        Some("an XML Spreadsheet 2003 file")
    } else if head.contains("<html") || head.contains("<table") || head.contains("<!doctype html") {
        Some("an HTML page")
    } else if head.starts_with("<?xml") {
        Some("an XML document")
    } else {
        None
    }
}

/// Picks the delimiter: on the first 64 KiB, parse with each candidate and score it by the
/// number of records that share the most common width, counting only widths above 1 (one
/// column is what a wrong delimiter gives). The highest score wins; on a tie, the wider modal
/// width (more structure found), then the order `,` `;` tab `|`. A file with no record wider
/// than one column under any candidate gets the comma: it is one column either way.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let truncated = cut < text.len();

    // Among candidates that find columns at all, the one that reads the quoting as written
    // comes first: a comma-separated file whose names hold tabs (left unquoted by every CSV
    // writer) otherwise splits into more, narrower tab-separated records and outscores the
    // comma, scrambling the header (found by the property tests in tests/it/props.rs).
    let key = |delimiter: u8| {
        let (score, width) = score_delimiter(sample, delimiter, truncated);
        let stray = stray_quotes(sample, delimiter);
        (score > 0, std::cmp::Reverse(stray), score, width)
    };
    let mut best = (key(b','), b',');
    for &delimiter in &DELIMITERS[1..] {
        let k = key(delimiter);
        if k > best.0 {
            best = (k, delimiter);
        }
    }
    best.1
}

/// How many quote characters `delimiter` would leave out of place: a `"` inside a field that
/// did not open with one, or a closing `"` followed by text rather than a delimiter or line
/// end. The right delimiter puts every quote of well-formed CSV at a field boundary; a wrong
/// one splits fields so that the quotes land inside them.
fn stray_quotes(sample: &str, delimiter: u8) -> usize {
    let bytes = sample.as_bytes();
    let mut stray = 0;
    let mut i = 0;
    while i < bytes.len() {
        // At the start of a field.
        if bytes[i] == b'"' {
            i += 1;
            loop {
                match bytes.get(i) {
                    // The sample may end inside a long quoted field: not evidence either way.
                    None => return stray,
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
            // After the closing quote only a delimiter or a line end may follow.
            match bytes.get(i) {
                None => return stray,
                Some(&b) if b == delimiter || b == b'\n' || b == b'\r' => {}
                Some(_) => stray += 1,
            }
        }
        // The rest of the field, unquoted.
        while let Some(&b) = bytes.get(i) {
            if b == delimiter || b == b'\n' || b == b'\r' {
                break;
            }
            if b == b'"' {
                stray += 1;
            }
            i += 1;
        }
        i += 1;
    }
    stray
}

/// (records of the modal width, that width), widths of 1 ignored.
fn score_delimiter(sample: &str, delimiter: u8, truncated: bool) -> (usize, usize) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample.as_bytes());
    let mut widths = std::collections::BTreeMap::<usize, usize>::new();
    let mut record = csv::ByteRecord::new();
    let mut last_width = None;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        if let Some(w) = last_width.replace(record.len()) {
            *widths.entry(w).or_default() += 1;
        }
    }
    // The last record of a cut sample may be cut too; it only counts when the sample is whole.
    if let (Some(w), false) = (last_width, truncated) {
        *widths.entry(w).or_default() += 1;
    }
    widths
        .into_iter()
        .filter(|&(width, _)| width > 1)
        .map(|(width, count)| (count, width))
        .max()
        .unwrap_or((0, 0))
}

/// Parses the whole text with the chosen delimiter into cells.
///
/// The csv crate skips empty lines, but a spreadsheet opening the file shows them as empty rows,
/// so the row of a record is the count of records and skipped empty lines before it. A quoted
/// field spanning lines stays one record, hence one row, as in a spreadsheet.
pub(crate) fn read_records(
    file: &str,
    text: &str,
    delimiter: u8,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Sheet> {
    // The csv crate holds a whole record (and a position per field) before handing it over:
    // measure first, so a 190 MB cell or a row of 190 million commas is refused before it is
    // buffered. The prescan charges the cells to the budget; they are not charged again here.
    prescan(file, text, delimiter, limits, budget)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut cells = Vec::new();
    let mut texts = super::intern::TextCache::default();
    let mut row: u64 = 0;
    let mut first = true;
    loop {
        let more = reader.read_record(&mut record).map_err(|e| Error::Csv {
            file: file.to_string(),
            line: e.position().map_or(0, |p| p.line()),
            detail: e.to_string(),
        })?;
        if !more {
            break;
        }
        // The csv crate counts the empty lines it skipped into the next record's span, so
        // they are the line breaks at the very start of that span.
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(text.len());
        // A record may end after the `\r` of a `\r\n`, leaving the `\n` to open the next span.
        let after_cr = start > 0 && text.as_bytes().get(start - 1) == Some(&b'\r');
        let skipped = text
            .get(start..)
            .map_or(0, |span| leading_line_breaks(span, after_cr));
        if !first {
            row += 1;
        }
        first = false;
        row += skipped as u64;

        for (col, field) in record.iter().enumerate() {
            if super::blank(field) {
                continue;
            }
            check_position(file, row, col as u64, limits)?;
            check_cell_chars(file, field, limits)?;
            if cells.len() as u64 >= limits.max_cells {
                return Err(super::too_many_cells(file, limits));
            }
            cells.push(GridCell {
                pos: crate::model::Pos::new(row as u32, col as u32),
                value: text_value(field, &mut texts),
            });
        }
    }
    Ok(Sheet {
        name: None,
        cells,
        merges: Vec::new(),
    })
}

/// The spelling of a spreadsheet error value, or of a number that is not one, as exports
/// write them in a text file: a CSV has no types, so `#NAME?` from a broken formula, and the
/// `inf` and `NaN` that scripts write for missing numbers, would otherwise read as names.
const ERROR_SPELLINGS: [&str; 24] = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#EXTERNAL!",
    "#PYTHON!",
    "#ERROR!",
    "inf",
    "-inf",
    "+inf",
    "infinity",
    "-infinity",
    "nan",
];

/// A field's value: an error value when it is spelled as one (any case, spaces around), text
/// otherwise (shared with the fields of the same text through `texts`).
fn text_value(field: &str, texts: &mut super::intern::TextCache) -> CellValue {
    let t = super::trim(field);
    if t.len() <= 13 && ERROR_SPELLINGS.iter().any(|e| e.eq_ignore_ascii_case(t)) {
        CellValue::Error(t.to_string())
    } else {
        CellValue::Text(texts.share(field).text)
    }
}

/// Walks the text as the csv crate will read it (fields, quotes, doubled quotes, line ends)
/// without keeping anything, charges its non-empty cells to the memory budget, and refuses
/// what reading it would have to hold: a field longer
/// than `--max-cell-chars`, a row wider than a spreadsheet, more non-empty cells than
/// `--max-cells`, or cells over the memory budget. Counts are of characters, as
/// [`check_cell_chars`] counts them; a doubled quote inside quotes is one character.
fn prescan(
    file: &str,
    text: &str,
    delimiter: u8,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<()> {
    #[derive(PartialEq)]
    enum State {
        Start,
        Unquoted,
        Quoted,
        /// Just after a `"` inside quotes: a doubled quote or the end of the quoting.
        QuoteInQuoted,
    }
    let mut state = State::Start;
    let (mut chars, mut blank) = (0u64, true);
    let (mut fields, mut cells) = (0u64, 0u64);
    // Where the current field starts: its raw text (quotes and all) stands for its value in
    // the budget. It is never shorter than the value and two raw texts differ whenever their
    // values do, so the charge errs high, as the budget means to.
    let mut start = 0usize;
    let all = text.as_bytes();
    let mut end_field = |chars: u64, blank: bool, fields: &mut u64, raw: &str| -> Result<()> {
        *fields += 1;
        if *fields > limits.max_columns {
            return Err(super::too_many_columns(file, *fields, limits.max_columns));
        }
        if chars > limits.max_cell_chars {
            return Err(Error::TooLarge {
                file: file.to_string(),
                what: "the length of one cell (characters)",
                actual: chars,
                limit: limits.max_cell_chars,
                flag: super::FLAG_CELL_CHARS,
            });
        }
        if !blank {
            cells += 1;
            if cells > limits.max_cells {
                return Err(super::too_many_cells(file, limits));
            }
            budget.cell(raw)?;
        }
        Ok(())
    };
    let mut i = 0;
    while i < all.len() {
        let b = all[i];
        i += 1;
        let at_line_end = b == b'\n' || b == b'\r';
        match state {
            State::Quoted => {
                if b == b'"' {
                    state = State::QuoteInQuoted;
                    continue;
                }
            }
            State::QuoteInQuoted if b == b'"' => {
                state = State::Quoted;
            }
            State::Start if b == b'"' => {
                state = State::Quoted;
                continue;
            }
            _ if b == delimiter => {
                // Delimiters and line ends are ASCII: every cut is on a character boundary.
                end_field(chars, blank, &mut fields, &text[start..i - 1])?;
                (chars, blank, start) = (0, true, i);
                state = State::Start;
                continue;
            }
            _ if at_line_end => {
                // An empty line is no record (the csv crate skips it).
                if state != State::Start || fields > 0 {
                    end_field(chars, blank, &mut fields, &text[start..i - 1])?;
                }
                (chars, blank, start) = (0, true, i);
                fields = 0;
                state = State::Start;
                continue;
            }
            _ => state = State::Unquoted,
        }
        // A character of the field's value (UTF-8 continuation bytes are not characters).
        if b & 0xC0 != 0x80 {
            chars += 1;
        }
        if blank && !(b as char).is_ascii_whitespace() {
            blank = false;
        }
    }
    if state != State::Start || fields > 0 {
        end_field(chars, blank, &mut fields, &text[start..])?;
    }
    Ok(())
}

/// Empty lines at the start of a record's span: `\r\n`, `\n` and a lone `\r` each count once,
/// as the csv crate reads them.
fn leading_line_breaks(span: &str, after_cr: bool) -> usize {
    let bytes = span.as_bytes();
    let mut count = 0;
    let mut i = usize::from(after_cr && bytes.first() == Some(&b'\n'));
    loop {
        match bytes.get(i) {
            Some(b'\r') => {
                count += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            Some(b'\n') => count += 1,
            _ => return count,
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    fn read(file: &str, bytes: &[u8], limits: &Limits) -> Result<Sheet> {
        read_text(file, bytes, limits, &mut Budget::new(file, limits))
    }

    fn cells(text: &str) -> Vec<(u32, u32, String)> {
        let sheet = read("t.csv", text.as_bytes(), &Limits::default()).unwrap();
        sheet
            .cells
            .into_iter()
            .map(|c| (c.pos.row, c.pos.col, c.value.display()))
            .collect()
    }

    #[test]
    fn tabs_inside_comma_separated_names_do_not_win() {
        // What Python's and Rust's csv writers emit for names holding tabs and newlines.
        let text = "Task,Product Owner 1\t,\"Product Owner 2\n\t\",\"Product Owner 3\"\"\"\nPlan 1\t,R,,\n";
        assert_eq!(detect_delimiter(text), b',');
        assert_eq!(stray_quotes(text, b','), 0);
        assert!(stray_quotes(text, b'\t') > 0);
    }

    #[test]
    fn detects_each_delimiter() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n"), b'|');
    }

    #[test]
    fn commas_inside_text_do_not_beat_semicolons() {
        let text = "Task;PO;PM\nPlan, then ship;R;A\nTalk to users, sales, ops;C;R\nTest;I;A\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn quoted_delimiters_and_newlines_do_not_confuse_detection() {
        let text = "Task,PO,PM\n\"Write; review; merge\",R,A\n\"Line one\nline two; three\",C,R\nShip,I,A\n";
        assert_eq!(detect_delimiter(text), b',');
        let got = cells(text);
        assert!(got.contains(&(2, 0, "Line one\nline two; three".into())));
        // The multi-line record is one row; the next record is the next row.
        assert!(got.contains(&(3, 0, "Ship".into())));
    }

    #[test]
    fn tsv_name_is_believed_when_tabs_agree() {
        // Two commas and one tab per line: by counts alone the commas win (three columns).
        let text = "Task, step, name\tPO\nPlan, ship, learn\tA\nTalk, listen, decide\tR\n";
        assert_eq!(detect_delimiter(text), b',');
        let sheet = read("t.tsv", text.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(sheet.cells.len(), 6);
        assert_eq!(sheet.cells[2].value, CellValue::text("Plan, ship, learn"));
        // Without tabs in the content the name does not force them.
        let sheet = read("t.tsv", b"a,b\nc,d\n", &Limits::default()).unwrap();
        assert_eq!(sheet.cells.len(), 4);
    }

    #[test]
    fn single_column_falls_back_to_comma() {
        assert_eq!(detect_delimiter("one\ntwo\nthree\n"), b',');
        assert_eq!(detect_delimiter(""), b',');
    }

    #[test]
    fn tie_prefers_wider_rows() {
        // Both give two consistent rows; `;` finds three columns, `,` two.
        assert_eq!(detect_delimiter("a,b;c;d\ne,f;g;h\n"), b';');
    }

    #[test]
    fn positions_count_blank_lines_and_skip_blank_cells() {
        let got = cells("Task,A,B\n\nShip,R, \n,,I");
        assert_eq!(
            got,
            vec![
                (0, 0, "Task".into()),
                (0, 1, "A".into()),
                (0, 2, "B".into()),
                (2, 0, "Ship".into()),
                (2, 1, "R".into()),
                (3, 2, "I".into()),
            ]
        );
    }

    #[test]
    fn crlf_lf_and_cr_mixed() {
        let got = cells("a,b\r\nc,d\ne,f\r\r\ng,h");
        assert_eq!(
            got,
            vec![
                (0, 0, "a".into()),
                (0, 1, "b".into()),
                (1, 0, "c".into()),
                (1, 1, "d".into()),
                (2, 0, "e".into()),
                (2, 1, "f".into()),
                (4, 0, "g".into()),
                (4, 1, "h".into()),
            ]
        );
    }

    #[test]
    fn keeps_text_as_written() {
        let got = cells("  Task ,R \nx,y\n");
        assert_eq!(got[0], (0, 0, "  Task ".into()));
        assert_eq!(got[1], (0, 1, "R ".into()));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = b"\xEF\xBB\xBFT\xC3\xA2che,R\nx,y\n".to_vec();
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, TextEncoding::Utf8);
        assert!(text.starts_with("Tâche,"));
        bytes.truncate(3);
        assert_eq!(decode(&bytes).0, "");
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian {
                &[0xFE, 0xFF]
            } else {
                &[0xFF, 0xFE]
            });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        for (be, enc) in [
            (false, TextEncoding::Utf16Le),
            (true, TextEncoding::Utf16Be),
        ] {
            let bytes = utf16("Tâche\tPO\nÉtude\tR\n", be, true);
            assert_eq!(binary_reason(&bytes), None);
            let (text, got) = decode(&bytes);
            assert_eq!(got, enc);
            assert_eq!(text, "Tâche\tPO\nÉtude\tR\n");
            let sheet = read("t.txt", &bytes, &Limits::default()).unwrap();
            assert_eq!(sheet.cells[0].value, CellValue::text("Tâche"));
            assert_eq!(sheet.cells[3].pos, Pos::new(1, 1));
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let bytes = utf16("Task,PO\nShip,R\n", false, false);
        assert_eq!(binary_reason(&bytes), None);
        assert_eq!(decode(&bytes).1, TextEncoding::Utf16Le);
        let bytes = utf16("Task,PO\nShip,R\n", true, false);
        assert_eq!(decode(&bytes).1, TextEncoding::Utf16Be);
    }

    #[test]
    fn windows_1252_fallback() {
        let bytes = b"T\xE2che;R\xE9sum\xE9;\x80\nx;y;z\n";
        let (text, enc) = decode(bytes);
        assert_eq!(enc, TextEncoding::Windows1252);
        assert_eq!(text, "Tâche;Résumé;€\nx;y;z\n");
        let got = cells_bytes(bytes);
        assert_eq!(got[1], (0, 1, "Résumé".into()));
    }

    fn cells_bytes(bytes: &[u8]) -> Vec<(u32, u32, String)> {
        read("t.csv", bytes, &Limits::default())
            .unwrap()
            .cells
            .into_iter()
            .map(|c| (c.pos.row, c.pos.col, c.value.display()))
            .collect()
    }

    #[test]
    fn binary_is_not_text() {
        assert!(binary_reason(b"Task,PO\0\0\x01\x02,R\n").is_some());
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 1)
            .collect();
        assert!(!noise.contains(&0));
        assert!(binary_reason(&noise).is_some());
        assert_eq!(binary_reason(b"Task,PO\r\nShip,R\x1a"), None);
        assert_eq!(binary_reason(b"a\x0cb"), None);
        let mut padded = b"Task,PO\n".repeat(20_000);
        padded.extend_from_slice(&[0; 16]);
        assert!(padded.len() > SAMPLE_BYTES);
        assert!(binary_reason(&padded).is_some());
    }

    #[test]
    fn a_few_stray_controls_are_text_and_the_share_is_explained() {
        // 130 bytes with two ESC bytes: 1.5 %, text with odd characters in it.
        let mut csv = b"Task,Product Owner,Product Manager\nWrite the backlog,A,R\n".to_vec();
        csv.extend_from_slice(b"\x1b]0;owned\x07 Market research,R,A\n");
        while csv.len() < 130 {
            csv.push(b' ');
        }
        assert_eq!(binary_reason(&csv), None);
        let noise: Vec<u8> = (0..1000u32).map(|i| (i % 40) as u8 + 1).collect();
        let reason = binary_reason(&noise).unwrap();
        assert!(
            reason.contains("of its first 1000 characters are control characters"),
            "{reason}"
        );
    }

    #[test]
    fn prescan_refuses_before_the_csv_crate_buffers() {
        let limits = Limits {
            max_cell_chars: 1000,
            max_columns: 50,
            ..Limits::default()
        };
        let long = format!("Task,PO\n{},A\n", "é".repeat(100_000));
        let err = read("t.csv", long.as_bytes(), &limits).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    actual: 100_000,
                    flag: "--max-cell-chars",
                    ..
                }
            ),
            "{err}"
        );
        let commas = ",".repeat(1000);
        let err = read("t.csv", format!("Task{commas}\n").as_bytes(), &limits).unwrap_err();
        assert!(
            matches!(
                err,
                Error::BeyondSpreadsheet {
                    actual: 51,
                    limit: 50,
                    ..
                }
            ),
            "{err}"
        );
        assert!(!err.to_string().contains("--max"), "{err}");
        // Delimiters and line breaks inside quotes, and doubled quotes, are read as the csv
        // crate reads them.
        let quoted = format!(
            "Task,PO\n\"{}\",A\n\"{}\",R\n",
            ",".repeat(200),
            "\"\"".repeat(1000)
        );
        let sheet = read("t.csv", quoted.as_bytes(), &limits).unwrap();
        assert_eq!(sheet.cells.len(), 6);
        let err = read(
            "t.csv",
            format!("Task,PO\n\"{}\",A\n", "\"\"".repeat(1001)).as_bytes(),
            &limits,
        )
        .unwrap_err();
        assert!(matches!(err, Error::TooLarge { actual: 1001, .. }), "{err}");
        // Cells over the cap are refused before any is kept.
        let limits = Limits {
            max_cells: 3,
            ..Limits::default()
        };
        let err = read("t.csv", b"a,b\n\n c , \nd", &limits).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    flag: "--max-cells",
                    ..
                }
            ),
            "{err}"
        );
        assert!(read("t.csv", b"a,b\n\n  , \nd", &limits).is_ok());
    }

    #[test]
    fn error_values_are_not_text() {
        let got = read(
            "t.csv",
            b"Task,PO\n#NAME?,A\n inf ,R\nNaN,R\n#n/a,A\nInfo,R\n",
            &Limits::default(),
        )
        .unwrap();
        let values: Vec<&CellValue> = got.cells.iter().map(|c| &c.value).collect();
        assert_eq!(values[2], &CellValue::Error("#NAME?".into()));
        assert_eq!(values[4], &CellValue::Error("inf".into()));
        assert_eq!(values[6], &CellValue::Error("NaN".into()));
        assert_eq!(values[8], &CellValue::Error("#n/a".into()));
        // A word that starts like one is text; `n/a` (not involved) is text too.
        assert_eq!(values[10], &CellValue::text("Info"));
        assert_eq!(
            text_value("n/a", &mut Default::default()),
            CellValue::text("n/a")
        );
    }

    #[test]
    fn markup_is_refused() {
        let err = read(
            "t.xls",
            b"<html><table><tr><td>x</td></tr></table>",
            &Limits::default(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
        assert!(err.to_string().contains("HTML"));
    }

    #[test]
    fn excel_sep_line_sets_the_delimiter_and_is_not_a_row() {
        let got = cells("sep=;\r\nTask;PO\r\nPlan, then ship;A\r\n");
        assert_eq!(
            got,
            vec![
                (0, 0, "Task".into()),
                (0, 1, "PO".into()),
                (1, 0, "Plan, then ship".into()),
                (1, 1, "A".into()),
            ]
        );
        // Only a whole first line counts.
        assert_eq!(sep_directive("sep=;x\n"), None);
        assert_eq!(sep_directive("Task,sep=;\n"), None);
    }

    #[test]
    fn blank_text_is_empty() {
        for text in ["\u{FEFF}", "  \r\n\n", "\u{FEFF}\n"] {
            let err = read("t.csv", text.as_bytes(), &Limits::default()).unwrap_err();
            assert!(
                matches!(err, Error::UnknownFormat { .. }),
                "{text:?}: {err}"
            );
        }
    }

    #[test]
    fn no_final_newline_and_ragged_rows() {
        let got = cells("a,b,c\nd\ne,f,g,h");
        assert_eq!(got.last().unwrap(), &(2, 3, "h".into()));
        assert!(got.contains(&(1, 0, "d".into())));
    }

    #[test]
    fn caps_apply() {
        let limits = Limits {
            max_cells: 3,
            ..Limits::default()
        };
        let err = read("t.csv", b"a,b\nc,d\n", &limits).unwrap_err();
        assert!(matches!(err, Error::TooLarge { what, .. } if what.contains("cells")));
        let limits = Limits {
            max_cell_chars: 3,
            ..Limits::default()
        };
        let err = read("t.csv", "a,b\nc,dédé\n".as_bytes(), &limits).unwrap_err();
        assert!(matches!(err, Error::TooLarge { actual: 4, .. }), "{err}");
        // Characters, not bytes: three accented letters fit three characters.
        assert!(read("t.csv", "a,b\nc,déé\n".as_bytes(), &limits).is_ok());
        let limits = Limits {
            max_columns: 2,
            ..Limits::default()
        };
        assert!(read("t.csv", b"a,b,c\n", &limits).is_err());
        let limits = Limits {
            max_rows: 2,
            ..Limits::default()
        };
        assert!(read("t.csv", b"a,b\nc,d\ne,f\n", &limits).is_err());
    }
}
