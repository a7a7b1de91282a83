//! The office's day over HTTP on loopback, on SQLite and PostgreSQL: the agenda with each
//! person's channel and place in the queue, the check-in desk's scans and their refusals,
//! calling to a counter, the waiting room's board and the event stream that carries calls,
//! no-shows at the end of the day, the CSV sheet.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use jiff::SignedDuration;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::booking::Booking;
use sportello_core::office::{
    AgendaEntry, Board, Call, Channel, DayStatus, OfficeAgenda, ScanOutcome, ScanRefusal,
};
use std::time::{Duration, Instant};

on_every_database! {
    a_day_at_the_counter_from_scan_to_served => day_check;
    the_desk_explains_every_receipt_it_refuses => refusals_check;
    the_display_hears_a_call_within_a_second => events_check;
    nobody_who_never_came_stays_expected => no_show_check;
    a_walk_in_gets_a_number_and_waits_for_the_appointments => walk_in_check;
}

async fn scan(h: &Harness, staff: &str, office: &str, scanned: &str) -> ScanOutcome {
    let response = h
        .post(
            &format!("/api/v1/offices/{office}/desk/scan"),
            Some(staff),
            None,
            &json!({"scan": scanned}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn agenda(h: &Harness, staff: &str) -> Vec<AgendaEntry> {
    let response = h
        .get(&format!("/api/v1/offices/{QUESTURA}/agenda"), Some(staff))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let agenda: OfficeAgenda = response.json().await.unwrap();
    assert_eq!(
        agenda.day, agenda.today,
        "today's by default, by the server's clock"
    );
    agenda.entries
}

async fn call_next(h: &Harness, staff: &str, counter: &str, key: &str) -> Option<Call> {
    let response = h
        .post(
            &format!("/api/v1/offices/{QUESTURA}/counters/{counter}/call-next"),
            Some(staff),
            Some(key),
            &Value::Null,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Two appointments at the first slot (one per counter) and one at the next, then the clock
/// 20 minutes before the first; the staff's session.
async fn morning(h: &Harness) -> (Vec<Booking>, String) {
    let slots = h.availability(RENEWAL, None).await.slots;
    let mut booked = Vec::new();
    for (n, slot) in [(10, 0), (11, 0), (12, 1)] {
        booked.push(
            h.book(RENEWAL, QUESTURA, slots[slot].start, &person(n), None)
                .await,
        );
    }
    h.clock.set(booked[0].start - SignedDuration::from_mins(20));
    let staff = h.login("questura.staff", "sportello-staff").await;
    (booked, staff)
}

fn receipt_address(booking: &Booking) -> String {
    format!(
        "https://sportello.example/r/{}",
        booking.receipt.as_deref().unwrap()
    )
}

async fn day_check(h: &Harness) {
    let (booked, staff) = morning(h).await;
    let listed = agenda(h, &staff).await;
    assert_eq!(listed.len(), 3);
    assert!(listed.iter().all(|e| e.day_status == DayStatus::Expected));
    assert!(listed.iter().all(|e| e.channel == Channel::SelfService));
    assert_eq!(
        listed[0].record.person.as_ref().unwrap().nationality,
        "MA",
        "the desk sees who is coming"
    );

    // The scanner types the receipt's address: checked in with number 1; again, the same.
    let first = scan(h, &staff, QUESTURA, &receipt_address(&booked[0])).await;
    let ScanOutcome::CheckedIn { entry, new: true } = first else {
        panic!("{first:?}")
    };
    assert_eq!(entry.record.booking.queue_number, Some(1));
    assert_eq!(entry.day_status, DayStatus::Waiting);
    let again = scan(h, &staff, QUESTURA, &receipt_address(&booked[0])).await;
    assert!(
        matches!(again, ScanOutcome::CheckedIn { new: false, ref entry } if entry.record.booking.queue_number == Some(1))
    );
    // A code typed by hand, with a dash and in lower case, works too.
    let typed = sportello_core::booking::display_code(&booked[1].code).to_lowercase();
    let second = scan(h, &staff, QUESTURA, &typed).await;
    assert!(matches!(second, ScanOutcome::CheckedIn { new: true, .. }));

    // Each counter calls the person of its own appointment; a retried call calls nobody else.
    let counter = booked[0].counter_id.clone();
    let call = call_next(h, &staff, &counter, "call-one-0001")
        .await
        .unwrap();
    assert_eq!(call.queue_number, 1);
    let retried = call_next(h, &staff, &counter, "call-one-0001")
        .await
        .unwrap();
    assert_eq!(retried, call, "the same key answers the same call");
    let listed = agenda(h, &staff).await;
    let called = listed
        .iter()
        .find(|e| e.record.booking.code == booked[0].code)
        .unwrap();
    assert_eq!(called.day_status, DayStatus::Called);
    assert_eq!(called.call.as_ref().unwrap().times, 1);

    // Called again, then served.
    let recall = h
        .post(
            &format!("/api/v1/bookings/{}/recall", booked[0].code),
            Some(&staff),
            Some("recall-one-01"),
            &Value::Null,
        )
        .await;
    assert_eq!(recall.status(), StatusCode::OK);
    let recall: Call = recall.json().await.unwrap();
    assert!(recall.id > call.id);
    h.clock.set(booked[0].start - SignedDuration::from_mins(5));
    let served = h
        .post(
            &format!("/api/v1/bookings/{}/served", booked[0].code),
            Some(&staff),
            None,
            &Value::Null,
        )
        .await;
    assert_eq!(served.status(), StatusCode::OK);
    let served: AgendaEntry = served.json().await.unwrap();
    assert_eq!(served.day_status, DayStatus::Served);
    // Served is final: absent now is refused, served again answers the same.
    let absent = h
        .post(
            &format!("/api/v1/bookings/{}/absent", booked[0].code),
            Some(&staff),
            None,
            &Value::Null,
        )
        .await;
    assert_eq!(absent.status(), StatusCode::CONFLICT);

    // Nobody else waits at that counter (the third person has not come).
    if booked[2].counter_id == counter {
        assert_eq!(call_next(h, &staff, &counter, "call-none-001").await, None);
    }

    // The board shows the calls, newest first, with the counter's name.
    let board: Board = h
        .get(&format!("/api/v1/offices/{QUESTURA}/board"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(board.calls.len(), 2);
    assert_eq!(board.calls[0].id, recall.id);
    assert!(board.calls[0].counter_name.starts_with("Sportello"));

    // Another office's staff see nothing of it.
    let prefettura = h.login("prefettura.staff", "sportello-staff").await;
    let refused = h
        .get(
            &format!("/api/v1/offices/{QUESTURA}/agenda"),
            Some(&prefettura),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The CSV sheet has a line per appointment, with the person.
    let sheet = h
        .get(
            &format!("/api/v1/offices/{QUESTURA}/agenda.csv"),
            Some(&staff),
        )
        .await;
    assert_eq!(sheet.status(), StatusCode::OK);
    assert!(
        sheet.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = sheet.text().await.unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("Testpersonk"), "{text}");
    assert!(text.contains("served"), "{text}");
}

async fn refusals_check(h: &Harness) {
    let (booked, staff) = morning(h).await;
    let refusal = |outcome: ScanOutcome| match outcome {
        ScanOutcome::Refused { refusal, .. } => refusal,
        other => panic!("checked in: {other:?}"),
    };
    assert_eq!(
        refusal(scan(h, &staff, QUESTURA, "hello").await),
        ScanRefusal::Unreadable
    );
    // One character of the signature changed (not the last: its spare bits are not read).
    let mut forged: Vec<char> = booked[0].receipt.clone().unwrap().chars().collect();
    let at = forged.len() - 10;
    forged[at] = if forged[at] == 'A' { 'B' } else { 'A' };
    let forged: String = forged.into_iter().collect();
    assert_eq!(
        refusal(scan(h, &staff, QUESTURA, &forged).await),
        ScanRefusal::NotGenuine
    );
    // A code nobody has.
    assert_eq!(
        refusal(scan(h, &staff, QUESTURA, "AAAA-AAAA").await),
        ScanRefusal::Unknown
    );
    // A receipt for another day.
    let later = h.availability(RENEWAL, Some("2026-12-15")).await.slots[0].start;
    let next_week = h.book(RENEWAL, QUESTURA, later, &person(20), None).await;
    assert!(matches!(
        refusal(scan(h, &staff, QUESTURA, &receipt_address(&next_week)).await),
        ScanRefusal::OtherDay { .. }
    ));
    // More than an hour and a half before the appointment is too early.
    h.clock
        .set(booked[0].start - SignedDuration::from_mins(100));
    assert!(matches!(
        refusal(scan(h, &staff, QUESTURA, &receipt_address(&booked[0])).await),
        ScanRefusal::TooEarly { .. }
    ));
    // A cancelled booking.
    h.clock.set(booked[0].start - SignedDuration::from_mins(20));
    let cancel = h
        .post(
            &format!("/api/v1/bookings/{}/cancel", booked[2].code),
            Some(&staff),
            Some("cancel-third-1"),
            &json!({}),
        )
        .await;
    assert_eq!(cancel.status(), StatusCode::OK, "{:?}", cancel.text().await);
    assert_eq!(
        refusal(scan(h, &staff, QUESTURA, &receipt_address(&booked[2])).await),
        ScanRefusal::Cancelled
    );
    // Another office's desk.
    let prefettura = h.login("prefettura.staff", "sportello-staff").await;
    let office = h
        .get("/api/v1/auth/me", Some(&prefettura))
        .await
        .json::<Value>()
        .await
        .unwrap()["office_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        refusal(scan(h, &prefettura, &office, &receipt_address(&booked[0])).await),
        ScanRefusal::OtherOffice {
            office_id: QUESTURA.to_owned()
        }
    );
    // A code typed by hand tells nothing about another office's bookings.
    let typed = sportello_core::booking::display_code(&booked[0].code);
    assert_eq!(
        refusal(scan(h, &prefettura, &office, &typed).await),
        ScanRefusal::Unknown
    );
    // …and no one checks in at an office that is not theirs.
    let response = h
        .post(
            &format!("/api/v1/offices/{QUESTURA}/desk/scan"),
            Some(&prefettura),
            None,
            &json!({"scan": receipt_address(&booked[0])}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

/// Reads server-sent events from a response until one named `name` satisfies `wanted`.
async fn wait_for_event(
    events: &mut reqwest::Response,
    buffer: &mut String,
    name: &str,
    wanted: impl Fn(&str) -> bool,
) -> String {
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let event = block
                .lines()
                .find_map(|line| line.strip_prefix("event: "))
                .unwrap_or_default();
            let data = block
                .lines()
                .filter_map(|line| line.strip_prefix("data: "))
                .collect::<Vec<_>>()
                .join("\n");
            if event == name && wanted(&data) {
                return data;
            }
        }
        let chunk = tokio::time::timeout(Duration::from_secs(10), events.chunk())
            .await
            .expect("an event within 10 s")
            .unwrap()
            .expect("the stream stays open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

async fn events_check(h: &Harness) {
    let (booked, staff) = morning(h).await;
    let mut events = h
        .get(&format!("/api/v1/offices/{QUESTURA}/events"), None)
        .await;
    assert_eq!(events.status(), StatusCode::OK);
    let mut buffer = String::new();
    let first = wait_for_event(&mut events, &mut buffer, "board", |_| true).await;
    // One address cannot take every stream: the 51st from it is refused.
    let mut more = Vec::new();
    for _ in 1..sportello_server::pulse::MAX_FOLLOWERS_PER_ADDRESS {
        let stream = h
            .get(&format!("/api/v1/offices/{QUESTURA}/events"), None)
            .await;
        assert_eq!(stream.status(), StatusCode::OK);
        more.push(stream);
    }
    let refused = h
        .get(&format!("/api/v1/offices/{QUESTURA}/events"), None)
        .await;
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    drop(more);
    let board: Board = serde_json::from_str(&first).unwrap();
    assert!(board.calls.is_empty());

    // A booking made meanwhile tells the console to read its agenda again.
    let slots = h.availability(RENEWAL, None).await.slots;
    h.book(RENEWAL, QUESTURA, slots[3].start, &person(30), None)
        .await;
    wait_for_event(&mut events, &mut buffer, "agenda", |_| true).await;

    scan(h, &staff, QUESTURA, &receipt_address(&booked[0])).await;
    let started = Instant::now();
    call_next(h, &staff, &booked[0].counter_id, "call-event-01").await;
    let data = wait_for_event(&mut events, &mut buffer, "board", |data| {
        data.contains("\"queue_number\":1")
    })
    .await;
    // A figure, not a timed assert (the stream is read a few times a second).
    eprintln!("a call reached the stream in {:?}", started.elapsed());
    let board: Board = serde_json::from_str(&data).unwrap();
    assert_eq!(board.calls[0].queue_number, 1);
}

async fn no_show_check(h: &Harness) {
    let (booked, staff) = morning(h).await;
    scan(h, &staff, QUESTURA, &receipt_address(&booked[0])).await;
    // The next morning, housekeeping marks those who never came.
    h.clock
        .set(booked[0].start + SignedDuration::from_hours(24));
    h.housekeeping().await;
    let staff = h.login("questura.staff", "sportello-staff").await;
    let day = sportello_core::calendar::local_date(booked[0].start);
    let listed: OfficeAgenda = h
        .get(
            &format!("/api/v1/offices/{QUESTURA}/agenda?day={day}"),
            Some(&staff),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((listed.day, listed.today), (day, day.tomorrow().unwrap()));
    let listed = listed.entries;
    let status = |code: &str| {
        listed
            .iter()
            .find(|e| e.record.booking.code == code)
            .unwrap()
            .day_status
    };
    assert_eq!(status(&booked[0].code), DayStatus::Waiting);
    assert_eq!(status(&booked[1].code), DayStatus::NoShow);
    assert_eq!(status(&booked[2].code), DayStatus::NoShow);
}

async fn walk_in(
    h: &Harness,
    staff: &str,
    office: &str,
    procedure: &str,
    key: &str,
) -> reqwest::Response {
    h.post(
        &format!("/api/v1/offices/{office}/desk/walk-in"),
        Some(staff),
        Some(key),
        &json!({"procedure_id": procedure}),
    )
    .await
}

async fn walk_in_check(h: &Harness) {
    let (booked, staff) = morning(h).await;
    // A person without an appointment comes first: number 1, waiting, nobody's data kept,
    // and no receipt (there is no appointment to show).
    let response = walk_in(h, &staff, QUESTURA, RENEWAL, "walk-in-0001").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let walker: AgendaEntry = response.json().await.unwrap();
    assert_eq!(walker.channel, Channel::WalkIn);
    assert_eq!(walker.day_status, DayStatus::Waiting);
    assert_eq!(walker.record.booking.queue_number, Some(1));
    assert!(walker.record.person.is_none());
    assert!(walker.record.booking.receipt.is_none());
    // A retry after a dropped answer gives the same number, not a second one.
    let retried: AgendaEntry = walk_in(h, &staff, QUESTURA, RENEWAL, "walk-in-0001")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retried.record.booking.code, walker.record.booking.code);
    let listed = agenda(h, &staff).await;
    assert_eq!(listed.len(), 4, "the walk-in is on the day's list");

    // Then a person with an appointment checks in (number 2), then a second walk-in (3).
    let ScanOutcome::CheckedIn { entry, .. } =
        scan(h, &staff, QUESTURA, &receipt_address(&booked[1])).await
    else {
        panic!("booked[1] checks in")
    };
    assert_eq!(entry.record.booking.queue_number, Some(2));
    let second_walker: AgendaEntry = walk_in(h, &staff, QUESTURA, RENEWAL, "walk-in-0002")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second_walker.record.booking.queue_number, Some(3));

    // The appointment is called first, though the walk-in came earlier; then the walk-ins
    // in the order they came, from a counter other than the one holding them; a counter
    // that does not serve the procedure calls neither.
    let first = call_next(h, &staff, &booked[1].counter_id, "walk-call-0001")
        .await
        .unwrap();
    assert_eq!(first.queue_number, 2, "appointments before walk-ins");
    assert!(
        call_next(h, &staff, "questura-asti-3", "walk-call-0002")
            .await
            .is_none(),
        "a counter for another procedure"
    );
    let other = ["questura-asti-1", "questura-asti-2"]
        .into_iter()
        .find(|counter| *counter != walker.record.booking.counter_id)
        .unwrap();
    let second = call_next(h, &staff, other, "walk-call-0003").await.unwrap();
    assert_eq!(second.queue_number, 1, "then the first walk-in");
    let third = call_next(h, &staff, other, "walk-call-0004").await.unwrap();
    assert_eq!(third.queue_number, 3, "then the second");
    assert!(
        call_next(h, &staff, other, "walk-call-0005")
            .await
            .is_none()
    );
    let served = h
        .post(
            &format!("/api/v1/bookings/{}/served", walker.record.booking.code),
            Some(&staff),
            None,
            &Value::Null,
        )
        .await;
    assert_eq!(served.status(), StatusCode::OK);

    // The numbers count walk-ins on their own line only: the appointments' figures stay
    // those of the people who booked.
    let stats: Value = h
        .get(&format!("/api/v1/offices/{QUESTURA}/stats"), Some(&staff))
        .await
        .json()
        .await
        .unwrap();
    let by_channel = stats["by_channel"].as_array().unwrap();
    let walk_ins = by_channel
        .iter()
        .find(|row| row["key"] == "walk_in")
        .unwrap();
    assert_eq!(
        (&walk_ins["booked"], &walk_ins["served"]),
        (&json!(2), &json!(1)),
        "{stats}"
    );
    assert_eq!(stats["total"]["booked"], 3, "{stats}");

    // An office that gives no numbers without an appointment says so; a procedure of another
    // office is not one of this office's; another office's staff cannot give numbers here.
    let admin = h.login("admin", "sportello-admin").await;
    let refused = walk_in(
        h,
        &admin,
        "sui-asti",
        "sui-asti-conversione",
        "walk-in-0003",
    )
    .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let elsewhere = walk_in(h, &staff, QUESTURA, "sui-asti-conversione", "walk-in-0004").await;
    assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND);
    let sui = h.login("sui.staff", "sportello-staff").await;
    let forbidden = walk_in(h, &sui, QUESTURA, RENEWAL, "walk-in-0005").await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);

    // On Sunday the Questura is closed: no numbers.
    let mut sunday = booked[0].start;
    while sportello_core::calendar::local_date(sunday).weekday() != jiff::civil::Weekday::Sunday {
        sunday += SignedDuration::from_hours(24);
    }
    h.clock.set(sunday);
    let staff = h.login("questura.staff", "sportello-staff").await;
    let closed = walk_in(h, &staff, QUESTURA, RENEWAL, "walk-in-0006").await;
    assert_eq!(closed.status(), StatusCode::CONFLICT);
}
