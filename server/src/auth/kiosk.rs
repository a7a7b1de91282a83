//! Kiosk devices: enrolment with a one-time code, then a signed challenge for each short-lived
//! token (the protocol is described in `sportello_core::device`).

use crate::api::{ApiError, AppState};
use crate::db::{Db, kiosks};
use crate::keys::{random_bytes, random_code};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Verifier};
use jiff::{SignedDuration, Timestamp};
use sportello_core::api::ProblemCode;
use sportello_core::device::{
    Challenge, ENROLMENT_ALPHABET, ENROLMENT_CODE_LENGTH, EnrolRequest, Enrolment, EnrolmentCode,
    KioskToken, TokenRequest, display_enrolment_code, normalize_enrolment_code, token_proof,
};
use sportello_core::lease::verifying_key;

/// How long an installer has to use an enrolment code.
const ENROLMENT_VALID_FOR: SignedDuration = SignedDuration::from_hours(7 * 24);
/// How long a challenge may wait for its signature.
const CHALLENGE_VALID_FOR: SignedDuration = SignedDuration::from_mins(2);
/// How long a kiosk token lasts: a stolen one is worth little, and a revoked kiosk's ends at
/// once anyway.
pub const TOKEN_VALID_FOR: SignedDuration = SignedDuration::from_mins(30);

const KIOSK_TOKEN_PREFIX: &str = "kt_";

pub fn is_kiosk_token(token: &str) -> bool {
    token.starts_with(KIOSK_TOKEN_PREFIX)
}

fn later(now: Timestamp, span: SignedDuration) -> Timestamp {
    now.checked_add(span).unwrap_or(now)
}

fn refused() -> ApiError {
    // The same answer for an unknown kiosk, a revoked one, a spent challenge and a bad
    // signature: a prober learns nothing from the difference.
    ApiError::new(
        ProblemCode::Unauthorized,
        "this kiosk cannot authenticate: unknown, revoked, or a bad signature",
    )
}

/// A new one-time enrolment code for a registered kiosk, replacing any unused one. A revoked
/// kiosk gets one too: enrolling with it (and a new key) takes the kiosk back into service.
pub async fn issue_enrolment_code(
    db: &Db,
    kiosk_id: &str,
    now: Timestamp,
) -> Result<EnrolmentCode, ApiError> {
    let mut tx = db.begin_write().await?;
    if kiosks::find_kiosk(&mut tx, kiosk_id).await?.is_none() {
        return Err(ApiError::not_found("no such kiosk"));
    }
    let code = random_code(ENROLMENT_ALPHABET, ENROLMENT_CODE_LENGTH);
    let expires_at = later(now, ENROLMENT_VALID_FOR);
    kiosks::set_enrolment_code(
        &mut tx,
        kiosk_id,
        &super::token_hash(&code),
        expires_at.as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(EnrolmentCode {
        kiosk_id: kiosk_id.to_owned(),
        code: display_enrolment_code(&code),
        expires_at,
    })
}

/// Binds the device's key to the kiosk its code names. A kiosk enrolled before (a replaced
/// machine) takes the new key: the old device's tokens end, and its leases go back to the
/// agenda, since only that device knew which of them it had booked.
pub async fn enrol(state: &AppState, request: &EnrolRequest) -> Result<Enrolment, ApiError> {
    let invalid_code = || {
        ApiError::new(
            ProblemCode::Unauthorized,
            "this enrolment code is not valid: ask the administrator for a new one",
        )
    };
    let code = normalize_enrolment_code(&request.code).ok_or_else(invalid_code)?;
    let key = verifying_key(&request.public_key)
        .ok_or_else(|| ApiError::invalid("public_key: an Ed25519 key, 32 bytes in base64url"))?;
    let public_key = sportello_core::lease::key_text(&key);
    let now = state.clock.now().as_second();
    let mut tx = state.db.begin_write().await?;
    let kiosk_id = kiosks::take_enrolment_code(&mut tx, &super::token_hash(&code), now)
        .await?
        .ok_or_else(invalid_code)?;
    let key_taken = || {
        ApiError::new(
            ProblemCode::AlreadyExists,
            "this key belongs to another kiosk, or was revoked: make a new key",
        )
    };
    // A revoked key stays revoked: receipts signed with it after the revocation are refused,
    // so a kiosk taken back into service signs with a new one.
    if kiosks::key_revoked(&mut tx, &public_key).await? {
        return Err(key_taken());
    }
    // The key it replaces signs nothing from now on: a replaced device may be in anyone's
    // hands (enrolling again with the same key changes nothing).
    let current = kiosks::find_kiosk(&mut tx, &kiosk_id).await?;
    if current.is_some_and(|kiosk| kiosk.public_key.as_deref() != Some(public_key.as_str())) {
        kiosks::revoke_key_of(&mut tx, &kiosk_id, now).await?;
    }
    match kiosks::set_public_key(&mut tx, &kiosk_id, &public_key, now).await {
        Ok(true) => {}
        Ok(false) => return Err(key_taken()),
        // Two enrolments with one key raced; the unique index let one through.
        Err(err) if err.is_unique_violation() => return Err(key_taken()),
        Err(err) => return Err(err.into()),
    }
    let released =
        crate::booking::leases::release_all(&mut tx, &kiosk_id, "enrolled again", now).await?;
    let info = kiosks::list_kiosks(&mut tx)
        .await?
        .into_iter()
        .find(|kiosk| kiosk.kiosk_id == kiosk_id)
        .ok_or_else(invalid_code)?;
    tx.commit().await?;
    let _ = released;
    Ok(Enrolment {
        kiosk_id: info.kiosk_id,
        place: info.place,
        comune_istat: info.comune_istat,
    })
}

/// A fresh challenge for an enrolled, not revoked kiosk.
pub async fn challenge(state: &AppState, kiosk_id: &str) -> Result<Challenge, ApiError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let usable = kiosks::find_kiosk(&mut tx, kiosk_id)
        .await?
        .is_some_and(|kiosk| kiosk.public_key.is_some() && !kiosk.revoked);
    if !usable {
        return Err(refused());
    }
    let challenge = URL_SAFE_NO_PAD.encode(random_bytes::<24>());
    let expires_at = later(now, CHALLENGE_VALID_FOR);
    kiosks::create_challenge(&mut tx, kiosk_id, &challenge, expires_at.as_second()).await?;
    tx.commit().await?;
    Ok(Challenge {
        challenge,
        expires_at,
    })
}

/// Trades a signed challenge for a token.
pub async fn token(state: &AppState, request: &TokenRequest) -> Result<KioskToken, ApiError> {
    let now = state.clock.now();
    // Spent whatever follows, in a transaction of its own: a challenge is good for one try.
    let mut tx = state.db.begin_write().await?;
    let fresh = kiosks::take_challenge(
        &mut tx,
        &request.kiosk_id,
        &request.challenge,
        now.as_second(),
    )
    .await?;
    tx.commit().await?;
    if !fresh {
        return Err(refused());
    }
    let mut tx = state.db.begin_write().await?;
    let kiosk = kiosks::find_kiosk(&mut tx, &request.kiosk_id)
        .await?
        .filter(|kiosk| !kiosk.revoked)
        .ok_or_else(refused)?;
    let key = kiosk
        .public_key
        .as_deref()
        .and_then(verifying_key)
        .ok_or_else(refused)?;
    let signature: [u8; 64] = URL_SAFE_NO_PAD
        .decode(&request.signature)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(refused)?;
    key.verify(
        &token_proof(&kiosk.id, &request.challenge),
        &Signature::from_bytes(&signature),
    )
    .map_err(|_| refused())?;
    let token = format!(
        "{KIOSK_TOKEN_PREFIX}{}",
        URL_SAFE_NO_PAD.encode(random_bytes::<32>())
    );
    let expires_at = later(now, TOKEN_VALID_FOR);
    kiosks::create_token(
        &mut tx,
        &kiosk.id,
        &super::token_hash(&token),
        expires_at.as_second(),
        now.as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(KioskToken { token, expires_at })
}
