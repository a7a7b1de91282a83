//! The rate limiters' cells (see `auth::limits`): one row per opaque key with its theoretical
//! arrival time in milliseconds.

use super::DbError;
use sqlx::{AnyConnection, Row};

/// Counts one attempt on `key` at `now_ms`: lets it through if the cell's arrival time is at
/// most `tolerance_ms` ahead of now, moving it on by `interval_ms`. One statement, so two
/// processes racing on the same key are ordered by the row's lock. The arrival time after it,
/// and whether it was let through.
pub async fn take(
    conn: &mut AnyConnection,
    key: &str,
    now_ms: i64,
    interval_ms: i64,
    tolerance_ms: i64,
) -> Result<(i64, bool), DbError> {
    // In an UPDATE every expression reads the row as it was, so `allowed` and `tat` are
    // decided on the same old arrival time.
    let row = sqlx::query(
        "INSERT INTO rate_limits (key, tat, allowed) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           allowed = CASE WHEN rate_limits.tat - $3 <= $4 THEN 1 ELSE 0 END, \
           tat = CASE WHEN rate_limits.tat - $3 <= $4 \
                 THEN (CASE WHEN rate_limits.tat > $3 THEN rate_limits.tat ELSE $3 END) + $5 \
                 ELSE rate_limits.tat END \
         RETURNING tat, allowed",
    )
    .bind(key)
    .bind(now_ms.saturating_add(interval_ms))
    .bind(now_ms)
    .bind(tolerance_ms)
    .bind(interval_ms)
    .fetch_one(conn)
    .await?;
    let tat: i64 = row.try_get("tat")?;
    let allowed: i64 = row.try_get("allowed")?;
    Ok((tat, allowed == 1))
}

/// Gives back one attempt on `key`: its arrival time moves back by `interval_ms`, never
/// before now.
pub async fn refund(
    conn: &mut AnyConnection,
    key: &str,
    now_ms: i64,
    interval_ms: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE rate_limits SET tat = CASE WHEN tat - $2 > $3 THEN tat - $2 ELSE $3 END \
         WHERE key = $1",
    )
    .bind(key)
    .bind(interval_ms)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Drops the cells that have nothing left to remember: their arrival time has passed, so a
/// missing row means the same.
pub async fn prune(conn: &mut AnyConnection, now_ms: i64) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM rate_limits WHERE tat < $1")
        .bind(now_ms)
        .execute(conn)
        .await?
        .rows_affected())
}
