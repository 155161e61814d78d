//! What changed between two audits of a team's matrix (`raci diff OLD NEW`): tasks added,
//! removed and renamed, parties added and removed, letters changed cell by cell, tasks that
//! changed side, findings fixed, new and still there, and the health before and after.
//!
//! Pure: a function of the two finished audits, whatever format each was read from. Tasks are
//! matched by their folded name (case and runs of white space ignored) within their folded
//! group; then a task left over on each side with the same name is one that moved group (or
//! one of the files has no groups); then a task left over on each side in the same group with
//! the same non-empty letters is a rename. Parties are matched by folded name, then by the folded name without the title
//! (`Tom Reed - Product Manager` and `Tom Reed (Product Manager)` are one person).
//! Findings are matched by rule, task, party and duty.

pub mod report;

#[cfg(test)]
mod tests;

use crate::audit::{Finding, Severity};
use crate::model::{person_part, LetterSet, Matrix, Side};
use crate::outcome::Outcome;
use serde::Serialize;
use std::collections::BTreeMap;

/// A task found in both audits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TaskMatch {
    /// Index into the old matrix's tasks.
    pub old: usize,
    /// Index into the new matrix's tasks.
    pub new: usize,
    /// Matched by its letters, not its name.
    pub renamed: bool,
    /// Matched by name in another group (or where one file has no groups).
    pub moved: bool,
}

/// A party in the old audit, the new one, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartyMatch {
    pub old: Option<usize>,
    pub new: Option<usize>,
}

/// One party's letters on one matched task, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LetterChange {
    /// Index into [`Diff::tasks`].
    pub task: usize,
    /// Index into [`Diff::parties`].
    pub party: usize,
    pub before: LetterSet,
    pub after: LetterSet,
}

/// A matched task classified on another side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SideChange {
    /// Index into [`Diff::tasks`].
    pub task: usize,
    pub before: Side,
    pub after: Side,
}

/// Whether a finding went away, came up, or is there in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Fixed,
    New,
    Still,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fixed => "fixed",
            Status::New => "new",
            Status::Still => "still",
        }
    }
}

/// One finding of either audit and what became of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FindingChange {
    pub status: Status,
    /// Index into the old audit's findings (fixed and still).
    pub old: Option<usize>,
    /// Index into the new audit's findings (new and still).
    pub new: Option<usize>,
}

/// Everything that changed between two audits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Tasks in both, in the new matrix's order.
    pub tasks: Vec<TaskMatch>,
    /// New tasks (indices into the new matrix), in its order.
    pub added: Vec<usize>,
    /// Tasks gone (indices into the old matrix), in its order.
    pub removed: Vec<usize>,
    /// Every party: the new matrix's in its order, then those only in the old one.
    pub parties: Vec<PartyMatch>,
    /// Changed cells of matched tasks, by task then party.
    pub letters: Vec<LetterChange>,
    pub sides: Vec<SideChange>,
    /// The fixed findings (old order), then the new ones and those still there (new order).
    pub findings: Vec<FindingChange>,
    pub health_before: u32,
    pub health_after: u32,
}

impl Diff {
    pub fn count(&self, status: Status) -> usize {
        self.findings.iter().filter(|f| f.status == status).count()
    }

    pub fn renamed(&self) -> impl Iterator<Item = &TaskMatch> {
        self.tasks.iter().filter(|t| t.renamed)
    }

    pub fn moved(&self) -> impl Iterator<Item = &TaskMatch> {
        self.tasks.iter().filter(|t| t.moved)
    }

    pub fn parties_added(&self) -> impl Iterator<Item = usize> + '_ {
        self.parties
            .iter()
            .filter(|p| p.old.is_none())
            .filter_map(|p| p.new)
    }

    pub fn parties_removed(&self) -> impl Iterator<Item = usize> + '_ {
        self.parties
            .iter()
            .filter(|p| p.new.is_none())
            .filter_map(|p| p.old)
    }

    /// The worst severity among the new findings.
    pub fn worst_new(&self, new: &[Finding]) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| f.status == Status::New)
            .filter_map(|f| f.new.and_then(|i| new.get(i)))
            .map(|f| f.severity)
            .max()
    }

    /// `health 74 -> 88; 5 findings fixed, 1 new`.
    pub fn headline(&self) -> String {
        let fixed = self.count(Status::Fixed);
        let new = self.count(Status::New);
        format!(
            "health {} -> {}; {fixed} {} fixed, {new} new",
            self.health_before,
            self.health_after,
            if fixed == 1 { "finding" } else { "findings" }
        )
    }
}

/// Case and runs of white space folded away, as the audit compares names (D002, D003).
pub fn fold(text: &str) -> String {
    crate::layout::clean_cow(text).to_lowercase()
}

/// Compares two finished audits of the same team.
pub fn compare(old: &Outcome, new: &Outcome) -> Diff {
    let parties = match_parties(old.matrix, new.matrix);
    let (tasks, added, removed) = match_tasks(old.matrix, new.matrix, &parties);
    let mut letters = Vec::new();
    let mut sides = Vec::new();
    for (i, t) in tasks.iter().enumerate() {
        let (o, n) = (&old.matrix.tasks[t.old], &new.matrix.tasks[t.new]);
        for (p, pm) in parties.iter().enumerate() {
            let before = pm.old.map_or(LetterSet::EMPTY, |q| o.letters_of(q));
            let after = pm.new.map_or(LetterSet::EMPTY, |q| n.letters_of(q));
            if before != after {
                letters.push(LetterChange {
                    task: i,
                    party: p,
                    before,
                    after,
                });
            }
        }
        let (before, after) = (side_of(old, t.old), side_of(new, t.new));
        if before != after {
            sides.push(SideChange {
                task: i,
                before,
                after,
            });
        }
    }
    let findings = match_findings(old, new, &tasks, &parties);
    Diff {
        tasks,
        added,
        removed,
        parties,
        letters,
        sides,
        findings,
        health_before: old.audit.health,
        health_after: new.audit.health,
    }
}

fn side_of(o: &Outcome, task: usize) -> Side {
    o.classes.get(task).map_or(Side::Unclassified, |c| c.side)
}

/// Parties by folded name, then by folded name without the title; the rest are added or
/// removed. Each name matches at most once, first come first served.
fn match_parties(old: &Matrix, new: &Matrix) -> Vec<PartyMatch> {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.parties.len()];
    let mut taken = vec![false; old.parties.len()];
    let keys: [fn(&crate::model::Party) -> String; 2] = [
        |p| fold(&p.name),
        |p| fold(person_part(&p.name, p.title.as_deref())),
    ];
    for key in keys {
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in old.parties.iter().enumerate().filter(|(i, _)| !taken[*i]) {
            by_key.entry(key(p)).or_default().push(i);
        }
        for (j, p) in new.parties.iter().enumerate() {
            if old_of_new[j].is_some() {
                continue;
            }
            if let Some(list) = by_key.get_mut(&key(p)) {
                if !list.is_empty() {
                    let i = list.remove(0);
                    taken[i] = true;
                    old_of_new[j] = Some(i);
                }
            }
        }
    }
    let mut out: Vec<PartyMatch> = old_of_new
        .iter()
        .enumerate()
        .map(|(j, &o)| PartyMatch {
            old: o,
            new: Some(j),
        })
        .collect();
    out.extend(
        (0..old.parties.len())
            .filter(|&i| !taken[i])
            .map(|i| PartyMatch {
                old: Some(i),
                new: None,
            }),
    );
    out
}

/// A task's letters keyed by party match, for telling a rename from a new task.
fn signature(m: &Matrix, task: usize, party_id: &[Option<usize>]) -> Vec<(usize, LetterSet)> {
    let mut sig: Vec<(usize, LetterSet)> = m.tasks[task]
        .assignments
        .iter()
        .filter(|a| !a.letters.is_empty())
        .filter_map(|a| {
            party_id
                .get(a.party)
                .copied()
                .flatten()
                .map(|p| (p, a.letters))
        })
        .collect();
    sig.sort_unstable();
    sig
}

type TaskMatching = (Vec<TaskMatch>, Vec<usize>, Vec<usize>);

fn match_tasks(old: &Matrix, new: &Matrix, parties: &[PartyMatch]) -> TaskMatching {
    let key = |t: &crate::model::Task| (t.group.as_deref().map(fold), fold(&t.name));
    // The n-th old task of a (group, name) pairs with the n-th new one, so duplicates match
    // in order.
    let mut by_key: BTreeMap<(Option<String>, String), Vec<usize>> = BTreeMap::new();
    for (i, t) in old.tasks.iter().enumerate() {
        by_key.entry(key(t)).or_default().push(i);
    }
    // Per new task: the old task it matches, and how (renamed, moved).
    let mut old_of_new: Vec<Option<(usize, bool, bool)>> = vec![None; new.tasks.len()];
    let mut taken = vec![false; old.tasks.len()];
    for (j, t) in new.tasks.iter().enumerate() {
        if let Some(list) = by_key.get_mut(&key(t)) {
            if !list.is_empty() {
                let i = list.remove(0);
                taken[i] = true;
                old_of_new[j] = Some((i, false, false));
            }
        }
    }
    // Then by name alone among the tasks left: moved to another group, or groups written in
    // one file only (a transposed export has none).
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, t) in old.tasks.iter().enumerate().filter(|(i, _)| !taken[*i]) {
        by_name.entry(fold(&t.name)).or_default().push(i);
    }
    for (j, t) in new.tasks.iter().enumerate() {
        if old_of_new[j].is_some() {
            continue;
        }
        if let Some(list) = by_name.get_mut(&fold(&t.name)) {
            if !list.is_empty() {
                let i = list.remove(0);
                taken[i] = true;
                old_of_new[j] = Some((i, false, true));
            }
        }
    }
    // Renames: a leftover old task and a leftover new one in the same group with the same
    // letters, held by the same parties.
    let mut old_id = vec![None; old.parties.len()];
    let mut new_id = vec![None; new.parties.len()];
    for (id, p) in parties.iter().enumerate() {
        if let (Some(o), Some(n)) = (p.old, p.new) {
            old_id[o] = Some(id);
            new_id[n] = Some(id);
        }
    }
    // Leftover new tasks by group and letters, so a big matrix with many new tasks is not
    // searched once per leftover old task.
    type RenameKey = (Option<String>, Vec<(usize, LetterSet)>);
    let mut leftover: BTreeMap<RenameKey, Vec<usize>> = BTreeMap::new();
    for j in (0..new.tasks.len()).filter(|&j| old_of_new[j].is_none()) {
        let sig = signature(new, j, &new_id);
        if !sig.is_empty() {
            let group = new.tasks[j].group.as_deref().map(fold);
            leftover.entry((group, sig)).or_default().push(j);
        }
    }
    for (i, taken) in taken.iter_mut().enumerate() {
        if *taken {
            continue;
        }
        let sig = signature(old, i, &old_id);
        if sig.is_empty() {
            continue;
        }
        let group = old.tasks[i].group.as_deref().map(fold);
        let found = leftover
            .get_mut(&(group, sig))
            .filter(|l| !l.is_empty())
            .map(|l| l.remove(0));
        if let Some(j) = found {
            *taken = true;
            old_of_new[j] = Some((i, true, false));
        }
    }
    let tasks = old_of_new
        .iter()
        .enumerate()
        .filter_map(|(j, m)| {
            m.map(|(i, renamed, moved)| TaskMatch {
                old: i,
                new: j,
                renamed,
                moved,
            })
        })
        .collect();
    let added = (0..new.tasks.len())
        .filter(|&j| old_of_new[j].is_none())
        .collect();
    let removed = (0..old.tasks.len()).filter(|&i| !taken[i]).collect();
    (tasks, added, removed)
}

/// What a finding is about, in terms both audits share: its rule, its task and party matches
/// (or the task or party of its own side when it has no match), its duty.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
    Both(usize),
    OldOnly(usize),
    NewOnly(usize),
}

type FindingKey = (
    &'static str,
    Option<Subject>,
    Option<Subject>,
    Option<String>,
);

fn match_findings(
    old: &Outcome,
    new: &Outcome,
    tasks: &[TaskMatch],
    parties: &[PartyMatch],
) -> Vec<FindingChange> {
    let mut old_task = vec![None; old.matrix.tasks.len()];
    let mut new_task = vec![None; new.matrix.tasks.len()];
    for (id, t) in tasks.iter().enumerate() {
        old_task[t.old] = Some(id);
        new_task[t.new] = Some(id);
    }
    let mut old_party = vec![None; old.matrix.parties.len()];
    let mut new_party = vec![None; new.matrix.parties.len()];
    for (id, p) in parties.iter().enumerate() {
        if let Some(o) = p.old {
            old_party[o] = Some(id);
        }
        if let Some(n) = p.new {
            new_party[n] = Some(id);
        }
    }
    let subject = |ids: &[Option<usize>], index: Option<usize>, own: fn(usize) -> Subject| {
        index.map(|i| match ids.get(i).copied().flatten() {
            Some(id) => Subject::Both(id),
            None => own(i),
        })
    };
    let old_key = |f: &Finding| -> FindingKey {
        (
            f.code,
            subject(&old_task, f.task, Subject::OldOnly),
            subject(&old_party, f.party, Subject::OldOnly),
            f.duty.clone(),
        )
    };
    let new_key = |f: &Finding| -> FindingKey {
        (
            f.code,
            subject(&new_task, f.task, Subject::NewOnly),
            subject(&new_party, f.party, Subject::NewOnly),
            f.duty.clone(),
        )
    };
    let mut pending: BTreeMap<FindingKey, Vec<usize>> = BTreeMap::new();
    for (i, f) in old.audit.findings.iter().enumerate() {
        pending.entry(old_key(f)).or_default().push(i);
    }
    let mut later = Vec::new();
    let mut seen_old = vec![false; old.audit.findings.len()];
    for (j, f) in new.audit.findings.iter().enumerate() {
        let matched = pending
            .get_mut(&new_key(f))
            .filter(|l| !l.is_empty())
            .map(|l| l.remove(0));
        if let Some(i) = matched {
            seen_old[i] = true;
        }
        later.push(FindingChange {
            status: if matched.is_some() {
                Status::Still
            } else {
                Status::New
            },
            old: matched,
            new: Some(j),
        });
    }
    let mut out: Vec<FindingChange> = (0..old.audit.findings.len())
        .filter(|&i| !seen_old[i])
        .map(|i| FindingChange {
            status: Status::Fixed,
            old: Some(i),
            new: None,
        })
        .collect();
    out.extend(later);
    out
}
