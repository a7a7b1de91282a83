//! Kiosk devices: how a kiosk enrols with the central server and proves who it is.
//!
//! 1. An administrator registers a kiosk (id, place, comune) and gets a one-time enrolment
//!    code for it ([`EnrolmentCode`]), which the installer gives the kiosk.
//! 2. The kiosk makes an Ed25519 key pair, keeps the private half on its own disk, and sends
//!    the code with the public half ([`EnrolRequest`]). The code is spent; the key is bound
//!    to the kiosk id.
//! 3. To call the API the kiosk asks for a challenge ([`ChallengeRequest`] → [`Challenge`]),
//!    signs [`token_proof`] of it, and trades the signature for a short-lived bearer token
//!    ([`TokenRequest`] → [`KioskToken`]). A challenge is good once, for a short time, so a
//!    copied signature is worth nothing; the private key never leaves the kiosk.
//!
//! A revoked kiosk gets no challenge, no token, and its tokens stop working at once.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Characters of enrolment codes: those of booking codes (no look-alikes).
pub use crate::booking::CODE_ALPHABET as ENROLMENT_ALPHABET;
/// Characters in an enrolment code, without the dashes: 16 of 22 symbols, about 71 bits.
pub const ENROLMENT_CODE_LENGTH: usize = 16;

/// Tidies an enrolment code as typed ("abcd-efgh …") and checks its shape.
pub fn normalize_enrolment_code(code: &str) -> Option<String> {
    let code: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let valid = code.len() == ENROLMENT_CODE_LENGTH
        && code.bytes().all(|b| ENROLMENT_ALPHABET.contains(&b));
    valid.then_some(code)
}

/// An enrolment code as shown to people: four groups of four.
pub fn display_enrolment_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A kiosk as an administrator registers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewKiosk {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub kiosk_id: String,
    /// Where it stands, as people would say it ("Municipio di Nizza Monferrato, atrio").
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = r"\S")
    )]
    pub place: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
    pub comune_istat: String,
}

/// A one-time code that lets one device become a kiosk. Shown once; only its hash is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentCode {
    pub kiosk_id: String,
    /// Four groups of four characters.
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnrolRequest {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub code: String,
    /// The kiosk's Ed25519 public key, 32 bytes, base64url without padding.
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub public_key: String,
}

/// What an enrolled kiosk learns about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrolment {
    pub kiosk_id: String,
    pub place: String,
    pub comune_istat: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChallengeRequest {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub kiosk_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Challenge {
    pub challenge: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z0-9-]{1,64}$"))]
    pub kiosk_id: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub challenge: String,
    /// Ed25519 signature of [`token_proof`], base64url without padding.
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub signature: String,
}

/// A bearer token for a kiosk: `Authorization: Bearer <token>` until `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskToken {
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: Timestamp,
}

/// The text a kiosk signs to get a token: bound to this purpose, this kiosk and this
/// challenge, so the signature cannot serve anywhere else.
pub fn token_proof(kiosk_id: &str, challenge: &str) -> Vec<u8> {
    format!("sportello-kiosk-token\n{kiosk_id}\n{challenge}").into_bytes()
}

/// A kiosk as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskInfo {
    pub kiosk_id: String,
    pub place: String,
    pub comune_istat: String,
    /// Whether a device has enrolled with a key.
    pub enrolled: bool,
    pub revoked: bool,
    /// When it last authenticated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_seen: Option<Timestamp>,
    /// Seats it holds a lease on and has not booked.
    pub leases: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enrolment_codes_are_tidied_and_shown_in_groups() {
        let code = "ACDEFHJKMNPRTUVW";
        assert_eq!(display_enrolment_code(code), "ACDE-FHJK-MNPR-TUVW");
        assert_eq!(
            normalize_enrolment_code(" acde-fhjk mnpr-tuvw ").as_deref(),
            Some(code)
        );
        assert_eq!(normalize_enrolment_code("ACDE-FHJK-MNPR"), None);
        assert_eq!(normalize_enrolment_code("ACDE-FHJK-MNPR-TUV0"), None);
    }

    #[test]
    fn the_proof_names_purpose_kiosk_and_challenge() {
        assert_eq!(
            token_proof("nizza-1", "abc"),
            b"sportello-kiosk-token\nnizza-1\nabc".to_vec()
        );
        assert_ne!(token_proof("nizza-1", "abc"), token_proof("nizza-2", "abc"));
    }
}
