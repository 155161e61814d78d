//! `--anonymize`: no person's name is left in any file `raci audit` or `raci diff` writes
//! (CSV, Markdown, HTML, JSON, every part of the XLSX; the PNGs are the same bytes as those of
//! a run on a copy of the input that already holds the pseudonyms), roles and teams keep
//! their names, pseudonyms follow the order of appearance, and the key goes only where asked.

use crate::support::root;
use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

fn raci() -> Command {
    let mut cmd = Command::cargo_bin("raci").unwrap();
    cmd.current_dir(root());
    cmd
}

/// An inverted matrix made up for this test: letter columns holding names (with accents, a
/// title after a dash, two names in one cell, `Todos` for everyone), roles and teams, and a
/// number where names belong.
const INVERTED: &str = "\
Phase,Task,Responsible,Accountable,Consulted,Informed
Discovery,Define product vision,Zoë Quist (Product Manager),Zoë Quist (Product Manager),Ingrid Bååth; UX Team,Todos
Discovery,Market research,Ingrid Bååth,Zoë Quist (Product Manager),Sales,
Delivery,Sprint planning,Devs,Olumide Adeyemi - Product Owner,Ingrid Bååth,
Delivery,Refine the backlog,Olumide Adeyemi - Product Owner,Olumide Adeyemi - Product Owner,Devs,42
Launch,Release notes,Hamza Al-Farsi,,Ingrid Bååth,Olumide Adeyemi - Product Owner
";

/// The key file: `(pseudonym, name)` rows.
fn read_key(path: &Path) -> Vec<(String, String)> {
    let mut r = csv::Reader::from_path(path).unwrap();
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["pseudonym", "name"]
    );
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), rec[1].to_string())
        })
        .collect()
}

/// Every name, and every word of three letters or more of it, that must not appear.
fn needles(key: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, name) in key {
        out.push(name.clone());
        out.extend(
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(String::from),
        );
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `needle` stands in `hay` as a whole word.
fn has_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The text of a report file: the file itself, or every part of an XLSX.
fn texts(path: &Path) -> Vec<(String, String)> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    if name.ends_with(".xlsx") {
        let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut part = zip.by_index(i).unwrap();
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                (format!("{name}/{}", part.name().unwrap()), text)
            })
            .collect()
    } else {
        vec![(name, fs::read_to_string(path).unwrap())]
    }
}

/// No needle in any text file of `dir` (PNGs are checked by [`same_pngs`]).
fn assert_no_names(dir: &Path, needles: &[String]) -> usize {
    let mut checked = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "png") {
            continue;
        }
        for (part, text) in texts(&path) {
            checked += 1;
            for n in needles {
                assert!(!has_word(&text, n), "{part} holds {n:?}");
            }
        }
    }
    checked
}

fn pngs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Audits `input` with `--anonymize-key`, checks the report folder, and returns it with the key.
fn anonymized(input: &Path, tmp: &Path) -> (PathBuf, Vec<(String, String)>) {
    let out = tmp.join("anon");
    let key = tmp.join("private").join("names.csv");
    fs::create_dir_all(key.parent().unwrap()).unwrap();
    raci()
        .arg("audit")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .arg("--anonymize-key")
        .arg(&key)
        .arg("-q")
        .assert()
        .success();
    assert!(
        !out.join("names.csv").exists(),
        "the key never goes into the report folder"
    );
    (out, read_key(&key))
}

/// The charts of an anonymized run are those of a plain run on a copy of the input that
/// already holds the pseudonyms: no name reached a PNG. `swaps` turns the input's text into
/// that copy.
fn same_pngs(input_text: &str, file: &str, swaps: &[(&str, &str)], anon: &Path, tmp: &Path) {
    let mut text = input_text.to_string();
    for (from, to) in swaps {
        text = text.replace(from, to);
    }
    let copy_dir = tmp.join("copy");
    fs::create_dir_all(&copy_dir).unwrap();
    let copy = copy_dir.join(file);
    fs::write(&copy, text).unwrap();
    let plain = tmp.join("plain");
    raci()
        .arg("audit")
        .arg(&copy)
        .arg("-o")
        .arg(&plain)
        .arg("-q")
        .assert()
        .success();
    let (a, b) = (pngs(anon), pngs(&plain));
    assert!(a.len() >= 6);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs from the run on pseudonyms"
        );
    }
}

#[test]
fn anonymize_the_sample_leaves_no_name_in_any_file() {
    for sample in [
        "product-team.xlsx",
        "product-team.csv",
        "product-team-long.csv",
        "product-team-transposed.csv",
        "product-team-inverted.csv",
        "product-team.ods",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let (out, key) = anonymized(&root().join("samples").join(sample), tmp.path());
        // Order of appearance: the Product Owner's column comes first in the sample.
        let names: Vec<&str> = key.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names.len(), 3, "{sample}: {key:?}");
        for n in ["Maria Lopez", "Tom Reed", "Sam Patel"] {
            assert!(names.contains(&n), "{sample}: {key:?}");
        }
        let checked = assert_no_names(&out, &needles(&key));
        assert!(checked >= 10, "{sample}: {checked}");
        let parties = fs::read_to_string(out.join("parties.csv")).unwrap();
        // Titles, roles and teams stay.
        for kept in [
            "(Product Owner)",
            "(Product Manager)",
            "(Scrum Master)",
            "Engineering Lead",
            "Developers",
            "UX Designer",
        ] {
            assert!(parties.contains(kept), "{sample}: {parties}");
        }
    }
}

#[test]
fn anonymize_the_sample_csv_charts_hold_no_name() {
    let tmp = tempfile::tempdir().unwrap();
    let input = root().join("samples/product-team.csv");
    let (out, key) = anonymized(&input, tmp.path());
    assert_eq!(
        key,
        [
            ("Person 1".to_string(), "Maria Lopez".to_string()),
            ("Person 2".to_string(), "Tom Reed".to_string()),
            ("Person 3".to_string(), "Sam Patel".to_string()),
        ]
    );
    same_pngs(
        &fs::read_to_string(&input).unwrap(),
        "product-team.csv",
        &[
            ("Maria Lopez (Product Owner)", "Person 1 (Product Owner)"),
            ("Tom Reed - Product Manager", "Person 2 (Product Manager)"),
            ("Sam Patel (Scrum Master)", "Person 3 (Scrum Master)"),
        ],
        &out,
        tmp.path(),
    );
}

#[test]
fn anonymize_a_made_up_inverted_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("squad.csv");
    fs::write(&input, INVERTED).unwrap();
    let (out, key) = anonymized(&input, tmp.path());
    assert_eq!(
        key,
        [
            ("Person 1".to_string(), "Zoë Quist".to_string()),
            ("Person 2".to_string(), "Ingrid Bååth".to_string()),
            ("Person 3".to_string(), "Olumide Adeyemi".to_string()),
            ("Person 4".to_string(), "Hamza Al-Farsi".to_string()),
        ]
    );
    assert_no_names(&out, &needles(&key));
    let parties = fs::read_to_string(out.join("parties.csv")).unwrap();
    for kept in ["UX Team", "Sales", "Devs", "Person 3 (Product Owner)"] {
        assert!(parties.contains(kept), "{parties}");
    }
    same_pngs(
        INVERTED,
        "squad.csv",
        &[
            ("Zoë Quist (Product Manager)", "Person 1 (Product Manager)"),
            ("Ingrid Bååth", "Person 2"),
            (
                "Olumide Adeyemi - Product Owner",
                "Person 3 (Product Owner)",
            ),
            ("Hamza Al-Farsi", "Person 4"),
        ],
        &out,
        tmp.path(),
    );
}

#[test]
fn anonymize_from_raci_toml_and_in_a_diff() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("raci.toml");
    fs::write(&config, "anonymize = true\n").unwrap();
    let out = tmp.path().join("out");
    raci()
        .args(["audit", "samples/product-team.xlsx", "-q", "--config"])
        .arg(&config)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let names: Vec<String> = [
        "Maria Lopez",
        "Tom Reed",
        "Sam Patel",
        "Maria",
        "Lopez",
        "Reed",
        "Patel",
    ]
    .map(String::from)
    .to_vec();
    assert_no_names(&out, &names);
    // A diff keeps one pseudonym per person across both files, so nothing looks changed.
    let diff = tmp.path().join("diff");
    let key = tmp.path().join("diff-names.csv");
    let assert = raci()
        .args([
            "diff",
            "samples/product-team.xlsx",
            "samples/product-team.csv",
            "-q",
            "--anonymize-key",
        ])
        .arg(&key)
        .arg("-o")
        .arg(&diff)
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&assert.get_output().stdout),
        "health 88 -> 88; 0 findings fixed, 0 new\n"
    );
    assert_eq!(read_key(&key).len(), 3);
    assert_no_names(&diff, &names);
}

#[test]
fn anonymize_a_portfolio_writes_one_key_with_the_team() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("names.csv");
    let out = tmp.path().join("out");
    raci()
        .args([
            "audit",
            "samples/product-team.xlsx",
            "samples/product-team-inverted.csv",
            "-q",
        ])
        .arg("-o")
        .arg(&out)
        .arg("--anonymize-key")
        .arg(&key)
        .assert()
        .success();
    let text = fs::read_to_string(&key).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "team,pseudonym,name");
    assert_eq!(lines[1], "product-team,Person 1,Maria Lopez");
    // Each team numbers its own people, in its own order of appearance.
    assert_eq!(lines[4], "product-team-inverted,Person 1,Tom Reed");
    assert_eq!(lines.len(), 7);
    let names: Vec<String> = ["Maria", "Lopez", "Reed", "Patel"]
        .map(String::from)
        .to_vec();
    for team in ["product-team", "product-team-inverted"] {
        assert_no_names(&out.join(team), &names);
    }
    assert!(!fs::read_to_string(out.join("portfolio.csv"))
        .unwrap()
        .contains("Lopez"));
}
