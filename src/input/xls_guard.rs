//! The XLS size guard: reads the `Workbook` stream out of the OLE compound file and checks each
//! sheet's declared grid (its DIMENSIONS record) before calamine, which reserves memory for the
//! whole declared grid when it opens the file, sees it.
//!
//! A 20-byte DIMENSIONS record can claim 65,536 x 65,535 cells; calamine would then try to
//! reserve hundreds of gigabytes, and a failed allocation aborts the process where no error can
//! be reported. Only reading is done here.
//!
//! The guard also follows every sector chain calamine will follow (the FAT, the directory, the
//! mini stream and mini FAT, the workbook stream) and refuses a container whose chains loop or
//! leave the file: calamine follows a chain until it ends or reaches the length a directory
//! entry claims, so a looping chain in a 512-byte file made it allocate without bound (found
//! by the `workbook_ingest` fuzz target; input kept in `tests/data/fuzz-regressions/`).

use super::{Limits, FLAG_CELLS};
use crate::{Error, Result};

const FREE: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const DIMENSIONS: u16 = 0x0200;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// A compound file held in memory.
struct Cfb<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    fat: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        if !bytes.starts_with(&super::container::OLE_MAGIC) {
            return None;
        }
        let sector_size = match u16_at(bytes, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        // The FAT sectors are listed in the header's 109 DIFAT slots, then in a chain of
        // DIFAT sectors whose last slot points to the next one.
        let mut fat_sectors = Vec::new();
        for i in 0..109 {
            let s = u32_at(bytes, 76 + 4 * i)?;
            if s != FREE {
                fat_sectors.push(s);
            }
        }
        let per_sector = sector_size / 4;
        let mut difat = u32_at(bytes, 68)?;
        let mut guard = 0usize;
        while difat != END_OF_CHAIN && difat != FREE {
            guard += 1;
            if guard > bytes.len() / sector_size {
                return None;
            }
            let at = Self::offset_of(sector_size, difat)?;
            for i in 0..per_sector - 1 {
                let s = u32_at(bytes, at + 4 * i)?;
                if s != FREE {
                    fat_sectors.push(s);
                }
            }
            difat = u32_at(bytes, at + 4 * (per_sector - 1))?;
        }
        // More FAT sectors than the file has sectors means a DIFAT listing sectors repeatedly.
        if fat_sectors.len() > bytes.len() / sector_size {
            return None;
        }
        let mut fat = Vec::new();
        for s in fat_sectors {
            let at = Self::offset_of(sector_size, s)?;
            let sector = bytes.get(at..at.checked_add(sector_size)?)?;
            fat.extend(
                sector
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            );
        }
        Some(Cfb {
            bytes,
            sector_size,
            fat,
        })
    }

    fn offset_of(sector_size: usize, sector: u32) -> Option<usize> {
        (sector as usize).checked_add(1)?.checked_mul(sector_size)
    }

    /// The sectors of a chain, concatenated and cut to `len` when given. A chain that loops or
    /// leaves the file is refused.
    fn chain(&self, start: u32, len: Option<usize>) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut sector = start;
        let mut steps = 0usize;
        while sector != END_OF_CHAIN {
            steps += 1;
            if steps > self.fat.len() {
                return None;
            }
            let at = Self::offset_of(self.sector_size, sector)?;
            out.extend_from_slice(self.bytes.get(at..at.checked_add(self.sector_size)?)?);
            // A sound chain visits each sector once, so it cannot outgrow the file; a cycle
            // that did would otherwise allocate without end.
            if out.len() > self.bytes.len() {
                return None;
            }
            if len.is_some_and(|len| out.len() >= len) {
                break;
            }
            sector = *self.fat.get(sector as usize)?;
        }
        if let Some(len) = len {
            if out.len() < len {
                return None;
            }
            out.truncate(len);
        }
        Some(out)
    }

    /// A stream by name, from the regular sectors or the mini stream: `Some(None)` when the
    /// container is sound and has no such stream, `None` when a chain calamine would follow
    /// loops or leaves the file.
    fn stream(&self, names: &[&str]) -> Option<Option<Vec<u8>>> {
        let dir = self.chain(u32_at(self.bytes, 48)?, None)?;
        let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
        let root = entries.first()?;
        // calamine loads the mini stream and mini FAT whenever the header declares a mini FAT,
        // whichever stream is wanted.
        if u32_at(self.bytes, 64)? > 0 {
            self.chain(u32_at(root, 116)?, None)?;
            self.chain(u32_at(self.bytes, 60)?, None)?;
        }
        let Some(entry) = entries.iter().find(|e| {
            let name_len = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
            let units: Vec<u16> = e[..name_len.saturating_sub(2)]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let name = String::from_utf16_lossy(&units);
            e[66] == 2 && names.iter().any(|n| name.eq_ignore_ascii_case(n))
        }) else {
            return Some(None);
        };
        let start = u32_at(entry, 116)?;
        let len = usize::try_from(u32_at(entry, 120)?).ok()?;
        // No stream can be larger than the file that holds it.
        if len > self.bytes.len() {
            return None;
        }
        let cutoff = usize::try_from(u32_at(self.bytes, 56)?).ok()?;
        if len >= cutoff {
            return self.chain(start, Some(len)).map(Some);
        }
        // Small streams live in 64-byte mini sectors inside the root entry's stream, chained
        // by the mini FAT.
        let mini_stream = self.chain(u32_at(root, 116)?, None)?;
        let mini_fat: Vec<u32> = self
            .chain(u32_at(self.bytes, 60)?, None)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let mut out = Vec::new();
        let mut sector = start;
        let mut steps = 0usize;
        while sector != END_OF_CHAIN && out.len() < len {
            steps += 1;
            if steps > mini_fat.len() {
                return None;
            }
            let at = (sector as usize).checked_mul(64)?;
            out.extend_from_slice(mini_stream.get(at..at.checked_add(64)?)?);
            sector = *mini_fat.get(sector as usize)?;
        }
        if out.len() < len {
            return None;
        }
        out.truncate(len);
        Some(Some(out))
    }
}

/// Refuses an XLS whose sheets declare a grid larger than `--max-cells`, computed exactly as
/// calamine sizes its reservation (including its arithmetic on inverted bounds).
///
/// A container whose sector chains loop or leave the file is refused as damaged before
/// calamine sees it (see the module comment).
///
/// calamine reserves every sheet's grid when the file is opened, so their sum, at the size
/// of a positioned calamine cell, is tried against the memory budget as well.
pub(crate) fn check_xls_grid(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    budget: &super::budget::Budget,
) -> Result<()> {
    let Some(found) = Cfb::open(bytes).and_then(|cfb| cfb.stream(&["Workbook", "Book"])) else {
        return Err(Error::Workbook {
            file: file.to_string(),
            detail: "the compound file is damaged (its sector chains loop or leave the file)"
                .into(),
            hint: super::workbook::HINT_DAMAGED,
        });
    };
    // No workbook stream: calamine says so itself.
    let Some(stream) = found else {
        return Ok(());
    };
    let mut at = 0usize;
    let mut reserved: u64 = 0;
    while let (Some(kind), Some(len)) = (u16_at(&stream, at), u16_at(&stream, at + 2)) {
        let data_at = at + 4;
        let len = usize::from(len);
        let Some(data) = stream.get(data_at..data_at + len) else {
            break;
        };
        if kind == DIMENSIONS {
            let cells = declared_cells(data);
            if cells > limits.max_cells {
                return Err(Error::TooLarge {
                    file: file.to_string(),
                    what: "the cell grid one sheet declares (rows x columns)",
                    actual: cells,
                    limit: limits.max_cells,
                    flag: FLAG_CELLS,
                });
            }
            reserved = reserved.saturating_add(cells);
        }
        at = data_at + len;
    }
    // A positioned calamine cell: (row, column) and a `Data`.
    const CALAMINE_CELL_BYTES: u64 = 40;
    budget.fits_with(
        reserved
            .saturating_mul(CALAMINE_CELL_BYTES)
            .saturating_add(stream.len() as u64),
        "the memory the sheets' declared grids take while the workbook is read (MB, estimated)",
    )
}

/// The number of cells calamine reserves for a DIMENSIONS record (see its `parse_dimensions`).
fn declared_cells(r: &[u8]) -> u64 {
    let fields = match r.len() {
        10 => (
            u16_at(r, 0).map(u32::from),
            u16_at(r, 2).map(u32::from),
            u16_at(r, 4).map(u32::from),
            u16_at(r, 6).map(u32::from),
        ),
        14 | 16 => (
            u32_at(r, 0),
            u32_at(r, 4),
            u16_at(r, 8).map(u32::from),
            u16_at(r, 10).map(u32::from),
        ),
        _ => return 0,
    };
    let (Some(rf), Some(rl), Some(mut cf), Some(cl)) = fields else {
        return 0;
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    if rl == 0 || cl == 0 {
        return 1;
    }
    let rows = u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1));
    rows.saturating_mul(cols)
}

#[cfg(test)]
pub(crate) mod testfile {
    //! Writes minimal BIFF8 `.xls` files: no writer crate exists, and a few records are enough
    //! to test positions, merges and the grid guard against calamine's reader.

    /// One worksheet: cells as (row, col, text or number), merges as (first row, last row,
    /// first col, last col), and the DIMENSIONS bounds to declare (first row, last row + 1,
    /// first col, last col + 1).
    pub(crate) struct XlsSheet<'a> {
        pub name: &'a str,
        pub labels: &'a [(u16, u16, &'a str)],
        pub numbers: &'a [(u16, u16, f64)],
        pub merges: &'a [(u16, u16, u16, u16)],
        pub dimensions: (u32, u32, u16, u16),
    }

    fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
    }

    fn bof(kind: u16) -> Vec<u8> {
        let mut d = Vec::new();
        d.extend_from_slice(&0x0600u16.to_le_bytes());
        d.extend_from_slice(&kind.to_le_bytes());
        d.extend_from_slice(&0x0DBBu16.to_le_bytes());
        d.extend_from_slice(&0x07CCu16.to_le_bytes());
        d.extend_from_slice(&0u32.to_le_bytes());
        d.extend_from_slice(&0x06u32.to_le_bytes());
        d
    }

    /// The `Workbook` stream.
    pub(crate) fn biff(sheets: &[XlsSheet<'_>]) -> Vec<u8> {
        let mut substreams = Vec::new();
        for sheet in sheets {
            let mut s = Vec::new();
            record(&mut s, 0x0809, &bof(0x0010));
            let (rf, rl, cf, cl) = sheet.dimensions;
            let mut d = Vec::new();
            d.extend_from_slice(&rf.to_le_bytes());
            d.extend_from_slice(&rl.to_le_bytes());
            d.extend_from_slice(&cf.to_le_bytes());
            d.extend_from_slice(&cl.to_le_bytes());
            d.extend_from_slice(&0u16.to_le_bytes());
            record(&mut s, 0x0200, &d);
            for (row, col, text) in sheet.labels {
                let units: Vec<u16> = text.encode_utf16().collect();
                let mut d = Vec::new();
                d.extend_from_slice(&row.to_le_bytes());
                d.extend_from_slice(&col.to_le_bytes());
                d.extend_from_slice(&0u16.to_le_bytes());
                d.extend_from_slice(&(units.len() as u16).to_le_bytes());
                d.push(1); // UTF-16 characters
                for u in units {
                    d.extend_from_slice(&u.to_le_bytes());
                }
                record(&mut s, 0x0204, &d);
            }
            for (row, col, value) in sheet.numbers {
                let mut d = Vec::new();
                d.extend_from_slice(&row.to_le_bytes());
                d.extend_from_slice(&col.to_le_bytes());
                d.extend_from_slice(&0u16.to_le_bytes());
                d.extend_from_slice(&value.to_le_bytes());
                record(&mut s, 0x0203, &d);
            }
            if !sheet.merges.is_empty() {
                let mut d = Vec::new();
                d.extend_from_slice(&(sheet.merges.len() as u16).to_le_bytes());
                for (r1, r2, c1, c2) in sheet.merges {
                    for v in [r1, r2, c1, c2] {
                        d.extend_from_slice(&v.to_le_bytes());
                    }
                }
                record(&mut s, 0x00E5, &d);
            }
            record(&mut s, 0x000A, &[]);
            substreams.push(s);
        }

        let boundsheet = |name: &str, pos: u32| {
            let mut d = Vec::new();
            d.extend_from_slice(&pos.to_le_bytes());
            d.push(0); // visible
            d.push(0); // worksheet
            d.push(name.len() as u8);
            d.push(0); // 8-bit characters
            d.extend_from_slice(name.as_bytes());
            d
        };
        // The globals' length does not depend on the offsets written into them.
        let mut globals_len = 4 + 16 + 4;
        for sheet in sheets {
            globals_len += 4 + boundsheet(sheet.name, 0).len();
        }
        let mut out = Vec::new();
        record(&mut out, 0x0809, &bof(0x0005));
        let mut pos = globals_len as u32;
        for (sheet, sub) in sheets.iter().zip(&substreams) {
            record(&mut out, 0x0085, &boundsheet(sheet.name, pos));
            pos += sub.len() as u32;
        }
        record(&mut out, 0x000A, &[]);
        assert_eq!(out.len(), globals_len);
        for sub in substreams {
            out.extend_from_slice(&sub);
        }
        out
    }

    /// An OLE compound file with 512-byte sectors holding one stream, `Workbook`. With `mini`
    /// false the stream is padded to the 4,096-byte cutoff and sits in regular sectors; with
    /// `mini` true it must be shorter than that and sits in 64-byte mini sectors inside the root
    /// entry's stream, as small files are written.
    pub(crate) fn compound_file(stream: &[u8], mini: bool) -> Vec<u8> {
        const FREE: u32 = 0xFFFF_FFFF;
        const END: u32 = 0xFFFF_FFFE;
        let put16 =
            |f: &mut [u8], at: usize, v: u16| f[at..at + 2].copy_from_slice(&v.to_le_bytes());
        let put32 =
            |f: &mut [u8], at: usize, v: u32| f[at..at + 4].copy_from_slice(&v.to_le_bytes());
        // Sectors: 0 FAT, 1 directory, then (mini only) 2 the mini FAT, then the data chain:
        // the stream itself, or the mini stream container.
        let mut data = stream.to_vec();
        let stream_len = if mini {
            assert!(data.len() < 4096);
            data.len()
        } else {
            data.resize(data.len().max(4096), 0);
            data.len()
        };
        let mini_sectors = data.len().div_ceil(64);
        if mini {
            data.resize(mini_sectors * 64, 0);
        }
        let container_len = data.len();
        let data_sectors = data.len().div_ceil(512);
        data.resize(data_sectors * 512, 0);
        let first_data = if mini { 3 } else { 2 };
        let total = first_data + data_sectors;
        assert!(total <= 128, "one FAT sector holds 128 entries");

        let mut file = vec![0u8; 512];
        file[..8].copy_from_slice(&super::super::container::OLE_MAGIC);
        put16(&mut file, 24, 0x003E);
        put16(&mut file, 26, 3);
        put16(&mut file, 28, 0xFFFE);
        put16(&mut file, 30, 9);
        put16(&mut file, 32, 6);
        put32(&mut file, 44, 1);
        put32(&mut file, 48, 1);
        put32(&mut file, 56, 4096);
        put32(&mut file, 60, if mini { 2 } else { END });
        put32(&mut file, 64, u32::from(mini));
        put32(&mut file, 68, END);
        put32(&mut file, 76, 0);
        for i in 1..109 {
            put32(&mut file, 76 + 4 * i, FREE);
        }
        let mut fat = vec![0xFFu8; 512];
        put32(&mut fat, 0, 0xFFFF_FFFD);
        put32(&mut fat, 4, END);
        if mini {
            put32(&mut fat, 8, END);
        }
        for i in first_data..total {
            let next = if i + 1 == total { END } else { (i + 1) as u32 };
            put32(&mut fat, 4 * i, next);
        }
        let mut mini_fat = vec![0xFFu8; 512];
        for i in 0..mini_sectors {
            let next = if i + 1 == mini_sectors {
                END
            } else {
                (i + 1) as u32
            };
            put32(&mut mini_fat, 4 * i, next);
        }
        let mut dir = vec![0u8; 512];
        let entry =
            |d: &mut [u8], i: usize, name: &str, kind: u8, child: u32, start: u32, len: u32| {
                let at = 128 * i;
                let units: Vec<u16> = name.encode_utf16().collect();
                for (j, u) in units.iter().enumerate() {
                    d[at + 2 * j..at + 2 * j + 2].copy_from_slice(&u.to_le_bytes());
                }
                d[at + 64..at + 66].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
                d[at + 66] = kind;
                d[at + 67] = 1;
                d[at + 68..at + 72].copy_from_slice(&FREE.to_le_bytes());
                d[at + 72..at + 76].copy_from_slice(&FREE.to_le_bytes());
                d[at + 76..at + 80].copy_from_slice(&child.to_le_bytes());
                d[at + 116..at + 120].copy_from_slice(&start.to_le_bytes());
                d[at + 120..at + 124].copy_from_slice(&len.to_le_bytes());
            };
        if mini {
            entry(&mut dir, 0, "Root Entry", 5, 1, 3, container_len as u32);
            entry(&mut dir, 1, "Workbook", 2, FREE, 0, stream_len as u32);
        } else {
            entry(&mut dir, 0, "Root Entry", 5, 1, END, 0);
            entry(&mut dir, 1, "Workbook", 2, FREE, 2, stream_len as u32);
        }
        for i in 2..4 {
            // Unused entries point nowhere.
            dir[128 * i + 68..128 * i + 80].fill(0xFF);
        }
        file.extend_from_slice(&fat);
        file.extend_from_slice(&dir);
        if mini {
            file.extend_from_slice(&mini_fat);
        }
        file.extend_from_slice(&data);
        file
    }
}

#[cfg(test)]
mod tests {
    use super::testfile::{biff, compound_file, XlsSheet};
    use super::*;
    use crate::input::{read_bytes, CellValue, Format, Merge};
    use crate::model::Pos;

    fn sheet<'a>(dimensions: (u32, u32, u16, u16)) -> XlsSheet<'a> {
        XlsSheet {
            name: "RACI",
            labels: &[
                (4, 2, "Task"),
                (4, 3, "Product Owner"),
                (5, 2, "Ship"),
                (5, 3, "A"),
            ],
            numbers: &[(6, 3, 7.0)],
            merges: &[(4, 4, 3, 5), (5, 6, 2, 2)],
            dimensions,
        }
    }

    #[test]
    fn xls_positions_merges_and_sheets() {
        let notes = XlsSheet {
            name: "Notes",
            labels: &[],
            numbers: &[],
            merges: &[],
            dimensions: (0, 0, 0, 0),
        };
        let stream = biff(&[sheet((4, 7, 2, 6)), notes]);
        // calamine reads the same workbook from the mini stream.
        let small = read_bytes(
            "team.xls",
            &compound_file(&stream, true),
            &Limits::default(),
        );
        let bytes = compound_file(&stream, false);
        let book = read_bytes("team.xls", &bytes, &Limits::default()).unwrap();
        assert_eq!(small.unwrap(), book);
        assert_eq!(book.format, Format::Xls);
        let names: Vec<_> = book
            .sheets
            .iter()
            .map(|s| s.name.clone().unwrap())
            .collect();
        assert_eq!(names, ["RACI", "Notes"]);
        let cells: Vec<(Pos, CellValue)> = book.sheets[0]
            .cells
            .iter()
            .map(|c| (c.pos, c.value.clone()))
            .collect();
        // The range starts at C5; positions must still be absolute.
        assert_eq!(
            cells,
            vec![
                (Pos::new(4, 2), CellValue::text("Task")),
                (Pos::new(4, 3), CellValue::text("Product Owner")),
                (Pos::new(5, 2), CellValue::text("Ship")),
                (Pos::new(5, 3), CellValue::text("A")),
                (Pos::new(6, 3), CellValue::Number(7.0)),
            ]
        );
        assert_eq!(
            book.sheets[0].merges,
            vec![
                Merge {
                    start: Pos::new(4, 3),
                    end: Pos::new(4, 5)
                },
                Merge {
                    start: Pos::new(5, 2),
                    end: Pos::new(6, 2)
                },
            ]
        );
        assert!(book.sheets[1].cells.is_empty());
    }

    #[test]
    fn the_stream_is_found_in_the_container() {
        let stream = biff(&[sheet((4, 7, 2, 6))]);
        for mini in [false, true] {
            let bytes = compound_file(&stream, mini);
            let found = Cfb::open(&bytes)
                .unwrap()
                .stream(&["Workbook"])
                .unwrap()
                .unwrap();
            assert_eq!(&found[..stream.len()], &stream[..], "mini: {mini}");
        }
    }

    #[test]
    fn a_huge_declared_grid_is_refused_before_calamine() {
        // 65,536 rows x 65,535 columns: calamine would reserve ~170 GB and abort.
        // Small files keep their Workbook stream in the mini stream; both places are read.
        for mini in [false, true] {
            let bytes = compound_file(&biff(&[sheet((0, 65_536, 0, 65_535))]), mini);
            let err = read_bytes("huge.xls", &bytes, &Limits::default()).unwrap_err();
            assert!(
                matches!(err, Error::TooLarge { flag: "--max-cells", actual, .. } if actual == 65_536 * 65_535),
                "mini {mini}: {err}"
            );
        }
        let bytes = compound_file(&biff(&[sheet((0, 65_536, 0, 65_535))]), false);
        let err = read_bytes("huge.xls", &bytes, &Limits::default()).unwrap_err();
        assert!(
            matches!(err, Error::TooLarge { flag: "--max-cells", actual, .. } if actual == 65_536 * 65_535),
            "{err}"
        );
        assert!(err.to_string().contains("huge.xls"));
        // Inverted bounds wrap around in calamine's arithmetic; they are caught the same way.
        let bytes = compound_file(&biff(&[sheet((10, 5, 0, 4))]), true);
        let err = read_bytes("inverted.xls", &bytes, &Limits::default()).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    }

    #[test]
    fn declared_cells_follow_calamine() {
        let dims = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend_from_slice(&rf.to_le_bytes());
            d.extend_from_slice(&rl.to_le_bytes());
            d.extend_from_slice(&cf.to_le_bytes());
            d.extend_from_slice(&cl.to_le_bytes());
            d.extend_from_slice(&[0, 0]);
            declared_cells(&d)
        };
        assert_eq!(dims(4, 7, 2, 6), 3 * 4);
        assert_eq!(dims(0, 0, 0, 0), 1);
        // A first column over 0xFF is read as 0, as calamine does.
        assert_eq!(dims(0, 1, 0x100, 10), 10);
        assert_eq!(declared_cells(&[1, 2, 3]), 0);
    }

    #[test]
    fn damaged_containers_are_refused_before_calamine() {
        assert!(Cfb::open(b"not ole").is_none());
        let mut bytes = compound_file(&biff(&[sheet((4, 7, 2, 6))]), false);
        // Point the directory at a sector past the end of the file.
        bytes[48..52].copy_from_slice(&1000u32.to_le_bytes());
        let err = check_xls_grid(
            "t.xls",
            &bytes,
            &Limits::default(),
            &crate::input::budget::Budget::new("t.xls", &Limits::default()),
        )
        .unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        let err = read_bytes("t.xls", &bytes, &Limits::default()).unwrap_err();
        assert!(matches!(err, Error::Workbook { .. }), "{err}");
    }
}
