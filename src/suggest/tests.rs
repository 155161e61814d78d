//! Unit tests: each rule's suggestion on a small matrix built in code, with hand-made sides
//! and duties, audited by the real rules.

use super::*;
use crate::audit::{self, Audit, AuditSettings, Severity};
use crate::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use crate::model::{parse_cell, CellParse, Scheme};

/// [`crate::testing::matrix`] with each task's side and duty, as if the classifier gave them.
/// A row is `(name[@group], side, duty, cells)`.
fn matrix(
    parties: &[&str],
    rows: &[(&str, Side, Option<&str>, &[&str])],
) -> (Matrix, Vec<Classification>) {
    let cells: Vec<(&str, &[&str])> = rows.iter().map(|row| (row.0, row.3)).collect();
    let classes = rows
        .iter()
        .map(|&(_, side, duty, _)| Classification {
            side,
            duty: duty.map(String::from),
            confidence: 1.0,
            matched: Vec::new(),
            source: SideSource::Classifier,
            ..Classification::unclassified()
        })
        .collect();
    (crate::testing::matrix(parties, &cells), classes)
}

fn taxonomy() -> Taxonomy {
    let duty = |id: &str, side| Duty {
        covers: None,
        id: id.into(),
        side,
        kind: DutyKind::Duty,
        text: format!("text of {id}"),
        section: "s".into(),
        signals: Vec::new(),
        local_signals: Default::default(),
    };
    Taxonomy {
        duties: vec![
            duty("po-backlog", Side::Po),
            duty("pm-research", Side::Pm),
            duty("pm-pricing", Side::Pm),
        ],
    }
}

/// Share limits that tiny test matrices do not reach, so a test of one rule is not about
/// overload (the overload tests use [`Thresholds::default`]).
fn relaxed() -> Thresholds {
    Thresholds {
        max_accountable_share: 100.0,
        max_ra_share: 100.0,
        ..Thresholds::default()
    }
}

fn audit_with(m: &Matrix, classes: &[Classification], thresholds: &Thresholds) -> Audit {
    let settings = AuditSettings {
        thresholds: thresholds.clone(),
        ..AuditSettings::default()
    };
    audit::run(m, classes, &taxonomy(), &settings)
}

fn audit_of(m: &Matrix, classes: &[Classification]) -> Audit {
    audit_with(m, classes, &relaxed())
}

fn run_with(
    m: &Matrix,
    classes: &[Classification],
    thresholds: &Thresholds,
) -> (Audit, Vec<Suggestion>) {
    let a = audit_with(m, classes, thresholds);
    let s = suggest(m, classes, &taxonomy(), &a.findings, thresholds);
    (a, s)
}

fn run(m: &Matrix, classes: &[Classification]) -> (Audit, Vec<Suggestion>) {
    run_with(m, classes, &relaxed())
}

fn of<'a>(s: &'a [Suggestion], code: &str) -> Vec<&'a Suggestion> {
    s.iter().filter(|x| x.code == code).collect()
}

/// `(task, party, from, to)` of each change.
fn cells(s: &Suggestion) -> Vec<(usize, usize, String, String)> {
    s.changes
        .iter()
        .map(|c| (c.task, c.party, c.from.to_string(), c.to.to_string()))
        .collect()
}

const PO: &str = "Maria Lopez (Product Owner)";
const PM: &str = "Tom Reed - Product Manager";

#[test]
fn r001_goes_to_the_title_of_the_side_with_its_count() {
    let (m, c) = matrix(
        &[PO, "Tom Reed (Product Manager)", "Sales"],
        &[
            ("Competitive analysis", Side::Pm, None, &["", "R", "C"]),
            ("Market research", Side::Pm, None, &["", "R/A", ""]),
            ("Pricing", Side::Pm, None, &["C", "A", "R"]),
            ("Win/loss", Side::Pm, None, &["", "R", "A"]),
            ("Backlog", Side::Po, None, &["R/A", "", ""]),
        ],
    );
    let (_, s) = run(&m, &c);
    let r001 = of(&s, "R001");
    assert_eq!(r001.len(), 1);
    assert_eq!(cells(r001[0]), [(0, 1, "R".into(), "R/A".into())]);
    assert_eq!(
        r001[0].reason,
        "Competitive analysis (PM-side, no Accountable): make Tom Reed (Product Manager) \
         Accountable; Tom Reed is Accountable on 2 of the 3 other PM-side tasks."
    );
}

#[test]
fn a_task_of_two_duties_finds_its_accountable_through_the_second() {
    // The first task names pricing first and research second: nobody else does pricing, so
    // the research tasks' usual Accountable is the one to ask, as the audit's coverage counts
    // the task toward both duties.
    let (m, mut c) = research_tasks();
    c[0].duty = Some("pm-pricing".into());
    c[0].second_duty = Some("pm-research".into());
    let (_, s) = run(&m, &c);
    let r = of(&s, "R001")[0];
    assert_eq!(r.changes[0].party, 1, "{}", r.reason);
    assert!(
        r.reason.ends_with("of the same duty (pm-research)."),
        "{}",
        r.reason
    );
}

/// Two PM research tasks, the first without an Accountable and Bob Accountable on the second,
/// and a task of no duty; no titles.
fn research_tasks() -> (Matrix, Vec<Classification>) {
    matrix(
        &["Ana", "Bob", "Cy"],
        &[
            (
                "Survey users",
                Side::Pm,
                Some("pm-research"),
                &["R", "C", ""],
            ),
            (
                "Interview users",
                Side::Pm,
                Some("pm-research"),
                &["R", "A", ""],
            ),
            ("Other", Side::Pm, None, &["A", "", "R"]),
        ],
    )
}

#[test]
fn r001_ladder_duty_then_doer_then_group_then_nobody() {
    // No titles: the duty's usual Accountable first.
    let (m, c) = research_tasks();
    let (_, s) = run(&m, &c);
    let r = of(&s, "R001")[0];
    assert_eq!(r.changes[0].party, 1);
    assert!(
        r.reason.ends_with(
            "make Bob Accountable; Bob is Accountable on 1 of the 1 other tasks of the same duty (pm-research)."
        ),
        "{}",
        r.reason
    );
    // No duty: the task's own Responsible.
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[
            ("Plan", Side::Unclassified, None, &["R", "C"]),
            ("Ship", Side::Unclassified, None, &["R/A", "C"]),
        ],
    );
    let (_, s) = run(&m, &c);
    let r = of(&s, "R001")[0];
    assert_eq!(cells(r), [(0, 0, "R".into(), "R/A".into())]);
    assert!(
        r.reason
            .ends_with("Ana is Responsible on it and would hold R/A."),
        "{}",
        r.reason
    );
    // No R on the task: the group's usual Accountable.
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[
            ("Plan@Launch", Side::Shared, None, &["C", "I"]),
            ("Ship@Launch", Side::Shared, None, &["A", "R"]),
        ],
    );
    let (_, s) = run(&m, &c);
    let r = of(&s, "R001")[0];
    assert_eq!(cells(r), [(0, 0, "C".into(), "A".into())]);
    assert!(
        r.reason
            .ends_with("Ana is Accountable on 1 of the 1 other tasks in \"Launch\"."),
        "{}",
        r.reason
    );
    // Nothing points anywhere: nobody fits, and nothing changes.
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[("Plan", Side::Shared, None, &["C", "I"])],
    );
    let (_, s) = run(&m, &c);
    let r = of(&s, "R001")[0];
    assert!(!r.fixes());
    assert_eq!(
        r.reason,
        "Plan (shared, no Accountable): nobody fits: shared work belongs to no title and nobody Responsible on it could take it."
    );
}

#[test]
fn never_a_party_with_no_letters_nor_one_titled_for_the_other_side() {
    // The Product Owner column is empty, and the Product Manager may not own PO-side work.
    let (m, c) = matrix(
        &[PO, PM, "Dev"],
        &[
            ("Refine backlog", Side::Po, None, &["", "C", "R"]),
            ("Roadmap", Side::Pm, None, &["", "R/A", ""]),
        ],
    );
    let (_, s) = run(&m, &c);
    let r = of(&s, "R001")[0];
    assert_eq!(r.changes[0].party, 2, "{}", r.reason);
    assert!(
        r.reason.contains("Dev is Responsible on it"),
        "{}",
        r.reason
    );
}

#[test]
fn r007_gives_one_party_r_and_a() {
    let (m, c) = matrix(
        &[PO, PM],
        &[
            ("Define KPIs", Side::Pm, None, &["", ""]),
            ("Roadmap", Side::Pm, None, &["C", "R/A"]),
        ],
    );
    let (a, s) = run(&m, &c);
    assert!(a.findings.iter().any(|f| f.code == "R007"));
    let r = of(&s, "R007")[0];
    assert_eq!(cells(r), [(0, 1, "".into(), "R/A".into())]);
    assert_eq!(r.changes[0].pos, Some(Pos::new(1, 2)));
    assert!(r.reason.starts_with("Define KPIs (PM-side, nobody assigned): make Tom Reed (Product Manager) Responsible and Accountable (R/A); Tom Reed is Accountable on 1 of the 1 other PM-side tasks"), "{}", r.reason);
}

#[test]
fn r002_keeps_the_side_role_and_settles_m001_and_o002() {
    let (m, c) = matrix(
        &[PO, PM, "Dev"],
        &[
            ("Approve release scope", Side::Po, None, &["A", "A", "C"]),
            ("Refine backlog", Side::Po, None, &["R/A", "C", "R"]),
            ("Roadmap", Side::Pm, None, &["C", "R/A", ""]),
        ],
    );
    let (a, s) = run(&m, &c);
    let codes: Vec<&str> = s.iter().map(|x| x.code).collect();
    assert!(a.findings.iter().any(|f| f.code == "M001"));
    assert_eq!(codes, ["R002", "M001", "O002", "R003"]);
    assert_eq!(cells(&s[0]), [(0, 1, "A".into(), "C".into())]);
    assert_eq!(
        s[0].reason,
        "Approve release scope (PO-side, 2 Accountables): keep the A with Maria Lopez (Product Owner) and change Tom Reed (Product Manager) from A to C; Maria Lopez is the Product Owner and this is PO-side work."
    );
    assert!(
        !s[1].fixes()
            && s[1]
                .reason
                .ends_with("already fixed by the change suggested for R002 above.")
    );
    assert!(!s[2].fixes());
    // The Responsible goes to the Product Owner too, who already holds the A.
    assert_eq!(cells(&s[3]), [(0, 0, "A".into(), "R/A".into())]);
}

#[test]
fn r002_drops_only_the_a_of_a_doer_and_ties_go_to_the_first() {
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[("Plan", Side::Unclassified, None, &["A", "R/A"])],
    );
    let (_, s) = run(&m, &c);
    // Bob also does the work, so Bob keeps the A; Ana keeps a C.
    assert_eq!(cells(&s[0]), [(0, 0, "A".into(), "C".into())]);
    assert!(
        s[0].reason.ends_with("Bob also does the work (R)."),
        "{}",
        s[0].reason
    );
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[("Plan", Side::Unclassified, None, &["R/A", "R/A"])],
    );
    let (_, s) = run(&m, &c);
    assert_eq!(cells(&s[0]), [(0, 1, "R/A".into(), "R".into())]);
    assert!(
        s[0].reason.contains("first in the matrix, keeps it"),
        "{}",
        s[0].reason
    );
}

#[test]
fn m001_moves_the_a_and_the_lone_r_to_the_side_role() {
    let (m, c) = matrix(
        &[PO, PM, "Dev"],
        &[
            ("Accept user stories", Side::Po, None, &["C", "R/A", "I"]),
            ("Refine backlog", Side::Po, None, &["R/A", "", "R"]),
        ],
    );
    let (_, s) = run(&m, &c);
    let m001 = of(&s, "M001")[0];
    assert_eq!(
        cells(m001),
        [
            (0, 1, "R/A".into(), "C".into()),
            (0, 0, "C".into(), "R/A".into())
        ]
    );
    assert!(
        m001.reason.starts_with("Accept user stories (PO-side, a Product Manager Accountable): move the R/A from Tom Reed (Product Manager) to Maria Lopez (Product Owner); "),
        "{}",
        m001.reason
    );
}

#[test]
fn o002_leaves_r_and_a_with_the_side_role() {
    let (m, c) = matrix(
        &[PO, PM],
        &[
            ("Sprint planning", Side::Po, None, &["A", "R"]),
            ("Roadmap", Side::Pm, None, &["C", "R/A"]),
        ],
    );
    let (a, s) = run(&m, &c);
    assert!(a.findings.iter().any(|f| f.code == "O002"));
    let o = of(&s, "O002")[0];
    assert_eq!(
        cells(o),
        [
            (0, 1, "R".into(), "C".into()),
            (0, 0, "A".into(), "R/A".into())
        ]
    );
    assert_eq!(
        o.reason,
        "Sprint planning (PO-side, owned by both a Product Owner and a Product Manager): change Tom Reed (Product Manager) from R to C, and Maria Lopez (Product Owner) takes the R; the R and A of PO work stay with the Product Owner."
    );
}

#[test]
fn r003_prefers_the_side_role_then_the_accountable() {
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[
            ("Plan", Side::Unclassified, None, &["A", "C"]),
            ("Ship", Side::Unclassified, None, &["R/A", "C"]),
        ],
    );
    let (_, s) = run(&m, &c);
    let r = of(&s, "R003")[0];
    assert_eq!(cells(r), [(0, 0, "A".into(), "R/A".into())]);
    assert!(
        r.reason
            .ends_with("Ana is Accountable on it and would hold R/A."),
        "{}",
        r.reason
    );
}

#[test]
fn g002_gives_the_titled_party_an_r_on_a_task_it_follows() {
    let (m, c) = matrix(
        &[PO, "Dev", PM],
        &[
            ("Refine backlog", Side::Po, None, &["", "R/A", "C"]),
            ("Sprint review", Side::Po, None, &["I", "R/A", ""]),
            ("Roadmap", Side::Pm, None, &["", "", "R/A"]),
        ],
    );
    let (a, s) = run(&m, &c);
    assert!(a.findings.iter().any(|f| f.code == "G002"));
    let g = of(&s, "G002")[0];
    assert_eq!(cells(g), [(1, 0, "I".into(), "R".into())]);
    assert_eq!(
        g.reason,
        "PO-side work has no Product Owner owner: make Maria Lopez (Product Owner) Responsible on Sprint review; Maria Lopez already holds I on it."
    );
}

#[test]
fn p001_moves_enough_as_to_the_doers_and_stops_under_the_limit() {
    // Ana is Accountable on 5 of 6 tasks (83 % > 50 %): moving 2 leaves 3 of 6 (50 %).
    let (m, c) = matrix(
        &["Ana", "Bob", "Cy"],
        &[
            ("T1", Side::Unclassified, None, &["A", "R", ""]),
            ("T2", Side::Unclassified, None, &["A", "", "R"]),
            ("T3", Side::Unclassified, None, &["R/A", "", ""]),
            ("T4", Side::Unclassified, None, &["A", "R", ""]),
            ("T5", Side::Unclassified, None, &["A", "C", "R"]),
            ("T6", Side::Unclassified, None, &["", "R/A", ""]),
        ],
    );
    let (a, s) = run_with(&m, &c, &Thresholds::default());
    assert!(a.findings.iter().any(|f| f.code == "P001"));
    let p = of(&s, "P001");
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(
        cells(p[0]),
        [
            (0, 0, "A".into(), "C".into()),
            (0, 1, "R".into(), "R/A".into())
        ]
    );
    assert_eq!(
        cells(p[1]),
        [
            (1, 0, "A".into(), "C".into()),
            (1, 2, "R".into(), "R/A".into())
        ]
    );
    assert_eq!(
        p[0].reason,
        "Ana is Accountable on 5 of 6 tasks, over max-accountable-share = 50 %: move the A of T1 (unclassified) from Ana to Bob; Bob is Responsible on it and would hold R/A."
    );
    let after = audit_with(&apply(&m, &s), &c, &Thresholds::default());
    assert!(
        !after.findings.iter().any(|f| f.code == "P001"),
        "{:#?}",
        after.findings
    );
}

#[test]
fn p002_moves_the_r_to_the_accountable_and_says_when_nobody_fits() {
    // Ana does all 4 tasks (100 % > 60 %); Bob owns them: moving two Rs leaves Ana 2 of 4.
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[
            ("T1", Side::Unclassified, None, &["R", "A"]),
            ("T2", Side::Unclassified, None, &["R", "A"]),
            ("T3", Side::Unclassified, None, &["R/A", "C"]),
            ("T4", Side::Unclassified, None, &["R/A", "C"]),
        ],
    );
    let (a, s) = run_with(&m, &c, &Thresholds::default());
    assert!(a.findings.iter().any(|f| f.code == "P002"));
    let p = of(&s, "P002");
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(
        cells(p[0]),
        [
            (0, 0, "R".into(), "C".into()),
            (0, 1, "A".into(), "R/A".into())
        ]
    );
    assert!(p[0].reason.starts_with("Ana is Responsible or Accountable on 4 of 4 tasks, over max-ra-share = 60 %: move the R of T1 (unclassified) from Ana to Bob; "), "{}", p[0].reason);
    // Nobody else does or owns anything near Ana's tasks: nothing moves, and the reason says so.
    let (m, c) = matrix(
        &["Ana", "Bob"],
        &[
            ("T1", Side::Unclassified, None, &["R/A", ""]),
            ("T2", Side::Unclassified, None, &["R/A", ""]),
            ("T3", Side::Unclassified, None, &["R/A", ""]),
            ("T4", Side::Unclassified, None, &["R/A", ""]),
            ("T5", Side::Unclassified, None, &["", "R/A"]),
        ],
    );
    let (_, s) = run_with(&m, &c, &Thresholds::default());
    let p = of(&s, "P002");
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(!p[0].fixes());
    assert!(p[0].reason.contains(": nobody fits: "), "{}", p[0].reason);
}

#[test]
fn applying_never_adds_an_error_and_removes_the_fixed_ones() {
    let (m, c) = matrix(
        &[PO, PM, "Dev", "QA"],
        &[
            ("Define KPIs", Side::Pm, None, &["", "", "", ""]),
            ("Competitive analysis", Side::Pm, None, &["", "R", "C", ""]),
            (
                "Approve release scope",
                Side::Po,
                None,
                &["A", "A", "", "C"],
            ),
            (
                "Accept user stories",
                Side::Po,
                None,
                &["C", "R/A", "", "I"],
            ),
            ("Test plan", Side::Unclassified, None, &["", "", "A", "A"]),
            ("Roadmap", Side::Pm, None, &["I", "R/A", "C", ""]),
        ],
    );
    let (before, s) = run(&m, &c);
    let proposed = apply(&m, &s);
    let after = audit_of(&proposed, &c);
    let errors = |a: &Audit| -> Vec<(&str, Option<usize>)> {
        a.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.code, f.task))
            .collect()
    };
    assert_eq!(errors(&before).len(), 4, "{:#?}", before.findings);
    assert!(errors(&after).is_empty(), "{:#?}", after.findings);
    // Every change's `from` is what the cell held when it was made; applying is replaying.
    for (i, x) in s.iter().enumerate() {
        for ch in &x.changes {
            let earlier = apply(&m, &s[..i]);
            assert_eq!(
                earlier.tasks[ch.task].letters_of(ch.party),
                ch.from,
                "{x:#?}"
            );
        }
    }
    assert_eq!(proposed.tasks[0].letters_of(1).to_string(), "R/A");
}

#[test]
fn the_same_input_gives_the_same_suggestions() {
    let (m, c) = matrix(
        &["Ana", "Bob", "Cy"],
        &[
            ("A1", Side::Unclassified, None, &["A", "A", "A"]),
            ("A2", Side::Unclassified, None, &["C", "I", ""]),
        ],
    );
    let (_, s1) = run(&m, &c);
    let (_, s2) = run(&m, &c);
    assert_eq!(s1, s2);
    assert_eq!(cells(of(&s1, "R002")[0]).len(), 2);
}

#[test]
fn long_and_inverted_files_have_no_cell_for_a_new_letter() {
    let (mut m, _) = matrix(
        &["Ana", "Bob"],
        &[("Plan", Side::Unclassified, None, &["R", ""])],
    );
    m.shape = Shape::Inverted;
    assert_eq!(cell_of(&m, 0, 0), Some(Pos::new(1, 1)));
    assert_eq!(cell_of(&m, 0, 1), None);
    m.shape = Shape::Transposed;
    assert_eq!(cell_of(&m, 0, 1), Some(Pos::new(0, 0)));
}

#[test]
fn describe_names_what_is_dropped_and_added() {
    let ch = |from: &str, to: &str| CellChange {
        task: 0,
        party: 0,
        pos: None,
        from: parse(from),
        to: parse(to),
    };
    fn parse(t: &str) -> LetterSet {
        match parse_cell(t, &Scheme::default()) {
            CellParse::Letters(l) => l,
            _ => LetterSet::EMPTY,
        }
    }
    assert_eq!(ch("R", "R/A").describe(), "add A");
    assert_eq!(ch("R/A", "R").describe(), "drop A");
    assert_eq!(ch("C", "R/A").describe(), "drop C, add R/A");
}

/// Found by the property test: when nobody fits a task nobody holds (R007), G002 must not give
/// the titled party an R on it, which would turn the R007 into a new R001.
#[test]
fn g002_leaves_tasks_nobody_holds_alone() {
    let (m, c) = matrix(
        &["P0", "P1 (Product Manager)"],
        &[
            ("Task 0", Side::Po, None, &["", "R"]),
            ("Task 1", Side::Po, None, &["R", "A"]),
            ("Task 2", Side::Pm, None, &["", ""]),
            ("Task 3", Side::Po, None, &["", ""]),
        ],
    );
    let tight = Thresholds {
        max_accountable_share: 30.0,
        max_ra_share: 40.0,
        ..Thresholds::default()
    };
    let (before, s) = run_with(&m, &c, &tight);
    assert!(!of(&s, "R007")[0].fixes());
    let g = of(&s, "G002");
    assert_eq!(g.len(), 1, "{s:#?}");
    assert!(!g[0].fixes());
    assert!(
        g[0].reason
            .contains("nobody fits: nobody holds any of the PM-side tasks"),
        "{}",
        g[0].reason
    );
    let after = audit_with(&apply(&m, &s), &c, &tight);
    let errors = |a: &Audit| {
        a.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.code, f.task))
            .collect::<Vec<_>>()
    };
    for e in errors(&after) {
        assert!(errors(&before).contains(&e), "new {e:?}");
    }
}
