//! A streaming scan of the tags of an XML part, in constant memory, for the guards that
//! measure a part before calamine parses it (`ods_guard`, `shared_strings`).
//!
//! No XML library is needed for what the guards read (element names and a few numeric
//! attributes), and a scan that holds nothing but the current tag cannot itself be made to
//! allocate. Quoted attribute values are skipped whole, so a `>` inside one cannot hide the
//! attributes after it.

use std::io::Read;

/// The longest tag kept whole; the attributes the guards read come first, so a longer tag (a
/// cell with a huge inline style, say) is cut rather than buffered.
const MAX_TAG: usize = 4096;

/// Calls `on_tag(tag, text)` for every tag: `tag` is what stands between `<` and `>` (cut at
/// [`MAX_TAG`] bytes), `text` the number of bytes of character data since the previous tag.
/// Stops when `on_tag` returns `false`, at the end of the data, or at a read error (the parser
/// after the guard reports damaged data with its cause).
pub(crate) fn scan(mut content: impl Read, mut on_tag: impl FnMut(&[u8], u64) -> bool) {
    let mut chunk = vec![0u8; 64 * 1024];
    let mut tag: Vec<u8> = Vec::with_capacity(256);
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    let mut text: u64 = 0;
    loop {
        let n = match content.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        for &b in &chunk[..n] {
            if !in_tag {
                if b == b'<' {
                    in_tag = true;
                } else {
                    text += 1;
                }
                continue;
            }
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => {
                    if !on_tag(&tag, text) {
                        return;
                    }
                    tag.clear();
                    text = 0;
                    in_tag = false;
                    continue;
                }
                None => {}
            }
            if tag.len() < MAX_TAG {
                tag.push(b);
            }
        }
    }
}

/// The element name of a tag without its namespace prefix (`x:sst` and `sst` are both
/// `sst`), and whether the tag closes it (`/sst`).
pub(crate) fn local_name(tag: &[u8]) -> (&[u8], bool) {
    let (closing, rest) = match tag.strip_prefix(b"/") {
        Some(rest) => (true, rest),
        None => (false, tag),
    };
    let end = rest
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let local = match name.iter().position(|&b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    };
    (local, closing)
}

/// Whether a tag opens or closes the named element, prefix included (`table:table-row`).
pub(crate) fn is_element(tag: &[u8], name: &[u8]) -> bool {
    tag.starts_with(name)
        && matches!(
            tag.get(name.len()),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'/')
        )
}

/// Whether a tag ends with `/`: an element with no content.
pub(crate) fn self_closing(tag: &[u8]) -> bool {
    tag.last() == Some(&b'/')
}

pub(crate) fn contains(tag: &[u8], needle: &[u8]) -> bool {
    tag.windows(needle.len()).any(|w| w == needle)
}

/// A numeric attribute's value, saturating; `None` when absent, 0 when unreadable.
pub(crate) fn attribute(tag: &[u8], name: &[u8]) -> Option<u64> {
    let mut from = 0;
    // The name must stand on its own (`count` is not the end of `uniqueCount`).
    let at = loop {
        let found = tag[from..].windows(name.len()).position(|w| w == name)? + from;
        let before = found.checked_sub(1).map(|i| tag[i]);
        let after = tag.get(found + name.len()).copied();
        if matches!(before, None | Some(b' ' | b'\t' | b'\r' | b'\n'))
            && matches!(after, Some(b'=' | b' ' | b'\t' | b'\r' | b'\n'))
        {
            break found;
        }
        from = found + 1;
    };
    let rest = &tag[at + name.len()..];
    let rest = rest
        .iter()
        .position(|&b| b == b'"' || b == b'\'')
        .map_or(&[][..], |q| &rest[q + 1..]);
    let mut value: u64 = 0;
    for &b in rest
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
    {
        value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(xml: &str) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        scan(xml.as_bytes(), |tag, text| {
            out.push((String::from_utf8_lossy(tag).into_owned(), text));
            true
        });
        out
    }

    #[test]
    fn tags_and_text_between_them() {
        assert_eq!(
            tags("<a x=\"1\">hello<b/></a>"),
            vec![
                ("a x=\"1\"".to_string(), 0),
                ("b/".to_string(), 5),
                ("/a".to_string(), 0)
            ]
        );
    }

    #[test]
    fn a_quoted_greater_than_does_not_end_the_tag() {
        let got = tags(r#"<c s=">" n='>' r="3">x</c>"#);
        assert_eq!(got[0].0, r#"c s=">" n='>' r="3""#);
        assert_eq!(attribute(got[0].0.as_bytes(), b"r"), Some(3));
    }

    #[test]
    fn names_and_attributes() {
        assert_eq!(local_name(b"x:sst count=\"1\""), (&b"sst"[..], false));
        assert_eq!(local_name(b"/sst"), (&b"sst"[..], true));
        assert_eq!(local_name(b"si/"), (&b"si"[..], false));
        let tag = br#"sst count="7" uniqueCount="99999999999999999999999""#;
        assert_eq!(attribute(tag, b"count"), Some(7));
        assert_eq!(attribute(tag, b"uniqueCount"), Some(u64::MAX));
        assert_eq!(attribute(tag, b"missing"), None);
        assert_eq!(
            attribute(
                br#"table:table-row table:number-rows-repeated="12""#,
                b"table:number-rows-repeated"
            ),
            Some(12)
        );
        assert!(is_element(b"table:table-row/", b"table:table-row"));
        assert!(!is_element(b"table:table-rows", b"table:table-row"));
        assert!(self_closing(b"si/"));
    }
}
