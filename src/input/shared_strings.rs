//! The shared-string guard: measures a workbook's shared-string table before calamine reads
//! it whole.
//!
//! calamine loads the table when the workbook is opened, one `String` per entry, and for XLSX
//! first reserves as many entries as the `uniqueCount` attribute declares: a 293 KB file with
//! 40 million empty entries (or a header declaring billions) costs a gigabyte or an abort
//! before a single cell is read. A workbook cannot use more distinct strings than it has
//! cells, so both the declared and the actual count are held to `--max-cells`, and the table's
//! memory is charged to the budget for as long as the read lasts.

use super::budget::{Budget, SHARED_STRING_BYTES};
use super::container::{entry_reader, zip_entries, ZipEntry};
use super::tags::{attribute, local_name, scan, self_closing};
use super::{Limits, FLAG_CELLS};
use crate::{Error, Result};
use std::io::Read;

const WHAT_MEMORY: &str = "the memory its shared strings take while it is read (MB, estimated)";

fn parts(bytes: &[u8], suffix: &str) -> Vec<ZipEntry> {
    zip_entries(bytes)
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.name.to_ascii_lowercase().ends_with(suffix))
        .collect::<Vec<ZipEntry>>()
}

fn too_many(file: &str, what: &'static str, actual: u64, limits: &Limits) -> Error {
    Error::TooLarge {
        file: file.to_string(),
        what,
        actual,
        limit: limits.max_cells,
        flag: FLAG_CELLS,
    }
}

/// XLSX: `sharedStrings.xml`, read as a stream of tags.
pub(crate) fn check_xlsx(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
) -> Result<()> {
    for entry in parts(bytes, "sharedstrings.xml") {
        let Some(reader) = entry_reader(bytes, &entry) else {
            continue;
        };
        let table = measure_xml(reader, limits.max_cells);
        if table.declared > limits.max_cells {
            return Err(too_many(
                file,
                "the number of shared strings the workbook declares",
                table.declared,
                limits,
            ));
        }
        if table.entries > limits.max_cells {
            return Err(too_many(
                file,
                "the number of shared strings",
                table.entries,
                limits,
            ));
        }
        let entries = table.declared.max(table.entries);
        budget.add_transient(
            entries
                .saturating_mul(SHARED_STRING_BYTES)
                .saturating_add(table.text),
            WHAT_MEMORY,
        )?;
    }
    Ok(())
}

#[derive(Debug, Default, PartialEq)]
struct XmlTable {
    /// `uniqueCount` of `<sst>`, which calamine reserves.
    declared: u64,
    /// `<si>` elements with content, which calamine keeps one `String` each.
    entries: u64,
    /// Bytes of character data.
    text: u64,
}

/// Stops counting past `stop` entries: the answer is already "too many".
fn measure_xml(reader: impl Read, stop: u64) -> XmlTable {
    let mut table = XmlTable::default();
    scan(reader, |tag, text| {
        table.text = table.text.saturating_add(text);
        let (name, closing) = local_name(tag);
        if closing {
            return true;
        }
        match name {
            b"sst" => table.declared = attribute(tag, b"uniqueCount").unwrap_or(0),
            // calamine keeps an entry only for `<si>...</si>`, not for `<si/>`.
            b"si" if !self_closing(tag) => table.entries += 1,
            _ => {}
        }
        table.declared <= stop && table.entries <= stop
    });
    table
}

/// XLSB: `sharedStrings.bin`, whose first record (BrtBeginSst) declares the count calamine
/// reads entries for.
pub(crate) fn check_xlsb(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
) -> Result<()> {
    for entry in parts(bytes, "sharedstrings.bin") {
        let Some(mut reader) = entry_reader(bytes, &entry) else {
            continue;
        };
        let mut head = [0u8; 16];
        let mut got = 0;
        while got < head.len() {
            match reader.read(&mut head[got..]) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        let Some(declared) = xlsb_declared(&head[..got]) else {
            continue;
        };
        if declared > limits.max_cells {
            return Err(too_many(
                file,
                "the number of shared strings the workbook declares",
                declared,
                limits,
            ));
        }
        // Each entry is a record of at least a few bytes, so the part's size bounds them too.
        let entries = declared.min(entry.uncompressed);
        budget.add_transient(
            entries
                .saturating_mul(SHARED_STRING_BYTES)
                .saturating_add(entry.uncompressed),
            WHAT_MEMORY,
        )?;
    }
    Ok(())
}

/// The `cstUnique` field of a leading BrtBeginSst record (type 0x9F, MS-XLSB 2.4.760): record
/// type and size are variable-length integers of 7 bits a byte.
fn xlsb_declared(head: &[u8]) -> Option<u64> {
    let mut at = 0;
    let mut varint = |max_bytes: usize| -> Option<u32> {
        let mut value: u32 = 0;
        for i in 0..max_bytes {
            let b = *head.get(at)?;
            at += 1;
            value |= u32::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        Some(value)
    };
    let kind = varint(2)?;
    let _size = varint(4)?;
    if kind != 0x9F {
        return None;
    }
    let data = head.get(at + 4..at + 8)?;
    Some(u64::from(u32::from_le_bytes([
        data[0], data[1], data[2], data[3],
    ])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_declared_and_real_entries() {
        let xml = br#"<?xml version="1.0"?><x:sst xmlns:x="m" count="9" uniqueCount="3"><x:si><x:t>Task</x:t></x:si><si/><si><t>R</t></si></x:sst>"#;
        assert_eq!(
            measure_xml(&xml[..], 100),
            XmlTable {
                declared: 3,
                entries: 2,
                text: 5,
            }
        );
    }

    #[test]
    fn a_huge_declared_count_is_seen_without_reading_on() {
        let xml = br#"<sst uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
        let t = measure_xml(&xml[..], 1000);
        assert_eq!(t.declared, 4_000_000_000);
        assert_eq!(t.entries, 0);
    }

    #[test]
    fn xlsb_header() {
        // Type 0x9F as the two-byte varint 9F 01, size 8, cstTotal 5, cstUnique 70000.
        let mut head = vec![0x9F, 0x01, 0x08];
        head.extend_from_slice(&5u32.to_le_bytes());
        head.extend_from_slice(&70_000u32.to_le_bytes());
        assert_eq!(xlsb_declared(&head), Some(70_000));
        assert_eq!(xlsb_declared(&[0x01, 0x00]), None);
        assert_eq!(xlsb_declared(&[]), None);
    }
}
