//! P005 idle-party: a party column with no letters at all.

use super::helpers::{issues_per, plural};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};

pub(super) const RULE: Rule = Rule {
    code: "P005",
    name: "idle-party",
    summary: "A party column with no letters at all.",
    family: Family::Party,
    kind: Kind::Workload,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party column in which no task has a letter.",
        why: "A party in the header that does nothing is either missing letters or should not be in the matrix. If its cells could not be read, D001 says which.",
        example: "A `UX` column that is blank on every row.",
        fix: "Give the party its letters, or remove the column.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let per_party = issues_per(
        ctx.matrix.parties.len(),
        ctx.matrix.issues.iter().map(|c| c.party),
    );
    for (p, t) in ctx.tallies.iter().enumerate() {
        if t.any == 0 {
            let unreadable = per_party[p];
            let tail = if unreadable > 0 {
                format!(
                    " ({} in its column could not be read, see D001)",
                    plural(unreadable, "cell", "cells")
                )
            } else {
                String::new()
            };
            out.push(ctx.on_party(
                p,
                format!("{} has no letters on any task{tail}.", ctx.party_name(p)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn idle_columns_say_when_cells_were_unreadable() {
        let m = party_shapes();
        let p5 = only("P005", &m, &unclassified(&m));
        assert_eq!(p5.len(), 2);
        assert_eq!(p5[0].2, "Cy has no letters on any task.");
        assert!(p5[1].2.contains("could not be read"), "{}", p5[1].2);
    }
}
