//! `overlap.png`: per party, the tasks it holds R or A on, split by the side of the task;
//! parties doing both PO-side and PM-side work stand out.

use super::bars::{Bar, BarChart, Segment};
use super::canvas::plural;
use super::stats::{party_name, party_stats};
use super::style::{self, VERMILLION};
use crate::audit::PartyFlag;
use crate::model::Side;
use crate::outcome::Outcome;
use std::collections::BTreeMap;

/// Parties drawn one bar each; the rest share one "others" bar so 100 parties stay legible.
pub const TOP_PARTIES: usize = 30;

/// One party's R/A tasks by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SideCounts {
    pub po: usize,
    pub pm: usize,
    pub shared: usize,
    pub unclassified: usize,
}

impl SideCounts {
    pub fn total(&self) -> usize {
        self.po + self.pm + self.shared + self.unclassified
    }

    /// Holds R or A on both PO-side and PM-side tasks.
    pub fn spans(&self) -> bool {
        self.po > 0 && self.pm > 0
    }

    fn add(&mut self, o: &SideCounts) {
        self.po += o.po;
        self.pm += o.pm;
        self.shared += o.shared;
        self.unclassified += o.unclassified;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlapParty {
    pub party: usize,
    pub name: String,
    pub counts: SideCounts,
    /// The code of the finding that says this party works both sides (O001), when the audit
    /// raised one.
    pub both_sides_finding: Option<&'static str>,
}

/// The numbers behind `overlap.png`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlapData {
    pub party_count: usize,
    /// Parties with R or A on both PO-side and PM-side tasks.
    pub spanning: usize,
    /// Drawn one bar each: spanning parties first, then by R/A tasks, most first; ties in
    /// party order.
    pub shown: Vec<OverlapParty>,
    /// The parties beyond [`TOP_PARTIES`], summed: how many, and their counts.
    pub others: Option<(usize, SideCounts)>,
}

pub fn overlap_data(o: &Outcome) -> OverlapData {
    let stats = party_stats(o);
    // Party -> the code of the first finding flagging it.
    let mut found: BTreeMap<usize, &'static str> = BTreeMap::new();
    for f in o.findings_flagging(PartyFlag::BothSides) {
        if let Some(p) = f.party {
            found.entry(p).or_insert(f.code);
        }
    }
    let mut parties: Vec<OverlapParty> = stats
        .iter()
        .enumerate()
        .map(|(p, s)| OverlapParty {
            party: p,
            name: party_name(o, p),
            counts: SideCounts {
                po: s.po_side_ra,
                pm: s.pm_side_ra,
                shared: s.shared_ra,
                unclassified: s.unclassified_ra,
            },
            both_sides_finding: found.get(&p).copied(),
        })
        .collect();
    parties.sort_by_key(|p| {
        (
            !(p.counts.spans() || p.both_sides_finding.is_some()),
            std::cmp::Reverse(p.counts.total()),
            p.party,
        )
    });
    let spanning = parties.iter().filter(|p| p.counts.spans()).count();
    let others = if parties.len() > TOP_PARTIES {
        let rest = parties.split_off(TOP_PARTIES);
        let mut sum = SideCounts::default();
        for p in &rest {
            sum.add(&p.counts);
        }
        Some((rest.len(), sum))
    } else {
        None
    };
    OverlapData {
        party_count: stats.len(),
        spanning,
        shown: parties,
        others,
    }
}

impl OverlapData {
    pub fn headline(&self) -> String {
        match self.spanning {
            0 => format!(
                "No party does both PO and PM work ({} checked)",
                plural(self.party_count, "party", "parties")
            ),
            1 => format!(
                "1 of {} does both PO and PM work",
                plural(self.party_count, "party", "parties")
            ),
            n => format!(
                "{n} of {} do both PO and PM work",
                plural(self.party_count, "party", "parties")
            ),
        }
    }

    pub fn chart(&self) -> BarChart {
        // `per` divides the counts: 1 for a party, the party count for the averaged last bar.
        let seg = |c: &SideCounts, per: f64| {
            [
                (c.po, Side::Po),
                (c.pm, Side::Pm),
                (c.shared, Side::Shared),
                (c.unclassified, Side::Unclassified),
            ]
            .into_iter()
            .map(|(v, side)| Segment {
                value: v as f64 / per,
                color: style::side_color(side),
                ink: style::side_ink(side),
            })
            .collect::<Vec<_>>()
        };
        let note = |c: &SideCounts| {
            if c.total() == 0 {
                "no R or A".to_string()
            } else {
                format!(
                    "PO {} · PM {} · shared {} · uncl. {}",
                    c.po, c.pm, c.shared, c.unclassified
                )
            }
        };
        let mut bars: Vec<Bar> = self
            .shown
            .iter()
            .map(|p| {
                let flagged = p.counts.spans() || p.both_sides_finding.is_some();
                Bar {
                    label: p.name.clone(),
                    bold: flagged,
                    segments: seg(&p.counts, 1.0),
                    tag: flagged.then(|| {
                        let code = p
                            .both_sides_finding
                            .map(|c| format!(" {c}"))
                            .unwrap_or_default();
                        (format!("◆ both sides{code}"), VERMILLION)
                    }),
                    note: note(&p.counts),
                }
            })
            .collect();
        if let Some((n, c)) = &self.others {
            bars.push(Bar {
                label: format!("{} more (average)", plural(*n, "party", "parties")),
                bold: false,
                segments: seg(c, *n as f64),
                tag: None,
                note: format!("in all: {}", note(c)),
            });
        }
        let mut legend: Vec<_> = Side::ALL
            .iter()
            .map(|&s| {
                (
                    style::side_color(s),
                    None,
                    format!("{} tasks", style::side_heading(s)),
                )
            })
            .collect();
        legend.push((
            style::tint(VERMILLION, 0.25),
            Some(("◆".to_string(), VERMILLION)),
            "holds R/A on both PO-side and PM-side tasks (bold)".to_string(),
        ));
        let footnote = match &self.others {
            Some((n, _)) => format!(
                "The {TOP_PARTIES} parties with the most R/A tasks are shown (parties working on both sides first); the last bar is the average of the other {} (its note gives their totals), so that it shares the scale. Every party is listed in the reports.",
                plural(*n, "party", "parties")
            ),
            None => String::new(),
        };
        BarChart {
            headline: self.headline(),
            subtitle:
                "Tasks each party is Responsible or Accountable for, by the side of the task."
                    .to_string(),
            legend,
            bars,
            lines: Vec::new(),
            axis: "tasks with R or A".to_string(),
            footnote,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::Fixture;

    #[test]
    fn spanning_parties_come_first() {
        let f = Fixture::small();
        let d = overlap_data(&f.outcome());
        assert_eq!(d.party_count, 4);
        assert_eq!(d.spanning, 1);
        assert_eq!(d.shown[0].name, "Tom (Product Manager)");
        assert_eq!(
            d.shown[0].counts,
            SideCounts {
                po: 1,
                pm: 1,
                shared: 0,
                unclassified: 0
            }
        );
        assert_eq!(d.shown[0].both_sides_finding, Some("O001"));
        // Then by R/A tasks: Maria 2, Dev team 1 (shared), QA 0.
        let rest: Vec<&str> = d.shown[1..].iter().map(|p| p.name.as_str()).collect();
        assert_eq!(rest, ["Maria (Product Owner)", "Dev team", "QA"]);
        assert_eq!(d.headline(), "1 of 4 parties does both PO and PM work");
        assert!(d.others.is_none());
    }

    #[test]
    fn many_parties_fold_into_others() {
        let f = Fixture::generated(300, 100);
        let d = overlap_data(&f.outcome());
        assert_eq!(d.shown.len(), TOP_PARTIES);
        let (n, sum) = d.others.clone().unwrap();
        assert_eq!(n, 70);
        // Nothing lost: shown plus others add up to every R/A cell by side.
        let shown: usize = d.shown.iter().map(|p| p.counts.total()).sum();
        let all: usize = f
            .matrix
            .tasks
            .iter()
            .map(|t| t.assignments.iter().filter(|a| a.letters.owns()).count())
            .sum();
        assert_eq!(shown + sum.total(), all);
        assert_eq!(d.chart().bars.len(), TOP_PARTIES + 1);
    }

    #[test]
    fn no_parties_no_panic() {
        let f = Fixture::empty();
        let d = overlap_data(&f.outcome());
        assert!(d.shown.is_empty());
        assert_eq!(
            d.headline(),
            "No party does both PO and PM work (0 parties checked)"
        );
    }
}
