//! The office's day: its agenda with each person's place in the queue, the check-in desk,
//! calling people to the counters, and the waiting room's board.

use super::view::{StaleReceipt, full_view, stale_receipt};
use super::{
    BookingError, IdempotencyKey, audit_entry, claim_key, give_queue_number, respond, timestamp,
    with_retries,
};
use crate::auth::Actor;
use crate::db::audit;
use crate::db::bookings::{self, BookingKey, BookingRow};
use crate::db::calls::{self, CallRow, NewCall};
use crate::db::idempotency::{self, StoredResponse};
use crate::state::AppState;
use jiff::civil::Date;
use sportello_core::booking::{BookingStatus, normalize_code};
use sportello_core::calendar;
use sportello_core::office::{
    AgendaEntry, BOARD_CALLS, Board, Call, CallOutcome, CallState, Channel, DayStatus, ScanOutcome,
    ScanRefusal, check_in_window,
};
use sportello_core::receipt::{ReceiptClaims, ReceiptError};
use std::collections::HashMap;

/// An office's appointments of `day`, in time order, with where each person stands.
pub async fn agenda(
    state: &AppState,
    actor: &Actor,
    office_id: &str,
    day: Date,
) -> Result<Vec<AgendaEntry>, BookingError> {
    actor
        .require_office(office_id)
        .map_err(|_| BookingError::Forbidden)?;
    let day = day.to_string();
    let mut conn = state.db.conn().await?;
    let rows = bookings::list_bookings(
        &mut conn,
        &bookings::BookingQuery {
            office_id: Some(office_id),
            organization_id: None,
            day: Some(&day),
            since: None,
        },
    )
    .await?;
    let marks = bookings::day_marks(&mut conn, office_id, &day).await?;
    let calls = latest_calls(calls::of_day(&mut conn, office_id, &day).await?);
    let mut entries = Vec::with_capacity(rows.len());
    for row in &rows {
        let record = full_view(state, &mut conn, row).await?;
        let (checked_in_at, call) = match marks.get(&row.code) {
            Some((id, checked_in_at)) => (*checked_in_at, calls.get(id).cloned()),
            None => (None, None),
        };
        entries.push(AgendaEntry {
            day_status: DayStatus::of(row.status, call.as_ref()),
            channel: Channel::of(&row.booked_by, row.organization_id.as_deref()),
            record,
            checked_in_at: checked_in_at.map(timestamp),
            call,
        });
    }
    Ok(entries)
}

/// Each booking's latest call, with how many times it was called.
fn latest_calls(rows: Vec<CallRow>) -> HashMap<String, CallState> {
    let mut out: HashMap<String, CallState> = HashMap::new();
    for row in rows {
        let times = out.get(&row.booking_id).map_or(0, |call| call.times) + 1;
        out.insert(
            row.booking_id.clone(),
            CallState {
                counter_id: row.counter_id,
                called_at: timestamp(row.called_at),
                times,
                ended_at: row.ended_at.map(timestamp),
                outcome: row.outcome.as_deref().and_then(CallOutcome::parse),
            },
        );
    }
    out
}

/// One appointment as the agenda shows it.
pub(super) async fn entry_of(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    row: &BookingRow,
) -> Result<AgendaEntry, BookingError> {
    let record = full_view(state, conn, row).await?;
    let marks = bookings::day_marks(conn, &row.office_id, &row.day).await?;
    let checked_in_at = marks.get(&row.code).and_then(|(_, at)| *at);
    let calls = latest_calls(
        calls::of_day(conn, &row.office_id, &row.day)
            .await?
            .into_iter()
            .filter(|call| call.booking_id == row.id)
            .collect(),
    );
    let call = calls.get(&row.id).cloned();
    Ok(AgendaEntry {
        day_status: DayStatus::of(row.status, call.as_ref()),
        channel: Channel::of(&row.booked_by, row.organization_id.as_deref()),
        record,
        checked_in_at: checked_in_at.map(timestamp),
        call,
    })
}

/// What the scanner typed at the desk of `office_id`: a receipt's address or token, or a
/// booking code typed by hand (staff see the person's document, so a code is enough). A
/// receipt that is fine checks the person in; anything else is explained.
pub async fn scan(
    state: &AppState,
    actor: &Actor,
    office_id: &str,
    scanned: &str,
) -> Result<ScanOutcome, BookingError> {
    actor
        .require_office(office_id)
        .map_err(|_| BookingError::Forbidden)?;
    let now = state.clock.now();
    let (code, claims) = match normalize_code(scanned) {
        Some(code) => (code, None),
        None => match state.keys.verify_any_receipt(scanned, now) {
            Ok(claims) => (claims.code.clone(), Some(claims)),
            Err(ReceiptError::Malformed) => return Ok(refused(ScanRefusal::Unreadable, None)),
            Err(_) => return Ok(refused(ScanRefusal::NotGenuine, None)),
        },
    };
    if let Some(claims) = &claims
        && claims.office_id != office_id
    {
        return Ok(refused(
            ScanRefusal::OtherOffice {
                office_id: claims.office_id.clone(),
            },
            None,
        ));
    }
    with_retries(|| async {
        let mut tx = state.db.begin_write().await?;
        let Some(row) = bookings::lock_booking(&mut tx, BookingKey::Code(&code))
            .await?
            .filter(|row| row.status != BookingStatus::Held)
        else {
            return Ok(refused(ScanRefusal::Unknown, None));
        };
        if row.office_id != office_id {
            // A signed receipt says its office anyway; a code typed by hand confirms nothing
            // about another office's bookings.
            let refusal = match claims {
                Some(_) => ScanRefusal::OtherOffice {
                    office_id: row.office_id.clone(),
                },
                None => ScanRefusal::Unknown,
            };
            return Ok(refused(refusal, None));
        }
        if let Some(refusal) = judge(&row, claims.as_ref(), now) {
            let entry = entry_of(state, &mut tx, &row).await?;
            return Ok(refused(refusal, Some(entry)));
        }
        let new = row.status == BookingStatus::Confirmed;
        let mut row = row;
        if new {
            give_queue_number(
                &mut tx,
                &actor.label(),
                "check_in",
                &mut row,
                now.as_second(),
            )
            .await?;
        }
        let entry = entry_of(state, &mut tx, &row).await?;
        tx.commit().await?;
        Ok(ScanOutcome::CheckedIn {
            entry: Box::new(entry),
            new,
        })
    })
    .await
}

fn refused(refusal: ScanRefusal, entry: Option<AgendaEntry>) -> ScanOutcome {
    ScanOutcome::Refused {
        refusal,
        entry: entry.map(Box::new),
    }
}

/// Why `row` cannot be checked in now with `claims` (none for a code typed by hand).
fn judge(
    row: &BookingRow,
    claims: Option<&ReceiptClaims>,
    now: jiff::Timestamp,
) -> Option<ScanRefusal> {
    match row.status {
        BookingStatus::Leased => return Some(ScanRefusal::NotReported),
        BookingStatus::Cancelled => return Some(ScanRefusal::Cancelled),
        BookingStatus::NoShow | BookingStatus::Lapsed => return Some(ScanRefusal::NoShow),
        BookingStatus::CheckedIn => return None,
        BookingStatus::Confirmed | BookingStatus::Held => {}
    }
    match claims.and_then(|claims| stale_receipt(claims, row)) {
        Some(StaleReceipt::BeforeAMove) => return Some(ScanRefusal::Moved),
        Some(StaleReceipt::NotTheOneIssued) => return Some(ScanRefusal::NotGenuine),
        None => {}
    }
    let today = calendar::local_date(now).to_string();
    if row.day != today {
        return row
            .day
            .parse()
            .ok()
            .map(|day| ScanRefusal::OtherDay { day });
    }
    check_in_window(timestamp(row.slot_start), timestamp(row.slot_end), now)
}

/// Calls the next person to `counter_id`: among those checked in and not called yet, the
/// appointments at this counter in the order of their time. `None` when nobody waits.
pub async fn call_next(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    office_id: &str,
    counter_id: &str,
) -> Result<StoredResponse, BookingError> {
    actor
        .require_office(office_id)
        .map_err(|_| BookingError::Forbidden)?;
    let counter = {
        let mut conn = state.db.conn().await?;
        crate::db::get_counter(&mut conn, counter_id)
            .await?
            .filter(|counter| counter.office_id == office_id)
            .ok_or_else(|| BookingError::NotFound(format!("no counter {counter_id}")))?
    };
    with_retries(|| async {
        let now = state.clock.now();
        let day = calendar::local_date(now).to_string();
        let mut tx = state.db.begin_write().await?;
        if let Some(stored) = claim_key(&mut tx, key, now.as_second()).await? {
            return Ok(stored);
        }
        let mut called = None;
        // Two counters calling at once on PostgreSQL may pick the same person: the second
        // finds them called once it holds the lock, and takes the next.
        for _ in 0..8 {
            let Some(id) = calls::next_waiting(&mut tx, office_id, counter_id, &day).await? else {
                break;
            };
            let Some(row) = bookings::lock_booking(&mut tx, BookingKey::Id(&id)).await? else {
                continue;
            };
            if row.status != BookingStatus::CheckedIn
                || calls::last_of(&mut tx, &id).await?.is_some()
            {
                continue;
            }
            called = Some(announce(&mut tx, actor, &row, &counter.id, &counter.name, now).await?);
            break;
        }
        let response = respond(200, &called);
        idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
        tx.commit().await?;
        Ok(response)
    })
    .await
}

/// Calls the person with booking `code` again, at the counter that called them last.
pub async fn recall(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    code: &str,
) -> Result<StoredResponse, BookingError> {
    with_retries(|| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        if let Some(stored) = claim_key(&mut tx, key, now.as_second()).await? {
            return Ok(stored);
        }
        let row = called_booking(&mut tx, actor, code).await?;
        let last = calls::last_of(&mut tx, &row.id)
            .await?
            .ok_or_else(|| BookingError::InvalidState("not called yet".to_owned()))?;
        if last.outcome.is_some() {
            return Err(BookingError::InvalidState(
                "already served or marked absent".to_owned(),
            ));
        }
        let counter = crate::db::get_counter(&mut tx, &last.counter_id).await?;
        let name = counter.map_or_else(|| last.counter_id.clone(), |counter| counter.name);
        let call = announce(&mut tx, actor, &row, &last.counter_id, &name, now).await?;
        let response = respond(200, &call);
        idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
        tx.commit().await?;
        Ok(response)
    })
    .await
}

/// Ends the person's call: served or absent. The same outcome again answers the same.
pub async fn finish(
    state: &AppState,
    actor: &Actor,
    code: &str,
    outcome: CallOutcome,
) -> Result<AgendaEntry, BookingError> {
    with_retries(|| async {
        let now = state.clock.now().as_second();
        let mut tx = state.db.begin_write().await?;
        let row = called_booking(&mut tx, actor, code).await?;
        let last = calls::last_of(&mut tx, &row.id)
            .await?
            .ok_or_else(|| BookingError::InvalidState("not called yet".to_owned()))?;
        match last.outcome.as_deref().and_then(CallOutcome::parse) {
            Some(earlier) if earlier == outcome => {}
            Some(_) => {
                return Err(BookingError::InvalidState(
                    "the call has ended otherwise".to_owned(),
                ));
            }
            None => {
                calls::end(&mut tx, last.id, outcome.as_str(), now).await?;
                let took = now - last.called_at;
                audit::record(
                    &mut tx,
                    &audit_entry(
                        &actor.label(),
                        outcome.as_str(),
                        &row,
                        now,
                        format!("counter {}, {took} s", last.counter_id),
                    ),
                )
                .await?;
            }
        }
        let entry = entry_of(state, &mut tx, &row).await?;
        tx.commit().await?;
        Ok(entry)
    })
    .await
}

/// The checked-in booking `code`, locked, if `actor` is its office's.
async fn called_booking(
    tx: &mut sqlx::AnyConnection,
    actor: &Actor,
    code: &str,
) -> Result<BookingRow, BookingError> {
    bookings::lock_booking(tx, BookingKey::Code(code))
        .await?
        .filter(|row| actor.require_office(&row.office_id).is_ok())
        .filter(|row| row.status == BookingStatus::CheckedIn)
        .ok_or_else(|| BookingError::NotFound(format!("no booking {code} checked in")))
}

/// Records a call of `row`'s number to a counter, and audits it.
async fn announce(
    tx: &mut sqlx::AnyConnection,
    actor: &Actor,
    row: &BookingRow,
    counter_id: &str,
    counter_name: &str,
    now: jiff::Timestamp,
) -> Result<Call, BookingError> {
    let queue_number = row.queue_number.unwrap_or(0);
    let id = calls::insert(
        tx,
        &NewCall {
            office_id: &row.office_id,
            day: &row.day,
            counter_id,
            booking_id: &row.id,
            queue_number,
            at: now.as_second(),
            actor: &actor.label(),
        },
    )
    .await?;
    audit::record(
        tx,
        &audit_entry(
            &actor.label(),
            "call",
            row,
            now.as_second(),
            format!("queue {queue_number} to {counter_id}"),
        ),
    )
    .await?;
    Ok(Call {
        id,
        queue_number: u32::try_from(queue_number).unwrap_or(0),
        counter_id: counter_id.to_owned(),
        counter_name: counter_name.to_owned(),
        called_at: now,
    })
}

/// The waiting room's board: today's latest calls at `office_id`. Public: numbers and
/// counters only.
pub async fn board(state: &AppState, office_id: &str) -> Result<Board, BookingError> {
    let day = calendar::local_date(state.clock.now()).to_string();
    let mut conn = state.db.conn().await?;
    if crate::db::get_office(&mut conn, office_id).await?.is_none() {
        return Err(BookingError::NotFound(format!("no office {office_id}")));
    }
    let counters: HashMap<String, String> = crate::db::list_counters(&mut conn, Some(office_id))
        .await?
        .into_iter()
        .map(|counter| (counter.id, counter.name))
        .collect();
    let rows = calls::latest(&mut conn, office_id, &day, BOARD_CALLS as i64).await?;
    Ok(Board {
        office_id: office_id.to_owned(),
        calls: rows
            .into_iter()
            .map(|row| Call {
                id: row.id,
                queue_number: u32::try_from(row.queue_number).unwrap_or(0),
                counter_name: counters
                    .get(&row.counter_id)
                    .cloned()
                    .unwrap_or_else(|| row.counter_id.clone()),
                counter_id: row.counter_id,
                called_at: timestamp(row.called_at),
            })
            .collect(),
    })
}
