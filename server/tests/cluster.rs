//! More than one server: two `sportello-server` processes on one PostgreSQL database, as a
//! province runs them behind a proxy when one machine is not enough. A click day sent to both
//! at once books no seat twice and no person twice, and nothing that must hold across them
//! lives in one process's memory: rate limits, idempotency, hold caps, sessions.
//!
//! Run alone: `SPORTELLO_TEST_POSTGRES=postgres://… cargo test -p sportello-server --test
//! cluster -- --nocapture` (./test.sh starts a throwaway PostgreSQL and runs it).

mod databases;

use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RENEWAL: &str = "questura-asti-permesso-rinnovo";
const QUESTURA: &str = "questura-asti";

/// A server process, stopped when dropped.
struct Process(Child, String);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start(database: &str, key_file: &std::path::Path, first: bool) -> Process {
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_sportello-server"));
    command
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args(["--database", database])
        .arg("--key-file")
        .arg(key_file)
        // Everyone here comes from loopback: caps per address would get in the way of the
        // click day; the per-account cap is what this test shares across processes.
        .args(["--holds-per-address", "0", "--holds-per-account", "2"])
        .env("SPORTELLO_LOG", "warn")
        .env_remove("SPORTELLO_KEYS")
        .stdout(Stdio::null());
    if first {
        command.args(["--seed", "demo"]);
    }
    let mut child = command.spawn().unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server exited: {status}");
        }
        if reqwest::get(format!("{url}/health"))
            .await
            .is_ok_and(|r| r.status() == StatusCode::OK)
        {
            return Process(child, url);
        }
        assert!(Instant::now() < deadline, "no server at {url}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn person(n: u32) -> Value {
    json!({
        "given_names": "Amina",
        "surname": format!("Cluster{}", char::from(b'a' + (n % 26) as u8)),
        "date_of_birth": format!("19{:02}-{:02}-{:02}", 60 + n % 40, 1 + n % 12, 1 + n % 28),
        "nationality": "MA",
        "identity": {"kind": "passport", "number": format!("CL{n:07}")},
    })
}

async fn post(url: &str, token: Option<&str>, key: &str, body: &Value) -> (StatusCode, Value) {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("Idempotency-Key", key)
        .json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn login(base: &str, username: &str, password: &str) -> (StatusCode, Value) {
    post(
        &format!("{base}/api/v1/auth/login"),
        None,
        "unused-key",
        &json!({"username": username, "password": password}),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_server_processes_on_one_postgresql_book_no_seat_and_no_person_twice() {
    let Some(database) = databases::postgres_only().await else {
        eprintln!("SQLite only: two processes share a PostgreSQL database, not tested");
        return;
    };
    let keys = tempfile::tempdir().unwrap();
    let key_file = keys.path().join("server.keys");
    let a = start(&database, &key_file, true).await;
    let b = start(&database, &key_file, false).await;
    let (a, b) = (a.1.clone(), b.1.clone());

    // Sessions are in the database: a login on one is good on the other.
    let (_, session) = login(&a, "asti.operatore", "sportello-operatore").await;
    let operator = session["token"].as_str().unwrap().to_owned();
    let me = reqwest::Client::new()
        .get(format!("{b}/api/v1/auth/me"))
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);

    // Wrong passwords count on both: three on one, two on the other, then refused on either.
    for (n, base) in [&a, &a, &b, &a, &b].into_iter().enumerate() {
        let (status, _) = login(base, "nizza.operatore", &format!("wrong-{n}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = login(&b, "nizza.operatore", "sportello-operatore").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

    let availability: Value = reqwest::get(format!(
        "{a}/api/v1/availability?procedure_id={RENEWAL}&limit=40"
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let slots: Vec<Value> = availability["slots"].as_array().unwrap().clone();

    // A retry sent to the other process gets the first answer; the operator's live holds are
    // capped across both.
    let hold = |base: &str, key: &str, slot: &Value| {
        let url = format!("{base}/api/v1/holds");
        let (key, operator) = (key.to_owned(), operator.clone());
        let body = json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": slot["start"]});
        async move { post(&url, Some(&operator), &key, &body).await }
    };
    let (status, first) = hold(&a, "cluster-hold-1", &slots[39]).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (_, retried) = hold(&b, "cluster-hold-1", &slots[39]).await;
    assert_eq!(retried["hold_id"], first["hold_id"], "one hold, not two");
    let (status, _) = hold(&b, "cluster-hold-2", &slots[38]).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = hold(&a, "cluster-hold-3", &slots[37]).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "two at once, across both"
    );
    // Sixteen holds of another account sent at the same moment, half to each process: still
    // two, since each counts the account's holds in its turn.
    let (_, session) = login(&b, "patronato.operatore", "sportello-operatore").await;
    let other = session["token"].as_str().unwrap().to_owned();
    let burst: Vec<_> = (0..16usize)
        .map(|n| {
            let base = if n % 2 == 0 { a.clone() } else { b.clone() };
            let other = other.clone();
            let body = json!({"procedure_id": RENEWAL, "office_id": QUESTURA,
                "start": slots[20 + n]["start"]});
            tokio::spawn(async move {
                let url = format!("{base}/api/v1/holds");
                post(&url, Some(&other), &format!("burst-hold-{n}"), &body)
                    .await
                    .0
            })
        })
        .collect();
    let mut held = 0;
    for request in burst {
        if request.await.unwrap() == StatusCode::CREATED {
            held += 1;
        }
    }
    assert_eq!(held, 2, "an account's live holds, however fast they come");

    // Ten people each holding two seats, one on each process, confirm both at the same
    // moment: each gets one booking, and "already booked" for the other.
    let mut pairs = Vec::new();
    for who in 0..10u32 {
        let mut holds = Vec::new();
        for (n, base) in [&a, &b].into_iter().enumerate() {
            let (status, held) = post(
                &format!("{base}/api/v1/holds"),
                None,
                &format!("pair-hold-{who}-{n}"),
                &json!({"procedure_id": RENEWAL, "office_id": QUESTURA,
                    "start": slots[3 + who as usize]["start"]}),
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "{held}");
            holds.push((base.clone(), held["hold_id"].as_str().unwrap().to_owned()));
        }
        pairs.push((who, holds));
    }
    let mut confirms = Vec::new();
    for (who, holds) in pairs {
        for (n, (base, hold_id)) in holds.into_iter().enumerate() {
            confirms.push(tokio::spawn(async move {
                let (status, _) = post(
                    &format!("{base}/api/v1/holds/{hold_id}/confirm"),
                    None,
                    &format!("pair-confirm-{who}-{n}"),
                    &json!({"person": person(1000 + who)}),
                )
                .await;
                (who, status)
            }));
        }
    }
    let mut answers = std::collections::BTreeMap::<u32, Vec<StatusCode>>::new();
    for confirm in confirms {
        let (who, status) = confirm.await.unwrap();
        answers.entry(who).or_default().push(status);
    }
    for (who, mut statuses) in answers {
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::CREATED, StatusCode::CONFLICT],
            "person {who}: one booking, one refusal"
        );
    }
    let paired = 10;

    // The click day: 160 people at once on the first three slots, every other one sent to the
    // other process, and 40 of them twice (on both) with the same identity.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for n in 0..200u32 {
        let who = if n < 160 { n } else { n - 160 };
        // A person's second attempt goes to the other process than their first.
        let on_a = (who % 2 == 0) != (n >= 160);
        let base = if on_a { a.clone() } else { b.clone() };
        let slot = slots[(who % 3) as usize].clone();
        tasks.push(tokio::spawn(async move {
            let (status, hold) = post(
                &format!("{base}/api/v1/holds"),
                None,
                &format!("click-hold-{n}"),
                &json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": slot["start"]}),
            )
            .await;
            if status != StatusCode::CREATED {
                return (status, StatusCode::CONTINUE);
            }
            let (confirmed, _) = post(
                &format!(
                    "{base}/api/v1/holds/{}/confirm",
                    hold["hold_id"].as_str().unwrap()
                ),
                None,
                &format!("click-confirm-{n}"),
                &json!({"person": person(who)}),
            )
            .await;
            (status, confirmed)
        }));
    }
    let (mut booked, mut already_booked) = (0, 0);
    for task in tasks {
        let (held, confirmed) = task.await.unwrap();
        assert!(
            held.as_u16() < 500 && confirmed.as_u16() < 500,
            "{held} {confirmed}"
        );
        match confirmed {
            StatusCode::CREATED => booked += 1,
            StatusCode::CONFLICT => already_booked += 1,
            _ => {}
        }
    }
    let elapsed = started.elapsed();
    let seats: u64 = slots[..3].iter().map(|s| s["free"].as_u64().unwrap()).sum();
    println!(
        "click day on two processes: 200 requests for {seats} seats, {booked} booked in {elapsed:?}"
    );

    let mut db = sqlx::PgConnection::connect(&database).await.unwrap();
    let overbooked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT c.counter_id, c.cell_start FROM seat_claims c \
         JOIN counters k ON k.id = c.counter_id GROUP BY c.counter_id, c.cell_start, k.seats \
         HAVING COUNT(*) > k.seats) AS over",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    let duplicates: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT person_key FROM bookings WHERE status = 'confirmed' \
         GROUP BY procedure_id, person_key HAVING COUNT(*) > 1) AS twice",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    let confirmed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE status = 'confirmed'")
            .fetch_one(&mut db)
            .await
            .unwrap();
    // A person who held a seat on each process keeps the second hold after its "already
    // booked" (a hold takes three tries, for a mistyped document), until it expires.
    let three_slots_end = slots[3]["start"]
        .as_str()
        .unwrap()
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_second();
    let still_held: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE status = 'held' AND slot_start < $1",
    )
    .bind(three_slots_end)
    .fetch_one(&mut db)
    .await
    .unwrap();
    println!(
        "overbooked cells: {overbooked}, people booked twice: {duplicates}, seats still held \
         after an 'already booked': {still_held}"
    );
    assert_eq!(overbooked, 0, "no seat given twice");
    assert_eq!(duplicates, 0, "no person booked twice");
    assert_eq!(
        confirmed,
        booked + paired,
        "every booking answered is in the database, once"
    );
    assert_eq!(
        still_held, already_booked,
        "each kept by its 'already booked'"
    );
    assert_eq!(
        u64::try_from(booked + still_held).unwrap(),
        seats,
        "every seat of the three slots went to someone, or waits for its holder"
    );
}
