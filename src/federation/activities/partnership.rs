//! The partnership handshake across instances: one side offers (`Offer` of a
//! `Relationship`), the other accepts (`Accept`) or declines (`Reject`); either side later
//! updates it (`Update`: dormant, active again, description) or ends it (`Update` with status
//! `ended` and `endTime`; a `Delete` is read the same way, the row kept for history).

use super::{id_of, inbox_of, new_id, queue, type_of};
use crate::db::models::actor::DbActor;
use crate::db::models::partnership::{DbPartnership, PartnershipFull};
use crate::error::AppError;
use crate::federation::objects::actor::authority;
use crate::state::AppState;
use crate::vocab::{PartnershipKind, PartnershipStatus};
use diesel_async::AsyncPgConnection;
use serde_json::{Map, Value, json};

/// The `Relationship` document of a partnership.
pub fn relationship_json(p: &PartnershipFull) -> Value {
    let row = &p.partnership;
    let mut v = json!({
        "id": row.ap_id,
        "type": "Relationship",
        "subject": p.subject.ap_id.as_str(),
        "object": p.object.ap_id.as_str(),
        "relationship": format!("{}{}", crate::federation::context::NS, row.kind),
        "partnershipKind": row.kind,
        "partnershipStatus": row.status,
        "confirmed": row.confirmed,
        "attributedTo": p.subject.ap_id.as_str(),
        "updated": row.updated_at,
    });
    if let Some(y) = row.founded_year {
        v["foundedYear"] = json!(y);
    }
    if let Some(e) = row.ended_on {
        v["endTime"] = json!(e.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    if !row.languages.is_empty() {
        v["workingLanguages"] = json!(row.languages);
    }
    if !row.themes.is_empty() {
        v["themes"] = json!(row.themes);
    }
    if let Some(map) = row.description.as_object().filter(|m| !m.is_empty()) {
        v["summaryMap"] = Value::Object(map.clone());
        if let Some(first) = map.values().next() {
            v["summary"] = first.clone();
        }
    }
    v
}

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
    let activity = json!({
        "id": id, "type": "Offer", "actor": p.subject.ap_id.as_str(),
        "object": relationship_json(p), "target": p.object.ap_id.as_str(), "to": [p.object.ap_id.as_str()]
    });
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
    let kind = if accept { "Accept" } else { "Reject" };
    let object = match &p.partnership.offer_activity_id {
        Some(offer) => {
            json!({"id": offer, "type": "Offer", "actor": p.subject.ap_id.as_str(), "object": p.partnership.ap_id})
        }
        None => json!(p.partnership.ap_id),
    };
    let activity = json!({
        "id": new_id(state, kind), "type": kind, "actor": p.object.ap_id.as_str(),
        "object": object, "to": [p.subject.ap_id.as_str()]
    });
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
    let activity = json!({
        "id": new_id(state, "update"), "type": "Update", "actor": acting.ap_id.as_str(),
        "object": relationship_json(p), "to": [other.ap_id.as_str()]
    });
    queue(conn, acting, activity, Some(&p.partnership.ap_id), &inboxes).await?;
    Ok(())
}

fn details(rel: &Value) -> (Value, Vec<String>, Vec<String>, Option<i32>) {
    let description = rel["summaryMap"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| {
                    Some((
                        k.chars().take(8).collect::<String>(),
                        Value::String(v.as_str()?.chars().take(2000).collect()),
                    ))
                })
                .collect::<Map<_, _>>()
        })
        .unwrap_or_default();
    let list = |k: &str| -> Vec<String> {
        rel[k]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .take(20)
                    .collect()
            })
            .unwrap_or_default()
    };
    let year = rel["foundedYear"]
        .as_i64()
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1800..=2200).contains(y));
    let themes = list("themes")
        .into_iter()
        .filter(|t| crate::vocab::theme(t).is_some())
        .collect();
    (
        Value::Object(description),
        list("workingLanguages"),
        themes,
        year,
    )
}

/// Inbound Offer of a Relationship from its subject to one of our organisations.
pub async fn receive_offer(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    activity: &Value,
) -> Result<(), AppError> {
    let rel = &activity["object"];
    if type_of(rel) != Some("Relationship") {
        tracing::info!("Offer of something other than a Relationship; ignored");
        return Ok(());
    }
    let rel_id = id_of(rel).ok_or_else(|| AppError::bad_request("Relationship without an id"))?;
    if authority(&rel_id) != actor.domain || id_of(&rel["subject"]).as_ref() != Some(&actor.ap_id.0)
    {
        return Err(AppError::forbidden(
            "only a partnership's subject may offer it, under an id of its own host",
        ));
    }
    let object_id = id_of(&rel["object"])
        .ok_or_else(|| AppError::bad_request("Relationship without an object"))?;
    let target = DbActor::by_ap_id(conn, object_id.as_str())
        .await?
        .filter(|a| a.local && a.is_organisation())
        .ok_or_else(|| AppError::not_found("the partnership is offered to no organisation here"))?;
    let kind: PartnershipKind = rel["partnershipKind"]
        .as_str()
        .unwrap_or("twinning")
        .parse()
        .map_err(AppError::bad_request)?;
    let offer_id = activity["id"].as_str().unwrap_or_default().to_string();
    let (description, languages, themes, year) = details(rel);
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
    activity: &Value,
) -> Result<Option<DbPartnership>, AppError> {
    let object = &activity["object"];
    let Some(id) = id_of(object) else {
        return Ok(None);
    };
    if let Some(p) = DbPartnership::by_offer(conn, id.as_str()).await? {
        return Ok(Some(p));
    }
    if let Some(p) = DbPartnership::by_ap_id(conn, id.as_str()).await? {
        return Ok(Some(p));
    }
    match id_of(&object["object"]) {
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
    Ok(())
}

/// Inbound Update (or Delete) of a Relationship by either side.
pub async fn receive_update(
    conn: &mut AsyncPgConnection,
    actor: &DbActor,
    rel: &Value,
    deleted: bool,
) -> Result<(), AppError> {
    let Some(id) = id_of(rel) else {
        return Err(AppError::bad_request("Relationship without an id"));
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
    let ended_on = rel["endTime"]
        .as_str()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.date_naive());
    let status = if deleted {
        PartnershipStatus::Ended
    } else {
        match rel["partnershipStatus"].as_str().map(str::parse) {
            None => p.status,
            Some(Ok(status)) => status,
            Some(Err(e)) => {
                tracing::info!(partnership = %id, "{e}; update ignored");
                return Ok(());
            }
        }
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
    if !deleted {
        let (description, languages, themes, year) = details(rel);
        DbPartnership::set_details(
            conn,
            p.id,
            &description,
            &languages,
            &themes,
            year.or(p.founded_year),
        )
        .await?;
    }
    Ok(())
}
