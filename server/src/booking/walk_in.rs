//! Walk-ins: a queue number at the desk for a person without an appointment, where the
//! office gives them. A walk-in is a booking with no person (the desk sees them) and no seat
//! (it takes no place from the appointments), booked by `walk-in:<staff>`, checked in as it
//! is made: the counters call it after the appointments, and the numbers count it apart.

use super::agenda::Agenda;
use super::day::entry_of;
use super::{
    BookingError, IdempotencyKey, claim_key, give_queue_number, insert_with_fresh_code,
    new_booking_id, replay, respond, with_retries,
};
use crate::auth::Actor;
use crate::db::bookings::BookingRow;
use crate::db::idempotency::{self, StoredResponse};
use crate::state::AppState;
use sportello_core::booking::BookingStatus;
use sportello_core::calendar;
use sportello_core::office::WALK_IN;

/// Gives a person without an appointment the next queue number of `office_id` for
/// `procedure_id`, on a day one of the procedure's counters there opens. Answers `201` with
/// the walk-in as the agenda shows it; the same key again answers the same number.
pub async fn walk_in(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    office_id: &str,
    procedure_id: &str,
) -> Result<StoredResponse, BookingError> {
    actor
        .require_office(office_id)
        .map_err(|_| BookingError::Forbidden)?;
    let now = state.clock.now();
    let today = calendar::local_date(now);
    let counter_id = {
        let mut conn = state.db.conn().await?;
        // A retry gets its number even if the office has changed its mind since.
        if let Some(stored) = replay(&mut conn, key).await? {
            return Ok(stored);
        }
        let agenda = Agenda::load(
            &mut conn,
            &state.plans,
            procedure_id,
            Some(office_id),
            today,
            Some(today),
            now,
        )
        .await?
        .filter(|agenda| agenda.offices().next().is_some())
        .ok_or_else(|| {
            BookingError::NotFound(format!("no procedure {procedure_id} at this office"))
        })?;
        if !agenda.offices().any(|office| office.walk_ins) {
            return Err(BookingError::InvalidState(
                "the office gives no numbers without an appointment".to_owned(),
            ));
        }
        // The first counter open today holds the row; any counter serving the procedure
        // calls it.
        let open = agenda.open_on(today);
        let Some((counter, _)) = open.first() else {
            return Err(BookingError::InvalidState(
                "no counter serves this procedure today".to_owned(),
            ));
        };
        counter.id.clone()
    };
    with_retries(|| async {
        let at = now.as_second();
        let mut tx = state.db.begin_write().await?;
        if let Some(stored) = claim_key(&mut tx, key, at).await? {
            return Ok(stored);
        }
        // Made confirmed, then checked in like any arrival: that sets its number and the
        // check-in time its wait is counted from.
        let mut row = BookingRow {
            id: new_booking_id(),
            code: String::new(),
            procedure_id: procedure_id.to_owned(),
            office_id: office_id.to_owned(),
            counter_id: counter_id.clone(),
            slot_start: at,
            slot_end: at,
            day: today.to_string(),
            status: BookingStatus::Confirmed,
            hold_expires_at: None,
            person_key: None,
            organization_id: None,
            booked_by: format!("{WALK_IN}:{}", actor.label()),
            mediator_language: None,
            queue_number: None,
            issued_at: None,
            kiosk_id: None,
            created_at: at,
        };
        insert_with_fresh_code(&mut tx, &mut row).await?;
        give_queue_number(&mut tx, &actor.label(), "walk_in", &mut row, at).await?;
        let entry = entry_of(state, &mut tx, &row).await?;
        let response = respond(201, &entry);
        idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
        tx.commit().await?;
        Ok(response)
    })
    .await
}
