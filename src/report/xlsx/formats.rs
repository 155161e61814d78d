//! The cell formats of `report.xlsx`, as one fixed table: every format the workbook can use is
//! listed here once, with a quoted twin for text that looks like a formula, and registered
//! with the workbook in this order before any sheet is written. rust_xlsxwriter numbers formats
//! in first-use order; with the sheets written on both cores, first use would depend on which
//! thread got there first, and the bytes of `styles.xml` with it.

use crate::model::{Letter, Side};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

/// Okabe-Ito colours, the same the charts use, so a letter or a side looks the same everywhere.
const R_COLOUR: u32 = 0x0072B2;
const A_COLOUR: u32 = 0xD55E00;
const C_COLOUR: u32 = 0x009E73;
const I_COLOUR: u32 = 0xF0E442;
const S_COLOUR: u32 = 0x56B4E9;
const V_COLOUR: u32 = 0xCC79A7;
const PO_COLOUR: u32 = 0x0072B2;
const PM_COLOUR: u32 = 0xE69F00;
const SHARED_COLOUR: u32 = 0xCC79A7;
const UNCLASSIFIED_COLOUR: u32 = 0xBBBBBB;
const HEADER_FILL: u32 = 0xE8E8E8;
const PROBLEM_FILL: u32 = 0xFDE2DF;
const ERROR_FILL: u32 = 0xF8D7D3;
const WARNING_FILL: u32 = 0xFDEBD0;
const DARK_TEXT: u32 = 0x1B1B1B;
const WHITE_TEXT: u32 = 0xFFFFFF;
const PROBLEM_BORDER: u32 = 0xC00000;
/// A changed cell of the Proposed sheet: a pale tint of Okabe-Ito's bluish green with a border
/// in the full colour. Lighter than every letter fill and framed, so it stands out from the
/// letter colours by lightness and outline, not by hue alone; green, not the problem red.
const CHANGED_FILL: u32 = 0xD5F0E6;
const CHANGED_BORDER: u32 = 0x009E73;

/// A style: an index into the format table. Styles a problem cell can take come in pairs,
/// plain then outlined, so that [`Style::marked`] finds the outlined one by adding one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style(pub u16);

impl Style {
    pub const DEFAULT: Style = Style(0);
    pub const PROBLEM: Style = Style(1);
    pub const HEADER: Style = Style(2);
    pub const PARTY_HEADER: Style = Style(4);
    pub const PROBLEM_NAME: Style = Style(6);
    pub const DECIMAL: Style = Style(7);
    const FIRST_LETTER: u16 = 8;
    const FIRST_SIDE: u16 = 22;
    pub const ERROR: Style = Style(30);
    pub const WARNING: Style = Style(31);
    pub const UNCOVERED: Style = Style(32);
    /// A cell the Proposed sheet changed. The last style: tests count the table by it.
    pub const CHANGED: Style = Style(33);
    const COUNT: usize = 34;

    /// The outlined twin of a paired style when `problem` is set.
    pub fn marked(self, problem: bool) -> Style {
        Style(self.0 + u16::from(problem))
    }

    /// The style of a letter cell showing `letter` (the owning letter of its set).
    pub fn letter(letter: Option<Letter>) -> Style {
        let i = letter
            .and_then(|l| Letter::ALL.iter().position(|&x| x == l))
            .map_or(0, |i| i + 1);
        Style(Self::FIRST_LETTER + 2 * i as u16)
    }

    pub fn side(side: Side) -> Style {
        let i = Side::ALL.iter().position(|&s| s == side).unwrap_or(3);
        Style(Self::FIRST_SIDE + 2 * i as u16)
    }
}

fn filled(colour: u32, text: u32) -> Format {
    Format::new()
        .set_background_color(Color::RGB(colour))
        .set_font_color(Color::RGB(text))
}

fn problem(format: Format) -> Format {
    format
        .set_border(FormatBorder::Thick)
        .set_border_color(Color::RGB(PROBLEM_BORDER))
}

/// A letter cell: its colour, bold text (white on the dark fills, dark on the light ones),
/// centred.
fn letter(colour: u32, text: u32) -> Format {
    filled(colour, text)
        .set_bold()
        .set_align(FormatAlign::Center)
}

/// A changed cell: its new letters bold and centred like a letter cell, on the changed fill.
fn changed() -> Format {
    letter(CHANGED_FILL, DARK_TEXT)
        .set_border(FormatBorder::Medium)
        .set_border_color(Color::RGB(CHANGED_BORDER))
}

/// The formats in [`Style`] order.
fn table() -> [Format; Style::COUNT] {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(HEADER_FILL))
        .set_border_bottom(FormatBorder::Medium);
    let party_header = header.clone().set_align(FormatAlign::Center);
    let no_letter = Format::new().set_bold().set_align(FormatAlign::Center);
    let letters = [
        no_letter,
        letter(R_COLOUR, WHITE_TEXT),
        letter(A_COLOUR, WHITE_TEXT),
        letter(C_COLOUR, WHITE_TEXT),
        letter(I_COLOUR, DARK_TEXT),
        letter(S_COLOUR, DARK_TEXT),
        letter(V_COLOUR, DARK_TEXT),
    ];
    let sides = [
        filled(PO_COLOUR, WHITE_TEXT),
        filled(PM_COLOUR, DARK_TEXT),
        filled(SHARED_COLOUR, DARK_TEXT),
        filled(UNCLASSIFIED_COLOUR, DARK_TEXT),
    ];
    let mut all = vec![
        Format::new(),
        problem(Format::new()),
        header.clone(),
        problem(header),
        party_header.clone(),
        problem(party_header),
        problem(Format::new().set_background_color(Color::RGB(PROBLEM_FILL))),
        Format::new().set_num_format("0.00"),
    ];
    for f in letters.into_iter().chain(sides) {
        all.push(f.clone());
        all.push(problem(f));
    }
    all.push(filled(ERROR_FILL, DARK_TEXT).set_bold());
    all.push(filled(WARNING_FILL, DARK_TEXT));
    all.push(filled(ERROR_FILL, DARK_TEXT));
    all.push(changed());
    all.try_into()
        .expect("the format table matches Style::COUNT")
}

/// Every format, built once and lent to each cell.
#[derive(Debug)]
pub(super) struct Formats {
    plain: [Format; Style::COUNT],
    /// The same formats with Excel's quote prefix: the cell is text even when it starts like
    /// a formula, and the prefix shows in the formula bar only, not in the cell.
    quoted: [Format; Style::COUNT],
}

impl Formats {
    /// The formats, registered with `wb` in table order (plain, then quoted).
    pub fn new(wb: &mut Workbook) -> Formats {
        let plain = table();
        let quoted = table().map(Format::set_quote_prefix);
        for f in plain.iter().chain(&quoted) {
            // Public but left out of the documentation: rust_xlsxwriter keeps it for exactly
            // this, "multi-threaded constant memory programs" that need fixed format indices.
            wb.register_format(f);
        }
        Formats { plain, quoted }
    }

    /// The format of a cell in `style`; `None` for the default format, which a cell needs
    /// no format for (rust_xlsxwriter then skips looking the format up).
    pub fn get(&self, style: Style, quote: bool) -> Option<&Format> {
        let i = usize::from(style.0).min(Style::COUNT - 1);
        match (style, quote) {
            (Style::DEFAULT, false) => None,
            (_, false) => Some(&self.plain[i]),
            (_, true) => Some(&self.quoted[i]),
        }
    }

    /// Whether `style` outlines its cell as a problem.
    #[cfg(test)]
    pub fn is_outlined(&self, style: Style) -> bool {
        self.plain
            .get(usize::from(style.0))
            .is_some_and(|f| problem(f.clone()) == *f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_styles_differ_only_by_the_outline() {
        let plain = table();
        for base in [
            Style::HEADER,
            Style::PARTY_HEADER,
            Style::letter(None),
            Style::letter(Some(Letter::V)),
            Style::side(Side::Unclassified),
        ] {
            let p = &plain[base.0 as usize];
            let marked = &plain[base.marked(true).0 as usize];
            assert_ne!(p, marked, "{base:?}");
            assert_eq!(&problem(p.clone()), marked, "{base:?}");
        }
    }

    #[test]
    fn styles_name_the_right_colours() {
        let plain = table();
        let at = |s: Style| plain[s.0 as usize].clone();
        assert_eq!(
            at(Style::letter(Some(Letter::A))),
            letter(A_COLOUR, WHITE_TEXT)
        );
        assert_eq!(
            at(Style::letter(Some(Letter::I))),
            letter(I_COLOUR, DARK_TEXT)
        );
        assert_eq!(at(Style::side(Side::Pm)), filled(PM_COLOUR, DARK_TEXT));
        assert_eq!(at(Style::UNCOVERED), filled(ERROR_FILL, DARK_TEXT));
        assert_eq!(at(Style::ERROR), filled(ERROR_FILL, DARK_TEXT).set_bold());
        assert_eq!(at(Style::DECIMAL), Format::new().set_num_format("0.00"));
        assert_eq!(at(Style::CHANGED), changed());
        assert_eq!(usize::from(Style::CHANGED.0) + 1, Style::COUNT);
        assert_eq!(
            at(Style::side(Side::Unclassified)),
            filled(UNCLASSIFIED_COLOUR, DARK_TEXT)
        );
    }

    #[test]
    fn only_outlined_styles_are_outlined() {
        let mut wb = Workbook::new();
        let f = Formats::new(&mut wb);
        assert!(f.is_outlined(Style::PROBLEM));
        assert!(f.is_outlined(Style::PROBLEM_NAME));
        assert!(f.is_outlined(Style::letter(Some(Letter::R)).marked(true)));
        assert!(!f.is_outlined(Style::letter(Some(Letter::R))));
        assert!(!f.is_outlined(Style::DEFAULT));
        assert!(!f.is_outlined(Style::ERROR));
        assert!(!f.is_outlined(Style::CHANGED));
    }
}
