//! The editors' post form: a file over the upload limit keeps everything typed and states
//! the limit; the preview shows images, place, dates, partners, themes and the SDGs by name.
//! The domain's checks behind the post, partnership and account forms answer in the
//! reader's language. A partnership's partner is picked from the organisations known here;
//! a proposal waits on its addressee's dashboard, and its card shows the proposer's
//! description.

use crate::common::Ctx;
use crate::hardening::session;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE};

const BOUNDARY: &str = "----passerelle-editor-forms-boundary";

/// A multipart body: text fields, and the file field where `file` says (after the fields
/// named before it), as a browser sends them in the form's order.
fn multipart(before: &[(&str, &str)], file: Option<&[u8]>, after: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    let text = |body: &mut Vec<u8>, k: &str, v: &str| {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    };
    for (k, v) in before {
        text(&mut body, k, v);
    }
    if let Some(bytes) = file {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"image_file\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    for (k, v) in after {
        text(&mut body, k, v);
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn send(ctx: &Ctx, cookie: &str, path: &str, body: Vec<u8>) -> (StatusCode, String) {
    let resp = reqwest::Client::new()
        .post(ctx.url(path))
        .header(COOKIE, cookie)
        .header(
            CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap())
}

#[tokio::test]
async fn a_file_over_the_limit_keeps_what_was_typed_and_states_the_limit() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    let max = ctx.inst.state().config.media.max_bytes;
    // Over the limit, but not over the route's body limit: read and dropped.
    let big = vec![0xffu8; max + 1024];
    let body = multipart(
        &[
            ("csrf", &csrf),
            ("main_language", "de"),
            ("title_de", "Apfelernte"),
            ("summary_de", "Zwanzig Jugendliche ernten Äpfel."),
        ],
        Some(&big),
        &[
            ("image_alt", "Ein Korb voller Äpfel"),
            ("place", "Köln-Porz"),
            ("partners", "@ville-amiens@example.org"),
            ("action", "publish"),
        ],
    );
    let (status, html) = send(&ctx, &cookie, "/editor/stadt-koeln/posts?lang=de", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    let mb = max / (1024 * 1024);
    let error = html
        .split("id=\"image_file-error\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or_else(|| panic!("no file error in {html}"));
    assert_eq!(
        error,
        format!(
            "Die Datei ist zu groß: höchstens {mb} MB je Bild. Alles andere ist erhalten; bitte wählen Sie eine kleinere Datei."
        )
    );
    for kept in [
        "value=\"Apfelernte\"",
        "Zwanzig Jugendliche ernten Äpfel.",
        "value=\"Ein Korb voller Äpfel\"",
        "value=\"Köln-Porz\"",
        "@ville-amiens@example.org</textarea>",
    ] {
        assert!(html.contains(kept), "{kept} kept");
    }

    // Far over even the route's limit: the fields before the file are still kept.
    let huge = vec![0xffu8; max * 4 + 1024 * 1024];
    let body = multipart(
        &[
            ("csrf", &csrf),
            ("main_language", "de"),
            ("title_de", "Apfelernte"),
        ],
        Some(&huge),
        &[("action", "publish")],
    );
    let (status, html) = send(&ctx, &cookie, "/editor/stadt-koeln/posts?lang=fr", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("value=\"Apfelernte\""));
    assert!(
        html.contains("Le fichier est trop volumineux\u{202f}:"),
        "{html}"
    );
}

#[tokio::test]
async fn the_preview_shows_place_dates_partners_themes_and_goals_by_name() {
    let ctx = Ctx::new().await;
    let koeln = ctx.org("stadt-koeln").await;
    ctx.org("ville-lille").await;
    let amiens = partner_of(&ctx, &koeln, "ville-amiens").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    // The organisation's partner is there to tick, named, with its address.
    let form = editor_page(&ctx, &cookie, "/editor/stadt-koeln/posts/new?lang=de").await;
    assert!(
        form.contains(&format!(
            "<input type=\"checkbox\" name=\"partner\" value=\"{}\"> Stadt ville-amiens <span class=\"meta\">@ville-amiens</span>",
            amiens.ap_id
        )),
        "{form}"
    );
    assert!(form.contains("<label for=\"partners\">Weitere Partner (Adressen)</label>"));
    let body = multipart(
        &[
            ("csrf", &csrf),
            ("main_language", "de"),
            ("title_de", "Apfelernte"),
            ("summary_de", "Zwanzig Jugendliche ernten Äpfel."),
            ("body_de", "Im **Herbst**."),
            ("themes", "youth"),
            ("sdgs", "13"),
            ("place", "Köln-Porz"),
            ("starts_on", "2027-09-20"),
            ("ends_on", "2027-09-22"),
            ("partner", amiens.ap_id.as_str()),
            ("partners", "ville-lille\n@ville-amiens"),
            ("action", "preview"),
        ],
        None,
        &[],
    );
    let (status, html) = send(&ctx, &cookie, "/editor/stadt-koeln/posts?lang=de", body).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let preview = html
        .split("<section class=\"preview\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .unwrap_or_else(|| panic!("no preview in {html}"));
    for shown in [
        "<strong>Herbst</strong>",
        "<dd>Köln-Porz</dd>",
        "<dd>20. September 2027 – 22. September 2027</dd>",
        // Partners by name, the one ticked and typed again once.
        "<li>Stadt ville-amiens <span class=\"meta\">@ville-amiens</span></li><li>Stadt ville-lille <span class=\"meta\">@ville-lille</span></li></ul>",
        "<li>Jugend</li>",
        "<li>Ziel 13 – Maßnahmen zum Klimaschutz</li>",
    ] {
        assert!(preview.contains(shown), "{shown} in {preview}");
    }
}

/// A new organisation `handle` in a confirmed partnership with `org`.
async fn partner_of(
    ctx: &Ctx,
    org: &passerelle::db::models::actor::DbActor,
    handle: &str,
) -> passerelle::db::models::actor::DbActor {
    let partner = ctx.org(handle).await;
    ctx.twinning(org, &partner, handle).await;
    partner
}

/// A post's partners are ticked among the organisation's partners or typed: both are
/// stored, once each, and the edit form shows them ticked, by name.
#[tokio::test]
async fn partners_are_ticked_or_typed_and_come_back_ticked() {
    let ctx = Ctx::new().await;
    let koeln = ctx.org("stadt-koeln").await;
    let amiens = partner_of(&ctx, &koeln, "ville-amiens").await;
    let lille = ctx.org("ville-lille").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    let body = multipart(
        &[
            ("csrf", &csrf),
            ("main_language", "de"),
            ("title_de", "Apfelernte"),
            ("summary_de", "Zwanzig Jugendliche ernten Äpfel."),
            ("partner", amiens.ap_id.as_str()),
            ("partners", "@ville-lille, @ville-amiens"),
            ("action", "publish"),
        ],
        None,
        &[],
    );
    let (status, html) = send(&ctx, &cookie, "/editor/stadt-koeln/posts?lang=de", body).await;
    // Published: the client follows the redirect to the organisation's page.
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("<h1>Stadt stadt-koeln</h1>"), "{html}");
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let posts = passerelle::db::models::post::DbPost::latest_local(&mut conn, 1)
        .await
        .unwrap();
    let post = &posts.first().expect("the post is stored").post;
    assert_eq!(
        post.partners,
        vec![amiens.ap_id.to_string(), lille.ap_id.to_string()]
    );
    let key = post.ap_id.to_string();
    let id = key.rsplit('/').next().unwrap();
    let form = editor_page(&ctx, &cookie, &format!("/editor/posts/{id}/edit?lang=de")).await;
    for (who, name) in [
        (&amiens, "Stadt ville-amiens"),
        (&lille, "Stadt ville-lille"),
    ] {
        assert!(
            form.contains(&format!(
                "name=\"partner\" value=\"{}\" checked> {name} <span class=\"meta\">@",
                who.ap_id
            )),
            "{name} ticked in {form}"
        );
    }
    assert!(form.contains("></textarea>"), "nothing left typed: {form}");
}

/// The domain's own checks (those the form cannot make by itself) answer in the editor's
/// language, next to the field they concern.
#[tokio::test]
async fn the_domain_checks_answer_in_the_editors_language() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    let post = |extra: (&'static str, String)| {
        multipart(
            &[
                ("csrf", &csrf),
                ("main_language", "de"),
                ("title_de", "Apfelernte"),
                ("summary_de", "Zwanzig Jugendliche ernten Äpfel."),
                (extra.0, &extra.1),
                ("action", "publish"),
            ],
            None,
            &[],
        )
    };
    let (status, html) = send(
        &ctx,
        &cookie,
        "/editor/stadt-koeln/posts?lang=de",
        post(("place", "K".repeat(201))),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(
        html.contains("id=\"place-error\">Höchstens 200 Zeichen.</p>"),
        "{html}"
    );
    let (status, html) = send(
        &ctx,
        &cookie,
        "/editor/stadt-koeln/posts?lang=fr",
        post(("funded_by", "nirgendwo".into())),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(
        html.contains("Aucun programme de financement «\u{202f}nirgendwo\u{202f}»"),
        "{html}"
    );
    assert!(!html.contains("no funding programme"), "{html}");

    // A partnership proposed to the organisation itself.
    let resp = reqwest::Client::new()
        .post(ctx.url("/editor/stadt-koeln/partnerships?lang=fr"))
        .header(COOKIE, &cookie)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(crate::common::urlencoded(&[
            ("csrf", csrf.as_str()),
            ("partner", "@stadt-koeln"),
            ("kind", "twinning"),
        ]))
        .send()
        .await
        .unwrap();
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("Une organisation ne peut pas être partenaire d’elle-même."),
        "{html}"
    );
}

/// The back office's account form answers in the administrator's language too.
#[tokio::test]
async fn the_account_form_answers_in_the_administrators_language() {
    let ctx = Ctx::new().await;
    {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        passerelle::auth::create_account(&mut conn, "chefin", "editor-password-1", true, false)
            .await
            .unwrap();
    }
    let (cookie, csrf) = session(&ctx, "chefin", "/admin/accounts").await;
    let create = |lang: &str, username: &str| {
        reqwest::Client::new()
            .post(ctx.url(&format!("/admin/accounts?lang={lang}")))
            .header(COOKIE, &cookie)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(crate::common::urlencoded(&[
                ("csrf", csrf.as_str()),
                ("username", username),
                ("password", "a-long-enough-password"),
            ]))
            .send()
    };
    let html = create("fr", "chefin").await.unwrap().text().await.unwrap();
    assert!(
        html.contains("Le nom d’utilisateur «\u{202f}chefin\u{202f}» est déjà pris."),
        "{html}"
    );
    let html = create("de", "x").await.unwrap().text().await.unwrap();
    assert!(
        html.contains("3 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“."),
        "{html}"
    );
}

/// The text of an editor's page, for the session `cookie`.
async fn editor_page(ctx: &Ctx, cookie: &str, path: &str) -> String {
    let resp = reqwest::Client::new()
        .get(ctx.url(path))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{path}: {}", resp.status());
    resp.text().await.unwrap()
}

/// Posts an editor's form (urlencoded) for the session `cookie`; the answer must be a page
/// (the client follows the redirect after a change).
async fn post_form(ctx: &Ctx, cookie: &str, path: &str, fields: &[(&str, &str)]) -> String {
    let resp = reqwest::Client::new()
        .post(ctx.url(path))
        .header(COOKIE, cookie)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(crate::common::urlencoded(fields))
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{path}: {}", resp.status());
    resp.text().await.unwrap()
}

/// The first value of `attribute="…"` after `marker` in `html`.
fn value_after<'a>(html: &'a str, marker: &str) -> &'a str {
    html.split(marker)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no {marker} in {html}"))
}

/// The partner is picked from a list of the organisations known here; the proposal's
/// addressee learns of it on the dashboard, with a link to the card, and the card shows what
/// the proposer wrote about the partnership, in the editor's language.
#[tokio::test]
async fn a_proposal_waits_on_the_dashboard_and_its_card_shows_the_proposers_words() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.org("ville-lille").await;
    ctx.editor("koeln", &["stadt-koeln"]).await;
    ctx.editor("lille", &["ville-lille"]).await;
    let (koeln, csrf) = session(&ctx, "koeln", "/editor/stadt-koeln/partnerships").await;
    // The partner is chosen from the organisations known here (not the proposer itself).
    let form = editor_page(&ctx, &koeln, "/editor/stadt-koeln/partnerships?lang=de").await;
    let picker = form
        .split("<datalist id=\"partner-choices\">")
        .nth(1)
        .and_then(|s| s.split("</datalist>").next())
        .unwrap_or_else(|| panic!("no picker in {form}"));
    assert!(
        picker.contains("<option value=\"@ville-lille\">"),
        "{picker}"
    );
    assert!(!picker.contains("@stadt-koeln"), "{picker}");
    assert!(form.contains("list=\"partner-choices\""), "{form}");
    post_form(
        &ctx,
        &koeln,
        "/editor/stadt-koeln/partnerships?lang=de",
        &[
            ("csrf", &csrf),
            ("partner", "@ville-lille"),
            ("kind", "twinning"),
            ("founded_year", "1958"),
            (
                "description_de",
                "Ringpartnerschaft mit Turin, Lüttich und Rotterdam.",
            ),
            (
                "description_fr",
                "Jumelage en anneau avec Turin, Liège et Rotterdam.",
            ),
        ],
    )
    .await;

    let (lille, _) = session(&ctx, "lille", "/editor/ville-lille/partnerships").await;
    let waiting = "wartet auf Ihre Antwort";
    let dashboard = editor_page(&ctx, &lille, "/editor?lang=de").await;
    assert!(
        dashboard.contains(
            "<a href=\"/editor/ville-lille/partnerships?lang=de\">Ein Partnerschaftsvorschlag wartet auf Ihre Antwort</a>"
        ),
        "{dashboard}"
    );
    let card = editor_page(&ctx, &lille, "/editor/ville-lille/partnerships?lang=fr").await;
    assert!(
        card.contains(
            "<p class=\"description\" lang=\"fr\">Jumelage en anneau avec Turin, Liège et Rotterdam.</p>"
        ),
        "{card}"
    );
    // The proposer waits for the answer: nothing waits for them.
    let theirs = editor_page(&ctx, &koeln, "/editor?lang=de").await;
    assert!(!theirs.contains(waiting), "{theirs}");

    let id = value_after(&card, "id=\"partnership-");
    // The proposer cannot accept its own proposal (the form's verb sent by hand): 403, said
    // in German, and the proposal still waits for Lille.
    let resp = reqwest::Client::new()
        .post(ctx.url(&format!("/editor/stadt-koeln/partnerships/{id}?lang=de")))
        .header(COOKIE, &koeln)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(crate::common::urlencoded(&[
            ("csrf", csrf.as_str()),
            ("verb", "accept"),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains("Nur die angefragte Organisation kann annehmen oder ablehnen"),
        "{page}"
    );
    let dashboard = editor_page(&ctx, &lille, "/editor?lang=de").await;
    assert!(dashboard.contains(waiting), "{dashboard}");

    // Accepted, it no longer waits.
    post_form(
        &ctx,
        &lille,
        &format!("/editor/ville-lille/partnerships/{id}?lang=de"),
        &[
            ("csrf", value_after(&card, "name=\"csrf\" value=\"")),
            ("verb", "accept"),
        ],
    )
    .await;
    let dashboard = editor_page(&ctx, &lille, "/editor?lang=de").await;
    assert!(!dashboard.contains(waiting), "{dashboard}");

    // Accepted again (a second click, another tab): said in German.
    let resp = reqwest::Client::new()
        .post(ctx.url(&format!("/editor/ville-lille/partnerships/{id}?lang=de")))
        .header(COOKIE, &lille)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(crate::common::urlencoded(&[
            ("csrf", value_after(&card, "name=\"csrf\" value=\"")),
            ("verb", "accept"),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains("<h1>Schon erledigt oder inzwischen geändert</h1>")
            && page.contains("Dieser Vorschlag wurde bereits beantwortet."),
        "{page}"
    );
}

/// Browsers send a form's fields in the order of the page: the image's file comes after
/// every other field of the post and event forms, so that a body cut off in a file over
/// even the route's limit still holds everything typed.
#[tokio::test]
async fn the_file_field_comes_after_every_field_typed() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, _) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    for path in [
        "/editor/stadt-koeln/posts/new?lang=de",
        "/editor/stadt-koeln/events/new?lang=de",
    ] {
        let html = editor_page(&ctx, &cookie, path).await;
        let form = html
            .split("enctype=\"multipart/form-data\"")
            .nth(1)
            .and_then(|s| s.split("</form>").next())
            .unwrap_or_else(|| panic!("{path}: no multipart form in {html}"));
        let names: Vec<&str> = form
            .split(" name=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .filter(|n| *n != "action")
            .collect();
        assert!(names.len() > 10, "{path}: {names:?}");
        assert_eq!(names.last(), Some(&"image_file"), "{path}: {names:?}");
    }
}

/// A new post's form sent twice (a double click, a browser sending it again) publishes once:
/// the second sending leads where the first did. A form shown again for a correction keeps
/// its key; each new form has another.
#[tokio::test]
async fn a_new_post_form_sent_twice_publishes_once() {
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    let key_of = |html: &str| {
        html.split("name=\"once\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .map(str::to_string)
    };
    let page = editor_page(&ctx, &cookie, "/editor/stadt-koeln/posts/new?lang=de").await;
    let key = key_of(&page).expect("the form carries a one-time key");
    let other = editor_page(&ctx, &cookie, "/editor/stadt-koeln/posts/new?lang=de").await;
    assert_ne!(key_of(&other).as_deref(), Some(key.as_str()));
    let form = |title: &'static str, key: &str| {
        multipart(
            &[
                ("csrf", &csrf),
                ("once", key),
                ("main_language", "de"),
                ("title_de", title),
                ("summary_de", "Zwanzig Jugendliche ernten Äpfel."),
                ("action", "publish"),
            ],
            None,
            &[],
        )
    };
    // Refused for a missing title: shown again with the same key.
    let (status, html) = send(
        &ctx,
        &cookie,
        "/editor/stadt-koeln/posts?lang=de",
        form("", &key),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(key_of(&html).as_deref(), Some(key.as_str()));
    let posts = "posts WHERE local AND deleted_at IS NULL";
    for _ in 0..3 {
        let (status, html) = send(
            &ctx,
            &cookie,
            "/editor/stadt-koeln/posts?lang=de",
            form("Apfelernte", &key),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("<h1>Stadt stadt-koeln</h1>"), "{html}");
    }
    assert_eq!(ctx.count(posts).await, 1);
    // Another form (another key) is another post.
    let (status, _) = send(
        &ctx,
        &cookie,
        "/editor/stadt-koeln/posts?lang=de",
        form("Apfelernte", &key_of(&other).unwrap()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctx.count(posts).await, 2);
}

/// The hidden fields of a page, as (name, value), unescaped.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|s| {
            let (name, rest) = s.split_once("\" value=\"")?;
            let value = rest.split('"').next()?;
            let value = value
                .replace("&#10;", "\n")
                .replace("&#13;", "\r")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#60;", "<")
                .replace("&#62;", ">")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("&#38;", "&");
            Some((name.to_string(), value))
        })
        .collect()
}

/// A post written while the session ended (the tab left open past its end) is not lost: it
/// is kept, the login says so, and the same account sends it with one click. Another
/// account gets nothing, and a form without the ended session's token (sent from another
/// site) is not kept.
#[tokio::test]
async fn a_form_sent_after_the_session_ended_is_kept_for_the_same_account() {
    use diesel_async::RunQueryDsl;
    let ctx = Ctx::new().await;
    ctx.org("stadt-koeln").await;
    ctx.editor("redaktion", &["stadt-koeln"]).await;
    ctx.editor("andere", &[]).await;
    let (cookie, csrf) = session(&ctx, "redaktion", "/editor/stadt-koeln/posts/new").await;
    let page = ctx.url("/editor/stadt-koeln/posts/new?lang=de");
    let once = editor_page(&ctx, &cookie, "/editor/stadt-koeln/posts/new?lang=de")
        .await
        .split("name=\"once\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a one-time key")
        .to_string();
    {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        diesel::sql_query("UPDATE web_sessions SET expires_at = now() - interval '1 hour'")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let body = "Ein langer Text über die \"Apfelernte\" & <Freundschaft>,\r\nüber zwei Zeilen.";
    let post = |csrf: String| {
        http.post(ctx.url("/editor/stadt-koeln/posts?lang=de"))
            .header(COOKIE, &cookie)
            .header(reqwest::header::REFERER, &page)
            .header(
                CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(multipart(
                &[
                    ("csrf", &csrf),
                    ("once", &once),
                    ("main_language", "de"),
                    ("title_de", "Apfelernte"),
                    ("summary_de", "Zwanzig Jugendliche ernten Äpfel."),
                    ("body_de", body),
                ],
                Some(b"not really a jpeg"),
                &[("action", "publish")],
            ))
            .send()
    };
    // Without the ended session's token: refused as before, nothing kept.
    let resp = post("forged".into()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(!location.contains("kept="), "{location}");
    assert_eq!(ctx.count("kept_forms").await, 0);
    // With it: kept, and the login page's address carries it.
    let resp = post(csrf.clone()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with(
            "/login?next=%2Feditor%2Fstadt-koeln%2Fposts%2Fnew%3Flang%3Dde&lang=de&kept="
        ),
        "{location}"
    );
    let kept = location.rsplit("kept=").next().unwrap().to_string();
    assert_eq!(ctx.count("kept_forms").await, 1);
    assert_eq!(ctx.count("posts WHERE local").await, 0);

    let log_in = |username: &'static str| {
        let (http, ctx) = (&http, &ctx);
        let location = location.clone();
        let kept = kept.clone();
        async move {
            let page = http.get(ctx.url(&location)).send().await.unwrap();
            let login_csrf = crate::common::set_cookie(&page, "passerelle_login_csrf").unwrap();
            let html = page.text().await.unwrap();
            assert!(
                html.contains("Was Sie geschrieben haben, ist aufbewahrt"),
                "{html}"
            );
            let resp = http
                .post(ctx.url("/login"))
                .header(COOKIE, format!("passerelle_login_csrf={login_csrf}"))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(crate::common::urlencoded(&[
                    ("csrf", login_csrf.as_str()),
                    ("username", username),
                    ("password", "editor-password-1"),
                    ("next", "/editor/stadt-koeln/posts/new?lang=de"),
                    ("lang", "de"),
                    ("kept", kept.as_str()),
                ]))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{username}");
            let session = crate::common::set_cookie(&resp, "passerelle_session").unwrap();
            (
                format!("passerelle_session={session}"),
                resp.headers()["location"].to_str().unwrap().to_string(),
            )
        }
    };
    // Another account logging in with the token: its usual page; the kept form is not its.
    let (other, went) = log_in("andere").await;
    assert_eq!(went, "/editor/stadt-koeln/posts/new?lang=de");
    let resp = http
        .get(ctx.url(&format!("/editor/_kept/{kept}?lang=de")))
        .header(COOKIE, &other)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);

    // The account that wrote it: led to it, ready to send, told of the image left out.
    let (mine, went) = log_in("redaktion").await;
    assert_eq!(went, format!("/editor/_kept/{kept}?lang=de"));
    let html = editor_page(&ctx, &mine, &went).await;
    assert!(
        html.contains("action=\"/editor/stadt-koeln/posts?lang=de\""),
        "{html}"
    );
    assert!(html.contains("enctype=\"multipart/form-data\""));
    assert!(
        html.contains("Das gewählte Bild konnte nicht aufbewahrt werden"),
        "{html}"
    );
    assert!(html.contains("href=\"/editor/stadt-koeln/posts/new?lang=de\""));
    let fields = hidden_fields(&html);
    let new_csrf = session(&ctx, "redaktion", "/editor").await.1;
    assert!(fields.contains(&("csrf".into(), new_csrf)), "{fields:?}");
    assert!(
        fields.contains(&("body_de".into(), body.into())),
        "{fields:?}"
    );
    assert!(fields.contains(&("once".into(), once.clone())));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let resp = http
        .post(ctx.url("/editor/stadt-koeln/posts?lang=de"))
        .header(COOKIE, &mine)
        .header(
            CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(multipart(&pairs, None, &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        ctx.count("posts WHERE local AND deleted_at IS NULL").await,
        1
    );
}
