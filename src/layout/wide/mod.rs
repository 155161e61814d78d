//! Wide matrices: tasks as rows, one column per party, letters in the cells. Also reads
//! transposed matrices, run on the transposed grid. `header` finds the layout, `rows` reads
//! the matrix from it.

mod header;
mod rows;

pub(crate) use header::{id_like, non_party_header, MAX_HEADER_ROWS};

use super::grid::{clean_name, Grid};
use super::words::TASK_VERBS;
use super::{Candidate, Ctx};
use crate::model::Shape;

/// Context columns: text beside the task name that describes it.
pub(super) const CONTEXT_WHY: &str = "context beside the task name, kept as the task's context";

/// Does a label read like a task name: two words or more, opening with a task verb, and not
/// shouted in capitals the way section headings are?
pub(super) fn reads_as_task(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() < 2 || !label.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let first = words[0]
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    TASK_VERBS.contains(&first.as_str())
}

/// A numbered phase label (`1-INIZIALIZZAZIONE PROGETTO`, `2. Design`).
pub(super) fn numbered(text: &str) -> bool {
    let t = text.trim();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &t[digits..];
    let mut it = rest.chars();
    matches!(it.next(), Some('-' | '.' | ')' | ':'))
        && it.next().is_some_and(|c| c.is_alphabetic() || c == ' ')
}

/// A cell's value as a task name: the text, or a number or date as displayed.
pub(super) fn cell_name(value: &crate::input::CellValue) -> String {
    match value.as_text() {
        Some(t) => clean_name(t),
        None => clean_name(&value.display()),
    }
}

/// `row 5` -> `Row 5`, for notes that start with a place.
pub(crate) fn cap(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Wide matrices: tasks as rows, parties as columns.
#[derive(Debug)]
pub(crate) struct Wide;

impl super::Detector for Wide {
    fn shape(&self) -> Shape {
        Shape::Wide
    }

    fn propose(&self, grid: &Grid, ctx: &Ctx) -> Vec<Candidate> {
        detect(grid, ctx)
    }
}

/// Transposed matrices: the wide reader on the grid turned a quarter.
#[derive(Debug)]
pub(crate) struct Transposed;

impl super::Detector for Transposed {
    fn shape(&self) -> Shape {
        Shape::Transposed
    }

    fn transposed(&self) -> bool {
        true
    }

    fn propose(&self, grid: &Grid, ctx: &Ctx) -> Vec<Candidate> {
        detect(grid, ctx)
    }
}

/// Tables longer than this get only the first reading of each header row: the other bands
/// and task columns each cost a full read of the rows, and a table that long is an export
/// whose header the first choice reads (kept fast for the 50,000-row limit).
const ALTERNATIVES_MAX_ROWS: usize = 5_000;

/// On a table longer than [`ALTERNATIVES_MAX_ROWS`], how far (in rows) a runner-up header row
/// may stand from the first choice and still be read: a second line of the same header (team
/// names over environments) stands beside it, while a row further down is a data row that
/// happens to hold text, and each reading of it is another full read of every row (a third
/// of the layout's time on 50,000 rows of random letters).
const NEAR_HEADER_ROWS: u32 = 3;

/// The wide readings of a table: for each header row worth trying, its layout in phases,
/// then the matrix read from it; then, for each such header row, the header bands and the
/// task column its heuristics passed over, each a reading of its own. The scorer chooses
/// among them, the first choices winning unless the evidence is clearly better.
fn detect(grid: &Grid, ctx: &Ctx) -> Vec<Candidate> {
    let cols = grid.columns();
    let steer = &ctx.opts.steer;
    let alternatives = grid.present_rows().len() <= ALTERNATIVES_MAX_ROWS;
    let mut out: Vec<Candidate> = Vec::new();
    let mut others: Vec<(Candidate, String)> = Vec::new();
    // On long tables, the header rows near the first one that gives a reading: a header row
    // that reads nothing does not decide which rows are near.
    let mut anchor: Option<u32> = None;
    for header in header::header_rows(grid, ctx, cols) {
        if let (false, Some(row)) = (alternatives, anchor) {
            if header.row.abs_diff(row) > NEAR_HEADER_ROWS {
                continue;
            }
        }
        let Some((first, other_tasks)) = plan(grid, ctx, cols, &header) else {
            continue;
        };
        let at = format!("header {}", grid.row_label(header.row));
        // The first choice's party columns, found once: its own reading and the reading of
        // each doubtful edit of them start from the same set.
        let chosen = party_columns(grid, ctx, cols, &header, &first);
        if alternatives {
            if steer.header_rows.is_none() {
                for band in header::other_bands(grid, ctx, first.band, &header.qualifying) {
                    let n = band.end - band.start + 1;
                    let plan = Plan { band, ..first };
                    if let Some(c) = read(grid, ctx, cols, &header, &plan) {
                        let rows = if n == 1 { "row" } else { "rows" };
                        let down = if band.end == first.band.end {
                            String::new()
                        } else {
                            format!(" to {}", grid.row_label(band.end))
                        };
                        others.push((c, format!("{at}, a band of {n} {rows}{down}")));
                    }
                }
            }
            for tasks in other_tasks {
                let plan = Plan {
                    task: tasks.task,
                    group: tasks.group,
                    ..first
                };
                if let Some(c) = read(grid, ctx, cols, &header, &plan) {
                    let place = format!("{at}, tasks in {}", grid.col_label(tasks.task));
                    others.push((c, place));
                }
            }
            for (edit, columns) in party_edits(grid, ctx, cols, &first, chosen.as_ref()) {
                let (col, words) = match edit {
                    header::PartyEdit::Take(col) => (col, "read as a party"),
                    header::PartyEdit::Drop(col) => (col, "not a party"),
                };
                let reading = columns
                    .and_then(|columns| read_columns(grid, ctx, cols, &header, &first, columns));
                if let Some(c) = reading {
                    let name = grid
                        .text(first.band.header, col)
                        .map(|t| format!(" ({})", clean_name(t)))
                        .unwrap_or_default();
                    let place = format!("{at}, {}{name} {words}", grid.col_label(col));
                    others.push((c, place));
                }
            }
        }
        let reading =
            chosen.and_then(|columns| read_columns(grid, ctx, cols, &header, &first, columns));
        let Some(c) = reading else {
            continue;
        };
        anchor.get_or_insert(header.row);
        // Two header rows may give one reading (rows of one merged header).
        let same = |o: &Candidate| {
            o.matrix.tasks.len() == c.matrix.tasks.len()
                && o.matrix.parties.iter().map(|p| &p.name).eq(c
                    .matrix
                    .parties
                    .iter()
                    .map(|p| &p.name))
        };
        if !out.iter().any(same) {
            let mut c = c;
            c.rank = out.len();
            c.place = at;
            out.push(c);
        }
    }
    // An alternative that reads the same tasks and parties (with their titles, which place
    // them on a side) as a reading before it adds nothing; the others come after every
    // first choice, so they win only on evidence.
    for (mut c, place) in others {
        let same = |o: &Candidate| {
            o.matrix.parties.iter().map(|p| (&p.name, &p.title)).eq(c
                .matrix
                .parties
                .iter()
                .map(|p| (&p.name, &p.title)))
                && o.matrix.tasks.iter().map(|t| (&t.name, &t.group)).eq(c
                    .matrix
                    .tasks
                    .iter()
                    .map(|t| (&t.name, &t.group)))
        };
        if !out.iter().any(same) {
            c.rank = out.len();
            c.place = place;
            out.push(c);
        }
    }
    out
}

/// The choices of one reading: task and group columns and the header band.
#[derive(Debug, Clone, Copy)]
struct Plan {
    task: u32,
    group: Option<u32>,
    band: header::Band,
}

impl Plan {
    fn tasks(&self) -> header::TaskColumns {
        header::TaskColumns {
            task: self.task,
            group: self.group,
        }
    }
}

/// The doubtful party columns of a first choice (none when the user named the party
/// columns), each a change for a reading of its own with the party columns it leaves
/// (`None` when it would leave none).
fn party_edits(
    grid: &Grid,
    ctx: &Ctx,
    cols: &super::grid::Columns,
    plan: &Plan,
    chosen: Option<&header::PartyColumns>,
) -> Vec<(header::PartyEdit, Option<header::PartyColumns>)> {
    let Some(chosen) = chosen.filter(|_| ctx.opts.steer.party_columns.is_none()) else {
        return Vec::new();
    };
    header::doubtful_party_columns(grid, ctx, cols, plan.band, &plan.tasks(), chosen)
        .into_iter()
        .map(|edit| (edit, chosen.clone().edited(edit)))
        .collect()
}

/// The first choice of task column and band with `header` as the row of party names, and
/// the task columns that choice passed over (none when the user named the task column).
fn plan(
    grid: &Grid,
    ctx: &Ctx,
    cols: &super::grid::Columns,
    header: &header::HeaderRow,
) -> Option<(Plan, Vec<header::TaskColumns>)> {
    let first_party = *header.qualifying.first()?;
    let (tasks, passed_over) = match ctx.opts.steer.task_column {
        // The user's task column: a group column may still stand before it.
        Some(task) => (
            header::TaskColumns {
                task,
                group: header::task_columns(grid, cols, header.row, task.min(first_party))
                    .and_then(|t| t.group.filter(|&g| g < task)),
            },
            Vec::new(),
        ),
        None => {
            let mut choices =
                header::task_column_choices(grid, cols, header.row, first_party).into_iter();
            (choices.next()?, choices.collect())
        }
    };
    let band = header::band(grid, ctx, header.row, &header.qualifying)?;
    let plan = Plan {
        task: tasks.task,
        group: tasks.group,
        band,
    };
    Some((plan, passed_over))
}

/// The party columns of `plan` with `header` as the row of party names.
fn party_columns(
    grid: &Grid,
    ctx: &Ctx,
    cols: &super::grid::Columns,
    header: &header::HeaderRow,
    plan: &Plan,
) -> Option<header::PartyColumns> {
    header::party_columns(
        grid,
        ctx,
        cols,
        plan.band,
        &plan.tasks(),
        &header.qualifying,
    )
}

/// The reading with `header` as the row of party names, read as `plan` says.
fn read(
    grid: &Grid,
    ctx: &Ctx,
    cols: &super::grid::Columns,
    header: &header::HeaderRow,
    plan: &Plan,
) -> Option<Candidate> {
    let columns = party_columns(grid, ctx, cols, header, plan)?;
    read_columns(grid, ctx, cols, header, plan, columns)
}

/// The reading with `header` as the row of party names, read as `plan` says over `columns`.
fn read_columns(
    grid: &Grid,
    ctx: &Ctx,
    cols: &super::grid::Columns,
    header: &header::HeaderRow,
    plan: &Plan,
    columns: header::PartyColumns,
) -> Option<Candidate> {
    let tasks = plan.tasks();
    let band = plan.band;
    let parties = header::party_names(grid, ctx, band, &columns.parties);
    let task_header = grid.text(band.header, tasks.task);
    let other_named = cols
        .range(..columns.parties.first().map_or(0, |p| p.0))
        .map(|(&c, _)| c)
        .filter(|&c| c != tasks.task && Some(c) != tasks.group)
        .find_map(|c| {
            let header = grid.text(band.header, c)?;
            let evidence =
                super::score::task_header_evidence(task_header?, (&grid.col_label(c), header));
            evidence.filter(|_| cols.get(&c).is_some_and(|v| v.below4(band.end).3 > 0))
        });
    let layout = rows::Layout {
        band,
        task_col: tasks.task,
        group_col: tasks.group,
        side_col: columns.side_col,
        parties,
        blank_cols: columns.blank_cols,
        marks_only: header.marks_only,
    };
    let mut c = rows::build(grid, ctx, cols, &layout)?;
    c.sheet_factors.extend(other_named);
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{detect, LayoutOptions};
    use super::reads_as_task;
    use crate::model::{CellProblem, Letter, LetterSet, Pos, SchemeName, Shape, TitleSide};
    use std::collections::BTreeSet;

    fn letters(m: &crate::model::Matrix, task: &str, party: &str) -> String {
        let t = m.tasks.iter().find(|t| t.name == task).expect(task);
        let p = m.parties.iter().position(|p| p.name == party).expect(party);
        t.letters_of(p).to_string()
    }

    #[test]
    fn simple_wide_csv() {
        let wb = csv(&[
            &["Task", "Ann (Product Owner)", "Bob", "PM"],
            &["Write stories", "R/A", "C", "I"],
            &["Set vision", "C", "I", "A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Wide);
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.parties.len(), 3);
        assert_eq!(letters(&m, "Write stories", "Ann (Product Owner)"), "R/A");
        assert_eq!(m.parties[0].title.as_deref(), Some("Product Owner"));
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
        assert_eq!(m.parties[2].title_side, Some(TitleSide::Ambiguous));
        assert_eq!(m.source.sheet, None);
        assert_eq!(m.scheme.name, SchemeName::Raci);
    }

    #[test]
    fn title_rows_and_ids_before_the_task_column() {
        let wb = book(vec![sheet(
            Some("RACI"),
            &[
                &["My project RACI"],
                &[],
                &["", "ID", "Task", "Ann", "Bob", "Comments"],
                &["", "1", "Plan", "R", "A", "fine"],
                &["", "2", "Build", "A", "R", ""],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.parties.len(), 2);
        assert_eq!(m.tasks[0].pos, Pos::new(3, 2));
        assert_eq!(
            m.source.cell_ref(m.tasks[1].assignments[0].pos),
            "t.xlsx[RACI]!D5"
        );
    }

    #[test]
    fn a_task_nobody_holds_is_not_mistaken_for_a_group() {
        let wb = csv(&[
            &["Task", "Ana (Product Owner)", "Tom (Product Manager)"],
            &["Discovery", "", ""],
            &["Market research", "C", "A/R"],
            &["Launch", "", ""],
            &["Go-to-market plan", "I", "A/R"],
            &["Plan launch webinar", "", ""],
            &["Collect feedback", "I", "A/R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<&str> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Market research",
                "Go-to-market plan",
                "Plan launch webinar",
                "Collect feedback"
            ]
        );
        assert!(m.tasks[2].assignments.is_empty());
        assert_eq!(m.tasks[2].group.as_deref(), Some("Launch"));
        assert_eq!(m.tasks[3].group.as_deref(), Some("Launch"));
        assert!(
            m.notes.iter().any(|n| n.contains("nobody is assigned")),
            "{:?}",
            m.notes
        );
    }

    #[test]
    fn verb_groups_stay_groups_when_every_group_is_a_verb() {
        let wb = csv(&[
            &["Task", "Dev", "Ops"],
            &["Set up the platform", "", ""],
            &["Install", "R/A", "I"],
            &["Run the platform", "", ""],
            &["Monitor", "I", "R/A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.tasks[1].group.as_deref(), Some("Run the platform"));
    }

    #[test]
    fn reads_as_task_words() {
        assert!(reads_as_task("Plan launch webinar"));
        assert!(reads_as_task("Write release notes"));
        assert!(!reads_as_task("Launch"));
        assert!(!reads_as_task("Launch activities"));
        assert!(!reads_as_task("PLAN THE PROJECT"));
        assert!(!reads_as_task("Plan"));
    }

    #[test]
    fn group_rows_and_repeated_header() {
        let wb = csv(&[
            &["Activity", "Dev", "Ops"],
            &["Infrastructure", "", ""],
            &["Install", "R/A", "I"],
            &["Activity", "Dev", "Ops"],
            &["Code", "", ""],
            &["Review", "I", "R/A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Infrastructure"));
        assert_eq!(m.tasks[1].group.as_deref(), Some("Code"));
        assert!(m.notes.iter().any(|n| n.contains("Repeated header")));
    }

    #[test]
    fn every_cell_is_understood_or_reported() {
        let wb = book(vec![sheet(
            Some("S"),
            &[
                &["Task", "Ann", "Bob", "", "Cy"],
                &["One", "x", "#NAME?", "R", "4"],
                &["Two", "R,A,Q", "C", "", "A"],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let problems: Vec<_> = m
            .issues
            .iter()
            .map(|i| (i.raw.as_str(), &i.problem))
            .collect();
        assert_eq!(
            problems,
            vec![
                ("x", &CellProblem::UnknownLetter),
                ("#NAME?", &CellProblem::ErrorValue),
                ("R", &CellProblem::BlankPartyHeader),
                ("4", &CellProblem::NotText),
                ("R,A,Q", &CellProblem::UnknownLetter),
            ]
        );
        assert_eq!(letters(&m, "Two", "Ann"), "R/A");
        assert_eq!(m.issues[4].letters, LetterSet::of(&[Letter::R, Letter::A]));
    }

    #[test]
    fn count_table_and_junk_rows_are_not_tasks() {
        let wb = book(vec![sheet(
            Some("S"),
            &[
                &["", "Ann", "Bob"],
                &["Plan", "R", "A"],
                &["Build", "A", "R"],
                &["N", "N", "N"],
                &[],
                &["", "R", "A", "TOTAL"],
                &["Ann", "1", "1", "2"],
                &["Bob", "1", "1", "2"],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2, "{:#?}", m.notes);
        assert!(m.issues.is_empty());
        assert!(m.notes.iter().any(|n| n.contains("table of numbers")));
    }

    #[test]
    fn hierarchy_by_leading_spaces() {
        let wb = csv(&[
            &["Task Name", "A1", "B2"],
            &["Party", "A/R", "R"],
            &["   Research", "", ""],
            &["      Find room", "R", ""],
            &["      Find food", "", "R"],
            &["   Research complete", "", ""],
            &["   Plan", "R", "A"],
            &["      Book", "A", ""],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Party",
                "Find room",
                "Find food",
                "Research complete",
                "Plan",
                "Book"
            ]
        );
        assert_eq!(m.tasks[1].group.as_deref(), Some("Research"));
        assert_eq!(m.tasks[3].group.as_deref(), Some("Party"));
        assert_eq!(m.tasks[5].group.as_deref(), Some("Plan"));
    }

    #[test]
    fn merged_cells_span_parties_and_groups() {
        let mut s = sheet(
            Some("S"),
            &[
                &["Task", "", "", "PM", "", "Lead", ""],
                &["1-START", "", "", "R", "", "A", ""],
                &["Meet", "", "", "R", "", "", ""],
                &["2-BUILD", "", "", "A", "", "R", ""],
                &["Code", "", "", "I", "", "R", ""],
            ],
        );
        merge(&mut s, 0, 3, 0, 4);
        merge(&mut s, 0, 5, 0, 6);
        merge(&mut s, 2, 3, 2, 6);
        for r in 1..5 {
            merge(&mut s, r, 0, r, 2);
        }
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        assert_eq!(m.parties.len(), 2);
        assert_eq!(m.tasks.len(), 4);
        assert_eq!(letters(&m, "Meet", "Lead"), "R");
        assert_eq!(m.tasks[2].group.as_deref(), Some("1-START"));
        assert_eq!(m.tasks[3].group.as_deref(), Some("2-BUILD"));
    }

    #[test]
    fn side_column_and_roster() {
        let wb = csv(&[
            &["Task", "Side", "Ann", "Bob"],
            &["Vision", "PM", "A", "R"],
            &["Backlog", "", "R", "A"],
        ]);
        let opts = LayoutOptions {
            roster: vec![super::super::RosterEntry {
                party: "ann".into(),
                title: "Product Owner".into(),
            }],
            ..LayoutOptions::default()
        };
        let m = detect(&wb, &opts).unwrap();
        assert_eq!(m.parties.len(), 2);
        assert_eq!(m.tasks[0].side_override, Some(crate::model::Side::Pm));
        assert_eq!(m.tasks[1].side_override, None);
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
    }

    #[test]
    fn vertex42_roles_title_row_and_empty_parties() {
        let wb = book(vec![sheet(
            Some("Matrix"),
            &[
                &["RACI Matrix"],
                &[],
                &[],
                &[
                    "",
                    "",
                    "ROLES",
                    "President",
                    "Kasun",
                    "Serratore",
                    "",
                    "Consultant",
                    "Name or Role",
                    "",
                    "◄ Insert more roles by inserting new columns",
                ],
                &[
                    "",
                    "Deliverable or Task",
                    "Status",
                    "Sponsor",
                    "Sponsor",
                    "Sponsor",
                    "",
                    "Other",
                    "Other",
                    "",
                    "◄ Edit role categories to aid in organization",
                ],
                &["", "Phase 1"],
                &[
                    "",
                    "Make tables",
                    "Done",
                    "",
                    "R",
                    "S",
                    "",
                    "",
                    "",
                    "",
                    "Edit color-coding via Home > Conditional Formatting",
                ],
                &["", "Find keywords", "Done", "", "S", "R"],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["President", "Kasun", "Serratore", "Consultant"],
            "{:#?}",
            m.notes
        );
        assert_eq!(m.tasks.len(), 2, "{:#?}", m.notes);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Phase 1"));
        assert_eq!(m.parties[1].title.as_deref(), Some("Sponsor"));
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
    }

    #[test]
    fn label_merged_across_the_row_is_a_group() {
        let mut s = sheet(
            Some("S"),
            &[
                &["Task", "Ann", "Bob"],
                &["Discovery phase"],
                &["Interview users", "R", "A"],
            ],
        );
        merge(&mut s, 1, 0, 1, 2);
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 1);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Discovery phase"));
        assert!(m.issues.is_empty(), "{:?}", m.issues);
    }

    #[test]
    fn tasks_known_only_by_ids() {
        let wb = csv(&[
            &["WBS", "Ann", "Bob"],
            &["1.1", "R", "A"],
            &["1.2", "A", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["1.1", "1.2"]);
    }

    #[test]
    fn label_blocks_inside_and_notes_below() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &[],
            &["Phase two"],
            &[],
            &["Build", "A", "R"],
            &["Milestone", "", ""],
            &[],
            &["Notes: reviewed by the PMO"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Plan", "Build", "Milestone"], "{:#?}", m.notes);
        assert_eq!(m.tasks[1].group.as_deref(), Some("Phase two"));
        assert!(m
            .notes
            .iter()
            .any(|n| n.contains("Row 9 ignored: text without letters")));
    }

    #[test]
    fn count_table_without_a_blank_row() {
        let wb = csv(&[
            &["", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &["Build", "A", "R"],
            &["", "R", "A"],
            &["Ann", "1", "1"],
            &["Bob", "1", "1"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2, "{:#?}", m.notes);
        assert!(m.issues.is_empty());
    }

    #[test]
    fn short_titles_under_the_names() {
        let wb = csv(&[
            &["Task", "Ann", "Bob", "Cy"],
            &["", "PO", "PM", "Dev lead"],
            &["Plan", "R", "A", "x"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 1);
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
        assert_eq!(m.parties[1].title_side, Some(TitleSide::Ambiguous));
        assert_eq!(m.parties[2].title.as_deref(), Some("Dev lead"));
        assert_eq!(m.issues.len(), 1);
    }

    #[test]
    fn coded_ids_and_counts_of_a_csv() {
        use super::header::id_like;
        for id in [
            "1.1.2", "12", "T-01", "PHX-112", "WP1.2", "REQ_7", "A.01", "org.1", "op.pl.1",
        ] {
            assert!(id_like(id), "{id}");
        }
        assert!(id_like("65f1c2a9e4b0007d3c8a00"));
        assert!(id_like("3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3b"));
        for name in [
            "Q&A session",
            "Set up CI",
            "Plan T-01 cutover",
            "Phase 2",
            "T-",
            "Decade",
            "US 12",
            "Sprint12 review",
            "Marketing-2",
        ] {
            assert!(!id_like(name), "{name}");
        }
        // A tracker's export: its ids first, the task names after, a count row under the
        // letters (text in a CSV, as numbers in a workbook).
        let wb = csv(&[
            &["ID", "Task", "Ann", "Bob", "Cy"],
            &["T-01", "Define the API", "R", "A", "I"],
            &["T-02", "Select an identity provider", "A", "R", ""],
            &["T-03", "Migrate DNS", "", "A", "R"],
            &["", "Nombre de R", "1", "1", "1"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Define the API",
                "Select an identity provider",
                "Migrate DNS"
            ]
        );
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
        assert!(
            m.notes.iter().any(|n| n.contains("a table of numbers")),
            "{:#?}",
            m.notes
        );
    }

    #[test]
    fn a_team_named_by_a_letter_word_is_a_party() {
        let wb = csv(&[
            &["Task", "Product", "Support", "Information", "Legal"],
            &["Write the FAQ", "A", "R", "I", "C"],
            &["Train the agents", "C", "A/R", "", "I"],
            &["Publish the terms", "I", "", "R", "A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let parties: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(parties, ["Product", "Support", "Information", "Legal"]);
        assert_eq!(letters(&m, "Train the agents", "Support"), "R/A");
    }

    #[test]
    fn an_id_column_with_phase_codes_holds_no_groups() {
        let wb = csv(&[
            &["ID", "Activity", "Ann", "Bob"],
            &["B", "Phase B - Build", "", ""],
            &["B.01", "Design the accounts", "A", "R"],
            &["B.02", "Map the process", "", "C"],
            &["D", "Phase D - Deploy", "", ""],
            &["D.01", "Cut over", "I", "A/R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let groups: Vec<_> = m.tasks.iter().map(|t| t.group.as_deref()).collect();
        assert_eq!(
            groups,
            [
                Some("Phase B - Build"),
                Some("Phase B - Build"),
                Some("Phase D - Deploy")
            ]
        );
    }

    #[test]
    fn an_empty_column_beside_the_block_is_a_party_only_by_its_name() {
        // A legend line and an update note where a transposed matrix ends (here upright):
        // empty under their text, beside the block. `Legal`, empty too, is a party nobody
        // gave a letter.
        let wb = csv(&[
            &[
                "Activité",
                "Product Owner",
                "QA",
                "Legal",
                "Légende : R = Réalise | A = Approuve | C = Consulté",
                "Mise à jour : 03/07/2024 – C. Dubois",
            ],
            &["Rédiger les user stories", "A/R", "C", "", "", ""],
            &["Tester la version", "A", "R", "", "", ""],
            &["Valider la recette", "A", "R", "", "", ""],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let parties: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(parties, ["Product Owner", "QA", "Legal"]);
        // A name that starts like a formula is still a name (found by props).
        let wb = csv(&[
            &["Task", "=Product Owner 1", "Product Owner 2"],
            &["Plan 1", "", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.parties.len(), 2);
    }

    #[test]
    fn a_title_row_with_a_letter_word_in_a_role() {
        // The job roles under the names; `Support Lead` starts with a letter word.
        let wb = csv(&[
            &["Task", "Sarah Chen", "Marcus Webb", "Priya Natarajan"],
            &["", "Head of Product", "Support Lead", "Product Designer"],
            &["Define the vision", "A", "R", "C"],
            &["Write the brief", "R", "A", "I"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
        assert_eq!(m.parties[1].title.as_deref(), Some("Support Lead"));
    }

    #[test]
    fn a_totals_row_of_letters_is_no_task() {
        // A BI export: each column's letters summed in a Total row under the tasks.
        let wb = csv(&[
            &["Workstream", "Task", "Data", "Finance", "IT"],
            &["Build", "Load the warehouse", "R", "I", "A"],
            &["", "Certify the reports", "A", "R", ""],
            &["Operate", "Run the on-call rota", "", "", "A, R"],
            &["Total", "", "A, R", "I, R", "A, R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 3);
        assert!(
            m.notes
                .iter()
                .any(|n| n.contains("a totals row under the matrix")),
            "{:#?}",
            m.notes
        );
    }

    #[test]
    fn a_flag_column_holds_no_groups() {
        // A project-plan export: a Summary flag before the names, summary rows as groups.
        let wb = csv(&[
            &["Summary", "Name", "Sponsor", "PMO", "Vendor"],
            &["Yes", "Initiation", "", "", ""],
            &["No", "Project charter approved", "A", "R", ""],
            &["No", "Kick-off meeting", "I", "A", "R"],
            &["Yes", "Migration", "", "", ""],
            &["No", "Wave 1 - internal apps", "I", "A", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let groups: Vec<_> = m.tasks.iter().map(|t| t.group.as_deref()).collect();
        assert_eq!(
            groups,
            [Some("Initiation"), Some("Initiation"), Some("Migration")]
        );
    }

    #[test]
    fn a_column_of_dates_is_no_task_column() {
        // A database export: the title column `Name` first, then details, then the teams;
        // the due dates are distinct texts that read like a few words.
        let wb = csv(&[
            &["Name", "Status", "Due", "Design", "Dev", "Marketing"],
            &["Price the plans", "Done", "April 1, 2024", "I", "C", "A"],
            &["Sum up feedback", "Done", "April 4, 2024", "A", "R", ""],
            &["Launch blog post", "Open", "May 2, 2024", "C", "", "A"],
            &["Onboarding redesign", "Open", "May 9, 2024", "R", "A", "I"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Wide);
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names[0], "Price the plans");
        assert_eq!(m.parties.len(), 3);
        assert_eq!(letters(&m, "Launch blog post", "Marketing"), "A");
    }

    #[test]
    fn transposed_matrix() {
        let wb = csv(&[
            &["Role", "Write the backlog", "Set the product vision"],
            &["Ann", "R", "A"],
            &["Bob", "A", "R"],
            &["Cy", "I", "C"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Transposed);
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.parties.len(), 3);
        assert_eq!(letters(&m, "Set the product vision", "Cy"), "C");
        assert_eq!(m.tasks[1].pos, Pos::new(0, 2));
        // The notes name the sheet's rows and columns, not the turned grid's.
        for note in [
            "The matrix is transposed: parties are rows and tasks are columns; column A holds \
             the party names.",
            "Header column A; task names in row 1 (Role).",
            "3 party rows: row 2 Ann, row 3 Bob, row 4 Cy.",
        ] {
            assert!(m.notes.iter().any(|n| n == note), "{note}\n{:#?}", m.notes);
        }
    }

    #[test]
    fn rasci_from_letters_present() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "S"],
            &["Do", "A", "C"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.scheme.name, SchemeName::Rasci);
        assert!(m.issues.is_empty());
        let forced = LayoutOptions {
            scheme: Some(SchemeName::Raci),
            ..LayoutOptions::default()
        };
        let m = detect(&wb, &forced).unwrap();
        assert_eq!(m.issues.len(), 1);
    }
    #[test]
    fn detail_headers_only_when_every_word_is_a_detail() {
        use super::header::non_party_header;
        for h in [
            "Status",
            "End date",
            "Total hours",
            "Week 12",
            "Comments",
            "Durée en jours",
            "Check",
            "Verifica A",
            "Contrôle A",
            "Count of A",
            "Blocked By (Dependencies)",
            "Predecessors",
            "Tags",
        ] {
            assert!(non_party_header(h), "{h}");
        }
        for h in [
            "Développeur Back-End",
            "Datenschutzbeauftragter",
            "Controlling",
            "Datenbank",
            "Sprint End- Acceptance",
            "Status Board Owner",
            "Total Rewards Team",
            "End user",
        ] {
            assert!(!non_party_header(h), "{h}");
        }
    }

    #[test]
    fn party_names_holding_detail_words_are_parties() {
        let wb = csv(&[
            &[
                "/",
                "Chef",
                "Développeur Back-End",
                "Sprint End- Acceptance",
                "Status",
            ],
            &["Plan", "A", "R", "C", "Done"],
            &["Build", "A", "C", "R", "Open"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Chef", "Développeur Back-End", "Sprint End- Acceptance"]
        );
    }

    #[test]
    fn a_flag_column_of_codes_is_not_a_party() {
        let wb = csv(&[
            &["Area", "M/O/C", "Ann", "Bob"],
            &["Support", "M", "A", "R"],
            &["Infra", "C", "R", "A"],
            &["Security", "M", "C", "A/R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ann", "Bob"]);
        assert_eq!(m.tasks[0].name, "Support");
    }

    #[test]
    fn short_labels_name_tasks_beside_a_description_column() {
        let wb = csv(&[
            &["Area", "Description", "Ann", "Bob"],
            &["Support", "- Monitoring\n- Escalation", "A", "R"],
            &["Infra", "- Scaling\n- Tuning", "R", "A"],
            &["Security", "- Access\n- Audits", "C", "A/R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Support", "Infra", "Security"]);
        // The description is kept with its task.
        assert_eq!(
            m.tasks[0].context.as_deref(),
            Some("- Monitoring - Escalation")
        );
    }

    #[test]
    fn four_header_rows_name_teams_per_environment() {
        // A group band, an environment band, assignees, then the team names (merged over
        // each Prod/Non-Prod pair): the names come from the team row, told apart by the
        // environment row; the group band and the assignees name nobody.
        let mut s = sheet(
            Some("S"),
            &[
                &["", "Core team", "", "", "", "", "", "", "Partners"],
                &[
                    "", "Barb", "Prod", "Non-Prod", "Prod", "Non-Prod", "Prod", "Non-Prod", "Dave",
                ],
                &[
                    "", "", "Pavan", "Varies", "Varies", "Varies", "Patty", "Patty", "",
                ],
                &[
                    "Area", "Owner", "Storage", "", "DSA", "", "Vendors", "", "Business",
                ],
                &["Support", "A", "R", "C", "I", "I", "C", "C", "I"],
                &["Strategy", "A/R", "C", "I", "R", "R", "C", "I", "C"],
            ],
        );
        merge(&mut s, 0, 1, 0, 7);
        merge(&mut s, 1, 1, 2, 1);
        for c in [2, 4, 6] {
            merge(&mut s, 3, c, 3, c + 1);
        }
        let wide = LayoutOptions {
            steer: crate::layout::Steering {
                shape: Some(Shape::Wide),
                ..Default::default()
            },
            ..LayoutOptions::default()
        };
        assert_eq!(
            detect(&book(vec![s.clone()]), &wide).unwrap().shape,
            Shape::Wide
        );
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Owner",
                "Storage / Prod",
                "Storage / Non-Prod",
                "DSA / Prod",
                "DSA / Non-Prod",
                "Vendors / Prod",
                "Vendors / Non-Prod",
                "Business"
            ],
            "{:#?}",
            m.notes
        );
        assert_eq!(letters(&m, "Support", "Storage / Non-Prod"), "C");
        assert_eq!(m.tasks.len(), 2);
        assert!(
            m.notes.iter().any(|n| n.starts_with("Header rows 1-4")),
            "{:#?}",
            m.notes
        );
    }

    /// A person's name merged over columns that a row below labels each (`Ann` over `Dev`
    /// and `QA`) is one party a column, named `Ann / Dev`, with no title: whether the roles
    /// repeat from person to person (then only the person tells the columns apart) or each
    /// person holds roles of their own (then the role row alone does, and the person still
    /// names the party). Without such a row the person is one party over the columns; a group
    /// band merged the same way (`Core team`) is no person: its label is a title.
    #[test]
    fn a_person_merged_over_role_columns_is_one_party_a_column() {
        /// Rows, merges `(r0, c0, r1, c1)`, the party names, the titles of the parties
        /// merged over (the first ones), and one cell as `[task, party, letters]`.
        type Case = (
            &'static [&'static [&'static str]],
            &'static [(u32, u32, u32, u32)],
            &'static [&'static str],
            &'static [Option<&'static str>],
            [&'static str; 3],
        );
        let cases: [Case; 4] = [
            (
                &[
                    &["Task", "Ann", "", "Bob", ""],
                    &["", "Dev", "QA", "Dev", "QA"],
                    &["Plan", "R", "C", "A", ""],
                    &["Test", "", "R", "", "A"],
                ],
                &[(0, 1, 0, 2), (0, 3, 0, 4)],
                &["Ann / Dev", "Ann / QA", "Bob / Dev", "Bob / QA"],
                &[None; 4],
                ["Test", "Bob / QA", "A"],
            ),
            (
                &[
                    &["Task", "Ann", "", "Bob", "", "Cy"],
                    &["", "Developer", "Tester", "Architect", "Analyst", ""],
                    &["Plan", "R", "C", "A", "", "I"],
                    &["Test", "", "R", "", "A", "C"],
                ],
                &[(0, 1, 0, 2), (0, 3, 0, 4), (0, 5, 1, 5)],
                &[
                    "Ann / Developer",
                    "Ann / Tester",
                    "Bob / Architect",
                    "Bob / Analyst",
                    "Cy",
                ],
                // `Cy`, merged down over the band, is not titled by its own name.
                &[None; 5],
                ["Test", "Bob / Analyst", "A"],
            ),
            (
                &[&["Task", "Ann", "", "Bob"], &["Plan", "R", "A", "C"]],
                &[(0, 1, 0, 2)],
                &["Ann", "Bob"],
                &[None],
                ["Plan", "Ann", "R/A"],
            ),
            (
                &[
                    &["Task", "Core team", "", "Partners", ""],
                    &["", "Developer", "Tester", "Architect", "Analyst"],
                    &["Plan", "R", "C", "A", ""],
                    &["Test", "", "R", "", "A"],
                ],
                &[(0, 1, 0, 2), (0, 3, 0, 4)],
                &["Developer", "Tester", "Architect", "Analyst"],
                &[
                    Some("Core team"),
                    Some("Core team"),
                    Some("Partners"),
                    Some("Partners"),
                ],
                ["Test", "Analyst", "A"],
            ),
        ];
        for (rows, merges, names, titles, [task, party, held]) in cases {
            let mut s = sheet(Some("S"), rows);
            for &(r0, c0, r1, c1) in merges {
                merge(&mut s, r0, c0, r1, c1);
            }
            let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
            let got: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(got, names, "{:#?}", m.notes);
            let got: Vec<_> = m.parties.iter().map(|p| p.title.as_deref()).collect();
            assert_eq!(got[..titles.len()], *titles, "{names:?}");
            assert_eq!(letters(&m, task, party), held, "{names:?}");
        }
    }

    #[test]
    fn a_task_name_merged_over_rows_with_their_own_letters_is_a_task_a_row() {
        let mut s = sheet(
            Some("S"),
            &[
                &["Task", "Ann", "Bob"],
                &["Security", "R", "C"],
                &["", "C", "R"],
                &["Support", "A", "R"],
            ],
        );
        merge(&mut s, 1, 0, 2, 0);
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Security", "Security (2)", "Support"]);
        assert_eq!(letters(&m, "Security (2)", "Bob"), "R");
        assert_eq!(m.tasks[1].pos, Pos::new(2, 0));
    }

    #[test]
    fn task_text_continued_under_merged_letters_is_one_task() {
        let mut s = sheet(
            Some("S"),
            &[
                &["Task", "Ann", "Bob"],
                &["Develop the", "R", "A"],
                &["marketing plan"],
                &["Launch", "A", "R"],
            ],
        );
        merge(&mut s, 1, 1, 2, 1);
        merge(&mut s, 1, 2, 2, 2);
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Develop the marketing plan", "Launch"]);
        assert_eq!(letters(&m, "Develop the marketing plan", "Bob"), "A");
        assert!(
            m.notes.iter().any(|n| n.contains("continued")),
            "{:#?}",
            m.notes
        );
    }

    #[test]
    fn a_row_without_context_and_all_marks_is_a_section_heading() {
        let wb = csv(&[
            &["Task", "Class", "Ann", "Bob"],
            &["Plan", "Core", "R", "A"],
            &["Build", "Core", "A", "R"],
            &["After launch", "", "-", "-"],
            &["Support", "Run", "R", "A"],
            &["Retire", "Run", "A", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Plan", "Build", "Support", "Retire"]);
        assert_eq!(m.tasks[2].group.as_deref(), Some("After launch"));
        // With its context filled in, the same row is a task nobody holds.
        let wb = csv(&[
            &["Task", "Class", "Ann", "Bob"],
            &["Plan", "Core", "R", "A"],
            &["Tidy up", "Core", "-", "-"],
            &["Support", "Run", "R", "A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 3);
    }

    #[test]
    fn letters_with_a_note_keep_their_letters() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Upgrade", "R (upgrades, patches, testing, releases)", "A"],
            &["Run", "A", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(letters(&m, "Upgrade", "Ann"), "R");
        // The note is not understood, so the cell is also reported.
        assert_eq!(m.issues.len(), 1);
    }

    #[test]
    fn legends_beside_and_below_are_no_parties_and_keep_the_orientation() {
        let wb = csv(&[
            &["Task", "Ann", "Bob", "", "", ""],
            &["Define scope", "R", "A", "", "", ""],
            &["Write stories", "A", "R", "", "R", "Who does the work"],
            &["Review design", "C", "A/R", "", "A", "Who signs off"],
            &["Run the demo", "I", "R", "", "C", "Who gives advice"],
            &["Plan release", "R", "A", "", "I", "Who hears about it"],
            &["", "", "", "", "", ""],
            &["R = Responsible"],
            &["A = Accountable"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Wide);
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ann", "Bob"]);
        assert_eq!(m.tasks.len(), 5);
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
    }

    #[test]
    fn roles_as_rows_and_activities_as_columns_read_transposed() {
        let wb = csv(&[
            &[
                "Step \\ Role",
                "Create backlog",
                "Run sprint review",
                "Publish release",
            ],
            &["Product Owner", "A/R", "A", "C"],
            &["Scrum Master", "C", "R", "I"],
            &["Ops Manager", "I", "I", "A/R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Transposed, "{:#?}", m.notes);
        assert_eq!(letters(&m, "Publish release", "Ops Manager"), "R/A");
        assert!(m.reading.runner_up.is_some());
        assert!(!m.reading.unsure, "{:?}", m.reading);
    }
    #[test]
    fn a_file_of_x_marks_is_read_and_each_mark_reported() {
        let wb = csv(&[
            &["Task", "Ann", "Bob", "Cy"],
            &["Plan", "x", "", "x"],
            &["Build", "", "X", ""],
            &["Ship", "✓", "x", ""],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 3);
        assert_eq!(m.parties.len(), 3);
        assert_eq!(m.issues.len(), 5);
        assert!(m
            .issues
            .iter()
            .all(|i| i.problem == CellProblem::UnknownLetter));
        assert_eq!(m.reading.marks_without_letters, 5);
        assert!(
            m.notes.iter().any(|n| n.contains("--x-means")),
            "{:#?}",
            m.notes
        );
        let opts = LayoutOptions {
            steer: crate::layout::Steering {
                x_means: Some(Letter::R),
                ..Default::default()
            },
            ..LayoutOptions::default()
        };
        let m = detect(&wb, &opts).unwrap();
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
        assert_eq!(m.reading.marks_without_letters, 0);
        assert_eq!(letters(&m, "Ship", "Ann"), "R");
        assert_eq!(letters(&m, "Build", "Bob"), "R");
    }
    #[test]
    fn a_label_heading_no_task_is_a_task_nobody_holds() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Discovery", "", ""],
            &["Research", "R", "A"],
            &["Launch", "", ""],
            &["Delivery", "", ""],
            &["Build", "A", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Research", "Launch", "Build"]);
        assert!(m.tasks[1].assignments.is_empty());
        assert_eq!(m.tasks[2].group.as_deref(), Some("Delivery"));
        // A numbered heading over a numbered sub-heading heads it instead.
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["1.0 Discovery", "", ""],
            &["1.1 Interviews", "", ""],
            &["1.1.1 Plan interviews", "R", "A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 1);
        assert_eq!(m.tasks[0].group.as_deref(), Some("1.1 Interviews"));
        assert!(
            m.notes.iter().any(|n| n.contains("row 2 (1.0 Discovery)")),
            "{:#?}",
            m.notes
        );
    }

    /// Rows 2 to 6 of a small table under `band` (the row above the header row).
    fn under_band(band: &[&str]) -> crate::input::Workbook {
        let mut rows: Vec<&[&str]> = vec![band, &["Task", "Dev", "Ops", "Dev", "Ops"]];
        rows.extend_from_slice(&[
            &["Plan release", "R", "A", "C", "I"][..],
            &["Build feature", "A", "R", "I", "C"],
            &["Ship product", "R", "C", "A", "I"],
            &["Write docs", "C", "R", "I", "A"],
        ]);
        csv(&rows)
    }

    #[test]
    fn a_two_row_band_of_team_names_beats_the_one_row_band() {
        let m = detect(
            &under_band(&["", "Alpha", "", "Beta", ""]),
            &Default::default(),
        )
        .unwrap();
        assert!(!m.reading.chosen.contains("band"), "{}", m.reading.chosen);
        // The names repeat under the band, whose labels stand over the first column of each
        // team only (a CSV keeps no merge): each label covers the columns up to the next.
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Alpha / Dev", "Alpha / Ops", "Beta / Dev", "Beta / Ops"]
        );
        // The one-row band was a candidate of its own, and lost on the evidence.
        let second = m.reading.runner_up.unwrap();
        assert!(second.contains("header row 2, a band of 1 row"), "{second}");
    }

    #[test]
    fn a_row_of_marks_above_the_names_loses_as_a_two_row_band() {
        let m = detect(&under_band(&["", "?", "?", "?", "?"]), &Default::default()).unwrap();
        assert!(!m.reading.chosen.contains("band"), "{}", m.reading.chosen);
        assert!(
            m.parties[..4].iter().all(|p| p.title.is_none()),
            "{:#?}",
            m.parties
        );
        let second = m.reading.runner_up.unwrap();
        assert!(
            second.contains("header row 2, a band of 2 rows"),
            "{second}"
        );
    }

    #[test]
    fn the_second_task_column_is_a_candidate() {
        let wb = csv(&[
            &["Label", "Task", "Ann", "Bob"],
            &["Planning", "Plan the release", "R", "A"],
            &["Building", "Build the feature", "A", "R"],
            &["Shipping", "Ship the product", "R", "C"],
            &["Docs", "Write the docs", "C", "R"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        let second = m.reading.runner_up.unwrap();
        assert!(second.contains("tasks in column B"), "{second}");
        // A group column (far fewer names than tasks) is never proposed as the task column.
        let wb = csv(&[
            &["Phase", "Task", "Ann", "Bob"],
            &["Plan", "Plan the release", "R", "A"],
            &["Plan", "Build the feature", "A", "R"],
            &["Plan", "Ship the product", "R", "C"],
            &["Run", "Write the docs", "C", "R"],
            &["Run", "Support the users", "A", "R"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        assert_eq!(m.tasks[0].name, "Plan the release");
        assert!(!m.reading.runner_up.unwrap_or_default().contains("tasks in"));
    }

    /// Steering that names only the header rows, or only the party columns.
    fn steered(header_rows: Option<u32>, party_columns: Option<(u32, u32)>) -> LayoutOptions {
        LayoutOptions {
            steer: crate::layout::Steering {
                header_rows,
                party_columns,
                ..Default::default()
            },
            ..LayoutOptions::default()
        }
    }

    #[test]
    fn a_task_column_beside_a_column_headed_as_groups_wins() {
        // Every area once: both columns have as many names, and the header says which
        // holds the tasks.
        let wb = csv(&[
            &["Area", "Task", "Ann", "Bob"],
            &["Planning", "Plan the release", "R", "A"],
            &["Building", "Build the feature", "A", "R"],
            &["Shipping", "Ship the product", "R", "C"],
            &["Docs", "Write the docs", "C", "R"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        assert!(
            m.reading.chosen.contains("tasks in column B"),
            "{:?}",
            m.reading
        );
        assert_eq!(m.tasks[0].name, "Plan the release");
        assert!(!m.reading.unsure, "{:?}", m.reading);
        let evidence = m.reading.separated_by.join("; ");
        assert!(evidence.contains("\"Area\" names groups"), "{evidence}");
    }

    #[test]
    fn an_area_column_that_repeats_holds_groups() {
        let wb = csv(&[
            &["Area", "Task", "Ann", "Bob"],
            &["Planning", "Plan the release", "R", "A"],
            &["Planning", "Agree the budget", "A", "R"],
            &["Delivery", "Build the feature", "A", "R"],
            &["Delivery", "Ship the product", "R", "C"],
            &["Support", "Answer user tickets", "C", "R"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names[0], "Plan the release");
        assert_eq!(m.tasks.len(), 5);
        assert_eq!(m.tasks[1].group.as_deref(), Some("Planning"));
        assert_eq!(m.tasks[4].group.as_deref(), Some("Support"));
    }

    #[test]
    fn a_column_of_letters_headed_as_a_detail_is_a_runner_up_party() {
        let wb = csv(&[
            &["Task", "Ann", "Bob", "Cy", "Status"],
            &["Plan the release", "R", "A", "C", "R"],
            &["Build the feature", "A", "R", "I", "A"],
            &["Ship the product", "R", "C", "A", "C"],
            &["Write docs", "C", "R", "I", "R"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ann", "Bob", "Cy"]);
        let second = m.reading.runner_up.clone().unwrap();
        assert!(
            second.contains("column E (Status) read as a party"),
            "{second}"
        );
        // The header that names a detail is the evidence against it.
        let evidence = m.reading.separated_by.join("; ");
        assert!(evidence.contains("party headers"), "{evidence}");
        // Party columns the user named are not second-guessed.
        let m = detect(&wb, &steered(None, Some((1, 3)))).unwrap();
        assert!(!m.reading.runner_up.unwrap_or_default().contains("party"));
    }

    #[test]
    fn a_column_of_free_text_beside_the_letters_is_a_runner_up_without_it() {
        let wb = csv(&[
            &["Task", "Ann", "Bob", "Ops"],
            &["Plan the release", "R", "A", "see ticket 12"],
            &["Build the feature", "A", "R", "I"],
            &["Ship the product", "R", "C", "C"],
            &["Write docs", "C", "R", "ask Dana first"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        assert_eq!(m.parties.len(), 3);
        let second = m.reading.runner_up.unwrap();
        assert!(second.contains("column D (Ops) not a party"), "{second}");
        // A column of letters is a party's whatever its header reads like: no doubt, and
        // no reading without it (found by props::random_matrices_survive_csv).
        let wb = csv(&[
            &["Task", "Product Owner 1", "Product Owner 2."],
            &["Plan 1", "R", "R"],
            &["Plan 2", "R", ""],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        assert_eq!(m.parties.len(), 2, "{:?}", m.reading);
        assert!(!m.reading.runner_up.unwrap_or_default().contains("party"));
    }

    #[test]
    fn a_party_written_twice_keeps_both_columns_with_or_without_a_note() {
        // Two `QA` columns are what D003 reports: the repeated name is no reason to read the
        // sheet without one of them, even when a note stands among its letters.
        for note in ["C", "see notes from last week"] {
            let wb = csv(&[
                &["Task", "QA", "Dev", "QA"],
                &["Plan the release", "R", "A", "C"],
                &["Write the stories", "A", "R", note],
                &["Test the build", "R", "A", "I"],
            ]);
            let m = detect(&wb, &Default::default()).unwrap();
            assert_eq!(m.parties.len(), 3, "{note}: {:?}", m.reading);
            assert_eq!(letters(&m, "Test the build", "QA"), "R", "{note}");
            let kept: usize = m.tasks.iter().map(|t| t.assignments.len()).sum();
            assert_eq!(kept, if note == "C" { 9 } else { 8 }, "{note}");
            // The note is no letter: it is reported with its cell, not dropped.
            assert_eq!(
                m.issues.len(),
                usize::from(note != "C"),
                "{note}: {:?}",
                m.issues
            );
        }
    }

    #[test]
    fn header_rows_given_fix_the_band_but_not_the_task_column() {
        let wb = csv(&[
            &["", "", "Alpha", "", "Beta"],
            &["Label", "Task", "Dev", "Ops", "Dev"],
            &["Planning", "Plan the release", "R", "A", "C"],
            &["Building", "Build the feature", "A", "R", "I"],
            &["Shipping", "Ship the product", "R", "C", "A"],
        ]);
        let m = detect(&wb, &steered(Some(2), None)).unwrap();
        let second = m.reading.runner_up.unwrap_or_default();
        assert!(second.contains("tasks in column"), "{second}");
        assert!(!second.contains("band"), "{second}");
    }

    #[test]
    fn a_first_task_row_of_marks_is_never_tried_as_band_labels() {
        let wb = csv(&[
            &["Task", "Dev", "Ops", "QA"],
            &["Plan the release", "x", "", "x"],
            &["Build the feature", "R", "A", "C"],
            &["Ship the product", "A", "R", "I"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        let readings = format!("{} | {:?}", m.reading.chosen, m.reading.runner_up);
        assert!(!readings.contains("to row 2"), "{readings}");
        assert!(m.tasks.iter().any(|t| t.name == "Plan the release"));
    }

    #[test]
    fn a_label_row_under_the_header_is_tried_as_part_of_the_band() {
        // Team names written twice, told apart by the row under them: read as titles, the
        // row leaves two parties of each name; read as part of the band, it names them.
        let wb = csv(&[
            &["Task", "Dev", "Dev", "Ops", "Ops"],
            &["", "Prod", "Non-Prod", "Prod", "Non-Prod"],
            &["Plan the release", "R", "A", "C", "I"],
            &["Build the feature", "A", "R", "I", "C"],
            &["Ship the product", "R", "C", "A", "I"],
        ]);
        let m = detect(&wb, &Default::default()).unwrap();
        let names: BTreeSet<&str> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(names.iter().all(|n| n.contains(" / ")), "{names:?}");
        let readings = format!("{} | {:?}", m.reading.chosen, m.reading.runner_up);
        assert!(readings.contains("a band of 2 rows to row 2"), "{readings}");
    }

    #[test]
    fn long_tables_get_no_alternative_readings() {
        let mut rows: Vec<Vec<String>> = vec![
            vec![
                "".into(),
                "Alpha".into(),
                "".into(),
                "Beta".into(),
                "".into(),
            ],
            ["Task", "Dev", "Ops", "Dev", "Ops"]
                .map(String::from)
                .to_vec(),
        ];
        for i in 0..super::ALTERNATIVES_MAX_ROWS {
            rows.push(vec![
                format!("Task {i}"),
                "R".into(),
                "A".into(),
                "C".into(),
                "I".into(),
            ]);
        }
        let refs: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        let m = detect(&csv(&refs), &Default::default()).unwrap();
        let second = m.reading.runner_up.unwrap_or_default();
        assert!(!second.contains("band"), "{second}");
        // Nor other party columns: a column of letters headed `Status` is a doubt only
        // on a shorter table.
        for row in rows.iter_mut() {
            let status = if row[0] == "Task" { "Status" } else { "R" };
            row.push(status.into());
        }
        let refs: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        let m = detect(&csv(&refs), &Default::default()).unwrap();
        let second = m.reading.runner_up.unwrap_or_default();
        assert!(!second.contains("party"), "{second}");
    }

    #[test]
    fn long_tables_read_no_header_row_far_below_the_first_choice() {
        // A data row holding names over letters is a header row the scorer may try; on a
        // long table it is not read, on a short one it is.
        let runner_up = |rows_after: usize| {
            let mut rows: Vec<Vec<String>> = vec![["Task", "Ann", "Bob", "Cid", "Dan"]
                .map(String::from)
                .to_vec()];
            for i in 0..40 + rows_after {
                let row = if i == 30 {
                    ["Task 30", "Eve", "Fay", "R", "A"]
                } else {
                    ["", "R", "A", "C", "I"]
                };
                let mut row = row.map(String::from).to_vec();
                if i != 30 {
                    row[0] = format!("Task {i}");
                }
                rows.push(row);
            }
            let refs: Vec<Vec<&str>> = rows
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            let refs: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
            detect(&csv(&refs), &Default::default())
                .unwrap()
                .reading
                .runner_up
                .unwrap_or_default()
        };
        assert!(runner_up(0).contains("header row 32"), "{}", runner_up(0));
        let long = runner_up(super::ALTERNATIVES_MAX_ROWS);
        assert!(!long.contains("header row 32"), "{long}");
    }
}
