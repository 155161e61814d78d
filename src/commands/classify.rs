//! `raci classify`: classify task names given on the command line or in a file, and explain
//! each answer (text), or write it as CSV or JSON.

use crate::classify::{
    classify_task_in, Classification, Classifier, Lang, Memo, Pin, SideSource, TaskContext,
    Taxonomy,
};
use crate::cli::ClassifyFormat;
use crate::report::text::{escape_formula, terminal};
use crate::{Error, Result};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Classifies `tasks` and then the names in `input` (one per line, or a CSV with a `task`
/// column and optionally a `group` or `phase` column, read as context), in that order, and
/// writes the answers to `out`. The names are one file: a name that shows no language of its
/// own is read in the language most of them show.
pub fn run(
    tasks: &[String],
    input: Option<&Path>,
    format: ClassifyFormat,
    taxonomy: &Taxonomy,
    pins: &[Pin],
    out: &mut dyn Write,
) -> Result<()> {
    let mut names: Vec<(String, Option<String>)> =
        tasks.iter().map(|t| (t.clone(), None)).collect();
    if let Some(path) = input {
        names.extend(read_task_file(path)?);
    }
    if names.is_empty() {
        return Err(Error::Usage(
            "no task names: give them as arguments (raci classify \"Sprint planning\") or in a file with --input FILE".into(),
        ));
    }
    let classifier = Classifier::new(taxonomy);
    let mut memo = Memo::default();
    let langs: Vec<Option<Lang>> = names
        .iter()
        .map(|(name, _)| classifier.detect_language(name, &mut memo))
        .collect();
    let file_lang = Classifier::dominant_language(langs.iter().copied());
    let results: Vec<(String, Classification)> = names
        .into_iter()
        .zip(langs)
        .map(|((name, group), own)| {
            let context = TaskContext {
                group: group.as_deref(),
                file_lang,
                own_lang: Some(own),
            };
            let class = classify_task_in(&name, &context, &classifier, pins, &mut memo);
            (name, class)
        })
        .collect();
    let written = match format {
        ClassifyFormat::Text => write_text(&results, taxonomy, out),
        ClassifyFormat::Csv => write_csv(&results, taxonomy, out),
        ClassifyFormat::Json => write_json(&results, taxonomy, out),
    };
    written.map_err(|source| Error::Write {
        path: PathBuf::from("standard output"),
        source,
    })
}

/// A task name and its group, if the file gives one.
type NamedTask = (String, Option<String>);

/// Task names from a file, each with its group: a CSV whose header has a `task` column (any
/// case) and maybe a `group` or `phase` column, or else one name per line. Blank lines are
/// not names. `-` reads standard input.
fn read_task_file(path: &Path) -> Result<Vec<NamedTask>> {
    // Capped like any input file, so `--input /dev/zero` ends in one message.
    let bytes =
        crate::input::read_small_file(path, crate::input::Limits::default().max_file_bytes)?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    // Spreadsheet exports on Windows are often Windows-1252 or UTF-16; read them rather than
    // refuse, as a matrix is read.
    let text = crate::input::decode_text(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if let Some(names) = read_task_csv(text, &file)? {
        return Ok(names);
    }
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| (l.to_string(), None))
        .collect())
}

/// The `task` column of a CSV (comma, semicolon or tab separated), with the `group` (or
/// `phase`) column when there is one, or `None` when the first line has no `task` column, so
/// the file is a plain list.
fn read_task_csv(text: &str, file: &str) -> Result<Option<Vec<NamedTask>>> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| first.bytes().filter(|&b| b == d).count())
        .filter(|&d| first.as_bytes().contains(&d));
    let header_cells: Vec<String> = match delimiter {
        Some(d) => first
            .split(d as char)
            .map(|c| c.trim().trim_matches('"').trim().to_ascii_lowercase())
            .collect(),
        None => vec![first.trim().trim_matches('"').trim().to_ascii_lowercase()],
    };
    let Some(column) = header_cells.iter().position(|c| c == "task") else {
        return Ok(None);
    };
    let group_column = header_cells
        .iter()
        .position(|c| c == "group")
        .or_else(|| header_cells.iter().position(|c| c == "phase"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.unwrap_or(b','))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut names = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::Csv {
            file: file.to_string(),
            line: e.position().map_or(0, |p| p.line()),
            detail: e.to_string(),
        })?;
        let name = record.get(column).unwrap_or("").trim();
        if !name.is_empty() {
            let group = group_column
                .and_then(|g| record.get(g))
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(str::to_string);
            names.push((name.to_string(), group));
        }
    }
    Ok(Some(names))
}

fn confidence(c: &Classification) -> String {
    format!("{:.2}", c.confidence)
}

fn source_name(source: SideSource) -> &'static str {
    match source {
        SideSource::Classifier => "classifier",
        SideSource::Matrix => "matrix",
        SideSource::Pin => "pin in raci.toml",
    }
}

fn write_text(
    results: &[(String, Classification)],
    taxonomy: &Taxonomy,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for (i, (name, c)) in results.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        // The names are the user's input: shown on the terminal, never obeyed by it.
        writeln!(out, "{}", terminal(name))?;
        writeln!(out, "  language:   {} ({})", c.lang.code(), c.lang.name())?;
        let why = match (c.side, c.source) {
            (crate::model::Side::Unclassified, SideSource::Classifier) => {
                format!(" ({})", c.reason(taxonomy))
            }
            (_, SideSource::Classifier) => format!(" (confidence {})", confidence(c)),
            (_, source) => format!(" (given by the {})", source_name(source)),
        };
        writeln!(out, "  side:       {}{why}", c.side)?;
        let mut label = "duty:";
        for id in c.duties() {
            match taxonomy.duty(id) {
                Some(duty) => {
                    writeln!(out, "  {label:<11} {id} ({})", kind(duty))?;
                    writeln!(out, "              \"{}\"", terminal(&duty.text))?;
                    if !duty.section.is_empty() && duty.kind != crate::classify::DutyKind::Other {
                        writeln!(
                            out,
                            "              article section: {}",
                            terminal(&duty.section)
                        )?;
                    }
                }
                None => writeln!(out, "  {label:<11} {id}")?,
            }
            label = "and duty:";
        }
        if !c.matched.is_empty() {
            let shown: Vec<String> = c
                .matched
                .iter()
                .map(|m| match m.split_once("->") {
                    Some((typed, read)) => format!("{typed} (read as \"{read}\")"),
                    None if m.starts_with("group \"") => m.clone(),
                    None => format!("\"{m}\""),
                })
                .collect();
            writeln!(out, "  matched:    {}", terminal(&shown.join(", ")))?;
        }
    }
    Ok(())
}

/// What an entry is, in words: "PO duty", "PM skill", "not product work".
fn kind(duty: &crate::classify::Duty) -> String {
    match duty.kind {
        crate::classify::DutyKind::Other => "not product work".to_string(),
        kind => format!("{} {}", duty.side, kind.as_str()),
    }
}

/// Cells that Excel would run as a formula get a `'` in front (`report::text::escape_formula`,
/// as the reports do).
fn write_csv(
    results: &[(String, Classification)],
    taxonomy: &Taxonomy,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let written: csv::Result<()> = (|| {
        writer.write_record([
            "task",
            "lang",
            "side",
            "duty",
            "confidence",
            "reason",
            "matched",
        ])?;
        for (name, c) in results {
            writer.write_record([
                escape_formula(name).into_owned(),
                c.lang.code().to_string(),
                c.side.as_str().to_string(),
                escape_formula(&c.duties_label().unwrap_or_default()).into_owned(),
                confidence(c),
                escape_formula(&c.reason(taxonomy)).into_owned(),
                escape_formula(&c.matched.join("; ")).into_owned(),
            ])?;
        }
        Ok(())
    })();
    written.map_err(crate::report::csv_out::io_error)?;
    writer.flush()
}

#[derive(Serialize)]
struct JsonRow<'a> {
    task: &'a str,
    #[serde(flatten)]
    class: &'a Classification,
    /// The duty's text, so the answer reads without the taxonomy at hand.
    duty_text: Option<&'a str>,
    /// Why, in plain words.
    reason: String,
}

fn write_json(
    results: &[(String, Classification)],
    taxonomy: &Taxonomy,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows: Vec<JsonRow> = results
        .iter()
        .map(|(name, c)| JsonRow {
            task: name,
            class: c,
            duty_text: c
                .duty
                .as_deref()
                .and_then(|id| taxonomy.duty(id))
                .map(|d| d.text.as_str()),
            reason: c.reason(taxonomy),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(tasks: &[&str], format: ClassifyFormat) -> String {
        let tasks: Vec<String> = tasks.iter().map(|s| s.to_string()).collect();
        let mut out = Vec::new();
        run(&tasks, None, format, &Taxonomy::builtin(), &[], &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_explains_the_typo_correction() {
        let text = run_on(&["Win/loss anlysis"], ClassifyFormat::Text);
        assert!(
            text.starts_with(
                "Win/loss anlysis\n  language:   en (English)\n  side:       PM (confidence "
            ),
            "{text}"
        );
        assert!(text.contains("pm-business-data"), "{text}");
        assert!(text.contains("competitive analysis"), "{text}");
        assert!(text.contains("anlysis (read as \"analysis\")"), "{text}");
    }

    #[test]
    fn csv_has_the_exact_columns_and_is_safe_for_excel() {
        let csv = run_on(
            &["=HYPERLINK(\"x\")", "-Sprint planning", "Run payroll"],
            ClassifyFormat::Csv,
        );
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("task,lang,side,duty,confidence,reason,matched")
        );
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("\"'=HYPERLINK(\"\"x\"\")\","),
            "{csv}"
        );
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("'-Sprint planning,en,PO,po-sprint-priorities,"),
            "{csv}"
        );
        let payroll = lines.next().unwrap();
        assert!(
            payroll.starts_with("Run payroll,en,unclassified,other-finance,")
                && payroll.contains("not product work: finance"),
            "{csv}"
        );
        assert_eq!(lines.next(), None);
    }

    #[test]
    fn every_format_shows_the_language_and_shared_shows_both_duties() {
        let text = run_on(
            &["Backlog priorisieren", "Roadmap and backlog"],
            ClassifyFormat::Text,
        );
        assert!(text.contains("language:   de (German)"), "{text}");
        assert!(text.contains("side:       shared"), "{text}");
        assert!(text.contains("and duty:   pm-prepare-roadmap"), "{text}");
        let csv = run_on(&["Roadmap and backlog"], ClassifyFormat::Csv);
        assert!(
            csv.contains(",en,shared,po-roadmap-actionable-backlog + pm-prepare-roadmap,"),
            "{csv}"
        );
        let json = run_on(&["Marktonderzoek"], ClassifyFormat::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value[0]["lang"], "nl", "{json}");
        assert_eq!(value[0]["side"], "PM", "{json}");
    }

    #[test]
    fn json_is_an_array_with_the_duty_text() {
        let json = run_on(&["Backlog refinement"], ClassifyFormat::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let row = &value[0];
        assert_eq!(row["task"], "Backlog refinement");
        assert_eq!(row["side"], "PO");
        assert_eq!(row["source"], "classifier");
        assert_eq!(row["duty"], "po-roadmap-actionable-backlog");
        assert!(row["duty_text"]
            .as_str()
            .unwrap()
            .contains("actionable backlog"));
    }

    #[test]
    fn no_names_is_a_usage_error() {
        let mut out = Vec::new();
        let err = run(
            &[],
            None,
            ClassifyFormat::Text,
            &Taxonomy::builtin(),
            &[],
            &mut out,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Usage(_)), "{err}");
    }

    #[test]
    fn task_files_are_lists_or_csv_with_a_task_column() {
        assert_eq!(
            read_task_csv("Sprint planning\nGTM plan\n", "f").unwrap(),
            None
        );
        assert_eq!(
            read_task_csv(
                "id;Task;owner\n1;Sprint planning;x\n2;;y\n3;\"GTM; plan\";z\n",
                "f"
            )
            .unwrap(),
            Some(vec![
                ("Sprint planning".to_string(), None),
                ("GTM; plan".to_string(), None)
            ])
        );
        assert_eq!(
            read_task_csv("task\nSprint planning\n", "f").unwrap(),
            Some(vec![("Sprint planning".to_string(), None)])
        );
    }
}
