//! Unit tests: matching tasks, renames, parties, cells, sides and findings between two small
//! matrices built in code and audited by the real rules.

use super::report::DiffView;
use super::*;
use crate::audit::{self, Audit, AuditSettings};
use crate::classify::{Classification, SideSource, Taxonomy};
use crate::model::{parse_cell, Assignment, CellParse, Party, Pos, Scheme, Source, Task};

struct Built {
    matrix: Matrix,
    classes: Vec<Classification>,
    taxonomy: Taxonomy,
    audit: Audit,
}

impl Built {
    fn outcome(&self) -> Outcome<'_> {
        Outcome {
            matrix: &self.matrix,
            classes: &self.classes,
            taxonomy: &self.taxonomy,
            audit: &self.audit,
            suggestions: &[],
        }
    }
}

/// Rows are `(name[@group], side, cells)`.
fn build(file: &str, parties: &[&str], rows: &[(&str, Side, &[&str])]) -> Built {
    let scheme = Scheme::default();
    let parties = parties
        .iter()
        .enumerate()
        .map(|(i, h)| Party {
            name: h.to_string(),
            title: h
                .split_once(" (")
                .or_else(|| h.split_once(" - "))
                .map(|(_, t)| t.trim_end_matches(')').to_string()),
            title_side: None,
            pos: Pos::new(0, i as u32 + 1),
        })
        .collect();
    let tasks = rows
        .iter()
        .enumerate()
        .map(|(t, (name, _, cells))| {
            let (name, group) = match name.split_once('@') {
                Some((n, g)) => (n, Some(g.to_string())),
                None => (*name, None),
            };
            Task {
                name: name.to_string(),
                group,
                context: None,
                pos: Pos::new(t as u32 + 1, 0),
                side_override: None,
                assignments: cells
                    .iter()
                    .enumerate()
                    .filter_map(|(p, text)| match parse_cell(text, &scheme) {
                        CellParse::Letters(letters) => Some(Assignment {
                            party: p,
                            letters,
                            pos: Pos::new(t as u32 + 1, p as u32 + 1),
                        }),
                        _ => None,
                    })
                    .collect(),
            }
        })
        .collect();
    let classes: Vec<Classification> = rows
        .iter()
        .map(|(_, side, _)| Classification {
            side: *side,
            duty: None,
            confidence: 1.0,
            matched: Vec::new(),
            source: SideSource::Classifier,
            ..Classification::unclassified()
        })
        .collect();
    let matrix = Matrix {
        source: Source {
            file: file.into(),
            sheet: None,
        },
        tasks,
        parties,
        ..Matrix::default()
    };
    let taxonomy = Taxonomy { duties: Vec::new() };
    let audit = audit::run(&matrix, &classes, &taxonomy, &AuditSettings::default());
    Built {
        matrix,
        classes,
        taxonomy,
        audit,
    }
}

const U: Side = Side::Unclassified;

fn diff(a: &Built, b: &Built) -> Diff {
    compare(&a.outcome(), &b.outcome())
}

#[test]
fn the_same_matrix_changes_nothing() {
    let rows: &[(&str, Side, &[&str])] = &[("Plan", U, &["R/A", ""]), ("Ship", U, &["A", ""])];
    let a = build("a.xlsx", &["Ana", "Bob"], rows);
    let b = build("b.csv", &["Ana", "Bob"], rows);
    let d = diff(&a, &b);
    assert_eq!(d.tasks.len(), 2);
    assert!(d.added.is_empty() && d.removed.is_empty() && d.letters.is_empty());
    assert!(d.sides.is_empty());
    assert_eq!(d.count(Status::Fixed) + d.count(Status::New), 0);
    assert_eq!(d.count(Status::Still), a.audit.findings.len());
    assert_eq!(
        d.headline(),
        format!(
            "health {h} -> {h}; 0 findings fixed, 0 new",
            h = a.audit.health
        )
    );
}

#[test]
fn names_fold_case_and_space_within_their_group() {
    let a = build(
        "a.csv",
        &["Ana"],
        &[
            ("Sprint  Review@Delivery", U, &["R/A"]),
            ("Plan@Discovery", U, &["R/A"]),
        ],
    );
    let b = build(
        "b.csv",
        &["ana"],
        &[
            ("sprint review@ delivery", U, &["R/A"]),
            ("Plan@Launch", U, &["R"]),
        ],
    );
    let d = diff(&a, &b);
    // `Plan` moved to another group: the same task, moved, with its letters changed.
    assert_eq!(
        d.tasks,
        [
            TaskMatch {
                old: 0,
                new: 0,
                renamed: false,
                moved: false
            },
            TaskMatch {
                old: 1,
                new: 1,
                renamed: false,
                moved: true
            },
        ]
    );
    assert!(d.added.is_empty() && d.removed.is_empty());
    assert_eq!(d.letters.len(), 1);
    assert_eq!(
        d.parties,
        [PartyMatch {
            old: Some(0),
            new: Some(0)
        }]
    );
}

#[test]
fn a_renamed_task_with_the_same_letters_is_a_rename() {
    let a = build(
        "a.csv",
        &["Ana", "Bob"],
        &[
            ("Write stories", U, &["R", "A"]),
            ("Old chore", U, &["C", ""]),
        ],
    );
    let b = build(
        "b.csv",
        &["Bob", "Ana"],
        &[
            ("Write user stories", U, &["A", "R"]),
            ("New chore", U, &["", "I"]),
        ],
    );
    let d = diff(&a, &b);
    assert_eq!(d.renamed().count(), 1);
    assert_eq!(
        d.tasks,
        [TaskMatch {
            old: 0,
            new: 0,
            renamed: true,
            moved: false
        }]
    );
    assert_eq!(d.added, [1]);
    assert_eq!(d.removed, [1]);
    assert!(
        d.letters.is_empty(),
        "party order does not matter: {:?}",
        d.letters
    );
}

#[test]
fn parties_match_without_their_title_and_cells_change_one_by_one() {
    let a = build(
        "a.csv",
        &["Tom Reed - Product Manager", "Old Hand"],
        &[("Plan", U, &["R/A", "C"]), ("Ship", U, &["A", "R"])],
    );
    let b = build(
        "b.csv",
        &["Tom Reed (Product Manager)", "Newcomer"],
        &[("Plan", U, &["R/A", "I"]), ("Ship", U, &["R/A", ""])],
    );
    let d = diff(&a, &b);
    assert_eq!(
        d.parties,
        [
            PartyMatch {
                old: Some(0),
                new: Some(0)
            },
            PartyMatch {
                old: None,
                new: Some(1)
            },
            PartyMatch {
                old: Some(1),
                new: None
            },
        ]
    );
    let cells: Vec<(usize, usize, String, String)> = d
        .letters
        .iter()
        .map(|l| (l.task, l.party, l.before.to_string(), l.after.to_string()))
        .collect();
    assert_eq!(
        cells,
        [
            (0, 1, "".into(), "I".into()),
            (0, 2, "C".into(), "".into()),
            (1, 0, "A".into(), "R/A".into()),
            (1, 2, "R".into(), "".into()),
        ]
    );
}

#[test]
fn findings_are_fixed_new_or_still_and_sides_change() {
    let a = build(
        "a.csv",
        &["Ana", "Bob"],
        &[
            ("Plan", Side::Po, &["R", "C"]),
            ("Ship", U, &["R/A", "A"]),
            ("Test", U, &["R/A", ""]),
        ],
    );
    let b = build(
        "b.csv",
        &["Ana", "Bob"],
        &[
            ("Plan", Side::Pm, &["R/A", "C"]),
            ("Ship", U, &["R/A", "A"]),
            ("Test", U, &["R", ""]),
        ],
    );
    let d = diff(&a, &b);
    let of = |s: Status| -> Vec<(&str, Option<usize>)> {
        d.findings
            .iter()
            .filter(|f| f.status == s)
            .map(|f| match s {
                Status::Fixed => &a.audit.findings[f.old.unwrap()],
                _ => &b.audit.findings[f.new.unwrap()],
            })
            .filter(|f| f.code.starts_with('R'))
            .map(|f| (f.code, f.task))
            .collect()
    };
    assert_eq!(of(Status::Fixed), [("R001", Some(0))]);
    assert_eq!(of(Status::New), [("R001", Some(2))]);
    assert_eq!(of(Status::Still), [("R002", Some(1))]);
    assert_eq!(
        d.sides,
        [SideChange {
            task: 0,
            before: Side::Po,
            after: Side::Pm
        }]
    );
    assert_eq!(d.worst_new(&b.audit.findings), Some(Severity::Error));
}

#[test]
fn duplicate_names_pair_in_order() {
    let a = build(
        "a.csv",
        &["Ana"],
        &[("Review", U, &["R/A"]), ("Review", U, &["C"])],
    );
    let b = build(
        "b.csv",
        &["Ana"],
        &[("Review", U, &["R/A"]), ("Review", U, &["I"])],
    );
    let d = diff(&a, &b);
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.letters.len(), 1);
    assert_eq!(d.letters[0].task, 1);
}

#[test]
fn csv_and_markdown_say_the_same_and_guard_formulas() {
    let a = build(
        "a.csv",
        &["=Ana"],
        &[("=Plan", U, &["R"]), ("Gone", U, &["R/A"])],
    );
    let b = build(
        "b.csv",
        &["=Ana"],
        &[("=Plan", U, &["R/A"]), ("+New", U, &["A/C"])],
    );
    let d = diff(&a, &b);
    let (o, n) = (a.outcome(), b.outcome());
    let view = DiffView {
        old: &o,
        new: &n,
        diff: &d,
    };
    let csv = String::from_utf8(view.csv(false)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], report::COLUMNS.join(","));
    assert!(lines[1].starts_with("health,,,,"), "{csv}");
    assert!(csv.contains("task-added,'+New,"), "{csv}");
    assert!(csv.contains("task-removed,Gone,"), "{csv}");
    assert!(
        csv.contains("letters-changed,'=Plan,,'=Ana,R,R/A,"),
        "{csv}"
    );
    assert!(
        csv.contains("finding-fixed,'=Plan,,,,,R001,error,"),
        "{csv}"
    );
    assert!(!csv.lines().any(|l| l.starts_with(['=', '+', '-', '@'])));
    let md = view.markdown(Some("diff.png"));
    assert!(md.starts_with("# RACI diff: a.csv -> b.csv\n"), "{md}");
    assert!(md.contains("## Tasks added (1)\n\n- +New\n"), "{md}");
    assert!(
        md.contains("## Letters changed (1)\n\n- =Plan, =Ana: R -> R/A\n"),
        "{md}"
    );
    assert!(md.contains("![Findings by family, before and after](<diff.png>)"));
}
