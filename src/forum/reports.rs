//! Reports about threads and comments: a local account reports one (from the thread page,
//! or through the API as one of its organisations); a group's moderators read the reports
//! and mark them resolved. `federation::activities::flag` puts reports on the wire.

use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::group::DbGroup;
use crate::db::models::group_report::{self, DbGroupReport, NewGroupReport};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::activities::flag;
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
                flag::record(
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
                .await
            })
            .await?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("a local report was not stored")))?;
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
