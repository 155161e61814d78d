//! Letters and letter sets, the schemes that define them, and the parser that reads a cell's
//! text into a set of letters without losing any (`A/R`, `R (A)`, `RA` all keep both).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A letter as the audit counts it. Schemes other than RACI map their letters onto these
/// (see [`Scheme`]); RASCI's Support and RACI-VS's Verify/Sign-off keep letters of their own
/// because they are neither doing nor owning the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Letter {
    /// Responsible: does the work.
    R,
    /// Accountable: owns the outcome, one per task.
    A,
    /// Consulted: two-way input before the work.
    C,
    /// Informed: one-way news after the work.
    I,
    /// Support (RASCI): helps the Responsible.
    S,
    /// Verify / Sign-off (RACI-VS): checks the work against its criteria.
    V,
}

impl Letter {
    pub const ALL: [Letter; 6] = [
        Letter::R,
        Letter::A,
        Letter::C,
        Letter::I,
        Letter::S,
        Letter::V,
    ];
    /// The owning letters first (A, then R), then the others: the letter a cell is shown by,
    /// and the order letters stack in.
    pub const OWNING_FIRST: [Letter; 6] = [
        Letter::A,
        Letter::R,
        Letter::C,
        Letter::I,
        Letter::S,
        Letter::V,
    ];
    /// The four letters every chart and report counts.
    pub const RACI: [Letter; 4] = [Letter::R, Letter::A, Letter::C, Letter::I];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn as_char(self) -> char {
        match self {
            Letter::R => 'R',
            Letter::A => 'A',
            Letter::C => 'C',
            Letter::I => 'I',
            Letter::S => 'S',
            Letter::V => 'V',
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Letter::R => "Responsible",
            Letter::A => "Accountable",
            Letter::C => "Consulted",
            Letter::I => "Informed",
            Letter::S => "Support",
            Letter::V => "Verify",
        }
    }
}

/// A letter is written as its character: `"R"`.
impl Serialize for Letter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_char(self.as_char())
    }
}

impl Letter {
    /// Reads `R`, `a`, `Responsible`, `Consulted` (any case): the letter a `--x-means` or
    /// `x-means` value names.
    pub fn parse(text: &str) -> Option<Letter> {
        let t = text.trim();
        let mut chars = t.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Letter::ALL
                .into_iter()
                .find(|l| l.as_char() == c.to_ascii_uppercase());
        }
        Letter::ALL
            .into_iter()
            .find(|l| l.meaning().eq_ignore_ascii_case(t))
    }
}

/// A set of letters held in one cell. Small and `Copy`: a bit per [`Letter`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LetterSet(u8);

impl LetterSet {
    pub const EMPTY: LetterSet = LetterSet(0);

    pub fn of(letters: &[Letter]) -> Self {
        letters.iter().fold(LetterSet::EMPTY, |s, &l| s.with(l))
    }

    pub fn with(self, letter: Letter) -> Self {
        LetterSet(self.0 | letter.bit())
    }

    pub fn insert(&mut self, letter: Letter) {
        self.0 |= letter.bit();
    }

    pub fn union(self, other: LetterSet) -> Self {
        LetterSet(self.0 | other.0)
    }

    pub fn contains(self, letter: Letter) -> bool {
        self.0 & letter.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// R or A: the party does or owns the work.
    pub fn owns(self) -> bool {
        self.contains(Letter::R) || self.contains(Letter::A)
    }

    pub fn iter(self) -> impl Iterator<Item = Letter> {
        Letter::ALL.into_iter().filter(move |&l| self.contains(l))
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
}

/// `R/A`: letters in R, A, C, I, S, V order joined by `/` (empty set: empty string).
impl fmt::Display for LetterSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for l in self.iter() {
            if !first {
                f.write_str("/")?;
            }
            write!(f, "{}", l.as_char())?;
            first = false;
        }
        Ok(())
    }
}

impl fmt::Debug for LetterSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LetterSet({self})")
    }
}

impl Serialize for LetterSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// The named letter schemes, plus one taught by the file's own legend.
///
/// `--scheme` takes it through clap's `ValueEnum` (clap is a dependency of the library, and
/// the derive is only a table of names: no parsing happens here until the command line is
/// read); `raci.toml` through [`FromStr`], which also takes any case and `racivs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum SchemeName {
    #[default]
    Raci,
    Rasci,
    RaciVs,
    Daci,
    Cairo,
    Rapid,
    /// Defined by a legend in the file.
    #[value(skip)]
    Legend,
}

impl SchemeName {
    pub fn as_str(self) -> &'static str {
        match self {
            SchemeName::Raci => "raci",
            SchemeName::Rasci => "rasci",
            SchemeName::RaciVs => "raci-vs",
            SchemeName::Daci => "daci",
            SchemeName::Cairo => "cairo",
            SchemeName::Rapid => "rapid",
            SchemeName::Legend => "legend",
        }
    }

    pub fn parse(text: &str) -> Option<SchemeName> {
        match text.trim().to_ascii_lowercase().as_str() {
            "raci" => Some(SchemeName::Raci),
            "rasci" => Some(SchemeName::Rasci),
            "raci-vs" | "racivs" | "raci_vs" => Some(SchemeName::RaciVs),
            "daci" => Some(SchemeName::Daci),
            "cairo" => Some(SchemeName::Cairo),
            "rapid" => Some(SchemeName::Rapid),
            _ => None,
        }
    }
}

impl FromStr for SchemeName {
    type Err = String;

    fn from_str(text: &str) -> Result<SchemeName, String> {
        SchemeName::parse(text).ok_or_else(|| {
            format!("{text:?} is not a scheme; use raci, rasci, raci-vs, daci, cairo or rapid")
        })
    }
}

impl<'de> Deserialize<'de> for SchemeName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_parsed(deserializer)
    }
}

/// One letter of a scheme: the character written in cells, what it means in that scheme, and
/// the audit letters it counts as (empty: "not involved", like CAIRO's O).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemeLetter {
    pub code: char,
    pub meaning: String,
    pub counts_as: LetterSet,
}

/// A letter scheme: which characters are letters and what each counts as in the audit.
///
/// The mapping is explicit so that a report can say how a RAPID `D` or a RACI-VS `S` was
/// counted; see `raci rules` and the README's scheme table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scheme {
    pub name: SchemeName,
    pub letters: Vec<SchemeLetter>,
}

impl Default for Scheme {
    fn default() -> Self {
        Scheme::named(SchemeName::Raci)
    }
}

fn sl(code: char, meaning: &str, counts_as: &[Letter]) -> SchemeLetter {
    SchemeLetter {
        code,
        meaning: meaning.to_string(),
        counts_as: LetterSet::of(counts_as),
    }
}

impl Scheme {
    pub fn named(name: SchemeName) -> Scheme {
        use Letter::*;
        let letters = match name {
            SchemeName::Raci | SchemeName::Legend => vec![
                sl('R', "Responsible", &[R]),
                sl('A', "Accountable", &[A]),
                sl('C', "Consulted", &[C]),
                sl('I', "Informed", &[I]),
            ],
            SchemeName::Rasci => vec![
                sl('R', "Responsible", &[R]),
                sl('A', "Accountable", &[A]),
                sl('S', "Support", &[S]),
                sl('C', "Consulted", &[C]),
                sl('I', "Informed", &[I]),
            ],
            // RACI-VS: S is Sign-off here, not Support; it and Verify both check the work.
            SchemeName::RaciVs => vec![
                sl('R', "Responsible", &[R]),
                sl('A', "Accountable", &[A]),
                sl('C', "Consulted", &[C]),
                sl('I', "Informed", &[I]),
                sl('V', "Verify", &[V]),
                sl('S', "Sign-off", &[V]),
            ],
            // DACI: the Driver does the work, the Approver owns the decision.
            SchemeName::Daci => vec![
                sl('D', "Driver", &[R]),
                sl('A', "Approver", &[A]),
                sl('C', "Contributor", &[C]),
                sl('I', "Informed", &[I]),
            ],
            // CAIRO: O is "Out of the loop", written down on purpose: not involved.
            SchemeName::Cairo => vec![
                sl('C', "Consulted", &[C]),
                sl('A', "Accountable", &[A]),
                sl('I', "Informed", &[I]),
                sl('R', "Responsible", &[R]),
                sl('O', "Out of the loop", &[]),
            ],
            // RAPID: Decide owns the outcome, Perform and Recommend do the work,
            // Agree (a veto) and Input are consulted.
            SchemeName::Rapid => vec![
                sl('R', "Recommend", &[R]),
                sl('A', "Agree", &[C]),
                sl('P', "Perform", &[R]),
                sl('I', "Input", &[C]),
                sl('D', "Decide", &[A]),
            ],
        };
        Scheme { name, letters }
    }

    /// A scheme taught by a legend: `R=Responsible, M=Must be consulted, ...`.
    pub fn from_legend(letters: Vec<SchemeLetter>) -> Scheme {
        Scheme {
            name: SchemeName::Legend,
            letters,
        }
    }

    /// The same scheme, with involvement marks (`x`, a tick) counted as `letter`: what
    /// `--x-means` asks for. The marks are written as the code `X`.
    pub fn with_marks_as(mut self, letter: Letter) -> Scheme {
        self.letters.retain(|l| l.code != MARK_CODE);
        self.letters.push(SchemeLetter {
            code: MARK_CODE,
            meaning: "marked (x or a tick)".into(),
            counts_as: LetterSet::of(&[letter]),
        });
        self
    }

    /// The audit letters a written character counts as, if it is a letter of this scheme.
    pub fn lookup(&self, code: char) -> Option<LetterSet> {
        let up = mark_code(fold_lookalike(code)).to_ascii_uppercase();
        self.letters
            .iter()
            .find(|l| l.code == up)
            .map(|l| l.counts_as)
    }

    /// A one-line description: `raci (R=Responsible, A=Accountable, ...)`.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .letters
            .iter()
            .map(|l| {
                let counted = if l.counts_as.is_empty() {
                    "not involved".to_string()
                } else {
                    l.counts_as.to_string()
                };
                if counted.len() == 1 && counted.starts_with(l.code) {
                    format!("{}={}", l.code, l.meaning)
                } else {
                    format!("{}={} (counted as {})", l.code, l.meaning, counted)
                }
            })
            .collect();
        format!("{} ({})", self.name.as_str(), parts.join(", "))
    }
}

/// Cyrillic and Greek capitals that look exactly like Latin letters (a Russian `С` typed in a
/// RACI cell). Only used for letter codes, never for names.
fn fold_lookalike(c: char) -> char {
    match c {
        'С' | 'с' => 'C',
        'А' | 'а' | 'Α' => 'A',
        'Р' | 'р' | 'Ρ' => 'P',
        'І' | 'і' | 'Ι' => 'I',
        'О' | 'о' | 'Ο' => 'O',
        'Ѕ' | 'ѕ' => 'S',
        'Д' => 'D',
        _ => c,
    }
}

/// The code involvement marks are read as when a scheme gives them a letter.
const MARK_CODE: char = 'X';

/// Tick marks are written as the mark code `X` (and are no letter of any named scheme).
fn mark_code(c: char) -> char {
    match c {
        '✓' | '✔' | '√' | '☑' | '✅' | '●' | '•' => MARK_CODE,
        _ => c,
    }
}

/// A mark that says a party is involved without saying how: `x` or a tick, alone in its
/// cell. Words (`yes`, `maybe`) are not marks: a column of answers is not a party column.
pub fn is_involvement_mark(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c == 'x' || mark_code(c) == MARK_CODE,
        _ => false,
    }
}

/// What a cell's text means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellParse {
    /// Blank, or an explicit "not involved" (`-`, `/`, `N`, `n/a`, `—`).
    Empty,
    /// Every part of the text was understood.
    Letters(LetterSet),
    /// Some or all of the text is not a letter of the scheme. `letters` keeps what was
    /// understood; `unknown` lists the parts that were not (`x`, `Q`, `yes`).
    Unknown {
        letters: LetterSet,
        unknown: Vec<String>,
    },
}

/// Full words for the four RACI letters in English, French, Spanish, Portuguese, German and
/// Italian, compared after lower-casing and dropping accents.
const WORDS: &[(&str, Letter)] = &[
    ("responsible", Letter::R),
    ("responsable", Letter::R),
    ("responsavel", Letter::R),
    ("responsabile", Letter::R),
    ("verantwortlich", Letter::R),
    ("durchfuhrung", Letter::R),
    ("realisateur", Letter::R),
    ("acteur", Letter::R),
    ("doer", Letter::R),
    ("accountable", Letter::A),
    ("approbateur", Letter::A),
    ("approver", Letter::A),
    ("aprobador", Letter::A),
    ("aprovador", Letter::A),
    ("approvatore", Letter::A),
    ("rechenschaftspflichtig", Letter::A),
    ("consulted", Letter::C),
    ("consult", Letter::C),
    ("consulte", Letter::C),
    ("consultado", Letter::C),
    ("consultato", Letter::C),
    ("konsultiert", Letter::C),
    ("befragt", Letter::C),
    ("informed", Letter::I),
    ("inform", Letter::I),
    ("informe", Letter::I),
    ("informado", Letter::I),
    ("informato", Letter::I),
    ("information", Letter::I),
    ("informiert", Letter::I),
    ("support", Letter::S),
    ("supports", Letter::S),
    ("soporte", Letter::S),
    ("suporte", Letter::S),
    ("supporto", Letter::S),
    ("unterstutzung", Letter::S),
    ("unterstutzend", Letter::S),
    // Feminine and plural forms as French, Spanish, Portuguese and Italian cells write them.
    ("responsables", Letter::R),
    ("realisatrice", Letter::R),
    ("autorite", Letter::A),
    ("approbatrice", Letter::A),
    ("decideur", Letter::A),
    ("consultee", Letter::C),
    ("consultes", Letter::C),
    ("consultees", Letter::C),
    ("consultada", Letter::C),
    ("consultados", Letter::C),
    ("consultata", Letter::C),
    ("informee", Letter::I),
    ("informes", Letter::I),
    ("informees", Letter::I),
    ("informada", Letter::I),
    ("informados", Letter::I),
    ("informata", Letter::I),
];

/// Words for "and" that join two letters (`R et A`, `R y A`, `R und A`, `R e A`, `R en A`):
/// English, French, Spanish, German, Portuguese and Italian, Dutch. `&` and `+` are
/// separators already.
const AND_WORDS: &[&str] = &["and", "et", "y", "und", "e", "en"];

/// Marks that say "not involved" on purpose.
const NOT_INVOLVED: &[&str] = &[
    "-", "--", "–", "—", "/", "n/a", "na", "n.a.", "n.a", "none", "nil", ".",
];

fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ß' => 's',
            _ => c,
        })
        .collect()
}

/// Whether `c` separates the tokens of a cell (`R/A`, `R, C`, `A (R)`); a hyphen does only in
/// a text longer than one character, since a lone `-` is a mark of its own.
pub fn is_token_separator(c: char, long: bool) -> bool {
    "/,;&+()[]|\\ ".contains(c) || c == '-' && long
}

/// Reads a cell's text as a set of letters of `scheme`.
///
/// Accepts any case and spacing, parentheses (`R (A)`), the separators `/ , ; & + space` or
/// none at all (`RA`), words for "and" between letters (`R et A`), full words in six
/// languages, and Cyrillic look-alikes. `N` is "not
/// involved" unless the scheme defines it. A bare `x` or `✓` marks involvement without saying
/// which letter, so it is reported rather than guessed.
pub fn parse_cell(text: &str, scheme: &Scheme) -> CellParse {
    // `;#` separates the values of a SharePoint multi-choice field (`R;#A`).
    let joined;
    let text = if text.contains(";#") {
        joined = text.replace(";#", ";");
        joined.as_str()
    } else {
        text
    };
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return CellParse::Empty;
    }
    let lower = trimmed.to_lowercase();
    if NOT_INVOLVED.contains(&lower.as_str()) {
        return CellParse::Empty;
    }
    if (lower == "n" || lower == "o") && scheme.lookup(lower.chars().next().unwrap()).is_none() {
        return CellParse::Empty;
    }

    let mut letters = LetterSet::EMPTY;
    let mut unknown = Vec::new();
    let tokens: Vec<&str> = trimmed
        .split(|c: char| is_token_separator(c, trimmed.len() > 1))
        .filter(|t| !t.is_empty())
        .collect();
    let any_token = !tokens.is_empty();
    let read: Vec<Option<LetterSet>> = tokens.iter().map(|t| read_token(t, scheme)).collect();
    for (i, token) in tokens.iter().enumerate() {
        match read[i] {
            Some(set) => letters = letters.union(set),
            // `R et A`: a word for "and" between two letters joins them.
            None if i > 0
                && i + 1 < tokens.len()
                && read[i - 1].is_some()
                && read[i + 1].is_some()
                && AND_WORDS.contains(&token.to_lowercase().as_str()) => {}
            None => unknown.push(token.to_string()),
        }
    }
    if !any_token {
        // Only separators, e.g. "//": not a letter, not a deliberate blank either.
        return CellParse::Unknown {
            letters,
            unknown: vec![trimmed.to_string()],
        };
    }
    if unknown.is_empty() {
        if letters.is_empty() {
            // Explicit out-of-the-loop letters (CAIRO O) only.
            CellParse::Empty
        } else {
            CellParse::Letters(letters)
        }
    } else {
        CellParse::Unknown { letters, unknown }
    }
}

/// Marks that send a reader to a footnote: `A*`, `R¹`.
const FOOTNOTE_MARKS: &[char] = &['*', '†', '‡', '¹', '²', '³'];

/// One token: a run of scheme letters (`RA`, `c`), or a full word (`Consulté`), maybe with a
/// footnote mark after it (`A*`: the letters stand, the footnote explains them).
fn read_token(token: &str, scheme: &Scheme) -> Option<LetterSet> {
    let token = match token.trim_end_matches(FOOTNOTE_MARKS) {
        "" => token,
        marked => marked,
    };
    let chars: Vec<char> = token.chars().collect();
    // Runs of letters up to the scheme's size, each a letter of the scheme: `R`, `RA`, `rci`.
    // A run repeats no letter and is not a capitalised word: `Sara` is a name, not S/A/R/A.
    let repeats = (1..chars.len()).any(|i| {
        let up = |c: char| fold_lookalike(c).to_ascii_uppercase();
        chars[..i].iter().any(|&p| up(p) == up(chars[i]))
    });
    let titlecase =
        chars.len() >= 3 && chars[0].is_uppercase() && chars[1..].iter().all(|c| c.is_lowercase());
    if chars.len() <= scheme.letters.len() && !repeats && !titlecase {
        let mut set = LetterSet::EMPTY;
        let mut all = true;
        let mut involved = false;
        for &c in &chars {
            match scheme.lookup(c) {
                Some(s) => {
                    set = set.union(s);
                    involved = true;
                }
                None => {
                    all = false;
                    break;
                }
            }
        }
        // A run of known letters that all count as nothing (a legend's `N`, CAIRO's `O`)
        // is a deliberate "not involved": an empty set, not an unknown token.
        if all && (involved || !chars.is_empty()) {
            return Some(set);
        }
    }
    let word = fold_accents(&token.to_lowercase());
    WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, l)| LetterSet::of(&[l]))
        .filter(|set| {
            // A word for a letter the scheme does not have (Support in plain RACI) is unknown.
            set.iter()
                .all(|l| scheme.letters.iter().any(|sl| sl.counts_as.contains(l)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Letter::*;

    fn raci(text: &str) -> CellParse {
        parse_cell(text, &Scheme::default())
    }

    fn set(ls: &[Letter]) -> CellParse {
        CellParse::Letters(LetterSet::of(ls))
    }

    #[test]
    fn single_letters_any_case() {
        assert_eq!(raci("R"), set(&[R]));
        assert_eq!(raci(" a "), set(&[A]));
        assert_eq!(raci("c"), set(&[C]));
        assert_eq!(raci("I "), set(&[I]));
    }

    #[test]
    fn combinations_keep_every_letter() {
        for text in [
            "A/R", "R/A", "RA", "R, A", "A R", "R (A)", "(R) A", "r+a", "R & A", "R;A", "R / A ",
        ] {
            assert_eq!(raci(text), set(&[R, A]), "{text:?}");
        }
        assert_eq!(raci("C / I"), set(&[C, I]));
        assert_eq!(raci("(R)"), set(&[R]));
        assert_eq!(raci("RCI"), set(&[R, C, I]));
    }

    #[test]
    fn sharepoint_multi_choice_values() {
        assert_eq!(raci("R;#A"), set(&[R, A]));
        assert_eq!(raci(";#C;#I;#"), set(&[C, I]));
    }

    #[test]
    fn a_footnote_mark_after_letters() {
        assert_eq!(raci("A*"), set(&[A]));
        assert_eq!(raci("R/A**"), set(&[R, A]));
        assert_eq!(raci("C¹"), set(&[C]));
        assert!(matches!(raci("*"), CellParse::Unknown { .. }));
        assert!(matches!(raci("Q*"), CellParse::Unknown { .. }));
    }

    #[test]
    fn letters_joined_by_words_for_and() {
        for text in [
            "R et A", "R y A", "R und A", "R e A", "R en A", "R & A", "R and A", "r ET a",
        ] {
            assert_eq!(raci(text), set(&[R, A]), "{text:?}");
        }
        assert_eq!(raci("C, I et A"), set(&[C, I, A]));
        // Only between two letters: a word at either end is not a join.
        assert!(matches!(raci("et A"), CellParse::Unknown { .. }));
        assert!(matches!(raci("R y"), CellParse::Unknown { .. }));
        assert!(matches!(raci("R et Q"), CellParse::Unknown { .. }));
    }

    #[test]
    fn not_involved_marks_are_empty() {
        for text in ["", "  ", "-", "/", "N", "n", "n/a", "N/A", "—", "\u{a0}"] {
            assert_eq!(raci(text), CellParse::Empty, "{text:?}");
        }
    }

    #[test]
    fn involvement_without_a_letter_is_reported() {
        for text in ["x", "X", "✓", "yes", "R?"] {
            assert!(matches!(raci(text), CellParse::Unknown { .. }), "{text:?}");
        }
    }

    #[test]
    fn unknown_letters_keep_the_known_ones() {
        assert_eq!(
            raci("R,A,C,Q"),
            CellParse::Unknown {
                letters: LetterSet::of(&[R, A, C]),
                unknown: vec!["Q".into()]
            }
        );
    }

    #[test]
    fn full_words_in_several_languages() {
        assert_eq!(raci("Responsible"), set(&[R]));
        assert_eq!(raci("Consulté"), set(&[C]));
        assert_eq!(raci("information"), set(&[I]));
        assert_eq!(raci("Informado"), set(&[I]));
        assert_eq!(raci("Verantwortlich"), set(&[R]));
        assert_eq!(raci("Accountable / Responsible"), set(&[R, A]));
        assert_eq!(raci("Consultée"), set(&[C]));
        assert_eq!(raci("Informados"), set(&[I]));
        assert_eq!(raci("Autorité"), set(&[A]));
        assert!(matches!(raci("Soporte"), CellParse::Unknown { .. }));
        let rasci = Scheme::named(SchemeName::Rasci);
        assert_eq!(parse_cell("Soporte", &rasci), set(&[S]));
    }

    #[test]
    fn names_are_not_letter_runs() {
        assert!(matches!(raci("Sara"), CellParse::Unknown { .. }));
        assert!(matches!(raci("Cia"), CellParse::Unknown { .. }));
        assert!(matches!(raci("AA"), CellParse::Unknown { .. }));
        assert_eq!(raci("rci"), set(&[R, C, I]));
    }

    #[test]
    fn legend_letters_that_mean_not_involved() {
        let legend = Scheme::from_legend(vec![
            sl('R', "Responsible", &[R]),
            sl('N', "Does not play a role", &[]),
        ]);
        assert_eq!(parse_cell("N", &legend), CellParse::Empty);
        assert_eq!(parse_cell("R", &legend), set(&[R]));
    }

    #[test]
    fn marks_get_a_letter_only_when_asked() {
        for text in ["x", "X", "✓", "✔", " √ "] {
            assert!(is_involvement_mark(text), "{text:?}");
            assert!(matches!(raci(text), CellParse::Unknown { .. }), "{text:?}");
            let asked = Scheme::default().with_marks_as(R);
            assert_eq!(parse_cell(text, &asked), set(&[R]), "{text:?}");
        }
        assert!(!is_involvement_mark("R"));
        assert!(!is_involvement_mark("Ann"));
    }

    #[test]
    fn cyrillic_lookalike() {
        assert_eq!(raci("С"), set(&[C]));
    }

    #[test]
    fn schemes_map_their_letters() {
        let rasci = Scheme::named(SchemeName::Rasci);
        assert_eq!(parse_cell("S", &rasci), set(&[S]));
        assert!(matches!(raci("S"), CellParse::Unknown { .. }));
        let vs = Scheme::named(SchemeName::RaciVs);
        assert_eq!(parse_cell("S", &vs), set(&[V]));
        let daci = Scheme::named(SchemeName::Daci);
        assert_eq!(parse_cell("D", &daci), set(&[R]));
        let rapid = Scheme::named(SchemeName::Rapid);
        assert_eq!(parse_cell("D", &rapid), set(&[A]));
        let cairo = Scheme::named(SchemeName::Cairo);
        assert_eq!(parse_cell("O", &cairo), CellParse::Empty);
    }

    #[test]
    fn display_is_canonical() {
        assert_eq!(LetterSet::of(&[A, R]).to_string(), "R/A");
        assert_eq!(LetterSet::EMPTY.to_string(), "");
    }
}
