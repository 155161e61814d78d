//! Per-party counts the party charts share: the audit's own [`PartyStats`] when it has them,
//! else the same counts computed from the matrix, so a chart never disagrees with the reports.

use crate::audit::PartyStats;
use crate::model::{Letter, Side};
use crate::outcome::Outcome;

/// One [`PartyStats`] per party, in party order.
pub fn party_stats(o: &Outcome) -> Vec<PartyStats> {
    if o.audit.parties.len() == o.matrix.parties.len() {
        return o.audit.parties.clone();
    }
    // The audit did not count parties (or counted another matrix): count them here with the
    // audit's definitions (`PartyStats` docs).
    let mut stats = vec![PartyStats::default(); o.matrix.parties.len()];
    for (t, task) in o.matrix.tasks.iter().enumerate() {
        for a in &task.assignments {
            let Some(s) = stats.get_mut(a.party) else {
                continue;
            };
            for letter in a.letters.iter() {
                match letter {
                    Letter::R => s.r += 1,
                    Letter::A => s.a += 1,
                    Letter::C => s.c += 1,
                    Letter::I => s.i += 1,
                    Letter::S => s.s += 1,
                    Letter::V => s.v += 1,
                }
            }
            if a.letters.owns() {
                match side_of(o, t) {
                    Side::Po => s.po_side_ra += 1,
                    Side::Pm => s.pm_side_ra += 1,
                    Side::Shared => s.shared_ra += 1,
                    Side::Unclassified => s.unclassified_ra += 1,
                }
            }
        }
    }
    stats
}

/// The side of a task, unclassified when the classification list is short (a chart must not
/// panic on an outcome assembled out of step).
pub fn side_of(o: &Outcome, task: usize) -> Side {
    o.classes
        .get(task)
        .map(|c| c.side)
        .unwrap_or(Side::Unclassified)
}

/// A party's display name: the header as written, or a placeholder naming its column when the
/// header is blank.
pub fn party_name(o: &Outcome, party: usize) -> String {
    match o.matrix.parties.get(party) {
        Some(p) if !p.name.trim().is_empty() => p.name.trim().to_string(),
        Some(p) => format!(
            "(blank header, column {})",
            crate::model::column_name(p.pos.col)
        ),
        None => format!("(party {})", party + 1),
    }
}

/// A task's display name, with a placeholder for a blank one.
pub fn task_name(o: &Outcome, task: usize) -> String {
    match o.matrix.tasks.get(task) {
        Some(t) if !t.name.trim().is_empty() => t.name.trim().to_string(),
        Some(t) => format!("(blank task name, row {})", t.pos.row + 1),
        None => format!("(task {})", task + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::Fixture;

    #[test]
    fn counts_parties_when_the_audit_did_not() {
        let f = Fixture::small();
        let stats = party_stats(&f.outcome());
        assert_eq!(stats.len(), 4);
        // Tom: A on Sprint planning (PO), R/A on Market research (PM).
        let tom = &stats[1];
        assert_eq!((tom.r, tom.a, tom.c, tom.i), (1, 2, 0, 0));
        assert_eq!((tom.po_side_ra, tom.pm_side_ra, tom.shared_ra), (1, 1, 0));
        // Dev team: C on a PO task does not count as owning it.
        assert_eq!((stats[2].po_side_ra, stats[2].shared_ra), (0, 1));
    }

    #[test]
    fn uses_the_audit_counts_when_present() {
        let mut f = Fixture::small();
        f.audit.parties = vec![PartyStats::default(); 4];
        f.audit.parties[3].i = 99;
        assert_eq!(party_stats(&f.outcome())[3].i, 99);
    }

    #[test]
    fn placeholder_names() {
        let mut f = Fixture::small();
        f.matrix.parties[0].name = "  ".into();
        f.matrix.tasks[0].name = String::new();
        let o = f.outcome();
        assert_eq!(party_name(&o, 0), "(blank header, column B)");
        assert_eq!(task_name(&o, 0), "(blank task name, row 2)");
        assert_eq!(side_of(&o, 99), Side::Unclassified);
    }
}
