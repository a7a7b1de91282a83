//! The harness of the server's HTTP tests: a server on loopback over a test database, with a
//! clock the tests move, and a client with the calls the tests make. Each test crate uses a
//! part of it.
#![allow(dead_code)]

use crate::databases::TestDatabase;
use jiff::Timestamp;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::booking::{Availability, Booking, Hold};
use sportello_server::Server;
use sportello_server::clock::ManualClock;
use sportello_server::config::Config;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Monday 30 November 2026, 08:00 in Rome.
pub const MONDAY_8AM: &str = "2026-11-30T07:00:00Z";
pub const RENEWAL: &str = "questura-asti-permesso-rinnovo";
pub const QUESTURA: &str = "questura-asti";

#[macro_export]
macro_rules! on_every_database {
    ($($name:ident => $check:ident;)*) => {$(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        async fn $name() {
            for database in databases::all().await {
                let harness = Harness::start(&database, MONDAY_8AM).await;
                $check(&harness).await;
                harness.server.stop().await.unwrap();
            }
        }
    )*};
}

pub struct Harness {
    pub server: Server,
    pub clock: Arc<ManualClock>,
    pub base: String,
    pub http: reqwest::Client,
}

pub fn ts(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A fresh idempotency key.
pub fn key() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "key-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A person with a passport number and a date of birth of their own.
pub fn person(n: u32) -> Value {
    json!({
        "given_names": "Amina",
        "surname": format!("Testperson{}", char::from(b'a' + (n % 26) as u8)),
        "date_of_birth": date_of_birth(n),
        "nationality": "MA",
        "identity": {"kind": "passport", "number": format!("PX{n:07}")},
        "phone": "+39 333 000 0000"
    })
}

/// What person `n` proves a booking with: the date of birth and the passport number's end.
pub fn proof(n: u32) -> Value {
    json!({"date_of_birth": date_of_birth(n), "document_end": document_end(n)})
}

/// The last four characters of person `n`'s passport number.
pub fn document_end(n: u32) -> String {
    format!("{:04}", n % 10_000)
}

pub fn date_of_birth(n: u32) -> String {
    format!("19{:02}-{:02}-{:02}", 60 + n % 40, 1 + n % 12, 1 + n % 28)
}

impl Harness {
    pub async fn start(database: &TestDatabase, now: &str) -> Harness {
        Harness::start_with(database, now, 0).await
    }

    /// With `holds_per_address` for citizens (0: off, so tests can hold freely from loopback).
    pub async fn start_with(database: &TestDatabase, now: &str, holds_per_address: u32) -> Harness {
        Harness::start_configured(database, now, |config| {
            config.holds_per_address = holds_per_address;
        })
        .await
    }

    /// On the demo province, configured further by `configure`.
    pub async fn start_configured(
        database: &TestDatabase,
        now: &str,
        configure: impl FnOnce(&mut Config),
    ) -> Harness {
        let clock = Arc::new(ManualClock::new(ts(now)));
        let mut config = Harness::config(database);
        configure(&mut config);
        Harness::start_on(&config, clock).await
    }

    /// The configuration a harness starts from: the demo province on `database`.
    pub fn config(database: &TestDatabase) -> Config {
        let mut config = Config::demo("127.0.0.1:0".parse().unwrap(), database.location());
        config.key_file = Some(database.key_file());
        config
    }

    pub async fn start_on(config: &Config, clock: Arc<ManualClock>) -> Harness {
        let server = Server::start_with_clock(config, clock.clone())
            .await
            .unwrap();
        Harness {
            base: format!("http://{}", server.addr()),
            server,
            clock,
            http: reqwest::Client::new(),
        }
    }

    pub fn set_now(&self, now: &str) {
        self.clock.set(ts(now));
    }

    pub async fn housekeeping(&self) {
        let state = self.server.state();
        sportello_server::booking::housekeeping(&state.db, state.clock.now(), &state.settings)
            .await
            .unwrap();
    }

    pub async fn send(
        &self,
        request: reqwest::RequestBuilder,
        token: Option<&str>,
    ) -> reqwest::Response {
        let request = match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        request.send().await.unwrap()
    }

    /// The keys a counter checks receipts with, as the server publishes them.
    pub async fn published_keys(&self) -> sportello_core::receipt::KeySet {
        let response = self.get("/api/v1/keys", None).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        response.json().await.unwrap()
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        self.send(self.http.get(format!("{}{path}", self.base)), token)
            .await
    }

    pub async fn post(
        &self,
        path: &str,
        token: Option<&str>,
        key: Option<&str>,
        body: &Value,
    ) -> reqwest::Response {
        let mut request = self.http.post(format!("{}{path}", self.base)).json(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        self.send(request, token).await
    }

    pub async fn put(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.send(
            self.http.put(format!("{}{path}", self.base)).json(body),
            Some(token),
        )
        .await
    }

    pub async fn login(&self, username: &str, password: &str) -> String {
        let response = self
            .post(
                "/api/v1/auth/login",
                None,
                None,
                &json!({"username": username, "password": password}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "login {username}");
        let session: Value = response.json().await.unwrap();
        session["token"].as_str().unwrap().to_owned()
    }

    pub async fn availability(&self, procedure: &str, from: Option<&str>) -> Availability {
        let mut path = format!("/api/v1/availability?procedure_id={procedure}&limit=200");
        if let Some(from) = from {
            path.push_str(&format!("&from={from}"));
        }
        let response = self.get(&path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.json().await.unwrap()
    }

    pub async fn hold(
        &self,
        procedure: &str,
        office: &str,
        start: Timestamp,
        token: Option<&str>,
    ) -> reqwest::Response {
        self.post(
            "/api/v1/holds",
            token,
            Some(&key()),
            &json!({"procedure_id": procedure, "office_id": office, "start": start}),
        )
        .await
    }

    pub async fn confirm(
        &self,
        hold_id: &str,
        person: &Value,
        token: Option<&str>,
    ) -> reqwest::Response {
        self.post(
            &format!("/api/v1/holds/{hold_id}/confirm"),
            token,
            Some(&key()),
            &json!({"person": person}),
        )
        .await
    }

    /// Holds and confirms, asserting success.
    pub async fn book(
        &self,
        procedure: &str,
        office: &str,
        start: Timestamp,
        person: &Value,
        token: Option<&str>,
    ) -> Booking {
        let response = self.hold(procedure, office, start, token).await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "{:?}",
            response.text().await
        );
        let hold: Hold = response.json().await.unwrap();
        let response = self.confirm(&hold.hold_id, person, token).await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "{:?}",
            response.text().await
        );
        response.json().await.unwrap()
    }

    pub async fn first_slot(&self, procedure: &str) -> Timestamp {
        self.availability(procedure, None).await.slots[0].start
    }
}

pub async fn problem(response: reqwest::Response, code: ProblemCode) -> Problem {
    assert_eq!(
        response.status().as_u16(),
        code.status(),
        "expected {code:?}"
    );
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Problem = response.json().await.unwrap();
    assert_eq!(problem.code, code);
    problem
}

/// An enrolled kiosk as the tests drive it: its key and a token.
pub struct TestKiosk {
    pub id: String,
    pub key: ed25519_dalek::SigningKey,
    pub token: String,
}

impl Harness {
    /// Registers a kiosk (as `admin`), enrols a fresh key with the code, and gets a token.
    pub async fn enrol_kiosk(&self, admin: &str, id: &str) -> TestKiosk {
        let response = self
            .post(
                "/api/v1/admin/kiosks",
                Some(admin),
                None,
                &json!({"kiosk_id": id, "place": format!("Sportello {id}"), "comune_istat": "005005"}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "register {id}");
        let code: Value = response.json().await.unwrap();
        let key = ed25519_dalek::SigningKey::from_bytes(&std::array::from_fn(|_| fastrand::u8(..)));
        let response = self
            .post(
                "/api/v1/kiosk/enrol",
                None,
                None,
                &json!({"code": code["code"], "public_key": sportello_core::lease::key_text(&key.verifying_key())}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "enrol {id}");
        let token = self.kiosk_token(id, &key).await.expect("a token");
        TestKiosk {
            id: id.to_owned(),
            key,
            token,
        }
    }

    /// A token for an enrolled kiosk; the refusal's status when it gets none.
    pub async fn kiosk_token(
        &self,
        id: &str,
        key: &ed25519_dalek::SigningKey,
    ) -> Result<String, StatusCode> {
        use ed25519_dalek::Signer;
        let response = self
            .post(
                "/api/v1/kiosk/challenge",
                None,
                None,
                &json!({"kiosk_id": id}),
            )
            .await;
        if response.status() != StatusCode::OK {
            return Err(response.status());
        }
        let challenge: Value = response.json().await.unwrap();
        let challenge = challenge["challenge"].as_str().unwrap().to_owned();
        let signature = key.sign(&sportello_core::device::token_proof(id, &challenge));
        let response = self
            .post(
                "/api/v1/kiosk/token",
                None,
                None,
                &json!({"kiosk_id": id, "challenge": challenge,
                    "signature": base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, signature.to_bytes())}),
            )
            .await;
        if response.status() != StatusCode::OK {
            return Err(response.status());
        }
        let token: Value = response.json().await.unwrap();
        Ok(token["token"].as_str().unwrap().to_owned())
    }
}
