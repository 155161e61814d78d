//! O003 duty-split: one duty is covered by several tasks with different Accountables.

use super::helpers::{holders, q};
use crate::audit::rule::{join_and, Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;
use std::collections::HashSet;

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
        what: "Among the tasks classified to one duty of the taxonomy, two or more carry different sets of Accountables. The message names the first six sets and counts the others; every task of the duty is listed as related.",
        why: "The article lists each duty under one role (section \"The main responsibilities of each role\"). When tasks of the same duty answer to different parties, nobody owns the duty as a whole.",
        example: "`Sprint planning` with A for Maria and `Sprint goal` with A for Tom, both classified to po-sprint-priorities.",
        fix: "Give the duty's tasks one Accountable, or rename the tasks if they are really different duties.",
        options: "None.",
    },
};

/// The sets of Accountables a message names; the others are counted. A duty split between
/// thousands of sets (a big export where every task has its own) made one message of over
/// 100 KB: no manager reads that, and every report repeated it. All the duty's tasks stay
/// listed as related tasks.
const NAMED_SETS: usize = 6;

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for duty in ctx.taxonomy.coverage_duties() {
        let tasks = ctx.duty_tasks(&duty.id);
        // Distinct sets of Accountables across the duty's tasks (a set for membership: a
        // list searched for each task was quadratic in the sets); the first NAMED_SETS seen
        // are named, with a task each.
        let mut seen: HashSet<Vec<usize>> = HashSet::new();
        let mut named: Vec<(Vec<usize>, usize)> = Vec::new();
        for &i in tasks {
            let a = holders(&ctx.matrix.tasks[i], Letter::A);
            if !a.is_empty() && !seen.contains(&a) {
                if named.len() < NAMED_SETS {
                    named.push((a.clone(), i));
                }
                seen.insert(a);
            }
        }
        if seen.len() < 2 {
            continue;
        }
        let mut parts: Vec<String> = named
            .iter()
            .map(|(a, i)| format!("{} on {}", ctx.party_list(a), q(ctx.task_name(*i))))
            .collect();
        if seen.len() > NAMED_SETS {
            parts.push(format!(
                "{} more sets of Accountables on other tasks ({} tasks of the duty in all)",
                seen.len() - NAMED_SETS,
                tasks.len()
            ));
        }
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

    #[test]
    fn a_duty_split_many_ways_names_the_first_sets_and_counts_the_rest() {
        let parties = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
        let names: Vec<String> = (1..=9).map(|i| format!("Task {i}")).collect();
        let rows: Vec<Vec<&str>> = (0..9)
            .map(|i| (0..9).map(|p| if p == i { "A" } else { "" }).collect())
            .collect();
        let spec: Vec<(&str, &[&str])> = names
            .iter()
            .zip(&rows)
            .map(|(n, r)| (n.as_str(), r.as_slice()))
            .collect();
        let m = matrix(&parties, &spec);
        let d = Some("po-sprint-priorities");
        let c = vec![class(Side::Po, d); 9];
        let f = only("O003", &m, &c);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].2.starts_with(
                "Duty po-sprint-priorities is split between different Accountables: P1 on \"Task 1\", "
            ),
            "{}",
            f[0].2
        );
        assert!(f[0].2.contains("P6 on \"Task 6\""), "{}", f[0].2);
        assert!(!f[0].2.contains("Task 7"), "{}", f[0].2);
        assert!(
            f[0].2.ends_with(
                "and 3 more sets of Accountables on other tasks (9 tasks of the duty in all)."
            ),
            "{}",
            f[0].2
        );
    }
}
