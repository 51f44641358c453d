//! The database: connection pool, creation of a missing database, and the embedded
//! migrations, run under a PostgreSQL advisory lock so that several processes may start at
//! once.

pub mod languages;
pub mod models;
pub mod schema;
pub mod url;

use ::url::Url;
use anyhow::Context;
use diesel::prelude::*;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// How many migrations ship with this build (counted from the embedded ones).
pub fn migrations_count() -> usize {
    diesel::migration::MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS)
        .map(|m| m.len())
        .unwrap_or(0)
}

/// Arbitrary but fixed key of the advisory lock that serialises migrations.
const MIGRATION_LOCK_KEY: i64 = 0x7061_7373_6572_656c; // "passerel"

/// The pool. Connections are recycled the `Fast` way: a returned connection is reused unless
/// its socket is closed (PostgreSQL restarted or dropped it) or it was left inside a broken
/// transaction, without the default `SELECT 1` round trip on every checkout (about a quarter
/// of the inbox's round trips).
pub fn pool(url: &Url, size: usize) -> anyhow::Result<DbPool> {
    let mut config = ManagerConfig::default();
    config.recycling_method = RecyclingMethod::Fast;
    let manager =
        AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(url.as_str(), config);
    Pool::builder(manager)
        .max_size(size)
        .build()
        .context("building the database pool")
}

/// The database name in a `postgres://…/name` URL.
pub fn database_name(url: &Url) -> anyhow::Result<String> {
    let name = url.path().trim_start_matches('/');
    anyhow::ensure!(!name.is_empty(), "the database URL {url} names no database");
    anyhow::ensure!(
        name.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
        "database name `{name}` may hold only letters, digits, `_` and `-`"
    );
    Ok(name.to_string())
}

/// The same server's maintenance database, for CREATE/DROP DATABASE.
fn maintenance_url(url: &Url) -> Url {
    let mut admin = url.clone();
    admin.set_path("/postgres");
    admin
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

/// Creates the database named in `url` if it does not exist yet.
pub async fn ensure_database(url: &Url) -> anyhow::Result<()> {
    let name = database_name(url)?;
    let mut admin = AsyncPgConnection::establish(maintenance_url(url).as_str())
        .await
        .with_context(|| format!("connecting to PostgreSQL at {}", redact(url)))?;
    let found: Exists =
        diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
            .bind::<diesel::sql_types::Text, _>(&name)
            .get_result(&mut admin)
            .await?;
    if !found.exists {
        match diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .await
        {
            Ok(_) => tracing::info!(database = name, "created database"),
            // Another process created it in the meantime.
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {}
            Err(e) if e.to_string().contains("already exists") => {}
            Err(e) => return Err(e).with_context(|| format!("creating database {name}")),
        }
    }
    Ok(())
}

/// Drops the database named in `url`, disconnecting its sessions.
pub async fn drop_database(url: &Url) -> anyhow::Result<()> {
    let name = database_name(url)?;
    let mut admin = AsyncPgConnection::establish(maintenance_url(url).as_str()).await?;
    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .execute(&mut admin)
        .await?;
    Ok(())
}

/// Runs pending embedded migrations, holding an advisory lock while doing so.
pub async fn run_migrations(url: &Url) -> anyhow::Result<usize> {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
        let mut conn: AsyncConnectionWrapper<AsyncPgConnection> =
            diesel::Connection::establish(&url).context("connecting to run migrations")?;
        diesel::RunQueryDsl::execute(
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")),
            &mut conn,
        )?;
        let result = conn
            .run_pending_migrations(MIGRATIONS)
            .map(|done| done.len())
            .map_err(|e| anyhow::anyhow!("running migrations: {e}"))
            .and_then(|done| {
                languages::add_missing(&mut conn, &languages::configured())?;
                Ok(done)
            });
        diesel::RunQueryDsl::execute(
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")),
            &mut conn,
        )?;
        result
    })
    .await?
}

/// Creates the database if needed and migrates it, through `direct` (a connection straight
/// to PostgreSQL: the migrations hold a session advisory lock), then opens a pool on `url`
/// (the same, or a pooler such as PgBouncer in transaction mode).
pub async fn prepare(direct: &Url, url: &Url, size: usize) -> anyhow::Result<DbPool> {
    ensure_database(direct).await?;
    let applied = run_migrations(direct).await?;
    if applied > 0 {
        tracing::info!(applied, "database migrated");
    }
    pool(url, size)
}

/// The URL without its password, for messages.
pub fn redact(url: &Url) -> String {
    let mut u = url.clone();
    if u.password().is_some() {
        let _ = u.set_password(Some("***"));
    }
    u.to_string()
}
