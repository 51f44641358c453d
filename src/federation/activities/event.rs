//! Taking part in events: `Join` and `Leave`, answered with `Accept` or `Reject` whose object
//! is the Join (by id), as Mobilizon does.
//!
//! As organiser (our events): a free event accepts a Join at once while places are left, and
//! puts it on the waiting list with a `Reject` when full; the first waiting is accepted when
//! a place frees. In approval mode a Join waits for the organiser's editors. A Join for a
//! cancelled, ended or externally registered event, or after the registration deadline, is
//! rejected. Decisions on one event are taken under a lock on its row.
//!
//! As participant (our organisations in events anywhere): we send the Join and note the
//! answer. An event on this instance is joined directly, without HTTP.

use super::{inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{DbEvent, DbParticipation, JoinMode, ParticipationState};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::protocol::activity::{Activity, ActivityKind, ObjectRef, Received, id_of};
use crate::state::AppState;
use chrono::Utc;
use diesel_async::AsyncPgConnection;

/// Why a Join is refused outright (not for capacity).
fn refusal(event: &DbEvent, now: chrono::DateTime<Utc>) -> Option<&'static str> {
    use crate::db::models::event::EventStatus;
    if event.status == EventStatus::Cancelled {
        Some("the event is cancelled")
    } else if event.is_past(now) {
        Some("the event is over")
    } else if event.registration_deadline.is_some_and(|d| d < now) {
        Some("registration closed at its deadline")
    } else if event.join_mode == JoinMode::External {
        Some("registration for this event is on an external site")
    } else {
        None
    }
}

/// Queues the organiser's answer to a Join (`Accept` or `Reject`, object = the Join's id)
/// to a remote participant; a local participant reads its row.
async fn answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    organiser: &DbActor,
    participant: &DbActor,
    object_id: &str,
    accept: bool,
) -> Result<(), AppError> {
    if participant.local {
        return Ok(());
    }
    let kind = if accept {
        ActivityKind::Accept
    } else {
        ActivityKind::Reject
    };
    let activity = Activity::new(
        new_id(state, kind.as_str()),
        kind,
        organiser.ap_id.as_str(),
        object_id.to_string(),
        vec![participant.ap_id.to_string()],
    );
    queue(conn, organiser, activity, None, &[inbox_of(participant)]).await?;
    Ok(())
}

/// The outcome of a Join as the organiser decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinOutcome {
    Accepted,
    /// Awaits the organiser's editors (approval mode).
    Pending,
    /// Refused for capacity, on the waiting list.
    Waiting,
    Refused(&'static str),
}

/// Organiser side: a Join for one of our events, from anyone (a remote account, or one of
/// our organisations). In the caller's transaction.
pub async fn take_join(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &DbPost,
    participant: &DbActor,
    join_id: &str,
    message: Option<&str>,
) -> Result<JoinOutcome, AppError> {
    let organiser = DbActor::by_id(conn, post.actor_id).await?;
    let Some(event) = DbEvent::lock(conn, post.id).await? else {
        return Err(AppError::not_found("no such event"));
    };
    let existing = DbParticipation::find(conn, post.id, participant.id).await?;
    if let Some(p) = &existing
        && p.state == ParticipationState::Accepted
    {
        // A repeated Join: the same answer again, for the Join it names.
        DbParticipation::upsert(conn, post.id, participant.id, p.state, join_id, message).await?;
        answer(conn, state, &organiser, participant, join_id, true).await?;
        return Ok(JoinOutcome::Accepted);
    }
    if post.deleted_at.is_some() {
        answer(conn, state, &organiser, participant, join_id, false).await?;
        return Ok(JoinOutcome::Refused("the event was deleted"));
    }
    if let Some(why) = refusal(&event, Utc::now()) {
        answer(conn, state, &organiser, participant, join_id, false).await?;
        return Ok(JoinOutcome::Refused(why));
    }
    let message = message.map(|m| m.chars().take(2000).collect::<String>());
    let message = message.as_deref();
    if event.join_mode == JoinMode::Approval {
        DbParticipation::upsert(
            conn,
            post.id,
            participant.id,
            ParticipationState::Pending,
            join_id,
            message,
        )
        .await?;
        return Ok(JoinOutcome::Pending);
    }
    let accepted = DbParticipation::accepted_count(conn, post.id).await?;
    if event.capacity.is_some_and(|c| accepted >= i64::from(c)) {
        DbParticipation::upsert(
            conn,
            post.id,
            participant.id,
            ParticipationState::Waiting,
            join_id,
            message,
        )
        .await?;
        answer(conn, state, &organiser, participant, join_id, false).await?;
        return Ok(JoinOutcome::Waiting);
    }
    DbParticipation::upsert(
        conn,
        post.id,
        participant.id,
        ParticipationState::Accepted,
        join_id,
        message,
    )
    .await?;
    answer(conn, state, &organiser, participant, join_id, true).await?;
    Ok(JoinOutcome::Accepted)
}

/// Organiser side: someone leaves one of our events. The first on the waiting list moves up
/// when an accepted place frees. `false` when the actor was not taking part.
pub async fn take_leave(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &DbPost,
    participant: &DbActor,
) -> Result<bool, AppError> {
    if DbEvent::lock(conn, post.id).await?.is_none() {
        return Err(AppError::not_found("no such event"));
    }
    let Some(p) = DbParticipation::find(conn, post.id, participant.id).await? else {
        return Ok(false);
    };
    DbParticipation::remove(conn, p.id).await?;
    if p.state == ParticipationState::Accepted {
        promote_waiting(conn, state, post).await?;
    }
    Ok(true)
}

/// Accepts the first on the waiting list while places are free (after a participant left or
/// was refused, or the capacity was raised).
pub async fn promote_waiting(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &DbPost,
) -> Result<(), AppError> {
    let Some(event) = DbEvent::by_post(conn, post.id).await? else {
        return Ok(());
    };
    if refusal(&event, Utc::now()).is_some() {
        return Ok(());
    }
    let organiser = DbActor::by_id(conn, post.actor_id).await?;
    loop {
        let accepted = DbParticipation::accepted_count(conn, post.id).await?;
        if event.capacity.is_some_and(|c| accepted >= i64::from(c)) {
            return Ok(());
        }
        let Some(next) = DbParticipation::first_waiting(conn, post.id).await? else {
            return Ok(());
        };
        DbParticipation::set_state(conn, next.id, ParticipationState::Accepted).await?;
        let participant = DbActor::by_id(conn, next.actor_id).await?;
        answer(
            conn,
            state,
            &organiser,
            &participant,
            &next.join_ap_id,
            true,
        )
        .await?;
    }
}

/// The organiser's editors decide on a pending (or waiting) participation. Approving beyond
/// capacity is refused with a 422 naming `capacity`.
pub async fn decide(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    post: &DbPost,
    participation_id: i64,
    approve: bool,
) -> Result<DbParticipation, AppError> {
    let Some(event) = DbEvent::lock(conn, post.id).await? else {
        return Err(AppError::not_found("no such event"));
    };
    let p = DbParticipation::by_id(conn, participation_id)
        .await?
        .filter(|p| p.event_id == post.id)
        .ok_or_else(|| AppError::not_found("no such participation in this event"))?;
    let organiser = DbActor::by_id(conn, post.actor_id).await?;
    let participant = DbActor::by_id(conn, p.actor_id).await?;
    if approve {
        if p.state == ParticipationState::Accepted {
            return Ok(p);
        }
        let accepted = DbParticipation::accepted_count(conn, post.id).await?;
        if event.capacity.is_some_and(|c| accepted >= i64::from(c)) {
            return Err(AppError::invalid(
                "capacity",
                "the event is full: raise its capacity first",
            ));
        }
        let p = DbParticipation::set_state(conn, p.id, ParticipationState::Accepted).await?;
        answer(conn, state, &organiser, &participant, &p.join_ap_id, true).await?;
        Ok(p)
    } else {
        let was_accepted = p.state == ParticipationState::Accepted;
        let p = DbParticipation::set_state(conn, p.id, ParticipationState::Rejected).await?;
        answer(conn, state, &organiser, &participant, &p.join_ap_id, false).await?;
        if was_accepted {
            promote_waiting(conn, state, post).await?;
        }
        Ok(p)
    }
}

/// Participant side: one of our organisations asks to take part in an event (ours or
/// anyone's). Returns the participation as it stands (an event here is decided at once).
pub async fn join(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    org: &DbActor,
    post: &DbPost,
    message: Option<&str>,
) -> Result<DbParticipation, AppError> {
    let join_id = new_id(state, "join");
    if post.local {
        let outcome = take_join(conn, state, post, org, &join_id, message).await?;
        if let JoinOutcome::Refused(why) = outcome {
            return Err(AppError::invalid("event", why));
        }
        return DbParticipation::find(conn, post.id, org.id)
            .await?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("participation not recorded")));
    }
    if let Some(event) = DbEvent::by_post(conn, post.id).await?
        && let Some(why) = refusal(&event, Utc::now())
    {
        return Err(AppError::invalid("event", why));
    }
    let organiser = DbActor::by_id(conn, post.actor_id).await?;
    let p = DbParticipation::upsert(
        conn,
        post.id,
        org.id,
        ParticipationState::Pending,
        &join_id,
        message,
    )
    .await?;
    let mut activity = serde_json::to_value(Activity::new(
        join_id,
        ActivityKind::Join,
        org.ap_id.as_str(),
        post.ap_id.to_string(),
        vec![organiser.ap_id.to_string()],
    ))
    .map_err(AppError::internal)?;
    if let Some(m) = message {
        activity["participationMessage"] = serde_json::Value::String(m.to_string());
    }
    queue(
        conn,
        org,
        activity,
        Some(post.ap_id.as_str()),
        &[inbox_of(&organiser)],
    )
    .await?;
    Ok(p)
}

/// Participant side: one of our organisations leaves an event. 422 when it was not taking
/// part.
pub async fn leave(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    org: &DbActor,
    post: &DbPost,
) -> Result<(), AppError> {
    if post.local {
        if !take_leave(conn, state, post, org).await? {
            return Err(AppError::invalid("event", "not taking part in this event"));
        }
        return Ok(());
    }
    let p = DbParticipation::find(conn, post.id, org.id)
        .await?
        .ok_or_else(|| AppError::invalid("event", "not taking part in this event"))?;
    DbParticipation::remove(conn, p.id).await?;
    let organiser = DbActor::by_id(conn, post.actor_id).await?;
    let activity = Activity::new(
        new_id(state, "leave"),
        ActivityKind::Leave,
        org.ap_id.as_str(),
        post.ap_id.to_string(),
        vec![organiser.ap_id.to_string()],
    );
    queue(
        conn,
        org,
        activity,
        Some(post.ap_id.as_str()),
        &[inbox_of(&organiser)],
    )
    .await?;
    Ok(())
}

/// The local event post an activity's object names (an id, or the embedded Event).
async fn our_event(
    conn: &mut AsyncPgConnection,
    object: Option<&ObjectRef>,
) -> Result<Option<DbPost>, AppError> {
    let Some(id) = object.and_then(ObjectRef::id) else {
        return Ok(None);
    };
    Ok(DbPost::by_ap_id(conn, id.as_str())
        .await?
        .filter(|p| p.local && p.object_type == "Event"))
}

/// Inbound Join of one of our events.
pub async fn receive_join(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    received: &Received,
) -> Result<(), AppError> {
    let Some(post) = our_event(conn, received.object.as_ref()).await? else {
        return Err(AppError::invalid(
            "object",
            "a Join must name one of this instance's events",
        ));
    };
    let message = received.raw["participationMessage"]
        .as_str()
        .filter(|m| !m.trim().is_empty());
    let outcome = take_join(conn, state, &post, signer, received.id.as_str(), message).await?;
    tracing::info!(event = %post.ap_id, actor = %signer.ap_id, ?outcome, "join");
    Ok(())
}

/// Inbound Leave of one of our events (or Undo of a Join). A Leave from someone not taking
/// part is answered with a Reject of the Leave.
pub async fn receive_leave(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    activity_id: &str,
    event: Option<&ObjectRef>,
) -> Result<(), AppError> {
    let Some(post) = our_event(conn, event).await? else {
        return Err(AppError::invalid(
            "object",
            "a Leave must name one of this instance's events",
        ));
    };
    if !take_leave(conn, state, &post, signer).await? {
        let organiser = DbActor::by_id(conn, post.actor_id).await?;
        answer(conn, state, &organiser, signer, activity_id, false).await?;
    }
    Ok(())
}

/// The Join named by an inbound Undo (its embedded object's object, or the participation
/// the Join's id names).
pub async fn receive_undo_join(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    received: &Received,
    inner: &ObjectRef,
) -> Result<(), AppError> {
    if let Some(event) = id_of(&inner.embedded()["object"]) {
        let event = ObjectRef::Id(event);
        return receive_leave(conn, state, signer, received.id.as_str(), Some(&event)).await;
    }
    let Some(join) = inner.id() else {
        return Err(AppError::bad_request("Undo of a Join without its id"));
    };
    let Some(p) = DbParticipation::by_join(conn, join.as_str()).await? else {
        return Ok(());
    };
    if p.actor_id != signer.id {
        return Err(AppError::forbidden(
            "only the participant may undo its Join",
        ));
    }
    if let Some(post) = DbPost::by_id(conn, p.event_id).await? {
        take_leave(conn, state, &post, signer).await?;
    }
    Ok(())
}

/// Inbound Accept or Reject of one of our Joins. `false` when the object is no Join of ours.
pub async fn receive_answer(
    conn: &mut AsyncPgConnection,
    signer: &DbActor,
    received: &Received,
    accept: bool,
) -> Result<bool, AppError> {
    let object = received.object.as_ref();
    let Some(join) = object.and_then(ObjectRef::id) else {
        return Ok(false);
    };
    let Some(p) = DbParticipation::by_join(conn, join.as_str()).await? else {
        return Ok(false);
    };
    let Some(post) = DbPost::by_id(conn, p.event_id).await? else {
        return Ok(false);
    };
    let organiser = DbActor::by_id(conn, post.actor_id).await?;
    // The event's organiser answers (Mobilizon answers for a group with a member account on
    // the group's host).
    if organiser.id != signer.id && organiser.domain != signer.domain {
        return Err(AppError::forbidden(
            "only the event's organiser may answer a Join",
        ));
    }
    // A Reject after an Accept (a place withdrawn) leaves us without a place too.
    let state = if accept {
        ParticipationState::Accepted
    } else {
        ParticipationState::Rejected
    };
    DbParticipation::set_state(conn, p.id, state).await?;
    Ok(true)
}

/// The inboxes an event's changes go to besides the organiser's followers: its remote
/// participants.
pub async fn participant_inboxes(
    conn: &mut AsyncPgConnection,
    post: &DbPost,
) -> Result<Vec<(String, String)>, AppError> {
    if post.object_type != "Event" {
        return Ok(vec![]);
    }
    Ok(DbParticipation::remote_participants(conn, post.id)
        .await?
        .iter()
        .map(inbox_of)
        .collect())
}
