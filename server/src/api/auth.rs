//! Logging in and out.

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiJson, ApiQuery, ClientAddr, NoParams};
use crate::auth::{self, Actor, password};
use crate::db::accounts;
use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use sportello_core::account::{LoginRequest, Session, UserInfo};
use sportello_core::api::{Problem, ProblemCode};

/// Logs in with username and password: a bearer token valid for a working day.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts", request_body = LoginRequest,
    responses((status = 200, body = Session),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Json<Session>, ApiError> {
    if request.username.len() > 64 || request.password.len() > 256 {
        return Err(ApiError::invalid("username or password too long"));
    }
    state
        .limits
        .attempt(&format!("login:{}", request.username), address)?;
    let mut conn = state.db.conn().await?;
    let stored = accounts::find_user(&mut conn, &request.username).await?;
    let (hash, usable) = match &stored {
        Some(user) => (Some(user.password_hash.clone()), !user.disabled),
        None => (None, false),
    };
    // Same work, same answer, whether the user exists or not.
    let matches = password::verify(request.password, hash).await;
    let Some(user) = stored.filter(|_| matches && usable) else {
        return Err(ApiError::new(
            ProblemCode::Unauthorized,
            "wrong username or password",
        ));
    };
    drop(conn);
    let now = state.clock.now();
    let expires_at = now.checked_add(state.settings.session).unwrap_or(now);
    let token = auth::new_session_token();
    let mut tx = state.db.begin_write().await?;
    accounts::create_session(
        &mut tx,
        &auth::token_hash(&token),
        &user.info.username,
        expires_at.as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(Session {
        token,
        expires_at,
        user: user.info,
    }))
}

/// Ends the session of the token sent.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts",
    responses((status = 204), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn logout(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    actor.require_user()?;
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    let mut tx = state.db.begin_write().await?;
    accounts::delete_session(&mut tx, &auth::token_hash(token.trim())).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The logged-in account.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "accounts",
    responses((status = 200, body = UserInfo), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn me(actor: Actor, _: ApiQuery<NoParams>) -> Result<Json<UserInfo>, ApiError> {
    Ok(Json(actor.require_user()?.clone()))
}
