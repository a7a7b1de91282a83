//! The next free slots of a procedure, and the places a claim may take: shared walks of the
//! agenda, suggestions when a slot is taken.

use super::agenda::{Agenda, Candidate, offers};
use super::{BookingError, flight, slots};
use crate::db::{WriteTx, bookings};
use crate::state::AppState;
use jiff::Timestamp;
use jiff::civil::Date;
use sportello_core::booking::{Availability, SlotOffer};
use sportello_core::calendar;
use std::cmp::Reverse;

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

pub(super) async fn walk_availability(
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
pub(super) const SUGGESTIONS_FRESH_FOR: std::time::Duration = std::time::Duration::from_millis(500);

/// Recent suggestions, by procedure.
#[derive(Debug, Default)]
pub struct Suggestions(
    std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, Vec<SlotOffer>)>>,
);

/// The next few free slots, offered when the one asked for (`taken`) was taken.
pub(super) async fn alternatives(
    state: &AppState,
    procedure_id: &str,
    taken: Timestamp,
) -> Result<Vec<SlotOffer>, BookingError> {
    let mut offers = recent_offers(state, procedure_id).await?;
    offers.retain(|offer| offer.start != taken);
    Ok(offers)
}

pub(super) async fn recent_offers(
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
pub(super) async fn candidates_at(
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
pub(super) async fn still_current(
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
pub(super) async fn claim_any<'c>(
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
