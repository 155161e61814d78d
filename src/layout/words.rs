//! Words that tell a party from a task: role and team nouns (`Product Owner`, `Équipe`),
//! activity verbs (`Define`, `Développer`) and activity noun endings (`-tion`, `-ung`), in the
//! six languages the reader knows (English, French, Spanish, Portuguese, German, Italian)
//! plus Dutch. The scorer uses them to ask whether a reading's party headers read like names,
//! roles or teams and its task cells like activities; the wide reader uses the verbs to keep a
//! task nobody holds apart from a group label.
//!
//! Written by hand: no crate holds a lexicon of RACI vocabulary, and these lists are small.

use super::grid::fold;
use crate::model::{parse_cell, CellParse, Scheme, SchemeName};

/// Verbs that open task names in RACI matrices ("Plan launch webinar", "Write release
/// notes"). Words that also name phases on their own (Launch, Release, Design, Test, Build)
/// are left out, so "Launch activities" stays a group; [`ACTIVITY_VERBS`] has them.
pub(crate) const TASK_VERBS: &[&str] = &[
    "accept",
    "agree",
    "align",
    "analyse",
    "analyze",
    "approve",
    "assess",
    "check",
    "collect",
    "communicate",
    "conduct",
    "coordinate",
    "create",
    "decide",
    "define",
    "deliver",
    "document",
    "draft",
    "ensure",
    "estimate",
    "facilitate",
    "gather",
    "hire",
    "hold",
    "host",
    "identify",
    "implement",
    "interview",
    "maintain",
    "manage",
    "map",
    "measure",
    "monitor",
    "negotiate",
    "organise",
    "organize",
    "plan",
    "prepare",
    "present",
    "prioritise",
    "prioritize",
    "publish",
    "refine",
    "remove",
    "report",
    "review",
    "run",
    "schedule",
    "send",
    "set",
    "sign",
    "track",
    "train",
    "update",
    "validate",
    "verify",
    "write",
];

/// More verbs that open activities, beyond [`TASK_VERBS`]: phase words included, and the
/// infinitives of the other languages (accents dropped, as [`fold`] writes them).
const ACTIVITY_VERBS: &[&str] = &[
    // English
    "add",
    "analyse",
    "apply",
    "archive",
    "assemble",
    "assign",
    "audit",
    "automate",
    "book",
    "build",
    "buy",
    "calculate",
    "change",
    "choose",
    "clean",
    "close",
    "code",
    "compile",
    "complete",
    "configure",
    "confirm",
    "construct",
    "contact",
    "debug",
    "deploy",
    "design",
    "determine",
    "develop",
    "draw",
    "edit",
    "establish",
    "evaluate",
    "execute",
    "export",
    "finalise",
    "finalize",
    "find",
    "fix",
    "form",
    "generate",
    "give",
    "handle",
    "import",
    "improve",
    "install",
    "integrate",
    "investigate",
    "keep",
    "launch",
    "make",
    "meet",
    "migrate",
    "notify",
    "obtain",
    "onboard",
    "operate",
    "optimise",
    "optimize",
    "order",
    "perform",
    "print",
    "procure",
    "produce",
    "promote",
    "propose",
    "provide",
    "purchase",
    "receive",
    "record",
    "recruit",
    "register",
    "release",
    "repair",
    "replace",
    "request",
    "research",
    "resolve",
    "respond",
    "secure",
    "select",
    "setup",
    "share",
    "ship",
    "specify",
    "start",
    "submit",
    "survey",
    "test",
    "translate",
    "upgrade",
    "upload",
    "use",
    // French
    "acheter",
    "analyser",
    "animer",
    "assurer",
    "choisir",
    "concevoir",
    "configurer",
    "contacter",
    "coordonner",
    "corriger",
    "creer",
    "definir",
    "deployer",
    "developper",
    "documenter",
    "ecrire",
    "effectuer",
    "elaborer",
    "etablir",
    "evaluer",
    "faire",
    "former",
    "gerer",
    "identifier",
    "installer",
    "livrer",
    "mettre",
    "organiser",
    "planifier",
    "preparer",
    "presenter",
    "realiser",
    "recueillir",
    "rediger",
    "suivre",
    "tester",
    "valider",
    "verifier",
    // Spanish
    "analizar",
    "aprobar",
    "comprar",
    "coordinar",
    "crear",
    "desarrollar",
    "disenar",
    "elaborar",
    "entregar",
    "establecer",
    "evaluar",
    "gestionar",
    "implementar",
    "instalar",
    "planificar",
    "probar",
    "realizar",
    "revisar",
    "validar",
    // Portuguese
    "analisar",
    "aprovar",
    "avaliar",
    "coordenar",
    "criar",
    "desenvolver",
    "gerenciar",
    "planejar",
    "testar",
    // German
    "abstimmen",
    "analysieren",
    "beschaffen",
    "bereitstellen",
    "definieren",
    "dokumentieren",
    "durchfuhren",
    "entwickeln",
    "erstellen",
    "freigeben",
    "installieren",
    "koordinieren",
    "planen",
    "prufen",
    "testen",
    "umsetzen",
    // Italian
    "analizzare",
    "approvare",
    "consegnare",
    "definire",
    "gestire",
    "pianificare",
    "preparare",
    "progettare",
    "realizzare",
    "rivedere",
    "sviluppare",
    "valutare",
];

/// Nouns for people, roles, teams and bodies (accents dropped, lower case). A header holding
/// one of them names a party.
const ROLE_WORDS: &[&str] = &[
    // English
    "accountant",
    "admin",
    "administrator",
    "agent",
    "analyst",
    "architect",
    "assistant",
    "auditor",
    "authority",
    "board",
    "bodies",
    "body",
    "ceo",
    "cfo",
    "champion",
    "chief",
    "cio",
    "client",
    "clients",
    "committee",
    "consultant",
    "consultants",
    "contractor",
    "coo",
    "coordinator",
    "council",
    "cpo",
    "cto",
    "customer",
    "customers",
    "dealership",
    "dealerships",
    "department",
    "designer",
    "designers",
    "developer",
    "developers",
    "devops",
    "director",
    "engineer",
    "engineers",
    "executive",
    "executives",
    "expert",
    "experts",
    "founder",
    "group",
    "guild",
    "head",
    "hr",
    "intern",
    "investor",
    "investors",
    "lead",
    "leader",
    "leadership",
    "management",
    "manager",
    "managers",
    "master",
    "member",
    "members",
    "office",
    "officer",
    "ops",
    "owner",
    "owners",
    "partner",
    "partners",
    "pm",
    "pmo",
    "po",
    "president",
    "qa",
    "regulator",
    "representative",
    "researcher",
    "scientist",
    "sme",
    "specialist",
    "sponsor",
    "sponsors",
    "squad",
    "staff",
    "stakeholder",
    "stakeholders",
    "steward",
    "supplier",
    "suppliers",
    "team",
    "teams",
    "tester",
    "testers",
    "trainer",
    "user",
    "users",
    "vendor",
    "vendors",
    "vp",
    "writer",
    // French
    "administrateur",
    "analyste",
    "chef",
    "commanditaire",
    "comite",
    "concepteur",
    "developpeur",
    "developpeurs",
    "directeur",
    "directrice",
    "direction",
    "equipe",
    "fournisseur",
    "gestionnaire",
    "ingenieur",
    "membre",
    "membres",
    "moa",
    "moe",
    "prestataire",
    "rssi",
    "stagiaire",
    "technicien",
    "testeur",
    "utilisateur",
    "utilisateurs",
    // Spanish and Portuguese
    "analista",
    "arquitecto",
    "arquiteto",
    "cliente",
    "coordenador",
    "coordinador",
    "desarrollador",
    "desenvolvedor",
    "disenador",
    "diretor",
    "dono",
    "dueno",
    "encargado",
    "engenheiro",
    "equipo",
    "equipe",
    "fornecedor",
    "gerente",
    "gestor",
    "ingeniero",
    "jefe",
    "lider",
    "miembro",
    "patrocinador",
    "proveedor",
    "tecnico",
    "usuario",
    // German
    "abteilung",
    "architekt",
    "auftraggeber",
    "berater",
    "entwickler",
    "fachbereich",
    "geschaftsfuhrung",
    "kunde",
    "leiter",
    "leitung",
    "lieferant",
    "mitarbeiter",
    "projektleitung",
    "vorstand",
    // Italian
    "architetto",
    "capo",
    "committente",
    "coordinatore",
    "direttore",
    "fornitore",
    "ingegnere",
    "referente",
    "sviluppatore",
    "utente",
    // Dutch
    "beheerder",
    "eigenaar",
    "klant",
    "leverancier",
    "medewerker",
    "ontwikkelaar",
];

/// Endings of nouns that name an activity (`Planning`, `Validation`, `Abnahme`).
const ACTIVITY_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ing", "ysis", "ance", "ence", "cion", "cao", "zione", "mento",
    "miento", "ung", "nahme", "age", "agem",
];

/// The words of a text, folded (lower case, accents dropped).
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `1.1.2 Define scope` -> `Define scope`; `a) Plan` -> `Plan`.
fn strip_numbering(text: &str) -> &str {
    let t = text.trim();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | '-'));
    if rest.len() < t.len() && rest.starts_with([' ', '\t']) {
        return rest.trim_start();
    }
    t
}

/// Whether a text opens with an activity verb (`Define the scope`, `Developing`, `Créer`).
pub(crate) fn starts_with_verb(text: &str) -> bool {
    let Some(first) = words(strip_numbering(text)).into_iter().next() else {
        return false;
    };
    if TASK_VERBS.contains(&first.as_str()) || ACTIVITY_VERBS.contains(&first.as_str()) {
        return true;
    }
    // `Defining`, `Testing`: the -ing form of a verb in the lists.
    first.strip_suffix("ing").is_some_and(|stem| {
        [stem.to_string(), format!("{stem}e")]
            .iter()
            .any(|s| TASK_VERBS.contains(&s.as_str()) || ACTIVITY_VERBS.contains(&s.as_str()))
    })
}

/// Whether a text holds a role, team or body noun (`Scrum Master`, `Chef de projet`).
pub(crate) fn has_role_word(text: &str) -> bool {
    words(text).iter().any(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// Whether a text holds a noun that names an activity (`Release Planning`).
fn has_activity_noun(text: &str) -> bool {
    words(text)
        .iter()
        .any(|w| w.len() > 5 && ACTIVITY_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// `Karan (Project Manager)`, `Ana - PO`: a name with its role.
fn name_with_role(text: &str) -> bool {
    let t = text.trim();
    (t.ends_with(')') && t.contains(" (")) || t.contains(" - ") && t.len() <= 60
}

/// Fewest words that sentence punctuation makes a sentence of: `Product Owner 1.` and
/// `Ent. Security` are names with a stray or abbreviating full stop.
const SENTENCE_MIN_WORDS: usize = 4;

/// A sentence rather than a name: many words, or several words with sentence punctuation,
/// or a label that introduces something (`Notes:`).
fn sentence(text: &str) -> bool {
    let t = text.trim();
    let n = t.split_whitespace().count();
    n > 7
        || t.chars().count() > 70
        || t.ends_with(':')
        || n >= SENTENCE_MIN_WORDS && (t.contains(". ") || t.ends_with(['.', '?', '!']))
}

/// Letter codes or a "not involved" mark: `R`, `A/R`, `-`, `N/A`. Short texts only: a word
/// such as `Information` or `Support` is a letter in a cell but a fine task or team name.
fn is_letters(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    let loose = Scheme::named(SchemeName::Rasci);
    n == 1
        || n <= 6
            && matches!(
                parse_cell(t, &loose),
                CellParse::Letters(_) | CellParse::Empty
            )
}

/// Month names and their usual abbreviations in the seven languages, folded: a date written
/// out (`April 1, 2024`, `1. März 2024`, `1 de abril de 2024`) is told from a task by them.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    // English
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
    // French
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
    "octobre", "novembre", "decembre", "janv", "fevr", "avr", "juil",
    // German
    "januar", "janner", "februar", "marz", "maerz", "juni", "juli", "oktober", "dezember",
    "okt", "dez",
    // Spanish
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic",
    // Italian
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre", "gen", "mag", "giu", "lug", "set", "ott",
    // Portuguese
    "janeiro", "fevereiro", "marco", "maio", "junho", "julho", "setembro", "outubro",
    "novembro", "dezembro", "fev", "out",
    // Dutch
    "januari", "februari", "maart", "mei", "augustus", "mrt",
];

/// Words a written-out date holds besides its month and numbers: `1 de abril`, `the 1st of
/// May`, a time's `AM`.
const DATE_FILLERS: &[&str] = &["de", "del", "of", "the", "am", "pm", "um", "h"];

/// A date or a date and time written as text, as CSV exports and text cells hold them:
/// `April 1, 2024`, `March 1, 2024 9:10 AM`, `1. März 2024`, `01/04/2024`, `2024-03-01
/// 10:22`. Such a column holds due dates or timestamps, never task names, though each cell
/// is distinct and some read like a few words. Numbers alone (`1.1.2`, a WBS id) are not
/// dates: a numeric date needs a `/` or a four-digit year.
pub(crate) fn date_like(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 40 || !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let (mut month, mut short_month, mut year) = (false, false, false);
    let mut numeric_date = false;
    for token in t.split_whitespace() {
        let token = token.trim_end_matches([',', '.']);
        if token.contains(':') {
            // A time: `9:10`, `10:22:05`.
            if !token.chars().all(|c| c.is_ascii_digit() || c == ':') {
                return false;
            }
            continue;
        }
        // Three numbers between `/`, `.` or `-`, read in one pass without collecting (this
        // runs on every text of a task column).
        let (mut count, mut digits_only, mut four) = (0, true, false);
        for part in token.split(['/', '.', '-']) {
            count += 1;
            digits_only &=
                (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
            four |= part.len() == 4;
        }
        if count == 3 && digits_only {
            numeric_date |= token.contains('/') || four;
            continue;
        }
        let digits = token.trim_end_matches(|c: char| c.is_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 4 {
            // `1`, `2024`, `1st`, `2nd`, `1er`.
            if token.chars().count() - digits.len() <= 2 {
                year |= digits.len() == 4;
                continue;
            }
            return false;
        }
        // Only a word of letters can be a month: folded only when it is not plain ASCII.
        let is = |list: &[&str]| {
            if token.is_ascii() {
                list.iter().any(|w| w.eq_ignore_ascii_case(token))
            } else {
                list.contains(&fold(token).as_str())
            }
        };
        if is(MONTHS) {
            month = true;
            // `Set`, `Gen`, `Mag`, `Out`, `Ago`, `Mar`: abbreviations that are words too.
            short_month |= token.chars().count() <= 4;
        } else if !is(DATE_FILLERS) {
            return false;
        }
    }
    // A month abbreviation dates a text only beside a year: `Set 2 of 3` is no date.
    month && (!short_month || year) || numeric_date
}

/// Ids, numbers and dates: `1.2`, `2024`, `12/03`.
fn is_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | ':' | ' '))
}

/// How much a party header reads like a person, a role or a team (1) rather than a letter,
/// a number, a sentence or an activity (near 0).
pub(crate) fn party_likeness(name: &str) -> f64 {
    let t = name.trim();
    if t.is_empty() || is_letters(t) {
        return 0.0;
    }
    if is_number(t) || date_like(t) {
        return 0.05;
    }
    if sentence(t) {
        return 0.1;
    }
    let verb = starts_with_verb(t);
    if (has_role_word(t) || name_with_role(t)) && !verb {
        return 1.0;
    }
    if verb {
        return 0.3;
    }
    if has_activity_noun(t) && t.split_whitespace().count() >= 2 {
        return 0.55;
    }
    if person_name(t) {
        return 0.95;
    }
    0.7
}

/// Words that name a group of parties or an environment, not a person: a band label made of
/// them (`Core`, `Internal`, `Prod`, `Business`) groups the columns under it.
const BAND_WORDS: &[&str] = &[
    "all",
    "business",
    "core",
    "dev",
    "development",
    "external",
    "interne",
    "internal",
    "externe",
    "it",
    "non",
    "other",
    "others",
    "partner",
    "partners",
    "preprod",
    "prod",
    "production",
    "qa",
    "sales",
    "shared",
    "staging",
    "support",
    "test",
    "uat",
];

/// A person's name, not a role, a team, an activity or a band of parties (`Ann`, `Maria
/// Lopez`; not `Core team`, `Finance`, `Prod`).
pub(crate) fn reads_as_person(text: &str) -> bool {
    let t = text.trim();
    person_name(t)
        && !has_role_word(t)
        && !has_activity_noun(t)
        && !words(t).iter().any(|w| BAND_WORDS.contains(&w.as_str()))
}

/// `Ann`, `Maria Lopez`, `Jean-Luc Picard`: one to three capitalised words of letters.
fn person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
}

/// How much a lone verb (`Testing`) reads like an activity: less than a verb with its object.
const SINGLE_VERB_LIKENESS: f64 = 0.85;

/// How much a task cell reads like an activity (1) rather than a person or role, a letter or
/// nothing (near 0).
pub(crate) fn activity_likeness(name: &str) -> f64 {
    let t = strip_numbering(name);
    if t.is_empty() {
        return 0.3;
    }
    // The whole text: numbering stripped from `2024-03-01 10:22` leaves a time.
    if is_letters(t) || date_like(name) {
        return 0.1;
    }
    let n = t.split_whitespace().count();
    if starts_with_verb(t) {
        // A verb alone (`Planning`, `Testing`) names a phase or an area as often as an
        // activity; a verb with its object (`Plan the release`) is an activity.
        return if n >= 2 { 1.0 } else { SINGLE_VERB_LIKENESS };
    }
    if (has_role_word(t) || name_with_role(t)) && n <= 5 && !has_activity_noun(t) {
        return 0.25;
    }
    if has_activity_noun(t) {
        return 0.9;
    }
    if n >= 3 {
        return 0.8;
    }
    0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_teams_and_people_read_as_parties() {
        for name in [
            "Product Owner",
            "Scrum Team Member",
            "Marketing Team",
            "Chef de Projet",
            "Développeur Back-End",
            "Karan (Project Manager)",
            "Jefe de proyecto",
            "Projektleitung",
        ] {
            assert_eq!(party_likeness(name), 1.0, "{name}");
        }
        assert_eq!(party_likeness("Ann"), 0.95);
        assert_eq!(party_likeness("Maria Lopez"), 0.95);
        assert_eq!(party_likeness("web team lead x2"), 1.0);
        assert_eq!(party_likeness("tbd later"), 0.7);
        for name in [
            "R",
            "A/R",
            "-",
            "12",
            "These records were submitted by a taxi firm.",
        ] {
            assert!(party_likeness(name) <= 0.1, "{name}");
        }
        assert!(party_likeness("Create Workspace") < 0.5);
        // A stray or abbreviating full stop in a short name is no sentence (found by
        // props::random_matrices_survive_csv: a sheet whose headers all end in one read
        // as transposed).
        assert_eq!(party_likeness("Product Owner 1."), 1.0);
        assert!(party_likeness("Ent. Security") >= 0.7);
        assert!(party_likeness("Notes:") <= 0.1);
        assert!(party_likeness("Who signs it off?") <= 0.1);
    }

    #[test]
    fn dates_written_as_text() {
        for date in [
            "April 1, 2024",
            "March 1, 2024 9:10 AM",
            "1. März 2024",
            "1 de abril de 2024",
            "12 settembre 2024",
            "1er avril 2024",
            "01/04/2024",
            "4/1/24",
            "2024-03-01 10:22",
            "31.12.2024",
            "Mei 3, 2025",
        ] {
            assert!(date_like(date), "{date}");
            assert!(activity_likeness(date) <= 0.1, "{date}");
            assert!(party_likeness(date) <= 0.1, "{date}");
        }
        for other in [
            "1.1.2",
            "2024",
            "Sprint 14",
            "Plan the May release",
            "March madness 2024",
            "Set 2 of 3",
            "Gen 2",
            "Release 2.0",
            "Q3 2024",
            "May",
            "Review 3 mars",
        ] {
            assert!(!date_like(other), "{other}");
        }
    }

    #[test]
    fn activities_read_as_tasks() {
        for name in [
            "Define the scope",
            "1.1.2 Document project stakeholders",
            "Testing the build",
            "Créer la maquette",
            "Analyze Excel",
        ] {
            assert_eq!(activity_likeness(name), 1.0, "{name}");
        }
        assert!(activity_likeness("Release Planning") >= 0.9);
        // A verb alone names a phase as often as an activity.
        assert!(activity_likeness("Planning") < activity_likeness("Plan the release"));
        assert!(activity_likeness("Testing") > activity_likeness("Docs"));
        assert!(activity_likeness("Agile Product Manager") < 0.3);
        assert!(activity_likeness("C") < 0.2);
    }

    #[test]
    fn people_are_not_bands() {
        for name in ["Ann", "Maria Lopez", "Jean-Luc Picard"] {
            assert!(reads_as_person(name), "{name}");
        }
        for name in [
            "Core team",
            "IT/Development",
            "Executive Leadership",
            "Finance",
            "Prod",
            "Non-Prod",
            "Internal",
            "Requirement Gathering",
            "project lead",
        ] {
            assert!(!reads_as_person(name), "{name}");
        }
    }

    #[test]
    fn numbering_is_not_the_first_word() {
        assert_eq!(
            strip_numbering("2.3 Resource management"),
            "Resource management"
        );
        assert_eq!(strip_numbering("1. Plan"), "Plan");
        assert_eq!(strip_numbering("2024"), "2024");
    }
}
