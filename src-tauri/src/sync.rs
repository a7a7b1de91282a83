//! Pulls the server's change feed into the local cache, on start and then periodically.
//!
//! This is a plain library piece (no window, no Tauri): tests and other hosts drive it
//! directly. The protocol is described in `sportello_core::sync`.

use crate::cache::{Cache, CacheError};
use reqwest::Url;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::kiosk::{Connection, KioskStatus};
use sportello_core::sync::{ChangePage, Cursor, DEFAULT_PAGE};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{Notify, watch};

/// The cache as the sync engine and the UI commands share it.
pub type SharedCache = Arc<Mutex<Cache>>;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the server cannot be reached: {0}")]
    Unreachable(#[source] reqwest::Error),
    #[error("the server refused the request ({status}): {detail}")]
    Refused {
        status: u16,
        code: Option<ProblemCode>,
        detail: String,
    },
    #[error("the server sent something unreadable: {0}")]
    Malformed(String),
    #[error(transparent)]
    Cache(#[from] CacheError),
}

/// The central server's API, as the kiosk uses it.
#[derive(Debug, Clone)]
pub struct ServerClient {
    http: reqwest::Client,
    changes_url: Url,
}

impl ServerClient {
    pub fn new(server_url: &str) -> Result<ServerClient, SyncError> {
        // A trailing slash and a relative join keep a path prefix, e.g. a server behind a
        // reverse proxy at https://host/sportello/.
        let base = Url::parse(&format!("{}/", server_url.trim_end_matches('/')))
            .map_err(|err| SyncError::Malformed(format!("server URL: {err}")))?;
        let changes_url = base
            .join("api/v1/sync/changes")
            .map_err(|err| SyncError::Malformed(format!("server URL: {err}")))?;
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("sportello-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(SyncError::Unreachable)?;
        Ok(ServerClient { http, changes_url })
    }

    /// One page of the change feed after `since`.
    pub async fn changes(&self, since: Cursor, limit: u32) -> Result<ChangePage, SyncError> {
        let response = self
            .http
            .get(self.changes_url.clone())
            .query(&[("since", since.to_string()), ("limit", limit.to_string())])
            .send()
            .await
            .map_err(SyncError::Unreachable)?;
        let status = response.status();
        if !status.is_success() {
            let (code, detail) = match response.json::<Problem>().await {
                Ok(problem) => (Some(problem.code), problem.detail.unwrap_or(problem.title)),
                Err(_) => (None, status.to_string()),
            };
            return Err(SyncError::Refused {
                status: status.as_u16(),
                code,
                detail,
            });
        }
        response.json().await.map_err(|err| {
            if err.is_decode() {
                SyncError::Malformed(err.to_string())
            } else {
                SyncError::Unreachable(err)
            }
        })
    }
}

/// What one successful [`SyncEngine::sync_once`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncReport {
    pub pages: usize,
    pub changes: usize,
    pub cursor: Cursor,
}

/// Keeps the cache in step with the server and publishes the kiosk's [`KioskStatus`].
pub struct SyncEngine {
    client: ServerClient,
    cache: SharedCache,
    status: watch::Sender<KioskStatus>,
    page_size: u32,
}

impl SyncEngine {
    pub fn new(client: ServerClient, cache: SharedCache) -> Result<SyncEngine, SyncError> {
        let initial = {
            let cache = lock(&cache);
            KioskStatus {
                connection: Connection::Connecting,
                last_sync: cache.last_sync()?,
                cursor: cache.cursor()?,
            }
        };
        Ok(SyncEngine {
            client,
            cache,
            status: watch::Sender::new(initial),
            page_size: DEFAULT_PAGE,
        })
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

    /// Pulls pages until the cache has caught up with the server.
    pub async fn sync_once(&self) -> Result<SyncReport, SyncError> {
        let result = self.pull_all().await;
        match &result {
            Ok(report) => {
                let now = unix_now();
                lock(&self.cache).set_last_sync(now)?;
                self.status.send_modify(|status| {
                    status.connection = Connection::Online;
                    status.last_sync = Some(now);
                    status.cursor = report.cursor;
                });
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
        result
    }

    async fn pull_all(&self) -> Result<SyncReport, SyncError> {
        let mut report = SyncReport {
            pages: 0,
            changes: 0,
            cursor: lock(&self.cache).cursor()?,
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
                return Ok(report);
            }
        }
    }

    /// Syncs now, then every `interval`, or sooner when `wake` is notified. Never returns.
    pub async fn run(self, interval: Duration, wake: Arc<Notify>) {
        loop {
            if let Ok(report) = self.sync_once().await
                && report.changes > 0
            {
                tracing::info!(changes = report.changes, cursor = report.cursor, "synced");
            }
            tokio::select! {
                () = tokio::time::sleep(interval) => {}
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

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}
