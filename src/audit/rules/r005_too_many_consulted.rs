//! R005 too-many-consulted: a task with more Consulted than max-consulted (default 4).

use super::helpers::too_many;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "R005",
    name: "too-many-consulted",
    summary: "A task with more Consulted than max-consulted (default 4).",
    family: Family::Task,
    kind: Kind::Hygiene,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task on which more parties hold C than `max-consulted` allows.",
        why: "RACI practice: Consulted is two-way, before the work. Every C is a conversation the Responsible must have first; many of them slow the task down.",
        example: "`Pricing` with C for six teams (6 > 4).",
        fix: "Keep C for those whose input changes the result; make the others I.",
        options: "`[thresholds] max-consulted = 4` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_consulted;
    too_many(ctx, out, Letter::C, limit, "max-consulted", "Consulted");
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn the_limit_is_not_over_it_and_settings_lower_it() {
        let m = letter_counts();
        let c = unclassified(&m);
        assert_eq!(
            codes(&m, &c, "R005"),
            0,
            "4 Consulted is the limit, not over it"
        );
        let mut settings = AuditSettings {
            select: vec!["R005".into()],
            ..AuditSettings::default()
        };
        settings.thresholds.max_consulted = 3;
        assert_eq!(run(&m, &c, &taxonomy(), &settings).findings.len(), 1);
    }
}
