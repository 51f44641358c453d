//! The registry (filters, map), statistics (charts and tables), feeds (well-formed RSS and
//! Atom) and the "follow from Mastodon" box's redirects.

use crate::common::{Ctx, bilingual};
use crate::pages::{page, publish, twinned};
use axum::Json;
use axum::extract::Query;
use axum::routing::get;
use reqwest::StatusCode;
use serde_json::json;
use std::collections::HashMap;

#[tokio::test]
async fn registry_filters_and_draws_the_map_without_third_party_requests() {
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    let (status, html) = page(&ctx, "/registry", "de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("role=\"status\">2\u{a0}Treffer</p>"));
    // The map: three points, two lines (the unconfirmed one dashed), plain background.
    let svg = &html[html.find("<svg class=\"map\"").expect("map")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert_eq!(svg.matches("<circle").count(), 3, "{svg}");
    assert_eq!(svg.matches("stroke=\"#b3261e\"").count(), 2);
    assert_eq!(svg.matches("stroke-dasharray").count(), 1);
    assert!(
        !svg.contains("<image") && !html.contains("https://"),
        "no third-party request"
    );
    assert!(svg.contains("<title id=\"map-title\">Karte</title>"));
    // Filters: a country pair, in either order.
    let (_, html) = page(&ctx, "/registry?country1=FR&country2=DE", "de").await;
    assert!(html.contains("role=\"status\">1\u{a0}Treffer</p>"));
    assert!(html.contains("Stadt amiens") && !html.contains(">Stadt zwickau<"));
    assert!(html.contains("<option value=\"FR\" selected>FR</option>"));
    // Kind, years, confirmed.
    let (_, html) = page(&ctx, "/registry?kind=friendship", "en").await;
    assert!(html.contains("role=\"status\">1\u{a0}result</p>") && html.contains(">Stadt zwickau<"));
    let (_, html) = page(&ctx, "/registry?from_year=1980&to_year=2000", "en").await;
    assert!(html.contains("role=\"status\">1\u{a0}result</p>") && html.contains(">Stadt zwickau<"));
    let (_, html) = page(&ctx, "/registry?confirmed=true", "en").await;
    assert!(html.contains("role=\"status\">1\u{a0}result</p>") && html.contains(">Stadt amiens<"));
    assert!(html.contains("id=\"confirmed\" name=\"confirmed\" value=\"true\" checked"));
    let (_, html) = page(
        &ctx,
        "/registry?region1=Sachsen&region2=Nordrhein-Westfalen",
        "en",
    )
    .await;
    assert!(html.contains("role=\"status\">1\u{a0}result</p>") && html.contains(">Stadt zwickau<"));
    // Half a pair or a bad year: the message next to the field, the rest still applied.
    let (status, html) = page(
        &ctx,
        "/registry?country1=DE&to_year=19x0&kind=twinning",
        "de",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(
            "<p class=\"error\" id=\"country2-error\">Bitte beide wählen oder keines.</p>"
        )
    );
    assert!(html.contains("<p class=\"error\" id=\"to_year-error\">"));
    assert!(html.contains("value=\"19x0\""), "what was typed is kept");
    assert!(html.contains("role=\"status\">1\u{a0}Treffer</p>"));
    // The language switch keeps the filters.
    assert!(
        html.contains(
            "href=\"/registry?country1=DE&#38;kind=twinning&#38;to_year=19x0&#38;lang=fr\""
        ),
        "{html}"
    );
}

#[tokio::test]
async fn registry_map_uses_tiles_only_when_an_operator_configures_them() {
    let inst = passerelle::testing::TestInstance::start_with(|c| {
        c.web.map_tiles = "https://tiles.example/{z}/{x}/{y}.png".into();
        c.web.map_attribution = "© Tile makers".into();
    })
    .await
    .unwrap();
    let ctx = Ctx::with(inst).await;
    twinned(&ctx).await;
    let (_, html) = page(&ctx, "/registry", "en").await;
    assert!(
        html.contains("<image href=\"https://tiles.example/"),
        "{html}"
    );
    assert!(html.contains("© Tile makers"));
}

#[tokio::test]
async fn statistics_are_charts_with_text_alternatives() {
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    let (status, html) = page(&ctx, "/statistics?lang=en", "de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Confirmed by both sides: 50%"));
    for (id, title) in [
        ("pairs", "By country pair"),
        ("kinds", "By kind"),
        ("decades", "By founding decade"),
        ("regions", "By region"),
    ] {
        assert!(
            html.contains(&format!("aria-labelledby=\"{id}-t {id}-d\"")),
            "{id}"
        );
        assert!(html.contains(&format!("<title id=\"{id}-t\">{title}</title>")));
        assert!(html.contains(&format!("<caption>{title}</caption>")));
    }
    // The same figures in the tables.
    assert!(html.contains("<th scope=\"row\">DE–FR</th><td class=\"num\">1</td>"));
    assert!(html.contains("<th scope=\"row\">Twinning</th><td class=\"num\">1</td>"));
    assert!(html.contains("<th scope=\"row\">1960s</th><td class=\"num\">1</td>"));
    assert!(html.contains("<th scope=\"row\">Nordrhein-Westfalen</th><td class=\"num\">2</td>"));
    // Decades as each language says them.
    let (_, html) = page(&ctx, "/statistics", "fr").await;
    assert!(html.contains("<th scope=\"row\">années 1990</th>"));
    assert!(html.contains("50\u{202f}%"));
    // The federation scope names peers that do not answer (this instance has none).
    let (status, html) = page(&ctx, "/statistics?scope=federation", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("aria-current=\"page\">All connected networks"));
}

fn parse(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"))
}

fn texts<'a>(doc: &'a roxmltree::Document, tag: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag && n.tag_name().namespace().is_none())
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

#[tokio::test]
async fn feeds_per_organisation_and_theme_are_well_formed_and_link_to_pages() {
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    let mut body = bilingual("Jugend");
    body["translations"][1]["title"] = json!("Jeunes <&> \"amis\"\u{7}");
    let post = publish(&ctx, "dortmund", &ctx.admin, &body).await;
    let mut other = bilingual("Radwege");
    other["themes"] = json!(["mobility"]);
    publish(&ctx, "amiens", &ctx.admin, &other).await;
    let link = post["ap_id"].as_str().unwrap().to_string();

    let resp = ctx
        .get("/o/dortmund/feed.rss?lang=fr")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/rss+xml")
    );
    let xml = resp.text().await.unwrap();
    let doc = parse(&xml);
    assert_eq!(doc.root_element().attribute("version"), Some("2.0"));
    assert_eq!(texts(&doc, "title")[1], "Jeunes <&> \"amis\"");
    assert_eq!(
        texts(&doc, "link"),
        [ctx.url("/o/dortmund").as_str(), link.as_str()]
    );
    assert_eq!(texts(&doc, "language"), ["fr"]);
    assert!(texts(&doc, "description")[1].contains("<em>français</em>"));
    // The item's page exists.
    let page_resp = ctx
        .get(&link.replace(&ctx.url(""), ""))
        .send()
        .await
        .unwrap();
    assert_eq!(page_resp.status(), StatusCode::OK);

    let xml = ctx
        .get("/o/dortmund/feed.atom?lang=de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The feed names itself in its language, as readers subscribe to it.
    assert!(xml.contains("/o/dortmund/feed.atom?lang=de\""), "{xml}");
    let doc = parse(&xml);
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!(doc.root_element().tag_name().namespace(), Some(atom));
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .collect();
    assert_eq!(entries.len(), 1);
    let title = entries[0]
        .children()
        .find(|n| n.has_tag_name((atom, "title")))
        .unwrap();
    assert_eq!(title.text(), Some("Jugend (de)"));
    let alt = entries[0]
        .children()
        .find(|n| n.has_tag_name((atom, "link")))
        .unwrap();
    assert_eq!(alt.attribute("href"), Some(link.as_str()));

    // Per theme: the climate feed has Dortmund's post, the mobility one only Amiens'.
    for ext in ["rss", "atom"] {
        let xml = ctx
            .get(&format!("/tags/climate/feed.{ext}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let doc = parse(&xml);
        let all: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(
            all.contains("Jugend (de)") && !all.contains("Radwege"),
            "{ext}: {xml}"
        );
        let xml = ctx
            .get(&format!("/tags/mobility/feed.{ext}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let all: String = parse(&xml).descendants().filter_map(|n| n.text()).collect();
        assert!(
            all.contains("Radwege (de)") && !all.contains("Jugend"),
            "{ext}: {xml}"
        );
    }
    let (_, html) = page(&ctx, "/tags/climate", "en").await;
    assert!(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    assert!(html.contains("href=\"/tags/climate/feed.atom?lang=en\""));
    // Unknown organisation or theme: 404.
    assert_eq!(
        ctx.get("/o/nobody/feed.rss").send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ctx.get("/tags/nothing/feed.atom")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}

/// A visitor's server: WebFinger for `anna` with a subscribe template, 404 for anyone else.
async fn visitor_server() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = axum::Router::new().route(
        "/.well-known/webfinger",
        get(move |Query(q): Query<HashMap<String, String>>| async move {
            if q.get("resource").map(String::as_str) == Some(&format!("acct:anna@localhost:{port}")) {
                Ok(Json(json!({
                    "subject": format!("acct:anna@localhost:{port}"),
                    "links": [
                        {"rel": "self", "type": "application/activity+json", "href": "x"},
                        {"rel": "http://ostatus.org/schema/1.0/subscribe",
                         "template": format!("http://localhost:{port}/authorize_follow?acct={{uri}}")}
                    ]
                })))
            } else {
                Err(StatusCode::NOT_FOUND)
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    port
}

fn form_body(handle: &str) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("handle", handle)
        .finish()
}

#[tokio::test]
async fn follow_box_sends_visitors_to_their_own_server() {
    let ctx = Ctx::new().await;
    ctx.org("dortmund").await;
    let port = visitor_server().await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let follow = |handle: String| {
        http.post(ctx.url("/o/dortmund/follow"))
            .header("Accept-Language", "de")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form_body(&handle))
            .send()
    };
    let actor: String =
        url::form_urlencoded::byte_serialize(ctx.url("/o/dortmund").as_bytes()).collect();
    // WebFinger's subscribe template.
    let resp = follow(format!("@anna@localhost:{port}")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers()["location"],
        format!("http://localhost:{port}/authorize_follow?acct={actor}").as_str()
    );
    // No template for this account, or only a server given: Mastodon's authorize_interaction.
    for handle in [format!("bob@localhost:{port}"), format!("localhost:{port}")] {
        let resp = follow(handle.clone()).await.unwrap();
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{handle}");
        assert_eq!(
            resp.headers()["location"],
            format!("http://localhost:{port}/authorize_interaction?uri={actor}").as_str()
        );
    }
    // Bad handles: the profile again, the error next to the field, what was typed kept.
    let resp = follow("<b>anna</b> at home".into()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains("<h1>Stadt dortmund</h1>"));
    assert!(html.contains(
        "<p class=\"error\" id=\"handle-error\"><strong>Fehler:</strong> Das ist keine Adresse"
    ));
    assert!(
        html.contains("value=\"&#60;b&#62;anna&#60;/b&#62; at home\"")
            || html.contains("value=\"&lt;b&gt;anna&lt;/b&gt; at home\""),
        "{html}"
    );
    assert!(
        html.contains("aria-invalid=\"true\"")
            && html.contains("aria-describedby=\"handle-hint handle-error\"")
    );
    let resp = follow("  ".into()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("Bitte geben Sie Ihre Adresse ein.")
    );
    // Our own server is not the visitor's.
    let resp = follow(format!("@x@{}", ctx.inst.domain())).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // An unknown organisation: 404.
    let resp = http
        .post(ctx.url("/o/nobody/follow"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form_body("a@b.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}
