//! The matrix as the audit sees it: tasks, parties, the letters each party holds on each task,
//! and the cells that could not be understood, each with the position it came from.
//!
//! Everything here is plain data. `layout` builds a [`Matrix`]; `classify`, `audit`, `report`
//! and `chart` only read it.

mod footprint;
mod letters;
mod names;

pub use letters::{
    is_involvement_mark, is_token_separator, parse_cell, CellParse, Letter, LetterSet, Scheme,
    SchemeLetter, SchemeName,
};
pub(crate) use names::{clean_cow, clean_name, TITLE_SEPARATORS};
pub use names::{party_label, person_part, short_name};

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;

/// Deserializes a value from its text through its `FromStr`, so `raci.toml`, a taxonomy file
/// and the command line accept the same spellings and the parse error (which says what is
/// expected) reaches the user with the file's line. serde's derived enum reader would accept
/// only the exact variant names, where these readers take any case and a few aliases.
pub fn deserialize_parsed<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    let text = String::deserialize(deserializer)?;
    text.parse().map_err(serde::de::Error::custom)
}

/// Reads `text` (any case, spaces around) as one of a `clap::ValueEnum`'s values, so that
/// the command line, `raci.toml` and the serve form take the same names from the one table
/// the derive writes. The error says `what` was expected and lists the values.
pub fn parse_value<T: clap::ValueEnum>(text: &str, what: &str) -> Result<T, String> {
    let text = text.trim();
    T::from_str(text, true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(T::to_possible_value)
            .map(|v| v.get_name().to_string())
            .collect();
        let list = match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        format!("{text:?} is not {what}; use {list}")
    })
}

/// A 0-based, absolute cell position in a sheet (row 0 is the spreadsheet's row 1).
///
/// Kept 0-based inside the program; [`Source::cell_ref`] turns it into the 1-based
/// `team.xlsx[RACI]!D7` form users see, so the conversion lives in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Pos {
    pub row: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(row: u32, col: u32) -> Self {
        Pos { row, col }
    }
}

/// Spreadsheet column letters for a 0-based column index: 0 -> `A`, 26 -> `AA`.
pub fn column_name(col: u32) -> String {
    let mut out = String::with_capacity(4);
    push_column_name(&mut out, col);
    out
}

/// Appends [`column_name`] to `out`, without a string of its own (reports write hundreds of
/// thousands of cell references on a big matrix).
pub fn push_column_name(out: &mut String, col: u32) {
    let mut letters = [0u8; 8];
    let mut i = letters.len();
    let mut n = col as u64 + 1;
    while n > 0 {
        i -= 1;
        letters[i] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    out.extend(letters[i..].iter().map(|&b| char::from(b)));
}

/// Where a matrix came from: the file name as the user gave it (no directories, so reports
/// carry no absolute paths) and the sheet, for workbooks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Source {
    pub file: String,
    pub sheet: Option<String>,
}

impl Source {
    /// `team.xlsx[RACI]!D7` for workbooks, `team.csv!D7` for text files.
    ///
    /// One allocation each: the JSON, CSV and XLSX reports write one per task and letter.
    pub fn cell_ref(&self, pos: Pos) -> String {
        let sheet = self.sheet.as_ref().map_or(0, |s| s.len() + 2);
        let mut out = String::with_capacity(self.file.len() + sheet + 16);
        out.push_str(&self.file);
        if let Some(sheet) = &self.sheet {
            out.push('[');
            out.push_str(sheet);
            out.push(']');
        }
        out.push('!');
        push_column_name(&mut out, pos.col);
        use std::fmt::Write;
        let _ = write!(out, "{}", pos.row as u64 + 1);
        out
    }
}

/// The side a task belongs to, or that a party's title points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Side {
    #[serde(rename = "PO")]
    Po,
    #[serde(rename = "PM")]
    Pm,
    #[serde(rename = "shared")]
    Shared,
    #[serde(rename = "unclassified")]
    Unclassified,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Po, Side::Pm, Side::Shared, Side::Unclassified];

    /// The exact spelling used in every report.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Po => "PO",
            Side::Pm => "PM",
            Side::Shared => "shared",
            Side::Unclassified => "unclassified",
        }
    }

    /// Reads `PO`, `PM`, `shared` in any case (and the long names), as a `side` column or a
    /// pin in `raci.toml` writes them.
    pub fn parse(text: &str) -> Option<Side> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "po" | "product owner" | "product-owner" => Some(Side::Po),
            "pm" | "product manager" | "product-manager" => Some(Side::Pm),
            "shared" | "both" => Some(Side::Shared),
            "unclassified" | "none" => Some(Side::Unclassified),
            _ => None,
        }
    }
}

impl FromStr for Side {
    type Err = String;

    fn from_str(text: &str) -> Result<Side, String> {
        Side::parse(text).ok_or_else(|| {
            format!("{text:?} is not a side; use \"PO\", \"PM\", \"shared\" or \"none\"")
        })
    }
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_parsed(deserializer)
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a party's title says about its side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TitleSide {
    /// A Product Owner.
    #[serde(rename = "PO")]
    Po,
    /// A Product Manager.
    #[serde(rename = "PM")]
    Pm,
    /// `PM` alone: product or project manager? Not counted on either side until settled.
    #[serde(rename = "ambiguous")]
    Ambiguous,
}

impl TitleSide {
    pub fn as_str(self) -> &'static str {
        match self {
            TitleSide::Po => "PO",
            TitleSide::Pm => "PM",
            TitleSide::Ambiguous => "ambiguous",
        }
    }

    /// The task side this title owns, if it is settled.
    pub fn side(self) -> Option<Side> {
        match self {
            TitleSide::Po => Some(Side::Po),
            TitleSide::Pm => Some(Side::Pm),
            TitleSide::Ambiguous => None,
        }
    }
}

/// One column of the matrix: a person, a role or a team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    /// The header as written, trimmed (`Maria Lopez (Product Owner)`).
    pub name: String,
    /// The title found in the header, a title row or a roster (`Product Owner`).
    pub title: Option<String>,
    /// What the title means for the audit.
    pub title_side: Option<TitleSide>,
    /// Where the header stands.
    pub pos: Pos,
}

/// One party's letters on one task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Assignment {
    /// Index into [`Matrix::parties`].
    pub party: usize,
    pub letters: LetterSet,
    /// The cell the letters came from.
    pub pos: Pos,
}

/// One row of the matrix: a task (activity, deliverable, decision).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// The task name, trimmed, inner newlines folded to spaces.
    pub name: String,
    /// The phase or group row above it, if any.
    pub group: Option<String>,
    /// Text from columns that stand beside the task name and describe it (a deliverable
    /// next to an activity): kept, but not part of the name the classifier reads.
    pub context: Option<String>,
    /// Where the task name stands.
    pub pos: Pos,
    /// A side given in the matrix itself (a `side` column); it wins over the classifier.
    pub side_override: Option<Side>,
    /// Letters held on this task, in party order, one entry per party with letters (as the
    /// layout builds it; [`Task::letters_of`] merges two should a matrix built otherwise have
    /// them).
    pub assignments: Vec<Assignment>,
}

impl Task {
    /// The parties holding `letter` on this task, in party order.
    pub fn parties_with(&self, letter: Letter) -> impl Iterator<Item = usize> + '_ {
        self.assignments
            .iter()
            .filter(move |a| a.letters.contains(letter))
            .map(|a| a.party)
    }

    /// How many parties hold `letter` on this task.
    pub fn count(&self, letter: Letter) -> usize {
        self.parties_with(letter).count()
    }

    /// The letters `party` holds on this task (empty when none). The layout gives a party one
    /// cell per task, but a matrix built otherwise may give it two: their letters are merged,
    /// as the audit counts them, so no letter is lost from what a report shows.
    pub fn letters_of(&self, party: usize) -> LetterSet {
        letters_in(&self.assignments, party)
    }
}

/// All the letters `party` holds in `assignments` (a task's, or a proposed set of them).
pub fn letters_in(assignments: &[Assignment], party: usize) -> LetterSet {
    assignments
        .iter()
        .filter(|a| a.party == party)
        .fold(LetterSet::EMPTY, |l, a| l.union(a.letters))
}

/// Why a non-empty cell inside the matrix was not taken as letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellProblem {
    /// Text that is not a letter set of the scheme (`x`, `yes`, `Q`, `R?`).
    UnknownLetter,
    /// A spreadsheet error value (`#NAME?`, `#VALUE!`).
    ErrorValue,
    /// A number, date or boolean where letters belong.
    NotText,
    /// Letters under a party column whose header is blank.
    BlankPartyHeader,
    /// Letters on a row (or column) whose task name is a spreadsheet error value: there is
    /// no task to count them for.
    NoTask,
}

/// A non-empty cell that the layout could not turn into an assignment. Never dropped: the audit
/// turns each into a finding with its cell reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellIssue {
    pub pos: Pos,
    /// The cell's text as shown in the spreadsheet.
    pub raw: String,
    pub problem: CellProblem,
    /// The task row it sits on, if the row is a task.
    pub task: Option<usize>,
    /// The party column it sits in, if the column is a party.
    pub party: Option<usize>,
    /// The letters that could still be read from it (`R,A,Q` keeps R and A).
    pub letters: LetterSet,
}

/// The shape the matrix was written in. `--shape` reads it through clap's `ValueEnum` (any
/// case); `raci.toml` and the serve form through [`FromStr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// Tasks as rows, one column per party, letters in the cells.
    #[default]
    Wide,
    /// Parties as rows, tasks as columns.
    Transposed,
    /// One row per task, party and letter.
    Long,
    /// Columns named R/A/C/I holding party names.
    Inverted,
}

impl FromStr for Shape {
    type Err = String;

    /// Any case: `shape` in `raci.toml` and the serve form read the names `--shape` does.
    fn from_str(text: &str) -> Result<Shape, String> {
        parse_value(text, "a shape")
    }
}

/// The matrix: what every later stage reads.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Matrix {
    pub source: Source,
    pub shape: Shape,
    /// The letter scheme the cells were read with.
    pub scheme: Scheme,
    pub tasks: Vec<Task>,
    pub parties: Vec<Party>,
    /// Cells not understood, in row-major order.
    pub issues: Vec<CellIssue>,
    /// How the layout was read, one plain sentence each (`raci inspect` prints them).
    pub notes: Vec<String>,
    /// How sure the layout is of its reading, and why.
    pub reading: Reading,
}

/// How sure the layout is of the reading it chose: every plausible reading of the file was
/// scored, and this keeps the winner, the runner-up and the evidence between them.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Reading {
    /// The reading chosen, with its score and table: `wide 0.94 (A3:G13)`.
    pub chosen: String,
    /// Everything counted about the chosen reading, one sentence each.
    pub evidence: Vec<String>,
    /// The next best reading, if there was another: `transposed 0.41 (A3:G13)`.
    pub runner_up: Option<String>,
    /// The evidence that separated the two most.
    pub separated_by: Vec<String>,
    /// The runner-up came close: the audit says so and points to `raci inspect` and the
    /// override flags.
    pub unsure: bool,
    /// Cells that mark involvement without a letter (`x`, a tick) and were not given one with
    /// `--x-means`, when they are a quarter or more of the filled party cells (a file of
    /// marks); a stray `x` among letters is only its D001 finding, and this stays 0.
    pub marks_without_letters: usize,
    /// Other tables of the same sheet that read as RACI matrices, not audited (`A22:E54`).
    pub other_raci_tables: Vec<String>,
}

impl Reading {
    /// What the audit says about the reading, in its console output and summary: that it is
    /// unsure, and which other RACI tables of the sheet were left out and how to audit them.
    pub fn audit_notes(&self, file: &str) -> Vec<String> {
        let mut out: Vec<String> = self.unsure_note(file).into_iter().collect();
        for t in &self.other_raci_tables {
            out.push(format!(
                "The sheet holds another RACI table at {t}, not audited here: audit it with \
                 `raci audit {file} --range {t}`."
            ));
        }
        out
    }

    /// The sentence the audit prints when the reading is unsure, naming the file.
    pub fn unsure_note(&self, file: &str) -> Option<String> {
        let runner = self.runner_up.as_deref().filter(|_| self.unsure)?;
        Some(format!(
            "The reading of this file is unsure: {} was chosen over {runner}. Check it with \
             `raci inspect {file}` and steer it with --shape, --range, --header-rows, \
             --task-column or --party-columns if it is wrong.",
            self.chosen
        ))
    }
}

impl Matrix {
    pub fn cell_ref(&self, pos: Pos) -> String {
        self.source.cell_ref(pos)
    }

    /// Turns tasks whose name cell holds a spreadsheet error value (`#NAME?`, `#N/A`, and the
    /// `inf` and `NaN` of a script's export; `is_error` tells from the cell's position) into
    /// findings: the name cell is an [`CellProblem::ErrorValue`] issue, and each of its letter
    /// cells a [`CellProblem::NoTask`] issue, so nothing in the row is lost and no task is
    /// called `#NAME?`. Indices of the remaining tasks are renumbered everywhere they are
    /// held; issues stay in row-major order.
    pub fn demote_error_tasks(&mut self, mut is_error: impl FnMut(Pos) -> bool) {
        if !self.tasks.iter().any(|t| is_error(t.pos)) {
            return;
        }
        let mut new_index: Vec<Option<usize>> = Vec::with_capacity(self.tasks.len());
        let mut kept = Vec::with_capacity(self.tasks.len());
        let mut added = Vec::new();
        for task in std::mem::take(&mut self.tasks) {
            if !is_error(task.pos) {
                new_index.push(Some(kept.len()));
                kept.push(task);
                continue;
            }
            new_index.push(None);
            added.push(CellIssue {
                pos: task.pos,
                raw: task.name.clone(),
                problem: CellProblem::ErrorValue,
                task: None,
                party: None,
                letters: LetterSet::EMPTY,
            });
            added.extend(task.assignments.iter().map(|a| CellIssue {
                pos: a.pos,
                raw: a.letters.to_string(),
                problem: CellProblem::NoTask,
                task: None,
                party: Some(a.party),
                // Not counted: the raw text shows what they were.
                letters: LetterSet::EMPTY,
            }));
        }
        self.tasks = kept;
        for issue in &mut self.issues {
            issue.task = issue.task.and_then(|t| new_index.get(t).copied().flatten());
        }
        self.issues.extend(added);
        self.issues.sort_by_key(|i| (i.pos.row, i.pos.col));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_with_two_cells_on_a_task_holds_the_letters_of_both() {
        let cell = |party: usize, letter| Assignment {
            party,
            letters: LetterSet::of(&[letter]),
            pos: Pos::new(1, party as u32 + 1),
        };
        let task = Task {
            name: "Plan".into(),
            group: None,
            context: None,
            pos: Pos::new(1, 0),
            side_override: None,
            assignments: vec![cell(0, Letter::R), cell(1, Letter::C), cell(0, Letter::A)],
        };
        assert_eq!(task.letters_of(0).to_string(), "R/A");
        assert_eq!(task.letters_of(1).to_string(), "C");
        assert!(task.letters_of(2).is_empty());
    }

    #[test]
    fn value_enums_parse_from_their_one_table_in_any_case() {
        assert_eq!(" LONG ".parse::<Shape>(), Ok(Shape::Long));
        assert_eq!("Transposed".parse::<Shape>(), Ok(Shape::Transposed));
        assert_eq!(
            "round".parse::<Shape>(),
            Err("\"round\" is not a shape; use wide, transposed, long or inverted".to_string())
        );
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(16383), "XFD");
    }

    #[test]
    fn cell_refs_are_one_based() {
        let s = Source {
            file: "team.xlsx".into(),
            sheet: Some("RACI".into()),
        };
        assert_eq!(s.cell_ref(Pos::new(6, 3)), "team.xlsx[RACI]!D7");
        let c = Source {
            file: "team.csv".into(),
            sheet: None,
        };
        assert_eq!(c.cell_ref(Pos::new(0, 0)), "team.csv!A1");
        assert_eq!(c.cell_ref(Pos::new(49_999, 16_383)), "team.csv!XFD50000");
    }

    #[test]
    fn error_named_tasks_become_findings_and_indices_follow() {
        let task = |name: &str, row: u32| Task {
            name: name.into(),
            group: None,
            context: None,
            pos: Pos::new(row, 0),
            side_override: None,
            assignments: vec![Assignment {
                party: 0,
                letters: LetterSet::EMPTY,
                pos: Pos::new(row, 1),
            }],
        };
        let mut m = Matrix {
            tasks: vec![task("Plan", 1), task("#NAME?", 2), task("Ship", 3)],
            issues: vec![CellIssue {
                pos: Pos::new(3, 2),
                raw: "Q".into(),
                problem: CellProblem::UnknownLetter,
                task: Some(2),
                party: None,
                letters: LetterSet::EMPTY,
            }],
            ..Matrix::default()
        };
        m.demote_error_tasks(|p| p == Pos::new(2, 0));
        let names: Vec<&str> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Plan", "Ship"]);
        let issues: Vec<(Pos, CellProblem, Option<usize>)> = m
            .issues
            .iter()
            .map(|i| (i.pos, i.problem.clone(), i.task))
            .collect();
        assert_eq!(
            issues,
            [
                (Pos::new(2, 0), CellProblem::ErrorValue, None),
                (Pos::new(2, 1), CellProblem::NoTask, None),
                (Pos::new(3, 2), CellProblem::UnknownLetter, Some(1)),
            ]
        );
    }

    #[test]
    fn side_parse_any_case() {
        assert_eq!(Side::parse("po"), Some(Side::Po));
        assert_eq!(Side::parse(" PM "), Some(Side::Pm));
        assert_eq!(Side::parse("Shared"), Some(Side::Shared));
        assert_eq!(Side::parse("x"), None);
    }
}
