//! Letters the user corrected (`[[cells]]` in `raci.toml`, or a suggestion accepted in
//! `raci serve`): applied to the matrix right after it is read, so every later stage sees the
//! corrected letters, and each one is named in the reading notes.

use crate::model::{parse_cell, Assignment, CellParse, LetterSet, Matrix, Pos, Shape};
use crate::{Error, Result};
use serde::Serialize;

/// One corrected cell: `party`'s letters on `task`, by name as the file writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellEdit {
    /// Only for the file of this name (any case); every file when `None`.
    pub file: Option<String>,
    /// The task name (exact, any case, surrounding spaces ignored); the first task of that
    /// name is changed.
    pub task: String,
    /// The party's header as the file writes it (any case, surrounding spaces ignored).
    pub party: String,
    /// The letters as a cell would hold them (`R/A`); empty for none.
    pub letters: String,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Makes every edit meant for this file, in order. An edit that names no task or party of the
/// matrix, or letters the matrix's scheme does not know, is an error: a correction that no
/// longer fits the file must not be dropped silently.
pub fn apply(m: &mut Matrix, edits: &[CellEdit]) -> Result<()> {
    let mut done = Vec::new();
    for e in edits {
        if e.file.as_deref().is_some_and(|f| !same(f, &m.source.file)) {
            continue;
        }
        let bad = |reason: &'static str| Error::CellEdit {
            file: m.source.file.clone(),
            task: e.task.clone(),
            party: e.party.clone(),
            letters: e.letters.clone(),
            reason,
        };
        let task = m
            .tasks
            .iter()
            .position(|t| same(&t.name, &e.task))
            .ok_or_else(|| bad("the matrix has no task of that name"))?;
        let party = m
            .parties
            .iter()
            .position(|p| same(&p.name, &e.party))
            .ok_or_else(|| bad("the matrix has no party of that name"))?;
        let to = match parse_cell(&e.letters, &m.scheme) {
            CellParse::Empty => LetterSet::EMPTY,
            CellParse::Letters(l) => l,
            CellParse::Unknown { .. } => {
                return Err(bad("those letters are not letters of the matrix's scheme"))
            }
        };
        let (shape, party_pos) = (m.shape, m.parties[party].pos);
        let t = &mut m.tasks[task];
        let from = t.letters_of(party);
        match t.assignments.iter().position(|a| a.party == party) {
            Some(i) if to.is_empty() => {
                t.assignments.remove(i);
            }
            Some(i) => t.assignments[i].letters = to,
            None if to.is_empty() => {}
            None => {
                let at = t
                    .assignments
                    .iter()
                    .position(|a| a.party > party)
                    .unwrap_or(t.assignments.len());
                let pos = new_cell(shape, t.pos, party_pos);
                t.assignments.insert(
                    at,
                    Assignment {
                        party,
                        letters: to,
                        pos,
                    },
                );
            }
        }
        let show = |l: LetterSet| {
            if l.is_empty() {
                "none".to_string()
            } else {
                l.to_string()
            }
        };
        done.push(format!(
            "{:?} / {:?}: {} -> {}",
            m.tasks[task].name,
            m.parties[party].name,
            show(from),
            show(to)
        ));
    }
    if !done.is_empty() {
        m.notes.push(format!(
            "Changed {} cell{} as raci.toml [[cells]] says: {}.",
            done.len(),
            if done.len() == 1 { "" } else { "s" },
            done.join("; ")
        ));
    }
    Ok(())
}

/// Where a party's new letters on a task stand: the crossing of the task's row and the
/// party's column in a wide matrix (column and row in a transposed one); in a long or
/// inverted table, which has no such cell, the task's own cell.
fn new_cell(shape: Shape, task: Pos, party: Pos) -> Pos {
    match shape {
        Shape::Wide => Pos::new(task.row, party.col),
        Shape::Transposed => Pos::new(party.row, task.col),
        Shape::Long | Shape::Inverted => task,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testutil::csv;

    fn edit(task: &str, party: &str, letters: &str) -> CellEdit {
        CellEdit {
            file: None,
            task: task.into(),
            party: party.into(),
            letters: letters.into(),
        }
    }

    #[test]
    fn edits_set_add_and_clear_letters_and_say_so() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "A", "R"],
            &["Ship", "R", ""],
        ]);
        let mut m = crate::layout::detect(&wb, &Default::default()).unwrap();
        apply(
            &mut m,
            &[
                edit("plan", "ann", "R/A"),
                edit("Ship", "Bob", "A"),
                edit("Plan", "Bob", ""),
            ],
        )
        .unwrap();
        assert_eq!(m.tasks[0].letters_of(0).to_string(), "R/A");
        assert!(m.tasks[0].letters_of(1).is_empty());
        assert_eq!(m.tasks[1].letters_of(1).to_string(), "A");
        assert_eq!(m.tasks[1].assignments[1].pos, Pos::new(2, 2));
        let note = m.notes.last().unwrap();
        assert!(note.contains("Changed 3 cells"), "{note}");
        assert!(note.contains("\"Ship\" / \"Bob\": none -> A"), "{note}");
    }

    #[test]
    fn edits_that_do_not_fit_are_errors_and_other_files_are_left_alone() {
        let wb = csv(&[&["Task", "Ann", "Bob"], &["Plan", "A", "R"]]);
        let m = crate::layout::detect(&wb, &Default::default()).unwrap();
        for (e, why) in [
            (edit("Nope", "Ann", "A"), "no task"),
            (edit("Plan", "Zed", "A"), "no party"),
            (edit("Plan", "Ann", "Q"), "not letters"),
        ] {
            let err = apply(&mut m.clone(), &[e]).unwrap_err().to_string();
            assert!(err.contains(why), "{err}");
        }
        let mut other = m.clone();
        let mut e = edit("Nope", "Ann", "A");
        e.file = Some("other.csv".into());
        apply(&mut other, &[e]).unwrap();
        assert_eq!(other, m);
    }
}
