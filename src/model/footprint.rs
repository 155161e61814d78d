//! What a matrix will cost the rest of the run, estimated before the audit starts: the memory
//! half of `--max-memory-mb` that only the matrix can tell (the reading half is
//! `input::budget`).
//!
//! Past the layout, memory goes where names are repeated: `tasks.csv` and the report tables
//! list every party holding each letter of each task; rules that list the holders of a task
//! (too many R, C or I; two Accountables; PO and PM both owning) repeat those names in their
//! messages; and a finding about one cell names its task and party. A 600 x 600 matrix with
//! 800-character names is 3 MB of names, but 288 MB of them listed per cell, held three or
//! four times over: 850 MB. The figures below are measured on such matrices and err high.

use super::Matrix;

/// One letter cell over the rest of the run, without names: assignment, report rows, JSON,
/// the workbook's cell.
const CELL_BYTES: u64 = 200;
/// Copies of a party's name per letter it holds: the task's letter lists in `tasks.csv`, the
/// report tables and the workbook, and a rule's message listing a task's holders.
const PARTY_NAME_COPIES: u64 = 4;
/// Copies of a task's name per cell that may get a finding of its own (the cells of parties
/// whose title puts them on a side, and unreadable cells): message, table, CSV.
const TASK_NAME_COPIES: u64 = 3;
/// A task or party beyond its cells: its rows in every report, and its findings (a task
/// without A, R or side has three, each held as a message, a table row and in every report).
/// Measured: 80,000 tasks of two findings each peak at 4,500 bytes a task.
const ROW_BYTES: u64 = 4_000;
/// What any run holds whatever the matrix: the charts' pixels (pages are capped), the font,
/// the report writers' buffers.
const FIXED_BYTES: u64 = 96 * 1024 * 1024;
/// Copies of a task's or party's own name in the reports.
const NAME_COPIES: u64 = 8;

impl Matrix {
    /// The bytes the classification, audit and reports of this matrix will take, estimated
    /// high from its tasks, parties, letters and the length of their names.
    pub fn estimated_run_bytes(&self) -> u64 {
        let name_len = |p: usize| self.parties.get(p).map_or(0, |p| p.name.len() as u64);
        let titled = |p: usize| self.parties.get(p).is_some_and(|p| p.title_side.is_some());
        let mut total: u64 = FIXED_BYTES;
        for task in &self.tasks {
            let task_len = task.name.len() as u64
                + task.group.as_ref().map_or(0, |g| g.len() as u64)
                + task.context.as_ref().map_or(0, |c| c.len() as u64);
            total = total.saturating_add(ROW_BYTES + NAME_COPIES * task_len);
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
        // 10,000 cells: about 2 MB with short names; each cell repeats an 800-byte name.
        assert!(short < FIXED_BYTES + 4_000_000, "{short}");
        assert!(long > 10_000 * 800 * PARTY_NAME_COPIES, "{long}");
        // Linear in the cells.
        let double = matrix(200, 100, 10).estimated_run_bytes() - FIXED_BYTES;
        assert!(double < (short - FIXED_BYTES) * 21 / 10, "{short} {double}");
    }
}
