//! The leases a kiosk holds: seats it may book with the link down (see `sportello_core::lease`).

use super::outbox::{NewWrite, OutboxEntry, enqueue_in};
use super::{Store, StoreError};
use rusqlite::{OptionalExtension, params};
use sportello_core::lease::Lease;

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

impl Store {
    /// Forgets the leases not booked yet: the server took them back (a revoked kiosk's are
    /// released), so they must not be booked offline any more.
    pub fn drop_free_leases(&self) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM leases WHERE state IN ('free', 'void')", [])?;
        Ok(())
    }

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
        let mut statement = self.conn.prepare(
            "SELECT lease_id, expires_at, token FROM leases WHERE state IN ('free', 'used')",
        )?;
        let rows: Vec<(String, i64, String)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        // The key that signed each: read, not checked (the server checks what it is sent).
        let keys: Vec<String> = rows
            .iter()
            .map(|(_, _, token)| {
                sportello_core::lease::read_lease(token)
                    .map(|claims| claims.key_id)
                    .unwrap_or_default()
            })
            .collect();
        Ok(sportello_core::lease::lease_set_digest(
            rows.iter()
                .zip(&keys)
                .map(|((id, expires_at, _), key)| (id.as_str(), *expires_at, key.as_str())),
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
