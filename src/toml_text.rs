//! Places in a TOML file for messages: a serde error's byte offset turned into the line, the
//! `[table]` in force and the key. Shared by `raci.toml` (settings) and taxonomy files
//! (classify), so that neither reads the other's module.

/// The text of a TOML file, to turn a byte offset (a serde error's span, a `toml::Spanned` value)
/// into a place a user can find: the line, the `[table]` in force and the key.
///
/// toml's own `Display` of an error prints the line with a caret under it over several lines;
/// a one-line message in the house form ("file: ... line N: what, and what to do") reads
/// better beside every other error of `raci`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TomlText<'a> {
    pub text: &'a str,
}

impl<'a> TomlText<'a> {
    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// The lines that are `[table]` or `[[array]]` headers, with their 1-based numbers.
    pub fn headers(&self) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split('#').next().unwrap_or("").trim()))
            .filter(|(_, l)| {
                // `[[array]]` or `[table]`; `[[duty]` is a syntax error, not a header.
                let double = l.starts_with("[[");
                l.starts_with('[') && l.ends_with(if double { "]]" } else { "]" })
            })
    }

    /// The `[table]` header in force at 1-based `line`, if any.
    fn table_at(&self, line: usize) -> Option<&'a str> {
        self.headers()
            .take_while(|(n, _)| *n <= line)
            .last()
            .map(|(_, h)| h)
    }

    /// The key written before `=` on the line of `offset`, when `offset` is in its value (a
    /// bad value); `None` when it points at a key or a header (an unknown key names itself).
    fn key_at(&self, offset: usize) -> Option<&'a str> {
        let before = self.text.get(..offset.min(self.text.len()))?;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let (key, _) = before[start..].split_once('=')?;
        Some(key.trim()).filter(|k| !k.is_empty())
    }

    /// Where `offset` is, as a message starts: `line 3, in [limits]: `max-cells`: `.
    pub fn place(&self, offset: usize) -> String {
        let line = self.line(offset);
        let table = self
            .table_at(line)
            .map(|t| format!(", in {t}"))
            .unwrap_or_default();
        format!("line {line}{table}: {}", self.key_prefix(offset))
    }

    /// "`key`: " when `offset` is in a value, else nothing.
    pub fn key_prefix(&self, offset: usize) -> String {
        self.key_at(offset)
            .map(|k| format!("`{k}`: "))
            .unwrap_or_default()
    }

    /// A toml/serde error's message in the file's words: serde's "field" is a key, and its
    /// number types (`u64`) are said in words.
    pub fn message(e: &toml::de::Error) -> String {
        let mut message = e.message().trim().to_string();
        for (serde_word, ours) in [
            ("unknown field", "unknown key"),
            ("missing field", "missing key"),
            ("expected u64", "expected a whole number from 0"),
            ("expected usize", "expected a whole number from 0"),
            ("expected f64", "expected a number"),
            (
                "expected a sequence",
                "expected a list, like [\"a\", \"b\"]",
            ),
        ] {
            message = message.replace(serde_word, ours);
        }
        message
    }

    /// A toml/serde error as one line: `line 3, in [limits]: `max-cells`: what is wrong`.
    pub fn error(&self, e: &toml::de::Error) -> String {
        match e.span() {
            Some(span) => format!("{}{}", self.place(span.start), TomlText::message(e)),
            None => TomlText::message(e),
        }
    }
}
