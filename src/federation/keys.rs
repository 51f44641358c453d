//! RSA key pairs of actors: PKCS#8 PEM private keys, SPKI PEM public keys (the format
//! Mastodon reads), generated off the async runtime, made on first use for actors that have
//! none yet, and loaded once per process for signing.

use crate::db::DbPool;
use crate::db::models::actor::DbActor;
use crate::error::AppError;
use crate::federation::signatures::SigningKey;
use crate::federation::urls::Urls;
use activitypub_federation::http_signatures::generate_actor_keypair;
use diesel_async::AsyncPgConnection;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub struct KeyPair {
    pub public_pem: String,
    pub private_pem: String,
}

pub async fn generate() -> anyhow::Result<KeyPair> {
    let pair = tokio::task::spawn_blocking(generate_actor_keypair).await??;
    Ok(KeyPair {
        public_pem: pair.public_key,
        private_pem: pair.private_key,
    })
}

/// Gives a local actor its key pair if it has none yet (imported organisations).
pub async fn ensure_keys(
    conn: &mut AsyncPgConnection,
    actor: DbActor,
) -> Result<DbActor, AppError> {
    if !actor.local || actor.private_key_pem.is_some() {
        return Ok(actor);
    }
    use crate::db::schema::actors;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let keys = generate().await?;
    // Only the first of two concurrent callers stores its key; both then read the stored one.
    diesel::update(actors::table.find(actor.id))
        .filter(actors::private_key_pem.is_null())
        .set((
            actors::public_key_pem.eq(&keys.public_pem),
            actors::private_key_pem.eq(Some(&keys.private_pem)),
        ))
        .execute(conn)
        .await?;
    Ok(DbActor::by_id(conn, actor.id).await?)
}

/// Signing keys of local actors, loaded once per process; the instance actor's (it signs
/// every fetch) also without looking the actor up again.
///
/// Callers asking for a key that is not loaded yet wait for one load: a fan-out's first
/// wave of deliveries (`delivery.concurrency` tasks at once) reads the actor and parses its
/// key once, not once per task.
#[derive(Default, Clone)]
pub struct KeyCache {
    by_actor: Arc<Mutex<HashMap<i64, Arc<OnceKey>>>>,
    instance: Arc<OnceKey>,
}

type OnceKey = tokio::sync::OnceCell<Arc<SigningKey>>;

impl KeyCache {
    /// The signing key of the local actor `actor_id`, made first if it has none.
    pub async fn get(&self, pool: &DbPool, actor_id: i64) -> anyhow::Result<Arc<SigningKey>> {
        let cell = self.cell(actor_id)?;
        let key = cell
            .get_or_try_init(|| async {
                let mut conn = pool.get().await?;
                let actor = DbActor::by_id(&mut conn, actor_id).await?;
                load(&mut conn, actor).await
            })
            .await?;
        Ok(key.clone())
    }

    /// The instance actor's signing key: it signs our fetches. Kept apart so that a fetch
    /// need not look the instance actor up, and in the same place as [`Self::get`] keeps it,
    /// so that it is loaded once either way.
    pub async fn instance(&self, pool: &DbPool) -> anyhow::Result<Arc<SigningKey>> {
        let key = self
            .instance
            .get_or_try_init(|| async {
                let mut conn = pool.get().await?;
                let actor = DbActor::instance_actor(&mut conn)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("this instance has no instance actor yet"))?;
                self.cell(actor.id)?
                    .get_or_try_init(|| load(&mut conn, actor))
                    .await
                    .cloned()
            })
            .await?;
        Ok(key.clone())
    }

    /// The place of `actor_id`'s key, empty until it is loaded (a failed load leaves it
    /// empty: the next caller tries again).
    fn cell(&self, actor_id: i64) -> anyhow::Result<Arc<OnceKey>> {
        Ok(self
            .by_actor
            .lock()
            .map_err(|_| anyhow::anyhow!("key cache poisoned"))?
            .entry(actor_id)
            .or_default()
            .clone())
    }
}

/// Reads `actor`'s private key (made first if it has none).
async fn load(conn: &mut AsyncPgConnection, actor: DbActor) -> anyhow::Result<Arc<SigningKey>> {
    let actor = ensure_keys(conn, actor)
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?;
    let pem = actor
        .private_key_pem
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("actor {} has no private key", actor.id))?;
    Ok(Arc::new(SigningKey::from_pkcs8_pem(
        Urls::key_id(actor.ap_id.as_str()),
        pem,
    )?))
}
