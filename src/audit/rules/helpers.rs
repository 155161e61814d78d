//! What several rules' checks share: who holds which letters, the per-party tally, titles
//! against sides, how names are folded to find duplicates, and the wording of messages. One
//! place, so the rules that count the same thing count it the same way.

use crate::audit::rule::{Ctx, Tally};
use crate::audit::Finding;
use crate::layout::clean_cow;
use crate::model::{Letter, Side, Task, TitleSide};

/// Whether any party holds a letter on the task.
pub(super) fn has_letters(task: &Task) -> bool {
    task.assignments.iter().any(|a| !a.letters.is_empty())
}

/// A finding for every task that has letters but none of `letter` (R001, R003): `what`
/// finishes the sentence "Task \"NAME\" has no ...".
pub(super) fn tasks_without(ctx: &Ctx, out: &mut Vec<Finding>, letter: Letter, what: &str) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        if has_letters(task) && task.count(letter) == 0 {
            out.push(ctx.on_task(i, format!("Task {} has no {what}", q(&task.name))));
        }
    }
}

/// The parties holding `letter` on the task, in assignment order.
pub(super) fn holders(task: &Task, letter: Letter) -> Vec<usize> {
    task.parties_with(letter).collect()
}

/// The parties holding R or A on the task, in assignment order.
pub(super) fn owners(task: &Task) -> Vec<usize> {
    task.assignments
        .iter()
        .filter(|a| a.letters.owns())
        .map(|a| a.party)
        .collect()
}

/// `1 task`, `2 tasks`.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `50` for 50.0, `33.5` for 33.5: thresholds as the user wrote them.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The title as messages spell it.
pub(super) fn title_name(side: TitleSide) -> &'static str {
    match side {
        TitleSide::Po => "Product Owner",
        TitleSide::Pm => "Product Manager",
        TitleSide::Ambiguous => "PM (product or project?)",
    }
}

/// The title whose side a PO-side or PM-side task is on.
pub(super) fn side_title(side: Side) -> Option<TitleSide> {
    match side {
        Side::Po => Some(TitleSide::Po),
        Side::Pm => Some(TitleSide::Pm),
        Side::Shared | Side::Unclassified => None,
    }
}

/// Parties whose settled title is `title`, in party order.
pub(super) fn titled(ctx: &Ctx, title: TitleSide) -> Vec<usize> {
    ctx.matrix
        .parties
        .iter()
        .enumerate()
        .filter(|(_, p)| p.title_side == Some(title))
        .map(|(i, _)| i)
        .collect()
}

/// The settled title of party `party`, if any.
pub(super) fn title_of(ctx: &Ctx, party: usize) -> Option<TitleSide> {
    ctx.matrix.parties.get(party).and_then(|p| p.title_side)
}

/// `"text"`: names quoted in messages.
pub(super) fn q(text: &str) -> String {
    format!("\"{text}\"")
}

/// How many unreadable cells each task row (or party column) holds, in one pass.
pub(super) fn issues_per(len: usize, index: impl Iterator<Item = Option<usize>>) -> Vec<usize> {
    let mut counts = vec![0; len];
    for i in index.flatten() {
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    counts
}

/// R004 to R006: one finding per task on which more parties than `limit` hold `letter`.
pub(super) fn too_many(
    ctx: &Ctx,
    out: &mut Vec<Finding>,
    letter: Letter,
    limit: usize,
    key: &str,
    plural_word: &str,
) {
    for (i, task) in ctx.matrix.tasks.iter().enumerate() {
        let h = holders(task, letter);
        if h.len() > limit {
            out.push(ctx.on_task(
                i,
                format!(
                    "Task {} has {} {plural_word} ({}), more than {key} = {limit}.",
                    q(&task.name),
                    h.len(),
                    ctx.party_list(&h)
                ),
            ));
        }
    }
}

/// The fewest tasks a party must hold for the share rules (P001, P002) to speak, and the
/// fewest tasks a matrix must have for P003: below that a share says nothing.
pub const MIN_TASKS_FOR_SHARE_RULES: usize = 3;

/// P001 and P002: one finding per party whose `count` is more than `limit` percent of the tasks
/// (and at least [`MIN_TASKS_FOR_SHARE_RULES`]).
pub(super) fn share_rule(
    ctx: &Ctx,
    out: &mut Vec<Finding>,
    limit: f64,
    key: &str,
    what: &str,
    count: impl Fn(&Tally) -> usize,
) {
    let total = ctx.matrix.tasks.len();
    if total == 0 {
        return;
    }
    for (p, t) in ctx.tallies.iter().enumerate() {
        let n = count(t);
        let pct = n as f64 * 100.0 / total as f64;
        if n >= MIN_TASKS_FOR_SHARE_RULES && pct > limit {
            out.push(ctx.on_party(
                p,
                format!(
                    "{} is {what} on {n} of {total} tasks ({pct:.0} %), more than {key} = {} %.",
                    ctx.party_name(p),
                    number(limit)
                ),
            ));
        }
    }
}

/// `on task "X" under Ana`, as far as the cell's row and column are known.
pub(super) fn cell_place(ctx: &Ctx, task: Option<usize>, party: Option<usize>) -> String {
    let mut s = String::new();
    if let Some(t) = task.filter(|&t| t < ctx.matrix.tasks.len()) {
        s.push_str(&format!(" on task {}", q(ctx.task_name(t))));
    }
    if let Some(p) = party.filter(|&p| p < ctx.matrix.parties.len()) {
        s.push_str(&format!(" under {}", ctx.party_name(p)));
    }
    s
}

/// Lower case with runs of white space folded (as the layout cleans names), so
/// `Sprint  Review` repeats `sprint review`.
pub(super) fn normalise(name: &str) -> String {
    clean_cow(name).to_lowercase()
}

/// Fills `key` with a task's group and name as [`normalise`] folds them, without a string per
/// name (task names are nearly always clean ASCII already). The first byte tells no group from
/// an empty one, and each part ends with 0xFF, a byte UTF-8 never holds.
pub(super) fn task_key(group: Option<&str>, name: &str, key: &mut Vec<u8>) {
    fn fold_into(key: &mut Vec<u8>, text: &str) {
        let clean = clean_cow(text);
        if clean.is_ascii() {
            key.extend(clean.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            key.extend_from_slice(clean.to_lowercase().as_bytes());
        }
        key.push(0xFF);
    }
    key.clear();
    key.push(u8::from(group.is_some()));
    fold_into(key, group.unwrap_or_default());
    fold_into(key, name);
}

#[cfg(test)]
mod tests {
    use super::normalise;

    /// The plain definition the audit has always used.
    fn reference(name: &str) -> String {
        name.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn folds_case_and_white_space() {
        assert_eq!(normalise("  Sprint \t Review\n"), "sprint review");
        assert_eq!(normalise("a\u{b}b\u{1f}c"), "a b\u{1f}c");
        assert_eq!(normalise("Ünïcode  Straße"), "ünïcode straße");
    }

    #[test]
    fn keys_follow_the_folded_text() {
        let key = |g: Option<&str>, n: &str| {
            let mut k = Vec::new();
            super::task_key(g, n, &mut k);
            k
        };
        assert_eq!(
            key(Some("Delivery"), "Sprint  Review"),
            key(Some(" delivery"), "sprint review ")
        );
        assert_ne!(key(None, "Sprint review"), key(Some(""), "Sprint review"));
        assert_ne!(key(Some("a b"), "c"), key(Some("a"), "b c"));
        assert_eq!(key(None, "Straße  Plan"), key(None, "straße plan"));
    }

    proptest::proptest! {
        #[test]
        fn keys_agree_with_normalise(
            a in "[ \\tAaBb\u{b}é]{0,8}",
            b in "[ \\tAaBb\u{b}é]{0,8}",
        ) {
            let (mut ka, mut kb) = (Vec::new(), Vec::new());
            super::task_key(None, &a, &mut ka);
            super::task_key(None, &b, &mut kb);
            proptest::prop_assert_eq!(normalise(&a) == normalise(&b), ka == kb);
        }

        #[test]
        fn agrees_with_split_whitespace(name in "[ \\t\\n\\r\\u{b}\\u{c}\\u{1c}-\\u{1f}aZ9_é\\u{a0}]{0,24}") {
            proptest::prop_assert_eq!(normalise(&name), reference(&name));
        }
    }
}
