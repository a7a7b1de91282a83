//! The kiosk's sync engine against the real central server on loopback: the cache fills,
//! keeps serving with the server down, resumes where it stopped, and refuses a bad feed.

use sportello::cache::Cache;
use sportello::sync::{ServerClient, SharedCache, SyncEngine, SyncError, lock};
use sportello_core::kiosk::Connection;
use sportello_core::sync::EntityKind;
use sportello_server::Server;
use sportello_server::config::{Config, Seed};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The demo province's replicated records: 117 comuni, 3 offices, 7 counters, 10 procedures
/// and 46 questions and answers.
const DEMO_RECORDS: usize = 117 + 3 + 7 + 10 + 46 + 40;

fn server_config(database: &Path, listen: SocketAddr) -> Config {
    Config::demo(listen, database.display().to_string())
}

fn shared(cache: Cache) -> SharedCache {
    Arc::new(Mutex::new(cache))
}

#[tokio::test]
async fn a_kiosk_synced_once_keeps_its_data_while_the_server_is_down() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = Server::start(&server_config(&db, "127.0.0.1:0".parse().unwrap()))
        .await
        .unwrap();
    let addr = server.addr();

    let cache = shared(Cache::open(&dir.path().join("kiosk/cache.sqlite3")).unwrap());
    let engine = SyncEngine::new(
        ServerClient::new(
            &format!("http://{addr}"),
            sportello_core::clock::SystemClock::shared(),
        )
        .unwrap(),
        cache.clone(),
    )
    .unwrap()
    .with_page_size(25);
    let status = engine.subscribe();
    assert_eq!(status.borrow().connection, Connection::Connecting);
    assert_eq!(status.borrow().last_sync, None);

    // First pull: everything, in pages of 25.
    let report = engine.sync_once().await.unwrap();
    // 117 comuni, 3 offices, 7 counters, 10 procedures, 46 questions and answers, 40
    // organizations of the services directory.
    assert_eq!(report.changes, DEMO_RECORDS);
    assert_eq!(report.pages, DEMO_RECORDS.div_ceil(25));
    {
        let cache = lock(&cache);
        let offices = cache.offices().unwrap();
        let ids: Vec<_> = offices.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["prefettura-asti", "questura-asti", "sui-asti"]);
        assert_eq!(cache.count(EntityKind::Comune).unwrap(), 117);
        assert_eq!(cache.procedures(Some("sui-asti")).unwrap().len(), 4);
    }
    let synced_at = status.borrow().last_sync.expect("a sync time");
    assert_eq!(status.borrow().connection, Connection::Online);
    assert_eq!(status.borrow().cursor, report.cursor);

    // An idle pull: one page, nothing new.
    let idle = engine.sync_once().await.unwrap();
    assert_eq!(
        (idle.pages, idle.changes, idle.cursor),
        (1, 0, report.cursor)
    );

    // The server goes away: the kiosk says offline and still has everything.
    server.stop().await.unwrap();
    let err = engine.sync_once().await.unwrap_err();
    assert!(matches!(err, SyncError::Unreachable(_)), "{err}");
    assert_eq!(status.borrow().connection, Connection::Offline);
    assert!(status.borrow().last_sync >= Some(synced_at));
    assert_eq!(lock(&cache).offices().unwrap().len(), 3);

    // It comes back on the same address with a change made meanwhile: the kiosk catches up.
    let server = Server::start(&server_config(&db, addr)).await.unwrap();
    let mut conn = server.db().pool().acquire().await.unwrap();
    sportello_server::db::delete_record(&mut conn, EntityKind::Procedure, "sui-asti-conversione")
        .await
        .unwrap();
    drop(conn);
    let report = engine.sync_once().await.unwrap();
    assert_eq!(report.changes, 1);
    assert_eq!(status.borrow().connection, Connection::Online);
    assert_eq!(lock(&cache).procedures(Some("sui-asti")).unwrap().len(), 3);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn a_pull_interrupted_after_some_pages_resumes_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&server_config(
        &dir.path().join("server.sqlite3"),
        "127.0.0.1:0".parse().unwrap(),
    ))
    .await
    .unwrap();
    let url = format!("http://{}", server.addr());
    let cache_path = dir.path().join("cache.sqlite3");

    // A kiosk applies two pages, then is switched off.
    {
        let client = ServerClient::new(&url, sportello_core::clock::SystemClock::shared()).unwrap();
        let mut cache = Cache::open(&cache_path).unwrap();
        for _ in 0..2 {
            let page = client.changes(cache.cursor().unwrap(), 40).await.unwrap();
            cache.apply(&page, false).unwrap();
        }
        assert_eq!(cache.cursor().unwrap(), 80);
    }
    // Back on, it pulls only what it lacks and ends with the whole set.
    let cache = shared(Cache::open(&cache_path).unwrap());
    let engine = SyncEngine::new(
        ServerClient::new(&url, sportello_core::clock::SystemClock::shared()).unwrap(),
        cache.clone(),
    )
    .unwrap();
    let report = engine.sync_once().await.unwrap();
    assert_eq!(report.changes, DEMO_RECORDS - 80);
    {
        let cache = lock(&cache);
        assert_eq!(cache.count(EntityKind::Comune).unwrap(), 117);
        assert_eq!(cache.count(EntityKind::Office).unwrap(), 3);
    }
    server.stop().await.unwrap();
}

/// Serves one fixed HTTP response to every connection, on a loopback port.
fn fixed_responder(status_line: &'static str, body: &'static str) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let response = format!(
                "HTTP/1.1 {status_line}\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
    });
    url
}

#[tokio::test]
async fn a_feed_that_does_not_move_forward_is_refused_not_looped_on() {
    let url = fixed_responder(
        "200 OK",
        r#"{"feed":"f","changes":[],"cursor":0,"more":true}"#,
    );
    let engine = SyncEngine::new(
        ServerClient::new(&url, sportello_core::clock::SystemClock::shared()).unwrap(),
        shared(Cache::open_in_memory().unwrap()),
    )
    .unwrap();
    let err = engine.sync_once().await.unwrap_err();
    assert!(matches!(err, SyncError::Malformed(_)), "{err}");
}

#[tokio::test]
async fn garbage_and_errors_from_the_server_leave_the_cache_alone() {
    for (status, body) in [
        ("200 OK", "<html>captive portal</html>"),
        (
            "200 OK",
            r#"{"changes":[{"seq":1,"op":"explode"}],"cursor":1,"more":false}"#,
        ),
        (
            "503 Service Unavailable",
            r#"{"type":"urn:sportello:problem:unavailable","title":"Service unavailable","status":503,"code":"unavailable"}"#,
        ),
    ] {
        let url = fixed_responder(status, body);
        let cache = shared(Cache::open_in_memory().unwrap());
        let engine = SyncEngine::new(
            ServerClient::new(&url, sportello_core::clock::SystemClock::shared()).unwrap(),
            cache.clone(),
        )
        .unwrap();
        let status_rx = engine.subscribe();
        assert!(engine.sync_once().await.is_err(), "{body}");
        assert_eq!(status_rx.borrow().connection, Connection::Offline);
        assert_eq!(lock(&cache).cursor().unwrap(), 0);
        assert_eq!(lock(&cache).last_sync().unwrap(), None);
    }
}

#[tokio::test]
async fn a_replaced_or_restored_server_database_makes_the_kiosk_start_over() {
    let dir = tempfile::tempdir().unwrap();
    let first = Server::start(&server_config(
        &dir.path().join("first.sqlite3"),
        "127.0.0.1:0".parse().unwrap(),
    ))
    .await
    .unwrap();
    let addr = first.addr();
    // A comune only this first database has.
    let mut conn = first.db().pool().acquire().await.unwrap();
    let only_here = sportello_core::model::Comune {
        istat: "099999".into(),
        name: "Solo nel primo".into(),
        province: "AT".into(),
        capoluogo: false,
        location: sportello_core::model::GeoPoint {
            lat: 44.9,
            lon: 8.2,
        },
        patron_day: None,
    };
    sportello_server::db::upsert_record(
        &mut conn,
        &sportello_core::sync::Record::Comune(only_here),
    )
    .await
    .unwrap();
    drop(conn);
    let cache = shared(Cache::open_in_memory().unwrap());
    let engine = SyncEngine::new(
        ServerClient::new(
            &format!("http://{addr}"),
            sportello_core::clock::SystemClock::shared(),
        )
        .unwrap(),
        cache.clone(),
    )
    .unwrap();
    engine.sync_once().await.unwrap();
    assert_eq!(lock(&cache).count(EntityKind::Comune).unwrap(), 118);
    first.stop().await.unwrap();

    // A new database behind the same address, where the SUI's procedures are gone and more
    // has happened than the kiosk has seen: another feed. Pulling on from its cursor would
    // bring the deletions but keep the comune that exists no more; the kiosk must drop what
    // it had and pull again.
    let replaced = Server::start(&server_config(&dir.path().join("second.sqlite3"), addr))
        .await
        .unwrap();
    let mut conn = replaced.db().pool().acquire().await.unwrap();
    for procedure in [
        "sui-asti-ricongiungimento",
        "sui-asti-nulla-osta-lavoro",
        "sui-asti-conversione",
        "sui-asti-accordo-integrazione",
    ] {
        sportello_server::db::delete_record(&mut conn, EntityKind::Procedure, procedure)
            .await
            .unwrap();
    }
    drop(conn);
    engine.sync_once().await.unwrap();
    {
        let cache = lock(&cache);
        assert!(cache.procedures(Some("sui-asti")).unwrap().is_empty());
        assert_eq!(cache.count(EntityKind::Office).unwrap(), 3);
        assert_eq!(cache.count(EntityKind::Comune).unwrap(), 117);
    }
    replaced.stop().await.unwrap();

    // A database restored to before the kiosk's cursor (here: an empty one): the server
    // refuses the cursor, and the kiosk replaces its cache with what the server has.
    let mut restored_config = server_config(&dir.path().join("third.sqlite3"), addr);
    restored_config.seed = Seed::None;
    let restored = Server::start(&restored_config).await.unwrap();
    engine.sync_once().await.unwrap();
    assert_eq!(lock(&cache).count(EntityKind::Office).unwrap(), 0);
    assert_eq!(lock(&cache).cursor().unwrap(), 0);
    restored.stop().await.unwrap();
}

#[tokio::test]
async fn a_server_behind_a_path_prefix_is_reached() {
    // A reverse proxy at /sportello/ that forwards to the API: the client must keep the
    // prefix. A fixed responder checks the path it is asked for.
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/sportello/", listener.local_addr().unwrap());
    let seen = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let n = stream.read(&mut request).unwrap();
        let body = r#"{"feed":"f","changes":[],"cursor":0,"more":false}"#;
        let _ = stream.write_all(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        );
        String::from_utf8_lossy(&request[..n]).into_owned()
    });
    let engine = SyncEngine::new(
        ServerClient::new(&url, sportello_core::clock::SystemClock::shared()).unwrap(),
        shared(Cache::open_in_memory().unwrap()),
    )
    .unwrap();
    engine.sync_once().await.unwrap();
    let request = seen.join().unwrap();
    assert!(
        request.starts_with("GET /sportello/api/v1/sync/changes?"),
        "{request}"
    );
}
