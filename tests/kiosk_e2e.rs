//! End to end: the real kiosk window (Tauri + WebKitGTK under Xvfb) driven over WebDriver,
//! talking to the real server binary on loopback. Screenshots of every step are saved under
//! `target/tmp/kiosk_e2e/`.

mod support;

use sportello_core::model::Office;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::escpos::Command;
use support::{Kiosk, ServerProcess, VirtualDisplay, enrolment_code, message};

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

const RENEWAL: &str = "questura-asti-permesso-rinnovo";

/// A receipt printer on loopback: it answers the paper sensor's status request and takes what
/// it is sent, as a network ESC/POS printer on port 9100 does, until it is stopped (then
/// connections are refused, as with one unplugged). Its paper can run out.
struct FakePrinter {
    address: std::net::SocketAddr,
    received: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    running: std::sync::Arc<std::sync::atomic::AtomicBool>,
    paper: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl FakePrinter {
    fn start() -> FakePrinter {
        use std::io::Read;
        use std::sync::atomic::Ordering;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let address = listener.local_addr().unwrap();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let running = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let paper = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let (sink, alive, loaded) = (received.clone(), running.clone(), paper.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            while alive.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        stream.set_nonblocking(false).unwrap();
                        let mut bytes = vec![0u8; 3];
                        let _ = stream.read_exact(&mut bytes);
                        if bytes == [0x10, 0x04, 4] {
                            // Paper roll sensor: fixed bits 0x12, plus 0x60 when it is empty.
                            let status = if loaded.load(Ordering::SeqCst) {
                                0x12
                            } else {
                                0x72
                            };
                            let _ = stream.write_all(&[status]);
                        }
                        let _ = stream.read_to_end(&mut bytes);
                        sink.lock().unwrap().extend(bytes);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
            // The listener closes here: the printer is gone.
        });
        FakePrinter {
            address,
            received,
            running,
            paper,
        }
    }

    /// What arrived after the first `before` bytes, once `complete` says it is all there.
    fn received_after(&self, before: usize, complete: impl Fn(&[u8]) -> bool) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let bytes = self.received.lock().unwrap()[before..].to_vec();
            if complete(&bytes) {
                return bytes;
            }
            assert!(
                Instant::now() < deadline,
                "the printer got {} bytes",
                bytes.len()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn set_paper(&self, loaded: bool) {
        self.paper
            .store(loaded, std::sync::atomic::Ordering::SeqCst);
    }

    fn received(&self) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let bytes = self.received.lock().unwrap().clone();
            if !bytes.is_empty() || Instant::now() > deadline {
                return bytes;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn stop(&self) {
        self.running
            .store(false, std::sync::atomic::Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(100));
    }
}

async fn served_procedures(server: &str) -> BTreeSet<String> {
    let procedures: Vec<sportello_core::model::Procedure> =
        reqwest::get(format!("{server}/api/v1/procedures"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    procedures.into_iter().map(|p| p.id).collect()
}

fn verify(
    keys: &[sportello_core::receipt::PublicKey],
    token: &str,
) -> sportello_core::receipt::ReceiptClaims {
    let key = sportello_core::lease::verifying_key(&keys[0].public_key).unwrap();
    sportello_core::lease::verify_any_receipt(token, [(keys[0].key_id.as_str(), &key)])
        .unwrap_or_else(|err| panic!("{token}: {err}"))
}

/// Types into a field as the UI sees it (value, then an input or change event).
async fn fill(kiosk: &Kiosk, id: &str, value: &str, event: &str) {
    kiosk.wait_for(&format!("#{id}")).await;
    kiosk
        .eval(&format!(
            "const e = document.getElementById('{id}'); e.value = '{value}';\
             e.dispatchEvent(new Event('{event}', {{ bubbles: true }})); return true;"
        ))
        .await;
}

/// Books the renewal of a residence permit through every step of the wizard, from home, in
/// `lang`; the receipt's token and code. Screenshots of each step.
async fn book(
    kiosk: &Kiosk,
    display: &VirtualDisplay,
    shots: &std::path::Path,
    lang: &str,
    n: u32,
) -> (String, String) {
    let shot = |name: &str| format!("book-{lang}-{name}");
    kiosk.click("#tile-book").await;
    kiosk.wait_for(".procedure-choice").await;
    assert_eq!(
        kiosk.text(".step-title").await,
        message(lang, "wizard-what")
    );
    display.screenshot(shots, &shot("1-what"));
    if lang == "ar" {
        // Searching in Arabic: the search opens on the Arabic layout, Latin a tap away.
        kiosk.click("#procedure-search").await;
        kiosk.wait_for("#keyboard[data-layout='arabic']").await;
        kiosk.click("#keyboard-switch").await;
        kiosk.wait_for("#keyboard[data-layout='latin']").await;
        kiosk.click("#keyboard-switch").await;
        kiosk.wait_for("#keyboard[data-layout='arabic']").await;
        for key in ["ت", "ج", "د", "ي", "د"] {
            kiosk.click(&format!(".key[data-key='{key}']")).await;
        }
        let searched = kiosk
            .eval("return document.getElementById('procedure-search').value")
            .await;
        assert_eq!(searched, "تجديد");
        display.screenshot(shots, &shot("1b-search-keyboard"));
        let listed = kiosk
            .attributes(".procedure-choice", "data-procedure-id")
            .await;
        assert!(
            listed.contains(&RENEWAL.to_owned()) && listed.len() < 4,
            "{listed:?}"
        );
        kiosk.click("#keyboard-done").await;
    }
    kiosk
        .click(&format!(".procedure-choice[data-procedure-id='{RENEWAL}']"))
        .await;
    kiosk.wait_for(".checklist input").await;
    assert_eq!(
        kiosk.text(".step-title").await,
        message(lang, "wizard-bring")
    );
    kiosk.click(".checklist input").await;
    display.screenshot(shots, &shot("2-bring"));
    kiosk.click("#next").await;
    let slot = kiosk.wait_for(".slot-choice").await;
    display.screenshot(shots, &shot("3-when"));
    // Shown in Italian time, whatever the machine's zone (this one runs in UTC).
    let start: jiff::Timestamp = slot
        .attr("data-start")
        .await
        .unwrap()
        .unwrap()
        .parse()
        .unwrap();
    let rome = start.in_tz("Europe/Rome").unwrap();
    let hh_mm = format!("{:02}:{:02}", rome.hour(), rome.minute());
    slot.click().await.unwrap();
    kiosk.wait_for("#person-surname").await;
    // Going on without the details is refused, field by field, in the person's language.
    kiosk.click("#next").await;
    kiosk.wait_for(".field-error").await;
    assert_eq!(
        kiosk.text(".field-error").await,
        message(lang, "field-missing")
    );
    // The given names on the on-screen keyboard, in Latin letters whatever the language.
    kiosk.click("#person-given_names").await;
    kiosk.wait_for("#keyboard[data-layout='latin']").await;
    for key in ["A", "M", "I", "N", "A"] {
        kiosk.click(&format!(".key[data-key='{key}']")).await;
    }
    let typed = kiosk
        .eval("return document.getElementById('person-given_names').value")
        .await;
    assert_eq!(typed, "AMINA");
    // The field being corrected drops its complaint; the others keep theirs.
    let complaint = |id: &str| {
        format!(
            "return document.getElementById('{id}').parentElement.querySelector('.field-error') !== null"
        )
    };
    assert_eq!(kiosk.eval(&complaint("person-given_names")).await, false);
    assert_eq!(kiosk.eval(&complaint("person-surname")).await, true);
    kiosk.click(".key[data-key='⌫']").await;
    kiosk.click(".key[data-key='A']").await;
    display.screenshot(shots, &shot("4a-keyboard"));
    fill(
        kiosk,
        "person-surname",
        &format!("Endtoend{}", char::from(b'a' + n as u8)),
        "input",
    )
    .await;
    fill(
        kiosk,
        "person-date_of_birth",
        &format!("198{n}-04-12"),
        "input",
    )
    .await;
    if lang == "ar" {
        // The country found by typing its name in Arabic, a variant of alef and all: the one
        // country left is chosen.
        fill(kiosk, "person-nationality_search", "المغرب", "input").await;
        let deadline = Instant::now() + Duration::from_secs(5);
        while kiosk
            .eval("return document.getElementById('person-nationality').value")
            .await
            != "MA"
        {
            assert!(
                Instant::now() < deadline,
                "Morocco not chosen from its Arabic name"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let offered = kiosk.texts("#person-nationality option").await;
        assert!(offered.len() <= 3, "the list narrowed: {offered:?}");
    } else {
        fill(kiosk, "person-nationality", "MA", "change").await;
    }
    fill(kiosk, "person-document_kind", "passport", "change").await;
    fill(
        kiosk,
        "person-document_number",
        &format!("EE{n:07}"),
        "input",
    )
    .await;
    display.screenshot(shots, &shot("4-who"));
    kiosk.click("#keyboard-done").await;
    kiosk.click("#next").await;
    kiosk.wait_for("#mediator-none").await;
    display.screenshot(shots, &shot("5-mediator"));
    kiosk.click("#mediator-none").await;
    kiosk.wait_for("#confirm").await;
    display.screenshot(shots, &shot("6-review"));
    kiosk.click("#confirm").await;
    kiosk.wait_for("#receipt-code").await;
    assert_eq!(
        kiosk.text(".receipt-done").await,
        message(lang, "receipt-done")
    );
    let shown = kiosk.text("#receipt").await;
    let western: String = shown
        .chars()
        .map(|c| match c {
            // Arabic-Indic digits, as the Arabic screen writes them.
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            other => other,
        })
        .collect();
    assert!(western.contains(&hh_mm), "{hh_mm} not in {shown}");
    display.screenshot(shots, &shot("7-receipt"));
    let code = kiosk.text("#receipt-code").await;
    let token = kiosk
        .attributes("#receipt-qr", "data-token")
        .await
        .remove(0);
    (token, code)
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
    let printer = FakePrinter::start();
    let kiosk = Kiosk::start_with(
        &display,
        &format!(
            "server_url = \"{}\"\nkiosk_id = \"e2e-kiosk\"\nplace = \"Test\"\n\
             comune_istat = \"005005\"\nsync_interval_secs = 5\nprinter = \"{}\"\n",
            server.url, printer.address
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

    // A full booking, online, in Italian: the receipt's QR carries a token the server's key
    // verifies.
    let keys = reqwest::get(format!("{}/api/v1/keys", server.url))
        .await
        .unwrap()
        .json::<sportello_core::receipt::KeySet>()
        .await
        .unwrap()
        .keys;
    let (token, code) = book(&kiosk, &display, &shots, "it", 1).await;
    assert!(token.starts_with("SR1."), "a server receipt: {token}");
    let claims = verify(&keys, &token);
    assert_eq!(claims.code, code);
    assert_eq!(claims.procedure_id, RENEWAL);
    // Printed on the receipt printer (a fake one on loopback, speaking ESC/POS): the code, the
    // token in the printer's own QR command, the Italian text.
    kiosk.click("#print").await;
    kiosk.wait_for("#printed").await;
    let printed = printer.received();
    let commands = support::escpos::parse(&printed).expect("valid ESC/POS");
    assert_eq!(
        &commands[..2],
        &[Command::PaperStatus, Command::Init],
        "asks for paper, then starts"
    );
    assert_eq!(commands.last(), Some(&Command::Cut));
    // The QR code opens the receipt on a phone, with the token a counter scans in it.
    let qr = format!("{}/r/{token}", server.url);
    assert!(commands.contains(&Command::QrStore(qr.into_bytes())));
    let text = support::escpos::text(&commands);
    assert!(text.contains(&code));
    assert!(text.contains("Rinnovo del permesso di soggiorno"));
    display.screenshot(&shots, "01-receipt-printed-it");
    kiosk.click("#finish").await;
    kiosk.wait_for("#tile-book").await;

    // The same person comes back and cancels it with the code, their date of birth and the
    // last 4 characters of their document (EE0000001); a wrong date of birth finds nothing.
    kiosk.click("#manage-booking").await;
    fill(&kiosk, "manage-code", &code, "input").await;
    fill(&kiosk, "manage-document_end", "0001", "input").await;
    fill(&kiosk, "manage-date_of_birth", "1981-04-13", "input").await;
    kiosk.click("#manage-find").await;
    assert_eq!(
        kiosk.text("#manage-message").await,
        message("it", "manage-not-found")
    );
    display.screenshot(&shots, "01c0-manage-not-found-it");
    fill(&kiosk, "manage-date_of_birth", "1981-04-12", "input").await;
    kiosk.click("#manage-find").await;
    kiosk
        .wait_for("#manage-details[data-status='confirmed']")
        .await;
    display.screenshot(&shots, "01c-manage-it");
    // Moved to another time: a new receipt, for the new time, under the same code.
    kiosk.click("#move-booking").await;
    kiosk.wait_for(".slot-choice").await;
    let later = kiosk
        .attributes(".slot-choice", "data-start")
        .await
        .remove(2);
    kiosk
        .click(&format!(".slot-choice[data-start='{later}']"))
        .await;
    kiosk.wait_for("#manage-moved").await;
    let moved = kiosk.attributes("#moved-qr", "data-token").await.remove(0);
    let claims = verify(&keys, &moved);
    assert_eq!(claims.code, code);
    assert_eq!(
        claims.start,
        later.parse::<jiff::Timestamp>().unwrap().as_second()
    );
    display.screenshot(&shots, "01c2-moved-it");
    kiosk.click("#back").await;
    kiosk.wait_for("#tile-book").await;
    kiosk.click("#manage-booking").await;
    fill(&kiosk, "manage-code", &code, "input").await;
    fill(&kiosk, "manage-document_end", "0001", "input").await;
    fill(&kiosk, "manage-date_of_birth", "12/04/1981", "input").await;
    kiosk.click("#manage-find").await;
    kiosk
        .wait_for("#manage-details[data-status='confirmed']")
        .await;
    kiosk.click("#cancel-booking").await;
    kiosk.wait_for("#manage-cancelled").await;
    kiosk
        .wait_for("#manage-details[data-status='cancelled']")
        .await;
    display.screenshot(&shots, "01d-cancelled-it");
    kiosk.click("#back").await;
    kiosk.wait_for("#tile-book").await;

    // An operator of the comune logs in and books on a person's behalf: recorded for the
    // comune. A wrong password is refused in the person's language.
    kiosk.click("#operator-entry").await;
    fill(&kiosk, "operator-username", "asti.operatore", "input").await;
    fill(&kiosk, "operator-password", "wrong", "input").await;
    kiosk.click("#operator-login").await;
    assert_eq!(
        kiosk.text("#operator-message").await,
        message("it", "operator-refused")
    );
    fill(&kiosk, "operator-password", "sportello-operatore", "input").await;
    kiosk.click("#operator-login").await;
    kiosk.wait_for("#operator-banner").await;
    display.screenshot(&shots, "01e-operator-it");
    let (_, for_them) = book(&kiosk, &display, &shots, "it", 3).await;
    kiosk.click("#finish").await;
    let staff = support::login(&server.url, "questura.staff", "sportello-staff").await;
    let record: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v1/bookings/{for_them}", server.url))
        .bearer_auth(staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(record["organization_id"], "comune-asti");
    assert_eq!(record["booked_by"], "operator:asti.operatore");
    // The operator finds it in the comune's list, with the person's name, and cancels it.
    kiosk.click("#operator-bookings").await;
    let row = format!(".operator-booking[data-code='{for_them}']");
    let text = kiosk.text(&format!("{row}[data-status='confirmed']")).await;
    assert!(text.contains("Endtoendd"), "{text}");
    display.screenshot(&shots, "01f-operator-bookings-it");
    // The person cannot come then: the operator moves it to another free time.
    kiosk.click(&format!("{row} .operator-move")).await;
    kiosk.wait_for("#screen-operator-move .slot-choice").await;
    let target = kiosk
        .attributes("#screen-operator-move .slot-choice", "data-start")
        .await
        .remove(2);
    display.screenshot(&shots, "01g-operator-move-it");
    kiosk
        .click(&format!(
            "#screen-operator-move .slot-choice[data-start='{target}']"
        ))
        .await;
    assert_eq!(
        kiosk.text("#operator-notice").await,
        message("it", "manage-moved")
    );
    let staff = support::login(&server.url, "questura.staff", "sportello-staff").await;
    let moved: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v1/bookings/{for_them}", server.url))
        .bearer_auth(staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(moved["start"], target.as_str(), "moved on the server");
    // The new receipt is on screen, for the person to photograph: it verifies, at the new time.
    let new_receipt = kiosk
        .attributes("#operator-moved-qr", "data-token")
        .await
        .remove(0);
    let claims = verify(&keys, &new_receipt);
    assert_eq!(claims.code, for_them);
    assert_eq!(
        claims.start,
        target.parse::<jiff::Timestamp>().unwrap().as_second()
    );
    kiosk.click(&format!("{row} .operator-cancel")).await;
    kiosk
        .wait_for(&format!("{row}[data-status='cancelled']"))
        .await;
    kiosk.click("#back").await;
    kiosk.click("#operator-logout").await;
    assert!(
        kiosk
            .client
            .find(fantoccini::Locator::Css("#operator-banner"))
            .await
            .is_err()
    );

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

    // Book: the procedures listed, grouped by life situation, are the ones the server
    // served, named in Arabic.
    kiosk.click("#tile-book").await;
    kiosk.wait_for(".procedure-choice").await;
    let served_procedures: BTreeSet<String> = served_procedures(&server.url).await;
    let listed: BTreeSet<String> = kiosk
        .attributes(".procedure-choice", "data-procedure-id")
        .await
        .into_iter()
        .collect();
    assert_eq!(listed, served_procedures);
    assert_eq!(
        kiosk.text("#screen-book h1").await,
        message("ar", "book-title")
    );
    let names = kiosk.texts(".procedure-choice .choice-title").await;
    assert!(
        names.iter().any(|name| name == "تجديد تصريح الإقامة"),
        "procedures are shown in Arabic: {names:?}"
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
            .find(fantoccini::Locator::Css(".procedure-choice"))
            .await
            .is_err()
    );
    // Offline, a booking in Arabic on a seat leased to this kiosk: its receipt is the
    // kiosk's own, over the server's lease, and verifies with the same key.
    let (token, code) = book(&kiosk, &display, &shots, "ar", 2).await;
    assert!(token.starts_with("KR1."), "a kiosk receipt: {token}");
    assert_eq!(verify(&keys, &token).code, code);
    assert!(
        kiosk
            .text("#receipt")
            .await
            .contains(&message("ar", "receipt-offline"))
    );
    // Printed in Arabic: the Arabic lines as images the printer can print, the Italian as text.
    let before = printer.received().len();
    kiosk.click("#print").await;
    kiosk.wait_for("#printed").await;
    let arabic = printer.received_after(before, |bytes| bytes.ends_with(&[0x1d, b'V', 66, 3]));
    let arabic = support::escpos::parse(&arabic).expect("valid ESC/POS");
    assert!(
        arabic
            .iter()
            .filter(|command| matches!(command, Command::Raster { ink, .. } if *ink > 300))
            .count()
            >= 4,
        "the Arabic lines as images"
    );
    assert!(support::escpos::text(&arabic).contains(&code));
    // The paper has run out: the person is told to ask the staff, nothing reaches the printer
    // but the question, and the receipt stays on screen.
    printer.set_paper(false);
    let before = printer.received().len();
    kiosk.click("#print").await;
    assert_eq!(
        kiosk.text("#print-failed").await,
        message("ar", "receipt-print-no-paper")
    );
    let asked = printer.received_after(before, |bytes| bytes.len() >= 3);
    assert_eq!(asked, [0x10, 0x04, 4], "the status request");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        printer.received().len(),
        before + 3,
        "only the status request"
    );
    display.screenshot(&shots, "04b-print-no-paper-ar");
    // The printer is gone: the person is told, and the receipt stays on screen.
    printer.stop();
    kiosk.click("#print").await;
    let failed = message("ar", "receipt-print-failed");
    let deadline = Instant::now() + Duration::from_secs(10);
    while kiosk.text("#print-failed").await != failed {
        assert!(Instant::now() < deadline, "the message did not change");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(kiosk.text("#receipt-code").await, code);
    display.screenshot(&shots, "04c-print-failed-ar");
    kiosk.click("#finish").await;
    kiosk.click("#tile-book").await;
    kiosk.wait_for(".procedure-choice").await;
    let still_listed: BTreeSet<String> = kiosk
        .attributes(".procedure-choice", "data-procedure-id")
        .await
        .into_iter()
        .collect();
    assert_eq!(still_listed, served_procedures);
    display.screenshot(&shots, "04-book-ar-offline");
    // Offline, its leased seats are still there to book.
    assert!(
        open_staff_panel(&kiosk, "ar").await < leased,
        "one lease used offline"
    );
    assert_eq!(count(&kiosk, "leases-used").await, 1);
    display.screenshot(&shots, "04b-staff-panel-ar-offline");
    kiosk.click(".status-close").await;

    // The form to find one's booking, right to left: code, date of birth, document's end.
    kiosk.click("#back").await;
    kiosk.click("#manage-booking").await;
    kiosk.wait_for("#manage-document_end").await;
    display.screenshot(&shots, "04d-manage-form-ar");
    kiosk.click("#back").await;

    // Back home and to Italian: the document is left-to-right again.
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
