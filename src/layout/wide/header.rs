//! Where a wide matrix is: its header band, task column and party columns, found in named
//! phases that each return a small value, and the party names built from the header band.

use super::super::grid::{clean_cow, clean_name, fold, Columns, GCell, Grid};
use super::super::words::date_like;
use super::super::{Ctx, Kind};
use crate::model::Pos;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Header rows are looked for among the first rows that hold text: a matrix starts near the
/// top of its table, and this bounds the work on large sheets.
const HEADER_SEARCH_ROWS: usize = 60;

/// A header of at most this many rows: a group band, an environment band, names and titles.
pub(crate) const MAX_HEADER_ROWS: u32 = 4;

/// Counts `(letters, marks, odd, other)` below `row`; odd marks (`x`) count as neither
/// letters nor other.
pub(super) fn below4(cols: &Columns, col: u32, row: u32) -> (usize, usize, usize, usize) {
    cols.get(&col).map_or((0, 0, 0, 0), |v| v.below4(row))
}

/// Letters (odd marks included), deliberate blanks and other values below `row`.
pub(super) fn below(cols: &Columns, col: u32, row: u32) -> (usize, usize, usize) {
    let (l, m, o, x) = below4(cols, col, row);
    (l + o, m, x)
}

/// Words that name a column of details, not a party.
const DETAIL_WORDS: &[&str] = &[
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
    "descripcion",
    "descricao",
    "descrizione",
    "beschreibung",
    "detail",
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
    "estimat",
    // A check or count column beside the parties (`Check`: OK, `Count of A`, `# R`).
    "check",
    "validat",
    "verific",
    "kontroll",
    "controle",
    "count",
    "anzahl",
    // A tracker's fields (`Blocked By (Dependencies)`, `Predecessors`, `Tags`, `Labels`).
    "block",
    "dependenc",
    "predecessor",
    "successor",
    "tag",
    "label",
];

/// The endings a detail word takes in the seven languages: plurals, participles, `-ion`,
/// `-aire` (`commentaire`), `-a` (`verifica`), `-ies` (`dependencies`).
const DETAIL_ENDINGS: &[&str] = &[
    "", "s", "es", "e", "ed", "ing", "ion", "ions", "ation", "aire", "aires", "ario", "arios",
    "en", "y", "ies", "a", "acion", "ao", "oes", "ione", "ioni",
];

/// Small words that may stand between detail words (`Date of end`, `Durée en jours`).
const FILLER_WORDS: &[&str] = &[
    "a", "of", "de", "du", "des", "la", "le", "en", "in", "per", "by", "the", "and", "et", "y",
    "und", "e", "h", "jours", "days", "dias", "tage",
];

/// A header that names a detail (`Status`, `End date`, `Total hours`), not a party. Every
/// word of it must be a detail word: `Développeur Back-End` and `Sprint End- Acceptance`
/// name parties and tasks that merely contain one.
pub(crate) fn non_party_header(text: &str) -> bool {
    let t = fold(text);
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return false;
    }
    if t.trim() == "id" {
        return true;
    }
    // A detail word or one of its endings (`Comments`, `Commentaire`, `Estimation`), not a
    // longer word that starts like one (`Datenschutzbeauftragter` is no date, `Checker` and
    // `Validator` are roles, `Country` no count).
    let detail = |w: &&str| {
        DETAIL_WORDS.iter().any(|d| {
            w.strip_prefix(d)
                .is_some_and(|ending| DETAIL_ENDINGS.contains(&ending))
        })
    };
    words.iter().any(detail)
        && words
            .iter()
            .all(|w| detail(w) || FILLER_WORDS.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// A header that lists the codes of a flag column (`M/O/C`, `Y/N`): single letters joined
/// by separators. Its column holds those codes, not a party's letters.
pub(crate) fn code_list_header(text: &str) -> bool {
    let tokens: Vec<&str> = text
        .split(|c: char| "/|,;-".contains(c) || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    tokens.len() >= 2
        && tokens
            .iter()
            .all(|t| t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
}

/// Template placeholders such as Vertex42's `Name or Role`.
pub(super) fn placeholder(text: &str) -> bool {
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

/// Ids, WBS numbers and counters: `1.1.2`, `12`, `1.0.`; coded ids: short letter codes,
/// then numbers (`T-01`, `PHX-112`, `WP1.2`, `REQ_7`, `A.01`, `org.1`, `op.pl.1`), as trackers,
/// standards and exports number their rows; and machine ids (`65f1c2a9e4b0007d3c8a00`, a
/// UUID).
pub(crate) fn id_like(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) && !numeric(t) {
        return false;
    }
    let hex = t.len() >= 8
        && t.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        && t.chars().filter(char::is_ascii_digit).count() >= 2
        && t.chars().any(|c| c.is_ascii_alphabetic());
    if hex || numeric(t) {
        return true;
    }
    // Codes of up to six letters, each maybe followed by a separator, then the numbers.
    let mut rest = t;
    let mut codes = 0;
    loop {
        let letters = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        if letters == 0 {
            break;
        }
        // A code is short (`T`, `PHX`, `WP`, `org`): `Phase-1`, `Sprint-3` and `Office365` are
        // names with a number.
        if letters > 4 {
            return false;
        }
        codes += 1;
        rest = rest[letters..]
            .strip_prefix(['-', '_', '.'])
            .unwrap_or(&rest[letters..]);
    }
    codes >= 1 && rest.starts_with(|c: char| c.is_ascii_digit()) && numeric(rest)
}

/// Digits with dots, dashes and spaces between: `1.1.2`, `12`, `1.0.`, `3 - 4`.
fn numeric(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == ' ')
}

/// A header that may name a party: text that is not a letter code. `Support/Pavel` and
/// `Louis - Responsable de test` hold letter words and names: still names.
pub(super) fn header_like(ctx: &Ctx, cell: &GCell) -> bool {
    cell.text().is_some_and(|t| !code_list_header(t))
        && matches!(ctx.kind(cell), Kind::Text | Kind::Partial | Kind::Odd)
}

/// `Support`, `Information`: a word that reads as a letter, not a code (`RACI`, `A/R`).
fn letter_word(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 4
        && t.chars().all(char::is_alphabetic)
        && !t.chars().all(|c| c.is_uppercase())
}

/// A column of descriptions beside the task names: headed `Description`, `Notes`,
/// `Comments`, or holding multi-line bullet texts. The task name is the short label beside it.
fn describes(grid: &Grid, header: u32, col: u32, cells: &[(u32, Kind)]) -> bool {
    let headed = grid.text(header, col).is_some_and(|t| {
        let f = fold(t);
        [
            "descr",
            "detail",
            "note",
            "comment",
            "remark",
            "explan",
            "beschreib",
        ]
        .iter()
        .any(|w| f.contains(w))
    });
    let texts: Vec<&str> = cells
        .iter()
        .filter(|(r, _)| *r > header)
        .filter_map(|(r, _)| grid.text(*r, col))
        .collect();
    let bullets = texts
        .iter()
        .filter(|t| t.lines().filter(|l| !l.trim().is_empty()).count() >= 2)
        .count();
    headed || !texts.is_empty() && bullets * 2 > texts.len()
}

/// A header row: a row above letter columns, with its party-like names.
#[derive(Debug)]
pub(super) struct HeaderRow {
    pub row: u32,
    /// Its columns that head letters.
    pub qualifying: Vec<u32>,
    /// No column holds a letter: the party columns were found by their involvement marks
    /// (`x`, ticks), which are read as letters only when `--x-means` says which.
    pub marks_only: bool,
}

/// Phase 1: the header rows worth a reading, best first. Distinct names count first (a header row of team names merged
/// over pairs of columns beats the `Prod`/`Non-Prod` row under it), then the cells, then the
/// letters under them. A sheet without a single letter column is tried again with its
/// involvement marks (`x`, ticks) standing for letters: a file of marks is read, not refused.
pub(super) fn header_rows(grid: &Grid, ctx: &Ctx, cols: &Columns) -> Vec<HeaderRow> {
    let letters = |c: u32, h: u32| below4(cols, c, h);
    let found = header_row_by(grid, ctx, cols, &letters);
    if !found.is_empty() {
        return found;
    }
    // Rows of involvement marks, by column (row-major order: sorted).
    let mut marks: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for ((r, c), cell) in grid.iter() {
        if !cell.copy && cell.text().is_some_and(crate::model::is_involvement_mark) {
            marks.entry(c).or_default().push(r);
        }
    }
    if marks.is_empty() {
        return Vec::new();
    }
    let with_marks = |c: u32, h: u32| {
        let (l, m, o, x) = below4(cols, c, h);
        let n = marks
            .get(&c)
            .map_or(0, |rows| rows.len() - rows.partition_point(|&r| r <= h));
        (l + n, m, o.saturating_sub(n), x)
    };
    let mut found = header_row_by(grid, ctx, cols, &with_marks);
    for f in &mut found {
        f.marks_only = true;
    }
    found
}

/// How many header rows are tried: the best by names, cells and letters, and the runners-up
/// the scorer may prefer (a row of team names against a row of environments above it).
const HEADER_CANDIDATES: usize = 3;

/// [`header_rows`] with `counts(col, row)` giving (letters, marks, odd, other) below a row.
fn header_row_by(
    grid: &Grid,
    ctx: &Ctx,
    cols: &Columns,
    counts: &dyn Fn(u32, u32) -> (usize, usize, usize, usize),
) -> Vec<HeaderRow> {
    let steer = &ctx.opts.steer;
    // The user's header rows (counted from the table's first row) and party columns.
    let top = grid.present_rows().first().copied().unwrap_or(0);
    let header_span = steer.header_rows.map(|n| (top, top + n - 1));
    let party_span = steer.party_columns;
    let text_rows = grid
        .present_rows()
        .iter()
        .copied()
        .filter(|&r| header_span.is_none_or(|(a, b)| (a..=b).contains(&r)))
        .filter(|&r| grid.row(r).any(|(_, c)| c.text().is_some()));
    let mut found: Vec<((usize, usize, usize), HeaderRow)> = Vec::new();
    for h in text_rows.take(HEADER_SEARCH_ROWS) {
        let mut taken = Taken::default();
        // Real letters make a party column; short marks alone (`x`) are not enough to find
        // one, only to keep one found beside real letters. A column of marks with only a
        // stray letter (a flag column of M, O, C) is not a party column either.
        let lettered = |(letters, marks, odd, other): (usize, usize, usize, usize)| {
            letters >= 1 && letters + marks + odd >= other && odd <= letters
        };
        for (c, cell) in grid.row(h) {
            if party_span.is_some_and(|(a, b)| !(a..=b).contains(&c))
                || steer.task_column == Some(c)
            {
                continue;
            }
            // Columns the user named as party columns need only a header.
            if party_span.is_some() {
                if cell.text().is_some() {
                    taken.accept(c, cell, counts(c, h).0);
                }
                continue;
            }
            if !header_like(ctx, cell) {
                continue;
            }
            let found = counts(c, h);
            if lettered(found) && !cell.text().is_some_and(non_party_header) {
                taken.accept(c, cell, found.0);
            }
        }
        // A team named by a letter word (`Support`, `Information`) between two party
        // columns is a party too: a cell reads the word as a letter, a header among names
        // does not.
        if party_span.is_none() && taken.qualifying.len() >= 2 {
            let (first, last) = (
                taken.qualifying[0],
                taken.qualifying[taken.qualifying.len() - 1],
            );
            for (c, cell) in grid.row(h) {
                let inside = first < c && c < last && !taken.qualifying.contains(&c);
                if !inside || ctx.kind(cell) != Kind::Letters {
                    continue;
                }
                if !cell.text().is_some_and(letter_word) || steer.task_column == Some(c) {
                    continue;
                }
                let found = counts(c, h);
                if lettered(found) {
                    taken.accept(c, cell, found.0);
                }
            }
        }
        let Taken {
            mut origins,
            mut names,
            mut qualifying,
            letters_total,
        } = taken;
        qualifying.sort_unstable();
        // Task names stand left of the parties: a column with no names before it (task
        // names such as `Support` or `Information` that are also letter words) is no party.
        let names_before = |c: u32| {
            cols.range(..c).any(|(_, col)| {
                // Short names (`One`, `Two`) read as odd marks.
                let (_, _, odd, other) = col.below4(h);
                other + odd > 0
            })
        };
        while party_span.is_none()
            && steer.task_column.is_none()
            && qualifying.first().is_some_and(|&c| !names_before(c))
        {
            let c = qualifying.remove(0);
            if let Some(cell) = grid.get(h, c) {
                origins.remove(&cell.origin);
                names.remove(&cell.text().map(|t| clean_cow(t).to_lowercase()));
            }
        }
        if origins.is_empty() || qualifying.is_empty() {
            continue;
        }
        let key = (names.len(), origins.len(), letters_total);
        found.push((
            key,
            HeaderRow {
                row: h,
                qualifying,
                marks_only: false,
            },
        ));
    }
    // Best first; of equal rows the upper one (stable sort).
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found
        .into_iter()
        .take(HEADER_CANDIDATES)
        .map(|f| f.1)
        .collect()
}

/// Yes or no in the seven languages, or a boolean: the values of a flag column.
fn flag_word(text: &str) -> bool {
    #[rustfmt::skip]
    const FLAGS: &[&str] = &[
        "yes", "no", "y", "n", "true", "false", "oui", "non", "vrai", "faux", "ja", "nein",
        "wahr", "falsch", "si", "verdadero", "falso", "vero", "sim", "nao", "verdadeiro", "nee",
        "waar", "onwaar",
    ];
    FLAGS.contains(&fold(text).trim())
}

/// The party columns a header row qualifies, with their header cells' origins and names and
/// the letters under them.
#[derive(Default)]
struct Taken {
    origins: BTreeSet<Pos>,
    names: BTreeSet<Option<String>>,
    qualifying: Vec<u32>,
    letters_total: usize,
}

impl Taken {
    /// Takes column `c`, headed by `cell`, as a party column with `letters` letters.
    fn accept(&mut self, c: u32, cell: &GCell, letters: usize) {
        self.origins.insert(cell.origin);
        self.names
            .insert(cell.text().map(|t| clean_cow(t).to_lowercase()));
        self.qualifying.push(c);
        self.letters_total += letters;
    }
}

/// The column of task names, and a group column before it.
#[derive(Debug)]
pub(super) struct TaskColumns {
    pub task: u32,
    pub group: Option<u32>,
}

/// Phase 2: the task column: left of the parties, the column with the most distinct names,
/// unless it describes the tasks (then the labels beside it are the names).
pub(super) fn task_columns(
    grid: &Grid,
    cols: &Columns,
    header: u32,
    first_party: u32,
) -> Option<TaskColumns> {
    task_column_choices(grid, cols, header, first_party)
        .into_iter()
        .next()
}

/// [`task_columns`] first, then the runner-up the scorer may prefer: the other column of
/// names with the most distinct names, when it has more than half as many as the first (a
/// column with far fewer is a group column, never a column of tasks). A column of
/// descriptions is no runner-up: descriptions are read as activities by the scorer, and
/// the rule that they are context beside a column of names is not a guess.
pub(super) fn task_column_choices(
    grid: &Grid,
    cols: &Columns,
    header: u32,
    first_party: u32,
) -> Vec<TaskColumns> {
    let mut task: Option<(usize, u32)> = None;
    let mut described: Option<(usize, u32)> = None;
    let mut text_cols: Vec<(u32, usize)> = Vec::new();
    for (&c, column) in cols.range(..first_party) {
        // Only counted, never iterated: a hash set, and names borrowed when already clean.
        // Sized for the column up front: growing it rehashes every long name again.
        let mut distinct = HashSet::with_capacity(column.cells.len());
        let (mut ids, mut named) = (0, 0);
        for (r, k) in &column.cells {
            let Some(cell) = grid.get(*r, c) else {
                return Vec::new();
            };
            if *r <= header || cell.copy {
                continue;
            }
            let t = cell.text().unwrap_or_default();
            if *k == Kind::Number || id_like(t) {
                ids += 1;
            } else if matches!(k, Kind::Text | Kind::Odd) {
                // Dates name no task: a column of them is never the task column.
                if !date_like(t) {
                    distinct.insert(clean_cow(t));
                    named += 1;
                }
            }
        }
        // A flag column (`Summary`: Yes/No, `TRUE`/`FALSE`) names neither tasks nor groups,
        // and neither does a column of ids with a phase code here and there (`A`, `A.01`).
        if distinct.is_empty() || distinct.iter().all(|t| flag_word(t)) || ids >= named {
            continue;
        }
        let n = distinct.len();
        if describes(grid, header, c, &column.cells) {
            if described.is_none_or(|(m, _)| n > m) {
                described = Some((n, c));
            }
            continue;
        }
        text_cols.push((c, n));
        if task.is_none_or(|(m, _)| n > m) {
            task = Some((n, c));
        }
    }
    // Descriptions name the tasks when nothing else does.
    let named = task.or(described);
    // No column of names: tasks known only by ids (`1.1`, `1.2`) are still tasks.
    let task = named.or_else(|| {
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
    let Some((task_n, task_col)) = task else {
        return Vec::new();
    };
    // The group column: the nearest column of names left of the tasks with fewer names.
    let with_group = |task: u32, n: usize| TaskColumns {
        task,
        group: text_cols
            .iter()
            .rev()
            .find(|(c, m)| *c < task && *m < n && *m >= 1)
            .map(|(c, _)| *c),
    };
    let mut out = vec![with_group(task_col, task_n)];
    if named.is_some() {
        // Of equal counts the leftmost, as for the first choice.
        let second = text_cols
            .iter()
            .filter(|(c, n)| *c != task_col && n * 2 > task_n)
            .min_by_key(|(c, n)| (std::cmp::Reverse(*n), *c));
        if let Some(&(c, n)) = second {
            out.push(with_group(c, n));
        }
    }
    out
}

/// The rows of the header: from the first label row above the header row to the last row
/// the header's cells are merged down over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Band {
    pub start: u32,
    pub header: u32,
    pub end: u32,
}

/// Phase 3: the header band. Rows above the header row belong to it while they hold labels
/// over the party columns and no letters (a group band, an environment band, names), up to
/// [`MAX_HEADER_ROWS`] rows in all; a title merged over the whole table is not a label of
/// the party columns. Rows under it belong while its cells are merged down over them.
pub(super) fn band(grid: &Grid, ctx: &Ctx, header: u32, qualifying: &[u32]) -> Option<Band> {
    let (first, last) = (*qualifying.first()?, *qualifying.last()?);
    if let Some(n) = ctx.opts.steer.header_rows {
        // The user counted the header rows from the table's first row.
        let start = grid.present_rows().first().copied().unwrap_or(header);
        return Some(Band {
            start,
            header,
            end: start + n - 1,
        });
    }
    let own_label = |r: u32, c: u32| {
        grid.get(r, c).is_some_and(|x| {
            x.text().is_some()
                && (first..=last).contains(&grid.grid_col(x.origin))
                && matches!(
                    ctx.kind(x),
                    Kind::Text | Kind::Odd | Kind::Partial | Kind::Mark
                )
        })
    };
    let mut start = header;
    while start > 0 && header - (start - 1) < MAX_HEADER_ROWS {
        let r = start - 1;
        let labels = (first..=last).filter(|&c| own_label(r, c)).count();
        let letters = (first..=last)
            .filter_map(|c| grid.get(r, c))
            .filter(|x| matches!(ctx.kind(x), Kind::Letters))
            .count();
        // Names, not marks: short names (`Ann`) read as odd marks, a lone `x` does not.
        let texts = (first..=last)
            .filter_map(|c| grid.get(r, c))
            .filter(|x| (first..=last).contains(&grid.grid_col(x.origin)))
            .filter(|x| match ctx.kind(x) {
                Kind::Text => true,
                Kind::Odd => x.text().is_some_and(|t| t.chars().count() > 1),
                _ => false,
            })
            .count();
        if labels == 0 || texts == 0 || letters > 0 {
            break;
        }
        start = r;
    }
    let mut end = header;
    loop {
        let r = end + 1;
        let mut copies = 0;
        let mut other = 0;
        for &c in qualifying {
            match grid.get(r, c) {
                Some(cell) if cell.copy && cell.origin == grid.get(header, c)?.origin => {
                    copies += 1
                }
                Some(_) => other += 1,
                None => {}
            }
        }
        if copies > 0 && other == 0 {
            end = r;
        } else {
            break;
        }
    }
    Some(Band { start, header, end })
}

/// The other header bands the scorer may prefer to [`band`]'s: one to [`MAX_HEADER_ROWS`]
/// rows ending at the header row (and going down as far as the chosen band), smallest first,
/// then the chosen band ending at the header row or one row further down.
/// A row above the header row joins one only where it could be a label row: some text over
/// the party columns and no letters. The chosen band is not among them.
pub(super) fn other_bands(grid: &Grid, ctx: &Ctx, chosen: Band, qualifying: &[u32]) -> Vec<Band> {
    let (Some(&first), Some(&last)) = (qualifying.first(), qualifying.last()) else {
        return Vec::new();
    };
    let header = chosen.header;
    // Some text over the party columns and no letters; an odd mark counts as a label only
    // when it is at least `odd_chars` long.
    let label_row = |r: u32, odd_chars: usize| {
        let cells: Vec<&GCell> = (first..=last).filter_map(|c| grid.get(r, c)).collect();
        cells.iter().any(|x| {
            (first..=last).contains(&grid.grid_col(x.origin))
                && match ctx.kind(x) {
                    Kind::Text | Kind::Partial => x.text().is_some(),
                    Kind::Odd => x.text().is_some_and(|t| t.chars().count() >= odd_chars),
                    _ => false,
                }
        }) && !cells.iter().any(|x| matches!(ctx.kind(x), Kind::Letters))
    };
    let mut out = Vec::new();
    for n in 1..=MAX_HEADER_ROWS {
        let Some(start) = (header + 1).checked_sub(n) else {
            break;
        };
        // Each row added above must read as labels; the rows of the chosen band already do.
        if start < header && start < chosen.start && !label_row(start, 1) {
            break;
        }
        if start != chosen.start {
            out.push(Band { start, ..chosen });
        }
    }
    // Below the header row: the chosen band without the rows its cells are merged down
    // over, and with the row under it when that row labels the party columns (`Prod`,
    // `Non-Prod` under team names written twice) rather than holding letters. Read as
    // titles it leaves two parties of one name; read as part of the band it tells them apart.
    if chosen.end > header {
        out.push(Band {
            end: header,
            ..chosen
        });
    }
    // Under the header, names and not marks, as `band` asks: a first task row of lone `x`
    // marks is a task's, never labels.
    let next = chosen.end + 1;
    if next - chosen.start < MAX_HEADER_ROWS && label_row(next, 2) {
        out.push(Band {
            end: next,
            ..chosen
        });
    }
    out
}

/// The party and other columns of a wide matrix.
#[derive(Debug, Clone)]
pub(super) struct PartyColumns {
    /// Party columns with the extra columns their merged header spans.
    pub parties: Vec<(u32, Vec<u32>)>,
    /// Letters under a blank header.
    pub blank_cols: Vec<u32>,
    pub side_col: Option<u32>,
}

/// Phase 4: the party columns: the qualifying ones, headers merged across several columns
/// counted once, plus named columns beside them that are still empty.
pub(super) fn party_columns(
    grid: &Grid,
    ctx: &Ctx,
    cols: &Columns,
    band: Band,
    tasks: &TaskColumns,
    qualifying: &[u32],
) -> Option<PartyColumns> {
    let header = band.header;
    if let Some((a, b)) = ctx.opts.steer.party_columns {
        return Some(named_party_columns(grid, cols, header, band, a, b));
    }
    let first_party = *qualifying.first()?;
    let last_q = *qualifying.last()?;
    let header_origin = |c: u32| grid.get(header, c).map(|x| x.origin);
    let task_head = header_origin(tasks.task);
    let mut parties: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut side_col = None;
    for (c, cell) in grid.row(header) {
        if cell.text().is_some_and(|t| fold(t).trim() == "side") {
            side_col = Some(c);
        }
    }
    let title_row_next = {
        let r = band.end + 1;
        let kinds: Vec<Kind> = qualifying
            .iter()
            .filter_map(|&c| grid.get(r, c).map(|x| ctx.kind(x)))
            .collect();
        !kinds.is_empty()
            && kinds.iter().all(|k| matches!(k, Kind::Text | Kind::Odd))
            && (kinds.contains(&Kind::Text) || grid.text(r, tasks.task).is_none())
    };
    let mut blank_cols = Vec::new();
    let max_col = cols.keys().next_back().copied().unwrap_or(0);
    let mut c = tasks.task + 1;
    let mut blank_run = 0;
    while c <= max_col {
        // The task column's own header merged into the next column is still its header.
        let hdr = grid
            .get(header, c)
            .filter(|h| task_head.is_none() || Some(h.origin) != task_head);
        let (letters, marks, _) = below(cols, c, band.end);
        // A title row under the header (Vertex42's role groups) is not data.
        let (_, _, odd_after, other) = below4(cols, c, band.end + u32::from(title_row_next));
        let inside = c >= first_party && c <= last_q;
        if Some(c) == side_col || Some(c) == tasks.group {
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
                // An empty column outside the block of letters is a party nobody holds a
                // letter on, unless its header is clearly no name: a sentence, a legend
                // line or a note (`Légende : R = Réalise`, `Mise à jour : 03/07/2024`).
                let note = text.contains(" = ")
                    || text.contains(':') && text.split_whitespace().count() >= 4;
                let named = inside || !note && super::super::words::party_likeness(text) >= 0.3;
                let is_party = if qualifying.contains(&c) {
                    true
                } else {
                    letters == odd_after
                        && other == 0
                        && named
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
    parties.retain(|(c, _)| *c > tasks.task);
    if parties.is_empty() {
        return None;
    }
    Some(PartyColumns {
        parties,
        blank_cols,
        side_col,
    })
}

/// A change to the party columns of a first choice, for a reading of its own: a doubtful
/// column at either edge of the party block left out, or a column of letters beside it
/// taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PartyEdit {
    /// Leave out the party whose (first) column this is.
    Drop(u32),
    /// Read this column as one more party.
    Take(u32),
}

impl PartyColumns {
    /// These party columns with `edit` made; `None` when nothing would be left.
    pub fn edited(mut self, edit: PartyEdit) -> Option<PartyColumns> {
        match edit {
            PartyEdit::Drop(c) => self.parties.retain(|p| p.0 != c),
            PartyEdit::Take(c) => {
                self.blank_cols.retain(|&b| b != c);
                let at = self.parties.partition_point(|p| p.0 < c);
                self.parties.insert(at, (c, Vec::new()));
            }
        }
        (!self.parties.is_empty()).then_some(self)
    }
}

/// The party columns worth a second reading, each a [`PartyEdit`]: where the first choice
/// may have taken a column that is no party, or left one out. A party column at either edge
/// of the block is in doubt when it holds as much text other than letters (names or free
/// text) as letters, never for its header alone; a column just beside the
/// block is in doubt when it holds mostly letters under a header (a `Status` or `Notes`
/// header over letters). At most one of each kind on each side, so a table gets at most four.
pub(super) fn doubtful_party_columns(
    grid: &Grid,
    ctx: &Ctx,
    cols: &Columns,
    band: Band,
    tasks: &TaskColumns,
    chosen: &PartyColumns,
) -> Vec<PartyEdit> {
    let (Some(first), Some(last)) = (chosen.parties.first(), chosen.parties.last()) else {
        return Vec::new();
    };
    let last_col = last.1.last().copied().unwrap_or(last.0);
    let mut out = Vec::new();
    if chosen.parties.len() >= 2 {
        for c in [first.0, last.0] {
            // Its contents, not its header: a column of letters is a party's whatever its
            // header reads like (`Product Owner 2.` reads like the end of a sentence).
            // Mostly letters with a note or two is a party column whose notes are reported
            // as cells not understood; a reading without it would lose its letters.
            let (letters, _, _, other) = below4(cols, c, band.end);
            if other > 0 && letters > 0 && other >= letters && !out.contains(&PartyEdit::Drop(c)) {
                out.push(PartyEdit::Drop(c));
            }
        }
    }
    let beside = [first.0.checked_sub(1), last_col.checked_add(1)];
    for c in beside.into_iter().flatten() {
        let taken = c <= tasks.task
            || Some(c) == tasks.group
            || Some(c) == chosen.side_col
            || chosen.parties.iter().any(|p| p.0 == c || p.1.contains(&c));
        if taken {
            continue;
        }
        let Some(cell) = grid.get(band.header, c).filter(|h| h.text().is_some()) else {
            continue;
        };
        let (letters, _, odd, other) = below4(cols, c, band.end);
        if !cell.copy && header_like(ctx, cell) && letters > 0 && letters > other + odd {
            out.push(PartyEdit::Take(c));
        }
    }
    out
}

/// The party columns the user named (`--party-columns D:K`): each column with a header is a
/// party (a header merged across columns is one), each without one but with letters is
/// read and reported as under a blank header.
fn named_party_columns(
    grid: &Grid,
    cols: &Columns,
    header: u32,
    band: Band,
    first: u32,
    last: u32,
) -> PartyColumns {
    let mut parties: Vec<(u32, Vec<u32>)> = Vec::new();
    let mut blank_cols = Vec::new();
    for c in first..=last {
        match grid.get(header, c).filter(|h| h.text().is_some()) {
            Some(h) => match parties.last_mut() {
                Some(p) if grid.get(header, p.0).map(|x| x.origin) == Some(h.origin) => p.1.push(c),
                _ => parties.push((c, Vec::new())),
            },
            None => {
                let (letters, marks, other) = below(cols, c, band.end);
                if letters + marks + other > 0 {
                    blank_cols.push(c);
                }
            }
        }
    }
    PartyColumns {
        parties,
        blank_cols,
        side_col: None,
    }
}

/// One party column of a wide matrix, named.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PartyCol {
    pub col: u32,
    /// Columns its merged header spans, read as the same party.
    pub extra: Vec<u32>,
    /// The name as written (the header; `Team / Prod` when a second header row tells
    /// columns of one name apart).
    pub raw: String,
    /// Where its header stands.
    pub pos: Pos,
    /// Named from two header rows.
    pub qualified: bool,
}

/// A band row's own label over column `c`: its text, when the cell is not a letter and not
/// a title spread from outside the party columns.
pub(super) fn label_at(
    grid: &Grid,
    ctx: &Ctx,
    r: u32,
    c: u32,
    party_span: (u32, u32),
) -> Option<String> {
    let cell = grid.get(r, c)?;
    let from = grid.grid_col(cell.origin);
    if !(party_span.0..=party_span.1).contains(&from) {
        return None;
    }
    if !matches!(ctx.kind(cell), Kind::Text | Kind::Odd | Kind::Partial) {
        return None;
    }
    cell.text().map(clean_name)
}

/// Phase 5: party names. A name is the header row's label; where several party columns
/// share one (a team merged over `Prod` and `Non-Prod`, a person over role columns, the same
/// role written twice), another row of the band that labels each of them differently makes
/// them apart: one party per column, named `Team / Prod`, the wider label first. Of the rows
/// that tell every such column apart, the one with the fewest distinct labels is taken (an
/// environment band rather than the names of assignees). Without such a row, a merged header
/// stays one party over all its columns.
pub(super) fn party_names(
    grid: &Grid,
    ctx: &Ctx,
    band: Band,
    columns: &[(u32, Vec<u32>)],
) -> Vec<PartyCol> {
    let header = band.header;
    let span = (
        columns.first().map_or(0, |p| p.0),
        columns
            .iter()
            .map(|p| p.1.last().copied().unwrap_or(p.0))
            .max()
            .unwrap_or(0),
    );
    let raw_of = |c: u32| -> String {
        grid.get(header, c)
            .and_then(|h| h.value.as_text())
            .unwrap_or_default()
            .to_string()
    };
    // Every column with the header label it shares.
    let mut by_name: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (c, extra) in columns {
        let name = clean_name(&raw_of(*c)).to_lowercase();
        by_name
            .entry(name)
            .or_default()
            .extend(std::iter::once(*c).chain(extra.iter().copied()));
    }
    let shared: Vec<&Vec<u32>> = by_name.values().filter(|cs| cs.len() >= 2).collect();
    let other_rows: Vec<u32> = (band.start..=band.end).filter(|&r| r != header).collect();
    // A band row's label over a column; `filled`, the nearest label on its left in the
    // block when the cell is empty: a group label over several columns whose merge the file
    // lost (an ODS or CSV export writes it over the first column only).
    let label = |r: u32, c: u32, filled: bool| -> Option<String> {
        label_at(grid, ctx, r, c, span).or_else(|| {
            if !filled || grid.get(r, c).is_some() {
                return None;
            }
            (span.0..c)
                .rev()
                .find_map(|x| grid.get(r, x).map(|_| label_at(grid, ctx, r, x, span)))
                .flatten()
        })
    };
    // A row that tells the columns of every shared name apart, with the fewest labels.
    let tells_apart = |r: u32, filled: bool| {
        shared.iter().all(|cs| {
            let labels: Vec<Option<String>> = cs
                .iter()
                .map(|&c| label(r, c, filled).map(|l| l.to_lowercase()))
                .collect();
            let distinct: BTreeSet<&String> = labels.iter().flatten().collect();
            labels.iter().all(Option::is_some) && distinct.len() == labels.len()
        })
    };
    let pick = |filled: bool| {
        other_rows
            .iter()
            .copied()
            .filter(|&r| tells_apart(r, filled))
            .min_by_key(|&r| {
                let labels: BTreeSet<String> = columns
                    .iter()
                    .flat_map(|(c, e)| std::iter::once(*c).chain(e.iter().copied()))
                    .filter_map(|c| label_at(grid, ctx, r, c, span))
                    .collect();
                (labels.len(), r)
            })
            .map(|r| (r, filled))
    };
    let qualifier = if shared.is_empty() {
        None
    } else {
        pick(false).or_else(|| pick(true))
    };
    let mut out = Vec::new();
    for (c, extra) in columns {
        let name = clean_name(&raw_of(*c)).to_lowercase();
        let split = qualifier.filter(|_| by_name.get(&name).is_some_and(|cs| cs.len() >= 2));
        let Some((q, filled)) = split else {
            out.push(PartyCol {
                col: *c,
                extra: extra.clone(),
                raw: raw_of(*c),
                pos: grid
                    .get(header, *c)
                    .map_or(grid.pos(header, *c), |h| h.origin),
                qualified: false,
            });
            continue;
        };
        for col in std::iter::once(*c).chain(extra.iter().copied()) {
            let label = label(q, col, filled).unwrap_or_default();
            let width = |r: u32, col: u32| -> usize {
                let origin = grid.get(r, col).map(|x| x.origin);
                (span.0..=span.1)
                    .filter(|&x| grid.get(r, x).map(|y| y.origin) == origin)
                    .count()
            };
            let head = clean_name(&raw_of(col));
            // A filled label spans the columns it was filled over: the wider one.
            let (first, second) = if filled || width(q, col) > width(header, col) {
                (label, head)
            } else {
                (head, label)
            };
            out.push(PartyCol {
                col,
                extra: Vec::new(),
                raw: format!("{first} / {second}"),
                pos: grid.pos(header, col),
                qualified: true,
            });
        }
    }
    name_people_over_roles(grid, ctx, band, span, &mut out);
    out
}

/// A person's name merged over several party columns that each have a name of their own
/// (`Ann` over `Developer` and `Tester`): one party a column, named `Ann / Developer`. The
/// nearest band row above the header that has such a cell is taken. A group or environment
/// band (`IT/Development`, `Core team`, `Prod`) is not a person: its labels stay titles.
fn name_people_over_roles(
    grid: &Grid,
    ctx: &Ctx,
    band: Band,
    span: (u32, u32),
    parties: &mut [PartyCol],
) {
    for r in (band.start..band.header).rev() {
        // Parties by the origin of their cell in row `r`, when it spans several of them.
        let origin = |p: &PartyCol| {
            grid.get(r, p.col)
                .filter(|x| p.extra.is_empty() && !p.qualified && x.text().is_some())
                .map(|x| x.origin)
        };
        let mut spans: BTreeMap<Pos, Vec<usize>> = BTreeMap::new();
        for (i, p) in parties.iter().enumerate() {
            if let Some(o) = origin(p) {
                spans.entry(o).or_default().push(i);
            }
        }
        let people: Vec<(String, Vec<usize>)> = spans
            .into_values()
            .filter(|ps| ps.len() >= 2)
            .filter_map(|ps| {
                let label = label_at(grid, ctx, r, parties[ps[0]].col, span)?;
                super::super::words::reads_as_person(&label).then_some((label, ps))
            })
            .collect();
        if people.is_empty() {
            continue;
        }
        for (label, ps) in people {
            for i in ps {
                let p = &mut parties[i];
                p.raw = format!("{label} / {}", clean_name(&p.raw));
                p.qualified = true;
            }
        }
        return;
    }
}
