//! Slot leases: seats set aside for one kiosk, which it may book with the link down.
//!
//! A lease is a booking row in status `leased` with its code assigned and its seats claimed,
//! so to everyone else the seat is simply taken. The server never takes a lease back while
//! it runs: it ends when the kiosk returns it, when it expires (some time before the
//! appointment, see [`LeasePolicy`]), or when the kiosk is revoked or enrolled again. A kiosk
//! that booked on a lease reports it when back online; if the lease had expired meanwhile,
//! the seat is claimed again if still free ([`book`]).

use super::availability::{candidates_at, claim_any};
use super::hold::{already_booked, counting_already_booked, validated_person};
use super::housekeeping::system_entry;
use super::{
    BookingError, IdempotencyKey, audit_entry, claim_key, insert_with_fresh_code, new_booking_id,
    public_view, respond, timestamp, with_retries,
};
use crate::auth::Actor;
use crate::auth::limits::Limit;
use crate::db::audit;
use crate::db::bookings::{self, BookingKey, BookingRow};
use crate::db::idempotency::{self, StoredResponse};
use crate::db::{DbError, WriteTx, kiosks, leases, list_procedures};
use crate::state::AppState;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ToSpan};
use sportello_core::booking::BookingStatus;
use sportello_core::calendar;
use sportello_core::identity::Person;
use sportello_core::lease::{
    Lease, LeaseBooking, LeaseClaims, LeasePolicy, LeaseSet, LeaseSync, lease_set_digest,
};
use std::collections::BTreeSet;

/// How many leases one sync may give back: far more than any policy grants.
const MAX_RETURNED: usize = 1000;

/// Gives all of a kiosk's unused leases back (it was revoked, or enrolled on a new device).
pub async fn release_all(
    tx: &mut WriteTx,
    kiosk_id: &str,
    why: &str,
    now: i64,
) -> Result<usize, DbError> {
    let released = leases::release(tx, kiosk_id, None).await?;
    for (code, office_id) in &released {
        let mut entry = system_entry("lease_released", code.clone(), office_id.clone(), now);
        entry.detail = format!("kiosk {kiosk_id} {why}");
        audit::record(tx, &entry).await?;
    }
    Ok(released.len())
}

/// Ends the leases whose time ran out, for housekeeping.
pub async fn expire(tx: &mut WriteTx, now: i64) -> Result<(), DbError> {
    for (code, office_id, kiosk_id) in leases::delete_expired(tx, now).await? {
        let mut entry = system_entry("lease_expired", code, office_id, now);
        entry.detail = format!("kiosk {kiosk_id}");
        audit::record(tx, &entry).await?;
    }
    Ok(())
}

/// Takes back the leases a kiosk returns, tops its leases up by each office's policy, and
/// answers with every unused lease it holds.
pub async fn sync(
    state: &AppState,
    kiosk_id: &str,
    request: &LeaseSync,
) -> Result<LeaseSet, BookingError> {
    if request.returned.len() > MAX_RETURNED || request.known.as_ref().is_some_and(|k| k.len() > 64)
    {
        return Err(BookingError::Invalid {
            detail: format!("return: at most {MAX_RETURNED} leases at once"),
            fields: Vec::new(),
        });
    }
    with_retries(|| sync_once(state, kiosk_id, request)).await
}

async fn sync_once(
    state: &AppState,
    kiosk_id: &str,
    request: &LeaseSync,
) -> Result<LeaseSet, BookingError> {
    let now = state.clock.now();
    // Most syncs change nothing: that is found out from a read, without queueing for the
    // write lock every booking needs.
    if request.returned.is_empty() {
        let mut conn = state.db.conn().await?;
        let kiosk = usable_kiosk(&mut conn, kiosk_id).await?;
        let head = crate::db::feed_head(&mut conn).await?;
        let held = leases::leases_of(&mut conn, kiosk_id).await?;
        if kiosk.leases_version == Some(head) && enough(&mut conn, &held, now.as_second()).await? {
            return Ok(answer(state, held, &kiosk, request));
        }
    }
    let mut tx = state.db.begin_write().await?;
    // Locks the kiosk's row (on PostgreSQL; SQLite has one writer anyway): two syncs of one
    // kiosk at once, a retry overtaking a slow first try, must not both top up.
    let version = tx.agenda_version().await?;
    if !kiosks::touch(&mut tx, kiosk_id, now.as_second(), version).await? {
        return Err(BookingError::Forbidden);
    }
    let kiosk = usable_kiosk(&mut tx, kiosk_id).await?;
    let label = format!("kiosk:{kiosk_id}");
    for (code, office_id) in leases::release(&mut tx, kiosk_id, Some(&request.returned)).await? {
        let mut entry = system_entry("lease_returned", code, office_id, now.as_second());
        entry.actor = label.clone();
        audit::record(&mut tx, &entry).await?;
    }
    let mut held = leases::leases_of(&mut tx, kiosk_id).await?;
    for (office_id, policy) in leases::policies(&mut tx).await? {
        let mut leased_per_day = leases::leased_per_day(&mut tx, &office_id).await?;
        for procedure in list_procedures(&mut tx, Some(&office_id)).await? {
            let grant = Grant {
                kiosk_id,
                label: &label,
                office_id: &office_id,
                procedure_id: &procedure.id,
                policy,
                version,
                now,
            };
            top_up(state, &mut tx, &grant, &mut held, &mut leased_per_day).await?;
        }
    }
    tx.commit().await?;
    Ok(answer(state, held, &kiosk, request))
}

/// The kiosk, enrolled and not revoked.
async fn usable_kiosk(
    conn: &mut sqlx::AnyConnection,
    kiosk_id: &str,
) -> Result<kiosks::StoredKiosk, BookingError> {
    kiosks::find_kiosk(conn, kiosk_id)
        .await?
        .filter(|kiosk| !kiosk.revoked && kiosk.public_key.is_some())
        .ok_or(BookingError::Forbidden)
}

/// Whether the kiosk holds enough leases under every policy: for each procedure, `days` days
/// with at least `refill_below` leases still good. A policy raised since is applied at the
/// next top-up.
async fn enough(
    conn: &mut sqlx::AnyConnection,
    held: &[BookingRow],
    now: i64,
) -> Result<bool, BookingError> {
    for (office_id, policy) in leases::policies(conn).await? {
        for procedure in list_procedures(conn, Some(&office_id)).await? {
            let mut per_day: std::collections::HashMap<&str, u16> =
                std::collections::HashMap::new();
            for row in held.iter().filter(|row| {
                row.office_id == office_id
                    && row.procedure_id == procedure.id
                    && row.hold_expires_at.is_some_and(|end| end > now)
            }) {
                *per_day.entry(row.day.as_str()).or_default() += 1;
            }
            let days = per_day
                .values()
                .filter(|count| **count >= policy.refill_below)
                .count();
            if days < usize::from(policy.days) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// The kiosk's unused leases, or "unchanged" when it already has exactly these.
fn answer(
    state: &AppState,
    mut held: Vec<BookingRow>,
    kiosk: &kiosks::StoredKiosk,
    request: &LeaseSync,
) -> LeaseSet {
    held.sort_by(|a, b| (a.slot_start, &a.code).cmp(&(b.slot_start, &b.code)));
    // Every lease is signed anew with the current key: after a rotation the digest differs,
    // and the kiosk is sent its leases again.
    let key_id = state.keys.receipt_key_id();
    let digest = lease_set_digest(held.iter().map(|row| {
        (
            row.id.as_str(),
            row.hold_expires_at.unwrap_or(row.slot_start),
            key_id,
        )
    }));
    if request.known.as_deref() == Some(digest.as_str()) {
        return LeaseSet {
            leases: Vec::new(),
            unchanged: true,
        };
    }
    let kiosk_key = kiosk.public_key.clone().unwrap_or_default();
    LeaseSet {
        leases: held
            .iter()
            .map(|row| lease_of(state, row, &kiosk_key))
            .collect(),
        unchanged: false,
    }
}

/// What one top-up is for.
struct Grant<'a> {
    kiosk_id: &'a str,
    label: &'a str,
    office_id: &'a str,
    procedure_id: &'a str,
    policy: LeasePolicy,
    version: i64,
    now: Timestamp,
}

/// Leases more seats of one procedure at one office where the kiosk runs low: for each of the
/// next `policy.days` days with bookable slots, up to `policy.seats` once fewer than
/// `policy.refill_below` are left. The seats chosen are spread over the day, so that offline
/// a person still has a morning and an afternoon to choose from.
async fn top_up(
    state: &AppState,
    tx: &mut WriteTx,
    grant: &Grant<'_>,
    held: &mut Vec<BookingRow>,
    leased_per_day: &mut std::collections::HashMap<String, u32>,
) -> Result<(), BookingError> {
    let policy = grant.policy;
    let today = calendar::local_date(grant.now);
    // Bookable days are mostly weekdays: twice the days asked for, and a week, reach enough.
    let until = today
        .checked_add((i64::from(policy.days) * 2 + 7).days())
        .unwrap_or(today);
    let Some(agenda) = super::Agenda::load(
        tx,
        &state.plans,
        grant.procedure_id,
        Some(grant.office_id),
        today,
        Some(until),
        grant.now,
    )
    .await?
    else {
        return Ok(());
    };
    if agenda.version() != grant.version {
        state.plans.invalidate();
        return Err(BookingError::AgendaChanged);
    }
    let notice = agenda.procedure().rules.min_notice_minutes;
    let ends_before = SignedDuration::from_mins(i64::from(policy.ends_before_minutes.max(notice)));
    let lease_end = |start: Timestamp| start.checked_sub(ends_before).unwrap_or(start);
    let offered = agenda.candidates(grant.now, today, until);
    withdraw_unoffered(tx, grant, &offered, until, held, leased_per_day).await?;
    let candidates: Vec<_> = offered
        .into_iter()
        .filter(|candidate| lease_end(candidate.start) > grant.now)
        .collect();
    let days: BTreeSet<Date> = candidates
        .iter()
        .map(|candidate| candidate.day)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .take(usize::from(policy.days))
        .collect();
    for day in days {
        let mine = |row: &&BookingRow| {
            row.procedure_id == grant.procedure_id
                && row.office_id == grant.office_id
                && row.day == day.to_string()
        };
        let have = held.iter().filter(mine).count();
        if have >= usize::from(policy.refill_below) {
            continue;
        }
        let taken_starts: BTreeSet<i64> = held.iter().filter(mine).map(|r| r.slot_start).collect();
        let free: Vec<_> = candidates
            .iter()
            .filter(|c| c.day == day && c.free > 0 && !taken_starts.contains(&c.start.as_second()))
            .collect();
        let leased_today = leased_per_day.entry(day.to_string()).or_default();
        let room = u32::from(policy.max_per_day).saturating_sub(*leased_today);
        let want = usize::from(policy.seats)
            .saturating_sub(have)
            .min(usize::try_from(room).unwrap_or(usize::MAX));
        for candidate in spread(&free, want) {
            let mut row = BookingRow {
                id: new_booking_id(),
                code: String::new(),
                procedure_id: grant.procedure_id.to_owned(),
                office_id: grant.office_id.to_owned(),
                counter_id: candidate.counter_id.clone(),
                slot_start: candidate.start.as_second(),
                slot_end: candidate.end.as_second(),
                day: candidate.day.to_string(),
                status: BookingStatus::Leased,
                hold_expires_at: Some(lease_end(candidate.start).as_second()),
                person_key: None,
                organization_id: None,
                booked_by: grant.label.to_owned(),
                mediator_language: None,
                queue_number: None,
                issued_at: None,
                kiosk_id: Some(grant.kiosk_id.to_owned()),
                created_at: grant.now.as_second(),
            };
            insert_with_fresh_code(tx, &mut row).await?;
            let claimed = bookings::claim_cells(
                tx,
                &row.id,
                &candidate.counter_id,
                &candidate.cells,
                candidate.seats,
            )
            .await?;
            if !claimed {
                bookings::delete_booking(tx, &row.id).await?;
                continue;
            }
            audit::record(
                tx,
                &audit_entry(
                    grant.label,
                    "lease_granted",
                    &row,
                    grant.now.as_second(),
                    String::new(),
                ),
            )
            .await?;
            held.push(row);
            *leased_per_day.entry(day.to_string()).or_default() += 1;
        }
    }
    Ok(())
}

/// Gives back the kiosk's leases of this procedure and office whose appointment the agenda no
/// longer offers (the day was closed, the hours cut): nobody must book them offline.
async fn withdraw_unoffered(
    tx: &mut WriteTx,
    grant: &Grant<'_>,
    offered: &[super::agenda::Candidate],
    until: Date,
    held: &mut Vec<BookingRow>,
    leased_per_day: &mut std::collections::HashMap<String, u32>,
) -> Result<(), BookingError> {
    let offered: BTreeSet<(&str, i64)> = offered
        .iter()
        .map(|candidate| (candidate.counter_id.as_str(), candidate.start.as_second()))
        .collect();
    let last = calendar::to_instant(until, 24 * 60).map_or(i64::MAX, |end| end.as_second());
    let gone: Vec<BookingRow> = held
        .iter()
        .filter(|row| {
            row.procedure_id == grant.procedure_id
                && row.office_id == grant.office_id
                && row
                    .hold_expires_at
                    .is_some_and(|end| end > grant.now.as_second())
                && row.slot_start < last
                && !offered.contains(&(row.counter_id.as_str(), row.slot_start))
        })
        .cloned()
        .collect();
    if gone.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = gone.iter().map(|row| row.id.clone()).collect();
    leases::release(tx, grant.kiosk_id, Some(&ids)).await?;
    for row in &gone {
        audit::record(
            tx,
            &audit_entry(
                "system",
                "lease_withdrawn",
                row,
                grant.now.as_second(),
                String::new(),
            ),
        )
        .await?;
        if let Some(count) = leased_per_day.get_mut(&row.day) {
            *count = count.saturating_sub(1);
        }
    }
    held.retain(|row| !ids.contains(&row.id));
    Ok(())
}

/// Up to `count` of `items`, evenly spaced over them.
fn spread<T: Copy>(items: &[T], count: usize) -> Vec<T> {
    if count == 0 || items.is_empty() {
        return Vec::new();
    }
    if count >= items.len() {
        return items.to_vec();
    }
    (0..count)
        .map(|i| items[(2 * i + 1) * items.len() / (2 * count)])
        .collect()
}

fn lease_of(state: &AppState, row: &BookingRow, kiosk_key: &str) -> Lease {
    let expires_at = row.hold_expires_at.unwrap_or(row.slot_start);
    let token = state.keys.sign_lease(LeaseClaims {
        lease_id: row.id.clone(),
        kiosk_id: row.kiosk_id.clone().unwrap_or_default(),
        kiosk_key: kiosk_key.to_owned(),
        code: row.code.clone(),
        office_id: row.office_id.clone(),
        procedure_id: row.procedure_id.clone(),
        counter_id: row.counter_id.clone(),
        start: row.slot_start,
        end: row.slot_end,
        expires_at,
        granted_at: row.created_at,
        key_id: String::new(),
    });
    Lease {
        lease_id: row.id.clone(),
        code: row.code.clone(),
        procedure_id: row.procedure_id.clone(),
        office_id: row.office_id.clone(),
        counter_id: row.counter_id.clone(),
        start: timestamp(row.slot_start),
        end: timestamp(row.slot_end),
        expires_at: timestamp(expires_at),
        token,
    }
}

// --- offline bookings, reported ------------------------------------------------------------

/// What a checked report says.
struct Report<'a> {
    lease: LeaseClaims,
    issued_at: i64,
    person: Person,
    person_key: String,
    request: &'a LeaseBooking,
}

/// Records a booking a kiosk made offline on one of its leases. Reporting it again answers
/// the same; a lease booked for two different people (a kiosk restored from an old backup)
/// keeps the first.
pub async fn book(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    lease_id: &str,
    request: &LeaseBooking,
) -> Result<StoredResponse, BookingError> {
    let kiosk_id = actor.require_kiosk().map_err(|_| BookingError::Forbidden)?;
    let invalid =
        |err: sportello_core::receipt::ReceiptError| BookingError::InvalidReceipt(err.to_string());
    let now = state.clock.now();
    let lease = state
        .keys
        .verify_lease(&request.lease, now)
        .map_err(invalid)?;
    if lease.lease_id != lease_id || lease.kiosk_id != kiosk_id {
        return Err(BookingError::InvalidReceipt(
            "this lease is not this kiosk's, or not the one in the address".to_owned(),
        ));
    }
    let (receipt, receipt_lease) = state
        .keys
        .verify_kiosk_receipt(&request.receipt, now)
        .map_err(invalid)?;
    if receipt_lease != lease {
        return Err(BookingError::InvalidReceipt(
            "the receipt stands on another lease".to_owned(),
        ));
    }
    // Dated within the lease (checked with the signature), and not by a key revoked by then.
    let revocations = {
        let mut conn = state.db.conn().await?;
        kiosks::revocations(&mut conn).await?
    };
    sportello_core::lease::check_not_revoked(&receipt, &receipt_lease, &revocations)
        .map_err(invalid)?;
    let person = validated_person(state, &request.person, &request.mediator_language)?;
    let report = Report {
        person_key: state.keys.person_key(&person.identity_key()),
        lease,
        issued_at: receipt.issued_at,
        person,
        request,
    };
    // "Already booked" is counted as for a confirmation (see `hold::confirm`): a kiosk is a
    // caller without an account, and a stolen kiosk key must not ask about anyone at will.
    // Refused for now, the report waits in the kiosk's outbox and comes again.
    let limit = Limit::AlreadyBooked {
        person_key: &report.person_key,
        procedure_id: &report.lease.procedure_id,
    };
    let judged = with_retries(|| book_once(state, actor, key, &report));
    counting_already_booked(state, Some(limit), judged).await
}

async fn book_once(
    state: &AppState,
    actor: &Actor,
    key: &IdempotencyKey,
    report: &Report<'_>,
) -> Result<StoredResponse, BookingError> {
    let now = state.clock.now();
    let lease = &report.lease;
    let mut tx = state.db.begin_write().await?;
    let version = tx.agenda_version().await?;
    if let Some(stored) = claim_key(&mut tx, key, now.as_second()).await? {
        return Ok(stored);
    }
    let label = actor.label();
    let mut row = match bookings::lock_booking(&mut tx, BookingKey::Id(&lease.lease_id)).await? {
        // Reported before (the answer was lost, or an old copy of the outbox was replayed).
        // Reported before: the same receipt is answered the same; a lease has one receipt,
        // and any other the kiosk signed for it (a second person, or the same person again
        // from a kiosk restored from a backup) is refused, so that only one can be shown.
        Some(row) if row.status.is_appointment() && row.code == lease.code => {
            let same_receipt = row.issued_at == Some(report.issued_at);
            if same_receipt && row.person_key.as_deref() == Some(report.person_key.as_str()) {
                return Ok(respond(200, &public_view(state, &row)));
            }
            return Err(BookingError::LeaseGone(
                "this leased seat was already booked offline with another receipt".to_owned(),
            ));
        }
        Some(mut row) if row.status == BookingStatus::Leased => {
            check_person(&mut tx, actor, report, now.as_second()).await?;
            let confirmed = leases::confirm_lease(
                &mut tx,
                &row.id,
                &report.person_key,
                report.request.mediator_language.as_deref(),
                report.issued_at,
                now.as_second(),
            )
            .await;
            match confirmed {
                Ok(true) => {}
                Ok(false) => return Err(BookingError::AgendaChanged),
                // A confirmation for the same person raced this one; the index let one
                // through. The transaction goes first: it holds a connection.
                Err(err) if err.is_unique_violation() => {
                    drop(tx);
                    return Err(duplicate(state, actor, report, err).await?);
                }
                Err(err) => return Err(err.into()),
            }
            row.status = BookingStatus::Confirmed;
            row.person_key = Some(report.person_key.clone());
            row.hold_expires_at = None;
            row.mediator_language = report.request.mediator_language.clone();
            row.issued_at = Some(report.issued_at);
            row
        }
        Some(_) => {
            return Err(BookingError::InvalidState(
                "this lease's seat is held by something else".to_owned(),
            ));
        }
        // The lease ended before the kiosk could report: the seat is claimed again if it is
        // still free (on any counter of the office at that time).
        None => {
            check_person(&mut tx, actor, report, now.as_second()).await?;
            reclaim(state, &mut tx, report, &label, version, now).await?
        }
    };
    row.booked_by = label.clone();
    bookings::save_person(&mut tx, &row.id, &report.person).await?;
    audit::record(
        &mut tx,
        &audit_entry(
            &label,
            "offline_booking",
            &row,
            now.as_second(),
            format!("issued {}", timestamp(report.issued_at)),
        ),
    )
    .await?;
    let response = respond(201, &public_view(state, &row));
    idempotency::complete(&mut tx, &key.actor, &key.key, &response).await?;
    tx.commit().await?;
    Ok(response)
}

/// Refuses a second active booking of the same person for the procedure.
async fn check_person(
    tx: &mut WriteTx,
    actor: &Actor,
    report: &Report<'_>,
    now: i64,
) -> Result<(), BookingError> {
    let procedure = &report.lease.procedure_id;
    bookings::lapse_past(tx, procedure, &report.person_key, now).await?;
    match bookings::active_booking(tx, procedure, &report.person_key).await? {
        Some(existing) => Err(already_booked(actor, existing)),
        None => Ok(()),
    }
}

/// "Already booked" after a race on the one-active-booking index.
async fn duplicate(
    state: &AppState,
    actor: &Actor,
    report: &Report<'_>,
    err: DbError,
) -> Result<BookingError, BookingError> {
    let mut conn = state.db.conn().await?;
    match bookings::active_booking(&mut conn, &report.lease.procedure_id, &report.person_key)
        .await?
    {
        Some(existing) => Ok(already_booked(actor, existing)),
        None => Ok(BookingError::Db(err)),
    }
}

/// Books the leased appointment anew after its lease ended unused on the server's side.
async fn reclaim(
    state: &AppState,
    tx: &mut WriteTx,
    report: &Report<'_>,
    label: &str,
    version: i64,
    now: Timestamp,
) -> Result<BookingRow, BookingError> {
    let lease = &report.lease;
    let gone = || {
        BookingError::LeaseGone(
            "the kiosk's lease on this seat ended before it could report the booking, and the \
             seat has been booked by someone else"
                .to_owned(),
        )
    };
    // Judged as at the moment of booking: notice and horizon are what they were for the kiosk.
    let (_, mut candidates) = match candidates_at(
        state,
        tx,
        &lease.procedure_id,
        &lease.office_id,
        timestamp(lease.start),
        timestamp(report.issued_at),
        Some(version),
    )
    .await
    {
        Ok(found) => found,
        Err(BookingError::NotBookable(_)) => return Err(gone()),
        Err(err) => return Err(err),
    };
    // The counter on the receipt first.
    candidates.sort_by_key(|candidate| candidate.counter_id != lease.counter_id);
    let mut row = BookingRow {
        id: lease.lease_id.clone(),
        code: lease.code.clone(),
        procedure_id: lease.procedure_id.clone(),
        office_id: lease.office_id.clone(),
        counter_id: lease.counter_id.clone(),
        slot_start: lease.start,
        slot_end: lease.end,
        day: calendar::local_date(timestamp(lease.start)).to_string(),
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        person_key: Some(report.person_key.clone()),
        organization_id: None,
        booked_by: label.to_owned(),
        mediator_language: report.request.mediator_language.clone(),
        queue_number: None,
        issued_at: Some(report.issued_at),
        kiosk_id: Some(lease.kiosk_id.clone()),
        created_at: now.as_second(),
    };
    match bookings::insert_booking(tx, &row).await {
        Ok(true) => {}
        Ok(false) => return Err(gone()),
        Err(err) if err.is_unique_violation() => return Err(gone()),
        Err(err) => return Err(err.into()),
    }
    let Some(chosen) = claim_any(tx, &row.id, &candidates).await? else {
        return Err(gone());
    };
    if chosen.counter_id != row.counter_id {
        bookings::set_counter(tx, &row.id, &chosen.counter_id).await?;
        row.counter_id = chosen.counter_id.clone();
    }
    Ok(row)
}
