//! Review and correct an audit in the browser: what each audit was made from is kept with it
//! (the upload, the form's options, the corrections so far), so a correction re-audits the
//! upload already in memory; the corrections become a `raci.toml` the command line reads to
//! the same reports.
//!
//! Corrections are the settings the command line already has: a changed side is a `[sides]`
//! pin of the task's name, an accepted suggestion is `[[cells]]` entries (the letters it
//! sets), a reading choice is `[files."NAME"]`. The re-audit runs those settings on the
//! upload, so the served reports and `raci audit FILE --config raci.toml` agree byte for byte.

use super::upload::UploadedFile;
use super::{page, review_page, store, AppState, Entry, OverBudget, STORE_FLAG};
use crate::classify::Taxonomy;
use crate::input::{CellValue, Workbook};
use crate::layout::{self, CellEdit, FileChoices, SheetChoice, Steering, STEERING_KEYS};
use crate::model::{Matrix, Pos, Side};
use crate::pipeline::{load_taxonomy, Audited, Pipeline};
use crate::settings::{apply_config, Settings};
use crate::{input, report, Error, Result};
use axum::body::Bytes;
use std::path::Path;
use std::sync::Arc;

/// Largest `raci.toml` the upload form takes.
pub(crate) const MAX_CONFIG_BYTES: u64 = 256 * 1024;

/// What an audit was made from: the upload and the choices of its form. Shared (not copied)
/// by the audits that correct it.
#[derive(Debug)]
pub(crate) struct Source {
    pub file: UploadedFile,
    pub roster: Option<UploadedFile>,
    /// A `raci.toml` uploaded beside the matrix.
    pub config: Option<UploadedFile>,
    pub scheme: Option<String>,
    pub anonymize: bool,
    /// The settings the uploads above give over the server's, read once at upload: a
    /// re-audit only adds its corrections.
    settings: Settings,
    /// The server's taxonomy, or one with the uploaded `raci.toml`'s words added, loaded once.
    taxonomy: Arc<Taxonomy>,
    /// Whether `taxonomy` is this upload's own copy, counted in its size, rather than the
    /// server's, which every audit shares.
    own_taxonomy: bool,
}

impl Source {
    /// What came with the matrix (a `raci.toml`, the scheme field, a roster), read over the
    /// server's pipeline `base`.
    pub(crate) fn new(
        base: &Pipeline,
        file: UploadedFile,
        roster: Option<UploadedFile>,
        config: Option<UploadedFile>,
        scheme: Option<String>,
        anonymize: bool,
    ) -> Result<Source> {
        let over = base.settings();
        let mut s = match &config {
            Some(config) => {
                let mut s = uploaded_config(config, over)?;
                // The server's own limits and outputs stand whatever an upload says.
                s.limits = over.limits;
                s.outputs = over.outputs.clone();
                s
            }
            None => over.clone(),
        };
        s.anonymize |= anonymize;
        if let Some(scheme) = &scheme {
            s.layout.scheme = Some(scheme.parse().map_err(Error::Usage)?);
        }
        if let Some(roster) = &roster {
            let wb = input::read_bytes(&roster.name, &roster.bytes, &s.limits)?;
            s.layout.roster = layout::roster_from_workbook(&wb)?;
        }
        let own_taxonomy = s.extra_signals != over.extra_signals;
        let taxonomy = if own_taxonomy {
            Arc::new(load_taxonomy(&s)?)
        } else {
            Arc::clone(base.taxonomy())
        };
        Ok(Source {
            file,
            roster,
            config,
            scheme,
            anonymize,
            settings: s,
            taxonomy,
            own_taxonomy,
        })
    }

    fn size(&self) -> u64 {
        let f = |u: &Option<UploadedFile>| u.as_ref().map_or(0, |u| u.bytes.len() + u.name.len());
        (self.file.bytes.len()
            + self.file.name.len()
            + f(&self.roster)
            + f(&self.config)
            + self.scheme.as_ref().map_or(0, String::len)) as u64
            + if self.own_taxonomy {
                taxonomy_size(&self.taxonomy)
            } else {
                0
            }
    }
}

/// What a taxonomy holds in memory, counted from its texts (erring high, as
/// [`audited_size`]): an upload whose `raci.toml` adds words keeps a copy of its own.
fn taxonomy_size(t: &Taxonomy) -> u64 {
    let len = |s: &str| s.len() as u64;
    t.duties
        .iter()
        .map(|d| {
            VALUE_BYTES
                + len(&d.id)
                + len(&d.text)
                + len(&d.section)
                + d.signals
                    .iter()
                    .chain(d.local_signals.values().flatten())
                    .map(|w| VALUE_BYTES + len(w))
                    .sum::<u64>()
        })
        .sum()
}

/// The corrections made in the browser, on top of the source's own options.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Corrections {
    /// Sides set by hand: task name -> side, in the order they were set (one per name).
    pub sides: Vec<(String, Side)>,
    /// Letters set by accepted suggestions, in the order they were accepted.
    pub cells: Vec<CellEdit>,
    /// The sheet and the reading choices (`shape`, `range`, ...): the upload form's, then
    /// the review page's.
    pub sheet: Option<String>,
    pub steer: Steering,
}

/// An audit kept for review: its source, its corrections, and what it concluded.
#[derive(Debug)]
pub(crate) struct Kept {
    pub source: Arc<Source>,
    pub corrections: Corrections,
    pub audited: Audited,
    pub preview: Preview,
    /// What changed from the audit this one corrects ("2 sides changed, header rows set to
    /// 2"); empty for a first upload.
    pub changes: Vec<String>,
    /// The id of the audit this one corrects.
    pub parent: Option<String>,
}

impl Kept {
    /// The bytes this keeps alive, for the store's budget: the upload (counted with every
    /// audit that shares it, so the count errs high), the matrix and what was concluded
    /// ([`audited_size`]), the preview. The server's taxonomy is not counted: every audit
    /// shares it; an upload's own copy (its `raci.toml` added words) counts with the upload.
    pub fn size(&self) -> u64 {
        self.source.size() + audited_size(&self.audited) + self.preview.size()
    }
}

/// Bookkeeping per value held (vector slots, string headers, small fields), erring high.
const VALUE_BYTES: u64 = 96;

/// What an audit holds in memory, counted from its texts and values (an estimate that errs
/// high: every value is charged [`VALUE_BYTES`] beside its text).
fn audited_size(a: &Audited) -> u64 {
    let len = |s: &str| s.len() as u64;
    let opt = |s: &Option<String>| s.as_deref().map_or(0, len);
    let m = &a.matrix;
    let tasks: u64 = m
        .tasks
        .iter()
        .map(|t| {
            VALUE_BYTES
                + len(&t.name)
                + opt(&t.group)
                + opt(&t.context)
                + 32 * t.assignments.len() as u64
        })
        .sum();
    let parties: u64 = m
        .parties
        .iter()
        .map(|p| VALUE_BYTES + len(&p.name) + opt(&p.title))
        .sum::<u64>()
        + a.file_parties.iter().map(|p| len(p) + 24).sum::<u64>();
    let issues: u64 = m.issues.iter().map(|i| VALUE_BYTES + len(&i.raw)).sum();
    let r = &m.reading;
    let notes: u64 = m
        .notes
        .iter()
        .chain(&r.evidence)
        .chain(&r.separated_by)
        .chain(&r.other_raci_tables)
        .map(|n| VALUE_BYTES + len(n))
        .sum();
    let classes: u64 = a
        .classes
        .iter()
        .map(|c| {
            VALUE_BYTES
                + opt(&c.duty)
                + opt(&c.second_duty)
                + c.matched.iter().map(|w| VALUE_BYTES + len(w)).sum::<u64>()
        })
        .sum();
    let findings: u64 = a
        .audit
        .findings
        .iter()
        .map(|f| VALUE_BYTES + len(&f.message) + opt(&f.duty) + 8 * f.related_tasks.len() as u64)
        .sum();
    let stats = VALUE_BYTES * (a.audit.coverage.len() + a.audit.parties.len()) as u64;
    let suggestions: u64 = a
        .suggestions
        .iter()
        .map(|s| VALUE_BYTES + len(&s.reason) + 64 * s.changes.len() as u64)
        .sum();
    let names: u64 = a
        .names
        .pairs()
        .iter()
        .map(|(p, n)| 2 * VALUE_BYTES + len(p) + len(n))
        .sum();
    tasks + parties + issues + notes + classes + findings + stats + suggestions + names
}

/// The first rows of the sheet as read, each cell with what it was taken for.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Preview {
    pub first_row: u32,
    pub first_col: u32,
    /// Rows of `(text, role)`; `role` is a CSS class: `task`, `party`, `letters`,
    /// `issue`, or empty for a cell outside the matrix.
    pub rows: Vec<Vec<(String, &'static str)>>,
}

/// Rows and columns the preview shows.
const PREVIEW_ROWS: u32 = 12;
const PREVIEW_COLS: u32 = 10;
/// Longest text shown in a preview cell.
const PREVIEW_CHARS: usize = 40;

impl Preview {
    fn size(&self) -> u64 {
        self.rows
            .iter()
            .flatten()
            .map(|(t, _)| t.len() as u64 + 16)
            .sum()
    }

    /// The top left of the matrix in the sheet it was read from, one row and column of
    /// context before it.
    pub fn of(wb: &Workbook, m: &Matrix) -> Preview {
        let sheet = wb
            .sheets
            .iter()
            .find(|s| s.name == m.source.sheet)
            .or_else(|| wb.sheets.first());
        let Some(sheet) = sheet else {
            return Preview::default();
        };
        let mut roles: std::collections::BTreeMap<Pos, &'static str> = Default::default();
        for p in &m.parties {
            roles.insert(p.pos, "party");
        }
        for t in &m.tasks {
            roles.insert(t.pos, "task");
            for a in &t.assignments {
                roles.entry(a.pos).or_insert("letters");
            }
        }
        for i in &m.issues {
            roles.insert(i.pos, "issue");
        }
        let top = roles.keys().map(|p| p.row).min().unwrap_or(0);
        let left = roles.keys().map(|p| p.col).min().unwrap_or(0);
        let first_row = top.saturating_sub(1);
        let first_col = left.saturating_sub(1);
        let mut rows =
            vec![vec![(String::new(), ""); PREVIEW_COLS as usize]; PREVIEW_ROWS as usize];
        for c in &sheet.cells {
            let (r, col) = (c.pos.row, c.pos.col);
            if r < first_row || r >= first_row + PREVIEW_ROWS {
                continue;
            }
            if col < first_col || col >= first_col + PREVIEW_COLS {
                continue;
            }
            let text = match &c.value {
                CellValue::Text(t) => t.to_string(),
                other => other.display(),
            };
            let text: String = text.chars().take(PREVIEW_CHARS).collect();
            let role = roles.get(&c.pos).copied().unwrap_or("");
            rows[(r - first_row) as usize][(col - first_col) as usize] = (text, role);
        }
        // Rows past the end of the sheet are left out.
        while rows
            .last()
            .is_some_and(|r| r.iter().all(|(t, _)| t.is_empty()))
        {
            rows.pop();
        }
        Preview {
            first_row,
            first_col,
            rows,
        }
    }
}

/// The form's sheet field, read as `--sheet` reads it.
pub(crate) fn sheet_choice(text: &str) -> Result<SheetChoice> {
    text.parse()
        .map_err(|detail| Error::Usage(format!("sheet {text}: {detail}")))
}

/// The text of an uploaded `raci.toml`.
fn config_text(config: &UploadedFile) -> Result<&str> {
    let text = std::str::from_utf8(&config.bytes).map_err(|_| Error::Config {
        path: config.name.clone().into(),
        detail: "the file is not UTF-8 text".into(),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The settings of an uploaded `raci.toml` alone (over the defaults), refusing what names a
/// file: nothing from an upload ever becomes a path on this machine.
fn uploaded_config(config: &UploadedFile, over: &Settings) -> Result<Settings> {
    let mut s = over.clone();
    // A mistake in the uploaded file is the request's (400), not the server's own settings.
    let as_usage = |e: Error| match e {
        Error::Config { .. } => Error::Usage(e.to_string()),
        other => other,
    };
    let text = config_text(config).map_err(as_usage)?;
    apply_config(&mut s, text, Path::new(&config.name), Path::new("")).map_err(as_usage)?;
    if s.roster_file != over.roster_file || s.taxonomy_file != over.taxonomy_file {
        return Err(Error::Usage(format!(
            "{}: an uploaded raci.toml may not name files (`roster`, `taxonomy-file`): raci \
             serve reads no file of this machine for an upload. Upload the roster in the \
             Roster field instead, and leave those keys out.",
            config.name
        )));
    }
    Ok(s)
}

/// The `per_file` key for the upload: one already there in any case, or its own name.
fn file_key(settings: &Settings, name: &str) -> String {
    settings
        .layout
        .per_file
        .keys()
        .find(|k| k.eq_ignore_ascii_case(name))
        .cloned()
        .unwrap_or_else(|| name.to_string())
}

/// The settings of one audit: the source's (the server's, then the uploaded `raci.toml`, then
/// the form's options), then the corrections (which win, as flags win over the file).
pub(crate) fn settings_for(src: &Source, corr: &Corrections) -> Result<Settings> {
    let mut s = src.settings.clone();
    let key = file_key(&s, &src.file.name);
    let mine: &mut FileChoices = s.layout.per_file.entry(key).or_default();
    if let Some(sheet) = &corr.sheet {
        mine.sheet = Some(sheet_choice(sheet)?);
    }
    mine.steer = mine.steer.merged(&corr.steer);
    let pins = corr.sides.iter().map(|(task, side)| crate::classify::Pin {
        pattern: task.clone(),
        side: *side,
    });
    s.pins.splice(0..0, pins);
    s.layout.cells.extend(corr.cells.iter().cloned());
    Ok(s)
}

/// Audits `src` with `corr`, renders every report and the audit page, and keeps the result
/// under `id`.
pub(crate) fn audit_source(
    state: &AppState,
    id: String,
    src: Arc<Source>,
    corr: Corrections,
    changes: Vec<String>,
    parent: Option<String>,
) -> Result<(String, Arc<Entry>)> {
    let base = &state.pipeline;
    let settings = settings_for(&src, &corr)?;
    let pipeline = Pipeline::with_taxonomy(settings, Arc::clone(&src.taxonomy))
        .with_registry(base.registry().clone());
    let settings = pipeline.settings();
    let file = &src.file;
    let wb = input::read_bytes(&file.name, &file.bytes, &settings.limits)?;
    let audited = pipeline.audit(&wb)?;
    let preview = if settings.anonymize {
        // The sheet holds the names; the preview shows only what the matrix kept.
        Preview::default()
    } else {
        Preview::of(&wb, &audited.matrix)
    };
    drop(wb);
    let files: Vec<(String, Bytes)> = pipeline
        .render(&audited)?
        .into_iter()
        .map(|(name, bytes)| (name, Bytes::from(bytes)))
        .collect();
    let over_budget = |OverBudget { size, budget }| Error::TooLarge {
        file: file.name.clone(),
        what: "the size of its reports in memory (bytes)",
        actual: size,
        limit: budget,
        flag: STORE_FLAG,
    };
    let kept = Kept {
        source: Arc::clone(&src),
        corrections: corr,
        audited,
        preview,
        changes,
        parent,
    };
    // The files alone already over the budget: no page is made for them.
    let files_size: usize = files.iter().map(|(n, b)| n.len() + b.len()).sum();
    state
        .store
        .fits(files_size as u64 + kept.size())
        .map_err(over_budget)?;
    // The charts in the order `Pipeline::render` appended them: the order report.html uses.
    let charts: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| pipeline.registry().is_chart(name))
        .map(|(name, bytes)| (name.clone(), bytes.to_vec()))
        .collect();
    let parts = report::html_parts(&kept.audited.outcome(), &charts);
    drop(charts);
    let downloads: Vec<page::Download> = files
        .iter()
        .map(|(name, bytes)| page::Download {
            name: name.clone(),
            bytes: bytes.len(),
        })
        .collect();
    let zip_name = super::zip_name(&file.name);
    let bar = review_page::review_bar(&id, &kept);
    let page = page::audit_page(&id, &parts, &downloads, &zip_name, state.form(), &bar);
    let entry = Arc::new(Entry {
        files,
        page: Bytes::from(page),
        zip_name,
        review: Some(kept),
    });
    state
        .store
        .insert(id.clone(), Arc::clone(&entry))
        .map_err(over_budget)?;
    Ok((id, entry))
}

/// Why a review form cannot be applied: the form is wrong (400), with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadForm(pub String);

/// The review form, read against the audit it was made from: the corrections it adds and
/// the changes in words. Fields: `side-N` (a side for task N, 0-based), `accept` (a
/// suggestion's number, 0-based, any number of times), the reading choices by their keys
/// (present and empty clears one) and `sheet`.
pub(crate) fn read_form(
    kept: &Kept,
    fields: &[(String, String)],
) -> std::result::Result<(Corrections, Vec<String>), BadForm> {
    let m = &kept.audited.matrix;
    let classes = &kept.audited.classes;
    let mut corr = kept.corrections.clone();
    let mut sheet = corr.sheet.clone();
    let mut sides_changed = 0;
    let mut accepted = 0;
    let mut words = Vec::new();
    let mut steer_fields: Vec<(&str, &str)> = Vec::new();
    for (name, value) in fields {
        let value = value.trim();
        if let Some(n) = name.strip_prefix("side-") {
            let task = n
                .parse::<usize>()
                .ok()
                .filter(|&i| i < m.tasks.len())
                .ok_or_else(|| {
                    BadForm(format!(
                        "there is no task number {n:?} in this audit (it has {} tasks). Reload \
                         the review page and try again.",
                        m.tasks.len()
                    ))
                })?;
            let side = Side::parse(value).ok_or_else(|| {
                BadForm(format!(
                    "{value:?} is not a side: choose PO, PM, shared or unclassified."
                ))
            })?;
            if side == classes[task].side {
                continue;
            }
            let name = &m.tasks[task].name;
            corr.sides
                .retain(|(t, _)| !t.trim().eq_ignore_ascii_case(name.trim()));
            corr.sides.push((name.clone(), side));
            sides_changed += 1;
        } else if name == "accept" {
            let k = value
                .parse::<usize>()
                .ok()
                .filter(|&k| k < kept.audited.suggestions.len())
                .ok_or_else(|| {
                    BadForm(format!(
                        "there is no suggested fix number {value:?} in this audit. Reload the \
                         review page and try again."
                    ))
                })?;
            let s = &kept.audited.suggestions[k];
            if !s.fixes() {
                return Err(BadForm(format!(
                    "suggested fix number {k} changes no letters, so there is nothing to accept."
                )));
            }
            for c in &s.changes {
                let task = &m.tasks[c.task].name;
                let first = m
                    .tasks
                    .iter()
                    .position(|t| t.name.trim().eq_ignore_ascii_case(task.trim()));
                if first != Some(c.task) {
                    return Err(BadForm(format!(
                        "suggested fix number {k} changes task {task:?}, but another task \
                         above it has the same name, and a correction names tasks by name. \
                         Rename one of them in the file, or change the letters there."
                    )));
                }
                corr.cells.push(CellEdit {
                    file: Some(kept.source.file.name.clone()),
                    task: task.clone(),
                    party: kept.audited.file_parties[c.party].clone(),
                    letters: c.to.to_string(),
                });
            }
            accepted += 1;
        } else if name == "sheet" {
            let new = (!value.is_empty()).then(|| value.to_string());
            if new != sheet {
                if let Some(v) = &new {
                    sheet_choice(v).map_err(|e| BadForm(e.to_string()))?;
                }
                words.push(match &new {
                    Some(v) => format!("sheet set to {v}"),
                    None => "sheet cleared".to_string(),
                });
                sheet = new;
            }
        } else if let Some(key) = STEERING_KEYS.iter().find(|k| **k == name) {
            steer_fields.push((key, value));
        }
        // Other fields (the token, the button) are not corrections.
    }
    if !steer_fields.is_empty() {
        let mut steer = Steering::default();
        for (key, value) in &steer_fields {
            if !value.is_empty() {
                steer
                    .set(key, value)
                    .map_err(|detail| BadForm(format!("{key} {value}: {detail}")))?;
            }
        }
        let old = corr.steer.values();
        let new = steer.values();
        for key in STEERING_KEYS {
            let was = old.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
            let now = new.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
            let label = key.replace('-', " ");
            match (was, now) {
                (a, b) if a == b => {}
                (_, Some(v)) => words.push(format!("{label} set to {v}")),
                (Some(_), None) => words.push(format!("{label} cleared")),
                (None, None) => {}
            }
        }
        corr.steer = steer;
    }
    let mut changes = Vec::new();
    if sides_changed > 0 {
        changes.push(format!(
            "{sides_changed} side{} changed",
            if sides_changed == 1 { "" } else { "s" }
        ));
    }
    if accepted > 0 {
        changes.push(format!(
            "{accepted} suggested fix{} accepted",
            if accepted == 1 { "" } else { "es" }
        ));
    }
    changes.extend(words);
    corr.sheet = sheet;
    Ok((corr, changes))
}

/// A TOML string (quoted and escaped), for keys and values alike.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The `raci.toml` that gives the command line this audit's settings: the uploaded
/// `raci.toml` (its `[sides]`, `[files]` and `[[cells]]` merged with the corrections), the
/// form's options and the corrections, with a comment naming the file it was made from.
pub(crate) fn raci_toml(kept: &Kept) -> Result<String> {
    let src = &kept.source;
    let corr = &kept.corrections;
    let name = &src.file.name;
    // The uploaded file's own settings, to carry its pins, per-file choices and cells.
    let (mut rest, theirs) = match &src.config {
        Some(config) => {
            let table: toml::Table =
                toml::from_str(config_text(config)?).map_err(|e| Error::Config {
                    path: config.name.clone().into(),
                    detail: e.message().to_string(),
                })?;
            (table, uploaded_config(config, &Settings::default())?)
        }
        None => (toml::Table::new(), Settings::default()),
    };
    for key in ["sides", "files", "cells"] {
        rest.remove(key);
    }
    if src.anonymize {
        rest.insert("anonymize".into(), toml::Value::Boolean(true));
    }
    if let Some(scheme) = &src.scheme {
        rest.insert("scheme".into(), toml::Value::String(scheme.clone()));
    }
    let mut out = format!(
        "# raci.toml made by raci serve from {name}{}.\n\
         # Audit the same file with it: raci audit {name} --config raci.toml\n",
        if kept.changes.is_empty() && corr == &Corrections::default() {
            String::new()
        } else {
            let mut all = Vec::new();
            if !corr.sides.is_empty() {
                all.push(format!("{} side(s) set by hand", corr.sides.len()));
            }
            if !corr.cells.is_empty() {
                all.push(format!("{} cell(s) corrected", corr.cells.len()));
            }
            if let Some(sheet) = &corr.sheet {
                all.push(format!("sheet {sheet}"));
            }
            if corr.steer != Steering::default() {
                all.push(format!("read with {}", corr.steer.flags()));
            }
            if all.is_empty() {
                String::new()
            } else {
                format!(", with {}", all.join(", "))
            }
        }
    );
    if let Some(roster) = &src.roster {
        out.push_str(&format!(
            "# The roster uploaded with it ({}) is not part of this file: add\n\
             # roster = \"PATH\" (the path to it) or pass --roster PATH.\n",
            roster.name
        ));
    }
    let top = toml::to_string(&rest).map_err(|e| Error::Config {
        path: "raci.toml".into(),
        detail: e.to_string(),
    })?;
    // `toml` writes keys before tables, so the file's other tables follow its keys.
    let (keys, tables) = match top.find("\n[") {
        Some(at) => top.split_at(at + 1),
        None if top.starts_with('[') => ("", top.as_str()),
        None => (top.as_str(), ""),
    };
    if !keys.is_empty() {
        out.push('\n');
        out.push_str(keys);
    }
    if !tables.is_empty() {
        out.push('\n');
        out.push_str(tables);
    }
    // [sides]: the hand-set sides first (the first matching pin wins), then the file's.
    let mut pins: Vec<(String, Side)> = corr.sides.clone();
    for p in &theirs.pins {
        if !pins
            .iter()
            .any(|(t, _)| t.trim().eq_ignore_ascii_case(p.pattern.trim()))
        {
            pins.push((p.pattern.clone(), p.side));
        }
    }
    if !pins.is_empty() {
        out.push_str("\n[sides]\n");
        for (task, side) in &pins {
            out.push_str(&format!("{} = {}\n", quoted(task), quoted(side.as_str())));
        }
    }
    // [files."NAME"]: the file's choices for every file, this one's merged with the form's.
    let mut per_file = theirs.layout.per_file.clone();
    let key = per_file
        .keys()
        .find(|k| k.eq_ignore_ascii_case(name))
        .cloned()
        .unwrap_or_else(|| name.clone());
    let mine = per_file.entry(key).or_default();
    if let Some(sheet) = &corr.sheet {
        mine.sheet = Some(sheet_choice(sheet)?);
    }
    mine.steer = mine.steer.merged(&corr.steer);
    for (file, choices) in &per_file {
        if choices == &FileChoices::default() {
            continue;
        }
        out.push_str(&format!("\n[files.{}]\n", quoted(file)));
        match &choices.sheet {
            Some(SheetChoice::Name(n)) => out.push_str(&format!("sheet = {}\n", quoted(n))),
            Some(SheetChoice::Number(n)) => out.push_str(&format!("sheet = {n}\n")),
            None => {}
        }
        for (key, value) in choices.steer.values() {
            if key == "header-rows" {
                out.push_str(&format!("{key} = {value}\n"));
            } else {
                out.push_str(&format!("{key} = {}\n", quoted(&value)));
            }
        }
    }
    // [[cells]]: the file's, then the accepted suggestions.
    for c in theirs.layout.cells.iter().chain(&corr.cells) {
        out.push_str("\n[[cells]]\n");
        if let Some(f) = &c.file {
            out.push_str(&format!("file = {}\n", quoted(f)));
        }
        out.push_str(&format!(
            "task = {}\nparty = {}\nletters = {}\n",
            quoted(&c.task),
            quoted(&c.party),
            quoted(&c.letters)
        ));
    }
    Ok(out)
}

/// The id for a new audit, or the error page's message.
pub(crate) fn new_id() -> Result<String> {
    store::new_id().map_err(|e| Error::Serve {
        addr: ([127, 0, 0, 1], 0).into(),
        source: std::io::Error::other(format!("no random id for the audit: {e}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(config: Option<&str>) -> Result<Source> {
        Source::new(
            &Pipeline::with_taxonomy(Settings::default(), Taxonomy::default()),
            UploadedFile {
                name: "team.csv".into(),
                bytes: b"Task,Ann (PO),Bob (PM)\nPlan,A,R\n".to_vec(),
            },
            None,
            config.map(|c| UploadedFile {
                name: "raci.toml".into(),
                bytes: c.as_bytes().to_vec(),
            }),
            None,
            false,
        )
    }

    #[test]
    fn an_uploads_own_taxonomy_counts_in_its_size_and_the_servers_does_not() {
        let plain = source(None).unwrap();
        let file_only = plain.file.bytes.len() + plain.file.name.len();
        assert_eq!(plain.size(), file_only as u64);
        let config = "[taxonomy]\npm-market-research = [\"field study\"]\n";
        let own = source(Some(config)).unwrap();
        let config_len = (config.len() + "raci.toml".len()) as u64;
        // The built-in taxonomy in seven languages is megabytes of signals.
        assert!(
            own.size() > plain.size() + config_len + 1_000_000,
            "{} vs {}",
            own.size(),
            plain.size()
        );
    }

    #[test]
    fn an_uploaded_config_may_not_name_files() {
        for text in ["roster = \"/etc/passwd\"\n", "taxonomy-file = \"x.toml\"\n"] {
            let err = source(Some(text)).unwrap_err().to_string();
            assert!(err.contains("may not name files"), "{err}");
        }
    }

    #[test]
    fn corrections_win_over_the_uploaded_config() {
        let src = source(Some(
            "[sides]\n\"Plan\" = \"PO\"\n[files.\"TEAM.csv\"]\nheader-rows = 1\n",
        ))
        .unwrap();
        let mut corr = Corrections::default();
        corr.sides.push(("Plan".into(), Side::Pm));
        corr.steer.set("task-column", "A").unwrap();
        let s = settings_for(&src, &corr).unwrap();
        assert_eq!(s.pins[0].side, Side::Pm);
        assert_eq!(s.pins[1].side, Side::Po);
        let mine = &s.layout.per_file["TEAM.csv"];
        assert_eq!(mine.steer.header_rows, Some(1));
        assert_eq!(mine.steer.task_column, Some(0));
    }
}
