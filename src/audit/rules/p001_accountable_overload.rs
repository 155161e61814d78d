//! P001 accountable-overload: a party is Accountable on more than max-accountable-share
//! (default 50 %) of the tasks.

use super::helpers::share_rule;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, PartyFlag, Rule};
use crate::audit::{Finding, Severity};

pub(super) const RULE: Rule = Rule {
    code: "P001",
    name: "accountable-overload",
    summary: "A party is Accountable on more than max-accountable-share (default 50 %) of the tasks.",
    family: Family::Party,
    kind: Kind::Workload,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: Some(PartyFlag::AccountableOverLimit),
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party holding A on more than `max-accountable-share` percent of the tasks, and on at least 3 of them.",
        why: "A bottleneck: every decision waits for the same party. The article's FAQ (\"Can a Product Owner be a manager?\") warns that a PO taking on the Product Manager's duties too \"may be overwhelmed by the numerous responsibilities this entails\".",
        example: "Maria is A on 7 of 10 tasks (70 % > 50 %).",
        fix: "Hand the A of some tasks to the party that does the work or to the other product role.",
        options: "`[thresholds] max-accountable-share = 50` (percent) in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_accountable_share;
    share_rule(
        ctx,
        out,
        limit,
        "max-accountable-share",
        "Accountable",
        |t| t.a,
    );
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn shares_need_three_tasks() {
        let m = shares_matrix();
        let p1 = only("P001", &m, &unclassified(&m));
        assert_eq!(
            p1,
            vec![(
                None,
                Some(0),
                "Ana is Accountable on 3 of 4 tasks (75 %), more than max-accountable-share = 50 %."
                    .to_string()
            )]
        );
        let m = too_few_tasks_for_shares();
        assert_eq!(codes(&m, &unclassified(&m), "P001"), 0);
    }
}
