//! Idempotency records: a write's answer stored under its key, in the write's own
//! transaction, so a retry gets the first answer and never acts twice.

use super::DbError;
use sqlx::{AnyConnection, Row};

/// A stored answer to a write, replayed for a retry with the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

pub enum IdempotencyClaim {
    /// First time this key is seen: go ahead (the claim commits with the write).
    New,
    /// Seen and done: answer this.
    Replay(StoredResponse),
    /// Seen with a different request.
    Mismatch,
}

/// Claims an idempotency key inside the write's transaction. A concurrent request with the
/// same key waits for this transaction (PostgreSQL's unique index; SQLite's write lock) and
/// then replays its answer.
pub async fn claim(
    conn: &mut AnyConnection,
    actor: &str,
    key: &str,
    request_hash: &str,
    now: i64,
) -> Result<IdempotencyClaim, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO idempotency (actor, key, request_hash, status, response, created_at) \
         VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT (actor, key) DO NOTHING",
    )
    .bind(actor)
    .bind(key)
    .bind(request_hash)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(IdempotencyClaim::New);
    }
    let row = sqlx::query(
        "SELECT request_hash, status, response FROM idempotency WHERE actor = $1 AND key = $2",
    )
    .bind(actor)
    .bind(key)
    .fetch_one(conn)
    .await?;
    let stored_hash: String = row.try_get("request_hash")?;
    if stored_hash != request_hash {
        return Ok(IdempotencyClaim::Mismatch);
    }
    let status: i64 = row.try_get("status")?;
    Ok(IdempotencyClaim::Replay(StoredResponse {
        status: u16::try_from(status).unwrap_or(500),
        body: row.try_get("response")?,
    }))
}

/// What a key stands for, without claiming it: `None` if unused (or still being written by a
/// concurrent transaction).
pub async fn stored(
    conn: &mut AnyConnection,
    actor: &str,
    key: &str,
    request_hash: &str,
) -> Result<Option<IdempotencyClaim>, DbError> {
    let row = sqlx::query(
        "SELECT request_hash, status, response FROM idempotency WHERE actor = $1 AND key = $2",
    )
    .bind(actor)
    .bind(key)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let stored_hash: String = row.try_get("request_hash")?;
    if stored_hash != request_hash {
        return Ok(Some(IdempotencyClaim::Mismatch));
    }
    let status: i64 = row.try_get("status")?;
    if status == 0 {
        return Ok(None);
    }
    Ok(Some(IdempotencyClaim::Replay(StoredResponse {
        status: u16::try_from(status).unwrap_or(500),
        body: row.try_get("response")?,
    })))
}

pub async fn complete(
    conn: &mut AnyConnection,
    actor: &str,
    key: &str,
    response: &StoredResponse,
) -> Result<(), DbError> {
    sqlx::query("UPDATE idempotency SET status = $3, response = $4 WHERE actor = $1 AND key = $2")
        .bind(actor)
        .bind(key)
        .bind(i64::from(response.status))
        .bind(&response.body)
        .execute(conn)
        .await?;
    Ok(())
}
