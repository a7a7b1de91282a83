//! Tells consoles and waiting-room displays that an office's bookings or calls changed.
//!
//! The database writes a pulse row for every such change (triggers, see migration 0008), so
//! a change made by any server process, through any path, is seen. One task per process reads
//! where the pulse stands for the offices someone follows, a few times a second, and wakes
//! their streams: however many screens follow an office, the database is asked once.

use crate::db::{Db, calls};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// How often the pulse is read while someone follows an office. A call must reach the
/// display within a second.
const EVERY: Duration = Duration::from_millis(250);

/// Streams open at once, across offices: each is a connection and a task.
pub const MAX_FOLLOWERS: usize = 2_000;

/// The offices followed in this process, each with a counter that moves on every change.
#[derive(Debug)]
pub struct Pulses {
    offices: Mutex<HashMap<String, watch::Sender<u64>>>,
    /// Wakes the reader at once (after a write in this process).
    nudge: Notify,
    /// Set when the server stops: streams end, so shutdown does not wait for them.
    closing: watch::Sender<bool>,
    /// Bounds the streams open at once.
    pub followers: Arc<tokio::sync::Semaphore>,
}

impl Default for Pulses {
    fn default() -> Self {
        Pulses {
            offices: Mutex::default(),
            nudge: Notify::new(),
            closing: watch::channel(false).0,
            followers: Arc::new(tokio::sync::Semaphore::new(MAX_FOLLOWERS)),
        }
    }
}

impl Pulses {
    /// Follows `office_id`: the receiver changes whenever its bookings or calls do.
    pub fn follow(&self, office_id: &str) -> watch::Receiver<u64> {
        let mut offices = self.offices.lock().unwrap_or_else(PoisonError::into_inner);
        offices
            .entry(office_id.to_owned())
            .or_insert_with(|| watch::channel(0).0)
            .subscribe()
    }

    /// Reads the pulse now rather than at the next tick.
    pub fn nudge(&self) {
        self.nudge.notify_one();
    }

    /// Whether the server is stopping (the receiver changes to `true`).
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// The offices someone follows; forgets those nobody follows any more.
    fn followed(&self) -> Vec<String> {
        let mut offices = self.offices.lock().unwrap_or_else(PoisonError::into_inner);
        offices.retain(|_, sender| sender.receiver_count() > 0);
        offices.keys().cloned().collect()
    }

    fn wake(&self, office_id: &str) {
        let offices = self.offices.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(sender) = offices.get(office_id) {
            sender.send_modify(|version| *version += 1);
        }
    }
}

/// Reads the pulse of the followed offices until the process ends.
pub async fn run(db: Db, pulses: Arc<Pulses>) {
    let mut seen: HashMap<String, (i64, i64)> = HashMap::new();
    loop {
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            () = pulses.nudge.notified() => {}
        }
        let offices = pulses.followed();
        seen.retain(|office, _| offices.contains(office));
        if offices.is_empty() {
            continue;
        }
        let now = match db.conn().await {
            Ok(mut conn) => calls::pulses(&mut conn, &offices).await,
            Err(err) => Err(err),
        };
        match now {
            Ok(now) => {
                for (office, at) in now {
                    if seen.insert(office.clone(), at) != Some(at) {
                        pulses.wake(&office);
                    }
                }
            }
            Err(err) => tracing::warn!(error = %err, "cannot read the offices' pulse; will retry"),
        }
    }
}
