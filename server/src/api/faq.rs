//! Questions and answers over the API: anyone reads them; administrators create, edit,
//! translate and retire them. Every change goes into the change feed, so kiosks have it at
//! their next pull, and offline from then on.

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiJson, ApiPath, ApiQuery, NoParams, slug};
use crate::auth::{Actor, Admin};
use crate::db::{self, WriteTx, accounts};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sportello_core::Lang;
use sportello_core::api::Problem;
use sportello_core::faq::{FaqEntry, FaqText, LinkTarget};
use sportello_core::sync::{EntityKind, Record};

/// Every question and answer, most asked first.
#[utoipa::path(get, path = "/api/v1/faq", tag = "reference",
    responses((status = 200, body = Vec<FaqEntry>)))]
pub async fn list(
    State(state): State<AppState>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<FaqEntry>>, ApiError> {
    let mut conn = state.db.conn().await?;
    Ok(Json(db::list_faq(&mut conn).await?))
}

/// One question and its answer, in every language it has.
#[utoipa::path(get, path = "/api/v1/faq/{id}", tag = "reference",
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = FaqEntry),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<FaqEntry>, ApiError> {
    let id = slug(&id)?;
    let mut conn = state.db.conn().await?;
    db::get_faq(&mut conn, id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no entry {id}")))
}

/// Creates or replaces an entry, every language at once (administrators).
///
/// Beyond its schema, refused with 400: an id other than the path's.
#[utoipa::path(put, path = "/api/v1/admin/faq/{id}", tag = "admin", security(("bearer" = [])), request_body = FaqEntry,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = FaqEntry),
        (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn put(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
    ApiJson(entry): ApiJson<FaqEntry>,
) -> Result<Json<FaqEntry>, ApiError> {
    if slug(&id)? != entry.id {
        return Err(ApiError::invalid(
            "the id in the body differs from the one in the path",
        ));
    }
    let mut tx = state.db.begin_write().await?;
    save(&mut tx, &actor, &entry, state.clock.now().as_second()).await?;
    tx.commit().await?;
    Ok(Json(entry))
}

/// Adds or replaces one language's text of an entry: a translation, or its review
/// (administrators).
///
/// Beyond its schema, refused with 400: a blank question or answer, an answer whose markup
/// does not parse or links to an entry or procedure that does not exist, or an entry grown
/// past its size in all.
#[utoipa::path(put, path = "/api/v1/admin/faq/{id}/texts/{lang}", tag = "admin", security(("bearer" = [])),
    request_body = FaqText,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"), ("lang" = Lang, Path, description = "Language code, e.g. bn")),
    responses((status = 200, body = FaqEntry),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn put_text(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath((id, lang)): ApiPath<(String, Lang)>,
    ApiJson(text): ApiJson<FaqText>,
) -> Result<Json<FaqEntry>, ApiError> {
    let id = slug(&id)?;
    let mut tx = state.db.begin_write().await?;
    // Two translators saving two languages at once: the second reads the first's save, not
    // the entry as it was (the agenda lock orders reference-data writes on PostgreSQL).
    db::lock_agenda(&mut tx).await?;
    let mut entry = db::get_faq(&mut tx, id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no entry {id}")))?;
    entry.texts.insert(lang, text);
    save(&mut tx, &actor, &entry, state.clock.now().as_second()).await?;
    tx.commit().await?;
    Ok(Json(entry))
}

/// Retires an entry: it disappears from every kiosk at its next pull (administrators).
#[utoipa::path(delete, path = "/api/v1/admin/faq/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 204),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn retire(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let id = slug(&id)?;
    let mut tx = state.db.begin_write().await?;
    if !db::delete_record(&mut tx, EntityKind::Faq, id).await? {
        return Err(ApiError::not_found(format!("no entry {id}")));
    }
    super::admin::audit_admin(
        &mut tx,
        &actor,
        "faq_retired",
        None,
        id.to_owned(),
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Checks an entry against what exists (its procedures and the offices it links to) and
/// stores it, audited.
async fn save(tx: &mut WriteTx, actor: &Actor, entry: &FaqEntry, now: i64) -> Result<(), ApiError> {
    let procedures: Vec<String> = db::list_procedures(tx, None)
        .await?
        .into_iter()
        .map(|procedure| procedure.id)
        .collect();
    let mut places: Vec<String> = db::list_offices(tx)
        .await?
        .into_iter()
        .map(|office| office.id)
        .collect();
    places.extend(
        accounts::list_organizations(tx)
            .await?
            .into_iter()
            .map(|organization| organization.id),
    );
    let exists = |target: &LinkTarget| match target {
        LinkTarget::Procedure(id) => procedures.contains(id),
        LinkTarget::Office(id) => places.contains(id),
        LinkTarget::Web(_) => true,
    };
    entry.validate(exists).map_err(|problems| {
        ApiError::invalid(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    db::upsert_record(tx, &Record::Faq(entry.clone())).await?;
    super::admin::audit_admin(tx, actor, "faq_saved", None, entry.id.clone(), now).await
}
