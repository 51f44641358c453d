//! Import of a list and open data, through the API.

use crate::common::Ctx;
use reqwest::StatusCode;

const LIST: &str =
    "name_a,country_a,code_a,region_a,name_b,country_b,code_b,region_b,kind,founded_year
Dortmund,DE,05913000,Nordrhein-Westfalen,Amiens,FR,80021,Hauts-de-France,Partnerschaft,1960
Köln,DE,05315000,Nordrhein-Westfalen,Lille,FR,59350,Hauts-de-France,jumelage,1958
";

#[tokio::test]
async fn admins_import_lists_and_anyone_downloads_open_data() {
    let ctx = Ctx::new().await;
    let import = |body: &str, query: &str, token: &str| {
        ctx.http
            .post(ctx.url(&format!("/api/v1/admin/partnerships/import{query}")))
            .bearer_auth(token)
            .header("content-type", "text/csv")
            .body(body.to_string())
    };
    let (status, report) = ctx.json(import(LIST, "", &ctx.admin)).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["partnerships_created"], 2);
    assert_eq!(report["organisations_created"], 4);
    let (_, again) = ctx.json(import(LIST, "", &ctx.admin)).await;
    assert_eq!(
        (
            again["partnerships_created"].as_u64(),
            again["partnerships_existing"].as_u64()
        ),
        (Some(0), Some(2))
    );
    assert_eq!(
        ctx.count("partnerships WHERE confirmed").await,
        0,
        "imported partnerships are unconfirmed"
    );

    let bad = format!(
        "{LIST}Münster,DE,,Nordrhein-Westfalen,Orléans,FR,,Centre-Val de Loire,marriage,1960\n"
    );
    let (status, report) = ctx.json(import(&bad, "", &ctx.admin)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(report["rejected"][0]["line"], 4);
    assert_eq!(
        ctx.count("partnerships").await,
        2,
        "nothing from the rejected file"
    );
    let editor = ctx.editor("redaktion", &[]).await;
    let (status, _) = ctx.json(import(LIST, "", &editor)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let csv = ctx
        .get("/api/v1/open-data/partnerships.csv")
        .send()
        .await
        .unwrap();
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(
        csv.text().await.unwrap().lines().count(),
        3,
        "a header and two partnerships"
    );
    let (status, geo) = ctx
        .json(ctx.get("/api/v1/open-data/partnerships.geojson"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(geo["type"], "FeatureCollection");
    let (_, stats) = ctx.json(ctx.get("/api/v1/partnerships/stats")).await;
    assert_eq!(
        (
            stats["statistics"]["total"].as_u64(),
            stats["statistics"]["confirmed"].as_u64()
        ),
        (Some(2), Some(0))
    );
    let (status, _) = ctx.json(ctx.get("/api/v1/open-data/secrets.txt")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
