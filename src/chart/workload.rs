//! `workload.png`: every party's letters stacked (A first, then R, C, I), heaviest first, with
//! the P001 (Accountable share) and P002 (R+A share) overload limits drawn as lines.

use super::bars::{format_count, Bar, BarChart, Line, Segment};
use super::canvas::plural;
use super::stats::{party_name, party_stats};
use super::style::{self, VERMILLION};
use crate::audit::{PartyFlag, Thresholds};
use crate::model::Letter;
use crate::outcome::Outcome;
use std::collections::BTreeSet;

/// Parties drawn one bar each; the rest share one bar.
pub const TOP_PARTIES: usize = 30;

/// Stack order: A starts at zero so its length reads against the A limit, and A+R ends where
/// it reads against the R+A limit.
pub const STACK: [Letter; 6] = Letter::OWNING_FIRST;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Load {
    /// Counts in [`STACK`] order.
    pub letters: [usize; 6],
}

impl Load {
    pub fn get(&self, l: Letter) -> usize {
        STACK
            .iter()
            .position(|&s| s == l)
            .map_or(0, |i| self.letters[i])
    }

    pub fn total(&self) -> usize {
        self.letters.iter().sum()
    }

    pub fn ra(&self) -> usize {
        self.get(Letter::R) + self.get(Letter::A)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct WorkloadParty {
    pub party: usize,
    pub name: String,
    pub load: Load,
    /// Over the Accountable limit (by the numbers or by a P001 finding).
    pub over_a: bool,
    /// Over the R+A limit (by the numbers or by a P002 finding).
    pub over_ra: bool,
}

/// The numbers behind `workload.png`.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkloadData {
    pub task_count: usize,
    pub party_count: usize,
    /// `max_accountable_share` % of the task count.
    pub a_limit: f64,
    /// `max_ra_share` % of the task count.
    pub ra_limit: f64,
    pub a_share: f64,
    pub ra_share: f64,
    /// Heaviest first (all letters counted), ties in party order.
    pub shown: Vec<WorkloadParty>,
    pub others: Option<(usize, Load)>,
    /// Parties over either limit, heaviest first (all of them, shown or not).
    pub overloaded: Vec<String>,
    /// Letters that occur at all (S and V only when used), in [`STACK`] order.
    pub letters: Vec<Letter>,
}

pub fn workload_data(o: &Outcome, t: &Thresholds) -> WorkloadData {
    let stats = party_stats(o);
    let tasks = o.matrix.tasks.len();
    let a_limit = t.max_accountable_share / 100.0 * tasks as f64;
    let ra_limit = t.max_ra_share / 100.0 * tasks as f64;
    let flagged =
        |flag| -> BTreeSet<usize> { o.findings_flagging(flag).filter_map(|f| f.party).collect() };
    let over_a_found = flagged(PartyFlag::AccountableOverLimit);
    let over_ra_found = flagged(PartyFlag::WorkloadOverLimit);
    let mut parties: Vec<WorkloadParty> = stats
        .iter()
        .enumerate()
        .map(|(p, s)| {
            let load = Load {
                letters: [s.a, s.r, s.c, s.i, s.s, s.v],
            };
            WorkloadParty {
                party: p,
                name: party_name(o, p),
                over_a: over_a_found.contains(&p)
                    || (tasks > 0 && load.get(Letter::A) as f64 > a_limit),
                over_ra: over_ra_found.contains(&p) || (tasks > 0 && load.ra() as f64 > ra_limit),
                load,
            }
        })
        .collect();
    parties.sort_by_key(|p| (std::cmp::Reverse(p.load.total()), p.party));
    let overloaded = parties
        .iter()
        .filter(|p| p.over_a || p.over_ra)
        .map(|p| p.name.clone())
        .collect();
    let mut sum = Load::default();
    for p in &parties {
        for (k, v) in p.load.letters.iter().enumerate() {
            sum.letters[k] += v;
        }
    }
    let letters = STACK
        .iter()
        .enumerate()
        .filter(|(k, l)| Letter::RACI.contains(l) || sum.letters[*k] > 0)
        .map(|(_, &l)| l)
        .collect();
    let others = if parties.len() > TOP_PARTIES {
        let rest = parties.split_off(TOP_PARTIES);
        let mut sum = Load::default();
        for p in &rest {
            for (k, v) in p.load.letters.iter().enumerate() {
                sum.letters[k] += v;
            }
        }
        Some((rest.len(), sum))
    } else {
        None
    };
    WorkloadData {
        task_count: tasks,
        party_count: stats.len(),
        a_limit,
        ra_limit,
        a_share: t.max_accountable_share,
        ra_share: t.max_ra_share,
        shown: parties,
        others,
        overloaded,
        letters,
    }
}

impl WorkloadData {
    pub fn headline(&self) -> String {
        match self.overloaded.len() {
            0 => format!(
                "No party is over the load limits ({} checked)",
                plural(self.party_count, "party", "parties")
            ),
            n => {
                let mut names: Vec<String> = self.overloaded.iter().take(3).cloned().collect();
                if n > 3 {
                    names.push(format!("{} more", n - 3));
                }
                format!(
                    "{n} of {} {} overloaded: {}",
                    plural(self.party_count, "party", "parties"),
                    if n == 1 { "is" } else { "are" },
                    names.join(", ")
                )
            }
        }
    }

    pub fn chart(&self) -> BarChart {
        // `per` divides the counts: 1 for a party, the party count for the averaged last bar.
        let segments = |load: &Load, per: f64| {
            STACK
                .iter()
                .filter(|l| self.letters.contains(l))
                .map(|&l| Segment {
                    value: load.get(l) as f64 / per,
                    color: style::letter_color(l),
                    ink: style::letter_ink(l),
                })
                .collect::<Vec<_>>()
        };
        let note = |load: &Load| {
            let parts: Vec<String> = self
                .letters
                .iter()
                .map(|&l| format!("{} {}", l.as_char(), load.get(l)))
                .collect();
            parts.join(" · ")
        };
        let mut bars: Vec<Bar> = self
            .shown
            .iter()
            .map(|p| {
                let tag = match (p.over_a, p.over_ra) {
                    (true, true) => Some("▲ A & R+A over limit"),
                    (true, false) => Some("▲ A over limit"),
                    (false, true) => Some("▲ R+A over limit"),
                    (false, false) => None,
                };
                Bar {
                    label: p.name.clone(),
                    bold: tag.is_some(),
                    segments: segments(&p.load, 1.0),
                    tag: tag.map(|t| (t.to_string(), VERMILLION)),
                    note: note(&p.load),
                }
            })
            .collect();
        if let Some((n, load)) = &self.others {
            bars.push(Bar {
                label: format!("{} more (average)", plural(*n, "party", "parties")),
                bold: false,
                segments: segments(load, *n as f64),
                tag: None,
                note: format!("in all: {}", note(load)),
            });
        }
        let legend = self
            .letters
            .iter()
            .map(|&l| {
                (
                    style::letter_color(l),
                    Some((l.as_char().to_string(), style::letter_ink(l))),
                    l.meaning().to_string(),
                )
            })
            .collect();
        let lines = if self.task_count == 0 {
            Vec::new()
        } else {
            vec![
                Line {
                    value: self.a_limit,
                    label: format!(
                        "P001 limit: A on {}% of {} = {}",
                        format_count(self.a_share),
                        plural(self.task_count, "task", "tasks"),
                        format_count(self.a_limit)
                    ),
                    color: VERMILLION,
                },
                Line {
                    value: self.ra_limit,
                    label: format!(
                        "P002 limit: R+A on {}% of {} = {}",
                        format_count(self.ra_share),
                        plural(self.task_count, "task", "tasks"),
                        format_count(self.ra_limit)
                    ),
                    color: style::INK,
                },
            ]
        };
        let mut footnote = "A bar is over the P001 line when its A part passes it, over the P002 line when its A and R parts together pass it.".to_string();
        if let Some((n, _)) = &self.others {
            footnote.push_str(&format!(
                " The {TOP_PARTIES} busiest parties are shown; the last bar is the average of the other {} (its note gives their totals).",
                plural(*n, "party", "parties")
            ));
        }
        BarChart {
            headline: self.headline(),
            subtitle: "Letters each party holds, heaviest first (a cell with R/A counts once for R and once for A)."
                .to_string(),
            legend,
            bars,
            lines,
            axis: "letters held (tasks)".to_string(),
            footnote,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{Finding, Severity};
    use crate::chart::testing::Fixture;

    #[test]
    fn heaviest_first_with_limits() {
        let f = Fixture::small();
        let d = workload_data(&f.outcome(), &Thresholds::default());
        assert_eq!(d.task_count, 5);
        assert_eq!(d.a_limit, 2.5);
        assert_eq!(d.ra_limit, 3.0);
        let order: Vec<(&str, usize)> = d
            .shown
            .iter()
            .map(|p| (p.name.as_str(), p.load.total()))
            .collect();
        // Maria R,A,R,A = 4; Tom A,R,A = 3; Dev team C,R = 2; QA I,I = 2 (party order on ties).
        assert_eq!(
            order,
            [
                ("Maria (Product Owner)", 4),
                ("Tom (Product Manager)", 3),
                ("Dev team", 2),
                ("QA", 2)
            ]
        );
        // Maria: A 2 (not over 2.5), R+A 4 (over 3).
        assert!(!d.shown[0].over_a);
        assert!(d.shown[0].over_ra);
        assert_eq!(d.overloaded, ["Maria (Product Owner)"]);
        assert_eq!(
            d.headline(),
            "1 of 4 parties is overloaded: Maria (Product Owner)"
        );
        assert_eq!(d.letters, [Letter::A, Letter::R, Letter::C, Letter::I]);
    }

    #[test]
    fn findings_mark_overload_too() {
        let mut f = Fixture::small();
        let mut p001 = Finding {
            code: "P001",
            name: "too-accountable",
            rule: crate::audit::find_rule("P001").unwrap(),
            severity: Severity::Warning,
            task: None,
            party: Some(3),
            duty: None,
            pos: None,
            message: String::new(),
            related_tasks: Vec::new(),
        };
        p001.party = Some(3);
        f.audit.findings.push(p001);
        let d = workload_data(&f.outcome(), &Thresholds::default());
        let qa = d.shown.iter().find(|p| p.name == "QA").unwrap();
        assert!(qa.over_a);
    }

    #[test]
    fn many_parties_fold_and_no_tasks_draw_no_lines() {
        let f = Fixture::generated(300, 100);
        let d = workload_data(&f.outcome(), &Thresholds::default());
        assert_eq!(d.shown.len(), TOP_PARTIES);
        let (n, load) = d.others.clone().unwrap();
        assert_eq!(n, 70);
        let shown: usize = d.shown.iter().map(|p| p.load.total()).sum();
        let cells: usize = f
            .matrix
            .tasks
            .iter()
            .flat_map(|t| &t.assignments)
            .map(|a| a.letters.len())
            .sum();
        assert_eq!(shown + load.total(), cells);

        let e = Fixture::empty();
        let d = workload_data(&e.outcome(), &Thresholds::default());
        assert!(d.chart().lines.is_empty());
        assert!(d.overloaded.is_empty());
    }
}
