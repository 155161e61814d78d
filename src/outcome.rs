//! The finished audit of one matrix: what `report` and `chart` read. Built by
//! `pipeline`, the one place the stages meet.

use crate::audit::{Audit, Finding, PartyFlag};
use crate::classify::{Classification, Duty, Taxonomy};
use crate::model::{Matrix, Side};
use crate::suggest::Suggestion;

/// One matrix with its classification and audit, read-only.
#[derive(Debug, Clone, Copy)]
pub struct Outcome<'a> {
    pub matrix: &'a Matrix,
    /// One per task, in task order.
    pub classes: &'a [Classification],
    pub taxonomy: &'a Taxonomy,
    pub audit: &'a Audit,
    /// The suggested fixes for the findings, in the order to apply them.
    pub suggestions: &'a [Suggestion],
}

impl<'a> Outcome<'a> {
    /// The side of task `i`.
    pub fn side(&self, task: usize) -> Side {
        self.classes[task].side
    }

    /// Findings whose rule flags their party with `flag`, in report order.
    pub fn findings_flagging(&self, flag: PartyFlag) -> impl Iterator<Item = &'a Finding> + 'a {
        self.audit
            .findings
            .iter()
            .filter(move |f| f.rule.flags_party == Some(flag))
    }

    /// The duty a coverage entry or classification points to.
    pub fn duty(&self, id: &str) -> Option<&'a Duty> {
        self.taxonomy.duty(id)
    }
}
