//! The suggested fixes as a report table (`suggestions.csv`, one row per cell to change) and
//! as the "Suggested fixes" sections of `summary.md` and `report.html` (one line per
//! suggestion, its reason).

use super::tables::{party_name_ref, task_name_ref, Cell, Rows, Table};
use super::text::{html as esc, markdown as md};
use crate::outcome::Outcome;
use crate::suggest::Suggestion;
use std::borrow::Cow;
use std::fmt::Write;

/// The columns of `suggestions.csv`.
pub(crate) const COLUMNS: [&str; 8] = [
    "code", "task", "party", "cell", "change", "from", "to", "reason",
];

/// How many suggestions `summary.md` and `report.html` list before pointing to the CSV.
pub(crate) const MAX_LISTED: usize = 25;

/// One row per cell a suggestion changes, in the order to apply them; a suggestion that
/// changes nothing (nobody fits, or an earlier one already fixes it) is one row with the
/// change `none`.
pub(crate) fn table<'a>(o: &Outcome<'a>) -> Table<'a> {
    let mut rows = Vec::new();
    for s in o.suggestions {
        let reason: Cell<'a> = Cell::Text(Cow::Borrowed(s.reason.as_str()));
        if s.changes.is_empty() {
            rows.push(vec![
                Cell::from(s.code),
                s.task
                    .map_or(Cell::from(""), |t| task_name_ref(o, t).into()),
                s.party
                    .map_or(Cell::from(""), |p| party_name_ref(o, p).into()),
                Cell::from(""),
                Cell::from("none"),
                Cell::from(""),
                Cell::from(""),
                reason,
            ]);
            continue;
        }
        for c in &s.changes {
            rows.push(vec![
                Cell::from(s.code),
                task_name_ref(o, c.task).into(),
                party_name_ref(o, c.party).into(),
                Cell::from(c.pos.map(|p| o.matrix.cell_ref(p)).unwrap_or_default()),
                Cell::from(c.describe()),
                Cell::from(c.from.to_string()),
                Cell::from(c.to.to_string()),
                reason.clone(),
            ]);
        }
    }
    Table {
        key: "suggestions",
        title: "Suggested fixes",
        headers: COLUMNS.to_vec(),
        rows: Rows::Held(rows),
    }
}

fn counts(suggestions: &[Suggestion]) -> (usize, usize) {
    let cells = suggestions.iter().map(|s| s.changes.len()).sum();
    let fixes = suggestions.iter().filter(|s| s.fixes()).count();
    (fixes, cells)
}

fn intro(suggestions: &[Suggestion]) -> String {
    let (fixes, cells) = counts(suggestions);
    let open = suggestions.len() - fixes;
    let mut s = format!(
        "{fixes} {} {cells} {}",
        if fixes == 1 {
            "suggestion changes"
        } else {
            "suggestions change"
        },
        if cells == 1 { "cell" } else { "cells" },
    );
    if open > 0 {
        let _ = write!(
            s,
            "; for {open} more {} nobody fits, or a change above already fixes it",
            if open == 1 { "finding" } else { "findings" }
        );
    }
    s.push_str(
        ". Each is worked out on the matrix the ones before it leave, so take them in this \
         order (the rules are in docs/suggestions.md).",
    );
    s
}

/// The "Suggested fixes" section of `summary.md`: the reasons in order, at most
/// [`MAX_LISTED`], then where the rest are. Nothing when no finding could have one.
pub(crate) fn markdown(o: &Outcome, csv: bool) -> String {
    let mut s = String::new();
    if o.suggestions.is_empty() {
        return s;
    }
    s.push_str("## Suggested fixes\n\n");
    let _ = writeln!(s, "{}\n", md(&intro(o.suggestions)));
    for sug in o.suggestions.iter().take(MAX_LISTED) {
        let _ = writeln!(s, "- {} {}", sug.code, md(&sug.reason));
    }
    let rest = o.suggestions.len().saturating_sub(MAX_LISTED);
    if rest > 0 {
        let place = if csv { " in suggestions.csv" } else { "" };
        let _ = writeln!(s, "- and {rest} more{place}.");
    }
    s.push('\n');
    s
}

/// The "Suggested fixes" section of `report.html`, as [`markdown`]'s.
pub(crate) fn html(o: &Outcome, out: &mut String) {
    if o.suggestions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"suggestions\">\n<h2>Suggested fixes <small>({})</small></h2>\n<p>{}</p>\n<ol class=\"suggestions\">",
        o.suggestions.len(),
        esc(&intro(o.suggestions))
    );
    for sug in o.suggestions.iter().take(MAX_LISTED) {
        let _ = writeln!(out, "<li><b>{}</b> {}</li>", sug.code, esc(&sug.reason));
    }
    out.push_str("</ol>\n");
    let rest = o.suggestions.len().saturating_sub(MAX_LISTED);
    if rest > 0 {
        let _ = writeln!(
            out,
            "<p class=\"capped\">Showing the first {MAX_LISTED} of {} suggestions; \
             <code>suggestions.csv</code> has all of them, one row per cell to change.</p>",
            o.suggestions.len()
        );
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;
    use crate::audit::Thresholds;
    use crate::suggest::suggest;

    fn with_suggestions(f: &Fixture) -> Vec<Suggestion> {
        suggest(
            &f.matrix,
            &f.classes,
            &f.taxonomy,
            &f.audit.findings,
            &Thresholds::default(),
        )
    }

    #[test]
    fn one_row_per_changed_cell_and_one_per_open_finding() {
        let f = Fixture::new();
        let s = with_suggestions(&f);
        assert!(!s.is_empty());
        let o = Outcome {
            suggestions: &s,
            ..f.outcome()
        };
        let t = table(&o);
        assert_eq!(t.headers, COLUMNS);
        let rows: usize = s.iter().map(|x| x.changes.len().max(1)).sum();
        assert_eq!(t.rows.len(), rows);
        for row in t.rows.iter() {
            assert_eq!(row.len(), COLUMNS.len());
        }
    }

    #[test]
    fn sections_list_reasons_escaped_and_capped() {
        let f = Fixture::new();
        let one = with_suggestions(&f).remove(0);
        let many: Vec<Suggestion> = (0..MAX_LISTED + 3)
            .map(|i| Suggestion {
                reason: format!("<b>{i}</b> & *x*"),
                ..one.clone()
            })
            .collect();
        let o = Outcome {
            suggestions: &many,
            ..f.outcome()
        };
        let md = markdown(&o, true);
        assert!(md.starts_with("## Suggested fixes\n\n"), "{md}");
        assert!(md.contains("\\<b\\>0\\</b\\> \\& \\*x\\*"), "{md}");
        assert!(md.contains("- and 3 more in suggestions.csv."), "{md}");
        let mut page = String::new();
        html(&o, &mut page);
        assert!(page.contains("&lt;b&gt;0&lt;/b&gt; &amp; *x*"), "{page}");
        assert_eq!(page.matches("<li>").count(), MAX_LISTED);
        // No suggestions, no section.
        let none = Outcome {
            suggestions: &[],
            ..f.outcome()
        };
        assert!(markdown(&none, true).is_empty());
        let mut empty = String::new();
        html(&none, &mut empty);
        assert!(empty.is_empty());
    }
}
