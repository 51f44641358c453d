//! Editorial review: showcases (our groups that show a network's reviewed posts), the
//! reviewers, the submissions of posts to a showcase and each submission's history.

use crate::db::schema::{reviewers, showcases, submission_events, submissions};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Waiting for a reviewer.
    Pending,
    /// The reviewers asked for changes; the submitter may edit and submit again.
    ChangesRequested,
    /// In the showcase.
    Approved,
    /// Declined, with a reason; final.
    Declined,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::ChangesRequested => "changes_requested",
            State::Approved => "approved",
            State::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        Some(match s {
            "pending" => State::Pending,
            "changes_requested" => State::ChangesRequested,
            "approved" => State::Approved,
            "declined" => State::Declined,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submissions)]
pub struct DbSubmission {
    pub id: i64,
    pub post_id: i64,
    pub group_id: i64,
    pub submitter_id: i64,
    pub offer_ap_id: String,
    pub state: String,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DbSubmission {
    pub fn state(&self) -> State {
        State::parse(&self.state).unwrap_or(State::Pending)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = submission_events)]
pub struct DbSubmissionEvent {
    pub id: i64,
    pub submission_id: i64,
    pub action: String,
    pub comment: Option<String>,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub activity_ap_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Who took a step: a local account, or an actor (a remote showcase, a remote submitter).
#[derive(Debug, Clone, Copy)]
pub enum By {
    Account(i64),
    Actor(i64),
}

/// A step of a submission's history.
pub struct Step<'a> {
    pub action: &'a str,
    pub comment: Option<&'a str>,
    pub by: By,
    pub activity: Option<&'a str>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = showcases)]
pub struct DbShowcase {
    pub group_id: i64,
    pub review_edits: bool,
    pub created_at: DateTime<Utc>,
}

pub async fn make_showcase(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    review_edits: bool,
) -> QueryResult<()> {
    diesel::insert_into(showcases::table)
        .values((
            showcases::group_id.eq(group_id),
            showcases::review_edits.eq(review_edits),
        ))
        .on_conflict(showcases::group_id)
        .do_update()
        .set(showcases::review_edits.eq(review_edits))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn showcase(
    conn: &mut AsyncPgConnection,
    group_id: i64,
) -> QueryResult<Option<DbShowcase>> {
    showcases::table
        .find(group_id)
        .select(DbShowcase::as_select())
        .first(conn)
        .await
        .optional()
}

/// Our showcases, oldest first (the first is the network's default).
pub async fn showcases(conn: &mut AsyncPgConnection) -> QueryResult<Vec<DbShowcase>> {
    showcases::table
        .order(showcases::created_at.asc())
        .select(DbShowcase::as_select())
        .load(conn)
        .await
}

pub async fn set_reviewer(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    grant: bool,
) -> QueryResult<()> {
    if grant {
        diesel::insert_into(reviewers::table)
            .values(reviewers::account_id.eq(account_id))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    } else {
        diesel::delete(reviewers::table.find(account_id))
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn is_reviewer(conn: &mut AsyncPgConnection, account_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(reviewers::table.find(account_id)))
        .get_result(conn)
        .await
}

/// A new submission, or a live one submitted again: its Offer, state and comment replaced.
/// Returns the row and whether it existed before.
pub async fn upsert(
    conn: &mut AsyncPgConnection,
    post_id: i64,
    group_id: i64,
    submitter_id: i64,
    offer_ap_id: &str,
) -> QueryResult<(DbSubmission, bool)> {
    let existing = by_post_and_group(conn, post_id, group_id).await?;
    let row = match &existing {
        Some(s) => {
            diesel::update(submissions::table.find(s.id))
                .set((
                    submissions::offer_ap_id.eq(offer_ap_id),
                    submissions::state.eq(State::Pending.as_str()),
                    submissions::comment.eq(None::<String>),
                    submissions::updated_at.eq(diesel::dsl::now),
                ))
                .returning(DbSubmission::as_returning())
                .get_result(conn)
                .await?
        }
        None => {
            diesel::insert_into(submissions::table)
                .values((
                    submissions::post_id.eq(post_id),
                    submissions::group_id.eq(group_id),
                    submissions::submitter_id.eq(submitter_id),
                    submissions::offer_ap_id.eq(offer_ap_id),
                    submissions::state.eq(State::Pending.as_str()),
                ))
                .returning(DbSubmission::as_returning())
                .get_result(conn)
                .await?
        }
    };
    Ok((row, existing.is_some()))
}

pub async fn by_post_and_group(
    conn: &mut AsyncPgConnection,
    post_id: i64,
    group_id: i64,
) -> QueryResult<Option<DbSubmission>> {
    submissions::table
        .filter(submissions::post_id.eq(post_id))
        .filter(submissions::group_id.eq(group_id))
        .select(DbSubmission::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

/// A submission by id, locked for the decision about it.
pub async fn by_id_for_update(
    conn: &mut AsyncPgConnection,
    id: i64,
) -> QueryResult<Option<DbSubmission>> {
    submissions::table
        .find(id)
        .select(DbSubmission::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

pub async fn by_id(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<DbSubmission>> {
    submissions::table
        .find(id)
        .select(DbSubmission::as_select())
        .first(conn)
        .await
        .optional()
}

/// The submission an answer names by its Offer's id, locked.
pub async fn by_offer(
    conn: &mut AsyncPgConnection,
    offer_ap_id: &str,
) -> QueryResult<Option<DbSubmission>> {
    submissions::table
        .filter(submissions::offer_ap_id.eq(offer_ap_id))
        .select(DbSubmission::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

pub async fn set_state(
    conn: &mut AsyncPgConnection,
    id: i64,
    state: State,
    comment: Option<&str>,
) -> QueryResult<DbSubmission> {
    diesel::update(submissions::table.find(id))
        .set((
            submissions::state.eq(state.as_str()),
            submissions::comment.eq(comment),
            submissions::updated_at.eq(diesel::dsl::now),
        ))
        .returning(DbSubmission::as_returning())
        .get_result(conn)
        .await
}

pub async fn record(
    conn: &mut AsyncPgConnection,
    submission_id: i64,
    step: &Step<'_>,
) -> QueryResult<()> {
    let (account, actor) = match step.by {
        By::Account(a) => (Some(a), None),
        By::Actor(a) => (None, Some(a)),
    };
    diesel::insert_into(submission_events::table)
        .values((
            submission_events::submission_id.eq(submission_id),
            submission_events::action.eq(step.action),
            submission_events::comment.eq(step.comment),
            submission_events::account_id.eq(account),
            submission_events::actor_id.eq(actor),
            submission_events::activity_ap_id.eq(step.activity),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn history(
    conn: &mut AsyncPgConnection,
    submission_id: i64,
) -> QueryResult<Vec<DbSubmissionEvent>> {
    submission_events::table
        .filter(submission_events::submission_id.eq(submission_id))
        .order(submission_events::id.asc())
        .select(DbSubmissionEvent::as_select())
        .load(conn)
        .await
}

/// A showcase's submissions in one state, oldest change first (the queue's order).
pub async fn in_state(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    state: State,
    limit: i64,
) -> QueryResult<Vec<DbSubmission>> {
    submissions::table
        .filter(submissions::group_id.eq(group_id))
        .filter(submissions::state.eq(state.as_str()))
        .order((submissions::updated_at.asc(), submissions::id.asc()))
        .limit(limit)
        .select(DbSubmission::as_select())
        .load(conn)
        .await
}

/// How many of a showcase's submissions are in one state.
pub async fn count_in_state(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    state: State,
) -> QueryResult<i64> {
    submissions::table
        .filter(submissions::group_id.eq(group_id))
        .filter(submissions::state.eq(state.as_str()))
        .count()
        .get_result(conn)
        .await
}

/// Submissions waiting in any of our showcases.
pub async fn waiting_count(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    submissions::table
        .inner_join(showcases::table.on(showcases::group_id.eq(submissions::group_id)))
        .filter(submissions::state.eq(State::Pending.as_str()))
        .count()
        .get_result(conn)
        .await
}

/// An organisation's submissions, newest change first.
pub async fn of_submitter(
    conn: &mut AsyncPgConnection,
    submitter_id: i64,
) -> QueryResult<Vec<DbSubmission>> {
    submissions::table
        .filter(submissions::submitter_id.eq(submitter_id))
        .order((submissions::updated_at.desc(), submissions::id.desc()))
        .select(DbSubmission::as_select())
        .load(conn)
        .await
}

/// A post's submissions.
pub async fn of_post(conn: &mut AsyncPgConnection, post_id: i64) -> QueryResult<Vec<DbSubmission>> {
    submissions::table
        .filter(submissions::post_id.eq(post_id))
        .order(submissions::id.asc())
        .select(DbSubmission::as_select())
        .load(conn)
        .await
}

/// The approved posts of a showcase, latest approval first, with the time of approval.
pub async fn approved_posts(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<(i64, DateTime<Utc>)>> {
    submissions::table
        .filter(submissions::group_id.eq(group_id))
        .filter(submissions::state.eq(State::Approved.as_str()))
        .order((submissions::updated_at.desc(), submissions::id.desc()))
        .limit(limit)
        .offset(offset)
        .select((submissions::post_id, submissions::updated_at))
        .load(conn)
        .await
}
