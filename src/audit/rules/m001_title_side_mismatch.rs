//! M001 title-side-mismatch: a Product Manager is Accountable on a PO-side task, or a Product Owner
//! on a PM-side task.

use super::helpers::{q, title_name, title_of};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::{Letter, Side, TitleSide};

pub(super) const RULE: Rule = Rule {
    code: "M001",
    name: "title-side-mismatch",
    summary: "A Product Manager is Accountable on a PO-side task, or a Product Owner on a PM-side task.",
    family: Family::Title,
    kind: Kind::Overlap,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party titled Product Manager holding A on a PO-side task, or a party titled Product Owner holding A on a PM-side task. The finding points at the letter cell.",
        why: "The article (section \"Does your organization need both of these professionals?\"): the Product Manager owns \"the who, what, and why\", the Product Owner \"the how\". An A on the other role's side puts the decision with the wrong role.",
        example: "Tom (Product Manager) is A on `Accept user stories`, a PO-side task.",
        fix: "Move the A to the role whose side the task is on, or pin the task's side under `[sides]` if the classification is wrong.",
        options: "Needs party titles (see G004).",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let side = ctx.side(i);
        let other = match side {
            Side::Po => TitleSide::Pm,
            Side::Pm => TitleSide::Po,
            Side::Shared | Side::Unclassified => continue,
        };
        for a in task.assignments.iter() {
            if a.letters.contains(Letter::A) && title_of(ctx, a.party) == Some(other) {
                out.push(ctx.on_cell(
                    a.pos,
                    Some(i),
                    Some(a.party),
                    format!(
                        "{}, a {}, is Accountable on {}-side task {}.",
                        ctx.party_name(a.party),
                        title_name(other),
                        side.as_str(),
                        q(&task.name)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn title_side_mismatch_points_at_the_cell() {
        let m = matrix(
            &["Ana (Product Owner)", "Tom (Product Manager)"],
            &[
                ("Sprint", &["R", "A"]),
                ("KPIs", &["A", "R"]),
                ("Vision", &["A", "R"]),
            ],
        );
        let c = vec![
            class(Side::Po, None),
            class(Side::Pm, None),
            class(Side::Shared, None),
        ];
        let settings = AuditSettings {
            select: vec!["M001".into()],
            ..AuditSettings::default()
        };
        let audit = run(&m, &c, &taxonomy(), &settings);
        let got: Vec<_> = audit
            .findings
            .iter()
            .map(|f| (f.task, f.party, f.pos))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(0), Some(1), Some(Pos::new(1, 2))),
                (Some(1), Some(0), Some(Pos::new(2, 1)))
            ]
        );
    }
}
