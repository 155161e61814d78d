//! G001 uncovered-duty: a duty of the taxonomy that no task covers.

use super::helpers::q;
use crate::audit::rule::{Ctx, Explanation, Family, HealthTerm, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Side;

pub(super) const RULE: Rule = Rule {
    code: "G001",
    name: "uncovered-duty",
    summary: "A duty of the taxonomy that no task covers.",
    family: Family::Gap,
    kind: Kind::Gap,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: Some(HealthTerm::UncoveredDuty),
    check,
    explanation: Explanation {
        what: "A taxonomy entry of kind duty (not skill or trait) to which no task of the matrix is classified.",
        why: "The article lists the duties of each role (section \"The main responsibilities of each role\", PO and PM lists). A duty with no task in the matrix is work nobody has been given.",
        example: "No task is classified to pm-kpis-strategy-tracking (\"Setting business KPIs and tracking whether the product strategy is working as planned\").",
        fix: "Add a task for the duty with its R and A, or, if the matrix covers only part of the process, ignore the rule for it (`--ignore G001`).",
        options: "More words for a duty under `[taxonomy]` in raci.toml; a whole taxonomy with `--taxonomy FILE`.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for duty in ctx.taxonomy.coverage_duties() {
        let covered = !ctx.duty_tasks(&duty.id).is_empty();
        if !covered {
            let side = match duty.side {
                Side::Po => "PO duty ",
                Side::Pm => "PM duty ",
                Side::Shared => "shared duty ",
                Side::Unclassified => "duty ",
            };
            out.push(ctx.on_duty(
                &duty.id,
                format!("No task covers the {side}{} ({}).", q(&duty.text), duty.id),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn uncovered_duty_ignores_skills() {
        let m = matrix(&["Ana"], &[("Sprint", &["R/A"])]);
        let c = vec![class(Side::Po, Some("po-sprint-priorities"))];
        let settings = AuditSettings {
            select: vec!["G001".into()],
            ..AuditSettings::default()
        };
        let audit = run(&m, &c, &taxonomy(), &settings);
        let duties: Vec<_> = audit.findings.iter().map(|f| f.duty.clone()).collect();
        assert_eq!(duties, vec![Some("pm-kpis".to_string())]);
        assert_eq!(
            audit.findings[0].message,
            "No task covers the PM duty \"text of pm-kpis\" (pm-kpis)."
        );
    }

    #[test]
    fn a_task_naming_two_duties_covers_both() {
        let m = matrix(&["Ana"], &[("Sprint and KPIs", &["R/A"])]);
        let settings = AuditSettings {
            select: vec!["G001".into()],
            ..AuditSettings::default()
        };
        // A shared task with a duty of each side, and a task with two duties of one side.
        let shared = Classification {
            second_duty: Some("pm-kpis".into()),
            ..class(Side::Shared, Some("po-sprint-priorities"))
        };
        let audit = run(&m, &[shared], &taxonomy(), &settings);
        assert!(audit.findings.is_empty(), "{:?}", audit.findings);
        let mut tax = taxonomy();
        tax.duties
            .push(duty("pm-roadmap", Side::Pm, DutyKind::Duty));
        let two_pm = Classification {
            second_duty: Some("pm-roadmap".into()),
            ..class(Side::Pm, Some("pm-kpis"))
        };
        let audit = run(&m, &[two_pm], &tax, &settings);
        let duties: Vec<_> = audit.findings.iter().map(|f| f.duty.clone()).collect();
        assert_eq!(duties, vec![Some("po-sprint-priorities".to_string())]);
    }
}
