//! The public pages, served for real: home, organisation profile (with the follow box),
//! project page, registry with its map, statistics; language negotiation and the sticky
//! language cookie; escaping of hostile input.

use crate::common::{Ctx, bilingual};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::vocab::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A bilingual post by `handle`; returns the API's answer.
pub async fn publish(ctx: &Ctx, handle: &str, token: &str, body: &Value) -> Value {
    let (status, post) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/organisations/{handle}/posts")))
                .bearer_auth(token)
                .json(body),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    post
}

pub async fn page(ctx: &Ctx, path: &str, accept_language: &str) -> (StatusCode, String) {
    let resp = ctx
        .get(path)
        .header("Accept-Language", accept_language)
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap())
}

/// An organisation with a place on the map.
pub async fn placed(ctx: &Ctx, handle: &str, country: &str, region: &str, lat: f64, lon: f64) {
    ctx.org_with(
        handle,
        OrgKind::Municipality,
        Profile {
            country: Some(country.into()),
            region: Some(region.into()),
            latitude: Some(lat),
            longitude: Some(lon),
            ..Profile::default()
        },
    )
    .await;
}

/// `subject` proposes to `object`; `accept` makes it confirmed by both sides.
pub async fn partnership(
    ctx: &Ctx,
    subject: &str,
    object: &str,
    kind: &str,
    year: i32,
    accept: bool,
) {
    let (status, p) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!("/api/v1/organisations/{subject}/partnerships")))
                .bearer_auth(&ctx.admin)
                .json(
                    &json!({"partner": format!("@{object}"), "kind": kind, "founded_year": year}),
                ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{p}");
    if accept {
        let (status, p) = ctx
            .json(
                ctx.http
                    .post(ctx.url(&format!("/api/v1/partnerships/{}/accept", p["id"])))
                    .bearer_auth(&ctx.admin),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{p}");
        assert_eq!(p["confirmed"], true);
    }
}

/// Three organisations: Dortmund–Amiens confirmed (1960), Dortmund–Zwickau proposed (1990).
pub async fn twinned(ctx: &Ctx) {
    placed(ctx, "dortmund", "DE", "Nordrhein-Westfalen", 51.51, 7.47).await;
    placed(ctx, "amiens", "FR", "Hauts-de-France", 49.89, 2.30).await;
    placed(ctx, "zwickau", "DE", "Sachsen", 50.72, 12.49).await;
    partnership(ctx, "dortmund", "amiens", "twinning", 1960, true).await;
    partnership(ctx, "dortmund", "zwickau", "friendship", 1990, false).await;
}

fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

#[tokio::test]
async fn home_shows_the_network_figures_events_and_featured_projects() {
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    let today = chrono::Utc::now().date_naive();
    // The upcoming box shows events (posts of type Event with their times).
    let event = |title: &str, days: u64, span: u64| {
        let body = bilingual(title);
        json!({
            "translations": body["translations"],
            "starts_at": format!("{}T10:00", today + chrono::Days::new(days)),
            "ends_at": format!("{}T18:00", today + chrono::Days::new(days + span)),
            "timezone": "Europe/Berlin",
            "kind": "festival",
            "place": {"locality": "Dortmund"}
        })
    };
    for (handle, body) in [
        ("dortmund", event("Bürgerfest", 30, 1)),
        ("amiens", event("Chorreise", 3, 0)),
    ] {
        let (status, ev) = ctx
            .json(
                ctx.http
                    .post(ctx.url(&format!("/api/v1/organisations/{handle}/events")))
                    .bearer_auth(&ctx.admin)
                    .json(&body),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{ev}");
    }
    let mut past = bilingual("Altes Treffen");
    past["starts_on"] = json!("2020-05-01");
    past["ends_on"] = json!("2020-05-02");
    let old = publish(&ctx, "dortmund", &ctx.admin, &past).await;
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url(&format!(
                    "/api/v1/posts/{}/pin",
                    old["id"].as_str().unwrap()
                )))
                .bearer_auth(&ctx.admin),
        )
        .await;
    assert!(status.is_success(), "{status}");

    let (status, html) = page(&ctx, "/", "de-DE,de;q=0.9,en;q=0.5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"de\">"));
    assert!(
        html.contains("Ein Netz für Tests."),
        "description per language"
    );
    // Figures: three organisations, one confirmed partnership (the proposal is not), three projects.
    let figures = section(&html, "figures");
    for (n, label) in [
        ("3", "Organisationen"),
        ("1", "Bestätigte Partnerschaften"),
        ("3", "Projekte"),
    ] {
        assert!(
            figures.contains(&format!(
                "<span class=\"figure\">{n}</span> <span class=\"label\">{label}</span>"
            )),
            "{label}: {figures}"
        );
    }
    // Upcoming events: future ones only, soonest first, dates in German.
    let events = section(&html, "events");
    let (a, b) = (
        events.find("Chorreise (de)").expect("sooner event"),
        events.find("Bürgerfest (de)").expect("later event"),
    );
    assert!(a < b, "soonest first: {events}");
    assert!(!events.contains("Altes Treffen"), "{events}");
    let d = today + chrono::Days::new(3);
    assert!(events.contains(&passerelle::web::i18n::format_date(
        d,
        passerelle::vocab::Lang::De
    )));
    // Featured: the pinned post.
    assert!(section(&html, "featured").contains("Altes Treffen (de)"));
    // Navigation to the other public pages.
    for href in ["/registry", "/statistics", "/search"] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(html.contains("aria-current=\"page\">Start</a>"));

    let (_, html) = page(&ctx, "/", "fr").await;
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Un réseau pour les tests."));
    assert!(html.contains("Prochains rendez-vous"));
    assert!(html.contains("Partenariats confirmés"));
}

#[tokio::test]
async fn the_language_picked_with_the_switch_sticks() {
    let ctx = Ctx::new().await;
    // No choice yet: Accept-Language decides and no cookie is set.
    let resp = ctx
        .get("/")
        .header("Accept-Language", "de")
        .send()
        .await
        .unwrap();
    assert!(resp.headers().get("set-cookie").is_none());
    assert!(resp.text().await.unwrap().contains("<html lang=\"de\">"));
    // The switch links carry ?lang= …
    let (_, html) = page(&ctx, "/", "de").await;
    assert!(html.contains("href=\"/?lang=fr\" lang=\"fr\" hreflang=\"fr\">Français</a>"));
    // … and following one sets the cookie.
    let resp = ctx
        .get("/?lang=fr")
        .header("Accept-Language", "de")
        .send()
        .await
        .unwrap();
    let cookie = resp
        .headers()
        .get("set-cookie")
        .expect("language cookie")
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("passerelle_lang=fr;"), "{cookie}");
    assert!(cookie.contains("Path=/") && cookie.contains("SameSite=Lax"));
    // Every later page, without ?lang=, is in French despite Accept-Language.
    let name_value = cookie.split(';').next().unwrap();
    for path in ["/", "/registry", "/statistics"] {
        let resp = ctx
            .get(path)
            .header("Accept-Language", "de")
            .header("Cookie", format!("other=1; {name_value}"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-language"], "fr");
        assert!(
            resp.text().await.unwrap().contains("<html lang=\"fr\">"),
            "{path}"
        );
    }
    // ?lang= still wins over the cookie; a cookie with a language we do not offer is ignored.
    let (_, html) = {
        let resp = ctx
            .get("/?lang=en")
            .header("Cookie", name_value)
            .send()
            .await
            .unwrap();
        (resp.status(), resp.text().await.unwrap())
    };
    assert!(html.contains("<html lang=\"en\">"));
    let resp = ctx
        .get("/")
        .header("Accept-Language", "de")
        .header("Cookie", "passerelle_lang=es")
        .send()
        .await
        .unwrap();
    assert!(resp.text().await.unwrap().contains("<html lang=\"de\">"));
}

#[tokio::test]
async fn organisation_profile_shows_partnerships_projects_and_feeds() {
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    publish(&ctx, "dortmund", &ctx.admin, &bilingual("Jugendaustausch")).await;
    let (status, html) = page(&ctx, "/o/dortmund", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Stadt dortmund</h1>"));
    let partnerships = section(&html, "partnerships");
    assert!(partnerships.contains(&format!(
        "<a href=\"{}\">Stadt amiens</a>",
        ctx.url("/o/amiens")
    )));
    assert!(partnerships.contains("Twinning") && partnerships.contains("1960"));
    assert!(partnerships.contains("confirmed"));
    assert!(partnerships.contains("Stadt zwickau") && partnerships.contains("proposed"));
    assert!(section(&html, "projects").contains("Jugendaustausch (de)"));
    // Followers, and feeds announced in the head.
    assert!(html.contains("<dt>Followers</dt><dd>0</dd>"));
    assert!(html.contains(
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Projects of Stadt dortmund (RSS feed)\" href=\"/o/dortmund/feed.rss?lang=en\">"
    ));
    assert!(html.contains("type=\"application/atom+xml\""));
    // The follow box: a labelled field named `handle`.
    assert!(html.contains("<form method=\"post\" action=\"/o/dortmund/follow\""));
    assert!(html.contains("<label for=\"handle\">") && html.contains("name=\"handle\""));
}

#[tokio::test]
async fn hostile_names_and_texts_are_escaped_everywhere() {
    let ctx = Ctx::new().await;
    let hostile = "<script>alert(1)</script>\"'&";
    {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        let mut summary = std::collections::BTreeMap::new();
        summary.insert("de".to_string(), format!("Über {hostile}"));
        orgs::create(
            &mut conn,
            &ctx.inst.state().urls,
            &NewOrganisation {
                handle: "evil".into(),
                name: format!("Evil {hostile}"),
                kind: OrgKind::Association,
                profile: Profile {
                    summary,
                    country: Some("DE".into()),
                    latitude: Some(50.0),
                    longitude: Some(8.0),
                    ..Profile::default()
                },
            },
        )
        .await
        .unwrap();
    }
    placed(&ctx, "good", "FR", "<b>Région</b>", 48.0, 2.0).await;
    partnership(&ctx, "evil", "good", "friendship", 2001, true).await;
    let mut body = bilingual("x");
    body["translations"][0]["title"] = json!(format!("Titel {hostile}"));
    body["translations"][0]["summary"] = json!(format!("Summary {hostile}"));
    body["place"] = json!(hostile);
    let post = publish(&ctx, "evil", &ctx.admin, &body).await;
    let post_path = format!("/posts/{}", post["id"].as_str().unwrap());
    for path in [
        "/",
        "/o/evil",
        post_path.as_str(),
        "/registry",
        "/registry?region1=%3Cb%3ERégion%3C%2Fb%3E&region2=%3Cscript%3E",
        "/statistics",
        "/tags/youth",
    ] {
        let (status, html) = page(&ctx, path, "de").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!html.contains("<script>"), "{path}: {html}");
        assert!(!html.contains("<b>Région"), "{path}");
    }
    let (_, html) = page(&ctx, "/o/evil", "de").await;
    assert!(
        html.contains("Evil &#60;script&#62;") || html.contains("Evil &lt;script&gt;"),
        "{html}"
    );
    let (_, html) = page(&ctx, "/registry", "de").await;
    // In the map's SVG too.
    assert!(
        html.contains("<title>Evil &lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;</title>"),
        "{html}"
    );
    // The registry keeps a hostile filter value as text.
    let (_, html) = page(&ctx, "/registry?from_year=%22%3E%3Cscript%3E", "de").await;
    assert!(!html.contains("<script>"));
    assert!(html.contains("id=\"from_year-error\""));
}

#[tokio::test]
async fn project_page_has_every_language_version_images_and_partners() {
    let (ctx, remote) = tokio::join!(Ctx::new(), crate::remote_actors::Remote::start());
    let ville_x = remote.actor("/o/ville-x", "Organization", json!({"name": "Ville X"}));
    twinned(&ctx).await;
    let mut body = bilingual("Jugendaustausch");
    body["partners"] = json!(["@amiens", ville_x.id]);
    let image = ctx.image("dortmund", &ctx.admin).await;
    body["images"] = json!([{"url": image, "alt": "Jugendliche pflanzen einen Apfelbaum"}]);
    let post = publish(&ctx, "dortmund", &ctx.admin, &body).await;
    let path = format!("/posts/{}", post["id"].as_str().unwrap());
    let (status, html) = page(&ctx, &path, "fr").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"fr\">"));
    // Both versions are on the page, the visitor's first, switched by anchors.
    let fr = html
        .find("id=\"v-fr\" lang=\"fr\"")
        .expect("French version");
    let de = html
        .find("id=\"v-de\" lang=\"de\"")
        .expect("German version");
    assert!(fr < de);
    assert!(html.contains("<a href=\"#v-de\" lang=\"de\" hreflang=\"de\">Deutsch</a>"));
    assert!(
        html.contains("<h1>Jugendaustausch (fr)</h1>")
            && html.contains("<h1>Jugendaustausch (de)</h1>")
    );
    assert!(html.contains("<title>Jugendaustausch (fr) – Réseau de test</title>"));
    assert!(html.contains(&format!(
        "<img src=\"{image}\" alt=\"Jugendliche pflanzen einen Apfelbaum\""
    )));
    assert!(html.contains(&format!(
        "<a href=\"{}\">Stadt amiens</a>",
        ctx.url("/o/amiens")
    )));
    assert!(html.contains(&format!("<a href=\"{}\">", ville_x.id)));
    assert!(html.contains("<a href=\"/tags/climate\">Climat</a>"));
    // The hashtags in the language of the version shown first.
    let tags = |html: &str| {
        html.split("<p class=\"tags\">")
            .nth(1)
            .and_then(|s| s.split("</p>").next())
            .map(str::to_string)
            .unwrap_or_else(|| panic!("no hashtags in {html}"))
    };
    assert!(tags(&html).contains("#Climat"), "{}", tags(&html));
    assert!(html.contains("20 juillet 2026 – 26 juillet 2026"));
    // German visitors get the German version first, and German hashtags.
    let (_, html) = page(&ctx, &path, "de").await;
    assert!(html.find("id=\"v-de\"").unwrap() < html.find("id=\"v-fr\"").unwrap());
    assert!(tags(&html).contains("#Klima"), "{}", tags(&html));
}

/// What a browser gets for `path`: status, content type and text.
async fn browser_page(
    ctx: &Ctx,
    path: &str,
    accept_language: &str,
) -> (StatusCode, String, String) {
    let resp = ctx
        .get(path)
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .header("Accept-Language", accept_language)
        .send()
        .await
        .unwrap();
    let content_type = resp.headers()["content-type"].to_str().unwrap().to_string();
    (resp.status(), content_type, resp.text().await.unwrap())
}

#[tokio::test]
async fn browsers_get_error_pages_in_their_language_and_machines_json() {
    let ctx = Ctx::new().await;
    let (status, content_type, html) =
        browser_page(&ctx, "/o/gibt-es-nicht", "fr-FR,fr;q=0.9").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(content_type.starts_with("text/html"));
    assert!(html.contains(r#"<html lang="fr">"#), "{html}");
    assert!(html.contains("<h1>Introuvable</h1>"), "{html}");
    assert!(
        html.contains(r#"href="/search?lang=fr""#),
        "a way on: {html}"
    );

    // An unknown address (the router's fallback), in German.
    let (status, _, html) = browser_page(&ctx, "/gibt/es/nicht", "de").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("<h1>Nicht gefunden</h1>"), "{html}");
    assert!(html.contains("Zur Startseite"), "{html}");

    // ActivityPub clients and the API keep the JSON error body.
    let resp = ctx.ap_get("/o/gibt-es-nicht").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found", "{body}");
    let resp = ctx
        .get("/api/v1/organisations/gibt-es-nicht")
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found", "{body}");
}

/// The links of the registry map's navigation: label → href (unescaped).
fn map_links(html: &str) -> std::collections::BTreeMap<String, String> {
    let Some(nav) = html
        .split("<nav class=\"map-nav\"")
        .nth(1)
        .and_then(|s| s.split("</nav>").next())
    else {
        return Default::default();
    };
    nav.split("<a href=\"")
        .skip(1)
        .filter_map(|a| {
            let (href, rest) = a.split_once("\">")?;
            let label = rest.split("</a>").next()?;
            let href = href.replace("&#38;", "&").replace("&amp;", "&");
            Some((label.to_string(), href))
        })
        .collect()
}

fn view_box(html: &str) -> String {
    html.split("<svg class=\"map\" viewBox=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no map in {html}"))
        .to_string()
}

/// The registry's map zooms without a script: links closer and farther that keep the
/// filters, one fitted to the partnerships while Europe is framed, and one back; nine areas
/// of the map to click; a view that makes no sense is the default one.
#[tokio::test]
async fn the_registry_map_zooms_by_links_that_keep_the_filters() {
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    placed(&ctx, "lublin", "PL", "Lubelskie", 51.25, 22.57).await;
    partnership(&ctx, "dortmund", "lublin", "twinning", 1991, true).await;
    let (status, europe) = page(&ctx, "/registry?kind=twinning", "de").await;
    assert_eq!(status, StatusCode::OK);
    let links = map_links(&europe);
    assert_eq!(
        links.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "Auf die Partnerschaften zoomen",
            "Näher heran",
            "Weiter weg"
        ],
        "{europe}"
    );
    for href in links.values() {
        assert!(
            href.starts_with("/registry?kind=twinning&view=") && href.ends_with("#map-h"),
            "{href}"
        );
    }
    assert_eq!(
        europe
            .matches("<a href=\"/registry?kind=twinning&#38;view=")
            .count()
            + europe
                .matches("<a href=\"/registry?kind=twinning&amp;view=")
                .count(),
        9 + 3,
        "nine areas and three links"
    );
    for (label, href) in &links {
        let path = href.trim_end_matches("#map-h");
        let (status, html) = page(&ctx, path, "de").await;
        assert_eq!(status, StatusCode::OK, "{label}");
        assert_ne!(view_box(&html), view_box(&europe), "{label} moves the map");
        let back = map_links(&html);
        assert_eq!(
            back.get("Übersicht").map(String::as_str),
            Some("/registry?kind=twinning#map-h"),
            "{label}: {back:?}"
        );
        // The filters still hold: the proposal to Zwickau is no twinning.
        assert!(html.contains("Stadt lublin") && !html.contains(">Stadt zwickau<"));
    }
    let fitted = page(&ctx, "/registry?kind=twinning&view=data", "de")
        .await
        .1;
    assert!(!map_links(&fitted).contains_key("Auf die Partnerschaften zoomen"));
    for nonsense in ["6/x/7", "1e400/50/7", "data2"] {
        let (status, html) = page(
            &ctx,
            &format!("/registry?kind=twinning&view={nonsense}"),
            "de",
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{nonsense}");
        assert_eq!(view_box(&html), view_box(&europe), "{nonsense}");
    }
}

/// A partnership's id (what search hits and other servers link to) answers: its
/// `Relationship` document for federation clients, and for a browser the partnerships of
/// the organisation of ours it joins. An unknown one is 404.
#[tokio::test]
async fn a_partnerships_address_answers_browsers_and_servers() {
    use diesel_async::RunQueryDsl;
    let ctx = Ctx::new().await;
    twinned(&ctx).await;
    let ap_id: String = {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::Text)]
            ap_id: String,
        }
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        diesel::sql_query("SELECT ap_id FROM partnerships WHERE founded_year = 1960")
            .get_result::<Id>(&mut conn)
            .await
            .unwrap()
            .ap_id
    };
    assert!(ap_id.starts_with(&ctx.url("/partnerships/")), "{ap_id}");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = http.get(format!("{ap_id}?lang=fr")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers()["location"],
        "/o/dortmund?lang=fr#partnerships"
    );
    let resp = http
        .get(&ap_id)
        .header("accept", "application/activity+json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let doc: Value = resp.json().await.unwrap();
    assert_eq!(doc["type"], "Relationship");
    assert_eq!(doc["id"], ap_id.as_str());
    assert!(doc["@context"].is_array(), "{doc}");
    let resp = http
        .get(ctx.url("/partnerships/nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}
