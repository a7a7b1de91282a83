//! End to end, in the real window: a person who walks away mid-booking. After the idle time
//! a large question offers more time (answering keeps what was typed); unanswered, the kiosk
//! wipes everything, releases the held seat and returns home in Italian. Short idle times
//! from the kiosk's configuration keep the test quick.

mod support;

use serde_json::Value;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::{Kiosk, ServerProcess, VirtualDisplay, enrolment_code, message};

const RENEWAL: &str = "questura-asti-permesso-rinnovo";

async fn free_at(server: &str, start: &str) -> u64 {
    let availability: Value = reqwest::get(format!(
        "{server}/api/v1/availability?procedure_id={RENEWAL}&limit=200"
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    availability["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|slot| slot["start"] == start)
        .map(|slot| slot["free"].as_u64().unwrap())
        .sum()
}

async fn fill(kiosk: &Kiosk, id: &str, value: &str) {
    kiosk.wait_for(&format!("#{id}")).await;
    kiosk
        .eval(&format!(
            "const e = document.getElementById('{id}'); e.value = '{value}';\
             e.dispatchEvent(new Event('input', {{ bubbles: true }})); return true;"
        ))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_who_walks_away_leaves_nothing_behind() {
    let display = VirtualDisplay::start();
    let data = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&data.path().join("server.sqlite3"));
    let code = enrolment_code(&server.url, "idle-kiosk").await;
    let kiosk = Kiosk::start_with(
        &display,
        &format!(
            "server_url = \"{}\"\nkiosk_id = \"idle-kiosk\"\nplace = \"Test\"\n\
             comune_istat = \"005005\"\nsync_interval_secs = 5\nidle_secs = 4\n\
             idle_warning_secs = 4\n",
            server.url
        ),
        &[("SPORTELLO_ENROLMENT_CODE", &code)],
    )
    .await;
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kiosk_idle");

    // Enrolled and online first.
    kiosk.wait_for("#status[data-connection='online']").await;
    // In Arabic, a slot held and a surname typed.
    kiosk.click(".lang-option[data-lang='ar']").await;
    kiosk.click("#tile-book").await;
    kiosk
        .click(&format!(".procedure-choice[data-procedure-id='{RENEWAL}']"))
        .await;
    kiosk.click("#next").await;
    let slot = kiosk.wait_for(".slot-choice").await;
    let start = slot.attr("data-start").await.unwrap().unwrap();
    let free_before = free_at(&server.url, &start).await;
    slot.click().await.unwrap();
    kiosk.wait_for("#countdown").await;
    assert_eq!(free_at(&server.url, &start).await, free_before - 1, "held");
    fill(&kiosk, "person-surname", "Walkedaway").await;

    // Nobody touches the screen: the question comes, in Arabic.
    kiosk.wait_for("#idle-warning").await;
    assert_eq!(kiosk.text("#idle-title").await, message("ar", "idle-title"));
    display.screenshot(&shots, "1-still-there-ar");
    // "More time": what was typed is still there.
    kiosk.click("#idle-more").await;
    let value = kiosk
        .eval("return document.getElementById('person-surname').value")
        .await;
    assert_eq!(value, "Walkedaway");
    assert!(
        kiosk
            .client
            .find(fantoccini::Locator::Css("#idle-warning"))
            .await
            .is_err()
    );

    // Then nobody again: home, in Italian, nothing of the person left, the seat free again.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let home = kiosk
            .eval("return !!document.getElementById('tile-book') && document.documentElement.lang")
            .await;
        if home == "it" {
            break;
        }
        assert!(Instant::now() < deadline, "the kiosk never started over");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    display.screenshot(&shots, "2-started-over-it");
    let page = kiosk
        .eval("return document.documentElement.outerHTML")
        .await;
    assert!(!page.as_str().unwrap().contains("Walkedaway"));
    assert_eq!(
        kiosk
            .eval("return localStorage.length + sessionStorage.length")
            .await,
        0
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while free_at(&server.url, &start).await != free_before {
        assert!(Instant::now() < deadline, "the held seat was not released");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    // At rest (home, Italian, nobody) there is nothing to forget: no question covers the
    // screen for the next person, however long it stays untouched.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert!(
        kiosk
            .client
            .find(fantoccini::Locator::Css("#idle-warning"))
            .await
            .is_err(),
        "no question on the resting home screen"
    );
    kiosk.close().await;
}
