//! Availability, holds, bookings, check-in: the booking engine over HTTP.

use super::AppState;
use super::client_addr::ClientAddr;
use super::error::ApiError;
use super::extract::{ApiJson, ApiPath, ApiQuery, IdempotencyHeader, NoParams, booking_code, slug};
use crate::auth::limits::{Limit, address_key};
use crate::auth::{Actor, Authenticated, LoggedIn};
use crate::booking::{self, BookingError, Holder, IdempotencyKey};
use crate::db::audit::{self as audit_log, AuditEntry};
use crate::db::bookings as stored;
use crate::db::idempotency::StoredResponse;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sportello_core::api::Problem;
use sportello_core::booking::{
    Availability, Booking, BookingRecord, CancelRequest, CheckIn, CheckInRequest, CitizenProof,
    ConfirmRequest, Hold, HoldRequest, RescheduleRequest,
};
use sportello_core::receipt::KeySet;
use std::future::Future;
use std::net::IpAddr;
use utoipa::IntoParams;

/// The key a write is remembered by: the caller's, with a hash of what was asked, so the same
/// key with another request is refused instead of answered with the wrong result. People
/// without an account are not one caller: each write of theirs is remembered under what it
/// acts on (`scope`: their address for a new hold, the hold's secret id, the booking's code),
/// so no one replays another person's answer by guessing a key.
pub(super) fn idempotency(
    state: &AppState,
    actor: &Actor,
    header: IdempotencyHeader,
    route: &str,
    scope: &str,
    body: &impl Serialize,
) -> IdempotencyKey {
    let mut hash = Sha256::new();
    hash.update(route.as_bytes());
    hash.update([0]);
    hash.update(serde_json::to_vec(body).expect("requests serialise"));
    IdempotencyKey {
        actor: citizen_scoped(state, actor, scope),
        key: header.0,
        request_hash: URL_SAFE_NO_PAD.encode(hash.finalize()),
    }
}

/// The caller's label, or for a citizen an opaque name of what their write acts on.
pub(super) fn citizen_scoped(state: &AppState, actor: &Actor, scope: &str) -> String {
    match actor {
        Actor::Citizen => format!(
            "citizen:{}",
            &state.keys.opaque_key(&format!("idempotency\0{scope}"))[..22]
        ),
        other => other.label(),
    }
}

/// Runs a booking operation a citizen proves with a [`CitizenProof`], counting it: every proof
/// from an address, and the wrong ones on the booking from that address and from anywhere
/// (in the database). Each is counted as wrong before it is judged and given back when it is
/// right, so guesses sent together cannot all slip in before the first failure is written.
/// Without a proof (a caller with authority) it just runs.
pub(super) async fn with_proof<T>(
    state: &AppState,
    address: IpAddr,
    code: &str,
    proof: Option<&CitizenProof>,
    operation: impl Future<Output = Result<T, BookingError>>,
) -> Result<T, ApiError> {
    let Some(proof) = proof else {
        return Ok(operation.await?);
    };
    if !proof.well_formed() {
        return Err(ApiError::invalid(
            "proof.document_end: the last 4 letters or digits of the identity document",
        ));
    }
    state.limit(Limit::ProofsFrom(address)).await?;
    let from_here = Limit::ProofFailuresFrom { code, address };
    let anywhere = Limit::ProofFailures { code };
    state.limit(from_here).await?;
    if let Err(refused) = state.limit(anywhere).await {
        state.refund(from_here).await?;
        return Err(refused);
    }
    match operation.await {
        // Wrong (or no such booking): the failure stays counted.
        Err(BookingError::NotFound(detail)) => Err(BookingError::NotFound(detail).into()),
        other => {
            state.refund(from_here).await?;
            state.refund(anywhere).await?;
            Ok(other?)
        }
    }
}

pub(super) fn stored_response(stored: StoredResponse) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    let mut response = (status, stored.body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityParams {
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    procedure_id: String,
    /// First day to look at (YYYY-MM-DD); default today.
    #[param(value_type = Option<String>, format = Date)]
    from: Option<Date>,
    /// How many slots, 1 to 200; default 20.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<usize>,
}

/// The next free slots of a procedure, across the offices and counters that serve it.
#[utoipa::path(get, path = "/api/v1/availability", tag = "booking", params(AvailabilityParams),
    responses((status = 200, body = Availability),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn availability(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<AvailabilityParams>,
) -> Result<Json<Availability>, ApiError> {
    let procedure_id = slug(&params.procedure_id)?;
    let limit = params.limit.unwrap_or(20);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid("limit: 1 to 200"));
    }
    Ok(Json(
        booking::availability(&state, procedure_id, params.from, limit).await?,
    ))
}

/// Holds a slot for a few minutes while the person completes the booking.
#[utoipa::path(post, path = "/api/v1/holds", tag = "booking", security((), ("bearer" = [])), request_body = HoldRequest,
    params(("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 201, body = Hold),
        (status = 404, description = "no such procedure", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "slot_taken, with alternatives; or not_bookable (closed, too soon, beyond the open agenda)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "too many holds from this address (a minute's worth, or live at once)", body = Problem, content_type = "application/problem+json")))]
pub async fn create_hold(
    State(state): State<AppState>,
    actor: Actor,
    header: IdempotencyHeader,
    ClientAddr(address): ClientAddr,
    ApiJson(request): ApiJson<HoldRequest>,
) -> Result<Response, ApiError> {
    slug(&request.procedure_id)?;
    slug(&request.office_id)?;
    let address_scope = address_key(address).to_string();
    let key = idempotency(&state, &actor, header, "hold", &address_scope, &request);
    let holder = match &actor {
        Actor::Citizen => match state.limits.holds_per_address() {
            Some(per_address) => {
                // A retry of a hold that went through is answered as it was, not counted
                // again against the address.
                if let Some(earlier) = booking::earlier_answer(&state, &key).await? {
                    return Ok(stored_response(earlier));
                }
                state.limit(Limit::HoldsFrom(address)).await?;
                Holder {
                    name: citizen_scoped(&state, &actor, &address_scope),
                    cap: per_address,
                }
            }
            // No cap (the operator turned it off): a holder of its own for each request.
            None => Holder {
                name: format!("uncapped:{}", key.key),
                cap: u32::MAX,
            },
        },
        Actor::User(_) | Actor::Kiosk { .. } => Holder {
            name: actor.label(),
            cap: state.settings.holds_per_account,
        },
        Actor::TemporaryPassword(_) => {
            return Err(crate::auth::AuthError::PasswordChangeRequired.into());
        }
    };
    Ok(stored_response(
        booking::hold(&state, &actor, &holder, &key, &request).await?,
    ))
}

/// Releases a hold (the person went back or left). Idempotent.
#[utoipa::path(delete, path = "/api/v1/holds/{hold_id}", tag = "booking", security((), ("bearer" = [])),
    params(("hold_id" = String, Path, pattern = r"^[A-Za-z0-9_-]{16,64}$")),
    responses((status = 204), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn release_hold(
    State(state): State<AppState>,
    actor: Actor,
    ApiPath(hold_id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    check_hold_id(&hold_id)?;
    booking::release(&state, &actor, &hold_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) fn check_hold_id(hold_id: &str) -> Result<(), ApiError> {
    let valid = (16..=64).contains(&hold_id.len())
        && hold_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(ApiError::invalid("not a hold id"))
    }
}

/// Turns a hold into a booking for a person: the answer carries the code and signed receipt.
///
/// Beyond its schema, refused with 400 and the fields at fault: a codice fiscale whose check
/// character is wrong, a country that does not exist, a date of birth in the future or more
/// than 120 years ago.
#[utoipa::path(post, path = "/api/v1/holds/{hold_id}/confirm", tag = "booking", security((), ("bearer" = [])),
    request_body = ConfirmRequest,
    params(("hold_id" = String, Path, pattern = r"^[A-Za-z0-9_-]{16,64}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 201, body = Booking),
        (status = 400, description = "invalid_input, with the fields at fault", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "already_booked: the person has a booking for this procedure (where and when only for those with authority over it)", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "hold_expired (also after a few already_booked answers)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "too many already_booked answers about this person", body = Problem, content_type = "application/problem+json")))]
pub async fn confirm_hold(
    State(state): State<AppState>,
    actor: Actor,
    header: IdempotencyHeader,
    ApiPath(hold_id): ApiPath<String>,
    ApiJson(request): ApiJson<ConfirmRequest>,
) -> Result<Response, ApiError> {
    check_hold_id(&hold_id)?;
    let route = format!("confirm:{hold_id}");
    let key = idempotency(&state, &actor, header, &route, &hold_id, &request);
    let stored = booking::confirm(&state, &actor, &key, &hold_id, &request).await?;
    Ok(stored_response(stored))
}

/// A booking with the person's details: for administrators, the office's staff and the
/// operators of the organisation that booked it.
#[utoipa::path(get, path = "/api/v1/bookings/{code}", tag = "booking", security(("bearer" = [])),
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$")),
    responses((status = 200, body = BookingRecord),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_booking(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(code): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<BookingRecord>, ApiError> {
    let code = booking_code(&code)?;
    Ok(Json(booking::get(&state, &actor, &code).await?))
}

/// A citizen's own booking, by its code, their date of birth and the last 4 characters of
/// their identity document (no personal data in the answer).
#[utoipa::path(post, path = "/api/v1/bookings/{code}/lookup", tag = "booking", security((), ("bearer" = [])),
    request_body = CitizenProof, params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$")),
    responses((status = 200, body = Booking),
        (status = 404, description = "no booking with this code and proof", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "too many wrong proofs (from this address, or on this booking)", body = Problem, content_type = "application/problem+json")))]
pub async fn lookup_booking(
    State(state): State<AppState>,
    actor: Actor,
    ClientAddr(address): ClientAddr,
    ApiPath(code): ApiPath<String>,
    ApiJson(proof): ApiJson<CitizenProof>,
) -> Result<Json<Booking>, ApiError> {
    let code = booking_code(&code)?;
    let found = with_proof(
        &state,
        address,
        &code,
        Some(&proof),
        booking::lookup(&state, &actor, &code, &proof),
    )
    .await?;
    Ok(Json(found))
}

/// Cancels a booking: by those with authority over it, or by the citizen with their date of
/// birth and the last 4 characters of their identity document.
#[utoipa::path(post, path = "/api/v1/bookings/{code}/cancel", tag = "booking", security((), ("bearer" = [])),
    request_body = CancelRequest,
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 200, body = Booking),
        (status = 404, description = "no booking with this code and proof", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "invalid_state: not a confirmed appointment still to come", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "too many wrong proofs (from this address, or on this booking)", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel_booking(
    State(state): State<AppState>,
    actor: Actor,
    header: IdempotencyHeader,
    ClientAddr(address): ClientAddr,
    ApiPath(code): ApiPath<String>,
    ApiJson(request): ApiJson<CancelRequest>,
) -> Result<Response, ApiError> {
    let code = booking_code(&code)?;
    let key = idempotency(
        &state,
        &actor,
        header,
        &format!("cancel:{code}"),
        &code,
        &request,
    );
    let proof = request.proof.as_ref();
    let cancelled = with_proof(
        &state,
        address,
        &code,
        proof,
        booking::cancel(&state, &actor, &key, &code, proof),
    )
    .await?;
    Ok(stored_response(cancelled))
}

/// Moves a booking to another slot. The old slot is freed only if the new one is taken.
#[utoipa::path(post, path = "/api/v1/bookings/{code}/reschedule", tag = "booking", security((), ("bearer" = [])),
    request_body = RescheduleRequest,
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 200, body = Booking),
        (status = 404, description = "no such booking (or the proof does not match), or no such procedure", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "slot_taken, with alternatives (the booking is unchanged); not_bookable; invalid_state", body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn reschedule_booking(
    State(state): State<AppState>,
    actor: Actor,
    header: IdempotencyHeader,
    ClientAddr(address): ClientAddr,
    ApiPath(code): ApiPath<String>,
    ApiJson(request): ApiJson<RescheduleRequest>,
) -> Result<Response, ApiError> {
    let code = booking_code(&code)?;
    slug(&request.office_id)?;
    let route = format!("reschedule:{code}");
    let key = idempotency(&state, &actor, header, &route, &code, &request);
    let moved = with_proof(
        &state,
        address,
        &code,
        request.proof.as_ref(),
        booking::reschedule(&state, &actor, &key, &code, &request),
    )
    .await?;
    Ok(stored_response(moved))
}

/// Marks that the person did not come (office staff, after the slot).
#[utoipa::path(post, path = "/api/v1/bookings/{code}/no-show", tag = "office", security(("bearer" = [])),
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$")),
    responses((status = 200, body = Booking), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn mark_no_show(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<Booking>, ApiError> {
    let code = booking_code(&code)?;
    Ok(Json(booking::no_show(&state, &actor, &code).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BookingFilter {
    /// An office's bookings: its staff (their own office is the default) and administrators.
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    office_id: Option<String>,
    /// One day. Default: today for an office's list, from today on for an organisation's.
    #[param(value_type = Option<String>, format = Date)]
    day: Option<Date>,
    /// An organisation's bookings: its operators (their own is the default) and
    /// administrators; with `office_id`, those it made at that office.
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    organization_id: Option<String>,
}

/// Lists bookings with the people's details, for those with authority over them.
#[utoipa::path(get, path = "/api/v1/bookings", tag = "booking", security(("bearer" = [])), params(BookingFilter),
    responses((status = 200, body = Vec<BookingRecord>),
        (status = 403, description = "another office's or organisation's", body = Problem, content_type = "application/problem+json")))]
pub async fn list_bookings(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiQuery(filter): ApiQuery<BookingFilter>,
) -> Result<Json<Vec<BookingRecord>>, ApiError> {
    let filter = booking::ListFilter {
        office_id: filter
            .office_id
            .as_deref()
            .map(slug)
            .transpose()?
            .map(str::to_owned),
        organization_id: filter
            .organization_id
            .as_deref()
            .map(slug)
            .transpose()?
            .map(str::to_owned),
        day: filter.day,
    };
    Ok(Json(booking::list(&state, &actor, filter).await?))
}

/// Checks a person in with the receipt's QR code (the server's or, for a booking made offline, a
/// kiosk's): their number in today's queue. For the office's staff, and kiosks in its comune.
///
/// Beyond its schema, refused with 422: a receipt whose signature does not verify.
#[utoipa::path(post, path = "/api/v1/checkins", tag = "office", security(("bearer" = [])), request_body = CheckInRequest,
    responses((status = 200, body = CheckIn),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid_receipt", body = Problem, content_type = "application/problem+json")))]
pub async fn check_in(
    State(state): State<AppState>,
    Authenticated(actor): Authenticated,
    ApiJson(request): ApiJson<CheckInRequest>,
) -> Result<Json<CheckIn>, ApiError> {
    if request.receipt.chars().count() > 2048 {
        return Err(ApiError::invalid("receipt: too long"));
    }
    Ok(Json(
        booking::check_in(&state, &actor, &request.receipt).await?,
    ))
}

/// What verifies receipts offline: the server's public keys (retired ones while their
/// receipts are good), and the kiosk keys revoked, with when.
#[utoipa::path(get, path = "/api/v1/keys", tag = "booking",
    responses((status = 200, body = KeySet),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn keys(
    State(state): State<AppState>,
    _: ApiQuery<NoParams>,
) -> Result<Json<KeySet>, ApiError> {
    let mut conn = state.db.conn().await?;
    Ok(Json(KeySet {
        keys: state.keys.public_keys(state.clock.now()),
        revoked_kiosks: crate::db::kiosks::revocations(&mut conn).await?,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditFilter {
    #[param(
        pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$"
    )]
    booking_code: Option<String>,
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    office_id: Option<String>,
    /// 1 to 1000; default 200.
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

/// Who did what, when: about one booking, or one office. Administrators see all; staff their
/// office's.
#[utoipa::path(get, path = "/api/v1/audit", tag = "office", security(("bearer" = [])), params(AuditFilter),
    responses((status = 200, body = Vec<AuditEntry>),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn audit(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiQuery(filter): ApiQuery<AuditFilter>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let limit = filter.limit.unwrap_or(200);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::invalid("limit: 1 to 1000"));
    }
    let code = filter
        .booking_code
        .as_deref()
        .map(booking_code)
        .transpose()?;
    let office_id = filter.office_id.as_deref().map(slug).transpose()?;
    let mut conn = state.db.conn().await?;
    match (&code, office_id) {
        (_, Some(office_id)) => {
            actor.require_office(office_id)?;
        }
        (Some(code), None) => {
            // Without authority over the booking, it does not exist: codes are not confirmed.
            stored::booking_by_code(&mut conn, code)
                .await?
                .filter(|row| actor.require_office(&row.office_id).is_ok())
                .ok_or_else(|| ApiError::not_found(format!("no booking {code}")))?;
        }
        (None, None) => {
            actor.require_admin()?;
        }
    }
    Ok(Json(
        audit_log::trail(&mut conn, code.as_deref(), office_id, limit).await?,
    ))
}
