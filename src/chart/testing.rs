//! Hand-built outcomes for the chart unit tests (the other stages are not needed to test
//! charts, and hand-built values say exactly what each test expects).

use crate::audit::{find_rule, Audit, DutyCoverage, Finding, Severity};
use crate::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use crate::model::{
    Assignment, CellIssue, CellProblem, Letter, LetterSet, Matrix, Party, Pos, Side, Task,
};
use crate::outcome::Outcome;

/// Owns everything an [`Outcome`] borrows.
#[derive(Debug, Clone, Default)]
pub struct Fixture {
    pub matrix: Matrix,
    pub classes: Vec<Classification>,
    pub taxonomy: Taxonomy,
    pub audit: Audit,
}

pub fn party(name: &str, col: u32) -> Party {
    Party {
        name: name.to_string(),
        title: None,
        title_side: None,
        pos: Pos::new(0, col),
    }
}

pub fn task(name: &str, row: u32, cells: &[(usize, &[Letter])]) -> Task {
    Task {
        context: None,
        name: name.to_string(),
        group: None,
        pos: Pos::new(row, 0),
        side_override: None,
        assignments: cells
            .iter()
            .map(|&(p, l)| Assignment {
                party: p,
                letters: LetterSet::of(l),
                pos: Pos::new(row, p as u32 + 1),
            })
            .collect(),
    }
}

pub fn class(side: Side, duty: Option<&str>) -> Classification {
    Classification {
        side,
        duty: duty.map(str::to_string),
        confidence: 0.8,
        matched: Vec::new(),
        source: SideSource::Classifier,
        ..Classification::unclassified()
    }
}

pub fn finding(code: &'static str, name: &'static str, severity: Severity) -> Finding {
    Finding {
        code,
        name,
        // Codes made up for a test (`L001`, `C001`) take D001's rule: its kind and flags are
        // picked out by no chart or report, as those codes were not.
        rule: find_rule(code).unwrap_or_else(|| find_rule("D001").expect("D001 is a rule")),
        severity,
        task: None,
        party: None,
        duty: None,
        pos: None,
        message: format!("{code} finding"),
        related_tasks: Vec::new(),
    }
}

pub fn duty(id: &str, side: Side, text: &str) -> Duty {
    Duty {
        covers: None,
        id: id.to_string(),
        side,
        kind: DutyKind::Duty,
        text: text.to_string(),
        section: "Responsibilities".to_string(),
        signals: Vec::new(),
        local_signals: Default::default(),
    }
}

impl Fixture {
    pub fn outcome(&self) -> Outcome<'_> {
        Outcome {
            matrix: &self.matrix,
            classes: &self.classes,
            taxonomy: &self.taxonomy,
            audit: &self.audit,
            suggestions: &[],
        }
    }

    pub fn empty() -> Fixture {
        Fixture::default()
    }

    /// Five tasks, four parties, one of each side, a few findings; `audit.parties` left empty
    /// so the charts count parties themselves.
    pub fn small() -> Fixture {
        use Letter::*;
        let matrix = Matrix {
            parties: vec![
                party("Maria (Product Owner)", 1),
                party("Tom (Product Manager)", 2),
                party("Dev team", 3),
                party("QA", 4),
            ],
            tasks: vec![
                task("Sprint planning", 1, &[(0, &[R, A]), (1, &[A])]),
                task("Market research", 2, &[(1, &[R, A]), (3, &[I])]),
                task("Backlog refinement", 3, &[(0, &[R, A]), (2, &[C])]),
                task("Release notes", 4, &[(2, &[R])]),
                task("Office party", 5, &[(3, &[I])]),
            ],
            issues: vec![CellIssue {
                pos: Pos::new(1, 3),
                raw: "x".to_string(),
                problem: CellProblem::UnknownLetter,
                task: Some(0),
                party: Some(2),
                letters: LetterSet::EMPTY,
            }],
            ..Matrix::default()
        };
        let classes = vec![
            class(Side::Po, Some("po-sprint-priorities")),
            class(Side::Pm, Some("pm-market-data")),
            class(Side::Po, Some("po-backlog")),
            class(Side::Shared, None),
            Classification::unclassified(),
        ];
        let taxonomy = Taxonomy {
            duties: vec![
                duty("po-sprint-priorities", Side::Po, "Assistance in identifying priorities during the various agile sprints"),
                duty("po-backlog", Side::Po, "Presenting the strategic roadmap and preparing the product actionable backlog"),
                duty("pm-market-data", Side::Pm, "Collection of business-relevant data (e.g., competitive analysis)"),
                duty("pm-kpis", Side::Pm, "Setting business KPIs and tracking whether the product strategy is working as planned"),
                duty("shared-vision", Side::Shared, "Creating the product vision"),
            ],
        };
        let mut r002 = finding("R002", "several-accountables", Severity::Error);
        r002.task = Some(0);
        let mut r001 = finding("R001", "missing-accountable", Severity::Error);
        r001.task = Some(3);
        let mut o001 = finding("O001", "party-spans-sides", Severity::Warning);
        o001.party = Some(1);
        let mut u001 = finding("L001", "unknown-letter", Severity::Warning);
        u001.task = Some(0);
        let audit = Audit {
            findings: vec![r002, r001, o001, u001],
            coverage: vec![
                DutyCoverage {
                    duty: "po-sprint-priorities".into(),
                    tasks: vec![0],
                    owners: vec![0, 1],
                },
                DutyCoverage {
                    duty: "po-backlog".into(),
                    tasks: vec![2],
                    owners: vec![0],
                },
                DutyCoverage {
                    duty: "pm-market-data".into(),
                    tasks: vec![1],
                    owners: vec![1],
                },
                DutyCoverage {
                    duty: "pm-kpis".into(),
                    tasks: vec![],
                    owners: vec![],
                },
                DutyCoverage {
                    duty: "shared-vision".into(),
                    tasks: vec![],
                    owners: vec![],
                },
            ],
            parties: Vec::new(),
            health: 70,
        };
        Fixture {
            matrix,
            classes,
            taxonomy,
            audit,
        }
    }

    /// `tasks` tasks over `parties` parties, sides in turn PO, PM, shared, unclassified; every
    /// seventh task lacks an Accountable (R001).
    pub fn generated(tasks: usize, parties: usize) -> Fixture {
        let mut f = Fixture::default();
        f.matrix.parties = (0..parties)
            .map(|p| party(&format!("Party {}", p + 1), p as u32 + 1))
            .collect();
        for k in 0..tasks {
            let n = parties.max(1);
            let mut cells: Vec<(usize, Vec<Letter>)> = Vec::new();
            let mut put = |p: usize, l: Letter| {
                if parties == 0 {
                    return;
                }
                match cells.iter_mut().find(|c| c.0 == p) {
                    Some(c) => c.1.push(l),
                    None => cells.push((p, vec![l])),
                }
            };
            put(k % n, Letter::R);
            if k % 7 != 0 {
                put((k + 1) % n, Letter::A);
            }
            put((k + 3) % n, Letter::C);
            put((k + 5) % n, Letter::I);
            cells.sort_by_key(|c| c.0);
            let refs: Vec<(usize, &[Letter])> =
                cells.iter().map(|(p, l)| (*p, l.as_slice())).collect();
            f.matrix.tasks.push(task(
                &format!("Generated task number {}", k + 1),
                k as u32 + 1,
                &refs,
            ));
            f.classes.push(class(Side::ALL[k % 4], None));
            if k % 7 == 0 {
                let mut r = finding("R001", "missing-accountable", Severity::Error);
                r.task = Some(k);
                f.audit.findings.push(r);
            }
        }
        f
    }
}
