//! Turning a drawing into PNG bytes in memory, and the pieces every chart draws the same way
//! (title block, legend swatches, the "nothing to show" panel).

use super::style::{self, Align, Ink, INK, MARGIN, MUTED, RULE};
use crate::error::Error;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ColorType, ImageEncoder};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What a drawing function returns: plotters' error for the backend it drew on.
pub type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The largest image side we agree to allocate; layouts paginate or aggregate long before this,
/// so reaching it means a layout bug, reported as an error instead of a huge allocation.
const MAX_SIDE: u32 = 16_000;

/// Draws into an RGB buffer of `size` with `draw` and encodes it as PNG. The encoder settings
/// are fixed, so the same drawing gives the same bytes.
pub fn render_png<F>(chart: &str, size: (u32, u32), draw: F) -> crate::Result<Vec<u8>>
where
    F: FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Drawn<BitMapBackend<'static>>,
{
    let (w, h) = size;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(Error::Chart {
            chart: chart.to_string(),
            detail: format!("image size {w}x{h} is outside 1..{MAX_SIDE} pixels"),
        });
    }
    style::register_font();
    // Starts white: the background, without a full-image fill through the backend.
    let mut buffer = vec![255u8; w as usize * h as usize * 3];
    {
        let backend = BitMapBackend::with_buffer(&mut buffer, (w, h));
        let area = backend.into_drawing_area();
        draw(&area).map_err(|e| chart_error(chart, e))?;
        area.present().map_err(|e| chart_error(chart, e))?;
    }
    let mut png = Vec::new();
    // The Sub filter suits charts (long horizontal runs): files ~10% larger than Adaptive,
    // encoding about three times faster. Fast compression (fdeflate) because deflate at the
    // default level was half of all the time `raci audit` spent (benches/pipeline.rs); charts
    // are flat colour, so the files grow far less than the time shrinks.
    PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Sub)
        .write_image(&buffer, w, h, ColorType::Rgb8)
        .map_err(|e| Error::Chart {
            chart: chart.to_string(),
            detail: format!("PNG encoding failed: {e}"),
        })?;
    Ok(png)
}

fn chart_error<E: std::fmt::Debug>(chart: &str, e: E) -> Error {
    Error::Chart {
        chart: chart.to_string(),
        detail: format!("{e:?}"),
    }
}

/// Height of the title block drawn by [`title`].
pub const TITLE_BLOCK: i32 = 92;

/// The title (states the finding) and a subtitle (what is plotted) at the top of a chart,
/// cut with an ellipsis only if wider than the image.
pub fn title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    width: i32,
    headline: &str,
    subtitle: &str,
) -> Drawn<DB> {
    let big = Ink::new(style::TITLE, INK).bold();
    let small = Ink::new(style::SUBTITLE, MUTED);
    let room = width - 2 * MARGIN;
    style::text(
        area,
        &style::fit(headline, big, room).0,
        (MARGIN, 34),
        Align::Left,
        big,
    )?;
    style::text(
        area,
        &style::fit(subtitle, small, room).0,
        (MARGIN, 66),
        Align::Left,
        small,
    )?;
    area.draw(&PathElement::new(
        vec![(MARGIN, 84), (width - MARGIN, 84)],
        RULE.stroke_width(1),
    ))
}

/// A legend entry: a filled swatch and its label; returns the x after it.
pub fn swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    fill: RGBColor,
    mark: Option<(&str, RGBColor)>,
    label: &str,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    let ink = Ink::new(style::BODY, INK);
    area.draw(&Rectangle::new(
        [(x, y - 10), (x + 22, y + 10)],
        fill.filled(),
    ))?;
    if let Some((m, color)) = mark {
        style::text(
            area,
            m,
            (x + 11, y),
            Align::Center,
            Ink::new(style::SMALL, color).bold(),
        )?;
    }
    style::text(area, label, (x + 30, y), Align::Left, ink)?;
    Ok(x + 30 + style::text_width(label, ink) + 24)
}

/// Width a [`swatch`] entry takes.
pub fn swatch_width(label: &str) -> i32 {
    30 + style::text_width(label, Ink::new(style::BODY, INK)) + 24
}

/// The whole chart when there is nothing to plot: the title says why, the panel says what
/// would make it appear.
pub fn nothing_to_show<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (width, height): (i32, i32),
    headline: &str,
    subtitle: &str,
    message: &str,
) -> Drawn<DB> {
    title(area, width, headline, subtitle)?;
    let top = TITLE_BLOCK + 16;
    area.draw(&Rectangle::new(
        [(MARGIN, top), (width - MARGIN, height - MARGIN)],
        style::FAINT.filled(),
    ))?;
    let ink = Ink::new(style::SUBTITLE, MUTED);
    let lines = style::wrap(message, ink, width - 4 * MARGIN);
    let lh = style::line_height(ink.size);
    let mid = (top + height - MARGIN) / 2 - lh * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        style::text(
            area,
            line,
            (width / 2, mid + i as i32 * lh),
            Align::Center,
            ink,
        )?;
    }
    Ok(())
}

/// Size of a [`nothing_to_show`] chart.
pub const EMPTY_SIZE: (u32, u32) = (style::MIN_WIDTH, 360);

/// Round tick steps (1, 2, 5 x 10^n) giving at most `max_ticks` ticks up to `max`.
/// Vertical grid lines at round values from 0 to `max` (at most about `max_ticks` of them),
/// each labelled under the rows: the value axis every bar chart shares.
pub fn value_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    max: f64,
    max_ticks: usize,
    x_of: impl Fn(f64) -> i32,
    (top, bottom): (i32, i32),
    ink: Ink,
) -> Drawn<DB> {
    let step = tick_step(max, max_ticks);
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let x = x_of(v);
        area.draw(&PathElement::new(
            vec![(x, top), (x, bottom)],
            RULE.stroke_width(1),
        ))?;
        style::text(
            area,
            &super::bars::format_count(v),
            (x, bottom + 14),
            Align::Center,
            ink,
        )?;
        v += step;
    }
    Ok(())
}

pub fn tick_step(max: f64, max_ticks: usize) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / max_ticks.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * mag >= raw {
            return (m * mag).max(1.0);
        }
    }
    (10.0 * mag).max(1.0)
}

/// A count with its noun: `1 task`, `3 tasks`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_steps_are_round() {
        assert_eq!(tick_step(0.0, 8), 1.0);
        assert_eq!(tick_step(7.0, 8), 1.0);
        assert_eq!(tick_step(35.0, 8), 5.0);
        assert_eq!(tick_step(120.0, 8), 20.0);
        assert_eq!(tick_step(f64::NAN, 8), 1.0);
    }

    #[test]
    fn plural_counts() {
        assert_eq!(plural(1, "task", "tasks"), "1 task");
        assert_eq!(plural(0, "task", "tasks"), "0 tasks");
    }

    #[test]
    fn oversized_images_are_an_error_not_an_allocation() {
        let err = render_png("x", (0, 10), |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("cannot draw x"));
        assert!(render_png("x", (MAX_SIDE + 1, 10), |_| Ok(())).is_err());
    }

    #[test]
    fn same_drawing_same_bytes() {
        let draw = |a: &DrawingArea<BitMapBackend<'_>, Shift>| {
            title(a, 1200, "Headline", "Subtitle")?;
            swatch(
                a,
                (40, 150),
                style::BLUE,
                Some(("R", style::WHITE)),
                "Responsible",
            )
            .map(|_| ())
        };
        let one = render_png("t", (1200, 200), draw).unwrap();
        let two = render_png("t", (1200, 200), draw).unwrap();
        assert_eq!(one, two);
        assert_eq!(&one[1..4], b"PNG");
    }
}
