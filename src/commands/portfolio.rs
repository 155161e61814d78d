//! Portfolio mode of `raci audit`: many inputs (files and folders) audited in parallel, one
//! report folder per team, and a roll-up (`portfolio.csv`, `portfolio.png`) comparing them.
//!
//! One unreadable file does not stop the others: its error goes into the roll-up and the run
//! exits 2 at the end ([`Exit::SomeInputsFailed`]). Everything written is in input order, never
//! in the order the workers happen to finish, so two runs give byte-identical roll-ups.

use super::audit::{audit_workbook, read_input, write_reports};
use crate::anonymize::Pseudonyms;
use crate::audit::{Kind, Severity};
use crate::chart::{canvas, portfolio as chart};
use crate::classify::Taxonomy;
use crate::report::escape_formula;
use crate::settings::Settings;
use crate::{Error, Exit, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// File extensions a folder input expands to (compared without case).
pub const SPREADSHEET_EXTENSIONS: [&str; 8] =
    ["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"];

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

/// Does a folder entry named `name` look like a spreadsheet a folder input takes? By its
/// extension (compared without case); hidden files and the lock files Excel (`~$name.xlsx`)
/// and LibreOffice (`.~lock.name.ods#`) leave behind while a file is open are skipped, since
/// they are not matrices. A name that is not UTF-8 is judged by its readable part, so it is
/// taken (and shown escaped), never silently left out.
fn is_spreadsheet_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    Path::new(name.as_ref())
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            SPREADSHEET_EXTENSIONS
                .iter()
                .any(|x| x.eq_ignore_ascii_case(e))
        })
}

/// One input of a portfolio: a path, and why it cannot be audited when that is known before
/// opening it (a folder entry that is no file).
#[derive(Debug)]
pub struct Input {
    pub path: PathBuf,
    pub problem: Option<EntryProblem>,
}

/// A folder entry with a spreadsheet's name that is not a file that can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryProblem {
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// A symbolic link that cannot be followed (a loop, or a part of its way unreadable).
    UnfollowableLink,
    /// A named pipe, socket or device: opening one could wait forever.
    NotAFile,
}

impl EntryProblem {
    fn error(self, path: &Path) -> Error {
        let why = match self {
            EntryProblem::DanglingLink => {
                "it is a symbolic link to a file that does not exist; fix or remove the link"
            }
            EntryProblem::UnfollowableLink => {
                "it is a symbolic link that cannot be followed (a loop, or a folder on its way \
                 that cannot be read); fix or remove the link"
            }
            EntryProblem::NotAFile => {
                "it is a named pipe, socket or device, not a file; only files in a folder are \
                 audited (name it on its own to read from it)"
            }
        };
        Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(why),
        }
    }
}

/// What a folder entry with a spreadsheet's name is: a file to audit, a folder to skip
/// (`None`), or an entry that cannot be audited and gets its row with the reason.
fn classify_entry(entry: &fs::DirEntry) -> Option<Option<EntryProblem>> {
    let path = entry.path();
    let Ok(kind) = entry.file_type() else {
        // The entry vanished or cannot be looked at: its read error tells which.
        return Some(None);
    };
    if kind.is_dir() {
        return None;
    }
    if kind.is_file() {
        return Some(None);
    }
    if kind.is_symlink() {
        return match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => None,
            Ok(meta) if meta.is_file() => Some(None),
            Ok(_) => Some(Some(EntryProblem::NotAFile)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Some(Some(EntryProblem::DanglingLink))
            }
            Err(_) => Some(Some(EntryProblem::UnfollowableLink)),
        };
    }
    Some(Some(EntryProblem::NotAFile))
}

/// The inputs as a list of files, in the order given; a folder becomes the entries directly
/// inside it that have a spreadsheet's name, sorted by name.
///
/// Not recursive, on purpose: report folders (`reports/<team>/report.xlsx`) are often created
/// inside the folder being audited, and subfolders tend to hold archives and old versions;
/// recursing would audit those as teams. A user who wants subfolders names them.
/// `skip` (the roll-up CSV of this run) is never taken as an input.
///
/// Every entry with a spreadsheet's name is in the list, even one that cannot be audited (a
/// dangling or looping link, a named pipe, a name that is not UTF-8, an unreadable file): its
/// error goes into the roll-up, so the summary's count is of every input.
pub fn expand_inputs(inputs: &[PathBuf], skip: &Path) -> Result<Vec<Input>> {
    let skip = fs::canonicalize(skip).ok();
    let mut files = Vec::new();
    for input in inputs {
        if input == Path::new("-") {
            return Err(Error::Usage(
                "- (standard input) can only be audited on its own, not with other inputs".into(),
            ));
        }
        if !input.is_dir() {
            // Missing or unreadable files stay in the list: their error goes into the roll-up.
            files.push(Input {
                path: input.clone(),
                problem: None,
            });
            continue;
        }
        let entries = fs::read_dir(input).map_err(|source| Error::Read {
            path: input.clone(),
            source,
        })?;
        let mut found: Vec<Input> = entries
            .filter_map(|e| e.ok())
            .filter(|e| is_spreadsheet_name(&e.file_name()))
            .filter_map(|e| {
                let problem = classify_entry(&e)?;
                Some(Input {
                    path: e.path(),
                    problem,
                })
            })
            .filter(|i| skip.is_none() || fs::canonicalize(&i.path).ok() != skip)
            .collect();
        found.sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
        files.extend(found);
    }
    if files.is_empty() {
        let shown: Vec<String> = inputs.iter().map(|p| shown_path(p)).collect();
        return Err(Error::Usage(format!(
            "no spreadsheet files in {}: a folder input takes the .{} files directly inside it",
            shown.join(", "),
            SPREADSHEET_EXTENSIONS.join(" .")
        )));
    }
    Ok(files)
}

/// A path as the roll-up and the console show it: as it is when it is UTF-8 text without
/// control characters, else escaped without loss (`caf\xE9.csv` for a Latin-1 byte,
/// `\u{1b}` for a control character).
pub fn shown_path(path: &Path) -> String {
    crate::report::text::terminal(&crate::input::display_name(path.as_os_str())).into_owned()
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
        .map(|f| {
            f.file_stem()
                // No hidden folders (a leading dot), and never `.` or `..`.
                .map(|s| {
                    s.to_string_lossy()
                        .trim()
                        .trim_start_matches('.')
                        .to_string()
                })
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "report".into())
        })
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
fn audit_one(
    file: &Path,
    dir: &Path,
    settings: &Settings,
    taxonomy: &Taxonomy,
) -> Result<(TeamNumbers, Pseudonyms)> {
    let wb = read_input(file, settings)?;
    let audited = audit_workbook(&wb, settings, taxonomy)?;
    drop(wb);
    write_reports(&audited, settings, dir)?;
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

/// An error with its chain of causes on one line (the CSV cell holds all of it).
pub(crate) fn error_text(e: &Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let line = c.to_string();
        if !text.contains(&line) {
            text.push_str(&format!(": {line}"));
        }
        cause = c.source();
    }
    text
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

/// Writes `bytes` to `path` through a temporary file beside it, so a reader never sees half
/// a roll-up.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(super::cleanup::temp_name(&name));
    let _in_flight =
        super::cleanup::register(&tmp).ok_or_else(|| super::audit::interrupted(&tmp))?;
    let renamed = fs::write(&tmp, bytes)
        .and_then(|()| {
            super::cleanup::finishing(|| fs::rename(&tmp, path)).unwrap_or_else(|| {
                Err(std::io::Error::new(
                    std::io::ErrorKind::Interrupted,
                    "the run was interrupted",
                ))
            })
        })
        .map_err(err);
    if renamed.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    renamed
}

/// Audits every input into `<out>/<team>/` (default `reports/`), writes the roll-up and
/// prints one line per team. The exit: 2 if any input failed, else `--fail-on` over the worst
/// finding of any team.
pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    settings: &Settings,
    taxonomy: &Taxonomy,
) -> Result<Exit> {
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
    super::audit::make_folder(&out)?;

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
                None => {
                    audit_one(file, &out.join(team), settings, taxonomy).map(|(numbers, names)| {
                        keys.push(i, (team.clone(), names));
                        numbers
                    })
                }
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
    if settings.outputs.png {
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
        if settings.outputs.png {
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
    fn folder_inputs_pick_spreadsheets_sorted() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.xlsx",
            "a.CSV",
            "notes.md",
            "~$b.xlsx",
            ".~lock.c.ods#",
            ".hidden.csv",
            "c.ods",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("sub.csv")).unwrap();
        let files = expand_inputs(&[dir.path().to_path_buf()], Path::new("nowhere")).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.CSV", "b.xlsx", "c.ods"]);
        let skip = dir.path().join("a.CSV");
        let files = expand_inputs(&[dir.path().to_path_buf()], &skip).unwrap();
        assert_eq!(files.len(), 2);
    }

    #[test]
    fn empty_folder_and_stdin_are_usage_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = expand_inputs(&[dir.path().to_path_buf()], Path::new("x")).unwrap_err();
        assert!(err.to_string().contains("no spreadsheet files"), "{err}");
        let err = expand_inputs(&paths(&["a.csv", "-"]), Path::new("x")).unwrap_err();
        assert!(err.to_string().contains("standard input"), "{err}");
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
