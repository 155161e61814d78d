//! A finding's message as a template and its arguments, for `report.json` (schema 4).
//!
//! On a 50,000 x 30 matrix with 145,000 findings the messages were two thirds of the file:
//! each names its task and parties in full ("Task \"Plan business KPIs #2\" has 3 Accountables
//! (Engineering Lead, Developers 2 and Architect 2); ..."). Here the names and numbers are cut
//! out of the text, leaving a template that a whole rule's findings share
//! (`Task "{task}" has {n} Accountables ({p}, {p} and {p}); ...`), listed once; a finding
//! keeps only the template's index and the arguments (indices and numbers).
//!
//! Nothing is lost: the message is the template with each placeholder replaced by what it
//! stands for, byte for byte, whatever the rule wrote (the rules keep writing plain
//! sentences; a new rule needs nothing here). `docs/report-schema.md` says how to rebuild it.

/// What a placeholder stands for; the ones with a value are written as the finding's
/// message arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arg {
    /// `{t}`: the name of the task with this index.
    Task(usize),
    /// `{p}`: the name of the party with this index.
    Party(usize),
    /// `{n}`: this whole number, in decimal.
    Number(u64),
}

impl Arg {
    pub(crate) fn value(self) -> u64 {
        match self {
            Arg::Task(i) | Arg::Party(i) => i as u64,
            Arg::Number(n) => n,
        }
    }
}

/// A name cut out of messages, and what stands in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// `{task}`, the finding's own task: needs no argument.
    OwnTask,
    /// `{party}`, the finding's own party.
    OwnParty,
    /// `{cell}`, the finding's own cell as a full reference (`team.xlsx[RACI]!D7`).
    OwnCell,
    Task(usize),
    Party(usize),
}

/// The longest digit run read as a number: 15 digits stay exact in every JSON reader
/// (JavaScript's numbers are exact up to 2^53).
const MAX_DIGITS: usize = 15;

/// The party names of a matrix, found in messages by their first byte.
pub(crate) struct PartyNames<'a> {
    by_first_byte: ByFirstByte<'a>,
}

impl<'a> PartyNames<'a> {
    pub(crate) fn new(names: impl IntoIterator<Item = &'a str>) -> PartyNames<'a> {
        PartyNames {
            // Names that are never cut out are left out once here, not at every place.
            by_first_byte: by_first_byte(names.into_iter().enumerate().filter(|(_, n)| cut_out(n))),
        }
    }
}

/// Names grouped by first byte, longest first so a longer name wins (`Developers 2` over
/// `Developers`); empty names are never cut out. Indexed by the byte, not hashed: it is
/// looked up at every position of every message (some 20 million times on 145,000 findings).
struct ByFirstByte<'a> {
    /// 256 lists, or none at all when there are no names.
    lists: Vec<Vec<(usize, &'a str)>>,
}

impl<'a> ByFirstByte<'a> {
    fn get(&self, byte: u8) -> &[(usize, &'a str)] {
        self.lists.get(usize::from(byte)).map_or(&[], Vec::as_slice)
    }
}

fn by_first_byte<'a>(names: impl Iterator<Item = (usize, &'a str)>) -> ByFirstByte<'a> {
    let mut lists: Vec<Vec<(usize, &'a str)>> = Vec::new();
    for (i, name) in names {
        if let Some(&b) = name.as_bytes().first() {
            if lists.is_empty() {
                lists.resize_with(256, Vec::new);
            }
            lists[usize::from(b)].push((i, name));
        }
    }
    for list in &mut lists {
        // Stable: among equal lengths the first listed (lowest index) is tried first.
        list.sort_by_key(|(_, name)| std::cmp::Reverse(name.len()));
    }
    ByFirstByte { lists }
}

/// What a finding names, besides the matrix's parties.
pub(crate) struct Subject<'a> {
    pub task: Option<&'a str>,
    pub party: Option<&'a str>,
    /// The finding's cell as a full reference (`team.xlsx[RACI]!D7`).
    pub cell: Option<&'a str>,
    /// The finding's related tasks, as (index, name).
    pub related: &'a [(usize, &'a str)],
}

/// Whether `name` found at `text[start..end]` stands as a whole: not the middle of a word
/// (a party `Dev` inside `Developers`). A name that begins or ends with a mark is whole there.
fn whole(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let name = &text[start..end];
    let before_ok = !alnum(name.chars().next()) || !alnum(text[..start].chars().next_back());
    let after_ok = !alnum(name.chars().next_back()) || !alnum(text[end..].chars().next());
    before_ok && after_ok
}

/// Whether a name is cut out of messages where it stands whole. A name of one or two
/// characters, or of marks only, is often a word of the rules' own text too (`PO` in "3
/// PO-side tasks", `A` in "holds the A"): cut out there, the template would say that the
/// finding names that party. It stays text instead, which comes back just as exactly.
fn cut_out(name: &str) -> bool {
    name.chars().nth(2).is_some() && name.chars().any(char::is_alphanumeric)
}

/// `message` as a template and its arguments. Placeholders: `{task}`, `{party}` and
/// `{cell}` (the finding's own task, party and full cell reference), `{t}` and `{p}` (a task
/// or party named by the next argument), `{n}` (a number, the next argument); `{{` and `}}`
/// are literal braces.
pub(crate) fn template<'a>(
    message: &str,
    subject: &Subject<'a>,
    parties: &PartyNames,
) -> (String, Vec<Arg>) {
    let mut out = String::with_capacity(message.len());
    let mut args = Vec::new();
    let bytes = message.as_bytes();
    let related = Related::new(message, subject.related);
    let own = |name: Option<&'a str>| name.filter(|n| present(message, n));
    let subject = &Subject {
        task: own(subject.task),
        party: own(subject.party),
        cell: own(subject.cell),
        related: subject.related,
    };
    let mut i = 0;
    while i < message.len() {
        let b = bytes[i];
        if let Some((slot, len)) = longest_name(message, i, subject, &related, parties) {
            match slot {
                Slot::OwnTask => out.push_str("{task}"),
                Slot::OwnParty => out.push_str("{party}"),
                Slot::OwnCell => out.push_str("{cell}"),
                Slot::Task(t) => {
                    out.push_str("{t}");
                    args.push(Arg::Task(t));
                }
                Slot::Party(p) => {
                    out.push_str("{p}");
                    args.push(Arg::Party(p));
                }
            }
            i += len;
            continue;
        }
        if b.is_ascii_digit() {
            let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let digits = &message[i..i + len];
            match digits.parse::<u64>() {
                // A leading zero (`007`) would not come back from the number.
                Ok(n) if len <= MAX_DIGITS && (len == 1 || b != b'0') => {
                    out.push_str("{n}");
                    args.push(Arg::Number(n));
                }
                _ => out.push_str(digits),
            }
            i += len;
            continue;
        }
        let c = message[i..].chars().next().unwrap_or_default();
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            _ => out.push(c),
        }
        i += c.len_utf8().max(1);
    }
    (out, args)
}

/// A finding's related tasks that its message names, sorted by name, each name once with the
/// first task the finding lists under it, so that each place of a message finds the names
/// starting there by binary search. Rules' messages name a few related tasks today (O003 at
/// most six), but a message may hold many short names, and trying each at every place of it
/// would be names times places. A crate of multi-pattern search would do it too; this is a
/// sort and a loop, on data already in hand.
struct Related<'a>(Vec<(&'a str, usize)>);

impl<'a> Related<'a> {
    /// Only the names `message` holds ([`present`]): a rule that relates thousands of tasks
    /// (a lone Accountable's, an uncovered duty's) names few or none of them, and sorting
    /// names no place can hold was most of the work.
    fn new(message: &str, related: &[(usize, &'a str)]) -> Related<'a> {
        let mut names: Vec<(&'a str, usize)> = related
            .iter()
            .filter(|(_, n)| present(message, n))
            .map(|&(i, n)| (n, i))
            .collect();
        // Stable, so among equal names the one the finding lists first is kept.
        names.sort_by(|a, b| a.0.cmp(b.0));
        names.dedup_by(|later, kept| later.0 == kept.0);
        Related(names)
    }

    /// The longest related name that starts at `at` and stands whole there: (task, length).
    /// Each step takes the greatest name not above what is left to match; if it is a prefix
    /// of the text there, it is the longest one left (names are distinct); if not, any
    /// shorter prefix must also be a prefix of their common part, so the search narrows to
    /// it. The part to match shrinks at every step.
    fn longest_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let mut left = &text.as_bytes()[at..];
        loop {
            let p = self.0.partition_point(|(n, _)| n.as_bytes() <= left);
            let &(name, task) = self.0.get(p.checked_sub(1)?)?;
            let name = name.as_bytes();
            let common = name.iter().zip(left).take_while(|(a, b)| a == b).count();
            if common < name.len() {
                left = &left[..common];
            } else if whole(text, at, at + name.len()) {
                return Some((task, name.len()));
            } else {
                left = &left[..name.len().checked_sub(1)?];
            }
        }
    }
}

/// Whether `name` can be cut out of `message` at all: it is cut out ([`cut_out`]) and the
/// message contains it. Asked once for the finding's own task, party and cell, so that the
/// message's places do not try a name it does not hold.
fn present(message: &str, name: &str) -> bool {
    cut_out(name) && message.contains(name)
}

/// The longest whole name starting at `at`, the finding's own task, party and cell winning a
/// tie. `subject`'s own names are those the message holds and that are cut out (see
/// [`present`]), `related` and `parties` only names that are cut out, so each place of the
/// message tries the few names that can stand there.
fn longest_name(
    text: &str,
    at: usize,
    subject: &Subject,
    related: &Related,
    parties: &PartyNames,
) -> Option<(Slot, usize)> {
    let rest = &text[at..];
    let first = *rest.as_bytes().first()?;
    let fits = |name: &str| rest.starts_with(name) && whole(text, at, at + name.len());
    let related = related
        .longest_at(text, at)
        .map(|(i, len)| (Slot::Task(i), len));
    let party = parties
        .by_first_byte
        .get(first)
        .iter()
        .find(|(_, n)| fits(n))
        .map(|&(i, n)| (Slot::Party(i), n.len()));
    let own = |name: Option<&str>, slot: Slot| name.filter(|n| fits(n)).map(|n| (slot, n.len()));
    let candidates = [
        own(subject.task, Slot::OwnTask),
        own(subject.party, Slot::OwnParty),
        own(subject.cell, Slot::OwnCell),
        related,
        party,
    ];
    // `max_by_key` keeps the last of equal keys: reversed, the first of them.
    candidates
        .into_iter()
        .flatten()
        .rev()
        .max_by_key(|&(_, len)| len)
}

/// The message a template and its arguments stand for; `None` when they do not fit (an
/// unknown placeholder, an argument missing or left over, an index out of range).
#[cfg(test)]
pub(crate) fn render(
    template: &str,
    args: &[u64],
    own: [Option<&str>; 3],
    tasks: &[&str],
    parties: &[&str],
) -> Option<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("{{") {
            out.push('{');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("}}") {
            out.push('}');
            rest = r;
        } else if c == '{' {
            let end = rest.find('}')?;
            let mut index = || args.next().map(|&a| a as usize);
            match &rest[1..end] {
                "task" => out.push_str(own[0]?),
                "party" => out.push_str(own[1]?),
                "cell" => out.push_str(own[2]?),
                "t" => out.push_str(tasks.get(index()?)?),
                "p" => out.push_str(parties.get(index()?)?),
                "n" => out.push_str(&args.next()?.to_string()),
                _ => return None,
            }
            rest = &rest[end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    args.next().is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTIES: [&str; 5] = [
        "Dev",
        "Developers",
        "Developers 2",
        "Product Owner",
        "QA {x}",
    ];

    /// The related names are found by narrowing a binary search: the longest whole one wins,
    /// a longer one that is not whole there gives way to a shorter, equal names keep the first
    /// task listed, and names that only begin a word are not cut out of it.
    #[test]
    fn related_names_are_found_longest_whole_first() {
        let text = "Plan launch webinars, Plan launch webinar, Planning, Plan.";
        let related = Related::new(
            text,
            &[
                (4, "Plan launch webinar"),
                (2, "Plan launch"),
                (7, "Plan"),
                (5, "Plan launch"),
                (1, "Pricing"),
            ],
        );
        assert_eq!(related.longest_at(text, 0), Some((2, 11)));
        let second = text.find("Plan launch webinar,").unwrap();
        assert_eq!(related.longest_at(text, second), Some((4, 19)));
        assert_eq!(
            related.longest_at(text, text.find("Planning").unwrap()),
            None
        );
        assert_eq!(
            related.longest_at(text, text.rfind("Plan").unwrap()),
            Some((7, 4))
        );
        assert_eq!(related.longest_at(text, 1), None);
        assert_eq!(Related::new(text, &[]).longest_at(text, 0), None);
    }

    fn round_trip(message: &str, task: Option<&str>, related: &[(usize, &str)]) -> String {
        let parties = PartyNames::new(PARTIES);
        let subject = Subject {
            task,
            party: Some("Product Owner"),
            cell: Some("team.xlsx[RACI]!D7"),
            related,
        };
        let (template, args) = template(message, &subject, &parties);
        let values: Vec<u64> = args.iter().map(|a| a.value()).collect();
        let mut tasks = vec!["?"; 10];
        for &(i, n) in related {
            tasks[i] = n;
        }
        let own = [task, Some("Product Owner"), Some("team.xlsx[RACI]!D7")];
        let back = render(&template, &values, own, &tasks, &PARTIES);
        assert_eq!(back.as_deref(), Some(message), "{template}");
        template
    }

    #[test]
    fn names_and_numbers_are_cut_out_and_come_back() {
        let t = round_trip(
            "Task \"Plan #2\" has 3 Accountables (Developers 2, Developers and Dev).",
            Some("Plan #2"),
            &[],
        );
        assert_eq!(
            t,
            "Task \"{task}\" has {n} Accountables ({p}, {p} and {p})."
        );
        // The finding's own party is a placeholder without an argument.
        let t = round_trip("Product Owner holds R on 12 tasks.", None, &[]);
        assert_eq!(t, "{party} holds R on {n} tasks.");
    }

    #[test]
    fn short_names_and_marks_stay_text() {
        // Parties `PO`, `A` and `-` are words and marks of the rules' own text, and a name
        // written twice is the first party of that name.
        let parties = PartyNames::new(["PO", "A", "-", "Ann", "Ann"]);
        let subject = Subject {
            task: None,
            party: Some("A"),
            cell: None,
            related: &[],
        };
        let message = "Ann holds the A on 3 PO-side tasks - and Ann again.";
        let (t, args) = template(message, &subject, &parties);
        assert_eq!(t, "{p} holds the A on {n} PO-side tasks - and {p} again.");
        let values: Vec<u64> = args.iter().map(|a| a.value()).collect();
        assert_eq!(values, [3, 3, 3]);
    }

    #[test]
    fn a_name_inside_a_word_or_a_longer_name_stays_text() {
        // `Dev` is a party, but not inside `Device`; a task naming a party stays whole.
        let t = round_trip(
            "Device \"Dev review with Developers\" and \"Dev\".",
            Some("Dev review with Developers"),
            &[],
        );
        assert_eq!(t, "Device \"{task}\" and \"{p}\".");
    }

    #[test]
    fn related_tasks_are_indices_and_braces_are_doubled() {
        let t = round_trip(
            "Split: QA {x} on \"Write docs\", {braces} on \"Ship\".",
            None,
            &[(3, "Write docs"), (7, "Ship")],
        );
        assert_eq!(t, "Split: {p} on \"{t}\", {{braces}} on \"{t}\".");
    }

    #[test]
    fn the_findings_cell_is_one_placeholder() {
        let t = round_trip(
            "Cell team.xlsx[RACI]!D7 holds \"X\"; D8 does not.",
            None,
            &[],
        );
        assert_eq!(t, "Cell {cell} holds \"X\"; D{n} does not.");
    }

    #[test]
    fn numbers_that_would_not_come_back_stay_text() {
        let t = round_trip("Cell 007 and 0 and 1234567890123456789 of M3.", None, &[]);
        assert_eq!(t, "Cell 007 and {n} and 1234567890123456789 of M{n}.");
    }

    #[test]
    fn any_text_comes_back() {
        for message in [
            "",
            "{",
            "}}{{",
            "é 12 \"Dev\"",
            "Developers 2x",
            "Product Owner",
        ] {
            round_trip(message, Some("é"), &[(0, "x")]);
        }
    }

    #[test]
    fn render_refuses_what_does_not_fit() {
        let own = [Some("T"), None, None];
        assert_eq!(render("{n}", &[], own, &[], &[]), None);
        assert_eq!(render("x", &[1], own, &[], &[]), None);
        assert_eq!(render("{p}", &[0], own, &[], &[]), None);
        assert_eq!(render("{party}", &[], own, &[], &[]), None);
        assert_eq!(render("{q}", &[], own, &[], &[]), None);
        assert_eq!(
            render("{task}: {n}", &[4], own, &[], &[]).as_deref(),
            Some("T: 4")
        );
    }
}
