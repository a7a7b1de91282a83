//! The booking engine: availability, holds, confirmation, cancellation, rescheduling,
//! check-in and no-shows.
//!
//! Invariants, each enforced by the database rather than by a check before a write:
//! - no place is given twice: every appointment claims its grid cells in `seat_claims`, whose
//!   primary key refuses a second claim;
//! - one active booking per person per procedure: a partial unique index on
//!   `(procedure_id, person_key)` for confirmed bookings;
//! - a retried write never acts twice: its idempotency key is claimed in the same transaction
//!   as the write, and a retry gets the stored answer.

pub mod agenda;
pub mod flight;
pub mod leases;
pub mod slots;

use crate::api::AppState;
use crate::auth::Actor;
use crate::db::bookings::{
    self, ActiveBooking, AuditEntry, BookingKey, BookingRow, Confirmation, IdempotencyClaim,
    StoredResponse,
};
use crate::db::{Db, DbError, WriteTx};
use crate::keys::random_bytes;
use agenda::{Agenda, Candidate, offers};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use sportello_core::account::Role;
use sportello_core::booking::{
    Availability, Booking, BookingRecord, BookingStatus, CODE_ALPHABET, CODE_LENGTH, CheckIn,
    CitizenProof, ConfirmRequest, ExistingBooking, Hold, HoldRequest, RescheduleRequest, SlotOffer,
};
use sportello_core::calendar;
use sportello_core::identity::{FieldError, Person};
use sportello_core::receipt::ReceiptClaims;
use sqlx::Any;
use sqlx::pool::PoolConnection;
use std::cmp::Reverse;

/// Engine settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long a picked slot stays held for the person to finish.
    pub hold: SignedDuration,
    /// Personal data is deleted this long after the appointment.
    pub retention: SignedDuration,
    /// How long a login lasts.
    pub session: SignedDuration,
    /// Live holds at once per account and per kiosk.
    pub holds_per_account: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hold: SignedDuration::from_mins(10),
            retention: SignedDuration::from_hours(30 * 24),
            session: SignedDuration::from_hours(8),
            holds_per_account: 20,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    #[error("{0}")]
    NotFound(String),
    #[error("{detail}")]
    Invalid {
        detail: String,
        fields: Vec<FieldError>,
    },
    #[error("the slot was taken meanwhile")]
    SlotTaken { alternatives: Vec<SlotOffer> },
    #[error("the person already has an active booking for this procedure")]
    AlreadyBooked(ExistingBooking),
    #[error("the hold expired or was released")]
    HoldExpired,
    #[error("{0}")]
    NotBookable(String),
    #[error("{0}")]
    InvalidState(String),
    #[error("{0}")]
    InvalidReceipt(String),
    /// An offline booking's lease ended and its seat went to someone else.
    #[error("{0}")]
    LeaseGone(String),
    #[error("the idempotency key was used for a different request")]
    IdempotencyMismatch,
    #[error("not allowed")]
    Forbidden,
    /// Too many live holds, or too many refusals about one person: try again after this.
    #[error("too many at once; try again later")]
    TooMany(std::time::Duration),
    /// The agenda changed while a write was computed against it: the write starts over.
    #[error("the agenda changed meanwhile; try again")]
    AgendaChanged,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for BookingError {
    fn from(err: sqlx::Error) -> Self {
        BookingError::Db(DbError::from(err))
    }
}

/// How many failed confirmations a hold takes before it ends: each "already booked" answer
/// tells whether an identity has a booking, so a hold is not a place to try many.
const MAX_CONFIRM_FAILURES: i64 = 3;

/// Who a hold is for, and how many live holds they may have at once.
#[derive(Debug, Clone)]
pub struct Holder {
    /// An account's or a kiosk's label, or the opaque key of a citizen's address.
    pub name: String,
    pub cap: u32,
}

/// A write's idempotency key, scoped to its caller, with a hash of the request it came with.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub actor: String,
    pub key: String,
    pub request_hash: String,
}

fn respond<T: Serialize>(status: u16, value: &T) -> StoredResponse {
    StoredResponse {
        status,
        body: serde_json::to_string(value).expect("responses serialise"),
    }
}

/// A random booking code, every character equally likely (bytes that would favour the first
/// letters of the alphabet are drawn again).
fn new_booking_code() -> String {
    crate::keys::random_code(CODE_ALPHABET, CODE_LENGTH)
}

fn new_hold_id() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<18>())
}

fn timestamp(unix: i64) -> Timestamp {
    Timestamp::from_second(unix).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Claims the idempotency key in `tx`, or returns what to answer instead.
async fn claim_key(
    tx: &mut sqlx::AnyConnection,
    key: &IdempotencyKey,
    now: i64,
) -> Result<Option<StoredResponse>, BookingError> {
    match bookings::claim_idempotency(tx, &key.actor, &key.key, &key.request_hash, now).await? {
        IdempotencyClaim::New => Ok(None),
        IdempotencyClaim::Replay(stored) => Ok(Some(stored)),
        IdempotencyClaim::Mismatch => Err(BookingError::IdempotencyMismatch),
    }
}

/// The stored answer to an earlier request with this key, read without claiming the key.
async fn replay(
    conn: &mut sqlx::AnyConnection,
    key: &IdempotencyKey,
) -> Result<Option<StoredResponse>, BookingError> {
    match bookings::stored_response(conn, &key.actor, &key.key, &key.request_hash).await? {
        Some(IdempotencyClaim::Replay(stored)) => Ok(Some(stored)),
        Some(IdempotencyClaim::Mismatch) => Err(BookingError::IdempotencyMismatch),
        Some(IdempotencyClaim::New) | None => Ok(None),
    }
}

fn audit_entry(actor: &str, action: &str, row: &BookingRow, at: i64, detail: String) -> AuditEntry {
    AuditEntry {
        at,
        actor: actor.to_owned(),
        action: action.to_owned(),
        booking_code: Some(row.code.clone()),
        office_id: Some(row.office_id.clone()),
        organization_id: row.organization_id.clone(),
        detail,
    }
}

/// Runs a write again when the database says it may succeed on a second try (a deadlock or
/// serialization failure on PostgreSQL, a busy SQLite): a person should not see an error
/// because two others happened to write at the same moment.
async fn with_retries<T, F, Fut>(mut write: F) -> Result<T, BookingError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, BookingError>>,
{
    let mut attempt = 0u32;
    loop {
        match write().await {
            Err(BookingError::AgendaChanged) if attempt < 4 => attempt += 1,
            Err(BookingError::Db(err)) if err.is_retryable() && attempt < 4 => {
                attempt += 1;
                let jitter = u64::from(crate::keys::random_bytes::<1>()[0]) % 20;
                tokio::time::sleep(std::time::Duration::from_millis(
                    5 * u64::from(attempt) + jitter,
                ))
                .await;
            }
            other => return other,
        }
    }
}

// --- availability --------------------------------------------------------------------------

/// Computations that requests arriving together share (see [`flight`]).
#[derive(Debug, Default)]
pub struct Flights {
    /// The next free slots, by procedure, first day and how many.
    pub availability: flight::SingleFlight<(String, Date, usize), Availability>,
    /// The free places of every procedure, for kiosks.
    pub slots: flight::SingleFlight<(), std::sync::Arc<slots::CachedSlots>>,
}

/// The next free slots of a procedure, from `from` (default today) on. Requests for the same
/// at the same moment share one walk of the agenda.
pub async fn availability(
    state: &AppState,
    procedure_id: &str,
    from: Option<Date>,
    limit: usize,
) -> Result<Availability, BookingError> {
    let today = calendar::local_date(state.clock.now());
    let from = from.unwrap_or(today).max(today);
    state
        .flights
        .availability
        .run((procedure_id.to_owned(), from, limit), || {
            walk_availability(state, procedure_id, from, limit)
        })
        .await
}

async fn walk_availability(
    state: &AppState,
    procedure_id: &str,
    from: Date,
    limit: usize,
) -> Result<Availability, BookingError> {
    let now = state.clock.now();
    let mut conn = state.db.conn().await?;
    let agenda = Agenda::load(&mut conn, &state.plans, procedure_id, None, from, None, now)
        .await?
        .ok_or_else(|| BookingError::NotFound(format!("no procedure {procedure_id}")))?;
    let until = agenda.to();
    Ok(Availability {
        procedure_id: procedure_id.to_owned(),
        slots: offers(&agenda.candidates(now, from, until), limit),
        bookable_until: until,
    })
}

/// How old the suggestions in a "slot taken" answer may be. They are only suggestions (the
/// next attempt on one is decided by the database), and on a click day thousands of refusals
/// a second would otherwise each recompute the whole agenda.
const SUGGESTIONS_FRESH_FOR: std::time::Duration = std::time::Duration::from_millis(500);

/// Recent suggestions, by procedure.
#[derive(Debug, Default)]
pub struct Suggestions(
    std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, Vec<SlotOffer>)>>,
);

/// The next few free slots, offered when the one asked for (`taken`) was taken.
async fn alternatives(
    state: &AppState,
    procedure_id: &str,
    taken: Timestamp,
) -> Result<Vec<SlotOffer>, BookingError> {
    let mut offers = recent_offers(state, procedure_id).await?;
    offers.retain(|offer| offer.start != taken);
    Ok(offers)
}

async fn recent_offers(
    state: &AppState,
    procedure_id: &str,
) -> Result<Vec<SlotOffer>, BookingError> {
    let recent = state
        .suggestions
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(procedure_id)
        .filter(|(at, _)| at.elapsed() < SUGGESTIONS_FRESH_FOR)
        .map(|(_, offers)| offers.clone());
    if let Some(offers) = recent {
        return Ok(offers);
    }
    let offers = availability(state, procedure_id, None, 6).await?.slots;
    state
        .suggestions
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(
            procedure_id.to_owned(),
            (std::time::Instant::now(), offers.clone()),
        );
    Ok(offers)
}

/// The bookable candidates at exactly `start` at one office, most free first, and the feed
/// head of the agenda they come from. The free counts may be a moment old (the claims
/// decide); the agenda itself is checked again before a claim commits ([`still_current`]).
async fn candidates_at(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    procedure_id: &str,
    office_id: &str,
    start: Timestamp,
    now: Timestamp,
    version: Option<i64>,
) -> Result<(i64, Vec<Candidate>), BookingError> {
    let agenda = Agenda::load_slot(conn, &state.plans, procedure_id, office_id, start, version)
        .await?
        .ok_or_else(|| BookingError::NotFound(format!("no procedure {procedure_id}")))?;
    let mut candidates = agenda.candidates_at(now, start);
    if candidates.is_empty() {
        return Err(BookingError::NotBookable(
            "not a bookable time for this procedure and office (closed, too soon, or beyond \
             the open agenda)"
                .to_owned(),
        ));
    }
    candidates.sort_by_key(|candidate| Reverse(candidate.free));
    Ok((agenda.version(), candidates))
}

/// Whether the agenda a claim was computed from (`version`, a feed head) is the one in force,
/// first thing in the claiming transaction, which keeps it in force until the claim commits
/// (see `db::lock_agenda`). An administrator may have changed a counter's grid or seats, or
/// closed the day, since the candidates were read; then the write starts over.
async fn still_current(
    state: &AppState,
    tx: &mut WriteTx,
    version: i64,
) -> Result<(), BookingError> {
    if tx.agenda_version().await? == version {
        Ok(())
    } else {
        state.plans.invalidate();
        Err(BookingError::AgendaChanged)
    }
}

/// Claims one of `candidates` for `booking_id`, the freest first; which one it got. Tries the
/// ones that looked full too: a place may have been freed since they were read.
async fn claim_any<'c>(
    conn: &mut sqlx::AnyConnection,
    booking_id: &str,
    candidates: &'c [Candidate],
) -> Result<Option<&'c Candidate>, BookingError> {
    for candidate in candidates {
        if bookings::claim_cells(
            conn,
            booking_id,
            &candidate.counter_id,
            &candidate.cells,
            candidate.seats,
        )
        .await?
        {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

// --- hold, release, confirm ----------------------------------------------------------------

fn has_free(candidates: &[Candidate]) -> bool {
    candidates.iter().any(|candidate| candidate.free > 0)
}

/// Answers a hold that found no free place (or no bookable slot): "slot taken" with other
/// times to try. A retry of a hold that went through is still answered as it was, though the
/// place it took is what makes the slot look full now. Takes the connection to give it back
/// before the suggestions take one: holding one while waiting for another starves the pool.
async fn refuse(
    state: &AppState,
    mut conn: PoolConnection<Any>,
    key: &IdempotencyKey,
    request: &HoldRequest,
    read: Result<(), BookingError>,
) -> Result<StoredResponse, BookingError> {
    if let Some(stored) = replay(&mut conn, key).await? {
        return Ok(stored);
    }
    drop(conn);
    read?;
    Err(BookingError::SlotTaken {
        alternatives: alternatives(state, &request.procedure_id, request.start).await?,
    })
}

pub async fn hold(
    state: &AppState,
    actor: &Actor,
    holder: &Holder,
    key: &IdempotencyKey,
    request: &HoldRequest,
) -> Result<StoredResponse, BookingError> {
    with_retries(|| hold_once(state, actor, holder, key, request)).await
}

async fn hold_once(
    state: &AppState,
    actor: &Actor,
    holder: &Holder,
    key: &IdempotencyKey,
    request: &HoldRequest,
) -> Result<StoredResponse, BookingError> {
    let now = state.clock.now();
    let mut conn = state.db.conn().await?;
    let read = candidates_at(
        state,
        &mut conn,
        &request.procedure_id,
        &request.office_id,
        request.start,
        now,
        None,
    )
    .await;
    // Full (or not bookable) at this read: answer without queueing for the write lock, as
    // most attempts on a click day end here.
    let version = match read {
        Ok((version, found)) if has_free(&found) => version,
        read => return refuse(state, conn, key, request, read.map(|_| ())).await,
    };
    drop(conn);
    let mut tx = state.db.begin_write().await?;
    still_current(state, &mut tx, version).await?;
    // Read again under the write lock: in a burst, the places seen free above have often gone
    // by the time this writer's turn comes, and finding that out with one read costs far less
    // than the inserts (and the rollback) of a claim bound to fail.
    let (_, candidates) = candidates_at(
        state,
        &mut tx,
        &request.procedure_id,
        &request.office_id,
        request.start,
        now,
        Some(version),
    )
    .await?;
    if !has_free(&candidates) {
        drop(tx);
        return refuse(state, state.db.conn().await?, key, request, Ok(())).await;
    }
    if let Some(stored) = claim_key(&mut tx, key, now.as_second()).await? {
        return Ok(stored);
    }
    // Counted in the database, under the write lock: every server process sees the same
    // holds.
    let (live, first_end) = bookings::live_holds(&mut tx, &holder.name, now.as_second()).await?;
    if live >= i64::from(holder.cap) {
        let wait = first_end.map_or(60, |end| end - now.as_second()).max(1);
        return Err(BookingError::TooMany(std::time::Duration::from_secs(
            wait.unsigned_abs(),
        )));
    }
    let first = &candidates[0];
    let expires_at = now.checked_add(state.settings.hold).unwrap_or(now);
    let mut row = BookingRow {
        id: new_hold_id(),
        code: String::new(),
        procedure_id: request.procedure_id.clone(),
        office_id: request.office_id.clone(),
        counter_id: first.counter_id.clone(),
        slot_start: first.start.as_second(),
        slot_end: first.end.as_second(),
        day: first.day.to_string(),
        status: BookingStatus::Held,
        hold_expires_at: Some(expires_at.as_second()),
        person_key: None,
        organization_id: None,
        booked_by: actor.label(),
        mediator_language: None,
        queue_number: None,
        issued_at: None,
        kiosk_id: None,
        created_at: now.as_second(),
    };
    // Codes are random in a space of 5·10^10; a clash is rare, and retried.
    loop {
        row.code = new_booking_code();
        if bookings::insert_booking(&mut tx, &row).await? {
            break;
        }
    }
    let Some(chosen) = claim_any(&mut tx, &row.id, &candidates).await? else {
        drop(tx);
        return Err(BookingError::SlotTaken {
            alternatives: alternatives(state, &request.procedure_id, request.start).await?,
        });
    };
    if chosen.counter_id != row.counter_id {
        bookings::set_counter(&mut tx, &row.id, &chosen.counter_id).await?;
        row.counter_id = chosen.counter_id.clone();
    }
    bookings::set_holder(&mut tx, &row.id, &holder.name).await?;
    bookings::audit(
        &mut tx,
        &audit_entry(&actor.label(), "hold", &row, now.as_second(), String::new()),
    )
    .await?;
    let response = respond(
        201,
        &Hold {
            hold_id: row.id.clone(),
            procedure_id: row.procedure_id.clone(),
            office_id: row.office_id.clone(),
            counter_id: row.counter_id.clone(),
            start: chosen.start,
            end: chosen.end,
            expires_at,
        },
    );
    bookings::complete_idempotency(&mut tx, &key.actor, &key.key, &response).await?;
    tx.commit().await?;
    Ok(response)
}

/// Releases a hold (the person went back, or left). Releasing one already gone is fine.
pub async fn release(state: &AppState, actor: &Actor, hold_id: &str) -> Result<(), BookingError> {
    with_retries(|| async {
        let now = state.clock.now().as_second();
        let mut tx = state.db.begin_write().await?;
        match bookings::lock_booking(&mut tx, BookingKey::Id(hold_id)).await? {
            None => Ok(()),
            Some(row) if row.status == BookingStatus::Held => {
                bookings::delete_booking(&mut tx, hold_id).await?;
                bookings::audit(
                    &mut tx,
                    &audit_entry(&actor.label(), "release", &row, now, String::new()),
                )
                .await?;
                tx.commit().await?;
                Ok(())
            }
            Some(_) => Err(BookingError::InvalidState(
                "this hold is already a booking: cancel the booking instead".to_owned(),
            )),
        }
    })
    .await
}

pub async fn confirm(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    hold_id: &str,
    request: &ConfirmRequest,
) -> Result<StoredResponse, BookingError> {
    let person = validated_person(state, &request.person, &request.mediator_language)?;
    let person_key = state.keys.person_key(&person.identity_key());
    let result =
        with_retries(|| confirm_once(state, actor, key, hold_id, request, &person, &person_key))
            .await;
    if let Err(BookingError::AlreadyBooked(_)) = &result {
        confirm_failed(state, actor, hold_id, &person_key).await?;
    }
    result
}

/// After an "already booked" answer: counts it against the person (too many about one
/// identity are refused, so no one learns who has a booking by trying), and against the hold,
/// which ends after a few.
async fn confirm_failed(
    state: &AppState,
    actor: &Actor,
    hold_id: &str,
    person_key: &str,
) -> Result<(), BookingError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if let Some(failures) = bookings::count_confirm_failure(&mut tx, hold_id).await?
        && failures >= MAX_CONFIRM_FAILURES
        && let Some(row) = bookings::lock_booking(&mut tx, BookingKey::Id(hold_id)).await?
    {
        bookings::delete_booking(&mut tx, hold_id).await?;
        bookings::audit(
            &mut tx,
            &audit_entry(
                &actor.label(),
                "hold_ended",
                &row,
                now.as_second(),
                format!("{failures} failed confirmations"),
            ),
        )
        .await?;
    }
    tx.commit().await?;
    let limit = crate::auth::limits::Limit::AlreadyBooked { person_key };
    match state.limits.take(&state.db, &state.keys, limit, now).await {
        Ok(()) => Ok(()),
        Err(crate::auth::limits::LimitError::TooMany(too_many)) => {
            Err(BookingError::TooMany(too_many.0))
        }
        Err(crate::auth::limits::LimitError::Db(err)) => Err(err.into()),
        Err(crate::auth::limits::LimitError::Busy) => Ok(()),
    }
}

/// The person's details checked and normalised, and the mediator's language checked.
fn validated_person(
    state: &AppState,
    person: &Person,
    mediator_language: &Option<String>,
) -> Result<Person, BookingError> {
    let person = person
        .validated(calendar::local_date(state.clock.now()))
        .map_err(|fields| BookingError::Invalid {
            detail: "some details of the person are missing or wrong".to_owned(),
            fields,
        })?;
    let is_language_code =
        |code: &str| (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
    if mediator_language
        .as_deref()
        .is_some_and(|code| !is_language_code(code))
    {
        return Err(BookingError::Invalid {
            detail: "mediator_language: an ISO 639 language code, e.g. \"ar\"".to_owned(),
            fields: Vec::new(),
        });
    }
    Ok(person)
}

async fn confirm_once(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    hold_id: &str,
    request: &ConfirmRequest,
    person: &Person,
    person_key: &str,
) -> Result<StoredResponse, BookingError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if let Some(stored) = claim_key(&mut tx, key, now.as_second()).await? {
        return Ok(stored);
    }
    let Some(mut row) = bookings::lock_booking(&mut tx, BookingKey::Id(hold_id)).await? else {
        return Err(BookingError::HoldExpired);
    };
    if row.status.is_appointment() {
        return Err(BookingError::InvalidState(
            "this hold was already confirmed".to_owned(),
        ));
    }
    if row
        .hold_expires_at
        .is_none_or(|expiry| expiry <= now.as_second())
    {
        return Err(BookingError::HoldExpired);
    }
    bookings::lapse_past(&mut tx, &row.procedure_id, person_key, now.as_second()).await?;
    if let Some(existing) = bookings::active_booking(&mut tx, &row.procedure_id, person_key).await?
    {
        return Err(already_booked(actor, existing));
    }
    let confirmation = Confirmation {
        id: &row.id,
        person_key,
        organization_id: actor.organization(),
        booked_by: &actor.label(),
        mediator_language: request.mediator_language.as_deref(),
        now: now.as_second(),
    };
    match bookings::confirm_hold(&mut tx, &confirmation).await {
        Ok(true) => {}
        Ok(false) => return Err(BookingError::HoldExpired),
        // Two confirmations for the same person raced; the index let one through.
        Err(err) if err.is_unique_violation() => {
            drop(tx);
            let mut conn = state.db.conn().await?;
            return match bookings::active_booking(&mut conn, &row.procedure_id, person_key).await? {
                Some(existing) => Err(already_booked(actor, existing)),
                None => Err(BookingError::Db(err)),
            };
        }
        Err(err) => return Err(err.into()),
    }
    bookings::save_person(&mut tx, &row.id, person).await?;
    row.status = BookingStatus::Confirmed;
    row.organization_id = actor.organization().map(str::to_owned);
    row.mediator_language = request.mediator_language.clone();
    row.issued_at = Some(now.as_second());
    bookings::audit(
        &mut tx,
        &audit_entry(
            &actor.label(),
            "confirm",
            &row,
            now.as_second(),
            String::new(),
        ),
    )
    .await?;
    let response = respond(201, &public_view(state, &row));
    bookings::complete_idempotency(&mut tx, &key.actor, &key.key, &response).await?;
    tx.commit().await?;
    Ok(response)
}

/// "Already booked". Where and when, and the code, only go to those with authority over the
/// other booking (the administrators, its office's staff, the organisation that made it):
/// anyone can type someone's document number, and no detail they add (a surname, a date of
/// birth) may be confirmed by the answer. The person finds their own booking with its code.
fn already_booked(actor: &Actor, existing: ActiveBooking) -> BookingError {
    let office_id = existing.booking.office_id.clone().unwrap_or_default();
    let authority = actor.is_admin()
        || actor.require_office(&office_id).is_ok()
        || actor
            .organization()
            .is_some_and(|organization| existing.organization_id.as_deref() == Some(organization));
    let mut booking = existing.booking;
    if !authority {
        booking.code = None;
        booking.office_id = None;
        booking.start = None;
    }
    BookingError::AlreadyBooked(booking)
}

// --- the booking as people see it ----------------------------------------------------------

/// The booking without personal data, with a receipt when it is one a person can show.
pub fn public_view(state: &AppState, row: &BookingRow) -> Booking {
    let receipt = matches!(
        row.status,
        BookingStatus::Confirmed | BookingStatus::CheckedIn
    )
    .then(|| {
        state.keys.sign_receipt(ReceiptClaims {
            code: row.code.clone(),
            office_id: row.office_id.clone(),
            procedure_id: row.procedure_id.clone(),
            counter_id: row.counter_id.clone(),
            start: row.slot_start,
            end: row.slot_end,
            issued_at: row.issued_at.unwrap_or(row.slot_start),
            key_id: String::new(),
        })
    });
    Booking {
        code: row.code.clone(),
        status: row.status,
        procedure_id: row.procedure_id.clone(),
        office_id: row.office_id.clone(),
        counter_id: row.counter_id.clone(),
        start: timestamp(row.slot_start),
        end: timestamp(row.slot_end),
        mediator_language: row.mediator_language.clone(),
        receipt,
        queue_number: row.queue_number.and_then(|n| u32::try_from(n).ok()),
    }
}

async fn full_view(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    row: &BookingRow,
) -> Result<BookingRecord, BookingError> {
    Ok(BookingRecord {
        booking: public_view(state, row),
        person: bookings::person_of(conn, &row.id).await?,
        organization_id: row.organization_id.clone(),
        booked_by: row.booked_by.clone(),
    })
}

async fn full_views(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    rows: &[BookingRow],
) -> Result<Vec<BookingRecord>, BookingError> {
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        records.push(full_view(state, conn, row).await?);
    }
    Ok(records)
}

/// Whether `actor` may see and manage `row` with its personal data: the province's
/// administrators, the staff of its office, the operators of the organisation that booked it.
fn has_authority(actor: &Actor, row: &BookingRow) -> bool {
    actor.is_admin()
        || actor.require_office(&row.office_id).is_ok()
        || actor
            .organization()
            .is_some_and(|organization| row.organization_id.as_deref() == Some(organization))
}

/// Whether `claims` are the booking's current receipt: same place and time and, for a kiosk's
/// receipt, the one the booking was made with.
pub fn receipt_is_current(claims: &ReceiptClaims, row: &BookingRow) -> bool {
    claims.code == row.code
        && claims.start == row.slot_start
        && claims.office_id == row.office_id
        && (!claims.key_id.starts_with("kiosk:") || row.issued_at == Some(claims.issued_at))
}

/// Finds a booking for `actor` (locking it when `lock`): by authority, or by the date of birth
/// a citizen gives. Every failure reads "not found", so no one learns which codes exist.
async fn find_for(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    code: &str,
    proof: Option<&CitizenProof>,
    lock: bool,
) -> Result<BookingRow, BookingError> {
    let not_found = || {
        BookingError::NotFound(match proof {
            Some(_) => "no booking with this code, date of birth and document".to_owned(),
            None => "no booking with this code that you may see".to_owned(),
        })
    };
    let row = bookings::booking_by_code(conn, code)
        .await?
        .filter(|row| row.status.is_appointment())
        .ok_or_else(not_found)?;
    let allowed = has_authority(actor, &row)
        || match proof {
            None => false,
            Some(proof) => bookings::person_of(conn, &row.id)
                .await?
                .is_some_and(|person| proof.matches(&person)),
        };
    if !allowed {
        return Err(not_found());
    }
    if !lock {
        return Ok(row);
    }
    // Locked only once allowed: a stranger with a code takes no row lock. What was read may
    // have changed meanwhile; the locked copy is the one to act on.
    bookings::lock_booking(conn, BookingKey::Code(code))
        .await?
        .filter(|row| row.status.is_appointment())
        .ok_or_else(not_found)
}

/// What a receipt says of its booking now, for the page a phone opens from its QR code.
#[derive(Debug, Clone)]
pub enum ReceiptState {
    /// The receipt is the booking's current one; the booking (no personal data) as it is.
    Current(Booking),
    /// The appointment was moved since: only the newer receipt counts.
    Replaced,
    /// Booked offline at a kiosk that has not reported it yet.
    NotYetReported,
    /// No such booking any more (or a kiosk's offline booking the server could not keep).
    Gone,
}

/// Verifies a receipt (the token, or the address carrying it) and finds its booking.
pub async fn by_receipt(
    state: &AppState,
    token: &str,
) -> Result<(ReceiptClaims, ReceiptState), BookingError> {
    let claims = state
        .keys
        .verify_any_receipt(token)
        .map_err(|err| BookingError::InvalidReceipt(err.to_string()))?;
    let mut conn = state.db.conn().await?;
    let receipt_state = match bookings::booking_by_code(&mut conn, &claims.code).await? {
        None => ReceiptState::Gone,
        Some(row) if row.status == BookingStatus::Leased => ReceiptState::NotYetReported,
        Some(row) if row.status == BookingStatus::Held => ReceiptState::Gone,
        Some(row) if receipt_is_current(&claims, &row) => {
            ReceiptState::Current(public_view(state, &row))
        }
        Some(_) => ReceiptState::Replaced,
    };
    Ok((claims, receipt_state))
}

/// A booking with personal data, for those with authority over it.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    code: &str,
) -> Result<BookingRecord, BookingError> {
    let mut conn = state.db.conn().await?;
    let row = find_for(&mut conn, actor, code, None, false).await?;
    full_view(state, &mut conn, &row).await
}

/// A citizen's own booking, by code and date of birth: no personal data in the answer.
pub async fn lookup(
    state: &AppState,
    actor: &Actor,
    code: &str,
    proof: &CitizenProof,
) -> Result<Booking, BookingError> {
    let mut conn = state.db.conn().await?;
    let row = find_for(&mut conn, actor, code, Some(proof), false).await?;
    Ok(public_view(state, &row))
}

/// What a list of bookings is asked for: an office, an organisation, a day. Each may be left
/// out; a caller's own office or organisation is the default.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub office_id: Option<String>,
    pub organization_id: Option<String>,
    pub day: Option<Date>,
}

/// Bookings with the people's details, for those with authority over them: an office's staff
/// see their office's (by default today's), an operator their organisation's (by default from
/// today on), an administrator any. Asking for another office or organisation is forbidden.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: ListFilter,
) -> Result<Vec<BookingRecord>, BookingError> {
    let user = actor.require_user().map_err(|_| BookingError::Forbidden)?;
    let (office_id, organization_id) = match user.role {
        Role::Admin => (filter.office_id, filter.organization_id),
        Role::Staff => (
            filter.office_id.or_else(|| user.office_id.clone()),
            filter.organization_id,
        ),
        Role::Operator => (
            filter.office_id,
            filter
                .organization_id
                .or_else(|| user.organization_id.clone()),
        ),
    };
    let own_office = office_id
        .as_deref()
        .is_none_or(|office| actor.require_office(office).is_ok());
    let own_organization =
        user.role != Role::Operator || organization_id.as_deref() == actor.organization();
    if !own_office && user.role != Role::Operator || !own_organization {
        return Err(BookingError::Forbidden);
    }
    let now = state.clock.now();
    let today = calendar::local_date(now);
    // An office's list is a day's (today's by default); an organisation's runs from today on.
    let day = filter
        .day
        .or((office_id.is_some() || organization_id.is_none()).then_some(today));
    let since = calendar::to_instant(today, 0).unwrap_or(now).as_second();
    let day_text = day.map(|day| day.to_string());
    let query = bookings::BookingQuery {
        office_id: office_id.as_deref(),
        organization_id: organization_id.as_deref(),
        day: day_text.as_deref(),
        since: day.is_none().then_some(since),
    };
    let mut conn = state.db.conn().await?;
    let rows = bookings::list_bookings(&mut conn, &query).await?;
    full_views(state, &mut conn, &rows).await
}

// --- cancel, reschedule --------------------------------------------------------------------

pub async fn cancel(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    proof: Option<&CitizenProof>,
) -> Result<StoredResponse, BookingError> {
    with_retries(|| async {
        let now = state.clock.now().as_second();
        let mut tx = state.db.begin_write().await?;
        if let Some(stored) = claim_key(&mut tx, key, now).await? {
            return Ok(stored);
        }
        let mut row = find_for(&mut tx, actor, code, proof, true).await?;
        if row.status != BookingStatus::Confirmed || row.slot_start <= now {
            return Err(BookingError::InvalidState(
                "only a confirmed appointment that has not started can be cancelled".to_owned(),
            ));
        }
        bookings::set_status(
            &mut tx,
            &row.id,
            BookingStatus::Confirmed,
            BookingStatus::Cancelled,
            now,
        )
        .await?;
        bookings::release_claims(&mut tx, &row.id).await?;
        // Nothing more is owed to the person: their details go now, not at retention.
        bookings::forget_person(&mut tx, &row.id).await?;
        row.status = BookingStatus::Cancelled;
        bookings::audit(
            &mut tx,
            &audit_entry(&actor.label(), "cancel", &row, now, String::new()),
        )
        .await?;
        let response = respond(200, &public_view(state, &row));
        bookings::complete_idempotency(&mut tx, &key.actor, &key.key, &response).await?;
        tx.commit().await?;
        Ok(response)
    })
    .await
}

/// Moves a booking to another slot, atomically: the old places are freed only if the new
/// ones are taken, in the same transaction.
pub async fn reschedule(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    request: &RescheduleRequest,
) -> Result<StoredResponse, BookingError> {
    with_retries(|| reschedule_once(state, actor, key, code, request)).await
}

async fn reschedule_once(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    request: &RescheduleRequest,
) -> Result<StoredResponse, BookingError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // The agenda in force, held so until this transaction ends (see `still_current`).
    let version = tx.agenda_version().await?;
    if let Some(stored) = claim_key(&mut tx, key, now.as_second()).await? {
        return Ok(stored);
    }
    let mut row = find_for(&mut tx, actor, code, request.proof.as_ref(), true).await?;
    if row.status != BookingStatus::Confirmed || row.slot_start <= now.as_second() {
        return Err(BookingError::InvalidState(
            "only a confirmed appointment that has not started can be moved".to_owned(),
        ));
    }
    // Free the current places first (inside the transaction), so a new slot that overlaps
    // the old one on the same counter is seen as free.
    bookings::release_claims(&mut tx, &row.id).await?;
    let (_, candidates) = candidates_at(
        state,
        &mut tx,
        &row.procedure_id,
        &request.office_id,
        request.start,
        now,
        Some(version),
    )
    .await?;
    let Some(chosen) = claim_any(&mut tx, &row.id, &candidates).await? else {
        drop(tx);
        return Err(BookingError::SlotTaken {
            alternatives: alternatives(state, &row.procedure_id, request.start).await?,
        });
    };
    let detail = format!("from {} to {}", timestamp(row.slot_start), chosen.start);
    bookings::move_booking(
        &mut tx,
        &row.id,
        &chosen.office_id,
        &chosen.counter_id,
        chosen.start.as_second(),
        chosen.end.as_second(),
        &chosen.day.to_string(),
        now.as_second(),
    )
    .await?;
    row.office_id = chosen.office_id.clone();
    row.counter_id = chosen.counter_id.clone();
    row.slot_start = chosen.start.as_second();
    row.slot_end = chosen.end.as_second();
    row.day = chosen.day.to_string();
    row.issued_at = Some(now.as_second());
    bookings::audit(
        &mut tx,
        &audit_entry(&actor.label(), "reschedule", &row, now.as_second(), detail),
    )
    .await?;
    let response = respond(200, &public_view(state, &row));
    bookings::complete_idempotency(&mut tx, &key.actor, &key.key, &response).await?;
    tx.commit().await?;
    Ok(response)
}

// --- at the office -------------------------------------------------------------------------

/// Checks a person in with their receipt: a queue number for the day. Scanning the same
/// receipt again gives the same number.
pub async fn check_in(
    state: &AppState,
    actor: &Actor,
    receipt: &str,
) -> Result<CheckIn, BookingError> {
    let claims = state
        .keys
        .verify_any_receipt(receipt)
        .map_err(|err| BookingError::InvalidReceipt(err.to_string()))?;
    may_check_in(state, actor, &claims.office_id).await?;
    with_retries(|| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let row = bookings::lock_booking(&mut tx, BookingKey::Code(&claims.code))
            .await?
            .filter(|row| row.status != BookingStatus::Held)
            .ok_or_else(|| BookingError::NotFound(format!("no booking {}", claims.code)))?;
        if row.status == BookingStatus::Leased {
            // A kiosk booked it offline and has not been back online since: the person is
            // not at fault, but the office cannot know who they are yet.
            return Err(BookingError::InvalidState(
                "booked offline at a kiosk that has not reported it yet: the kiosk reports it \
                 when it is back online"
                    .to_owned(),
            ));
        }
        // A kiosk restored from an old backup may have booked one lease for two people; the
        // server kept the first, and only the receipt given to that person checks in.
        if claims.key_id.starts_with("kiosk:") && row.issued_at != Some(claims.issued_at) {
            return Err(BookingError::InvalidReceipt(
                "this receipt is not the one this booking was made with".to_owned(),
            ));
        }
        if row.slot_start != claims.start || row.office_id != claims.office_id {
            return Err(BookingError::InvalidReceipt(
                "this receipt is from before the appointment was moved: use the newest one"
                    .to_owned(),
            ));
        }
        let queue_number = match row.status {
            BookingStatus::CheckedIn => row.queue_number.unwrap_or(0),
            BookingStatus::Confirmed => {
                let today = calendar::local_date(now).to_string();
                if row.day != today {
                    return Err(BookingError::InvalidState(format!(
                        "the appointment is on {}, not today",
                        row.day
                    )));
                }
                let number = bookings::next_queue_number(&mut tx, &row.office_id, &row.day).await?;
                bookings::check_in(&mut tx, &row.id, number, now.as_second()).await?;
                bookings::audit(
                    &mut tx,
                    &audit_entry(
                        &actor.label(),
                        "check_in",
                        &row,
                        now.as_second(),
                        format!("queue {number}"),
                    ),
                )
                .await?;
                tx.commit().await?;
                number
            }
            other => {
                return Err(BookingError::InvalidState(format!(
                    "the booking is {}",
                    other.as_str()
                )));
            }
        };
        Ok(CheckIn {
            code: row.code,
            office_id: row.office_id,
            queue_number: u32::try_from(queue_number).unwrap_or(0),
        })
    })
    .await
}

/// The office's staff check people in; so does a kiosk standing in the office's comune (the
/// one in its waiting room, where people scan their receipt on arrival).
async fn may_check_in(
    state: &AppState,
    actor: &Actor,
    office_id: &str,
) -> Result<(), BookingError> {
    let Ok(kiosk_id) = actor.require_kiosk() else {
        return actor
            .require_office(office_id)
            .map(|_| ())
            .map_err(|_| BookingError::Forbidden);
    };
    let mut conn = state.db.conn().await?;
    let kiosk = crate::db::kiosks::find_kiosk(&mut conn, kiosk_id).await?;
    let office = crate::db::get_office(&mut conn, office_id).await?;
    match (kiosk, office) {
        (Some(kiosk), Some(office)) if kiosk.comune_istat == office.address.comune_istat => Ok(()),
        _ => Err(BookingError::Forbidden),
    }
}

/// Marks that the person did not come, once the slot is over. Marking again answers the same.
pub async fn no_show(state: &AppState, actor: &Actor, code: &str) -> Result<Booking, BookingError> {
    with_retries(|| async {
        let now = state.clock.now().as_second();
        let mut tx = state.db.begin_write().await?;
        let mut row = bookings::lock_booking(&mut tx, BookingKey::Code(code))
            .await?
            .filter(|row| {
                row.status.is_appointment() && actor.require_office(&row.office_id).is_ok()
            })
            .ok_or_else(|| BookingError::NotFound(format!("no booking {code}")))?;
        match row.status {
            BookingStatus::NoShow => return Ok(public_view(state, &row)),
            BookingStatus::Confirmed if row.slot_end <= now => {}
            _ => {
                return Err(BookingError::InvalidState(
                    "only a confirmed appointment whose time is over can be marked as a no-show"
                        .to_owned(),
                ));
            }
        }
        bookings::set_status(
            &mut tx,
            &row.id,
            BookingStatus::Confirmed,
            BookingStatus::NoShow,
            now,
        )
        .await?;
        row.status = BookingStatus::NoShow;
        bookings::audit(
            &mut tx,
            &audit_entry(&actor.label(), "no_show", &row, now, String::new()),
        )
        .await?;
        tx.commit().await?;
        Ok(public_view(state, &row))
    })
    .await
}

// --- housekeeping --------------------------------------------------------------------------

/// Expires holds, purges personal data past retention, drops old sessions and idempotency
/// records. Run periodically by the server; tests call it directly.
pub async fn housekeeping(db: &Db, now: Timestamp, settings: &Settings) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let at = now.as_second();
    for (code, office_id) in bookings::delete_expired_holds(&mut tx, at).await? {
        bookings::audit(&mut tx, &system_entry("hold_expired", code, office_id, at)).await?;
    }
    leases::expire(&mut tx, at).await?;
    crate::db::kiosks::purge_expired(&mut tx, at).await?;
    let cutoff = now
        .checked_sub(settings.retention)
        .unwrap_or(now)
        .as_second();
    for (code, office_id) in bookings::purge_people(&mut tx, cutoff).await? {
        bookings::audit(
            &mut tx,
            &system_entry("personal_data_purged", code, office_id, at),
        )
        .await?;
    }
    // A client retries within minutes; a day of idempotency records is plenty.
    let idempotency_cutoff = now
        .checked_sub(SignedDuration::from_hours(24))
        .unwrap_or(now);
    bookings::purge_old_records(&mut tx, at, idempotency_cutoff.as_second()).await?;
    crate::db::limits::prune(&mut tx, now.as_millisecond()).await?;
    tx.commit().await?;
    Ok(())
}

fn system_entry(action: &str, code: String, office_id: String, at: i64) -> AuditEntry {
    AuditEntry {
        at,
        actor: "system".to_owned(),
        action: action.to_owned(),
        booking_code: Some(code),
        office_id: Some(office_id),
        organization_id: None,
        detail: String::new(),
    }
}
