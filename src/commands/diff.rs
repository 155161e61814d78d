//! `raci diff OLD NEW`: audits two exports of a team's matrix (any two formats) and writes
//! what changed into a folder: `diff.csv`, `diff.md`, `diff.png`. Two folders are paired file
//! by file (by file name without its extension), with one sub-folder per pair and a roll-up;
//! files without a partner are listed, never dropped.

use crate::anonymize::Pseudonyms;
use crate::audit::Severity;
use crate::chart::diff::{self as chart, DiffChartData};
use crate::diff::report::DiffView;
use crate::diff::{compare, Diff, Status};
use crate::pipeline::inputs::{error_text, expand_inputs};
use crate::pipeline::{folder_name, make_folder, write_atomically, Audited, Pipeline};
use crate::report::{escape_markdown as md, NamedFile};
use crate::settings::Settings;
use crate::{Error, Exit, Result};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The files of one diff, and of the roll-up of a folder diff, in this order.
pub const DIFF_FILES: [&str; 3] = [DIFF_CSV, DIFF_MD, DIFF_PNG];
const DIFF_CSV: &str = "diff.csv";
const DIFF_MD: &str = "diff.md";
const DIFF_PNG: &str = "diff.png";

/// The columns of the roll-up `diff.csv` of two folders.
pub const ROLLUP_COLUMNS: [&str; 14] = [
    "team",
    "old_file",
    "new_file",
    "health_before",
    "health_after",
    "fixed",
    "new",
    "still",
    "tasks_added",
    "tasks_removed",
    "tasks_renamed",
    "letters_changed",
    "worst_new",
    "error",
];

/// What `raci diff` needs beyond the settings.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// Exit 1 when a new finding reaches this severity.
    pub fail_on_new: Option<Severity>,
}

/// Both audits and their diff, owned.
#[derive(Debug)]
pub struct Compared {
    pub old: Audited,
    pub new: Audited,
    pub diff: Diff,
}

impl Compared {
    /// Reads, audits and compares two files.
    ///
    /// With `--anonymize` the new file goes on from the old file's pseudonyms, so a person
    /// in both has one pseudonym and the parties still match; `new.names` then holds them all.
    pub fn of(old: &Path, new: &Path, pipeline: &Pipeline) -> Result<Self> {
        let audit = |path: &Path, names: Pseudonyms| -> Result<Audited> {
            let wb = pipeline.read(path)?;
            pipeline.audit_as(&wb, names)
        };
        let (old, new) = if pipeline.settings().anonymize {
            let old = audit(old, Pseudonyms::default())?;
            let new = audit(new, old.names.clone())?;
            (old, new)
        } else {
            let (old, new) = rayon::join(
                || audit(old, Pseudonyms::default()),
                || audit(new, Pseudonyms::default()),
            );
            (old?, new?)
        };
        let diff = compare(&old.outcome(), &new.outcome());
        Ok(Compared { old, new, diff })
    }

    pub fn chart_data(&self) -> DiffChartData {
        chart::diff_data(
            &self.old.audit.findings,
            &self.new.audit.findings,
            self.diff.count(Status::Fixed),
            self.diff.count(Status::New),
        )
    }

    /// `diff.csv`, `diff.md`, `diff.png`, in memory; the chart drawn from `chart`, this
    /// comparison's [`Compared::chart_data`] (a folder's roll-up keeps it too).
    pub fn files(&self, settings: &Settings, chart: &DiffChartData) -> Result<Vec<NamedFile>> {
        let (old, new) = (self.old.outcome(), self.new.outcome());
        let view = DiffView {
            old: &old,
            new: &new,
            diff: &self.diff,
        };
        let png = chart::render(chart)?;
        Ok(vec![
            (DIFF_CSV.to_string(), view.csv(settings.excel_csv)),
            (
                DIFF_MD.to_string(),
                view.markdown(Some(DIFF_PNG)).into_bytes(),
            ),
            (DIFF_PNG.to_string(), png),
        ])
    }

    /// Whether a new finding reaches `limit`.
    pub fn fails(&self, limit: Option<Severity>) -> bool {
        match (limit, self.diff.worst_new(&self.new.audit.findings)) {
            (Some(limit), Some(worst)) => worst >= limit,
            _ => false,
        }
    }
}

/// `reports/<old stem>-vs-<new stem>`.
pub fn default_dir(old: &Path, new: &Path) -> PathBuf {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "input".into())
    };
    PathBuf::from("reports").join(format!("{}-vs-{}", stem(old), stem(new)))
}

/// Writes `files` into `dir`, each through a temporary file, so no reader sees half a file.
fn write_files(dir: &Path, files: &[NamedFile]) -> Result<Vec<PathBuf>> {
    make_folder(dir)?;
    files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            write_atomically(&path, bytes).map(|()| path)
        })
        .collect()
}

/// `raci diff OLD NEW`: two files, or two folders.
pub fn run(
    old: &Path,
    new: &Path,
    output: Option<&Path>,
    options: &DiffOptions,
    settings: &Settings,
) -> Result<Exit> {
    let pipeline = Pipeline::new(settings)?;
    let dir = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_dir(old, new));
    match (old.is_dir(), new.is_dir()) {
        (false, false) => run_pair(old, new, &dir, options, &pipeline),
        (true, true) => run_folders(old, new, &dir, options, &pipeline),
        _ => Err(Error::Usage(format!(
            "raci diff compares two files or two folders; {} is a {} and {} is a {}",
            old.display(),
            if old.is_dir() { "folder" } else { "file" },
            new.display(),
            if new.is_dir() { "folder" } else { "file" },
        ))),
    }
}

fn run_pair(
    old: &Path,
    new: &Path,
    dir: &Path,
    options: &DiffOptions,
    pipeline: &Pipeline,
) -> Result<Exit> {
    let settings = pipeline.settings();
    let c = Compared::of(old, new, pipeline)?;
    pipeline.write_key(&c.new.names)?;
    let written = write_files(dir, &c.files(settings, &c.chart_data())?)?;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", c.diff.headline());
    if !settings.quiet {
        let mut stderr = std::io::stderr().lock();
        for path in &written {
            let _ = writeln!(stderr, "wrote {}", path.display());
        }
    }
    Ok(if c.fails(options.fail_on_new) {
        Exit::Findings
    } else {
        Exit::Done
    })
}

/// One file of a folder diff and its partner, if any.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The sub-folder name: the file name without its extension.
    pub team: String,
    pub old: Option<PathBuf>,
    pub new: Option<PathBuf>,
}

/// Pairs the files of two folders by the sub-folder their diff goes to: the name without
/// extension (any case, leading dots and spaces trimmed, `team-` before a roll-up file's
/// name): `team.xlsx` in the old folder with `team.csv` in the new one. A name two files of one folder share pairs its
/// first file (by file name); the others are listed unpaired. Sorted by team name.
pub fn pair_files(old: &[PathBuf], new: &[PathBuf]) -> Vec<Pair> {
    // The roll-up's files sit beside the sub-folders: no sub-folder may take their names.
    let reserved = |team: &str| DIFF_FILES.iter().any(|f| f.eq_ignore_ascii_case(team));
    // Files pair by the folder their reports go to, so two pairs never share one.
    let stem = |p: &Path| {
        let clean = folder_name(&p.file_stem().unwrap_or_default().to_string_lossy());
        if reserved(&clean) {
            format!("team-{clean}")
        } else {
            clean
        }
    };
    let mut by_key: BTreeMap<String, Pair> = BTreeMap::new();
    let mut extra: Vec<Pair> = Vec::new();
    for (files, is_old) in [(old, true), (new, false)] {
        for f in files {
            let team = stem(f);
            let key = team.to_lowercase();
            let entry = by_key.entry(key).or_insert_with(|| Pair {
                team: team.clone(),
                old: None,
                new: None,
            });
            let slot = if is_old {
                &mut entry.old
            } else {
                &mut entry.new
            };
            if slot.is_none() {
                *slot = Some(f.clone());
            } else {
                extra.push(Pair {
                    team: team.clone(),
                    old: is_old.then(|| f.clone()),
                    new: (!is_old).then(|| f.clone()),
                });
            }
        }
    }
    let mut pairs: Vec<Pair> = by_key.into_values().chain(extra).collect();
    // Stable: a name's paired entry stays before its extra files.
    pairs.sort_by_key(|p| p.team.to_lowercase());
    pairs
}

/// How one pair of a folder diff went.
#[derive(Debug)]
struct PairResult {
    pair: Pair,
    outcome: Option<Result<PairNumbers>>,
}

#[derive(Debug)]
struct PairNumbers {
    names: Pseudonyms,
    health: (u32, u32),
    counts: [usize; 3],
    tasks: [usize; 3],
    letters: usize,
    worst_new: Option<Severity>,
    chart: DiffChartData,
}

fn run_folders(
    old: &Path,
    new: &Path,
    dir: &Path,
    options: &DiffOptions,
    pipeline: &Pipeline,
) -> Result<Exit> {
    let settings = pipeline.settings();
    let skip = dir.join(DIFF_CSV);
    // Every entry with a spreadsheet's name is paired; one that cannot be read (a dangling
    // link, say) gets its error in the pair's row when it is opened.
    let paths = |dir: &Path| -> Result<Vec<PathBuf>> {
        Ok(expand_inputs(&[dir.to_path_buf()], &skip)?
            .into_iter()
            .map(|input| input.path)
            .collect())
    };
    let pairs = pair_files(&paths(old)?, &paths(new)?);
    let results: Vec<PairResult> = pairs
        .into_par_iter()
        .map(|pair| {
            let outcome = match (&pair.old, &pair.new) {
                (Some(o), Some(n)) => Some(diff_one(o, n, &dir.join(&pair.team), pipeline)),
                _ => None,
            };
            PairResult { pair, outcome }
        })
        .collect();
    let chart = chart::merge(
        results
            .iter()
            .filter_map(|r| r.outcome.as_ref()?.as_ref().ok())
            .map(|n| &n.chart),
    );
    let files = vec![
        (
            DIFF_CSV.to_string(),
            rollup_csv(&results, settings.excel_csv),
        ),
        (
            DIFF_MD.to_string(),
            rollup_markdown(old, new, &results, &chart).into_bytes(),
        ),
        (DIFF_PNG.to_string(), chart::render(&chart)?),
    ];
    if let Some(path) = &settings.anonymize_key {
        let keys: Vec<(String, Pseudonyms)> = results
            .iter()
            .filter_map(|r| {
                Some((
                    r.pair.team.clone(),
                    r.outcome.as_ref()?.as_ref().ok()?.names.clone(),
                ))
            })
            .collect();
        write_atomically(path, &Pseudonyms::teams_key_csv(&keys, settings.excel_csv))?;
    }
    let written = write_files(dir, &files)?;
    let mut stdout = std::io::stdout().lock();
    for r in &results {
        let line = match &r.outcome {
            Some(Ok(n)) => format!(
                "{}: health {} -> {}; {} fixed, {} new",
                r.pair.team, n.health.0, n.health.1, n.counts[0], n.counts[1]
            ),
            Some(Err(e)) => format!("{}: error: {}", r.pair.team, error_text(e)),
            None => format!("{}: {}", r.pair.team, unpaired(&r.pair)),
        };
        let _ = writeln!(stdout, "{line}");
    }
    if !settings.quiet {
        let mut stderr = std::io::stderr().lock();
        for path in &written {
            let _ = writeln!(stderr, "wrote {}", path.display());
        }
    }
    if results.iter().any(|r| matches!(r.outcome, Some(Err(_)))) {
        return Ok(Exit::SomeInputsFailed);
    }
    let fails = options.fail_on_new.is_some_and(|limit| {
        results
            .iter()
            .filter_map(|r| r.outcome.as_ref()?.as_ref().ok()?.worst_new)
            .any(|w| w >= limit)
    });
    Ok(if fails { Exit::Findings } else { Exit::Done })
}

fn unpaired(p: &Pair) -> String {
    match (&p.old, &p.new) {
        (Some(o), None) => format!("only in the old folder ({}), not compared", o.display()),
        (None, Some(n)) => format!("only in the new folder ({}), not compared", n.display()),
        _ => String::new(),
    }
}

fn diff_one(old: &Path, new: &Path, dir: &Path, pipeline: &Pipeline) -> Result<PairNumbers> {
    let c = Compared::of(old, new, pipeline)?;
    let chart = c.chart_data();
    write_files(dir, &c.files(pipeline.settings(), &chart)?)?;
    let d = &c.diff;
    Ok(PairNumbers {
        names: c.new.names.clone(),
        health: (d.health_before, d.health_after),
        counts: [
            d.count(Status::Fixed),
            d.count(Status::New),
            d.count(Status::Still),
        ],
        tasks: [d.added.len(), d.removed.len(), d.renamed().count()],
        letters: d.letters.len(),
        worst_new: d.worst_new(&c.new.audit.findings),
        chart,
    })
}

fn rollup_csv(results: &[PairResult], bom: bool) -> Vec<u8> {
    let rows = results.iter().map(|r| {
        let path = |p: &Option<PathBuf>| {
            p.as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        };
        let mut row = vec![r.pair.team.clone(), path(&r.pair.old), path(&r.pair.new)];
        match &r.outcome {
            Some(Ok(n)) => {
                row.extend(
                    [
                        n.health.0 as usize,
                        n.health.1 as usize,
                        n.counts[0],
                        n.counts[1],
                        n.counts[2],
                        n.tasks[0],
                        n.tasks[1],
                        n.tasks[2],
                        n.letters,
                    ]
                    .map(|v| v.to_string()),
                );
                row.push(
                    n.worst_new
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default(),
                );
                row.push(String::new());
            }
            other => {
                row.extend(std::iter::repeat_n(String::new(), 10));
                row.push(match other {
                    Some(Err(e)) => error_text(e),
                    _ => unpaired(&r.pair),
                });
            }
        }
        row
    });
    crate::report::csv_rows(&ROLLUP_COLUMNS, rows, bom)
}

fn rollup_markdown(
    old: &Path,
    new: &Path,
    results: &[PairResult],
    chart: &DiffChartData,
) -> String {
    use std::fmt::Write as _;
    let ok: Vec<(&Pair, &PairNumbers)> = results
        .iter()
        .filter_map(|r| Some((&r.pair, r.outcome.as_ref()?.as_ref().ok()?)))
        .collect();
    let fixed: usize = ok.iter().map(|(_, n)| n.counts[0]).sum();
    let new_count: usize = ok.iter().map(|(_, n)| n.counts[1]).sum();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# RACI diff: {} -> {}\n",
        md(&old.display().to_string()),
        md(&new.display().to_string())
    );
    let _ = writeln!(
        s,
        "**{} compared: {fixed} {} fixed, {new_count} new**\n",
        ok.len(),
        if fixed == 1 { "finding" } else { "findings" }
    );
    if !ok.is_empty() {
        s.push_str("| team | health | fixed | new | still | tasks added | removed | renamed | cells changed |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (p, n) in &ok {
            let _ = writeln!(
                s,
                "| [{}](<{}/diff.md>) | {} -> {} | {} | {} | {} | {} | {} | {} | {} |",
                md(&p.team),
                p.team.replace('>', "%3E"),
                n.health.0,
                n.health.1,
                n.counts[0],
                n.counts[1],
                n.counts[2],
                n.tasks[0],
                n.tasks[1],
                n.tasks[2],
                n.letters
            );
        }
        s.push('\n');
    }
    let problems: Vec<String> = results
        .iter()
        .filter_map(|r| match &r.outcome {
            Some(Ok(_)) => None,
            Some(Err(e)) => Some(format!("- {}: {}", md(&r.pair.team), md(&error_text(e)))),
            None => Some(format!(
                "- {}: {}",
                md(&r.pair.team),
                md(&unpaired(&r.pair))
            )),
        })
        .collect();
    if !problems.is_empty() {
        let _ = writeln!(s, "## Not compared ({})\n", problems.len());
        for line in problems {
            let _ = writeln!(s, "{line}");
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Chart\n\n![{}](<diff.png>)\n", md(&chart.headline()));
    s.push_str("Each team's folder holds its own `diff.csv`, `diff.md` and `diff.png`.\n");
    s
}
