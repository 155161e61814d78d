//! Who should take a letter on a task: the ladder of `docs/suggestions.md` (the side's titled
//! role, then whoever holds the letter on most other tasks of the same duty, then the party
//! already doing or owning the task, then whoever holds it on most other tasks of the same
//! group), each rung with the sentence that explains it, and the reasons nobody fits.

use super::work::Work;
use super::{join_and, owning_title, side_words, title_words};
use crate::classify::{Classification, Taxonomy};
use crate::model::{Letter, LetterSet, Matrix, Side, TitleSide};
use std::collections::{BTreeMap, HashMap};

/// The letter a task is looking for a party to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    Accountable,
    Responsible,
}

impl Wanted {
    fn letter(self) -> Letter {
        match self {
            Wanted::Accountable => Letter::A,
            Wanted::Responsible => Letter::R,
        }
    }

    /// The letter of the party already on the task who could take this one too.
    fn partner(self) -> Letter {
        match self {
            Wanted::Accountable => Letter::R,
            Wanted::Responsible => Letter::A,
        }
    }

    fn word(self) -> &'static str {
        self.letter().meaning()
    }
}

/// How many tasks of one kind (a side, a duty, a group) there are, and on how many each party
/// holds A and R, in the matrix as given.
#[derive(Debug, Clone, Default)]
struct Tally {
    tasks: usize,
    a: Vec<usize>,
    r: Vec<usize>,
}

impl Tally {
    fn add(&mut self, parties: usize, row: &[LetterSet]) {
        if self.a.is_empty() {
            self.a = vec![0; parties];
            self.r = vec![0; parties];
        }
        self.tasks += 1;
        for (p, l) in row.iter().enumerate() {
            self.a[p] += usize::from(l.contains(Letter::A));
            self.r[p] += usize::from(l.contains(Letter::R));
        }
    }

    fn of(&self, letter: Letter, party: usize) -> usize {
        let counts = if letter == Letter::A {
            &self.a
        } else {
            &self.r
        };
        counts.get(party).copied().unwrap_or(0)
    }
}

/// The facts every rung reads, gathered once from the matrix as given (the reasons quote the
/// matrix the team wrote, not one half-changed by earlier suggestions).
#[derive(Debug)]
pub(super) struct Picker<'a> {
    m: &'a Matrix,
    classes: &'a [Classification],
    /// Per party: holds a letter somewhere in the matrix.
    has_letters: Vec<bool>,
    /// Per task, each party's letters (joined when a party has two cells on a row).
    rows: Vec<Vec<LetterSet>>,
    /// Per task, the duties it counts toward for "the same duty" ([`duty_keys`]).
    keys: Vec<Vec<&'a str>>,
    sides: BTreeMap<Side, Tally>,
    duties: BTreeMap<&'a str, Tally>,
    groups: BTreeMap<&'a str, Tally>,
}

/// The duties a task counts toward for "the same duty", its duty first: the coverage duty each
/// of its duties restates, as the audit's coverage counts them (a task naming two duties
/// covers both), or the duty id itself when that is a skill or shared. `memo` keeps each
/// id's answer: the taxonomy is searched once per distinct id, not per task.
fn duty_keys<'a>(
    taxonomy: &'a Taxonomy,
    class: Option<&'a Classification>,
    memo: &mut HashMap<&'a str, &'a str>,
) -> Vec<&'a str> {
    let mut keys: Vec<&str> = Vec::with_capacity(2);
    for id in class.into_iter().flat_map(Classification::duties) {
        let key = *memo
            .entry(id)
            .or_insert_with(|| taxonomy.coverage_of(id).unwrap_or(id));
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// A candidate with its count on the other tasks of a kind.
type Ranked = Option<(usize, usize)>;

impl<'a> Picker<'a> {
    pub fn new(m: &'a Matrix, classes: &'a [Classification], taxonomy: &'a Taxonomy) -> Self {
        let n = m.parties.len();
        let mut has_letters = vec![false; n];
        let mut sides: BTreeMap<Side, Tally> = BTreeMap::new();
        let mut duties: BTreeMap<&str, Tally> = BTreeMap::new();
        let mut groups: BTreeMap<&str, Tally> = BTreeMap::new();
        let mut rows = Vec::with_capacity(m.tasks.len());
        let mut keys = Vec::with_capacity(m.tasks.len());
        let mut memo = HashMap::new();
        for (t, task) in m.tasks.iter().enumerate() {
            let mut row = vec![LetterSet::EMPTY; n];
            for a in task.assignments.iter().filter(|a| a.party < n) {
                row[a.party] = row[a.party].union(a.letters);
                has_letters[a.party] |= !a.letters.is_empty();
            }
            let class = classes.get(t);
            let side = class.map_or(Side::Unclassified, |c| c.side);
            sides.entry(side).or_default().add(n, &row);
            let task_keys = duty_keys(taxonomy, class, &mut memo);
            for &duty in &task_keys {
                duties.entry(duty).or_default().add(n, &row);
            }
            keys.push(task_keys);
            if let Some(group) = task.group.as_deref() {
                groups.entry(group).or_default().add(n, &row);
            }
            rows.push(row);
        }
        Picker {
            m,
            classes,
            has_letters,
            rows,
            keys,
            sides,
            duties,
            groups,
        }
    }

    pub fn has_letters(&self, party: usize) -> bool {
        self.has_letters.get(party).copied().unwrap_or(false)
    }

    fn side(&self, task: usize) -> Side {
        self.classes
            .get(task)
            .map_or(Side::Unclassified, |c| c.side)
    }

    /// The party's name without its title, for the second mention in a sentence.
    fn short(&self, party: usize) -> String {
        super::short_name(&self.m.parties[party])
    }

    /// Whether `party` is titled for the side opposite to `task`'s (a Product Manager on
    /// PO-side work): giving it the A is what M001 reports.
    fn other_side(&self, party: usize, task: usize) -> bool {
        let title = self.m.parties[party].title_side;
        match (title, owning_title(self.side(task))) {
            (Some(title), Some(own)) => title != own && title != TitleSide::Ambiguous,
            _ => false,
        }
    }

    /// Why `party` cannot take `gain` on `task`, or `None` when it can.
    fn unfit(
        &self,
        w: &Work,
        task: usize,
        party: usize,
        wanted: Wanted,
        gain: LetterSet,
        exclude: &[usize],
    ) -> Option<String> {
        if exclude.contains(&party) {
            return Some(format!("{} is the one it moves from", self.short(party)));
        }
        if !self.has_letters(party) {
            return Some(format!(
                "{} holds no letters anywhere in the matrix",
                self.short(party)
            ));
        }
        if self.other_side(party, task) {
            return Some(format!(
                "{} is titled for the other side",
                self.short(party)
            ));
        }
        if w.letters(task, party).contains(wanted.letter()) {
            return Some(format!(
                "{} already is {} on it",
                self.short(party),
                wanted.word()
            ));
        }
        if w.would_overload(party, Some(task), gain) {
            let (key, limit) = if gain.contains(Letter::A)
                && w.over(w.a_count(party) + 1, w.thresholds.max_accountable_share)
            {
                ("max-accountable-share", w.thresholds.max_accountable_share)
            } else {
                ("max-ra-share", w.thresholds.max_ra_share)
            };
            return Some(format!(
                "{} would then hold more than {key} = {} % of the tasks",
                self.short(party),
                super::number(limit)
            ));
        }
        None
    }

    /// The party with the highest count in `tally` on tasks other than `task` (at least one),
    /// among those fit to take the letter; the first in party order on a tie.
    fn most(
        &self,
        tally: &Tally,
        task: usize,
        letter: Letter,
        fit: &dyn Fn(usize) -> bool,
    ) -> Ranked {
        let mut best: Ranked = None;
        for p in 0..self.m.parties.len() {
            let here = usize::from(self.rows[task][p].contains(letter));
            let k = tally.of(letter, p) - here;
            if k == 0 || !fit(p) {
                continue;
            }
            if best.is_none_or(|(_, b)| k > b) {
                best = Some((p, k));
            }
        }
        best
    }

    /// The party that should take `gain` (holding `wanted`) on `task`, and why; or why nobody
    /// fits. `exclude` are parties that may not take it (the one it moves from).
    pub fn pick(
        &self,
        w: &Work,
        task: usize,
        wanted: Wanted,
        gain: LetterSet,
        exclude: &[usize],
    ) -> Result<(usize, String), String> {
        let letter = wanted.letter();
        let fit = |p: usize| self.unfit(w, task, p, wanted, gain, exclude).is_none();
        let side = self.side(task);
        let mut notes: Vec<String> = Vec::new();

        // 1. The role whose side the task is on.
        match owning_title(side) {
            None => notes.push(format!("{} work belongs to no title", side_words(side))),
            Some(title) => {
                let titled: Vec<usize> = (0..self.m.parties.len())
                    .filter(|&p| self.m.parties[p].title_side == Some(title))
                    .collect();
                let tally = &self.sides[&side];
                let best = titled
                    .iter()
                    .copied()
                    .filter(|&p| fit(p))
                    .map(|p| {
                        let here = usize::from(self.rows[task][p].contains(letter));
                        (p, tally.of(letter, p) - here)
                    })
                    .fold(None, |best: Ranked, (p, k)| match best {
                        Some((_, b)) if b >= k => best,
                        _ => Some((p, k)),
                    });
                if let Some((p, k)) = best {
                    let why = if k > 0 {
                        format!(
                            "{} is {} on {k} of the {} other {} tasks",
                            self.short(p),
                            wanted.word(),
                            tally.tasks - 1,
                            side_words(side)
                        )
                    } else {
                        format!(
                            "{} is the {} and this is {} work",
                            self.short(p),
                            title_words(title),
                            side_words(side)
                        )
                    };
                    return Ok((p, why));
                }
                match titled.first() {
                    None => {
                        notes.push(format!("no party carries the {} title", title_words(title)))
                    }
                    Some(&p) => {
                        if let Some(why) = self.unfit(w, task, p, wanted, gain, exclude) {
                            notes.push(why);
                        }
                    }
                }
            }
        }

        let duties = &self.keys[task];
        // The task's duty first, then its second duty when nobody fits on the first.
        let by_duty = || -> Option<(usize, String)> {
            let (d, p, k) = duties.iter().find_map(|&d| {
                let (p, k) = self.most(self.duties.get(d)?, task, letter, &fit)?;
                Some((d, p, k))
            })?;
            Some((
                p,
                format!(
                    "{} is {} on {k} of the {} other tasks of the same duty ({d})",
                    self.short(p),
                    wanted.word(),
                    self.duties[d].tasks - 1,
                ),
            ))
        };
        let by_partner = || -> Option<(usize, String)> {
            let p = w
                .holders(task, wanted.partner())
                .into_iter()
                .find(|&p| fit(p))?;
            Some((
                p,
                format!(
                    "{} is {} on it and would hold R/A",
                    self.short(p),
                    wanted.partner().meaning()
                ),
            ))
        };
        let group = self.m.tasks[task].group.as_deref();
        let by_group = || -> Option<(usize, String)> {
            let g = group?;
            let tally = self.groups.get(g)?;
            let (p, k) = self.most(tally, task, letter, &fit)?;
            Some((
                p,
                format!(
                    "{} is {} on {k} of the {} other tasks in \"{g}\"",
                    self.short(p),
                    wanted.word(),
                    tally.tasks - 1
                ),
            ))
        };
        // 2-4: for an Accountable the duty's Accountables come before the task's own doer; for
        // a Responsible the task's own Accountable comes first (the rule's own fix: R/A).
        let rungs: [&dyn Fn() -> Option<(usize, String)>; 3] = match wanted {
            Wanted::Accountable => [&by_duty, &by_partner, &by_group],
            Wanted::Responsible => [&by_partner, &by_duty, &by_group],
        };
        for rung in rungs {
            if let Some(found) = rung() {
                return Ok(found);
            }
        }
        let duty_group = match (!duties.is_empty(), group.is_some()) {
            (true, true) => "its duty or group",
            (true, false) => "its duty",
            (false, true) => "its group",
            (false, false) => "",
        };
        if !duty_group.is_empty() {
            notes.push(format!(
                "no other task of {duty_group} has {} who could take it",
                match wanted {
                    Wanted::Accountable => "an Accountable",
                    Wanted::Responsible => "a Responsible",
                }
            ));
        }
        notes.push(format!(
            "nobody {} on it could take it",
            wanted.partner().meaning()
        ));
        Err(format!("nobody fits: {}", join_and(&notes)))
    }

    /// Which of the Accountables `holders` of `task` keeps the A (R002), and why: the ladder
    /// again, read as a ranking of the holders (titled for the task's side, not titled for the
    /// other side, Accountable on most other tasks of the duty, also Responsible on the task,
    /// Accountable on most other tasks of the group, first in the matrix).
    pub fn keeper(&self, w: &Work, task: usize, holders: &[usize]) -> (usize, String) {
        let side = self.side(task);
        let own = owning_title(side);
        let duties = &self.keys[task];
        let group = self.m.tasks[task].group.as_deref();
        let other_a = |tally: Option<&Tally>, p: usize| {
            tally.map_or(0, |t| {
                t.of(Letter::A, p) - usize::from(self.rows[task][p].contains(Letter::A))
            })
        };
        let key = |p: usize| {
            (
                own.is_some() && self.m.parties[p].title_side == own,
                !self.other_side(p, task),
                // On a task of two duties, the better of the two counts.
                duties
                    .iter()
                    .map(|&d| other_a(self.duties.get(d), p))
                    .max()
                    .unwrap_or(0),
                w.letters(task, p).contains(Letter::R),
                other_a(group.and_then(|g| self.groups.get(g)), p),
            )
        };
        let mut ranked: Vec<usize> = holders.to_vec();
        // Best first; the sort is stable, so ties stay in party order.
        ranked.sort_by_key(|&p| std::cmp::Reverse(key(p)));
        let keep = ranked[0];
        let (k, r) = (key(keep), key(ranked[1]));
        let who = self.short(keep);
        let why = if k.0 != r.0 {
            format!(
                "{who} is the {} and this is {} work",
                own.map_or("", title_words),
                side_words(side)
            )
        } else if k.1 != r.1 {
            format!("{} is titled for the other side", self.short(ranked[1]))
        } else if k.2 != r.2 {
            // The duty that gave the count (the better of a task's two).
            let d = duties
                .iter()
                .copied()
                .find(|&d| other_a(self.duties.get(d), keep) == k.2)
                .unwrap_or_default();
            format!(
                "{who} is Accountable on {} of the {} other tasks of the same duty ({d})",
                k.2,
                self.duties.get(d).map_or(1, |t| t.tasks) - 1
            )
        } else if k.3 != r.3 {
            format!("{who} also does the work (R)")
        } else if k.4 != r.4 {
            let g = group.unwrap_or_default();
            format!(
                "{who} is Accountable on {} of the {} other tasks in \"{g}\"",
                k.4,
                self.groups.get(g).map_or(1, |t| t.tasks) - 1
            )
        } else {
            format!("nothing else tells them apart, so {who}, first in the matrix, keeps it")
        };
        (keep, why)
    }
}
