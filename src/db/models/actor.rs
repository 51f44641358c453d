//! Actors: local organisations, the instance actor, and remote actors we have seen.

use crate::db::schema::actors;
use crate::db::url::DbUrl;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;

/// The handle of the instance actor (FEP-2677), served at `/actor`.
pub const INSTANCE_ACTOR_HANDLE: &str = "instance.actor";

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = actors)]
pub struct DbActor {
    pub id: i64,
    pub ap_id: DbUrl,
    pub local: bool,
    pub actor_type: String,
    pub handle: String,
    pub domain: String,
    pub name: String,
    pub summary_map: Value,
    pub summary_html: Option<String>,
    pub inbox_url: String,
    pub shared_inbox_url: Option<String>,
    pub outbox_url: Option<String>,
    pub followers_url: Option<String>,
    pub profile_url: Option<String>,
    pub icon_url: Option<String>,
    pub image_url: Option<String>,
    pub public_key_pem: String,
    pub private_key_pem: Option<String>,
    pub manually_approves_followers: bool,
    pub discoverable: bool,
    pub indexable: bool,
    pub org_kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub official_code: Option<String>,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub last_refreshed_at: DateTime<Utc>,
    /// Eurostat LAU code, `CC_code` (see `crate::nuts`).
    pub lau: Option<String>,
    /// NUTS region code, usually NUTS 3.
    pub nuts: Option<String>,
}

/// A row of `actors` to insert. `Default` leaves every optional field empty, so that a
/// literal names only what its kind of actor has (the profile of an organisation is `None`
/// for a group, a person or a remote actor).
#[derive(Debug, Clone, Default, Insertable, AsChangeset)]
#[diesel(table_name = actors)]
pub struct NewActor {
    pub ap_id: String,
    pub local: bool,
    pub actor_type: String,
    pub handle: String,
    pub domain: String,
    pub name: String,
    pub summary_map: Value,
    pub summary_html: Option<String>,
    pub inbox_url: String,
    pub shared_inbox_url: Option<String>,
    pub outbox_url: Option<String>,
    pub followers_url: Option<String>,
    pub profile_url: Option<String>,
    pub icon_url: Option<String>,
    pub image_url: Option<String>,
    pub public_key_pem: String,
    pub private_key_pem: Option<String>,
    pub manually_approves_followers: bool,
    pub discoverable: bool,
    pub indexable: bool,
    pub org_kind: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub official_code: Option<String>,
    pub population: Option<i64>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Eurostat LAU code and NUTS region (see `crate::nuts`).
    pub lau: Option<String>,
    pub nuts: Option<String>,
}

impl NewActor {
    /// An actor of another server as far as its id, kind, handle, server and name tell:
    /// its inbox at `{ap_id}/inbox`, the server's shared inbox at `https://{domain}/inbox`,
    /// discoverable, and nothing else known yet (no key, no profile). Fill in the rest with
    /// struct update syntax.
    pub fn remote(ap_id: &str, actor_type: &str, handle: &str, domain: &str, name: &str) -> Self {
        NewActor {
            ap_id: ap_id.to_string(),
            local: false,
            actor_type: actor_type.to_string(),
            handle: handle.to_string(),
            domain: domain.to_string(),
            name: name.to_string(),
            summary_map: Value::Object(Default::default()),
            summary_html: None,
            inbox_url: format!("{ap_id}/inbox"),
            shared_inbox_url: Some(format!("https://{domain}/inbox")),
            outbox_url: None,
            followers_url: None,
            profile_url: None,
            icon_url: None,
            image_url: None,
            public_key_pem: String::new(),
            private_key_pem: None,
            manually_approves_followers: false,
            discoverable: true,
            indexable: true,
            ..Default::default()
        }
    }
}

/// Editable profile of a local organisation; `None` leaves a field as it is.
#[derive(Debug, Default, Clone, AsChangeset)]
#[diesel(table_name = actors)]
pub struct ProfileChange {
    pub name: Option<String>,
    pub summary_map: Option<Value>,
    pub icon_url: Option<Option<String>>,
    pub image_url: Option<Option<String>>,
    pub manually_approves_followers: Option<bool>,
    pub discoverable: Option<bool>,
    pub indexable: Option<bool>,
    pub org_kind: Option<Option<String>>,
    pub country: Option<Option<String>>,
    pub region: Option<Option<String>>,
    pub official_code: Option<Option<String>>,
    pub population: Option<Option<i64>>,
    pub website: Option<Option<String>>,
    pub languages: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
    pub latitude: Option<Option<f64>>,
    pub longitude: Option<Option<f64>>,
    pub updated: Option<DateTime<Utc>>,
    pub lau: Option<Option<String>>,
    pub nuts: Option<Option<String>>,
}

/// What the inbox needs to know of a stored signer, read in one query (`DbActor::signer`).
#[derive(Debug, Clone)]
pub struct KnownSigner {
    pub actor: DbActor,
    /// Suspended on this instance.
    pub suspended: bool,
    /// The domain of its key is blocked here.
    pub blocked: bool,
    /// At least one actor here follows it (an accepted follow).
    pub followed: bool,
}

impl DbActor {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewActor) -> QueryResult<DbActor> {
        diesel::insert_into(actors::table)
            .values(new)
            .returning(DbActor::as_returning())
            .get_result(conn)
            .await
    }

    /// Inserts or refreshes a remote actor by its id.
    pub async fn upsert_remote(
        conn: &mut AsyncPgConnection,
        new: &NewActor,
    ) -> QueryResult<DbActor> {
        diesel::insert_into(actors::table)
            .values(new)
            .on_conflict(actors::ap_id)
            .do_update()
            .set((
                new,
                actors::last_refreshed_at.eq(diesel::dsl::now),
                actors::updated.eq(diesel::dsl::now),
            ))
            .returning(DbActor::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn by_id(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<DbActor> {
        actors::table
            .find(id)
            .select(DbActor::as_select())
            .first(conn)
            .await
    }

    pub async fn by_ap_id(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
    ) -> QueryResult<Option<DbActor>> {
        actors::table
            .filter(actors::ap_id.eq(ap_id))
            .select(DbActor::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The signer of a request, in one query: the stored actor, whether it is suspended
    /// here, whether `domain` (its key's host) is blocked, and whether anyone here follows
    /// it. `None` when not stored.
    pub async fn signer(
        conn: &mut AsyncPgConnection,
        ap_id: &str,
        domain: &str,
    ) -> QueryResult<Option<KnownSigner>> {
        use crate::db::models::delivery::blocked_expr;
        use crate::db::schema::{follows, suspended_actors};
        let blocked = blocked_expr(domain.to_ascii_lowercase());
        let row: Option<(DbActor, bool, bool, bool)> = actors::table
            .filter(actors::ap_id.eq(ap_id))
            .select((
                DbActor::as_select(),
                diesel::dsl::exists(
                    suspended_actors::table.filter(suspended_actors::actor_id.eq(actors::id)),
                ),
                blocked,
                diesel::dsl::exists(
                    follows::table
                        .filter(follows::followed_id.eq(actors::id))
                        .filter(follows::accepted.eq(true)),
                ),
            ))
            .first(conn)
            .await
            .optional()?;
        Ok(
            row.map(|(actor, suspended, blocked, followed)| KnownSigner {
                actor,
                suspended,
                blocked,
                followed,
            }),
        )
    }

    /// A local actor by handle, case-insensitively.
    pub async fn local_by_handle(
        conn: &mut AsyncPgConnection,
        handle: &str,
    ) -> QueryResult<Option<DbActor>> {
        actors::table
            .filter(actors::local.eq(true))
            .filter(
                diesel::dsl::sql::<diesel::sql_types::Bool>("lower(handle) = lower(")
                    .bind::<diesel::sql_types::Text, _>(handle.to_string())
                    .sql(")"),
            )
            .select(DbActor::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn instance_actor(conn: &mut AsyncPgConnection) -> QueryResult<Option<DbActor>> {
        actors::table
            .filter(actors::local.eq(true))
            .filter(actors::actor_type.eq("Application"))
            .select(DbActor::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Local organisations, by handle.
    pub async fn list_local_orgs(conn: &mut AsyncPgConnection) -> QueryResult<Vec<DbActor>> {
        actors::table
            .filter(actors::local.eq(true))
            .filter(actors::actor_type.eq("Organization"))
            .order(actors::handle.asc())
            .select(DbActor::as_select())
            .load(conn)
            .await
    }

    /// The organisations a partnership may be proposed to, for the editors' picker: every
    /// one known here (local or not, not deleted) but `except`, local ones first, then by
    /// name, at most `limit`. Each as its name and the address the form takes (`@handle` for a
    /// local one, `@handle@domain` for another).
    pub async fn partner_choices(
        conn: &mut AsyncPgConnection,
        except: i64,
        limit: i64,
    ) -> QueryResult<Vec<(String, String)>> {
        let rows: Vec<(String, String, String, bool)> = actors::table
            .filter(actors::actor_type.eq("Organization"))
            .filter(actors::deleted_at.is_null())
            .filter(actors::id.ne(except))
            .order((actors::local.desc(), actors::name.asc(), actors::id.asc()))
            .limit(limit)
            .select((actors::name, actors::handle, actors::domain, actors::local))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(name, handle, domain, local)| (name, form_address(&handle, &domain, local)))
            .collect())
    }

    /// The actors of `ap_ids` known here, each as its id, name and the address a form takes
    /// (as in [`DbActor::partner_choices`]), in no particular order.
    pub async fn named_by_ap_ids(
        conn: &mut AsyncPgConnection,
        ap_ids: &[String],
    ) -> QueryResult<Vec<(String, String, String)>> {
        let rows: Vec<(String, String, String, String, bool)> = actors::table
            .filter(actors::ap_id.eq_any(ap_ids))
            .select((
                actors::ap_id,
                actors::name,
                actors::handle,
                actors::domain,
                actors::local,
            ))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, handle, domain, local)| {
                (id, name, form_address(&handle, &domain, local))
            })
            .collect())
    }

    pub async fn count_local_orgs(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        actors::table
            .filter(actors::local.eq(true))
            .filter(actors::actor_type.eq("Organization"))
            .count()
            .get_result(conn)
            .await
    }

    pub async fn update_profile(
        conn: &mut AsyncPgConnection,
        id: i64,
        change: &ProfileChange,
    ) -> QueryResult<DbActor> {
        diesel::update(actors::table.find(id))
            .set(change)
            .returning(DbActor::as_returning())
            .get_result(conn)
            .await
    }

    /// The actors with these ids, by id, in one query (the authors of a list of posts).
    pub async fn by_ids(
        conn: &mut AsyncPgConnection,
        ids: impl IntoIterator<Item = i64>,
    ) -> QueryResult<std::collections::HashMap<i64, DbActor>> {
        let mut ids: Vec<i64> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        Ok(actors::table
            .filter(actors::id.eq_any(&ids))
            .select(DbActor::as_select())
            .load(conn)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect())
    }

    /// Names of the actors we know among these ids (local or fetched remote ones).
    pub async fn names_by_ap_ids(
        conn: &mut AsyncPgConnection,
        ids: &[String],
    ) -> QueryResult<Vec<(String, String)>> {
        actors::table
            .filter(actors::ap_id.eq_any(ids))
            .select((actors::ap_id, actors::name))
            .load(conn)
            .await
    }

    /// The plain summary in `lang`, or in the first language it exists in.
    pub fn summary_in(&self, lang: &str) -> Option<&str> {
        let map = self.summary_map.as_object()?;
        map.get(lang)
            .or_else(|| map.values().next())
            .and_then(Value::as_str)
    }

    pub fn ap_url(&self) -> &url::Url {
        &self.ap_id
    }

    pub fn is_organisation(&self) -> bool {
        self.actor_type == "Organization"
    }
}

/// The address an editors' form takes for an actor: `@handle` for a local one,
/// `@handle@domain` for another.
pub fn form_address(handle: &str, domain: &str, local: bool) -> String {
    if local {
        format!("@{handle}")
    } else {
        format!("@{handle}@{domain}")
    }
}
