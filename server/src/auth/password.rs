//! Password hashing with argon2id (RustCrypto's `argon2`, its default parameters: 19 MiB,
//! two passes), run off the async threads because it is deliberately slow.

use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use std::sync::LazyLock;

fn salt() -> SaltString {
    SaltString::encode_b64(&crate::keys::random_bytes::<16>()).expect("16 bytes make a valid salt")
}

pub async fn hash(password: String) -> String {
    tokio::task::spawn_blocking(move || {
        let salt = salt();
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .expect("argon2 accepts any password with a generated salt")
            .to_string()
    })
    .await
    .expect("hashing does not panic")
}

/// Checks a password against a stored hash. With no hash (unknown user) it checks against a
/// dummy one, so the answer takes as long and reveals nothing about which usernames exist.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    static DUMMY: LazyLock<String> = LazyLock::new(|| {
        let salt = salt();
        Argon2::default()
            .hash_password(b"no such user", &salt)
            .expect("hash")
            .to_string()
    });
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| DUMMY.clone());
        let matches = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && matches
    })
    .await
    .unwrap_or(false)
}
