//! Input and answers an attacker would try (issue #17): characters PostgreSQL cannot store,
//! overflowing offsets, malformed bodies and query strings, login guessing, framing and
//! script injection, phishing notices, bidi overrides, spreadsheet formulas, image bombs and
//! external images, and partners named on other servers.

use crate::common::{Ctx, bilingual};
use crate::pages::{partnership, placed};
use crate::remote_actors::{Remote, deliver};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::vocab::OrgKind;
use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use std::time::SystemTime;

const EDITOR_PASSWORD: &str = "editor-password-1";

/// A client that does not follow redirects, to see logins' answers.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn form(req: RequestBuilder, pairs: &[(&str, &str)]) -> RequestBuilder {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    req.header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
}

fn cookie_value(resp: &Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
        .filter(|v| !v.is_empty())
}

/// A login through the web form from `address` (sent as the forwarded client address).
async fn web_login(ctx: &Ctx, username: &str, password: &str, address: &str) -> Response {
    let page = client().get(ctx.url("/login")).send().await.unwrap();
    let csrf = cookie_value(&page, "passerelle_login_csrf").expect("a login CSRF cookie");
    form(
        client()
            .post(ctx.url("/login"))
            .header(COOKIE, format!("passerelle_login_csrf={csrf}"))
            .header("x-forwarded-for", address),
        &[
            ("csrf", &csrf),
            ("username", username),
            ("password", password),
            ("lang", "en"),
            ("next", "/editor"),
        ],
    )
    .send()
    .await
    .unwrap()
}

/// A login through the API from `address`.
async fn api_login(
    ctx: &Ctx,
    username: &str,
    password: &str,
    address: &str,
) -> (StatusCode, Value) {
    ctx.json(
        ctx.http
            .post(ctx.url("/api/v1/auth/token"))
            .header("x-forwarded-for", address)
            .json(&json!({"username": username, "password": password})),
    )
    .await
}

/// A logged-in session's cookie, and the CSRF token of `page`.
pub(crate) async fn session(ctx: &Ctx, username: &str, page: &str) -> (String, String) {
    let resp = web_login(ctx, username, EDITOR_PASSWORD, "192.0.2.1").await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let cookie = format!(
        "passerelle_session={}",
        cookie_value(&resp, "passerelle_session").expect("logged in")
    );
    let html = client()
        .get(ctx.url(page))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a CSRF field")
        .to_string();
    (cookie, csrf)
}

fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "----passerelle-hardening-boundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_json(ctx: &Ctx, path: &str, token: &str, body: &Value) -> (StatusCode, Value) {
    ctx.json(ctx.http.post(ctx.url(path)).bearer_auth(token).json(body))
        .await
}

#[tokio::test]
async fn a_nul_character_is_refused_naming_its_field_wherever_it_comes_in() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;

    // A JSON body: a post's title, an organisation's summary.
    let mut body = bilingual("Titel");
    body["translations"][1]["title"] = json!("Ti\u{0}tre");
    let (status, e) = post_json(
        &ctx,
        "/api/v1/organisations/stadt-koeln/posts",
        &ctx.admin,
        &body,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["error"]["field"], "translations[1].title");
    let (status, e) = ctx
        .json(
            ctx.http
                .patch(ctx.url("/api/v1/organisations/stadt-koeln"))
                .bearer_auth(&ctx.admin)
                .json(&json!({"summary": {"de": "K\u{0}öln"}})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["error"]["field"], "summary.de");

    // A form: the login's username (with a valid CSRF pair, so the form is read).
    let resp = web_login(&ctx, "red\u{0}aktion", "whatever", "192.0.2.9").await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let e: Value = resp.json().await.unwrap();
    assert_eq!(e["error"]["field"], "username");

    // A CSV import: the row is refused, naming its line and column; nothing is written.
    let list = "name_a,country_a,code_a,name_b,country_b,code_b,kind,founded_year\n\
                Münster,DE,05515000,Orl\u{0}éans,FR,45234,Partnerschaft,1960\n";
    let (status, report) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/admin/partnerships/import"))
                .bearer_auth(&ctx.admin)
                .header(CONTENT_TYPE, "text/csv")
                .body(list),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
    assert_eq!(report["rejected"][0]["line"], 2, "{report}");
    assert!(
        report["rejected"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("`name_b`"),
        "{report}"
    );
    assert_eq!(ctx.count("partnerships").await, 0);

    // A received activity: refused with a 400 naming the field, nothing recorded.
    let author = remote.actor(
        "/users/anna",
        "Person",
        json!({"preferredUsername": "anna"}),
    );
    let activity = json!({
        "id": format!("{}/activities/1", remote.base), "type": "Like\u{0}",
        "actor": author.id, "object": ctx.url("/o/stadt-koeln")
    });
    let (status, answer) = deliver(
        &ctx.http,
        &ctx.url("/inbox"),
        &author,
        &activity,
        SystemTime::now(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    let e: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(e["error"]["field"], "type");
    assert_eq!(ctx.count("received_activities").await, 0);
}

#[tokio::test]
async fn the_largest_offsets_are_refused_not_overflowed() {
    let ctx = Ctx::new().await;
    crate::pages::twinned(&ctx).await;
    let huge = i64::MAX;
    for path in [
        format!("/api/v1/search?q=dortmund&offset={huge}"),
        format!("/api/v1/partnerships?offset={huge}"),
        format!("/api/v1/partnerships?offset={}", huge - 10),
        "/api/v1/partnerships?offset=-5".to_string(),
    ] {
        let (status, e) = ctx.json(ctx.get(&path)).await;
        assert!(status.is_client_error(), "{path}: {status} {e}");
        assert_eq!(e["error"]["field"], "offset", "{path}: {e}");
    }
    let resp = ctx
        .get(&format!("/search?q=dortmund&offset={huge}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    // The last page has no next offset, and none is ever negative.
    let (status, page) = ctx
        .json(ctx.get("/api/v1/partnerships?limit=1&offset=1"))
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["next_offset"], Value::Null, "{page}");
}

#[tokio::test]
async fn every_api_error_is_the_json_envelope_and_json_must_end_where_it_ends() {
    let ctx = Ctx::new().await;
    // Query strings, path segments and unreadable bodies.
    for (path, field) in [
        ("/api/v1/partnerships?limit=many", Some("limit")),
        ("/api/v1/partnerships?colour=red", Some("colour")),
        ("/api/v1/search?q=x&limit=ten", Some("limit")),
        ("/api/v1/partnerships/not-a-number", None),
    ] {
        let resp = ctx.get(path).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST, "{path}");
        assert!(
            resp.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
        let e: Value = resp.json().await.unwrap();
        assert!(e["error"]["message"].is_string(), "{path}: {e}");
        if let Some(field) = field {
            assert_eq!(e["error"]["field"], field, "{path}: {e}");
        }
    }
    // Valid JSON followed by anything else is not accepted, and nothing is made.
    let resp = ctx
        .http
        .post(ctx.url("/api/v1/me/tokens"))
        .bearer_auth(&ctx.admin)
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{"name": "laptop"} xx"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(ctx.count("api_tokens WHERE name = 'laptop'").await, 0);
    // A partnership list sent as JSON is not a CSV import.
    let (status, e) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/admin/partnerships/import"))
                .bearer_auth(&ctx.admin)
                .header(CONTENT_TYPE, "application/json")
                .body("name_a,country_a,name_b,country_b,kind\nA,DE,B,FR,twinning\n"),
        )
        .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{e}");
    assert_eq!(ctx.count("partnerships").await, 0);
}

#[tokio::test]
async fn the_token_endpoint_shares_the_login_forms_failure_limit() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    ctx.editor("zweite", &["stadt-koeln"]).await;

    // Five wrong passwords through the API; the sixth try, right or wrong, is refused.
    for _ in 0..5 {
        let (status, _) = api_login(&ctx, "redaktion", "wrong-password", "198.51.100.1").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let resp = ctx
        .http
        .post(ctx.url("/api/v1/auth/token"))
        .header("x-forwarded-for", "198.51.100.1")
        .json(&json!({"username": "redaktion", "password": EDITOR_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(resp.headers().contains_key("retry-after"));
    // The web form counts the same failures.
    let resp = web_login(&ctx, "redaktion", EDITOR_PASSWORD, "198.51.100.1").await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    // Another address, or another account from this one, is not locked out.
    let (status, _) = api_login(&ctx, "redaktion", EDITOR_PASSWORD, "198.51.100.2").await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = api_login(&ctx, "zweite", EDITOR_PASSWORD, "198.51.100.1").await;
    assert_eq!(status, StatusCode::CREATED);

    // Failures on the web form lock the API the same way.
    for _ in 0..5 {
        let resp = web_login(&ctx, "zweite", "wrong-password", "198.51.100.3").await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, e) = api_login(&ctx, "zweite", EDITOR_PASSWORD, "198.51.100.3").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{e}");

    // One address trying many usernames meets the ceiling per address.
    for i in 0..passerelle::auth::MAX_FAILURES_PER_ADDRESS {
        let (status, _) = api_login(&ctx, &format!("guess{i}"), "password-1", "198.51.100.4").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = api_login(&ctx, "zweite", EDITOR_PASSWORD, "198.51.100.4").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn pages_carry_a_strict_policy_and_no_inline_script_or_style() {
    let (ctx, tiled) = tokio::join!(
        Ctx::new(),
        passerelle::testing::TestInstance::start_with(|c| {
            c.web.map_tiles = "https://tiles.example.org/{z}/{x}/{y}.png".into();
        })
    );
    let tiled = tiled.unwrap();
    crate::pages::twinned(&ctx).await;
    for path in [
        "/",
        "/registry",
        "/o/dortmund",
        "/login",
        "/statistics",
        "/api/v1/partnerships",
        "/nowhere",
    ] {
        let resp = ctx
            .get(path)
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        let h = resp.headers().clone();
        let csp = h["content-security-policy"].to_str().unwrap().to_string();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("script-src"),
            "{path}: {csp}"
        );
        assert!(csp.contains("img-src 'self';"), "{path}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
        let html = resp.text().await.unwrap();
        for inline in [
            "<script",
            " style=",
            "<style",
            " onclick=",
            " onload=",
            " onerror=",
            "javascript:",
        ] {
            assert!(!html.contains(inline), "{path} has {inline}");
        }
    }
    // The editors' pages, when logged in, too.
    ctx.editor("redaktion", &["dortmund"]).await;
    let (cookie, _) = session(&ctx, "redaktion", "/editor/dortmund").await;
    let resp = client()
        .get(ctx.url("/editor/dortmund/posts/new"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!resp.text().await.unwrap().contains("<script"));
    // With map tiles configured, their host may serve images, and no other.
    let resp = reqwest::get(tiled.url("/registry")).await.unwrap();
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("img-src 'self' https://tiles.example.org;"),
        "{csp}"
    );
}

#[tokio::test]
async fn a_notice_is_shown_only_from_the_known_keys() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, _) = session(&ctx, "redaktion", "/editor/stadt-koeln").await;
    let page = |query: &'static str| {
        let cookie = cookie.clone();
        let url = ctx.url(&format!("/editor/stadt-koeln{query}"));
        async move {
            client()
                .get(url)
                .header(COOKIE, cookie)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let html = page("?notice=Ihr+Konto+ist+gesperrt.+Rufen+Sie+0800+123+an.&lang=de").await;
    assert!(!html.contains("Ihr Konto ist gesperrt"), "{html}");
    assert!(!html.contains("class=\"notice\""));
    let html = page("?notice=post_published&lang=de").await;
    assert!(
        html.contains("<p class=\"notice\" role=\"status\">Der Beitrag ist veröffentlicht.</p>"),
        "{html}"
    );
    let html = page("?notice=follow_sent&subject=Rufen+Sie+0800+123+an&lang=en").await;
    assert!(!html.contains("0800"), "{html}");
}

#[tokio::test]
async fn text_from_people_is_isolated_from_the_text_around_it() {
    let ctx = Ctx::new().await;
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    orgs::create(
        &mut conn,
        &ctx.inst.state().urls,
        &NewOrganisation {
            handle: "evil".into(),
            name: "\u{202E}evil".into(),
            kind: OrgKind::Association,
            profile: Profile {
                discoverable: true,
                indexable: true,
                ..Profile::default()
            },
        },
    )
    .await
    .unwrap();
    drop(conn);
    let mut body = bilingual("Fest");
    body["place"] = json!("\u{202E}Köln");
    crate::pages::publish(&ctx, "evil", &ctx.admin, &body).await;
    let html = ctx.page("/?lang=de").await;
    assert!(html.contains("<bdi>\u{202E}evil</bdi>"), "{html}");
    assert!(html.contains("<bdi>\u{202E}Köln</bdi>"), "{html}");
    let css = ctx.page("/static/style.css").await;
    assert!(css.contains("unicode-bidi: isolate"));
}

#[tokio::test]
async fn the_statistics_csv_neutralises_formulas() {
    let ctx = Ctx::new().await;
    placed(
        &ctx,
        "dortmund",
        "DE",
        "=HYPERLINK(\"https://evil.example\")",
        51.5,
        7.4,
    )
    .await;
    placed(&ctx, "amiens", "FR", "+Hauts-de-France", 49.9, 2.3).await;
    partnership(&ctx, "dortmund", "amiens", "twinning", 1960, true).await;
    let resp = ctx
        .get("/api/v1/partnerships/stats?format=csv")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let csv = resp.text().await.unwrap();
    assert!(
        csv.contains("region,\"'=HYPERLINK(\"\"https://evil.example\"\")\",1"),
        "{csv}"
    );
    assert!(csv.contains("region,'+Hauts-de-France,1"), "{csv}");
    for line in csv.lines() {
        let value = line
            .split(',')
            .nth(1)
            .unwrap_or_default()
            .trim_start_matches('"');
        assert!(!value.starts_with(['=', '+', '-', '@']), "{line}");
    }
}

/// A PNG header claiming 11,000 × 11,000 pixels, then a few bytes of data.
fn png_bomb() -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (
            &b"IHDR"[..],
            [
                &11_000u32.to_be_bytes()[..],
                &11_000u32.to_be_bytes(),
                &[8, 2, 0, 0, 0],
            ]
            .concat(),
        ),
        (b"IDAT", vec![0x78, 0x9c, 0x63, 0x60]),
        (b"IEND", vec![]),
    ] {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(&data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    out
}

#[tokio::test]
async fn posts_show_only_images_uploaded_here_within_the_pixel_limit() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    let token = ctx.editor("redaktion", &["stadt-koeln"]).await;
    let upload = |body: Vec<u8>, content_type: &'static str| {
        ctx.http
            .post(ctx.url("/api/v1/organisations/stadt-koeln/media?alt=Bild"))
            .bearer_auth(&token)
            .header(CONTENT_TYPE, content_type)
            .body(body)
    };
    let (status, e) = ctx.json(upload(png_bomb(), "image/png")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(
        e["error"]["message"].as_str().unwrap().contains("pixels"),
        "{e}"
    );
    assert_eq!(ctx.count("media").await, 0);
    let (status, _) = ctx.json(upload(b"{}".to_vec(), "application/json")).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let mut body = bilingual("Fest");
    body["images"] = json!([{"url": "https://tracker.example/pixel.png", "alt": "Ein Bild"}]);
    let path = "/api/v1/organisations/stadt-koeln/posts";
    let (status, e) = post_json(&ctx, path, &token, &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["error"]["field"], "images[0].url");
    // Our own address with a file never uploaded is refused too; an upload is taken.
    body["images"][0]["url"] = json!(ctx.url("/media/0123456789abcdef0123456789abcdef.jpg"));
    let (status, e) = post_json(&ctx, path, &token, &body).await;
    assert_eq!(
        (status, &e["error"]["field"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &json!("images[0].url")),
        "{e}"
    );
    body["images"][0]["url"] = json!(ctx.image("stadt-koeln", &token).await);
    let (status, post) = post_json(&ctx, path, &token, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
}

#[tokio::test]
async fn a_post_names_at_most_fifty_partners() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    let mut body = bilingual("Fest");
    let many: Vec<String> = (0..51)
        .map(|i| format!("https://nowhere.example/o/{i}"))
        .collect();
    body["partners"] = json!(many);
    let (status, e) = post_json(
        &ctx,
        "/api/v1/organisations/stadt-koeln/posts",
        &ctx.admin,
        &body,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["error"]["field"], "partners");
    assert_eq!(ctx.count("posts").await, 0);
}

/// A WebFinger answer for `acct` naming `actor`.
fn jrd(acct: &str, actor: &str) -> Value {
    json!({"subject": format!("acct:{acct}"),
           "links": [{"rel": "self", "type": "application/activity+json", "href": actor}]})
}

#[tokio::test]
async fn partners_on_other_servers_are_found_through_webfinger() {
    let (ctx, remote) = tokio::join!(Ctx::new(), Remote::start());
    ctx.org("stadt-koeln").await;
    ctx.org("stadt-dortmund").await;
    let host = remote.base.trim_start_matches("http://").to_string();
    // The other server has its own "stadt-koeln".
    let theirs = remote.actor(
        "/o/stadt-koeln",
        "Organization",
        json!({"preferredUsername": "stadt-koeln", "name": "Stadt Köln (dort)"}),
    );
    remote.put(
        "/.well-known/webfinger",
        jrd(&format!("stadt-koeln@{host}"), &theirs.id),
    );
    let mut body = bilingual("Fest");
    body["partners"] = json!([
        format!("@stadt-koeln@{host}"),
        format!("@stadt-koeln@{}", ctx.inst.domain())
    ]);
    let (status, post) = post_json(
        &ctx,
        "/api/v1/organisations/stadt-dortmund/posts",
        &ctx.admin,
        &body,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    assert_eq!(
        post["partners"],
        json!([theirs.id, ctx.url("/o/stadt-koeln")])
    );

    // A handle WebFinger does not know is a 422 naming the partner.
    let mut body = bilingual("Fest");
    body["partners"] = json!(["@stadt-dortmund", "@niemand@localhost:1"]);
    let (status, e) = post_json(
        &ctx,
        "/api/v1/organisations/stadt-dortmund/posts",
        &ctx.admin,
        &body,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["error"]["field"], "partners[1]");
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("WebFinger"),
        "{e}"
    );
}

#[tokio::test]
async fn the_editor_preview_says_in_the_visitors_language_which_partner_is_unknown() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    let (content_type, body) = multipart(&[
        ("csrf", &csrf),
        ("main_language", "de"),
        ("title_de", "Fest"),
        ("summary_de", "Ein Fest."),
        ("partners", "@niemand@localhost:1\n@stadt-koeln"),
        ("action", "preview"),
    ]);
    let resp = client()
        .post(ctx.url("/editor/stadt-koeln/posts?lang=de"))
        .header(COOKIE, &cookie)
        .header(CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    let error = html
        .split("id=\"partners-error\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or_else(|| panic!("no partner error in {html}"));
    assert!(
        error.contains("niemand@localhost:1") && error.contains("WebFinger"),
        "{error}"
    );
    assert!(
        html.contains("<section class=\"preview\""),
        "the preview is still shown"
    );

    // A NUL in a field of the form: said next to the field, nothing published.
    let (content_type, body) = multipart(&[
        ("csrf", &csrf),
        ("main_language", "de"),
        ("title_de", "Fest"),
        ("summary_de", "Ein Fest."),
        ("place", "Kö\u{0}ln"),
        ("action", "publish"),
    ]);
    let resp = client()
        .post(ctx.url("/editor/stadt-koeln/posts?lang=en"))
        .header(COOKIE, &cookie)
        .header(CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("id=\"place-error\">Contains a NUL character"),
        "{html}"
    );
    assert_eq!(ctx.count("posts").await, 0);
}
