//! Settings resolved once: defaults, then `raci.toml`, then flags, into one validated value.
//!
//! `raci.toml` is read from the current directory, or from `--config FILE`. It is strict: an
//! unknown key, rule, side or severity is an [`Error::Config`] naming the file, the line and
//! the key. [`CONFIG_REFERENCE`] documents every key (it is part of `docs/rules.md`).

use crate::audit::{find_rule, valid_rules_list, AuditSettings, Severity, RULES};
use crate::classify::Pin;
use crate::cli::{AuditArgs, ReadArgs};
use crate::error::Error;
use crate::input::Limits;
use crate::layout::{FileChoices, LayoutOptions, PmMeans, SheetChoice, Steering};
use crate::model::{SchemeName, Side, TitleSide};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub use crate::report::Outputs;

pub use crate::classify::SignalAddition;
use crate::toml_text::TomlText;

/// Everything a run needs, validated.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Settings {
    pub layout: LayoutOptions,
    pub limits: Limits,
    pub audit: AuditSettings,
    pub pins: Vec<Pin>,
    /// A replacement taxonomy file.
    pub taxonomy_file: Option<PathBuf>,
    pub extra_signals: Vec<SignalAddition>,
    pub fail_on: Option<Severity>,
    pub outputs: Outputs,
    pub excel_csv: bool,
    pub quiet: bool,
    /// `--roster FILE` (or `roster` in `raci.toml`), loaded into `layout.roster` by the
    /// command before the layout runs.
    pub roster_file: Option<PathBuf>,
    /// `--anonymize` (or `anonymize = true`): people's names become pseudonyms right after
    /// the layout ([`crate::anonymize`]).
    pub anonymize: bool,
    /// `--anonymize-key FILE`: where the `pseudonym,name` key goes (never the report folder
    /// unless the user names a file there).
    pub anonymize_key: Option<PathBuf>,
}

/// The file looked for in the current directory when `--config` is not given.
pub const CONFIG_FILE_NAME: &str = "raci.toml";

/// Every key of `raci.toml`, as Markdown (a section of `docs/rules.md`). The example in it is
/// parsed by a test, so it cannot drift from what the loader accepts.
pub const CONFIG_REFERENCE: &str = r#"`raci` reads `raci.toml` from the current directory, or the file given with `--config FILE`.
Settings are resolved once: the defaults, then the file, then command-line flags (a flag wins
over the file). The file is strict: an unknown key, rule, severity or side is an error that
names the file, the line and the key.

| Key | Meaning | Default |
|---|---|---|
| `sheet` | Sheet to read: a name (`"RACI"`) or a 1-based number (`2`) | the sheet with the best matrix |
| `scheme` | Letter scheme: `raci`, `rasci`, `raci-vs`, `daci`, `cairo`, `rapid` | from a legend or the letters present |
| `shape` | Read the matrix in this shape: `wide`, `transposed`, `inverted`, `long` | the best-scored reading |
| `range` | The table is this rectangle of the sheet: `"B4:M40"` | every table is found and the best read |
| `header-rows` | The table's first N rows are its header: 1 to 4 | found |
| `task-column` | The column of task names: `"B"` | found |
| `party-columns` | The columns of the parties' letters: `"D:K"` | found |
| `x-means` | The letter an `x` or a tick stands for: `"R"`, `"A"`, `"C"`, `"I"`, `"S"` or `"V"` | none: each mark is reported (D001) |
| `[files."NAME"]` | For one file of a portfolio, by file name: `sheet` and the six keys above; they win over the keys for every file | none |
| `pm-means` | What `PM` alone means: `product` or `project` | undecided (D004) |
| `roster` | CSV or spreadsheet with `party,title` columns, relative to the file | none |
| `taxonomy-file` | A taxonomy TOML replacing the built-in one, relative to the file | built in |
| `fail-on` | Exit 1 when a finding reaches `info`, `warning` or `error` | off |
| `anonymize` | `true`: people's names become `Person 1`, `Person 2`, ... in every report (titles, roles, teams and task names stay) | `false` |
| `[rules]` | Severity per rule code or name: `ignore`, `info`, `warning` or `error` | each rule's default |
| `[thresholds]` | `max-responsible`, `max-consulted`, `max-informed` (counts), `max-accountable-share`, `max-ra-share` (percent) | 3, 4, 8, 50, 60 |
| `[titles]` | Extra title spellings: text = `"PO"` or `"PM"` | none |
| `[sides]` | Pins: task name, or pattern with `*`, = `"PO"`, `"PM"`, `"shared"` or `"unclassified"` | none |
| `[[cells]]` | Corrected letters, made right after the reading: `task`, `party` (names as the file writes them), `letters` (`"R/A"`, `""` for none), optional `file` (only that file) | none |
| `[taxonomy]` | Extra words per duty id: id = `["word", "phrase"]` | none |
| `[limits]` | `max-file-mb`, `max-cells`, `max-cell-chars`, `max-memory-mb` | 200, 5000000, 32767, 512 |
| `[output]` | `only` (list of `csv`, `png`, `html`, `xlsx`, `json`, `md`), `excel-csv` (true/false) | all outputs, no BOM |

Flags: `--sheet`, `--scheme`, `--shape`, `--range`, `--header-rows`, `--task-column`,
`--party-columns`, `--x-means`, `--pm-means`, `--roster`, `--taxonomy`, `--fail-on`,
`--anonymize`, `--max-file-mb`, `--max-cells`, `--max-cell-chars`, `--max-memory-mb`, `--only`,
`--excel-csv` override the keys
above; `--select` and `--ignore` (codes, names or prefixes such as `R` or `O00`) choose which
rules run. A rule runs when it is selected (or nothing is selected), not ignored, and its
severity is not `ignore`.

```toml
sheet = "RACI"
scheme = "raci"
pm-means = "product"
fail-on = "error"
anonymize = true

[rules]
R006 = "ignore"
multiple-accountable = "warning"
G003 = "warning"

[thresholds]
max-responsible = 2
max-consulted = 5
max-informed = 10
max-accountable-share = 40
max-ra-share = 66.5

[titles]
"Head of Product" = "PM"
"Scrum PO" = "PO"

[sides]
"Release planning" = "PO"
"Market *" = "PM"
"Roadmap review" = "shared"

[[cells]]
file = "team-b.xlsx"
task = "Release planning"
party = "Ann (Product Owner)"
letters = "R/A"

[taxonomy]
po-sprint-priorities = ["iteration planning", "sprint goal"]

[limits]
max-file-mb = 50
max-cells = 1000000
max-cell-chars = 1000
max-memory-mb = 2048

[output]
only = ["csv", "md", "png"]
excel-csv = true

[files."team-b.xlsx"]
sheet = 2
range = "A3:K40"
header-rows = 2
task-column = "B"
party-columns = "D:K"
x-means = "R"
```
"#;

/// `raci.toml` as written. Every table denies unknown keys. Values with one meaning wherever
/// they appear (sheet, scheme, `PM`, severity) are read by their own `Deserialize`, and a bad
/// one is reported with its line and key by [`TomlText::error`]; the reading choices go
/// through [`Steering::set`], the one reader the command line and the serve form share; the
/// tables whose messages name the entry (`[rules]`, `[titles]`, `[sides]`, `[taxonomy]`)
/// keep their text with its place and are checked in [`apply_config`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    sheet: Option<SheetChoice>,
    scheme: Option<SchemeName>,
    shape: Option<Spanned<SteerText>>,
    range: Option<Spanned<SteerText>>,
    header_rows: Option<Spanned<SteerText>>,
    task_column: Option<Spanned<SteerText>>,
    party_columns: Option<Spanned<SteerText>>,
    x_means: Option<Spanned<SteerText>>,
    files: Option<BTreeMap<Spanned<String>, FileConfig>>,
    pm_means: Option<PmMeans>,
    roster: Option<String>,
    taxonomy_file: Option<String>,
    fail_on: Option<Severity>,
    anonymize: Option<bool>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    thresholds: Option<ThresholdsFile>,
    titles: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    sides: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    cells: Option<Vec<CellFile>>,
    taxonomy: Option<BTreeMap<Spanned<String>, Spanned<Vec<String>>>>,
    limits: Option<LimitsFile>,
    output: Option<OutputFile>,
}

/// One `[[cells]]` entry: a corrected cell (see [`crate::layout::CellEdit`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CellFile {
    file: Option<String>,
    task: String,
    party: String,
    letters: String,
}

/// `[files."team.xlsx"]`: the sheet and reading choices for one file of a portfolio.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    sheet: Option<SheetChoice>,
    shape: Option<Spanned<SteerText>>,
    range: Option<Spanned<SteerText>>,
    header_rows: Option<Spanned<SteerText>>,
    task_column: Option<Spanned<SteerText>>,
    party_columns: Option<Spanned<SteerText>>,
    x_means: Option<Spanned<SteerText>>,
}

/// A reading choice as written: a text, or a number (`header-rows = 2`) taken as its text.
#[derive(Debug)]
struct SteerText(String);

impl<'de> Deserialize<'de> for SteerText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SteerText;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text or a number")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SteerText, E> {
                Ok(SteerText(text.to_string()))
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<SteerText, E> {
                Ok(SteerText(n.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

type SteeringKeys<'a> = [(&'static str, &'a Option<Spanned<SteerText>>); 6];

/// The six reading choices of a table that has them (the top level and `[files."NAME"]`), by
/// key. A macro, because the two tables cannot share a flattened struct: serde's `flatten`
/// turns off `deny_unknown_fields` and loses the values' spans.
macro_rules! steering_keys {
    ($table:expr) => {
        [
            ("shape", &$table.shape),
            ("range", &$table.range),
            ("header-rows", &$table.header_rows),
            ("task-column", &$table.task_column),
            ("party-columns", &$table.party_columns),
            ("x-means", &$table.x_means),
        ]
    };
}

/// Sets the reading choices written in a table of `raci.toml`.
fn apply_steering(
    errors: &ConfigErrors,
    steer: &mut Steering,
    keys: SteeringKeys<'_>,
) -> crate::Result<()> {
    for (key, value) in keys {
        let Some(v) = value else { continue };
        steer
            .set(key, &v.get_ref().0)
            .map_err(|detail| Error::Config {
                path: errors.path.to_path_buf(),
                detail: format!("{}{detail}", errors.text.place(v.span().start)),
            })?;
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ThresholdsFile {
    max_responsible: Option<usize>,
    max_consulted: Option<usize>,
    max_informed: Option<usize>,
    max_accountable_share: Option<Spanned<f64>>,
    max_ra_share: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LimitsFile {
    max_file_mb: Option<Spanned<u64>>,
    max_cells: Option<Spanned<u64>>,
    max_cell_chars: Option<Spanned<u64>>,
    max_memory_mb: Option<Spanned<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct OutputFile {
    only: Option<Spanned<Vec<String>>>,
    excel_csv: Option<bool>,
}

/// Builds `Error::Config` messages that point at a line of one file.
struct ConfigErrors<'a> {
    path: &'a Path,
    text: TomlText<'a>,
}

impl ConfigErrors<'_> {
    fn at<T>(&self, spanned: &Spanned<T>, detail: String) -> Error {
        Error::Config {
            path: self.path.to_path_buf(),
            detail: format!("line {}: {detail}", self.text.line(spanned.span().start)),
        }
    }
}

/// A table's entries in the order they were written: the TOML map sorts keys by name, but
/// pins and title spellings are tried in the user's order.
fn in_file_order<V>(map: BTreeMap<Spanned<String>, V>) -> Vec<(Spanned<String>, V)> {
    let mut entries: Vec<(Spanned<String>, V)> = map.into_iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn resolve_path(base: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

/// Reads `raci.toml` text into `settings`, over what is already there.
///
/// `path` names the file in error messages; relative paths inside it (`roster`,
/// `taxonomy-file`) are taken from `base_dir`, the folder the file is in.
pub fn apply_config(
    settings: &mut Settings,
    text: &str,
    path: &Path,
    base_dir: &Path,
) -> crate::Result<()> {
    let errors = ConfigErrors {
        path,
        text: TomlText { text },
    };
    let file: ConfigFile = toml::from_str(text).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        detail: errors.text.error(&e),
    })?;

    if let Some(sheet) = &file.sheet {
        settings.layout.sheet = Some(sheet.clone());
    }
    apply_steering(&errors, &mut settings.layout.steer, steering_keys!(file))?;
    if let Some(files) = &file.files {
        for (name, one) in files {
            let mut choices = FileChoices {
                sheet: one.sheet.clone(),
                ..FileChoices::default()
            };
            apply_steering(&errors, &mut choices.steer, steering_keys!(one))?;
            settings
                .layout
                .per_file
                .insert(name.get_ref().trim().to_string(), choices);
        }
    }
    if let Some(scheme) = file.scheme {
        settings.layout.scheme = Some(scheme);
    }
    if let Some(pm) = file.pm_means {
        settings.layout.pm_means = Some(pm);
    }
    if let Some(roster) = &file.roster {
        settings.roster_file = Some(resolve_path(base_dir, Path::new(roster)));
    }
    if let Some(taxonomy) = &file.taxonomy_file {
        settings.taxonomy_file = Some(resolve_path(base_dir, Path::new(taxonomy)));
    }
    if let Some(fail_on) = file.fail_on {
        settings.fail_on = Some(fail_on);
    }
    if let Some(anonymize) = file.anonymize {
        settings.anonymize = anonymize;
    }
    if let Some(rules) = file.rules {
        for (key, value) in in_file_order(rules) {
            let rule = find_rule(key.get_ref()).ok_or_else(|| {
                errors.at(
                    &key,
                    format!(
                        "unknown rule {:?} in [rules]; valid rules: {}",
                        key.get_ref(),
                        valid_rules_list()
                    ),
                )
            })?;
            let severity = match value.get_ref().trim().to_ascii_lowercase().as_str() {
                "ignore" | "off" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    errors.at(
                        &value,
                        format!(
                            "[rules] {} = {:?}: use ignore, info, warning or error",
                            key.get_ref(),
                            value.get_ref()
                        ),
                    )
                })?),
            };
            settings
                .audit
                .severities
                .insert(rule.code.to_string(), severity);
        }
    }
    if let Some(t) = file.thresholds {
        let th = &mut settings.audit.thresholds;
        if let Some(n) = t.max_responsible {
            th.max_responsible = n;
        }
        if let Some(n) = t.max_consulted {
            th.max_consulted = n;
        }
        if let Some(n) = t.max_informed {
            th.max_informed = n;
        }
        for (value, target, key) in [
            (
                t.max_accountable_share,
                &mut th.max_accountable_share,
                "max-accountable-share",
            ),
            (t.max_ra_share, &mut th.max_ra_share, "max-ra-share"),
        ] {
            if let Some(v) = value {
                let pct = *v.get_ref();
                if !(0.0..=100.0).contains(&pct) {
                    return Err(errors.at(
                        &v,
                        format!("[thresholds] {key} is a percentage from 0 to 100, not {pct}"),
                    ));
                }
                *target = pct;
            }
        }
    }
    if let Some(titles) = file.titles {
        for (key, value) in in_file_order(titles) {
            let side = match Side::parse(value.get_ref()) {
                Some(Side::Po) => TitleSide::Po,
                Some(Side::Pm) => TitleSide::Pm,
                _ => {
                    return Err(errors.at(
                        &value,
                        format!(
                            "[titles] {:?} = {:?}: a title means \"PO\" or \"PM\"",
                            key.get_ref(),
                            value.get_ref()
                        ),
                    ))
                }
            };
            if key.get_ref().trim().is_empty() {
                return Err(errors.at(&key, "[titles] has an empty title".to_string()));
            }
            settings
                .layout
                .title_aliases
                .push((key.get_ref().trim().to_string(), side));
        }
    }
    if let Some(sides) = file.sides {
        for (key, value) in in_file_order(sides) {
            let side = match Side::parse(value.get_ref()) {
                Some(side) => side,
                None => {
                    return Err(errors.at(
                        &value,
                        format!(
                            "[sides] {:?} = {:?}: a side is \"PO\", \"PM\", \"shared\" or \"unclassified\"",
                            key.get_ref(),
                            value.get_ref()
                        ),
                    ))
                }
            };
            if key.get_ref().trim().is_empty() {
                return Err(errors.at(&key, "[sides] has an empty task name".to_string()));
            }
            settings.pins.push(Pin {
                pattern: key.get_ref().trim().to_string(),
                side,
            });
        }
    }
    for c in file.cells.into_iter().flatten() {
        settings.layout.cells.push(crate::layout::CellEdit {
            file: c.file.map(|f| f.trim().to_string()),
            task: c.task.trim().to_string(),
            party: c.party.trim().to_string(),
            letters: c.letters.trim().to_string(),
        });
    }
    if let Some(taxonomy) = file.taxonomy {
        for (key, value) in in_file_order(taxonomy) {
            let signals: Vec<String> = value
                .get_ref()
                .iter()
                .map(|s| s.trim().to_string())
                .collect();
            if signals.is_empty() || signals.iter().any(String::is_empty) {
                return Err(errors.at(
                    &value,
                    format!(
                        "[taxonomy] {}: give a list of non-empty words, like [\"sprint goal\"]",
                        key.get_ref()
                    ),
                ));
            }
            settings.extra_signals.push(SignalAddition {
                duty: key.get_ref().trim().to_string(),
                signals,
            });
        }
    }
    if let Some(limits) = file.limits {
        for (value, target, key) in [
            (
                &limits.max_file_mb,
                &mut settings.limits.max_file_bytes,
                "max-file-mb",
            ),
            (
                &limits.max_memory_mb,
                &mut settings.limits.max_memory_bytes,
                "max-memory-mb",
            ),
        ] {
            if let Some(mb) = value {
                *target = megabytes(*mb.get_ref())
                    .map_err(|why| errors.at(mb, format!("[limits] {key} {why}")))?;
            }
        }
        if let Some(n) = &limits.max_cells {
            settings.limits.max_cells = positive(*n.get_ref())
                .ok_or_else(|| errors.at(n, "[limits] max-cells must be 1 or more".into()))?;
        }
        if let Some(n) = &limits.max_cell_chars {
            settings.limits.max_cell_chars = positive(*n.get_ref())
                .ok_or_else(|| errors.at(n, "[limits] max-cell-chars must be 1 or more".into()))?;
        }
    }
    if let Some(output) = file.output {
        if let Some(only) = &output.only {
            settings.outputs = parse_outputs(only.get_ref())
                .map_err(|detail| errors.at(only, format!("[output] only: {detail}")))?;
        }
        if let Some(excel) = output.excel_csv {
            settings.excel_csv = excel;
        }
    }
    Ok(())
}

fn positive(n: u64) -> Option<u64> {
    (n >= 1).then_some(n)
}

/// The largest megabyte figure that still counts in bytes.
const MAX_MB: u64 = u64::MAX / (1024 * 1024);

/// Megabytes as bytes, or why not: 0 is no limit at all, and a figure past [`MAX_MB`] does not
/// fit (it is not "less than 1", whatever the overflow would say).
fn megabytes(mb: u64) -> Result<u64, String> {
    match mb {
        0 => Err("must be 1 or more".into()),
        mb if mb > MAX_MB => Err(format!("= {mb} is too large: at most {MAX_MB}")),
        mb => Ok(mb * 1024 * 1024),
    }
}

/// The outputs named in `--only` or `[output] only`; an unknown kind is an error naming it.
pub fn parse_outputs<S: AsRef<str>>(kinds: &[S]) -> Result<Outputs, String> {
    crate::report::Registry::default().parse_only(kinds)
}

/// Reads the configuration file, if one is given or found: `(path as shown, text, folder)`.
fn load_config(
    given: Option<&Path>,
    cwd: &Path,
    max_bytes: u64,
) -> crate::Result<Option<(PathBuf, String, PathBuf)>> {
    let (shown, full) = match given {
        Some(p) => (p.to_path_buf(), resolve_path(cwd, p)),
        None => {
            let full = cwd.join(CONFIG_FILE_NAME);
            if !full.is_file() {
                return Ok(None);
            }
            (PathBuf::from(CONFIG_FILE_NAME), full)
        }
    };
    if full.is_dir() {
        return Err(Error::IsDirectory { path: shown });
    }
    let text = crate::input::read_small_text(&full, max_bytes).map_err(|e| match e {
        Error::Read { source, .. } => Error::Read {
            path: shown.clone(),
            source,
        },
        Error::NotUtf8 { at, .. } => Error::NotUtf8 {
            path: shown.clone(),
            at,
        },
        other => other,
    })?;
    let folder = full
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf());
    Ok(Some((shown, text, folder)))
}

/// Checks `--select`/`--ignore` entries: each must be a code, a name or a code prefix of at
/// least one rule. Empty entries (`R001,,R002`) are dropped.
fn rule_selectors(flag: &str, items: &[String]) -> crate::Result<Vec<String>> {
    let mut out = Vec::new();
    for item in items {
        let s = item.trim();
        if s.is_empty() {
            continue;
        }
        if !RULES.iter().any(|r| r.matches(s)) {
            return Err(Error::Usage(format!(
                "unknown rule {s:?} in {flag}; give codes, names or code prefixes (R, O00). Valid rules: {}",
                valid_rules_list()
            )));
        }
        out.push(s.to_string());
    }
    Ok(out)
}

fn limit_flag(value: Option<u64>, flag: &str) -> crate::Result<Option<u64>> {
    match value {
        Some(0) => Err(Error::Usage(format!("{flag} must be 1 or more"))),
        other => Ok(other),
    }
}

/// Settings for the commands that read a matrix (`inspect`, `classify`, and `audit` before its
/// own flags): defaults, then `raci.toml`, then the flags of `read`.
pub fn resolve_read(read: &ReadArgs, cwd: &Path) -> crate::Result<Settings> {
    let mut settings = Settings::default();
    // The file is read before the flags are applied, but a flag that raises the file cap
    // raises it for the configuration too.
    let max_bytes = read
        .max_file_mb
        .and_then(|mb| megabytes(mb).ok())
        .unwrap_or(settings.limits.max_file_bytes);
    if let Some((path, text, folder)) = load_config(read.config.as_deref(), cwd, max_bytes)? {
        apply_config(&mut settings, &text, &path, &folder)?;
    }
    if let Some(sheet) = &read.sheet {
        let choice = sheet
            .parse()
            .map_err(|detail| Error::Usage(format!("--sheet {}: {detail}", sheet.trim())))?;
        settings.layout.sheet = Some(choice);
    }
    if let Some(scheme) = read.scheme {
        settings.layout.scheme = Some(scheme);
    }
    if let Some(roster) = &read.roster {
        settings.roster_file = Some(resolve_path(cwd, roster));
    }
    if let Some(pm) = read.pm_means {
        settings.layout.pm_means = Some(pm);
    }
    if let Some(taxonomy) = &read.taxonomy {
        settings.taxonomy_file = Some(resolve_path(cwd, taxonomy));
    }
    for (value, target, flag) in [
        (
            read.max_file_mb,
            &mut settings.limits.max_file_bytes,
            "--max-file-mb",
        ),
        (
            read.max_memory_mb,
            &mut settings.limits.max_memory_bytes,
            "--max-memory-mb",
        ),
    ] {
        if let Some(mb) = value {
            *target = megabytes(mb)
                .map_err(|why| Error::Usage(format!("{flag} {}", why.trim_start_matches("= "))))?;
        }
    }
    if let Some(n) = limit_flag(read.max_cells, "--max-cells")? {
        settings.limits.max_cells = n;
    }
    if let Some(n) = limit_flag(read.max_cell_chars, "--max-cell-chars")? {
        settings.limits.max_cell_chars = n;
    }
    if let Some(shape) = read.shape {
        settings.layout.steer.shape = Some(shape);
    }
    for (key, value) in [
        ("range", &read.range),
        ("header-rows", &read.header_rows),
        ("task-column", &read.task_column),
        ("party-columns", &read.party_columns),
        ("x-means", &read.x_means),
    ] {
        if let Some(v) = value {
            settings
                .layout
                .steer
                .set(key, v)
                .map_err(|detail| Error::Usage(format!("--{key} {v}: {detail}")))?;
        }
    }
    Ok(settings)
}

/// Settings for `raci audit`: [`resolve_read`], then the audit flags.
pub fn resolve_audit(args: &AuditArgs, cwd: &Path) -> crate::Result<Settings> {
    let mut settings = resolve_read(&args.read, cwd)?;
    if let Some(fail_on) = args.fail_on {
        settings.fail_on = Some(fail_on);
    }
    settings.audit.select = rule_selectors("--select", &args.select)?;
    settings.audit.ignore = rule_selectors("--ignore", &args.ignore)?;
    if !args.only.is_empty() {
        settings.outputs = parse_outputs(&args.only)
            .map_err(|detail| Error::Usage(format!("--only: {detail}")))?;
    }
    if args.excel_csv {
        settings.excel_csv = true;
    }
    if args.quiet {
        settings.quiet = true;
    }
    apply_anonymize(&mut settings, &args.anonymize, cwd);
    Ok(settings)
}

/// `--anonymize` and `--anonymize-key FILE` (which implies `--anonymize`) over the file's
/// `anonymize`.
pub fn apply_anonymize(settings: &mut Settings, args: &crate::cli::AnonymizeArgs, cwd: &Path) {
    if args.anonymize {
        settings.anonymize = true;
    }
    if let Some(key) = &args.anonymize_key {
        settings.anonymize = true;
        settings.anonymize_key = Some(resolve_path(cwd, key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> crate::Result<Settings> {
        let mut s = Settings::default();
        apply_config(&mut s, text, Path::new("raci.toml"), Path::new("/cfg"))?;
        Ok(s)
    }

    fn config_error(text: &str) -> String {
        match load(text) {
            Err(e @ Error::Config { .. }) => e.to_string(),
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn reference_example_loads() {
        let example = CONFIG_REFERENCE
            .split("```toml\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap();
        let s = load(example).unwrap();
        assert_eq!(s.layout.sheet, Some(SheetChoice::Name("RACI".into())));
        assert_eq!(s.layout.scheme, Some(SchemeName::Raci));
        assert_eq!(s.layout.pm_means, Some(PmMeans::Product));
        assert_eq!(s.fail_on, Some(Severity::Error));
        assert!(s.anonymize);
        assert_eq!(s.audit.severities.get("R006"), Some(&None));
        assert_eq!(
            s.audit.severities.get("R002"),
            Some(&Some(Severity::Warning))
        );
        assert_eq!(s.audit.thresholds.max_responsible, 2);
        assert_eq!(s.audit.thresholds.max_accountable_share, 40.0);
        assert_eq!(s.audit.thresholds.max_ra_share, 66.5);
        // Written order, not alphabetical.
        assert_eq!(
            s.layout.title_aliases,
            vec![
                ("Head of Product".to_string(), TitleSide::Pm),
                ("Scrum PO".to_string(), TitleSide::Po)
            ]
        );
        let pins: Vec<_> = s
            .pins
            .iter()
            .map(|p| (p.pattern.as_str(), p.side))
            .collect();
        assert_eq!(
            pins,
            vec![
                ("Release planning", Side::Po),
                ("Market *", Side::Pm),
                ("Roadmap review", Side::Shared)
            ]
        );
        assert_eq!(s.extra_signals[0].duty, "po-sprint-priorities");
        assert_eq!(s.limits.max_file_bytes, 50 * 1024 * 1024);
        assert_eq!(s.limits.max_cells, 1_000_000);
        assert_eq!(s.limits.max_memory_bytes, 2048 * 1024 * 1024);
        let b = &s.layout.per_file["team-b.xlsx"];
        assert_eq!(b.sheet, Some(SheetChoice::Number(2)));
        assert_eq!(
            b.steer.flags(),
            "--range A3:K40 --header-rows 2 --task-column B --party-columns D:K --x-means R"
        );
        let on = |k: &str| s.outputs.has(k);
        assert!(on("csv") && on("md") && on("png"));
        assert!(!on("html") && !on("xlsx") && !on("json"));
        assert!(s.excel_csv);
        assert_eq!(
            s.layout.cells,
            vec![crate::layout::CellEdit {
                file: Some("team-b.xlsx".into()),
                task: "Release planning".into(),
                party: "Ann (Product Owner)".into(),
                letters: "R/A".into(),
            }]
        );
    }

    #[test]
    fn cells_need_task_party_and_letters_and_a_side_may_be_unclassified() {
        let s = load("[sides]\n\"Payroll\" = \"unclassified\"\n").unwrap();
        assert_eq!(s.pins[0].side, Side::Unclassified);
        let msg = config_error("[[cells]]\ntask = \"Plan\"\nletters = \"A\"\n");
        assert!(msg.contains("party"), "{msg}");
        let msg =
            config_error("[[cells]]\ntask = \"Plan\"\nparty = \"Ann\"\nletters = \"A\"\nrow = 3\n");
        assert!(msg.contains("unknown key"), "{msg}");
    }

    #[test]
    fn unknown_keys_name_key_file_and_line() {
        let msg = config_error("fail-on = \"error\"\ncolour = \"red\"\n");
        assert!(
            msg.starts_with("raci.toml: invalid configuration: line 2:"),
            "{msg}"
        );
        assert!(msg.contains("colour"), "{msg}");
        let msg = config_error("[thresholds]\nmax-responsible = 3\nmax-owners = 1\n");
        assert!(
            msg.contains("line 3, in [thresholds]: unknown key `max-owners`"),
            "{msg}"
        );
    }

    #[test]
    fn bad_values_are_errors_with_lines() {
        let msg = config_error("[rules]\nR999 = \"error\"\n");
        assert!(
            msg.contains("line 2")
                && msg.contains("R999")
                && msg.contains("R001 (missing-accountable)"),
            "{msg}"
        );
        let msg = config_error("[rules]\nR001 = \"fatal\"\n");
        assert!(
            msg.contains("fatal") && msg.contains("ignore, info, warning or error"),
            "{msg}"
        );
        let msg = config_error("[sides]\n\"Plan\" = \"marketing\"\n");
        assert!(msg.contains("\"Plan\"") && msg.contains("shared"), "{msg}");
        let msg = config_error("[titles]\n\"Boss\" = \"shared\"\n");
        assert!(msg.contains("Boss"), "{msg}");
        let msg = config_error("[thresholds]\nmax-ra-share = 150\n");
        assert!(msg.contains("max-ra-share") && msg.contains("150"), "{msg}");
        let msg = config_error("[output]\nonly = [\"pdf\"]\n");
        assert!(msg.contains("pdf") && msg.contains("csv, md"), "{msg}");
        let msg = config_error("sheet = 0\n");
        assert!(msg.contains("sheet"), "{msg}");
        let msg = config_error("[taxonomy]\npo-x = []\n");
        assert!(msg.contains("po-x"), "{msg}");
        let msg = config_error("task-column = \"B4\"\n");
        assert!(
            msg.contains("line 1: `task-column`: \"B4\" is not a column"),
            "{msg}"
        );
        let msg = config_error("[files.\"a.xlsx\"]\nshape = \"round\"\n");
        assert!(
            msg.contains("line 2, in [files.\"a.xlsx\"]: `shape`: \"round\" is not a shape"),
            "{msg}"
        );
        let msg = config_error("[files.\"a.xlsx\"]\ncolour = 1\n");
        assert!(msg.contains("colour"), "{msg}");
        let msg = config_error("[rules\n");
        assert!(msg.contains("line 1"), "{msg}");
    }

    #[test]
    fn typed_values_name_line_table_and_key() {
        for (text, expected) in [
            (
                "scheme = \"x\"\n",
                "line 1: `scheme`: \"x\" is not a scheme; use raci, rasci, raci-vs",
            ),
            (
                "anonymize = true\npm-means = \"prod\"\n",
                "line 2: `pm-means`: \"prod\" is not what PM may mean",
            ),
            (
                "fail-on = \"fatal\"\n",
                "line 1: `fail-on`: \"fatal\" is not a severity; use info, warning or error",
            ),
            (
                "sheet = 0\n",
                "line 1: `sheet`: 0 is not a sheet; give a sheet name or a number from 1",
            ),
            (
                "[files.\"a.xlsx\"]\nsheet = true\n",
                "line 2, in [files.\"a.xlsx\"]: `sheet`: invalid type: boolean `true`, expected a sheet name",
            ),
            (
                "[limits]\nmax-cells = -1\n",
                "line 2, in [limits]: `max-cells`: invalid value: integer `-1`, expected a whole number",
            ),
            (
                "shape = true\n",
                "line 1: `shape`: invalid type: boolean `true`, expected a text or a number",
            ),
        ] {
            let msg = config_error(text);
            assert!(msg.contains(expected), "{text:?}: {msg}");
        }
    }

    #[test]
    fn typed_values_take_any_case_and_aliases() {
        let s = load(
            "scheme = \"RACI_VS\"\npm-means = \"Project\"\nfail-on = \"Warn\"\nshape = \"LONG\"\n\
             header-rows = 2\n",
        )
        .unwrap();
        assert_eq!(s.layout.scheme, Some(SchemeName::RaciVs));
        assert_eq!(s.layout.pm_means, Some(PmMeans::Project));
        assert_eq!(s.fail_on, Some(Severity::Warning));
        assert_eq!(s.layout.steer.flags(), "--shape long --header-rows 2");
    }

    #[test]
    fn limits_too_large_say_so() {
        let msg = config_error("[limits]\nmax-file-mb = 18446744073709551615\n");
        assert!(
            msg.contains("max-file-mb = 18446744073709551615 is too large: at most 17592186044415"),
            "{msg}"
        );
        assert!(!msg.contains("1 or more"), "{msg}");
        let msg = config_error("[limits]\nmax-memory-mb = 0\n");
        assert!(msg.contains("max-memory-mb must be 1 or more"), "{msg}");
        let read = ReadArgs {
            max_file_mb: Some(u64::MAX),
            ..Default::default()
        };
        let msg = resolve_read(&read, Path::new("/")).unwrap_err().to_string();
        assert!(
            msg.contains("--max-file-mb 18446744073709551615 is too large"),
            "{msg}"
        );
        let read = ReadArgs {
            sheet: Some("99999999999999999999999".into()),
            ..Default::default()
        };
        let msg = resolve_read(&read, Path::new("/")).unwrap_err().to_string();
        assert!(msg.contains("no workbook has that many sheets"), "{msg}");
        assert!(!msg.contains("start at 1"), "{msg}");
    }

    #[test]
    fn rules_by_name_are_stored_by_code() {
        let s = load("[rules]\nmissing-responsible = \"error\"\n").unwrap();
        assert_eq!(s.audit.severities.get("R003"), Some(&Some(Severity::Error)));
    }

    #[test]
    fn outputs_parse() {
        assert!(parse_outputs(&["json"]).unwrap().has("json"));
        assert!(parse_outputs(&["json", "docx"])
            .unwrap_err()
            .contains("docx"));
        assert!(parse_outputs::<&str>(&[]).is_err());
    }
    #[test]
    fn reading_choices_from_flags() {
        let read = ReadArgs {
            shape: Some(crate::model::Shape::Wide),
            range: Some("B4:M40".into()),
            header_rows: Some("2".into()),
            task_column: Some("B".into()),
            party_columns: Some("D:K".into()),
            x_means: Some("R".into()),
            ..ReadArgs::default()
        };
        let s = resolve_read(&read, Path::new("/nonexistent-folder")).unwrap();
        assert_eq!(
            s.layout.steer.flags(),
            "--shape wide --range B4:M40 --header-rows 2 --task-column B --party-columns D:K \
             --x-means R"
        );
        let bad = ReadArgs {
            range: Some("B4-M40".into()),
            ..ReadArgs::default()
        };
        match resolve_read(&bad, Path::new("/nonexistent-folder")) {
            Err(Error::Usage(m)) => assert!(m.starts_with("--range B4-M40:"), "{m}"),
            other => panic!("{other:?}"),
        }
    }
}
