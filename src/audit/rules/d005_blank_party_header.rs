//! D005 blank-party-header: letters in a column whose party header is blank.

use super::helpers::{cell_place, q};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::CellProblem;

pub(super) const RULE: Rule = Rule {
    code: "D005",
    name: "blank-party-header",
    summary: "Letters in a column whose party header is blank.",
    family: Family::Data,
    kind: Kind::Data,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "Every letter cell in a party column whose header is empty.",
        why: "Letters nobody can be held to: an R or an A under a blank header looks like coverage but names no one.",
        example: "Column F has no header but holds `R` on three tasks.",
        fix: "Write the party's name in the header, or delete the column.",
        options: "None.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for issue in &ctx.matrix.issues {
        if issue.problem != CellProblem::BlankPartyHeader {
            continue;
        }
        out.push(ctx.on_cell(
            issue.pos,
            issue.task,
            issue.party,
            format!(
                "Cell {}{} holds {} in a column with a blank party header, so nobody is named for it.",
                ctx.matrix.cell_ref(issue.pos),
                cell_place(ctx, issue.task, None),
                q(&issue.raw)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn letters_under_a_blank_header() {
        let m = unreadable_cells();
        let d5 = only("D005", &m, &unclassified(&m));
        assert_eq!(d5.len(), 1);
        assert!(d5[0].2.starts_with("Cell t.csv!G2"), "{}", d5[0].2);
    }
}
