//! Unit tests of the engine: severities from settings, the order of findings, coverage,
//! per-party counts and the health score. Each rule's own tests are in its file.

use super::testing::*;
use super::*;

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
