//! Cancelling and moving a booking.

use super::availability::{alternatives, candidates_at, claim_any};
use super::notices::{self, ChangeKind};
use super::view::{find_for, public_view};
use super::{
    BookingError, IdempotencyKey, audit_entry, claim_key, respond, timestamp, with_retries,
};
use crate::auth::Actor;
use crate::db::audit;
use crate::db::bookings;
use crate::db::idempotency::{self, StoredResponse};
use crate::state::AppState;
use sportello_core::agenda_change::ChangeReason;
use sportello_core::booking::{BookingStatus, CitizenProof, RescheduleRequest};

pub async fn cancel(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    proof: Option<&CitizenProof>,
) -> Result<StoredResponse, BookingError> {
    cancel_with(state, actor, key, code, proof, None).await
}

/// Cancels a booking; with `change`, because the office changed its day (the person is told
/// why, in the same transaction, so a retry never tells twice).
pub async fn cancel_with(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    proof: Option<&CitizenProof>,
    change: Option<ChangeReason>,
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
        row.status = BookingStatus::Cancelled;
        if let Some(reason) = change {
            let office = row.office_id.clone();
            notices::note_change(
                state,
                &mut tx,
                &row,
                &office,
                ChangeKind::Cancelled,
                reason,
                now,
            )
            .await?;
        }
        // Nothing more is owed to the person: their details go now, not at retention.
        bookings::forget_person(&mut tx, &row.id).await?;
        audit::record(
            &mut tx,
            &audit_entry(&actor.label(), "cancel", &row, now, String::new()),
        )
        .await?;
        let response = respond(200, &public_view(state, &row));
        idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
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
    with_retries(|| reschedule_once(state, actor, key, code, request, None)).await
}

/// Moves a booking because the office changed its day: the person is told why, in the same
/// transaction.
pub async fn reschedule_for_change(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    request: &RescheduleRequest,
    reason: ChangeReason,
) -> Result<StoredResponse, BookingError> {
    with_retries(|| reschedule_once(state, actor, key, code, request, Some(reason))).await
}

pub(super) async fn reschedule_once(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
    request: &RescheduleRequest,
    change: Option<ChangeReason>,
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
    // The office whose change this is, before the booking moves (perhaps to another).
    let origin = row.office_id.clone();
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
    if let Some(reason) = change {
        let at = now.as_second();
        notices::note_change(state, &mut tx, &row, &origin, ChangeKind::Moved, reason, at).await?;
    }
    audit::record(
        &mut tx,
        &audit_entry(&actor.label(), "reschedule", &row, now.as_second(), detail),
    )
    .await?;
    let response = respond(200, &public_view(state, &row));
    idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
    tx.commit().await?;
    Ok(response)
}
