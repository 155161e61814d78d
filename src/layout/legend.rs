//! Legends: `R=Responsible, M=Must be consulted, ...` written in the sheet, found and turned
//! into the letter scheme the cells are read with.

use super::grid::{fold, Grid};
use crate::model::{Letter, LetterSet, Pos, Scheme, SchemeLetter, SchemeName};
use std::collections::HashMap;

/// A legend found in a sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Legend {
    pub letters: Vec<SchemeLetter>,
    /// Every cell the legend occupies (letters, meanings and their descriptions).
    pub cells: Vec<Pos>,
}

impl Legend {
    /// The scheme the legend defines; a named one when it says exactly what the name says.
    pub fn scheme(&self) -> Scheme {
        for name in [SchemeName::Raci, SchemeName::Rasci] {
            let named = Scheme::named(name);
            let same = named.letters.len() == self.letters.len()
                && self.letters.iter().all(|l| {
                    named
                        .letters
                        .iter()
                        .any(|n| n.code == l.code && n.counts_as == l.counts_as)
                });
            if same {
                return named;
            }
        }
        Scheme::from_legend(self.letters.clone())
    }
}

/// What a legend meaning counts as in the audit, or `None` when the text is not a meaning.
/// Order matters: "not involved" before "involved", "consulted" before "responsible".
pub(crate) fn meaning_letters(text: &str) -> Option<LetterSet> {
    use Letter::*;
    let t = fold(text);
    let t = t.trim();
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    let not_involved = [
        "not involved",
        "does not play",
        "no role",
        "out of the loop",
        "not applicable",
        "non implique",
        "nicht beteiligt",
    ];
    if any(&not_involved) || t == "none" {
        return Some(LetterSet::EMPTY);
    }
    // The meanings in the seven languages, folded. Who carries the work out (`Durchführung`,
    // `uitvoerend`) before who answers for it, and that before the plain "responsible"
    // words: `Durchführungsverantwortung` is the doer's, `Verantwortung` and
    // `Eindverantwoordelijk` (accountability) the owner's, `Verantwortlich` the doer's.
    let set = if any(&[
        "consult",
        "konsult",
        "contribut",
        "befragt",
        "mitwirk",
        "raadpleeg",
    ]) || t == "input"
    {
        C
    } else if any(&["notif", "inform"]) {
        I
    } else if any(&[
        "support",
        "assist",
        "help",
        "ondersteun",
        "soporte",
        "apoio",
    ]) {
        S
    } else if any(&["verif", "sign-off", "sign off", "signoff"]) {
        V
    } else if any(&["driver", "drives", "durchf", "ausfuhr", "uitvoer"]) {
        R
    } else if any(&[
        "accountab",
        "approv",
        "approu",
        "aprob",
        "aprueb",
        "aprov",
        "goedkeur",
        "genehmig",
        "decid",
        "entscheid",
        "rechenschaft",
        "verantwortung",
        "eindverantwo",
        "aansprakelijk",
    ]) {
        A
    } else if any(&[
        "responsib",
        "responsab",
        "responsav",
        "verantwort",
        "verantwoord",
        "execut",
        "ejecut",
        "esegu",
        "realis",
        "realiz",
        "doer",
        "acteur",
        "perform",
    ]) {
        R
    } else {
        return None;
    };
    Some(LetterSet::of(&[set]))
}

/// The meaning a legend cell gives, read from its opening words: `Responsible - Who does
/// the work` means Responsible.
fn meaning_of_entry(text: &str) -> Option<LetterSet> {
    // A meaning is a few words: a long text that merely holds one (`Level 2 support`) is a
    // description of something else.
    let short = |t: &str| t.split_whitespace().count() <= 4;
    let head = text
        .split([':', '(', '\n'])
        .next()
        .unwrap_or(text)
        .split(" - ")
        .next()
        .unwrap_or(text)
        .split(" – ")
        .next()
        .unwrap_or(text);
    // The head names the meaning; what follows explains it and may use other letters'
    // words (`Approver – final sign-off` is an A, not a V).
    let from_head = (head.len() < text.len() && short(head))
        .then(|| meaning_letters(head))
        .flatten();
    from_head.or_else(|| short(text).then(|| meaning_letters(text)).flatten())
}

/// Words that label a legend block (`LEGEND`, `Key:`).
fn legend_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "legend",
        "key",
        "legende",
        "leyenda",
        "legenda",
        "chave",
        "schlussel",
        "raci legend",
        "raci key",
    ];
    LABELS.contains(&fold(text).trim().trim_end_matches(':').trim())
}

/// A single Latin letter used as a legend code (`R`, `m`).
fn code_of(text: &str) -> Option<char> {
    let mut chars = crate::input::trim(text).chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_ascii_alphabetic()).then(|| c.to_ascii_uppercase())
}

/// `Legend: R=Responsible` -> `R=Responsible`: the label before the first entry is not a code.
fn strip_legend_label(part: &str) -> &str {
    const LABELS: &[&str] = &["legend", "key", "legende", "leyenda", "legenda", "chave"];
    if let Some((head, rest)) = part.split_once(':') {
        if LABELS.contains(&super::grid::fold(head).trim()) {
            return rest.trim();
        }
    }
    part
}

/// Reads `R=Responsible`, `R - Responsible`, `R: Responsible`, `N-Does not play a role`,
/// possibly several separated by commas, from one cell.
fn entries_in_cell(text: &str) -> Vec<SchemeLetter> {
    let mut out = Vec::new();
    // Every entry needs one of these separators: most cells (letters, task names) have none.
    if !text.contains(['=', '-', ':', '–', '—']) {
        return out;
    }
    // An entry may follow a sentence in the same part (`... Support leads. R = Responsible`,
    // `2. Use the list: R = Responsible`) or a bar (`R = Réalise | A = Approuve`).
    // Entries set apart by runs of spaces (`R = Responsible    A = Accountable`) are parts too.
    let parts = text
        .split([',', ';', '\n', '|', '\t'])
        .flat_map(|p| p.split("  "))
        .map(|part| {
            let part = strip_legend_label(part.trim());
            if starts_entry(part) {
                return part;
            }
            // Mid-text, only `=` marks an entry: `-` and `:` end many words and sentences.
            part.char_indices()
                .filter(|&(i, c)| {
                    c.is_ascii_alphabetic()
                        && part[..i].ends_with([' ', ':', '('])
                        && part[i + 1..].trim_start().starts_with('=')
                })
                .map(|(i, _)| &part[i..])
                .next()
                .unwrap_or(part)
        });
    for part in parts {
        let mut chars = part.char_indices();
        let Some((_, code)) = chars.next() else {
            continue;
        };
        if !code.is_ascii_alphabetic() {
            continue;
        }
        let rest = &part[code.len_utf8()..];
        let trimmed = rest.trim_start();
        let Some(sep) = trimmed.chars().next() else {
            continue;
        };
        if !matches!(sep, '=' | '-' | ':' | '–' | '—') {
            continue;
        }
        let meaning = trimmed[sep.len_utf8()..].trim();
        if meaning.len() < 3 {
            continue;
        }
        if let Some(counts_as) = meaning_letters(meaning) {
            out.push(SchemeLetter {
                code: code.to_ascii_uppercase(),
                meaning: super::grid::clean_name(meaning),
                counts_as,
            });
        }
    }
    out
}

/// `R = ...`, `A: ...`, `C – ...`: a letter, then an entry's separator.
fn starts_entry(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| matches!(c, '=' | '-' | ':' | '–' | '—'))
}

/// Finds a legend: cells holding `X=Meaning` entries, or a column of single letters with
/// their meanings in the next column (Vertex42). Needs two entries or more, so that a lone
/// `R - Responsible` note in a task name is not taken for one.
pub(crate) fn find(grid: &Grid) -> Option<Legend> {
    let mut letters: Vec<SchemeLetter> = Vec::new();
    let mut cells = Vec::new();
    let add = |l: SchemeLetter, letters: &mut Vec<SchemeLetter>| {
        if !letters.iter().any(|x| x.code == l.code) {
            letters.push(l);
        }
    };
    // Letter cells side by side (`R` beside `A`) each ask whether the next one is a meaning;
    // a matrix repeats a handful of texts, so each is folded and matched once. Looked up,
    // never iterated.
    let mut meanings: HashMap<&str, Option<LetterSet>> = HashMap::new();
    let mut runs = CodeRuns::default();
    for ((r, c), cell) in grid.iter() {
        if cell.copy {
            continue;
        }
        let Some(text) = cell.text() else { continue };
        if code_of(text).is_some() {
            runs.see(r, c, || described(grid, r, c));
        }
        let found = entries_in_cell(text);
        if !found.is_empty() {
            for l in found {
                add(l, &mut letters);
            }
            cells.push(cell.origin);
            // The description beside `R - Responsible` belongs to the legend too.
            if let Some(next) = grid.get(r, c + 1) {
                if next
                    .text()
                    .is_some_and(|t| t.split_whitespace().count() >= 3)
                {
                    cells.push(next.origin);
                }
            }
            continue;
        }
        if let (Some(code), Some(meaning)) = (code_of(text), grid.text(r, c + 1)) {
            // A letter beside a letter, as in every row of a matrix, is no legend entry: a
            // one-letter text means nothing (every meaning word is longer), and asking once per
            // letter cell was a hash of each neighbour, some 870,000 on a 50,000 x 30 sheet.
            if code_of(meaning).is_some() {
                continue;
            }
            // `I | C - Consulted`: the next cell is an entry of its own, not this meaning.
            let counts_as = if entries_in_cell(meaning).is_empty() {
                *meanings
                    .entry(meaning)
                    .or_insert_with(|| meaning_of_entry(meaning))
            } else {
                None
            };
            if let Some(counts_as) = counts_as {
                // Only a block of such pairs is a legend, not one `A | Approval` row.
                let neighbour = |dr: i64| {
                    let rr = r as i64 + dr;
                    rr >= 0
                        && grid.text(rr as u32, c).and_then(code_of).is_some()
                        && grid
                            .text(rr as u32, c + 1)
                            .and_then(meaning_letters)
                            .is_some()
                };
                if neighbour(-1) || neighbour(1) {
                    add(
                        SchemeLetter {
                            code,
                            meaning: super::grid::clean_name(meaning),
                            counts_as,
                        },
                        &mut letters,
                    );
                    cells.push(cell.origin);
                    if let Some(m) = grid.get(r, c + 1) {
                        cells.push(m.origin);
                    }
                    if let Some(d) = grid.get(r, c + 2) {
                        if d.text().is_some_and(|t| t.split_whitespace().count() >= 3) {
                            cells.push(d.origin);
                        }
                    }
                }
            }
        }
    }
    for block in code_blocks(grid, runs.finish()) {
        for (code, counts_as, meaning, cells_of) in block {
            add(
                SchemeLetter {
                    code,
                    meaning,
                    counts_as,
                },
                &mut letters,
            );
            cells.extend(cells_of);
        }
    }
    if letters.len() < 2 {
        return None;
    }
    cells.sort();
    cells.dedup();
    let around = surroundings(grid, &letters, &cells);
    cells.extend(around);
    cells.sort();
    cells.dedup();
    Some(Legend { letters, cells })
}

/// The cells around a legend's column of codes that belong to it though they define no
/// letter: its label just above (`Legend`, `Key`), and combinations just below or above
/// with their meaning (`A/R | Accountable and does the work`). Left in the sheet they read
/// as a party column headed `Legend` holding an `A/R`.
fn surroundings(grid: &Grid, letters: &[SchemeLetter], cells: &[Pos]) -> Vec<Pos> {
    let scheme = Scheme::from_legend(letters.to_vec());
    let combination = |r: u32, c: u32| {
        let code = grid.text(r, c)?;
        let meaning = grid.text(r, c + 1)?;
        let letters = matches!(crate::model::parse_cell(code, &scheme), crate::model::CellParse::Letters(set) if set.len() >= 2);
        let worded = meaning.chars().filter(|ch| ch.is_alphabetic()).count() > 3;
        (letters && worded).then(|| [grid.get(r, c), grid.get(r, c + 1)])
    };
    let mut out = Vec::new();
    for ((r, c), cell) in grid.iter() {
        if cell.copy || cells.binary_search(&cell.origin).is_err() {
            continue;
        }
        if cell.text().and_then(code_of).is_none() {
            continue;
        }
        let free = |rr: u32| {
            grid.get(rr, c)
                .is_some_and(|x| cells.binary_search(&x.origin).is_err())
        };
        // Up: combinations, then a label; down: combinations.
        let mut up = r;
        while up > 0 && free(up - 1) {
            match combination(up - 1, c) {
                Some(pair) => out.extend(pair.into_iter().flatten().map(|x| x.origin)),
                None => break,
            }
            up -= 1;
        }
        if up > 0 && grid.text(up - 1, c).is_some_and(legend_label) {
            out.extend(grid.get(up - 1, c).map(|x| x.origin));
        }
        let mut down = r + 1;
        while free(down) {
            match combination(down, c) {
                Some(pair) => out.extend(pair.into_iter().flatten().map(|x| x.origin)),
                None => break,
            }
            down += 1;
        }
    }
    out
}

/// Text beside a code: a legend's meaning, not another letter.
fn described(grid: &Grid, r: u32, col: u32) -> bool {
    grid.get(r, col + 1).is_some_and(|x| {
        x.text()
            .is_some_and(|t| code_of(t).is_none() && t.chars().count() > 3)
    })
}

/// Runs of one-letter code cells down each column, followed as the cells go by in row order:
/// a look-up per code cell, so the long letter columns of a big matrix cost little.
#[derive(Debug, Default)]
struct CodeRuns {
    /// By column: the run going on, if any.
    open: Vec<Option<OpenRun>>,
    /// Closed runs of legend length whose first code is described: (column, first row,
    /// last row).
    done: Vec<(u32, u32, u32)>,
}

/// The run of codes going on in one column.
#[derive(Debug, Clone, Copy)]
struct OpenRun {
    /// Its first and last row.
    rows: (u32, u32),
    /// Whether its first code has text beside it ([`described`]). [`code_blocks`] keeps no
    /// run without it, and asked as the run opens the cell beside is the next one of the row,
    /// at hand; asked of every run of a big matrix afterwards, each was a miss in memory (and
    /// the runs to sort were many more).
    described: bool,
}

/// A legend stands within the first columns of a sheet: runs further right are not followed.
const LEGEND_COLUMNS: u32 = 1 << 14;

impl CodeRuns {
    /// A code at `(r, c)`; `described` tells whether it has text beside it, asked only
    /// when it opens a run.
    fn see(&mut self, r: u32, c: u32, described: impl FnOnce() -> bool) {
        if c >= LEGEND_COLUMNS {
            return;
        }
        if self.open.len() <= c as usize {
            self.open.resize(c as usize + 1, None);
        }
        let slot = &mut self.open[c as usize];
        if let Some(run) = slot.as_mut().filter(|run| run.rows.1 + 1 == r) {
            run.rows.1 = r;
            return;
        }
        let opened = OpenRun {
            rows: (r, r),
            described: described(),
        };
        if let Some(closed) = slot.replace(opened) {
            Self::close(&mut self.done, c, closed);
        }
    }

    fn close(done: &mut Vec<(u32, u32, u32)>, c: u32, run: OpenRun) {
        let (first, last) = run.rows;
        if run.described && (3..=8).contains(&(last - first + 1)) {
            done.push((c, first, last));
        }
    }

    /// Every run of three to eight codes whose first code is described, by column then row.
    fn finish(mut self) -> Vec<(u32, u32, u32)> {
        for (c, run) in self.open.iter().enumerate() {
            if let Some(run) = *run {
                Self::close(&mut self.done, c as u32, run);
            }
        }
        self.done.sort_unstable();
        self.done
    }
}

/// One entry of a block of codes: the code, what it counts as, its meaning, its cells.
type BlockEntry = (char, LetterSet, String, Vec<Pos>);

/// Legends known by their shape rather than their words: a column of three to eight different
/// single-letter codes, one a row, with text beside each, standing alone (nothing just above
/// or below the run but a `LEGEND` label). A party column never stands alone: its header is
/// above its letters. A code whose meaning is not understood counts as the letter it is (`R`
/// with `The one who performs the task` is R), and a code that is no letter of any scheme
/// is left out.
fn code_blocks(grid: &Grid, runs: Vec<(u32, u32, u32)>) -> Vec<Vec<BlockEntry>> {
    let mut out = Vec::new();
    let loose = Scheme::named(SchemeName::RaciVs);
    let described = |r: u32, col: u32| described(grid, r, col);
    // Every run's first code is described already (`CodeRuns`): in a matrix, letters
    // stand beside letters, and that cheapest test left most runs out.
    for (col, first, last) in runs {
        let run: Vec<u32> = (first..=last).collect();
        let run = &run[..];
        let codes: Vec<char> = run
            .iter()
            .filter_map(|r| grid.text(*r, col).and_then(code_of))
            .collect();
        let distinct: std::collections::BTreeSet<char> = codes.iter().copied().collect();
        if !(3..=8).contains(&run.len()) || distinct.len() != codes.len() {
            continue;
        }
        let (first, last) = (run[0], run[run.len() - 1]);
        let label_above = first
            .checked_sub(1)
            .and_then(|r| grid.get(r, col))
            .filter(|x| x.text().is_some_and(legend_label))
            .map(|x| x.origin);
        let alone = |r: Option<u32>| r.is_none_or(|r| grid.get(r, col).is_none());
        let above_ok = label_above.is_some() || alone(first.checked_sub(1));
        if !above_ok || !alone(last.checked_add(1)) {
            continue;
        }
        if !run.iter().all(|&r| described(r, col)) {
            continue;
        }
        let mut entries = Vec::new();
        for r in run {
            let code = grid.text(*r, col).and_then(code_of).unwrap_or('?');
            let meaning_cell = grid.get(*r, col + 1);
            let meaning = meaning_cell.and_then(|x| x.text()).unwrap_or_default();
            let Some(counts_as) = meaning_of_entry(meaning).or_else(|| loose.lookup(code)) else {
                continue;
            };
            let mut at = vec![grid.get(*r, col).map(|x| x.origin).unwrap_or_default()];
            at.extend(meaning_cell.map(|x| x.origin));
            if let Some(d) = grid.get(*r, col + 2) {
                if d.text().is_some_and(|t| t.split_whitespace().count() >= 3) {
                    at.push(d.origin);
                }
            }
            let shown = meaning_of_entry(meaning)
                .map(|_| super::grid::clean_name(meaning))
                .unwrap_or_else(|| {
                    counts_as
                        .iter()
                        .next()
                        .map_or("not involved", |l| l.meaning())
                        .to_string()
                });
            entries.push((code, counts_as, shown, at));
        }
        if let (Some(label), Some(e)) = (label_above, entries.first_mut()) {
            e.3.push(label);
        }
        if entries.len() >= 2 {
            out.push(entries);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meanings_in_the_seven_languages() {
        use Letter::*;
        for (meaning, letter) in [
            ("Durchführung (führt die Aufgabe aus)", R),
            ("Durchführungsverantwortung", R),
            ("Verantwortlich", R),
            ("Verantwortung (entscheidet / gibt frei)", A),
            ("Mitwirkung (wird vorher konsultiert)", C),
            ("Réalise", R),
            ("Approuve", A),
            ("Aprobador", A),
            ("Aprueba", A),
            ("Aprovar (Accountable)", A),
            ("Esegue", R),
            ("Ejecuta", R),
            ("Uitvoerend", R),
            ("Eindverantwoordelijk", A),
            ("Verantwoordelijk", R),
            ("Geraadpleegd", C),
            ("Geïnformeerd", I),
            ("Ondersteunend", S),
            ("Soporte", S),
            // The head names the meaning, the rest explains it.
            ("Approver – final sign-off", A),
            ("Responsible – owns the task and does the work", R),
        ] {
            let got = meaning_of_entry(meaning);
            assert_eq!(got, Some(LetterSet::of(&[letter])), "{meaning}");
        }
    }

    #[test]
    fn entries_after_a_sentence_or_a_bar() {
        let codes = |t: &str| -> String { entries_in_cell(t).iter().map(|l| l.code).collect() };
        assert_eq!(
            codes("Note: Stakeholders = Sales and Support leads. R = Responsible, A = Accountable"),
            "RA"
        );
        assert_eq!(
            codes("Légende : R = Réalise | A = Approuve | C = Consulté"),
            "RAC"
        );
        assert_eq!(
            codes("2. Usa el desplegable: R = Responsable, A = Aprobador"),
            "RA"
        );
        assert_eq!(
            codes("Legende: siehe Blatt (D = Durchführung, E = Entscheidung, I = Information)"),
            "DEI"
        );
        assert_eq!(
            codes("R = Responsible (does the work)    A = Accountable (signs off, one per task)    C = Consulted    I = Informed"),
            "RACI"
        );
        // A full stop inside a meaning stays in it.
        assert_eq!(codes("R = Resp. for delivery, A = Accountable"), "A");
    }

    #[test]
    fn a_legend_label_before_the_first_entry() {
        let found = entries_in_cell("Legend: R=Responsible");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, 'R');
        assert_eq!(
            entries_in_cell("Key: A = Accountable, C = Consulted").len(),
            2
        );
    }
    use crate::input::{CellValue, GridCell, Sheet};
    use crate::model::{parse_cell, CellParse};

    /// A sheet of text cells; tests read it through `Grid::from_sheet`, which borrows it.
    fn grid(cells: &[(u32, u32, &str)]) -> Sheet {
        Sheet {
            name: None,
            cells: cells
                .iter()
                .map(|&(r, c, s)| GridCell {
                    pos: Pos::new(r, c),
                    value: CellValue::Text(s.into()),
                })
                .collect(),
            merges: vec![],
        }
    }

    #[test]
    fn legend_across_cells_teaches_a_scheme() {
        let g = grid(&[
            (0, 5, "R=Responsible"),
            (0, 6, "M=Must be Consulted"),
            (0, 7, "S=May be Consulted"),
            (0, 8, "I=May be notified"),
            (0, 9, "N-Does not play a role"),
        ]);
        let legend = find(&Grid::from_sheet(&g, false)).unwrap();
        let scheme = legend.scheme();
        assert_eq!(scheme.name, SchemeName::Legend);
        let c = LetterSet::of(&[Letter::C]);
        assert_eq!(parse_cell("M", &scheme), CellParse::Letters(c));
        assert_eq!(parse_cell("S", &scheme), CellParse::Letters(c));
        assert_eq!(
            parse_cell("I", &scheme),
            CellParse::Letters(LetterSet::of(&[Letter::I]))
        );
        assert_eq!(parse_cell("N", &scheme), CellParse::Empty);
        assert_eq!(legend.cells.len(), 5);
    }

    #[test]
    fn legend_in_one_cell() {
        let g = grid(&[(
            0,
            0,
            "R=Responsible, A=Accountable, C=Consulted, I=Informed",
        )]);
        assert_eq!(
            find(&Grid::from_sheet(&g, false)).unwrap().scheme().name,
            SchemeName::Raci
        );
    }

    #[test]
    fn vertex42_block_with_driver() {
        let g = grid(&[
            (24, 0, "D"),
            (24, 1, "Driver"),
            (24, 2, "Assists those who are responsible for a task."),
            (25, 0, "R"),
            (25, 1, "Responsible"),
            (26, 0, "S"),
            (26, 1, "Support"),
        ]);
        let legend = find(&Grid::from_sheet(&g, false)).unwrap();
        let s = legend.scheme();
        assert_eq!(
            parse_cell("D", &s),
            CellParse::Letters(LetterSet::of(&[Letter::R]))
        );
        assert_eq!(
            parse_cell("S", &s),
            CellParse::Letters(LetterSet::of(&[Letter::S]))
        );
        assert_eq!(legend.cells.len(), 7);
    }

    #[test]
    fn dash_legend_beside_matrix_is_plain_raci() {
        let g = grid(&[
            (3, 10, "R - Responsible"),
            (3, 11, "The individual who executes the task."),
            (5, 9, "I"),
            (6, 9, "I"),
            (4, 10, "A - Accountable"),
            (5, 10, "C - Consulted"),
            (6, 10, "I - Informed"),
        ]);
        let legend = find(&Grid::from_sheet(&g, false)).unwrap();
        assert_eq!(legend.scheme().name, SchemeName::Raci);
        assert_eq!(legend.cells.len(), 5);
    }

    #[test]
    fn matrix_cells_are_not_a_legend() {
        let g = grid(&[(1, 1, "R/A"), (1, 2, "C"), (2, 1, "R - A"), (2, 0, "Task")]);
        assert!(find(&Grid::from_sheet(&g, false)).is_none());
    }
}
