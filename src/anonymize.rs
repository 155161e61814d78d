//! `--anonymize`: every person's name becomes a stable pseudonym (`Person 1`, `Person 2`, in
//! order of appearance), done once to the matrix right after the layout, so that every later
//! stage (classification, findings, charts, every report) only ever sees pseudonyms.
//!
//! Titles stay (`Maria Lopez (Product Owner)` becomes `Person 1 (Product Owner)`), and so
//! does a party that is a role or a team rather than a person: one whose name is made of role
//! and team words only (`Engineering Lead`, `Developers`, `Product Owner`, `QA`). Task names
//! and groups are kept. Everything else that can quote a name is rewritten: the layout's
//! notes, the text of unreadable cells (in an inverted matrix the cells hold names), the
//! context column beside a task, and names from the roster that are not in the matrix.
//!
//! When in doubt a party counts as a person: a name the word list does not know is
//! pseudonymised, since keeping a person's name is the mistake that cannot be undone.

use crate::layout::RosterEntry;
use crate::model::{person_part, Matrix};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Words that make a party a role or a team, folded to lower-case ASCII (`deunicode`), in the
/// languages of the exports seen so far. A party whose every word is one of these (or a
/// [`NEUTRAL`] word, a number or a single letter) is kept as written.
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    // English
    "team", "teams", "squad", "tribe", "chapter", "guild", "crew", "staff", "lead", "leads",
    "leader", "leadership", "manager", "managers", "management", "owner", "owners", "master",
    "masters", "designer", "designers", "design", "developer", "developers", "dev", "devs",
    "development", "engineer", "engineers", "engineering", "qa", "qc", "test", "tester",
    "testers", "testing", "quality", "analyst", "analysts", "analytics", "architect",
    "architects", "architecture", "marketing", "sales", "support", "legal", "finance",
    "financial", "accounting", "hr", "people", "ops", "operations", "devops", "sre", "security",
    "compliance", "risk", "audit", "stakeholder", "stakeholders", "customer", "customers",
    "client", "clients", "user", "users", "board", "committee", "steering", "executive",
    "executives", "exec", "director", "directors", "head", "vp", "cto", "ceo", "cfo", "coo",
    "cio", "cpo", "cmo", "po", "pm", "pmo", "ba", "sme", "scrum", "agile", "coach", "product",
    "products", "project", "projects", "program", "programme", "portfolio", "business", "it",
    "data", "ux", "ui", "content", "research", "success", "partner", "partners", "vendor",
    "vendors", "supplier", "suppliers", "sponsor", "sponsors", "admin", "administrator",
    "office", "department", "dept", "group", "unit", "division", "council", "all", "everyone",
    "everybody", "service", "services", "desk", "helpdesk", "infrastructure", "platform",
    "backend", "frontend", "mobile", "web", "consultant", "consultants", "contractor",
    "contractors", "officer", "specialist", "specialists", "coordinator", "technical", "tech",
    "release", "delivery", "procurement", "purchasing", "communications", "comms", "pr",
    "brand", "growth", "bi", "dba", "network", "cloud", "system", "systems", "solution",
    "solutions", "training", "documentation", "writer", "writers", "editor", "operator",
    "operators", "expert", "experts", "representative", "rep", "reps", "senior", "junior",
    "principal", "chief", "assistant", "associate", "member", "members", "governance", "cab",
    // French
    "equipe", "equipes", "chef", "responsable", "responsables", "directeur", "directrice",
    "direction", "developpeur", "developpeurs", "developpement", "concepteur", "pole", "metier",
    "metiers", "utilisateur", "utilisateurs", "commercial", "commerciale", "juridique",
    "achats", "qualite", "fonctionnel", "technique", "comite", "projet", "produit", "moa",
    "moe", "recette", "exploitation", "charge", "chargee", "referent",
    // German
    "entwickler", "entwicklung", "leiter", "leiterin", "leitung", "abteilung", "vertrieb",
    "fachbereich", "geschaftsfuhrung", "kunde", "kunden", "projektleiter", "produktmanager",
    "produkt", "betrieb", "einkauf", "rechtsabteilung", "verantwortlicher", "fachabteilung",
    // Spanish, Portuguese
    "equipo", "jefe", "gerente", "gerencia", "desarrollador", "desarrolladores",
    "desenvolvedor", "desenvolvedores", "desenvolvimento", "analista", "analistas",
    "arquitecto", "arquiteto", "diretor", "diretoria", "coordinador", "coordenador", "cliente",
    "clientes", "usuario", "usuarios", "ventas", "vendas", "soporte", "suporte", "juridico",
    "financeiro", "financiero", "calidad", "qualidade", "dono", "produto", "producto",
    "proyecto", "projeto", "negocio", "negocios", "area", "areas", "time", "lider", "gestor",
    "gestora", "responsavel", "tecnico", "tecnica", "operaciones", "operacoes", "comite",
    // Italian
    "sviluppatore", "sviluppatori", "sviluppo", "direttore", "squadra", "capo", "utente",
    "utenti", "vendite", "qualita", "progetto", "prodotto", "ufficio", "reparto",
    // Serbian (Latin)
    "menadzer", "rukovodilac", "programer", "programeri", "razvoj", "direktor", "vodja",
    "analiticar", "klijent", "korisnik", "korisnici", "sektor", "odeljenje",
    // Russian (as deunicode spells Cyrillic)
    "komanda", "menedzher", "rukovoditel", "razrabotchik", "razrabotchiki", "analitik",
    "testirovshchik", "zakazchik", "otdel", "vladelets", "produkta", "proekta", "arkhitektor",
    "rukovodstvo", "sluzhba", "gruppa", "spetsialist", "razrabotki", "razrabotka", "proekt",
    "proektov", "testirovaniia", "testirovaniya", "podderzhki", "podderzhka", "prodazh",
    "marketinga", "analitiki", "kachestva", "direktsiia",
];

/// Words that say nothing either way (`Head of Product`, `Chef de projet`).
#[rustfmt::skip]
const NEUTRAL: &[&str] = &[
    "of", "and", "the", "for", "to", "in", "on", "de", "du", "des", "la", "le", "les", "del",
    "da", "do", "dos", "das", "e", "y", "et", "und", "der", "die", "den", "di", "i", "s", "a",
    "an", "al", "au", "aux", "el", "lo", "il", "za",
];

/// Whether a party name is a role or a team rather than a person: every word of it (without
/// its title) is a role or team word, a neutral word, a number or a single letter.
pub fn is_role(name: &str, title: Option<&str>) -> bool {
    let person = person_part(name, title);
    let folded = deunicode::deunicode(&person.to_lowercase());
    let mut words = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek().is_none() {
        return true;
    }
    words.all(|w| {
        w.len() == 1
            || w.bytes().all(|b| b.is_ascii_digit())
            || ROLE_WORDS.contains(&w)
            || NEUTRAL.contains(&w)
    })
}

/// A title with the words of the person's name taken out: a header like `Jane PM` is its
/// own title to the layout, and `Person 1 (Jane PM)` would keep the name. `None` when nothing
/// is left.
fn title_without(title: &str, person: &str) -> Option<String> {
    let fold = |w: &str| deunicode::deunicode(&w.to_lowercase());
    // The words of the name that are not role words: `Jane` of `Jane PM`.
    let name: Vec<String> = person
        .split_whitespace()
        .map(fold)
        .filter(|w| !ROLE_WORDS.contains(&w.as_str()) && !NEUTRAL.contains(&w.as_str()))
        .collect();
    let words: Vec<&str> = title.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !name.contains(&fold(w)))
        .collect();
    if kept.len() == words.len() {
        let t = words.join(" ");
        return (!t.is_empty()).then_some(t);
    }
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The pseudonyms given so far: one per person, numbered in order of appearance. Passing the
/// same value over several matrices (the two files of a diff) gives a person one pseudonym in
/// all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pseudonyms {
    /// `(pseudonym, name)` in order of appearance; the name is the person as first written,
    /// without the title.
    entries: Vec<(String, String)>,
    /// Folded person name -> index into `entries`.
    index: BTreeMap<String, usize>,
}

/// Case and runs of white space folded, so `Maria  Lopez` and `maria lopez` are one person.
fn key(person: &str) -> String {
    crate::diff::fold(person)
}

impl Pseudonyms {
    /// `(pseudonym, name)` pairs in order of appearance.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The pseudonym of `person`, given now if it has none yet.
    fn of(&mut self, person: &str) -> String {
        let k = key(person);
        if let Some(&i) = self.index.get(&k) {
            return self.entries[i].0.clone();
        }
        let pseudonym = format!("Person {}", self.entries.len() + 1);
        let clean = person.split_whitespace().collect::<Vec<_>>().join(" ");
        self.index.insert(k, self.entries.len());
        self.entries.push((pseudonym.clone(), clean));
        pseudonym
    }

    /// Rewrites `m` so that no person's name is left in it: each person party is renamed to
    /// its pseudonym (with its title, if any), and every text that can quote a name (notes,
    /// unreadable cells, task context) has the names replaced. `roster` names not in the
    /// matrix get pseudonyms too, after the parties, since a note may quote them.
    pub fn apply(&mut self, m: &mut Matrix, roster: &[RosterEntry]) {
        // (text as it may be quoted, replacement): the whole header and the person alone.
        let mut swaps: Vec<(String, String)> = Vec::new();
        for party in &mut m.parties {
            if is_role(&party.name, party.title.as_deref()) {
                continue;
            }
            let person = person_part(&party.name, party.title.as_deref()).to_string();
            let pseudonym = self.of(&person);
            party.title = party
                .title
                .as_deref()
                .and_then(|t| title_without(t, &person));
            let renamed = match party.title.as_deref() {
                Some(title) => format!("{pseudonym} ({title})"),
                None => pseudonym.clone(),
            };
            swaps.push((party.name.clone(), renamed.clone()));
            swaps.push((person, pseudonym));
            party.name = renamed;
        }
        for entry in roster {
            if is_role(&entry.party, Some(&entry.title)) {
                continue;
            }
            let person = person_part(&entry.party, Some(&entry.title)).to_string();
            let pseudonym = self.of(&person);
            swaps.push((entry.party.clone(), pseudonym.clone()));
            swaps.push((person, pseudonym));
        }
        // Names already known from an earlier matrix (the old file of a diff) may be quoted
        // here too.
        for (pseudonym, name) in &self.entries {
            swaps.push((name.clone(), pseudonym.clone()));
        }
        // A name is also quoted with its new lines escaped (`{:?}` in a note) or folded to
        // spaces (a cleaned header).
        let more: Vec<(String, String)> = swaps
            .iter()
            .flat_map(|(from, to)| {
                let escaped = from.escape_debug().to_string();
                let spaced = from.split_whitespace().collect::<Vec<_>>().join(" ");
                [(escaped, to.clone()), (spaced, to.clone())]
            })
            .collect();
        swaps.extend(more);
        swaps.retain(|(from, _)| !from.trim().is_empty());
        // Longest first, so `Maria Lopez (Product Owner)` goes before `Maria Lopez`.
        swaps.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        swaps.dedup_by(|a, b| a.0 == b.0);
        let rewrite = |text: &mut String| {
            if let Cow::Owned(new) = replace_names(text, &swaps) {
                *text = new;
            }
        };
        m.notes.iter_mut().for_each(rewrite);
        m.issues.iter_mut().for_each(|i| rewrite(&mut i.raw));
        for t in &mut m.tasks {
            if let Some(context) = &mut t.context {
                rewrite(context);
            }
        }
    }

    /// The key file: `pseudonym,name`, one row per person in order of appearance, every cell
    /// guarded against formulas like the reports' CSVs.
    pub fn key_csv(&self, bom: bool) -> Vec<u8> {
        let rows = self
            .entries
            .iter()
            .map(|(pseudonym, name)| [pseudonym, name]);
        crate::report::csv_rows(&["pseudonym", "name"], rows, bom)
    }
}

impl Pseudonyms {
    /// The key of a portfolio: `team,pseudonym,name`, each team's pseudonyms its own, teams in
    /// the order given.
    pub fn teams_key_csv(teams: &[(String, Pseudonyms)], bom: bool) -> Vec<u8> {
        let rows = teams.iter().flat_map(|(team, names)| {
            names
                .entries
                .iter()
                .map(move |(pseudonym, name)| [team, pseudonym, name])
        });
        crate::report::csv_rows(&["team", "pseudonym", "name"], rows, bom)
    }
}

/// `text` with every whole-word occurrence of each `from` replaced by its `to`, in the order
/// given (longest first). A match inside a longer word (`Ana` in `Banana`) is left alone.
fn replace_names<'t>(text: &'t str, swaps: &[(String, String)]) -> Cow<'t, str> {
    let mut out: Cow<str> = Cow::Borrowed(text);
    for (from, to) in swaps {
        if !out.contains(from.as_str()) {
            continue;
        }
        let mut next = String::with_capacity(out.len());
        let mut rest: &str = &out;
        while let Some(i) = rest.find(from.as_str()) {
            let before = rest[..i].chars().next_back();
            let after = rest[i + from.len()..].chars().next();
            let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            next.push_str(&rest[..i]);
            if bounded(before) && bounded(after) {
                next.push_str(to);
            } else {
                next.push_str(from);
            }
            rest = &rest[i + from.len()..];
        }
        next.push_str(rest);
        out = Cow::Owned(next);
    }
    out
}

/// Anonymizes `m` on its own: the pseudonyms it gave.
pub fn anonymize(m: &mut Matrix, roster: &[RosterEntry]) -> Pseudonyms {
    let mut p = Pseudonyms::default();
    p.apply(m, roster);
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellIssue, CellProblem, LetterSet, Pos, Task};

    use crate::testing::party;

    #[test]
    fn roles_and_teams_are_kept_people_are_not() {
        for (name, title) in [
            ("Engineering Lead", None),
            ("Developers", None),
            ("UX Designer", None),
            ("QA", None),
            ("Product Owner", Some("Product Owner")),
            ("Head of Product", None),
            ("Chef de projet", None),
            ("Équipe Développement", None),
            ("Команда разработки", None),
            ("Team 2", None),
            ("Squad A", None),
        ] {
            assert!(is_role(name, title), "{name}");
        }
        for (name, title) in [
            ("Maria Lopez (Product Owner)", Some("Product Owner")),
            ("Tom Reed - Product Manager", Some("Product Manager")),
            ("Jane PM", Some("Jane PM")),
            ("Dev Patel", None),
            ("Tim", None),
            ("Kasun", None),
            ("Product Team Alpha", None),
        ] {
            assert!(!is_role(name, title), "{name}");
        }
    }

    fn matrix() -> Matrix {
        let issue = CellIssue {
            pos: Pos::new(3, 2),
            raw: "Maria Lopez?".into(),
            problem: CellProblem::UnknownLetter,
            task: Some(0),
            party: None,
            letters: LetterSet::EMPTY,
        };
        Matrix {
            parties: vec![
                party("Tom Reed - Product Manager", Some("Product Manager")),
                party("Developers", None),
                party("Maria Lopez (Product Owner)", Some("Product Owner")),
                party("maria  lopez", None),
                party("Jane PM", Some("Jane PM")),
            ],
            tasks: vec![Task {
                name: "Review with Maria".into(),
                group: Some("Tom's group".into()),
                context: Some("Owner: Tom Reed".into()),
                pos: Pos::default(),
                side_override: None,
                assignments: Vec::new(),
            }],
            issues: vec![issue],
            notes: vec![
                "Parties: \"Tom Reed - Product Manager\", Developers, Maria Lopez (Product Owner); Tomas stays.".into(),
                "Roster: Ana Ruiz has no column.".into(),
            ],
            ..Matrix::default()
        }
    }

    #[test]
    fn people_get_pseudonyms_in_order_and_titles_stay() {
        let mut m = matrix();
        let roster = vec![
            RosterEntry {
                party: "Ana Ruiz".into(),
                title: "Designer".into(),
            },
            RosterEntry {
                party: "Support Desk".into(),
                title: "Support".into(),
            },
        ];
        let p = anonymize(&mut m, &roster);
        let names: Vec<&str> = m.parties.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Person 1 (Product Manager)",
                "Developers",
                "Person 2 (Product Owner)",
                "Person 2",
                "Person 3 (PM)"
            ]
        );
        assert_eq!(m.parties[4].title.as_deref(), Some("PM"));
        assert_eq!(m.parties[0].title.as_deref(), Some("Product Manager"));
        assert_eq!(
            p.pairs(),
            [
                ("Person 1".to_string(), "Tom Reed".to_string()),
                ("Person 2".to_string(), "Maria Lopez".to_string()),
                ("Person 3".to_string(), "Jane PM".to_string()),
                ("Person 4".to_string(), "Ana Ruiz".to_string()),
            ]
        );
        assert_eq!(
            m.notes,
            [
                "Parties: \"Person 1 (Product Manager)\", Developers, Person 2 (Product Owner); Tomas stays.",
                "Roster: Person 4 has no column."
            ]
        );
        assert_eq!(m.issues[0].raw, "Person 2?");
        assert_eq!(m.tasks[0].context.as_deref(), Some("Owner: Person 1"));
        // Task names and groups are kept.
        assert_eq!(m.tasks[0].name, "Review with Maria");
        assert_eq!(m.tasks[0].group.as_deref(), Some("Tom's group"));
        assert_eq!(
            String::from_utf8(p.key_csv(false)).unwrap(),
            "pseudonym,name\nPerson 1,Tom Reed\nPerson 2,Maria Lopez\nPerson 3,Jane PM\nPerson 4,Ana Ruiz\n"
        );
    }

    #[test]
    fn one_table_over_two_matrices_keeps_each_person_one_pseudonym() {
        let mut a = matrix();
        let mut b = matrix();
        b.parties.swap(0, 2);
        b.parties.push(party("Zoe Kim", None));
        let mut p = Pseudonyms::default();
        p.apply(&mut a, &[]);
        p.apply(&mut b, &[]);
        assert_eq!(b.parties[0].name, "Person 2 (Product Owner)");
        assert_eq!(b.parties[2].name, "Person 1 (Product Manager)");
        assert_eq!(b.parties[5].name, "Person 4");
        assert_eq!(p.pairs().len(), 4);
    }

    #[test]
    fn whole_words_only() {
        let swaps = vec![("Ana".to_string(), "Person 1".to_string())];
        assert_eq!(
            replace_names("Ana, Banana, Ana.", &swaps),
            "Person 1, Banana, Person 1."
        );
        assert!(matches!(replace_names("nothing", &swaps), Cow::Borrowed(_)));
    }
}
