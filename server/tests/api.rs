//! The central server over real HTTP on loopback, on a fresh database per test (SQLite, and
//! PostgreSQL when the test command provides one).

use reqwest::StatusCode;
use serde_json::Value;
use sportello_core::api::{Health, Problem, ProblemCode};
use sportello_core::model::{Comune, Office, OfficeKind, Procedure};
use sportello_core::sync::{ChangeOp, ChangePage, EntityKind, Record};
use sportello_server::Server;
use sportello_server::config::{Config, Seed};
use std::collections::HashSet;

mod databases;
use databases::TestDatabase;

/// Runs a check against a fresh server on each database the suite has: SQLite always,
/// PostgreSQL when `SPORTELLO_TEST_POSTGRES` names a server to create databases on.
macro_rules! on_every_database {
    ($($name:ident => $check:ident;)*) => {$(
        #[tokio::test]
        async fn $name() {
            for database in databases::all().await {
                let server = TestServer::start(&database).await;
                $check(&server).await;
                server.server.stop().await.unwrap();
            }
        }
    )*};
}

on_every_database! {
    health_reports_the_database => health_reports_the_database_check;
    demo_offices_of_asti_are_served_with_their_addresses => demo_offices_check;
    procedures_are_listed_per_office_in_every_language => procedures_check;
    the_117_comuni_of_asti_are_served => comuni_check;
    bad_input_gets_a_problem_document_never_a_500 => bad_input_check;
    the_openapi_document_describes_every_route => openapi_check;
    the_change_feed_pages_through_everything_exactly_once => feed_paging_check;
    edits_and_deletions_reach_the_feed_in_order => feed_edits_check;
}

struct TestServer {
    server: Server,
    backend: &'static str,
    base: String,
    http: reqwest::Client,
}

fn config(database: &TestDatabase) -> Config {
    let mut config = Config::demo("127.0.0.1:0".parse().unwrap(), database.location());
    config.key_file = Some(database.key_file());
    config
}

impl TestServer {
    async fn start(database: &TestDatabase) -> TestServer {
        let server = Server::start(&config(database)).await.unwrap();
        TestServer {
            base: format!("http://{}", server.addr()),
            backend: database.backend(),
            server,
            http: reqwest::Client::new(),
        }
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    async fn json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.unwrap()
    }

    /// Asserts that `path` is refused with a problem document of `code`.
    async fn problem(&self, path: &str, code: ProblemCode) -> Problem {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), code.status(), "GET {path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "GET {path}"
        );
        let problem: Problem = response.json().await.unwrap();
        assert_eq!(problem.code, code, "GET {path}");
        problem
    }

    /// Pulls the whole change feed in pages of `limit`.
    async fn pull_all(&self, since: i64, limit: u32) -> (Vec<ChangePage>, i64) {
        let mut cursor = since;
        let mut pages = Vec::new();
        loop {
            let page: ChangePage = self
                .json(&format!(
                    "/api/v1/sync/changes?since={cursor}&limit={limit}"
                ))
                .await;
            cursor = page.cursor;
            let more = page.more;
            pages.push(page);
            if !more {
                return (pages, cursor);
            }
            assert!(pages.len() < 1000, "the feed does not end");
        }
    }
}

async fn health_reports_the_database_check(server: &TestServer) {
    let health: Health = server.json("/health").await;
    assert_eq!(health.status, "ok");
    assert_eq!(health.database, server.backend);
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
}

async fn demo_offices_check(server: &TestServer) {
    let offices: Vec<Office> = server.json("/api/v1/offices").await;
    let kinds: HashSet<_> = offices.iter().map(|o| o.kind).collect();
    assert_eq!(offices.len(), 3);
    assert_eq!(kinds, HashSet::from(OfficeKind::ALL));

    let questura: Office = server.json("/api/v1/offices/questura-asti").await;
    assert_eq!(questura.address.street, "Corso XXV Aprile, 19");
    assert_eq!(questura.address.postcode, "14100");
    let prefettura: Office = server.json("/api/v1/offices/prefettura-asti").await;
    assert_eq!(prefettura.address.street, "Piazza Vittorio Alfieri, 30");

    server
        .problem("/api/v1/offices/questura-torino", ProblemCode::NotFound)
        .await;
    server
        .problem("/api/v1/offices/Questura%20Asti", ProblemCode::InvalidInput)
        .await;
}

async fn procedures_check(server: &TestServer) {
    let all: Vec<Procedure> = server.json("/api/v1/procedures").await;
    assert!(all.len() >= 8, "a handful per office: {}", all.len());
    let sui: Vec<Procedure> = server.json("/api/v1/procedures?office_id=sui-asti").await;
    assert!(sui.iter().all(|p| p.office_id == "sui-asti"));
    assert!(sui.iter().any(|p| p.id == "sui-asti-ricongiungimento"));

    let renewal: Procedure = server
        .json("/api/v1/procedures/questura-asti-permesso-rinnovo")
        .await;
    assert_eq!(
        renewal.name.get(sportello_core::Lang::It),
        "Rinnovo del permesso di soggiorno"
    );
    assert_eq!(
        renewal.name.get(sportello_core::Lang::Ar),
        "تجديد تصريح الإقامة"
    );

    server
        .problem(
            "/api/v1/procedures?office_id=nowhere",
            ProblemCode::NotFound,
        )
        .await;
    server
        .problem(
            "/api/v1/procedures?office=sui-asti",
            ProblemCode::InvalidInput,
        )
        .await;
}

async fn comuni_check(server: &TestServer) {
    let comuni: Vec<Comune> = server.json("/api/v1/comuni").await;
    assert_eq!(comuni.len(), 117);
    let in_at: Vec<Comune> = server.json("/api/v1/comuni?province=AT").await;
    assert_eq!(in_at.len(), 117);
    let in_mt: Vec<Comune> = server.json("/api/v1/comuni?province=MT").await;
    assert!(in_mt.is_empty());
    let asti: Comune = server.json("/api/v1/comuni/005005").await;
    assert_eq!(asti.name, "Asti");
    assert!(asti.capoluogo);

    server
        .problem("/api/v1/comuni/999999", ProblemCode::NotFound)
        .await;
    server
        .problem("/api/v1/comuni/asti", ProblemCode::InvalidInput)
        .await;
    server
        .problem("/api/v1/comuni?province=asti", ProblemCode::InvalidInput)
        .await;
}

async fn bad_input_check(server: &TestServer) {
    for (path, code) in [
        ("/api/v1/sync/changes?limit=abc", ProblemCode::InvalidInput),
        ("/api/v1/sync/changes?limit=0", ProblemCode::InvalidInput),
        ("/api/v1/sync/changes?limit=1001", ProblemCode::InvalidInput),
        ("/api/v1/sync/changes?limit=-5", ProblemCode::InvalidInput),
        ("/api/v1/sync/changes?since=-1", ProblemCode::InvalidInput),
        (
            "/api/v1/sync/changes?since=99999999999999999999",
            ProblemCode::InvalidInput,
        ),
        ("/api/v1/sync/changes?cursor=3", ProblemCode::InvalidInput),
        (
            "/api/v1/sync/changes?since=1&since=2",
            ProblemCode::InvalidInput,
        ),
        ("/api/v1/offices/%00", ProblemCode::InvalidInput),
        ("/api/v1/offices/%FF%FE", ProblemCode::InvalidInput),
        ("/api/v1/comuni/%E2%80%AE005005", ProblemCode::InvalidInput),
        ("/api/v1/nothing-here", ProblemCode::NotFound),
        ("/api/v2/offices", ProblemCode::NotFound),
    ] {
        server.problem(path, code).await;
    }
    server
        .problem("/api/v1/offices?kind=questura", ProblemCode::InvalidInput)
        .await;
    server
        .problem("/api/v1/comuni/005005?lang=ar", ProblemCode::InvalidInput)
        .await;
    let ahead = server
        .problem(
            "/api/v1/sync/changes?since=100000",
            ProblemCode::CursorAhead,
        )
        .await;
    assert!(ahead.detail.unwrap().contains("from 0"));
    let long_id = "a".repeat(10_000);
    server
        .problem(
            &format!("/api/v1/offices/{long_id}"),
            ProblemCode::InvalidInput,
        )
        .await;

    let response = server
        .http
        .delete(format!("{}/api/v1/offices", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let problem: Problem = response.json().await.unwrap();
    assert_eq!(problem.code, ProblemCode::MethodNotAllowed);
}

/// Every route the server has, as the OpenAPI document names it.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/health"),
    ("get", "/api/v1/openapi.json"),
    ("get", "/api/v1/offices"),
    ("get", "/api/v1/offices/{id}"),
    ("get", "/api/v1/counters"),
    ("get", "/api/v1/counters/{id}"),
    ("get", "/api/v1/procedures"),
    ("get", "/api/v1/procedures/{id}"),
    ("get", "/api/v1/comuni"),
    ("get", "/api/v1/comuni/{istat}"),
    ("get", "/api/v1/organizations"),
    ("get", "/api/v1/sync/changes"),
    ("get", "/api/v1/keys"),
    ("get", "/api/v1/availability"),
    ("post", "/api/v1/holds"),
    ("delete", "/api/v1/holds/{hold_id}"),
    ("post", "/api/v1/holds/{hold_id}/confirm"),
    ("get", "/api/v1/bookings"),
    ("get", "/api/v1/bookings/{code}"),
    ("post", "/api/v1/bookings/{code}/lookup"),
    ("post", "/api/v1/bookings/{code}/cancel"),
    ("post", "/api/v1/bookings/{code}/reschedule"),
    ("post", "/api/v1/bookings/{code}/no-show"),
    ("post", "/api/v1/auth/password"),
    ("post", "/api/v1/admin/users/{username}/password"),
    ("post", "/api/v1/checkins"),
    ("get", "/api/v1/offices/{id}/agenda"),
    ("get", "/api/v1/offices/{id}/agenda.csv"),
    ("post", "/api/v1/offices/{id}/desk/scan"),
    ("post", "/api/v1/offices/{id}/desk/walk-in"),
    (
        "post",
        "/api/v1/offices/{id}/counters/{counter_id}/call-next",
    ),
    ("get", "/api/v1/offices/{id}/board"),
    ("get", "/api/v1/offices/{id}/events"),
    ("post", "/api/v1/bookings/{code}/recall"),
    ("post", "/api/v1/bookings/{code}/served"),
    ("post", "/api/v1/bookings/{code}/absent"),
    ("post", "/api/v1/overrides/{id}/impact"),
    ("post", "/api/v1/overrides/{id}/apply"),
    ("get", "/api/v1/offices/{id}/notices"),
    ("post", "/api/v1/offices/{id}/notices/{notice_id}/called"),
    ("get", "/api/v1/offices/{id}/stats"),
    ("get", "/api/v1/offices/{id}/stats.csv"),
    ("get", "/api/v1/audit"),
    ("get", "/api/v1/overrides"),
    ("put", "/api/v1/overrides/{id}"),
    ("delete", "/api/v1/overrides/{id}"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/auth/me"),
    ("post", "/api/v1/admin/users"),
    ("get", "/api/v1/admin/users"),
    ("post", "/api/v1/admin/users/{username}/disable"),
    ("post", "/api/v1/admin/organizations"),
    ("post", "/api/v1/admin/kiosks"),
    ("get", "/api/v1/admin/kiosks"),
    ("post", "/api/v1/admin/kiosks/{id}/enrolment"),
    ("post", "/api/v1/admin/kiosks/{id}/revoke"),
    ("get", "/api/v1/admin/offices/{id}/lease-policy"),
    ("put", "/api/v1/admin/offices/{id}/lease-policy"),
    ("get", "/api/v1/sync/snapshot"),
    ("get", "/api/v1/sync/slots"),
    ("post", "/api/v1/kiosk/enrol"),
    ("post", "/api/v1/kiosk/challenge"),
    ("post", "/api/v1/kiosk/token"),
    ("post", "/api/v1/kiosk/leases/sync"),
    ("post", "/api/v1/kiosk/leases/{lease_id}/book"),
    ("put", "/api/v1/admin/offices/{id}"),
    ("put", "/api/v1/admin/counters/{id}"),
    ("put", "/api/v1/admin/procedures/{id}"),
    ("get", "/api/v1/faq"),
    ("get", "/api/v1/faq/{id}"),
    ("put", "/api/v1/admin/faq/{id}"),
    ("delete", "/api/v1/admin/faq/{id}"),
    ("put", "/api/v1/admin/faq/{id}/texts/{lang}"),
    ("get", "/api/v1/directory"),
    ("get", "/api/v1/admin/directory/hsds"),
    ("get", "/api/v1/admin/directory/csv"),
    ("post", "/api/v1/admin/directory/import"),
    ("delete", "/api/v1/admin/directory/{id}"),
];

async fn openapi_check(server: &TestServer) {
    let doc: Value = server.json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    let documented: std::collections::BTreeSet<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    let routed: std::collections::BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(method, path)| ((*method).to_owned(), (*path).to_owned()))
        .collect();
    assert_eq!(documented, routed, "the document and the routes differ");
    // Every documented operation reaches a handler, not the router's "no such route" (404)
    // or "method not allowed" (405) fallbacks.
    for (method, path) in &documented {
        let concrete = path
            .replace("{id}", "questura-asti")
            .replace("{istat}", "005005")
            .replace("{code}", "K7MX4PRT")
            .replace("{hold_id}", "aaaaaaaaaaaaaaaaaaaaaaaa")
            .replace("{username}", "nobody");
        let url = format!("{}{concrete}", server.base);
        let request = match method.as_str() {
            "get" => server.http.get(url),
            "post" => server.http.post(url).json(&serde_json::json!({})),
            "put" => server.http.put(url).json(&serde_json::json!({})),
            "delete" => server.http.delete(url),
            other => panic!("unexpected method {other}"),
        };
        let response = request.send().await.unwrap();
        let status = response.status();
        // An event stream never ends: its head says enough.
        if path.ends_with("/events") {
            assert_eq!(status, StatusCode::OK, "{method} {path}");
            assert_eq!(response.headers()["content-type"], "text/event-stream");
            continue;
        }
        let body = response.text().await.unwrap();
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        assert!(
            !body.contains("no such resource"),
            "{method} {path} is documented but not routed"
        );
        assert!(status.as_u16() < 500, "{method} {path}: {status} {body}");
    }
    anonymous_check(server, paths).await;
    // A write with an Idempotency-Key may be told the key was used for another request.
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let keyed = operation["parameters"]
                .as_array()
                .is_some_and(|parameters| {
                    parameters.iter().any(|p| p["name"] == "Idempotency-Key")
                });
            if keyed {
                let described = operation["responses"]["422"]["description"]
                    .as_str()
                    .unwrap_or_default();
                assert!(
                    described.contains("idempotency_mismatch"),
                    "{method} {path}: {described:?}"
                );
            }
        }
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "Office",
        "Counter",
        "Procedure",
        "Comune",
        "ChangePage",
        "Problem",
        "Hold",
        "Booking",
        "Availability",
        "Person",
    ] {
        assert!(schemas.contains_key(schema), "schema {schema} is missing");
    }
}

/// Every operation the document says needs a token answers 401 to a caller without one, even
/// with a body that is not JSON: who may call is settled before anything is read, so a
/// stranger learns nothing of what a request should look like.
async fn anonymous_check(server: &TestServer, paths: &serde_json::Map<String, Value>) {
    let mut checked = 0;
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let security = operation["security"].as_array();
            let token_only = security.is_some_and(|alternatives| {
                alternatives
                    .iter()
                    .all(|alternative| alternative.get("bearer").is_some())
            });
            if !token_only {
                continue;
            }
            let concrete = path
                .replace("{id}", "questura-asti")
                .replace("{lang}", "ar")
                .replace("{code}", "K7MX4PRT")
                .replace("{lease_id}", "aaaaaaaaaaaaaaaaaaaaaaaa")
                .replace("{username}", "nobody");
            let url = format!("{}{concrete}?unexpected=1", server.base);
            let request = server
                .http
                .request(method.to_uppercase().parse().unwrap(), url)
                .header("content-type", "application/json")
                .body("{\"not json");
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{method} {path} without a token"
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} operations need a token");
}

async fn feed_paging_check(server: &TestServer) {
    let (pages, cursor) = server.pull_all(0, 7).await;
    let changes: Vec<_> = pages.iter().flat_map(|p| p.changes.iter()).collect();
    // 117 comuni + 3 offices + their counters + the procedures + the questions and answers +
    // the services directory's organizations.
    let procedures: Vec<Procedure> = server.json("/api/v1/procedures").await;
    let counters: Vec<serde_json::Value> = server.json("/api/v1/counters").await;
    let faq: Vec<serde_json::Value> = server.json("/api/v1/faq").await;
    let directory: Vec<serde_json::Value> = server.json("/api/v1/directory").await;
    assert!(faq.len() >= 40, "the demo's questions and answers");
    assert!(directory.len() >= 40, "the demo's directory");
    assert_eq!(
        changes.len(),
        117 + 3 + counters.len() + procedures.len() + faq.len() + directory.len()
    );
    assert!(pages.iter().all(|p| p.changes.len() <= 7));
    assert!(
        changes.windows(2).all(|w| w[0].seq < w[1].seq),
        "seq strictly increases"
    );
    let keys: HashSet<_> = changes
        .iter()
        .map(|c| match &c.op {
            ChangeOp::Upsert { record } => (record.kind(), record.id().to_owned()),
            ChangeOp::Delete { .. } => panic!("no deletions in a fresh feed"),
        })
        .collect();
    assert_eq!(keys.len(), changes.len(), "each row exactly once");
    assert_eq!(cursor, changes.last().unwrap().seq);

    // An idle pull is one small, empty page that keeps the cursor.
    let idle: ChangePage = server
        .json(&format!("/api/v1/sync/changes?since={cursor}"))
        .await;
    assert!(idle.changes.is_empty() && !idle.more);
    assert_eq!(idle.cursor, cursor);
}

async fn feed_edits_check(server: &TestServer) {
    let (_, cursor) = server.pull_all(0, 500).await;

    let mut office: Office = server.json("/api/v1/offices/sui-asti").await;
    office.website = Some("https://example.invalid/sui".into());
    let db = server.server.db();
    let mut tx = db.pool().begin().await.unwrap();
    sportello_server::db::upsert_record(&mut tx, &Record::Office(office.clone()))
        .await
        .unwrap();
    let deleted = sportello_server::db::delete_record(
        &mut tx,
        EntityKind::Procedure,
        "prefettura-asti-cittadinanza-info",
    )
    .await
    .unwrap();
    assert!(deleted);
    tx.commit().await.unwrap();

    let (pages, _) = server.pull_all(cursor, 500).await;
    let changes: Vec<_> = pages.into_iter().flat_map(|p| p.changes).collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(
        changes[0].op,
        ChangeOp::Upsert {
            record: Record::Office(office)
        }
    );
    assert_eq!(
        changes[1].op,
        ChangeOp::Delete {
            entity: EntityKind::Procedure,
            id: "prefettura-asti-cittadinanza-info".into()
        }
    );
    server
        .problem(
            "/api/v1/procedures/prefettura-asti-cittadinanza-info",
            ProblemCode::NotFound,
        )
        .await;
}

#[tokio::test]
async fn a_restart_keeps_the_data_and_does_not_seed_twice() {
    for database in databases::all().await {
        restart_check(&database).await;
    }
}

async fn restart_check(database: &TestDatabase) {
    let first = Server::start(&config(database)).await.unwrap();
    let base = format!("http://{}", first.addr());
    let feed: ChangePage = reqwest::get(format!("{base}/api/v1/sync/changes?limit=1000"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // An administrator removes a comune; a restart must not bring it back.
    let mut conn = first.db().pool().acquire().await.unwrap();
    sportello_server::db::delete_record(&mut conn, EntityKind::Comune, "005001")
        .await
        .unwrap();
    drop(conn);
    first.stop().await.unwrap();

    let second = Server::start(&config(database)).await.unwrap();
    let base = format!("http://{}", second.addr());
    let comuni: Vec<Comune> = reqwest::get(format!("{base}/api/v1/comuni"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(comuni.len(), 116);
    let again: ChangePage =
        reqwest::get(format!("{base}/api/v1/sync/changes?since={}", feed.cursor))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(
        again.changes.len(),
        1,
        "only the deletion is new: {:?}",
        again.changes
    );
    assert_eq!(again.feed, feed.feed, "a restart keeps the feed");
    second.stop().await.unwrap();
}

#[tokio::test]
async fn demo_data_never_lands_in_a_database_that_holds_data() {
    for database in databases::all().await {
        let mut real = config(&database);
        real.seed = Seed::None;
        let server = Server::start(&real).await.unwrap();
        let matera = Comune {
            istat: "077014".into(),
            name: "Matera".into(),
            province: "MT".into(),
            capoluogo: true,
            location: sportello_core::model::GeoPoint {
                lat: 40.666,
                lon: 16.604,
            },
            patron_day: Some("07-02".parse().unwrap()),
        };
        let mut conn = server.db().pool().acquire().await.unwrap();
        sportello_server::db::upsert_record(&mut conn, &Record::Comune(matera))
            .await
            .unwrap();
        drop(conn);
        server.stop().await.unwrap();

        // Restarted with the default seed: the real data stays alone.
        let server = Server::start(&config(&database)).await.unwrap();
        let base = format!("http://{}", server.addr());
        let offices: Vec<Office> = reqwest::get(format!("{base}/api/v1/offices"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            offices.is_empty(),
            "{}: demo offices were loaded",
            database.backend()
        );
        let comuni: Vec<Comune> = reqwest::get(format!("{base}/api/v1/comuni"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(comuni.len(), 1);
        server.stop().await.unwrap();
    }
}
