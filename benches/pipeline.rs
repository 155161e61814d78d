//! End-to-end and per-stage benchmark of `raci audit` on generated matrices.
//!
//! Run: `cargo bench --bench pipeline` (add `-- --quick` to skip the 50,000-row files).
//! Each measurement runs in a child process of this binary so that its peak memory (VmHWM)
//! is its own. Results print as a Markdown table, the one in the README.

use raci_audit::commands::audit::{audit_workbook, taxonomy_for, write_reports};
use raci_audit::input::{self, Limits};
use raci_audit::settings::Settings;
use raci_audit::synth;
use raci_audit::{audit, chart, classify, layout, outcome::Outcome, report};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SIZES: &[(usize, usize)] = &[(50, 10), (1_000, 40), (50_000, 30)];
const FORMATS: &[&str] = &["csv", "xlsx", "ods"];

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

fn file_for(tasks: usize, parties: usize, ext: &str) -> PathBuf {
    data_dir().join(format!("raci-{tasks}x{parties}.{ext}"))
}

fn generate() {
    std::fs::create_dir_all(data_dir()).expect("bench data folder");
    for &(t, p) in SIZES {
        let grid = synth::wide_grid(t, p, 42);
        for ext in FORMATS {
            let path = file_for(t, p, ext);
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

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// One measurement, in this (child) process: prints `seconds peak_kb`.
fn child(what: &str, path: &Path) {
    let settings = Settings::default();
    let limits = Limits::default();
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
            let taxonomy = taxonomy_for(&settings).expect("taxonomy");
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
                excel_csv: false,
                outputs: settings.outputs,
            };
            std::hint::black_box(report::render(&o, &charts, &opts).expect("reports"));
            let rep = t.elapsed().as_secs_f64();
            println!("{read} {lay} {cls} {aud} {rep} {ch} {}", peak_kb());
            return;
        }
        "audit" => {
            let taxonomy = taxonomy_for(&settings).expect("taxonomy");
            let wb = input::read_path(path, &limits).expect("read");
            let a = audit_workbook(&wb, &settings, &taxonomy).expect("audit");
            drop(wb);
            // Written as `raci audit` writes them: the target counts files on disk.
            let dir = data_dir().join("out-in-process");
            write_reports(&a, &settings, &dir).expect("write");
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

/// The release `raci` binary, run as a user would (process start included).
fn process_run(path: &Path) -> f64 {
    let exe = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/raci");
    if !exe.exists() {
        return f64::NAN;
    }
    let out_dir = data_dir().join("out");
    let best = (0..5)
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
        .fold(f64::INFINITY, f64::min);
    best
}

fn ms(s: f64) -> String {
    if s.is_nan() {
        "n/a".into()
    } else {
        format!("{:.0} ms", s * 1000.0)
    }
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
    for &(t, p) in SIZES {
        if quick && t > 1_000 {
            continue;
        }
        for ext in FORMATS {
            let path = file_for(t, p, ext);
            let runs = 3;
            let stages = best_of(runs, "all-stages", &path);
            let total = best_of(runs, "audit", &path);
            let (cal, ratio) = if *ext == "xlsx" {
                let c = best_of(runs, "calamine", &path)[0];
                (ms(c), format!("{:.2}", total[0] / c))
            } else {
                ("".into(), "".into())
            };
            println!(
                "| {t} x {p} {ext} | {} | {} | {} | {} | {} | {} | {} | {:.1} ms | {:.0} MB | {cal} | {ratio} |",
                ms(stages[0]),
                ms(stages[1]),
                ms(stages[2]),
                ms(stages[3]),
                ms(stages[4]),
                ms(stages[5]),
                ms(total[0]),
                total[0] * 1000.0 * 10_000.0 / (t * p) as f64,
                total[1] / 1024.0,
            );
        }
    }
    let small = file_for(50, 10, "xlsx");
    println!();
    println!(
        "`raci audit` on the 50 x 10 xlsx as a process (release build, best of 5, every report and chart): {}",
        ms(process_run(&small))
    );
}
