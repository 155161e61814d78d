//! O001 party-spans-both-sides: a party holds R or A on both PO-side and PM-side tasks.

use super::helpers::{owners, plural};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, PartyFlag, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Side;

pub(super) const RULE: Rule = Rule {
    code: "O001",
    name: "party-spans-both-sides",
    summary: "A party holds R or A on both PO-side and PM-side tasks.",
    family: Family::Overlap,
    kind: Kind::Overlap,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: Some(PartyFlag::BothSides),
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party holding R or A on at least one PO-side task and at least one PM-side task. The finding gives both counts and lists the tasks.",
        why: "The article's central point (title and section \"How does a Product Owner differ from a Product Manager?\"): the roles are not the same. \"A Product Manager is responsible for the who, what, and why of business operations. Product Owners - for the how\" (section \"Does your organization need both of these professionals?\"). One party owning both sides merges the roles, which the FAQ says is possible but may overwhelm that person.",
        example: "Maria holds A on `Sprint planning` (PO side) and R on `Competitive analysis` (PM side).",
        fix: "If the roles are merged on purpose, ignore the rule (`--ignore O001`); otherwise move the PM-side work to the Product Manager or the PO-side work to the Product Owner.",
        options: "Task sides can be pinned under `[sides]` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let n = ctx.matrix.parties.len();
    // Per party: PO-side count, PM-side count, and those tasks in input order.
    let mut po = vec![0usize; n];
    let mut pm = vec![0usize; n];
    let mut related: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let side = ctx.side(i);
        if !matches!(side, Side::Po | Side::Pm) {
            continue;
        }
        let mut owners = owners(task);
        owners.sort_unstable();
        owners.dedup();
        for p in owners.into_iter().filter(|&p| p < n) {
            if side == Side::Po {
                po[p] += 1;
            } else {
                pm[p] += 1;
            }
            related[p].push(i);
        }
    }
    for p in 0..n {
        if po[p] > 0 && pm[p] > 0 {
            let mut f = ctx.on_party(
                p,
                format!(
                    "{} holds R or A on {} and on {}.",
                    ctx.party_name(p),
                    plural(po[p], "PO-side task", "PO-side tasks"),
                    plural(pm[p], "PM-side task", "PM-side tasks")
                ),
            );
            f.related_tasks = std::mem::take(&mut related[p]);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn spans_both_sides() {
        let m = matrix(
            &["Ana", "Bob"],
            &[
                ("Sprint", &["R/A", "C"]),
                ("KPIs", &["A", "R"]),
                ("Other", &["R", "A"]),
            ],
        );
        let c = vec![
            class(Side::Po, None),
            class(Side::Pm, None),
            class(Side::Shared, None),
        ];
        let settings = AuditSettings {
            select: vec!["O001".into()],
            ..AuditSettings::default()
        };
        let audit = run(&m, &c, &taxonomy(), &settings);
        assert_eq!(audit.findings.len(), 1);
        let f = &audit.findings[0];
        assert_eq!(f.party, Some(0));
        assert_eq!(f.related_tasks, vec![0, 1]);
        assert_eq!(
            f.message,
            "Ana holds R or A on 1 PO-side task and on 1 PM-side task."
        );
    }
}
