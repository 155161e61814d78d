//! D002 duplicate-task: the same task name twice in one group.

use super::helpers::{q, task_key};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use std::collections::HashMap;

pub(super) const RULE: Rule = Rule {
    code: "D002",
    name: "duplicate-task",
    summary: "The same task name twice in one group.",
    family: Family::Data,
    kind: Kind::Data,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task whose name (ignoring case and extra spaces) and group equal an earlier task's. The finding is on the later row and names the earlier one.",
        why: "Two rows for one task split its letters: each row may look complete while together they have two Accountables, or neither does.",
        example: "`Sprint review` on rows 5 and 12, both in group `Delivery`.",
        fix: "Merge the rows into one, or rename them if they are different tasks.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let tasks = &ctx.matrix.tasks;
    // The first task of each folded group and name; one key buffer serves every lookup, and a
    // key is stored only for a task not seen before.
    let mut first: HashMap<Vec<u8>, usize> = HashMap::with_capacity(tasks.len());
    let mut key = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        task_key(task.group.as_deref(), &task.name, &mut key);
        let Some(&earlier) = first.get(key.as_slice()) else {
            first.insert(key.clone(), i);
            continue;
        };
        let where_ = match &task.group {
            Some(g) => format!("in group {}", q(g)),
            None => "with no group".to_string(),
        };
        let mut f = ctx.on_task(
            i,
            format!(
                "Task {} at {} repeats the task at {} {where_}.",
                q(&task.name),
                ctx.matrix.cell_ref(task.pos),
                ctx.matrix.cell_ref(tasks[earlier].pos)
            ),
        );
        f.related_tasks = vec![earlier];
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn duplicate_task_same_group_only() {
        let m = matrix(
            &["Ana"],
            &[
                ("Review@Build", &["R/A"]),
                ("review @Ship", &["R/A"]),
                ("Sprint  REVIEW@Build", &["R/A"]),
                ("Review@Build", &["R/A"]),
            ],
        );
        let f = only("D002", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Some(3));
        assert_eq!(
            f[0].2,
            "Task \"Review\" at t.csv!A5 repeats the task at t.csv!A2 in group \"Build\"."
        );
    }
}
