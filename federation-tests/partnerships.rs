//! Partnerships confirmed by both sides across instances: propose, accept, decline, mark
//! dormant, end; counted once in federation statistics; bad input refused.

use crate::common::{Net, wait_for};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn partnership_of(net: &Net, org: &str, partner_handle: &str) -> Option<Value> {
    let (_, list) = net
        .call(
            Method::GET,
            &format!("/api/v1/organisations/{org}/partnerships"),
            None,
        )
        .await;
    list.as_array()?
        .iter()
        .find(|p| {
            p["subject"]["handle"] == partner_handle || p["object"]["handle"] == partner_handle
        })
        .cloned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn propose_accept_decline_dormant_end_and_count_once() {
    let afccre = Net::start().await;
    let afccre_domain = afccre.domain();
    let nrw = Net::start_with(move |c| c.federation.peers = vec![afccre_domain]).await;
    nrw.org("stadt-dortmund", false).await;
    nrw.org("stadt-koeln", false).await;
    afccre.org("ville-amiens", false).await;
    afccre.org("ville-lille", false).await;

    // Dortmund proposes a twinning to Amiens.
    let (status, proposed) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/partnerships",
            Some(json!({"partner": afccre.handle("ville-amiens"), "kind": "twinning", "founded_year": 1960,
                        "languages": ["de", "fr"], "themes": ["youth"], "description": {"de": "Seit 1960", "fr": "Depuis 1960"}})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{proposed}");
    assert_eq!(proposed["status"], "proposed");
    assert_eq!(proposed["confirmed"], false);
    let dortmund = nrw.handle("stadt-dortmund");
    let incoming = wait_for("the proposal reaches afccre", 20, || {
        partnership_of(&afccre, "ville-amiens", &dortmund)
    })
    .await;
    assert_eq!(
        incoming["ap_id"], proposed["ap_id"],
        "both instances hold the same partnership"
    );
    assert_eq!(incoming["status"], "proposed");
    assert_eq!(incoming["founded_year"], 1960);

    // The proposer cannot accept its own proposal; a duplicate proposal is refused.
    let (status, _) = nrw
        .call(
            Method::POST,
            &format!("/api/v1/partnerships/{}/accept", proposed["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-dortmund/partnerships",
            Some(json!({"partner": afccre.handle("ville-amiens"), "kind": "twinning"})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Amiens accepts: confirmed on both sides.
    let (status, accepted) = afccre
        .call(
            Method::POST,
            &format!("/api/v1/partnerships/{}/accept", incoming["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(
        (accepted["status"].as_str(), accepted["confirmed"].as_bool()),
        (Some("active"), Some(true))
    );
    wait_for("nrw sees it confirmed", 20, || async {
        partnership_of(&nrw, "stadt-dortmund", &afccre.handle("ville-amiens"))
            .await
            .filter(|p| p["confirmed"] == true && p["status"] == "active")
    })
    .await;

    // Counted once across the federation, though both instances hold it.
    let (_, fed) = nrw
        .call(
            Method::GET,
            "/api/v1/partnerships/stats?scope=federation",
            None,
        )
        .await;
    assert_eq!(fed["statistics"]["total"], 1, "{fed}");
    assert_eq!(fed["statistics"]["confirmed"], 1);
    assert_eq!(fed["networks"].as_array().unwrap().len(), 2);
    assert!(
        fed["networks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["answered"] == true),
        "{fed}"
    );
    let (_, registry) = afccre
        .call(
            Method::GET,
            "/api/v1/partnerships?countries=FR,DE&confirmed=true",
            None,
        )
        .await;
    assert_eq!(
        registry["total"], 0,
        "countries are not set on these test organisations"
    );
    let (_, registry) = afccre
        .call(
            Method::GET,
            "/api/v1/partnerships?kind=Partnerschaft&confirmed=true",
            None,
        )
        .await;
    assert_eq!(registry["total"], 1, "{registry}");

    // Amiens marks it dormant, then ends it; nrw follows.
    let (status, _) = afccre
        .call(
            Method::PATCH,
            &format!("/api/v1/partnerships/{}", incoming["id"]),
            Some(json!({"status": "dormant"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    wait_for("nrw sees it dormant", 20, || async {
        partnership_of(&nrw, "stadt-dortmund", &afccre.handle("ville-amiens"))
            .await
            .filter(|p| p["status"] == "dormant")
    })
    .await;
    let (status, err) = afccre
        .call(
            Method::PATCH,
            &format!("/api/v1/partnerships/{}", incoming["id"]),
            Some(json!({"status": "ended", "ended_on": "1950-01-01"})),
        )
        .await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("ended_on"))
    );
    let (status, _) = afccre
        .call(
            Method::PATCH,
            &format!("/api/v1/partnerships/{}", incoming["id"]),
            Some(json!({"status": "ended", "ended_on": "2025-12-31"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let ended = wait_for("nrw sees it ended", 20, || async {
        partnership_of(&nrw, "stadt-dortmund", &afccre.handle("ville-amiens"))
            .await
            .filter(|p| p["status"] == "ended")
    })
    .await;
    assert_eq!(ended["ended_on"], "2025-12-31");
    assert_eq!(ended["confirmed"], true, "kept for history");

    // Köln proposes to Lille; Lille declines.
    let (_, koeln) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-koeln/partnerships",
            Some(json!({"partner": afccre.handle("ville-lille"), "kind": "friendship"})),
        )
        .await;
    let koeln_handle = nrw.handle("stadt-koeln");
    let incoming = wait_for("the proposal reaches afccre", 20, || {
        partnership_of(&afccre, "ville-lille", &koeln_handle)
    })
    .await;
    let (status, _) = answer(&afccre, &incoming, "reject").await;
    assert_eq!(status, StatusCode::OK);
    wait_for("nrw sees it declined", 20, || async {
        let (_, p) = nrw
            .call(
                Method::GET,
                &format!("/api/v1/partnerships/{}", koeln["id"]),
                None,
            )
            .await;
        (p["status"] == "declined").then_some(())
    })
    .await;

    // Bad input.
    let (status, err) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-koeln/partnerships",
            Some(json!({"partner": "stadt-koeln", "kind": "twinning"})),
        )
        .await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("partner"))
    );
    let (status, err) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-koeln/partnerships",
            Some(json!({"partner": "@nobody@localhost:1", "kind": "twinning"})),
        )
        .await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("partner")),
        "{err}"
    );
    let (status, _) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-koeln/partnerships",
            Some(json!({"partner": "stadt-dortmund", "kind": "marriage"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The addressed side's answer (`accept` or `reject`) to `partnership`, through the API.
async fn answer(net: &Net, partnership: &Value, verb: &str) -> (StatusCode, Value) {
    net.call(
        Method::POST,
        &format!("/api/v1/partnerships/{}/{verb}", partnership["id"]),
        None,
    )
    .await
}

/// Münster on `nrw` imports its partnership with Orléans on `afccre` (matched by codes) and
/// asks Orléans to confirm it; the request as Orléans's instance has it.
async fn imported_and_asked(nrw: &Net, afccre: &Net) -> Value {
    use passerelle::orgs::{self, NewOrganisation, Profile};
    use passerelle::vocab::OrgKind;
    let with_code = |country: &str, code: &str| Profile {
        country: Some(country.into()),
        official_code: Some(code.into()),
        ..Profile::default()
    };
    {
        let mut conn = nrw.inst.state().pool.get().await.unwrap();
        let input = NewOrganisation {
            handle: "stadt-muenster".into(),
            name: "Stadt Münster".into(),
            kind: OrgKind::Municipality,
            profile: with_code("DE", "05515000"),
        };
        orgs::create(&mut conn, &nrw.inst.state().urls, &input)
            .await
            .unwrap();
        let mut conn = afccre.inst.state().pool.get().await.unwrap();
        let input = NewOrganisation {
            handle: "ville-orleans".into(),
            name: "Ville d'Orléans".into(),
            kind: OrgKind::Municipality,
            profile: with_code("FR", "45234"),
        };
        orgs::create(&mut conn, &afccre.inst.state().urls, &input)
            .await
            .unwrap();
    }
    // nrw knows Orléans (here through a follow), then imports its list: matched by codes.
    nrw.follow("stadt-muenster", &afccre.handle("ville-orleans"))
        .await;
    let orleans_url = afccre.inst.url("/o/ville-orleans");
    wait_for("Orléans known on nrw", 20, || async {
        nrw.following_accepted("stadt-muenster", &orleans_url).await
    })
    .await;
    let list = "name_a,country_a,code_a,name_b,country_b,code_b,kind,founded_year\nMünster,DE,05515000,Orléans,FR,45234,Partnerschaft,1960\n";
    let resp = nrw
        .http
        .post(nrw.inst.url("/api/v1/admin/partnerships/import"))
        .bearer_auth(&nrw.token)
        .header("content-type", "text/csv")
        .body(list)
        .send()
        .await
        .unwrap();
    let report: Value = resp.json().await.unwrap();
    assert_eq!(
        (
            report["organisations_matched"].as_u64(),
            report["partnerships_created"].as_u64()
        ),
        (Some(2), Some(1)),
        "{report}"
    );
    let imported = partnership_of(nrw, "stadt-muenster", &afccre.handle("ville-orleans"))
        .await
        .unwrap();
    assert_eq!(
        (
            imported["imported"].as_bool(),
            imported["confirmed"].as_bool()
        ),
        (Some(true), Some(false))
    );

    // Münster asks Orléans to confirm it: the imported partnership is the one proposed.
    let (status, proposed) = nrw
        .call(
            Method::POST,
            "/api/v1/organisations/stadt-muenster/partnerships",
            Some(json!({"partner": orleans_url, "kind": "twinning"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{proposed}");
    assert_eq!(proposed["id"], imported["id"]);
    let muenster = nrw.handle("stadt-muenster");
    let incoming = wait_for("the request reaches afccre", 20, || {
        partnership_of(afccre, "ville-orleans", &muenster)
    })
    .await;
    assert_eq!(incoming["founded_year"], 1960);
    incoming
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_partnership_is_confirmed_by_the_other_side() {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    let incoming = imported_and_asked(&nrw, &afccre).await;
    let (status, _) = answer(&afccre, &incoming, "accept").await;
    assert_eq!(status, StatusCode::OK);
    let confirmed = wait_for("nrw sees it confirmed", 20, || async {
        partnership_of(&nrw, "stadt-muenster", &afccre.handle("ville-orleans"))
            .await
            .filter(|p| p["confirmed"] == true)
    })
    .await;
    assert_eq!(confirmed["imported"], true);
    assert_eq!(
        nrw.count("partnerships").await,
        1,
        "no second partnership was made"
    );
}

/// Orléans declines to confirm the imported partnership: on nrw it stays as imported and
/// waits for no answer any more (it stayed "waiting" for ever); on afccre the request is
/// declined.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_declined_confirmation_leaves_the_imported_partnership_waiting_for_nothing() {
    let (nrw, afccre) = tokio::join!(Net::start(), Net::start());
    let incoming = imported_and_asked(&nrw, &afccre).await;
    let (status, body) = answer(&afccre, &incoming, "reject").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Waiting for an answer, as `awaits_answer_from` reads it.
    let waiting = "partnerships WHERE NOT confirmed \
        AND (status = 'proposed' OR offer_activity_id IS NOT NULL) \
        AND status NOT IN ('ended', 'declined')";
    assert_eq!(afccre.count(waiting).await, 0, "declined on afccre");
    wait_for("nrw hears of it", 20, || async {
        (nrw.count(waiting).await == 0).then_some(())
    })
    .await;
    assert_eq!(
        nrw.count("partnerships WHERE imported AND NOT confirmed AND status = 'active'")
            .await,
        1,
        "the imported partnership stays as it was"
    );
    // Nothing to answer any more.
    let (status, _) = answer(&afccre, &incoming, "accept").await;
    assert_eq!(status, StatusCode::CONFLICT);
}
