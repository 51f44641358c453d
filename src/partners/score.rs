//! The explainable score of a candidate partner.
//!
//! Three steps, each plain:
//!
//! 1. [`evidence`]: what the organisation's [`Profile`] and a [`Candidate`] have in common,
//!    as facts (the themes both name, the languages both speak, the distance, …). Peers
//!    compute these for their own organisations and send them; they are the whole answer.
//! 2. [`Factors::of`]: each fact as a number between 0 and 1 (see each field).
//! 3. [`score`]: the factors weighted by the configuration (`[partners]`, [`Weights`]) and
//!    divided by the sum of the weights, so a score is between 0 and 1 whatever the
//!    weights. The requesting network always weighs, so that its own and its peers'
//!    candidates are ranked alike.
//!
//! [`reasons`] turns the same facts into the sentences a suggestion gives ("also works on
//! climate protection; similar size; speaks German and French; partner of your partner
//! Amiens"), each a [`Reason`] that `sentence` renders in a language.

use super::text::TermVector;
use super::{Candidate, Profile};
use crate::config::PartnersConfig as Weights;
use serde::{Deserialize, Serialize};

/// Above this distance, in kilometres, closeness counts for half or less.
pub const HALF_DISTANCE_KM: f64 = 500.0;
/// Populations this many times apart (or more) count as not similar at all.
pub const SIZE_SPAN: f64 = 10.0;
/// Most shared words named by a reason.
const WORDS_NAMED: usize = 3;

/// What a profile and a candidate have in common. Everything a score and its reasons are
/// made of; a peer answers with this for each of its candidates.
#[derive(utoipa::ToSchema, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// Candidate's population over the organisation's, when both are known.
    pub population_ratio: Option<f64>,
    /// Within the wished size range; `None` when no range was given or the size is unknown.
    pub in_wished_size: Option<bool>,
    /// Themes (slugs) both have, and how many the organisation has.
    pub shared_themes: Vec<String>,
    pub own_themes: usize,
    /// Sustainable Development Goals both name in their posts.
    pub shared_sdgs: Vec<i16>,
    pub own_sdgs: usize,
    /// Working languages (codes) both have; and how many the organisation has.
    pub shared_languages: Vec<String>,
    pub own_languages: usize,
    /// Whether the organisation named countries or regions it looks in, and which the
    /// candidate is in.
    pub wishes_place: bool,
    pub wished_country: Option<String>,
    pub wished_region: Option<String>,
    /// Great-circle distance, when both have coordinates.
    pub distance_km: Option<f64>,
    /// The candidate's kind (vocab::OrgKind code); whether it is the kind wished (or, with no
    /// wish, the organisation's own kind).
    pub kind: Option<String>,
    pub kind_wished: bool,
    pub kind_matches: bool,
    /// The candidate is looking for partners too, and for which of the same purposes.
    pub looking: bool,
    pub shared_purposes: Vec<String>,
    /// Cosine similarity of the words of their latest posts, and the words weighing most.
    pub text_similarity: f64,
    pub shared_words: Vec<String>,
    /// The organisation's partners the candidate is a partner of (their names).
    pub partners_of_partners: Vec<String>,
}

/// Each fact as a number in [0, 1].
#[derive(utoipa::ToSchema, Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Factors {
    /// Inside the wished range: 1, outside: 0; without a range, 1 − |ln ratio| / ln 10
    /// (equal sizes 1, ten times apart 0); unknown: 0.
    pub population: f64,
    /// Shared themes over the organisation's themes.
    pub themes: f64,
    /// Shared goals over the organisation's goals.
    pub sdgs: f64,
    /// Shared working languages over the organisation's.
    pub languages: f64,
    /// In a wished region 1, in a wished country 0.8, otherwise (or without wishes) 0.
    pub place: f64,
    /// 1 / (1 + km / 500); unknown: 0.
    pub distance: f64,
    /// The wished kind, or with no wish the same kind: 1.
    pub kind: f64,
    /// Looking too 0.5; looking for one of the same purposes 1.
    pub looking: f64,
    /// Cosine similarity of their posts' words.
    pub projects: f64,
    /// Partner of one of the organisation's partners 0.5, of two or more 1.
    pub partners_of_partners: f64,
}

fn share<T>(shared: &[T], own: usize) -> f64 {
    if own == 0 {
        0.0
    } else {
        (shared.len() as f64 / own as f64).min(1.0)
    }
}

/// Similarity of two sizes on a log scale: 1 when equal, 0 when [`SIZE_SPAN`] times apart.
pub fn size_similarity(ratio: f64) -> f64 {
    if !(ratio.is_finite() && ratio > 0.0) {
        return 0.0;
    }
    (1.0 - ratio.ln().abs() / SIZE_SPAN.ln()).clamp(0.0, 1.0)
}

/// Closeness: 1 at the same place, ½ at [`HALF_DISTANCE_KM`], towards 0 further away.
pub fn closeness(km: f64) -> f64 {
    if !(km.is_finite() && km >= 0.0) {
        return 0.0;
    }
    1.0 / (1.0 + km / HALF_DISTANCE_KM)
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

impl Factors {
    pub fn of(e: &Evidence) -> Factors {
        let population = match (e.in_wished_size, e.population_ratio) {
            (Some(true), _) => 1.0,
            (Some(false), _) => 0.0,
            (None, Some(r)) => size_similarity(r),
            (None, None) => 0.0,
        };
        let place = if e.wished_region.is_some() {
            1.0
        } else if e.wished_country.is_some() {
            0.8
        } else {
            0.0
        };
        let looking = match (e.looking, e.shared_purposes.is_empty()) {
            (false, _) => 0.0,
            (true, true) => 0.5,
            (true, false) => 1.0,
        };
        Factors {
            population,
            themes: share(&e.shared_themes, e.own_themes),
            sdgs: share(&e.shared_sdgs, e.own_sdgs),
            languages: share(&e.shared_languages, e.own_languages),
            place,
            distance: e.distance_km.map_or(0.0, closeness),
            kind: if e.kind_matches { 1.0 } else { 0.0 },
            looking,
            projects: e.text_similarity.clamp(0.0, 1.0),
            partners_of_partners: (e.partners_of_partners.len() as f64 / 2.0).min(1.0),
        }
    }
}

/// The weighted mean of the factors, in [0, 1].
pub fn score(f: &Factors, w: &Weights) -> f64 {
    let pairs = [
        (f.population, w.population),
        (f.themes, w.themes),
        (f.sdgs, w.sdgs),
        (f.languages, w.languages),
        (f.place, w.place),
        (f.distance, w.distance),
        (f.kind, w.kind),
        (f.looking, w.looking),
        (f.projects, w.projects),
        (f.partners_of_partners, w.partners_of_partners),
    ];
    let total: f64 = pairs.iter().map(|(_, w)| w.max(0.0)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    pairs.iter().map(|(f, w)| f * w.max(0.0)).sum::<f64>() / total
}

fn common<T: PartialEq + Clone>(ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for x in ours {
        if theirs.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The structured facts (everything but the posts' words and goals, which
/// [`with_posts`] adds for a shortlist).
pub fn evidence(p: &Profile, c: &Candidate, partners_of_partners: Vec<String>) -> Evidence {
    let population_ratio = match (p.population, c.population) {
        (Some(a), Some(b)) if a > 0 && b > 0 => Some(b as f64 / a as f64),
        _ => None,
    };
    let in_wished_size = if p.population_min.is_none() && p.population_max.is_none() {
        None
    } else {
        c.population.map(|n| {
            p.population_min.is_none_or(|lo| n >= lo) && p.population_max.is_none_or(|hi| n <= hi)
        })
    };
    let wished_country = c
        .country
        .as_ref()
        .filter(|cc| p.wished_countries.contains(cc))
        .cloned();
    let wished_region = c
        .region
        .as_ref()
        .filter(|r| p.wished_regions.iter().any(|w| same_text(w, r)))
        .cloned();
    let distance = match (p.coordinates, c.coordinates) {
        (Some(a), Some(b)) => Some((distance_km(a, b) * 10.0).round() / 10.0),
        _ => None,
    };
    let kind_wished = !p.wished_kinds.is_empty();
    let kind_matches = match &c.kind {
        None => false,
        Some(k) if kind_wished => p.wished_kinds.contains(k),
        Some(k) => p.kind.as_ref() == Some(k),
    };
    Evidence {
        population_ratio,
        in_wished_size,
        shared_themes: common(&p.themes, &c.themes),
        own_themes: p.themes.len(),
        shared_sdgs: Vec::new(),
        own_sdgs: p.sdgs.len(),
        shared_languages: common(&p.languages, &c.languages),
        own_languages: p.languages.len(),
        wishes_place: !p.wished_countries.is_empty() || !p.wished_regions.is_empty(),
        wished_country,
        wished_region,
        distance_km: distance,
        kind: c.kind.clone(),
        kind_wished,
        kind_matches,
        looking: c.looking,
        shared_purposes: if c.looking {
            common(&p.purposes, &c.purposes)
        } else {
            Vec::new()
        },
        text_similarity: 0.0,
        shared_words: Vec::new(),
        partners_of_partners,
    }
}

/// Adds what the candidate's posts say: goals in common and the similarity of words.
pub fn with_posts(mut e: Evidence, p: &Profile, words: &TermVector, sdgs: &[i16]) -> Evidence {
    e.shared_sdgs = common(&p.sdgs, sdgs);
    let ours = TermVector::from_pairs(&p.words);
    e.text_similarity = (ours.cosine(words) * 1000.0).round() / 1000.0;
    e.shared_words = ours.strongest_shared(words, WORDS_NAMED);
    e
}

/// One reason a suggestion gives; `sentence` renders it.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Also works on these themes.
    Themes {
        themes: Vec<String>,
    },
    /// Also pursues these goals.
    Sdgs {
        sdgs: Vec<i16>,
    },
    /// Of a similar size (no range wished).
    SimilarSize,
    /// Within the wished size range.
    WishedSize,
    /// Speaks these of the organisation's languages.
    Languages {
        languages: Vec<String>,
    },
    /// In a region or country the organisation looks in.
    WishedRegion {
        region: String,
    },
    WishedCountry {
        country: String,
    },
    /// Close by.
    Near {
        km: i64,
    },
    /// Of the kind wished, or of the same kind.
    Kind {
        kind: String,
        wished: bool,
    },
    /// Looking for partners too (for these same purposes).
    AlsoLooking {
        purposes: Vec<String>,
    },
    /// Its projects use the same words.
    SimilarProjects {
        words: Vec<String>,
    },
    /// Partner of these partners of the organisation.
    PartnerOfPartner {
        partners: Vec<String>,
    },
}

/// The reasons to show, strongest kinds of evidence first; only facts that count.
pub fn reasons(e: &Evidence) -> Vec<Reason> {
    let f = Factors::of(e);
    let mut out = Vec::new();
    if !e.shared_themes.is_empty() {
        out.push(Reason::Themes {
            themes: e.shared_themes.clone(),
        });
    }
    if !e.partners_of_partners.is_empty() {
        out.push(Reason::PartnerOfPartner {
            partners: e.partners_of_partners.clone(),
        });
    }
    if let Some(r) = &e.wished_region {
        out.push(Reason::WishedRegion { region: r.clone() });
    } else if let Some(c) = &e.wished_country {
        out.push(Reason::WishedCountry { country: c.clone() });
    }
    match e.in_wished_size {
        Some(true) => out.push(Reason::WishedSize),
        Some(false) => {}
        None if f.population >= 0.7 => out.push(Reason::SimilarSize),
        None => {}
    }
    if !e.shared_languages.is_empty() {
        out.push(Reason::Languages {
            languages: e.shared_languages.clone(),
        });
    }
    if e.looking {
        out.push(Reason::AlsoLooking {
            purposes: e.shared_purposes.clone(),
        });
    }
    if !e.shared_sdgs.is_empty() {
        out.push(Reason::Sdgs {
            sdgs: e.shared_sdgs.clone(),
        });
    }
    if e.text_similarity >= 0.1 && !e.shared_words.is_empty() {
        out.push(Reason::SimilarProjects {
            words: e.shared_words.clone(),
        });
    }
    if let (true, Some(k)) = (e.kind_matches, &e.kind) {
        out.push(Reason::Kind {
            kind: k.clone(),
            wished: e.kind_wished,
        });
    }
    if let Some(km) = e.distance_km
        && km <= HALF_DISTANCE_KM
    {
        out.push(Reason::Near {
            km: km.round() as i64,
        });
    }
    out
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
