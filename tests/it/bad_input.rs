//! The input stage against hostile and broken files, each generated here in a temporary folder,
//! and against every real-world export in `../shared/realworld/`.

use crate::support;
use raci_audit::input::{read_bytes, read_path, CellValue, Format, Limits, Workbook};
use raci_audit::model::Pos;
use raci_audit::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_err(path: &Path, limits: &Limits) -> Error {
    match read_path(path, limits) {
        Ok(book) => panic!("{} read without error: {book:?}", path.display()),
        Err(e) => e,
    }
}

/// The message names the file (by its name, as cell references do) so a user with many inputs
/// knows which one failed.
fn assert_names(err: &Error, name: &str) {
    let message = err.to_string();
    assert!(
        message.contains(name),
        "message does not name {name}: {message}"
    );
}

fn value_at(book: &Workbook, sheet: usize, row: u32, col: u32) -> Option<&CellValue> {
    book.sheets[sheet]
        .cells
        .iter()
        .find(|c| c.pos == Pos::new(row, col))
        .map(|c| &c.value)
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in files {
            zip.start_file(*name, options).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fn workbook_xml(with_sheet: bool) -> String {
    let sheets = if with_sheet {
        r#"<sheets><sheet name="RACI" sheetId="1" r:id="rId1"/></sheets>"#
    } else {
        "<sheets/>"
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{sheets}</workbook>"#
    )
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";

/// A hand-made XLSX around the given `<sheetData>` content, for cells no well-behaved writer
/// would produce.
fn xlsx_with_sheet_data(sheet_data: &[u8]) -> Vec<u8> {
    let mut sheet = SHEET_HEAD.as_bytes().to_vec();
    sheet.extend_from_slice(sheet_data);
    sheet.extend_from_slice(SHEET_TAIL.as_bytes());
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", workbook_xml(true).as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

fn small_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet().set_name("RACI").unwrap();
    ws.write_string(0, 0, "Task").unwrap();
    ws.write_string(0, 1, "Product Owner").unwrap();
    ws.write_string(1, 0, "Write the backlog").unwrap();
    ws.write_string(1, 1, "A").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["empty.csv", "empty.xlsx"] {
        let path = write(dir.path(), name, b"");
        let err = read_err(&path, &Limits::default());
        assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
        assert_names(&err, name);
        assert!(err.to_string().contains("empty"), "{err}");
    }
}

#[test]
fn random_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // A fixed generator: the same junk on every run.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let junk: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as u8
        })
        .collect();
    for name in ["junk.csv", "junk.xlsx", "junk.bin"] {
        let path = write(dir.path(), name, &junk);
        let err = read_err(&path, &Limits::default());
        assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
        assert_names(&err, name);
    }
}

#[test]
fn truncated_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let full = small_xlsx();
    for cut in [4, 100, full.len() / 2, full.len() - 10] {
        let path = write(dir.path(), "cut.xlsx", &full[..cut]);
        let err = read_err(&path, &Limits::default());
        assert!(matches!(err, Error::Workbook { .. }), "cut at {cut}: {err}");
        assert_names(&err, "cut.xlsx");
    }
}

#[test]
fn csv_renamed_xlsx_reads_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "team.xlsx", b"Task;PO;PM\nShip;A;R\n");
    let book = read_path(&path, &Limits::default()).unwrap();
    assert_eq!(book.format, Format::Csv);
    assert_eq!(book.file, "team.xlsx");
    assert_eq!(value_at(&book, 0, 1, 2), Some(&CellValue::Text("R".into())));
}

#[test]
fn xlsx_renamed_csv_reads_as_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "team.csv", &small_xlsx());
    let book = read_path(&path, &Limits::default()).unwrap();
    assert_eq!(book.format, Format::Xlsx);
    assert_eq!(book.sheets[0].name.as_deref(), Some("RACI"));
    assert_eq!(
        value_at(&book, 0, 1, 0),
        Some(&CellValue::Text("Write the backlog".into()))
    );
}

#[test]
fn workbook_with_no_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", workbook_xml(false).as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
    ]);
    let path = write(dir.path(), "nosheets.xlsx", &bytes);
    let err = read_err(&path, &Limits::default());
    assert!(matches!(err, Error::Workbook { .. }), "{err}");
    assert_names(&err, "nosheets.xlsx");
    assert!(err.to_string().contains("no sheets"), "{err}");
}

#[test]
fn cell_at_xfd1048576_is_one_cell() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = xlsx_with_sheet_data(
        br#"<row r="1"><c r="A1" t="inlineStr"><is><t>Task</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>"#,
    );
    let path = write(dir.path(), "far.xlsx", &bytes);
    let started = Instant::now();
    let book = read_path(&path, &Limits::default()).unwrap();
    // Sparse storage: two cells, not a dense 17-billion-cell grid (which would not finish).
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(book.sheets[0].cells.len(), 2);
    assert_eq!(
        value_at(&book, 0, 1_048_575, 16_383),
        Some(&CellValue::Text("stray".into()))
    );
    // The same cell is over a smaller row cap, and says which flag raises it.
    let limits = Limits {
        max_rows: 1000,
        ..Limits::default()
    };
    let err = read_err(&path, &limits);
    assert!(
        matches!(
            err,
            Error::TooLarge {
                flag: "--max-cells",
                limit: 1000,
                actual: 1_048_576,
                ..
            }
        ),
        "{err}"
    );
    assert_names(&err, "far.xlsx");
}

#[test]
fn zip_bomb_is_refused_from_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    // 8 MiB of rows compress to a few kilobytes; under a 1 MiB cap the part is refused from
    // its declared size, before anything is inflated.
    let row = br#"<row><c t="inlineStr"><is><t>R</t></is></c></row>"#;
    let data: Vec<u8> = row.iter().copied().cycle().take(8 << 20).collect();
    let bytes = xlsx_with_sheet_data(&data);
    assert!(bytes.len() < 200_000, "bomb is {} bytes", bytes.len());
    let path = write(dir.path(), "bomb.xlsx", &bytes);
    let limits = Limits {
        max_file_bytes: 1 << 20,
        ..Limits::default()
    };
    let started = Instant::now();
    let err = read_err(&path, &limits);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        matches!(
            err,
            Error::TooLarge {
                flag: "--max-file-mb",
                ..
            }
        ),
        "{err}"
    );
    assert_names(&err, "bomb.xlsx");
}

#[test]
fn many_cells_stop_at_the_cap_while_streaming() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = Vec::new();
    for _ in 0..5_000 {
        data.extend_from_slice(b"<row>");
        for _ in 0..30 {
            data.extend_from_slice(b"<c><v>1</v></c>");
        }
        data.extend_from_slice(b"</row>");
    }
    let path = write(dir.path(), "wide.xlsx", &xlsx_with_sheet_data(&data));
    let limits = Limits {
        max_cells: 10_000,
        ..Limits::default()
    };
    let err = read_err(&path, &limits);
    assert!(
        matches!(
            err,
            Error::TooLarge {
                flag: "--max-cells",
                limit: 10_000,
                ..
            }
        ),
        "{err}"
    );
    assert_names(&err, "wide.xlsx");
    // Under the default caps the same file reads, with every cell where it belongs.
    let book = read_path(&path, &Limits::default()).unwrap();
    assert_eq!(book.sheets[0].cells.len(), 150_000);
    assert_eq!(
        book.sheets[0].cells.last().unwrap().pos,
        Pos::new(4_999, 29)
    );
}

#[test]
fn ten_megabyte_cell() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "x".repeat(10 << 20);
    let csv = format!("Task,PO\n{huge},A\n");
    let path = write(dir.path(), "huge.csv", csv.as_bytes());
    let err = read_err(&path, &Limits::default());
    assert!(
        matches!(err, Error::TooLarge { flag: "--max-cell-chars", actual, .. } if actual == 10 << 20),
        "{err}"
    );
    assert_names(&err, "huge.csv");

    let sheet = format!(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>{huge}</t></is></c></row>"#);
    let path = write(
        dir.path(),
        "huge.xlsx",
        &xlsx_with_sheet_data(sheet.as_bytes()),
    );
    let err = read_err(&path, &Limits::default());
    assert!(
        matches!(
            err,
            Error::TooLarge {
                flag: "--max-cell-chars",
                ..
            }
        ),
        "{err}"
    );
    assert_names(&err, "huge.xlsx");
}

#[test]
fn file_over_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.csv", &[b'a'; 2048]);
    let limits = Limits {
        max_file_bytes: 1024,
        ..Limits::default()
    };
    let err = read_err(&path, &limits);
    assert!(
        matches!(
            err,
            Error::TooLarge {
                flag: "--max-file-mb",
                actual: 2048,
                limit: 1024,
                ..
            }
        ),
        "{err}"
    );
    assert_names(&err, "big.csv");
}

#[test]
fn invalid_utf8_reads_as_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin.csv",
        b"T\xE2che;Propri\xE9taire\r\nR\xE9sum\xE9;A\r\n",
    );
    let book = read_path(&path, &Limits::default()).unwrap();
    assert_eq!(
        value_at(&book, 0, 0, 1),
        Some(&CellValue::Text("Propriétaire".into()))
    );
    assert_eq!(
        value_at(&book, 0, 1, 0),
        Some(&CellValue::Text("Résumé".into()))
    );
}

#[test]
fn nul_bytes_in_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "nul.csv", b"Task,PO\nShip\0,A\n");
    let err = read_err(&path, &Limits::default());
    assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
    assert_names(&err, "nul.csv");
    assert!(err.to_string().contains("NUL"), "{err}");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("exports.csv");
    std::fs::create_dir(&sub).unwrap();
    let err = read_err(&sub, &Limits::default());
    assert!(matches!(err, Error::IsDirectory { .. }), "{err}");
    assert_names(&err, "exports.csv");
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.xlsx");
    let err = read_err(&path, &Limits::default());
    assert!(
        matches!(&err, Error::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound),
        "{err}"
    );
    assert_names(&err, "nowhere.xlsx");
}

/// A minimal OLE compound file (512-byte sectors: header, one FAT sector, one directory
/// sector) holding the two streams Office writes for a password-protected OOXML workbook.
fn encrypted_ooxml() -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FATSECT: u32 = 0xFFFF_FFFD;
    let mut file = vec![0u8; 512 * 3];
    let put16 =
        |f: &mut Vec<u8>, at: usize, v: u16| f[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |f: &mut Vec<u8>, at: usize, v: u32| f[at..at + 4].copy_from_slice(&v.to_le_bytes());
    file[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    put16(&mut file, 24, 0x003E); // minor version
    put16(&mut file, 26, 0x0003); // major version 3: 512-byte sectors
    put16(&mut file, 28, 0xFFFE); // little-endian
    put16(&mut file, 30, 9); // sector shift
    put16(&mut file, 32, 6); // mini sector shift
    put32(&mut file, 44, 1); // FAT sectors
    put32(&mut file, 48, 1); // first directory sector
    put32(&mut file, 56, 4096); // mini stream cutoff
    put32(&mut file, 60, END); // no mini FAT
    put32(&mut file, 68, END); // no DIFAT sectors
    put32(&mut file, 76, 0); // DIFAT[0]: the FAT is sector 0
    for i in 1..109 {
        put32(&mut file, 76 + 4 * i, FREE);
    }
    // FAT (sector 0, file offset 512): sector 0 is the FAT, sector 1 the directory.
    put32(&mut file, 512, FATSECT);
    put32(&mut file, 516, END);
    for i in 2..128 {
        put32(&mut file, 512 + 4 * i, FREE);
    }
    // Directory (sector 1, file offset 1024).
    let entry = |f: &mut Vec<u8>, index: usize, name: &str, kind: u8, child: u32, right: u32| {
        let at = 1024 + 128 * index;
        let units: Vec<u16> = name.encode_utf16().collect();
        for (i, u) in units.iter().enumerate() {
            f[at + 2 * i..at + 2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        f[at + 64..at + 66].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
        f[at + 66] = kind;
        f[at + 67] = 1; // black
        f[at + 68..at + 72].copy_from_slice(&FREE.to_le_bytes()); // left sibling
        f[at + 72..at + 76].copy_from_slice(&right.to_le_bytes());
        f[at + 76..at + 80].copy_from_slice(&child.to_le_bytes());
        f[at + 116..at + 120].copy_from_slice(&END.to_le_bytes()); // start sector
    };
    entry(&mut file, 0, "Root Entry", 5, 1, FREE);
    entry(&mut file, 1, "EncryptionInfo", 2, FREE, 2);
    entry(&mut file, 2, "EncryptedPackage", 2, FREE, FREE);
    file
}

#[test]
fn password_protected_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["secret.xlsx", "secret.csv"] {
        let path = write(dir.path(), name, &encrypted_ooxml());
        let err = read_err(&path, &Limits::default());
        assert!(matches!(err, Error::Workbook { .. }), "{err}");
        assert_names(&err, name);
        let message = err.to_string();
        assert!(message.contains("password"), "{message}");
        assert!(message.contains("unprotected copy"), "{message}");
    }
}

#[test]
fn read_bytes_names_stdin_and_agrees_with_read_path() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = small_xlsx();
    let path = write(dir.path(), "team.xlsx", &bytes);
    let from_path = read_path(&path, &Limits::default()).unwrap();
    let from_bytes = read_bytes("team.xlsx", &bytes, &Limits::default()).unwrap();
    assert_eq!(from_path, from_bytes);
    let stdin = read_bytes("stdin", &bytes, &Limits::default()).unwrap();
    assert_eq!(stdin.file, "stdin");
    assert_eq!(stdin.format, Format::Xlsx);
}

/// A real-world export: the sheet names it must have, and one cell it must hold where the
/// spreadsheet shows it (0-based row and column, so `C4` is row 3, column 2).
struct RealWorld {
    file: &'static str,
    format: Format,
    sheets: &'static [&'static str],
    sheet: usize,
    row: u32,
    col: u32,
    value: &'static str,
}

const REAL_WORLD: &[RealWorld] = &[
    RealWorld {
        file: "01_serafimpikalov__raci_table.csv",
        format: Format::Csv,
        sheets: &[],
        sheet: 0,
        row: 0,
        col: 3,
        value: "action_name",
    },
    RealWorld {
        file: "03_nivedjpnambiar__raci_matrix.csv",
        format: Format::Csv,
        sheets: &[],
        sheet: 0,
        row: 0,
        col: 1,
        value: "Auftraggeber",
    },
    RealWorld {
        file: "04_stephnrl__raci.csv",
        format: Format::Csv,
        sheets: &[],
        sheet: 0,
        row: 2,
        col: 1,
        value: "R/A",
    },
    RealWorld {
        file: "05_unyu9__raci chart.csv",
        format: Format::Csv,
        sheets: &[],
        sheet: 0,
        row: 0,
        col: 0,
        value: "Task Name",
    },
    RealWorld {
        file: "06_ngond002__responsibility_matrix.csv",
        format: Format::Csv,
        sheets: &[],
        sheet: 0,
        row: 1,
        col: 4,
        value: "Description",
    },
    RealWorld {
        file: "07_luanaportop__raci.csv",
        format: Format::Csv,
        sheets: &[],
        sheet: 0,
        row: 0,
        col: 0,
        value: "Entregável",
    },
    RealWorld {
        file: "10_alifchow__RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["Sheet1"],
        sheet: 0,
        row: 0,
        col: 0,
        value: "Aufgabe / Prozess",
    },
    RealWorld {
        file: "11_c6wx__RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["Sheet1"],
        sheet: 0,
        row: 0,
        col: 1,
        value: "Keisha",
    },
    RealWorld {
        file: "12_fede94mi__RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["Foglio1"],
        sheet: 0,
        row: 1,
        col: 3,
        value: "PROJECT MANAGER",
    },
    RealWorld {
        file: "14_nikiradak__RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["Sheet1"],
        sheet: 0,
        row: 3,
        col: 2,
        value: "RACI - PROJEKAT NATOTANSouthSRB",
    },
    RealWorld {
        file: "15_whytuck__RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["Feuille 1"],
        sheet: 0,
        row: 1,
        col: 1,
        value: "Lots",
    },
    RealWorld {
        file: "16_dockstage__RASCI.xlsx",
        format: Format::Xlsx,
        sheets: &["Sheet1"],
        sheet: 0,
        row: 1,
        col: 1,
        value: "Задача/Участник",
    },
    RealWorld {
        file: "18_taarikakanauji__RACI Matrix.xlsx",
        format: Format::Xlsx,
        sheets: &["RACI Matrix"],
        sheet: 0,
        row: 1,
        col: 3,
        value: "Business Analyst",
    },
    RealWorld {
        file: "20_gombertj__RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["Avancement Projet"],
        sheet: 0,
        row: 0,
        col: 1,
        value: "Planification",
    },
    RealWorld {
        file: "21_apreamarco__RACI-matrix.xlsx",
        format: Format::Xlsx,
        sheets: &["Matrix", "About"],
        sheet: 0,
        row: 0,
        col: 0,
        value: "RACI Matrix",
    },
    RealWorld {
        file: "22_packtpublishing__TPM RACI.xlsx",
        format: Format::Xlsx,
        sheets: &["TPM RACI"],
        sheet: 0,
        row: 0,
        col: 0,
        value: "Key Management Area",
    },
    RealWorld {
        file: "24_sledoeuff__RACI.ods",
        format: Format::Ods,
        sheets: &["Feuille1"],
        sheet: 0,
        row: 2,
        col: 1,
        value: "Taches",
    },
    RealWorld {
        file: "25_sheene123__Matrice RACI.ods",
        format: Format::Ods,
        sheets: &["Feuille1", "Feuille2"],
        sheet: 0,
        row: 0,
        col: 9,
        value: "magasin d’outil",
    },
];

#[test]
fn every_real_world_file_reads() {
    let dir = support::realworld("");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "MANIFEST.md")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = REAL_WORLD.iter().map(|r| r.file.to_string()).collect();
    listed.sort();
    // A file added to the shared folder must get its spot check here.
    assert_eq!(on_disk, listed);

    for case in REAL_WORLD {
        let book = read_path(&support::realworld(case.file), &Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}", case.file));
        assert_eq!(book.file, case.file);
        assert_eq!(book.format, case.format, "{}", case.file);
        let names: Vec<Option<&str>> = book.sheets.iter().map(|s| s.name.as_deref()).collect();
        if case.sheets.is_empty() {
            assert_eq!(names, [None], "{}", case.file);
        } else {
            let expected: Vec<Option<&str>> = case.sheets.iter().map(|s| Some(*s)).collect();
            assert_eq!(names, expected, "{}", case.file);
        }
        assert_eq!(
            value_at(&book, case.sheet, case.row, case.col),
            Some(&CellValue::Text(case.value.into())),
            "{}",
            case.file
        );
        for sheet in &book.sheets {
            assert!(
                sheet.cells.windows(2).all(|w| w[0].pos < w[1].pos),
                "{}: cells not sorted by row then column",
                case.file
            );
            assert!(
                sheet.cells.iter().all(|c| !c.value.is_blank()),
                "{}",
                case.file
            );
        }
    }
}

#[test]
fn real_world_oddities_survive() {
    // 12: every cell merged; the codes sit in the merged ranges' top-left cells.
    let book = read_path(
        &support::realworld("12_fede94mi__RACI.xlsx"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(book.sheets[0].merges.len(), 205);
    // 16: E9 holds a Cyrillic С (U+0421), not a Latin C; it must arrive untouched.
    let book = read_path(
        &support::realworld("16_dockstage__RASCI.xlsx"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(
        value_at(&book, 0, 8, 4),
        Some(&CellValue::Text("\u{0421}".into()))
    );
    // 20: formula error values keep their spelling.
    let book = read_path(
        &support::realworld("20_gombertj__RACI.xlsx"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(book.sheets[0].merges.len(), 57);
    let errors: Vec<&str> = book.sheets[0]
        .cells
        .iter()
        .filter_map(|c| match &c.value {
            CellValue::Error(e) => Some(e.as_str()),
            _ => None,
        })
        .collect();
    assert!(errors.contains(&"#NAME?"), "{errors:?}");
    assert!(errors.contains(&"#VALUE!"), "{errors:?}");
    // 06: no final newline, and a quoted field holding a comma stays one cell.
    let book = read_path(
        &support::realworld("06_ngond002__responsibility_matrix.csv"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(
        value_at(&book, 0, 11, 4),
        Some(&CellValue::Text(
            "Obtain bearings, wheels, and retractors".into()
        ))
    );
    assert_eq!(
        value_at(&book, 0, 11, 5),
        Some(&CellValue::Text("R".into()))
    );
}
