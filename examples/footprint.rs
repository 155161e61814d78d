//! Measures how well `Matrix::estimated_run_bytes` (src/model/footprint.rs) predicts a run's
//! peak memory: writes matrices of any size, name length and letter density, and prints the
//! estimate for a file, to set beside the peak `/usr/bin/time -v` reports for `raci audit`.
//! `benches/footprint.sh` runs the whole table.
//!
//! ```text
//! cargo run --release --example footprint -- gen KIND TASKS PARTIES TASK_NAME PARTY_NAME DENSITY OUT
//! cargo run --release --example footprint -- estimate FILE
//! ```
//!
//! KIND is `clean` (one A and one R a task, C and I filling up to DENSITY percent of the cells)
//! or `random` (every cell drawn as `synth::random_grid` draws it, DENSITY percent non-empty);
//! TASK_NAME and PARTY_NAME are name lengths in bytes; OUT ends in `.csv` or `.xlsx`.

use raci_audit::input::{self, Limits};
use raci_audit::settings::Settings;
use raci_audit::synth::{self, Rng};
use std::path::Path;

const WORDS: &[&str] = &[
    "roadmap", "backlog", "release", "customer", "review", "budget", "pricing", "launch",
    "support", "quality", "design", "research", "metrics", "contract", "training", "vendor",
];

/// `base` grown with words drawn from `rng` to `len` bytes (cut at a character boundary).
fn padded(rng: &mut Rng, base: String, len: usize) -> String {
    let mut name = base;
    while name.len() < len {
        name.push(' ');
        name.push_str(rng.pick(WORDS));
    }
    name.truncate(len.max(1));
    name.trim_end().to_string()
}

fn grid(
    kind: &str,
    tasks: usize,
    parties: usize,
    task_len: usize,
    party_len: usize,
    density: usize,
) -> Vec<Vec<String>> {
    let mut rng = Rng::new(7);
    let roles = [
        "Product Owner",
        "Product Manager",
        "Engineering Lead",
        "UX Designer",
        "QA Lead",
    ];
    let mut header = vec!["Task".to_string()];
    for p in 0..parties {
        let base = format!("{} {}", roles[p % roles.len()], p + 1);
        header.push(padded(&mut rng, base, party_len));
    }
    let mut rows = vec![header];
    for t in 0..tasks {
        if t % 12 == 0 {
            rows.push(vec![format!("Phase {}", t / 12 + 1)]);
        }
        let mut row = vec![String::new(); parties + 1];
        let base = format!("Task {} {}", t + 1, rng.pick(WORDS));
        row[0] = padded(&mut rng, base, task_len);
        let cells = &mut row[1..];
        if kind == "clean" {
            let a = rng.below(parties);
            cells[a] = "A".into();
            let r = rng.below(parties);
            cells[r] = if r == a { "A/R".into() } else { "R".into() };
            for cell in cells.iter_mut() {
                if cell.is_empty() && rng.below(100) < density {
                    *cell = if rng.below(2) == 0 { "C" } else { "I" }.into();
                }
            }
        } else {
            for cell in cells.iter_mut() {
                if rng.below(100) >= density {
                    continue;
                }
                // The proportions of `synth::random_grid` among its non-empty cells.
                *cell = match rng.below(57) {
                    0..=4 => "A",
                    5..=16 => "R",
                    17 => "A/R",
                    18..=33 => "C",
                    34..=55 => "I",
                    _ => "X",
                }
                .into();
            }
        }
        rows.push(row);
    }
    rows
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize| args[i].parse::<usize>().expect("a number");
    match args.first().map(String::as_str) {
        Some("gen") => {
            // `synth`: the bench's own random matrix (`synth::random_grid`, seed 42).
            let g = if args[1] == "synth" {
                synth::random_grid(num(2), num(3), 42)
            } else {
                grid(&args[1], num(2), num(3), num(4), num(5), num(6))
            };
            let out = &args[7];
            let bytes = if out.ends_with(".xlsx") {
                synth::to_xlsx(&g, "RACI").expect("xlsx")
            } else {
                synth::to_csv(&g, b',')
            };
            std::fs::write(out, bytes).expect("write");
        }
        Some("estimate") => {
            let limits = Limits {
                max_memory_bytes: 64 << 30,
                ..Limits::default()
            };
            let wb = input::read_path(Path::new(&args[1]), &limits).expect("read");
            let settings = Settings::default();
            let m = raci_audit::layout::detect(&wb, &settings.layout).expect("layout");
            // The estimate, then what it is made of: tasks, parties, letters, task name bytes
            // (with group and context), party name bytes per letter, task name bytes per letter
            // of a titled party, party name bytes (with title), issues, issue name bytes.
            let task_len = |t: &raci_audit::model::Task| {
                (t.name.len()
                    + t.group.as_ref().map_or(0, |g| g.len())
                    + t.context.as_ref().map_or(0, |c| c.len())) as u64
            };
            let mut f = [0u64; 10];
            f[0] = m.tasks.len() as u64;
            f[1] = m.parties.len() as u64;
            use raci_audit::model::Letter;
            for t in &m.tasks {
                f[3] += task_len(t);
                let count = |l: Letter| t.assignments.iter().filter(|a| a.letters.contains(l)).count();
                f[9] += u64::from(count(Letter::A) != 1) + u64::from(count(Letter::R) == 0);
                for a in &t.assignments {
                    f[2] += 1;
                    let p = &m.parties[a.party];
                    f[4] += p.name.len() as u64;
                    if p.title_side.is_some() {
                        f[5] += task_len(t);
                    }
                }
            }
            for p in &m.parties {
                f[6] += (p.name.len() + p.title.as_ref().map_or(0, |t| t.len())) as u64;
            }
            for i in &m.issues {
                f[7] += 1;
                f[8] += (i.raw.len()
                    + i.task.map_or(0, |t| m.tasks[t].name.len())
                    + i.party.map_or(0, |p| m.parties[p].name.len())) as u64;
            }
            let f: Vec<String> = f.iter().map(u64::to_string).collect();
            println!("{} {}", m.estimated_run_bytes(), f.join(" "));
        }
        _ => eprintln!("usage: footprint gen KIND TASKS PARTIES TASK_NAME PARTY_NAME DENSITY OUT | estimate FILE"),
    }
}
