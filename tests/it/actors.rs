//! WebFinger, the actor document, content negotiation, NodeInfo and the instance actor.

use crate::common::{AP, Ctx};
use passerelle::orgs::Profile;
use passerelle::vocab::OrgKind;
use reqwest::StatusCode;

fn dortmund_profile() -> Profile {
    Profile {
        summary: [
            ("de".to_string(), "Partnerstadt von Amiens.".to_string()),
            ("fr".to_string(), "Jumelée avec Amiens.".to_string()),
        ]
        .into(),
        country: Some("DE".into()),
        region: Some("Nordrhein-Westfalen".into()),
        official_code: Some("05913000".into()),
        population: Some(600_000),
        website: Some("https://www.dortmund.de".into()),
        languages: vec!["de".into(), "fr".into()],
        themes: vec!["youth".into()],
        latitude: Some(51.5136),
        longitude: Some(7.4653),
        discoverable: true,
        indexable: true,
        ..Profile::default()
    }
}

/// RFC 7033: every answer is readable cross-origin; a malformed resource is 400, a
/// well-formed one naming nothing here 404.
#[tokio::test]
async fn webfinger_answers_carry_cors_and_tell_malformed_from_unknown() {
    let ctx = Ctx::new().await;
    let actor = ctx.org("stadt-dortmund").await;
    let domain = ctx.inst.domain().to_string();
    let base = ctx.inst.base.clone();
    let cases: Vec<(Option<String>, StatusCode)> = vec![
        (
            Some(format!("acct:stadt-dortmund@{domain}")),
            StatusCode::OK,
        ),
        (
            Some(format!("ACCT:STADT-DORTMUND@{domain}")),
            StatusCode::OK,
        ),
        (Some(actor.ap_id.to_string()), StatusCode::OK),
        (Some(format!("{base}/actor")), StatusCode::OK),
        (Some(format!("acct:nobody@{domain}")), StatusCode::NOT_FOUND),
        (
            Some("acct:stadt-dortmund@other.example".into()),
            StatusCode::NOT_FOUND,
        ),
        (Some(format!("{base}/o/nobody")), StatusCode::NOT_FOUND),
        (
            Some(format!("{base}/o/stadt-dortmund/outbox")),
            StatusCode::NOT_FOUND,
        ),
        (
            Some(format!("stadt-dortmund@{domain}")),
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(format!("=acct:stadt-dortmund@{domain}")),
            StatusCode::BAD_REQUEST,
        ),
        (Some(String::new()), StatusCode::BAD_REQUEST),
        (Some("acct:stadt-dortmund".into()), StatusCode::BAD_REQUEST),
        (Some("acct:stadt-dortmund@".into()), StatusCode::BAD_REQUEST),
        (Some(format!("acct:@{domain}")), StatusCode::BAD_REQUEST),
        (None, StatusCode::BAD_REQUEST),
    ];
    for (resource, expected) in cases {
        let mut req = ctx
            .get("/.well-known/webfinger")
            .header("Origin", "https://client.example");
        if let Some(r) = &resource {
            req = req.query(&[("resource", r)]);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let cors = resp
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string());
        let content_type = resp.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_string();
        let body: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(status, expected, "{resource:?}: {body}");
        assert_eq!(cors.as_deref(), Some("*"), "{resource:?}");
        match status {
            StatusCode::OK => assert!(content_type.starts_with("application/jrd+json")),
            StatusCode::NOT_FOUND => assert_eq!(body["error"]["code"], "not_found"),
            _ => {
                assert_eq!(body["error"]["code"], "bad_request", "{resource:?}");
                assert!(
                    body["error"]["message"]
                        .as_str()
                        .unwrap()
                        .contains("resource")
                );
            }
        }
    }
    // A repeated or undecodable parameter is malformed too, and still readable cross-origin.
    let resp = ctx
        .http
        .get(ctx.url(&format!(
            "/.well-known/webfinger?resource=acct:stadt-dortmund@{domain}&resource=acct:x@{domain}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(resp.headers()["access-control-allow-origin"], "*");
}

#[tokio::test]
async fn webfinger_resolves_acct_and_url_and_refuses_unknown() {
    let ctx = Ctx::new().await;
    let actor = ctx.org("stadt-dortmund").await;
    let domain = ctx.inst.domain().to_string();
    for resource in [
        format!("acct:stadt-dortmund@{domain}"),
        format!("acct:Stadt-Dortmund@{domain}"),
        actor.ap_id.to_string(),
    ] {
        let (status, body) = ctx
            .json(
                ctx.get("/.well-known/webfinger")
                    .query(&[("resource", &resource)]),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{resource}: {body}");
        assert_eq!(body["subject"], format!("acct:stadt-dortmund@{domain}"));
        let link = body["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "self")
            .unwrap();
        assert_eq!(link["type"], AP);
        assert_eq!(link["href"], actor.ap_id.as_str());
    }
    for resource in [
        format!("acct:nobody@{domain}"),
        "acct:stadt-dortmund@other.example".to_string(),
    ] {
        let (status, body) = ctx
            .json(
                ctx.get("/.well-known/webfinger")
                    .query(&[("resource", &resource)]),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{resource}");
        assert_eq!(body["error"]["code"], "not_found");
    }
    let (status, _) = ctx.json(ctx.get("/.well-known/webfinger")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let resp = ctx.get("/.well-known/host-meta").send().await.unwrap();
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("/.well-known/webfinger?resource={uri}")
    );
}

#[tokio::test]
async fn actor_document_has_every_field_mastodon_uses() {
    let ctx = Ctx::new().await;
    ctx.org_with("stadt-dortmund", OrgKind::Municipality, dortmund_profile())
        .await;
    let resp = ctx.ap_get("/o/stadt-dortmund").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with(AP)
    );
    let a: serde_json::Value = resp.json().await.unwrap();
    let base = ctx.inst.base.clone();
    let id = format!("{base}/o/stadt-dortmund");
    let ctx_list = a["@context"].as_array().unwrap();
    assert_eq!(ctx_list[0], "https://www.w3.org/ns/activitystreams");
    assert!(ctx_list.contains(&serde_json::json!("https://w3id.org/security/v1")));
    assert_eq!(a["id"], id);
    assert_eq!(a["type"], "Organization");
    assert_eq!(a["preferredUsername"], "stadt-dortmund");
    assert_eq!(a["name"], "Stadt stadt-dortmund");
    assert_eq!(a["summary"], "<p>Partnerstadt von Amiens.</p>");
    assert_eq!(a["url"], id);
    assert_eq!(a["inbox"], format!("{id}/inbox"));
    assert_eq!(a["outbox"], format!("{id}/outbox"));
    assert_eq!(a["followers"], format!("{id}/followers"));
    assert_eq!(a["following"], format!("{id}/following"));
    assert_eq!(a["featured"], format!("{id}/featured"));
    assert_eq!(a["endpoints"]["sharedInbox"], format!("{base}/inbox"));
    assert_eq!(a["publicKey"]["id"], format!("{id}#main-key"));
    assert_eq!(a["publicKey"]["owner"], id);
    assert!(
        a["publicKey"]["publicKeyPem"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----")
    );
    assert_eq!(a["discoverable"], true);
    assert_eq!(a["indexable"], true);
    assert_eq!(a["manuallyApprovesFollowers"], false);
    assert!(
        a["published"]
            .as_str()
            .is_some_and(|p| chrono::DateTime::parse_from_rfc3339(p).is_ok())
    );
    // The structured profile, as our terms and as Mastodon profile fields.
    assert_eq!(a["orgKind"], "municipality");
    assert_eq!(a["officialCode"], "05913000");
    assert_eq!(a["officialCodeScheme"], "AGS");
    assert_eq!(a["population"], 600_000);
    assert_eq!(a["location"]["latitude"], 51.5136);
    let fields = a["attachment"].as_array().unwrap();
    assert!(fields.iter().all(|f| f["type"] == "PropertyValue"));
    let field = |name: &str| {
        fields
            .iter()
            .find(|f| f["name"] == name)
            .map(|f| f["value"].as_str().unwrap().to_string())
    };
    assert_eq!(
        field("Gemeindeschlüssel (AGS)").as_deref(),
        Some("05913000")
    );
    assert_eq!(field("Einwohner").as_deref(), Some("600.000"));
    assert!(
        field("Webseite")
            .unwrap()
            .contains(r#"href="https://www.dortmund.de""#)
    );
    // Main language first in the summary map.
    let keys: Vec<&String> = a["summaryMap"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["de", "fr"]);
    // The same, from our Rust wire struct: the document parses as an actor.
    let parsed: passerelle::federation::protocol::actor::ActorJson =
        serde_json::from_value(a.clone()).unwrap();
    assert_eq!(parsed.id.as_str(), id);
}

#[tokio::test]
async fn content_negotiation_gives_json_ld_to_servers_and_html_to_browsers() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    for accept in [
        AP,
        "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
    ] {
        let resp = ctx
            .get("/o/stadt-koeln")
            .header("Accept", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(AP),
            "{accept}"
        );
    }
    for accept in [Some("text/html,application/xhtml+xml,*/*;q=0.8"), None] {
        let mut req = ctx.get("/o/stadt-koeln");
        if let Some(a) = accept {
            req = req.header("Accept", a);
        }
        let resp = req.send().await.unwrap();
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let html = resp.text().await.unwrap();
        assert!(html.contains("<h1>Stadt stadt-koeln</h1>"), "{html}");
    }
    // The page's language follows Accept-Language, and ?lang= overrides it.
    let html = ctx
        .get("/o/stadt-koeln")
        .header("Accept-Language", "fr-FR,fr;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"fr\">"));
    let html = ctx
        .get("/o/stadt-koeln?lang=en")
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    let resp = ctx.ap_get("/o/nobody").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn nodeinfo_links_both_versions_and_counts_for_real() {
    let ctx = Ctx::new().await;
    let (_, links) = ctx.json(ctx.get("/.well-known/nodeinfo")).await;
    let rels: Vec<&str> = links["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rel"].as_str().unwrap())
        .collect();
    assert!(rels.contains(&"http://nodeinfo.diaspora.software/ns/schema/2.0"));
    assert!(rels.contains(&"http://nodeinfo.diaspora.software/ns/schema/2.1"));
    assert!(rels.contains(&"https://www.w3.org/ns/activitystreams#Application"));
    let (_, before) = ctx.json(ctx.get("/nodeinfo/2.1")).await;
    assert_eq!(before["usage"]["users"]["total"], 0);
    ctx.org("stadt-essen").await;
    let token = ctx.editor("redaktion", &["stadt-essen"]).await;
    let resp = ctx
        .http
        .post(ctx.url("/api/v1/organisations/stadt-essen/posts"))
        .bearer_auth(&token)
        .json(&crate::common::bilingual("Hallo"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    for v in ["2.0", "2.1"] {
        let (status, doc) = ctx.json(ctx.get(&format!("/nodeinfo/{v}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(doc["version"], v);
        assert_eq!(doc["software"]["name"], "passerelle");
        assert_eq!(doc["protocols"][0], "activitypub");
        assert_eq!(doc["usage"]["users"]["total"], 1);
        assert_eq!(doc["usage"]["users"]["activeMonth"], 1);
        assert_eq!(doc["usage"]["localPosts"], 1);
    }
    let (status, _) = ctx.json(ctx.get("/nodeinfo/1.0")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn instance_actor_is_an_application() {
    let ctx = Ctx::new().await;
    let (status, a) = ctx.json(ctx.ap_get("/actor")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(a["type"], "Application");
    assert_eq!(a["id"], ctx.url("/actor"));
    assert!(
        a["publicKey"]["publicKeyPem"]
            .as_str()
            .unwrap()
            .contains("PUBLIC KEY")
    );
    assert_eq!(a["inbox"], ctx.url("/inbox"));
}

/// A NUL character in an address is a clear 400, wherever it would have reached the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nul_character_in_an_address_is_refused_not_a_server_error() {
    let ctx = Ctx::new().await;
    for path in [
        "/o/%00",
        "/o/x%00y/outbox",
        "/.well-known/webfinger?resource=acct:%00@localhost",
        "/search?q=%00",
        "/registry?theme=%00",
        "/api/v1/search?q=jugend&regions=%00",
        "/posts/%00",
    ] {
        let resp = ctx.get(path).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST, "{path}");
        let body = resp.text().await.unwrap();
        assert!(body.contains("NUL"), "{path}: {body}");
    }
    // Browsers get the error as a page.
    let resp = ctx
        .get("/o/%00")
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(resp.text().await.unwrap().contains("<html"));
}
