//! The network's funding programmes kept through the editors' web form (refusals in the
//! editor's language next to their fields, nothing stored; saved, changed, deleted; only the
//! network's keepers), and a project post naming the programme that funded it (API, web
//! form, ActivityPub document, post page, programme page).

use crate::common::{Ctx, Editor, bilingual};
use passerelle::orgs::Profile;
use passerelle::vocab::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn network_with_editors(ctx: &Ctx) {
    ctx.org("stadt-dortmund").await;
    ctx.org_with("netzwerkstelle", OrgKind::Network, Profile::default())
        .await;
    ctx.editor("stadt", &["stadt-dortmund"]).await;
    ctx.editor("netz", &["netzwerkstelle"]).await;
}

async fn programmes(ctx: &Ctx) -> Vec<Value> {
    let (status, list) = ctx.json(ctx.get("/api/v1/funding")).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

#[tokio::test]
async fn the_networks_editors_keep_programmes_through_the_web_form() {
    let ctx = Ctx::new().await;
    network_with_editors(&ctx).await;
    let town = Editor::login(&ctx, "stadt").await;
    let (status, _) = town.get("/editor/_funding").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, dashboard) = town.get("/editor?lang=de").await;
    assert!(!dashboard.contains("/editor/_funding"));

    let net = Editor::login(&ctx, "netz").await;
    let (status, dashboard) = net.get("/editor?lang=de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(dashboard.contains("/editor/_funding"), "{dashboard}");
    let (status, form) = net.get("/editor/_funding/new?lang=de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("name=\"call_deadline_0\""), "{form}");

    // Refused, in German, next to the fields; nothing stored.
    let resp = net
        .post(
            "/editor/_funding?lang=de",
            &[("funder", "Land NRW"), ("min_partners", "zwei")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"min_partners-error\""), "{html}");
    assert!(html.contains("Eine ganze Zahl"), "{html}");
    assert!(html.contains("id=\"name_de-error\""), "{html}");
    assert!(
        html.contains("value=\"Land NRW\""),
        "what was typed stays: {html}"
    );
    // The domain's own check (an unknown country) lands on its field too.
    let resp = net
        .post(
            "/editor/_funding?lang=de",
            &[
                ("name_de", "Kleiner Fonds"),
                ("funder", "Land NRW"),
                ("countries", "DE, Germany"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"countries-error\""), "{html}");
    // In the visitor's language, naming what was typed.
    assert!(html.contains("Unbekanntes Land „Germany“"), "{html}");
    assert!(!html.contains("unknown country"), "{html}");
    assert_eq!(ctx.count("funding_programmes").await, 0);
    // A rule against another one, in French.
    let resp = net
        .post(
            "/editor/_funding?lang=fr",
            &[
                ("name_de", "Kleiner Fonds"),
                ("funder", "Land NRW"),
                ("grant_min", "5000"),
                ("grant_max", "1000"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"grant_max-error\""), "{html}");
    assert!(
        html.contains("Inférieure à la plus petite subvention."),
        "{html}"
    );
    assert_eq!(ctx.count("funding_programmes").await, 0);

    // Saved: in the directory with every rule as typed.
    let resp = net
        .post(
            "/editor/_funding?lang=de",
            &[
                ("name_de", "Kleiner Fonds"),
                ("description_de", "Für Begegnungen."),
                ("name_fr", "Petit fonds"),
                ("funder", "Land NRW"),
                ("link", "https://example.org/fonds"),
                ("applicant_kinds", "municipality"),
                ("applicant_kinds", "association"),
                ("countries", "DE, FR"),
                ("min_partners", "2"),
                ("min_participants", "10"),
                ("grant_max", "5.000"),
                ("lump_sums", "1000, 2500"),
                ("cofunding_rate", "80"),
                ("duration_max", "12"),
                ("duration_unit", "months"),
                ("themes", "youth"),
                ("call_label_1", "2999"),
                ("call_opens_1", "2026-01-01"),
                ("call_deadline_1", "2999-03-31"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let list = programmes(&ctx).await;
    assert_eq!(list.len(), 1, "{list:?}");
    let p = &list[0];
    assert_eq!(p["funder"], "Land NRW");
    assert_eq!(p["applicant_kinds"], json!(["municipality", "association"]));
    assert_eq!(p["grant_max"], 5000);
    assert_eq!(p["lump_sums"], json!([1000, 2500]));
    assert_eq!(p["cofunding_rate"], 80);
    assert_eq!(p["calls"][0]["label"], "2999");
    assert_eq!(p["calls"][0]["open"], true);
    let id = p["id"].as_i64().unwrap();
    let (_, listed) = net.get("/editor/_funding?lang=de&done=saved").await;
    assert!(listed.contains("Kleiner Fonds") && listed.contains("role=\"status\""));

    // The edit form holds what is stored; a change is saved.
    let (status, form) = net
        .get(&format!("/editor/_funding/{id}/edit?lang=de"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"Petit fonds\""), "{form}");
    assert!(form.contains("value=\"2999-03-31\""), "{form}");
    assert!(form.contains("value=\"1000, 2500\""), "{form}");
    let resp = net
        .post(
            &format!("/editor/_funding/{id}?lang=de"),
            &[
                ("name_de", "Kleiner Fonds"),
                ("funder", "Land Nordrhein-Westfalen"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let list = programmes(&ctx).await;
    assert_eq!(list[0]["funder"], "Land Nordrhein-Westfalen");
    assert_eq!(list[0]["calls"], json!([]));

    // A town's editor cannot change or delete it; the network's can.
    let resp = town
        .post(&format!("/editor/_funding/{id}/delete"), &[])
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = net
        .post(&format!("/editor/_funding/{id}/delete"), &[])
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(programmes(&ctx).await.is_empty());
}

#[tokio::test]
async fn a_project_names_the_programme_that_funded_it() {
    let ctx = Ctx::new().await;
    network_with_editors(&ctx).await;
    let (status, created) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/funding"))
                .bearer_auth(&ctx.admin)
                .json(&json!({
                    "translations": [{"language": "de", "name": "Bürgerfonds"},
                                     {"language": "fr", "name": "Fonds citoyen"}],
                    "funder": "DFBF"
                })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let programme = created["id"].as_i64().unwrap();
    let programme_id = created["ap_id"].as_str().unwrap().to_string();
    let token = ctx.editor("redaktion", &["stadt-dortmund"]).await;
    let posts = ctx.url("/api/v1/organisations/stadt-dortmund/posts");

    // An unknown programme is refused on its field; nothing stored.
    let mut body = bilingual("Jugendbegegnung");
    body["funded_by"] = json!("4711");
    let (status, err) = ctx
        .json(ctx.http.post(&posts).bearer_auth(&token).json(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
    assert_eq!(err["error"]["field"], "funded_by");
    assert_eq!(ctx.count("posts").await, 0);

    // By its number here: the post keeps the programme's id.
    body["funded_by"] = json!(programme.to_string());
    let (status, post) = ctx
        .json(ctx.http.post(&posts).bearer_auth(&token).json(&body))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    assert_eq!(post["funded_by"], programme_id.as_str());
    let ap_id = post["ap_id"].as_str().unwrap().to_string();
    let (status, doc) = ctx.json(ctx.ap_get(&ap_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["fundedBy"], programme_id.as_str());
    assert!(doc["@context"].to_string().contains("passerelle:fundedBy"));

    // The post's page names it; the programme's page lists the project.
    let page = ctx
        .page(&format!(
            "{}?lang=fr",
            ap_id.trim_start_matches(&ctx.url(""))
        ))
        .await;
    assert!(page.contains("Financé par"), "{page}");
    assert!(
        page.contains(&format!(
            "<a href=\"/funding/programmes/{programme}\">Fonds citoyen</a>"
        )),
        "{page}"
    );
    let page = ctx
        .page(&format!("/funding/programmes/{programme}?lang=de"))
        .await;
    assert!(
        page.contains("Mit diesem Programm geförderte Projekte"),
        "{page}"
    );
    assert!(page.contains("Jugendbegegnung (de)"), "{page}");

    // The editors' post form offers the directory's programmes, the stored one chosen.
    let ed = Editor::login(&ctx, "redaktion").await;
    let id = post["id"].as_str().unwrap();
    let (status, form) = ed.get(&format!("/editor/posts/{id}/edit?lang=de")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains(&format!(
            "<option value=\"{programme_id}\" selected>Bürgerfonds (DFBF)</option>"
        )),
        "{form}"
    );

    // Deleted, the project leaves the programme's list.
    let (status, _) = ctx
        .json(
            ctx.http
                .delete(ctx.url(&format!("/api/v1/posts/{id}")))
                .bearer_auth(&token),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let page = ctx
        .page(&format!("/funding/programmes/{programme}?lang=de"))
        .await;
    assert!(page.contains("Noch kein Projekt hat dieses Programm genannt."));
}
