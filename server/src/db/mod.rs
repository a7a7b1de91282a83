//! Storage: SQLite (embedded, the default) or PostgreSQL, behind one sqlx `Any` pool.
//!
//! Queries are written once in the SQL both databases accept (`$n` parameters, `RETURNING`,
//! `ON CONFLICT`); each backend has its own migrations for the DDL that differs.

pub mod accounts;
pub mod agenda;
pub mod audit;
pub mod bookings;
pub mod calls;
mod changes;
pub mod idempotency;
pub mod kiosks;
pub mod leases;
pub mod limits;
pub mod notices;
mod reference;
pub mod retention;

pub use changes::{changes_since, snapshot};
pub use reference::{
    delete_record, get_comune, get_counter, get_faq, get_office, get_procedure, list_comuni,
    list_counters, list_directory, list_faq, list_offices, list_procedures,
    organization_with_place, upsert_record,
};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Which database engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the database folder {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot make the database file {path} private: {source}")]
    Private {
        path: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

impl DbError {
    /// Whether the database refused a write because it would break a unique constraint.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, DbError::Sqlx(sqlx::Error::Database(err)) if err.is_unique_violation())
    }

    /// Whether running the transaction again may succeed: a deadlock or serialization failure
    /// on PostgreSQL, a busy database on SQLite, a pool momentarily exhausted.
    pub fn is_retryable(&self) -> bool {
        match self {
            DbError::Sqlx(sqlx::Error::Database(err)) => matches!(
                err.code().as_deref(),
                // PostgreSQL: serialization_failure, deadlock_detected. SQLite: BUSY, LOCKED
                // (and their extended codes, which keep the primary code in the low byte).
                Some("40001" | "40P01" | "5" | "6" | "261" | "262" | "517")
            ),
            // Not a pool timeout: it has already waited long; retrying would only add to it.
            _ => false,
        }
    }
}

/// A connection pool and the engine behind it.
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite admits one writer at a time. Waiting writers queue here, in order, instead of
    /// polling SQLite's lock with growing sleeps (which turns a burst into seconds of delay).
    sqlite_writer: Arc<tokio::sync::Mutex<()>>,
}

/// A transaction that writes: derefs to the connection; commit it, or drop it to roll back.
pub struct WriteTx {
    /// Always `Some` until `commit` or drop takes it.
    tx: Option<Transaction<'static, Any>>,
    backend: Backend,
    turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(mut self) -> Result<(), DbError> {
        let tx = self
            .tx
            .take()
            .expect("a WriteTx holds its transaction until commit");
        Ok(tx.commit().await?)
    }

    /// The feed head, as the version of the agendas a claim relies on, read under a shared
    /// lock that keeps agenda changes out until this transaction ends (see [`lock_agenda`]).
    /// Call it before any other statement. SQLite runs one writer at a time: a plain read.
    pub async fn agenda_version(&mut self) -> Result<i64, DbError> {
        let sql = match self.backend {
            Backend::Postgres => "SELECT value FROM sync_counter WHERE id = 1 FOR SHARE",
            Backend::Sqlite => "SELECT value FROM sync_counter WHERE id = 1",
        };
        Ok(sqlx::query_scalar(sql).fetch_one(&mut **self).await?)
    }

    /// Orders this transaction after any other that locked `name`, until it ends: for a count
    /// then an insert that must not interleave (a cap on live holds). On PostgreSQL an advisory
    /// lock, so every server process of the database takes turns; SQLite runs one writer at a
    /// time already.
    pub async fn lock_name(&mut self, name: &str) -> Result<(), DbError> {
        if self.backend == Backend::Postgres {
            // The lock's number: the first 8 bytes of the name's SHA-256 (any text, NUL too).
            let digest = <sha2::Sha256 as sha2::Digest>::digest(name.as_bytes());
            let number = i64::from_be_bytes(digest[..8].try_into().unwrap_or_default());
            sqlx::query("SELECT pg_advisory_xact_lock($1)::text")
                .bind(number)
                .execute(&mut **self)
                .await?;
        }
        Ok(())
    }
}

/// Dropping a transaction only queues its rollback on the connection. On SQLite the next
/// writer would then find the database still locked and sleep in SQLite's busy handler (a
/// millisecond at first, then longer), and in a burst the whole queue waits behind it; so the
/// turn passes on only once the rollback is done.
impl Drop for WriteTx {
    fn drop(&mut self) {
        let Some(tx) = self.tx.take() else {
            return;
        };
        let turn = self.turn.take();
        match (turn, tokio::runtime::Handle::try_current()) {
            (Some(turn), Ok(runtime)) => {
                runtime.spawn(async move {
                    // A failed rollback leaves the connection to the pool, which closes it.
                    let _ = tx.rollback().await;
                    drop(turn);
                });
            }
            _ => drop(tx),
        }
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;

    fn deref(&self) -> &Self::Target {
        self.tx
            .as_ref()
            .expect("a WriteTx holds its transaction until commit")
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.tx
            .as_mut()
            .expect("a WriteTx holds its transaction until commit")
    }
}

impl Db {
    /// Opens `location` (a SQLite path or a `postgres://` URL) and brings its schema up to date.
    pub async fn open(location: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = resolve(location)?;
        let options = AnyConnectOptions::from_str(&url)?;
        // No ping before every acquire: it doubles the round trips of short requests, and a
        // broken connection shows as an error that the request reports (and the pool replaces).
        let mut pool_options = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(10))
            .test_before_acquire(false);
        pool_options = match backend {
            Backend::Sqlite => pool_options
                .max_connections(8)
                .after_connect(|conn, _meta| {
                    Box::pin(async move {
                        // WAL lets readers run while a writer commits; NORMAL is durable in WAL
                        // across application crashes, which is what a server needs.
                        // secure_delete overwrites what is deleted (purged people, spent
                        // tokens) instead of leaving it in free pages of the file.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                             PRAGMA secure_delete = ON;",
                        )
                        .await?;
                        Ok(())
                    })
                }),
            Backend::Postgres => pool_options.max_connections(16),
        };
        let pool = pool_options.connect_with(options).await?;
        let db = Db {
            pool,
            backend,
            sqlite_writer: Arc::default(),
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A connection from the pool, for reads.
    pub async fn conn(&self) -> Result<PoolConnection<Any>, DbError> {
        Ok(self.pool.acquire().await?)
    }

    /// A transaction that will write. On SQLite it waits its turn in this process, then takes
    /// the write lock at once (`BEGIN IMMEDIATE`): a transaction that reads first and upgrades
    /// later can fail with "database is locked" instead of waiting.
    pub async fn begin_write(&self) -> Result<WriteTx, DbError> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let turn = self.sqlite_writer.clone().lock_owned().await;
                WriteTx {
                    tx: Some(self.pool.begin_with("BEGIN IMMEDIATE").await?),
                    backend: self.backend,
                    turn: Some(turn),
                }
            }
            Backend::Postgres => WriteTx {
                tx: Some(self.pool.begin().await?),
                backend: self.backend,
                turn: None,
            },
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The change feed's head: moves whenever reference data changes, so caches of it compare this.
pub async fn feed_head(conn: &mut sqlx::AnyConnection) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM sync_counter WHERE id = 1")
            .fetch_one(conn)
            .await?,
    )
}

/// Moves the feed's head without a replicated row: for changes that caches of reference data
/// must notice but kiosks need not pull (e.g. dated overrides of opening hours).
pub async fn touch_feed(conn: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    reference::next_seq(conn).await?;
    Ok(())
}

/// Takes the agenda for a change: moves the feed head first thing, which locks its row until
/// commit. Claims read the head with a shared lock first thing ([`WriteTx::agenda_version`]),
/// so a change waits for the claims under way and the claims after it see the new head and
/// start over. Both take that lock before any other, so they cannot deadlock.
pub async fn lock_agenda(tx: &mut WriteTx) -> Result<(), DbError> {
    touch_feed(tx).await
}

/// Sets a value in the server's key–value table, inside the caller's transaction.
pub async fn set_meta(
    conn: &mut sqlx::AnyConnection,
    key: &str,
    value: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO server_meta (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether a location given on the command line names a PostgreSQL database.
pub fn is_postgres(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// The file a SQLite location names: a path, or a `sqlite:` URL without its options.
pub fn sqlite_path(location: &str) -> &str {
    let path = location
        .strip_prefix("sqlite://")
        .or_else(|| location.strip_prefix("sqlite:"))
        .unwrap_or(location);
    path.split('?').next().unwrap_or(path)
}

/// Turns a location as given on the command line into a backend and a driver URL.
fn resolve(location: &str) -> Result<(Backend, String), DbError> {
    if is_postgres(location) {
        return Ok((Backend::Postgres, location.to_owned()));
    }
    let path = sqlite_path(location);
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        crate::keys::create_private_dir(parent).map_err(|source| DbError::CreateDir {
            path: parent.display().to_string(),
            source,
        })?;
    }
    make_private(Path::new(path)).map_err(|source| DbError::Private {
        path: path.to_owned(),
        source,
    })?;
    Ok((Backend::Sqlite, format!("sqlite://{path}?mode=rwc")))
}

/// Creates the SQLite file for its owner only (people's details live in it), and takes away
/// what others could read of one made before: the file and its write-ahead log and index,
/// which SQLite creates with the file's own permissions.
fn make_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)?;
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let Ok(metadata) = std::fs::metadata(&file) else {
            continue;
        };
        let mode = metadata.permissions().mode();
        if mode & 0o077 != 0 {
            tracing::warn!(path = %Path::new(&file).display(), "the database file was readable by others: made private");
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_urls_go_to_postgres() {
        let (backend, url) = resolve("postgres://u@localhost:5432/db").unwrap();
        assert_eq!(backend, Backend::Postgres);
        assert_eq!(url, "postgres://u@localhost:5432/db");
    }

    #[test]
    fn paths_become_sqlite_files_created_on_demand_for_their_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/server.sqlite3");
        let (backend, url) = resolve(path.to_str().unwrap()).unwrap();
        assert_eq!(backend, Backend::Sqlite);
        assert_eq!(url, format!("sqlite://{}?mode=rwc", path.display()));
        assert_eq!(mode(&dir.path().join("nested")), 0o700);
        assert_eq!(mode(&path), 0o600);

        // A file an older version left readable by everyone is made private.
        let old = dir.path().join("old.sqlite3");
        std::fs::write(&old, b"").unwrap();
        std::fs::write(dir.path().join("old.sqlite3-wal"), b"").unwrap();
        for file in [old.clone(), dir.path().join("old.sqlite3-wal")] {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        resolve(old.to_str().unwrap()).unwrap();
        assert_eq!(mode(&old), 0o600);
        assert_eq!(mode(&dir.path().join("old.sqlite3-wal")), 0o600);
    }
}
