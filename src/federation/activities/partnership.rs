//! The partnership handshake across instances: one side offers (`Offer` of a
//! `Relationship`), the other accepts (`Accept`) or declines (`Reject`); either side later
//! updates it (`Update`: dormant, active again, description) or ends it (`Update` with status
//! `ended` and `endTime`; a `Delete` is read the same way, the row kept for history).

use super::{id_of, inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::partnership::{DbPartnership, PartnershipFull};
use crate::error::AppError;
use crate::federation::objects::actor::authority;
use crate::federation::objects::partnership::{Details, relationship_json};
use crate::federation::protocol::activity::{
    Activity, ActivityKind, ActivityStub, ObjectRef, Received,
};
use crate::federation::protocol::relationship::RelationshipJson;
use crate::state::AppState;
use crate::vocab::{PartnershipKind, PartnershipStatus};
use diesel_async::AsyncPgConnection;

fn other_side_inbox(p: &PartnershipFull, acting: &DbActor) -> Vec<(String, String)> {
    let other = p.partner_of(acting.id);
    if other.local {
        vec![]
    } else {
        vec![inbox_of(other)]
    }
}

/// Sends the Offer of a proposed partnership to the addressed side (when it is remote).
pub async fn offer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    p: &PartnershipFull,
) -> Result<(), AppError> {
    if p.object.local {
        return Ok(());
    }
    let id = p
        .partnership
        .offer_activity_id
        .clone()
        .unwrap_or_else(|| new_id(state, "offer"));
    let activity = Activity::new(
        id,
        ActivityKind::Offer,
        p.subject.ap_id.as_str(),
        relationship_json(p).map_err(AppError::internal)?,
        vec![p.object.ap_id.to_string()],
    )
    .with_target(p.object.ap_id.as_str());
    queue(
        conn,
        &p.subject,
        activity,
        Some(&p.partnership.ap_id),
        &[(p.object.inbox_url.clone(), p.object.domain.clone())],
    )
    .await?;
    Ok(())
}

/// Sends the addressed side's answer to the proposer (when it is remote).
pub async fn answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    p: &PartnershipFull,
    accept: bool,
) -> Result<(), AppError> {
    if p.subject.local {
        return Ok(());
    }
    let kind = if accept {
        ActivityKind::Accept
    } else {
        ActivityKind::Reject
    };
    // The Offer answered, or (an Offer never seen, e.g. an imported partnership) the
    // Relationship itself.
    let object = match &p.partnership.offer_activity_id {
        Some(offer) => Answered::Offer(ActivityStub {
            id: offer.clone(),
            kind: ActivityKind::Offer,
            actor: p.subject.ap_id.to_string(),
            object: p.partnership.ap_id.clone(),
        }),
        None => Answered::Relationship(p.partnership.ap_id.clone()),
    };
    let activity = Activity::new(
        new_id(state, kind.as_str()),
        kind,
        p.object.ap_id.as_str(),
        object,
        vec![p.subject.ap_id.to_string()],
    );
    queue(
        conn,
        &p.object,
        activity,
        Some(&p.partnership.ap_id),
        &[(p.subject.inbox_url.clone(), p.subject.domain.clone())],
    )
    .await?;
    Ok(())
}

/// Sends an Update of the partnership from `acting` (a local side) to the other side.
pub async fn update(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    p: &PartnershipFull,
    acting: &DbActor,
) -> Result<(), AppError> {
    let inboxes = other_side_inbox(p, acting);
    if inboxes.is_empty() {
        return Ok(());
    }
    let other = p.partner_of(acting.id);
    let activity = Activity::new(
        new_id(state, "update"),
        ActivityKind::Update,
        acting.ap_id.as_str(),
        relationship_json(p).map_err(AppError::internal)?,
        vec![other.ap_id.to_string()],
    );
    queue(conn, acting, activity, Some(&p.partnership.ap_id), &inboxes).await?;
    Ok(())
}

/// What an Accept or Reject of a partnership names: the Offer, or the Relationship.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Answered {
    Offer(ActivityStub),
    Relationship(String),
}

/// The Relationship a received activity carries, read into its wire struct.
fn relationship_of(object: &ObjectRef) -> Result<RelationshipJson, AppError> {
    object
        .parse::<RelationshipJson>()
        .map_err(|e| AppError::bad_request(format!("malformed Relationship: {e}")))
}

/// Inbound Offer of a Relationship from its subject to one of our organisations.
pub async fn receive_offer(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: &Received,
) -> Result<(), AppError> {
    let object = activity.object().map_err(AppError::bad_request)?;
    if object.kind() != Some("Relationship") {
        tracing::info!("Offer of something other than a Relationship; ignored");
        return Ok(());
    }
    let rel = relationship_of(object)?;
    let rel_id = &rel.id;
    if authority(rel_id) != actor.domain || rel.subject != actor.ap_id.0 {
        return Err(AppError::forbidden(
            "only a partnership's subject may offer it, under an id of its own host",
        ));
    }
    let target = DbActor::by_ap_id(conn, rel.object.as_str())
        .await?
        .filter(|a| a.local && a.is_organisation())
        .ok_or_else(|| AppError::not_found("the partnership is offered to no organisation here"))?;
    let kind: PartnershipKind = rel
        .partnership_kind
        .as_deref()
        .unwrap_or("twinning")
        .parse()
        .map_err(AppError::bad_request)?;
    let offer_id = activity.id.to_string();
    let Details {
        description,
        languages,
        themes,
        founded_year: year,
    } = Details::of(&rel);
    if let Some(existing) = DbPartnership::live_between(conn, actor.id, target.id, kind).await? {
        if existing.confirmed {
            return Ok(()); // already confirmed by both sides: nothing to ask
        }
        // An unconfirmed one (imported from a list): this offer asks to confirm it.
        DbPartnership::reassign(
            conn,
            existing.id,
            actor.id,
            target.id,
            rel_id.as_str(),
            Some(&offer_id),
        )
        .await?;
        DbPartnership::set_details(
            conn,
            existing.id,
            &description,
            &languages,
            &themes,
            year.or(existing.founded_year),
        )
        .await?;
        return Ok(());
    }
    // A concurrent delivery of the same proposal may have stored it: nothing more to do.
    DbPartnership::insert_if_new(
        conn,
        &crate::db::models::partnership::NewPartnership {
            ap_id: rel_id.to_string(),
            subject_id: actor.id,
            object_id: target.id,
            kind,
            founded_year: year,
            status: PartnershipStatus::Proposed,
            ended_on: None,
            confirmed: false,
            imported: false,
            languages,
            themes,
            description,
            offer_activity_id: Some(offer_id),
        },
    )
    .await?;
    Ok(())
}

/// The partnership an Accept or Reject answers, if it answers one.
pub async fn answered(
    conn: &mut AsyncPgConnection,
    activity: &Received,
) -> Result<Option<DbPartnership>, AppError> {
    let Some(id) = activity.object.as_ref().and_then(ObjectRef::id) else {
        return Ok(None);
    };
    if let Some(p) = DbPartnership::by_offer(conn, id.as_str()).await? {
        return Ok(Some(p));
    }
    if let Some(p) = DbPartnership::by_ap_id(conn, id.as_str()).await? {
        return Ok(Some(p));
    }
    let object = activity.object.as_ref().map(ObjectRef::embedded);
    match object.and_then(|o| id_of(&o["object"])) {
        Some(rel) => Ok(DbPartnership::by_ap_id(conn, rel.as_str()).await?),
        None => Ok(None),
    }
}

/// Inbound Accept or Reject of our Offer: only the addressed side may answer.
pub async fn receive_answer(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    p: DbPartnership,
    accept: bool,
) -> Result<(), AppError> {
    if p.object_id != actor.id {
        return Err(AppError::forbidden(
            "only the addressed side may accept or decline a partnership",
        ));
    }
    if p.confirmed || p.status.is_closed() {
        return Ok(());
    }
    let status = p.status_after_answer(accept);
    DbPartnership::set_status(conn, p.id, status, accept, p.ended_on).await?;
    if !accept && p.imported {
        // A declined confirmation of an imported partnership: it stays, and waits no more.
        DbPartnership::clear_offer(conn, p.id).await?;
    }
    Ok(())
}

/// Inbound Update (or Delete) of a Relationship by either side.
pub async fn receive_update(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    object: &ObjectRef,
    deleted: bool,
) -> Result<(), AppError> {
    let Some(id) = object.id() else {
        return Err(AppError::bad_request("Relationship without an id"));
    };
    // A Delete may name the Relationship by id only (or carry it); an Update carries it.
    let rel = if deleted {
        object.parse::<RelationshipJson>().ok()
    } else {
        Some(relationship_of(object)?)
    };
    let Some(p) = DbPartnership::by_ap_id(conn, id.as_str()).await? else {
        tracing::info!(partnership = %id, "update of a partnership we do not know; ignored");
        return Ok(());
    };
    if p.subject_id != actor.id && p.object_id != actor.id {
        return Err(AppError::forbidden(
            "only a side of a partnership may change it",
        ));
    }
    if p.status.is_closed() {
        // Ended or declined stays so (as here, where a closed partnership is not changed):
        // a new one is proposed anew.
        tracing::info!(partnership = %id, "update of a closed partnership; ignored");
        return Ok(());
    }
    let ended_on = rel
        .as_ref()
        .and_then(|r| r.end_time)
        .map(|t| t.date_naive());
    let status = match rel.as_ref().filter(|_| !deleted) {
        None => PartnershipStatus::Ended,
        Some(rel) => match rel.partnership_status.as_deref().map(str::parse) {
            None => p.status,
            Some(Ok(status)) => status,
            Some(Err(e)) => {
                tracing::info!(partnership = %id, "{e}; update ignored");
                return Ok(());
            }
        },
    };
    if !PartnershipStatus::CHANGEABLE_TO.contains(&status)
        || (p.status == PartnershipStatus::Proposed && status != PartnershipStatus::Ended)
    {
        // Confirmation only comes with an Accept; an Update cannot make it active.
        return Ok(());
    }
    let ended_on = if status == PartnershipStatus::Ended {
        ended_on
            .or(p.ended_on)
            .or(Some(chrono::Utc::now().date_naive()))
    } else {
        None
    };
    if let (Some(e), Some(y)) = (ended_on, p.founded_year) {
        use chrono::Datelike;
        if e.year() < y {
            return Err(AppError::bad_request(
                "a partnership cannot end before it was founded",
            ));
        }
    }
    DbPartnership::set_status(conn, p.id, status, p.confirmed, ended_on).await?;
    if let Some(rel) = rel.filter(|_| !deleted) {
        let d = Details::of(&rel);
        DbPartnership::set_details(
            conn,
            p.id,
            &d.description,
            &d.languages,
            &d.themes,
            d.founded_year.or(p.founded_year),
        )
        .await?;
    }
    Ok(())
}
