//! The HTML `raci serve` answers with: the upload page, the audit page (the report stage's
//! own content inside a frame with downloads and the next upload), and error pages. Plain
//! HTML that works without script; `app.js` only adds drag and drop and a progress bar.

use super::guard::TOKEN_FIELD;
use crate::chart;
use crate::report::{escape_html as esc, HtmlParts};
use std::fmt::Write;

/// The page's own styles, after the report's stylesheet (which the audit content needs).
const SERVE_STYLE: &str = include_str!("serve.css");

/// The schemes the form offers, as `SchemeName::parse` reads them; empty means "detect".
const SCHEMES: [(&str, &str); 7] = [
    ("", "Detect (legend or letters present)"),
    ("raci", "RACI"),
    ("rasci", "RASCI (Support)"),
    ("raci-vs", "RACI-VS (Verify, Sign-off)"),
    ("daci", "DACI"),
    ("cairo", "CAIRO (Omitted)"),
    ("rapid", "RAPID"),
];

/// A whole page. `title` is already escaped; `report_style` is the report's stylesheet on
/// pages that show report content, empty elsewhere.
pub(crate) fn document(title: &str, report_style: &str, body: &str) -> String {
    let report_style = if report_style.is_empty() {
        String::new()
    } else {
        format!("<style>{report_style}</style>\n")
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n{report_style}<style>{SERVE_STYLE}</style>\n\
         <script src=\"/app.js\" defer></script>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// What every upload form on a page carries: the size limit it states and this run's token
/// (see `guard`; the token goes first, so the server reads it before the file).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormInfo<'a> {
    pub max_upload_mb: u64,
    pub token: &'a str,
}

/// The upload form: the same on the start page and under an audit ("audit the next file").
pub(crate) fn upload_form(info: FormInfo<'_>, heading: &str) -> String {
    let FormInfo {
        max_upload_mb,
        token,
    } = info;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<section class=\"upload\" id=\"upload\">\n<h2>{heading}</h2>\n\
         <form class=\"upload-form\" method=\"post\" action=\"/audit\" enctype=\"multipart/form-data\">\n\
         <input type=\"hidden\" name=\"{TOKEN_FIELD}\" value=\"{token}\">\n\
         <label class=\"dropzone\">\n<span class=\"drop-title\">Drop a RACI matrix here, or choose a file</span>\n\
         <span class=\"drop-hint\">CSV, TSV, XLSX, XLSM, XLSB, XLS or ODS, up to {max_upload_mb} MB. \
         The file is read in memory and never saved to disk.</span>\n\
         <input type=\"file\" name=\"file\" required \
         accept=\".csv,.tsv,.txt,.xlsx,.xlsm,.xlsb,.xls,.ods\">\n\
         <span class=\"drop-chosen\" aria-live=\"polite\"></span>\n</label>\n\
         <details class=\"options\"><summary>Options</summary>\n<div class=\"fields\">\n\
         <label>Sheet <input type=\"text\" name=\"sheet\" maxlength=\"200\" \
         placeholder=\"name or number; empty picks the best matrix\"></label>\n\
         <label>Letter scheme <select name=\"scheme\">"
    );
    for (value, label) in SCHEMES {
        let _ = write!(s, "<option value=\"{value}\">{label}</option>");
    }
    let _ = writeln!(
        s,
        "</select></label>\n\
         <label>Roster (<code>party,title</code> columns) \
         <input type=\"file\" name=\"roster\" accept=\".csv,.tsv,.txt,.xlsx,.xlsm,.xlsb,.xls,.ods\"></label>\n\
         <label>Settings (<code>raci.toml</code>, as downloaded from a review) \
         <input type=\"file\" name=\"config\" accept=\".toml,.txt\"></label>\n\
         <label><input type=\"checkbox\" name=\"anonymize\" value=\"on\"> Anonymize: people's names \
         become Person 1, Person 2, ... in every report (titles, roles, teams and tasks stay)</label>\n\
         </div>\n{}</details>\n\
         <p><button type=\"submit\">Audit</button> \
         <progress class=\"upload-progress\" max=\"100\" value=\"0\" hidden></progress> \
         <span class=\"upload-status\" aria-live=\"polite\"></span></p>\n\
         </form>\n</section>",
        steering_fields()
    );
    s
}

/// The reading choices of the Options, for a file that was read wrong: the same choices as
/// `--shape`, `--range`, `--header-rows`, `--task-column`, `--party-columns`, `--x-means`.
fn steering_fields() -> String {
    let mut s = String::from(
        "<p class=\"hint\">If the file was read wrong (see the audit's reading notes), say \
         where the matrix is:</p>\n<div class=\"fields\">\n<label>Shape <select name=\"shape\">\
         <option value=\"\">found by raci</option>",
    );
    for shape in ["wide", "transposed", "inverted", "long"] {
        let _ = write!(s, "<option value=\"{shape}\">{shape}</option>");
    }
    s.push_str("</select></label>\n");
    for (name, label, example) in [
        ("range", "Table range", "e.g. B4:M40"),
        ("header-rows", "Header rows", "1 to 4"),
        ("task-column", "Task column", "e.g. B"),
        ("party-columns", "Party columns", "e.g. D:K"),
        ("x-means", "An x means", "R, A, C or I"),
    ] {
        let _ = writeln!(
            s,
            "<label>{label} <input type=\"text\" name=\"{name}\" maxlength=\"40\" \
             placeholder=\"{example}\"></label>"
        );
    }
    s.push_str("</div>\n");
    s
}

/// `GET /`: what the tool does and the form.
pub(crate) fn start_page(form: FormInfo<'_>) -> String {
    let body = format!(
        "<main>\n<h1>RACI audit</h1>\n\
         <p class=\"lead\">Upload a RACI matrix exported from Excel, Google Sheets or LibreOffice. \
         Every task is classified as Product-Owner work, Product-Manager work, shared or \
         unclassified, and the audit shows where the two roles overlap, what nobody covers and \
         every RACI hygiene finding, with charts. Each report can be downloaded, or all of \
         them as one zip.</p>\n{}</main>\n",
        upload_form(form, "Audit a file")
    );
    document("RACI audit", "", &body)
}

/// A file the audit page offers for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Download {
    pub name: String,
    pub bytes: usize,
}

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The audit page: the report's own content, with the downloads above it and the next
/// upload below it.
pub(crate) fn audit_page(
    id: &str,
    parts: &HtmlParts,
    downloads: &[Download],
    zip_name: &str,
    form: FormInfo<'_>,
    review_bar: &str,
) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<main>\n<p class=\"topbar\"><a href=\"/\">RACI audit</a> \
         <a class=\"next\" href=\"#upload\">Audit the next file</a></p>\n<h1>{}</h1>",
        parts.title
    );
    body.push_str(review_bar);
    let _ = writeln!(
        body,
        "<section id=\"downloads\">\n<h2>Downloads</h2>\n<p><a class=\"zip\" \
         href=\"/audit/{id}/{zip}\" download=\"{zip}\">All reports ({zip})</a></p>\n\
         <ul class=\"files\">",
        zip = esc(zip_name)
    );
    // report.html shows a heatmap's later pages from the files beside it: alone, it lacks them.
    let paged = downloads.iter().any(|d| chart::matrix::later_page(&d.name));
    for d in downloads {
        let note = if paged && d.name == "report.html" {
            " <small>(shows the heatmap's later pages from the matrix-N.png files: take the \
             zip to keep them together)</small>"
        } else {
            ""
        };
        let _ = writeln!(
            body,
            "<li><a href=\"/audit/{id}/files/{n}\" download=\"{n}\">{n}</a> <small>{}</small>{note}</li>",
            size(d.bytes),
            n = esc(&d.name)
        );
    }
    body.push_str("</ul>\n</section>\n");
    body.push_str(&parts.content);
    body.push_str(&upload_form(form, "Audit the next file"));
    body.push_str("\n</main>\n");
    document(&parts.title, parts.style, &body)
}

/// A page saying why nothing could be audited, with the form to try again.
pub(crate) fn error_page(title: &str, lines: &[String], form: FormInfo<'_>) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<main>\n<p class=\"topbar\"><a href=\"/\">RACI audit</a></p>\n<h1>{}</h1>\n\
         <div class=\"error\" role=\"alert\">",
        esc(title)
    );
    for (i, line) in lines.iter().enumerate() {
        let class = if i == 0 { "message" } else { "cause" };
        let _ = writeln!(body, "<p class=\"{class}\">{}</p>", esc(line));
    }
    body.push_str("</div>\n");
    body.push_str(&upload_form(form, "Try another file"));
    body.push_str("\n</main>\n");
    document(&esc(title), "", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: FormInfo<'static> = FormInfo {
        max_upload_mb: 20,
        token: "0123456789abcdef0123456789abcdef",
    };

    #[test]
    fn form_posts_multipart_to_audit_with_a_file_field() {
        let p = start_page(FORM);
        assert!(p.contains("method=\"post\" action=\"/audit\" enctype=\"multipart/form-data\""));
        // The token is the form's first field, so the server reads it before the file.
        let token =
            "<input type=\"hidden\" name=\"token\" value=\"0123456789abcdef0123456789abcdef\">";
        let at = p.find(token).expect("token field");
        assert!(at < p.find("name=\"file\"").unwrap());
        assert!(p.contains("<input type=\"file\" name=\"file\" required"));
        assert!(p.contains("name=\"sheet\""));
        assert!(p.contains("name=\"scheme\""));
        assert!(p.contains("name=\"roster\""));
        assert!(p.contains("<input type=\"file\" name=\"config\""));
        for key in crate::layout::STEERING_KEYS {
            assert!(p.contains(&format!("name=\"{key}\"")), "{key}");
        }
        assert!(p.contains("<input type=\"checkbox\" name=\"anonymize\" value=\"on\">"));
        assert!(p.contains("up to 20 MB"));
        // Nothing from the network: every URL is on this server.
        assert!(!p.contains("http:") && !p.contains("https:") && !p.contains("//cdn"));
    }

    #[test]
    fn error_text_is_escaped() {
        let p = error_page("Bad", &["<b>x</b> & \"y\"".into()], FORM);
        assert!(p.contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"));
        assert!(!p.contains("<b>x</b>"));
    }

    #[test]
    fn report_html_of_a_paginated_heatmap_says_to_take_the_zip() {
        let parts = HtmlParts {
            title: "T".into(),
            style: "",
            content: String::new(),
        };
        let files = |names: &[&str]| -> Vec<Download> {
            names
                .iter()
                .map(|n| Download {
                    name: n.to_string(),
                    bytes: 1,
                })
                .collect()
        };
        let note = "take the zip to keep them together";
        let paged = files(&["report.html", "matrix-1.png", "matrix-2.png"]);
        let p = audit_page("id", &parts, &paged, "raci-t.zip", FORM, "");
        assert_eq!(p.matches(note).count(), 1);
        let line = p.lines().find(|l| l.contains(note)).unwrap();
        assert!(line.contains(">report.html</a>"), "{line}");
        let one = files(&["report.html", "matrix.png"]);
        let p = audit_page("id", &parts, &one, "raci-t.zip", FORM, "");
        assert!(!p.contains(note));
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(size(12), "12 B");
        assert_eq!(size(2048), "2.0 KB");
        assert_eq!(size(3 * 1024 * 1024 + 1024 * 512), "3.5 MB");
    }
}
