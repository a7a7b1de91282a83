//! The change feed kiosks pull their cache from (see `sportello_core::sync`).

use super::AppState;
use super::error::ApiError;
use super::extract::ApiQuery;
use crate::db;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::sync::{
    ChangePage, DEFAULT_PAGE, EntityKind, MAX_PAGE, SlotsSnapshot, Snapshot,
};
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PullParams {
    /// The cursor of the last page applied; 0 (the default) for everything.
    #[param(minimum = 0)]
    since: Option<i64>,
    /// Page size, 1 to 1000; default 500.
    #[param(minimum = 1, maximum = 1000)]
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
        Some(mut page) => {
            if !page.more {
                page.slots_etag = Some(crate::booking::slots::current(&state).await?.etag.clone());
            }
            Ok(Json(page))
        }
        None => Err(ApiError::new(
            ProblemCode::CursorAhead,
            "since: beyond this server's feed; pull again from 0",
        )),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SnapshotParams {
    /// The kind to send whole.
    entity: EntityKind,
}

/// Every row of one kind, for a copy whose checkpoint did not match: the kiosk replaces that
/// kind with it in one transaction.
#[utoipa::path(get, path = "/api/v1/sync/snapshot", tag = "sync", params(SnapshotParams),
    responses((status = 200, body = Snapshot),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn snapshot(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<SnapshotParams>,
) -> Result<Json<Snapshot>, ApiError> {
    Ok(Json(db::snapshot(&state.db, params.entity).await?))
}

/// Free places of every procedure at every office over the booking horizon, compactly, for
/// kiosks to show offline. Recomputed at most every few seconds; `If-None-Match` with the
/// last `ETag` answers 304 when nothing changed.
#[utoipa::path(get, path = "/api/v1/sync/slots", tag = "sync",
    responses((status = 200, body = SlotsSnapshot), (status = 304, description = "unchanged")))]
pub async fn slots(
    State(state): State<AppState>,
    headers: HeaderMap,
    _: ApiQuery<super::extract::NoParams>,
) -> Result<Response, ApiError> {
    let current = crate::booking::slots::current(&state).await?;
    let etag = HeaderValue::from_str(&current.etag)
        .map_err(|_| ApiError::new(ProblemCode::Internal, "bad etag"))?;
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|value| value.as_bytes() == current.etag.as_bytes());
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            current.body.clone(),
        )
            .into_response()
    };
    response.headers_mut().insert(header::ETAG, etag);
    Ok(response)
}
