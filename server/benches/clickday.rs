//! "Click day": thousands of people race over HTTP for one office-day of appointments, some
//! retrying their requests with the same idempotency key (as after a lost answer). Prints
//! attempts per second, latency, and the counts that must be exact: booked, overbooked,
//! duplicates. On SQLite, and on PostgreSQL when `SPORTELLO_TEST_POSTGRES` names a server
//! (`./bench.sh` starts a throwaway one), with a baseline of plain one-row UPDATE transactions
//! on the same PostgreSQL for scale.
//!
//!   cargo bench -p sportello-server --bench clickday
//!   CLICKDAY_CLIENTS=2000 CLICKDAY_SEATS=300 (the defaults)
//!   CLICKDAY_DEBUG=1 prints the server's warnings and the first 5xx answer of each client

use jiff::Timestamp;
use serde_json::{Value, json};
use sportello_core::booking::{Availability, Hold};
use sportello_core::calendar::WeeklyHours;
use sportello_core::model::{BookingRules, Counter, DayOverride, Procedure, ProcedureCategory};
use sportello_core::sync::Record;
use sportello_core::text::LocalizedText;
use sportello_server::Server;
use sportello_server::clock::ManualClock;
use sportello_server::config::Config;
use sportello_server::db;
use sqlx::Connection;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Monday 30 November 2026, 08:00 in Rome; the office-day is Tuesday 1 December.
const NOW: &str = "2026-11-30T07:00:00Z";
const DAY: &str = "2026-12-01";
const PROCEDURE: &str = "clickday";
const OFFICE: &str = "sui-asti";
/// Share of requests a client sends twice with the same key.
const RETRY_SHARE: f64 = 0.3;
/// Holds a client tries before giving up.
const MAX_TRIES: usize = 8;

struct Figures {
    backend: &'static str,
    requests: usize,
    seconds: f64,
    p50_ms: f64,
    p99_ms: f64,
    booked: i64,
    overbooked: i64,
    duplicates: i64,
    server_errors: usize,
}

fn env_number(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    if std::env::var_os("CLICKDAY_DEBUG").is_some() {
        tracing_subscriber::fmt().with_env_filter("warn").init();
    }
    let clients = env_number("CLICKDAY_CLIENTS", 2000);
    let seats = env_number("CLICKDAY_SEATS", 300);
    let mut figures = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    figures.push(
        run(
            "sqlite",
            dir.path().join("clickday.sqlite3").display().to_string(),
            clients,
            seats,
        )
        .await,
    );
    let mut baseline = None;
    match std::env::var("SPORTELLO_TEST_POSTGRES") {
        Ok(admin_url) => {
            let url = fresh_postgres(&admin_url, "sportello_clickday").await;
            figures.push(run("postgres", url, clients, seats).await);
            baseline =
                Some(pg_baseline(&fresh_postgres(&admin_url, "sportello_baseline").await).await);
        }
        Err(_) => {
            eprintln!("SPORTELLO_TEST_POSTGRES is not set: SQLite only (./bench.sh runs both)")
        }
    }

    println!();
    println!(
        "Click day: {clients} clients, {seats} places, {:.0}% of requests retried with the same key",
        RETRY_SHARE * 100.0
    );
    println!("Machine: {}", machine());
    println!();
    println!(
        "| database | requests | attempts/s | p50 | p99 | booked | overbooked | duplicates | 5xx |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for f in &figures {
        println!(
            "| {} | {} | {:.0} | {:.1} ms | {:.1} ms | {} | {} | {} | {} |",
            f.backend,
            f.requests,
            f.requests as f64 / f.seconds,
            f.p50_ms,
            f.p99_ms,
            f.booked,
            f.overbooked,
            f.duplicates,
            f.server_errors
        );
    }
    if let Some(tps) = baseline {
        let pg = figures.iter().find(|f| f.backend == "postgres").unwrap();
        println!();
        println!(
            "PostgreSQL baseline (pgbench-style: one-row UPDATE transactions, 16 connections): {tps:.0} tx/s; \
             click-day attempts/s are {:.0}% of it",
            100.0 * pg.requests as f64 / pg.seconds / tps
        );
    }
    let exact = figures.iter().all(|f| {
        f.booked == i64::from(seats.min(clients))
            && f.overbooked == 0
            && f.duplicates == 0
            && f.server_errors == 0
    });
    println!();
    println!(
        "{}",
        if exact {
            "counts exact"
        } else {
            "COUNTS WRONG"
        }
    );
    if !exact {
        std::process::exit(1);
    }
}

async fn run(backend: &'static str, location: String, clients: u32, seats: u32) -> Figures {
    let clock = Arc::new(ManualClock::new(NOW.parse().unwrap()));
    let mut config = Config::demo("127.0.0.1:0".parse().unwrap(), location);
    // Every client here comes from 127.0.0.1: the per-address hold limit would stop them.
    config.holds_per_address = 0;
    let server = Server::start_with_clock(&config, clock).await.unwrap();
    set_up_office_day(&server, seats).await;
    let base = format!("http://{}", server.addr());
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(usize::MAX)
        .build()
        .unwrap();
    let offered: Availability = http
        .get(format!(
            "{base}/api/v1/availability?procedure_id={PROCEDURE}&limit=200"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(offered.slots.iter().map(|s| s.free).sum::<u32>(), seats);
    let slots: Arc<Vec<Timestamp>> = Arc::new(offered.slots.iter().map(|s| s.start).collect());

    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in 0..clients {
        let (http, base, slots) = (http.clone(), base.clone(), slots.clone());
        tasks.push(tokio::spawn(async move {
            one_client(client, &http, &base, &slots).await
        }));
    }
    let mut latencies = Vec::new();
    let mut server_errors = 0;
    for task in tasks {
        let (client_latencies, errors) = task.await.unwrap();
        latencies.extend(client_latencies);
        server_errors += errors;
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let percentile = |p: f64| {
        latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)].as_secs_f64()
            * 1000.0
    };

    let mut conn = server.db().conn().await.unwrap();
    let booked = count(
        &mut conn,
        "SELECT COUNT(*) FROM bookings WHERE procedure_id = 'clickday' AND status = 'confirmed'",
    )
    .await;
    // A place is one (counter, slot) of one seat: more than one live booking on it is an
    // overbooking.
    let overbooked = count(
        &mut conn,
        "SELECT COUNT(*) FROM (SELECT counter_id, slot_start FROM bookings \
         WHERE procedure_id = 'clickday' AND status IN ('held', 'confirmed') \
         GROUP BY counter_id, slot_start HAVING COUNT(*) > 1) AS over",
    )
    .await;
    let duplicates = count(
        &mut conn,
        "SELECT COUNT(*) FROM (SELECT person_key FROM bookings \
         WHERE procedure_id = 'clickday' AND status = 'confirmed' \
         GROUP BY person_key HAVING COUNT(*) > 1) AS twice",
    )
    .await;
    drop(conn);
    server.stop().await.unwrap();
    Figures {
        backend,
        requests: latencies.len(),
        seconds,
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
        booked,
        overbooked,
        duplicates,
        server_errors,
    }
}

/// One person: pick a slot, hold it (maybe sending the request twice), confirm it (maybe
/// twice); on "slot taken", try one of the alternatives offered. Returns the latency of each
/// request and how many answered 5xx.
async fn one_client(
    client: u32,
    http: &reqwest::Client,
    base: &str,
    slots: &[Timestamp],
) -> (Vec<Duration>, usize) {
    let mut rng = fastrand::Rng::with_seed(u64::from(client));
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut send = async |path: String, key: String, body: Value, twice: bool| -> (u16, Value) {
        let mut last = (0, Value::Null);
        for _ in 0..if twice { 2 } else { 1 } {
            let started = Instant::now();
            let response = http
                .post(format!("{base}{path}"))
                .header("Idempotency-Key", &key)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let value = response.json::<Value>().await.unwrap_or(Value::Null);
            latencies.push(started.elapsed());
            if status >= 500 {
                if errors == 0 && std::env::var_os("CLICKDAY_DEBUG").is_some() {
                    eprintln!("{status} {path}: {value}");
                }
                errors += 1;
            }
            last = (status, value);
        }
        last
    };
    let mut start = slots[rng.usize(..slots.len())];
    for attempt in 0..MAX_TRIES {
        let (status, value) = send(
            "/api/v1/holds".to_owned(),
            format!("hold-{client}-{attempt}"),
            json!({"procedure_id": PROCEDURE, "office_id": OFFICE, "start": start}),
            rng.f64() < RETRY_SHARE,
        )
        .await;
        if status == 201 {
            let hold: Hold = serde_json::from_value(value).unwrap();
            let person = json!({"given_names": "Click", "surname": "Day", "date_of_birth": "1990-01-01",
                "nationality": "IN", "identity": {"kind": "passport", "number": format!("CD{client:07}")}});
            let twice = rng.f64() < RETRY_SHARE;
            send(
                format!("/api/v1/holds/{}/confirm", hold.hold_id),
                format!("confirm-{client}"),
                json!({"person": person}),
                twice,
            )
            .await;
            break;
        }
        // Taken meanwhile: the answer lists the next free slots; none left means sold out.
        let alternatives = value["alternatives"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if alternatives.is_empty() {
            break;
        }
        let pick = &alternatives[rng.usize(..alternatives.len())];
        start = pick["start"].as_str().unwrap().parse().unwrap();
    }
    (latencies, errors)
}

/// One office-day of `seats` places: counters of one seat on a 10-minute grid, open
/// 09:00–14:00 (30 cells) on that day only, serving a 10-minute procedure.
async fn set_up_office_day(server: &Server, seats: u32) {
    let counters = seats.div_ceil(30);
    let mut tx = server.db().begin_write().await.unwrap();
    let mut counter_ids = Vec::new();
    for n in 0..counters {
        let id = format!("clickday-{n}");
        db::upsert_record(
            &mut tx,
            &Record::Counter(Counter {
                id: id.clone(),
                office_id: OFFICE.into(),
                name: format!("Click day {n}"),
                grid_minutes: 10,
                seats: 1,
                hours: WeeklyHours::default(),
            }),
        )
        .await
        .unwrap();
        // The last counter takes the remainder, so the day has exactly `seats` places.
        let cells = (seats - 30 * n).min(30);
        let end = 9 * 60 + 10 * cells;
        let hours = format!("09:00-{:02}:{:02}", end / 60, end % 60);
        db::agenda::put_override(
            &mut tx,
            &DayOverride {
                id: format!("clickday-open-{n}"),
                office_id: OFFICE.into(),
                counter_id: Some(id.clone()),
                day: DAY.parse().unwrap(),
                hours: vec![hours.parse().unwrap()],
                reason: "click day".into(),
            },
        )
        .await
        .unwrap();
        counter_ids.push(id);
    }
    db::upsert_record(
        &mut tx,
        &Record::Procedure(Procedure {
            id: PROCEDURE.into(),
            office_id: OFFICE.into(),
            category: ProcedureCategory::Work,
            name: LocalizedText::new("Click day"),
            summary: LocalizedText::new("Click day"),
            slot_minutes: 10,
            mediator_recommended: false,
            documents: Vec::new(),
            counter_ids,
            rules: BookingRules {
                min_notice_minutes: 0,
                horizon_days: 30,
            },
        }),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// Plain one-row UPDATE transactions on random rows of a 100,000-row table, 16 connections
/// for 5 seconds, as `pgbench -N` would: what this PostgreSQL does without Sportello.
async fn pg_baseline(url: &str) -> f64 {
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(16)
        .connect(url)
        .await
        .unwrap();
    sqlx::raw_sql(
        "CREATE TABLE rows_ (id BIGINT PRIMARY KEY, v BIGINT NOT NULL); \
                   INSERT INTO rows_ SELECT g, 0 FROM generate_series(1, 100000) AS g",
    )
    .execute(&pool)
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..16u64 {
        let pool = pool.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = fastrand::Rng::with_seed(worker);
            let mut done = 0u64;
            while Instant::now() < deadline {
                let mut tx = pool.begin().await.unwrap();
                sqlx::query("UPDATE rows_ SET v = v + 1 WHERE id = $1")
                    .bind(rng.i64(1..=100_000))
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                done += 1;
            }
            done
        }));
    }
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    total as f64 / started.elapsed().as_secs_f64()
}

async fn count(conn: &mut sqlx::AnyConnection, sql: &'static str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(conn)
        .await
        .unwrap()
}

async fn fresh_postgres(admin_url: &str, name: &str) -> String {
    let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap();
    for statement in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::raw_sql(sqlx::AssertSqlSafe(statement))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    format!("{base}/{name}")
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    format!("{cores} cores, {cpu}")
}
