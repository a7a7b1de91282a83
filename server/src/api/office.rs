//! The office's day over HTTP: the agenda (JSON and CSV), the check-in desk, calling, the
//! waiting room's board, and the stream that tells consoles and displays of changes.

use super::AppState;
use super::bookings::{idempotency, stored_response};
use super::client_addr::ClientAddr;
use super::error::ApiError;
use super::extract::{ApiJson, ApiPath, ApiQuery, IdempotencyHeader, NoParams, booking_code, slug};
use crate::auth::{Actor, LoggedIn};
use crate::booking::day;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use jiff::civil::Date;
use serde::Deserialize;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::office::{
    AgendaEntry, Board, Call, CallOutcome, OfficeAgenda, ScanOutcome, ScanRequest, WalkInRequest,
};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DayParams {
    /// The day (YYYY-MM-DD); default today.
    #[param(value_type = Option<String>, format = Date)]
    day: Option<Date>,
}

fn day_or_today(state: &AppState, day: Option<Date>) -> Date {
    day.unwrap_or_else(|| sportello_core::calendar::local_date(state.clock.now()))
}

/// An office's appointments of a day in time order, with the people, the channel each came
/// through, and where each stands (waiting, called, served…). Its staff and administrators.
#[utoipa::path(get, path = "/api/v1/offices/{id}/agenda", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"), DayParams),
    responses((status = 200, body = OfficeAgenda),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn agenda(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(office_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<DayParams>,
) -> Result<Json<OfficeAgenda>, ApiError> {
    slug(&office_id)?;
    let today = day_or_today(&state, None);
    let day = params.day.unwrap_or(today);
    let entries = day::agenda(&state, &actor, &office_id, day).await?;
    Ok(Json(OfficeAgenda {
        office_id,
        day,
        today,
        now: state.clock.now(),
        entries,
    }))
}

/// The same agenda as a CSV sheet (UTF-8, comma-separated, one appointment per line).
#[utoipa::path(get, path = "/api/v1/offices/{id}/agenda.csv", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"), DayParams),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn agenda_csv(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(office_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<DayParams>,
) -> Result<Response, ApiError> {
    slug(&office_id)?;
    let day = day_or_today(&state, params.day);
    let entries = day::agenda(&state, &actor, &office_id, day).await?;
    let mut conn = state.db.conn().await?;
    let procedures = crate::db::list_procedures(&mut conn, Some(&office_id)).await?;
    let counters = crate::db::list_counters(&mut conn, Some(&office_id)).await?;
    drop(conn);
    let sheet = super::office_csv::agenda_sheet(&entries, &procedures, &counters)
        .map_err(|err| ApiError::new(ProblemCode::Internal, err.to_string()))?;
    let mut response = sheet.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let disposition = format!("attachment; filename=\"agenda-{office_id}-{day}.csv\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// What the check-in desk's scanner read: a receipt's address, a receipt token, or a
/// booking code typed by hand. A receipt that is fine checks the person in (scanning it again
/// gives the same number); anything else is answered with the reason, never as an error.
#[utoipa::path(post, path = "/api/v1/offices/{id}/desk/scan", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    request_body = ScanRequest,
    responses((status = 200, body = ScanOutcome),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn scan(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(office_id): ApiPath<String>,
    ApiJson(request): ApiJson<ScanRequest>,
) -> Result<Json<ScanOutcome>, ApiError> {
    slug(&office_id)?;
    if request.scan.chars().count() > 2048 {
        return Err(ApiError::invalid("scan: too long"));
    }
    let outcome = day::scan(&state, &actor, &office_id, &request.scan).await?;
    state.pulses.nudge();
    Ok(Json(outcome))
}

/// A queue number for a person without an appointment, for one of the office's procedures,
/// where the office gives them (409 where it does not). The same key again gives the same
/// number.
#[utoipa::path(post, path = "/api/v1/offices/{id}/desk/walk-in", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    request_body = WalkInRequest,
    responses((status = 201, body = AgendaEntry),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn walk_in(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    header: IdempotencyHeader,
    ApiPath(office_id): ApiPath<String>,
    ApiJson(request): ApiJson<WalkInRequest>,
) -> Result<Response, ApiError> {
    slug(&office_id)?;
    slug(&request.procedure_id)?;
    let route = format!("walk-in:{office_id}");
    let key = idempotency(&state, &actor, header, &route, &office_id, &request);
    let answer =
        crate::booking::walk_in::walk_in(&state, &actor, &key, &office_id, &request.procedure_id)
            .await?;
    state.pulses.nudge();
    Ok(stored_response(answer))
}

/// Calls the next person to a counter: those checked in for its appointments, in the order
/// of their time, then the walk-ins for its procedures. `null` when nobody is waiting.
#[utoipa::path(post, path = "/api/v1/offices/{id}/counters/{counter_id}/call-next", tag = "office",
    security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"),
        ("counter_id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 200, body = Option<Call>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn call_next(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    header: IdempotencyHeader,
    ApiPath((office_id, counter_id)): ApiPath<(String, String)>,
) -> Result<Response, ApiError> {
    slug(&office_id)?;
    slug(&counter_id)?;
    let route = format!("call-next:{office_id}:{counter_id}");
    let key = idempotency(&state, &actor, header, &route, &counter_id, &());
    let answer = day::call_next(&state, &actor, &key, &office_id, &counter_id).await?;
    state.pulses.nudge();
    Ok(stored_response(answer))
}

/// Calls the person again, at the counter that called them.
#[utoipa::path(post, path = "/api/v1/bookings/{code}/recall", tag = "office", security(("bearer" = [])),
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$"),
        ("Idempotency-Key" = String, Header, pattern = r"^[A-Za-z0-9_-]{8,128}$", description = "A fresh UUID per attempt; reuse it to retry")),
    responses((status = 200, body = Call),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn recall(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    header: IdempotencyHeader,
    ApiPath(code): ApiPath<String>,
) -> Result<Response, ApiError> {
    let code = booking_code(&code)?;
    let route = format!("recall:{code}");
    let key = idempotency(&state, &actor, header, &route, &code, &());
    let answer = day::recall(&state, &actor, &key, &code).await?;
    state.pulses.nudge();
    Ok(stored_response(answer))
}

/// Marks the person called as served (the time since the call is recorded).
#[utoipa::path(post, path = "/api/v1/bookings/{code}/served", tag = "office", security(("bearer" = [])),
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$")),
    responses((status = 200, body = AgendaEntry),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn served(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(code): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<AgendaEntry>, ApiError> {
    finish(state, actor, code, CallOutcome::Served).await
}

/// Marks the person called as absent: they did not come to the counter.
#[utoipa::path(post, path = "/api/v1/bookings/{code}/absent", tag = "office", security(("bearer" = [])),
    params(("code" = String, Path, pattern = r"^[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}-?[ACDEFHJKMNPRTUVWXY3479acdefhjkmnprtuvwxy]{4}$")),
    responses((status = 200, body = AgendaEntry),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn absent(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(code): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<AgendaEntry>, ApiError> {
    finish(state, actor, code, CallOutcome::Absent).await
}

async fn finish(
    state: AppState,
    actor: Actor,
    code: String,
    outcome: CallOutcome,
) -> Result<Json<AgendaEntry>, ApiError> {
    let code = booking_code(&code)?;
    let entry = day::finish(&state, &actor, &code, outcome).await?;
    state.pulses.nudge();
    Ok(Json(entry))
}

/// The waiting room's board: today's latest calls, newest first (numbers and counters only).
#[utoipa::path(get, path = "/api/v1/offices/{id}/board", tag = "office",
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, body = Board),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn board(
    State(state): State<AppState>,
    ApiPath(office_id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Json<Board>, ApiError> {
    slug(&office_id)?;
    Ok(Json(day::board(&state, &office_id).await?))
}

/// How often a quiet stream says it is alive: a display that hears nothing for a few of these
/// shows that it is stale.
const PING_EVERY: Duration = Duration::from_secs(5);

/// Server-sent events for an office: `board` (the board, at once and whenever it changes),
/// `agenda` (the office's bookings changed: read the agenda again; no data about them),
/// `ping` (every few seconds). Public, like the board: nothing personal is sent.
#[utoipa::path(get, path = "/api/v1/offices/{id}/events", tag = "office",
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$")),
    responses((status = 200, content_type = "text/event-stream", body = OfficeEvent),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn events(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    ApiPath(office_id): ApiPath<String>,
    _: ApiQuery<NoParams>,
) -> Result<Response, ApiError> {
    slug(&office_id)?;
    let admission = state
        .pulses
        .admit(crate::auth::limits::address_key(address))
        .ok_or_else(|| {
            ApiError::new(ProblemCode::Unavailable, "too many screens follow offices")
        })?;
    let first = day::board(&state, &office_id).await?;
    let follow = Follow {
        pulse: state.pulses.follow(&office_id),
        closing: state.pulses.closing(),
        pending: VecDeque::from([board_event(&first)]),
        board: first,
        ping: tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY),
        clock: state.clock.clone(),
        _admission: admission,
    };
    let mut response = Sse::new(stream(follow))
        .keep_alive(KeepAlive::default())
        .into_response();
    // Proxies must pass each event on as it comes.
    response
        .headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// One event of an office's stream, as the document describes it (the stream writes them).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct OfficeEvent {
    /// `board`, `agenda` or `ping`.
    #[schema(pattern = "^(board|agenda|ping)$")]
    event: String,
    /// For `board`, the board as JSON; for `agenda`, a counter that moves; for `ping`, the
    /// server's time.
    data: String,
}

/// One screen following an office. It reads nothing itself: the pulse brings the board.
struct Follow {
    pulse: tokio::sync::watch::Receiver<crate::pulse::OfficeState>,
    closing: tokio::sync::watch::Receiver<bool>,
    board: Board,
    pending: VecDeque<Event>,
    ping: tokio::time::Interval,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    _admission: crate::pulse::Admission,
}

fn board_event(board: &Board) -> Event {
    Event::default()
        .event("board")
        .json_data(board)
        .unwrap_or_else(|_| Event::default().event("board"))
}

fn stream(follow: Follow) -> impl Stream<Item = Result<Event, Infallible>> {
    futures_util::stream::unfold(follow, |mut follow| async move {
        loop {
            if let Some(event) = follow.pending.pop_front() {
                return Some((Ok(event), follow));
            }
            if *follow.closing.borrow() {
                return None;
            }
            tokio::select! {
                changed = follow.pulse.changed() => {
                    changed.ok()?;
                    let now = follow.pulse.borrow_and_update().clone();
                    follow.pending.push_back(
                        Event::default().event("agenda").data(now.version.to_string()),
                    );
                    if let Some(board) = now.board.filter(|board| *board != follow.board) {
                        follow.pending.push_back(board_event(&board));
                        follow.board = board;
                    }
                }
                _ = follow.closing.changed() => return None,
                _ = follow.ping.tick() => {
                    let now = follow.clock.now().to_string();
                    follow.pending.push_back(Event::default().event("ping").data(now));
                }
            }
        }
    })
}
