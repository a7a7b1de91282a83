//! The office console's agenda of 300 appointments in a real browser (headless Chromium over
//! WebDriver): how long from asking for the day to the 300 rows on screen, and how much of it
//! is the server's answer. Printed, never asserted (target: under 300 ms).
//!
//!   cargo bench -p sportello-server --bench console_agenda   (after ui/build.sh)

use fantoccini::{ClientBuilder, Locator};
use serde_json::{Value, json};
use sportello_core::calendar::WeeklyHours;
use sportello_core::model::{BookingRules, Counter, DayOverride, Procedure, ProcedureCategory};
use sportello_core::sync::Record;
use sportello_core::text::LocalizedText;
use sportello_server::Server;
use sportello_server::clock::ManualClock;
use sportello_server::config::Config;
use sportello_server::db;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Monday 30 November 2026, 08:00 in Rome; the day measured is Tuesday 1 December.
const NOW: &str = "2026-11-30T07:00:00Z";
const DAY: &str = "2026-12-01";
const OFFICE: &str = "sui-asti";
const PROCEDURE: &str = "bench-agenda";
const APPOINTMENTS: u32 = 300;
const RUNS: usize = 7;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(NOW.parse().unwrap()));
    let mut config = Config::demo(
        "127.0.0.1:0".parse().unwrap(),
        dir.path().join("bench.sqlite3").display().to_string(),
    );
    config.holds_per_address = 0;
    config.key_file = Some(dir.path().join("server.keys"));
    let server = Server::start_with_clock(&config, clock.clone())
        .await
        .unwrap();
    set_up_day(&server).await;
    let base = format!("http://{}", server.addr());
    book_all(&base).await;
    // Tuesday, before opening: the agenda is "today's".
    clock.set("2026-12-01T06:30:00Z".parse().unwrap());

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver (Debian's chromium-driver)");
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--window-size=1366,900"]}),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let client = loop {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => break client,
            Err(err) if Instant::now() > deadline => panic!("no chromedriver session: {err}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    };
    client.goto(&format!("{base}/ufficio/")).await.unwrap();
    let wait = |css: &'static str| {
        let client = client.clone();
        async move {
            client
                .wait()
                .at_most(Duration::from_secs(30))
                .for_element(Locator::Css(css))
                .await
                .unwrap()
        }
    };
    wait("#login-username")
        .await
        .send_keys("sui.staff")
        .await
        .unwrap();
    wait("#login-password")
        .await
        .send_keys("sportello-staff")
        .await
        .unwrap();
    wait("#login-submit").await.click().await.unwrap();
    wait("#agenda-table").await;

    // Each run: to the next day (empty) and back; from the click to 300 rows on screen.
    let mut totals = Vec::new();
    let mut server_times = Vec::new();
    for _ in 0..RUNS {
        wait("#day-next").await.click().await.unwrap();
        wait("#agenda-empty").await;
        let figures = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 performance.clearResourceTimings();
                 const t0 = performance.now();
                 const seen = () => document.querySelectorAll('#agenda-table tbody tr').length >= 300;
                 const finish = () => {
                   const t1 = performance.now();
                   const answers = performance.getEntriesByType('resource')
                     .filter(e => e.name.includes('/agenda'));
                   const answer = answers.length ? answers[answers.length - 1].duration : -1;
                   done([t1 - t0, answer]);
                 };
                 new MutationObserver((_, observer) => {
                   if (seen()) { observer.disconnect(); finish(); }
                 }).observe(document.body, {childList: true, subtree: true});
                 document.getElementById('day-previous').click();",
                vec![],
            )
            .await
            .unwrap();
        let pair: Vec<f64> = serde_json::from_value::<Vec<Value>>(figures)
            .unwrap()
            .iter()
            .map(|value| value.as_f64().unwrap_or(-1.0))
            .collect();
        totals.push(pair[0]);
        server_times.push(pair[1]);
    }
    let rows = client
        .find_all(Locator::Css("#agenda-table tbody tr"))
        .await
        .unwrap()
        .len();
    let _ = client.close().await;
    let _ = driver.kill();
    let _ = driver.wait();
    server.stop().await.unwrap();

    totals.sort_by(f64::total_cmp);
    server_times.sort_by(f64::total_cmp);
    println!();
    println!("Office console, agenda of {rows} appointments, headless Chromium, {RUNS} runs");
    println!(
        "from the click to every row on screen: median {:.0} ms, best {:.0} ms, worst {:.0} ms",
        totals[RUNS / 2],
        totals[0],
        totals[RUNS - 1]
    );
    println!(
        "of which the server's answer (fetch to last byte): median {:.0} ms",
        server_times[RUNS / 2]
    );
    println!("target: under 300 ms");
}

/// A counter of 10 seats with a 10-minute grid, open 08:00–13:00 on the day: 300 places.
async fn set_up_day(server: &Server) {
    let mut tx = server.db().begin_write().await.unwrap();
    db::upsert_record(
        &mut tx,
        &Record::Counter(Counter {
            id: "bench-agenda-1".into(),
            office_id: OFFICE.into(),
            name: "Sportello 9".into(),
            grid_minutes: 10,
            seats: 10,
            hours: WeeklyHours::default(),
        }),
    )
    .await
    .unwrap();
    db::agenda::put_override(
        &mut tx,
        &DayOverride {
            id: "bench-agenda-open".into(),
            office_id: OFFICE.into(),
            counter_id: Some("bench-agenda-1".into()),
            day: DAY.parse().unwrap(),
            hours: vec!["08:00-13:00".parse().unwrap()],
            reason: "benchmark".into(),
        },
    )
    .await
    .unwrap();
    db::upsert_record(
        &mut tx,
        &Record::Procedure(Procedure {
            id: PROCEDURE.into(),
            office_id: OFFICE.into(),
            category: ProcedureCategory::Work,
            name: LocalizedText::new("Rilascio documenti"),
            summary: LocalizedText::new("Rilascio documenti"),
            slot_minutes: 10,
            mediator_recommended: false,
            documents: Vec::new(),
            counter_ids: vec!["bench-agenda-1".into()],
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

/// 300 people book the day's places, each with a hold and a confirmation.
async fn book_all(base: &str) {
    let http = reqwest::Client::new();
    let slots: Value = http
        .get(format!(
            "{base}/api/v1/availability?procedure_id={PROCEDURE}&limit=200"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut booked = 0;
    for slot in slots["slots"].as_array().unwrap() {
        for _ in 0..slot["free"].as_u64().unwrap() {
            if booked == APPOINTMENTS {
                return;
            }
            let hold: Value = http
                .post(format!("{base}/api/v1/holds"))
                .header("Idempotency-Key", format!("bench-hold-{booked:05}"))
                .json(&json!({"procedure_id": PROCEDURE, "office_id": OFFICE, "start": slot["start"]}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let letters: String = format!("{booked:03}")
                .bytes()
                .map(|digit| char::from(b'a' + (digit - b'0')))
                .collect();
            let confirmed = http
                .post(format!(
                    "{base}/api/v1/holds/{}/confirm",
                    hold["hold_id"].as_str().unwrap()
                ))
                .header("Idempotency-Key", format!("bench-confirm-{booked:05}"))
                .json(&json!({"person": {
                    "given_names": "Amina", "surname": format!("Benchmark{letters}"),
                    "date_of_birth": "1980-01-01", "nationality": "MA",
                    "identity": {"kind": "passport", "number": format!("BM{booked:07}")}}}))
                .send()
                .await
                .unwrap();
            assert_eq!(confirmed.status(), reqwest::StatusCode::CREATED);
            booked += 1;
        }
    }
    assert_eq!(booked, APPOINTMENTS, "the day has 300 places");
}
