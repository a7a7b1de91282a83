//! Read-only reference data: offices, procedures, comuni.

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery, NoParams, istat, province, slug};
use crate::db;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use sportello_core::api::Problem;
use sportello_core::model::{Comune, Counter, Office, Procedure};
use utoipa::IntoParams;

/// The immigration offices of the province.
#[utoipa::path(get, path = "/api/v1/offices", tag = "reference",
    responses((status = 200, description = "Every office", body = Vec<Office>)))]
pub async fn list_offices(
    State(state): State<AppState>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<Office>>, ApiError> {
    let mut conn = state.db.conn().await?;
    Ok(Json(db::list_offices(&mut conn).await?))
}

/// One office.
#[utoipa::path(get, path = "/api/v1/offices/{id}", tag = "reference",
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$", description = "Office identifier, e.g. questura-asti")),
    responses(
        (status = 200, body = Office),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_office(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Office>, ApiError> {
    let id = slug(&id)?;
    let mut conn = state.db.conn().await?;
    db::get_office(&mut conn, id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no office {id}")))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProcedureFilter {
    /// Only the procedures of this office.
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    office_id: Option<String>,
}

/// What people can book, for all offices or one.
#[utoipa::path(get, path = "/api/v1/procedures", tag = "reference", params(ProcedureFilter),
    responses(
        (status = 200, body = Vec<Procedure>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such office", body = Problem,
            content_type = "application/problem+json")))]
pub async fn list_procedures(
    State(state): State<AppState>,
    ApiQuery(filter): ApiQuery<ProcedureFilter>,
) -> Result<Json<Vec<Procedure>>, ApiError> {
    let mut conn = state.db.conn().await?;
    if let Some(office_id) = &filter.office_id {
        let office_id = slug(office_id)?;
        if db::get_office(&mut conn, office_id).await?.is_none() {
            return Err(ApiError::not_found(format!("no office {office_id}")));
        }
    }
    Ok(Json(
        db::list_procedures(&mut conn, filter.office_id.as_deref()).await?,
    ))
}

/// One procedure.
#[utoipa::path(get, path = "/api/v1/procedures/{id}", tag = "reference",
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$", description = "Procedure identifier")),
    responses(
        (status = 200, body = Procedure),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_procedure(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Procedure>, ApiError> {
    let id = slug(&id)?;
    let mut conn = state.db.conn().await?;
    db::get_procedure(&mut conn, id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no procedure {id}")))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ComuneFilter {
    /// Two-letter province code, e.g. AT.
    #[param(pattern = r"^[A-Z]{2}$")]
    province: Option<String>,
}

/// The comuni, by name.
#[utoipa::path(get, path = "/api/v1/comuni", tag = "reference", params(ComuneFilter),
    responses(
        (status = 200, body = Vec<Comune>),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list_comuni(
    State(state): State<AppState>,
    ApiQuery(filter): ApiQuery<ComuneFilter>,
) -> Result<Json<Vec<Comune>>, ApiError> {
    let province = filter.province.as_deref().map(province).transpose()?;
    let mut conn = state.db.conn().await?;
    Ok(Json(db::list_comuni(&mut conn, province).await?))
}

/// One comune by its ISTAT code.
#[utoipa::path(get, path = "/api/v1/comuni/{istat}", tag = "reference",
    params(("istat" = String, Path, pattern = r"^[0-9]{6}$", description = "Six-digit ISTAT code, e.g. 005005")),
    responses(
        (status = 200, body = Comune),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_comune(
    State(state): State<AppState>,
    ApiPath(code): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Comune>, ApiError> {
    let code = istat(&code)?;
    let mut conn = state.db.conn().await?;
    db::get_comune(&mut conn, code)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no comune {code}")))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CounterFilter {
    /// Only the counters of this office.
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    office_id: Option<String>,
}

/// The counters of the offices, with their weekly hours.
#[utoipa::path(get, path = "/api/v1/counters", tag = "reference", params(CounterFilter),
    responses(
        (status = 200, body = Vec<Counter>),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list_counters(
    State(state): State<AppState>,
    ApiQuery(filter): ApiQuery<CounterFilter>,
) -> Result<Json<Vec<Counter>>, ApiError> {
    let office_id = filter.office_id.as_deref().map(slug).transpose()?;
    let mut conn = state.db.conn().await?;
    Ok(Json(db::list_counters(&mut conn, office_id).await?))
}

/// One counter.
#[utoipa::path(get, path = "/api/v1/counters/{id}", tag = "reference",
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$", description = "Counter identifier")),
    responses(
        (status = 200, body = Counter),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_counter(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Counter>, ApiError> {
    let id = slug(&id)?;
    let mut conn = state.db.conn().await?;
    db::get_counter(&mut conn, id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no counter {id}")))
}
