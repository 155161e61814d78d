//! Looks inside zip and OLE containers without unpacking them: what a file really is, and how
//! big its parts become once decompressed (the zip-bomb guard).
//!
//! Only the zip central directory and the OLE directory are read here. Decompression is left to
//! calamine, whose zip reader refuses to inflate a part beyond the size its directory declares,
//! so checking the declared sizes is enough to bound memory.

use std::io::Read;

/// One entry of a zip central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ZipEntry {
    pub name: String,
    pub method: u16,
    pub compressed: u64,
    pub uncompressed: u64,
    pub local_offset: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(8)?)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(s);
    Some(u64::from_le_bytes(a))
}

const EOCD_SIG: u32 = 0x0605_4b50;
const ZIP64_LOCATOR_SIG: u32 = 0x0706_4b50;
const ZIP64_EOCD_SIG: u32 = 0x0606_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const LOCAL_SIG: u32 = 0x0403_4b50;

/// Reads the central directory of a zip held in memory. `None` when the directory cannot be
/// found or runs past the end of the data: a truncated or damaged file.
pub(crate) fn zip_entries(bytes: &[u8]) -> Option<Vec<ZipEntry>> {
    // The end-of-central-directory record is 22 bytes plus a comment of at most 64 KiB, so it
    // lies in the last 65,557 bytes; search backwards because the comment may contain anything.
    let min_start = bytes.len().saturating_sub(22 + 0xFFFF);
    let last = bytes.len().checked_sub(22)?;
    let eocd = (min_start..=last)
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(EOCD_SIG))?;

    let mut count = u64::from(u16_at(bytes, eocd + 10)?);
    let mut dir_offset = u64::from(u32_at(bytes, eocd + 16)?);
    // Zip64: the classic fields are saturated and the real values sit in the zip64 record,
    // found through the locator just before the classic record.
    if count == 0xFFFF || dir_offset == 0xFFFF_FFFF {
        let locator = eocd.checked_sub(20)?;
        if u32_at(bytes, locator) == Some(ZIP64_LOCATOR_SIG) {
            let record = usize::try_from(u64_at(bytes, locator + 8)?).ok()?;
            if u32_at(bytes, record) != Some(ZIP64_EOCD_SIG) {
                return None;
            }
            count = u64_at(bytes, record + 32)?;
            dir_offset = u64_at(bytes, record + 48)?;
        }
    }

    let mut at = usize::try_from(dir_offset).ok()?;
    let mut entries = Vec::new();
    for _ in 0..count {
        if u32_at(bytes, at) != Some(CENTRAL_SIG) {
            return None;
        }
        let method = u16_at(bytes, at + 10)?;
        let mut compressed = u64::from(u32_at(bytes, at + 20)?);
        let mut uncompressed = u64::from(u32_at(bytes, at + 24)?);
        let name_len = usize::from(u16_at(bytes, at + 28)?);
        let extra_len = usize::from(u16_at(bytes, at + 30)?);
        let comment_len = usize::from(u16_at(bytes, at + 32)?);
        let mut local_offset = u64::from(u32_at(bytes, at + 42)?);
        let name_start = at + 46;
        let name = bytes.get(name_start..name_start + name_len)?;
        let extra_start = name_start + name_len;
        let extra = bytes.get(extra_start..extra_start + extra_len)?;
        read_zip64_extra(extra, &mut uncompressed, &mut compressed, &mut local_offset);
        entries.push(ZipEntry {
            name: String::from_utf8_lossy(name).into_owned(),
            method,
            compressed,
            uncompressed,
            local_offset,
        });
        at = extra_start + extra_len + comment_len;
    }
    Some(entries)
}

/// The zip64 extended-information field holds, in this order, only those of the three values
/// whose classic field is saturated.
fn read_zip64_extra(
    mut extra: &[u8],
    uncompressed: &mut u64,
    compressed: &mut u64,
    local_offset: &mut u64,
) {
    while let (Some(id), Some(len)) = (u16_at(extra, 0), u16_at(extra, 2)) {
        let len = usize::from(len);
        let Some(data) = extra.get(4..4 + len) else {
            return;
        };
        if id == 0x0001 {
            let mut at = 0;
            for field in [uncompressed, compressed, local_offset] {
                if *field == 0xFFFF_FFFF {
                    match u64_at(data, at) {
                        Some(v) => *field = v,
                        None => return,
                    }
                    at += 8;
                }
            }
            return;
        }
        extra = &extra[4 + len..];
    }
}

/// The bytes of a stored (uncompressed) entry, such as an OpenDocument `mimetype`.
pub(crate) fn stored_entry<'a>(bytes: &'a [u8], entry: &ZipEntry) -> Option<&'a [u8]> {
    if entry.method != 0 {
        return None;
    }
    entry_data(bytes, entry)
}

/// The raw (possibly compressed) bytes of an entry, from its local header.
fn entry_data<'a>(bytes: &'a [u8], entry: &ZipEntry) -> Option<&'a [u8]> {
    let at = usize::try_from(entry.local_offset).ok()?;
    if u32_at(bytes, at) != Some(LOCAL_SIG) {
        return None;
    }
    let name_len = usize::from(u16_at(bytes, at + 26)?);
    let extra_len = usize::from(u16_at(bytes, at + 28)?);
    let start = at.checked_add(30 + name_len + extra_len)?;
    let len = usize::try_from(entry.compressed).ok()?;
    bytes.get(start..start.checked_add(len)?)
}

/// A reader over an entry's decompressed content, stopping with an error past its declared
/// size (as calamine's own zip reader does). `None` for an unusual compression method or an
/// entry that does not lie inside the file.
pub(crate) fn entry_reader<'a>(bytes: &'a [u8], entry: &ZipEntry) -> Option<Box<dyn Read + 'a>> {
    let data = entry_data(bytes, entry)?;
    let inflated: Box<dyn Read + 'a> = match entry.method {
        0 => Box::new(data),
        8 => Box::new(flate2::read::DeflateDecoder::new(data)),
        _ => return None,
    };
    Some(Box::new(Capped {
        inner: inflated,
        left: entry.uncompressed,
    }))
}

/// Refuses to yield more than the declared size: a directory that understates a part cannot
/// make us inflate more than it admits.
struct Capped<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "part larger than its declared size",
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Whether an entry's decompressed content contains `needle`, inflating in small chunks so
/// memory stays flat whatever the part's size. `None` when the entry cannot be inflated here
/// (an unusual compression method, or damaged data): the caller then takes the slow, sure path.
pub(crate) fn entry_contains(bytes: &[u8], entry: &ZipEntry, needle: &[u8]) -> Option<bool> {
    let mut reader = entry_reader(bytes, entry)?;
    let keep = needle.len().saturating_sub(1);
    let mut window = vec![0u8; 64 * 1024 + keep];
    let mut filled = 0usize;
    loop {
        let n = reader.read(&mut window[filled..]).ok()?;
        if n == 0 {
            return Some(false);
        }
        filled += n;
        // memchr's substring search, not a comparison at every byte: this scan of a big
        // sheet's XML ran beside the read and took a fifth of its time.
        if memchr::memmem::find(&window[..filled], needle).is_some() {
            return Some(true);
        }
        // Keep the tail, so a needle split across two chunks is still found.
        let tail = filled.saturating_sub(keep);
        window.copy_within(tail..filled, 0);
        filled -= tail;
    }
}

/// The OLE compound-file signature (`.xls`, and encrypted OOXML files).
pub(crate) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether an OLE compound file holds a stream with this name.
///
/// Directory entries are 128 bytes, aligned to 128 within sectors that are themselves aligned
/// (512 or 4096 bytes, after a header of the same size), and start with the name in UTF-16LE,
/// NUL-padded to 64 bytes, followed by the name's byte length including its terminator. Matching
/// that whole shape at an aligned offset cannot be fooled by cell text that happens to contain
/// the same words, and needs no walk through the sector chains.
pub(crate) fn ole_has_stream(bytes: &[u8], name: &str) -> bool {
    let mut pattern = [0u8; 66];
    let units: Vec<u16> = name.encode_utf16().collect();
    if units.len() >= 32 {
        return false;
    }
    for (i, u) in units.iter().enumerate() {
        pattern[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
    }
    let byte_len = (units.len() as u16 + 1) * 2;
    pattern[64..66].copy_from_slice(&byte_len.to_le_bytes());
    bytes
        .chunks_exact(128)
        .any(|entry| entry.get(..66) == Some(&pattern[..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(files: &[(&str, &[u8])], stored: bool) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let method = if stored {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            for (name, data) in files {
                zip.start_file(*name, options).unwrap();
                zip.write_all(data).unwrap();
            }
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn reads_names_and_sizes() {
        let big = vec![b'a'; 100_000];
        let bytes = zip_with(&[("mimetype", b"hello"), ("content.xml", &big)], false);
        let entries = zip_entries(&bytes).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "mimetype");
        assert_eq!(entries[1].name, "content.xml");
        assert_eq!(entries[1].uncompressed, 100_000);
        assert!(entries[1].compressed < 1_000);
    }

    #[test]
    fn stored_entry_is_read_in_place() {
        let bytes = zip_with(
            &[(
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            )],
            true,
        );
        let entries = zip_entries(&bytes).unwrap();
        assert_eq!(
            stored_entry(&bytes, &entries[0]),
            Some(&b"application/vnd.oasis.opendocument.spreadsheet"[..])
        );
    }

    #[test]
    fn finds_text_across_chunk_boundaries() {
        // Put the needle astride the 64 KiB chunk edge, in a deflated and a stored entry.
        let mut data = vec![b'.'; 64 * 1024 - 4];
        data.extend_from_slice(b"<mergeCell ref=\"A1:B1\"/>");
        data.extend_from_slice(&[b'.'; 1000]);
        for stored in [false, true] {
            let bytes = zip_with(&[("s.xml", &data), ("t.xml", &[b'.'; 70_000][..])], stored);
            let entries = zip_entries(&bytes).unwrap();
            assert_eq!(
                entry_contains(&bytes, &entries[0], b"<mergeCell"),
                Some(true)
            );
            assert_eq!(
                entry_contains(&bytes, &entries[1], b"<mergeCell"),
                Some(false)
            );
        }
    }

    #[test]
    fn truncated_zip_has_no_directory() {
        let bytes = zip_with(&[("a.xml", &[b'x'; 5000][..])], false);
        assert!(zip_entries(&bytes[..bytes.len() / 2]).is_none());
        assert!(zip_entries(&bytes[..10]).is_none());
        assert!(zip_entries(b"").is_none());
    }

    #[test]
    fn ole_stream_names_match_only_whole_entries() {
        let mut file = vec![0u8; 1024];
        file[..8].copy_from_slice(&OLE_MAGIC);
        let entry = &mut file[512..640];
        for (i, u) in "EncryptionInfo".encode_utf16().enumerate() {
            entry[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        entry[64..66].copy_from_slice(&30u16.to_le_bytes());
        assert!(ole_has_stream(&file, "EncryptionInfo"));
        assert!(!ole_has_stream(&file, "EncryptedPackage"));
        // The same name, misaligned, is cell text rather than a directory entry.
        let mut shifted = vec![0u8; 2];
        shifted.extend_from_slice(&file);
        assert!(!ole_has_stream(&shifted, "EncryptionInfo"));
    }
}
