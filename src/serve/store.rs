//! The finished audits `raci serve` keeps in memory for their downloads: each under a random,
//! unguessable id, the oldest dropped once the store holds more audits, or more bytes, than
//! it may. Nothing is ever written to disk, and no name from an upload is ever a key or a path.

use axum::body::Bytes;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// One audit's rendered files and page.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The reports and charts, `(file name, bytes)`, as `Pipeline::render` made them: the names
    /// are the report stage's own, never the upload's. `Bytes` so that a download or a zip
    /// shares them instead of copying them.
    pub files: Vec<(String, Bytes)>,
    /// The audit page, rendered once (it holds the charts again, as `data:` images).
    pub page: Bytes,
    /// The name offered for the zip of every file.
    pub zip_name: String,
    /// What the audit was made from and concluded, for its review page and re-audits.
    pub review: Option<super::review::Kept>,
}

impl Entry {
    /// The bytes this entry keeps alive: every file, the page and the names, and what the
    /// review keeps (the upload and the matrix, see `review::Kept::size`).
    pub fn size(&self) -> u64 {
        let files: usize = self
            .files
            .iter()
            .map(|(name, bytes)| name.len() + bytes.len())
            .sum();
        (files + self.page.len() + self.zip_name.len()) as u64
            + self.review.as_ref().map_or(0, |k| k.size())
    }
}

/// An audit the store cannot keep whatever it evicts: it alone is over the byte budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OverBudget {
    pub size: u64,
    pub budget: u64,
}

/// A bounded, most-recent-first store of audits: at most `capacity` of them, and at most
/// `budget` bytes between them (see [`Entry::size`]).
#[derive(Debug)]
pub(crate) struct Store {
    capacity: usize,
    budget: u64,
    inner: Mutex<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    entries: VecDeque<(String, Arc<Entry>)>,
    /// The sum of `Entry::size` over `entries`, kept as they come and go.
    bytes: u64,
}

/// 128 random bits as 32 lowercase hex digits.
pub(crate) fn new_id() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Only ids this store could have made are looked up.
pub(crate) fn is_id(text: &str) -> bool {
    text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Store {
    pub fn new(capacity: usize, budget: u64) -> Store {
        Store {
            capacity: capacity.max(1),
            budget,
            inner: Mutex::new(Kept::default()),
        }
    }

    /// Keeps `entry` under `id`, dropping the oldest audits until the store is within its
    /// count and its bytes. An entry over the whole budget is refused, and nothing is dropped
    /// for it.
    pub fn insert(&self, id: String, entry: Arc<Entry>) -> Result<(), OverBudget> {
        let size = entry.size();
        self.fits(size)?;
        // A panic while holding the lock cannot leave the queue half-changed (every change
        // is one call, and `bytes` is updated after it), so a poisoned lock is still safe.
        let mut kept = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        kept.entries.push_front((id, entry));
        kept.bytes += size;
        while kept.entries.len() > self.capacity || kept.bytes > self.budget {
            // The newest entry fits on its own, so the loop stops before reaching it.
            let Some((_, old)) = kept.entries.pop_back() else {
                break;
            };
            kept.bytes -= old.size();
        }
        Ok(())
    }

    /// Could an audit of `size` bytes be kept? Lets the server refuse one before it spends
    /// time on its page.
    pub fn fits(&self, size: u64) -> Result<(), OverBudget> {
        if size > self.budget {
            Err(OverBudget {
                size,
                budget: self.budget,
            })
        } else {
            Ok(())
        }
    }

    pub fn get(&self, id: &str) -> Option<Arc<Entry>> {
        if !is_id(id) {
            return None;
        }
        let kept = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        kept.entries
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, e)| Arc::clone(e))
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn budget(&self) -> u64 {
        self.budget
    }

    /// How many audits and bytes are kept now.
    #[cfg(test)]
    pub fn usage(&self) -> (usize, u64) {
        let kept = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        (kept.entries.len(), kept.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u8) -> Arc<Entry> {
        sized(n, 1)
    }

    /// An entry with one file of `len` bytes, all `n`.
    fn sized(n: u8, len: usize) -> Arc<Entry> {
        Arc::new(Entry {
            files: vec![("tasks.csv".into(), Bytes::from(vec![n; len]))],
            page: Bytes::from_static(b"<p>page</p>"),
            zip_name: "x.zip".into(),
            review: None,
        })
    }

    #[test]
    fn ids_are_random_hex_and_distinct() {
        let a = new_id().unwrap();
        let b = new_id().unwrap();
        assert!(is_id(&a) && is_id(&b), "{a} {b}");
        assert_ne!(a, b);
        assert!(!is_id("../../etc/passwd"));
        assert!(!is_id(&a.to_uppercase()));
    }

    #[test]
    fn keeps_only_the_newest() {
        let store = Store::new(2, u64::MAX);
        let ids: Vec<String> = (0..3).map(|_| new_id().unwrap()).collect();
        for (n, id) in ids.iter().enumerate() {
            store.insert(id.clone(), entry(n as u8)).unwrap();
        }
        assert!(store.get(&ids[0]).is_none());
        assert_eq!(store.get(&ids[1]).unwrap().files[0].1[..], [1]);
        assert_eq!(store.get(&ids[2]).unwrap().files[0].1[..], [2]);
    }

    #[test]
    fn an_entry_counts_its_files_page_and_names() {
        let e = sized(0, 1000);
        // "tasks.csv" + 1000 bytes + "<p>page</p>" + "x.zip"
        assert_eq!(e.size(), 9 + 1000 + 11 + 5);
    }

    #[test]
    fn the_oldest_go_once_the_bytes_are_over_budget() {
        let one = sized(0, 1000).size();
        // Room for two entries and a half.
        let store = Store::new(32, one * 5 / 2);
        let ids: Vec<String> = (0..4).map(|_| new_id().unwrap()).collect();
        for (n, id) in ids.iter().enumerate() {
            store.insert(id.clone(), sized(n as u8, 1000)).unwrap();
            assert!(store.usage().1 <= store.budget());
        }
        assert_eq!(store.usage(), (2, 2 * one));
        assert!(store.get(&ids[0]).is_none() && store.get(&ids[1]).is_none());
        assert!(store.get(&ids[2]).is_some() && store.get(&ids[3]).is_some());

        // A bigger one pushes out as many as it needs, oldest first.
        let big = new_id().unwrap();
        store.insert(big.clone(), sized(9, 2000)).unwrap();
        assert!(store.get(&ids[2]).is_none() && store.get(&ids[3]).is_none());
        assert_eq!(store.usage(), (1, sized(9, 2000).size()));
    }

    #[test]
    fn an_entry_over_the_whole_budget_is_refused_and_evicts_nothing() {
        let store = Store::new(32, 2000);
        let kept = new_id().unwrap();
        store.insert(kept.clone(), sized(1, 100)).unwrap();
        let huge = sized(2, 5000);
        let refused = store.insert(new_id().unwrap(), Arc::clone(&huge));
        assert_eq!(
            refused,
            Err(OverBudget {
                size: huge.size(),
                budget: 2000
            })
        );
        assert!(store.get(&kept).is_some());
        assert_eq!(store.usage().0, 1);
    }
}
