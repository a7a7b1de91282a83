//! Holding a slot, releasing it, confirming it for a person.

use super::agenda::Candidate;
use super::availability::{alternatives, candidates_at, claim_any, still_current};
use super::view::{has_authority_over, public_view};
use super::{
    BookingError, Holder, IdempotencyKey, MAX_CONFIRM_FAILURES, audit_entry, claim_key,
    insert_with_fresh_code, new_booking_id, replay, respond, with_retries,
};
use crate::auth::Actor;
use crate::auth::limits::Limit;
use crate::db::audit;
use crate::db::bookings::{self, ActiveBooking, BookingKey, BookingRow, Confirmation};
use crate::db::idempotency::{self, StoredResponse};
use crate::state::AppState;
use sportello_core::booking::{BookingStatus, ConfirmRequest, Hold, HoldRequest};
use sportello_core::calendar;
use sportello_core::identity::Person;
use sqlx::Any;
use sqlx::pool::PoolConnection;

pub(super) fn has_free(candidates: &[Candidate]) -> bool {
    candidates.iter().any(|candidate| candidate.free > 0)
}

/// Answers a hold that found no free place (or no bookable slot): "slot taken" with other
/// times to try. A retry of a hold that went through is still answered as it was, though the
/// place it took is what makes the slot look full now. Takes the connection to give it back
/// before the suggestions take one: holding one while waiting for another starves the pool.
pub(super) async fn refuse(
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

/// The answer an earlier request with this key got, if any: a retry.
pub async fn earlier_answer(
    state: &AppState,
    key: &IdempotencyKey,
) -> Result<Option<StoredResponse>, BookingError> {
    let mut conn = state.db.conn().await?;
    replay(&mut conn, key).await
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

pub(super) async fn hold_once(
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
    // Counted in the database, in turns per holder: two requests of one holder, to one
    // server process or two, never both count below the cap.
    tx.lock_name(&format!("holder:{}", holder.name)).await?;
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
        id: new_booking_id(),
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
    insert_with_fresh_code(&mut tx, &mut row).await?;
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
    audit::record(
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
    idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
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
                audit::record(
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
    // "Already booked" answers tell whether an identity has a booking. For callers without an
    // account (a phone, a kiosk) they are counted per person and procedure, before the answer
    // is known, and given back when it is not one: once they are used up, every confirmation
    // for that person and procedure waits, booked or not, and the wait tells nothing. Only a
    // confirmation that will be judged is counted (not a replay, nor a hold that is gone).
    // Accounts are not counted: they book for people in front of them, and a stranger's
    // tries must not make an operator wait.
    let procedure = match actor {
        Actor::User(_) => None,
        _ => to_be_judged(state, key, hold_id).await?,
    };
    let limit = procedure
        .as_deref()
        .map(|procedure_id| Limit::AlreadyBooked {
            person_key: &person_key,
            procedure_id,
        });
    let judged =
        with_retries(|| confirm_once(state, actor, key, hold_id, request, &person, &person_key));
    let result = counting_already_booked(state, limit, judged).await;
    if let Err(BookingError::AlreadyBooked(_)) = &result {
        confirm_failed(state, actor, hold_id).await?;
    }
    result
}

/// The procedure of a hold a confirmation will be judged on; `None` when it will not be (an
/// answer stored for this key, a hold gone, expired or already confirmed). Read without the
/// write lock: [`confirm_once`] decides again under it.
async fn to_be_judged(
    state: &AppState,
    key: &IdempotencyKey,
    hold_id: &str,
) -> Result<Option<String>, BookingError> {
    let mut conn = state.db.conn().await?;
    if replay(&mut conn, key).await?.is_some() {
        return Ok(None);
    }
    let now = state.clock.now().as_second();
    Ok(bookings::booking_by_id(&mut conn, hold_id)
        .await?
        .filter(|row| {
            !row.status.is_appointment() && row.hold_expires_at.is_some_and(|end| end > now)
        })
        .map(|row| row.procedure_id))
}

/// Judges a booking with an "already booked" answer counted against `limit` first (`None`:
/// not counted), given back unless that was the answer. A count that cannot be given back
/// is logged: the answer stands, and a booking made is not turned into an error.
pub(super) async fn counting_already_booked(
    state: &AppState,
    limit: Option<Limit<'_>>,
    judged: impl Future<Output = Result<StoredResponse, BookingError>>,
) -> Result<StoredResponse, BookingError> {
    let now = state.clock.now();
    if let Some(limit) = limit {
        state
            .limits
            .take(&state.db, &state.keys, limit, now)
            .await?;
    }
    let result = judged.await;
    if let Some(limit) = limit
        && !matches!(result, Err(BookingError::AlreadyBooked(_)))
        && let Err(err) = state
            .limits
            .refund(&state.db, &state.keys, limit, now)
            .await
    {
        tracing::warn!(%err, "an attempt could not be given back");
    }
    result
}

/// After an "already booked" answer: counts it against the hold, which ends after a few. What
/// bounds probing for who has a booking is the hold: each takes a few tries, and holds are
/// limited per address, account and kiosk; the count per person (in [`confirm`]) keeps one
/// identity from being asked about again and again.
async fn confirm_failed(
    state: &AppState,
    actor: &Actor,
    hold_id: &str,
) -> Result<(), BookingError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if let Some(failures) = bookings::count_confirm_failure(&mut tx, hold_id).await?
        && failures >= MAX_CONFIRM_FAILURES
        && let Some(row) = bookings::lock_booking(&mut tx, BookingKey::Id(hold_id)).await?
    {
        bookings::delete_booking(&mut tx, hold_id).await?;
        audit::record(
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
    Ok(())
}

/// The person's details checked and normalised, and the mediator's language checked.
pub(super) fn validated_person(
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

pub(super) async fn confirm_once(
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
    audit::record(
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
    idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
    tx.commit().await?;
    Ok(response)
}

/// "Already booked". Where and when, and the code, only go to those with authority over the
/// other booking (the administrators, its office's staff, the organisation that made it):
/// anyone can type someone's document number, and no detail they add (a surname, a date of
/// birth) may be confirmed by the answer. The person finds their own booking with its code.
pub(super) fn already_booked(actor: &Actor, existing: ActiveBooking) -> BookingError {
    let office_id = existing.booking.office_id.clone().unwrap_or_default();
    let authority = has_authority_over(actor, &office_id, existing.organization_id.as_deref());
    let mut booking = existing.booking;
    if !authority {
        booking.code = None;
        booking.office_id = None;
        booking.start = None;
    }
    BookingError::AlreadyBooked(booking)
}
