//! P004 no-ownership: a party holds letters but never R or A.

use super::helpers::plural;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};

pub(super) const RULE: Rule = Rule {
    code: "P004",
    name: "no-ownership",
    summary: "A party holds letters but never R or A.",
    family: Family::Party,
    kind: Kind::Workload,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party holding only C, I (or S, V) letters, never R or A.",
        why: "Not wrong in itself (stakeholders are often only consulted or informed), but for a role that should own work, such as a Product Owner or a Product Manager, it shows the role has no work of its own in this matrix.",
        example: "Legal holds C on 3 tasks and nothing else.",
        fix: "If the party should own work, give it R or A where it does; otherwise ignore this finding.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (p, t) in ctx.tallies.iter().enumerate() {
        let any = t.any;
        if any > 0 && t.owns == 0 {
            out.push(ctx.on_party(
                p,
                format!(
                    "{} holds letters on {} but is never Responsible or Accountable.",
                    ctx.party_name(p),
                    plural(any, "task", "tasks")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn letters_but_never_r_or_a() {
        let m = party_shapes();
        let p4 = only("P004", &m, &unclassified(&m));
        assert_eq!(
            p4,
            vec![(
                None,
                Some(1),
                "Bob holds letters on 2 tasks but is never Responsible or Accountable.".to_string()
            )]
        );
    }
}
