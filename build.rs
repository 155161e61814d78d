//! Prepares the built-in taxonomy's signals (folded, stemmed, numbered) once, at build time,
//! instead of at the start of every run: see `src/classify/prepare.rs`. The classifier's own
//! code does it, compiled here from its files, so the two cannot differ; the classifier
//! checks that the signals it is given are the ones prepared here and prepares any others
//! itself.

// The classifier's modules, compiled on their own: the build uses a part of them.
#[allow(dead_code)]
#[path = "src/classify/lang.rs"]
mod lang;
#[allow(dead_code)]
#[path = "src/classify/prepare.rs"]
mod prepare;
#[allow(dead_code)]
#[path = "src/classify/text.rs"]
mod text;

use lang::Lang;
use prepare::{EntryText, Prepared, SignalList, Stemmers};

const TAXONOMY: &str = "src/classify/taxonomy.toml";

fn main() {
    for file in [
        TAXONOMY,
        "src/classify/lang.rs",
        "src/classify/prepare.rs",
        "src/classify/text.rs",
        "build.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let text = std::fs::read_to_string(TAXONOMY).expect("the built-in taxonomy is readable");
    let file: toml::Table = toml::from_str(&text).expect("the built-in taxonomy is valid TOML");
    let duties = file
        .get("duty")
        .and_then(toml::Value::as_array)
        .expect("the built-in taxonomy has [[duty]] entries");
    // The signals as `Taxonomy` holds them: trimmed, English first, then the other languages
    // in their order (its map of them is ordered by language), an empty list of another
    // language left out as the reader leaves it out. A file the strict reader rejects fails
    // a unit test (the built-in taxonomy read from here is compared with the file read whole,
    // with every check), not the build; the classifier uses the signals prepared here only
    // when the signals it is given are these very ones.
    let mut owned: Vec<(u32, Lang, Vec<String>)> = Vec::new();
    let mut entries = Vec::with_capacity(duties.len());
    for (entry, duty) in duties.iter().enumerate() {
        // The other fields as written: the taxonomy's reader checks and trims them.
        let field = |key: &str| {
            duty.get(key)
                .and_then(toml::Value::as_str)
                .map(str::to_string)
        };
        entries.push(EntryText {
            id: field("id").unwrap_or_default(),
            side: field("side").unwrap_or_default(),
            kind: field("kind").unwrap_or_default(),
            covers: field("covers"),
            section: field("section").unwrap_or_default(),
            text: field("text").unwrap_or_default(),
        });
        for lang in Lang::ALL {
            let key = lang.signals_key();
            let Some(list) = duty.get(&key).and_then(toml::Value::as_array) else {
                continue;
            };
            let list: Vec<String> = list
                .iter()
                .filter_map(toml::Value::as_str)
                .map(|s| s.trim().to_string())
                .collect();
            if lang == Lang::En || !list.is_empty() {
                owned.push((entry as u32, lang, list));
            }
        }
    }
    let lists: Vec<SignalList> = owned
        .iter()
        .map(|(entry, lang, list)| (*entry, *lang, list.as_slice()))
        .collect();
    let baked = Prepared::bake(&entries, &lists, &Stemmers::new());
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("builtin-taxonomy.bin"), baked).expect("OUT_DIR is writable");
}
