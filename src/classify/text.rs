//! Text handling for the classifier: normalisation, tokens, stop words, abbreviations and the
//! small edit distance used for typo tolerance. Task names and taxonomy signals go through the
//! same steps, so "GTM" in a signal and "go-to-market" in a task meet on the same words.

/// Words that carry no meaning for the PO/PM split. Kept short on purpose: "how", "who",
/// "what", "why" are signals in the article (the PO owns the how, the PM the who/what/why), and
/// "up", "off", "no" take part in "stand-up", "sign-off" and "go/no-go".
const STOP_WORDS: &[&str] = &[
    "a", "about", "across", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "between", "by", "can", "do", "during", "eg", "etc", "for", "from", "has",
    "have", "ie", "if", "in", "into", "is", "it", "its", "me", "must", "my", "of", "on", "onto",
    "or", "our", "ours", "per", "s", "shall", "should", "so", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "towards", "us",
    "versus", "via", "vs", "w", "was", "we", "were", "when", "where", "which", "while", "will",
    "with", "within", "without", "would", "you", "your",
];

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
/// become "custom", "specification" and "specific" both "specif", "executive" and "execute"
/// both "execut". These keep a stem of their own.
const STEM_EXCEPTIONS: &[(&str, &str)] = &[
    ("customer", "customer"),
    ("customers", "customer"),
    ("executive", "executive"),
    ("executives", "executive"),
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

/// The longest stop word: a longer word is not one, without a search (most content words are
/// longer, and the classifier asks for every word of 50,000-task matrices).
const LONGEST_STOP_WORD: usize = 7;

pub fn is_stop_word(word: &str) -> bool {
    word.len() <= LONGEST_STOP_WORD && STOP_WORDS.binary_search(&word).is_ok()
}

/// The expansion of an abbreviation, also in the plural ("OKRs", "KPIs").
pub fn expand(word: &str) -> Option<&'static str> {
    // No abbreviation is longer than four letters (five with a plural "s").
    if word.len() > 5 {
        return None;
    }
    let find = |w: &str| {
        ABBREVIATIONS
            .binary_search_by(|(abbr, _)| abbr.cmp(&w))
            .ok()
            .map(|i| ABBREVIATIONS[i].1)
    };
    find(word).or_else(|| {
        word.strip_suffix('s')
            .filter(|w| w.len() >= 2)
            .and_then(find)
    })
}

/// Lower-case ASCII words of `text`: accents folded ("Définir" -> "definir"), `&` read as
/// "and", and every other non-alphanumeric character a separator, so "win/loss",
/// "go-to-market" and "stand-up" split into their words. Apostrophes are dropped inside words
/// ("developers'" -> "developers", "team's" -> "teams").
pub fn words(text: &str) -> Vec<String> {
    // Most task names are plain ASCII; folding them would only copy them.
    let folded = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(text))
    };
    let mut out = Vec::new();
    let mut current = String::new();
    for ch in folded.chars() {
        if ch.is_ascii_alphanumeric() {
            current.push(ch.to_ascii_lowercase());
        } else if ch == '\'' {
            continue;
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if ch == '&' {
                out.push("and".to_string());
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Words after abbreviation expansion and stop-word removal, before stemming.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in words(text) {
        match expand(&word) {
            Some(expansion) => out.extend(
                expansion
                    .split(' ')
                    .filter(|w| !is_stop_word(w))
                    .map(str::to_string),
            ),
            None if is_stop_word(&word) => {}
            None => out.push(word),
        }
    }
    out
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
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_STOP_WORD)
        );
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
