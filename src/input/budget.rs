//! The memory budget of a read (`--max-memory-mb`): what a file will cost once it is expanded,
//! charged as it expands, before the memory is taken.
//!
//! A cell cap alone does not bound memory: one ODS cell element repeated 2,200 x 2,200 times
//! stays under five million cells and still costs a gigabyte, because calamine stores ODS and
//! XLS sheets densely and every later stage (layout, audit, reports) costs about 200 bytes per
//! non-empty cell. So each read keeps three sums, in bytes, and stops as soon as
//! `max(run, held + transient)` passes the limit:
//!
//! - `held`: the cells as the sheets store them ([`HELD_CELL_BYTES`] plus the text);
//! - `run`: what the cells will cost up to the end of the layout ([`RUN_CELL_BYTES`] plus
//!   twice the text, and [`DISTINCT_TEXT_BYTES`] for each text not seen before: the layout
//!   keeps its work per distinct text, and a long-form file of 80,000 parties costs it a
//!   kilobyte a cell), measured with `benches/hostile.rs`; what the audit and reports cost
//!   is estimated from the matrix once the layout has found it (`model::footprint`);
//! - `transient`: what exists only while reading: the file's bytes, a workbook's shared
//!   strings, and calamine's dense grid of the sheet being read.
//!
//! The figures are estimates calibrated from measurements, not an allocator count: they are
//! meant to err high, so that no input under the limit comes near twice its budget.

use super::{Limits, FLAG_MEMORY};
use crate::{Error, Result};

/// One non-empty cell as a sheet stores it (`GridCell`: position, value, the text's
/// allocation), without its text.
pub(crate) const HELD_CELL_BYTES: u64 = 64;

/// One non-empty cell up to the end of the layout, without its text: the sheet's cell, the
/// layout's grid cell and column entry. Measured: 2.25 million letters in a 1,500 x 1,500 CSV
/// reach 154 bytes a cell by the end of the layout.
pub(crate) const RUN_CELL_BYTES: u64 = 200;

/// Each distinct text the layout meets: its memo entries, and the party or task it may
/// become. Measured: 80,000 parties in long form reach 2,800 bytes each by the end of the
/// layout (a party is a row of three cells there).
pub(crate) const DISTINCT_TEXT_BYTES: u64 = 2_500;

/// One cell of the dense grid calamine builds for an ODS sheet: a `Data` value and a formula
/// `String` per cell, first row by row (growing by doubling) and then again in the bounding
/// box.
pub(crate) const DENSE_RAW_CELL_BYTES: u64 = 84;
pub(crate) const DENSE_BOX_CELL_BYTES: u64 = 56;

/// An entry of a workbook's shared-string table as calamine holds it (a `String`).
pub(crate) const SHARED_STRING_BYTES: u64 = 24;

const MB: u64 = 1024 * 1024;

/// The running estimate of one read.
#[derive(Debug)]
pub(crate) struct Budget {
    file: String,
    limit: u64,
    figures: Figures,
    /// Hashes of the texts charged so far, to charge each distinct one once. Its own size is
    /// bounded by the charge: 2,500 bytes an entry reach any budget long before the set does.
    seen: std::collections::HashSet<u64>,
    /// Short texts already in `seen`, one a slot by their first byte: a matrix repeats a few
    /// letters in most of its cells, and hashing each of them was a tenth of reading it.
    recent: [Short; 32],
}

/// A text of up to 8 bytes, as its length and bytes (zero length: none).
type Short = (u8, [u8; 8]);

/// `text` as a [`Short`], if it is short enough.
fn short(text: &str) -> Option<Short> {
    let bytes = text.as_bytes();
    let mut out = [0u8; 8];
    out.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some((bytes.len() as u8, out))
}

/// The three sums of the estimate, in bytes; a copy is how a guard tries a figure it does not
/// keep.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    held: u64,
    run: u64,
    transient: u64,
}

impl Figures {
    /// The estimate, in bytes.
    fn needed(self) -> u64 {
        self.run.max(self.held.saturating_add(self.transient))
    }

    /// Adds `cells` non-empty cells holding `text` bytes between them.
    fn add_cells(&mut self, cells: u64, text: u64) {
        self.held = self
            .held
            .saturating_add(HELD_CELL_BYTES.saturating_mul(cells).saturating_add(text));
        self.run = self.run.saturating_add(
            RUN_CELL_BYTES
                .saturating_mul(cells)
                .saturating_add(text.saturating_mul(2)),
        );
    }
}

impl Budget {
    pub(crate) fn new(file: &str, limits: &Limits) -> Budget {
        Budget {
            file: file.to_string(),
            limit: limits.max_memory_bytes,
            figures: Figures::default(),
            seen: std::collections::HashSet::new(),
            recent: [(0, [0; 8]); 32],
        }
    }

    fn check(&self, figures: Figures, what: &'static str) -> Result<()> {
        let needed = figures.needed();
        if needed > self.limit {
            return Err(over_budget(&self.file, what, needed, self.limit));
        }
        Ok(())
    }

    /// One non-empty cell holding `text` (empty for a number or a truth value), charged
    /// before it is stored.
    pub(crate) fn cell(&mut self, text: &str) -> Result<()> {
        if !text.is_empty() {
            let short = short(text);
            let slot = usize::from(text.as_bytes()[0]) % self.recent.len();
            if short.is_none_or(|s| self.recent[slot] != s) {
                use std::hash::{Hash, Hasher};
                // The default keys: the same hashes on every run.
                let mut hasher = std::hash::DefaultHasher::new();
                text.hash(&mut hasher);
                if self.seen.insert(hasher.finish()) {
                    self.figures.run = self.figures.run.saturating_add(DISTINCT_TEXT_BYTES);
                }
                if let Some(s) = short {
                    self.recent[slot] = s;
                }
            }
        }
        self.cells(1, text.len() as u64, WHAT_CELLS)
    }

    /// [`Budget::cell`] for a text this read has charged before (the text cache met it):
    /// the same figures, without looking the text up again.
    pub(crate) fn repeated_cell(&mut self, text: &str) -> Result<()> {
        self.cells(1, text.len() as u64, WHAT_CELLS)
    }

    /// `cells` non-empty cells holding `text` bytes between them, charged at once.
    pub(crate) fn cells(&mut self, cells: u64, text: u64, what: &'static str) -> Result<()> {
        self.figures.add_cells(cells, text);
        self.check(self.figures, what)
    }

    /// Tries `cells` non-empty cells holding `text` bytes, and then `extra` transient bytes
    /// beside them, without keeping either (a guard that measured a sheet before it is read:
    /// its cells are charged as they are stored).
    pub(crate) fn fits_cells_with(
        &self,
        cells: u64,
        text: u64,
        extra: u64,
        what: &'static str,
    ) -> Result<()> {
        let mut trial = self.figures;
        trial.add_cells(cells, text);
        self.check(trial, what)?;
        trial.transient = trial.transient.saturating_add(extra);
        self.check(trial, what)
    }

    /// Memory held only while the file is read (its bytes, shared strings, a dense grid);
    /// replaces the previous transient figure.
    pub(crate) fn transient(&mut self, bytes: u64, what: &'static str) -> Result<()> {
        self.figures.transient = bytes;
        self.check(self.figures, what)
    }

    /// Adds to the transient figure.
    pub(crate) fn add_transient(&mut self, bytes: u64, what: &'static str) -> Result<()> {
        self.figures.transient = self.figures.transient.saturating_add(bytes);
        self.check(self.figures, what)
    }

    /// Checks a figure `extra` on top of the estimate so far, without keeping it.
    pub(crate) fn fits_with(&self, extra: u64, what: &'static str) -> Result<()> {
        let mut trial = self.figures;
        trial.transient = trial.transient.saturating_add(extra);
        self.check(trial, what)
    }
}

pub(crate) const WHAT_CELLS: &str =
    "the memory needed to audit its cells (MB, estimated from the cells and their text)";

/// The refusal, in whole megabytes rounded up, so a file just over the limit never reads as
/// "512, over the limit of 512" when it is 512.3.
pub fn over_budget(file: &str, what: &'static str, needed: u64, limit: u64) -> Error {
    Error::TooLarge {
        file: file.to_string(),
        what,
        actual: needed.div_ceil(MB),
        limit: limit / MB,
        flag: FLAG_MEMORY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(mb: u64) -> Budget {
        Budget::new(
            "t.csv",
            &Limits {
                max_memory_bytes: mb * MB,
                ..Limits::default()
            },
        )
    }

    #[test]
    fn cells_are_charged_until_the_limit() {
        let mut b = budget(1);
        // 1 MiB at 200 bytes a cell, and one distinct text: 5,229 one-letter cells fit, the
        // next does not.
        let fits = ((MB - DISTINCT_TEXT_BYTES) / (RUN_CELL_BYTES + 2)) as usize;
        for _ in 0..fits {
            b.cell("R").unwrap();
        }
        let err = b.cell("R").unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    flag: "--max-memory-mb",
                    actual: 2,
                    limit: 1,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn each_distinct_text_is_charged_once() {
        let mut b = budget(1);
        b.cell("R").unwrap();
        b.cell("R").unwrap();
        b.cell("").unwrap();
        assert_eq!(b.figures.run, 3 * RUN_CELL_BYTES + 4 + DISTINCT_TEXT_BYTES);
        b.cell("A").unwrap();
        assert_eq!(
            b.figures.run,
            4 * RUN_CELL_BYTES + 6 + 2 * DISTINCT_TEXT_BYTES
        );
        // Texts that share a first byte take each other's place among the recent ones, and
        // long ones are never there: each is still charged once.
        let texts = ["Rx", "R", "Rx", "a text longer than eight bytes", "R"];
        let before = b.figures.run;
        for t in texts.iter().chain(&texts) {
            b.cell(t).unwrap();
        }
        let text: u64 = texts.iter().map(|t| t.len() as u64).sum();
        assert_eq!(
            b.figures.run - before,
            10 * RUN_CELL_BYTES + 4 * text + 2 * DISTINCT_TEXT_BYTES
        );
    }

    #[test]
    fn transient_memory_counts_beside_the_cells_held() {
        let mut b = budget(1);
        b.transient(MB / 2, WHAT_CELLS).unwrap();
        b.cells(1000, 0, WHAT_CELLS).unwrap();
        assert_eq!(b.figures.needed(), MB / 2 + 1000 * HELD_CELL_BYTES);
        assert!(b.fits_with(MB / 4, WHAT_CELLS).is_ok());
        assert!(b.fits_with(MB, WHAT_CELLS).is_err());
        assert!(b.add_transient(MB, WHAT_CELLS).is_err());
    }
}
