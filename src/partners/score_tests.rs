//! Each factor on its own, then the order of a hand-made set of candidates.

use super::*;
use crate::db::models::partner_search::PostTexts;
use crate::partners::local::{first_pass, second_pass};
use std::collections::HashMap;

fn w() -> Weights {
    Weights::default()
}

fn dortmund() -> Profile {
    Profile {
        ap_id: "https://nrw.example/o/dortmund".into(),
        name: "Dortmund".into(),
        kind: Some("municipality".into()),
        country: Some("DE".into()),
        population: Some(600_000),
        coordinates: Some((51.51, 7.47)),
        themes: vec!["climate".into(), "youth".into()],
        sdgs: vec![7, 13],
        languages: vec!["de".into(), "fr".into()],
        ..Profile::default()
    }
}

fn candidate(name: &str) -> Candidate {
    Candidate {
        id: name.len() as i64,
        ap_id: format!("https://afccre.example/o/{name}"),
        url: format!("https://afccre.example/o/{name}"),
        handle: format!("@{name}@afccre.example"),
        domain: "afccre.example".into(),
        name: name.into(),
        ..Candidate::default()
    }
}

fn factors(p: &Profile, c: &Candidate) -> Factors {
    Factors::of(&evidence(p, c, vec![]))
}

#[test]
fn population_is_compared_on_a_log_scale_or_against_the_wished_range() {
    assert_eq!(size_similarity(1.0), 1.0);
    assert!((size_similarity(10.0)).abs() < 1e-9);
    assert!((size_similarity(0.1)).abs() < 1e-9);
    assert!((size_similarity(100.0)).abs() < 1e-9, "never below 0");
    // Twice or half the size count the same.
    assert!((size_similarity(2.0) - size_similarity(0.5)).abs() < 1e-9);
    assert!(size_similarity(2.0) > 0.6 && size_similarity(2.0) < 0.8);
    assert_eq!(size_similarity(0.0), 0.0);
    let p = dortmund();
    let mut c = candidate("amiens");
    assert_eq!(factors(&p, &c).population, 0.0, "unknown size");
    c.population = Some(600_000);
    assert_eq!(factors(&p, &c).population, 1.0);
    let mut ranged = p.clone();
    ranged.population_min = Some(10_000);
    ranged.population_max = Some(50_000);
    assert_eq!(factors(&ranged, &c).population, 0.0, "outside the range");
    c.population = Some(20_000);
    assert_eq!(factors(&ranged, &c).population, 1.0, "inside the range");
    assert_eq!(evidence(&ranged, &c, vec![]).in_wished_size, Some(true));
}

#[test]
fn themes_languages_and_goals_count_the_share_of_ours() {
    let p = dortmund();
    let mut c = candidate("amiens");
    c.themes = vec!["climate".into(), "sport".into()];
    c.languages = vec!["fr".into(), "en".into()];
    let f = factors(&p, &c);
    assert_eq!(f.themes, 0.5);
    assert_eq!(f.languages, 0.5);
    let e = evidence(&p, &c, vec![]);
    assert_eq!(e.shared_themes, ["climate"]);
    assert_eq!(e.shared_languages, ["fr"]);
    let e = with_posts(e, &p, &TermVector::default(), &[13, 4]);
    assert_eq!(e.shared_sdgs, [13]);
    assert_eq!(Factors::of(&e).sdgs, 0.5);
    let mut none = p.clone();
    none.themes.clear();
    assert_eq!(
        factors(&none, &c).themes,
        0.0,
        "no themes of ours: nothing shared"
    );
}

#[test]
fn a_wished_region_counts_more_than_a_wished_country() {
    let mut p = dortmund();
    let mut c = candidate("amiens");
    c.country = Some("FR".into());
    c.region = Some("Hauts-de-France".into());
    assert_eq!(factors(&p, &c).place, 0.0, "no wishes");
    p.wished_countries = vec!["FR".into()];
    assert_eq!(factors(&p, &c).place, 0.8);
    p.wished_regions = vec!["hauts-de-france ".into()];
    assert_eq!(factors(&p, &c).place, 1.0, "regions compared without case");
    p.wished_countries = vec!["PL".into()];
    p.wished_regions.clear();
    assert_eq!(factors(&p, &c).place, 0.0);
}

#[test]
fn closeness_halves_at_five_hundred_kilometres() {
    let paris = (48.8566, 2.3522);
    let berlin = (52.52, 13.405);
    let d = distance_km(paris, berlin);
    assert!((870.0..890.0).contains(&d), "{d}");
    assert_eq!(distance_km(paris, paris), 0.0);
    assert_eq!(closeness(0.0), 1.0);
    assert!((closeness(500.0) - 0.5).abs() < 1e-9);
    assert!(closeness(5000.0) < 0.1);
    let p = dortmund();
    let mut c = candidate("amiens");
    assert_eq!(factors(&p, &c).distance, 0.0, "unknown place");
    c.coordinates = Some((49.89, 2.30));
    let f = factors(&p, &c);
    assert!(f.distance > 0.5 && f.distance < 0.7, "{}", f.distance);
}

#[test]
fn kind_is_the_wished_one_or_else_the_same() {
    let mut p = dortmund();
    let mut c = candidate("lycee");
    c.kind = Some("school".into());
    assert_eq!(factors(&p, &c).kind, 0.0, "not the same kind");
    c.kind = Some("municipality".into());
    assert_eq!(factors(&p, &c).kind, 1.0, "the same kind");
    p.wished_kinds = vec!["school".into()];
    assert_eq!(factors(&p, &c).kind, 0.0, "not the kind wished");
    c.kind = Some("school".into());
    assert_eq!(factors(&p, &c).kind, 1.0);
}

#[test]
fn looking_too_counts_and_more_for_the_same_purpose() {
    let mut p = dortmund();
    p.purposes = vec!["learning".into()];
    let mut c = candidate("amiens");
    assert_eq!(factors(&p, &c).looking, 0.0);
    c.looking = true;
    c.purposes = vec!["twinning".into()];
    assert_eq!(factors(&p, &c).looking, 0.5);
    c.purposes.push("learning".into());
    assert_eq!(factors(&p, &c).looking, 1.0);
}

#[test]
fn similar_projects_are_found_by_their_words() {
    let mut p = dortmund();
    p.words = TermVector::of_texts(["Kommunale Wärmeplanung Wärmeplanung Fernwärme"]).top(40);
    let close = TermVector::of_texts(["Wärmeplanung und Fernwärme in der Kommune"]);
    let far = TermVector::of_texts(["Jugendfußball Turnier"]);
    let e = with_posts(Evidence::default(), &p, &close, &[]);
    assert!(Factors::of(&e).projects > 0.5, "{}", e.text_similarity);
    assert_eq!(e.shared_words[0], "wärmeplanung");
    let e = with_posts(Evidence::default(), &p, &far, &[]);
    assert_eq!(Factors::of(&e).projects, 0.0);
}

#[test]
fn partners_of_partners_count_up_to_two() {
    let p = dortmund();
    let c = candidate("lille");
    let one = Factors::of(&evidence(&p, &c, vec!["Amiens".into()]));
    assert_eq!(one.partners_of_partners, 0.5);
    let three = Factors::of(&evidence(
        &p,
        &c,
        vec!["Amiens".into(), "Leeds".into(), "Novi Sad".into()],
    ));
    assert_eq!(three.partners_of_partners, 1.0);
}

#[test]
fn the_score_is_the_weighted_mean_and_weights_change_it() {
    let all = Factors {
        population: 1.0,
        themes: 1.0,
        sdgs: 1.0,
        languages: 1.0,
        place: 1.0,
        distance: 1.0,
        kind: 1.0,
        looking: 1.0,
        projects: 1.0,
        partners_of_partners: 1.0,
    };
    assert!((score(&all, &w()) - 1.0).abs() < 1e-9);
    assert_eq!(score(&Factors::default(), &w()), 0.0);
    let themes_only = Factors {
        themes: 1.0,
        ..Factors::default()
    };
    let s = score(&themes_only, &w());
    let total = 1.0 + 2.0 + 1.0 + 1.5 + 2.0 + 0.5 + 1.0 + 1.0 + 1.5 + 1.0;
    assert!((s - 2.0 / total).abs() < 1e-9, "{s}");
    let mut only_themes = Weights {
        population: 0.0,
        sdgs: 0.0,
        languages: 0.0,
        place: 0.0,
        distance: 0.0,
        kind: 0.0,
        looking: 0.0,
        projects: 0.0,
        partners_of_partners: 0.0,
        ..w()
    };
    assert_eq!(score(&themes_only, &only_themes), 1.0);
    only_themes.themes = 0.0;
    assert_eq!(score(&themes_only, &only_themes), 0.0, "all weights 0");
}

#[test]
fn reasons_say_what_counted() {
    let mut p = dortmund();
    p.wished_countries = vec!["FR".into()];
    let mut c = candidate("amiens");
    c.country = Some("FR".into());
    c.population = Some(500_000);
    c.themes = vec!["climate".into()];
    c.languages = vec!["de".into(), "fr".into()];
    let e = evidence(&p, &c, vec!["Leeds".into()]);
    let r = reasons(&e);
    assert_eq!(
        r,
        vec![
            Reason::Themes {
                themes: vec!["climate".into()]
            },
            Reason::PartnerOfPartner {
                partners: vec!["Leeds".into()]
            },
            Reason::WishedCountry {
                country: "FR".into()
            },
            Reason::SimilarSize,
            Reason::Languages {
                languages: vec!["de".into(), "fr".into()]
            },
        ]
    );
    c.population = Some(5_000);
    assert!(!reasons(&evidence(&p, &c, vec![])).contains(&Reason::SimilarSize));
}

/// A hand-made set: the order follows the facts, the organisation itself and its partners
/// are left out, and posts can lift a candidate within the shortlist.
#[test]
fn a_hand_made_set_is_ranked_as_expected() {
    let mut p = dortmund();
    p.looking = true;
    p.purposes = vec!["learning".into()];
    p.wished_countries = vec!["FR".into()];
    p.partners = vec!["https://afccre.example/o/amiens".into()];
    p.words = TermVector::of_texts(["Wärmeplanung chaleur planification Wärmeplanung"]).top(40);
    let mut amiens = candidate("amiens"); // already a partner
    amiens.country = Some("FR".into());
    amiens.themes = p.themes.clone();
    let mut itself = candidate("dortmund");
    itself.ap_id = p.ap_id.clone();
    let mut lille = candidate("lille"); // fits on nearly everything
    lille.country = Some("FR".into());
    lille.kind = Some("municipality".into());
    lille.population = Some(230_000);
    lille.themes = vec!["climate".into(), "youth".into()];
    lille.languages = vec!["fr".into(), "de".into()];
    lille.coordinates = Some((50.63, 3.06));
    lille.looking = true;
    lille.purposes = vec!["learning".into()];
    let mut metz = candidate("metz"); // French, same kind, one theme
    metz.country = Some("FR".into());
    metz.kind = Some("municipality".into());
    metz.population = Some(120_000);
    metz.themes = vec!["climate".into()];
    let mut leeds = candidate("leeds"); // similar size, nothing else
    leeds.country = Some("GB".into());
    leeds.population = Some(800_000);
    let mut krakow = candidate("krakow"); // nothing in common but its posts
    krakow.country = Some("PL".into());
    let set = vec![amiens, itself, lille, metz, leeds, krakow];
    let pop: HashMap<i64, Vec<String>> = HashMap::new();
    let first = first_pass(&p, set.clone(), &pop, &w(), 10);
    let names: Vec<&str> = first.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["lille", "metz", "leeds", "krakow"]);
    // The posts of Kraków speak of heat planning: it passes Leeds, not Metz.
    let mut posts = HashMap::new();
    posts.insert(
        "https://afccre.example/o/krakow".to_string(),
        PostTexts {
            texts: vec!["Wärmeplanung und planification de la chaleur".into()],
            sdgs: vec![7],
        },
    );
    let second = second_pass(&p, first, &posts, &w(), 3);
    let names: Vec<&str> = second.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["lille", "metz", "krakow"]);
    assert!(second.windows(2).all(|w| w[0].score >= w[1].score));
    let krakow = &second[2];
    assert!(krakow
        .reasons
        .iter()
        .any(|r| matches!(r, Reason::SimilarProjects { words } if words.contains(&"wärmeplanung".to_string()))));
    // A shortlist of one keeps only the best.
    let first = first_pass(&p, set, &pop, &w(), 1);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].name, "lille");
}
