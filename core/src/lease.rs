//! Slot leases: seats the server sets aside for one kiosk so it can book them with the link
//! down, and the receipts a kiosk signs for them.
//!
//! A lease names one concrete appointment (office, procedure, counter, start, end), the booking
//! code it will carry, the kiosk that holds it and that kiosk's public key. The server signs
//! it: `SL1.<payload>.<signature>`, like a server receipt.
//!
//! Booking a leased seat offline, the kiosk signs a short statement of its own ("I issued the
//! booking of lease L at time T") and hands out both together, `KR1.<payload>.<kiosk
//! signature>.<lease token>`. A counter checks the lease with the server's public key, then
//! the kiosk's signature with the key the lease names: the server vouches for the seat and
//! the key, the key vouches for the booking. Nothing on the counter's side needs to be online.

use crate::receipt::{self, KeySet, KioskRevocation, ReceiptClaims, ReceiptError};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

const LEASE_PREFIX: &str = "SL1";
const KIOSK_RECEIPT_PREFIX: &str = "KR1";

/// What a lease states. Short names keep the receipt's QR code small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseClaims {
    #[serde(rename = "l")]
    pub lease_id: String,
    #[serde(rename = "q")]
    pub kiosk_id: String,
    /// The kiosk's Ed25519 public key, base64url.
    #[serde(rename = "qk")]
    pub kiosk_key: String,
    /// The booking code a booking on this lease carries.
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
    /// The kiosk may book on the lease until then, Unix seconds.
    #[serde(rename = "x")]
    pub expires_at: i64,
    /// When the server granted it, Unix seconds: a booking on it cannot be older (0 in leases
    /// granted before this was recorded).
    #[serde(rename = "g", default)]
    pub granted_at: i64,
    /// The server key that signed it.
    #[serde(rename = "kid")]
    pub key_id: String,
}

/// A lease as the server hands it to its kiosk: the signed token and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Lease {
    pub lease_id: String,
    pub code: String,
    pub procedure_id: String,
    pub office_id: String,
    pub counter_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: Timestamp,
    /// `SL1.…`, signed by the server: goes on the receipt.
    pub token: String,
}

/// What a kiosk sends to sync its leases: it reports offline bookings first (through its
/// outbox), then gives back what it will not use and gets the rest topped up.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LeaseSync {
    /// Leases the kiosk gives back unused.
    #[serde(default, rename = "return")]
    pub returned: Vec<String>,
    /// [`lease_set_digest`] of the leases the kiosk holds: when the server's set is the same,
    /// it answers `unchanged` without sending them again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known: Option<String>,
}

/// The kiosk's unused leases after a sync: everything it may book offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaseSet {
    /// Empty when `unchanged`.
    pub leases: Vec<Lease>,
    /// The kiosk's `known` set is the current one.
    #[serde(default)]
    pub unchanged: bool,
}

/// A short digest of a set of leases (their ids, ends and the `kid` of the key that signed
/// them, in any order): what a kiosk sends to learn whether its set is still current. The key
/// is in it so that after a rotation the kiosk is sent its leases signed anew.
pub fn lease_set_digest<'a>(leases: impl IntoIterator<Item = (&'a str, i64, &'a str)>) -> String {
    use sha2::{Digest, Sha256};
    let mut entries: Vec<(&str, i64, &str)> = leases.into_iter().collect();
    entries.sort_unstable();
    let mut hash = Sha256::new();
    for (id, expires_at, key_id) in entries {
        // Lengths first: no two different sets hash the same bytes.
        hash.update((id.len() as u64).to_be_bytes());
        hash.update(id.as_bytes());
        hash.update(expires_at.to_be_bytes());
        hash.update((key_id.len() as u64).to_be_bytes());
        hash.update(key_id.as_bytes());
    }
    URL_SAFE_NO_PAD.encode(&hash.finalize()[..12])
}

/// An offline booking on a lease, as the kiosk reports it once back online.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LeaseBooking {
    /// The lease token, as the server signed it.
    #[cfg_attr(feature = "openapi", schema(max_length = 2048))]
    pub lease: String,
    /// The receipt the kiosk gave the person (`KR1.…`).
    #[cfg_attr(feature = "openapi", schema(max_length = 4096))]
    pub receipt: String,
    pub person: crate::identity::Person,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z]{2,3}$"))]
    pub mediator_language: Option<String>,
}

/// An office's leasing policy, set by the province's administrators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LeasePolicy {
    /// Seats leased to each kiosk per procedure and day (0: no leases).
    #[cfg_attr(feature = "openapi", schema(maximum = 20))]
    pub seats: u16,
    /// How many bookable days ahead leases cover.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 14))]
    pub days: u16,
    /// Top a kiosk's procedure-day up to `seats` once fewer than this many are left unused.
    pub refill_below: u16,
    /// A lease ends this many minutes before its appointment (at least the procedure's
    /// minimum notice). Longer than the notice, an unused seat goes back to online booking
    /// while people can still book it.
    #[cfg_attr(feature = "openapi", schema(maximum = 20160))]
    pub ends_before_minutes: u32,
    /// At most this many seats of the office leased per day, all kiosks together: the rest of
    /// the agenda stays for online booking however many kiosks there are.
    #[cfg_attr(feature = "openapi", schema(maximum = 2000))]
    pub max_per_day: u16,
}

impl LeasePolicy {
    pub const OFF: LeasePolicy = LeasePolicy {
        seats: 0,
        days: 1,
        refill_below: 0,
        ends_before_minutes: 0,
        max_per_day: 0,
    };

    /// What is wrong with it, if anything.
    pub fn problem(&self) -> Option<&'static str> {
        if self.seats > 20 {
            Some("seats: 0 to 20")
        } else if !(1..=14).contains(&self.days) {
            Some("days: 1 to 14")
        } else if self.refill_below > self.seats || (self.seats > 0 && self.refill_below == 0) {
            Some("refill_below: 1 to seats (0 when seats is 0)")
        } else if self.max_per_day > 2000 || (self.seats > 0 && self.max_per_day < self.seats) {
            Some("max_per_day: seats to 2000")
        } else if self.ends_before_minutes > 14 * 24 * 60 {
            Some("ends_before_minutes: at most 14 days")
        } else {
            None
        }
    }
}

/// What a kiosk signs when it books a lease offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskStatement {
    #[serde(rename = "l")]
    pub lease_id: String,
    /// When the kiosk issued the booking, Unix seconds by its clock.
    #[serde(rename = "i")]
    pub issued_at: i64,
}

fn encode<T: Serialize>(value: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("claims serialise"))
}

fn decode<T: DeserializeOwned>(part: &str) -> Result<T, ReceiptError> {
    URL_SAFE_NO_PAD
        .decode(part)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .ok_or(ReceiptError::Malformed)
}

fn signature(part: &str) -> Result<Signature, ReceiptError> {
    let bytes: [u8; 64] = URL_SAFE_NO_PAD
        .decode(part)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(ReceiptError::Malformed)?;
    Ok(Signature::from_bytes(&bytes))
}

/// A public key from its base64url text.
pub fn verifying_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// A public key as base64url text.
pub fn key_text(key: &VerifyingKey) -> String {
    URL_SAFE_NO_PAD.encode(key.to_bytes())
}

/// Signs a lease with the server's key.
pub fn sign_lease(claims: &LeaseClaims, key: &SigningKey) -> String {
    let signed = format!("{LEASE_PREFIX}.{}", encode(claims));
    let signature = key.sign(signed.as_bytes());
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// Reads a lease without checking its signature: for the kiosk's own bookkeeping of tokens
/// it received over an authenticated link. Never for deciding whether to trust one.
pub fn read_lease(token: &str) -> Result<LeaseClaims, ReceiptError> {
    let mut parts = token.trim().split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(LEASE_PREFIX), Some(payload), Some(_), None) => decode(payload),
        _ => Err(ReceiptError::Malformed),
    }
}

/// Checks a lease against the server's keys (id → key) and returns what it says.
pub fn verify_lease<'a>(
    token: &str,
    server_keys: impl IntoIterator<Item = (&'a str, &'a VerifyingKey)>,
) -> Result<LeaseClaims, ReceiptError> {
    let token = token.trim();
    let claims = read_lease(token)?;
    let (signed, signature_part) = token.rsplit_once('.').ok_or(ReceiptError::Malformed)?;
    let key = server_keys
        .into_iter()
        .find(|(id, _)| *id == claims.key_id)
        .map(|(_, key)| key)
        .ok_or(ReceiptError::UnknownKey)?;
    key.verify(signed.as_bytes(), &signature(signature_part)?)
        .map_err(|_| ReceiptError::BadSignature)?;
    Ok(claims)
}

/// The receipt a kiosk gives for an offline booking on `lease_token`, signed with its key.
pub fn sign_kiosk_receipt(lease_token: &str, issued_at: i64, kiosk_key: &SigningKey) -> String {
    let statement = KioskStatement {
        lease_id: read_lease(lease_token)
            .map(|lease| lease.lease_id)
            .unwrap_or_default(),
        issued_at,
    };
    let payload = encode(&statement);
    let signed = kiosk_signed_text(&payload, lease_token.trim());
    let signature = kiosk_key.sign(signed.as_bytes());
    format!(
        "{KIOSK_RECEIPT_PREFIX}.{payload}.{}.{}",
        URL_SAFE_NO_PAD.encode(signature.to_bytes()),
        lease_token.trim()
    )
}

/// The kiosk signs its statement together with the whole lease, so neither can be swapped.
fn kiosk_signed_text(payload: &str, lease_token: &str) -> String {
    format!("{KIOSK_RECEIPT_PREFIX}.{payload}.{lease_token}")
}

/// How far a kiosk's clock may stray from the server's when it dates a booking on a lease.
pub const KIOSK_CLOCK_SLACK_SECS: i64 = 120;

/// Checks a kiosk receipt: the lease against the server's keys, the statement against the
/// key the lease names, and its date against the lease (within [`KIOSK_CLOCK_SLACK_SECS`]).
/// Returns the appointment, with `key_id` naming the kiosk.
pub fn verify_kiosk_receipt<'a>(
    token: &str,
    server_keys: impl IntoIterator<Item = (&'a str, &'a VerifyingKey)>,
) -> Result<(ReceiptClaims, LeaseClaims), ReceiptError> {
    let token = token.trim();
    let rest = token
        .strip_prefix(KIOSK_RECEIPT_PREFIX)
        .and_then(|rest| rest.strip_prefix('.'))
        .ok_or(ReceiptError::Malformed)?;
    let mut parts = rest.splitn(3, '.');
    let (Some(payload), Some(kiosk_signature), Some(lease_token)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Err(ReceiptError::Malformed);
    };
    let statement: KioskStatement = decode(payload)?;
    let lease = verify_lease(lease_token, server_keys)?;
    let kiosk_key = verifying_key(&lease.kiosk_key).ok_or(ReceiptError::Malformed)?;
    kiosk_key
        .verify(
            kiosk_signed_text(payload, lease_token).as_bytes(),
            &signature(kiosk_signature)?,
        )
        .map_err(|_| ReceiptError::BadSignature)?;
    if statement.lease_id != lease.lease_id {
        return Err(ReceiptError::BadSignature);
    }
    if statement.issued_at < lease.granted_at - KIOSK_CLOCK_SLACK_SECS
        || statement.issued_at > lease.expires_at + KIOSK_CLOCK_SLACK_SECS
    {
        return Err(ReceiptError::OutsideLease);
    }
    let claims = ReceiptClaims {
        code: lease.code.clone(),
        office_id: lease.office_id.clone(),
        procedure_id: lease.procedure_id.clone(),
        counter_id: lease.counter_id.clone(),
        start: lease.start,
        end: lease.end,
        issued_at: statement.issued_at,
        key_id: format!("kiosk:{}", lease.kiosk_id),
    };
    Ok((claims, lease))
}

/// Checks any receipt, the server's own or a kiosk's for an offline booking.
pub fn verify_any_receipt<'a>(
    token: &str,
    server_keys: impl IntoIterator<Item = (&'a str, &'a VerifyingKey)>,
) -> Result<ReceiptClaims, ReceiptError> {
    let token = receipt::token_in(token);
    if token.starts_with(KIOSK_RECEIPT_PREFIX) {
        verify_kiosk_receipt(token, server_keys).map(|(claims, _)| claims)
    } else {
        receipt::verify(token, server_keys)
    }
}

/// Refuses a kiosk receipt whose kiosk key was revoked before the second it says it was
/// issued. (One issued earlier, or in that very second, stands: the kiosk was trusted then.)
pub fn check_not_revoked(
    claims: &ReceiptClaims,
    lease: &LeaseClaims,
    revocations: &[KioskRevocation],
) -> Result<(), ReceiptError> {
    let revoked = revocations.iter().any(|revocation| {
        revocation.kiosk_key == lease.kiosk_key
            && revocation.revoked_at.as_second() < claims.issued_at
    });
    if revoked {
        Err(ReceiptError::Revoked)
    } else {
        Ok(())
    }
}

/// Checks any receipt as a counter does with no link: against the published [`KeySet`], a
/// kiosk's within its lease and not signed after its key was revoked.
pub fn verify_offline(token: &str, published: &KeySet) -> Result<ReceiptClaims, ReceiptError> {
    let keys: Vec<(String, VerifyingKey)> = published
        .keys
        .iter()
        .filter_map(|key| Some((key.key_id.clone(), key.verifying_key()?)))
        .collect();
    let keys = keys.iter().map(|(id, key)| (id.as_str(), key));
    let token = receipt::token_in(token);
    if token.starts_with(KIOSK_RECEIPT_PREFIX) {
        let (claims, lease) = verify_kiosk_receipt(token, keys)?;
        check_not_revoked(&claims, &lease, &published.revoked_kiosks)?;
        Ok(claims)
    } else {
        receipt::verify(token, keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lease_claims(kiosk: &SigningKey) -> LeaseClaims {
        LeaseClaims {
            lease_id: "lease-1".into(),
            kiosk_id: "nizza-1".into(),
            kiosk_key: key_text(&kiosk.verifying_key()),
            code: "K7MX4PRT".into(),
            office_id: "questura-asti".into(),
            procedure_id: "questura-asti-permesso-rinnovo".into(),
            counter_id: "questura-asti-1".into(),
            start: 1_796_000_000,
            end: 1_796_000_900,
            expires_at: 1_795_900_000,
            granted_at: 1_795_700_000,
            key_id: "receipt-1".into(),
        }
    }

    #[test]
    fn a_kiosk_receipt_dated_outside_its_lease_or_after_a_revocation_is_refused() {
        let server = SigningKey::from_bytes(&[1; 32]);
        let kiosk = SigningKey::from_bytes(&[2; 32]);
        let published = KeySet {
            keys: vec![crate::receipt::PublicKey::new(
                "receipt-1",
                &server.verifying_key(),
            )],
            revoked_kiosks: Vec::new(),
        };
        let lease = sign_lease(&lease_claims(&kiosk), &server);
        let at = |issued_at| sign_kiosk_receipt(&lease, issued_at, &kiosk);
        assert!(verify_offline(&at(1_795_800_000), &published).is_ok());
        // Before the seat was leased, or after the lease ended (beyond the clocks' slack).
        assert_eq!(
            verify_offline(&at(1_795_600_000), &published),
            Err(ReceiptError::OutsideLease)
        );
        assert!(verify_offline(&at(1_795_900_000 + 60), &published).is_ok());
        assert_eq!(
            verify_offline(&at(1_795_900_000 + 3600), &published),
            Err(ReceiptError::OutsideLease)
        );
        // The kiosk was revoked: what it signed before stands, what it signed after does not.
        let revoked = KeySet {
            revoked_kiosks: vec![KioskRevocation {
                kiosk_id: "nizza-1".into(),
                kiosk_key: key_text(&kiosk.verifying_key()),
                revoked_at: jiff::Timestamp::from_second(1_795_850_000).unwrap(),
            }],
            ..published.clone()
        };
        assert!(verify_offline(&at(1_795_800_000), &revoked).is_ok());
        assert_eq!(
            verify_offline(&at(1_795_860_000), &revoked),
            Err(ReceiptError::Revoked)
        );
    }

    #[test]
    fn a_kiosk_receipt_verifies_offline_with_the_servers_key() {
        let server = SigningKey::from_bytes(&[1; 32]);
        let kiosk = SigningKey::from_bytes(&[2; 32]);
        let server_public = server.verifying_key();
        let keys = [("receipt-1", &server_public)];
        let lease = sign_lease(&lease_claims(&kiosk), &server);
        assert_eq!(verify_lease(&lease, keys), Ok(lease_claims(&kiosk)));

        let receipt = sign_kiosk_receipt(&lease, 1_795_800_000, &kiosk);
        assert!(receipt.starts_with("KR1."));
        assert!(receipt.len() < 900, "fits a QR code: {}", receipt.len());
        let claims = verify_any_receipt(&receipt, keys).unwrap();
        assert_eq!(claims.code, "K7MX4PRT");
        assert_eq!(claims.start, 1_796_000_000);
        assert_eq!(claims.issued_at, 1_795_800_000);
        assert_eq!(claims.key_id, "kiosk:nizza-1");
    }

    #[test]
    fn forged_kiosk_receipts_are_refused() {
        let server = SigningKey::from_bytes(&[1; 32]);
        let kiosk = SigningKey::from_bytes(&[2; 32]);
        let intruder = SigningKey::from_bytes(&[3; 32]);
        let server_public = server.verifying_key();
        let keys = [("receipt-1", &server_public)];
        let lease = sign_lease(&lease_claims(&kiosk), &server);

        // Another device signing on a lease that is not its own.
        let stolen = sign_kiosk_receipt(&lease, 1, &intruder);
        assert_eq!(
            verify_any_receipt(&stolen, keys),
            Err(ReceiptError::BadSignature)
        );
        // A lease the server never signed, naming the intruder's key.
        let mut fake = lease_claims(&intruder);
        fake.start += 3600;
        let fake_lease = sign_lease(&fake, &intruder);
        let forged = sign_kiosk_receipt(&fake_lease, 1, &intruder);
        assert_eq!(
            verify_any_receipt(&forged, keys),
            Err(ReceiptError::BadSignature)
        );
        // The kiosk's statement moved onto another lease.
        let genuine = sign_kiosk_receipt(&lease, 1, &kiosk);
        let mut other = lease_claims(&kiosk);
        other.lease_id = "lease-2".into();
        let other_lease = sign_lease(&other, &server);
        let (head, _) = genuine.split_at(genuine.len() - lease.len());
        let swapped = format!("{head}{other_lease}");
        assert_eq!(
            verify_any_receipt(&swapped, keys),
            Err(ReceiptError::BadSignature)
        );
        for garbage in ["KR1", "KR1.a.b", "KR1...SL1..", "SL1.x.y"] {
            assert!(verify_any_receipt(garbage, keys).is_err(), "{garbage}");
        }
    }

    #[test]
    fn policies_are_checked() {
        let good = LeasePolicy {
            seats: 2,
            days: 3,
            refill_below: 1,
            ends_before_minutes: 1440,
            max_per_day: 20,
        };
        assert_eq!(good.problem(), None);
        assert!(
            LeasePolicy {
                max_per_day: 1,
                ..good
            }
            .problem()
            .is_some()
        );
        assert!(
            LeasePolicy {
                refill_below: 3,
                ..good
            }
            .problem()
            .is_some()
        );
        assert!(LeasePolicy { days: 0, ..good }.problem().is_some());
        assert_eq!(LeasePolicy::OFF.problem(), None);
    }
}
