//! The booking wizard's backend against the real server binary, with the sync engine running
//! as in the app: live slots, a hold and a booking through the outbox, a slot taken meanwhile,
//! and, with the link cut, the leased seats offered and booked offline.

mod support;

use serde_json::{Value, json};
use sportello::cache::Cache;
use sportello::outbox::SharedStore;
use sportello::store::Store;
use sportello::sync::{KioskParts, REFUSED_GRACE_SECS, ServerClient, SyncEngine};
use sportello::wizard::Wizard;
use sportello_core::booking::{ConfirmRequest, HoldRequest};
use sportello_core::identity::Person;
use sportello_core::kiosk::{BookOutcome, HoldOutcome, LoginOutcome, SlotSource};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::ServerProcess;
use support::proxy::{Mode, Proxy};

const RENEWAL: &str = "questura-asti-permesso-rinnovo";

async fn post(url: &str, token: Option<&str>, body: Value) -> Value {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("Idempotency-Key", sportello::client::new_key())
        .json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn person(n: u32) -> Person {
    serde_json::from_value(json!({
        "given_names": "Amina",
        "surname": format!("Wizardtest{}", char::from(b'a' + (n % 26) as u8)),
        "date_of_birth": format!("19{:02}-03-0{}", 70 + n % 20, 1 + n % 9),
        "nationality": "MA",
        "identity": {"kind": "passport", "number": format!("WZ{n:07}")},
        "phone": format!("+39 333 777 {n:04}"),
    }))
    .unwrap()
}

/// A kiosk with its engine running in the background, as in the app.
async fn kiosk(dir: &std::path::Path, url: &str, code: String) -> (Wizard, SharedStore) {
    let cache = Arc::new(Mutex::new(Cache::open(&dir.join("cache.sqlite3")).unwrap()));
    let store: SharedStore = Arc::new(Mutex::new(Store::open(&dir.join("state.sqlite3")).unwrap()));
    let engine = SyncEngine::new(
        ServerClient::new(url, sportello_core::clock::SystemClock::shared()).unwrap(),
        cache,
    )
    .unwrap()
    .with_kiosk(KioskParts {
        store: store.clone(),
        identity_dir: dir.join("identity"),
        enrolment_code: Some(code),
        refused_grace_secs: REFUSED_GRACE_SECS,
    })
    .unwrap();
    engine.sync_once().await.unwrap();
    let wake = Arc::new(tokio::sync::Notify::new());
    let wizard = Wizard::new(
        store.clone(),
        engine.client(),
        wake.clone(),
        dir.join("identity"),
    );
    tokio::spawn(engine.run(Duration::from_secs(3600), wake));
    (wizard, store)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wizard_books_online_through_the_outbox_and_offline_on_leases() {
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&dir.path().join("server.sqlite3"));
    let proxy = Proxy::start(server.addr()).await;
    let code = support::enrolment_code(&server.url, "wizard-1").await;
    let (wizard, _store) = kiosk(&dir.path().join("kiosk"), &proxy.url, code).await;

    // Online: the server's slots, a hold, a booking with the server's receipt.
    let slots = wizard.slots(RENEWAL, None).await.unwrap();
    assert_eq!(slots.source, SlotSource::Live);
    let slot = slots.slots[0].clone();
    let request = HoldRequest {
        procedure_id: RENEWAL.into(),
        office_id: slot.office_id.clone(),
        start: slot.start,
    };
    let started = Instant::now();
    let HoldOutcome::Held { hold } = wizard.hold(&request).await.unwrap() else {
        panic!("not held");
    };
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the engine delivered at once"
    );
    let confirm = ConfirmRequest {
        person: person(1),
        mediator_language: Some("ar".into()),
    };
    let BookOutcome::Booked { booking } = wizard.confirm(&hold, &confirm).await.unwrap() else {
        panic!("not booked");
    };
    assert!(booking.receipt.is_some());
    assert_eq!(booking.start, slot.start);

    // A mistake in the details is shown at once, nothing sent.
    let mut wrong = confirm.clone();
    wrong.person.surname = String::new();
    assert!(matches!(
        wizard.confirm(&hold, &wrong).await.unwrap(),
        BookOutcome::Invalid { fields } if !fields.is_empty()
    ));

    // The slot filled up meanwhile (operators took every place): the next ones instead.
    let operator_token = support::login(&server.url, "asti.operatore", "sportello-operatore").await;
    let full = slots.slots[1].clone();
    for _ in 0..full.free {
        post(
            &format!("{}/api/v1/holds", server.url),
            Some(&operator_token),
            json!({"procedure_id": RENEWAL, "office_id": full.office_id, "start": full.start}),
        )
        .await;
    }
    match wizard
        .hold(&HoldRequest {
            procedure_id: RENEWAL.into(),
            office_id: full.office_id.clone(),
            start: full.start,
        })
        .await
        .unwrap()
    {
        HoldOutcome::Taken { alternatives } => {
            assert!(!alternatives.is_empty());
            assert!(alternatives.iter().all(|offer| offer.start != full.start));
        }
        other => panic!("{other:?}"),
    }

    // An operator of the comune logs in at the kiosk and books on a person's behalf: the
    // booking is recorded for the comune. A wrong password, or a staff account, gets nothing.
    let operators = wizard.operators.clone();
    assert_eq!(
        operators.login("asti.operatore", "wrong").await,
        LoginOutcome::Refused
    );
    assert_eq!(
        operators.login("questura.staff", "sportello-staff").await,
        LoginOutcome::Refused
    );
    assert!(operators.operator().is_none());
    let LoginOutcome::LoggedIn { operator } = operators
        .login("asti.operatore", "sportello-operatore")
        .await
    else {
        panic!("not logged in");
    };
    assert_eq!(operator.organization_id.as_deref(), Some("comune-asti"));
    let slot = wizard.slots(RENEWAL, None).await.unwrap().slots[3].clone();
    let HoldOutcome::Held { hold } = wizard
        .hold(&HoldRequest {
            procedure_id: RENEWAL.into(),
            office_id: slot.office_id.clone(),
            start: slot.start,
        })
        .await
        .unwrap()
    else {
        panic!("not held");
    };
    let on_behalf = ConfirmRequest {
        person: person(9),
        mediator_language: None,
    };
    let BookOutcome::Booked { booking: for_them } =
        wizard.confirm(&hold, &on_behalf).await.unwrap()
    else {
        panic!("not booked");
    };
    let record: Value = reqwest::Client::new()
        .get(format!("{}/api/v1/bookings/{}", server.url, for_them.code))
        .bearer_auth(&operator_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(record["organization_id"], "comune-asti");
    assert_eq!(record["booked_by"], "operator:asti.operatore");
    // The operator's session went with the writes, and is not kept once they are answered.
    let entries = sportello::outbox::lock(&_store).entries_all().unwrap();
    assert!(entries.iter().all(|entry| entry.bearer.is_none()));
    // Their list shows the booking and the person's name: nothing more of the person
    // reaches the screen (no document, no phone number).
    let listed = operators.bookings().await.unwrap();
    let mine = listed
        .iter()
        .find(|shown| shown.booking.code == for_them.code)
        .unwrap();
    assert_eq!(mine.name, "Amina Wizardtestj");
    let shown = serde_json::to_string(&listed).unwrap();
    assert!(!shown.contains("WZ0000009"), "no document number: {shown}");
    assert!(!shown.contains("1979-03-01"), "no date of birth: {shown}");
    assert!(
        !shown.contains("777 0009") && !shown.contains("7770009"),
        "no phone number: {shown}"
    );
    operators.logout().await;
    assert!(operators.operator().is_none());

    // A new operator's account comes with a temporary password: at the kiosk they choose
    // their own before anything else, then they are in.
    let admin_token = support::login(&server.url, "admin", "sportello-admin").await;
    let created = post(
        &format!("{}/api/v1/admin/users", server.url),
        Some(&admin_token),
        json!({"username": "nuovo.operatore", "password": "provvisoria-1", "role": "operator",
            "organization_id": "comune-asti"}),
    )
    .await;
    assert_eq!(created["username"], "nuovo.operatore");
    assert_eq!(
        operators.login("nuovo.operatore", "provvisoria-1").await,
        LoginOutcome::MustChangePassword
    );
    assert!(operators.operator().is_none(), "not in until it is changed");
    assert_eq!(
        operators.change_password("provvisoria-1", "corta").await,
        sportello_core::kiosk::PasswordChangeOutcome::TooShort
    );
    assert_eq!(
        operators
            .change_password("sbagliata-99", "la-mia-password")
            .await,
        sportello_core::kiosk::PasswordChangeOutcome::Refused
    );
    let sportello_core::kiosk::PasswordChangeOutcome::Changed { operator } = operators
        .change_password("provvisoria-1", "la-mia-password")
        .await
    else {
        panic!("not changed");
    };
    assert_eq!(operator.username, "nuovo.operatore");
    assert!(operators.operator().is_some());
    // The screens start over (a reload): the session ends at once.
    operators.end();
    assert!(operators.operator().is_none());

    // The link goes down: only leased seats, offered at once and booked offline.
    proxy.set_mode(Mode::Drop);
    let offline = wizard.slots(RENEWAL, None).await.unwrap();
    assert_eq!(offline.source, SlotSource::Leased);
    assert!(!offline.slots.is_empty());
    assert!(offline.slots.iter().all(|slot| slot.lease_id.is_some()));
    let started = Instant::now();
    match wizard.hold(&request).await.unwrap() {
        HoldOutcome::Offline { leased } => assert_eq!(leased, offline.slots),
        other => panic!("{other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "the person is not kept waiting for retries: {:?}",
        started.elapsed()
    );
    let lease_id = offline.slots[0].lease_id.clone().unwrap();
    let BookOutcome::BookedOffline { code, receipt, .. } =
        wizard.book_leased(&lease_id, &person(2), None).unwrap()
    else {
        panic!("not booked offline");
    };
    assert!(receipt.starts_with("KR1."));
    // The same seat again: gone, with the others offered.
    match wizard.book_leased(&lease_id, &person(3), None).unwrap() {
        BookOutcome::LeaseGone { leased } => {
            assert!(
                leased
                    .iter()
                    .all(|slot| slot.lease_id.as_deref() != Some(&lease_id))
            );
        }
        other => panic!("{other:?}"),
    }

    // Back online, the engine reports it on its own: while writes wait it looks again every
    // few seconds (its interval here is an hour).
    proxy.set_mode(Mode::Pass);
    let staff = support::login(&server.url, "questura.staff", "sportello-staff").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let response = reqwest::Client::new()
            .get(format!("{}/api/v1/bookings/{code}", server.url))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap();
        if response.status() == 200 {
            let record: Value = response.json().await.unwrap();
            assert_eq!(record["person"]["surname"], "Wizardtestc");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the offline booking never arrived"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // An operator cancels while the link is down, and the screens start over before it is
    // sent: it still reaches the server as theirs, and their session ends there once it has.
    let LoginOutcome::LoggedIn { .. } = operators
        .login("asti.operatore", "sportello-operatore")
        .await
    else {
        panic!("not logged in");
    };
    proxy.set_mode(Mode::Drop);
    let pending = wizard.cancel_for_operator(&for_them).await.unwrap();
    assert!(
        matches!(pending, sportello_core::kiosk::CancelOutcome::Pending),
        "{pending:?}"
    );
    let bearer = sportello::outbox::lock(&_store)
        .pending()
        .unwrap()
        .iter()
        .find_map(|entry| entry.bearer.clone())
        .expect("the session goes with the write");
    operators.end();
    assert!(operators.operator().is_none());
    let me_url = format!("{}/api/v1/auth/me", server.url);
    let me = |token: String| {
        let url = me_url.clone();
        async move {
            reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(me(bearer.clone()).await, 200, "kept for the write");
    proxy.set_mode(Mode::Pass);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let record: Value = reqwest::Client::new()
            .get(format!("{}/api/v1/bookings/{}", server.url, for_them.code))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if record["status"] == "cancelled" && me(bearer.clone()).await == 401 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "cancelled as the operator, then their session ended: {record}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // An operator logs out while the link is down: the server cannot be told then, and is
    // told once it can (a session left open on a public kiosk's account is someone's way in).
    let LoginOutcome::LoggedIn { .. } = operators
        .login("asti.operatore", "sportello-operatore")
        .await
    else {
        panic!("not logged in");
    };
    proxy.set_mode(Mode::Drop);
    operators.logout().await;
    assert!(operators.operator().is_none());
    let waiting = sportello::outbox::lock(&_store).sessions_to_end().unwrap();
    assert_eq!(waiting.len(), 1, "written down to be ended");
    let token = waiting[0].clone();
    assert_eq!(me(token.clone()).await, 200, "the server was not told yet");
    proxy.set_mode(Mode::Pass);
    let deadline = Instant::now() + Duration::from_secs(30);
    while me(token.clone()).await != 401 {
        assert!(Instant::now() < deadline, "the session never ended");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while !sportello::outbox::lock(&_store)
        .sessions_to_end()
        .unwrap()
        .is_empty()
    {
        assert!(Instant::now() < deadline, "nothing of it stays on the disk");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
