//! An office closes a day (a strike): the appointments it hits are listed with proposed free
//! slots, moved or cancelled with the reason, the people told by SMS through a gateway on
//! loopback (or listed for staff to call without one), and the receipt's page shows the new
//! time or the cancellation and why, in the person's language. On SQLite and PostgreSQL.

mod databases;
#[macro_use]
mod harness;

use axum::Json;
use axum::extract::State;
use harness::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::agenda_change::{ChangeImpact, ChangeOutcome, Notice, SmsMessage};
use sportello_core::booking::Booking;
use sportello_core::clock::Clock;
use std::sync::{Arc, Mutex};

/// An SMS gateway on loopback that keeps what it is sent.
async fn gateway() -> (String, Arc<Mutex<Vec<SmsMessage>>>) {
    let received = Arc::new(Mutex::new(Vec::new()));
    let app = axum::Router::new()
        .route(
            "/sms",
            axum::routing::post(
                |State(store): State<Arc<Mutex<Vec<SmsMessage>>>>,
                 Json(message): Json<SmsMessage>| async move {
                    store.lock().unwrap().push(message);
                    StatusCode::ACCEPTED
                },
            ),
        )
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/sms", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, received)
}

/// Three appointments on Tuesday at the Questura: two for the first slot (one with an Arabic
/// mediator), one for the next.
async fn tuesday(h: &Harness) -> Vec<Booking> {
    let slots = h.availability(RENEWAL, None).await.slots;
    let mut booked = Vec::new();
    for (n, slot, mediator) in [(40, 0, Some("ar")), (41, 0, None), (42, 1, None)] {
        let hold = h.hold(RENEWAL, QUESTURA, slots[slot].start, None).await;
        let hold: sportello_core::booking::Hold = hold.json().await.unwrap();
        let confirmed = h
            .post(
                &format!("/api/v1/holds/{}/confirm", hold.hold_id),
                None,
                Some(&key()),
                &json!({"person": person(n), "mediator_language": mediator}),
            )
            .await;
        assert_eq!(confirmed.status(), StatusCode::CREATED);
        booked.push(confirmed.json().await.unwrap());
    }
    booked
}

fn strike(day: jiff::civil::Date) -> Value {
    json!({"id": "questura-strike", "office_id": QUESTURA, "day": day, "hours": [],
        "reason": "Sciopero"})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_closure_moves_and_cancels_its_appointments_and_tells_the_people() {
    for database in databases::all().await {
        let (url, received) = gateway().await;
        let gateway: reqwest::Url = url.parse().unwrap();
        let h = Harness::start_configured(&database, MONDAY_8AM, |config| {
            config.sms_gateway = Some(gateway.clone());
        })
        .await;
        closure(&h, &received, &gateway).await;
        h.server.stop().await.unwrap();
    }
}

async fn closure(h: &Harness, received: &Mutex<Vec<SmsMessage>>, gateway: &reqwest::Url) {
    let booked = tuesday(h).await;
    let day = sportello_core::calendar::local_date(booked[0].start);
    let staff = h.login("questura.staff", "sportello-staff").await;

    // What a strike on Tuesday hits: all three, each with a free slot after the day.
    let impact = h
        .post(
            "/api/v1/overrides/questura-strike/impact",
            Some(&staff),
            None,
            &strike(day),
        )
        .await;
    assert_eq!(impact.status(), StatusCode::OK);
    let impact: ChangeImpact = impact.json().await.unwrap();
    assert_eq!(impact.hit.len(), 3);
    assert!(impact.hit.iter().all(|hit| hit.reachable));
    let proposals: Vec<_> = impact
        .hit
        .iter()
        .map(|hit| hit.proposal.clone().expect("a free slot is proposed"))
        .collect();
    assert!(proposals.iter().all(|p| p.start > booked[2].end));
    // Another office's staff may not even ask.
    let prefettura = h.login("prefettura.staff", "sportello-staff").await;
    let refused = h
        .post(
            "/api/v1/overrides/questura-strike/impact",
            Some(&prefettura),
            None,
            &strike(day),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // A plan that forgets one: nothing is closed, the forgotten one is named.
    let code = |i: usize| impact.hit[i].code.clone();
    let moves: Vec<Value> = (0..2)
        .map(|i| json!({"code": code(i), "office_id": proposals[i].office_id, "start": proposals[i].start}))
        .collect();
    let partial = json!({"change": strike(day), "reason": "strike", "moves": moves});
    let outcome: ChangeOutcome = h
        .post(
            "/api/v1/overrides/questura-strike/apply",
            Some(&staff),
            Some("strike-plan-01"),
            &partial,
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(!outcome.saved);
    assert_eq!(outcome.moved.len(), 2);
    assert_eq!(outcome.unplanned, vec![code(2)]);
    assert!(
        !h.availability(RENEWAL, Some(&day.to_string()))
            .await
            .slots
            .is_empty()
    );

    // The whole plan: the third cancelled. Retried with the same key: done once.
    let plan = json!({"change": strike(day), "reason": "strike", "moves": moves,
        "cancellations": [code(2)]});
    for _ in 0..2 {
        let outcome: ChangeOutcome = h
            .post(
                "/api/v1/overrides/questura-strike/apply",
                Some(&staff),
                Some("strike-plan-02"),
                &plan,
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(outcome.saved, "{outcome:?}");
        assert_eq!(outcome.cancelled, vec![code(2)]);
    }
    // Tuesday is closed now.
    let tuesday_slots = h.availability(RENEWAL, Some(&day.to_string())).await.slots;
    assert!(tuesday_slots.iter().all(|slot| slot.start > booked[2].end));

    // The receipt each person has: the new time, or the cancellation, and why, in their
    // language.
    let page = |booking: &Booking, lang: &'static str| {
        let token = booking.receipt.clone().unwrap();
        async move {
            h.get(&format!("/r/{token}?lang={lang}"), None)
                .await
                .text()
                .await
                .unwrap()
        }
    };
    let by_code = |code: &str| booked.iter().find(|b| b.code == code).unwrap();
    let moved_ar = page(by_code(&code(0)), "ar").await;
    assert!(moved_ar.contains("id=\"moved-by-office\""), "{moved_ar}");
    assert!(moved_ar.contains("نقل المكتب موعدك"), "{moved_ar}");
    assert!(
        moved_ar.contains("إضراب"),
        "the reason in Arabic: {moved_ar}"
    );
    let new_time = sportello_core::calendar::office_tz()
        .to_datetime(proposals[0].start)
        .strftime("%d/%m/%Y %H:%M")
        .to_string();
    assert!(moved_ar.contains(&new_time), "{new_time} in {moved_ar}");
    // Moved again by the person, later: the first receipt no longer speaks for it.
    h.clock
        .set(h.clock.now() + jiff::SignedDuration::from_mins(5));
    let twice = by_code(&code(1));
    let n = if twice.code == booked[0].code {
        40
    } else if twice.code == booked[1].code {
        41
    } else {
        42
    };
    let later = h.availability(RENEWAL, Some("2026-12-10")).await.slots[0].start;
    let moved = h
        .post(
            &format!("/api/v1/bookings/{}/reschedule", twice.code),
            None,
            Some(&key()),
            &json!({"office_id": QUESTURA, "start": later, "proof": proof(n)}),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK, "{:?}", moved.text().await);
    let stale = page(twice, "it").await;
    assert!(stale.contains("id=\"replaced\""), "{stale}");
    assert!(!stale.contains("moved-by-office"), "{stale}");
    let cancelled_it = page(by_code(&code(2)), "it").await;
    assert!(
        cancelled_it.contains("id=\"cancelled-by-office\""),
        "{cancelled_it}"
    );
    assert!(cancelled_it.contains("sciopero"), "{cancelled_it}");

    // The gateway got one message per person, once, in Italian and the mediator's language.
    let delivered = sportello_server::notify::deliver_due(
        h.server.db(),
        h.clock.now(),
        &reqwest::Client::new(),
        gateway,
    )
    .await
    .unwrap();
    assert_eq!(delivered, 3);
    let messages = received.lock().unwrap().clone();
    assert_eq!(messages.len(), 3);
    assert!(
        messages
            .iter()
            .all(|m| m.to.replace(' ', "") == "+393330000000"),
        "{messages:?}"
    );
    let arabic = messages
        .iter()
        .find(|m| {
            m.text
                .contains(&sportello_core::booking::display_code(&booked[0].code))
        })
        .unwrap();
    assert!(
        arabic.text.contains("spostato") && arabic.text.contains("تم نقل موعدك"),
        "{}",
        arabic.text
    );
    assert!(
        !arabic.text.contains('\u{2068}'),
        "no direction marks in an SMS"
    );
    // Nothing left for staff to call.
    let open: Vec<Notice> = h
        .get(&format!("/api/v1/offices/{QUESTURA}/notices"), Some(&staff))
        .await
        .json()
        .await
        .unwrap();
    assert!(open.is_empty(), "{open:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn without_a_gateway_the_console_lists_whom_to_call() {
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let booked = tuesday(&h).await;
        let day = sportello_core::calendar::local_date(booked[0].start);
        let staff = h.login("questura.staff", "sportello-staff").await;
        let cancellations: Vec<&str> = booked.iter().map(|b| b.code.as_str()).collect();
        let outcome: ChangeOutcome = h
            .post(
                "/api/v1/overrides/questura-strike/apply",
                Some(&staff),
                Some("strike-cancel-all"),
                &json!({"change": strike(day), "reason": "training", "cancellations": cancellations}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(outcome.saved);
        let open: Vec<Notice> = h
            .get(&format!("/api/v1/offices/{QUESTURA}/notices"), Some(&staff))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(open.len(), 3);
        assert!(
            open[0].text.contains("formazione del personale"),
            "{}",
            open[0].text
        );
        // Called: off the list. Another office cannot touch it.
        let prefettura = h.login("prefettura.staff", "sportello-staff").await;
        let path = format!("/api/v1/offices/{QUESTURA}/notices/{}/called", open[0].id);
        let refused = h.post(&path, Some(&prefettura), None, &Value::Null).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let done = h.post(&path, Some(&staff), None, &Value::Null).await;
        assert_eq!(done.status(), StatusCode::NO_CONTENT);
        let open: Vec<Notice> = h
            .get(&format!("/api/v1/offices/{QUESTURA}/notices"), Some(&staff))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(open.len(), 2);
        h.server.stop().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_closure_ends_the_holds_it_hits_and_the_operator_sees_the_move() {
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let slots = h.availability(RENEWAL, None).await.slots;
        // An operator of the comune books Tuesday's first slot for someone; someone else is
        // midway through booking the next one (held, not yet confirmed).
        let operator = h.login("asti.operatore", "sportello-operatore").await;
        let booked = h
            .book(
                RENEWAL,
                QUESTURA,
                slots[0].start,
                &person(50),
                Some(&operator),
            )
            .await;
        let pending: sportello_core::booking::Hold = h
            .hold(RENEWAL, QUESTURA, slots[1].start, None)
            .await
            .json()
            .await
            .unwrap();
        let day = sportello_core::calendar::local_date(booked.start);
        let staff = h.login("questura.staff", "sportello-staff").await;
        let impact: ChangeImpact = h
            .post(
                "/api/v1/overrides/questura-strike/impact",
                Some(&staff),
                None,
                &strike(day),
            )
            .await
            .json()
            .await
            .unwrap();
        let to = impact.hit[0].proposal.clone().unwrap();
        let plan = json!({"change": strike(day), "reason": "strike",
            "moves": [{"code": booked.code, "office_id": to.office_id, "start": to.start}]});
        let outcome: ChangeOutcome = h
            .post(
                "/api/v1/overrides/questura-strike/apply",
                Some(&staff),
                Some("strike-with-a-hold"),
                &plan,
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(outcome.saved, "{outcome:?}");

        // The hold on the closed day has ended: confirming it is refused as expired, and the
        // person picks another slot instead of booking into a strike.
        let late = h.confirm(&pending.hold_id, &person(51), None).await;
        assert_eq!(late.status(), StatusCode::GONE);

        // The operator who booked sees the new time in their list.
        let own: Vec<sportello_core::booking::BookingRecord> = h
            .get("/api/v1/bookings", Some(&operator))
            .await
            .json()
            .await
            .unwrap();
        let moved = own
            .iter()
            .find(|record| record.booking.code == booked.code)
            .unwrap();
        assert_eq!(moved.booking.start, to.start);
        h.server.stop().await.unwrap();
    }
}
