//! The change feed kiosks pull their cache from (see `sportello_core::sync`).

use super::AppState;
use super::error::ApiError;
use super::extract::ApiQuery;
use crate::db;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::sync::{ChangePage, DEFAULT_PAGE, MAX_PAGE};
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PullParams {
    /// The cursor of the last page applied; 0 (the default) for everything.
    since: Option<i64>,
    /// Page size, 1 to 1000; default 500.
    limit: Option<u32>,
}

/// Changes to the reference data after a cursor, oldest first.
#[utoipa::path(get, path = "/api/v1/sync/changes", tag = "sync", params(PullParams),
    responses(
        (status = 200, body = ChangePage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "cursor_ahead: start again from 0", body = Problem,
            content_type = "application/problem+json")))]
pub async fn changes(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<PullParams>,
) -> Result<Json<ChangePage>, ApiError> {
    let since = params.since.unwrap_or(0);
    if since < 0 {
        return Err(ApiError::invalid("since: must be 0 or more"));
    }
    let limit = params.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::invalid(format!("limit: must be 1 to {MAX_PAGE}")));
    }
    match db::changes_since(&state.db, since, limit).await? {
        Some(page) => Ok(Json(page)),
        None => Err(ApiError::new(
            ProblemCode::CursorAhead,
            "since: beyond this server's feed; pull again from 0",
        )),
    }
}
