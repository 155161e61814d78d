//! G002 side-without-owner: a side (PO or PM) whose tasks no party of that title owns, or that has
//! no task at all.

use super::helpers::{owners, side_title, title_name, titled};
use crate::audit::rule::{Ctx, Explanation, Family, HealthTerm, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Side;

pub(super) const RULE: Rule = Rule {
    code: "G002",
    name: "side-without-owner",
    summary: "A side (PO or PM) whose tasks no party of that title owns, or that has no task at all.",
    family: Family::Gap,
    kind: Kind::Gap,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: Some(HealthTerm::SideWithoutOwner),
    check,
    explanation: Explanation {
        what: "For each of the PO and PM sides: there are tasks on that side, parties with that title exist, and none of them holds R or A on any of those tasks; or no task at all is on that side.",
        why: "The article (section \"Product owner vs. Product manager\" and \"The bottom line\"): \"The Product Manager communicates the long-term product vision, the Product Owner makes it a reality.\" A side its own role does not own is done by someone else or not at all.",
        example: "Five PO-side tasks, Maria titled Product Owner, and Maria is only C or I on them.",
        fix: "Give the titled party R or A on its side's tasks, or add the missing side's tasks to the matrix.",
        options: "Needs party titles (see G004); task sides can be pinned under `[sides]`.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for side in [Side::Po, Side::Pm] {
        let Some(title) = side_title(side) else {
            continue;
        };
        let tasks: Vec<usize> = (0..ctx.matrix.tasks.len())
            .filter(|&i| ctx.side(i) == side)
            .collect();
        if tasks.is_empty() {
            out.push(ctx.finding(format!(
                "No task is classified as {}-side, so the matrix gives no {} work to anyone.",
                side.as_str(),
                title_name(title)
            )));
            continue;
        }
        let people = titled(ctx, title);
        if people.is_empty() {
            // Titles unknown: G004 says so; this rule cannot tell owners from others.
            continue;
        }
        let owned = tasks.iter().any(|&i| {
            owners(&ctx.matrix.tasks[i])
                .iter()
                .any(|p| people.contains(p))
        });
        if !owned {
            let on = if tasks.len() == 1 {
                format!("the 1 {}-side task", side.as_str())
            } else {
                format!("any of the {} {}-side tasks", tasks.len(), side.as_str())
            };
            let mut f = ctx.finding(format!(
                "No party titled {} ({}) holds R or A on {on}.",
                title_name(title),
                ctx.party_list(&people)
            ));
            f.related_tasks = tasks;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn side_without_owner() {
        let m = matrix(
            &["Ana (Product Owner)", "Tom (Product Manager)"],
            &[("Sprint", &["C", "R/A"]), ("KPIs", &["", "R/A"])],
        );
        let c = vec![class(Side::Po, None), class(Side::Pm, None)];
        let f = only("G002", &m, &c);
        assert_eq!(
            f,
            vec![(
                None,
                None,
                "No party titled Product Owner (Ana (Product Owner)) holds R or A on the 1 PO-side task."
                    .to_string()
            )]
        );
        // No PM-side task at all.
        let c = vec![class(Side::Po, None), class(Side::Shared, None)];
        let f = only("G002", &m, &c);
        assert_eq!(f.len(), 2);
        assert!(
            f[1].2.starts_with("No task is classified as PM-side"),
            "{}",
            f[1].2
        );
        // Without titles the owner half cannot run (G004 reports that).
        let m = matrix(
            &["Ana", "Tom"],
            &[("Sprint", &["C", "R/A"]), ("KPIs", &["", "R/A"])],
        );
        let c = vec![class(Side::Po, None), class(Side::Pm, None)];
        assert_eq!(codes(&m, &c, "G002"), 0);
    }
}
