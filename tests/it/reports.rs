//! Tests for reports: a hand-made outcome (eight tasks, four parties, one of every finding the
//! reports lay out specially, and names that try formula injection or break CSV quoting) run
//! through `report::render`, then every file read back.

use crate::support::{self, EXPECTED_FILES};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use raci_audit::audit::{find_rule, Audit, DutyCoverage, Finding, PartyStats, Severity};
use raci_audit::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use raci_audit::model::{
    Assignment, CellIssue, CellProblem, Letter, LetterSet, Matrix, Party, Pos, Scheme, SchemeName,
    Side, Source, Task, TitleSide,
};
use raci_audit::outcome::Outcome;
use raci_audit::report::{self, ReportOptions};
use raci_audit::settings;
use std::io::{Cursor, Read};
use std::path::Path;

/// Names that spreadsheets would run as formulas, one per task.
const INJECTIONS: [&str; 6] = [
    "=SUM(A1)",
    "+1 launch",
    "-1 scope",
    "@x review",
    "\tTabbed",
    "\rCR",
];
/// A party name that needs CSV quoting: comma, quotes and a newline.
const QUOTED_PARTY: &str = "Ops, \"Night\"\nShift";

struct Data0 {
    matrix: Matrix,
    classes: Vec<Classification>,
    taxonomy: Taxonomy,
    audit: Audit,
    suggestions: Vec<raci_audit::suggest::Suggestion>,
}

fn letters(text: &str) -> LetterSet {
    let mut set = LetterSet::EMPTY;
    for c in text.chars() {
        set.insert(match c {
            'R' => Letter::R,
            'A' => Letter::A,
            'C' => Letter::C,
            'I' => Letter::I,
            'S' => Letter::S,
            _ => Letter::V,
        });
    }
    set
}

fn duty(id: &str, side: Side, text: &str) -> Duty {
    Duty {
        covers: None,
        id: id.into(),
        side,
        kind: DutyKind::Duty,
        text: text.into(),
        section: "test".into(),
        signals: vec![],
        local_signals: Default::default(),
    }
}

fn finding(code: &'static str, name: &'static str, severity: Severity) -> Finding {
    Finding {
        code,
        name,
        rule: find_rule(code).expect("the fixture's codes are rules of the table"),
        severity,
        task: None,
        party: None,
        duty: None,
        pos: None,
        message: format!("{name} found"),
        related_tasks: vec![],
    }
}

impl Data0 {
    fn new(scheme: SchemeName) -> Data0 {
        let parties = [
            ("Maria (Product Owner)", Some(TitleSide::Po)),
            ("Tom (Product Manager)", Some(TitleSide::Pm)),
            ("Dev Team", None),
            (QUOTED_PARTY, None),
        ]
        .iter()
        .enumerate()
        .map(|(p, (name, side))| Party {
            name: name.to_string(),
            title: side.map(|s| {
                match s {
                    TitleSide::Po => "Product Owner",
                    _ => "Product Manager",
                }
                .to_string()
            }),
            title_side: *side,
            pos: Pos::new(0, p as u32 + 1),
        })
        .collect();
        // Plain RACI has no Support letter; RASCI gives the last party one.
        let support = if scheme == SchemeName::Rasci {
            "S"
        } else {
            "C"
        };
        // Task name, side, duty, letters for the four parties.
        let rows: [(&str, Side, Option<&str>, [&str; 4]); 8] = [
            (
                INJECTIONS[0],
                Side::Po,
                Some("po-priorities"),
                ["RA", "I", "R", ""],
            ),
            (
                INJECTIONS[1],
                Side::Pm,
                Some("pm-vision"),
                ["R", "A", "", "C"],
            ),
            (
                INJECTIONS[2],
                Side::Po,
                Some("po-backlog"),
                ["A", "", "R", ""],
            ),
            (
                INJECTIONS[3],
                Side::Pm,
                Some("pm-market"),
                ["", "RA", "", support],
            ),
            (
                INJECTIONS[4],
                Side::Shared,
                Some("shared-release"),
                ["A", "R", "", ""],
            ),
            (
                INJECTIONS[5],
                Side::Pm,
                Some("pm-vision"),
                ["", "R", "", ""],
            ),
            ("Team lunch", Side::Unclassified, None, ["", "", "", ""]),
            (
                "Stakeholder demo",
                Side::Unclassified,
                None,
                ["", "RA", "", ""],
            ),
        ];
        let tasks = rows
            .iter()
            .enumerate()
            .map(|(i, (name, _, _, cells))| Task {
                context: None,
                name: name.to_string(),
                group: (i < 2).then(|| "Line one\nand \"two\"".to_string()),
                pos: Pos::new(i as u32 + 1, 0),
                side_override: None,
                assignments: cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.is_empty())
                    .map(|(p, c)| Assignment {
                        party: p,
                        letters: letters(c),
                        pos: Pos::new(i as u32 + 1, p as u32 + 1),
                    })
                    .collect(),
            })
            .collect();
        let classes: Vec<Classification> = rows
            .iter()
            .map(|(_, side, duty, _)| Classification {
                side: *side,
                duty: duty.map(String::from),
                confidence: if duty.is_some() { 0.755 } else { 0.0 },
                matched: duty.map(|d| vec![d.to_string()]).unwrap_or_default(),
                source: SideSource::Classifier,
                ..Classification::unclassified()
            })
            .collect();
        let matrix = Matrix {
            source: Source {
                file: "team.xlsx".into(),
                sheet: Some("RACI".into()),
            },
            scheme: Scheme::named(scheme),
            tasks,
            parties,
            issues: vec![CellIssue {
                pos: Pos::new(8, 3),
                raw: "x".into(),
                problem: CellProblem::UnknownLetter,
                task: Some(7),
                party: Some(2),
                letters: LetterSet::EMPTY,
            }],
            ..Matrix::default()
        };
        let taxonomy = Taxonomy {
            duties: vec![
                duty("po-priorities", Side::Po, "Sets priorities"),
                duty("po-backlog", Side::Po, "Manages the backlog"),
                duty("po-acceptance", Side::Po, "Accepts the work"),
                duty("pm-vision", Side::Pm, "Owns the vision"),
                duty("pm-market", Side::Pm, "Researches the market"),
                duty("pm-roadmap", Side::Pm, "Owns the roadmap"),
                duty("shared-release", Side::Shared, "Plans releases"),
            ],
        };
        let coverage = [
            ("po-priorities", vec![0], vec![0, 2]),
            ("po-backlog", vec![2], vec![0, 2]),
            ("po-acceptance", vec![], vec![]),
            ("pm-vision", vec![1, 5], vec![0, 1]),
            ("pm-market", vec![3], vec![1]),
            ("pm-roadmap", vec![], vec![]),
            ("shared-release", vec![4], vec![0, 1]),
        ]
        .into_iter()
        .map(|(d, tasks, owners)| DutyCoverage {
            duty: d.into(),
            tasks,
            owners,
        })
        .collect();
        let findings = vec![
            Finding {
                task: Some(5),
                pos: Some(Pos::new(6, 0)),
                ..finding("R001", "missing-accountable", Severity::Error)
            },
            Finding {
                party: Some(0),
                pos: Some(Pos::new(0, 1)),
                related_tasks: vec![0, 1, 2, 4],
                ..finding("O001", "po-pm-overlap", Severity::Warning)
            },
            Finding {
                duty: Some("po-acceptance".into()),
                ..finding("G001", "uncovered-po-duty", Severity::Warning)
            },
            Finding {
                duty: Some("pm-roadmap".into()),
                ..finding("G002", "uncovered-pm-duty", Severity::Warning)
            },
            Finding {
                task: Some(7),
                party: Some(2),
                pos: Some(Pos::new(8, 3)),
                message: "=HYPERLINK(\"http://evil\") is not a letter".into(),
                ..finding("D001", "unknown-letter", Severity::Warning)
            },
            Finding {
                task: Some(6),
                pos: Some(Pos::new(7, 0)),
                ..finding("R007", "unassigned-task", Severity::Warning)
            },
            Finding {
                task: Some(6),
                pos: Some(Pos::new(7, 0)),
                ..finding("G003", "unclassified-task", Severity::Info)
            },
        ];
        let parties_stats = vec![
            PartyStats {
                r: 2,
                a: 3,
                i: 0,
                po_side_ra: 2,
                pm_side_ra: 1,
                shared_ra: 1,
                ..PartyStats::default()
            },
            PartyStats {
                r: 4,
                a: 3,
                i: 1,
                pm_side_ra: 3,
                shared_ra: 1,
                unclassified_ra: 1,
                ..PartyStats::default()
            },
            PartyStats {
                r: 2,
                po_side_ra: 2,
                ..PartyStats::default()
            },
            PartyStats {
                c: 1,
                s: 1,
                ..PartyStats::default()
            },
        ];
        let suggestions = raci_audit::suggest::suggest(
            &matrix,
            &classes,
            &taxonomy,
            &findings,
            &raci_audit::audit::Thresholds::default(),
        );
        Data0 {
            matrix,
            classes,
            taxonomy,
            suggestions,
            audit: Audit {
                findings,
                coverage,
                parties: parties_stats,
                health: 58,
            },
        }
    }

    fn outcome(&self) -> Outcome<'_> {
        Outcome {
            matrix: &self.matrix,
            classes: &self.classes,
            taxonomy: &self.taxonomy,
            audit: &self.audit,
            suggestions: &self.suggestions,
        }
    }
}

/// A valid 1x1 PNG, so a browser can draw the embedded chart.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn charts() -> Vec<(String, Vec<u8>)> {
    vec![
        ("overlap.png".to_string(), PNG.to_vec()),
        ("gaps.png".to_string(), PNG.to_vec()),
    ]
}

fn render_with(d: &Data0, opts: &ReportOptions) -> Vec<(String, Vec<u8>)> {
    report::render(&d.outcome(), &charts(), opts).expect("render")
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} not rendered"))
        .1
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let headers = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

fn golden(name: &str, actual: &[u8]) {
    let path = support::root().join("tests/data/report").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        want == actual,
        "{name} differs from {} (UPDATE_GOLDEN=1 rewrites it):\n{}",
        path.display(),
        String::from_utf8_lossy(actual)
    );
}

#[test]
fn reports_csv_headers_are_exact() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let want: [(&str, &str); 7] = [
        ("tasks.csv", "task,group,side,duty,confidence,responsible,accountable,consulted,informed,cell,findings"),
        ("parties.csv", "party,title,title_side,r,a,c,i,po_side_ra,pm_side_ra,shared_ra"),
        ("findings.csv", "code,name,severity,task,party,duty,cell,message"),
        ("overlaps.csv", "code,severity,party,task,po_side_tasks,pm_side_tasks,other_tasks,cell,message,task_count"),
        ("gaps.csv", "code,severity,side,duty_id,duty,task,cell,message"),
        ("coverage.csv", "duty_id,side,duty,covered,tasks,owners,task_count"),
        ("suggestions.csv", "code,task,party,cell,change,from,to,reason"),
    ];
    for (name, header) in want {
        let text = std::str::from_utf8(file(&files, name)).unwrap();
        assert_eq!(text.lines().next(), Some(header), "{name}");
    }
}

#[test]
fn reports_csv_golden_files() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    for name in report::registry::CSV.file_names() {
        golden(name, file(&files, name));
    }
    golden("summary.md", file(&files, "summary.md"));
}

#[test]
fn reports_every_task_and_party_appears_once() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let (_, tasks) = csv_rows(file(&files, "tasks.csv"));
    assert_eq!(tasks.len(), d.matrix.tasks.len());
    let (_, parties) = csv_rows(file(&files, "parties.csv"));
    let names: Vec<&str> = parties.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        [
            "Maria (Product Owner)",
            "Tom (Product Manager)",
            "Dev Team",
            QUOTED_PARTY
        ]
    );
    let (_, findings) = csv_rows(file(&files, "findings.csv"));
    assert_eq!(findings.len(), d.audit.findings.len());
    let (_, coverage) = csv_rows(file(&files, "coverage.csv"));
    assert_eq!(coverage.len(), d.audit.coverage.len());
}

#[test]
fn reports_csv_escapes_formulas_and_round_trips_quotes() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let (_, tasks) = csv_rows(file(&files, "tasks.csv"));
    let names: Vec<&str> = tasks.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names[..6],
        [
            "'=SUM(A1)",
            "'+1 launch",
            "'-1 scope",
            "'@x review",
            "'\tTabbed",
            "'\rCR"
        ]
    );
    // The group with a newline and quotes, and the party name, read back as written.
    assert_eq!(tasks[0][1], "Line one\nand \"two\"");
    assert_eq!(tasks[1][7], QUOTED_PARTY);
    let (_, findings) = csv_rows(file(&files, "findings.csv"));
    let d001 = findings.iter().find(|r| r[0] == "D001").unwrap();
    assert_eq!(d001[7], "'=HYPERLINK(\"http://evil\") is not a letter");
    // No cell of any CSV starts a formula.
    for name in report::registry::CSV.file_names() {
        let (_, rows) = csv_rows(file(&files, name));
        for cell in rows.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{name}: {cell:?}"
            );
        }
    }
}

#[test]
fn reports_bom_only_with_excel_csv() {
    let d = Data0::new(SchemeName::Raci);
    let plain = render_with(&d, &ReportOptions::default());
    let excel = render_with(
        &d,
        &ReportOptions {
            excel_csv: true,
            ..ReportOptions::default()
        },
    );
    for name in report::registry::CSV.file_names() {
        assert!(!file(&plain, name).starts_with(b"\xEF\xBB\xBF"), "{name}");
        let with = file(&excel, name);
        assert!(with.starts_with(b"\xEF\xBB\xBF"), "{name}");
        assert_eq!(&with[3..], file(&plain, name), "{name}");
    }
}

#[test]
fn reports_support_letters_get_their_own_columns() {
    let d = Data0::new(SchemeName::Rasci);
    let files = render_with(&d, &ReportOptions::default());
    let (headers, tasks) = csv_rows(file(&files, "tasks.csv"));
    assert_eq!(headers[headers.len() - 2..], ["support", "verify"]);
    assert_eq!(tasks[3][11], QUOTED_PARTY);
    let (headers, _) = csv_rows(file(&files, "parties.csv"));
    assert_eq!(headers[headers.len() - 2..], ["s", "v"]);
}

#[test]
fn reports_overlaps_and_gaps_by_side() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let (_, overlaps) = csv_rows(file(&files, "overlaps.csv"));
    assert_eq!(overlaps.len(), 1);
    assert_eq!(overlaps[0][2], "Maria (Product Owner)");
    assert_eq!(overlaps[0][4], "'=SUM(A1); -1 scope");
    assert_eq!(overlaps[0][5], "'+1 launch");
    assert_eq!(overlaps[0][6], "'\tTabbed");
    let (_, gaps) = csv_rows(file(&files, "gaps.csv"));
    let code_side: Vec<(&str, &str)> = gaps
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        code_side,
        [
            ("R001", "PM"),
            ("G001", "PO"),
            ("G002", "PM"),
            ("R007", "unclassified"),
            ("G003", "unclassified")
        ]
    );
}

#[test]
fn reports_json_schema_and_content() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let v: serde_json::Value = serde_json::from_slice(file(&files, "report.json")).unwrap();
    assert_eq!(v["schema_version"], 4);
    assert_eq!(v, report::json(&d.outcome()));
    for key in [
        "source",
        "scheme",
        "headline",
        "health",
        "counts",
        "tasks",
        "parties",
        "rules",
        "messages",
        "findings",
        "overlaps",
        "gaps",
        "coverage",
        "cell_issues",
        "notes",
    ] {
        assert!(!v[key].is_null(), "{key}");
    }
    assert_eq!(v["tasks"].as_array().unwrap().len(), 8);
    // JSON keeps names exactly; escaping is only for spreadsheets.
    assert_eq!(v["tasks"][0]["name"], "=SUM(A1)");
    assert_eq!(v["tasks"][0]["confidence"], 0.755);
    assert_eq!(v["parties"][3]["name"], QUOTED_PARTY);
    assert_eq!(v["health"], 58);
    // Every key documented.
    let doc = std::fs::read_to_string(support::root().join("docs/report-schema.md")).unwrap();
    for key in v.as_object().unwrap().keys() {
        assert!(doc.contains(&format!("`{key}`")), "{key} undocumented");
    }
}

#[test]
fn reports_are_byte_identical_across_renders() {
    let d = Data0::new(SchemeName::Raci);
    let a = render_with(&d, &ReportOptions::default());
    let b = render_with(&d, &ReportOptions::default());
    let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 11);
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs between renders");
    }
}

/// Checks that every element opened is closed in order (enough to catch a broken template).
fn assert_balanced(html: &str) {
    const VOID: [&str; 5] = ["meta", "img", "br", "hr", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "style" {
            // CSS may hold `>`: skip to the end of the element.
            let close = rest.find("</style>").expect("</style>");
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn reports_html_is_self_contained() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let html = std::str::from_utf8(file(&files, "report.html")).unwrap();
    if let Some(keep) = std::env::var_os("RACI_KEEP_HTML") {
        // For a look by eye: RACI_KEEP_HTML=/tmp/report.html cargo test --test it reports_html
        std::fs::write(keep, html).unwrap();
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_balanced(html);
    assert!(!html.to_ascii_lowercase().contains("<script"));
    // The only `http` is the escaped text of a finding message, never a resource.
    for attr in ["src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!html.contains(attr), "{attr}");
    }
    assert_eq!(html.matches("src=\"data:image/png;base64,").count(), 2);
    for id in [
        "overlaps", "gaps", "findings", "coverage", "tasks", "parties",
    ] {
        assert!(html.contains(&format!("<table id=\"{id}-table\">")), "{id}");
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("&quot;http://evil&quot;"));
    assert!(html.contains("Ops, &quot;Night&quot;\nShift"));
    assert!(html.contains("58/100"));
}

#[test]
fn reports_html_renders_in_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("SKIPPED reports_html_renders_in_chromium: /usr/bin/chromium not found");
        return;
    }
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, file(&files, "report.html")).unwrap();
    let shot = dir.path().join("shot.png");
    let profile = dir.path().join("profile");
    let output = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,2000",
            // Console messages (errors included) are logged as `...:CONSOLE:...` lines.
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "chromium exited with {}",
        output.status
    );
    let log = String::from_utf8_lossy(&output.stderr);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:?}");
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG"));
    if let Some(keep) = std::env::var_os("RACI_KEEP_SCREENSHOT") {
        std::fs::write(keep, &png).unwrap();
    }
}

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("report.xlsx opens")
}

fn text_at(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    match range.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

#[test]
fn reports_xlsx_sheets_and_cells() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let mut wb = workbook(file(&files, "report.xlsx"));
    assert_eq!(
        wb.sheet_names(),
        ["Matrix", "Proposed", "Findings", "Overlaps", "Gaps", "Coverage", "Parties", "Tasks"]
    );
    let m = wb.worksheet_range("Matrix").unwrap();
    assert_eq!(m.start(), Some((0, 0)));
    let header: Vec<String> = (0..7).map(|c| text_at(&m, 0, c)).collect();
    assert_eq!(
        header,
        [
            "Task",
            "Group",
            "Side",
            "Maria (Product Owner)",
            "Tom (Product Manager)",
            "Dev Team",
            QUOTED_PARTY
        ]
    );
    // Every task on its row as written: formula starters are kept text by the cell format's
    // quote prefix (checked below), not by the CSV's apostrophe, which would show in the cell.
    let names: Vec<String> = (1..=8).map(|r| text_at(&m, r, 0)).collect();
    assert_eq!(
        names[..6],
        [
            "=SUM(A1)",
            "+1 launch",
            "-1 scope",
            "@x review",
            "\tTabbed",
            "\rCR"
        ]
    );
    let xlsx = file(&files, "report.xlsx");
    for row in 2..=7 {
        assert!(quote_prefixed(xlsx, 1, &format!("A{row}")), "A{row}");
    }
    assert!(!quote_prefixed(xlsx, 1, "A9"), "a plain name has no prefix");
    assert_eq!(names[7], "Stakeholder demo");
    assert_eq!(text_at(&m, 1, 2), "PO");
    assert_eq!(text_at(&m, 1, 3), "R/A");
    assert_eq!(text_at(&m, 1, 4), "I");
    // The unreadable cell keeps its text.
    assert_eq!(text_at(&m, 8, 5), "x");
    // No formula anywhere: names stay text.
    for sheet in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has formulas"
        );
    }
    let findings = wb.worksheet_range("Findings").unwrap();
    assert_eq!(text_at(&findings, 0, 0), "code");
    assert_eq!(findings.height(), 1 + d.audit.findings.len());
    assert_eq!(
        text_at(&findings, 5, 7),
        "=HYPERLINK(\"http://evil\") is not a letter"
    );
    assert!(quote_prefixed(xlsx, 3, "H6"));
    let parties = wb.worksheet_range("Parties").unwrap();
    assert_eq!(parties.get((1, 4)), Some(&Data::Float(3.0)));
    let overlaps = wb.worksheet_range("Overlaps").unwrap();
    assert_eq!(text_at(&overlaps, 1, 2), "Maria (Product Owner)");
}

/// Whether a cell of a saved workbook's sheet (1-based) has a format with Excel's quote prefix.
fn quote_prefixed(xlsx: &[u8], sheet: usize, cell: &str) -> bool {
    let xml = zip_entry(xlsx, &format!("xl/worksheets/sheet{sheet}.xml"));
    let at = xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("{cell} not written"));
    let head = &xml[at..at + xml[at..].find('>').unwrap()];
    let Some((_, s)) = head.split_once(" s=\"") else {
        return false;
    };
    let index: usize = s.split('"').next().unwrap().parse().unwrap();
    let styles = zip_entry(xlsx, "xl/styles.xml");
    let xfs = styles.split("<cellXfs").nth(1).unwrap();
    let xf = xfs.split("<xf ").nth(index + 1).unwrap();
    xf.split('>').next().unwrap().contains("quotePrefix=\"1\"")
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in report.xlsx"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn reports_xlsx_marks_problem_cells_with_notes() {
    let d = Data0::new(SchemeName::Raci);
    let files = render_with(&d, &ReportOptions::default());
    let xlsx = file(&files, "report.xlsx");
    let notes = zip_entry(xlsx, "xl/comments1.xml");
    // R001 on the task-name cell of row 7, D001 on the letter cell, O001 on Maria's header.
    for (cell, code) in [
        ("A7", "R001"),
        ("F9", "D001"),
        ("D1", "O001"),
        ("A8", "R007"),
    ] {
        let at = notes
            .find(&format!("ref=\"{cell}\""))
            .unwrap_or_else(|| panic!("no note at {cell}:\n{notes}"));
        let end = notes[at..].find("</comment>").unwrap() + at;
        assert!(notes[at..end].contains(code), "{cell} note lacks {code}");
    }
    // Frozen header and task column, and an autofilter on the matrix.
    let sheet = zip_entry(xlsx, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("state=\"frozen\""));
    assert!(sheet.contains("<autoFilter ref=\"A1:G9\""));
    // Each table sheet is an Excel table (with its filter) and has a frozen header.
    for n in 1..=6 {
        let table = zip_entry(xlsx, &format!("xl/tables/table{n}.xml"));
        assert!(table.contains("<autoFilter"), "table{n}");
    }
    // Okabe-Ito letter and side colours, and the problem fill and border, are in the styles.
    let styles = zip_entry(xlsx, "xl/styles.xml");
    for colour in [
        "FF0072B2", "FFD55E00", "FF009E73", "FFF0E442", "FFE69F00", "FFCC79A7", "FFFDE2DF",
        "FFC00000",
    ] {
        assert!(styles.contains(colour), "{colour} not in styles");
    }
    let core = zip_entry(xlsx, "docProps/core.xml");
    assert!(core.contains("2000-01-01T00:00:00Z"), "{core}");
}

#[test]
fn reports_render_only_enabled_kinds() {
    let d = Data0::new(SchemeName::Raci);
    let opts = ReportOptions {
        outputs: settings::parse_outputs(&["csv", "xlsx"]).unwrap(),
        ..ReportOptions::default()
    };
    let files = report::render(&d.outcome(), &[], &opts).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let csv_and_xlsx: Vec<&str> = EXPECTED_FILES
        .iter()
        .copied()
        .filter(|n| n.ends_with(".csv") || n.ends_with(".xlsx"))
        .collect();
    assert_eq!(names, csv_and_xlsx);
}

#[test]
fn reports_headline_and_console_summary() {
    let d = Data0::new(SchemeName::Raci);
    let o = d.outcome();
    let h = report::headline(&o);
    assert!(h.starts_with("1 person does both PO and PM work; 1 PO duty is not covered; 1 PM duty is not covered;"), "{h}");
    let s = report::console_summary(&o);
    assert!(s.starts_with(&h));
    assert!(s.contains("Findings: 1 error, 5 warnings, 1 info"), "{s}");
    assert!(s.contains("Health: 58/100"), "{s}");
}

#[test]
fn reports_large_matrix_keeps_every_task() {
    // 1000 tasks x 30 parties with a finding per task: every file renders and loses no row.
    let mut d = Data0::new(SchemeName::Raci);
    let template = d.matrix.tasks[0].clone();
    let parties = 30;
    d.matrix.parties = (0..parties)
        .map(|p| Party {
            name: format!("Party {p}"),
            title: None,
            title_side: None,
            pos: Pos::new(0, p as u32 + 1),
        })
        .collect();
    d.matrix.issues.clear();
    d.matrix.tasks = (0..1000u32)
        .map(|i| Task {
            context: None,
            name: format!("Task {i}"),
            pos: Pos::new(i + 1, 0),
            assignments: (0..parties)
                .filter(|p| (i as usize + p).is_multiple_of(3))
                .map(|p| Assignment {
                    party: p,
                    letters: letters(["R", "A", "C", "I"][p % 4]),
                    pos: Pos::new(i + 1, p as u32 + 1),
                })
                .collect(),
            ..template.clone()
        })
        .collect();
    d.classes = (0..1000).map(|i| d.classes[i % 8].clone()).collect();
    d.audit.parties.clear();
    d.audit.findings = (0..1000)
        .map(|i| Finding {
            task: Some(i),
            pos: Some(Pos::new(i as u32 + 1, 0)),
            related_tasks: (0..50).map(|k| (i + k * 37) % 1000).collect(),
            ..finding("O002", "overlap", Severity::Warning)
        })
        .collect();
    let files = render_with(&d, &ReportOptions::default());
    let (_, tasks) = csv_rows(file(&files, "tasks.csv"));
    assert_eq!(tasks.len(), 1000);
    let (_, parties_rows) = csv_rows(file(&files, "parties.csv"));
    assert_eq!(parties_rows.len(), parties);
    let mut wb = workbook(file(&files, "report.xlsx"));
    let m = wb.worksheet_range("Matrix").unwrap();
    assert_eq!(m.height(), 1001);
    assert_eq!(m.width(), 3 + parties);
}

/// Data0 with `extra` more PO-side tasks (`Extra task 0`, ...) that one more overlap lists.
fn with_a_long_overlap(extra: usize) -> Data0 {
    let mut d = Data0::new(SchemeName::Raci);
    let template = d.matrix.tasks[0].clone();
    let first = d.matrix.tasks.len();
    for k in 0..extra {
        d.matrix.tasks.push(Task {
            name: format!("Extra task {k}"),
            pos: Pos::new((first + k) as u32 + 1, 0),
            ..template.clone()
        });
        d.classes.push(d.classes[0].clone());
    }
    d.audit.findings.push(Finding {
        party: Some(1),
        related_tasks: (first..first + extra).collect(),
        ..finding("O002", "po-pm-overlap", Severity::Warning)
    });
    d
}

#[test]
fn reports_long_task_lists_show_fifty_names_and_count_the_rest() {
    let d = with_a_long_overlap(200);
    let files = render_with(&d, &ReportOptions::default());
    let (headers, rows) = csv_rows(file(&files, "overlaps.csv"));
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
    let row = rows.iter().find(|r| r[col("code")] == "O002").unwrap();
    let listed = &row[col("po_side_tasks")];
    let names: Vec<&str> = listed.split("; ").collect();
    assert_eq!(names.len(), 51, "{listed}");
    let want: Vec<String> = (0..50).map(|k| format!("Extra task {k}")).collect();
    assert_eq!(names[..50], want);
    assert_eq!(
        names[50],
        "… and 150 more (tasks.csv lists every task with its findings)"
    );
    assert_eq!(row[col("task_count")], "200");
    assert_eq!(row[col("pm_side_tasks")], "");
    // The short overlap of the sample keeps its full list, as before.
    let short = rows.iter().find(|r| r[col("code")] == "O001").unwrap();
    assert!(!short[col("po_side_tasks")].contains('…'));
    assert_eq!(short[col("task_count")], "4");
    // Nothing is lost: every task has its row in tasks.csv with the overlap's code.
    let (th, tasks) = csv_rows(file(&files, "tasks.csv"));
    let findings = th.iter().position(|x| x == "findings").unwrap();
    let coded = tasks
        .iter()
        .filter(|t| t[findings].contains("O002"))
        .count();
    assert_eq!(coded, 200);
    // The XLSX shows the same text in the same row.
    let mut wb = workbook(file(&files, "report.xlsx"));
    let sheet = wb.worksheet_range("Overlaps").unwrap();
    let r = 1 + rows.iter().position(|r| r[col("code")] == "O002").unwrap();
    assert_eq!(text_at(&sheet, r, col("po_side_tasks")), *listed);
    // The HTML too (no row cap on two overlaps).
    let html = std::str::from_utf8(file(&files, "report.html")).unwrap();
    assert!(html
        .contains("Extra task 49; … and 150 more (tasks.csv lists every task with its findings)"));
}

#[test]
fn reports_json_lists_tasks_as_indices_that_resolve_to_names() {
    let d = with_a_long_overlap(200);
    let files = render_with(&d, &ReportOptions::default());
    let text = std::str::from_utf8(file(&files, "report.json")).unwrap();
    // Compact: one line, and every task still has its entry.
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), d.matrix.tasks.len());
    let name = |i: &serde_json::Value| tasks[i.as_u64().unwrap() as usize]["name"].clone();
    // `overlaps` lists the overlap findings; their tasks on a side are the related tasks
    // with that side.
    let overlap = |j: &serde_json::Value| &v["findings"][j.as_u64().unwrap() as usize];
    let on = |f: &serde_json::Value, sides: &[&str]| -> Vec<serde_json::Value> {
        f["related_tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| {
                sides
                    .iter()
                    .any(|s| tasks[t.as_u64().unwrap() as usize]["side"] == *s)
            })
            .cloned()
            .collect()
    };
    let long = v["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| finding_code(&v, j.as_u64().unwrap() as usize) == "O002")
        .map(overlap)
        .unwrap();
    let po = on(long, &["PO"]);
    assert_eq!(po.len(), 200, "JSON keeps the whole list");
    for (k, i) in po.iter().enumerate() {
        assert_eq!(name(i), format!("Extra task {k}"));
    }
    // The sample's overlap: related tasks 0, 1, 2 and 4, as indices, whatever their side.
    let first = &v["overlaps"][0];
    assert_eq!(finding_code(&v, first.as_u64().unwrap() as usize), "O001");
    let o1 = overlap(first);
    assert_eq!(o1["related_tasks"], serde_json::json!([0, 1, 2, 4]));
    let sides = on(o1, &["PO", "PM", "shared", "unclassified"]);
    assert_eq!(sides, o1["related_tasks"].as_array().unwrap().clone());
    // Coverage task lists are indices too.
    for c in v["coverage"].as_array().unwrap() {
        for i in c["tasks"].as_array().unwrap() {
            assert_eq!(
                tasks[i.as_u64().unwrap() as usize]["duty_index"],
                c["duty_index"]
            );
        }
    }
}

#[test]
fn reports_html_caps_long_tables_with_a_note() {
    let d = with_a_long_overlap(700);
    let files = render_with(&d, &ReportOptions::default());
    let html = std::str::from_utf8(file(&files, "report.html")).unwrap();
    assert_balanced(html);
    let n = d.matrix.tasks.len();
    assert!(html.contains(&format!(
        "Showing the first 500 of {n} rows, in matrix order. <code>tasks.csv</code>"
    )));
    let start = html.find("<table id=\"tasks-table\">").unwrap();
    let end = start + html[start..].find("</table>").unwrap();
    assert_eq!(html[start..end].matches("<tr>").count(), 501);
    // The CSV keeps every row.
    let (_, rows) = csv_rows(file(&files, "tasks.csv"));
    assert_eq!(rows.len(), n);
}

/// `raci audit` renders the reports that do not show charts while the charts are drawn, then
/// the two that do; the files must come out exactly as rendering everything after the charts
/// gives them, in the same order.
#[test]
fn reports_rendered_beside_the_charts_match_reports_rendered_after_them() {
    use raci_audit::pipeline::Pipeline;
    use raci_audit::settings::Settings;
    let settings = Settings::default();
    let pipeline = Pipeline::new(&settings).unwrap();
    let wb = raci_audit::input::read_path(
        &support::root().join("samples/product-team.xlsx"),
        &settings.limits,
    )
    .unwrap();
    let audited = pipeline.audit(&wb).unwrap();
    let o = audited.outcome();
    let charts = raci_audit::chart::render_all(&o, &settings.audit.thresholds).unwrap();
    let mut expected = report::render(&o, &charts, &ReportOptions::default()).unwrap();
    expected.extend(charts);
    let got = pipeline.render(&audited).unwrap();
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&expected));
    assert!(got == expected, "same names, different bytes");
}

/// Finding `j`'s code in `report.json`: its message template names its rule.
fn finding_code(v: &serde_json::Value, j: usize) -> serde_json::Value {
    let template = v["findings"][j]["message"][0].as_u64().unwrap() as usize;
    let rule = v["messages"][template]["rule"].as_u64().unwrap() as usize;
    v["rules"][rule]["code"].clone()
}

/// Finding `j`'s message, rebuilt from `report.json` alone exactly as `docs/report-schema.md`
/// tells a reader to: the template, each placeholder replaced by what it stands for.
fn rebuilt_message(v: &serde_json::Value, j: usize) -> String {
    let f = &v["findings"][j];
    let name = |list: &str, i: &serde_json::Value| {
        v[list][i.as_u64().unwrap() as usize]["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let parts = f["message"].as_array().unwrap();
    let mut args = parts[1..].iter();
    let mut rest = v["messages"][parts[0].as_u64().unwrap() as usize]["text"]
        .as_str()
        .unwrap();
    // The finding's cell, else its task's, else its party's, as a full reference.
    let cell = || {
        let local = f
            .get("cell")
            .or_else(|| {
                f.get("task_index")
                    .map(|t| &v["tasks"][t.as_u64().unwrap() as usize]["cell"])
            })
            .or_else(|| {
                f.get("party_index")
                    .map(|p| &v["parties"][p.as_u64().unwrap() as usize]["cell"])
            })
            .unwrap();
        let sheet = v["source"]
            .get("sheet")
            .map_or(String::new(), |s| format!("[{}]", s.as_str().unwrap()));
        format!(
            "{}{sheet}!{}",
            v["source"]["file"].as_str().unwrap(),
            local.as_str().unwrap()
        )
    };
    let mut out = String::new();
    while let Some(c) = rest.chars().next() {
        let (text, len) = match rest {
            _ if rest.starts_with("{{") => ("{".to_string(), 2),
            _ if rest.starts_with("}}") => ("}".to_string(), 2),
            _ if rest.starts_with("{task}") => (name("tasks", &f["task_index"]), 6),
            _ if rest.starts_with("{party}") => (name("parties", &f["party_index"]), 7),
            _ if rest.starts_with("{cell}") => (cell(), 6),
            _ if rest.starts_with("{t}") => (name("tasks", args.next().unwrap()), 3),
            _ if rest.starts_with("{p}") => (name("parties", args.next().unwrap()), 3),
            _ if rest.starts_with("{n}") => (args.next().unwrap().as_u64().unwrap().to_string(), 3),
            _ => {
                assert!(c != '{' && c != '}', "lone brace in {rest}");
                (c.to_string(), c.len_utf8())
            }
        };
        out.push_str(&text);
        rest = &rest[len..];
    }
    assert!(args.next().is_none(), "arguments left over");
    out
}

/// `report.json` bytes a task, and findings, on a synthetic 30-party matrix read as a CSV;
/// checks on the way that every finding's message comes back from its template.
fn json_bytes_a_task(grid: &[Vec<String>]) -> (f64, usize) {
    use raci_audit::input::{read_bytes, Limits};
    use raci_audit::pipeline::Pipeline;
    let csv = raci_audit::synth::to_csv(grid, b',');
    let wb = read_bytes("raci-50000x30.csv", &csv, &Limits::default()).unwrap();
    let settings = raci_audit::settings::Settings::default();
    let a = Pipeline::new(&settings).unwrap().audit(&wb).unwrap();
    let bytes = report::json_bytes(&a.outcome());
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    for (j, f) in a.audit.findings.iter().enumerate() {
        assert_eq!(rebuilt_message(&v, j), f.message, "finding {j}");
        assert_eq!(finding_code(&v, j), f.code);
    }
    (
        bytes.len() as f64 / a.matrix.tasks.len() as f64,
        a.audit.findings.len(),
    )
}

/// Schema 4 keeps `report.json` within 600 bytes a task on matrices like the benchmark's
/// (30 parties): one Accountable a task (`synth::wide_grid`), and random letters where most
/// tasks have findings (`synth::random_grid`, about 2.6 a task, whose messages name the task
/// and its parties). `cargo bench --bench pipeline` measures both on 50,000 tasks.
#[test]
fn reports_json_takes_at_most_600_bytes_a_task() {
    let (per_task, _) = json_bytes_a_task(&raci_audit::synth::wide_grid(2_000, 30, 42));
    assert!(per_task <= 600.0, "{per_task:.0} bytes a task");
    let (random, findings) = json_bytes_a_task(&raci_audit::synth::random_grid(2_000, 30, 42));
    eprintln!("report.json: {per_task:.0} bytes a task; random letters: {random:.0} ({findings} findings on 2,000 tasks)");
    assert!(
        findings > 4_000,
        "{findings} findings: most tasks have some"
    );
    assert!(
        random <= 600.0,
        "{random:.0} bytes a task with random letters"
    );
}

/// The text of a zip entry, if the workbook has it.
fn zip_entry_opt(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).unwrap();
    Some(text)
}

/// The notes of a sheet (1-based), as (cell reference, text with XML entities decoded): its
/// comments part is the one the sheet's relationships name.
fn sheet_notes(xlsx: &[u8], sheet: usize) -> Vec<(String, String)> {
    let Some(rels) = zip_entry_opt(xlsx, &format!("xl/worksheets/_rels/sheet{sheet}.xml.rels"))
    else {
        return Vec::new();
    };
    let Some(target) = rels
        .split("Target=\"../")
        .skip(1)
        .map(|t| t.split('"').next().unwrap())
        .find(|t| t.starts_with("comments"))
    else {
        return Vec::new();
    };
    let xml = zip_entry(xlsx, &format!("xl/{target}"));
    xml.split("<comment ref=\"")
        .skip(1)
        .map(|c| {
            let at = c.split('"').next().unwrap().to_string();
            let text: String = c
                .split("<t")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .map(|t| t.split("</t>").next().unwrap())
                .collect();
            let text = text
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            (at, text)
        })
        .collect()
}

fn cell_name(row: usize, col: usize) -> String {
    format!("{}{}", raci_audit::model::column_name(col as u32), row + 1)
}

/// The sample's Proposed sheet, read back as a user's spreadsheet would: every cell
/// suggestions.csv changes holds the suggested letters and a note with the reason; every other
/// cell is the Matrix sheet's.
#[test]
fn reports_xlsx_proposed_sheet_on_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("raci")
        .unwrap()
        .current_dir(support::root())
        .args([
            "audit",
            "samples/product-team.xlsx",
            "-q",
            "--only",
            "csv,xlsx",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let xlsx = std::fs::read(dir.path().join("report.xlsx")).unwrap();
    let (header, rows) = csv_rows(&std::fs::read(dir.path().join("suggestions.csv")).unwrap());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut wb = workbook(&xlsx);
    assert_eq!(wb.sheet_names()[..2], ["Matrix", "Proposed"]);
    let matrix = wb.worksheet_range("Matrix").unwrap();
    let proposed = wb.worksheet_range("Proposed").unwrap();
    assert_eq!(proposed.get_size(), matrix.get_size());
    let row_of = |task: &str| {
        (1..matrix.height())
            .find(|&r| text_at(&matrix, r, 0) == task)
            .unwrap_or_else(|| panic!("{task} not on the Matrix sheet"))
    };
    let col_of = |party: &str| {
        (3..matrix.width())
            .find(|&c| text_at(&matrix, 0, c) == party)
            .unwrap_or_else(|| panic!("{party} not on the Matrix sheet"))
    };
    // The letters each changed cell ends with, and the reasons of the suggestions on it.
    let mut changed: std::collections::BTreeMap<(usize, usize), (String, Vec<String>)> =
        Default::default();
    for r in rows.iter().filter(|r| r[col("change")] != "none") {
        let at = (row_of(&r[col("task")]), col_of(&r[col("party")]));
        let entry = changed.entry(at).or_default();
        entry.0 = r[col("to")].clone();
        let reason = format!("{}: {}", r[col("code")], r[col("reason")]);
        if !entry.1.contains(&reason) {
            entry.1.push(reason);
        }
    }
    assert_eq!(changed.len(), 8, "{changed:?}");
    let notes = sheet_notes(&xlsx, 2);
    for (&(r, c), (to, reasons)) in &changed {
        let at = cell_name(r, c);
        assert_eq!(&text_at(&proposed, r, c), to, "{at}");
        assert_ne!(text_at(&matrix, r, c), *to, "{at} did not change");
        let note = &notes
            .iter()
            .find(|(n, _)| *n == at)
            .unwrap_or_else(|| panic!("no note on {at}"))
            .1;
        for reason in reasons {
            assert!(
                note.contains(reason.as_str()),
                "{at}: {note} lacks {reason}"
            );
        }
    }
    // A note per changed cell, and the legend on A1.
    assert_eq!(notes.len(), changed.len() + 1, "{notes:?}");
    assert!(notes
        .iter()
        .any(|(at, n)| at == "A1" && n.contains("8 cells changed")));
    for r in 0..matrix.height() {
        for c in 0..matrix.width() {
            if !changed.contains_key(&(r, c)) {
                assert_eq!(
                    text_at(&proposed, r, c),
                    text_at(&matrix, r, c),
                    "{}",
                    cell_name(r, c)
                );
            }
        }
    }
    // The changed cells have their own style, no other cell has it.
    let sheet = zip_entry(&xlsx, "xl/worksheets/sheet2.xml");
    let style_of = |at: &str| -> String {
        let i = sheet.find(&format!("<c r=\"{at}\"")).unwrap();
        let head = &sheet[i..i + sheet[i..].find('>').unwrap()];
        head.split_once(" s=\"")
            .map(|(_, s)| s.split('"').next().unwrap().to_string())
            .unwrap_or_default()
    };
    let styles: std::collections::BTreeSet<String> = changed
        .keys()
        .map(|&(r, c)| style_of(&cell_name(r, c)))
        .collect();
    assert_eq!(styles.len(), 1, "{styles:?}");
    let changed_style = format!(" s=\"{}\"", styles.first().unwrap());
    assert_eq!(sheet.matches(&changed_style).count(), changed.len());
    // Its pale green fill and green border are in the styles.
    let styles_xml = zip_entry(&xlsx, "xl/styles.xml");
    assert!(styles_xml.contains("FFD5F0E6") && styles_xml.contains("FF009E73"));
}
