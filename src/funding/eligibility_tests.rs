//! Each rule on its own, on a hand-made programme; the reasons in words. The seeded real
//! programmes are checked in `tests/it/funding.rs`.

use super::*;
use crate::db::url::DbUrl;

fn programme() -> DbProgramme {
    let now = chrono::Utc::now();
    DbProgramme {
        id: 1,
        ap_id: DbUrl(url::Url::parse("https://a.example/funding/1").unwrap()),
        network_id: 1,
        local: true,
        funder: "F".into(),
        link: None,
        applicant_kinds: vec![],
        countries: vec![],
        required_countries: vec![],
        min_partners: None,
        min_countries: None,
        min_eu_countries: None,
        min_participants: None,
        min_invited: None,
        grant_min: None,
        grant_max: None,
        lump_sums: vec![],
        cofunding_rate: None,
        duration_min: None,
        duration_max: None,
        duration_unit: DurationUnit::Months,
        themes: vec![],
        published: now,
        updated: now,
    }
}

fn org(kind: OrgKind, country: &str) -> PlannedOrg {
    PlannedOrg {
        kind,
        country: country.into(),
    }
}

/// A twinning of Dortmund (DE) and Amiens (FR), 60 participants of whom 30 from abroad,
/// over 8 months.
fn twinning() -> Plan {
    Plan {
        organisations: vec![
            org(OrgKind::Municipality, "DE"),
            org(OrgKind::Association, "FR"),
        ],
        participants: Some(60),
        invited_from_abroad: Some(30),
        duration: Some((8, DurationUnit::Months)),
    }
}

#[test]
fn a_programme_without_rules_fits_anything() {
    assert_eq!(check(&programme(), &twinning()), vec![]);
    assert_eq!(check(&programme(), &Plan::default()), vec![]);
}

#[test]
fn the_applicant_kind_is_the_first_organisation_s() {
    let mut p = programme();
    p.applicant_kinds = vec!["municipality".into(), "district".into()];
    assert_eq!(
        check(&p, &twinning()),
        vec![],
        "partners may be of any kind"
    );
    let mut plan = twinning();
    plan.organisations.swap(0, 1);
    assert_eq!(
        check(&p, &plan),
        vec![Failure::ApplicantKind {
            kind: "association".into(),
            allowed: vec!["municipality".into(), "district".into()]
        }]
    );
}

#[test]
fn every_organisation_must_be_in_an_eligible_country() {
    let mut p = programme();
    p.countries = vec!["DE".into(), "FR".into(), "PL".into()];
    assert_eq!(check(&p, &twinning()), vec![]);
    let mut plan = twinning();
    plan.organisations.push(org(OrgKind::Municipality, "GB"));
    assert_eq!(
        check(&p, &plan),
        vec![Failure::CountryNotEligible {
            country: "GB".into()
        }]
    );
}

#[test]
fn required_countries_must_each_be_there() {
    let mut p = programme();
    p.required_countries = vec!["DE".into(), "FR".into()];
    assert_eq!(check(&p, &twinning()), vec![]);
    let mut plan = twinning();
    plan.organisations[1].country = "IT".into();
    assert_eq!(
        check(&p, &plan),
        vec![Failure::CountryMissing {
            country: "FR".into()
        }]
    );
}

#[test]
fn partners_countries_and_eu_countries_are_counted() {
    let mut p = programme();
    p.min_partners = Some(4);
    p.min_countries = Some(4);
    p.min_eu_countries = Some(2);
    let mut plan = twinning();
    assert_eq!(
        check(&p, &plan),
        vec![
            Failure::TooFewPartners { min: 4, have: 2 },
            Failure::TooFewCountries { min: 4, have: 2 },
        ]
    );
    // Two more, outside the EU: partners and countries suffice, EU countries too (DE, FR).
    plan.organisations.push(org(OrgKind::Municipality, "NO"));
    plan.organisations.push(org(OrgKind::Municipality, "UA"));
    assert_eq!(check(&p, &plan), vec![]);
    // Only one EU member state left.
    plan.organisations[1].country = "CH".into();
    assert_eq!(
        check(&p, &plan),
        vec![Failure::TooFewEuCountries { min: 2, have: 1 }]
    );
    // Two organisations in one country count once.
    plan.organisations[1].country = "DE".into();
    assert_eq!(
        check(&p, &plan),
        vec![
            Failure::TooFewCountries { min: 4, have: 3 },
            Failure::TooFewEuCountries { min: 2, have: 1 }
        ]
    );
}

#[test]
fn countries_the_programme_does_not_take_do_not_count() {
    let mut p = programme();
    p.countries = vec!["DE".into(), "FR".into()];
    p.min_countries = Some(2);
    let mut plan = twinning();
    plan.organisations[1].country = "GB".into();
    assert_eq!(
        check(&p, &plan),
        vec![
            Failure::CountryNotEligible {
                country: "GB".into()
            },
            Failure::TooFewCountries { min: 2, have: 1 }
        ]
    );
}

#[test]
fn participants_and_invited_from_abroad() {
    let mut p = programme();
    p.min_participants = Some(50);
    p.min_invited = Some(25);
    assert_eq!(check(&p, &twinning()), vec![]);
    let mut plan = twinning();
    plan.participants = Some(49);
    plan.invited_from_abroad = Some(24);
    assert_eq!(
        check(&p, &plan),
        vec![
            Failure::TooFewParticipants {
                min: 50,
                have: Some(49)
            },
            Failure::TooFewInvited {
                min: 25,
                have: Some(24)
            }
        ]
    );
    plan.participants = None;
    plan.invited_from_abroad = None;
    assert_eq!(
        check(&p, &plan),
        vec![
            Failure::TooFewParticipants {
                min: 50,
                have: None
            },
            Failure::TooFewInvited {
                min: 25,
                have: None
            }
        ]
    );
}

#[test]
fn durations_compare_across_units() {
    let mut p = programme();
    p.duration_min = Some(6);
    p.duration_max = Some(12);
    assert_eq!(check(&p, &twinning()), vec![]);
    let mut plan = twinning();
    plan.duration = Some((365, DurationUnit::Days));
    assert_eq!(check(&p, &plan), vec![], "a year in days is 12 months");
    plan.duration = Some((13, DurationUnit::Months));
    assert_eq!(
        check(&p, &plan),
        vec![Failure::TooLong {
            max: 12,
            unit: DurationUnit::Months
        }]
    );
    plan.duration = Some((10, DurationUnit::Days));
    assert_eq!(
        check(&p, &plan),
        vec![Failure::TooShort {
            min: 6,
            unit: DurationUnit::Months
        }]
    );
    plan.duration = None;
    assert_eq!(check(&p, &plan), vec![], "no duration given: not checked");
    let mut exchange = programme();
    exchange.duration_min = Some(4);
    exchange.duration_max = Some(21);
    exchange.duration_unit = DurationUnit::Days;
    plan.duration = Some((1, DurationUnit::Months));
    assert_eq!(
        check(&exchange, &plan),
        vec![Failure::TooLong {
            max: 21,
            unit: DurationUnit::Days
        }]
    );
}

#[test]
fn reasons_read_well_in_each_language() {
    let eu = Failure::TooFewEuCountries { min: 2, have: 1 };
    assert_eq!(
        eu.reason(Lang::En),
        "needs a partner from a second EU member state"
    );
    assert_eq!(
        eu.reason(Lang::De),
        "braucht einen Partner aus einem zweiten EU-Mitgliedstaat"
    );
    assert_eq!(
        eu.reason(Lang::Fr),
        "il faut un partenaire d’un deuxième État membre de l’UE"
    );
    let long = Failure::TooLong {
        max: 21,
        unit: DurationUnit::Days,
    };
    assert_eq!(long.reason(Lang::De), "darf höchstens 21 Tage dauern");
    assert_eq!(long.reason(Lang::Pl), "może trwać najwyżej 21 dni");
    let kind = Failure::ApplicantKind {
        kind: "school".into(),
        allowed: vec!["municipality".into()],
    };
    let fr = kind.reason(Lang::Fr);
    assert!(fr.starts_with("le porteur doit être"), "{fr}");
    assert!(
        !fr.contains("municipality"),
        "kinds are named in the language: {fr}"
    );
    for lang in Lang::ALL {
        for f in [
            eu.clone(),
            long.clone(),
            kind.clone(),
            Failure::TooFewParticipants {
                min: 50,
                have: None,
            },
            Failure::CountryMissing {
                country: "FR".into(),
            },
        ] {
            let r = f.reason(lang);
            assert!(!r.starts_with("fund-") && !r.contains('{'), "{lang:?}: {r}");
        }
    }
}

#[test]
fn a_plan_is_checked_with_its_fields_named() {
    let input = |orgs: Vec<(&str, &str)>| PlanInput {
        organisations: orgs
            .into_iter()
            .map(|(k, c)| OrgInput {
                kind: k.into(),
                country: c.into(),
            })
            .collect(),
        ..PlanInput::default()
    };
    let field = |i: PlanInput| i.validate().unwrap_err().field.unwrap();
    assert_eq!(field(input(vec![])), "organisations");
    assert_eq!(
        field(input(vec![("municipality", "DE"), ("school", "ZZ")])),
        "organisations[1].country"
    );
    assert_eq!(
        field(input(vec![("company", "DE")])),
        "organisations[0].kind"
    );
    let mut i = input(vec![("municipality", "de")]);
    i.participants = Some(-3);
    assert_eq!(field(i.clone()), "participants");
    i.participants = Some(10);
    i.invited_from_abroad = Some(11);
    assert_eq!(field(i.clone()), "invited_from_abroad");
    i.invited_from_abroad = Some(5);
    i.duration = Some(3);
    i.duration_unit = Some("days".into());
    let plan = i.validate().unwrap();
    assert_eq!(plan.organisations[0].country, "DE");
    assert_eq!(plan.duration, Some((3, DurationUnit::Days)));
}
