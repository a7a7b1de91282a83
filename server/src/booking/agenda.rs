//! A procedure's agenda over a range of days: which slots exist on which counters, how many
//! places each has left, and which of them can be booked now.
//!
//! What decides the slots (the procedure, its counters and their hours, the offices, patron
//! days, dated overrides) changes rarely and is cached; every change to it moves the feed's
//! head (`sync_counter`), which the cache compares on each use. What changes all the time
//! (the places taken) is read fresh, in one query.

use crate::db::{self, DbError, agenda as overrides, bookings};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use sportello_core::booking::SlotOffer;
use sportello_core::calendar::{self, DayInputs, Interval, PatronRule};
use sportello_core::model::{Counter, Office, Procedure};
use sqlx::AnyConnection;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// One counter serving the procedure, with everything that decides its slots.
struct CounterPlan {
    counter: Counter,
    office: Office,
    patron: Option<PatronRule>,
    counter_days: HashMap<Date, Vec<Interval>>,
    office_days: HashMap<Date, Vec<Interval>>,
}

impl CounterPlan {
    /// The counter's hours on `day`, after its overrides, its office's, holidays and the
    /// patron's day.
    fn hours_on(&self, day: Date) -> Vec<Interval> {
        let inputs = DayInputs {
            weekly: &self.counter.hours,
            counter_override: self.counter_days.get(&day).map(Vec::as_slice),
            office_override: self.office_days.get(&day).map(Vec::as_slice),
            patron: self.patron,
        };
        calendar::hours_on(day, &inputs).0
    }
}

/// The slow-changing part of a procedure's agenda.
struct Plan {
    /// The feed head it was read at.
    version: i64,
    procedure: Procedure,
    counters: Vec<CounterPlan>,
}

impl Plan {
    /// Indexes of the counters of `office_id`, or of all.
    fn in_scope(&self, office_id: Option<&str>) -> Vec<usize> {
        (0..self.counters.len())
            .filter(|&index| {
                office_id.is_none_or(|office| office == self.counters[index].office.id)
            })
            .collect()
    }

    fn counter_ids(&self, indexes: &[usize]) -> Vec<&str> {
        indexes
            .iter()
            .map(|&index| self.counters[index].counter.id.as_str())
            .collect()
    }
}

/// Plans by procedure, refreshed when the feed head moves. The head is read again at most
/// every [`RECHECK_AFTER`]: changes made through this server invalidate the cache at once
/// ([`PlanCache::invalidate`]); another server on the same database is seen within that time.
#[derive(Default)]
pub struct PlanCache {
    plans: Mutex<HashMap<String, Arc<Plan>>>,
    /// The feed head last read, and when.
    head: Mutex<Option<(i64, std::time::Instant)>>,
    /// Bumped by every invalidation: a head read before one is not kept after it.
    generation: std::sync::atomic::AtomicU64,
}

const RECHECK_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

impl std::fmt::Debug for PlanCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlanCache")
    }
}

impl PlanCache {
    /// Forgets what was read: the next use reads the agendas again.
    pub fn invalidate(&self) {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *self
            .head
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    async fn version(&self, conn: &mut AnyConnection) -> Result<i64, DbError> {
        let recent = *self
            .head
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((head, at)) = recent
            && at.elapsed() < RECHECK_AFTER
        {
            return Ok(head);
        }
        let generation = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        let head = db::feed_head(conn).await?;
        let mut cached = self
            .head
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if self.generation.load(std::sync::atomic::Ordering::SeqCst) == generation {
            *cached = Some((head, std::time::Instant::now()));
        }
        Ok(head)
    }

    async fn plan(
        &self,
        conn: &mut AnyConnection,
        procedure_id: &str,
        version: Option<i64>,
    ) -> Result<Option<Arc<Plan>>, DbError> {
        let version = match version {
            Some(version) => version,
            None => self.version(conn).await?,
        };
        let cached = self
            .plans
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(procedure_id)
            .filter(|plan| plan.version == version)
            .cloned();
        if let Some(plan) = cached {
            return Ok(Some(plan));
        }
        let Some(plan) = load_plan(conn, procedure_id, version).await? else {
            return Ok(None);
        };
        let plan = Arc::new(plan);
        self.plans
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(procedure_id.to_owned(), plan.clone());
        Ok(Some(plan))
    }
}

async fn load_plan(
    conn: &mut AnyConnection,
    procedure_id: &str,
    version: i64,
) -> Result<Option<Plan>, DbError> {
    let Some(procedure) = db::get_procedure(conn, procedure_id).await? else {
        return Ok(None);
    };
    let mut offices: HashMap<String, (Office, Option<PatronRule>, Vec<_>)> = HashMap::new();
    let mut counters = Vec::new();
    for counter_id in &procedure.counter_ids {
        let Some(counter) = db::get_counter(conn, counter_id).await? else {
            continue;
        };
        if !offices.contains_key(&counter.office_id) {
            let Some(office) = db::get_office(conn, &counter.office_id).await? else {
                continue;
            };
            let patron = db::get_comune(conn, &office.address.comune_istat)
                .await?
                .and_then(|comune| comune.patron_day);
            let days = overrides::overrides_of(conn, &office.id).await?;
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
        counters.push(CounterPlan {
            counter,
            office: office.clone(),
            patron: *patron,
            counter_days,
            office_days,
        });
    }
    Ok(Some(Plan {
        version,
        procedure,
        counters,
    }))
}

/// A procedure's agenda over a range of days, with the places taken.
pub struct Agenda {
    plan: Arc<Plan>,
    /// Indexes of the counters in scope (all, or one office's).
    counters: Vec<usize>,
    /// Places taken per (counter, grid cell in Unix seconds) in the range.
    taken: HashMap<(String, i64), u16>,
    /// The last day covered.
    to: Date,
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
    /// The agenda of `procedure_id` from `from` to `to` (inclusive; `None`: to the end of the
    /// agenda open at `now`), on all its counters or only those of `office_id`. `None` if
    /// there is no such procedure.
    pub async fn load(
        conn: &mut AnyConnection,
        cache: &PlanCache,
        procedure_id: &str,
        office_id: Option<&str>,
        from: Date,
        to: Option<Date>,
        now: Timestamp,
    ) -> Result<Option<Agenda>, DbError> {
        let Some(plan) = cache.plan(conn, procedure_id, None).await? else {
            return Ok(None);
        };
        let counters = plan.in_scope(office_id);
        let ids = plan.counter_ids(&counters);
        let to = to.unwrap_or_else(|| bookable_until(&plan, &counters, now));
        let taken = if to < from {
            HashMap::new()
        } else {
            bookings::taken_cells(
                conn,
                &ids,
                day_start(from),
                day_start(to.tomorrow().unwrap_or(to)),
            )
            .await?
        };
        Ok(Some(Agenda {
            plan,
            counters,
            taken,
            to,
        }))
    }

    /// The agenda of `procedure_id` at one office, for the single slot starting at `start`:
    /// only the places of that slot are read. At the agenda `version` (the feed head) when
    /// given, otherwise the latest known. `None` if there is no such procedure.
    pub async fn load_slot(
        conn: &mut AnyConnection,
        cache: &PlanCache,
        procedure_id: &str,
        office_id: &str,
        start: Timestamp,
        version: Option<i64>,
    ) -> Result<Option<Agenda>, DbError> {
        let Some(plan) = cache.plan(conn, procedure_id, version).await? else {
            return Ok(None);
        };
        let counters = plan.in_scope(Some(office_id));
        let ids = plan.counter_ids(&counters);
        let end = start.as_second() + i64::from(plan.procedure.slot_minutes) * 60;
        let taken = bookings::taken_cells(conn, &ids, start.as_second(), end).await?;
        let day = calendar::local_date(start);
        Ok(Some(Agenda {
            plan,
            counters,
            taken,
            to: day,
        }))
    }

    pub fn procedure(&self) -> &Procedure {
        &self.plan.procedure
    }

    /// The feed head the agenda's plan was read at.
    pub fn version(&self) -> i64 {
        self.plan.version
    }

    /// The candidates starting exactly at `start` (see [`Agenda::candidates`]).
    pub fn candidates_at(&self, now: Timestamp, start: Timestamp) -> Vec<Candidate> {
        let day = calendar::local_date(start);
        self.walk(now, day, day, Some(start))
    }

    /// Every slot in `from..=to` that can be booked at `now`: the counter is open, it starts
    /// after the minimum notice, its day is within the open agenda. With its free places (0
    /// when full).
    pub fn candidates(&self, now: Timestamp, from: Date, to: Date) -> Vec<Candidate> {
        self.walk(now, from, to, None)
    }

    fn walk(
        &self,
        now: Timestamp,
        from: Date,
        to: Date,
        only: Option<Timestamp>,
    ) -> Vec<Candidate> {
        let procedure = &self.plan.procedure;
        let length = procedure.slot_minutes;
        let earliest = now
            .checked_add(SignedDuration::from_mins(i64::from(
                procedure.rules.min_notice_minutes,
            )))
            .unwrap_or(now);
        let today = calendar::local_date(now);
        let mut found = Vec::new();
        for plan in self
            .counters
            .iter()
            .map(|&index| &self.plan.counters[index])
        {
            let counter = &plan.counter;
            let last_day =
                calendar::bookable_until(now, procedure.rules.horizon_days, plan.office.release)
                    .min(to);
            let mut day = from.max(today);
            while day <= last_day {
                let hours = plan.hours_on(day);
                for minute in calendar::slot_starts(&hours, counter.grid_minutes, length) {
                    let Some(start) = calendar::to_instant(day, minute) else {
                        continue;
                    };
                    if start < earliest || only.is_some_and(|only| only != start) {
                        continue;
                    }
                    let cells: Vec<i64> = (0..calendar::cells_for(length, counter.grid_minutes))
                        .map(|i| start.as_second() + i64::from(i * counter.grid_minutes) * 60)
                        .collect();
                    let busiest = cells
                        .iter()
                        .map(|cell| {
                            self.taken
                                .get(&(counter.id.clone(), *cell))
                                .copied()
                                .unwrap_or(0)
                        })
                        .max()
                        .unwrap_or(0);
                    found.push(Candidate {
                        office_id: plan.office.id.clone(),
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

    /// The last day this agenda covers.
    pub fn to(&self) -> Date {
        self.to
    }

    /// The counters in scope that open at all on `day`, with their offices, in the
    /// procedure's order.
    pub fn open_on(&self, day: Date) -> Vec<(&Counter, &Office)> {
        self.counters
            .iter()
            .map(|&index| &self.plan.counters[index])
            .filter(|plan| !plan.hours_on(day).is_empty())
            .map(|plan| (&plan.counter, &plan.office))
            .collect()
    }

    /// The offices of the counters in scope (one per counter).
    pub fn offices(&self) -> impl Iterator<Item = &Office> {
        self.counters
            .iter()
            .map(|&index| &self.plan.counters[index].office)
    }
}

/// The last day open for booking at `now`, over the counters in scope.
fn bookable_until(plan: &Plan, counters: &[usize], now: Timestamp) -> Date {
    counters
        .iter()
        .map(|&index| {
            calendar::bookable_until(
                now,
                plan.procedure.rules.horizon_days,
                plan.counters[index].office.release,
            )
        })
        .max()
        .unwrap_or_else(|| calendar::local_date(now))
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
