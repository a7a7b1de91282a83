//! A procedure's agenda over a range of days: which slots exist on which counters, how many
//! places each has left, and which of them can be booked now.

use crate::db::{self, DbError, agenda as overrides, bookings};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use sportello_core::booking::SlotOffer;
use sportello_core::calendar::{self, DayInputs, Interval, PatronRule};
use sportello_core::model::{Counter, Office, Procedure};
use sqlx::AnyConnection;
use std::collections::{BTreeMap, HashMap};

/// One counter serving the procedure, with everything that decides its slots.
struct CounterAgenda {
    counter: Counter,
    office: Office,
    patron: Option<PatronRule>,
    counter_days: HashMap<Date, Vec<Interval>>,
    office_days: HashMap<Date, Vec<Interval>>,
    /// Places taken per grid cell (Unix seconds) in the range.
    taken: HashMap<i64, u16>,
}

pub struct Agenda {
    pub procedure: Procedure,
    counters: Vec<CounterAgenda>,
}

/// A slot on one counter.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub office_id: String,
    pub counter_id: String,
    pub seats: u16,
    pub day: Date,
    pub start: Timestamp,
    pub end: Timestamp,
    /// The counter's grid cells the appointment spans (Unix seconds).
    pub cells: Vec<i64>,
    pub free: u16,
}

impl Agenda {
    /// Reads the agenda of `procedure_id` for `from..=to`, on all its counters or only those
    /// of `office_id`. `None` if there is no such procedure.
    pub async fn load(
        conn: &mut AnyConnection,
        procedure_id: &str,
        office_id: Option<&str>,
        from: Date,
        to: Date,
    ) -> Result<Option<Agenda>, DbError> {
        let Some(procedure) = db::get_procedure(conn, procedure_id).await? else {
            return Ok(None);
        };
        let range_start = day_start(from);
        let range_end = day_start(to.tomorrow().unwrap_or(to));
        let mut offices: HashMap<String, (Office, Option<PatronRule>, Vec<_>)> = HashMap::new();
        let mut counters = Vec::new();
        for counter_id in &procedure.counter_ids {
            let Some(counter) = db::get_counter(conn, counter_id).await? else {
                continue;
            };
            if office_id.is_some_and(|office| office != counter.office_id) {
                continue;
            }
            if !offices.contains_key(&counter.office_id) {
                let Some(office) = db::get_office(conn, &counter.office_id).await? else {
                    continue;
                };
                let patron = db::get_comune(conn, &office.address.comune_istat)
                    .await?
                    .and_then(|comune| comune.patron_day);
                let days = overrides::overrides_between(conn, &office.id, from, to).await?;
                offices.insert(counter.office_id.clone(), (office, patron, days));
            }
            let (office, patron, days) = &offices[&counter.office_id];
            let mut counter_days = HashMap::new();
            let mut office_days = HashMap::new();
            for day in days {
                match &day.counter_id {
                    None => {
                        office_days.insert(day.day, day.hours.clone());
                    }
                    Some(id) if *id == counter.id => {
                        counter_days.insert(day.day, day.hours.clone());
                    }
                    Some(_) => {}
                }
            }
            let taken = bookings::taken_cells(conn, &counter.id, range_start, range_end).await?;
            counters.push(CounterAgenda {
                counter,
                office: office.clone(),
                patron: *patron,
                counter_days,
                office_days,
                taken,
            });
        }
        Ok(Some(Agenda {
            procedure,
            counters,
        }))
    }

    /// Every slot in `from..=to` that can be booked at `now`: the office is open, it starts
    /// after the minimum notice, its day is within the open agenda. With its free places (0
    /// when full).
    pub fn candidates(&self, now: Timestamp, from: Date, to: Date) -> Vec<Candidate> {
        let length = self.procedure.slot_minutes;
        let earliest = now
            .checked_add(SignedDuration::from_mins(i64::from(
                self.procedure.rules.min_notice_minutes,
            )))
            .unwrap_or(now);
        let today = calendar::local_date(now);
        let mut found = Vec::new();
        for agenda in &self.counters {
            let counter = &agenda.counter;
            let last_day = calendar::bookable_until(
                now,
                self.procedure.rules.horizon_days,
                agenda.office.release,
            )
            .min(to);
            let mut day = from.max(today);
            while day <= last_day {
                let inputs = DayInputs {
                    weekly: &counter.hours,
                    counter_override: agenda.counter_days.get(&day).map(Vec::as_slice),
                    office_override: agenda.office_days.get(&day).map(Vec::as_slice),
                    patron: agenda.patron,
                };
                let (hours, _) = calendar::hours_on(day, &inputs);
                for minute in calendar::slot_starts(&hours, counter.grid_minutes, length) {
                    let Some(start) = calendar::to_instant(day, minute) else {
                        continue;
                    };
                    if start < earliest {
                        continue;
                    }
                    let cells: Vec<i64> = (0..calendar::cells_for(length, counter.grid_minutes))
                        .map(|i| start.as_second() + i64::from(i * counter.grid_minutes) * 60)
                        .collect();
                    let busiest = cells
                        .iter()
                        .map(|cell| agenda.taken.get(cell).copied().unwrap_or(0))
                        .max()
                        .unwrap_or(0);
                    found.push(Candidate {
                        office_id: agenda.office.id.clone(),
                        counter_id: counter.id.clone(),
                        seats: counter.seats,
                        day,
                        start,
                        end: start
                            .checked_add(SignedDuration::from_mins(i64::from(length)))
                            .unwrap_or(start),
                        cells,
                        free: counter.seats.saturating_sub(busiest),
                    });
                }
                let Ok(next) = day.tomorrow() else { break };
                day = next;
            }
        }
        found.sort_by(|a, b| {
            (a.start, &a.office_id, &a.counter_id).cmp(&(b.start, &b.office_id, &b.counter_id))
        });
        found
    }

    /// The last day open for booking now, over all the procedure's offices.
    pub fn bookable_until(&self, now: Timestamp) -> Date {
        self.counters
            .iter()
            .map(|agenda| {
                calendar::bookable_until(
                    now,
                    self.procedure.rules.horizon_days,
                    agenda.office.release,
                )
            })
            .max()
            .unwrap_or_else(|| calendar::local_date(now))
    }
}

/// What people choose from: slots with free places, one per office and start time (the
/// counter is assigned when the slot is held), earliest first.
pub fn offers(candidates: &[Candidate], limit: usize) -> Vec<SlotOffer> {
    let mut by_slot: BTreeMap<(Timestamp, &str), SlotOffer> = BTreeMap::new();
    for candidate in candidates.iter().filter(|c| c.free > 0) {
        by_slot
            .entry((candidate.start, &candidate.office_id))
            .and_modify(|offer| offer.free += u32::from(candidate.free))
            .or_insert_with(|| SlotOffer {
                office_id: candidate.office_id.clone(),
                start: candidate.start,
                end: candidate.end,
                free: u32::from(candidate.free),
            });
    }
    by_slot.into_values().take(limit).collect()
}

/// Local midnight of a day, as Unix seconds (midnight exists on every day in Rome).
fn day_start(day: Date) -> i64 {
    calendar::to_instant(day, 0).map_or(0, |instant| instant.as_second())
}
