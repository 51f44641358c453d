//! Editorial review: organisations submit their project posts to a network's showcase; the
//! network's reviewers approve them (the showcase group announces the post), ask for changes
//! (the submitter edits and submits again) or decline them with a reason.
//!
//! A showcase is one of our groups (moderated, only moderators post) marked as such. A post
//! submitted to another instance's showcase travels as `Offer{object: post, target: group}`;
//! the group answers `Accept` (approved), `TentativeReject` (changes asked for, `summary`: the
//! comment) or `Reject` (declined, `summary`: the reason), each naming the Offer. Both sides
//! keep the submission and its history. Every step is one transaction, with the submission's
//! row locked while it is decided.

use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::group::{self, DbGroup, GroupFull};
use crate::db::models::post::DbPost;
use crate::db::models::submission::{self as db, By, DbSubmission, State, Step};
use crate::error::AppError;
use crate::federation::activities::{inbox_of, new_id, queue};
use crate::federation::objects::actor::authority;
use crate::federation::protocol::activity::{Activity, ActivityKind, ActivityStub, Received};
use crate::forum::GroupInput;
use crate::state::AppState;
use diesel::OptionalExtension;
use diesel_async::{AsyncConnection, AsyncPgConnection};

/// The longest comment or reason a reviewer gives.
pub const MAX_COMMENT: usize = 2_000;

/// What a reviewer decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    /// Changes asked for, with a comment the submitter sees.
    RequestChanges(String),
    /// Declined, with the reason.
    Decline(String),
}

impl Decision {
    /// A decision from its name and the text given with it: changes and declines need one.
    pub fn parse(action: &str, comment: Option<&str>) -> Result<Decision, AppError> {
        let text = || -> Result<String, AppError> {
            let (field, what) = if action == "decline" {
                ("reason", "say why the submission is declined")
            } else {
                ("comment", "say which changes are needed")
            };
            let text = comment.map(str::trim).unwrap_or_default();
            if text.is_empty() {
                return Err(AppError::invalid(field, what));
            }
            if text.chars().count() > MAX_COMMENT {
                return Err(
                    AppError::invalid(field, format!("at most {MAX_COMMENT} characters"))
                        .localized("check-too-long", &[("max", MAX_COMMENT.to_string())]),
                );
            }
            if !crate::input::storable(text) {
                return Err(AppError::invalid(field, crate::input::NUL_REFUSED));
            }
            Ok(text.to_string())
        };
        match action {
            "approve" => Ok(Decision::Approve),
            "request_changes" => Ok(Decision::RequestChanges(text()?)),
            "decline" => Ok(Decision::Decline(text()?)),
            _ => Err(AppError::invalid(
                "action",
                "`approve`, `request_changes` or `decline`",
            )),
        }
    }

    fn state(&self) -> State {
        match self {
            Decision::Approve => State::Approved,
            Decision::RequestChanges(_) => State::ChangesRequested,
            Decision::Decline(_) => State::Declined,
        }
    }

    fn comment(&self) -> Option<&str> {
        match self {
            Decision::Approve => None,
            Decision::RequestChanges(c) | Decision::Decline(c) => Some(c),
        }
    }

    fn kind(&self) -> ActivityKind {
        match self {
            Decision::Approve => ActivityKind::Accept,
            Decision::RequestChanges(_) => ActivityKind::TentativeReject,
            Decision::Decline(_) => ActivityKind::Reject,
        }
    }
}

/// Sets up a showcase: a group where only moderators post, marked as the network's showcase,
/// in one transaction.
pub async fn create_showcase(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    input: &GroupInput,
    review_edits: bool,
    created_by: Option<i64>,
) -> Result<GroupFull, AppError> {
    let mut input = input.clone();
    input.posting_restricted_to_mods = true;
    conn.transaction::<_, AppError, _>(async |conn| {
        let group = crate::forum::create_group(conn, state, &input, created_by).await?;
        db::make_showcase(conn, group.actor.id, review_edits).await?;
        Ok(group)
    })
    .await
}

/// The network's showcase: the first one set up, if any.
pub async fn default_showcase(conn: &mut AsyncPgConnection) -> Result<Option<GroupFull>, AppError> {
    for s in db::showcases(conn).await? {
        if let Some(g) = group_by_id(conn, s.group_id).await? {
            return Ok(Some(g));
        }
    }
    Ok(None)
}

async fn group_by_id(conn: &mut AsyncPgConnection, id: i64) -> Result<Option<GroupFull>, AppError> {
    match DbActor::by_id(conn, id).await.optional()? {
        Some(a) if a.local => Ok(DbGroup::local_by_ap_id(conn, a.ap_id.as_str()).await?),
        _ => Ok(None),
    }
}

/// Whether the account reviews submissions to this showcase: admins, the network's
/// reviewers and the group's own moderators.
pub async fn may_review(
    conn: &mut AsyncPgConnection,
    account: &Account,
    group_id: i64,
) -> Result<bool, AppError> {
    Ok(account.is_admin
        || db::is_reviewer(conn, account.id).await?
        || group::account_moderates(conn, group_id, account.id).await?)
}

/// Whether the account reviews for at least one of our showcases (the dashboard's count).
pub async fn reviews_anything(
    conn: &mut AsyncPgConnection,
    account: &Account,
) -> Result<bool, AppError> {
    if account.is_admin || db::is_reviewer(conn, account.id).await? {
        return Ok(true);
    }
    for s in db::showcases(conn).await? {
        if group::account_moderates(conn, s.group_id, account.id).await? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A showcase by what an editor types: empty for the network's own, a local handle, an
/// `@name@host` address or a URL. Ours must be a showcase; another instance's must be a group.
pub async fn resolve_showcase(state: &AppState, name: &str) -> Result<DbActor, AppError> {
    let name = name.trim();
    let mut conn = state.conn().await?;
    if name.is_empty() {
        return default_showcase(&mut conn)
            .await?
            .map(|g| g.actor)
            .ok_or_else(|| {
                AppError::invalid("showcase", "this network has no showcase")
                    .localized("review-no-showcase", &[])
            });
    }
    let local = if name.starts_with(state.urls.base()) {
        DbActor::by_ap_id(&mut conn, name).await?
    } else {
        match crate::federation::resolve::parse_acct(name) {
            Some((handle, host)) if host.eq_ignore_ascii_case(&state.config.instance.domain) => {
                DbActor::local_by_handle(&mut conn, &handle).await?
            }
            Some(_) => None,
            None if name.starts_with("http://") || name.starts_with("https://") => None,
            None => DbActor::local_by_handle(&mut conn, name.trim_start_matches('@')).await?,
        }
    };
    if let Some(actor) = local {
        if db::showcase(&mut conn, actor.id).await?.is_none() {
            return Err(
                AppError::invalid("showcase", "not a showcase of this network")
                    .localized("review-not-a-showcase", &[("name", name.to_string())]),
            );
        }
        return Ok(actor);
    }
    let looks_remote = name.starts_with("http") || name.trim_start_matches('@').contains('@');
    if !looks_remote {
        return Err(
            AppError::invalid("showcase", format!("no showcase `{name}` on this network"))
                .localized("review-not-a-showcase", &[("name", name.to_string())]),
        );
    }
    drop(conn);
    let actor = crate::federation::resolve::target(state, name)
        .await
        .map_err(|e| e.into_app_error("showcase"))?;
    if actor.actor_type != "Group" {
        return Err(
            AppError::invalid("showcase", "that address is no group of another network")
                .localized("review-not-a-group", &[("name", name.to_string())]),
        );
    }
    Ok(actor)
}

/// An editor submits one of their organisation's posts to a showcase (ours or another
/// network's). A submission asked to change may be sent again; a waiting, approved or
/// declined one may not.
pub async fn submit(
    state: &AppState,
    account: &Account,
    author: &DbActor,
    post: &DbPost,
    showcase: &DbActor,
) -> Result<DbSubmission, AppError> {
    if post.actor_id != author.id || !post.local {
        return Err(AppError::forbidden(
            "an organisation submits only its own posts",
        ));
    }
    if post.deleted_at.is_some() {
        return Err(AppError::not_found("this post was deleted"));
    }
    if post.in_reply_to.is_some() || post.audience.is_some() {
        return Err(AppError::invalid(
            "post",
            "only project posts go to a showcase, not replies or forum threads",
        )
        .localized("review-only-projects", &[]));
    }
    let mut conn = state.conn().await?;
    let submission = conn
        .transaction::<_, AppError, _>(async |conn| {
            if let Some(existing) = db::by_post_and_group(conn, post.id, showcase.id).await? {
                refuse_again(&existing)?;
            }
            let offer_id = new_id(state, "offer");
            let (row, again) = db::upsert(conn, post.id, showcase.id, author.id, &offer_id).await?;
            db::record(
                conn,
                row.id,
                &Step {
                    action: if again { "resubmitted" } else { "submitted" },
                    comment: None,
                    by: By::Account(account.id),
                    activity: (!showcase.local).then_some(offer_id.as_str()),
                },
            )
            .await?;
            if !showcase.local {
                let offer = Activity::new(
                    offer_id.clone(),
                    ActivityKind::Offer,
                    author.ap_id.as_str(),
                    post.ap_id.to_string(),
                    vec![showcase.ap_id.to_string()],
                )
                .with_target(showcase.ap_id.as_str())
                .with_published(chrono::Utc::now());
                queue(
                    conn,
                    author,
                    offer,
                    Some(post.ap_id.as_str()),
                    &[inbox_of(showcase)],
                )
                .await?;
            }
            Ok(row)
        })
        .await?;
    state.wakeup.wake();
    tracing::info!(post = %post.ap_id, showcase = %showcase.ap_id, "post submitted");
    Ok(submission)
}

/// A submission that may not be sent again, with why.
fn refuse_again(existing: &DbSubmission) -> Result<(), AppError> {
    match existing.state() {
        State::Pending => Err(
            AppError::conflict("this post is already waiting for review there")
                .localized("review-already-waiting", &[]),
        ),
        State::Approved => Err(AppError::conflict("this post is in that showcase already")
            .localized("review-already-approved", &[])),
        State::Declined => {
            let comment = existing.comment.as_deref().unwrap_or_default().trim();
            Err(
                AppError::conflict(format!("this post was declined there: {comment}"))
                    .localized("review-was-declined", &[("comment", comment.to_string())]),
            )
        }
        State::ChangesRequested => Ok(()),
    }
}

/// A reviewer decides on a waiting submission to one of our showcases. Approval makes the
/// showcase announce the post to its followers; a remote submitter gets the answer.
pub async fn decide(
    state: &AppState,
    account: &Account,
    submission_id: i64,
    decision: &Decision,
) -> Result<DbSubmission, AppError> {
    let mut conn = state.conn().await?;
    let decided = conn
        .transaction::<_, AppError, _>(async |conn| {
            let sub = db::by_id_for_update(conn, submission_id)
                .await?
                .ok_or_else(|| AppError::not_found("no such submission"))?;
            let showcase = group_by_id(conn, sub.group_id)
                .await?
                .ok_or_else(|| AppError::not_found("no such submission"))?;
            if db::showcase(conn, sub.group_id).await?.is_none() {
                return Err(AppError::not_found("no such submission"));
            }
            if !may_review(conn, account, sub.group_id).await? {
                return Err(AppError::forbidden(
                    "only the network's reviewers decide on submissions",
                ));
            }
            if sub.state() != State::Pending {
                return Err(AppError::conflict(format!(
                    "this submission is not waiting (it is {})",
                    sub.state().as_str()
                )));
            }
            let post = DbPost::by_id(conn, sub.post_id)
                .await?
                .ok_or_else(|| AppError::not_found("the submitted post is gone"))?;
            let updated = db::set_state(conn, sub.id, decision.state(), decision.comment()).await?;
            db::record(
                conn,
                sub.id,
                &Step {
                    action: decision.state().as_str(),
                    comment: decision.comment(),
                    by: By::Account(account.id),
                    activity: None,
                },
            )
            .await?;
            if *decision == Decision::Approve && post.deleted_at.is_none() {
                announce(conn, state, &showcase.actor, &post).await?;
            } else if *decision != Decision::Approve {
                // Approved before and edited since: the showcase's boost is taken back.
                unannounce(conn, state, &showcase.actor, &post).await?;
            }
            let submitter = DbActor::by_id(conn, sub.submitter_id).await?;
            if !submitter.local {
                let post_id = post.ap_id.as_str();
                answer(
                    conn,
                    state,
                    &showcase.actor,
                    &submitter,
                    &sub,
                    post_id,
                    decision,
                )
                .await?;
            }
            Ok(updated)
        })
        .await?;
    state.wakeup.wake();
    tracing::info!(
        submission = submission_id,
        state = decided.state,
        "submission decided"
    );
    Ok(decided)
}

/// The showcase takes back its latest `Announce` of `post` (an `Undo` to its followers),
/// when it sent one: the post was approved, then edited and not approved again.
async fn unannounce(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    showcase: &DbActor,
    post: &DbPost,
) -> Result<(), AppError> {
    let announced = crate::db::models::delivery::latest_sent(
        conn,
        showcase.id,
        "Announce",
        post.ap_id.as_str(),
    )
    .await?;
    let Some(announced) = announced else {
        return Ok(());
    };
    let mut announce: serde_json::Value =
        serde_json::from_str(&announced).map_err(AppError::internal)?;
    if let Some(o) = announce.as_object_mut() {
        o.remove("@context");
    }
    let inboxes = crate::db::models::follow::DbFollow::follower_inboxes(conn, showcase.id).await?;
    if inboxes.is_empty() {
        return Ok(());
    }
    let undo = Activity::new(
        crate::federation::activities::new_id(state, "undo"),
        ActivityKind::Undo,
        showcase.ap_id.as_str(),
        announce,
        vec![crate::federation::PUBLIC.to_string()],
    )
    .with_cc(vec![state.urls.group_part(&showcase.handle, "followers")]);
    crate::federation::activities::queue(conn, showcase, undo, Some(post.ap_id.as_str()), &inboxes)
        .await?;
    Ok(())
}

/// The showcase announces an approved post to its followers.
async fn announce(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    showcase: &DbActor,
    post: &DbPost,
) -> Result<(), AppError> {
    crate::federation::activities::group::redistribute(
        conn,
        state,
        showcase,
        serde_json::Value::String(post.ap_id.to_string()),
        None,
        &[],
    )
    .await
}

/// The showcase's answer to a remote submitter's Offer.
async fn answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    showcase: &DbActor,
    submitter: &DbActor,
    sub: &DbSubmission,
    post_id: &str,
    decision: &Decision,
) -> Result<(), AppError> {
    let offer = ActivityStub {
        id: sub.offer_ap_id.clone(),
        kind: ActivityKind::Offer,
        actor: submitter.ap_id.to_string(),
        object: post_id.to_string(),
    };
    let kind = decision.kind();
    let activity = Activity::new(
        new_id(state, kind.as_str()),
        kind,
        showcase.ap_id.as_str(),
        offer,
        vec![submitter.ap_id.to_string()],
    )
    .with_summary(decision.comment().map(String::from))
    .with_published(chrono::Utc::now());
    queue(conn, showcase, activity, None, &[inbox_of(submitter)]).await?;
    Ok(())
}

/// Before an inbound `Offer` is handled: when it submits a post to one of our showcases, the
/// post is fetched (or its stored copy taken) outside the arrival's transaction. `None` when
/// the Offer is something else (a partnership's).
pub async fn prefetch(
    state: &AppState,
    signer: &DbActor,
    received: &Received,
) -> Result<Option<DbPost>, AppError> {
    let Some(target) = &received.target else {
        return Ok(None);
    };
    if !state.urls.is_group_url(target.as_str()) {
        return Ok(None);
    }
    let Some(object) = received.object.as_ref().and_then(|o| o.id()) else {
        return Err(AppError::bad_request("Offer without an object"));
    };
    if authority(&object) != signer.domain {
        return Err(AppError::forbidden(
            "an organisation submits only its own posts",
        ));
    }
    {
        let mut conn = state.conn().await?;
        let Some(group) = DbActor::by_ap_id(&mut conn, target.as_str()).await? else {
            return Err(AppError::not_found("no such showcase here"));
        };
        if db::showcase(&mut conn, group.id).await?.is_none() {
            return Err(AppError::forbidden("that group takes no submissions"));
        }
    }
    let post = crate::federation::resolve::post(state, object.as_str())
        .await
        .map_err(|e| e.into_app_error("object"))?;
    Ok(Some(post))
}

/// An inbound submission to one of our showcases (the post fetched by [`prefetch`]): stored
/// as waiting, or, when it was decided already, answered again. `false` when the Offer was
/// not a submission.
pub async fn receive_offer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    received: &Received,
    post: Option<DbPost>,
) -> Result<bool, AppError> {
    let Some(post) = post else {
        return Ok(false);
    };
    let target = received.target.as_ref().map(|t| t.as_str()).unwrap_or("");
    let group = DbGroup::local_by_ap_id(conn, target)
        .await?
        .ok_or_else(|| AppError::not_found("no such showcase here"))?;
    if post.actor_id != signer.id {
        return Err(AppError::forbidden(
            "an organisation submits only its own posts",
        ));
    }
    if post.deleted_at.is_some() {
        return Err(AppError::invalid("object", "that post was deleted"));
    }
    if group::is_banned(conn, group.actor.id, signer.id).await? {
        return Err(AppError::forbidden("you are banned from this group"));
    }
    if let Some(existing) = db::by_post_and_group(conn, post.id, group.actor.id).await? {
        match existing.state() {
            // Decided already: the same answer again (the first may have been lost).
            State::Approved | State::Declined => {
                let decision = if existing.state() == State::Approved {
                    Decision::Approve
                } else {
                    Decision::Decline(existing.comment.clone().unwrap_or_default())
                };
                let post_id = post.ap_id.as_str();
                answer(
                    conn,
                    state,
                    &group.actor,
                    signer,
                    &existing,
                    post_id,
                    &decision,
                )
                .await?;
                return Ok(true);
            }
            State::Pending | State::ChangesRequested => {}
        }
    }
    let (row, again) = db::upsert(
        conn,
        post.id,
        group.actor.id,
        signer.id,
        received.id.as_str(),
    )
    .await?;
    db::record(
        conn,
        row.id,
        &Step {
            action: if again { "resubmitted" } else { "submitted" },
            comment: None,
            by: By::Actor(signer.id),
            activity: Some(received.id.as_str()),
        },
    )
    .await?;
    Ok(true)
}

/// An inbound answer (`Accept`, `TentativeReject`, `Reject`) to one of our submissions, from
/// the showcase it went to. `false` when it answers something else.
pub async fn receive_answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    signer: &DbActor,
    received: &Received,
) -> Result<bool, AppError> {
    let Some(offer) = received.object.as_ref().and_then(|o| o.id()) else {
        return Ok(false);
    };
    // Our Offers' ids are `{base}/activities/offer/…`: any other answer (a Follow's
    // Accept, say) costs no query here.
    if !offer
        .as_str()
        .starts_with(&state.urls.activity_prefix("offer"))
    {
        return Ok(false);
    }
    let Some(sub) = db::by_offer(conn, offer.as_str()).await? else {
        return Ok(false);
    };
    if sub.group_id != signer.id {
        return Err(AppError::forbidden(
            "only the showcase a post was submitted to answers the submission",
        ));
    }
    let comment = received.raw["summary"]
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(MAX_COMMENT).collect::<String>());
    let decision = match received.kind {
        ActivityKind::Accept => Decision::Approve,
        ActivityKind::TentativeReject => Decision::RequestChanges(comment.unwrap_or_default()),
        _ => Decision::Decline(comment.unwrap_or_default()),
    };
    if sub.state() == decision.state() && sub.comment.as_deref() == decision.comment() {
        return Ok(true); // the same answer again
    }
    db::set_state(conn, sub.id, decision.state(), decision.comment()).await?;
    db::record(
        conn,
        sub.id,
        &Step {
            action: decision.state().as_str(),
            comment: decision.comment(),
            by: By::Actor(signer.id),
            activity: Some(received.id.as_str()),
        },
    )
    .await?;
    Ok(true)
}

/// After a post was edited (here, or received from its author): an approved submission to
/// one of our showcases that reviews edits goes back to the queue.
pub async fn after_edit(
    conn: &mut AsyncPgConnection,
    post_id: i64,
    by: By,
) -> Result<(), AppError> {
    for sub in db::of_post(conn, post_id).await? {
        if sub.state() != State::Approved {
            continue;
        }
        let Some(showcase) = db::showcase(conn, sub.group_id).await? else {
            continue; // another network's showcase: its own setting decides
        };
        if !showcase.review_edits {
            continue;
        }
        db::set_state(conn, sub.id, State::Pending, None).await?;
        db::record(
            conn,
            sub.id,
            &Step {
                action: "edited",
                comment: None,
                by,
                activity: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// The inboxes of other networks' showcases a post is submitted to (waiting, approved, or
/// asked to change): they hear of its edits and deletion like followers do.
pub async fn showcase_inboxes(
    conn: &mut AsyncPgConnection,
    post_id: i64,
) -> Result<Vec<(String, String)>, AppError> {
    let mut inboxes = Vec::new();
    for sub in db::of_post(conn, post_id).await? {
        if sub.state() == State::Declined {
            continue;
        }
        let group = DbActor::by_id(conn, sub.group_id).await?;
        if !group.local {
            inboxes.push(inbox_of(&group));
        }
    }
    Ok(inboxes)
}

/// A submission with what the pages and the API show of it: the post (its title in the
/// reader's language where it has one), the submitter, the showcase and the history.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
#[schema(as = Submission)]
pub struct Details {
    pub id: i64,
    /// The post's URL.
    pub post: String,
    pub post_title: String,
    /// The organisation that submitted, by URL, and its name.
    pub submitter: String,
    pub submitter_name: String,
    /// The showcase, by URL, and its name.
    pub showcase: String,
    pub showcase_name: String,
    /// Whether the showcase is this network's (and so decided here).
    pub local_showcase: bool,
    pub state: State,
    /// The reviewers' latest comment (changes) or reason (declined).
    pub comment: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub history: Vec<HistoryStep>,
}

/// A step of a submission's history.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct HistoryStep {
    /// `submitted`, `resubmitted`, `approved`, `changes_requested`, `declined` or `edited`.
    pub action: String,
    pub comment: Option<String>,
    /// Who: a username of this instance, or an actor's name.
    pub by: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The details of several submissions, in their order.
pub async fn details(
    conn: &mut AsyncPgConnection,
    subs: Vec<DbSubmission>,
    lang: &str,
) -> Result<Vec<Details>, AppError> {
    let actors =
        DbActor::by_ids(conn, subs.iter().flat_map(|s| [s.group_id, s.submitter_id])).await?;
    let mut out = Vec::with_capacity(subs.len());
    for sub in subs {
        let post = DbPost::by_id(conn, sub.post_id)
            .await?
            .ok_or_else(|| AppError::not_found("the submitted post is gone"))?;
        let full = DbPost::full(conn, post).await?;
        let post_title = full
            .in_language(lang)
            .or_else(|| full.main())
            .map(|t| t.title.clone())
            .unwrap_or_default();
        let name_of = |id: i64| {
            actors
                .get(&id)
                .map(|a| (a.ap_id.to_string(), a.name.clone(), a.local))
                .unwrap_or_default()
        };
        let (submitter, submitter_name, _) = name_of(sub.submitter_id);
        let (showcase, showcase_name, local_showcase) = name_of(sub.group_id);
        let mut history = Vec::new();
        for step in db::history(conn, sub.id).await? {
            let by = match (step.account_id, step.actor_id) {
                (Some(a), _) => Account::by_account_id(conn, a)
                    .await?
                    .map(|a| a.username)
                    .unwrap_or_default(),
                (_, Some(a)) => match actors.get(&a) {
                    Some(actor) => actor.name.clone(),
                    None => DbActor::by_id(conn, a).await?.name,
                },
                _ => String::new(),
            };
            history.push(HistoryStep {
                action: step.action,
                comment: step.comment,
                by,
                at: step.created_at,
            });
        }
        out.push(Details {
            id: sub.id,
            post: full.post.ap_id.to_string(),
            post_title,
            submitter,
            submitter_name,
            showcase,
            showcase_name,
            local_showcase,
            state: sub.state(),
            comment: sub.comment.clone(),
            created_at: sub.created_at,
            updated_at: sub.updated_at,
            history,
        });
    }
    Ok(out)
}

/// The queue of our showcases in one state, for a reviewer (only the showcases they review).
pub async fn queue_for(
    conn: &mut AsyncPgConnection,
    account: &Account,
    state: State,
) -> Result<Vec<DbSubmission>, AppError> {
    let mut out = Vec::new();
    for s in db::showcases(conn).await? {
        if may_review(conn, account, s.group_id).await? {
            out.extend(db::in_state(conn, s.group_id, state, 200).await?);
        }
    }
    Ok(out)
}
