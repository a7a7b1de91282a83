//! Delivers the outbox: every write the kiosk made, in the order it made them, exactly once.
//!
//! Each entry carries its idempotency key from the moment it was written down, so a delivery
//! that reached the server but whose answer was lost is answered the same when sent again.
//! Failures a retry may cure (no network, the server's trouble) wait with a growing pause and
//! hold back the entries behind them: a cancellation must not overtake its booking. Refusals
//! (slot taken, already booked, bad input) end the entry; they are never retried.

use crate::client::{ServerClient, SyncError};
use crate::identity::Identity;
use crate::store::{OutboxStatus, Store};
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
}

/// Delivers the entries that are due, oldest first. Stops at the first one that must wait.
/// `Err(SyncError::Rejected)` when the server no longer accepts this kiosk.
pub async fn deliver(
    client: &ServerClient,
    identity: &Identity,
    store: &SharedStore,
) -> Result<Delivery, SyncError> {
    let clock = client.clock();
    let mut done = Delivery::default();
    let pending = lock(store).pending()?;
    for entry in pending {
        let now = clock.unix();
        if entry.deadline.is_some_and(|deadline| deadline <= now) {
            lock(store).finish(entry.id, OutboxStatus::Abandoned, None, now)?;
            done.abandoned += 1;
            continue;
        }
        // (A pause longer than the longest means the clock went back: due now.)
        if entry.next_attempt_at > now && entry.next_attempt_at <= now + MAX_PAUSE_SECS {
            break;
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
            }
            // The kiosk's key is refused: nothing more can be delivered. What waits stays (the
            // engine decides how long, see `sync`).
            Err(SyncError::Rejected) => return Err(SyncError::Rejected),
            Err(err) if err.is_retryable() => {
                lock(store).retry_later(entry.id, now + pause_after(entry.attempts))?;
                return Err(err);
            }
            Err(err) => return Err(err),
        }
    }
    Ok(done)
}
