//! Reading a wide matrix once its layout is known, in named phases: the party block, the
//! kind of every row, where the table ends, the scheme, the parties, the notes on the layout,
//! the tasks and their letters, and the closing notes.

use super::super::grid::{clean_cow, clean_name, fold, ByTextId, ColMap, Columns, GCell, Grid};
use super::super::{a1, assign, count_note, score, Candidate, CellReader, Ctx, Kind};
use super::header::{below, id_like, label_at, non_party_header, placeholder, Band, PartyCol};
use super::{cap, cell_name, numbered, reads_as_task, CONTEXT_WHY};
use crate::model::{column_name, Matrix, Party, Pos, Scheme, Shape, Side, Task};
use std::collections::{BTreeSet, HashSet};

/// How the columns of a wide matrix were read.
#[derive(Debug)]
pub(super) struct Layout {
    pub band: Band,
    pub task_col: u32,
    pub group_col: Option<u32>,
    pub side_col: Option<u32>,
    pub parties: Vec<PartyCol>,
    pub blank_cols: Vec<u32>,
    /// The party columns hold involvement marks (`x`, ticks) and no letters.
    pub marks_only: bool,
}

impl Layout {
    fn header(&self) -> u32 {
        self.band.header
    }
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

/// The party columns as one block, with the tests every row asks of its cells.
struct Block {
    /// Every party column (merged spans and blank-header columns included).
    cols: Vec<u32>,
    set: BTreeSet<u32>,
    /// Party columns for a quick look-up while walking a row.
    lookup: ColMap,
    /// Each party's columns, in party order, with the party.
    flat: Vec<(u32, u32)>,
    flat_ascending: bool,
    of_party: ColMap,
}

impl Block {
    fn new(l: &Layout) -> Block {
        let cols: Vec<u32> = l
            .parties
            .iter()
            .flat_map(|p| std::iter::once(p.col).chain(p.extra.iter().copied()))
            .chain(l.blank_cols.iter().copied())
            .collect();
        let set: BTreeSet<u32> = cols.iter().copied().collect();
        let lookup = ColMap::new(cols.iter().map(|&c| (c, 0)));
        // Each party's columns (its own, then those its merged header spans), in party order.
        // They are found left to right, so they ascend, and a row's cells in column order are
        // then its party cells in party order: the row is walked instead of looked up column
        // by column. Should they not ascend, the columns are looked up in party order.
        let flat: Vec<(u32, u32)> = l
            .parties
            .iter()
            .enumerate()
            .flat_map(|(p, pc)| {
                std::iter::once(pc.col)
                    .chain(pc.extra.iter().copied())
                    .map(move |col| (col, p as u32))
            })
            .collect();
        let flat_ascending = flat.windows(2).all(|w| w[0].0 < w[1].0);
        let of_party = ColMap::new(flat.iter().copied());
        Block {
            cols,
            set,
            lookup,
            flat,
            flat_ascending,
            of_party,
        }
    }

    /// A label merged across the party columns (a phase row) is not letters: copies whose
    /// value comes from outside the party columns are not content of those columns.
    fn holds(&self, grid: &Grid, cell: &GCell) -> bool {
        !cell.copy || self.set.contains(&grid.grid_col(cell.origin))
    }

    fn cell<'g, 'a>(&self, grid: &'g Grid<'a>, r: u32, c: u32) -> Option<&'g GCell<'a>> {
        grid.get(r, c).filter(|x| self.holds(grid, x))
    }
}

/// Every row below the header, with its kind and its (letters, numbers, marks) in the party
/// columns.
struct Rows {
    kinds: Vec<(u32, RowKind)>,
    stats: Vec<(usize, usize, usize)>,
    /// Every row read, in order, for counts by row after `kinds` is cut.
    all_rows: Vec<u32>,
}

/// Phase 1: the kind of every row: empty, a repeated header, a title row under the header,
/// junk, a task, or a label (a group, or a task nobody holds).
fn row_kinds(grid: &Grid, ctx: &Ctx, l: &Layout, block: &Block) -> Rows {
    let header_texts: BTreeSet<String> = l
        .parties
        .iter()
        .filter_map(|p| {
            grid.text(l.header(), p.col)
                .map(|t| clean_name(t).to_lowercase())
        })
        .collect();
    let task_label = grid.text(l.header(), l.task_col).map(clean_name);
    // What the two text tests below said of each text: a sheet repeats its odd marks in
    // thousands of cells, and each test cleans, folds and splits the text anew.
    let mut title_of = ByTextId::with_ids(ctx.text_ids());
    let mut header_of = ByTextId::with_ids(ctx.text_ids());
    let mut kinds: Vec<(u32, RowKind)> = Vec::new();
    let mut stats: Vec<(usize, usize, usize)> = Vec::new();
    let mut seen_task = false;
    let mut prev = l.band.end;
    for r in grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| r > l.band.end)
    {
        // A gap of blank rows counts as one blank row: it separates blocks.
        if r > prev + 1 {
            kinds.push((prev + 1, RowKind::Empty));
            stats.push((0, 0, 0));
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
            if block.lookup.get(c).is_none() || !block.holds(grid, cell) {
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
            // `Support Lead` holds a letter word, but is a role: under the names, a title.
            // Only a title row needs the test, and one comes before the first task.
            if k == Kind::Letters
                || k == Kind::Partial
                    && (seen_task || !cell.text().is_some_and(super::super::words::has_role_word))
            {
                real_letters += 1;
            }
            // Titles under the names: text, or a short role such as `PO` or `PM`.
            if k == Kind::Text
                || k == Kind::Odd
                    && title_of.test(cell, |t| {
                        super::super::titles::title_side(t, ctx.opts).is_some()
                    })
            {
                texts += 1;
            }
            if matches!(k, Kind::Text | Kind::Odd | Kind::Partial)
                && header_of.test(cell, |t| {
                    header_texts.contains(&clean_name(t).to_lowercase())
                })
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
        stats.push((letters, numbers, marks));
    }
    let all_rows = kinds.iter().map(|k| k.0).collect();
    Rows {
        kinds,
        stats,
        all_rows,
    }
}

/// `Total`, `Grand total`, `Totals`, `Gesamt`, `Summe`, `Totale`, `Totaal`: a row summing the
/// columns above it.
fn totals_label(text: &str) -> bool {
    // The labels are at most 13 characters: a text of 17 or more is a task, not folded.
    if text.trim().chars().count() > 16 {
        return false;
    }
    let t = fold(text);
    let t = t.trim().trim_end_matches(':');
    matches!(
        t,
        "total"
            | "totals"
            | "grand total"
            | "sum"
            | "gesamt"
            | "summe"
            | "totale"
            | "totaal"
            | "total general"
            | "total geral"
    )
}

/// Rows left out at the end of the table, and why.
type Tail = Option<(u32, u32, &'static str)>;

/// Phase 2: where the matrix ends. A table of numbers under the party columns (counts,
/// totals), with its nameless header row of letters, starts after it; text without letters
/// after a blank row is a note under it. Rows without letters inside the matrix stay
/// (milestones, tasks nobody holds yet). Cuts `rows` and says what was left out.
fn table_end(grid: &Grid, l: &Layout, rows: &mut Rows) -> Tail {
    let kinds = &rows.kinds;
    let mut end = kinds.len();
    let mut tail: Tail = None;
    let mut seen_letters = false;
    let mut last_letters = None;
    // A totals row (`Total`, `Grand total`, `Gesamt`) where no named task follows: a BI
    // export sums each column's letters there, so it holds letters but is no task.
    let named = |r: u32| grid.text(r, l.task_col).is_some_and(|t| !totals_label(t));
    let totals_at = |idx: usize, r: u32| {
        // The label in the task column, or, with none there, in a column before it.
        let label = grid
            .text(r, l.task_col)
            .or_else(|| (0..l.task_col).rev().find_map(|c| grid.text(r, c)));
        label.is_some_and(totals_label)
            && kinds[idx + 1..]
                .iter()
                .all(|k| k.1 != RowKind::Task || !named(k.0))
    };
    for (idx, &(r, _)) in kinds.iter().enumerate() {
        let (letters, numbers, _) = rows.stats[idx];
        if seen_letters && totals_at(idx, r) {
            let last = kinds.last().map(|k| k.0).unwrap_or(r);
            tail = Some((r, last, "a totals row under the matrix"));
            end = idx;
            break;
        }
        if seen_letters && numbers >= 2 && numbers > letters {
            let mut start = idx;
            if idx > 0
                && kinds[idx - 1].1 == RowKind::Task
                && grid.text(kinds[idx - 1].0, l.task_col).is_none()
            {
                start = idx - 1;
            }
            let last = kinds.last().map(|k| k.0).unwrap_or(r);
            tail = Some((
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
    if tail.is_none() {
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
                    tail = Some((first.0, last.0, "text without letters below the matrix"));
                    end = g;
                }
            }
        }
    }
    rows.kinds.truncate(end);
    while rows.kinds.last().is_some_and(|k| k.1 == RowKind::Empty) {
        rows.kinds.pop();
    }
    tail
}

/// Phase 3: the scheme, from the letters in the party columns. It depends on which texts
/// appear, not how often or in what order: one of each distinct text (by text id; texts
/// without one in a set that is only fed to `scheme`, which sorts them), from every cell of
/// the party columns, copies included.
fn scheme_of(grid: &Grid, ctx: &Ctx, block: &Block, rows: &Rows) -> (Scheme, Vec<String>) {
    let mut seen: ByTextId<()> = ByTextId::with_ids(ctx.text_ids());
    let mut party_texts: Vec<&str> = Vec::new();
    let mut unnumbered: HashSet<&str> = HashSet::new();
    for &(r, _) in rows.kinds.iter().filter(|k| k.1 == RowKind::Task) {
        for (c, cell) in grid.row(r) {
            if block.lookup.get(c).is_none() {
                continue;
            }
            // The text is only read for an id not seen yet: reading every cell's text is
            // a cache miss per cell.
            match seen.first_sight(cell) {
                Some(true) => party_texts.extend(cell.text()),
                Some(false) => {}
                None => unnumbered.extend(cell.text()),
            }
        }
    }
    party_texts.extend(unnumbered);
    let mut notes = Vec::new();
    let scheme = ctx.scheme(party_texts.into_iter(), &mut notes);
    (scheme, notes)
}

/// Indentation that shows a hierarchy (MS Project exports): the leading spaces of each task
/// cell, and whether the table uses them.
struct Indents<'g> {
    grid: &'g Grid<'g>,
    task_col: u32,
    hierarchy: bool,
}

impl Indents<'_> {
    fn of(&self, r: u32) -> usize {
        self.grid
            .get(r, self.task_col)
            .and_then(|c| c.value.as_text())
            .map(|t| {
                t.chars()
                    .take_while(|c| *c == ' ' || *c == '\u{a0}')
                    .count()
            })
            .unwrap_or(0)
    }
}

/// Phase 4: whether task names are indented to show a hierarchy.
fn indents<'g>(grid: &'g Grid<'g>, l: &Layout, rows: &Rows) -> Indents<'g> {
    let mut ind = Indents {
        grid,
        task_col: l.task_col,
        hierarchy: false,
    };
    let labelled: Vec<u32> = rows
        .kinds
        .iter()
        .filter(|k| matches!(k.1, RowKind::Task | RowKind::Label))
        .map(|k| k.0)
        .collect();
    let levels: BTreeSet<usize> = labelled.iter().map(|&r| ind.of(r)).collect();
    let indented = labelled.iter().filter(|&&r| ind.of(r) > 0).count();
    ind.hierarchy = levels.len() >= 2 && indented * 5 >= labelled.len();
    ind
}

/// Phase 5: the parties, titled from their header, a title row, the band row above or the
/// roster.
fn parties(grid: &Grid, ctx: &Ctx, l: &Layout, rows: &Rows, notes: &mut Vec<String>) -> Vec<Party> {
    let title_row = rows
        .kinds
        .iter()
        .find(|k| k.1 == RowKind::Title)
        .map(|k| k.0);
    let header = l.header();
    let span = (
        l.parties.first().map_or(0, |p| p.col),
        l.parties
            .iter()
            .map(|p| p.extra.last().copied().unwrap_or(p.col))
            .max()
            .unwrap_or(0),
    );
    let generic_single = l.parties.len() == 1
        && grid.text(header, l.parties[0].col).is_some_and(|t| {
            matches!(
                fold(t).trim(),
                "role" | "raci" | "responsibility" | "letter" | "code" | "raci role"
            )
        });
    let mut out = Vec::new();
    for p in &l.parties {
        let tr = title_row.and_then(|r| grid.text(r, p.col));
        // The label of the band row just above names a group of parties: their title.
        let above = if header > l.band.start && !p.qualified {
            label_at(grid, ctx, header - 1, p.col, span)
        } else {
            None
        };
        let mut name = p.raw.clone();
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
                notes.push(format!(
                    "Only one letter column ({} {:?}) was found: it is read as the letters of \
                     one party, named {:?} after the sheet.",
                    grid.col_label(p.col),
                    clean_name(&p.raw),
                    implied
                ));
                name = implied;
            } else {
                notes.push(format!(
                    "Only one letter column ({} {:?}) was found: it is read as the letters of \
                     one party.",
                    grid.col_label(p.col),
                    clean_name(&p.raw)
                ));
            }
        }
        out.push(ctx.party(&name, p.pos, tr, above.as_deref()));
    }
    out
}

/// Phase 6: the notes on the layout: transposition, the header band, rows above it, the
/// group column, the columns left out and why, titles. Returns the context columns (text
/// beside the task name that describes it, kept with each task).
fn layout_notes(
    m: &mut Matrix,
    grid: &Grid,
    cols: &Columns,
    l: &Layout,
    block: &Block,
    title_row: Option<u32>,
) -> Vec<u32> {
    let header = l.header();
    // What a party is in the sheet: a column, or a row when the matrix is transposed.
    let line = if grid.transposed { "row" } else { "column" };
    let label = |c: u32| {
        grid.text(header, c)
            .map(|t| format!(" ({})", clean_name(t)))
            .unwrap_or_default()
    };
    if grid.transposed {
        m.notes.push(format!(
            "The matrix is transposed: parties are rows and tasks are columns; {} holds the party names.",
            grid.row_label(header)
        ));
    }
    // A grid row is a sheet column when transposed: `columns A-B`, not `columns 1-2`.
    let (start, end) = (l.band.start, l.band.end);
    let band = if end <= start {
        grid.row_label(header)
    } else if grid.transposed {
        format!("columns {}-{}", column_name(start), column_name(end))
    } else {
        format!("rows {}-{}", start + 1, end + 1)
    };
    m.notes.push(format!(
        "Header {band}; task names in {}{}.",
        grid.col_label(l.task_col),
        label(l.task_col)
    ));
    if l.band.start < header {
        m.notes.push(format!(
            "The party names are in {}; the header rows above it group or label them.",
            grid.row_label(header)
        ));
    }
    for r in header + 1..=l.band.end {
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
        .filter(|&r| r < l.band.start)
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
    let task_head = grid.get(header, l.task_col).map(|x| x.origin);
    let first_party = l.parties[0].col;
    let left_cols: Vec<(u32, &str)> = cols
        .keys()
        .filter(|&&c| c != l.task_col && Some(c) != l.group_col && Some(c) != l.side_col)
        // Columns the task names are merged across are the task column itself.
        .filter(|&&c| grid.get(header, c).map(|x| x.origin) != task_head || task_head.is_none())
        .filter(|&&c| c < first_party)
        .map(|&c| {
            let v = &cols[&c].cells;
            let ids = v
                .iter()
                .filter(|(r, k)| {
                    *r > l.band.end && (*k == Kind::Number || grid.text(*r, c).is_some_and(id_like))
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
            "Not parties, before the party {line}s: {}.",
            skipped_left.join(", ")
        ));
    }
    let party_desc: Vec<String> = l
        .parties
        .iter()
        .zip(&m.parties)
        .map(|(pc, p)| {
            let span = if pc.extra.is_empty() {
                String::new()
            } else {
                format!(" (merged over {} columns)", pc.extra.len() + 1)
            };
            format!("{} {}{span}", grid.col_label(pc.col), p.name)
        })
        .collect();
    m.notes.push(format!(
        "{} party {line}{}: {}.",
        m.parties.len(),
        if m.parties.len() == 1 { "" } else { "s" },
        party_desc.join(", ")
    ));
    if l.parties.iter().any(|p| p.qualified) {
        m.notes.push(
            "Columns that share a name in the header are told apart by another header row, \
             and a person's name merged over role columns is joined to each role: each \
             column is a party of its own, named with both labels."
                .into(),
        );
    }
    if header > l.band.start && m.parties.iter().any(|p| p.title.is_some()) && title_row.is_none() {
        m.notes.push(format!(
            "{} above the header groups the parties; its labels are kept as their titles.",
            cap(&grid.row_label(header - 1))
        ));
    }
    let last_party = l.parties.last().map(|p| p.col).unwrap_or(0);
    let after: Vec<String> = cols
        .keys()
        .filter(|&&c| c > first_party && !block.set.contains(&c))
        .map(|&c| {
            let why = match grid.text(header, c) {
                Some(t) if placeholder(t) => "a placeholder header",
                Some(t) if non_party_header(t) => "its header names a detail, not a party",
                Some(_) => {
                    let (letters, _, other) = below(cols, c, l.band.end);
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
    context_cols
}

/// What reading the task rows found, for the closing notes.
#[derive(Default)]
struct TaskNotes {
    unassigned: Vec<String>,
    groups: Vec<String>,
    repeats: Vec<String>,
    junk: Vec<String>,
    sections: Vec<String>,
    continued: Vec<String>,
    merged_names: Vec<String>,
    phases_numbered: bool,
    /// Headings with sub-headings under them.
    headings: Vec<String>,
    /// Labels followed by another label they do not head: tasks nobody holds.
    headless: Vec<String>,
}

/// What a label row looks like as a heading: merged across the table (a banner), and its
/// WBS number (`1.0` is `[1]`, `2.3.1` is `[2, 3, 1]`).
#[derive(Debug, Clone)]
struct Heading {
    banner: bool,
    number: Option<Vec<u32>>,
}

impl Heading {
    /// The number is read from the label, or else from an id before it (`1.1 | Design`).
    fn of(grid: &Grid, l: &Layout, r: u32, name: &str) -> Heading {
        let banner = grid.get(r, l.task_col).is_some_and(|c| {
            let origin = c.origin;
            grid.row(r)
                .filter(|(col, x)| *col != l.task_col && x.copy && x.origin == origin)
                .count()
                >= 2
        });
        let id = || {
            grid.row(r)
                .filter(|(c, x)| *c < l.task_col && !x.copy)
                .find_map(|(_, x)| x.text().and_then(wbs_number))
        };
        Heading {
            banner,
            number: wbs_number(name).or_else(id),
        }
    }

    /// Whether this heading stands over `next`: a banner over a label that is not one, or a
    /// WBS number that `next`'s continues (`1.0` over `1.1`, `2.1` over `2.1.3`).
    fn heads(&self, next: &Heading) -> bool {
        match (&self.number, &next.number) {
            (Some(a), Some(b)) => b.len() > a.len() && b.starts_with(a),
            _ => self.banner && !next.banner,
        }
    }
}

/// `1.0 Phase` -> `[1]`, `2.3.1 Task` -> `[2, 3, 1]`, `1.1.1.4.` -> `[1, 1, 1, 4]`: the
/// numbers before the first space, with trailing zeros dropped; `None` without a number.
fn wbs_number(name: &str) -> Option<Vec<u32>> {
    let first = name.split_whitespace().next()?;
    let parts: Vec<&str> = first.trim_end_matches('.').split('.').collect();
    let mut nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>().ok())
        .collect::<Option<Vec<u32>>>()?;
    while nums.len() > 1 && nums.last() == Some(&0) {
        nums.pop();
    }
    Some(nums)
}

/// Does a row carry on the task above it: its own text in the task column, and every party
/// cell it has a copy of a cell merged down from the row above (the letters of one task
/// spread over two rows of text)?
fn continues_above(grid: &Grid, block: &Block, l: &Layout, r: u32, prev: u32) -> bool {
    // Only merged letter cells make a continuation.
    if !grid.has_copies() {
        return false;
    }
    let own_name = grid
        .get(r, l.task_col)
        .is_some_and(|c| !c.copy && c.text().is_some());
    let mut party_cells = 0;
    let mut merged_down = 0;
    for (c, cell) in grid.row(r) {
        if block.lookup.get(c).is_none() {
            continue;
        }
        party_cells += 1;
        let from_above = cell.copy && cell.origin.row != r && {
            let o = grid.get(prev, c).map(|x| x.origin);
            o == Some(cell.origin)
        };
        if from_above && !grid.transposed {
            merged_down += 1;
        }
    }
    own_name && party_cells > 0 && merged_down == party_cells
}

/// Phase 7: the tasks and their letters.
#[allow(clippy::too_many_arguments)]
fn read_tasks<'a>(
    m: &mut Matrix,
    grid: &Grid<'a>,
    l: &Layout,
    block: &Block,
    rows: &Rows,
    ind: &Indents,
    context_cols: &[u32],
    reader: &mut CellReader<'a>,
) -> TaskNotes {
    let kinds = &rows.kinds;
    let mut notes = TaskNotes::default();
    // One task per task row (label rows may add a few): no regrowing a 50,000-task vector.
    let task_rows = kinds.iter().filter(|k| k.1 == RowKind::Task).count();
    m.tasks.reserve(task_rows);
    let numbered_tasks = kinds
        .iter()
        .filter(|k| k.1 == RowKind::Task)
        .filter(|k| grid.text(k.0, l.task_col).is_some_and(numbered))
        .count();
    let phases_numbered = numbered_tasks > 0 && numbered_tasks * 2 <= task_rows;
    // Context columns every task row fills: a row that leaves them all empty and marks every
    // party "not involved" is a section heading.
    let context_filled = |r: u32| context_cols.iter().any(|&c| grid.text(r, c).is_some());
    let stats_of = |r: u32| {
        rows.all_rows
            .binary_search(&r)
            .map_or((0, 0, 0), |i| rows.stats[i])
    };
    let lettered: Vec<u32> = kinds
        .iter()
        .filter(|k| k.1 == RowKind::Task && stats_of(k.0).0 > 0)
        .map(|k| k.0)
        .collect();
    let with_context = lettered.iter().filter(|&&r| context_filled(r)).count();
    let sections_by_context =
        !context_cols.is_empty() && !lettered.is_empty() && with_context * 10 >= lettered.len() * 9;

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
        !ind.hierarchy && after_task && reads_as_task(name) && (noun_groups || !opens_with_group)
    };

    let mut current_group: Option<String> = None;
    let mut fill_group: Option<String> = None;
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut seen_origins: BTreeSet<(Pos, usize)> = BTreeSet::new();
    // The task row before, and how many rows a merged task name has named so far.
    let mut last_task_row: Option<u32> = None;
    let mut merged_name: Option<(Pos, usize)> = None;
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
                notes.repeats.push(grid.row_label(r));
                continue;
            }
            RowKind::Junk => {
                notes.junk.push(grid.row_label(r));
                continue;
            }
            RowKind::Label => {
                let name = raw_name.clone().or_else(|| fill_group.clone());
                let Some(name) = name else { continue };
                let next = next_labelled[idx].map(|i| &kinds[i]);
                let mut is_group = if ind.hierarchy {
                    next.is_some_and(|n| ind.of(n.0) > ind.of(r))
                } else if next.is_some() && unassigned_task(idx, &name) {
                    notes.unassigned.push(grid.row_label(r));
                    false
                } else {
                    next.is_some()
                };
                // A heading that a sub-heading follows: kept as the first part of the groups
                // under it. A label that heads neither a task nor a sub-heading is a task
                // nobody holds, never dropped.
                let heading = Heading::of(grid, l, r, &name);
                let next_label = next.filter(|n| n.1 == RowKind::Label);
                if is_group && !ind.hierarchy {
                    if let Some(n) = next_label {
                        let next_name = grid
                            .get(n.0, l.task_col)
                            .map(|c| cell_name(c.value))
                            .unwrap_or_default();
                        let next_heading = Heading::of(grid, l, n.0, &next_name);
                        if heading.heads(&next_heading) {
                            notes
                                .headings
                                .push(format!("{} ({name})", grid.row_label(r)));
                            continue;
                        }
                        if raw_name.is_some() {
                            is_group = false;
                            notes.headless.push(grid.row_label(r));
                        }
                    }
                }
                if is_group {
                    if ind.hierarchy {
                        let level = ind.of(r);
                        while stack.last().is_some_and(|s| s.0 >= level) {
                            stack.pop();
                        }
                        stack.push((level, name.clone()));
                    }
                    current_group = Some(name);
                    notes.groups.push(grid.row_label(r));
                    continue;
                }
            }
            RowKind::Task => {
                // A section heading: a name, every party "not involved", and none of the
                // context every task row has.
                let (letters, _, marks) = stats_of(r);
                if sections_by_context && letters == 0 && marks > 0 && !context_filled(r) {
                    if let Some(name) = raw_name.clone() {
                        current_group = Some(name);
                        notes.sections.push(grid.row_label(r));
                        continue;
                    }
                }
                // Text going on from the task above, its letters merged over both rows.
                if let (Some(prev), Some(t)) = (last_task_row, m.tasks.last_mut()) {
                    if continues_above(grid, block, l, r, prev) {
                        if let Some(more) = raw_name.as_deref() {
                            t.name = format!("{} {more}", t.name);
                            notes.continued.push(grid.row_label(r));
                            last_task_row = Some(r);
                            continue;
                        }
                    }
                }
            }
        }
        let cell = grid.get(r, l.task_col);
        let mut name = raw_name.unwrap_or_else(|| super::super::nameless_task(&grid.row_label(r)));
        if cell.is_none() {
            m.notes.push(format!(
                "{} has letters but no task name; it is kept as task {name:?}.",
                cap(&grid.row_label(r))
            ));
        }
        // A task name merged down over rows that each carry letters of their own: one task
        // a row, numbered from the second (`Security (2)`).
        let mut pos = cell.map_or_else(|| grid.pos(r, l.task_col), |c| c.origin);
        if let Some(c) = cell.filter(|c| c.copy && grid.grid_col(c.origin) == l.task_col) {
            let n = match merged_name {
                Some((o, n)) if o == c.origin => n + 1,
                _ => 2,
            };
            merged_name = Some((c.origin, n));
            name = format!("{name} ({n})");
            pos = grid.pos(r, l.task_col);
            notes.merged_names.push(grid.row_label(r));
        } else if let Some(c) = cell {
            merged_name = Some((c.origin, 1));
        }
        let group = if ind.hierarchy {
            let level = ind.of(r);
            while stack.last().is_some_and(|s| s.0 >= level) {
                stack.pop();
            }
            let g = stack.last().map(|s| s.1.clone());
            stack.push((level, name.clone()));
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
            pos,
            side_override,
            assignments: Vec::new(),
        });
        last_task_row = Some(r);
        if phases_numbered && numbered(&name) {
            current_group = Some(name);
        }
        row_cells.clear();
        if block.flat_ascending {
            row_cells.extend(
                grid.row(r)
                    .filter_map(|(c, cell)| block.of_party.get(c).map(|p| (p as usize, cell))),
            );
        } else {
            row_cells.extend(
                block
                    .flat
                    .iter()
                    .filter_map(|&(c, p)| grid.get(r, c).map(|cell| (p as usize, cell))),
            );
        }
        // Room for every party cell of the row at once: grown a push at a time, a row of 17
        // letters kept room for 32 (some 15 MB over 50,000 tasks, for the whole run).
        m.tasks[t].assignments.reserve_exact(row_cells.len());
        for &(p, cell) in &row_cells {
            if !block.holds(grid, cell) {
                continue;
            }
            // Without merges every cell is its own origin and is met once per party.
            if grid.has_copies() && !seen_origins.insert((cell.origin, p)) {
                continue;
            }
            let letters = reader.read(m, cell, Some(t), Some(p));
            assign(m, t, p, letters, cell.origin);
        }
        for &c in &l.blank_cols {
            if let Some(cell) = block.cell(grid, r, c) {
                if !grid.has_copies() || seen_origins.insert((cell.origin, usize::MAX)) {
                    reader.read(m, cell, Some(t), None);
                }
            }
        }
    }
    notes.phases_numbered = phases_numbered;
    notes
}

/// Phase 8: the closing notes: marks, tasks nobody holds, groups, rows skipped and cut.
fn closing_notes(
    m: &mut Matrix,
    grid: &Grid,
    ctx: &Ctx,
    block: &Block,
    rows: &Rows,
    notes: TaskNotes,
    tail: Tail,
) {
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
            match rows.all_rows.binary_search(&r) {
                Ok(i) => rows.stats[i].2,
                Err(_) => block
                    .cols
                    .iter()
                    .filter(|&&c| block.cell(grid, r, c).map(|x| ctx.kind(x)) == Some(Kind::Mark))
                    .count(),
            }
        })
        .sum();
    if marks > 0 {
        m.notes.push(format!(
            "{} mark \"not involved\" on purpose (N, -, n/a and the like).",
            super::super::plural(marks, "cell", "cells")
        ));
    }
    let n = notes.unassigned.len();
    if n > 0 {
        let one = n == 1;
        m.notes.push(format!(
            "{} {} no letters but {} like a task (it starts with a verb, unlike the group rows), \
             so {} kept as a task nobody is assigned to.",
            cap(&notes.unassigned.join(", ")),
            if one { "has" } else { "have" },
            if one { "reads" } else { "read" },
            if one { "it is" } else { "they are" },
        ));
    }
    if !notes.groups.is_empty() {
        m.notes.push(format!(
            "Group rows (a label and no letters): {}.",
            notes.groups.join(", ")
        ));
    }
    if !notes.headings.is_empty() {
        m.notes.push(format!(
            "Headings over sub-headings (merged across the table, or numbered 1.0 over 1.1): {}.",
            notes.headings.join(", ")
        ));
    }
    if !notes.headless.is_empty() {
        m.notes.push(format!(
            "{} {} no letters and no task under {} before the next label, so {} kept as a \
             task nobody holds.",
            cap(&notes.headless.join(", ")),
            if notes.headless.len() == 1 {
                "has"
            } else {
                "have"
            },
            if notes.headless.len() == 1 {
                "it"
            } else {
                "them"
            },
            if notes.headless.len() == 1 {
                "it is"
            } else {
                "they are"
            },
        ));
    }
    if notes.phases_numbered {
        m.notes.push(
            "Numbered phase rows carry letters of their own: each is a task and also the group \
             of the rows below it."
                .into(),
        );
    }
    if !notes.sections.is_empty() {
        m.notes.push(format!(
            "Section headings (every party marked not involved, and none of the context task \
             rows have): {}.",
            notes.sections.join(", ")
        ));
    }
    if !notes.continued.is_empty() {
        m.notes.push(format!(
            "Task names continued on the next row, under letters merged over both: {}.",
            notes.continued.join(", ")
        ));
    }
    if !notes.merged_names.is_empty() {
        m.notes.push(format!(
            "A task name merged down over rows with letters of their own names a task on each \
             row, numbered: {}.",
            notes.merged_names.join(", ")
        ));
    }
    if !notes.repeats.is_empty() {
        m.notes.push(format!(
            "Repeated header rows skipped: {}.",
            notes.repeats.join(", ")
        ));
    }
    if !notes.junk.is_empty() {
        m.notes.push(format!(
            "Rows without a task name and without letters skipped: {}.",
            notes.junk.join(", ")
        ));
    }
    if let Some((a, b, why)) = tail {
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
}

/// Reads the matrix laid out as `l`.
pub(super) fn build(grid: &Grid, ctx: &Ctx, cols: &Columns, l: &Layout) -> Option<Candidate> {
    let block = Block::new(l);
    let mut rows = row_kinds(grid, ctx, l, &block);
    let tail = table_end(grid, l, &mut rows);
    let (scheme, scheme_notes) = scheme_of(grid, ctx, &block, &rows);
    let ind = indents(grid, l, &rows);
    let mut m = Matrix {
        shape: if grid.transposed {
            Shape::Transposed
        } else {
            Shape::Wide
        },
        scheme: scheme.clone(),
        ..Matrix::default()
    };
    let mut party_notes = Vec::new();
    m.parties = parties(grid, ctx, l, &rows, &mut party_notes);
    m.notes.extend(party_notes);
    let title_row = rows
        .kinds
        .iter()
        .find(|k| k.1 == RowKind::Title)
        .map(|k| k.0);
    let context_cols = layout_notes(&mut m, grid, cols, l, &block, title_row);
    m.notes.extend(scheme_notes);
    if l.marks_only && ctx.opts.steer.x_means.is_none() {
        m.notes.push(
            "The party columns hold no letters: their x or tick marks say who is involved, not \
             how. Each mark is reported (D001) until --x-means LETTER (or x-means in raci.toml) \
             says which letter they stand for."
                .into(),
        );
    }
    if ind.hierarchy {
        m.notes.push(
            "Task names are indented to show a hierarchy: each task's group is the row it is \
             indented under, and summary rows without letters are groups."
                .into(),
        );
    }
    let mut reader = CellReader::new(scheme);
    let notes = read_tasks(
        &mut m,
        grid,
        l,
        &block,
        &rows,
        &ind,
        &context_cols,
        &mut reader,
    );
    closing_notes(&mut m, grid, ctx, &block, &rows, notes, tail);
    if m.tasks.is_empty() {
        return None;
    }
    count_note(&mut m);
    let corner = grid.text(l.header(), l.task_col).map(clean_name);
    // A file of marks has no letter yet, and is still a matrix.
    (score(&m) > 0 || l.marks_only).then(|| Candidate::new(m, corner))
}
