//! Suggested fixes: for each finding a change of letters can fix, the change and why, worked
//! out by the rules written down in `docs/suggestions.md`. Pure: a function of the matrix, its
//! classification, the taxonomy, the findings and the thresholds.
//!
//! The findings are taken in a fixed order of rules ([`ORDER`]), and each suggestion is
//! worked out on the matrix as the suggestions before it left it. So a later finding already
//! settled by an earlier change (the M001 of a task whose two Accountables R002 resolved)
//! says so instead of changing the cell a second time, and [`apply`]ing every suggestion in
//! order gives exactly the matrix they describe.

mod pick;
mod work;

#[cfg(test)]
mod tests;

use crate::audit::{Finding, Thresholds};
use crate::classify::{Classification, Taxonomy};
use crate::model::{
    party_label, short_name, Assignment, Letter, LetterSet, Matrix, Pos, Shape, Side, TitleSide,
};
use pick::{Picker, Wanted};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use work::Work;

/// The rules whose findings a change of letters can fix, in the order they are worked on:
/// tasks nobody holds and tasks without or with several Accountables first (the errors), then
/// the Accountable on the wrong side and the shared ownership (which a fix of R002 often
/// settles), the missing Responsible, the side without its owner, and last the overloads,
/// which move Accountables and Responsibles between parties once every task has its owners.
pub const ORDER: [&str; 9] = [
    "R007", "R001", "R002", "M001", "O002", "R003", "G002", "P001", "P002",
];

/// One cell to change: whose letters on which task, from what to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellChange {
    /// Index into `Matrix::tasks`.
    pub task: usize,
    /// Index into `Matrix::parties`.
    pub party: usize,
    /// The cell, when the layout has one for this task and party (a wide or transposed
    /// matrix always does; a long or inverted file only where the party already holds letters
    /// on the task).
    pub pos: Option<Pos>,
    pub from: LetterSet,
    pub to: LetterSet,
}

impl CellChange {
    /// `add A`, `drop A`, `drop C, add R/A`.
    pub fn describe(&self) -> String {
        let added = letters_in(self.to, self.from);
        let dropped = letters_in(self.from, self.to);
        let mut parts = Vec::new();
        if !dropped.is_empty() {
            parts.push(format!("drop {dropped}"));
        }
        if !added.is_empty() {
            parts.push(format!("add {added}"));
        }
        parts.join(", ")
    }
}

/// The letters of `a` that are not in `b`.
fn letters_in(a: LetterSet, b: LetterSet) -> LetterSet {
    a.iter()
        .filter(|&l| !b.contains(l))
        .fold(LetterSet::EMPTY, LetterSet::with)
}

/// A suggested fix for one finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Index into the audit's findings.
    pub finding: usize,
    /// The finding's rule code.
    pub code: &'static str,
    /// The task the suggestion is about (for an overload, the task whose letter moves).
    pub task: Option<usize>,
    /// The party the finding is about, for findings about a party (P001, P002).
    pub party: Option<usize>,
    /// The cells to change, in order; empty when nobody fits or an earlier suggestion already
    /// settles the finding (the reason says which).
    pub changes: Vec<CellChange>,
    /// One sentence: the task and its problem, the change, and why this party.
    pub reason: String,
}

impl Suggestion {
    /// Whether the suggestion changes letters (rather than saying why it cannot).
    pub fn fixes(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// The suggested fixes for `findings` (an audit of `matrix` classified as `classes`), in the
/// order they are worked out and should be applied ([`ORDER`], then the findings' order).
///
/// Every finding of a rule in [`ORDER`] gets at least one suggestion; an overload may get one
/// per letter that moves. Findings of other rules get none.
pub fn suggest(
    matrix: &Matrix,
    classes: &[Classification],
    taxonomy: &Taxonomy,
    findings: &[Finding],
    thresholds: &Thresholds,
) -> Vec<Suggestion> {
    let mut s = Suggester {
        m: matrix,
        classes,
        work: Work::new(matrix, thresholds),
        picker: Picker::new(matrix, classes, taxonomy),
        out: Vec::new(),
        touched_by: vec![None; matrix.tasks.len()],
    };
    for code in ORDER {
        for (i, f) in findings.iter().enumerate().filter(|(_, f)| f.code == code) {
            s.one(i, f);
        }
    }
    s.out
}

/// The matrix with every change of `suggestions` made, in order: what the matrix would be if
/// the team took every suggestion. Cells keep their positions; a party gaining letters where
/// it had none gets the cell the change names, or the task's name cell when the layout has no
/// cell for it.
pub fn apply(matrix: &Matrix, suggestions: &[Suggestion]) -> Matrix {
    let mut out = matrix.clone();
    for (t, assignments) in changed_letters(matrix, suggestions) {
        out.tasks[t].assignments = assignments;
    }
    out
}

/// The letters of each task that `suggestions` change ([`apply`]), by task index: only those
/// tasks, so the Proposed sheet of `report.xlsx` reads the rest from the audited matrix
/// instead of a whole copy of it (names, groups, cells: 24 MB on 50,000 tasks).
pub fn changed_letters(
    matrix: &Matrix,
    suggestions: &[Suggestion],
) -> BTreeMap<usize, Vec<Assignment>> {
    let mut out: BTreeMap<usize, Vec<Assignment>> = BTreeMap::new();
    for c in suggestions.iter().flat_map(|s| &s.changes) {
        let Some(original) = matrix.tasks.get(c.task) else {
            continue;
        };
        let assignments = out
            .entry(c.task)
            .or_insert_with(|| original.assignments.clone());
        match assignments.iter().position(|a| a.party == c.party) {
            Some(i) if c.to.is_empty() => {
                assignments.remove(i);
            }
            Some(i) => assignments[i].letters = c.to,
            None if c.to.is_empty() => {}
            None => {
                let at = assignments
                    .iter()
                    .position(|a| a.party > c.party)
                    .unwrap_or(assignments.len());
                let pos = c.pos.unwrap_or(original.pos);
                assignments.insert(
                    at,
                    Assignment {
                        party: c.party,
                        letters: c.to,
                        pos,
                    },
                );
            }
        }
    }
    out
}

/// The cell of `party`'s letters on `task`: where they stand now, or where the layout would
/// put them (the task's row and the party's column in a wide matrix, the other way round in a
/// transposed one). Long and inverted files have no cell for letters not yet written.
pub fn cell_of(m: &Matrix, task: usize, party: usize) -> Option<Pos> {
    let t = m.tasks.get(task)?;
    if let Some(a) = t.assignments.iter().find(|a| a.party == party) {
        return Some(a.pos);
    }
    let p = m.parties.get(party)?;
    match m.shape {
        Shape::Wide => Some(Pos::new(t.pos.row, p.pos.col)),
        Shape::Transposed => Some(Pos::new(p.pos.row, t.pos.col)),
        Shape::Long | Shape::Inverted => None,
    }
}

/// `PO-side`, `PM-side`, `shared`, `unclassified`: how a reason names a task's side.
fn side_words(side: Side) -> &'static str {
    match side {
        Side::Po => "PO-side",
        Side::Pm => "PM-side",
        Side::Shared => "shared",
        Side::Unclassified => "unclassified",
    }
}

/// The title that owns a side's work, for PO-side and PM-side tasks.
fn owning_title(side: Side) -> Option<TitleSide> {
    match side {
        Side::Po => Some(TitleSide::Po),
        Side::Pm => Some(TitleSide::Pm),
        Side::Shared | Side::Unclassified => None,
    }
}

fn title_words(title: TitleSide) -> &'static str {
    match title {
        TitleSide::Po => "Product Owner",
        TitleSide::Pm => "Product Manager",
        TitleSide::Ambiguous => "PM",
    }
}

/// The letters a party keeps when it loses `lose`: what is left, or C (still consulted) when
/// nothing is, so no cell is emptied and no task ever loses its last letter.
fn without(letters: LetterSet, lose: LetterSet) -> LetterSet {
    let left = letters_in(letters, lose);
    if left.is_empty() {
        LetterSet::of(&[Letter::C])
    } else {
        left
    }
}

/// The letters a party holds once it gains `gain`: owning a task replaces being consulted or
/// informed about it.
fn with(letters: LetterSet, gain: LetterSet) -> LetterSet {
    letters_in(letters, LetterSet::of(&[Letter::C, Letter::I])).union(gain)
}

const NONE: LetterSet = LetterSet::EMPTY;

fn set_a() -> LetterSet {
    NONE.with(Letter::A)
}

fn set_r() -> LetterSet {
    NONE.with(Letter::R)
}

struct Suggester<'a> {
    m: &'a Matrix,
    classes: &'a [Classification],
    work: Work,
    picker: Picker<'a>,
    out: Vec<Suggestion>,
    /// The code of the last suggestion that changed each task.
    touched_by: Vec<Option<&'static str>>,
}

impl<'a> Suggester<'a> {
    fn side(&self, task: usize) -> Side {
        self.classes
            .get(task)
            .map_or(Side::Unclassified, |c| c.side)
    }

    fn label(&self, party: usize) -> String {
        self.m
            .parties
            .get(party)
            .map_or_else(String::new, party_label)
    }

    fn short(&self, party: usize) -> String {
        short_name(&self.m.parties[party])
    }

    fn labels(&self, parties: &[usize]) -> String {
        let names: Vec<String> = parties.iter().map(|&p| self.label(p)).collect();
        join_and(&names)
    }

    fn task_name(&self, task: usize) -> &'a str {
        &self.m.tasks[task].name
    }

    /// `Competitive analysis (PM-side, no Accountable)`.
    fn head(&self, task: usize, problem: &str) -> String {
        format!(
            "{} ({}, {problem})",
            self.task_name(task),
            side_words(self.side(task))
        )
    }

    /// A change of `party`'s letters on `task` to `to`, made in the working matrix.
    fn change(
        &mut self,
        task: usize,
        party: usize,
        to: LetterSet,
        code: &'static str,
    ) -> CellChange {
        let from = self.work.letters(task, party);
        self.work.set(task, party, to);
        self.touched_by[task] = Some(code);
        CellChange {
            task,
            party,
            pos: cell_of(self.m, task, party),
            from,
            to,
        }
    }

    fn push(
        &mut self,
        finding: usize,
        f: &Finding,
        task: Option<usize>,
        changes: Vec<CellChange>,
        reason: String,
    ) {
        self.out.push(Suggestion {
            finding,
            code: f.code,
            task,
            party: if f.task.is_none() { f.party } else { None },
            changes,
            reason,
        });
    }

    /// A finding an earlier suggestion already settles.
    fn settled(&mut self, i: usize, f: &Finding, task: Option<usize>, what: String) {
        let by = task
            .and_then(|t| self.touched_by.get(t).copied().flatten())
            .map(|code| format!("the change suggested for {code} above"))
            .unwrap_or_else(|| "the changes suggested above".to_string());
        self.push(
            i,
            f,
            task,
            Vec::new(),
            format!("{what}: already fixed by {by}."),
        );
    }

    fn one(&mut self, i: usize, f: &Finding) {
        let task = f.task.filter(|&t| t < self.m.tasks.len());
        match (f.code, task) {
            ("R007", Some(t)) => self.unassigned(i, f, t),
            ("R001", Some(t)) => self.no_accountable(i, f, t),
            ("R002", Some(t)) => self.many_accountables(i, f, t),
            ("M001", Some(t)) => self.wrong_side_accountable(i, f, t),
            ("O002", Some(t)) => self.shared_ownership(i, f, t),
            ("R003", Some(t)) => self.no_responsible(i, f, t),
            ("G002", _) => self.side_without_owner(i, f),
            ("P001", _) => self.overload(i, f, false),
            ("P002", _) => self.overload(i, f, true),
            _ => {}
        }
    }

    /// R007: a task nobody holds gets one party as Responsible and Accountable.
    fn unassigned(&mut self, i: usize, f: &Finding, t: usize) {
        let head = self.head(t, "nobody assigned");
        if self.work.has_letters(t) {
            return self.settled(i, f, Some(t), head);
        }
        let ra = set_r().with(Letter::A);
        match self
            .picker
            .pick(&self.work, t, Wanted::Accountable, ra, &[])
        {
            Ok((p, why)) => {
                let to = with(self.work.letters(t, p), ra);
                let c = self.change(t, p, to, f.code);
                let reason = format!(
                    "{head}: make {} Responsible and Accountable (R/A); {why}.",
                    self.label(p)
                );
                self.push(i, f, Some(t), vec![c], reason);
            }
            Err(nobody) => self.push(i, f, Some(t), Vec::new(), format!("{head}: {nobody}.")),
        }
    }

    /// R001: the best-fitting party becomes Accountable.
    fn no_accountable(&mut self, i: usize, f: &Finding, t: usize) {
        self.give_missing(i, f, t, Letter::A, Wanted::Accountable, "Accountable");
    }

    /// R001 and R003: the best-fitting party gets the `letter` the task lacks (`word` names
    /// it in the reason), unless an earlier change already gave it.
    fn give_missing(
        &mut self,
        i: usize,
        f: &Finding,
        t: usize,
        letter: Letter,
        wanted: Wanted,
        word: &str,
    ) {
        let head = self.head(t, &format!("no {word}"));
        if !self.work.has_letters(t) || self.work.count(t, letter) > 0 {
            return self.settled(i, f, Some(t), head);
        }
        let set = NONE.with(letter);
        match self.picker.pick(&self.work, t, wanted, set, &[]) {
            Ok((p, why)) => {
                let to = with(self.work.letters(t, p), set);
                let c = self.change(t, p, to, f.code);
                let reason = format!("{head}: make {} {word}; {why}.", self.label(p));
                self.push(i, f, Some(t), vec![c], reason);
            }
            Err(nobody) => self.push(i, f, Some(t), Vec::new(), format!("{head}: {nobody}.")),
        }
    }

    /// R002: one Accountable keeps the A, chosen by the same ladder; the others lose it.
    fn many_accountables(&mut self, i: usize, f: &Finding, t: usize) {
        let holders = self.work.holders(t, Letter::A);
        let head = self.head(t, &format!("{} Accountables", holders.len().max(2)));
        if holders.len() < 2 {
            return self.settled(i, f, Some(t), head);
        }
        let (keep, why) = self.picker.keeper(&self.work, t, &holders);
        let mut changes = Vec::new();
        let mut moved = Vec::new();
        for &p in holders.iter().filter(|&&p| p != keep) {
            let to = without(self.work.letters(t, p), set_a());
            let c = self.change(t, p, to, f.code);
            moved.push(format!("{} from {} to {}", self.label(p), c.from, c.to));
            changes.push(c);
        }
        let reason = format!(
            "{head}: keep the A with {} and change {}; {why}.",
            self.label(keep),
            moved.join(" and ")
        );
        self.push(i, f, Some(t), changes, reason);
    }

    /// M001: the A moves from the other side's role to the party that fits the task.
    fn wrong_side_accountable(&mut self, i: usize, f: &Finding, t: usize) {
        let Some(q) = f.party.filter(|&p| p < self.m.parties.len()) else {
            return;
        };
        let side = self.side(t);
        let head = self.head(
            t,
            &format!(
                "a {} Accountable",
                self.m.parties[q].title_side.map_or("party", title_words)
            ),
        );
        let mismatched = owning_title(side).is_some_and(|own| {
            let title = self.m.parties[q].title_side;
            title.is_some() && title != Some(own) && title != Some(TitleSide::Ambiguous)
        });
        if !mismatched || !self.work.letters(t, q).contains(Letter::A) {
            return self.settled(i, f, Some(t), head);
        }
        let others_a = self.work.count(t, Letter::A) - 1;
        // The party leaving also leaves its R, which would otherwise keep the two roles
        // owning one task (O002); the R goes with the A when nobody else holds one.
        let holds_r = self.work.letters(t, q).contains(Letter::R);
        let others_r = self.work.count(t, Letter::R) - usize::from(holds_r);
        let lose = set_a().union(if holds_r { set_r() } else { NONE });
        if others_a > 0 {
            // R002 left another Accountable: dropping this A (and the R, if another party
            // does the work) is the whole fix.
            let lose = if others_r > 0 { lose } else { set_a() };
            let to = without(self.work.letters(t, q), lose);
            let c = self.change(t, q, to, f.code);
            let reason = format!(
                "{head}: change {} from {} to {}; the task has another Accountable.",
                self.label(q),
                c.from,
                c.to
            );
            return self.push(i, f, Some(t), vec![c], reason);
        }
        let gain = if holds_r && others_r == 0 {
            set_r().with(Letter::A)
        } else {
            set_a()
        };
        match self.picker.pick(&self.work, t, Wanted::Accountable, gain, &[q]) {
            Ok((p, why)) => {
                let leave = self.change(t, q, without(self.work.letters(t, q), lose), f.code);
                let to = with(self.work.letters(t, p), gain);
                let take = self.change(t, p, to, f.code);
                let reason = format!(
                    "{head}: move the {gain} from {} to {}; {why}; {} keeps {}.",
                    self.label(q),
                    self.label(p),
                    self.short(q),
                    leave.to
                );
                self.push(i, f, Some(t), vec![leave, take], reason);
            }
            Err(nobody) => self.push(
                i,
                f,
                Some(t),
                Vec::new(),
                format!(
                    "{head}: {nobody}; if the task is not {} work, pin its side under [sides] in raci.toml.",
                    side.as_str()
                ),
            ),
        }
    }

    /// O002: the role from the other side gives its R or A up; the side's own role takes
    /// whatever the task would otherwise lose.
    fn shared_ownership(&mut self, i: usize, f: &Finding, t: usize) {
        let side = self.side(t);
        let head = self.head(t, "owned by both a Product Owner and a Product Manager");
        let Some(own) = owning_title(side) else {
            return;
        };
        let other = if own == TitleSide::Po {
            TitleSide::Pm
        } else {
            TitleSide::Po
        };
        let owners = self.work.owners(t);
        let titled = |p: usize, title| self.m.parties[p].title_side == Some(title);
        let insiders: Vec<usize> = owners.iter().copied().filter(|&p| titled(p, own)).collect();
        let outsiders: Vec<usize> = owners
            .iter()
            .copied()
            .filter(|&p| titled(p, other))
            .collect();
        if insiders.is_empty() || outsiders.is_empty() {
            return self.settled(i, f, Some(t), head);
        }
        let keeper = insiders
            .iter()
            .copied()
            .find(|&p| self.work.letters(t, p).contains(Letter::A))
            .unwrap_or(insiders[0]);
        let ra = set_r().with(Letter::A);
        let mut changes = Vec::new();
        let mut moved = Vec::new();
        for &o in &outsiders {
            let c = self.change(t, o, without(self.work.letters(t, o), ra), f.code);
            moved.push(format!("{} from {} to {}", self.label(o), c.from, c.to));
            changes.push(c);
        }
        let mut gain = NONE;
        if self.work.count(t, Letter::A) == 0 {
            gain.insert(Letter::A);
        }
        if self.work.count(t, Letter::R) == 0 {
            gain.insert(Letter::R);
        }
        let mut takes = String::new();
        if !gain.is_empty() {
            let to = with(self.work.letters(t, keeper), gain);
            changes.push(self.change(t, keeper, to, f.code));
            takes = format!(", and {} takes the {gain}", self.label(keeper));
        }
        let reason = format!(
            "{head}: change {}{takes}; the R and A of {} work stay with the {}.",
            moved.join(" and "),
            side.as_str(),
            title_words(own)
        );
        self.push(i, f, Some(t), changes, reason);
    }

    /// R003: the best-fitting party becomes Responsible.
    fn no_responsible(&mut self, i: usize, f: &Finding, t: usize) {
        self.give_missing(i, f, t, Letter::R, Wanted::Responsible, "Responsible");
    }

    /// G002: the side's titled party becomes Responsible on one task of its side.
    fn side_without_owner(&mut self, i: usize, f: &Finding) {
        let tasks: Vec<usize> = f
            .related_tasks
            .iter()
            .copied()
            .filter(|&t| t < self.m.tasks.len())
            .collect();
        let Some(side) = tasks.first().map(|&t| self.side(t)) else {
            return self.push(
                i,
                f,
                None,
                Vec::new(),
                "No task is on this side: no change of letters can fix it; add the side's tasks, or pin tasks to it under [sides] in raci.toml.".to_string(),
            );
        };
        let Some(title) = owning_title(side) else {
            return;
        };
        let head = format!(
            "{} work has no {} owner",
            side_words(side),
            title_words(title)
        );
        let people: Vec<usize> = (0..self.m.parties.len())
            .filter(|&p| self.m.parties[p].title_side == Some(title))
            .collect();
        let owned = tasks
            .iter()
            .any(|&t| people.iter().any(|&p| self.work.letters(t, p).owns()));
        if owned {
            return self.settled(i, f, None, head);
        }
        let fit: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&p| self.picker.has_letters(p) && !self.work.would_overload(p, None, set_r()))
            .collect();
        let Some(&first) = fit.first() else {
            let reason = format!(
                "{head}: nobody fits: {} {} no letters anywhere in the matrix or would be overloaded.",
                self.labels(&people),
                if people.len() == 1 { "holds" } else { "hold" }
            );
            return self.push(i, f, None, Vec::new(), reason);
        };
        // A task of the side the titled party already follows (C or I) first, then the first
        // task with letters: an R alone on a task nobody holds would turn its R007 into an
        // R001.
        let found = tasks
            .iter()
            .find_map(|&t| {
                fit.iter()
                    .copied()
                    .find(|&p| !self.work.letters(t, p).is_empty())
                    .map(|p| (t, p))
            })
            .or_else(|| {
                tasks
                    .iter()
                    .find(|&&t| self.work.has_letters(t))
                    .map(|&t| (t, first))
            });
        let Some((t, p)) = found else {
            let reason = format!(
                "{head}: nobody fits: nobody holds any of the {} tasks, and the suggestions for R007 above found no owner for them.",
                side_words(side)
            );
            return self.push(i, f, None, Vec::new(), reason);
        };
        let follows = self.work.letters(t, p);
        let to = with(follows, set_r());
        let c = self.change(t, p, to, f.code);
        let since = if follows.is_empty() {
            format!("it is the first {} task", side_words(side))
        } else {
            format!("{} already holds {} on it", self.short(p), c.from)
        };
        let reason = format!(
            "{head}: make {} Responsible on {}; {since}.",
            self.label(p),
            self.task_name(t)
        );
        self.push(i, f, Some(t), vec![c], reason);
    }

    /// P001 (`workload` false) and P002 (`workload` true): move the A (or the R) of as many
    /// tasks as it takes to bring the party back under its limit, one suggestion per task.
    fn overload(&mut self, i: usize, f: &Finding, workload: bool) {
        let Some(p) = f.party.filter(|&p| p < self.m.parties.len()) else {
            return;
        };
        let who = self.label(p);
        let (what, key, limit) = if workload {
            (
                "Responsible or Accountable",
                "max-ra-share",
                self.work.thresholds.max_ra_share,
            )
        } else {
            (
                "Accountable",
                "max-accountable-share",
                self.work.thresholds.max_accountable_share,
            )
        };
        let total = self.m.tasks.len();
        let held = |w: &Work| {
            if workload {
                w.owns_count(p)
            } else {
                w.a_count(p)
            }
        };
        let start = held(&self.work);
        let head = format!(
            "{who} is {what} on {start} of {total} tasks, over {key} = {} %",
            number(limit)
        );
        if !self.work.over(start, limit) {
            return self.settled(i, f, None, format!("{who} is over {key}"));
        }
        let mut moved = 0;
        for t in self.overload_order(p, workload) {
            if !self.work.over(held(&self.work), limit) {
                break;
            }
            let letters = self.work.letters(t, p);
            // What moves: the A for P001; for P002 everything that makes the party own the
            // task, so that the task no longer counts.
            let lose = if workload {
                letters_in(
                    letters,
                    LetterSet::of(&[Letter::C, Letter::I, Letter::S, Letter::V]),
                )
            } else {
                set_a()
            };
            let wanted = if lose.contains(Letter::A) {
                Wanted::Accountable
            } else {
                Wanted::Responsible
            };
            let Ok((q, why)) = self.picker.pick(&self.work, t, wanted, lose, &[p]) else {
                continue;
            };
            let leave = self.change(t, p, without(letters, lose), f.code);
            let to = with(self.work.letters(t, q), lose);
            let take = self.change(t, q, to, f.code);
            moved += 1;
            let reason = format!(
                "{head}: move the {lose} of {} ({}) from {who} to {}; {why}.",
                self.task_name(t),
                side_words(self.side(t)),
                self.label(q)
            );
            self.out.push(Suggestion {
                finding: i,
                code: f.code,
                task: Some(t),
                party: Some(p),
                changes: vec![leave, take],
                reason,
            });
        }
        let left = held(&self.work);
        if self.work.over(left, limit) {
            let reason = if moved == 0 {
                format!("{head}: nobody fits: no other party can take the {} of any of those tasks without being overloaded, being titled for the other side or holding no letters at all.", if workload { "R or A" } else { "A" })
            } else {
                format!("{head}: after the {moved} moves above {who} still holds {left}; nobody else fits the rest.")
            };
            self.out.push(Suggestion {
                finding: i,
                code: f.code,
                task: None,
                party: Some(p),
                changes: Vec::new(),
                reason,
            });
        }
    }

    /// The tasks whose letter an overloaded party could hand on, best first: tasks of the
    /// other side's role (moving those also ends an M001 or O001), then tasks someone else
    /// already does (the A goes to the doer), then the rest; each group in matrix order.
    /// Tasks another suggestion already changed are left alone, and so is a task with more
    /// than one Accountable.
    fn overload_order(&self, p: usize, workload: bool) -> Vec<usize> {
        let title = self.m.parties[p].title_side;
        let mut ranked: Vec<(u8, usize)> = (0..self.m.tasks.len())
            .filter(|&t| self.touched_by[t].is_none())
            .filter_map(|t| {
                let letters = self.work.letters(t, p);
                let holds = if workload {
                    letters.owns()
                } else {
                    letters.contains(Letter::A)
                };
                if !holds || (letters.contains(Letter::A) && self.work.count(t, Letter::A) != 1) {
                    return None;
                }
                let own = owning_title(self.side(t));
                let wrong_side = matches!((title, own), (Some(a), Some(b)) if a != b && a != TitleSide::Ambiguous);
                let doer = self
                    .work
                    .holders(t, Letter::R)
                    .iter()
                    .any(|&q| q != p);
                let rank = if wrong_side {
                    0
                } else if doer {
                    1
                } else {
                    2
                };
                Some((rank, t))
            })
            .collect();
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, t)| t).collect()
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// `50` for 50.0, `33.5` for 33.5: thresholds as the user wrote them.
fn number(x: f64) -> String {
    let mut s = String::new();
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let _ = write!(s, "{}", x as i64);
    } else {
        let _ = write!(s, "{x}");
    }
    s
}
