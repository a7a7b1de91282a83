//! The audit log: who did what, when, naming bookings by code only.

use super::DbError;
use sqlx::{AnyConnection, Row};

pub use sportello_core::office::AuditEntry;

pub async fn record(conn: &mut AnyConnection, entry: &AuditEntry) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, booking_code, office_id, organization_id, \
         detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(entry.at)
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(entry.booking_code.as_deref())
    .bind(entry.office_id.as_deref())
    .bind(entry.organization_id.as_deref())
    .bind(&entry.detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// The latest audit lines about one booking, or one office, newest first.
pub async fn trail(
    conn: &mut AnyConnection,
    booking_code: Option<&str>,
    office_id: Option<&str>,
    limit: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    let rows = sqlx::query(
        "SELECT at, actor, action, booking_code, office_id, organization_id, detail \
         FROM audit_log WHERE ($1 IS NULL OR booking_code = $1) AND ($2 IS NULL OR office_id = $2) \
         ORDER BY id DESC LIMIT $3",
    )
    .bind(booking_code)
    .bind(office_id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(AuditEntry {
                at: row.try_get("at")?,
                actor: row.try_get("actor")?,
                action: row.try_get("action")?,
                booking_code: row.try_get("booking_code")?,
                office_id: row.try_get("office_id")?,
                organization_id: row.try_get("organization_id")?,
                detail: row.try_get("detail")?,
            })
        })
        .collect()
}
