//! The seven languages task names are read in, their stop words, and the cues that tell them
//! apart in a short task name (stop words, letters, endings).
//!
//! Why no language-detection crate: `whatlang` (the well-kept Rust one) scores character
//! trigrams against profiles of 69 languages. Task names are two to five words, half of them
//! English loanwords ("Backlog priorisieren", "Refinement du backlog"), and on text that short a
//! trigram profile is unreliable by its own measure (`is_reliable()` is false for most of them)
//! and pulls towards English; it also cannot use the best evidence we have, which is the
//! taxonomy's own vocabulary in each language (the classifier adds that to these cues). Seven
//! stop-word lists and a few endings are a few kilobytes and cost nanoseconds per word.

use serde::Serialize;
use std::fmt;

/// A language of task names: English and the six languages of the real exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    De,
    Es,
    It,
    Pt,
    Nl,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Fr,
        Lang::De,
        Lang::Es,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
    ];

    /// The ISO 639-1 code: `en`, `fr`, ...
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
        }
    }

    /// The language's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::De => "German",
            Lang::Es => "Spanish",
            Lang::It => "Italian",
            Lang::Pt => "Portuguese",
            Lang::Nl => "Dutch",
        }
    }

    /// The taxonomy key of the language's signals: `signals` for English, `signals_fr`, ...
    /// One spelling for the taxonomy's reader and writer and for `build.rs`.
    pub(crate) fn signals_key(self) -> String {
        match self {
            Lang::En => "signals".to_string(),
            lang => format!("signals_{}", lang.code()),
        }
    }

    /// Reads an ISO code (`fr`, any case).
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn stemmer(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm;
        match self {
            Lang::En => Algorithm::English,
            Lang::Fr => Algorithm::French,
            Lang::De => Algorithm::German,
            Lang::Es => Algorithm::Spanish,
            Lang::It => Algorithm::Italian,
            Lang::Pt => Algorithm::Portuguese,
            Lang::Nl => Algorithm::Dutch,
        }
    }

    /// Whether the language glues nouns into one word (`Wettbewerbsanalyse`,
    /// `Marktonderzoek`), so an unknown word may be read as its parts.
    pub(crate) fn compounds(self) -> bool {
        matches!(self, Lang::De | Lang::Nl)
    }

    /// Whether the language names a thing before its kind ("stratégie produit", "estrategia
    /// de producto"), where English, German and Dutch put the kind first ("product strategy",
    /// "Produktstrategie").
    pub(crate) fn names_head_first(self) -> bool {
        matches!(self, Lang::Fr | Lang::Es | Lang::It | Lang::Pt)
    }

    /// The language's stop words, folded to ASCII, sorted.
    pub(crate) fn stop_words(self) -> &'static [&'static str] {
        match self {
            Lang::En => EN_STOP,
            Lang::Fr => FR_STOP,
            Lang::De => DE_STOP,
            Lang::Es => ES_STOP,
            Lang::It => IT_STOP,
            Lang::Pt => PT_STOP,
            Lang::Nl => NL_STOP,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// English stop words. Kept short on purpose: "how", "who", "what", "why" are signals in the
/// article (the PO owns the how, the PM the who/what/why), and "up", "off", "no" take part in
/// "stand-up", "sign-off" and "go/no-go".
const EN_STOP: &[&str] = &[
    "a", "about", "across", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "between", "by", "can", "do", "during", "eg", "etc", "for", "from", "has",
    "have", "ie", "if", "in", "into", "is", "it", "its", "me", "must", "my", "of", "on", "onto",
    "or", "our", "ours", "per", "s", "shall", "should", "so", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "towards", "us",
    "versus", "via", "vs", "w", "was", "we", "were", "when", "where", "which", "while", "will",
    "with", "within", "without", "would", "you", "your",
];

// The other languages' lists hold articles, prepositions, conjunctions and pronouns, folded
// to ASCII; never a word that is a content word in another of the seven languages ("data",
// "come", "door" are left out), since one union of all lists is dropped from every name.
const FR_STOP: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cette", "chez", "d", "dans", "de", "des", "du", "en",
    "entre", "et", "l", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que",
    "quel", "quelle", "quelles", "quels", "qui", "sa", "se", "ses", "son", "sont", "sous", "sur",
    "un", "une", "vers",
];

const DE_STOP: &[&str] = &[
    "am", "auf", "aus", "bei", "beim", "bis", "das", "dem", "den", "der", "des", "die", "ein",
    "eine", "einem", "einen", "einer", "eines", "fuer", "fur", "im", "ins", "ist", "mit", "nach",
    "ob", "oder", "sich", "sind", "uber", "ueber", "um", "und", "vom", "von", "vor", "welche",
    "welchen", "welcher", "wir", "zu", "zum", "zur",
];

const ES_STOP: &[&str] = &[
    "al", "con", "de", "del", "desde", "el", "en", "entre", "hacia", "la", "las", "lo", "los",
    "para", "por", "que", "se", "sobre", "su", "sus", "un", "una", "unas", "unos", "y",
];

const IT_STOP: &[&str] = &[
    "agli", "al", "alla", "alle", "allo", "con", "dal", "dalla", "dalle", "degli", "dei", "del",
    "della", "delle", "dello", "di", "e", "ed", "gli", "il", "in", "la", "le", "lo", "nei", "nel",
    "nella", "nelle", "per", "su", "sui", "sul", "sulla", "tra", "un", "una", "uno",
];

const PT_STOP: &[&str] = &[
    "ao", "aos", "as", "com", "da", "das", "de", "do", "dos", "e", "em", "na", "nas", "nos", "o",
    "para", "pela", "pelo", "por", "sobre", "um", "uma",
];

const NL_STOP: &[&str] = &[
    "aan", "bij", "de", "den", "der", "die", "een", "en", "het", "in", "met", "naar", "of", "om",
    "onze", "op", "te", "tot", "uit", "van", "voor", "we", "wij",
];

/// Whether `word` (folded, lower case) is a stop word in any of the seven languages.
pub fn is_stop_word(word: &str) -> bool {
    // No stop word is longer than eight letters, so each is one `u64` (see [`packed`]); the
    // classifier asks several times for every word of 50,000-task matrices, and one sorted
    // union of numbers, built once, is a search without string comparisons (those were a
    // tenth of the classifier's time).
    static UNION: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let Some(key) = packed(word) else {
        return false;
    };
    let union = UNION.get_or_init(|| {
        let mut all: Vec<u64> = Lang::ALL
            .iter()
            .flat_map(|l| l.stop_words().iter().filter_map(|w| packed(w)))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    });
    union.binary_search(&key).is_ok()
}

/// A word of one to eight bytes as one number, its bytes in order, zeros after: two such
/// words are equal exactly when their numbers are. `None` for longer or empty words and for
/// a word holding NUL (whose zero byte would pass for padding: "de\0" is not "de").
pub(crate) fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 8 || bytes.contains(&0) {
        return None;
    }
    let mut key = [0u8; 8];
    key[..bytes.len()].copy_from_slice(bytes);
    Some(u64::from_be_bytes(key))
}

/// Endings and letters that point to one language, with their weight. Checked on the word as
/// written (accents kept), lower case.
const CUES: &[(&str, Lang, f64)] = &[
    // Letters only one of the seven languages uses.
    ("ß", Lang::De, 1.0),
    ("ä", Lang::De, 1.0),
    ("ö", Lang::De, 1.0),
    ("ü", Lang::De, 0.8),
    ("ñ", Lang::Es, 1.0),
    ("ã", Lang::Pt, 1.0),
    ("õ", Lang::Pt, 1.0),
    ("ê", Lang::Fr, 0.5),
    ("è", Lang::Fr, 0.5),
    ("à", Lang::Fr, 0.3),
    ("ù", Lang::It, 0.5),
    ("ì", Lang::It, 0.8),
    ("ò", Lang::It, 0.8),
    ("ç", Lang::Fr, 0.4),
    ("ç", Lang::Pt, 0.4),
    ("ij", Lang::Nl, 0.6),
];

const ENDINGS: &[(&str, Lang, f64)] = &[
    ("ción", Lang::Es, 1.0),
    ("cion", Lang::Es, 0.6),
    ("ciones", Lang::Es, 1.0),
    ("idad", Lang::Es, 0.8),
    ("ção", Lang::Pt, 1.0),
    ("ções", Lang::Pt, 1.0),
    ("cao", Lang::Pt, 0.5),
    ("zione", Lang::It, 1.0),
    ("zioni", Lang::It, 1.0),
    ("ità", Lang::It, 1.0),
    ("mento", Lang::It, 0.3),
    ("mento", Lang::Pt, 0.3),
    ("mento", Lang::Es, 0.2),
    ("ung", Lang::De, 0.8),
    ("ungen", Lang::De, 1.0),
    ("keit", Lang::De, 1.0),
    ("heit", Lang::De, 1.0),
    ("ieren", Lang::De, 1.0),
    ("schaft", Lang::De, 1.0),
    ("heid", Lang::Nl, 1.0),
    ("eren", Lang::Nl, 0.4),
    ("tie", Lang::Nl, 0.3),
    ("ité", Lang::Fr, 1.0),
    ("ée", Lang::Fr, 0.8),
    ("eur", Lang::Fr, 0.5),
    ("eurs", Lang::Fr, 0.6),
    ("ement", Lang::Fr, 0.5),
    ("ing", Lang::En, 0.4),
    ("ness", Lang::En, 0.8),
];

/// Language evidence from the letters and endings of one word (lower case, accents kept),
/// added to `scores` (indexed by [`Lang::index`]).
pub(crate) fn word_cues(word: &str, scores: &mut [f64; 7]) {
    if !word.is_ascii() {
        for (cue, lang, weight) in CUES {
            if word.contains(cue) {
                scores[lang.index()] += weight;
            }
        }
    } else if word.contains("ij") {
        scores[Lang::Nl.index()] += 0.6;
    }
    for (ending, lang, weight) in ENDINGS {
        if word.len() > ending.len() + 2 && word.ends_with(ending) {
            scores[lang.index()] += weight;
        }
    }
}

/// The words that join two conjuncts of a name ("Vision and execution"), per language; "and"
/// (and "&", read as "and") joins in every language, as teams everywhere write it. Words that
/// are something else in another language ("en" is a French preposition, "e" an Italian,
/// Spanish and Portuguese conjunction) join only in their own.
const CONJUNCTIONS: &[(Lang, &[&str])] = &[
    (Lang::Fr, &["et"]),
    (Lang::De, &["sowie", "und"]),
    (Lang::Es, &["e", "y"]),
    (Lang::It, &["e", "ed"]),
    (Lang::Pt, &["e"]),
    (Lang::Nl, &["en"]),
];

/// Whether `word` (folded) may open a purpose clause ("Review usage data to set sprint
/// priorities", "pour définir", "para fijar", "per definire", "om ... te", "um ... zu"): the
/// name then names two activities, each with its own action. The caller asks for a content
/// word after it; no verb is checked, so "to stakeholders" counts too (see `one_thing` in
/// the classifier: erring there keeps a rule out).
pub(crate) fn is_purpose(word: &str) -> bool {
    matches!(word, "to" | "pour" | "para" | "per" | "um" | "om")
}

/// Whether `word` (folded) is a conjunction in any of the seven languages.
pub(crate) fn is_conjunction_in_any(word: &str) -> bool {
    word == "and" || CONJUNCTIONS.iter().any(|(_, words)| words.contains(&word))
}

/// Whether `word` (folded) joins two conjuncts in a name or signal of `lang`.
pub(crate) fn is_conjunction(word: &str, lang: Option<Lang>) -> bool {
    word == "and"
        || lang.is_some_and(|lang| {
            CONJUNCTIONS
                .iter()
                .any(|(l, words)| *l == lang && words.contains(&word))
        })
}

/// Language evidence from a stop word (folded): shared by the languages that use it.
pub(crate) fn stop_word_cues(word: &str, scores: &mut [f64; 7]) {
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| l.stop_words().binary_search(&word).is_ok())
        .collect();
    if langs.is_empty() {
        return;
    }
    // A stop word of one language is strong evidence; "de" (French, Spanish, Portuguese,
    // Dutch) says little.
    let share = 1.2 / langs.len() as f64;
    for l in langs {
        scores[l.index()] += share;
    }
}

/// The language with the most evidence, when it has enough and leads the next one.
pub(crate) fn best(scores: &[f64; 7]) -> Option<Lang> {
    let mut order: Vec<Lang> = Lang::ALL.to_vec();
    // Stable sort: ties keep the order of `Lang::ALL`.
    order.sort_by(|a, b| scores[b.index()].total_cmp(&scores[a.index()]));
    let (first, second) = (scores[order[0].index()], scores[order[1].index()]);
    (first >= 0.6 && first > second + 0.15).then_some(order[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_conjunctions_of_any_language_are_those_of_each() {
        let mut each: Vec<&str> = CONJUNCTIONS
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .collect();
        each.push("and");
        for word in &each {
            assert!(is_conjunction_in_any(word), "{word}");
        }
        for word in ["or", "ou", "o", "oder", "of", "the", "en-", ""] {
            assert!(!is_conjunction_in_any(word), "{word}");
        }
        assert!(Lang::ALL
            .into_iter()
            .all(|l| !is_conjunction("ou", Some(l))));
    }

    #[test]
    fn stop_word_lists_are_sorted_and_short() {
        for lang in Lang::ALL {
            let list = lang.stop_words();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{lang}");
            assert!(list.iter().all(|w| w.len() <= 8 && w.is_ascii()), "{lang}");
            assert!(list.iter().all(|w| is_stop_word(w)), "{lang}");
        }
    }

    #[test]
    fn only_stop_words_are_stop_words() {
        for word in ["", "backlog", "de\0", "d", "ander", "fuerx", "verylongword"] {
            assert_eq!(
                is_stop_word(word),
                Lang::ALL.iter().any(|l| l.stop_words().contains(&word)),
                "{word:?}"
            );
        }
        assert!(is_stop_word("ueber") && is_stop_word("d") && !is_stop_word("dd"));
        assert_eq!(packed("de\0"), None);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("xx"), None);
    }

    #[test]
    fn cues_point_to_their_language() {
        let of = |words: &[&str]| {
            let mut s = [0.0; 7];
            for w in words {
                word_cues(w, &mut s);
                stop_word_cues(w, &mut s);
            }
            best(&s)
        };
        assert_eq!(of(&["planificación"]), Some(Lang::Es));
        assert_eq!(of(&["gestão", "do", "produto"]), Some(Lang::Pt));
        assert_eq!(
            of(&["abstimmung", "mit", "dem", "vertrieb"]),
            Some(Lang::De)
        );
        assert_eq!(of(&["della", "versione"]), Some(Lang::It));
        assert_eq!(of(&["het", "team"]), Some(Lang::Nl));
        assert_eq!(of(&["revue", "de", "la", "qualité"]), Some(Lang::Fr));
        assert_eq!(of(&["backlog"]), None);
    }
}
