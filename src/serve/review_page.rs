//! The review page of an audit (`/audit/{id}/review`): every task with its side, duty,
//! confidence and the words that decided it and a side to choose, the suggested fixes to
//! accept, and the reading with its override controls and a preview of the first rows. One
//! plain form posts it all back; filters are links. Works without script.

use super::guard::TOKEN_FIELD;
use super::review::Kept;
use crate::classify::SideSource;
use crate::layout::{shape_name, STEERING_KEYS};
use crate::model::{column_name, Side};
use crate::report::escape_html as esc;
use std::fmt::Write;

/// Below this confidence a task is listed under "low confidence".
pub(crate) const LOW_CONFIDENCE: f64 = 0.5;

/// Which tasks the page lists (`?show=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Filter {
    All,
    Low,
    Unclassified,
    Changed,
}

impl Filter {
    pub const ALL: [(Filter, &'static str, &'static str); 4] = [
        (Filter::All, "all", "All tasks"),
        (Filter::Low, "low", "Low confidence"),
        (Filter::Unclassified, "unclassified", "Unclassified"),
        (Filter::Changed, "changed", "Changed"),
    ];

    /// The filter a `show` value names; an unknown one is `None`.
    pub fn parse(text: Option<&str>) -> Option<Filter> {
        match text {
            None | Some("") => Some(Filter::All),
            Some(t) => Self::ALL
                .iter()
                .find(|(_, k, _)| *k == t)
                .map(|(f, _, _)| *f),
        }
    }
}

/// Whether task `i` was given its side in this browser (a correction).
fn changed(kept: &Kept, i: usize) -> bool {
    let name = kept.audited.matrix.tasks[i].name.trim();
    kept.audited.classes[i].source == SideSource::Pin
        && kept
            .corrections
            .sides
            .iter()
            .any(|(t, _)| t.trim().eq_ignore_ascii_case(name))
}

/// The strip above an audit's report: what changed from the audit it corrects, and the way
/// to the review page and the `raci.toml` of its corrections.
pub(crate) fn review_bar(id: &str, kept: &Kept) -> String {
    let mut s = String::from("<section class=\"review-bar\" id=\"review-bar\">\n");
    if !kept.changes.is_empty() {
        let before = kept
            .parent
            .as_deref()
            .map(|p| format!(" (<a href=\"/audit/{p}\">the audit before</a> is kept)"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "<p class=\"changes\" role=\"status\"><strong>Re-audited:</strong> {}.{before}</p>",
            esc(&kept.changes.join(", "))
        );
    }
    let _ = writeln!(
        s,
        "<p><a class=\"review-link\" href=\"/audit/{id}/review\">Review and correct</a> \
         every task's side, the reading and the suggested fixes, then re-audit. \
         <a class=\"toml-link\" href=\"/audit/{id}/raci.toml\" download=\"raci.toml\">Download \
         raci.toml</a> keeps the corrections for the command line.</p>\n</section>"
    );
    s
}

fn side_select(i: usize, current: Side) -> String {
    let mut s = format!(
        "<select name=\"side-{i}\" aria-label=\"side of task {}\">",
        i + 1
    );
    for side in Side::ALL {
        let selected = if side == current { " selected" } else { "" };
        let _ = write!(
            s,
            "<option value=\"{v}\"{selected}>{v}</option>",
            v = side.as_str()
        );
    }
    s.push_str("</select>");
    s
}

/// The reading: what `raci inspect` says, the override controls, the preview.
fn reading_section(kept: &Kept) -> String {
    let m = &kept.audited.matrix;
    let r = &m.reading;
    let mut s =
        String::from("<section id=\"reading\">\n<h2>The reading</h2>\n<dl class=\"reading\">");
    let _ = write!(s, "<dt>File</dt><dd>{}</dd>", esc(&m.source.file));
    if let Some(sheet) = &m.source.sheet {
        let _ = write!(s, "<dt>Sheet</dt><dd>{}</dd>", esc(sheet));
    }
    let _ = write!(
        s,
        "<dt>Shape</dt><dd>{}</dd><dt>Scheme</dt><dd>{}</dd><dt>Reading</dt><dd>{}</dd>",
        shape_name(m.shape),
        esc(&m.scheme.describe()),
        esc(&r.chosen)
    );
    match &r.runner_up {
        Some(second) => {
            let _ = write!(
                s,
                "<dt>Runner-up</dt><dd>{}{}</dd>",
                esc(second),
                if r.unsure {
                    " <strong>(close: the reading is unsure)</strong>"
                } else {
                    ""
                }
            );
        }
        None => s.push_str("<dt>Runner-up</dt><dd>none</dd>"),
    }
    let _ = writeln!(
        s,
        "<dt>Counts</dt><dd>{} tasks, {} parties</dd></dl>",
        m.tasks.len(),
        m.parties.len()
    );
    s.push_str("<details><summary>Evidence and notes</summary><ul class=\"notes\">");
    for e in r.evidence.iter().chain(&r.separated_by).chain(&m.notes) {
        let _ = write!(s, "<li>{}</li>", esc(e));
    }
    s.push_str("</ul></details>\n");
    // The override controls, filled with the choices in force.
    let values = kept.corrections.steer.values();
    let value = |key: &str| {
        values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    s.push_str(
        "<p class=\"hint\">If the file was read wrong, say where the matrix is (empty: found by \
         raci):</p>\n<div class=\"fields\">\n",
    );
    let _ = writeln!(
        s,
        "<label>Sheet <input type=\"text\" name=\"sheet\" maxlength=\"200\" value=\"{}\" \
         placeholder=\"name or number\"></label>",
        esc(kept.corrections.sheet.as_deref().unwrap_or(""))
    );
    let shape = value("shape");
    s.push_str("<label>Shape <select name=\"shape\"><option value=\"\">found by raci</option>");
    for option in ["wide", "transposed", "inverted", "long"] {
        let selected = if shape == option { " selected" } else { "" };
        let _ = write!(s, "<option value=\"{option}\"{selected}>{option}</option>");
    }
    s.push_str("</select></label>\n");
    for (key, label, example) in [
        ("range", "Table range", "e.g. B4:M40"),
        ("header-rows", "Header rows", "1 to 4"),
        ("task-column", "Task column", "e.g. B"),
        ("party-columns", "Party columns", "e.g. D:K"),
        ("x-means", "An x means", "R, A, C or I"),
    ] {
        debug_assert!(STEERING_KEYS.contains(&key));
        let _ = writeln!(
            s,
            "<label>{label} <input type=\"text\" name=\"{key}\" maxlength=\"40\" value=\"{}\" \
             placeholder=\"{example}\"></label>",
            esc(&value(key))
        );
    }
    s.push_str("</div>\n");
    // The preview: which cells were read as what.
    let p = &kept.preview;
    if !p.rows.is_empty() {
        s.push_str(
            "<h3>The first rows as read</h3>\n<p class=\"legend\"><span class=\"cell-party\">party</span> \
             <span class=\"cell-task\">task</span> <span class=\"cell-letters\">letters</span> \
             <span class=\"cell-issue\">not understood</span> <span>not part of the matrix</span></p>\n\
             <div class=\"preview-wrap\"><table class=\"preview\"><thead><tr><th></th>",
        );
        let cols = p.rows.iter().map(Vec::len).max().unwrap_or(0) as u32;
        for c in 0..cols {
            let _ = write!(s, "<th>{}</th>", column_name(p.first_col + c));
        }
        s.push_str("</tr></thead><tbody>\n");
        for (i, row) in p.rows.iter().enumerate() {
            let _ = write!(s, "<tr><th>{}</th>", p.first_row as usize + i + 1);
            for (text, role) in row {
                if role.is_empty() {
                    let _ = write!(s, "<td>{}</td>", esc(text));
                } else {
                    let _ = write!(s, "<td class=\"cell-{role}\">{}</td>", esc(text));
                }
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody></table></div>\n");
    }
    s.push_str("</section>\n");
    s
}

/// The whole review page of audit `id`, listing the tasks `filter` keeps.
pub(crate) fn review_page(id: &str, kept: &Kept, filter: Filter, token: &str) -> String {
    let a = &kept.audited;
    let m = &a.matrix;
    let title = format!("Review: {}", m.source.file);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<main class=\"review\">\n<p class=\"topbar\"><a href=\"/\">RACI audit</a> \
         <a href=\"/audit/{id}\">Back to the audit</a> \
         <a href=\"/audit/{id}/raci.toml\" download=\"raci.toml\">Download raci.toml</a></p>\n\
         <h1>{}</h1>",
        esc(&title)
    );
    if !kept.changes.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"changes\" role=\"status\"><strong>Re-audited:</strong> {}.</p>",
            esc(&kept.changes.join(", "))
        );
    }
    let _ = writeln!(
        body,
        "<p class=\"lead\">Change a task's side, correct the reading or accept suggested fixes, \
         then <strong>Re-audit</strong>: the same upload is audited again with your \
         corrections, and the new audit's reports replace nothing you had.</p>\n\
         <form class=\"review-form\" method=\"post\" action=\"/audit/{id}/review\">\n\
         <input type=\"hidden\" name=\"{TOKEN_FIELD}\" value=\"{token}\">\n\
         <p><button type=\"submit\" class=\"reaudit\">Re-audit</button></p>"
    );

    // The tasks.
    let _ = writeln!(
        body,
        "<section id=\"tasks\">\n<h2>Tasks</h2>\n<p class=\"filters\">Show:"
    );
    for (f, key, label) in Filter::ALL {
        let count = (0..m.tasks.len()).filter(|&i| keeps(kept, f, i)).count();
        if f == filter {
            let _ = write!(
                body,
                " <strong aria-current=\"page\">{label} ({count})</strong>"
            );
        } else {
            let href = if f == Filter::All {
                format!("/audit/{id}/review")
            } else {
                format!("/audit/{id}/review?show={key}")
            };
            let _ = write!(body, " <a href=\"{href}#tasks\">{label} ({count})</a>");
        }
    }
    body.push_str(
        "</p>\n<table class=\"tasks\"><thead><tr><th>#</th><th>Task</th><th>Side</th>\
         <th>Duty</th><th>Confidence</th><th>Why</th></tr></thead><tbody>\n",
    );
    let mut shown = 0;
    for (i, (t, c)) in m.tasks.iter().zip(&a.classes).enumerate() {
        if !keeps(kept, filter, i) {
            continue;
        }
        shown += 1;
        let class = if changed(kept, i) {
            " class=\"changed\""
        } else {
            ""
        };
        let why = if c.matched.is_empty() {
            c.reason(&a.taxonomy)
        } else {
            format!("{}: {}", c.reason(&a.taxonomy), c.matched.join(", "))
        };
        let group = t
            .group
            .as_deref()
            .map(|g| format!(" <small>{}</small>", esc(g)))
            .unwrap_or_default();
        let _ = writeln!(
            body,
            "<tr{class} id=\"task-{i}\"><td>{}</td><td>{}{group}</td><td>{}</td><td>{}</td>\
             <td class=\"confidence\">{:.2}</td><td>{}</td></tr>",
            i + 1,
            esc(&t.name),
            side_select(i, c.side),
            esc(c.duties_label().as_deref().unwrap_or("")),
            c.confidence,
            esc(&why)
        );
    }
    if shown == 0 {
        body.push_str("<tr><td colspan=\"6\">No task is in this list.</td></tr>\n");
    }
    body.push_str("</tbody></table>\n</section>\n");

    // The suggested fixes.
    body.push_str("<section id=\"suggestions\">\n<h2>Suggested fixes</h2>\n");
    let fixes: Vec<_> = a
        .suggestions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.fixes())
        .collect();
    if fixes.is_empty() {
        body.push_str("<p>No finding of this audit has a change of letters to suggest.</p>\n");
    } else {
        body.push_str(
            "<p class=\"hint\">Each accepted fix sets the letters it names in the matrix the \
             audit reads (and in raci.toml's <code>[[cells]]</code>).</p>\n<ul class=\"fixes\">\n",
        );
        for (k, s) in fixes {
            let changes: Vec<String> = s
                .changes
                .iter()
                .map(|c| {
                    format!(
                        "{} on {}: {}",
                        m.parties[c.party].name,
                        m.tasks[c.task].name,
                        c.describe()
                    )
                })
                .collect();
            let _ = writeln!(
                body,
                "<li><label><input type=\"checkbox\" name=\"accept\" value=\"{k}\"> \
                 <strong>{}</strong> {}</label><br><small>{}</small></li>",
                s.code,
                esc(&changes.join("; ")),
                esc(&s.reason)
            );
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n");
    body.push_str(&reading_section(kept));
    body.push_str(
        "<p><button type=\"submit\" class=\"reaudit\">Re-audit</button></p>\n</form>\n</main>\n",
    );
    super::page::document(&esc(&title), "", &body)
}

/// Whether `filter` lists task `i`.
fn keeps(kept: &Kept, filter: Filter, i: usize) -> bool {
    let c = &kept.audited.classes[i];
    match filter {
        Filter::All => true,
        Filter::Low => c.confidence < LOW_CONFIDENCE,
        Filter::Unclassified => c.side == Side::Unclassified,
        Filter::Changed => changed(kept, i),
    }
}
