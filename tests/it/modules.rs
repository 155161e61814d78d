//! The shape of the code (README, "How the code is laid out"): no import cycle between the
//! crate's top-level modules, and no subcommand, pipeline or server module that imports a
//! subcommand. Read from the source text (`crate::a::b` and `super::a` paths outside test
//! code), so a `use` added in the wrong direction fails here with the edge named.

use crate::support;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path of a source file below `src/` (`["commands", "audit"]`); `mod.rs` and
/// `lib.rs` name their folder.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text a file compiles outside tests: without a trailing `#[cfg(test)] mod tests` and
/// without `//` comments (doc links name modules without importing them).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers of a path list after `crate::`: `{a, b::c}` gives `a`, `b::c`; `a::b` gives
/// itself. Only the first two segments matter.
fn paths_after(text: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let group = if rest.starts_with('{') {
            let end = rest.find('}').unwrap_or(rest.len());
            &rest[1..end]
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            &rest[..end]
        };
        for item in group.split(',') {
            let segs: Vec<String> = item
                .trim()
                .split("::")
                .take(2)
                .map(str::to_string)
                .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .collect();
            if !segs.is_empty() {
                out.push(segs);
            }
        }
    }
    out
}

/// Every `(from, to)` pair of modules, each as `top` or `top/second`.
fn edges() -> BTreeSet<(Vec<String>, Vec<String>)> {
    let src = support::root().join("src");
    let tops: BTreeSet<String> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .map(|e| e.path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut files = vec![src.clone()];
    let mut out = BTreeSet::new();
    while let Some(dir) = files.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let me = module_of(path.strip_prefix(&src).unwrap());
            if me.is_empty() || matches!(me.last().unwrap().as_str(), "tests" | "testing") {
                continue;
            }
            let code = code_of(&std::fs::read_to_string(&path).unwrap());
            for segs in paths_after(&code, "crate::") {
                if tops.contains(&segs[0]) {
                    out.insert((me.iter().take(2).cloned().collect(), segs));
                }
            }
            if me.len() >= 2 {
                for segs in paths_after(&code, "super::") {
                    // `super::x` from `a/b.rs` is `a/x`; from `a/b/c.rs` it is `a/b/x`.
                    let mut to: Vec<String> = me[..me.len() - 1].to_vec();
                    to.push(segs[0].clone());
                    out.insert((
                        me.iter().take(2).cloned().collect(),
                        to.into_iter().take(2).collect(),
                    ));
                }
            }
        }
    }
    out
}

/// Top-level modules that reach themselves through others, each cycle once.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&str> = vec![from];
        while let Some(v) = todo.pop() {
            for w in graph.get(v).into_iter().flatten() {
                if seen.insert(w.clone()) {
                    todo.push(w);
                }
            }
        }
        seen
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    for v in graph.keys() {
        let from_v = reach(v);
        if from_v.contains(v) {
            let cycle: Vec<String> = from_v
                .iter()
                .filter(|w| reach(w).contains(v))
                .cloned()
                .collect();
            if !out.contains(&cycle) {
                out.push(cycle);
            }
        }
    }
    out
}

#[test]
fn no_import_cycle_between_top_level_modules() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges() {
        if from[0] != to[0] {
            graph
                .entry(from[0].clone())
                .or_default()
                .insert(to[0].clone());
        }
    }
    assert!(
        graph.len() > 10,
        "the scan found too few modules: {graph:?}"
    );
    assert_eq!(cycles(&graph), Vec::<Vec<String>>::new(), "{graph:#?}");
}

#[test]
fn commands_the_pipeline_and_the_server_never_import_a_subcommand() {
    let bad: Vec<String> = edges()
        .into_iter()
        .filter(|(from, to)| {
            let into_command = to[0] == "commands" && to.len() == 2 && to[1] != "mod";
            let from_stage = matches!(from[0].as_str(), "pipeline" | "serve")
                || (from[0] == "commands" && from.len() == 2 && from.get(1) != to.get(1));
            into_command && from_stage
        })
        .map(|(from, to)| format!("{} -> {}", from.join("/"), to.join("/")))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_scan_sees_a_cycle_and_a_command_edge_when_there_is_one() {
    // The checks above pass on an empty scan; this keeps them honest.
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("a".into());
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycles(&graph), vec![vec!["a".to_string(), "b".to_string()]]);
    assert_eq!(
        paths_after("use crate::{audit::Severity, layout};", "crate::"),
        vec![
            vec!["audit".to_string(), "Severity".to_string()],
            vec!["layout".to_string()]
        ]
    );
    let e = edges();
    assert!(
        e.contains(&(
            vec!["commands".into(), "audit".into()],
            vec!["pipeline".into(), "Pipeline".into()]
        )) || e
            .iter()
            .any(|(f, t)| f[0] == "commands" && t[0] == "pipeline")
    );
}
