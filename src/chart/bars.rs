//! The horizontal stacked bar chart that `overlap`, `workload` and `findings` share: one row per
//! label, coloured segments, optional threshold lines, a legend on top.

use super::canvas::{self, Drawn, TITLE_BLOCK};
use super::style::{self, Align, Ink, INK, MARGIN, MUTED};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One coloured part of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub value: f64,
    pub color: RGBColor,
    /// Ink for the value written inside the segment when it fits.
    pub ink: RGBColor,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// Bold label: the row the title is about.
    pub bold: bool,
    pub segments: Vec<Segment>,
    /// Written right after the bar (e.g. `◆ both sides`), in its colour, bold.
    pub tag: Option<(String, RGBColor)>,
    /// Written after the tag, muted (e.g. the total).
    pub note: String,
}

/// A vertical reference line (a threshold).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub value: f64,
    pub label: String,
    pub color: RGBColor,
}

/// A legend entry: swatch colour, the letter or mark drawn on it (with its ink), label.
pub type LegendEntry = (RGBColor, Option<(String, RGBColor)>, String);

/// A whole bar chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub headline: String,
    pub subtitle: String,
    pub legend: Vec<LegendEntry>,
    pub bars: Vec<Bar>,
    pub lines: Vec<Line>,
    /// What the x axis counts (`tasks with R or A`).
    pub axis: String,
    /// Shown under the chart (what was aggregated and why), wrapped.
    pub footnote: String,
}

const WIDTH: i32 = 1500;
const ROW_H: i32 = 30;
const LABEL_MAX: i32 = 380;
/// The column right of the plot for each bar's tag and note, so that they never run into a
/// threshold line or another bar.
const NOTE_W: i32 = 440;

struct Layout {
    label_w: i32,
    x0: i32,
    x1: i32,
    legend: Vec<Vec<usize>>,
    rows_top: i32,
    height: i32,
    max: f64,
    footnote: Vec<String>,
}

fn body() -> Ink {
    Ink::new(style::BODY, INK)
}

fn layout(c: &BarChart) -> Layout {
    let ink = body();
    let label_w = c
        .bars
        .iter()
        .map(|b| style::text_width(&b.label, ink.bold()))
        .max()
        .unwrap_or(0)
        .clamp(120, LABEL_MAX);
    let x0 = MARGIN + label_w + 16;
    let x1 = WIDTH - MARGIN - NOTE_W;
    let mut legend: Vec<Vec<usize>> = vec![Vec::new()];
    let mut x = MARGIN;
    for (i, (_, _, label)) in c.legend.iter().enumerate() {
        let w = canvas::swatch_width(label);
        if x + w > WIDTH - MARGIN && !legend.last().is_some_and(|l| l.is_empty()) {
            legend.push(Vec::new());
            x = MARGIN;
        }
        x += w;
        legend.last_mut().expect("one line").push(i);
    }
    let legend_h = if c.legend.is_empty() {
        0
    } else {
        legend.len() as i32 * 32
    };
    // Threshold labels stack above the plot, one line each, so they never overprint.
    let rows_top = TITLE_BLOCK + 16 + legend_h + 20 * c.lines.len() as i32 + 28;
    let rows_h = ROW_H * c.bars.len().max(1) as i32;
    let footnote = if c.footnote.is_empty() {
        Vec::new()
    } else {
        style::wrap(
            &c.footnote,
            Ink::new(style::SMALL, MUTED),
            WIDTH - 2 * MARGIN,
        )
    };
    let height = rows_top + rows_h + 44 + footnote.len() as i32 * 20 + MARGIN;
    let max = c
        .bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.value.max(0.0)).sum::<f64>())
        .chain(c.lines.iter().map(|l| l.value))
        .fold(0.0, f64::max);
    Layout {
        label_w,
        x0,
        x1,
        legend,
        rows_top,
        height,
        max: if max > 0.0 { max * 1.05 } else { 1.0 },
        footnote,
    }
}

pub fn bar_chart_size(c: &BarChart) -> (u32, u32) {
    (WIDTH as u32, layout(c).height as u32)
}

pub fn draw_bar_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &BarChart,
) -> Drawn<DB> {
    let l = layout(c);
    canvas::title(area, WIDTH, &c.headline, &c.subtitle)?;
    let ink = body();
    for (n, line) in l.legend.iter().enumerate() {
        let y = TITLE_BLOCK + 16 + n as i32 * 32;
        let mut x = MARGIN;
        for &i in line {
            let (color, mark, label) = &c.legend[i];
            let mark = mark.as_ref().map(|(m, ink)| (m.as_str(), *ink));
            x = canvas::swatch(area, (x, y), *color, mark, label)?;
        }
    }
    let scale = |v: f64| l.x0 + ((v / l.max) * (l.x1 - l.x0) as f64).round() as i32;
    let rows_bottom = l.rows_top + ROW_H * c.bars.len().max(1) as i32;

    // Grid and ticks.
    let small = Ink::new(style::SMALL, MUTED);
    canvas::value_grid(area, l.max, 8, scale, (l.rows_top - 4, rows_bottom), small)?;
    style::text(
        area,
        &c.axis,
        ((l.x0 + l.x1) / 2, rows_bottom + 34),
        Align::Center,
        small,
    )?;

    for (k, bar) in c.bars.iter().enumerate() {
        let y = l.rows_top + k as i32 * ROW_H;
        let cy = y + ROW_H / 2;
        let label_ink = if bar.bold { ink.bold() } else { ink };
        let label = style::fit(&bar.label, label_ink, l.label_w).0;
        style::text(area, &label, (l.x0 - 12, cy), Align::Right, label_ink)?;
        let mut at = 0.0;
        for s in &bar.segments {
            if s.value <= 0.0 {
                continue;
            }
            let (sx0, sx1) = (scale(at), scale(at + s.value));
            area.draw(&Rectangle::new(
                [(sx0, y + 5), (sx1.max(sx0 + 1), y + ROW_H - 5)],
                s.color.filled(),
            ))?;
            let value = format_count(s.value);
            let vink = Ink::new(style::SMALL, s.ink).bold();
            let vw = style::text_width(&value, vink);
            let mid = (sx0 + sx1) / 2;
            // The value goes inside the segment only if it fits and no threshold line crosses
            // it; the note to the right repeats every value anyway.
            let crossed = c.lines.iter().any(|line| {
                let lx = scale(line.value);
                lx >= mid - vw / 2 - 3 && lx <= mid + vw / 2 + 3
            });
            if vw + 6 <= sx1 - sx0 && !crossed {
                style::text(area, &value, ((sx0 + sx1) / 2, cy), Align::Center, vink)?;
            }
            at += s.value;
        }
        let mut x = l.x1 + 16;
        if let Some((tag, color)) = &bar.tag {
            style::text(area, tag, (x, cy), Align::Left, ink.bold().colored(*color))?;
            x += style::text_width(tag, ink.bold()) + 10;
        }
        if !bar.note.is_empty() {
            let room = (WIDTH - MARGIN - x).max(40);
            let note = style::fit(&bar.note, small, room).0;
            style::text(area, &note, (x, cy), Align::Left, small)?;
        }
    }

    for (i, line) in c.lines.iter().enumerate() {
        let x = scale(line.value);
        let mut y = l.rows_top - 6;
        // Dashed: short strokes so the bars stay visible through it.
        while y < rows_bottom {
            let y1 = (y + 8).min(rows_bottom);
            area.draw(&PathElement::new(
                vec![(x, y), (x, y1)],
                line.color.stroke_width(2),
            ))?;
            y += 14;
        }
        let label_y = l.rows_top - 20 - 20 * (c.lines.len() - 1 - i) as i32;
        let lab = Ink::new(style::SMALL, line.color).bold();
        let w = style::text_width(&line.label, lab);
        // Keep the label inside the image: right-align it to the line when it would overflow.
        let (lx, align) = if x + 6 + w > WIDTH - MARGIN {
            (x - 6, Align::Right)
        } else {
            (x + 6, Align::Left)
        };
        style::text(area, &line.label, (lx, label_y), align, lab)?;
    }
    if c.bars.is_empty() {
        style::text(
            area,
            "(no rows)",
            (l.x0, l.rows_top + ROW_H / 2),
            Align::Left,
            small,
        )?;
    }

    let fy = rows_bottom + 60;
    for (i, line) in l.footnote.iter().enumerate() {
        style::text(area, line, (MARGIN, fy + i as i32 * 20), Align::Left, small)?;
    }
    Ok(())
}

/// `3`, `2.5`: counts print without a needless `.0`.
pub fn format_count(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_print_plainly() {
        assert_eq!(format_count(3.0), "3");
        assert_eq!(format_count(17.5), "17.5");
        assert_eq!(format_count(0.0), "0");
    }
}
