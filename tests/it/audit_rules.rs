//! Tests for audit_rules: each rule alone on its own small matrix with a snapshot of its
//! findings, a clean matrix, `raci.toml` changing thresholds and severities, strict config
//! errors, `--select`/`--ignore`, `raci rules`, and `docs/rules.md` kept current.

use crate::support;
use clap::Parser;
use raci_audit::audit::{
    self, AuditSettings, Ctx, Explanation, Family, Finding, Kind, PartyFlag, Rule, Severity, RULES,
};
use raci_audit::chart;
use raci_audit::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use raci_audit::cli::{Cli, Command};
use raci_audit::model::{CellIssue, CellProblem, Matrix, Pos, Side};
use raci_audit::outcome::Outcome;
use raci_audit::report::{self, ReportOptions};
use raci_audit::settings::{self, Settings};
use raci_audit::testing::matrix;
use raci_audit::Error;
use std::path::Path;
use std::sync::OnceLock;

/// `"PO:po-sprint-priorities"`, `"PM"`, `"shared"`, `""` (unclassified), one per task.
fn classes(spec: &[&str]) -> Vec<Classification> {
    spec.iter()
        .map(|s| {
            let (side, duty) = match s.split_once(':') {
                Some((side, duty)) => (side, Some(duty.to_string())),
                None => (*s, None),
            };
            let side = if side.is_empty() {
                Side::Unclassified
            } else {
                Side::parse(side).expect("side")
            };
            Classification {
                side,
                duty,
                confidence: 1.0,
                matched: Vec::new(),
                source: SideSource::Classifier,
                ..Classification::unclassified()
            }
        })
        .collect()
}

fn duty(id: &str, side: Side, kind: DutyKind, text: &str) -> Duty {
    Duty {
        covers: None,
        id: id.into(),
        side,
        kind,
        text: text.into(),
        section: "The main responsibilities of each role".into(),
        signals: Vec::new(),
        local_signals: Default::default(),
    }
}

/// A small taxonomy in the article's words: four duties and one skill.
fn taxonomy() -> Taxonomy {
    Taxonomy {
        duties: vec![
            duty(
                "po-sprint-priorities",
                Side::Po,
                DutyKind::Duty,
                "Assistance in identifying priorities during the various agile sprints",
            ),
            duty(
                "po-check-status-verify-results",
                Side::Po,
                DutyKind::Duty,
                "Checking the current status of the work and verifying the results",
            ),
            duty(
                "pm-kpis-strategy-tracking",
                Side::Pm,
                DutyKind::Duty,
                "Setting business KPIs and tracking whether the product strategy is working as planned",
            ),
            duty(
                "pm-business-data",
                Side::Pm,
                DutyKind::Duty,
                "Collection of business-relevant data (e.g., competitive analysis)",
            ),
            duty(
                "pm-skill-market-research",
                Side::Pm,
                DutyKind::Skill,
                "conducting market research skills",
            ),
        ],
    }
}

/// One line per finding: `CODE severity @cell task=... party=... duty=... | message`.
fn snapshot(m: &Matrix, c: &[Classification], settings: &AuditSettings) -> String {
    let audit = audit::run(m, c, &taxonomy(), settings);
    let mut s = String::new();
    for f in &audit.findings {
        s.push_str(&format!("{} {}", f.code, f.severity));
        if let Some(pos) = f.pos {
            s.push_str(&format!(" @{}", m.cell_ref(pos)));
        }
        if let Some(t) = f.task {
            s.push_str(&format!(" task={}", m.tasks[t].name));
        }
        if let Some(p) = f.party {
            s.push_str(&format!(" party={}", m.parties[p].name));
        }
        if let Some(d) = &f.duty {
            s.push_str(&format!(" duty={d}"));
        }
        if !f.related_tasks.is_empty() {
            let names: Vec<&str> = f
                .related_tasks
                .iter()
                .map(|&t| m.tasks[t].name.as_str())
                .collect();
            s.push_str(&format!(" related=[{}]", names.join("; ")));
        }
        s.push_str(&format!(" | {}\n", f.message));
    }
    s
}

fn only(code: &str) -> AuditSettings {
    AuditSettings {
        select: vec![code.to_string()],
        ..AuditSettings::default()
    }
}

/// Runs `code` alone and compares with `expected` (leading and trailing blank lines and
/// indentation ignored).
fn check(code: &str, m: &Matrix, c: &[Classification], expected: &str) {
    let got = snapshot(m, c, &only(code));
    let want: String = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(got, want, "\n--- {code} got:\n{got}");
    assert!(!got.is_empty(), "{code}: a fixture must trigger its rule");
}

const PO: &str = "Ana (Product Owner)";
const PM: &str = "Tom (Product Manager)";

#[test]
fn r001_missing_accountable() {
    let m = matrix(
        &[PO, "Dev"],
        &[
            ("Sprint planning", &["C", "R"]),
            ("Demo", &["A", "R"]),
            ("Idle", &["", ""]),
        ],
    );
    check(
        "R001",
        &m,
        &classes(&["PO", "PO", ""]),
        r#"R001 error @team.xlsx[RACI]!A2 task=Sprint planning | Task "Sprint planning" has no Accountable: no party holds an A on it."#,
    );
}

#[test]
fn r002_multiple_accountable() {
    let m = matrix(
        &[PO, PM, "Dev"],
        &[
            ("Prioritise the backlog", &["A", "A", "R"]),
            ("Demo", &["A", "", "R"]),
        ],
    );
    check(
        "R002",
        &m,
        &classes(&["PO", "PO"]),
        r#"R002 error @team.xlsx[RACI]!A2 task=Prioritise the backlog | Task "Prioritise the backlog" has 2 Accountables (Ana (Product Owner) and Tom (Product Manager)); exactly one party should hold the A."#,
    );
}

#[test]
fn r003_missing_responsible() {
    let m = matrix(
        &[PM, "Sales"],
        &[
            ("Competitive analysis", &["A", "C"]),
            ("Pricing", &["A/R", "C"]),
        ],
    );
    check(
        "R003",
        &m,
        &classes(&["PM", "PM"]),
        r#"R003 warning @team.xlsx[RACI]!A2 task=Competitive analysis | Task "Competitive analysis" has no Responsible: no party holds an R to do the work."#,
    );
}

#[test]
fn r004_too_many_responsible() {
    let m = matrix(
        &["Dev", "QA", "Marketing", "Sales", "Support"],
        &[
            ("Launch", &["R/A", "R", "R", "R", ""]),
            ("Fix", &["R/A", "R", "R", "", ""]),
        ],
    );
    check(
        "R004",
        &m,
        &classes(&["", ""]),
        r#"R004 warning @team.xlsx[RACI]!A2 task=Launch | Task "Launch" has 4 Responsibles (Dev, QA, Marketing and Sales), more than max-responsible = 3."#,
    );
}

#[test]
fn r005_too_many_consulted() {
    let m = matrix(
        &["PM", "A", "B", "C", "D", "E"],
        &[
            ("Pricing", &["R/A", "C", "C", "C", "C", "C"]),
            ("Copy", &["R/A", "C", "C", "C", "C", ""]),
        ],
    );
    check(
        "R005",
        &m,
        &classes(&["", ""]),
        r#"R005 warning @team.xlsx[RACI]!A2 task=Pricing | Task "Pricing" has 5 Consulted (A, B, C, D and E), more than max-consulted = 4."#,
    );
}

#[test]
fn r006_too_many_informed() {
    let heads = ["Lead", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
    let nine_i = ["R/A", "I", "I", "I", "I", "I", "I", "I", "I", "I"];
    let eight_i = ["R/A", "I", "I", "I", "I", "I", "I", "I", "I", ""];
    let m = matrix(
        &heads,
        &[("Sprint review", &nine_i), ("Release notes", &eight_i)],
    );
    check(
        "R006",
        &m,
        &classes(&["PO", ""]),
        r#"R006 info @team.xlsx[RACI]!A2 task=Sprint review | Task "Sprint review" has 9 Informed (P1, P2, P3, P4, P5, P6, P7, P8 and P9), more than max-informed = 8."#,
    );
}

#[test]
fn r007_unassigned_task() {
    let m = matrix(
        &[PM, "Dev"],
        &[
            ("Define KPIs", &["", ""]),
            ("Ship", &["A", "R"]),
            ("Odd", &["", "yes"]),
        ],
    );
    check(
        "R007",
        &m,
        &classes(&["PM", "", ""]),
        r#"
        R007 error @team.xlsx[RACI]!A2 task=Define KPIs | Task "Define KPIs" has no letters at all: nobody is Responsible, Accountable, Consulted or Informed.
        R007 error @team.xlsx[RACI]!A4 task=Odd | Task "Odd" has no letters at all (1 cell on its row could not be read, see D001/D005): nobody is Responsible, Accountable, Consulted or Informed.
        "#,
    );
    // The unassigned rows get R007 only.
    let rest = snapshot(
        &m,
        &classes(&["PM", "", ""]),
        &AuditSettings {
            select: vec!["R001".into(), "R003".into()],
            ..AuditSettings::default()
        },
    );
    assert_eq!(rest, "");
}

#[test]
fn p001_accountable_overload() {
    let m = matrix(
        &[PO, "Dev"],
        &[
            ("T1", &["A", "R"]),
            ("T2", &["A", "R"]),
            ("T3", &["A", "R"]),
            ("T4", &["C", "R/A"]),
        ],
    );
    check(
        "P001",
        &m,
        &classes(&["", "", "", ""]),
        r#"P001 warning @team.xlsx[RACI]!B1 party=Ana (Product Owner) | Ana (Product Owner) is Accountable on 3 of 4 tasks (75 %), more than max-accountable-share = 50 %."#,
    );
}

#[test]
fn p002_workload_overload() {
    let m = matrix(
        &["Maria", "Dev", "QA"],
        &[
            ("T1", &["R", "A", ""]),
            ("T2", &["A", "R", ""]),
            ("T3", &["R/A", "", "C"]),
            ("T4", &["R", "", "A"]),
            ("T5", &["I", "", "R/A"]),
        ],
    );
    check(
        "P002",
        &m,
        &classes(&["", "", "", "", ""]),
        r#"P002 warning @team.xlsx[RACI]!B1 party=Maria | Maria is Responsible or Accountable on 4 of 5 tasks (80 %), more than max-ra-share = 60 %."#,
    );
}

#[test]
fn p003_in_everything() {
    let m = matrix(
        &["Head of Product", "Dev"],
        &[
            ("T1", &["C", "R/A"]),
            ("T2", &["I", "R/A"]),
            ("T3", &["C", "R/A"]),
        ],
    );
    check(
        "P003",
        &m,
        &classes(&["", "", ""]),
        r#"
        P003 info @team.xlsx[RACI]!B1 party=Head of Product | Head of Product holds a letter on every one of the 3 tasks.
        P003 info @team.xlsx[RACI]!C1 party=Dev | Dev holds a letter on every one of the 3 tasks.
        "#,
    );
}

#[test]
fn p004_no_ownership() {
    let m = matrix(
        &["Legal", "Dev"],
        &[
            ("T1", &["C", "R/A"]),
            ("T2", &["", "R/A"]),
            ("T3", &["I", "R/A"]),
        ],
    );
    check(
        "P004",
        &m,
        &classes(&["", "", ""]),
        r#"P004 info @team.xlsx[RACI]!B1 party=Legal | Legal holds letters on 2 tasks but is never Responsible or Accountable."#,
    );
}

#[test]
fn p005_idle_party() {
    let m = matrix(
        &["UX", "Dev", "QA"],
        &[("T1", &["", "R/A", "?"]), ("T2", &["", "R/A", ""])],
    );
    check(
        "P005",
        &m,
        &classes(&["", ""]),
        r#"
        P005 warning @team.xlsx[RACI]!B1 party=UX | UX has no letters on any task.
        P005 warning @team.xlsx[RACI]!D1 party=QA | QA has no letters on any task (1 cell in its column could not be read, see D001).
        "#,
    );
}

#[test]
fn o001_party_spans_both_sides() {
    let m = matrix(
        &["Maria", "Dev", "Sales"],
        &[
            ("Sprint planning", &["R/A", "R", ""]),
            ("Competitive analysis", &["R", "", "A"]),
            ("Roadmap", &["A", "", "R"]),
            ("Accept stories", &["A", "R", ""]),
        ],
    );
    check(
        "O001",
        &m,
        &classes(&["PO", "PM", "shared", "PO"]),
        r#"O001 warning @team.xlsx[RACI]!B1 party=Maria related=[Sprint planning; Competitive analysis; Accept stories] | Maria holds R or A on 2 PO-side tasks and on 1 PM-side task."#,
    );
}

#[test]
fn o002_shared_ownership() {
    let m = matrix(
        &[PO, PM],
        &[
            ("Sprint planning", &["R", "A"]),
            ("Vision", &["R", "A"]),
            ("KPIs", &["C", "R/A"]),
        ],
    );
    check(
        "O002",
        &m,
        &classes(&["PO", "shared", "PM"]),
        r#"O002 warning @team.xlsx[RACI]!A2 task=Sprint planning party=Tom (Product Manager) | On PO-side task "Sprint planning", Product Owner Ana (Product Owner) and Product Manager Tom (Product Manager) both hold R or A."#,
    );
}

#[test]
fn o003_duty_split() {
    let m = matrix(
        &["Maria", "Tom", "Dev"],
        &[
            ("Sprint planning", &["A", "", "R"]),
            ("Sprint goal", &["", "A", "R"]),
            ("KPIs", &["", "R/A", ""]),
            ("KPI review", &["", "A", "R"]),
        ],
    );
    check(
        "O003",
        &m,
        &classes(&[
            "PO:po-sprint-priorities",
            "PO:po-sprint-priorities",
            "PM:pm-kpis-strategy-tracking",
            "PM:pm-kpis-strategy-tracking",
        ]),
        r#"O003 info duty=po-sprint-priorities related=[Sprint planning; Sprint goal] | Duty po-sprint-priorities is split between different Accountables: Maria on "Sprint planning" and Tom on "Sprint goal"."#,
    );
}

#[test]
fn g001_uncovered_duty() {
    let m = matrix(
        &[PO, PM],
        &[
            ("Sprint planning", &["R/A", ""]),
            ("Accept stories", &["R/A", ""]),
            ("KPIs", &["", "R/A"]),
            ("Research", &["", "R/A"]),
        ],
    );
    // pm-skill-market-research is a skill: never reported uncovered.
    check(
        "G001",
        &m,
        &classes(&[
            "PO:po-sprint-priorities",
            "PO:po-check-status-verify-results",
            "PM:pm-kpis-strategy-tracking",
            "PM:pm-skill-market-research",
        ]),
        r#"G001 warning duty=pm-business-data | No task covers the PM duty "Collection of business-relevant data (e.g., competitive analysis)" (pm-business-data)."#,
    );
}

#[test]
fn g002_side_without_owner() {
    let m = matrix(
        &[PO, "Dev"],
        &[
            ("Sprint planning", &["C", "R/A"]),
            ("Accept stories", &["I", "R/A"]),
        ],
    );
    check(
        "G002",
        &m,
        &classes(&["PO", "PO"]),
        r#"
        G002 warning related=[Sprint planning; Accept stories] | No party titled Product Owner (Ana (Product Owner)) holds R or A on any of the 2 PO-side tasks.
        G002 warning | No task is classified as PM-side, so the matrix gives no Product Manager work to anyone.
        "#,
    );
}

#[test]
fn g003_unclassified_task() {
    let m = matrix(
        &["Dev"],
        &[
            ("Quarterly offsite", &["R/A"]),
            ("Sprint planning", &["R/A"]),
        ],
    );
    check(
        "G003",
        &m,
        &classes(&["", "PO"]),
        r#"G003 info @team.xlsx[RACI]!A2 task=Quarterly offsite | Task "Quarterly offsite" is not recognisably PO, PM or shared work; pin it under [sides] in raci.toml if it belongs to a side."#,
    );
}

#[test]
fn g004_missing_title() {
    let m = matrix(
        &["Maria", "Alex (PM)"],
        &[("Sprint planning", &["R/A", "C"])],
    );
    check(
        "G004",
        &m,
        &classes(&["PO"]),
        r#"
        G004 info | No party carries a Product Owner title, so the title rules (O002, G002, M001, M002) could not check the Product Owner's work; give titles with --roster FILE or in the header, like "Ana (Product Owner)".
        G004 info | No party carries a Product Manager title, so the title rules (O002, G002, M001, M002) could not check the Product Manager's work; give titles with --roster FILE or in the header, like "Ana (Product Manager)"; Alex (PM) is marked only PM, which --pm-means product settles.
        "#,
    );
}

#[test]
fn m001_title_side_mismatch() {
    let m = matrix(
        &[PO, PM, "Dev"],
        &[
            ("Accept user stories", &["R", "A", ""]),
            ("Set KPIs", &["A", "R", ""]),
            ("Vision", &["R", "A", ""]),
        ],
    );
    check(
        "M001",
        &m,
        &classes(&["PO", "PM", "shared"]),
        r#"
        M001 warning @team.xlsx[RACI]!C2 task=Accept user stories party=Tom (Product Manager) | Tom (Product Manager), a Product Manager, is Accountable on PO-side task "Accept user stories".
        M001 warning @team.xlsx[RACI]!B3 task=Set KPIs party=Ana (Product Owner) | Ana (Product Owner), a Product Owner, is Accountable on PM-side task "Set KPIs".
        "#,
    );
}

#[test]
fn m002_pm_in_day_to_day() {
    let m = matrix(
        &[PO, PM],
        &[
            ("Sprint review", &["A", "R"]),
            ("Build the backlog", &["A", "R"]),
            ("Accept stories", &["R/A", "C"]),
        ],
    );
    check(
        "M002",
        &m,
        &classes(&[
            "PO:po-sprint-priorities",
            "PO:po-roadmap-backlog",
            "PO:po-check-status-verify-results",
        ]),
        r#"M002 info @team.xlsx[RACI]!C2 task=Sprint review party=Tom (Product Manager) duty=po-sprint-priorities | Tom (Product Manager), a Product Manager, is Responsible on "Sprint review", day-to-day Product Owner work (po-sprint-priorities)."#,
    );
}

#[test]
fn d001_unknown_letter() {
    let mut m = matrix(
        &["Dev", "QA"],
        &[("Build feature", &["x", "R,A,Q"]), ("Test", &["R/A", ""])],
    );
    m.issues.push(CellIssue {
        pos: Pos::new(2, 2),
        raw: "45231".into(),
        problem: CellProblem::NotText,
        task: Some(1),
        party: Some(1),
        letters: Default::default(),
    });
    m.issues.push(CellIssue {
        pos: Pos::new(2, 3),
        raw: "#NAME?".into(),
        problem: CellProblem::ErrorValue,
        task: Some(1),
        party: None,
        letters: Default::default(),
    });
    check(
        "D001",
        &m,
        &classes(&["", ""]),
        r##"
        D001 warning @team.xlsx[RACI]!B2 task=Build feature party=Dev | Cell team.xlsx[RACI]!B2 on task "Build feature" under Dev holds "x", which is not a letter of the raci scheme.
        D001 warning @team.xlsx[RACI]!C2 task=Build feature party=QA | Cell team.xlsx[RACI]!C2 on task "Build feature" under QA holds "R,A,Q", which is not a letter of the raci scheme (only R/A could be read from it).
        D001 warning @team.xlsx[RACI]!C3 task=Test party=QA | Cell team.xlsx[RACI]!C3 on task "Test" under QA holds "45231", a number, date or true/false value where letters belong.
        D001 warning @team.xlsx[RACI]!D3 task=Test | Cell team.xlsx[RACI]!D3 on task "Test" holds the spreadsheet error "#NAME?".
        "##,
    );
}

#[test]
fn d002_duplicate_task() {
    let m = matrix(
        &["Dev"],
        &[
            ("Sprint review@Delivery", &["R/A"]),
            ("Sprint review@Discovery", &["R/A"]),
            ("sprint  Review@Delivery", &["R/A"]),
        ],
    );
    check(
        "D002",
        &m,
        &classes(&["", "", ""]),
        r#"D002 warning @team.xlsx[RACI]!A4 task=sprint  Review related=[Sprint review] | Task "sprint  Review" at team.xlsx[RACI]!A4 repeats the task at team.xlsx[RACI]!A2 in group "Delivery"."#,
    );
}

#[test]
fn d003_duplicate_party() {
    let m = matrix(&["QA", "Dev", "qa"], &[("Test", &["R", "A", "C"])]);
    check(
        "D003",
        &m,
        &classes(&[""]),
        r#"D003 warning @team.xlsx[RACI]!D1 party=qa | Party "qa" at team.xlsx[RACI]!D1 repeats the party at team.xlsx[RACI]!B1; their letters are counted as two parties."#,
    );
}

#[test]
fn d004_ambiguous_title() {
    let m = matrix(&["Alex (PM)", PO], &[("Roadmap", &["R/A", "C"])]);
    check(
        "D004",
        &m,
        &classes(&[""]),
        r#"D004 info @team.xlsx[RACI]!B1 party=Alex (PM) | Party "Alex (PM)" has the title "PM", which may mean Product Manager or Project Manager; settle it with --pm-means product|project or a roster."#,
    );
}

#[test]
fn d005_blank_party_header() {
    let mut m = matrix(&["Dev"], &[("Build", &["R/A"]), ("Test", &["R/A"])]);
    for row in [1, 2] {
        m.issues.push(CellIssue {
            pos: Pos::new(row, 3),
            raw: "R".into(),
            problem: CellProblem::BlankPartyHeader,
            task: Some(row as usize - 1),
            party: None,
            letters: Default::default(),
        });
    }
    check(
        "D005",
        &m,
        &classes(&["", ""]),
        r#"
        D005 warning @team.xlsx[RACI]!D2 task=Build | Cell team.xlsx[RACI]!D2 on task "Build" holds "R" in a column with a blank party header, so nobody is named for it.
        D005 warning @team.xlsx[RACI]!D3 task=Test | Cell team.xlsx[RACI]!D3 on task "Test" holds "R" in a column with a blank party header, so nobody is named for it.
        "#,
    );
}

#[test]
fn every_rule_has_a_fixture_test_here() {
    let source = std::fs::read_to_string(support::root().join("tests/it/audit_rules.rs")).unwrap();
    for rule in RULES {
        let test = format!("fn {}_", rule.code.to_ascii_lowercase());
        assert!(source.contains(&test), "no fixture test for {}", rule.code);
    }
}

/// Every PO task owned by the Product Owner, every PM task by the Product Manager, every duty
/// covered once, nobody overloaded: no rule finds anything.
fn clean() -> (Matrix, Vec<Classification>) {
    let m = matrix(
        &[PO, PM, "Dev", "Sales"],
        &[
            ("Sprint planning", &["A", "I", "R", ""]),
            ("Accept stories", &["A", "", "R", ""]),
            ("Set KPIs", &["C", "A", "", "R"]),
            ("Competitive analysis", &["", "A", "", "R"]),
        ],
    );
    let c = classes(&[
        "PO:po-sprint-priorities",
        "PO:po-check-status-verify-results",
        "PM:pm-kpis-strategy-tracking",
        "PM:pm-business-data",
    ]);
    (m, c)
}

#[test]
fn clean_matrix_triggers_nothing() {
    let (m, c) = clean();
    let audit = audit::run(&m, &c, &taxonomy(), &AuditSettings::default());
    assert_eq!(snapshot(&m, &c, &AuditSettings::default()), "");
    assert_eq!(audit.health, 100);
    assert_eq!(audit.coverage.len(), 4);
    assert!(audit.coverage.iter().all(|d| d.covered()));
    assert_eq!(audit.parties.len(), 4);
}

/// Dummy rules added to the table in one place, [`with_dummies`]: what reaches which report
/// and chart follows from their fields alone.
fn dummy_gap(ctx: &Ctx, out: &mut Vec<Finding>) {
    out.push(ctx.on_task(0, "Dummy gap on the first task.".into()));
}

fn dummy_overlap(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut f = ctx.on_party(0, "Dummy overlap of the first party.".into());
    f.related_tasks = vec![0, 2];
    out.push(f);
}

const DUMMY_EXPLANATION: Explanation = Explanation {
    what: "A test's dummy.",
    why: "To see a new rule reach its reports.",
    example: "None.",
    fix: "None.",
    options: "None.",
};

/// The real table plus a gap rule that outlines heatmap rows and an overlap rule that flags a
/// party as working both sides. Their families (R, M) are not their kinds, so only their kind
/// can take them to `gaps.csv` and `overlaps.csv`, not their code's letter.
fn with_dummies() -> &'static [Rule] {
    static TABLE: OnceLock<Vec<Rule>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let gap = Rule {
            code: "R900",
            name: "dummy-gap",
            summary: "A test's gap.",
            family: Family::Task,
            kind: Kind::Gap,
            default_severity: Severity::Warning,
            outlines_heatmap: true,
            flags_party: None,
            health_term: None,
            check: dummy_gap,
            explanation: DUMMY_EXPLANATION,
        };
        let overlap = Rule {
            code: "M900",
            name: "dummy-overlap",
            summary: "A test's overlap.",
            kind: Kind::Overlap,
            family: Family::Title,
            outlines_heatmap: false,
            flags_party: Some(PartyFlag::BothSides),
            check: dummy_overlap,
            ..gap
        };
        RULES.iter().copied().chain([gap, overlap]).collect()
    })
}

/// `(file name, lines)` of every CSV report of an audit.
fn csv_lines(o: &Outcome) -> Vec<(String, Vec<String>)> {
    report::render(o, &[], &ReportOptions::default())
        .unwrap()
        .into_iter()
        .filter(|(name, _)| name.ends_with(".csv"))
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            (name, text.lines().map(str::to_string).collect())
        })
        .collect()
}

#[test]
fn a_rule_added_to_the_table_reaches_the_reports_and_charts_of_its_kind() {
    let m = matrix(
        &[PO, PM, "Dev"],
        &[
            ("Sprint planning", &["A", "", "R"]),
            ("Set KPIs", &["", "A", "R"]),
            ("Release notes", &["", "", "R"]),
        ],
    );
    let c = classes(&[
        "PO:po-sprint-priorities",
        "PM:pm-kpis-strategy-tracking",
        "",
    ]);
    let tax = taxonomy();
    let settings = AuditSettings::default();
    let real = audit::run(&m, &c, &tax, &settings);
    let dummies = audit::run_rules(with_dummies(), &m, &c, &tax, &settings);
    let outcome = |audit| Outcome {
        matrix: &m,
        classes: &c,
        taxonomy: &tax,
        audit,
        suggestions: &[],
    };
    let (before, after) = (outcome(&real), outcome(&dummies));
    assert!(
        real.count_kind(Kind::Gap) > 0,
        "the real rules find gaps too"
    );

    // Each CSV of findings holds the rows it held, plus the dummies' rows where their kind
    // says; the others are unchanged but for the task rows naming their findings' codes.
    for ((name, old), (_, new)) in csv_lines(&before).iter().zip(&csv_lines(&after)) {
        let added: Vec<&String> = new.iter().filter(|l| !old.contains(l)).collect();
        let want: &[&str] = match name.as_str() {
            "gaps.csv" => &["R900"],
            "overlaps.csv" => &["M900"],
            "findings.csv" => &["R900", "M900"],
            "tasks.csv" => {
                assert_eq!(added.len(), 2, "the two tasks the dummies name: {added:?}");
                assert!(added[0].starts_with("Sprint planning,"), "{added:?}");
                assert!(added[0].contains("R900") && added[0].contains("M900"));
                assert!(added[1].starts_with("Release notes,"), "{added:?}");
                assert!(added[1].contains("M900") && !added[1].contains("R900"));
                continue;
            }
            _ => &[],
        };
        assert!(old.iter().all(|l| new.contains(l)), "{name} lost a row");
        let codes: Vec<&str> = ["R900", "M900"]
            .into_iter()
            .filter(|code| added.iter().any(|l| l.contains(code)))
            .collect();
        assert_eq!(codes, want, "{name}: {added:?}");
        assert_eq!(added.len(), want.len(), "{name}: {added:?}");
    }
    let gaps = &csv_lines(&after)[4];
    assert_eq!(gaps.0, "gaps.csv");
    assert!(
        gaps.1.iter().any(
            |l| l.starts_with("R900,warning,PO,,,Sprint planning,team.xlsx[RACI]!A2,Dummy gap")
        ),
        "{:?}",
        gaps.1
    );

    // The portfolio's counts, and the charts.
    assert_eq!(
        dummies.count_kind(Kind::Gap),
        real.count_kind(Kind::Gap) + 1
    );
    assert_eq!(
        dummies.count_kind(Kind::Overlap),
        real.count_kind(Kind::Overlap) + 1
    );
    let marked = chart::matrix::matrix_data(&after).marked;
    assert!(marked.contains(&("R900", "dummy-gap", 1)), "{marked:?}");
    assert!(!chart::matrix::matrix_data(&before)
        .marked
        .iter()
        .any(|(code, _, _)| *code == "R900"));
    let parties = chart::overlap::overlap_data(&after).shown;
    let ana = parties.iter().find(|p| p.party == 0).unwrap();
    assert_eq!(ana.both_sides_finding, Some("M900"));
}

fn cli(args: &[&str]) -> raci_audit::cli::AuditArgs {
    let mut argv = vec!["raci", "audit", "team.xlsx"];
    argv.extend_from_slice(args);
    match Cli::try_parse_from(argv).unwrap().command {
        Command::Audit(a) => a,
        other => panic!("{other:?}"),
    }
}

fn with_config(toml: &str, args: &[&str]) -> raci_audit::Result<Settings> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("raci.toml"), toml).unwrap();
    settings::resolve_audit(&cli(args), dir.path())
}

#[test]
fn config_thresholds_and_severities_change_findings() {
    let (m, c) = clean();
    // Lower the thresholds and raise severities: the clean matrix now has findings.
    let s = with_config(
        "[thresholds]\nmax-responsible = 0\nmax-accountable-share = 25\n\n[rules]\nR004 = \"error\"\naccountable-overload = \"info\"\n",
        &["--select", "R004,P001"],
    )
    .unwrap();
    let audit = audit::run(&m, &c, &taxonomy(), &s.audit);
    let got: Vec<(&str, Severity)> = audit
        .findings
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    assert_eq!(
        got,
        vec![
            ("R004", Severity::Error),
            ("R004", Severity::Error),
            ("R004", Severity::Error),
            ("R004", Severity::Error),
        ],
        "P001 needs at least 3 tasks"
    );
    // A matrix where R002 fires: the file turns it down to info, then off.
    let m = matrix(&[PO, PM], &[("Roadmap", &["R/A", "A"])]);
    let c = classes(&["shared"]);
    let run = |toml: &str| {
        let s = with_config(toml, &["--select", "R002"]).unwrap();
        snapshot(&m, &c, &s.audit)
    };
    assert!(run("").starts_with("R002 error"));
    assert!(run("[rules]\nR002 = \"info\"\n").starts_with("R002 info"));
    assert_eq!(run("[rules]\nmultiple-accountable = \"ignore\"\n"), "");
}

#[test]
fn unknown_config_keys_name_the_key_and_the_file() {
    let err = with_config("[thresholds]\nmax-responsibles = 2\n", &[]).unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("raci.toml"), "{msg}");
    assert!(msg.contains("max-responsibles"), "{msg}");
    assert!(msg.contains("line 2, in [thresholds]"), "{msg}");
    let err = with_config("[rules]\nR404 = \"error\"\n", &[]).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("R404") && msg.contains("D005 (blank-party-header)"),
        "{msg}"
    );
    // An explicit --config that does not exist is a read error naming it.
    let dir = tempfile::tempdir().unwrap();
    let err = settings::resolve_audit(&cli(&["--config", "missing.toml"]), dir.path()).unwrap_err();
    assert!(matches!(err, Error::Read { .. }), "{err:?}");
    assert!(err.to_string().contains("missing.toml"));
}

#[test]
fn explicit_config_file_and_flags_over_file() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("conf");
    std::fs::create_dir(&conf).unwrap();
    std::fs::write(
        conf.join("team.toml"),
        "sheet = 2\nroster = \"roster.csv\"\nfail-on = \"warning\"\n[output]\nonly = [\"csv\"]\n",
    )
    .unwrap();
    let s = settings::resolve_audit(&cli(&["--config", "conf/team.toml"]), dir.path()).unwrap();
    assert_eq!(s.roster_file, Some(conf.join("roster.csv")));
    assert_eq!(s.fail_on, Some(Severity::Warning));
    assert!(s.outputs.has("csv") && !s.outputs.has("png"));
    let s = settings::resolve_audit(
        &cli(&[
            "--config",
            "conf/team.toml",
            "--sheet",
            "Matrix",
            "--fail-on",
            "error",
            "--only",
            "png,json",
            "--max-file-mb",
            "3",
            "--quiet",
        ]),
        dir.path(),
    )
    .unwrap();
    assert_eq!(
        s.layout.sheet,
        Some(raci_audit::layout::SheetChoice::Name("Matrix".into()))
    );
    assert_eq!(s.fail_on, Some(Severity::Error));
    assert!(!s.outputs.has("csv") && s.outputs.has("png") && s.outputs.has("json"));
    assert_eq!(s.limits.max_file_bytes, 3 * 1024 * 1024);
    assert!(s.quiet);
    // No raci.toml in the folder and none given: defaults.
    let empty = tempfile::tempdir().unwrap();
    let s = settings::resolve_audit(&cli(&[]), empty.path()).unwrap();
    assert_eq!(s.audit, AuditSettings::default());
}

#[test]
fn read_flags_map_to_settings() {
    let dir = tempfile::tempdir().unwrap();
    let read = raci_audit::cli::ReadArgs {
        sheet: Some("3".into()),
        pm_means: Some(raci_audit::layout::PmMeans::Project),
        scheme: Some(raci_audit::model::SchemeName::RaciVs),
        max_cells: Some(10),
        max_cell_chars: Some(20),
        ..Default::default()
    };
    let s = settings::resolve_read(&read, dir.path()).unwrap();
    assert_eq!(
        s.layout.sheet,
        Some(raci_audit::layout::SheetChoice::Number(3))
    );
    assert_eq!(
        s.layout.pm_means,
        Some(raci_audit::layout::PmMeans::Project)
    );
    assert_eq!(s.layout.scheme, Some(raci_audit::model::SchemeName::RaciVs));
    assert_eq!((s.limits.max_cells, s.limits.max_cell_chars), (10, 20));
    let zero = raci_audit::cli::ReadArgs {
        sheet: Some("0".into()),
        ..Default::default()
    };
    assert!(matches!(
        settings::resolve_read(&zero, dir.path()),
        Err(Error::Usage(_))
    ));
}

#[test]
fn select_and_ignore_take_codes_names_and_prefixes() {
    let m = matrix(
        &[PO, PM, "Dev"],
        &[("Roadmap", &["A", "A", ""]), ("Idle", &["", "", ""])],
    );
    let c = classes(&["PO", ""]);
    let codes = |args: &[&str]| -> Vec<&'static str> {
        let dir = tempfile::tempdir().unwrap();
        let s = settings::resolve_audit(&cli(args), dir.path()).unwrap();
        let mut codes: Vec<&str> = audit::run(&m, &c, &taxonomy(), &s.audit)
            .findings
            .iter()
            .map(|f| f.code)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    };
    assert_eq!(codes(&["--select", "R"]), vec!["R002", "R003", "R007"]);
    assert_eq!(
        codes(&["--select", "R00", "--ignore", "unassigned-task"]),
        vec!["R002", "R003"]
    );
    assert_eq!(
        codes(&["--select", "multiple-accountable,P005"]),
        vec!["P005", "R002"]
    );
    let all = codes(&[]);
    assert!(all.contains(&"G003") && all.contains(&"M001"), "{all:?}");
    let no_g = codes(&["--ignore", "G,M"]);
    assert!(no_g
        .iter()
        .all(|c| !c.starts_with('G') && !c.starts_with('M')));
    for (flag, bad) in [
        ("--select", "R9"),
        ("--ignore", "missing-owner"),
        ("--only", "pdf"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let err = settings::resolve_audit(&cli(&[flag, bad]), dir.path()).unwrap_err();
        assert!(matches!(err, Error::Usage(_)), "{err:?}");
        assert!(err.to_string().contains(bad), "{err}");
    }
}

#[test]
fn rules_command_lists_and_explains() {
    let mut out = Vec::new();
    raci_audit::commands::rules::run(None, &mut out).unwrap();
    let table = String::from_utf8(out).unwrap();
    assert_eq!(
        table.lines().count(),
        RULES.len() + 3,
        "header, one line per rule, blank, hint"
    );
    assert!(
        table.contains(
            "R001  missing-accountable     error     A task with letters but no Accountable (A)."
        ),
        "{table}"
    );
    let mut out = Vec::new();
    raci_audit::commands::rules::run(Some("o001"), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("O001 party-spans-both-sides (default severity: warning)\n"));
    assert!(text.contains("\nWhy it matters\n  The article's central point"));
    let err = raci_audit::commands::rules::run(Some("X001"), &mut Vec::new()).unwrap_err();
    assert!(matches!(err, Error::Usage(_)));
    assert!(err.to_string().contains("R001, R002"));
}

/// `docs/rules.md` is generated; this fails when it is stale. Regenerate it with
/// `RACI_BLESS=1 cargo test --test it rules_doc`.
#[test]
fn rules_doc_is_current() {
    let path = support::root().join("docs/rules.md");
    let want = raci_audit::commands::rules::markdown();
    if std::env::var_os("RACI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: regenerate it with `RACI_BLESS=1 cargo test --test it rules_doc` and commit it",
        path_display(&path)
    );
}

fn path_display(path: &Path) -> String {
    path.strip_prefix(support::root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn findings_are_ordered_and_deterministic() {
    let m = matrix(
        &[PO, PM, "Dev", "QA"],
        &[
            ("Sprint planning", &["R", "A", "x", ""]),
            ("Idle", &["", "", "", ""]),
            ("KPIs", &["A", "A", "R", ""]),
            ("Offsite", &["C", "", "", ""]),
        ],
    );
    let c = classes(&["PO:po-sprint-priorities", "", "PM", ""]);
    let first = snapshot(&m, &c, &AuditSettings::default());
    assert_eq!(first, snapshot(&m, &c, &AuditSettings::default()));
    let audit = audit::run(&m, &c, &taxonomy(), &AuditSettings::default());
    let keys: Vec<_> = audit
        .findings
        .iter()
        .map(|f| {
            (
                std::cmp::Reverse(f.severity),
                f.pos.is_none(),
                f.pos.map(|p| (p.row, p.col)),
                f.code,
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // Errors first: R007 on Idle (row 3), R001 on Offsite (row 5), R002 on KPIs (row 4).
    let errors: Vec<_> = audit
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code, m.tasks[f.task.unwrap()].name.as_str()))
        .collect();
    assert_eq!(
        errors,
        vec![("R007", "Idle"), ("R002", "KPIs"), ("R001", "Offsite")]
    );
    assert_eq!(audit.parties.len(), 4);
    assert!(audit.health < 100);
}
