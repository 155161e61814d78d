//! R003 missing-responsible: a task with letters but no Responsible (R).

use super::helpers::tasks_without;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "R003",
    name: "missing-responsible",
    summary: "A task with letters but no Responsible (R).",
    family: Family::Task,
    kind: Kind::Gap,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "Every task that has at least one letter must have a party holding R. A cell with `A/R` counts as R. A task with no letters at all is reported by R007 instead.",
        why: "RACI practice: the Responsible does the work. An Accountable with no Responsible means the owner is assumed to do it, which is rarely written down on purpose.",
        example: "`Competitive analysis` with `A` for the Product Manager and `C` for Sales, and no R.",
        fix: "Name who does the work with an R (the Accountable may hold both: `R/A`).",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    tasks_without(
        ctx,
        out,
        Letter::R,
        "Responsible: no party holds an R to do the work.",
    );
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn missing_responsible_counts_a_slash_r() {
        let m = matrix(
            &["Ana", "Bob"],
            &[
                ("Plan", &["A", "C"]),
                ("Ship", &["A/R", ""]),
                ("Idle", &["", ""]),
            ],
        );
        let f = only("R003", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Some(0));
    }
}
