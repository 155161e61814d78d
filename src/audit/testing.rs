//! Test support for the rules' unit tests and the engine's: a small matrix built in code,
//! hand-made classifications, a two-duty taxonomy, and running one rule alone.

pub(crate) use super::{run, AuditSettings};
pub(crate) use crate::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
pub(crate) use crate::model::{CellIssue, CellProblem, Matrix, Pos, Side, Source};

/// [`crate::testing::matrix`] in `t.csv`, the file the rules' messages name in their tests.
pub(crate) fn matrix(parties: &[&str], rows: &[(&str, &[&str])]) -> Matrix {
    Matrix {
        source: Source {
            file: "t.csv".into(),
            sheet: None,
        },
        ..crate::testing::matrix(parties, rows)
    }
}

pub(crate) fn class(side: Side, duty: Option<&str>) -> Classification {
    Classification {
        side,
        duty: duty.map(str::to_string),
        confidence: 1.0,
        matched: Vec::new(),
        source: SideSource::Classifier,
        ..Classification::unclassified()
    }
}

pub(crate) fn unclassified(m: &Matrix) -> Vec<Classification> {
    vec![Classification::unclassified(); m.tasks.len()]
}

pub(crate) fn duty(id: &str, side: Side, kind: DutyKind) -> Duty {
    Duty {
        covers: None,
        id: id.into(),
        side,
        kind,
        text: format!("text of {id}"),
        section: "s".into(),
        signals: Vec::new(),
        local_signals: Default::default(),
    }
}

pub(crate) fn taxonomy() -> Taxonomy {
    Taxonomy {
        duties: vec![
            duty("po-sprint-priorities", Side::Po, DutyKind::Duty),
            duty("pm-kpis", Side::Pm, DutyKind::Duty),
            duty("po-decisions", Side::Po, DutyKind::Skill),
        ],
    }
}

/// Runs only `code` and returns `(task, party, message)` per finding.
pub(crate) fn only(
    code: &str,
    m: &Matrix,
    classes: &[Classification],
) -> Vec<(Option<usize>, Option<usize>, String)> {
    let settings = AuditSettings {
        select: vec![code.to_string()],
        ..AuditSettings::default()
    };
    let audit = run(m, classes, &taxonomy(), &settings);
    assert!(audit.findings.iter().all(|f| f.code == code));
    audit
        .findings
        .into_iter()
        .map(|f| (f.task, f.party, f.message))
        .collect()
}

pub(crate) fn codes(m: &Matrix, classes: &[Classification], code: &str) -> usize {
    only(code, m, classes).len()
}

/// One task whose cells D001 and D005 read: `R,Q` under Bob (an unknown letter beside an R),
/// a spreadsheet error in column F and an `R` under a blank header in column G.
pub(crate) fn unreadable_cells() -> Matrix {
    let mut m = matrix(&["Ana", "Bob"], &[("Plan", &["R/A", "R,Q"])]);
    m.issues.push(CellIssue {
        pos: Pos::new(1, 5),
        raw: "#NAME?".into(),
        problem: CellProblem::ErrorValue,
        task: Some(0),
        party: None,
        letters: Default::default(),
    });
    m.issues.push(CellIssue {
        pos: Pos::new(1, 6),
        raw: "R".into(),
        problem: CellProblem::BlankPartyHeader,
        task: Some(0),
        party: None,
        letters: Default::default(),
    });
    m
}

/// Four tasks where Ana is A on three (75 %) and R or A on all four, Bob R or A on three: over
/// both share limits (P001, P002).
pub(crate) fn shares_matrix() -> Matrix {
    matrix(
        &["Ana", "Bob"],
        &[
            ("T1", &["A", "R"]),
            ("T2", &["A", "R"]),
            ("T3", &["R/A", ""]),
            ("T4", &["R", "A"]),
        ],
    )
}

/// Two tasks out of two for Ana: 100 %, but below the minimum of 3 tasks for a share rule.
pub(crate) fn too_few_tasks_for_shares() -> Matrix {
    matrix(
        &["Ana", "Bob"],
        &[("T1", &["R/A", ""]), ("T2", &["R/A", ""])],
    )
}

/// Ana on every task, Bob only C and I, Cy idle, Dee with an unreadable cell only (P003-P005).
pub(crate) fn party_shapes() -> Matrix {
    matrix(
        &["Ana", "Bob", "Cy", "Dee"],
        &[
            ("T1", &["R/A", "C", "", ""]),
            ("T2", &["R/A", "I", "", ""]),
            ("T3", &["R/A", "", "", "x"]),
        ],
    )
}

/// Four R on one task, three on another, four C on a third (R004, R005).
pub(crate) fn letter_counts() -> Matrix {
    matrix(
        &["A", "B", "C", "D", "E"],
        &[
            ("Many R", &["R/A", "R", "R", "R", ""]),
            ("Three R", &["R/A", "R", "R", "", ""]),
            ("Many C", &["R/A", "C", "C", "C", "C"]),
        ],
    )
}

/// A QA column twice (`QA`, `qa `) and a party titled only `PM` (D003, D004).
pub(crate) fn doubled_and_ambiguous_parties() -> Matrix {
    matrix(&["QA", "Alex (PM)", "qa "], &[("Test", &["R", "A", "C"])])
}
