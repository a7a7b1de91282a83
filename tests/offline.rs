//! Offline-first kiosks against the real server: enrolment, offline bookings on leased seats,
//! the outbox delivering each write once, personal data gone from the kiosk's files once
//! acknowledged, revocation, checkpoint repair; and the fault tests: the server binary killed
//! with -9 mid-pull and mid-push, the link dropped, delayed and truncated by a loopback proxy,
//! three kiosks booking offline while online clients book the rest, an old outbox replayed.
//!
//! The kiosk backend runs as a library (no window): `SyncEngine` with its cache and store,
//! as the app runs it.

mod support;

use serde_json::{Value, json};
use sportello::cache::Cache;
use sportello::desk::{self, DeskError};
use sportello::outbox::{self, SharedStore};
use sportello::store::{LeaseState, OutboxStatus, Store};
use sportello::sync::{KioskParts, ServerClient, SharedCache, SyncEngine, SyncError, lock};
use sportello_core::clock::{ManualClock, SharedClock, SystemClock};
use sportello_core::identity::Person;
use sportello_core::kiosk::Connection;
use sportello_core::sync::EntityKind;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::proxy::{Mode, Proxy};
use support::{ServerProcess, free_port};

const RENEWAL: &str = "questura-asti-permesso-rinnovo";
const QUESTURA: &str = "questura-asti";

// --- helpers ---------------------------------------------------------------------------------

/// A kiosk as the app runs it, on its own folder.
struct TestKiosk {
    dir: PathBuf,
    /// The kiosk's clock: the real one, or the server's when the test moves time.
    clock: SharedClock,
    cache: SharedCache,
    store: SharedStore,
    engine: SyncEngine,
}

impl TestKiosk {
    fn open(dir: &Path, server_url: &str, code: Option<String>) -> TestKiosk {
        Self::open_with(
            dir,
            server_url,
            code,
            sportello::sync::REFUSED_GRACE_SECS,
            SystemClock::shared(),
        )
    }

    /// With how long a refused kiosk keeps its outbox.
    fn open_with_grace(
        dir: &Path,
        server_url: &str,
        code: Option<String>,
        refused_grace_secs: i64,
    ) -> TestKiosk {
        Self::open_with(
            dir,
            server_url,
            code,
            refused_grace_secs,
            SystemClock::shared(),
        )
    }

    /// With how long a refused kiosk keeps its outbox, and its clock.
    fn open_with(
        dir: &Path,
        server_url: &str,
        code: Option<String>,
        refused_grace_secs: i64,
        clock: SharedClock,
    ) -> TestKiosk {
        let cache: SharedCache =
            Arc::new(Mutex::new(Cache::open(&dir.join("cache.sqlite3")).unwrap()));
        let store: SharedStore =
            Arc::new(Mutex::new(Store::open(&dir.join("state.sqlite3")).unwrap()));
        let engine = SyncEngine::new(
            ServerClient::new(server_url, clock.clone()).unwrap(),
            cache.clone(),
        )
        .unwrap()
        .with_kiosk(KioskParts {
            store: store.clone(),
            identity_dir: dir.join("identity"),
            enrolment_code: code,
            refused_grace_secs,
        })
        .unwrap();
        TestKiosk {
            dir: dir.to_owned(),
            clock,
            cache,
            store,
            engine,
        }
    }

    /// Now, by the kiosk's clock.
    fn now(&self) -> i64 {
        self.clock.unix()
    }

    fn status(&self) -> sportello_core::kiosk::KioskStatus {
        self.engine.subscribe().borrow().clone()
    }

    /// Puts a hold on the first free renewal slot in the outbox, as the wizard does.
    async fn hold_first_slot(&self, wake: &tokio::sync::Notify) -> sportello::store::OutboxEntry {
        let slots = self
            .engine
            .client()
            .availability(RENEWAL, None, 5)
            .await
            .unwrap()
            .slots;
        let request = sportello_core::booking::HoldRequest {
            procedure_id: RENEWAL.into(),
            office_id: slots[0].office_id.clone(),
            start: slots[0].start,
        };
        desk::submit(
            &self.store,
            wake,
            &desk::hold(&request, self.now()),
            self.now(),
        )
        .unwrap()
    }

    /// Syncs until the outbox is empty, waiting out the retry pauses.
    async fn drain(&self, within: Duration) {
        let deadline = Instant::now() + within;
        loop {
            let _ = self.engine.sync_once().await;
            if self.status().outbox_pending == 0 {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the outbox did not empty: {:?}",
                self.status()
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Books `count` free leases of `procedure` offline, for people `first..`.
    fn book_offline(&self, procedure: &str, first: u32, count: usize) -> Vec<desk::OfflineBooking> {
        let identity = self.engine.identity().expect("enrolled");
        let leases = desk::leased_seats(&self.store, Some(procedure), self.now()).unwrap();
        assert!(
            leases.len() >= count,
            "{} leases, {count} wanted",
            leases.len()
        );
        leases
            .iter()
            .take(count)
            .zip(first..)
            .map(|(lease, n)| {
                desk::book_offline(
                    &self.store,
                    &identity,
                    &lease.lease_id,
                    &person(n),
                    None,
                    self.now(),
                )
                .unwrap()
            })
            .collect()
    }

    /// Every byte of the kiosk's database files (with their logs).
    fn file_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(&self.dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                bytes.extend(std::fs::read(&path).unwrap());
            }
        }
        bytes
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// A person whose surname and passport number are easy to look for in a file.
fn person(n: u32) -> Person {
    serde_json::from_value(json!({
        "given_names": "Zainab",
        "surname": surname(n),
        "date_of_birth": format!("19{:02}-{:02}-{:02}", 60 + n % 40, 1 + n % 12, 1 + n % 28),
        "nationality": "MA",
        "identity": {"kind": "passport", "number": passport(n)},
        "phone": "+39 333 000 0000"
    }))
    .unwrap()
}

fn surname(n: u32) -> String {
    let letters: String = n
        .to_string()
        .bytes()
        .map(|digit| char::from(b'a' + (digit - b'0')))
        .collect();
    format!("Qwertyuiop{letters}")
}

fn passport(n: u32) -> String {
    format!("ZQ{n:07}")
}

/// What person `n` proves their booking with: date of birth, the document's last characters.
fn proof(n: u32) -> sportello_core::booking::CitizenProof {
    let document = passport(n);
    sportello_core::booking::CitizenProof {
        date_of_birth: person(n).date_of_birth,
        document_end: document[document.len() - 4..].to_owned(),
    }
}

/// The API as an administrator, staff or operator uses it.
struct Api {
    http: reqwest::Client,
    url: String,
}

impl Api {
    fn new(url: &str) -> Api {
        Api {
            http: reqwest::Client::new(),
            url: url.to_owned(),
        }
    }

    async fn login(&self, username: &str, password: &str) -> String {
        support::login(&self.url, username, password).await
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.url))
            .bearer_auth(token)
            .header("Idempotency-Key", sportello::client::new_key());
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Registers a kiosk; its one-time enrolment code.
    async fn register(&self, admin: &str, kiosk_id: &str) -> String {
        let (status, code) = self
            .send(
                reqwest::Method::POST,
                "/api/v1/admin/kiosks",
                admin,
                Some(json!({"kiosk_id": kiosk_id, "place": "Municipio", "comune_istat": "005005"})),
            )
            .await;
        assert_eq!(status, 201, "{code}");
        code["code"].as_str().unwrap().to_owned()
    }

    async fn lease_policy(&self, admin: &str, office: &str, policy: Value) {
        let (status, body) = self
            .send(
                reqwest::Method::PUT,
                &format!("/api/v1/admin/offices/{office}/lease-policy"),
                admin,
                Some(policy),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }

    /// The office's confirmed bookings of every day in `days`, with the person's details.
    async fn bookings(&self, staff: &str, days: &BTreeSet<String>) -> Vec<Value> {
        let mut all = Vec::new();
        for day in days {
            let (status, list) = self
                .send(
                    reqwest::Method::GET,
                    &format!("/api/v1/bookings?office_id={QUESTURA}&day={day}"),
                    staff,
                    None,
                )
                .await;
            assert_eq!(status, 200, "{list}");
            all.extend(list.as_array().unwrap().iter().cloned());
        }
        all
    }
}

fn day_of(unix: i64) -> String {
    sportello_core::calendar::local_date(jiff::Timestamp::from_second(unix).unwrap()).to_string()
}

/// Runs the server binary on a fixed port over `database`: killed and started again, it
/// comes back where its kiosks look for it.
struct Server {
    database: PathBuf,
    port: u16,
    process: ServerProcess,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let database = dir.join("server.sqlite3");
        let port = free_port();
        let process = ServerProcess::start_on(&database, port);
        Server {
            database,
            port,
            process,
        }
    }

    fn url(&self) -> String {
        self.process.url.clone()
    }

    fn kill_and_restart(&mut self) {
        self.process.kill();
        self.process = ServerProcess::start_on(&self.database, self.port);
    }
}

const FOUR_SEATS: &str = r#"{"seats": 4, "days": 3, "refill_below": 1, "ends_before_minutes": 1440, "max_per_day": 200}"#;
const TWO_SEATS: &str = r#"{"seats": 2, "days": 3, "refill_below": 1, "ends_before_minutes": 1440, "max_per_day": 200}"#;

/// A server with leasing at the Questura (`policy`) and none at the SUI, and its admin token.
async fn leasing_server(dir: &Path, policy: &str) -> (Server, Api, String) {
    let server = Server::start(dir);
    let api = Api::new(&server.url());
    let admin = api.login("admin", "sportello-admin").await;
    api.lease_policy(&admin, QUESTURA, serde_json::from_str(policy).unwrap())
        .await;
    api.lease_policy(
        &admin,
        "sui-asti",
        json!({"seats": 0, "days": 1, "refill_below": 0, "ends_before_minutes": 0, "max_per_day": 0}),
    )
    .await;
    (server, api, admin)
}

// --- the kiosk's own behaviour ---------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offline_booking_reaches_the_server_once_and_leaves_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk = TestKiosk::open(&dir.path().join("kiosk"), &proxy.url, Some(code));

    // Online: it enrols, pulls, and gets its leases.
    kiosk.engine.sync_once().await.unwrap();
    let status = kiosk.status();
    assert_eq!(status.kiosk_id.as_deref(), Some("asti-1"));
    assert_eq!(status.connection, Connection::Online);
    assert!(status.leases_free >= 2, "{status:?}");
    let keys = reqwest::get(format!("{}/api/v1/keys", server.url()))
        .await
        .unwrap()
        .json::<sportello_core::receipt::KeySet>()
        .await
        .unwrap()
        .keys;

    // The link goes down: the kiosk says so, and keeps its leases to book.
    proxy.set_mode(Mode::Drop);
    assert!(kiosk.engine.sync_once().await.is_err());
    assert_eq!(kiosk.status().connection, Connection::Offline);
    let identity = kiosk.engine.identity().unwrap();
    let leases = desk::leased_seats(&kiosk.store, Some(RENEWAL), kiosk.now()).unwrap();
    let lease = leases[0].clone();

    // Bad details are refused on the spot, the lease kept.
    let mut bad = person(1);
    bad.date_of_birth = "2999-01-01".parse().unwrap();
    assert!(matches!(
        desk::book_offline(
            &kiosk.store,
            &identity,
            &lease.lease_id,
            &bad,
            None,
            kiosk.now()
        ),
        Err(DeskError::Invalid(_))
    ));
    let booked = desk::book_offline(
        &kiosk.store,
        &identity,
        &lease.lease_id,
        &person(1),
        Some("ar".into()),
        kiosk.now(),
    )
    .unwrap();
    assert_eq!(booked.code, lease.code);
    // The receipt verifies offline with the server's published key, like a server receipt.
    let key = sportello_core::lease::verifying_key(&keys[0].public_key).unwrap();
    let claims = sportello_core::lease::verify_any_receipt(
        &booked.receipt,
        [(keys[0].key_id.as_str(), &key)],
    )
    .unwrap();
    assert_eq!(
        (claims.code.as_str(), claims.start),
        (lease.code.as_str(), lease.start)
    );
    // The same seat cannot be booked twice; the other leased seats are offered instead.
    match desk::book_offline(
        &kiosk.store,
        &identity,
        &lease.lease_id,
        &person(2),
        None,
        kiosk.now(),
    ) {
        Err(DeskError::NoLease { alternatives }) => {
            assert!(!alternatives.is_empty());
            assert!(
                alternatives
                    .iter()
                    .all(|l| l.lease_id != lease.lease_id && l.procedure_id == RENEWAL)
            );
        }
        other => panic!("{other:?}"),
    }
    kiosk.engine.refresh_counts();
    assert_eq!(kiosk.status().outbox_pending, 1);
    assert_eq!(kiosk.status().leases_used, 1);
    // Until the server has it, the person's details are in the kiosk (they must not be lost).
    assert!(contains(&kiosk.file_bytes(), &passport(1)));

    // Back online: reported first, acknowledged, and the details are gone from every file.
    proxy.set_mode(Mode::Pass);
    kiosk.engine.sync_once().await.unwrap();
    let status = kiosk.status();
    assert_eq!(
        (status.outbox_pending, status.leases_used),
        (0, 0),
        "{status:?}"
    );
    let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].status, OutboxStatus::Delivered);
    assert!(entries[0].body.is_empty());
    let bytes = kiosk.file_bytes();
    for needle in [surname(1), passport(1), "Zainab".to_owned()] {
        assert!(
            !contains(&bytes, &needle),
            "{needle} is still in the kiosk's files"
        );
    }
    // The server has the booking, once, with the person.
    let staff = api.login("questura.staff", "sportello-staff").await;
    let (status, record) = api
        .send(
            reqwest::Method::GET,
            &format!("/api/v1/bookings/{}", booked.code),
            &staff,
            None,
        )
        .await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["person"]["surname"], surname(1));
    assert_eq!(record["mediator_language"], "ar");
    assert_eq!(record["booked_by"], "kiosk:asti-1");
    // The same sync topped the kiosk's leases up again.
    assert!(
        desk::leased_seats(&kiosk.store, Some(RENEWAL), kiosk.now())
            .unwrap()
            .len()
            >= leases.len() - 1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_kiosk_gives_up_its_outbox_and_its_leases() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk_dir = dir.path().join("kiosk");
    let kiosk = TestKiosk::open(&kiosk_dir, &server.url(), Some(code));
    kiosk.engine.sync_once().await.unwrap();
    kiosk.book_offline(RENEWAL, 10, 1);
    let (status, _) = api
        .send(
            reqwest::Method::POST,
            "/api/v1/admin/kiosks/asti-1/revoke",
            &admin,
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 204);

    // Refused: nothing more is delivered, and the leases the server took back cannot be
    // booked; the report waits (an administrator may enrol the kiosk again within a week).
    let err = kiosk.engine.sync_once().await.unwrap_err();
    assert!(matches!(err, SyncError::Rejected), "{err}");
    let status = kiosk.status();
    assert!(status.refused);
    assert_eq!(
        (
            status.outbox_pending,
            status.leases_free,
            status.leases_used
        ),
        (1, 0, 1)
    );
    assert!(
        desk::leased_seats(&kiosk.store, None, kiosk.now())
            .unwrap()
            .is_empty()
    );
    // It still shows information.
    assert_eq!(lock(&kiosk.cache).count(EntityKind::Office).unwrap(), 3);
    drop(kiosk);

    // Past the grace period, what waited is given up and erased from the files.
    let kiosk = TestKiosk::open_with_grace(&kiosk_dir, &server.url(), None, 0);
    assert!(matches!(
        kiosk.engine.sync_once().await,
        Err(SyncError::Rejected)
    ));
    let status = kiosk.status();
    assert_eq!((status.outbox_pending, status.leases_used), (0, 0));
    let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
    assert_eq!(entries[0].status, OutboxStatus::Abandoned);
    assert!(!contains(&kiosk.file_bytes(), &passport(10)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_kiosk_enrolled_again_delivers_what_it_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk_dir = dir.path().join("kiosk");
    let kiosk = TestKiosk::open(&kiosk_dir, &server.url(), Some(code));
    kiosk.engine.sync_once().await.unwrap();
    let old_key = kiosk.engine.identity().unwrap().key.verifying_key();
    // Booked offline, then the kiosk is revoked (reported lost) before it is back online.
    let booked = kiosk.book_offline(RENEWAL, 20, 1);
    let (status, _) = api
        .send(
            reqwest::Method::POST,
            "/api/v1/admin/kiosks/asti-1/revoke",
            &admin,
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 204);
    assert!(matches!(
        kiosk.engine.sync_once().await,
        Err(SyncError::Rejected)
    ));
    drop(kiosk);

    // Found again: the administrator gives it a new code; started with it, the kiosk enrols
    // with a new key (the old one stays revoked) and delivers the booking it kept.
    let (status, code) = api
        .send(
            reqwest::Method::POST,
            "/api/v1/admin/kiosks/asti-1/enrolment",
            &admin,
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 201, "{code}");
    let kiosk = TestKiosk::open(
        &kiosk_dir,
        &server.url(),
        Some(code["code"].as_str().unwrap().to_owned()),
    );
    kiosk.drain(Duration::from_secs(30)).await;
    let status = kiosk.status();
    assert!(!status.refused, "{status:?}");
    assert_ne!(
        kiosk.engine.identity().unwrap().key.verifying_key(),
        old_key,
        "a new device key"
    );
    let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
    assert!(
        entries
            .iter()
            .all(|entry| entry.status == OutboxStatus::Delivered),
        "{entries:?}"
    );
    let staff = api.login("questura.staff", "sportello-staff").await;
    let (status, record) = api
        .send(
            reqwest::Method::GET,
            &format!("/api/v1/bookings/{}", booked[0].code),
            &staff,
            None,
        )
        .await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["person"]["surname"], surname(20));
    // Its receipt, signed before the revocation, still checks at a counter; the old key is
    // published as revoked.
    let published: sportello_core::receipt::KeySet =
        reqwest::get(format!("{}/api/v1/keys", server.url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(
        published.revoked_kiosks[0].kiosk_key,
        sportello_core::lease::key_text(&old_key)
    );
    assert!(sportello_core::lease::verify_offline(&booked[0].receipt, &published).is_ok());
    assert!(kiosk.status().leases_free > 0, "leasing again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cache_that_drifted_is_repaired_from_the_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let kiosk = TestKiosk::open(&dir.path().join("kiosk"), &server.url(), None);
    kiosk.engine.sync_once().await.unwrap();
    // The copy drifts (a bad disk, a bug): a row lost, one changed behind the feed's back.
    {
        let conn = rusqlite::Connection::open(dir.path().join("kiosk/cache.sqlite3")).unwrap();
        conn.execute(
            "DELETE FROM records WHERE entity = 'office' AND id = 'sui-asti'",
            [],
        )
        .unwrap();
        conn.execute(
            "UPDATE records SET seq = seq + 1000 WHERE entity = 'comune' AND id = '005005'",
            [],
        )
        .unwrap();
    }
    assert_eq!(lock(&kiosk.cache).count(EntityKind::Office).unwrap(), 2);
    // The next (idle) pull finds out from the checkpoint and pulls those kinds again.
    let report = kiosk.engine.sync_once().await.unwrap();
    assert_eq!(report.changes, 0);
    let cache = lock(&kiosk.cache);
    assert_eq!(cache.count(EntityKind::Office).unwrap(), 3);
    assert_eq!(cache.count(EntityKind::Comune).unwrap(), 117);
    // Free places came with the pull, for screens to show offline.
    let (_, slots) = cache.slots().unwrap().expect("free places");
    assert!(slots.runs.iter().any(|run| run.procedure_id == RENEWAL));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_pull_is_one_small_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let reader = TestKiosk::open(&dir.path().join("reader"), &proxy.url, None);
    reader.engine.sync_once().await.unwrap();
    let (_, full) = proxy.take_bytes();
    proxy.take_requests();
    // Nothing changed: one request (the feed's last page names the free places' version,
    // which the kiosk has), and a small answer.
    reader.engine.sync_once().await.unwrap();
    let (_, idle) = proxy.take_bytes();
    assert_eq!(proxy.take_requests(), 1);
    assert!(
        idle < 1_000 && idle * 5 < full,
        "idle {idle} bytes, full {full}"
    );

    // An enrolled kiosk adds one request for its leases, answered "unchanged".
    let code = api.register(&admin, "asti-1").await;
    let kiosk = TestKiosk::open(&dir.path().join("kiosk"), &proxy.url, Some(code));
    kiosk.engine.sync_once().await.unwrap();
    proxy.take_bytes();
    proxy.take_requests();
    kiosk.engine.sync_once().await.unwrap();
    let (_, idle) = proxy.take_bytes();
    assert_eq!(proxy.take_requests(), 2);
    assert!(idle < 1_500, "idle round {idle} bytes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kiosk_unplugged_for_a_day_keeps_booking_its_leases_and_reconciles() {
    let ts = |text: &str| text.parse::<jiff::Timestamp>().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Monday 30 November 2026, 08:00 in Rome, on the one clock the server and the kiosk read.
    let clock = Arc::new(ManualClock::new(ts("2026-11-30T07:00:00Z")));
    let server = sportello_server::Server::start_with_clock(
        &sportello_server::config::Config::demo(
            "127.0.0.1:0".parse().unwrap(),
            dir.path().join("server.sqlite3").display().to_string(),
        ),
        clock.clone(),
    )
    .await
    .unwrap();
    let url = format!("http://{}", server.addr());
    let api = Api::new(&url);
    let admin = api.login("admin", "sportello-admin").await;
    api.lease_policy(&admin, QUESTURA, serde_json::from_str(TWO_SEATS).unwrap())
        .await;
    let code = api.register(&admin, "asti-1").await;
    let proxy = Proxy::start(server.addr()).await;
    // The kiosk reads the server's clock: one time for both sides of the test.
    let kiosk = TestKiosk::open_with(
        &dir.path().join("kiosk"),
        &proxy.url,
        Some(code),
        sportello::sync::REFUSED_GRACE_SECS,
        clock.clone(),
    );
    kiosk.engine.sync_once().await.unwrap();
    let identity = kiosk.engine.identity().unwrap();

    // Unplugged. People come through the day and the next morning; each time the kiosk books
    // a seat whose lease is still good at that moment (leases end a day before their
    // appointment, so Tuesday's go first).
    proxy.set_mode(Mode::Drop);
    let mut booked = Vec::new();
    for (n, at) in [
        "2026-11-30T08:00:00Z",
        "2026-11-30T11:00:00Z",
        "2026-11-30T15:30:00Z",
        "2026-12-01T06:30:00Z",
    ]
    .into_iter()
    .enumerate()
    {
        let now = ts(at).as_second();
        let seats = desk::leased_seats(&kiosk.store, Some(RENEWAL), now).unwrap();
        assert!(!seats.is_empty(), "nothing left to book at {at}");
        assert!(seats.iter().all(|lease| lease.expires_at > now));
        let n = 400 + u32::try_from(n).unwrap();
        booked.push(
            desk::book_offline(
                &kiosk.store,
                &identity,
                &seats[0].lease_id,
                &person(n),
                None,
                now,
            )
            .unwrap(),
        );
    }
    assert!(kiosk.engine.sync_once().await.is_err());

    // Plugged back in on Tuesday morning, after the server let the old leases go.
    clock.set(ts("2026-12-01T06:45:00Z"));
    let state = server.state();
    sportello_server::booking::housekeeping(&state.db, state.clock.now(), &state.settings)
        .await
        .unwrap();
    proxy.set_mode(Mode::Pass);
    kiosk.drain(Duration::from_secs(30)).await;
    let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
    assert_eq!(entries.len(), 4);
    assert!(
        entries
            .iter()
            .all(|entry| entry.status == OutboxStatus::Delivered),
        "{entries:?}"
    );
    // Every booking stands, at the time on its receipt, with its person; the kiosk keeps
    // nothing personal.
    let staff = api.login("questura.staff", "sportello-staff").await;
    for (booking, n) in booked.iter().zip(400..) {
        let (status, record) = api
            .send(
                reqwest::Method::GET,
                &format!("/api/v1/bookings/{}", booking.code),
                &staff,
                None,
            )
            .await;
        assert_eq!(status, 200, "{record}");
        assert_eq!(unix(&record["start"]), booking.start);
        assert_eq!(record["person"]["surname"], surname(n));
        assert!(!contains(&kiosk.file_bytes(), &passport(n)));
    }
    assert!(kiosk.status().leases_free > 0, "topped up again");

    // On the day, the person scans the kiosk's receipt at the kiosk in the office's comune:
    // the check-in goes through the outbox like every write, and gives a queue number.
    let last = &booked[3];
    clock.set(jiff::Timestamp::from_second(last.start - 1800).unwrap());
    let entry = desk::submit(
        &kiosk.store,
        &tokio::sync::Notify::new(),
        &desk::check_in(&last.receipt, &last.code, last.start + 86_400),
        kiosk.now(),
    )
    .unwrap();
    kiosk.engine.sync_once().await.unwrap();
    let entry = outbox::lock(&kiosk.store).entry(entry.id).unwrap().unwrap();
    assert_eq!(entry.status, OutboxStatus::Delivered, "{entry:?}");
    let check_in: sportello_core::booking::CheckIn =
        serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    assert_eq!(
        (check_in.code.as_str(), check_in.queue_number),
        (last.code.as_str(), 1)
    );
    server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn online_writes_go_through_the_outbox_and_refusals_are_final() {
    use sportello_core::booking::{Booking, ConfirmRequest, Hold, HoldRequest};
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk = TestKiosk::open(&dir.path().join("kiosk"), &server.url(), Some(code));
    kiosk.engine.sync_once().await.unwrap();
    let wake = tokio::sync::Notify::new();
    let operator = api.login("asti.operatore", "sportello-operatore").await;
    let (_, availability) = api
        .send(
            reqwest::Method::GET,
            &format!("/api/v1/availability?procedure_id={RENEWAL}&limit=5"),
            &operator,
            None,
        )
        .await;
    let slots = availability["slots"].as_array().unwrap();
    // Each write is in the outbox before it goes anywhere, then delivered; its answer kept.
    let deliver = |write: sportello::store::NewWrite| {
        let store = kiosk.store.clone();
        let engine = &kiosk.engine;
        let now = kiosk.now();
        let wake = &wake;
        async move {
            let entry = desk::submit(&store, wake, &write, now).unwrap();
            assert_eq!(
                outbox::lock(&store)
                    .entry(entry.id)
                    .unwrap()
                    .unwrap()
                    .status,
                OutboxStatus::Pending
            );
            let _ = engine.sync_once().await;
            outbox::lock(&store).entry(entry.id).unwrap().unwrap()
        }
    };
    let hold_at = |slot: &Value| HoldRequest {
        procedure_id: RENEWAL.into(),
        office_id: slot["office_id"].as_str().unwrap().into(),
        start: slot["start"].as_str().unwrap().parse().unwrap(),
    };
    let entry = deliver(desk::hold(&hold_at(&slots[0]), kiosk.now())).await;
    assert_eq!(entry.status, OutboxStatus::Delivered, "{entry:?}");
    let hold: Hold = serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    let confirm = ConfirmRequest {
        person: person(700),
        mediator_language: None,
    };
    let entry = deliver(desk::confirm(&hold, &confirm)).await;
    assert_eq!(entry.status, OutboxStatus::Delivered, "{entry:?}");
    assert!(entry.body.is_empty());
    let booking: Booking = serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    assert!(booking.receipt.is_some());
    assert!(!contains(&kiosk.file_bytes(), &passport(700)));

    // The same person again: refused (the answer names nothing of the other booking: the
    // person finds it with its code), not retried.
    let entry = deliver(desk::hold(&hold_at(&slots[2]), kiosk.now())).await;
    let second: Hold = serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    let entry = deliver(desk::confirm(&second, &confirm)).await;
    assert_eq!(entry.status, OutboxStatus::Rejected);
    assert_eq!((entry.outcome_status, entry.attempts), (Some(409), 0));
    let problem: sportello_core::api::Problem =
        serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    assert_eq!(
        problem.code,
        sportello_core::api::ProblemCode::AlreadyBooked
    );
    assert!(
        !entry
            .outcome
            .as_deref()
            .unwrap()
            .contains(&booking.start.to_string()[..16])
    );
    assert!(entry.body.is_empty());
    kiosk.engine.sync_once().await.unwrap();
    assert_eq!(kiosk.status().outbox_failed, 1);
    assert_eq!(kiosk.status().outbox_pending, 0);

    // A hold nobody waits for any more is given up, not sent.
    let entry = desk::submit(
        &kiosk.store,
        &wake,
        &desk::hold(&hold_at(&slots[3]), kiosk.now() - 120),
        kiosk.now() - 120,
    )
    .unwrap();
    kiosk.engine.sync_once().await.unwrap();
    let entry = outbox::lock(&kiosk.store).entry(entry.id).unwrap().unwrap();
    assert_eq!(
        (entry.status, entry.outcome),
        (OutboxStatus::Abandoned, None)
    );

    // Cancelled with the person's proof: date of birth and the document's last characters.
    let proof = proof(700);
    let entry = deliver(desk::cancel(
        &booking.code,
        &proof,
        booking.start.as_second(),
    ))
    .await;
    assert_eq!(entry.status, OutboxStatus::Delivered, "{entry:?}");
    let cancelled: Booking = serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    assert_eq!(
        cancelled.status,
        sportello_core::booking::BookingStatus::Cancelled
    );
}

/// A leasing server, a proxy in front of it, and a kiosk enrolled and synced through the
/// proxy, on a clock of its own that starts at the real time and is moved on to skip pauses.
async fn behind_a_proxy(dir: &Path) -> (Server, Proxy, Arc<ManualClock>, TestKiosk) {
    let (server, api, admin) = leasing_server(dir, TWO_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let code = api.register(&admin, "asti-1").await;
    let clock = Arc::new(ManualClock::new(jiff::Timestamp::now()));
    let kiosk = TestKiosk::open_with(
        &dir.join("kiosk"),
        &proxy.url,
        Some(code),
        sportello::sync::REFUSED_GRACE_SECS,
        clock.clone(),
    );
    kiosk.engine.sync_once().await.unwrap();
    (server, proxy, clock, kiosk)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_that_cannot_reach_the_server_is_no_link_not_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, proxy, clock, kiosk) = behind_a_proxy(dir.path()).await;

    // The server behind the kiosks' proxy stops: the proxy answers everything with its HTML
    // 502, round after round, more often than an answer on the way is believed.
    proxy.set_mode(Mode::Gateway);
    kiosk.book_offline(RENEWAL, 910, 1);
    for _ in 0..2 * outbox::REFUSALS_ON_THE_WAY {
        assert!(kiosk.engine.sync_once().await.is_err(), "offline");
        // The pause waited out (a link down keeps growing it).
        clock.advance(jiff::SignedDuration::from_mins(6));
    }
    assert!(kiosk.engine.sync_once().await.is_err(), "offline");
    let waiting = outbox::lock(&kiosk.store).pending().unwrap();
    assert_eq!(waiting.len(), 1, "still waiting, never refused");
    assert!(
        waiting[0].attempts > outbox::REFUSALS_ON_THE_WAY,
        "{waiting:?}"
    );
    assert!(waiting[0].next_attempt_at > kiosk.now(), "pausing");
    assert_eq!(kiosk.status().outbox_failed, 0);

    // The server is back: the report goes at once, its pause cut short (the clock stands).
    proxy.set_mode(Mode::Pass);
    for _ in 0..2 {
        let _ = kiosk.engine.sync_once().await;
    }
    let entry = outbox::lock(&kiosk.store)
        .entry(waiting[0].id)
        .unwrap()
        .unwrap();
    assert_eq!(entry.status, OutboxStatus::Delivered, "{entry:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_refused_on_the_way_holds_back_no_other_and_ends_refused() {
    use sportello_core::kiosk::FailureReason;
    let dir = tempfile::tempdir().unwrap();
    let (_server, proxy, clock, kiosk) = behind_a_proxy(dir.path()).await;

    // The link goes down; two people book offline; the kiosk keeps trying, pausing longer.
    proxy.set_mode(Mode::Drop);
    let booked = kiosk.book_offline(RENEWAL, 900, 2);
    for _ in 0..4 {
        let _ = kiosk.engine.sync_once().await;
        clock.advance(jiff::SignedDuration::from_secs(1));
    }
    let waiting = outbox::lock(&kiosk.store).pending().unwrap();
    assert_eq!(waiting.len(), 2);
    assert!(
        waiting
            .iter()
            .all(|entry| entry.attempts >= 1 && entry.next_attempt_at > kiosk.now()),
        "{waiting:?}"
    );

    // Back, but a proxy on the way answers the first report with its own HTML 403. The link
    // is back, so nothing waits out its pause: the second report goes at once.
    proxy.set_mode(Mode::Pass);
    let first_lease = waiting[0].path.split('/').nth(4).unwrap().to_owned();
    proxy.refuse(Some(&first_lease));
    kiosk.engine.sync_once().await.unwrap();
    let status = |id: i64| {
        outbox::lock(&kiosk.store)
            .entry(id)
            .unwrap()
            .unwrap()
            .status
    };
    assert_eq!(status(waiting[1].id), OutboxStatus::Delivered);
    assert_eq!(status(waiting[0].id), OutboxStatus::Pending);
    // A new person's hold is not held back by it either.
    let hold = kiosk.hold_first_slot(&tokio::sync::Notify::new()).await;
    kiosk.engine.sync_once().await.unwrap();
    assert_eq!(status(hold.id), OutboxStatus::Delivered);

    // After a few answers that are not the server's, the report counts as refused: it ends,
    // its person's details are erased, and staff see it in the panel (not who it was for).
    for _ in 0..10 {
        if status(waiting[0].id) != OutboxStatus::Pending {
            break;
        }
        // Its pause (an answer, not a link down, so it keeps it): waited out.
        clock.advance(jiff::SignedDuration::from_mins(6));
        let _ = kiosk.engine.sync_once().await;
    }
    assert_eq!(status(waiting[0].id), OutboxStatus::Rejected);
    assert_eq!(proxy.refusals(), u64::from(outbox::REFUSALS_ON_THE_WAY));
    assert!(!contains(&kiosk.file_bytes(), &passport(900)));
    let failures = kiosk.status().failures;
    let failed = failures
        .iter()
        .find(|failure| failure.kind == "lease_booking")
        .unwrap_or_else(|| panic!("{failures:?}"));
    assert_eq!(
        failed.reason,
        FailureReason::RefusedOnTheWay { status: 403 }
    );
    assert!(
        booked[0]
            .code
            .ends_with(failed.reference.trim_start_matches('…'))
    );
    assert!(
        !failed.reference.contains(&booked[0].code),
        "only the code's end is shown"
    );
    assert_eq!(kiosk.status().outbox_failed, 1);
    assert_eq!(kiosk.status().outbox_pending, 0);
}

/// Log lines, captured.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// One thread, so the subscriber set for this test sees every task of it.
#[tokio::test(flavor = "current_thread")]
async fn the_kiosks_log_names_no_booking_and_no_hold() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);

    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk = TestKiosk::open(&dir.path().join("kiosk"), &proxy.url, Some(code));
    kiosk.engine.sync_once().await.unwrap();
    let wake = tokio::sync::Notify::new();
    let held = kiosk.hold_first_slot(&wake).await;
    kiosk.engine.sync_once().await.unwrap();
    let entry = outbox::lock(&kiosk.store).entry(held.id).unwrap().unwrap();
    let hold: sportello_core::booking::Hold =
        serde_json::from_str(entry.outcome.as_deref().unwrap()).unwrap();
    // The link fails under a confirmation, an offline booking's report and a cancellation:
    // the kiosk logs that, and nothing that names them.
    proxy.set_mode(Mode::Drop);
    let confirm = sportello_core::booking::ConfirmRequest {
        person: person(950),
        mediator_language: None,
    };
    desk::submit(
        &kiosk.store,
        &wake,
        &desk::confirm(&hold, &confirm),
        kiosk.now(),
    )
    .unwrap();
    let booked = kiosk.book_offline(RENEWAL, 951, 1);
    let proof = proof(951);
    desk::submit(
        &kiosk.store,
        &wake,
        &desk::cancel(&booked[0].code, &proof, booked[0].start),
        kiosk.now(),
    )
    .unwrap();
    // A second cancel, with a wrong date of birth: the server refuses it.
    let wrong = sportello_core::booking::CitizenProof {
        date_of_birth: person(952).date_of_birth,
        ..proof
    };
    let refused = desk::submit(
        &kiosk.store,
        &wake,
        &desk::cancel(&booked[0].code, &wrong, booked[0].start),
        kiosk.now(),
    )
    .unwrap();
    for _ in 0..3 {
        let _ = kiosk.engine.sync_once().await;
    }
    // And when the server refuses a write (the refusal's path names the booking too).
    proxy.set_mode(Mode::Pass);
    let _ = kiosk.engine.sync_once().await;
    let status = outbox::lock(&kiosk.store)
        .entry(refused.id)
        .unwrap()
        .unwrap()
        .status;
    assert_eq!(status, OutboxStatus::Rejected);
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("sync failed"),
        "the failures were logged: {logs}"
    );
    let lease_id = outbox::lock(&kiosk.store)
        .entries_all()
        .unwrap()
        .into_iter()
        .find(|entry| entry.kind == "lease_booking")
        .map(|entry| entry.path.split('/').nth(4).unwrap().to_owned())
        .unwrap();
    for secret in [
        hold.hold_id.as_str(),
        lease_id.as_str(),
        booked[0].code.as_str(),
        &passport(950),
        &passport(951),
        &surname(950),
    ] {
        assert!(
            !logs.contains(secret),
            "{secret} in the kiosk's log:\n{logs}"
        );
    }
}

// --- faults ----------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_killed_mid_pull_and_mid_push_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, api, admin) = leasing_server(dir.path(), FOUR_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk_dir = dir.path().join("kiosk");
    let mut kiosk = TestKiosk::open(&kiosk_dir, &proxy.url, Some(code));
    kiosk.engine = kiosk.engine.with_page_size(5);

    // Mid-pull: each chunk slowed down, the server killed while pages are coming.
    proxy.set_delay(Duration::from_millis(40));
    let engine = Arc::new(kiosk.engine);
    let pulling = tokio::spawn({
        let engine = engine.clone();
        async move { engine.sync_once().await }
    });
    wait_for("some pages", || lock(&kiosk.cache).cursor().unwrap() > 0).await;
    let at_kill = lock(&kiosk.cache).cursor().unwrap();
    server.kill_and_restart();
    assert!(at_kill < 223, "killed part way: {at_kill}");
    // The pull fails, or picks up again from the restarted server: either way from a whole
    // page, never a half one.
    let _ = pulling.await.unwrap();
    proxy.set_delay(Duration::ZERO);
    engine.sync_once().await.unwrap();
    {
        let cache = lock(&kiosk.cache);
        assert_eq!(cache.count(EntityKind::Comune).unwrap(), 117);
        assert_eq!(cache.count(EntityKind::Office).unwrap(), 3);
        assert_eq!(cache.count(EntityKind::Procedure).unwrap(), 10);
    }
    kiosk.engine = Arc::into_inner(engine).unwrap();

    // Mid-push: twelve offline bookings, the server killed while they are delivered.
    proxy.set_mode(Mode::Drop);
    let booked = kiosk.book_offline(RENEWAL, 100, 12);
    proxy.set_mode(Mode::Pass);
    proxy.set_delay(Duration::from_millis(150));
    let engine = Arc::new(kiosk.engine);
    let pushing = tokio::spawn({
        let engine = engine.clone();
        async move { engine.sync_once().await }
    });
    let store = kiosk.store.clone();
    wait_for("a first delivery", || {
        outbox::lock(&store)
            .entries_all()
            .unwrap()
            .iter()
            .any(|entry| entry.status == OutboxStatus::Delivered)
    })
    .await;
    server.kill_and_restart();
    let _ = pushing.await.unwrap();
    proxy.set_delay(Duration::ZERO);
    kiosk.engine = Arc::into_inner(engine).unwrap();
    let delivered_before = outbox::lock(&kiosk.store)
        .entries_all()
        .unwrap()
        .iter()
        .filter(|entry| entry.status == OutboxStatus::Delivered)
        .count();
    assert!(
        delivered_before < 12,
        "the kill came before the end ({delivered_before})"
    );
    kiosk.drain(Duration::from_secs(60)).await;

    // Every booking is on the server exactly once.
    let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
    assert!(
        entries
            .iter()
            .all(|entry| entry.status == OutboxStatus::Delivered)
    );
    let staff = api.login("questura.staff", "sportello-staff").await;
    let days: BTreeSet<String> = booked.iter().map(|b| day_of(b.start)).collect();
    let on_server = api.bookings(&staff, &days).await;
    let mine: Vec<&Value> = on_server
        .iter()
        .filter(|record| record["booked_by"] == "kiosk:asti-1")
        .collect();
    assert_eq!(mine.len(), 12);
    let codes: BTreeSet<&str> = mine
        .iter()
        .map(|record| record["code"].as_str().unwrap())
        .collect();
    let expected: BTreeSet<&str> = booked.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(codes, expected);
    assert!(!contains(&kiosk.file_bytes(), &passport(100)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_that_drops_delays_and_truncates_never_corrupts_or_doubles() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk = TestKiosk::open(&dir.path().join("kiosk"), &proxy.url, Some(code));

    // Responses cut short: the pull fails without a half-applied page.
    proxy.truncate_after(3_000);
    assert!(kiosk.engine.sync_once().await.is_err());
    assert_eq!(lock(&kiosk.cache).cursor().unwrap(), 0);
    assert_eq!(lock(&kiosk.cache).count(EntityKind::Comune).unwrap(), 0);
    // Slow but whole: it gets through.
    proxy.set_mode(Mode::Pass);
    proxy.set_delay(Duration::from_millis(20));
    kiosk.engine.sync_once().await.unwrap();
    proxy.set_delay(Duration::ZERO);
    assert_eq!(lock(&kiosk.cache).count(EntityKind::Comune).unwrap(), 117);

    // A report that reaches the server but whose answer is cut is sent again and answered the
    // same: one booking.
    proxy.set_mode(Mode::Drop);
    let booked = kiosk.book_offline(RENEWAL, 200, 1);
    proxy.truncate_after(40);
    assert!(kiosk.engine.sync_once().await.is_err());
    assert_eq!(kiosk.status().outbox_pending, 1);
    proxy.set_mode(Mode::Pass);
    kiosk.drain(Duration::from_secs(30)).await;
    let staff = api.login("questura.staff", "sportello-staff").await;
    let days = BTreeSet::from([day_of(booked[0].start)]);
    let mine: Vec<Value> = api
        .bookings(&staff, &days)
        .await
        .into_iter()
        .filter(|record| record["booked_by"] == "kiosk:asti-1")
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["code"], booked[0].code.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_kiosks_offline_and_online_clients_never_share_a_seat() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let proxy = Proxy::start(server.process.addr()).await;
    let mut kiosks = Vec::new();
    for n in 1..=3 {
        let id = format!("kiosk-{n}");
        let code = api.register(&admin, &id).await;
        let kiosk = TestKiosk::open(&dir.path().join(&id), &proxy.url, Some(code));
        kiosk.engine.sync_once().await.unwrap();
        kiosks.push(kiosk);
    }
    // The link goes down for the kiosks; each books every seat it leased for the renewal.
    proxy.set_mode(Mode::Drop);
    let mut offline = Vec::new();
    for (n, kiosk) in kiosks.iter().enumerate() {
        let free = desk::leased_seats(&kiosk.store, Some(RENEWAL), kiosk.now()).unwrap();
        assert!(!free.is_empty());
        offline.extend(kiosk.book_offline(RENEWAL, 1000 * (n as u32 + 1), free.len()));
    }
    let days: BTreeSet<String> = offline.iter().map(|b| day_of(b.start)).collect();

    // Meanwhile operators online book every other renewal slot of those days.
    let operator = api.login("asti.operatore", "sportello-operatore").await;
    let mut online = 0u32;
    let mut attempts = 0;
    loop {
        let (_, availability) = api
            .send(
                reqwest::Method::GET,
                &format!("/api/v1/availability?procedure_id={RENEWAL}&limit=200"),
                &operator,
                None,
            )
            .await;
        let Some(slot) = availability["slots"]
            .as_array()
            .unwrap()
            .iter()
            .find(|slot| days.contains(&day_of(unix(&slot["start"]))))
            .cloned()
        else {
            break;
        };
        let (status, hold) = api
            .send(
                reqwest::Method::POST,
                "/api/v1/holds",
                &operator,
                Some(json!({"procedure_id": RENEWAL, "office_id": slot["office_id"], "start": slot["start"]})),
            )
            .await;
        attempts += 1;
        assert!(attempts < 1000, "runaway");
        if status != 201 {
            continue;
        }
        let (status, _) = api
            .send(
                reqwest::Method::POST,
                &format!(
                    "/api/v1/holds/{}/confirm",
                    hold["hold_id"].as_str().unwrap()
                ),
                &operator,
                Some(json!({"person": person(5000 + online)})),
            )
            .await;
        assert_eq!(status, 201);
        online += 1;
    }
    assert!(online > 0);

    // Reconnected, every kiosk reports; nothing is refused, nothing lost.
    proxy.set_mode(Mode::Pass);
    for kiosk in &kiosks {
        kiosk.drain(Duration::from_secs(60)).await;
        let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
        assert!(
            entries
                .iter()
                .all(|entry| entry.status == OutboxStatus::Delivered),
            "{entries:?}"
        );
    }
    let staff = api.login("questura.staff", "sportello-staff").await;
    let records = api.bookings(&staff, &days).await;
    let renewals: Vec<&Value> = records
        .iter()
        .filter(|record| record["procedure_id"] == RENEWAL)
        .collect();
    assert_eq!(
        renewals.len(),
        offline.len() + online as usize,
        "counts exact"
    );
    let offline_codes: BTreeSet<&str> = offline.iter().map(|b| b.code.as_str()).collect();
    let reported: BTreeSet<&str> = renewals
        .iter()
        .map(|record| record["code"].as_str().unwrap())
        .filter(|code| offline_codes.contains(code))
        .collect();
    assert_eq!(reported, offline_codes, "no offline booking lost");
    // At most one person per counter at any moment (every Questura counter has one seat).
    let mut by_counter: BTreeMap<String, Vec<(i64, i64)>> = BTreeMap::new();
    for record in records.iter().filter(|r| r["status"] == "confirmed") {
        let booking = record;
        by_counter
            .entry(booking["counter_id"].as_str().unwrap().to_owned())
            .or_default()
            .push((unix(&booking["start"]), unix(&booking["end"])));
    }
    for (counter, mut spans) in by_counter {
        spans.sort();
        for pair in spans.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "{counter}: {pair:?} overlap");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_outbox_restored_from_a_backup_books_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (server, api, admin) = leasing_server(dir.path(), TWO_SEATS).await;
    let code = api.register(&admin, "asti-1").await;
    let kiosk_dir = dir.path().join("kiosk");
    let backup = dir.path().join("backup");
    let booked = {
        let kiosk = TestKiosk::open(&kiosk_dir, &server.url(), Some(code));
        kiosk.engine.sync_once().await.unwrap();
        let booked = kiosk.book_offline(RENEWAL, 300, 2);
        // The night's backup, taken with the two reports still in the outbox.
        copy_dir(&kiosk_dir, &backup);
        kiosk.drain(Duration::from_secs(30)).await;
        booked
    };
    // The disk fails; the kiosk is restored from the backup and delivers its old outbox again.
    std::fs::remove_dir_all(&kiosk_dir).unwrap();
    copy_dir(&backup, &kiosk_dir);
    let kiosk = TestKiosk::open(&kiosk_dir, &server.url(), None);
    assert_eq!(kiosk.status().outbox_pending, 2);
    kiosk.drain(Duration::from_secs(30)).await;
    let entries = outbox::lock(&kiosk.store).entries_all().unwrap();
    assert!(
        entries
            .iter()
            .all(|entry| entry.status == OutboxStatus::Delivered)
    );
    assert!(
        outbox::lock(&kiosk.store)
            .leases(LeaseState::Used)
            .unwrap()
            .is_empty()
    );

    let staff = api.login("questura.staff", "sportello-staff").await;
    let days: BTreeSet<String> = booked.iter().map(|b| day_of(b.start)).collect();
    let mine: Vec<Value> = api
        .bookings(&staff, &days)
        .await
        .into_iter()
        .filter(|record| record["booked_by"] == "kiosk:asti-1")
        .collect();
    assert_eq!(mine.len(), 2, "nothing booked twice");
}

async fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !condition() {
        assert!(Instant::now() < deadline, "waited in vain for {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A timestamp in a JSON answer, as Unix seconds.
fn unix(value: &Value) -> i64 {
    value
        .as_str()
        .unwrap()
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_second()
}
