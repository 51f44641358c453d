//! RSA keys: signing with PKCS#8 PEM private keys, verifying with SPKI (or PKCS#1) PEM
//! public keys.

use super::SignatureError;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{self, KeyPair, RsaKeyPair, UnparsedPublicKey};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

/// A private key ready to sign, with the key id it signs as.
pub struct SigningKey {
    pub key_id: String,
    pair: RsaKeyPair,
    rng: SystemRandom,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

fn pem_der(pem: &str) -> Result<(String, Vec<u8>), String> {
    let label = pem
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("-----BEGIN ")
                .and_then(|r| r.strip_suffix("-----"))
        })
        .ok_or("no PEM header")?
        .to_string();
    let body: String = pem
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("-----") && !l.is_empty())
        .collect();
    let der = B64
        .decode(body)
        .map_err(|e| format!("bad base64 in PEM: {e}"))?;
    Ok((label, der))
}

impl SigningKey {
    pub fn from_pkcs8_pem(key_id: impl Into<String>, pem: &str) -> anyhow::Result<SigningKey> {
        let (label, der) = pem_der(pem).map_err(anyhow::Error::msg)?;
        anyhow::ensure!(
            label == "PRIVATE KEY",
            "expected a PKCS#8 private key, found {label}"
        );
        let pair =
            RsaKeyPair::from_pkcs8(&der).map_err(|e| anyhow::anyhow!("unusable RSA key: {e}"))?;
        Ok(SigningKey {
            key_id: key_id.into(),
            pair,
            rng: SystemRandom::new(),
        })
    }

    /// RSA PKCS#1 v1.5 SHA-256 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> anyhow::Result<Vec<u8>> {
        let mut sig = vec![0u8; self.pair.public_modulus_len()];
        self.pair
            .sign(&signature::RSA_PKCS1_SHA256, &self.rng, message, &mut sig)
            .map_err(|e| anyhow::anyhow!("signing failed: {e}"))?;
        Ok(sig)
    }

    pub fn public_key_der(&self) -> Vec<u8> {
        self.pair.public_key().as_ref().to_vec()
    }
}

/// A public key parsed from PEM, holding the PKCS#1 `RSAPublicKey` DER that verification takes.
#[derive(Debug, Clone)]
pub struct PublicKey {
    rsa_der: Vec<u8>,
}

impl PublicKey {
    pub fn from_pem(pem: &str) -> Result<PublicKey, SignatureError> {
        let (label, der) = pem_der(pem).map_err(SignatureError::BadKey)?;
        let rsa_der = match label.as_str() {
            "PUBLIC KEY" => spki_rsa_key(&der)
                .ok_or_else(|| SignatureError::BadKey("not an RSA SubjectPublicKeyInfo".into()))?,
            "RSA PUBLIC KEY" => der,
            other => {
                return Err(SignatureError::BadKey(format!(
                    "unexpected PEM label {other}"
                )));
            }
        };
        Ok(PublicKey { rsa_der })
    }

    pub fn verify(&self, message: &[u8], sig: &[u8]) -> bool {
        UnparsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, &self.rsa_der)
            .verify(message, sig)
            .is_ok()
    }
}

/// Reads one DER element: (tag, contents, rest).
fn der_element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&len0, rest) = rest.split_first()?;
    let (len, rest) = if len0 < 0x80 {
        (len0 as usize, rest)
    } else {
        let n = (len0 & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | *b as usize);
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// The RSAPublicKey inside a SubjectPublicKeyInfo with the rsaEncryption algorithm.
fn spki_rsa_key(der: &[u8]) -> Option<Vec<u8>> {
    const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    let (0x30, spki, _) = der_element(der)? else {
        return None;
    };
    let (0x30, alg, rest) = der_element(spki)? else {
        return None;
    };
    let (0x06, oid, _) = der_element(alg)? else {
        return None;
    };
    if oid != RSA_ENCRYPTION {
        return None;
    }
    let (0x03, bits, _) = der_element(rest)? else {
        return None;
    };
    // A BIT STRING starts with the count of unused bits, zero here.
    let (&0, key) = bits.split_first()? else {
        return None;
    };
    Some(key.to_vec())
}
