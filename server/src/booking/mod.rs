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
mod availability;
pub mod change;
pub mod day;
pub mod flight;
mod hold;
mod housekeeping;
pub mod leases;
mod manage;
pub mod notices;
mod office;
pub mod slots;
pub mod stats;
mod view;
pub mod walk_in;

pub use availability::{Flights, Suggestions, availability};
pub use hold::{confirm, earlier_answer, hold, release};
pub use housekeeping::housekeeping;
pub use manage::{cancel, cancel_with, reschedule, reschedule_for_change};
pub use office::{check_in, no_show};
pub use view::{
    ListFilter, ReceiptState, by_receipt, get, list, lookup, public_view, receipt_is_current,
};

use crate::db::DbError;
use crate::db::audit;
use crate::db::audit::AuditEntry;
use crate::db::bookings::{self, BookingRow};
use crate::db::idempotency::{self, IdempotencyClaim, StoredResponse};
use crate::keys::random_bytes;
use agenda::{Agenda, offers};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use sportello_core::booking::{
    BookingStatus, CODE_ALPHABET, CODE_LENGTH, ExistingBooking, SlotOffer,
};
use sportello_core::identity::FieldError;

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
    /// Messages to people go to an SMS gateway (else staff call them).
    pub sms_gateway: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hold: SignedDuration::from_mins(10),
            retention: SignedDuration::from_hours(30 * 24),
            session: SignedDuration::from_hours(8),
            holds_per_account: 20,
            sms_gateway: false,
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

impl From<crate::auth::limits::LimitError> for BookingError {
    fn from(err: crate::auth::limits::LimitError) -> Self {
        use crate::auth::limits::LimitError;
        match err {
            LimitError::TooMany(too_many) => BookingError::TooMany(too_many.0),
            LimitError::Db(err) => BookingError::Db(err),
        }
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

/// Inserts `row` under a fresh code. Codes are random in a space of 5·10^10: a clash is rare,
/// and draws again.
async fn insert_with_fresh_code(
    tx: &mut sqlx::AnyConnection,
    row: &mut BookingRow,
) -> Result<(), BookingError> {
    loop {
        row.code = new_booking_code();
        if bookings::insert_booking(tx, row).await? {
            return Ok(());
        }
    }
}

/// Checks the confirmed `row` in with the office's next queue number of its day, audited as
/// `action` by `actor`; `row` then says so.
async fn give_queue_number(
    tx: &mut sqlx::AnyConnection,
    actor: &str,
    action: &str,
    row: &mut BookingRow,
    at: i64,
) -> Result<i64, BookingError> {
    let number = bookings::next_queue_number(tx, &row.office_id, &row.day).await?;
    bookings::check_in(tx, &row.id, number, at).await?;
    row.status = BookingStatus::CheckedIn;
    row.queue_number = Some(number);
    audit::record(
        tx,
        &audit_entry(actor, action, row, at, format!("queue {number}")),
    )
    .await?;
    Ok(number)
}

fn new_booking_id() -> String {
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
    match idempotency::claim(tx, &key.actor, &key.key, &key.request_hash, now).await? {
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
    match idempotency::stored(conn, &key.actor, &key.key, &key.request_hash).await? {
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
