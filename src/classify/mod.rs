//! The taxonomy of PO and PM duties (from the article) and the classifier that places each
//! task name on a side, explaining its answer.

mod classifier;
mod lang;
mod prepare;
mod taxonomy;
mod text;

pub use classifier::{Classifier, Memo, TaskContext};
pub use lang::Lang;
pub use taxonomy::{SignalAddition, BUILTIN_TOML};

use crate::model::{Matrix, Side};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Whether a taxonomy entry is a duty (checked for coverage), a skill or trait (only helps
/// classify task names), or work of another trade (engineering, finance, ...) that is not PO
/// or PM work at all: a task that matches one of those best is unclassified, with that reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DutyKind {
    Duty,
    Skill,
    Trait,
    Other,
}

impl DutyKind {
    /// The name written in a taxonomy file.
    pub fn as_str(self) -> &'static str {
        match self {
            DutyKind::Duty => "duty",
            DutyKind::Skill => "skill",
            DutyKind::Trait => "trait",
            DutyKind::Other => "other",
        }
    }
}

impl std::str::FromStr for DutyKind {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<DutyKind, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "duty" => Ok(DutyKind::Duty),
            "skill" => Ok(DutyKind::Skill),
            "trait" => Ok(DutyKind::Trait),
            "other" => Ok(DutyKind::Other),
            _ => Err(format!(
                "kind {:?} is not one of \"duty\", \"skill\", \"trait\", \"other\"",
                text.trim()
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for DutyKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        crate::model::deserialize_parsed(deserializer)
    }
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
    /// Words, phrases, synonyms and abbreviations that signal it in task names: English, and
    /// the loanwords every language uses (backlog, sprint, roadmap). Read in every language.
    pub signals: Vec<String>,
    /// The signals of one language (`signals_fr = [...]` in the file), stemmed with that
    /// language's stemmer.
    pub local_signals: BTreeMap<Lang, Vec<String>>,
    /// For an article sentence that restates another duty (the prose "works with the scrum
    /// team on a daily basis" restates the bullet "constant contact with the rest of the scrum
    /// team"): the id of that duty. Tasks matching this entry cover that duty, and this entry
    /// is not checked for coverage on its own, so one responsibility is never reported
    /// uncovered twice.
    pub covers: Option<String>,
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

    /// Entries checked for coverage: duties, not skills, traits or other trades, and not
    /// restatements of another duty.
    pub fn coverage_duties(&self) -> impl Iterator<Item = &Duty> {
        self.duties
            .iter()
            .filter(|d| d.kind == DutyKind::Duty && d.covers.is_none())
    }

    /// The coverage duty a task classified as `id` counts toward: `id` itself, or the duty
    /// it restates. `None` for skills, traits and unknown ids.
    pub fn coverage_of(&self, id: &str) -> Option<&str> {
        let duty = self.duty(id)?;
        if duty.kind != DutyKind::Duty {
            return None;
        }
        Some(duty.covers.as_deref().unwrap_or(&duty.id))
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
    /// The best-matching entry id. For `shared` with a duty of each side, the PO duty (the PM
    /// one is [`Classification::second_duty`]). For `unclassified`, the other trade the task
    /// is ("other-engineering"), when one matched. `None` when nothing matched.
    pub duty: Option<String>,
    /// For a `shared` task that names a PO duty and a PM duty: the PM duty. For a PO or PM
    /// task that names two duties of its side, each through words of its own ("Set product
    /// strategy and roadmap"): the weaker one. The task covers both.
    pub second_duty: Option<String>,
    /// 0.0 to 1.0.
    pub confidence: f64,
    /// The words and phrases that matched, as they appear after normalisation; evidence from
    /// the task's group is written `group "Discovery": discovery`.
    pub matched: Vec<String>,
    pub source: SideSource,
    /// The language the name was read in: its own when it shows one, else the file's.
    pub lang: Lang,
}

impl Classification {
    pub fn unclassified() -> Self {
        Classification {
            side: Side::Unclassified,
            duty: None,
            second_duty: None,
            confidence: 0.0,
            matched: Vec::new(),
            source: SideSource::Classifier,
            lang: Lang::En,
        }
    }

    /// Why the task is on its side, in plain words: "PO duty", "a PO duty and a PM duty",
    /// "not product work: engineering work", "no word of the taxonomy found", ...
    pub fn reason(&self, taxonomy: &Taxonomy) -> String {
        let kind_of = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| taxonomy.duty(id))
                .map(|d| (d.side, d.kind, d.text.as_str()))
        };
        let given = match self.source {
            SideSource::Classifier => None,
            SideSource::Matrix => Some("given by the side column of the matrix"),
            SideSource::Pin => Some("given by a pin in raci.toml"),
        };
        if let Some(given) = given {
            return given.to_string();
        }
        match (self.side, kind_of(&self.duty)) {
            (Side::Unclassified, Some((_, DutyKind::Other, text))) => {
                // The trade's name, without the list of what it covers.
                let name = text.split(" (").next().unwrap_or(text);
                format!("not product work: {name}")
            }
            (Side::Unclassified, _) if self.matched.is_empty() => {
                "no word of the taxonomy found".to_string()
            }
            (Side::Unclassified, _) => "too little evidence to choose a side".to_string(),
            (Side::Shared, _) if self.second_duty.is_some() => {
                "names a PO duty and a PM duty".to_string()
            }
            (side @ (Side::Po | Side::Pm), _) if self.second_duty.is_some() => {
                format!("names two {side} duties")
            }
            (Side::Shared, Some((_, kind, _))) => {
                format!("what both roles share ({})", kind.as_str())
            }
            (side, Some((_, kind, _))) => format!("{side} {}", kind.as_str()),
            (side, None) => side.to_string(),
        }
    }

    /// The duty and the second duty, in that order, those that are set: a task covers each.
    pub fn duties(&self) -> impl Iterator<Item = &str> {
        self.duty
            .iter()
            .chain(self.second_duty.iter())
            .map(String::as_str)
    }

    /// The duty or duties, as reports show them: `po-x + pm-y` for a shared task with a duty
    /// of each side.
    pub fn duties_label(&self) -> Option<String> {
        match (&self.duty, &self.second_duty) {
            (Some(a), Some(b)) => Some(format!("{a} + {b}")),
            (Some(a), None) => Some(a.clone()),
            (None, _) => None,
        }
    }
}

/// A task name (exact, or a `*` glob) pinned to a side by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pin {
    pub pattern: String,
    pub side: Side,
}

impl Pin {
    /// Whether this pin names `task`: exactly (any case, surrounding spaces ignored), or as a
    /// glob where `*` stands for any run of characters (`Payroll*`, `*backup*`).
    pub fn matches(&self, task: &str) -> bool {
        let pattern = self.pattern.trim().to_lowercase();
        let task = task.trim().to_lowercase();
        if !pattern.contains('*') {
            return pattern == task;
        }
        glob_matches(&pattern, &task)
    }
}

/// `*`-only glob over characters: each literal part must appear in order, the first at the
/// start and the last at the end unless a `*` stands there.
fn glob_matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    // No `*` at all is handled by the caller; a pattern that is only literal parts ends here.
    rest.is_empty()
}

/// The taxonomy for a run: the built-in one, or the user's replacement file.
pub fn load_taxonomy(path: Option<&Path>) -> crate::Result<Taxonomy> {
    load_taxonomy_capped(path, crate::input::Limits::default().max_file_bytes)
}

/// [`load_taxonomy`], refusing a file over `max_bytes` (`--max-file-mb`) before reading it
/// all (`--taxonomy /dev/zero` ends in one message).
pub fn load_taxonomy_capped(path: Option<&Path>, max_bytes: u64) -> crate::Result<Taxonomy> {
    let Some(path) = path else {
        return Ok(Taxonomy::builtin());
    };
    let text = crate::input::read_small_text(path, max_bytes)?;
    // A file saved by Excel or Notepad may start with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Taxonomy::from_toml(text).map_err(|detail| crate::Error::Taxonomy {
        path: path.to_path_buf(),
        detail,
    })
}

/// The side of one task name: the first matching pin wins (source `Pin`), else the classifier.
pub fn classify_task(task: &str, classifier: &Classifier, pins: &[Pin]) -> Classification {
    classify_task_in(
        task,
        &TaskContext::default(),
        classifier,
        pins,
        &mut Memo::default(),
    )
}

/// [`classify_task`] for a task with its group and the language of its file.
pub fn classify_task_in(
    task: &str,
    context: &TaskContext,
    classifier: &Classifier,
    pins: &[Pin],
    memo: &mut Memo,
) -> Classification {
    match pins.iter().find(|p| p.matches(task)) {
        Some(pin) => classifier.given_side(task, pin.side, SideSource::Pin, context, memo),
        None => classifier.classify_in(task, context, memo),
    }
}

/// One classification per task, in task order. A side written in the matrix wins (source
/// `Matrix`), then a pin (source `Pin`), else the classifier. Each task is read with its
/// group as context and in the matrix's dominant language when its own name shows none.
///
/// Tasks are classified in parallel, each worker reading words through its own [`Memo`]; the
/// ordered collect keeps task order, and a memo never changes an answer, so the result is the
/// same as one task at a time.
pub fn classify_matrix(
    matrix: &Matrix,
    classifier: &Classifier,
    pins: &[Pin],
) -> Vec<Classification> {
    use rayon::prelude::*;
    let langs: Vec<Option<Lang>> = matrix
        .tasks
        .par_iter()
        .with_min_len(256)
        .map_init(Memo::default, |memo, task| {
            classifier.detect_language(&task.name, memo)
        })
        .collect();
    let file_lang = Classifier::dominant_language(langs.iter().copied());
    // Each name's own language, found above, is handed on rather than detected again.
    matrix
        .tasks
        .par_iter()
        .zip(langs.par_iter())
        .with_min_len(256)
        .map_init(Memo::default, |memo, (task, &own)| {
            let context = TaskContext {
                group: task.group.as_deref(),
                file_lang,
                own_lang: Some(own),
            };
            match task.side_override {
                Some(side) => {
                    classifier.given_side(&task.name, side, SideSource::Matrix, &context, memo)
                }
                None => classify_task_in(&task.name, &context, classifier, pins, memo),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, Task};

    fn task(name: &str, side_override: Option<Side>) -> Task {
        Task {
            context: None,
            name: name.into(),
            group: None,
            pos: Pos::default(),
            side_override,
            assignments: Vec::new(),
        }
    }

    #[test]
    fn pins_match_exactly_or_by_glob_in_any_case() {
        let pin = |p: &str| Pin {
            pattern: p.into(),
            side: Side::Po,
        };
        assert!(pin("Payroll").matches(" payroll "));
        assert!(!pin("Payroll").matches("Payroll run"));
        assert!(pin("payroll*").matches("Payroll run"));
        assert!(pin("*backup").matches("Data-centre BACKUP"));
        assert!(pin("*centre*").matches("Data-centre backup"));
        assert!(pin("a*b*c").matches("axxbyyc"));
        assert!(!pin("a*b*c").matches("axxcyyb"));
        assert!(pin("*").matches("anything"));
        assert!(!pin("ab*ab").matches("ab"));
    }

    #[test]
    fn matrix_side_wins_then_pin_then_classifier() {
        let classifier = Classifier::new(&Taxonomy::builtin());
        let matrix = Matrix {
            tasks: vec![
                task("Market research", Some(Side::Po)),
                task("Backlog refinement", Some(Side::Po)),
                task("Run payroll", None),
                task("Customer interviews", None),
                task("Market research", Some(Side::Unclassified)),
            ],
            ..Matrix::default()
        };
        let pins = [Pin {
            pattern: "run *".into(),
            side: Side::Pm,
        }];
        let got = classify_matrix(&matrix, &classifier, &pins);
        assert_eq!(got.len(), 5);

        // Overridden to PO; no PO entry speaks of market research, so no duty is claimed.
        assert_eq!((got[0].side, got[0].source), (Side::Po, SideSource::Matrix));
        assert_eq!(got[0].duty, None);
        // Consistent override: the classifier's duty is kept.
        assert_eq!(got[1].source, SideSource::Matrix);
        assert_eq!(
            got[1].duty.as_deref(),
            Some("po-roadmap-actionable-backlog")
        );
        assert_eq!((got[2].side, got[2].source), (Side::Pm, SideSource::Pin));
        assert_eq!(got[3], classifier.classify("Customer interviews"));
        assert_eq!(got[3].source, SideSource::Classifier);
        assert_eq!(
            (got[4].side, got[4].duty.as_deref()),
            (Side::Unclassified, None)
        );
    }

    #[test]
    fn load_taxonomy_maps_errors_to_the_file() {
        assert_eq!(load_taxonomy(None).unwrap(), Taxonomy::builtin());
        let dir = std::env::temp_dir().join(format!("raci-tax-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.toml");
        std::fs::write(&bad, "[[duty]]\nid = \"x\"\n").unwrap();
        match load_taxonomy(Some(&bad)) {
            Err(crate::Error::Taxonomy { path, detail }) => {
                assert_eq!(path, bad);
                assert!(detail.contains("missing key"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        let good = dir.join("good.toml");
        std::fs::write(&good, format!("\u{feff}{}", Taxonomy::builtin().to_toml())).unwrap();
        assert_eq!(load_taxonomy(Some(&good)).unwrap(), Taxonomy::builtin());
        assert!(matches!(
            load_taxonomy(Some(&dir.join("missing.toml"))),
            Err(crate::Error::Read { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
