//! Sessions at the HTTP level: cookie flags, CSRF refusals, logout, and the login rate
//! limit (per username and client address).

use crate::common::{PASSWORD, Site};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

/// A URL-encoded form body (reqwest's `form` feature is not enabled).
trait FormBody {
    fn form_pairs(self, pairs: &[(&str, &str)]) -> Self;
}

impl FormBody for reqwest::RequestBuilder {
    fn form_pairs(self, pairs: &[(&str, &str)]) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(body)
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn cookie_value(resp: &reqwest::Response, name: &str) -> Option<(String, String)> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| {
            let value = v[name.len() + 1..]
                .split(';')
                .next()
                .unwrap_or("")
                .to_string();
            (value, v.to_string())
        })
}

/// The login form's CSRF cookie and token.
async fn login_csrf(site: &Site) -> String {
    let resp = client().get(site.url("/login")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    cookie_value(&resp, "passerelle_login_csrf").unwrap().0
}

async fn try_login(site: &Site, username: &str, password: &str) -> reqwest::Response {
    let csrf = login_csrf(site).await;
    client()
        .post(site.url("/login"))
        .header(COOKIE, format!("passerelle_login_csrf={csrf}"))
        .form_pairs(&[
            ("csrf", csrf.as_str()),
            ("username", username),
            ("password", password),
            ("lang", "en"),
            ("next", "/editor"),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_are_httponly_cookies_and_forms_need_their_csrf_token() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("redaktion", &org).await;

    // Without a session: to the login page.
    let resp = client()
        .get(site.url("/editor/stadt-dortmund"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers()[LOCATION],
        "/login?next=%2Feditor%2Fstadt-dortmund"
    );

    // The login form itself needs its token: without it (a page left open past the token's
    // hour), no session, and the form comes back with a fresh token and the name kept.
    let resp = client()
        .post(site.url("/login"))
        .form_pairs(&[("username", "redaktion"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let cookies: Vec<String> = resp
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(String::from))
        .collect();
    assert!(
        !cookies.iter().any(|c| c.starts_with("passerelle_session=")),
        "{cookies:?}"
    );
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("passerelle_login_csrf=")),
        "{cookies:?}"
    );
    let page = resp.text().await.unwrap();
    assert!(page.contains("value=\"redaktion\""), "{page}");

    let resp = try_login(&site, "redaktion", PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()[LOCATION], "/editor?lang=en");
    let (token, header) = cookie_value(&resp, "passerelle_session").expect("a session cookie");
    assert!(token.starts_with("pss_") && token.len() > 40);
    assert!(
        header.contains("HttpOnly") && header.contains("SameSite=Lax") && header.contains("Path=/"),
        "{header}"
    );
    assert!(!header.contains("Secure"), "plain http in tests: {header}");
    // Stored only as a hash.
    let mut conn = site.inst.state().pool.get().await.unwrap();
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let stored: Vec<String> = passerelle::db::schema::web_sessions::table
        .select(passerelle::db::schema::web_sessions::token_hash)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored, vec![passerelle::auth::hash_token(&token)]);

    let session = format!("passerelle_session={token}");
    let page = client()
        .get(site.url("/editor/stadt-dortmund/followers"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a CSRF field")
        .to_string();

    // A state-changing form without its token, or with a wrong one: 403 with a clear page.
    for form in [
        vec![("target", "@x@y.example")],
        vec![("target", "@x@y.example"), ("csrf", "wrong")],
    ] {
        let resp = client()
            .post(site.url("/editor/stadt-dortmund/follows?lang=en"))
            .header(COOKIE, &session)
            .form_pairs(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
        let page = resp.text().await.unwrap();
        assert!(
            page.contains("This form has expired or did not come from this site"),
            "{page}"
        );
        assert!(page.contains("<h1>Not allowed</h1>"), "{page}");
    }
    // With it, the form is handled (here: an error next to the empty field).
    let resp = client()
        .post(site.url("/editor/stadt-dortmund/follows?lang=en"))
        .header(COOKIE, &session)
        .form_pairs(&[("target", ""), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains(r#"<p class="field-error" id="target-error">Required.</p>"#)
    );

    // Another organisation's pages are refused.
    site.org("ville-lille", "Ville de Lille").await;
    let resp = client()
        .get(site.url("/editor/ville-lille"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = client()
        .get(site.url("/admin"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // Logging out ends the session on the server.
    let resp = client()
        .post(site.url("/logout"))
        .header(COOKIE, &session)
        .form_pairs(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(
        cookie_value(&resp, "passerelle_session")
            .unwrap()
            .1
            .contains("Max-Age=0")
    );
    let resp = client()
        .get(site.url("/editor/stadt-dortmund"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::SEE_OTHER,
        "the old cookie no longer works"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_are_limited_per_username_and_address() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("redaktion", &org).await;
    site.editor("zweite", &org).await;

    for attempt in 1..=5 {
        let resp = try_login(&site, "redaktion", "falsches-passwort").await;
        assert_eq!(
            resp.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
        assert!(
            resp.text()
                .await
                .unwrap()
                .contains("Wrong username or password.")
        );
    }
    // The sixth is refused before the password is looked at, the right one too.
    let resp = try_login(&site, "REDAKTION", PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(cookie_value(&resp, "passerelle_session").is_none());
    let page = resp.text().await.unwrap();
    assert!(
        page.contains("Too many failed logins. Please try again in 15\u{a0}minutes."),
        "{page}"
    );
    // Another account from the same address is not locked out.
    let resp = try_login(&site, "zweite", PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);

    // Once the failures are older than the window, logging in works again.
    let mut conn = site.inst.state().pool.get().await.unwrap();
    use diesel_async::RunQueryDsl;
    diesel::sql_query("UPDATE login_failures SET failed_at = failed_at - interval '16 minutes'")
        .execute(&mut conn)
        .await
        .unwrap();
    let resp = try_login(&site, "redaktion", PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // A success forgets the failures.
    let (n, _) = passerelle::db::models::web_session::recent_failures(
        &mut conn,
        "redaktion",
        "127.0.0.1",
        60,
    )
    .await
    .unwrap();
    assert_eq!(n, 0);
}

/// A logged-in session's cookie and a CSRF token from one of its pages.
async fn session(site: &Site, username: &str, page: &str) -> (String, String) {
    let resp = try_login(site, username, PASSWORD).await;
    let (token, _) = cookie_value(&resp, "passerelle_session").expect("logged in");
    let cookie = format!("passerelle_session={token}");
    let html = client()
        .get(site.url(page))
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

fn multipart(fields: &[(&str, &str)], file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----passerelle-test-boundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"image_file\"; filename=\"x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_limited_by_the_media_setting_not_the_json_body_limit() {
    let site = Site {
        inst: passerelle::testing::TestInstance::start_with(|c| {
            c.media.max_bytes = 1_500_000;
        })
        .await
        .unwrap(),
    };
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("redaktion", &org).await;
    let (cookie, csrf) = session(&site, "redaktion", "/editor/stadt-dortmund/posts/new").await;
    let fields = [
        ("csrf", csrf.as_str()),
        ("title_de", "Titel"),
        ("summary_de", "Zusammenfassung"),
        ("image_alt", "Ein Bild"),
        ("action", "publish"),
    ];
    let upload = |bytes: Vec<u8>| {
        let (ct, body) = multipart(&fields, &bytes);
        client()
            .post(site.url("/editor/stadt-dortmund/posts?lang=en"))
            .header(COOKIE, &cookie)
            .header(reqwest::header::CONTENT_TYPE, ct)
            .body(body)
            .send()
    };
    // Over the 1 MiB JSON limit but under the media limit: read, and refused as no image.
    let resp = upload(vec![7u8; 1_200_000]).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.text().await.unwrap().contains(
        r#"<p class="field-error" id="image_file-error">This file is not an image in a supported format (JPEG, PNG, WebP, GIF).</p>"#
    ));
    // Over the media limit: the form again, with what was typed and the limit stated.
    let resp = upload(vec![7u8; 2_500_000]).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = resp.text().await.unwrap();
    assert!(html.contains(
        r#"<p class="field-error" id="image_file-error">The file is too large: at most 1.4 MB per image. Everything else is kept; please choose a smaller file.</p>"#
    ), "{html}");
    assert!(html.contains(r#"value="Titel""#) && html.contains(r#"value="Ein Bild""#));
    let mut conn = site.inst.state().pool.get().await.unwrap();
    assert_eq!(
        passerelle::db::models::post::DbPost::count_by_actor(&mut conn, org.id)
            .await
            .unwrap(),
        0
    );
}
