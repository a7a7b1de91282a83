//! The booking as people see it: without personal data for anyone with the code and a proof,
//! whole for those with authority; finding one, and lists.

use super::{BookingError, timestamp};
use crate::auth::Actor;
use crate::db::bookings::{self, BookingKey, BookingRow};
use crate::state::AppState;
use jiff::civil::Date;
use sportello_core::account::Role;
use sportello_core::agenda_change::ChangeReason;
use sportello_core::booking::{Booking, BookingRecord, BookingStatus, CitizenProof};
use sportello_core::calendar;
use sportello_core::office::Channel;
use sportello_core::receipt::ReceiptClaims;

/// The booking without personal data, with a receipt when it is one a person can show (a
/// walk-in has its number, not an appointment to show).
pub fn public_view(state: &AppState, row: &BookingRow) -> Booking {
    let walk_in = Channel::of(&row.booked_by, None) == Channel::WalkIn;
    let receipt = (matches!(
        row.status,
        BookingStatus::Confirmed | BookingStatus::CheckedIn
    ) && !walk_in)
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

pub(super) async fn full_view(
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

pub(super) async fn full_views(
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
pub(super) fn has_authority(actor: &Actor, row: &BookingRow) -> bool {
    has_authority_over(actor, &row.office_id, row.organization_id.as_deref())
}

/// Authority over a booking at `office_id` made by `organization_id`: the administrators, the
/// office's staff, the organisation's operators.
pub(super) fn has_authority_over(
    actor: &Actor,
    office_id: &str,
    organization_id: Option<&str>,
) -> bool {
    actor.is_admin()
        || actor.require_office(office_id).is_ok()
        || actor
            .organization()
            .is_some_and(|organization| organization_id == Some(organization))
}

/// Why a receipt of a booking is not its current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StaleReceipt {
    /// A kiosk restored from an old backup may have booked one lease for two people; the
    /// server kept the first, and only the receipt given to that person stands.
    NotTheOneIssued,
    /// The appointment was moved since: a newer receipt replaced this one.
    BeforeAMove,
}

/// Whether `claims`, a receipt of `row`'s booking, is stale, and why.
pub(super) fn stale_receipt(claims: &ReceiptClaims, row: &BookingRow) -> Option<StaleReceipt> {
    if claims.key_id.starts_with("kiosk:") && row.issued_at != Some(claims.issued_at) {
        Some(StaleReceipt::NotTheOneIssued)
    } else if claims.start != row.slot_start || claims.office_id != row.office_id {
        Some(StaleReceipt::BeforeAMove)
    } else {
        None
    }
}

/// Whether `claims` are the booking's current receipt.
pub fn receipt_is_current(claims: &ReceiptClaims, row: &BookingRow) -> bool {
    claims.code == row.code && stale_receipt(claims, row).is_none()
}

/// Finds a booking for `actor` (locking it when `lock`): by authority, or by the proof a
/// citizen gives (date of birth and the document's last characters). Every failure reads
/// "not found", so no one learns which codes exist.
pub(super) async fn find_for(
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
    /// The office moved the appointment (a closure): the person learns the new time and why
    /// from the receipt they have.
    MovedByOffice {
        current: Booking,
        reason: ChangeReason,
    },
    /// The office cancelled the appointment, for this reason.
    CancelledByOffice {
        current: Booking,
        reason: ChangeReason,
    },
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
        .verify_any_receipt(token, state.clock.now())
        .map_err(|err| BookingError::InvalidReceipt(err.to_string()))?;
    let mut conn = state.db.conn().await?;
    let receipt_state = match bookings::booking_by_code(&mut conn, &claims.code).await? {
        None => ReceiptState::Gone,
        Some(row) if row.status == BookingStatus::Leased => ReceiptState::NotYetReported,
        Some(row) if row.status == BookingStatus::Held => ReceiptState::Gone,
        Some(row) => {
            let by_office = crate::db::notices::last_change(&mut conn, &row.id).await?;
            let current = receipt_is_current(&claims, &row);
            // The office's move speaks for a receipt it replaced: one issued before the move,
            // of a booking not moved again since (the move set its issue time). Any other
            // stale receipt (a later move by the person, a kiosk's second receipt for the
            // same seat) stays "replaced", telling nothing.
            let replaced_by_office = |at: i64| {
                claims.issued_at <= at
                    && row.issued_at == Some(at)
                    && stale_receipt(&claims, &row) == Some(StaleReceipt::BeforeAMove)
            };
            match by_office {
                Some((kind, reason, at))
                    if kind == "moved" && !current && replaced_by_office(at) =>
                {
                    ReceiptState::MovedByOffice {
                        current: public_view(state, &row),
                        reason,
                    }
                }
                Some((kind, reason, _))
                    if kind == "cancelled" && row.status == BookingStatus::Cancelled =>
                {
                    ReceiptState::CancelledByOffice {
                        current: public_view(state, &row),
                        reason,
                    }
                }
                _ if current => ReceiptState::Current(public_view(state, &row)),
                _ => ReceiptState::Replaced,
            }
        }
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

/// A citizen's own booking, by code and proof: no personal data in the answer.
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
