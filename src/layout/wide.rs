//! Wide matrices: tasks as rows, one column per party, letters in the cells. Also reads
//! transposed matrices, run on the transposed grid.

use super::grid::{clean_cow, clean_name, fold, ColMap, Columns, GCell, Grid};
use super::{a1, assign, count_note, score, Candidate, CellReader, Ctx, Kind};
use crate::model::{Matrix, Pos, Shape, Side, Task};
use std::collections::{BTreeSet, HashSet};

/// Header rows are looked for among the first rows that hold text: a matrix starts near the
/// top of its sheet, and this bounds the work on large sheets.
const HEADER_SEARCH_ROWS: usize = 60;

/// Counts `(letters, marks, odd, other)` below `row`; odd marks (`x`) count as neither
/// letters nor other.
fn below4(cols: &Columns, col: u32, row: u32) -> (usize, usize, usize, usize) {
    cols.get(&col).map_or((0, 0, 0, 0), |v| v.below4(row))
}

/// Letters (odd marks included), deliberate blanks and other values below `row`.
fn below(cols: &Columns, col: u32, row: u32) -> (usize, usize, usize) {
    let (l, m, o, x) = below4(cols, col, row);
    (l + o, m, x)
}

/// Header words that name something other than a party.
fn non_party_header(text: &str) -> bool {
    let t = fold(text);
    let t = t.trim();
    const WORDS: &[&str] = &[
        "status",
        "comment",
        "note",
        "remark",
        "link",
        "url",
        "date",
        "start",
        "end",
        "due",
        "duration",
        "priority",
        "progress",
        "effort",
        "hour",
        "cost",
        "budget",
        "description",
        "wbs",
        "type",
        "side",
        "deadline",
        "total",
        "week",
        "semaine",
        "statut",
        "commentaire",
        "charge",
        "duree",
        "avancement",
    ];
    t == "id"
        || WORDS.iter().any(|w| {
            t.split(|c: char| !c.is_alphanumeric())
                .any(|x| x.starts_with(w))
        })
}

/// Template placeholders such as Vertex42's `Name or Role`.
fn placeholder(text: &str) -> bool {
    let t = fold(text);
    matches!(
        t.trim(),
        "name or role"
            | "role or name"
            | "name"
            | "role"
            | "tbd"
            | "person"
            | "insert role"
            | "..."
    )
}

/// Ids, WBS numbers and counters: `1.1.2`, `12`, `1.0.`.
fn id_like(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == ' ')
}

/// A numbered phase label (`1-INIZIALIZZAZIONE PROGETTO`, `2. Design`).
const CONTEXT_WHY: &str = "context beside the task name, kept as the task's context";

/// Verbs that open task names in RACI matrices ("Plan launch webinar", "Write release
/// notes"). Words that also name phases on their own (Launch, Release, Design, Test, Build)
/// are left out, so "Launch activities" stays a group.
const TASK_VERBS: &[&str] = &[
    "accept",
    "agree",
    "align",
    "analyse",
    "analyze",
    "approve",
    "assess",
    "check",
    "collect",
    "communicate",
    "conduct",
    "coordinate",
    "create",
    "decide",
    "define",
    "deliver",
    "document",
    "draft",
    "ensure",
    "estimate",
    "facilitate",
    "gather",
    "hire",
    "hold",
    "host",
    "identify",
    "implement",
    "interview",
    "maintain",
    "manage",
    "map",
    "measure",
    "monitor",
    "negotiate",
    "organise",
    "organize",
    "plan",
    "prepare",
    "present",
    "prioritise",
    "prioritize",
    "publish",
    "refine",
    "remove",
    "report",
    "review",
    "run",
    "schedule",
    "send",
    "set",
    "sign",
    "track",
    "train",
    "update",
    "validate",
    "verify",
    "write",
];

/// Does a label read like a task name: two words or more, opening with a task verb, and not
/// shouted in capitals the way section headings are?
fn reads_as_task(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() < 2 || !label.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let first = words[0]
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    TASK_VERBS.contains(&first.as_str())
}

fn numbered(text: &str) -> bool {
    let t = text.trim();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &t[digits..];
    let mut it = rest.chars();
    matches!(it.next(), Some('-' | '.' | ')' | ':'))
        && it.next().is_some_and(|c| c.is_alphabetic() || c == ' ')
}

/// A header that may name a party: text that is not a letter code. `Support/Pavel` and
/// `Louis - Responsable de test` hold letter words and names: still names.
fn header_like(ctx: &Ctx, cell: &super::grid::GCell) -> bool {
    cell.text().is_some() && matches!(ctx.kind(cell), Kind::Text | Kind::Partial | Kind::Odd)
}

/// A cell's value as a task name: the text, or a number or date as displayed.
fn cell_name(value: &crate::input::CellValue) -> String {
    match value.as_text() {
        Some(t) => clean_name(t),
        None => clean_name(&value.display()),
    }
}

/// `row 5` -> `Row 5`, for notes that start with a place.
pub(crate) fn cap(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// How the columns of a wide matrix were read.
#[derive(Debug)]
struct Layout {
    header: u32,
    band_end: u32,
    task_col: u32,
    group_col: Option<u32>,
    side_col: Option<u32>,
    /// Party columns with the extra columns their merged header spans.
    parties: Vec<(u32, Vec<u32>)>,
    blank_cols: Vec<u32>,
}

/// The text of a wide reading's corner and its labels, used to tell wide from transposed.
pub(crate) fn looks_transposed(w: &Candidate) -> bool {
    let m = &w.matrix;
    let corner = w.corner.as_deref().map(fold).unwrap_or_default();
    let first = |words: &[&str]| {
        words
            .iter()
            .filter_map(|w| corner.find(w))
            .min()
            .unwrap_or(usize::MAX)
    };
    let task_at = first(&[
        "task",
        "tache",
        "activit",
        "deliverable",
        "livrable",
        "aufgabe",
        "aktivit",
        "step",
        "action",
        "attivita",
        "tarea",
        "tarefa",
        "entregavel",
        "zadacha",
        "work",
        "process",
        "milestone",
        "lot",
    ]);
    let role_at = first(&[
        "role",
        "party",
        "person",
        "people",
        "member",
        "team",
        "stakeholder",
        "participant",
        "uchastnik",
        "who",
        "ruolo",
        "rolle",
        "papel",
        "personne",
        "name",
    ]);
    if task_at != role_at {
        return role_at < task_at;
    }
    let mean = |xs: Vec<usize>| xs.iter().sum::<usize>() as f64 / xs.len().max(1) as f64;
    let party_len = mean(m.parties.iter().map(|p| p.name.chars().count()).collect());
    let task_len = mean(m.tasks.iter().map(|t| t.name.chars().count()).collect());
    m.parties.len() >= 2 && party_len > task_len * 1.5
}

pub(crate) fn detect(grid: &Grid, ctx: &Ctx) -> Option<Candidate> {
    let cols = grid.columns();
    let layout = find_layout(grid, ctx, cols)?;
    build(grid, ctx, cols, &layout)
}

fn find_layout(grid: &Grid, ctx: &Ctx, cols: &Columns) -> Option<Layout> {
    // 1. The header row: most distinct party-like headers above letter columns.
    let text_rows = grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| grid.row(r).any(|(_, c)| c.text().is_some()));
    let mut best: Option<(usize, usize, u32, Vec<u32>)> = None;
    for h in text_rows.take(HEADER_SEARCH_ROWS) {
        let mut origins = BTreeSet::new();
        let mut qualifying = Vec::new();
        let mut letters_total = 0;
        for (c, cell) in grid.row(h) {
            if !header_like(ctx, cell) {
                continue;
            }
            let (letters, marks, odd, other) = below4(cols, c, h);
            let named_detail = cell.text().is_some_and(non_party_header);
            // Real letters make a party column; short marks alone (`x`) are not enough to
            // find one, only to keep one found beside real letters.
            if letters >= 1 && letters + marks + odd >= other && !named_detail {
                origins.insert(cell.origin);
                qualifying.push(c);
                letters_total += letters;
            }
        }
        let key = (origins.len(), letters_total);
        if origins.is_empty() {
            continue;
        }
        if best.as_ref().is_none_or(|b| key > (b.0, b.1)) {
            best = Some((key.0, key.1, h, qualifying));
        }
    }
    let (_, _, header, qualifying) = best?;
    let first_party = *qualifying.first()?;

    // 2. The task column: left of the parties, the column with the most distinct names.
    let mut task: Option<(usize, u32)> = None;
    let mut text_cols: Vec<(u32, usize)> = Vec::new();
    for (&c, _) in cols.range(..first_party) {
        // Only counted, never iterated: a hash set, and names borrowed when already clean.
        // Sized for the column up front: growing it rehashes every long name again.
        let mut distinct = HashSet::with_capacity(cols[&c].cells.len());
        for (r, k) in &cols[&c].cells {
            let cell = grid.get(*r, c)?;
            if *r > header && matches!(k, Kind::Text | Kind::Odd) && !cell.copy {
                let t = cell.text().unwrap_or_default();
                if !id_like(t) {
                    distinct.insert(clean_cow(t));
                }
            }
        }
        if !distinct.is_empty() {
            text_cols.push((c, distinct.len()));
            if task.is_none_or(|(n, _)| distinct.len() > n) {
                task = Some((distinct.len(), c));
            }
        }
    }
    // No column of names: tasks known only by ids (`1.1`, `1.2`) are still tasks.
    let task = task.or_else(|| {
        cols.range(..first_party)
            .map(|(&c, v)| {
                let n = v
                    .cells
                    .iter()
                    .filter(|(r, _)| *r > header)
                    .filter(|(r, _)| grid.get(*r, c).is_some_and(|x| !x.copy))
                    .count();
                (n, c)
            })
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, c)| (*n, std::cmp::Reverse(*c)))
    });
    let (task_n, task_col) = task?;
    let group_col = text_cols
        .iter()
        .rev()
        .find(|(c, n)| *c < task_col && *n < task_n && *n >= 1)
        .map(|(c, _)| *c);

    // 3. Header band: rows under the header whose party cells are the header, merged down.
    let mut band_end = header;
    loop {
        let r = band_end + 1;
        let mut copies = 0;
        let mut other = 0;
        for &c in &qualifying {
            match grid.get(r, c) {
                Some(cell) if cell.copy && cell.origin == grid.get(header, c)?.origin => {
                    copies += 1
                }
                Some(_) => other += 1,
                None => {}
            }
        }
        if copies > 0 && other == 0 {
            band_end = r;
        } else {
            break;
        }
    }

    // 4. Party columns: the qualifying ones, headers merged across several columns counted
    //    once, plus named columns beside them that are still empty.
    let header_origin = |c: u32| grid.get(header, c).map(|x| x.origin);
    let mut parties: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut side_col = None;
    for (c, cell) in grid.row(header) {
        if cell.text().is_some_and(|t| fold(t).trim() == "side") {
            side_col = Some(c);
        }
    }
    let last_q = *qualifying.last()?;
    let title_row_next = {
        let r = band_end + 1;
        let kinds: Vec<Kind> = qualifying
            .iter()
            .filter_map(|&c| grid.get(r, c).map(|x| ctx.kind(x)))
            .collect();
        !kinds.is_empty()
            && kinds.iter().all(|k| matches!(k, Kind::Text | Kind::Odd))
            && (kinds.contains(&Kind::Text) || grid.text(r, task_col).is_none())
    };
    let mut blank_cols = Vec::new();
    let max_col = cols.keys().next_back().copied().unwrap_or(0);
    let mut c = task_col + 1;
    let mut blank_run = 0;
    while c <= max_col {
        let hdr = grid.get(header, c);
        let (letters, marks, _) = below(cols, c, band_end);
        // A title row under the header (Vertex42's role groups) is not data.
        let (_, _, odd_after, other) = below4(cols, c, band_end + u32::from(title_row_next));
        let inside = c >= first_party && c <= last_q;
        if Some(c) == side_col || Some(c) == group_col {
            c += 1;
            continue;
        }
        match hdr.and_then(|h| h.text().map(|t| (h, t))) {
            Some((h, text)) => {
                blank_run = 0;
                if let Some(last) = parties.last_mut() {
                    if header_origin(last.0) == Some(h.origin) {
                        last.1.push(c);
                        c += 1;
                        continue;
                    }
                }
                let is_party = if qualifying.contains(&c) {
                    true
                } else {
                    letters == odd_after
                        && other == 0
                        && header_like(ctx, h)
                        && !placeholder(text)
                        && !non_party_header(text)
                };
                if is_party {
                    parties.push((c, Vec::new()));
                } else if c > last_q && other > 0 {
                    break;
                }
            }
            None => {
                if letters > 0 && (inside || letters + marks >= other) {
                    blank_cols.push(c);
                } else if c > last_q {
                    blank_run += 1;
                    if blank_run > 1 && letters + marks + other > 0 {
                        break;
                    }
                }
            }
        }
        c += 1;
    }
    // Columns between the task column and the first party that are not parties stay out.
    parties.retain(|(c, _)| *c > task_col);
    if parties.is_empty() {
        return None;
    }
    Some(Layout {
        header,
        band_end,
        task_col,
        group_col,
        side_col,
        parties,
        blank_cols,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Empty,
    Repeat,
    Title,
    Junk,
    Task,
    Label,
}

fn build(grid: &Grid, ctx: &Ctx, cols: &Columns, l: &Layout) -> Option<Candidate> {
    let mut m = Matrix {
        shape: if grid.transposed {
            Shape::Transposed
        } else {
            Shape::Wide
        },
        ..Matrix::default()
    };
    let party_cols: Vec<u32> = l
        .parties
        .iter()
        .flat_map(|(c, extra)| std::iter::once(*c).chain(extra.iter().copied()))
        .chain(l.blank_cols.iter().copied())
        .collect();
    let party_set: BTreeSet<u32> = party_cols.iter().copied().collect();
    // A label merged across the party columns (a phase row) is not letters: copies whose
    // value comes from outside the party columns are not content of those columns.
    let in_matrix = |r: u32, c: u32| {
        grid.get(r, c)
            .filter(|x| !x.copy || party_set.contains(&grid.grid_col(x.origin)))
    };
    let kind_at = |r: u32, c: u32| in_matrix(r, c).map(|x| ctx.kind(x));
    // Rows are read by walking the cells they hold, not by looking up every party column:
    // a row of a large matrix holds a handful of its 30 columns.
    let in_party_cols = ColMap::new(party_cols.iter().map(|&c| (c, 0)));
    let in_matrix_cell =
        |cell: &GCell| !cell.copy || party_set.contains(&grid.grid_col(cell.origin));
    let header_texts: BTreeSet<String> = l
        .parties
        .iter()
        .filter_map(|(c, _)| {
            grid.text(l.header, *c)
                .map(|t| clean_name(t).to_lowercase())
        })
        .collect();
    let task_label = grid.text(l.header, l.task_col).map(clean_name);

    // Rows, read once, with their (letters, numbers, marks) counts in the party columns.
    let mut kinds: Vec<(u32, RowKind)> = Vec::new();
    let mut row_stats: Vec<(usize, usize, usize)> = Vec::new();
    let mut seen_task = false;
    let mut prev = l.band_end;
    for r in grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| r > l.band_end)
    {
        // A gap of blank rows counts as one blank row: it separates blocks.
        if r > prev + 1 {
            kinds.push((prev + 1, RowKind::Empty));
            row_stats.push((0, 0, 0));
        }
        prev = r;
        let task_text = grid.text(r, l.task_col);
        let group_text = l.group_col.and_then(|g| grid.text(r, g));
        let mut content = 0;
        let mut letters = 0;
        let mut texts = 0;
        let mut real_letters = 0;
        let mut same_as_header = 0;
        let (mut numbers, mut marks) = (0, 0);
        for (c, cell) in grid.row(r) {
            if in_party_cols.get(c).is_none() || !in_matrix_cell(cell) {
                continue;
            }
            let k = ctx.kind(cell);
            content += 1;
            match k {
                Kind::Number => numbers += 1,
                Kind::Mark => marks += 1,
                _ => {}
            }
            if k.has_letters() {
                letters += 1;
            }
            if matches!(k, Kind::Letters | Kind::Partial) {
                real_letters += 1;
            }
            // Titles under the names: text, or a short role such as `PO` or `PM`.
            if k == Kind::Text
                || k == Kind::Odd
                    && cell
                        .text()
                        .is_some_and(|t| super::titles::title_side(t, ctx.opts).is_some())
            {
                texts += 1;
            }
            if matches!(k, Kind::Text | Kind::Odd | Kind::Partial)
                && cell
                    .text()
                    .is_some_and(|t| header_texts.contains(&clean_name(t).to_lowercase()))
            {
                same_as_header += 1;
            }
        }
        let kind = if content == 0 && task_text.is_none() && group_text.is_none() {
            RowKind::Empty
        } else if same_as_header * 2 >= header_texts.len()
            && task_text.is_some()
            && task_text.map(clean_cow).as_deref() == task_label.as_deref()
            || same_as_header >= 2 && same_as_header * 2 >= header_texts.len()
        {
            RowKind::Repeat
        } else if !seen_task && real_letters == 0 && texts * 2 >= l.parties.len() && texts > 0 {
            RowKind::Title
        } else if content > 0 {
            let junk_name = task_text.is_none_or(|t| {
                grid.get(r, l.task_col)
                    .is_some_and(|cell| ctx.kind(cell).letterish())
                    && !t.is_empty()
            });
            if letters == 0 && (task_text.is_none() || junk_name) && texts == 0 {
                RowKind::Junk
            } else {
                seen_task = true;
                RowKind::Task
            }
        } else {
            RowKind::Label
        };
        kinds.push((r, kind));
        row_stats.push((letters, numbers, marks));
    }

    // Where the matrix ends: a table of numbers under the party columns (counts, totals),
    // with its nameless header row of letters, starts after it; text without letters after a
    // blank row is a note under it. Rows without letters inside the matrix stay (milestones,
    // tasks nobody holds yet).
    let mut end = kinds.len();
    let mut ignored_tail: Option<(u32, u32, &str)> = None;
    let mut seen_letters = false;
    let mut last_letters = None;
    for (idx, &(r, _)) in kinds.iter().enumerate() {
        let (letters, numbers, _) = row_stats[idx];
        if seen_letters && numbers >= 2 && numbers > letters {
            let mut start = idx;
            if idx > 0
                && kinds[idx - 1].1 == RowKind::Task
                && grid.text(kinds[idx - 1].0, l.task_col).is_none()
            {
                start = idx - 1;
            }
            let last = kinds.last().map(|k| k.0).unwrap_or(r);
            ignored_tail = Some((
                kinds[start].0,
                last,
                "a table of numbers (counts or totals) under the matrix",
            ));
            end = start;
            break;
        }
        if letters > 0 {
            seen_letters = true;
            last_letters = Some(idx);
        }
    }
    if ignored_tail.is_none() {
        if let Some(li) = last_letters {
            let gap = kinds[li + 1..]
                .iter()
                .position(|k| k.1 == RowKind::Empty)
                .map(|p| li + 1 + p);
            if let Some(g) = gap {
                let rest: Vec<&(u32, RowKind)> = kinds[g..]
                    .iter()
                    .filter(|k| k.1 != RowKind::Empty)
                    .collect();
                if let (Some(first), Some(last)) = (rest.first(), rest.last()) {
                    ignored_tail = Some((first.0, last.0, "text without letters below the matrix"));
                    end = g;
                }
            }
        }
    }
    // Every row read, in order, for counts by row after `kinds` is cut.
    let kinds_rows: Vec<u32> = kinds.iter().map(|k| k.0).collect();
    kinds.truncate(end);
    while kinds.last().is_some_and(|k| k.1 == RowKind::Empty) {
        kinds.pop();
    }

    // Scheme, from the letters in the party columns.
    // The scheme depends on which texts appear, not how often or in what order: one of each
    // distinct text (by text id; texts without one in a set that is only fed to `scheme`,
    // which sorts them), from every cell of the party columns, copies included.
    let mut seen_ids = vec![false; ctx.text_ids()];
    let mut party_texts: Vec<&str> = Vec::new();
    let mut unnumbered: HashSet<&str> = HashSet::new();
    for &(r, _) in kinds.iter().filter(|k| k.1 == RowKind::Task) {
        for (c, cell) in grid.row(r) {
            if in_party_cols.get(c).is_none() {
                continue;
            }
            // The text is only read for an id not seen yet: reading every cell's text is
            // a cache miss per cell.
            match seen_ids.get_mut(cell.text_id() as usize) {
                Some(seen) if !*seen => {
                    *seen = true;
                    party_texts.extend(cell.text());
                }
                Some(_) => {}
                None => unnumbered.extend(cell.text()),
            }
        }
    }
    party_texts.extend(unnumbered);
    let mut scheme_notes = Vec::new();
    let scheme = ctx.scheme(party_texts.into_iter(), &mut scheme_notes);
    m.scheme = scheme.clone();
    let mut reader = CellReader::new(scheme);

    // Indentation hierarchy (MS Project exports).
    let indent_of = |r: u32| -> usize {
        grid.get(r, l.task_col)
            .and_then(|c| c.value.as_text())
            .map(|t| {
                t.chars()
                    .take_while(|c| *c == ' ' || *c == '\u{a0}')
                    .count()
            })
            .unwrap_or(0)
    };
    let labelled: Vec<u32> = kinds
        .iter()
        .filter(|k| matches!(k.1, RowKind::Task | RowKind::Label))
        .map(|k| k.0)
        .collect();
    let levels: BTreeSet<usize> = labelled.iter().map(|&r| indent_of(r)).collect();
    let indented = labelled.iter().filter(|&&r| indent_of(r) > 0).count();
    let hierarchy = levels.len() >= 2 && indented * 5 >= labelled.len();
    let task_rows: Vec<u32> = kinds
        .iter()
        .filter(|k| k.1 == RowKind::Task)
        .map(|k| k.0)
        .collect();
    // One task per task row (label rows may add a few): no regrowing a 50,000-task vector.
    m.tasks.reserve(task_rows.len());
    let numbered_tasks = task_rows
        .iter()
        .filter(|&&r| grid.text(r, l.task_col).is_some_and(numbered))
        .count();
    let phases_numbered = numbered_tasks > 0 && numbered_tasks * 2 <= task_rows.len();

    // Parties.
    let title_row = kinds.iter().find(|k| k.1 == RowKind::Title).map(|k| k.0);
    let generic_single = l.parties.len() == 1
        && grid.text(l.header, l.parties[0].0).is_some_and(|t| {
            matches!(
                fold(t).trim(),
                "role" | "raci" | "responsibility" | "letter" | "code" | "raci role"
            )
        });
    for (c, _) in &l.parties {
        let h = grid.get(l.header, *c)?;
        let raw = h.value.as_text().unwrap_or_default().to_string();
        let tr = title_row.and_then(|r| grid.text(r, *c));
        let above = if l.header > 0 {
            grid.text(l.header - 1, *c).filter(|_| {
                grid.get(l.header - 1, *c)
                    .is_some_and(|x| ctx.kind(x) == Kind::Text)
            })
        } else {
            None
        };
        let mut name = raw.clone();
        if generic_single {
            // A one-column listing (`Role` holding one party's letters): the party is the
            // one the sheet is about.
            let implied = ctx
                .sheet_name
                .map(|s| {
                    s.split_whitespace()
                        .filter(|w| {
                            !matches!(fold(w).as_str(), "raci" | "matrix" | "chart" | "sheet1")
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|s| !s.is_empty());
            if let Some(implied) = implied {
                m.notes.push(format!(
                    "Only one letter column ({} {:?}) was found: it is read as the letters of \
                     one party, named {:?} after the sheet.",
                    grid.col_label(*c),
                    clean_name(&raw),
                    implied
                ));
                name = implied;
            } else {
                m.notes.push(format!(
                    "Only one letter column ({} {:?}) was found: it is read as the letters of \
                     one party.",
                    grid.col_label(*c),
                    clean_name(&raw)
                ));
            }
        }
        m.parties.push(ctx.party(&name, h.origin, tr, above));
    }

    // Notes on the layout.
    let label = |c: u32| {
        grid.text(l.header, c)
            .map(|t| format!(" ({})", clean_name(t)))
            .unwrap_or_default()
    };
    if grid.transposed {
        m.notes.push(format!(
            "The matrix is transposed: parties are rows and tasks are columns; {} holds the task names.",
            grid.row_label(l.header)
        ));
    }
    let band = if l.band_end > l.header {
        format!("s {}-{}", l.header + 1, l.band_end + 1)
    } else {
        format!(" {}", l.header + 1)
    };
    m.notes.push(format!(
        "Header {}{band}; task names in {}{}.",
        if grid.transposed { "column" } else { "row" },
        grid.col_label(l.task_col),
        label(l.task_col)
    ));
    for r in l.header + 1..=l.band_end {
        if let Some(cell) = grid.get(r, l.task_col).filter(|c| !c.copy) {
            if let Some(t) = cell.text() {
                m.notes.push(format!(
                    "{} {:?} sits inside the header band and is read as a title, not a task.",
                    a1(cell.origin),
                    clean_name(t)
                ));
            }
        }
    }
    let above: Vec<u32> = grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| r < l.header)
        .collect();
    if let (Some(first), Some(last)) = (above.first(), above.last()) {
        m.notes.push(format!(
            "{}{} above the header hold{} titles or notes, not the matrix.",
            cap(&grid.row_label(*first)),
            if last > first {
                format!(" to {}", grid.row_label(*last))
            } else {
                String::new()
            },
            if last > first { "" } else { "s" }
        ));
    }
    if let Some(g) = l.group_col {
        m.notes.push(format!(
            "{}{} holds groups (filled down to the rows below each label).",
            cap(&grid.col_label(g)),
            label(g)
        ));
    }
    let task_head = grid.get(l.header, l.task_col).map(|x| x.origin);
    let left_cols: Vec<(u32, &str)> = cols
        .keys()
        .filter(|&&c| c != l.task_col && Some(c) != l.group_col && Some(c) != l.side_col)
        // Columns the task names are merged across are the task column itself.
        .filter(|&&c| grid.get(l.header, c).map(|x| x.origin) != task_head || task_head.is_none())
        .filter(|&&c| c < l.parties[0].0)
        .map(|&c| {
            let v = &cols[&c].cells;
            let ids = v
                .iter()
                .filter(|(r, k)| {
                    *r > l.band_end && (*k == Kind::Number || grid.text(*r, c).is_some_and(id_like))
                })
                .count();
            let why = if ids * 2 >= v.len() {
                "ids or numbers"
            } else if c < l.task_col {
                "details before the task names"
            } else {
                CONTEXT_WHY
            };
            (c, why)
        })
        .collect();
    let skipped_left: Vec<String> = left_cols
        .iter()
        .map(|&(c, why)| format!("{}{} ({why})", grid.col_label(c), label(c)))
        .collect();
    // A deliverable beside the activity describes the task: kept as its context.
    let context_cols: Vec<u32> = left_cols
        .iter()
        .filter(|(_, why)| *why == CONTEXT_WHY)
        .map(|&(c, _)| c)
        .collect();
    if !skipped_left.is_empty() {
        m.notes.push(format!(
            "Not parties, before the party columns: {}.",
            skipped_left.join(", ")
        ));
    }
    let party_desc: Vec<String> = l
        .parties
        .iter()
        .zip(&m.parties)
        .map(|((c, extra), p)| {
            let span = if extra.is_empty() {
                String::new()
            } else {
                format!(" (merged over {} columns)", extra.len() + 1)
            };
            format!("{} {}{span}", grid.col_label(*c), p.name)
        })
        .collect();
    m.notes.push(format!(
        "{} party column{}: {}.",
        m.parties.len(),
        if m.parties.len() == 1 { "" } else { "s" },
        party_desc.join(", ")
    ));
    if l.header > 0 && m.parties.iter().any(|p| p.title.is_some()) {
        let above = l
            .parties
            .iter()
            .any(|(c, _)| grid.text(l.header - 1, *c).is_some());
        if above && title_row.is_none() {
            m.notes.push(format!(
                "{} above the header groups the parties; its labels are kept as their titles.",
                cap(&grid.row_label(l.header - 1))
            ));
        }
    }
    let last_party = l.parties.last().map(|p| p.0).unwrap_or(0);
    let after: Vec<String> = cols
        .keys()
        .filter(|&&c| c > l.parties[0].0 && !party_set.contains(&c))
        .map(|&c| {
            let why = match grid.text(l.header, c) {
                Some(t) if placeholder(t) => "a placeholder header",
                Some(t) if non_party_header(t) => "its header names a detail, not a party",
                Some(_) => {
                    let (letters, _, other) = below(cols, c, l.band_end);
                    if letters == 0 {
                        "no letters in it"
                    } else if other > letters {
                        "mostly values that are not letters"
                    } else {
                        "outside the matrix"
                    }
                }
                None => {
                    if c > last_party {
                        "no header, beside the matrix"
                    } else {
                        "no header"
                    }
                }
            };
            format!("{}{} ({why})", grid.col_label(c), label(c))
        })
        .collect();
    if !after.is_empty() {
        m.notes.push(format!("Not parties: {}.", after.join(", ")));
    }
    if let Some(s) = l.side_col {
        m.notes.push(format!(
            "{} is a side column: it sets each task's side.",
            cap(&grid.col_label(s))
        ));
    }
    if !l.blank_cols.is_empty() {
        m.notes.push(format!(
            "{}: letters under a blank header; each such cell is reported.",
            l.blank_cols
                .iter()
                .map(|&c| grid.col_label(c))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(r) = title_row {
        m.notes.push(format!(
            "{} under the header holds party titles.",
            cap(&grid.row_label(r))
        ));
    }
    m.notes.extend(scheme_notes);
    if hierarchy {
        m.notes.push(
            "Task names are indented to show a hierarchy: each task's group is the row it is \
             indented under, and summary rows without letters are groups."
                .into(),
        );
    }

    // A label row with no letters is normally a group (phase) row. But a task nobody has been
    // given yet also has a label and no letters, and losing it into a group would hide the
    // very gap the audit exists to show. Such a row reads like the task names around it: it
    // starts with a verb ("Plan launch webinar"), where group rows are names ("Launch").
    let label_names: Vec<(usize, String)> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| k.1 == RowKind::Label)
        .filter_map(|(i, k)| grid.get(k.0, l.task_col).map(|c| (i, cell_name(c.value))))
        .collect();
    let first_task = kinds.iter().position(|k| k.1 == RowKind::Task);
    let opens_with_group = label_names
        .first()
        .is_some_and(|(i, _)| first_task.is_none_or(|t| *i < t));
    let noun_groups = label_names.iter().any(|(_, n)| !reads_as_task(n));
    // For each row, the next task or label row after it and the kind of the last one
    // before it: two passes, where searching from every label row was quadratic in a sheet
    // of label rows.
    let labelled_kind = |k: &(u32, RowKind)| matches!(k.1, RowKind::Task | RowKind::Label);
    let mut next_labelled: Vec<Option<usize>> = vec![None; kinds.len()];
    let mut next = None;
    for i in (0..kinds.len()).rev() {
        next_labelled[i] = next;
        if labelled_kind(&kinds[i]) {
            next = Some(i);
        }
    }
    let mut prev_labelled: Vec<Option<RowKind>> = vec![None; kinds.len()];
    let mut prev = None;
    for (i, k) in kinds.iter().enumerate() {
        prev_labelled[i] = prev;
        if labelled_kind(k) {
            prev = Some(k.1);
        }
    }
    let unassigned_task = |idx: usize, name: &str| -> bool {
        let after_task = prev_labelled[idx] == Some(RowKind::Task);
        !hierarchy && after_task && reads_as_task(name) && (noun_groups || !opens_with_group)
    };
    let mut unassigned_rows = Vec::new();

    // Tasks.
    let mut current_group: Option<String> = None;
    let mut fill_group: Option<String> = None;
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut group_rows = Vec::new();
    let mut repeats = Vec::new();
    let mut junk = Vec::new();
    let mut seen_origins: BTreeSet<(Pos, usize)> = BTreeSet::new();
    // Each party's columns (its own, then those its merged header spans), in party order.
    // They are found left to right, so they ascend, and a row's cells in column order are
    // then its party cells in party order: the row is walked instead of looked up column by
    // column. Should they not ascend, the columns are looked up in party order.
    let party_flat: Vec<(u32, u32)> = l
        .parties
        .iter()
        .enumerate()
        .flat_map(|(p, (c, extra))| {
            std::iter::once(*c)
                .chain(extra.iter().copied())
                .map(move |col| (col, p as u32))
        })
        .collect();
    let party_cols_ascending = party_flat.windows(2).all(|w| w[0].0 < w[1].0);
    let party_of = ColMap::new(party_flat.iter().copied());
    let mut row_cells: Vec<(usize, &GCell)> = Vec::new();
    for (idx, &(r, kind)) in kinds.iter().enumerate() {
        if let Some(g) = l.group_col {
            if let Some(t) = grid.text(r, g) {
                fill_group = Some(clean_name(t));
            }
        }
        // Ids and numbers name a task too when the task column holds nothing else.
        let raw_name = grid
            .get(r, l.task_col)
            .map(|c| cell_name(c.value))
            .filter(|n| !n.is_empty());
        match kind {
            RowKind::Empty | RowKind::Title => continue,
            RowKind::Repeat => {
                repeats.push(grid.row_label(r));
                continue;
            }
            RowKind::Junk => {
                junk.push(grid.row_label(r));
                continue;
            }
            RowKind::Label => {
                let name = raw_name.clone().or_else(|| fill_group.clone());
                let Some(name) = name else { continue };
                let next = next_labelled[idx].map(|i| &kinds[i]);
                let is_group = if hierarchy {
                    next.is_some_and(|n| indent_of(n.0) > indent_of(r))
                } else if next.is_some() && unassigned_task(idx, &name) {
                    unassigned_rows.push(grid.row_label(r));
                    false
                } else {
                    next.is_some()
                };
                if is_group {
                    if hierarchy {
                        let ind = indent_of(r);
                        while stack.last().is_some_and(|s| s.0 >= ind) {
                            stack.pop();
                        }
                        stack.push((ind, name.clone()));
                    }
                    current_group = Some(name);
                    group_rows.push(grid.row_label(r));
                    continue;
                }
            }
            RowKind::Task => {}
        }
        let cell = grid.get(r, l.task_col);
        let name = raw_name.unwrap_or_else(|| format!("(no name, {})", grid.row_label(r)));
        if cell.is_none() {
            m.notes.push(format!(
                "{} has letters but no task name; it is kept as task {name:?}.",
                cap(&grid.row_label(r))
            ));
        }
        let group = if hierarchy {
            let ind = indent_of(r);
            while stack.last().is_some_and(|s| s.0 >= ind) {
                stack.pop();
            }
            let g = stack.last().map(|s| s.1.clone());
            stack.push((ind, name.clone()));
            g
        } else if l.group_col.is_some() && fill_group.is_some() {
            fill_group.clone()
        } else {
            current_group.clone()
        };
        let side_override = l.side_col.and_then(|s| {
            let t = grid.text(r, s)?;
            let side = Side::parse(t);
            if side.is_none() {
                m.notes.push(format!(
                    "{} side {t:?} is not PO, PM or shared; the classifier decides.",
                    a1(grid.pos(r, s))
                ));
            }
            side
        });
        let t = m.tasks.len();
        let context: Vec<String> = context_cols
            .iter()
            .filter_map(|&c| grid.text(r, c).map(clean_name))
            .filter(|t| !t.is_empty())
            .collect();
        m.tasks.push(Task {
            context: (!context.is_empty()).then(|| context.join("; ")),
            name: name.clone(),
            group,
            pos: cell
                .map(|c| c.origin)
                .unwrap_or_else(|| grid.pos(r, l.task_col)),
            side_override,
            assignments: Vec::new(),
        });
        if phases_numbered && numbered(&name) {
            current_group = Some(name);
        }
        row_cells.clear();
        if party_cols_ascending {
            row_cells.extend(
                grid.row(r)
                    .filter_map(|(c, cell)| party_of.get(c).map(|p| (p as usize, cell))),
            );
        } else {
            row_cells.extend(
                party_flat
                    .iter()
                    .filter_map(|&(c, p)| grid.get(r, c).map(|cell| (p as usize, cell))),
            );
        }
        for &(p, cell) in &row_cells {
            if !in_matrix_cell(cell) {
                continue;
            }
            // Without merges every cell is its own origin and is met once per party.
            if grid.has_copies() && !seen_origins.insert((cell.origin, p)) {
                continue;
            }
            let letters = reader.read(&mut m, cell, Some(t), Some(p));
            assign(&mut m, t, p, letters, cell.origin);
        }
        for &c in &l.blank_cols {
            if let Some(cell) = in_matrix(r, c) {
                if !grid.has_copies() || seen_origins.insert((cell.origin, usize::MAX)) {
                    reader.read(&mut m, cell, Some(t), None);
                }
            }
        }
    }
    // Counted in the row each task's cell stands in (the top of a merged task cell).
    let marks: usize = m
        .tasks
        .iter()
        .map(|t| {
            let r = if grid.transposed {
                t.pos.col
            } else {
                t.pos.row
            };
            match kinds_rows.binary_search(&r) {
                Ok(i) => row_stats[i].2,
                Err(_) => party_cols
                    .iter()
                    .filter(|&&c| kind_at(r, c) == Some(Kind::Mark))
                    .count(),
            }
        })
        .sum();
    if marks > 0 {
        m.notes.push(format!(
            "{} mark \"not involved\" on purpose (N, -, n/a and the like).",
            super::plural(marks, "cell", "cells")
        ));
    }
    if !unassigned_rows.is_empty() {
        m.notes.push(format!(
            "{} {} no letters but {} like a task (it starts with a verb, unlike the group rows), \
             so {} kept as a task nobody is assigned to.",
            cap(&unassigned_rows.join(", ")),
            if unassigned_rows.len() == 1 {
                "has"
            } else {
                "have"
            },
            if unassigned_rows.len() == 1 {
                "reads"
            } else {
                "read"
            },
            if unassigned_rows.len() == 1 {
                "it is"
            } else {
                "they are"
            },
        ));
    }
    if !group_rows.is_empty() {
        m.notes.push(format!(
            "Group rows (a label and no letters): {}.",
            group_rows.join(", ")
        ));
    }
    if phases_numbered {
        m.notes.push(
            "Numbered phase rows carry letters of their own: each is a task and also the group \
             of the rows below it."
                .into(),
        );
    }
    if !repeats.is_empty() {
        m.notes.push(format!(
            "Repeated header rows skipped: {}.",
            repeats.join(", ")
        ));
    }
    if !junk.is_empty() {
        m.notes.push(format!(
            "Rows without a task name and without letters skipped: {}.",
            junk.join(", ")
        ));
    }
    if let Some((a, b, why)) = ignored_tail {
        m.notes.push(format!(
            "{}{} ignored: {why}.",
            cap(&grid.row_label(a)),
            if b > a {
                format!(" to {}", grid.row_label(b))
            } else {
                String::new()
            }
        ));
    }
    if m.tasks.is_empty() {
        return None;
    }
    count_note(&mut m);
    let score = score(&m);
    (score > 0).then_some(Candidate {
        matrix: m,
        score,
        corner: task_label,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{detect, LayoutOptions};
    use super::reads_as_task;
    use crate::model::{CellProblem, Letter, LetterSet, Pos, SchemeName, Shape, TitleSide};

    fn letters(m: &crate::model::Matrix, task: &str, party: &str) -> String {
        let t = m.tasks.iter().find(|t| t.name == task).expect(task);
        let p = m.parties.iter().position(|p| p.name == party).expect(party);
        t.letters_of(p).to_string()
    }

    #[test]
    fn simple_wide_csv() {
        let wb = csv(&[
            &["Task", "Ann (Product Owner)", "Bob", "PM"],
            &["Write stories", "R/A", "C", "I"],
            &["Set vision", "C", "I", "A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Wide);
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.parties.len(), 3);
        assert_eq!(letters(&m, "Write stories", "Ann (Product Owner)"), "R/A");
        assert_eq!(m.parties[0].title.as_deref(), Some("Product Owner"));
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
        assert_eq!(m.parties[2].title_side, Some(TitleSide::Ambiguous));
        assert_eq!(m.source.sheet, None);
        assert_eq!(m.scheme.name, SchemeName::Raci);
    }

    #[test]
    fn title_rows_and_ids_before_the_task_column() {
        let wb = book(vec![sheet(
            Some("RACI"),
            &[
                &["My project RACI"],
                &[],
                &["", "ID", "Task", "Ann", "Bob", "Comments"],
                &["", "1", "Plan", "R", "A", "fine"],
                &["", "2", "Build", "A", "R", ""],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.parties.len(), 2);
        assert_eq!(m.tasks[0].pos, Pos::new(3, 2));
        assert_eq!(
            m.source.cell_ref(m.tasks[1].assignments[0].pos),
            "t.xlsx[RACI]!D5"
        );
    }

    #[test]
    fn a_task_nobody_holds_is_not_mistaken_for_a_group() {
        let wb = csv(&[
            &["Task", "Ana (Product Owner)", "Tom (Product Manager)"],
            &["Discovery", "", ""],
            &["Market research", "C", "A/R"],
            &["Launch", "", ""],
            &["Go-to-market plan", "I", "A/R"],
            &["Plan launch webinar", "", ""],
            &["Collect feedback", "I", "A/R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<&str> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Market research",
                "Go-to-market plan",
                "Plan launch webinar",
                "Collect feedback"
            ]
        );
        assert!(m.tasks[2].assignments.is_empty());
        assert_eq!(m.tasks[2].group.as_deref(), Some("Launch"));
        assert_eq!(m.tasks[3].group.as_deref(), Some("Launch"));
        assert!(
            m.notes.iter().any(|n| n.contains("nobody is assigned")),
            "{:?}",
            m.notes
        );
    }

    #[test]
    fn verb_groups_stay_groups_when_every_group_is_a_verb() {
        let wb = csv(&[
            &["Task", "Dev", "Ops"],
            &["Set up the platform", "", ""],
            &["Install", "R/A", "I"],
            &["Run the platform", "", ""],
            &["Monitor", "I", "R/A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.tasks[1].group.as_deref(), Some("Run the platform"));
    }

    #[test]
    fn reads_as_task_words() {
        assert!(reads_as_task("Plan launch webinar"));
        assert!(reads_as_task("Write release notes"));
        assert!(!reads_as_task("Launch"));
        assert!(!reads_as_task("Launch activities"));
        assert!(!reads_as_task("PLAN THE PROJECT"));
        assert!(!reads_as_task("Plan"));
    }

    #[test]
    fn group_rows_and_repeated_header() {
        let wb = csv(&[
            &["Activity", "Dev", "Ops"],
            &["Infrastructure", "", ""],
            &["Install", "R/A", "I"],
            &["Activity", "Dev", "Ops"],
            &["Code", "", ""],
            &["Review", "I", "R/A"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Infrastructure"));
        assert_eq!(m.tasks[1].group.as_deref(), Some("Code"));
        assert!(m.notes.iter().any(|n| n.contains("Repeated header")));
    }

    #[test]
    fn every_cell_is_understood_or_reported() {
        let wb = book(vec![sheet(
            Some("S"),
            &[
                &["Task", "Ann", "Bob", "", "Cy"],
                &["One", "x", "#NAME?", "R", "4"],
                &["Two", "R,A,Q", "C", "", "A"],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let problems: Vec<_> = m
            .issues
            .iter()
            .map(|i| (i.raw.as_str(), &i.problem))
            .collect();
        assert_eq!(
            problems,
            vec![
                ("x", &CellProblem::UnknownLetter),
                ("#NAME?", &CellProblem::ErrorValue),
                ("R", &CellProblem::BlankPartyHeader),
                ("4", &CellProblem::NotText),
                ("R,A,Q", &CellProblem::UnknownLetter),
            ]
        );
        assert_eq!(letters(&m, "Two", "Ann"), "R/A");
        assert_eq!(m.issues[4].letters, LetterSet::of(&[Letter::R, Letter::A]));
    }

    #[test]
    fn count_table_and_junk_rows_are_not_tasks() {
        let wb = book(vec![sheet(
            Some("S"),
            &[
                &["", "Ann", "Bob"],
                &["Plan", "R", "A"],
                &["Build", "A", "R"],
                &["N", "N", "N"],
                &[],
                &["", "R", "A", "TOTAL"],
                &["Ann", "1", "1", "2"],
                &["Bob", "1", "1", "2"],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2, "{:#?}", m.notes);
        assert!(m.issues.is_empty());
        assert!(m.notes.iter().any(|n| n.contains("table of numbers")));
    }

    #[test]
    fn hierarchy_by_leading_spaces() {
        let wb = csv(&[
            &["Task Name", "A1", "B2"],
            &["Party", "A/R", "R"],
            &["   Research", "", ""],
            &["      Find room", "R", ""],
            &["      Find food", "", "R"],
            &["   Research complete", "", ""],
            &["   Plan", "R", "A"],
            &["      Book", "A", ""],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Party",
                "Find room",
                "Find food",
                "Research complete",
                "Plan",
                "Book"
            ]
        );
        assert_eq!(m.tasks[1].group.as_deref(), Some("Research"));
        assert_eq!(m.tasks[3].group.as_deref(), Some("Party"));
        assert_eq!(m.tasks[5].group.as_deref(), Some("Plan"));
    }

    #[test]
    fn merged_cells_span_parties_and_groups() {
        let mut s = sheet(
            Some("S"),
            &[
                &["Task", "", "", "PM", "", "Lead", ""],
                &["1-START", "", "", "R", "", "A", ""],
                &["Meet", "", "", "R", "", "", ""],
                &["2-BUILD", "", "", "A", "", "R", ""],
                &["Code", "", "", "I", "", "R", ""],
            ],
        );
        merge(&mut s, 0, 3, 0, 4);
        merge(&mut s, 0, 5, 0, 6);
        merge(&mut s, 2, 3, 2, 6);
        for r in 1..5 {
            merge(&mut s, r, 0, r, 2);
        }
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        assert_eq!(m.parties.len(), 2);
        assert_eq!(m.tasks.len(), 4);
        assert_eq!(letters(&m, "Meet", "Lead"), "R");
        assert_eq!(m.tasks[2].group.as_deref(), Some("1-START"));
        assert_eq!(m.tasks[3].group.as_deref(), Some("2-BUILD"));
    }

    #[test]
    fn side_column_and_roster() {
        let wb = csv(&[
            &["Task", "Side", "Ann", "Bob"],
            &["Vision", "PM", "A", "R"],
            &["Backlog", "", "R", "A"],
        ]);
        let opts = LayoutOptions {
            roster: vec![super::super::RosterEntry {
                party: "ann".into(),
                title: "Product Owner".into(),
            }],
            ..LayoutOptions::default()
        };
        let m = detect(&wb, &opts).unwrap();
        assert_eq!(m.parties.len(), 2);
        assert_eq!(m.tasks[0].side_override, Some(crate::model::Side::Pm));
        assert_eq!(m.tasks[1].side_override, None);
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
    }

    #[test]
    fn vertex42_roles_title_row_and_empty_parties() {
        let wb = book(vec![sheet(
            Some("Matrix"),
            &[
                &["RACI Matrix"],
                &[],
                &[],
                &[
                    "",
                    "",
                    "ROLES",
                    "President",
                    "Kasun",
                    "Serratore",
                    "",
                    "Consultant",
                    "Name or Role",
                    "",
                    "◄ Insert more roles by inserting new columns",
                ],
                &[
                    "",
                    "Deliverable or Task",
                    "Status",
                    "Sponsor",
                    "Sponsor",
                    "Sponsor",
                    "",
                    "Other",
                    "Other",
                    "",
                    "◄ Edit role categories to aid in organization",
                ],
                &["", "Phase 1"],
                &[
                    "",
                    "Make tables",
                    "Done",
                    "",
                    "R",
                    "S",
                    "",
                    "",
                    "",
                    "",
                    "Edit color-coding via Home > Conditional Formatting",
                ],
                &["", "Find keywords", "Done", "", "S", "R"],
            ],
        )]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["President", "Kasun", "Serratore", "Consultant"],
            "{:#?}",
            m.notes
        );
        assert_eq!(m.tasks.len(), 2, "{:#?}", m.notes);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Phase 1"));
        assert_eq!(m.parties[1].title.as_deref(), Some("Sponsor"));
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
    }

    #[test]
    fn label_merged_across_the_row_is_a_group() {
        let mut s = sheet(
            Some("S"),
            &[
                &["Task", "Ann", "Bob"],
                &["Discovery phase"],
                &["Interview users", "R", "A"],
            ],
        );
        merge(&mut s, 1, 0, 1, 2);
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 1);
        assert_eq!(m.tasks[0].group.as_deref(), Some("Discovery phase"));
        assert!(m.issues.is_empty(), "{:?}", m.issues);
    }

    #[test]
    fn tasks_known_only_by_ids() {
        let wb = csv(&[
            &["WBS", "Ann", "Bob"],
            &["1.1", "R", "A"],
            &["1.2", "A", "R"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["1.1", "1.2"]);
    }

    #[test]
    fn label_blocks_inside_and_notes_below() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &[],
            &["Phase two"],
            &[],
            &["Build", "A", "R"],
            &["Milestone", "", ""],
            &[],
            &["Notes: reviewed by the PMO"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Plan", "Build", "Milestone"], "{:#?}", m.notes);
        assert_eq!(m.tasks[1].group.as_deref(), Some("Phase two"));
        assert!(m
            .notes
            .iter()
            .any(|n| n.contains("Row 9 ignored: text without letters")));
    }

    #[test]
    fn count_table_without_a_blank_row() {
        let wb = csv(&[
            &["", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &["Build", "A", "R"],
            &["", "R", "A"],
            &["Ann", "1", "1"],
            &["Bob", "1", "1"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2, "{:#?}", m.notes);
        assert!(m.issues.is_empty());
    }

    #[test]
    fn short_titles_under_the_names() {
        let wb = csv(&[
            &["Task", "Ann", "Bob", "Cy"],
            &["", "PO", "PM", "Dev lead"],
            &["Plan", "R", "A", "x"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 1);
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
        assert_eq!(m.parties[1].title_side, Some(TitleSide::Ambiguous));
        assert_eq!(m.parties[2].title.as_deref(), Some("Dev lead"));
        assert_eq!(m.issues.len(), 1);
    }

    #[test]
    fn transposed_matrix() {
        let wb = csv(&[
            &["Role", "Write the backlog", "Set the product vision"],
            &["Ann", "R", "A"],
            &["Bob", "A", "R"],
            &["Cy", "I", "C"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Transposed);
        assert_eq!(m.tasks.len(), 2);
        assert_eq!(m.parties.len(), 3);
        assert_eq!(letters(&m, "Set the product vision", "Cy"), "C");
        assert_eq!(m.tasks[1].pos, Pos::new(0, 2));
    }

    #[test]
    fn rasci_from_letters_present() {
        let wb = csv(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "S"],
            &["Do", "A", "C"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.scheme.name, SchemeName::Rasci);
        assert!(m.issues.is_empty());
        let forced = LayoutOptions {
            scheme: Some(SchemeName::Raci),
            ..LayoutOptions::default()
        };
        let m = detect(&wb, &forced).unwrap();
        assert_eq!(m.issues.len(), 1);
    }
}
