//! Events in the editors' interface: an organisation's events (to come and past, with their
//! status and participants, and its own participations elsewhere), the event form (create,
//! edit, duplicate), cancelling with a confirmation. Participants and participations are in
//! `participation.rs`. The same domain functions as the API's (`crate::events`).

use super::event_form::{self, join_label, kind_label, state_label, status_label};
use super::post_form;
use super::posts::{post_key, read_multipart, take_upload};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{
    DbEvent, DbParticipation, EventFilter, EventFull, EventKind, EventStatus, JoinMode,
    ParticipationState,
};
use crate::db::models::partnership::DbPartnership;
use crate::db::models::post::{DbPost, PostFull};
use crate::error::AppError;
use crate::events::EventInput;
use crate::vocab::{Lang, THEMES};
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::form::FormState;
use crate::web::i18n::format_date;
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};

/// Most events the list shows.
const LIST_LIMIT: i64 = 300;

/// An event's start and end in its own time zone, as the language writes dates.
pub fn when(e: &DbEvent, lang: Lang) -> String {
    let tz = e.tz();
    let (s, en) = (e.starts_at.with_timezone(&tz), e.ends_at.with_timezone(&tz));
    let day = |t: &DateTime<chrono_tz::Tz>| format_date(t.date_naive(), lang);
    let time = |t: &DateTime<chrono_tz::Tz>| t.format("%H:%M").to_string();
    if s.date_naive() == en.date_naive() {
        format!("{} {} – {} ({tz})", day(&s), time(&s), time(&en))
    } else {
        format!(
            "{} {} – {} {} ({tz})",
            day(&s),
            time(&s),
            day(&en),
            time(&en)
        )
    }
}

pub(super) fn title_of(post: &PostFull, lang: Lang) -> String {
    post.in_language(lang.code())
        .or_else(|| post.main())
        .map(|t| t.title.clone())
        .unwrap_or_default()
}

pub struct EventRow {
    pub id: String,
    pub url: String,
    pub title: String,
    pub when: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub cancelled: bool,
    pub accepted: i64,
    pub capacity: Option<i32>,
    pub pending: usize,
    /// Ours to edit (not only co-organised).
    pub own: bool,
}

pub struct ParticipationRow {
    pub event: String,
    pub title: String,
    pub when: String,
    pub state: &'static str,
}

#[derive(Template)]
#[template(path = "editor/events.html")]
struct EventsPage {
    layout: EditorLayout,
    handle: String,
    name: String,
    upcoming: Vec<EventRow>,
    past: Vec<EventRow>,
    ours: Vec<ParticipationRow>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

pub(super) async fn show(
    ctx: &Ctx,
    org: &DbActor,
    form: FormState,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let filter = EventFilter {
        actor_id: Some(org.id),
        actor_ap_id: Some(org.ap_id.to_string()),
        ..Default::default()
    };
    let events = DbEvent::of_feed(&mut conn, &filter, LIST_LIMIT).await?;
    let now = Utc::now();
    let (mut upcoming, mut past) = (Vec::new(), Vec::new());
    for f in &events {
        let own = f.post.post.actor_id == org.id && f.post.post.local;
        let pending = if own && f.event.join_mode == JoinMode::Approval && !f.event.is_past(now) {
            DbParticipation::of_event(&mut conn, f.post.post.id)
                .await?
                .iter()
                .filter(|(p, _)| p.state == ParticipationState::Pending)
                .count()
        } else {
            0
        };
        let row = EventRow {
            id: post_key(&f.post.post),
            url: f.post.post.ap_id.to_string(),
            title: title_of(&f.post, ctx.lang),
            when: when(&f.event, ctx.lang),
            kind: kind_label(f.event.kind, ctx.t),
            status: status_label(f.event.status, ctx.t),
            cancelled: f.event.status == EventStatus::Cancelled,
            accepted: f.participant_count(),
            capacity: f.event.capacity,
            pending,
            own,
        };
        if f.event.is_past(now) {
            past.push(row);
        } else {
            upcoming.push(row);
        }
    }
    // To come: soonest first.
    upcoming.reverse();
    let mine = DbParticipation::of_actor(&mut conn, org.id).await?;
    let (parts, posts): (Vec<DbParticipation>, Vec<DbPost>) = mine.into_iter().unzip();
    let ids: Vec<i64> = posts.iter().map(|p| p.id).collect();
    let rows = DbEvent::by_posts(&mut conn, &ids).await?;
    let posts = crate::db::models::post::load_many(&mut conn, posts).await?;
    let ours = parts
        .iter()
        .zip(&posts)
        .map(|(p, post)| ParticipationRow {
            event: post.post.ap_id.to_string(),
            title: title_of(post, ctx.lang),
            when: rows
                .get(&post.post.id)
                .map(|e| when(e, ctx.lang))
                .unwrap_or_default(),
            state: state_label(p.state, ctx.t),
        })
        .collect();
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(EventsPage {
        layout: ctx.layout(ctx.t.ed_events, &format!("/editor/{}/events", org.handle)),
        handle: org.handle.clone(),
        name: org.name.clone(),
        upcoming,
        past,
        ours,
        form,
        notice,
        tab: "events",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn list(
    ctx: Ctx,
    Path(handle): Path<String>,
    Query(n): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    show(&ctx, &org, FormState::default(), n.text(ctx.t)).await
}

/// One of the organisation's own events by the id in editor paths (its UUID).
pub(super) async fn our_event(ctx: &Ctx, org: &DbActor, id: &str) -> Result<EventFull, WebError> {
    let missing = || WebError::new(StatusCode::NOT_FOUND, format!("`{id}`")).lang(ctx.lang);
    let uuid = uuid::Uuid::parse_str(id).map_err(|_| missing())?;
    let mut conn = ctx.state.conn().await?;
    let post = DbPost::by_ap_id(&mut conn, &ctx.state.urls.post(&uuid))
        .await?
        .ok_or_else(missing)?;
    Ok(crate::events::local_event(&mut conn, org, post.id).await?)
}

#[derive(Template)]
#[template(path = "editor/event_form.html")]
struct EventFormPage {
    layout: EditorLayout,
    handle: String,
    org_name: String,
    heading: &'static str,
    action: String,
    editing: bool,
    intro: Option<String>,
    form: FormState,
    languages: Vec<Lang>,
    themes: Vec<(&'static str, &'static str)>,
    images: Vec<post_form::FormImage>,
    zones: Vec<String>,
    kinds: Vec<(&'static str, &'static str)>,
    statuses: Vec<(&'static str, &'static str)>,
    join_modes: Vec<(&'static str, &'static str)>,
    partnerships: Vec<(String, String)>,
}

/// Which form: a new event (or a copy), or an edit of the event `id`.
enum Mode<'a> {
    New { copy_of: Option<String> },
    Edit { id: &'a str },
}

async fn form_page(
    ctx: &Ctx,
    org: &DbActor,
    mode: Mode<'_>,
    form: FormState,
) -> Result<Response, WebError> {
    let t = ctx.t;
    let (heading, action, page, editing, intro) = match &mode {
        Mode::New { copy_of: None } => (
            t.ed_new_event,
            format!("/editor/{}/events", org.handle),
            format!("/editor/{}/events/new", org.handle),
            false,
            None,
        ),
        Mode::New {
            copy_of: Some(title),
        } => (
            t.ed_duplicate_event,
            format!("/editor/{}/events", org.handle),
            format!("/editor/{}/events/new", org.handle),
            false,
            Some(t.ed_choose_dates(title)),
        ),
        Mode::Edit { id } => (
            t.ed_edit_event,
            format!("/editor/{}/events/{id}", org.handle),
            format!("/editor/{}/events/{id}/edit", org.handle),
            true,
            None,
        ),
    };
    let mut conn = ctx.state.conn().await?;
    let mut partnerships: Vec<(String, String)> = DbPartnership::of_actor(&mut conn, org.id)
        .await?
        .iter()
        .map(|p| {
            let partner = p.partner_of(org.id);
            (
                p.partnership.ap_id.clone(),
                format!("{} (@{}@{})", partner.name, partner.handle, partner.domain),
            )
        })
        .collect();
    // A partnership given otherwise (the API, or one since ended) stays selectable.
    let given = form.val("partnership").trim();
    if !given.is_empty() && !partnerships.iter().any(|(url, _)| url == given) {
        partnerships.insert(0, (given.to_string(), given.to_string()));
    }
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(EventFormPage {
        layout: ctx.layout(heading, &page),
        handle: org.handle.clone(),
        org_name: org.name.clone(),
        heading,
        action,
        editing,
        intro,
        languages: Lang::ALL.to_vec(),
        themes: THEMES
            .iter()
            .map(|th| (th.slug, th.label(ctx.lang)))
            .collect(),
        images: post_form::images(&form),
        zones: event_form::zones(&form),
        kinds: EventKind::ALL
            .iter()
            .map(|k| (k.code(), kind_label(*k, t)))
            .collect(),
        statuses: EventStatus::ALL
            .iter()
            .map(|s| (s.code(), status_label(*s, t)))
            .collect(),
        join_modes: JoinMode::ALL
            .iter()
            .map(|j| (j.code(), join_label(*j, t)))
            .collect(),
        partnerships,
        form,
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn new_form(ctx: Ctx, Path(handle): Path<String>) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let mut form = FormState::default();
    form.set("main_language", ctx.lang.code());
    form.set("timezone", event_form::default_zone(org.country.as_deref()));
    form.set("kind", EventKind::PartnershipMeeting.code());
    form.set("status", EventStatus::Scheduled.code());
    form.set("join_mode", JoinMode::Free.code());
    form.set(crate::web::once::FIELD, crate::web::once::new_key());
    form_page(&ctx, &org, Mode::New { copy_of: None }, form).await
}

/// The create form filled from an existing event, without its dates (and scheduled).
pub async fn duplicate(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let mut form = event_form::from_input(&EventInput::of(&full));
    for field in ["starts_at", "ends_at", "registration_deadline"] {
        form.set(field, "");
    }
    form.set("status", EventStatus::Scheduled.code());
    form.set(crate::web::once::FIELD, crate::web::once::new_key());
    let copy_of = Some(title_of(&full.post, ctx.lang));
    form_page(&ctx, &org, Mode::New { copy_of }, form).await
}

pub async fn edit_form(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let form = event_form::from_input(&EventInput::of(&full));
    form_page(&ctx, &org, Mode::Edit { id: &id }, form).await
}

/// A submitted event form: CSRF, the upload, the form's own checks. The input when it is
/// worth sending to the domain's checks, else the form to show again.
async fn submitted(
    ctx: &Ctx,
    org: &DbActor,
    mp: Multipart,
) -> Result<(FormState, Option<EventInput>), WebError> {
    let (mut form, file) = read_multipart(ctx, mp).await?;
    ctx.csrf(&form)?;
    take_upload(ctx, org, &mut form, file).await?;
    let input = event_form::read(&mut form, ctx.t);
    let input = form.ok().then_some(input);
    Ok((form, input))
}

/// A refusal of the domain's checks on the form (translated, next to its field); anything
/// that is not about the input is an error page.
fn refused(ctx: &Ctx, form: &mut FormState, e: AppError) -> Result<(), WebError> {
    if event_form::fail(form, &e, ctx.lang) {
        return Ok(());
    }
    if e.field.is_some() || e.status == StatusCode::CONFLICT {
        form.fail("form", event_form::translate(&e, ctx.lang));
        return Ok(());
    }
    Err(e.into())
}

pub async fn create(
    ctx: Ctx,
    Path(handle): Path<String>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let mode = Mode::New { copy_of: None };
    let (mut form, input) = submitted(&ctx, &org, mp).await?;
    let Some(input) = input else {
        return form_page(&ctx, &org, mode, form).await;
    };
    let mut conn = ctx.state.conn().await?;
    let checked = input.validate(&mut conn, ctx.state.urls.base(), 0).await;
    let location = format!("/editor/{handle}/events");
    let (key, account) = (
        form.val(crate::web::once::FIELD).to_string(),
        ctx.session.account.id,
    );
    let published = match checked {
        // Published once, however often the form is sent (see `web::once`).
        Ok((data, event)) => {
            use diesel_async::AsyncConnection;
            conn.transaction::<_, AppError, _>(async |conn| {
                if let Some(earlier) =
                    crate::web::once::repeated(conn, &key, account, &location).await?
                {
                    return Ok(Some(earlier));
                }
                crate::events::publish_new(conn, &ctx.state, &org, &data, &event).await?;
                Ok(None)
            })
            .await
        }
        Err(e) => Err(e),
    };
    match published {
        Ok(earlier) => {
            let to = earlier.unwrap_or(location);
            Ok(ctx.redirect_with_notice(&to, Notice::EventCreated))
        }
        Err(e) => {
            refused(&ctx, &mut form, e)?;
            form_page(&ctx, &org, mode, form).await
        }
    }
}

pub async fn update(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let mode = Mode::Edit { id: &id };
    let (mut form, input) = submitted(&ctx, &org, mp).await?;
    let Some(input) = input else {
        return form_page(&ctx, &org, mode, form).await;
    };
    let mut conn = ctx.state.conn().await?;
    match crate::events::publish_update(&mut conn, &ctx.state, &org, full.post.post.id, &input)
        .await
    {
        Ok(_) => {
            Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/events"), Notice::EventUpdated))
        }
        Err(e) => {
            refused(&ctx, &mut form, e)?;
            form_page(&ctx, &org, mode, form).await
        }
    }
}

#[derive(Template)]
#[template(path = "editor/event_cancel.html")]
struct CancelPage {
    layout: EditorLayout,
    handle: String,
    id: String,
    question: String,
    when: String,
}

/// Asks before cancelling.
pub async fn cancel_form(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let title = title_of(&full.post, ctx.lang);
    render(CancelPage {
        layout: ctx.layout(
            ctx.t.ed_cancel_event,
            &format!("/editor/{handle}/events/{id}/cancel"),
        ),
        handle: org.handle,
        question: ctx.t.ed_cancel_confirm(&title),
        when: when(&full.event, ctx.lang),
        id,
    })
}

pub async fn cancel(
    ctx: Ctx,
    Path((handle, id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    ctx.csrf(&FormState::new(pairs))?;
    let org = ctx.editable_org(&handle).await?;
    let full = our_event(&ctx, &org, &id).await?;
    let mut conn = ctx.state.conn().await?;
    crate::events::set_status(
        &mut conn,
        &ctx.state,
        &org,
        full.post.post.id,
        EventStatus::Cancelled,
    )
    .await?;
    Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/events"), Notice::EventCancelled))
}
