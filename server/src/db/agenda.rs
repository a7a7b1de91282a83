//! Dated overrides of opening hours.

use super::DbError;
use super::reference::{from_json, to_json};
use jiff::civil::Date;
use sportello_core::model::DayOverride;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

fn override_from_row(row: &AnyRow) -> Result<DayOverride, DbError> {
    let day: String = row.try_get("day")?;
    Ok(DayOverride {
        id: row.try_get("id")?,
        office_id: row.try_get("office_id")?,
        counter_id: row.try_get("counter_id")?,
        day: day
            .parse()
            .map_err(|_| DbError::Corrupt(format!("override day {day:?}")))?,
        hours: from_json(&row.try_get::<String, _>("hours")?)?,
        reason: row.try_get("reason")?,
    })
}

/// Saves an override by id. `false` if another override already covers that scope and day.
pub async fn put_override(conn: &mut AnyConnection, item: &DayOverride) -> Result<bool, DbError> {
    sqlx::query("DELETE FROM day_overrides WHERE id = $1")
        .bind(&item.id)
        .execute(&mut *conn)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO day_overrides (id, office_id, counter_id, day, hours, reason) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&item.id)
    .bind(&item.office_id)
    .bind(item.counter_id.as_deref())
    .bind(item.day.to_string())
    .bind(to_json(&item.hours))
    .bind(&item.reason)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

pub async fn get_override(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<DayOverride>, DbError> {
    let row = sqlx::query(
        "SELECT id, office_id, counter_id, day, hours, reason FROM day_overrides WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(override_from_row).transpose()
}

pub async fn delete_override(conn: &mut AnyConnection, id: &str) -> Result<bool, DbError> {
    Ok(sqlx::query("DELETE FROM day_overrides WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected()
        == 1)
}

/// An office's overrides (its own and its counters') between two dates, inclusive.
pub async fn overrides_between(
    conn: &mut AnyConnection,
    office_id: &str,
    from: Date,
    to: Date,
) -> Result<Vec<DayOverride>, DbError> {
    // ISO dates compare as text in both databases.
    let rows = sqlx::query(
        "SELECT id, office_id, counter_id, day, hours, reason FROM day_overrides \
         WHERE office_id = $1 AND day >= $2 AND day <= $3 ORDER BY day, id",
    )
    .bind(office_id)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    rows.iter().map(override_from_row).collect()
}

/// Every override of an office (its own and its counters'). A few dozen a year.
pub async fn overrides_of(
    conn: &mut AnyConnection,
    office_id: &str,
) -> Result<Vec<DayOverride>, DbError> {
    let rows = sqlx::query(
        "SELECT id, office_id, counter_id, day, hours, reason FROM day_overrides \
         WHERE office_id = $1 ORDER BY day, id",
    )
    .bind(office_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(override_from_row).collect()
}
