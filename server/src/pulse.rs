//! Tells consoles and waiting-room displays that an office's bookings or calls changed.
//!
//! The database writes a pulse row for every such change (triggers, see migration 0008), so
//! a change made by any server process, through any path, is seen. One task per process reads
//! where the pulse stands for the offices someone follows, a few times a second, and when an
//! office's moved it reads the office's board once and hands it to every stream: however many
//! screens follow an office, the database is asked once.

use crate::db::calls;
use crate::state::AppState;
use sportello_core::office::Board;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// How often the pulse is read while someone follows an office. A call must reach the
/// display within a second.
const EVERY: Duration = Duration::from_millis(250);

/// Streams open at once, across offices: each is a connection and a task.
pub const MAX_FOLLOWERS: usize = 2_000;
/// Streams open at once from one address (an IPv6 /64): an office's PCs and its waiting-room
/// TV behind one router, with room to spare; no one address takes them all.
pub const MAX_FOLLOWERS_PER_ADDRESS: usize = 50;

/// Where an office stands: a counter that moves on every change, and its board as last read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfficeState {
    pub version: u64,
    pub board: Option<Board>,
}

/// The offices followed in this process.
#[derive(Debug)]
pub struct Pulses {
    offices: Mutex<HashMap<String, watch::Sender<OfficeState>>>,
    /// Streams open per address.
    per_address: Arc<Mutex<HashMap<IpAddr, usize>>>,
    /// Wakes the reader at once (after a write in this process).
    nudge: Notify,
    /// Set when the server stops: streams end, so shutdown does not wait for them.
    closing: watch::Sender<bool>,
    /// Bounds the streams open at once.
    followers: Arc<tokio::sync::Semaphore>,
}

impl Default for Pulses {
    fn default() -> Self {
        Pulses {
            offices: Mutex::default(),
            per_address: Arc::default(),
            nudge: Notify::new(),
            closing: watch::channel(false).0,
            followers: Arc::new(tokio::sync::Semaphore::new(MAX_FOLLOWERS)),
        }
    }
}

/// A stream's place among the followers; given back when the stream ends.
#[derive(Debug)]
pub struct Admission {
    _permit: tokio::sync::OwnedSemaphorePermit,
    address: IpAddr,
    per_address: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl Drop for Admission {
    fn drop(&mut self) {
        let mut counts = self
            .per_address
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = counts.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                counts.remove(&self.address);
            }
        }
    }
}

impl Pulses {
    /// A place for one more stream from `address` (already reduced to its /64), if there is one.
    pub fn admit(&self, address: IpAddr) -> Option<Admission> {
        let permit = self.followers.clone().try_acquire_owned().ok()?;
        let mut counts = self
            .per_address
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let count = counts.entry(address).or_default();
        if *count >= MAX_FOLLOWERS_PER_ADDRESS {
            return None;
        }
        *count += 1;
        Some(Admission {
            _permit: permit,
            address,
            per_address: self.per_address.clone(),
        })
    }

    /// Follows `office_id`: the receiver changes whenever its bookings or calls do.
    pub fn follow(&self, office_id: &str) -> watch::Receiver<OfficeState> {
        let mut offices = self.offices.lock().unwrap_or_else(PoisonError::into_inner);
        offices
            .entry(office_id.to_owned())
            .or_insert_with(|| watch::channel(OfficeState::default()).0)
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

    fn publish(&self, office_id: &str, board: Option<Board>) {
        let offices = self.offices.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(sender) = offices.get(office_id) {
            sender.send_modify(|state| {
                state.version += 1;
                if board.is_some() {
                    state.board = board;
                }
            });
        }
    }
}

/// Reads the pulse of the followed offices until the process ends.
pub async fn run(state: AppState) {
    let pulses = state.pulses.clone();
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
        let now = match state.db.conn().await {
            Ok(mut conn) => calls::pulses(&mut conn, &offices).await,
            Err(err) => Err(err),
        };
        match now {
            Ok(now) => {
                for (office, at) in now {
                    if seen.insert(office.clone(), at) != Some(at) {
                        let board = match crate::booking::day::board(&state, &office).await {
                            Ok(board) => Some(board),
                            Err(err) => {
                                tracing::warn!(error = %err, "cannot read a board");
                                None
                            }
                        };
                        pulses.publish(&office, board);
                    }
                }
            }
            Err(err) => tracing::warn!(error = %err, "cannot read the offices' pulse; will retry"),
        }
    }
}
