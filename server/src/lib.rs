//! Sportello's central server: holds the province's reference data, agendas, content and
//! accounts, and serves them to kiosks (which replicate them) and to phones.
//!
//! [`Server::start`] is the whole server; `main.rs` adds flags, logging and signals, and tests
//! start it in-process on a loopback port.

pub mod api;
pub mod config;
pub mod db;
pub mod seed;

use crate::config::{Config, Seed};
use crate::db::{Db, DbError};
use crate::seed::{SeedError, SeedOutcome};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How long in-flight requests get to finish once shutdown begins.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

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
    #[error("the server stopped with an error: {0}")]
    Serve(std::io::Error),
}

/// A running server.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    db: Db,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Opens and migrates the database, loads the seed data if the database has none, binds
    /// the listener and starts serving in the background.
    pub async fn start(config: &Config) -> Result<Server, ServerError> {
        let db = Db::open(&config.database_location()).await?;
        if config.seed == Seed::Demo {
            match seed::load_demo(&db).await? {
                SeedOutcome::Loaded { records } => {
                    tracing::info!(records, "loaded the demo data of the province of Asti");
                }
                SeedOutcome::NotEmpty => {
                    tracing::debug!("the database has data: no demo data loaded")
                }
            }
        }
        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|source| ServerError::Bind {
                    addr: config.listen,
                    source,
                })?;
        let addr = listener.local_addr().map_err(ServerError::Serve)?;
        let app = api::router(api::AppState { db: db.clone() });
        let (shutdown, stop_requested) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop_requested.await;
                })
                .await
        });
        tracing::info!(%addr, database = db.backend().as_str(), "serving");
        Ok(Server {
            addr,
            db,
            shutdown,
            task,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Stops accepting connections, lets in-flight requests finish (for a while), closes the
    /// database.
    pub async fn stop(self) -> Result<(), ServerError> {
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
        self.db.close().await;
        outcome
    }
}
