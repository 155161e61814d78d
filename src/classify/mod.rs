//! The taxonomy of PO and PM duties (from the article) and the classifier that places each
//! task name on a side, explaining its answer.

use crate::model::Side;
use serde::Serialize;

/// Whether a taxonomy entry is a duty (checked for coverage) or a skill or trait (only helps
/// classify task names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DutyKind {
    Duty,
    Skill,
    Trait,
}

/// One entry of the taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duty {
    /// Stable id such as `po-sprint-priorities`.
    pub id: String,
    /// `Po`, `Pm` or `Shared`.
    pub side: Side,
    pub kind: DutyKind,
    /// The article's words for it.
    pub text: String,
    /// The article section it comes from.
    pub section: String,
    /// Words, phrases, synonyms and abbreviations that signal it in task names.
    pub signals: Vec<String>,
}

/// The whole taxonomy, in a stable order.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Taxonomy {
    pub duties: Vec<Duty>,
}

impl Taxonomy {
    pub fn duty(&self, id: &str) -> Option<&Duty> {
        self.duties.iter().find(|d| d.id == id)
    }

    /// Entries checked for coverage (duties, not skills or traits).
    pub fn coverage_duties(&self) -> impl Iterator<Item = &Duty> {
        self.duties.iter().filter(|d| d.kind == DutyKind::Duty)
    }
}

/// Where a task's side came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SideSource {
    /// The lexical classifier.
    Classifier,
    /// A `side` column in the matrix.
    Matrix,
    /// A pin in `raci.toml`.
    Pin,
}

/// The classifier's answer for one task name, with its reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub side: Side,
    /// The best-matching duty id (also set for `shared`; `None` when nothing matched).
    pub duty: Option<String>,
    /// 0.0 to 1.0.
    pub confidence: f64,
    /// The words and phrases that matched, as they appear after normalisation.
    pub matched: Vec<String>,
    pub source: SideSource,
}

impl Classification {
    pub fn unclassified() -> Self {
        Classification {
            side: Side::Unclassified,
            duty: None,
            confidence: 0.0,
            matched: Vec::new(),
            source: SideSource::Classifier,
        }
    }
}

/// A task name (exact, or a `*` glob) pinned to a side by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pin {
    pub pattern: String,
    pub side: Side,
}
