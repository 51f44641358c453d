//! Reports (`Flag`) about the threads and comments of discussion groups (FEP-1b12).
//!
//! Received: a `Flag` whose object is a thread or comment of one of our groups (its thread
//! belongs to the group), or which names one of our groups in `to`, `cc` or `audience`, is
//! recorded for that group's moderators with who sent it and when, and logged in the
//! group's moderation log. Reports from an actor banned from the group are accepted all the
//! same: they are reports. The reason is read from `content` (Mastodon, Mbin) or `summary`
//! (Lemmy, Mbin); one longer than [`MAX_REASON`] is refused (422), an empty one is kept
//! empty (Mastodon sends reports without a comment).
//!
//! Sent: a local report about a post of a group elsewhere goes to that group as Lemmy reads
//! a report (`to` the group, the post's id as `object`, the reason in `summary`; Mbin reads
//! `content` and `audience`, which are sent too).

use super::{inbox_of, new_id, queue};
use crate::db::models::actor::DbActor;
use crate::db::models::group::{self, DbGroup, GroupFull, NewLogEntry};
use crate::db::models::group_report::{self, DbGroupReport, NewGroupReport};
use crate::db::models::post::DbPost;
use crate::error::AppError;
use crate::federation::protocol::activity::{FlagJson, Received};
use crate::state::AppState;
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};

/// The longest reason a report may give, in characters (Mastodon's limit).
pub const MAX_REASON: usize = 1000;

/// A local report's reason, trimmed: required, at most [`MAX_REASON`] characters.
pub fn check_reason(field: &str, reason: &str) -> Result<String, AppError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        return Err(AppError::invalid(
            field,
            format!("say why (required, at most {MAX_REASON} characters)"),
        ));
    }
    Ok(reason.to_string())
}

/// The group a post belongs to: its own `audience`, or its thread's.
pub async fn group_of_post(
    conn: &mut AsyncPgConnection,
    post: &DbPost,
) -> Result<Option<String>, AppError> {
    if let Some(a) = &post.audience {
        return Ok(Some(a.clone()));
    }
    Ok(group::thread_of(conn, post)
        .await?
        .and_then(|root| root.audience))
}

/// A report recorded for one of our groups, and logged: who (an account, or an actor), about
/// what, why. In the caller's transaction.
pub async fn record(
    conn: &mut AsyncPgConnection,
    group: &DbActor,
    report: &NewGroupReport<'_>,
) -> Result<Option<DbGroupReport>, AppError> {
    let Some(row) = group_report::add(conn, report).await? else {
        return Ok(None);
    };
    group::log(
        conn,
        &NewLogEntry {
            group_ap_id: group.ap_id.as_str(),
            action: "report",
            object_ap_id: report.object_ap_id,
            account_id: report.account_id,
            actor_id: report.actor_id,
            reason: Some(report.reason),
        },
    )
    .await?;
    Ok(Some(row))
}

/// A received `Flag` about our groups' threads or comments. `Ok(false)` when it concerns
/// none of our groups (the instance's moderators have it all the same).
pub async fn receive(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    reporter: &DbActor,
    activity: &Received,
) -> Result<bool, AppError> {
    let flag = FlagJson::deserialize(&activity.raw).unwrap_or_default();
    let named: Vec<String> = activity
        .to
        .iter()
        .chain(&activity.cc)
        .map(String::as_str)
        .chain(activity.audience.as_ref().map(url::Url::as_str))
        .filter(|a| state.urls.is_group_url(a))
        .map(String::from)
        .collect();
    let named_group = DbGroup::first_local_of(conn, &named).await?;
    // Each reported object that is a post of one of our groups, with the group.
    let mut reported: Vec<(GroupFull, String)> = Vec::new();
    for object in &flag.object {
        let Some(post) = DbPost::by_ap_id(conn, object.as_str()).await? else {
            continue;
        };
        let Some(audience) = group_of_post(conn, &post)
            .await?
            .filter(|a| state.urls.is_group_url(a))
        else {
            continue;
        };
        let group = match &named_group {
            Some(g) if g.actor.ap_id.as_str() == audience => Some(g.clone()),
            _ => DbGroup::local_by_ap_id(conn, &audience).await?,
        };
        if let Some(group) = group {
            reported.push((group, post.ap_id.to_string()));
        }
    }
    if reported.is_empty() {
        return match named_group {
            Some(_) => Err(AppError::invalid(
                "object",
                "no thread or comment of this group has that id",
            )),
            None => Ok(false),
        };
    }
    let reason = flag.reason();
    if reason.chars().count() > MAX_REASON {
        return Err(AppError::invalid(
            "content",
            format!("a report's reason has at most {MAX_REASON} characters"),
        ));
    }
    for (group, object) in &reported {
        record(
            conn,
            &group.actor,
            &NewGroupReport {
                group_id: group.actor.id,
                object_ap_id: object,
                activity_ap_id: Some(activity.id.as_str()),
                account_id: None,
                actor_id: Some(reporter.id),
                reason,
            },
        )
        .await?;
        tracing::info!(group = %group.actor.ap_id, object, reporter = %reporter.ap_id, "report received");
    }
    Ok(true)
}

/// A `Flag` as we send it to a group elsewhere.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct FlagOut<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    actor: &'a str,
    object: &'a str,
    to: [&'a str; 1],
    audience: &'a str,
    summary: &'a str,
    content: &'a str,
}

/// Sends a local report about a post of a group elsewhere to that group, as `reporter`
/// (one of the account's organisations), and keeps a copy; in the caller's transaction.
pub async fn send(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    group: &DbActor,
    reporter: &DbActor,
    account_id: i64,
    object: &str,
    reason: &str,
) -> Result<DbGroupReport, AppError> {
    let id = new_id(state, "flag");
    let flag = FlagOut {
        id: &id,
        kind: "Flag",
        actor: reporter.ap_id.as_str(),
        object,
        to: [group.ap_id.as_str()],
        audience: group.ap_id.as_str(),
        summary: reason,
        content: reason,
    };
    queue(conn, reporter, &flag, Some(object), &[inbox_of(group)]).await?;
    let row = record(
        conn,
        group,
        &NewGroupReport {
            group_id: group.id,
            object_ap_id: object,
            activity_ap_id: Some(&id),
            account_id: Some(account_id),
            actor_id: Some(reporter.id),
            reason,
        },
    )
    .await?
    .ok_or_else(|| AppError::internal(anyhow::anyhow!("a fresh Flag id was taken")))?;
    tracing::info!(group = %group.ap_id, object, "report sent");
    Ok(row)
}
