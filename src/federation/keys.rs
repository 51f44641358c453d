//! RSA key pairs of actors: PKCS#8 PEM private keys, SPKI PEM public keys (the format
//! Mastodon reads), generated off the async runtime.

use activitypub_federation::http_signatures::generate_actor_keypair;

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
