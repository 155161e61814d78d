//! R001 missing-accountable: a task with letters but no Accountable (A).

use super::helpers::tasks_without;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "R001",
    name: "missing-accountable",
    summary: "A task with letters but no Accountable (A).",
    family: Family::Task,
    kind: Kind::Gap,
    default_severity: Severity::Error,
    outlines_heatmap: true,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "Every task that has at least one letter must have a party holding A. A task with no letters at all is reported by R007 instead.",
        why: "RACI practice: the Accountable owns the outcome and signs the work off. Without one, nobody answers for the task, and work that everyone does is work that nobody finishes.",
        example: "`Release notes` with `R` for Dev and `I` for Support, and no `A` anywhere on the row.",
        fix: "Give exactly one party an A on the task (a cell may hold both, `R/A`).",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    tasks_without(
        ctx,
        out,
        Letter::A,
        "Accountable: no party holds an A on it.",
    );
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn missing_accountable() {
        let m = matrix(
            &["Ana", "Bob"],
            &[
                ("Plan", &["R", "C"]),
                ("Ship", &["R/A", ""]),
                ("Idle", &["", ""]),
            ],
        );
        let f = only("R001", &m, &unclassified(&m));
        assert_eq!(
            f,
            vec![(
                Some(0),
                None,
                "Task \"Plan\" has no Accountable: no party holds an A on it.".to_string()
            )]
        );
    }
}
