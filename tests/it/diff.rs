//! `raci diff`: the same sample in two formats changes nothing; a changed copy reports its
//! changes; two folders pair their files and list the unpaired ones; `--fail-on-new` sets the
//! exit code; the files are byte-identical run to run.

use crate::support::root;
use assert_cmd::Command;
use raci_audit::commands::diff::{pair_files, Compared, DIFF_FILES};
use raci_audit::diff::Status;
use raci_audit::pipeline::Pipeline;
use raci_audit::settings::Settings;
use std::fs;
use std::path::{Path, PathBuf};

fn raci() -> Command {
    let mut cmd = Command::cargo_bin("raci").unwrap();
    cmd.current_dir(root());
    cmd
}

fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

fn compared(old: &Path, new: &Path) -> Compared {
    let pipeline = Pipeline::new(&Settings::default()).unwrap();
    Compared::of(old, new, &pipeline).unwrap()
}

/// `samples/product-team.csv` with one cell changed: `Market research` loses its A, so a new
/// R001 appears; the title row above the header stays.
fn changed_copy(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(sample("product-team.csv")).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Market research,"))
        .unwrap()
        .to_string();
    let changed = line.replacen("A/R", "R", 1);
    assert_ne!(line, changed, "{line}");
    let path = dir.join("product-team.csv");
    fs::write(&path, text.replace(&line, &changed)).unwrap();
    path
}

#[test]
fn diff_the_same_sample_in_every_format_changes_no_task_and_no_letter() {
    let xlsx = sample("product-team.xlsx");
    for other in [
        "product-team.csv",
        "product-team.ods",
        "product-team-long.csv",
        "product-team-transposed.csv",
        "product-team-inverted.csv",
    ] {
        let c = compared(&xlsx, &sample(other));
        let d = &c.diff;
        assert_eq!(d.tasks.len(), 37, "{other}");
        assert!(d.added.is_empty() && d.removed.is_empty(), "{other}");
        assert_eq!(d.renamed().count(), 0, "{other}");
        assert!(d.letters.is_empty(), "{other}: {:?}", d.letters);
        assert!(d.sides.is_empty(), "{other}");
        // The transposed export has no phases: its tasks match by name and show as moved.
        let moved = d.moved().count();
        assert_eq!(
            moved,
            if other.contains("transposed") { 37 } else { 0 },
            "{other}"
        );
        assert_eq!(
            d.parties_added().count() + d.parties_removed().count(),
            0,
            "{other}"
        );
        assert_eq!(d.count(Status::New), 0, "{other}");
    }
    // The CSV and ODS hold the same cells as the workbook, the stray `X` included.
    for other in ["product-team.csv", "product-team.ods"] {
        let c = compared(&xlsx, &sample(other));
        assert_eq!(c.diff.count(Status::Fixed), 0, "{other}");
        assert_eq!(
            c.diff.headline(),
            "health 88 -> 88; 0 findings fixed, 0 new"
        );
    }
}

#[test]
fn diff_cli_writes_three_files_byte_identical_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let new = changed_copy(tmp.path());
    let mut bytes = Vec::new();
    for run in ["a", "b"] {
        let out = tmp.path().join(run);
        raci()
            .args(["diff", "samples/product-team.xlsx"])
            .arg(&new)
            .arg("-o")
            .arg(&out)
            .assert()
            .success()
            .stdout("health 88 -> 86; 0 findings fixed, 1 new\n");
        bytes.push(
            DIFF_FILES
                .iter()
                .map(|f| fs::read(out.join(f)).unwrap())
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(bytes[0], bytes[1]);
    let csv = String::from_utf8(bytes[0][0].clone()).unwrap();
    assert!(csv.starts_with("change,task,group,party,before,after,code,severity,old_cell,new_cell,detail\nhealth,,,,88,86,"), "{csv}");
    assert!(
        csv.contains("letters-changed,Market research,Discovery,Tom Reed - Product Manager,R/A,R,,,product-team.xlsx[RACI]!C7,product-team.csv!C7,"),
        "{csv}"
    );
    assert!(
        csv.contains("finding-new,Market research,Discovery,,,,R001,error,"),
        "{csv}"
    );
    let md = String::from_utf8(bytes[0][1].clone()).unwrap();
    assert!(
        md.contains("**health 88 -\\> 86; 0 findings fixed, 1 new**"),
        "{md}"
    );
    assert!(bytes[0][2].starts_with(b"\x89PNG"));
}

#[test]
fn diff_fail_on_new_sets_the_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let new = changed_copy(tmp.path());
    let run = |args: &[&str], new: &Path| {
        raci()
            .args(["diff", "-q", "samples/product-team.xlsx"])
            .arg(new)
            .arg("-o")
            .arg(tmp.path().join("out"))
            .args(args)
            .assert()
    };
    // A new error: exit 1 at error, warning or info; 0 without the flag.
    run(&["--fail-on-new", "error"], &new).code(1);
    run(&["--fail-on-new", "info"], &new).code(1);
    run(&[], &new).code(0);
    // Nothing new: exit 0 even though the old findings are still there.
    run(&["--fail-on-new", "info"], &sample("product-team.csv")).code(0);
    // A file against a folder is a usage error.
    let usage = raci()
        .args(["diff", "samples/product-team.xlsx", "samples"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&usage.get_output().stderr).into_owned();
    assert!(
        stderr.contains("compares two files or two folders"),
        "{stderr}"
    );
}

#[test]
fn diff_folders_pair_files_by_name_and_list_the_unpaired() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("q1"), tmp.path().join("q2"));
    fs::create_dir_all(&old).unwrap();
    fs::create_dir_all(&new).unwrap();
    fs::copy(sample("product-team.xlsx"), old.join("checkout.xlsx")).unwrap();
    fs::copy(sample("product-team.csv"), new.join("Checkout.csv")).unwrap();
    fs::copy(sample("product-team.csv"), old.join("search.csv")).unwrap();
    fs::copy(changed_copy(tmp.path()), new.join("search.csv")).unwrap();
    fs::copy(sample("product-team.ods"), old.join("retired.ods")).unwrap();
    fs::copy(sample("product-team-long.csv"), new.join("payments.csv")).unwrap();
    let out = tmp.path().join("out");
    let assert = raci()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .arg("-o")
        .arg(&out)
        .args(["-q", "--fail-on-new", "error"])
        .assert()
        .code(1);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "checkout: health 88 -> 88; 0 fixed, 0 new".to_string(),
            format!(
                "payments: only in the new folder ({}), not compared",
                new.join("payments.csv").display()
            ),
            format!(
                "retired: only in the old folder ({}), not compared",
                old.join("retired.ods").display()
            ),
            "search: health 88 -> 86; 0 fixed, 1 new".to_string(),
        ]
    );
    for f in DIFF_FILES {
        assert!(out.join(f).is_file(), "{f}");
        assert!(out.join("checkout").join(f).is_file(), "checkout/{f}");
        assert!(out.join("search").join(f).is_file(), "search/{f}");
    }
    assert!(!out.join("payments").exists() && !out.join("retired").exists());
    let rollup = fs::read_to_string(out.join("diff.csv")).unwrap();
    let lines: Vec<&str> = rollup.lines().collect();
    assert_eq!(lines.len(), 5, "{rollup}");
    assert!(
        lines[1].starts_with("checkout,") && lines[1].contains(",88,88,0,0,"),
        "{rollup}"
    );
    assert!(
        lines[2].starts_with("payments,,") && lines[2].ends_with("not compared\""),
        "{rollup}"
    );
    assert!(
        lines[4].starts_with("search,")
            && lines[4].contains(",88,86,0,1,")
            && lines[4].contains(",error,"),
        "{rollup}"
    );
    let md = fs::read_to_string(out.join("diff.md")).unwrap();
    assert!(md.contains("## Not compared (2)"), "{md}");
    assert!(md.contains("[search](<search/diff.md>)"), "{md}");
}

#[test]
fn pairing_keeps_every_file() {
    let p = |s: &str| PathBuf::from(s);
    let pairs = pair_files(
        &[
            p("a/Team.xlsx"),
            p("a/team.csv"),
            p("a/diff.csv.ods"),
            p("a/x.csv"),
        ],
        &[p("b/team.ods"), p("b/y.csv")],
    );
    let shown: Vec<(String, Option<PathBuf>, Option<PathBuf>)> =
        pairs.into_iter().map(|x| (x.team, x.old, x.new)).collect();
    assert_eq!(
        shown,
        [
            ("Team".into(), Some(p("a/Team.xlsx")), Some(p("b/team.ods"))),
            ("team".into(), Some(p("a/team.csv")), None),
            ("team-diff.csv".into(), Some(p("a/diff.csv.ods")), None),
            ("x".into(), Some(p("a/x.csv")), None),
            ("y".into(), None, Some(p("b/y.csv"))),
        ]
    );
}

#[test]
fn paired_folders_are_named_as_portfolio_mode_names_them() {
    let p = |s: &str| PathBuf::from(s);
    let pairs = pair_files(
        &[p("a/.hidden.csv"), p("a/..."), p("a/diff.md.csv")],
        &[p("b/.hidden.ods"), p("b/..."), p("b/diff.md.xlsx")],
    );
    let teams: Vec<String> = pairs.into_iter().map(|x| x.team).collect();
    assert_eq!(teams, ["hidden", "report", "team-diff.md"]);
}

#[test]
fn files_whose_folders_would_share_a_name_pair_once() {
    // `.team.csv` and `team.csv` would both write the folder `team`, `diff.md.csv` and
    // `team-diff.md.csv` both `team-diff.md`: one pair each, the other files listed unpaired,
    // so no two diffs write one folder.
    let p = |s: &str| PathBuf::from(s);
    let pairs = pair_files(
        &[
            p("a/.team.csv"),
            p("a/team.csv"),
            p("a/diff.md.csv"),
            p("a/team-diff.md.csv"),
        ],
        &[
            p("b/.team.ods"),
            p("b/team.ods"),
            p("b/diff.md.ods"),
            p("b/team-diff.md.ods"),
        ],
    );
    let folders: Vec<&str> = pairs
        .iter()
        .filter(|x| x.old.is_some() && x.new.is_some())
        .map(|x| x.team.as_str())
        .collect();
    assert_eq!(folders, ["team", "team-diff.md"], "{pairs:?}");
    assert_eq!(pairs.len(), 6, "every file is listed: {pairs:?}");
}

/// The second-quarter sample: the README's numbers.
#[test]
fn diff_the_two_sample_quarters() {
    let c = compared(
        &sample("product-team.xlsx"),
        &sample("product-team-q2.xlsx"),
    );
    let d = &c.diff;
    assert_eq!(d.headline(), "health 88 -> 95; 14 findings fixed, 1 new");
    let renamed: Vec<(&str, &str)> = d
        .renamed()
        .map(|m| {
            (
                c.old.matrix.tasks[m.old].name.as_str(),
                c.new.matrix.tasks[m.new].name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        renamed,
        [("Backlog refinement", "Refine the product backlog")]
    );
    let names = |m: &raci_audit::model::Matrix, list: &[usize]| -> Vec<String> {
        list.iter().map(|&t| m.tasks[t].name.clone()).collect()
    };
    assert_eq!(
        names(&c.new.matrix, &d.added),
        [
            "Set business KPIs and track the strategy",
            "Write user stories for saved payment cards"
        ]
    );
    assert_eq!(names(&c.old.matrix, &d.removed), ["Team offsite logistics"]);
    assert_eq!(d.letters.len(), 10);
    let new: Vec<&str> = d
        .findings
        .iter()
        .filter(|f| f.status == Status::New)
        .map(|f| c.new.audit.findings[f.new.unwrap()].code)
        .collect();
    // Exactly one new finding: the new task's two Accountables.
    assert_eq!(new, ["R002"]);
    let r002 = d
        .findings
        .iter()
        .find(|f| f.status == Status::New)
        .and_then(|f| c.new.audit.findings[f.new.unwrap()].task)
        .map(|t| c.new.matrix.tasks[t].name.as_str());
    assert_eq!(r002, Some("Write user stories for saved payment cards"));
    // The fixes the team took are the first quarter's suggestions: every cell a suggestion
    // changes for R007, R001, R002, R003 and the M001 of `Accept user stories` holds the
    // suggested letters in the second quarter.
    let taken: Vec<(String, String, String)> = c
        .old
        .suggestions
        .iter()
        .filter(|s| {
            s.task
                .is_some_and(|t| c.old.matrix.tasks[t].name != "Write acceptance criteria")
        })
        .flat_map(|s| &s.changes)
        .map(|ch| {
            (
                c.old.matrix.tasks[ch.task].name.clone(),
                c.old.matrix.parties[ch.party].name.clone(),
                ch.to.to_string(),
            )
        })
        .collect();
    assert_eq!(taken.len(), 6, "{taken:?}");
    for (task, party, to) in &taken {
        let t = c.new.matrix.tasks.iter().find(|t| &t.name == task).unwrap();
        let p = c
            .new
            .matrix
            .parties
            .iter()
            .position(|p| &p.name == party)
            .unwrap();
        let letters = t
            .assignments
            .iter()
            .find(|a| a.party == p)
            .map(|a| a.letters.to_string())
            .unwrap_or_default();
        assert_eq!(&letters, to, "{task}, {party}");
    }
    // Every error of the first quarter is gone.
    assert!(d
        .findings
        .iter()
        .filter(|f| f.status == Status::Still)
        .all(
            |f| c.new.audit.findings[f.new.unwrap()].severity < raci_audit::audit::Severity::Error
        ));
    raci()
        .args([
            "diff",
            "-q",
            "samples/product-team.xlsx",
            "samples/product-team-q2.xlsx",
            "--fail-on-new",
            "error",
            "-o",
        ])
        .arg(tempfile::tempdir().unwrap().path().join("q"))
        .assert()
        .code(1)
        .stdout("health 88 -> 95; 14 findings fixed, 1 new\n");
}
