//! The finished audits `raci serve` keeps in memory for their downloads: each under a random,
//! unguessable id, the oldest dropped once the store is full. Nothing is ever written to disk,
//! and no name from an upload is ever a key or a path.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// One audit's rendered files and page.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The reports and charts, `(file name, bytes)`, as `render_files` made them: the names
    /// are the report stage's own, never the upload's.
    pub files: Vec<(String, Vec<u8>)>,
    /// The audit page, rendered once.
    pub page: String,
    /// The name offered for the zip of every file.
    pub zip_name: String,
}

/// A bounded, most-recent-first store of audits.
#[derive(Debug)]
pub(crate) struct Store {
    capacity: usize,
    entries: Mutex<VecDeque<(String, Arc<Entry>)>>,
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
    pub fn new(capacity: usize) -> Store {
        Store {
            capacity: capacity.max(1),
            entries: Mutex::new(VecDeque::new()),
        }
    }

    /// Keeps `entry` under `id`, dropping the oldest audits beyond the capacity.
    pub fn insert(&self, id: String, entry: Arc<Entry>) {
        // A panic while holding the lock cannot leave the queue half-changed (every change
        // is one call), so a poisoned lock is still safe to use.
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.push_front((id, entry));
        entries.truncate(self.capacity);
    }

    pub fn get(&self, id: &str) -> Option<Arc<Entry>> {
        if !is_id(id) {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, e)| Arc::clone(e))
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u8) -> Arc<Entry> {
        Arc::new(Entry {
            files: vec![("tasks.csv".into(), vec![n])],
            page: String::new(),
            zip_name: "x.zip".into(),
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
        let store = Store::new(2);
        let ids: Vec<String> = (0..3).map(|_| new_id().unwrap()).collect();
        for (n, id) in ids.iter().enumerate() {
            store.insert(id.clone(), entry(n as u8));
        }
        assert!(store.get(&ids[0]).is_none());
        assert_eq!(store.get(&ids[1]).unwrap().files[0].1, vec![1]);
        assert_eq!(store.get(&ids[2]).unwrap().files[0].1, vec![2]);
    }
}
