//! P003 in-everything: a party holds a letter on every task.

use super::helpers::MIN_TASKS_FOR_SHARE_RULES;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};

pub(super) const RULE: Rule = Rule {
    code: "P003",
    name: "in-everything",
    summary: "A party holds a letter on every task.",
    family: Family::Party,
    kind: Kind::Workload,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party holding some letter on every task of a matrix with at least 3 tasks.",
        why: "RACI practice: a party in everything is either a team-wide role better left out of the matrix, or someone who is asked about everything and can slow everything down.",
        example: "The Head of Product holds C or I on all 12 tasks.",
        fix: "Keep the letters where the party's input or news matters; drop the rest.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let total = ctx.matrix.tasks.len();
    if total < MIN_TASKS_FOR_SHARE_RULES {
        return;
    }
    for (p, t) in ctx.tallies.iter().enumerate() {
        if t.any == total {
            out.push(ctx.on_party(
                p,
                format!(
                    "{} holds a letter on every one of the {total} tasks.",
                    ctx.party_name(p)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn a_party_on_every_task() {
        let m = party_shapes();
        let c = unclassified(&m);
        assert_eq!(only("P003", &m, &c).len(), 1);
        assert_eq!(only("P003", &m, &c)[0].1, Some(0));
    }
}
