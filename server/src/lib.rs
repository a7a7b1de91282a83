//! Sportello's central server: holds the province's reference data, agendas, content and
//! accounts, and serves them to kiosks (which replicate them) and to phones.
//!
//! [`Server::start`] is the whole server; `main.rs` adds flags, logging and signals, and tests
//! start it in-process on a loopback port.

pub mod api;
pub mod auth;
pub mod booking;
pub mod clock;
pub mod commands;
pub mod config;
pub mod db;
pub mod i18n;
pub mod keys;
pub mod notify;
pub mod pulse;
pub mod seed;
pub mod state;

use crate::api::AppState;
use crate::auth::limits::Limits;
use crate::clock::{Clock, SystemClock};
use crate::config::{Config, Seed};
use crate::db::{Db, DbError};
use crate::keys::{KeysError, ServerKeys};
use crate::seed::{SeedError, SeedOutcome};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How long in-flight requests get to finish once shutdown begins.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// How often expired holds are freed and old personal data purged.
const HOUSEKEEPING_EVERY: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot load the demo data: {0}")]
    Seed(#[from] SeedError),
    #[error("cannot use the server's keys: {0}")]
    Keys(#[from] KeysError),
    #[error(
        "refusing to serve {reach}: the database holds demo accounts whose passwords are \
         public ({}). Change their passwords (`sportello-server user passwd --username …`) or \
         disable them, serve this machine only (listen on 127.0.0.1, no --trusted-proxy), or \
         start with --demo if this is a public demonstration",
        accounts.join(", ")
    )]
    DemoAccountsExposed {
        reach: String,
        accounts: Vec<String>,
    },
    #[error("the server stopped with an error: {0}")]
    Serve(std::io::Error),
}

/// A running server.
pub struct Server {
    addr: SocketAddr,
    state: AppState,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
    housekeeping: JoinHandle<()>,
    pulse: JoinHandle<()>,
    notify: Option<JoinHandle<()>>,
}

impl Server {
    /// Opens and migrates the database, loads the seed data if the database has none, binds
    /// the listener and starts serving in the background.
    pub async fn start(config: &Config) -> Result<Server, ServerError> {
        Self::start_with_clock(config, Arc::new(SystemClock)).await
    }

    /// [`Server::start`] with another clock: tests move time with a `ManualClock`.
    pub async fn start_with_clock(
        config: &Config,
        clock: Arc<dyn Clock>,
    ) -> Result<Server, ServerError> {
        let db = Db::open(&config.database_location()).await?;
        if config.seed == Seed::Demo {
            match seed::load_demo(&db).await? {
                SeedOutcome::Loaded { records } => {
                    tracing::info!(records, "loaded the demo data of the province of Asti");
                }
                SeedOutcome::NotEmpty => {
                    tracing::debug!("the database has data: no demo data loaded");
                }
            }
        }
        // Reachable from elsewhere: listening beyond loopback, or behind a proxy (which
        // listens on loopback and serves the world).
        let reach = if !config.listen.ip().is_loopback() {
            Some(config.listen.to_string())
        } else if !config.trusted_proxies.is_empty() {
            Some(format!("{} through a reverse proxy", config.listen))
        } else {
            None
        };
        if let Some(reach) = reach.filter(|_| !config.demo) {
            let accounts = seed::public_demo_accounts(&db).await?;
            if !accounts.is_empty() {
                return Err(ServerError::DemoAccountsExposed { reach, accounts });
            }
        }
        let keys = ServerKeys::load(&db, &config.key_file_location(), clock.now()).await?;
        let state = AppState {
            db: db.clone(),
            clock,
            keys: Arc::new(keys),
            settings: Arc::new(config.booking_settings()),
            limits: Arc::new(Limits::new(config.holds_per_address)),
            proxies: Arc::new(api::TrustedProxies::new(
                config.trusted_proxies.clone(),
                config.proxy_header,
            )),
            flights: Arc::default(),
            pulses: Arc::default(),
            plans: Arc::default(),
            suggestions: Arc::default(),
            slots: Arc::default(),
        };
        let listener = listen(config.listen).map_err(|source| ServerError::Bind {
            addr: config.listen,
            source,
        })?;
        let addr = listener.local_addr().map_err(ServerError::Serve)?;
        let app = api::router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
        let (shutdown, stop_requested) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop_requested.await;
                })
                .await
        });
        let housekeeping = tokio::spawn(housekeeping_loop(state.clone()));
        let pulse = tokio::spawn(pulse::run(state.clone()));
        let notify = config
            .sms_gateway
            .clone()
            .map(|gateway| tokio::spawn(notify::run(db.clone(), state.clock.clone(), gateway)));
        tracing::info!(%addr, database = db.backend().as_str(), "serving");
        Ok(Server {
            addr,
            state,
            shutdown,
            task,
            housekeeping,
            pulse,
            notify,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// What the handlers share: for tests that drive the engine directly.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Stops accepting connections, lets in-flight requests finish (for a while), closes the
    /// database.
    pub async fn stop(self) -> Result<(), ServerError> {
        self.housekeeping.abort();
        self.pulse.abort();
        if let Some(notify) = &self.notify {
            notify.abort();
        }
        // Streams that follow an office end now; shutdown would wait for them otherwise.
        self.state.pulses.close();
        let _ = self.shutdown.send(());
        let mut task = self.task;
        let outcome = match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
            Ok(Ok(result)) => result.map_err(ServerError::Serve),
            Ok(Err(join_error)) => Err(ServerError::Serve(std::io::Error::other(join_error))),
            Err(_elapsed) => {
                tracing::warn!("requests still running after the grace period; closing");
                task.abort();
                Ok(())
            }
        };
        self.state.db.close().await;
        outcome
    }
}

/// Binds with a deep accept queue: on a "click day" thousands of people connect in the same
/// second, and the default backlog would make some wait for TCP retransmissions.
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

/// Frees expired holds and purges personal data past retention, every few seconds.
async fn housekeeping_loop(state: AppState) {
    let mut ticks = tokio::time::interval(HOUSEKEEPING_EVERY);
    loop {
        ticks.tick().await;
        if let Err(err) = booking::housekeeping(&state.db, state.clock.now(), &state.settings).await
        {
            tracing::warn!(error = %err, "housekeeping failed; will retry");
        }
    }
}
