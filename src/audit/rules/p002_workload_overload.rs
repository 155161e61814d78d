//! P002 workload-overload: a party is Responsible or Accountable on more than max-ra-share
//! (default 60 %) of the tasks.

use super::helpers::share_rule;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, PartyFlag, Rule};
use crate::audit::{Finding, Severity};

pub(super) const RULE: Rule = Rule {
    code: "P002",
    name: "workload-overload",
    summary: "A party is Responsible or Accountable on more than max-ra-share (default 60 %) of the tasks.",
    family: Family::Party,
    kind: Kind::Workload,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: Some(PartyFlag::WorkloadOverLimit),
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party holding R or A (counted once per task) on more than `max-ra-share` percent of the tasks, and on at least 3 of them.",
        why: "The same party doing or owning most of the work is a single point of failure, and the article's FAQ (\"Can a Product Owner be a manager?\") notes one person may be \"overwhelmed by the numerous responsibilities\".",
        example: "Tom is R or A on 8 of 10 tasks (80 % > 60 %).",
        fix: "Share the work: move some R to other parties, or split the role.",
        options: "`[thresholds] max-ra-share = 60` (percent) in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_ra_share;
    share_rule(
        ctx,
        out,
        limit,
        "max-ra-share",
        "Responsible or Accountable",
        |t| t.owns,
    );
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn shares_need_three_tasks() {
        let m = shares_matrix();
        let p2 = only("P002", &m, &unclassified(&m));
        assert_eq!(p2.len(), 2, "{p2:?}");
        let m = too_few_tasks_for_shares();
        assert_eq!(codes(&m, &unclassified(&m), "P002"), 0);
    }
}
