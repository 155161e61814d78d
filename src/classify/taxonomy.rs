//! The taxonomy as data: the built-in TOML compiled into the binary, the strict reader for a
//! user's replacement file, the writer that prints it back, and extra signals from `raci.toml`.

use super::{text, Duty, DutyKind, Lang, Taxonomy};
use crate::model::Side;
use crate::settings::SignalAddition;
use std::collections::{BTreeMap, BTreeSet};

/// The built-in taxonomy, with its comments (they explain where the article departs from common
/// practice). `raci taxonomy` prints this text.
pub const BUILTIN_TOML: &str = include_str!("taxonomy.toml");

const DUTY_KEYS: &[&str] = &[
    "id",
    "side",
    "kind",
    "covers",
    "section",
    "text",
    "signals",
    "signals_fr",
    "signals_de",
    "signals_es",
    "signals_it",
    "signals_pt",
    "signals_nl",
];

/// The key of one language's signals: `signals_fr`.
fn local_key(lang: Lang) -> String {
    format!("signals_{}", lang.code())
}

impl Taxonomy {
    /// The taxonomy of the article, as shipped.
    pub fn builtin() -> Taxonomy {
        // The file is part of the binary and a unit test parses it, so failing here is a
        // build defect, not a user error.
        Taxonomy::from_toml(BUILTIN_TOML).expect("the built-in taxonomy is valid")
    }

    /// Reads a taxonomy file. Strict: unknown keys, missing keys, duplicate ids, bad sides or
    /// kinds and empty signals are errors naming the entry.
    pub fn from_toml(text: &str) -> Result<Taxonomy, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let msg = e.message().to_string();
            match e.span() {
                Some(span) => format!("line {}: {msg}", line_of(text, span.start)),
                None => msg,
            }
        })?;
        if let Some(key) = table.keys().find(|k| k.as_str() != "duty") {
            return Err(format!(
                "unknown top-level key {key:?}; a taxonomy has only [[duty]] entries"
            ));
        }
        let entries = match table.get("duty") {
            None => return Err("no [[duty]] entries".to_string()),
            Some(toml::Value::Array(entries)) => entries,
            Some(_) => return Err("`duty` must be written as [[duty]] entries".to_string()),
        };
        let mut duties = Vec::with_capacity(entries.len());
        let mut ids = BTreeSet::new();
        for (i, entry) in entries.iter().enumerate() {
            let duty = read_duty(i, entry)?;
            if !ids.insert(duty.id.clone()) {
                return Err(format!(
                    "duty #{} {:?}: duplicate id; every id must be unique",
                    i + 1,
                    duty.id
                ));
            }
            duties.push(duty);
        }
        if duties.is_empty() {
            return Err("no [[duty]] entries".to_string());
        }
        // `covers` points at a coverage duty: one level only, same side, so coverage stays a
        // plain lookup and a restatement never moves work to the other side.
        for duty in &duties {
            let Some(target) = &duty.covers else { continue };
            let Some(parent) = duties.iter().find(|d| &d.id == target) else {
                return Err(format!(
                    "duty {:?}: covers {target:?}, which is not an id in this taxonomy",
                    duty.id
                ));
            };
            if parent.kind != DutyKind::Duty || parent.covers.is_some() || parent.side != duty.side
            {
                return Err(format!(
                    "duty {:?}: covers {target:?}, which must be a duty of the same side that covers no other",
                    duty.id
                ));
            }
        }
        Ok(Taxonomy { duties })
    }

    /// The taxonomy in the format [`Taxonomy::from_toml`] reads (without comments).
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for (i, duty) in self.duties.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str("[[duty]]\n");
            out.push_str(&format!("id = {}\n", quote(&duty.id)));
            let side = match duty.side {
                Side::Unclassified => "none",
                side => side.as_str(),
            };
            out.push_str(&format!("side = {}\n", quote(side)));
            out.push_str(&format!("kind = {}\n", quote(kind_name(duty.kind))));
            if let Some(covers) = &duty.covers {
                out.push_str(&format!("covers = {}\n", quote(covers)));
            }
            out.push_str(&format!("section = {}\n", quote(&duty.section)));
            out.push_str(&format!("text = {}\n", quote(&duty.text)));
            out.push_str("signals = [\n");
            for signal in &duty.signals {
                out.push_str(&format!("    {},\n", quote(signal)));
            }
            out.push_str("]\n");
            for (lang, signals) in &duty.local_signals {
                out.push_str(&format!("{} = [\n", local_key(*lang)));
                for signal in signals {
                    out.push_str(&format!("    {},\n", quote(signal)));
                }
                out.push_str("]\n");
            }
        }
        out
    }

    /// Adds signals from `raci.toml` to existing entries; signals already present (any case)
    /// are not repeated. An unknown duty id is an error that lists the known ones.
    pub fn add_signals(&mut self, additions: &[SignalAddition]) -> Result<(), String> {
        for addition in additions {
            let Some(at) = self.duties.iter().position(|d| d.id == addition.duty) else {
                let known: Vec<&str> = self.duties.iter().map(|d| d.id.as_str()).collect();
                return Err(format!(
                    "unknown duty id {:?} for extra signals; known ids: {}",
                    addition.duty,
                    known.join(", ")
                ));
            };
            let duty = &mut self.duties[at];
            for signal in &addition.signals {
                check_signal(signal).map_err(|e| format!("duty {:?}: {e}", addition.duty))?;
                let lower = signal.trim().to_lowercase();
                if !duty.signals.iter().any(|s| s.to_lowercase() == lower) {
                    duty.signals.push(signal.trim().to_string());
                }
            }
        }
        Ok(())
    }
}

fn kind_name(kind: DutyKind) -> &'static str {
    kind.as_str()
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A signal must keep at least one word after stop words are removed, or it could never match.
fn check_signal(signal: &str) -> Result<(), String> {
    if text::content_words(signal).is_empty() {
        return Err(format!(
            "signal {signal:?} has no words that can match (empty, or only stop words)"
        ));
    }
    Ok(())
}

fn read_duty(index: usize, entry: &toml::Value) -> Result<Duty, String> {
    let toml::Value::Table(table) = entry else {
        return Err(format!("duty #{}: must be a [[duty]] table", index + 1));
    };
    // Name the entry by its id when it has one, by its position otherwise.
    let name = match table.get("id").and_then(|v| v.as_str()) {
        Some(id) => format!("duty #{} {id:?}", index + 1),
        None => format!("duty #{}", index + 1),
    };
    if let Some(key) = table.keys().find(|k| !DUTY_KEYS.contains(&k.as_str())) {
        return Err(format!(
            "{name}: unknown key {key:?}; the keys are {}",
            DUTY_KEYS.join(", ")
        ));
    }
    let string = |key: &str| -> Result<String, String> {
        match table.get(key) {
            None => Err(format!("{name}: missing key {key:?}")),
            Some(toml::Value::String(s)) => Ok(s.trim().to_string()),
            Some(_) => Err(format!("{name}: {key:?} must be a string")),
        }
    };
    let id = string("id")?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || id.starts_with('-')
        || id.ends_with('-')
    {
        return Err(format!(
            "{name}: id must be kebab-case (a-z, 0-9 and '-'), like \"po-sprint-priorities\""
        ));
    }
    let side_text = string("side")?;
    let kind_text = string("kind")?;
    let kind = match kind_text.to_ascii_lowercase().as_str() {
        "duty" => DutyKind::Duty,
        "skill" => DutyKind::Skill,
        "trait" => DutyKind::Trait,
        "other" => DutyKind::Other,
        _ => {
            return Err(format!(
                "{name}: kind {kind_text:?} is not one of \"duty\", \"skill\", \"trait\", \"other\""
            ))
        }
    };
    // Work of another trade belongs to no side; everything else to one.
    let side = match (Side::parse(&side_text), kind) {
        (Some(Side::Unclassified), DutyKind::Other) => Side::Unclassified,
        (_, DutyKind::Other) => {
            return Err(format!(
                "{name}: an entry of kind \"other\" is no PO or PM work; its side must be \"none\", not {side_text:?}"
            ))
        }
        (Some(side @ (Side::Po | Side::Pm | Side::Shared)), _) => side,
        _ => {
            return Err(format!(
                "{name}: side {side_text:?} is not one of \"PO\", \"PM\", \"shared\" (or \"none\" for kind \"other\")"
            ))
        }
    };
    let section = string("section")?;
    let text = string("text")?;
    if text.is_empty() {
        return Err(format!("{name}: text is empty"));
    }
    let list = |key: &str| -> Result<Option<Vec<String>>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::Array(items)) => {
                let mut signals = Vec::with_capacity(items.len());
                for item in items {
                    let toml::Value::String(s) = item else {
                        return Err(format!("{name}: every signal of {key:?} must be a string"));
                    };
                    check_signal(s).map_err(|e| format!("{name}: {key:?}: {e}"))?;
                    signals.push(s.trim().to_string());
                }
                Ok(Some(signals))
            }
            Some(_) => Err(format!("{name}: {key:?} must be a list of strings")),
        }
    };
    let Some(signals) = list("signals")? else {
        return Err(format!("{name}: missing key \"signals\""));
    };
    let mut local_signals = BTreeMap::new();
    for lang in Lang::ALL.into_iter().skip(1) {
        if let Some(signals) = list(&local_key(lang))? {
            if !signals.is_empty() {
                local_signals.insert(lang, signals);
            }
        }
    }
    if signals.is_empty() && local_signals.is_empty() {
        return Err(format!(
            "{name}: no signals; give at least one word or phrase that points to it"
        ));
    }
    let covers = match table.get("covers") {
        None => None,
        Some(toml::Value::String(s)) if kind == DutyKind::Duty => Some(s.trim().to_string()),
        Some(toml::Value::String(_)) => {
            return Err(format!(
                "{name}: only a duty can cover another duty; a {kind_text} only helps classify"
            ))
        }
        Some(_) => return Err(format!("{name}: \"covers\" must be a duty id")),
    };
    Ok(Duty {
        id,
        side,
        kind,
        text,
        section,
        signals,
        local_signals,
        covers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_round_trips() {
        let t = Taxonomy::builtin();
        assert!(t.duties.len() > 40);
        let again = Taxonomy::from_toml(&t.to_toml()).unwrap();
        assert_eq!(t, again);
    }

    #[test]
    fn builtin_file_is_to_toml_plus_comments() {
        // `raci taxonomy` prints the commented file; it must be the very format `to_toml`
        // writes, so a user's edited copy and a generated one look alike.
        let uncommented: Vec<&str> = BUILTIN_TOML
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect();
        let mut joined = uncommented.join("\n");
        while joined.contains("\n\n\n") {
            joined = joined.replace("\n\n\n", "\n\n");
        }
        let expected = Taxonomy::builtin().to_toml();
        assert_eq!(joined.trim(), expected.trim());
    }

    #[test]
    fn covers_must_name_a_duty_of_the_same_side() {
        let two = |covers: &str, side: &str| {
            format!(
                "[[duty]]\nid = \"po-a\"\nside = \"PO\"\nkind = \"duty\"\nsection = \"S\"\ntext = \"T\"\nsignals = [\"sprint\"]\n\n\
                 [[duty]]\nid = \"x-b\"\nside = \"{side}\"\nkind = \"duty\"\ncovers = \"{covers}\"\nsection = \"S\"\ntext = \"T\"\nsignals = [\"review\"]\n"
            )
        };
        let t = Taxonomy::from_toml(&two("po-a", "PO")).unwrap();
        assert_eq!(t.coverage_of("x-b"), Some("po-a"));
        assert_eq!(t.coverage_duties().count(), 1);
        assert!(Taxonomy::from_toml(&two("po-a", "PM")).is_err());
        assert!(Taxonomy::from_toml(&two("nope", "PO"))
            .unwrap_err()
            .contains("nope"));
        let round = Taxonomy::from_toml(&t.to_toml()).unwrap();
        assert_eq!(round, t);
    }

    #[test]
    fn builtin_covers_both_sides_and_shared() {
        let t = Taxonomy::builtin();
        // The article's duty lists: ten per side once restatements are folded in; what the
        // roles share the article lists as skills and a common goal, so it only classifies.
        for side in [Side::Po, Side::Pm] {
            assert_eq!(
                t.coverage_duties().filter(|d| d.side == side).count(),
                10,
                "{side}"
            );
        }
        assert_eq!(
            t.coverage_duties()
                .filter(|d| d.side == Side::Shared)
                .count(),
            0
        );
        assert!(t.duties.iter().any(|d| d.side == Side::Shared));
        for d in &t.duties {
            if let Some(parent) = &d.covers {
                assert_eq!(t.coverage_of(&d.id), Some(parent.as_str()));
            }
        }
        assert!(t.duties.iter().any(|d| d.kind == DutyKind::Skill));
        assert!(t.duties.iter().any(|d| d.kind == DutyKind::Trait));
        assert!(t.duty("po-sprint-priorities").is_some());
    }

    fn one(body: &str) -> String {
        format!("[[duty]]\n{body}\n")
    }

    const GOOD: &str = "id = \"x-one\"\nside = \"PO\"\nkind = \"duty\"\nsection = \"S\"\ntext = \"T\"\nsignals = [\"sprint\"]";

    #[test]
    fn strict_reader_names_the_entry() {
        assert!(Taxonomy::from_toml(&one(GOOD)).is_ok());

        let err = Taxonomy::from_toml(&one(&format!("{GOOD}\nsigals = []"))).unwrap_err();
        assert!(err.contains("\"x-one\"") && err.contains("sigals"), "{err}");

        let err = Taxonomy::from_toml(&one(&GOOD.replace("\"PO\"", "\"dev\""))).unwrap_err();
        assert!(err.contains("\"x-one\"") && err.contains("dev"), "{err}");

        let err = Taxonomy::from_toml(&one(&GOOD.replace("\"duty\"", "\"hobby\""))).unwrap_err();
        assert!(err.contains("hobby"), "{err}");

        let twice = format!("{}{}", one(GOOD), one(GOOD));
        let err = Taxonomy::from_toml(&twice).unwrap_err();
        assert!(err.contains("duplicate") && err.contains("x-one"), "{err}");

        let err =
            Taxonomy::from_toml(&one(&GOOD.replace("[\"sprint\"]", "[\"the\"]"))).unwrap_err();
        assert!(err.contains("stop words"), "{err}");

        let err = Taxonomy::from_toml(&one(&GOOD.replace("[\"sprint\"]", "[]"))).unwrap_err();
        assert!(err.contains("no signals"), "{err}");

        let err = Taxonomy::from_toml(&one(&GOOD.replace("x-one", "X One"))).unwrap_err();
        assert!(err.contains("kebab-case"), "{err}");

        let err = Taxonomy::from_toml("version = 2\n").unwrap_err();
        assert!(err.contains("version"), "{err}");

        let err = Taxonomy::from_toml("[[duty]\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");

        assert!(Taxonomy::from_toml("").is_err());
    }

    #[test]
    fn add_signals_extends_and_rejects_unknown_ids() {
        let mut t = Taxonomy::builtin();
        let before = t.duty("pm-market-research").unwrap().signals.len();
        t.add_signals(&[SignalAddition {
            duty: "pm-market-research".into(),
            signals: vec!["Field study".into(), "MARKET RESEARCH".into()],
        }])
        .unwrap();
        let after = &t.duty("pm-market-research").unwrap().signals;
        assert_eq!(after.len(), before + 1);
        assert_eq!(after.last().unwrap(), "Field study");

        let err = t
            .add_signals(&[SignalAddition {
                duty: "pm-nope".into(),
                signals: vec!["x".into()],
            }])
            .unwrap_err();
        assert!(
            err.contains("pm-nope") && err.contains("pm-market-research"),
            "{err}"
        );
    }
}
