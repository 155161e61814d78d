//! The rule table: every rule, one file each (its check, its explanation and its unit tests),
//! listed once in [`RULES`]. Codes are stable forever; a retired rule keeps its code out of use.
//!
//! A new rule is a new file here (copy one of its family, give it the next free code) and one
//! line in [`RULES`]; its kind and the other fields of its [`Rule`] take its findings to the
//! right reports and charts.
//!
//! The article cited is "Product Owner vs. Product Manager: No, they're not the same"
//! (Kamil Drazkiewicz, 2022), by section heading.

mod helpers;

mod d001_unknown_letter;
mod d002_duplicate_task;
mod d003_duplicate_party;
mod d004_ambiguous_title;
mod d005_blank_party_header;
mod g001_uncovered_duty;
mod g002_side_without_owner;
mod g003_unclassified_task;
mod g004_missing_title;
mod m001_title_side_mismatch;
mod m002_pm_in_day_to_day;
mod o001_party_spans_both_sides;
mod o002_shared_ownership;
mod o003_duty_split;
mod p001_accountable_overload;
mod p002_workload_overload;
mod p003_in_everything;
mod p004_no_ownership;
mod p005_idle_party;
mod r001_missing_accountable;
mod r002_multiple_accountable;
mod r003_missing_responsible;
mod r004_too_many_responsible;
mod r005_too_many_consulted;
mod r006_too_many_informed;
mod r007_unassigned_task;

pub use helpers::MIN_TASKS_FOR_SHARE_RULES;
pub use m002_pm_in_day_to_day::PO_DAY_TO_DAY_DUTIES;

use super::rule::Rule;

/// Every rule, in code order within families R, P, O, G, M, D (the order of `raci rules` and
/// `docs/rules.md`).
pub static RULES: &[Rule] = &[
    r001_missing_accountable::RULE,
    r002_multiple_accountable::RULE,
    r003_missing_responsible::RULE,
    r004_too_many_responsible::RULE,
    r005_too_many_consulted::RULE,
    r006_too_many_informed::RULE,
    r007_unassigned_task::RULE,
    p001_accountable_overload::RULE,
    p002_workload_overload::RULE,
    p003_in_everything::RULE,
    p004_no_ownership::RULE,
    p005_idle_party::RULE,
    o001_party_spans_both_sides::RULE,
    o002_shared_ownership::RULE,
    o003_duty_split::RULE,
    g001_uncovered_duty::RULE,
    g002_side_without_owner::RULE,
    g003_unclassified_task::RULE,
    g004_missing_title::RULE,
    m001_title_side_mismatch::RULE,
    m002_pm_in_day_to_day::RULE,
    d001_unknown_letter::RULE,
    d002_duplicate_task::RULE,
    d003_duplicate_party::RULE,
    d004_ambiguous_title::RULE,
    d005_blank_party_header::RULE,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Family;
    use std::collections::BTreeSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = BTreeSet::new();
        let mut names = BTreeSet::new();
        for r in RULES {
            assert!(codes.insert(r.code), "{} twice", r.code);
            assert!(names.insert(r.name), "{} twice", r.name);
            let (family, digits) = r.code.split_at(1);
            assert!("RPOGMD".contains(family), "{}", r.code);
            assert_eq!(digits.len(), 3, "{}", r.code);
            assert!(digits.chars().all(|c| c.is_ascii_digit()), "{}", r.code);
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            for (heading, text) in r.explanation.sections() {
                assert!(!text.trim().is_empty(), "{} {heading}", r.code);
            }
        }
    }

    #[test]
    fn each_code_starts_with_its_family_letter_and_families_keep_table_order() {
        let mut last = Family::ALL[0];
        for r in RULES {
            assert!(r.code.starts_with(r.family.letter()), "{}", r.code);
            assert!(r.family >= last, "{} out of family order", r.code);
            last = r.family;
        }
    }

    /// Each rule lives in its own file named after its code and name, with its unit tests.
    #[test]
    fn every_rule_has_its_own_file_with_tests() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/audit/rules");
        for r in RULES {
            let file = format!(
                "{}_{}.rs",
                r.code.to_ascii_lowercase(),
                r.name.replace('-', "_")
            );
            let text =
                std::fs::read_to_string(dir.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(text.contains(&format!("code: \"{}\"", r.code)), "{file}");
            assert!(
                text.contains("#[cfg(test)]") && text.contains("#[test]"),
                "{file}"
            );
        }
    }
}
