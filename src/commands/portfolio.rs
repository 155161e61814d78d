//! Portfolio mode of `raci audit`: many inputs (files and folders) audited in parallel, one
//! report folder per team, and a roll-up (`portfolio.csv`, `portfolio.png`) comparing them.
//!
//! One unreadable file does not stop the others: its error goes into the roll-up and the run
//! exits 2 at the end ([`Exit::SomeInputsFailed`]). Everything written is in input order, never
//! in the order the workers happen to finish, so two runs give byte-identical roll-ups.

use crate::anonymize::Pseudonyms;
use crate::audit::{Kind, Severity};
use crate::chart::{canvas, portfolio as chart};
use crate::pipeline::inputs::{error_text, expand_inputs, shown_path};
use crate::pipeline::{folder_name, make_folder, write_atomically, Pipeline};
use crate::report::escape_formula;
use crate::report::registry::PNG;
use crate::{Error, Exit, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The roll-up's file names, written into the output folder beside the team folders.
pub const ROLLUP_CSV: &str = "portfolio.csv";
pub const ROLLUP_PNG: &str = "portfolio.png";

/// The columns of `portfolio.csv`.
pub const ROLLUP_COLUMNS: [&str; 11] = [
    "team", "file", "tasks", "parties", "health", "overlaps", "gaps", "errors", "warnings",
    "infos", "error",
];

/// The numbers one audited team contributes to the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamNumbers {
    pub tasks: usize,
    pub parties: usize,
    pub health: u32,
    /// Rows of the team's `overlaps.csv` and `gaps.csv`.
    pub overlaps: usize,
    pub gaps: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub worst: Option<Severity>,
}

/// One input of a portfolio and how it went.
#[derive(Debug)]
pub struct TeamResult {
    /// The report folder's name under the output folder, unique in the run.
    pub team: String,
    /// The input path as given (or as found in a folder given).
    pub file: PathBuf,
    /// The numbers, or the fatal error that stopped this file (and only this file).
    pub result: Result<TeamNumbers>,
}

/// One report folder name per file: its stem, and for a stem already taken (compared without
/// case, as on macOS and Windows file systems) the stem with `-2`, `-3`, ... The first file in
/// input order keeps the plain stem, so names depend only on the order of the inputs.
pub fn team_names(files: &[PathBuf]) -> Vec<String> {
    // The roll-up's own files sit beside the team folders: no folder may take their names.
    let mut taken: BTreeSet<String> = [ROLLUP_CSV, ROLLUP_PNG]
        .iter()
        .map(|n| n.to_string())
        .collect();
    let stems: Vec<String> = files
        .iter()
        .map(|f| folder_name(&f.file_stem().unwrap_or_default().to_string_lossy()))
        .collect();
    // Plain stems are reserved first, so `team.csv team.xlsx team-2.csv` gives `team`,
    // `team-3`, `team-2` rather than two folders called `team-2`.
    let plain: BTreeSet<String> = stems.iter().map(|s| s.to_lowercase()).collect();
    let mut names = Vec::with_capacity(files.len());
    for stem in stems {
        let mut name = stem.clone();
        let mut n = 1;
        while taken.contains(&name.to_lowercase())
            || (n > 1 && plain.contains(&name.to_lowercase()))
        {
            n += 1;
            name = format!("{stem}-{n}");
        }
        taken.insert(name.to_lowercase());
        names.push(name);
    }
    names
}

/// Audits one file and writes its report folder; the numbers for the roll-up, and the
/// pseudonyms it gave with `--anonymize`.
fn audit_one(file: &Path, dir: &Path, pipeline: &Pipeline) -> Result<(TeamNumbers, Pseudonyms)> {
    let wb = pipeline.read(file)?;
    let audited = pipeline.audit(&wb)?;
    drop(wb);
    pipeline.write(&audited, dir)?;
    let a = &audited.audit;
    let numbers = TeamNumbers {
        tasks: audited.matrix.tasks.len(),
        parties: audited.matrix.parties.len(),
        health: a.health,
        overlaps: a.count_kind(Kind::Overlap),
        gaps: a.count_kind(Kind::Gap),
        errors: a.count(Severity::Error),
        warnings: a.count(Severity::Warning),
        infos: a.count(Severity::Info),
        worst: a.worst(),
    };
    Ok((numbers, audited.names))
}

/// `portfolio.csv`: one row per input, in input order.
pub fn rollup_csv(teams: &[TeamResult], bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::WriterBuilder::new().from_writer(out);
    // Writing into a Vec cannot fail; a failure would only drop the row, never panic.
    let _ = w.write_record(ROLLUP_COLUMNS);
    for t in teams {
        let file = shown_path(&t.file);
        let mut row: Vec<String> = vec![
            escape_formula(&t.team).into_owned(),
            escape_formula(&file).into_owned(),
        ];
        match &t.result {
            Ok(n) => {
                row.extend(
                    [
                        n.tasks,
                        n.parties,
                        n.health as usize,
                        n.overlaps,
                        n.gaps,
                        n.errors,
                        n.warnings,
                        n.infos,
                    ]
                    .map(|v| v.to_string()),
                );
                row.push(String::new());
            }
            Err(e) => {
                row.extend(std::iter::repeat_n(String::new(), 8));
                let message = error_text(e);
                row.push(escape_formula(&crate::report::text::terminal(&message)).into_owned());
            }
        }
        let _ = w.write_record(&row);
    }
    w.into_inner().unwrap_or_default()
}

/// `portfolio.png` for the teams.
pub fn rollup_png(teams: &[TeamResult]) -> Result<Vec<u8>> {
    let scores: Vec<chart::TeamScore> = teams
        .iter()
        .map(|t| match &t.result {
            Ok(n) => chart::TeamScore {
                team: t.team.clone(),
                health: Some(n.health),
                overlaps: n.overlaps,
                gaps: n.gaps,
            },
            Err(_) => chart::TeamScore {
                team: t.team.clone(),
                health: None,
                overlaps: 0,
                gaps: 0,
            },
        })
        .collect();
    let data = chart::portfolio_data(&scores);
    canvas::render_png(ROLLUP_PNG, chart::portfolio_size(&data), |a| {
        chart::draw_portfolio(a, &data)
    })
}

fn progress(total: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Audits every input into `<out>/<team>/` (default `reports/`), writes the roll-up and
/// prints one line per team. The exit: 2 if any input failed, else `--fail-on` over the worst
/// finding of any team.
pub fn run(inputs: &[PathBuf], output: Option<&Path>, pipeline: &Pipeline) -> Result<Exit> {
    let settings = pipeline.settings();
    let out = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("reports"));
    if out.is_file() {
        return Err(Error::Write {
            path: out,
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a file stands where the portfolio folder should go",
            ),
        });
    }
    let inputs = expand_inputs(inputs, &out.join(ROLLUP_CSV))?;
    let files: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
    let names = team_names(&files);
    make_folder(&out)?;

    let bar = progress(files.len(), settings.quiet);
    // `collect` on an indexed parallel iterator keeps input order whatever finishes first.
    let keys = crate::report::InOrder::default();
    let teams: Vec<TeamResult> = inputs
        .par_iter()
        .zip(names.par_iter())
        .enumerate()
        .map(|(i, (input, team))| {
            let file = &input.path;
            let result = match input.problem {
                Some(problem) => Err(problem.error(file)),
                None => audit_one(file, &out.join(team), pipeline).map(|(numbers, names)| {
                    keys.push(i, (team.clone(), names));
                    numbers
                }),
            };
            bar.inc(1);
            bar.set_message(team.clone());
            TeamResult {
                team: team.clone(),
                file: file.clone(),
                result,
            }
        })
        .collect();
    bar.finish_and_clear();

    if let Some(path) = &settings.anonymize_key {
        let keys: Vec<(String, Pseudonyms)> = keys.into_vec();
        write_atomically(path, &Pseudonyms::teams_key_csv(&keys, settings.excel_csv))?;
    }
    let csv_path = out.join(ROLLUP_CSV);
    write_atomically(&csv_path, &rollup_csv(&teams, settings.excel_csv))?;
    let png_path = out.join(ROLLUP_PNG);
    if settings.outputs.wants(&PNG) {
        write_atomically(&png_path, &rollup_png(&teams)?)?;
    }

    let mut stdout = std::io::stdout().lock();
    let stdout_err = |source| Error::Write {
        path: PathBuf::from("-"),
        source,
    };
    for t in &teams {
        let line = match &t.result {
            Ok(n) => format!(
                "{}: health {}/100, {}, {}, {}, {}, {} info",
                t.team,
                n.health,
                canvas::plural(n.overlaps, "overlap", "overlaps"),
                canvas::plural(n.gaps, "gap", "gaps"),
                canvas::plural(n.errors, "error", "errors"),
                canvas::plural(n.warnings, "warning", "warnings"),
                n.infos
            ),
            Err(e) => format!("{}: not audited: {}", t.team, error_text(e)),
        };
        writeln!(stdout, "{}", crate::report::text::terminal(&line)).map_err(stdout_err)?;
    }
    stdout.flush().map_err(stdout_err)?;
    let failed = teams.iter().filter(|t| t.result.is_err()).count();
    if !settings.quiet {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "audited {} of {} files into {}{}",
            teams.len() - failed,
            teams.len(),
            shown_path(&out),
            if failed > 0 {
                format!(
                    "; {} could not be audited (portfolio.csv says why)",
                    canvas::plural(failed, "input", "inputs")
                )
            } else {
                String::new()
            }
        );
        let _ = writeln!(stderr, "wrote {}", csv_path.display());
        if settings.outputs.wants(&PNG) {
            let _ = writeln!(stderr, "wrote {}", png_path.display());
        }
    }
    if failed > 0 {
        return Ok(Exit::SomeInputsFailed);
    }
    let worst = teams
        .iter()
        .filter_map(|t| t.result.as_ref().ok().and_then(|n| n.worst))
        .max();
    Ok(match (settings.fail_on, worst) {
        (Some(limit), Some(worst)) if worst >= limit => Exit::Findings,
        _ => Exit::Done,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn same_stems_get_distinct_names_in_input_order() {
        let names = team_names(&paths(&[
            "a/team.csv",
            "b/team.xlsx",
            "team-2.ods",
            "Team.csv",
            "other.csv",
        ]));
        assert_eq!(names, ["team", "team-3", "team-2", "Team-4", "other"]);
    }

    #[test]
    fn no_team_folder_takes_a_rollup_name() {
        let names = team_names(&paths(&["portfolio.csv.xlsx", "Portfolio.PNG.ods"]));
        assert_eq!(names, ["portfolio.csv-2", "Portfolio.PNG-2"]);
    }

    #[test]
    fn odd_stems_still_get_a_folder() {
        assert_eq!(
            team_names(&paths(&[".csv", "x/", "..."])),
            ["csv", "x", "report"]
        );
    }

    #[test]
    fn rollup_lists_failures_with_their_error() {
        let teams = vec![
            TeamResult {
                team: "=cmd".into(),
                file: PathBuf::from("=cmd.csv"),
                result: Ok(TeamNumbers {
                    tasks: 3,
                    parties: 2,
                    health: 70,
                    overlaps: 1,
                    gaps: 2,
                    errors: 1,
                    warnings: 2,
                    infos: 0,
                    worst: Some(Severity::Error),
                }),
            },
            TeamResult {
                team: "bad".into(),
                file: PathBuf::from("bad.xlsx"),
                result: Err(Error::UnknownFormat {
                    file: "bad.xlsx".into(),
                    reason: "not a zip".into(),
                }),
            },
        ];
        let text = String::from_utf8(rollup_csv(&teams, false)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "team,file,tasks,parties,health,overlaps,gaps,errors,warnings,infos,error"
        );
        assert_eq!(lines[1], "'=cmd,'=cmd.csv,3,2,70,1,2,1,2,0,");
        assert!(
            lines[2].starts_with("bad,bad.xlsx,,,,,,,,,")
                && lines[2].contains("unknown file format (not a zip)"),
            "{}",
            lines[2]
        );
        assert!(rollup_csv(&teams, true).starts_with("\u{feff}".as_bytes()));
    }
}
