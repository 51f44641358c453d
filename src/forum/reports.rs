//! Reports about threads and comments: a local account reports one (from the thread page,
//! or through the API as one of its organisations or its own Person); a group's moderators
//! read the reports (those on other servers get them as a `Flag`) and mark them resolved.
//! `federation::activities::flag` puts reports on the wire.

use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::group::DbGroup;
use crate::db::models::group_report::{self, DbGroupReport, NewGroupReport};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::activities::{flag, inbox_of, new_id, queue};
use crate::state::AppState;
use diesel_async::{AsyncConnection, AsyncPgConnection};

/// A local account reports a thread or comment (`object`, its id). In one of our groups the
/// report is recorded for the group's moderators; in a group elsewhere it is sent there as
/// a `Flag` by `reporter` (an organisation the account writes for), which a report to a
/// group elsewhere needs.
pub async fn report(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    account: &Account,
    reporter: Option<&DbActor>,
    object: &str,
    reason: &str,
) -> Result<DbGroupReport, AppError> {
    let reason = flag::check_reason("reason", reason)?;
    let post = DbPost::by_ap_id(conn, object.trim())
        .await?
        .filter(|p| p.deleted_at.is_none())
        .ok_or_else(|| AppError::invalid("object", "no thread or comment with that id"))?;
    let Some(group_id) = flag::group_of_post(conn, &post).await? else {
        return Err(AppError::invalid(
            "object",
            "that post is not in a group's thread",
        ));
    };
    let object = post.ap_id.to_string();
    if let Some(group) = DbGroup::local_by_ap_id(conn, &group_id).await? {
        let row = conn
            .transaction::<_, AppError, _>(async |conn| {
                let row = flag::record(
                    conn,
                    &group.actor,
                    &NewGroupReport {
                        group_id: group.actor.id,
                        object_ap_id: &object,
                        activity_ap_id: None,
                        account_id: Some(account.id),
                        actor_id: reporter.map(|r| r.id),
                        reason: &reason,
                    },
                )
                .await?
                .ok_or_else(|| {
                    AppError::internal(anyhow::anyhow!("a local report was not stored"))
                })?;
                forward_to_moderators(conn, state, &group.actor, reporter, &object, &reason)
                    .await?;
                Ok(row)
            })
            .await?;
        state.wakeup.wake();
        tracing::info!(group = %group.actor.ap_id, object, "report made");
        return Ok(row);
    }
    let group = DbActor::by_ap_id(conn, &group_id)
        .await?
        .filter(|g| !g.local)
        .ok_or_else(|| AppError::invalid("object", "the group of that post is not known here"))?;
    let Some(reporter) = reporter else {
        return Err(AppError::invalid(
            "as",
            "a report to a group elsewhere is sent as one of your organisations",
        ));
    };
    let row = conn
        .transaction::<_, AppError, _>(async |conn| {
            flag::send(conn, state, &group, reporter, account.id, &object, &reason).await
        })
        .await?;
    state.wakeup.wake();
    Ok(row)
}

/// A report about a post of one of our groups goes to the group's moderators on other
/// servers too, as a `Flag` (`object` the post, `to` those moderators, `audience` the group,
/// the reason in `summary` and `content`): sent by the actor the account reported as (its
/// organisation or its own Person), else by the group itself. In the caller's transaction.
async fn forward_to_moderators(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    group: &DbActor,
    reporter: Option<&DbActor>,
    object: &str,
    reason: &str,
) -> Result<(), AppError> {
    let remote: Vec<DbActor> = crate::db::models::group::moderator_actors(conn, group.id)
        .await?
        .into_iter()
        .filter(|a| !a.local)
        .collect();
    if remote.is_empty() {
        return Ok(());
    }
    let mut inboxes: Vec<(String, String)> = remote.iter().map(inbox_of).collect();
    inboxes.sort();
    inboxes.dedup();
    let sender = reporter.unwrap_or(group);
    let flag = serde_json::json!({
        "id": new_id(state, "flag"),
        "type": "Flag",
        "actor": sender.ap_id.as_str(),
        "object": object,
        "to": remote.iter().map(|a| a.ap_id.as_str()).collect::<Vec<_>>(),
        "audience": group.ap_id.as_str(),
        "summary": reason,
        "content": reason,
    });
    queue(conn, sender, flag, Some(object), &inboxes).await?;
    tracing::info!(group = %group.ap_id, object, moderators = remote.len(), "report forwarded to remote moderators");
    Ok(())
}

/// A moderator marks one of a group's open reports resolved; recorded in the log.
pub async fn resolve(
    conn: &mut AsyncPgConnection,
    group: &crate::db::models::group::GroupFull,
    account: &Account,
    id: i64,
) -> Result<(), AppError> {
    if !super::may_moderate(conn, group, account).await? {
        return Err(AppError::forbidden(
            "only the group's moderators and the instance's moderators see its reports",
        ));
    }
    conn.transaction::<_, AppError, _>(async |conn| {
        let report = group_report::resolve(conn, group.actor.id, id, account.id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("no open report {id} in this group")))?;
        crate::db::models::group::log(
            conn,
            &crate::db::models::group::NewLogEntry {
                group_ap_id: group.actor.ap_id.as_str(),
                action: "resolve_report",
                object_ap_id: &report.object_ap_id,
                account_id: Some(account.id),
                actor_id: None,
                reason: None,
            },
        )
        .await?;
        Ok(())
    })
    .await
}
