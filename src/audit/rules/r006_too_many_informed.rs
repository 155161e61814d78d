//! R006 too-many-informed: a task with more Informed than max-informed (default 8).

use super::helpers::too_many;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::Letter;

pub(super) const RULE: Rule = Rule {
    code: "R006",
    name: "too-many-informed",
    summary: "A task with more Informed than max-informed (default 8).",
    family: Family::Task,
    kind: Kind::Hygiene,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A task on which more parties hold I than `max-informed` allows.",
        why: "RACI practice: Informed is one-way news after the work. A long list of I is usually a mailing list, better kept outside the matrix.",
        example: "`Sprint review` with I for ten parties (10 > 8).",
        fix: "Drop the I for parties that learn the news another way (a release note, a channel).",
        options: "`[thresholds] max-informed = 8` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_informed;
    too_many(ctx, out, Letter::I, limit, "max-informed", "Informed");
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn more_informed_than_the_limit() {
        let many_i: Vec<&str> = std::iter::once("R/A").chain(["I"; 9]).collect();
        let heads: Vec<String> = (0..10).map(|i| format!("P{i}")).collect();
        let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
        let m = matrix(&heads, &[("Announce", &many_i)]);
        let f = only("R006", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert!(f[0].2.contains("9 Informed"), "{}", f[0].2);
    }
}
