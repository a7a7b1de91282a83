//! The Tauri commands the UI calls. They read only the local cache, never the network, so
//! every screen works the same with the server down. All are `async` so they run off the main
//! thread: waiting for the cache while a sync writes a page never freezes the window.

use crate::cache::CacheError;
use crate::sync::{SharedCache, lock};
use sportello_core::kiosk::{CommandError, KioskStatus};
use sportello_core::model::{Office, Procedure};
use std::sync::Arc;
use tauri::State;
use tokio::sync::{Notify, watch};

/// What the commands share, managed by Tauri.
pub struct KioskState {
    pub cache: SharedCache,
    pub store: crate::outbox::SharedStore,
    pub status: watch::Receiver<KioskStatus>,
    pub wake_sync: Arc<Notify>,
}

fn cache_error(err: CacheError) -> CommandError {
    tracing::error!(error = %err, "cache read failed");
    CommandError::CacheUnavailable
}

#[tauri::command(async)]
pub fn kiosk_status(state: State<'_, KioskState>) -> KioskStatus {
    state.status.borrow().clone()
}

#[tauri::command(async)]
pub fn list_offices(state: State<'_, KioskState>) -> Result<Vec<Office>, CommandError> {
    lock(&state.cache).offices().map_err(cache_error)
}

#[tauri::command(async)]
pub fn list_procedures(
    state: State<'_, KioskState>,
    office_id: Option<String>,
) -> Result<Vec<Procedure>, CommandError> {
    lock(&state.cache)
        .procedures(office_id.as_deref())
        .map_err(cache_error)
}

/// Asks for a pull now (e.g. when someone taps the status bar), without waiting for it.
#[tauri::command(async)]
pub fn sync_now(state: State<'_, KioskState>) {
    state.wake_sync.notify_one();
}
