//! The taxonomy as data: the built-in TOML compiled into the binary, the strict reader for a
//! user's replacement file, the writer that prints it back, and extra signals from `raci.toml`.

use super::{prepare, text, Duty, DutyKind, Lang, Taxonomy};
use crate::model::Side;
use crate::toml_text::TomlText;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// Extra taxonomy words from `raci.toml` `[taxonomy]`: more signals for a duty id.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct SignalAddition {
    pub duty: String,
    pub signals: Vec<String>,
}

/// The built-in taxonomy, with its comments (they explain where the article departs from common
/// practice). `raci taxonomy` prints this text.
pub const BUILTIN_TOML: &str = include_str!("taxonomy.toml");

/// The built-in taxonomy as `build.rs` read it, with its signals prepared for the classifier,
/// in the compact form of `prepare`: reading it is a fraction of reading the TOML. A static,
/// not a const: a const's 3 MB would be copied into the binary at each place that names it.
pub(super) static BUILTIN_PREPARED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/builtin-taxonomy.bin"));

/// A taxonomy file as written: `[[duty]]` entries and nothing else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    #[serde(default)]
    duty: Vec<DutyFile>,
}

/// One `[[duty]]` entry as written. serde checks the keys and their types; [`DutyFile::check`]
/// what a type cannot say (a kebab-case id, a side that fits the kind, signals that can match).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DutyFile {
    id: String,
    side: Side,
    kind: DutyKind,
    covers: Option<String>,
    section: String,
    text: String,
    signals: Vec<String>,
    signals_fr: Option<Vec<String>>,
    signals_de: Option<Vec<String>>,
    signals_es: Option<Vec<String>>,
    signals_it: Option<Vec<String>>,
    signals_pt: Option<Vec<String>>,
    signals_nl: Option<Vec<String>>,
}

/// Only the ids, read leniently (other keys pass), to name the entry a serde error is in; when
/// even that fails (an id that is no text), the entry is named by its number alone.
#[derive(Debug, Deserialize)]
struct Ids {
    #[serde(default)]
    duty: Vec<IdOnly>,
}

#[derive(Debug, Deserialize)]
struct IdOnly {
    id: Option<String>,
}

impl DutyFile {
    /// The signals of one language other than English (`signals_fr`, ...). The match is
    /// exhaustive, so a new language without its key does not build.
    fn local(&self, lang: Lang) -> Option<&Vec<String>> {
        match lang {
            Lang::En => None,
            Lang::Fr => self.signals_fr.as_ref(),
            Lang::De => self.signals_de.as_ref(),
            Lang::Es => self.signals_es.as_ref(),
            Lang::It => self.signals_it.as_ref(),
            Lang::Pt => self.signals_pt.as_ref(),
            Lang::Nl => self.signals_nl.as_ref(),
        }
    }

    /// Sets the signals of one language, as the file's key for it would.
    fn set_signals(&mut self, lang: Lang, list: Vec<String>) {
        match lang {
            Lang::En => self.signals = list,
            Lang::Fr => self.signals_fr = Some(list),
            Lang::De => self.signals_de = Some(list),
            Lang::Es => self.signals_es = Some(list),
            Lang::It => self.signals_it = Some(list),
            Lang::Pt => self.signals_pt = Some(list),
            Lang::Nl => self.signals_nl = Some(list),
        }
    }

    /// The entry as a [`Duty`], or why not; `name` says which entry (`line 3, duty #1 "po-x"`).
    fn check(self, name: &str, check: SignalCheck) -> Result<Duty, String> {
        let id = self.id.trim().to_string();
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
        let kind = self.kind;
        // Work of another trade belongs to no side; everything else to one.
        let side = match (self.side, kind) {
            (Side::Unclassified, DutyKind::Other) => Side::Unclassified,
            (side, DutyKind::Other) => {
                return Err(format!(
                    "{name}: an entry of kind \"other\" is no PO or PM work; its side must be \"none\", not {:?}",
                    side.as_str()
                ))
            }
            (Side::Unclassified, _) => {
                return Err(format!(
                    "{name}: side \"none\" is only for kind \"other\"; a {} is \"PO\", \"PM\" or \"shared\"",
                    kind.as_str()
                ))
            }
            (side, _) => side,
        };
        let text = self.text.trim().to_string();
        if text.is_empty() {
            return Err(format!("{name}: text is empty"));
        }
        let signals = checked_signals(name, "signals", &self.signals, check)?;
        let mut local_signals = BTreeMap::new();
        for lang in Lang::ALL {
            if let Some(list) = self.local(lang) {
                let list = checked_signals(name, &lang.signals_key(), list, check)?;
                if !list.is_empty() {
                    local_signals.insert(lang, list);
                }
            }
        }
        if signals.is_empty() && local_signals.is_empty() {
            return Err(format!(
                "{name}: no signals; give at least one word or phrase that points to it"
            ));
        }
        let covers = match self.covers {
            None => None,
            Some(c) if kind == DutyKind::Duty => Some(c.trim().to_string()),
            Some(_) => {
                return Err(format!(
                    "{name}: only a duty can cover another duty; a {} only helps classify",
                    kind.as_str()
                ))
            }
        };
        Ok(Duty {
            id,
            side,
            kind,
            text,
            section: self.section.trim().to_string(),
            signals,
            local_signals,
            covers,
        })
    }
}

/// Whether each signal of a file is checked to be able to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SignalCheck {
    /// A user's file.
    Check,
    /// The built-in file, which a unit test reads with every check.
    Trusted,
}

/// One list of signals, trimmed, each able to match.
fn checked_signals(
    name: &str,
    key: &str,
    list: &[String],
    check: SignalCheck,
) -> Result<Vec<String>, String> {
    list.iter()
        .map(|s| {
            if check == SignalCheck::Check {
                check_signal(s).map_err(|e| format!("{name}: {key:?}: {e}"))?;
            }
            Ok(s.trim().to_string())
        })
        .collect()
}

/// Names the `[[duty]]` entries of a file for messages: the line of each entry's header, and
/// its id when the file can be read that far.
struct Entries<'a> {
    text: TomlText<'a>,
    header_lines: Vec<usize>,
}

impl<'a> Entries<'a> {
    fn new(text: &'a str) -> Entries<'a> {
        let text = TomlText { text };
        let header_lines = text
            .headers()
            .filter(|(_, h)| *h == "[[duty]]")
            .map(|(n, _)| n)
            .collect();
        Entries { text, header_lines }
    }

    /// `line 12, duty #2 "po-x"` (the line of its `[[duty]]` header when `line` is `None`).
    fn name(&self, index: usize, id: Option<&str>, line: Option<usize>) -> String {
        let line = line.or_else(|| self.header_lines.get(index).copied());
        let mut name = match line {
            Some(line) => format!("line {line}, duty #{}", index + 1),
            None => format!("duty #{}", index + 1),
        };
        if let Some(id) = id {
            name.push_str(&format!(" {id:?}"));
        }
        name
    }

    /// A serde error, naming the entry it is in (found by the `[[duty]]` headers above it).
    fn error(&self, e: &toml::de::Error) -> String {
        let Some(span) = e.span() else {
            return self.text.error(e);
        };
        let line = self.text.line(span.start);
        let Some(index) = self.header_lines.iter().rposition(|&header| header <= line) else {
            return self.text.error(e);
        };
        let ids = toml::from_str::<Ids>(self.text.text).ok();
        let id = ids
            .as_ref()
            .and_then(|ids| ids.duty.get(index))
            .and_then(|d| d.id.as_deref());
        format!(
            "{}: {}{}",
            self.name(index, id, Some(line)),
            self.text.key_prefix(span.start),
            TomlText::message(e)
        )
    }
}

/// A taxonomy file cut before each `[[duty]]` line, what stands before the first entry
/// (comments) read with it; `None` when the file has no entry.
fn entry_pieces(text: &str) -> Option<Vec<&str>> {
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "[[duty]]" {
            starts.push(at);
        }
        at += line.len();
    }
    *starts.first_mut()? = 0;
    starts.push(text.len());
    Some(starts.windows(2).map(|w| &text[w[0]..w[1]]).collect())
}

impl Taxonomy {
    /// The taxonomy of the article, as shipped.
    pub fn builtin() -> Taxonomy {
        // The file is part of the binary and a unit test parses it, so failing here is a
        // build defect, not a user error.
        Taxonomy::from_baked(BUILTIN_PREPARED)
            .unwrap_or_else(|| Taxonomy::from_toml_by_entry(BUILTIN_TOML))
            .expect("the built-in taxonomy is valid")
    }

    /// The built-in file as `build.rs` read it, checked as [`Taxonomy::from_toml_by_entry`]
    /// checks it; `None` when the compact form is damaged (a build defect: the TOML is read
    /// then). Reading the TOML, even one entry at a time, was a third of every run's start.
    fn from_baked(baked: &[u8]) -> Option<Result<Taxonomy, String>> {
        let (entries, lists) = prepare::baked_taxonomy(baked)?;
        let mut files: Vec<DutyFile> = Vec::with_capacity(entries.len());
        for entry in entries {
            files.push(DutyFile {
                id: entry.id,
                side: entry.side.parse().ok()?,
                kind: entry.kind.parse().ok()?,
                covers: entry.covers,
                section: entry.section,
                text: entry.text,
                signals: Vec::new(),
                signals_fr: None,
                signals_de: None,
                signals_es: None,
                signals_it: None,
                signals_pt: None,
                signals_nl: None,
            });
        }
        for (entry, lang, list) in lists {
            files.get_mut(entry as usize)?.set_signals(lang, list);
        }
        Some(Taxonomy::from_files(
            &Entries::new(BUILTIN_TOML),
            files,
            SignalCheck::Trusted,
        ))
    }

    /// [`Taxonomy::from_toml`] for the built-in file, read one `[[duty]]` entry at a time: the
    /// fallback of [`Taxonomy::builtin`] should its compact form be damaged.
    /// Read whole, its 21,000 signals become a token list and a value tree of some 8 MB at
    /// once: the peak of a small audit's heap, which the allocator then keeps as resident
    /// memory for the rest of the run. One entry at a time it is a 64th of that. Its signals
    /// are not checked one by one again (a sixth of the start of every run): a unit test
    /// reads the very text compiled in with every check and compares. Only for this file:
    /// every piece cut at a `[[duty]]` line is one whole entry because the test says so; a
    /// user's file is read whole by `from_toml`, whose messages name its lines (a header line
    /// inside a multi-line string would cut it wrongly here).
    fn from_toml_by_entry(text: &str) -> Result<Taxonomy, String> {
        let entries = Entries::new(text);
        let Some(pieces) = entry_pieces(text) else {
            return Taxonomy::from_toml(text);
        };
        let mut files = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match toml::from_str::<TaxonomyFile>(piece) {
                Ok(file) => files.extend(file.duty),
                // A piece's error would name lines of the piece: read the file whole to tell it.
                Err(_) => return Taxonomy::from_toml(text),
            }
        }
        Taxonomy::from_files(&entries, files, SignalCheck::Trusted)
    }

    /// Reads a taxonomy file. Strict: unknown keys, missing keys, duplicate ids, bad sides or
    /// kinds and empty signals are errors naming the line and the entry.
    pub fn from_toml(text: &str) -> Result<Taxonomy, String> {
        let entries = Entries::new(text);
        let file: TaxonomyFile = toml::from_str(text).map_err(|e| entries.error(&e))?;
        Taxonomy::from_files(&entries, file.duty, SignalCheck::Check)
    }

    /// The entries of a file, checked.
    fn from_files(
        entries: &Entries,
        files: Vec<DutyFile>,
        check: SignalCheck,
    ) -> Result<Taxonomy, String> {
        if files.is_empty() {
            return Err("no [[duty]] entries".to_string());
        }
        let mut duties: Vec<Duty> = Vec::with_capacity(files.len());
        let mut names = Vec::with_capacity(files.len());
        let mut ids = BTreeSet::new();
        for (i, entry) in files.into_iter().enumerate() {
            let name = entries.name(i, Some(entry.id.trim()), None);
            let duty = entry.check(&name, check)?;
            if !ids.insert(duty.id.clone()) {
                return Err(format!("{name}: duplicate id; every id must be unique"));
            }
            duties.push(duty);
            names.push(name);
        }
        // `covers` points at a coverage duty: one level only, same side, so coverage stays a
        // plain lookup and a restatement never moves work to the other side.
        for (duty, name) in duties.iter().zip(&names) {
            let Some(target) = &duty.covers else { continue };
            let Some(parent) = duties.iter().find(|d| &d.id == target) else {
                return Err(format!(
                    "{name}: covers {target:?}, which is not an id in this taxonomy"
                ));
            };
            if parent.kind != DutyKind::Duty || parent.covers.is_some() || parent.side != duty.side
            {
                return Err(format!(
                    "{name}: covers {target:?}, which must be a duty of the same side that covers no other"
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
            out.push_str(&format!("kind = {}\n", quote(duty.kind.as_str())));
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
                out.push_str(&format!("{} = [\n", lang.signals_key()));
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

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
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
    fn reading_by_entry_is_reading_whole() {
        let whole = Taxonomy::from_toml(BUILTIN_TOML).unwrap();
        assert_eq!(Taxonomy::builtin(), whole);
        // What `build.rs` read is the file read whole, with every check: the compact form is
        // the path taken at start, not a fallback to the TOML that would equal it just as well.
        assert_eq!(
            Taxonomy::from_baked(BUILTIN_PREPARED),
            Some(Ok(whole.clone()))
        );
        assert_eq!(Taxonomy::from_baked(&[]), None);
        // Cut inside its first entries.
        assert_eq!(Taxonomy::from_baked(&BUILTIN_PREPARED[..1000]), None);
        let duties = whole.duties.len();
        assert_eq!(Taxonomy::from_toml_by_entry(BUILTIN_TOML), Ok(whole));
        // Every piece of the built-in file reads on its own: the fast path is the one taken
        // at start, not a fallback to the whole file that would equal it just as well.
        let pieces = entry_pieces(BUILTIN_TOML).unwrap();
        assert_eq!(pieces.len(), duties);
        for piece in pieces {
            assert!(toml::from_str::<TaxonomyFile>(piece).is_ok(), "{piece}");
        }
        // A bad entry is told as the whole file tells it: its line, not the piece's.
        let two = format!(
            "# comment\n{}\n{}",
            one(GOOD),
            one(&GOOD.replace("\"PO\"", "\"dev\""))
        );
        let err = Taxonomy::from_toml_by_entry(&two).unwrap_err();
        assert!(err.starts_with("line ") && err.contains("duty #2"), "{err}");
        assert_eq!(Err(err), Taxonomy::from_toml(&two));
        // Checks other than the signals' still hold, the first entry's error first.
        let both = format!(
            "{}{}",
            one(&GOOD.replace("x-one", "X")),
            one(&GOOD.replace("\"PO\"", "\"none\""))
        );
        let err = Taxonomy::from_toml_by_entry(&both).unwrap_err();
        assert!(
            err.contains("duty #1") && err.contains("kebab-case"),
            "{err}"
        );
        assert!(Taxonomy::from_toml_by_entry("").is_err());
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
    fn messages_name_line_entry_and_key() {
        let second = GOOD.replace("x-one", "x-two");
        let bad = |from: &str, to: &str| {
            let text = format!("{}\n{}", one(GOOD), one(&second.replace(from, to)));
            Taxonomy::from_toml(&text).unwrap_err()
        };
        // The second entry's header is on line 9; its side on line 11.
        assert_eq!(
            bad("\"PO\"", "\"dev\""),
            "line 11, duty #2 \"x-two\": `side`: \"dev\" is not a side; use \"PO\", \"PM\", \"shared\" or \"none\""
        );
        let err = bad("section", "sektion");
        assert!(
            err.starts_with("line 13, duty #2 \"x-two\": unknown key `sektion`, expected one of"),
            "{err}"
        );
        let err = bad("signals = [\"sprint\"]", "signals = \"sprint\"");
        assert!(
            err.starts_with("line 15, duty #2 \"x-two\": `signals`: invalid type: string")
                && err.ends_with("expected a list, like [\"a\", \"b\"]"),
            "{err}"
        );
        let err = bad("x-two", "X Two");
        assert!(
            err.starts_with("line 9, duty #2 \"X Two\": id must be kebab-case"),
            "{err}"
        );
        let err = bad("\"duty\"", "\"other\"");
        assert!(
            err.starts_with("line 9, duty #2 \"x-two\": an entry of kind \"other\""),
            "{err}"
        );
        let err = bad("\"PO\"", "\"none\"");
        assert!(
            err.contains("side \"none\" is only for kind \"other\""),
            "{err}"
        );
        let err = bad("kind = \"duty\"\n", "");
        assert_eq!(err, "line 9, duty #2 \"x-two\": missing key `kind`");
        let err = Taxonomy::from_toml("[[duty]\n").unwrap_err();
        assert!(err.starts_with("line 1: "), "{err}");
        // Any case, as before: `Po`, `Skill`.
        let t = Taxonomy::from_toml(&one(&GOOD
            .replace("\"PO\"", "\"Po\"")
            .replace("\"duty\"", "\"Skill\"")))
        .unwrap();
        assert_eq!(
            (t.duties[0].side, t.duties[0].kind),
            (Side::Po, DutyKind::Skill)
        );
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
