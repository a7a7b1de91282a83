//! Single flight: requests that ask for the same computation at the same moment share one run
//! of it. On a click day thousands of phones ask for a procedure's free slots within seconds;
//! each answer is a walk of the whole agenda, and the same one, so the requests that arrive
//! while one is running wait for its answer instead of each walking it again.
//!
//! Nothing is kept once the run is over: a request after it computes afresh (caching, where
//! wanted, is the caller's business).

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OnceCell;

pub struct SingleFlight<K, V> {
    running: Mutex<HashMap<K, Arc<OnceCell<V>>>>,
}

impl<K, V> Default for SingleFlight<K, V> {
    fn default() -> Self {
        SingleFlight {
            running: Mutex::default(),
        }
    }
}

impl<K, V> std::fmt::Debug for SingleFlight<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SingleFlight")
    }
}

impl<K: Hash + Eq + Clone, V: Clone> SingleFlight<K, V> {
    /// `compute`'s answer for `key`, shared with every caller that asks for `key` while it
    /// runs. A failure is not shared: the next waiter runs `compute` itself.
    pub async fn run<E, F, Fut>(&self, key: K, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let cell = self
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(key.clone())
            .or_default()
            .clone();
        // Leaves the board however this caller ends: answered, failed, or dropped midway.
        let seat = Seat {
            flight: self,
            key,
            cell,
        };
        seat.cell.get_or_try_init(compute).await.cloned()
    }
}

/// A caller's place on a flight. When it leaves, the flight comes off the board if it has
/// its answer (later callers compute afresh) or if no one else waits on it (a failed or
/// abandoned flight must not stay: keys are the callers' to choose).
struct Seat<'a, K: Hash + Eq, V> {
    flight: &'a SingleFlight<K, V>,
    key: K,
    cell: Arc<OnceCell<V>>,
}

impl<K: Hash + Eq, V> Drop for Seat<'_, K, V> {
    fn drop(&mut self) {
        let mut running = self
            .flight
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let ours = running
            .get(&self.key)
            .is_some_and(|current| Arc::ptr_eq(current, &self.cell));
        // The board's reference and this seat's: no one else is on it.
        let alone = Arc::strong_count(&self.cell) <= 2;
        if ours && (self.cell.initialized() || alone) {
            running.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn callers_at_the_same_moment_share_one_run() {
        let flight = Arc::new(SingleFlight::<&str, u32>::default());
        let runs = Arc::new(AtomicU32::new(0));
        let (release, hold) = tokio::sync::watch::channel(false);
        let mut callers = Vec::new();
        for _ in 0..10 {
            let flight = flight.clone();
            let runs = runs.clone();
            let mut hold = hold.clone();
            callers.push(tokio::spawn(async move {
                flight
                    .run("renewal", || async move {
                        runs.fetch_add(1, Ordering::SeqCst);
                        let _ = hold.wait_for(|go| *go).await;
                        Ok::<_, ()>(42)
                    })
                    .await
            }));
        }
        tokio::task::yield_now().await;
        release.send(true).unwrap();
        for caller in callers {
            assert_eq!(caller.await.unwrap(), Ok(42));
        }
        assert_eq!(
            runs.load(Ordering::SeqCst),
            1,
            "one computation for ten callers"
        );
        // Over: the next caller computes again.
        let again = flight.run("renewal", || async { Ok::<_, ()>(43) }).await;
        assert_eq!(again, Ok(43));
    }

    fn on_board<K, V>(flight: &SingleFlight<K, V>) -> usize {
        flight.running.lock().unwrap().len()
    }

    #[tokio::test]
    async fn a_failure_is_not_shared_nor_kept() {
        let flight = SingleFlight::<u8, u8>::default();
        assert_eq!(
            flight.run(1, || async { Err::<u8, &str>("down") }).await,
            Err("down")
        );
        // Keys are the callers' (any procedure id, any date): a failed one must not stay.
        assert_eq!(on_board(&flight), 0);
        assert_eq!(flight.run(1, || async { Ok::<u8, &str>(7) }).await, Ok(7));
        assert_eq!(on_board(&flight), 0);
    }

    #[tokio::test]
    async fn a_caller_that_goes_away_leaves_nothing_behind() {
        let flight = SingleFlight::<u8, u8>::default();
        let abandoned = tokio::time::timeout(
            std::time::Duration::from_millis(10),
            flight.run(1, std::future::pending::<Result<u8, ()>>),
        )
        .await;
        assert!(abandoned.is_err());
        assert_eq!(on_board(&flight), 0);
    }
}
