//! An organisation's profile: fields, partnerships, projects, follower count, feeds and the
//! "follow from Mastodon" box (handled in `follow`).

use super::events::{EventCard, event_cards};
use super::home::kind_label;
use super::{FeedLink, Layout, PageLang, PostCard, Section, card, render, with_lang};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, EventFilter};
use crate::db::models::follow::DbFollow;
use crate::db::models::partnership::DbPartnership;
use crate::db::models::post::DbPost;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::LangQuery;
use crate::web::i18n::{format_number, partnership_status};
use askama::Template;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// What the visitor typed in the follow box, and what was wrong with it.
#[derive(Debug, Default)]
pub struct FollowForm {
    pub value: String,
    pub error: Option<String>,
}

/// One row of the partnerships table.
pub struct PartnershipRow {
    pub name: String,
    pub url: String,
    pub network: String,
    pub country: String,
    pub kind: String,
    pub year: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    layout: Layout,
    name: String,
    handle: String,
    follow_action: String,
    kind: String,
    summary: String,
    summary_lang: String,
    fields: Vec<(String, String)>,
    followers: String,
    partnerships: Vec<PartnershipRow>,
    pinned: Vec<PostCard>,
    posts: Vec<PostCard>,
    /// Its events running or to come, its own and those it co-organises.
    events: Vec<EventCard>,
    /// The organisation's iCalendar feed.
    ics_url: String,
    icon: Option<String>,
    form: FollowForm,
}

/// `GET /o/{handle}`: the actor document for ActivityPub clients, the profile page for
/// everyone else.
pub async fn organisation_or_actor(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(handle): axum::extract::Path<String>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<LangQuery>,
) -> AppResult<Response> {
    use crate::federation::routes::{local_org, organisation_json, wants_activity_json};
    if wants_activity_json(&headers) {
        return organisation_json(&state, &handle).await;
    }
    let actor = local_org(&state, &handle).await?;
    organisation(&state, actor, &headers, &query).await
}

/// The profile page (from `GET /o/{handle}` when a browser asks).
pub async fn organisation(
    state: &AppState,
    actor: DbActor,
    headers: &HeaderMap,
    query: &LangQuery,
) -> AppResult<Response> {
    let pl = PageLang::of(state, headers, query);
    profile(state, actor, pl, FollowForm::default()).await
}

/// The profile page with the follow box as given; a form with an error answers 422.
pub async fn profile(
    state: &AppState,
    actor: DbActor,
    pl: PageLang,
    form: FollowForm,
) -> AppResult<Response> {
    let lang = pl.lang;
    let mut conn = state.conn().await?;
    let posts = DbPost::page_by_actor(&mut conn, actor.id, None, 20).await?;
    let pinned = DbPost::pinned_by_actor(&mut conn, actor.id).await?;
    let followers = DbFollow::count_followers(&mut conn, actor.id).await?;
    let partnerships = DbPartnership::of_actor(&mut conn, actor.id).await?;
    let filter = EventFilter {
        actor_id: Some(actor.id),
        actor_ap_id: Some(actor.ap_id.to_string()),
        ..EventFilter::default()
    };
    let events = DbEvent::upcoming(&mut conn, &filter, chrono::Utc::now(), 10).await?;
    let events = event_cards(&mut conn, &events, lang).await?;
    drop(conn);
    let partnerships = partnerships
        .iter()
        .map(|p| {
            let other = p.partner_of(actor.id);
            PartnershipRow {
                name: other.name.clone(),
                url: if other.local {
                    state.urls.actor(&other.handle)
                } else {
                    other
                        .profile_url
                        .clone()
                        .unwrap_or_else(|| other.ap_id.to_string())
                },
                network: other.domain.clone(),
                country: other.country.clone().unwrap_or_default(),
                kind: p.partnership.kind.label(lang).to_string(),
                year: p
                    .partnership
                    .founded_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                status: partnership_status(p.partnership.status, p.partnership.confirmed, lang)
                    .to_string(),
            }
        })
        .collect();
    let summaries = actor.ordered_summaries(lang);
    let (summary_lang, summary) = summaries
        .iter()
        .find(|(l, _)| l == lang.code())
        .or(summaries.first())
        .cloned()
        .unwrap_or_default();
    let path = format!("/o/{}", actor.handle);
    let mut layout = Layout::new(state, pl, actor.name.clone(), &path, Section::Other).with_feeds(
        &format!("{path}/feed"),
        &format!("{} {}", strings_of(pl).projects_of, actor.name),
    );
    let ics_url = format!(
        "{}{}",
        state.urls.base().trim_end_matches('/'),
        with_lang(&format!("{path}/events.ics"), lang.code())
    );
    layout.feeds.push(FeedLink {
        mime: "text/calendar",
        title: format!("{} {}", strings_of(pl).ev_feed_of, actor.name),
        href: ics_url.clone(),
    });
    let failed = form.error.is_some();
    let page = OrganisationPage {
        name: actor.name.clone(),
        handle: format!("@{}@{}", actor.handle, state.config.instance.domain),
        follow_action: format!("{path}/follow"),
        kind: kind_label(&actor, lang).to_string(),
        summary,
        summary_lang,
        fields: actor
            .profile_fields(lang)
            .into_iter()
            .map(|f| (f.name, f.value))
            .collect(),
        followers: format_number(followers, lang),
        partnerships,
        pinned: pinned.iter().map(|p| card(p, &actor.name, lang)).collect(),
        posts: posts.iter().map(|p| card(p, &actor.name, lang)).collect(),
        icon: actor.icon_url.clone(),
        events,
        ics_url,
        form,
        layout,
    };
    let resp = render(state, &page, &page.layout)?;
    Ok(if failed {
        (StatusCode::UNPROCESSABLE_ENTITY, resp).into_response()
    } else {
        resp
    })
}

fn strings_of(pl: PageLang) -> &'static crate::web::i18n::Strings {
    crate::web::i18n::strings(pl.lang)
}
