//! The booking engine over HTTP on loopback, on SQLite and PostgreSQL, with a clock the tests
//! move: agendas and availability, holds, bookings that never overbook, one booking per
//! person, idempotent retries, receipts, check-in, roles and personal data.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::api::ProblemCode;
use sportello_core::booking::{Availability, Booking, BookingRecord, CheckIn, Hold};
use sportello_core::receipt::{self, PublicKey};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

on_every_database! {
    availability_follows_hours_holidays_notice_and_dst => availability_check;
    overrides_close_reduce_and_open_days => overrides_check;
    the_questura_opens_new_slots_on_friday_at_13 => release_check;
    a_hold_becomes_a_booking_with_a_receipt_the_counter_can_verify => hold_confirm_check;
    a_hold_expires_and_its_place_comes_back => hold_expiry_check;
    a_taken_slot_is_refused_with_the_next_free_ones => slot_taken_check;
    retries_with_the_same_key_never_book_twice => idempotency_check;
    one_active_booking_per_person_per_procedure => one_per_person_check;
    citizens_cancel_with_code_and_date_of_birth => citizen_cancel_check;
    rescheduling_is_atomic => reschedule_check;
    check_in_gives_queue_numbers_and_no_shows_are_marked => check_in_check;
    roles_keep_each_to_their_own => roles_check;
    every_change_is_audited_without_personal_data => audit_check;
    personal_data_is_purged_after_the_retention_period => purge_check;
    logins_expire_and_are_rate_limited => login_check;
    bad_input_is_refused_with_the_fields_at_fault => bad_input_check;
    concurrent_clients_never_overbook => race_check;
    a_burst_on_a_full_slot_is_refused_cleanly => burst_check;
    concurrent_retries_and_the_same_person_at_once => concurrent_duplicates_check;
    concurrent_changes_to_one_booking_stay_consistent => concurrent_changes_check;
    a_counters_grid_cannot_change_under_booked_appointments => grid_change_check;
    a_grid_change_racing_holds_never_leaves_cells_off_the_grid => grid_race_check;
}

// --- agendas ---------------------------------------------------------------------------------

async fn availability_check(h: &Harness) {
    let renewal = h.availability(RENEWAL, None).await;
    // Monday 08:00 with 24 hours' notice: the first slot is Tuesday at 08:30, on either of the
    // two counters that handle renewals.
    let first = &renewal.slots[0];
    assert_eq!(first.start, ts("2026-12-01T07:30:00Z"));
    assert_eq!(first.end, ts("2026-12-01T07:45:00Z"));
    assert_eq!(first.office_id, QUESTURA);
    assert_eq!(first.free, 2);
    // Every slot is within the hours of a working day.
    for slot in &renewal.slots {
        let day = sportello_core::calendar::local_date(slot.start);
        assert!(!matches!(
            day.weekday(),
            jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
        ));
    }
    // 8 December (Immacolata) is a national holiday: nothing that day; the 9th opens.
    let december = h.availability(RENEWAL, Some("2026-12-08")).await;
    assert_eq!(december.slots[0].start, ts("2026-12-09T07:30:00Z"));

    // The SUI works on a 30-minute grid; a 20-minute conversion takes one cell.
    let conversion = h.availability("sui-asti-conversione", None).await;
    assert_eq!(
        conversion.slots[0].start,
        ts("2026-12-01T08:00:00Z"),
        "Tuesday 09:00 at SUI 2"
    );
    assert_eq!(conversion.slots[0].end, ts("2026-12-01T08:20:00Z"));

    // Across the change to summer time (Sunday 28 March 2027, also Easter), 08:30 in Rome is
    // 07:30Z on Friday the 26th and 06:30Z on Tuesday the 30th; Easter Monday is closed.
    h.set_now("2027-03-24T12:00:00Z");
    let spring = h.availability(RENEWAL, Some("2027-03-26")).await;
    let starts: HashSet<Timestamp> = spring.slots.iter().map(|s| s.start).collect();
    assert!(starts.contains(&ts("2027-03-26T07:30:00Z")));
    let after_easter = h.availability(RENEWAL, Some("2027-03-29")).await;
    assert_eq!(after_easter.slots[0].start, ts("2027-03-30T06:30:00Z"));

    // Asti's patron, San Secondo: the first Tuesday of May (4 May 2027) is closed; Monday the
    // 3rd and Wednesday the 5th are open.
    h.set_now("2027-04-26T08:00:00Z");
    let may = h.availability(RENEWAL, Some("2027-05-03")).await;
    let days: HashSet<String> = may
        .slots
        .iter()
        .map(|s| sportello_core::calendar::local_date(s.start).to_string())
        .collect();
    assert!(
        days.contains("2027-05-03") && days.contains("2027-05-05"),
        "{days:?}"
    );
    assert!(!days.contains("2027-05-04"), "San Secondo is a closing day");
}

async fn overrides_check(h: &Harness) {
    let staff = h.login("questura.staff", "sportello-staff").await;
    // A strike closes the Questura on Tuesday 1 December.
    let closed = json!({"id": "sciopero-1-dic", "office_id": QUESTURA, "day": "2026-12-01", "hours": [], "reason": "Sciopero"});
    let response = h
        .put("/api/v1/overrides/sciopero-1-dic", &staff, &closed)
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{:?}",
        response.text().await
    );
    assert_eq!(h.first_slot(RENEWAL).await, ts("2026-12-02T07:30:00Z"));

    // Counter 2 works a short day on Wednesday; counter 1 keeps its hours.
    let short = json!({"id": "corto-2-dic", "office_id": QUESTURA, "counter_id": "questura-asti-2",
        "day": "2026-12-02", "hours": ["08:30-09:00"], "reason": "Formazione"});
    assert_eq!(
        h.put("/api/v1/overrides/corto-2-dic", &staff, &short)
            .await
            .status(),
        StatusCode::OK
    );
    let wednesday = h.availability(RENEWAL, Some("2026-12-02")).await;
    let at = |t: &str| {
        wednesday
            .slots
            .iter()
            .find(|s| s.start == ts(t))
            .map(|s| s.free)
    };
    assert_eq!(at("2026-12-02T07:30:00Z"), Some(2));
    assert_eq!(
        at("2026-12-02T08:00:00Z"),
        Some(1),
        "only counter 1 after 09:00"
    );

    // An extra opening on Saturday 5 December.
    let saturday = json!({"id": "sabato-5-dic", "office_id": QUESTURA, "day": "2026-12-05",
        "hours": ["09:00-11:00"], "reason": "Apertura straordinaria"});
    assert_eq!(
        h.put("/api/v1/overrides/sabato-5-dic", &staff, &saturday)
            .await
            .status(),
        StatusCode::OK
    );
    let weekend = h.availability(RENEWAL, Some("2026-12-05")).await;
    assert_eq!(weekend.slots[0].start, ts("2026-12-05T08:00:00Z"));

    // Staff of another office cannot touch the Questura's agenda; a second override for the
    // same scope and day is refused.
    let sui = h.login("sui.staff", "sportello-staff").await;
    problem(h.put("/api/v1/overrides/x-1", &sui, &json!({"id": "x-1", "office_id": QUESTURA, "day": "2026-12-03", "hours": [], "reason": ""})).await, ProblemCode::Forbidden).await;
    problem(h.put("/api/v1/overrides/dup", &staff, &json!({"id": "dup", "office_id": QUESTURA, "day": "2026-12-01", "hours": [], "reason": ""})).await, ProblemCode::AlreadyExists).await;
    // A reason's limit is 200 characters, whatever the script: 150 Arabic letters (300 bytes)
    // are within it, 201 letters are not.
    let reason = |letters: usize| "ع".repeat(letters);
    let arabic = json!({"id": "ar-reason", "office_id": QUESTURA, "day": "2026-12-04", "hours": ["09:00-10:00"], "reason": reason(150)});
    assert_eq!(
        h.put("/api/v1/overrides/ar-reason", &staff, &arabic)
            .await
            .status(),
        StatusCode::OK
    );
    let long = json!({"id": "ar-reason", "office_id": QUESTURA, "day": "2026-12-04", "hours": ["09:00-10:00"], "reason": reason(201)});
    problem(
        h.put("/api/v1/overrides/ar-reason", &staff, &long).await,
        ProblemCode::InvalidInput,
    )
    .await;

    // Removing the strike reopens Tuesday.
    let response = h
        .send(
            h.http
                .delete(format!("{}/api/v1/overrides/sciopero-1-dic", h.base)),
            Some(&staff),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(h.first_slot(RENEWAL).await, ts("2026-12-01T07:30:00Z"));
}

async fn release_check(h: &Harness) {
    // Friday 4 December, 12:59: the Questura's agenda ends 60 days after the last release
    // (Friday 27 November). The SUI, without a schedule, rolls every day.
    h.set_now("2026-12-04T11:59:00Z");
    let before = h.availability(RENEWAL, None).await;
    assert_eq!(before.bookable_until.to_string(), "2027-01-26");
    let sui = h.availability("sui-asti-ricongiungimento", None).await;
    assert_eq!(sui.bookable_until.to_string(), "2027-02-02");
    // 13:00: a week more opens, for everyone at once.
    h.set_now("2026-12-04T12:00:00Z");
    let after = h.availability(RENEWAL, None).await;
    assert_eq!(after.bookable_until.to_string(), "2027-02-02");
    assert!(after.slots.len() >= before.slots.len());
    // A day beyond the agenda cannot be held.
    let beyond = ts("2027-02-03T07:30:00Z");
    problem(
        h.hold(RENEWAL, QUESTURA, beyond, None).await,
        ProblemCode::NotBookable,
    )
    .await;
}

// --- bookings ---------------------------------------------------------------------------------

async fn hold_confirm_check(h: &Harness) {
    let start = h.first_slot(RENEWAL).await;
    let response = h.hold(RENEWAL, QUESTURA, start, None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let hold: Hold = response.json().await.unwrap();
    assert_eq!(hold.start, start);
    assert_eq!(
        hold.expires_at,
        ts(MONDAY_8AM) + SignedDuration::from_mins(10)
    );
    // The held place is no longer offered to others.
    assert_eq!(h.availability(RENEWAL, None).await.slots[0].free, 1);

    let response = h.confirm(&hold.hold_id, &person(1), None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let booking: Booking = response.json().await.unwrap();
    assert_eq!(booking.start, start);
    assert_eq!(booking.counter_id, hold.counter_id);
    assert!(
        sportello_core::booking::normalize_code(&booking.code).is_some(),
        "{}",
        booking.code
    );

    // The receipt verifies offline with the published key, and says what the booking says.
    let published = h.published_keys().await;
    let keys: Vec<PublicKey> = published.keys.clone();
    assert_eq!(
        sportello_core::lease::verify_offline(booking.receipt.as_deref().unwrap(), &published)
            .unwrap()
            .code,
        booking.code
    );
    let public = keys[0].verifying_key().unwrap();
    let claims = receipt::verify(
        booking.receipt.as_deref().unwrap(),
        [(keys[0].key_id.as_str(), &public)],
    )
    .unwrap();
    assert_eq!(claims.code, booking.code);
    assert_eq!(claims.office_id, QUESTURA);
    assert_eq!(claims.procedure_id, RENEWAL);
    assert_eq!(claims.start, start.as_second());

    // Confirming the same hold again (a new request, not a retry) is refused.
    problem(
        h.confirm(&hold.hold_id, &person(2), None).await,
        ProblemCode::InvalidState,
    )
    .await;
}

async fn hold_expiry_check(h: &Harness) {
    let start = h.first_slot("questura-asti-ritiro-pse").await;
    let hold: Hold = h
        .hold("questura-asti-ritiro-pse", QUESTURA, start, None)
        .await
        .json()
        .await
        .unwrap();
    assert!(h.availability("questura-asti-ritiro-pse", None).await.slots[0].start > start);
    h.clock.advance(SignedDuration::from_mins(11));
    problem(
        h.confirm(&hold.hold_id, &person(3), None).await,
        ProblemCode::HoldExpired,
    )
    .await;
    h.housekeeping().await;
    // The place is offered again and can be held.
    assert_eq!(h.first_slot("questura-asti-ritiro-pse").await, start);
    assert_eq!(
        h.hold("questura-asti-ritiro-pse", QUESTURA, start, None)
            .await
            .status(),
        StatusCode::CREATED
    );

    // A hold released by the person frees its place at once.
    let other = h.availability("questura-asti-ritiro-pse", None).await.slots[0].start;
    let hold: Hold = h
        .hold("questura-asti-ritiro-pse", QUESTURA, other, None)
        .await
        .json()
        .await
        .unwrap();
    let response = h
        .send(
            h.http
                .delete(format!("{}/api/v1/holds/{}", h.base, hold.hold_id)),
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        h.availability("questura-asti-ritiro-pse", None).await.slots[0].start,
        other
    );
}

async fn slot_taken_check(h: &Harness) {
    // Collecting a permit: one counter, one place per slot.
    let start = h.first_slot("questura-asti-ritiro-pse").await;
    h.book(
        "questura-asti-ritiro-pse",
        QUESTURA,
        start,
        &person(4),
        None,
    )
    .await;
    let taken = problem(
        h.hold("questura-asti-ritiro-pse", QUESTURA, start, None)
            .await,
        ProblemCode::SlotTaken,
    )
    .await;
    assert!(!taken.alternatives.is_empty());
    assert!(
        taken
            .alternatives
            .iter()
            .all(|slot| slot.start != start && slot.free > 0)
    );
    assert!(
        taken
            .alternatives
            .windows(2)
            .all(|w| w[0].start <= w[1].start)
    );
    // A time that is not a slot at all is not bookable.
    problem(
        h.hold(
            "questura-asti-ritiro-pse",
            QUESTURA,
            start + SignedDuration::from_mins(3),
            None,
        )
        .await,
        ProblemCode::NotBookable,
    )
    .await;
    // Nor is one too soon.
    problem(
        h.hold(
            "questura-asti-ritiro-pse",
            QUESTURA,
            ts("2026-11-30T09:00:00Z"),
            None,
        )
        .await,
        ProblemCode::NotBookable,
    )
    .await;
}

async fn idempotency_check(h: &Harness) {
    let start = h.first_slot(RENEWAL).await;
    let body = json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start});
    let hold_key = key();
    let first = h.post("/api/v1/holds", None, Some(&hold_key), &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Hold = first.json().await.unwrap();
    // The network dropped the answer; the client retries with the same key.
    let retry: Hold = h
        .post("/api/v1/holds", None, Some(&hold_key), &body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retry, first);
    assert_eq!(
        h.availability(RENEWAL, None).await.slots[0].free,
        1,
        "one hold, not two"
    );
    // The same key for another request is a client bug, refused.
    let other = json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start + SignedDuration::from_mins(15)});
    problem(
        h.post("/api/v1/holds", None, Some(&hold_key), &other).await,
        ProblemCode::IdempotencyMismatch,
    )
    .await;
    // Writes without a key are refused.
    problem(
        h.post("/api/v1/holds", None, None, &body).await,
        ProblemCode::InvalidInput,
    )
    .await;

    // Confirm, retried: one booking, the same code.
    let confirm_key = key();
    let path = format!("/api/v1/holds/{}/confirm", first.hold_id);
    let body = json!({"person": person(5)});
    let a: Booking = h
        .post(&path, None, Some(&confirm_key), &body)
        .await
        .json()
        .await
        .unwrap();
    let b: Booking = h
        .post(&path, None, Some(&confirm_key), &body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(a.code, b.code);
    let admin = h.login("admin", "sportello-admin").await;
    let day: Vec<BookingRecord> = h
        .get(
            &format!("/api/v1/bookings?office_id={QUESTURA}&day=2026-12-01"),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(day.len(), 1);
}

async fn one_per_person_check(h: &Harness) {
    let slots = h.availability(RENEWAL, None).await.slots;
    let operator = h.login("asti.operatore", "sportello-operatore").await;
    let first = h
        .book(
            RENEWAL,
            QUESTURA,
            slots[0].start,
            &person(6),
            Some(&operator),
        )
        .await;
    // The same passport with other spellings of the name and number: the same person. The
    // refusal says the procedure is booked and nothing of the booking (where, when, its
    // code) to anyone but those with authority over it: a document number is easy to come
    // by, and whatever else is typed (a surname, a date of birth) must not be confirmed.
    let mut same = person(6);
    same["given_names"] = json!("AMINA ");
    same["identity"]["number"] = json!("px-0000006");
    let hold: Hold = h
        .hold(RENEWAL, QUESTURA, slots[1].start, None)
        .await
        .json()
        .await
        .unwrap();
    let mut stranger = same.clone();
    stranger["surname"] = json!("Altro");
    stranger["date_of_birth"] = json!("1970-01-01");
    for who in [&same, &stranger] {
        let refused = problem(
            h.confirm(&hold.hold_id, who, None).await,
            ProblemCode::AlreadyBooked,
        )
        .await;
        let existing = refused.existing.unwrap();
        assert_eq!(
            (existing.code, existing.office_id, existing.start),
            (None, None, None),
            "the answer is the same whether the details match or not"
        );
        assert_eq!(existing.procedure_id, RENEWAL);
    }
    // The operator who made the booking is told where, when and its code.
    let refused = problem(
        h.confirm(&hold.hold_id, &same, Some(&operator)).await,
        ProblemCode::AlreadyBooked,
    )
    .await;
    let existing = refused.existing.unwrap();
    assert_eq!(existing.code, Some(first.code.clone()));
    assert_eq!(
        (existing.office_id.as_deref(), existing.start),
        (Some(QUESTURA), Some(first.start))
    );
    // Three failed confirmations end the hold: a hold is not a place to try identities.
    problem(
        h.confirm(&hold.hold_id, &person(60), None).await,
        ProblemCode::HoldExpired,
    )
    .await;
    // Another procedure is fine.
    let pse = h.first_slot("questura-asti-ritiro-pse").await;
    h.book("questura-asti-ritiro-pse", QUESTURA, pse, &same, None)
        .await;
    // Once the appointment is over, the person can book the procedure again.
    h.clock.set(first.end + SignedDuration::from_mins(1));
    let later = h.first_slot(RENEWAL).await;
    h.book(RENEWAL, QUESTURA, later, &same, None).await;
}

async fn citizen_cancel_check(h: &Harness) {
    let start = h.first_slot("questura-asti-ritiro-pse").await;
    let booking = h
        .book(
            "questura-asti-ritiro-pse",
            QUESTURA,
            start,
            &person(7),
            None,
        )
        .await;
    let path = format!("/api/v1/bookings/{}/cancel", booking.code);
    // A wrong date of birth looks exactly like a wrong code.
    let wrong = json!({"proof": proof(8)});
    problem(
        h.post(&path, None, Some(&key()), &wrong).await,
        ProblemCode::NotFound,
    )
    .await;
    problem(
        h.post(
            "/api/v1/bookings/AAAAAAAA/cancel",
            None,
            Some(&key()),
            &wrong,
        )
        .await,
        ProblemCode::NotFound,
    )
    .await;
    // Without a proof and without an account: not found either.
    problem(
        h.post(&path, None, Some(&key()), &json!({})).await,
        ProblemCode::NotFound,
    )
    .await;
    // The code as people type it, and the right date: cancelled, and the place is free.
    let typed = format!(
        "/api/v1/bookings/{}/cancel",
        sportello_core::booking::display_code(&booking.code).to_lowercase()
    );
    let right = json!({"proof": proof(7)});
    let response = h.post(&typed, None, Some(&key()), &right).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{:?}",
        response.text().await
    );
    let cancelled: Booking = response.json().await.unwrap();
    assert_eq!(
        cancelled.status,
        sportello_core::booking::BookingStatus::Cancelled
    );
    assert_eq!(h.first_slot("questura-asti-ritiro-pse").await, start);
    // Cancelled, the booking keeps nothing of the person (not until 30 days after the old
    // slot): the proof that found it finds nothing now, and the office sees no one.
    problem(
        h.post(&path, None, Some(&key()), &right).await,
        ProblemCode::NotFound,
    )
    .await;
    let admin = h.login("admin", "sportello-admin").await;
    let record: BookingRecord = h
        .get(&format!("/api/v1/bookings/{}", booking.code), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        record.person, None,
        "the person's details went with the booking"
    );
    // Guessing proofs is rate-limited (per booking, in the database).
    let mut limited = false;
    for _ in 0..25 {
        let response = h.post(&path, None, Some(&key()), &wrong).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(
                response.headers().contains_key("retry-after"),
                "{:?}",
                response.headers()
            );
            limited = true;
            break;
        }
    }
    assert!(limited, "proof guesses are rate-limited");
}

async fn reschedule_check(h: &Harness) {
    let procedure = "questura-asti-ritiro-pse";
    let slots = h.availability(procedure, None).await.slots;
    let (a, b, c) = (slots[0].start, slots[1].start, slots[2].start);
    let mine = h.book(procedure, QUESTURA, a, &person(8), None).await;
    h.book(procedure, QUESTURA, b, &person(9), None).await;
    let path = format!("/api/v1/bookings/{}/reschedule", mine.code);
    let proof = proof(8);
    // Moving onto a taken slot fails, and the booking keeps its place.
    let refused = h
        .post(
            &path,
            None,
            Some(&key()),
            &json!({"office_id": QUESTURA, "start": b, "proof": proof}),
        )
        .await;
    problem(refused, ProblemCode::SlotTaken).await;
    let free: HashSet<Timestamp> = h
        .availability(procedure, None)
        .await
        .slots
        .iter()
        .map(|s| s.start)
        .collect();
    assert!(
        !free.contains(&a),
        "the old place stays taken after a failed move"
    );
    // Moving to a free slot frees the old one.
    let response = h
        .post(
            &path,
            None,
            Some(&key()),
            &json!({"office_id": QUESTURA, "start": c, "proof": proof}),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{:?}",
        response.text().await
    );
    let moved: Booking = response.json().await.unwrap();
    assert_eq!((moved.code.as_str(), moved.start), (mine.code.as_str(), c));
    let free: HashSet<Timestamp> = h
        .availability(procedure, None)
        .await
        .slots
        .iter()
        .map(|s| s.start)
        .collect();
    assert!(free.contains(&a) && !free.contains(&c));

    // At the counter, the old receipt is refused and the new one accepted.
    h.clock.set(c - SignedDuration::from_mins(30));
    let staff = h.login("questura.staff", "sportello-staff").await;
    let old = h
        .post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": mine.receipt}),
        )
        .await;
    problem(old, ProblemCode::InvalidReceipt).await;
    let new = h
        .post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": moved.receipt}),
        )
        .await;
    assert_eq!(new.status(), StatusCode::OK);
}

async fn check_in_check(h: &Harness) {
    let slots = h.availability(RENEWAL, None).await.slots;
    let first = h
        .book(RENEWAL, QUESTURA, slots[0].start, &person(10), None)
        .await;
    let second = h
        .book(RENEWAL, QUESTURA, slots[0].start, &person(11), None)
        .await;
    let third = h
        .book(RENEWAL, QUESTURA, slots[1].start, &person(12), None)
        .await;
    let staff = h.login("questura.staff", "sportello-staff").await;
    // Not today yet.
    problem(
        h.post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": first.receipt}),
        )
        .await,
        ProblemCode::InvalidState,
    )
    .await;
    h.clock.set(first.start - SignedDuration::from_mins(20));
    let staff = h.login("questura.staff", "sportello-staff").await;
    let one: CheckIn = h
        .post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": first.receipt}),
        )
        .await
        .json()
        .await
        .unwrap();
    let two: CheckIn = h
        .post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": second.receipt}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((one.queue_number, two.queue_number), (1, 2));
    // Scanning the same receipt twice gives the same number.
    let again: CheckIn = h
        .post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": first.receipt}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again.queue_number, 1);
    // A receipt altered by hand is refused.
    let forged = first.receipt.as_ref().unwrap().replace('.', ".x");
    problem(
        h.post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": forged}),
        )
        .await,
        ProblemCode::InvalidReceipt,
    )
    .await;
    // Only the office's staff check people in.
    let operator = h.login("asti.operatore", "sportello-operatore").await;
    problem(
        h.post(
            "/api/v1/checkins",
            Some(&operator),
            None,
            &json!({"receipt": first.receipt}),
        )
        .await,
        ProblemCode::Forbidden,
    )
    .await;

    // No-show: only once the slot is over.
    let no_show = format!("/api/v1/bookings/{}/no-show", third.code);
    problem(
        h.post(&no_show, Some(&staff), None, &json!({})).await,
        ProblemCode::InvalidState,
    )
    .await;
    h.clock.set(third.end + SignedDuration::from_mins(1));
    let staff = h.login("questura.staff", "sportello-staff").await;
    let marked: Booking = h
        .post(&no_show, Some(&staff), None, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        marked.status,
        sportello_core::booking::BookingStatus::NoShow
    );
}

async fn roles_check(h: &Harness) {
    let asti = h.login("asti.operatore", "sportello-operatore").await;
    let nizza = h.login("nizza.operatore", "sportello-operatore").await;
    let start = h.first_slot(RENEWAL).await;
    let booked = h
        .book(RENEWAL, QUESTURA, start, &person(13), Some(&asti))
        .await;
    let path = format!("/api/v1/bookings/{}", booked.code);

    // The operator who booked sees it, with the person; their comune is recorded.
    let record: BookingRecord = h.get(&path, Some(&asti)).await.json().await.unwrap();
    assert_eq!(record.organization_id.as_deref(), Some("comune-asti"));
    assert_eq!(record.booked_by, "operator:asti.operatore");
    assert_eq!(record.person.unwrap().surname, "Testpersonn");
    let list: Vec<BookingRecord> = h
        .get("/api/v1/bookings?organization_id=comune-asti", Some(&asti))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    // Asked for nothing in particular, an operator gets their organisation's, from today on.
    let own: Vec<BookingRecord> = h
        .get("/api/v1/bookings", Some(&asti))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].booking.code, booked.code);
    // The office's staff get their own office's day.
    let staff = h.login("questura.staff", "sportello-staff").await;
    let day = sportello_core::calendar::local_date(start);
    let at_office: Vec<BookingRecord> = h
        .get(&format!("/api/v1/bookings?day={day}"), Some(&staff))
        .await
        .json()
        .await
        .unwrap();
    assert!(at_office.iter().any(|r| r.booking.code == booked.code));
    assert!(at_office.iter().all(|r| r.booking.office_id == QUESTURA));

    // An operator of another comune does not: for them the code does not exist.
    problem(h.get(&path, Some(&nizza)).await, ProblemCode::NotFound).await;
    problem(
        h.get("/api/v1/bookings?organization_id=comune-asti", Some(&nizza))
            .await,
        ProblemCode::Forbidden,
    )
    .await;
    let theirs: Vec<BookingRecord> = h
        .get("/api/v1/bookings", Some(&nizza))
        .await
        .json()
        .await
        .unwrap();
    assert!(theirs.is_empty(), "nizza's own list holds none of asti's");
    problem(
        h.post(
            &format!("{path}/cancel"),
            Some(&nizza),
            Some(&key()),
            &json!({}),
        )
        .await,
        ProblemCode::NotFound,
    )
    .await;
    problem(
        h.get(
            &format!("/api/v1/audit?booking_code={}", booked.code),
            Some(&nizza),
        )
        .await,
        ProblemCode::NotFound,
    )
    .await;
    // Nor does the staff of another office; the Questura's does.
    let sui = h.login("sui.staff", "sportello-staff").await;
    problem(h.get(&path, Some(&sui)).await, ProblemCode::NotFound).await;
    problem(
        h.get(
            &format!("/api/v1/audit?booking_code={}", booked.code),
            Some(&sui),
        )
        .await,
        ProblemCode::NotFound,
    )
    .await;
    problem(
        h.post(&format!("{path}/no-show"), Some(&sui), None, &json!({}))
            .await,
        ProblemCode::NotFound,
    )
    .await;
    // Nor can the staff of another office change the Questura's agenda, even by claiming
    // its counter for their own office.
    let mut counter: Value = h
        .get("/api/v1/counters/questura-asti-1", None)
        .await
        .json()
        .await
        .unwrap();
    counter["office_id"] = json!("sui-asti");
    problem(
        h.put("/api/v1/admin/counters/questura-asti-1", &sui, &counter)
            .await,
        ProblemCode::Forbidden,
    )
    .await;
    let mut procedure: Value = h
        .get(&format!("/api/v1/procedures/{RENEWAL}"), None)
        .await
        .json()
        .await
        .unwrap();
    procedure["office_id"] = json!("sui-asti");
    problem(
        h.put(
            &format!("/api/v1/admin/procedures/{RENEWAL}"),
            &sui,
            &procedure,
        )
        .await,
        ProblemCode::Forbidden,
    )
    .await;
    let mut borrowing: Value = h
        .get("/api/v1/procedures/sui-asti-conversione", None)
        .await
        .json()
        .await
        .unwrap();
    borrowing["counter_ids"] = json!(["sui-asti-2", "questura-asti-1"]);
    problem(
        h.put(
            "/api/v1/admin/procedures/sui-asti-conversione",
            &sui,
            &borrowing,
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    problem(
        h.get(
            &format!("/api/v1/bookings?office_id={QUESTURA}&day=2026-12-01"),
            Some(&sui),
        )
        .await,
        ProblemCode::Forbidden,
    )
    .await;
    let questura = h.login("questura.staff", "sportello-staff").await;
    assert_eq!(h.get(&path, Some(&questura)).await.status(), StatusCode::OK);

    // A kiosk books, but reads no personal data.
    let admin = h.login("admin", "sportello-admin").await;
    let kiosk_token = h.enrol_kiosk(&admin, "asti-municipio").await.token;
    let second = h.availability(RENEWAL, None).await.slots[0].start;
    let by_kiosk = h
        .book(RENEWAL, QUESTURA, second, &person(14), Some(&kiosk_token))
        .await;
    assert!(by_kiosk.receipt.is_some());
    problem(
        h.get(
            &format!("/api/v1/bookings/{}", by_kiosk.code),
            Some(&kiosk_token),
        )
        .await,
        ProblemCode::Forbidden,
    )
    .await;
    problem(
        h.get(
            &format!("/api/v1/bookings?office_id={QUESTURA}&day=2026-12-01"),
            Some(&kiosk_token),
        )
        .await,
        ProblemCode::Forbidden,
    )
    .await;
    // Revoked, it gets nothing more.
    h.post(
        "/api/v1/admin/kiosks/asti-municipio/revoke",
        Some(&admin),
        None,
        &json!({}),
    )
    .await;
    problem(
        h.hold(RENEWAL, QUESTURA, second, Some(&kiosk_token)).await,
        ProblemCode::Unauthorized,
    )
    .await;

    // Citizens and operators do not administer.
    problem(
        h.post(
            "/api/v1/admin/users",
            Some(&asti),
            None,
            &json!({"username": "x", "password": "0123456789", "role": "admin"}),
        )
        .await,
        ProblemCode::Forbidden,
    )
    .await;
    problem(
        h.post(
            "/api/v1/admin/users",
            None,
            None,
            &json!({"username": "x", "password": "0123456789", "role": "admin"}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    problem(
        h.get("/api/v1/audit", Some(&questura)).await,
        ProblemCode::Forbidden,
    )
    .await;
    // A made-up token is refused, not taken for a citizen.
    problem(
        h.get("/api/v1/auth/me", Some("ss_forged")).await,
        ProblemCode::Unauthorized,
    )
    .await;
}

async fn audit_check(h: &Harness) {
    let asti = h.login("asti.operatore", "sportello-operatore").await;
    let start = h.first_slot(RENEWAL).await;
    let booked = h
        .book(RENEWAL, QUESTURA, start, &person(15), Some(&asti))
        .await;
    h.post(
        &format!("/api/v1/bookings/{}/cancel", booked.code),
        Some(&asti),
        Some(&key()),
        &json!({}),
    )
    .await;
    let staff = h.login("questura.staff", "sportello-staff").await;
    let trail: Vec<Value> = h
        .get(
            &format!("/api/v1/audit?booking_code={}", booked.code),
            Some(&staff),
        )
        .await
        .json()
        .await
        .unwrap();
    let steps: Vec<(&str, &str)> = trail
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    // Newest first.
    assert_eq!(
        steps,
        [
            ("cancel", "operator:asti.operatore"),
            ("confirm", "operator:asti.operatore"),
            ("hold", "operator:asti.operatore")
        ]
    );
    let text = serde_json::to_string(&trail).unwrap();
    assert!(
        !text.contains("Testperson")
            && !text.contains("PX0000015")
            && !text.contains(&date_of_birth(15)),
        "{text}"
    );
}

async fn purge_check(h: &Harness) {
    let start = h.first_slot(RENEWAL).await;
    let booking = h.book(RENEWAL, QUESTURA, start, &person(16), None).await;
    let admin = h.login("admin", "sportello-admin").await;
    let path = format!("/api/v1/bookings/{}", booking.code);
    assert!(
        h.get(&path, Some(&admin))
            .await
            .json::<BookingRecord>()
            .await
            .unwrap()
            .person
            .is_some()
    );
    // 29 days after the appointment the details are kept; after 30 they are gone.
    h.clock
        .set(booking.end + SignedDuration::from_hours(29 * 24));
    h.housekeeping().await;
    let admin = h.login("admin", "sportello-admin").await;
    assert!(
        h.get(&path, Some(&admin))
            .await
            .json::<BookingRecord>()
            .await
            .unwrap()
            .person
            .is_some()
    );
    h.clock
        .set(booking.end + SignedDuration::from_hours(30 * 24 + 1));
    let admin = h.login("admin", "sportello-admin").await;
    h.housekeeping().await;
    let record: BookingRecord = h.get(&path, Some(&admin)).await.json().await.unwrap();
    assert!(record.person.is_none());
    assert_eq!(
        record.booking.code, booking.code,
        "the booking itself stays, for statistics"
    );
    let trail: Vec<Value> = h
        .get(
            &format!("/api/v1/audit?booking_code={}", booking.code),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e["action"] == "personal_data_purged" && e["actor"] == "system")
    );
}

async fn login_check(h: &Harness) {
    problem(
        h.post(
            "/api/v1/auth/login",
            None,
            None,
            &json!({"username": "admin", "password": "wrong"}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    problem(
        h.post(
            "/api/v1/auth/login",
            None,
            None,
            &json!({"username": "nobody", "password": "wrong"}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    let token = h.login("admin", "sportello-admin").await;
    let me: Value = h
        .get("/api/v1/auth/me", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "admin");
    // Sessions end after a working day.
    h.clock.advance(SignedDuration::from_hours(9));
    problem(
        h.get("/api/v1/auth/me", Some(&token)).await,
        ProblemCode::Unauthorized,
    )
    .await;
    // Logout ends a session at once.
    let token = h.login("admin", "sportello-admin").await;
    let response = h
        .post("/api/v1/auth/logout", Some(&token), None, &json!({}))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    problem(
        h.get("/api/v1/auth/me", Some(&token)).await,
        ProblemCode::Unauthorized,
    )
    .await;
    // An admin creates an operator, then disables them: their session ends.
    let admin = h.login("admin", "sportello-admin").await;
    let created = h.post("/api/v1/admin/users", Some(&admin), None, &json!({"username": "nuovo.operatore", "password": "una-password-lunga", "role": "operator", "organization_id": "comune-asti"})).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    problem(h.post("/api/v1/admin/users", Some(&admin), None, &json!({"username": "nuovo.operatore", "password": "una-password-lunga", "role": "operator", "organization_id": "comune-asti"})).await, ProblemCode::AlreadyExists).await;
    problem(
        h.post(
            "/api/v1/admin/users",
            Some(&admin),
            None,
            &json!({"username": "corto", "password": "short", "role": "admin"}),
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    problem(h.post("/api/v1/admin/users", Some(&admin), None, &json!({"username": "senza.ufficio", "password": "una-password-lunga", "role": "staff"})).await, ProblemCode::InvalidInput).await;
    let operator = h.login("nuovo.operatore", "una-password-lunga").await;
    h.post(
        "/api/v1/admin/users/nuovo.operatore/disable",
        Some(&admin),
        None,
        &json!({}),
    )
    .await;
    problem(
        h.get("/api/v1/auth/me", Some(&operator)).await,
        ProblemCode::Unauthorized,
    )
    .await;
    problem(
        h.post(
            "/api/v1/auth/login",
            None,
            None,
            &json!({"username": "nuovo.operatore", "password": "una-password-lunga"}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    // Guessing a password is rate-limited.
    let mut limited = false;
    for _ in 0..8 {
        let response = h
            .post(
                "/api/v1/auth/login",
                None,
                None,
                &json!({"username": "questura.staff", "password": "guess"}),
            )
            .await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
    }
    assert!(limited, "password guesses are rate-limited");
}

async fn bad_input_check(h: &Harness) {
    let start = h.first_slot(RENEWAL).await;
    let hold: Hold = h
        .hold(RENEWAL, QUESTURA, start, None)
        .await
        .json()
        .await
        .unwrap();
    let mut bad = person(17);
    bad["surname"] = json!("Иванов");
    bad["date_of_birth"] = json!("2030-01-01");
    bad["identity"] = json!({"kind": "codice_fiscale", "code": "RSSMRA85T10A562T"});
    let refused = problem(
        h.confirm(&hold.hold_id, &bad, None).await,
        ProblemCode::InvalidInput,
    )
    .await;
    let fields: Vec<&str> = refused.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "person.surname",
            "person.date_of_birth",
            "person.identity.code"
        ]
    );
    // The hold survives a refused confirmation: the person fixes the fields and goes on.
    assert_eq!(
        h.confirm(&hold.hold_id, &person(17), None).await.status(),
        StatusCode::CREATED
    );

    let body = json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start});
    for (raw, content_type) in [
        ("{not json", "application/json"),
        (r#"{"procedure_id": 5}"#, "application/json"),
        (
            r#"{"procedure_id": "x", "office_id": "y", "start": "yesterday"}"#,
            "application/json",
        ),
        (
            &*serde_json::to_string(&{
                let mut b = body.clone();
                b["extra"] = json!(1);
                b
            })
            .unwrap(),
            "application/json",
        ),
        (&*body.to_string(), "text/plain"),
    ] {
        let response = h
            .http
            .post(format!("{}/api/v1/holds", h.base))
            .header("Idempotency-Key", key())
            .header("Content-Type", content_type)
            .body(raw.to_owned())
            .send()
            .await
            .unwrap();
        problem(response, ProblemCode::InvalidInput).await;
    }
    let huge = "x".repeat(100_000);
    // A client of its own: the server answers before reading the body and then closes the
    // connection, which a pooled client could otherwise reuse for the next request.
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/holds", h.base))
        .header("Idempotency-Key", key())
        .header("Content-Type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    problem(response, ProblemCode::TooLarge).await;
    for path in [
        "/api/v1/availability",
        "/api/v1/availability?procedure_id=NOPE",
        "/api/v1/availability?procedure_id=x&limit=0",
        "/api/v1/availability?procedure_id=x&from=someday",
    ] {
        problem(h.get(path, None).await, ProblemCode::InvalidInput).await;
    }
    problem(
        h.get("/api/v1/availability?procedure_id=nowhere", None)
            .await,
        ProblemCode::NotFound,
    )
    .await;
    problem(
        h.post(
            "/api/v1/holds/short/confirm",
            None,
            Some(&key()),
            &json!({"person": person(1)}),
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    problem(
        h.post(
            "/api/v1/holds/aaaaaaaaaaaaaaaaaaaaaaaa/confirm",
            None,
            Some(&key()),
            &json!({"person": person(1)}),
        )
        .await,
        ProblemCode::HoldExpired,
    )
    .await;
    problem(
        h.post("/api/v1/holds", None, Some("bad key!"), &body).await,
        ProblemCode::InvalidInput,
    )
    .await;
}

/// Many clients race for one office-day; some retry with their idempotency key. Every place is
/// booked at most once, every client at most once, and the counts are exact.
/// Opens a click day: one counter of `seats` seats on a 30-minute grid, open 09:00–14:00 on
/// Tuesday 1 December only (10 cells), serving a procedure `{name}-procedure` of 30 minutes.
/// What availability offers then.
async fn open_click_day(h: &Harness, admin: &str, name: &str, seats: u32) -> Availability {
    let counter_id = format!("{name}-counter");
    let counter = json!({"id": counter_id, "office_id": "sui-asti", "name": name, "grid_minutes": 30, "seats": seats, "hours": {}});
    let response = h
        .put(
            &format!("/api/v1/admin/counters/{counter_id}"),
            admin,
            &counter,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let open = json!({"id": format!("{name}-day"), "office_id": "sui-asti", "counter_id": counter_id, "day": "2026-12-01", "hours": ["09:00-14:00"], "reason": "click day"});
    let response = h
        .put(&format!("/api/v1/overrides/{name}-day"), admin, &open)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let procedure_id = format!("{name}-procedure");
    let procedure = json!({"id": procedure_id, "office_id": "sui-asti", "category": "work",
        "name": {"it": "Click day"}, "summary": {"it": "Click day"}, "slot_minutes": 30,
        "mediator_recommended": false, "documents": [], "counter_ids": [counter_id],
        "rules": {"min_notice_minutes": 0, "horizon_days": 30}});
    let response = h
        .put(
            &format!("/api/v1/admin/procedures/{procedure_id}"),
            admin,
            &procedure,
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{:?}",
        response.text().await
    );
    h.availability(&procedure_id, None).await
}

async fn race_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    // 10 cells × 2 seats = 20 places.
    let offered = open_click_day(h, &admin, "race", 2).await;
    assert_eq!(offered.slots.iter().map(|s| s.free).sum::<u32>(), 20);

    const CLIENTS: u32 = 60;
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let http = h.http.clone();
        let base = h.base.clone();
        let slots: Vec<Timestamp> = offered.slots.iter().map(|s| s.start).collect();
        tasks.push(tokio::spawn(async move {
            // Each client tries slots in its own order, retrying each request once with the
            // same key (as after a lost answer).
            for attempt in 0..slots.len() {
                let start = slots[(client as usize + attempt) % slots.len()];
                let hold_key = format!("race-hold-{client}-{attempt}-{}", std::process::id());
                let body = json!({"procedure_id": "race-procedure", "office_id": "sui-asti", "start": start});
                let mut hold = None;
                for _ in 0..2 {
                    let response = http.post(format!("{base}/api/v1/holds")).header("Idempotency-Key", &hold_key).json(&body).send().await.unwrap();
                    assert_ne!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
                    if response.status() == StatusCode::CREATED {
                        hold = Some(response.json::<Hold>().await.unwrap());
                    }
                }
                let Some(hold) = hold else { continue };
                let confirm_key = format!("race-confirm-{client}-{}", std::process::id());
                let mut booked = None;
                for _ in 0..2 {
                    let response = http.post(format!("{base}/api/v1/holds/{}/confirm", hold.hold_id)).header("Idempotency-Key", &confirm_key).json(&json!({"person": person(1000 + client)})).send().await.unwrap();
                    assert_eq!(response.status(), StatusCode::CREATED);
                    booked = Some(response.json::<Booking>().await.unwrap().code);
                }
                return booked;
            }
            None
        }));
    }
    let mut codes = Vec::new();
    for task in tasks {
        if let Some(code) = task.await.unwrap() {
            codes.push(code);
        }
    }
    // Exactly the 20 places went, to 20 different clients, each booked once.
    assert_eq!(codes.len(), 20);
    assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 20);
    let day: Vec<BookingRecord> = h
        .get(
            "/api/v1/bookings?office_id=sui-asti&day=2026-12-01",
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let race: Vec<&BookingRecord> = day
        .iter()
        .filter(|r| r.booking.procedure_id == "race-procedure")
        .collect();
    assert_eq!(race.len(), 20);
    let mut per_slot: HashMap<Timestamp, u32> = HashMap::new();
    for record in &race {
        *per_slot.entry(record.booking.start).or_default() += 1;
    }
    assert!(
        per_slot.values().all(|&n| n <= 2),
        "overbooked: {per_slot:?}"
    );
    assert_eq!(h.availability("race-procedure", None).await.slots.len(), 0);
}

/// Hundreds of people press "book" on the same last place at the same instant: one gets it,
/// every other gets "slot taken" at once, and none an error. (Refusals must not hold one
/// database connection while waiting for another: more of them than the pool has
/// connections would wait on each other until the pool gives up.)
async fn burst_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let offered = open_click_day(h, &admin, "burst", 1).await;
    let start = offered.slots[0].start;
    const CLIENTS: usize = 300;
    let barrier = Arc::new(tokio::sync::Barrier::new(CLIENTS));
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let (http, base, barrier) = (h.http.clone(), h.base.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            let body =
                json!({"procedure_id": "burst-procedure", "office_id": "sui-asti", "start": start});
            barrier.wait().await;
            let response = http
                .post(format!("{base}/api/v1/holds"))
                .header(
                    "Idempotency-Key",
                    format!("burst-{client}-{}", std::process::id()),
                )
                .json(&body)
                .send()
                .await
                .unwrap();
            response.status()
        }));
    }
    let mut answers: HashMap<StatusCode, usize> = HashMap::new();
    for task in tasks {
        *answers.entry(task.await.unwrap()).or_default() += 1;
    }
    assert_eq!(
        answers,
        HashMap::from([
            (StatusCode::CREATED, 1),
            (StatusCode::CONFLICT, CLIENTS - 1)
        ])
    );
}

/// The database's own view: cancelled or finished bookings hold no places, every live one
/// holds places inside its own slot, and no place is held twice.
async fn assert_consistent(h: &Harness) {
    let mut conn = h.server.db().conn().await.unwrap();
    let count = async |conn: &mut sqlx::AnyConnection, sql: &'static str| -> i64 {
        sqlx::query_scalar(sql).fetch_one(conn).await.unwrap()
    };
    let stray = count(&mut conn, "SELECT COUNT(*) FROM seat_claims c JOIN bookings b ON b.id = c.booking_id \
        WHERE b.status NOT IN ('held', 'confirmed', 'checked_in') \
        OR c.cell_start < b.slot_start OR c.cell_start >= b.slot_end OR c.counter_id <> b.counter_id").await;
    assert_eq!(stray, 0, "places held outside their booking");
    let placeless = count(
        &mut conn,
        "SELECT COUNT(*) FROM bookings b WHERE b.status IN ('held', 'confirmed') \
        AND NOT EXISTS (SELECT 1 FROM seat_claims c WHERE c.booking_id = b.id)",
    )
    .await;
    assert_eq!(placeless, 0, "live bookings without places");
    let crowded = count(
        &mut conn,
        "SELECT COUNT(*) FROM (SELECT c.counter_id, c.cell_start FROM seat_claims c \
         JOIN counters k ON k.id = c.counter_id GROUP BY c.counter_id, c.cell_start, k.seats \
         HAVING COUNT(*) > k.seats) AS over",
    )
    .await;
    assert_eq!(crowded, 0, "more people than seats in a cell");
    // Every claimed cell is on its counter's current grid, counted from local midnight.
    let cells: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.cell_start, k.grid_minutes FROM seat_claims c JOIN counters k ON k.id = c.counter_id",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for (cell, grid) in cells {
        let local = sportello_core::calendar::office_tz()
            .to_datetime(Timestamp::from_second(cell).unwrap());
        let minute = i64::from(local.hour()) * 60 + i64::from(local.minute());
        assert_eq!(
            minute % grid,
            0,
            "cell {local} is off the {grid}-minute grid"
        );
    }
}

async fn post_concurrently(
    h: &Harness,
    requests: Vec<(String, String, Value)>,
) -> Vec<(StatusCode, Value)> {
    let mut tasks = Vec::new();
    for (path, idempotency, body) in requests {
        let (http, url) = (h.http.clone(), format!("{}{path}", h.base));
        tasks.push(tokio::spawn(async move {
            let response = http
                .post(url)
                .header("Idempotency-Key", idempotency)
                .json(&body)
                .send()
                .await
                .unwrap();
            (
                response.status(),
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    results
}

async fn concurrent_duplicates_check(h: &Harness) {
    // One hold request sent 8 times at once with one key (an impatient client): one hold.
    let start = h.first_slot(RENEWAL).await;
    let body = json!({"procedure_id": RENEWAL, "office_id": QUESTURA, "start": start});
    let hold_key = key();
    let answers = post_concurrently(
        h,
        (0..8)
            .map(|_| ("/api/v1/holds".to_owned(), hold_key.clone(), body.clone()))
            .collect(),
    )
    .await;
    assert!(
        answers
            .iter()
            .all(|(status, _)| *status == StatusCode::CREATED),
        "{answers:?}"
    );
    let ids: HashSet<&str> = answers
        .iter()
        .map(|(_, hold)| hold["hold_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(h.availability(RENEWAL, None).await.slots[0].free, 1);

    // The same person confirming two holds at the same moment: one booking, one refusal.
    let slots = h.availability(RENEWAL, None).await.slots;
    let a: Hold = h
        .hold(RENEWAL, QUESTURA, slots[1].start, None)
        .await
        .json()
        .await
        .unwrap();
    let b: Hold = h
        .hold(RENEWAL, QUESTURA, slots[2].start, None)
        .await
        .json()
        .await
        .unwrap();
    let who = json!({"person": person(40)});
    let answers = post_concurrently(
        h,
        vec![
            (
                format!("/api/v1/holds/{}/confirm", a.hold_id),
                key(),
                who.clone(),
            ),
            (
                format!("/api/v1/holds/{}/confirm", b.hold_id),
                key(),
                who.clone(),
            ),
        ],
    )
    .await;
    let mut statuses: Vec<u16> = answers.iter().map(|(status, _)| status.as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409], "{answers:?}");

    // A 20-minute first issue takes two 15-minute cells: clients racing for 08:30 and 08:45
    // (which share the 08:45 cell) on the two counters get at most two of them, never
    // overlapping on a counter.
    let tuesday = ts("2026-12-01T07:30:00Z");
    let requests = (0..10)
        .map(|n| {
            let start = tuesday + SignedDuration::from_mins(15 * (n % 2));
            ("/api/v1/holds".to_owned(), key(), json!({"procedure_id": "questura-asti-permesso-primo", "office_id": QUESTURA, "start": start}))
        })
        .collect();
    let answers = post_concurrently(h, requests).await;
    let held: Vec<Hold> = answers
        .into_iter()
        .filter(|(status, _)| *status == StatusCode::CREATED)
        .map(|(_, hold)| serde_json::from_value(hold).unwrap())
        .collect();
    assert!(!held.is_empty() && held.len() <= 4, "{held:?}");
    let mut by_counter: HashMap<&str, Vec<(Timestamp, Timestamp)>> = HashMap::new();
    for hold in &held {
        by_counter
            .entry(&hold.counter_id)
            .or_default()
            .push((hold.start, hold.end));
    }
    for spans in by_counter.values_mut() {
        spans.sort();
        assert!(
            spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "overlap on a counter: {spans:?}"
        );
    }
    assert_consistent(h).await;
}

async fn concurrent_changes_check(h: &Harness) {
    let procedure = "questura-asti-ritiro-pse";
    let slots = h.availability(procedure, None).await.slots;
    // Cancel and move one booking at the same moment, five times over: each ends cancelled
    // holding no place, or moved holding exactly its new place.
    for round in 0..5 {
        let who = 60 + round;
        let booking = h
            .book(
                procedure,
                QUESTURA,
                slots[round as usize * 2].start,
                &person(who),
                None,
            )
            .await;
        let target = slots[round as usize * 2 + 1].start;
        let proof = proof(who);
        let answers = post_concurrently(
            h,
            vec![
                (
                    format!("/api/v1/bookings/{}/cancel", booking.code),
                    key(),
                    json!({"proof": proof}),
                ),
                (
                    format!("/api/v1/bookings/{}/reschedule", booking.code),
                    key(),
                    json!({"office_id": QUESTURA, "start": target, "proof": proof}),
                ),
            ],
        )
        .await;
        assert!(
            answers.iter().all(|(status, _)| status.as_u16() < 500),
            "{answers:?}"
        );
        assert!(
            answers.iter().any(|(status, _)| *status == StatusCode::OK),
            "{answers:?}"
        );
    }
    // Release and confirm one hold at the same moment: either a full booking or nothing.
    for round in 0..5 {
        let start = h.availability(procedure, None).await.slots[0].start;
        let hold: Hold = h
            .hold(procedure, QUESTURA, start, None)
            .await
            .json()
            .await
            .unwrap();
        let (http, base, hold_id) = (h.http.clone(), h.base.clone(), hold.hold_id.clone());
        let release = tokio::spawn(async move {
            http.delete(format!("{base}/api/v1/holds/{hold_id}"))
                .send()
                .await
                .unwrap()
                .status()
        });
        let confirmed = post_concurrently(
            h,
            vec![(
                format!("/api/v1/holds/{}/confirm", hold.hold_id),
                key(),
                json!({"person": person(70 + round)}),
            )],
        )
        .await;
        let released = release.await.unwrap();
        match confirmed[0].0 {
            StatusCode::CREATED => {
                assert_eq!(
                    released,
                    StatusCode::CONFLICT,
                    "a confirmed booking is not released"
                );
                let code = confirmed[0].1["code"].as_str().unwrap();
                let admin = h.login("admin", "sportello-admin").await;
                let record: BookingRecord = h
                    .get(&format!("/api/v1/bookings/{code}"), Some(&admin))
                    .await
                    .json()
                    .await
                    .unwrap();
                assert!(record.person.is_some());
            }
            status => {
                assert_eq!(status, StatusCode::GONE, "{confirmed:?}");
                assert_eq!(released, StatusCode::NO_CONTENT);
            }
        }
    }
    assert_consistent(h).await;
}

async fn grid_change_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let start = h.first_slot(RENEWAL).await;
    let booked = h.book(RENEWAL, QUESTURA, start, &person(80), None).await;
    let mut counter: Value = h
        .get(&format!("/api/v1/counters/{}", booked.counter_id), None)
        .await
        .json()
        .await
        .unwrap();
    counter["grid_minutes"] = json!(10);
    problem(
        h.put(
            &format!("/api/v1/admin/counters/{}", booked.counter_id),
            &admin,
            &counter,
        )
        .await,
        ProblemCode::InvalidState,
    )
    .await;
    // Hours may change; the grid may change once nothing is booked on it.
    counter["grid_minutes"] = json!(15);
    counter["name"] = json!("Sportello 1 – rinnovi");
    assert_eq!(
        h.put(
            &format!("/api/v1/admin/counters/{}", booked.counter_id),
            &admin,
            &counter
        )
        .await
        .status(),
        StatusCode::OK
    );
    h.post(
        &format!("/api/v1/bookings/{}/cancel", booked.code),
        Some(&admin),
        Some(&key()),
        &json!({}),
    )
    .await;
    counter["grid_minutes"] = json!(10);
    assert_eq!(
        h.put(
            &format!("/api/v1/admin/counters/{}", booked.counter_id),
            &admin,
            &counter
        )
        .await
        .status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn citizens_are_limited_in_holds_per_address() {
    for database in databases::all().await {
        let h = Harness::start_with(&database, MONDAY_8AM, 3).await;
        let slots = h.availability(RENEWAL, None).await.slots;
        for slot in &slots[..3] {
            assert_eq!(
                h.hold(RENEWAL, QUESTURA, slot.start, None).await.status(),
                StatusCode::CREATED
            );
        }
        let limited = problem(
            h.hold(RENEWAL, QUESTURA, slots[3].start, None).await,
            ProblemCode::TooManyRequests,
        )
        .await;
        assert!(limited.retry_after_secs.is_some());
        // Operators (and kiosks) book for many people from one desk: not limited.
        let operator = h.login("asti.operatore", "sportello-operatore").await;
        assert_eq!(
            h.hold(RENEWAL, QUESTURA, slots[3].start, Some(&operator))
                .await
                .status(),
            StatusCode::CREATED
        );
        h.server.stop().await.unwrap();
    }
}

async fn grid_race_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    // Collecting permits: counter 3, a 10-minute grid, nothing booked yet. Twenty holds race an
    // administrator moving the counter to a 15-minute grid: whichever way it goes, no claim is
    // left off the grid in force, and the change is refused if it came second.
    let procedure = "questura-asti-ritiro-pse";
    let slots = h.availability(procedure, None).await.slots;
    let requests: Vec<_> = slots[..20]
        .iter()
        .map(|slot| {
            (
                "/api/v1/holds".to_owned(),
                key(),
                json!({"procedure_id": procedure, "office_id": QUESTURA, "start": slot.start}),
            )
        })
        .collect();
    let mut counter: Value = h
        .get("/api/v1/counters/questura-asti-3", None)
        .await
        .json()
        .await
        .unwrap();
    counter["grid_minutes"] = json!(15);
    let (http, url, token) = (
        h.http.clone(),
        format!("{}/api/v1/admin/counters/questura-asti-3", h.base),
        admin.clone(),
    );
    let change = tokio::spawn(async move {
        let response = http
            .put(url)
            .bearer_auth(token)
            .json(&counter)
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    });
    let answers = post_concurrently(h, requests).await;
    let (changed, body) = change.await.unwrap();
    assert!(
        changed == StatusCode::OK || changed == StatusCode::CONFLICT,
        "{changed}: {body}"
    );
    assert!(
        answers.iter().all(|(status, _)| status.as_u16() < 500),
        "{answers:?}"
    );
    assert_consistent(h).await;
}
