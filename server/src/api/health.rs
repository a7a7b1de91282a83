//! Liveness for load balancers and for kiosks checking the link.

use super::AppState;
use super::extract::{ApiQuery, NoParams};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sportello_core::api::Health;

/// "ok" with 200 when the database answers, "unavailable" with 503 when it does not.
#[utoipa::path(get, path = "/health", tag = "health",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn health(
    State(state): State<AppState>,
    _: ApiQuery<NoParams>,
) -> (StatusCode, Json<Health>) {
    let healthy = state.db.ping().await;
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let health = Health {
        status: if healthy { "ok" } else { "unavailable" }.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: state.db.backend().as_str().to_owned(),
    };
    (status, Json(health))
}
