//! Kiosks: registering, enrolment codes, revoking, and each office's leasing policy.

use super::audit_admin;
use crate::api::AppState;
use crate::api::error::ApiError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery, NoParams, slug};
use crate::auth::{self, Admin};
use crate::db::{self, kiosks, leases};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::device::{EnrolmentCode, KioskInfo, NewKiosk};
use sportello_core::lease::LeasePolicy;

/// Registers a kiosk and makes its first one-time enrolment code, shown this once: the
/// installer types it on the device (administrators).
///
/// Beyond its schema, refused with 400: a comune_istat that is not a comune of the province.
#[utoipa::path(post, path = "/api/v1/admin/kiosks", tag = "admin", security(("bearer" = [])), request_body = NewKiosk,
    responses((status = 201, body = EnrolmentCode), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn create_kiosk(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiJson(kiosk): ApiJson<NewKiosk>,
) -> Result<(StatusCode, Json<EnrolmentCode>), ApiError> {
    slug(&kiosk.kiosk_id)?;
    crate::api::extract::istat(&kiosk.comune_istat)?;
    if kiosk.place.trim().is_empty() || kiosk.place.chars().count() > 200 {
        return Err(ApiError::invalid("place: 1 to 200 characters"));
    }
    let now = state.clock.now().as_second();
    let mut tx = state.db.begin_write().await?;
    if db::get_comune(&mut tx, &kiosk.comune_istat)
        .await?
        .is_none()
    {
        return Err(ApiError::invalid(
            "comune_istat: no comune with this ISTAT code",
        ));
    }
    if !kiosks::create_kiosk(&mut tx, &kiosk, now).await? {
        return Err(ApiError::new(
            ProblemCode::AlreadyExists,
            "that kiosk id is taken",
        ));
    }
    audit_admin(
        &mut tx,
        &actor,
        "kiosk_created",
        None,
        kiosk.kiosk_id.clone(),
        now,
    )
    .await?;
    tx.commit().await?;
    let code =
        auth::kiosk::issue_enrolment_code(&state.db, &kiosk.kiosk_id, state.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(code)))
}

/// Every kiosk: where it is, whether it enrolled, when it was last seen, its unused leases
/// (administrators).
#[utoipa::path(get, path = "/api/v1/admin/kiosks", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = [KioskInfo]), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_kiosks(
    State(state): State<AppState>,
    Admin(_): Admin,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<KioskInfo>>, ApiError> {
    let mut conn = state.db.conn().await?;
    Ok(Json(kiosks::list_kiosks(&mut conn).await?))
}

/// A new one-time enrolment code for a kiosk (a replaced device, a lost code, or a revoked
/// kiosk taken back into service: it enrols with a new key, and delivers what it kept); any
/// earlier unused code stops working (administrators).
#[utoipa::path(post, path = "/api/v1/admin/kiosks/{id}/enrolment", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 201, body = EnrolmentCode), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn new_enrolment_code(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<(StatusCode, Json<EnrolmentCode>), ApiError> {
    let code = auth::kiosk::issue_enrolment_code(&state.db, slug(&id)?, state.clock.now()).await?;
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_second();
    audit_admin(&mut tx, &actor, "kiosk_enrolment_code", None, id, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(code)))
}

/// Revokes a kiosk: its tokens stop working at once, it cannot get new ones, its unused leases
/// go back to the agenda, and its key is published as revoked from now on, so receipts it
/// signs afterwards are refused (administrators).
#[utoipa::path(post, path = "/api/v1/admin/kiosks/{id}/revoke", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_kiosk(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let now = state.clock.now().as_second();
    let mut tx = state.db.begin_write().await?;
    if !kiosks::revoke_kiosk(&mut tx, slug(&id)?, now).await? {
        return Err(ApiError::not_found("no such kiosk"));
    }
    crate::booking::leases::release_all(&mut tx, &id, "revoked", now).await?;
    audit_admin(&mut tx, &actor, "kiosk_revoked", None, id, now).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An office's leasing policy: how many seats each kiosk may book offline (administrators).
#[utoipa::path(get, path = "/api/v1/admin/offices/{id}/lease-policy", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = LeasePolicy), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_lease_policy(
    State(state): State<AppState>,
    Admin(_): Admin,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<LeasePolicy>, ApiError> {
    let mut conn = state.db.conn().await?;
    if db::get_office(&mut conn, slug(&id)?).await?.is_none() {
        return Err(ApiError::not_found("no such office"));
    }
    Ok(Json(
        leases::policy(&mut conn, &id)
            .await?
            .unwrap_or(LeasePolicy::OFF),
    ))
}

/// Sets an office's leasing policy. Leases already granted stay until used, returned or
/// expired; the next syncs follow the new policy (administrators).
///
/// Beyond its schema, refused with 400: a refill threshold above the seats leased (or zero
/// while seats are), or a daily maximum below them.
#[utoipa::path(put, path = "/api/v1/admin/offices/{id}/lease-policy", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")), request_body = LeasePolicy,
    responses((status = 200, body = LeasePolicy), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn put_lease_policy(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
    ApiJson(policy): ApiJson<LeasePolicy>,
) -> Result<Json<LeasePolicy>, ApiError> {
    if let Some(problem) = policy.problem() {
        return Err(ApiError::invalid(problem));
    }
    let now = state.clock.now().as_second();
    let mut tx = state.db.begin_write().await?;
    if db::get_office(&mut tx, slug(&id)?).await?.is_none() {
        return Err(ApiError::not_found("no such office"));
    }
    leases::set_policy(&mut tx, &id, &policy).await?;
    let detail = format!(
        "seats {} days {} refill below {} ends {} min before",
        policy.seats, policy.days, policy.refill_below, policy.ends_before_minutes
    );
    audit_admin(&mut tx, &actor, "lease_policy", Some(&id), detail, now).await?;
    tx.commit().await?;
    Ok(Json(policy))
}
