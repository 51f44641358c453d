//! Funding programmes between networks: ours are sent by our instance actor to the peer
//! networks that subscribe to us (the subscription of `relay`: their instance actors follow
//! ours), as `Create`, `Update` and `Delete` of a `FundingProgramme`, through the persistent
//! delivery queue; a network that subscribes later is sent every programme we keep. What
//! peers send is stored attributed to their network and cannot be edited here.

use super::relay::{SubscribersLock, instance_actor, is_peer_instance_actor, lock_subscribers};
use super::{inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::follow::DbFollow;
use crate::db::models::funding::{DbProgramme, ProgrammeData, ProgrammeFull};
use crate::error::AppError;
use crate::federation::PUBLIC;
use crate::federation::objects::actor::authority;
use crate::federation::objects::funding::{from_json, to_json};
use crate::federation::protocol::activity::{Activity, ActivityKind, Received, Tombstone};
use crate::federation::protocol::funding::{FUNDING_PROGRAMME, FundingProgrammeJson};
use crate::state::AppState;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use url::Url;

/// The inboxes of the peer networks subscribed to ours (relays are left out: the type is
/// ours, and only passerelle networks read it).
async fn peer_inboxes(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    me: &DbActor,
) -> Result<Vec<(String, String)>, AppError> {
    lock_subscribers(conn, SubscribersLock::Read).await?;
    let peers = &state.config.federation.peers;
    Ok(DbFollow::follower_inboxes(conn, me.id)
        .await?
        .into_iter()
        .filter(|(_, domain)| peers.iter().any(|p| p.eq_ignore_ascii_case(domain)))
        .collect())
}

fn activity(
    state: &AppState,
    me: &DbActor,
    kind: ActivityKind,
    full: &ProgrammeFull,
) -> Result<Activity<FundingProgrammeJson>, AppError> {
    let network = Url::parse(me.ap_id.as_str()).map_err(AppError::internal)?;
    Ok(Activity::new(
        new_id(state, kind.as_str()),
        kind,
        me.ap_id.as_str(),
        to_json(full, &network),
        vec![PUBLIC.to_string()],
    )
    .with_published(full.programme.updated))
}

/// Queues `Create` (or `Update`) of one of our programmes to the peer networks.
async fn publish(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    full: &ProgrammeFull,
    kind: ActivityKind,
) -> Result<(), AppError> {
    let me = instance_actor(conn).await?;
    let inboxes = peer_inboxes(conn, state, &me).await?;
    let activity = activity(state, &me, kind, full)?;
    let object = full.programme.ap_id.as_str().to_string();
    queue(conn, &me, activity, Some(&object), &inboxes).await?;
    Ok(())
}

/// Creates one of our programmes and queues its `Create`, in one transaction; the caller
/// wakes the delivery worker.
pub async fn create_local(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    data: &ProgrammeData,
) -> Result<ProgrammeFull, AppError> {
    conn.transaction(async |conn| {
        let me = instance_actor(conn).await?;
        let ap_id = format!(
            "{}/funding/{}",
            state.urls.base(),
            uuid::Uuid::new_v4().simple()
        );
        let full = DbProgramme::create(conn, &ap_id, me.id, true, data).await?;
        publish(conn, state, &full, ActivityKind::Create).await?;
        Ok(full)
    })
    .await
}

/// A programme that may be edited here: ours, or 404 / 403.
async fn own(conn: &mut AsyncPgConnection, id: i64) -> Result<DbProgramme, AppError> {
    let p = DbProgramme::by_id(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("no funding programme {id}")))?;
    if !p.local {
        return Err(AppError::forbidden(
            "this programme is kept by another network; it can be changed there only",
        ));
    }
    Ok(p)
}

/// Replaces one of our programmes and queues its `Update`.
pub async fn update_local(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    id: i64,
    data: &ProgrammeData,
) -> Result<ProgrammeFull, AppError> {
    conn.transaction(async |conn| {
        own(conn, id).await?;
        let full = DbProgramme::replace(conn, id, data).await?;
        publish(conn, state, &full, ActivityKind::Update).await?;
        Ok(full)
    })
    .await
}

/// Removes one of our programmes and queues its `Delete`.
pub async fn delete_local(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    id: i64,
) -> Result<(), AppError> {
    conn.transaction(async |conn| {
        let p = own(conn, id).await?;
        let me = instance_actor(conn).await?;
        let inboxes = peer_inboxes(conn, state, &me).await?;
        let delete = Activity::new(
            new_id(state, "delete"),
            ActivityKind::Delete,
            me.ap_id.as_str(),
            Tombstone::of(p.ap_id.as_str()),
            vec![PUBLIC.to_string()],
        );
        queue(conn, &me, delete, Some(p.ap_id.as_str()), &inboxes).await?;
        DbProgramme::delete(conn, id).await?;
        Ok(())
    })
    .await
}

/// Sends a peer network that has just subscribed every programme we keep, oldest first.
pub async fn backfill(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    me: &DbActor,
    subscriber: &DbActor,
) -> Result<(), AppError> {
    let inbox = [inbox_of(subscriber)];
    for id in DbProgramme::local_ids(conn).await? {
        let Some(row) = DbProgramme::by_id(conn, id).await? else {
            continue;
        };
        let full = DbProgramme::full(conn, row).await?;
        let activity = activity(state, me, ActivityKind::Create, &full)?;
        let object = full.programme.ap_id.as_str().to_string();
        queue(conn, me, activity, Some(&object), &inbox).await?;
    }
    Ok(())
}

/// Handles a received activity when it is about a funding programme: `Create` or `Update`
/// of an embedded `FundingProgramme`, `Delete` of one stored here. `Ok(false)` when it is
/// about something else (the inbox then dispatches it as before).
pub async fn receive(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    activity: &Received,
) -> Result<bool, AppError> {
    let Some(object) = &activity.object else {
        return Ok(false);
    };
    match activity.kind {
        ActivityKind::Create | ActivityKind::Update if object.kind() == Some(FUNDING_PROGRAMME) => {
            let json: FundingProgrammeJson = object
                .parse()
                .map_err(|e| AppError::bad_request(format!("unreadable FundingProgramme: {e}")))?;
            store(conn, state, signer, &json).await?;
            Ok(true)
        }
        ActivityKind::Delete => {
            let Some(id) = object.id() else {
                return Ok(false);
            };
            let Some(stored) = DbProgramme::by_ap_id(conn, id.as_str()).await? else {
                return Ok(false);
            };
            if stored.network_id != signer.id {
                return Err(AppError::forbidden(
                    "only the network that keeps a programme may delete it",
                ));
            }
            DbProgramme::delete(conn, stored.id).await?;
            tracing::info!(programme = %id, network = %signer.domain, "funding programme deleted by its network");
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Stores (or replaces) a peer network's programme.
async fn store(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    json: &FundingProgrammeJson,
) -> Result<(), AppError> {
    if !is_peer_instance_actor(state, signer) {
        return Err(AppError::forbidden(
            "funding programmes are taken from the instance actors of peer networks only",
        ));
    }
    if json.attributed_to != signer.ap_id.0 || authority(&json.id) != signer.domain {
        return Err(AppError::forbidden(
            "a network may only send its own programmes, with ids on its own host",
        ));
    }
    let data = from_json(json, state.config.main_language()).map_err(AppError::bad_request)?;
    match DbProgramme::by_ap_id(conn, json.id.as_str()).await? {
        Some(stored) if stored.network_id != signer.id => Err(AppError::forbidden(
            "that programme belongs to another network",
        )),
        Some(stored) => {
            DbProgramme::replace(conn, stored.id, &data).await?;
            tracing::info!(programme = %json.id, network = %signer.domain, "funding programme updated by its network");
            Ok(())
        }
        None => {
            DbProgramme::create(conn, json.id.as_str(), signer.id, false, &data).await?;
            tracing::info!(programme = %json.id, network = %signer.domain, "funding programme received");
            Ok(())
        }
    }
}

/// The document of one of our programmes (`GET /funding/{uuid}` asked for as ActivityPub
/// JSON), or 404.
pub async fn document(state: &AppState, uuid: &str) -> Result<axum::response::Response, AppError> {
    let ap_id = format!("{}/funding/{uuid}", state.urls.base());
    let mut conn = state.conn().await?;
    let row = DbProgramme::by_ap_id(&mut conn, &ap_id)
        .await?
        .filter(|p| p.local)
        .ok_or_else(|| AppError::not_found("no such funding programme here"))?;
    let me = instance_actor(&mut conn).await?;
    let full = DbProgramme::full(&mut conn, row).await?;
    let network = Url::parse(me.ap_id.as_str()).map_err(AppError::internal)?;
    crate::federation::routes::activity_json(&to_json(&full, &network))
}
