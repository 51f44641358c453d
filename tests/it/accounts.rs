//! Accounts, roles and tokens through the API; the OpenAPI document.

use crate::common::Ctx;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn login_issue_and_revoke_tokens() {
    let ctx = Ctx::new().await;
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/auth/token"))
                .json(&json!({"username": "admin", "password": "wrong-password"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/auth/token"))
                .json(&json!({"username": "nobody", "password": "whatever-pass"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, login) = ctx
        .json(
            ctx.http.post(ctx.url("/api/v1/auth/token")).json(
                &json!({"username": "ADMIN", "password": "admin-password-1", "name": "laptop"}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{login}");
    let token = login["token"].as_str().unwrap().to_string();
    let (status, me) = ctx.json(ctx.get("/api/v1/me").bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["username"], "admin");
    assert_eq!(me["admin"], true);
    let (_, tokens) = ctx
        .json(ctx.get("/api/v1/me/tokens").bearer_auth(&token))
        .await;
    assert!(
        tokens
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "laptop")
    );
    assert!(
        tokens.to_string().find(&token).is_none(),
        "secrets are never listed"
    );
    let id = login["id"].as_i64().unwrap();
    let resp = ctx
        .http
        .delete(ctx.url(&format!("/api/v1/tokens/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let (status, _) = ctx.json(ctx.get("/api/v1/me").bearer_auth(&token)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a revoked token no longer works"
    );
    // Stored hashed: the database never holds the token itself.
    assert_eq!(
        ctx.count(&format!("api_tokens WHERE token_hash = '{token}'"))
            .await,
        0
    );
}

#[tokio::test]
async fn admin_creates_accounts_and_grants_roles() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-aachen").await;
    ctx.org("ville-reims").await;
    let body =
        json!({"username": "anna", "password": "a-good-password", "editor_of": ["stadt-aachen"]});
    let (status, acc) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/accounts"))
                .bearer_auth(&ctx.admin)
                .json(&body),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{acc}");
    assert_eq!(acc["editor_of"], json!(["stadt-aachen"]));
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/accounts"))
                .bearer_auth(&ctx.admin)
                .json(&body),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // An unknown organisation fails the whole request: no account is left behind.
    let bad = json!({"username": "bernd", "password": "a-good-password", "editor_of": ["nowhere"]});
    let (status, err) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/accounts"))
                .bearer_auth(&ctx.admin)
                .json(&bad),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
    assert_eq!(err["error"]["field"], "editor_of[0]");
    assert_eq!(ctx.count("accounts WHERE username = 'bernd'").await, 0);
    let short = json!({"username": "carla", "password": "short"});
    let (status, err) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/accounts"))
                .bearer_auth(&ctx.admin)
                .json(&short),
        )
        .await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("password"))
    );

    let (status, acc) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/accounts/anna/roles"))
                .bearer_auth(&ctx.admin)
                .json(&json!({"role": "editor:ville-reims"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(acc["editor_of"], json!(["stadt-aachen", "ville-reims"]));
    let (_, acc) = ctx
        .json(
            ctx.http
                .delete(ctx.url("/api/v1/accounts/anna/roles/editor:stadt-aachen"))
                .bearer_auth(&ctx.admin),
        )
        .await;
    assert_eq!(acc["editor_of"], json!(["ville-reims"]));
    let (status, _) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/accounts/anna/roles"))
                .bearer_auth(&ctx.admin)
                .json(&json!({"role": "king"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // A non-admin cannot manage accounts.
    let (_, login) = ctx
        .json(
            ctx.http
                .post(ctx.url("/api/v1/auth/token"))
                .json(&json!({"username": "anna", "password": "a-good-password"})),
        )
        .await;
    let anna = login["token"].as_str().unwrap();
    let (status, _) = ctx
        .json(ctx.get("/api/v1/accounts").bearer_auth(anna))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An editor edits the profile of its organisation, not of another.
    let (status, org) = ctx
        .json(
            ctx.http
                .patch(ctx.url("/api/v1/organisations/ville-reims"))
                .bearer_auth(anna)
                .json(&json!({"country": "FR", "official_code": "51454", "population": 180000})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{org}");
    assert_eq!(org["official_code"], "51454");
    let (status, err) = ctx
        .json(
            ctx.http
                .patch(ctx.url("/api/v1/organisations/ville-reims"))
                .bearer_auth(anna)
                .json(&json!({"official_code": "5145"})),
        )
        .await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("official_code"))
    );
    let (status, _) = ctx
        .json(
            ctx.http
                .patch(ctx.url("/api/v1/organisations/stadt-aachen"))
                .bearer_auth(anna)
                .json(&json!({"population": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn openapi_describes_only_routes_that_exist() {
    let ctx = Ctx::new().await;
    let (status, spec) = ctx.json(ctx.get("/api/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().unwrap();
    assert!(paths.len() >= 10);
    for (path, item) in paths {
        let concrete = path
            .replace("{handle}", "nobody")
            .replace("{id}", "0")
            .replace("{username}", "nobody")
            .replace("{role}", "admin")
            .replace("{verb}", "accept")
            .replace("{domain}", "x.example")
            .replace("{file}", "partnerships.csv");
        for method in item
            .as_object()
            .unwrap()
            .keys()
            .filter(|m| *m != "parameters")
        {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let resp = ctx
                .http
                .request(m, ctx.url(&concrete))
                .send()
                .await
                .unwrap();
            // Unrouted paths answer with the fallback's "no such page"; wrong methods with 405.
            assert_ne!(
                resp.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
            let body = resp.text().await.unwrap();
            assert!(
                !body.contains("no such page"),
                "{method} {path} is not routed"
            );
        }
    }
}

/// A session in use does not end in the middle of someone's work: each use moves its end
/// to 14 days on, at most 90 days after the login. A form sent after it ended leads, after
/// the login, back to the page the form was on (its own address answers only forms).
#[tokio::test]
async fn a_session_in_use_lasts_and_an_ended_one_leads_back_to_the_form() {
    use diesel_async::RunQueryDsl;
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.editor("editorin", &["stadt-dortmund"]).await;
    let ed = crate::common::Editor::login(&ctx, "editorin").await;
    let days_left = |sql: &'static str| {
        let ctx = &ctx;
        async move {
            let mut conn = ctx.inst.state().pool.get().await.unwrap();
            diesel::sql_query(sql).execute(&mut conn).await.unwrap();
            crate::common::numbers(
                &mut conn,
                "SELECT extract(day FROM expires_at - now())::int8 AS n FROM web_sessions",
            )
            .await
        }
    };
    // Twelve days after the login, about to end: one use moves the end on.
    let left = days_left(
        "UPDATE web_sessions SET created_at = now() - interval '12 days', \
         last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 hour'",
    )
    .await;
    assert_eq!(left, [0]);
    assert_eq!(ed.get("/editor").await.0, StatusCode::OK);
    assert_eq!(days_left("SELECT 1").await, [13]);
    // Near the 90 days, it ends with them.
    days_left(
        "UPDATE web_sessions SET created_at = now() - interval '85 days', \
         last_seen_at = now() - interval '2 minutes'",
    )
    .await;
    assert_eq!(ed.get("/editor").await.0, StatusCode::OK);
    assert_eq!(days_left("SELECT 1").await, [4]);

    // Ended: the post form sent then leads to the login, and back to the form's page.
    days_left("UPDATE web_sessions SET expires_at = now() - interval '1 second'").await;
    let form_page = ctx.url("/editor/stadt-dortmund/posts/new?lang=de");
    let resp = ed
        .http
        .post(ctx.url("/editor/stadt-dortmund/posts"))
        .header(reqwest::header::COOKIE, &ed.cookie)
        .header(reqwest::header::REFERER, &form_page)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body("title_de=Stadtfest")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers()[reqwest::header::LOCATION],
        "/login?next=%2Feditor%2Fstadt-dortmund%2Fposts%2Fnew%3Flang%3Dde"
    );
    // From a page elsewhere, to the editors' start page.
    let resp = ed
        .http
        .post(ctx.url("/editor/stadt-dortmund/posts"))
        .header(
            reqwest::header::REFERER,
            "https://elsewhere.example/editor/x",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.headers()[reqwest::header::LOCATION],
        "/login?next=%2Feditor"
    );
}

/// Logging in again (in another tab, another window) keeps the forms already open valid: the
/// new session takes over the live session's CSRF token.
#[tokio::test]
async fn a_second_login_keeps_the_open_forms_valid() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-dortmund").await;
    ctx.editor("editorin", &["stadt-dortmund"]).await;
    let first = crate::common::Editor::login(&ctx, "editorin").await;
    let second = crate::common::Editor::login(&ctx, "editorin").await;
    assert_ne!(first.cookie, second.cookie);
    assert_eq!(first.csrf, second.csrf);
    // A form of the first tab, sent with the second session: taken.
    let mut tab = crate::common::Editor::login(&ctx, "editorin").await;
    tab.cookie = second.cookie.clone();
    tab.csrf = first.csrf.clone();
    let resp = tab
        .post(
            "/editor/stadt-dortmund/partnerships",
            &[("target", ""), ("kind", "twinning")],
        )
        .await;
    assert_ne!(resp.status(), StatusCode::FORBIDDEN);
    // Another account's sessions have their own.
    ctx.editor("andere", &["stadt-dortmund"]).await;
    let other = crate::common::Editor::login(&ctx, "andere").await;
    assert_ne!(other.csrf, first.csrf);
}
