//! Partner search on one instance: the API's 422s naming the field (nothing written), the
//! "looking for partners" list and its visibility, suggestions ranked with their reasons
//! (the organisation and its partners left out, a note when it is not looking), the pages
//! (list, the editors' form and the suggestions with the handshake's form), and the peer
//! endpoint refusing an unsigned request.

use crate::common::{Ctx, Editor};
use diesel_async::RunQueryDsl;
use passerelle::orgs::Profile;
use passerelle::vocab::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn town(country: &str, population: i64, themes: &[&str], languages: &[&str]) -> Profile {
    Profile {
        country: Some(country.into()),
        population: Some(population),
        themes: themes.iter().map(|t| t.to_string()).collect(),
        languages: languages.iter().map(|l| l.to_string()).collect(),
        discoverable: true,
        indexable: true,
        ..Profile::default()
    }
}

async fn put(ctx: &Ctx, token: &str, handle: &str, body: Value) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .put(ctx.url(&format!("/api/v1/organisations/{handle}/looking")))
            .bearer_auth(token)
            .json(&body),
    )
    .await
}

async fn get(ctx: &Ctx, token: &str, path: &str) -> (StatusCode, Value) {
    ctx.json(ctx.http.get(ctx.url(path)).bearer_auth(token))
        .await
}

/// A live partnership between two of our organisations, written directly.
async fn partnership(ctx: &Ctx, a: i64, b: i64) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    diesel::sql_query(format!(
        "INSERT INTO partnerships (ap_id, subject_id, object_id, kind, status, confirmed) \
         VALUES ('https://x.example/p/{a}-{b}', {a}, {b}, 'twinning', 'active', true)"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
}

#[tokio::test]
async fn bad_partner_searches_are_refused_naming_the_field() {
    let ctx = Ctx::new().await;
    ctx.org("dortmund").await;
    ctx.org("bochum").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("countries", json!(["FR", "Atlantis"]), "countries[1]"),
        ("themes", json!(["knitting"]), "themes[0]"),
        ("purposes", json!(["holiday"]), "purposes[0]"),
        ("languages", json!(["german"]), "languages[0]"),
        ("partner_kinds", json!(["castle"]), "partner_kinds[0]"),
        ("population_min", json!(-5), "population_min"),
        ("population_max", json!(-1), "population_max"),
    ];
    for (key, value, field) in cases {
        let mut body = json!({"purposes": ["twinning"], "countries": ["FR"]});
        body[key] = value;
        let (status, answer) = put(&ctx, &ctx.admin, "dortmund", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{key}: {answer}");
        assert_eq!(answer["error"]["field"], field, "{answer}");
    }
    let (status, answer) = put(
        &ctx,
        &ctx.admin,
        "dortmund",
        json!({"population_min": 50000, "population_max": 1000}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["error"]["field"], "population_max", "{answer}");
    // Nothing was written.
    let (status, _) = get(&ctx, &ctx.admin, "/api/v1/organisations/dortmund/looking").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(ctx.count("partner_searches").await, 0);
    // Another organisation's editor may not.
    let other = ctx.editor("bochum-redaktion", &["bochum"]).await;
    let (status, _) = put(&ctx, &other, "dortmund", json!({"purposes": ["project"]})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An unknown filter of the list is named too.
    let (status, answer) = ctx
        .json(ctx.get("/api/v1/partners/looking?theme=knitting"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["error"]["field"], "theme");
}

#[tokio::test]
async fn a_partner_search_is_stored_listed_filtered_and_hidden_when_asked() {
    let ctx = Ctx::new().await;
    ctx.org_with(
        "dortmund",
        OrgKind::Municipality,
        town("DE", 600_000, &["climate"], &["de"]),
    )
    .await;
    ctx.org_with(
        "gymnasium",
        OrgKind::School,
        town("DE", 900, &["youth"], &["de"]),
    )
    .await;
    let token = ctx.editor("redaktion", &["dortmund"]).await;
    let (status, stored) = put(
        &ctx,
        &token,
        "dortmund",
        json!({"purposes": ["learning", "twinning"], "countries": ["fr", "PL"],
               "regions": ["Hauts-de-France"], "themes": ["climate", "mobility"],
               "languages": ["fr"], "population_min": 100000, "population_max": 1000000,
               "partner_kinds": ["municipality"], "description": "Wärmeplanung"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["countries"], json!(["FR", "PL"]), "codes normalised");
    assert_eq!(stored["listed"], true);
    let (status, shown) = get(&ctx, &token, "/api/v1/organisations/dortmund/looking").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown["purposes"], json!(["learning", "twinning"]));
    assert_eq!(shown["population_max"], 1000000);
    put(
        &ctx,
        &ctx.admin,
        "gymnasium",
        json!({"purposes": ["school-exchange"], "languages": ["fr"]}),
    )
    .await;

    let names = |v: &Value| -> Vec<String> {
        v["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    let (status, all) = ctx.json(ctx.get("/api/v1/partners/looking")).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let mut listed = names(&all);
    listed.sort();
    assert_eq!(listed, ["Stadt dortmund", "Stadt gymnasium"]);
    assert_eq!(all["networks"][0]["status"], "local");
    let (_, learning) = ctx
        .json(ctx.get("/api/v1/partners/looking?purpose=learning"))
        .await;
    assert_eq!(names(&learning), ["Stadt dortmund"]);
    let (_, schools) = ctx
        .json(ctx.get("/api/v1/partners/looking?kind=school&language=fr"))
        .await;
    assert_eq!(names(&schools), ["Stadt gymnasium"]);
    let (_, climate) = ctx
        .json(ctx.get("/api/v1/partners/looking?theme=climate"))
        .await;
    assert_eq!(names(&climate), ["Stadt dortmund"]);

    // The page lists them, in the asked language.
    let page = ctx.page("/partners?lang=fr").await;
    assert!(page.contains("Recherche de partenaires"), "{page}");
    assert!(page.contains("Stadt dortmund") && page.contains("Stadt gymnasium"));
    assert!(page.contains("Hauts-de-France"));
    let resp = ctx.get("/partners?country=Atlantis").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The refusal in the page's language, without the parameter's name.
    let resp = ctx
        .get("/partners?kind=kloster&lang=de")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("Unbekannte Art von Organisation „kloster“."),
        "{html}"
    );
    assert!(
        !html.contains("kind:") && !html.contains("unknown"),
        "{html}"
    );

    // Not listed: gone from the list, still stored; no longer looking: gone too.
    put(
        &ctx,
        &token,
        "dortmund",
        json!({"purposes": ["learning"], "listed": false}),
    )
    .await;
    let (_, all) = ctx.json(ctx.get("/api/v1/partners/looking")).await;
    assert_eq!(names(&all), ["Stadt gymnasium"]);
    put(
        &ctx,
        &ctx.admin,
        "gymnasium",
        json!({"purposes": ["learning"], "active": false}),
    )
    .await;
    let (_, all) = ctx.json(ctx.get("/api/v1/partners/looking")).await;
    assert!(names(&all).is_empty(), "{all}");
    let resp = ctx
        .http
        .delete(ctx.url("/api/v1/organisations/dortmund/looking"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(ctx.count("partner_searches").await, 1);
}

/// Dortmund's suggestions: Lille fits best (wished country, themes, languages, looking,
/// partner of its partner Amiens), Amiens is a partner already and Dortmund itself is
/// never suggested; a town that does not want to be suggested is not.
#[tokio::test]
async fn suggestions_are_ranked_with_their_reasons() {
    let ctx = Ctx::new().await;
    let dortmund = ctx
        .org_with(
            "dortmund",
            OrgKind::Municipality,
            town("DE", 600_000, &["climate", "youth"], &["de", "fr"]),
        )
        .await;
    let amiens = ctx
        .org_with(
            "amiens",
            OrgKind::Municipality,
            town("FR", 133_000, &["climate", "youth"], &["fr"]),
        )
        .await;
    let lille = ctx
        .org_with(
            "lille",
            OrgKind::Municipality,
            town("FR", 230_000, &["climate", "youth"], &["fr", "de"]),
        )
        .await;
    ctx.org_with(
        "metz",
        OrgKind::Municipality,
        town("FR", 120_000, &["sport"], &["fr"]),
    )
    .await;
    ctx.org_with(
        "leeds",
        OrgKind::Municipality,
        town("GB", 800_000, &[], &["en"]),
    )
    .await;
    ctx.org_with(
        "hidden",
        OrgKind::Municipality,
        town("FR", 600_000, &["climate", "youth"], &["de", "fr"]),
    )
    .await;
    partnership(&ctx, dortmund.id, amiens.id).await;
    partnership(&ctx, amiens.id, lille.id).await;
    put(
        &ctx,
        &ctx.admin,
        "hidden",
        json!({"purposes": ["learning"], "suggested": false}),
    )
    .await;
    put(&ctx, &ctx.admin, "lille", json!({"purposes": ["learning"]})).await;
    let token = ctx.editor("redaktion", &["dortmund"]).await;

    // Not looking: suggestions from the profile alone, with a note.
    let (status, answer) = get(
        &ctx,
        &token,
        "/api/v1/organisations/dortmund/suggestions?lang=en",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["looking"], false);
    assert!(
        answer["note"].as_str().unwrap().contains("not said"),
        "{answer}"
    );
    let order = |a: &Value| -> Vec<String> {
        a["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect()
    };
    let names = order(&answer);
    assert_eq!(names[0], "Stadt lille", "{answer}");
    assert!(
        !names.contains(&"Stadt amiens".to_string()),
        "a partner already"
    );
    assert!(!names.contains(&"Stadt dortmund".to_string()));
    assert!(!names.contains(&"Stadt hidden".to_string()), "opted out");

    // Looking for learning in France: Metz (France) passes Leeds (similar size only).
    put(
        &ctx,
        &token,
        "dortmund",
        json!({"purposes": ["learning"], "countries": ["FR"]}),
    )
    .await;
    let (_, answer) = get(
        &ctx,
        &token,
        "/api/v1/organisations/dortmund/suggestions?lang=en&scope=local",
    )
    .await;
    assert_eq!(answer["looking"], true);
    assert!(answer.get("note").is_none());
    assert_eq!(order(&answer), ["Stadt lille", "Stadt metz", "Stadt leeds"]);
    let lille = &answer["suggestions"][0];
    let why = lille["explanation"].as_str().unwrap();
    for part in [
        "also works on climate protection and youth",
        "partner of your partner Stadt amiens",
        "in FR, where you look for partners",
        "speaks German and French",
        "is looking for learning on a theme too",
    ] {
        assert!(why.contains(part), "{part} in {why}");
    }
    assert_eq!(lille["reasons"][0]["reason"], "themes");
    assert!(lille["score"].as_f64().unwrap() > answer["suggestions"][1]["score"].as_f64().unwrap());

    // Bad parameters are named.
    let (status, answer) = get(
        &ctx,
        &token,
        "/api/v1/organisations/dortmund/suggestions?limit=500",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["error"]["field"], "limit");
    let other = ctx.editor("metz-redaktion", &["metz"]).await;
    let (status, _) = get(&ctx, &other, "/api/v1/organisations/dortmund/suggestions").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_editors_pages_set_the_search_and_show_suggestions_with_the_handshake() {
    let ctx = Ctx::new().await;
    ctx.org_with(
        "dortmund",
        OrgKind::Municipality,
        town("DE", 600_000, &["climate"], &["de", "fr"]),
    )
    .await;
    ctx.org_with(
        "lille",
        OrgKind::Municipality,
        town("FR", 230_000, &["climate"], &["fr"]),
    )
    .await;
    ctx.editor("redaktion", &["dortmund"]).await;
    let ed = Editor::login(&ctx, "redaktion").await;
    let (status, html) = ed.get("/editor/dortmund?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("/editor/dortmund/looking"),
        "the tab is there"
    );

    let (status, html) = ed.get("/editor/dortmund/looking?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("We are looking for partners"));
    let resp = ed
        .post(
            "/editor/dortmund/looking?lang=de",
            &[
                ("active", "1"),
                ("purposes", "learning"),
                ("countries", "FR, Atlantis"),
                ("population_min", "1000"),
                ("listed", "1"),
                ("suggested", "1"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    // Told in the form's language, as the funding and post forms tell it.
    assert!(html.contains("Unbekanntes Land „Atlantis“"), "{html}");
    assert!(!html.contains("unknown country"), "{html}");
    assert!(
        html.contains("value=\"FR, Atlantis\""),
        "what was typed is kept"
    );
    assert_eq!(ctx.count("partner_searches").await, 0);
    let resp = ed
        .post(
            "/editor/dortmund/looking?lang=en",
            &[
                ("active", "1"),
                ("purposes", "learning"),
                ("countries", "FR"),
                ("population_min", "100 000"),
                ("population_max", "900"),
                ("listed", "1"),
            ],
        )
        .await;
    assert_eq!(
        resp.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "inverted range"
    );
    let html = resp.text().await.unwrap();
    assert!(html.contains("Must not be below 100000."), "{html}");
    for (field, value, said) in [
        ("regions", &"r".repeat(101), "At most 100 characters."),
        ("description", &"x".repeat(2001), "At most 2000 characters."),
    ] {
        let resp = ed
            .post(
                "/editor/dortmund/looking?lang=en",
                &[("active", "1"), ("purposes", "learning"), (field, value)],
            )
            .await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let html = resp.text().await.unwrap();
        assert!(html.contains(said), "{field}: {html}");
    }
    let resp = ed
        .post(
            "/editor/dortmund/looking?lang=en",
            &[
                ("active", "1"),
                ("purposes", "learning"),
                ("countries", "FR"),
                ("themes", "climate"),
                ("population_min", "100 000"),
                ("listed", "1"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (_, html) = ed.get("/editor/dortmund/looking?lang=en&saved=1").await;
    assert!(html.contains("Saved."));
    assert!(html.contains("value=\"100000\""), "{html}");

    let (status, html) = ed.get("/editor/dortmund/suggestions?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Stadt lille"));
    assert!(html.contains("also works on climate protection"), "{html}");
    assert!(html.contains("action=\"/editor/dortmund/partnerships?lang=en\""));
    assert!(html.contains("action=\"/editor/dortmund/follows?lang=en\""));
    assert!(html.contains("name=\"partner\" value=\"http"), "{html}");

    // Proposing from the suggestion goes through the existing handshake.
    let target = html
        .split("name=\"partner\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let resp = ed
        .post(
            "/editor/dortmund/partnerships?lang=en",
            &[("partner", &target), ("kind", "twinning")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(ctx.count("partnerships").await, 1);
    // A partner now: no longer suggested.
    let (_, html) = ed.get("/editor/dortmund/suggestions?lang=en").await;
    assert!(!html.contains("Stadt lille"), "{html}");
}

#[tokio::test]
async fn the_peer_endpoints_answer_only_signed_peers() {
    let ctx = Ctx::new().await;
    for path in [
        "/federation/partners/suggestions?profile=%7B%7D",
        "/federation/partners/looking",
    ] {
        let resp = ctx.get(path).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
}

/// The candidates each process keeps in memory follow every change: a new organisation, one
/// that opts out of suggestions, a suspended one (each announced through PostgreSQL).
#[tokio::test]
async fn suggestions_follow_changes_to_the_candidates_kept_in_memory() {
    let ctx = Ctx::new().await;
    ctx.org_with(
        "dortmund",
        OrgKind::Municipality,
        town("DE", 600_000, &["climate"], &["de", "fr"]),
    )
    .await;
    ctx.org_with(
        "amiens",
        OrgKind::Municipality,
        town("FR", 133_000, &["climate"], &["fr"]),
    )
    .await;
    let token = ctx.editor("redaktion", &["dortmund"]).await;
    let names = || async {
        let (status, answer) = get(
            &ctx,
            &token,
            "/api/v1/organisations/dortmund/suggestions?lang=en&scope=local",
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        answer["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // Polls: the announcement reaches the process's listener just after the commit.
    let until = |want: &'static str, present: bool| {
        let names = &names;
        async move {
            for _ in 0..50 {
                if names().await.iter().any(|n| n == want) == present {
                    return;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            panic!("{want} present: {present} never seen");
        }
    };
    until("Stadt amiens", true).await;
    // Kept now: a new organisation appears all the same.
    ctx.org_with(
        "lille",
        OrgKind::Municipality,
        town("FR", 230_000, &["climate"], &["fr", "de"]),
    )
    .await;
    until("Stadt lille", true).await;
    // One that says it does not want to be suggested goes.
    put(
        &ctx,
        &ctx.admin,
        "lille",
        json!({"purposes": ["learning"], "suggested": false}),
    )
    .await;
    until("Stadt lille", false).await;
    // A suspended one goes too, and comes back when reinstated.
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query(
            "INSERT INTO suspended_actors (actor_id) SELECT id FROM actors WHERE handle = 'amiens'",
        ),
        &mut conn,
    )
    .await
    .unwrap();
    until("Stadt amiens", false).await;
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query("DELETE FROM suspended_actors"),
        &mut conn,
    )
    .await
    .unwrap();
    until("Stadt amiens", true).await;
}
