//! How a party is named to a reader: the person apart from the title in the header
//! (`Tom Reed - Product Manager` is Tom Reed, a Product Manager), and one label for both,
//! `Tom Reed (Product Manager)`, whatever way the header wrote them.

use super::Party;

/// The header separators between a name and a title, as the layout reads them
/// (`Tom Reed - Product Manager`, `Ana – PO`, a title on a second line).
const SEPARATORS: [&str; 4] = [" - ", " – ", " — ", "\n"];

/// The part of `name` before its title `title`: `Maria Lopez` for `Maria Lopez (Product
/// Owner)` and `Tom Reed` for `Tom Reed - Product Manager`. A name that does not end with its
/// title (a title from a roster or a title row), or that is nothing but the title, is given
/// back trimmed and whole.
pub fn person_part<'a>(name: &'a str, title: Option<&str>) -> &'a str {
    let name = name.trim();
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return name;
    };
    let same = |a: &str| squash(a).eq_ignore_ascii_case(&squash(title));
    if let Some(rest) = name.strip_suffix(')') {
        if let Some(open) = rest.rfind('(') {
            let head = rest[..open].trim_end();
            if !head.is_empty() && same(&rest[open + 1..]) {
                return head;
            }
        }
    }
    for sep in SEPARATORS {
        if let Some(i) = name.find(sep) {
            let head = name[..i].trim_end();
            if !head.is_empty() && same(&name[i + sep.len()..]) {
                return head;
            }
        }
    }
    name
}

/// Runs of white space as one space, so a title read from two header lines compares equal to
/// the same title written on one.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A party's name without its title, on one line (`Tom Reed`): how a sentence mentions the
/// party again after [`party_label`] named it.
pub fn short_name(party: &Party) -> String {
    squash(person_part(&party.name, party.title.as_deref()))
}

/// `Tom Reed (Product Manager)` for a titled person, the name alone for a party whose name is
/// its title (`Product Owner`) or that has no title (`Developers`). New lines in a header
/// read as spaces.
pub fn party_label(party: &Party) -> String {
    let person = squash(person_part(&party.name, party.title.as_deref()));
    match party.title.as_deref().map(squash) {
        Some(title) if !title.is_empty() && !person.eq_ignore_ascii_case(&title) => {
            format!("{person} ({title})")
        }
        _ => person,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    fn party(name: &str, title: Option<&str>) -> Party {
        Party {
            name: name.into(),
            title: title.map(String::from),
            title_side: None,
            pos: Pos::default(),
        }
    }

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
