//! Portfolio mode end to end: a folder of mixed files with a bad one, the roll-up and its
//! order, exit codes, same-stem inputs, and a roll-up that is the same bytes on every run.

use crate::support::root;
use assert_cmd::Command;
use std::collections::BTreeMap;
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

/// The samples, a damaged workbook and a file that is not a spreadsheet, in one folder.
fn team_folder() -> (tempfile::TempDir, PathBuf, Vec<String>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("teams");
    fs::create_dir(&dir).unwrap();
    let mut good = Vec::new();
    for entry in fs::read_dir(root().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        fs::copy(&path, dir.join(&name)).unwrap();
        good.push(name);
    }
    good.sort();
    fs::write(dir.join("broken.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
    fs::write(dir.join("notes.md"), "# not a matrix\n").unwrap();
    (tmp, dir, good)
}

fn rollup(out: &Path) -> Vec<BTreeMap<String, String>> {
    let mut rdr = csv::Reader::from_path(out.join("portfolio.csv")).unwrap();
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "team", "file", "tasks", "parties", "health", "overlaps", "gaps", "errors", "warnings",
            "infos", "error"
        ]
    );
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn folder_with_a_bad_file_audits_the_rest_and_exits_2() {
    let (tmp, dir, good) = team_folder();
    let out = tmp.path().join("out");
    let assert = raci()
        .args(["audit", "--only", "csv,md"])
        .arg(&dir)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let rows = rollup(&out);
    // Every spreadsheet, sorted by file name; notes.md is not one.
    let mut files: Vec<String> = good.clone();
    files.push("broken.xlsx".into());
    files.sort();
    let listed: Vec<String> = rows
        .iter()
        .map(|r| {
            Path::new(&r["file"])
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(listed, files);
    for row in &rows {
        let team = &row["team"];
        if row["file"].ends_with("broken.xlsx") {
            assert_eq!(team, "broken");
            assert!(
                row["error"].contains("broken.xlsx")
                    && row["error"].contains("could not be opened"),
                "{row:?}"
            );
            assert!(row["tasks"].is_empty() && row["health"].is_empty());
            assert!(!out.join(team).exists());
            assert!(stdout.contains("broken: not audited: "), "{stdout}");
            continue;
        }
        assert!(row["error"].is_empty(), "{row:?}");
        let tasks: usize = row["tasks"].parse().unwrap();
        let health: u32 = row["health"].parse().unwrap();
        assert!(tasks >= 30 && health <= 100, "{row:?}");
        // The roll-up's counts are the rows of the team's own reports.
        let count = |file: &str| {
            csv::Reader::from_path(out.join(team).join(file))
                .unwrap()
                .records()
                .count()
                .to_string()
        };
        assert_eq!(row["overlaps"], count("overlaps.csv"), "{team}");
        assert_eq!(row["gaps"], count("gaps.csv"), "{team}");
        assert_eq!(row["tasks"], count("tasks.csv"), "{team}");
        assert!(out.join(team).join("summary.md").is_file());
    }
    // product-team.csv, .ods and .xlsx share a stem: three folders, first one plain.
    let teams: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| Path::new(&r["file"]).file_stem().unwrap() == "product-team")
        .map(|r| (r["team"].as_str(), r["file"].as_str()))
        .collect();
    let names: Vec<&str> = teams.iter().map(|t| t.0).collect();
    assert_eq!(names, ["product-team", "product-team-2", "product-team-3"]);
    assert!(teams[0].1.ends_with("product-team.csv"));
    // The same matrix in three formats gives the same numbers.
    let same: Vec<Vec<&String>> = rows
        .iter()
        .filter(|r| Path::new(&r["file"]).file_stem().unwrap() == "product-team")
        .map(|r| {
            r.iter()
                .filter(|(k, _)| *k != "team" && *k != "file")
                .map(|(_, v)| v)
                .collect()
        })
        .collect();
    assert!(same.windows(2).all(|w| w[0] == w[1]), "{same:?}");
}

#[test]
fn rollup_is_in_input_order_and_byte_identical_across_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |out: &Path| {
        raci()
            .args(["audit", "--quiet", "--only", "csv,png"])
            // The long file takes longest; it is given first and must stay first.
            .arg(sample("product-team-long.csv"))
            .arg(sample("product-team-inverted.csv"))
            .arg(root().join("no-such-file.csv"))
            .arg("-o")
            .arg(out)
            .assert()
            .code(2)
            .stderr("");
    };
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    run(&one);
    run(&two);
    let teams: Vec<String> = rollup(&one)
        .into_iter()
        .map(|r| r["team"].clone())
        .collect();
    assert_eq!(
        teams,
        ["product-team-long", "product-team-inverted", "no-such-file"]
    );
    for name in ["portfolio.csv", "portfolio.png"] {
        assert_eq!(
            fs::read(one.join(name)).unwrap(),
            fs::read(two.join(name)).unwrap(),
            "{name}"
        );
    }
    let png = fs::read(one.join("portfolio.png")).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!(info.width, 1500);
    assert!(info.height >= 3 * 28, "{}", info.height);
    // The missing file's error names it, as the single-file error would.
    let rows = rollup(&one);
    assert!(
        rows[2]["error"].contains("no-such-file.csv"),
        "{:?}",
        rows[2]
    );
}

#[test]
fn same_stem_inputs_get_distinct_folders_and_fail_on_applies_to_any_team() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    fs::copy(sample("product-team.csv"), a.join("team.csv")).unwrap();
    fs::copy(sample("product-team-inverted.csv"), b.join("team.csv")).unwrap();
    let out = tmp.path().join("out");
    let audit = |extra: &[&str]| {
        let mut cmd = raci();
        cmd.args(["audit", "--only", "csv"])
            .args(extra)
            .arg(a.join("team.csv"))
            .arg(&b)
            .arg("-o")
            .arg(&out);
        cmd.assert()
    };
    // The samples have error findings: --fail-on error exits 1 once every file is audited.
    audit(&["--fail-on", "error"]).code(1);
    audit(&[]).code(0);
    let rows = rollup(&out);
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["team"].as_str(), r["tasks"].as_str()))
        .collect();
    assert_eq!(got, [("team", "37"), ("team-2", "37")]);
    assert_ne!(
        fs::read(out.join("team/tasks.csv")).unwrap(),
        fs::read(out.join("team-2/tasks.csv")).unwrap()
    );
}

#[test]
fn portfolio_refuses_what_it_cannot_do() {
    let tmp = tempfile::tempdir().unwrap();
    let stderr = |assert: assert_cmd::assert::Assert| {
        String::from_utf8_lossy(&assert.code(2).get_output().stderr).into_owned()
    };
    let err = stderr(
        raci()
            .args(["audit", "-o", "-", "--format", "json"])
            .arg(sample("product-team.csv"))
            .arg(sample("product-team.ods"))
            .assert(),
    );
    assert!(err.contains("give -o DIR"), "{err}");
    let err = stderr(
        raci()
            .arg("audit")
            .arg(tmp.path())
            .arg("-o")
            .arg(tmp.path().join("out"))
            .assert(),
    );
    assert!(err.contains("no spreadsheet files"), "{err}");
}

/// Every entry of a folder with a spreadsheet's name is in the roll-up, including those that
/// cannot be audited: a dangling link, a link loop, a named pipe (which must not be opened:
/// that would wait forever), and a name that is not UTF-8 (audited, and shown escaped). The
/// summary counts them and the run exits 2.
#[cfg(target_os = "linux")]
#[test]
fn every_folder_entry_is_in_the_rollup() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("teams");
    fs::create_dir(&dir).unwrap();
    fs::copy(sample("product-team.csv"), dir.join("good.csv")).unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xE9.csv");
    fs::copy(sample("product-team.csv"), dir.join(latin1)).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.csv"), dir.join("gone.csv")).unwrap();
    std::os::unix::fs::symlink(dir.join("loop.csv"), dir.join("loop.csv")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.csv"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let out = tmp.path().join("out");
    let run = raci()
        .arg("audit")
        .arg(&dir)
        .arg("-o")
        .arg(&out)
        .args(["--only", "csv"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("audited 2 of 5 files") && stderr.contains("3 inputs could not be audited"),
        "{stderr}"
    );
    let rows = rollup(&out);
    let by_file: BTreeMap<String, &BTreeMap<String, String>> = rows
        .iter()
        .map(|r| {
            let name = r["file"].rsplit('/').next().unwrap().to_string();
            (name, r)
        })
        .collect();
    let names: Vec<&str> = by_file.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "caf\\xE9.csv",
            "gone.csv",
            "good.csv",
            "loop.csv",
            "pipe.csv"
        ]
    );
    assert!(by_file["caf\\xE9.csv"]["error"].is_empty());
    assert!(!by_file["caf\\xE9.csv"]["tasks"].is_empty());
    assert!(
        by_file["gone.csv"]["error"].contains("does not exist"),
        "{:?}",
        by_file["gone.csv"]
    );
    assert!(
        by_file["loop.csv"]["error"].contains("cannot be followed"),
        "{:?}",
        by_file["loop.csv"]
    );
    assert!(
        by_file["pipe.csv"]["error"].contains("named pipe"),
        "{:?}",
        by_file["pipe.csv"]
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
}
