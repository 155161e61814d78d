//! The rule table: every rule's code, name, summary, default severity, check and explanation.
//! Codes are stable forever; a retired rule keeps its code out of use.
//!
//! The article cited is "Product Owner vs. Product Manager: No, they're not the same"
//! (Kamil Drazkiewicz, 2022), by section heading.

use super::checks;
use super::rule::{Explanation, Rule};
use super::Severity::{Error, Info, Warning};

/// Every rule, in code order (the order of `raci rules` and `docs/rules.md`).
pub static RULES: &[Rule] = &[
    Rule {
        code: "R001",
        name: "missing-accountable",
        summary: "A task with letters but no Accountable (A).",
        default_severity: Error,
        check: checks::missing_accountable,
        explanation: Explanation {
            what: "Every task that has at least one letter must have a party holding A. A task with no letters at all is reported by R007 instead.",
            why: "RACI practice: the Accountable owns the outcome and signs the work off. Without one, nobody answers for the task, and work that everyone does is work that nobody finishes.",
            example: "`Release notes` with `R` for Dev and `I` for Support, and no `A` anywhere on the row.",
            fix: "Give exactly one party an A on the task (a cell may hold both, `R/A`).",
            options: "None.",
        },
    },
    Rule {
        code: "R002",
        name: "multiple-accountable",
        summary: "A task with more than one Accountable (A).",
        default_severity: Error,
        check: checks::multiple_accountable,
        explanation: Explanation {
            what: "A task on which two or more parties hold A.",
            why: "RACI practice: one A per task, so that one party can decide and be held to the outcome. Two owners wait for each other or overrule each other. Between a Product Owner and a Product Manager this is the typical overlap the article warns about (section \"Does your organization need both of these professionals?\": both roles \"can help or unnecessarily complicate a company's structure\").",
            example: "`Prioritise the backlog` with `A` for both Maria (Product Owner) and Tom (Product Manager).",
            fix: "Keep the A on one party; make the other R, C or I.",
            options: "None.",
        },
    },
    Rule {
        code: "R003",
        name: "missing-responsible",
        summary: "A task with letters but no Responsible (R).",
        default_severity: Warning,
        check: checks::missing_responsible,
        explanation: Explanation {
            what: "Every task that has at least one letter must have a party holding R. A cell with `A/R` counts as R. A task with no letters at all is reported by R007 instead.",
            why: "RACI practice: the Responsible does the work. An Accountable with no Responsible means the owner is assumed to do it, which is rarely written down on purpose.",
            example: "`Competitive analysis` with `A` for the Product Manager and `C` for Sales, and no R.",
            fix: "Name who does the work with an R (the Accountable may hold both: `R/A`).",
            options: "None.",
        },
    },
    Rule {
        code: "R004",
        name: "too-many-responsible",
        summary: "A task with more Responsibles than max-responsible (default 3).",
        default_severity: Warning,
        check: checks::too_many_responsible,
        explanation: Explanation {
            what: "A task on which more parties hold R than `max-responsible` allows.",
            why: "RACI practice: when many parties are Responsible, each assumes another is doing the work. A task that needs many doers is usually several tasks.",
            example: "`Launch` with R for Dev, QA, Marketing, Sales and Support (5 > 3).",
            fix: "Split the task into the parts each party does, or move some R to C.",
            options: "`[thresholds] max-responsible = 3` in raci.toml.",
        },
    },
    Rule {
        code: "R005",
        name: "too-many-consulted",
        summary: "A task with more Consulted than max-consulted (default 4).",
        default_severity: Warning,
        check: checks::too_many_consulted,
        explanation: Explanation {
            what: "A task on which more parties hold C than `max-consulted` allows.",
            why: "RACI practice: Consulted is two-way, before the work. Every C is a conversation the Responsible must have first; many of them slow the task down.",
            example: "`Pricing` with C for six teams (6 > 4).",
            fix: "Keep C for those whose input changes the result; make the others I.",
            options: "`[thresholds] max-consulted = 4` in raci.toml.",
        },
    },
    Rule {
        code: "R006",
        name: "too-many-informed",
        summary: "A task with more Informed than max-informed (default 8).",
        default_severity: Info,
        check: checks::too_many_informed,
        explanation: Explanation {
            what: "A task on which more parties hold I than `max-informed` allows.",
            why: "RACI practice: Informed is one-way news after the work. A long list of I is usually a mailing list, better kept outside the matrix.",
            example: "`Sprint review` with I for ten parties (10 > 8).",
            fix: "Drop the I for parties that learn the news another way (a release note, a channel).",
            options: "`[thresholds] max-informed = 8` in raci.toml.",
        },
    },
    Rule {
        code: "R007",
        name: "unassigned-task",
        summary: "A task row with no letters at all.",
        default_severity: Error,
        check: checks::unassigned_task,
        explanation: Explanation {
            what: "A task on which no party holds any letter. It gets this finding only, not R001 and R003 as well.",
            why: "RACI practice: a task in the matrix that nobody holds is a gap, not a plan. If its cells could not be read, D001 or D005 says which.",
            example: "`Define KPIs` with every cell blank.",
            fix: "Give the task an A and an R, or delete the row if the task is not done.",
            options: "None.",
        },
    },
    Rule {
        code: "P001",
        name: "accountable-overload",
        summary: "A party is Accountable on more than max-accountable-share (default 50 %) of the tasks.",
        default_severity: Warning,
        check: checks::accountable_overload,
        explanation: Explanation {
            what: "A party holding A on more than `max-accountable-share` percent of the tasks, and on at least 3 of them.",
            why: "A bottleneck: every decision waits for the same party. The article's FAQ (\"Can a Product Owner be a manager?\") warns that a PO taking on the Product Manager's duties too \"may be overwhelmed by the numerous responsibilities this entails\".",
            example: "Maria is A on 7 of 10 tasks (70 % > 50 %).",
            fix: "Hand the A of some tasks to the party that does the work or to the other product role.",
            options: "`[thresholds] max-accountable-share = 50` (percent) in raci.toml.",
        },
    },
    Rule {
        code: "P002",
        name: "workload-overload",
        summary: "A party is Responsible or Accountable on more than max-ra-share (default 60 %) of the tasks.",
        default_severity: Warning,
        check: checks::workload_overload,
        explanation: Explanation {
            what: "A party holding R or A (counted once per task) on more than `max-ra-share` percent of the tasks, and on at least 3 of them.",
            why: "The same party doing or owning most of the work is a single point of failure, and the article's FAQ (\"Can a Product Owner be a manager?\") notes one person may be \"overwhelmed by the numerous responsibilities\".",
            example: "Tom is R or A on 8 of 10 tasks (80 % > 60 %).",
            fix: "Share the work: move some R to other parties, or split the role.",
            options: "`[thresholds] max-ra-share = 60` (percent) in raci.toml.",
        },
    },
    Rule {
        code: "P003",
        name: "in-everything",
        summary: "A party holds a letter on every task.",
        default_severity: Info,
        check: checks::in_everything,
        explanation: Explanation {
            what: "A party holding some letter on every task of a matrix with at least 3 tasks.",
            why: "RACI practice: a party in everything is either a team-wide role better left out of the matrix, or someone who is asked about everything and can slow everything down.",
            example: "The Head of Product holds C or I on all 12 tasks.",
            fix: "Keep the letters where the party's input or news matters; drop the rest.",
            options: "None.",
        },
    },
    Rule {
        code: "P004",
        name: "no-ownership",
        summary: "A party holds letters but never R or A.",
        default_severity: Info,
        check: checks::no_ownership,
        explanation: Explanation {
            what: "A party holding only C, I (or S, V) letters, never R or A.",
            why: "Not wrong in itself (stakeholders are often only consulted or informed), but for a role that should own work, such as a Product Owner or a Product Manager, it shows the role has no work of its own in this matrix.",
            example: "Legal holds C on 3 tasks and nothing else.",
            fix: "If the party should own work, give it R or A where it does; otherwise ignore this finding.",
            options: "None.",
        },
    },
    Rule {
        code: "P005",
        name: "idle-party",
        summary: "A party column with no letters at all.",
        default_severity: Warning,
        check: checks::idle_party,
        explanation: Explanation {
            what: "A party column in which no task has a letter.",
            why: "A party in the header that does nothing is either missing letters or should not be in the matrix. If its cells could not be read, D001 says which.",
            example: "A `UX` column that is blank on every row.",
            fix: "Give the party its letters, or remove the column.",
            options: "None.",
        },
    },
    Rule {
        code: "O001",
        name: "party-spans-both-sides",
        summary: "A party holds R or A on both PO-side and PM-side tasks.",
        default_severity: Warning,
        check: checks::party_spans_both_sides,
        explanation: Explanation {
            what: "A party holding R or A on at least one PO-side task and at least one PM-side task. The finding gives both counts and lists the tasks.",
            why: "The article's central point (title and section \"How does a Product Owner differ from a Product Manager?\"): the roles are not the same. \"A Product Manager is responsible for the who, what, and why of business operations. Product Owners - for the how\" (section \"Does your organization need both of these professionals?\"). One party owning both sides merges the roles, which the FAQ says is possible but may overwhelm that person.",
            example: "Maria holds A on `Sprint planning` (PO side) and R on `Competitive analysis` (PM side).",
            fix: "If the roles are merged on purpose, ignore the rule (`--ignore O001`); otherwise move the PM-side work to the Product Manager or the PO-side work to the Product Owner.",
            options: "Task sides can be pinned under `[sides]` in raci.toml.",
        },
    },
    Rule {
        code: "O002",
        name: "shared-ownership",
        summary: "A Product Owner and a Product Manager both hold R or A on one PO-side or PM-side task.",
        default_severity: Warning,
        check: checks::shared_ownership,
        explanation: Explanation {
            what: "On a task classified PO-side or PM-side, a party titled Product Owner and a party titled Product Manager both hold R or A. Shared tasks are exempt. The finding names the party from the other side.",
            why: "The article (section \"Product owner vs. Product manager\"): the Product Manager is responsible for \"the product vision and strategy\", the Product Owner for \"executing product long-term vision on time and within the budget\". When both own one side's task, the split of the two roles is blurred right where it should be clear.",
            example: "`Sprint planning` (PO side) with R for Maria (Product Owner) and A for Tom (Product Manager).",
            fix: "Leave R and A with the role whose side the task is on; make the other C or I. If the task really is joint, pin it as `shared` under `[sides]`.",
            options: "Needs party titles (see G004); task sides can be pinned under `[sides]`.",
        },
    },
    Rule {
        code: "O003",
        name: "duty-split",
        summary: "One duty is covered by several tasks with different Accountables.",
        default_severity: Info,
        check: checks::duty_split,
        explanation: Explanation {
            what: "Among the tasks classified to one duty of the taxonomy, two or more carry different sets of Accountables.",
            why: "The article lists each duty under one role (section \"The main responsibilities of each role\"). When tasks of the same duty answer to different parties, nobody owns the duty as a whole.",
            example: "`Sprint planning` with A for Maria and `Sprint goal` with A for Tom, both classified to po-sprint-priorities.",
            fix: "Give the duty's tasks one Accountable, or rename the tasks if they are really different duties.",
            options: "None.",
        },
    },
    Rule {
        code: "G001",
        name: "uncovered-duty",
        summary: "A duty of the taxonomy that no task covers.",
        default_severity: Warning,
        check: checks::uncovered_duty,
        explanation: Explanation {
            what: "A taxonomy entry of kind duty (not skill or trait) to which no task of the matrix is classified.",
            why: "The article lists the duties of each role (section \"The main responsibilities of each role\", PO and PM lists). A duty with no task in the matrix is work nobody has been given.",
            example: "No task is classified to pm-kpis-strategy-tracking (\"Setting business KPIs and tracking whether the product strategy is working as planned\").",
            fix: "Add a task for the duty with its R and A, or, if the matrix covers only part of the process, ignore the rule for it (`--ignore G001`).",
            options: "More words for a duty under `[taxonomy]` in raci.toml; a whole taxonomy with `--taxonomy FILE`.",
        },
    },
    Rule {
        code: "G002",
        name: "side-without-owner",
        summary: "A side (PO or PM) whose tasks no party of that title owns, or that has no task at all.",
        default_severity: Warning,
        check: checks::side_without_owner,
        explanation: Explanation {
            what: "For each of the PO and PM sides: there are tasks on that side, parties with that title exist, and none of them holds R or A on any of those tasks; or no task at all is on that side.",
            why: "The article (section \"Product owner vs. Product manager\" and \"The bottom line\"): \"The Product Manager communicates the long-term product vision, the Product Owner makes it a reality.\" A side its own role does not own is done by someone else or not at all.",
            example: "Five PO-side tasks, Maria titled Product Owner, and Maria is only C or I on them.",
            fix: "Give the titled party R or A on its side's tasks, or add the missing side's tasks to the matrix.",
            options: "Needs party titles (see G004); task sides can be pinned under `[sides]`.",
        },
    },
    Rule {
        code: "G003",
        name: "unclassified-task",
        summary: "A task not recognisably PO, PM or shared work.",
        default_severity: Info,
        check: checks::unclassified_task,
        explanation: Explanation {
            what: "A task whose name matched no duty, skill or trait of the taxonomy, or matched the work of another trade (engineering, IT operations, QA, design, people management, finance, legal, HR, administration, sales execution, project administration) better, and that no `side` column or pin places. The message names the trade.",
            why: "Overlap and gap rules (O, G, M) can only judge tasks on a side. An unclassified task is left out of them.",
            example: "`Quarterly offsite` matches nothing in the taxonomy; `Deploy hotfix to prod` reads as engineering work.",
            fix: "Pin the task under `[sides]` in raci.toml (`\"Quarterly offsite\" = \"shared\"`), add words under `[taxonomy]`, or add a `side` column to the matrix.",
            options: "`[sides]` and `[taxonomy]` in raci.toml.",
        },
    },
    Rule {
        code: "G004",
        name: "missing-title",
        summary: "No party carries a Product Owner (or Product Manager) title.",
        default_severity: Info,
        check: checks::missing_title,
        explanation: Explanation {
            what: "For each of Product Owner and Product Manager: no party's title says it. A party marked only `PM` counts as neither until settled (see D004).",
            why: "The title rules (O002, G002, M001, M002) compare a party's title with the side of its tasks. Without titles they cannot run, and the audit says so rather than passing silently.",
            example: "Parties `Maria`, `Tom`, `Dev`, with no titles anywhere.",
            fix: "Put the title in the header (`Maria (Product Owner)`), add a title row, give a roster with `--roster FILE` (columns `party,title`), or add spellings your team uses under `[titles]` in raci.toml.",
            options: "`--roster FILE`, `--pm-means product|project`, `[titles]` in raci.toml.",
        },
    },
    Rule {
        code: "M001",
        name: "title-side-mismatch",
        summary: "A Product Manager is Accountable on a PO-side task, or a Product Owner on a PM-side task.",
        default_severity: Warning,
        check: checks::title_side_mismatch,
        explanation: Explanation {
            what: "A party titled Product Manager holding A on a PO-side task, or a party titled Product Owner holding A on a PM-side task. The finding points at the letter cell.",
            why: "The article (section \"Does your organization need both of these professionals?\"): the Product Manager owns \"the who, what, and why\", the Product Owner \"the how\". An A on the other role's side puts the decision with the wrong role.",
            example: "Tom (Product Manager) is A on `Accept user stories`, a PO-side task.",
            fix: "Move the A to the role whose side the task is on, or pin the task's side under `[sides]` if the classification is wrong.",
            options: "Needs party titles (see G004).",
        },
    },
    Rule {
        code: "M002",
        name: "pm-in-day-to-day",
        summary: "A Product Manager is Responsible on the Product Owner's day-to-day work.",
        default_severity: Info,
        check: checks::pm_in_day_to_day,
        explanation: Explanation {
            what: "A party titled Product Manager holding R on a PO-side task whose duty is one of the Product Owner's day-to-day duties: po-sprint-priorities (identifying priorities during the sprints: sprint planning and other sprint events), po-scrum-team-contact (constant contact with the scrum team), po-daily-with-scrum-team (working with the scrum team on a daily basis), po-check-status-verify-results (checking the status of the work and verifying the results, such as story acceptance), po-features-implemented-correctly (making sure features are implemented correctly) and po-development-direction (keeping development moving in the right direction).",
            why: "The article (section \"Works with\" and the comparison table): the Product Owner is \"generally involved in day-to-day operations\"; \"Product Managers are usually not involved in regular daily operations\".",
            example: "Tom (Product Manager) is R on `Sprint review`.",
            fix: "Leave the day-to-day work with the Product Owner and the team; make the Product Manager C or I on it.",
            options: "Needs party titles (see G004).",
        },
    },
    Rule {
        code: "D001",
        name: "unknown-letter",
        summary: "A cell whose text is not a letter of the scheme (or is a number or an error value).",
        default_severity: Warning,
        check: checks::unknown_letter,
        explanation: Explanation {
            what: "Every non-empty cell inside the matrix that could not be read as letters: text that is not a letter of the scheme (`x`, `yes`, `Q`), a number, date or true/false value, or a spreadsheet error (`#NAME?`). Letters that could be read from it (`R,Q` keeps R) still count.",
            why: "Nothing is dropped silently: a mark the audit cannot read may hide an R or an A, and every other rule would otherwise judge the task without it.",
            example: "`x` in the cell for Dev on `Build feature`: involved, but as what?",
            fix: "Write the letter you mean (R, A, C or I). If the file uses another scheme, say so with `--scheme` or a legend in the sheet.",
            options: "`--scheme raci|rasci|raci-vs|daci|cairo|rapid`, or `scheme` in raci.toml.",
        },
    },
    Rule {
        code: "D002",
        name: "duplicate-task",
        summary: "The same task name twice in one group.",
        default_severity: Warning,
        check: checks::duplicate_task,
        explanation: Explanation {
            what: "A task whose name (ignoring case and extra spaces) and group equal an earlier task's. The finding is on the later row and names the earlier one.",
            why: "Two rows for one task split its letters: each row may look complete while together they have two Accountables, or neither does.",
            example: "`Sprint review` on rows 5 and 12, both in group `Delivery`.",
            fix: "Merge the rows into one, or rename them if they are different tasks.",
            options: "None.",
        },
    },
    Rule {
        code: "D003",
        name: "duplicate-party",
        summary: "The same party header twice.",
        default_severity: Warning,
        check: checks::duplicate_party,
        explanation: Explanation {
            what: "A party header equal to an earlier one, ignoring case and extra spaces. The finding is on the later header.",
            why: "The two columns are counted as two parties, so the party's workload and ownership are each understated.",
            example: "Two `QA` columns.",
            fix: "Merge the columns, or rename them (`QA (web)`, `QA (mobile)`).",
            options: "None.",
        },
    },
    Rule {
        code: "D004",
        name: "ambiguous-title",
        summary: "A party titled only `PM`: Product Manager or Project Manager?",
        default_severity: Info,
        check: checks::ambiguous_title,
        explanation: Explanation {
            what: "A party whose title is `PM` alone, which is not counted as a Product Manager until settled.",
            why: "`PM` means Product Manager in some companies and Project Manager in others; the article's Product Manager lists \"project management skills\" among others (section \"What skills are necessary for each role?\"), but the roles differ. Guessing would put the title rules on a wrong footing.",
            example: "A header `Alex (PM)`.",
            fix: "Pass `--pm-means product` or `--pm-means project`, set `pm-means` in raci.toml, or give the full title in a roster.",
            options: "`--pm-means product|project`, `pm-means` in raci.toml, `--roster FILE`.",
        },
    },
    Rule {
        code: "D005",
        name: "blank-party-header",
        summary: "Letters in a column whose party header is blank.",
        default_severity: Warning,
        check: checks::blank_party_header,
        explanation: Explanation {
            what: "Every letter cell in a party column whose header is empty.",
            why: "Letters nobody can be held to: an R or an A under a blank header looks like coverage but names no one.",
            example: "Column F has no header but holds `R` on three tasks.",
            fix: "Write the party's name in the header, or delete the column.",
            options: "None.",
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
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
}
