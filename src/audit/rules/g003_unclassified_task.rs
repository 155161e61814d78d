//! G003 unclassified-task: a task not recognisably PO, PM or shared work.

use super::helpers::q;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::classify::DutyKind;
use crate::model::Side;

pub(super) const RULE: Rule = Rule {
    code: "G003",
    name: "unclassified-task",
    summary: "A task not recognisably PO, PM or shared work.",
    family: Family::Gap,
    kind: Kind::Gap,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task whose name matched no duty, skill or trait of the taxonomy, or matched the work of another trade (engineering, IT operations, QA, design, people management, finance, legal, HR, administration, sales execution, project administration) better, and that no `side` column or pin places. The message names the trade.",
        why: "Overlap and gap rules (O, G, M) can only judge tasks on a side. An unclassified task is left out of them.",
        example: "`Quarterly offsite` matches nothing in the taxonomy; `Deploy hotfix to prod` reads as engineering work.",
        fix: "Pin the task under `[sides]` in raci.toml (`\"Quarterly offsite\" = \"shared\"`), add words under `[taxonomy]`, or add a `side` column to the matrix.",
        options: "`[sides]` and `[taxonomy]` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if ctx.side(i) == Side::Unclassified {
            // The classifier may have read it as the work of another trade: say which.
            let trade = ctx
                .duty(i)
                .and_then(|d| ctx.taxonomy.duty(d))
                .filter(|d| d.kind == DutyKind::Other);
            let what = match trade {
                Some(d) => format!("reads as {}, not PO, PM or shared work", d.text),
                None => "is not recognisably PO, PM or shared work".to_string(),
            };
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} {what}; pin it under [sides] in raci.toml if it belongs to a side.",
                    q(&task.name)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn unclassified_task() {
        let m = matrix(&["Ana"], &[("Offsite", &["R/A"]), ("Sprint", &["R/A"])]);
        let c = vec![Classification::unclassified(), class(Side::Po, None)];
        let f = only("G003", &m, &c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Some(0));
        // A missing classification reads as unclassified instead of panicking.
        assert_eq!(codes(&m, &[], "G003"), 2);
    }
}
