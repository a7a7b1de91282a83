//! Kiosk devices: registration, one-time enrolment codes, challenges and short-lived tokens.
//! Codes and tokens are stored as SHA-256 hashes: a copy of the database enrols and logs in
//! no one.

use super::DbError;
use sportello_core::device::{KioskInfo, NewKiosk};
use sportello_core::receipt::KioskRevocation;
use sqlx::{AnyConnection, Row};

/// A kiosk as the authentication code needs it.
pub struct StoredKiosk {
    pub id: String,
    pub comune_istat: String,
    pub public_key: Option<String>,
    pub revoked: bool,
    /// The feed head its leases were last checked against the agenda at.
    pub leases_version: Option<i64>,
}

/// Registers a kiosk, not yet enrolled; `false` if the id is taken.
pub async fn create_kiosk(
    conn: &mut AnyConnection,
    kiosk: &NewKiosk,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO kiosks (id, place, comune_istat, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&kiosk.kiosk_id)
    .bind(&kiosk.place)
    .bind(&kiosk.comune_istat)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

pub async fn find_kiosk(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<StoredKiosk>, DbError> {
    let row = sqlx::query(
        "SELECT id, comune_istat, public_key, revoked, leases_version FROM kiosks WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|row| {
        Ok(StoredKiosk {
            id: row.try_get("id")?,
            comune_istat: row.try_get("comune_istat")?,
            public_key: row.try_get("public_key")?,
            revoked: super::reference::flag(&row, "revoked")?,
            leases_version: row.try_get("leases_version")?,
        })
    })
    .transpose()
}

/// Every kiosk with its unused leases, for administrators.
pub async fn list_kiosks(conn: &mut AnyConnection) -> Result<Vec<KioskInfo>, DbError> {
    let rows = sqlx::query(
        "SELECT k.id, k.place, k.comune_istat, k.public_key, k.revoked, k.last_seen, \
         (SELECT COUNT(*) FROM bookings b WHERE b.kiosk_id = k.id AND b.status = 'leased') \
         AS leases FROM kiosks k ORDER BY k.id",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let last_seen: Option<i64> = row.try_get("last_seen")?;
            let leases: i64 = row.try_get("leases")?;
            Ok(KioskInfo {
                kiosk_id: row.try_get("id")?,
                place: row.try_get("place")?,
                comune_istat: row.try_get("comune_istat")?,
                enrolled: row.try_get::<Option<String>, _>("public_key")?.is_some(),
                revoked: super::reference::flag(row, "revoked")?,
                last_seen: last_seen.and_then(|at| jiff::Timestamp::from_second(at).ok()),
                leases: u32::try_from(leases).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

/// Stores a one-time enrolment code for `kiosk_id`, replacing any earlier unused one.
pub async fn set_enrolment_code(
    conn: &mut AnyConnection,
    kiosk_id: &str,
    code_hash: &str,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM kiosk_enrolments WHERE kiosk_id = $1")
        .bind(kiosk_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO kiosk_enrolments (code_hash, kiosk_id, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(code_hash)
    .bind(kiosk_id)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Spends an enrolment code: the kiosk it was for, if it was current. Spent either way.
pub async fn take_enrolment_code(
    conn: &mut AnyConnection,
    code_hash: &str,
    now: i64,
) -> Result<Option<String>, DbError> {
    let row = sqlx::query(
        "DELETE FROM kiosk_enrolments WHERE code_hash = $1 RETURNING kiosk_id, expires_at",
    )
    .bind(code_hash)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let expires_at: i64 = row.try_get("expires_at")?;
    Ok((expires_at > now)
        .then(|| row.try_get("kiosk_id"))
        .transpose()?)
}

/// Binds a device's key to a kiosk, replacing any earlier device's (and lifting a revocation:
/// the administrator gave a new code): its tokens end. `false` if the key is already another
/// kiosk's.
pub async fn set_public_key(
    conn: &mut AnyConnection,
    kiosk_id: &str,
    public_key: &str,
    now: i64,
) -> Result<bool, DbError> {
    let taken: Option<String> =
        sqlx::query_scalar("SELECT id FROM kiosks WHERE public_key = $1 AND id <> $2")
            .bind(public_key)
            .bind(kiosk_id)
            .fetch_optional(&mut *conn)
            .await?;
    if taken.is_some() {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE kiosks SET public_key = $1, enrolled_at = $2, revoked = 0, leases_version = NULL \
         WHERE id = $3",
    )
    .bind(public_key)
    .bind(now)
    .bind(kiosk_id)
    .execute(&mut *conn)
    .await?;
    end_tokens(conn, kiosk_id).await?;
    Ok(true)
}

pub async fn create_challenge(
    conn: &mut AnyConnection,
    kiosk_id: &str,
    challenge: &str,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO kiosk_challenges (challenge, kiosk_id, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(challenge)
    .bind(kiosk_id)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Spends a challenge issued to `kiosk_id`: whether it was there and current.
pub async fn take_challenge(
    conn: &mut AnyConnection,
    kiosk_id: &str,
    challenge: &str,
    now: i64,
) -> Result<bool, DbError> {
    let expires_at: Option<i64> = sqlx::query_scalar(
        "DELETE FROM kiosk_challenges WHERE challenge = $1 AND kiosk_id = $2 \
         RETURNING expires_at",
    )
    .bind(challenge)
    .bind(kiosk_id)
    .fetch_optional(conn)
    .await?;
    Ok(expires_at.is_some_and(|at| at > now))
}

pub async fn create_token(
    conn: &mut AnyConnection,
    kiosk_id: &str,
    token_hash: &str,
    expires_at: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO kiosk_tokens (token_hash, kiosk_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(kiosk_id)
        .bind(expires_at)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE kiosks SET last_seen = $1 WHERE id = $2")
        .bind(now)
        .bind(kiosk_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The kiosk a token belongs to, if the token is current and the kiosk not revoked.
pub async fn kiosk_for_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT k.id FROM kiosk_tokens t JOIN kiosks k ON k.id = t.kiosk_id \
         WHERE t.token_hash = $1 AND t.expires_at > $2 AND k.revoked = 0",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

async fn end_tokens(conn: &mut AnyConnection, kiosk_id: &str) -> Result<(), DbError> {
    for table in ["kiosk_tokens", "kiosk_challenges"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE kiosk_id = $1"
        )))
        .bind(kiosk_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Marks the kiosk seen and its leases checked at agenda `version`, locking its row for the
/// rest of the transaction. `false` if it is unknown, revoked or not enrolled.
pub async fn touch(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
    version: i64,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE kiosks SET last_seen = $2, leases_version = $3 \
         WHERE id = $1 AND revoked = 0 AND public_key IS NOT NULL",
    )
    .bind(id)
    .bind(now)
    .bind(version)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(updated == 1)
}

/// Revokes a kiosk: its tokens, challenges and enrolment codes end, and its key is listed as
/// revoked from `now` (receipts it signs after that are refused). `false` if unknown.
pub async fn revoke_kiosk(conn: &mut AnyConnection, id: &str, now: i64) -> Result<bool, DbError> {
    let updated = sqlx::query("UPDATE kiosks SET revoked = 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    revoke_key_of(conn, id, now).await?;
    end_tokens(conn, id).await?;
    sqlx::query("DELETE FROM kiosk_enrolments WHERE kiosk_id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(updated == 1)
}

/// Lists the kiosk's current key, if it has one, as revoked from `now`: on revocation, and when
/// the kiosk enrols with a new key (the old device may be in someone's hands).
pub async fn revoke_key_of(conn: &mut AnyConnection, id: &str, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO kiosk_revocations (public_key, kiosk_id, revoked_at) \
         SELECT public_key, id, $2 FROM kiosks WHERE id = $1 AND public_key IS NOT NULL \
         ON CONFLICT (public_key) DO NOTHING",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every revoked kiosk key, and since when.
pub async fn revocations(conn: &mut AnyConnection) -> Result<Vec<KioskRevocation>, DbError> {
    let rows = sqlx::query(
        "SELECT public_key, kiosk_id, revoked_at FROM kiosk_revocations ORDER BY revoked_at",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let at: i64 = row.try_get("revoked_at")?;
            Ok(KioskRevocation {
                kiosk_id: row.try_get("kiosk_id")?,
                kiosk_key: row.try_get("public_key")?,
                revoked_at: jiff::Timestamp::from_second(at)
                    .map_err(|_| DbError::Corrupt(format!("revocation time {at}")))?,
            })
        })
        .collect()
}

/// Whether `public_key` was ever revoked: a kiosk enrolling again must bring a new key.
pub async fn key_revoked(conn: &mut AnyConnection, public_key: &str) -> Result<bool, DbError> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT kiosk_id FROM kiosk_revocations WHERE public_key = $1")
            .bind(public_key)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Forgets spent time: challenges and tokens past their expiry, codes never used.
pub async fn purge_expired(conn: &mut AnyConnection, now: i64) -> Result<(), DbError> {
    for table in ["kiosk_challenges", "kiosk_tokens", "kiosk_enrolments"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE expires_at <= $1"
        )))
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
