//! The cell formats of `report.xlsx`, as a fixed table: every format the workbook can use is
//! listed once here, so a cell's style number is known before any cell is written and the
//! sheets can be written in parallel (a writer that numbers formats in first-use order, as
//! rust_xlsxwriter does, has to write the sheets one after the other).

use crate::model::{Letter, Side};

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

/// A font: bold or not, and its colour (`None`: the theme's text colour).
#[derive(Clone, Copy, PartialEq)]
struct Font {
    bold: bool,
    colour: Option<u32>,
}

const FONTS: [Font; 6] = [
    Font {
        bold: false,
        colour: None,
    },
    Font {
        bold: true,
        colour: None,
    },
    Font {
        bold: false,
        colour: Some(DARK_TEXT),
    },
    Font {
        bold: true,
        colour: Some(WHITE_TEXT),
    },
    Font {
        bold: true,
        colour: Some(DARK_TEXT),
    },
    Font {
        bold: false,
        colour: Some(WHITE_TEXT),
    },
];

/// Solid fills, after the two every workbook starts with (`none`, `gray125`).
const FILLS: [u32; 12] = [
    HEADER_FILL,
    R_COLOUR, // also PO
    A_COLOUR,
    C_COLOUR,
    I_COLOUR,
    S_COLOUR,
    V_COLOUR, // also shared
    PM_COLOUR,
    UNCLASSIFIED_COLOUR,
    PROBLEM_FILL,
    ERROR_FILL,
    WARNING_FILL,
];

/// Borders: none, a medium line under a header, a thick red outline round a problem cell.
#[derive(Clone, Copy, PartialEq)]
enum Border {
    None,
    HeaderLine,
    Problem,
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    None,
    Center,
    Wrap,
    CenterWrap,
}

/// One cell format (an `xf` of `styles.xml`).
#[derive(Clone, Copy)]
struct Xf {
    font: Font,
    /// A solid fill colour.
    fill: Option<u32>,
    border: Border,
    align: Align,
    /// Two decimals (`0.00`).
    decimal: bool,
}

impl Xf {
    const PLAIN: Xf = Xf {
        font: FONTS[0],
        fill: None,
        border: Border::None,
        align: Align::None,
        decimal: false,
    };

    const fn filled(colour: u32, font: Font) -> Xf {
        Xf {
            font,
            fill: Some(colour),
            ..Xf::PLAIN
        }
    }

    /// The same format outlined as a problem cell.
    const fn problem(self) -> Xf {
        Xf {
            border: Border::Problem,
            ..self
        }
    }

    const fn centred(self) -> Xf {
        Xf {
            align: Align::Center,
            ..self
        }
    }
}

/// A style number: an index into [`XFS`] and the `s` attribute of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style(pub u16);

/// The cell formats. Formats that a problem cell can take come in pairs, plain then outlined,
/// so that [`Style::marked`] finds the outlined one by adding one.
const XFS: [Xf; 33] = {
    let header = Xf {
        font: FONTS[1],
        fill: Some(HEADER_FILL),
        border: Border::HeaderLine,
        align: Align::Wrap,
        decimal: false,
    };
    let party_header = Xf {
        align: Align::CenterWrap,
        ..header
    };
    let no_letter = Xf {
        font: FONTS[1],
        ..Xf::PLAIN
    }
    .centred();
    let po = Xf::filled(PO_COLOUR, FONTS[5]);
    let pm = Xf::filled(PM_COLOUR, FONTS[2]);
    let shared = Xf::filled(SHARED_COLOUR, FONTS[2]);
    let unclassified = Xf::filled(UNCLASSIFIED_COLOUR, FONTS[2]);
    [
        // 0: the default every unformatted cell has.
        Xf::PLAIN,
        // 1: a blank outlined cell (a missing letter, a group with a finding).
        Xf::PLAIN.problem(),
        // 2, 3
        header,
        header.problem(),
        // 4, 5
        party_header,
        party_header.problem(),
        // 6: a task name with a finding, filled and outlined.
        Xf::filled(PROBLEM_FILL, FONTS[0]).problem(),
        // 7: two decimals.
        Xf {
            decimal: true,
            ..Xf::PLAIN
        },
        // 8..=21: letter cells in [`LETTER_ORDER`] order, none first.
        no_letter,
        no_letter.problem(),
        white_letter(R_COLOUR),
        white_letter(R_COLOUR).problem(),
        white_letter(A_COLOUR),
        white_letter(A_COLOUR).problem(),
        white_letter(C_COLOUR),
        white_letter(C_COLOUR).problem(),
        dark_letter(I_COLOUR),
        dark_letter(I_COLOUR).problem(),
        dark_letter(S_COLOUR),
        dark_letter(S_COLOUR).problem(),
        dark_letter(V_COLOUR),
        dark_letter(V_COLOUR).problem(),
        // 22..=29: sides in [`Side::ALL`] order.
        po,
        po.problem(),
        pm,
        pm.problem(),
        shared,
        shared.problem(),
        unclassified,
        unclassified.problem(),
        // 30, 31: severities in the tables.
        Xf::filled(ERROR_FILL, FONTS[4]),
        Xf::filled(WARNING_FILL, FONTS[2]),
        // 32: an uncovered duty, the error colour without the bold.
        Xf::filled(ERROR_FILL, FONTS[2]),
    ]
};

/// A letter cell with white bold text.
const fn white_letter(colour: u32) -> Xf {
    Xf::filled(colour, FONTS[3]).centred()
}

/// A letter cell with dark bold text (on the light fills).
const fn dark_letter(colour: u32) -> Xf {
    Xf::filled(colour, FONTS[4]).centred()
}

/// The letters in the order of the letter styles (after the first, a cell without letters).
const LETTER_ORDER: [Letter; 6] = Letter::ALL;

impl Style {
    pub const DEFAULT: Style = Style(0);
    pub const PROBLEM: Style = Style(1);
    pub const HEADER: Style = Style(2);
    pub const PARTY_HEADER: Style = Style(4);
    pub const PROBLEM_NAME: Style = Style(6);
    pub const DECIMAL: Style = Style(7);
    pub const ERROR: Style = Style(30);
    pub const WARNING: Style = Style(31);
    pub const UNCOVERED: Style = Style(32);

    /// The outlined twin of a paired style when `problem` is set.
    pub fn marked(self, problem: bool) -> Style {
        Style(self.0 + u16::from(problem))
    }

    /// The style of a letter cell showing `letter` (the owning letter of its set).
    pub fn letter(letter: Option<Letter>) -> Style {
        let i = letter
            .and_then(|l| LETTER_ORDER.iter().position(|&x| x == l))
            .map_or(0, |i| i + 1);
        Style(8 + 2 * i as u16)
    }

    /// Whether the style outlines its cell as a problem.
    #[cfg(test)]
    pub fn is_outlined(self) -> bool {
        XFS.get(usize::from(self.0))
            .is_some_and(|xf| xf.border == Border::Problem)
    }

    pub fn side(side: Side) -> Style {
        let i = Side::ALL.iter().position(|&s| s == side).unwrap_or(3);
        Style(22 + 2 * i as u16)
    }
}

/// `xl/styles.xml` for [`XFS`].
pub(super) fn styles_xml() -> String {
    let mut out = String::with_capacity(6_000);
    out.push_str(super::package::XML_DECLARATION);
    out.push_str(
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/></numFmts>",
    );
    // The last font is the one notes are written in.
    out.push_str(&format!("<fonts count=\"{}\">", FONTS.len() + 1));
    for f in FONTS {
        out.push_str("<font>");
        if f.bold {
            out.push_str("<b/>");
        }
        out.push_str("<sz val=\"11\"/>");
        match f.colour {
            Some(c) => out.push_str(&format!("<color rgb=\"FF{c:06X}\"/>")),
            None => out.push_str("<color theme=\"1\"/>"),
        }
        out.push_str("<name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>");
    }
    out.push_str(
        "<font><sz val=\"8\"/><color indexed=\"81\"/><name val=\"Tahoma\"/><family val=\"2\"/>\
         </font></fonts>",
    );
    out.push_str(&format!(
        "<fills count=\"{}\"><fill><patternFill patternType=\"none\"/></fill>\
         <fill><patternFill patternType=\"gray125\"/></fill>",
        FILLS.len() + 2
    ));
    for c in FILLS {
        out.push_str(&format!(
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF{c:06X}\"/>\
             <bgColor indexed=\"64\"/></patternFill></fill>"
        ));
    }
    out.push_str("</fills>");
    let side = |style: &str| {
        format!("<{style} style=\"thick\"><color rgb=\"FF{PROBLEM_BORDER:06X}\"/></{style}>")
    };
    out.push_str(&format!(
        "<borders count=\"3\"><border><left/><right/><top/><bottom/><diagonal/></border>\
         <border><left/><right/><top/><bottom style=\"medium\"><color auto=\"1\"/></bottom>\
         <diagonal/></border><border>{}{}{}{}<diagonal/></border></borders>",
        side("left"),
        side("right"),
        side("top"),
        side("bottom")
    ));
    out.push_str(
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>\
         </cellStyleXfs>",
    );
    out.push_str(&format!("<cellXfs count=\"{}\">", XFS.len()));
    for xf in XFS {
        out.push_str(&xf_xml(&xf));
    }
    out.push_str(
        "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>\
         </cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\" \
         defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>\
         </styleSheet>",
    );
    out
}

fn xf_xml(xf: &Xf) -> String {
    let font = FONTS.iter().position(|f| *f == xf.font).unwrap_or(0);
    let fill = xf
        .fill
        .and_then(|c| FILLS.iter().position(|&x| x == c))
        .map_or(0, |i| i + 2);
    let border = match xf.border {
        Border::None => 0,
        Border::HeaderLine => 1,
        Border::Problem => 2,
    };
    let num_fmt = if xf.decimal { 164 } else { 0 };
    let mut out = format!(
        "<xf numFmtId=\"{num_fmt}\" fontId=\"{font}\" fillId=\"{fill}\" borderId=\"{border}\" xfId=\"0\""
    );
    if xf.decimal {
        out.push_str(" applyNumberFormat=\"1\"");
    }
    if font > 0 {
        out.push_str(" applyFont=\"1\"");
    }
    if fill > 0 {
        out.push_str(" applyFill=\"1\"");
    }
    if border > 0 {
        out.push_str(" applyBorder=\"1\"");
    }
    let alignment = match xf.align {
        Align::None => None,
        Align::Center => Some("<alignment horizontal=\"center\"/>"),
        Align::Wrap => Some("<alignment wrapText=\"1\"/>"),
        Align::CenterWrap => Some("<alignment horizontal=\"center\" wrapText=\"1\"/>"),
    };
    match alignment {
        Some(a) => {
            out.push_str(" applyAlignment=\"1\">");
            out.push_str(a);
            out.push_str("</xf>");
        }
        None => out.push_str("/>"),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_styles_differ_only_by_the_outline() {
        for base in [
            Style::HEADER,
            Style::PARTY_HEADER,
            Style::letter(None),
            Style::letter(Some(Letter::V)),
            Style::side(Side::Unclassified),
        ] {
            let plain = XFS[base.0 as usize];
            let marked = XFS[base.marked(true).0 as usize];
            assert!(plain.border != Border::Problem, "{base:?}");
            assert!(marked.border == Border::Problem, "{base:?}");
            assert!(plain.font == marked.font && plain.fill == marked.fill);
        }
    }

    #[test]
    fn styles_name_the_right_colours() {
        assert_eq!(
            XFS[Style::letter(Some(Letter::A)).0 as usize].fill,
            Some(A_COLOUR)
        );
        assert_eq!(
            XFS[Style::letter(Some(Letter::I)).0 as usize].fill,
            Some(I_COLOUR)
        );
        assert_eq!(XFS[Style::side(Side::Pm).0 as usize].fill, Some(PM_COLOUR));
        assert_eq!(XFS[Style::UNCOVERED.0 as usize].fill, Some(ERROR_FILL));
        assert!(!XFS[Style::UNCOVERED.0 as usize].font.bold);
        assert!(XFS[Style::ERROR.0 as usize].font.bold);
        assert!(XFS[Style::DECIMAL.0 as usize].decimal);
    }
}
