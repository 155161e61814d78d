//! What a rule is (a plain value: code, name, summary, family, kind, default severity, what
//! reports and charts do with its findings, check, explanation), the context a check reads, and
//! how codes, names and prefixes select rules.

use super::{AuditSettings, Finding, Severity, Thresholds};
use crate::classify::{Classification, Taxonomy};
use crate::model::{Letter, Matrix, Pos, Side};
use std::fmt;

/// The fixed headings every rule's explanation fills in (STYLE.md, "Rules are data"), so
/// `raci rules CODE` and `docs/rules.md` read the same for every rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
    pub options: &'static str,
}

impl Explanation {
    /// The headings with their text, in the order they are shown.
    pub fn sections(&self) -> [(&'static str, &'static str); 5] {
        [
            ("What it checks", self.what),
            ("Why it matters", self.why),
            ("Example", self.example),
            ("How to fix", self.fix),
            ("Options", self.options),
        ]
    }
}

/// The family of a rule: the letter its code starts with, and what the family looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// `R`: one task's letters.
    Task,
    /// `P`: one party across the matrix.
    Party,
    /// `O`: overlaps between the PO and PM sides.
    Overlap,
    /// `G`: gaps.
    Gap,
    /// `M`: titles against sides.
    Title,
    /// `D`: the data itself.
    Data,
}

impl Family {
    /// Every family, in the order of the rule table.
    pub const ALL: [Family; 6] = [
        Family::Task,
        Family::Party,
        Family::Overlap,
        Family::Gap,
        Family::Title,
        Family::Data,
    ];

    /// The letter codes of this family start with.
    pub fn letter(self) -> char {
        match self {
            Family::Task => 'R',
            Family::Party => 'P',
            Family::Overlap => 'O',
            Family::Gap => 'G',
            Family::Title => 'M',
            Family::Data => 'D',
        }
    }

    /// What the family looks at, for `docs/rules.md`.
    pub fn describe(self) -> &'static str {
        match self {
            Family::Task => "one task's letters",
            Family::Party => "one party across the matrix",
            Family::Overlap => "overlaps between the Product Owner and Product Manager sides",
            Family::Gap => "gaps",
            Family::Title => "titles against sides",
            Family::Data => "the data itself",
        }
    }
}

/// What a rule's findings are about, which decides the tables they appear in. Reports and
/// charts select findings by kind (and the other fields of [`Rule`]), never by code, so a new
/// rule reaches every table of its kind by saying its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// RACI practice on one task (too many Accountables, Responsibles, Consulted, Informed).
    Hygiene,
    /// How much one party holds.
    Workload,
    /// The same work owned on both the PO and the PM side, or by the other side's role: the
    /// rows of `overlaps.csv` (and of `report.json`'s overlaps and the portfolio's overlap
    /// count).
    Overlap,
    /// Work nobody does or nobody owns: the rows of `gaps.csv` (and of `report.json`'s gaps and
    /// the portfolio's gap count).
    Gap,
    /// Cells, headers and titles the audit could not read as meant.
    Data,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Hygiene => "hygiene",
            Kind::Workload => "workload",
            Kind::Overlap => "overlap",
            Kind::Gap => "gap",
            Kind::Data => "data",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding about a party says of it, for the charts that draw one bar per party: they
/// flag the party from the finding as well as from their own numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartyFlag {
    /// Accountable on too many tasks: `workload.png` tags the bar "A over limit".
    AccountableOverLimit,
    /// Responsible or Accountable on too many tasks: `workload.png` tags it "R+A over limit".
    WorkloadOverLimit,
    /// Owns work on both the PO and the PM side: `overlap.png` tags it "both sides" with the
    /// finding's code.
    BothSides,
}

/// The terms of the health score that count findings of one rule (the others count tasks and
/// parties with any finding); see [`super::HEALTH_WEIGHTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HealthTerm {
    /// One finding per duty of the taxonomy that no task covers.
    UncoveredDuty,
    /// One finding per side (PO, PM) without an owner.
    SideWithoutOwner,
}

/// One audit rule. Codes are family letter plus three digits and are never reused.
///
/// Everything the reports and charts decide about a finding is read from its rule's fields
/// (`finding.rule`), so adding a rule is one file under `audit/rules/` and one line in the
/// table.
#[derive(Clone, Copy)]
pub struct Rule {
    /// `R001`.
    pub code: &'static str,
    /// `missing-accountable`.
    pub name: &'static str,
    /// One line for the rules table.
    pub summary: &'static str,
    /// The family its code's letter stands for.
    pub family: Family,
    /// Which tables its findings appear in.
    pub kind: Kind,
    /// The severity unless `raci.toml` says otherwise.
    pub default_severity: Severity,
    /// Its findings outline their task's row on the heatmap (`matrix.png`) and are listed in
    /// its legend.
    pub outlines_heatmap: bool,
    /// What its findings about a party flag on the per-party charts.
    pub flags_party: Option<PartyFlag>,
    /// The health-score term its findings count in, besides the per-task and per-party terms.
    pub health_term: Option<HealthTerm>,
    /// Pushes one finding per problem, made with [`Ctx`]'s constructors (which fill in the
    /// rule). The engine stamps the configured severity afterwards, so a check cannot decide
    /// its own severity.
    pub check: fn(&Ctx, &mut Vec<Finding>),
    pub explanation: Explanation,
}

/// A rule prints as its code and name: a finding carries its rule, and printing the whole
/// explanation with every finding would bury the finding.
impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rule({} {})", self.code, self.name)
    }
}

/// Codes are unique within a table, so two rules are the same rule when their codes and names
/// are.
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code && self.name == other.name
    }
}

impl Rule {
    /// Whether a selector (a code, a name or a code prefix such as `R` or `O00`, any case)
    /// picks this rule.
    pub fn matches(&self, selector: &str) -> bool {
        let s = selector.trim();
        if s.is_empty() {
            return false;
        }
        s.eq_ignore_ascii_case(self.name)
            || (s.len() <= self.code.len()
                && self.code.is_char_boundary(s.len())
                && self.code[..s.len()].eq_ignore_ascii_case(s))
    }
}

/// The rule with this exact code or name (any case), if any.
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    let s = code_or_name.trim();
    super::rules::RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(s) || r.name.eq_ignore_ascii_case(s))
}

/// The list of valid codes and names, for error messages.
pub fn valid_rules_list() -> String {
    super::rules::RULES
        .iter()
        .map(|r| format!("{} ({})", r.code, r.name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl AuditSettings {
    /// The severity `rule` runs at, or `None` when it does not run (not selected, ignored, or
    /// set to `ignore` in `raci.toml`).
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        if !self.select.is_empty() && !self.select.iter().any(|s| rule.matches(s)) {
            return None;
        }
        if self.ignore.iter().any(|s| rule.matches(s)) {
            return None;
        }
        // Keys are codes once settings are resolved; names are accepted too so a hand-built
        // `AuditSettings` behaves the same.
        match self
            .severities
            .get(rule.code)
            .or_else(|| self.severities.get(rule.name))
        {
            Some(configured) => *configured,
            None => Some(rule.default_severity),
        }
    }
}

/// What a check reads: the matrix, its classification, the taxonomy and the thresholds, and
/// the rule it checks for (its findings carry it).
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub rule: &'static Rule,
    pub matrix: &'a Matrix,
    /// One per task; a missing entry reads as unclassified rather than panicking.
    pub classes: &'a [Classification],
    pub taxonomy: &'a Taxonomy,
    pub thresholds: &'a Thresholds,
    /// The tasks of each coverage duty, in task order ([`Ctx::tasks_by_duty`]), found once:
    /// several rules go duty by duty, and scanning every task for each duty (or a taxonomy
    /// lookup per task and duty) made them quadratic in practice on big matrices.
    pub by_duty: &'a std::collections::HashMap<&'a str, Vec<usize>>,
    /// What each party holds, in party order ([`Ctx::tallies_of`]), counted once for the
    /// workload rules that read it.
    pub tallies: &'a [Tally],
}

/// How many tasks a party holds letters on: any letter, R or A, and A.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub any: usize,
    pub owns: usize,
    pub a: usize,
}

impl<'a> Ctx<'a> {
    /// The side of task `task`.
    pub fn side(&self, task: usize) -> Side {
        side_of(self.classes, task)
    }

    /// The duty id task `task` was classified to.
    pub fn duty(&self, task: usize) -> Option<&'a str> {
        self.classes.get(task).and_then(|c| c.duty.as_deref())
    }

    /// The tasks that count toward coverage duty `duty` (their duty or second duty, or the
    /// duty that one restates), in task order.
    pub fn duty_tasks(&self, duty: &str) -> &'a [usize] {
        self.by_duty.get(duty).map_or(&[], Vec::as_slice)
    }

    /// [`Ctx::by_duty`]: the coverage duties of each task, each distinct duty id looked up in
    /// the taxonomy once.
    pub fn tasks_by_duty(
        classes: &'a [Classification],
        taxonomy: &'a Taxonomy,
        tasks: usize,
    ) -> std::collections::HashMap<&'a str, Vec<usize>> {
        let mut seen: std::collections::HashMap<&str, Option<&'a str>> = Default::default();
        let mut by_duty: std::collections::HashMap<&'a str, Vec<usize>> = Default::default();
        for i in 0..tasks {
            let Some(class) = classes.get(i) else {
                continue;
            };
            // A task that names two duties (a PO and a PM one, or two of one side) covers
            // both; the same duty twice (one restating the other) is counted once.
            let mut last = None;
            for duty in class.duties() {
                let covered = *seen
                    .entry(duty)
                    .or_insert_with(|| taxonomy.coverage_of(duty));
                if let Some(covered) = covered {
                    if last != Some(covered) {
                        by_duty.entry(covered).or_default().push(i);
                    }
                    last = Some(covered);
                }
            }
        }
        by_duty
    }

    /// [`Ctx::tallies`]: one pass over the assignments, so large matrices stay linear.
    pub fn tallies_of(matrix: &Matrix) -> Vec<Tally> {
        let n = matrix.parties.len();
        let mut out = vec![Tally::default(); n];
        // A party's letters on one task, merged in case a layout gives it two cells on one row.
        let mut row = vec![crate::model::LetterSet::EMPTY; n];
        for task in &matrix.tasks {
            for a in &task.assignments {
                if let Some(slot) = row.get_mut(a.party) {
                    *slot = slot.union(a.letters);
                }
            }
            for a in &task.assignments {
                let Some(slot) = row.get_mut(a.party) else {
                    continue;
                };
                let letters = std::mem::take(slot);
                if letters.is_empty() {
                    continue; // already counted, or no letters
                }
                let t = &mut out[a.party];
                t.any += 1;
                t.owns += usize::from(letters.owns());
                t.a += usize::from(letters.contains(Letter::A));
            }
        }
        out
    }

    pub fn task_name(&self, task: usize) -> &'a str {
        &self.matrix.tasks[task].name
    }

    pub fn party_name(&self, party: usize) -> &'a str {
        self.matrix
            .parties
            .get(party)
            .map(|p| p.name.as_str())
            .unwrap_or("?")
    }

    /// `Ana, Bob and Carl`.
    pub fn party_list(&self, parties: &[usize]) -> String {
        let names: Vec<&str> = parties.iter().map(|&p| self.party_name(p)).collect();
        join_and(&names)
    }

    /// A finding of this rule with no subject yet; the engine fills in the severity.
    pub fn finding(&self, message: String) -> Finding {
        Finding {
            code: self.rule.code,
            name: self.rule.name,
            rule: self.rule,
            severity: self.rule.default_severity,
            task: None,
            party: None,
            duty: None,
            pos: None,
            message,
            related_tasks: Vec::new(),
        }
    }

    /// A finding about a task, placed at its name cell.
    pub fn on_task(&self, task: usize, message: String) -> Finding {
        let mut f = self.finding(message);
        f.task = Some(task);
        f.pos = Some(self.matrix.tasks[task].pos);
        f
    }

    /// A finding about a party, placed at its header cell.
    pub fn on_party(&self, party: usize, message: String) -> Finding {
        let mut f = self.finding(message);
        f.party = Some(party);
        f.pos = self.matrix.parties.get(party).map(|p| p.pos);
        f
    }

    /// A finding about one cell.
    pub fn on_cell(
        &self,
        pos: Pos,
        task: Option<usize>,
        party: Option<usize>,
        message: String,
    ) -> Finding {
        let mut f = self.finding(message);
        f.pos = Some(pos);
        f.task = task;
        f.party = party;
        f
    }

    /// A finding about a taxonomy duty.
    pub fn on_duty(&self, duty: &str, message: String) -> Finding {
        let mut f = self.finding(message);
        f.duty = Some(duty.to_string());
        f
    }
}

/// The side of task `task` in `classes`; a missing entry reads as unclassified rather than
/// panicking.
pub(crate) fn side_of(classes: &[Classification], task: usize) -> Side {
    classes
        .get(task)
        .map(|c| c.side)
        .unwrap_or(Side::Unclassified)
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_take_codes_names_and_prefixes() {
        let r001 = find_rule("R001").unwrap();
        assert!(r001.matches("R001"));
        assert!(r001.matches("r001"));
        assert!(r001.matches("missing-accountable"));
        assert!(r001.matches("R"));
        assert!(r001.matches("R00"));
        assert!(!r001.matches("R002"));
        assert!(!r001.matches("O"));
        assert!(!r001.matches(""));
        assert!(!r001.matches("R0011"));
        assert_eq!(find_rule("multiple-accountable").unwrap().code, "R002");
        assert!(find_rule("R").is_none());
    }

    #[test]
    fn join_and_reads_like_english() {
        assert_eq!(join_and(&[]), "");
        assert_eq!(join_and(&["a"]), "a");
        assert_eq!(join_and(&["a", "b"]), "a and b");
        assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
    }
}
