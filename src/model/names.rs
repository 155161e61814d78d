//! How a party is named to a reader: the person apart from the title in the header
//! (`Tom Reed - Product Manager` is Tom Reed, a Product Manager), and one label for both,
//! `Tom Reed (Product Manager)`, whatever way the header wrote them.

use super::Party;
use std::borrow::Cow;

/// The separators between a name and the title after it in a header (`Tom Reed - Product
/// Manager`, `Ana – PO`); a title may also stand on a second line of the cell.
pub(crate) const TITLE_SEPARATORS: [&str; 3] = [" - ", " – ", " — "];

/// The part of `name` before its title `title`: `Maria Lopez` for `Maria Lopez (Product
/// Owner)` and `Tom Reed` for `Tom Reed - Product Manager`. A name that does not end with its
/// title (a title from a roster or a title row), or that is nothing but the title, is given
/// back trimmed and whole.
pub fn person_part<'a>(name: &'a str, title: Option<&str>) -> &'a str {
    let name = name.trim();
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return name;
    };
    let same = |a: &str| clean_cow(a).eq_ignore_ascii_case(&clean_cow(title));
    if let Some(rest) = name.strip_suffix(')') {
        if let Some(open) = rest.rfind('(') {
            let head = rest[..open].trim_end();
            if !head.is_empty() && same(&rest[open + 1..]) {
                return head;
            }
        }
    }
    for sep in TITLE_SEPARATORS.into_iter().chain(["\n"]) {
        if let Some(i) = name.find(sep) {
            let head = name[..i].trim_end();
            if !head.is_empty() && same(&name[i + sep.len()..]) {
                return head;
            }
        }
    }
    name
}

/// Trims, folds inner newlines, tabs and no-break spaces to single spaces; keeps everything
/// else as written (accents, curly apostrophes).
pub(crate) fn clean_name(text: &str) -> String {
    clean_cow(text).into_owned()
}

/// [`clean_name`] without an allocation when the text is already clean, as nearly every
/// cell is: hot loops that only compare or count names use this.
pub(crate) fn clean_cow(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // Printable ASCII with single inner spaces comes out unchanged; anything else (including
    // control characters that are not whitespace) takes the general path. Whole-slice
    // checks rather than a byte loop with state: this runs on every task name.
    let clean = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| (b' '..=b'~').contains(&c))
        && !text.contains("  ");
    if clean {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A party's name without its title, on one line (`Tom Reed`): how a sentence mentions the
/// party again after [`party_label`] named it.
pub fn short_name(party: &Party) -> String {
    clean_name(person_part(&party.name, party.title.as_deref()))
}

/// `Tom Reed (Product Manager)` for a titled person, the name alone for a party whose name is
/// its title (`Product Owner`) or that has no title (`Developers`). New lines in a header
/// read as spaces.
pub fn party_label(party: &Party) -> String {
    let person = clean_name(person_part(&party.name, party.title.as_deref()));
    match party.title.as_deref().map(clean_name) {
        Some(title) if !title.is_empty() && !person.eq_ignore_ascii_case(&title) => {
            format!("{person} ({title})")
        }
        _ => person,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::party;

    #[test]
    fn person_apart_from_title() {
        let po = Some("Product Owner");
        assert_eq!(
            person_part("Maria Lopez (Product Owner)", po),
            "Maria Lopez"
        );
        assert_eq!(
            person_part("Tom Reed - Product Manager", Some("Product Manager")),
            "Tom Reed"
        );
        assert_eq!(person_part("Ana\nPO", Some("PO")), "Ana");
        assert_eq!(person_part("Ana", po), "Ana");
        assert_eq!(person_part("Product Owner", po), "Product Owner");
        assert_eq!(person_part(" Kasun ", None), "Kasun");
        // A bracket that is not the title stays part of the name.
        assert_eq!(person_part("Arquiteto(a)", po), "Arquiteto(a)");
    }

    #[test]
    fn labels_name_and_title_once() {
        assert_eq!(
            party_label(&party(
                "Tom Reed - Product Manager",
                Some("Product Manager")
            )),
            "Tom Reed (Product Manager)"
        );
        assert_eq!(
            party_label(&party("Ana", Some("Designer"))),
            "Ana (Designer)"
        );
        assert_eq!(
            party_label(&party("Product Owner", Some("Product Owner"))),
            "Product Owner"
        );
        assert_eq!(party_label(&party("Developers", None)), "Developers");
        assert_eq!(
            party_label(&party("Ana\nProduct\nOwner", Some("Product Owner"))),
            "Ana (Product Owner)"
        );
    }
}
