//! The look shared by every chart: the Okabe-Ito palette, the embedded DejaVu Sans font, text
//! sizes, and the text helpers (measure, truncate with an ellipsis, wrap, draw centred).

use crate::audit::Severity;
use crate::model::{Letter, Side};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, FontTransform, RGBColor};
use std::sync::OnceLock;

/// The name the embedded font is registered under. Not `sans-serif`, so that a missing
/// registration fails loudly instead of silently falling back to nothing.
pub const FONT: &str = "raci-dejavu-sans";

/// Body text (task and party names, legends): never below 13 px.
pub const BODY: f64 = 14.0;
/// Small print (tick labels, notes): still above the 11 px floor.
pub const SMALL: f64 = 13.0;
pub const SUBTITLE: f64 = 16.0;
pub const TITLE: f64 = 24.0;

/// Every chart is at least this wide.
pub const MIN_WIDTH: u32 = 1200;
pub const MARGIN: i32 = 32;

pub const WHITE: RGBColor = RGBColor(255, 255, 255);
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
pub const RULE: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub const FAINT: RGBColor = RGBColor(0xF4, 0xF4, 0xF4);

// Okabe-Ito.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
pub const GREY: RGBColor = RGBColor(0x99, 0x99, 0x99);
pub const DARK_GREY: RGBColor = RGBColor(0x6E, 0x6E, 0x6E);

/// The one colour of a letter, in every chart.
pub fn letter_color(letter: Letter) -> RGBColor {
    match letter {
        Letter::R => BLUE,
        Letter::A => VERMILLION,
        Letter::C => GREEN,
        Letter::I => YELLOW,
        Letter::S => SKY,
        Letter::V => DARK_GREY,
    }
}

/// Text on a letter's colour: dark on the light yellow and sky blue, white elsewhere.
pub fn letter_ink(letter: Letter) -> RGBColor {
    match letter {
        Letter::I | Letter::S => INK,
        _ => WHITE,
    }
}

/// The one colour of a side, in every chart.
pub fn side_color(side: Side) -> RGBColor {
    match side {
        Side::Po => BLUE,
        Side::Pm => ORANGE,
        Side::Shared => PURPLE,
        Side::Unclassified => GREY,
    }
}

/// Text on a side's colour.
pub fn side_ink(side: Side) -> RGBColor {
    match side {
        Side::Po => WHITE,
        _ => INK,
    }
}

/// A side as a heading: `PO-side`, `PM-side`, `Shared`, `Unclassified`.
pub fn side_heading(side: Side) -> &'static str {
    match side {
        Side::Po => "PO-side",
        Side::Pm => "PM-side",
        Side::Shared => "Shared",
        Side::Unclassified => "Unclassified",
    }
}

pub fn severity_color(severity: Severity) -> RGBColor {
    match severity {
        Severity::Error => VERMILLION,
        Severity::Warning => ORANGE,
        Severity::Info => SKY,
    }
}

/// A pale tint of `c` (mixed with white), for backgrounds behind dark text.
pub fn tint(c: RGBColor, amount: f64) -> RGBColor {
    let mix = |v: u8| {
        (255.0 - (255.0 - v as f64) * amount)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// Registers DejaVu Sans (regular and bold) with plotters, once per process.
pub fn register_font() {
    static DONE: OnceLock<bool> = OnceLock::new();
    DONE.get_or_init(|| {
        // The bytes are the crate's own embedded TTFs; a failure here would be a broken build
        // of the `dejavu` crate, and text measuring then reports it as a chart error.
        let regular =
            plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let bold = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
        regular.is_ok() && bold.is_ok()
    });
}

/// One text style: size, weight and colour.
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
}

impl Ink {
    pub fn new(size: f64, color: RGBColor) -> Self {
        Ink {
            size,
            bold: false,
            color,
        }
    }

    pub fn bold(self) -> Self {
        Ink { bold: true, ..self }
    }

    pub fn colored(self, color: RGBColor) -> Self {
        Ink { color, ..self }
    }

    fn font(&self) -> FontDesc<'static> {
        let style = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FONT), self.size, style)
    }
}

/// The width in pixels `text` takes in `ink`. Text the font cannot measure counts as wide, so
/// layouts err on the side of room.
pub fn text_width(text: &str, ink: Ink) -> i32 {
    register_font();
    match ink.font().box_size(text) {
        Ok((w, _)) => w as i32,
        Err(_) => (text.chars().count() as f64 * ink.size) as i32,
    }
}

/// Characters that draw nothing useful on a chart (line breaks, tabs, other controls) become
/// spaces; what is left is what the user wrote.
pub fn clean(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as it fits in `max` pixels: whole if it fits, otherwise cut at a character boundary
/// and ended with an ellipsis. Returns whether it was cut.
pub fn fit(text: &str, ink: Ink, max: i32) -> (String, bool) {
    let text = clean(text);
    if text_width(&text, ink) <= max {
        return (text, false);
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search the longest prefix that fits with the ellipsis.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if text_width(&candidate, ink) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let kept: String = chars[..lo].iter().collect();
    (format!("{}…", kept.trim_end()), true)
}

/// `text` broken into lines of at most `max` pixels at word boundaries; a word wider than a
/// line is broken inside. Never drops text.
pub fn wrap(text: &str, ink: Ink, max: i32) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, ink) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: break it by characters if it is still too wide.
        let mut piece = String::new();
        for c in word.chars() {
            let mut next = piece.clone();
            next.push(c);
            if !piece.is_empty() && text_width(&next, ink) > max {
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            } else {
                piece = next;
            }
        }
        line = piece;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// How text is placed against its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Draws one line of text with its capital letters vertically centred on `y` (plotters' own
/// vertical anchor sits the ab_glyph baseline half an em low, so this places it by hand).
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    (x, y): (i32, i32),
    align: Align,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    line(
        area,
        s,
        (x, y - baseline_shift(ink.size)),
        align,
        ink,
        false,
    )
}

/// Draws one line of text reading bottom to top, its capitals centred on `x`; `align` places
/// its start (Left: starts at `y` going up; Right: ends at `y`).
pub fn text_up<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    (x, y): (i32, i32),
    align: Align,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    line(area, s, (x - baseline_shift(ink.size), y), align, ink, true)
}

/// One line of text anchored at its top (its left side when `up`), already shifted for the
/// baseline by the caller.
fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    align: Align,
    ink: Ink,
    up: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if s.is_empty() {
        return Ok(());
    }
    register_font();
    let h = match align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let font = if up {
        ink.font().transform(FontTransform::Rotate270)
    } else {
        ink.font()
    };
    let style = TextStyle::from(font)
        .color(&ink.color)
        .pos(Pos::new(h, VPos::Top));
    area.draw(&Text::new(s.to_string(), at, style))
}

/// The offset from the wanted centre of the capitals to the point plotters draws from.
fn baseline_shift(size: f64) -> i32 {
    (size * 0.14).round() as i32
}

/// Line height for wrapped text of `size`.
pub fn line_height(size: f64) -> i32 {
    (size * 1.45).round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_short_text_whole() {
        let ink = Ink::new(BODY, INK);
        assert_eq!(
            fit("Sprint planning", ink, 400),
            ("Sprint planning".into(), false)
        );
    }

    #[test]
    fn fit_cuts_long_text_with_ellipsis_within_width() {
        let ink = Ink::new(BODY, INK);
        let long = "Define the product vision and long-term strategy ".repeat(6);
        let (cut, was_cut) = fit(&long, ink, 300);
        assert!(was_cut);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, ink) <= 300);
        assert!(long.starts_with(cut.trim_end_matches('…')));
    }

    #[test]
    fn fit_survives_odd_text() {
        let ink = Ink::new(BODY, INK);
        assert_eq!(fit("", ink, 10).0, "");
        let (s, _) = fit("🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀", ink, 40);
        assert!(!s.is_empty());
        assert_eq!(fit("a\nb\tc", ink, 400).0, "a b c");
        // Narrower than the ellipsis itself: still no panic.
        assert_eq!(fit("Backlog", ink, 1).0, "…");
    }

    #[test]
    fn wrap_keeps_every_word() {
        let ink = Ink::new(BODY, INK);
        let text = "Presenting the strategic roadmap and preparing the product actionable backlog";
        let lines = wrap(text, ink, 200);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(text_width(line, ink) <= 200, "{line}");
        }
    }

    #[test]
    fn wrap_breaks_a_word_longer_than_a_line() {
        let ink = Ink::new(BODY, INK);
        let word = "x".repeat(200);
        let lines = wrap(&word, ink, 100);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), word);
        assert_eq!(wrap("", ink, 100), vec![String::new()]);
    }

    #[test]
    fn letters_and_sides_have_fixed_colours() {
        assert_eq!(letter_color(Letter::R), RGBColor(0x00, 0x72, 0xB2));
        assert_eq!(letter_color(Letter::A), RGBColor(0xD5, 0x5E, 0x00));
        assert_eq!(letter_color(Letter::C), RGBColor(0x00, 0x9E, 0x73));
        assert_eq!(letter_color(Letter::I), RGBColor(0xF0, 0xE4, 0x42));
        assert_eq!(side_color(Side::Pm), RGBColor(0xE6, 0x9F, 0x00));
        assert_eq!(side_color(Side::Shared), RGBColor(0xCC, 0x79, 0xA7));
        assert_eq!(severity_color(Severity::Info), RGBColor(0x56, 0xB4, 0xE9));
    }
}
