//! `report.json`: everything the other reports hold, as serde structs so keys come out in a
//! fixed order. The schema is documented in `docs/report-schema.md`; bump [`SCHEMA_VERSION`]
//! when a field changes meaning or goes away (adding a field does not need a bump).
//!
//! Everything is written once and referred to by index: tasks, parties and the taxonomy's
//! duties are listed once, and every other record names them by their place in those lists;
//! the overlaps and gaps are indices into `findings`; a task's letters are `[party, letters]`
//! pairs whose cell is where the task's row meets the party's column. Cell references are
//! local (`D7`), the file and sheet being in `source`. On a 50,000 x 30 matrix with many
//! findings, schema 2 repeated a party's name, a cell reference and a duty's sentence for
//! every letter of every task: 116 MB of a 171 MB file.

use super::facts::{headline_of, Facts};
use super::message::{template, PartyNames, Subject};
use super::tables::{class, finding_pos, owner_pos, party_stats, side};
use crate::audit::{Finding, Kind, PartyStats, Severity};
use crate::classify::{DutyKind, SideSource};
use crate::model::{
    push_column_name, CellProblem, LetterSet, Pos, SchemeLetter, SchemeName, Shape, Side, TitleSide,
};
use crate::outcome::Outcome;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// The version of the `report.json` layout: 4 since rules and message templates are listed
/// once and a finding's message is `[template, arguments]`; 3 since tasks, parties, duties and
/// findings are listed once and referred to by index (version 2 repeated party names, full
/// cell references and duty sentences for every letter; version 1 also every task listed
/// inside a record).
pub const SCHEMA_VERSION: u32 = 4;

#[derive(Serialize)]
pub(crate) struct Report<'a> {
    schema_version: u32,
    source: SourceJson<'a>,
    scheme: SchemeJson<'a>,
    headline: String,
    health: u32,
    counts: Counts,
    duties: Vec<DutyJson<'a>>,
    tasks: TasksJson<'a>,
    parties: Vec<PartyJson<'a>>,
    rules: &'a [RuleJson],
    messages: Vec<TemplateJson<'a>>,
    findings: FindingsJson<'a>,
    overlaps: FindingsOfKind<'a>,
    gaps: FindingsOfKind<'a>,
    coverage: Vec<CoverageJson<'a>>,
    cell_issues: Vec<CellIssueJson<'a>>,
    notes: &'a [String],
}

#[derive(Debug, Serialize)]
struct SourceJson<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
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
struct DutyJson<'a> {
    id: &'a str,
    side: Side,
    kind: DutyKind,
    text: &'a str,
    section: &'a str,
    /// Index into `duties` of the duty this entry restates.
    #[serde(skip_serializing_if = "Option::is_none")]
    covers: Option<usize>,
}

/// A cell reference without file and sheet (`D7`): `source` names them once.
fn local_ref(pos: Pos) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(10);
    push_column_name(&mut out, pos.col);
    let _ = write!(out, "{}", u64::from(pos.row) + 1);
    out
}

/// Duty ids to their place in `duties`.
struct DutyIndex<'a>(HashMap<&'a str, usize>);

impl<'a> DutyIndex<'a> {
    fn of(o: &Outcome<'a>) -> DutyIndex<'a> {
        let duties: &'a [crate::classify::Duty] = &o.taxonomy.duties;
        let mut map = HashMap::with_capacity(duties.len());
        for (i, d) in duties.iter().enumerate() {
            // The first entry of an id wins, as `Taxonomy::duty` finds it.
            map.entry(d.id.as_str()).or_insert(i);
        }
        DutyIndex(map)
    }

    fn get(&self, id: Option<&str>) -> Option<usize> {
        id.and_then(|id| self.0.get(id).copied())
    }
}

/// The `tasks` array, built one task at a time as it is written: a `TaskJson` per task held
/// all at once (its letter entries) took some 30 MB on 50,000 tasks.
struct TasksJson<'a> {
    o: Outcome<'a>,
    duties: &'a DutyIndex<'a>,
}

impl std::fmt::Debug for TasksJson<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TasksJson({} tasks)", self.o.matrix.tasks.len())
    }
}

impl Serialize for TasksJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let o = &self.o;
        let m = o.matrix;
        let mut seq = serializer.serialize_seq(Some(m.tasks.len()))?;
        for (i, t) in m.tasks.iter().enumerate() {
            let c = class(o, i);
            seq.serialize_element(&TaskJson {
                name: &t.name,
                group: t.group.as_deref(),
                context: t.context.as_deref(),
                cell: local_ref(t.pos),
                side: side(o, i),
                side_source: c.map(|c| c.source).unwrap_or(SideSource::Classifier),
                duty_index: self.duties.get(c.and_then(|c| c.duty.as_deref())),
                second_duty_index: self.duties.get(c.and_then(|c| c.second_duty.as_deref())),
                confidence: c.map(|c| c.confidence).unwrap_or(0.0),
                matched: c.map(|c| c.matched.as_slice()).unwrap_or(&[]),
                letters: LettersJson { o, task: t },
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct TaskJson<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    /// Text beside the task name that describes it (a deliverable), when the matrix has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
    cell: String,
    side: Side,
    side_source: SideSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    duty_index: Option<usize>,
    /// For a shared task that names a PO duty and a PM duty: the PM one.
    #[serde(skip_serializing_if = "Option::is_none")]
    second_duty_index: Option<usize>,
    confidence: f64,
    matched: &'a [String],
    letters: LettersJson<'a>,
}

/// A task's letters: `[party, "R/A"]` per party holding letters, in party order, where the
/// cell is the crossing of the task's line and the party's; `[party, "R/A", "D7"]` where it
/// is not (long and inverted matrices, which put letters elsewhere).
struct LettersJson<'a> {
    o: &'a Outcome<'a>,
    task: &'a crate::model::Task,
}

impl Serialize for LettersJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = self.o.matrix;
        let mut seq = serializer.serialize_seq(Some(self.task.assignments.len()))?;
        for a in &self.task.assignments {
            let crossing = m
                .parties
                .get(a.party)
                .map(|p| crossing(m.shape, self.task.pos, p.pos));
            if crossing == Some(a.pos) {
                seq.serialize_element(&(a.party, a.letters))?;
            } else {
                seq.serialize_element(&(a.party, a.letters, local_ref(a.pos)))?;
            }
        }
        seq.end()
    }
}

/// Where a task's line meets a party's: the task's row and the party's column, or in a
/// transposed matrix (tasks across, parties down) the party's row and the task's column.
fn crossing(shape: Shape, task: Pos, party: Pos) -> Pos {
    match shape {
        Shape::Transposed => Pos::new(party.row, task.col),
        _ => Pos::new(task.row, party.col),
    }
}

#[derive(Debug, Serialize)]
struct PartyJson<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_side: Option<TitleSide>,
    cell: String,
    stats: PartyStats,
}

/// A rule that raised findings, with its severity as configured: listed once, findings
/// give its index.
#[derive(Debug, Serialize)]
struct RuleJson {
    code: &'static str,
    name: &'static str,
    severity: Severity,
}

/// A message template, with the rule whose findings use it.
#[derive(Debug, Serialize)]
struct TemplateJson<'a> {
    /// Index into `rules`.
    rule: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    task_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    party_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duty_index: Option<usize>,
    /// Only when it is not the cell of the finding's task (or, without one, of its party).
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    message: MessageJson<'a>,
    /// Indices into `tasks`.
    #[serde(skip_serializing_if = "<[usize]>::is_empty")]
    related_tasks: &'a [usize],
}

/// `[template, arguments...]`: the index into `messages`, then one number per `{t}`, `{p}`
/// and `{n}` placeholder, in order.
struct MessageJson<'a> {
    template: usize,
    args: &'a [u64],
}

impl Serialize for MessageJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(1 + self.args.len()))?;
        seq.serialize_element(&self.template)?;
        for a in self.args {
            seq.serialize_element(a)?;
        }
        seq.end()
    }
}

/// The findings' rules and message templates, each listed once, and what each finding
/// refers to: worked out before anything is written, as both lists come before `findings`.
struct Encoded {
    rules: Vec<RuleJson>,
    /// Each template with its rule.
    templates: Vec<(usize, String)>,
    /// Per finding: its template and where its arguments end in `args` (they start where
    /// the previous finding's end). One list for all: 145,000 findings each with a list of
    /// their own took some 15 MB while the file was written.
    findings: Vec<(usize, usize)>,
    args: Vec<u64>,
}

impl Encoded {
    /// Finding `j`'s template and arguments.
    fn message(&self, j: usize) -> MessageJson<'_> {
        let (template, end) = self.findings[j];
        let start = j.checked_sub(1).map_or(0, |k| self.findings[k].1);
        MessageJson {
            template,
            args: &self.args[start..end],
        }
    }
}

impl Encoded {
    fn of(o: &Outcome) -> Encoded {
        let m = o.matrix;
        let parties = PartyNames::new(m.parties.iter().map(|p| p.name.as_str()));
        let name = |t: usize| m.tasks.get(t).map(|t| t.name.as_str());
        let mut rules = Vec::new();
        let mut rule_of: HashMap<(&str, Severity), usize> = HashMap::new();
        let mut templates = Vec::new();
        let mut template_of: HashMap<(usize, String), usize> = HashMap::new();
        let mut related = Vec::new();
        let mut all_args = Vec::new();
        let findings = o
            .audit
            .findings
            .iter()
            .map(|f| {
                let rule = *rule_of.entry((f.code, f.severity)).or_insert_with(|| {
                    rules.push(RuleJson {
                        code: f.code,
                        name: f.name,
                        severity: f.severity,
                    });
                    rules.len() - 1
                });
                related.clear();
                related.extend(f.related_tasks.iter().filter_map(|&t| Some((t, name(t)?))));
                let cell = finding_pos(o, f).map(|pos| m.cell_ref(pos));
                let subject = Subject {
                    task: f.task.and_then(name),
                    party: f
                        .party
                        .and_then(|p| m.parties.get(p))
                        .map(|p| p.name.as_str()),
                    cell: cell.as_deref(),
                    related: &related,
                };
                let (text, args) = template(&f.message, &subject, &parties);
                let next = templates.len();
                let index = *template_of.entry((rule, text)).or_insert_with_key(|key| {
                    templates.push(key.clone());
                    next
                });
                all_args.extend(args.iter().map(|a| a.value()));
                (index, all_args.len())
            })
            .collect();
        Encoded {
            rules,
            templates,
            findings,
            args: all_args,
        }
    }
}

#[derive(Debug, Serialize)]
struct CoverageJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    duty_index: Option<usize>,
    covered: bool,
    /// Indices into `tasks`.
    tasks: &'a [usize],
    /// Indices into `parties`.
    owners: &'a [usize],
}

#[derive(Debug, Serialize)]
struct CellIssueJson<'a> {
    cell: String,
    raw: &'a str,
    problem: &'a CellProblem,
    #[serde(skip_serializing_if = "Option::is_none")]
    task_index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    party_index: Option<usize>,
    letters: LetterSet,
}

/// `findings`, written one record at a time as it is serialised: on a matrix with 130,000
/// findings the records held at once took some 20 MB.
struct FindingsJson<'a> {
    o: Outcome<'a>,
    duties: &'a DutyIndex<'a>,
    encoded: &'a Encoded,
}

impl Serialize for FindingsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let o = &self.o;
        let audit: &crate::audit::Audit = o.audit;
        serializer.collect_seq(
            audit
                .findings
                .iter()
                .enumerate()
                .map(|(j, f)| finding_json(o, self.duties, f, self.encoded.message(j))),
        )
    }
}

/// The indices in `findings` of some of the findings (`overlaps`, `gaps`), by the kind of
/// their rule.
struct FindingsOfKind<'a> {
    o: Outcome<'a>,
    kind: Kind,
}

impl Serialize for FindingsOfKind<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let audit: &crate::audit::Audit = self.o.audit;
        serializer.collect_seq(
            audit
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.rule.kind == self.kind)
                .map(|(i, _)| i),
        )
    }
}

fn finding_json<'a>(
    o: &Outcome<'a>,
    duties: &DutyIndex,
    f: &'a Finding,
    message: MessageJson<'a>,
) -> FindingJson<'a> {
    // Written only where it differs from the cell a reader falls back to.
    let cell = f.pos.filter(|&pos| Some(pos) != owner_pos(o, f));
    FindingJson {
        task_index: f.task,
        party_index: f.party,
        duty_index: duties.get(f.duty.as_deref()),
        cell: cell.map(local_ref),
        message,
        related_tasks: &f.related_tasks,
    }
}

/// Writes the whole report through serde, keys in declaration order.
fn with_document<R>(o: &Outcome, write: impl FnOnce(&Report) -> R) -> R {
    let m = o.matrix;
    let facts = Facts::of(o);
    let duty_index = DutyIndex::of(o);
    let taxonomy = o.taxonomy;
    let duties = taxonomy
        .duties
        .iter()
        .map(|d| DutyJson {
            id: &d.id,
            side: d.side,
            kind: d.kind,
            text: &d.text,
            section: &d.section,
            covers: duty_index.get(d.covers.as_deref()),
        })
        .collect();
    let tasks = TasksJson {
        o: *o,
        duties: &duty_index,
    };
    let parties = m
        .parties
        .iter()
        .enumerate()
        .map(|(p, party)| PartyJson {
            name: &party.name,
            title: party.title.as_deref(),
            title_side: party.title_side,
            cell: local_ref(party.pos),
            stats: party_stats(o, p),
        })
        .collect();
    let audit = o.audit;
    let encoded = Encoded::of(o);
    let report = Report {
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
        health: audit.health,
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
                error: audit.count(Severity::Error),
                warning: audit.count(Severity::Warning),
                info: audit.count(Severity::Info),
            },
            unreadable_cells: m.issues.len(),
        },
        duties,
        tasks,
        parties,
        rules: &encoded.rules,
        messages: encoded
            .templates
            .iter()
            .map(|(rule, text)| TemplateJson { rule: *rule, text })
            .collect(),
        findings: FindingsJson {
            o: *o,
            duties: &duty_index,
            encoded: &encoded,
        },
        overlaps: FindingsOfKind {
            o: *o,
            kind: Kind::Overlap,
        },
        gaps: FindingsOfKind {
            o: *o,
            kind: Kind::Gap,
        },
        coverage: audit
            .coverage
            .iter()
            .map(|c| CoverageJson {
                duty_index: duty_index.get(Some(&c.duty)),
                covered: c.covered(),
                tasks: &c.tasks,
                owners: &c.owners,
            })
            .collect(),
        cell_issues: m
            .issues
            .iter()
            .map(|i| CellIssueJson {
                cell: local_ref(i.pos),
                raw: &i.raw,
                problem: &i.problem,
                task_index: i.task,
                party_index: i.party,
                letters: i.letters,
            })
            .collect(),
        notes: &m.notes,
    };
    write(&report)
}

/// The report as a JSON value: the same content as `report.json` (see
/// `docs/report-schema.md`). A `serde_json::Value` keeps object keys sorted, so only the file
/// shows them in the documented order.
pub fn json(o: &Outcome) -> serde_json::Value {
    with_document(o, |r| serde_json::to_value(r)).expect("report structs always serialise")
}

/// `report.json` bytes: compact, keys in declaration order, ending with a newline.
///
/// Compact because the file is for scripts (`jq .` pretty-prints it for a person) and the
/// indentation was a third of its size on large matrices.
pub fn bytes(o: &Outcome) -> Vec<u8> {
    // About 250 bytes a task (its letters and classification) plus the findings: sized once
    // so a large report is not copied over as the buffer grows.
    let hint = 16_384 + 300 * o.matrix.tasks.len() + 400 * o.audit.findings.len();
    let mut out = Vec::with_capacity(hint);
    write(o, &mut out).expect("report structs always serialise");
    out
}

/// Writes the bytes of [`bytes`] to `out` as they are serialised: on a 50,000-task matrix
/// the file is some 15 MB, which `raci audit` need not hold whole while the other reports
/// are rendered.
pub fn write(o: &Outcome, mut out: impl std::io::Write) -> std::io::Result<()> {
    with_document(o, |r| serde_json::to_writer(&mut out, r))?;
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
        assert_eq!(v["schema_version"], 4);
        assert_eq!(v["tasks"].as_array().unwrap().len(), 8);
        assert_eq!(v["parties"].as_array().unwrap().len(), 4);
        assert_eq!(v["tasks"][0]["letters"][0], serde_json::json!([0, "R/A"]));
        assert_eq!(v["tasks"][0]["cell"], "A3");
        assert_eq!(v["parties"][0]["cell"], "B2");
        // A task's findings are those naming it, as its own task or a related one.
        assert!(v["tasks"][2].get("findings").is_none());
        let mut codes: Vec<&str> = Vec::new();
        for (j, f) in v["findings"].as_array().unwrap().iter().enumerate() {
            let about = f.get("task_index") == Some(&2.into())
                || f.get("related_tasks")
                    .is_some_and(|r| r.as_array().unwrap().contains(&2.into()));
            let c = code(&v, j as u64);
            if about && !codes.contains(&c) {
                codes.push(c);
            }
        }
        assert_eq!(codes, ["R001", "O001"]);
        assert_eq!(v["counts"]["sides"]["PM"], 3);
        assert_eq!(v["cell_issues"][0]["problem"], "unknown-letter");
    }

    /// The cell of a letter entry as schema 3 tells a reader to find it.
    fn letter_cell(v: &serde_json::Value, task: usize, entry: &serde_json::Value) -> String {
        if let Some(cell) = entry.get(2) {
            return cell.as_str().unwrap().to_string();
        }
        let split = |cell: &str| {
            let digits = cell.find(|c: char| c.is_ascii_digit()).unwrap();
            (cell[..digits].to_string(), cell[digits..].to_string())
        };
        let party = entry[0].as_u64().unwrap() as usize;
        let (task_col, task_row) = split(v["tasks"][task]["cell"].as_str().unwrap());
        let (party_col, party_row) = split(v["parties"][party]["cell"].as_str().unwrap());
        if v["source"]["shape"] == "transposed" {
            format!("{task_col}{party_row}")
        } else {
            format!("{party_col}{task_row}")
        }
    }

    #[test]
    fn every_letter_cell_is_derived_or_listed() {
        let f = Fixture::new();
        let o = f.outcome();
        for shape in [Shape::Wide, Shape::Transposed, Shape::Long] {
            let mut matrix = o.matrix.clone();
            matrix.shape = shape;
            if shape == Shape::Transposed {
                // Tasks across, parties down: swap every position's row and column.
                let swap = |p: &mut Pos| *p = Pos::new(p.col, p.row);
                for t in &mut matrix.tasks {
                    swap(&mut t.pos);
                    t.assignments.iter_mut().for_each(|a| swap(&mut a.pos));
                }
                matrix.parties.iter_mut().for_each(|p| swap(&mut p.pos));
            }
            if shape == Shape::Long {
                // One row per letter: the letters stand below their task's row.
                for t in &mut matrix.tasks {
                    for (k, a) in t.assignments.iter_mut().enumerate() {
                        a.pos = Pos::new(a.pos.row + 100 + k as u32, 4);
                    }
                }
            }
            let o = Outcome {
                matrix: &matrix,
                ..o
            };
            let v = json(&o);
            let mut listed = 0;
            for (t, task) in matrix.tasks.iter().enumerate() {
                let entries = v["tasks"][t]["letters"].as_array().unwrap();
                assert_eq!(entries.len(), task.assignments.len());
                for (entry, a) in entries.iter().zip(&task.assignments) {
                    assert_eq!(entry[0], a.party);
                    assert_eq!(entry[1], a.letters.to_string());
                    assert_eq!(letter_cell(&v, t, entry), local_ref(a.pos), "{shape:?}");
                    listed += usize::from(entry.get(2).is_some());
                }
            }
            // Only letters away from the crossing carry their cell.
            let all: usize = matrix.tasks.iter().map(|t| t.assignments.len()).sum();
            let want = if shape == Shape::Long { all } else { 0 };
            assert_eq!(listed, want, "{shape:?}");
        }
    }

    #[test]
    fn file_keeps_declaration_order() {
        let f = Fixture::new();
        let text = String::from_utf8(bytes(&f.outcome())).unwrap();
        assert!(
            text.starts_with("{\"schema_version\":4,\"source\""),
            "{text}"
        );
        assert!(text.ends_with("}\n"));
        assert_eq!(text.matches('\n').count(), 1, "compact: one line");
    }

    #[test]
    fn duties_are_listed_once_and_referenced_by_index() {
        let f = Fixture::new();
        let o = f.outcome();
        let v = json(&o);
        let duties = v["duties"].as_array().unwrap();
        assert_eq!(duties.len(), o.taxonomy.duties.len());
        for (t, c) in o.classes.iter().enumerate() {
            let i = &v["tasks"][t]["duty_index"];
            match &c.duty {
                Some(id) => assert_eq!(duties[i.as_u64().unwrap() as usize]["id"], *id),
                None => assert!(i.is_null()),
            }
        }
        for (c, cov) in o
            .audit
            .coverage
            .iter()
            .zip(v["coverage"].as_array().unwrap())
        {
            let i = cov["duty_index"].as_u64().unwrap() as usize;
            assert_eq!(duties[i]["id"], c.duty);
        }
        // No duty sentence is written twice.
        let text = String::from_utf8(bytes(&o)).unwrap();
        for d in &o.taxonomy.duties {
            let quoted = serde_json::to_string(&d.text).unwrap();
            assert!(text.matches(&quoted).count() <= 1, "{}", d.id);
        }
    }

    /// Finding `j`'s rule entry, through its message template.
    fn rule(v: &serde_json::Value, j: u64) -> &serde_json::Value {
        let template = &v["findings"][j as usize]["message"][0];
        let rule = &v["messages"][template.as_u64().unwrap() as usize]["rule"];
        &v["rules"][rule.as_u64().unwrap() as usize]
    }

    /// Finding `j`'s code.
    fn code(v: &serde_json::Value, j: u64) -> &str {
        rule(v, j)["code"].as_str().unwrap()
    }

    /// Finding `j`'s message, rebuilt from its template as `docs/report-schema.md` says.
    fn message(v: &serde_json::Value, j: usize) -> String {
        let f = &v["findings"][j];
        let names = |list: &str| -> Vec<&str> {
            v[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["name"].as_str().unwrap())
                .collect()
        };
        let (tasks, parties) = (names("tasks"), names("parties"));
        let own = |key: &str, list: &[&'static str]| -> Option<&'static str> {
            f.get(key).map(|i| list[i.as_u64().unwrap() as usize])
        };
        let parts: Vec<u64> = f["message"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        let template = v["messages"][parts[0] as usize]["text"].as_str().unwrap();
        let tasks: Vec<&'static str> = tasks.into_iter().map(leak).collect();
        let parties: Vec<&'static str> = parties.into_iter().map(leak).collect();
        let cell = f
            .get("cell")
            .or_else(|| {
                f.get("task_index")
                    .map(|t| &v["tasks"][t.as_u64().unwrap() as usize]["cell"])
            })
            .or_else(|| {
                f.get("party_index")
                    .map(|p| &v["parties"][p.as_u64().unwrap() as usize]["cell"])
            })
            .map(|c| {
                let sheet = v["source"]
                    .get("sheet")
                    .map(|s| format!("[{}]", s.as_str().unwrap()));
                let file = v["source"]["file"].as_str().unwrap();
                leak(&format!(
                    "{file}{}!{}",
                    sheet.unwrap_or_default(),
                    c.as_str().unwrap()
                ))
            });
        let own = [
            own("task_index", &tasks),
            own("party_index", &parties),
            cell,
        ];
        super::super::message::render(template, &parts[1..], own, &tasks, &parties).unwrap()
    }

    fn leak(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }

    #[test]
    fn every_message_is_rebuilt_from_its_template() {
        let f = Fixture::new();
        let o = f.outcome();
        let v = json(&o);
        assert_eq!(
            v["findings"].as_array().unwrap().len(),
            o.audit.findings.len()
        );
        for (j, finding) in o.audit.findings.iter().enumerate() {
            assert_eq!(message(&v, j), finding.message);
            let rule = rule(&v, j as u64);
            assert_eq!(rule["code"], finding.code);
            assert_eq!(rule["name"], finding.name);
            assert_eq!(rule["severity"], finding.severity.as_str());
        }
        // No template is listed twice.
        let templates = v["messages"].as_array().unwrap();
        let mut unique = templates.clone();
        unique.sort_by_key(|t| t.to_string());
        unique.dedup();
        assert_eq!(unique.len(), templates.len());
    }

    #[test]
    fn a_finding_carries_its_cell_only_away_from_its_task() {
        let f = Fixture::new();
        let o = f.outcome();
        let v = json(&o);
        for (j, finding) in o.audit.findings.iter().enumerate() {
            let entry = &v["findings"][j];
            let fallback = entry
                .get("task_index")
                .map(|t| &v["tasks"][t.as_u64().unwrap() as usize]["cell"])
                .or_else(|| {
                    entry
                        .get("party_index")
                        .map(|p| &v["parties"][p.as_u64().unwrap() as usize]["cell"])
                });
            let cell = entry.get("cell").or(fallback).and_then(|c| c.as_str());
            assert_eq!(cell, finding_pos(&o, finding).map(local_ref).as_deref());
            // Nothing absent is written as null.
            assert!(entry.as_object().unwrap().values().all(|x| !x.is_null()));
        }
    }

    #[test]
    fn overlaps_and_gaps_point_at_their_findings() {
        let f = Fixture::new();
        let v = json(&f.outcome());
        let codes = |key: &str| -> Vec<&str> {
            v[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|j| code(&v, j.as_u64().unwrap()))
                .collect()
        };
        assert_eq!(codes("overlaps"), ["O001"]);
        assert_eq!(codes("gaps"), ["R001", "G001", "G002", "R007", "G003"]);
        // An overlap's tasks on each side are its related tasks with that side.
        let o = &v["findings"][v["overlaps"][0].as_u64().unwrap() as usize];
        let on = |side: &str| -> Vec<&str> {
            o["related_tasks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| &v["tasks"][t.as_u64().unwrap() as usize])
                .filter(|t| t["side"] == side)
                .map(|t| t["name"].as_str().unwrap())
                .collect()
        };
        assert_eq!(on("PO").len(), 2);
        assert_eq!(on("PM")[0], "Define product vision");
    }
}
