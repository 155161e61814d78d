//! `co-ownership.png`: a party x party heatmap of the tasks two parties both hold R or A on;
//! the diagonal is each party's own R/A task count.

use super::canvas::{self, plural, Drawn, TITLE_BLOCK};
use super::stats::party_name;
use super::style::{self, Align, Ink, BLUE, INK, MARGIN, MUTED, WHITE};
use crate::outcome::Outcome;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Parties on each axis at most; the rest are counted in the subtitle. 30 columns of 38 px
/// keep names and numbers at body size.
pub const TOP_PARTIES: usize = 30;

/// The numbers behind `co-ownership.png`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoOwnershipData {
    pub party_count: usize,
    /// Party indices on both axes, in party order: those with the most R/A tasks.
    pub parties: Vec<usize>,
    pub names: Vec<String>,
    /// `counts[i][j]`: tasks where `parties[i]` and `parties[j]` both hold R or A.
    pub counts: Vec<Vec<usize>>,
    /// Parties holding R or A somewhere that did not fit on the axes.
    pub left_out: usize,
    /// Parties holding no R or A at all (nothing to co-own).
    pub without_ra: usize,
    /// The pair sharing the most tasks (first in party order on ties), among the parties
    /// shown.
    pub top_pair: Option<(String, String, usize)>,
    /// Pairs sharing at least one task, among the parties shown.
    pub pairs: usize,
}

/// The chart's numbers, in time and memory linear in the matrix's letters.
///
/// Pairs are counted among the parties shown only: over every party, the pair counts are a
/// party x party table (40,000 parties made it 12 GB) and the work grows with the square of a
/// task's owners. The busiest parties come first, and the footnote says when the pairs are
/// those of the parties shown.
pub fn coownership_data(o: &Outcome) -> CoOwnershipData {
    let n = o.matrix.parties.len();
    // Each party's own R/A tasks (a task counts once however many cells it has for them).
    let mut own = vec![0usize; n];
    let mut last_task = vec![usize::MAX; n];
    for (t, task) in o.matrix.tasks.iter().enumerate() {
        for a in &task.assignments {
            if a.letters.owns() && a.party < n && last_task[a.party] != t {
                last_task[a.party] = t;
                own[a.party] += 1;
            }
        }
    }
    let with_ra: Vec<usize> = (0..n).filter(|&p| own[p] > 0).collect();
    let mut ranked = with_ra.clone();
    ranked.sort_by_key(|&p| (std::cmp::Reverse(own[p]), p));
    ranked.truncate(TOP_PARTIES);
    ranked.sort_unstable();
    // Axis slot of each shown party, then the shown owners of each task.
    let mut slot = vec![usize::MAX; n];
    for (i, &p) in ranked.iter().enumerate() {
        slot[p] = i;
    }
    let k = ranked.len();
    let mut counts = vec![vec![0usize; k]; k];
    let mut shown: Vec<usize> = Vec::with_capacity(k);
    for task in &o.matrix.tasks {
        shown.clear();
        shown.extend(
            task.assignments
                .iter()
                .filter(|a| a.letters.owns() && a.party < n && slot[a.party] != usize::MAX)
                .map(|a| slot[a.party]),
        );
        shown.sort_unstable();
        shown.dedup();
        for &a in &shown {
            for &b in &shown {
                counts[a][b] += 1;
            }
        }
    }
    let mut pairs = 0;
    let mut top: Option<(usize, usize, usize)> = None;
    for (a, row) in counts.iter().enumerate() {
        for (b, &c) in row.iter().enumerate().skip(a + 1) {
            if c > 0 {
                pairs += 1;
                if top.is_none_or(|t| c > t.2) {
                    top = Some((a, b, c));
                }
            }
        }
    }
    CoOwnershipData {
        party_count: n,
        names: ranked.iter().map(|&p| party_name(o, p)).collect(),
        left_out: with_ra.len() - ranked.len(),
        without_ra: n - with_ra.len(),
        top_pair: top.map(|(a, b, c)| (party_name(o, ranked[a]), party_name(o, ranked[b]), c)),
        parties: ranked,
        counts,
        pairs,
    }
}

impl CoOwnershipData {
    pub fn headline(&self) -> String {
        match &self.top_pair {
            None => "No two parties hold R or A on the same task".to_string(),
            Some((a, b, c)) => format!(
                "{a} and {b} both hold R or A on {}",
                plural(*c, "task", "tasks")
            ),
        }
    }

    fn subtitle(&self) -> String {
        "Tasks on which both parties hold R or A; the diagonal is a party's own R/A tasks."
            .to_string()
    }

    /// What the grid leaves out, said under it.
    pub fn footnote(&self) -> String {
        let mut s = if self.left_out > 0 {
            format!(
                "The {TOP_PARTIES} parties with most R/A tasks are shown; {} more are not \
                 (every party is in the reports). Among those shown, {} share at least one task.",
                plural(self.left_out, "party", "parties"),
                plural(self.pairs, "pair", "pairs")
            )
        } else {
            format!(
                "{} share at least one task.",
                plural(self.pairs, "pair of parties", "pairs of parties")
            )
        };
        if self.without_ra > 0 {
            s.push_str(&format!(
                " {} no R or A on any task.",
                if self.without_ra == 1 {
                    "1 party holds".to_string()
                } else {
                    format!("{} parties hold", self.without_ra)
                }
            ));
        }
        s
    }
}

/// How deep the blue of a cell is: a pale tint for one shared task, full blue for the most.
fn depth(count: usize, max: usize) -> f64 {
    0.25 + 0.75 * count as f64 / max.max(1) as f64
}

const CELL: i32 = 38;
const LABEL_MAX: i32 = 320;
const HEADER_MAX: i32 = 280;

struct Layout {
    width: i32,
    footnote: Vec<String>,
    height: i32,
    label_w: i32,
    header_h: i32,
    x0: i32,
    y0: i32,
}

fn layout(d: &CoOwnershipData) -> Layout {
    let ink = Ink::new(style::BODY, INK);
    let widest = d
        .names
        .iter()
        .map(|n| style::text_width(n, ink))
        .max()
        .unwrap_or(0);
    let label_w = widest.clamp(100, LABEL_MAX);
    let header_h = widest.clamp(60, HEADER_MAX) + 16;
    let k = d.parties.len() as i32;
    let x0 = MARGIN + label_w + 12;
    let y0 = TITLE_BLOCK + 16 + header_h;
    let width = (x0 + k * CELL + MARGIN).max(style::MIN_WIDTH as i32);
    let footnote = style::wrap(
        &d.footnote(),
        Ink::new(style::SMALL, MUTED),
        width - 2 * MARGIN,
    );
    let height = y0 + k * CELL + 70 + footnote.len() as i32 * 20 + MARGIN;
    Layout {
        width,
        height,
        footnote,
        label_w,
        header_h,
        x0,
        y0,
    }
}

pub fn coownership_size(d: &CoOwnershipData) -> (u32, u32) {
    if d.parties.is_empty() {
        return canvas::EMPTY_SIZE;
    }
    let l = layout(d);
    (l.width as u32, l.height as u32)
}

pub fn draw_coownership<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    d: &CoOwnershipData,
) -> Drawn<DB> {
    if d.parties.is_empty() {
        let (w, h) = canvas::EMPTY_SIZE;
        return canvas::nothing_to_show(
            area,
            (w as i32, h as i32),
            &d.headline(),
            &d.subtitle(),
            "Nothing to show: no party holds R or A on any task.",
        );
    }
    let l = layout(d);
    canvas::title(area, l.width, &d.headline(), &d.subtitle())?;
    let ink = Ink::new(style::BODY, INK);
    let max_off = d
        .counts
        .iter()
        .enumerate()
        .flat_map(|(i, row)| row.iter().enumerate().filter(move |(j, _)| *j != i))
        .map(|(_, &c)| c)
        .max()
        .unwrap_or(0)
        .max(1);
    let k = d.parties.len() as i32;
    for (i, name) in d.names.iter().enumerate() {
        let y = l.y0 + i as i32 * CELL;
        let x = l.x0 + i as i32 * CELL;
        let row = style::fit(name, ink, l.label_w).0;
        style::text(area, &row, (l.x0 - 10, y + CELL / 2), Align::Right, ink)?;
        let col = style::fit(name, ink, l.header_h - 16).0;
        style::text_up(area, &col, (x + CELL / 2, l.y0 - 8), Align::Left, ink)?;
    }
    for (i, row) in d.counts.iter().enumerate() {
        for (j, &c) in row.iter().enumerate() {
            let x = l.x0 + j as i32 * CELL;
            let y = l.y0 + i as i32 * CELL;
            let (fill, text_ink) = if i == j {
                (style::tint(style::GREY, 0.3), Ink::new(style::SMALL, MUTED))
            } else if c == 0 {
                (style::FAINT, Ink::new(style::SMALL, MUTED))
            } else {
                // Blue deepens with the share of the busiest pair; text turns white when dark.
                let amount = depth(c, max_off);
                let ink = if amount > 0.55 { WHITE } else { INK };
                (style::tint(BLUE, amount), Ink::new(style::BODY, ink).bold())
            };
            area.draw(&Rectangle::new(
                [(x + 1, y + 1), (x + CELL - 1, y + CELL - 1)],
                fill.filled(),
            ))?;
            if c > 0 {
                style::text(
                    area,
                    &c.to_string(),
                    (x + CELL / 2, y + CELL / 2),
                    Align::Center,
                    text_ink,
                )?;
            }
        }
    }
    // Scale note under the grid.
    let ny = l.y0 + k * CELL + 30;
    let mut x = MARGIN;
    x = canvas::swatch(
        area,
        (x, ny),
        style::tint(BLUE, depth(1, max_off)),
        None,
        "1 shared task",
    )?;
    if max_off > 1 {
        x = canvas::swatch(
            area,
            (x, ny),
            style::tint(BLUE, 1.0),
            None,
            &format!("{max_off} shared tasks (the most)"),
        )?;
    }
    canvas::swatch(
        area,
        (x, ny),
        style::tint(style::GREY, 0.3),
        None,
        "diagonal: the party's own R/A tasks",
    )?;
    let small = Ink::new(style::SMALL, MUTED);
    for (i, line) in l.footnote.iter().enumerate() {
        style::text(
            area,
            line,
            (MARGIN, ny + 32 + i as i32 * 20),
            Align::Left,
            small,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::Fixture;

    #[test]
    fn counts_shared_ra_tasks() {
        let f = Fixture::small();
        let d = coownership_data(&f.outcome());
        // QA holds no R or A.
        assert_eq!(d.parties, [0, 1, 2]);
        assert_eq!(d.without_ra, 1);
        // Maria: 2 own; Maria & Tom: Sprint planning.
        assert_eq!(d.counts, [[2, 1, 0], [1, 2, 0], [0, 0, 1]]);
        assert_eq!(d.pairs, 1);
        assert_eq!(
            d.headline(),
            "Maria (Product Owner) and Tom (Product Manager) both hold R or A on 1 task"
        );
    }

    #[test]
    fn axes_are_capped() {
        let f = Fixture::generated(300, 100);
        let d = coownership_data(&f.outcome());
        assert_eq!(d.parties.len(), TOP_PARTIES);
        assert_eq!(d.left_out + d.parties.len() + d.without_ra, 100);
        let (w, h) = coownership_size(&d);
        assert!(w >= 1200 && h < 2200, "{w}x{h}");
    }

    #[test]
    fn pairs_are_those_of_the_parties_shown() {
        let f = Fixture::generated(300, 100);
        let d = coownership_data(&f.outcome());
        let shown_pairs = (0..d.parties.len())
            .flat_map(|i| (i + 1..d.parties.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| d.counts[i][j] > 0)
            .count();
        assert_eq!(d.pairs, shown_pairs);
        let best = (0..d.parties.len())
            .flat_map(|i| (i + 1..d.parties.len()).map(move |j| (i, j)))
            .map(|(i, j)| d.counts[i][j])
            .max();
        assert_eq!(d.top_pair.as_ref().map(|t| t.2), best);
        assert!(
            d.footnote().contains("Among those shown"),
            "{}",
            d.footnote()
        );
        // The diagonal is each shown party's own R/A task count.
        let o = f.outcome();
        for (i, &p) in d.parties.iter().enumerate() {
            let own = o
                .matrix
                .tasks
                .iter()
                .filter(|t| {
                    t.assignments
                        .iter()
                        .any(|a| a.party == p && a.letters.owns())
                })
                .count();
            assert_eq!(d.counts[i][i], own);
        }
    }

    #[test]
    fn nobody_owns_anything() {
        let f = Fixture::empty();
        let d = coownership_data(&f.outcome());
        assert!(d.parties.is_empty());
        assert_eq!(d.headline(), "No two parties hold R or A on the same task");
        assert_eq!(coownership_size(&d), canvas::EMPTY_SIZE);
    }
}
