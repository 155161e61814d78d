//! `report.json`: everything the other reports hold, as serde structs so keys come out in a
//! fixed order. The schema is documented in `docs/report-schema.md`; bump [`SCHEMA_VERSION`]
//! when a field changes meaning or goes away (adding a field does not need a bump).
//!
//! Lists of tasks inside other records (an overlap's tasks, a duty's tasks, a finding's related
//! tasks) are indices into `tasks`, and the file is compact: on a 50,000-task matrix, repeating
//! each task's name and side wherever it was listed, pretty-printed, made a 103 MB file that
//! took most of a second to write.

use super::facts::{headline_of, Facts};
use super::tables::{
    class, finding_cell, finding_codes_per_task, gap_side, is_gap, is_overlap, overlap_columns,
    party_name_ref, party_stats, side, task_name_ref,
};
use crate::audit::{Finding, PartyStats, Severity};
use crate::classify::SideSource;
use crate::model::{CellProblem, LetterSet, SchemeLetter, SchemeName, Shape, Side, TitleSide};
use crate::outcome::Outcome;
use serde::Serialize;
use std::borrow::Cow;

/// The version of the `report.json` layout: 2 since task lists are indices into `tasks`
/// (version 1 repeated `{ "index", "name", "side" }` for every task listed).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Serialize)]
pub(crate) struct Report<'a> {
    schema_version: u32,
    source: SourceJson<'a>,
    scheme: SchemeJson<'a>,
    headline: String,
    health: u32,
    counts: Counts,
    tasks: TasksJson<'a>,
    parties: Vec<PartyJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    overlaps: Vec<OverlapJson<'a>>,
    gaps: Vec<GapJson<'a>>,
    coverage: Vec<CoverageJson<'a>>,
    cell_issues: Vec<CellIssueJson<'a>>,
    notes: &'a [String],
}

#[derive(Debug, Serialize)]
struct SourceJson<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    shape: Shape,
}

#[derive(Debug, Serialize)]
struct SchemeJson<'a> {
    name: SchemeName,
    description: String,
    letters: &'a [SchemeLetter],
}

#[derive(Debug, Serialize)]
struct Counts {
    tasks: usize,
    parties: usize,
    sides: SideCounts,
    findings: SeverityCounts,
    unreadable_cells: usize,
}

#[derive(Debug, Serialize)]
struct SideCounts {
    #[serde(rename = "PO")]
    po: usize,
    #[serde(rename = "PM")]
    pm: usize,
    shared: usize,
    unclassified: usize,
}

#[derive(Debug, Serialize)]
struct SeverityCounts {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Debug, Serialize)]
struct PartyRef<'a> {
    index: usize,
    name: Cow<'a, str>,
}

/// The `tasks` array, built one task at a time as it is written: a `TaskJson` per task held
/// all at once (its cell references and letter entries) took some 30 MB on 50,000 tasks.
#[derive(Debug)]
struct TasksJson<'a> {
    o: Outcome<'a>,
    codes: Vec<Vec<&'static str>>,
}

impl Serialize for TasksJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let o = &self.o;
        let mut seq = serializer.serialize_seq(Some(o.matrix.tasks.len()))?;
        for (i, t) in o.matrix.tasks.iter().enumerate() {
            let c = class(o, i);
            let duty = c.and_then(|c| c.duty.as_deref());
            seq.serialize_element(&TaskJson {
                index: i,
                name: &t.name,
                group: t.group.as_deref(),
                context: t.context.as_deref(),
                cell: o.matrix.cell_ref(t.pos),
                side: side(o, i),
                side_source: c.map(|c| c.source).unwrap_or(SideSource::Classifier),
                duty,
                second_duty: c.and_then(|c| c.second_duty.as_deref()),
                duty_text: duty.and_then(|d| o.duty(d)).map(|d| d.text.as_str()),
                confidence: c.map(|c| c.confidence).unwrap_or(0.0),
                matched: c.map(|c| c.matched.as_slice()).unwrap_or(&[]),
                letters: t
                    .assignments
                    .iter()
                    .map(|a| LettersJson {
                        party_index: a.party,
                        party: party_name_ref(o, a.party),
                        letters: a.letters,
                        cell: o.matrix.cell_ref(a.pos),
                    })
                    .collect(),
                findings: self.codes.get(i).map(Vec::as_slice).unwrap_or(&[]),
            })?;
        }
        seq.end()
    }
}

#[derive(Debug, Serialize)]
struct TaskJson<'a> {
    index: usize,
    name: &'a str,
    group: Option<&'a str>,
    /// Text beside the task name that describes it (a deliverable), when the matrix has it.
    context: Option<&'a str>,
    cell: String,
    side: Side,
    side_source: SideSource,
    duty: Option<&'a str>,
    /// For a shared task that names a PO duty and a PM duty: the PM one.
    #[serde(skip_serializing_if = "Option::is_none")]
    second_duty: Option<&'a str>,
    duty_text: Option<&'a str>,
    confidence: f64,
    matched: &'a [String],
    letters: Vec<LettersJson<'a>>,
    findings: &'a [&'static str],
}

#[derive(Debug, Serialize)]
struct LettersJson<'a> {
    party_index: usize,
    party: Cow<'a, str>,
    letters: LetterSet,
    cell: String,
}

#[derive(Debug, Serialize)]
struct PartyJson<'a> {
    index: usize,
    name: &'a str,
    title: Option<&'a str>,
    title_side: Option<TitleSide>,
    cell: String,
    stats: PartyStats,
}

#[derive(Debug, Serialize)]
struct FindingJson<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    task_index: Option<usize>,
    task: Option<Cow<'a, str>>,
    party_index: Option<usize>,
    party: Option<Cow<'a, str>>,
    duty: Option<&'a str>,
    cell: Option<String>,
    message: &'a str,
    /// Indices into `tasks`.
    related_tasks: &'a [usize],
}

#[derive(Debug, Serialize)]
struct OverlapJson<'a> {
    code: &'static str,
    severity: Severity,
    party_index: Option<usize>,
    party: Option<Cow<'a, str>>,
    task_index: Option<usize>,
    task: Option<Cow<'a, str>>,
    /// Indices into `tasks`, split by the task's side.
    po_side_tasks: Vec<usize>,
    pm_side_tasks: Vec<usize>,
    other_tasks: Vec<usize>,
    cell: Option<String>,
    message: &'a str,
}

#[derive(Debug, Serialize)]
struct GapJson<'a> {
    code: &'static str,
    severity: Severity,
    side: Option<Side>,
    duty_id: Option<&'a str>,
    duty: Option<&'a str>,
    task_index: Option<usize>,
    task: Option<Cow<'a, str>>,
    cell: Option<String>,
    message: &'a str,
}

#[derive(Debug, Serialize)]
struct CoverageJson<'a> {
    duty_id: &'a str,
    side: Option<Side>,
    duty: Option<&'a str>,
    covered: bool,
    /// Indices into `tasks`.
    tasks: &'a [usize],
    owners: Vec<PartyRef<'a>>,
}

#[derive(Debug, Serialize)]
struct CellIssueJson<'a> {
    cell: String,
    raw: &'a str,
    problem: &'a CellProblem,
    task_index: Option<usize>,
    task: Option<Cow<'a, str>>,
    party_index: Option<usize>,
    party: Option<Cow<'a, str>>,
    letters: LetterSet,
}

fn cell(o: &Outcome, f: &Finding) -> Option<String> {
    Some(finding_cell(o, f)).filter(|c| !c.is_empty())
}

fn finding_json<'a>(o: &Outcome<'a>, f: &'a Finding) -> FindingJson<'a> {
    FindingJson {
        code: f.code,
        name: f.name,
        severity: f.severity,
        task_index: f.task,
        task: f.task.map(|t| task_name_ref(o, t)),
        party_index: f.party,
        party: f.party.map(|p| party_name_ref(o, p)),
        duty: f.duty.as_deref(),
        cell: cell(o, f),
        message: &f.message,
        related_tasks: &f.related_tasks,
    }
}

fn overlap_json<'a>(o: &Outcome<'a>, f: &'a Finding) -> OverlapJson<'a> {
    let [po, pm, other] = overlap_columns(o, f);
    OverlapJson {
        code: f.code,
        severity: f.severity,
        party_index: f.party,
        party: f.party.map(|p| party_name_ref(o, p)),
        task_index: f.task,
        task: f.task.map(|t| task_name_ref(o, t)),
        po_side_tasks: po,
        pm_side_tasks: pm,
        other_tasks: other,
        cell: cell(o, f),
        message: &f.message,
    }
}

fn gap_json<'a>(o: &Outcome<'a>, f: &'a Finding) -> GapJson<'a> {
    GapJson {
        code: f.code,
        severity: f.severity,
        side: gap_side(o, f),
        duty_id: f.duty.as_deref(),
        duty: f
            .duty
            .as_deref()
            .and_then(|d| o.duty(d))
            .map(|d| d.text.as_str()),
        task_index: f.task,
        task: f.task.map(|t| task_name_ref(o, t)),
        cell: cell(o, f),
        message: &f.message,
    }
}

/// The whole report as serde structs, keys in declaration order.
pub(crate) fn document<'a>(o: &Outcome<'a>) -> Report<'a> {
    let m = o.matrix;
    let facts = Facts::of(o);
    let tasks = TasksJson {
        o: *o,
        codes: finding_codes_per_task(o),
    };
    let parties = m
        .parties
        .iter()
        .enumerate()
        .map(|(p, party)| PartyJson {
            index: p,
            name: &party.name,
            title: party.title.as_deref(),
            title_side: party.title_side,
            cell: m.cell_ref(party.pos),
            stats: party_stats(o, p),
        })
        .collect();
    let audit: &'a crate::audit::Audit = o.audit;
    let findings = &audit.findings;
    Report {
        schema_version: SCHEMA_VERSION,
        source: SourceJson {
            file: &m.source.file,
            sheet: m.source.sheet.as_deref(),
            shape: m.shape,
        },
        scheme: SchemeJson {
            name: m.scheme.name,
            description: m.scheme.describe(),
            letters: &m.scheme.letters,
        },
        headline: headline_of(&facts, o),
        health: o.audit.health,
        counts: Counts {
            tasks: m.tasks.len(),
            parties: m.parties.len(),
            sides: SideCounts {
                po: facts.per_side[0],
                pm: facts.per_side[1],
                shared: facts.per_side[2],
                unclassified: facts.per_side[3],
            },
            findings: SeverityCounts {
                error: o.audit.count(Severity::Error),
                warning: o.audit.count(Severity::Warning),
                info: o.audit.count(Severity::Info),
            },
            unreadable_cells: m.issues.len(),
        },
        tasks,
        parties,
        findings: findings.iter().map(|f| finding_json(o, f)).collect(),
        overlaps: findings
            .iter()
            .filter(|f| is_overlap(f.code))
            .map(|f| overlap_json(o, f))
            .collect(),
        gaps: findings
            .iter()
            .filter(|f| is_gap(f.code))
            .map(|f| gap_json(o, f))
            .collect(),
        coverage: audit
            .coverage
            .iter()
            .map(|c| {
                let duty = o.duty(&c.duty);
                CoverageJson {
                    duty_id: &c.duty,
                    side: duty.map(|d| d.side),
                    duty: duty.map(|d| d.text.as_str()),
                    covered: c.covered(),
                    tasks: &c.tasks,
                    owners: c
                        .owners
                        .iter()
                        .map(|&p| PartyRef {
                            index: p,
                            name: party_name_ref(o, p),
                        })
                        .collect(),
                }
            })
            .collect(),
        cell_issues: m
            .issues
            .iter()
            .map(|i| CellIssueJson {
                cell: m.cell_ref(i.pos),
                raw: &i.raw,
                problem: &i.problem,
                task_index: i.task,
                task: i.task.map(|t| task_name_ref(o, t)),
                party_index: i.party,
                party: i.party.map(|p| party_name_ref(o, p)),
                letters: i.letters,
            })
            .collect(),
        notes: &m.notes,
    }
}

/// The report as a JSON value: the same content as `report.json` (see
/// `docs/report-schema.md`). A `serde_json::Value` keeps object keys sorted, so only the file
/// shows them in the documented order.
pub fn json(o: &Outcome) -> serde_json::Value {
    serde_json::to_value(document(o)).expect("report structs always serialise")
}

/// `report.json` bytes: compact, keys in declaration order, ending with a newline.
///
/// Compact because the file is for scripts (`jq .` pretty-prints it for a person) and the
/// indentation was a third of its size on large matrices.
pub fn bytes(o: &Outcome) -> Vec<u8> {
    // About 850 bytes a task (its letters, cells and classification) plus the findings:
    // sized once so a large report is not copied over as the buffer grows.
    let hint = 4096 + 900 * o.matrix.tasks.len() + 200 * o.audit.findings.len();
    let mut out = Vec::with_capacity(hint);
    write(o, &mut out).expect("report structs always serialise");
    out
}

/// Writes the bytes of [`bytes`] to `out` as they are serialised: on a 50,000-task matrix
/// the file is some 40 MB, which `raci audit` need not hold whole while the other reports
/// are rendered.
pub fn write(o: &Outcome, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut out, &document(o))?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    #[test]
    fn has_schema_version_and_every_task() {
        let f = Fixture::new();
        let v = json(&f.outcome());
        assert_eq!(v["schema_version"], 2);
        assert_eq!(v["tasks"].as_array().unwrap().len(), 8);
        assert_eq!(v["parties"].as_array().unwrap().len(), 4);
        assert_eq!(v["tasks"][0]["letters"][0]["letters"], "R/A");
        assert_eq!(v["tasks"][0]["letters"][0]["cell"], "team.xlsx[RACI]!B3");
        assert_eq!(
            v["tasks"][2]["findings"],
            serde_json::json!(["R001", "O001"])
        );
        assert_eq!(v["counts"]["sides"]["PM"], 3);
        assert_eq!(v["cell_issues"][0]["problem"], "unknown-letter");
    }

    #[test]
    fn file_keeps_declaration_order() {
        let f = Fixture::new();
        let text = String::from_utf8(bytes(&f.outcome())).unwrap();
        assert!(
            text.starts_with("{\"schema_version\":2,\"source\""),
            "{text}"
        );
        assert!(text.ends_with("}\n"));
        assert_eq!(text.matches('\n').count(), 1, "compact: one line");
    }

    #[test]
    fn overlaps_and_gaps_are_split_out() {
        let f = Fixture::new();
        let v = json(&f.outcome());
        let o = &v["overlaps"][0];
        assert_eq!(o["po_side_tasks"].as_array().unwrap().len(), 2);
        let pm = o["pm_side_tasks"][0].as_u64().unwrap() as usize;
        assert_eq!(v["tasks"][pm]["name"], "Define product vision");
        let codes: Vec<&str> = v["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["R001", "G001", "G002", "R007", "G003"]);
    }
}
