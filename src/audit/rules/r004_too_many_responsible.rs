//! R004 too-many-responsible: a task with more Responsibles than max-responsible (default 3).

use super::helpers::too_many;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "R004",
    name: "too-many-responsible",
    summary: "A task with more Responsibles than max-responsible (default 3).",
    family: Family::Task,
    kind: Kind::Hygiene,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task on which more parties hold R than `max-responsible` allows.",
        why: "RACI practice: when many parties are Responsible, each assumes another is doing the work. A task that needs many doers is usually several tasks.",
        example: "`Launch` with R for Dev, QA, Marketing, Sales and Support (5 > 3).",
        fix: "Split the task into the parts each party does, or move some R to C.",
        options: "`[thresholds] max-responsible = 3` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_responsible;
    too_many(
        ctx,
        out,
        Letter::R,
        limit,
        "max-responsible",
        "Responsibles",
    );
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    /// Three Responsibles is the limit; four is over it.
    #[test]
    fn more_responsibles_than_the_limit() {
        let m = letter_counts();
        let r = only("R004", &m, &unclassified(&m));
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].2,
            "Task \"Many R\" has 4 Responsibles (A, B, C and D), more than max-responsible = 3."
        );
    }
}
