//! Rosters: a `party,title` table (`--roster FILE`, or a Team/Roster sheet) that titles the
//! parties of a matrix.

use super::grid::{clean_name, fold};
use super::RosterEntry;
use crate::input::{Sheet, Workbook};
use crate::{Error, Result};
use std::collections::BTreeMap;

const PARTY_WORDS: &[&str] = &[
    "party", "name", "person", "member", "who", "role", "team", "nom",
];
const TITLE_WORDS: &[&str] = &[
    "title", "job", "position", "function", "titre", "poste", "cargo",
];

fn matches(text: &str, words: &[&str]) -> bool {
    let t = fold(text);
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// Reads one sheet as a roster: a header naming the party and title columns, or the first two
/// columns when there is no header.
pub(crate) fn roster_from_sheet(sheet: &Sheet) -> Result<Vec<RosterEntry>, String> {
    let mut rows: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
    for c in &sheet.cells {
        let t = clean_name(&c.value.display());
        if !t.is_empty() {
            rows.entry(c.pos.row).or_default().insert(c.pos.col, t);
        }
    }
    let Some((&first, head)) = rows.iter().next() else {
        return Err("the roster is empty".into());
    };
    let title_col = head
        .iter()
        .find(|(_, t)| matches(t, TITLE_WORDS))
        .map(|(c, _)| *c);
    let party_col = head
        .iter()
        .find(|(c, t)| Some(**c) != title_col && matches(t, PARTY_WORDS))
        .map(|(c, _)| *c);
    let (party_col, title_col, skip_first) = match (party_col, title_col) {
        (Some(p), Some(t)) => (p, t, true),
        _ => {
            let mut cols = head.keys().copied();
            let (Some(p), Some(t)) = (cols.next(), cols.next()) else {
                return Err("a roster needs two columns: party and title".into());
            };
            (p, t, false)
        }
    };
    let mut out = Vec::new();
    for (&r, cells) in &rows {
        if skip_first && r == first {
            continue;
        }
        if let (Some(p), Some(t)) = (cells.get(&party_col), cells.get(&title_col)) {
            out.push(RosterEntry {
                party: p.clone(),
                title: t.clone(),
            });
        }
    }
    if out.is_empty() {
        return Err("no row holds both a party and a title".into());
    }
    Ok(out)
}

/// Reads a `party,title` table (the first sheet that holds one) for `--roster FILE`.
pub fn roster_from_workbook(wb: &Workbook) -> Result<Vec<RosterEntry>> {
    let mut last = String::from("the file has no sheets");
    for s in &wb.sheets {
        match roster_from_sheet(s) {
            Ok(entries) => return Ok(entries),
            Err(e) => last = e,
        }
    }
    Err(Error::NoMatrix {
        file: wb.file.clone(),
        sheet: None,
        looked_for: format!("a roster table with a party column and a title column ({last})"),
        hint: "Write the roster as two columns with the header party,title.".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;

    #[test]
    fn roster_with_header() {
        let wb = csv(&[
            &["Party", "Title"],
            &["Maria Lopez", "Product Owner"],
            &["Tom", "Product Manager"],
        ]);
        let r = roster_from_workbook(&wb).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].party, "Maria Lopez");
        assert_eq!(r[1].title, "Product Manager");
    }

    #[test]
    fn roster_without_header_and_empty() {
        let wb = csv(&[&["Ann", "PO"], &["Bob", "PM"]]);
        assert_eq!(roster_from_workbook(&wb).unwrap().len(), 2);
        let empty = csv(&[]);
        assert!(matches!(
            roster_from_workbook(&empty),
            Err(Error::NoMatrix { .. })
        ));
    }
}
