//! The Proposed sheet of `report.xlsx`: the matrix with every suggested fix applied
//! ([`crate::suggest::apply`], of which it keeps only the tasks whose letters change), laid out as the Matrix sheet, each changed cell in the changed
//! style with a note giving the reasons of the suggestions that changed it. Without a change
//! to show, the sheet holds one sentence saying why, so a reader who looks for it finds it.

use super::{Marks, MatrixView, NoteAt, FIXED_COLUMNS, MAX_NOTE_CHARS};
use crate::model::{letters_in, Assignment, Matrix, Task};
use crate::outcome::Outcome;
use crate::suggest::Suggestion;
use rust_xlsxwriter::{Worksheet, XlsxError};
use std::collections::BTreeMap;

/// The sheet's name.
pub(super) const NAME: &str = "Proposed";

/// The proposed matrix and its changed cells, worked out before any cell is written.
pub(super) struct Proposal {
    /// The letters of the tasks the suggestions change, by task; the rest are the matrix's.
    letters: BTreeMap<usize, Vec<Assignment>>,
    /// The changed cells (sheet row, sheet column), sorted.
    changed: Vec<(u32, u16)>,
    /// No problem cells (the findings are the audited matrix's); the notes of the changed
    /// cells, and the legend on A1.
    marks: Marks,
}

/// The letters task `t` holds once the suggestions are taken: its changed letters, else its
/// own. The Proposed sheet's cells and its changed-cell check both read them here.
pub(super) fn proposed_assignments<'a>(
    changed: &'a BTreeMap<usize, Vec<Assignment>>,
    t: usize,
    task: &'a Task,
) -> &'a [Assignment] {
    changed.get(&t).map_or(&task.assignments[..], |a| &a[..])
}

impl Proposal {
    /// The proposal of `o`'s suggestions; `None` when they change no cell.
    pub(super) fn new(o: &Outcome, max_notes: usize) -> Option<Proposal> {
        let changed_letters = crate::suggest::changed_letters(o.matrix, o.suggestions);
        // Every suggestion that touched a cell, in the order they apply; a cell a later
        // suggestion set back to what it held is not changed, and shows as on the Matrix sheet.
        let mut touched: BTreeMap<(u32, u16), Vec<&Suggestion>> = BTreeMap::new();
        for s in o.suggestions {
            // A change outside the matrix (suggestions of another matrix) has no cell.
            let inside = |c: &&crate::suggest::CellChange| {
                c.task < o.matrix.tasks.len() && c.party < o.matrix.parties.len()
            };
            for c in s.changes.iter().filter(inside) {
                let Some(at) = super::sheet_cell(c.task as u32 + 1, Some(c.party)) else {
                    continue;
                };
                let list = touched.entry(at).or_default();
                if !list.iter().any(|x| std::ptr::eq(*x, s)) {
                    list.push(s);
                }
            }
        }
        touched.retain(|&(row, col), _| {
            let (t, p) = (row as usize - 1, usize::from(col - FIXED_COLUMNS));
            o.matrix.tasks.get(t).is_some_and(|task| {
                task.letters_of(p) != letters_in(proposed_assignments(&changed_letters, t, task), p)
            })
        });
        if touched.is_empty() {
            return None;
        }
        let changed: Vec<(u32, u16)> = touched.keys().copied().collect();
        let noted = changed.len().min(max_notes);
        let reasons = if noted == changed.len() {
            "each with a note giving the reason".to_string()
        } else {
            format!("the first {noted} with a note giving the reason (suggestions.csv has all)")
        };
        let legend = format!(
            "The matrix with every suggested fix applied, in the order of suggestions.csv: {} \
             {} changed, in pale green with a green border, {reasons}. The sides are those of \
             the audited matrix, and its findings are on the Matrix sheet.",
            changed.len(),
            if changed.len() == 1 { "cell" } else { "cells" },
        );
        let mut notes = vec![NoteAt {
            row: 0,
            col: 0,
            text: legend,
            height: 110,
        }];
        for (&(row, col), list) in touched.iter().take(max_notes) {
            let text: Vec<String> = list
                .iter()
                .map(|s| format!("{}: {}", s.code, s.reason))
                .collect();
            notes.push(NoteAt {
                row,
                col,
                text: text.join("\n").chars().take(MAX_NOTE_CHARS).collect(),
                height: 40 + 70 * list.len().min(6) as u32,
            });
        }
        Some(Proposal {
            letters: changed_letters,
            changed,
            marks: Marks {
                cells: Vec::new(),
                notes,
            },
        })
    }

    /// The sheet as the Matrix sheet writes it, over the audited matrix `m`.
    pub(super) fn view<'a>(&'a self, m: &'a Matrix) -> MatrixView<'a> {
        MatrixView {
            name: NAME,
            matrix: m,
            letters: Some(&self.letters),
            marks: &self.marks,
            changed: &self.changed,
        }
    }
}

/// What the Proposed sheet says when no suggestion changes a cell.
pub(super) fn nothing_to_change(o: &Outcome) -> String {
    if o.suggestions.is_empty() {
        "No suggested fixes: no finding of this audit is one a change of letters can fix, so \
         the proposed matrix is the Matrix sheet as it is."
            .to_string()
    } else {
        format!(
            "No suggested fix changes a cell: for the {} {} a change of letters could fix, \
             nobody fits (summary.md and suggestions.csv give each reason), so the proposed \
             matrix is the Matrix sheet as it is.",
            o.suggestions.len(),
            if o.suggestions.len() == 1 {
                "finding"
            } else {
                "findings"
            }
        )
    }
}

/// The Proposed sheet without changes: [`nothing_to_change`] in A1.
pub(super) fn empty_sheet(ws: &mut Worksheet, o: &Outcome) -> Result<(), XlsxError> {
    ws.set_name(NAME)?;
    ws.set_column_width(0, 120)?;
    ws.write_string(0, 0, nothing_to_change(o))?;
    Ok(())
}
