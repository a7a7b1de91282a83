//! What the README's "Security" section promises, checked on a running server over HTTP, on
//! SQLite and PostgreSQL: limits on guessing that never lock the owner out and hold across
//! restarts, client addresses from a trusted reverse proxy only, passwords their owners
//! change, caps on holds, answers no one else can replay, large bodies refused unread, strict
//! pages for phones, and the keys and the database file kept private.
//!
//! A small reverse proxy in the test (axum, on 127.0.0.1) stands for nginx: clients reach it
//! from their own loopback addresses (127.0.0.2, 127.0.0.3), and it tells the server who they
//! are in `X-Forwarded-For`.

mod databases;
#[macro_use]
mod harness;

use axum::extract::{ConnectInfo, Request, State};
use harness::*;
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::api::ProblemCode;
use sportello_core::booking::Hold;
use sportello_server::clock::Clock;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// A reverse proxy on 127.0.0.1 in front of `upstream`, adding `X-Forwarded-For` with the
/// client's address, as nginx's `proxy_add_x_forwarded_for` does. Its address.
async fn start_proxy(upstream: String) -> SocketAddr {
    async fn forward(
        State(upstream): State<String>,
        ConnectInfo(client): ConnectInfo<SocketAddr>,
        request: Request,
    ) -> axum::response::Response {
        let (parts, body) = request.into_parts();
        let body = axum::body::to_bytes(body, 1 << 20).await.unwrap();
        let mut forwarded = reqwest::Client::new()
            .request(parts.method, format!("{upstream}{}", parts.uri))
            .body(body);
        for (name, value) in &parts.headers {
            if name != "host" && name != "x-forwarded-for" {
                forwarded = forwarded.header(name, value);
            }
        }
        // What arrived in the header (a client may have written one) plus the client.
        let chain = match parts.headers.get("x-forwarded-for") {
            Some(earlier) => format!("{}, {}", earlier.to_str().unwrap(), client.ip()),
            None => client.ip().to_string(),
        };
        let answer = forwarded
            .header("x-forwarded-for", chain)
            .send()
            .await
            .unwrap();
        let mut response = axum::response::Response::builder().status(answer.status());
        for (name, value) in answer.headers() {
            response = response.header(name, value);
        }
        response
            .body(axum::body::Body::from(answer.bytes().await.unwrap()))
            .unwrap()
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new()
        .fallback(forward)
        .with_state(upstream)
        .into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// A client on its own loopback address.
fn client_at(address: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(address.parse::<IpAddr>().unwrap())
        .build()
        .unwrap()
}

async fn login(
    http: &reqwest::Client,
    base: &str,
    username: &str,
    password: &str,
) -> reqwest::Response {
    http.post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap()
}

/// A server behind the test's proxy, which it trusts; the proxy's base URL.
async fn behind_proxy(database: &databases::TestDatabase) -> (Harness, String) {
    let h = Harness::start_configured(database, MONDAY_8AM, |config| {
        config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        config.holds_per_address = 2;
        config.holds_per_account = 2;
    })
    .await;
    let proxy = start_proxy(h.base.clone()).await;
    (h, format!("http://{proxy}"))
}

async fn rows(h: &Harness, table: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(h.server.db().pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_strangers_wrong_passwords_never_lock_the_owner_out() {
    for database in databases::all().await {
        let (h, proxy) = behind_proxy(&database).await;
        let stranger = client_at("127.0.0.2");
        let owner = client_at("127.0.0.3");
        // Five wrong passwords for the administrator from the stranger's address, then
        // refused there, with how long to wait.
        for _ in 0..5 {
            let response = login(&stranger, &proxy, "admin", "not-the-password").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let locked = login(&stranger, &proxy, "admin", "sportello-admin").await;
        assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(locked.headers().contains_key("retry-after"));
        // The owner, from elsewhere, is not held up by it.
        assert_eq!(
            login(&owner, &proxy, "admin", "sportello-admin")
                .await
                .status(),
            StatusCode::OK
        );
        // Writing another address in the header does not get the stranger out: only what
        // the trusted proxy adds counts.
        let forged = stranger
            .post(format!("{proxy}/api/v1/auth/login"))
            .header("x-forwarded-for", "127.0.0.9")
            .json(&json!({"username": "admin", "password": "sportello-admin"}))
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS);
        // Nor does a `Forwarded` header of its own, which the proxy passes on untouched: the
        // server reads only the header the proxy sets.
        let forged = stranger
            .post(format!("{proxy}/api/v1/auth/login"))
            .header("forwarded", "for=127.0.0.9")
            .json(&json!({"username": "admin", "password": "sportello-admin"}))
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS);
        // Nor does talking to the server directly with a header naming the owner's address:
        // the stranger's machine is no trusted proxy, so it is still the stranger.
        let direct = stranger
            .post(format!("{}/api/v1/auth/login", h.base))
            .header("x-forwarded-for", "127.0.0.3")
            .json(&json!({"username": "admin", "password": "sportello-admin"}))
            .send()
            .await
            .unwrap();
        assert_eq!(direct.status(), StatusCode::TOO_MANY_REQUESTS);

        // One address guessing many accounts is limited too.
        let scanner = client_at("127.0.0.4");
        let mut limited = false;
        for n in 0..40 {
            let response = login(&scanner, &proxy, &format!("user{n}"), "guess-guess").await;
            if response.status() == StatusCode::TOO_MANY_REQUESTS {
                limited = true;
                break;
            }
        }
        assert!(limited, "logins per address are limited");

        // Twenty guesses at once from one address: each is counted before it is judged, so
        // no more than five are.
        let burst = client_at("127.0.0.5");
        let guesses: Vec<_> = (0..20)
            .map(|_| {
                let (burst, proxy) = (burst.clone(), proxy.clone());
                tokio::spawn(async move {
                    login(&burst, &proxy, "questura.staff", "wrong-guess")
                        .await
                        .status()
                })
            })
            .collect();
        let mut judged = 0;
        for guess in guesses {
            match guess.await.unwrap() {
                StatusCode::UNAUTHORIZED => judged += 1,
                status => assert_eq!(status, StatusCode::TOO_MANY_REQUESTS),
            }
        }
        assert_eq!(judged, 5, "wrong passwords judged at once");

        // Time heals: the stranger's address may try again, and the cells are dropped once
        // they remember nothing.
        h.clock.advance(SignedDuration::from_mins(6));
        assert_eq!(
            login(&stranger, &proxy, "admin", "sportello-admin")
                .await
                .status(),
            StatusCode::OK
        );
        assert!(rows(&h, "rate_limits").await > 0);
        h.clock.advance(SignedDuration::from_hours(2));
        h.housekeeping().await;
        assert_eq!(rows(&h, "rate_limits").await, 0, "pruned");
        h.server.stop().await.unwrap();
    }
}

/// Asks to see a booking through `proxy` with `proof`, from `client`'s address.
async fn lookup_status(
    client: &reqwest::Client,
    proxy: &str,
    code: &str,
    proof: &Value,
) -> StatusCode {
    client
        .post(format!("{proxy}/api/v1/bookings/{code}/lookup"))
        .json(proof)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn proof_guesses_are_limited_per_address_and_per_booking_across_restarts() {
    for database in databases::all().await {
        let (h, proxy) = behind_proxy(&database).await;
        let start = h.first_slot(RENEWAL).await;
        let booking = h.book(RENEWAL, QUESTURA, start, &person(70), None).await;
        let code = booking.code.clone();
        let stranger = client_at("127.0.0.2");
        let owner = client_at("127.0.0.3");
        // The date of birth alone (it is on many documents) finds nothing.
        let birth_only = json!({"date_of_birth": date_of_birth(70), "document_end": "0000"});
        assert_eq!(
            lookup_status(&stranger, &proxy, &code, &birth_only).await,
            StatusCode::NOT_FOUND
        );
        // A stranger at one address: five wrong proofs, then refused there.
        for _ in 1..5 {
            assert_eq!(
                lookup_status(&stranger, &proxy, &code, &proof(71)).await,
                StatusCode::NOT_FOUND
            );
        }
        assert_eq!(
            lookup_status(&stranger, &proxy, &code, &proof(71)).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // The owner, from elsewhere, is not held up by them.
        assert_eq!(
            lookup_status(&owner, &proxy, &code, &proof(70)).await,
            StatusCode::OK
        );
        // Twenty guesses sent at once from another address: each is counted before it is
        // judged, so no more are judged than that address may make.
        let other = client_at("127.0.0.4");
        let guesses: Vec<_> = (0..20)
            .map(|_| {
                let (other, proxy, code) = (other.clone(), proxy.clone(), code.clone());
                tokio::spawn(async move { lookup_status(&other, &proxy, &code, &proof(71)).await })
            })
            .collect();
        let mut judged = 0;
        for guess in guesses {
            match guess.await.unwrap() {
                StatusCode::NOT_FOUND => judged += 1,
                status => assert_eq!(status, StatusCode::TOO_MANY_REQUESTS),
            }
        }
        assert_eq!(judged, 5, "guesses judged at once");
        // Ten wrong proofs from anywhere use up the booking's own allowance: now its owner
        // waits too (the kiosk and the receipt page send them to an office).
        assert_eq!(
            lookup_status(&owner, &proxy, &code, &proof(70)).await,
            StatusCode::TOO_MANY_REQUESTS
        );

        // A restart forgets nothing: the counts are in the database.
        let clock = h.clock.clone();
        h.server.stop().await.unwrap();
        let mut config = Harness::config(&database);
        config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
        let h = Harness::start_on(&config, clock).await;
        let proxy = format!("http://{}", start_proxy(h.base.clone()).await);
        assert_eq!(
            lookup_status(&owner, &proxy, &code, &proof(70)).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // Another booking is not held up.
        let other_booking = h.book(RENEWAL, QUESTURA, start, &person(72), None).await;
        assert_eq!(
            lookup_status(&owner, &proxy, &other_booking.code, &proof(72)).await,
            StatusCode::OK
        );
        // Ten minutes on, the owner gets in; the stranger's address is still held back.
        h.clock.advance(SignedDuration::from_mins(10));
        assert_eq!(
            lookup_status(&owner, &proxy, &code, &proof(70)).await,
            StatusCode::OK
        );
        assert_eq!(
            lookup_status(&stranger, &proxy, &code, &proof(70)).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn passwords_are_changed_by_their_owner_and_reset_by_an_administrator() {
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let admin = h.login("admin", "sportello-admin").await;
        let created = h
            .post(
                "/api/v1/admin/users",
                Some(&admin),
                None,
                &json!({"username": "mario.rossi", "password": "temporanea-123",
                    "role": "staff", "office_id": QUESTURA}),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
        // A temporary password: the session may only change it.
        let session: Value = login(&h.http, &h.base, "mario.rossi", "temporanea-123")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(session["must_change_password"], true);
        let token = session["token"].as_str().unwrap().to_owned();
        let day = format!("/api/v1/bookings?office_id={QUESTURA}&day=2026-12-01");
        problem(
            h.get(&day, Some(&token)).await,
            ProblemCode::PasswordChangeRequired,
        )
        .await;
        // Nor is it taken for someone without an account where anyone may go.
        problem(
            h.post(
                "/api/v1/bookings/K7MX4PRT/lookup",
                Some(&token),
                None,
                &proof(1),
            )
            .await,
            ProblemCode::PasswordChangeRequired,
        )
        .await;
        assert_eq!(
            h.get("/api/v1/auth/me", Some(&token)).await.status(),
            StatusCode::OK
        );
        let change = |old: &str, new: &str| json!({"old_password": old, "new_password": new});
        problem(
            h.post(
                "/api/v1/auth/password",
                Some(&token),
                None,
                &change("sbagliata-999", "la-mia-password-1"),
            )
            .await,
            ProblemCode::Unauthorized,
        )
        .await;
        problem(
            h.post(
                "/api/v1/auth/password",
                Some(&token),
                None,
                &change("temporanea-123", "corta"),
            )
            .await,
            ProblemCode::InvalidInput,
        )
        .await;
        // A second session (another office PC) ends when the password changes; this one
        // goes on, now with every right of the account.
        let other = h.login("mario.rossi", "temporanea-123").await;
        let changed = h
            .post(
                "/api/v1/auth/password",
                Some(&token),
                None,
                &change("temporanea-123", "la-mia-password-1"),
            )
            .await;
        assert_eq!(changed.status(), StatusCode::NO_CONTENT);
        assert_eq!(h.get(&day, Some(&token)).await.status(), StatusCode::OK);
        problem(h.get(&day, Some(&other)).await, ProblemCode::Unauthorized).await;
        assert_eq!(
            login(&h.http, &h.base, "mario.rossi", "temporanea-123")
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        // Forgotten: an administrator sets a new temporary one, which ends every session.
        problem(
            h.post(
                "/api/v1/admin/users/mario.rossi/password",
                Some(&token),
                None,
                &json!({"password": "un-altra-temporanea"}),
            )
            .await,
            ProblemCode::Forbidden,
        )
        .await;
        let reset = h
            .post(
                "/api/v1/admin/users/mario.rossi/password",
                Some(&admin),
                None,
                &json!({"password": "un-altra-temporanea"}),
            )
            .await;
        assert_eq!(reset.status(), StatusCode::NO_CONTENT);
        problem(h.get(&day, Some(&token)).await, ProblemCode::Unauthorized).await;
        let session: Value = login(&h.http, &h.base, "mario.rossi", "un-altra-temporanea")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(session["must_change_password"], true);
        problem(
            h.post(
                "/api/v1/admin/users/nobody.here/password",
                Some(&admin),
                None,
                &json!({"password": "un-altra-temporanea"}),
            )
            .await,
            ProblemCode::NotFound,
        )
        .await;
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn live_holds_are_capped_per_address_account_and_kiosk() {
    for database in databases::all().await {
        let (h, proxy) = behind_proxy(&database).await;
        let slots = h.availability(RENEWAL, None).await.slots;
        let hold_from = |http: reqwest::Client, token: Option<String>, n: usize| {
            let url = format!("{proxy}/api/v1/holds");
            let start = slots[n].start;
            async move {
                let mut request = http
                    .post(url)
                    .header("Idempotency-Key", key())
                    .json(&json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start}));
                if let Some(token) = token {
                    request = request.bearer_auth(token);
                }
                request.send().await.unwrap()
            }
        };
        // People without an account: two live holds per address, then wait.
        let phone = client_at("127.0.0.2");
        let first_key = key();
        let first_hold =
            json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": slots[0].start});
        let retry_first = || {
            phone
                .post(format!("{proxy}/api/v1/holds"))
                .header("Idempotency-Key", &first_key)
                .json(&first_hold)
                .send()
        };
        let first: Hold = retry_first().await.unwrap().json().await.unwrap();
        let held = hold_from(phone.clone(), None, 1).await;
        assert_eq!(held.status(), StatusCode::CREATED);
        let third = hold_from(phone.clone(), None, 2).await;
        assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(third.headers().contains_key("retry-after"));
        // A retry of a hold that went through gets its answer again, not "too many".
        let retried = retry_first().await.unwrap();
        assert_eq!(retried.status(), StatusCode::CREATED);
        assert_eq!(retried.json::<Hold>().await.unwrap().hold_id, first.hold_id);
        assert_eq!(
            hold_from(client_at("127.0.0.3"), None, 3).await.status(),
            StatusCode::CREATED,
            "another address is not held up"
        );
        // An operator's account, and a kiosk: two at once each (in this test's setting).
        let operator = h.login("asti.operatore", "sportello-operatore").await;
        let mut held = Vec::new();
        for n in 4..6 {
            let response = hold_from(h.http.clone(), Some(operator.clone()), n).await;
            assert_eq!(response.status(), StatusCode::CREATED);
            held.push(response.json::<Hold>().await.unwrap());
        }
        problem(
            hold_from(h.http.clone(), Some(operator.clone()), 6).await,
            ProblemCode::TooManyRequests,
        )
        .await;
        // Counted in the database: a restart changes nothing.
        let clock = h.clock.clone();
        let config = {
            let mut config = Harness::config(&database);
            config.holds_per_account = 2;
            config
        };
        h.server.stop().await.unwrap();
        let h = Harness::start_on(&config, clock).await;
        let again = h
            .post(
                "/api/v1/holds",
                Some(&operator),
                Some(&key()),
                &json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": slots[6].start}),
            )
            .await;
        problem(again, ProblemCode::TooManyRequests).await;
        // One released: room for the next.
        let released = h
            .send(
                h.http
                    .delete(format!("{}/api/v1/holds/{}", h.base, held[0].hold_id)),
                Some(&operator),
            )
            .await;
        assert_eq!(released.status(), StatusCode::NO_CONTENT);
        let next = h
            .hold(RENEWAL, QUESTURA, slots[6].start, Some(&operator))
            .await;
        assert_eq!(next.status(), StatusCode::CREATED);
        let admin = h.login("admin", "sportello-admin").await;
        let kiosk = h.enrol_kiosk(&admin, "asti-cap-1").await;
        for slot in &slots[7..9] {
            let response = h
                .hold(RENEWAL, QUESTURA, slot.start, Some(&kiosk.token))
                .await;
            assert_eq!(response.status(), StatusCode::CREATED);
        }
        problem(
            h.hold(RENEWAL, QUESTURA, slots[9].start, Some(&kiosk.token))
                .await,
            ProblemCode::TooManyRequests,
        )
        .await;
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_the_server_was_too_busy_to_judge_counts_as_no_failure() {
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let state = h.server.state().clone();
        // Every password check slot taken (as by a burst of logins elsewhere)...
        let mut taken = Vec::new();
        while state.limits.password_checks_free() > 0 {
            taken.push(state.limits.password_check().await.unwrap());
        }
        // ...the owner's logins wait, and are told to come back.
        let tries: Vec<_> = (0..5)
            .map(|_| {
                let (http, base) = (h.http.clone(), h.base.clone());
                tokio::spawn(async move {
                    login(&http, &base, "admin", "sportello-admin")
                        .await
                        .status()
                })
            })
            .collect();
        for attempt in tries {
            assert_eq!(attempt.await.unwrap(), StatusCode::SERVICE_UNAVAILABLE);
        }
        drop(taken);
        // None was judged wrong: the owner is not locked out by the server's own load.
        assert_eq!(
            login(&h.http, &h.base, "admin", "sportello-admin")
                .await
                .status(),
            StatusCode::OK
        );
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_password_change_under_way_never_undoes_an_administrators_reset() {
    use sportello_server::auth::{NewPassword, set_password};
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let session = h.login("questura.staff", "sportello-staff").await;
        let state = h.server.state().clone();
        // The owner's change has read the old password and waits to check it...
        let mut taken = Vec::new();
        while state.limits.password_checks_free() > 0 {
            taken.push(state.limits.password_check().await.unwrap());
        }
        let change = {
            let (http, url) = (h.http.clone(), format!("{}/api/v1/auth/password", h.base));
            tokio::spawn(async move {
                http.post(url)
                    .bearer_auth(session)
                    .json(&json!({"old_password": "sportello-staff", "new_password": "scelta-dal-ladro"}))
                    .send()
                    .await
                    .unwrap()
            })
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(!change.is_finished(), "waiting for a password check");
        // ...when an administrator resets it (the account was stolen, say).
        let temporary = NewPassword::hash("provvisoria-nuova".to_owned())
            .await
            .unwrap();
        let mut tx = h.server.db().begin_write().await.unwrap();
        set_password(&mut tx, "questura.staff", temporary, true, None)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        drop(taken);
        // Refused for its password, not for its session: it had got past the session check
        // before the reset ended every session (else this test would prove nothing).
        let refused = problem(change.await.unwrap(), ProblemCode::Unauthorized).await;
        assert_eq!(
            refused.detail.as_deref(),
            Some("wrong username or password")
        );
        // The reset stands: the old password changed nothing.
        assert_eq!(
            login(&h.http, &h.base, "questura.staff", "scelta-dal-ladro")
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        let answer: Value = login(&h.http, &h.base, "questura.staff", "provvisoria-nuova")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(answer["must_change_password"], true);
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn whether_a_person_has_a_booking_is_told_a_stranger_five_times_an_hour_at_most() {
    const PSE: &str = "questura-asti-ritiro-pse";
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let slots = h.availability(RENEWAL, None).await.slots;
        let booked = h
            .book(RENEWAL, QUESTURA, slots[0].start, &person(95), None)
            .await;
        let hold = |n: usize| {
            let h = &h;
            let start = slots[n].start;
            async move {
                let response = h.hold(RENEWAL, QUESTURA, start, None).await;
                response.json::<Hold>().await.unwrap().hold_id
            }
        };
        // Five "already booked" answers about one person and procedure (a hold takes three),
        // from anyone without an account...
        for (n, tries) in [(1, 3), (2, 2)] {
            let hold_id = hold(n).await;
            for _ in 0..tries {
                problem(
                    h.confirm(&hold_id, &person(95), None).await,
                    ProblemCode::AlreadyBooked,
                )
                .await;
            }
        }
        let hold_id = hold(3).await;
        problem(
            h.confirm(&hold_id, &person(95), None).await,
            ProblemCode::TooManyRequests,
        )
        .await;
        // ...then every confirmation for them waits, booked or not: cancelled, the booking
        // is no longer there, and the wait still tells nothing (nor is anything booked).
        let cancelled = h
            .post(
                &format!("/api/v1/bookings/{}/cancel", booked.code),
                None,
                Some(&key()),
                &json!({"proof": proof(95)}),
            )
            .await;
        assert_eq!(cancelled.status(), StatusCode::OK);
        problem(
            h.confirm(&hold_id, &person(95), None).await,
            ProblemCode::TooManyRequests,
        )
        .await;
        // Another procedure is not held up, nor are other people, nor operators booking for
        // the person in front of them.
        let pse = h.first_slot(PSE).await;
        h.book(PSE, QUESTURA, pse, &person(95), None).await;
        h.book(RENEWAL, QUESTURA, slots[4].start, &person(96), None)
            .await;
        let operator = h.login("asti.operatore", "sportello-operatore").await;
        h.book(
            RENEWAL,
            QUESTURA,
            slots[5].start,
            &person(95),
            Some(&operator),
        )
        .await;
        // Confirmations that will not be judged (no such hold) count for nothing.
        for _ in 0..6 {
            problem(
                h.confirm("made-up-hold-0000000", &person(97), None).await,
                ProblemCode::HoldExpired,
            )
            .await;
        }
        h.book(RENEWAL, QUESTURA, slots[6].start, &person(97), None)
            .await;
        // An hour on, an answer comes again.
        h.clock.set(h.clock.now() + SignedDuration::from_hours(1));
        let later: Hold = h
            .hold(RENEWAL, QUESTURA, h.first_slot(RENEWAL).await, None)
            .await
            .json()
            .await
            .unwrap();
        problem(
            h.confirm(&later.hold_id, &person(95), None).await,
            ProblemCode::AlreadyBooked,
        )
        .await;
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn people_without_an_account_never_get_each_others_answers() {
    for database in databases::all().await {
        let (h, proxy) = behind_proxy(&database).await;
        let start = h.first_slot(RENEWAL).await;
        let hold = |http: reqwest::Client| {
            let url = format!("{proxy}/api/v1/holds");
            async move {
                http.post(url)
                    .header("Idempotency-Key", "the-same-key-0001")
                    .json(&json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start}))
                    .send()
                    .await
                    .unwrap()
                    .json::<Hold>()
                    .await
                    .unwrap()
            }
        };
        let first = hold(client_at("127.0.0.2")).await;
        let retry = hold(client_at("127.0.0.2")).await;
        assert_eq!(first.hold_id, retry.hold_id, "a retry gets its own answer");
        let other = hold(client_at("127.0.0.3")).await;
        assert_ne!(
            first.hold_id, other.hold_id,
            "the same key from someone else is another request"
        );
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_caller_who_may_not_import_makes_the_server_read_nothing() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let databases = databases::all().await;
    let h = Harness::start(&databases[0], MONDAY_8AM).await;
    // A 16 MiB upload that sends its first bytes and then nothing: answered at once, not when
    // (if ever) the rest arrives.
    let mut socket = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    let head = format!(
        "POST /api/v1/admin/directory/import HTTP/1.1\r\nHost: {}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        h.server.addr(),
        16 << 20
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    // The server may answer and close before these are all taken: that is the point.
    let _ = socket.write_all(&[b' '; 4096]).await;
    // The head of the answer, however many reads it takes.
    let head = async {
        let mut answer = Vec::new();
        let mut chunk = [0u8; 512];
        while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
            let read = socket.read(&mut chunk).await.unwrap();
            assert!(read > 0, "closed before the answer's head");
            answer.extend_from_slice(&chunk[..read]);
        }
        answer
    };
    let answer = tokio::time::timeout(Duration::from_secs(5), head)
        .await
        .expect("refused before the body was read");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    // The rest of the body is left on the connection: the client is told not to use it
    // again (a pooled connection closed under the next request is an error for it).
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("\r\nconnection: close\r\n"),
        "{answer}"
    );
    h.server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_for_phones_allow_nothing_but_themselves() {
    use base64::Engine;
    use sha2::Digest;
    let databases = databases::all().await;
    let h = Harness::start(&databases[0], MONDAY_8AM).await;
    let start = h.first_slot(RENEWAL).await;
    let booking = h.book(RENEWAL, QUESTURA, start, &person(80), None).await;
    let place = {
        let directory: Vec<Value> = h.get("/api/v1/directory", None).await.json().await.unwrap();
        directory[0]["locations"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for path in [
        format!("/r/{}", booking.receipt.unwrap()),
        format!("/p/{place}"),
    ] {
        let response = h.get(&path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .unwrap_or_else(|| panic!("{name} on {path}"))
                .to_str()
                .unwrap()
                .to_owned()
        };
        let policy = header("content-security-policy");
        assert_eq!(header("referrer-policy"), "no-referrer");
        assert_eq!(header("x-content-type-options"), "nosniff");
        for part in [
            "default-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ] {
            assert!(policy.contains(part), "{policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        let html = response.text().await.unwrap();
        assert!(!html.contains("<script"), "no script on {path}");
        // The one inline style is the one the policy names by its hash.
        let style = html
            .split_once("<style>")
            .and_then(|(_, rest)| rest.split_once("</style>"))
            .map(|(style, _)| style)
            .unwrap();
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
        assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
    }
    h.server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn keys_live_in_a_private_file_and_rotate_without_voiding_receipts() {
    use sportello_core::receipt::KeySet;
    use sportello_server::config::{Command, KeysCommand};
    use std::os::unix::fs::PermissionsExt;
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        // Secrets in a file for the server's account only; none in the database.
        assert_eq!(mode(&database.key_file()), 0o600);
        assert_eq!(rows(&h, "server_keys").await, 0);
        if database.backend() == "sqlite" {
            let file = std::path::PathBuf::from(database.location());
            assert_eq!(mode(&file), 0o600, "the database file is private");
            let secure_delete: i64 = sqlx::query_scalar("PRAGMA secure_delete")
                .fetch_one(h.server.db().pool())
                .await
                .unwrap();
            assert_eq!(secure_delete, 1, "deleted rows are overwritten in the file");
        }
        let slots = h.availability(RENEWAL, None).await.slots;
        let before = h
            .book(RENEWAL, QUESTURA, slots[0].start, &person(90), None)
            .await;
        let old_receipt = before.receipt.clone().unwrap();

        // Rotated (the server stopped, as the command says), then started again.
        let horizon_days: i64 = sqlx::query_scalar("SELECT MAX(horizon_days) FROM procedures")
            .fetch_one(h.server.db().pool())
            .await
            .unwrap();
        let clock = h.clock.clone();
        let rotated_at = clock.now();
        h.server.stop().await.unwrap();
        let config = Harness::config(&database);
        let said = sportello_server::commands::run(
            &config,
            Command::Keys(KeysCommand::Rotate { compromised: false }),
            clock.as_ref(),
        )
        .await
        .unwrap();
        assert!(said.contains("receipt-2"), "{said}");
        let h = Harness::start_on(&config, clock).await;
        let published = h.published_keys().await;
        let ids: Vec<&str> = published.keys.iter().map(|k| k.key_id.as_str()).collect();
        assert_eq!(ids, ["receipt-2", "receipt-1"]);
        // The receipt people already hold still verifies at a counter; new ones use the new key.
        assert!(sportello_core::lease::verify_offline(&old_receipt, &published).is_ok());
        let after = h
            .book(RENEWAL, QUESTURA, slots[1].start, &person(91), None)
            .await;
        let claims =
            sportello_core::lease::verify_offline(after.receipt.as_deref().unwrap(), &published)
                .unwrap();
        assert_eq!(claims.key_id, "receipt-2");
        // Until every process is restarted the old key may still sign, as far ahead as a
        // procedure may be booked: it is published until a day after that, not only after
        // the last appointment it signed so far.
        let ids =
            |set: &KeySet| -> Vec<String> { set.keys.iter().map(|k| k.key_id.clone()).collect() };
        h.clock.set(before.end + SignedDuration::from_hours(25));
        let published = h.published_keys().await;
        assert_eq!(ids(&published), ["receipt-2", "receipt-1"]);
        // The last day open for booking when it was rotated, in Rome: a day after its end.
        let last_day =
            sportello_core::calendar::local_date(rotated_at) + jiff::ToSpan::days(horizon_days);
        let until = sportello_core::calendar::to_instant(last_day + jiff::ToSpan::days(1), 0)
            .unwrap()
            + SignedDuration::from_hours(24);
        h.clock.set(until - SignedDuration::from_hours(1));
        let published = h.published_keys().await;
        assert_eq!(ids(&published), ["receipt-2", "receipt-1"]);
        h.clock.set(until + SignedDuration::from_hours(1));
        let published = h.published_keys().await;
        assert_eq!(ids(&published), ["receipt-2"]);
        // Nor does the server take it any more: the receipts it signed are over.
        let staff = h.login("questura.staff", "sportello-staff").await;
        problem(
            h.post(
                "/api/v1/checkins",
                Some(&staff),
                None,
                &json!({"receipt": old_receipt}),
            )
            .await,
            ProblemCode::InvalidReceipt,
        )
        .await;

        // A key in others' hands: rotated as compromised, it stops verifying at once (a
        // receipt it signed is refused as such, before any question of its day).
        let clock = h.clock.clone();
        h.server.stop().await.unwrap();
        let said = sportello_server::commands::run(
            &config,
            Command::Keys(KeysCommand::Rotate { compromised: true }),
            clock.as_ref(),
        )
        .await
        .unwrap();
        assert!(said.contains("receipt-3"), "{said}");
        let h = Harness::start_on(&config, clock).await;
        let published = h.published_keys().await;
        let ids: Vec<&str> = published.keys.iter().map(|k| k.key_id.as_str()).collect();
        assert_eq!(ids, ["receipt-3"]);
        let staff = h.login("questura.staff", "sportello-staff").await;
        problem(
            h.post(
                "/api/v1/checkins",
                Some(&staff),
                None,
                &json!({"receipt": after.receipt.clone().unwrap()}),
            )
            .await,
            ProblemCode::InvalidReceipt,
        )
        .await;
        h.server.stop().await.unwrap();

        // Another process given other keys refuses to serve this database.
        std::fs::rename(
            database.key_file(),
            database.key_file().with_extension("kept"),
        )
        .unwrap();
        sportello_server::keys::KeyFile::generate(h.clock.now())
            .create(&database.key_file())
            .unwrap();
        let refused = sportello_server::Server::start_with_clock(&config, h.clock.clone()).await;
        let err = refused.err().expect("other keys are refused").to_string();
        assert!(
            err.contains("not the ones this database was used with"),
            "{err}"
        );
        std::fs::rename(
            database.key_file().with_extension("kept"),
            database.key_file(),
        )
        .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn keys_a_database_kept_itself_move_to_the_key_file() {
    use base64::Engine;
    use sportello_server::keys::KeyFile;
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let start = h.first_slot(RENEWAL).await;
        let booking = h.book(RENEWAL, QUESTURA, start, &person(92), None).await;
        let clock = h.clock.clone();
        // As a database from before key files: the secrets in `server_keys`, no file.
        let file = KeyFile::read(&database.key_file()).unwrap().unwrap();
        let encode =
            |bytes: &[u8; 32]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        for (id, purpose, secret) in [
            ("receipt-1", "receipt", encode(&file.receipt[0].secret.0)),
            ("identity-1", "identity", encode(&file.identity.0)),
        ] {
            sqlx::query(
                "INSERT INTO server_keys (id, purpose, secret, created_at) VALUES ($1, $2, $3, 0)",
            )
            .bind(id)
            .bind(purpose)
            .bind(secret)
            .execute(h.server.db().pool())
            .await
            .unwrap();
        }
        h.server.stop().await.unwrap();
        std::fs::remove_file(database.key_file()).unwrap();

        let h = Harness::start_on(&Harness::config(&database), clock).await;
        assert_eq!(
            KeyFile::read(&database.key_file())
                .unwrap()
                .unwrap()
                .identity,
            file.identity
        );
        assert_eq!(
            rows(&h, "server_keys").await,
            0,
            "taken out of the database"
        );
        // The same keys: the receipt and the person's key still hold.
        let page = h
            .get(&format!("/r/{}", booking.receipt.unwrap()), None)
            .await;
        assert_eq!(page.status(), StatusCode::OK);
        let hold: Hold = h
            .hold(RENEWAL, QUESTURA, h.first_slot(RENEWAL).await, None)
            .await
            .json()
            .await
            .unwrap();
        problem(
            h.confirm(&hold.hold_id, &person(92), None).await,
            ProblemCode::AlreadyBooked,
        )
        .await;
        h.server.stop().await.unwrap();
    }
}
