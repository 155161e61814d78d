//! Peak memory of `raci audit` on the hostile inputs of issue 15, each in a child process.
//!
//! Run: `cargo bench --bench hostile`. The inputs are generated in `target/bench-data/hostile/`
//! (two of them are 190 MB). As in `benches/pipeline.rs`, each case runs in a child process of
//! this binary, which runs the command line as `raci` would and prints its own peak memory
//! (VmHWM), so the figure is that run's alone. The table is the one in the README; the run
//! fails if a case reaches 600 MB.

mod common;
use clap::Parser;
use common::peak_kb;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The target every case must stay under.
const TARGET_MB: f64 = 600.0;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/hostile")
}

fn ods(path: &Path, rows: &str) {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="RACI">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(
        path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
            ("META-INF/manifest.xml", manifest.as_bytes()),
        ],
    );
}

fn zip(path: &Path, files: &[(&str, &[u8])]) {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        for (name, data) in files {
            let method = if *name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(method)
                .large_file(data.len() > u32::MAX as usize / 2);
            z.start_file(*name, options).expect("zip entry");
            z.write_all(data).expect("zip data");
        }
        z.finish().expect("zip");
    }
    std::fs::write(path, out.into_inner()).expect("write");
}

fn cell(text: &str, repeat: usize) -> String {
    let rep = if repeat > 1 {
        format!(r#" table:number-columns-repeated="{repeat}""#)
    } else {
        String::new()
    };
    format!(
        r#"<table:table-cell office:value-type="string"{rep}><text:p>{text}</text:p></table:table-cell>"#
    )
}

/// Writes the inputs (once) and returns the cases: a name and the `raci` arguments.
fn generate() -> Vec<(&'static str, Vec<String>)> {
    let dir = data_dir();
    std::fs::create_dir_all(&dir).expect("bench data folder");
    let at = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let fresh = |name: &str| !dir.join(name).exists();

    if fresh("repeat.ods") {
        ods(
            &dir.join("repeat.ods"),
            &format!(
                r#"<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="2200">{}{}</table:table-row>"#,
                cell("Task", 1),
                cell("Product Owner", 2200),
                cell("Write the backlog", 1),
                cell("R", 2200)
            ),
        );
    }
    if fresh("long-40000-parties.csv") {
        let mut csv = String::from("Task,Party,Role\n");
        for task in ["Write the backlog", "Market research"] {
            for p in 0..40_000 {
                csv.push_str(&format!("{task},Person {p},R\n"));
            }
        }
        std::fs::write(dir.join("long-40000-parties.csv"), csv).expect("write");
    }
    if fresh("wide-16383-parties.csv") {
        let header: Vec<String> = (0..16_383).map(|p| format!("Person {p}")).collect();
        let csv = format!(
            "Task,{}\nWrite the backlog,{}\n",
            header.join(","),
            vec!["R"; 16_383].join(",")
        );
        std::fs::write(dir.join("wide-16383-parties.csv"), csv).expect("write");
    }
    if fresh("long-names.csv") {
        // 600 x 600 letters under 800-character names: 3 MB of names, listed per cell.
        let name = "Product Owner and Product Manager of the ".repeat(20);
        let mut csv = String::from("Task");
        for p in 0..600 {
            csv.push_str(&format!(",{name} {p}"));
        }
        csv.push('\n');
        for t in 0..600 {
            csv.push_str(&format!("{name} task {t}"));
            csv.push_str(&",R".repeat(600));
            csv.push('\n');
        }
        std::fs::write(dir.join("long-names.csv"), csv).expect("write");
    }
    let big = 190usize << 20;
    if fresh("one-cell-190mb.csv") {
        std::fs::write(dir.join("one-cell-190mb.csv"), vec![b'x'; big]).expect("write");
    }
    if fresh("commas-190mb.csv") {
        std::fs::write(dir.join("commas-190mb.csv"), vec![b','; big]).expect("write");
    }
    if fresh("shared-strings.xlsx") {
        let mut sst = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="40000000" uniqueCount="40000000">"#.to_vec();
        for _ in 0..40_000_000 {
            sst.extend_from_slice(b"<si/>");
        }
        sst.extend_from_slice(b"</sst>");
        let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
        let root = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
        let book = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="RACI" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let sheet = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Task</t></is></c></row></sheetData></worksheet>"#;
        zip(
            &dir.join("shared-strings.xlsx"),
            &[
                ("[Content_Types].xml", types.as_bytes()),
                ("_rels/.rels", root.as_bytes()),
                ("xl/workbook.xml", book.as_bytes()),
                ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
                ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
                ("xl/sharedStrings.xml", &sst),
            ],
        );
    }
    // Accepted inputs just under the default budget: what "bounded" costs at its edge. Sized
    // so that the estimate before the audit (`model::footprint`, which errs high by at least
    // 10 %) stays under 512 MB: about 480 and 465 MB.
    if fresh("dense-1150.csv") {
        let mut csv = String::from("Task");
        for p in 0..1_150 {
            csv.push_str(&format!(",Person {p}"));
        }
        csv.push('\n');
        for t in 0..1_150 {
            csv.push_str(&format!("Task number {t}"));
            csv.push_str(&",R".repeat(1_150));
            csv.push('\n');
        }
        std::fs::write(dir.join("dense-1150.csv"), csv).expect("write");
    }
    if fresh("tasks-70000.csv") {
        let mut csv = String::from("Task,P0,P1,P2,P3,P4,P5,P6,P7,P8,P9\n");
        for t in 0..70_000 {
            csv.push_str(&format!("Task number {t}"));
            for p in 0..10 {
                csv.push_str(if (p + t) % 5 == 0 { ",R" } else { "," });
            }
            csv.push('\n');
        }
        std::fs::write(dir.join("tasks-70000.csv"), csv).expect("write");
    }
    if fresh("team.csv") {
        std::fs::write(
            dir.join("team.csv"),
            "Task,Product Owner,Product Manager\nWrite the backlog,A/R,C\nMarket research,I,A/R\n",
        )
        .expect("write");
    }
    let audit = |file: &str, extra: &[&str]| {
        let mut args = vec!["audit".to_string(), at(file), "-o".into(), "out".into()];
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push("--quiet".into());
        args
    };
    vec![
        (
            "1. ODS, one cell repeated 2,200 x 2,200",
            audit("repeat.ods", &[]),
        ),
        (
            "2. long form, 2 tasks x 40,000 parties (no xlsx)",
            audit(
                "long-40000-parties.csv",
                &["--only", "csv,png,html,json,md"],
            ),
        ),
        (
            "2. 16,383 party columns (no xlsx)",
            audit(
                "wide-16383-parties.csv",
                &["--only", "csv,png,html,json,md"],
            ),
        ),
        (
            "2. 16,383 party columns (all outputs)",
            audit("wide-16383-parties.csv", &[]),
        ),
        (
            "names: 600 x 600 letters, 800-character names",
            audit("long-names.csv", &[]),
        ),
        (
            "10. --taxonomy /dev/zero",
            audit("team.csv", &["--taxonomy", "/dev/zero"]),
        ),
        ("10. 190 MB one-cell CSV", audit("one-cell-190mb.csv", &[])),
        ("10. 190 MB of commas", audit("commas-190mb.csv", &[])),
        (
            "10. xlsx, 40 million empty shared strings",
            audit("shared-strings.xlsx", &[]),
        ),
        (
            "under the budget: 1,150 x 1,150 letters",
            audit("dense-1150.csv", &[]),
        ),
        (
            "under the budget: 70,000 tasks x 10 parties, 2 findings a task",
            audit("tasks-70000.csv", &[]),
        ),
    ]
}

/// What the child's own lines start with.
const MARK: &str = "@@hostile";

/// One case, in this (child) process: prints `exit seconds peak_kb`, then the message.
fn child(args: &[String]) {
    let scratch = data_dir().join("run");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("scratch");
    std::env::set_current_dir(&scratch).expect("cd");
    let argv = std::iter::once("raci".to_string()).chain(args.iter().cloned());
    let cli = raci_audit::cli::Cli::try_parse_from(argv).expect("arguments");
    let start = Instant::now();
    let (code, message) = match raci_audit::run(cli) {
        Ok(raci_audit::Exit::Done) => (0, String::new()),
        Ok(raci_audit::Exit::Findings) => (1, String::new()),
        Ok(raci_audit::Exit::SomeInputsFailed) => (2, String::new()),
        Err(e) => (2, e.to_string()),
    };
    // After whatever the run printed itself (its summary goes to standard output).
    println!(
        "{MARK} {code} {} {}",
        start.elapsed().as_secs_f64(),
        peak_kb()
    );
    println!("{MARK} {message}");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 2 && args[1] == "--child" {
        child(&args[2..]);
        return;
    }
    let cases = generate();
    let exe = std::env::current_exe().expect("bench binary");
    println!("| case | exit | peak memory | time | message |");
    println!("|---|---|---|---|---|");
    let mut over = Vec::new();
    for (name, case_args) in cases {
        let out = Command::new(&exe)
            .arg("--child")
            .args(&case_args)
            .output()
            .expect("child run");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut lines = stdout
            .lines()
            .filter_map(|l| l.strip_prefix(MARK))
            .map(str::trim);
        let figures: Vec<f64> = lines
            .next()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let message: String = lines.next().unwrap_or("").chars().take(110).collect();
        let (exit, seconds, peak_mb) = match figures.as_slice() {
            [e, s, k] => (format!("{e}"), *s, k / 1024.0),
            _ => (format!("crashed ({})", out.status), f64::NAN, f64::NAN),
        };
        println!("| {name} | {exit} | {peak_mb:.0} MB | {seconds:.2} s | {message} |");
        if peak_mb.is_nan() || peak_mb >= TARGET_MB {
            over.push(name);
        }
    }
    assert!(
        over.is_empty(),
        "at or over {TARGET_MB} MB (or crashed): {over:?}"
    );
}
