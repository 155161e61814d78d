//! Inverted matrices: columns named R/A/C/I (or Responsible, Approbateur, ...) holding party
//! names, one row per task (realworld 07 and the RACI columns of a plan like 20).

use super::grid::{clean_cow, clean_name, fold, Grid};
use super::{a1, assign, count_note, read_cell, score, Candidate, Ctx, Kind};
use crate::input::CellValue;
use crate::model::{
    parse_cell, CellParse, Letter, LetterSet, Matrix, Party, Pos, Scheme, SchemeName, Shape, Task,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Words meaning "every party".
const EVERYONE: &[&str] = &[
    "all",
    "everyone",
    "everybody",
    "todos",
    "todas",
    "tous",
    "toutes",
    "tout le monde",
    "alle",
    "tutti",
    "groupe",
    "whole team",
];

/// The letter a column header names: `R`, `Responsible`, `Approbateur`, `Consulté`.
fn header_letter(text: &str) -> Option<Letter> {
    let rasci = Scheme::named(SchemeName::Rasci);
    let t = text.trim();
    // `Réalise (R)`, `Consulté(s) (C)`, `Feld (Verantwortlich (R))`: the capital the header
    // closes with, in brackets after a space, says it whatever the words before it
    // (`Member(s)` is a plural, not S); so does one meaning word in brackets (`Custom field
    // (Consulted)`, as Jira exports a field).
    let bracketed = {
        let head = t.trim_end_matches(')');
        (head.len() < t.len())
            .then(|| head.rsplit_once('('))
            .flatten()
            .filter(|(words, inside)| {
                words.ends_with(' ') && !words.trim().is_empty() && !inside.is_empty()
            })
    };
    // Only when the words before the bracket mean nothing themselves: `Informed
    // (Executives)` is an I, whatever the bracket holds.
    let closing = bracketed
        .filter(|(words, _)| {
            // The words outside every bracket: `Feld (Verantwortlich (R))` opens with `Feld`.
            let outer = words.split('(').next().unwrap_or(words);
            super::legend::meaning_letters(outer.trim()).is_none()
        })
        .and_then(|(words, inside)| {
            let code = inside.len() == 1 && inside.chars().all(|c| c.is_ascii_uppercase());
            if code {
                return match parse_cell(inside, &rasci) {
                    CellParse::Letters(set) if set.len() == 1 => Some(set),
                    _ => None,
                };
            }
            // A meaning word in brackets only as a tracker names its fields (`Custom field
            // (Consulted)`, `Benutzerdefiniertes Feld (...)`): `IT (Consultants)` is a team.
            let field = fold(words)
                .split_whitespace()
                .any(|w| matches!(w, "field" | "feld" | "champ" | "campo" | "veld"));
            (field && !inside.contains(char::is_whitespace))
                .then(|| super::legend::meaning_letters(inside))
                .flatten()
                .filter(|s| s.len() == 1)
        });
    let set = match (parse_cell(t, &rasci), closing) {
        (CellParse::Letters(set), _) if set.len() == 1 => set,
        (_, Some(set)) => set,
        // `Responsible (R)`, `Approver`, `Consulted party`: the header opens with the
        // meaning. `Hardware Consultants` names people, not a letter.
        _ => {
            let first = t.split_whitespace().next().unwrap_or_default();
            let opens = super::legend::meaning_letters(first).is_some();
            let short = t.split_whitespace().count() <= 3;
            super::legend::meaning_letters(t)
                .filter(|s| s.len() == 1 && t.len() > 2 && opens && short)?
        }
    };
    // One letter only, written alone or as a word; `RA` is not a column name.
    if t.chars().count() > 1 && t.chars().all(|c| c.is_ascii_uppercase()) && t.len() <= 3 {
        return None;
    }
    set.iter().next()
}

/// Words meaning "and" between two names, in the six languages the reader knows.
const AND_WORDS: &[&str] = &["and", "et", "y", "und", "e"];

/// `Brennan, Patrick`: a surname, a comma, a given name, each one word.
fn surname_then_name(segment: &str) -> bool {
    let one_word = |w: &str| {
        let w = w.trim();
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    segment
        .split_once(',')
        .is_some_and(|(a, b)| one_word(a) && one_word(b))
}

/// Whether the letter columns write people as `Surname, Name` and separate them with `;`
/// (`Okafor, Chidi;Tanaka, Yuki`), as SharePoint and directory exports do: then a comma is
/// part of a name. Only when `;` separates names somewhere and every text with a comma
/// between the separators is such a pair, two or more of them: `Ana, Luis` alone is two
/// people.
fn surnames_first<'t>(texts: impl Iterator<Item = &'t str>) -> bool {
    let (mut semicolons, mut pairs) = (false, 0);
    for t in texts {
        semicolons |= t.contains(';');
        for segment in t.split([';', '\n']).filter(|s| s.contains(',')) {
            // `Ana, Luis; Bo`: a pair and a name alone is a list of first names.
            if !surname_then_name(segment) || segment.matches(',').count() > 1 {
                return false;
            }
            pairs += 1;
        }
        // ... or a one-word name beside a pair (a group such as `IT Service Desk` is fine).
        let one_word = |s: &str| s.split_whitespace().count() == 1 && !s.contains(',');
        if t.contains(',') && t.split(';').any(one_word) {
            return false;
        }
    }
    semicolons && pairs >= 2
}

/// Splits `Adrien, Titouan`, `Ana and Luis`, `Julien\nYoann` into names; with
/// `surnames_first`, `Okafor, Chidi;Tanaka, Yuki` into two. A slash stays inside a name
/// (`QA/Test lead` is one party), and a "not involved" mark (`-`, `n/a`) names nobody.
fn names_in(text: &str, surnames_first: bool) -> Vec<String> {
    let raci = Scheme::named(SchemeName::Raci);
    let mut out = Vec::new();
    let separators: &[char] = if surnames_first {
        &[';', '\n']
    } else {
        &[',', ';', '\n']
    };
    for part in text.split(separators) {
        let mut name: Vec<&str> = Vec::new();
        let words: Vec<&str> = part.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let joins = i > 0 && i + 1 < words.len() && AND_WORDS.contains(&fold(w).as_str());
            if joins {
                out.push(name.join(" "));
                name.clear();
            } else {
                name.push(w);
            }
        }
        out.push(name.join(" "));
    }
    out.into_iter()
        .map(|n| clean_name(&n))
        .filter(|n| !n.is_empty() && parse_cell(n, &raci) != CellParse::Empty)
        .collect()
}

fn is_everyone(name: &str) -> bool {
    EVERYONE.contains(&fold(name).trim())
}

/// Inverted matrices: letter columns holding party names.
#[derive(Debug)]
pub(crate) struct Inverted;

impl super::Detector for Inverted {
    fn shape(&self) -> Shape {
        Shape::Inverted
    }

    fn propose(&self, grid: &Grid, ctx: &Ctx) -> Vec<Candidate> {
        detect(grid, ctx).into_iter().collect()
    }
}

fn detect(grid: &Grid, ctx: &Ctx) -> Option<Candidate> {
    // The header row: two or more distinct letter headers, including R or A.
    let by_col = grid.columns();
    let mut found: Option<(u32, Vec<(u32, Letter)>)> = None;
    for &h in grid.present_rows().iter().take(60) {
        let mut cols: Vec<(u32, Letter)> = Vec::new();
        for (c, cell) in grid.row(h) {
            if cell.copy {
                continue;
            }
            if let Some(l) = cell.text().and_then(header_letter) {
                // One column a letter, or the same field again: Jira writes a field of
                // several values as repeated columns (`Custom field (Consulted)` thrice).
                let same_field = |x: &(u32, Letter)| {
                    x.1 == l && grid.text(h, x.0).map(clean_cow) == cell.text().map(clean_cow)
                };
                if !cols.iter().any(|x| x.1 == l) || cols.iter().any(same_field) {
                    cols.push((c, l));
                }
            }
        }
        let letters: BTreeSet<Letter> = cols.iter().map(|x| x.1).collect();
        if letters.len() < 2 || !(letters.contains(&Letter::R) || letters.contains(&Letter::A)) {
            continue;
        }
        // A header stands at the top of its columns: letters just above it are the cells of
        // a wide matrix (or its legend), not the head of letter columns.
        let letters_above = h > 0
            && cols.iter().any(|(c, _)| {
                grid.get(h - 1, *c)
                    .is_some_and(|x| matches!(ctx.kind(x), Kind::Letters | Kind::Partial))
            });
        if letters_above {
            continue;
        }
        // Below the header, names: text that is not letters.
        let (mut names, mut lettered) = (0, 0);
        for (c, _) in &cols {
            let Some(v) = by_col.get(c).map(|v| &v.cells) else {
                continue;
            };
            for (_, k) in &v[v.partition_point(|(r, _)| *r <= h)..] {
                match k {
                    // Short names (`Bob`, `Cy`) read as odd marks; here they are names.
                    Kind::Text | Kind::Odd => names += 1,
                    Kind::Letters | Kind::Partial => lettered += 1,
                    _ => {}
                }
            }
        }
        if names >= 2 && names > lettered {
            found = Some((h, cols));
            break;
        }
    }
    let (header, letter_cols) = found?;
    let band_end = {
        let mut end = header;
        // Rows under the header whose letter cells are the header merged down.
        let head = |c: u32| grid.get(header, c).map(|x| x.origin);
        while letter_cols.iter().all(|(c, _)| {
            grid.get(end + 1, *c)
                .is_none_or(|x| x.copy && Some(x.origin) == head(*c))
        }) && letter_cols
            .iter()
            .any(|(c, _)| grid.get(end + 1, *c).is_some_and(|x| x.copy))
        {
            end += 1;
        }
        end
    };
    // The task column: the text column with the most distinct names.
    let mut best: Option<(usize, u32)> = None;
    for (&c, v) in by_col {
        if letter_cols.iter().any(|x| x.0 == c) {
            continue;
        }
        let v = &v.cells;
        // Only counted, never iterated.
        let mut distinct = HashSet::new();
        for &(r, _) in &v[v.partition_point(|(r, _)| *r <= band_end)..] {
            if let Some(cell) = grid.get(r, c).filter(|x| !x.copy) {
                if matches!(ctx.kind(cell), Kind::Text | Kind::Odd) {
                    let t = cell.text().unwrap_or_default();
                    // Ids and dates name no task (a tracker's card ids come first).
                    if !super::wide::id_like(t) && !super::words::date_like(t) {
                        distinct.insert(clean_cow(t));
                    }
                }
            }
        }
        if best.is_none_or(|(n, bc)| distinct.len() > n || distinct.len() == n && c < bc) {
            best = Some((distinct.len(), c));
        }
    }
    let (_, task_col) = match ctx.opts.steer.task_column {
        Some(c) => (0, c),
        None => best.filter(|b| b.0 > 0)?,
    };

    let mut m = Matrix {
        shape: Shape::Inverted,
        ..Matrix::default()
    };
    let has_s = letter_cols.iter().any(|x| x.1 == Letter::S);
    let scheme = match ctx.opts.scheme {
        Some(n) => Scheme::named(n),
        None if has_s => Scheme::named(SchemeName::Rasci),
        None => Scheme::named(SchemeName::Raci),
    };
    m.scheme = scheme.clone();
    m.notes.push(format!(
        "The matrix is inverted: {} are letter columns holding party names; header row {}; task names in {}.",
        letter_cols
            .iter()
            .map(|(c, l)| format!(
                "{} ({}={})",
                grid.col_label(*c),
                grid.text(header, *c).unwrap_or_default(),
                l.as_char()
            ))
            .collect::<Vec<_>>()
            .join(", "),
        header + 1,
        grid.col_label(task_col)
    ));
    m.notes.push(format!(
        "Scheme {}, from the letter columns.",
        scheme.describe()
    ));
    // A column headed like a phase or group names the group of each row (filled down), so a
    // row with a task name and no names in the letter columns is a task nobody holds, not a
    // group label.
    let group_col = grid
        .row(header)
        .filter(|(c, cell)| !cell.copy && *c != task_col && !letter_cols.iter().any(|x| x.0 == *c))
        .find(|(_, cell)| {
            cell.text().is_some_and(|t| {
                let f = super::grid::fold(t);
                [
                    "phase",
                    "group",
                    "stage",
                    "category",
                    "section",
                    "area",
                    "workstream",
                    "epic",
                    "lot",
                    "fase",
                    "etape",
                    "gruppe",
                ]
                .iter()
                .any(|w| f.split(|ch: char| !ch.is_alphanumeric()).any(|x| x == *w))
            })
        })
        .map(|(c, _)| c);
    if let Some(g) = group_col {
        m.notes.push(format!(
            "{} holds groups (filled down); a task with no names in the letter columns is kept as a task nobody holds.",
            super::wide::cap(&grid.col_label(g))
        ));
    }
    let others: Vec<String> = grid
        .row(header)
        .filter(|(c, _)| Some(*c) != group_col)
        .filter(|(c, cell)| !cell.copy && *c != task_col && !letter_cols.iter().any(|x| x.0 == *c))
        .filter_map(|(c, cell)| {
            cell.text()
                .map(|t| format!("{} ({})", grid.col_label(c), clean_name(t)))
        })
        .collect();
    if !others.is_empty() {
        m.notes.push(format!(
            "Other columns are details, not part of the matrix: {}.",
            others.join(", ")
        ));
    }

    // Rows.
    struct Row<'g> {
        r: u32,
        name: Option<String>,
        cells: Vec<(u32, Letter, &'g CellValue, Pos)>,
        echo: bool,
    }
    let mut rows = Vec::new();
    for r in grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| r > band_end)
    {
        let name = grid.text(r, task_col).map(clean_name);
        let mut cells = Vec::new();
        let mut echo = false;
        for &(c, l) in &letter_cols {
            if let Some(cell) = grid.get(r, c) {
                if cell.copy && cell.origin.row != r {
                    continue;
                }
                if let Some(t) = cell.text() {
                    if parse_cell(t, &scheme) == CellParse::Letters(LetterSet::of(&[l])) {
                        echo = true;
                        continue;
                    }
                }
                cells.push((c, l, cell.value, cell.origin));
            }
        }
        if name.is_some() || !cells.is_empty() || echo {
            rows.push(Row {
                r,
                name,
                cells,
                echo,
            });
        }
    }
    // Parties, in order of first mention.
    let mut everyone_used: BTreeSet<String> = BTreeSet::new();
    // Lower-cased name -> party: one look-up per name instead of a walk over the parties.
    // Only looked up, never iterated.
    let mut party_index: HashMap<String, usize> = HashMap::new();
    let surnames = surnames_first(rows.iter().flat_map(|row| {
        row.cells.iter().filter_map(|(_, _, v, _)| match v {
            CellValue::Text(t) => Some(&**t),
            _ => None,
        })
    }));
    if surnames {
        m.notes.push(
            "People are written `Surname, Name` and separated by `;`: a comma is part of a \
             name."
                .into(),
        );
    }
    for row in &rows {
        for (_, _, v, pos) in &row.cells {
            if let CellValue::Text(t) = v {
                for n in names_in(t, surnames) {
                    if is_everyone(&n) {
                        everyone_used.insert(n);
                    } else if let std::collections::hash_map::Entry::Vacant(e) =
                        party_index.entry(n.to_lowercase())
                    {
                        e.insert(m.parties.len());
                        let p: Party = ctx.party(&n, *pos, None, None);
                        m.parties.push(p);
                    }
                }
            }
        }
    }
    if !everyone_used.is_empty() {
        m.notes.push(format!(
            "{} in a letter column means every party.",
            everyone_used
                .iter()
                .map(|w| format!("{w:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut groups = Vec::new();
    let mut repeats = Vec::new();
    let mut group: Option<String> = None;
    let mut filled_group: Option<String> = None;
    let last_with_names = rows.iter().rposition(|x| !x.cells.is_empty());
    let task_header = grid
        .text(header, task_col)
        .map(|t| clean_name(t).to_lowercase());
    for (i, row) in rows.iter().enumerate() {
        // The header written again (each group of a board export opens with it): neither a
        // group nor a task, and the group the row above named goes on.
        let header_again = row.echo
            && row.cells.is_empty()
            && row.name.as_ref().map(|n| n.to_lowercase()) == task_header;
        if header_again {
            repeats.push(grid.row_label(row.r));
            continue;
        }
        if let Some(g) = group_col {
            if let Some(t) = grid.text(row.r, g) {
                filled_group = Some(clean_name(t));
            }
            group = filled_group.clone();
        }
        if row.cells.is_empty() {
            let later = last_with_names.is_some_and(|j| j > i);
            if let Some(n) = &row.name {
                if row.echo || (later && group_col.is_none()) {
                    group = Some(n.clone());
                    groups.push(format!("{} ({n})", grid.row_label(row.r)));
                    continue;
                }
            } else {
                continue;
            }
        }
        let t = m.tasks.len();
        let name = row
            .name
            .clone()
            .unwrap_or_else(|| super::nameless_task(&grid.row_label(row.r)));
        m.tasks.push(Task {
            context: None,
            name,
            group: group.clone(),
            pos: grid
                .get(row.r, task_col)
                .map(|c| c.origin)
                .unwrap_or_else(|| grid.pos(row.r, task_col)),
            side_override: None,
            assignments: Vec::new(),
        });
        for (_, l, v, pos) in &row.cells {
            match v {
                CellValue::Text(text) => {
                    let set = LetterSet::of(&[*l]);
                    for n in names_in(text, surnames) {
                        if is_everyone(&n) {
                            for p in 0..m.parties.len() {
                                assign(&mut m, t, p, set, *pos);
                            }
                        } else if let Some(&p) = party_index.get(&n.to_lowercase()) {
                            assign(&mut m, t, p, set, *pos);
                        }
                    }
                }
                other => {
                    read_cell(&mut m, &scheme, other, *pos, Some(t), None);
                    if let Some(last) = m.issues.last_mut() {
                        // An error or a number where names belong: not a blank header.
                        last.problem = match other {
                            CellValue::Error(_) => crate::model::CellProblem::ErrorValue,
                            _ => crate::model::CellProblem::NotText,
                        };
                    }
                }
            }
        }
    }
    if !groups.is_empty() {
        m.notes.push(format!(
            "Group rows (a label and no names, or the column letters repeated): {}.",
            groups.join(", ")
        ));
    }
    if !repeats.is_empty() {
        m.notes.push(format!(
            "Rows that repeat the header, not tasks: {}.",
            repeats.join(", ")
        ));
    }
    let party_list: Vec<String> = m
        .parties
        .iter()
        .map(|p| format!("{} (first at {})", p.name, a1(p.pos)))
        .collect();
    m.notes.push(format!(
        "{} parties named in the letter columns: {}.",
        m.parties.len(),
        party_list.join(", ")
    ));
    if m.tasks.is_empty() || m.parties.is_empty() {
        return None;
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
    fn inverted_with_everyone() {
        let wb = csv(&[
            &["Entregável", "R", "A", "C", "I"],
            &["Escopo", "Pri", "Líder", "Time", "Tutor"],
            &["Arquitetura", "Arq", "Líder", "NLP/Visão", "Tutor"],
            &["Segurança", "Sec", "Líder", "Todos", "Tutor"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Inverted);
        assert_eq!(m.tasks.len(), 3);
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Pri", "Líder", "Time", "Tutor", "Arq", "NLP/Visão", "Sec"]
        );
        let t = &m.tasks[2];
        assert_eq!(t.letters_of(0).to_string(), "C");
        assert_eq!(t.letters_of(3).to_string(), "C/I");
        assert_eq!(t.letters_of(6).to_string(), "R/C");
    }

    #[test]
    fn names_split_on_commas_lines_and_and_words_not_slashes() {
        let names_in = |t| super::names_in(t, false);
        assert_eq!(names_in("Ana, Luis; Bo\nCy"), ["Ana", "Luis", "Bo", "Cy"]);
        assert_eq!(names_in("Ana and Luis"), ["Ana", "Luis"]);
        assert_eq!(names_in("Chef et Dev"), ["Chef", "Dev"]);
        assert_eq!(names_in("Jefe y Analista"), ["Jefe", "Analista"]);
        assert_eq!(names_in("Leiter und Team"), ["Leiter", "Team"]);
        assert_eq!(names_in("Capo e Team"), ["Capo", "Team"]);
        assert_eq!(names_in("QA/Test lead"), ["QA/Test lead"]);
        assert_eq!(
            names_in("Research and Development"),
            ["Research", "Development"]
        );
        assert!(names_in("-").is_empty());
        assert!(names_in("n/a").is_empty());
        // `and` opening or closing a cell is part of the text, not a join.
        assert_eq!(names_in("and more"), ["and more"]);
    }

    #[test]
    fn a_board_repeats_its_header_under_each_group() {
        let head: &[&str] = &["Name", "Responsible", "Accountable", "Status"];
        let wb = csv(&[
            head,
            &["Request form", "Grace", "Omar", "Done"],
            &["Risk screening", "Procurement", "Omar", "Done"],
            &["Contracting", "", "", ""],
            head,
            &["Negotiate terms", "Procurement", "Omar", ""],
            &["Review the MSA", "Legal", "Omar", ""],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let groups: Vec<_> = m.tasks.iter().map(|t| t.group.as_deref()).collect();
        assert_eq!(
            groups,
            [None, None, Some("Contracting"), Some("Contracting")]
        );
        assert!(m
            .notes
            .iter()
            .any(|n| n == "Rows that repeat the header, not tasks: row 5."));
    }

    #[test]
    fn a_field_of_several_values_in_repeated_columns() {
        // Jira's CSV: one column per value of a multi-user field, the same header each time.
        let r = "Custom field (Responsible)";
        let a = "Custom field (Accountable)";
        let c = "Custom field (Consulted)";
        let wb = csv(&[
            &["Summary", "Issue key", r, a, c, c, c],
            &[
                "Redesign onboarding",
                "MOB-1",
                "Liam",
                "Priya",
                "Tom",
                "Ana",
                "",
            ],
            &["Biometric login", "MOB-2", "Ana", "Priya", "Liam", "", ""],
            &[
                "Release notes",
                "MOB-3",
                "Tom",
                "Liam",
                "Ana",
                "Priya",
                "Mei",
            ],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Inverted);
        assert_eq!(m.tasks.len(), 3);
        let consulted = |task: usize| -> usize {
            m.tasks[task]
                .assignments
                .iter()
                .filter(|x| x.letters.contains(crate::model::Letter::C))
                .count()
        };
        assert_eq!((consulted(0), consulted(1), consulted(2)), (2, 1, 3));
    }

    #[test]
    fn a_trackers_card_ids_are_no_task_names() {
        let wb = csv(&[
            &["Card", "Name", "Responsible (R)", "Accountable (A)"],
            &[
                "65f1c2a9e4b0007d3c8a00",
                "Gather requirements",
                "Sales",
                "Sales Director",
            ],
            &[
                "65f1c2a9e4b0017d3c8a03",
                "Inventory the data",
                "IT",
                "IT Director",
            ],
            &[
                "65f1c2a9e4b0027d3c8a06",
                "Select the tool",
                "IT Director",
                "Sales Director",
            ],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Inverted);
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Gather requirements",
                "Inventory the data",
                "Select the tool"
            ]
        );
    }

    #[test]
    fn surnames_first_keep_their_comma() {
        use super::{names_in, surnames_first};
        let directory = ["Brennan, Patrick", "Okafor, Chidi;Tanaka, Yuki", "IT Desk"];
        assert!(surnames_first(directory.into_iter()));
        assert_eq!(
            names_in("Okafor, Chidi;Tanaka, Yuki", true),
            ["Okafor, Chidi", "Tanaka, Yuki"]
        );
        // Commas between whole names, or no `;` anywhere: the comma separates people.
        assert!(!surnames_first(
            ["Zoé Martin; Équipe Data", "François Lefèvre, Équipe Data"].into_iter()
        ));
        assert!(!surnames_first(["Ana, Luis", "Bo, Cy"].into_iter()));
        assert!(!surnames_first(["Ana, Luis; Bo"].into_iter()));
        assert!(!surnames_first(["Ana, Luis; Bo", "Cy, Dee"].into_iter()));
    }

    #[test]
    fn letters_inside_a_wide_matrix_are_no_inverted_header() {
        // Row 3 holds R and C with names under them, but it has letters just above it: it
        // is a row of a wide matrix (with notes under it), not the head of letter columns.
        let wb = csv(&[
            &["Task", "Gagan", "Rahul", "Karina"],
            &["Plan", "A/R", "C", "C"],
            &["Build", "A/R", "R", "C"],
            &["Docs", "A/R", "Data set", "Source"],
            &["Wrap", "A/R", "Taxi trips", "Open data"],
            &["Data", "A/R", "Rows", "Columns"],
        ]);
        let inverted = LayoutOptions {
            steer: crate::layout::Steering {
                shape: Some(Shape::Inverted),
                ..Default::default()
            },
            ..LayoutOptions::default()
        };
        assert!(detect(&wb, &inverted).is_err());
        assert_eq!(
            detect(&wb, &LayoutOptions::default()).unwrap().shape,
            Shape::Wide
        );
    }

    #[test]
    fn a_header_closing_on_its_letter_names_the_letter() {
        use super::header_letter;
        use crate::model::Letter;
        for (header, letter) in [
            ("Réalise (R)", Some(Letter::R)),
            ("Consulté(s) (C)", Some(Letter::C)),
            ("Who signs off (A)", Some(Letter::A)),
            ("Custom field (Consulted)", Some(Letter::C)),
            ("Informed (Executives)", Some(Letter::I)),
            ("IT (Consultants)", None),
            (
                "Benutzerdefiniertes Feld (Verantwortlich (R))",
                Some(Letter::R),
            ),
            ("Project Team Member(s)", None),
            ("Notes (see below)", None),
        ] {
            assert_eq!(header_letter(header), letter, "{header}");
        }
    }

    #[test]
    fn word_headers_echo_rows_and_errors() {
        let wb = book(vec![sheet(
            Some("Plan"),
            &[
                &[
                    "N",
                    "Tâche",
                    "Responsable",
                    "Approbateur",
                    "Consulté",
                    "Informé",
                ],
                &["1", "Build app", "R", "A", "C", "I"],
                &["1.1", "CLI", "Julien", "Titouan", "Groupe", "#NAME?"],
                &["1.2", "DB", "Julien, Yoann", "Titouan", "", ""],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Inverted);
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Build app"));
        assert_eq!(m.issues.len(), 1);
        assert_eq!(m.tasks[1].assignments.len(), 3);
    }
}
