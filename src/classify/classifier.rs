//! The lexical classifier: scores a task name against every taxonomy entry's signals, in the
//! seven languages, and decides PO, PM, shared or unclassified, keeping the words that
//! decided it.
//!
//! Scoring, in short: the name's language is detected from its stop words, letters, endings
//! and the vocabulary it matches; words are folded, expanded, stripped of stop words and read
//! through each language's stemmer against that language's signals (English signals are read
//! in every language: teams everywhere write "backlog" and "sprint"). A German or Dutch word
//! the vocabulary does not know may be read as the words it is glued from
//! ("Wettbewerbsanalyse"), and an unknown word next to a known one as a typo of a vocabulary
//! word. A signal matches when all its stems are in one conjunct of the name ("Vision &
//! execution" is two things, not "execute the vision"). Each word counts once per entry,
//! at the best signal that covers it; signals of several words weigh more per word, vague
//! words ("product", "plan") and words that are signals on several sides weigh less. A side
//! scores its best entry plus a share of its other entries; the task's group adds a share of
//! its own scores. Work of another trade (engineering, finance, ...) that scores close to the
//! best product side leaves the task unclassified with that reason; a PO duty and a PM duty
//! named by different words, both strong, make it shared; otherwise the stronger side wins.

use super::lang::{self, Lang};
use super::prepare::{Prepared, SignalList, Signals, Stemmers};
use super::taxonomy::BUILTIN_PREPARED;
use super::text;
use super::{Classification, DutyKind, SideSource, Taxonomy};
use crate::model::Side;
use std::collections::HashMap;
use std::sync::Arc;

/// Below this score nothing matched well enough: abstain rather than guess. One specific word
/// ("backlog", "pricing") is enough; one vague word ("product", "plan") is not.
const MIN_SCORE: f64 = 0.75;
/// Extra weight per additional word of a phrase, capped at a three-word phrase.
const PHRASE_BONUS: f64 = 0.5;
/// The share of a side's other matching entries added to its best one.
const AGGREGATE: f64 = 0.3;
/// Skills and traits help classify but are less specific than duties.
const SKILL_FACTOR: f64 = 0.8;
/// A word read through a typo correction counts a little less than one spelled right.
const TYPO_FACTOR: f64 = 0.85;
/// A part of a glued word counts a little less than a word written on its own.
const COMPOUND_FACTOR: f64 = 0.9;
/// What an expanded abbreviation ("KPI", "ICP") weighs, in words.
const ABBREVIATION_WEIGHT: f64 = 1.5;
/// How much more the word naming the task's action weighs (see `Classifier::action_word`).
const ACTION_BOOST: f64 = 1.2;
/// The share of the group's (phase's) scores added to the task's own.
const CONTEXT_WEIGHT: f64 = 0.3;
/// Another trade wins when its score reaches this share of the best product side's: the
/// labelling rule is that the craft of another trade decides "even when a product word appears
/// in it" ("Implement pricing page" is engineering).
const OTHER_WINS: f64 = 0.8;
/// A shared task names a PO duty and a PM duty, each strong enough to place the task alone,
/// through different words.
const SHARED_EACH: f64 = 0.75;
/// ... and the weaker side holds at least this share of the stronger one.
const SHARED_RATIO: f64 = 0.3;
/// A second duty of one side must hold at least this share of the first's score: words that
/// say where the work happens ("in the sprint", "for the dev team") name a duty weakly, and
/// counting them as covering it would hide the duty nobody really has.
const SECOND_DUTY_RATIO: f64 = 0.5;

/// Words too common in product work to decide a side alone; they still help inside phrases.
/// English ones are stems; the others are words, stemmed with their language's stemmer.
/// "how" is one ("how-to guide"); "who" and "why", the PM's words in the article, are rare in
/// task names and kept at full weight. "customer" is one: "Customer support rota" is not PM
/// work, while "customer interviews" still is, by its phrase.
const VAGUE_EN: &[&str] = &[
    "build", "busi", "creat", "customer", "defin", "develop", "feat", "featur", "goal", "how",
    "make", "manag", "new", "own", "plan", "prepar", "process", "product", "review", "run", "set",
    "team", "track", "updat", "user", "what", "work", "write",
];

const VAGUE_LOCAL: &[(Lang, &[&str])] = &[
    (
        Lang::Fr,
        &[
            "client",
            "clients",
            "creer",
            "definir",
            "developpement",
            "developper",
            "equipe",
            "faire",
            "gerer",
            "gestion",
            "mettre",
            "mise",
            "nouveau",
            "nouvelle",
            "objectif",
            "plan",
            "point",
            "preparer",
            "processus",
            "produit",
            "suivi",
            "suivre",
            "travail",
            "utilisateur",
            "utilisateurs",
        ],
    ),
    (
        Lang::De,
        &[
            "arbeit",
            "definieren",
            "durchfuhren",
            "entwickeln",
            "entwicklung",
            "erstellen",
            "festlegen",
            "kunde",
            "kunden",
            "machen",
            "management",
            "neu",
            "neue",
            "nutzer",
            "plan",
            "planen",
            "produkt",
            "prozess",
            "team",
            "ziel",
            "ziele",
        ],
    ),
    (
        Lang::Es,
        &[
            "cliente",
            "clientes",
            "crear",
            "definir",
            "desarrollar",
            "desarrollo",
            "equipo",
            "gestion",
            "hacer",
            "nueva",
            "nuevo",
            "objetivo",
            "plan",
            "preparar",
            "proceso",
            "producto",
            "trabajo",
            "usuario",
            "usuarios",
        ],
    ),
    (
        Lang::It,
        &[
            "cliente",
            "clienti",
            "creare",
            "definire",
            "fare",
            "gestione",
            "lavoro",
            "nuova",
            "nuovo",
            "obiettivo",
            "piano",
            "preparare",
            "processo",
            "prodotto",
            "sviluppare",
            "sviluppo",
            "team",
            "utente",
            "utenti",
        ],
    ),
    (
        Lang::Pt,
        &[
            "cliente",
            "clientes",
            "criar",
            "definir",
            "desenvolver",
            "desenvolvimento",
            "equipe",
            "fazer",
            "gestao",
            "nova",
            "novo",
            "objetivo",
            "plano",
            "preparar",
            "processo",
            "produto",
            "time",
            "trabalho",
            "usuario",
            "usuarios",
        ],
    ),
    (
        Lang::Nl,
        &[
            "bepalen",
            "beheer",
            "doel",
            "gebruiker",
            "gebruikers",
            "klant",
            "klanten",
            "maken",
            "nieuw",
            "nieuwe",
            "ontwikkelen",
            "ontwikkeling",
            "opstellen",
            "plan",
            "proces",
            "product",
            "team",
            "werk",
        ],
    ),
];

/// One reading of a word, or of one part of a glued word: the stems it may be, one per
/// language whose vocabulary knows it.
#[derive(Debug, Clone)]
struct Part {
    stems: Vec<u32>,
    /// Bit per [`Lang::index`]: the languages whose vocabulary knows it.
    langs: u8,
    /// The part as read (a glued word's head without its linking letter).
    text: String,
    /// `text` is a word of the English signals as written: asked for every token of every
    /// name, and found once here, when the word is first read.
    english: bool,
}

/// How one word of a task name reads against the vocabulary: a pure function of the word.
#[derive(Debug, Clone)]
enum Reading {
    /// One part (a word the vocabulary knows) or several (a glued word), and for a glued word
    /// what explanations show for it (`wettbewerbsanalyse->wettbewerb + analyse`), written
    /// here once per word rather than once per name that holds it.
    Known { parts: Vec<Part>, note: String },
    /// A typo candidate.
    Unknown,
}

/// Words already read, typo corrections already searched and groups already scored, for one
/// run over many task names. Big matrices repeat their words thousands of times ("review",
/// "backlog", a product name), while stemming in seven languages, compound splitting and the
/// typo search cost microseconds per word: reading each distinct word once makes a
/// 50,000-task matrix several times faster. Every map holds pure functions of its key, so a
/// memo never changes an answer.
#[derive(Debug, Default)]
pub struct Memo {
    words: HashMap<String, Arc<Reading>>,
    /// Per word as written (lower case): its evidence for each language.
    cues: HashMap<String, [f64; 7]>,
    typos: HashMap<String, Option<(String, Vec<u32>)>>,
    groups: HashMap<String, Arc<Scores>>,
    /// Scratch for [`Classifier::score_words`]: which stems the name being scored holds.
    marks: StemMarks,
}

/// Per stem id of the vocabulary: the stamp of the last name that held the stem and where it
/// lies in that name's list. A new name takes a new stamp instead of clearing the table, so
/// marking costs the name's stems only, not the vocabulary's.
#[derive(Debug, Default)]
struct StemMarks {
    stamp: u32,
    /// Per stem id: (stamp, position).
    slots: Vec<(u32, u32)>,
}

impl StemMarks {
    /// Starts a new name over a vocabulary of `stems` stems: no stem is marked.
    fn stamp(&mut self, stems: usize) -> &mut StemMarks {
        if self.slots.len() < stems {
            self.slots.resize(stems, (0, 0));
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Four billion names later: stamp 0 is the fresh table's, so start again.
            self.slots.iter_mut().for_each(|s| *s = (0, 0));
            self.stamp = 1;
        }
        self
    }

    fn set(&mut self, stem: u32, position: u32) {
        self.slots[stem as usize] = (self.stamp, position);
    }

    /// Where `stem` lies in the name's list, if the name holds it.
    fn get(&self, stem: u32) -> Option<u32> {
        let (stamp, position) = self.slots[stem as usize];
        (stamp == self.stamp).then_some(position)
    }
}

/// The most words one map of a [`Memo`] holds: a file of a million distinct words (a hostile
/// one, or one numbered word a row) must not grow it without end. A full map is emptied and
/// fills again: a memo never changes an answer, so forgetting costs time only, and the words
/// a file repeats are back after their next use. 32,768 words is a few megabytes, and more
/// distinct words than real exports hold.
const MEMO_WORDS: usize = 1 << 15;
/// The most groups a [`Memo`] holds: a group's scores are a few kilobytes, a word's a few
/// dozen bytes, and files have far fewer groups than words.
const MEMO_GROUPS: usize = 1 << 12;

/// Keeps `value` for `key` in one map of a [`Memo`], emptying the map first when it holds
/// `cap` entries. Why not an LRU cache (the `lru` crate): it touches a linked list on every
/// hit, and hits are nearly every look-up; emptying costs one miss per word once per `cap`
/// new words.
fn remember<V>(map: &mut HashMap<String, V>, cap: usize, key: &str, value: V) {
    if map.len() >= cap {
        map.clear();
    }
    map.insert(key.to_string(), value);
}

/// What a task is read with besides its name.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaskContext<'a> {
    /// The task's group or phase ("Discovery", "Sprint 3", "Go-to-market").
    pub group: Option<&'a str>,
    /// The dominant language of the file, for names that show none of their own.
    pub file_lang: Option<Lang>,
    /// The language the name shows on its own, when the caller already detected it (to find
    /// `file_lang`): `Some(None)` is a name that shows none. `None` detects it again.
    pub own_lang: Option<Option<Lang>>,
}

/// The conjuncts of a name: a conjunction word ("and", "und", "&") or a spaced '/' or '+'
/// starts the next one. "Vision & execution" names two things, so one phrase ("execute the
/// vision") does not take a word from each. A conjunct of one word next to a longer one
/// shares the longer one's words, all but the one that stands in the same place as the lonely
/// word: in "Write and prioritise user stories" both verbs take "user stories", and in
/// "Product vision and execution" "execution" takes "product", not "vision". That word is the
/// first of a conjunct after the lonely one; before it, the last ("Product vision"), or the
/// first in French, Spanish, Italian and Portuguese, which name the thing before its kind
/// ("Estrategia de producto y entrega").
#[derive(Debug)]
struct Conjuncts {
    /// Per written word: its conjunct (none when the name is one conjunct: nothing asks).
    of_word: Vec<u32>,
    /// Per conjunct: whether it holds one content word only.
    lonely: Vec<bool>,
    /// Per conjunct: whether it is one written word and nothing else ("Prepare" in "Prepare
    /// and present the roadmap"; not "the support" in "requests of sales and the support").
    bare: Vec<bool>,
    /// Per conjunct: its words that a lonely neighbour does not share.
    stand_ins: Vec<StandIns>,
}

/// The content words of one conjunct that stand in the place of a lonely neighbour: the
/// neighbour shares every other content word of this conjunct, but not the word of its own
/// kind ("prioritise" is a verb like "Draft", "vision" a thing like "execution"). Both are
/// `None` for a conjunct without content words ("and / or"): no word the classifier reads lies
/// in it, so nothing asks, and a made-up word index would name a word elsewhere in the name.
#[derive(Debug, Clone, Copy)]
struct StandIns {
    /// When a lonely conjunct comes just before this one: this one's first content word
    /// ("prioritise" for "Draft" in "Draft and prioritise user stories").
    if_lonely_precedes: Option<u32>,
    /// When a lonely conjunct comes just after this one: this one's last content word
    /// ("vision" for "execution" in "Product vision and execution"), or its first in a
    /// language that names the thing before its kind ("Visión" in "Visión del producto y
    /// ejecución").
    if_lonely_follows: Option<u32>,
}

impl Conjuncts {
    /// `words` are the name's content words as [`Classifier::content`] reads them.
    fn of(raw: &text::RawWords, words: &[(&str, u32, f64)], lang: Option<Lang>) -> Conjuncts {
        let opens = |word: text::RawWord| word.opens || lang::is_conjunction(word.folded, lang);
        // Most names join nothing: one conjunct, which no phrase can leave.
        if !raw.iter().any(opens) {
            return Conjuncts {
                of_word: Vec::new(),
                lonely: vec![false],
                bare: vec![false],
                stand_ins: Vec::new(),
            };
        }
        // The words the classifier reads, by the rule it reads them with: "US" in "Rédiger et
        // prioriser les US" is a stop word to `word_content` but user stories to a name.
        let mut read = vec![false; raw.len()];
        for &(_, w, _) in words {
            read[w as usize] = true;
        }
        let mut of_word = Vec::with_capacity(raw.len());
        let mut content: Vec<Vec<u32>> = vec![Vec::new()];
        // Per conjunct: its written words other than the conjunction.
        let mut written = vec![0u32];
        for (i, word) in raw.iter().enumerate() {
            let conjunction = lang::is_conjunction(word.folded, lang);
            if word.opens || conjunction {
                content.push(Vec::new());
                written.push(0);
            }
            if !conjunction {
                *written.last_mut().expect("never empty") += 1;
            }
            let last = content.last_mut().expect("never empty");
            if read[i] {
                last.push(i as u32);
            }
            of_word.push(content.len() as u32 - 1);
        }
        Conjuncts {
            of_word,
            lonely: content.iter().map(|c| c.len() == 1).collect(),
            bare: content
                .iter()
                .zip(&written)
                .map(|(c, &w)| c.len() == 1 && w == 1)
                .collect(),
            stand_ins: content
                .iter()
                .map(|c| StandIns {
                    if_lonely_precedes: c.first().copied(),
                    if_lonely_follows: if lang.is_some_and(Lang::names_head_first) {
                        c.first().copied()
                    } else {
                        c.last().copied()
                    },
                })
                .collect(),
        }
    }

    /// Whether written word `word` counts in conjunct `conjunct`.
    fn sees(&self, conjunct: u32, word: u32) -> bool {
        let of = self.of_word[word as usize];
        let lonely = |c: u32| self.lonely[c as usize];
        let stand_ins = self.stand_ins[of as usize];
        of == conjunct
            || lonely(conjunct)
                && !lonely(of)
                && (of == conjunct + 1 && Some(word) != stand_ins.if_lonely_precedes
                    || of + 1 == conjunct && Some(word) != stand_ins.if_lonely_follows)
    }

    /// The conjuncts written word `word` counts in, in order.
    fn seeing(&self, word: u32) -> impl Iterator<Item = u32> + '_ {
        let of = self.of_word[word as usize];
        let last = self.lonely.len() as u32 - 1;
        (of.saturating_sub(1)..=(of + 1).min(last)).filter(move |&c| self.sees(c, word))
    }
}

/// Whether a name names one thing, for [`Classifier::action_side`]: no comma or semicolon, no
/// spaced '/' or '+', no conjunction of any language, and no purpose clause (a purpose word
/// followed by a content word: "to set", "pour définir"). It errs towards two things: a
/// French "en" or a Portuguese "um" counts, as does "to stakeholders". The rule then stays
/// out and the name is read as before it, which is safer than a rule on a misread name. Any
/// language, not the name's own: "Roadmap e backlog" is often detected as English, whose
/// conjunctions lack "e", and read as one thing it lost its shared reading. Worked out in
/// [`Classifier::score_in`], where the name's text (its commas) is at hand.
fn one_thing(task: &str, raw: &text::RawWords) -> bool {
    !task.contains([',', ';'])
        && !raw
            .iter()
            .any(|w| w.opens || lang::is_conjunction_in_any(w.folded))
        && !(1..raw.len()).any(|i| {
            lang::is_purpose(raw.get(i - 1).folded) && !text::is_stop_word(raw.get(i).folded)
        })
}

/// Every list of signals of a taxonomy, in order: per entry its English signals, then those of
/// the other languages in their order.
pub(super) fn signal_lists(taxonomy: &Taxonomy) -> Vec<SignalList<'_>> {
    taxonomy
        .duties
        .iter()
        .enumerate()
        .flat_map(|(entry, duty)| {
            std::iter::once((Lang::En, &duty.signals))
                .chain(duty.local_signals.iter().map(|(l, s)| (*l, s)))
                .map(move |(lang, list)| (entry as u32, lang, list.as_slice()))
        })
        .collect()
}

/// A classifier built once from a taxonomy; [`Classifier::classify`] is then cheap and pure.
#[derive(Debug)]
pub struct Classifier {
    sides: Vec<Side>,
    kinds: Vec<DutyKind>,
    /// Per entry: the duty it counts as for coverage (itself, or the duty it restates), as
    /// an index; `None` for skills, traits and other trades.
    coverage: Vec<Option<usize>>,
    ids: Vec<String>,
    /// Per language: stem -> stem id.
    stems: Vec<HashMap<String, u32>>,
    /// Per stem id: its language.
    stem_lang: Vec<Lang>,
    weights: Vec<f64>,
    /// Per stem id: a vague word.
    vague: Vec<bool>,
    signals: Signals,
    /// The words of the English signals as written (folded): only these are evidence that a
    /// name is English ("remover" shares a stem with "remove", but is Portuguese).
    english_words: std::collections::HashSet<String>,
    /// Signals by their key stem, the stem of theirs that the fewest signals have: a signal
    /// can only match when that stem is present, and a common first word ("plan", "review")
    /// no longer makes every name that holds it try hundreds of signals. One flat list
    /// (`keyed_end[stem]` ends a stem's run), not a list per stem: thousands of small lists
    /// were allocated at every start and freed at every exit.
    keyed_end: Vec<u32>,
    keyed: Vec<u32>,
    /// Vocabulary words (as written in signals, folded) by (first byte, length), for typo
    /// lookups, with their stems.
    vocabulary: TypoBuckets,
    stemmers: Stemmers,
    /// Whether some vocabulary stem is a number of three digits or more, long enough to be a
    /// part of a glued word (see `split_from`). When none is, a number in a task name that is
    /// not a stem itself ("#2041", "2025"; "2" of "tier 2" is one) reads as no word at all
    /// without its seven stems: every name of a big export often carries a number of its
    /// own, so each would miss the memo and cost the stemmers of every language (half the
    /// classifier's time on 50,000 numbered tasks).
    long_number_stems: bool,
    /// Per stem id: some signal is that word alone (in any language it shares a written word
    /// with). A glued word the vocabulary has only inside longer signals is also read as its
    /// parts (see [`Classifier::read_word`]).
    alone: Vec<bool>,
    /// Per signal: bit `k` is set when its stems `k` and `k + 1` belong to one term, the
    /// expansion of an abbreviation written out ("go to market", "definition of done"). A
    /// name has such a term only where those words stand together: "Go-live with
    /// marketing" holds "go" and (through the stemmer) "market", but not "go to market".
    terms: Vec<u32>,
}

/// [`Classifier::terms`]: per signal, the bits of its word pairs that lie in one term. A term
/// is an abbreviation's expansion of two words or more, stemmed in each language (signals of
/// every language borrow "go-to-market" and "definition of done"); it is found in a signal as
/// a run of its stems in order.
fn term_bits(signals: &Signals, stems: &[HashMap<String, u32>], stemmers: &Stemmers) -> Vec<u32> {
    // By first stem; `opens` marks those stems, so that most stems of most signals cost one
    // look-up in a vector, not in a map (this runs at every start, over every signal).
    let mut runs: HashMap<u32, Vec<Vec<u32>>> = HashMap::new();
    let mut opens = vec![false; stems.iter().map(HashMap::len).sum()];
    for expansion in text::expansions() {
        let words: Vec<&str> = expansion
            .split(' ')
            .filter(|w| !text::is_stop_word(w))
            .collect();
        if words.len() < 2 {
            continue;
        }
        for lang in Lang::ALL {
            let ids: Option<Vec<u32>> = words
                .iter()
                .map(|w| {
                    stems[lang.index()]
                        .get(stemmers.stem(lang, w).as_ref())
                        .copied()
                })
                .collect();
            if let Some(ids) = ids {
                if let Some(open) = opens.get_mut(ids[0] as usize) {
                    *open = true;
                }
                let at = runs.entry(ids[0]).or_default();
                if !at.contains(&ids) {
                    at.push(ids);
                }
            }
        }
    }
    (0..signals.len() as u32)
        .map(|signal| {
            let of_signal = signals.stems(signal);
            let mut bits = 0u32;
            for start in 0..of_signal.len() {
                if !opens
                    .get(of_signal[start] as usize)
                    .copied()
                    .unwrap_or(false)
                {
                    continue;
                }
                for run in runs.get(&of_signal[start]).into_iter().flatten() {
                    // A term past the 33rd stem of a very long signal is not marked: bit 31 is
                    // the last pair a `u32` holds.
                    if of_signal[start..].starts_with(run) && start + run.len() <= 33 {
                        for k in start..start + run.len() - 1 {
                            bits |= 1 << k;
                        }
                    }
                }
            }
            bits
        })
        .collect()
}

/// Vocabulary words (folded) with their stems, by (first byte, length).
type TypoBuckets = HashMap<(u8, usize), Vec<(String, Vec<u32>)>>;

/// One word of a task as the scorer sees it.
#[derive(Debug, Clone)]
struct Token {
    /// Where its stems lie in [`Scores::token_stems`]: one list for the name, not one per
    /// token (an allocation per word of every name).
    stems: (u32, u32),
    /// `Some(typed word)` when the stems came from a typo correction.
    typed: Option<String>,
    /// What to show for the word when it was read through a typo, a variant or a split.
    read_as: String,
    factor: f64,
    /// The written word it comes from (parts of a glued word count as words of their own).
    word: u32,
    /// The index of the written word in the name (the parts of a glued word share it).
    written: u32,
}

/// The scores of one task name (or group), before the decision.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scores {
    /// Score per taxonomy entry, in taxonomy order.
    pub(crate) entry: Vec<f64>,
    /// The signals that matched, as (entry, score, signal), by entry and best first within
    /// one. One list, not one per entry: 64 empty lists made a block too big for the
    /// allocator's fast path, taken and freed for every name.
    matched: Vec<(u32, f64, u32)>,
    /// What each (entry, token) pair contributed.
    credits: Vec<(u32, u32, f64)>,
    /// For a name that joins things, what each (entry, token, place) contributed. The place is
    /// the conjunct the word is written in, or the bare conjunct that borrowed it: "roadmap"
    /// in "Prepare and present the roadmap" is read once for each of the two verbs, and may
    /// be each side's own word in each (see [`Classifier::exclusive_evidence`]). Empty for a
    /// name of one conjunct.
    placed: Vec<(u32, u32, u32, f64)>,
    tokens: Vec<Token>,
    /// The stems of every token, each token's in one run.
    token_stems: Vec<u32>,
    /// The words written with a spelling of their own (typo, glued word), as
    /// `typed->read as`.
    notes: Vec<(u32, String)>,
    /// The group the task was read with, and its scores.
    context: Option<(String, Arc<Scores>)>,
    /// The written word that names the action, if the name has one.
    action: Option<u32>,
    /// The name joins nothing: no conjunction of any language, no spaced '/' or '+', no
    /// comma or semicolon listing things, no purpose clause (see [`Classifier::action_side`]
    /// and [`one_thing`]).
    one_thing: bool,
}

impl Scores {
    /// A token's stems.
    fn stems_of(&self, token: &Token) -> &[u32] {
        &self.token_stems[token.stems.0 as usize..token.stems.1 as usize]
    }
}

/// A side's evidence: its best entry and its score.
#[derive(Debug, Clone, Copy)]
struct SideScore {
    best: Option<usize>,
    score: f64,
}

impl Classifier {
    pub fn new(taxonomy: &Taxonomy) -> Classifier {
        let stemmers = Stemmers::new();
        // Signal words are read whole, in their own language: "Marktforschung" is one stem.
        // A task's glued word that no signal has whole is read as its parts instead (see
        // `split_compound`), so write the parts as a phrase ("Markt Analyse") to catch both.
        let lists = signal_lists(taxonomy);
        // The built-in signals were prepared when the binary was built (see `prepare`).
        let prepared = Prepared::baked_for(BUILTIN_PREPARED, &lists)
            .unwrap_or_else(|| Prepared::build(&lists, &stemmers));
        Classifier::from_prepared(taxonomy, prepared, stemmers)
    }

    /// The rest of [`Classifier::new`], from the prepared signals.
    fn from_prepared(taxonomy: &Taxonomy, prepared: Prepared, stemmers: Stemmers) -> Classifier {
        let Prepared {
            stems: stem_texts,
            stem_lang,
            words_of_stem,
            english_words,
            signals,
        } = prepared;
        let mut per_lang = [0usize; 7];
        for lang in &stem_lang {
            per_lang[lang.index()] += 1;
        }
        let mut stems: Vec<HashMap<String, u32>> = per_lang
            .iter()
            .map(|&n| HashMap::with_capacity(n))
            .collect();
        for (id, (stem, lang)) in stem_texts.into_iter().zip(&stem_lang).enumerate() {
            stems[lang.index()].insert(stem, id as u32);
        }
        let english_words: std::collections::HashSet<String> = english_words.into_iter().collect();
        let stem_count = stem_lang.len();
        // Each distinct word once, with its stems in every language that has it, before it
        // goes to its bucket: a bucket is searched linearly at lookup, not here. The words are
        // moved, not copied (tens of thousands of allocations fewer at every start).
        let mut ids_of_word: HashMap<String, Vec<u32>> =
            HashMap::with_capacity(words_of_stem.len());
        for (id, word) in words_of_stem {
            let ids = ids_of_word.entry(word).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        // A word used on several sides ("customer" in PM and shared entries) says less about
        // the side than a word used on one; many entries of one side do not weaken it. Where a
        // word is a signal on its own, only those single-word signals count: "market" is a PM
        // word even though the shared "market trends" phrase uses it (the phrase carries its
        // own bonus when it matches). Other trades count as one more side.
        // The same word may be a signal in several languages' lists ("stories" in English and
        // German): its stems in those languages are one word for this count, so that the side
        // spread does not depend on which language's stem a task reads it through. The groups
        // are the same whatever order the words are joined in.
        let mut group: Vec<u32> = (0..stem_count as u32).collect();
        fn root(group: &mut [u32], mut x: u32) -> u32 {
            while group[x as usize] != x {
                group[x as usize] = group[group[x as usize] as usize];
                x = group[x as usize];
            }
            x
        }
        for ids in ids_of_word.values() {
            for &id in &ids[1..] {
                let (a, b) = (root(&mut group, id), root(&mut group, ids[0]));
                if a != b {
                    group[a as usize] = b;
                }
            }
        }
        let roots: Vec<usize> = (0..stem_count as u32)
            .map(|id| root(&mut group, id) as usize)
            .collect();
        let mut vocabulary: TypoBuckets = HashMap::new();
        for (word, ids) in ids_of_word {
            vocabulary
                .entry((word.as_bytes()[0], word.len()))
                .or_default()
                .push((word, ids));
        }
        // Typo lookups pick the first candidate at the smallest distance: sort so that the
        // choice does not depend on taxonomy order.
        for bucket in vocabulary.values_mut() {
            bucket.sort();
            for (_, ids) in bucket.iter_mut() {
                ids.sort_unstable();
            }
        }
        // Per group: the sides of the signals that are its word alone, and of every signal
        // that has it, a bit per side (no list per stem to allocate).
        let bit = |side: Side| 1u8 << side as u8;
        let mut sides_alone = vec![0u8; stem_count];
        let mut sides_any = vec![0u8; stem_count];
        for signal in 0..signals.len() as u32 {
            let side = bit(taxonomy.duties[signals.entry(signal) as usize].side);
            let stems = signals.stems(signal);
            for &stem in stems {
                let r = roots[stem as usize];
                if stems.len() == 1 {
                    sides_alone[r] |= side;
                }
                sides_any[r] |= side;
            }
        }
        let mut vague_stems: Vec<Vec<String>> = vec![Vec::new(); Lang::ALL.len()];
        vague_stems[0] = VAGUE_EN.iter().map(|s| s.to_string()).collect();
        for (lang, words) in VAGUE_LOCAL {
            vague_stems[lang.index()] = words
                .iter()
                .map(|w| stemmers.stem(*lang, w).into_owned())
                .collect();
        }
        // A few dozen vague stems looked up, rather than every stem compared with them.
        let mut vague = vec![false; stem_count];
        for (lang_stems, vague_stems) in stems.iter().zip(&vague_stems) {
            for stem in vague_stems {
                if let Some(&id) = lang_stems.get(stem) {
                    vague[id as usize] = true;
                }
            }
        }
        let alone = (0..stem_count)
            .map(|id| sides_alone[roots[id]] != 0)
            .collect();
        let terms = term_bits(&signals, &stems, &stemmers);
        let weights = (0..stem_count)
            .map(|id| {
                let r = roots[id];
                let alone = sides_alone[r].count_ones();
                let sides = if alone > 0 {
                    alone
                } else {
                    sides_any[r].count_ones()
                };
                let base = if vague[id] { 0.45 } else { 1.0 };
                base / (sides.max(1) as f64).sqrt()
            })
            .collect();
        let long_number_stems = stems
            .iter()
            .flat_map(|s| s.keys())
            .any(|s| s.len() >= 3 && is_number(s));
        // How many signals have each stem; each signal is filed under its rarest stem.
        let mut uses = vec![0u32; stem_count];
        for signal in 0..signals.len() as u32 {
            for &stem in signals.stems(signal) {
                uses[stem as usize] += 1;
            }
        }
        let keys: Vec<u32> = (0..signals.len() as u32)
            .map(|signal| {
                let stems = signals.stems(signal);
                stems
                    .iter()
                    .copied()
                    .min_by_key(|&st| uses[st as usize])
                    .expect("a signal has a stem (the taxonomy refuses one without words)")
            })
            .collect();
        let mut keyed_end = vec![0u32; stem_count];
        for &key in &keys {
            keyed_end[key as usize] += 1;
        }
        let mut end = 0;
        for slot in keyed_end.iter_mut() {
            end += *slot;
            *slot = end;
        }
        // Filled from the back, so each stem's signals stay in signal order.
        let mut keyed = vec![0u32; keys.len()];
        let mut next = keyed_end.clone();
        for (signal, &key) in keys.iter().enumerate().rev() {
            next[key as usize] -= 1;
            keyed[next[key as usize] as usize] = signal as u32;
        }
        Classifier {
            sides: taxonomy.duties.iter().map(|d| d.side).collect(),
            kinds: taxonomy.duties.iter().map(|d| d.kind).collect(),
            coverage: taxonomy
                .duties
                .iter()
                .map(|d| {
                    taxonomy
                        .coverage_of(&d.id)
                        .and_then(|c| taxonomy.duties.iter().position(|x| x.id == c))
                })
                .collect(),
            ids: taxonomy.duties.iter().map(|d| d.id.clone()).collect(),
            stems,
            stem_lang,
            weights,
            vague,
            signals,
            english_words,
            keyed_end,
            keyed,
            vocabulary,
            stemmers,
            long_number_stems,
            alone,
            terms,
        }
    }

    /// The signals filed under `stem` (see `Classifier::keyed`).
    fn keyed(&self, stem: u32) -> &[u32] {
        let i = stem as usize;
        let start = if i == 0 { 0 } else { self.keyed_end[i - 1] };
        &self.keyed[start as usize..self.keyed_end[i] as usize]
    }

    /// Classifies one task name, alone (no group, no file language).
    pub fn classify(&self, task: &str) -> Classification {
        self.classify_in(task, &TaskContext::default(), &mut Memo::default())
    }

    /// Classifies one task name, reading its words through `memo`: the same answer as
    /// [`Classifier::classify`], faster when many names share words.
    pub fn classify_with(&self, task: &str, memo: &mut Memo) -> Classification {
        self.classify_in(task, &TaskContext::default(), memo)
    }

    /// Classifies one task name with its group and its file's language.
    pub fn classify_in(
        &self,
        task: &str,
        context: &TaskContext,
        memo: &mut Memo,
    ) -> Classification {
        let (lang, scores) = self.score_in(task, context, memo);
        let mut class = self.decide(&scores);
        class.lang = lang;
        class
    }

    /// The language a name shows on its own (its stop words, letters, endings and the
    /// vocabulary it matches), if it shows one.
    pub fn detect_language(&self, task: &str, memo: &mut Memo) -> Option<Lang> {
        let raw = text::raw_words(task);
        self.language_of(&raw, memo)
    }

    /// The language most names show, if any shows one; ties go to the earlier language of
    /// [`Lang::ALL`].
    pub fn dominant_language(langs: impl Iterator<Item = Option<Lang>>) -> Option<Lang> {
        let mut counts = [0usize; 7];
        for lang in langs.flatten() {
            counts[lang.index()] += 1;
        }
        let (best, &n) = counts
            .iter()
            .enumerate()
            .rev()
            .max_by_key(|(_, &n)| n)
            .expect("seven languages");
        (n > 0).then(|| Lang::ALL[best])
    }

    /// A task whose side was given (by the matrix or a pin): the best entry of that side (any
    /// side for `shared`) and its explanation, when one matched as strongly as the classifier
    /// needs to place a task itself. A side given as unclassified claims no duty: the user
    /// said it is no PO or PM work.
    pub(crate) fn given_side(
        &self,
        task: &str,
        side: Side,
        source: SideSource,
        context: &TaskContext,
        memo: &mut Memo,
    ) -> Classification {
        let (lang, scores) = self.score_in(task, context, memo);
        let wanted = |e: usize| match side {
            Side::Unclassified => false,
            Side::Shared => self.kinds[e] != DutyKind::Other,
            side => self.sides[e] == side && self.kinds[e] != DutyKind::Other,
        };
        let best = (0..self.ids.len())
            .filter(|&e| wanted(e) && scores.entry[e] >= MIN_SCORE)
            .fold(None, |best: Option<usize>, e| match best {
                Some(b) if scores.entry[b] >= scores.entry[e] => Some(b),
                _ => Some(e),
            });
        // A given PO or PM side names its duties as the classifier's own would: both, when
        // the name gives two of that side (coverage must not depend on a side column).
        let (duty, second_duty, matched) = match best {
            Some(b) => {
                let (duty, second, matched) = self.duties_named(&scores, side, b);
                (Some(duty), second, matched)
            }
            None => (None, None, Vec::new()),
        };
        Classification {
            side,
            duty,
            second_duty,
            confidence: 1.0,
            matched,
            source,
            lang,
        }
    }

    /// The language of a name and its scores, the group's added.
    fn score_in(&self, task: &str, context: &TaskContext, memo: &mut Memo) -> (Lang, Scores) {
        let raw = text::raw_words(task);
        let own = match context.own_lang {
            Some(known) => known,
            None => self.language_of(&raw, memo),
        };
        let lang = own.or(context.file_lang);
        let mut scores = self.score_words(&raw, lang, memo);
        scores.one_thing = one_thing(task, &raw);
        let Some(group) = context.group.map(str::trim).filter(|g| !g.is_empty()) else {
            return (lang.unwrap_or(Lang::En), scores);
        };
        // The group only weighs in on a name with evidence of its own: a bare name the
        // taxonomy does not know stays unread, whatever phase it is in.
        if scores.entry.iter().all(|&s| s <= 0.0) {
            return (lang.unwrap_or(Lang::En), scores);
        }
        let group_scores = match memo.groups.get(group) {
            Some(s) => s.clone(),
            None => {
                let raw = text::raw_words(group);
                let glang = self.language_of(&raw, memo).or(lang);
                let s = Arc::new(self.score_words(&raw, glang, memo));
                remember(&mut memo.groups, MEMO_GROUPS, group, s.clone());
                s
            }
        };
        for (e, g) in group_scores.entry.iter().enumerate() {
            if *g > 0.0 {
                scores.entry[e] += CONTEXT_WEIGHT * g;
            }
        }
        scores.context = Some((group.to_string(), group_scores));
        (lang.unwrap_or(Lang::En), scores)
    }

    /// The language the words show, from their stop words, letters and endings and from the
    /// vocabulary of each language they match.
    fn language_of(&self, raw: &text::RawWords, memo: &mut Memo) -> Option<Lang> {
        let mut scores = [0.0f64; 7];
        for word in raw.iter() {
            let evidence = match memo.cues.get(word.lower) {
                Some(e) => *e,
                None => {
                    let e = self.word_evidence(word, memo);
                    remember(&mut memo.cues, MEMO_WORDS, word.lower, e);
                    e
                }
            };
            for (score, e) in scores.iter_mut().zip(evidence) {
                *score += e;
            }
        }
        lang::best(&scores)
    }

    /// What one word says about the language: a pure function of the word, kept in [`Memo`].
    fn word_evidence(&self, word: text::RawWord, memo: &mut Memo) -> [f64; 7] {
        let mut scores = [0.0f64; 7];
        lang::word_cues(word.lower, &mut scores);
        if text::is_stop_word(word.folded) {
            lang::stop_word_cues(word.folded, &mut scores);
            return scores;
        }
        if word.folded.len() < 3 || word.folded.bytes().all(|b| b.is_ascii_digit()) {
            return scores;
        }
        if self.english_words.contains(word.folded) {
            // English words are everybody's loanwords: weak evidence.
            scores[0] += 0.35;
            return scores;
        }
        if let Reading::Known { parts, .. } = self.reading(word.folded, memo).as_ref() {
            let mut langs = 0u8;
            for part in parts {
                langs |= part.langs;
            }
            let local = langs & !1;
            if local != 0 {
                let n = local.count_ones() as f64;
                for lang in Lang::ALL.iter().skip(1) {
                    if local & (1 << lang.index()) != 0 {
                        scores[lang.index()] += 1.0 / n;
                    }
                }
            }
        }
        scores
    }

    /// The memoised [`Classifier::read_word`].
    fn reading(&self, word: &str, memo: &mut Memo) -> Arc<Reading> {
        // A number the vocabulary does not have, whole or as a part: what `read_word` would
        // find, without keeping one memo entry per number of the file. Snowball stemmers leave
        // digits alone (a test checks it), so a number's stem is the number.
        if is_number(word)
            && !self.long_number_stems
            && !self.stems.iter().any(|s| s.contains_key(word))
        {
            return Arc::new(Reading::Unknown);
        }
        match memo.words.get(word) {
            Some(r) => r.clone(),
            None => {
                let r = Arc::new(self.read_word(word));
                remember(&mut memo.words, MEMO_WORDS, word, r.clone());
                r
            }
        }
    }

    /// How one content word reads, before typo correction: a pure function of the word, so
    /// [`Memo`] can keep it.
    fn read_word(&self, word: &str) -> Reading {
        let whole = self.direct(word);
        let parts = match whole {
            // A glued word some signal has alone ("Marktforschung") is read whole.
            // So is an English word: English does not glue ("processes" is not "proc" +
            // "esses").
            Some(part) if part.english || part.stems.iter().any(|&id| self.alone[id as usize]) => {
                vec![part]
            }
            // A German or Dutch word the vocabulary has only inside a longer signal
            // ("go-to-marketstrategie") would otherwise count for nothing when the rest of
            // that signal is missing: it is read as its parts too ("market" + "strategie"),
            // its own stems kept on the head, so that the longer signal still matches where
            // it is written out.
            // Only into parts that are each a signal alone: "erstellen" is not "erste" + "llen".
            Some(mut part) if self.glues(&part) => match self.split_from(word, 0).filter(|parts| {
                parts
                    .iter()
                    .all(|p| p.stems.iter().any(|&id| self.alone[id as usize]))
            }) {
                Some(mut parts) => {
                    let head = &mut parts[0];
                    part.stems.retain(|id| !head.stems.contains(id));
                    head.stems.append(&mut part.stems);
                    head.langs |= part.langs;
                    parts
                }
                None => vec![part],
            },
            Some(part) => vec![part],
            None => {
                let read = self.infinitive(word).map(|p| vec![p]);
                match read.or_else(|| self.split_compound(word)) {
                    Some(parts) => parts,
                    None => return Reading::Unknown,
                }
            }
        };
        let note = if parts.len() > 1 {
            let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
            format!("{word}->{}", texts.join(" + "))
        } else {
            String::new()
        };
        Reading::Known { parts, note }
    }

    /// The word as the vocabulary knows it: its stem in every language that has it, or else a
    /// British/American spelling variant the English vocabulary has.
    fn direct(&self, word: &str) -> Option<Part> {
        let mut stems = Vec::new();
        let mut langs = 0u8;
        for lang in Lang::ALL {
            let stem = self.stemmers.stem(lang, word);
            if let Some(&id) = self.stems[lang.index()].get(stem.as_ref()) {
                stems.push(id);
                langs |= 1 << lang.index();
            }
        }
        // British and American spellings the English vocabulary has ("prioritize" and
        // "prioritise"): the stemmer keeps them apart, the vocabulary may use either.
        for v in text::spelling_variants(word) {
            let stem = self.stemmers.stem(Lang::En, &v);
            if let Some(&id) = self.stems[0].get(stem.as_ref()) {
                if !stems.contains(&id) {
                    stems.push(id);
                    langs |= 1;
                }
            }
        }
        if stems.is_empty() {
            return None;
        }
        Some(Part {
            stems,
            langs,
            text: word.to_string(),
            english: self.english_words.contains(word),
        })
    }

    /// A German or Dutch verb in the third person ("prüft", "bewaakt") the vocabulary has
    /// only as an infinitive, read as that. Only for a whole word no language knows, before it
    /// is split: a known word ending in "t" keeps its own reading ("Markt" is not "Marken").
    fn infinitive(&self, word: &str) -> Option<Part> {
        let mut stems = Vec::new();
        let mut langs = 0u8;
        for lang in [Lang::De, Lang::Nl] {
            for v in text::infinitives(word, lang) {
                let stem = self.stemmers.stem(lang, &v);
                if let Some(&id) = self.stems[lang.index()].get(stem.as_ref()) {
                    if !stems.contains(&id) {
                        stems.push(id);
                        langs |= 1 << lang.index();
                    }
                }
            }
        }
        (!stems.is_empty()).then(|| Part {
            stems,
            langs,
            text: word.to_string(),
            english: false,
        })
    }

    /// A glued word ("wettbewerbsanalyse", "marktonderzoek", "releaseplanung") read as the
    /// known words it is made of, when at least one of them is German or Dutch: English
    /// words are not split ("marketplace" is not "market" and "place"). The head may carry a
    /// linking letter ("Wettbewerb-s-analyse", "klant-en-interview").
    fn split_compound(&self, word: &str) -> Option<Vec<Part>> {
        self.split_from(word, 0)
            .or_else(|| self.known_part(word).map(|p| vec![p]))
    }

    /// The longest known word (at least four letters) that a glued word starts or ends with,
    /// when the rest is a word the vocabulary lacks and that longest word is German or Dutch,
    /// not also English ("Rabatt|regeln", "Korting|s|regels"): the glued word is about it.
    fn known_part(&self, word: &str) -> Option<Part> {
        const MIN_KNOWN: usize = 4;
        const MIN_REST: usize = 3;
        if word.len() < MIN_KNOWN + MIN_REST || !word.is_ascii() {
            return None;
        }
        let local = |p: &Part| self.glues(p);
        let mut best: Option<(usize, Part)> = None;
        for at in MIN_REST..=word.len() - MIN_REST {
            let (head, tail) = word.split_at(at);
            let found = [
                (head.len() >= MIN_KNOWN)
                    .then(|| self.head_part(head))
                    .flatten(),
                (tail.len() >= MIN_KNOWN)
                    .then(|| self.direct(tail))
                    .flatten(),
            ];
            for part in found.into_iter().flatten() {
                let len = part.text.len();
                if best.as_ref().is_none_or(|(l, _)| len > *l) {
                    best = Some((len, part));
                }
            }
        }
        // The longest known word decides: when it is English ("market|place"), a shorter
        // German or Dutch one inside it ("Marke") is a coincidence of letters, not the topic.
        best.map(|(_, p)| p).filter(local)
    }

    fn split_from(&self, word: &str, depth: usize) -> Option<Vec<Part>> {
        const MIN_PART: usize = 3;
        if word.len() < 2 * MIN_PART + 1 || depth > 2 || !word.is_ascii() {
            return None;
        }
        // The longest head first: "produktvision" is "produkt" + "vision", not "pro" + ...
        for at in (MIN_PART..=word.len() - MIN_PART).rev() {
            let (head, tail) = word.split_at(at);
            let Some(head_part) = self.head_part(head) else {
                continue;
            };
            let tail_parts = match self.direct(tail) {
                Some(p) => vec![p],
                None => match self.split_from(tail, depth + 1) {
                    Some(p) => p,
                    None => continue,
                },
            };
            let mut parts = vec![head_part];
            parts.extend(tail_parts);
            // At least one part is a German or Dutch word that is not also an English one.
            let compounding = parts.iter().any(|p| self.glues(p));
            if !compounding {
                continue;
            }
            return Some(parts);
        }
        None
    }

    /// Whether a part is a word of a language that glues words (German, Dutch) and not an
    /// English word as written ("strategie" is; "market" is not).
    fn glues(&self, part: &Part) -> bool {
        !part.english
            && Lang::ALL
                .iter()
                .any(|l| l.compounds() && part.langs & (1 << l.index()) != 0)
    }

    fn head_part(&self, head: &str) -> Option<Part> {
        if let Some(p) = self.direct(head) {
            return Some(p);
        }
        for link in ["s", "es", "en", "n", "e"] {
            if let Some(stripped) = head.strip_suffix(link) {
                if stripped.len() >= 3 {
                    if let Some(p) = self.direct(stripped) {
                        return Some(p);
                    }
                }
            }
        }
        None
    }

    /// The vocabulary word closest to `word` within its typo bound, with the same first letter
    /// (people rarely mistype the first letter, and it keeps the search small).
    fn correct(&self, word: &str) -> Option<(&str, &[u32])> {
        let bytes = word.as_bytes();
        let bound = text::typo_bound(bytes.len());
        if bound == 0 || bytes.iter().any(u8::is_ascii_digit) {
            return None;
        }
        let mut best: Option<(usize, &str, &[u32])> = None;
        // A dropped or doubled letter changes the length by one; words two letters apart in
        // length are usually different words ("integration", "iteration").
        for len in bytes.len().saturating_sub(1)..=bytes.len() + 1 {
            let Some(bucket) = self.vocabulary.get(&(bytes[0], len)) else {
                continue;
            };
            for (candidate, ids) in bucket {
                // The bound follows the shorter word, so "plans" is not read as "plan" + typo.
                let limit = bound.min(text::typo_bound(candidate.len()));
                if limit == 0 {
                    continue;
                }
                if let Some(d) = text::edit_distance_within(bytes, candidate.as_bytes(), limit) {
                    let better = match best {
                        None => true,
                        Some((bd, bw, _)) => d < bd || (d == bd && candidate.as_str() < bw),
                    };
                    if better {
                        best = Some((d, candidate, ids));
                    }
                }
            }
        }
        best.map(|(_, w, ids)| (w, ids))
    }

    /// The content words of a name, read in `lang`: stop words dropped, abbreviations
    /// expanded (and "US"/"HU" read as a user story outside English).
    /// Each word comes with the index of the written word it stands for and its share of
    /// it: an expanded abbreviation ("KPI") is one written word, not a three-word phrase.
    /// The words are borrowed from the name (or are static expansions): a name's words are
    /// read hundreds of thousands of times in a big matrix, mostly from the memo, and a copy
    /// of each was a tenth of the time.
    fn content(raw: &text::RawWords, lang: Option<Lang>) -> Vec<(&str, u32, f64)> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, word) in raw.iter().enumerate() {
            let i = i as u32;
            if text::is_story(&word, lang) {
                let share = ABBREVIATION_WEIGHT / 2.0;
                out.push(("user", i, share));
                out.push(("story", i, share));
                continue;
            }
            let (words, abbreviation) = text::word_content(word.folded);
            // A specific term: it counts as one and a half words, shared by its parts.
            let share = if abbreviation {
                ABBREVIATION_WEIGHT / words.clone().count().max(1) as f64
            } else {
                1.0
            };
            out.extend(words.map(|w| (w, i, share)));
        }
        out
    }

    /// The stems of a part worth reading in a name of `lang`: a word read in the name's
    /// language or in English is not also read in a third language ("date" in an English
    /// name is not the Italian "dati").
    fn own_languages(&self, part: &Part, lang: Option<Lang>, out: &mut Vec<u32>) {
        let Some(lang) = lang else {
            out.extend_from_slice(&part.stems);
            return;
        };
        let of = |id: &u32| self.stem_lang[*id as usize];
        // A word of the name's own language that is not an English word as written is not
        // read through the English stemmer too: the French "équipe" is not "equipment".
        let own_only =
            lang != Lang::En && !part.english && part.stems.iter().any(|id| of(id) == lang);
        let keep = |id: &&u32| {
            let l = of(id);
            l == lang || (l == Lang::En && !own_only)
        };
        if part.stems.iter().any(|id| keep(&id)) {
            out.extend(part.stems.iter().filter(keep));
        } else {
            out.extend_from_slice(&part.stems);
        }
    }

    /// The index of the written word that names the task's action: the first content word,
    /// or in German and Dutch a last word that reads as an infinitive.
    fn action_word(raw: &text::RawWords, lang: Option<Lang>) -> Option<u32> {
        let mut content = (0..raw.len()).filter(|&i| {
            let w = raw.get(i).folded;
            !text::is_stop_word(w) && !w.bytes().all(|b| b.is_ascii_digit())
        });
        // None for a name of fewer than two content words.
        let first = content.next()?;
        let last = content.next_back()?;
        if lang.is_some_and(Lang::compounds) {
            let w = raw.get(last).folded;
            if w.len() > 4 && (w.ends_with("en") || w.ends_with("ern") || w.ends_with("eln")) {
                return Some(last as u32);
            }
        }
        Some(first as u32)
    }

    /// The task's tokens: each content word's reading, then typo corrections for the words
    /// no language knows.
    fn tokens(
        &self,
        raw: &text::RawWords,
        words: &[(&str, u32, f64)],
        lang: Option<Lang>,
        memo: &mut Memo,
        pool: &mut Vec<u32>,
    ) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(words.len());
        let mut unknown = Vec::new();
        // Parts of a glued word are words of their own: "Wettbewerbsanalyse" is a phrase.
        let mut next_part = raw.len() as u32;
        for &(word, written, share) in words {
            let reading = self.reading(word, memo);
            match reading.as_ref() {
                Reading::Known { parts, note } => {
                    let glued = parts.len() > 1;
                    for (k, part) in parts.iter().enumerate() {
                        let start = pool.len() as u32;
                        self.own_languages(part, lang, pool);
                        let stems = (start, pool.len() as u32);
                        let word = if glued && k > 0 {
                            next_part += 1;
                            next_part
                        } else {
                            written
                        };
                        tokens.push(Token {
                            stems,
                            typed: None,
                            read_as: note.clone(),
                            factor: share * if glued { COMPOUND_FACTOR } else { 1.0 },
                            word,
                            written,
                        });
                    }
                }
                Reading::Unknown => unknown.push((word, written, share)),
            }
        }
        // A typo is only believed next to a word spelled right: a name made only of unknown
        // words is more likely outside product work ("markers" is not "markets").
        if tokens.is_empty() {
            return tokens;
        }
        for (word, written, share) in unknown {
            // `correct` never reads a word with a digit: no memo look-up or entry per number.
            if word.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            if !memo.typos.contains_key(word) {
                let c = self
                    .correct(word)
                    .map(|(w, ids)| (w.to_string(), ids.to_vec()));
                remember(&mut memo.typos, MEMO_WORDS, word, c);
            }
            // Read from the memo, not copied out of it: its stems go straight to the pool.
            if let Some(Some((right, ids))) = memo.typos.get(word) {
                let start = pool.len() as u32;
                pool.extend_from_slice(ids);
                tokens.push(Token {
                    stems: (start, pool.len() as u32),
                    typed: Some(word.to_string()),
                    read_as: right.clone(),
                    factor: share * TYPO_FACTOR,
                    word: written,
                    written,
                });
            }
        }
        tokens
    }

    fn score_words(&self, raw: &text::RawWords, lang: Option<Lang>, memo: &mut Memo) -> Scores {
        let words = Self::content(raw, lang);
        let mut token_stems = Vec::with_capacity(words.len() * 2);
        let tokens = self.tokens(raw, &words, lang, memo, &mut token_stems);
        let entries = self.ids.len();
        let mut scores = Scores {
            entry: vec![0.0; entries],
            matched: Vec::new(),
            credits: Vec::new(),
            placed: Vec::new(),
            tokens: Vec::new(),
            token_stems,
            notes: Vec::new(),
            context: None,
            action: None,
            one_thing: false,
        };
        if tokens.is_empty() {
            return scores;
        }
        // Per stem: the first token that carries it and the best factor any token gives it.
        // A stem spelled right anywhere in the name is not a typo, even if another word was
        // corrected to it. Sorted, so that very long names stay fast.
        let mut present: Vec<(u32, u32, f64)> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            for &stem in scores.stems_of(token) {
                present.push((stem, i as u32, token.factor));
            }
        }
        present.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut stems: Vec<(u32, u32, f64)> = Vec::with_capacity(present.len());
        for &(stem, token, factor) in &present {
            match stems.last_mut() {
                Some(last) if last.0 == stem => last.2 = last.2.max(factor),
                _ => stems.push((stem, token, factor)),
            }
        }
        // Where each of the name's stems lies in `stems`, marked in a table over every stem of
        // the vocabulary: a signal's stems are then checked one look-up each. Binary searches
        // of `stems` were a quarter of this function's time, as a name tries dozens of signals
        // that miss a stem. The marks carry this name's stamp, so the table is never cleared.
        let marks = memo.marks.stamp(self.stem_lang.len());
        for (i, &(stem, _, _)) in stems.iter().enumerate() {
            marks.set(stem, i as u32);
        }
        let marks = &*marks;
        let find = |stem: u32| marks.get(stem).map(|i| stems[i as usize]);
        // The tokens that carry a stem, and the first of them in one conjunct with the best
        // factor any of them gives it there.
        let conjuncts = Conjuncts::of(raw, &words, lang);
        let split = conjuncts.lonely.len() > 1;
        let carriers = |stem: u32| {
            let start = present.partition_point(|p| p.0 < stem);
            present[start..].iter().take_while(move |p| p.0 == stem)
        };
        let in_conjunct = |stem: u32, conjunct: u32| {
            carriers(stem)
                .filter(|p| conjuncts.sees(conjunct, tokens[p.1 as usize].written))
                .fold(None, |found: Option<(u32, u32, f64)>, &p| match found {
                    Some(f) => Some((f.0, f.1, f.2.max(p.2))),
                    None => Some(p),
                })
        };
        // Best contribution per (entry, token): a word counts once per entry, whichever of
        // its readings matched.
        let mut best: Vec<(u32, u32, f64)> = Vec::new();
        // Scratch lists for one signal at a time, kept from signal to signal: most names try
        // dozens of signals, and fresh lists were three allocations each.
        let mut found: Vec<(u32, u32, f64)> = Vec::new();
        let mut read: Vec<u32> = Vec::new();
        let mut written: Vec<u32> = Vec::new();
        // The signals whose every stem the name holds, found through each signal's key stem
        // (see `Classifier::keyed`), then read in the order the scorer always read them, by
        // first stem and then signal: the scores add up in that order, to the last bit.
        let mut candidates: Vec<u32> = Vec::new();
        for &(stem, _, _) in &stems {
            for &s in self.keyed(stem) {
                if self
                    .signals
                    .stems(s)
                    .iter()
                    .all(|&st| marks.get(st).is_some())
                {
                    candidates.push(s);
                }
            }
        }
        candidates.sort_unstable_by_key(|&s| (self.signals.stems(s)[0], s));
        for s in candidates {
            let (entry, signal_stems) = (self.signals.entry(s), self.signals.stems(s));
            // A phrase names one thing: its words lie in one conjunct of the name.
            found.clear();
            // The conjunct the phrase was read in; `None` for a word read where it stands.
            let mut read_in = None;
            let all_found = if split && !self.signals.joins(s) && signal_stems.len() > 1 {
                carriers(signal_stems[0])
                    .flat_map(|&(_, t, _)| conjuncts.seeing(tokens[t as usize].written))
                    .any(|conjunct| {
                        found.clear();
                        read_in = Some(conjunct);
                        signal_stems
                            .iter()
                            .all(|&st| match in_conjunct(st, conjunct) {
                                Some(f) => {
                                    found.push(f);
                                    true
                                }
                                None => false,
                            })
                    })
            } else {
                signal_stems.iter().all(|&st| match find(st) {
                    Some(f) => {
                        found.push(f);
                        true
                    }
                    None => false,
                })
            };
            if !all_found {
                continue;
            }
            // Two stems of the signal read from one token ("analyse" in two languages)
            // are one word.
            read.clear();
            read.extend(found.iter().map(|f| f.1));
            read.sort_unstable();
            read.dedup();
            if read.len() < signal_stems.len() && signal_stems.len() > 1 {
                continue;
            }
            // A term's words stand together in the name, with nothing but stop words between
            // them (or are one abbreviation).
            // Any of the name's tokens of the two words may make the pair, not only the first
            // ones found: "Market sizing for the go-to-market plan" has the term.
            let mut pairs = self.terms[s as usize];
            let mut together = true;
            while pairs != 0 && together {
                let k = pairs.trailing_zeros() as usize;
                pairs &= pairs - 1;
                together = carriers(signal_stems[k]).any(|a| {
                    let a = tokens[a.1 as usize].written as usize;
                    carriers(signal_stems[k + 1]).any(|b| {
                        let b = tokens[b.1 as usize].written as usize;
                        (a.min(b) + 1..a.max(b)).all(|i| text::is_stop_word(raw.get(i).folded))
                    })
                });
            }
            if !together {
                continue;
            }
            // A phrase is several written words: an expanded abbreviation is one.
            written.clear();
            written.extend(read.iter().map(|&t| tokens[t as usize].word));
            written.sort_unstable();
            written.dedup();
            // No signal comes twice: the name's stems are distinct and each signal is filed
            // under one stem (`signals_are_filed_once_under_their_rarest_stem`).
            // A phrase of vague words only ("product updates") gets no phrase bonus: it
            // says no more than its words do.
            let all_vague = signal_stems.iter().all(|&st| self.vague[st as usize]);
            let extra = if all_vague {
                0.0
            } else {
                (written.len().min(3) - 1) as f64
            };
            let mut factor = 1.0 + PHRASE_BONUS * extra;
            // What both roles share is listed by the article as skills: those are not
            // weaker evidence than a duty of one side.
            if matches!(
                self.kinds[entry as usize],
                DutyKind::Skill | DutyKind::Trait
            ) && self.sides[entry as usize] != Side::Shared
            {
                factor *= SKILL_FACTOR;
            }
            let mut total = 0.0;
            for (&stem, &(_, token, word_factor)) in signal_stems.iter().zip(&found) {
                let c = self.weights[stem as usize] * factor * word_factor;
                total += c;
                match best.iter_mut().find(|(e, t, _)| *e == entry && *t == token) {
                    Some(slot) => slot.2 = slot.2.max(c),
                    None => best.push((entry, token, c)),
                }
                if split {
                    // A word is read where it is written, or in the bare conjunct that shares
                    // it ("Prepare" in "Prepare and present the roadmap").
                    let own = conjuncts.of_word[tokens[token as usize].written as usize];
                    let place = read_in
                        .filter(|&c| conjuncts.bare[c as usize])
                        .unwrap_or(own);
                    let key = |u: &&mut (u32, u32, u32, f64)| {
                        u.0 == entry && u.1 == token && u.2 == place
                    };
                    match scores.placed.iter_mut().find(key) {
                        Some(slot) => slot.3 = slot.3.max(c),
                        None => scores.placed.push((entry, token, place, c)),
                    }
                }
            }
            scores.matched.push((entry, total, s));
        }
        // The action decides (docs/labelling.md: "Is the action the craft of another trade?"):
        // the word that names it weighs more. Task names put the verb first ("Implement the
        // pricing page", "Définir la vision"), except German and Dutch ones, which put an
        // infinitive last ("KPI-Dashboard bauen", "Backlog prioriseren").
        scores.action = Self::action_word(raw, lang);
        if let Some(action) = scores.action {
            for slot in &mut best {
                if tokens[slot.1 as usize].word == action {
                    slot.2 *= ACTION_BOOST;
                }
            }
            for slot in &mut scores.placed {
                if tokens[slot.1 as usize].word == action {
                    slot.3 *= ACTION_BOOST;
                }
            }
        }
        for &(entry, _, c) in &best {
            scores.entry[entry as usize] += c;
        }
        scores.credits = best;
        scores
            .matched
            .sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        for (i, token) in tokens.iter().enumerate() {
            let note = match &token.typed {
                Some(typed) => format!("{typed}->{}", token.read_as),
                None if !token.read_as.is_empty() => token.read_as.clone(),
                None => continue,
            };
            scores.notes.push((i as u32, note));
        }
        scores.tokens = tokens;
        scores
    }

    /// Each side's best entry and its score: the best entry plus a share of the side's other
    /// entries, so several pieces of evidence for one side add up ("inspect the increment at
    /// the end of the sprint" is two PO duties against one PM word). In order: PO, PM and
    /// shared (product entries of that side), then other trades. One pass over the entries
    /// for all four; each side's sum runs in entry order, as four passes did.
    fn side_scores(&self, scores: &Scores) -> [SideScore; 4] {
        let mut best: [Option<usize>; 4] = [None; 4];
        let mut total = [0.0f64; 4];
        for (e, &s) in scores.entry.iter().enumerate() {
            if s <= 0.0 {
                continue;
            }
            let side = match (self.kinds[e], self.sides[e]) {
                (DutyKind::Other, _) => 3,
                (_, Side::Po) => 0,
                (_, Side::Pm) => 1,
                (_, Side::Shared) => 2,
                (_, Side::Unclassified) => continue,
            };
            total[side] += s;
            // Ties go to the earlier entry: taxonomy order is stable.
            if best[side].is_none_or(|b| s > scores.entry[b]) {
                best[side] = Some(e);
            }
        }
        std::array::from_fn(|side| match best[side] {
            Some(b) => SideScore {
                best: Some(b),
                score: scores.entry[b] + AGGREGATE * (total[side] - scores.entry[b]),
            },
            None => SideScore {
                best: None,
                score: 0.0,
            },
        })
    }

    /// The evidence of each side from the words it holds more strongly than the other side:
    /// a word read for both (a phrase of one side that contains a word of the other) counts
    /// only for the side it speaks for most. A word a lonely conjunct shares is one reading in
    /// each conjunct: in "Prepare and present the roadmap", "roadmap" is the PM's in "prepare
    /// the roadmap" and the PO's in "present the roadmap" (the name says it twice, once
    /// unwritten).
    fn exclusive_evidence(&self, scores: &Scores) -> (f64, f64) {
        // Readings keyed by (token, place) in a name that joins things, by token otherwise.
        let joined = !scores.placed.is_empty();
        let readings = (scores.credits.iter())
            .filter(|_| !joined)
            .map(|&(e, t, c)| (e, (t, 0), c))
            .chain(scores.placed.iter().map(|&(e, t, p, c)| (e, (t, p), c)));
        let mut per_token: Vec<((u32, u32), f64, f64)> = Vec::new();
        for (entry, token, c) in readings {
            let e = entry as usize;
            if self.kinds[e] == DutyKind::Other {
                continue;
            }
            let slot = match per_token.iter_mut().find(|(t, _, _)| *t == token) {
                Some(slot) => slot,
                None => {
                    per_token.push((token, 0.0, 0.0));
                    per_token.last_mut().expect("just pushed")
                }
            };
            match self.sides[e] {
                Side::Po => slot.1 = slot.1.max(c),
                Side::Pm => slot.2 = slot.2.max(c),
                _ => {}
            }
        }
        let mut po = 0.0;
        let mut pm = 0.0;
        for (_, p, m) in per_token {
            if p > m {
                po += p;
            } else if m > p {
                pm += m;
            }
        }
        (po, pm)
    }

    /// In a name that joins nothing, the side whose words hold the action most strongly:
    /// the other side's words are then what the action is done to or for ("Share the
    /// strategic roadmap at sprint kick-off", "Priorisierung der Initiativen nach Business
    /// Value"), and the task is that side's (docs/labelling.md: the action decides; a roadmap
    /// word inside a PO task stays PO). `None` when nobody's words hold the action, when both
    /// hold it alike, or when the name joins or lists things or has a purpose clause (each
    /// has an action of its own). [`Classifier::decide`] asks it only of the stronger side:
    /// the action word is the first content word, which is not always a verb ("Partners with
    /// sales on pricing"), so it confirms the stronger side and never overturns it.
    fn action_side(&self, scores: &Scores) -> Option<Side> {
        if !scores.one_thing {
            return None;
        }
        let action = scores.action?;
        let (mut po, mut pm) = (0.0f64, 0.0f64);
        for &(entry, token, c) in &scores.credits {
            let e = entry as usize;
            if scores.tokens[token as usize].word != action || self.kinds[e] == DutyKind::Other {
                continue;
            }
            match self.sides[e] {
                Side::Po => po = po.max(c),
                Side::Pm => pm = pm.max(c),
                _ => {}
            }
        }
        match po.total_cmp(&pm) {
            std::cmp::Ordering::Greater => Some(Side::Po),
            std::cmp::Ordering::Less => Some(Side::Pm),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// A second duty of the task's own side, when the name gives two duties of one side
    /// words of their own ("Set product strategy and roadmap": the strategy and the roadmap,
    /// both the PM's), so that the task covers both and coverage does not report the second
    /// one as work nobody has. Each must hold evidence no other entry of the side holds as
    /// strongly (as [`Classifier::exclusive_evidence`] asks of a shared task's two sides), and
    /// the second must be a duty (skills and traits cover nothing), not a restatement of the
    /// first, and not weak beside it; the first must be a duty too (a skill covers nothing).
    /// `None` otherwise.
    fn second_of_side(&self, scores: &Scores, top: usize) -> Option<usize> {
        // Only a duty covers something: a skill or trait on top asks for nothing more.
        if self.kinds[top] != DutyKind::Duty {
            return None;
        }
        let side = self.sides[top];
        let same = |e: usize| self.kinds[e] != DutyKind::Other && self.sides[e] == side;
        // Per token of the name: the entry of the side that holds it most strongly, and
        // whether another holds it as strongly (then it is nobody's own).
        let mut holders: Vec<(u32, usize, f64, bool)> = Vec::new();
        for &(entry, token, c) in &scores.credits {
            let e = entry as usize;
            if !same(e) {
                continue;
            }
            match holders.iter_mut().find(|h| h.0 == token) {
                Some(h) if c > h.2 => *h = (token, e, c, false),
                Some(h) if c == h.2 && e != h.1 => h.3 = true,
                Some(_) => {}
                None => holders.push((token, e, c, false)),
            }
        }
        // Per entry: the credit of the tokens it holds alone, and the name's own evidence
        // for it, the group's left out (a group says where the work happens, which is no
        // duty of the task's own), each summed in credit order.
        let mut own = vec![0.0; self.ids.len()];
        for h in holders.iter().filter(|h| !h.3) {
            own[h.1] += h.2;
        }
        let mut named = vec![0.0; self.ids.len()];
        for &(entry, _, c) in &scores.credits {
            named[entry as usize] += c;
        }
        if own[top] < SHARED_EACH {
            return None;
        }
        let first = named[top];
        let mut second: Option<usize> = None;
        for e in 0..self.ids.len() {
            if e == top
                || !same(e)
                || self.kinds[e] != DutyKind::Duty
                || self.coverage[e].is_some() && self.coverage[e] == self.coverage[top]
                || named[e] < SECOND_DUTY_RATIO * first
                || own[e] < SHARED_EACH
            {
                continue;
            }
            // Ties go to the earlier entry, as in `side_scores`.
            if second.is_none_or(|s| named[e] > named[s]) {
                second = Some(e);
            }
        }
        second
    }

    fn decide(&self, scores: &Scores) -> Classification {
        let [po, pm, shared, other] = self.side_scores(scores);
        let top_score = po.score.max(pm.score).max(shared.score);
        let top_entry = if top_score <= 0.0 {
            None
        } else if shared.score >= po.score.max(pm.score) {
            shared.best
        } else if po.score >= pm.score {
            po.best
        } else {
            pm.best
        };
        // Another trade: when it is strong and the product evidence is not clearly stronger.
        if let Some(o) = other.best {
            if other.score >= MIN_SCORE && other.score >= OTHER_WINS * top_score
                || top_score < MIN_SCORE && other.score >= top_score
            {
                let runner_up = top_score / OTHER_WINS;
                let strength = 1.0 - (-other.score / 1.5).exp();
                let margin = ((other.score - runner_up) / other.score).clamp(0.0, 1.0);
                return Classification {
                    duty: Some(self.ids[o].clone()),
                    confidence: round2(strength * (0.5 + 0.5 * margin)),
                    matched: self.explain(scores, o),
                    ..Classification::unclassified()
                };
            }
        }
        let Some(top) = top_entry else {
            return Classification::unclassified();
        };
        if top_score < MIN_SCORE {
            return Classification {
                matched: self.explain(scores, top),
                ..Classification::unclassified()
            };
        }
        // A PO duty and a PM duty, each named by words of its own and strong enough to place
        // the task alone: the task is both, unless the stronger side's words also hold the
        // action of a name that joins nothing (then the other side's words are its object).
        if let (Some(p), Some(m)) = (po.best, pm.best) {
            let (lo, hi, stronger) = if po.score < pm.score {
                (po.score, pm.score, Side::Pm)
            } else {
                (pm.score, po.score, Side::Po)
            };
            let (po_own, pm_own) = self.exclusive_evidence(scores);
            let both = lo >= SHARED_RATIO * hi
                && po_own >= SHARED_EACH
                && pm_own >= SHARED_EACH
                && shared.score < hi;
            if both && self.action_side(scores) != Some(stronger) {
                let strength = 1.0 - (-hi / 1.5).exp();
                let matched = self.explain_both(scores, p, Some(m));
                return Classification {
                    side: Side::Shared,
                    duty: Some(self.ids[p].clone()),
                    second_duty: Some(self.ids[m].clone()),
                    confidence: round2(strength * (0.5 + 0.5 * lo / hi)),
                    matched,
                    source: SideSource::Classifier,
                    lang: Lang::En,
                };
            }
        }
        let (side, runner_up) = match self.sides[top] {
            Side::Shared => (Side::Shared, po.score.max(pm.score)),
            side => {
                let other_side = if side == Side::Po { pm.score } else { po.score };
                (side, other_side.max(shared.score).max(other.score))
            }
        };
        let strength = 1.0 - (-top_score / 1.5).exp();
        let margin = ((top_score - runner_up) / top_score).clamp(0.0, 1.0);
        let (duty, second_duty, matched) = self.duties_named(scores, side, top);
        Classification {
            side,
            duty: Some(duty),
            second_duty,
            confidence: round2(strength * (0.5 + 0.5 * margin)),
            matched,
            source: SideSource::Classifier,
            lang: Lang::En,
        }
    }

    /// The duty `top` of a task placed on `side`, its second duty of that side when the name
    /// gives one (see [`Classifier::second_of_side`]), and what matched for both: as the
    /// classifier places a task, and as a side given by the matrix or a pin names its duties.
    fn duties_named(
        &self,
        scores: &Scores,
        side: Side,
        top: usize,
    ) -> (String, Option<String>, Vec<String>) {
        let second = match side {
            Side::Po | Side::Pm => self.second_of_side(scores, top),
            _ => None,
        };
        (
            self.ids[top].clone(),
            second.map(|e| self.ids[e].clone()),
            self.explain_both(scores, top, second),
        )
    }

    /// What matched for `first` and then, each once, what matched for `second`: the words of a
    /// task that names two duties.
    fn explain_both(&self, scores: &Scores, first: usize, second: Option<usize>) -> Vec<String> {
        let mut matched = self.explain(scores, first);
        if let Some(second) = second {
            for m in self.explain(scores, second) {
                if !matched.contains(&m) {
                    matched.push(m);
                }
            }
        }
        matched
    }

    /// The matched signals of `entry`, best first, leaving out those contained in a better one
    /// ("win loss" inside "win loss analysis"), then the typos, variants and glued words they
    /// used, then what the group added.
    fn explain(&self, scores: &Scores, entry: usize) -> Vec<String> {
        let mut out = self.explain_own(scores, entry);
        // The group's evidence for the same side (or the same trade).
        if let Some((group, g)) = &scores.context {
            let same = |e: usize| {
                self.sides[e] == self.sides[entry]
                    && (self.kinds[e] == DutyKind::Other) == (self.kinds[entry] == DutyKind::Other)
                    && (self.kinds[e] != DutyKind::Other || e == entry)
            };
            let best = (0..self.ids.len())
                .filter(|&e| same(e) && g.entry[e] > 0.0)
                .max_by(|&a, &b| g.entry[a].total_cmp(&g.entry[b]).then(b.cmp(&a)));
            if let Some(b) = best {
                let words = self.explain_own(g, b);
                if !words.is_empty() {
                    out.push(format!("group \"{group}\": {}", words.join(", ")));
                }
            }
        }
        out
    }

    fn explain_own(&self, scores: &Scores, entry: usize) -> Vec<String> {
        let mut kept: Vec<u32> = Vec::new();
        let start = scores.matched.partition_point(|m| (m.0 as usize) < entry);
        let of_entry = scores.matched[start..]
            .iter()
            .take_while(|m| m.0 as usize == entry);
        for &(_, _, s) in of_entry {
            let stems = self.signals.stems(s);
            let inside = kept.iter().any(|&k| {
                let bigger = self.signals.stems(k);
                stems.iter().all(|st| bigger.contains(st))
            });
            if !inside {
                kept.push(s);
            }
        }
        let mut out: Vec<String> = Vec::with_capacity(kept.len());
        for &s in &kept {
            // The same words may be a signal in several languages ("kpi", "backlog").
            let display = self.signals.display(s);
            if !out.iter().any(|o| o == display) {
                out.push(display.to_string());
            }
        }
        for (token, note) in &scores.notes {
            let t = &scores.tokens[*token as usize];
            let t_stems = scores.stems_of(t);
            // A typo of a word also spelled right in the name taught nothing.
            if t.typed.is_some()
                && scores.tokens.iter().any(|o| {
                    o.typed.is_none() && scores.stems_of(o).iter().any(|s| t_stems.contains(s))
                })
            {
                continue;
            }
            let used = kept
                .iter()
                .any(|&s| self.signals.stems(s).iter().any(|st| t_stems.contains(st)));
            if used && !out.contains(note) {
                out.push(note.clone());
            }
        }
        out
    }
}

/// Whether a word is made of digits only.
fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(c: &Classifier, task: &str) -> Side {
        c.classify(task).side
    }

    #[test]
    fn product_team_sample_lands_where_a_product_leader_puts_it() {
        let c = Classifier::new(&Taxonomy::builtin());
        let cases = [
            ("Customer interviews", Side::Pm),
            ("Competitive analysis", Side::Pm),
            ("Define product vision", Side::Pm),
            ("Sprint planning", Side::Po),
            ("Backlog refinement", Side::Po),
            // docs/labelling.md: acceptance criteria are written with the story (PM); checking
            // work against them is the PO's.
            ("Write acceptance criteria", Side::Pm),
            ("Accept user stories", Side::Po),
            ("Release planning", Side::Po),
            // The article puts pricing and positioning in the PO's lifecycle work.
            ("Pricing and packaging", Side::Po),
            ("Go-to-market plan", Side::Pm),
            ("Sales enablement", Side::Pm),
            ("Set quarterly OKRs", Side::Pm),
            ("Remove impediments", Side::Po),
            // Running usability tests is design work, not a PO or PM duty.
            ("Usability testing", Side::Unclassified),
            ("Design handoff", Side::Po),
            ("Launch readiness review", Side::Po),
            // Writing the announcement is marketing execution; its strategy is the PM's.
            ("Launch announcement", Side::Unclassified),
            ("Go-to-market strategy", Side::Pm),
            ("Define success metrics", Side::Pm),
            ("Prioritize the backlog", Side::Po),
            ("Update product backlog", Side::Po),
            ("Identify customer needs", Side::Pm),
            ("Understand market trends", Side::Pm),
            ("Roadmap and backlog", Side::Shared),
            ("Implement pricing page", Side::Unclassified),
            ("Unblock the team on vendor API access", Side::Po),
            ("Communicate the product vision to the team", Side::Shared),
            ("Run payroll", Side::Unclassified),
            ("Server patching", Side::Unclassified),
            ("Office lease renewal", Side::Unclassified),
            ("Hire a receptionist", Side::Unclassified),
            ("Data-centre backup", Side::Unclassified),
        ];
        for (task, want) in cases {
            assert_eq!(side(&c, task), want, "{task}: {:?}", c.classify(task));
        }
    }

    #[test]
    fn work_of_other_trades_is_unclassified_with_its_reason() {
        let c = Classifier::new(&Taxonomy::builtin());
        // One product word next to the craft of another trade is not product work.
        assert_eq!(side(&c, "Customer satisfaction survey"), Side::Pm);
        assert_eq!(side(&c, "Employee satisfaction survey"), Side::Unclassified);
        assert_eq!(side(&c, "Office furniture budget"), Side::Unclassified);
        assert_eq!(
            side(&c, "Travel to the sales conference"),
            Side::Unclassified
        );
        let got = c.classify("Build KPI dashboard in Grafana");
        assert_eq!(
            (got.side, got.duty.as_deref()),
            (Side::Unclassified, Some("other-engineering")),
            "{got:?}"
        );
        assert!(got.matched.iter().any(|m| m == "grafana"), "{got:?}");
        // Strong product evidence still places the task.
        assert_eq!(
            side(&c, "Prepare the pricing and packaging tiers for legal"),
            Side::Po
        );
        assert_eq!(side(&c, "Monitor dev spend vs product budget"), Side::Po);
        // A name that matches nothing says so: no duty, nothing matched.
        assert_eq!(
            c.classify("Quarterly offsite"),
            Classification::unclassified()
        );
    }

    #[test]
    fn names_in_six_more_languages_land_on_their_side() {
        let c = Classifier::new(&Taxonomy::builtin());
        let cases = [
            ("Backlog priorisieren", Lang::De, Side::Po),
            ("Wettbewerbsanalyse", Lang::De, Side::Pm),
            ("Marktonderzoek", Lang::Nl, Side::Pm),
            ("Étude de marché", Lang::Fr, Side::Pm),
            ("Affinage du backlog avec l'équipe", Lang::Fr, Side::Po),
            ("Estrategia de precios", Lang::Es, Side::Po),
            ("Raccolta dei requisiti", Lang::It, Side::Pm),
            ("Remover impedimentos do time", Lang::Pt, Side::Po),
            ("Facturation mensuelle", Lang::Fr, Side::Unclassified),
        ];
        for (task, lang, want) in cases {
            let got = c.classify(task);
            assert_eq!((got.lang, got.side), (lang, want), "{task}: {got:?}");
        }
    }

    #[test]
    fn glued_words_are_read_as_their_parts() {
        let c = Classifier::new(&Taxonomy::builtin());
        // No signal has these words whole; they are split against the vocabulary.
        let got = c.classify("Kundenbedürfnisanalyse");
        assert_eq!(got.side, Side::Pm, "{got:?}");
        assert!(got.matched.iter().any(|m| m.contains("->")), "{got:?}");
        // English words are not split: "marketplace" is not "market" + "place".
        assert!(c.split_compound("marketplace").is_none());
    }

    /// One entry of a taxonomy made for a test: its id, side ("PO", "PM") and signal lists by
    /// key ("signals", "signals_de", ...).
    type TestEntry<'a> = (&'a str, &'a str, &'a [(&'a str, &'a [&'a str])]);

    /// A classifier over a taxonomy made for one test, every entry a duty.
    fn classifier_of(entries: &[TestEntry]) -> Classifier {
        let mut toml = String::new();
        for (id, side, lists) in entries {
            toml.push_str(&format!(
                "[[duty]]\nid = {id:?}\nside = {side:?}\nkind = \"duty\"\nsection = \"s\"\ntext = {id:?}\n"
            ));
            for (key, signals) in *lists {
                toml.push_str(&format!("{key} = {signals:?}\n"));
            }
        }
        Classifier::new(&Taxonomy::from_toml(&toml).unwrap())
    }

    /// A bare word joined to a phrase shares the phrase's object ("Draft and present the
    /// plan"): the shared word is read once in each conjunct, so each side's phrase holds it
    /// as its own word there and the task names both duties.
    #[test]
    fn a_bare_verb_shares_the_object_as_a_word_of_its_own() {
        let c = classifier_of(&[
            ("po-present", "PO", &[("signals", &["present the plan"])]),
            (
                "pm-draft",
                "PM",
                &[("signals", &["draft the plan", "draft the pitch"])],
            ),
        ]);
        let got = c.classify("Draft and present the plan");
        assert_eq!(got.side, Side::Shared, "{got:?}");
        assert_eq!(got.second_duty.as_deref(), Some("pm-draft"), "{got:?}");
        // German puts the verb last: the bare verb comes after the phrase.
        let c = classifier_of(&[
            (
                "po-umsetzen",
                "PO",
                &[("signals", &[]), ("signals_de", &["Plan umsetzen"])],
            ),
            (
                "pm-festlegen",
                "PM",
                &[("signals", &[]), ("signals_de", &["Plan festlegen"])],
            ),
        ]);
        let got = c.classify("Plan festlegen und umsetzen");
        assert_eq!(got.side, Side::Shared, "{got:?}");
    }

    /// A name of one thing whose action is the stronger side's words: the other side's words
    /// are the object ("Present the strategy deck to the team"), so the task is not shared.
    /// Joined, listed or with a purpose clause, it names two things, each with its action.
    #[test]
    fn the_action_of_a_name_of_one_thing_decides_against_shared() {
        let c = classifier_of(&[
            (
                "po-present",
                "PO",
                &[("signals", &["present the deck", "present to the team"])],
            ),
            ("pm-strategy", "PM", &[("signals", &["strategy deck"])]),
        ]);
        let got = c.classify("Present the strategy deck to the team");
        assert_eq!(got.side, Side::Po, "{got:?}");
        for two_things in [
            "Present the deck to the team and the strategy deck",
            "Present the deck to the team, strategy deck",
            "Present the deck to the team to review the strategy deck",
        ] {
            let got = c.classify(two_things);
            assert_eq!(got.side, Side::Shared, "{two_things}: {got:?}");
        }
    }

    /// What names one thing for the action rule: it errs towards two things, where the rule
    /// stays out.
    #[test]
    fn a_name_of_one_thing_has_no_conjunction_list_or_purpose_clause() {
        let one = |name: &str| one_thing(name, &text::raw_words(name));
        assert!(one("Share the strategic roadmap at sprint kick-off"));
        assert!(one("Priorisierung der Initiativen nach Business Value"));
        assert!(one("Present the roadmap to the team"));
        for two in [
            "Roadmap e backlog",
            "Roadmap and backlog",
            "Roadmap / backlog",
            "Roadmap, backlog",
            "Review usage data to set sprint priorities",
            "Analyse du marché pour définir le prix",
            // Erring: a French "en" and "to" before a noun count as two things.
            "Présenter la roadmap en comité",
            "Present roadmap to stakeholders",
        ] {
            assert!(!one(two), "{two}");
        }
    }

    #[test]
    fn a_glued_word_known_only_inside_a_longer_signal_is_also_read_as_its_parts() {
        // "planungsstrategie" is a word of the vocabulary only inside a two-word signal;
        // "strategie" is a signal alone on another entry, "marktforschung" a signal alone.
        let c = classifier_of(&[
            (
                "pm-strategy",
                "PM",
                &[
                    ("signals", &["strategy"]),
                    ("signals_de", &["strategie", "marktforschung"]),
                ],
            ),
            (
                "po-plan",
                "PO",
                &[
                    ("signals", &["plan"]),
                    ("signals_de", &["planungsstrategie abstimmen", "planung"]),
                ],
            ),
        ]);
        // Alone, it reads as its parts, "planung(s)" + "strategie": the longer signal needs
        // "abstimmen", so before the rule the name matched nothing.
        let got = c.classify("Planungsstrategie");
        assert_eq!(got.side, Side::Shared, "{got:?}");
        assert!(
            got.matched
                .iter()
                .any(|m| m == "planungsstrategie->planungs + strategie"),
            "{got:?}"
        );
        // Written out, the longer signal still matches through the head part.
        let got = c.classify("Planungsstrategie abstimmen");
        assert_eq!(got.side, Side::Po, "{got:?}");
        assert!(
            got.matched
                .iter()
                .any(|m| m == "planungsstrategie abstimmen"),
            "{got:?}"
        );
        // A glued word that is a signal alone stays whole.
        let got = c.classify("Marktforschung");
        assert_eq!(got.matched, ["marktforschung"], "{got:?}");
    }

    #[test]
    fn a_known_word_is_not_split_into_parts_that_are_no_signals_alone() {
        // "erstellen" is known only inside a phrase; "erste" is a signal alone, "llen" only
        // a word of a phrase: "erstellen" is no compound of them.
        let c = classifier_of(&[(
            "po-first",
            "PO",
            &[
                ("signals", &["first"]),
                ("signals_de", &["erste", "erstellen planen", "llen prüfen"]),
            ],
        )]);
        let got = c.classify("Erstellen");
        assert!(got.matched.iter().all(|m| !m.contains("->")), "{got:?}");
        assert_eq!(got.side, Side::Unclassified, "{got:?}");
    }

    #[test]
    fn a_verb_in_the_third_person_reads_as_its_infinitive() {
        let c = classifier_of(&[(
            "po-order",
            "PO",
            &[
                ("signals", &["order the backlog"]),
                ("signals_de", &["Backlog prüfen"]),
                ("signals_nl", &["backlog bewaken"]),
            ],
        )]);
        // Both verbs are out of a typo's reach of their infinitives.
        for name in ["Prüft das Backlog", "Bewaakt de backlog"] {
            let got = c.classify(name);
            assert_eq!(got.side, Side::Po, "{name}: {got:?}");
            assert_eq!(got.matched.len(), 1, "{name}: {got:?}");
        }
    }

    #[test]
    fn a_signal_with_a_story_abbreviation_matches_a_name_with_it() {
        let c = classifier_of(&[(
            "po-prio",
            "PO",
            &[
                ("signals", &["prioritise"]),
                ("signals_es", &["priorizar HU"]),
            ],
        )]);
        for name in ["Priorizar HU", "Priorizar las HUs"] {
            let got = c.classify(name);
            assert_eq!(got.duty.as_deref(), Some("po-prio"), "{name}: {got:?}");
        }
    }

    #[test]
    fn an_abbreviations_words_match_only_where_they_stand_together() {
        let c = classifier_of(&[
            (
                "pm-gtm",
                "PM",
                &[("signals", &["go-to-market", "definition of done"])],
            ),
            ("po-live", "PO", &[("signals", &["go live", "coordinate"])]),
        ]);
        // "go" of "go-live" and the stem of "marketing" are not the term "go to market".
        let got = c.classify("Coordinate go-live with marketing");
        assert_eq!(
            (got.side, got.second_duty.as_deref()),
            (Side::Po, None),
            "{got:?}"
        );
        // The term written out, with stop words between its words, or as its abbreviation.
        for name in [
            "Go-to-market plan",
            "Plan the go to market",
            "GTM plan",
            // A word of the term met earlier in the name does not hide the term.
            "Market sizing for the go-to-market plan",
        ] {
            let got = c.classify(name);
            assert_eq!(got.duty.as_deref(), Some("pm-gtm"), "{name}: {got:?}");
        }
        // Every pair of a longer term stands together: "done" far from "definition" is not
        // the definition of done.
        assert_eq!(
            c.classify("Definition of done").duty.as_deref(),
            Some("pm-gtm")
        );
        assert_eq!(
            c.classify("Definition of the release, done").side,
            Side::Unclassified
        );
    }

    #[test]
    fn the_group_weighs_in_and_says_so_but_never_alone() {
        let c = Classifier::new(&Taxonomy::builtin());
        let mut memo = Memo::default();
        let in_group = |task: &str, group: &str, memo: &mut Memo| {
            let context = TaskContext {
                group: Some(group),
                file_lang: None,
                own_lang: None,
            };
            c.classify_in(task, &context, memo)
        };
        // The group tips a name that reads both ways...
        let got = in_group("Positioning and messaging", "Pricing", &mut memo);
        assert!(
            got.matched
                .iter()
                .any(|m| m.starts_with("group \"Pricing\"")),
            "{got:?}"
        );
        // ...but never overrides the words: writing stories stays PM in a sprint.
        assert_eq!(
            in_group("Write user stories", "Sprint 4", &mut memo).side,
            Side::Pm
        );
        // And a name with no evidence of its own stays unread.
        assert_eq!(
            in_group("Julien", "Discovery", &mut memo),
            Classification::unclassified()
        );
    }

    #[test]
    fn a_po_duty_and_a_pm_duty_make_a_shared_task_with_both_duties() {
        let c = Classifier::new(&Taxonomy::builtin());
        let got = c.classify("Market research & pricing");
        assert_eq!(got.side, Side::Shared, "{got:?}");
        assert_eq!(got.duty.as_deref(), Some("po-positioning-pricing"));
        assert_eq!(got.second_duty.as_deref(), Some("pm-market-research"));
        // One side's phrase that holds the other side's word is not shared.
        assert_eq!(side(&c, "Present the roadmap to the dev team"), Side::Po);
        assert_eq!(side(&c, "Roadmap"), Side::Pm);
    }

    /// A name giving two duties of one side words of their own covers both; a name with one
    /// duty, or a second one named only by where the work happens, keeps one.
    #[test]
    fn a_name_with_two_duties_of_one_side_names_both() {
        let c = Classifier::new(&Taxonomy::builtin());
        let duties = |name: &str| {
            let got = c.classify(name);
            (got.side, got.duty, got.second_duty)
        };
        let two = |side, a: &str, b: &str| (side, Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            duties("Product roadmap and KPI tracking"),
            two(Side::Pm, "pm-kpis-strategy-tracking", "pm-prepare-roadmap")
        );
        assert_eq!(
            duties("Backlog refinement and sprint planning"),
            two(
                Side::Po,
                "po-roadmap-actionable-backlog",
                "po-sprint-priorities"
            )
        );
        let got = c.classify("Product roadmap and KPI tracking");
        assert_eq!(got.reason(&Taxonomy::builtin()), "names two PM duties");
        for m in ["product roadmap", "track kpis"] {
            assert!(got.matched.iter().any(|x| x == m), "{got:?}");
        }
        for one in [
            "Define the product vision",
            "Write user stories",
            "Sprint planning",
        ] {
            let got = c.classify(one);
            assert_eq!(got.second_duty, None, "{one}: {got:?}");
        }
        // A side given by the matrix or a pin names the same two duties: coverage must not
        // depend on whether the sheet has a side column.
        let given = c.given_side(
            "Product roadmap and KPI tracking",
            Side::Pm,
            SideSource::Matrix,
            &TaskContext::default(),
            &mut Memo::default(),
        );
        assert_eq!(
            (given.duty.as_deref(), given.second_duty.as_deref()),
            (
                Some("pm-kpis-strategy-tracking"),
                Some("pm-prepare-roadmap")
            )
        );
    }

    /// "X and Y" names two things: a phrase takes its words from one of them, so a PO word and
    /// a PM word joined by a conjunction make a shared task with both duties, in every
    /// language, while the phrase still holds where nothing joins its words.
    #[test]
    fn a_phrase_takes_its_words_from_one_conjunct() {
        let c = Classifier::new(&Taxonomy::builtin());
        assert_eq!(side(&c, "Execute the vision"), Side::Po);
        for name in [
            "Execution and vision",
            "Execution & vision",
            "Execution / vision",
            "Execution + vision",
            "Exécution et vision",
            "Ejecución y visión",
            "Esecuzione e visione",
            "Execução e visão",
            "Uitvoering en visie",
        ] {
            let got = c.classify(name);
            assert_eq!(got.side, Side::Shared, "{name}: {got:?}");
            assert_eq!(
                got.second_duty.as_deref(),
                Some("pm-create-vision"),
                "{name}"
            );
        }
        let got = c.classify("Produktstrategie und Auslieferung");
        assert_eq!(got.side, Side::Shared, "{got:?}");
        let got = c.classify("Vision und Umsetzung");
        assert!(
            !got.matched.iter().any(|m| m == "vision umsetzen"),
            "{got:?}"
        );
        // A sign glued between two words joins one term; a signal that names a conjunction
        // itself matches across it.
        assert_eq!(
            c.classify("Win/loss analysis").matched,
            ["win loss analysis"]
        );
        assert_eq!(
            c.classify("Pricing & packaging").matched,
            ["pricing and packaging"]
        );
        // "en" is a French preposition and "e" an Italian, Spanish and Portuguese conjunction,
        // not an English or Dutch word that joins.
        let of = |name: &str, lang| {
            let raw = text::raw_words(name);
            Conjuncts::of(&raw, &Classifier::content(&raw, Some(lang)), Some(lang))
        };
        let conjuncts = |name: &str, lang| of(name, lang).lonely.len();
        assert_eq!(conjuncts("Mise en production", Lang::Fr), 1);
        assert_eq!(conjuncts("Visie en uitvoering", Lang::Nl), 2);
        assert_eq!(conjuncts("Vision e roadmap", Lang::En), 1);
        assert_eq!(conjuncts("Visione e roadmap", Lang::It), 2);
        // A conjunct's words are counted as the classifier reads them: "US" is user stories,
        // not the English stop word, so "prioriser les US" is not a lonely conjunct.
        let lonely = of("Rédiger et prioriser les US", Lang::Fr).lonely;
        assert_eq!(lonely, [true, false]);
    }

    /// A conjunct of one word shares the words of its longer neighbour but the one that stands
    /// in its place: the verbs of "Draft and prioritise user stories" both take the stories,
    /// and "execution" in "Product vision and execution" takes "product", not "vision".
    #[test]
    fn a_lonely_conjunct_shares_its_neighbours_words() {
        let c = Classifier::new(&Taxonomy::builtin());
        for (name, po, pm) in [
            (
                "Draft and prioritise user stories",
                "prioritise stories",
                "draft user stories",
            ),
            (
                "User Stories schreiben und priorisieren",
                "stories priorisieren",
                "user stories schreiben",
            ),
            (
                "Product vision and execution",
                "execution",
                "product vision",
            ),
            (
                "Visión del producto y ejecución",
                "ejecucion del producto",
                "vision de producto",
            ),
        ] {
            let got = c.classify(name);
            assert_eq!(got.side, Side::Shared, "{name}: {got:?}");
            for m in [po, pm] {
                assert!(got.matched.iter().any(|x| x == m), "{name}: {m} in {got:?}");
            }
        }
    }

    /// "on schedule" once lost its stop word and matched every "schedule": a phrase must stay
    /// a phrase after normalisation, or be written as the one word it really is.
    #[test]
    fn builtin_phrases_keep_several_words() {
        let t = Taxonomy::builtin();
        let c = Classifier::new(&t);
        let mut shrunk = Vec::new();
        for duty in &t.duties {
            for signal in &duty.signals {
                let mut stems: Vec<String> = text::content_words(signal)
                    .iter()
                    .map(|w| c.stemmers.stem(Lang::En, w).into_owned())
                    .collect();
                stems.sort();
                stems.dedup();
                if text::words(signal).len() > 1 && stems.len() < 2 {
                    shrunk.push(format!("{}: {signal:?} -> {stems:?}", duty.id));
                }
            }
        }
        assert!(shrunk.is_empty(), "{}", shrunk.join("\n"));
    }

    #[test]
    fn british_and_american_spellings_meet() {
        let c = Classifier::new(&Taxonomy::builtin());
        // The taxonomy writes "monetization" and "prioritise"; tasks write either.
        let got = c.classify("Monetisation");
        assert_eq!(got.side, Side::Po, "{got:?}");
        assert!(!got.matched.is_empty(), "{got:?}");
        assert_eq!(
            c.classify("Prioritize the bugs").side,
            c.classify("Prioritise the bugs").side
        );
        assert_eq!(side(&c, "Analyze the usage data"), Side::Pm);
    }

    #[test]
    fn typos_are_corrected_and_shown() {
        let c = Classifier::new(&Taxonomy::builtin());
        let got = c.classify("Win/loss anlysis");
        assert_eq!(got.side, Side::Pm);
        assert_eq!(got.duty.as_deref(), Some("pm-business-data"));
        assert!(
            got.matched.contains(&"anlysis->analysis".to_string()),
            "{got:?}"
        );
        assert!(
            got.matched.contains(&"win loss analysis".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn typos_alone_are_not_believed_and_short_words_are_not_corrected() {
        let c = Classifier::new(&Taxonomy::builtin());
        // "markers" is one edit from "markets", but nothing else in the name is product work.
        assert_eq!(side(&c, "Whiteboard markers"), Side::Unclassified);
        assert!(c.correct("plam").is_none());
        // Two letters longer is another word, not a typo.
        assert_eq!(side(&c, "Partner management"), Side::Pm);
        assert!(c.correct("itinerary").is_none());
        assert_eq!(c.correct("refinment").map(|(w, _)| w), Some("refinement"));
    }

    #[test]
    fn abbreviations_case_and_punctuation_do_not_matter() {
        let c = Classifier::new(&Taxonomy::builtin());
        assert_eq!(side(&c, "GTM plan"), Side::Pm);
        assert_eq!(side(&c, "UAT sign-off"), Side::Po);
        assert_eq!(side(&c, "SPRINT PLANNING"), Side::Po);
        assert_eq!(
            c.classify("Pricing & packaging"),
            c.classify("pricing and packaging")
        );
    }

    #[test]
    fn very_long_names_are_handled() {
        let c = Classifier::new(&Taxonomy::builtin());
        let long = "backlog refinement with the scrum team ".repeat(5_000);
        let got = c.classify(&long);
        assert_eq!(got.side, Side::Po);
        let noise: String = (0..20_000).map(|i| format!("w{i}x ")).collect();
        assert_eq!(c.classify(&noise).side, Side::Unclassified);
    }

    #[test]
    fn a_word_spelled_right_is_not_a_typo_even_if_another_was_corrected_to_it() {
        let c = Classifier::new(&Taxonomy::builtin());
        let typo_only = c.classify("Win/loss anlysis");
        let both = c.classify("Win/loss anlysis and analysis");
        assert!(
            both.confidence >= typo_only.confidence,
            "{both:?} {typo_only:?}"
        );
        assert!(typo_only.matched.iter().any(|m| m.contains("->")));
        assert!(!both.matched.iter().any(|m| m.contains("->")), "{both:?}");
    }

    #[test]
    fn empty_and_stop_word_names_abstain() {
        let c = Classifier::new(&Taxonomy::builtin());
        for task in ["", "   ", "the and of", "---", "Q3"] {
            assert_eq!(c.classify(task), Classification::unclassified(), "{task:?}");
        }
    }

    #[test]
    fn confidence_is_between_zero_and_one_and_deterministic() {
        let c = Classifier::new(&Taxonomy::builtin());
        let d = Classifier::new(&Taxonomy::builtin());
        for task in [
            "Backlog refinement",
            "Market research",
            "Track deadlines",
            "PI planning",
        ] {
            let a = c.classify(task);
            assert!(a.confidence > 0.0 && a.confidence <= 1.0, "{task}: {a:?}");
            assert_eq!(a, d.classify(task));
        }
    }

    #[test]
    fn every_article_sentence_lands_on_its_own_side() {
        let t = Taxonomy::builtin();
        let c = Classifier::new(&t);
        let mut wrong = Vec::new();
        // Duties only: a skill's or trait's sentence ("technical knowledge such as coding")
        // may well read as another trade. A long sentence that also holds a word of the other
        // side may be shared, as long as this duty is one of the two.
        for duty in t.duties.iter().filter(|d| d.kind == DutyKind::Duty) {
            let got = c.classify(&duty.text);
            let own = |id: &Option<String>| id.as_deref() == Some(duty.id.as_str());
            let ok = got.side == duty.side
                || (got.side == Side::Shared && (own(&got.duty) || own(&got.second_duty)));
            if !ok {
                wrong.push(format!("{} {:?} -> {:?}", duty.id, duty.text, got));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn numbers_read_as_no_word_as_the_stemmers_would_have_them() {
        // The shortcut in `reading` holds only while every stemmer leaves a number alone and
        // no stem is a number.
        let c = Classifier::new(&Taxonomy::builtin());
        assert!(!c.long_number_stems);
        // "tier 2" and "1:1s" make small numbers words of the vocabulary.
        assert!(matches!(
            c.reading("2", &mut Memo::default()).as_ref(),
            Reading::Known { .. }
        ));
        for n in ["0", "7", "42", "2041", "29690", "000123", "20250101"] {
            for lang in Lang::ALL {
                assert_eq!(c.stemmers.stem(lang, n), n, "{lang:?}");
            }
            assert!(matches!(c.read_word(n), Reading::Unknown), "{n}");
            assert!(matches!(
                c.reading(n, &mut Memo::default()).as_ref(),
                Reading::Unknown
            ));
        }
        // The long way round gives the same answers on numbered names.
        let mut slow = Classifier::new(&Taxonomy::builtin());
        slow.long_number_stems = true;
        for name in [
            "Write user stories for search #29690",
            "Backlog priorisieren 2025",
            "Sprint 12 review",
            "Q3 2025 roadmap 2",
            "4711",
            "Tier 2 support",
            "1:1s 2041",
        ] {
            assert_eq!(c.classify(name), slow.classify(name), "{name}");
        }
        // A taxonomy that has a number as a signal reads it.
        let mut t = Taxonomy::builtin();
        t.duties[0].signals.push("360 review".into());
        let c = Classifier::new(&t);
        assert!(c.long_number_stems);
        assert!(matches!(
            c.reading("360", &mut Memo::default()).as_ref(),
            Reading::Known { .. }
        ));
    }

    #[test]
    fn every_signal_is_filed_once_under_its_rarest_stem() {
        let c = Classifier::new(&Taxonomy::builtin());
        let mut filed = vec![0; c.signals.len()];
        let mut uses = vec![0; c.stem_lang.len()];
        for s in 0..c.signals.len() as u32 {
            for &st in c.signals.stems(s) {
                uses[st as usize] += 1;
            }
        }
        for stem in 0..c.stem_lang.len() as u32 {
            let signals = c.keyed(stem);
            assert!(signals.windows(2).all(|w| w[0] < w[1]), "stem {stem}");
            for &s in signals {
                filed[s as usize] += 1;
                let stems = c.signals.stems(s);
                assert!(stems.contains(&stem));
                assert!(stems
                    .iter()
                    .all(|&st| uses[st as usize] >= uses[stem as usize]));
            }
        }
        assert!(filed.iter().all(|&n| n == 1));
    }

    #[test]
    fn stem_marks_forget_the_previous_name() {
        let mut marks = StemMarks::default();
        let m = marks.stamp(4);
        m.set(2, 7);
        assert_eq!((m.get(2), m.get(1)), (Some(7), None));
        let m = marks.stamp(4);
        assert_eq!(m.get(2), None);
        // The stamp wraps around without a stale mark coming back.
        marks.stamp = u32::MAX;
        marks.set(3, 1);
        let m = marks.stamp(4);
        assert_eq!((m.stamp, m.get(3)), (1, None));
    }

    #[test]
    fn a_full_memo_map_is_emptied_before_it_grows() {
        let mut map = HashMap::new();
        for (i, word) in ["a", "b", "c", "d", "e"].iter().enumerate() {
            remember(&mut map, 3, word, i);
            assert!(map.len() <= 3);
            assert_eq!(map.get(*word), Some(&i));
        }
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn a_shared_memo_never_changes_an_answer() {
        // Every labelled name, then the same names again with typos and variants, through one
        // memo (twice, so the second pass reads only memoised words) and each with a fresh one.
        let c = Classifier::new(&Taxonomy::builtin());
        let names: Vec<String> = include_str!("../../tests/data/classify-eval.csv")
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .flat_map(|n| {
                [
                    n.to_string(),
                    n.replacen("a", "aa", 1),
                    n.replace("ize", "ise"),
                ]
            })
            .collect();
        assert!(names.len() > 1000);
        let mut memo = Memo::default();
        for pass in 0..2 {
            for name in &names {
                assert_eq!(
                    c.classify_with(name, &mut memo),
                    c.classify(name),
                    "pass {pass}: {name}"
                );
            }
        }
    }
}
