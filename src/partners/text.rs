//! Words of published projects, compared cheaply: a term vector (how often each word of
//! four letters or more occurs, common words of the five languages left out, lower case,
//! accents kept) and the cosine of two vectors. No stemming: "Wärmeplanung" and
//! "Wärmeplan" differ, which is the price of needing no dictionary per language.

use std::collections::HashMap;

/// The words an organisation's profile carries to peers: its most frequent ones.
pub const PROFILE_WORDS: usize = 40;
/// Longest word kept, in characters (longer is a URL or noise).
const WORD_MAX: usize = 40;

/// Frequent words of German, French, English, Italian and Polish that say nothing of a
/// project (four letters or more; shorter ones are dropped anyway).
const STOP: &[&str] = &[
    // de
    "aber", "alle", "auch", "auf", "aus", "beim", "bereits", "dass", "dem", "den", "denn", "der",
    "des", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "durch", "eine", "einem",
    "einen", "einer", "eines", "für", "haben", "hatte", "hier", "ihre", "ihren", "jahr", "jahre",
    "jetzt", "kann", "können", "mehr", "mit", "nach", "nicht", "noch", "oder", "sehr", "sein",
    "seine", "sich", "sind", "über", "unser", "unsere", "viele", "vom", "wird", "wurde", "wurden",
    "zwei", "zwischen", "sowie", "unter", "werden", "haben", "ihrer", "einmal", "schon",
    // fr
    "avec", "aussi", "avons", "cette", "cela", "ces", "comme", "dans", "depuis", "deux", "elle",
    "elles", "entre", "était", "être", "leur", "leurs", "mais", "même", "nous", "notre", "nos",
    "pour", "plus", "sont", "sous", "sur", "tous", "tout", "toute", "toutes", "très", "vers",
    "votre", "vous", "année", "années", "ainsi", "encore", "faire", "fait", "ont", "qui", "quoi",
    // en
    "about", "after", "also", "been", "both", "from", "have", "into", "more", "most", "other",
    "over", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "very", "were", "what", "when", "where", "which", "while", "will",
    "with", "year", "years", "your", "our", "ours", "each", "many", "would", // it
    "alla", "alle", "anche", "come", "con", "degli", "della", "delle", "dello", "fra", "gli",
    "nella", "nelle", "nostra", "nostro", "ogni", "perché", "più", "questa", "questo", "sono",
    "sulla", "tra", "una", "anno", "anni", "loro", "molto", "dopo", "essere", "stato", "stata",
    // pl
    "albo", "jest", "jako", "oraz", "przez", "przy", "tego", "także", "tylko", "które", "który",
    "która", "jego", "jej", "nasze", "nasz", "nasza", "roku", "lata", "będzie", "było", "były",
    "dla", "się", "oraz", "między", "pod", "nad", "czy", "gdy",
];

/// How often each word occurs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    counts: HashMap<String, f64>,
}

/// The words of a text, as the vectors count them.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let n = w.chars().count();
            (4..=WORD_MAX).contains(&n) && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
}

impl TermVector {
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> TermVector {
        let mut counts: HashMap<String, f64> = HashMap::new();
        for t in texts {
            for w in words(t) {
                *counts.entry(w).or_default() += 1.0;
            }
        }
        TermVector { counts }
    }

    /// A vector as a profile carries it (pairs of word and weight); bad weights dropped.
    pub fn from_pairs(pairs: &[(String, f64)]) -> TermVector {
        TermVector {
            counts: pairs
                .iter()
                .filter(|(w, n)| n.is_finite() && *n > 0.0 && !w.is_empty())
                .map(|(w, n)| (w.to_lowercase(), *n))
                .collect(),
        }
    }

    /// The `n` most frequent words with their counts (ties by word, so it is stable).
    pub fn top(&self, n: usize) -> Vec<(String, f64)> {
        let mut all: Vec<(String, f64)> =
            self.counts.iter().map(|(w, c)| (w.clone(), *c)).collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(n);
        all
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    fn norm(&self) -> f64 {
        self.counts.values().map(|c| c * c).sum::<f64>().sqrt()
    }

    /// Cosine similarity in [0, 1]; 0 when either is empty.
    pub fn cosine(&self, other: &TermVector) -> f64 {
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f64 = small
            .counts
            .iter()
            .filter_map(|(w, a)| large.counts.get(w).map(|b| a * b))
            .sum();
        let n = self.norm() * other.norm();
        if n == 0.0 {
            0.0
        } else {
            (dot / n).clamp(0.0, 1.0)
        }
    }

    /// The shared words that weigh most in the similarity.
    pub fn strongest_shared(&self, other: &TermVector, n: usize) -> Vec<String> {
        let mut shared: Vec<(&String, f64)> = self
            .counts
            .iter()
            .filter_map(|(w, a)| other.counts.get(w).map(|b| (w, a * b)))
            .collect();
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        shared.into_iter().take(n).map(|(w, _)| w.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_short_common_and_numeric_ones() {
        let w: Vec<String> =
            words("Die Wärmeplanung für 2026: auch Kommunen, avec les villes!").collect();
        assert_eq!(w, ["wärmeplanung", "kommunen", "villes"]);
    }

    #[test]
    fn cosine_is_one_for_the_same_words_and_zero_for_none_shared() {
        let a = TermVector::of_texts(["Wärmeplanung Kommunen Wärmeplanung"]);
        let b = TermVector::of_texts(["Kommunen Wärmeplanung Wärmeplanung"]);
        let c = TermVector::of_texts(["Jugendaustausch Fußball"]);
        assert!((a.cosine(&b) - 1.0).abs() < 1e-9);
        assert_eq!(a.cosine(&c), 0.0);
        assert_eq!(a.cosine(&TermVector::default()), 0.0);
        let partial = TermVector::of_texts(["Wärmeplanung Fußball"]);
        let s = a.cosine(&partial);
        assert!(s > 0.1 && s < 0.9, "{s}");
        assert_eq!(a.strongest_shared(&partial, 3), ["wärmeplanung"]);
    }

    #[test]
    fn a_profile_carries_its_most_frequent_words() {
        let v = TermVector::of_texts(["klima klima klima jugend jugend sport"]);
        assert_eq!(
            v.top(2),
            [("klima".to_string(), 3.0), ("jugend".to_string(), 2.0)]
        );
        let back = TermVector::from_pairs(&v.top(PROFILE_WORDS));
        assert!((back.cosine(&v) - 1.0).abs() < 1e-9);
        let bad = TermVector::from_pairs(&[("x".into(), f64::NAN), ("y".into(), -1.0)]);
        assert!(bad.is_empty());
    }
}
