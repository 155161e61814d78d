//! Text handling for the classifier: normalisation, tokens, stop words, abbreviations and the
//! small edit distance used for typo tolerance. Task names and taxonomy signals go through the
//! same steps, so "GTM" in a signal and "go-to-market" in a task meet on the same words.

/// Abbreviations as product teams write them, expanded before stop words and stemming. Only
/// unambiguous ones: "PR" (press or pull request?) and "PM" (product or project?) stay as they
/// are, and "UX", "UI", "QA" are words in their own right in task names.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("arr", "annual recurring revenue"),
    ("art", "agile release train"),
    ("ba", "business analyst"),
    ("cac", "customer acquisition cost"),
    ("csat", "customer satisfaction"),
    ("cx", "customer experience"),
    ("dod", "definition of done"),
    ("dor", "definition of ready"),
    ("gtm", "go to market"),
    ("icp", "ideal customer profile"),
    ("jtbd", "jobs to be done"),
    ("kpi", "key performance indicator"),
    ("ltv", "lifetime value"),
    ("mgmt", "management"),
    ("mrd", "market requirements document"),
    ("mrr", "monthly recurring revenue"),
    ("mvp", "minimum viable product"),
    ("nps", "net promoter score"),
    ("okr", "objectives and key results"),
    ("pbi", "product backlog item"),
    ("pi", "program increment"),
    ("pmf", "product market fit"),
    ("prd", "product requirements document"),
    ("qbr", "quarterly business review"),
    ("req", "requirement"),
    ("roi", "return on investment"),
    ("spec", "specification"),
    ("tam", "total addressable market"),
    ("uat", "user acceptance testing"),
    ("voc", "voice of the customer"),
    ("wip", "work in progress"),
    ("wsjf", "weighted shortest job first"),
];

/// Words the English stemmer folds into an unrelated word: "customers" and "custom" both
/// become "custom", "developers" and "development" both "develop" (the people are the PO's
/// daily contact, the work is engineering), "specification" and "specific" both "specif", "executive" and "execute"
/// both "execut", "accountable" and "accounts" both "account" (the RACI letter that opens a
/// role description, read as the IT team's user accounts); the Spanish and Portuguese
/// stemmers fold "negocio" (business) and "negociar" (negotiate) alike. These keep a stem of
/// their own.
const STEM_EXCEPTIONS: &[(&str, &str)] = &[
    ("accountability", "accountable"),
    ("accountable", "accountable"),
    ("customer", "customer"),
    ("customers", "customer"),
    ("developer", "developer"),
    ("developers", "developer"),
    ("executive", "executive"),
    ("executives", "executive"),
    ("negocio", "negocio"),
    ("negocios", "negocio"),
    ("specification", "specification"),
    ("specifications", "specification"),
];

/// The stem of a word, with [`STEM_EXCEPTIONS`] taken first.
pub fn stem<'a>(stemmer: &rust_stemmers::Stemmer, word: &'a str) -> std::borrow::Cow<'a, str> {
    match STEM_EXCEPTIONS.binary_search_by(|(w, _)| w.cmp(&word)) {
        Ok(i) => std::borrow::Cow::Borrowed(STEM_EXCEPTIONS[i].1),
        Err(_) => stemmer.stem(word),
    }
}

pub use super::lang::is_stop_word;
use super::lang::Lang;

/// Every abbreviation's expansion ("go to market", "definition of done"): each is one term.
pub fn expansions() -> impl Iterator<Item = &'static str> {
    ABBREVIATIONS.iter().map(|(_, expansion)| *expansion)
}

/// Whether a word is written in capitals, as abbreviations are: two letters or more, none in
/// lower case but a plural "s" after two capitals ("US", "KPI", "HUs", "PBIs").
fn in_capitals(word: &str) -> bool {
    let head = word.strip_suffix('s').unwrap_or(word);
    let head = if head.chars().count() >= 2 {
        head
    } else {
        word
    };
    head.chars().count() > 1 && !head.chars().any(char::is_lowercase)
}

/// Abbreviations that mean a user story in a name or signal written in these languages, when
/// written in capitals ("Rédaction des US", "Redactar HU", "priorizar as HUs"); in English
/// "US" is a country or "us".
const STORY_ABBREVIATIONS: &[(&str, &[Lang])] = &[
    ("hu", &[Lang::Es, Lang::Pt]),
    (
        "us",
        &[Lang::Fr, Lang::It, Lang::Pt, Lang::Nl, Lang::De, Lang::Es],
    ),
];

/// Whether a written word is a user story's abbreviation in `lang` (see
/// [`STORY_ABBREVIATIONS`]), in the singular or the plural.
pub fn is_story(word: &RawWord, lang: Option<Lang>) -> bool {
    let Some(lang) = lang else {
        return false;
    };
    let singular = word.folded.strip_suffix('s').filter(|w| w.len() == 2);
    word.caps
        && STORY_ABBREVIATIONS
            .iter()
            .any(|(a, langs)| (*a == word.folded || Some(*a) == singular) && langs.contains(&lang))
}

/// The words of a signal of `lang`, as [`words`] gives them, with a user story's abbreviation
/// written out ("priorizar HU" is "priorizar user story"): a name's "HU" is read that way (see
/// `Classifier::content`), so a signal that keeps it as "hu" could never match one.
/// The signal comes split into [`raw_words`], which also give its words as shown.
pub fn signal_words(raw: &RawWords, lang: Lang) -> Vec<String> {
    let mut out = Vec::with_capacity(raw.len() + 1);
    for word in raw.iter() {
        if is_story(&word, Some(lang)) {
            out.extend(["user".to_string(), "story".to_string()]);
        } else {
            out.push(word.folded.to_string());
        }
    }
    out
}

/// The expansion of an abbreviation, also in the plural ("OKRs", "KPIs").
pub fn expand(word: &str) -> Option<&'static str> {
    // No abbreviation is longer than four letters (five with a plural "s"). Each is looked up
    // as one number (see `lang::packed`) in a table built once: every word of every name
    // asks, and string comparisons were most of the cost.
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    if word.len() > 5 {
        return None;
    }
    let keys = KEYS.get_or_init(|| {
        ABBREVIATIONS
            .iter()
            .map(|(abbr, _)| super::lang::packed(abbr).expect("short abbreviations"))
            .collect()
    });
    // Packed words sort as the words do, so the table's order is the keys' order.
    let find = |w: &str| {
        let key = super::lang::packed(w)?;
        keys.binary_search(&key).ok().map(|i| ABBREVIATIONS[i].1)
    };
    find(word).or_else(|| {
        word.strip_suffix('s')
            .filter(|w| w.len() >= 2)
            .and_then(find)
    })
}

/// One word of a task name as written: lower case with its accents (for language cues), folded
/// to ASCII (for matching), and whether it was written in capitals ("US", "HU").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawWord<'a> {
    pub lower: &'a str,
    pub folded: &'a str,
    pub caps: bool,
    /// A '/' or '+' with a space on either side stands right before the word ("Dev / Support",
    /// "Stories + acceptance"): it opens a new conjunct. Glued ones join one term ("win/loss",
    /// "UI/UX") and open nothing.
    pub opens: bool,
}

/// The words of a task name as written (see [`raw_words`]), their texts kept in one buffer: a
/// big matrix is read word by word hundreds of thousands of times, and a string per word (two
/// for an accented one) was most of the allocations of reading a name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawWords {
    text: String,
    words: Vec<Span>,
}

/// Where one word's texts lie in [`RawWords::text`], byte ranges as (start, end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    folded: (u32, u32),
    /// The same as `folded` for a word without accents.
    lower: (u32, u32),
    caps: bool,
    opens: bool,
}

impl RawWords {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The `i`-th word.
    pub fn get(&self, i: usize) -> RawWord<'_> {
        let span = self.words[i];
        let at = |(start, end): (u32, u32)| &self.text[start as usize..end as usize];
        RawWord {
            lower: at(span.lower),
            folded: at(span.folded),
            caps: span.caps,
            opens: span.opens,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = RawWord<'_>> + '_ {
        (0..self.words.len()).map(|i| self.get(i))
    }

    /// Adds a word: its folded text, and its lower-case text when that differs.
    fn push(&mut self, folded: &str, lower: Option<&str>, caps: bool, opens: bool) {
        let folded = self.append(folded);
        let lower = lower.map_or(folded, |l| self.append(l));
        self.words.push(Span {
            folded,
            lower,
            caps,
            opens,
        });
    }

    fn append(&mut self, text: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        (start, self.text.len() as u32)
    }
}

/// French and Italian elisions: "l'équipe" is "l" and "équipe", "dell'offerta" is "dell" and
/// "offerta". Any other apostrophe is dropped inside the word ("team's" -> "teams").
const ELISIONS: &[&str] = &[
    "all", "c", "d", "dall", "dell", "j", "l", "m", "n", "nell", "qu", "quest", "s", "sull", "t",
    "un",
];

fn is_apostrophe(ch: char) -> bool {
    matches!(
        ch,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{2bc}' | '`' | '\u{b4}'
    )
}

/// The words of `text` as written: every run of letters and digits, `&` read as "and",
/// apostrophes dropped inside words except after an elision (see [`ELISIONS`]).
pub fn raw_words(text: &str) -> RawWords {
    let mut out = RawWords {
        text: String::with_capacity(text.len()),
        words: Vec::with_capacity(text.len() / 4 + 1),
    };
    let mut current = String::new();
    // Whether the word being read opens a conjunct; whether a '/' or '+' was seen since the
    // last word, with a space on either side; whether the last character was a space.
    let mut opens = false;
    let mut sign = false;
    let mut spaced = false;
    let mut after_space = false;
    let flush = |current: &mut String, out: &mut RawWords, opens: bool| {
        if current.is_empty() {
            return;
        }
        // Most words are plain ASCII: lower-cased they are their own folding, copied once
        // into the buffer instead of the four allocations of the general path below (big
        // matrices read hundreds of thousands of words, twice each). `current` keeps its
        // capacity from word to word: a fresh one grows a letter at a time, reallocated
        // several times a word.
        if current.is_ascii() {
            let caps = in_capitals(current);
            current.make_ascii_lowercase();
            out.push(current, None, caps, opens);
            current.clear();
            return;
        }
        let word = current.clone();
        current.clear();
        let caps = in_capitals(&word);
        let lower = word.to_lowercase();
        let folded = if lower.is_ascii() {
            lower.clone()
        } else {
            deunicode::deunicode(&lower).to_ascii_lowercase()
        };
        // Folding may give more than one word ("½" is "1/2"): keep each.
        let mut parts = folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|p| !p.is_empty())
            .peekable();
        let first = parts.next();
        if parts.peek().is_none() {
            if let Some(folded) = first {
                let accented = (lower != folded).then_some(lower.as_str());
                out.push(folded, accented, caps, opens);
            }
            return;
        }
        for (k, part) in first.into_iter().chain(parts).enumerate() {
            out.push(part, None, caps, opens && k == 0);
        }
    };
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if current.is_empty() {
                opens = sign && spaced;
                sign = false;
                spaced = false;
            }
            current.push(ch);
        } else if is_apostrophe(ch) {
            let lower = current.to_lowercase();
            let bare = deunicode::deunicode(&lower);
            if ELISIONS.binary_search(&bare.as_str()).is_ok() {
                flush(&mut current, &mut out, opens);
            }
        } else {
            flush(&mut current, &mut out, opens);
            if ch == '&' {
                out.push("and", None, false, false);
            } else if ch == '/' || ch == '+' {
                sign = true;
                spaced |= after_space;
            } else if sign && ch.is_whitespace() {
                spaced = true;
            }
        }
        after_space = ch.is_whitespace();
    }
    flush(&mut current, &mut out, opens);
    out
}

/// Lower-case ASCII words of `text`: accents folded ("Définir" -> "definir"), `&` read as
/// "and", and every other non-alphanumeric character a separator, so "win/loss",
/// "go-to-market" and "stand-up" split into their words. Apostrophes are dropped inside words
/// ("developers'" -> "developers", "team's" -> "teams"), except after a French or Italian
/// elision ("l'équipe" -> "l", "equipe").
pub fn words(text: &str) -> Vec<String> {
    raw_words(text)
        .iter()
        .map(|w| w.folded.to_string())
        .collect()
}

/// Words after abbreviation expansion and stop-word removal, before stemming.
pub fn content_words(text: &str) -> Vec<String> {
    content_of_words(&words(text))
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// [`content_words`] of a name already split into [`words`], borrowed from them.
pub fn content_of_words(words: &[String]) -> Vec<&str> {
    words.iter().flat_map(|word| word_content(word).0).collect()
}

/// The content words one folded word stands for, and whether it is an abbreviation: the words
/// of its expansion without stop words, nothing for a stop word, else the word itself. An
/// iterator, not a list: every word of every name is read through here, and a list was one
/// allocation per word.
pub fn word_content(word: &str) -> (impl Iterator<Item = &str> + Clone, bool) {
    let expansion = expand(word);
    // A folded word has no space: split, it is itself, dropped when it is a stop word.
    let words = expansion
        .unwrap_or(word)
        .split(' ')
        .filter(|w| !is_stop_word(w));
    (words, expansion.is_some())
}

/// The other spellings of a word: British and American ("prioritise" and "prioritize",
/// "analyse" and "analyze", "behaviour" and "behavior", "programme" and "program"). The
/// stemmer keeps them apart, so the classifier tries these when a word is unknown; a variant
/// is only used when the taxonomy knows it, so "premise" never becomes a word of its own.
pub fn spelling_variants(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let swap = |from: &str, to: &str, out: &mut Vec<String>| {
        if let Some(i) = word.rfind(from) {
            let mut v = String::with_capacity(word.len());
            v.push_str(&word[..i]);
            v.push_str(to);
            v.push_str(&word[i + from.len()..]);
            out.push(v);
        }
    };
    swap("is", "iz", &mut out);
    swap("iz", "is", &mut out);
    swap("ys", "yz", &mut out);
    swap("yz", "ys", &mut out);
    swap("our", "or", &mut out);
    if let Some(rest) = word.strip_prefix("programme") {
        out.push(format!("program{rest}"));
    }
    out
}

/// The infinitives a German or Dutch verb in the third person singular may stand for, in that
/// language: role descriptions write "prüft", "verantwortet", "bewaakt", where signals write
/// "prüfen", "verantworten", "bewaken", and the stemmers keep the two apart. German adds "en"
/// after the stem ("prüf-t", "verantwort-et"); Dutch writes a long vowel once before "en"
/// ("bewaak-t" -> "bewaken") and doubles the consonant after a short one ("stel-t" ->
/// "stellen"). Like [`spelling_variants`], a variant is only used when the vocabulary has it.
pub fn infinitives(word: &str, lang: Lang) -> Vec<String> {
    let Some(stem) = word
        .strip_suffix('t')
        .filter(|s| s.len() >= 3 && s.is_ascii())
    else {
        return Vec::new();
    };
    let vowel = |b: u8| b"aeiou".contains(&b);
    let mut out = vec![format!("{stem}en")];
    let b = stem.as_bytes();
    let n = b.len();
    match lang {
        Lang::De => {
            if let Some(s) = stem.strip_suffix('e').filter(|s| s.len() >= 3) {
                out.push(format!("{s}en"));
            }
        }
        // A stem ending in a vowel has only "{stem}en" (the f/v and s/z changes, "leeft" ->
        // "leven", are not read).
        Lang::Nl if !vowel(b[n - 1]) => {
            if vowel(b[n - 2]) && b[n - 2] == b[n - 3] {
                out.push(format!("{}{}en", &stem[..n - 2], &stem[n - 1..]));
            } else if vowel(b[n - 2]) && !vowel(b[n - 3]) {
                out.push(format!("{stem}{}en", &stem[n - 1..]));
            }
        }
        Lang::Nl => {}
        Lang::En | Lang::Fr | Lang::Es | Lang::It | Lang::Pt => return Vec::new(),
    }
    out
}

/// Longest word [`edit_distance_within`] compares; longer words are never typos of a signal.
pub const MAX_TYPO_WORD: usize = 32;

/// Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbours counts
/// one) between two ASCII words, or `None` as soon as it must exceed `bound`. Rows live on the
/// stack: the classifier calls this for every unknown word, and allocating was most of its
/// cost.
pub fn edit_distance_within(a: &[u8], b: &[u8], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound || a.len() > MAX_TYPO_WORD || b.len() > MAX_TYPO_WORD {
        return None;
    }
    let n = b.len();
    // Three rows: the one before last (for swaps), the last, and the one being filled.
    let mut prev2 = [0usize; MAX_TYPO_WORD + 1];
    let mut prev = [0usize; MAX_TYPO_WORD + 1];
    let mut cur = [0usize; MAX_TYPO_WORD + 1];
    for (j, slot) in prev.iter_mut().enumerate().take(n + 1) {
        *slot = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > bound {
            return None;
        }
        prev2 = prev;
        prev = cur;
    }
    Some(prev[n]).filter(|&d| d <= bound)
}

/// How many edits a word of this length may carry and still be read as a typo. Short words
/// get none: "plan" and "play" are different words, not a typo of each other.
pub fn typo_bound(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ELISIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|(a, _)| a.len() <= 4));
        assert!(STEM_EXCEPTIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn words_fold_case_accents_and_punctuation() {
        assert_eq!(words("Win/Loss anlysis"), ["win", "loss", "anlysis"]);
        assert_eq!(
            words("Pricing & packaging"),
            ["pricing", "and", "packaging"]
        );
        assert_eq!(words("Définir la VISION"), ["definir", "la", "vision"]);
        assert_eq!(words("developers' stand-up"), ["developers", "stand", "up"]);
        assert!(words("  --  ").is_empty());
        assert_eq!(
            words("Présenter l’offre d'été"),
            ["presenter", "l", "offre", "d", "ete"]
        );
        assert_eq!(words("Straße"), ["strasse"]);
        let raw = raw_words("Rédaction des US");
        assert_eq!(raw.get(0).lower, "rédaction");
        assert_eq!(raw.get(0).folded, "redaction");
        assert_eq!((raw.get(1).lower, raw.get(1).folded), ("des", "des"));
        assert!(raw.get(2).caps && !raw.get(0).caps);
        let raw = raw_words("½ & Été");
        let got: Vec<_> = raw.iter().map(|w| (w.lower, w.folded)).collect();
        assert_eq!(
            got,
            [("1", "1"), ("2", "2"), ("and", "and"), ("été", "ete")]
        );
    }

    #[test]
    fn a_spaced_slash_or_plus_opens_a_conjunct_and_a_glued_one_does_not() {
        let opens = |name: &str| -> Vec<bool> { raw_words(name).iter().map(|w| w.opens).collect() };
        assert_eq!(opens("Dev / Support"), [false, true]);
        assert_eq!(opens("Dev /Support+ QA"), [false, true, true]);
        assert_eq!(opens("Win/loss, A+B"), [false, false, false, false]);
        // "&" is read as the word "and", which joins by itself.
        assert_eq!(words("R&D"), ["r", "and", "d"]);
    }

    #[test]
    fn third_person_verbs_give_their_infinitives() {
        let has = |w: &str, lang, inf: &str| infinitives(w, lang).iter().any(|v| v == inf);
        assert!(has("pruft", Lang::De, "prufen"));
        assert!(has("verantwortet", Lang::De, "verantworten"));
        assert!(has("priorisiert", Lang::De, "priorisieren"));
        assert!(has("bewaakt", Lang::Nl, "bewaken"));
        assert!(has("stelt", Lang::Nl, "stellen"));
        assert!(has("werkt", Lang::Nl, "werken"));
        // Only words in "t", and only for German and Dutch.
        assert!(infinitives("backlog", Lang::De).is_empty());
        assert!(infinitives("plant", Lang::En).is_empty());
    }

    #[test]
    fn a_story_abbreviation_is_written_out_in_signals_as_in_names() {
        // In capitals, singular or plural, in a language whose teams write it.
        assert_eq!(
            signal_words(&raw_words("priorizar as HUs"), Lang::Pt),
            ["priorizar", "as", "user", "story"]
        );
        assert_eq!(
            signal_words(&raw_words("choix des US"), Lang::Fr),
            ["choix", "des", "user", "story"]
        );
        // Not in English, not in lower case, not another capitalised word.
        assert_eq!(
            signal_words(&raw_words("tell US"), Lang::En),
            ["tell", "us"]
        );
        assert_eq!(
            signal_words(&raw_words("choix des us"), Lang::Fr),
            ["choix", "des", "us"]
        );
        assert_eq!(signal_words(&raw_words("BUS"), Lang::Fr), ["bus"]);
        assert!(in_capitals("PBIs") && in_capitals("US") && !in_capitals("Us"));
        assert!(!in_capitals("s") && !in_capitals("As"));
    }

    #[test]
    fn abbreviations_expand_also_in_plural() {
        assert_eq!(
            content_words("Q3 OKRs"),
            ["q3", "objectives", "key", "results"]
        );
        assert_eq!(content_words("GTM plan"), ["go", "market", "plan"]);
        assert_eq!(
            content_words("UAT sign-off"),
            ["user", "acceptance", "testing", "sign", "off"]
        );
        assert_eq!(expand("pis"), Some("program increment"));
        assert_eq!(expand("s"), None);
    }

    #[test]
    fn spelling_variants_swap_british_and_american() {
        assert!(spelling_variants("prioritise").contains(&"prioritize".to_string()));
        assert!(spelling_variants("monetization").contains(&"monetisation".to_string()));
        assert!(spelling_variants("analysed").contains(&"analyzed".to_string()));
        assert!(spelling_variants("behaviour").contains(&"behavior".to_string()));
        assert!(spelling_variants("programmes").contains(&"programs".to_string()));
        assert!(spelling_variants("plan").is_empty());
    }

    #[test]
    fn stem_exceptions_keep_unrelated_words_apart() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        assert_eq!(stem(&stemmer, "customers"), "customer");
        assert_ne!(stem(&stemmer, "custom"), stem(&stemmer, "customers"));
        assert_ne!(stem(&stemmer, "accountable"), stem(&stemmer, "accounts"));
        assert_eq!(
            stem(&stemmer, "accountability"),
            stem(&stemmer, "accountable")
        );
        let spanish = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Spanish);
        assert_ne!(stem(&spanish, "negocio"), stem(&spanish, "negociar"));
        assert_eq!(stem(&spanish, "negocios"), stem(&spanish, "negocio"));
        assert_eq!(stem(&stemmer, "prioritising"), stem(&stemmer, "prioritise"));
    }

    #[test]
    fn edit_distance_counts_swaps_once_and_stops_at_the_bound() {
        assert_eq!(edit_distance_within(b"anlysis", b"analysis", 1), Some(1));
        assert_eq!(edit_distance_within(b"raodmap", b"roadmap", 1), Some(1));
        assert_eq!(edit_distance_within(b"kitten", b"sitting", 3), Some(3));
        assert_eq!(edit_distance_within(b"kitten", b"sitting", 2), None);
        assert_eq!(edit_distance_within(b"abc", b"abc", 0), Some(0));
        assert_eq!(edit_distance_within(b"", b"ab", 1), None);
        assert_eq!(edit_distance_within(b"ab", b"", 2), Some(2));
        let long = [b'a'; MAX_TYPO_WORD + 1];
        assert_eq!(edit_distance_within(&long, &long, 2), None);
    }
}
