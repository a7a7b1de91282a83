//! Logging in and out, and passwords.

use super::AppState;
use super::client_addr::ClientAddr;
use super::error::ApiError;
use super::extract::{ApiJson, ApiQuery, NoParams};
use crate::auth::limits::Limit;
use crate::auth::{self, AccountError, SessionOwner, password};
use crate::db::accounts;
use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use sportello_core::account::{LoginRequest, PasswordChange, Session, UserInfo};
use sportello_core::api::{Problem, ProblemCode};

fn wrong_credentials() -> ApiError {
    ApiError::new(ProblemCode::Unauthorized, "wrong username or password")
}

/// A password check's outcome, with the failure counted before it gives back: `Some` when
/// right, `None` when wrong (the failure stays counted). A check that could not be made (no
/// slot free, the database unavailable) judged nothing, and gives the failure back too.
async fn settle_failure<T>(
    state: &AppState,
    failures: Limit<'_>,
    judged: Result<Option<T>, ApiError>,
) -> Result<Option<T>, ApiError> {
    match judged {
        Ok(None) => Ok(None),
        Ok(Some(right)) => {
            state.refund(failures).await?;
            Ok(Some(right))
        }
        Err(err) => {
            state.refund(failures).await?;
            Err(err)
        }
    }
}

/// Logs in with username and password: a bearer token valid for a working day. Wrong
/// passwords are limited per account and address (a stranger's failures elsewhere never lock
/// the owner out), and attempts per address.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts", request_body = LoginRequest,
    responses((status = 200, body = Session),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Json<Session>, ApiError> {
    if request.username.chars().count() > 64 || request.password.chars().count() > 256 {
        return Err(ApiError::invalid("username or password too long"));
    }
    state.limit(Limit::LoginsFrom(address)).await?;
    // Counted as a failure before it is judged, given back when right.
    let failures = Limit::LoginFailures {
        username: &request.username,
        address,
    };
    state.limit(failures).await?;
    let judged = async {
        let stored = {
            let mut conn = state.db.conn().await?;
            accounts::find_user(&mut conn, &request.username).await?
        };
        let (hash, usable) = match &stored {
            Some(user) => (Some(user.password_hash.clone()), !user.disabled),
            None => (None, false),
        };
        // Same work, same answer, whether the user exists or not.
        let _slot = state.limits.password_check().await?;
        let matches = password::verify(request.password, hash).await;
        Ok::<_, ApiError>(stored.filter(|_| matches && usable))
    };
    let Some(user) = settle_failure(&state, failures, judged.await).await? else {
        return Err(wrong_credentials());
    };
    let now = state.clock.now();
    let expires_at = now.checked_add(state.settings.session).unwrap_or(now);
    let token = auth::new_session_token();
    let mut tx = state.db.begin_write().await?;
    auth::lock_account(&mut tx, &user.info.username).await?;
    // The check may have waited for a slot: a password reset or a disabling since then ended
    // every session, and must end this one too.
    let unchanged = accounts::find_user(&mut tx, &user.info.username)
        .await?
        .is_some_and(|now| now.password_hash == user.password_hash && !now.disabled);
    if !unchanged {
        return Err(wrong_credentials());
    }
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
        must_change_password: user.must_change_password,
    }))
}

/// The bearer token a request carries.
fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default()
        .trim()
}

/// Ends the session of the token sent.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn logout(
    State(state): State<AppState>,
    SessionOwner(actor): SessionOwner,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    actor.require_session()?;
    let mut tx = state.db.begin_write().await?;
    accounts::delete_session(&mut tx, &auth::token_hash(bearer(&headers))).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes the logged-in account's own password, proven by the old one. Every other session
/// of the account ends; this one goes on (and may do everything again if the old password
/// was a temporary one).
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "accounts", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204),
        (status = 400, description = "the new password is too short or too long", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "not logged in, or the old password is wrong", body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn change_password(
    State(state): State<AppState>,
    SessionOwner(actor): SessionOwner,
    ClientAddr(address): ClientAddr,
    headers: HeaderMap,
    ApiJson(request): ApiJson<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let user = actor.require_session()?;
    if request.old_password.chars().count() > 256 {
        return Err(wrong_credentials());
    }
    // A stolen session must not become a way to guess the password it stands for.
    let failures = Limit::LoginFailures {
        username: &user.username,
        address,
    };
    state.limit(failures).await?;
    let judged = async {
        let stored = {
            let mut conn = state.db.conn().await?;
            accounts::find_user(&mut conn, &user.username).await?
        };
        let _slot = state.limits.password_check().await?;
        let hash = stored.map(|stored| stored.password_hash);
        let right = password::verify(request.old_password, hash.clone()).await;
        Ok::<_, ApiError>(hash.filter(|_| right))
    };
    let Some(checked) = settle_failure(&state, failures, judged.await).await? else {
        return Err(wrong_credentials());
    };
    let new_password = state.hash_new_password(request.new_password).await?;
    let mut tx = state.db.begin_write().await?;
    auth::lock_account(&mut tx, &user.username).await?;
    // The checks took a while: an administrator's reset or disabling since then stands, and
    // the old password no longer changes anything.
    let unchanged = accounts::find_user(&mut tx, &user.username)
        .await?
        .is_some_and(|now| now.password_hash == checked && !now.disabled);
    if !unchanged {
        return Err(wrong_credentials());
    }
    auth::set_password(
        &mut tx,
        &user.username,
        new_password,
        false,
        Some(&auth::token_hash(bearer(&headers))),
    )
    .await
    .map_err(account_error)?;
    super::admin::audit_admin(
        &mut tx,
        &actor,
        "password_changed",
        None,
        user.username.clone(),
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An account problem as the API answers it.
pub(super) fn account_error(err: AccountError) -> ApiError {
    match err {
        AccountError::Invalid(detail) => ApiError::invalid(detail),
        AccountError::Taken => ApiError::new(ProblemCode::AlreadyExists, err.to_string()),
        AccountError::NoSuchAccount => ApiError::not_found(err.to_string()),
        AccountError::Db(err) => err.into(),
    }
}

/// The logged-in account.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = UserInfo), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn me(
    SessionOwner(actor): SessionOwner,
    _: ApiQuery<NoParams>,
) -> Result<Json<UserInfo>, ApiError> {
    Ok(Json(actor.require_session()?.clone()))
}
