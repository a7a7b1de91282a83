//! Kiosk devices over HTTP: enrolment, tokens, and slot leases for booking offline.

use super::AppState;
use super::bookings::{check_hold_id, idempotency, stored_response};
use super::client_addr::ClientAddr;
use super::error::ApiError;
use super::extract::{ApiJson, ApiPath, IdempotencyHeader, slug};
use crate::auth::limits::Limit;
use crate::auth::{KioskCaller, kiosk};
use crate::booking;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use sportello_core::api::Problem;
use sportello_core::booking::Booking;
use sportello_core::device::{
    Challenge, ChallengeRequest, EnrolRequest, Enrolment, KioskToken, TokenRequest,
};
use sportello_core::lease::{LeaseBooking, LeaseSet, LeaseSync};

/// Binds a device's Ed25519 key to a registered kiosk, with the one-time code an administrator
/// made for it. Enrolling again (a replaced device) ends the old key's tokens and leases.
///
/// Beyond its schema, refused with 400: a public key that is not a point of the curve (not
/// every 32 bytes are an Ed25519 key).
#[utoipa::path(post, path = "/api/v1/kiosk/enrol", tag = "kiosk", request_body = EnrolRequest,
    responses((status = 201, body = Enrolment),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "the code is unknown, used or expired", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the key belongs to another kiosk, or was revoked", body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn enrol(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(request): ApiJson<EnrolRequest>,
) -> Result<(StatusCode, Json<Enrolment>), ApiError> {
    state.limit(Limit::KioskAuthFrom(address)).await?;
    if request.code.chars().count() > 64 || request.public_key.chars().count() > 64 {
        return Err(ApiError::invalid("code or public_key too long"));
    }
    Ok((
        StatusCode::CREATED,
        Json(kiosk::enrol(&state, &request).await?),
    ))
}

/// A one-time challenge for an enrolled kiosk to sign.
#[utoipa::path(post, path = "/api/v1/kiosk/challenge", tag = "kiosk", request_body = ChallengeRequest,
    responses((status = 200, body = Challenge),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn challenge(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(request): ApiJson<ChallengeRequest>,
) -> Result<Json<Challenge>, ApiError> {
    state.limit(Limit::KioskAuthFrom(address)).await?;
    slug(&request.kiosk_id)?;
    Ok(Json(kiosk::challenge(&state, &request.kiosk_id).await?))
}

/// Trades a signed challenge for a short-lived bearer token.
#[utoipa::path(post, path = "/api/v1/kiosk/token", tag = "kiosk", request_body = TokenRequest,
    responses((status = 200, body = KioskToken),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn token(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(request): ApiJson<TokenRequest>,
) -> Result<Json<KioskToken>, ApiError> {
    state.limit(Limit::KioskAuthFrom(address)).await?;
    slug(&request.kiosk_id)?;
    if request.challenge.chars().count() > 64 || request.signature.chars().count() > 128 {
        return Err(ApiError::invalid("challenge or signature too long"));
    }
    Ok(Json(kiosk::token(&state, &request).await?))
}

/// Gives back the leases listed, tops the kiosk's leases up by each office's policy, and
/// answers with all the kiosk's unused leases (kiosks only).
#[utoipa::path(post, path = "/api/v1/kiosk/leases/sync", tag = "kiosk", security(("bearer" = [])), request_body = LeaseSync,
    responses((status = 200, body = LeaseSet),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn sync_leases(
    State(state): State<AppState>,
    KioskCaller(actor): KioskCaller,
    ApiJson(request): ApiJson<LeaseSync>,
) -> Result<Json<LeaseSet>, ApiError> {
    let kiosk_id = actor.require_kiosk()?.to_owned();
    for id in &request.returned {
        check_hold_id(id)?;
    }
    Ok(Json(
        booking::leases::sync(&state, &kiosk_id, &request).await?,
    ))
}

/// Reports a booking the kiosk made offline on one of its leases. Reporting it again answers
/// the same (kiosks only).
///
/// Beyond its schema: the person's details are checked as for a confirm (400 with the fields
/// at fault), and a lease or receipt whose signature does not verify is refused with 422.
#[utoipa::path(post, path = "/api/v1/kiosk/leases/{lease_id}/book", tag = "kiosk", security(("bearer" = [])),
    request_body = LeaseBooking,
    params(("lease_id" = String, Path, pattern = r"^[A-Za-z0-9_-]{16,64}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "The outbox entry's key; reuse it to retry")),
    responses((status = 201, body = Booking), (status = 200, description = "reported before", body = Booking),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "already_booked, or lease_gone", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid_receipt", body = Problem, content_type = "application/problem+json")))]
pub async fn book_lease(
    State(state): State<AppState>,
    KioskCaller(actor): KioskCaller,
    header: IdempotencyHeader,
    ApiPath(lease_id): ApiPath<String>,
    ApiJson(request): ApiJson<LeaseBooking>,
) -> Result<Response, ApiError> {
    check_hold_id(&lease_id)?;
    if request.lease.chars().count() > 2048 || request.receipt.chars().count() > 4096 {
        return Err(ApiError::invalid("lease or receipt too long"));
    }
    let route = format!("lease:{lease_id}");
    let key = idempotency(&state, &actor, header, &route, &lease_id, &request);
    let stored = booking::leases::book(&state, &actor, &key, &lease_id, &request).await?;
    Ok(stored_response(stored))
}
