//! R007 unassigned-task: a task row with no letters at all.

use super::helpers::{has_letters, issues_per, plural, q};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};

pub(super) const RULE: Rule = Rule {
    code: "R007",
    name: "unassigned-task",
    summary: "A task row with no letters at all.",
    family: Family::Task,
    kind: Kind::Gap,
    default_severity: Severity::Error,
    outlines_heatmap: true,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task on which no party holds any letter. It gets this finding only, not R001 and R003 as well.",
        why: "RACI practice: a task in the matrix that nobody holds is a gap, not a plan. If its cells could not be read, D001 or D005 says which.",
        example: "`Define KPIs` with every cell blank.",
        fix: "Give the task an A and an R, or delete the row if the task is not done.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let per_task = issues_per(
        ctx.matrix.tasks.len(),
        ctx.matrix.issues.iter().map(|c| c.task),
    );
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if has_letters(task) {
            continue;
        }
        let unreadable = per_task[i];
        let tail = if unreadable > 0 {
            format!(
                " ({} on its row could not be read, see D001/D005)",
                plural(unreadable, "cell", "cells")
            )
        } else {
            String::new()
        };
        out.push(ctx.on_task(
            i,
            format!(
                "Task {} has no letters at all{tail}: nobody is Responsible, Accountable, Consulted or Informed.",
                q(&task.name)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn unassigned_task_only() {
        let m = matrix(&["Ana"], &[("Idle", &[""]), ("Plan", &["R/A"])]);
        let c = unclassified(&m);
        assert_eq!(codes(&m, &c, "R007"), 1);
        // The same row gets neither R001 nor R003.
        assert_eq!(codes(&m, &c, "R001"), 0);
        assert_eq!(codes(&m, &c, "R003"), 0);
        let m = matrix(&["Ana"], &[("Odd", &["x"])]);
        let f = only("R007", &m, &unclassified(&m));
        assert!(
            f[0].2.contains("1 cell on its row could not be read"),
            "{}",
            f[0].2
        );
    }
}
