//! O002 shared-ownership: a Product Owner and a Product Manager both hold R or A on one PO-side or
//! PM-side task.

use super::helpers::{owners, q, side_title, title_of};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::TitleSide;

pub(super) const RULE: Rule = Rule {
    code: "O002",
    name: "shared-ownership",
    summary: "A Product Owner and a Product Manager both hold R or A on one PO-side or PM-side task.",
    family: Family::Overlap,
    kind: Kind::Overlap,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "On a task classified PO-side or PM-side, a party titled Product Owner and a party titled Product Manager both hold R or A. Shared tasks are exempt. The finding names the party from the other side.",
        why: "The article (section \"Product owner vs. Product manager\"): the Product Manager is responsible for \"the product vision and strategy\", the Product Owner for \"executing product long-term vision on time and within the budget\". When both own one side's task, the split of the two roles is blurred right where it should be clear.",
        example: "`Sprint planning` (PO side) with R for Maria (Product Owner) and A for Tom (Product Manager).",
        fix: "Leave R and A with the role whose side the task is on; make the other C or I. If the task really is joint, pin it as `shared` under `[sides]`.",
        options: "Needs party titles (see G004); task sides can be pinned under `[sides]`.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let side = ctx.side(i);
        let Some(own_title) = side_title(side) else {
            continue;
        };
        let own = owners(task);
        let po: Vec<usize> = own
            .iter()
            .copied()
            .filter(|&p| title_of(ctx, p) == Some(TitleSide::Po))
            .collect();
        let pm: Vec<usize> = own
            .iter()
            .copied()
            .filter(|&p| title_of(ctx, p) == Some(TitleSide::Pm))
            .collect();
        if po.is_empty() || pm.is_empty() {
            continue;
        }
        // The party named is the one from the other side: the one whose R or A is out of place.
        let outsider = if own_title == TitleSide::Po {
            pm[0]
        } else {
            po[0]
        };
        let mut f = ctx.on_task(
            i,
            format!(
                "On {}-side task {}, Product Owner {} and Product Manager {} both hold R or A.",
                side.as_str(),
                q(&task.name),
                ctx.party_list(&po),
                ctx.party_list(&pm)
            ),
        );
        f.party = Some(outsider);
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn shared_ownership_skips_shared_tasks() {
        let m = matrix(
            &["Ana (Product Owner)", "Tom (Product Manager)"],
            &[
                ("Sprint", &["R", "A"]),
                ("Vision", &["R", "A"]),
                ("Mixed", &["C", "A"]),
            ],
        );
        let c = vec![
            class(Side::Po, None),
            class(Side::Shared, None),
            class(Side::Pm, None),
        ];
        let f = only("O002", &m, &c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Some(0));
        assert_eq!(f[0].1, Some(1), "the party from the other side");
    }
}
