//! The inbox (per actor and shared). Every POST must be signed (draft-cavage or RFC 9421) by
//! the activity's actor: 401 for a missing, malformed, expired, replayed or wrong signature
//! or a body that does not match its digest; 403 for a key whose owner is not the actor, an
//! object on another host than its author, or a blocked domain. Activities are idempotent by
//! id; what we do not handle is answered 202 and logged.

use super::activities::{announce, event, follow, group, other, partnership, post};
use super::objects::actor::authority;
use super::protocol::activity::{ActivityKind, ObjectRef, Received, type_of};
use super::resolve::{self, ResolveError};
use super::signatures::{PublicKey, RequestParts, SignatureError, SignedRequest};
use crate::db::models::actor::DbActor;
use crate::db::models::inbox::{Arrival, NewPost};
use crate::db::models::{delivery, inbox};
use crate::error::{AppError, AppResult};
use crate::state::{AppState, FedData};
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use diesel_async::AsyncConnection;
use serde_json::Value;
use std::time::SystemTime;
use url::Url;

pub async fn shared(
    data: FedData,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<StatusCode> {
    let result = receive(&data, &method, &uri, &headers, &body).await;
    data.metrics.inbox(&body, &result);
    result
}

pub async fn personal(
    data: FedData,
    Path(handle): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<StatusCode> {
    let result = async {
        let mut conn = data.conn().await?;
        DbActor::local_by_handle(&mut conn, &handle)
            .await?
            .ok_or_else(|| AppError::not_found(format!("no actor `{handle}` here")))?;
        drop(conn);
        receive(&data, &method, &uri, &headers, &body).await
    }
    .await;
    data.metrics.inbox(&body, &result);
    result
}

fn unauthorized(e: SignatureError) -> AppError {
    AppError::unauthorized(e.to_string())
}

fn replayed() -> AppError {
    AppError::unauthorized("this signed request was already received (replay)")
}

/// Checks a signed request (a GET, say) and returns the signing actor, noting that its
/// instance is alive.
pub async fn verify_request(
    data: &FedData,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> AppResult<DbActor> {
    Ok(verify_signature(data, method, uri, headers, body, false)
        .await?
        .actor)
}

/// A 401 saying why the signer's key could not be had: which URL, and what it answered.
fn key_unavailable(key_id: &str, e: ResolveError) -> AppError {
    tracing::info!(key = key_id, error = %e, "signing key unavailable");
    match e {
        ResolveError::Database(_) => e.into_app_error("signature"),
        e => AppError::unauthorized(format!("the signing key {key_id} could not be had: {e}")),
    }
}

/// A request's verified signer.
struct Verified {
    actor: DbActor,
    /// Whether anyone here follows it, as the lookup of a stored signer found (`None` when
    /// the actor was fetched instead).
    followed: Option<bool>,
}

/// Checks the request's signature and returns the signing actor, noting that its instance is
/// alive (nothing else is written). A known signer costs one query (actor, suspension,
/// domain block and whether it is followed). A stored signer is fetched again when its
/// profile is old, except with `stored_key`: an account's own deletion, which its server
/// answers for with 410 from then on, is checked with the key we have.
async fn verify_signature(
    data: &FedData,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
    stored_key: bool,
) -> AppResult<Verified> {
    let sig = SignedRequest::parse(headers).map_err(unauthorized)?;
    let owner = Url::parse(&sig.key_owner_hint())
        .map_err(|_| AppError::unauthorized("the key id is not a URL"))?;
    let domain = authority(&owner);
    let mut conn = data.conn().await?;
    let known = DbActor::signer(&mut conn, owner.as_str(), &domain).await?;
    let blocked = match &known {
        Some(k) => k.blocked,
        None => delivery::is_blocked(&mut conn, &domain).await?,
    };
    drop(conn);
    if blocked {
        return Err(AppError::forbidden(
            "this instance does not accept requests from your domain",
        ));
    }
    let (actor, mut suspended, mut followed) = match known {
        Some(k) if stored_key || !resolve::needs_refresh(&k.actor) => {
            (k.actor, Some(k.suspended), Some(k.followed))
        }
        _ => {
            let actor = resolve::actor(data, &owner)
                .await
                .map_err(|e| key_unavailable(&sig.key_id, e))?;
            (actor, None, None)
        }
    };
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let target_uri = format!("{}{path_and_query}", data.urls.base());
    let parts = RequestParts {
        method,
        path_and_query,
        target_uri: &target_uri,
        headers,
        body,
    };
    let key = PublicKey::from_pem(&actor.public_key_pem).map_err(unauthorized)?;
    let actor = match sig.verify(&parts, &key, SystemTime::now()) {
        Ok(()) => actor,
        Err(SignatureError::Invalid(_)) if !actor.local => {
            // The key may have been rotated: fetch the actor again, once.
            let fresh = resolve::fetch_actor(data, &owner)
                .await
                .map_err(|e| key_unavailable(&sig.key_id, e))?;
            let key = PublicKey::from_pem(&fresh.public_key_pem).map_err(unauthorized)?;
            sig.verify(&parts, &key, SystemTime::now())
                .map_err(unauthorized)?;
            suspended = None;
            followed = None;
            fresh
        }
        Err(e) => return Err(unauthorized(e)),
    };
    let suspended = match suspended {
        Some(s) => s,
        None => {
            let mut conn = data.conn().await?;
            crate::db::models::moderation::is_suspended(&mut conn, actor.id).await?
        }
    };
    if suspended {
        return Err(AppError::forbidden(
            "this actor is suspended on this instance",
        ));
    }
    crate::federation::delivery::note_alive(data, &actor.domain).await?;
    Ok(Verified { actor, followed })
}

/// Reads a received body as an activity, before anything is looked up: malformed JSON, text
/// PostgreSQL cannot store and a document that is no activity are 400. Public for the fuzz
/// target `inbox_activity`, which feeds it arbitrary bytes.
pub fn parse_activity(body: &[u8]) -> AppResult<Received> {
    let raw: Value = serde_json::from_slice(body)
        .map_err(|e| AppError::bad_request(format!("malformed JSON: {e}")))?;
    if let Some(field) = crate::input::unstorable_in_json(&raw) {
        let mut e = AppError::invalid(field, crate::input::NUL_REFUSED);
        e.status = StatusCode::BAD_REQUEST;
        e.code = "bad_request";
        return Err(e);
    }
    Received::parse(raw).map_err(|e| AppError::bad_request(format!("not an activity: {e}")))
}

async fn receive(
    data: &FedData,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> AppResult<StatusCode> {
    let received = parse_activity(body)?;
    let kind = received.kind;
    let activity = &received.raw;
    let activity_id = received.id.clone();
    let actor_id = received.actor.clone();
    let object_id = received.object.as_ref().and_then(ObjectRef::id);
    // A deleted account's last Delete cannot be verified (its key is gone): nothing to do.
    let self_delete = kind == ActivityKind::Delete && object_id.as_ref() == Some(&actor_id);
    if self_delete {
        let mut conn = data.conn().await?;
        if DbActor::by_ap_id(&mut conn, actor_id.as_str())
            .await?
            .is_none()
        {
            return Ok(StatusCode::ACCEPTED);
        }
    }
    // Any signed request shows its instance is alive, whatever becomes of the activity.
    let Verified {
        actor: signer,
        followed,
    } = verify_signature(data, method, uri, headers, body, self_delete).await?;
    if signer.ap_id.0 != actor_id {
        return Err(AppError::forbidden(
            "the signing key does not belong to the activity's actor",
        ));
    }
    if signer.local {
        return Err(AppError::forbidden(
            "activities of local actors are not accepted through the inbox",
        ));
    }
    if authority(&activity_id) != signer.domain {
        return Err(AppError::forbidden(
            "the activity's id is on another host than its actor",
        ));
    }
    let state: AppState = data.app_data().clone();
    // The type as sent, recorded with the id (an unsupported type keeps its own name).
    let type_name = type_of(activity).unwrap_or(kind.as_str());
    let fetched = if kind == ActivityKind::Announce {
        announce::prefetch(data, &signer, &received).await?
    } else {
        None
    };
    // A post submitted to one of our showcases is fetched before the transaction.
    let submitted = if kind == ActivityKind::Offer {
        crate::review::prefetch(&state, &signer, &received).await?
    } else {
        None
    };
    let arrival = inbox::ArrivalOf {
        signature: headers
            .get("signature")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default(),
        ap_id: activity_id.as_str(),
        kind: type_name,
        actor: actor_id.as_str(),
    };
    let mut conn = data.conn().await?;
    // The most common activity, a new post from an actor someone here follows, is one
    // statement; anything else about it (stored before, several languages, images) takes the
    // general path below.
    let one_statement = if kind == ActivityKind::Create && followed == Some(true) {
        post::receive_new(&mut conn, data.urls.base(), &signer, &arrival, &received).await?
    } else {
        None
    };
    let queued_before = delivery::enqueued_count();
    let processed = match one_statement {
        Some(NewPost::Replay) => return Err(replayed()),
        Some(NewPost::Repeat) => false,
        Some(NewPost::Stored) => true,
        Some(NewPost::Exists) | None => {
            conn.transaction::<_, AppError, _>(async |conn| {
                // The signature and the activity's id commit together with what it changes.
                match inbox::record_arrival(conn, &arrival).await? {
                    Arrival::Replay => return Err(replayed()),
                    Arrival::Repeat => return Ok(false),
                    Arrival::New => {}
                }
                let prefetched = Prefetched {
                    announced: fetched,
                    submitted,
                };
                dispatch(conn, &state, &signer, followed, &received, prefetched).await?;
                Ok(true)
            })
            .await?
        }
    };
    if processed {
        tracing::info!(kind = type_name, activity.id = %activity_id, actor.id = %actor_id, "activity received");
        // Wake the worker only when handling the activity queued deliveries (an Accept).
        if delivery::enqueued_count() != queued_before {
            state.wakeup.wake();
        }
    } else {
        tracing::debug!(activity.id = %activity_id, "activity received before; nothing changed");
    }
    Ok(StatusCode::ACCEPTED)
}

/// What was fetched for an activity before its transaction.
struct Prefetched {
    /// An Announce's object.
    announced: Option<announce::Fetched>,
    /// The post an Offer submits to one of our showcases.
    submitted: Option<crate::db::models::post::DbPost>,
}

/// Hands a received activity to the handler of its kind, in the arrival's transaction.
async fn dispatch(
    conn: &mut diesel_async::AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    followed: Option<bool>,
    received: &Received,
    prefetched: Prefetched,
) -> Result<(), AppError> {
    let Prefetched {
        announced: fetched,
        submitted,
    } = prefetched;
    if super::activities::funding::receive(conn, state, signer, received).await? {
        return Ok(());
    }
    let object = received.object.as_ref();
    let missing = || AppError::bad_request(format!("{} without an object", received.kind.as_str()));
    match received.kind {
        ActivityKind::Follow => follow::receive_follow(conn, state, signer, received).await?,
        ActivityKind::Accept | ActivityKind::Reject | ActivityKind::TentativeReject
            if crate::review::receive_answer(conn, state, signer, received).await? => {}
        ActivityKind::TentativeReject => tracing::info!(
            activity.id = %received.id,
            "TentativeReject of something other than a submission; acknowledged"
        ),
        ActivityKind::Accept | ActivityKind::Reject => {
            let accept = received.kind == ActivityKind::Accept;
            match partnership::answered(conn, received).await? {
                Some(p) => partnership::receive_answer(conn, signer, p, accept).await?,
                None => {
                    if !event::receive_answer(conn, signer, received, accept).await? {
                        follow::receive_answer(conn, signer, received, accept).await?
                    }
                }
            }
        }
        ActivityKind::Offer
            if crate::review::receive_offer(conn, state, signer, received, submitted).await? => {}
        ActivityKind::Offer => partnership::receive_offer(conn, signer, received).await?,
        ActivityKind::Undo => {
            let inner = object.ok_or_else(missing)?;
            match inner.kind() {
                Some("Follow") => follow::receive_undo_follow(conn, signer, inner).await?,
                Some("Join") => {
                    event::receive_undo_join(conn, state, signer, received, inner).await?
                }
                Some(k @ ("Like" | "Announce")) => {
                    announce::receive_undo(conn, signer, inner, k).await?
                }
                Some(other) => {
                    tracing::info!(kind = other, "Undo of an activity we do not handle")
                }
                // A bare id: one of the sender's follows, else of its reactions.
                None => {
                    let followed = match inner.id() {
                        Some(id) => follow::receive_undo_by_id(conn, signer, id.as_str()).await?,
                        None => false,
                    };
                    if !followed {
                        announce::receive_undo(conn, signer, inner, "Like").await?
                    }
                }
            }
        }
        ActivityKind::Create => {
            post::receive_create_or_update(conn, state, signer, followed, received).await?
        }
        ActivityKind::Update => match object.ok_or_else(missing)?.kind() {
            Some("Person" | "Organization" | "Group" | "Service" | "Application") => {
                other::receive_update_actor(conn, signer, object.ok_or_else(missing)?.embedded())
                    .await?
            }
            Some("Relationship") => {
                partnership::receive_update(conn, signer, object.ok_or_else(missing)?, false)
                    .await?
            }
            _ => post::receive_create_or_update(conn, state, signer, followed, received).await?,
        },
        ActivityKind::Delete => {
            let target = object.and_then(ObjectRef::id).ok_or_else(missing)?;
            if target == signer.ap_id.0 {
                other::receive_delete_actor(conn, signer).await?
            } else if crate::db::models::partnership::DbPartnership::by_ap_id(conn, target.as_str())
                .await?
                .is_some()
            {
                partnership::receive_update(conn, signer, object.ok_or_else(missing)?, true).await?
            } else {
                post::receive_delete_object(conn, state, signer, &target, received).await?
            }
        }
        ActivityKind::Announce
            if signer.actor_type == "Group"
                && group::receive_group_action(conn, signer, object.ok_or_else(missing)?)
                    .await? => {}
        ActivityKind::Announce | ActivityKind::Like => {
            announce::receive(conn, signer, received, fetched).await?
        }
        ActivityKind::Lock | ActivityKind::Block | ActivityKind::Add | ActivityKind::Remove => {
            tracing::info!(
                kind = received.kind.as_str(),
                activity.id = %received.id,
                "moderation activity outside a group's Announce; acknowledged"
            )
        }
        ActivityKind::Join => event::receive_join(conn, state, signer, received).await?,
        ActivityKind::Leave => {
            event::receive_leave(conn, state, signer, received.id.as_str(), object).await?
        }
        ActivityKind::Move => other::receive_move(conn, signer, received).await?,
        ActivityKind::Flag => other::receive_flag(conn, state, signer, received).await?,
        ActivityKind::Other => tracing::info!(
            kind = type_of(&received.raw).unwrap_or(""),
            activity.id = %received.id,
            "activity type not supported; acknowledged"
        ),
    }
    Ok(())
}
