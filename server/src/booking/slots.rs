//! Free places of every procedure over its booking horizon, compactly, for kiosks to show with
//! the link down. Computed for all kiosks at once and kept a few seconds: 117 kiosks asking
//! every minute cost one computation per interval, not 117.

use super::{Agenda, BookingError, offers};
use crate::db::list_procedures;
use crate::state::AppState;
use sha2::{Digest, Sha256};
use sportello_core::calendar;
use sportello_core::sync::{SlotRun, SlotsSnapshot};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a computed snapshot is served before it is computed again.
const FRESH_FOR: Duration = Duration::from_secs(5);

/// A snapshot ready to send: its JSON and an `ETag` over its content (not its time).
#[derive(Debug)]
pub struct CachedSlots {
    pub etag: String,
    pub body: String,
}

#[derive(Debug, Default)]
pub struct SlotsCache(Mutex<Option<(Instant, Arc<CachedSlots>)>>);

/// The current snapshot, computed again once it is a few seconds old.
pub async fn current(state: &AppState) -> Result<Arc<CachedSlots>, BookingError> {
    let fresh = state
        .slots
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .filter(|(at, _)| at.elapsed() < FRESH_FOR)
        .map(|(_, cached)| cached.clone());
    if let Some(cached) = fresh {
        return Ok(cached);
    }
    // 117 kiosks whose minute comes round together: one computation for all of them.
    state.flights.slots.run((), || recompute(state)).await
}

async fn recompute(state: &AppState) -> Result<Arc<CachedSlots>, BookingError> {
    let runs = compute(state).await?;
    let mut hash = Sha256::new();
    hash.update(serde_json::to_vec(&runs).expect("slot runs serialise"));
    let etag = format!("\"{}\"", hex(&hash.finalize()[..12]));
    let snapshot = SlotsSnapshot {
        at: state.clock.now(),
        runs,
    };
    let cached = Arc::new(CachedSlots {
        etag,
        body: serde_json::to_string(&snapshot).expect("slots serialise"),
    });
    *state.slots.0.lock().unwrap_or_else(PoisonError::into_inner) =
        Some((Instant::now(), cached.clone()));
    Ok(cached)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

async fn compute(state: &AppState) -> Result<Vec<SlotRun>, BookingError> {
    let now = state.clock.now();
    let today = calendar::local_date(now);
    let mut conn = state.db.conn().await?;
    let mut runs = Vec::new();
    for procedure in list_procedures(&mut conn, None).await? {
        let Some(agenda) = Agenda::load(
            &mut conn,
            &state.plans,
            &procedure.id,
            None,
            today,
            None,
            now,
        )
        .await?
        else {
            continue;
        };
        let free = offers(&agenda.candidates(now, today, agenda.to()), usize::MAX);
        let mut offices: Vec<&str> = free.iter().map(|offer| offer.office_id.as_str()).collect();
        offices.sort_unstable();
        offices.dedup();
        for office_id in offices {
            let mut run = SlotRun {
                procedure_id: procedure.id.clone(),
                office_id: office_id.to_owned(),
                minutes: u32::from(procedure.slot_minutes),
                first: 0,
                steps: Vec::new(),
                free: Vec::new(),
            };
            let mut previous: Option<i64> = None;
            for offer in free.iter().filter(|offer| offer.office_id == office_id) {
                let start = offer.start.as_second();
                match previous {
                    None => run.first = start,
                    Some(before) => run
                        .steps
                        .push(u32::try_from((start - before) / 60).unwrap_or(u32::MAX)),
                }
                previous = Some(start);
                run.free.push(offer.free);
            }
            runs.push(run);
        }
    }
    Ok(runs)
}
