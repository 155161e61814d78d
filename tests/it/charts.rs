//! Tests for charts: every PNG decodes at a readable size, rendering is byte-identical, large
//! matrices paginate, empty and odd inputs still render. Outcomes are built by hand here so the
//! charts are tested on their own.

use crate::support;
use raci_audit::audit::{
    find_rule, Audit, DutyCoverage, Finding, PartyStats, Severity, Thresholds,
};
use raci_audit::chart::render_all;
use raci_audit::classify::{Classification, Duty, DutyKind, SideSource, Taxonomy};
use raci_audit::model::{
    Assignment, CellIssue, CellProblem, Letter, LetterSet, Matrix, Party, Pos, Side, Source, Task,
    TitleSide,
};
use raci_audit::outcome::Outcome;

/// Owns what an `Outcome` borrows.
#[derive(Debug, Default)]
struct Team {
    matrix: Matrix,
    classes: Vec<Classification>,
    taxonomy: Taxonomy,
    audit: Audit,
}

impl Team {
    fn outcome(&self) -> Outcome<'_> {
        Outcome {
            matrix: &self.matrix,
            classes: &self.classes,
            taxonomy: &self.taxonomy,
            audit: &self.audit,
            suggestions: &[],
        }
    }

    fn render(&self) -> Vec<(String, Vec<u8>)> {
        render_all(&self.outcome(), &Thresholds::default()).expect("charts render")
    }
}

fn letters(code: &str) -> LetterSet {
    let mut set = LetterSet::EMPTY;
    for c in code.chars() {
        match c {
            'R' => set.insert(Letter::R),
            'A' => set.insert(Letter::A),
            'C' => set.insert(Letter::C),
            'I' => set.insert(Letter::I),
            'S' => set.insert(Letter::S),
            'V' => set.insert(Letter::V),
            _ => {}
        }
    }
    set
}

fn party(name: &str, col: u32, side: Option<TitleSide>) -> Party {
    Party {
        name: name.to_string(),
        title: None,
        title_side: side,
        pos: Pos::new(2, col),
    }
}

/// A task row from one code per party (`.` for an empty cell).
fn task(name: &str, row: u32, cells: &str) -> Task {
    Task {
        context: None,
        name: name.to_string(),
        group: None,
        pos: Pos::new(row, 0),
        side_override: None,
        assignments: cells
            .split_whitespace()
            .enumerate()
            .filter(|(_, code)| *code != ".")
            .map(|(p, code)| Assignment {
                party: p,
                letters: letters(code),
                pos: Pos::new(row, p as u32 + 1),
            })
            .collect(),
    }
}

fn class(side: Side, duty: Option<&str>) -> Classification {
    Classification {
        side,
        duty: duty.map(str::to_string),
        confidence: 0.7,
        matched: Vec::new(),
        source: SideSource::Classifier,
        ..Classification::unclassified()
    }
}

fn duty(id: &str, side: Side, text: &str) -> Duty {
    Duty {
        covers: None,
        id: id.to_string(),
        side,
        kind: DutyKind::Duty,
        text: text.to_string(),
        section: "The main responsibilities of each role".to_string(),
        signals: Vec::new(),
        local_signals: Default::default(),
    }
}

fn finding(code: &'static str, name: &'static str, severity: Severity) -> Finding {
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
        message: String::new(),
        related_tasks: Vec::new(),
    }
}

/// The article's duties, as the taxonomy would carry them.
fn taxonomy() -> Taxonomy {
    use Side::*;
    Taxonomy {
        duties: vec![
            duty("po-sprint-priorities", Po, "Assistance in identifying priorities during the various agile sprints"),
            duty("po-scrum-contact", Po, "Constant contact with the rest of the scrum team"),
            duty("po-check-status", Po, "Checking the current status of the work and verifying the results"),
            duty("po-roadmap-backlog", Po, "Presenting the strategic roadmap and preparing the product actionable backlog"),
            duty("po-dev-direction", Po, "Assuring that the development process is moving in the right direction"),
            duty("po-business-priorities", Po, "Determining broader business priorities"),
            duty("pm-user-stories", Pm, "Defining actionable user stories and creating a product backlog"),
            duty("pm-marketing-sales", Pm, "Participation in the development of marketing and sales strategy"),
            duty("pm-business-data", Pm, "Collection of business-relevant data (e.g., competitive analysis)"),
            duty("pm-kpis", Pm, "Setting business KPIs and tracking whether the product strategy is working as planned"),
            duty("pm-dev-elements", Pm, "Identifying the key elements of the product development process"),
            duty("pm-vision", Pm, "Creating a vision for the product"),
            duty("shared-roadmap", Shared, "The product roadmap: prepared by the product manager, presented and executed with the product owner"),
            duty("shared-customers", Shared, "Being the main contact point with customers, identifying their needs and finding a way to meet them"),
        ],
    }
}

/// Findings, coverage and party counts derived from the matrix the way the audit defines them,
/// so the fixture is consistent with itself.
fn audit_for(matrix: &Matrix, classes: &[Classification], taxonomy: &Taxonomy) -> Audit {
    let t = Thresholds::default();
    let mut findings = Vec::new();
    for (k, task) in matrix.tasks.iter().enumerate() {
        let a = task.count(Letter::A);
        let r = task.count(Letter::R);
        if a == 0 {
            let mut f = finding("R001", "missing-accountable", Severity::Error);
            f.task = Some(k);
            findings.push(f);
        }
        if a > 1 {
            let mut f = finding("R002", "several-accountables", Severity::Error);
            f.task = Some(k);
            findings.push(f);
        }
        if r == 0 {
            let mut f = finding("R007", "no-responsible", Severity::Warning);
            f.task = Some(k);
            findings.push(f);
        }
    }
    let mut parties = vec![PartyStats::default(); matrix.parties.len()];
    for (k, task) in matrix.tasks.iter().enumerate() {
        for a in &task.assignments {
            let s = &mut parties[a.party];
            s.r += a.letters.contains(Letter::R) as usize;
            s.a += a.letters.contains(Letter::A) as usize;
            s.c += a.letters.contains(Letter::C) as usize;
            s.i += a.letters.contains(Letter::I) as usize;
            if a.letters.owns() {
                match classes[k].side {
                    Side::Po => s.po_side_ra += 1,
                    Side::Pm => s.pm_side_ra += 1,
                    Side::Shared => s.shared_ra += 1,
                    Side::Unclassified => s.unclassified_ra += 1,
                }
            }
        }
    }
    let n = matrix.tasks.len() as f64;
    for (p, s) in parties.iter().enumerate() {
        if s.po_side_ra > 0 && s.pm_side_ra > 0 {
            let mut f = finding("O001", "party-spans-sides", Severity::Warning);
            f.party = Some(p);
            findings.push(f);
        }
        if s.a as f64 > t.max_accountable_share / 100.0 * n {
            let mut f = finding("P001", "accountable-overload", Severity::Warning);
            f.party = Some(p);
            findings.push(f);
        }
        if (s.r + s.a) as f64 > t.max_ra_share / 100.0 * n {
            let mut f = finding("P002", "ra-overload", Severity::Warning);
            f.party = Some(p);
            findings.push(f);
        }
    }
    for issue in &matrix.issues {
        let mut f = finding("L001", "unknown-letter", Severity::Warning);
        f.task = issue.task;
        f.party = issue.party;
        f.pos = Some(issue.pos);
        findings.push(f);
    }
    let coverage: Vec<DutyCoverage> = taxonomy
        .coverage_duties()
        .map(|d| {
            let tasks: Vec<usize> = (0..matrix.tasks.len())
                .filter(|&k| classes[k].duty.as_deref() == Some(d.id.as_str()))
                .collect();
            let mut owners: Vec<usize> = tasks
                .iter()
                .flat_map(|&k| &matrix.tasks[k].assignments)
                .filter(|a| a.letters.owns())
                .map(|a| a.party)
                .collect();
            owners.sort_unstable();
            owners.dedup();
            DutyCoverage {
                duty: d.id.clone(),
                tasks,
                owners,
            }
        })
        .collect();
    for c in coverage.iter().filter(|c| !c.covered()) {
        let mut f = finding("C001", "duty-not-covered", Severity::Info);
        f.duty = Some(c.duty.clone());
        findings.push(f);
    }
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    Audit {
        findings,
        coverage,
        parties,
        health: 62,
    }
}

/// A product team of 9 parties and 35 tasks, as a head of product would export it.
fn product_team() -> Team {
    use Side::*;
    let parties = vec![
        party("Maria (Product Owner)", 1, Some(TitleSide::Po)),
        party("Tom (Product Manager)", 2, Some(TitleSide::Pm)),
        party("Scrum Master", 3, None),
        party("Engineering Lead", 4, None),
        party("Dev Team", 5, None),
        party("UX/UI Design", 6, None),
        party("QA", 7, None),
        party("Marketing", 8, None),
        party("Sales", 9, None),
    ];
    #[rustfmt::skip]
    let rows: [(&str, Side, Option<&str>, &str); 35] = [
        ("Sprint planning", Po, Some("po-sprint-priorities"), "A . R C C . I . ."),
        ("Backlog refinement", Po, Some("po-roadmap-backlog"), "RA . C C C C . . ."),
        ("Sprint review and acceptance of increments", Po, Some("po-check-status"), "A . R . R . C I I"),
        ("Daily stand-up", Po, Some("po-scrum-contact"), ". . A R R I . . ."),
        ("Define acceptance criteria", Po, Some("po-check-status"), "RA . . C C . C . ."),
        ("Prioritise backlog for next sprint", Po, Some("po-sprint-priorities"), "A A . C . . . . ."),
        ("Remove impediments for the team", Po, Some("po-dev-direction"), "C . RA C I . . . ."),
        ("Stakeholder demo of the roadmap", Po, Some("po-roadmap-backlog"), "R A . C . . . I I"),
        ("Release planning", Po, Some("po-sprint-priorities"), "A R C R . . C I I"),
        ("Verify done increments against the Definition of Done", Po, Some("po-check-status"), "A . C . R . R . ."),
        ("Market research and competitive analysis", Pm, Some("pm-business-data"), ". RA . . . C . C C"),
        ("Define product KPIs and success metrics", Pm, Some("pm-kpis"), "C RA . . . . . C C"),
        ("Write user stories for new features", Pm, Some("pm-user-stories"), "R A . C . C . . ."),
        ("Pricing strategy", Pm, Some("pm-marketing-sales"), ". A . . . . . R R"),
        ("Go-to-market plan", Pm, Some("pm-marketing-sales"), "I A . . . . . R C"),
        ("Customer interviews", Pm, Some("pm-business-data"), ". RA . . . R . . C"),
        ("Product vision and strategy", Pm, Some("pm-vision"), "C RA . C . . . C C"),
        ("Track KPI dashboard monthly", Pm, Some("pm-kpis"), ". R . . . . . . ."),
        ("Sales enablement materials", Pm, Some("pm-marketing-sales"), ". C . . . . . R A"),
        ("Win/loss analysis", Pm, Some("pm-business-data"), ". A . . . . . C R"),
        ("Product roadmap", Shared, Some("shared-roadmap"), "R A . C . . . C C"),
        ("Release notes", Shared, None, "A R . . R . . C ."),
        ("Quarterly business review", Shared, None, "R R . . . . . C C"),
        ("Customer feedback triage", Shared, None, "R A . . . . C . C"),
        ("Feature launch announcement", Shared, None, "I A . . . . . R C"),
        ("Architecture decisions", Unclassified, None, ". . . RA R . C . ."),
        ("Code review", Unclassified, None, ". . . A R . C . ."),
        ("Test automation", Unclassified, None, ". . . C R . RA . ."),
        ("UX research and usability testing", Unclassified, None, "C C . . . RA . . ."),
        ("Design system maintenance", Unclassified, None, ". . . C C RA . . ."),
        ("Security and compliance review", Unclassified, None, ". . . A R . C . ."),
        ("Coordinate cross-functional dependencies between the platform, mobile and web squads ahead of every quarterly planning increment", Unclassified, None, ". . A R C . . . ."),
        ("Incident response and on-call rota", Unclassified, None, ". . . A R . . . ."),
        ("Vendor contracts", Unclassified, None, ". . . . . . . . R"),
        ("Team retrospectives", Unclassified, None, "C . RA . C C C . ."),
    ];
    let mut matrix = Matrix {
        source: Source {
            file: "team.xlsx".to_string(),
            sheet: Some("RACI".to_string()),
        },
        parties,
        ..Matrix::default()
    };
    let mut classes = Vec::new();
    for (k, (name, side, duty, cells)) in rows.iter().enumerate() {
        matrix.tasks.push(task(name, k as u32 + 3, cells));
        classes.push(class(*side, *duty));
    }
    // "Code review" has an `x?` under Marketing.
    matrix.issues.push(CellIssue {
        pos: Pos::new(29, 8),
        raw: "x?".to_string(),
        problem: CellProblem::UnknownLetter,
        task: Some(26),
        party: Some(7),
        letters: LetterSet::EMPTY,
    });
    let taxonomy = taxonomy();
    let audit = audit_for(&matrix, &classes, &taxonomy);
    Team {
        matrix,
        classes,
        taxonomy,
        audit,
    }
}

/// `tasks` tasks over `parties` parties with letters spread around, sides in turn.
fn generated(tasks: usize, parties: usize) -> Team {
    let mut matrix = Matrix {
        parties: (0..parties)
            .map(|p| party(&format!("Team member {}", p + 1), p as u32 + 1, None))
            .collect(),
        ..Matrix::default()
    };
    let mut classes = Vec::new();
    for k in 0..tasks {
        let mut cells = vec!["."; parties];
        if parties > 0 {
            cells[k % parties] = "R";
            cells[(k * 7 + 1) % parties] = if k % 9 == 0 { "C" } else { "A" };
            cells[(k * 3 + 2) % parties] = "I";
        }
        matrix.tasks.push(task(
            &format!("Generated task {} of the big programme", k + 1),
            k as u32 + 1,
            &cells.join(" "),
        ));
        classes.push(class(Side::ALL[k % 4], None));
    }
    let taxonomy = taxonomy();
    let audit = audit_for(&matrix, &classes, &taxonomy);
    Team {
        matrix,
        classes,
        taxonomy,
        audit,
    }
}

/// Decodes a PNG and returns its size.
fn png_size(name: &str, bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name} is not a PNG");
    let img = image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
        .unwrap_or_else(|e| panic!("{name} does not decode: {e}"));
    (img.width(), img.height())
}

fn names(charts: &[(String, Vec<u8>)]) -> Vec<&str> {
    charts.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn charts_product_team_decode_at_readable_sizes() {
    let charts = product_team().render();
    assert_eq!(
        names(&charts),
        [
            "matrix.png",
            "overlap.png",
            "co-ownership.png",
            "gaps.png",
            "workload.png",
            "findings.png"
        ]
    );
    for (name, png) in &charts {
        let (w, h) = png_size(name, png);
        assert!(w >= 1200, "{name} is {w} px wide");
        assert!((300..=3000).contains(&h), "{name} is {h} px high");
    }
    // 35 task rows + 4 side headings at 26-32 px each: the matrix is taller than the rest.
    let (_, matrix_h) = png_size("matrix.png", &charts[0].1);
    assert!(matrix_h > 35 * 26, "matrix.png only {matrix_h} px high");
}

#[test]
fn charts_render_byte_identical() {
    let team = product_team();
    let one = team.render();
    let two = team.render();
    assert_eq!(names(&one), names(&two));
    for ((name, a), (_, b)) in one.iter().zip(&two) {
        assert!(a == b, "{name} differs between two renders");
    }
}

#[test]
fn charts_300_tasks_paginate_with_bounded_height() {
    let charts = generated(300, 12).render();
    let pages: Vec<&str> = names(&charts)
        .into_iter()
        .filter(|n| n.starts_with("matrix"))
        .collect();
    assert_eq!(
        pages,
        [
            "matrix-1.png",
            "matrix-2.png",
            "matrix-3.png",
            "matrix-4.png",
            "matrix-5.png"
        ]
    );
    for (name, png) in charts.iter().filter(|(n, _)| n.starts_with("matrix")) {
        let (w, h) = png_size(name, png);
        assert!(w >= 1200, "{name} is {w} px wide");
        assert!(h <= 2600, "{name} is {h} px high");
    }
    assert_eq!(charts.len(), 5 + 5);
}

#[test]
fn charts_100_parties_stay_bounded() {
    let charts = generated(40, 100).render();
    // 40 parties a page: 3 pages for one task page.
    assert_eq!(
        names(&charts)[..3],
        ["matrix-1.png", "matrix-2.png", "matrix-3.png"]
    );
    for (name, png) in &charts {
        let (w, h) = png_size(name, png);
        assert!((1200..=2600).contains(&w), "{name} is {w} px wide");
        assert!(h <= 2600, "{name} is {h} px high");
    }
}

#[test]
fn charts_empty_outcome_renders_every_chart() {
    let team = Team::default();
    let charts = team.render();
    assert_eq!(
        names(&charts),
        [
            "matrix.png",
            "overlap.png",
            "co-ownership.png",
            "gaps.png",
            "workload.png",
            "findings.png"
        ]
    );
    for (name, png) in &charts {
        let (w, h) = png_size(name, png);
        assert!(w >= 1200 && h >= 300, "{name} is {w}x{h}");
    }
}

#[test]
fn charts_odd_names_and_out_of_step_input_do_not_panic() {
    let long = "Very long task name that goes on and on ".repeat(20);
    let mut team = generated(6, 5);
    team.matrix.parties[0].name = String::new();
    team.matrix.parties[1].name = "🚀 Growth squad 🚀".to_string();
    team.matrix.parties[2].name = "x".repeat(400);
    team.matrix.parties[3].name = "Équipe\nproduit\t(Paris)".to_string();
    team.matrix.tasks[0].name = String::new();
    team.matrix.tasks[1].name = long.clone();
    team.matrix.tasks[2].name = "مراجعة المنتج".to_string();
    team.matrix.tasks[3].name = "\u{0007}\u{200B}".to_string();
    // Classes shorter than tasks, a finding pointing past the end, coverage of an unknown duty.
    team.classes.truncate(3);
    let mut stray = finding("R001", "missing-accountable", Severity::Error);
    stray.task = Some(999);
    stray.party = Some(999);
    team.audit.findings.push(stray);
    team.audit.coverage.push(DutyCoverage {
        duty: "no-such-duty".to_string(),
        tasks: vec![0],
        owners: vec![42],
    });
    team.taxonomy.duties[0].text = long;
    let charts = team.render();
    assert_eq!(charts.len(), 6);
    for (name, png) in &charts {
        png_size(name, png);
    }

    // Parties but no tasks, and tasks but no parties.
    let mut no_tasks = generated(0, 4);
    no_tasks.audit.findings.clear();
    for (name, png) in no_tasks.render() {
        png_size(&name, &png);
    }
    for (name, png) in generated(5, 0).render() {
        png_size(&name, &png);
    }
}

/// `RACI_CHART_DIR=/tmp/x cargo test --test it charts_written` keeps the PNGs to look at.
#[test]
fn charts_written_to_a_folder() {
    let keep = std::env::var_os("RACI_CHART_DIR");
    let tmp = tempfile::tempdir().unwrap();
    let dir = keep
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    for (name, png) in product_team().render() {
        std::fs::write(dir.join(&name), &png).unwrap();
        let back = std::fs::read(dir.join(&name)).unwrap();
        png_size(&name, &back);
    }
}

#[test]
fn charts_font_licence_ships() {
    let text = std::fs::read_to_string(support::root().join("assets/DejaVu-LICENSE.txt"))
        .expect("assets/DejaVu-LICENSE.txt");
    assert!(text.contains("Bitstream Vera"));
    assert!(text.contains("Arev"));
}

#[test]
#[ignore = "writes odd and large charts to $RACI_CHART_DIR for looking at them"]
fn charts_look() {
    let dir = std::path::PathBuf::from(std::env::var("RACI_CHART_DIR").unwrap());
    let mut odd = generated(6, 5);
    odd.matrix.parties[0].name = String::new();
    odd.matrix.parties[1].name = "🚀 Growth squad 🚀".to_string();
    odd.matrix.parties[2].name = "x".repeat(400);
    odd.matrix.tasks[1].name = "Very long task name that goes on and on ".repeat(20);
    for (prefix, team) in [
        ("empty", Team::default()),
        ("odd", odd),
        ("wide", generated(40, 100)),
    ] {
        for (name, png) in team.render() {
            std::fs::write(dir.join(format!("{prefix}-{name}")), png).unwrap();
        }
    }
}
