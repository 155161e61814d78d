//! D004 ambiguous-title: a party titled only `PM`: Product Manager or Project Manager?

use super::helpers::q;
use crate::audit::rule::{Ctx, Explanation, Family, Kind, Rule};
use crate::audit::{Finding, Severity};
use crate::model::TitleSide;

pub(super) const RULE: Rule = Rule {
    code: "D004",
    name: "ambiguous-title",
    summary: "A party titled only `PM`: Product Manager or Project Manager?",
    family: Family::Data,
    kind: Kind::Data,
    default_severity: Severity::Info,
    outlines_heatmap: false,
    flags_party: None,
    health_term: None,
    check,
    explanation: Explanation {
        what: "A party whose title is `PM` alone, which is not counted as a Product Manager until settled.",
        why: "`PM` means Product Manager in some companies and Project Manager in others; the article's Product Manager lists \"project management skills\" among others (section \"What skills are necessary for each role?\"), but the roles differ. Guessing would put the title rules on a wrong footing.",
        example: "A header `Alex (PM)`.",
        fix: "Pass `--pm-means product` or `--pm-means project`, set `pm-means` in raci.toml, or give the full title in a roster.",
        options: "`--pm-means product|project`, `pm-means` in raci.toml, `--roster FILE`.",
    },
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (p, party) in ctx.matrix.parties.iter().enumerate() {
        if party.title_side == Some(TitleSide::Ambiguous) {
            let title = party.title.as_deref().unwrap_or("PM");
            out.push(ctx.on_party(
                p,
                format!(
                    "Party {} has the title {}, which may mean Product Manager or Project Manager; settle it with --pm-means product|project or a roster.",
                    q(&party.name),
                    q(title)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::*;

    #[test]
    fn pm_alone_is_ambiguous() {
        let m = doubled_and_ambiguous_parties();
        let f = only("D004", &m, &unclassified(&m));
        assert_eq!(f.len(), 1);
        assert!(f[0].2.contains("--pm-means product|project"), "{}", f[0].2);
    }
}
