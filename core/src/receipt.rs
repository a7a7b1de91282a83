//! Signed receipt tokens: what the QR code on a receipt carries, so a counter can check an
//! appointment offline with the server's published public key.
//!
//! A token is `SR1.<payload>.<signature>`: the payload is the claims as JSON, the signature an
//! Ed25519 signature over the text `SR1.<payload>`; both parts base64url without padding.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

const PREFIX: &str = "SR1";

/// What a receipt states. Short field names keep the QR code small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptClaims {
    /// Booking code.
    #[serde(rename = "c")]
    pub code: String,
    #[serde(rename = "o")]
    pub office_id: String,
    #[serde(rename = "p")]
    pub procedure_id: String,
    #[serde(rename = "k")]
    pub counter_id: String,
    /// Start and end of the appointment, Unix seconds.
    #[serde(rename = "s")]
    pub start: i64,
    #[serde(rename = "e")]
    pub end: i64,
    /// When the receipt was issued, Unix seconds: a rescheduled booking's newer receipt wins.
    #[serde(rename = "i")]
    pub issued_at: i64,
    /// Which key signed it (see the server's published keys).
    #[serde(rename = "kid")]
    pub key_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error("not a Sportello receipt")]
    Malformed,
    #[error("signed by an unknown key")]
    UnknownKey,
    #[error("the signature does not match: the receipt was altered or forged")]
    BadSignature,
    /// A kiosk's receipt dated outside the lease it stands on: made before the kiosk had the
    /// seat, or after the seat went back.
    #[error("the kiosk issued this receipt outside its lease on the seat")]
    OutsideLease,
    /// A kiosk's receipt signed once its key was revoked (a stolen or retired kiosk).
    #[error("the kiosk that issued this receipt had been revoked by then")]
    Revoked,
}

/// Signs `claims` with `key`.
pub fn sign(claims: &ReceiptClaims, key: &SigningKey) -> String {
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).expect("claims serialise"));
    let signed = format!("{PREFIX}.{payload}");
    let signature = key.sign(signed.as_bytes());
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// Where the central server shows a receipt to a phone: `<server>/r/<token>`. A receipt's QR
/// code carries that address, so a phone's camera opens the booking and a counter's scanner
/// still finds the token in it.
pub const PAGE_PATH: &str = "/r/";

/// The receipt's address on the server at `base` (its public URL).
pub fn page_url(base: &str, token: &str) -> String {
    format!("{}{PAGE_PATH}{token}", base.trim_end_matches('/'))
}

/// The token in what a scanner read: a bare token, or a receipt's address.
pub fn token_in(scanned: &str) -> &str {
    let scanned = scanned.trim();
    let token = scanned
        .rfind(PAGE_PATH)
        .map_or(scanned, |at| &scanned[at + PAGE_PATH.len()..]);
    token.split(['?', '#']).next().unwrap_or_default()
}

/// Checks a token (or a receipt's address) against the known public keys (id → key) and
/// returns its claims.
pub fn verify<'a>(
    token: &str,
    keys: impl IntoIterator<Item = (&'a str, &'a VerifyingKey)>,
) -> Result<ReceiptClaims, ReceiptError> {
    let token = token_in(token);
    let (signed, signature) = token.rsplit_once('.').ok_or(ReceiptError::Malformed)?;
    let payload = signed
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_prefix('.'))
        .ok_or(ReceiptError::Malformed)?;
    let claims: ReceiptClaims = URL_SAFE_NO_PAD
        .decode(payload)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .ok_or(ReceiptError::Malformed)?;
    let signature: [u8; 64] = URL_SAFE_NO_PAD
        .decode(signature)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(ReceiptError::Malformed)?;
    let key = keys
        .into_iter()
        .find(|(id, _)| *id == claims.key_id)
        .map(|(_, key)| key)
        .ok_or(ReceiptError::UnknownKey)?;
    key.verify(signed.as_bytes(), &Signature::from_bytes(&signature))
        .map_err(|_| ReceiptError::BadSignature)?;
    Ok(claims)
}

/// What `GET /keys` publishes: what a counter needs to check receipts with no link to the
/// server. Fetched now and then, kept, and used offline.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeySet {
    /// The server's receipt keys: the current one, and retired ones while receipts they
    /// signed are good.
    pub keys: Vec<PublicKey>,
    /// Kiosk keys revoked, and since when: a kiosk receipt signed after that is not honoured.
    pub revoked_kiosks: Vec<KioskRevocation>,
}

/// A kiosk key that was revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskRevocation {
    pub kiosk_id: String,
    /// The kiosk's Ed25519 public key, base64url, as leases name it.
    pub kiosk_key: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub revoked_at: jiff::Timestamp,
}

/// A public key as the server publishes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicKey {
    pub key_id: String,
    /// Always "Ed25519".
    pub algorithm: String,
    /// The 32-byte public key, base64url without padding.
    pub public_key: String,
}

impl PublicKey {
    pub fn new(key_id: &str, key: &VerifyingKey) -> PublicKey {
        PublicKey {
            key_id: key_id.to_owned(),
            algorithm: "Ed25519".to_owned(),
            public_key: URL_SAFE_NO_PAD.encode(key.to_bytes()),
        }
    }

    pub fn verifying_key(&self) -> Option<VerifyingKey> {
        let bytes: [u8; 32] = URL_SAFE_NO_PAD
            .decode(&self.public_key)
            .ok()?
            .try_into()
            .ok()?;
        VerifyingKey::from_bytes(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_address_carries_its_token() {
        let url = page_url("https://sportello.example/", "SR1.abc.def");
        assert_eq!(url, "https://sportello.example/r/SR1.abc.def");
        assert_eq!(token_in(&url), "SR1.abc.def");
        assert_eq!(token_in(" SR1.abc.def\n"), "SR1.abc.def");
        assert_eq!(token_in("http://h/r/KR1.x.y?lang=ar"), "KR1.x.y");
    }

    fn claims() -> ReceiptClaims {
        ReceiptClaims {
            code: "K7MX4PRT".into(),
            office_id: "questura-asti".into(),
            procedure_id: "questura-asti-permesso-rinnovo".into(),
            counter_id: "questura-asti-1".into(),
            start: 1_796_000_000,
            end: 1_796_000_900,
            issued_at: 1_795_000_000,
            key_id: "server-1".into(),
        }
    }

    #[test]
    fn a_signed_receipt_verifies_and_a_tampered_one_does_not() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = key.verifying_key();
        let token = sign(&claims(), &key);
        assert!(token.starts_with("SR1."));
        assert!(token.len() < 400, "fits a small QR code: {}", token.len());
        assert_eq!(verify(&token, [("server-1", &public)]), Ok(claims()));

        // Move the appointment an hour later without the key: refused.
        let mut moved = claims();
        moved.start += 3600;
        let forged_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&moved).unwrap());
        let signature = token.rsplit_once('.').unwrap().1;
        let forged = format!("SR1.{forged_payload}.{signature}");
        assert_eq!(
            verify(&forged, [("server-1", &public)]),
            Err(ReceiptError::BadSignature)
        );

        let other = SigningKey::from_bytes(&[8; 32]).verifying_key();
        assert_eq!(
            verify(&token, [("server-1", &other)]),
            Err(ReceiptError::BadSignature)
        );
        assert_eq!(
            verify(&token, [("server-2", &public)]),
            Err(ReceiptError::UnknownKey)
        );
        for garbage in ["", "SR1", "SR1..", "XX1.e30.AAAA", "SR1.!!!.???"] {
            assert_eq!(
                verify(garbage, [("server-1", &public)]),
                Err(ReceiptError::Malformed)
            );
        }
    }

    #[test]
    fn published_keys_round_trip() {
        let key = SigningKey::from_bytes(&[9; 32]).verifying_key();
        let published = PublicKey::new("server-1", &key);
        assert_eq!(published.verifying_key(), Some(key));
    }
}
