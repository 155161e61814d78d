//! `gaps.png`: the article's duties in columns (PO, PM, and shared when the taxonomy checks any),
//! each marked covered (with its tasks and owners) or not covered, the duty text wrapped in full.

use super::canvas::{self, plural, Drawn, TITLE_BLOCK};
use super::stats::{party_name, side_of};
use super::style::{self, Align, Ink, INK, MARGIN, MUTED, VERMILLION, WHITE};
use crate::model::Side;
use crate::outcome::Outcome;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The sides that own duties, one column each.
pub const COLUMNS: [Side; 3] = [Side::Po, Side::Pm, Side::Shared];

/// One duty and how the matrix covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapDuty {
    pub id: String,
    /// The article's words.
    pub text: String,
    pub tasks: usize,
    /// Names of parties holding R or A on those tasks, in party order.
    pub owners: Vec<String>,
}

impl GapDuty {
    pub fn covered(&self) -> bool {
        self.tasks > 0
    }
}

/// The numbers behind `gaps.png`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapsData {
    /// One per [`COLUMNS`] side, duties in taxonomy order.
    pub columns: Vec<(Side, Vec<GapDuty>)>,
    pub total: usize,
    pub uncovered: usize,
    /// Tasks no duty could be found for (they are not behind any duty here).
    pub unclassified_tasks: usize,
}

pub fn gaps_data(o: &Outcome) -> GapsData {
    // The audit's coverage: one entry per coverage duty, always (an empty list means the
    // taxonomy checks none, and the chart says so).
    let mut columns: Vec<(Side, Vec<GapDuty>)> = COLUMNS.iter().map(|&s| (s, Vec::new())).collect();
    for c in &o.audit.coverage {
        let duty = o.duty(&c.duty);
        // A duty of no known side (or an id the taxonomy lacks) goes with the shared ones
        // rather than disappearing.
        let side = duty.map_or(Side::Shared, |d| d.side);
        let col = COLUMNS.iter().position(|&s| s == side).unwrap_or(2);
        columns[col].1.push(GapDuty {
            text: duty.map_or_else(|| c.duty.clone(), |d| d.text.clone()),
            id: c.duty.clone(),
            tasks: c.tasks.len(),
            owners: c.owners.iter().map(|&p| party_name(o, p)).collect(),
        });
    }
    // The built-in taxonomy checks no shared duties (the article lists what the roles share
    // as skills): an empty shared column would only say "0 of 0".
    columns.retain(|(side, duties)| *side != Side::Shared || !duties.is_empty());
    let total = columns.iter().map(|c| c.1.len()).sum();
    let uncovered = columns
        .iter()
        .flat_map(|c| &c.1)
        .filter(|d| !d.covered())
        .count();
    GapsData {
        columns,
        total,
        uncovered,
        unclassified_tasks: (0..o.matrix.tasks.len())
            .filter(|&t| side_of(o, t) == Side::Unclassified)
            .count(),
    }
}

impl GapsData {
    pub fn headline(&self) -> String {
        match self.uncovered {
            _ if self.total == 0 => "No duties to check: the taxonomy lists none".to_string(),
            0 => format!(
                "All {} from the article have a task in the matrix",
                plural(self.total, "duty", "duties")
            ),
            n => format!(
                "{n} of {} from the article {} no task in the matrix",
                plural(self.total, "duty", "duties"),
                if n == 1 { "has" } else { "have" }
            ),
        }
    }

    fn subtitle(&self) -> String {
        let mut s = "Each duty of the Product Owner vs. Product Manager article, covered by tasks classified to it or not."
            .to_string();
        if self.unclassified_tasks > 0 {
            s.push_str(&format!(
                " {} matched no duty.",
                plural(self.unclassified_tasks, "task", "tasks")
            ));
        }
        s
    }
}

const WIDTH: i32 = 1500;
const GAP: i32 = 20;
const PAD: i32 = 12;
const STRIP: i32 = 8;
const HEAD_H: i32 = 40;

/// One duty box, its text already wrapped.
struct Boxed {
    text: Vec<String>,
    status: Vec<String>,
    height: i32,
}

/// Columns share the width: three when the taxonomy has shared duties, two otherwise.
fn col_width(columns: usize) -> i32 {
    let n = columns.max(1) as i32;
    (WIDTH - 2 * MARGIN - (n - 1) * GAP) / n
}

fn text_ink() -> Ink {
    Ink::new(style::BODY, INK)
}

fn status_ink(covered: bool) -> Ink {
    if covered {
        Ink::new(style::SMALL, MUTED)
    } else {
        Ink::new(style::SMALL, VERMILLION).bold()
    }
}

fn boxes(d: &GapsData) -> Vec<Vec<Boxed>> {
    let inner = col_width(d.columns.len()) - STRIP - 2 * PAD;
    d.columns
        .iter()
        .map(|(_, duties)| {
            duties
                .iter()
                .map(|duty| {
                    let text = style::wrap(&duty.text, text_ink(), inner);
                    let status = if duty.covered() {
                        let mut s = format!("✓ covered by {}", plural(duty.tasks, "task", "tasks"));
                        if duty.owners.is_empty() {
                            s.push_str("; nobody holds R or A on them");
                        } else {
                            // Each name on one line at most, cut with an ellipsis: a party
                            // named by a paragraph must not make the image taller than it
                            // may be (coverage.csv has the names in full).
                            let short: Vec<String> = duty
                                .owners
                                .iter()
                                .map(|o| style::fit(o, status_ink(true), inner / 2).0)
                                .collect();
                            s.push_str("; R/A: ");
                            s.push_str(&owner_list(&short));
                        }
                        s
                    } else {
                        "✗ not covered: no task in the matrix".to_string()
                    };
                    let status = style::wrap(&status, status_ink(duty.covered()), inner);
                    let height = PAD * 2
                        + text.len() as i32 * style::line_height(style::BODY)
                        + 4
                        + status.len() as i32 * style::line_height(style::SMALL);
                    Boxed {
                        text,
                        status,
                        height,
                    }
                })
                .collect()
        })
        .collect()
}

fn content_height(boxes: &[Vec<Boxed>]) -> i32 {
    boxes
        .iter()
        .map(|col| col.iter().map(|b| b.height + 10).sum::<i32>())
        .max()
        .unwrap_or(0)
        .max(40)
}

pub fn gaps_size(d: &GapsData) -> (u32, u32) {
    if d.total == 0 {
        return canvas::EMPTY_SIZE;
    }
    let h = TITLE_BLOCK + 16 + HEAD_H + 12 + content_height(&boxes(d)) + MARGIN;
    (WIDTH as u32, h as u32)
}

pub fn draw_gaps<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &GapsData) -> Drawn<DB> {
    if d.total == 0 {
        let (w, h) = canvas::EMPTY_SIZE;
        return canvas::nothing_to_show(
            area,
            (w as i32, h as i32),
            &d.headline(),
            &d.subtitle(),
            "Nothing to show: the taxonomy has no duties to check coverage against.",
        );
    }
    canvas::title(area, WIDTH, &d.headline(), &d.subtitle())?;
    let cw = col_width(d.columns.len());
    let all = boxes(d);
    for (k, ((side, duties), boxed)) in d.columns.iter().zip(&all).enumerate() {
        let x0 = MARGIN + k as i32 * (cw + GAP);
        let top = TITLE_BLOCK + 16;
        let color = style::side_color(*side);
        area.draw(&Rectangle::new(
            [(x0, top), (x0 + cw, top + HEAD_H)],
            color.filled(),
        ))?;
        let missing = duties.iter().filter(|d| !d.covered()).count();
        let head = format!(
            "{} duties: {} of {} not covered",
            side_label(*side),
            missing,
            duties.len()
        );
        let hink = Ink::new(style::SUBTITLE, style::side_ink(*side)).bold();
        style::text(
            area,
            &style::fit(&head, hink, cw - 2 * PAD).0,
            (x0 + PAD, top + HEAD_H / 2),
            Align::Left,
            hink,
        )?;
        let mut y = top + HEAD_H + 12;
        if duties.is_empty() {
            style::text(
                area,
                "(no duties on this side)",
                (x0 + PAD, y + 14),
                Align::Left,
                Ink::new(style::BODY, MUTED),
            )?;
        }
        for (duty, b) in duties.iter().zip(boxed) {
            let covered = duty.covered();
            let (bg, strip) = if covered {
                (style::tint(color, 0.12), color)
            } else {
                (WHITE, VERMILLION)
            };
            area.draw(&Rectangle::new(
                [(x0, y), (x0 + cw, y + b.height)],
                bg.filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(x0, y), (x0 + STRIP, y + b.height)],
                strip.filled(),
            ))?;
            if !covered {
                area.draw(&Rectangle::new(
                    [(x0, y), (x0 + cw, y + b.height)],
                    VERMILLION.stroke_width(2),
                ))?;
            }
            let tx = x0 + STRIP + PAD;
            let mut ty = y + PAD + style::line_height(style::BODY) / 2;
            for line in &b.text {
                style::text(area, line, (tx, ty), Align::Left, text_ink())?;
                ty += style::line_height(style::BODY);
            }
            ty += 4 - style::line_height(style::BODY) / 2 + style::line_height(style::SMALL) / 2;
            for line in &b.status {
                style::text(area, line, (tx, ty), Align::Left, status_ink(covered))?;
                ty += style::line_height(style::SMALL);
            }
            y += b.height + 10;
        }
    }
    Ok(())
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Po => "PO",
        Side::Pm => "PM",
        Side::Shared => "Shared",
        Side::Unclassified => "Other",
    }
}

/// Owners shown on a duty's card before the rest are counted: on a big matrix thirty names
/// per card buried the one line that matters (covered or not).
const OWNERS_SHOWN: usize = 8;

/// `Ana, Bob, Carl`, or the first [`OWNERS_SHOWN`] names and `and N more` (coverage.csv
/// lists them all).
fn owner_list(owners: &[String]) -> String {
    if owners.len() <= OWNERS_SHOWN {
        return owners.join(", ");
    }
    format!(
        "{} and {} more",
        owners[..OWNERS_SHOWN].join(", "),
        owners.len() - OWNERS_SHOWN
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::Fixture;

    #[test]
    fn duties_by_side_with_coverage() {
        let f = Fixture::small();
        let d = gaps_data(&f.outcome());
        assert_eq!(d.total, 5);
        assert_eq!(d.uncovered, 2);
        let ids: Vec<Vec<&str>> = d
            .columns
            .iter()
            .map(|c| c.1.iter().map(|g| g.id.as_str()).collect())
            .collect();
        assert_eq!(
            ids,
            [
                vec!["po-sprint-priorities", "po-backlog"],
                vec!["pm-market-data", "pm-kpis"],
                vec!["shared-vision"]
            ]
        );
        assert_eq!(
            d.columns[0].1[0].owners,
            ["Maria (Product Owner)", "Tom (Product Manager)"]
        );
        assert!(d.columns[0].1[0]
            .text
            .starts_with("Assistance in identifying"));
        assert_eq!(
            d.headline(),
            "2 of 5 duties from the article have no task in the matrix"
        );
    }

    #[test]
    fn long_duty_text_is_wrapped_not_cut() {
        let mut f = Fixture::small();
        let long = "Determining broader business priorities ".repeat(12);
        f.taxonomy.duties[0].text = long.clone();
        let d = gaps_data(&f.outcome());
        let b = boxes(&d);
        assert!(b[0][0].text.len() > 3);
        assert_eq!(b[0][0].text.join(" "), long.trim_end());
    }

    #[test]
    fn owners_named_by_a_paragraph_take_a_line_each_at_most() {
        let f = Fixture::small();
        let mut d = gaps_data(&f.outcome());
        let (col, i) = d
            .columns
            .iter()
            .enumerate()
            .find_map(|(c, (_, duties))| duties.iter().position(|x| x.covered()).map(|i| (c, i)))
            .expect("a covered duty in the fixture");
        let words = "Product Owner launch metrics release research design backlog ".repeat(30);
        d.columns[col].1[i].owners = (0..8).map(|n| format!("{n} {words}")).collect();
        let b = boxes(&d);
        // Eight names and the words around them: a few lines, not the hundreds the full
        // names would wrap to.
        assert!(b[col][i].status.len() <= 10, "{}", b[col][i].status.len());
    }

    #[test]
    fn long_owner_lists_are_counted_not_spelled_out() {
        let names: Vec<String> = (1..=30).map(|i| format!("P{i}")).collect();
        assert_eq!(owner_list(&names[..2]), "P1, P2");
        assert_eq!(owner_list(&names[..8]), names[..8].join(", "));
        assert_eq!(
            owner_list(&names),
            "P1, P2, P3, P4, P5, P6, P7, P8 and 22 more"
        );
    }
}
