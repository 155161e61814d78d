//! The classifier against the tuning part of the classify-v2 set
//! (`tests/data/classify-v2/tune.csv`, labelled by `docs/labelling.md`): a floor on the whole
//! part, one per language, and one on PO/PM confusions.
//!
//! Only the tuning part is read here. The locked part (`locked.csv`) is measured by hand, once
//! per release of the classifier, with a script that prints aggregates only (README,
//! "Evaluation"); no test reads it, so no test failure can show one of its rows.
//! The names are read as `raci classify --input` reads a file: with their group as context and
//! the file's dominant language for names that show none. Run with `--nocapture` to see the
//! scores and the tuning rows it gets wrong.

use crate::support;
use raci_audit::classify::{Classifier, Lang, Memo, TaskContext, Taxonomy};
use raci_audit::model::Side;
use std::sync::LazyLock;

struct Row {
    task: String,
    group: String,
    label: Side,
    lang: Lang,
    class: String,
}

fn rows_of(file: &str) -> Vec<Row> {
    let path = support::root().join("tests/data/classify-v2").join(file);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["task", "group", "label", "lang", "class", "origin", "reason"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let label = match &r[2] {
                "PO" => Side::Po,
                "PM" => Side::Pm,
                "shared" => Side::Shared,
                "none" => Side::Unclassified,
                other => panic!("bad label {other:?}"),
            };
            Row {
                task: r[0].to_string(),
                group: r[1].to_string(),
                label,
                lang: Lang::parse(&r[3]).unwrap(),
                class: r[4].to_string(),
            }
        })
        .collect()
}

/// Each row of the tuning part with the side the classifier gives it, classified once for all
/// the tests that read it (the whole part and each language).
fn classified() -> &'static [(Row, Side)] {
    static TUNE: LazyLock<Vec<(Row, Side)>> = LazyLock::new(|| classified_of("tune.csv"));
    &TUNE
}

/// Each row of a labelled file with the side the classifier gives it.
fn classified_of(file: &str) -> Vec<(Row, Side)> {
    let rows = rows_of(file);
    let classifier = Classifier::new(&Taxonomy::builtin());
    let mut memo = Memo::default();
    let file_lang = Classifier::dominant_language(
        rows.iter()
            .map(|r| classifier.detect_language(&r.task, &mut memo)),
    );
    rows.into_iter()
        .map(|row| {
            let context = TaskContext {
                group: Some(row.group.as_str()).filter(|g| !g.is_empty()),
                file_lang,
                own_lang: None,
            };
            let side = classifier.classify_in(&row.task, &context, &mut memo).side;
            (row, side)
        })
        .collect()
}

/// The rows the classifier gets wrong, for `--nocapture`.
fn print_misses(results: &[(Row, Side)]) {
    for (row, side) in results {
        if row.label != *side {
            println!(
                "  {} {} -> {side} [{}] {:?} (group {:?})",
                row.lang, row.label, row.class, row.task, row.group
            );
        }
    }
}

fn accuracy(rows: &[&(Row, Side)]) -> f64 {
    let right = rows.iter().filter(|(r, s)| r.label == *s).count();
    right as f64 / rows.len() as f64
}

/// Measured 95.2 % when the floor was set; a little under it, so that only a real regression
/// fails.
const FLOOR: f64 = 0.93;
/// Every language measured 92.9 % or more.
const LANGUAGE_FLOOR: f64 = 0.91;

#[test]
fn tuning_part_meets_its_floor_and_po_pm_are_rarely_confused() {
    let results = classified();
    let all: Vec<&(Row, Side)> = results.iter().collect();
    let overall = accuracy(&all);
    println!("tune: {:.1} % of {}", 100.0 * overall, all.len());
    for lang in Lang::ALL {
        let part: Vec<_> = all
            .iter()
            .copied()
            .filter(|(r, _)| r.lang == lang)
            .collect();
        println!(
            "  {lang}: {:.1} % of {}",
            100.0 * accuracy(&part),
            part.len()
        );
    }
    print_misses(results);
    assert!(overall >= FLOOR, "tuning part {overall:.3} < {FLOOR}");
    let po_pm: Vec<_> = all
        .iter()
        .filter(|(r, _)| matches!(r.label, Side::Po | Side::Pm))
        .collect();
    let confused = po_pm
        .iter()
        .filter(|(r, s)| matches!(s, Side::Po | Side::Pm) && *s != r.label)
        .count();
    let rate = confused as f64 / po_pm.len() as f64;
    assert!(
        rate < 0.02,
        "PO and PM confused on {confused} of {}",
        po_pm.len()
    );
}

/// The dev sets of rounds 7 to 9: task names written blind by the project's helpers, from the
/// article and the guide before the classifier or its signals were in view, then tuned on.
/// `dev-r7.csv` (885 rows, team task names in the seven languages): 93.6 % at first run, 98.2 %
/// after. `dev-r7b.csv` (635 rows, role-description lines in English, German, Spanish, French
/// and Dutch): 91.3 % at first run, 96.7 % after. `dev-r8.csv` (764 rows, English, German and
/// Spanish, both styles, written after round 7 as a fresh measure of it): 93.3 % at first run,
/// 96.7 % after round 8. `dev-r9.csv` (815 task names in the seven languages, written after
/// round 8 as a fresh measure of it): 94.8 % at first run, 98.8 % after round 9 and the action
/// rule. Tuning data, not a measure: the floors keep what the rounds fixed from breaking unseen.
#[test]
fn dev_sets_meet_their_floors() {
    for (file, rows, floor) in [
        ("dev-r7.csv", 885, 0.975),
        ("dev-r7b.csv", 635, 0.96),
        ("dev-r8.csv", 764, 0.96),
        ("dev-r9.csv", 815, 0.975),
    ] {
        let results = classified_of(file);
        let all: Vec<&(Row, Side)> = results.iter().collect();
        assert_eq!(all.len(), rows, "{file}");
        let got = accuracy(&all);
        println!("{file}: {:.1} % of {}", 100.0 * got, all.len());
        print_misses(&results);
        assert!(got >= floor, "{file}: {got:.3} < {floor}");
    }
}

macro_rules! language_floor {
    ($name:ident, $lang:expr) => {
        #[test]
        fn $name() {
            let results = classified();
            let part: Vec<_> = results.iter().filter(|(r, _)| r.lang == $lang).collect();
            assert!(part.len() >= 100, "{}", part.len());
            let got = accuracy(&part);
            assert!(
                got >= LANGUAGE_FLOOR,
                "{}: {got:.3} < {LANGUAGE_FLOOR}",
                $lang
            );
        }
    };
}

language_floor!(english_names_meet_the_floor, Lang::En);
language_floor!(french_names_meet_the_floor, Lang::Fr);
language_floor!(german_names_meet_the_floor, Lang::De);
language_floor!(spanish_names_meet_the_floor, Lang::Es);
language_floor!(italian_names_meet_the_floor, Lang::It);
language_floor!(portuguese_names_meet_the_floor, Lang::Pt);
language_floor!(dutch_names_meet_the_floor, Lang::Nl);

/// The locked part is there, split as docs/labelling.md says, and has the same columns; its
/// rows are not read further.
#[test]
fn locked_part_is_committed_beside_the_tuning_part() {
    let path = support::root().join("tests/data/classify-v2/locked.csv");
    let mut reader = csv::Reader::from_path(&path).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["task", "group", "label", "lang", "class", "origin", "reason"]
    );
    assert_eq!(reader.records().count(), 922);
    assert_eq!(rows_of("tune.csv").len(), 1382);
}
