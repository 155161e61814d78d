//! The report registry is the one place a report kind is named: a kind added there (here, a
//! dummy one, added only through `Registry::with`) is taken by `--only`, listed in
//! `summary.md`, written into the report folder (and removed from it when left out), and
//! offered by `raci serve` with its content type and inside the zip.

use crate::serve::{audit_id, get, linked_files, sample, start_options, upload};
use raci_audit::pipeline::Pipeline;
use raci_audit::report::registry::{Charts, Render, ReportFile, ReportKind, Source};
use raci_audit::report::Registry;
use raci_audit::settings::Settings;
use std::io::Read;

static DUMMY: ReportKind = ReportKind {
    key: "dummy",
    source: Source::Files(&[ReportFile {
        name: "dummy.txt",
        guide: "a kind that exists only in this test.",
        render: Render::Bytes(|c| {
            Ok(format!("{} tasks\n", c.outcome.matrix.tasks.len()).into_bytes())
        }),
    }]),
    content_type: "text/plain; charset=utf-8",
    charts: Charts::Ignores,
};

const GUIDE_LINE: &str = "- `dummy.txt`: a kind that exists only in this test.";

fn registry() -> Registry {
    Registry::default().with(&DUMMY)
}

#[test]
fn a_kind_added_to_the_registry_is_taken_by_only() {
    let r = registry();
    let only = r.parse_only(&["csv", " Dummy "]).unwrap();
    assert!(only.has("dummy") && only.has("csv") && !only.has("json"));
    let err = r.parse_only(&["dumm"]).unwrap_err();
    assert!(
        err.ends_with("valid kinds: csv, md, json, html, xlsx, png, dummy"),
        "{err}"
    );
    // The built-in registry does not know it.
    let err = Registry::default().parse_only(&["dummy"]).unwrap_err();
    assert!(err.contains("unknown output kind \"dummy\""), "{err}");
    assert_eq!(r.content_type("dummy.txt"), "text/plain; charset=utf-8");
    assert_eq!(r.content_type("matrix-2.png"), "image/png");
    assert_eq!(
        Registry::default().content_type("dummy.txt"),
        "application/octet-stream"
    );
}

#[test]
fn a_kind_added_to_the_registry_is_written_listed_and_removed() {
    let pipeline = Pipeline::new(&Settings::default())
        .unwrap()
        .with_registry(registry());
    let wb = pipeline.read(&sample("product-team.csv")).unwrap();
    let audited = pipeline.audit(&wb).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team");
    let written = pipeline.write(&audited, &out).unwrap();
    // After every built-in file, charts included: the registry's order.
    assert_eq!(written.last(), Some(&out.join("dummy.txt")));
    assert_eq!(std::fs::read(out.join("dummy.txt")).unwrap(), b"37 tasks\n");
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains(GUIDE_LINE), "{summary}");
    // The in-memory render gives the same files in the same order.
    let names: Vec<String> = pipeline
        .render(&audited)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    let on_disk: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, on_disk);

    // Left out by `--only`, it is neither listed nor left over from the run before.
    let mut csv_md = pipeline.clone();
    csv_md.settings_mut().outputs = registry().parse_only(&["csv", "md"]).unwrap();
    csv_md.write(&audited, &out).unwrap();
    assert!(!out.join("dummy.txt").exists());
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(!summary.contains("dummy.txt"), "{summary}");
}

#[test]
fn a_kind_added_to_the_registry_is_served_and_zipped() {
    let server = start_options(|o| o.registry = registry());
    let reply = upload(
        server.addr(),
        "product-team.csv",
        &std::fs::read(sample("product-team.csv")).unwrap(),
    );
    let id = audit_id(&reply);
    let linked = linked_files(&reply.text(), &id);
    assert_eq!(
        linked.last().map(String::as_str),
        Some("dummy.txt"),
        "{linked:?}"
    );
    let file = get(server.addr(), &format!("/audit/{id}/files/dummy.txt"));
    assert_eq!(file.status, 200);
    assert_eq!(
        file.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(file.body, b"37 tasks\n");
    let zip = get(server.addr(), &format!("/audit/{id}/raci-product-team.zip"));
    assert_eq!(zip.status, 200);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body)).unwrap();
    let mut inside = String::new();
    archive
        .by_name("dummy.txt")
        .unwrap()
        .read_to_string(&mut inside)
        .unwrap();
    assert_eq!(inside, "37 tasks\n");
    let summary = get(server.addr(), &format!("/audit/{id}/files/summary.md"));
    assert!(summary.text().contains(GUIDE_LINE));
}

/// The kinds the help of `--only` and the `raci.toml` reference name are the registry's (the
/// two texts are written by hand: this keeps them from drifting).
#[test]
fn documented_output_kinds_are_the_registry_s() {
    use clap::CommandFactory;
    let cli = raci_audit::cli::Cli::command();
    let audit = cli.find_subcommand("audit").unwrap();
    let help = audit
        .get_arguments()
        .find(|a| a.get_id() == "only")
        .and_then(|a| a.get_help())
        .unwrap()
        .to_string();
    let listed = help
        .split_once(": ")
        .and_then(|(_, rest)| rest.split_once(' '))
        .map(|(kinds, _)| kinds)
        .unwrap();
    let mut from_help: Vec<&str> = listed.split(',').collect();
    let config = raci_audit::settings::CONFIG_REFERENCE;
    let line = config
        .lines()
        .find(|l| l.starts_with("| `[output]` |"))
        .unwrap();
    let mut keys = Registry::default().keys();
    for key in &keys {
        assert!(
            line.contains(&format!("`{key}`")),
            "{key} missing from: {line}"
        );
    }
    keys.sort_unstable();
    from_help.sort_unstable();
    assert_eq!(from_help, keys, "--only help: {help}");
}
