//! Closures and extra openings from the console: what a change would hit, then the change
//! made with every hit appointment moved or cancelled, and the people told.

use super::AppState;
use super::admin::{checked_override, save_override};
use super::bookings::idempotency;
use super::error::ApiError;
use super::extract::{ApiJson, ApiPath, ApiQuery, IdempotencyHeader, NoParams, booking_code, slug};
use crate::auth::{Actor, LoggedIn};
use crate::booking::{self, BookingError, IdempotencyKey};
use crate::db::idempotency::{self as stored, IdempotencyClaim};
use crate::db::notices;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sportello_core::agenda_change::{
    ChangeImpact, ChangeOutcome, ChangePlan, Notice, NoticeStatus, PlanFailure,
};
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::booking::RescheduleRequest;
use sportello_core::model::DayOverride;
use std::collections::HashSet;

/// What saving this change of a day would do: the confirmed appointments it leaves without a
/// place, each with a proposed free slot (the first of its procedure after the day). Nothing
/// is changed.
///
/// Beyond its schema, refused with 400: an id other than the path's, time spans that overlap.
#[utoipa::path(post, path = "/api/v1/overrides/{id}/impact", tag = "office", security(("bearer" = [])),
    request_body = DayOverride,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = ChangeImpact),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn impact(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(id): ApiPath<String>,
    ApiJson(change): ApiJson<DayOverride>,
) -> Result<Json<ChangeImpact>, ApiError> {
    super::admin::check_path_id(&id, &change.id)?;
    let change = checked_override(&actor, change)?;
    Ok(Json(
        booking::change::impact(&state, &change, &change.hours).await?,
    ))
}

/// Makes a change of a day with what staff decided for every appointment it hits: each is
/// moved (to the slot given) or cancelled, and the person told why (SMS through the gateway,
/// else listed for staff to call). The change itself is saved only when every appointment it
/// hits was handled; otherwise the answer says which were not (a slot taken meanwhile, an
/// appointment booked meanwhile), and the same plan, adjusted, can be sent again.
///
/// Beyond its schema, refused with 400: an id other than the path's, an office that does not
/// exist or a counter not of that office, time spans that overlap.
#[utoipa::path(post, path = "/api/v1/overrides/{id}/apply", tag = "office", security(("bearer" = [])),
    request_body = ChangePlan,
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 200, body = ChangeOutcome),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn apply(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    header: IdempotencyHeader,
    ApiPath(id): ApiPath<String>,
    ApiJson(plan): ApiJson<ChangePlan>,
) -> Result<Json<ChangeOutcome>, ApiError> {
    super::admin::check_path_id(&id, &plan.change.id)?;
    let change = checked_override(&actor, plan.change.clone())?;
    // Every part of the plan is checked before anything is done.
    for planned in &plan.moves {
        booking_code(&planned.code)?;
        slug(&planned.office_id)?;
    }
    for code in &plan.cancellations {
        booking_code(code)?;
    }
    // The plan as a whole answers a retry with what it came to the first time.
    let whole = idempotency(&state, &actor, header.clone(), "change:apply", &id, &plan);
    {
        let mut conn = state.db.conn().await?;
        match stored::stored(&mut conn, &whole.actor, &whole.key, &whole.request_hash).await? {
            Some(IdempotencyClaim::Replay(answer)) => {
                return serde_json::from_str(&answer.body)
                    .map(Json)
                    .map_err(|err| ApiError::new(ProblemCode::Internal, err.to_string()));
            }
            Some(IdempotencyClaim::Mismatch) => {
                return Err(BookingError::IdempotencyMismatch.into());
            }
            Some(IdempotencyClaim::New) | None => {}
        }
    }
    let hit: HashSet<String> = booking::change::hit_by(&state, &change, &change.hours)
        .await?
        .into_iter()
        .map(|row| row.code)
        .collect();
    let mut outcome = ChangeOutcome {
        saved: false,
        moved: Vec::new(),
        cancelled: Vec::new(),
        failed: Vec::new(),
        unplanned: Vec::new(),
    };
    for planned in &plan.moves {
        if !hit.contains(&planned.code) {
            continue;
        }
        slug(&planned.office_id)?;
        let request = RescheduleRequest {
            office_id: planned.office_id.clone(),
            start: planned.start,
            proof: None,
        };
        let key = step_key(&state, &actor, &header, "move", &planned.code, &request);
        let moved = booking::reschedule_for_change(
            &state,
            &actor,
            &key,
            &planned.code,
            &request,
            plan.reason,
        )
        .await;
        record(&mut outcome, &planned.code, moved, true)?;
    }
    for code in &plan.cancellations {
        if !hit.contains(code) || outcome.moved.contains(code) {
            continue;
        }
        let key = step_key(&state, &actor, &header, "cancel", code, &());
        let cancelled =
            booking::cancel_with(&state, &actor, &key, code, None, Some(plan.reason)).await;
        record(&mut outcome, code, cancelled, false)?;
    }
    outcome.unplanned = hit
        .iter()
        .filter(|code| {
            !outcome.moved.contains(code)
                && !outcome.cancelled.contains(code)
                && !outcome.failed.iter().any(|failure| &failure.code == *code)
        })
        .cloned()
        .collect();
    outcome.unplanned.sort();
    // Booked meanwhile, between the check and the change: handled next time round.
    let left = booking::change::hit_by(&state, &change, &change.hours).await?;
    if outcome.failed.is_empty() && outcome.unplanned.is_empty() && left.is_empty() {
        match save_override(&state, &actor, change.clone(), true).await {
            Ok(_) => outcome.saved = true,
            Err(err) if err.code() == ProblemCode::InvalidState => {
                let again = booking::change::hit_by(&state, &change, &change.hours).await?;
                outcome
                    .unplanned
                    .extend(again.into_iter().map(|row| row.code));
            }
            Err(err) => return Err(err),
        }
    } else {
        for row in left {
            if !outcome.unplanned.contains(&row.code)
                && !outcome
                    .failed
                    .iter()
                    .any(|failure| failure.code == row.code)
            {
                outcome.unplanned.push(row.code);
            }
        }
    }
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_second();
    if let IdempotencyClaim::New =
        stored::claim(&mut tx, &whole.actor, &whole.key, &whole.request_hash, now).await?
    {
        let answer = stored::StoredResponse {
            status: 200,
            body: serde_json::to_string(&outcome)
                .map_err(|err| ApiError::new(ProblemCode::Internal, err.to_string()))?,
        };
        stored::complete(&mut tx, &whole.actor, &whole.key, &answer).await?;
    }
    tx.commit().await?;
    state.pulses.nudge();
    Ok(Json(outcome))
}

/// Sorts one step's answer into the outcome: done, or failed with its problem's code.
fn record(
    outcome: &mut ChangeOutcome,
    code: &str,
    result: Result<crate::db::idempotency::StoredResponse, BookingError>,
    moved: bool,
) -> Result<(), ApiError> {
    let problem = match result {
        Ok(stored) if (200..300).contains(&stored.status) => None,
        Ok(stored) => Some(
            serde_json::from_str::<Problem>(&stored.body)
                .map_or(ProblemCode::InvalidState, |problem| problem.code),
        ),
        Err(BookingError::Db(err)) => return Err(err.into()),
        Err(err) => Some(ApiError::from(err).code()),
    };
    match problem {
        None if moved => outcome.moved.push(code.to_owned()),
        None => outcome.cancelled.push(code.to_owned()),
        Some(problem) => outcome.failed.push(PlanFailure {
            code: code.to_owned(),
            problem,
        }),
    }
    Ok(())
}

/// Each appointment's own write goes under a key made from the plan's: a retried plan
/// replays what was done and does the rest.
fn step_key(
    state: &AppState,
    actor: &Actor,
    plan: &IdempotencyHeader,
    what: &str,
    code: &str,
    body: &impl serde::Serialize,
) -> IdempotencyKey {
    let key = IdempotencyHeader(format!("{}:{what}:{code}", plan.0));
    idempotency(
        state,
        actor,
        key,
        &format!("change:{what}:{code}"),
        code,
        body,
    )
}

/// The office's messages about changes not yet delivered: waiting for the SMS gateway, or for
/// staff to call (no gateway, or it kept refusing), oldest first. With the people's numbers:
/// the office's staff and administrators only.
#[utoipa::path(get, path = "/api/v1/offices/{id}/notices", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = Vec<Notice>),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn open_notices(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(office_id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Vec<Notice>>, ApiError> {
    slug(&office_id)?;
    actor.require_office(&office_id)?;
    let mut conn = state.db.conn().await?;
    Ok(Json(notices::open_of_office(&mut conn, &office_id).await?))
}

/// Staff called the person: the message leaves the list. Saying it again answers the same.
#[utoipa::path(post, path = "/api/v1/offices/{id}/notices/{notice_id}/called", tag = "office",
    security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"),
        ("notice_id" = i64, Path, minimum = 1)),
    responses((status = 204),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn called(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath((office_id, notice_id)): ApiPath<(String, i64)>,
    _: ApiQuery<NoParams>,
) -> Result<StatusCode, ApiError> {
    slug(&office_id)?;
    let user = actor.require_office(&office_id)?;
    let mut tx = state.db.begin_write().await?;
    let now = state.clock.now().as_second();
    if !notices::set_status(
        &mut tx,
        notice_id,
        Some(&office_id),
        NoticeStatus::Called,
        now,
    )
    .await?
    {
        return Err(ApiError::not_found("no such message for this office"));
    }
    crate::db::audit::record(
        &mut tx,
        &crate::db::audit::AuditEntry {
            at: now,
            actor: Actor::User(user.clone()).label(),
            action: "notice_called".to_owned(),
            booking_code: None,
            office_id: Some(office_id),
            organization_id: None,
            detail: format!("notice {notice_id}"),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
