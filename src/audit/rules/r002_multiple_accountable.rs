//! R002 multiple-accountable: a task with more than one Accountable (A).

use super::helpers::{holders, q};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "R002",
    name: "multiple-accountable",
    summary: "A task with more than one Accountable (A).",
    family: Family::Task,
    kind: Kind::Hygiene,
    default_severity: Severity::Error,
    outlines_heatmap: true,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task on which two or more parties hold A.",
        why: "RACI practice: one A per task, so that one party can decide and be held to the outcome. Two owners wait for each other or overrule each other. Between a Product Owner and a Product Manager this is the typical overlap the article warns about (section \"Does your organization need both of these professionals?\": both roles \"can help or unnecessarily complicate a company's structure\").",
        example: "`Prioritise the backlog` with `A` for both Maria (Product Owner) and Tom (Product Manager).",
        fix: "Keep the A on one party; make the other R, C or I.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let a = holders(task, Letter::A);
        if a.len() > 1 {
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} has {} Accountables ({}); exactly one party should hold the A.",
                    q(&task.name),
                    a.len(),
                    ctx.party_list(&a)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn multiple_accountable() {
        let m = matrix(
            &["Ana", "Bob", "Cy"],
            &[("Plan", &["A", "A", "R"]), ("Ship", &["A", "R", ""])],
        );
        let f = only("R002", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].2,
            "Task \"Plan\" has 2 Accountables (Ana and Bob); exactly one party should hold the A."
        );
    }
}
