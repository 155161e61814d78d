//! `findings.png`: how many findings each rule raised, coloured by severity, worst rules first.

use super::bars::{Bar, BarChart, Segment};
use super::canvas::plural;
use super::style::{self, INK};
use crate::audit::Severity;
use crate::outcome::Outcome;
use std::collections::BTreeMap;

/// One rule's findings by severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    pub code: &'static str,
    pub name: &'static str,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl RuleCount {
    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }

    fn worst(&self) -> Severity {
        if self.error > 0 {
            Severity::Error
        } else if self.warning > 0 {
            Severity::Warning
        } else {
            Severity::Info
        }
    }
}

/// The numbers behind `findings.png`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingsData {
    /// Worst severity first, then most findings, then code.
    pub rules: Vec<RuleCount>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn findings_data(o: &Outcome) -> FindingsData {
    let mut by_code: BTreeMap<&'static str, RuleCount> = BTreeMap::new();
    for f in &o.audit.findings {
        let r = by_code.entry(f.code).or_insert(RuleCount {
            code: f.code,
            name: f.name,
            error: 0,
            warning: 0,
            info: 0,
        });
        match f.severity {
            Severity::Error => r.error += 1,
            Severity::Warning => r.warning += 1,
            Severity::Info => r.info += 1,
        }
    }
    let mut rules: Vec<RuleCount> = by_code.into_values().collect();
    rules.sort_by(|a, b| {
        b.worst()
            .cmp(&a.worst())
            .then(b.total().cmp(&a.total()))
            .then(a.code.cmp(b.code))
    });
    FindingsData {
        errors: o.audit.count(Severity::Error),
        warnings: o.audit.count(Severity::Warning),
        infos: o.audit.count(Severity::Info),
        rules,
    }
}

impl FindingsData {
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    pub fn headline(&self) -> String {
        if self.total() == 0 {
            return "No findings: the audit raised nothing".to_string();
        }
        format!(
            "{} from {}: {}, {}, {} info",
            plural(self.total(), "finding", "findings"),
            plural(self.rules.len(), "rule", "rules"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            self.infos
        )
    }

    pub fn chart(&self) -> BarChart {
        let bars = self
            .rules
            .iter()
            .map(|r| Bar {
                label: format!("{} {}", r.code, r.name),
                bold: r.error > 0,
                segments: [
                    (r.error, Severity::Error),
                    (r.warning, Severity::Warning),
                    (r.info, Severity::Info),
                ]
                .into_iter()
                .map(|(n, s)| Segment {
                    value: n as f64,
                    color: style::severity_color(s),
                    ink: INK,
                })
                .collect(),
                tag: None,
                note: plural(r.total(), "finding", "findings"),
            })
            .collect();
        let legend = Severity::ALL
            .iter()
            .map(|&s| (style::severity_color(s), None, s.as_str().to_string()))
            .collect();
        BarChart {
            headline: self.headline(),
            subtitle: "Findings per rule, by severity; `raci rules CODE` explains a rule."
                .to_string(),
            legend,
            bars,
            lines: Vec::new(),
            axis: "findings".to_string(),
            footnote: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::testing::{finding, Fixture};

    #[test]
    fn counts_by_rule_worst_first() {
        let mut f = Fixture::small();
        f.audit
            .findings
            .push(finding("L001", "unknown-letter", Severity::Warning));
        f.audit
            .findings
            .push(finding("C001", "duty-not-covered", Severity::Info));
        let d = findings_data(&f.outcome());
        let codes: Vec<(&str, usize)> = d.rules.iter().map(|r| (r.code, r.total())).collect();
        assert_eq!(
            codes,
            [
                ("R001", 1),
                ("R002", 1),
                ("L001", 2),
                ("O001", 1),
                ("C001", 1)
            ]
        );
        assert_eq!((d.errors, d.warnings, d.infos), (2, 3, 1));
        assert_eq!(
            d.headline(),
            "6 findings from 5 rules: 2 errors, 3 warnings, 1 info"
        );
    }

    #[test]
    fn no_findings() {
        let f = Fixture::empty();
        let d = findings_data(&f.outcome());
        assert!(d.rules.is_empty());
        assert_eq!(d.total(), 0);
    }
}
