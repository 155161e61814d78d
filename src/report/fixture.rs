//! A hand-made outcome for the report unit tests: eight tasks, four parties, every kind of
//! finding a report lays out specially. Built by hand so the tests do not depend on the
//! classifier or the audit rules.

use crate::audit::{find_rule, Audit, DutyCoverage, Finding, Severity};
use crate::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use crate::model::{
    Assignment, CellIssue, CellProblem, Letter, LetterSet, Matrix, Party, Pos, Side, Source, Task,
    TitleSide,
};
use crate::outcome::Outcome;

pub(crate) struct Fixture {
    pub matrix: Matrix,
    pub classes: Vec<Classification>,
    pub taxonomy: Taxonomy,
    pub audit: Audit,
}

fn letters(text: &str) -> LetterSet {
    let mut set = LetterSet::EMPTY;
    for c in text.chars() {
        let l = match c {
            'R' => Letter::R,
            'A' => Letter::A,
            'C' => Letter::C,
            'I' => Letter::I,
            'S' => Letter::S,
            'V' => Letter::V,
            _ => continue,
        };
        set.insert(l);
    }
    set
}

fn duty(id: &str, side: Side, kind: DutyKind, text: &str) -> Duty {
    Duty {
        covers: None,
        id: id.into(),
        side,
        kind,
        text: text.into(),
        section: "test".into(),
        signals: vec![],
        local_signals: Default::default(),
    }
}

fn class(side: Side, duty: Option<&str>, confidence: f64) -> Classification {
    Classification {
        side,
        duty: duty.map(String::from),
        confidence,
        matched: duty.map(|d| vec![d.replace('-', " ")]).unwrap_or_default(),
        source: SideSource::Classifier,
        ..Classification::unclassified()
    }
}

fn finding(code: &'static str, name: &'static str, severity: Severity, message: &str) -> Finding {
    Finding {
        code,
        name,
        rule: find_rule(code).expect("the fixture's codes are rules of the table"),
        severity,
        task: None,
        party: None,
        duty: None,
        pos: None,
        message: message.into(),
        related_tasks: vec![],
    }
}

impl Fixture {
    pub(crate) fn new() -> Fixture {
        let party = |name: &str, title: Option<&str>, side: Option<TitleSide>, col| Party {
            name: name.into(),
            title: title.map(String::from),
            title_side: side,
            pos: Pos::new(1, col),
        };
        let parties = vec![
            party(
                "Maria (Product Owner)",
                Some("Product Owner"),
                Some(TitleSide::Po),
                1,
            ),
            party(
                "Tom (Product Manager)",
                Some("Product Manager"),
                Some(TitleSide::Pm),
                2,
            ),
            party("Dev Team", None, None, 3),
            party("Sales", None, None, 4),
        ];
        // (name, group, letters per party)
        let rows: [(&str, Option<&str>, [&str; 4]); 8] = [
            (
                "Set sprint priorities",
                Some("Delivery"),
                ["RA", "I", "R", ""],
            ),
            ("Write user stories", Some("Delivery"), ["RA", "", "C", ""]),
            (
                "Define product vision",
                Some("Discovery"),
                ["R", "C", "", ""],
            ),
            ("Market research", Some("Discovery"), ["", "RA", "", "C"]),
            ("Release planning", None, ["A", "R", "", ""]),
            ("Pricing", None, ["", "A", "", "R"]),
            ("Team lunch", None, ["", "", "", ""]),
            ("Stakeholder demo", None, ["", "R", "", ""]),
        ];
        let tasks = rows
            .iter()
            .enumerate()
            .map(|(i, (name, group, cells))| {
                let row = i as u32 + 2;
                Task {
                    context: None,
                    name: name.to_string(),
                    group: group.map(String::from),
                    pos: Pos::new(row, 0),
                    side_override: None,
                    assignments: cells
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| !c.is_empty())
                        .map(|(p, c)| Assignment {
                            party: p,
                            letters: letters(c),
                            pos: Pos::new(row, p as u32 + 1),
                        })
                        .collect(),
                }
            })
            .collect();
        let matrix = Matrix {
            source: Source {
                file: "team.xlsx".into(),
                sheet: Some("RACI".into()),
            },
            tasks,
            parties,
            issues: vec![CellIssue {
                pos: Pos::new(9, 3),
                raw: "x".into(),
                problem: CellProblem::UnknownLetter,
                task: Some(7),
                party: Some(2),
                letters: LetterSet::EMPTY,
            }],
            notes: vec!["Header row 2, tasks in column A.".into()],
            ..Matrix::default()
        };
        let classes = vec![
            class(Side::Po, Some("po-sprint-priorities"), 0.92),
            class(Side::Po, Some("po-backlog"), 0.85),
            class(Side::Pm, Some("pm-vision"), 0.88),
            class(Side::Pm, Some("pm-market"), 0.7),
            class(Side::Shared, Some("shared-release"), 0.6),
            class(Side::Pm, Some("pm-pricing"), 0.9),
            Classification::unclassified(),
            Classification::unclassified(),
        ];
        let taxonomy = Taxonomy {
            duties: vec![
                duty(
                    "po-sprint-priorities",
                    Side::Po,
                    DutyKind::Duty,
                    "Sets sprint priorities",
                ),
                duty(
                    "po-backlog",
                    Side::Po,
                    DutyKind::Duty,
                    "Manages the backlog",
                ),
                duty(
                    "po-acceptance",
                    Side::Po,
                    DutyKind::Duty,
                    "Accepts the work",
                ),
                duty(
                    "pm-vision",
                    Side::Pm,
                    DutyKind::Duty,
                    "Owns the product vision",
                ),
                duty(
                    "pm-market",
                    Side::Pm,
                    DutyKind::Duty,
                    "Researches the market",
                ),
                duty("pm-pricing", Side::Pm, DutyKind::Duty, "Sets pricing"),
                duty("pm-roadmap", Side::Pm, DutyKind::Duty, "Owns the roadmap"),
                duty(
                    "shared-release",
                    Side::Shared,
                    DutyKind::Duty,
                    "Plans releases",
                ),
                duty("po-skill-agile", Side::Po, DutyKind::Skill, "Knows agile"),
            ],
        };
        let coverage = taxonomy
            .coverage_duties()
            .map(|d| {
                let tasks: Vec<usize> = classes
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.duty.as_deref() == Some(d.id.as_str()))
                    .map(|(i, _)| i)
                    .collect();
                let mut owners: Vec<usize> = Vec::new();
                for &t in &tasks {
                    let task: &Task = &matrix.tasks[t];
                    for a in &task.assignments {
                        if a.letters.owns() && !owners.contains(&a.party) {
                            owners.push(a.party);
                        }
                    }
                }
                owners.sort();
                DutyCoverage {
                    duty: d.id.clone(),
                    tasks,
                    owners,
                }
            })
            .collect();
        let findings = vec![
            Finding {
                task: Some(2),
                pos: Some(Pos::new(4, 0)),
                ..finding(
                    "R001",
                    "missing-accountable",
                    Severity::Error,
                    "No one is Accountable for \"Define product vision\".",
                )
            },
            Finding {
                party: Some(0),
                pos: Some(Pos::new(1, 1)),
                related_tasks: vec![0, 1, 2],
                ..finding(
                    "O001",
                    "po-pm-overlap",
                    Severity::Warning,
                    "Maria (Product Owner) holds R or A on 2 PO-side and 1 PM-side tasks.",
                )
            },
            Finding {
                duty: Some("po-acceptance".into()),
                ..finding(
                    "G001",
                    "uncovered-po-duty",
                    Severity::Warning,
                    "No task covers the PO duty \"Accepts the work\".",
                )
            },
            Finding {
                duty: Some("pm-roadmap".into()),
                ..finding(
                    "G002",
                    "uncovered-pm-duty",
                    Severity::Warning,
                    "No task covers the PM duty \"Owns the roadmap\".",
                )
            },
            Finding {
                task: Some(7),
                party: Some(2),
                pos: Some(Pos::new(9, 3)),
                ..finding(
                    "D001",
                    "unknown-letter",
                    Severity::Warning,
                    "\"x\" is not a RACI letter.",
                )
            },
            Finding {
                task: Some(6),
                pos: Some(Pos::new(8, 0)),
                ..finding(
                    "R007",
                    "unassigned-task",
                    Severity::Warning,
                    "Nobody holds a letter on \"Team lunch\".",
                )
            },
            Finding {
                task: Some(6),
                pos: Some(Pos::new(8, 0)),
                ..finding(
                    "G003",
                    "unclassified-task",
                    Severity::Info,
                    "\"Team lunch\" matches no PO or PM duty.",
                )
            },
        ];
        let mut f = Fixture {
            matrix,
            classes,
            taxonomy,
            audit: Audit {
                findings,
                coverage,
                parties: vec![],
                health: 64,
            },
        };
        let stats = (0..f.matrix.parties.len())
            .map(|p| super::tables::party_stats(&f.outcome(), p))
            .collect();
        f.audit.parties = stats;
        f
    }

    pub(crate) fn outcome(&self) -> Outcome<'_> {
        Outcome {
            matrix: &self.matrix,
            classes: &self.classes,
            taxonomy: &self.taxonomy,
            audit: &self.audit,
            suggestions: &[],
        }
    }
}
