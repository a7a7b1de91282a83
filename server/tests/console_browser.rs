//! The office console in a real browser: Debian's Chromium, driven over WebDriver by
//! chromedriver, against the real server on loopback, on SQLite and PostgreSQL, with the
//! server's clock moved by the test (the console reads the day from the server, never from
//! the PC). A staff member logs in, sees appointments made through the API and by a kiosk,
//! checks one in by "scanning" its receipt's address, calls it, and the waiting-room display
//! shows the number; a booking arriving shows up by itself; a no-show is marked. axe-core
//! checks every screen for WCAG 2.1 AA violations. Screenshots land in
//! `$CARGO_TARGET_DIR/tmp/console/`.

mod databases;
#[macro_use]
mod harness;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use harness::*;
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::booking::{Booking, display_code};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn console_in_a_browser_runs_an_office_day() {
    for database in databases::all().await {
        let harness = Harness::start(&database, MONDAY_8AM).await;
        office_day(&harness, database.backend()).await;
        harness.server.stop().await.unwrap();
    }
}

/// chromedriver on a free port, and a headless Chromium session through it.
struct Browser {
    client: Client,
    driver: Child,
}

impl Browser {
    async fn start(width: u32, height: u32) -> Browser {
        Browser::start_with(width, height, &[]).await
    }

    /// A browser with more command-line switches (a fake camera).
    async fn start_with(width: u32, height: u32, switches: &[String]) -> Browser {
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian's chromium-driver; ./test.sh installs it)");
        let mut capabilities = serde_json::Map::new();
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            format!("--window-size={width},{height}"),
            "--lang=it-IT".to_owned(),
            "--autoplay-policy=no-user-gesture-required".to_owned(),
        ];
        args.extend_from_slice(switches);
        capabilities.insert("goog:chromeOptions".into(), json!({ "args": args }));
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
        Browser { client, driver }
    }

    async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(err) => {
                let body = self
                    .client
                    .find(Locator::Css("body"))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap_or_default();
                panic!("no {css}: {err}; the page shows: {body}")
            }
        }
    }

    /// The text of `css`, without Fluent's direction marks around values.
    async fn text(&self, css: &str) -> String {
        let text = self.wait_for(css).await.text().await.unwrap();
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    /// Waits until the text of `css` satisfies `wanted`; the text it settled on.
    async fn text_until(&self, css: &str, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element
                    .text()
                    .await
                    .unwrap_or_default()
                    .replace(['\u{2068}', '\u{2069}'], ""),
                Err(_) => String::new(),
            };
            if wanted(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "{css} shows {text:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses a key, as a person at the keyboard: to whatever has the focus.
    async fn press(&self, key: Key) {
        let stroke = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        self.client.perform_actions(stroke).await.unwrap();
    }

    /// Presses Tab until the element `id` has the focus: keyboard-only use reaches it.
    async fn tab_to(&self, id: &str) {
        for _ in 0..80 {
            let focused = self
                .client
                .execute(
                    "return document.activeElement && document.activeElement.id",
                    vec![],
                )
                .await
                .unwrap();
            if focused == json!(id) {
                return;
            }
            self.press(Key::Tab).await;
        }
        panic!("#{id} is not reached with the Tab key");
    }

    /// The page printed (A4, as the browser's print does), as text.
    async fn printed_text(&self) -> String {
        let pdf = self
            .client
            .print(fantoccini::wd::PrintConfiguration::default())
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("printed.pdf");
        std::fs::write(&file, pdf).unwrap();
        let output = Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils; ./test.sh installs it)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap();
    }

    async fn type_into(&self, css: &str, text: &str) {
        self.wait_for(css).await.send_keys(text).await.unwrap();
    }

    /// What a person sees, for the README and for a failure in CI.
    async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// axe-core's WCAG 2.1 A and AA rules on the page as it stands: no violation.
    async fn assert_accessible(&self, screen: &str) {
        let axe = std::fs::read_to_string(axe_path()).unwrap_or_else(|err| {
            panic!(
                "{}: {err} (./test.sh installs axe-core from npm)",
                axe_path().display()
            )
        });
        self.client
            .execute(&format!("{axe}\nreturn true;"), vec![])
            .await
            .unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {runOnly: {type: 'tag',
                     values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                       nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                   .catch(e => done([{id: 'axe failed', nodes: [String(e)]}]));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            result,
            json!([]),
            "{screen}: axe-core finds WCAG 2.1 AA violations"
        );
    }

    async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A Y4M film (what Chromium's fake camera plays) of `text`'s QR code on a white page.
fn film_of_qr(text: &str, path: &std::path::Path) {
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let (modules, colors) = (code.width(), code.to_colors());
    let (width, height) = (640usize, 480usize);
    let module = (height - 40) / (modules + 8);
    let side = modules * module;
    let (left, top) = ((width - side) / 2, (height - side) / 2);
    let mut luma = vec![235u8; width * height];
    for y in 0..side {
        for x in 0..side {
            if colors[(y / module) * modules + x / module] == qrcode::Color::Dark {
                luma[(top + y) * width + left + x] = 16;
            }
        }
    }
    let mut film = format!("YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..2 {
        film.extend_from_slice(b"FRAME\n");
        film.extend_from_slice(&luma);
        film.extend(std::iter::repeat_n(128u8, width * height / 2));
    }
    std::fs::write(path, film).unwrap();
}

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("tmp/console")
}

fn axe_path() -> PathBuf {
    std::env::var_os("SPORTELLO_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default())
                .join(".cache/sportello/npm/node_modules/axe-core/axe.min.js")
        })
}

/// A booking made by a kiosk (with its token): the agenda names the kiosk as its channel.
async fn book_at_kiosk(h: &Harness, start: jiff::Timestamp, n: u32) -> Booking {
    let admin = h.login("admin", "sportello-admin").await;
    let kiosk = h.enrol_kiosk(&admin, "asti-municipio").await;
    let hold = h
        .post(
            "/api/v1/holds",
            Some(&kiosk.token),
            Some(&key()),
            &json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start}),
        )
        .await;
    assert_eq!(hold.status(), StatusCode::CREATED);
    let hold: Value = hold.json().await.unwrap();
    let booked = h
        .post(
            &format!(
                "/api/v1/holds/{}/confirm",
                hold["hold_id"].as_str().unwrap()
            ),
            Some(&kiosk.token),
            Some(&key()),
            &json!({"person": person(n)}),
        )
        .await;
    assert_eq!(booked.status(), StatusCode::CREATED);
    booked.json().await.unwrap()
}

async fn office_day(h: &Harness, backend: &str) {
    // Monday: two people book Tuesday's first slot themselves, one at a kiosk the next.
    let slots = h.availability(RENEWAL, None).await.slots;
    let first = h
        .book(RENEWAL, QUESTURA, slots[0].start, &person(1), None)
        .await;
    let second = h
        .book(RENEWAL, QUESTURA, slots[0].start, &person(2), None)
        .await;
    let by_kiosk = book_at_kiosk(h, slots[1].start, 3).await;
    let cancelling = h
        .book(RENEWAL, QUESTURA, slots[2].start, &person(4), None)
        .await;
    // Two more on Wednesday, which a strike will close.
    let wednesday = sportello_core::calendar::local_date(first.start)
        .tomorrow()
        .unwrap();
    let later = h
        .availability(RENEWAL, Some(&wednesday.to_string()))
        .await
        .slots;
    let struck: Vec<Booking> = vec![
        h.book(RENEWAL, QUESTURA, later[0].start, &person(6), None)
            .await,
        h.book(RENEWAL, QUESTURA, later[1].start, &person(7), None)
            .await,
    ];
    // Tuesday, 20 minutes before the first appointment.
    h.clock.set(first.start - SignedDuration::from_mins(20));

    // The desk PC's camera: Chromium's fake one, filming the cancelled booking's receipt.
    let feed = tempfile::tempdir().unwrap();
    let film = feed.path().join("receipt.y4m");
    let held_up = format!("{}/r/{}", h.base, cancelling.receipt.as_deref().unwrap());
    film_of_qr(&held_up, &film);
    let browser = Browser::start_with(
        1366,
        900,
        &[
            "--use-fake-ui-for-media-stream".to_owned(),
            "--use-fake-device-for-media-stream".to_owned(),
            format!("--use-file-for-fake-video-capture={}", film.display()),
        ],
    )
    .await;
    let console = format!("{}/ufficio/", h.base);
    browser.client.goto(&console).await.unwrap();
    browser.wait_for("#console-login").await;
    browser.assert_accessible("login").await;
    if backend == "sqlite" {
        browser.screenshot("login-it").await;
    }
    browser.type_into("#login-username", "questura.staff").await;
    browser
        .type_into("#login-password", "sportello-staff")
        .await;
    browser.click("#login-submit").await;

    // The day's agenda: the four appointments, the kiosk's named as such.
    let row = |code: &str| format!("tr[data-code='{code}']");
    for booking in [&first, &second, &by_kiosk, &cancelling] {
        browser.wait_for(&row(&booking.code)).await;
    }
    let kiosk_row = browser.text(&row(&by_kiosk.code)).await;
    assert!(kiosk_row.contains("asti-municipio"), "{kiosk_row}");
    assert!(kiosk_row.contains("Testpersond"), "{kiosk_row}");
    assert!(browser.text("#agenda-count").await.contains('4'));
    browser.assert_accessible("agenda").await;

    // A booking cancelled meanwhile (the person, from their phone) changes by itself.
    let cancel = h
        .post(
            &format!("/api/v1/bookings/{}/cancel", cancelling.code),
            None,
            Some(&key()),
            &json!({"proof": proof(4)}),
        )
        .await;
    assert_eq!(cancel.status(), StatusCode::OK, "{:?}", cancel.text().await);
    let started = Instant::now();
    browser
        .text_until(&format!("{} .status", row(&cancelling.code)), |t| {
            t == "Annullato"
        })
        .await;
    eprintln!(
        "{backend}: a cancellation reached the agenda in {:?}",
        started.elapsed()
    );
    if backend == "sqlite" {
        browser.screenshot("agenda-it").await;
    }
    // Printed on A4: the day's list with its people, without the screen's controls.
    let printed = browser.printed_text().await;
    assert!(printed.contains("Testpersonb"), "{printed}");
    assert!(printed.contains(&display_code(&first.code)), "{printed}");
    for control in ["Esporta CSV", "Accettazione", "Esci"] {
        assert!(!printed.contains(control), "{control} printed: {printed}");
    }

    // The check-in desk: the scanner types the receipt's address and Enter.
    browser.click("#tab-desk").await;
    let address = format!("{}/r/{}\n", h.base, first.receipt.as_deref().unwrap());
    browser.type_into("#scan-input", &address).await;
    assert_eq!(
        browser.text_until("#scan-number", |t| !t.is_empty()).await,
        "1"
    );
    assert!(browser.text("#scan-person").await.contains("Testpersonb"));
    browser.assert_accessible("desk").await;
    if backend == "sqlite" {
        browser.screenshot("desk-it").await;
    }
    // A code typed by hand; then a receipt of another day is explained in one line.
    let typed = format!("{}\n", display_code(&second.code));
    browser.type_into("#scan-input", &typed).await;
    browser.text_until("#scan-number", |t| t == "2").await;
    let later = h.availability(RENEWAL, Some("2026-12-15")).await.slots[0].start;
    let next_week = h.book(RENEWAL, QUESTURA, later, &person(5), None).await;
    browser
        .type_into(
            "#scan-input",
            &format!("{}\n", next_week.receipt.as_deref().unwrap()),
        )
        .await;
    let refusal = browser.text("#scan-refusal").await;
    assert!(refusal.contains("dicembre 2026"), "{refusal}");
    // A person without an appointment gets the next number for what they came for.
    browser
        .click(&format!("#walk-in-procedure option[value='{RENEWAL}']"))
        .await;
    browser.click("#walk-in-submit").await;
    browser.text_until("#scan-number", |t| t == "3").await;
    let card = browser.text("#scan-result").await;
    assert!(card.contains("Senza appuntamento"), "{card}");
    assert!(card.contains("Rinnovo del permesso di soggiorno"), "{card}");
    // The camera reads the receipt held up to it: cancelled, says the desk.
    browser.click("#camera-start").await;
    browser
        .text_until("#scan-refusal", |t| t.starts_with("Prenotazione annullata"))
        .await;
    browser.wait_for("#camera-start").await;
    // The camera is off again once it has read, and the scan field has the focus back.
    let focused = browser
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!("scan-input"));

    // The waiting room's display, on the TV's browser.
    let display = Browser::start(1280, 720).await;
    display
        .client
        .goto(&format!("{}/ufficio/display?office={QUESTURA}", h.base))
        .await
        .unwrap();
    display.wait_for("#display-waiting").await;
    display.assert_accessible("display").await;

    // Calling: the counter of the first appointment calls the next person.
    browser.click("#tab-calling").await;
    browser
        .wait_for(&format!(
            "#calling-counter option[value='{}']",
            first.counter_id
        ))
        .await
        .click()
        .await
        .unwrap();
    browser.click("#call-next").await;
    let called = Instant::now();
    display.text_until("#display-number", |t| t == "1").await;
    eprintln!(
        "{backend}: a call reached the display in {:?}",
        called.elapsed()
    );
    let counter = display.text("#display-counter").await;
    assert!(counter.starts_with("Sportello"), "{counter}");
    if backend == "sqlite" {
        display.screenshot("display").await;
    }
    browser.wait_for("#calling-current").await;
    browser.assert_accessible("calling").await;
    browser.click("#call-served").await;
    // Keyboard only: from the tabs to the calling screen and its button, Tab and Enter.
    browser.tab_to("tab-agenda").await;
    browser.press(Key::Enter).await;
    browser.wait_for("#agenda-count").await;
    browser.tab_to("tab-calling").await;
    browser.press(Key::Enter).await;
    browser.tab_to("call-next").await;
    browser.press(Key::Enter).await;
    display
        .text_until("#display-number", |t| t == "2" || t == "3")
        .await;
    browser.wait_for("#calling-current").await;

    // The agenda shows who was served; a no-show is marked once the slot is over.
    browser.click("#tab-agenda").await;
    browser
        .text_until(&format!("{} .status", row(&first.code)), |t| t == "Servito")
        .await;
    h.clock.set(by_kiosk.end + SignedDuration::from_mins(1));
    // (The agenda is read again every minute; moving a day and back reads it now.)
    browser.click("#day-next").await;
    browser.click("#day-today").await;
    browser
        .click(&format!("{} button.no-show", row(&by_kiosk.code)))
        .await;
    browser
        .text_until(&format!("{} .status", row(&by_kiosk.code)), |t| {
            t == "Non presentato"
        })
        .await;

    // A strike on Wednesday: the two appointments are moved to the proposed slots.
    browser.click("#day-next").await;
    browser.click("#tab-closures").await;
    browser.type_into("#closure-note", "Sciopero").await;
    browser
        .click("#closure-reason option[value='strike']")
        .await;
    browser.click("#closure-check").await;
    for booking in &struck {
        browser
            .wait_for(&format!(
                "#closure-impact tr[data-code='{}'] .choice-move",
                booking.code
            ))
            .await;
    }
    browser.assert_accessible("closures").await;
    browser.click("#closure-save").await;
    let saved = browser.text("#closure-outcome").await;
    assert!(saved.contains("2 spostati"), "{saved}");
    // Nobody has an SMS gateway here: the console lists whom to call.
    let to_call = browser.text("#to-call").await;
    assert!(
        to_call.contains("+39 333 000 0000") || to_call.contains("+393330000000"),
        "{to_call}"
    );
    if backend == "sqlite" {
        browser.screenshot("closures-it").await;
    }
    // The receipt the person has shows the new time and why.
    let page = h
        .get(
            &format!("/r/{}?lang=it", struck[0].receipt.as_deref().unwrap()),
            None,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"moved-by-office\""), "{page}");
    assert!(page.contains("sciopero"), "{page}");

    // The office's numbers and its audit log.
    browser.click("#day-today").await;
    browser.click("#tab-numbers").await;
    browser.text_until("#total-served", |t| t == "1").await;
    browser.wait_for("#numbers-chart").await;
    browser.assert_accessible("numbers").await;
    if backend == "sqlite" {
        browser.screenshot("numbers-it").await;
    }
    browser.click("#tab-audit").await;
    browser
        .text_until("#audit-table", |t| t.contains("Chiamato"))
        .await;
    browser.assert_accessible("audit").await;
    browser.click("#tab-agenda").await;

    // English, the second language: the same screen, every word translated.
    browser.click("#console-lang option[value='en']").await;
    browser.text_until("#tab-agenda", |t| t == "Agenda").await;
    browser
        .text_until(&format!("{} .status", row(&by_kiosk.code)), |t| {
            t == "No-show"
        })
        .await;
    browser.assert_accessible("agenda in English").await;
    // Arabic, right to left: the same screen, mirrored.
    browser.click("#console-lang option[value='ar']").await;
    browser
        .text_until("#tab-agenda", |t| t == "جدول المواعيد")
        .await;
    let direction = browser
        .client
        .execute("return document.documentElement.dir", vec![])
        .await
        .unwrap();
    assert_eq!(direction, json!("rtl"));
    browser.assert_accessible("agenda in Arabic").await;
    if backend == "sqlite" {
        browser.screenshot("agenda-ar").await;
    }

    display.close().await;
    browser.close().await;
}

/// The network between the office's PCs and the server, which the test can cut: a TCP relay
/// on loopback that drops every connection it carries and refuses new ones while cut.
struct Link {
    base: String,
    up: Arc<AtomicBool>,
    cut: tokio::sync::broadcast::Sender<()>,
}

impl Link {
    async fn to(server: &str) -> Link {
        let target: std::net::SocketAddr = server.trim_start_matches("http://").parse().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let up = Arc::new(AtomicBool::new(true));
        let (cut, _) = tokio::sync::broadcast::channel(4);
        let (relay_up, relay_cut) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !relay_up.load(Ordering::SeqCst) {
                    continue;
                }
                let mut dropped = relay_cut.subscribe();
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = dropped.recv() => {}
                    }
                });
            }
        });
        Link { base, up, cut }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        let _ = self.cut.send(());
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn console_in_a_browser_survives_a_dropped_link() {
    // The network's behaviour does not depend on the database: SQLite alone.
    let database = databases::all().await.into_iter().next().unwrap();
    let h = Harness::start(&database, MONDAY_8AM).await;
    let slots = h.availability(RENEWAL, None).await.slots;
    let booked = h
        .book(RENEWAL, QUESTURA, slots[0].start, &person(60), None)
        .await;
    h.clock.set(booked.start - SignedDuration::from_mins(20));
    let link = Link::to(&h.base).await;

    let browser = Browser::start(1366, 900).await;
    browser
        .client
        .goto(&format!("{}/ufficio/", link.base))
        .await
        .unwrap();
    browser.type_into("#login-username", "questura.staff").await;
    browser
        .type_into("#login-password", "sportello-staff")
        .await;
    browser.click("#login-submit").await;
    browser
        .wait_for(&format!("tr[data-code='{}']", booked.code))
        .await;
    browser
        .text_until("#link-status", |t| t == "Collegato")
        .await;
    let display = Browser::start(1280, 720).await;
    display
        .client
        .goto(&format!("{}/ufficio/display?office={QUESTURA}", link.base))
        .await
        .unwrap();
    display.wait_for("#display-waiting").await;
    let stale_shown = "return !!document.getElementById('display-stale')";
    let shown = |browser: &Browser| {
        let client = browser.client.clone();
        async move { client.execute(stale_shown, vec![]).await.unwrap() == json!(true) }
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while shown(&display).await {
        assert!(
            Instant::now() < deadline,
            "the display stays stale on a good link"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The link drops: both screens say so.
    link.cut();
    browser
        .text_until("#link-status", |t| t.starts_with("Collegamento perso"))
        .await;
    display.wait_for("#display-stale").await;

    // A scan meanwhile is not lost: the line says there is no connection, the field keeps
    // what the scanner typed.
    browser.click("#tab-desk").await;
    let typed = display_code(&booked.code);
    browser
        .type_into("#scan-input", &format!("{typed}\n"))
        .await;
    browser
        .text_until("#console-error", |t| t.starts_with("Nessuna connessione"))
        .await;
    let kept = browser
        .client
        .execute("return document.getElementById('scan-input').value", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!(typed));

    // The link comes back: the screens reconnect by themselves; Enter again checks in.
    link.restore();
    browser
        .text_until("#link-status", |t| t == "Collegato")
        .await;
    browser.type_into("#scan-input", "\n").await;
    browser.text_until("#scan-number", |t| t == "1").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while shown(&display).await {
        assert!(Instant::now() < deadline, "the display does not reconnect");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    display.close().await;
    browser.close().await;
    h.server.stop().await.unwrap();
}
