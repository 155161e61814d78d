//! CSV files: UTF-8, one header row, every cell guarded against formula injection, quoting
//! left to the csv crate so names with commas, quotes and newlines round-trip.

use super::tables::{Cell, Table};
use super::text::escape_formula;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Rows of text as CSV bytes, written as [`write`] writes a table: a BOM first when `bom`,
/// `\n` line ends, every cell guarded against formulas. For the files outside the report
/// tables (the anonymize key, `diff.csv`, the diff roll-up).
pub fn text_rows<R, C>(headers: &[&str], rows: impl IntoIterator<Item = R>, bom: bool) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(BOM);
    }
    // Flexible: a row shorter than the header is written as it is rather than refused, so that
    // writing into memory cannot fail and the `expect` below cannot fire (every caller builds
    // rows of the header's length).
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(out);
    let written: csv::Result<()> = (|| {
        w.write_record(headers)?;
        for row in rows {
            for cell in row {
                w.write_field(escape_formula(cell.as_ref()).as_bytes())?;
            }
            w.write_record(None::<&[u8]>)?;
        }
        w.flush()?;
        Ok(())
    })();
    written.expect("CSV into memory");
    w.into_inner().unwrap_or_default()
}

/// One table as CSV bytes, with a UTF-8 BOM first when `bom` (see `ReportOptions::excel_csv`).
#[cfg(test)]
pub(crate) fn write(table: &Table, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail and every record has the header's length.
    write_to(table, bom, &mut out).expect("CSV into memory");
    out
}

/// [`write`] into `out` as the rows go by: the report folder gets its CSVs this way, and a
/// 45 MB `findings.csv` is never held whole.
///
/// Cells go to the writer one field at a time as borrowed bytes: text is only copied when it
/// needs a formula guard, and numbers are formatted into one reused buffer.
pub(crate) fn write_to(
    table: &Table,
    bom: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if bom {
        out.write_all(BOM)?;
    }
    // `\n` rather than the crate's default `\r\n`: golden files and diffs stay readable, and
    // every spreadsheet accepts either.
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    let mut number = String::new();
    let written: csv::Result<()> = (|| {
        w.write_record(&table.headers)?;
        for row in table.rows.iter() {
            for cell in row.iter() {
                match cell {
                    Cell::Text(text) => w.write_field(escape_formula(text).as_bytes())?,
                    _ => {
                        number.clear();
                        cell.push_text(&mut number);
                        w.write_field(number.as_bytes())?;
                    }
                }
            }
            w.write_record(None::<&[u8]>)?;
        }
        Ok(())
    })();
    written.map_err(io_error)?;
    w.flush()
}

/// The io error a CSV write failed with, as itself: `csv::Error`'s own conversion wraps it
/// as `ErrorKind::Other` and names no source, so a reader that went away (`raci classify
/// --format csv | head`, a closed download) would read as a failed write instead of a
/// broken pipe. Errors of the CSV form itself (a record of the wrong length) stay wrapped.
pub(crate) fn io_error(err: csv::Error) -> std::io::Error {
    if !err.is_io_error() {
        return std::io::Error::other(err);
    }
    match err.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::{Cell, Table};
    use super::*;

    #[test]
    fn a_broken_pipe_comes_out_as_itself() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        // What `?` would make of it: kind `Other`.
        let wrapped = std::io::Error::from(csv::Error::from(std::io::Error::from(
            std::io::ErrorKind::BrokenPipe,
        )));
        assert_eq!(wrapped.kind(), std::io::ErrorKind::Other);
        assert_eq!(
            io_error(csv::Error::from(pipe)).kind(),
            std::io::ErrorKind::BrokenPipe
        );
    }

    #[test]
    fn text_rows_of_unequal_length_are_written_not_a_panic() {
        let out = text_rows(&["a", "b"], [vec!["1", "2"], vec!["3"]], false);
        assert_eq!(String::from_utf8(out).unwrap(), "a,b\n1,2\n3\n");
    }

    fn table<'a>(cells: &[&'a str]) -> Table<'a> {
        Table {
            key: "t",
            title: "T",
            headers: vec!["name"],
            rows: cells.iter().map(|c| vec![Cell::from(*c)]).collect(),
        }
    }

    fn read_back(bytes: &[u8]) -> Vec<String> {
        let mut r = csv::Reader::from_reader(bytes);
        r.records().map(|rec| rec.unwrap()[0].to_string()).collect()
    }

    #[test]
    fn bom_only_when_asked() {
        let t = table(&["a"]);
        assert!(write(&t, true).starts_with(BOM));
        assert!(write(&t, false).starts_with(b"name\n"));
    }

    #[test]
    fn newlines_quotes_and_commas_round_trip() {
        let names = ["Plan, then \"ship\"", "two\nlines", "crlf\r\nname", "ünï"];
        let bytes = write(&table(&names), false);
        assert_eq!(read_back(&bytes), names);
    }

    #[test]
    fn formulas_are_escaped() {
        let bytes = write(&table(&["=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx"]), false);
        assert_eq!(
            read_back(&bytes),
            ["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tx", "'\rx"]
        );
    }

    #[test]
    fn numbers_keep_their_format() {
        let t = Table {
            key: "t",
            title: "T",
            headers: vec!["n", "x"],
            rows: [vec![Cell::Int(3), Cell::Decimal2(0.5)]]
                .into_iter()
                .collect(),
        };
        assert_eq!(
            String::from_utf8(write(&t, false)).unwrap(),
            "n,x\n3,0.50\n"
        );
    }
}
