//! Writes the sample RACI exports in `samples/` from one table, so the xlsx, csv and ods
//! versions (and the long, inverted, transposed and RASCI shapes) hold the same matrix, and
//! `product-team-q2.xlsx`: the same team a quarter later, some problems fixed and one new
//! (`raci diff samples/product-team.xlsx samples/product-team-q2.xlsx`).
//!
//! Run: `cargo run --example make_samples`. The files are committed; this keeps them honest.

use raci_audit::synth;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
use std::fs;
use std::path::Path;

const TITLE: &str = "Checkout revamp 2026 - product team RACI";

const PARTIES: [&str; 9] = [
    "Maria Lopez (Product Owner)",
    "Tom Reed - Product Manager",
    "Sam Patel (Scrum Master)",
    "Engineering Lead",
    "Developers",
    "UX Designer",
    "QA Lead",
    "Marketing Manager",
    "Sales Lead",
];

/// One task: phase, name, letters per party in PARTIES order.
type Row = (&'static str, &'static str, [&'static str; 9]);

/// (phase, task, letters per party in PARTIES order). The planted problems are commented.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("Discovery", "Define product vision",                  ["C",   "A/R", "",    "I",   "",  "C",   "",  "C",   "I"]),
    ("Discovery", "Conduct customer interviews",            ["C",   "A",   "",    "",    "",  "R",   "",  "",    "C"]),
    ("Discovery", "Market research",                        ["I",   "A/R", "",    "",    "",  "",    "",  "C",   "C"]),
    // Planted: no Accountable (R001).
    ("Discovery", "Competitive analysis",                   ["",    "R",   "",    "",    "",  "",    "",  "C",   "C"]),
    ("Discovery", "Set product strategy and roadmap",       ["C",   "A/R", "",    "C",   "",  "",    "",  "I",   "I"]),
    ("Discovery", "Build the business case",                ["I",   "A/R", "",    "",    "",  "",    "",  "C",   "C"]),
    ("Discovery", "Gather stakeholder requirements",        ["C",   "A/R", "",    "",    "",  "C",   "",  "",    "C"]),
    ("Discovery", "Define user personas",                   ["C",   "A",   "",    "",    "",  "R",   "",  "C",   ""]),
    ("Discovery", "Define epics and high-level user stories", ["C", "A/R", "",    "",    "I", "C",   "",  "",    ""]),
    ("Discovery", "Set quarterly business priorities",      ["A/R", "C",   "",    "I",   "",  "",    "",  "",    "C"]),
    ("Discovery", "Prioritise the product backlog",         ["A/R", "C",   "I",   "C",   "",  "",    "",  "",    ""]),
    ("Discovery", "Write acceptance criteria",              ["A/R", "",    "",    "",    "C", "C",   "C", "",    ""]),
    ("Delivery",  "Define product development stages",      ["C",   "A",   "R",   "C",   "",  "",    "",  "",    ""]),
    ("Delivery",  "Sprint planning",                        ["A",   "",    "R",   "C",   "R", "",    "C", "",    ""]),
    ("Delivery",  "Backlog refinement",                     ["A/R", "",    "I",   "C",   "C", "C",   "C", "",    ""]),
    ("Delivery",  "Daily stand-up",                         ["I",   "",    "A/R", "",    "R", "",    "",  "",    ""]),
    ("Delivery",  "Remove impediments",                     ["C",   "",    "A/R", "C",   "",  "",    "",  "",    ""]),
    ("Delivery",  "Technical architecture decisions",       ["I",   "",    "",    "A/R", "C", "",    "",  "",    ""]),
    ("Delivery",  "UX design and prototyping",              ["C",   "C",   "",    "",    "I", "A/R", "",  "",    ""]),
    ("Delivery",  "Implement features",                     ["I",   "",    "",    "A",   "R", "",    "C", "",    ""]),
    ("Delivery",  "Check sprint progress and verify results", ["A/R", "",  "C",   "C",   "",  "",    "",  "",    ""]),
    // Planted: the Product Manager accepts user stories (M001, M002).
    ("Delivery",  "Accept user stories",                    ["C",   "A/R", "",    "",    "",  "",    "C", "",    ""]),
    ("Delivery",  "User acceptance testing (UAT)",          ["A",   "I",   "",    "",    "C", "",    "R", "",    ""]),
    ("Delivery",  "Sprint review",                          ["A",   "I",   "R",   "",    "R", "C",   "",  "",    ""]),
    ("Delivery",  "Sprint retrospective",                   ["C",   "",    "A/R", "",    "R", "",    "",  "",    ""]),
    ("Delivery",  "Track delivery timeline and budget",     ["A/R", "I",   "C",   "C",   "",  "",    "",  "",    ""]),
    ("Delivery",  "Release planning",                       ["A/R", "C",   "",    "C",   "",  "",    "C", "I",   ""]),
    // Planted: two Accountables, one PO and one PM (R002, O002).
    ("Launch",    "Approve release scope",                  ["A",   "A",   "",    "C",   "",  "",    "C", "",    ""]),
    ("Launch",    "Pricing and packaging",                  ["A/R", "C",   "",    "",    "",  "",    "",  "C",   "C"]),
    ("Launch",    "Go-to-market plan",                      ["I",   "A/R", "",    "",    "",  "",    "",  "R",   "C"]),
    ("Launch",    "Sales enablement and training",          ["I",   "A",   "",    "",    "",  "",    "",  "R",   "R"]),
    ("Launch",    "Marketing campaign launch",              ["I",   "C",   "",    "",    "",  "",    "",  "A/R", "I"]),
    // Planted: an unknown letter (D001) in the Sales Lead column.
    ("Launch",    "Production deployment",                  ["I",   "",    "I",   "A",   "R", "",    "C", "",    "X"]),
    ("Launch",    "Launch announcement and press release",  ["C",   "A",   "",    "",    "",  "",    "",  "R",   "I"]),
    // Planted: nobody assigned (R007).
    ("Launch",    "Plan launch webinar",                    ["",    "",    "",    "",    "",  "",    "",  "",    ""]),
    ("Launch",    "Collect customer feedback after launch", ["I",   "A/R", "",    "",    "",  "C",   "",  "",    "C"]),
    ("Launch",    "Team offsite logistics",                 ["",    "",    "A/R", "",    "",  "",    "",  "",    ""]),
];

/// The title of the second quarter's export.
const TITLE_Q2: &str = "Checkout revamp 2026 - product team RACI (Q2)";

/// What changed by the second quarter, task by task: new letters for a task (`None` keeps
/// its name), a rename, a task dropped, a task added after another.
enum Edit {
    Letters(&'static str, [&'static str; 9]),
    Rename(&'static str, &'static str),
    Remove(&'static str),
    AddAfter(&'static str, Row),
}

/// The second quarter: the team took four of the five fixes `raci audit` suggested for the
/// first (`reports/product-team/suggestions.csv`): the R007 (Maria Lopez R/A on `Plan launch
/// webinar`), the R001 (Tom Reed A on `Competitive analysis`), the R002 with its O002, R003 and
/// M001 (Tom Reed's A on `Approve release scope` becomes C, Maria Lopez R/A) and the M001/M002
/// of `Accept user stories` (its R/A moves to Maria Lopez); it kept Maria Lopez's R/A on `Write
/// acceptance criteria`. The `X` (D001) became an I, a task covers the uncovered KPI duty
/// (G001), `Backlog refinement` is renamed with the same letters, the offsite task (G003) is
/// gone; and one new problem: a new user-story task with two Accountables (R002).
#[rustfmt::skip]
const Q2_EDITS: &[Edit] = &[
    Edit::Letters("Competitive analysis",                   ["",    "A/R", "",    "",    "",  "",    "",  "C",   "C"]),
    Edit::Letters("Approve release scope",                  ["A/R", "C",   "",    "C",   "",  "",    "C", "",    ""]),
    Edit::Letters("Accept user stories",                    ["A/R", "C",   "",    "",    "",  "",    "C", "",    ""]),
    Edit::Letters("Production deployment",                  ["I",   "",    "I",   "A",   "R", "",    "C", "",    "I"]),
    Edit::Letters("Plan launch webinar",                    ["A/R", "C",   "",    "",    "",  "",    "",  "C",   "I"]),
    Edit::Rename("Backlog refinement", "Refine the product backlog"),
    Edit::Remove("Team offsite logistics"),
    Edit::AddAfter("Build the business case",
        ("Discovery", "Set business KPIs and track the strategy", ["C", "A/R", "", "", "", "", "", "C", "I"])),
    // New this quarter: two Accountables (R002).
    Edit::AddAfter("Define epics and high-level user stories",
        ("Discovery", "Write user stories for saved payment cards", ["C", "A/R", "", "", "I", "A", "", "", ""])),
];

/// [`ROWS`] with [`Q2_EDITS`] made.
fn q2_rows() -> Vec<Row> {
    let mut rows: Vec<Row> = ROWS.to_vec();
    let at = |rows: &[Row], task: &str| {
        rows.iter()
            .position(|r| r.1 == task)
            .unwrap_or_else(|| panic!("no task {task:?} to edit"))
    };
    for edit in Q2_EDITS {
        match edit {
            Edit::Letters(task, letters) => {
                let i = at(&rows, task);
                rows[i].2 = *letters;
            }
            Edit::Rename(task, name) => {
                let i = at(&rows, task);
                rows[i].1 = name;
            }
            Edit::Remove(task) => {
                let i = at(&rows, task);
                rows.remove(i);
            }
            Edit::AddAfter(task, row) => {
                let i = at(&rows, task);
                rows.insert(i + 1, *row);
            }
        }
    }
    rows
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    fs::create_dir_all(&dir)?;
    write_xlsx(&dir.join("product-team.xlsx"), TITLE, ROWS)?;
    write_xlsx(&dir.join("product-team-q2.xlsx"), TITLE_Q2, &q2_rows())?;
    fs::write(dir.join("product-team.csv"), wide_csv(true, ','))?;
    fs::write(
        dir.join("product-team.ods"),
        synth::to_ods(&wide_grid(true), "RACI")?,
    )?;
    fs::write(dir.join("product-team-long.csv"), long_csv())?;
    fs::write(dir.join("product-team-inverted.csv"), inverted_csv())?;
    fs::write(dir.join("product-team-transposed.csv"), transposed_csv())?;
    fs::write(dir.join("product-team-rasci.csv"), rasci_csv())?;
    println!("samples written to {}", dir.display());
    Ok(())
}

/// The wide grid as rows of strings: title row, blank row, header, then phase rows and tasks.
fn wide_grid(with_title: bool) -> Vec<Vec<String>> {
    wide_grid_of(with_title.then_some(TITLE), ROWS)
}

/// [`wide_grid`] of any table, with any title.
fn wide_grid_of(title: Option<&str>, table: &[Row]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    if let Some(title) = title {
        rows.push(vec![title.to_string()]);
        rows.push(vec![]);
    }
    let mut header = vec!["Task".to_string()];
    header.extend(PARTIES.iter().map(|p| p.to_string()));
    rows.push(header);
    let mut phase = "";
    for (p, task, letters) in table {
        if *p != phase {
            rows.push(vec![p.to_string()]);
            phase = p;
        }
        let mut row = vec![task.to_string()];
        row.extend(letters.iter().map(|l| l.to_string()));
        rows.push(row);
    }
    rows
}

fn csv_line(cells: &[String], sep: char) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains(sep) || c.contains('"') || c.contains('\n') {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    format!("{}\n", quoted.join(&sep.to_string()))
}

fn wide_csv(with_title: bool, sep: char) -> String {
    wide_grid(with_title)
        .iter()
        .map(|r| csv_line(r, sep))
        .collect()
}

fn long_csv() -> String {
    let mut out = csv_line(
        &[
            "Phase".into(),
            "Task".into(),
            "Party".into(),
            "Letter".into(),
        ],
        ',',
    );
    for (phase, task, letters) in ROWS {
        let mut any = false;
        for (party, cell) in PARTIES.iter().zip(letters) {
            // One row per letter, the way tidy exports write R/A: R on one row, A on the next.
            for letter in cell.split('/').filter(|l| !l.is_empty()) {
                out += &csv_line(
                    &[
                        phase.to_string(),
                        task.to_string(),
                        party.to_string(),
                        letter.to_string(),
                    ],
                    ',',
                );
                any = true;
            }
        }
        if !any {
            // A task nobody holds still has a row, so it is not lost.
            out += &csv_line(
                &[
                    phase.to_string(),
                    task.to_string(),
                    String::new(),
                    String::new(),
                ],
                ',',
            );
        }
    }
    out
}

/// The inverted shape names the holders of each letter; it has no cell for a mark that is not
/// a letter, so the sample's planted `X` (D001) cannot appear in it.
fn inverted_csv() -> String {
    let mut out = csv_line(
        &[
            "Phase",
            "Task",
            "Responsible",
            "Accountable",
            "Consulted",
            "Informed",
        ]
        .map(String::from),
        ',',
    );
    for (phase, task, letters) in ROWS {
        let holders = |letter: &str| -> String {
            PARTIES
                .iter()
                .zip(letters)
                .filter(|(_, cell)| cell.split('/').any(|l| l == letter))
                .map(|(p, _)| p.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        };
        out += &csv_line(
            &[
                phase.to_string(),
                task.to_string(),
                holders("R"),
                holders("A"),
                holders("C"),
                holders("I"),
            ],
            ',',
        );
    }
    out
}

fn transposed_csv() -> String {
    let grid = wide_grid(false);
    let tasks: Vec<&Vec<String>> = grid.iter().skip(1).filter(|r| r.len() > 1).collect();
    let mut header = vec!["Party".to_string()];
    header.extend(tasks.iter().map(|r| r[0].clone()));
    let mut out = csv_line(&header, ',');
    for (i, party) in PARTIES.iter().enumerate() {
        let mut row = vec![party.to_string()];
        row.extend(tasks.iter().map(|r| r[i + 1].clone()));
        out += &csv_line(&row, ',');
    }
    out
}

fn rasci_csv() -> String {
    let mut out = String::from(
        "Legend: R=Responsible; A=Accountable; S=Support; C=Consulted; I=Informed\n\n",
    );
    out += &wide_csv(false, ';');
    out
}

fn write_xlsx(
    path: &Path,
    title_text: &str,
    table: &[Row],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut wb = Workbook::new();
    // A fixed creation date keeps the committed file byte-identical between regenerations.
    let props = DocProperties::new()
        .set_title(title_text)
        .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 5)?);
    wb.set_properties(&props);
    let ws = wb.add_worksheet();
    ws.set_name("RACI")?;
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color("#D9E2F3");
    let phase = Format::new().set_bold().set_background_color("#EDEDED");
    let center = Format::new().set_align(FormatAlign::Center);
    ws.merge_range(0, 0, 0, PARTIES.len() as u16, title_text, &title)?;
    ws.set_column_width(0, 44)?;
    for c in 1..=PARTIES.len() as u16 {
        ws.set_column_width(c, 16)?;
    }
    let grid = wide_grid_of(Some(title_text), table);
    for (r, row) in grid.iter().enumerate().skip(2) {
        let r = r as u32;
        let is_header = r == 2;
        let is_phase = row.len() == 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            let fmt = if is_header {
                &head
            } else if is_phase {
                &phase
            } else if c > 0 {
                &center
            } else {
                &Format::new()
            };
            if cell.is_empty() {
                continue;
            }
            ws.write_string_with_format(r, c, cell, fmt)?;
        }
    }
    ws.set_freeze_panes(3, 1)?;
    wb.save(path)?;
    Ok(())
}
