//! An office's numbers over HTTP: JSON for the console's charts, CSV for a spreadsheet.

use super::AppState;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery, slug};
use crate::auth::LoggedIn;
use crate::booking::stats;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::office_stats::{Counts, MAX_STATS_DAYS, OfficeStats};
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SpanParams {
    /// First day (YYYY-MM-DD); default the Monday of this week.
    #[param(value_type = Option<String>, format = Date)]
    from: Option<Date>,
    /// Last day, included; default six days after `from`. At most a year after it.
    #[param(value_type = Option<String>, format = Date)]
    to: Option<Date>,
}

fn span(state: &AppState, params: &SpanParams) -> Result<(Date, Date), ApiError> {
    let today = sportello_core::calendar::local_date(state.clock.now());
    let back = i64::from(today.weekday().to_monday_zero_offset());
    let monday = today
        .checked_sub(jiff::Span::new().days(back))
        .unwrap_or(today);
    let from = params.from.unwrap_or(monday);
    let to = match params.to {
        Some(to) => to,
        None => from
            .checked_add(jiff::Span::new().days(6))
            .map_err(|_| ApiError::invalid("from: too far"))?,
    };
    let days = (to - from).get_days();
    if days < 0 {
        return Err(ApiError::invalid("to: before from"));
    }
    if i64::from(days) >= MAX_STATS_DAYS {
        return Err(ApiError::invalid("to: at most a year after from"));
    }
    Ok((from, to))
}

/// An office's numbers over a span of days (default: this week): appointments booked,
/// checked in, served, absent, no-shows, cancelled, by day, procedure and channel; the wait
/// from check-in to call and the time at the counter; each procedure's first free slot.
///
/// Beyond its schema, refused with 400: `to` before `from`, or more than a year after it.
#[utoipa::path(get, path = "/api/v1/offices/{id}/stats", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"), SpanParams),
    responses((status = 200, body = OfficeStats),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn office_stats(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(office_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<SpanParams>,
) -> Result<Json<OfficeStats>, ApiError> {
    slug(&office_id)?;
    let (from, to) = span(&state, &params)?;
    Ok(Json(
        stats::office_stats(&state, &actor, &office_id, from, to).await?,
    ))
}

/// The same numbers as a CSV sheet: one line per day, procedure and channel, and the total.
///
/// Beyond its schema, refused with 400: `to` before `from`, or more than a year after it.
#[utoipa::path(get, path = "/api/v1/offices/{id}/stats.csv", tag = "office", security(("bearer" = [])),
    params(("id" = String, Path, pattern = r"^[a-z0-9-]{1,64}$"), SpanParams),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn office_stats_csv(
    State(state): State<AppState>,
    LoggedIn(actor): LoggedIn,
    ApiPath(office_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<SpanParams>,
) -> Result<Response, ApiError> {
    slug(&office_id)?;
    let (from, to) = span(&state, &params)?;
    let numbers = stats::office_stats(&state, &actor, &office_id, from, to).await?;
    let sheet =
        sheet(&numbers).map_err(|err| ApiError::new(ProblemCode::Internal, err.to_string()))?;
    let mut response = sheet.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"numeri-{office_id}-{from}-{to}.csv\""
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

fn sheet(numbers: &OfficeStats) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record([
        "tipo",
        "chiave",
        "prenotati",
        "accettati",
        "serviti",
        "assenti",
        "non presentati",
        "annullati",
    ])?;
    let mut line = |kind: &str, key: &str, counts: &Counts| {
        out.write_record([
            kind.to_owned(),
            key.to_owned(),
            counts.booked.to_string(),
            counts.checked_in.to_string(),
            counts.served.to_string(),
            counts.absent.to_string(),
            counts.no_show.to_string(),
            counts.cancelled.to_string(),
        ])
    };
    for day in &numbers.by_day {
        line("giorno", &day.day.to_string(), &day.counts)?;
    }
    for procedure in &numbers.by_procedure {
        line("pratica", &procedure.key, &procedure.counts)?;
    }
    for channel in &numbers.by_channel {
        line("canale", &channel.key, &channel.counts)?;
    }
    line("totale", "", &numbers.total)?;
    out.into_inner().map_err(|err| err.into_error().into())
}
