//! At the office: check-in with the receipt, and no-shows.

use super::view::{StaleReceipt, public_view, stale_receipt};
use super::{BookingError, audit_entry, give_queue_number, with_retries};
use crate::auth::Actor;
use crate::db::audit;
use crate::db::bookings::{self, BookingKey};
use crate::state::AppState;
use sportello_core::booking::{Booking, BookingStatus, CheckIn};
use sportello_core::calendar;

/// Checks a person in with their receipt: a queue number for the day. Scanning the same
/// receipt again gives the same number.
pub async fn check_in(
    state: &AppState,
    actor: &Actor,
    receipt: &str,
) -> Result<CheckIn, BookingError> {
    let claims = state
        .keys
        .verify_any_receipt(receipt, state.clock.now())
        .map_err(|err| BookingError::InvalidReceipt(err.to_string()))?;
    may_check_in(state, actor, &claims.office_id).await?;
    with_retries(|| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let mut row = bookings::lock_booking(&mut tx, BookingKey::Code(&claims.code))
            .await?
            .filter(|row| row.status != BookingStatus::Held)
            .ok_or_else(|| BookingError::NotFound(format!("no booking {}", claims.code)))?;
        if row.status == BookingStatus::Leased {
            // A kiosk booked it offline and has not been back online since: the person is
            // not at fault, but the office cannot know who they are yet.
            return Err(BookingError::InvalidState(
                "booked offline at a kiosk that has not reported it yet: the kiosk reports it \
                 when it is back online"
                    .to_owned(),
            ));
        }
        match stale_receipt(&claims, &row) {
            Some(StaleReceipt::NotTheOneIssued) => {
                return Err(BookingError::InvalidReceipt(
                    "this receipt is not the one this booking was made with".to_owned(),
                ));
            }
            Some(StaleReceipt::BeforeAMove) => {
                return Err(BookingError::InvalidReceipt(
                    "this receipt is from before the appointment was moved: use the newest one"
                        .to_owned(),
                ));
            }
            None => {}
        }
        let queue_number = match row.status {
            BookingStatus::CheckedIn => row.queue_number.unwrap_or(0),
            BookingStatus::Confirmed => {
                let today = calendar::local_date(now).to_string();
                if row.day != today {
                    return Err(BookingError::InvalidState(format!(
                        "the appointment is on {}, not today",
                        row.day
                    )));
                }
                let number = give_queue_number(
                    &mut tx,
                    &actor.label(),
                    "check_in",
                    &mut row,
                    now.as_second(),
                )
                .await?;
                tx.commit().await?;
                number
            }
            other => {
                return Err(BookingError::InvalidState(format!(
                    "the booking is {}",
                    other.as_str()
                )));
            }
        };
        Ok(CheckIn {
            code: row.code,
            office_id: row.office_id,
            queue_number: u32::try_from(queue_number).unwrap_or(0),
        })
    })
    .await
}

/// The office's staff check people in; so does a kiosk standing in the office's comune (the
/// one in its waiting room, where people scan their receipt on arrival).
pub(super) async fn may_check_in(
    state: &AppState,
    actor: &Actor,
    office_id: &str,
) -> Result<(), BookingError> {
    let Ok(kiosk_id) = actor.require_kiosk() else {
        return actor
            .require_office(office_id)
            .map(|_| ())
            .map_err(|_| BookingError::Forbidden);
    };
    let mut conn = state.db.conn().await?;
    let kiosk = crate::db::kiosks::find_kiosk(&mut conn, kiosk_id).await?;
    let office = crate::db::get_office(&mut conn, office_id).await?;
    match (kiosk, office) {
        (Some(kiosk), Some(office)) if kiosk.comune_istat == office.address.comune_istat => Ok(()),
        _ => Err(BookingError::Forbidden),
    }
}

/// Marks that the person did not come, once the slot is over. Marking again answers the same.
pub async fn no_show(state: &AppState, actor: &Actor, code: &str) -> Result<Booking, BookingError> {
    with_retries(|| async {
        let now = state.clock.now().as_second();
        let mut tx = state.db.begin_write().await?;
        let mut row = bookings::lock_booking(&mut tx, BookingKey::Code(code))
            .await?
            .filter(|row| {
                row.status.is_appointment() && actor.require_office(&row.office_id).is_ok()
            })
            .ok_or_else(|| BookingError::NotFound(format!("no booking {code}")))?;
        match row.status {
            BookingStatus::NoShow => return Ok(public_view(state, &row)),
            BookingStatus::Confirmed if row.slot_end <= now => {}
            _ => {
                return Err(BookingError::InvalidState(
                    "only a confirmed appointment whose time is over can be marked as a no-show"
                        .to_owned(),
                ));
            }
        }
        bookings::set_status(
            &mut tx,
            &row.id,
            BookingStatus::Confirmed,
            BookingStatus::NoShow,
            now,
        )
        .await?;
        row.status = BookingStatus::NoShow;
        audit::record(
            &mut tx,
            &audit_entry(&actor.label(), "no_show", &row, now, String::new()),
        )
        .await?;
        tx.commit().await?;
        Ok(public_view(state, &row))
    })
    .await
}
