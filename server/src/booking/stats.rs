//! An office's numbers over a span of days, read from its bookings and calls.

use super::BookingError;
use crate::auth::Actor;
use crate::state::AppState;
use jiff::civil::Date;
use sportello_core::booking::BookingStatus;
use sportello_core::calendar;
use sportello_core::office::Channel;
use sportello_core::office_stats::{
    Counts, DayCounts, FirstFree, KeyedCounts, OfficeStats, Spread,
};
use sqlx::Row;
use std::collections::{BTreeMap, HashMap};

/// One appointment as the numbers see it.
struct Appointment {
    day: Date,
    status: BookingStatus,
    procedure_id: String,
    channel: &'static str,
    checked_in_at: Option<i64>,
}

/// How a booking's calls went: the first call, and the last one's end and outcome.
#[derive(Default)]
struct Calls {
    first_called: Option<i64>,
    last_called: i64,
    ended_at: Option<i64>,
    outcome: Option<String>,
}

pub async fn office_stats(
    state: &AppState,
    actor: &Actor,
    office_id: &str,
    from: Date,
    to: Date,
) -> Result<OfficeStats, BookingError> {
    actor
        .require_office(office_id)
        .map_err(|_| BookingError::Forbidden)?;
    let mut conn = state.db.conn().await?;
    let rows = sqlx::query(
        "SELECT id, day, status, procedure_id, booked_by, organization_id, checked_in_at \
         FROM bookings WHERE office_id = $1 AND day >= $2 AND day <= $3 \
         AND status NOT IN ('held', 'leased')",
    )
    .bind(office_id)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&mut *conn)
    .await
    .map_err(crate::db::DbError::from)?;
    let mut appointments = HashMap::new();
    for row in &rows {
        let status: String = row.try_get("status").map_err(crate::db::DbError::from)?;
        let day: String = row.try_get("day").map_err(crate::db::DbError::from)?;
        let booked_by: String = row.try_get("booked_by").map_err(crate::db::DbError::from)?;
        let organization: Option<String> = row
            .try_get("organization_id")
            .map_err(crate::db::DbError::from)?;
        let (Some(status), Ok(day)) = (BookingStatus::parse(&status), day.parse()) else {
            continue;
        };
        let channel = match Channel::of(&booked_by, organization.as_deref()) {
            Channel::SelfService => "self_service",
            Channel::Kiosk { .. } => "kiosk",
            Channel::Operator { .. } => "operator",
            Channel::Office => "office",
            Channel::WalkIn => "walk_in",
        };
        let id: String = row.try_get("id").map_err(crate::db::DbError::from)?;
        appointments.insert(
            id,
            Appointment {
                day,
                status,
                procedure_id: row
                    .try_get("procedure_id")
                    .map_err(crate::db::DbError::from)?,
                channel,
                checked_in_at: row
                    .try_get("checked_in_at")
                    .map_err(crate::db::DbError::from)?,
            },
        );
    }
    let call_rows = sqlx::query(
        "SELECT booking_id, called_at, ended_at, outcome FROM calls \
         WHERE office_id = $1 AND day >= $2 AND day <= $3 ORDER BY id",
    )
    .bind(office_id)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&mut *conn)
    .await
    .map_err(crate::db::DbError::from)?;
    drop(conn);
    let mut calls: HashMap<String, Calls> = HashMap::new();
    for row in &call_rows {
        let booking: String = row
            .try_get("booking_id")
            .map_err(crate::db::DbError::from)?;
        let called_at: i64 = row.try_get("called_at").map_err(crate::db::DbError::from)?;
        let entry = calls.entry(booking).or_default();
        entry.first_called.get_or_insert(called_at);
        entry.last_called = called_at;
        entry.ended_at = row.try_get("ended_at").map_err(crate::db::DbError::from)?;
        entry.outcome = row.try_get("outcome").map_err(crate::db::DbError::from)?;
    }

    let mut total = Counts::default();
    let mut by_day: BTreeMap<Date, Counts> = BTreeMap::new();
    let mut by_procedure: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_channel: BTreeMap<&str, Counts> = BTreeMap::new();
    let (mut waits, mut services) = (Vec::new(), Vec::new());
    // Every day of the span has a line, so a chart shows the quiet days too.
    let mut day = from;
    while day <= to {
        by_day.insert(day, Counts::default());
        let Ok(next) = day.tomorrow() else { break };
        day = next;
    }
    for (id, appointment) in &appointments {
        let call = calls.get(id);
        let outcome = call.and_then(|call| call.outcome.as_deref());
        let count = |counts: &mut Counts| {
            counts.booked += 1;
            match appointment.status {
                BookingStatus::CheckedIn => {
                    counts.checked_in += 1;
                    match outcome {
                        Some("served") => counts.served += 1,
                        Some("absent") => counts.absent += 1,
                        _ => {}
                    }
                }
                BookingStatus::NoShow | BookingStatus::Lapsed => counts.no_show += 1,
                BookingStatus::Cancelled => counts.cancelled += 1,
                _ => {}
            }
        };
        count(by_channel.entry(appointment.channel).or_default());
        // Walk-ins have their line among the channels and nothing else: the figures of
        // appointments (booked, no-shows, waits) stay those of people who booked.
        if appointment.channel == "walk_in" {
            continue;
        }
        count(&mut total);
        count(by_day.entry(appointment.day).or_default());
        count(
            by_procedure
                .entry(appointment.procedure_id.clone())
                .or_default(),
        );
        if let (Some(checked_in), Some(first)) = (
            appointment.checked_in_at,
            call.and_then(|call| call.first_called),
        ) {
            waits.push(first - checked_in);
        }
        if let Some(call) = call.filter(|_| outcome == Some("served"))
            && let Some(ended) = call.ended_at
        {
            services.push(ended - call.last_called);
        }
    }

    let now = state.clock.now();
    let today = calendar::local_date(now);
    let mut first_free = Vec::new();
    let mut conn = state.db.conn().await?;
    let procedures = crate::db::list_procedures(&mut conn, Some(office_id)).await?;
    drop(conn);
    for procedure in procedures {
        let found = super::availability(state, &procedure.id, None, 1).await?;
        let first = found.slots.first().map(|slot| slot.start);
        first_free.push(FirstFree {
            procedure_id: procedure.id,
            first,
            days_ahead: first.and_then(|first| {
                let days = (calendar::local_date(first) - today).get_days();
                u32::try_from(days).ok()
            }),
        });
    }
    let keyed = |map: BTreeMap<String, Counts>| {
        map.into_iter()
            .map(|(key, counts)| KeyedCounts { key, counts })
            .collect()
    };
    Ok(OfficeStats {
        office_id: office_id.to_owned(),
        from,
        to,
        total,
        by_day: by_day
            .into_iter()
            .map(|(day, counts)| DayCounts { day, counts })
            .collect(),
        by_procedure: keyed(by_procedure),
        by_channel: keyed(
            by_channel
                .into_iter()
                .map(|(key, counts)| (key.to_owned(), counts))
                .collect(),
        ),
        waiting: Spread::of(waits),
        service: Spread::of(services),
        first_free,
    })
}
