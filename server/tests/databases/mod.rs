//! The databases a server test runs on: a fresh SQLite file, and a fresh PostgreSQL database
//! when `SPORTELLO_TEST_POSTGRES` gives the URL of a server to create it on (the README's
//! test command starts a throwaway one and sets it).

// Shared by several test binaries; each uses a part of it.
#![allow(dead_code)]

use sqlx::Connection;
use std::sync::atomic::{AtomicU32, Ordering};

pub const POSTGRES_ENV: &str = "SPORTELLO_TEST_POSTGRES";

pub enum TestDatabase {
    Sqlite(tempfile::TempDir),
    /// The database's URL, and a folder of its own for the server's key file.
    Postgres(String, tempfile::TempDir),
}

impl TestDatabase {
    pub fn location(&self) -> String {
        match self {
            TestDatabase::Sqlite(dir) => dir.path().join("server.sqlite3").display().to_string(),
            TestDatabase::Postgres(url, _) => url.clone(),
        }
    }

    /// Where the server's keys for this database live (never the user's data folder).
    pub fn key_file(&self) -> std::path::PathBuf {
        match self {
            TestDatabase::Sqlite(dir) | TestDatabase::Postgres(_, dir) => {
                dir.path().join("server.keys")
            }
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            TestDatabase::Sqlite(_) => "sqlite",
            TestDatabase::Postgres(..) => "postgres",
        }
    }
}

/// Set to 1 to run on SQLite alone, knowingly (PostgreSQL-only races go untested).
pub const SQLITE_ONLY_ENV: &str = "SPORTELLO_TEST_SQLITE_ONLY";

pub async fn all() -> Vec<TestDatabase> {
    let mut databases = vec![TestDatabase::Sqlite(tempfile::tempdir().unwrap())];
    match std::env::var(POSTGRES_ENV) {
        Ok(admin_url) => databases.push(TestDatabase::Postgres(
            fresh_postgres(&admin_url).await,
            tempfile::tempdir().unwrap(),
        )),
        Err(_) if std::env::var(SQLITE_ONLY_ENV).is_ok_and(|v| v == "1") => {
            eprintln!("{SQLITE_ONLY_ENV}=1: this run covers SQLite only");
        }
        Err(_) => panic!(
            "{POSTGRES_ENV} is not set: run ./test.sh (it starts a throwaway PostgreSQL), or set \
             {SQLITE_ONLY_ENV}=1 to test SQLite alone"
        ),
    }
    databases
}

/// A fresh PostgreSQL database (its URL), or `None` when this run covers SQLite only.
pub async fn postgres_only() -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(admin_url) => Some(fresh_postgres(&admin_url).await),
        Err(_) if std::env::var(SQLITE_ONLY_ENV).is_ok_and(|v| v == "1") => None,
        Err(_) => panic!("{POSTGRES_ENV} is not set: run ./test.sh, or set {SQLITE_ONLY_ENV}=1"),
    }
}

/// Creates an empty database on the server at `admin_url` and returns its URL.
async fn fresh_postgres(admin_url: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "sportello_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = sqlx::PgConnection::connect(admin_url)
        .await
        .unwrap_or_else(|err| panic!("{POSTGRES_ENV}={admin_url}: {err}"));
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name}"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    format!("{base}/{name}")
}
