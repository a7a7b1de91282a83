//! The one seam between the screens and what stands behind them. The kiosk's shell calls its
//! Tauri backend (`tauri`: commands and events, answered from the kiosk's cache, leases and
//! outbox); the browser's shell calls the central server over HTTP (`http`: the office
//! console today, phones next). Screens never reach past this module, so the same
//! components, messages and formatting serve both.

pub mod http;
mod tauri;

pub use tauri::*;

use sportello_core::kiosk::CommandError;

/// Why a call to the kiosk's backend failed.
#[derive(Debug, Clone, PartialEq)]
pub enum BackendError {
    /// The backend answered with one of its known errors.
    Command(CommandError),
    /// The call itself failed (no backend, or an answer of the wrong shape): a bug.
    Bridge(String),
}
