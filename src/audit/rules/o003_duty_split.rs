//! O003 duty-split: one duty is covered by several tasks with different Accountables.

use super::helpers::{holders, q};
use crate::audit::rule::{join_and, Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "O003",
    name: "duty-split",
    summary: "One duty is covered by several tasks with different Accountables.",
    family: Family::Overlap,
    kind: Kind::Overlap,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "Among the tasks classified to one duty of the taxonomy, two or more carry different sets of Accountables.",
        why: "The article lists each duty under one role (section \"The main responsibilities of each role\"). When tasks of the same duty answer to different parties, nobody owns the duty as a whole.",
        example: "`Sprint planning` with A for Maria and `Sprint goal` with A for Tom, both classified to po-sprint-priorities.",
        fix: "Give the duty's tasks one Accountable, or rename the tasks if they are really different duties.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for duty in ctx.taxonomy.coverage_duties() {
        let tasks = ctx.duty_tasks(&duty.id);
        // Distinct sets of Accountables across the duty's tasks, first seen first.
        let mut sets: Vec<(Vec<usize>, usize)> = Vec::new();
        for &i in tasks {
            let a = holders(&ctx.matrix.tasks[i], Letter::A);
            if !a.is_empty() && !sets.iter().any(|(s, _)| *s == a) {
                sets.push((a, i));
            }
        }
        if sets.len() < 2 {
            continue;
        }
        let parts: Vec<String> = sets
            .iter()
            .map(|(a, i)| format!("{} on {}", ctx.party_list(a), q(ctx.task_name(*i))))
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let mut f = ctx.on_duty(
            &duty.id,
            format!(
                "Duty {} is split between different Accountables: {}.",
                duty.id,
                join_and(&parts)
            ),
        );
        f.related_tasks = tasks.to_vec();
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn duty_split() {
        let m = matrix(
            &["Ana", "Bob"],
            &[
                ("Sprint plan", &["R/A", ""]),
                ("Sprint goal", &["R", "A"]),
                ("Sprint review", &["A", "R"]),
            ],
        );
        let d = Some("po-sprint-priorities");
        let c = vec![class(Side::Po, d), class(Side::Po, d), class(Side::Po, d)];
        let f = only("O003", &m, &c);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].2,
            "Duty po-sprint-priorities is split between different Accountables: Ana on \"Sprint plan\" and Bob on \"Sprint goal\"."
        );
        let c = vec![
            class(Side::Po, d),
            class(Side::Po, None),
            class(Side::Po, d),
        ];
        assert_eq!(codes(&m, &c, "O003"), 0);
    }
}
