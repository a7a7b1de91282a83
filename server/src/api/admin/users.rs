//! Accounts and the organisations whose operators book for people.

use super::audit_admin;
use crate::api::AppState;
use crate::api::error::ApiError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery, NoParams, slug};
use crate::auth::{self, Admin};
use crate::db::accounts;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sportello_core::account::{NewUser, Organization, PasswordReset, UserInfo};
use sportello_core::api::{Problem, ProblemCode};

/// Creates an account (administrators). Its password is a temporary one to hand over: its
/// owner must change it at first login.
///
/// Beyond its schema, refused with 400: a role without its place (staff need an office_id,
/// operators an organization_id, administrators neither), or one that does not exist.
#[utoipa::path(post, path = "/api/v1/admin/users", tag = "admin", security(("bearer" = [])), request_body = NewUser,
    responses((status = 201, body = UserInfo),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn create_user(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiJson(mut request): ApiJson<NewUser>,
) -> Result<(StatusCode, Json<UserInfo>), ApiError> {
    let password = state
        .hash_new_password(std::mem::take(&mut request.password))
        .await?;
    let mut conn = state.db.begin_write().await?;
    let now = state.clock.now().as_second();
    let info = auth::create_account(&mut conn, request, password, true, now)
        .await
        .map_err(crate::api::auth::account_error)?;
    audit_admin(
        &mut conn,
        &actor,
        "user_created",
        info.office_id.as_deref(),
        format!("{} ({})", info.username, info.role.as_str()),
        now,
    )
    .await?;
    conn.commit().await?;
    Ok((StatusCode::CREATED, Json(info)))
}

/// Every account (administrators).
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<UserInfo>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_users(
    State(state): State<AppState>,
    Admin(_): Admin,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<UserInfo>>, ApiError> {
    let mut conn = state.db.conn().await?;
    let users = accounts::list_users(&mut conn).await?;
    Ok(Json(
        users
            .into_iter()
            .filter(|user| !user.disabled)
            .map(|user| user.info)
            .collect(),
    ))
}

/// Sets a temporary password for an account and ends its sessions (administrators): its owner
/// must change it at first login.
#[utoipa::path(post, path = "/api/v1/admin/users/{username}/password", tag = "admin", security(("bearer" = [])),
    params(("username" = String, Path, pattern = r"^[a-z0-9._-]{3,64}$")), request_body = PasswordReset,
    responses((status = 204),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn reset_password(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(username): ApiPath<String>,
    ApiJson(request): ApiJson<PasswordReset>,
) -> Result<StatusCode, ApiError> {
    let password = state.hash_new_password(request.password).await?;
    let mut tx = state.db.begin_write().await?;
    auth::set_password(&mut tx, &username, password, true, None)
        .await
        .map_err(crate::api::auth::account_error)?;
    audit_admin(
        &mut tx,
        &actor,
        "password_reset",
        None,
        username,
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Disables an account and ends its sessions (administrators).
#[utoipa::path(post, path = "/api/v1/admin/users/{username}/disable", tag = "admin", security(("bearer" = [])),
    params(("username" = String, Path, pattern = r"^[a-z0-9._-]{3,64}$")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn disable_user(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(username): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let mut conn = state.db.begin_write().await?;
    auth::lock_account(&mut conn, &username).await?;
    if !accounts::disable_user(&mut conn, &username).await? {
        return Err(ApiError::not_found("no such account"));
    }
    audit_admin(
        &mut conn,
        &actor,
        "user_disabled",
        None,
        username,
        state.clock.now().as_second(),
    )
    .await?;
    conn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Registers a comune's office, a patronato or an association whose operators book for people.
#[utoipa::path(post, path = "/api/v1/admin/organizations", tag = "admin", security(("bearer" = [])), request_body = Organization,
    responses((status = 201, body = Organization), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn create_organization(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiJson(organization): ApiJson<Organization>,
) -> Result<(StatusCode, Json<Organization>), ApiError> {
    slug(&organization.id)?;
    crate::api::extract::istat(&organization.comune_istat)?;
    if organization.name.trim().is_empty() || organization.name.chars().count() > 200 {
        return Err(ApiError::invalid("name: 1 to 200 characters"));
    }
    let mut conn = state.db.begin_write().await?;
    if !accounts::create_organization(&mut conn, &organization).await? {
        return Err(ApiError::new(
            ProblemCode::AlreadyExists,
            "that organisation id is taken",
        ));
    }
    audit_admin(
        &mut conn,
        &actor,
        "organization_created",
        None,
        organization.id.clone(),
        state.clock.now().as_second(),
    )
    .await?;
    conn.commit().await?;
    Ok((StatusCode::CREATED, Json(organization)))
}

/// The organisations whose operators book for people.
#[utoipa::path(get, path = "/api/v1/organizations", tag = "reference",
    responses((status = 200, body = Vec<Organization>)))]
pub async fn list_organizations(
    State(state): State<AppState>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<Organization>>, ApiError> {
    let mut conn = state.db.conn().await?;
    Ok(Json(accounts::list_organizations(&mut conn).await?))
}
