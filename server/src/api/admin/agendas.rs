//! The agendas: offices, counters, procedures and dated overrides. Every change goes through
//! the replication feed, so kiosks see it at their next pull.

use super::{audit_admin, check_path_id};
use crate::api::AppState;
use crate::api::error::ApiError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery, slug};
use crate::auth::{Actor, Admin, LoggedIn};
use crate::db::bookings as stored;
use crate::db::{self, WriteTx, agenda};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::Deserialize;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::model::{Counter, DayOverride, Office, Procedure};
use sportello_core::sync::Record;
use utoipa::IntoParams;

/// Saves a replicated record and its audit line in one transaction.
pub(super) async fn save_record(
    tx: &mut WriteTx,
    actor: &Actor,
    record: &Record,
    office_id: &str,
    now: i64,
) -> Result<(), ApiError> {
    db::upsert_record(tx, record).await?;
    audit_admin(
        tx,
        actor,
        &format!("{}_saved", record.kind().as_str()),
        Some(office_id),
        record.id().to_owned(),
        now,
    )
    .await
}

/// Creates or replaces an office, e.g. to set its weekly release of new slots (administrators).
///
/// Beyond its schema, refused with 400: an id other than the path's, or a comune that does not
/// exist.
#[utoipa::path(put, path = "/api/v1/admin/offices/{id}", tag = "admin", security(("bearer" = [])), request_body = Office,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = Office), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn put_office(
    State(state): State<AppState>,
    Admin(actor): Admin,
    ApiPath(id): ApiPath<String>,
    ApiJson(office): ApiJson<Office>,
) -> Result<Json<Office>, ApiError> {
    check_path_id(&id, &office.id)?;
    crate::api::extract::istat(&office.address.comune_istat)?;
    let located = (-90.0..=90.0).contains(&office.location.lat)
        && (-180.0..=180.0).contains(&office.location.lon);
    if office.name.trim().is_empty() || office.name.chars().count() > 200 || !located {
        return Err(ApiError::invalid(
            "name (1 to 200 characters) and location (WGS84 degrees) are required",
        ));
    }
    let mut tx = state.db.begin_write().await?;
    db::lock_agenda(&mut tx).await?;
    if db::get_comune(&mut tx, &office.address.comune_istat)
        .await?
        .is_none()
    {
        return Err(ApiError::invalid("address.comune_istat: no such comune"));
    }
    save_record(
        &mut tx,
        &actor,
        &Record::Office(office.clone()),
        &office.id,
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    state.plans.invalidate();
    Ok(Json(office))
}

/// Creates or replaces a counter with its weekly hours (administrators, or the office's staff).
/// Its grid and seats cannot change while appointments are booked on it: their places are
/// cells of that grid.
///
/// Beyond its schema, refused with 400: an id other than the path's, an office that does not
/// exist, or a day's time spans that overlap.
#[utoipa::path(put, path = "/api/v1/admin/counters/{id}", tag = "admin", security(("bearer" = [])), request_body = Counter,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = Counter),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "invalid_state: booked appointments depend on the grid", body = Problem, content_type = "application/problem+json")))]
pub async fn put_counter(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(id): ApiPath<String>,
    ApiJson(counter): ApiJson<Counter>,
) -> Result<Json<Counter>, ApiError> {
    check_path_id(&id, &counter.id)?;
    actor.require_office(&counter.office_id)?;
    if !(5..=240).contains(&counter.grid_minutes) || !(1..=100).contains(&counter.seats) {
        return Err(ApiError::invalid("grid_minutes: 5 to 240; seats: 1 to 100"));
    }
    if counter.name.trim().is_empty() || counter.name.chars().count() > 100 {
        return Err(ApiError::invalid("name: 1 to 100 characters"));
    }
    let hours = counter
        .hours
        .clone()
        .normalized()
        .map_err(|err| ApiError::invalid(format!("hours: {err}")))?;
    let counter = Counter { hours, ..counter };
    let now = state.clock.now().as_second();
    let mut tx = state.db.begin_write().await?;
    db::lock_agenda(&mut tx).await?;
    if db::get_office(&mut tx, &counter.office_id).await?.is_none() {
        return Err(ApiError::invalid("office_id: no such office"));
    }
    if let Some(existing) = db::get_counter(&mut tx, &counter.id).await? {
        // Moving a counter needs authority over where it is, not only where it goes.
        actor.require_office(&existing.office_id)?;
        let layout_changes =
            existing.grid_minutes != counter.grid_minutes || existing.seats > counter.seats;
        // From the start of the cell running now: an appointment under way counts too.
        let running = now - i64::from(existing.grid_minutes) * 60;
        if layout_changes && stored::claims_from(&mut tx, &counter.id, running + 1).await? {
            return Err(ApiError::new(
                ProblemCode::InvalidState,
                "appointments are booked on this counter: its grid cannot change, nor its seats shrink, until they are over",
            ));
        }
    }
    save_record(
        &mut tx,
        &actor,
        &Record::Counter(counter.clone()),
        &counter.office_id,
        now,
    )
    .await?;
    tx.commit().await?;
    state.plans.invalidate();
    Ok(Json(counter))
}

/// Creates or replaces a procedure: its slot length, documents, counters and rules
/// (administrators, or the office's staff, with counters of their office).
///
/// Beyond its schema, refused with 400: an id other than the path's, an office or counter that
/// does not exist, a counter listed twice, or (for staff) one of another office.
#[utoipa::path(put, path = "/api/v1/admin/procedures/{id}", tag = "admin", security(("bearer" = [])), request_body = Procedure,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = Procedure), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn put_procedure(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(id): ApiPath<String>,
    ApiJson(procedure): ApiJson<Procedure>,
) -> Result<Json<Procedure>, ApiError> {
    check_path_id(&id, &procedure.id)?;
    actor.require_office(&procedure.office_id)?;
    if !(5..=240).contains(&procedure.slot_minutes) {
        return Err(ApiError::invalid("slot_minutes: 5 to 240"));
    }
    if procedure.rules.min_notice_minutes > 30 * 24 * 60
        || !(1..=365).contains(&procedure.rules.horizon_days)
    {
        return Err(ApiError::invalid(
            "rules: min_notice_minutes up to 30 days; horizon_days 1 to 365",
        ));
    }
    if procedure.documents.len() > 30 || procedure.counter_ids.len() > 50 {
        return Err(ApiError::invalid(
            "documents: at most 30; counter_ids: at most 50",
        ));
    }
    let distinct: std::collections::HashSet<&String> = procedure.counter_ids.iter().collect();
    if distinct.len() != procedure.counter_ids.len() {
        return Err(ApiError::invalid("counter_ids: each counter once"));
    }
    let mut tx = state.db.begin_write().await?;
    db::lock_agenda(&mut tx).await?;
    if db::get_office(&mut tx, &procedure.office_id)
        .await?
        .is_none()
    {
        return Err(ApiError::invalid("office_id: no such office"));
    }
    if let Some(existing) = db::get_procedure(&mut tx, &procedure.id).await? {
        actor.require_office(&existing.office_id)?;
    }
    for counter_id in &procedure.counter_ids {
        let counter = db::get_counter(&mut tx, slug(counter_id)?)
            .await?
            .ok_or_else(|| ApiError::invalid(format!("counter_ids: no counter {counter_id}")))?;
        // Counters of other offices serve a procedure only by an administrator's decision.
        if counter.office_id != procedure.office_id && !actor.is_admin() {
            return Err(ApiError::invalid(format!(
                "counter_ids: {counter_id} is not of this office"
            )));
        }
    }
    save_record(
        &mut tx,
        &actor,
        &Record::Procedure(procedure.clone()),
        &procedure.office_id,
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    state.plans.invalidate();
    Ok(Json(procedure))
}

/// Sets the hours of one date for an office or one of its counters: a closure (no hours), a
/// reduced day or an extra opening (administrators, or the office's staff).
///
/// Beyond its schema, refused with 400: an id other than the path's, an office that does not
/// exist or a counter not of that office, or time spans that overlap.
#[utoipa::path(put, path = "/api/v1/overrides/{id}", tag = "office", security(("bearer" = [])), request_body = DayOverride,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = DayOverride), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn put_override(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(id): ApiPath<String>,
    ApiJson(item): ApiJson<DayOverride>,
) -> Result<Json<DayOverride>, ApiError> {
    check_path_id(&id, &item.id)?;
    let item = checked_override(&actor, item)?;
    Ok(Json(save_override(&state, &actor, item, false).await?))
}

/// A day's change as asked, its hours in order, or why not.
pub(crate) fn checked_override(actor: &Actor, item: DayOverride) -> Result<DayOverride, ApiError> {
    slug(&item.office_id)?;
    if let Some(counter_id) = &item.counter_id {
        slug(counter_id)?;
    }
    actor.require_office(&item.office_id)?;
    let hours = sportello_core::calendar::normalize(item.hours.clone())
        .map_err(|err| ApiError::invalid(format!("hours: {err}")))?;
    if item.reason.chars().count() > 200 {
        return Err(ApiError::invalid("reason: at most 200 characters"));
    }
    Ok(DayOverride { hours, ..item })
}

/// Saves a checked day's change: the agendas see it at once, kiosks at their next pull. With
/// `only_if_clear`, refused (409) while a confirmed appointment is still hit: checked under the
/// agenda's lock, so nothing booked between a plan's moves and this slips through.
pub(crate) async fn save_override(
    state: &AppState,
    actor: &Actor,
    item: DayOverride,
    only_if_clear: bool,
) -> Result<DayOverride, ApiError> {
    let mut tx = state.db.begin_write().await?;
    db::lock_agenda(&mut tx).await?;
    // Undone with the rest if the change is refused below.
    crate::booking::change::end_hit_holds(&mut tx, &item).await?;
    if only_if_clear
        && !crate::booking::change::hit_in(&mut tx, &item, &item.hours)
            .await?
            .is_empty()
    {
        return Err(ApiError::new(
            ProblemCode::InvalidState,
            "an appointment was booked on this day meanwhile: check again",
        ));
    }
    if db::get_office(&mut tx, &item.office_id).await?.is_none() {
        return Err(ApiError::invalid("office_id: no such office"));
    }
    if let Some(existing) = agenda::get_override(&mut tx, &item.id).await? {
        actor.require_office(&existing.office_id)?;
    }
    if let Some(counter_id) = &item.counter_id {
        let counter = db::get_counter(&mut tx, slug(counter_id)?).await?;
        if counter.is_none_or(|counter| counter.office_id != item.office_id) {
            return Err(ApiError::invalid(
                "counter_id: no such counter in this office",
            ));
        }
    }
    if !agenda::put_override(&mut tx, &item).await? {
        return Err(ApiError::new(
            ProblemCode::AlreadyExists,
            "another override already covers this day",
        ));
    }
    // Agendas are cached by the feed's head: move it so they see this day change.
    db::touch_feed(&mut tx).await?;
    audit_admin(
        &mut tx,
        actor,
        "override_saved",
        Some(&item.office_id),
        format!("{} {}", item.id, item.day),
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    state.plans.invalidate();
    Ok(item)
}

/// Removes a dated override: the day goes back to the weekly hours.
#[utoipa::path(delete, path = "/api/v1/overrides/{id}", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn delete_override(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let mut tx = state.db.begin_write().await?;
    db::lock_agenda(&mut tx).await?;
    let item = agenda::get_override(&mut tx, slug(&id)?)
        .await?
        .filter(|item| actor.require_office(&item.office_id).is_ok())
        .ok_or_else(|| ApiError::not_found("no such override"))?;
    agenda::delete_override(&mut tx, &id).await?;
    db::touch_feed(&mut tx).await?;
    audit_admin(
        &mut tx,
        &actor,
        "override_deleted",
        Some(&item.office_id),
        id,
        state.clock.now().as_second(),
    )
    .await?;
    tx.commit().await?;
    state.plans.invalidate();
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OverrideFilter {
    #[param(pattern = r"^[a-z0-9-]{1,64}$")]
    office_id: String,
    #[param(value_type = String, format = Date)]
    from: Date,
    #[param(value_type = String, format = Date)]
    to: Date,
}

/// An office's dated overrides from one date to another, both included (none when `to` is
/// before `from`).
#[utoipa::path(get, path = "/api/v1/overrides", tag = "office", params(OverrideFilter),
    responses((status = 200, body = Vec<DayOverride>), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list_overrides(
    State(state): State<AppState>,
    ApiQuery(filter): ApiQuery<OverrideFilter>,
) -> Result<Json<Vec<DayOverride>>, ApiError> {
    let office_id = slug(&filter.office_id)?;
    // An office has a few dated overrides a year: any range reads little.
    let mut conn = state.db.conn().await?;
    Ok(Json(
        agenda::overrides_between(&mut conn, office_id, filter.from, filter.to).await?,
    ))
}
