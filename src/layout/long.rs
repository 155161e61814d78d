//! Long (tidy) matrices: one row per task, party and letter, as databases and scripts export
//! them (realworld 01). A party with R and A may appear on two rows; their letters are joined.

use super::grid::{clean_name, fold, Grid};
use super::{assign, count_note, read_cell, score, Candidate, Ctx};
use crate::model::{Matrix, Shape, Task};
use std::collections::{BTreeSet, HashMap};

fn header_has(text: &str, words: &[&str]) -> bool {
    let t = fold(text);
    t.split(|c: char| !c.is_alphanumeric()).any(|w| {
        words
            .iter()
            .any(|x| w == *x || w.starts_with(x) && x.len() >= 4)
    })
}

/// Id columns (`role_id`) lose to their name columns (`role_name`).
fn is_id(text: &str) -> bool {
    let t = fold(text);
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "id" || w == "key" || w == "code")
}

/// Long matrices: one row per task, party and letter.
#[derive(Debug)]
pub(crate) struct Long;

impl super::Detector for Long {
    fn shape(&self) -> Shape {
        Shape::Long
    }

    fn propose(&self, grid: &Grid, ctx: &Ctx) -> Vec<Candidate> {
        detect(grid, ctx).into_iter().collect()
    }
}

fn detect(grid: &Grid, ctx: &Ctx) -> Option<Candidate> {
    let steer = &ctx.opts.steer;
    // A long table has one header row, so `--header-rows N` above one means another shape.
    if steer.header_rows.is_some_and(|n| n > 1) {
        return None;
    }
    // Its parties are one column of names; a range of party columns means another shape.
    let user_party = match steer.party_columns {
        Some((a, b)) if a == b => Some(a),
        Some(_) => return None,
        None => None,
    };
    // Header: the first row with three or more text cells, or the table's first row when the
    // user said it has one header row.
    let first_rows = grid.present_rows().iter().copied();
    let header = if steer.header_rows.is_some() {
        first_rows.take(1).next()?
    } else {
        first_rows.take(10).find(|&r| {
            grid.row(r)
                // Any text: a `raci` header reads as letters R, A, C, I.
                .filter(|(_, c)| c.text().is_some())
                .count()
                >= 3
        })?
    };
    let headers: Vec<(u32, String)> = grid
        .row(header)
        .filter_map(|(c, cell)| cell.text().map(|t| (c, clean_name(t))))
        .collect();
    let rows: Vec<u32> = grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| r > header)
        .collect();
    if rows.len() < 3 {
        return None;
    }
    // The letter column: almost every cell letters. Every cell below the header is in one
    // of `rows`, so the column's counts below the header are the counts over `rows`.
    let cols = grid.columns();
    let letter_cols: Vec<u32> = headers
        .iter()
        .filter(|(c, _)| Some(*c) != steer.task_column && Some(*c) != user_party)
        .filter(|(c, _)| {
            let (letters, marks, odd, other) =
                cols.get(c).map_or((0, 0, 0, 0), |v| v.below4(header));
            let (n, l) = (letters + marks + odd + other, letters);
            n >= 3 && l * 10 >= n * 9
        })
        .map(|(c, _)| *c)
        .collect();
    let [letter_col] = letter_cols[..] else {
        return None;
    };
    let pick = |words: &[&str], exclude: &[u32]| -> Option<u32> {
        let matching: Vec<&(u32, String)> = headers
            .iter()
            .filter(|(c, h)| !exclude.contains(c) && *c != letter_col && header_has(h, words))
            .collect();
        matching
            .iter()
            .find(|(_, h)| !is_id(h))
            .or_else(|| matching.first())
            .map(|(c, _)| *c)
    };
    // Of the task headers, the one over the most distinct texts: `Issue Type` and `Story
    // Points` hold a handful of values, `Summary` or `User story` the items.
    let distinct_texts = |c: u32| -> usize {
        rows.iter()
            .filter_map(|&r| grid.text(r, c))
            .collect::<BTreeSet<_>>()
            .len()
    };
    let pick_most = |words: &[&str], exclude: &[u32]| -> Option<u32> {
        headers
            .iter()
            .filter(|(c, h)| !exclude.contains(c) && *c != letter_col && header_has(h, words))
            .filter(|(_, h)| !is_id(h))
            .map(|(c, _)| *c)
            .min_by_key(|&c| (std::cmp::Reverse(distinct_texts(c)), c))
            .or_else(|| pick(words, exclude))
    };
    // The user's columns win over the words of their headers.
    let party_col = match user_party {
        Some(c) => c,
        None => pick(
            &[
                "role",
                "party",
                "person",
                "who",
                "stakeholder",
                "member",
                "assignee",
                "rolle",
                "papel",
                "ruolo",
                "rol",
                "participant",
                "resource",
                "team",
                // A person, in the seven languages: `Pessoa`, `Persona`, `Personne`.
                "pessoa",
                "persona",
                "personne",
                "persoon",
                "mitarbeit",
                "equipe",
                "equipo",
            ],
            &steer.task_column.into_iter().collect::<Vec<_>>(),
        )?,
    };
    let task_col = match steer.task_column {
        Some(c) => c,
        None => pick_most(
            &[
                "task",
                "action",
                "activity",
                // `Atividade`, `Actividad`, `Activité`, `Activiteit`, `Taak`.
                "ativid",
                "activid",
                "activit",
                "taak",
                "taken",
                "livrable",
                "entregable",
                // A tracker's items: `User story`, `Issue`, `Ticket`.
                "story",
                "stories",
                "issue",
                "ticket",
                "requirement",
                "summary",
                "deliverable",
                "step",
                "aufgabe",
                "tache",
                "tarea",
                "tarefa",
                "attivita",
                "item",
                "process",
                "decision",
            ],
            &[party_col],
        )?,
    };
    if task_col == party_col || letter_col == task_col || letter_col == party_col {
        return None;
    }
    // A group groups tasks: each task has one. A column whose value changes within a task
    // (`Área`: the department of the person on the row) describes the rows instead.
    // A task name may stand in two groups (`Review` under Design and under Build); only when
    // most names change group within their rows is the column no group.
    let one_per_task = |g: u32| {
        let mut seen: HashMap<String, (String, bool)> = HashMap::new();
        for &r in &rows {
            let Some(task) = grid.text(r, task_col).map(clean_name) else {
                continue;
            };
            // A group written on the first row of its tasks only is still one per task.
            let Some(group) = grid.text(r, g).map(clean_name) else {
                continue;
            };
            let entry = seen.entry(task).or_insert_with(|| (group.clone(), false));
            entry.1 |= entry.0 != group;
        }
        let changing = seen.values().filter(|(_, changed)| *changed).count();
        changing * 2 <= seen.len()
    };
    let group_col = pick(
        &[
            "group",
            "phase",
            "category",
            "area",
            "stage",
            "section",
            "domain",
            "workstream",
            "epic",
            "theme",
            "fase",
            "etape",
            "bereich",
            "ambito",
        ],
        &[party_col, task_col],
    )
    .filter(|&g| one_per_task(g));
    let distinct = |c: u32| -> usize {
        rows.iter()
            .filter_map(|&r| grid.text(r, c).map(clean_name))
            .collect::<BTreeSet<_>>()
            .len()
    };
    // Long form repeats tasks and parties; a listing with one row per task is not long.
    if distinct(task_col) >= rows.len() || distinct(party_col) * 2 > rows.len() {
        return None;
    }

    let mut m = Matrix {
        shape: Shape::Long,
        ..Matrix::default()
    };
    let texts: Vec<String> = rows
        .iter()
        .filter_map(|&r| grid.text(r, letter_col).map(str::to_string))
        .collect();
    let mut scheme_notes = Vec::new();
    let scheme = ctx.scheme(texts.iter().map(String::as_str), &mut scheme_notes);
    m.scheme = scheme.clone();
    let label = |c: u32| {
        format!(
            "{} ({})",
            grid.col_label(c),
            grid.text(header, c).unwrap_or_default()
        )
    };
    m.notes.push(format!(
        "The matrix is in long form: one row per task, party and letter. Header row {}; tasks in {}, parties in {}, letters in {}{}.",
        header + 1,
        label(task_col),
        label(party_col),
        label(letter_col),
        group_col.map(|g| format!(", groups in {}", label(g))).unwrap_or_default()
    ));
    let others: Vec<String> = headers
        .iter()
        .filter(|(c, _)| ![task_col, party_col, letter_col].contains(c) && Some(*c) != group_col)
        .map(|(c, _)| label(*c))
        .collect();
    if !others.is_empty() {
        m.notes.push(format!(
            "Not used (ids and details): {}.",
            others.join(", ")
        ));
    }
    m.notes.extend(scheme_notes);
    let mut skipped = Vec::new();
    // (name, group) -> task and name -> party: a look-up per row instead of a walk over the
    // tasks and parties so far (quadratic on a long export). Only looked up, never iterated.
    let mut task_index: HashMap<(String, Option<String>), usize> = HashMap::new();
    let mut party_index: HashMap<String, usize> = HashMap::new();
    for &r in &rows {
        let task = grid.text(r, task_col).map(clean_name);
        let party = grid.text(r, party_col).map(clean_name);
        let group = group_col.and_then(|g| grid.text(r, g)).map(clean_name);
        // A task with no party and no letter is a task nobody holds (R007), not noise.
        if let (Some(task), None, None) = (&task, &party, grid.get(r, letter_col)) {
            if let std::collections::hash_map::Entry::Vacant(e) =
                task_index.entry((task.clone(), group.clone()))
            {
                e.insert(m.tasks.len());
                m.tasks.push(Task {
                    context: None,
                    name: task.clone(),
                    group: group.clone(),
                    pos: grid.pos(r, task_col),
                    side_override: None,
                    assignments: Vec::new(),
                });
            }
            continue;
        }
        let (Some(task), Some(party)) = (task, party) else {
            skipped.push(grid.row_label(r));
            if let Some(cell) = grid.get(r, letter_col) {
                let t = m.tasks.len().checked_sub(1);
                read_cell(&mut m, &scheme, cell.value, cell.origin, t, None);
            }
            continue;
        };
        let t = match task_index.get(&(task.clone(), group.clone())) {
            Some(&t) => t,
            None => {
                task_index.insert((task.clone(), group.clone()), m.tasks.len());
                m.tasks.push(Task {
                    context: None,
                    name: task,
                    group,
                    pos: grid.pos(r, task_col),
                    side_override: None,
                    assignments: Vec::new(),
                });
                m.tasks.len() - 1
            }
        };
        let p = match party_index.get(&party) {
            Some(&p) => p,
            None => {
                party_index.insert(party, m.parties.len());
                let pos = grid.pos(r, party_col);
                let raw = grid.text(r, party_col).unwrap_or_default().to_string();
                m.parties.push(ctx.party(&raw, pos, None, None));
                m.parties.len() - 1
            }
        };
        if let Some(cell) = grid.get(r, letter_col) {
            let letters = read_cell(&mut m, &scheme, cell.value, cell.origin, Some(t), Some(p));
            assign(&mut m, t, p, letters, cell.origin);
        }
    }
    if !skipped.is_empty() {
        m.notes.push(format!(
            "Rows without a task or a party skipped: {}.",
            skipped.join(", ")
        ));
    }
    count_note(&mut m);
    (score(&m) > 0).then(|| Candidate::new(m, None))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{detect, LayoutOptions};
    use crate::model::Shape;

    #[test]
    fn long_form_joins_rows_of_one_party() {
        let wb = csv(&[
            &[
                "group_title",
                "action_id",
                "action_name",
                "role_id",
                "role_name",
                "raci",
            ],
            &["Perf", "p1", "Define", "dm", "Delivery Manager", "R"],
            &["Perf", "p1", "Define", "stl", "Senior Team Lead", "A"],
            &["Perf", "p2", "Review", "tl", "Team lead", "R"],
            &["Perf", "p2", "Review", "tl", "Team lead", "A"],
            &["Ops", "p3", "Deploy", "dm", "Delivery Manager", "C"],
            &["Ops", "p3", "Deploy", "tl", "Team lead", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Long);
        assert_eq!(m.tasks.len(), 3);
        assert_eq!(m.parties.len(), 3);
        assert_eq!(m.tasks[1].letters_of(2).to_string(), "R/A");
        assert_eq!(m.tasks[2].group.as_deref(), Some("Ops"));
    }

    #[test]
    fn the_users_task_and_party_columns_win_over_header_words() {
        let rows: &[&[&str]] = &[
            &["Step", "Activity", "Role", "Person", "RACI"],
            &["Discovery", "Interview users", "Product Owner", "Ann", "R"],
            &[
                "Discovery",
                "Interview users",
                "Product Manager",
                "Bob",
                "A",
            ],
            &["Discovery", "Write brief", "Product Owner", "Ann", "A"],
            &["Delivery", "Ship release", "Product Manager", "Bob", "R"],
        ];
        let m = detect(&csv(rows), &LayoutOptions::default()).unwrap();
        // Of two columns headed as tasks, the one with the most distinct texts (Activity, not
        // Step); of two headed as parties, the first (Role).
        assert_eq!(m.tasks.len(), 3, "the Activity column, over Step");
        assert_eq!(m.parties[0].name, "Product Owner");
        let steered = LayoutOptions {
            steer: crate::layout::Steering {
                shape: Some(Shape::Long),
                task_column: Some(1),
                party_columns: Some((3, 3)),
                ..Default::default()
            },
            ..LayoutOptions::default()
        };
        let m = detect(&csv(rows), &steered).unwrap();
        let names: Vec<&str> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Interview users", "Write brief", "Ship release"]);
        let parties: Vec<&str> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(parties, ["Ann", "Bob"]);
        // A range of party columns is not a long table.
        let range = LayoutOptions {
            steer: crate::layout::Steering {
                party_columns: Some((2, 3)),
                ..Default::default()
            },
            ..LayoutOptions::default()
        };
        assert!(detect(&csv(rows), &range).map_or(true, |m| m.shape != Shape::Long));
    }
}
