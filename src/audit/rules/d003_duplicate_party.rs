//! D003 duplicate-party: the same party header twice.

use super::helpers::{normalise, q};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use std::collections::BTreeMap;

pub(super) const RULE: Rule = Rule {
    code: "D003",
    name: "duplicate-party",
    summary: "The same party header twice.",
    family: Family::Data,
    kind: Kind::Data,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party header equal to an earlier one, ignoring case and extra spaces. The finding is on the later header.",
        why: "The two columns are counted as two parties, so the party's workload and ownership are each understated.",
        example: "Two `QA` columns.",
        fix: "Merge the columns, or rename them (`QA (web)`, `QA (mobile)`).",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (p, party) in ctx.matrix.parties.iter().enumerate() {
        let key = normalise(&party.name);
        match first.get(&key) {
            Some(&earlier) => out.push(ctx.on_party(
                p,
                format!(
                    "Party {} at {} repeats the party at {}; their letters are counted as two parties.",
                    q(&party.name),
                    ctx.matrix.cell_ref(party.pos),
                    ctx.matrix.cell_ref(ctx.matrix.parties[earlier].pos)
                ),
            )),
            None => {
                first.insert(key, p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn duplicate_party() {
        let m = doubled_and_ambiguous_parties();
        let f = only("D003", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, Some(2));
    }
}
