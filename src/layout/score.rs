//! The one scorer: every candidate reading of every table of every sheet is ranked on the
//! same named evidence, and the evidence that separated the chosen reading from the runner-up
//! is kept so that `raci inspect` can show it and the audit can say when the two were close.
//!
//! Each piece of evidence is a factor between 0 and 1 with a weight; a reading's score is the
//! weighted product of its factors, so one bad sign (party headers that are letters, a party
//! block that holds no letters) sinks a reading that is otherwise large.

use super::legend::Legend;
use super::Candidate;
use crate::input::Sheet;
use crate::model::{Matrix, Shape};
use std::collections::BTreeMap;

/// One named piece of evidence about a reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Factor {
    /// Short name, for `inspect --format json`.
    pub key: &'static str,
    /// Between 0 and 1: 1 is what a real matrix looks like.
    pub value: f64,
    /// Its exponent in the score.
    pub weight: f64,
    /// What was counted, in words ("3 of 40 cells in the party block are letters").
    pub detail: String,
}

/// Most task and party names looked at per reading: the share of a sample tells as much as
/// the share of all 50,000 tasks, and this keeps scoring linear in nothing but this bound.
const SAMPLE: usize = 400;

/// Every `step`-th item, at most [`SAMPLE`] of them.
fn sample<T>(items: &[T]) -> impl Iterator<Item = &T> {
    let step = items.len().div_ceil(SAMPLE).max(1);
    items.iter().step_by(step)
}

/// A ratio with a small prior toward `prior`, so that one cell out of one is not certainty.
fn ratio(hits: f64, total: f64, prior: f64) -> f64 {
    (hits + prior) / (total + 1.0)
}

/// Words a header uses for groups of tasks (`Area`, `Phase`, `Workstreams`), folded.
const GROUP_WORDS: &[&str] = &[
    "area",
    "phase",
    "category",
    "categorie",
    "categoria",
    "kategorie",
    "group",
    "groupe",
    "gruppe",
    "grupo",
    "gruppo",
    "domain",
    "domaine",
    "dominio",
    "stage",
    "section",
    "workstream",
    "theme",
    "topic",
    "bereich",
    "ambito",
    "fase",
    "etapa",
    "module",
    "modulo",
    "capability",
];

/// Whether a folded word is a group word or its plural (`phases`, `capabilities`).
fn is_group_word(w: &str) -> bool {
    GROUP_WORDS.iter().any(|g| {
        w == *g
            || w.strip_suffix('s') == Some(g)
            || w.strip_suffix("ies")
                .is_some_and(|stem| g.strip_suffix('y') == Some(stem))
    })
}

/// Does the corner cell (the task column's header) name the rows as parties (`Role`,
/// `Stakeholder \ Task`) or as tasks (`Task`, `Activity`)? `Some(true)` when it names the
/// rows as parties, `None` when it says nothing or both.
pub(crate) fn corner_names_parties(corner: &str) -> Option<bool> {
    match corner_words(corner) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
}

/// Whether a header holds a word that names tasks, and one that names parties.
fn corner_words(corner: &str) -> (bool, bool) {
    let c = super::grid::fold(corner);
    let has = |words: &[&str]| {
        // A group word is no task word, though it starts like one (`Workstream`).
        c.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !is_group_word(w))
            .any(|w| words.iter().any(|x| w.starts_with(x)))
    };
    let task = has(&[
        "task",
        "tache",
        "activit",
        "deliverable",
        "livrable",
        "aufgabe",
        "aktivit",
        "step",
        "action",
        "attivita",
        "tarea",
        "tarefa",
        "entregavel",
        "zadach",
        "process",
        "milestone",
        "decision",
        "work",
    ]);
    let party = has(&[
        "role",
        "party",
        "parties",
        "person",
        "people",
        "member",
        "stakeholder",
        "participant",
        "uchastnik",
        "who",
        "ruolo",
        "rolle",
        "papel",
        "personne",
        "resource",
    ]);
    (task, party)
}

/// Does the task column's header name groups of tasks (`Area`, `Phase`, `Category`) rather
/// than the tasks? Only when it names neither tasks nor parties as well (`Process Area`,
/// `Phase / Step` name tasks).
pub(crate) fn corner_names_groups(corner: &str) -> bool {
    let c = super::grid::fold(corner);
    let mut words = c.split(|ch: char| !ch.is_alphanumeric());
    words.any(is_group_word) && corner_words(corner) == (false, false)
}

/// A reading whose task column is headed as a column of groups (`Area`) while another
/// column before the parties is headed as tasks (`Task`) has taken the groups for the tasks.
const GROUP_HEADER_VALUE: f64 = 0.7;

/// The evidence of the header row about the task column the wide reader chose: against it
/// when its header names groups (`Area`) and `other` (another column of names before the
/// parties, with its header) is headed as tasks. A header that says nothing is no evidence:
/// a column headed `Area` is the task column when nothing else is.
pub(crate) fn task_header_evidence(task_header: &str, other: (&str, &str)) -> Option<Factor> {
    let (other_col, other_header) = other;
    (corner_names_groups(task_header) && corner_names_parties(other_header) == Some(false)).then(
        || Factor {
            key: "task-column-header",
            value: GROUP_HEADER_VALUE,
            weight: 1.0,
            detail: format!(
                "the task column's header {:?} names groups, and {other_col} is headed {:?}",
                super::grid::clean_name(task_header),
                super::grid::clean_name(other_header)
            ),
        },
    )
}

/// The evidence about one reading. `most_letters` is the largest number of letters any
/// reading of the workbook understood: a reading that understands far fewer is a smaller
/// part of the sheet.
/// Letters understood, with the involvement marks of a file of marks.
fn understood(m: &crate::model::Matrix) -> usize {
    super::score(m)
        + m.issues
            .iter()
            .filter(|i| i.letters.is_empty() && crate::model::is_involvement_mark(&i.raw))
            .count()
}

/// Most a header that names a detail (`Status`, `Due date`) counts as a party's name: the
/// word alone reads like a name (`Status` is one capitalised word), but a reading that takes
/// such a column for a party is likely wrong about it.
const DETAIL_HEADER_LIKENESS: f64 = 0.3;

/// How much a party header reads like a name, a role or a team.
fn header_likeness(name: &str) -> f64 {
    let v = super::words::party_likeness(name);
    if super::wide::non_party_header(name) {
        v.min(DETAIL_HEADER_LIKENESS)
    } else {
        v
    }
}

pub(crate) fn evidence(c: &Candidate, most_letters: usize) -> Vec<Factor> {
    let m = &c.matrix;
    let mut out = Vec::new();
    let letters = understood(m);
    // The party block: the cells where task rows meet party columns that hold something.
    // Understood cells are assignments; the others are the issues filed there.
    // Involvement marks (`x`) are the letters of a file of marks: not understood yet, but
    // what a party block holds.
    let is_mark = |i: &crate::model::CellIssue| {
        i.letters.is_empty() && crate::model::is_involvement_mark(&i.raw)
    };
    let marks = m.issues.iter().filter(|i| is_mark(i)).count();
    let assigned: usize = m.tasks.iter().map(|t| t.assignments.len()).sum::<usize>() + marks;
    let unread = m.issues.len() - marks;
    let block = assigned + unread;
    out.push(Factor {
        key: "letters-in-party-block",
        value: ratio(assigned as f64, block as f64, 0.5),
        weight: 1.0,
        detail: format!(
            "{assigned} of {block} cells in the party block are letters{}",
            match m.shape {
                Shape::Inverted => " or names",
                _ => "",
            }
        ),
    });
    let mut marked = vec![false; m.tasks.len()];
    for i in m.issues.iter().filter(|i| is_mark(i)) {
        if let Some(t) = i.task.filter(|&t| t < marked.len()) {
            marked[t] = true;
        }
    }
    let held = m
        .tasks
        .iter()
        .zip(&marked)
        .filter(|(t, &x)| x || !t.assignments.is_empty())
        .count();
    out.push(Factor {
        key: "tasks-with-letters",
        value: ratio(held as f64, m.tasks.len() as f64, 0.5),
        weight: 0.5,
        detail: format!("{held} of {} tasks carry a letter", m.tasks.len()),
    });
    let names: Vec<f64> = sample(&m.parties)
        .map(|p| header_likeness(&p.name))
        .collect();
    let name_like = names.iter().filter(|&&v| v >= 0.7).count();
    out.push(Factor {
        key: "party-headers-read-as-names",
        value: names.iter().sum::<f64>() / names.len().max(1) as f64,
        weight: 1.0,
        detail: format!(
            "{name_like} of {} party headers read like names, roles or teams",
            names.len()
        ),
    });
    if let Some(f) = repeated_party_names(m) {
        out.push(f);
    }
    if let Some(f) = repeated_task_names(m) {
        out.push(f);
    }
    let tasks: Vec<f64> = sample(&m.tasks)
        .map(|t| {
            if t.name.starts_with(super::NO_NAME) {
                0.0
            } else {
                super::words::activity_likeness(&t.name)
            }
        })
        .collect();
    let activity_like = tasks.iter().filter(|&&v| v >= 0.8).count();
    out.push(Factor {
        key: "task-cells-read-as-activities",
        value: if tasks.is_empty() {
            0.0
        } else {
            tasks.iter().sum::<f64>() / tasks.len() as f64
        },
        weight: 0.5,
        detail: format!(
            "{activity_like} of {} task cells read like activities",
            tasks.len()
        ),
    });
    if let Some(corner) = c.corner.as_deref() {
        let says = corner_names_parties(corner);
        let transposed = m.shape == Shape::Transposed;
        let (value, words) = match says {
            Some(parties) if parties != transposed => (0.3, "disagrees with"),
            Some(_) => (1.0, "agrees with"),
            None => (1.0, "says nothing about"),
        };
        out.push(Factor {
            key: "corner-cell",
            value,
            weight: 1.0,
            detail: format!(
                "the corner cell {:?} {words} this orientation",
                super::grid::clean_name(corner)
            ),
        });
    }
    if c.rank > 0 {
        // The detector's first choice (the header row with the most names above letters)
        // wins unless the evidence says otherwise.
        out.push(Factor {
            key: "detector-choice",
            value: 0.75,
            weight: 1.0,
            detail: format!("the detector's choice number {} for this table", c.rank + 1),
        });
    }
    if m.shape == Shape::Transposed {
        // Most matrices are written with tasks as rows: when nothing else tells the two
        // orientations apart, the usual one wins.
        out.push(Factor {
            key: "orientation-prior",
            value: 0.9,
            weight: 1.0,
            detail: "parties as rows are rarer than parties as columns".into(),
        });
    }
    out.extend(c.sheet_factors.iter().cloned());
    out.push(Factor {
        key: "letters-understood",
        value: if most_letters == 0 {
            1.0
        } else {
            letters as f64 / most_letters as f64
        },
        weight: 0.5,
        detail: format!("{letters} letters understood, of {most_letters} in the largest reading"),
    });
    out
}

/// Two party columns of one name are one party written twice, or a reading that took a band
/// (a team written over `Prod` and `Non-Prod`) for the names: evidence against the reading,
/// in proportion to the columns that share a name. None when every name stands once.
fn repeated_party_names(m: &Matrix) -> Option<Factor> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in sample(&m.parties) {
        *counts
            .entry(super::grid::clean_name(&p.name).to_lowercase())
            .or_default() += 1;
    }
    let total: usize = counts.values().sum();
    let repeated: usize = counts.values().filter(|&&n| n > 1).sum();
    (repeated > 0).then(|| Factor {
        key: "repeated-party-names",
        value: 1.0 - REPEATED_NAME_COST * repeated as f64 / total as f64,
        weight: 1.0,
        detail: if total < m.parties.len() {
            format!("{repeated} of {total} sampled party columns share a name with another")
        } else {
            format!("{repeated} of {total} party columns share a name with another")
        },
    })
}

/// Fewest tasks for [`repeated_task_names`] to judge: a small matrix may repeat a name or two.
const REPEATS_MIN_TASKS: usize = 6;

/// How many of the first tasks [`repeated_task_names`] looks at.
const REPEATS_SAMPLE: usize = 1_000;

/// A matrix names each task once, where a list of one row per task and party (a long table)
/// names it once per party: a wide or transposed reading whose task names are mostly
/// repeats took a list for a matrix. Evidence against it, in proportion; none while at least
/// half the names are distinct (the same `Review` under several phases is fine).
fn repeated_task_names(m: &Matrix) -> Option<Factor> {
    if !matches!(m.shape, Shape::Wide | Shape::Transposed) || m.tasks.len() < REPEATS_MIN_TASKS {
        return None;
    }
    // The first tasks, in a row: a list repeats a task on the rows next to each other, and a
    // big matrix is judged on its first rows rather than hashing every name of every reading.
    let first = &m.tasks[..m.tasks.len().min(REPEATS_SAMPLE)];
    // By group and name: `Review` under every phase of a process matrix is no repeat.
    let distinct: std::collections::HashSet<(Option<&str>, String)> = first
        .iter()
        .map(|t| {
            let name = super::grid::clean_name(&t.name).to_lowercase();
            (t.group.as_deref(), name)
        })
        .collect();
    let share = distinct.len() as f64 / first.len() as f64;
    (share < 0.5).then(|| Factor {
        key: "repeated-task-names",
        value: share,
        weight: 1.0,
        detail: format!(
            "{} tasks hold only {} distinct names, as a list of one row per task and party does",
            first.len(),
            distinct.len()
        ),
    })
}

/// How much a reading loses when all its party columns share names with others.
const REPEATED_NAME_COST: f64 = 0.5;

/// The evidence that needs the sheet: how the reading agrees with the sheet's legend, and
/// whether merged header cells were read as names. Only what applies is returned: a sheet
/// with no legend and no merges adds nothing, so readings of different sheets stay
/// comparable.
pub(crate) fn sheet_evidence(m: &Matrix, sheet: &Sheet, legend: Option<&Legend>) -> Vec<Factor> {
    let mut out = Vec::new();
    if let Some(legend) = legend {
        out.extend(legend_agreement(m, legend));
    }
    if !sheet.merges.is_empty() {
        out.extend(merged_headers(m, sheet));
    }
    out
}

/// A legend says which letters the matrix uses: a reading whose party block uses none of
/// them (or one of many) is reading something else (a notes column, the names of an
/// inverted table). A letter is used when some cell holds everything it counts as.
fn legend_agreement(m: &Matrix, legend: &Legend) -> Option<Factor> {
    let defined: Vec<_> = legend
        .letters
        .iter()
        .filter(|l| !l.counts_as.is_empty())
        .collect();
    if defined.is_empty() {
        return None;
    }
    let used = defined
        .iter()
        .filter(|l| {
            m.tasks.iter().any(|t| {
                t.assignments
                    .iter()
                    .any(|a| l.counts_as.iter().all(|x| a.letters.contains(x)))
            })
        })
        .count();
    let value = match used {
        0 => 0.3,
        1 if defined.len() >= 3 => 0.7,
        _ => 1.0,
    };
    let codes: String = defined.iter().map(|l| l.code).collect();
    Some(Factor {
        key: "legend-agreement",
        value,
        weight: 1.0,
        detail: format!(
            "{used} of the {} letters of the sheet's legend ({codes}) are used in the party block",
            defined.len()
        ),
    })
}

/// A header cell merged over several party columns is a band (a team, an environment, a
/// phase) above the names, or one person over several roles. A reading that gives those
/// columns one and the same name took the band for the names; a reading that tells them apart
/// (`Person / Role`, or the names of the row below) did not.
fn merged_headers(m: &Matrix, sheet: &Sheet) -> Option<Factor> {
    // Parties under one merged cell, keyed by the merge's first cell (ordered for
    // determinism); a party whose header cell is not merged over several lines of parties
    // is no evidence either way.
    let across = |merge: &crate::input::Merge| match m.shape {
        Shape::Transposed => merge.end.row > merge.start.row,
        _ => merge.end.col > merge.start.col,
    };
    let mut groups: BTreeMap<(u32, u32), Vec<&str>> = BTreeMap::new();
    for p in sample(&m.parties) {
        if let Some(merge) = sheet.merge_at(p.pos).filter(|g| across(g)) {
            groups
                .entry((merge.start.row, merge.start.col))
                .or_default()
                .push(p.name.as_str());
        }
    }
    let under: Vec<&Vec<&str>> = groups.values().filter(|g| g.len() > 1).collect();
    if under.is_empty() {
        return None;
    }
    let total: usize = under.iter().map(|g| g.len()).sum();
    // Per group, the names that stand more than once (one count per folded name).
    let same: usize = under
        .iter()
        .map(|g| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for n in g.iter() {
                *counts.entry(n.to_ascii_lowercase()).or_default() += 1;
            }
            counts.values().filter(|&&c| c > 1).sum::<usize>()
        })
        .sum();
    Some(Factor {
        key: "merged-headers",
        value: 1.0 - same as f64 / total as f64,
        weight: 1.0,
        detail: format!("{same} of {total} party columns under merged header cells share one name"),
    })
}

/// The weighted product of the factors, between 0 and 1.
pub(crate) fn total(factors: &[Factor]) -> f64 {
    factors
        .iter()
        .map(|f| f.value.clamp(0.0, 1.0).powf(f.weight))
        .product()
}

/// How much a reading looks like a RACI matrix, whatever its size: [`total`] without the
/// share of letters understood.
pub(crate) fn quality(factors: &[Factor]) -> f64 {
    factors
        .iter()
        .filter(|f| f.key != "letters-understood")
        .map(|f| f.value.clamp(0.0, 1.0).powf(f.weight))
        .product()
}

/// A table whose best reading has at least this [`quality`] is a RACI table.
pub(crate) const RACI_TABLE_QUALITY: f64 = 0.3;

/// A reading with its evidence and score.
#[derive(Debug)]
pub(crate) struct Ranked {
    pub candidate: Candidate,
    /// Which sheet of the workbook it reads.
    pub sheet: usize,
    pub factors: Vec<Factor>,
    pub score: f64,
}

/// Ranks every reading, best first. Ties keep the detectors' order (the more specific shape
/// first), so the ranking is deterministic.
pub(crate) fn rank(candidates: Vec<(usize, Candidate)>) -> Vec<Ranked> {
    let most = candidates
        .iter()
        .map(|(_, c)| understood(&c.matrix))
        .max()
        .unwrap_or(0);
    let mut ranked: Vec<Ranked> = candidates
        .into_iter()
        .map(|(sheet, candidate)| {
            let factors = evidence(&candidate, most);
            let score = total(&factors);
            Ranked {
                candidate,
                sheet,
                factors,
                score,
            }
        })
        .collect();
    // Stable: equal scores keep their order.
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    ranked
}

/// A runner-up within this share of the best score makes the reading unsure.
pub(crate) const UNSURE_SHARE: f64 = 0.85;

/// `wide 0.94`.
pub(crate) fn label(r: &Ranked, sheet_name: &str, many_sheets: bool) -> String {
    let shape = shape_name(r.candidate.matrix.shape);
    let mut at = r.candidate.region.to_string();
    if !r.candidate.place.is_empty() {
        at.push_str(", ");
        at.push_str(&r.candidate.place);
    }
    let place = if many_sheets {
        format!(" (sheet {sheet_name:?}, {at})")
    } else {
        format!(" ({at})")
    };
    format!("{shape} {:.2}{place}", r.score)
}

/// The shape as `raci inspect` and `--shape` write it.
pub fn shape_name(shape: Shape) -> &'static str {
    match shape {
        Shape::Wide => "wide",
        Shape::Transposed => "transposed",
        Shape::Long => "long",
        Shape::Inverted => "inverted",
    }
}

/// The evidence that separated two readings most, worded for people: the factor whose share
/// differs most between them, with what was counted on both sides.
pub(crate) fn separating(best: &Ranked, other: &Ranked) -> Vec<String> {
    let weighted = |f: Option<&Factor>| f.map_or(1.0, |f| f.value.clamp(0.01, 1.0).powf(f.weight));
    let mut keys: Vec<&'static str> = best.factors.iter().map(|f| f.key).collect();
    keys.extend(
        other
            .factors
            .iter()
            .map(|f| f.key)
            .filter(|k| !best.factors.iter().any(|f| f.key == *k)),
    );
    let mut diffs: Vec<(f64, Option<&Factor>, Option<&Factor>)> = keys
        .iter()
        .map(|k| {
            let b = best.factors.iter().find(|f| f.key == *k);
            let o = other.factors.iter().find(|f| f.key == *k);
            ((weighted(b).ln() - weighted(o).ln()).abs(), b, o)
        })
        .collect();
    diffs.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Counts that read the same on both sides separate nothing a person can see.
    diffs.retain(|(_, b, o)| match (b, o) {
        (Some(b), Some(o)) => b.detail != o.detail,
        _ => true,
    });
    diffs
        .iter()
        .take(2)
        .filter(|d| d.0 > 0.05)
        .map(|(_, b, o)| match (b, o) {
            (Some(b), Some(o)) => format!("{} here; {} in the runner-up", b.detail, o.detail),
            (Some(b), None) => format!("{} here", b.detail),
            (None, Some(o)) => format!("in the runner-up, {}", o.detail),
            (None, None) => String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corner_words() {
        assert_eq!(corner_names_parties("Role"), Some(true));
        assert_eq!(corner_names_parties("Task"), Some(false));
        assert_eq!(corner_names_parties("Process Step \\ Role"), None);
        assert_eq!(corner_names_parties("/"), None);
        // `Name` heads the task column of database exports (Notion, Airtable) as often as
        // the people of a transposed matrix: it says nothing, and `Task Name` names tasks.
        assert_eq!(corner_names_parties("Name"), None);
        assert_eq!(corner_names_parties("Task Name"), Some(false));
        assert_eq!(corner_names_parties("Role name"), Some(true));
        for groups in [
            "Area",
            "Phase",
            "Areas",
            "Catégorie",
            "Domains",
            "Workstream",
            "Capabilities",
        ] {
            assert!(corner_names_groups(groups), "{groups}");
        }
        for not in [
            "Task",
            "Process Area",
            "Phase / Step",
            "Role",
            "Areal",
            "Work item",
            "",
        ] {
            assert!(!corner_names_groups(not), "{not}");
        }
    }

    use crate::input::{CellValue, GridCell, Merge};
    use crate::model::{
        parse_cell, Assignment, CellParse, Party, Pos, Scheme, SchemeLetter, Source, Task,
    };

    /// A wide matrix whose parties have these names (headers in row 1 from column B) and
    /// one task holding `cells`.
    fn wide(names: &[&str], cells: &[&str]) -> Matrix {
        let scheme = Scheme::default();
        let assignments = cells
            .iter()
            .enumerate()
            .filter_map(|(p, text)| match parse_cell(text, &scheme) {
                CellParse::Letters(letters) => Some(Assignment {
                    party: p,
                    letters,
                    pos: Pos::new(1, p as u32 + 1),
                }),
                _ => None,
            })
            .collect();
        Matrix {
            source: Source {
                file: "t.xlsx".into(),
                sheet: None,
            },
            parties: names
                .iter()
                .enumerate()
                .map(|(i, n)| Party {
                    name: n.to_string(),
                    title: None,
                    title_side: None,
                    pos: Pos::new(0, i as u32 + 1),
                })
                .collect(),
            tasks: vec![Task {
                name: "Plan".into(),
                group: None,
                context: None,
                pos: Pos::new(1, 0),
                side_override: None,
                assignments,
            }],
            ..Matrix::default()
        }
    }

    fn legend(codes: &str) -> Legend {
        let scheme = Scheme::default();
        Legend {
            letters: codes
                .chars()
                .map(|code| SchemeLetter {
                    code,
                    meaning: code.to_string(),
                    counts_as: match parse_cell(&code.to_string(), &scheme) {
                        CellParse::Letters(l) => l,
                        _ => Default::default(),
                    },
                })
                .collect(),
            cells: Vec::new(),
        }
    }

    fn factor<'a>(factors: &'a [Factor], key: &str) -> Option<&'a Factor> {
        factors.iter().find(|f| f.key == key)
    }

    #[test]
    fn a_reading_that_uses_none_of_the_legends_letters_disagrees_with_it() {
        let sheet = Sheet::default();
        let l = legend("RACI");
        let letters = sheet_evidence(&wide(&["Ann", "Bob"], &["R", "A"]), &sheet, Some(&l));
        let names = sheet_evidence(&wide(&["Ann", "Bob"], &["Ann", "x"]), &sheet, Some(&l));
        let agree = factor(&letters, "legend-agreement").unwrap();
        let disagree = factor(&names, "legend-agreement").unwrap();
        assert_eq!(agree.value, 1.0);
        assert!(disagree.value < 0.5, "{disagree:?}");
        assert!(
            disagree.detail.starts_with("0 of the 4 letters"),
            "{disagree:?}"
        );
        // No legend, no such evidence.
        assert!(sheet_evidence(&wide(&["Ann"], &["R"]), &sheet, None).is_empty());
    }

    #[test]
    fn merged_header_cells_read_as_names_count_against_a_reading() {
        // B1:D1 merged ("Prod" over three columns).
        let sheet = Sheet {
            name: None,
            cells: vec![GridCell {
                pos: Pos::new(0, 1),
                value: CellValue::text("Prod"),
            }],
            merges: vec![Merge {
                start: Pos::new(0, 1),
                end: Pos::new(0, 3),
            }],
        };
        let band = sheet_evidence(
            &wide(&["Prod", "Prod", "Prod"], &["R", "A", "C"]),
            &sheet,
            None,
        );
        let apart = sheet_evidence(
            &wide(&["Prod / Dev", "Prod / Ops", "Prod / QA"], &["R", "A", "C"]),
            &sheet,
            None,
        );
        assert_eq!(factor(&band, "merged-headers").unwrap().value, 0.0);
        assert_eq!(factor(&apart, "merged-headers").unwrap().value, 1.0);
        // Headers under no merge are no evidence.
        assert!(sheet_evidence(&wide(&["Ann"], &["R"]), &Sheet::default(), None).is_empty());
    }

    #[test]
    fn party_names_written_twice_count_against_a_reading() {
        let twice = wide(&["Dev", "dev", "Ops", "QA"], &["R", "A", "C", "I"]);
        let f = repeated_party_names(&twice).unwrap();
        assert_eq!(f.value, 0.75);
        assert_eq!(f.detail, "2 of 4 party columns share a name with another");
        assert!(repeated_party_names(&wide(&["Dev / Prod", "Dev / Test"], &["R", "A"])).is_none());
    }

    #[test]
    fn a_task_column_headed_as_groups_beside_one_headed_as_tasks() {
        let f = task_header_evidence("Area", ("column B", "Task")).unwrap();
        assert_eq!(f.value, GROUP_HEADER_VALUE);
        // Alone, or beside a column that says nothing, a group header is no evidence.
        assert!(task_header_evidence("Area", ("column B", "Ref")).is_none());
        assert!(task_header_evidence("Task", ("column A", "Area")).is_none());
    }

    #[test]
    fn one_bad_factor_sinks_a_reading() {
        let f = |value| Factor {
            key: "k",
            value,
            weight: 1.0,
            detail: String::new(),
        };
        assert!(total(&[f(1.0), f(1.0)]) > 0.99);
        assert!(total(&[f(1.0), f(0.1)]) < 0.11);
    }
}
