//! The server's own secrets, generated on first start and kept in the database: the Ed25519
//! key that signs receipts, and the HMAC key that turns a person's identity into the opaque
//! `person_key` used for "one active booking per person per procedure".

use crate::db::{Db, DbError};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{SigningKey, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sportello_core::lease::{self, LeaseClaims};
use sportello_core::receipt::{self, PublicKey, ReceiptClaims, ReceiptError};

const RECEIPT_KEY_ID: &str = "receipt-1";
const IDENTITY_KEY_ID: &str = "identity-1";

pub struct ServerKeys {
    receipt_key: SigningKey,
    receipt_public: VerifyingKey,
    identity_key: [u8; 32],
}

impl std::fmt::Debug for ServerKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secrets.
        f.debug_struct("ServerKeys")
            .field("receipt_key_id", &RECEIPT_KEY_ID)
            .finish_non_exhaustive()
    }
}

/// Fresh random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes
}

/// A random code of `length` characters drawn evenly from `alphabet` (at most 256 symbols).
pub fn random_code(alphabet: &[u8], length: usize) -> String {
    // Bytes at or above the largest multiple of the alphabet's size are skipped, so every
    // symbol is equally likely.
    let fair_below = 256 - 256 % alphabet.len();
    let mut code = String::with_capacity(length);
    while code.len() < length {
        for byte in random_bytes::<32>() {
            if usize::from(byte) < fair_below && code.len() < length {
                code.push(alphabet[usize::from(byte) % alphabet.len()] as char);
            }
        }
    }
    code
}

impl ServerKeys {
    pub async fn load_or_create(db: &Db, now_unix: i64) -> Result<ServerKeys, DbError> {
        let receipt_seed = secret(db, RECEIPT_KEY_ID, "receipt", now_unix).await?;
        let identity_key = secret(db, IDENTITY_KEY_ID, "identity", now_unix).await?;
        let receipt_key = SigningKey::from_bytes(&receipt_seed);
        Ok(ServerKeys {
            receipt_public: receipt_key.verifying_key(),
            receipt_key,
            identity_key,
        })
    }

    /// Signs a receipt, naming the key in its claims.
    pub fn sign_receipt(&self, mut claims: ReceiptClaims) -> String {
        claims.key_id = RECEIPT_KEY_ID.to_owned();
        receipt::sign(&claims, &self.receipt_key)
    }

    pub fn verify_receipt(&self, token: &str) -> Result<ReceiptClaims, ReceiptError> {
        receipt::verify(token, [(RECEIPT_KEY_ID, &self.receipt_public)])
    }

    /// Checks a receipt of either kind: the server's own, or a kiosk's for an offline booking.
    pub fn verify_any_receipt(&self, token: &str) -> Result<ReceiptClaims, ReceiptError> {
        lease::verify_any_receipt(token, [(RECEIPT_KEY_ID, &self.receipt_public)])
    }

    /// Signs a lease with the receipt key (counters check both with the same published key).
    pub fn sign_lease(&self, mut claims: LeaseClaims) -> String {
        claims.key_id = RECEIPT_KEY_ID.to_owned();
        lease::sign_lease(&claims, &self.receipt_key)
    }

    pub fn verify_lease(&self, token: &str) -> Result<LeaseClaims, ReceiptError> {
        lease::verify_lease(token, [(RECEIPT_KEY_ID, &self.receipt_public)])
    }

    /// Checks a kiosk receipt, returning the lease it stands on too.
    pub fn verify_kiosk_receipt(
        &self,
        token: &str,
    ) -> Result<(ReceiptClaims, LeaseClaims), ReceiptError> {
        lease::verify_kiosk_receipt(token, [(RECEIPT_KEY_ID, &self.receipt_public)])
    }

    /// The keys a counter needs to check receipts offline.
    pub fn public_keys(&self) -> Vec<PublicKey> {
        vec![PublicKey::new(RECEIPT_KEY_ID, &self.receipt_public)]
    }

    /// An opaque, stable key for a normalised identity (see `Person::identity_key`): equal
    /// identities give equal keys, and the identity cannot be read back from it.
    pub fn person_key(&self, identity: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.identity_key)
            .expect("HMAC takes a key of any length");
        mac.update(identity.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

/// Reads a 32-byte secret, creating it first if this database has none. Two servers starting
/// together on one database agree: the first insert wins and both read it back.
async fn secret(db: &Db, id: &str, purpose: &str, now_unix: i64) -> Result<[u8; 32], DbError> {
    sqlx::query(
        "INSERT INTO server_keys (id, purpose, secret, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(purpose)
    .bind(URL_SAFE_NO_PAD.encode(random_bytes::<32>()))
    .bind(now_unix)
    .execute(db.pool())
    .await?;
    let encoded: String = sqlx::query_scalar("SELECT secret FROM server_keys WHERE id = $1")
        .bind(id)
        .fetch_one(db.pool())
        .await?;
    URL_SAFE_NO_PAD
        .decode(encoded)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or_else(|| DbError::Corrupt(format!("server key {id}")))
}
