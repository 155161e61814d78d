//! Synthetic RACI matrices for benchmarks, size tests and the samples: realistic task names,
//! letters (combined cells, phase rows, the odd missing or doubled Accountable), written as
//! CSV, XLSX or ODS bytes. Deterministic: the same size and seed give the same bytes.

use std::io::Write;

/// A small, fixed pseudo-random generator (SplitMix64): no dependency, same numbers on every
/// platform, so generated benchmark files are reproducible.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VERBS: &[&str] = &[
    "Define",
    "Prioritise",
    "Refine",
    "Review",
    "Plan",
    "Run",
    "Write",
    "Approve",
    "Track",
    "Prepare",
    "Analyse",
    "Test",
    "Accept",
    "Present",
    "Update",
    "Validate",
    "Coordinate",
];

const OBJECTS: &[&str] = &[
    "product vision",
    "product backlog",
    "sprint goal",
    "user stories",
    "acceptance criteria",
    "release plan",
    "roadmap",
    "market research",
    "competitive analysis",
    "pricing",
    "go-to-market plan",
    "sales enablement deck",
    "customer interviews",
    "business KPIs",
    "OKRs",
    "UAT",
    "sprint review",
    "retrospective actions",
    "stakeholder requirements",
    "business case",
    "launch announcement",
    "architecture decision",
    "test plan",
    "deployment checklist",
    "support handover",
    "budget",
    "personas",
    "onboarding flow",
];

const AREAS: &[&str] = &[
    "checkout",
    "search",
    "payments",
    "mobile app",
    "onboarding",
    "billing",
    "reporting",
    "notifications",
    "admin console",
    "partner API",
];

const PHASES: &[&str] = &[
    "Discovery",
    "Planning",
    "Delivery",
    "Testing",
    "Launch",
    "Operations",
];

const ROLES: &[&str] = &[
    "Product Owner",
    "Product Manager",
    "Scrum Master",
    "Engineering Lead",
    "Developers",
    "UX Designer",
    "QA Lead",
    "Marketing Manager",
    "Sales Lead",
    "Data Analyst",
    "Support Lead",
    "Architect",
    "DevOps",
    "Legal",
    "Finance",
];

/// A wide matrix as rows of cell texts: header row, phase rows, task rows.
///
/// Every tenth-or-so task starts a phase row; each task has one Accountable (about 2 % have
/// none and 1 % two), one or two Responsible (often combined as `A/R`), and some C and I.
pub fn wide_grid(tasks: usize, parties: usize, seed: u64) -> Vec<Vec<String>> {
    grid(tasks, parties, seed, |rng, cells| {
        let parties = cells.len();
        if parties == 0 {
            return;
        }
        let roll = rng.below(100);
        let a = rng.below(parties);
        if roll >= 2 {
            cells[a] = "A".into();
        }
        if roll == 99 && parties > 1 {
            cells[(a + 1) % parties] = "A".into();
        }
        let r = rng.below(parties);
        cells[r] = if cells[r] == "A" {
            "A/R".into()
        } else {
            "R".into()
        };
        for _ in 0..rng.below(4) {
            let c = rng.below(parties);
            if cells[c].is_empty() {
                cells[c] = if rng.below(2) == 0 { "C" } else { "I" }.into();
            }
        }
    })
}

/// A wide matrix like [`wide_grid`] whose letters are drawn cell by cell at random (and 1 % are
/// not letters of the scheme): on 30 parties most tasks get two or more Accountables or none,
/// many too many R, C or I, so most tasks have findings (about 2.5 a task). The worst case for
/// the reports' size.
pub fn random_grid(tasks: usize, parties: usize, seed: u64) -> Vec<Vec<String>> {
    grid(tasks, parties, seed, |rng, cells| {
        for cell in cells.iter_mut() {
            *cell = match rng.below(100) {
                0..=4 => "A",
                5..=16 => "R",
                17 => "A/R",
                18..=33 => "C",
                34..=55 => "I",
                // A letter outside the scheme, as real matrices have.
                56 => "X",
                _ => "",
            }
            .into();
        }
    })
}

/// The header row, then a phase row every 12 tasks and one row per task: its name, then the
/// party cells `letters` fills in.
fn grid(
    tasks: usize,
    parties: usize,
    seed: u64,
    mut letters: impl FnMut(&mut Rng, &mut [String]),
) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    let mut header = vec!["Task".to_string()];
    for p in 0..parties {
        let role = ROLES[p % ROLES.len()];
        let name = if p < ROLES.len() {
            role.to_string()
        } else {
            format!("{role} {}", p / ROLES.len() + 1)
        };
        header.push(name);
    }
    let mut rows = vec![header];
    let mut phase = 0;
    for t in 0..tasks {
        if t % 12 == 0 {
            rows.push(vec![format!(
                "{} {}",
                PHASES[phase % PHASES.len()],
                phase / PHASES.len() + 1
            )]);
            phase += 1;
        }
        let name = format!(
            "{} {} for {} #{}",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(AREAS),
            t + 1
        );
        let mut row = vec![String::new(); parties + 1];
        row[0] = name;
        letters(&mut rng, &mut row[1..]);
        rows.push(row);
    }
    rows
}

/// CSV bytes, quoting where needed.
pub fn to_csv(grid: &[Vec<String>], delimiter: u8) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_writer(Vec::new());
    for row in grid {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}

/// XLSX bytes with one sheet holding the grid from A1.
pub fn to_xlsx(grid: &[Vec<String>], sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let props = rust_xlsxwriter::DocProperties::new()
        .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 5)?);
    wb.set_properties(&props);
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    for (r, row) in grid.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell)?;
            }
        }
    }
    wb.save_to_buffer()
}

/// A minimal OpenDocument spreadsheet: the mimetype first and stored, a manifest, and the
/// table in content.xml; enough for LibreOffice and calamine alike. Fixed timestamps keep the
/// bytes stable.
pub fn to_ods(grid: &[Vec<String>], sheet: &str) -> std::io::Result<Vec<u8>> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    content.push_str(&format!(
        "<table:table table:name=\"{}\">",
        crate::report::escape_html(sheet)
    ));
    for row in grid {
        content.push_str("<table:table-row>");
        for cell in row {
            if cell.is_empty() {
                content.push_str("<table:table-cell/>");
            } else {
                content.push_str("<table:table-cell office:value-type=\"string\"><text:p>");
                content.push_str(&crate::report::escape_html(cell));
                content.push_str("</text:p></table:table-cell>");
            }
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let fixed = zip::DateTime::from_date_and_time(2026, 1, 5, 0, 0, 0)
            .map_err(|_| std::io::Error::other("fixed zip date"))?;
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(fixed);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(fixed);
        zip.start_file("mimetype", stored)
            .map_err(std::io::Error::other)?;
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
        zip.start_file("META-INF/manifest.xml", deflated)
            .map_err(std::io::Error::other)?;
        zip.write_all(manifest.as_bytes())?;
        zip.start_file("content.xml", deflated)
            .map_err(std::io::Error::other)?;
        zip.write_all(content.as_bytes())?;
        zip.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_is_deterministic_and_sized() {
        let a = wide_grid(50, 10, 7);
        let b = wide_grid(50, 10, 7);
        assert_eq!(a, b);
        let task_rows = a.iter().skip(1).filter(|r| r.len() > 1).count();
        assert_eq!(task_rows, 50);
        assert_eq!(a[0].len(), 11);
        assert_ne!(wide_grid(50, 10, 8), a);
    }

    #[test]
    fn random_grid_gives_most_tasks_two_accountables_or_none() {
        let g = random_grid(1_000, 30, 42);
        assert_eq!(g, random_grid(1_000, 30, 42));
        let tasks: Vec<&Vec<String>> = g.iter().skip(1).filter(|r| r.len() > 1).collect();
        assert_eq!(tasks.len(), 1_000);
        let not_one = tasks
            .iter()
            .filter(|r| r[1..].iter().filter(|c| c.contains('A')).count() != 1)
            .count();
        assert!(not_one > 500, "{not_one} of 1000");
    }

    #[test]
    fn writers_produce_bytes() {
        let g = wide_grid(5, 3, 1);
        assert!(to_csv(&g, b',').starts_with(b"Task,"));
        assert!(to_xlsx(&g, "RACI").unwrap().starts_with(b"PK"));
        let ods = to_ods(&g, "RACI").unwrap();
        assert!(ods.starts_with(b"PK"));
        assert_eq!(to_ods(&g, "RACI").unwrap(), ods);
    }
}
