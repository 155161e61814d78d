//! `matrix.png` (or `matrix-1.png`, ...): the RACI heatmap, tasks grouped by side down the left,
//! parties across the top, one coloured letter per cell, tasks with accountability findings
//! outlined.

use super::canvas::{self, plural, Drawn, TITLE_BLOCK};
use super::stats::{party_name, side_of, task_name};
use super::style::{self, Align, Ink, INK, MARGIN, MUTED, VERMILLION};
use crate::audit::RULES;
use crate::model::{Letter, LetterSet, Side};
use crate::outcome::Outcome;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Task rows on one page: enough to see a whole phase, few enough that every name stays at
/// body size on a screen-high image.
pub const TASKS_PER_PAGE: usize = 60;
/// Party columns on one page: 40 columns of 40 px keep the image under ~2300 px wide.
pub const PARTIES_PER_PAGE: usize = 40;
/// Pages drawn at most. 50,000 tasks would make 834 pages nobody opens, and drawing them takes
/// longer than the whole audit; past this the heatmap shows the first pages (the tasks with no
/// side come last, so the first pages hold PO-side work), says so in its subtitle, and
/// `tasks.csv`, `report.xlsx` hold every task.
pub const MAX_PAGES: usize = 10;

/// The file of page `page` (from 1) of a heatmap drawn over several pages.
pub fn page_file(page: usize) -> String {
    format!("matrix-{page}.png")
}

/// The page a file name stands for, as [`page_file`] writes it (`matrix-2.png` is 2), from 1
/// to [`MAX_PAGES`]; `matrix.png`, `matrix-02.png` or `matrix-0.png` are no page. One reading
/// of the names for the page that links later pages, the registry and the folder's clean-up.
pub fn page_of(name: &str) -> Option<usize> {
    let n = name.strip_prefix("matrix-")?.strip_suffix(".png")?;
    let page: usize = n.parse().ok()?;
    (page_file(page) == name && (1..=MAX_PAGES).contains(&page)).then_some(page)
}

/// Whether `name` is a heatmap page after the first, which a page may show from its file.
pub fn later_page(name: &str) -> bool {
    page_of(name).is_some_and(|p| p > 1)
}

/// One cell of the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixCell {
    pub letters: LetterSet,
    /// The cell had text the layout could not read (it is a finding; some letters may remain).
    pub unreadable: bool,
}

/// One row of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum MatrixRow {
    /// A side's heading; `continued` when the side began on an earlier page.
    Section {
        side: Side,
        tasks: usize,
        continued: bool,
    },
    Task {
        task: usize,
        name: String,
        side: Side,
        /// One per party on the page, in the page's party order.
        cells: Vec<MatrixCell>,
        /// Codes of the marked findings on this task, sorted, no repeats.
        marks: Vec<&'static str>,
    },
}

/// One image.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixPage {
    /// `matrix.png` or `matrix-N.png`.
    pub file: String,
    /// Party indices shown, in party order.
    pub parties: Vec<usize>,
    pub rows: Vec<MatrixRow>,
    /// 1-based positions in the side-grouped task order, for the subtitle.
    pub first_task: usize,
    pub last_task: usize,
}

/// The numbers behind the heatmap pages.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixData {
    pub task_count: usize,
    pub party_count: usize,
    /// Every party's display name, in party order.
    pub party_names: Vec<String>,
    /// Tasks per side, in `Side::ALL` order.
    pub side_counts: Vec<(Side, usize)>,
    /// Codes of the rules that outline heatmap rows ([`Rule::outlines_heatmap`]) with their
    /// rule names and how many tasks carry them, in code order.
    ///
    /// [`Rule::outlines_heatmap`]: crate::audit::Rule::outlines_heatmap
    pub marked: Vec<(&'static str, &'static str, usize)>,
    /// Distinct tasks with at least one mark.
    pub flagged_tasks: usize,
    /// Letters that occur, in R, A, C, I, S, V order (R, A, C, I always listed).
    pub letters: Vec<Letter>,
    pub any_unreadable: bool,
    pub pages: Vec<MatrixPage>,
    /// Pages the whole matrix would take; more than `pages.len()` when capped at [`MAX_PAGES`].
    pub total_pages: usize,
}

/// Groups tasks by side (input order within a side) and cuts them into pages.
pub fn matrix_data(o: &Outcome) -> MatrixData {
    let m = o.matrix;
    let order: Vec<usize> = Side::ALL
        .iter()
        .flat_map(|&side| (0..m.tasks.len()).filter(move |&t| side_of(o, t) == side))
        .collect();
    let side_counts: Vec<(Side, usize)> = Side::ALL
        .iter()
        .map(|&s| (s, order.iter().filter(|&&t| side_of(o, t) == s).count()))
        .collect();

    let mut marks: Vec<BTreeSet<&'static str>> = vec![BTreeSet::new(); m.tasks.len()];
    // Code -> (rule name, tasks marked).
    let mut by_code: BTreeMap<&'static str, (&'static str, BTreeSet<usize>)> = BTreeMap::new();
    for f in o.audit.findings.iter().filter(|f| f.rule.outlines_heatmap) {
        if let Some(t) = f.task.filter(|&t| t < m.tasks.len()) {
            marks[t].insert(f.code);
            let (_, tasks) = by_code.entry(f.code).or_insert((f.name, BTreeSet::new()));
            tasks.insert(t);
        }
    }
    let marked: Vec<(&'static str, &'static str, usize)> = by_code
        .into_iter()
        .map(|(code, (name, tasks))| (code, name, tasks.len()))
        .collect();
    let flagged_tasks = marks.iter().filter(|s| !s.is_empty()).count();

    // Cells not understood, by (task, party), with the letters still read from them. One map
    // built once: looking each cell up in the list of issues made pages O(cells x issues).
    let mut unreadable: BTreeMap<(usize, usize), LetterSet> = BTreeMap::new();
    for i in &m.issues {
        if let (Some(t), Some(p)) = (i.task, i.party) {
            let e = unreadable.entry((t, p)).or_insert(LetterSet::EMPTY);
            *e = e.union(i.letters);
        }
    }

    let mut used = LetterSet::EMPTY;
    for t in &m.tasks {
        for a in &t.assignments {
            used = used.union(a.letters);
        }
    }
    for i in &m.issues {
        used = used.union(i.letters);
    }
    let letters: Vec<Letter> = Letter::ALL
        .into_iter()
        .filter(|&l| Letter::RACI.contains(&l) || used.contains(l))
        .collect();

    let party_chunks: Vec<Vec<usize>> = if m.parties.is_empty() {
        vec![Vec::new()]
    } else {
        (0..m.parties.len())
            .collect::<Vec<_>>()
            .chunks(PARTIES_PER_PAGE)
            .map(|c| c.to_vec())
            .collect()
    };
    let task_chunks: Vec<&[usize]> = if order.is_empty() {
        vec![&[]]
    } else {
        order.chunks(TASKS_PER_PAGE).collect()
    };

    let total_pages = task_chunks.len() * party_chunks.len();
    let mut pages = Vec::new();
    let mut first_task = 1;
    'pages: for chunk in &task_chunks {
        for parties in &party_chunks {
            if pages.len() == MAX_PAGES {
                break 'pages;
            }
            let mut rows = Vec::new();
            let mut current: Option<Side> = None;
            for (k, &t) in chunk.iter().enumerate() {
                let side = side_of(o, t);
                if current != Some(side) {
                    // A side continues from the previous page when this page starts inside it.
                    let continued = k == 0 && first_task > 1 && {
                        let prev = order[first_task - 2];
                        side_of(o, prev) == side
                    };
                    rows.push(MatrixRow::Section {
                        side,
                        tasks: side_counts.iter().find(|c| c.0 == side).map_or(0, |c| c.1),
                        continued,
                    });
                    current = Some(side);
                }
                let task = &m.tasks[t];
                let cells = parties
                    .iter()
                    .map(|&p| {
                        let extra = unreadable.get(&(t, p));
                        MatrixCell {
                            letters: task
                                .letters_of(p)
                                .union(extra.copied().unwrap_or(LetterSet::EMPTY)),
                            unreadable: extra.is_some(),
                        }
                    })
                    .collect();
                rows.push(MatrixRow::Task {
                    task: t,
                    name: task_name(o, t),
                    side,
                    cells,
                    marks: marks[t].iter().copied().collect(),
                });
            }
            pages.push(MatrixPage {
                file: String::new(),
                parties: parties.clone(),
                rows,
                first_task,
                last_task: first_task + chunk.len().saturating_sub(1),
            });
        }
        first_task += chunk.len();
    }
    let paged = total_pages > 1;
    for (i, page) in pages.iter_mut().enumerate() {
        page.file = if paged {
            page_file(i + 1)
        } else {
            "matrix.png".to_string()
        };
    }

    MatrixData {
        task_count: m.tasks.len(),
        party_count: m.parties.len(),
        party_names: (0..m.parties.len()).map(|p| party_name(o, p)).collect(),
        side_counts,
        marked,
        flagged_tasks,
        letters,
        any_unreadable: !unreadable.is_empty(),
        pages,
        total_pages,
    }
}

impl MatrixData {
    /// The title: what the heatmap shows about accountability.
    pub fn headline(&self) -> String {
        if self.task_count == 0 {
            return "The matrix has no tasks".to_string();
        }
        if self.flagged_tasks == 0 {
            return format!(
                "{} × {}: no task has an {} finding",
                plural(self.task_count, "task", "tasks"),
                plural(self.party_count, "party", "parties"),
                outlining_codes()
            );
        }
        let detail: Vec<String> = self
            .marked
            .iter()
            .map(|(code, _, n)| format!("{code} ×{n}"))
            .collect();
        // Codes only: the legend spells out each rule's name, and the title must fit one line.
        format!(
            "{} of {} tasks have accountability findings: {}",
            self.flagged_tasks,
            self.task_count,
            detail.join(", ")
        )
    }

    fn subtitle(&self, page: &MatrixPage, number: usize) -> String {
        let sides: Vec<String> = self
            .side_counts
            .iter()
            .map(|(s, n)| format!("{n} {}", s.as_str()))
            .collect();
        let mut s = format!("Tasks grouped by side ({}).", sides.join(", "));
        if self.total_pages > self.pages.len() {
            s = format!(
                "First {} of {} pages: the rest are in tasks.csv and report.xlsx. Page {number}: tasks {}–{}",
                self.pages.len(),
                self.total_pages,
                page.first_task,
                page.last_task
            );
            if self.party_count > PARTIES_PER_PAGE {
                let first = page.parties.first().map_or(0, |p| p + 1);
                let last = page.parties.last().map_or(0, |p| p + 1);
                s.push_str(&format!(", parties {first}–{last} of {}", self.party_count));
            }
            s.push('.');
        } else if self.pages.len() > 1 {
            s.push_str(&format!(
                " Page {number} of {}: tasks {}–{}",
                self.pages.len(),
                page.first_task,
                page.last_task
            ));
            if self.party_count > PARTIES_PER_PAGE {
                let first = page.parties.first().map_or(0, |p| p + 1);
                let last = page.parties.last().map_or(0, |p| p + 1);
                s.push_str(&format!(", parties {first}–{last} of {}", self.party_count));
            }
            s.push('.');
        }
        s
    }
}

const CELL_W: i32 = 40;
const ROW_H: i32 = 26;
const SECTION_H: i32 = 32;
const BAND_W: i32 = 10;
const NAME_MIN: i32 = 220;
/// Task names up to this wide are shown whole (about 75 characters); longer ones end in an
/// ellipsis (tasks.csv has them in full).
const NAME_MAX: i32 = 560;
const HEADER_MIN: i32 = 80;
/// Party names up to this long stand whole above their column.
const HEADER_MAX: i32 = 280;
const MARK_W: i32 = 170;

/// Pixel layout of one page, computed before drawing so the image size is known.
#[derive(Debug, Clone)]
struct PageLayout {
    width: i32,
    height: i32,
    name_w: i32,
    header_h: i32,
    grid_x: i32,
    grid_top: i32,
    legend: Vec<Vec<LegendItem>>,
    legend_top: i32,
}

#[derive(Debug, Clone)]
enum LegendItem {
    Letter(Letter),
    Unreadable,
    Side(Side),
    Mark(&'static str, &'static str),
}

impl LegendItem {
    fn label(&self) -> String {
        match self {
            LegendItem::Letter(l) => l.meaning().to_string(),
            LegendItem::Unreadable => "cell not understood (see findings)".to_string(),
            LegendItem::Side(s) => style::side_heading(*s).to_string(),
            LegendItem::Mark(code, name) => format!("{code} {name}"),
        }
    }
}

/// The codes of the rules that outline rows, as the title of a heatmap without any says them:
/// `R001, R002 or R007`.
fn outlining_codes() -> String {
    let codes: Vec<&str> = RULES
        .iter()
        .filter(|r| r.outlines_heatmap)
        .map(|r| r.code)
        .collect();
    match codes.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} or {last}", init.join(", ")),
        _ => codes.concat(),
    }
}

fn body() -> Ink {
    Ink::new(style::BODY, INK)
}

fn layout(data: &MatrixData, page: &MatrixPage) -> PageLayout {
    let ink = body();
    let widest_name = page
        .rows
        .iter()
        .filter_map(|r| match r {
            MatrixRow::Task { name, .. } => Some(style::text_width(name, ink)),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let name_w = widest_name.clamp(NAME_MIN, NAME_MAX);
    let widest_party = page
        .parties
        .iter()
        .map(|&p| style::text_width(&data.party_names[p], ink))
        .max()
        .unwrap_or(0);
    let header_h = widest_party.clamp(HEADER_MIN, HEADER_MAX) + 16;
    let grid_x = MARGIN + BAND_W + 10 + name_w + 12;
    let grid_w = CELL_W * page.parties.len().max(1) as i32;
    let width = (grid_x + grid_w + 16 + MARK_W + MARGIN).max(style::MIN_WIDTH as i32);
    let grid_top = TITLE_BLOCK + 12 + header_h;
    let rows_h: i32 = page
        .rows
        .iter()
        .map(|r| match r {
            MatrixRow::Section { .. } => SECTION_H,
            MatrixRow::Task { .. } => ROW_H,
        })
        .sum::<i32>()
        .max(ROW_H);

    let mut items: Vec<LegendItem> = data
        .letters
        .iter()
        .map(|&l| LegendItem::Letter(l))
        .collect();
    if data.any_unreadable {
        items.push(LegendItem::Unreadable);
    }
    items.extend(
        data.side_counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, _)| LegendItem::Side(*s)),
    );
    items.extend(
        data.marked
            .iter()
            .map(|(code, name, _)| LegendItem::Mark(code, name)),
    );
    let mut legend: Vec<Vec<LegendItem>> = vec![Vec::new()];
    let mut x = MARGIN;
    for item in items {
        let w = canvas::swatch_width(&item.label());
        if x + w > width - MARGIN && !legend.last().is_some_and(|l| l.is_empty()) {
            legend.push(Vec::new());
            x = MARGIN;
        }
        x += w;
        legend.last_mut().expect("one line").push(item);
    }
    let legend_top = grid_top + rows_h + 34;
    let height = legend_top + legend.len() as i32 * 32 + MARGIN;
    PageLayout {
        width,
        height,
        name_w,
        header_h,
        grid_x,
        grid_top,
        legend,
        legend_top,
    }
}

/// The image size of `page`.
pub fn page_size(data: &MatrixData, page: &MatrixPage) -> (u32, u32) {
    if data.task_count == 0 {
        return canvas::EMPTY_SIZE;
    }
    let l = layout(data, page);
    (l.width as u32, l.height as u32)
}

/// Draws page `index` of `data`.
pub fn draw_matrix_page<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &MatrixData,
    index: usize,
) -> Drawn<DB> {
    let Some(page) = data.pages.get(index) else {
        return Ok(());
    };
    if data.task_count == 0 {
        let (w, h) = canvas::EMPTY_SIZE;
        return canvas::nothing_to_show(
            area,
            (w as i32, h as i32),
            &data.headline(),
            &format!(
                "{} found, no task rows.",
                plural(data.party_count, "party column", "party columns")
            ),
            "Nothing to show: no task rows were found in the matrix.",
        );
    }
    let l = layout(data, page);
    canvas::title(
        area,
        l.width,
        &data.headline(),
        &data.subtitle(page, index + 1),
    )?;
    let ink = body();

    // Party names, reading upwards, bottom-aligned just above their column.
    let grid_w = CELL_W * page.parties.len() as i32;
    for (k, &p) in page.parties.iter().enumerate() {
        let cx = l.grid_x + k as i32 * CELL_W + CELL_W / 2;
        let name = style::fit(&data.party_names[p], ink, l.header_h - 16).0;
        style::text_up(area, &name, (cx, l.grid_top - 8), Align::Left, ink)?;
    }
    if page.parties.is_empty() {
        style::text(
            area,
            "(no parties)",
            (l.grid_x, l.grid_top - 14),
            Align::Left,
            ink.colored(MUTED),
        )?;
    }

    let mut y = l.grid_top;
    for row in &page.rows {
        match row {
            MatrixRow::Section {
                side,
                tasks,
                continued,
            } => {
                let color = style::side_color(*side);
                area.draw(&Rectangle::new(
                    [(MARGIN, y + 4), (l.grid_x + grid_w, y + SECTION_H - 2)],
                    style::tint(color, 0.22).filled(),
                ))?;
                area.draw(&Rectangle::new(
                    [(MARGIN, y + 4), (MARGIN + BAND_W, y + SECTION_H - 2)],
                    color.filled(),
                ))?;
                let label = format!(
                    "{} — {}{}",
                    style::side_heading(*side),
                    plural(*tasks, "task", "tasks"),
                    if *continued { " (continued)" } else { "" }
                );
                style::text(
                    area,
                    &label,
                    (MARGIN + BAND_W + 10, y + SECTION_H / 2 + 1),
                    Align::Left,
                    ink.bold(),
                )?;
                y += SECTION_H;
            }
            MatrixRow::Task {
                name,
                side,
                cells,
                marks,
                ..
            } => {
                area.draw(&Rectangle::new(
                    [(MARGIN, y), (MARGIN + BAND_W, y + ROW_H)],
                    style::side_color(*side).filled(),
                ))?;
                let shown = style::fit(name, ink, l.name_w).0;
                style::text(
                    area,
                    &shown,
                    (MARGIN + BAND_W + 10, y + ROW_H / 2),
                    Align::Left,
                    ink,
                )?;
                for (k, cell) in cells.iter().enumerate() {
                    let x = l.grid_x + k as i32 * CELL_W;
                    draw_cell(area, (x, y), *cell)?;
                }
                if !marks.is_empty() {
                    area.draw(&Rectangle::new(
                        [(MARGIN + BAND_W + 2, y), (l.grid_x + grid_w + 2, y + ROW_H)],
                        VERMILLION.stroke_width(2),
                    ))?;
                    let codes = style::fit(&marks.join(" "), ink.bold(), MARK_W).0;
                    style::text(
                        area,
                        &codes,
                        (l.grid_x + grid_w + 12, y + ROW_H / 2),
                        Align::Left,
                        ink.bold().colored(VERMILLION),
                    )?;
                }
                y += ROW_H;
            }
        }
    }

    for (n, line) in l.legend.iter().enumerate() {
        let ly = l.legend_top + n as i32 * 32;
        let mut x = MARGIN;
        for item in line {
            x = match item {
                LegendItem::Letter(letter) => canvas::swatch(
                    area,
                    (x, ly),
                    style::letter_color(*letter),
                    Some((&letter.as_char().to_string(), style::letter_ink(*letter))),
                    &item.label(),
                )?,
                LegendItem::Unreadable => canvas::swatch(
                    area,
                    (x, ly),
                    style::tint(style::GREY, 0.35),
                    Some(("?", INK)),
                    &item.label(),
                )?,
                LegendItem::Side(s) => {
                    canvas::swatch(area, (x, ly), style::side_color(*s), None, &item.label())?
                }
                LegendItem::Mark(..) => {
                    area.draw(&Rectangle::new(
                        [(x, ly - 10), (x + 22, ly + 10)],
                        VERMILLION.stroke_width(2),
                    ))?;
                    style::text(
                        area,
                        &item.label(),
                        (x + 30, ly),
                        Align::Left,
                        ink.colored(INK),
                    )?;
                    x + canvas::swatch_width(&item.label())
                }
            };
        }
    }
    Ok(())
}

/// One cell: a pale tile when empty, otherwise one stripe per letter in the letter's colour.
fn draw_cell<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    cell: MatrixCell,
) -> Drawn<DB> {
    let (x0, y0, x1, y1) = (x + 1, y + 1, x + CELL_W - 1, y + ROW_H - 1);
    let letters: Vec<Letter> = cell.letters.iter().collect();
    if letters.is_empty() {
        let fill = if cell.unreadable {
            style::tint(style::GREY, 0.35)
        } else {
            style::FAINT
        };
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))?;
        if cell.unreadable {
            style::text(
                area,
                "?",
                ((x0 + x1) / 2, (y0 + y1) / 2),
                Align::Center,
                Ink::new(style::BODY, INK).bold(),
            )?;
        }
        return Ok(());
    }
    let n = letters.len() as i32;
    let w = x1 - x0;
    // More letters than fit as stripes: show them as text on a neutral tile instead.
    if n > 3 {
        area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            style::tint(style::GREY, 0.35).filled(),
        ))?;
        let s: String = letters.iter().map(|l| l.as_char()).collect();
        let ink = Ink::new(style::SMALL, INK).bold();
        style::text(
            area,
            &style::fit(&s, ink, w).0,
            ((x0 + x1) / 2, (y0 + y1) / 2),
            Align::Center,
            ink,
        )?;
    } else {
        for (i, &letter) in letters.iter().enumerate() {
            let sx0 = x0 + w * i as i32 / n;
            let sx1 = x0 + w * (i as i32 + 1) / n;
            area.draw(&Rectangle::new(
                [(sx0, y0), (sx1, y1)],
                style::letter_color(letter).filled(),
            ))?;
            style::text(
                area,
                &letter.as_char().to_string(),
                ((sx0 + sx1) / 2, (y0 + y1) / 2),
                Align::Center,
                Ink::new(style::BODY, style::letter_ink(letter)).bold(),
            )?;
        }
    }
    if cell.unreadable {
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], INK.stroke_width(2)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::Fixture;

    #[test]
    fn tasks_are_grouped_by_side_in_input_order() {
        let f = Fixture::small();
        let d = matrix_data(&f.outcome());
        assert_eq!(d.pages.len(), 1);
        assert_eq!(d.pages[0].file, "matrix.png");
        let order: Vec<String> = d.pages[0]
            .rows
            .iter()
            .map(|r| match r {
                MatrixRow::Section { side, .. } => format!("[{}]", side.as_str()),
                MatrixRow::Task { name, .. } => name.clone(),
            })
            .collect();
        assert_eq!(
            order,
            [
                "[PO]",
                "Sprint planning",
                "Backlog refinement",
                "[PM]",
                "Market research",
                "[shared]",
                "Release notes",
                "[unclassified]",
                "Office party"
            ]
        );
        assert_eq!(
            d.side_counts,
            vec![
                (Side::Po, 2),
                (Side::Pm, 1),
                (Side::Shared, 1),
                (Side::Unclassified, 1)
            ]
        );
    }

    #[test]
    fn cells_carry_letters_and_unreadable_cells() {
        let f = Fixture::small();
        let d = matrix_data(&f.outcome());
        let MatrixRow::Task { cells, marks, .. } = &d.pages[0].rows[1] else {
            panic!("first row after the section is a task")
        };
        assert_eq!(cells[0].letters, LetterSet::of(&[Letter::R, Letter::A]));
        assert!(cells[2].unreadable);
        assert_eq!(marks, &vec!["R002"]);
        assert!(d.any_unreadable);
        assert_eq!(d.flagged_tasks, 2);
        assert_eq!(
            d.marked,
            vec![
                ("R001", "missing-accountable", 1),
                ("R002", "several-accountables", 1)
            ]
        );
        assert_eq!(
            d.headline(),
            "2 of 5 tasks have accountability findings: R001 ×1, R002 ×1"
        );
    }

    #[test]
    fn many_tasks_and_parties_paginate() {
        let f = Fixture::generated(130, 45);
        let d = matrix_data(&f.outcome());
        // 3 task pages (60, 60, 10) x 2 party pages (40, 5).
        assert_eq!(d.pages.len(), 6);
        assert_eq!(d.pages[0].file, "matrix-1.png");
        assert_eq!(d.pages[5].file, "matrix-6.png");
        assert_eq!(d.pages[1].parties.len(), 5);
        let tasks_on = |p: &MatrixPage| {
            p.rows
                .iter()
                .filter(|r| matches!(r, MatrixRow::Task { .. }))
                .count()
        };
        assert_eq!(tasks_on(&d.pages[0]), 60);
        assert_eq!(tasks_on(&d.pages[4]), 10);
        assert_eq!((d.pages[2].first_task, d.pages[2].last_task), (61, 120));
        // Every task appears exactly once per party chunk.
        let total: usize = d.pages.iter().step_by(2).map(tasks_on).sum();
        assert_eq!(total, 130);
        // A page that starts inside a side says so.
        assert!(matches!(
            d.pages[2].rows[0],
            MatrixRow::Section {
                continued: true,
                ..
            }
        ));
    }

    #[test]
    fn huge_matrices_stop_at_max_pages_and_say_so() {
        let f = Fixture::generated(TASKS_PER_PAGE * (MAX_PAGES + 3) + 1, 12);
        let d = matrix_data(&f.outcome());
        assert_eq!(d.pages.len(), MAX_PAGES);
        assert_eq!(d.total_pages, MAX_PAGES + 4);
        assert_eq!(
            d.pages[MAX_PAGES - 1].file,
            format!("matrix-{MAX_PAGES}.png")
        );
        let sub = d.subtitle(&d.pages[0], 1);
        assert!(
            sub.starts_with(&format!("First {MAX_PAGES} of {} pages", MAX_PAGES + 4)),
            "{sub}"
        );
        assert!(sub.contains("tasks.csv"), "{sub}");
        let small = Fixture::generated(130, 45);
        let d = matrix_data(&small.outcome());
        assert_eq!((d.pages.len(), d.total_pages), (6, 6));
        assert!(d.subtitle(&d.pages[0], 1).contains("Page 1 of 6"));
    }

    #[test]
    fn empty_matrix_has_one_page() {
        let f = Fixture::empty();
        let d = matrix_data(&f.outcome());
        assert_eq!(d.pages.len(), 1);
        assert!(d.pages[0].rows.is_empty());
        assert_eq!(d.headline(), "The matrix has no tasks");
    }
}
