//! Party titles: read from the header (`Maria Lopez (Product Owner)`, `Tom Reed - Product
//! Manager`, a second line), a title row, a roster, and what each title means for the audit.

use super::grid::{clean_name, fold};
use super::{LayoutOptions, PmMeans};
use crate::model::TitleSide;

/// Splits a raw header into the title it carries, if any. The name itself is kept as written.
pub(crate) fn title_in_header(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    // `Maria Lopez (Product Owner)`.
    if let (Some(open), true) = (trimmed.rfind('('), trimmed.ends_with(')')) {
        let inner = clean_name(&trimmed[open + 1..trimmed.len() - 1]);
        // A space before the bracket: `Arquiteto(a)` is a name, not a name and a title.
        if !inner.is_empty() && trimmed[..open].ends_with(char::is_whitespace) {
            return Some(inner);
        }
    }
    // `Tom Reed - Product Manager`, `Name – PO`.
    for sep in crate::model::TITLE_SEPARATORS {
        let folded = clean_name(trimmed);
        if let Some(i) = folded.find(sep) {
            let title = folded[i + sep.len()..].trim();
            if !title.is_empty() {
                return Some(title.to_string());
            }
        }
    }
    // A title on the second line of the header cell.
    let lines: Vec<&str> = trimmed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() >= 2 {
        return Some(clean_name(&lines[1..].join(" ")));
    }
    None
}

/// What a title (or a header that is itself a role) says about the side.
pub(crate) fn title_side(text: &str, opts: &LayoutOptions) -> Option<TitleSide> {
    let norm = clean_name(text).to_lowercase();
    for (alias, side) in &opts.title_aliases {
        if clean_name(alias).to_lowercase() == norm {
            return Some(*side);
        }
    }
    let t = fold(text);
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let has = |p: &str| {
        joined == p || joined.contains(&format!(" {p} ")) || {
            joined.starts_with(&format!("{p} ")) || joined.ends_with(&format!(" {p}"))
        }
    };
    if has("product owner") || has("po") || has("proxy product owner") {
        return Some(TitleSide::Po);
    }
    if has("product manager")
        || has("produktmanager")
        || has("chef de produit")
        || has("gerente de producto")
        || has("gerente de produto")
        || has("head of product")
        || has("vp product")
        || has("cpo")
    {
        return Some(TitleSide::Pm);
    }
    if has("pm") {
        return match opts.pm_means {
            Some(PmMeans::Product) => Some(TitleSide::Pm),
            Some(PmMeans::Project) => None,
            None => Some(TitleSide::Ambiguous),
        };
    }
    None
}

/// What a party's name says about its side when no title was given: only a name that is a
/// role (`Product Owner`, `PM`) or ends with one (`Jane PM`) counts, so `Po Chen` does not.
pub(crate) fn name_side(name: &str, opts: &LayoutOptions) -> Option<TitleSide> {
    let t = fold(name);
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last().copied().unwrap_or_default();
    let short = matches!(last, "po" | "pm" | "cpo");
    let phrase = [
        "product owner",
        "product manager",
        "produktmanager",
        "chef de produit",
        "head of product",
    ]
    .iter()
    .any(|p| words.join(" ").contains(p));
    let alias = opts
        .title_aliases
        .iter()
        .any(|(a, _)| clean_name(a).to_lowercase() == clean_name(name).to_lowercase());
    if short || phrase || alias {
        title_side(name, opts)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_headers() {
        assert_eq!(
            title_in_header("Maria Lopez (Product Owner)").as_deref(),
            Some("Product Owner")
        );
        assert_eq!(
            title_in_header("Tom Reed - Product Manager").as_deref(),
            Some("Product Manager")
        );
        assert_eq!(title_in_header("Ana\nPO").as_deref(), Some("PO"));
        assert_eq!(
            title_in_header("Joseph - Chef de projet -\nDéveloppeur").as_deref(),
            Some("Chef de projet - Développeur")
        );
        assert_eq!(title_in_header("Kasun"), None);
        assert_eq!(title_in_header("Arquiteto(a)"), None);
    }

    #[test]
    fn sides_of_titles() {
        let o = LayoutOptions::default();
        assert_eq!(title_side("Product Owner", &o), Some(TitleSide::Po));
        assert_eq!(title_side("PO", &o), Some(TitleSide::Po));
        assert_eq!(
            title_side("Senior Product Manager", &o),
            Some(TitleSide::Pm)
        );
        assert_eq!(title_side("PM", &o), Some(TitleSide::Ambiguous));
        assert_eq!(title_side("Project Manager", &o), None);
        assert_eq!(title_side("Team lead", &o), None);
        assert_eq!(name_side("Po Chen", &o), None);
        assert_eq!(name_side("Jane PM", &o), Some(TitleSide::Ambiguous));
        assert_eq!(name_side("Product Owner", &o), Some(TitleSide::Po));
        let project = LayoutOptions {
            pm_means: Some(PmMeans::Project),
            ..LayoutOptions::default()
        };
        assert_eq!(title_side("PM", &project), None);
        let product = LayoutOptions {
            pm_means: Some(PmMeans::Product),
            title_aliases: vec![("Produktverantwortliche".into(), TitleSide::Po)],
            ..LayoutOptions::default()
        };
        assert_eq!(title_side("pm", &product), Some(TitleSide::Pm));
        assert_eq!(
            title_side("Produktverantwortliche", &product),
            Some(TitleSide::Po)
        );
    }
}
