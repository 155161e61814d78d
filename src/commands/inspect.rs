//! `raci inspect`: shows how the layout stage read a file (sheet, header, task and party
//! columns, groups, scheme, ignored rows and columns, counts) without auditing it.

use crate::layout;
use crate::model::Matrix;
use crate::settings::Settings;
use crate::{Error, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// One party as `inspect` shows it.
#[derive(Debug, Serialize)]
struct PartyView<'a> {
    name: &'a str,
    cell: String,
    title: Option<&'a str>,
    title_side: Option<&'static str>,
    assignments: usize,
}

/// The JSON form of `raci inspect --json`.
#[derive(Debug, Serialize)]
struct InspectView<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    shape: crate::model::Shape,
    scheme: String,
    tasks: usize,
    parties: Vec<PartyView<'a>>,
    groups: Vec<&'a str>,
    assignments: usize,
    cells_not_understood: usize,
    notes: &'a [String],
    /// The reading chosen, the runner-up and the evidence between them.
    reading: &'a crate::model::Reading,
}

fn view(m: &Matrix) -> InspectView<'_> {
    let mut groups: Vec<&str> = Vec::new();
    for t in &m.tasks {
        if let Some(g) = t.group.as_deref() {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
    }
    let parties = m
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| PartyView {
            name: &p.name,
            cell: m.cell_ref(p.pos),
            title: p.title.as_deref(),
            title_side: p.title_side.map(|s| s.as_str()),
            assignments: m
                .tasks
                .iter()
                .filter(|t| t.assignments.iter().any(|a| a.party == i))
                .count(),
        })
        .collect();
    InspectView {
        file: &m.source.file,
        sheet: m.source.sheet.as_deref(),
        shape: m.shape,
        scheme: m.scheme.describe(),
        tasks: m.tasks.len(),
        parties,
        groups,
        assignments: m.tasks.iter().map(|t| t.assignments.len()).sum(),
        cells_not_understood: m.issues.len(),
        notes: &m.notes,
        reading: &m.reading,
    }
}

/// Writes what the layout stage read, as text or JSON.
pub fn render(m: &Matrix, json: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let v = view(m);
    if json {
        // serde_json hands an io error back as itself: a reader that went away stays a broken
        // pipe, which `main` ends quietly on.
        serde_json::to_writer_pretty(&mut *out, &v)?;
        return writeln!(out);
    }
    writeln!(out, "File:   {}", v.file)?;
    if let Some(s) = v.sheet {
        writeln!(out, "Sheet:  {s}")?;
    }
    let shape = serde_json::to_value(v.shape)
        .ok()
        .and_then(|x| x.as_str().map(str::to_string))
        .unwrap_or_default();
    writeln!(out, "Shape:  {shape}")?;
    writeln!(out, "Scheme: {}", v.scheme)?;
    let r = &m.reading;
    writeln!(out, "Reading: {}", r.chosen)?;
    if let Some(second) = &r.runner_up {
        writeln!(
            out,
            "Runner-up: {second}{}",
            if r.unsure {
                " (close: the reading is unsure)"
            } else {
                ""
            }
        )?;
        writeln!(out, "What separated them:")?;
        for e in &r.separated_by {
            writeln!(out, "  - {e}")?;
        }
    }
    writeln!(out, "Evidence for the reading chosen:")?;
    for e in &r.evidence {
        writeln!(out, "  - {e}")?;
    }
    if r.unsure {
        writeln!(
            out,
            "The two readings are close. If the chosen one is wrong, steer it with --shape, \
             --range, --header-rows, --task-column or --party-columns (see the README, \
             \"Reading real exports\")."
        )?;
    }
    writeln!(out)?;
    writeln!(out, "How the layout was read:")?;
    for n in v.notes {
        writeln!(out, "  - {n}")?;
    }
    writeln!(out)?;
    writeln!(out, "Parties ({}):", v.parties.len())?;
    for p in &v.parties {
        let title = match (p.title, p.title_side) {
            (Some(t), Some(s)) => format!("title {t:?}, side {s}"),
            (Some(t), None) => format!("title {t:?}, no side"),
            (None, Some(s)) => format!("side {s}"),
            (None, None) => "no title".to_string(),
        };
        writeln!(
            out,
            "  {} [{}] {title}; letters on {} tasks",
            p.name, p.cell, p.assignments
        )?;
    }
    if !v.groups.is_empty() {
        writeln!(out)?;
        writeln!(out, "Groups ({}): {}", v.groups.len(), v.groups.join(" | "))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Counts: {} tasks, {} parties, {} assignments, {} cells not understood.",
        v.tasks,
        v.parties.len(),
        v.assignments,
        v.cells_not_understood
    )?;
    for i in &m.issues {
        writeln!(
            out,
            "  not understood: {} {:?} ({})",
            m.cell_ref(i.pos),
            i.raw,
            serde_json::to_value(&i.problem)
                .ok()
                .and_then(|x| x.as_str().map(str::to_string))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

/// Reads `input` (`-` is standard input), finds the matrix and prints how it was read.
pub fn run(input: &Path, settings: &Settings, json: bool, out: &mut dyn Write) -> Result<()> {
    let workbook = if input.as_os_str() == "-" {
        crate::input::read_stdin(&settings.limits)?
    } else {
        crate::input::read_path(input, &settings.limits)?
    };
    let matrix = layout::detect(&workbook, &settings.layout)?;
    render(&matrix, json, out).map_err(|source| Error::Write {
        path: "-".into(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{CellValue, Format, GridCell, Sheet, Workbook};

    /// A writer whose reader went away.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    use crate::model::Pos;

    #[test]
    fn text_and_json_say_what_was_read() {
        let rows = [["Task", "Ann (PO)", "Bob"], ["Plan", "R/A", "x"]];
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, t) in row.iter().enumerate() {
                cells.push(GridCell {
                    pos: Pos::new(r as u32, c as u32),
                    value: CellValue::text(t),
                });
            }
        }
        let wb = Workbook {
            file: "t.csv".into(),
            format: Format::Csv,
            sheets: vec![Sheet {
                name: None,
                cells,
                merges: vec![],
            }],
        };
        let m = layout::detect(&wb, &Default::default()).unwrap();
        let mut text = Vec::new();
        render(&m, false, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.contains("Ann (PO) [t.csv!B1] title \"PO\", side PO"),
            "{text}"
        );
        assert!(text.contains("1 tasks, 2 parties, 1 assignments, 1 cells not understood"));
        assert!(text.contains("t.csv!C2 \"x\" (unknown-letter)"));
        let mut json = Vec::new();
        render(&m, true, &mut json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["parties"][0]["title_side"], "PO");
        assert_eq!(v["cells_not_understood"], 1);
        // `raci inspect --json | head`: the reader went away, and the error says so (main
        // ends quietly on it), in both forms.
        for json in [false, true] {
            let err = render(&m, json, &mut Closed).unwrap_err();
            assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{json}");
        }
    }
}
