//! How the user steers a reading when `raci` reads a file wrong: `--shape`, `--range`,
//! `--header-rows`, `--task-column`, `--party-columns` and `--x-means`, the same keys in
//! `raci.toml` (for every file, or per file name in portfolio mode) and the same fields in
//! the Options of `raci serve`. One parser reads them all, and each choice is checked against
//! the sheet before any detector runs: a wrong one is an error that names the cell.

use super::regions::{parse_column, Rect};
use super::score::shape_name;
use crate::input::Sheet;
use crate::model::{
    column_name, is_involvement_mark, parse_cell, CellParse, Letter, Scheme, SchemeName, Shape,
};
use serde::Serialize;
use std::fmt;

/// The keys that steer a reading, as `raci.toml`, the serve form and (with `--`) the command
/// line write them.
pub const STEERING_KEYS: [&str; 6] = [
    "shape",
    "range",
    "header-rows",
    "task-column",
    "party-columns",
    "x-means",
];

/// The reading choices a user made (all optional; none means "let raci find it").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Steering {
    /// Only readings of this shape.
    pub shape: Option<Shape>,
    /// Only this rectangle of the sheet is the table.
    pub range: Option<Rect>,
    /// The table's first this many rows are its header (a long table's is its first row).
    pub header_rows: Option<u32>,
    /// The column holding the task names (0-based).
    pub task_column: Option<u32>,
    /// The first and last party columns (0-based, inclusive). In a long table (one row per
    /// task, party and letter) it is the one column of party names, given with `--shape long`.
    pub party_columns: Option<(u32, u32)>,
    /// The letter an involvement mark (`x`, a tick) stands for.
    pub x_means: Option<Letter>,
}

impl Steering {
    /// Sets `key` (one of [`STEERING_KEYS`]) from its text; the error says what is expected.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let v = value.trim();
        match key {
            "shape" => self.shape = Some(v.parse::<Shape>()?),
            "range" => {
                self.range = Some(Rect::parse(v).ok_or_else(|| {
                    format!("{v:?} is not a range of cells; write it like B4:M40")
                })?)
            }
            "header-rows" => {
                self.header_rows = Some(
                    v.parse::<u32>()
                        .ok()
                        .filter(|n| (1..=super::wide::MAX_HEADER_ROWS).contains(n))
                        .ok_or_else(|| {
                            format!(
                                "{v:?} is not a number of header rows; a header has 1 to {} rows",
                                super::wide::MAX_HEADER_ROWS
                            )
                        })?,
                )
            }
            "task-column" => {
                self.task_column =
                    Some(parse_column(v).ok_or_else(|| {
                        format!("{v:?} is not a column; write its letter, like B")
                    })?)
            }
            "party-columns" => {
                let (a, b) = v.split_once(':').unwrap_or((v, v));
                let (a, b) = parse_column(a)
                    .zip(parse_column(b))
                    .ok_or_else(|| format!("{v:?} is not a range of columns; write it like D:K"))?;
                self.party_columns = Some((a.min(b), a.max(b)));
            }
            "x-means" => {
                self.x_means = Some(
                    Letter::parse(v)
                        .ok_or_else(|| format!("{v:?} is not a letter; use R, A, C, I, S or V"))?,
                )
            }
            other => return Err(format!("{other:?} is not a reading choice")),
        }
        Ok(())
    }

    /// These choices, with the ones `over` makes winning.
    pub fn merged(&self, over: &Steering) -> Steering {
        Steering {
            shape: over.shape.or(self.shape),
            range: over.range.or(self.range),
            header_rows: over.header_rows.or(self.header_rows),
            task_column: over.task_column.or(self.task_column),
            party_columns: over.party_columns.or(self.party_columns),
            x_means: over.x_means.or(self.x_means),
        }
    }

    /// Whether it says where the table's parts are (which only an upright table has).
    pub fn places_columns(&self) -> bool {
        self.header_rows.is_some() || self.task_column.is_some() || self.party_columns.is_some()
    }

    /// The choices made, as `(key, value)` in [`STEERING_KEYS`] order, written the way the
    /// flags and `raci.toml` take them: `("range", "B4:M40")`.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(s) = self.shape {
            out.push(("shape", shape_name(s).to_string()));
        }
        if let Some(r) = self.range {
            out.push(("range", r.to_string()));
        }
        if let Some(n) = self.header_rows {
            out.push(("header-rows", n.to_string()));
        }
        if let Some(c) = self.task_column {
            out.push(("task-column", column_name(c)));
        }
        if let Some(cols) = self.party_columns {
            out.push(("party-columns", columns_text(cols)));
        }
        if let Some(l) = self.x_means {
            out.push(("x-means", l.as_char().to_string()));
        }
        out
    }

    /// The choices as flags, for notes and messages: `--range B4:M40 --task-column B`.
    pub fn flags(&self) -> String {
        let mut out = Vec::new();
        if let Some(s) = self.shape {
            out.push(format!("--shape {}", shape_name(s)));
        }
        if let Some(r) = self.range {
            out.push(format!("--range {r}"));
        }
        if let Some(n) = self.header_rows {
            out.push(format!("--header-rows {n}"));
        }
        if let Some(c) = self.task_column {
            out.push(format!("--task-column {}", column_name(c)));
        }
        if let Some(cols) = self.party_columns {
            out.push(format!("--party-columns {}", columns_text(cols)));
        }
        if let Some(l) = self.x_means {
            out.push(format!("--x-means {}", l.as_char()));
        }
        out.join(" ")
    }
}

/// Party columns as written: `D:K`, or `D` for one column (a long table's column of names).
fn columns_text((a, b): (u32, u32)) -> String {
    if a == b {
        column_name(a)
    } else {
        format!("{}:{}", column_name(a), column_name(b))
    }
}

/// Why a reading choice does not fit the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SteerProblem {
    /// The range holds no cell.
    EmptyRange { range: String },
    /// The table has no row below its header rows.
    NoRowsBelowHeader { range: String, header_rows: u32 },
    /// A column outside the range.
    OutsideRange { column: String, range: String },
    /// The task column holds no text from the first row of data down.
    EmptyColumn { column: String, from_row: u64 },
    /// The task column is one of the party columns.
    TaskAmongParties { column: String },
    /// The party columns hold no letter and no involvement mark.
    NoLetters { cells: String },
    /// A long table (`--shape long`) names its parties in one column, not a range.
    LongPartyRange { first: String },
    /// A long table has one header row: the row of its column names.
    LongHeaderRows,
}

impl fmt::Display for SteerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SteerProblem::EmptyRange { range } => write!(f, "no cell in {range} holds anything"),
            SteerProblem::NoRowsBelowHeader { range, header_rows } => write!(
                f,
                "{range} has no rows below its {header_rows} header row{}",
                if *header_rows == 1 { "" } else { "s" }
            ),
            SteerProblem::OutsideRange { column, range } => {
                write!(f, "column {column} is outside {range}")
            }
            SteerProblem::EmptyColumn { column, from_row } => {
                write!(f, "column {column} is empty from row {from_row} down")
            }
            SteerProblem::TaskAmongParties { column } => {
                write!(f, "column {column} is also one of the party columns")
            }
            SteerProblem::NoLetters { cells } => {
                write!(
                    f,
                    "no cell in {cells} holds a letter or an x (if the table is in long form, \
                     one row per task, party and letter, add --shape long and give the column \
                     of party names)"
                )
            }
            SteerProblem::LongPartyRange { first } => write!(
                f,
                "a long table has one column of party names; give that column alone, like \
                 --party-columns {first}"
            ),
            SteerProblem::LongHeaderRows => write!(
                f,
                "a long table has one header row, the row of its column names; give \
                 --header-rows 1 or leave it out"
            ),
        }
    }
}

/// A choice that does not fit: the flag, its value and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub flag: &'static str,
    pub value: String,
    pub problem: SteerProblem,
}

/// Checks the choices against one sheet: the range holds cells, the task column holds text
/// under the header, the party columns hold letters (or marks) under it.
pub(crate) fn check(sheet: &Sheet, s: &Steering) -> Result<(), Misfit> {
    if s.range.is_none() && !s.places_columns() {
        return Ok(());
    }
    let inside = |r: &Rect| {
        let r = *r;
        sheet.cells.iter().filter(move |c| r.contains(c.pos))
    };
    let table = match s.range {
        Some(r) => {
            if inside(&r).next().is_none() {
                return Err(Misfit {
                    flag: "--range",
                    value: r.to_string(),
                    problem: SteerProblem::EmptyRange {
                        range: r.to_string(),
                    },
                });
            }
            r
        }
        None => {
            let mut cells = sheet.cells.iter().map(|c| c.pos);
            let Some(first) = cells.next() else {
                return Ok(());
            };
            cells.fold(
                Rect {
                    top: first.row,
                    left: first.col,
                    bottom: first.row,
                    right: first.col,
                },
                |r, p| Rect {
                    top: r.top.min(p.row),
                    left: r.left.min(p.col),
                    bottom: r.bottom.max(p.row),
                    right: r.right.max(p.col),
                },
            )
        }
    };
    // The first row that holds a cell, and the first row of data under the header.
    let top = inside(&table).map(|c| c.pos.row).min().unwrap_or(table.top);
    let header_rows = s.header_rows.unwrap_or(1);
    let long = s.shape == Some(Shape::Long);
    if long && header_rows > 1 {
        return Err(Misfit {
            flag: "--header-rows",
            value: header_rows.to_string(),
            problem: SteerProblem::LongHeaderRows,
        });
    }
    let data = top + header_rows;
    if s.header_rows.is_some() && data > table.bottom {
        return Err(Misfit {
            flag: "--header-rows",
            value: header_rows.to_string(),
            problem: SteerProblem::NoRowsBelowHeader {
                range: table.to_string(),
                header_rows,
            },
        });
    }
    if let Some(c) = s.task_column {
        let value = column_name(c);
        if !(table.left..=table.right).contains(&c) {
            return Err(Misfit {
                flag: "--task-column",
                value: value.clone(),
                problem: SteerProblem::OutsideRange {
                    column: value,
                    range: table.to_string(),
                },
            });
        }
        if s.party_columns.is_some_and(|(a, b)| (a..=b).contains(&c)) {
            return Err(Misfit {
                flag: "--task-column",
                value: value.clone(),
                problem: SteerProblem::TaskAmongParties { column: value },
            });
        }
        let texts = inside(&table)
            .filter(|x| x.pos.col == c && x.pos.row >= data)
            .any(|x| !x.value.is_blank());
        if !texts {
            return Err(Misfit {
                flag: "--task-column",
                value: value.clone(),
                problem: SteerProblem::EmptyColumn {
                    column: value,
                    from_row: data as u64 + 1,
                },
            });
        }
    }
    if let Some((a, b)) = s.party_columns {
        let value = columns_text((a, b));
        let cells = Rect {
            top: data,
            left: a,
            bottom: table.bottom.max(data),
            right: b,
        };
        if s.range.is_some() && (a < table.left || b > table.right) {
            return Err(Misfit {
                flag: "--party-columns",
                value,
                problem: SteerProblem::OutsideRange {
                    column: columns_text((a, b)),
                    range: table.to_string(),
                },
            });
        }
        if long {
            // In long form the party "columns" are the one column of party names.
            let first = column_name(a);
            if a != b {
                return Err(Misfit {
                    flag: "--party-columns",
                    value,
                    problem: SteerProblem::LongPartyRange { first },
                });
            }
            let names = inside(&table)
                .filter(|x| x.pos.col == a && x.pos.row >= data)
                .any(|x| x.value.as_text().is_some());
            if !names {
                return Err(Misfit {
                    flag: "--party-columns",
                    value,
                    problem: SteerProblem::EmptyColumn {
                        column: first,
                        from_row: data as u64 + 1,
                    },
                });
            }
            return Ok(());
        }
        let loose = Scheme::named(SchemeName::RaciVs);
        let letters = sheet
            .cells
            .iter()
            .filter(|x| cells.contains(x.pos))
            .filter_map(|x| x.value.as_text())
            .any(|t| {
                is_involvement_mark(t)
                    || match parse_cell(t, &loose) {
                        CellParse::Letters(_) => true,
                        CellParse::Unknown { letters, .. } => !letters.is_empty(),
                        CellParse::Empty => false,
                    }
            });
        if !letters {
            return Err(Misfit {
                flag: "--party-columns",
                value,
                problem: SteerProblem::NoLetters {
                    cells: cells.to_string(),
                },
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::sheet;
    use super::*;

    #[test]
    fn every_key_reads_its_value() {
        let mut s = Steering::default();
        s.set("shape", "Transposed").unwrap();
        s.set("range", "b4:m40").unwrap();
        s.set("header-rows", "2").unwrap();
        s.set("task-column", "b").unwrap();
        s.set("party-columns", "K:D").unwrap();
        s.set("x-means", "r").unwrap();
        assert_eq!(
            s.flags(),
            "--shape transposed --range B4:M40 --header-rows 2 --task-column B \
             --party-columns D:K --x-means R"
        );
        assert!(s.set("shape", "diagonal").unwrap_err().contains("wide"));
        assert!(s.set("header-rows", "9").is_err());
        assert!(s.set("task-column", "B4").is_err());
        assert!(s.set("x-means", "Q").is_err());
        let over = Steering {
            header_rows: Some(1),
            ..Steering::default()
        };
        assert_eq!(s.merged(&over).header_rows, Some(1));
        assert_eq!(s.merged(&over).shape, Some(Shape::Transposed));
    }

    #[test]
    fn choices_are_checked_against_the_sheet() {
        let sh = sheet(
            Some("S"),
            &[
                &["Title"],
                &["Task", "Note", "Ann", "Bob"],
                &["Plan", "", "R", "A"],
                &["Build", "", "A", "R"],
            ],
        );
        let ok = Steering {
            range: Some(Rect::parse("A2:D4").unwrap()),
            task_column: Some(0),
            party_columns: Some((2, 3)),
            ..Steering::default()
        };
        assert_eq!(check(&sh, &ok), Ok(()));
        let empty = Steering {
            task_column: Some(1),
            range: Some(Rect::parse("A2:D4").unwrap()),
            ..Steering::default()
        };
        let e = check(&sh, &empty).unwrap_err();
        assert_eq!(e.flag, "--task-column");
        assert_eq!(e.problem.to_string(), "column B is empty from row 3 down");
        let nothing = Steering {
            range: Some(Rect::parse("F1:G9").unwrap()),
            ..Steering::default()
        };
        assert!(matches!(
            check(&sh, &nothing).unwrap_err().problem,
            SteerProblem::EmptyRange { .. }
        ));
        let no_letters = Steering {
            party_columns: Some((1, 1)),
            ..Steering::default()
        };
        assert!(check(&sh, &no_letters)
            .unwrap_err()
            .problem
            .to_string()
            .starts_with("no cell in B2:B4 holds a letter or an x"));
        let inside = Steering {
            task_column: Some(2),
            party_columns: Some((2, 3)),
            ..Steering::default()
        };
        assert_eq!(
            check(&sh, &inside).unwrap_err().problem,
            SteerProblem::TaskAmongParties { column: "C".into() }
        );
    }

    #[test]
    fn a_long_table_takes_one_party_column_and_one_header_row() {
        let sh = sheet(
            None,
            &[
                &["Task", "Role", "RACI"],
                &["Plan", "Ann", "R"],
                &["Plan", "Bob", "A"],
                &["Build", "Ann", "A"],
            ],
        );
        let long = |party_columns, header_rows| Steering {
            shape: Some(Shape::Long),
            party_columns,
            header_rows,
            ..Steering::default()
        };
        assert_eq!(check(&sh, &long(Some((1, 1)), Some(1))), Ok(()));
        let range = check(&sh, &long(Some((1, 2)), None)).unwrap_err();
        assert_eq!(range.flag, "--party-columns");
        assert_eq!(range.value, "B:C");
        assert!(range.problem.to_string().contains("like --party-columns B"));
        let rows = check(&sh, &long(None, Some(2))).unwrap_err();
        assert_eq!(rows.flag, "--header-rows");
        assert_eq!(rows.problem, SteerProblem::LongHeaderRows);
        // Without --shape long, party columns hold letters, and the message says so.
        let wide = Steering {
            party_columns: Some((1, 1)),
            ..Steering::default()
        };
        let e = check(&sh, &wide).unwrap_err();
        assert_eq!(e.value, "B");
        assert!(e.problem.to_string().contains("add --shape long"));
    }
}
