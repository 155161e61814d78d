//! What the classifier computes from the taxonomy's signals before it can score a name: each
//! signal's words folded (a user story's "HU" or "US" written out, as in names: see
//! `text::signal_words`), stripped of stop words and stemmed in its language, the stems
//! numbered. It was most of the cost of every run's start (35,000 signals, each word through
//! its language's stemmer), and for the built-in taxonomy it is always the same: the build script
//! (`build.rs`, which compiles this file, `text.rs` and `lang.rs` on their own) computes it
//! once and writes it in a compact form the binary carries; the classifier reads that back
//! when its signals are the built-in ones, and computes it here otherwise (a user's taxonomy
//! file, signals added in `raci.toml`). One code for both, so they cannot drift; a unit test
//! compares the two field by field. The compact form is a few length-prefixed lists read
//! without a parser: serde_json, the one serde data format in the tree, would parse 3 MB of
//! text at every start, the kind of cost this removes.

use super::lang::{self, Lang};
use super::text;
use rust_stemmers::Stemmer;
use std::collections::{HashMap, HashSet};

/// One list of signals of one taxonomy entry in one language, as the classifier reads them:
/// the entry's index, the language, the signals (trimmed).
pub(super) type SignalList<'a> = (u32, Lang, &'a [String]);

/// The signals prepared: the stems numbered, the words behind them, the English words, and
/// every signal as stem ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Prepared {
    /// Per stem id: the stem and its language.
    pub(super) stems: Vec<String>,
    pub(super) stem_lang: Vec<Lang>,
    /// Each distinct signal word once per language it is written in (folded), with its stem
    /// id in that language, in the order first met.
    pub(super) words_of_stem: Vec<(u32, String)>,
    /// The words of the English signals (folded), in the order first met.
    pub(super) english_words: Vec<String>,
    pub(super) signals: Signals,
}

impl Prepared {
    /// Reads every signal of `lists`, in order.
    pub(super) fn build(lists: &[SignalList], stemmers: &Stemmers) -> Prepared {
        let mut signals = Signals::with_capacity(lists.iter().map(|(_, _, list)| list.len()).sum());
        let mut vocab = VocabularyBuilder {
            stems: vec![HashMap::new(); Lang::ALL.len()],
            ..VocabularyBuilder::default()
        };
        let mut words_of_stem: Vec<(u32, String)> = Vec::new();
        let mut english_words = Vec::new();
        let mut english_seen = HashSet::new();
        // Signals repeat their words ("backlog" in dozens of them): each word is stemmed once
        // per language.
        let mut stem_ids: Vec<HashMap<String, u32>> = vec![HashMap::new(); Lang::ALL.len()];
        // Each signal is read and given its stems at once, its words borrowed from the words
        // as written: holding every signal's words until all are read made the build's heap
        // a third larger, for nothing.
        for &(entry, lang, list) in lists {
            for signal in list {
                // Read once: its words as the classifier reads them, and as written for
                // display.
                let raw = text::raw_words(signal);
                let written = text::signal_words(&raw, lang);
                let words = text::content_of_words(&written);
                if words.is_empty() {
                    continue;
                }
                if lang == Lang::En {
                    for &word in &words {
                        if !english_seen.contains(word) {
                            english_seen.insert(word.to_string());
                            english_words.push(word.to_string());
                        }
                    }
                }
                let mut ids = Vec::with_capacity(words.len());
                for &word in &words {
                    let id = match stem_ids[lang.index()].get(word) {
                        Some(&id) => id,
                        None => {
                            let stem = stemmers.stem(lang, word).into_owned();
                            let id = vocab.id(lang, stem);
                            stem_ids[lang.index()].insert(word.to_string(), id);
                            // Each word once per language: what follows needs its stems,
                            // not how often signals repeat it.
                            words_of_stem.push((id, word.to_string()));
                            id
                        }
                    };
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let joins = written.iter().any(|w| lang::is_conjunction(w, Some(lang)));
                // Shown as written ("priorizar hu"), so that a user finds it in the taxonomy;
                // only its words are read with the abbreviation written out.
                signals.push(entry, &ids, joins, raw.iter().map(|w| w.folded));
            }
        }
        let mut stems = vec![String::new(); vocab.stem_lang.len()];
        for map in vocab.stems {
            for (stem, id) in map {
                stems[id as usize] = stem;
            }
        }
        Prepared {
            stems,
            stem_lang: vocab.stem_lang,
            words_of_stem,
            english_words,
            signals,
        }
    }

    /// The built-in taxonomy in the compact form: its entries' other fields, its signals, and
    /// the signals prepared. The build script's.
    #[allow(dead_code)]
    pub(super) fn bake(
        entries: &[EntryText],
        lists: &[SignalList],
        stemmers: &Stemmers,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        put_u32(&mut out, entries.len());
        for entry in entries {
            for field in [
                &entry.id,
                &entry.side,
                &entry.kind,
                &entry.section,
                &entry.text,
            ] {
                put_str(&mut out, field);
            }
            out.push(entry.covers.is_some() as u8);
            put_str(&mut out, entry.covers.as_deref().unwrap_or_default());
        }
        let key = key(lists);
        put_u32(&mut out, key.len());
        out.extend_from_slice(&key);
        Prepared::build(lists, stemmers).encode(&mut out);
        out
    }

    /// What [`Prepared::bake`] prepared, when it was prepared from these very signals (the
    /// same text in the same entries, languages and order); `None` for any other.
    pub(super) fn baked_for(baked: &[u8], lists: &[SignalList]) -> Option<Prepared> {
        let mut reader = Reader(baked);
        read_entries(&mut reader)?;
        let len = reader.u32()?;
        if !key_matches(reader.bytes(len)?, lists) {
            return None;
        }
        let prepared = Prepared::decode(&mut reader)?;
        reader.0.is_empty().then_some(prepared)
    }

    fn encode(&self, out: &mut Vec<u8>) {
        put_u32(out, self.stems.len());
        for (stem, lang) in self.stems.iter().zip(&self.stem_lang) {
            out.push(lang.index() as u8);
            put_str(out, stem);
        }
        put_u32(out, self.words_of_stem.len());
        for (id, word) in &self.words_of_stem {
            put_u32(out, *id as usize);
            put_str(out, word);
        }
        put_u32(out, self.english_words.len());
        for word in &self.english_words {
            put_str(out, word);
        }
        let s = &self.signals;
        for list in [&s.entry, &s.stems_end, &s.stems, &s.display_end] {
            put_u32(out, list.len());
            for &n in list.iter() {
                put_u32(out, n as usize);
            }
        }
        put_u32(out, s.joins.len());
        out.extend(s.joins.iter().map(|&j| j as u8));
        put_str(out, &s.display);
    }

    fn decode(reader: &mut Reader) -> Option<Prepared> {
        let count = reader.u32()?;
        let mut stems = Vec::with_capacity(count);
        let mut stem_lang = Vec::with_capacity(count);
        for _ in 0..count {
            stem_lang.push(*Lang::ALL.get(reader.byte()? as usize)?);
            stems.push(reader.str()?.to_string());
        }
        let count = reader.u32()?;
        let mut words_of_stem = Vec::with_capacity(count);
        for _ in 0..count {
            let id = reader.u32()? as u32;
            words_of_stem.push((id, reader.str()?.to_string()));
        }
        let count = reader.u32()?;
        let mut english_words = Vec::with_capacity(count);
        for _ in 0..count {
            english_words.push(reader.str()?.to_string());
        }
        let mut lists = [(); 4].map(|_| Vec::new());
        for list in &mut lists {
            let count = reader.u32()?;
            list.reserve_exact(count);
            for _ in 0..count {
                list.push(reader.u32()? as u32);
            }
        }
        let [entry, stems_end, signal_stems, display_end] = lists;
        let count = reader.u32()?;
        let joins = reader.bytes(count)?.iter().map(|&b| b != 0).collect();
        let display = reader.str()?.to_string();
        Some(Prepared {
            stems,
            stem_lang,
            words_of_stem,
            english_words,
            signals: Signals {
                entry,
                stems_end,
                stems: signal_stems,
                joins,
                display_end,
                display,
            },
        })
    }
}

/// One taxonomy entry's fields other than its signals, as written in the file.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EntryText {
    pub(super) id: String,
    pub(super) side: String,
    pub(super) kind: String,
    pub(super) covers: Option<String>,
    pub(super) section: String,
    pub(super) text: String,
}

/// The taxonomy [`Prepared::bake`] was given: its entries, and per entry and language its
/// signals, in order; `None` when the compact form is damaged.
pub(super) fn baked_taxonomy(baked: &[u8]) -> Option<(Vec<EntryText>, BakedLists)> {
    let mut reader = Reader(baked);
    let entries = read_entries(&mut reader)?;
    let len = reader.u32()?;
    let mut key = Reader(reader.bytes(len)?);
    let mut lists = Vec::new();
    while !key.0.is_empty() {
        let entry = key.u32()? as u32;
        let lang = *Lang::ALL.get(key.byte()? as usize)?;
        let count = key.u32()?;
        let mut list = Vec::with_capacity(count);
        for _ in 0..count {
            list.push(key.str()?.to_string());
        }
        lists.push((entry, lang, list));
    }
    Some((entries, lists))
}

/// Per entry and language, its signals: what [`SignalList`] borrows.
pub(super) type BakedLists = Vec<(u32, Lang, Vec<String>)>;

fn read_entries(reader: &mut Reader) -> Option<Vec<EntryText>> {
    let count = reader.u32()?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let mut field = || reader.str().map(str::to_string);
        let (id, side, kind, section, text) = (field()?, field()?, field()?, field()?, field()?);
        let has_covers = reader.byte()? != 0;
        let covers = reader.str()?;
        entries.push(EntryText {
            id,
            side,
            kind,
            covers: has_covers.then(|| covers.to_string()),
            section,
            text,
        });
    }
    Some(entries)
}

/// The signals themselves in the compact form: what a baked index must have been made from.
fn key(lists: &[SignalList]) -> Vec<u8> {
    let mut out = Vec::with_capacity(lists.iter().map(|(_, _, l)| l.len() * 24).sum());
    for &(entry, lang, list) in lists {
        put_u32(&mut out, entry as usize);
        out.push(lang.index() as u8);
        put_u32(&mut out, list.len());
        for signal in list {
            put_str(&mut out, signal);
        }
    }
    out
}

/// Whether `written` is [`key`] of `lists`, read in place: the check runs at every start, and
/// writing the key again to compare it copied the text of every signal.
fn key_matches(written: &[u8], lists: &[SignalList]) -> bool {
    let mut r = Reader(written);
    let same = lists.iter().all(|&(entry, lang, list)| {
        r.u32() == Some(entry as usize)
            && r.byte() == Some(lang.index() as u8)
            && r.u32() == Some(list.len())
            && list
                .iter()
                .all(|s| r.u32() == Some(s.len()) && r.bytes(s.len()) == Some(s.as_bytes()))
    });
    same && r.0.is_empty()
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Reads the compact form; `None` when it ends early or holds what it cannot (a build defect:
/// the classifier then prepares its signals itself).
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, len: usize) -> Option<&'a [u8]> {
        if self.0.len() < len {
            return None;
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }

    fn u32(&mut self) -> Option<usize> {
        let bytes = self.bytes(4)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?) as usize)
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()?;
        std::str::from_utf8(self.bytes(len)?).ok()
    }
}

/// Every signal of the taxonomy: its entry, its stems and its words as they appear after
/// normalisation (for explanations), in flat lists. Two small allocations per signal for
/// 21,000 signals were a quarter of the classifier's heap and most of its cost to free.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Signals {
    entry: Vec<u32>,
    /// Where each signal's stems end in `stems` (they start where the previous one's end).
    stems_end: Vec<u32>,
    stems: Vec<u32>,
    /// Per signal: it names a conjunction itself ("pricing and packaging"), so its words may
    /// lie in two conjuncts of a name.
    joins: Vec<bool>,
    /// Where each signal's words end in `display`.
    display_end: Vec<u32>,
    display: String,
}

impl Signals {
    pub(super) fn with_capacity(count: usize) -> Signals {
        Signals {
            entry: Vec::with_capacity(count),
            stems_end: Vec::with_capacity(count),
            stems: Vec::with_capacity(count * 2),
            joins: Vec::with_capacity(count),
            display_end: Vec::with_capacity(count),
            display: String::with_capacity(count * 16),
        }
    }

    /// One signal: its entry, stems, whether it joins conjuncts, and its words as shown.
    pub(super) fn push<'w>(
        &mut self,
        entry: u32,
        stems: &[u32],
        joins: bool,
        words: impl Iterator<Item = &'w str>,
    ) {
        self.entry.push(entry);
        self.joins.push(joins);
        self.stems.extend_from_slice(stems);
        self.stems_end.push(self.stems.len() as u32);
        for (i, word) in words.enumerate() {
            if i > 0 {
                self.display.push(' ');
            }
            self.display.push_str(word);
        }
        self.display_end.push(self.display.len() as u32);
    }

    pub(super) fn len(&self) -> usize {
        self.entry.len()
    }

    pub(super) fn entry(&self, signal: u32) -> u32 {
        self.entry[signal as usize]
    }

    pub(super) fn joins(&self, signal: u32) -> bool {
        self.joins[signal as usize]
    }

    pub(super) fn stems(&self, signal: u32) -> &[u32] {
        let i = signal as usize;
        let start = if i == 0 { 0 } else { self.stems_end[i - 1] };
        &self.stems[start as usize..self.stems_end[i] as usize]
    }

    pub(super) fn display(&self, signal: u32) -> &str {
        let i = signal as usize;
        let start = if i == 0 { 0 } else { self.display_end[i - 1] };
        &self.display[start as usize..self.display_end[i] as usize]
    }
}

/// One `rust_stemmers::Stemmer` per language; it has no `Debug`, this wrapper gives it one.
pub(super) struct Stemmers(Vec<Stemmer>);

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmers(en, fr, de, es, it, pt, nl)")
    }
}

impl Stemmers {
    pub(super) fn new() -> Stemmers {
        Stemmers(
            Lang::ALL
                .iter()
                .map(|l| Stemmer::create(l.stemmer()))
                .collect(),
        )
    }

    pub(super) fn stem<'a>(&self, lang: Lang, word: &'a str) -> std::borrow::Cow<'a, str> {
        if lang == Lang::En {
            text::stem(&self.0[0], word)
        } else {
            self.0[lang.index()].stem(word)
        }
    }
}

/// The vocabulary while the classifier is built.
#[derive(Debug, Default)]
struct VocabularyBuilder {
    stems: Vec<HashMap<String, u32>>,
    stem_lang: Vec<Lang>,
}

impl VocabularyBuilder {
    fn id(&mut self, lang: Lang, stem: String) -> u32 {
        let next = self.stem_lang.len() as u32;
        let id = *self.stems[lang.index()].entry(stem).or_insert(next);
        if id == next {
            self.stem_lang.push(lang);
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::super::classifier::signal_lists;
    use super::super::taxonomy::BUILTIN_PREPARED as BAKED;
    use super::super::{SignalAddition, Taxonomy};
    use super::*;

    #[test]
    fn baked_builtin_is_built_builtin() {
        // The build script read the file itself: what it prepared is what the classifier
        // prepares from the taxonomy as read at run time, field by field, so the built-in
        // path can never drift from the path every other taxonomy takes.
        let taxonomy = Taxonomy::builtin();
        let lists = signal_lists(&taxonomy);
        let baked = Prepared::baked_for(BAKED, &lists).expect("baked for the built-in signals");
        let built = Prepared::build(&lists, &Stemmers::new());
        assert!(built.signals.len() > 30_000, "{}", built.signals.len());
        assert_eq!(baked.stems.len(), baked.stem_lang.len());
        assert_eq!(baked, built);
    }

    #[test]
    fn other_signals_are_not_read_from_the_baked_ones() {
        let mut taxonomy = Taxonomy::builtin();
        taxonomy
            .add_signals(&[SignalAddition {
                duty: "pm-market-research".into(),
                signals: vec!["Field study".into()],
            }])
            .unwrap();
        assert_eq!(Prepared::baked_for(BAKED, &signal_lists(&taxonomy)), None);
        // The same signals in another entry, or in another language, are other signals.
        let taxonomy = Taxonomy::builtin();
        let mut lists = signal_lists(&taxonomy);
        lists[0].0 = 1;
        assert_eq!(Prepared::baked_for(BAKED, &lists), None);
        let mut lists = signal_lists(&taxonomy);
        lists[0].1 = Lang::Fr;
        assert_eq!(Prepared::baked_for(BAKED, &lists), None);
        let lists = signal_lists(&taxonomy);
        assert_eq!(Prepared::baked_for(BAKED, &lists[1..]), None);
        assert_eq!(Prepared::baked_for(BAKED, &lists[..lists.len() - 1]), None);
    }

    #[test]
    fn the_compact_form_reads_back_and_a_damaged_one_is_refused() {
        let po = [
            "Sprint planning".to_string(),
            "backlog & refinement".to_string(),
        ];
        let fr = [
            "Priorisation du backlog".to_string(),
            "l'équipe".to_string(),
        ];
        let lists: Vec<SignalList> = vec![(0, Lang::En, &po), (1, Lang::Fr, &fr)];
        let stemmers = Stemmers::new();
        let baked = Prepared::bake(&[], &lists, &stemmers);
        let built = Prepared::build(&lists, &stemmers);
        assert_eq!(
            built.english_words,
            ["sprint", "planning", "backlog", "refinement"]
        );
        assert!(built.signals.joins(1) && !built.signals.joins(0));
        assert_eq!(Prepared::baked_for(&baked, &lists), Some(built));
        for len in [0, 3, 4, baked.len() / 2, baked.len() - 1] {
            assert_eq!(Prepared::baked_for(&baked[..len], &lists), None, "{len}");
        }
        let mut longer = baked.clone();
        longer.push(0);
        assert_eq!(Prepared::baked_for(&longer, &lists), None);
    }
}
