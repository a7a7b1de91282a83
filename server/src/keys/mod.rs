//! The server's own secrets in use: the Ed25519 keys that sign receipts and leases (the current
//! one, and retired ones still published while their receipts are good), and the HMAC key that
//! turns a person's identity into the opaque `person_key` used for "one active booking per
//! person per procedure" (and rate limits into keys that name no one).
//!
//! They live in a key file of their own ([`file`]), never in the database. A database that
//! still has them (from before) gives them to the file on the first start and forgets them.

mod file;
mod random;

pub use file::{KEYS_ENV, KeyFile, KeyFileError, Secret, create_private_dir};
pub use random::{random_bytes, random_code};

use crate::db::{Db, DbError};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{SigningKey, VerifyingKey};
use hmac::{Hmac, Mac};
use jiff::Timestamp;
use sha2::Sha256;
use sportello_core::lease::{self, LeaseClaims};
use sportello_core::receipt::{self, PublicKey, ReceiptClaims, ReceiptError};
use std::path::Path;

/// Where the database remembers which identity key it was used with.
const IDENTITY_CHECK_META: &str = "identity_key_check";

#[derive(Debug, thiserror::Error)]
pub enum KeysError {
    #[error(transparent)]
    File(#[from] KeyFileError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(
        "the server's keys ({origin}) are not the ones this database was used with: give every \
         server process of a database the same key file (copy it from the first server)"
    )]
    NotThisDatabase { origin: String },
}

/// A receipt key no longer signing.
struct RetiredKey {
    id: String,
    public: VerifyingKey,
    publish_until: Option<Timestamp>,
}

pub struct ServerKeys {
    receipt_id: String,
    receipt_key: SigningKey,
    receipt_public: VerifyingKey,
    retired: Vec<RetiredKey>,
    identity_key: [u8; 32],
}

impl std::fmt::Debug for ServerKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secrets.
        f.debug_struct("ServerKeys")
            .field("receipt_key_id", &self.receipt_id)
            .finish_non_exhaustive()
    }
}

impl ServerKeys {
    /// The keys from `SPORTELLO_KEYS`, or from the key file at `path`, made (or taken over
    /// from the database) on first start; checked against the database they serve.
    pub async fn load(db: &Db, path: &Path, now: Timestamp) -> Result<ServerKeys, KeysError> {
        let kept = from_database(db, now).await?;
        let (file, origin) = match std::env::var(KEYS_ENV) {
            Ok(text) => (KeyFile::parse(&text, KEYS_ENV)?, KEYS_ENV.to_owned()),
            Err(_) => (
                open_or_create(path, now, kept.clone()).await?,
                path.display().to_string(),
            ),
        };
        // Person keys already stored depend on the identity key the database kept.
        if kept.is_some_and(|kept| kept.identity != file.identity) {
            return Err(KeysError::NotThisDatabase { origin });
        }
        let keys = ServerKeys::from_file(&file);
        keys.check_belongs_to(db, origin).await?;
        // Taken over by the file (or never needed): nothing secret stays in the database.
        sqlx::query("DELETE FROM server_keys")
            .execute(db.pool())
            .await
            .map_err(DbError::from)?;
        Ok(keys)
    }

    pub fn from_file(file: &KeyFile) -> ServerKeys {
        let current = file.current();
        let receipt_key = SigningKey::from_bytes(&current.secret.0);
        ServerKeys {
            receipt_id: current.id.clone(),
            receipt_public: receipt_key.verifying_key(),
            receipt_key,
            retired: file
                .receipt
                .iter()
                .filter(|key| key.retired.is_some())
                .map(|key| RetiredKey {
                    id: key.id.clone(),
                    public: SigningKey::from_bytes(&key.secret.0).verifying_key(),
                    publish_until: key.publish_until,
                })
                .collect(),
            identity_key: file.identity.0,
        }
    }

    /// Refuses keys other than those the database was first used with: a second server
    /// process with keys of its own would split "one booking per person" in two.
    async fn check_belongs_to(&self, db: &Db, origin: String) -> Result<(), KeysError> {
        let check = self.opaque_key("identity key check");
        sqlx::query(
            "INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(IDENTITY_CHECK_META)
        .bind(&check)
        .execute(db.pool())
        .await
        .map_err(DbError::from)?;
        let stored: String = sqlx::query_scalar("SELECT value FROM server_meta WHERE key = $1")
            .bind(IDENTITY_CHECK_META)
            .fetch_one(db.pool())
            .await
            .map_err(DbError::from)?;
        if stored == check {
            Ok(())
        } else {
            Err(KeysError::NotThisDatabase { origin })
        }
    }

    /// Every key that verifies at `now`: the current one, and the retired ones while they are
    /// published (until the last appointment they signed is over; at once for a key rotated
    /// as compromised).
    fn verifying_keys(&self, now: Timestamp) -> impl Iterator<Item = (&str, &VerifyingKey)> {
        std::iter::once((self.receipt_id.as_str(), &self.receipt_public)).chain(
            self.retired
                .iter()
                .filter(move |key| key.publish_until.is_some_and(|until| until > now))
                .map(|key| (key.id.as_str(), &key.public)),
        )
    }

    /// Signs a receipt, naming the key in its claims.
    pub fn sign_receipt(&self, mut claims: ReceiptClaims) -> String {
        claims.key_id = self.receipt_id.clone();
        receipt::sign(&claims, &self.receipt_key)
    }

    pub fn verify_receipt(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<ReceiptClaims, ReceiptError> {
        receipt::verify(token, self.verifying_keys(now))
    }

    /// Checks a receipt of either kind: the server's own, or a kiosk's for an offline booking.
    pub fn verify_any_receipt(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<ReceiptClaims, ReceiptError> {
        lease::verify_any_receipt(token, self.verifying_keys(now))
    }

    /// The `kid` of the key receipts and leases are signed with now.
    pub fn receipt_key_id(&self) -> &str {
        &self.receipt_id
    }

    /// Signs a lease with the receipt key (counters check both with the same published key).
    pub fn sign_lease(&self, mut claims: LeaseClaims) -> String {
        claims.key_id = self.receipt_id.clone();
        lease::sign_lease(&claims, &self.receipt_key)
    }

    pub fn verify_lease(&self, token: &str, now: Timestamp) -> Result<LeaseClaims, ReceiptError> {
        lease::verify_lease(token, self.verifying_keys(now))
    }

    /// Checks a kiosk receipt, returning the lease it stands on too.
    pub fn verify_kiosk_receipt(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<(ReceiptClaims, LeaseClaims), ReceiptError> {
        lease::verify_kiosk_receipt(token, self.verifying_keys(now))
    }

    /// The keys a counter needs to check receipts offline: the current one, and retired ones
    /// until the last appointment they signed is over.
    pub fn public_keys(&self, now: Timestamp) -> Vec<PublicKey> {
        self.verifying_keys(now)
            .map(|(id, key)| PublicKey::new(id, key))
            .collect()
    }

    /// An opaque, stable key for a normalised identity (see `Person::identity_key`): equal
    /// identities give equal keys, and the identity cannot be read back from it.
    pub fn person_key(&self, identity: &str) -> String {
        self.mac(identity.as_bytes())
    }

    /// An opaque, stable name for something that must not be stored as it is (an address, a
    /// username in a rate limiter), kept apart from person keys by its prefix.
    pub fn opaque_key(&self, name: &str) -> String {
        self.mac(format!("opaque\0{name}").as_bytes())
    }

    fn mac(&self, bytes: &[u8]) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.identity_key)
            .expect("HMAC takes a key of any length");
        mac.update(bytes);
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

/// The key file at `path`; on first start, made from the keys the database kept before key
/// files existed (`kept`), or new ones.
async fn open_or_create(
    path: &Path,
    now: Timestamp,
    kept: Option<KeyFile>,
) -> Result<KeyFile, KeysError> {
    if let Some(file) = KeyFile::read(path)? {
        return Ok(file);
    }
    let made = match kept {
        Some(file) => {
            tracing::info!(path = %path.display(), "moving the server's keys out of the database");
            file
        }
        None => KeyFile::generate(now),
    };
    if made.create(path)? {
        return Ok(made);
    }
    // Another process on this machine made it first: theirs it is.
    KeyFile::read(path)?.ok_or_else(|| {
        KeysError::File(KeyFileError::Invalid {
            origin: path.display().to_string(),
            detail: "it vanished while being made".to_owned(),
        })
    })
}

/// The keys a database kept itself before key files (`server_keys`), if it has them.
async fn from_database(db: &Db, now: Timestamp) -> Result<Option<KeyFile>, KeysError> {
    let secret = |id: &'static str| async move {
        let text: Option<String> =
            sqlx::query_scalar("SELECT secret FROM server_keys WHERE id = $1")
                .bind(id)
                .fetch_optional(db.pool())
                .await
                .map_err(DbError::from)?;
        text.map(|text| {
            Secret::from_text(&text).ok_or_else(|| DbError::Corrupt(format!("server key {id}")))
        })
        .transpose()
    };
    let (Some(receipt), Some(identity)) = (secret("receipt-1").await?, secret("identity-1").await?)
    else {
        return Ok(None);
    };
    let mut file = KeyFile::generate(now);
    file.identity = identity;
    file.receipt[0].secret = receipt;
    Ok(Some(file))
}
