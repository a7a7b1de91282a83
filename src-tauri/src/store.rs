//! The kiosk's own state, apart from the cache: the outbox of writes waiting for the server,
//! and the leases it may book offline. Unlike the cache this is not a copy of anything: it is
//! never dropped on a layout change, only migrated.
//!
//! The outbox holds personal data (the person a booking is for) only until the server has
//! acknowledged the write or it has failed for good; then the body is erased. `secure_delete`
//! overwrites freed content in the file, and the write-ahead log is truncated after each
//! erasure, so nothing personal stays in the files either.

use rusqlite::{Connection, OptionalExtension, params};
use sportello_core::lease::Lease;
use std::path::Path;

const SCHEMA_VERSION: i64 = 2;

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

/// Where an outbox entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    /// Waiting to be delivered (again).
    Pending,
    /// The server acknowledged it.
    Delivered,
    /// The server refused it for good (slot taken, already booked, …).
    Rejected,
    /// Its time passed before it could be delivered (a hold nobody waits for any more).
    Abandoned,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Delivered => "delivered",
            OutboxStatus::Rejected => "rejected",
            OutboxStatus::Abandoned => "abandoned",
        }
    }

    fn parse(text: &str) -> Option<OutboxStatus> {
        [
            OutboxStatus::Pending,
            OutboxStatus::Delivered,
            OutboxStatus::Rejected,
            OutboxStatus::Abandoned,
        ]
        .into_iter()
        .find(|status| status.as_str() == text)
    }
}

/// A write to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWrite {
    /// What it is, for people: hold, confirm, cancel, reschedule, check_in, lease_booking.
    pub kind: String,
    pub method: String,
    pub path: String,
    pub body: String,
    /// Something to recognise it by that is not personal (a code, a procedure).
    pub label: String,
    /// After this (Unix seconds) it is useless: given up.
    pub deadline: Option<i64>,
    /// Sent with an operator's session instead of the kiosk's token (booking on behalf).
    pub bearer: Option<String>,
}

/// An outbox entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub id: i64,
    pub idempotency_key: String,
    pub kind: String,
    pub method: String,
    pub path: String,
    /// Empty once erased.
    pub body: String,
    pub label: String,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub next_attempt_at: i64,
    pub deadline: Option<i64>,
    /// The server's answer (no personal data in it), once there is one.
    pub outcome: Option<String>,
    /// The HTTP status of that answer.
    pub outcome_status: Option<u16>,
    /// The operator's session it goes with, if any (erased with the body).
    pub bearer: Option<String>,
}

/// What a lease is to the kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaseState {
    /// Bookable offline.
    Free,
    /// Booked offline; the report is in the outbox.
    Used,
    /// To give back at the next sync.
    Void,
}

impl LeaseState {
    fn as_str(self) -> &'static str {
        match self {
            LeaseState::Free => "free",
            LeaseState::Used => "used",
            LeaseState::Void => "void",
        }
    }

    fn parse(text: &str) -> Option<LeaseState> {
        [LeaseState::Free, LeaseState::Used, LeaseState::Void]
            .into_iter()
            .find(|state| state.as_str() == text)
    }
}

/// A lease as the kiosk keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLease {
    pub lease_id: String,
    pub token: String,
    pub code: String,
    pub procedure_id: String,
    pub office_id: String,
    pub counter_id: String,
    pub start: i64,
    pub end: i64,
    pub expires_at: i64,
    pub state: LeaseState,
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
                 bearer          TEXT
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
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    // --- outbox --------------------------------------------------------------------------

    /// Puts a write in the outbox, durably, before anything else happens with it.
    pub fn enqueue(&mut self, write: &NewWrite, now: i64) -> Result<OutboxEntry, StoreError> {
        let tx = self.conn.transaction()?;
        let entry = enqueue_in(&tx, write, now)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Pending entries, oldest first.
    pub fn pending(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.entries("WHERE status = 'pending' ORDER BY id")
    }

    pub fn entry(&self, id: i64) -> Result<Option<OutboxEntry>, StoreError> {
        let mut entries = self.entries(&format!("WHERE id = {id}"))?;
        Ok(entries.pop())
    }

    /// Every entry still kept, oldest first: for the operator's view and tests.
    pub fn entries_all(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.entries("ORDER BY id")
    }

    fn entries(&self, tail: &str) -> Result<Vec<OutboxEntry>, StoreError> {
        let sql = format!(
            "SELECT id, idempotency_key, kind, method, path, body, label, status, attempts,
                    next_attempt_at, deadline, outcome, outcome_status, bearer FROM outbox {tail}"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], |row| {
            Ok((
                OutboxEntry {
                    id: row.get(0)?,
                    idempotency_key: row.get(1)?,
                    kind: row.get(2)?,
                    method: row.get(3)?,
                    path: row.get(4)?,
                    body: row.get(5)?,
                    label: row.get(6)?,
                    status: OutboxStatus::Pending,
                    attempts: row.get(8)?,
                    next_attempt_at: row.get(9)?,
                    deadline: row.get(10)?,
                    outcome: row.get(11)?,
                    outcome_status: row.get(12)?,
                    bearer: row.get(13)?,
                },
                row.get::<_, String>(7)?,
            ))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (mut entry, status) = row?;
            entry.status = OutboxStatus::parse(&status)
                .ok_or_else(|| StoreError::Invalid(format!("outbox status {status:?}")))?;
            entries.push(entry);
        }
        Ok(entries)
    }

    /// Records a delivery that failed in a way a retry may cure, and when to try again.
    pub fn retry_later(&self, id: i64, next_attempt_at: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?2
             WHERE id = ?1 AND status = 'pending'",
            params![id, next_attempt_at],
        )?;
        Ok(())
    }

    /// Ends an entry: delivered, rejected or abandoned, with the server's answer if any. The
    /// body (the personal data) is erased in the same transaction; a lease booked offline
    /// and answered is forgotten, one refused is given back at the next sync.
    pub fn finish(
        &mut self,
        id: i64,
        status: OutboxStatus,
        outcome: Option<(u16, &str)>,
        now: i64,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE outbox SET status = ?2, body = '', bearer = NULL, finished_at = ?3,
                 outcome = ?4, outcome_status = ?5
             WHERE id = ?1 AND status = 'pending'",
            params![
                id,
                status.as_str(),
                now,
                outcome.map(|(_, body)| body),
                outcome.map(|(code, _)| code)
            ],
        )?;
        let lease: Option<String> = tx
            .query_row(
                "SELECT label FROM outbox WHERE id = ?1 AND kind = 'lease_booking'",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(lease_id) = lease {
            match status {
                OutboxStatus::Delivered => {
                    tx.execute("DELETE FROM leases WHERE lease_id = ?1", [&lease_id])?;
                }
                _ => {
                    tx.execute(
                        "UPDATE leases SET state = 'void' WHERE lease_id = ?1",
                        [&lease_id],
                    )?;
                }
            }
        }
        tx.commit()?;
        self.scrub_files()?;
        Ok(())
    }

    /// Erases every pending body and gives up on the entries: for a kiosk the server no
    /// longer accepts. Leases go too; nothing can be done with them.
    pub fn abandon_all(&mut self, now: i64) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let count = tx.execute(
            "UPDATE outbox SET status = 'abandoned', body = '', bearer = NULL, finished_at = ?1
             WHERE status = 'pending'",
            [now],
        )?;
        tx.execute("DELETE FROM leases", [])?;
        tx.commit()?;
        self.scrub_files()?;
        Ok(count)
    }

    /// Forgets finished entries after a day.
    pub fn purge_finished(&self, now: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM outbox WHERE status <> 'pending' AND finished_at < ?1",
            [now - KEEP_FINISHED_SECS],
        )?;
        Ok(())
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

    /// Forgets the leases not booked yet: the server took them back (a revoked kiosk's are
    /// released), so they must not be booked offline any more.
    pub fn drop_free_leases(&self) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM leases WHERE state IN ('free', 'void')", [])?;
        Ok(())
    }

    /// The server accepts this kiosk again.
    pub fn accepted(&self) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM meta WHERE key = ?1", [REFUSED_SINCE_KEY])?;
        Ok(())
    }

    // --- leases --------------------------------------------------------------------------

    /// Takes in the server's current set: new leases are added, free ones it no longer lists
    /// are dropped (expired, or released); used and void ones are kept (the server still lists
    /// a used one until its report arrives).
    pub fn replace_leases(&mut self, leases: &[Lease]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let listed: std::collections::HashSet<&str> =
            leases.iter().map(|lease| lease.lease_id.as_str()).collect();
        let free: Vec<String> = {
            let mut statement = tx.prepare("SELECT lease_id FROM leases WHERE state = 'free'")?;
            statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?
        };
        for id in free.iter().filter(|id| !listed.contains(id.as_str())) {
            tx.execute("DELETE FROM leases WHERE lease_id = ?1", [id])?;
        }
        // Void ones the server no longer lists were taken back: nothing left to return.
        let void: Vec<String> = {
            let mut statement = tx.prepare("SELECT lease_id FROM leases WHERE state = 'void'")?;
            statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?
        };
        for id in void.iter().filter(|id| !listed.contains(id.as_str())) {
            tx.execute("DELETE FROM leases WHERE lease_id = ?1", [id])?;
        }
        for lease in leases {
            tx.execute(
                "INSERT INTO leases (lease_id, token, code, procedure_id, office_id, counter_id,
                     start, end_at, expires_at, state)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'free')
                 ON CONFLICT (lease_id) DO UPDATE SET token = excluded.token,
                     expires_at = excluded.expires_at",
                params![
                    lease.lease_id,
                    lease.token,
                    lease.code,
                    lease.procedure_id,
                    lease.office_id,
                    lease.counter_id,
                    lease.start.as_second(),
                    lease.end.as_second(),
                    lease.expires_at.as_second(),
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The digest of the leases the server still lists for this kiosk (free and used: a used
    /// one stays a lease on the server until its report arrives).
    pub fn lease_digest(&self) -> Result<String, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT lease_id, expires_at FROM leases WHERE state IN ('free', 'used')")?;
        let rows: Vec<(String, i64)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(sportello_core::lease::lease_set_digest(
            rows.iter()
                .map(|(id, expires_at)| (id.as_str(), *expires_at)),
        ))
    }

    /// Leases to give back at the next sync.
    pub fn void_leases(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT lease_id FROM leases WHERE state = 'void' ORDER BY lease_id")?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Leases in a state, soonest first.
    pub fn leases(&self, state: LeaseState) -> Result<Vec<StoredLease>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT lease_id, token, code, procedure_id, office_id, counter_id, start, end_at,
                 expires_at, state FROM leases WHERE state = ?1 ORDER BY start, code",
        )?;
        let rows = statement.query_map([state.as_str()], lease_from_row)?;
        let mut leases = Vec::new();
        for row in rows {
            leases.push(row?);
        }
        Ok(leases)
    }

    /// Books a free, unexpired lease offline: marks it used and puts the report in the outbox,
    /// in one transaction. `None` if the lease is not free (or ends before `now`).
    pub fn use_lease(
        &mut self,
        lease_id: &str,
        report: impl FnOnce(&StoredLease) -> NewWrite,
        now: i64,
    ) -> Result<Option<(StoredLease, OutboxEntry)>, StoreError> {
        let tx = self.conn.transaction()?;
        let lease = tx
            .query_row(
                "SELECT lease_id, token, code, procedure_id, office_id, counter_id, start,
                     end_at, expires_at, state FROM leases
                 WHERE lease_id = ?1 AND state = 'free' AND expires_at > ?2",
                params![lease_id, now],
                lease_from_row,
            )
            .optional()?;
        let Some(mut lease) = lease else {
            return Ok(None);
        };
        tx.execute(
            "UPDATE leases SET state = 'used' WHERE lease_id = ?1",
            [lease_id],
        )?;
        let entry = enqueue_in(&tx, &report(&lease), now)?;
        tx.commit()?;
        lease.state = LeaseState::Used;
        Ok(Some((lease, entry)))
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

fn enqueue_in(
    tx: &rusqlite::Transaction<'_>,
    write: &NewWrite,
    now: i64,
) -> Result<OutboxEntry, StoreError> {
    let key = crate::client::new_key();
    tx.execute(
        "INSERT INTO outbox (idempotency_key, kind, method, path, body, label, status,
             next_attempt_at, deadline, created_at, bearer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?8, ?7, ?9)",
        params![
            key,
            write.kind,
            write.method,
            write.path,
            write.body,
            write.label,
            now,
            write.deadline,
            write.bearer
        ],
    )?;
    Ok(OutboxEntry {
        id: tx.last_insert_rowid(),
        idempotency_key: key,
        kind: write.kind.clone(),
        method: write.method.clone(),
        path: write.path.clone(),
        body: write.body.clone(),
        label: write.label.clone(),
        status: OutboxStatus::Pending,
        attempts: 0,
        // Due at once.
        next_attempt_at: 0,
        deadline: write.deadline,
        outcome: None,
        outcome_status: None,
        bearer: write.bearer.clone(),
    })
}

fn lease_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredLease> {
    let state: String = row.get(9)?;
    Ok(StoredLease {
        lease_id: row.get(0)?,
        token: row.get(1)?,
        code: row.get(2)?,
        procedure_id: row.get(3)?,
        office_id: row.get(4)?,
        counter_id: row.get(5)?,
        start: row.get(6)?,
        end: row.get(7)?,
        expires_at: row.get(8)?,
        state: LeaseState::parse(&state).unwrap_or(LeaseState::Void),
    })
}
