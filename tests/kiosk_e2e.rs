//! End to end: the real kiosk window (Tauri + WebKitGTK under Xvfb) driven over WebDriver,
//! talking to the real server binary on loopback. Screenshots of every step are saved under
//! `target/tmp/kiosk_e2e/`.

mod support;

use sportello_core::model::Office;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::{Kiosk, ServerProcess, VirtualDisplay, message};

fn screenshots() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kiosk_e2e")
}

async fn wait_for_connection(kiosk: &Kiosk, state: &str, within: Duration) {
    let selector = format!("#status[data-connection='{state}']");
    let deadline = Instant::now() + within;
    loop {
        if kiosk
            .client
            .find(fantoccini::Locator::Css(&selector))
            .await
            .is_ok()
        {
            return;
        }
        assert!(Instant::now() < deadline, "the kiosk never showed {state}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Registers a kiosk as the demo administrator; its one-time enrolment code.
async fn enrolment_code(server: &str, kiosk_id: &str) -> String {
    let http = reqwest::Client::new();
    let session: serde_json::Value = http
        .post(format!("{server}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": "admin", "password": "sportello-admin"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code: serde_json::Value = http
        .post(format!("{server}/api/v1/admin/kiosks"))
        .bearer_auth(session["token"].as_str().unwrap())
        .json(&serde_json::json!({"kiosk_id": kiosk_id, "place": "Test", "comune_istat": "005005"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    code["code"].as_str().unwrap().to_owned()
}

/// A count in the staff panel.
async fn count(kiosk: &Kiosk, id: &str) -> u32 {
    kiosk
        .text(&format!("[data-count='{id}'] dd"))
        .await
        .trim()
        .parse()
        .unwrap()
}

/// Opens the staff panel (in `lang`) and waits for the kiosk's leases; their number.
async fn open_staff_panel(kiosk: &Kiosk, lang: &str) -> u32 {
    kiosk.click("#status").await;
    kiosk.wait_for("#status-details").await;
    assert_eq!(
        kiosk.text("#status-details h2").await,
        message(lang, "staff-panel")
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let leased = count(kiosk, "leases-free").await;
        if leased > 0 {
            return leased;
        }
        assert!(Instant::now() < deadline, "the kiosk got no leases");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn arabic_rtl_offices_from_the_server_and_offline_from_the_cache() {
    let display = VirtualDisplay::start();
    let data = tempfile::tempdir().unwrap();
    let mut server = ServerProcess::start(&data.path().join("server.sqlite3"));
    let served: Vec<Office> = reqwest::get(format!("{}/api/v1/offices", server.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(served.len(), 3);

    let code = enrolment_code(&server.url, "e2e-kiosk").await;
    let kiosk = Kiosk::start_with(
        &display,
        &format!(
            "server_url = \"{}\"\nkiosk_id = \"e2e-kiosk\"\nplace = \"Test\"\n\
             comune_istat = \"005005\"\nsync_interval_secs = 5\n",
            server.url
        ),
        &[("SPORTELLO_ENROLMENT_CODE", &code)],
    )
    .await;
    let shots = screenshots();

    // Home, in Italian, online.
    assert_eq!(
        kiosk.text("#tile-book .tile-title").await,
        message("it", "tile-book")
    );
    wait_for_connection(&kiosk, "online", Duration::from_secs(20)).await;
    display.screenshot(&shots, "01-home-it");

    // Staff tap the status: the kiosk enrolled, nothing waits, and it holds seats to book
    // offline.
    let leased = open_staff_panel(&kiosk, "it").await;
    assert_eq!(
        kiosk
            .text("#status-details [data-count='leases-free'] dt")
            .await,
        message("it", "leases-free")
    );
    assert!(kiosk.text(".kiosk-id").await.contains("e2e-kiosk"));
    assert_eq!(count(&kiosk, "outbox-pending").await, 0);
    display.screenshot(&shots, "01b-staff-panel-it");
    kiosk.click(".status-close").await;

    // Choose Arabic: the whole document turns right-to-left and speaks Arabic.
    kiosk.click(".lang-option[data-lang='ar']").await;
    assert_eq!(
        kiosk.text("#tile-book .tile-title").await,
        message("ar", "tile-book")
    );
    assert_eq!(
        kiosk.eval("return document.documentElement.dir").await,
        "rtl"
    );
    assert_eq!(
        kiosk.eval("return document.documentElement.lang").await,
        "ar"
    );
    assert_eq!(
        kiosk.text(".home-question").await,
        message("ar", "home-question")
    );
    // The layout really mirrors: the first tile (book) now sits right of the last (map).
    let positions = kiosk
        .eval(
            "const x = id => document.getElementById(id).getBoundingClientRect().left;\
             return [x('tile-book'), x('tile-map')];",
        )
        .await;
    assert!(
        positions[0].as_f64().unwrap() > positions[1].as_f64().unwrap(),
        "book tile is not on the right in RTL: {positions}"
    );
    display.screenshot(&shots, "02-home-ar");

    // Book: the offices listed are the ones the server served.
    kiosk.click("#tile-book").await;
    kiosk.wait_for(".office-card").await;
    let served_ids: BTreeSet<String> = served.iter().map(|o| o.id.clone()).collect();
    let served_names: BTreeSet<String> = served.iter().map(|o| o.name.clone()).collect();
    let listed_ids: BTreeSet<String> = kiosk
        .attributes(".office-card", "data-office-id")
        .await
        .into_iter()
        .collect();
    let listed_names: BTreeSet<String> = kiosk.texts(".office-name").await.into_iter().collect();
    assert_eq!(listed_ids, served_ids);
    assert_eq!(listed_names, served_names);
    assert_eq!(
        kiosk.text("#screen-book h1").await,
        message("ar", "book-title")
    );
    let procedures = kiosk.texts(".procedure-name").await;
    assert!(
        procedures.iter().any(|name| name == "تجديد تصريح الإقامة"),
        "procedures are shown in Arabic: {procedures:?}"
    );
    display.screenshot(&shots, "03-book-ar");

    // The server stops: the kiosk says offline, and reopening the list reads it from the
    // cache: the same offices.
    server.stop();
    wait_for_connection(&kiosk, "offline", Duration::from_secs(30)).await;
    assert_eq!(
        kiosk.text("#status .status-label").await,
        message("ar", "status-offline")
    );
    kiosk.click("#back").await;
    kiosk.wait_for("#tile-book").await;
    assert!(
        kiosk
            .client
            .find(fantoccini::Locator::Css(".office-card"))
            .await
            .is_err()
    );
    kiosk.click("#tile-book").await;
    kiosk.wait_for(".office-card").await;
    let still_listed: BTreeSet<String> = kiosk
        .attributes(".office-card", "data-office-id")
        .await
        .into_iter()
        .collect();
    assert_eq!(still_listed, served_ids);
    display.screenshot(&shots, "04-book-ar-offline");
    // Offline, its leased seats are still there to book.
    assert!(open_staff_panel(&kiosk, "ar").await <= leased);
    display.screenshot(&shots, "04b-staff-panel-ar-offline");
    kiosk.click(".status-close").await;

    // Back home and to Italian: the document is left-to-right again.
    kiosk.click("#back").await;
    kiosk.click(".lang-option[data-lang='it']").await;
    assert_eq!(
        kiosk.eval("return document.documentElement.dir").await,
        "ltr"
    );
    assert_eq!(
        kiosk.text("#status .status-label").await,
        message("it", "status-offline")
    );
    display.screenshot(&shots, "05-home-it-offline");

    kiosk.close().await;
}
