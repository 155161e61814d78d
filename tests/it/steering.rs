//! Steering a reading from the command line and from `raci.toml`: `--shape`, `--range`,
//! `--header-rows`, `--task-column`, `--party-columns`, `--x-means`, globally and per file in
//! portfolio mode; a choice that does not fit exits 2 naming the cell; `raci inspect` shows
//! the runner-up and its evidence.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

/// A sheet with two matrices, one under the other.
const TWO_TABLES: &str =
    "Task,Ann,Bob\nPlan,R,A\nBuild,A,R\nShip,R,A\n\nStep,Cy,Di\nSell,R,A\nBuy,A,R\n";

/// A long table whose header words mislead: `Step` holds phases (the tasks are under
/// `Activity`), and `Role` holds roles where the user wants the people in `Person`.
const LONG: &str = "Step,Activity,Role,Person,RACI\n\
    Discovery,Interview users,Product Owner,Ann,R\n\
    Discovery,Interview users,Product Manager,Bob,A\n\
    Discovery,Write brief,Product Owner,Ann,A\n\
    Discovery,Write brief,Product Manager,Bob,R\n\
    Delivery,Ship release,Product Owner,Ann,R\n\
    Delivery,Ship release,Product Manager,Bob,C\n";

/// A file of x marks.
const MARKS: &str = "Task,Ann,Bob\nPlan,x,\nBuild,,x\n";

fn raci(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("raci").unwrap();
    cmd.current_dir(dir);
    cmd
}

fn tasks_of(dir: &Path) -> Vec<String> {
    let mut rdr = csv::Reader::from_path(dir.join("tasks.csv")).unwrap();
    rdr.records().map(|r| r.unwrap()[0].to_string()).collect()
}

/// The parties in one letter column (`responsible`, `accountable`, ...) of a task.
fn holders(dir: &Path, task: &str, column: &str) -> String {
    let mut rdr = csv::Reader::from_path(dir.join("tasks.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let i = headers.iter().position(|h| h == column).unwrap();
    rdr.records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == task)
        .map(|r| r[i].to_string())
        .unwrap_or_default()
}

fn folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("two.csv"), TWO_TABLES).unwrap();
    fs::write(tmp.path().join("marks.csv"), MARKS).unwrap();
    fs::write(tmp.path().join("long.csv"), LONG).unwrap();
    tmp
}

#[test]
fn range_flag_reads_the_second_table() {
    let tmp = folder();
    let out = tmp.path().join("out");
    raci(tmp.path())
        .args(["audit", "two.csv", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(tasks_of(&out), ["Plan", "Build", "Ship"]);
    let summary = fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(!summary.contains("unsure"), "{summary}");
    assert!(
        summary.contains("another RACI table at A6:C8, not audited here"),
        "{summary}"
    );
    let run = raci(tmp.path())
        .args(["audit", "two.csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let console = String::from_utf8(run.stdout).unwrap();
    assert!(
        console.contains("audit it with `raci audit two.csv --range A6:C8`"),
        "{console}"
    );
    raci(tmp.path())
        .args(["audit", "two.csv", "-q", "--range", "A6:C8", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(tasks_of(&out), ["Sell", "Buy"]);
}

#[test]
fn a_choice_that_does_not_fit_exits_2_naming_the_cell() {
    let tmp = folder();
    let out = raci(tmp.path())
        .args(["audit", "two.csv", "--task-column", "D", "-o", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("error: two.csv: --task-column D: column D is outside A1:C8"),
        "{err}"
    );
    let out = raci(tmp.path())
        .args([
            "inspect",
            "two.csv",
            "--range",
            "A2:C4",
            "--party-columns",
            "A:A",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--party-columns A: no cell in A3:A4 holds a letter or an x"),
        "{err}"
    );
    let out = raci(tmp.path())
        .args(["audit", "two.csv", "--header-rows", "7", "-o", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--header-rows 7"), "{err}");
}

#[test]
fn x_means_gives_marks_a_letter() {
    let tmp = folder();
    let out = tmp.path().join("out");
    let run = raci(tmp.path())
        .args(["audit", "marks.csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    let headline = String::from_utf8(run.stdout).unwrap();
    assert!(
        headline.contains("2 cells mark involvement with an x or a tick instead of a letter"),
        "{headline}"
    );
    let findings = fs::read_to_string(out.join("findings.csv")).unwrap();
    let d001 = findings.lines().filter(|l| l.starts_with("D001,")).count();
    assert_eq!(d001, 2, "{findings}");
    raci(tmp.path())
        .args(["audit", "marks.csv", "-q", "--x-means", "R", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(holders(&out, "Plan", "responsible"), "Ann");
    assert_eq!(holders(&out, "Build", "responsible"), "Bob");
    assert!(!fs::read_to_string(out.join("findings.csv"))
        .unwrap()
        .contains("\nD001,"));
}

#[test]
fn raci_toml_steers_every_file_or_one_by_name() {
    let tmp = folder();
    fs::copy(tmp.path().join("two.csv"), tmp.path().join("other.csv")).unwrap();
    fs::write(
        tmp.path().join("raci.toml"),
        "x-means = \"A\"\n\n[files.\"two.csv\"]\nrange = \"A6:C8\"\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    raci(tmp.path())
        .args(["audit", "two.csv", "other.csv", "marks.csv", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    // Portfolio mode: the per-file range applies to two.csv only.
    assert_eq!(tasks_of(&out.join("two")), ["Sell", "Buy"]);
    assert_eq!(tasks_of(&out.join("other")), ["Plan", "Build", "Ship"]);
    assert_eq!(holders(&out.join("marks"), "Plan", "accountable"), "Ann");
    assert!(!fs::read_to_string(out.join("marks").join("findings.csv"))
        .unwrap()
        .contains("\nD001,"));
    // A wrong key is an error naming the file and the line.
    fs::write(tmp.path().join("raci.toml"), "task-column = \"B4\"\n").unwrap();
    let run = raci(tmp.path())
        .args(["audit", "two.csv", "-o", "x"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains("raci.toml: invalid configuration: line 1"),
        "{err}"
    );
}

#[test]
fn inspect_shows_the_runner_up_and_the_other_tables() {
    let tmp = folder();
    let out = raci(tmp.path())
        .args(["inspect", "two.csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Reading: wide "), "{text}");
    assert!(text.contains("Runner-up: "), "{text}");
    assert!(text.contains("audit it with --range A6:C8"), "{text}");
    let out = raci(tmp.path())
        .args(["inspect", "two.csv", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["reading"]["chosen"]
        .as_str()
        .unwrap()
        .starts_with("wide "));
    assert!(v["reading"]["runner_up"].is_string());
    assert!(v["reading"]["evidence"].as_array().unwrap().len() >= 4);
}

/// When two readings come close, the audit says so and points to `raci inspect` and the flags.
#[test]
fn a_close_call_is_said_in_the_console_and_the_summary() {
    let tmp = tempfile::tempdir().unwrap();
    // Nothing tells tasks from parties here: neutral names, a neutral corner.
    fs::write(
        tmp.path().join("even.csv"),
        "Item,Alpha,Beta\nGamma,R,A\nDelta,A,R\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let run = raci(tmp.path())
        .args(["audit", "even.csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let console = String::from_utf8(run.stdout).unwrap();
    assert!(
        console.contains("The reading of this file is unsure: wide")
            && console.contains("`raci inspect even.csv`")
            && console.contains("--party-columns"),
        "{console}"
    );
    let summary = fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(
        summary.contains("The reading of this file is unsure"),
        "{summary}"
    );
    let inspect = raci(tmp.path())
        .args(["inspect", "even.csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(inspect.stdout).unwrap();
    assert!(text.contains("(close: the reading is unsure)"), "{text}");
    assert!(text.contains("parties as rows are rarer"), "{text}");
}

#[test]
fn task_and_party_columns_steer_a_long_table() {
    let tmp = folder();
    let out = tmp.path().join("out");
    // Of the two columns headed as tasks (Step, Activity), the one with the most distinct
    // texts; of the two headed as parties (Role, Person), the first.
    raci(tmp.path())
        .args(["audit", "long.csv", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        tasks_of(&out),
        ["Interview users", "Write brief", "Ship release"]
    );
    assert_eq!(
        holders(&out, "Write brief", "responsible"),
        "Product Manager"
    );
    raci(tmp.path())
        .args(["audit", "long.csv", "-q", "--task-column", "A", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(tasks_of(&out), ["Discovery", "Delivery"]);
    raci(tmp.path())
        .args([
            "audit",
            "long.csv",
            "-q",
            "--shape",
            "long",
            "--task-column",
            "B",
        ])
        .args(["--party-columns", "D", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(holders(&out, "Write brief", "responsible"), "Bob");
    assert_eq!(holders(&out, "Interview users", "accountable"), "Bob");
}

#[test]
fn choices_a_long_table_cannot_take_exit_2_saying_why() {
    let tmp = folder();
    let refused = |args: &[&str]| -> String {
        let out = raci(tmp.path())
            .args(["inspect", "long.csv"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let err = refused(&["--shape", "long", "--party-columns", "D:E"]);
    assert!(
        err.contains(
            "--party-columns D:E: a long table has one column of party names; give that \
             column alone, like --party-columns D"
        ),
        "{err}"
    );
    let err = refused(&["--shape", "long", "--header-rows", "2"]);
    assert!(
        err.contains("--header-rows 2: a long table has one header row"),
        "{err}"
    );
    // A column of names is a party column only for a long table, and the message says how.
    let err = refused(&["--party-columns", "D"]);
    assert!(
        err.contains("no cell in D2:D7 holds a letter or an x") && err.contains("--shape long"),
        "{err}"
    );
    let err = refused(&[
        "--shape",
        "long",
        "--party-columns",
        "D",
        "--range",
        "A1:C7",
    ]);
    assert!(err.contains("column D is outside A1:C7"), "{err}");
}
