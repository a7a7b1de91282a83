//! What the office did to bookings (moved, cancelled, and why), and the messages that tell
//! the people.

use super::DbError;
use sportello_core::agenda_change::{ChangeReason, Notice, NoticeStatus};
use sqlx::{AnyConnection, Row};

/// Records that the office moved or cancelled a booking, for `reason`.
pub async fn record_change(
    conn: &mut AnyConnection,
    booking_id: &str,
    kind: &str,
    reason: ChangeReason,
    at: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO office_changes (booking_id, kind, reason, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(booking_id)
    .bind(kind)
    .bind(reason.as_str())
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The office's latest change to a booking: its kind, reason and time.
pub async fn last_change(
    conn: &mut AnyConnection,
    booking_id: &str,
) -> Result<Option<(String, ChangeReason, i64)>, DbError> {
    let row = sqlx::query(
        "SELECT kind, reason, at FROM office_changes WHERE booking_id = $1 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(booking_id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let reason: String = row.try_get("reason")?;
    let reason = ChangeReason::parse(&reason)
        .ok_or_else(|| DbError::Corrupt(format!("change reason {reason:?}")))?;
    Ok(Some((row.try_get("kind")?, reason, row.try_get("at")?)))
}

/// What a new message records.
pub struct NewNotice<'a> {
    pub booking_id: &'a str,
    pub office_id: &'a str,
    pub code: &'a str,
    pub phone: &'a str,
    pub text: &'a str,
    pub status: NoticeStatus,
    pub at: i64,
}

pub async fn insert(conn: &mut AnyConnection, notice: &NewNotice<'_>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO notices (booking_id, office_id, code, phone, text, status, next_attempt_at, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(notice.booking_id)
    .bind(notice.office_id)
    .bind(notice.code)
    .bind(notice.phone)
    .bind(notice.text)
    .bind(notice.status.as_str())
    .bind(notice.at)
    .execute(conn)
    .await?;
    Ok(())
}

const NOTICE_COLUMNS: &str = "id, code, phone, text, status, created_at, attempts";

fn notice_from_row(row: &sqlx::any::AnyRow) -> Result<(Notice, i64), DbError> {
    let status: String = row.try_get("status")?;
    let created_at: i64 = row.try_get("created_at")?;
    Ok((
        Notice {
            id: row.try_get("id")?,
            code: row.try_get("code")?,
            phone: row.try_get("phone")?,
            text: row.try_get("text")?,
            status: NoticeStatus::parse(&status)
                .ok_or_else(|| DbError::Corrupt(format!("notice status {status:?}")))?,
            created_at: jiff::Timestamp::from_second(created_at)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
        },
        row.try_get("attempts")?,
    ))
}

/// An office's messages not yet delivered by SMS nor called, oldest first.
pub async fn open_of_office(
    conn: &mut AnyConnection,
    office_id: &str,
) -> Result<Vec<Notice>, DbError> {
    let sql = format!(
        "SELECT {NOTICE_COLUMNS} FROM notices WHERE office_id = $1 \
         AND status IN ('pending', 'to_call') ORDER BY id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(office_id)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|row| notice_from_row(row).map(|(notice, _)| notice))
        .collect()
}

/// Messages due for the gateway, with how many times each was tried.
pub async fn due(
    conn: &mut AnyConnection,
    now: i64,
    limit: i64,
) -> Result<Vec<(Notice, i64)>, DbError> {
    let sql = format!(
        "SELECT {NOTICE_COLUMNS} FROM notices WHERE status = 'pending' AND next_attempt_at <= $1 \
         ORDER BY id LIMIT $2"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    rows.iter().map(notice_from_row).collect()
}

/// Sets a message's status: after a try by the gateway (`office_id` `None`: only while it is
/// still pending, so staff's "called" is never overwritten), or once staff called
/// (`office_id`: the office's own). A message sent or called keeps no phone number.
/// `false` if there is no such message.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    office_id: Option<&str>,
    status: NoticeStatus,
    next_attempt_at: i64,
) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE notices SET status = $2, attempts = attempts + 1, next_attempt_at = $3, \
         phone = CASE WHEN $2 IN ('sent', 'called') THEN '' ELSE phone END \
         WHERE id = $1 AND (($4 IS NULL AND status = 'pending') OR office_id = $4)",
    )
    .bind(id)
    .bind(status.as_str())
    .bind(next_attempt_at)
    .bind(office_id)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}
