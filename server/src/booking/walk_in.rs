//! Walk-ins: a queue number at the desk for a person without an appointment, where the
//! office gives them. A walk-in is a booking born checked in, with no person (the desk sees
//! them) and no seat (it takes no place from the appointments), booked by `walk-in:<staff>`
//! so that the counters call it after the appointments and the numbers count it apart.

use super::day::entry_of;
use super::{
    BookingError, IdempotencyKey, audit_entry, claim_key, new_booking_code, new_hold_id, respond,
    with_retries,
};
use crate::auth::Actor;
use crate::db::audit;
use crate::db::bookings::{self, BookingRow};
use crate::db::idempotency::{self, StoredResponse};
use crate::state::AppState;
use sportello_core::booking::BookingStatus;
use sportello_core::calendar;
use sportello_core::office::WALK_IN;

/// Gives a person without an appointment the next queue number of `office_id` for
/// `procedure_id`. Answers `201` with the walk-in as the agenda shows it; the same key again
/// answers the same number.
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
    let (office, procedure) = {
        let mut conn = state.db.conn().await?;
        let office = crate::db::get_office(&mut conn, office_id).await?;
        let procedure = crate::db::get_procedure(&mut conn, procedure_id).await?;
        (office, procedure)
    };
    let office = office.ok_or_else(|| BookingError::NotFound(format!("no office {office_id}")))?;
    let procedure = procedure
        .filter(|procedure| procedure.office_id == office_id)
        .ok_or_else(|| {
            BookingError::NotFound(format!("no procedure {procedure_id} at this office"))
        })?;
    if !office.walk_ins {
        return Err(BookingError::InvalidState(
            "the office gives no numbers without an appointment".to_owned(),
        ));
    }
    // The first counter that serves the procedure holds the row; any of them calls it.
    let Some(counter_id) = procedure.counter_ids.first() else {
        return Err(BookingError::InvalidState(
            "no counter serves this procedure".to_owned(),
        ));
    };
    with_retries(|| async {
        let now = state.clock.now();
        let at = now.as_second();
        let mut tx = state.db.begin_write().await?;
        if let Some(stored) = claim_key(&mut tx, key, at).await? {
            return Ok(stored);
        }
        let mut row = BookingRow {
            id: new_hold_id(),
            code: String::new(),
            procedure_id: procedure.id.clone(),
            office_id: office.id.clone(),
            counter_id: counter_id.clone(),
            slot_start: at,
            slot_end: at,
            day: calendar::local_date(now).to_string(),
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
        loop {
            row.code = new_booking_code();
            if bookings::insert_booking(&mut tx, &row).await? {
                break;
            }
        }
        let number = bookings::next_queue_number(&mut tx, &row.office_id, &row.day).await?;
        bookings::check_in(&mut tx, &row.id, number, at).await?;
        row.status = BookingStatus::CheckedIn;
        row.queue_number = Some(number);
        audit::record(
            &mut tx,
            &audit_entry(
                &actor.label(),
                "walk_in",
                &row,
                at,
                format!("queue {number}"),
            ),
        )
        .await?;
        let entry = entry_of(state, &mut tx, &row).await?;
        let response = respond(201, &entry);
        idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
        tx.commit().await?;
        Ok(response)
    })
    .await
}
