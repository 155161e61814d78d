//! `raci taxonomy`: print the built-in taxonomy, comments included, as the TOML that
//! `--taxonomy FILE` reads back.

use crate::classify::BUILTIN_TOML;
use crate::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

pub fn run(out: &mut dyn Write) -> Result<()> {
    out.write_all(BUILTIN_TOML.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: PathBuf::from("standard output"),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Taxonomy;

    #[test]
    fn prints_what_taxonomy_reads_back() {
        let mut out = Vec::new();
        run(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(Taxonomy::from_toml(&text).unwrap(), Taxonomy::builtin());
        assert!(text.contains("Against common practice"));
    }
}
