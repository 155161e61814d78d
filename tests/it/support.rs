//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/realworld/NAME`, beside the checkout.
pub fn realworld(name: &str) -> PathBuf {
    root().join("../shared/realworld").join(name)
}

/// Set to `1` (as `.ci/run` does) to make a missing `../shared/realworld/` a failure instead
/// of a skip: CI must never skip the real-export tests.
pub const REQUIRE_SHARED: &str = "RACI_REQUIRE_SHARED";

/// Whether `../shared/realworld/` is there for `test` to read.
///
/// A clone of this repository alone has no `../shared/`: then the test says in one line that
/// it was skipped and why, and returns early, instead of panicking on a missing file. With
/// `RACI_REQUIRE_SHARED=1` a missing folder fails the test. The line goes to the process's
/// standard error directly, past the test harness's capture, so a passing run still shows it.
pub fn shared_available(test: &str) -> bool {
    let dir = realworld("");
    if dir.is_dir() {
        return true;
    }
    let required = std::env::var(REQUIRE_SHARED).is_ok_and(|v| v.trim() == "1");
    assert!(
        !required,
        "{test}: {} is missing and {REQUIRE_SHARED}=1 requires it",
        dir.display()
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: ../shared/realworld/ is not beside this checkout (the real exports are \
         kept outside the repository; set {REQUIRE_SHARED}=1 to make this a failure)"
    );
    false
}

/// Returns from the calling test when `../shared/realworld/` is missing (see
/// [`shared_available`]).
macro_rules! require_shared {
    ($test:expr) => {
        if !$crate::support::shared_available($test) {
            return;
        }
    };
}
pub(crate) use require_shared;

/// What the layout lost: every non-empty text in the task column of the matrix body (from
/// its first task to its last) must come out as a task (on that row, or joined into the task
/// above it), as the group of a task, as a heading named in the notes, as a repeated header
/// the notes name, or as a cell issue. Marks that say "not involved" are not text. Returns
/// one line per text that did none of these.
pub fn lost_texts(wb: &raci_audit::input::Workbook, m: &raci_audit::model::Matrix) -> Vec<String> {
    use raci_audit::model::{parse_cell, CellParse, Pos, Shape};
    let Some(sheet) = wb
        .sheets
        .iter()
        .find(|s| s.name == m.source.sheet || m.source.sheet.is_none())
    else {
        return Vec::new();
    };
    if m.tasks.is_empty() {
        return Vec::new();
    }
    let clean = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    // Tasks run down a column (wide, inverted, long) or along a row (transposed).
    let across = m.shape == Shape::Transposed;
    let line = |p: Pos| if across { p.row } else { p.col };
    let step = |p: Pos| if across { p.col } else { p.row };
    let mut lines: Vec<u32> = m.tasks.iter().map(|t| line(t.pos)).collect();
    lines.sort();
    let task_line = lines[lines.len() / 2];
    let first = m.tasks.iter().map(|t| step(t.pos)).min().unwrap();
    let last = m.tasks.iter().map(|t| step(t.pos)).max().unwrap();
    let mut lost = Vec::new();
    for c in &sheet.cells {
        if line(c.pos) != task_line || step(c.pos) < first || step(c.pos) > last {
            continue;
        }
        let text = match c.value.as_text() {
            Some(t) => clean(t),
            None => clean(&c.value.display()),
        };
        if text.is_empty() || parse_cell(&text, &m.scheme) == CellParse::Empty {
            continue;
        }
        let place = step(c.pos) as u64 + 1;
        let named = |n: &String| n.contains(&format!("({text})"));
        let repeat = |n: &String| {
            n.starts_with("Repeated header rows skipped")
                && n.contains(&format!(
                    "{} {place}",
                    if across { "column" } else { "row" }
                ))
        };
        // On its own row, or the end of the name of a task above it (text continued under
        // letters merged over both rows).
        let kept = m.tasks.iter().any(|t| {
            step(t.pos) == step(c.pos) && t.name.starts_with(&text)
                || step(t.pos) < step(c.pos) && t.name.ends_with(&format!(" {text}"))
                // A long form names a task on each of its rows.
                || m.shape == Shape::Long && t.name == text
        }) || m
            .tasks
            .iter()
            .any(|t| t.group.as_deref() == Some(text.as_str()))
            || m.issues.iter().any(|i| i.pos == c.pos)
            || m.notes.iter().any(|n| named(n) || repeat(n));
        if !kept {
            lost.push(format!("{} {text:?}", m.cell_ref(c.pos)));
        }
    }
    lost
}

/// Every file `raci audit` writes into a report folder for a matrix whose heatmap fits one
/// page, written out here rather than taken from the library so the tests check its names.
pub const EXPECTED_FILES: &[&str] = &[
    "tasks.csv",
    "parties.csv",
    "findings.csv",
    "overlaps.csv",
    "gaps.csv",
    "coverage.csv",
    "suggestions.csv",
    "summary.md",
    "report.json",
    "report.html",
    "report.xlsx",
    "matrix.png",
    "overlap.png",
    "co-ownership.png",
    "gaps.png",
    "workload.png",
    "findings.png",
];
