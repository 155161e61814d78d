//! What a matrix will cost the rest of the run, estimated before the audit starts: the memory
//! half of `--max-memory-mb` that only the matrix can tell (the reading half is
//! `input::budget`).
//!
//! Past the layout, memory goes where names are repeated and where findings are made:
//! `tasks.csv` and the report tables list every party holding each letter of each task; rules
//! that list the holders of a task (too many R, C or I; two Accountables; PO and PM both
//! owning) repeat those names in their messages; a finding about one cell names its task and
//! party; and a task whose letters are wrong on their face (no Accountable, two of them, no
//! Responsible) brings findings of its own into every report.
//!
//! The constants were fitted on 31 generated matrices (`benches/footprint.sh`, its cases in
//! `benches/footprint-cases.txt`: 2,000 to 80,000 tasks, 10 to 200 parties, task names of 10
//! to 5,000 bytes and party names of 10 to 1,000, letters from 2 % to every cell, clean and
//! drawn at random, CSV and XLSX, and the unowned tasks of `benches/hostile.rs`) against the
//! peak resident memory of `raci audit` with every report (`/usr/bin/time -v`), by a linear
//! program that keeps the estimate at least 1.12 times the peak on each (peaks vary by up to
//! 7 % from run to run) and as low as it can be: 1.13 to 1.30 times the peak on most, more on
//! wide matrices of short names. Refitted 2026-12-04 after the report tables came to be made
//! row by row and the CSVs streamed (peaks down by a quarter to a third). MB here are MiB, as
//! `time -v` counts them.

use super::{Letter, Matrix};

/// One letter cell over the rest of the run, without names: assignment, report rows, JSON,
/// the workbook's cell. Measured: a 50,000 x 30 matrix with 57 % of its cells filled at
/// random (840,000 letters) peaks at 365 to 371 MB, 200 parties x 2,000 tasks at 168 MB.
const CELL_BYTES: u64 = 212;
/// Copies of a party's name per letter it holds: the task's letter lists in `tasks.csv`, the
/// report tables and the workbook, and a rule's message listing a task's holders. Measured:
/// 3,000 x 30 letters at random under 1,000-byte party names, as XLSX, peak at 280 MB.
const PARTY_NAME_COPIES: u64 = 4;
/// Copies of a task's name per cell that may get a finding of its own (the cells of parties
/// whose title puts them on a side, and unreadable cells): message, table, CSV. Measured with
/// 200- to 5,000-byte task names under 30 parties, two of them on a side.
const TASK_NAME_COPIES: u64 = 2;
/// A task, party or unreadable cell beyond its letters and names: its rows in every report.
/// Measured: 50,000 x 30 tasks with one A, one R and few C or I (0.6 findings a task) peak
/// at 165 to 174 MB.
const ROW_BYTES: u64 = 380;
/// Each finding a task's letters foretell (no Accountable or more than one; no Responsible),
/// held as a message, a table row and in every report, with the findings that come with it
/// (an unowned task is often unclassified too). Measured: 80,000 tasks x 10 parties with two
/// R and no A each peak at 331 MB, 70,000 such tasks at 311 MB: the peak grows by steps as
/// vectors double, so the figure is set for 1.10 times the peak at both sizes.
const FORETOLD_FINDING_BYTES: u64 = 2_900;
/// What any run holds whatever the matrix: the charts' pixels (pages are capped), the font,
/// the report writers' buffers. Measured: a 5,000 x 10 matrix with one A and one R a task
/// peaks at 58 MB.
const FIXED_BYTES: u64 = 102 * 1024 * 1024;
/// Copies of a task's or party's own name in the reports. Measured with 1,000- and 5,000-byte
/// task names (20,000 and 5,000 tasks: 389 and 209 MB).
const NAME_COPIES: u64 = 3;

impl Matrix {
    /// The bytes the classification, audit and reports of this matrix will take, estimated
    /// high from its tasks, parties, letters, the findings its letters foretell and the length
    /// of their names.
    pub fn estimated_run_bytes(&self) -> u64 {
        let name_len = |p: usize| self.parties.get(p).map_or(0, |p| p.name.len() as u64);
        let titled = |p: usize| self.parties.get(p).is_some_and(|p| p.title_side.is_some());
        let mut total: u64 = FIXED_BYTES;
        for task in &self.tasks {
            let task_len = task.name.len() as u64
                + task.group.as_ref().map_or(0, |g| g.len() as u64)
                + task.context.as_ref().map_or(0, |c| c.len() as u64);
            let holders = |l: Letter| {
                task.assignments
                    .iter()
                    .filter(|a| a.letters.contains(l))
                    .count()
            };
            let foretold = u64::from(holders(Letter::A) != 1) + u64::from(holders(Letter::R) == 0);
            total = total.saturating_add(
                ROW_BYTES + NAME_COPIES * task_len + FORETOLD_FINDING_BYTES * foretold,
            );
            for a in &task.assignments {
                let mut cell = CELL_BYTES + PARTY_NAME_COPIES * name_len(a.party);
                if titled(a.party) {
                    cell += TASK_NAME_COPIES * task_len;
                }
                total = total.saturating_add(cell);
            }
        }
        for party in &self.parties {
            let len = party.name.len() as u64 + party.title.as_ref().map_or(0, |t| t.len() as u64);
            total = total.saturating_add(ROW_BYTES + NAME_COPIES * len);
        }
        for issue in &self.issues {
            let task = issue
                .task
                .and_then(|t| self.tasks.get(t))
                .map_or(0, |t| t.name.len() as u64);
            let party = issue.party.map_or(0, name_len);
            let names = issue.raw.len() as u64 + task + party;
            total = total.saturating_add(ROW_BYTES + TASK_NAME_COPIES * names);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Assignment, LetterSet, Party, Pos, Task};
    use super::*;

    fn matrix(tasks: usize, parties: usize, name_len: usize) -> Matrix {
        let name = "x".repeat(name_len);
        Matrix {
            parties: (0..parties)
                .map(|p| Party {
                    name: format!("{name}{p}"),
                    title: None,
                    title_side: None,
                    pos: Pos::new(0, p as u32 + 1),
                })
                .collect(),
            tasks: (0..tasks)
                .map(|t| Task {
                    name: format!("{name}{t}"),
                    group: None,
                    context: None,
                    pos: Pos::new(t as u32 + 1, 0),
                    side_override: None,
                    assignments: (0..parties)
                        .map(|p| Assignment {
                            party: p,
                            letters: LetterSet::default(),
                            pos: Pos::new(t as u32 + 1, p as u32 + 1),
                        })
                        .collect(),
                })
                .collect(),
            ..Matrix::default()
        }
    }

    #[test]
    fn grows_with_names_listed_per_cell() {
        let short = matrix(100, 100, 10).estimated_run_bytes();
        let long = matrix(100, 100, 800).estimated_run_bytes();
        // 10,000 cells: about 4 MB with short names (each of the 100 tasks, without letters,
        // foretells two findings); each cell repeats an 800-byte name.
        assert!(short < FIXED_BYTES + 5_000_000, "{short}");
        assert!(long > 10_000 * 800 * PARTY_NAME_COPIES, "{long}");
        // Linear in the cells.
        let double = matrix(200, 100, 10).estimated_run_bytes() - FIXED_BYTES;
        assert!(double < (short - FIXED_BYTES) * 21 / 10, "{short} {double}");
    }

    #[test]
    fn findings_the_letters_foretell_are_counted() {
        let mut owned = matrix(100, 10, 10);
        let bare = owned.estimated_run_bytes();
        for task in &mut owned.tasks {
            task.assignments[0].letters = LetterSet::of(&[Letter::A, Letter::R]);
        }
        // One Accountable and one Responsible a task: two foretold findings fewer each.
        assert_eq!(
            bare - owned.estimated_run_bytes(),
            100 * 2 * FORETOLD_FINDING_BYTES
        );
    }
}
