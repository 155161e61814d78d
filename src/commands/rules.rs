//! `raci rules`: the rule table, one rule's explanation, and the generated `docs/rules.md`.

use crate::audit::{find_rule, Family, Rule, HEALTH_FORMULA, RULES};
use crate::error::Error;
use crate::settings::CONFIG_REFERENCE;
use std::io::Write;
use std::path::PathBuf;

/// Without `rule`, prints the table of every rule (code, name, default severity, summary);
/// with a code or name (any case), prints that rule's explanation.
pub fn run(rule: Option<&str>, out: &mut dyn Write) -> crate::Result<()> {
    let text = match rule {
        None => table(),
        Some(wanted) => {
            let rule = find_rule(wanted).ok_or_else(|| {
                Error::Usage(format!(
                    "unknown rule {wanted:?}; valid codes: {}. Run `raci rules` for the table.",
                    RULES.iter().map(|r| r.code).collect::<Vec<_>>().join(", ")
                ))
            })?;
            explain(rule)
        }
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: PathBuf::from("<stdout>"),
            source,
        })
}

fn table() -> String {
    let code_w = RULES.iter().map(|r| r.code.len()).max().unwrap_or(4).max(4);
    let name_w = RULES.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
    let sev_w = "severity".len();
    let mut s = format!(
        "{:code_w$}  {:name_w$}  {:sev_w$}  SUMMARY\n",
        "CODE", "NAME", "SEVERITY"
    );
    for r in RULES {
        s.push_str(&format!(
            "{:code_w$}  {:name_w$}  {:sev_w$}  {}\n",
            r.code,
            r.name,
            r.default_severity.as_str(),
            r.summary
        ));
    }
    s.push_str("\nExplain one rule with `raci rules CODE`; change severities and thresholds in raci.toml.\n");
    s
}

fn explain(rule: &Rule) -> String {
    let mut s = format!(
        "{} {} (default severity: {})\n{}\n",
        rule.code,
        rule.name,
        rule.default_severity.as_str(),
        rule.summary
    );
    for (heading, text) in rule.explanation.sections() {
        s.push_str(&format!("\n{heading}\n"));
        for line in wrap(text, WIDTH - 2) {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s
}

/// Terminal width the explanation is wrapped to (fixed, so output does not depend on the
/// terminal).
const WIDTH: usize = 88;

/// Greedy word wrap; a word longer than `width` stands on its own line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// `docs/rules.md`: every rule with its explanation, the health formula and the `raci.toml`
/// keys. A test compares it with the committed file.
pub fn markdown() -> String {
    let mut s = String::new();
    s.push_str("# Rules\n\n");
    s.push_str("<!-- Generated from the rule table (src/audit/rules/mod.rs) by `raci_audit::commands::rules::markdown()`. Do not edit: regenerate with `RACI_BLESS=1 cargo test --test it rules_doc`. -->\n\n");
    s.push_str("Every finding of `raci audit` comes from one of these rules. Codes are stable: a code is never reused. `raci rules` prints this table and `raci rules CODE` one explanation. Severities and thresholds are set in `raci.toml` (see [Configuration](#configuration-racitoml)); a rule never decides its own severity.\n\n");
    let families: Vec<String> = Family::ALL
        .iter()
        .map(|f| format!("{} = {}", f.letter(), f.describe()))
        .collect();
    s.push_str(&format!("Families: {}.\n\n", families.join(", ")));
    s.push_str("| Code | Name | Default severity | Summary |\n|---|---|---|---|\n");
    for r in RULES {
        s.push_str(&format!(
            "| [{code}](#{anchor}) | `{name}` | {sev} | {summary} |\n",
            code = r.code,
            anchor = format!("{}-{}", r.code, r.name).to_ascii_lowercase(),
            name = r.name,
            sev = r.default_severity.as_str(),
            summary = cell(r.summary)
        ));
    }
    for r in RULES {
        s.push_str(&format!(
            "\n## {} {}\n\n**Default severity:** {}. {}\n",
            r.code,
            r.name,
            r.default_severity.as_str(),
            r.summary
        ));
        for (heading, text) in r.explanation.sections() {
            s.push_str(&format!("\n### {heading}\n\n{text}\n"));
        }
    }
    s.push_str("\n## Health score\n\n");
    s.push_str(HEALTH_FORMULA);
    s.push_str("\n## Configuration (`raci.toml`)\n\n");
    s.push_str(CONFIG_REFERENCE);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_every_rule() {
        let mut out = Vec::new();
        run(None, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for r in RULES {
            assert!(text.contains(r.code) && text.contains(r.name), "{}", r.code);
        }
        assert!(text.starts_with("CODE"));
    }

    #[test]
    fn explains_by_code_or_name() {
        let mut by_code = Vec::new();
        run(Some("r002"), &mut by_code).unwrap();
        let mut by_name = Vec::new();
        run(Some("multiple-accountable"), &mut by_name).unwrap();
        assert_eq!(by_code, by_name);
        let text = String::from_utf8(by_code).unwrap();
        for heading in [
            "What it checks",
            "Why it matters",
            "Example",
            "How to fix",
            "Options",
        ] {
            assert!(text.contains(heading), "{heading}");
        }
    }

    #[test]
    fn wrap_keeps_every_word_within_width() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap(text, 10);
        assert!(lines.iter().all(|l| l.chars().count() <= 10), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(
            wrap("averyveryverylongword x", 5),
            vec!["averyveryverylongword", "x"]
        );
    }

    #[test]
    fn unknown_rule_lists_codes() {
        let err = run(Some("R999"), &mut Vec::new()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, Error::Usage(_)));
        assert!(msg.contains("R999") && msg.contains("R001") && msg.contains("D005"));
    }
}
