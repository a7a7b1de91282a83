//! Delivers the outbox: every write the kiosk made, exactly once, each booking's in the order
//! they were made.
//!
//! Each entry carries its idempotency key from the moment it was written down, so a delivery
//! that reached the server but whose answer was lost is answered the same when sent again.
//! Writes on one booking (or hold) form a chain: a cancellation never overtakes its booking.
//! Different bookings do not wait for each other: a report that keeps failing holds back its
//! own booking's writes, never a new person's hold.
//!
//! Failures a retry may cure wait with a growing pause, cut short as soon as the server
//! answers anything (the link is back). With no link at all (or only to a proxy that cannot
//! reach the server: its HTML 502, 503, 504) the round stops at the first entry: the others
//! would only fail the same way. Any other answer from something on the way rather than the
//! server (a proxy's HTML 403) counts as a refusal after a few tries.
//! Refusals by the server (slot taken, already booked, bad input) end the entry at once.
//! Every entry has a deadline; past it the entry is given up. Ended entries keep no body.

use crate::client::{ServerClient, SyncError};
use crate::identity::Identity;
use crate::store::{OutboxStatus, RetryCause, Store};
use std::collections::HashSet;
use std::sync::{Arc, Mutex, MutexGuard};

/// The store as the engine and the commands share it.
pub type SharedStore = Arc<Mutex<Store>>;

/// Locks the store. Every write is one SQLite transaction, so a panic while it was held left
/// nothing half-done: a poisoned lock is safe to use.
pub fn lock(store: &SharedStore) -> MutexGuard<'_, Store> {
    store
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The longest pause between two tries of one entry.
const MAX_PAUSE_SECS: i64 = 300;

/// How many answers from something other than the server an entry takes before it counts as
/// refused: a proxy's error page may be a passing mistake, but not forever.
pub const REFUSALS_ON_THE_WAY: u32 = 3;

/// The pause before try number `attempts + 1`: 2, 4, 8 … seconds up to five minutes, with a
/// quarter of jitter so that 117 kiosks back online at once do not knock in step.
pub fn pause_after(attempts: u32) -> i64 {
    let base = 2_i64
        .saturating_pow(attempts.saturating_add(1).min(16))
        .min(MAX_PAUSE_SECS);
    let mut byte = [0u8; 1];
    getrandom::fill(&mut byte).expect("the operating system provides randomness");
    base + base * i64::from(byte[0]) / (4 * 255)
}

/// What one delivery round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub delivered: usize,
    pub rejected: usize,
    pub abandoned: usize,
    /// Entries that failed this round and will be tried again.
    pub retrying: usize,
}

/// Delivers the entries that are due, oldest first, skipping the chains whose earlier entry
/// must wait. `Err` when the server cannot be reached at all (`Unreachable`, or `Gateway` from
/// its proxy, with what was done before kept), or no longer accepts this kiosk (`Rejected`).
pub async fn deliver(
    client: &ServerClient,
    identity: &Identity,
    store: &SharedStore,
) -> Result<Delivery, SyncError> {
    let clock = client.clock();
    let mut done = Delivery::default();
    let mut waiting: HashSet<String> = HashSet::new();
    // Whether the server answered anything: then whatever waited for the link is due.
    let mut answered = false;
    let pending = lock(store).pending()?;
    for entry in pending {
        if waiting.contains(&entry.chain) {
            continue;
        }
        let now = clock.unix();
        if entry.deadline <= now {
            lock(store).finish(entry.id, OutboxStatus::Abandoned, None, now)?;
            done.abandoned += 1;
            continue;
        }
        // (A pause longer than the longest means the clock went back: due now.)
        if entry.next_attempt_at > now && entry.next_attempt_at <= now + MAX_PAUSE_SECS {
            waiting.insert(entry.chain);
            continue;
        }
        let sent = client
            .write_as(
                identity,
                entry.bearer.as_deref(),
                &entry.method,
                &entry.path,
                &entry.idempotency_key,
                &entry.body,
            )
            .await;
        let now = clock.unix();
        match sent {
            Ok(answer) => {
                let status = if answer.is_success() {
                    done.delivered += 1;
                    OutboxStatus::Delivered
                } else {
                    done.rejected += 1;
                    OutboxStatus::Rejected
                };
                lock(store).finish(entry.id, status, Some((answer.status, &answer.body)), now)?;
                answered = true;
            }
            // The kiosk's key is refused: nothing more can be delivered. What waits stays (the
            // engine decides how long, see `sync`).
            Err(SyncError::Rejected) => return Err(SyncError::Rejected),
            Err(SyncError::OnTheWay { status }) if entry.refusals + 1 >= REFUSALS_ON_THE_WAY => {
                lock(store).refused_on_the_way(entry.id, status, now)?;
                done.rejected += 1;
            }
            Err(err) if err.is_retryable() => {
                let cause = match err {
                    SyncError::OnTheWay { .. } => RetryCause::OnTheWay,
                    SyncError::Unreachable(_) | SyncError::Gateway { .. } => RetryCause::Link,
                    _ => RetryCause::Server,
                };
                lock(store).retry_later(entry.id, now + pause_after(entry.attempts), cause)?;
                done.retrying += 1;
                waiting.insert(entry.chain);
                // No link at all (or a proxy with none to the server): every other entry
                // would meet the same, a timeout each in the first case.
                if matches!(err, SyncError::Unreachable(_) | SyncError::Gateway { .. }) {
                    return Err(err);
                }
            }
            Err(err) => return Err(err),
        }
    }
    if answered {
        lock(store).reset_waits(clock.unix())?;
    }
    end_sessions(client, store).await?;
    Ok(done)
}

/// Ends on the server the operators' sessions that ended at the kiosk while writes made on
/// their behalf waited, once the last of those is answered: ending them at once would have
/// had those writes refused as unauthorised.
async fn end_sessions(client: &ServerClient, store: &SharedStore) -> Result<(), SyncError> {
    let ended = lock(store).sessions_to_end()?;
    for bearer in ended {
        if client.logout(&bearer).await {
            lock(store).session_ended(&bearer)?;
        }
    }
    Ok(())
}
