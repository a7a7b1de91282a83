//! Kiosk devices and slot leases over HTTP on loopback, on SQLite and PostgreSQL: enrolment
//! with one-time codes and device keys, tokens, revocation; leases that hide their seats from
//! everyone else, offline bookings reported once and only once, expiry and re-claiming.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use jiff::Timestamp;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::api::ProblemCode;
use sportello_core::booking::{Booking, CheckIn};
use sportello_core::lease::{Lease, LeaseSet, sign_kiosk_receipt};
use sportello_server::clock::Clock;
use std::collections::{BTreeMap, BTreeSet};

on_every_database! {
    a_kiosk_enrols_once_with_its_code_and_signs_for_its_tokens => enrolment_check;
    a_revoked_kiosk_gets_nothing_more => revocation_check;
    lease_policies_are_the_administrators_and_are_checked => policy_check;
    leased_seats_are_hidden_from_everyone_else_and_topped_up => lease_check;
    an_offline_booking_is_recorded_once_and_checks_in_with_the_kiosk_receipt => offline_booking_check;
    a_lease_that_expired_is_reclaimed_if_its_seat_is_still_free => expiry_check;
    the_read_path_has_checkpoints_snapshots_and_compact_slots => read_path_check;
    leases_are_capped_per_office_day_and_withdrawn_from_closed_days => cap_check;
}

const QUESTURA_POLICY: &str = r#"{"seats": 2, "days": 3, "refill_below": 1, "ends_before_minutes": 1440, "max_per_day": 200}"#;
const OFF: &str =
    r#"{"seats": 0, "days": 1, "refill_below": 0, "ends_before_minutes": 0, "max_per_day": 0}"#;

/// Admin login, with the Questura leasing two seats a procedure-day for three days and the
/// SUI none.
async fn leasing(h: &Harness) -> String {
    leasing_with(h, QUESTURA_POLICY).await
}

async fn leasing_with(h: &Harness, questura: &str) -> String {
    let admin = h.login("admin", "sportello-admin").await;
    for (office, policy) in [(QUESTURA, questura), ("sui-asti", OFF)] {
        let body: Value = serde_json::from_str(policy).unwrap();
        let response = h
            .put(
                &format!("/api/v1/admin/offices/{office}/lease-policy"),
                &admin,
                &body,
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{office}");
    }
    admin
}

async fn sync(h: &Harness, kiosk: &TestKiosk, returned: &[&str]) -> Vec<Lease> {
    let response = h
        .post(
            "/api/v1/kiosk/leases/sync",
            Some(&kiosk.token),
            None,
            &json!({"return": returned}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json::<LeaseSet>().await.unwrap().leases
}

/// A sync naming the set the kiosk holds by its digest.
async fn sync_known(h: &Harness, kiosk: &TestKiosk, known: &str) -> LeaseSet {
    let response = h
        .post(
            "/api/v1/kiosk/leases/sync",
            Some(&kiosk.token),
            None,
            &json!({"known": known}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Reports a booking made offline on `lease`, signed by `key` at `issued_at`.
async fn report(
    h: &Harness,
    kiosk: &TestKiosk,
    key: &ed25519_dalek::SigningKey,
    lease: &Lease,
    person: &Value,
    issued_at: Timestamp,
    idempotency_key: &str,
) -> reqwest::Response {
    let receipt = sign_kiosk_receipt(&lease.token, issued_at.as_second(), key);
    h.post(
        &format!("/api/v1/kiosk/leases/{}/book", lease.lease_id),
        Some(&kiosk.token),
        Some(idempotency_key),
        &json!({"lease": lease.token, "receipt": receipt, "person": person}),
    )
    .await
}

fn free_at(availability: &sportello_core::booking::Availability, start: Timestamp) -> u32 {
    availability
        .slots
        .iter()
        .filter(|slot| slot.start == start)
        .map(|slot| slot.free)
        .sum()
}

/// The `kid` a lease token names.
fn key_of(lease: &Lease) -> String {
    sportello_core::lease::read_lease(&lease.token)
        .unwrap()
        .key_id
}

/// The digest a kiosk holding `leases` names its set by.
fn digest_of(leases: &[Lease]) -> String {
    let keys: Vec<String> = leases.iter().map(key_of).collect();
    sportello_core::lease::lease_set_digest(
        leases
            .iter()
            .zip(&keys)
            .map(|(l, key)| (l.lease_id.as_str(), l.expires_at.as_second(), key.as_str())),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_a_compromised_key_kiosks_are_sent_their_leases_signed_anew() {
    use sportello_server::config::{Command, KeysCommand};
    for database in databases::all().await {
        let h = Harness::start(&database, MONDAY_8AM).await;
        let admin = leasing(&h).await;
        let kiosk = h.enrol_kiosk(&admin, "asti-1").await;
        let leases = sync(&h, &kiosk, &[]).await;
        assert!(!leases.is_empty());
        assert!(leases.iter().all(|l| key_of(l) == "receipt-1"));
        let known = digest_of(&leases);

        let clock = h.clock.clone();
        h.server.stop().await.unwrap();
        let config = Harness::config(&database);
        sportello_server::commands::run(
            &config,
            Command::Keys(KeysCommand::Rotate { compromised: true }),
            clock.as_ref(),
        )
        .await
        .unwrap();
        let h = Harness::start_on(&config, clock).await;
        // The kiosk names the set it holds: the same leases, but signed by a key no longer
        // trusted, so they come again, signed with the new one, and verify.
        let again = sync_known(&h, &kiosk, &known).await;
        assert!(!again.unchanged);
        let ids = |set: &[Lease]| -> BTreeSet<String> {
            set.iter().map(|l| l.lease_id.clone()).collect()
        };
        assert_eq!(ids(&again.leases), ids(&leases));
        let published = h.published_keys().await;
        let keys: Vec<(String, ed25519_dalek::VerifyingKey)> = published
            .keys
            .iter()
            .map(|key| (key.key_id.clone(), key.verifying_key().unwrap()))
            .collect();
        for lease in &again.leases {
            assert_eq!(key_of(lease), "receipt-2");
            sportello_core::lease::verify_lease(
                &lease.token,
                keys.iter().map(|(id, key)| (id.as_str(), key)),
            )
            .unwrap();
        }
        h.server.stop().await.unwrap();
    }
}

// --- enrolment -------------------------------------------------------------------------------

async fn enrolment_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let staff = h.login("questura.staff", "sportello-staff").await;
    let new_kiosk = json!({"kiosk_id": "nizza-1", "place": "Municipio", "comune_istat": "005080"});
    // Only administrators register kiosks, in comuni that exist.
    problem(
        h.post("/api/v1/admin/kiosks", Some(&staff), None, &new_kiosk)
            .await,
        ProblemCode::Forbidden,
    )
    .await;
    problem(
        h.post(
            "/api/v1/admin/kiosks",
            Some(&admin),
            None,
            &json!({"kiosk_id": "nowhere-1", "place": "x", "comune_istat": "099999"}),
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    let response = h
        .post("/api/v1/admin/kiosks", Some(&admin), None, &new_kiosk)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let code: Value = response.json().await.unwrap();
    let code = code["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 19, "four groups of four: {code}");
    problem(
        h.post("/api/v1/admin/kiosks", Some(&admin), None, &new_kiosk)
            .await,
        ProblemCode::AlreadyExists,
    )
    .await;

    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let public = sportello_core::lease::key_text(&key.verifying_key());
    // Not enrolled yet: no challenge.
    assert_eq!(
        h.kiosk_token("nizza-1", &key).await,
        Err(StatusCode::UNAUTHORIZED)
    );
    // A bad key or a wrong code is refused and spends nothing.
    problem(
        h.post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": code, "public_key": "AAAA"}),
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    problem(
        h.post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": "AAAA-BBBB-CCCC-DDDD", "public_key": public}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    // The installer may type it in lower case, without the dashes.
    let typed = code.replace('-', " ").to_lowercase();
    let response = h
        .post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": typed, "public_key": public}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let enrolment: Value = response.json().await.unwrap();
    assert_eq!(enrolment["kiosk_id"], "nizza-1");
    assert_eq!(enrolment["comune_istat"], "005080");
    // The code is good once.
    let other = ed25519_dalek::SigningKey::from_bytes(&[8; 32]);
    problem(
        h.post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": code, "public_key": sportello_core::lease::key_text(&other.verifying_key())}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;

    // The key's signature gets a token; another key's does not.
    let token = h.kiosk_token("nizza-1", &key).await.unwrap();
    assert_eq!(
        h.kiosk_token("nizza-1", &other).await,
        Err(StatusCode::UNAUTHORIZED)
    );
    // A challenge is good once.
    let challenge: Value = h
        .post(
            "/api/v1/kiosk/challenge",
            None,
            None,
            &json!({"kiosk_id": "nizza-1"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let challenge = challenge["challenge"].as_str().unwrap();
    let signature = ed25519_dalek::Signer::sign(
        &key,
        &sportello_core::device::token_proof("nizza-1", challenge),
    );
    let body = json!({"kiosk_id": "nizza-1", "challenge": challenge,
        "signature": base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, signature.to_bytes())});
    assert_eq!(
        h.post("/api/v1/kiosk/token", None, None, &body)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        h.post("/api/v1/kiosk/token", None, None, &body)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    // The token books like any client, and expires.
    let start = h.first_slot(RENEWAL).await;
    h.book(RENEWAL, QUESTURA, start, &person(40), Some(&token))
        .await;
    let listed: Vec<Value> = h
        .get("/api/v1/admin/kiosks", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let nizza = listed.iter().find(|k| k["kiosk_id"] == "nizza-1").unwrap();
    assert_eq!(nizza["enrolled"], true);
    assert!(nizza["last_seen"].is_string());
    h.set_now("2026-11-30T07:31:00Z");
    problem(
        h.hold(RENEWAL, QUESTURA, start, Some(&token)).await,
        ProblemCode::Unauthorized,
    )
    .await;

    // A replaced device enrols with a new code: the old key stops working.
    let response = h
        .post(
            "/api/v1/admin/kiosks/nizza-1/enrolment",
            Some(&admin),
            None,
            &json!({}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let code: Value = response.json().await.unwrap();
    let response = h
        .post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": code["code"], "public_key": sportello_core::lease::key_text(&other.verifying_key())}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(h.kiosk_token("nizza-1", &other).await.is_ok());
    assert_eq!(
        h.kiosk_token("nizza-1", &key).await,
        Err(StatusCode::UNAUTHORIZED)
    );
    // The old device may be in anyone's hands: counters learn its key is revoked from now,
    // so receipts it signs from now on are refused offline too.
    let published = h.published_keys().await;
    let old_key = sportello_core::lease::key_text(&key.verifying_key());
    let revoked = published
        .revoked_kiosks
        .iter()
        .find(|revocation| revocation.kiosk_key == old_key)
        .expect("the replaced key is published as revoked");
    assert_eq!(revoked.kiosk_id, "nizza-1");
    assert_eq!(revoked.revoked_at, h.clock.now());
    let new_key = sportello_core::lease::key_text(&other.verifying_key());
    assert!(
        published
            .revoked_kiosks
            .iter()
            .all(|revocation| revocation.kiosk_key != new_key)
    );
}

async fn revocation_check(h: &Harness) {
    let admin = leasing(h).await;
    let kiosk = h.enrol_kiosk(&admin, "canelli-1").await;
    let leases = sync(h, &kiosk, &[]).await;
    assert!(!leases.is_empty());
    let start = leases[0].start;
    let free_before = free_at(&h.availability(&leases[0].procedure_id, None).await, start);

    // Booked offline before the revocation (the kiosk had no link to hear of it).
    let before_revocation = h.clock.now();
    h.clock.advance(jiff::SignedDuration::from_mins(5));
    let revoked_at = h.clock.now();
    let revoke = h
        .post(
            "/api/v1/admin/kiosks/canelli-1/revoke",
            Some(&admin),
            None,
            &json!({}),
        )
        .await;
    assert_eq!(revoke.status(), StatusCode::NO_CONTENT);
    // Counters learn it with the keys: the kiosk's key, since when.
    let published = h.published_keys().await;
    assert_eq!(published.revoked_kiosks.len(), 1);
    assert_eq!(published.revoked_kiosks[0].kiosk_id, "canelli-1");
    assert_eq!(published.revoked_kiosks[0].revoked_at, revoked_at);
    let signed_before =
        sign_kiosk_receipt(&leases[0].token, before_revocation.as_second(), &kiosk.key);
    let signed_after =
        sign_kiosk_receipt(&leases[1].token, revoked_at.as_second() + 60, &kiosk.key);
    assert!(sportello_core::lease::verify_offline(&signed_before, &published).is_ok());
    assert_eq!(
        sportello_core::lease::verify_offline(&signed_after, &published),
        Err(sportello_core::receipt::ReceiptError::Revoked),
        "a counter refuses what a revoked kiosk signed afterwards"
    );
    // Its token ends at once, and it gets no new one.
    problem(
        h.post(
            "/api/v1/kiosk/leases/sync",
            Some(&kiosk.token),
            None,
            &json!({}),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    problem(
        report(
            h,
            &kiosk,
            &kiosk.key,
            &leases[0],
            &person(41),
            h.clock.now(),
            &key(),
        )
        .await,
        ProblemCode::Unauthorized,
    )
    .await;
    assert_eq!(
        h.kiosk_token("canelli-1", &kiosk.key).await,
        Err(StatusCode::UNAUTHORIZED)
    );
    // Its leased seats are everyone's again.
    let free_after = free_at(&h.availability(&leases[0].procedure_id, None).await, start);
    assert!(free_after > free_before, "{free_before} → {free_after}");
    let listed: Vec<Value> = h
        .get("/api/v1/admin/kiosks", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let canelli = listed
        .iter()
        .find(|k| k["kiosk_id"] == "canelli-1")
        .unwrap();
    assert_eq!(canelli["revoked"], true);
    assert_eq!(canelli["leases"], 0);

    // Found again (it was in a cupboard, not stolen): an administrator gives it a new code.
    // It enrols with a new key (the old one stays revoked), and delivers what it kept.
    let code: Value = h
        .post(
            "/api/v1/admin/kiosks/canelli-1/enrolment",
            Some(&admin),
            None,
            &json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    let old_key = sportello_core::lease::key_text(&kiosk.key.verifying_key());
    problem(
        h.post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": code["code"], "public_key": old_key}),
        )
        .await,
        ProblemCode::AlreadyExists,
    )
    .await;
    let code: Value = h
        .post(
            "/api/v1/admin/kiosks/canelli-1/enrolment",
            Some(&admin),
            None,
            &json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    let new_key = ed25519_dalek::SigningKey::from_bytes(&[77; 32]);
    let enrolled = h
        .post(
            "/api/v1/kiosk/enrol",
            None,
            None,
            &json!({"code": code["code"],
                "public_key": sportello_core::lease::key_text(&new_key.verifying_key())}),
        )
        .await;
    assert_eq!(enrolled.status(), StatusCode::CREATED);
    let again = TestKiosk {
        id: "canelli-1".into(),
        token: h.kiosk_token("canelli-1", &new_key).await.unwrap(),
        key: new_key,
    };
    // What it booked before the revocation stands (the seat was still free)…
    let kept = h
        .post(
            &format!("/api/v1/kiosk/leases/{}/book", leases[0].lease_id),
            Some(&again.token),
            Some(&key()),
            &json!({"lease": leases[0].token, "receipt": signed_before, "person": person(44)}),
        )
        .await;
    assert_eq!(
        kept.status(),
        StatusCode::CREATED,
        "{:?}",
        kept.text().await
    );
    // …what it signed after, with the revoked key, does not.
    problem(
        h.post(
            &format!("/api/v1/kiosk/leases/{}/book", leases[1].lease_id),
            Some(&again.token),
            Some(&key()),
            &json!({"lease": leases[1].token, "receipt": signed_after, "person": person(45)}),
        )
        .await,
        ProblemCode::InvalidReceipt,
    )
    .await;
    assert!(!sync(h, &again, &[]).await.is_empty(), "leased again");
}

// --- leases ----------------------------------------------------------------------------------

async fn policy_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let staff = h.login("questura.staff", "sportello-staff").await;
    let path = format!("/api/v1/admin/offices/{QUESTURA}/lease-policy");
    let policy: Value = serde_json::from_str(QUESTURA_POLICY).unwrap();
    problem(h.put(&path, &staff, &policy).await, ProblemCode::Forbidden).await;
    for bad in [
        json!({"seats": 21, "days": 3, "refill_below": 1, "ends_before_minutes": 0, "max_per_day": 200}),
        json!({"seats": 2, "days": 0, "refill_below": 1, "ends_before_minutes": 0, "max_per_day": 200}),
        json!({"seats": 2, "days": 3, "refill_below": 3, "ends_before_minutes": 0, "max_per_day": 200}),
        json!({"seats": 2, "days": 3, "refill_below": 0, "ends_before_minutes": 0, "max_per_day": 200}),
        json!({"seats": 2, "days": 3, "refill_below": 1, "ends_before_minutes": 0}),
        json!({"seats": 2, "days": 3, "refill_below": 1, "ends_before_minutes": 0, "max_per_day": 1}),
        json!({"seats": -1, "days": 3, "refill_below": 1, "ends_before_minutes": 0, "max_per_day": 200}),
    ] {
        problem(h.put(&path, &admin, &bad).await, ProblemCode::InvalidInput).await;
    }
    problem(
        h.put(
            "/api/v1/admin/offices/nowhere/lease-policy",
            &admin,
            &policy,
        )
        .await,
        ProblemCode::NotFound,
    )
    .await;
    assert_eq!(h.put(&path, &admin, &policy).await.status(), StatusCode::OK);
    let read: Value = h.get(&path, Some(&admin)).await.json().await.unwrap();
    assert_eq!(read, policy);
}

async fn lease_check(h: &Harness) {
    let admin = leasing(h).await;
    let before = h.availability(RENEWAL, None).await;
    let kiosk = h.enrol_kiosk(&admin, "asti-1").await;
    let leases = sync(h, &kiosk, &[]).await;

    // Two seats per procedure and day, on the next three days that can still be leased (a
    // lease ends a day before its appointment), spread over the day, only at the Questura.
    let mut per_day: BTreeMap<(String, String), Vec<Timestamp>> = BTreeMap::new();
    for lease in &leases {
        assert_eq!(lease.office_id, QUESTURA);
        let day = sportello_core::calendar::local_date(lease.start);
        per_day
            .entry((lease.procedure_id.clone(), day.to_string()))
            .or_default()
            .push(lease.start);
        assert!(lease.expires_at.as_second() == lease.start.as_second() - 24 * 3600);
        assert!(lease.expires_at > h.clock.now());
    }
    let renewal_days: BTreeSet<&str> = per_day
        .keys()
        .filter(|(procedure, _)| procedure == RENEWAL)
        .map(|(_, day)| day.as_str())
        .collect();
    assert_eq!(
        renewal_days,
        BTreeSet::from(["2026-12-01", "2026-12-02", "2026-12-03"])
    );
    for ((procedure, day), starts) in &per_day {
        assert_eq!(starts.len(), 2, "{procedure} {day}");
        assert_ne!(starts[0], starts[1], "two different times");
    }
    // The seats are taken for everyone else.
    let after = h.availability(RENEWAL, None).await;
    for lease in leases.iter().filter(|l| l.procedure_id == RENEWAL) {
        // (Other procedures' leases may share the counters.)
        assert!(
            free_at(&after, lease.start) < free_at(&before, lease.start),
            "{}",
            lease.start
        );
    }
    // A sync with nothing to return changes nothing; a kiosk that names its set by digest
    // is told it is current, without the tokens again.
    let again = sync(h, &kiosk, &[]).await;
    assert_eq!(again, leases);
    let digest = digest_of(&leases);
    let current = sync_known(h, &kiosk, &digest).await;
    assert!(current.unchanged && current.leases.is_empty());
    let stale = sync_known(h, &kiosk, "something-else").await;
    assert_eq!(stale.leases, leases);
    // Returning one of two leaves one (at least `refill_below`): no refill. Returning both
    // brings two new ones.
    let day_one: Vec<&Lease> = leases
        .iter()
        .filter(|l| l.procedure_id == RENEWAL && l.start < "2026-12-01T23:00:00Z".parse().unwrap())
        .collect();
    let after_one = sync(h, &kiosk, &[&day_one[0].lease_id]).await;
    assert_eq!(after_one.len(), leases.len() - 1);
    assert_eq!(
        free_at(&h.availability(RENEWAL, None).await, day_one[0].start),
        free_at(&after, day_one[0].start) + 1
    );
    let refilled = sync(h, &kiosk, &[&day_one[1].lease_id]).await;
    assert_eq!(refilled.len(), leases.len());
    // Someone else's lease cannot be returned by this kiosk.
    let other = h.enrol_kiosk(&admin, "asti-2").await;
    let others = sync(h, &other, &[&refilled[0].lease_id]).await;
    // (Where seats run short, the second kiosk gets fewer.)
    assert!(others.len() <= leases.len());
    assert_eq!(
        others.iter().filter(|l| l.procedure_id == RENEWAL).count(),
        6
    );
    assert_eq!(sync(h, &kiosk, &[]).await, refilled);
    // Two kiosks never share a seat.
    let mut seats = BTreeSet::new();
    for lease in refilled.iter().chain(&others) {
        assert!(seats.insert(lease.code.clone()));
    }
    // Only kiosks sync leases.
    problem(
        h.post("/api/v1/kiosk/leases/sync", Some(&admin), None, &json!({}))
            .await,
        ProblemCode::Forbidden,
    )
    .await;
    problem(
        h.post("/api/v1/kiosk/leases/sync", None, None, &json!({}))
            .await,
        ProblemCode::Unauthorized,
    )
    .await;
    problem(
        h.post(
            "/api/v1/kiosk/leases/sync",
            Some(&kiosk.token),
            None,
            &json!({"return": ["../etc"]}),
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
}

async fn offline_booking_check(h: &Harness) {
    let admin = leasing(h).await;
    let kiosk = h.enrol_kiosk(&admin, "asti-1").await;
    let leases = sync(h, &kiosk, &[]).await;
    let lease = leases.iter().find(|l| l.procedure_id == RENEWAL).unwrap();
    let booked_at = h.clock.now();

    // Not reported yet: the counter knows the receipt is genuine, but not who it is for.
    let receipt = sign_kiosk_receipt(&lease.token, booked_at.as_second(), &kiosk.key);
    let keys = h.published_keys().await.keys;
    let keys = &keys[0];
    let verifying = sportello_core::lease::verifying_key(&keys.public_key).unwrap();
    let claims =
        sportello_core::lease::verify_any_receipt(&receipt, [(keys.key_id.as_str(), &verifying)])
            .unwrap();
    assert_eq!(claims.code, lease.code);
    assert_eq!(claims.start, lease.start.as_second());

    // Forged: signed by another key, or the lease of another kiosk.
    let thief = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    problem(
        report(h, &kiosk, &thief, lease, &person(50), booked_at, &key()).await,
        ProblemCode::InvalidReceipt,
    )
    .await;
    let other = h.enrol_kiosk(&admin, "asti-2").await;
    problem(
        report(h, &other, &other.key, lease, &person(50), booked_at, &key()).await,
        ProblemCode::InvalidReceipt,
    )
    .await;
    // Bad personal details are refused with the fields at fault, the lease untouched.
    let mut bad = person(50);
    bad["date_of_birth"] = json!("2999-01-01");
    let refused = problem(
        report(h, &kiosk, &kiosk.key, lease, &bad, booked_at, &key()).await,
        ProblemCode::InvalidInput,
    )
    .await;
    assert!(!refused.fields.is_empty());

    // Reported: a booking with a server receipt, at the leased time and code.
    let first_key = key();
    let response = report(
        h,
        &kiosk,
        &kiosk.key,
        lease,
        &person(50),
        booked_at,
        &first_key,
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let booking: Booking = response.json().await.unwrap();
    assert_eq!(booking.code, lease.code);
    assert_eq!(booking.start, lease.start);
    assert!(booking.receipt.is_some());
    // The same report again, with its key or (an outbox restored from a backup) another: the
    // same booking, once.
    let again = report(
        h,
        &kiosk,
        &kiosk.key,
        lease,
        &person(50),
        booked_at,
        &first_key,
    )
    .await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.json::<Booking>().await.unwrap().code, booking.code);
    let replayed = report(h, &kiosk, &kiosk.key, lease, &person(50), booked_at, &key()).await;
    assert_eq!(replayed.status(), StatusCode::OK);
    assert_eq!(replayed.json::<Booking>().await.unwrap().code, booking.code);
    // The same lease booked for someone else (a kiosk restored from an old backup): refused,
    // and that person's receipt does not check in as the first's.
    let rebooked_at = booked_at
        .checked_add(jiff::SignedDuration::from_mins(5))
        .unwrap();
    problem(
        report(
            h,
            &kiosk,
            &kiosk.key,
            lease,
            &person(51),
            rebooked_at,
            &key(),
        )
        .await,
        ProblemCode::LeaseGone,
    )
    .await;
    let other_receipt = sign_kiosk_receipt(&lease.token, rebooked_at.as_second(), &kiosk.key);
    // The lease is spent; the kiosk's next sync tops its day up again.
    let after = sync(h, &kiosk, &[]).await;
    assert!(after.iter().all(|l| l.lease_id != lease.lease_id));
    // The same person again on another lease for the same procedure: already booked.
    let second = after
        .iter()
        .find(|l| l.procedure_id == RENEWAL && l.lease_id != lease.lease_id)
        .unwrap();
    problem(
        report(
            h,
            &kiosk,
            &kiosk.key,
            second,
            &person(50),
            booked_at,
            &key(),
        )
        .await,
        ProblemCode::AlreadyBooked,
    )
    .await;

    // On the day, the kiosk's receipt checks the person in like a server receipt; one not
    // reported yet is explained.
    let unreported = sign_kiosk_receipt(&second.token, booked_at.as_second(), &kiosk.key);
    h.set_now(
        &lease
            .start
            .checked_sub(jiff::SignedDuration::from_mins(30))
            .unwrap()
            .to_string(),
    );
    let staff = h.login("questura.staff", "sportello-staff").await;
    let response = h
        .post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": receipt}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let check_in: CheckIn = response.json().await.unwrap();
    assert_eq!(check_in.code, lease.code);
    problem(
        h.post(
            "/api/v1/checkins",
            Some(&staff),
            None,
            &json!({"receipt": other_receipt}),
        )
        .await,
        ProblemCode::InvalidReceipt,
    )
    .await;
    if second.start.to_string()[..10] == lease.start.to_string()[..10] {
        problem(
            h.post(
                "/api/v1/checkins",
                Some(&staff),
                None,
                &json!({"receipt": unreported}),
            )
            .await,
            ProblemCode::InvalidState,
        )
        .await;
    }
    // The audit names the kiosk, never the person.
    let admin = h.login("admin", "sportello-admin").await;
    let audit = h
        .get(
            &format!("/api/v1/audit?booking_code={}", lease.code),
            Some(&admin),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("lease_granted"), "{audit}");
    assert!(audit.contains("offline_booking"));
    assert!(audit.contains("kiosk:asti-1"));
    assert!(!audit.contains("Testperson"));
}

async fn expiry_check(h: &Harness) {
    // Leases that end two days before the appointment, one day before booking closes: others
    // may book a seat whose lease ended.
    let admin = leasing_with(
        h,
        r#"{"seats": 2, "days": 3, "refill_below": 1, "ends_before_minutes": 2880, "max_per_day": 200}"#,
    )
    .await;
    let kiosk = h.enrol_kiosk(&admin, "asti-1").await;
    let leases = sync(h, &kiosk, &[]).await;
    let mut renewal = leases.iter().filter(|l| l.procedure_id == RENEWAL);
    let (kept, lost) = (renewal.next().unwrap(), renewal.next().unwrap());
    assert!(kept.start.to_string()[..10] == lost.start.to_string()[..10]);
    let booked_at = h.clock.now();

    // The kiosk books both offline, then stays offline past their leases' end.
    let past = kept.expires_at.max(lost.expires_at);
    h.set_now(
        &past
            .checked_add(jiff::SignedDuration::from_mins(1))
            .unwrap()
            .to_string(),
    );
    h.housekeeping().await;
    let token = h.kiosk_token(&kiosk.id, &kiosk.key).await.unwrap();
    let kiosk = TestKiosk { token, ..kiosk };
    // Meanwhile others booked every seat at the time of `lost` (its lease had ended).
    let mut holds = 0;
    loop {
        let response = h.hold(RENEWAL, QUESTURA, lost.start, None).await;
        if response.status() != StatusCode::CREATED {
            break;
        }
        holds += 1;
    }
    assert!(holds >= 1);

    // Reconnected: the booking whose seat is still free stands (claimed again), the other is
    // refused plainly.
    let response = report(h, &kiosk, &kiosk.key, kept, &person(60), booked_at, &key()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let booking: Booking = response.json().await.unwrap();
    assert_eq!(
        (booking.code.as_str(), booking.start),
        (kept.code.as_str(), kept.start)
    );
    let before = h.availability(RENEWAL, Some("2026-12-01")).await;
    problem(
        report(h, &kiosk, &kiosk.key, lost, &person(61), booked_at, &key()).await,
        ProblemCode::LeaseGone,
    )
    .await;
    // Nothing was overbooked: the refused one took no seat.
    let after = h.availability(RENEWAL, Some("2026-12-01")).await;
    assert_eq!(free_at(&before, lost.start), free_at(&after, lost.start));
    assert_eq!(free_at(&after, lost.start), 0);
    // A booking signed after its lease ended is refused: its receipt is not one.
    let last = &leases[leases.len() - 1];
    let late = last
        .expires_at
        .checked_add(jiff::SignedDuration::from_mins(10))
        .unwrap();
    problem(
        report(h, &kiosk, &kiosk.key, last, &person(62), late, &key()).await,
        ProblemCode::InvalidReceipt,
    )
    .await;
}

// --- read path -------------------------------------------------------------------------------

async fn read_path_check(h: &Harness) {
    use sportello_core::sync::{ChangePage, EntityKind, SlotsSnapshot, Snapshot, summarize};
    // Only the last page carries the checkpoint, and it sums up what the pages held.
    let mut cursor = 0;
    let mut rows: BTreeMap<(EntityKind, String), i64> = BTreeMap::new();
    let checkpoint = loop {
        let page: ChangePage = h
            .get(
                &format!("/api/v1/sync/changes?since={cursor}&limit=40"),
                None,
            )
            .await
            .json()
            .await
            .unwrap();
        for change in &page.changes {
            if let sportello_core::sync::ChangeOp::Upsert { record } = &change.op {
                rows.insert((record.kind(), record.id().to_owned()), change.seq);
            }
        }
        cursor = page.cursor;
        if !page.more {
            break page.checkpoint.expect("the last page has a checkpoint");
        }
        assert!(page.checkpoint.is_none());
    };
    assert_eq!(checkpoint.cursor, cursor);
    let expected = summarize(
        rows.iter()
            .map(|((kind, id), seq)| (*kind, id.as_str(), *seq)),
    );
    assert_eq!(checkpoint.kinds, expected);
    let comuni = checkpoint
        .kinds
        .iter()
        .find(|k| k.entity == EntityKind::Comune)
        .unwrap();
    assert_eq!(comuni.count, 117);
    // An idle pull: no changes, and the same checkpoint.
    let idle: ChangePage = h
        .get(&format!("/api/v1/sync/changes?since={cursor}"), None)
        .await
        .json()
        .await
        .unwrap();
    assert!(idle.changes.is_empty());
    assert_eq!(idle.checkpoint.as_ref(), Some(&checkpoint));

    // A snapshot of one kind holds every row with its seq.
    let snapshot: Snapshot = h
        .get("/api/v1/sync/snapshot?entity=office", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(snapshot.rows.len(), 3);
    problem(
        h.get("/api/v1/sync/snapshot?entity=booking", None).await,
        ProblemCode::InvalidInput,
    )
    .await;

    // Free places, compactly, agree with availability; an unchanged copy costs a 304.
    let response = h.get("/api/v1/sync/slots", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let slots: SlotsSnapshot = response.json().await.unwrap();
    let run = slots
        .runs
        .iter()
        .find(|run| run.procedure_id == RENEWAL && run.office_id == QUESTURA)
        .unwrap();
    let compact: Vec<(i64, u32)> = run.slots().collect();
    let availability = h.availability(RENEWAL, None).await;
    let listed: Vec<(i64, u32)> = availability
        .slots
        .iter()
        .map(|slot| (slot.start.as_second(), slot.free))
        .collect();
    assert_eq!(compact[..listed.len()], listed[..]);
    let unchanged = h
        .send(
            h.http
                .get(format!("{}/api/v1/sync/slots", h.base))
                .header("If-None-Match", &etag),
            None,
        )
        .await;
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert!(unchanged.bytes().await.unwrap().is_empty());
}

async fn cap_check(h: &Harness) {
    // Two seats a procedure-day for each kiosk, but at most five a day for all of them.
    let admin = leasing_with(
        h,
        r#"{"seats": 2, "days": 3, "refill_below": 1, "ends_before_minutes": 1440, "max_per_day": 5}"#,
    )
    .await;
    let first = h.enrol_kiosk(&admin, "asti-1").await;
    let second = h.enrol_kiosk(&admin, "asti-2").await;
    let mine = sync(h, &first, &[]).await;
    let theirs = sync(h, &second, &[]).await;
    let day = |lease: &Lease| sportello_core::calendar::local_date(lease.start).to_string();
    let mut per_day: BTreeMap<String, usize> = BTreeMap::new();
    for lease in mine.iter().chain(&theirs) {
        *per_day.entry(day(lease)).or_default() += 1;
    }
    assert_eq!(per_day.len(), 3);
    assert!(per_day.values().all(|count| *count == 5), "{per_day:?}");
    assert!(theirs.is_empty(), "the first kiosk filled the days");

    // The office closes one of those days: the leases on it are withdrawn at the next sync.
    let closed_day = day(&mine[0]);
    let staff = h.login("questura.staff", "sportello-staff").await;
    let closure = json!({"id": "chiuso", "office_id": QUESTURA, "day": closed_day, "hours": [], "reason": "Chiusura"});
    let response = h.put("/api/v1/overrides/chiuso", &staff, &closure).await;
    assert!(
        response.status().is_success(),
        "{}",
        response.text().await.unwrap()
    );
    let after = sync(h, &first, &[]).await;
    assert!(
        after.iter().all(|lease| day(lease) != closed_day),
        "{after:?}"
    );
    assert!(!after.is_empty());
}
