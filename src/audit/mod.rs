//! Rules as data, run over a matrix and its classification to give findings, duty coverage,
//! per-party counts and a health score. Pure: no I/O, no clock.
//!
//! Each rule is a [`Rule`] value in its own file under `rules/` (its check, its explanation and
//! its unit tests), listed once in the table [`RULES`]; [`run`] runs the rules that the
//! [`AuditSettings`] select, at the severity the settings give them. Every [`Finding`] carries
//! its rule, and reports and charts select findings by the rule's fields ([`Kind`],
//! [`Rule::outlines_heatmap`], [`PartyFlag`], [`HealthTerm`]), never by code.
//!
//! # Health score
//!
//! The score starts at 100 and loses, for findings of severity warning or error only (info
//! never lowers it, and an ignored rule never counts):
//!
//! - 40 x the share of tasks with at least one error finding,
//! - 20 x the share of tasks with at least one warning or error finding (so a task with an
//!   error loses both terms),
//! - 15 x the share of the taxonomy's duties reported uncovered (G001,
//!   [`HealthTerm::UncoveredDuty`]),
//! - 15 x the share of parties with a finding about the party itself (P001, P002, P005,
//!   O001, D003 ... : findings with a party and no task),
//! - 10 x the share of the two sides, PO and PM, reported without owner (G002,
//!   [`HealthTerm::SideWithoutOwner`]),
//!
//! then is rounded to the nearest whole number and kept within 0..=100. A matrix where every
//! task has an error, every duty is uncovered, every party is flagged and both sides are
//! ownerless scores 0. The weights are [`HEALTH_WEIGHTS`].

mod engine;
mod rule;
mod rules;
#[cfg(test)]
mod testing;

pub use engine::{health, run, run_rules, HealthWeights, HEALTH_FORMULA, HEALTH_WEIGHTS};
pub use rule::{
    find_rule, valid_rules_list, Ctx, Explanation, Family, HealthTerm, Kind, PartyFlag, Rule, Tally,
};
pub use rules::{MIN_TASKS_FOR_SHARE_RULES, PO_DAY_TO_DAY_DUTIES, RULES};

use crate::model::Pos;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// How serious a finding is. Ordered so `--fail-on warning` means "warning or error".
///
/// `--fail-on` reads it through clap's `ValueEnum` (clap is a dependency of the library; the
/// derive is a table of names and keeps the audit pure); `raci.toml` through [`FromStr`],
/// which also takes any case and `warn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text.trim().to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(text: &str) -> Result<Severity, String> {
        Severity::parse(text)
            .ok_or_else(|| format!("{text:?} is not a severity; use info, warning or error"))
    }
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::deserialize_parsed(deserializer)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One rule's verdict about a task, party, duty or cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// `R001`: family letter and three digits, never reused.
    pub code: &'static str,
    /// `missing-accountable`.
    pub name: &'static str,
    /// The rule that raised it (the code and name above are its own): what reports and charts
    /// select findings by.
    #[serde(skip)]
    pub rule: &'static Rule,
    pub severity: Severity,
    /// Index into `Matrix::tasks`.
    pub task: Option<usize>,
    /// Index into `Matrix::parties`.
    pub party: Option<usize>,
    /// Duty id from the taxonomy.
    pub duty: Option<String>,
    /// The cell the finding is about (task name cell, letter cell or header).
    pub pos: Option<Pos>,
    pub message: String,
    /// Other tasks involved (the PO-side and PM-side tasks of an overlap), in input order.
    pub related_tasks: Vec<usize>,
}

/// Thresholds that rules read; `[thresholds]` in `raci.toml` changes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    pub max_responsible: usize,
    pub max_consulted: usize,
    pub max_informed: usize,
    /// Percent of tasks.
    pub max_accountable_share: f64,
    /// Percent of tasks.
    pub max_ra_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            max_responsible: 3,
            max_consulted: 4,
            max_informed: 8,
            max_accountable_share: 50.0,
            max_ra_share: 60.0,
        }
    }
}

/// Which rules run and how severe their findings are. Resolved once from defaults,
/// `raci.toml` and flags.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AuditSettings {
    /// Code -> severity; `None` means the rule is ignored.
    pub severities: BTreeMap<String, Option<Severity>>,
    /// When non-empty, only these codes (or code prefixes such as `R`) run.
    pub select: Vec<String>,
    /// Codes (or prefixes) that do not run.
    pub ignore: Vec<String>,
    pub thresholds: Thresholds,
}

/// How one duty of the taxonomy is covered by the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DutyCoverage {
    pub duty: String,
    /// Tasks classified to this duty.
    pub tasks: Vec<usize>,
    /// Parties holding R or A on those tasks, in party order.
    pub owners: Vec<usize>,
}

impl DutyCoverage {
    pub fn covered(&self) -> bool {
        !self.tasks.is_empty()
    }
}

/// Per-party counts (a party with R/A on one cell counts once for R and once for A).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PartyStats {
    pub r: usize,
    pub a: usize,
    pub c: usize,
    pub i: usize,
    pub s: usize,
    pub v: usize,
    /// Tasks on each side where the party holds R or A.
    pub po_side_ra: usize,
    pub pm_side_ra: usize,
    pub shared_ra: usize,
    pub unclassified_ra: usize,
}

/// Everything the audit concluded.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Audit {
    /// Sorted by severity (errors first), then position in the input.
    pub findings: Vec<Finding>,
    /// One entry per coverage duty, in taxonomy order.
    pub coverage: Vec<DutyCoverage>,
    /// One entry per party, in party order.
    pub parties: Vec<PartyStats>,
    /// 0 to 100.
    pub health: u32,
}

impl Audit {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// How many findings are of `kind` (the portfolio's overlap and gap counts).
    pub fn count_kind(&self, kind: Kind) -> usize {
        self.findings.iter().filter(|f| f.rule.kind == kind).count()
    }
}

#[cfg(test)]
mod tests;
