//! Calls at the counters, and the pulse of changes to each office's bookings.

use super::DbError;
use sportello_core::office::WALK_IN;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// A call as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
    pub id: i64,
    pub booking_id: String,
    pub counter_id: String,
    pub queue_number: i64,
    pub called_at: i64,
    pub ended_at: Option<i64>,
    pub outcome: Option<String>,
}

const CALL_COLUMNS: &str = "id, booking_id, counter_id, queue_number, called_at, ended_at, outcome";

fn call_from_row(row: &sqlx::any::AnyRow) -> Result<CallRow, DbError> {
    Ok(CallRow {
        id: row.try_get("id")?,
        booking_id: row.try_get("booking_id")?,
        counter_id: row.try_get("counter_id")?,
        queue_number: row.try_get("queue_number")?,
        called_at: row.try_get("called_at")?,
        ended_at: row.try_get("ended_at")?,
        outcome: row.try_get("outcome")?,
    })
}

/// What a new call records.
pub struct NewCall<'a> {
    pub office_id: &'a str,
    pub day: &'a str,
    pub counter_id: &'a str,
    pub booking_id: &'a str,
    pub queue_number: i64,
    pub at: i64,
    pub actor: &'a str,
}

pub async fn insert(conn: &mut AnyConnection, call: &NewCall<'_>) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO calls (office_id, day, counter_id, booking_id, queue_number, called_at, \
         actor) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(call.office_id)
    .bind(call.day)
    .bind(call.counter_id)
    .bind(call.booking_id)
    .bind(call.queue_number)
    .bind(call.at)
    .bind(call.actor)
    .fetch_one(conn)
    .await?)
}

/// Every call of an office's day, oldest first.
pub async fn of_day(
    conn: &mut AnyConnection,
    office_id: &str,
    day: &str,
) -> Result<Vec<CallRow>, DbError> {
    let sql =
        format!("SELECT {CALL_COLUMNS} FROM calls WHERE office_id = $1 AND day = $2 ORDER BY id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(office_id)
        .bind(day)
        .fetch_all(conn)
        .await?;
    rows.iter().map(call_from_row).collect()
}

/// The latest `limit` calls of an office's day, newest first.
pub async fn latest(
    conn: &mut AnyConnection,
    office_id: &str,
    day: &str,
    limit: i64,
) -> Result<Vec<CallRow>, DbError> {
    let sql = format!(
        "SELECT {CALL_COLUMNS} FROM calls WHERE office_id = $1 AND day = $2 \
         ORDER BY id DESC LIMIT $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(office_id)
        .bind(day)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    rows.iter().map(call_from_row).collect()
}

/// The latest call of a booking, if any.
pub async fn last_of(
    conn: &mut AnyConnection,
    booking_id: &str,
) -> Result<Option<CallRow>, DbError> {
    let sql =
        format!("SELECT {CALL_COLUMNS} FROM calls WHERE booking_id = $1 ORDER BY id DESC LIMIT 1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(booking_id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(call_from_row).transpose()
}

/// The latest call made at a counter today, if any.
pub async fn last_at_counter(
    conn: &mut AnyConnection,
    counter_id: &str,
    day: &str,
) -> Result<Option<CallRow>, DbError> {
    let sql = format!(
        "SELECT {CALL_COLUMNS} FROM calls WHERE counter_id = $1 AND day = $2 \
         ORDER BY id DESC LIMIT 1"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(counter_id)
        .bind(day)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(call_from_row).transpose()
}

/// The id of the next person a counter calls: among the office's people checked in today
/// and not called yet, the appointments at this counter in the order of their time, then
/// the walk-ins for a procedure it serves in the order they came.
pub async fn next_waiting(
    conn: &mut AnyConnection,
    office_id: &str,
    counter_id: &str,
    day: &str,
) -> Result<Option<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT b.id FROM bookings b WHERE b.office_id = $1 AND b.day = $3 \
         AND b.status = 'checked_in' \
         AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.booking_id = b.id) \
         AND (b.counter_id = $2 OR (b.booked_by LIKE $4 AND EXISTS (SELECT 1 \
             FROM procedure_counters p WHERE p.procedure_id = b.procedure_id \
             AND p.counter_id = $2))) \
         ORDER BY CASE WHEN b.booked_by LIKE $4 THEN 1 ELSE 0 END, b.slot_start, \
         b.queue_number LIMIT 1",
    )
    .bind(office_id)
    .bind(counter_id)
    .bind(day)
    .bind(format!("{WALK_IN}:%"))
    .fetch_optional(conn)
    .await?)
}

/// Ends a call with its outcome; `false` if it had ended already.
pub async fn end(
    conn: &mut AnyConnection,
    id: i64,
    outcome: &str,
    at: i64,
) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE calls SET outcome = $2, ended_at = $3 WHERE id = $1 AND outcome IS NULL",
    )
    .bind(id)
    .bind(outcome)
    .bind(at)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Where each office's bookings stand in the pulse: a value that changes whenever one of
/// them changes (the count catches a pulse committed late with a lower id than the newest).
pub async fn pulses(
    conn: &mut AnyConnection,
    office_ids: &[String],
) -> Result<HashMap<String, (i64, i64)>, DbError> {
    let mut out = HashMap::new();
    for office_id in office_ids {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top FROM booking_pulses \
             WHERE office_id = $1",
        )
        .bind(office_id)
        .fetch_one(&mut *conn)
        .await?;
        out.insert(office_id.clone(), (row.try_get("n")?, row.try_get("top")?));
    }
    Ok(out)
}

/// Keeps the pulse short: followers compare counts, never read old rows.
pub async fn prune_pulses(conn: &mut AnyConnection, keep: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM booking_pulses WHERE id <= (SELECT MAX(id) FROM booking_pulses) - $1")
        .bind(keep)
        .execute(conn)
        .await?;
    Ok(())
}
