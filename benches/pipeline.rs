//! End-to-end and per-stage benchmark of `raci audit` on generated matrices, and the speed,
//! size and memory targets checked against it.
//!
//! Run: `cargo bench --bench pipeline` (add `-- --quick` to skip the 50,000-row files).
//! Two kinds of matrix: `raci-*` (`synth::wide_grid`: one Accountable a task, few findings) and
//! `random-*` (`synth::random_grid`: letters drawn at random, most tasks with two
//! Accountables or none, some 2.5 findings a task). Each measurement runs in a child process
//! of this binary so that its peak memory (VmHWM) is its own. Results print as Markdown
//! tables, the ones in the README, ending with every target and whether it was met.

mod common;
use common::peak_kb;
use raci_audit::input::{self, Limits};
use raci_audit::pipeline::{self, Pipeline};
use raci_audit::settings::{self, Outputs, Settings};
use raci_audit::synth;
use raci_audit::{audit, chart, classify, layout, outcome::Outcome, report};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The files measured: kind, tasks, parties, formats.
const FILES: &[(&str, usize, usize, &[&str])] = &[
    ("raci", 50, 10, &["csv", "xlsx", "ods"]),
    ("raci", 1_000, 40, &["csv", "xlsx", "ods"]),
    ("raci", 50_000, 30, &["csv", "xlsx", "ods"]),
    ("random", 50_000, 30, &["csv", "xlsx"]),
];

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

fn file_for(kind: &str, tasks: usize, parties: usize, ext: &str) -> PathBuf {
    data_dir().join(format!("{kind}-{tasks}x{parties}.{ext}"))
}

fn generate() {
    std::fs::create_dir_all(data_dir()).expect("bench data folder");
    for &(kind, t, p, formats) in FILES {
        let grid = match kind {
            "raci" => synth::wide_grid(t, p, 42),
            _ => synth::random_grid(t, p, 42),
        };
        // The CSV form is written for every file: the report folder's size is weighed
        // against it.
        for ext in std::iter::once(&"csv").chain(formats.iter()) {
            let path = file_for(kind, t, p, ext);
            if path.exists() {
                continue;
            }
            let bytes = match *ext {
                "csv" => synth::to_csv(&grid, b','),
                "xlsx" => synth::to_xlsx(&grid, "RACI").expect("xlsx"),
                _ => synth::to_ods(&grid, "RACI").expect("ods"),
            };
            std::fs::write(&path, bytes).expect("write bench file");
        }
    }
}

/// One measurement, in this (child) process: prints `seconds peak_kb`.
fn child(what: &str, path: &Path) {
    let mut settings = Settings::default();
    // Every matrix of the bench runs under the default --max-memory-mb 512, as a user's
    // would: the random ones are estimated at some 450 MB before the audit (footprint.rs,
    // which errs at least 10 % high) and peak at 343 to 369 MB.
    let limits = Limits::default();
    settings.limits = limits;
    let start = Instant::now();
    match what {
        "calamine" => {
            use calamine::{open_workbook, Reader, Xlsx};
            let mut wb: Xlsx<_> = open_workbook(path).expect("open");
            let name = wb.sheet_names()[0].clone();
            let mut reader = wb.worksheet_cells_reader(&name).expect("sheet");
            let mut n = 0usize;
            while let Ok(Some(cell)) = reader.next_cell() {
                if !matches!(cell.get_value(), calamine::DataRef::Empty) {
                    n += 1;
                }
            }
            std::hint::black_box(n);
        }
        "read" => {
            std::hint::black_box(input::read_path(path, &limits).expect("read"));
        }
        "all-stages" => {
            // Each stage timed on its own, in order, printed as `stage seconds`.
            let t = Instant::now();
            let wb = input::read_path(path, &limits).expect("read");
            let read = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let matrix = layout::detect(&wb, &settings.layout).expect("layout");
            let lay = t.elapsed().as_secs_f64();
            let taxonomy = pipeline::load_taxonomy(&settings).expect("taxonomy");
            let t = Instant::now();
            let classifier = classify::Classifier::new(&taxonomy);
            let classes = classify::classify_matrix(&matrix, &classifier, &[]);
            let cls = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let a = audit::run(&matrix, &classes, &taxonomy, &settings.audit);
            let aud = t.elapsed().as_secs_f64();
            let o = Outcome {
                matrix: &matrix,
                classes: &classes,
                taxonomy: &taxonomy,
                audit: &a,
                suggestions: &[],
            };
            let t = Instant::now();
            let charts = chart::render_all(&o, &settings.audit.thresholds).expect("charts");
            let ch = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let opts = report::ReportOptions {
                outputs: settings.outputs.clone(),
                ..report::ReportOptions::default()
            };
            std::hint::black_box(report::render(&o, &charts, &opts).expect("reports"));
            let rep = t.elapsed().as_secs_f64();
            // Two reports on their own, for where the time goes.
            let alone = |outputs: Outputs| {
                let opts = report::ReportOptions {
                    outputs,
                    ..report::ReportOptions::default()
                };
                let t = Instant::now();
                std::hint::black_box(report::render(&o, &charts, &opts).expect("reports"));
                t.elapsed().as_secs_f64()
            };
            let only = |kind: &str| settings::parse_outputs(&[kind]).expect("a report kind");
            let xlsx = alone(only("xlsx"));
            let json = alone(only("json"));
            println!(
                "{read} {lay} {cls} {aud} {rep} {ch} {xlsx} {json} {}",
                peak_kb()
            );
            return;
        }
        "audit" => {
            let pipeline = Pipeline::new(&settings).expect("taxonomy");
            let wb = input::read_path(path, &limits).expect("read");
            let a = pipeline.audit(&wb).expect("audit");
            drop(wb);
            // Written as `raci audit` writes them: the target counts files on disk.
            pipeline.write(&a, &out_dir(path)).expect("write");
        }
        other => panic!("unknown measurement {other}"),
    }
    println!("{} {}", start.elapsed().as_secs_f64(), peak_kb());
}

fn measure(what: &str, path: &Path) -> Vec<f64> {
    let exe = std::env::current_exe().expect("bench binary");
    let out = Command::new(exe)
        .args(["--child", what])
        .arg(path)
        .output()
        .expect("child run");
    assert!(
        out.status.success(),
        "{what} on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// Best of `n` runs (by the first number), to keep noise from the other core out.
fn best_of(n: usize, what: &str, path: &Path) -> Vec<f64> {
    (0..n)
        .map(|_| measure(what, path))
        .min_by(|a, b| a[0].total_cmp(&b[0]))
        .unwrap_or_default()
}

/// Where the in-process `audit` measurement writes the reports of `path`.
fn out_dir(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path.extension().unwrap_or_default().to_string_lossy();
    data_dir().join(format!("out-{stem}-{ext}"))
}

/// The bytes of every file in `dir`.
fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// The `raci` binary cargo built for this bench (release), run as a user would, process start
/// included: the best of 5.
fn process_run(path: &Path) -> f64 {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_raci"));
    let out_dir = data_dir().join("out");
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(&exe)
                .arg("audit")
                .arg(path)
                .arg("-o")
                .arg(&out_dir)
                .arg("--quiet")
                .stdout(std::process::Stdio::null())
                .status()
                .expect("raci");
            assert!(status.success() || status.code() == Some(1));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn ms(s: f64) -> String {
    if s.is_nan() {
        "n/a".into()
    } else {
        format!("{:.0} ms", s * 1000.0)
    }
}

fn mb(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1e6)
}

/// One row of the targets table.
struct Target {
    what: String,
    measured: String,
    met: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "--child" {
        child(&args[2], Path::new(&args[3]));
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    generate();
    println!("| file | read | layout | classify | audit | reports | charts | end to end (in process, files written) | per 10,000 cells | peak memory | calamine alone | ratio |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut targets: Vec<Target> = Vec::new();
    let mut sizes: Vec<String> = Vec::new();
    for &(kind, t, p, formats) in FILES {
        if quick && t > 1_000 {
            continue;
        }
        for ext in formats {
            let path = file_for(kind, t, p, ext);
            let runs = 3;
            let stages = best_of(runs, "all-stages", &path);
            let total = best_of(runs, "audit", &path);
            let peak_mb = total[1] / 1024.0;
            let (cal, ratio) = if *ext == "xlsx" {
                let c = best_of(runs, "calamine", &path)[0];
                (Some(c), format!("{:.2}", total[0] / c))
            } else {
                (None, String::new())
            };
            println!(
                "| {kind} {t} x {p} {ext} | {} | {} | {} | {} | {} | {} | {} | {:.1} ms | {peak_mb:.0} MB | {} | {ratio} |",
                ms(stages[0]),
                ms(stages[1]),
                ms(stages[2]),
                ms(stages[3]),
                ms(stages[4]),
                ms(stages[5]),
                ms(total[0]),
                total[0] * 1000.0 * 10_000.0 / (t * p) as f64,
                cal.map(ms).unwrap_or_default(),
            );
            if t < 50_000 {
                continue;
            }
            let out = out_dir(&path);
            let folder = folder_bytes(&out) as f64;
            let csv = std::fs::metadata(file_for(kind, t, p, "csv")).map_or(0, |m| m.len()) as f64;
            let json = std::fs::metadata(out.join("report.json")).map_or(0, |m| m.len()) as f64;
            let xlsx_file =
                std::fs::metadata(out.join("report.xlsx")).map_or(0, |m| m.len()) as f64;
            sizes.push(format!(
                "| {kind} {t} x {p} {ext} | {} | {} | {} | {:.0} | {} | {} | {} | {:.1} |",
                ms(stages[6]),
                mb(xlsx_file),
                ms(stages[7]),
                json / t as f64,
                mb(json),
                mb(folder),
                mb(csv),
                folder / csv
            ));
            let name = format!("{kind} {t} x {p} {ext}");
            let limit = if kind == "raci" { 200.0 } else { 400.0 };
            targets.push(Target {
                what: format!("{name}: peak memory under {limit:.0} MB"),
                measured: format!("{peak_mb:.0} MB"),
                met: peak_mb < limit,
            });
            targets.push(Target {
                what: format!("{name}: report folder at most 25 x the CSV form"),
                measured: format!("{} / {} = {:.1} x", mb(folder), mb(csv), folder / csv),
                met: folder <= 25.0 * csv,
            });
            targets.push(Target {
                what: format!("{name}: report.json at most 600 bytes a task"),
                measured: format!("{:.0} bytes", json / t as f64),
                met: json <= 600.0 * t as f64,
            });
            if let Some(c) = cal {
                let front = stages[0] + stages[1] + stages[2] + stages[3];
                targets.push(Target {
                    what: format!("{name}: read + layout + classify + audit at most 2 x calamine"),
                    measured: format!("{} / {} = {:.2} x", ms(front), ms(c), front / c),
                    met: front <= 2.0 * c,
                });
                targets.push(Target {
                    what: format!(
                        "{name}: end to end, every report and chart, at most 8 x calamine"
                    ),
                    measured: format!("{} / {} = {:.2} x", ms(total[0]), ms(c), total[0] / c),
                    met: total[0] <= 8.0 * c,
                });
            }
        }
    }
    if !sizes.is_empty() {
        println!();
        println!("| file | report.xlsx alone | report.xlsx size | report.json alone | report.json bytes a task | report.json size | report folder | CSV form | folder / CSV |");
        println!("|---|---|---|---|---|---|---|---|---|");
        for row in &sizes {
            println!("{row}");
        }
    }
    let small = file_for("raci", 50, 10, "xlsx");
    let team = process_run(&small);
    targets.insert(
        0,
        Target {
            what: "raci 50 x 10 xlsx as a process (every report and chart), under 100 ms".into(),
            measured: ms(team),
            met: team < 0.1,
        },
    );
    println!();
    println!("| target | measured | met? |");
    println!("|---|---|---|");
    for t in &targets {
        let met = if t.met { "yes" } else { "**no**" };
        println!("| {} | {} | {met} |", t.what, t.measured);
    }
}
