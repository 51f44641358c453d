//! Programme input: every refusal is a 422 naming its field; accepted input is normalised.

use super::*;
use axum::http::StatusCode;

fn valid() -> ProgrammeInput {
    ProgrammeInput {
        translations: vec![TextInput {
            language: "de".into(),
            name: "Bürgerfonds".into(),
            description: "Fördert Begegnungen.".into(),
        }],
        funder: "DFJW".into(),
        link: Some("https://www.buergerfonds.eu/".into()),
        countries: vec!["de".into(), " FR".into(), "DE".into()],
        required_countries: vec!["FR".into()],
        themes: vec!["youth".into()],
        lump_sums: vec![60_000, 30_000],
        calls: vec![CallInput {
            opens_on: Some("2026-01-15".into()),
            deadline: Some("2026-09-16".into()),
            label: "2026".into(),
        }],
        ..ProgrammeInput::default()
    }
}

fn refused(input: ProgrammeInput) -> String {
    let e = input.validate().expect_err("refused");
    assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    e.field.expect("names the field")
}

#[test]
fn valid_input_is_normalised() {
    let d = valid().validate().unwrap();
    assert_eq!(d.countries, vec!["DE", "FR"]);
    assert_eq!(d.lump_sums, vec![30_000, 60_000]);
    assert_eq!(d.duration_unit, DurationUnit::Months);
    assert_eq!(d.texts[0].language, "de");
    // A bare date is the end of that day in Brussels (summer time: UTC+2).
    assert_eq!(
        d.calls[0].deadline.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-09-16T21:59:59+00:00")
    );
}

#[test]
fn bad_input_names_the_field() {
    let mut i = valid();
    i.countries.push("XX".into());
    assert_eq!(refused(i), "countries[3]");
    let mut i = valid();
    i.required_countries = vec!["Frankreich".into()];
    assert_eq!(refused(i), "required_countries[0]");
    let mut i = valid();
    i.required_countries = vec!["IT".into()];
    assert_eq!(refused(i), "required_countries");
    let mut i = valid();
    i.themes = vec!["youth".into(), "knitting".into()];
    assert_eq!(refused(i), "themes[1]");
    let mut i = valid();
    i.applicant_kinds = vec!["company".into()];
    assert_eq!(refused(i), "applicant_kinds[0]");
    let mut i = valid();
    i.min_partners = Some(-1);
    assert_eq!(refused(i), "min_partners");
    let mut i = valid();
    i.grant_min = Some(10_000);
    i.grant_max = Some(5_000);
    assert_eq!(refused(i), "grant_max");
    let mut i = valid();
    i.duration_min = Some(12);
    i.duration_max = Some(6);
    assert_eq!(refused(i), "duration_max");
    let mut i = valid();
    i.duration_min = Some(-6);
    assert_eq!(refused(i), "duration_min");
    let mut i = valid();
    i.lump_sums = vec![-30_000];
    assert_eq!(refused(i), "lump_sums[0]");
    let mut i = valid();
    i.cofunding_rate = Some(120);
    assert_eq!(refused(i), "cofunding_rate");
    let mut i = valid();
    i.min_invited = Some(60);
    i.min_participants = Some(50);
    assert_eq!(refused(i), "min_invited");
    let mut i = valid();
    i.calls[0].opens_on = Some("2026-10-01".into());
    assert_eq!(refused(i), "calls[0].deadline");
    let mut i = valid();
    i.calls[0].deadline = Some("16.09.2026".into());
    assert_eq!(refused(i), "calls[0].deadline");
    let mut i = valid();
    i.link = Some("javascript:alert(1)".into());
    assert_eq!(refused(i), "link");
    let mut i = valid();
    i.funder = " ".into();
    assert_eq!(refused(i), "funder");
    let mut i = valid();
    i.duration_unit = Some("weeks".into());
    assert_eq!(refused(i), "duration_unit");
}

#[test]
fn a_programme_needs_a_name_in_some_language() {
    let mut i = valid();
    i.translations = vec![];
    assert_eq!(refused(i), "translations");
    let mut i = valid();
    i.translations[0].name = "  ".into();
    i.translations[0].description = String::new();
    assert_eq!(refused(i), "translations");
    let mut i = valid();
    i.translations[0].name = String::new();
    assert_eq!(refused(i), "translations[0].name");
    let mut i = valid();
    i.translations.push(i.translations[0].clone());
    assert_eq!(refused(i), "translations[1].language");
    let mut i = valid();
    i.translations[0].language = "xx".into();
    assert_eq!(refused(i), "translations[0].language");
}

fn programme(name: &str, deadline: Option<&str>, rolling: bool) -> ProgrammeFull {
    use crate::db::models::funding::{DbCall, DbProgramme, DbProgrammeText};
    let now = Utc::now();
    let mut calls = Vec::new();
    if let Some(d) = deadline {
        calls.push(DbCall {
            id: 1,
            programme_id: 1,
            opens_on: None,
            deadline: parse_deadline(d),
            label: String::new(),
        });
    }
    if rolling {
        calls.push(DbCall {
            id: 2,
            programme_id: 1,
            opens_on: None,
            deadline: None,
            label: String::new(),
        });
    }
    ProgrammeFull {
        programme: DbProgramme {
            id: 1,
            ap_id: crate::db::url::DbUrl(url::Url::parse("https://a.example/funding/1").unwrap()),
            network_id: 1,
            local: true,
            funder: "F".into(),
            link: None,
            applicant_kinds: vec!["municipality".into()],
            countries: vec![],
            required_countries: vec![],
            min_partners: None,
            min_countries: None,
            min_eu_countries: None,
            min_participants: None,
            min_invited: None,
            grant_min: None,
            grant_max: Some(50_000),
            lump_sums: vec![],
            cofunding_rate: None,
            duration_min: None,
            duration_max: None,
            duration_unit: DurationUnit::Months,
            themes: vec!["youth".into()],
            published: now,
            updated: now,
        },
        texts: vec![DbProgrammeText {
            programme_id: 1,
            language: "en".into(),
            name: name.into(),
            description: String::new(),
            position: 0,
        }],
        calls,
    }
}

#[test]
fn open_calls_come_first_by_deadline_then_rolling_then_the_rest() {
    let all = vec![
        programme("Zeta closed", Some("2001-01-01"), false),
        programme("Rolling", None, true),
        programme("Later", Some("2999-06-01"), true),
        programme("Sooner", Some("2999-01-01"), false),
        programme("Alpha none", None, false),
    ];
    let names: Vec<String> = Filter::default()
        .apply(all, Utc::now(), Lang::En)
        .iter()
        .map(|p| p.texts[0].name.clone())
        .collect();
    assert_eq!(
        names,
        vec!["Sooner", "Later", "Rolling", "Alpha none", "Zeta closed"]
    );
}

#[test]
fn filters_narrow_the_directory() {
    let now = Utc::now();
    let p = programme("P", None, true);
    assert!(Filter::default().matches(&p, now));
    let f = |f: Filter| f.matches(&p, now);
    assert!(f(Filter {
        theme: Some("youth".into()),
        ..Filter::default()
    }));
    assert!(!f(Filter {
        theme: Some("sport".into()),
        ..Filter::default()
    }));
    assert!(f(Filter {
        kind: Some(OrgKind::Municipality),
        ..Filter::default()
    }));
    assert!(!f(Filter {
        kind: Some(OrgKind::School),
        ..Filter::default()
    }));
    assert!(f(Filter {
        amount: Some(50_000),
        ..Filter::default()
    }));
    assert!(!f(Filter {
        amount: Some(50_001),
        ..Filter::default()
    }));
    // No countries listed: any country.
    assert!(f(Filter {
        country: Some("PL".into()),
        ..Filter::default()
    }));
    let closed = programme("C", Some("2001-01-01"), false);
    assert!(
        !Filter {
            open_only: true,
            ..Filter::default()
        }
        .matches(&closed, now)
    );
}
