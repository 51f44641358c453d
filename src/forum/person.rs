//! Writing as oneself: an account's own `Person` actor, off by default. Turned on, it gets a
//! handle (chosen once, in the one namespace of local handles; the username by default), a
//! display name and a key pair of its own, and the forum offers it beside the account's
//! organisations. Turned off, it is deleted as fediverse servers delete an account: a
//! `Delete` of the actor goes to every inbox that was sent something of it, what it wrote
//! is removed here, and its id answers 410 Gone. Its handle stays reserved for the account,
//! which may turn the same actor on again.

use crate::db::models::account::Account;
use crate::db::models::actor::{DbActor, NewActor};
use crate::db::models::person::{self, Person};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::PUBLIC;
use crate::federation::activities::{new_id, queue};
use crate::federation::keys;
use crate::federation::protocol::activity::{Activity, ActivityKind};
use crate::federation::urls::Urls;
use crate::state::AppState;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;

pub const MAX_PERSON_NAME: usize = 100;

/// Turning one's Person on, or changing its display name.
#[derive(utoipa::ToSchema, Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// The handle (`@handle@host`), chosen once; the username by default.
    #[serde(default)]
    pub handle: Option<String>,
    /// The name shown with what one writes; the username by default.
    #[serde(default)]
    pub name: Option<String>,
}

fn checked_name(name: Option<&str>, fallback: &str) -> Result<String, AppError> {
    let name = name.map(str::trim).unwrap_or("");
    let name = if name.is_empty() { fallback } else { name };
    if name.chars().count() > MAX_PERSON_NAME || name.chars().any(char::is_control) {
        return Err(AppError::invalid(
            "name",
            format!("at most {MAX_PERSON_NAME} characters, on one line"),
        ));
    }
    Ok(name.to_string())
}

fn domain_of(urls: &Urls) -> String {
    urls.base()
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

fn person_row(urls: &Urls, handle: &str, name: String, keys: keys::KeyPair) -> NewActor {
    NewActor {
        ap_id: urls.person(handle),
        local: true,
        actor_type: "Person".into(),
        handle: handle.to_string(),
        domain: domain_of(urls),
        name,
        summary_map: serde_json::Value::Object(Default::default()),
        summary_html: None,
        inbox_url: urls.person_part(handle, "inbox"),
        shared_inbox_url: Some(urls.shared_inbox()),
        outbox_url: Some(urls.person_part(handle, "outbox")),
        followers_url: Some(urls.person_part(handle, "followers")),
        profile_url: Some(urls.person(handle)),
        icon_url: None,
        image_url: None,
        public_key_pem: keys.public_pem,
        private_key_pem: Some(keys.private_pem),
        manually_approves_followers: false,
        // A person is not listed in directories or search engines unless they say so.
        discoverable: false,
        indexable: false,
        ..Default::default()
    }
}

fn handle_taken(handle: &str) -> AppError {
    AppError::invalid("handle", format!("the handle `{handle}` is taken"))
}

/// Turns the account's Person on (made now, or the same one again), or changes its name.
pub async fn enable(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    account: &Account,
    input: &PersonInput,
) -> Result<Person, AppError> {
    let handle = input.handle.as_deref().map(str::trim);
    if let Some(existing) = person::of_account(conn, account.id).await? {
        if handle.is_some_and(|h| !h.eq_ignore_ascii_case(&existing.actor.handle)) {
            return Err(AppError::invalid(
                "handle",
                format!(
                    "the handle is `{}`: it is part of the person's id and does not change",
                    existing.actor.handle
                ),
            ));
        }
        let name = checked_name(input.name.as_deref(), &existing.actor.name)?;
        let was_on = existing.enabled();
        let renamed = name != existing.actor.name;
        conn.transaction::<_, AppError, _>(async |conn| {
            person::set_on(conn, existing.actor.id, &name).await?;
            if was_on && renamed {
                let actor = DbActor::by_id(conn, existing.actor.id).await?;
                publish_update(conn, state, &actor).await?;
            }
            Ok(())
        })
        .await?;
        state.wakeup.wake();
        if !was_on {
            tracing::info!(actor.id = %existing.actor.ap_id, "person turned on again");
        }
        return person::of_account(conn, account.id)
            .await?
            .ok_or_else(|| AppError::not_found("no person"));
    }
    let handle = match handle {
        Some(h) => h.to_string(),
        None => account.username.to_lowercase(),
    };
    if !crate::orgs::valid_handle(&handle) {
        return Err(AppError::invalid(
            "handle",
            "1–64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
        ));
    }
    let name = checked_name(input.name.as_deref(), &account.username)?;
    if DbActor::local_by_handle(conn, &handle).await?.is_some() {
        return Err(handle_taken(&handle));
    }
    let keys = keys::generate().await?;
    let row = person_row(&state.urls, &handle, name, keys);
    let created = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            person::create(conn, account.id, &row).await
        })
        .await
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => handle_taken(&handle),
            e => e.into(),
        })?;
    tracing::info!(actor.id = %created.actor.ap_id, account = %account.username, "person turned on");
    Ok(created)
}

/// Queues Update{Person} to the inboxes that know it (a new display name).
async fn publish_update(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &DbActor,
) -> Result<(), AppError> {
    let inboxes = person::inboxes_that_saw(conn, actor.id).await?;
    if inboxes.is_empty() {
        return Ok(());
    }
    let json = actor
        .to_json(&state.urls, state.config.main_language())
        .map_err(AppError::internal)?;
    let activity = Activity::new(
        new_id(state, "update"),
        ActivityKind::Update,
        actor.ap_id.as_str(),
        json,
        vec![PUBLIC.to_string()],
    );
    queue(conn, actor, activity, Some(actor.ap_id.as_str()), &inboxes).await?;
    Ok(())
}

/// Turns the account's Person off: `Delete` of the actor to every inbox that was sent
/// something of it, what it wrote removed here, the actor marked deleted; one transaction.
pub async fn disable(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    account: &Account,
) -> Result<(), AppError> {
    let Some(p) = person::of_account(conn, account.id)
        .await?
        .filter(Person::enabled)
    else {
        return Err(AppError::not_found("you do not write as yourself"));
    };
    let actor = p.actor;
    conn.transaction::<_, AppError, _>(async |conn| {
        let inboxes = person::inboxes_that_saw(conn, actor.id).await?;
        if !inboxes.is_empty() {
            let activity = Activity::new(
                new_id(state, "delete"),
                ActivityKind::Delete,
                actor.ap_id.as_str(),
                actor.ap_id.to_string(),
                vec![PUBLIC.to_string()],
            );
            queue(conn, &actor, activity, Some(actor.ap_id.as_str()), &inboxes).await?;
        }
        DbPost::delete_by_actor(conn, actor.id).await?;
        person::set_off(conn, actor.id).await?;
        Ok(())
    })
    .await?;
    state.wakeup.wake();
    tracing::info!(actor.id = %actor.ap_id, "person turned off");
    Ok(())
}

/// The account's Person while it is on.
pub async fn active(
    conn: &mut AsyncPgConnection,
    account_id: i64,
) -> Result<Option<DbActor>, AppError> {
    Ok(person::of_account(conn, account_id)
        .await?
        .filter(Person::enabled)
        .map(|p| p.actor))
}
