//! What a kiosk's sync costs on the wire and in time, against the real server (embedded, on
//! SQLite with the demo province) through a loopback proxy that counts the bytes:
//!
//! - the first full pull of an empty cache (the change feed and the free places);
//! - an idle pull (nothing changed: one small page with the checkpoint, which names the free
//!   places' version the kiosk already has);
//! - an enrolled kiosk's idle round (outbox empty, lease sync, feed, free places).
//!
//! Run with `cargo bench --bench sync_pull`. Loopback, so times are the server's and the
//! kiosk's work, not a network's.

#[path = "../tests/support/mod.rs"]
mod support;

use support::proxy;

use sportello::cache::Cache;
use sportello::store::Store;
use sportello::sync::{KioskParts, ServerClient, SyncEngine};
use sportello_server::Server;
use sportello_server::config::Config;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const IDLE_RUNS: usize = 50;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&Config::demo(
        "127.0.0.1:0".parse().unwrap(),
        dir.path().join("server.sqlite3").display().to_string(),
    ))
    .await
    .unwrap();
    let proxy = proxy::Proxy::start(server.addr()).await;
    let url = format!("http://{}", server.addr());

    // A kiosk that only pulls.
    let cache = Arc::new(Mutex::new(
        Cache::open(&dir.path().join("reader/cache.sqlite3")).unwrap(),
    ));
    let engine = SyncEngine::new(
        ServerClient::new(&proxy.url, sportello_core::clock::SystemClock::shared()).unwrap(),
        cache,
    )
    .unwrap();
    proxy.take_bytes();
    let started = Instant::now();
    let report = engine.sync_once().await.unwrap();
    let elapsed = started.elapsed();
    let (up, down) = proxy.take_bytes();
    println!(
        "first full pull: {} changes in {} page(s) + free places: {} ms, {} bytes down, {} up",
        report.changes,
        report.pages,
        elapsed.as_millis(),
        down,
        up
    );
    let (times, ups, downs) = idle(&engine, &proxy).await;
    println!(
        "idle pull (median of {IDLE_RUNS}): {:.1} ms, {} bytes down, {} up (one request: the feed's last page with its checkpoint)",
        median_ms(times),
        median(downs),
        median(ups)
    );

    // An enrolled kiosk with leases.
    let code = support::enrolment_code(&url, "bench-1").await;
    let kiosk_dir = dir.path().join("kiosk");
    let cache = Arc::new(Mutex::new(
        Cache::open(&kiosk_dir.join("cache.sqlite3")).unwrap(),
    ));
    let store = Arc::new(Mutex::new(
        Store::open(&kiosk_dir.join("state.sqlite3")).unwrap(),
    ));
    let kiosk = SyncEngine::new(
        ServerClient::new(&proxy.url, sportello_core::clock::SystemClock::shared()).unwrap(),
        cache,
    )
    .unwrap()
    .with_kiosk(KioskParts {
        store,
        identity_dir: kiosk_dir.join("identity"),
        enrolment_code: Some(code),
        refused_grace_secs: sportello::sync::REFUSED_GRACE_SECS,
    })
    .unwrap();
    proxy.take_bytes();
    let started = Instant::now();
    kiosk.sync_once().await.unwrap();
    let elapsed = started.elapsed();
    let (up, down) = proxy.take_bytes();
    let leases = kiosk.subscribe().borrow().leases_free;
    println!(
        "kiosk's first round (enrol, token, {leases} leases, full pull): {} ms, {} bytes down, {} up",
        elapsed.as_millis(),
        down,
        up
    );
    let (times, ups, downs) = idle(&kiosk, &proxy).await;
    println!(
        "kiosk's idle round (median of {IDLE_RUNS}): {:.1} ms, {} bytes down, {} up (two requests: lease sync answered unchanged, feed)",
        median_ms(times),
        median(downs),
        median(ups)
    );
    server.stop().await.unwrap();
}

async fn idle(engine: &SyncEngine, proxy: &proxy::Proxy) -> (Vec<Duration>, Vec<u64>, Vec<u64>) {
    let (mut times, mut ups, mut downs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..IDLE_RUNS {
        proxy.take_bytes();
        let started = Instant::now();
        let report = engine.sync_once().await.unwrap();
        times.push(started.elapsed());
        assert_eq!(report.changes, 0);
        let (up, down) = proxy.take_bytes();
        ups.push(up);
        downs.push(down);
    }
    (times, ups, downs)
}

fn median(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values[values.len() / 2]
}

fn median_ms(mut values: Vec<Duration>) -> f64 {
    values.sort_unstable();
    values[values.len() / 2].as_secs_f64() * 1000.0
}
