//! M002 pm-in-day-to-day: a Product Manager is Responsible on the Product Owner's day-to-day work.

use super::helpers::{q, title_of};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::{Letter, Side, TitleSide};

/// Duty ids of the Product Owner's day-to-day work (sprint events, story acceptance, the daily
/// work with the scrum team). The article: "The work of a classic Product Owner is more
/// tactical in nature. As a result, they are usually involved in the day-to-day operations.
/// Product Managers are usually not involved in regular daily operations" (section "Works
/// with"). M002 reads this list.
pub const PO_DAY_TO_DAY_DUTIES: &[&str] = &[
    "po-sprint-priorities",
    "po-scrum-team-contact",
    "po-check-status-verify-results",
    "po-development-direction",
    "po-daily-with-scrum-team",
    "po-features-implemented-correctly",
];

pub(super) const RULE: Rule = Rule {
    code: "M002",
    name: "pm-in-day-to-day",
    summary: "A Product Manager is Responsible on the Product Owner's day-to-day work.",
    family: Family::Title,
    kind: Kind::Overlap,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party titled Product Manager holding R on a PO-side task whose duty is one of the Product Owner's day-to-day duties: po-sprint-priorities (identifying priorities during the sprints: sprint planning and other sprint events), po-scrum-team-contact (constant contact with the scrum team), po-daily-with-scrum-team (working with the scrum team on a daily basis), po-check-status-verify-results (checking the status of the work and verifying the results, such as story acceptance), po-features-implemented-correctly (making sure features are implemented correctly) and po-development-direction (keeping development moving in the right direction).",
        why: "The article (section \"Works with\" and the comparison table): the Product Owner is \"generally involved in day-to-day operations\"; \"Product Managers are usually not involved in regular daily operations\".",
        example: "Tom (Product Manager) is R on `Sprint review`.",
        fix: "Leave the day-to-day work with the Product Owner and the team; make the Product Manager C or I on it.",
        options: "Needs party titles (see G004).",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if ctx.side(i) != Side::Po {
            continue;
        }
        let Some(duty) = ctx.duty(i) else { continue };
        if !PO_DAY_TO_DAY_DUTIES.contains(&duty) {
            continue;
        }
        for a in task.assignments.iter() {
            if a.letters.contains(Letter::R) && title_of(ctx, a.party) == Some(TitleSide::Pm) {
                let mut f = ctx.on_cell(
                    a.pos,
                    Some(i),
                    Some(a.party),
                    format!(
                        "{}, a Product Manager, is Responsible on {}, day-to-day Product Owner work ({duty}).",
                        ctx.party_name(a.party),
                        q(&task.name)
                    ),
                );
                f.duty = Some(duty.to_string());
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn pm_in_day_to_day() {
        let m = matrix(
            &["Ana (Product Owner)", "Tom (Product Manager)"],
            &[("Sprint", &["A", "R"]), ("Backlog", &["A", "R"])],
        );
        let c = vec![
            class(Side::Po, Some("po-sprint-priorities")),
            class(Side::Po, Some("po-roadmap-backlog")),
        ];
        let f = only("M002", &m, &c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Some(0));
        for id in super::PO_DAY_TO_DAY_DUTIES {
            assert!(super::RULE.explanation.what.contains(id), "{id} not named");
        }
    }
}
