//! Unit tests: each rule on a small matrix built in code, with hand-made classifications.

use super::*;
use crate::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use crate::model::{
    parse_cell, Assignment, CellIssue, CellParse, CellProblem, Matrix, Party, Scheme, Side, Source,
    Task, TitleSide,
};

/// Headers `Ana (Product Owner)`, `Tom (Product Manager)`, `Alex (PM)` carry titles; rows are
/// `(task, cells)`; task names may end in `@group`. Header row 1, tasks from row 2, task names
/// in column A.
fn matrix(parties: &[&str], rows: &[(&str, &[&str])]) -> Matrix {
    let scheme = Scheme::default();
    let parties: Vec<Party> = parties
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let title_side = if h.contains("(Product Owner)") {
                Some(TitleSide::Po)
            } else if h.contains("(Product Manager)") {
                Some(TitleSide::Pm)
            } else if h.contains("(PM)") {
                Some(TitleSide::Ambiguous)
            } else {
                None
            };
            Party {
                name: h.to_string(),
                title: title_side.map(|_| "title".to_string()),
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
            file: "t.csv".into(),
            sheet: None,
        },
        tasks,
        parties,
        issues,
        ..Matrix::default()
    }
}

fn class(side: Side, duty: Option<&str>) -> Classification {
    Classification {
        side,
        duty: duty.map(str::to_string),
        confidence: 1.0,
        matched: Vec::new(),
        source: SideSource::Classifier,
        ..Classification::unclassified()
    }
}

fn unclassified(m: &Matrix) -> Vec<Classification> {
    vec![Classification::unclassified(); m.tasks.len()]
}

fn duty(id: &str, side: Side, kind: DutyKind) -> Duty {
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

fn taxonomy() -> Taxonomy {
    Taxonomy {
        duties: vec![
            duty("po-sprint-priorities", Side::Po, DutyKind::Duty),
            duty("pm-kpis", Side::Pm, DutyKind::Duty),
            duty("po-decisions", Side::Po, DutyKind::Skill),
        ],
    }
}

/// Runs only `code` and returns `(task, party, message)` per finding.
fn only(
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

fn codes(m: &Matrix, classes: &[Classification], code: &str) -> usize {
    only(code, m, classes).len()
}

#[test]
fn r001_missing_accountable() {
    let m = matrix(
        &["Ana", "Bob"],
        &[
            ("Plan", &["R", "C"]),
            ("Ship", &["R/A", ""]),
            ("Idle", &["", ""]),
        ],
    );
    let f = only("R001", &m, &unclassified(&m));
    assert_eq!(
        f,
        vec![(
            Some(0),
            None,
            "Task \"Plan\" has no Accountable: no party holds an A on it.".to_string()
        )]
    );
}

#[test]
fn r002_multiple_accountable() {
    let m = matrix(
        &["Ana", "Bob", "Cy"],
        &[("Plan", &["A", "A", "R"]), ("Ship", &["A", "R", ""])],
    );
    let f = only("R002", &m, &unclassified(&m));
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].2,
        "Task \"Plan\" has 2 Accountables (Ana and Bob); exactly one party should hold the A."
    );
}

#[test]
fn r003_missing_responsible_counts_a_slash_r() {
    let m = matrix(
        &["Ana", "Bob"],
        &[
            ("Plan", &["A", "C"]),
            ("Ship", &["A/R", ""]),
            ("Idle", &["", ""]),
        ],
    );
    let f = only("R003", &m, &unclassified(&m));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Some(0));
}

#[test]
fn r007_unassigned_task_only() {
    let m = matrix(&["Ana"], &[("Idle", &[""]), ("Plan", &["R/A"])]);
    let c = unclassified(&m);
    assert_eq!(codes(&m, &c, "R007"), 1);
    // The same row gets neither R001 nor R003.
    assert_eq!(codes(&m, &c, "R001"), 0);
    assert_eq!(codes(&m, &c, "R003"), 0);
    let m = matrix(&["Ana"], &[("Odd", &["x"])]);
    let f = only("R007", &m, &unclassified(&m));
    assert!(
        f[0].2.contains("1 cell on its row could not be read"),
        "{}",
        f[0].2
    );
}

#[test]
fn r004_to_r006_thresholds() {
    let m = matrix(
        &["A", "B", "C", "D", "E"],
        &[
            ("Many R", &["R/A", "R", "R", "R", ""]),
            ("Three R", &["R/A", "R", "R", "", ""]),
            ("Many C", &["R/A", "C", "C", "C", "C"]),
        ],
    );
    let c = unclassified(&m);
    let r = only("R004", &m, &c);
    assert_eq!(r.len(), 1);
    assert_eq!(
        r[0].2,
        "Task \"Many R\" has 4 Responsibles (A, B, C and D), more than max-responsible = 3."
    );
    assert_eq!(
        codes(&m, &c, "R005"),
        0,
        "4 Consulted is the limit, not over it"
    );
    let mut settings = AuditSettings {
        select: vec!["R005".into()],
        ..AuditSettings::default()
    };
    settings.thresholds.max_consulted = 3;
    assert_eq!(run(&m, &c, &taxonomy(), &settings).findings.len(), 1);
    let many_i: Vec<&str> = std::iter::once("R/A").chain(["I"; 9]).collect();
    let heads: Vec<String> = (0..10).map(|i| format!("P{i}")).collect();
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    let m = matrix(&heads, &[("Announce", &many_i)]);
    let f = only("R006", &m, &unclassified(&m));
    assert_eq!(f.len(), 1);
    assert!(f[0].2.contains("9 Informed"), "{}", f[0].2);
}

#[test]
fn p001_p002_shares_need_three_tasks() {
    let m = matrix(
        &["Ana", "Bob"],
        &[
            ("T1", &["A", "R"]),
            ("T2", &["A", "R"]),
            ("T3", &["R/A", ""]),
            ("T4", &["R", "A"]),
        ],
    );
    let c = unclassified(&m);
    let p1 = only("P001", &m, &c);
    assert_eq!(
        p1,
        vec![(
            None,
            Some(0),
            "Ana is Accountable on 3 of 4 tasks (75 %), more than max-accountable-share = 50 %."
                .to_string()
        )]
    );
    let p2 = only("P002", &m, &c);
    assert_eq!(p2.len(), 2, "{p2:?}");
    // Two tasks out of two is 100 % but below the minimum of 3.
    let m = matrix(
        &["Ana", "Bob"],
        &[("T1", &["R/A", ""]), ("T2", &["R/A", ""])],
    );
    let c = unclassified(&m);
    assert_eq!(codes(&m, &c, "P001") + codes(&m, &c, "P002"), 0);
}

#[test]
fn p003_p004_p005_party_shape() {
    let m = matrix(
        &["Ana", "Bob", "Cy", "Dee"],
        &[
            ("T1", &["R/A", "C", "", ""]),
            ("T2", &["R/A", "I", "", ""]),
            ("T3", &["R/A", "", "", "x"]),
        ],
    );
    let c = unclassified(&m);
    assert_eq!(only("P003", &m, &c).len(), 1);
    assert_eq!(only("P003", &m, &c)[0].1, Some(0));
    let p4 = only("P004", &m, &c);
    assert_eq!(
        p4,
        vec![(
            None,
            Some(1),
            "Bob holds letters on 2 tasks but is never Responsible or Accountable.".to_string()
        )]
    );
    let p5 = only("P005", &m, &c);
    assert_eq!(p5.len(), 2);
    assert_eq!(p5[0].2, "Cy has no letters on any task.");
    assert!(p5[1].2.contains("could not be read"), "{}", p5[1].2);
}

#[test]
fn o001_spans_both_sides() {
    let m = matrix(
        &["Ana", "Bob"],
        &[
            ("Sprint", &["R/A", "C"]),
            ("KPIs", &["A", "R"]),
            ("Other", &["R", "A"]),
        ],
    );
    let c = vec![
        class(Side::Po, None),
        class(Side::Pm, None),
        class(Side::Shared, None),
    ];
    let settings = AuditSettings {
        select: vec!["O001".into()],
        ..AuditSettings::default()
    };
    let audit = run(&m, &c, &taxonomy(), &settings);
    assert_eq!(audit.findings.len(), 1);
    let f = &audit.findings[0];
    assert_eq!(f.party, Some(0));
    assert_eq!(f.related_tasks, vec![0, 1]);
    assert_eq!(
        f.message,
        "Ana holds R or A on 1 PO-side task and on 1 PM-side task."
    );
}

#[test]
fn o002_shared_ownership_skips_shared_tasks() {
    let m = matrix(
        &["Ana (Product Owner)", "Tom (Product Manager)"],
        &[
            ("Sprint", &["R", "A"]),
            ("Vision", &["R", "A"]),
            ("Mixed", &["C", "A"]),
        ],
    );
    let c = vec![
        class(Side::Po, None),
        class(Side::Shared, None),
        class(Side::Pm, None),
    ];
    let f = only("O002", &m, &c);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Some(0));
    assert_eq!(f[0].1, Some(1), "the party from the other side");
}

#[test]
fn o003_duty_split() {
    let m = matrix(
        &["Ana", "Bob"],
        &[
            ("Sprint plan", &["R/A", ""]),
            ("Sprint goal", &["R", "A"]),
            ("Sprint review", &["A", "R"]),
        ],
    );
    let d = Some("po-sprint-priorities");
    let c = vec![class(Side::Po, d), class(Side::Po, d), class(Side::Po, d)];
    let f = only("O003", &m, &c);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].2,
        "Duty po-sprint-priorities is split between different Accountables: Ana on \"Sprint plan\" and Bob on \"Sprint goal\"."
    );
    let c = vec![
        class(Side::Po, d),
        class(Side::Po, None),
        class(Side::Po, d),
    ];
    assert_eq!(codes(&m, &c, "O003"), 0);
}

#[test]
fn g001_uncovered_duty_ignores_skills() {
    let m = matrix(&["Ana"], &[("Sprint", &["R/A"])]);
    let c = vec![class(Side::Po, Some("po-sprint-priorities"))];
    let settings = AuditSettings {
        select: vec!["G001".into()],
        ..AuditSettings::default()
    };
    let audit = run(&m, &c, &taxonomy(), &settings);
    let duties: Vec<_> = audit.findings.iter().map(|f| f.duty.clone()).collect();
    assert_eq!(duties, vec![Some("pm-kpis".to_string())]);
    assert_eq!(
        audit.findings[0].message,
        "No task covers the PM duty \"text of pm-kpis\" (pm-kpis)."
    );
}

#[test]
fn g002_side_without_owner() {
    let m = matrix(
        &["Ana (Product Owner)", "Tom (Product Manager)"],
        &[("Sprint", &["C", "R/A"]), ("KPIs", &["", "R/A"])],
    );
    let c = vec![class(Side::Po, None), class(Side::Pm, None)];
    let f = only("G002", &m, &c);
    assert_eq!(
        f,
        vec![(
            None,
            None,
            "No party titled Product Owner (Ana (Product Owner)) holds R or A on the 1 PO-side task."
                .to_string()
        )]
    );
    // No PM-side task at all.
    let c = vec![class(Side::Po, None), class(Side::Shared, None)];
    let f = only("G002", &m, &c);
    assert_eq!(f.len(), 2);
    assert!(
        f[1].2.starts_with("No task is classified as PM-side"),
        "{}",
        f[1].2
    );
    // Without titles the owner half cannot run (G004 reports that).
    let m = matrix(
        &["Ana", "Tom"],
        &[("Sprint", &["C", "R/A"]), ("KPIs", &["", "R/A"])],
    );
    let c = vec![class(Side::Po, None), class(Side::Pm, None)];
    assert_eq!(codes(&m, &c, "G002"), 0);
}

#[test]
fn g003_unclassified_task() {
    let m = matrix(&["Ana"], &[("Offsite", &["R/A"]), ("Sprint", &["R/A"])]);
    let c = vec![Classification::unclassified(), class(Side::Po, None)];
    let f = only("G003", &m, &c);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Some(0));
    // A missing classification reads as unclassified instead of panicking.
    assert_eq!(codes(&m, &[], "G003"), 2);
}

#[test]
fn g004_missing_title() {
    let m = matrix(
        &["Ana (Product Owner)", "Alex (PM)"],
        &[("Sprint", &["R/A", "C"])],
    );
    let f = only("G004", &m, &unclassified(&m));
    assert_eq!(f.len(), 1);
    assert!(f[0].2.contains("Product Manager title"), "{}", f[0].2);
    assert!(f[0].2.contains("--roster FILE"), "{}", f[0].2);
    assert!(f[0].2.contains("Alex (PM) is marked only PM"), "{}", f[0].2);
    let m = matrix(
        &["Ana (Product Owner)", "Tom (Product Manager)"],
        &[("Sprint", &["R/A", "C"])],
    );
    assert_eq!(codes(&m, &unclassified(&m), "G004"), 0);
}

#[test]
fn m001_title_side_mismatch_points_at_the_cell() {
    let m = matrix(
        &["Ana (Product Owner)", "Tom (Product Manager)"],
        &[
            ("Sprint", &["R", "A"]),
            ("KPIs", &["A", "R"]),
            ("Vision", &["A", "R"]),
        ],
    );
    let c = vec![
        class(Side::Po, None),
        class(Side::Pm, None),
        class(Side::Shared, None),
    ];
    let settings = AuditSettings {
        select: vec!["M001".into()],
        ..AuditSettings::default()
    };
    let audit = run(&m, &c, &taxonomy(), &settings);
    let got: Vec<_> = audit
        .findings
        .iter()
        .map(|f| (f.task, f.party, f.pos))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(0), Some(1), Some(Pos::new(1, 2))),
            (Some(1), Some(0), Some(Pos::new(2, 1)))
        ]
    );
}

#[test]
fn m002_pm_in_day_to_day() {
    let m = matrix(
        &["Ana (Product Owner)", "Tom (Product Manager)"],
        &[("Sprint", &["A", "R"]), ("Backlog", &["A", "R"])],
    );
    let c = vec![
        class(Side::Po, Some("po-sprint-priorities")),
        class(Side::Po, Some("po-roadmap-backlog")),
    ];
    let f = only("M002", &m, &c);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Some(0));
    for id in PO_DAY_TO_DAY_DUTIES {
        let m002 = find_rule("M002").unwrap();
        assert!(m002.explanation.what.contains(id), "{id} not named");
    }
}

#[test]
fn d001_unknown_letters_keep_their_cell() {
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
    let f = only("D001", &m, &unclassified(&m));
    assert_eq!(f.len(), 2);
    assert_eq!(
        f[0].2,
        "Cell t.csv!C2 on task \"Plan\" under Bob holds \"R,Q\", which is not a letter of the raci scheme (only R could be read from it)."
    );
    assert_eq!(
        f[1].2,
        "Cell t.csv!F2 on task \"Plan\" holds the spreadsheet error \"#NAME?\"."
    );
    let d5 = only("D005", &m, &unclassified(&m));
    assert_eq!(d5.len(), 1);
    assert!(d5[0].2.starts_with("Cell t.csv!G2"), "{}", d5[0].2);
}

#[test]
fn d002_duplicate_task_same_group_only() {
    let m = matrix(
        &["Ana"],
        &[
            ("Review@Build", &["R/A"]),
            ("review @Ship", &["R/A"]),
            ("Sprint  REVIEW@Build", &["R/A"]),
            ("Review@Build", &["R/A"]),
        ],
    );
    let f = only("D002", &m, &unclassified(&m));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Some(3));
    assert_eq!(
        f[0].2,
        "Task \"Review\" at t.csv!A5 repeats the task at t.csv!A2 in group \"Build\"."
    );
}

#[test]
fn d003_duplicate_party_and_d004_ambiguous() {
    let m = matrix(&["QA", "Alex (PM)", "qa "], &[("Test", &["R", "A", "C"])]);
    let c = unclassified(&m);
    let f = only("D003", &m, &c);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, Some(2));
    let f = only("D004", &m, &c);
    assert_eq!(f.len(), 1);
    assert!(f[0].2.contains("--pm-means product|project"), "{}", f[0].2);
}

#[test]
fn severities_come_from_settings_and_sort_errors_first() {
    let m = matrix(
        &["Ana", "Bob"],
        &[("Plan", &["R", "C"]), ("Ship", &["A", "A"])],
    );
    let c = unclassified(&m);
    let mut settings = AuditSettings {
        select: vec!["R001".into(), "R002".into(), "R003".into()],
        ..AuditSettings::default()
    };
    let audit = run(&m, &c, &taxonomy(), &settings);
    let got: Vec<_> = audit
        .findings
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    assert_eq!(
        got,
        vec![
            ("R001", Severity::Error),
            ("R002", Severity::Error),
            ("R003", Severity::Warning)
        ]
    );
    settings
        .severities
        .insert("R001".into(), Some(Severity::Info));
    settings
        .severities
        .insert("multiple-accountable".into(), None);
    let audit = run(&m, &c, &taxonomy(), &settings);
    let got: Vec<_> = audit
        .findings
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    assert_eq!(
        got,
        vec![("R003", Severity::Warning), ("R001", Severity::Info)]
    );
    settings.ignore = vec!["R00".into()];
    assert!(run(&m, &c, &taxonomy(), &settings).findings.is_empty());
}

#[test]
fn coverage_stats_and_health() {
    let m = matrix(
        &["Ana (Product Owner)", "Tom (Product Manager)"],
        &[
            ("Sprint", &["R/A", "C"]),
            ("KPIs", &["C", "R/A"]),
            ("Offsite", &["I", "I"]),
        ],
    );
    let c = vec![
        class(Side::Po, Some("po-sprint-priorities")),
        class(Side::Pm, Some("pm-kpis")),
        Classification::unclassified(),
    ];
    let audit = run(&m, &c, &taxonomy(), &AuditSettings::default());
    assert_eq!(audit.coverage.len(), 2, "skills are not coverage duties");
    assert_eq!(audit.coverage[0].tasks, vec![0]);
    assert_eq!(audit.coverage[0].owners, vec![0]);
    assert_eq!(audit.parties[0].r, 1);
    assert_eq!(audit.parties[0].a, 1);
    assert_eq!(audit.parties[0].c, 1);
    assert_eq!(audit.parties[0].i, 1);
    assert_eq!(audit.parties[0].po_side_ra, 1);
    assert_eq!(audit.parties[1].pm_side_ra, 1);
    // Offsite has only I: R001 (error) and R003 (warning) on 1 of 3 tasks
    // -> 100 - 40/3 - 20/3 = 80.
    let codes: Vec<_> = audit
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, vec!["R001", "R003"]);
    assert_eq!(audit.health, 80);
}

#[test]
fn health_bottoms_out_at_zero() {
    let m = matrix(&["Ana", "Bob"], &[("T1", &["", ""]), ("T2", &["", ""])]);
    let c = vec![class(Side::Shared, None), class(Side::Shared, None)];
    let audit = run(&m, &c, &taxonomy(), &AuditSettings::default());
    // Every task has an error (R007), both duties uncovered, both parties idle, no PO-side
    // and no PM-side task.
    assert_eq!(audit.health, 0);
    let clean = run(
        &m,
        &c,
        &taxonomy(),
        &AuditSettings {
            select: vec!["D".into()],
            ..AuditSettings::default()
        },
    );
    assert_eq!(clean.health, 100);
}

#[test]
fn health_formula_doc_names_the_weights() {
    let w = HEALTH_WEIGHTS;
    let sum =
        w.task_error + w.task_warning + w.uncovered_duty + w.party_warning + w.side_without_owner;
    assert_eq!(sum, 100.0);
    for weight in [
        w.task_error,
        w.task_warning,
        w.uncovered_duty,
        w.party_warning,
        w.side_without_owner,
    ] {
        assert!(
            HEALTH_FORMULA.contains(&format!("| {} |", weight as u32)),
            "{weight}"
        );
    }
}
