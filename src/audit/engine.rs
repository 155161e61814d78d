//! Runs the rule table over one matrix: stamps severities from settings, orders findings, and
//! computes duty coverage, per-party counts and the health score.

use super::rule::{side_of, Ctx, HealthTerm, Rule};
use super::rules::RULES;
use super::{Audit, AuditSettings, DutyCoverage, Finding, PartyStats, Severity};
use crate::classify::{Classification, Taxonomy};
use crate::model::{Letter, Matrix, Side};
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

/// Audits `matrix` whose task `i` is classified as `classes[i]`, with every rule of [`RULES`].
///
/// Findings come sorted by severity (errors first), then by their cell in the input (findings
/// without a cell, about a duty or the whole matrix, after those with one), then by code.
pub fn run(
    matrix: &Matrix,
    classes: &[Classification],
    taxonomy: &Taxonomy,
    settings: &AuditSettings,
) -> Audit {
    run_rules(RULES, matrix, classes, taxonomy, settings)
}

/// [`run`] with another rule table: the tests add a rule to the real table this way and see
/// its findings reach the reports its kind says.
pub fn run_rules(
    rules: &'static [Rule],
    matrix: &Matrix,
    classes: &[Classification],
    taxonomy: &Taxonomy,
    settings: &AuditSettings,
) -> Audit {
    let by_duty = Ctx::tasks_by_duty(classes, taxonomy, matrix.tasks.len());
    let tallies = Ctx::tallies_of(matrix);
    // The rules are independent of each other: they run in parallel, and their findings are
    // joined in the rule table's order, so the result is the same as one after the other.
    let per_rule: Vec<Vec<Finding>> = rules
        .par_iter()
        .map(|rule| {
            let Some(severity) = settings.severity_of(rule) else {
                return Vec::new();
            };
            let ctx = Ctx {
                rule,
                matrix,
                classes,
                taxonomy,
                thresholds: &settings.thresholds,
                by_duty: &by_duty,
                tallies: &tallies,
            };
            let mut found = Vec::new();
            (rule.check)(&ctx, &mut found);
            for f in &mut found {
                f.severity = severity;
            }
            found
        })
        .collect();
    // Joined into a vector of the exact size: collected from a flattening iterator, whose
    // size is unknown, it doubled its way to twice the room of some 130,000 findings on a
    // 50,000-task matrix with many, and kept that slack for the rest of the run.
    let mut findings: Vec<Finding> =
        Vec::with_capacity(per_rule.iter().map(Vec::len).sum::<usize>());
    for found in per_rule {
        findings.extend(found);
    }
    // Stable sort: findings of one rule at one place keep the order the rule gave them.
    findings.sort_by_key(|f| {
        (
            Reverse(f.severity),
            f.pos.is_none(),
            f.pos.map(|p| (p.row, p.col)),
            f.code,
        )
    });
    let (coverage, parties) = rayon::join(
        || coverage(taxonomy, matrix, &by_duty),
        || party_stats(matrix, classes),
    );
    let health = health(matrix, taxonomy, &findings);
    Audit {
        findings,
        coverage,
        parties,
        health,
    }
}

fn coverage(
    taxonomy: &Taxonomy,
    matrix: &Matrix,
    by_duty: &HashMap<&str, Vec<usize>>,
) -> Vec<DutyCoverage> {
    taxonomy
        .coverage_duties()
        .map(|duty| {
            let tasks = by_duty.get(duty.id.as_str()).cloned().unwrap_or_default();
            let owners: BTreeSet<usize> = tasks
                .iter()
                .flat_map(|&i| matrix.tasks[i].assignments.iter())
                .filter(|a| a.letters.owns())
                .map(|a| a.party)
                .collect();
            DutyCoverage {
                duty: duty.id.clone(),
                tasks,
                owners: owners.into_iter().collect(),
            }
        })
        .collect()
}

fn party_stats(matrix: &Matrix, classes: &[Classification]) -> Vec<PartyStats> {
    let mut stats = vec![PartyStats::default(); matrix.parties.len()];
    for (i, task) in matrix.tasks.iter().enumerate() {
        for a in &task.assignments {
            let Some(s) = stats.get_mut(a.party) else {
                continue;
            };
            let l = a.letters;
            s.r += usize::from(l.contains(Letter::R));
            s.a += usize::from(l.contains(Letter::A));
            s.c += usize::from(l.contains(Letter::C));
            s.i += usize::from(l.contains(Letter::I));
            s.s += usize::from(l.contains(Letter::S));
            s.v += usize::from(l.contains(Letter::V));
            if l.owns() {
                match side_of(classes, i) {
                    Side::Po => s.po_side_ra += 1,
                    Side::Pm => s.pm_side_ra += 1,
                    Side::Shared => s.shared_ra += 1,
                    Side::Unclassified => s.unclassified_ra += 1,
                }
            }
        }
    }
    stats
}

/// The health formula as Markdown, for `docs/rules.md`. Keep in step with [`health`] and
/// [`HEALTH_WEIGHTS`] (a unit test checks the weights appear in it).
pub const HEALTH_FORMULA: &str = "`raci audit` gives each matrix a health score from 0 to 100. It starts at 100 and loses, counting only findings of severity warning or error (info findings never lower it, and ignored rules never count):

| Weight | Share |
|---|---|
| 40 | of the tasks with at least one error finding |
| 20 | of the tasks with at least one warning or error finding (a task with an error loses both) |
| 15 | of the taxonomy's duties reported uncovered (G001) |
| 15 | of the parties with a finding about the party itself (a finding with a party and no task: P001, P002, P005, O001, D003, ...) |
| 10 | of the two sides, PO and PM, reported without owner (G002) |

The result is rounded to the nearest whole number and kept within 0 to 100. A matrix where every task has an error, every duty is uncovered, every party is flagged and neither side has an owner scores 0. Example: 10 tasks of which 2 have an error and 3 more only a warning, 4 of 16 duties uncovered, 1 of 5 parties flagged, both sides owned: 100 - 40 x 0.2 - 20 x 0.5 - 15 x 0.25 - 15 x 0.2 - 0 = 75.25, so 75.
";

/// Weights of the health score; they add up to 100. See the module docs of `audit` and
/// `docs/rules.md` ("Health score").
pub const HEALTH_WEIGHTS: HealthWeights = HealthWeights {
    task_error: 40.0,
    task_warning: 20.0,
    uncovered_duty: 15.0,
    party_warning: 15.0,
    side_without_owner: 10.0,
};

/// The weight of each term of the health score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HealthWeights {
    pub task_error: f64,
    pub task_warning: f64,
    pub uncovered_duty: f64,
    pub party_warning: f64,
    pub side_without_owner: f64,
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The health score, 0 to 100, from the findings that ran (info findings never lower it).
pub fn health(matrix: &Matrix, taxonomy: &Taxonomy, findings: &[Finding]) -> u32 {
    let serious = |f: &&Finding| f.severity >= Severity::Warning;
    let error_tasks: BTreeSet<usize> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter_map(|f| f.task)
        .collect();
    let warning_tasks: BTreeSet<usize> = findings
        .iter()
        .filter(serious)
        .filter_map(|f| f.task)
        .collect();
    let uncovered = findings
        .iter()
        .filter(serious)
        .filter(|f| f.rule.health_term == Some(HealthTerm::UncoveredDuty))
        .count();
    let warned_parties: BTreeSet<usize> = findings
        .iter()
        .filter(serious)
        .filter(|f| f.task.is_none())
        .filter_map(|f| f.party)
        .collect();
    let ownerless_sides = findings
        .iter()
        .filter(serious)
        .filter(|f| f.rule.health_term == Some(HealthTerm::SideWithoutOwner))
        .count();
    let tasks = matrix.tasks.len();
    let w = HEALTH_WEIGHTS;
    let penalty = w.task_error * share(error_tasks.len(), tasks)
        + w.task_warning * share(warning_tasks.len(), tasks)
        + w.uncovered_duty * share(uncovered, taxonomy.coverage_duties().count())
        + w.party_warning * share(warned_parties.len(), matrix.parties.len())
        + w.side_without_owner * share(ownerless_sides.min(2), 2);
    (100.0 - penalty).round().clamp(0.0, 100.0) as u32
}
