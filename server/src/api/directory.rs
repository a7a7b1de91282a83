//! The services map's directory over the API: anyone reads it; administrators import it
//! (HSDS 3.0 JSON or CSV), export it and remove organizations. Every change goes into the
//! change feed, so kiosks have it at their next pull and keep it offline.
//!
//! An import is all or nothing: a file with any row at fault changes nothing, and the answer
//! lists every row's problems, so staff fix the file and send it again.

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery, NoParams};
use crate::auth::Admin;
use crate::db;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::directory::hsds::{self, HsdsOrganization, ImportError, RowProblems};
use sportello_core::directory::{
    ImportSummary, Organization, Problem as RowProblem, is_uuid, table,
};
use sportello_core::sync::{EntityKind, Record};
use std::collections::{BTreeMap, BTreeSet};

/// The whole directory, by name.
#[utoipa::path(get, path = "/api/v1/directory", tag = "reference",
    responses((status = 200, body = Vec<Organization>)))]
pub async fn list(
    State(state): State<AppState>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<Organization>>, ApiError> {
    let mut conn = state.db.conn().await?;
    Ok(Json(db::list_directory(&mut conn).await?))
}

/// The directory as HSDS 3.0 JSON: an array of compiled organizations (administrators).
#[utoipa::path(get, path = "/api/v1/admin/directory/hsds", tag = "admin", security(("bearer" = [])),
    responses((status = 200, content_type = "application/json", body = Vec<HsdsOrganization>)))]
pub async fn export_hsds(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Response, ApiError> {
    let mut conn = state.db.conn().await?;
    let directory = db::list_directory(&mut conn).await?;
    Ok(attachment(
        "application/json",
        "directory.hsds.json",
        hsds::export(&directory),
    ))
}

/// The directory as one CSV sheet, one line per service at a place (administrators).
#[utoipa::path(get, path = "/api/v1/admin/directory/csv", tag = "admin", security(("bearer" = [])),
    responses((status = 200, content_type = "text/csv", body = String)))]
pub async fn export_csv(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Response, ApiError> {
    let mut conn = state.db.conn().await?;
    let directory = db::list_directory(&mut conn).await?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        "directory.csv",
        table::export(&directory),
    ))
}

fn attachment(content_type: &'static str, name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// `replace`: organizations not in the file are removed; `merge` (the default): they stay.
    #[serde(default)]
    mode: Option<ImportMode>,
}

/// What happens to the organizations a file does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// They stay.
    Merge,
    /// They are removed.
    Replace,
}

/// Imports HSDS 3.0 JSON (`Content-Type: application/json`) or the CSV sheet (`text/csv`).
/// All or nothing; every row's problems are listed (administrators).
///
/// Beyond its schema, refused with 400: each record is checked as the directory needs it
/// (known categories and statuses, places with coordinates in the province, ids used once…).
#[utoipa::path(post, path = "/api/v1/admin/directory/import", tag = "admin", security(("bearer" = [])),
    params(("mode" = Option<ImportMode>, Query, description = "merge (default) or replace")),
    request_body(content(
        (Vec<HsdsOrganization> = "application/json"),
        (String = "text/csv"))),
    responses((status = 200, body = ImportSummary),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn import(
    State(state): State<AppState>,
    // Before the body: a caller who may not import makes the server read nothing.
    Admin(actor): Admin,
    ApiQuery(params): ApiQuery<ImportParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<ImportSummary>, ApiError> {
    let replace = params.mode == Some(ImportMode::Replace);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let (imported, rows) = match content_type.as_str() {
        "application/json" => {
            let text = std::str::from_utf8(&body)
                .map_err(|_| ApiError::invalid("the file is not UTF-8 text"))?;
            let organizations = hsds::import(text).map_err(|error| match error {
                ImportError::Shape { .. } => ApiError::invalid(error.to_string()),
                ImportError::Rows(rows) => rows_problem(rows),
            })?;
            // Rows are the organizations' indices in the array.
            let rows = (0..organizations.len()).collect();
            (organizations, rows)
        }
        "text/csv" => {
            // Excel in Italy saves "CSV" in Windows-1252 unless told otherwise: a sheet that
            // is not UTF-8 is read as that, so "città" stays "città".
            let text = match std::str::from_utf8(&body) {
                Ok(text) => std::borrow::Cow::Borrowed(text),
                Err(_) => encoding_rs::WINDOWS_1252.decode(&body).0,
            };
            // Rows are the lines the organizations start on.
            table::import_with_lines(&text).map_err(rows_problem)?
        }
        _ => {
            return Err(ApiError::new(
                ProblemCode::InvalidInput,
                "send HSDS 3.0 JSON as application/json or the sheet as text/csv",
            ));
        }
    };

    let mut tx = state.db.begin_write().await?;
    // Reference-data writers queue on the agenda lock (PostgreSQL), so two imports at once
    // do not interleave.
    db::lock_agenda(&mut tx).await?;
    let existing: BTreeMap<String, Organization> = db::list_directory(&mut tx)
        .await?
        .into_iter()
        .map(|organization| (organization.id.clone(), organization))
        .collect();
    check_ids(&imported, &rows, &existing, replace).map_err(rows_problem)?;

    let mut summary = ImportSummary::default();
    for organization in &imported {
        match existing.get(&organization.id) {
            Some(current) if current == organization => summary.unchanged += 1,
            found => {
                db::upsert_record(&mut tx, &Record::Organization(organization.clone())).await?;
                if found.is_some() {
                    summary.updated += 1;
                } else {
                    summary.created += 1;
                }
            }
        }
    }
    if replace {
        let kept: BTreeSet<&str> = imported.iter().map(|o| o.id.as_str()).collect();
        for id in existing.keys().filter(|id| !kept.contains(id.as_str())) {
            db::delete_record(&mut tx, EntityKind::Organization, id).await?;
            summary.removed += 1;
        }
    }
    super::admin::audit_admin(
        &mut tx,
        &actor,
        "directory_imported",
        None,
        format!(
            "created {}, updated {}, unchanged {}, removed {}",
            summary.created, summary.updated, summary.unchanged, summary.removed
        ),
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(summary))
}

/// Ids are unique across the directory: the same place or service id in two organizations
/// would make links ambiguous on every kiosk.
fn check_ids(
    imported: &[Organization],
    rows_of: &[usize],
    existing: &BTreeMap<String, Organization>,
    replace: bool,
) -> Result<(), Vec<RowProblems>> {
    let incoming: BTreeSet<&str> = imported.iter().map(|o| o.id.as_str()).collect();
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    if !replace {
        for organization in existing
            .values()
            .filter(|o| !incoming.contains(o.id.as_str()))
        {
            for id in organization.ids() {
                owner.insert(id, &organization.id);
            }
        }
    }
    let mut rows = Vec::new();
    for (organization, &row) in imported.iter().zip(rows_of) {
        let mut problems = Vec::new();
        for id in organization.ids() {
            match owner.get(id) {
                Some(other) if *other != organization.id => problems.push(RowProblem {
                    field: "id".into(),
                    message: format!("{id} is already used by organization {other}"),
                }),
                Some(_) => problems.push(RowProblem {
                    field: "id".into(),
                    message: format!("organization {id} appears twice in the file"),
                }),
                None => {
                    owner.insert(id, &organization.id);
                }
            }
        }
        if !problems.is_empty() {
            rows.push(RowProblems {
                row,
                id: Some(organization.id.clone()),
                problems,
            });
        }
    }
    if rows.is_empty() { Ok(()) } else { Err(rows) }
}

fn rows_problem(rows: Vec<RowProblems>) -> ApiError {
    let mut problem = Problem::new(
        ProblemCode::InvalidInput,
        Some(format!(
            "{} rows have problems; nothing was imported",
            rows.len()
        )),
    );
    problem.rows = rows;
    ApiError::from(problem)
}

/// Removes an organization with its places and services (administrators).
#[utoipa::path(delete, path = "/api/v1/admin/directory/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")),
    responses((status = 204),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn remove(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    if !is_uuid(&id) {
        return Err(ApiError::invalid(format!(
            "{id:?} is not an organization id"
        )));
    }
    let mut tx = state.db.begin_write().await?;
    if !db::delete_record(&mut tx, EntityKind::Organization, &id).await? {
        return Err(ApiError::not_found(format!("no organization {id}")));
    }
    super::admin::audit_admin(
        &mut tx,
        &actor,
        "directory_removed",
        None,
        id.clone(),
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
