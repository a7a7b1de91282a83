//! The outbox's rows: every write the kiosk made, until the server answers it or its time
//! runs out. Delivery itself is `crate::outbox`.
//!
//! Writes on one booking form a chain (`chain`) and are delivered in order; different
//! bookings' writes do not wait for each other. Every write has a deadline: after it, the
//! write is useless (a hold nobody waits for, a cancellation after the appointment) and is
//! given up, its body erased, and shown to staff as failed.

use super::{KEEP_FINISHED_SECS, Store, StoreError};
use rusqlite::{OptionalExtension, params};
use sportello_core::api::ProblemCode;
use sportello_core::kiosk::{FailedWrite, FailureReason};

/// Where an ended operator session waits for its writes (see [`Store::end_session_later`]).
const ENDED_SESSION_PREFIX: &str = "ended_session:";

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

/// Why a delivery is to be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryCause {
    /// The server could not be reached: tried again as soon as it can.
    Link,
    /// The server answered with its own trouble (5xx, 429): tried again after a pause.
    Server,
    /// Something on the way answered in its place: counted, then refused.
    OnTheWay,
}

impl RetryCause {
    fn as_str(self) -> &'static str {
        match self {
            RetryCause::Link => "link",
            RetryCause::Server => "server",
            RetryCause::OnTheWay => "on_the_way",
        }
    }
}

/// A write to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWrite {
    /// What it is, for people: hold, confirm, release, cancel, reschedule, check_in,
    /// lease_booking.
    pub kind: String,
    pub method: String,
    pub path: String,
    pub body: String,
    /// What it is about, safe to show on a public screen (a procedure, the end of a booking
    /// code): the staff panel lists failed writes by it.
    pub label: String,
    /// The writes it must follow, in order: those on the same booking or hold.
    pub chain: String,
    /// After this (Unix seconds) it is useless: given up.
    pub deadline: i64,
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
    pub chain: String,
    pub status: OutboxStatus,
    pub attempts: u32,
    /// Answers from something other than the server (a proxy's error page), so far.
    pub refusals: u32,
    pub next_attempt_at: i64,
    pub deadline: i64,
    /// The server's answer (no personal data in it), once there is one.
    pub outcome: Option<String>,
    /// The HTTP status of that answer.
    pub outcome_status: Option<u16>,
    /// The operator's session it goes with, if any (erased with the body).
    pub bearer: Option<String>,
}

const ENTRY_COLUMNS: &str = "id, idempotency_key, kind, method, path, body, label, status, \
     attempts, next_attempt_at, deadline, outcome, outcome_status, bearer, chain, refusals";

fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<(OutboxEntry, String)> {
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
            // Set by every writer, and by the migration for entries from before.
            deadline: row.get(10)?,
            outcome: row.get(11)?,
            outcome_status: row.get(12)?,
            bearer: row.get(13)?,
            chain: row.get(14)?,
            refusals: row.get(15)?,
        },
        row.get::<_, String>(7)?,
    ))
}

impl Store {
    /// Puts a write in the outbox, durably, before anything else happens with it.
    pub fn enqueue(&mut self, write: &NewWrite, now: i64) -> Result<OutboxEntry, StoreError> {
        let tx = self.conn.transaction()?;
        let entry = enqueue_in(&tx, write, now)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Whether a pending entry still carries this operator's session.
    pub fn carries(&self, bearer: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE status = 'pending' AND bearer = ?1)",
            [bearer],
            |row| row.get(0),
        )?)
    }

    /// An operator's session that ended at the kiosk while writes made on their behalf still
    /// wait: the server is told once they are all answered (see [`Store::sessions_to_end`]).
    pub fn end_session_later(&self, bearer: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, '') ON CONFLICT (key) DO NOTHING",
            [format!("{ENDED_SESSION_PREFIX}{bearer}")],
        )?;
        Ok(())
    }

    /// Ended sessions no pending entry carries any more: to be ended on the server now.
    pub fn sessions_to_end(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT substr(key, length(?1) + 1) FROM meta WHERE key LIKE ?1 || '%' \
             AND NOT EXISTS (SELECT 1 FROM outbox WHERE status = 'pending' \
                             AND bearer = substr(meta.key, length(?1) + 1))",
        )?;
        let bearers = statement
            .query_map([ENDED_SESSION_PREFIX], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(bearers)
    }

    /// The server ended it: nothing of it stays on the disk.
    pub fn session_ended(&self, bearer: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM meta WHERE key = ?1",
            [format!("{ENDED_SESSION_PREFIX}{bearer}")],
        )?;
        self.scrub_files()
    }

    /// Pending entries, oldest first.
    pub fn pending(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.entries("WHERE status = 'pending' ORDER BY id", [])
    }

    pub fn entry(&self, id: i64) -> Result<Option<OutboxEntry>, StoreError> {
        Ok(self.entries("WHERE id = ?1", [id])?.pop())
    }

    /// Every entry still kept, oldest first: for the operator's view and tests.
    pub fn entries_all(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.entries("ORDER BY id", [])
    }

    fn entries<P: rusqlite::Params>(
        &self,
        tail: &str,
        params: P,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM outbox {tail}");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(params, entry_from_row)?;
        let mut entries = Vec::new();
        for row in rows {
            let (mut entry, status) = row?;
            entry.status = OutboxStatus::parse(&status)
                .ok_or_else(|| StoreError::Invalid(format!("outbox status {status:?}")))?;
            entries.push(entry);
        }
        Ok(entries)
    }

    /// Records a delivery that failed in a way a retry may cure, why, and when to try again.
    pub fn retry_later(
        &self,
        id: i64,
        next_attempt_at: i64,
        cause: RetryCause,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, refusals = refusals + ?3,
                 next_attempt_at = ?2, failure = ?4
             WHERE id = ?1 AND status = 'pending'",
            params![
                id,
                next_attempt_at,
                i64::from(cause == RetryCause::OnTheWay),
                cause.as_str()
            ],
        )?;
        Ok(())
    }

    /// The server answered: the link is back, and what waited for the link is due now. (What
    /// the server itself failed on keeps its pause.)
    pub fn reset_waits(&self, now: i64) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "UPDATE outbox SET next_attempt_at = ?1
             WHERE status = 'pending' AND next_attempt_at > ?1 AND failure = 'link'",
            [now],
        )?)
    }

    /// Ends an entry: delivered, rejected or abandoned, with the server's answer if any and,
    /// for a failure, why. The body (the personal data) is erased in the same transaction; a
    /// lease booked offline and answered is forgotten, one refused is given back at the next
    /// sync.
    pub fn finish(
        &mut self,
        id: i64,
        status: OutboxStatus,
        outcome: Option<(u16, &str)>,
        now: i64,
    ) -> Result<(), StoreError> {
        let failure = match status {
            OutboxStatus::Pending | OutboxStatus::Delivered => None,
            OutboxStatus::Rejected => Some(FailureReason::Refused {
                status: outcome.map_or(0, |(status, _)| status),
                code: outcome
                    .and_then(|(_, body)| {
                        serde_json::from_str::<sportello_core::api::Problem>(body).ok()
                    })
                    .map(|problem| problem.code),
            }),
            OutboxStatus::Abandoned => Some(FailureReason::NotAnswered),
        };
        self.end(id, status, outcome, failure, now)
    }

    /// Ends an entry that something on the way (not the server) kept refusing.
    pub fn refused_on_the_way(&mut self, id: i64, status: u16, now: i64) -> Result<(), StoreError> {
        self.end(
            id,
            OutboxStatus::Rejected,
            None,
            Some(FailureReason::RefusedOnTheWay { status }),
            now,
        )
    }

    fn end(
        &mut self,
        id: i64,
        status: OutboxStatus,
        outcome: Option<(u16, &str)>,
        failure: Option<FailureReason>,
        now: i64,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE outbox SET status = ?2, body = '', bearer = NULL, finished_at = ?3,
                 outcome = ?4, outcome_status = ?5, failure = ?6
             WHERE id = ?1 AND status = 'pending'",
            params![
                id,
                status.as_str(),
                now,
                outcome.map(|(_, body)| body),
                outcome.map(|(code, _)| code),
                failure.map(|failure| serde_json::to_string(&failure).expect("serialises")),
            ],
        )?;
        let path: Option<String> = tx
            .query_row(
                "SELECT path FROM outbox WHERE id = ?1 AND kind = 'lease_booking'",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(lease_id) = path.as_deref().and_then(lease_of_report) {
            match status {
                OutboxStatus::Delivered => {
                    tx.execute("DELETE FROM leases WHERE lease_id = ?1", [lease_id])?;
                }
                _ => {
                    tx.execute(
                        "UPDATE leases SET state = 'void' WHERE lease_id = ?1",
                        [lease_id],
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
            "UPDATE outbox SET status = 'abandoned', body = '', bearer = NULL, finished_at = ?1,
                 failure = ?2
             WHERE status = 'pending'",
            params![
                now,
                serde_json::to_string(&FailureReason::KioskRefused).expect("serialises")
            ],
        )?;
        tx.execute("DELETE FROM leases", [])?;
        tx.commit()?;
        self.scrub_files()?;
        Ok(count)
    }

    /// The writes that failed in the last day, newest first (at most `limit`).
    pub fn failures(&self, now: i64, limit: usize) -> Result<Vec<FailedWrite>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT kind, label, finished_at, failure FROM outbox
             WHERE status IN ('rejected', 'abandoned') AND finished_at >= ?1
             ORDER BY finished_at DESC, id DESC LIMIT ?2",
        )?;
        let rows = statement.query_map(
            params![
                now - KEEP_FINISHED_SECS,
                i64::try_from(limit).unwrap_or(i64::MAX)
            ],
            |row| {
                Ok(FailedWrite {
                    kind: row.get(0)?,
                    reference: row.get(1)?,
                    at: row.get(2)?,
                    reason: row
                        .get::<_, Option<String>>(3)?
                        .and_then(|text| serde_json::from_str(&text).ok())
                        .unwrap_or(FailureReason::Refused {
                            status: 0,
                            code: Some(ProblemCode::Internal),
                        }),
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets finished entries after a day.
    pub fn purge_finished(&self, now: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM outbox WHERE status <> 'pending' AND finished_at < ?1",
            [now - KEEP_FINISHED_SECS],
        )?;
        Ok(())
    }
}

/// The lease an offline booking's report is for, from its address.
fn lease_of_report(path: &str) -> Option<&str> {
    path.strip_prefix("api/v1/kiosk/leases/")?
        .strip_suffix("/book")
}

pub(super) fn enqueue_in(
    tx: &rusqlite::Transaction<'_>,
    write: &NewWrite,
    now: i64,
) -> Result<OutboxEntry, StoreError> {
    let key = crate::client::new_key();
    tx.execute(
        "INSERT INTO outbox (idempotency_key, kind, method, path, body, label, status,
             next_attempt_at, deadline, created_at, bearer, chain)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?8, ?7, ?9, ?10)",
        params![
            key,
            write.kind,
            write.method,
            write.path,
            write.body,
            write.label,
            now,
            write.deadline,
            write.bearer,
            write.chain,
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
        chain: write.chain.clone(),
        status: OutboxStatus::Pending,
        attempts: 0,
        refusals: 0,
        // Due at once.
        next_attempt_at: 0,
        deadline: write.deadline,
        outcome: None,
        outcome_status: None,
        bearer: write.bearer.clone(),
    })
}
