//! What a closure or an extra opening does to the appointments already booked: those it
//! hits, and the first free slots to move them to.

use super::view::full_view;
use super::{BookingError, timestamp};
use crate::db::bookings::{self, BookingRow};
use crate::state::AppState;
use sportello_core::agenda_change::{ChangeImpact, HitAppointment, still_fits};
use sportello_core::booking::{BookingStatus, SlotOffer};
use sportello_core::calendar::Interval;
use sportello_core::model::DayOverride;
use std::collections::HashMap;

/// The confirmed appointments of the change's day (at its counter, or the whole office) that
/// the new hours leave without a place, in time order.
pub async fn hit_by(
    state: &AppState,
    change: &DayOverride,
    hours: &[Interval],
) -> Result<Vec<BookingRow>, BookingError> {
    let mut conn = state.db.conn().await?;
    Ok(hit_in(&mut conn, change, hours).await?)
}

/// [`hit_by`] on a connection (inside a change's own transaction).
pub async fn hit_in(
    conn: &mut sqlx::AnyConnection,
    change: &DayOverride,
    hours: &[Interval],
) -> Result<Vec<BookingRow>, crate::db::DbError> {
    let day = change.day.to_string();
    let rows = bookings::list_bookings(
        conn,
        &bookings::BookingQuery {
            office_id: Some(&change.office_id),
            organization_id: None,
            day: Some(&day),
            since: None,
        },
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter(|row| row.status == BookingStatus::Confirmed)
        .filter(|row| {
            change
                .counter_id
                .as_ref()
                .is_none_or(|c| *c == row.counter_id)
        })
        .filter(|row| !still_fits(hours, timestamp(row.slot_start), timestamp(row.slot_end)))
        .collect())
}

/// Ends the holds on the change's day that its hours leave without a place, in the change's
/// own transaction: a person midway through booking cannot confirm into a closed hour, and
/// is told the hold ended (they pick again). Run before looking for hit appointments, so a
/// confirmation racing the change is either ended here or found there.
pub async fn end_hit_holds(
    conn: &mut sqlx::AnyConnection,
    change: &DayOverride,
) -> Result<usize, crate::db::DbError> {
    let holds = bookings::holds_of_day(conn, &change.office_id, &change.day.to_string()).await?;
    let mut ended = 0;
    for row in holds {
        let here = change
            .counter_id
            .as_ref()
            .is_none_or(|c| *c == row.counter_id);
        if here
            && !still_fits(
                &change.hours,
                timestamp(row.slot_start),
                timestamp(row.slot_end),
            )
            && bookings::delete_hold(conn, &row.id).await?
        {
            ended += 1;
        }
    }
    Ok(ended)
}

/// The appointments a change hits, each with the first free slot of its procedure after the
/// day (at the same office when there is one), no slot proposed twice beyond its places.
pub async fn impact(
    state: &AppState,
    change: &DayOverride,
    hours: &[Interval],
) -> Result<ChangeImpact, BookingError> {
    let rows = hit_by(state, change, hours).await?;
    let from = change.day.tomorrow().ok();
    let mut offers: HashMap<String, Vec<SlotOffer>> = HashMap::new();
    let mut taken: HashMap<(String, i64), u32> = HashMap::new();
    let mut conn = state.db.conn().await?;
    let mut hit = Vec::with_capacity(rows.len());
    for row in rows {
        if !offers.contains_key(&row.procedure_id) {
            let found = super::availability(state, &row.procedure_id, from, 100).await?;
            offers.insert(row.procedure_id.clone(), found.slots);
        }
        let candidates = &offers[&row.procedure_id];
        let free = |offer: &&SlotOffer| {
            let used = taken
                .get(&(offer.office_id.clone(), offer.start.as_second()))
                .copied()
                .unwrap_or(0);
            offer.free > used
        };
        let proposal = candidates
            .iter()
            .filter(|offer| offer.office_id == row.office_id)
            .find(free)
            .or_else(|| candidates.iter().find(free))
            .cloned();
        if let Some(offer) = &proposal {
            *taken
                .entry((offer.office_id.clone(), offer.start.as_second()))
                .or_default() += 1;
        }
        let person = full_view(state, &mut conn, &row).await?.person;
        hit.push(HitAppointment {
            code: row.code,
            procedure_id: row.procedure_id,
            counter_id: row.counter_id,
            start: timestamp(row.slot_start),
            person: person
                .as_ref()
                .map(|person| format!("{} {}", person.surname, person.given_names)),
            reachable: person.is_some_and(|person| person.phone.is_some()),
            proposal,
        });
    }
    Ok(ChangeImpact { hit })
}
