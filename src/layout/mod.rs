//! Finding the matrix in a workbook: each sheet is cut into its tables (`regions`), every
//! detector of `DETECTORS` proposes its readings of every table (header rows, task column,
//! party columns, groups, legend, scheme), and one scorer (`score`) ranks them all on named
//! evidence; the user may steer the reading (`steer`). Turns a
//! [`Workbook`](crate::input::Workbook) into a [`Matrix`](crate::model::Matrix), explaining
//! each decision in `Matrix::notes` and how sure it is in `Matrix::reading`.

mod edits;
mod grid;
mod inverted;
mod legend;
mod long;
mod regions;
mod roster;
mod score;
mod steer;
mod titles;
mod wide;
mod words;

pub use edits::CellEdit;
/// White space folded as names are stored; the audit folds names it compares the same way.
pub(crate) use grid::clean_cow;
pub use regions::{parse_cell_ref, parse_column, Rect};
pub use roster::roster_from_workbook;
pub use score::shape_name;
pub use steer::{Misfit, SteerProblem, Steering, STEERING_KEYS};

use crate::input::{CellValue, Sheet, Workbook};
use crate::model::{
    parse_cell, CellParse, CellProblem, Letter, LetterSet, Matrix, Party, Pos, Reading, Scheme,
    SchemeLetter, SchemeName, Shape, Source, TitleSide,
};
use crate::{Error, Result};
use grid::{clean_name, GCell, Grid};
use legend::Legend;
use serde::Serialize;

/// Which sheet to read: by name or 1-based number. `None` in [`LayoutOptions`] picks the
/// sheet that holds the best matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SheetChoice {
    Name(String),
    Number(usize),
}

/// `--sheet` and the serve form's sheet field: digits are a 1-based number, anything else a
/// name (trimmed).
impl std::str::FromStr for SheetChoice {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<SheetChoice, String> {
        let text = text.trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(SheetChoice::Name(text.to_string()));
        }
        match text.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(SheetChoice::Number(n)),
            Ok(_) => Err("sheet numbers start at 1".into()),
            Err(_) => Err(
                "no workbook has that many sheets; give a sheet name, or a number \
                           from 1 to the number of sheets"
                    .into(),
            ),
        }
    }
}

/// `sheet = "RACI"` or `sheet = 2` in `raci.toml`: a visitor, because the value is a text or a
/// number and serde's untagged enums would only say "did not match any variant".
impl<'de> serde::Deserialize<'de> for SheetChoice {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SheetChoice;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sheet name or a number from 1")
            }

            fn visit_str<E: serde::de::Error>(
                self,
                name: &str,
            ) -> std::result::Result<SheetChoice, E> {
                Ok(SheetChoice::Name(name.to_string()))
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> std::result::Result<SheetChoice, E> {
                match usize::try_from(n) {
                    Ok(n) if n >= 1 => Ok(SheetChoice::Number(n)),
                    _ => Err(E::custom(format!(
                        "{n} is not a sheet; give a sheet name or a number from 1"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// What `PM` alone means in a header. `--pm-means` reads it through clap's `ValueEnum`,
/// `raci.toml` through [`FromStr`] (any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
pub enum PmMeans {
    Product,
    Project,
}

impl std::str::FromStr for PmMeans {
    type Err = String;

    /// Any case: `pm-means` in `raci.toml` reads the names `--pm-means` does.
    fn from_str(text: &str) -> std::result::Result<PmMeans, String> {
        crate::model::parse_value(text, "what PM may mean")
    }
}

impl<'de> serde::Deserialize<'de> for PmMeans {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        crate::model::deserialize_parsed(deserializer)
    }
}

/// A party title given outside the matrix (`--roster`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    pub party: String,
    pub title: String,
}

/// Everything layout detection may be told by the user.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LayoutOptions {
    pub sheet: Option<SheetChoice>,
    /// Forces a scheme; otherwise it comes from a legend or the letters present.
    pub scheme: Option<SchemeName>,
    pub roster: Vec<RosterEntry>,
    pub pm_means: Option<PmMeans>,
    /// Extra title spellings from `raci.toml`: text -> side.
    pub title_aliases: Vec<(String, TitleSide)>,
    /// How the user steers the reading (`--shape`, `--range`, ...): for every file.
    pub steer: Steering,
    /// Choices for one file of a portfolio, by file name (`[files."team.xlsx"]`); they win
    /// over `sheet` and `steer`.
    pub per_file: std::collections::BTreeMap<String, FileChoices>,
    /// Corrected letters (`[[cells]]`), made right after the reading.
    pub cells: Vec<CellEdit>,
}

/// The choices `raci.toml` makes for one file by name.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FileChoices {
    pub sheet: Option<SheetChoice>,
    pub steer: Steering,
}

impl LayoutOptions {
    /// The options for one file: its own choices from `per_file` over the global ones.
    pub fn for_file(&self, file: &str) -> LayoutOptions {
        let mine = self.per_file.get(file).or_else(|| {
            self.per_file
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(file))
                .map(|(_, c)| c)
        });
        let mut out = self.clone();
        out.per_file.clear();
        if let Some(c) = mine {
            if c.sheet.is_some() {
                out.sheet = c.sheet.clone();
            }
            out.steer = self.steer.merged(&c.steer);
        }
        out
    }
}

/// What a cell holds, as far as finding the matrix goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters of the scheme (`R/A`, `Consulté`).
    Letters,
    /// Some letters and something else (`R,A,C,Q`).
    Partial,
    /// An explicit "not involved" (`-`, `N`, `n/a`).
    Mark,
    /// A short mark that is not a letter (`x`, `✓`, `?`): involvement without a letter, so
    /// its column is still a party column and the cell is reported.
    Odd,
    /// Other text.
    Text,
    /// A number, date or boolean.
    Number,
    /// A spreadsheet error value.
    Error,
}

impl Kind {
    /// Letters or a deliberate blank: what a party column holds.
    pub fn letterish(self) -> bool {
        matches!(self, Kind::Letters | Kind::Partial | Kind::Mark | Kind::Odd)
    }
    pub fn has_letters(self) -> bool {
        matches!(self, Kind::Letters | Kind::Partial | Kind::Odd)
    }
}

pub(crate) fn kind_of(value: &CellValue, probe: &Scheme) -> Kind {
    match value {
        // A CSV has no types: `3`, `1,5`, `-2` there are what a number cell is in a workbook,
        // so a row of counts under the matrix reads the same from either.
        CellValue::Text(t) if plain_number(t) => Kind::Number,
        CellValue::Text(t) => match parse_cell(t, probe) {
            CellParse::Empty => Kind::Mark,
            CellParse::Letters(_) => Kind::Letters,
            CellParse::Unknown { letters, unknown }
                if !letters.is_empty() && !prose(t, &unknown) =>
            {
                Kind::Partial
            }
            CellParse::Unknown { .. }
                if t.trim().chars().count() <= 3
                    && !t.trim().chars().any(|c| c.is_ascii_digit()) =>
            {
                Kind::Odd
            }
            CellParse::Unknown { .. } => Kind::Text,
        },
        CellValue::Number(_) | CellValue::Bool(_) | CellValue::DateTime(_) => Kind::Number,
        CellValue::Error(_) => Kind::Error,
    }
}

/// `12`, `-3`, `1,5`, `0.25`, `80%`: a number written as text. Not `1.1.2` (an id).
fn plain_number(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t);
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (whole, fraction) = t.split_once(['.', ',']).unwrap_or((t, "1"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// The first word `parse_cell` would read in a text too long to be anything but prose
/// (see [`prose`]), or `None` for shorter texts. Words are split as `parse_cell` splits them
/// (whitespace and its separators, `-` included since the text is longer than one
/// character), so `parse_cell` of that word alone is `Unknown` exactly when the word is not
/// letters, and then the whole text is `Unknown`, which [`kind_of`] calls `Text`.
fn prose_first_word(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.chars().count() <= PROSE_CHARS || letters_then_note(t) {
        return None;
    }
    t.split(|c: char| c.is_whitespace() || crate::model::is_token_separator(c, true))
        .find(|w| !w.is_empty())
}

/// Longer texts (trimmed, in characters) are prose.
const PROSE_CHARS: usize = 24;

/// A sentence with a letter-like word in it (`to aid in organization`) is prose, not letters
/// with a stray token: its letters are not kept. Letters followed by a note in brackets
/// (`R (upgrades, patches, testing)`) are letters with a note, however long the note.
pub(crate) fn prose(text: &str, unknown: &[String]) -> bool {
    (unknown.len() > 2 || text.trim().chars().count() > PROSE_CHARS) && !letters_then_note(text)
}

/// `R (upgrades, patches)`, `A/R (see note)`: a few letter codes, then a note in brackets.
fn letters_then_note(text: &str) -> bool {
    let Some((head, rest)) = text.split_once('(') else {
        return false;
    };
    let head = head.trim();
    !head.is_empty()
        && head.chars().count() <= 8
        && head.chars().any(|c| c.is_alphabetic())
        && head
            .split(|c: char| crate::model::is_token_separator(c, true))
            .filter(|t| !t.is_empty())
            .all(|t| t.chars().count() <= 3 && t.chars().all(|c| c.is_uppercase()))
        && rest.trim_end().ends_with(')')
}

/// What detection knows before it looks at a sheet's shape.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub opts: &'a LayoutOptions,
    /// The scheme used to tell letter cells from names while looking for the matrix.
    pub probe: Scheme,
    pub legend: Option<&'a Legend>,
    pub roster: &'a [RosterEntry],
    pub sheet_name: Option<&'a str>,
    /// Kinds already worked out, by text: a matrix repeats a handful of texts, and parsing
    /// is the costly part. Keys borrow the sheet's own strings. A hash map: it is only looked
    /// up, never iterated, so its order cannot reach any output; the standard hasher keeps a
    /// crafted upload from making lookups collide.
    /// Each distinct text also gets a number, in order of first sight, for per-text memos
    /// ([`grid::ByTextId`]).
    pub kinds: std::cell::RefCell<std::collections::HashMap<&'a str, (Kind, u32)>>,
    /// Whether a word alone is not letters under `probe`, by word: see
    /// [`Ctx::kind_of_value`]. Looked up, never iterated.
    pub words: std::cell::RefCell<std::collections::HashMap<&'a str, bool>>,
    /// The answers of [`Ctx::kind_of_value`] for the texts last met, by where the text is
    /// stored: the cells of a sheet share one allocation per repeated text (`input::intern`),
    /// so most cells are answered without hashing their text.
    pub recent: std::cell::RefCell<RecentKinds>,
}

/// A direct-mapped memo from a text's address and length to its kind and text id. Texts
/// borrowed for `'a` stay where they are while the memo lives, so an address and length
/// name one text; a miss only means the text is looked up by content.
#[derive(Debug)]
pub(crate) struct RecentKinds(Vec<(usize, usize, Kind, u32)>);

const RECENT_KINDS: usize = 256;

impl Default for RecentKinds {
    fn default() -> Self {
        RecentKinds(vec![(0, usize::MAX, Kind::Text, 0); RECENT_KINDS])
    }
}

impl RecentKinds {
    fn slot(text: &str) -> usize {
        let at = text.as_ptr() as usize;
        (at ^ (at >> 12)) / 8 % RECENT_KINDS
    }
}

impl<'a> Ctx<'a> {
    /// What a grid cell holds (set once per cell by [`Grid::classify`]).
    pub fn kind(&self, cell: &GCell) -> Kind {
        cell.kind()
    }

    /// Works out a value's kind: the same answer as [`kind_of`], once per distinct text.
    ///
    /// Task names are long and nearly all distinct, so caching them by text saves nothing,
    /// and parsing each word of each one was most of layout's time. A text longer than
    /// [`prose`]'s limit can only be letters, a deliberate blank, or other text, and it is
    /// other text as soon as one of its words is not letters: its first word, looked up in
    /// a cache of words (task names share their opening verbs), usually settles it.
    pub fn kind_of_value(&self, value: &'a CellValue) -> (Kind, u32) {
        let CellValue::Text(text) = value else {
            return (kind_of(value, &self.probe), grid::NO_TEXT_ID);
        };
        let text: &'a str = text;
        let key = (text.as_ptr() as usize, text.len());
        let slot = RecentKinds::slot(text);
        let held = self.recent.borrow().0[slot];
        if (held.0, held.1) == key {
            return (held.2, held.3);
        }
        let answer = self.kind_of_text(value, text);
        self.recent.borrow_mut().0[slot] = (key.0, key.1, answer.0, answer.1);
        answer
    }

    /// [`Ctx::kind_of_value`] worked out from the text (`value` holds it).
    fn kind_of_text(&self, value: &'a CellValue, text: &'a str) -> (Kind, u32) {
        if let Some(word) = prose_first_word(text) {
            let mut words = self.words.borrow_mut();
            let not_letters = *words.entry(word).or_insert_with(|| {
                matches!(parse_cell(word, &self.probe), CellParse::Unknown { .. })
            });
            if not_letters {
                return (Kind::Text, grid::NO_TEXT_ID);
            }
        }
        let mut kinds = self.kinds.borrow_mut();
        let id = kinds.len() as u32;
        *kinds
            .entry(text)
            .or_insert_with(|| (kind_of(value, &self.probe), id))
    }

    /// How many text ids [`Ctx::kind_of_value`] has given.
    pub fn text_ids(&self) -> usize {
        self.kinds.borrow().len()
    }

    /// The scheme cells are read with: forced, taught by a legend, or chosen from the
    /// letters present. Adds the sentence saying which to `notes`.
    pub fn scheme<'t>(
        &self,
        texts: impl Iterator<Item = &'t str>,
        notes: &mut Vec<String>,
    ) -> Scheme {
        let scheme = self.scheme_of_letters(texts, notes);
        match self.opts.steer.x_means {
            Some(l) => {
                notes.push(format!(
                    "An x or a tick mark is read as {} ({}), as asked with --x-means.",
                    l.as_char(),
                    l.meaning()
                ));
                scheme.with_marks_as(l)
            }
            None => scheme,
        }
    }

    fn scheme_of_letters<'t>(
        &self,
        texts: impl Iterator<Item = &'t str>,
        notes: &mut Vec<String>,
    ) -> Scheme {
        if let Some(name) = self.opts.scheme {
            let s = Scheme::named(name);
            notes.push(format!("Scheme {} was set by the user.", s.describe()));
            return s;
        }
        if let Some(legend) = self.legend {
            let s = legend.scheme();
            notes.push(format!(
                "A legend was found and read as scheme {}.",
                s.describe()
            ));
            return s;
        }
        let rasci = Scheme::named(SchemeName::Rasci);
        let vs = Scheme::named(SchemeName::RaciVs);
        let daci = Scheme::named(SchemeName::Daci);
        let (mut s, mut v, mut d, mut r) = (false, false, false, false);
        let distinct: std::collections::BTreeSet<&str> = texts.collect();
        for t in distinct {
            if let CellParse::Letters(set) | CellParse::Unknown { letters: set, .. } =
                parse_cell(t, &rasci)
            {
                s |= set.contains(Letter::S);
                r |= set.contains(Letter::R);
            }
            if let CellParse::Letters(set) = parse_cell(t, &vs) {
                v |= set.contains(Letter::V) && t.trim().eq_ignore_ascii_case("v");
            }
            if let CellParse::Letters(_) = parse_cell(t, &daci) {
                d |= t.to_uppercase().contains('D');
            }
        }
        let (name, why) = if v {
            (SchemeName::RaciVs, "a V (Verify) appears in the cells")
        } else if s {
            (
                SchemeName::Rasci,
                "an S appears in the cells and no legend says otherwise",
            )
        } else if d && !r {
            (SchemeName::Daci, "D appears and R does not")
        } else {
            (SchemeName::Raci, "only R, A, C and I appear")
        };
        let scheme = Scheme::named(name);
        notes.push(format!(
            "No legend was found; scheme {} was chosen because {why}.",
            scheme.describe()
        ));
        scheme
    }

    /// A party built from its header, titled from the header, a title row, a group row above
    /// or the roster, in that order of trust (the roster wins: the user said so).
    pub fn party(
        &self,
        raw: &str,
        pos: Pos,
        title_row: Option<&str>,
        above: Option<&str>,
    ) -> Party {
        let name = clean_name(raw);
        let lname = name.to_lowercase();
        let roster = self.roster.iter().find(|e| {
            let p = clean_name(&e.party).to_lowercase();
            p == lname || lname.starts_with(&format!("{p} ")) || lname.starts_with(&format!("{p}("))
        });
        // A header merged down over the band reads its own name in the title row and the rows
        // above: that repeats the name, it does not title it.
        let not_own = |t: &String| t.to_lowercase() != lname;
        let title = roster
            .map(|e| clean_name(&e.title))
            .or_else(|| titles::title_in_header(raw))
            .or_else(|| title_row.map(clean_name).filter(not_own))
            .or_else(|| above.map(clean_name).filter(not_own))
            .or_else(|| titles::name_side(&name, self.opts).map(|_| name.clone()));
        let title_side = title
            .as_deref()
            .and_then(|t| titles::title_side(t, self.opts))
            .or_else(|| titles::name_side(&name, self.opts));
        Party {
            name,
            title,
            title_side,
            pos,
        }
    }
}

/// A looser scheme than any named one, so that letters of every scheme look like letters
/// while the matrix is being found.
fn probe_scheme(opts: &LayoutOptions, legend: Option<&Legend>) -> Scheme {
    let mut letters: Vec<SchemeLetter> = Vec::new();
    let mut push = |l: &SchemeLetter| {
        if !letters.iter().any(|x| x.code == l.code) {
            letters.push(l.clone());
        }
    };
    if let Some(name) = opts.scheme {
        Scheme::named(name).letters.iter().for_each(&mut push);
    }
    if let Some(l) = legend {
        l.letters.iter().for_each(&mut push);
    }
    Scheme::named(SchemeName::Rasci)
        .letters
        .iter()
        .for_each(&mut push);
    Scheme::named(SchemeName::RaciVs)
        .letters
        .iter()
        .filter(|l| l.code == 'V')
        .for_each(&mut push);
    let probe = Scheme::from_legend(letters);
    match opts.steer.x_means {
        Some(l) => probe.with_marks_as(l),
        None => probe,
    }
}

/// How a task with letters but no name is named: `(no name, row 7)`.
pub(crate) fn nameless_task(place: &str) -> String {
    format!("{NO_NAME}{place})")
}

/// The start of every name [`nameless_task`] gives.
pub(crate) const NO_NAME: &str = "(no name, ";

/// One reading of one table: what a detector proposes and the scorer ranks.
#[derive(Debug)]
pub(crate) struct Candidate {
    pub matrix: Matrix,
    /// The header of the task column (`Task`, `Role`), which tells wide from transposed.
    pub corner: Option<String>,
    /// The table it read (set by [`readings_of_sheet`]).
    pub region: Rect,
    /// Where the detector found its parts, in words (`header row 3`), for the ranking.
    pub place: String,
    /// The detector's own order among its readings of one table: 0 for its first choice.
    /// Its later ones must show better evidence to win.
    pub rank: usize,
    /// Evidence that needs the sheet itself (its merged cells, its legend), found by
    /// [`readings_of_sheet`] and ranked with the rest.
    pub sheet_factors: Vec<score::Factor>,
}

impl Candidate {
    /// A reading of `matrix` with its corner cell; the table is filled in by the caller.
    pub fn new(matrix: Matrix, corner: Option<String>) -> Candidate {
        Candidate {
            matrix,
            corner,
            region: Rect::default(),
            place: String::new(),
            rank: 0,
            sheet_factors: Vec::new(),
        }
    }
}

/// A way a matrix can be written. Each proposes its readings of one table; the scorer
/// ([`score`]) ranks every proposal of every detector together. A new shape is one file
/// with one `Detector` and one line in [`DETECTORS`].
pub(crate) trait Detector: Sync {
    /// The shape of its readings, for `--shape`.
    fn shape(&self) -> Shape;
    /// Whether it reads the table turned a quarter (parties as rows, tasks as columns).
    fn transposed(&self) -> bool {
        false
    }
    /// Its readings of the table in `grid`, best first; none when the shape is not there.
    fn propose(&self, grid: &Grid, ctx: &Ctx) -> Vec<Candidate>;
}

/// Every detector, in the order ties are broken (the more specific shape first).
pub(crate) const DETECTORS: &[&dyn Detector] = &[
    &inverted::Inverted,
    &long::Long,
    &wide::Wide,
    &wide::Transposed,
];

/// A table with more rows than this is not read transposed: it would have more parties than
/// any team has, and reading a 50,000-row matrix sideways costs as much as reading it.
const MAX_TRANSPOSED_PARTIES: usize = 1000;

/// What a text cell reads as under one scheme: all [`read_cell`] needs of `parse_cell`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Parsed {
    Empty,
    Letters(LetterSet),
    /// Not (only) letters; the letters kept (none when the text is prose).
    Unknown(LetterSet),
}

fn parse_text(text: &str, scheme: &Scheme) -> Parsed {
    match parse_cell(text, scheme) {
        CellParse::Empty => Parsed::Empty,
        CellParse::Letters(set) => Parsed::Letters(set),
        CellParse::Unknown { letters, unknown } => Parsed::Unknown(if prose(text, &unknown) {
            LetterSet::EMPTY
        } else {
            letters
        }),
    }
}

/// Adds an issue for a cell that is not letters, or returns the letters it holds.
pub(crate) fn read_cell(
    m: &mut Matrix,
    scheme: &Scheme,
    value: &CellValue,
    origin: Pos,
    task: Option<usize>,
    party: Option<usize>,
) -> LetterSet {
    let parsed = value.as_text().map(|t| parse_text(t, scheme));
    read_parsed(m, parsed, value, origin, task, party)
}

/// [`read_cell`] for every cell of a matrix: each distinct text is parsed once (a matrix
/// repeats a handful of letter texts), and the cell's text is only copied when it becomes
/// an issue.
#[derive(Debug)]
pub(crate) struct CellReader<'t> {
    scheme: Scheme,
    by_id: grid::ByTextId<Parsed>,
    /// Texts without an id. Only looked up, never iterated.
    parsed: std::collections::HashMap<&'t str, Parsed>,
}

impl<'t> CellReader<'t> {
    pub fn new(scheme: Scheme) -> Self {
        CellReader {
            scheme,
            by_id: grid::ByTextId::with_ids(0),
            parsed: Default::default(),
        }
    }

    pub fn read(
        &mut self,
        m: &mut Matrix,
        cell: &GCell<'t>,
        task: Option<usize>,
        party: Option<usize>,
    ) -> LetterSet {
        let value = cell.value;
        let scheme = &self.scheme;
        let parsed = value.as_text().map(|t| {
            match self
                .by_id
                .get_or_insert_with(cell, || parse_text(t, scheme))
            {
                Some(&known) => known,
                None => *self
                    .parsed
                    .entry(t)
                    .or_insert_with(|| parse_text(t, scheme)),
            }
        });
        read_parsed(m, parsed, value, cell.origin, task, party)
    }
}

fn read_parsed(
    m: &mut Matrix,
    parsed: Option<Parsed>,
    value: &CellValue,
    origin: Pos,
    task: Option<usize>,
    party: Option<usize>,
) -> LetterSet {
    let issue = |problem: CellProblem, letters: LetterSet| crate::model::CellIssue {
        pos: origin,
        raw: value.display(),
        problem,
        task,
        party,
        letters,
    };
    match parsed {
        Some(Parsed::Empty) => LetterSet::EMPTY,
        Some(Parsed::Letters(set)) => {
            if party.is_none() {
                m.issues.push(issue(CellProblem::BlankPartyHeader, set));
                return LetterSet::EMPTY;
            }
            set
        }
        Some(Parsed::Unknown(letters)) => {
            let problem = if party.is_none() {
                CellProblem::BlankPartyHeader
            } else {
                CellProblem::UnknownLetter
            };
            m.issues.push(issue(problem, letters));
            if party.is_none() {
                LetterSet::EMPTY
            } else {
                letters
            }
        }
        None => match value {
            CellValue::Error(_) => {
                m.issues
                    .push(issue(CellProblem::ErrorValue, LetterSet::EMPTY));
                LetterSet::EMPTY
            }
            _ => {
                let problem = if party.is_none() {
                    CellProblem::BlankPartyHeader
                } else {
                    CellProblem::NotText
                };
                m.issues.push(issue(problem, LetterSet::EMPTY));
                LetterSet::EMPTY
            }
        },
    }
}

/// Adds letters to a task's assignment for a party, keeping party order.
pub(crate) fn assign(m: &mut Matrix, task: usize, party: usize, letters: LetterSet, pos: Pos) {
    if letters.is_empty() {
        return;
    }
    let t = &mut m.tasks[task];
    // Kept sorted by party, so a wide task row costs a push, not a sort, per cell.
    match t.assignments.binary_search_by_key(&party, |a| a.party) {
        Ok(i) => t.assignments[i].letters = t.assignments[i].letters.union(letters),
        Err(i) => t.assignments.insert(
            i,
            crate::model::Assignment {
                party,
                letters,
                pos,
            },
        ),
    }
}

/// Closing sentences every reading ends with: the counts.
pub(crate) fn count_note(m: &mut Matrix) {
    m.issues.sort_by_key(|i| (i.pos.row, i.pos.col));
    let assignments: usize = m.tasks.iter().map(|t| t.assignments.len()).sum();
    m.notes.push(format!(
        "Read {}, {}, {} and {} not understood.",
        plural(m.tasks.len(), "task", "tasks"),
        plural(m.parties.len(), "party", "parties"),
        plural(assignments, "assignment", "assignments"),
        plural(m.issues.len(), "cell", "cells"),
    ));
}

/// `1 party`, `3 parties`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How much of the sheet a reading understood: letters held, summed over assignments.
/// Letters, not assignments: a long form joins a party's R row and A row into one assignment,
/// and must not lose to a reading that keeps them apart.
pub(crate) fn score(m: &Matrix) -> usize {
    m.tasks
        .iter()
        .flat_map(|t| &t.assignments)
        .map(|a| a.letters.len())
        .sum()
}

fn sheet_label(wb: &Workbook, i: usize) -> String {
    wb.sheets[i]
        .name
        .clone()
        .unwrap_or_else(|| format!("sheet {}", i + 1))
}

fn choose_sheet(wb: &Workbook, choice: &SheetChoice) -> Result<usize> {
    let available: Vec<String> = (0..wb.sheets.len()).map(|i| sheet_label(wb, i)).collect();
    let found = match choice {
        SheetChoice::Number(n) => (*n >= 1 && *n <= wb.sheets.len()).then(|| n - 1),
        SheetChoice::Name(name) => {
            let want = name.trim();
            wb.sheets
                .iter()
                .position(|s| s.name.as_deref() == Some(want))
                .or_else(|| {
                    wb.sheets.iter().position(|s| {
                        s.name
                            .as_deref()
                            .is_some_and(|n| n.trim().to_lowercase() == want.to_lowercase())
                    })
                })
        }
    };
    found.ok_or_else(|| Error::SheetNotFound {
        file: wb.file.clone(),
        wanted: match choice {
            SheetChoice::Name(n) => n.clone(),
            SheetChoice::Number(n) => n.to_string(),
        },
        available,
    })
}

/// Sheets named like a roster hold party titles, not a matrix.
fn is_roster_sheet(name: Option<&str>) -> bool {
    let n = name.map(grid::fold).unwrap_or_default();
    [
        "team", "roster", "roles", "people", "staff", "equipe", "equipo", "members",
    ]
    .iter()
    .any(|w| n.trim() == *w)
}

/// Every reading of one sheet: each table's readings by every detector, with the notes that
/// belong to the sheet (its legend, its tables).
#[derive(Debug, Default)]
struct SheetReadings {
    candidates: Vec<Candidate>,
    /// The tables found, top to bottom.
    tables: Vec<Rect>,
    legend_note: Option<String>,
    /// A reading choice of the user that does not fit this sheet.
    misfit: Option<Misfit>,
}

/// Most cells a sheet may hold for its legend to serve the other sheets of its workbook: a
/// legend sheet (`Legend`, `Legenda`, `Instructions`) is small, and a big sheet is not read
/// twice for one.
const LEGEND_SHEET_MAX_CELLS: usize = 2_000;

/// A legend on a sheet of its own, for the sheets of the workbook that have none: the sheet's
/// place in the workbook, its name and the legend.
struct WorkbookLegend {
    sheet: usize,
    name: String,
    legend: Legend,
}

/// The first small sheet of a workbook of several sheets that holds a legend: teams often
/// keep the legend (`Letter | Betekenis`, `D = Durchführung`) on a sheet beside the matrix.
fn workbook_legend(workbook: &Workbook) -> Option<WorkbookLegend> {
    if workbook.sheets.len() < 2 {
        return None;
    }
    workbook.sheets.iter().enumerate().find_map(|(i, sheet)| {
        if sheet.cells.len() > LEGEND_SHEET_MAX_CELLS {
            return None;
        }
        let legend = legend::find(&Grid::from_region(sheet, None, false))?;
        Some(WorkbookLegend {
            sheet: i,
            name: sheet.name.clone().unwrap_or_default(),
            legend,
        })
    })
}

/// Whether `sheet` writes letters that only `legend` explains: a short text that the usual
/// letters do not read and the legend's do (`E/U`, `D`). A sheet of plain R, A, C and I keeps
/// them, whatever another sheet's legend says (one that lists only its own D, E and I would
/// make them unknown). Each distinct text is read once.
fn needs_legend(sheet: &Sheet, opts: &LayoutOptions, legend: &Legend) -> bool {
    let usual = probe_scheme(opts, None);
    let taught = legend.scheme();
    let mut seen = std::collections::HashSet::new();
    sheet.cells.iter().any(|c| match &c.value {
        CellValue::Text(t) if t.chars().count() <= 12 && seen.insert(&**t) => {
            matches!(parse_cell(t, &usual), CellParse::Unknown { .. })
                && matches!(parse_cell(t, &taught), CellParse::Letters(_))
        }
        _ => false,
    })
}

/// Reads every table of `sheet` with every detector (or the one `--shape` names). A sheet
/// without a legend of its own reads its letters with `shared`, a legend on another sheet of
/// the workbook, when it writes letters only that legend explains.
fn readings_of_sheet(
    sheet: &Sheet,
    opts: &LayoutOptions,
    roster: &[RosterEntry],
    shared: Option<&WorkbookLegend>,
) -> SheetReadings {
    let mut out = SheetReadings::default();
    if let Err(m) = steer::check(sheet, &opts.steer) {
        out.misfit = Some(m);
        return out;
    }
    let mut g = Grid::from_region(sheet, opts.steer.range, false);
    if g.is_empty() {
        return out;
    }
    let meanings = |l: &Legend| {
        l.letters
            .iter()
            .map(|x| format!("{}={}", x.code, x.meaning))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let own = legend::find(&g);
    if let Some(l) = &own {
        g.remove_origins(&l.cells);
        let refs: Vec<String> = l.cells.iter().map(|p| a1(*p)).collect();
        out.legend_note = Some(format!(
            "Cells {} hold a legend ({}); they are not part of the matrix.",
            refs.join(", "),
            meanings(l)
        ));
    }
    let legend = own.or_else(|| {
        let w = shared.filter(|w| needs_legend(sheet, opts, &w.legend))?;
        out.legend_note = Some(format!(
            "Sheet {:?} holds a legend ({}); the letters here are read with it.",
            w.name,
            meanings(&w.legend)
        ));
        Some(w.legend.clone())
    });
    let ctx = Ctx {
        opts,
        probe: probe_scheme(opts, legend.as_ref()),
        legend: legend.as_ref(),
        roster,
        sheet_name: sheet.name.as_deref(),
        kinds: Default::default(),
        words: Default::default(),
        recent: Default::default(),
    };
    g.classify(|v| ctx.kind_of_value(v));
    out.tables = match opts.steer.range {
        Some(r) => vec![r],
        None => regions::tables(&g),
    };
    let one_table = out.tables.len() == 1;
    for &table in &out.tables {
        // One table is the grid already built; several are each built on their own.
        let own;
        let upright = if one_table {
            &g
        } else {
            let mut t = Grid::from_region(sheet, Some(table), false);
            if let Some(l) = &legend {
                t.remove_origins(&l.cells);
            }
            t.classify(|v| ctx.kind_of_value(v));
            own = t;
            &own
        };
        let mut sideways: Option<Grid> = None;
        for d in DETECTORS {
            if opts.steer.shape.is_some_and(|s| s != d.shape()) {
                continue;
            }
            // Rows and columns named by the user belong to an upright table.
            if d.transposed() && opts.steer.places_columns() {
                continue;
            }
            let grid = if d.transposed() {
                if upright.present_rows().len() > MAX_TRANSPOSED_PARTIES {
                    continue;
                }
                sideways.get_or_insert_with(|| {
                    let region = (!one_table || opts.steer.range.is_some()).then_some(table);
                    let mut t = Grid::from_region(sheet, region, true);
                    if let Some(l) = &legend {
                        t.remove_origins(&l.cells);
                    }
                    t.classify(|v| ctx.kind_of_value(v));
                    t
                })
            } else {
                upright
            };
            for mut c in d.propose(grid, &ctx) {
                c.region = table;
                c.sheet_factors
                    .extend(score::sheet_evidence(&c.matrix, sheet, legend.as_ref()));
                out.candidates.push(c);
            }
        }
    }
    out
}

/// Finds the matrix in a workbook: picks the sheet (or uses `opts.sheet`), the table, the
/// shape, the header, task and party columns, groups and scheme, and explains each choice in
/// `notes`; how sure the choice is goes into `reading`.
pub fn detect(workbook: &Workbook, opts: &LayoutOptions) -> Result<Matrix> {
    let opts = &opts.for_file(&workbook.file);
    let mut roster: Vec<RosterEntry> = opts.roster.clone();
    // A Team/Roster sheet in the same workbook titles the parties the user did not.
    for s in &workbook.sheets {
        if is_roster_sheet(s.name.as_deref()) {
            if let Ok(entries) = roster::roster_from_sheet(s) {
                for e in entries {
                    if !roster
                        .iter()
                        .any(|r| r.party.eq_ignore_ascii_case(&e.party))
                    {
                        roster.push(e);
                    }
                }
            }
        }
    }
    let looked_for = "a header row with two or more party names above columns of R/A/C/I letters \
        (or tasks as columns, one row per task and party, or R/A/C/I columns holding names)"
        .to_string();
    let is_csv = workbook.format == crate::input::Format::Csv;
    let chosen = match &opts.sheet {
        Some(choice) => Some(choose_sheet(workbook, choice)?),
        None => None,
    };
    let shared_legend = workbook_legend(workbook);
    let mut per_sheet: Vec<SheetReadings> = Vec::new();
    let mut all: Vec<(usize, Candidate)> = Vec::new();
    let mut skipped_roster = Vec::new();
    for (i, sheet) in workbook.sheets.iter().enumerate() {
        let wanted = match chosen {
            Some(c) => c == i,
            None => {
                let roster_sheet =
                    is_roster_sheet(sheet.name.as_deref()) && workbook.sheets.len() > 1;
                if roster_sheet {
                    skipped_roster.push(i);
                }
                !roster_sheet
            }
        };
        let mut r = if wanted {
            let shared = shared_legend.as_ref().filter(|w| w.sheet != i);
            readings_of_sheet(sheet, opts, &roster, shared)
        } else {
            SheetReadings::default()
        };
        all.extend(r.candidates.drain(..).map(|c| (i, c)));
        per_sheet.push(r);
    }
    let ranked = score::rank(all);
    let Some(best) = ranked.first() else {
        // A choice that does not fit the sheet it was meant for says so, with the cell.
        let misfit = per_sheet
            .iter()
            .enumerate()
            .find_map(|(i, r)| r.misfit.clone().map(|m| (i, m)));
        if let Some((i, m)) = misfit {
            return Err(Error::Steering {
                file: workbook.file.clone(),
                sheet: if is_csv {
                    None
                } else {
                    workbook.sheets[i].name.clone()
                },
                flag: m.flag,
                value: m.value,
                problem: Box::new(m.problem),
            });
        }
        let steered = opts.steer != Steering::default();
        let hint = |h: &str| {
            if steered {
                format!(
                    "No reading fits {}: run `raci inspect {}` without them to see how the file \
                     reads, then adjust them.",
                    opts.steer.flags(),
                    workbook.file
                )
            } else {
                h.to_string()
            }
        };
        return Err(match chosen {
            Some(i) => Error::NoMatrix {
                file: workbook.file.clone(),
                sheet: workbook.sheets[i].name.clone(),
                looked_for,
                hint: hint("Check that this sheet holds the matrix, or pick another with --sheet."),
            },
            None => Error::NoMatrix {
                file: workbook.file.clone(),
                sheet: None,
                looked_for,
                hint: hint(
                    "Check that the file holds a RACI matrix; if its letters are not R, A, C, \
                     I, give the scheme with --scheme, or choose the sheet with --sheet.",
                ),
            },
        });
    };
    let i = best.sheet;
    let many_sheets = workbook.sheets.len() > 1;
    let reading = reading_of(&ranked, workbook, many_sheets);
    let tables_note = tables_note(&ranked, &per_sheet[i].tables);
    let other_tables = other_raci_tables(&ranked, &per_sheet[i].tables);
    let mut ranked = ranked;
    let best = ranked.swap_remove(0);
    let mut m = best.candidate.matrix;
    m.reading = reading;
    m.reading.other_raci_tables = other_tables;
    // A file that marks involvement without letters, not a stray `x` among letters (that
    // is its D001 finding): marks a quarter or more of the party cells it fills.
    let marks = m
        .issues
        .iter()
        .filter(|i| i.letters.is_empty() && crate::model::is_involvement_mark(&i.raw))
        .count();
    let lettered: usize = m.tasks.iter().map(|t| t.assignments.len()).sum();
    m.reading.marks_without_letters = if marks * 4 >= marks + lettered {
        marks
    } else {
        0
    };
    let mut head = Vec::new();
    if chosen.is_some() {
        head.push(format!(
            "Read sheet {:?}, as asked.",
            sheet_label(workbook, i)
        ));
    } else if workbook.sheets.len() == 1 && !is_csv {
        head.push(format!(
            "Read sheet {:?}, the only sheet.",
            sheet_label(workbook, i)
        ));
    } else if many_sheets {
        let mut skipped = Vec::new();
        for (j, s) in workbook.sheets.iter().enumerate() {
            if j == i {
                continue;
            }
            let why = if skipped_roster.contains(&j) {
                "a roster of titles"
            } else if s.cells.is_empty() {
                "empty"
            } else if ranked.iter().any(|r| r.sheet == j) {
                "a smaller or weaker matrix"
            } else {
                "no matrix: no party columns holding letters"
            };
            skipped.push(format!("{:?} ({why})", sheet_label(workbook, j)));
        }
        let mut note = format!(
            "Read sheet {:?}: it holds the best reading.",
            sheet_label(workbook, i)
        );
        if !skipped.is_empty() {
            note.push_str(&format!(" Skipped {}.", skipped.join(", ")));
        }
        head.push(note);
    }
    if opts.steer != Steering::default() {
        head.push(format!("Read as asked with {}.", opts.steer.flags()));
    }
    if let Some(n) = &per_sheet[i].legend_note {
        head.push(n.clone());
    }
    if let Some(n) = tables_note {
        head.push(n);
    }
    m.notes.splice(0..0, head);
    let mut m = finish(m, workbook, &workbook.sheets[i], is_csv);
    edits::apply(&mut m, &opts.cells)?;
    Ok(m)
}

/// How sure the choice is: the chosen reading, the runner-up and what separated them.
fn reading_of(ranked: &[score::Ranked], wb: &Workbook, many_sheets: bool) -> Reading {
    let label = |r: &score::Ranked| score::label(r, &sheet_label(wb, r.sheet), many_sheets);
    let best = &ranked[0];
    let mut reading = Reading {
        chosen: label(best),
        evidence: best.factors.iter().map(|f| f.detail.clone()).collect(),
        ..Reading::default()
    };
    if let Some(second) = ranked.get(1) {
        reading.runner_up = Some(label(second));
        reading.separated_by = score::separating(best, second);
        reading.unsure = second.score >= best.score * score::UNSURE_SHARE;
    }
    reading
}

/// The other tables of the chosen sheet that read as RACI matrices.
fn other_raci_tables(ranked: &[score::Ranked], tables: &[Rect]) -> Vec<String> {
    let best = &ranked[0];
    tables
        .iter()
        .filter(|&&t| t != best.candidate.region)
        .filter(|t| {
            ranked.iter().any(|r| {
                r.sheet == best.sheet
                    && r.candidate.region == **t
                    && score::quality(&r.factors) >= score::RACI_TABLE_QUALITY
            })
        })
        .map(|t| t.to_string())
        .collect()
}

/// Names the other tables of the chosen sheet, and how to audit one that is a RACI table too.
fn tables_note(ranked: &[score::Ranked], tables: &[Rect]) -> Option<String> {
    if tables.len() < 2 {
        return None;
    }
    let best = &ranked[0];
    let others: Vec<String> = tables
        .iter()
        .filter(|&&t| t != best.candidate.region)
        .map(|t| {
            let raci = ranked.iter().any(|r| {
                r.sheet == best.sheet
                    && r.candidate.region == *t
                    && score::quality(&r.factors) >= score::RACI_TABLE_QUALITY
            });
            if raci {
                format!("{t} (another RACI table: audit it with --range {t})")
            } else {
                format!("{t} (not a RACI table)")
            }
        })
        .collect();
    Some(format!(
        "The sheet holds {} tables; read {}. Not merged into it: {}.",
        tables.len(),
        best.candidate.region,
        others.join(", ")
    ))
}

fn finish(mut m: Matrix, wb: &Workbook, sheet: &Sheet, is_csv: bool) -> Matrix {
    // The sheet's error cells, in sheet order as its cells are: usually none, so asking for
    // each task is a search of an empty list.
    let errors: Vec<Pos> = sheet
        .cells
        .iter()
        .filter(|c| matches!(c.value, CellValue::Error(_)))
        .map(|c| c.pos)
        .collect();
    m.demote_error_tasks(|pos| errors.binary_search(&pos).is_ok());
    m.source = Source {
        file: wb.file.clone(),
        sheet: if is_csv { None } else { sheet.name.clone() },
    };
    m
}

/// Cell reference without the file, for notes (`D7`).
pub(crate) fn a1(p: Pos) -> String {
    format!("{}{}", crate::model::column_name(p.col), p.row as u64 + 1)
}

#[cfg(test)]
pub(crate) mod testutil {
    use crate::input::{CellValue, Format, GridCell, Merge, Sheet, Workbook};
    use crate::model::Pos;

    /// A sheet from rows of text; `""` is an empty cell, `#x` an error, a parseable number a
    /// number.
    pub fn sheet(name: Option<&str>, rows: &[&[&str]]) -> Sheet {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                let value = if let Some(e) = text.strip_prefix('#') {
                    CellValue::Error(format!("#{e}"))
                } else if let Ok(n) = text.parse::<f64>() {
                    CellValue::Number(n)
                } else {
                    CellValue::text(text)
                };
                cells.push(GridCell {
                    pos: Pos::new(r as u32, c as u32),
                    value,
                });
            }
        }
        Sheet {
            name: name.map(str::to_string),
            cells,
            merges: vec![],
        }
    }

    pub fn merge(s: &mut Sheet, r0: u32, c0: u32, r1: u32, c1: u32) {
        s.merges.push(Merge {
            start: Pos::new(r0, c0),
            end: Pos::new(r1, c1),
        });
    }

    pub fn csv(rows: &[&[&str]]) -> Workbook {
        Workbook {
            file: "t.csv".into(),
            format: Format::Csv,
            sheets: vec![sheet(None, rows)],
        }
    }

    pub fn book(sheets: Vec<Sheet>) -> Workbook {
        Workbook {
            file: "t.xlsx".into(),
            format: Format::Xlsx,
            sheets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::input::{CellValue, GridCell};

    fn matrix_sheet(name: &str) -> Sheet {
        sheet(
            Some(name),
            &[
                &["Task", "Ann", "Bob"],
                &["Plan", "R", "A"],
                &["Build", "A", "R"],
            ],
        )
    }

    #[test]
    fn sheet_by_name_number_or_error() {
        let wb = book(vec![
            sheet(Some("Notes"), &[&["hello"]]),
            matrix_sheet("RACI"),
        ]);
        let by_name = LayoutOptions {
            sheet: Some(SheetChoice::Name("raci".into())),
            ..LayoutOptions::default()
        };
        let m = detect(&wb, &by_name).unwrap();
        assert_eq!(m.source.sheet.as_deref(), Some("RACI"));
        let by_number = LayoutOptions {
            sheet: Some(SheetChoice::Number(2)),
            ..LayoutOptions::default()
        };
        assert_eq!(detect(&wb, &by_number).unwrap().tasks.len(), 2);
        let wrong = LayoutOptions {
            sheet: Some(SheetChoice::Number(3)),
            ..LayoutOptions::default()
        };
        match detect(&wb, &wrong) {
            Err(Error::SheetNotFound { available, .. }) => {
                assert_eq!(available, ["Notes", "RACI"])
            }
            other => panic!("{other:?}"),
        }
        let notes = LayoutOptions {
            sheet: Some(SheetChoice::Name("Notes".into())),
            ..LayoutOptions::default()
        };
        assert!(matches!(
            detect(&wb, &notes),
            Err(Error::NoMatrix { sheet: Some(_), .. })
        ));
    }

    #[test]
    fn best_sheet_is_chosen_and_explained() {
        let lists = sheet(
            Some("Lists"),
            &[&["Status", "Priority"], &["Done", "High"], &["Open", "Low"]],
        );
        let wb = book(vec![lists, sheet(Some("Empty"), &[]), matrix_sheet("RACI")]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.source.sheet.as_deref(), Some("RACI"));
        assert!(
            m.notes[0].contains("\"Lists\" (no matrix"),
            "{}",
            m.notes[0]
        );
        assert!(m.notes[0].contains("\"Empty\" (empty)"), "{}", m.notes[0]);
    }

    #[test]
    fn no_matrix_is_a_clear_error() {
        let wb = csv(&[&["Name", "Phone"], &["Ann", "555"]]);
        let err = detect(&wb, &LayoutOptions::default()).unwrap_err();
        assert!(matches!(err, Error::NoMatrix { sheet: None, .. }));
        assert!(err.to_string().contains("Looked for a header row"));
    }

    #[test]
    fn roster_sheet_titles_the_parties() {
        let team = sheet(
            Some("Team"),
            &[
                &["Party", "Title"],
                &["Ann", "Product Owner"],
                &["Bob", "PM"],
            ],
        );
        let wb = book(vec![matrix_sheet("RACI"), team]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.parties[0].title.as_deref(), Some("Product Owner"));
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
        assert_eq!(m.parties[1].title_side, Some(TitleSide::Ambiguous));
        let project = LayoutOptions {
            pm_means: Some(PmMeans::Project),
            ..LayoutOptions::default()
        };
        assert_eq!(detect(&wb, &project).unwrap().parties[1].title_side, None);
    }

    #[test]
    fn a_list_in_another_language_reads_long() {
        // One row per activity and person, the letters as Portuguese words: a list, not a
        // matrix with one party column headed `Papel`.
        let mut rows: Vec<Vec<&str>> = vec![vec!["Atividade", "Pessoa", "Área", "Papel"]];
        for task in [
            "Pesquisa com usuários",
            "Definição do roadmap",
            "Lançamento",
        ] {
            rows.push(vec![task, "Carla Mendes", "Design", "Responsável"]);
            rows.push(vec![task, "Ana Souza", "Produto", "Aprovador"]);
            rows.push(vec![task, "Diego Rocha", "Engenharia", "Informado"]);
        }
        let refs: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let m = detect(&csv(&refs), &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Long);
        assert_eq!(m.tasks.len(), 3);
        let parties: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(parties, ["Carla Mendes", "Ana Souza", "Diego Rocha"]);
    }

    #[test]
    fn a_trackers_list_of_stories_reads_long() {
        let wb = csv(&[
            &[
                "Epic",
                "Story ID",
                "User story",
                "Team member",
                "Role",
                "RACI",
            ],
            &[
                "Onboarding",
                "ONB-1",
                "Sign up with Google",
                "Zoë",
                "Product Owner",
                "A",
            ],
            &[
                "Onboarding",
                "ONB-1",
                "Sign up with Google",
                "José",
                "Tech Lead",
                "R",
            ],
            &[
                "Onboarding",
                "ONB-2",
                "Welcome email",
                "Zoë",
                "Product Owner",
                "A",
            ],
            &[
                "Onboarding",
                "ONB-2",
                "Welcome email",
                "Chloé",
                "Designer",
                "R",
            ],
            &["Billing", "BIL-1", "Invoice page", "José", "Tech Lead", "A"],
            &["Billing", "BIL-1", "Invoice page", "Chloé", "Designer", "C"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.shape, Shape::Long);
        let tasks: Vec<_> = m
            .tasks
            .iter()
            .map(|t| (t.name.as_str(), t.group.as_deref()))
            .collect();
        assert_eq!(
            tasks,
            [
                ("Sign up with Google", Some("Onboarding")),
                ("Welcome email", Some("Onboarding")),
                ("Invoice page", Some("Billing"))
            ]
        );
        assert_eq!(m.parties.len(), 3);
    }

    #[test]
    fn a_legend_keeps_its_label_and_combinations() {
        // A legend beside the matrix, labelled, with a combination under its letters: no
        // party headed `Legend`, no `A/R` read as a letter of a task.
        let wb = csv(&[
            &["Task", "Ann", "Bob", "", "Legend", ""],
            &["Plan", "A", "R", "", "R", "Responsible – does the work"],
            &["Build", "R", "A", "", "A", "Accountable – signs off"],
            &["Test", "A/R", "C", "", "C", "Consulted – gives input"],
            &["Ship", "A", "I", "", "I", "Informed – kept up to date"],
            &["Tell", "A", "R", "", "A/R", "Accountable and does the work"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        let parties: Vec<_> = m.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(parties, ["Ann", "Bob"]);
        assert_eq!(m.tasks.len(), 5);
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
    }

    #[test]
    fn a_legend_on_its_own_sheet_teaches_the_matrix_sheet() {
        let matrix = sheet(
            Some("Taakverdeling"),
            &[
                &["Taak", "Eline", "Jan", "Sanne"],
                &["Sitemap opstellen", "E", "G", "U"],
                &["Wireframes maken", "E/U", "", "G"],
                &["Teksten herschrijven", "I", "E", "O"],
            ],
        );
        let legend = sheet(
            Some("Legenda"),
            &[
                &["Letter", "Betekenis"],
                &["U", "Uitvoerend – doet het werk"],
                &["E", "Eindverantwoordelijk – keurt goed"],
                &["G", "Geraadpleegd – vooraf om advies gevraagd"],
                &["I", "Geïnformeerd"],
                &["O", "Ondersteunend – helpt mee"],
            ],
        );
        let wb = book(vec![matrix, legend]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
        let held = |task: usize, party: usize| {
            m.tasks[task]
                .assignments
                .iter()
                .find(|a| a.party == party)
                .map(|a| a.letters.to_string())
        };
        assert_eq!(held(0, 2).as_deref(), Some("R"));
        assert_eq!(held(1, 0).as_deref(), Some("R/A"));
        assert_eq!(held(2, 1).as_deref(), Some("A"));
        assert!(
            m.notes
                .iter()
                .any(|n| n.starts_with("Sheet \"Legenda\" holds a legend")),
            "{:#?}",
            m.notes
        );
    }

    #[test]
    fn another_sheets_legend_leaves_plain_letters_alone() {
        // The first sheet's own legend lists D, E and I; the second sheet writes R, A, C.
        let first = sheet(
            Some("Project A"),
            &[
                &["Aufgabe", "Ann", "Bob"],
                &["Plan", "E", "D"],
                &["Build", "D", "E"],
                &["", "D = Durchführung", "E = Entscheidung"],
                &["", "I = Information", ""],
            ],
        );
        let second = sheet(
            Some("Project B"),
            &[
                &["Task", "Cy", "Dee"],
                &["Plan", "A", "R"],
                &["Build", "R", "A"],
                &["Test", "C", "A/R"],
            ],
        );
        let opts = LayoutOptions {
            sheet: Some(SheetChoice::Number(2)),
            ..LayoutOptions::default()
        };
        let m = detect(&book(vec![first, second]), &opts).unwrap();
        assert!(m.issues.is_empty(), "{:#?}", m.issues);
        assert_eq!(m.scheme.name, SchemeName::Raci);
    }

    #[test]
    fn title_on_second_line_and_title_row() {
        let wb = csv(&[
            &["Task", "Maria\nProduct Owner", "Tom", "Li"],
            &["", "", "Product Manager", "Designer"],
            &["Plan", "R", "A", "C"],
        ]);
        let m = detect(&wb, &LayoutOptions::default()).unwrap();
        assert_eq!(m.parties[0].name, "Maria Product Owner");
        assert_eq!(m.parties[0].title_side, Some(TitleSide::Po));
        assert_eq!(m.parties[1].title.as_deref(), Some("Product Manager"));
        assert_eq!(m.parties[1].title_side, Some(TitleSide::Pm));
        assert_eq!(m.parties[2].title.as_deref(), Some("Designer"));
        assert_eq!(m.tasks.len(), 1);
    }

    #[test]
    fn kind_of_value_agrees_with_kind_of() {
        let opts = LayoutOptions::default();
        let ctx = Ctx {
            opts: &opts,
            probe: probe_scheme(&opts, None),
            legend: None,
            roster: &[],
            sheet_name: None,
            kinds: Default::default(),
            words: Default::default(),
            recent: Default::default(),
        };
        let values: Vec<CellValue> = [
            "R",
            "R/A",
            "x",
            "-",
            "n/a",
            "Ann",
            "Present business case for admin console #1",
            "Responsible, Accountable, Consulted, Informed",
            "R / A / C / I / R / A / C / I / S",
            "R - Responsible for the whole release plan",
            "RA Run the quarterly planning review please",
            "n/a n/a n/a n/a n/a n/a n/a n/a n/a",
            "  Run   the\tquarterly planning review  ",
            "-- -- -- -- -- -- -- -- -- -- -- -- --",
            "Consulté, Informé, Responsable, Approbateur",
            "Present business case for admin console #2",
            "R \n(Upgrades,\nPatches,\nTesting)",
            "BOB (a note that goes on for a while here)",
        ]
        .iter()
        .map(|t| CellValue::text(t))
        .chain([CellValue::Number(1.0), CellValue::Error("#N/A".into())])
        .collect();
        for v in &values {
            assert_eq!(ctx.kind_of_value(v).0, kind_of(v, &ctx.probe), "{v:?}");
        }
    }

    #[test]
    fn sparse_sheet_with_a_stray_far_cell_is_quick() {
        let mut s = matrix_sheet("RACI");
        s.cells.push(GridCell {
            pos: Pos::new(1_000_000, 16_000),
            value: CellValue::text("stray"),
        });
        let start = std::time::Instant::now();
        let m = detect(&book(vec![s]), &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 2);
        assert!(start.elapsed().as_secs() < 5);
    }

    /// Random small grids of letters, names, numbers and errors: detection may fail with an
    /// error but never panics, and a matrix it returns keeps its invariants.
    #[test]
    fn random_grids_never_panic() {
        const TOKENS: &[&str] = &[
            "",
            "",
            "",
            "R",
            "A",
            "C",
            "I",
            "R/A",
            "x",
            "N",
            "-",
            "Ann",
            "Bob",
            "Task",
            "Plan",
            "1",
            "2.5",
            "#NAME?",
            "S",
            "R - Responsible",
            "Role",
            "Todos",
            "Phase 1",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300 {
            let rows = 1 + next(7);
            let cols = 1 + next(6);
            let grid: Vec<Vec<&str>> = (0..rows)
                .map(|_| (0..cols).map(|_| TOKENS[next(TOKENS.len())]).collect())
                .collect();
            let refs: Vec<&[&str]> = grid.iter().map(|r| r.as_slice()).collect();
            let mut s = sheet(Some("S"), &refs);
            if next(3) == 0 {
                let r = next(rows) as u32;
                merge(&mut s, r, 0, r, (cols as u32).saturating_sub(1));
            }
            if let Ok(m) = detect(&book(vec![s]), &LayoutOptions::default()) {
                for t in &m.tasks {
                    for a in &t.assignments {
                        assert!(a.party < m.parties.len());
                        assert!(!a.letters.is_empty());
                    }
                }
                for i in &m.issues {
                    assert!(i.task.is_none_or(|t| t < m.tasks.len()));
                }
            }
        }
    }
    fn steered(steer: Steering) -> LayoutOptions {
        LayoutOptions {
            steer,
            ..LayoutOptions::default()
        }
    }

    #[test]
    fn steering_picks_the_shape_the_table_and_the_columns() {
        let two_tables = csv(&[
            &["Task", "Ann", "Bob"],
            &["Plan", "R", "A"],
            &["Build", "A", "R"],
            &["Ship", "R", "A"],
            &[],
            &["Step", "Cy", "Di"],
            &["Sell", "R", "A"],
        ]);
        let m = detect(&two_tables, &LayoutOptions::default()).unwrap();
        assert_eq!(m.tasks.len(), 3);
        assert!(
            m.notes
                .iter()
                .any(|n| n.contains("audit it with --range A6:C7")),
            "{:#?}",
            m.notes
        );
        let second = steered(Steering {
            range: Rect::parse("A6:C7"),
            ..Steering::default()
        });
        let m = detect(&two_tables, &second).unwrap();
        assert_eq!(m.tasks[0].name, "Sell");
        assert_eq!(m.parties[0].name, "Cy");
        assert!(m.notes.iter().any(|n| n.contains("--range A6:C7")));

        let wide = csv(&[
            &["Role", "Write the backlog", "Set the vision"],
            &["Ann", "R", "A"],
            &["Bob", "A", "R"],
        ]);
        assert_eq!(
            detect(&wide, &LayoutOptions::default()).unwrap().shape,
            Shape::Transposed
        );
        let asked = steered(Steering {
            shape: Some(Shape::Wide),
            ..Steering::default()
        });
        let m = detect(&wide, &asked).unwrap();
        assert_eq!(m.shape, Shape::Wide);
        assert_eq!(m.tasks[0].name, "Ann");

        // A notes column with letter-like words, taken for the task column, and a header
        // of two rows: the user says where the parts are.
        let odd = csv(&[
            &["", "", "Team", ""],
            &["Id", "Task", "Ann", "Bob"],
            &["1", "Plan", "R", "A"],
            &["2", "Build", "A", "R"],
        ]);
        let asked = steered(Steering {
            header_rows: Some(2),
            task_column: Some(1),
            party_columns: Some((2, 3)),
            ..Steering::default()
        });
        let m = detect(&odd, &asked).unwrap();
        let names: Vec<_> = m.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Plan", "Build"]);
        assert_eq!(m.parties.len(), 2);
        assert!(
            m.notes.iter().any(|n| n.starts_with("Header rows 1-2")),
            "{:#?}",
            m.notes
        );
    }

    #[test]
    fn a_choice_that_does_not_fit_names_the_cell() {
        let wb = csv(&[
            &["Task", "Note", "Ann", "Bob"],
            &["Plan", "", "R", "A"],
            &["Build", "", "A", "R"],
        ]);
        let err = detect(
            &wb,
            &steered(Steering {
                task_column: Some(1),
                ..Steering::default()
            }),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            Error::Steering {
                flag: "--task-column",
                ..
            }
        ));
        assert_eq!(
            err.to_string().split(". See").next().unwrap(),
            "t.csv: --task-column B: column B is empty from row 2 down"
        );
        let err = detect(
            &wb,
            &steered(Steering {
                shape: Some(Shape::Long),
                ..Steering::default()
            }),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("No reading fits --shape long"),
            "{err}"
        );
    }

    #[test]
    fn choices_for_one_file_win_over_the_global_ones() {
        let mut opts = steered(Steering {
            shape: Some(Shape::Long),
            ..Steering::default()
        });
        opts.per_file.insert(
            "t.csv".into(),
            FileChoices {
                sheet: None,
                steer: Steering {
                    shape: Some(Shape::Wide),
                    ..Steering::default()
                },
            },
        );
        let wb = csv(&[&["Task", "Ann", "Bob"], &["Plan", "R", "A"]]);
        assert_eq!(detect(&wb, &opts).unwrap().shape, Shape::Wide);
        assert_eq!(opts.for_file("other.csv").steer.shape, Some(Shape::Long));
    }
}
