//! Slot leases as stored: booking rows in status `leased` that name their kiosk, with their
//! seats claimed like any booking's, and each office's leasing policy.

use super::DbError;
use super::bookings::BookingRow;
use sportello_core::lease::LeasePolicy;
use sqlx::{AnyConnection, Row};

/// An office's policy; `None` when it leases nothing.
pub async fn policy(
    conn: &mut AnyConnection,
    office_id: &str,
) -> Result<Option<LeasePolicy>, DbError> {
    let row = sqlx::query(
        "SELECT seats, days, refill_below, ends_before_minutes, max_per_day FROM lease_policies \
         WHERE office_id = $1",
    )
    .bind(office_id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(policy_from_row).transpose()
}

fn policy_from_row(row: &sqlx::any::AnyRow) -> Result<LeasePolicy, DbError> {
    let number = |column: &str| -> Result<i64, DbError> { Ok(row.try_get(column)?) };
    let corrupt = |column: &str| DbError::Corrupt(format!("lease policy {column}"));
    Ok(LeasePolicy {
        seats: u16::try_from(number("seats")?).map_err(|_| corrupt("seats"))?,
        days: u16::try_from(number("days")?).map_err(|_| corrupt("days"))?,
        refill_below: u16::try_from(number("refill_below")?)
            .map_err(|_| corrupt("refill_below"))?,
        ends_before_minutes: u32::try_from(number("ends_before_minutes")?)
            .map_err(|_| corrupt("ends_before_minutes"))?,
        max_per_day: u16::try_from(number("max_per_day")?).map_err(|_| corrupt("max_per_day"))?,
    })
}

/// Every office that leases seats, with its policy.
pub async fn policies(conn: &mut AnyConnection) -> Result<Vec<(String, LeasePolicy)>, DbError> {
    let rows = sqlx::query(
        "SELECT office_id, seats, days, refill_below, ends_before_minutes, max_per_day \
         FROM lease_policies WHERE seats > 0 ORDER BY office_id",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("office_id")?, policy_from_row(row)?)))
        .collect()
}

pub async fn set_policy(
    conn: &mut AnyConnection,
    office_id: &str,
    policy: &LeasePolicy,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO lease_policies (office_id, seats, days, refill_below, ends_before_minutes, \
         max_per_day) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (office_id) DO UPDATE SET \
         seats = $2, days = $3, refill_below = $4, ends_before_minutes = $5, max_per_day = $6",
    )
    .bind(office_id)
    .bind(i64::from(policy.seats))
    .bind(i64::from(policy.days))
    .bind(i64::from(policy.refill_below))
    .bind(i64::from(policy.ends_before_minutes))
    .bind(i64::from(policy.max_per_day))
    .execute(conn)
    .await?;
    Ok(())
}

/// The kiosk's unused leases, soonest first.
pub async fn leases_of(
    conn: &mut AnyConnection,
    kiosk_id: &str,
) -> Result<Vec<BookingRow>, DbError> {
    super::bookings::select_where(
        conn,
        "kiosk_id = $1 AND status = 'leased' ORDER BY slot_start, code",
        kiosk_id,
    )
    .await
}

/// Turns a lease into the booking the kiosk made on it. `false` if it is no longer a lease.
pub async fn confirm_lease(
    conn: &mut AnyConnection,
    id: &str,
    person_key: &str,
    mediator_language: Option<&str>,
    issued_at: i64,
    now: i64,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE bookings SET status = 'confirmed', hold_expires_at = NULL, person_key = $2, \
         mediator_language = $3, issued_at = $4, updated_at = $5 \
         WHERE id = $1 AND status = 'leased'",
    )
    .bind(id)
    .bind(person_key)
    .bind(mediator_language)
    .bind(issued_at)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(updated == 1)
}

/// Gives leases back to the agenda: those listed (of this kiosk, still unused), or all of the
/// kiosk's when `ids` is `None`. Their seat claims go with them. Returns code and office of each.
pub async fn release(
    conn: &mut AnyConnection,
    kiosk_id: &str,
    ids: Option<&[String]>,
) -> Result<Vec<(String, String)>, DbError> {
    let mut released = Vec::new();
    match ids {
        None => {
            let rows = sqlx::query(
                "DELETE FROM bookings WHERE kiosk_id = $1 AND status = 'leased' \
                 RETURNING code, office_id",
            )
            .bind(kiosk_id)
            .fetch_all(conn)
            .await?;
            for row in &rows {
                released.push((row.try_get("code")?, row.try_get("office_id")?));
            }
        }
        Some(ids) => {
            for id in ids {
                let row = sqlx::query(
                    "DELETE FROM bookings WHERE id = $1 AND kiosk_id = $2 AND status = 'leased' \
                     RETURNING code, office_id",
                )
                .bind(id)
                .bind(kiosk_id)
                .fetch_optional(&mut *conn)
                .await?;
                if let Some(row) = row {
                    released.push((row.try_get("code")?, row.try_get("office_id")?));
                }
            }
        }
    }
    Ok(released)
}

/// Deletes the leases that ended unused. Returns code, office and kiosk of each.
pub async fn delete_expired(
    conn: &mut AnyConnection,
    now: i64,
) -> Result<Vec<(String, String, String)>, DbError> {
    let rows = sqlx::query(
        "DELETE FROM bookings WHERE status = 'leased' AND hold_expires_at <= $1 \
         RETURNING code, office_id, kiosk_id",
    )
    .bind(now)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("code")?,
                row.try_get("office_id")?,
                row.try_get::<Option<String>, _>("kiosk_id")?
                    .unwrap_or_default(),
            ))
        })
        .collect()
}

/// Seats leased at an office per day, all kiosks together.
pub async fn leased_per_day(
    conn: &mut AnyConnection,
    office_id: &str,
) -> Result<std::collections::HashMap<String, u32>, DbError> {
    let rows = sqlx::query(
        "SELECT day, COUNT(*) AS leased FROM bookings WHERE office_id = $1 AND status = 'leased' \
         GROUP BY day",
    )
    .bind(office_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let leased: i64 = row.try_get("leased")?;
            Ok((
                row.try_get("day")?,
                u32::try_from(leased).unwrap_or(u32::MAX),
            ))
        })
        .collect()
}
