//! The Tauri commands the UI calls. Reading commands read only the local cache, never the
//! network, so every screen works the same with the server down; the booking wizard's go
//! through [`crate::wizard`] (live slots when the server answers, leased seats otherwise, and
//! every write through the outbox). All are `async` so they run off the main thread: waiting
//! for the cache while a sync writes a page never freezes the window.

use crate::cache::CacheError;
use crate::sync::{SharedCache, lock};
use sportello_core::Lang;
use sportello_core::booking::{ConfirmRequest, Hold, HoldRequest};
use sportello_core::directory::places::Places;
use sportello_core::directory::view::{MapBase, MapTile, PlaceCard, PlaceFilter, PlaceList};
use sportello_core::identity::Person;
use sportello_core::kiosk::{BookOutcome, CommandError, HoldOutcome, KioskStatus, SlotList};
use sportello_core::model::{GeoPoint, Office, Procedure};
use std::sync::{Arc, Mutex};
use tauri::State;
use tokio::sync::{Notify, watch};

/// What the commands share, managed by Tauri.
pub struct KioskState {
    pub ui: sportello_core::kiosk::UiSettings,
    pub printer: Option<crate::printing::Printer>,
    pub paper: crate::printing::Paper,
    /// Where the kiosk stands, if configured (the services map measures from here).
    pub here: Option<GeoPoint>,
    pub comune_istat: String,
    /// The directory in memory, rebuilt when the cache changes.
    pub places: Mutex<Option<Arc<Places>>>,
    pub street_map: Option<Arc<crate::street_map::StreetMapArchive>>,
    pub cache: SharedCache,
    pub store: crate::outbox::SharedStore,
    pub wizard: crate::wizard::Wizard,
    pub status: watch::Receiver<KioskStatus>,
    pub wake_sync: Arc<Notify>,
    /// The kiosk's clock ("open now", the wizard's dates).
    pub clock: sportello_core::clock::SharedClock,
}

fn cache_error(err: CacheError) -> CommandError {
    tracing::error!(error = %err, "cache read failed");
    CommandError::CacheUnavailable
}

#[tauri::command(async)]
pub fn kiosk_status(state: State<'_, KioskState>) -> KioskStatus {
    state.status.borrow().clone()
}

/// The questions and answers for a person reading `lang`: those matching `query` (best
/// first) or all of them (most asked first), of one category or all.
#[tauri::command(async)]
pub fn faq_list(
    state: State<'_, KioskState>,
    lang: sportello_core::Lang,
    query: Option<String>,
    category: Option<sportello_core::faq::FaqCategory>,
) -> Result<Vec<sportello_core::kiosk::FaqItem>, CommandError> {
    let cache = lock(&state.cache);
    let query = query.filter(|query| !query.trim().is_empty());
    // A query is what a person typed: a few words, not a document.
    let query = query.map(|query| query.chars().take(200).collect::<String>());
    match &query {
        Some(query) => cache.search_faq(query, lang, category),
        None => cache.faq_list(lang, category),
    }
    .map_err(cache_error)
}

/// One question and its answer, in every language it has.
#[tauri::command(async)]
pub fn faq_entry(
    state: State<'_, KioskState>,
    id: String,
) -> Result<Option<sportello_core::faq::FaqEntry>, CommandError> {
    lock(&state.cache).faq_entry(&id).map_err(cache_error)
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

/// The directory as the cache holds it now.
fn current_places(state: &KioskState) -> Result<Arc<Places>, CommandError> {
    let cache = lock(&state.cache);
    let generation = cache.generation();
    let mut held = state
        .places
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(places) = held
        .as_ref()
        .filter(|places| places.generation == generation)
    {
        return Ok(places.clone());
    }
    let places = Arc::new(Places::build(
        generation,
        cache.organizations().map_err(cache_error)?,
        &cache.comuni().map_err(cache_error)?,
    ));
    *held = Some(places.clone());
    Ok(places)
}

/// Where distances are measured from: the configured spot, else the centre of the kiosk's
/// comune (see [`Places::centre_of`]), else Asti's.
fn here(state: &KioskState, places: &Places) -> GeoPoint {
    const ASTI: GeoPoint = GeoPoint {
        lat: 44.90024,
        lon: 8.20643,
    };
    state
        .here
        .or_else(|| places.centre_of(&state.comune_istat))
        .unwrap_or(ASTI)
}

/// The services map's places matching `filter`, nearest first, in `lang`.
#[tauri::command(async)]
pub fn places(
    state: State<'_, KioskState>,
    filter: PlaceFilter,
    lang: Lang,
) -> Result<PlaceList, CommandError> {
    let places = current_places(&state)?;
    let from = here(&state, &places);
    Ok(places.query(&filter, from, state.clock.now(), lang))
}

/// One place's card in `lang`; `None` when it has left the directory.
#[tauri::command(async)]
pub fn place_card(
    state: State<'_, KioskState>,
    id: String,
    lang: Lang,
) -> Result<Option<PlaceCard>, CommandError> {
    let places = current_places(&state)?;
    let from = here(&state, &places);
    Ok(places.card(&id, from, state.clock.now(), lang, &state.ui.place_url))
}

/// The base map: province outlines and comune boundaries (compiled in).
#[tauri::command(async)]
pub fn map_base() -> &'static MapBase {
    crate::territory::base()
}

/// A tile of the deployer's street map; `None` where it has none (or there is no such map).
#[tauri::command(async)]
pub async fn map_tile(
    state: State<'_, KioskState>,
    z: u8,
    x: u32,
    y: u32,
) -> Result<Option<MapTile>, CommandError> {
    let Some(archive) = state.street_map.clone() else {
        return Ok(None);
    };
    archive.tile(z, x, y).await.or_else(|err| {
        // A damaged tile leaves a hole in the map, not an error on the screen.
        tracing::warn!(error = %err, z, x, y, "street map tile unreadable");
        Ok(None)
    })
}

/// Asks for a pull now (e.g. when someone taps the status bar), without waiting for it.
#[tauri::command(async)]
pub fn sync_now(state: State<'_, KioskState>) {
    state.wake_sync.notify_one();
}

fn wizard_error(err: crate::wizard::WizardError) -> CommandError {
    tracing::error!(error = %err, "booking step failed");
    match err {
        crate::wizard::WizardError::NotEnrolled => CommandError::NotEnrolled,
        _ => CommandError::CacheUnavailable,
    }
}

/// The slots to choose from for a procedure.
#[tauri::command(async)]
pub async fn free_slots(
    state: State<'_, KioskState>,
    procedure_id: String,
    from: Option<jiff::civil::Date>,
) -> Result<SlotList, CommandError> {
    state
        .wizard
        .slots(&procedure_id, from)
        .await
        .map_err(wizard_error)
}

#[tauri::command(async)]
pub async fn hold_slot(
    state: State<'_, KioskState>,
    request: HoldRequest,
) -> Result<HoldOutcome, CommandError> {
    state.wizard.hold(&request).await.map_err(wizard_error)
}

#[tauri::command(async)]
pub fn release_hold(state: State<'_, KioskState>, hold_id: String) -> Result<(), CommandError> {
    state.wizard.release(&hold_id).map_err(wizard_error)
}

#[tauri::command(async)]
pub async fn confirm_booking(
    state: State<'_, KioskState>,
    hold: Hold,
    request: ConfirmRequest,
) -> Result<BookOutcome, CommandError> {
    state
        .wizard
        .confirm(&hold, &request)
        .await
        .map_err(wizard_error)
}

#[tauri::command(async)]
pub fn booking_outcome(
    state: State<'_, KioskState>,
    outbox_id: i64,
) -> Result<BookOutcome, CommandError> {
    state.wizard.outcome(outbox_id).map_err(wizard_error)
}

#[tauri::command(async)]
pub fn book_leased(
    state: State<'_, KioskState>,
    lease_id: String,
    person: Person,
    mediator_language: Option<String>,
) -> Result<BookOutcome, CommandError> {
    state
        .wizard
        .book_leased(&lease_id, &person, mediator_language)
        .map_err(wizard_error)
}

/// How the UI behaves on this terminal.
#[tauri::command(async)]
pub fn ui_settings(state: State<'_, KioskState>) -> sportello_core::kiosk::UiSettings {
    state.ui.clone()
}

/// A person's own booking, by code and proof (date of birth and the document's end).
#[tauri::command(async)]
pub async fn lookup_booking(
    state: State<'_, KioskState>,
    code: String,
    proof: sportello_core::booking::CitizenProof,
) -> Result<sportello_core::kiosk::LookupOutcome, CommandError> {
    state
        .wizard
        .lookup(&code, &proof)
        .await
        .map_err(wizard_error)
}

/// Cancels a person's own booking.
#[tauri::command(async)]
pub async fn cancel_booking(
    state: State<'_, KioskState>,
    booking: sportello_core::booking::Booking,
    proof: sportello_core::booking::CitizenProof,
) -> Result<sportello_core::kiosk::CancelOutcome, CommandError> {
    state
        .wizard
        .cancel(&booking, &proof)
        .await
        .map_err(wizard_error)
}

/// Prints a receipt on the kiosk's printer. On any failure the receipt stays on screen.
#[tauri::command(async)]
pub async fn print_receipt(
    state: State<'_, KioskState>,
    receipt: sportello_core::kiosk::PrintedReceipt,
) -> Result<(), CommandError> {
    let (printer, paper) = (state.printer.clone(), state.paper);
    let printed = tauri::async_runtime::spawn_blocking(move || {
        crate::printing::print(printer.as_ref(), paper, &receipt)
    })
    .await
    .map_err(|_| CommandError::PrinterUnavailable)?;
    printed.map_err(|err| {
        // The receipt's content is not logged: it names the person's appointment.
        tracing::warn!(error = %err, "receipt not printed");
        match err {
            crate::printing::PrintError::OutOfPaper => CommandError::PrinterOutOfPaper,
            _ => CommandError::PrinterUnavailable,
        }
    })
}

/// Logs an operator in at this kiosk (a discreet entry on the home screen).
#[tauri::command(async)]
pub async fn operator_login(
    state: State<'_, KioskState>,
    username: String,
    password: String,
) -> Result<sportello_core::kiosk::LoginOutcome, CommandError> {
    Ok(state.wizard.operators.login(&username, &password).await)
}

/// Replaces the temporary password an operator just logged in with by their own.
#[tauri::command(async)]
pub async fn operator_change_password(
    state: State<'_, KioskState>,
    old_password: String,
    new_password: String,
) -> Result<sportello_core::kiosk::PasswordChangeOutcome, CommandError> {
    Ok(state
        .wizard
        .operators
        .change_password(&old_password, &new_password)
        .await)
}

#[tauri::command(async)]
pub async fn operator_logout(state: State<'_, KioskState>) -> Result<(), CommandError> {
    state.wizard.operators.logout().await;
    Ok(())
}

#[tauri::command(async)]
pub fn current_operator(
    state: State<'_, KioskState>,
) -> Option<sportello_core::kiosk::OperatorInfo> {
    state.wizard.operators.operator()
}

/// The logged-in operator's organisation's bookings, as the list shows them; `None` without an
/// operator or a link.
#[tauri::command(async)]
pub async fn operator_bookings(
    state: State<'_, KioskState>,
) -> Result<Option<Vec<sportello_core::kiosk::OperatorBooking>>, CommandError> {
    Ok(state.wizard.operators.bookings().await)
}

/// Cancels one of the operator's organisation's bookings.
#[tauri::command(async)]
pub async fn operator_cancel(
    state: State<'_, KioskState>,
    booking: sportello_core::booking::Booking,
) -> Result<sportello_core::kiosk::CancelOutcome, CommandError> {
    state
        .wizard
        .cancel_for_operator(&booking)
        .await
        .map_err(wizard_error)
}

/// Moves a booking to another slot (see [`crate::wizard::Wizard::reschedule`]).
#[tauri::command(async)]
pub async fn reschedule_booking(
    state: State<'_, KioskState>,
    booking: sportello_core::booking::Booking,
    proof: Option<sportello_core::booking::CitizenProof>,
    office_id: String,
    start: jiff::Timestamp,
) -> Result<sportello_core::kiosk::RescheduleOutcome, CommandError> {
    state
        .wizard
        .reschedule(&booking, proof, &office_id, start)
        .await
        .map_err(wizard_error)
}
