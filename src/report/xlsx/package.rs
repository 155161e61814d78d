//! The parts of an `.xlsx` package around the worksheets (content types, relationships,
//! workbook, document properties, tables, notes) and the zip that holds them.
//!
//! The XML follows what rust_xlsxwriter writes (which follows Excel), reduced to what
//! `report.xlsx` uses. Each part is compressed on its own ([`ZipFileBuilder`]) so that the
//! big worksheets can be compressed in parallel, then the parts are put in the zip in a fixed
//! order with a fixed date: the same workbook gives the same bytes.

use super::sheet::{escape_into, push_number};
use std::io::Write;
use zip::write::{PreparedZipFile, SimpleFileOptions, ZipFileBuilder};
use zip::{CompressionMethod, ZipWriter};

pub(super) const XML_DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Deflate level 1, not 6: on a 50,000-task matrix compression was half of the time spent
/// writing this workbook (benches/pipeline.rs), for a file a few percent smaller.
pub(super) fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        // A fixed date (the zip format's earliest): a clock would make every run differ.
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o600)
}

/// A part compressed into memory, ready for the zip.
pub(super) fn part(name: &str, xml: &[u8]) -> zip::result::ZipResult<PreparedZipFile> {
    let mut builder = ZipFileBuilder::new(name, options())?;
    builder.write_all(xml)?;
    builder.finish()
}

/// The zip of `parts`, in the order given.
pub(super) fn zip(parts: Vec<PreparedZipFile>) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for p in parts {
        zip.add_prepared_file(p)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// XML-escaped text (element content or an attribute value in double quotes).
pub(super) fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    // escape_into leaves double quotes alone: attributes need them escaped too.
    if out.contains('"') {
        out = out.replace('"', "&quot;");
    }
    out
}

/// What the workbook holds, for the parts that list its contents.
#[derive(Debug)]
pub(super) struct Contents<'a> {
    pub sheet_names: Vec<&'a str>,
    /// Sheets (1-based) that hold a table; tables are numbered in this order.
    pub table_sheets: Vec<usize>,
    /// The first sheet has notes.
    pub notes: bool,
    /// The first sheet's autofilter, as a range like `$A$1:$L$38`.
    pub autofilter: Option<String>,
    pub title: &'a str,
    pub author: &'a str,
}

pub(super) fn content_types(c: &Contents) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    if c.notes {
        out.push_str(
            "<Default Extension=\"vml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>",
        );
    }
    let over = |out: &mut String, part: &str, kind: &str| {
        out.push_str(&format!(
            "<Override PartName=\"{part}\" ContentType=\"application/vnd.openxmlformats-{kind}\"/>"
        ));
    };
    over(
        &mut out,
        "/docProps/app.xml",
        "officedocument.extended-properties+xml",
    );
    over(
        &mut out,
        "/docProps/core.xml",
        "package.core-properties+xml",
    );
    over(
        &mut out,
        "/xl/styles.xml",
        "officedocument.spreadsheetml.styles+xml",
    );
    over(&mut out, "/xl/theme/theme1.xml", "officedocument.theme+xml");
    over(
        &mut out,
        "/xl/workbook.xml",
        "officedocument.spreadsheetml.sheet.main+xml",
    );
    for i in 1..=c.sheet_names.len() {
        over(
            &mut out,
            &format!("/xl/worksheets/sheet{i}.xml"),
            "officedocument.spreadsheetml.worksheet+xml",
        );
    }
    for t in 1..=c.table_sheets.len() {
        over(
            &mut out,
            &format!("/xl/tables/table{t}.xml"),
            "officedocument.spreadsheetml.table+xml",
        );
    }
    if c.notes {
        over(
            &mut out,
            "/xl/comments1.xml",
            "officedocument.spreadsheetml.comments+xml",
        );
    }
    out.push_str("</Types>");
    out
}

fn relationships(rels: &[(&str, &str)]) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!("<Relationships xmlns=\"{REL_NS}\">"));
    for (i, (kind, target)) in rels.iter().enumerate() {
        out.push_str(&format!(
            "<Relationship Id=\"rId{}\" Type=\"{kind}\" Target=\"{target}\"/>",
            i + 1
        ));
    }
    out.push_str("</Relationships>");
    out
}

pub(super) fn root_rels() -> String {
    relationships(&[
        (&format!("{DOC_REL}/officeDocument"), "xl/workbook.xml"),
        (
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            &format!("{DOC_REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

pub(super) fn workbook_rels(c: &Contents) -> String {
    let sheet_kind = format!("{DOC_REL}/worksheet");
    let targets: Vec<String> = (1..=c.sheet_names.len())
        .map(|i| format!("worksheets/sheet{i}.xml"))
        .collect();
    let mut rels: Vec<(&str, &str)> = targets
        .iter()
        .map(|t| (sheet_kind.as_str(), t.as_str()))
        .collect();
    let theme = format!("{DOC_REL}/theme");
    let styles = format!("{DOC_REL}/styles");
    rels.push((&theme, "theme/theme1.xml"));
    rels.push((&styles, "styles.xml"));
    relationships(&rels)
}

/// The relationships of the sheet with notes: its drawing, then its comments.
pub(super) fn notes_sheet_rels() -> String {
    relationships(&[
        (
            &format!("{DOC_REL}/vmlDrawing"),
            "../drawings/vmlDrawing1.vml",
        ),
        (&format!("{DOC_REL}/comments"), "../comments1.xml"),
    ])
}

/// The relationship of a sheet to its table.
pub(super) fn table_sheet_rels(table: usize) -> String {
    relationships(&[(
        &format!("{DOC_REL}/table"),
        &format!("../tables/table{table}.xml"),
    )])
}

pub(super) fn workbook(c: &Contents) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{DOC_REL}\"><fileVersion appName=\"xl\" \
         lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/><workbookPr \
         defaultThemeVersion=\"124226\"/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" \
         windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>"
    ));
    for (i, name) in c.sheet_names.iter().enumerate() {
        out.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
            xml_text(name),
            i + 1,
            i + 1
        ));
    }
    out.push_str("</sheets>");
    if let (Some(range), Some(first)) = (&c.autofilter, c.sheet_names.first()) {
        out.push_str(&format!(
            "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" \
             hidden=\"1\">{}!{range}</definedName></definedNames>",
            xml_text(&quoted_sheet_name(first))
        ));
    }
    out.push_str("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
    out
}

/// A sheet name as a formula refers to it: quoted unless it is a plain word.
fn quoted_sheet_name(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

pub(super) fn app(c: &Contents) -> String {
    let n = c.sheet_names.len();
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>\
         <ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\"2\" baseType=\"variant\">\
         <vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{n}</vt:i4>\
         </vt:variant></vt:vector></HeadingPairs><TitlesOfParts>\
         <vt:vector size=\"{n}\" baseType=\"lpstr\">"
    ));
    for name in &c.sheet_names {
        out.push_str(&format!("<vt:lpstr>{}</vt:lpstr>", xml_text(name)));
    }
    out.push_str(
        "</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate>\
         <SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>\
         <AppVersion>12.0000</AppVersion></Properties>",
    );
    out
}

/// Document properties, with a fixed date: a clock would make every run differ.
pub(super) fn core(c: &Contents) -> String {
    let date = "2000-01-01T00:00:00Z";
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>\
         <dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         </cp:coreProperties>",
        xml_text(c.title),
        author = xml_text(c.author),
    ));
    out
}

/// `xl/tables/tableN.xml`: a table over `A1` to the last row and column (0-based), its
/// header row included, with filter buttons and banded rows.
pub(super) fn table(id: usize, name: &str, headers: &[&str], last_row: u32) -> String {
    let last_col = headers.len().saturating_sub(1) as u32;
    let range = format!(
        "A1:{}{}",
        crate::model::column_name(last_col),
        u64::from(last_row) + 1
    );
    let name = xml_text(name);
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<table xmlns=\"{MAIN_NS}\" id=\"{id}\" name=\"{name}\" displayName=\"{name}\" \
         ref=\"{range}\" totalsRowShown=\"0\"><autoFilter ref=\"{range}\"/>\
         <tableColumns count=\"{}\">",
        headers.len()
    ));
    for (i, h) in headers.iter().enumerate() {
        out.push_str(&format!(
            "<tableColumn id=\"{}\" name=\"{}\"/>",
            i + 1,
            xml_text(h)
        ));
    }
    out.push_str(
        "</tableColumns><tableStyleInfo name=\"TableStyleMedium2\" showFirstColumn=\"0\" \
         showLastColumn=\"0\" showRowStripes=\"1\" showColumnStripes=\"0\"/></table>",
    );
    out
}

/// One note on a cell: its text and its box size in pixels.
#[derive(Debug, Clone)]
pub(super) struct Note {
    pub row: u32,
    pub col: u16,
    pub text: String,
    pub width: u32,
    pub height: u32,
}

/// Where notes are drawn: the pixel widths of the sheet's columns (from A; later columns
/// have Excel's default of 64) and the first row's height in pixels (the others are 20).
#[derive(Debug, Clone)]
pub(super) struct Grid {
    pub column_pixels: Vec<u32>,
    pub header_pixels: u32,
}

const DEFAULT_ROW_PIXELS: u32 = 20;

impl Grid {
    fn column(&self, col: u32) -> u32 {
        self.column_pixels
            .get(col as usize)
            .copied()
            .unwrap_or(super::sheet::DEFAULT_PIXELS)
    }

    fn row(&self, row: u32) -> u32 {
        if row == 0 {
            self.header_pixels
        } else {
            DEFAULT_ROW_PIXELS
        }
    }

    /// The pixels left of column `col`.
    fn column_offset(&self, col: u32) -> u64 {
        (0..col).map(|c| u64::from(self.column(c))).sum()
    }

    /// The pixels above row `row`.
    fn row_offset(&self, row: u32) -> u64 {
        match row {
            0 => 0,
            r => u64::from(self.header_pixels) + u64::from(r - 1) * u64::from(DEFAULT_ROW_PIXELS),
        }
    }
}

/// `xl/comments1.xml`: the notes' text, each headed by its author in bold, as Excel shows it.
pub(super) fn comments(notes: &[Note], author: &str) -> Vec<u8> {
    let mut out = String::with_capacity(notes.len() * 300 + 500);
    out.push_str(XML_DECLARATION);
    let author = xml_text(author);
    out.push_str(&format!(
        "<comments xmlns=\"{MAIN_NS}\"><authors><author>{author}</author></authors><commentList>"
    ));
    let font = "<sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/>";
    for n in notes {
        out.push_str("<comment ref=\"");
        crate::model::push_column_name(&mut out, u32::from(n.col));
        push_number(&mut out, u64::from(n.row) + 1);
        out.push_str(&format!(
            "\" authorId=\"0\"><text><r><rPr><b/>{font}</rPr><t>{author}:</t></r><r><rPr>{font}\
             </rPr><t xml:space=\"preserve\">\n"
        ));
        escape_into(&mut out, &n.text);
        out.push_str("</t></r></text></comment>");
    }
    out.push_str("</commentList></comments>");
    out.into_bytes()
}

/// `xl/drawings/vmlDrawing1.vml`: the note boxes (hidden until the cell is pointed at), each
/// placed where Excel places a new note: one column right of its cell and a little above.
pub(super) fn vml(notes: &[Note], grid: &Grid) -> Vec<u8> {
    let mut out = String::with_capacity(notes.len() * 900 + 1000);
    out.push_str(
        "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" \
         xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
         xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\">",
    );
    // Shape ids come in blocks of 1,024 (the first is block 1, from 1025); the map lists
    // every block the notes use.
    let blocks: Vec<String> = (1..=1 + notes.len() / 1024)
        .map(|b| b.to_string())
        .collect();
    out.push_str(&format!(
        "<o:idmap v:ext=\"edit\" data=\"{}\"/></o:shapelayout>",
        blocks.join(",")
    ));
    out.push_str(
        "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">\
         <v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/>\
         </v:shapetype>",
    );
    for (i, n) in notes.iter().enumerate() {
        let p = place(n, grid);
        let pt = |px: f64| (px + 0.25).floor() * 72.0 / 96.0;
        out.push_str(&format!(
            "<v:shape id=\"_x0000_s{}\" type=\"#_x0000_t202\" style=\"position:absolute;\
             margin-left:{}pt;margin-top:{}pt;width:{}pt;height:{}pt;z-index:{};\
             visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">\
             <v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>\
             <v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\">\
             <div style=\"text-align:left\"></div></v:textbox><x:ClientData ObjectType=\"Note\">\
             <x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{}, {}, {}, {}, {}, {}, {}, {}\
             </x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{}</x:Row><x:Column>{}</x:Column>\
             </x:ClientData></v:shape>",
            1025 + i,
            pt(p.left as f64),
            pt(p.top as f64),
            pt(f64::from(n.width)),
            pt(f64::from(n.height)),
            i + 1,
            p.from.0,
            p.from.1,
            p.from.2,
            p.from.3,
            p.to.0,
            p.to.1,
            p.to.2,
            p.to.3,
            n.row,
            n.col,
        ));
    }
    out.push_str("</xml>");
    out.into_bytes()
}

/// A note box's place: absolute pixels from the sheet's top-left corner, and the cells (column,
/// offset, row, offset) its corners fall in.
struct Place {
    left: u64,
    top: u64,
    from: (u32, u32, u32, u32),
    to: (u32, u32, u32, u32),
}

fn place(n: &Note, grid: &Grid) -> Place {
    // Excel's default: the box starts 15 pixels into the next column, 10 pixels into the row
    // above (2 pixels into the first row for a note on it).
    let (mut col, mut row) = (u32::from(n.col) + 1, n.row.saturating_sub(1));
    let (mut x, mut y) = (15, if n.row == 0 { 2 } else { 10 });
    let left = grid.column_offset(col) + u64::from(x);
    let top = grid.row_offset(row) + u64::from(y);
    while x >= grid.column(col) && grid.column(col) > 0 {
        x -= grid.column(col);
        col += 1;
    }
    while y >= grid.row(row) {
        y -= grid.row(row);
        row += 1;
    }
    let (mut end_col, mut end_row) = (col, row);
    let (mut x2, mut y2) = (n.width + x, n.height + y);
    while x2 >= grid.column(end_col) && grid.column(end_col) > 0 {
        x2 -= grid.column(end_col);
        end_col += 1;
    }
    while y2 >= grid.row(end_row) {
        y2 -= grid.row(end_row);
        end_row += 1;
    }
    Place {
        left,
        top,
        from: (col, x, row, y),
        to: (end_col, x2, end_row, y2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Grid {
        // The sample's Matrix sheet: widths 40, 18, 13, then parties.
        Grid {
            column_pixels: vec![285, 131, 96, 118, 114, 106, 72, 61, 61, 61, 76, 61],
            header_pixels: 60,
        }
    }

    #[test]
    fn notes_sit_where_excel_puts_them() {
        // Anchors and margins as rust_xlsxwriter wrote them for the sample report.
        let header_note = Note {
            row: 0,
            col: 4,
            text: String::new(),
            width: 360,
            height: 80,
        };
        let p = place(&header_note, &grid());
        assert_eq!((p.from, p.to), ((5, 15, 0, 2), (10, 14, 2, 2)));
        let xml = String::from_utf8(vml(&[header_note], &grid())).unwrap();
        assert!(
            xml.contains("margin-left:569.25pt;margin-top:1.5pt;width:270pt;height:60pt"),
            "{xml}"
        );
        let task_note = Note {
            row: 4,
            col: 0,
            text: String::new(),
            width: 360,
            height: 80,
        };
        let p = place(&task_note, &grid());
        assert_eq!((p.from, p.to), ((1, 15, 3, 10), (4, 30, 7, 10)));
        assert_eq!((p.left, p.top), (300, 110));
    }

    #[test]
    fn comments_escape_their_text() {
        let note = Note {
            row: 6,
            col: 1,
            text: "R&D <lead>".into(),
            width: 360,
            height: 80,
        };
        let xml = String::from_utf8(comments(&[note], "raci-audit")).unwrap();
        assert!(xml.contains("<comment ref=\"B7\" authorId=\"0\">"), "{xml}");
        assert!(xml.contains("\nR&amp;D &lt;lead&gt;</t>"), "{xml}");
    }

    #[test]
    fn sheet_names_are_quoted_when_needed() {
        assert_eq!(quoted_sheet_name("Matrix"), "Matrix");
        assert_eq!(quoted_sheet_name("Team's RACI"), "'Team''s RACI'");
    }
}
