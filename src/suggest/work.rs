//! The matrix's letters as the suggestions so far have left them, with each party's counts of
//! tasks held, so that every suggestion is worked out on the matrix the earlier ones made.

use crate::audit::{Thresholds, MIN_TASKS_FOR_SHARE_RULES};
use crate::model::{Letter, LetterSet, Matrix};

#[derive(Debug, Clone)]
pub(super) struct Work {
    /// Per task, `(party, letters)` in party order, one entry per party (a party with two
    /// cells on one row has their letters joined, as the audit counts them).
    tasks: Vec<Vec<(usize, LetterSet)>>,
    /// Per party: tasks on which it holds A, and tasks on which it holds R or A.
    a: Vec<usize>,
    owns: Vec<usize>,
    pub thresholds: Thresholds,
}

impl Work {
    pub fn new(m: &Matrix, thresholds: &Thresholds) -> Work {
        let n = m.parties.len();
        let mut a = vec![0; n];
        let mut owns = vec![0; n];
        let tasks = m
            .tasks
            .iter()
            .map(|t| {
                let mut row: Vec<(usize, LetterSet)> = Vec::with_capacity(t.assignments.len());
                for asg in t.assignments.iter().filter(|x| x.party < n) {
                    match row.iter_mut().find(|(p, _)| *p == asg.party) {
                        Some((_, l)) => *l = l.union(asg.letters),
                        None => row.push((asg.party, asg.letters)),
                    }
                }
                row.sort_unstable_by_key(|(p, _)| *p);
                for &(p, l) in &row {
                    a[p] += usize::from(l.contains(Letter::A));
                    owns[p] += usize::from(l.owns());
                }
                row
            })
            .collect();
        Work {
            tasks,
            a,
            owns,
            thresholds: thresholds.clone(),
        }
    }

    pub fn letters(&self, task: usize, party: usize) -> LetterSet {
        self.tasks[task]
            .iter()
            .find(|(p, _)| *p == party)
            .map_or(LetterSet::EMPTY, |(_, l)| *l)
    }

    pub fn set(&mut self, task: usize, party: usize, to: LetterSet) {
        let from = self.letters(task, party);
        let row = &mut self.tasks[task];
        match row.iter().position(|(p, _)| *p == party) {
            Some(i) if to.is_empty() => {
                row.remove(i);
            }
            Some(i) => row[i].1 = to,
            None if to.is_empty() => {}
            None => {
                let at = row.partition_point(|(p, _)| *p < party);
                row.insert(at, (party, to));
            }
        }
        let delta = |had: bool, has: bool, n: &mut usize| match (had, has) {
            (false, true) => *n += 1,
            (true, false) => *n -= 1,
            _ => {}
        };
        delta(
            from.contains(Letter::A),
            to.contains(Letter::A),
            &mut self.a[party],
        );
        delta(from.owns(), to.owns(), &mut self.owns[party]);
    }

    pub fn has_letters(&self, task: usize) -> bool {
        self.tasks[task].iter().any(|(_, l)| !l.is_empty())
    }

    pub fn holders(&self, task: usize, letter: Letter) -> Vec<usize> {
        self.tasks[task]
            .iter()
            .filter(|(_, l)| l.contains(letter))
            .map(|(p, _)| *p)
            .collect()
    }

    pub fn count(&self, task: usize, letter: Letter) -> usize {
        self.tasks[task]
            .iter()
            .filter(|(_, l)| l.contains(letter))
            .count()
    }

    /// Parties holding R or A on `task`, in party order.
    pub fn owners(&self, task: usize) -> Vec<usize> {
        self.tasks[task]
            .iter()
            .filter(|(_, l)| l.owns())
            .map(|(p, _)| *p)
            .collect()
    }

    pub fn a_count(&self, party: usize) -> usize {
        self.a[party]
    }

    pub fn owns_count(&self, party: usize) -> usize {
        self.owns[party]
    }

    /// Whether holding on `held` tasks breaks a share limit of `limit` percent, as P001 and
    /// P002 count it.
    pub fn over(&self, held: usize, limit: f64) -> bool {
        let total = self.tasks.len();
        total > 0 && held >= MIN_TASKS_FOR_SHARE_RULES && held as f64 * 100.0 / total as f64 > limit
    }

    /// Whether `party` gaining `gain` on `task` (or on a task it holds nothing on) would put it
    /// over `max-accountable-share` or `max-ra-share`.
    pub fn would_overload(&self, party: usize, task: Option<usize>, gain: LetterSet) -> bool {
        let now = task.map_or(LetterSet::EMPTY, |t| self.letters(t, party));
        let new_a = gain.contains(Letter::A) && !now.contains(Letter::A);
        let new_owns = gain.owns() && !now.owns();
        (new_a && self.over(self.a[party] + 1, self.thresholds.max_accountable_share))
            || (new_owns && self.over(self.owns[party] + 1, self.thresholds.max_ra_share))
    }
}
