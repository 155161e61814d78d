//! D001 unknown-letter: a cell whose text is not a letter of the scheme (or is a number or an error
//! value).

use super::helpers::{cell_place, q};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::CellProblem;

pub(super) const RULE: Rule = Rule {
    code: "D001",
    name: "unknown-letter",
    summary: "A cell whose text is not a letter of the scheme (or is a number or an error value).",
    family: Family::Data,
    kind: Kind::Data,
    default_severity: Severity::Warning,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "Every non-empty cell inside the matrix that could not be read as letters: text that is not a letter of the scheme (`x`, `yes`, `Q`), a number, date or true/false value, or a spreadsheet error (`#NAME?`). Letters that could be read from it (`R,Q` keeps R) still count.",
        why: "Nothing is dropped silently: a mark the audit cannot read may hide an R or an A, and every other rule would otherwise judge the task without it.",
        example: "`x` in the cell for Dev on `Build feature`: involved, but as what?",
        fix: "Write the letter you mean (R, A, C or I). If the file uses another scheme, say so with `--scheme` or a legend in the sheet.",
        options: "`--scheme raci|rasci|raci-vs|daci|cairo|rapid`, or `scheme` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for issue in &ctx.matrix.issues {
        let what = match issue.problem {
            CellProblem::UnknownLetter => format!(
                "holds {}, which is not a letter of the {} scheme",
                q(&issue.raw),
                ctx.matrix.scheme.name.as_str()
            ),
            CellProblem::NotText => format!(
                "holds {}, a number, date or true/false value where letters belong",
                q(&issue.raw)
            ),
            CellProblem::ErrorValue => format!("holds the spreadsheet error {}", q(&issue.raw)),
            CellProblem::NoTask => format!(
                "holds {}, letters for a task whose name is a spreadsheet error value, so they are not counted",
                q(&issue.raw)
            ),
            CellProblem::BlankPartyHeader => continue,
        };
        let kept = if issue.letters.is_empty() {
            String::new()
        } else {
            format!(" (only {} could be read from it)", issue.letters)
        };
        out.push(ctx.on_cell(
            issue.pos,
            issue.task,
            issue.party,
            format!(
                "Cell {}{} {what}{kept}.",
                ctx.matrix.cell_ref(issue.pos),
                cell_place(ctx, issue.task, issue.party)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn unknown_letters_keep_their_cell() {
        let m = unreadable_cells();
        let f = only("D001", &m, &unclassified(&m));
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].2,
            "Cell t.csv!C2 on task \"Plan\" under Bob holds \"R,Q\", which is not a letter of the raci scheme (only R could be read from it)."
        );
        assert_eq!(
            f[1].2,
            "Cell t.csv!F2 on task \"Plan\" holds the spreadsheet error \"#NAME?\"."
        );
    }
}
