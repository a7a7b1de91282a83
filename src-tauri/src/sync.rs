//! Keeps the kiosk in step with the server, on start and then periodically: delivers the
//! outbox, returns and tops up leases, pulls the change feed into the local cache.
//!
//! This is a plain library piece (no window, no Tauri): tests and other hosts drive it
//! directly. The protocol is described in `sportello_core::sync`.

use crate::cache::Cache;
pub use crate::client::{ServerClient, SyncError};
use crate::identity::{self, Identity};
use crate::outbox::{self, SharedStore};
use sportello_core::api::ProblemCode;
use sportello_core::clock::SharedClock;
use sportello_core::kiosk::{Connection, KioskStatus};
use sportello_core::sync::{Cursor, DEFAULT_PAGE};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// How soon the engine looks again while writes wait in the outbox.
const WRITES_WAITING_PAUSE: Duration = Duration::from_secs(3);

/// How many failed writes the staff panel lists (the newest).
const FAILURES_SHOWN: usize = 20;

/// How long a kiosk the server refuses keeps what waits in its outbox.
pub const REFUSED_GRACE_SECS: i64 = 7 * 24 * 3600;

/// The cache as the sync engine and the UI commands share it.
pub type SharedCache = Arc<Mutex<Cache>>;

/// What one successful [`SyncEngine::sync_once`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub pages: usize,
    pub changes: usize,
    pub cursor: Cursor,
    /// The free places' current `ETag`, as the last page named it.
    pub slots_etag: Option<String>,
}

/// The kiosk's own part: who it is, and its outbox and leases.
pub struct KioskParts {
    pub store: SharedStore,
    /// Where the device key and the enrolment live.
    pub identity_dir: PathBuf,
    /// A one-time code to enrol with, while not enrolled.
    pub enrolment_code: Option<String>,
    /// How long a kiosk the server refuses keeps what waits in its outbox
    /// ([`REFUSED_GRACE_SECS`]).
    pub refused_grace_secs: i64,
}

/// Keeps the cache in step with the server, delivers the outbox, keeps the kiosk's leases,
/// and publishes the kiosk's [`KioskStatus`].
pub struct SyncEngine {
    client: Arc<ServerClient>,
    cache: SharedCache,
    status: watch::Sender<KioskStatus>,
    page_size: u32,
    kiosk: Option<KioskParts>,
    identity: Mutex<Option<Identity>>,
    /// The kiosk's clock, the client's.
    clock: SharedClock,
}

impl SyncEngine {
    pub fn new(client: ServerClient, cache: SharedCache) -> Result<SyncEngine, SyncError> {
        let initial = {
            let cache = lock(&cache);
            KioskStatus {
                last_sync: cache.last_sync()?,
                cursor: cache.cursor()?,
                ..KioskStatus::new(Connection::Connecting)
            }
        };
        Ok(SyncEngine {
            clock: client.clock(),
            client: Arc::new(client),
            cache,
            status: watch::Sender::new(initial),
            page_size: DEFAULT_PAGE,
            kiosk: None,
            identity: Mutex::new(None),
        })
    }

    /// Adds the kiosk's own part: enrolment, outbox delivery and leases. Without it the engine
    /// only pulls (a desk that shows information).
    pub fn with_kiosk(mut self, kiosk: KioskParts) -> Result<SyncEngine, SyncError> {
        let known = identity::load(&kiosk.identity_dir)
            .map_err(|err| SyncError::Malformed(err.to_string()))?;
        self.status.send_modify(|status| {
            status.kiosk_id = known.as_ref().map(|identity| identity.kiosk_id.clone());
        });
        *self
            .identity
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = known;
        self.kiosk = Some(kiosk);
        self.refresh_counts();
        Ok(self)
    }

    /// The kiosk's identity, once enrolled.
    pub fn identity(&self) -> Option<Identity> {
        self.identity
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The client, for commands that talk to the server directly.
    pub fn client(&self) -> Arc<ServerClient> {
        self.client.clone()
    }

    /// Smaller pages, for tests that want to see paging at work.
    pub fn with_page_size(mut self, page_size: u32) -> SyncEngine {
        self.page_size = page_size;
        self
    }

    /// Follows the kiosk's status as it changes.
    pub fn subscribe(&self) -> watch::Receiver<KioskStatus> {
        self.status.subscribe()
    }

    /// One round: delivers the outbox (offline bookings first of all), returns and tops up
    /// leases, pulls the feed until caught up (checking it against the server's checkpoint),
    /// and fetches free places. The pull's success decides whether the kiosk shows online.
    pub async fn sync_once(&self) -> Result<SyncReport, SyncError> {
        let kiosk_result = self.kiosk_round().await;
        if let Err(err) = &kiosk_result {
            // (Errors name no address: those name bookings and holds. See `client`.)
            tracing::warn!(error = %err, "outbox or leases not synced; will retry");
        }
        let result = self.pull_all().await;
        match &result {
            Ok(report) => {
                let now = self.clock.unix();
                lock(&self.cache).set_last_sync(now)?;
                self.status.send_modify(|status| {
                    status.connection = Connection::Online;
                    status.last_sync = Some(now);
                    status.cursor = report.cursor;
                });
                // The server answers: writes that waited out an outage go now, not after
                // their pause (a person may be waiting for one of them).
                if let Err(err) = self.deliver_waiting(now).await {
                    tracing::warn!(error = %err, "outbox delivery failed");
                }
                if let Err(err) = self.pull_slots(report.slots_etag.as_deref()).await {
                    tracing::warn!(error = %err, "cannot fetch free places");
                }
            }
            Err(SyncError::Cache(err)) => {
                tracing::error!(error = %err, "cannot write the local cache");
            }
            Err(err) => {
                tracing::warn!(error = %err, "sync failed; working from the cache");
                self.status.send_if_modified(|status| {
                    let changed = status.connection != Connection::Offline;
                    status.connection = Connection::Offline;
                    changed
                });
            }
        }
        self.refresh_counts();
        match (result, kiosk_result) {
            (Ok(report), Ok(())) => Ok(report),
            (Err(err), _) | (Ok(_), Err(err)) => Err(err),
        }
    }

    /// Enrols if a code waits, then delivers the outbox and syncs leases.
    async fn kiosk_round(&self) -> Result<(), SyncError> {
        let Some(kiosk) = &self.kiosk else {
            return Ok(());
        };
        let refused_before = self.status.borrow().refused;
        let identity = match self.identity() {
            // A kiosk the server refused enrols again when an installer gave it a new code.
            Some(identity) if !(refused_before && kiosk.enrolment_code.is_some()) => identity,
            _ => {
                let Some(code) = &kiosk.enrolment_code else {
                    return Ok(());
                };
                let identity =
                    identity::enrol(&kiosk.identity_dir, &self.client, code, refused_before)
                        .await
                        .map_err(|err| match err {
                            identity::EnrolError::Server(err) => err,
                            identity::EnrolError::Identity(err) => {
                                SyncError::Malformed(err.to_string())
                            }
                        })?;
                tracing::info!(kiosk = %identity.kiosk_id, "enrolled");
                self.status
                    .send_modify(|status| status.kiosk_id = Some(identity.kiosk_id.clone()));
                *self
                    .identity
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(identity.clone());
                identity
            }
        };
        let outcome = async {
            let delivery = outbox::deliver(&self.client, &identity, &kiosk.store).await?;
            if delivery != outbox::Delivery::default() {
                tracing::info!(?delivery, "outbox delivered");
            }
            let (returned, known) = {
                let store = outbox::lock(&kiosk.store);
                (store.void_leases()?, store.lease_digest()?)
            };
            // Nothing to return and the same set as the server's: it answers `unchanged`.
            let known = returned.is_empty().then_some(known);
            let leases = self.client.sync_leases(&identity, returned, known).await?;
            if !leases.unchanged {
                outbox::lock(&kiosk.store).replace_leases(&leases.leases)?;
            }
            outbox::lock(&kiosk.store).purge_finished(self.clock.unix())?;
            Ok(())
        }
        .await;
        let refused = matches!(outcome, Err(SyncError::Rejected));
        if refused {
            // Revoked, or the server's database restored from before this kiosk enrolled:
            // what waits is kept a week for an administrator to enrol the kiosk again, then
            // given up and erased (a revoked kiosk may be a stolen one).
            let now = self.clock.unix();
            outbox::lock(&kiosk.store).drop_free_leases()?;
            let since = outbox::lock(&kiosk.store).refused_since(now)?;
            if now - since >= kiosk.refused_grace_secs {
                let abandoned = outbox::lock(&kiosk.store).abandon_all(now)?;
                if abandoned > 0 {
                    tracing::error!(abandoned, "refused for a week: outbox given up and erased");
                }
            }
        } else if outcome.is_ok() {
            outbox::lock(&kiosk.store).accepted()?;
        }
        self.status.send_if_modified(|status| {
            let changed = status.refused != refused;
            status.refused = refused;
            changed
        });
        outcome
    }

    /// Delivers what waited for the link, once it is back.
    async fn deliver_waiting(&self, now: i64) -> Result<(), SyncError> {
        let (Some(kiosk), Some(identity)) = (&self.kiosk, self.identity()) else {
            return Ok(());
        };
        if self.status.borrow().refused || outbox::lock(&kiosk.store).reset_waits(now)? == 0 {
            return Ok(());
        }
        outbox::deliver(&self.client, &identity, &kiosk.store).await?;
        Ok(())
    }

    /// Free places, unless the copy is current: the feed's last page named the current ones
    /// (`current`), or the server answers 304.
    async fn pull_slots(&self, current: Option<&str>) -> Result<(), SyncError> {
        let etag = lock(&self.cache).slots()?.map(|(etag, _)| etag);
        if etag.is_some() && etag.as_deref() == current {
            return Ok(());
        }
        if let Some((etag, slots)) = self.client.slots(etag.as_deref()).await? {
            lock(&self.cache).set_slots(&etag, &slots)?;
        }
        Ok(())
    }

    /// Puts the outbox's and the leases' counts in the status.
    pub fn refresh_counts(&self) {
        let Some(kiosk) = &self.kiosk else {
            return;
        };
        let now = self.clock.unix();
        let read = {
            let store = outbox::lock(&kiosk.store);
            store
                .counts(now)
                .and_then(|counts| Ok((counts, store.failures(now, FAILURES_SHOWN)?)))
        };
        match read {
            Ok((counts, failures)) => {
                self.status.send_if_modified(|status| {
                    let before = status.clone();
                    status.outbox_pending = counts.outbox_pending;
                    status.outbox_failed = counts.outbox_rejected;
                    status.leases_free = counts.leases_free;
                    status.leases_used = counts.leases_used;
                    status.failures = failures;
                    *status != before
                });
            }
            Err(err) => tracing::error!(error = %err, "cannot read the kiosk state"),
        }
    }

    async fn pull_all(&self) -> Result<SyncReport, SyncError> {
        let mut report = SyncReport {
            pages: 0,
            changes: 0,
            cursor: lock(&self.cache).cursor()?,
            slots_etag: None,
        };
        // The server's data was replaced or restored (see `sportello_core::sync`): start over,
        // replacing the cache with the first page. Once per sync, so a confused server cannot
        // make the kiosk loop.
        let mut start_over = false;
        let mut started_over = false;
        loop {
            let since = if start_over { 0 } else { report.cursor };
            let page = match self.client.changes(since, self.page_size).await {
                Err(SyncError::Refused {
                    code: Some(ProblemCode::CursorAhead),
                    ..
                }) if !started_over => {
                    start_over = true;
                    started_over = true;
                    continue;
                }
                other => other?,
            };
            let known_feed = lock(&self.cache).feed()?;
            if !start_over && since > 0 && known_feed.as_deref() != Some(page.feed.as_str()) {
                if started_over {
                    return Err(SyncError::Malformed(
                        "the feed changed during a pull".into(),
                    ));
                }
                start_over = true;
                started_over = true;
                continue;
            }
            // A page that does not move the cursor forward would make this loop spin.
            if page.cursor < since || (page.more && page.cursor == since) {
                return Err(SyncError::Malformed(format!(
                    "page moves the cursor from {since} to {}",
                    page.cursor
                )));
            }
            if start_over {
                tracing::warn!("the server's feed changed: replacing the local cache");
            }
            lock(&self.cache).apply(&page, start_over)?;
            start_over = false;
            report.pages += 1;
            report.changes += page.changes.len();
            report.cursor = page.cursor;
            if report.changes > 0 {
                // Lists on screen reload as soon as new data is in, not only at the end.
                self.status
                    .send_modify(|status| status.cursor = report.cursor);
            }
            if !page.more {
                report.slots_etag = page.slots_etag.clone();
                if let Some(checkpoint) = &page.checkpoint {
                    self.repair(checkpoint).await?;
                }
                return Ok(report);
            }
        }
    }

    /// Pulls again, whole, each kind that does not match the server's checkpoint.
    async fn repair(&self, checkpoint: &sportello_core::sync::Checkpoint) -> Result<(), SyncError> {
        let differing = lock(&self.cache).differing(checkpoint)?;
        for entity in differing {
            tracing::warn!(
                entity = entity.as_str(),
                "cache differs from the server: pulling it again"
            );
            let snapshot = self.client.snapshot(entity).await?;
            if snapshot.feed != checkpoint.feed {
                return Err(SyncError::Malformed(
                    "the feed changed during a repair".into(),
                ));
            }
            lock(&self.cache).replace_kind(&snapshot)?;
        }
        Ok(())
    }

    /// Whether an operator's ended session waits to be ended on the server: tried again as
    /// soon as writes would be.
    fn sessions_to_end(&self) -> bool {
        self.kiosk.as_ref().is_some_and(|kiosk| {
            outbox::lock(&kiosk.store)
                .sessions_to_end()
                .is_ok_and(|sessions| !sessions.is_empty())
        })
    }

    /// Syncs now, then every `interval`, or sooner when `wake` is notified. Never returns.
    pub async fn run(self, interval: Duration, wake: Arc<Notify>) {
        loop {
            if let Ok(report) = self.sync_once().await
                && report.changes > 0
            {
                tracing::info!(changes = report.changes, cursor = report.cursor, "synced");
            }
            // Writes waiting (a confirmation a person is watching, an offline booking) are
            // tried again as soon as their pause allows, not at the next interval.
            let pause = if self.status.borrow().outbox_pending > 0 || self.sessions_to_end() {
                interval.min(WRITES_WAITING_PAUSE)
            } else {
                interval
            };
            tokio::select! {
                () = tokio::time::sleep(pause) => {}
                () = wake.notified() => {}
            }
        }
    }
}

/// Locks the cache. A panic while it was held cannot leave it half-written (every write is
/// one SQLite transaction), so a poisoned lock is still safe to use.
pub fn lock(cache: &SharedCache) -> MutexGuard<'_, Cache> {
    cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
