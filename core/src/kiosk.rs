//! What the kiosk backend tells its UI: shapes shared across the Tauri command boundary.

use serde::{Deserialize, Serialize};

/// Event the backend emits with the new [`KioskStatus`] whenever it changes.
pub const STATUS_EVENT: &str = "kiosk-status";

/// Whether the kiosk can reach the central server right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// No pull has finished or failed yet since the kiosk started.
    Connecting,
    /// The last pull reached the server.
    Online,
    /// The last pull failed: the kiosk works from its cache.
    Offline,
}

/// The kiosk's link to the server and the age of its data, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskStatus {
    pub connection: Connection,
    /// When data last came from the server (Unix seconds), kept across restarts.
    pub last_sync: Option<i64>,
    /// Position in the server's change feed: the UI reloads its lists when it moves.
    pub cursor: i64,
    /// The kiosk's id once enrolled; `None` before (it then cannot book).
    #[serde(default)]
    pub kiosk_id: Option<String>,
    /// The server refuses this kiosk (revoked): it can show information but book nothing.
    #[serde(default)]
    pub refused: bool,
    /// Writes waiting for the server.
    #[serde(default)]
    pub outbox_pending: u32,
    /// Writes the server refused or that timed out, in the last day (for the operator).
    #[serde(default)]
    pub outbox_failed: u32,
    /// Seats this kiosk can book offline.
    #[serde(default)]
    pub leases_free: u32,
    /// Seats booked offline, not yet reported.
    #[serde(default)]
    pub leases_used: u32,
}

impl KioskStatus {
    pub fn new(connection: Connection) -> KioskStatus {
        KioskStatus {
            connection,
            last_sync: None,
            cursor: 0,
            kiosk_id: None,
            refused: false,
            outbox_pending: 0,
            outbox_failed: 0,
            leases_free: 0,
            leases_used: 0,
        }
    }
}

/// Why a kiosk command failed; the UI shows a message for each in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CommandError {
    /// The local cache cannot be read (disk full, file damaged, …).
    #[error("the local data cannot be read")]
    CacheUnavailable,
}
