//! Times the classifier on 100,000 generated task names: `cargo bench --bench classify`.
//! The names mix product work in English and the six other languages, abbreviations, typos,
//! groups and non-product chores, as real RACI
//! matrices do; they are generated from a fixed seed so every run times the same input.

use raci_audit::classify::{Classifier, Memo, TaskContext, Taxonomy};
use raci_audit::model::Side;
use std::time::Instant;

const VERBS: &[&str] = &[
    "Define",
    "Run",
    "Own",
    "Prepare",
    "Review",
    "Write",
    "Plan",
    "Track",
    "Approve",
    "Lead",
    "Coordinate",
    "Facilitate",
    "Update",
    "Maintain",
    "Present",
    "Decide on",
    "Monitor",
];
const OBJECTS: &[&str] = &[
    "sprint planning",
    "backlog refinement",
    "acceptance criteria",
    "user stories",
    "release plan",
    "product vision",
    "product roadmap",
    "GTM plan",
    "pricing and packaging",
    "competitive analysis",
    "win/loss analysis",
    "customer interviews",
    "market research",
    "Q3 OKRs",
    "business KPIs",
    "UAT sign-off",
    "sprint review",
    "impediments",
    "PRD",
    "stakeholder updates",
    "deadlines",
    "product goal",
    "sales enablement deck",
    "definition of done",
    "payroll",
    "server patching",
    "office lease",
    "data-centre backup",
    "SSL certificates",
    "expense reports",
    "onboarding paperwork",
    "CI pipeline",
    "Backlog priorisieren",
    "Wettbewerbsanalyse",
    "étude de marché",
    "revue de sprint",
    "estrategia de precios",
    "raccolta dei requisiti",
    "levantamento de requisitos",
    "marktonderzoek",
    "Kundenbedürfnisanalyse",
    "Rechnungsstellung",
];
const GROUPS: &[&str] = &[
    "",
    "Discovery",
    "Sprint 3",
    "Go-to-market",
    "Lancement",
    "Betrieb",
];
const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    "for Q3",
    "with the scrum team",
    "for the mobile app",
    "(EMEA)",
    "with stakeholders",
    "for the enterprise tier",
    "– phase 2",
    "and follow-up",
    "weekly",
];

/// A small linear congruential generator: deterministic and dependency-free.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Swaps two neighbouring letters of the longest word, as a hurried typist does.
fn typo(name: &str, rng: &mut Lcg) -> String {
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    let Some(longest) = (0..words.len()).max_by_key(|&i| words[i].len()) else {
        return name.to_string();
    };
    let mut chars: Vec<char> = words[longest].chars().collect();
    if chars.len() > 4 {
        let at = 1 + rng.next() % (chars.len() - 2);
        chars.swap(at, at + 1);
        words[longest] = chars.into_iter().collect();
    }
    words.join(" ")
}

fn names(count: usize) -> Vec<(String, &'static str)> {
    let mut rng = Lcg(0x5241_4349);
    (0..count)
        .map(|_| {
            let name = format!(
                "{} {} {}",
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                rng.pick(QUALIFIERS)
            );
            let name = name.trim().to_string();
            let name = match rng.next() % 10 {
                0 => typo(&name, &mut rng),
                1 => name.to_uppercase(),
                _ => name,
            };
            (name, rng.pick(GROUPS))
        })
        .collect()
}

fn main() {
    let count = 100_000;
    let names = names(count);
    let built = Instant::now();
    let classifier = Classifier::new(&Taxonomy::builtin());
    let build_time = built.elapsed();

    // One core, one memo: as each worker of `classify_matrix` reads names, each with its group
    // and the file's language (detected first, as `classify_matrix` does).
    let start = Instant::now();
    let mut memo = Memo::default();
    let file_lang = Classifier::dominant_language(
        names
            .iter()
            .map(|(name, _)| classifier.detect_language(name, &mut memo)),
    );
    let mut sides = [0usize; 4];
    for (name, group) in &names {
        let context = TaskContext {
            group: Some(*group).filter(|g| !g.is_empty()),
            file_lang,
            own_lang: None,
        };
        let side = classifier.classify_in(name, &context, &mut memo).side;
        sides[Side::ALL.iter().position(|&s| s == side).unwrap()] += 1;
    }
    let elapsed = start.elapsed();
    let per_second = count as f64 / elapsed.as_secs_f64();
    println!(
        "classifier built in {:.1} ms",
        build_time.as_secs_f64() * 1e3
    );
    println!(
        "classified {count} names in {:.3} s: {per_second:.0} names/second",
        elapsed.as_secs_f64()
    );
    println!(
        "sides: PO {}, PM {}, shared {}, unclassified {}",
        sides[0], sides[1], sides[2], sides[3]
    );
    if elapsed.as_secs_f64() > 1.0 {
        println!("SLOWER than the target of 100,000 names in 1 s");
    }
}
