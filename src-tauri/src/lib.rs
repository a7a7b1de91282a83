//! Sportello's kiosk app: the Tauri backend of the touch-screen terminal in town halls and
//! help desks. The UI (the `sportello-ui` crate, Yew) calls the commands in [`commands`];
//! they read the local [`cache`], which [`sync`] keeps in step with the central server.

pub mod cache;
pub mod client;
pub mod commands;
pub mod config;
pub mod desk;
pub mod faq_search;
pub mod identity;
pub mod operator;
pub mod outbox;
pub mod printing;
pub mod store;
pub mod street_map;
pub mod sync;
pub mod territory;
pub mod window;
pub mod wizard;

use crate::cache::Cache;
use crate::commands::KioskState;
use crate::config::KioskConfig;
use crate::store::Store;
use crate::sync::{KioskParts, ServerClient, SyncEngine};
use sportello_core::kiosk::STATUS_EVENT;
use std::sync::{Arc, Mutex};
use tauri::{Emitter, Manager};
use tokio::sync::Notify;

/// Why the kiosk could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("no display: set DISPLAY or WAYLAND_DISPLAY to open the kiosk window")]
    NoDisplay,
    #[error("window system: {0}")]
    Tauri(#[from] tauri::Error),
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("cannot open the local cache: {0}")]
    Cache(#[from] cache::CacheError),
    #[error("cannot open the kiosk's state: {0}")]
    Store(#[from] store::StoreError),
    #[error("cannot set up the link to the server: {0}")]
    Sync(#[from] sync::SyncError),
}

/// Whether a window can open here. GTK aborts the process without one; saying so is kinder.
pub fn display_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|value| !value.is_empty()))
}

/// Opens the kiosk window and runs until it is closed.
pub fn run() -> Result<(), StartError> {
    if !display_available() {
        return Err(StartError::NoDisplay);
    }
    tauri::Builder::default()
        .setup(|app| {
            setup(app).map_err(|err| {
                tracing::error!(error = %err, "kiosk start-up failed");
                Box::new(err) as Box<dyn std::error::Error>
            })
        })
        .invoke_handler(tauri::generate_handler![
            commands::kiosk_status,
            commands::list_offices,
            commands::list_procedures,
            commands::faq_list,
            commands::faq_entry,
            commands::places,
            commands::place_card,
            commands::map_base,
            commands::map_tile,
            commands::sync_now,
            commands::ui_settings,
            commands::free_slots,
            commands::hold_slot,
            commands::release_hold,
            commands::confirm_booking,
            commands::booking_outcome,
            commands::book_leased,
            commands::lookup_booking,
            commands::cancel_booking,
            commands::print_receipt,
            commands::operator_login,
            commands::operator_change_password,
            commands::operator_logout,
            commands::current_operator,
            commands::operator_bookings,
            commands::operator_cancel,
            commands::reschedule_booking,
        ])
        .run(tauri::generate_context!())
        .map_err(StartError::Tauri)
}

fn setup(app: &mut tauri::App) -> Result<(), StartError> {
    let paths = app.path();
    let config = KioskConfig::load_or_create(&paths.app_config_dir()?.join(config::FILE_NAME))?;
    let data_dir = paths.app_data_dir()?;
    let cache = Arc::new(Mutex::new(Cache::open_or_recreate(
        &data_dir.join("cache.sqlite3"),
    )?));
    let store = Arc::new(Mutex::new(Store::open(&data_dir.join("state.sqlite3"))?));
    tracing::info!(kiosk = %config.kiosk_id, server = %config.server_url, "kiosk starting");

    let clock = sportello_core::clock::SystemClock::shared();
    let engine = SyncEngine::new(
        ServerClient::new(&config.server_url, clock.clone())?,
        cache.clone(),
    )?
    .with_kiosk(KioskParts {
        store: store.clone(),
        identity_dir: data_dir.join("identity"),
        enrolment_code: std::env::var(identity::ENROLMENT_CODE_ENV)
            .ok()
            .filter(|code| !code.trim().is_empty()),
        refused_grace_secs: sync::REFUSED_GRACE_SECS,
    })?;
    let mut status = engine.subscribe();
    let wake_sync = Arc::new(Notify::new());
    let wizard = wizard::Wizard::new(
        store.clone(),
        engine.client(),
        wake_sync.clone(),
        data_dir.join("identity"),
    );
    // A street map that cannot be read is reported and left out: the outlines still serve.
    let street_map = config.street_map.as_deref().and_then(|path| {
        match tauri::async_runtime::block_on(street_map::StreetMapArchive::open(path)) {
            Ok(archive) => Some(Arc::new(archive)),
            Err(err) => {
                tracing::warn!(error = %err, path = %path.display(), "street map not used");
                None
            }
        }
    });
    app.manage(KioskState {
        ui: sportello_core::kiosk::UiSettings {
            idle_secs: config.idle_secs,
            idle_warning_secs: config.idle_warning_secs,
            printer: config.receipt_printer().is_some(),
            receipt_url: config.receipt_url(),
            place_url: config.place_url(),
            street_map: street_map.as_ref().map(|archive| archive.zooms()),
            kiosk_mode: config.kiosk_mode,
        },
        street_map,
        printer: config.receipt_printer(),
        paper: config.paper,
        here: config.location,
        comune_istat: config.comune_istat.clone(),
        places: Default::default(),
        cache,
        store,
        wizard,
        status: status.clone(),
        wake_sync: wake_sync.clone(),
        clock,
    });

    // The window last: its page loads find the kiosk's state ready.
    window::open(app, config.kiosk_mode)?;
    tauri::async_runtime::spawn(engine.run(config.sync_interval(), wake_sync));
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        while status.changed().await.is_ok() {
            let current = status.borrow_and_update().clone();
            if let Err(err) = handle.emit(STATUS_EVENT, current) {
                tracing::warn!(error = %err, "cannot tell the UI about the status");
            }
        }
    });
    Ok(())
}
