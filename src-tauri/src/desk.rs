//! Writes made at the kiosk: each goes into the outbox first, then to the server as soon as
//! it can. With the link down, bookings are made only on the seats the kiosk holds leases
//! on, with a receipt the kiosk signs; without a lease for what the person wants, the kiosk
//! offers the leased alternatives and never books blind.

use crate::identity::Identity;
use crate::outbox::{SharedStore, lock};
use crate::store::{LeaseState, NewWrite, OutboxEntry, StoreError, StoredLease};
use sportello_core::booking::{
    CancelRequest, CheckInRequest, CitizenProof, ConfirmRequest, Hold, HoldRequest,
    RescheduleRequest,
};
use sportello_core::identity::{FieldError, Person};
use sportello_core::lease::{LeaseBooking, sign_kiosk_receipt};
use std::time::Duration;
use tokio::sync::Notify;

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("some details of the person are missing or wrong")]
    Invalid(Vec<FieldError>),
    /// The lease is gone (used, expired, returned): the alternatives are what is left.
    #[error("this seat is no longer available offline")]
    NoLease { alternatives: Vec<StoredLease> },
    #[error("this kiosk is not enrolled")]
    NotEnrolled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A booking made offline, as the person takes it away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfflineBooking {
    pub code: String,
    /// `KR1.…`: for the QR code on the printed receipt.
    pub receipt: String,
    pub procedure_id: String,
    pub office_id: String,
    pub start: i64,
    pub end: i64,
    pub outbox_id: i64,
}

/// The seats this kiosk may book offline for a procedure, soonest first.
pub fn leased_seats(
    store: &SharedStore,
    procedure_id: Option<&str>,
    now: i64,
) -> Result<Vec<StoredLease>, StoreError> {
    let mut leases = lock(store).leases(LeaseState::Free)?;
    leases.retain(|lease| {
        lease.expires_at > now && procedure_id.is_none_or(|id| lease.procedure_id == id)
    });
    Ok(leases)
}

/// Books a leased seat offline for `person`: the report goes into the outbox with the lease
/// marked used, in one transaction, and the person gets a receipt signed by this kiosk.
pub fn book_offline(
    store: &SharedStore,
    identity: &Identity,
    lease_id: &str,
    person: &Person,
    mediator_language: Option<String>,
    now: i64,
) -> Result<OfflineBooking, DeskError> {
    let today = sportello_core::calendar::local_date(
        jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH),
    );
    let person = person.validated(today).map_err(DeskError::Invalid)?;
    let mut receipt = String::new();
    let used = lock(store).use_lease(
        lease_id,
        |lease| {
            receipt = sign_kiosk_receipt(&lease.token, now, &identity.key);
            let report = LeaseBooking {
                lease: lease.token.clone(),
                receipt: receipt.clone(),
                person,
                mediator_language,
            };
            NewWrite {
                kind: "lease_booking".to_owned(),
                method: "POST".to_owned(),
                path: format!("api/v1/kiosk/leases/{}/book", lease.lease_id),
                body: serde_json::to_string(&report).expect("serialises"),
                label: code_end(&lease.code),
                chain: booking_chain(&lease.code),
                // Reported until the appointment is over: after that it changes nothing.
                deadline: lease.end,
                bearer: None,
            }
        },
        now,
    )?;
    let Some((lease, entry)) = used else {
        let mut spent = lock(store).leases(LeaseState::Used)?;
        spent.extend(lock(store).leases(LeaseState::Void)?);
        let procedure = spent
            .into_iter()
            .find(|lease| lease.lease_id == lease_id)
            .map(|lease| lease.procedure_id);
        return Err(DeskError::NoLease {
            alternatives: leased_seats(store, procedure.as_deref(), now)?,
        });
    };
    Ok(OfflineBooking {
        code: lease.code,
        receipt,
        procedure_id: lease.procedure_id,
        office_id: lease.office_id,
        start: lease.start,
        end: lease.end,
        outbox_id: entry.id,
    })
}

/// How long a hold is worth delivering: the person waits for it at the screen, and a hold
/// placed after they gave up would keep a seat from everyone for nothing.
const HOLD_WORTH_SECS: i64 = 60;

/// A write: what, where, what it is about (shown to staff if it fails), the writes it must
/// follow (`chain`), and until when it is of use.
fn write(
    kind: &str,
    path: String,
    body: &impl serde::Serialize,
    label: String,
    chain: String,
    deadline: i64,
) -> NewWrite {
    NewWrite {
        kind: kind.to_owned(),
        method: "POST".to_owned(),
        path,
        body: serde_json::to_string(body).expect("serialises"),
        label,
        chain,
        deadline,
        bearer: None,
    }
}

/// Writes on one booking go in the order they were made (a cancellation never overtakes the
/// booking it cancels); writes on other bookings do not wait for them.
fn booking_chain(code: &str) -> String {
    format!("booking:{code}")
}

/// Writes on one hold, likewise.
fn hold_chain(hold_id: &str) -> String {
    format!("hold:{hold_id}")
}

/// A booking code's end, to recognise it by on a public screen without showing all of it.
fn code_end(code: &str) -> String {
    let start = code.char_indices().rev().nth(3).map_or(0, |(at, _)| at);
    format!("…{}", &code[start..])
}

/// Holds a slot while the person completes the booking.
pub fn hold(request: &HoldRequest, now: i64) -> NewWrite {
    write(
        "hold",
        "api/v1/holds".to_owned(),
        request,
        request.procedure_id.clone(),
        // Its own chain: nothing comes before a new hold.
        format!("hold-request:{}", crate::client::new_key()),
        now + HOLD_WORTH_SECS,
    )
}

/// Confirms a hold for a person; useless once the hold has expired.
pub fn confirm(hold: &Hold, request: &ConfirmRequest) -> NewWrite {
    write(
        "confirm",
        format!("api/v1/holds/{}/confirm", hold.hold_id),
        request,
        hold.procedure_id.clone(),
        hold_chain(&hold.hold_id),
        hold.expires_at.as_second(),
    )
}

/// Cancels a booking (with the person's proof: a kiosk has no authority of its own over
/// bookings); useless once the appointment has started.
pub fn cancel(code: &str, proof: &CitizenProof, starts_at: i64) -> NewWrite {
    let request = CancelRequest {
        proof: Some(proof.clone()),
    };
    write(
        "cancel",
        format!("api/v1/bookings/{code}/cancel"),
        &request,
        code_end(code),
        booking_chain(code),
        starts_at,
    )
}

/// Cancels a booking on an operator's authority (their session goes with the write).
pub fn cancel_as_operator(code: &str, starts_at: i64) -> NewWrite {
    write(
        "cancel",
        format!("api/v1/bookings/{code}/cancel"),
        &CancelRequest { proof: None },
        code_end(code),
        booking_chain(code),
        starts_at,
    )
}

/// Moves a booking; useless once the current appointment has started.
pub fn reschedule(code: &str, request: &RescheduleRequest, starts_at: i64) -> NewWrite {
    write(
        "reschedule",
        format!("api/v1/bookings/{code}/reschedule"),
        request,
        code_end(code),
        booking_chain(code),
        starts_at,
    )
}

/// Checks a person in with their receipt, on arrival at the office; useless after the day.
pub fn check_in(receipt: &str, code: &str, end_of_day: i64) -> NewWrite {
    let request = CheckInRequest {
        receipt: receipt.to_owned(),
    };
    write(
        "check_in",
        "api/v1/checkins".to_owned(),
        &request,
        code_end(code),
        booking_chain(code),
        end_of_day,
    )
}

/// Puts a write in the outbox and wakes the engine to deliver it now.
pub fn submit(
    store: &SharedStore,
    wake: &Notify,
    write: &NewWrite,
    now: i64,
) -> Result<OutboxEntry, StoreError> {
    let entry = lock(store).enqueue(write, now)?;
    wake.notify_one();
    Ok(entry)
}

/// Releases a hold the person left (its id is a secret: not what staff see).
pub fn release(hold_id: &str, now: i64) -> NewWrite {
    NewWrite {
        method: "DELETE".to_owned(),
        body: String::new(),
        ..write(
            "release",
            format!("api/v1/holds/{hold_id}"),
            &(),
            String::new(),
            hold_chain(hold_id),
            now + HOLD_WORTH_SECS * 10,
        )
    }
}

/// Waits up to `timeout` for an entry to be answered, or for a first delivery to fail (the
/// server cannot be reached: the person should not wait for the retries). The entry as it
/// then stands.
pub async fn wait_for_answer(
    store: &SharedStore,
    id: i64,
    timeout: Duration,
) -> Result<Option<OutboxEntry>, StoreError> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let entry = lock(store).entry(id)?;
        let settled = entry.as_ref().is_none_or(|entry| {
            entry.status != crate::store::OutboxStatus::Pending || entry.attempts > 0
        });
        if settled || tokio::time::Instant::now() >= deadline {
            return Ok(entry);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
