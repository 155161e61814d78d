//! G004 missing-title: no party carries a Product Owner (or Product Manager) title.

use super::helpers::{title_name, titled};
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::TitleSide;

pub(super) const RULE: Rule = Rule {
    code: "G004",
    name: "missing-title",
    summary: "No party carries a Product Owner (or Product Manager) title.",
    family: Family::Gap,
    kind: Kind::Gap,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "For each of Product Owner and Product Manager: no party's title says it. A party marked only `PM` counts as neither until settled (see D004).",
        why: "The title rules (O002, G002, M001, M002) compare a party's title with the side of its tasks. Without titles they cannot run, and the audit says so rather than passing silently.",
        example: "Parties `Maria`, `Tom`, `Dev`, with no titles anywhere.",
        fix: "Put the title in the header (`Maria (Product Owner)`), add a title row, give a roster with `--roster FILE` (columns `party,title`), or add spellings your team uses under `[titles]` in raci.toml.",
        options: "`--roster FILE`, `--pm-means product|project`, `[titles]` in raci.toml.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for title in [TitleSide::Po, TitleSide::Pm] {
        if !titled(ctx, title).is_empty() {
            continue;
        }
        let ambiguous: Vec<usize> = ctx
            .matrix
            .parties
            .iter()
            .enumerate()
            .filter(|(_, p)| p.title_side == Some(TitleSide::Ambiguous))
            .map(|(i, _)| i)
            .collect();
        let hint = if title == TitleSide::Pm && !ambiguous.is_empty() {
            format!(
                "; {} is marked only PM, which --pm-means product settles",
                ctx.party_list(&ambiguous)
            )
        } else {
            String::new()
        };
        let name = title_name(title);
        out.push(ctx.finding(format!(
            "No party carries a {name} title, so the title rules (O002, G002, M001, M002) could not check the {name}'s work; give titles with --roster FILE or in the header, like \"Ana ({name})\"{hint}."
        )));
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn missing_title() {
        let m = matrix(
            &["Ana (Product Owner)", "Alex (PM)"],
            &[("Sprint", &["R/A", "C"])],
        );
        let f = only("G004", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert!(f[0].2.contains("Product Manager title"), "{}", f[0].2);
        assert!(f[0].2.contains("--roster FILE"), "{}", f[0].2);
        assert!(f[0].2.contains("Alex (PM) is marked only PM"), "{}", f[0].2);
        let m = matrix(
            &["Ana (Product Owner)", "Tom (Product Manager)"],
            &[("Sprint", &["R/A", "C"])],
        );
        assert_eq!(codes(&m, &unclassified(&m), "G004"), 0);
    }
}
