//! End-to-end tests of the `raci` binary on the samples: exit codes, every report present,
//! exact CSV headers, the planted problems found, determinism, and the committed reports.

use crate::support::{root, EXPECTED_FILES};
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

/// Runs `raci audit` on a sample into a fresh folder and returns it.
fn audit_into(
    input: &Path,
    extra: &[&str],
) -> (tempfile::TempDir, PathBuf, assert_cmd::assert::Assert) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let assert = raci()
        .arg("audit")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .args(extra)
        .assert();
    (tmp, out, assert)
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (headers, rows)
}

#[test]
fn sample_xlsx_writes_every_report() {
    let (_tmp, out, assert) = audit_into(&sample("product-team.xlsx"), &[]);
    assert.success();
    for name in EXPECTED_FILES {
        let path = out.join(name);
        assert!(path.is_file(), "{name} missing");
        assert!(fs::metadata(&path).unwrap().len() > 0, "{name} empty");
    }
    let leftovers: Vec<_> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("raci-tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

#[test]
fn csv_headers_are_exact() {
    let (_tmp, out, assert) = audit_into(&sample("product-team.xlsx"), &["--only", "csv"]);
    assert.success();
    let expect: &[(&str, &str)] = &[
        (
            "tasks.csv",
            "task,group,side,duty,confidence,responsible,accountable,consulted,informed,cell,findings",
        ),
        (
            "parties.csv",
            "party,title,title_side,r,a,c,i,po_side_ra,pm_side_ra,shared_ra",
        ),
        (
            "findings.csv",
            "code,name,severity,task,party,duty,cell,message",
        ),
        (
            "coverage.csv",
            "duty_id,side,duty,covered,tasks,owners,task_count",
        ),
    ];
    for (file, header) in expect {
        let text = fs::read_to_string(out.join(file)).unwrap();
        assert_eq!(text.lines().next().unwrap(), *header, "{file}");
    }
    assert!(out.join("overlaps.csv").is_file());
    assert!(out.join("gaps.csv").is_file());
    assert!(!out.join("matrix.png").exists(), "--only csv wrote a chart");
}

#[test]
fn every_task_and_party_appears() {
    let (_tmp, out, assert) = audit_into(&sample("product-team.xlsx"), &["--only", "csv"]);
    assert.success();
    let (_, tasks) = read_csv(&out.join("tasks.csv"));
    assert_eq!(tasks.len(), 37);
    assert_eq!(tasks[0]["task"], "Define product vision");
    assert_eq!(tasks[0]["group"], "Discovery");
    assert_eq!(tasks[0]["cell"], "product-team.xlsx[RACI]!A5");
    assert_eq!(tasks[36]["task"], "Team offsite logistics");
    assert_eq!(tasks[36]["group"], "Launch");
    let (_, parties) = read_csv(&out.join("parties.csv"));
    assert_eq!(parties.len(), 9);
    let maria = &parties[0];
    assert_eq!(maria["party"], "Maria Lopez (Product Owner)");
    assert_eq!(maria["title_side"], "PO");
    assert_eq!(parties[1]["title_side"], "PM");
}

/// The problems planted in the sample (see examples/make_samples.rs) are all found, with the
/// right codes, on the right tasks and cells.
#[test]
fn planted_problems_are_found() {
    let (_tmp, out, assert) = audit_into(&sample("product-team.xlsx"), &["--only", "csv"]);
    assert.success();
    let (_, findings) = read_csv(&out.join("findings.csv"));
    let has = |code: &str, task: &str| {
        findings
            .iter()
            .any(|f| f["code"] == code && f["task"] == task)
    };
    assert!(has("R002", "Approve release scope"), "two Accountables");
    assert!(
        has("O002", "Approve release scope"),
        "PO and PM both own it"
    );
    assert!(has("R001", "Competitive analysis"), "no Accountable");
    assert!(has("R007", "Plan launch webinar"), "unassigned");
    assert!(
        !has("R001", "Plan launch webinar"),
        "R007 only, not R001 too"
    );
    assert!(
        !has("R003", "Plan launch webinar"),
        "R007 only, not R003 too"
    );
    assert!(has("M001", "Accept user stories"), "PM accepts stories");
    let d001: Vec<_> = findings.iter().filter(|f| f["code"] == "D001").collect();
    assert_eq!(d001.len(), 1, "{d001:?}");
    assert_eq!(d001[0]["cell"], "product-team.xlsx[RACI]!J39");
    assert_eq!(d001[0]["task"], "Production deployment");
    assert_eq!(d001[0]["party"], "Sales Lead");
    // The KPI duty is a PM duty nobody covers.
    let (_, coverage) = read_csv(&out.join("coverage.csv"));
    let kpi = coverage
        .iter()
        .find(|d| d["duty"].contains("KPI"))
        .expect("a KPI duty in the taxonomy");
    assert_eq!(kpi["side"], "PM");
    assert_eq!(kpi["covered"], "no");
    assert!(findings
        .iter()
        .any(|f| f["code"] == "G001" && f["duty"] == kpi["duty_id"]));
}

#[test]
fn the_same_matrix_in_every_format_gives_the_same_tasks() {
    let mut seen: Vec<(String, String)> = Vec::new();
    for name in ["product-team.xlsx", "product-team.csv", "product-team.ods"] {
        let (_tmp, out, assert) = audit_into(&sample(name), &["--only", "csv"]);
        assert.success();
        let text = fs::read_to_string(out.join("tasks.csv")).unwrap();
        // Only the file and sheet in the `cell` column may differ.
        let normalised = text
            .replace("product-team.xlsx[RACI]!", "FILE!")
            .replace("product-team.ods[RACI]!", "FILE!")
            .replace("product-team.csv!", "FILE!");
        seen.push((name.to_string(), normalised));
    }
    assert_eq!(seen[0].1, seen[1].1, "xlsx vs csv");
    assert_eq!(seen[0].1, seen[2].1, "xlsx vs ods");
}

#[test]
fn two_runs_are_byte_identical() {
    let (_t1, a, r1) = audit_into(&sample("product-team.xlsx"), &[]);
    r1.success();
    let (_t2, b, r2) = audit_into(&sample("product-team.xlsx"), &[]);
    r2.success();
    for name in EXPECTED_FILES {
        assert!(
            fs::read(a.join(name)).unwrap() == fs::read(b.join(name)).unwrap(),
            "{name} differs between two runs"
        );
    }
}

/// `reports/product-team/` is committed; it must be what the README's command writes now.
#[test]
fn committed_reports_are_fresh() {
    let committed = root().join("reports/product-team");
    let (_tmp, out, assert) = audit_into(&sample("product-team.xlsx"), &[]);
    assert.success();
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let fresh = fs::read(out.join(name)).unwrap();
        let old = fs::read(committed.join(name)).unwrap_or_default();
        assert!(
            fresh == old,
            "reports/product-team/{name} is stale: regenerate with \
             `cargo run --release -- audit samples/product-team.xlsx -o reports/product-team`"
        );
    }
}

#[test]
fn pngs_decode_to_a_sensible_size() {
    let (_tmp, out, assert) = audit_into(&sample("product-team.xlsx"), &["--only", "png"]);
    assert.success();
    for name in EXPECTED_FILES.iter().filter(|n| n.ends_with(".png")) {
        let bytes = fs::read(out.join(name)).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert!(info.width >= 1200, "{name} is {} px wide", info.width);
        assert!(
            (300..=20_000).contains(&info.height),
            "{name} is {} px high",
            info.height
        );
    }
}

#[test]
fn fail_on_sets_exit_one() {
    let (_t, _o, a) = audit_into(&sample("product-team.csv"), &["--only", "csv"]);
    a.code(0);
    let (_t, _o, a) = audit_into(
        &sample("product-team.csv"),
        &["--only", "csv", "--fail-on", "error"],
    );
    a.code(1);
}

#[test]
fn unusable_input_exits_two_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope.xlsx");
    let out = raci()
        .arg("audit")
        .arg(&missing)
        .arg("-o")
        .arg(tmp.path().join("out"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("nope.xlsx"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !tmp.path().join("out").exists(),
        "a report folder was left behind"
    );
}

#[test]
fn bad_arguments_exit_two() {
    raci().args(["audit"]).assert().code(2);
    raci()
        .args(["audit", "x.csv", "--fail-on", "sometimes"])
        .assert()
        .code(2);
    raci().args(["frobnicate"]).assert().code(2);
}

#[test]
fn json_to_stdout() {
    let out = raci()
        .args(["audit"])
        .arg(sample("product-team.csv"))
        .args(["--format", "json", "-o", "-"])
        .assert()
        .success();
    let stdout = &out.get_output().stdout;
    let json: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    assert_eq!(json["schema_version"], 4);
    // The same bytes as the report.json a report folder gets.
    let dir = tempfile::tempdir().unwrap();
    raci()
        .args(["audit"])
        .arg(sample("product-team.csv"))
        .arg("-o")
        .arg(dir.path())
        .args(["--only", "json"])
        .assert()
        .success();
    assert!(std::fs::read(dir.path().join("report.json")).unwrap() == *stdout);
}

/// A task's audit without where it stood: the letters as sets of party names, so that shapes
/// that list parties in another order compare equal. `groups: false` leaves the phase out
/// (a transposed sheet has tasks as columns and no place for phase rows).
fn task_digest(out: &Path, groups: bool) -> Vec<String> {
    let (_, tasks) = read_csv(&out.join("tasks.csv"));
    tasks
        .iter()
        .map(|t| {
            let set = |col: &str| {
                let mut v: Vec<&str> = t[col].split("; ").filter(|s| !s.is_empty()).collect();
                v.sort();
                v.join("; ")
            };
            let mut findings: Vec<&str> = t["findings"]
                .split("; ")
                .filter(|s| !s.is_empty() && *s != "D001")
                .collect();
            findings.sort();
            format!(
                "{} | {} | {} | {} | R {} | A {} | C {} | I {} | {}",
                t["task"],
                if groups { t["group"].as_str() } else { "" },
                t["side"],
                t["duty"],
                set("responsible"),
                set("accountable"),
                set("consulted"),
                set("informed"),
                findings.join(" ")
            )
        })
        .collect()
}

fn finding_digest(out: &Path) -> Vec<String> {
    let (_, findings) = read_csv(&out.join("findings.csv"));
    let mut v: Vec<String> = findings
        .iter()
        .filter(|f| f["code"] != "D001")
        .map(|f| format!("{} {} {} {}", f["code"], f["task"], f["party"], f["duty"]))
        .collect();
    v.sort();
    v
}

/// The sample written as wide, long, inverted, transposed and RASCI files audits the same
/// (issue: "the samples gain long, inverted, transposed and RASCI versions that audit
/// identically"). The inverted shape has no cell for the planted `X`, so D001 is left out of
/// the comparison, and the transposed one has no phases; every other task, letter and finding
/// must match.
#[test]
fn every_shape_of_the_sample_audits_the_same() {
    let (_t, wide, a) = audit_into(&sample("product-team.csv"), &["--only", "csv"]);
    a.success();
    let want_tasks = task_digest(&wide, true);
    let want_findings = finding_digest(&wide);
    assert_eq!(want_tasks.len(), 37);
    for name in [
        "product-team-long.csv",
        "product-team-inverted.csv",
        "product-team-transposed.csv",
        "product-team-rasci.csv",
    ] {
        let (_t, out, a) = audit_into(&sample(name), &["--only", "csv"]);
        a.success();
        let groups = name != "product-team-transposed.csv";
        let want = if groups {
            want_tasks.clone()
        } else {
            task_digest(&wide, false)
        };
        assert_eq!(task_digest(&out, groups), want, "{name}: tasks differ");
        assert_eq!(
            finding_digest(&out),
            want_findings,
            "{name}: findings differ"
        );
    }
}

/// Titles can come from a roster file, and `PM` alone stays ambiguous (D004) until
/// `--pm-means` settles it.
#[test]
fn roster_and_pm_means_settle_titles() {
    let tmp = tempfile::tempdir().unwrap();
    let matrix = tmp.path().join("team.csv");
    fs::write(
        &matrix,
        "Task,Ana,Ben (PM),Dev team\n\
         Sprint planning,A/R,,R\n\
         Market research,C,A/R,\n\
         Go-to-market plan,I,A/R,\n",
    )
    .unwrap();
    let out = tmp.path().join("plain");
    raci()
        .arg("audit")
        .arg(&matrix)
        .args(["--only", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
    let (_, parties) = read_csv(&out.join("parties.csv"));
    assert_eq!(parties[0]["title_side"], "");
    assert_eq!(parties[1]["title_side"], "ambiguous");
    let (_, findings) = read_csv(&out.join("findings.csv"));
    assert!(findings
        .iter()
        .any(|f| f["code"] == "D004" && f["party"] == "Ben (PM)"));

    let roster = tmp.path().join("roster.csv");
    fs::write(&roster, "party,title\nAna,Product Owner\n").unwrap();
    let out = tmp.path().join("rostered");
    raci()
        .arg("audit")
        .arg(&matrix)
        .arg("--roster")
        .arg(&roster)
        .args(["--pm-means", "product", "--only", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
    let (_, parties) = read_csv(&out.join("parties.csv"));
    assert_eq!(parties[0]["title"], "Product Owner");
    assert_eq!(parties[0]["title_side"], "PO");
    assert_eq!(parties[1]["title_side"], "PM");
    let (_, findings) = read_csv(&out.join("findings.csv"));
    assert!(!findings.iter().any(|f| f["code"] == "D004"));
}

#[test]
fn inspect_explains_the_sample_as_text_and_json() {
    let out = raci()
        .arg("inspect")
        .arg(sample("product-team.xlsx"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("Header row 3"), "{text}");
    assert!(text.contains("Read 37 tasks, 9 parties"), "{text}");
    let out = raci()
        .arg("inspect")
        .arg(sample("product-team.xlsx"))
        .args(["--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(json.is_object());
}

#[test]
fn a_wrong_sheet_lists_the_sheets() {
    let out = raci()
        .arg("audit")
        .arg(sample("product-team.xlsx"))
        .args(["--sheet", "Nope", "-o"])
        .arg(std::env::temp_dir().join("raci-never-written"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("RACI"), "{stderr}");
    assert!(stderr.contains("Nope"), "{stderr}");
}

/// The `src` of every image of a page, in order.
fn image_sources(html: &str) -> Vec<&str> {
    html.split("src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

/// report.html inlines the first page of a heatmap drawn over several and shows the others
/// from the files beside it: every image it does not inline is a file of the folder.
#[test]
fn report_html_shows_later_heatmap_pages_from_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("team.csv");
    let grid = raci_audit::synth::wide_grid(300, 12, 42);
    fs::write(&input, raci_audit::synth::to_csv(&grid, b',')).unwrap();
    let (_dir, out, assert) = audit_into(&input, &["--only", "html,png"]);
    assert.success();
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    let sources = image_sources(&html);
    let beside: Vec<&str> = sources
        .iter()
        .copied()
        .filter(|s| !s.starts_with("data:"))
        .collect();
    assert_eq!(
        beside,
        [
            "matrix-2.png",
            "matrix-3.png",
            "matrix-4.png",
            "matrix-5.png"
        ]
    );
    for page in &beside {
        assert!(out.join(page).is_file(), "{page} not beside report.html");
    }
    assert!(out.join("matrix-1.png").is_file());
    // The first page and the other charts are inlined.
    assert_eq!(sources.len() - beside.len(), 6, "charts inlined");

    // Without the chart files nothing stands beside the page: every page is inlined.
    let (_dir, out, assert) = audit_into(&input, &["--only", "html"]);
    assert.success();
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    let sources = image_sources(&html);
    assert_eq!(sources.len(), 10, "{sources:?}");
    assert!(
        sources.iter().all(|s| s.starts_with("data:")),
        "{sources:?}"
    );
    assert!(!out.join("matrix-2.png").exists());
}

/// `raci classify ... | head`: the reader leaves after a few lines; raci ends quietly with 0,
/// as other command-line tools do, instead of telling the user to choose another folder.
#[test]
fn a_reader_that_leaves_early_ends_the_output_quietly() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let names = tmp.path().join("names.txt");
    // Far more than a pipe holds (64 KiB), so the writer is still writing when the reader goes.
    let text: String = (0..20_000)
        .map(|i| format!("Prioritise the backlog of team {i}\n"))
        .collect();
    fs::write(&names, text).unwrap();
    for format in ["csv", "json", "text"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("raci"))
            .args(["classify", "--format", format, "--input"])
            .arg(&names)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}
