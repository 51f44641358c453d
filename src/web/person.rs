//! People writing as themselves (`forum::person`): the profile at `/u/{handle}` (the name,
//! the fediverse address and what the person wrote in the forum; the `Person` actor for
//! ActivityPub clients), and an account's own settings at `/editor/_me` (turn it on with a
//! handle and a name, rename, turn it off), with CSRF like every form of the interface.

use crate::db::models::person;
use crate::error::AppResult;
use crate::forum::person::PersonInput;
use crate::state::AppState;
use crate::vocab::Lang;
use crate::web::LangQuery;
use crate::web::backoffice::{Ctx, EditorLayout, WebError, render as render_backoffice};
use crate::web::form::FormState;
use crate::web::i18n::format_date;
use crate::web::pages::{Layout, PageLang, Section, render};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

/// The texts of these pages (`person-*` in the languages' files).
pub struct Texts {
    pub lang: Lang,
}

impl Texts {
    pub fn t(&self, id: &str) -> &'static str {
        text(self.lang, id)
    }
}

/// A `person-*` text in `lang`.
pub fn text(lang: Lang, id: &str) -> &'static str {
    crate::locale::text(lang, id).unwrap_or("")
}

/// One thing the person wrote, in a list.
pub struct Writing {
    pub title: String,
    pub url: String,
    pub date: String,
    pub language: String,
    pub comment: bool,
}

#[derive(Template)]
#[template(path = "person.html")]
struct ProfilePage {
    layout: Layout,
    f: Texts,
    name: String,
    address: String,
    writings: Vec<Writing>,
}

/// An excerpt of a comment's text for a list: its first words.
fn excerpt(html: &str) -> String {
    let text = crate::text::html_to_text(html);
    let mut out: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}

/// `GET /u/{handle}`: the person's page, or its actor document for ActivityPub clients.
pub async fn profile_or_actor(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    if crate::federation::routes::wants_activity_json(&headers) {
        return crate::federation::persons::person_document(&state, &handle).await;
    }
    let p = crate::federation::persons::local_person(&state, &handle).await?;
    let pl = PageLang::of(&state, &headers, &query);
    let lang = pl.lang;
    let mut conn = state.conn().await?;
    let (posts, _) = person::writings(&mut conn, p.actor.id, 50).await?;
    drop(conn);
    let mut writings = Vec::with_capacity(posts.len());
    for post in &posts {
        let tr = post.in_language(lang.code()).or_else(|| post.main());
        let comment = post.post.in_reply_to.is_some();
        let url = crate::web::pages::forum::forum_place(&state, &post.post)
            .await?
            .unwrap_or_else(|| post.post.ap_id.to_string());
        writings.push(Writing {
            title: tr
                .map(|t| {
                    if comment {
                        excerpt(&t.content_html)
                    } else {
                        t.title.clone()
                    }
                })
                .unwrap_or_default(),
            url,
            date: format_date(post.post.published.date_naive(), lang),
            language: tr.map(|t| t.language.clone()).unwrap_or_default(),
            comment,
        });
    }
    let path = format!("/u/{}", p.actor.handle);
    let page = ProfilePage {
        layout: Layout::new(&state, pl, p.actor.name.clone(), &path, Section::Forum),
        f: Texts { lang },
        address: format!("@{}@{}", p.actor.handle, state.config.instance.domain),
        name: p.actor.name,
        writings,
    };
    render(&state, &page, &page.layout)
}

#[derive(Template)]
#[template(path = "editor/person.html")]
struct SettingsPage {
    layout: EditorLayout,
    f: Texts,
    form: FormState,
    /// On, with its address and profile page.
    on: Option<(String, String)>,
    /// The handle chosen once (on or off); empty before the first time.
    handle: String,
    notice: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SettingsQuery {
    pub done: Option<String>,
}

async fn settings(
    ctx: &Ctx,
    mut form: FormState,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let p = person::of_account(&mut conn, ctx.session.account.id).await?;
    drop(conn);
    let handle = p
        .as_ref()
        .map(|p| p.actor.handle.clone())
        .unwrap_or_default();
    if form.val("name").is_empty() && form.ok() {
        let name = p.as_ref().map_or_else(
            || ctx.session.account.username.clone(),
            |p| p.actor.name.clone(),
        );
        form.set("name", name);
    }
    if form.val("handle").is_empty() && form.ok() {
        let h = if handle.is_empty() {
            ctx.session.account.username.to_lowercase()
        } else {
            handle.clone()
        };
        form.set("handle", h);
    }
    let on = p.filter(person::Person::enabled).map(|p| {
        (
            format!("@{}@{}", p.actor.handle, ctx.state.config.instance.domain),
            format!("/u/{}", p.actor.handle),
        )
    });
    let mut resp = render_backoffice(SettingsPage {
        layout: ctx.layout(text(ctx.lang, "person-settings-title"), "/editor/_me"),
        f: Texts { lang: ctx.lang },
        form,
        on,
        handle,
        notice,
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

/// `GET /editor/_me`: one's own actor, on or off.
pub async fn settings_page(ctx: Ctx, Query(q): Query<SettingsQuery>) -> Result<Response, WebError> {
    let notice = match q.done.as_deref() {
        Some("saved") => Some(text(ctx.lang, "person-saved")),
        Some("off") => Some(text(ctx.lang, "person-turned-off")),
        _ => None,
    };
    settings(&ctx, FormState::default(), notice, StatusCode::OK).await
}

/// `POST /editor/_me`: turn it on, or change the name.
pub async fn save(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let input = PersonInput {
        handle: Some(form.val("handle").trim().to_string()).filter(|h| !h.is_empty()),
        name: Some(form.val("name").to_string()),
    };
    let mut conn = ctx.state.conn().await?;
    let result =
        crate::forum::person::enable(&mut conn, &ctx.state, &ctx.session.account, &input).await;
    drop(conn);
    match result {
        Ok(_) => Ok(ctx.redirect("/editor/_me?done=saved")),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let lang = ctx.lang;
            // The page's own words for the refusals it knows.
            let field = e.field.as_deref().unwrap_or("");
            let message = match field {
                "handle" if e.message.contains("taken") => Some("person-handle-taken"),
                "handle" if e.message.contains("does not change") => Some("person-handle-fixed"),
                "handle" => Some("person-handle-malformed"),
                "name" => Some("person-name-too-long"),
                _ => None,
            };
            match message {
                Some(id) => form.fail(field, text(lang, id)),
                None => form.fail_app(ctx.lang, &e, |f| {
                    Some(f.to_string()).filter(|f| f == "handle" || f == "name")
                }),
            }
            settings(&ctx, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /editor/_me/off`: turn it off (deleted here and elsewhere).
pub async fn turn_off(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let mut conn = ctx.state.conn().await?;
    crate::forum::person::disable(&mut conn, &ctx.state, &ctx.session.account).await?;
    Ok(ctx.redirect("/editor/_me?done=off"))
}
