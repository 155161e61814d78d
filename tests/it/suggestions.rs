//! Suggested fixes: on random matrices (proptest), applying every suggestion never adds an
//! error finding and removes every error it claims to fix; on every sample and real export,
//! every suggestion names an existing task and party and a valid change.

use crate::support::{realworld, root};
use proptest::prelude::*;
use raci_audit::audit::{self, Audit, AuditSettings, Severity, Thresholds};
use raci_audit::classify::{Classification, SideSource, Taxonomy};
use raci_audit::model::{
    Assignment, Letter, LetterSet, Matrix, Party, Pos, Side, Source, Task, TitleSide,
};
use raci_audit::pipeline::Pipeline;
use raci_audit::settings::Settings;
use raci_audit::suggest::{apply, suggest, Suggestion};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Cells a random matrix is made of (blank twice as likely as any letter set).
const CELLS: &[&[Letter]] = &[
    &[],
    &[],
    &[],
    &[Letter::R],
    &[Letter::A],
    &[Letter::C],
    &[Letter::I],
    &[Letter::R, Letter::A],
    &[Letter::R, Letter::C],
    &[Letter::A, Letter::I],
];

/// Titles: none, Product Owner, Product Manager, `PM` alone.
const TITLES: &[Option<(&str, TitleSide)>] = &[
    None,
    None,
    Some(("Product Owner", TitleSide::Po)),
    Some(("Product Manager", TitleSide::Pm)),
    Some(("PM", TitleSide::Ambiguous)),
];

/// A side and a duty of the built-in taxonomy on that side (or none).
const CLASSES: &[(Side, Option<&str>)] = &[
    (Side::Po, Some("po-sprint-priorities")),
    (Side::Po, Some("po-backlog-actionable")),
    (Side::Po, None),
    (Side::Pm, Some("pm-business-data")),
    (Side::Pm, None),
    (Side::Shared, None),
    (Side::Unclassified, None),
];

const GROUPS: &[Option<&str>] = &[None, Some("Discovery"), Some("Delivery")];

#[derive(Debug, Clone)]
struct Case {
    matrix: Matrix,
    classes: Vec<Classification>,
    thresholds: Thresholds,
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (2usize..7, 1usize..14)
        .prop_flat_map(|(parties, tasks)| {
            (
                prop::collection::vec(0..TITLES.len(), parties),
                prop::collection::vec((0..CLASSES.len(), 0..GROUPS.len()), tasks),
                prop::collection::vec(prop::collection::vec(0..CELLS.len(), parties), tasks),
                prop::sample::select(&[30.0, 50.0, 100.0][..]),
                prop::sample::select(&[40.0, 60.0, 100.0][..]),
            )
        })
        .prop_map(|(titles, rows, cells, a_share, ra_share)| {
            let parties = titles
                .iter()
                .enumerate()
                .map(|(i, &t)| {
                    let title = TITLES[t];
                    Party {
                        name: match title {
                            Some((t, _)) => format!("P{i} ({t})"),
                            None => format!("P{i}"),
                        },
                        title: title.map(|(t, _)| t.to_string()),
                        title_side: title.map(|(_, s)| s),
                        pos: Pos::new(0, i as u32 + 1),
                    }
                })
                .collect();
            let tasks = rows
                .iter()
                .enumerate()
                .map(|(t, &(_, g))| Task {
                    name: format!("Task {t}"),
                    group: GROUPS[g].map(String::from),
                    context: None,
                    pos: Pos::new(t as u32 + 1, 0),
                    side_override: None,
                    assignments: cells[t]
                        .iter()
                        .enumerate()
                        .filter(|(_, &c)| !CELLS[c].is_empty())
                        .map(|(p, &c)| Assignment {
                            party: p,
                            letters: LetterSet::of(CELLS[c]),
                            pos: Pos::new(t as u32 + 1, p as u32 + 1),
                        })
                        .collect(),
                })
                .collect();
            let classes = rows
                .iter()
                .map(|&(c, _)| Classification {
                    side: CLASSES[c].0,
                    duty: CLASSES[c].1.map(String::from),
                    confidence: 1.0,
                    matched: Vec::new(),
                    source: SideSource::Classifier,
                    ..Classification::unclassified()
                })
                .collect();
            Case {
                matrix: Matrix {
                    source: Source {
                        file: "random.csv".into(),
                        sheet: None,
                    },
                    tasks,
                    parties,
                    ..Matrix::default()
                },
                classes,
                thresholds: Thresholds {
                    max_accountable_share: a_share,
                    max_ra_share: ra_share,
                    ..Thresholds::default()
                },
            }
        })
}

fn audit_case(m: &Matrix, c: &Case, taxonomy: &Taxonomy) -> Audit {
    let settings = AuditSettings {
        thresholds: c.thresholds.clone(),
        ..AuditSettings::default()
    };
    audit::run(m, &c.classes, taxonomy, &settings)
}

/// `(code, task)` of every error finding.
fn errors(a: &Audit) -> BTreeSet<(&'static str, Option<usize>)> {
    a.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code, f.task))
        .collect()
}

/// Every suggestion names a task and party of the matrix, and each change is a real change to
/// a non-empty cell whose `from` is the cell as the suggestions before it left it.
fn check_changes(m: &Matrix, suggestions: &[Suggestion], what: &str) -> Result<(), String> {
    let mut replay = m.clone();
    for s in suggestions {
        if s.task.is_some_and(|t| t >= m.tasks.len())
            || s.party.is_some_and(|p| p >= m.parties.len())
        {
            return Err(format!("{what}: {s:?} points outside the matrix"));
        }
        if s.reason.trim().is_empty() {
            return Err(format!("{what}: {s:?} has no reason"));
        }
        for c in &s.changes {
            if c.task >= m.tasks.len() || c.party >= m.parties.len() {
                return Err(format!("{what}: {c:?} points outside the matrix"));
            }
            if c.to.is_empty() || c.from == c.to {
                return Err(format!("{what}: {c:?} is not a change to letters"));
            }
            let now = replay.tasks[c.task].letters_of(c.party);
            if now != c.from {
                return Err(format!("{what}: {c:?} but the cell holds {now}"));
            }
            replay = apply(
                &replay,
                &[Suggestion {
                    changes: vec![c.clone()],
                    ..s.clone()
                }],
            );
        }
    }
    Ok(())
}

proptest! {
    // No failure file: a case found is kept as a unit test in src/suggest/tests.rs instead,
    // as props.rs does.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Applying every suggestion and auditing again never adds an error, and removes every
    /// error finding a suggestion changes letters for (so at least one, when any was fixable).
    #[test]
    fn suggestions_never_add_an_error_and_fix_what_they_claim(c in case_strategy()) {
        let taxonomy = Taxonomy::builtin();
        let before = audit_case(&c.matrix, &c, &taxonomy);
        let suggestions = suggest(&c.matrix, &c.classes, &taxonomy, &before.findings, &c.thresholds);
        prop_assert_eq!(
            &suggestions,
            &suggest(&c.matrix, &c.classes, &taxonomy, &before.findings, &c.thresholds)
        );
        check_changes(&c.matrix, &suggestions, "random").map_err(TestCaseError::fail)?;
        let after = audit_case(&apply(&c.matrix, &suggestions), &c, &taxonomy);
        let (was, now) = (errors(&before), errors(&after));
        let added: Vec<_> = now.difference(&was).collect();
        prop_assert!(added.is_empty(), "new errors {:?}\n{:#?}", added, suggestions);
        let fixed: BTreeSet<(&str, Option<usize>)> = suggestions
            .iter()
            .filter(|s| s.fixes())
            .map(|s| &before.findings[s.finding])
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.code, f.task))
            .collect();
        for f in &fixed {
            prop_assert!(!now.contains(f), "{:?} still there\n{:#?}", f, suggestions);
        }
        if !fixed.is_empty() {
            prop_assert!(now.len() < was.len());
        }
        // Every finding of a rule suggestions cover gets at least one suggestion.
        for (i, f) in before.findings.iter().enumerate() {
            if raci_audit::suggest::ORDER.contains(&f.code) {
                prop_assert!(suggestions.iter().any(|s| s.finding == i), "{:?} has none", f);
            }
        }
    }
}

/// The spreadsheet files directly in `dir`, sorted; none when the folder is missing (the real
/// exports live beside the checkout, not in it).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("{} is missing: skipped", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["csv", "xlsx", "ods", "xls", "xlsb", "xlsm", "tsv"].contains(&e))
        })
        .collect();
    files.sort();
    files
}

/// Suggestions for every sample and every real export: no panic, every suggestion about an
/// existing task and party with a valid change, and applying them adds no error.
#[test]
fn suggestions_on_every_sample_and_real_export() {
    let pipeline = Pipeline::new(&Settings::default()).unwrap();
    let settings = pipeline.settings();
    let mut files = files_in(&root().join("samples"));
    let samples = files.len();
    assert!(samples >= 7, "samples: {files:?}");
    files.extend(files_in(&realworld("")));
    let (mut audited, mut total, mut fixing) = (0, 0, 0);
    for file in &files {
        let what = file.file_name().unwrap().to_string_lossy().into_owned();
        let book = pipeline.read(file).unwrap();
        // A file the layout cannot read is the layout's test's business, not this one's.
        let Ok(a) = pipeline.audit(&book) else {
            eprintln!("{what}: no audit, skipped");
            continue;
        };
        audited += 1;
        check_changes(&a.matrix, &a.suggestions, &what).unwrap();
        let after = audit::run(
            &apply(&a.matrix, &a.suggestions),
            &a.classes,
            &a.taxonomy,
            &settings.audit,
        );
        let added: Vec<_> = errors(&after)
            .difference(&errors(&a.audit))
            .cloned()
            .collect();
        assert!(added.is_empty(), "{what}: new errors {added:?}");
        for (i, f) in a.audit.findings.iter().enumerate() {
            if raci_audit::suggest::ORDER.contains(&f.code) {
                assert!(
                    a.suggestions.iter().any(|s| s.finding == i),
                    "{what}: {f:?} has no suggestion"
                );
            }
        }
        total += a.suggestions.len();
        fixing += a.suggestions.iter().filter(|s| s.fixes()).count();
    }
    eprintln!(
        "suggestions: {audited} of {} files audited, {total} suggestions, {fixing} changing letters",
        files.len()
    );
    assert!(audited >= samples);
}

/// The first sample's suggestions, as the README shows them.
#[test]
fn sample_suggestions_read_as_documented() {
    let pipeline = Pipeline::new(&Settings::default()).unwrap();
    let book = pipeline
        .read(&root().join("samples/product-team.xlsx"))
        .unwrap();
    let a = pipeline.audit(&book).unwrap();
    let reasons: Vec<&str> = a.suggestions.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons.contains(
            &"Competitive analysis (PM-side, no Accountable): make Tom Reed (Product Manager) \
              Accountable; Tom Reed is Accountable on 12 of the 13 other PM-side tasks."
        ),
        "{reasons:#?}"
    );
    let after = audit::run(
        &apply(&a.matrix, &a.suggestions),
        &a.classes,
        &a.taxonomy,
        &pipeline.settings().audit,
    );
    assert_eq!(a.audit.count(Severity::Error), 3);
    assert_eq!(after.count(Severity::Error), 0, "{:#?}", after.findings);
    assert_eq!(
        (a.audit.health, after.health),
        (88, 97),
        "as the README says"
    );
}
