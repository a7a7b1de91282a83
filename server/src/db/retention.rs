//! What time ends: expired holds, personal data past retention, expired sessions and old
//! idempotency records.

use super::DbError;
use sqlx::{AnyConnection, Row};

/// Deletes holds that expired (their claims go with them). Returns the codes and offices.
pub async fn delete_expired_holds(
    conn: &mut AnyConnection,
    now: i64,
) -> Result<Vec<(String, String)>, DbError> {
    let rows = sqlx::query(
        "DELETE FROM bookings WHERE status = 'held' AND hold_expires_at <= $1 \
         RETURNING code, office_id",
    )
    .bind(now)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("code")?, row.try_get("office_id")?)))
        .collect()
}

/// Deletes the personal data of bookings whose appointment ended before `cutoff`. Returns the
/// codes and offices concerned.
pub async fn purge_people(
    conn: &mut AnyConnection,
    cutoff: i64,
) -> Result<Vec<(String, String)>, DbError> {
    let rows = sqlx::query(
        "SELECT b.code, b.office_id FROM bookings b \
         WHERE b.slot_end < $1 AND (b.person_key IS NOT NULL \
         OR EXISTS (SELECT 1 FROM booking_people p WHERE p.booking_id = b.id))",
    )
    .bind(cutoff)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query(
        "DELETE FROM booking_people WHERE booking_id IN \
         (SELECT id FROM bookings WHERE slot_end < $1)",
    )
    .bind(cutoff)
    .execute(&mut *conn)
    .await?;
    // Phone numbers in messages about changes go with the rest of the person's data.
    sqlx::query(
        "DELETE FROM notices WHERE booking_id IN (SELECT id FROM bookings WHERE slot_end < $1)",
    )
    .bind(cutoff)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE bookings SET person_key = NULL WHERE slot_end < $1 AND person_key IS NOT NULL",
    )
    .bind(cutoff)
    .execute(conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("code")?, row.try_get("office_id")?)))
        .collect()
}

pub async fn purge_old_records(
    conn: &mut AnyConnection,
    now: i64,
    idempotency_cutoff: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM idempotency WHERE created_at < $1")
        .bind(idempotency_cutoff)
        .execute(conn)
        .await?;
    Ok(())
}
