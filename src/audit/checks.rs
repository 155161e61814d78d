//! The check function of every rule. Each reads a [`Ctx`] and pushes findings in input order;
//! none decides a severity (the engine stamps the configured one).

use super::rule::{join_and, Ctx};
use super::Finding;
use crate::layout::clean_cow;
use crate::model::{CellProblem, Letter, Side, Task, TitleSide};
use std::collections::{BTreeMap, HashMap};

/// Duty ids of the Product Owner's day-to-day work (sprint events, story acceptance, the daily
/// work with the scrum team). The article: "The work of a classic Product Owner is more
/// tactical in nature. As a result, they are usually involved in the day-to-day operations.
/// Product Managers are usually not involved in regular daily operations" (section "Works
/// with"). M002 reads this list.
pub const PO_DAY_TO_DAY_DUTIES: &[&str] = &[
    "po-sprint-priorities",
    "po-scrum-team-contact",
    "po-check-status-verify-results",
    "po-development-direction",
    "po-daily-with-scrum-team",
    "po-features-implemented-correctly",
];

fn has_letters(task: &Task) -> bool {
    task.assignments.iter().any(|a| !a.letters.is_empty())
}

fn holders(task: &Task, letter: Letter) -> Vec<usize> {
    task.parties_with(letter).collect()
}

fn owners(task: &Task) -> Vec<usize> {
    task.assignments
        .iter()
        .filter(|a| a.letters.owns())
        .map(|a| a.party)
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `50` for 50.0, `33.5` for 33.5: thresholds as the user wrote them.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn title_name(side: TitleSide) -> &'static str {
    match side {
        TitleSide::Po => "Product Owner",
        TitleSide::Pm => "Product Manager",
        TitleSide::Ambiguous => "PM (product or project?)",
    }
}

fn side_title(side: Side) -> Option<TitleSide> {
    match side {
        Side::Po => Some(TitleSide::Po),
        Side::Pm => Some(TitleSide::Pm),
        Side::Shared | Side::Unclassified => None,
    }
}

/// Parties whose settled title is `title`, in party order.
fn titled(ctx: &Ctx, title: TitleSide) -> Vec<usize> {
    ctx.matrix
        .parties
        .iter()
        .enumerate()
        .filter(|(_, p)| p.title_side == Some(title))
        .map(|(i, _)| i)
        .collect()
}

fn title_of(ctx: &Ctx, party: usize) -> Option<TitleSide> {
    ctx.matrix.parties.get(party).and_then(|p| p.title_side)
}

fn q(text: &str) -> String {
    format!("\"{text}\"")
}

// ---- R: one task's letters -------------------------------------------------------------

pub fn missing_accountable(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if has_letters(task) && task.count(Letter::A) == 0 {
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} has no Accountable: no party holds an A on it.",
                    q(&task.name)
                ),
            ));
        }
    }
}

pub fn multiple_accountable(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let a = holders(task, Letter::A);
        if a.len() > 1 {
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} has {} Accountables ({}); exactly one party should hold the A.",
                    q(&task.name),
                    a.len(),
                    ctx.party_list(&a)
                ),
            ));
        }
    }
}

pub fn missing_responsible(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if has_letters(task) && task.count(Letter::R) == 0 {
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} has no Responsible: no party holds an R to do the work.",
                    q(&task.name)
                ),
            ));
        }
    }
}

/// How many unreadable cells each task row (or party column) holds, in one pass.
fn issues_per(len: usize, index: impl Iterator<Item = Option<usize>>) -> Vec<usize> {
    let mut counts = vec![0; len];
    for i in index.flatten() {
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    counts
}

pub fn unassigned_task(ctx: &Ctx, out: &mut Vec<Finding>) {
    let per_task = issues_per(
        ctx.matrix.tasks.len(),
        ctx.matrix.issues.iter().map(|c| c.task),
    );
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if has_letters(task) {
            continue;
        }
        let unreadable = per_task[i];
        let tail = if unreadable > 0 {
            format!(
                " ({} on its row could not be read, see D001/D005)",
                plural(unreadable, "cell", "cells")
            )
        } else {
            String::new()
        };
        out.push(ctx.on_task(
            i,
            format!(
                "Task {} has no letters at all{tail}: nobody is Responsible, Accountable, Consulted or Informed.",
                q(&task.name)
            ),
        ));
    }
}

fn too_many(
    ctx: &Ctx,
    out: &mut Vec<Finding>,
    letter: Letter,
    limit: usize,
    key: &str,
    plural_word: &str,
) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let h = holders(task, letter);
        if h.len() > limit {
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} has {} {plural_word} ({}), more than {key} = {limit}.",
                    q(&task.name),
                    h.len(),
                    ctx.party_list(&h)
                ),
            ));
        }
    }
}

pub fn too_many_responsible(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_responsible;
    too_many(
        ctx,
        out,
        Letter::R,
        limit,
        "max-responsible",
        "Responsibles",
    );
}

pub fn too_many_consulted(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_consulted;
    too_many(ctx, out, Letter::C, limit, "max-consulted", "Consulted");
}

pub fn too_many_informed(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_informed;
    too_many(ctx, out, Letter::I, limit, "max-informed", "Informed");
}

// ---- P: one party across the matrix ----------------------------------------------------

/// The fewest tasks a party must hold for the share rules (P001, P002) to speak, and the
/// fewest tasks a matrix must have for P003: below that a share says nothing.
pub const MIN_TASKS_FOR_SHARE_RULES: usize = 3;

/// How many tasks each party holds letters on: any letter, R or A, and A. One pass over the
/// assignments, so large matrices stay linear.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    any: usize,
    owns: usize,
    a: usize,
}

fn tally(ctx: &Ctx) -> Vec<Tally> {
    let n = ctx.matrix.parties.len();
    let mut out = vec![Tally::default(); n];
    // A party's letters on one task, merged in case a layout gives it two cells on one row.
    let mut row = vec![crate::model::LetterSet::EMPTY; n];
    for task in &ctx.matrix.tasks {
        for a in &task.assignments {
            if let Some(slot) = row.get_mut(a.party) {
                *slot = slot.union(a.letters);
            }
        }
        for a in &task.assignments {
            let Some(slot) = row.get_mut(a.party) else {
                continue;
            };
            let letters = std::mem::take(slot);
            if letters.is_empty() {
                continue; // already counted, or no letters
            }
            let t = &mut out[a.party];
            t.any += 1;
            t.owns += usize::from(letters.owns());
            t.a += usize::from(letters.contains(Letter::A));
        }
    }
    out
}

fn share_rule(
    ctx: &Ctx,
    out: &mut Vec<Finding>,
    limit: f64,
    key: &str,
    what: &str,
    count: impl Fn(&Tally) -> usize,
) {
    let total = ctx.matrix.tasks.len();
    if total == 0 {
        return;
    }
    for (p, t) in tally(ctx).iter().enumerate() {
        let n = count(t);
        let pct = n as f64 * 100.0 / total as f64;
        if n >= MIN_TASKS_FOR_SHARE_RULES && pct > limit {
            out.push(ctx.on_party(
                p,
                format!(
                    "{} is {what} on {n} of {total} tasks ({pct:.0} %), more than {key} = {} %.",
                    ctx.party_name(p),
                    number(limit)
                ),
            ));
        }
    }
}

pub fn accountable_overload(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_accountable_share;
    share_rule(
        ctx,
        out,
        limit,
        "max-accountable-share",
        "Accountable",
        |t| t.a,
    );
}

pub fn workload_overload(ctx: &Ctx, out: &mut Vec<Finding>) {
    let limit = ctx.thresholds.max_ra_share;
    share_rule(
        ctx,
        out,
        limit,
        "max-ra-share",
        "Responsible or Accountable",
        |t| t.owns,
    );
}

pub fn in_everything(ctx: &Ctx, out: &mut Vec<Finding>) {
    let total = ctx.matrix.tasks.len();
    if total < MIN_TASKS_FOR_SHARE_RULES {
        return;
    }
    for (p, t) in tally(ctx).iter().enumerate() {
        if t.any == total {
            out.push(ctx.on_party(
                p,
                format!(
                    "{} holds a letter on every one of the {total} tasks.",
                    ctx.party_name(p)
                ),
            ));
        }
    }
}

pub fn no_ownership(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (p, t) in tally(ctx).iter().enumerate() {
        let any = t.any;
        if any > 0 && t.owns == 0 {
            out.push(ctx.on_party(
                p,
                format!(
                    "{} holds letters on {} but is never Responsible or Accountable.",
                    ctx.party_name(p),
                    plural(any, "task", "tasks")
                ),
            ));
        }
    }
}

pub fn idle_party(ctx: &Ctx, out: &mut Vec<Finding>) {
    let per_party = issues_per(
        ctx.matrix.parties.len(),
        ctx.matrix.issues.iter().map(|c| c.party),
    );
    for (p, t) in tally(ctx).iter().enumerate() {
        if t.any == 0 {
            let unreadable = per_party[p];
            let tail = if unreadable > 0 {
                format!(
                    " ({} in its column could not be read, see D001)",
                    plural(unreadable, "cell", "cells")
                )
            } else {
                String::new()
            };
            out.push(ctx.on_party(
                p,
                format!("{} has no letters on any task{tail}.", ctx.party_name(p)),
            ));
        }
    }
}

// ---- O: overlaps between the PO and PM sides -------------------------------------------

pub fn party_spans_both_sides(ctx: &Ctx, out: &mut Vec<Finding>) {
    let n = ctx.matrix.parties.len();
    // Per party: PO-side count, PM-side count, and those tasks in input order.
    let mut po = vec![0usize; n];
    let mut pm = vec![0usize; n];
    let mut related: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let side = ctx.side(i);
        if !matches!(side, Side::Po | Side::Pm) {
            continue;
        }
        let mut owners = owners(task);
        owners.sort_unstable();
        owners.dedup();
        for p in owners.into_iter().filter(|&p| p < n) {
            if side == Side::Po {
                po[p] += 1;
            } else {
                pm[p] += 1;
            }
            related[p].push(i);
        }
    }
    for p in 0..n {
        if po[p] > 0 && pm[p] > 0 {
            let mut f = ctx.on_party(
                p,
                format!(
                    "{} holds R or A on {} and on {}.",
                    ctx.party_name(p),
                    plural(po[p], "PO-side task", "PO-side tasks"),
                    plural(pm[p], "PM-side task", "PM-side tasks")
                ),
            );
            f.related_tasks = std::mem::take(&mut related[p]);
            out.push(f);
        }
    }
}

pub fn shared_ownership(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let side = ctx.side(i);
        let Some(own_title) = side_title(side) else {
            continue;
        };
        let own = owners(task);
        let po: Vec<usize> = own
            .iter()
            .copied()
            .filter(|&p| title_of(ctx, p) == Some(TitleSide::Po))
            .collect();
        let pm: Vec<usize> = own
            .iter()
            .copied()
            .filter(|&p| title_of(ctx, p) == Some(TitleSide::Pm))
            .collect();
        if po.is_empty() || pm.is_empty() {
            continue;
        }
        // The party named is the one from the other side: the one whose R or A is out of place.
        let outsider = if own_title == TitleSide::Po {
            pm[0]
        } else {
            po[0]
        };
        let mut f = ctx.on_task(
            i,
            format!(
                "On {}-side task {}, Product Owner {} and Product Manager {} both hold R or A.",
                side.as_str(),
                q(&task.name),
                ctx.party_list(&po),
                ctx.party_list(&pm)
            ),
        );
        f.party = Some(outsider);
        out.push(f);
    }
}

pub fn duty_split(ctx: &Ctx, out: &mut Vec<Finding>) {
    for duty in ctx.taxonomy.coverage_duties() {
        let tasks = ctx.duty_tasks(&duty.id);
        // Distinct sets of Accountables across the duty's tasks, first seen first.
        let mut sets: Vec<(Vec<usize>, usize)> = Vec::new();
        for &i in tasks {
            let a = holders(&ctx.matrix.tasks[i], Letter::A);
            if !a.is_empty() && !sets.iter().any(|(s, _)| *s == a) {
                sets.push((a, i));
            }
        }
        if sets.len() < 2 {
            continue;
        }
        let parts: Vec<String> = sets
            .iter()
            .map(|(a, i)| format!("{} on {}", ctx.party_list(a), q(ctx.task_name(*i))))
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let mut f = ctx.on_duty(
            &duty.id,
            format!(
                "Duty {} is split between different Accountables: {}.",
                duty.id,
                join_and(&parts)
            ),
        );
        f.related_tasks = tasks.to_vec();
        out.push(f);
    }
}

// ---- G: gaps -----------------------------------------------------------------------------

pub fn uncovered_duty(ctx: &Ctx, out: &mut Vec<Finding>) {
    for duty in ctx.taxonomy.coverage_duties() {
        let covered = !ctx.duty_tasks(&duty.id).is_empty();
        if !covered {
            let side = match duty.side {
                Side::Po => "PO duty ",
                Side::Pm => "PM duty ",
                Side::Shared => "shared duty ",
                Side::Unclassified => "duty ",
            };
            out.push(ctx.on_duty(
                &duty.id,
                format!("No task covers the {side}{} ({}).", q(&duty.text), duty.id),
            ));
        }
    }
}

pub fn side_without_owner(ctx: &Ctx, out: &mut Vec<Finding>) {
    for side in [Side::Po, Side::Pm] {
        let Some(title) = side_title(side) else {
            continue;
        };
        let tasks: Vec<usize> = (0..ctx.matrix.tasks.len())
            .filter(|&i| ctx.side(i) == side)
            .collect();
        if tasks.is_empty() {
            out.push(ctx.finding(format!(
                "No task is classified as {}-side, so the matrix gives no {} work to anyone.",
                side.as_str(),
                title_name(title)
            )));
            continue;
        }
        let people = titled(ctx, title);
        if people.is_empty() {
            // Titles unknown: G004 says so; this rule cannot tell owners from others.
            continue;
        }
        let owned = tasks.iter().any(|&i| {
            owners(&ctx.matrix.tasks[i])
                .iter()
                .any(|p| people.contains(p))
        });
        if !owned {
            let on = if tasks.len() == 1 {
                format!("the 1 {}-side task", side.as_str())
            } else {
                format!("any of the {} {}-side tasks", tasks.len(), side.as_str())
            };
            let mut f = ctx.finding(format!(
                "No party titled {} ({}) holds R or A on {on}.",
                title_name(title),
                ctx.party_list(&people)
            ));
            f.related_tasks = tasks;
            out.push(f);
        }
    }
}

pub fn unclassified_task(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if ctx.side(i) == Side::Unclassified {
            // The classifier may have read it as the work of another trade: say which.
            let trade = ctx
                .duty(i)
                .and_then(|d| ctx.taxonomy.duty(d))
                .filter(|d| d.kind == crate::classify::DutyKind::Other);
            let what = match trade {
                Some(d) => format!("reads as {}, not PO, PM or shared work", d.text),
                None => "is not recognisably PO, PM or shared work".to_string(),
            };
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} {what}; pin it under [sides] in raci.toml if it belongs to a side.",
                    q(&task.name)
                ),
            ));
        }
    }
}

pub fn missing_title(ctx: &Ctx, out: &mut Vec<Finding>) {
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

// ---- M: titles against sides -------------------------------------------------------------

pub fn title_side_mismatch(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let side = ctx.side(i);
        let other = match side {
            Side::Po => TitleSide::Pm,
            Side::Pm => TitleSide::Po,
            Side::Shared | Side::Unclassified => continue,
        };
        for a in task.assignments.iter() {
            if a.letters.contains(Letter::A) && title_of(ctx, a.party) == Some(other) {
                out.push(ctx.on_cell(
                    a.pos,
                    Some(i),
                    Some(a.party),
                    format!(
                        "{}, a {}, is Accountable on {}-side task {}.",
                        ctx.party_name(a.party),
                        title_name(other),
                        side.as_str(),
                        q(&task.name)
                    ),
                ));
            }
        }
    }
}

pub fn pm_in_day_to_day(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if ctx.side(i) != Side::Po {
            continue;
        }
        let Some(duty) = ctx.duty(i) else { continue };
        if !PO_DAY_TO_DAY_DUTIES.contains(&duty) {
            continue;
        }
        for a in task.assignments.iter() {
            if a.letters.contains(Letter::R) && title_of(ctx, a.party) == Some(TitleSide::Pm) {
                let mut f = ctx.on_cell(
                    a.pos,
                    Some(i),
                    Some(a.party),
                    format!(
                        "{}, a Product Manager, is Responsible on {}, day-to-day Product Owner work ({duty}).",
                        ctx.party_name(a.party),
                        q(&task.name)
                    ),
                );
                f.duty = Some(duty.to_string());
                out.push(f);
            }
        }
    }
}

// ---- D: the data itself ------------------------------------------------------------------

/// `on task "X" under Ana`, as far as the cell's row and column are known.
fn cell_place(ctx: &Ctx, task: Option<usize>, party: Option<usize>) -> String {
    let mut s = String::new();
    if let Some(t) = task.filter(|&t| t < ctx.matrix.tasks.len()) {
        s.push_str(&format!(" on task {}", q(ctx.task_name(t))));
    }
    if let Some(p) = party.filter(|&p| p < ctx.matrix.parties.len()) {
        s.push_str(&format!(" under {}", ctx.party_name(p)));
    }
    s
}

pub fn unknown_letter(ctx: &Ctx, out: &mut Vec<Finding>) {
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

/// Lower case with runs of white space folded (as the layout cleans names), so
/// `Sprint  Review` repeats `sprint review`.
fn normalise(name: &str) -> String {
    clean_cow(name).to_lowercase()
}

/// Fills `key` with a task's group and name as [`normalise`] folds them, without a string per
/// name (task names are nearly always clean ASCII already). The first byte tells no group from
/// an empty one, and each part ends with 0xFF, a byte UTF-8 never holds.
fn task_key(group: Option<&str>, name: &str, key: &mut Vec<u8>) {
    fn fold_into(key: &mut Vec<u8>, text: &str) {
        let clean = clean_cow(text);
        if clean.is_ascii() {
            key.extend(clean.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            key.extend_from_slice(clean.to_lowercase().as_bytes());
        }
        key.push(0xFF);
    }
    key.clear();
    key.push(u8::from(group.is_some()));
    fold_into(key, group.unwrap_or_default());
    fold_into(key, name);
}

pub fn duplicate_task(ctx: &Ctx, out: &mut Vec<Finding>) {
    let tasks = &ctx.matrix.tasks;
    // The first task of each folded group and name; one key buffer serves every lookup, and a
    // key is stored only for a task not seen before.
    let mut first: HashMap<Vec<u8>, usize> = HashMap::with_capacity(tasks.len());
    let mut key = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        task_key(task.group.as_deref(), &task.name, &mut key);
        let Some(&earlier) = first.get(key.as_slice()) else {
            first.insert(key.clone(), i);
            continue;
        };
        let where_ = match &task.group {
            Some(g) => format!("in group {}", q(g)),
            None => "with no group".to_string(),
        };
        let mut f = ctx.on_task(
            i,
            format!(
                "Task {} at {} repeats the task at {} {where_}.",
                q(&task.name),
                ctx.matrix.cell_ref(task.pos),
                ctx.matrix.cell_ref(tasks[earlier].pos)
            ),
        );
        f.related_tasks = vec![earlier];
        out.push(f);
    }
}

pub fn duplicate_party(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (p, party) in ctx.matrix.parties.iter().enumerate() {
        let key = normalise(&party.name);
        match first.get(&key) {
            Some(&earlier) => out.push(ctx.on_party(
                p,
                format!(
                    "Party {} at {} repeats the party at {}; their letters are counted as two parties.",
                    q(&party.name),
                    ctx.matrix.cell_ref(party.pos),
                    ctx.matrix.cell_ref(ctx.matrix.parties[earlier].pos)
                ),
            )),
            None => {
                first.insert(key, p);
            }
        }
    }
}

pub fn ambiguous_title(ctx: &Ctx, out: &mut Vec<Finding>) {
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

pub fn blank_party_header(ctx: &Ctx, out: &mut Vec<Finding>) {
    for issue in &ctx.matrix.issues {
        if issue.problem != CellProblem::BlankPartyHeader {
            continue;
        }
        out.push(ctx.on_cell(
            issue.pos,
            issue.task,
            issue.party,
            format!(
                "Cell {}{} holds {} in a column with a blank party header, so nobody is named for it.",
                ctx.matrix.cell_ref(issue.pos),
                cell_place(ctx, issue.task, None),
                q(&issue.raw)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    /// The plain definition the audit has always used.
    fn reference(name: &str) -> String {
        name.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn folds_case_and_white_space() {
        assert_eq!(normalise("  Sprint \t Review\n"), "sprint review");
        assert_eq!(normalise("a\u{b}b\u{1f}c"), "a b\u{1f}c");
        assert_eq!(normalise("Ünïcode  Straße"), "ünïcode straße");
    }

    #[test]
    fn keys_follow_the_folded_text() {
        let key = |g: Option<&str>, n: &str| {
            let mut k = Vec::new();
            super::task_key(g, n, &mut k);
            k
        };
        assert_eq!(
            key(Some("Delivery"), "Sprint  Review"),
            key(Some(" delivery"), "sprint review ")
        );
        assert_ne!(key(None, "Sprint review"), key(Some(""), "Sprint review"));
        assert_ne!(key(Some("a b"), "c"), key(Some("a"), "b c"));
        assert_eq!(key(None, "Straße  Plan"), key(None, "straße plan"));
    }

    proptest::proptest! {
        #[test]
        fn keys_agree_with_normalise(
            a in "[ \\tAaBb\u{b}é]{0,8}",
            b in "[ \\tAaBb\u{b}é]{0,8}",
        ) {
            let (mut ka, mut kb) = (Vec::new(), Vec::new());
            super::task_key(None, &a, &mut ka);
            super::task_key(None, &b, &mut kb);
            proptest::prop_assert_eq!(normalise(&a) == normalise(&b), ka == kb);
        }

        #[test]
        fn agrees_with_split_whitespace(name in "[ \\t\\n\\r\\u{b}\\u{c}\\u{1c}-\\u{1f}aZ9_é\\u{a0}]{0,24}") {
            proptest::prop_assert_eq!(normalise(&name), reference(&name));
        }
    }
}
