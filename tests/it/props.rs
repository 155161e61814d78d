//! Property tests and fuzz replays. Random matrices with hostile names survive CSV and XLSX
//! round trips unchanged, keep the audit's invariants and come back out of `tasks.csv` and
//! `report.xlsx` as they went in; every committed fuzz seed and every
//! input a fuzzer ever crashed on is replayed through the same harness the fuzz targets use.

use crate::support::root;
use proptest::prelude::*;
use raci_audit::classify::Taxonomy;
use raci_audit::input::{read_bytes, Limits};
use raci_audit::model::{Letter, LetterSet};
use raci_audit::pipeline::{Audited, Pipeline};
use raci_audit::settings::{parse_outputs, Settings};
use raci_audit::synth;

#[path = "../../fuzz/harness.rs"]
mod harness;

/// Runs one fuzz target over every file in a folder; returns how many it ran.
fn replay(target: &str, dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        // A panic here names the input, so a failure can be rerun with cargo fuzz.
        let outcome = std::panic::catch_unwind(|| harness::run(target, &data));
        assert!(outcome.is_ok(), "{target}: {} fails", file.display());
    }
    files.len()
}

#[test]
fn fuzz_seed_corpora_replay() {
    for target in harness::TARGETS {
        let seeds = replay(target, &root().join("fuzz/corpus").join(target));
        assert!(seeds >= 10, "{target}: only {seeds} seeds");
    }
}

/// The real exports beside the checkout are seeds too, read from `../shared/realworld/` (never
/// copied into the repository): text files through `csv_ingest`, workbooks through
/// `workbook_ingest`.
#[test]
fn realworld_files_replay_as_seeds() {
    crate::support::require_shared!("realworld_files_replay_as_seeds");
    let dir = crate::support::realworld("");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 18, "{}", dir.display());
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let target = if file.extension().is_some_and(|e| e == "csv") {
            "csv_ingest"
        } else {
            "workbook_ingest"
        };
        let outcome = std::panic::catch_unwind(|| harness::run(target, &data));
        assert!(outcome.is_ok(), "{target}: {} fails", file.display());
    }
}

#[test]
fn fuzz_regressions_replay() {
    let dir = root().join("tests/data/fuzz-regressions");
    let mut total = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let target = entry.unwrap().file_name().to_string_lossy().into_owned();
        // A folder named after no target would never be replayed.
        assert!(harness::TARGETS.contains(&target.as_str()), "{target}");
        total += replay(&target, &dir.join(&target));
    }
    assert!(total >= 1);
}

/// The OOM the `workbook_ingest` target found: a 512-byte compound file whose FAT chain loops.
/// It must now be refused as damaged, quickly, under the default caps.
#[test]
fn looping_xls_chain_is_refused_as_damaged() {
    let path = root().join("tests/data/fuzz-regressions/workbook_ingest/oom-xls-fat-cycle");
    let bytes = std::fs::read(path).unwrap();
    let started = std::time::Instant::now();
    let err = read_bytes("loop.xls", &bytes, &Limits::default()).unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    let message = err.to_string();
    assert!(
        message.contains("loop.xls") && message.contains("damaged"),
        "{message}"
    );
}

/// The structured layout input decodes to sorted, unique cells, as the reader promises.
#[test]
fn structured_layout_input_keeps_the_reader_promises() {
    let mut rng = synth::Rng::new(5);
    for _ in 0..200 {
        let len = rng.below(300);
        let data: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        let (sheets, _) = harness::sheets_from_bytes(&data);
        for sheet in &sheets {
            assert!(sheet.cells.windows(2).all(|w| w[0].pos < w[1].pos));
            assert!(sheet.cells.iter().all(|c| !c.value.is_blank()));
        }
        harness::layout_detect(&data);
    }
}

// ---------------------------------------------------------------------------------------------
// Random matrices.
// ---------------------------------------------------------------------------------------------

const TASK_WORDS: &[&str] = &[
    "Plan", "Review", "Ship", "Budget", "Roadmap", "Backlog", "Pricing", "Hiring", "Launch",
    "Research",
];
const PARTY_WORDS: &[&str] = &[
    "Product Owner",
    "Product Manager",
    "Developer",
    "QA Lead",
    "Designer",
    "Sales",
    "Legal",
];
/// Characters that break naive CSV, XML or path handling, and non-ASCII text.
const TAIL_CHARS: &[char] = &[
    'é', 'ü', '日', 'Ж', '😀', '"', '\'', ',', ';', '\n', '\t', ' ', '/', '\\', '&', '<', '>', '#',
    '.', 'x', '1',
];
/// Leading characters a spreadsheet takes for a formula.
const LEADS: &[&str] = &["", "", "=", "+", "-", "@"];
/// Cell texts and the letters each means.
const CELLS: &[(&str, &[Letter])] = &[
    ("", &[]),
    ("", &[]),
    ("R", &[Letter::R]),
    ("A", &[Letter::A]),
    ("C", &[Letter::C]),
    ("I", &[Letter::I]),
    ("A/R", &[Letter::A, Letter::R]),
    ("R/A", &[Letter::R, Letter::A]),
    ("R, C", &[Letter::R, Letter::C]),
    ("a", &[Letter::A]),
];

/// A name: an optional formula lead, a word, a number that keeps it unique, hostile tail.
fn name_strategy(words: &'static [&'static str]) -> impl Strategy<Value = (String, String)> {
    (
        prop::sample::select(LEADS),
        prop::sample::select(words),
        prop::collection::vec(prop::sample::select(TAIL_CHARS), 0..6),
    )
        .prop_map(|(lead, word, tail)| (format!("{lead}{word}"), tail.into_iter().collect()))
}

#[derive(Debug, Clone)]
struct RandomMatrix {
    parties: Vec<String>,
    tasks: Vec<String>,
    /// `cells[task][party]`: an index into [`CELLS`].
    cells: Vec<Vec<usize>>,
}

impl RandomMatrix {
    fn grid(&self) -> Vec<Vec<String>> {
        let mut header = vec!["Task".to_string()];
        header.extend(self.parties.iter().cloned());
        let mut rows = vec![header];
        for (t, name) in self.tasks.iter().enumerate() {
            let mut row = vec![name.clone()];
            row.extend(self.cells[t].iter().map(|&c| CELLS[c].0.to_string()));
            rows.push(row);
        }
        rows
    }

    fn letters(&self, task: usize, party: usize) -> LetterSet {
        LetterSet::of(CELLS[self.cells[task][party]].1)
    }
}

fn matrix_strategy() -> impl Strategy<Value = RandomMatrix> {
    (2usize..6, 1usize..9)
        .prop_flat_map(|(parties, tasks)| {
            (
                prop::collection::vec(name_strategy(PARTY_WORDS), parties),
                prop::collection::vec(name_strategy(TASK_WORDS), tasks),
                prop::collection::vec(prop::collection::vec(0..CELLS.len(), parties), tasks),
            )
        })
        .prop_map(|(parties, tasks, mut cells)| {
            // The number after the word keeps names unique, as a matrix's names are.
            let number = |names: Vec<(String, String)>| -> Vec<String> {
                names
                    .into_iter()
                    .enumerate()
                    .map(|(i, (head, tail))| format!("{head} {}{tail}", i + 1))
                    .collect()
            };
            // A row with no letters at all reads as a phase row, so every task gets one.
            for row in &mut cells {
                if row.iter().all(|&c| CELLS[c].1.is_empty()) {
                    row[0] = 2;
                }
            }
            RandomMatrix {
                parties: number(parties),
                tasks: number(tasks),
                cells,
            }
        })
}

/// How the layout stores a name: trimmed, every run of white space one space.
fn cleaned(name: &str) -> String {
    name.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_round_trip(
    expected: &RandomMatrix,
    file: &str,
    bytes: &[u8],
) -> Result<(), TestCaseError> {
    let book = read_bytes(file, bytes, &Limits::default())
        .map_err(|e| TestCaseError::fail(format!("{file}: {e}")))?;
    let settings = Settings {
        outputs: parse_outputs(&["csv"]).unwrap(),
        ..Settings::default()
    };
    let audited = Pipeline::with_taxonomy(settings, Taxonomy::builtin())
        .audit(&book)
        .map_err(|e| TestCaseError::fail(format!("{file}: {e}")))?;
    let m = &audited.matrix;
    let parties: Vec<&str> = m.parties.iter().map(|p| p.name.as_str()).collect();
    let want: Vec<String> = expected.parties.iter().map(|p| cleaned(p)).collect();
    prop_assert_eq!(parties, want, "{}: parties", file);
    let tasks: Vec<&str> = m.tasks.iter().map(|t| t.name.as_str()).collect();
    let want: Vec<String> = expected.tasks.iter().map(|t| cleaned(t)).collect();
    prop_assert_eq!(&tasks, &want, "{}: tasks", file);
    for (t, task) in m.tasks.iter().enumerate() {
        for p in 0..m.parties.len() {
            prop_assert_eq!(
                task.letters_of(p),
                expected.letters(t, p),
                "{}: task {} party {}",
                file,
                t,
                p
            );
        }
    }
    prop_assert!(m.issues.is_empty(), "{}: issues {:?}", file, m.issues);
    check_audit(&audited, &want, file)
}

/// R001 and R002 fire on exactly the tasks with no A and with two or more; no finding points
/// past the tasks or parties; `tasks.csv` lists every task in order.
fn check_audit(a: &Audited, names: &[String], file: &str) -> Result<(), TestCaseError> {
    let m = &a.matrix;
    let on = |code: &str| -> Vec<usize> {
        let mut tasks: Vec<usize> = a
            .audit
            .findings
            .iter()
            .filter(|f| f.code == code)
            .filter_map(|f| f.task)
            .collect();
        tasks.sort_unstable();
        tasks
    };
    let no_a: Vec<usize> = (0..m.tasks.len())
        .filter(|&t| m.tasks[t].count(Letter::A) == 0)
        .collect();
    let many_a: Vec<usize> = (0..m.tasks.len())
        .filter(|&t| m.tasks[t].count(Letter::A) >= 2)
        .collect();
    prop_assert_eq!(on("R001"), no_a, "{}: R001", file);
    prop_assert_eq!(on("R002"), many_a, "{}: R002", file);
    for f in &a.audit.findings {
        prop_assert!(f.task.is_none_or(|t| t < m.tasks.len()), "{:?}", f);
        prop_assert!(f.party.is_none_or(|p| p < m.parties.len()), "{:?}", f);
        prop_assert!(
            f.related_tasks.iter().all(|&t| t < m.tasks.len()),
            "{:?}",
            f
        );
    }
    let settings = Settings {
        outputs: parse_outputs(&["csv", "xlsx"]).unwrap(),
        ..Settings::default()
    };
    let files = Pipeline::with_taxonomy(settings, a.taxonomy.clone())
        .render(a)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    check_xlsx_matrix(a, &files, file)?;
    let tasks_csv = files
        .iter()
        .find(|(n, _)| n == "tasks.csv")
        .map(|(_, b)| b.clone())
        .ok_or_else(|| TestCaseError::fail("no tasks.csv"))?;
    let mut reader = csv::Reader::from_reader(tasks_csv.as_slice());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "task")
        .unwrap();
    let listed: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    prop_assert_eq!(listed.len(), names.len(), "{}: tasks.csv rows", file);
    for (cell, name) in listed.iter().zip(names) {
        // The CSV writer guards formulas with a leading apostrophe.
        let guarded = name.starts_with(['=', '+', '-', '@']) && cell == &format!("'{name}");
        prop_assert!(
            cell == name || guarded,
            "{}: tasks.csv has {:?} for {:?}",
            file,
            cell,
            name
        );
    }
    Ok(())
}

/// `report.xlsx` reads back with calamine: its Matrix sheet holds every party name in the
/// header row, every task name in column A (exactly as written) and every letter
/// cell as the letters read.
fn check_xlsx_matrix(
    a: &Audited,
    files: &[(String, Vec<u8>)],
    file: &str,
) -> Result<(), TestCaseError> {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let bytes = files
        .iter()
        .find(|(n, _)| n == "report.xlsx")
        .map(|(_, b)| b.clone())
        .ok_or_else(|| TestCaseError::fail("no report.xlsx"))?;
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| TestCaseError::fail(format!("{file}: report.xlsx: {e}")))?;
    let sheet = book
        .worksheet_range("Matrix")
        .map_err(|e| TestCaseError::fail(format!("{file}: Matrix: {e}")))?;
    let text = |row: usize, col: usize| match sheet.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    };
    // Names as written: formula starters are kept text by the quote prefix of the cell's
    // format, not by an apostrophe.
    let shown = |name: &str| name.to_string();
    let m = &a.matrix;
    for (p, party) in m.parties.iter().enumerate() {
        prop_assert_eq!(text(0, 3 + p), shown(&party.name), "{}: party {}", file, p);
    }
    for (t, task) in m.tasks.iter().enumerate() {
        prop_assert_eq!(text(t + 1, 0), shown(&task.name), "{}: task {}", file, t);
        for x in &task.assignments {
            prop_assert_eq!(
                text(t + 1, 3 + x.party),
                x.letters.to_string(),
                "{}: task {} party {}",
                file,
                t,
                x.party
            );
        }
    }
    Ok(())
}

/// The input `random_matrices_survive_csv` once failed on, rarely: every party header ends in
/// a full stop, so each read as a sentence and the sheet as transposed.
#[test]
fn party_headers_ending_in_a_full_stop_stay_parties() {
    let m = RandomMatrix {
        parties: vec!["Product Owner 1.\n".into(), "Sales 2\n.".into()],
        tasks: [
            "Plan 1",
            "Plan 2",
            "Budget 3x",
            "Plan 4",
            "Roadmap 5",
            "Budget 6é",
            "Budget 7é",
        ]
        .map(String::from)
        .to_vec(),
        cells: vec![
            vec![2, 0],
            vec![2, 0],
            vec![2, 0],
            vec![2, 0],
            vec![2, 0],
            vec![0, 2],
            vec![2, 0],
        ],
    };
    check_round_trip(&m, "random.csv", &synth::to_csv(&m.grid(), b',')).unwrap();
}

/// 64 cases a run; `PROPTEST_CASES=2000` runs more when hunting a rare failure.
fn round_trip_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: round_trip_cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_matrices_survive_csv(m in matrix_strategy()) {
        check_round_trip(&m, "random.csv", &synth::to_csv(&m.grid(), b','))?;
    }

    #[test]
    fn random_matrices_survive_xlsx(m in matrix_strategy()) {
        let bytes = synth::to_xlsx(&m.grid(), "RACI").unwrap();
        check_round_trip(&m, "random.xlsx", &bytes)?;
    }
}

/// The first case the properties found: names holding tabs made the CSV reader take the tab for
/// the delimiter and scramble the header (fixed in `input::text::detect_delimiter`).
#[test]
fn tabs_in_csv_names_keep_the_comma() {
    let m = RandomMatrix {
        parties: vec![
            "Product Owner 1\t".into(),
            "Product Owner 2\n\t".into(),
            "Product Owner 3\"".into(),
        ],
        tasks: vec!["Plan 1\t".into()],
        cells: vec![vec![2, 0, 0]],
    };
    check_round_trip(&m, "tabs.csv", &synth::to_csv(&m.grid(), b',')).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Nothing lost: random wide layouts.
// ---------------------------------------------------------------------------------------------

/// One row of a random layout below its header.
#[derive(Debug, Clone)]
enum LayoutRow {
    /// A task with a cell per party (indices into [`CELLS`]).
    Task(Vec<usize>),
    /// A label without letters: a group, or a task nobody holds.
    Label,
    /// A blank row.
    Blank,
}

fn layout_strategy() -> impl Strategy<Value = (usize, Vec<LayoutRow>, bool)> {
    (2usize..5).prop_flat_map(|parties| {
        let row = prop_oneof![
            4 => prop::collection::vec(0..CELLS.len(), parties).prop_map(LayoutRow::Task),
            2 => Just(LayoutRow::Label),
            1 => Just(LayoutRow::Blank),
        ];
        (
            Just(parties),
            prop::collection::vec(row, 1..14),
            any::<bool>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every text of the task column of a random layout (tasks, labels, blank rows, a title
    /// over the table or not) comes out as a task, a group, a heading or an issue.
    #[test]
    fn random_layouts_lose_no_task_text((parties, rows, title) in layout_strategy()) {
        let mut text = String::new();
        if title {
            text.push_str("Team RACI\n\n");
        }
        text.push_str("Task");
        for p in 0..parties {
            text.push_str(&format!(",Party {p}"));
        }
        text.push('\n');
        for (i, row) in rows.iter().enumerate() {
            match row {
                LayoutRow::Task(cells) => {
                    text.push_str(&format!("Work item {i}"));
                    for &c in cells {
                        text.push(',');
                        text.push_str(CELLS[c].0);
                    }
                }
                LayoutRow::Label => text.push_str(&format!("Section {i}")),
                LayoutRow::Blank => {}
            }
            text.push('\n');
        }
        let wb = read_bytes("layout.csv", text.as_bytes(), &Limits::default()).unwrap();
        if let Ok(m) = raci_audit::layout::detect(&wb, &Default::default()) {
            let lost = crate::support::lost_texts(&wb, &m);
            prop_assert!(lost.is_empty(), "{text}\nlost {lost:?}\n{:#?}", m.notes);
        }
    }
}
