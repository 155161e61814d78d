//! One allocation for each text a sheet repeats: a matrix holds a handful of letter texts
//! (`R`, `A`, `C/I`) in most of its cells, and a `String` per cell cost a heap allocation
//! and a copy each (the largest part of reading a workbook that is ours, not calamine's),
//! scattered the letters over the heap so that every later pass over the cells missed the
//! cache on each one, and about 32 bytes of heap a cell. A cell's text is an `Arc<str>`
//! instead, and the cells that hold the same text share it.
//!
//! The cache is direct-mapped and bounded (a slot per hash, the last text kept): it only
//! decides which cells share an allocation, never what a cell holds, since a hit is
//! compared in full. A hostile file of distinct texts costs one allocation a cell, as before.

use std::sync::Arc;

/// Slots of the cache: room for the letter texts of any scheme and the group and party
/// names a long-form sheet repeats, in 16 KiB.
const SLOTS: usize = 1024;

#[derive(Debug)]
pub(crate) struct TextCache {
    slots: Vec<Option<Arc<str>>>,
}

impl Default for TextCache {
    fn default() -> Self {
        TextCache {
            slots: vec![None; SLOTS],
        }
    }
}

/// What [`TextCache::share`] found: the text shared, and whether it had been met before
/// (then the memory budget has already charged it as a distinct text).
#[derive(Debug)]
pub(crate) struct Shared {
    pub text: Arc<str>,
    pub seen: bool,
}

impl TextCache {
    /// `text` as an `Arc<str>`, the one already made for the same text when the cache
    /// still holds it.
    pub fn share(&mut self, text: &str) -> Shared {
        let slot = &mut self.slots[slot_of(text)];
        if let Some(held) = slot.as_ref().filter(|held| ***held == *text) {
            return Shared {
                text: Arc::clone(held),
                seen: true,
            };
        }
        let made: Arc<str> = Arc::from(text);
        *slot = Some(Arc::clone(&made));
        Shared {
            text: made,
            seen: false,
        }
    }
}

/// FNV-1a over the bytes (a few instructions for a letter text; texts are compared in full
/// on a hit, so a collision only costs sharing). Not `DefaultHasher`: SipHash per cell was
/// what the cache is there to save.
fn slot_of(text: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as usize % SLOTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_texts_share_one_allocation_and_others_do_not() {
        let mut cache = TextCache::default();
        let a = cache.share("R");
        let b = cache.share("R");
        assert!(!a.seen && b.seen);
        assert!(Arc::ptr_eq(&a.text, &b.text));
        let c = cache.share("A");
        assert_eq!(&*c.text, "A");
        assert!(!c.seen);
        // Texts that fall in one slot replace each other; what a cell holds never changes.
        let mut texts = Vec::new();
        for i in 0..5 * SLOTS {
            let t = format!("task {i}");
            let shared = cache.share(&t);
            assert_eq!(&*shared.text, t);
            texts.push(shared.text);
        }
        let again = cache.share("R");
        assert_eq!(&*again.text, "R");
    }
}
