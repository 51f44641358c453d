//! Funding programmes on one instance: the API's 422s naming the field, who may keep the
//! directory, the filters and the order, the eligibility check on the demo's real
//! programmes (API and page), the programme page and its ActivityPub document.

use crate::common::Ctx;
use passerelle::demo::funding::programmes;
use passerelle::funding::eligibility::{self, OrgInput, PlanInput};
use passerelle::orgs::Profile;
use passerelle::vocab::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn body() -> Value {
    json!({
        "translations": [{"language": "de", "name": "Kleiner Fonds", "description": "Für Begegnungen."}],
        "funder": "Land NRW",
        "link": "https://example.org/fonds",
        "countries": ["DE", "FR"],
        "min_participants": 10,
        "grant_max": 5000,
        "themes": ["youth"],
        "calls": [{"opens_on": "2026-01-01", "deadline": "2999-03-31", "label": "2999"}]
    })
}

async fn post(ctx: &Ctx, token: &str, body: Value) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url("/api/v1/funding"))
            .bearer_auth(token)
            .json(&body),
    )
    .await
}

#[tokio::test]
async fn bad_programmes_are_refused_naming_the_field() {
    let ctx = Ctx::new().await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("countries", json!(["DE", "Germany"]), "countries[1]"),
        ("themes", json!(["knitting"]), "themes[0]"),
        ("min_partners", json!(-2), "min_partners"),
        ("grant_min", json!(-1), "grant_min"),
        ("duration_min", json!(-6), "duration_min"),
        (
            "calls",
            json!([{"opens_on": "2026-05-01", "deadline": "2026-04-01"}]),
            "calls[0].deadline",
        ),
        ("translations", json!([]), "translations"),
        (
            "translations",
            json!([{"language": "fr", "name": " "}]),
            "translations",
        ),
    ];
    for (key, value, field) in cases {
        let mut b = body();
        b[key] = value;
        let (status, answer) = post(&ctx, &ctx.admin, b).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{key}: {answer}");
        assert_eq!(answer["error"]["field"], field, "{answer}");
    }
    assert_eq!(ctx.count("funding_programmes").await, 0);
}

#[tokio::test]
async fn the_network_keeps_its_directory_and_anyone_reads_it() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.org_with("netzwerkstelle", OrgKind::Network, Profile::default())
        .await;
    let town_editor = ctx.editor("stadt", &["stadt-dortmund"]).await;
    let network_editor = ctx.editor("netz", &["netzwerkstelle"]).await;
    let (status, _) = post(&ctx, &town_editor, body()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, created) = post(&ctx, &network_editor, body()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["local"], true);
    assert_eq!(created["calls"][0]["open"], true);
    let id = created["id"].as_i64().unwrap();

    // Read by anyone; the filters narrow it.
    let list = |q: &'static str| {
        let ctx = &ctx;
        async move {
            let (status, list) = ctx.json(ctx.get(&format!("/api/v1/funding{q}"))).await;
            assert_eq!(status, StatusCode::OK, "{list}");
            list.as_array().unwrap().len()
        }
    };
    assert_eq!(list("").await, 1);
    assert_eq!(list("?theme=youth&country=fr&amount=5000").await, 1);
    assert_eq!(list("?country=PL").await, 0);
    assert_eq!(list("?amount=5001").await, 0);
    let (status, err) = ctx.json(ctx.get("/api/v1/funding?country=ZZ")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["error"]["field"], "country");

    // Replaced and deleted by its keepers only.
    let mut b = body();
    b["funder"] = json!("Land Nordrhein-Westfalen");
    let (status, _) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/funding/{id}")))
                .bearer_auth(&town_editor)
                .json(&b),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, changed) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/funding/{id}")))
                .bearer_auth(&ctx.admin)
                .json(&b),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["funder"], "Land Nordrhein-Westfalen");

    // Its id serves the page to browsers and the FundingProgramme to federation clients.
    let ap_id = changed["ap_id"].as_str().unwrap().to_string();
    let (status, doc) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    assert_eq!(doc["type"], "FundingProgramme");
    assert_eq!(doc["funder"], "Land Nordrhein-Westfalen");
    assert_eq!(doc["nameMap"]["de"], "Kleiner Fonds");
    assert_eq!(doc["attributedTo"], ctx.url("/actor"));
    assert!(doc["@context"].to_string().contains("FundingProgramme"));
    let page = ctx.page(&format!("/funding/programmes/{id}?lang=de")).await;
    assert!(page.contains("Kleiner Fonds") && page.contains("Land Nordrhein-Westfalen"));
    let same = ctx
        .http
        .get(&ap_id)
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), StatusCode::OK);
    assert!(same.text().await.unwrap().contains("Kleiner Fonds"));

    // Its call's deadline is in the network's calendar, its feed and the funding feed.
    let calendar = ctx.page("/events?lang=en").await;
    assert!(calendar.contains("Funding deadlines"), "{calendar}");
    assert!(
        calendar.contains(&format!(
            "<a href=\"/funding/programmes/{id}\" lang=\"de\">Kleiner Fonds</a> (2999)"
        )),
        "{calendar}"
    );
    for feed in ["/events.ics?lang=en", "/funding.ics?lang=en"] {
        let ics = ctx.page(feed).await;
        assert!(
            ics.contains("SUMMARY:Deadline: Kleiner Fonds (2999)\r\n"),
            "{feed}: {ics}"
        );
        assert!(ics.contains("DTSTART:29990331T2"), "{ics}");
    }

    let (status, _) = ctx
        .json(
            ctx.http
                .delete(ctx.url(&format!("/api/v1/funding/{id}")))
                .bearer_auth(&network_editor),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = ctx.json(ctx.get(&format!("/api/v1/funding/{id}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn plan(
    orgs: &[(&str, &str)],
    participants: Option<i64>,
    invited: Option<i64>,
    months: Option<i64>,
) -> PlanInput {
    PlanInput {
        organisations: orgs
            .iter()
            .map(|(k, c)| OrgInput {
                kind: k.to_string(),
                country: c.to_string(),
            })
            .collect(),
        participants,
        invited_from_abroad: invited,
        duration: months,
        duration_unit: Some("months".into()),
    }
}

/// The demo's programmes by their English name, checked against a plan.
fn verdicts(p: &PlanInput) -> Vec<(String, Vec<eligibility::Failure>)> {
    let plan = p.validate().unwrap();
    programmes()
        .into_iter()
        .map(|input| {
            let data = input.validate().expect("the demo's programmes are valid");
            let en = data
                .texts
                .iter()
                .find(|t| t.language == "en")
                .map(|t| t.name.clone())
                .unwrap();
            let row = row_of(&data);
            (en, eligibility::check(&row, &plan))
        })
        .collect()
}

fn row_of(
    d: &passerelle::db::models::funding::ProgrammeData,
) -> passerelle::db::models::funding::DbProgramme {
    let now = chrono::Utc::now();
    passerelle::db::models::funding::DbProgramme {
        id: 0,
        ap_id: passerelle::db::url::DbUrl(
            url::Url::parse("https://dfi.example/funding/x").unwrap(),
        ),
        network_id: 0,
        local: true,
        funder: d.funder.clone(),
        link: d.link.clone(),
        applicant_kinds: d.applicant_kinds.clone(),
        countries: d.countries.clone(),
        required_countries: d.required_countries.clone(),
        min_partners: d.min_partners,
        min_countries: d.min_countries,
        min_eu_countries: d.min_eu_countries,
        min_participants: d.min_participants,
        min_invited: d.min_invited,
        grant_min: d.grant_min,
        grant_max: d.grant_max,
        lump_sums: d.lump_sums.clone(),
        cofunding_rate: d.cofunding_rate,
        duration_min: d.duration_min,
        duration_max: d.duration_max,
        duration_unit: d.duration_unit,
        themes: d.themes.clone(),
        published: now,
        updated: now,
    }
}

fn fails(v: &[(String, Vec<eligibility::Failure>)], name: &str) -> Vec<eligibility::Failure> {
    v.iter()
        .find(|(n, _)| n.contains(name))
        .unwrap_or_else(|| panic!("{name} among the demo's programmes"))
        .1
        .clone()
}

#[test]
fn the_real_programmes_judge_real_plans() {
    use eligibility::Failure::*;
    // Dortmund and Amiens: a town twinning meeting, 60 people of whom 30 from Amiens, 8 months.
    let v = verdicts(&plan(
        &[("municipality", "DE"), ("municipality", "FR")],
        Some(60),
        Some(30),
        Some(8),
    ));
    assert_eq!(fails(&v, "Town-Twinning"), vec![]);
    assert_eq!(fails(&v, "Citizens’ Fund"), vec![]);
    assert_eq!(
        fails(&v, "Networks of Towns"),
        vec![
            TooFewPartners { min: 4, have: 2 },
            TooFewCountries { min: 4, have: 2 },
            TooShort {
                min: 12,
                unit: passerelle::db::models::funding::DurationUnit::Months
            }
        ]
    );
    // 8 months is longer than 21 days.
    assert!(matches!(
        fails(&v, "youth exchanges").as_slice(),
        [TooLong { max: 21, .. }]
    ));
    // A German town and a Norwegian one: Norway takes no part in CERV, so one eligible
    // country remains.
    let v = verdicts(&plan(
        &[("municipality", "DE"), ("municipality", "NO")],
        Some(60),
        Some(30),
        Some(8),
    ));
    assert_eq!(
        fails(&v, "Town-Twinning"),
        vec![
            CountryNotEligible {
                country: "NO".into()
            },
            TooFewCountries { min: 2, have: 1 }
        ]
    );
    // Four towns from four countries, only one in the EU: "a partner from a second EU member state".
    let v = verdicts(&plan(
        &[
            ("municipality", "DE"),
            ("municipality", "UA"),
            ("municipality", "RS"),
            ("municipality", "AL"),
        ],
        Some(200),
        Some(100),
        Some(18),
    ));
    let nt = fails(&v, "Networks of Towns");
    assert_eq!(nt, vec![TooFewEuCountries { min: 2, have: 1 }]);
    assert_eq!(
        nt[0].reason(passerelle::vocab::Lang::En),
        "needs a partner from a second EU member state"
    );
    // Two schools in Germany and Poland for a year: Erasmus+ fits; the Franco-German funds need France.
    let v = verdicts(&plan(
        &[("school", "DE"), ("school", "PL")],
        None,
        None,
        Some(12),
    ));
    assert_eq!(fails(&v, "KA210"), vec![]);
    assert_eq!(
        fails(&v, "Citizens’ Fund"),
        vec![CountryMissing {
            country: "FR".into()
        }]
    );
    // A school may not apply to Town-Twinning, and a meeting needs its participants counted.
    assert!(fails(&v, "Town-Twinning").contains(&ApplicantKind {
        kind: "school".into(),
        allowed: vec![
            "municipality".into(),
            "district".into(),
            "region".into(),
            "association".into(),
            "network".into()
        ]
    }));
    assert!(fails(&v, "Town-Twinning").contains(&TooFewParticipants {
        min: 50,
        have: None
    }));
    // A ten-day youth exchange between a German and a French association.
    let mut p = plan(
        &[("association", "DE"), ("association", "FR")],
        Some(24),
        Some(12),
        Some(10),
    );
    p.duration_unit = Some("days".into());
    let v = verdicts(&p);
    assert_eq!(fails(&v, "youth exchanges"), vec![]);
    assert!(fails(&v, "KA210").contains(&TooShort {
        min: 6,
        unit: passerelle::db::models::funding::DurationUnit::Months
    }));
}

async fn seed_demo(ctx: &Ctx) {
    for p in programmes() {
        let (status, body) = post(ctx, &ctx.admin, serde_json::to_value(&p).unwrap()).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
}

#[tokio::test]
async fn the_eligibility_check_answers_by_api_and_on_the_page() {
    let ctx = Ctx::new().await;
    seed_demo(&ctx).await;
    let (status, answer) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/funding/eligibility?lang=de"))
                .json(&json!({
                    "organisations": [{"kind": "municipality", "country": "DE"},
                                      {"kind": "municipality", "country": "UA"},
                                      {"kind": "municipality", "country": "RS"},
                                      {"kind": "municipality", "country": "AL"}],
                    "participants": 200, "invited_from_abroad": 100, "duration": 18
                })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let all = answer.as_array().unwrap();
    assert_eq!(all.len(), 5);
    // Those that fit come first.
    let first_misfit = all.iter().position(|f| f["fits"] == false).unwrap();
    assert!(all[first_misfit..].iter().all(|f| f["fits"] == false));
    let nt = all
        .iter()
        .find(|f| f["name"].as_str().unwrap().contains("Netzwerke"))
        .unwrap();
    assert_eq!(nt["fits"], false);
    assert_eq!(nt["failures"][0]["rule"], "too_few_eu_countries");
    assert_eq!(
        nt["failures"][0]["reason"],
        "braucht einen Partner aus einem zweiten EU-Mitgliedstaat"
    );
    let (status, err) = ctx
        .json(
            ctx.http.post(ctx.url("/api/v1/funding/eligibility")).json(
                &json!({"organisations": [{"kind": "municipality", "country": "Deutschland"}]}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["error"]["field"], "organisations[0].country");

    // The page: open calls first (the rolling ones, the dated calls being past), the check
    // answered on the page without script.
    let page = ctx.page("/funding?lang=en").await;
    let open = page.find("Open calls").expect("an open-calls section");
    let others = page.find("Other programmes").expect("the others");
    let fund = page.find("Franco-German Citizens’ Fund").unwrap();
    let twinning = page.find("CERV Town-Twinning").unwrap();
    assert!(
        open < fund && fund < others && others < twinning,
        "open calls first"
    );
    assert!(!page.contains("<script"));
    let page = ctx
        .page("/funding?lang=en&check=1&kind0=municipality&country0=DE&kind1=municipality&country1=NO&participants=60&invited=30&duration=8&unit=months")
        .await;
    assert!(
        page.contains("organisations from NO are not eligible"),
        "{page}"
    );
    assert!(page.contains("needs a partner from FR"));
    let bad = ctx
        .get("/funding?lang=en&check=1&kind0=municipality&country0=Germany")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let text = bad.text().await.unwrap();
    assert!(
        text.contains("aria-invalid=\"true\" aria-describedby=\"country0-error\""),
        "{text}"
    );
    // In the page's language; a number written with a thousands space is read, one that is
    // none is refused by name (it was taken as -1, "must not be negative").
    let page = ctx
        .page("/funding?lang=fr&check=1&kind0=municipality&country0=DE&kind1=municipality&country1=FR&participants=1%20200&invited=30")
        .await;
    assert!(!page.contains("pas pu être vérifié"), "{page}");
    for (query, said) in [
        (
            "kind0=municipality&country0=Allemagne",
            "Pays inconnu «\u{202f}Allemagne\u{202f}»",
        ),
        (
            "kind0=municipality&country0=DE&participants=beaucoup",
            "Un nombre entier, p.\u{a0}ex. 12.",
        ),
        (
            "kind0=municipality&country0=DE&participants=10&invited=20",
            "Plus de participants invités de l’étranger que de participants au total.",
        ),
    ] {
        let resp = ctx
            .get(&format!("/funding?lang=fr&check=1&{query}"))
            .send()
            .await
            .unwrap();
        let text = resp.text().await.unwrap();
        assert!(text.contains(said), "{query}: {text}");
        assert!(
            !text.contains("must not") && !text.contains("unknown"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_peer_s_programme_is_not_editable_here() {
    let ctx = Ctx::new().await;
    // Stored as received from another network (its instance actor stands in).
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let network = ctx.org("fremdes-netz").await;
    let data = programmes()[0].validate().unwrap();
    let stored = passerelle::db::models::funding::DbProgramme::create(
        &mut conn,
        "https://peer.example/funding/1",
        network.id,
        false,
        &data,
    )
    .await
    .unwrap();
    drop(conn);
    let id = stored.programme.id;
    let (status, err) = ctx
        .json(
            ctx.http
                .put(ctx.url(&format!("/api/v1/funding/{id}")))
                .bearer_auth(&ctx.admin)
                .json(&body()),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{err}");
    let (status, _) = ctx
        .json(
            ctx.http
                .delete(ctx.url(&format!("/api/v1/funding/{id}")))
                .bearer_auth(&ctx.admin),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let page = ctx.page(&format!("/funding/programmes/{id}?lang=fr")).await;
    assert!(page.contains("CERV Jumelages de villes"), "{page}");
    assert!(page.contains("Tenu à jour par"));
}
