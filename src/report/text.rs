//! Escaping for each output language (spreadsheet formulas, HTML, Markdown) and small wording
//! helpers, kept in one place so every writer escapes the same way.

use std::borrow::Cow;

/// Guards a CSV cell against formula injection: text that [`looks_like_formula`] gets a
/// leading `'`.
///
/// Excel, LibreOffice and Sheets run such a cell as a formula when a CSV is opened, so a task
/// named `=HYPERLINK(...)` in someone's matrix would become live in the manager's report. The
/// apostrophe is what OWASP recommends and what spreadsheet users know as "this is text".
/// `report.xlsx` does not need it: a text cell there is stored as text and never run, and it
/// marks such cells with the format's quote prefix instead, which Excel keeps out of sight.
pub fn escape_formula(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a spreadsheet would take `text` for a formula: it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return.
pub fn looks_like_formula(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Escapes text for HTML element content and attribute values (and XML's: every character
/// either language gives a meaning is written as an entity). Control characters, which HTML
/// and XML forbid, are shown as their Unicode control pictures (`\u{1}` -> `␁`) so they stay
/// visible instead of vanishing. The one escaper for the reports, `raci serve`'s pages and the
/// OpenDocument files `synth` writes.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    html_into(&mut out, text);
    out
}

/// [`html`], appended to `out`: the HTML report escapes every cell of every table this way,
/// and most cells need no escaping at all, so they are copied in one go.
pub fn html_into(out: &mut String, text: &str) {
    let plain = |b: u8| {
        !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0x7f)
            && (b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'))
    };
    if text.bytes().all(plain) {
        out.push_str(text);
        return;
    }
    out.reserve(text.len() + 16);
    for c in text.chars() {
        match c {
            '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Escapes text for inline Markdown (list items and table cells): characters that would start
/// emphasis, links, code, HTML or a table cell are backslash-escaped, and line breaks become
/// spaces so a name with a newline cannot end a list item or a table row. Other control
/// characters are shown, never passed on (an escape sequence in `summary.md` would act on the
/// terminal of whoever `cat`s it): C0 and DEL as their Unicode control pictures, as the HTML
/// report shows them, C1 as `\u{9b}`.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            '\t' => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => {
                out.push_str(&format!("\\\\u{{{:x}}}", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

/// Shows text on a terminal without letting it act there: every control character (escape
/// sequences that set the window title or move the cursor, line breaks that fake a second
/// message, C1 controls some terminals obey) is written as a Rust-style escape (`\u{1b}`,
/// `\n`). Text without control characters is returned as it is.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`terminal`] for text of several lines: each line escaped, the line breaks kept.
pub fn terminal_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive('\n') {
        match piece.strip_suffix('\n') {
            Some(line) => {
                out.push_str(&terminal(line));
                out.push('\n');
            }
            None => out.push_str(&terminal(piece)),
        }
    }
    out
}

/// `1 task` / `3 tasks`: the count and the noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `is` / `are` to go with a count.
pub fn verb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A title and a one-line reading guide for a chart file the chart stage drew (`overlap.png`,
/// `matrix-2.png`); unknown names get a title from the file name.
pub fn chart_caption(file: &str) -> (String, &'static str) {
    // `matrix-1.png`, `matrix-2.png`: pages of one chart, read as the chart stage names them.
    let page = crate::chart::matrix::page_of(file);
    let base = match page {
        Some(_) => "matrix",
        None => file.strip_suffix(".png").unwrap_or(file),
    };
    let (title, guide) = match base {
        "matrix" => (
            "Matrix",
            "the whole matrix, one colour per letter, tasks grouped by side",
        ),
        "overlap" => (
            "Overlap",
            "who holds R or A on PO-side and on PM-side tasks at once",
        ),
        "co-ownership" => ("Co-ownership", "pairs of parties who own the same tasks"),
        "gaps" => ("Gaps", "PO and PM duties that no task covers, per side"),
        "workload" => ("Workload", "letters held per party"),
        "findings" => ("Findings", "findings per rule and severity"),
        _ => ("", "a chart from this audit"),
    };
    let title = if title.is_empty() {
        base.to_string()
    } else {
        title.to_string()
    };
    match page {
        Some(n) => (format!("{title} (part {n})"), guide),
        None => (title, guide),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_escaped() {
        for (input, want) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
        ] {
            assert_eq!(escape_formula(input), want, "{input:?}");
        }
    }

    #[test]
    fn plain_text_is_untouched() {
        for input in ["Maria", "", "R/A", "a=b", " =x", "1+1", "'quoted"] {
            assert_eq!(escape_formula(input), input, "{input:?}");
        }
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html(r#"<b>"Tom" & 'Ann'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Ann&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn html_plain_text_is_copied_as_is() {
        for text in ["", "Plan the roadmap", "ünï\tcode\r\nnext", "a/b; c=d"] {
            assert_eq!(html(text), text);
        }
        let mut out = "x".to_string();
        html_into(&mut out, "<&>");
        assert_eq!(out, "x&lt;&amp;&gt;");
    }

    #[test]
    fn html_shows_control_characters() {
        assert_eq!(html("a\u{1}b\u{7f}\tc\n"), "a\u{2401}b\u{2421}\tc\n");
    }

    #[test]
    fn markdown_escapes_structure() {
        assert_eq!(markdown("a|b *c*\nd"), r"a\|b \*c\* d");
        assert_eq!(markdown("<script>"), r"\<script\>");
    }

    #[test]
    fn control_characters_are_shown_not_passed_on() {
        let title = "Plan\u{1b}]0;owned\u{7}\u{9b}2J";
        assert_eq!(terminal(title), "Plan\\u{1b}]0;owned\\u{7}\\u{9b}2J");
        assert_eq!(terminal("two\nlines\t"), "two\\nlines\\t");
        assert!(matches!(terminal("Café"), Cow::Borrowed("Café")));
        assert_eq!(terminal_lines("a\u{1b}\nb\n"), "a\\u{1b}\nb\n");
        let md = markdown(title);
        assert!(!md.chars().any(|c| c.is_control()), "{md:?}");
        assert_eq!(md, "Plan\u{241b}\\]0;owned\u{2407}\\\\u{9b}2J");
    }

    #[test]
    fn chart_captions() {
        assert_eq!(chart_caption("overlap.png").0, "Overlap");
        assert_eq!(chart_caption("matrix-2.png").0, "Matrix (part 2)");
        assert_eq!(chart_caption("co-ownership.png").0, "Co-ownership");
        assert_eq!(chart_caption("other.png").0, "other");
        // No page as the chart stage names pages: a chart of its own name.
        assert_eq!(chart_caption("matrix-02.png").0, "matrix-02");
        assert_eq!(chart_caption("gaps-2.png").0, "gaps-2");
    }

    #[test]
    fn counts_agree() {
        assert_eq!(count(1, "task", "tasks"), "1 task");
        assert_eq!(count(0, "task", "tasks"), "0 tasks");
        assert_eq!(verb(2, "is", "are"), "are");
    }
}
