//! EU-wide codes of organisations (LAU and NUTS): checked per country with the field named,
//! derived from AGS and INSEE codes, keyed on by the import's deduplication, and the source
//! of the statistics' regions and region pairs.

use crate::common::Ctx;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn create(ctx: &Ctx, body: Value) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url("/api/v1/organisations"))
            .bearer_auth(&ctx.admin)
            .json(&body),
    )
    .await
}

#[tokio::test]
async fn organisations_carry_lau_and_nuts_codes_checked_by_country() {
    let ctx = Ctx::new().await;
    let (status, org) = create(
        &ctx,
        json!({"handle": "comune-roma", "name": "Roma Capitale", "kind": "municipality",
            "country": "IT", "lau": "IT_058091", "nuts": "ITI43"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{org}");
    assert_eq!(
        (org["lau"].as_str(), org["nuts"].as_str()),
        (Some("IT_058091"), Some("ITI43"))
    );
    // Both travel in the actor document and are shown on the profile page.
    let (status, doc) = ctx.json(ctx.ap_get("/o/comune-roma")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (doc["lau"].as_str(), doc["nuts"].as_str()),
        (Some("IT_058091"), Some("ITI43"))
    );
    assert!(
        doc["@context"]
            .to_string()
            .contains("\"nuts\":\"passerelle:nuts\"")
    );
    let page = ctx.page("/o/comune-roma?lang=en").await;
    assert!(page.contains("IT_058091") && page.contains("NUTS region") && page.contains("ITI43"));

    // A German municipality's AGS is its LAU code.
    let (status, org) = create(
        &ctx,
        json!({"handle": "stadt-dortmund", "name": "Dortmund", "kind": "municipality",
            "country": "DE", "official_code": "05913000", "nuts": "DEA52"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{org}");
    assert_eq!(org["lau"], "DE_05913000");

    for (body, field) in [
        (json!({"country": "PL", "lau": "PL_146501"}), "lau"),
        (json!({"country": "FR", "lau": "DE_05913000"}), "lau"),
        (json!({"country": "FR", "nuts": "DEA52"}), "nuts"),
        (json!({"country": "PL", "nuts": "PL9111"}), "nuts"),
    ] {
        let mut body = body;
        body["handle"] = json!("falsch");
        body["name"] = json!("Falsch");
        body["kind"] = json!("municipality");
        let (status, answer) = create(&ctx, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert_eq!(answer["error"]["field"], field, "{body}: {answer}");
    }
    let (status, _) = ctx.json(ctx.get("/api/v1/organisations/falsch")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nothing half-written");

    let patch = |body: Value| {
        ctx.http
            .patch(ctx.url("/api/v1/organisations/comune-roma"))
            .bearer_auth(&ctx.admin)
            .json(&body)
    };
    let (status, answer) = ctx.json(patch(json!({"nuts": "FRE23"}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["field"], "nuts");
    let (status, org) = ctx
        .json(patch(json!({"nuts": "", "lau": "IT_058091"})))
        .await;
    assert_eq!(status, StatusCode::OK, "{org}");
    assert_eq!(
        (org["lau"].as_str(), org["nuts"].as_str()),
        (Some("IT_058091"), None)
    );
}

#[tokio::test]
async fn the_import_matches_on_lau_codes_and_statistics_pair_nuts_regions() {
    let ctx = Ctx::new().await;
    let (status, roma) = create(
        &ctx,
        json!({"handle": "comune-roma", "name": "Roma Capitale", "kind": "municipality",
            "country": "IT", "lau": "IT_058091", "nuts": "ITI43"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{roma}");
    let list = "name_a;country_a;lau_a;nuts_a;name_b;country_b;code_b;lau_b;nuts_b;kind\n\
                Comune di Roma;IT;IT_058091;;Warszawa;PL;;PL_1465011;PL911;twinning\n\
                Dortmund;DE;;DEA52;Amiens;FR;80021;;FRE23;twinning\n";
    let import = |text: &'static str| {
        ctx.http
            .post(ctx.url("/api/v1/admin/partnerships/import"))
            .bearer_auth(&ctx.admin)
            .header("content-type", "text/csv")
            .body(text)
    };
    let (status, report) = ctx.json(import(list)).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report["organisations_matched"], 1,
        "Roma by its LAU code: {report}"
    );
    assert_eq!(report["organisations_created"], 3, "{report}");
    assert_eq!(report["partnerships_created"], 2, "{report}");
    // Again, under other names: the LAU codes (Amiens's from its INSEE code) match, and
    // "Stadt Dortmund", without a code, is Dortmund by its name.
    let again = "name_a,country_a,lau_a,name_b,country_b,lau_b,kind\n\
                 Rom,IT,IT_058091,Varsovie,PL,PL_1465011,twinning\n\
                 Stadt Dortmund,DE,,Ville d'Amiens,FR,FR_80021,twinning\n";
    let (status, report) = ctx.json(import(again)).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["organisations_created"], 0, "{report}");
    assert_eq!(report["partnerships_existing"], 2, "{report}");

    let bad = "name_a,country_a,lau_a,name_b,country_b,nuts_b,kind\n\
               Roma,IT,IT_58091,Lille,FR,DE111,twinning\n";
    let (status, report) = ctx.json(import(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
    let reason = report["rejected"][0]["reason"].as_str().unwrap_or_default();
    assert!(
        reason.contains("lau_a `IT_58091`") && reason.contains("nuts_b `DE111`"),
        "{report}"
    );

    let (_, stats) = ctx.json(ctx.get("/api/v1/partnerships/stats")).await;
    let s = &stats["statistics"];
    assert_eq!(s["by_region_pair"]["ITI4–PL91"], 1, "{stats}");
    assert_eq!(s["by_region_pair"]["DEA–FRE"], 1, "{stats}");
    assert_eq!(s["by_region"]["PL91"], 1, "{stats}");
    let html = ctx.page("/statistics?lang=it").await;
    for name in [
        "Lazio",
        "Warszawski stołeczny",
        "Nordrhein-Westfalen",
        "Hauts-de-France",
    ] {
        assert!(
            html.contains(name),
            "{name} missing from the statistics page"
        );
    }

    // The registry's region pair: regions by NUTS, named, in every country.
    let html = ctx.page("/registry?lang=it").await;
    assert!(
        html.contains("<option value=\"ITI4\">Lazio (ITI4)</option>"),
        "{html}"
    );
    for (pair, shown, not_shown) in [
        ("region1=ITI4&region2=PL91", "Warszawa", "Amiens"),
        ("region1=PL91&region2=ITI4", "Warszawa", "Amiens"),
        ("region1=FRE&region2=DEA", "Amiens", "Warszawa"),
    ] {
        let html = ctx.page(&format!("/registry?lang=it&{pair}")).await;
        let table = html
            .split("<tbody>")
            .nth(1)
            .and_then(|s| s.split("</tbody>").next())
            .unwrap_or_else(|| panic!("{pair}: no table in {html}"));
        assert!(table.contains(shown), "{pair}: {table}");
        assert!(!table.contains(not_shown), "{pair}: {table}");
    }
}
