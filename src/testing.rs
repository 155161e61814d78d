//! Builders for tests, shared by the unit tests and the integration tests (which see only
//! the public library). Not part of the API: hidden from the docs, and unused by the binary,
//! so nothing of it is linked into `raci`.

use crate::model::{
    parse_cell, Assignment, CellIssue, CellParse, CellProblem, Matrix, Party, Pos, Scheme, Source,
    Task, TitleSide,
};

/// A matrix as a spreadsheet would hold it: headers in row 1 from column B, task names in
/// column A from row 2. A header's title is read from `(Product Owner)`, `(Product Manager)`
/// or `(PM)`, or from an ending ` - Product Owner` or ` - Product Manager` (`Tom Reed -
/// Product Manager`, the other way headers write a title); a task name may end in `@group`.
/// Unreadable cells become issues, as the layout stage reports them.
pub fn matrix(parties: &[&str], rows: &[(&str, &[&str])]) -> Matrix {
    let scheme = Scheme::default();
    let parties = parties
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let titled = |title: &str| {
                header.contains(&format!("({title})")) || header.ends_with(&format!(" - {title}"))
            };
            let (title, title_side) = if titled("Product Owner") {
                (Some("Product Owner"), Some(TitleSide::Po))
            } else if titled("Product Manager") {
                (Some("Product Manager"), Some(TitleSide::Pm))
            } else if header.contains("(PM)") {
                (Some("PM"), Some(TitleSide::Ambiguous))
            } else {
                (None, None)
            };
            Party {
                name: header.to_string(),
                title: title.map(str::to_string),
                title_side,
                pos: Pos::new(0, i as u32 + 1),
            }
        })
        .collect();
    let mut issues = Vec::new();
    let tasks = rows
        .iter()
        .enumerate()
        .map(|(t, (name, cells))| {
            let (name, group) = match name.split_once('@') {
                Some((n, g)) => (n, Some(g.to_string())),
                None => (*name, None),
            };
            let row = t as u32 + 1;
            let mut assignments = Vec::new();
            for (p, text) in cells.iter().enumerate() {
                let pos = Pos::new(row, p as u32 + 1);
                match parse_cell(text, &scheme) {
                    CellParse::Empty => {}
                    CellParse::Letters(letters) => assignments.push(Assignment {
                        party: p,
                        letters,
                        pos,
                    }),
                    CellParse::Unknown { letters, .. } => issues.push(CellIssue {
                        pos,
                        raw: text.to_string(),
                        problem: CellProblem::UnknownLetter,
                        task: Some(t),
                        party: Some(p),
                        letters,
                    }),
                }
            }
            Task {
                context: None,
                name: name.to_string(),
                group,
                pos: Pos::new(row, 0),
                side_override: None,
                assignments,
            }
        })
        .collect();
    Matrix {
        source: Source {
            file: "team.xlsx".into(),
            sheet: Some("RACI".into()),
        },
        tasks,
        parties,
        issues,
        ..Matrix::default()
    }
}

/// A party named `name` with the title `title`, at A1: for the tests of what is done with
/// names and titles, where the position does not matter.
pub fn party(name: &str, title: Option<&str>) -> Party {
    Party {
        name: name.into(),
        title: title.map(String::from),
        title_side: None,
        pos: Pos::default(),
    }
}
