//! The OpenAPI document of the API, generated from the handlers and the core types.

use super::extract::{ApiQuery, NoParams};
use super::{health, reference, sync};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sportello central server",
        description = "Reference data, agendas and bookings for the immigration offices of a \
                       province. Errors are application/problem+json with a stable `code`."
    ),
    paths(
        health::health,
        reference::list_offices,
        reference::get_office,
        reference::list_procedures,
        reference::get_procedure,
        reference::list_comuni,
        reference::get_comune,
        sync::changes,
        openapi,
    ),
    tags(
        (name = "reference", description = "Offices, procedures and comuni"),
        (name = "sync", description = "Replication to kiosks"),
        (name = "health", description = "Liveness"),
    )
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi(_: ApiQuery<NoParams>) -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
