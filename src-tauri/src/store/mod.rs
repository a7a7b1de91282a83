//! The kiosk's own state, apart from the cache: the outbox of writes waiting for the server,
//! and the leases it may book offline. Unlike the cache this is not a copy of anything: it is
//! never dropped on a layout change, only migrated.
//!
//! The outbox holds personal data (the person a booking is for) only until the server has
//! acknowledged the write or it has failed for good; then the body is erased. `secure_delete`
//! overwrites freed content in the file, and the write-ahead log is truncated after each
//! erasure, so nothing personal stays in the files either.

mod leases;
mod outbox;

pub use leases::{LeaseState, StoredLease};
pub use outbox::{NewWrite, OutboxEntry, OutboxStatus, RetryCause};

use rusqlite::{Connection, params};
use std::path::Path;

const SCHEMA_VERSION: i64 = 3;

/// Finished outbox entries are kept this long for the operator's view, without their bodies.
const KEEP_FINISHED_SECS: i64 = 24 * 3600;

const REFUSED_SINCE_KEY: &str = "refused_since";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("kiosk state database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("kiosk state database has layout {0}, newer than this program knows")]
    TooNew(i64),
    #[error("{0}")]
    Invalid(String),
}

/// Counts for the status bar and the operator's view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreCounts {
    pub outbox_pending: u32,
    pub outbox_rejected: u32,
    pub leases_free: u32,
    pub leases_used: u32,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
            // People's details wait here: for the kiosk's account alone. (SQLite gives its
            // -wal and -shm files the database file's permissions.)
            let _ = std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o700));
        }
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path);
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        Self::init(Connection::open(path)?)
    }

    fn init(conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // Each write is a person's booking: on power loss it must be there after restart.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew(version));
        }
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS outbox (
                 id              INTEGER PRIMARY KEY AUTOINCREMENT,
                 idempotency_key TEXT NOT NULL UNIQUE,
                 kind            TEXT NOT NULL,
                 method          TEXT NOT NULL,
                 path            TEXT NOT NULL,
                 body            TEXT NOT NULL,
                 label           TEXT NOT NULL,
                 status          TEXT NOT NULL,
                 attempts        INTEGER NOT NULL DEFAULT 0,
                 next_attempt_at INTEGER NOT NULL,
                 deadline        INTEGER,
                 created_at      INTEGER NOT NULL,
                 finished_at     INTEGER,
                 outcome         TEXT,
                 outcome_status  INTEGER,
                 -- An operator's session token when the write is made on their behalf; erased
                 -- with the body.
                 bearer          TEXT,
                 -- Writes on one booking are delivered in order; others do not wait for them.
                 chain           TEXT,
                 -- Answers refused by something other than the server (a proxy's error page).
                 refusals        INTEGER NOT NULL DEFAULT 0,
                 -- Why it failed, for the staff panel: never anything about the person.
                 failure         TEXT
             );
             CREATE INDEX IF NOT EXISTS outbox_status ON outbox (status, id);
             CREATE TABLE IF NOT EXISTS meta (
                 key   TEXT PRIMARY KEY,
                 value TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS leases (
                 lease_id     TEXT PRIMARY KEY,
                 token        TEXT NOT NULL,
                 code         TEXT NOT NULL,
                 procedure_id TEXT NOT NULL,
                 office_id    TEXT NOT NULL,
                 counter_id   TEXT NOT NULL,
                 start        INTEGER NOT NULL,
                 end_at       INTEGER NOT NULL,
                 expires_at   INTEGER NOT NULL,
                 state        TEXT NOT NULL
             );",
        )?;
        if version == 1 {
            conn.execute_batch("ALTER TABLE outbox ADD COLUMN bearer TEXT")?;
        }
        if (1..3).contains(&version) {
            // Entries written before chains and deadlines: kept in their one old order, and
            // given a week, as a refused kiosk's are.
            conn.execute_batch(
                "ALTER TABLE outbox ADD COLUMN chain TEXT;
                 ALTER TABLE outbox ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0;
                 ALTER TABLE outbox ADD COLUMN failure TEXT;
                 UPDATE outbox SET chain = 'before-chains' WHERE chain IS NULL;
                 UPDATE outbox SET deadline = created_at + 7 * 86400 WHERE deadline IS NULL;",
            )?;
        }
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    /// Moves what the log holds into the main file and empties the log: erased rows must not
    /// survive in old log frames.
    fn scrub_files(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Records that the server refuses this kiosk, from the first time; when that was.
    pub fn refused_since(&self, now: i64) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![REFUSED_SINCE_KEY, now.to_string()],
        )?;
        let since: String = self.conn.query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [REFUSED_SINCE_KEY],
            |row| row.get(0),
        )?;
        Ok(since.parse().unwrap_or(now))
    }

    /// The server accepts this kiosk again.
    pub fn accepted(&self) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM meta WHERE key = ?1", [REFUSED_SINCE_KEY])?;
        Ok(())
    }

    pub fn counts(&self, now: i64) -> Result<StoreCounts, StoreError> {
        let count = |sql: &str, since: i64| -> Result<u32, StoreError> {
            let n: i64 = self.conn.query_row(sql, [since], |row| row.get(0))?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        };
        Ok(StoreCounts {
            outbox_pending: count(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND created_at >= ?1",
                0,
            )?,
            outbox_rejected: count(
                "SELECT COUNT(*) FROM outbox WHERE status IN ('rejected', 'abandoned')
                 AND finished_at >= ?1",
                now - KEEP_FINISHED_SECS,
            )?,
            leases_free: count(
                "SELECT COUNT(*) FROM leases WHERE state = 'free' AND expires_at > ?1",
                now,
            )?,
            leases_used: count(
                "SELECT COUNT(*) FROM leases WHERE state = 'used' AND start >= ?1",
                0,
            )?,
        })
    }
}
