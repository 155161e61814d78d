//! Finding the matrix in a sheet: header rows, the task column, party columns, group rows,
//! legends, and the letter scheme. Turns a [`Workbook`](crate::input::Workbook) into a
//! [`Matrix`](crate::model::Matrix), explaining each decision in `Matrix::notes`.

use crate::model::{SchemeName, TitleSide};
use serde::Serialize;

/// Which sheet to read: by name or 1-based number. `None` in [`LayoutOptions`] picks the
/// sheet that holds the best matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SheetChoice {
    Name(String),
    Number(usize),
}

/// What `PM` alone means in a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PmMeans {
    Product,
    Project,
}

/// A party title given outside the matrix (`--roster`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    pub party: String,
    pub title: String,
}

/// Everything layout detection may be told by the user.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LayoutOptions {
    pub sheet: Option<SheetChoice>,
    /// Forces a scheme; otherwise it comes from a legend or the letters present.
    pub scheme: Option<SchemeName>,
    pub roster: Vec<RosterEntry>,
    pub pm_means: Option<PmMeans>,
    /// Extra title spellings from `raci.toml`: text -> side.
    pub title_aliases: Vec<(String, TitleSide)>,
}
