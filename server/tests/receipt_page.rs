//! The page a phone opens from a receipt's QR code, over HTTP on loopback, on SQLite and
//! PostgreSQL: the appointment in the phone's language (Arabic right to left), its calendar
//! file, cancelling with the date of birth, a moved booking's old receipt, and bad tokens.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, LOCATION};
use serde_json::json;
use sportello_core::receipt::page_url;

on_every_database! {
    a_receipt_opens_its_appointment_on_a_phone_and_cancels_it => page_check;
}

/// A message's text, straight from its Fluent file.
fn message(lang: &str, id: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../locales")
        .join(lang)
        .join("sportello.ftl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{lang}: no message {id}"))
        .to_owned()
}

/// HTML escapes apostrophes; compare messages as the page writes them.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn page_check(h: &Harness) {
    // Redirects are looked at, not followed.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let slots = h.availability(RENEWAL, None).await.slots;
    let booking = h
        .book(RENEWAL, QUESTURA, slots[0].start, &person(40), None)
        .await;
    let token = booking.receipt.clone().unwrap();
    let url = page_url(&h.base, &token);

    // In Italian by default: the code, what, when (Rome time), where, what to bring, and no
    // personal data at all.
    let response = http.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.unwrap();
    assert!(page.contains(&booking.code));
    assert!(page.contains("Rinnovo del permesso di soggiorno"));
    assert!(page.contains("Questura di Asti"));
    assert!(page.contains("01/12/2026 08:30"), "Rome time: {page}");
    assert!(page.contains(&html(&message("it", "phone-status-confirmed"))));
    assert!(page.contains("lang=\"it\" dir=\"ltr\""));
    assert!(!page.contains("Testperson"), "no name on the page");
    assert!(
        !page.contains(&date_of_birth(40)),
        "no date of birth on the page"
    );

    // The phone's language, or the one the link names: Arabic, right to left.
    let french = http
        .get(&url)
        .header(ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9,en;q=0.8")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(french.contains(&html(&message("fr", "phone-title"))));
    let arabic = http
        .get(format!("{url}?lang=ar"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(arabic.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(arabic.contains(&message("ar", "phone-calendar")));
    assert!(
        arabic.contains("dir=\"ltr\""),
        "the time reads left to right"
    );

    // The calendar file (RFC 5545): one event at the appointment's time in UTC, CRLF lines.
    let response = http
        .get(format!("{url}/calendar.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = response.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("\r\nBEGIN:VEVENT\r\n"));
    assert!(ics.contains("\r\nDTSTART:20261201T073000Z\r\n"), "{ics}");
    assert!(ics.contains("\r\nDTEND:20261201T074500Z\r\n"), "{ics}");
    assert!(ics.contains(&format!("\r\nUID:{}@sportello\r\n", booking.code)));
    assert!(ics.contains("\r\nSTATUS:CONFIRMED\r\n"));
    assert!(ics.trim_end().ends_with("END:VCALENDAR"));
    for line in ics.split("\r\n") {
        assert!(
            line.len() <= 75,
            "RFC 5545 folds lines at 75 octets: {line}"
        );
    }

    // Cancelling asks for the date of birth first: seeing a receipt is not enough.
    let asked = http
        .get(format!("{url}/cancel?lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::OK);
    let asked = asked.text().await.unwrap();
    assert!(asked.contains(&html(&message("en", "phone-cancel-sure"))));
    assert!(asked.contains("type=\"date\""));
    let post = |form: Vec<(&'static str, String)>| {
        let http = http.clone();
        let url = url.clone();
        async move {
            http.post(format!("{url}/cancel"))
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    };
    let still_booked = || async {
        h.availability(RENEWAL, None)
            .await
            .slots
            .iter()
            .find(|slot| slot.start == slots[0].start)
            .is_none_or(|slot| slot.free < slots[0].free)
    };
    let no_date = post(vec![("lang", "en".into())]).await;
    assert_eq!(no_date.status(), StatusCode::OK);
    assert!(
        no_date
            .text()
            .await
            .unwrap()
            .contains(&html(&message("en", "phone-date-missing")))
    );
    // The date alone is not enough: a receipt is photographed, a date of birth is on many
    // papers; the document's last characters are asked too.
    let date_only = post(vec![
        ("lang", "en".into()),
        ("date_of_birth", date_of_birth(40)),
    ])
    .await;
    assert!(
        date_only
            .text()
            .await
            .unwrap()
            .contains(&html(&message("en", "phone-date-missing")))
    );
    for (date, end) in [
        ("1999-09-09".to_owned(), document_end(40)),
        (date_of_birth(40), document_end(41)),
    ] {
        let wrong = post(vec![
            ("lang", "en".into()),
            ("date_of_birth", date),
            ("document_end", end),
        ])
        .await;
        assert!(
            wrong
                .text()
                .await
                .unwrap()
                .contains(&html(&message("en", "manage-not-found")))
        );
    }
    assert!(still_booked().await, "not cancelled on a wrong proof");
    let done = post(vec![
        ("lang", "en".into()),
        ("date_of_birth", date_of_birth(40)),
        ("document_end", document_end(40).to_lowercase()),
    ])
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    // Relative, so the page works under any path a proxy serves it from.
    assert_eq!(
        done.headers()[LOCATION],
        format!("../{token}?lang=en").as_str()
    );
    let after = http
        .get(format!("{url}?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(after.contains(&html(&message("en", "phone-cancelled-now"))));
    assert!(!after.contains("id=\"cancel\""), "nothing left to cancel");
    let freed = h.availability(RENEWAL, None).await.slots;
    let place = freed
        .iter()
        .find(|slot| slot.start == slots[0].start)
        .unwrap();
    assert_eq!(place.free, slots[0].free, "the place is free again");
    // A second tap (or a reload of the form) changes nothing and goes back to the page.
    let again = post(vec![
        ("lang", "en".into()),
        ("date_of_birth", date_of_birth(40)),
        ("document_end", document_end(40)),
    ])
    .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);

    // A moved booking: the old receipt says it was replaced and cancels nothing; the new one
    // works.
    let moving = h
        .book(RENEWAL, QUESTURA, slots[1].start, &person(41), None)
        .await;
    let old = page_url(&h.base, moving.receipt.as_deref().unwrap());
    let moved = h
        .post(
            &format!("/api/v1/bookings/{}/reschedule", moving.code),
            None,
            Some(&key()),
            &json!({"office_id": QUESTURA, "start": slots[3].start,
                    "proof": proof(41)}),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let moved: sportello_core::booking::Booking = moved.json().await.unwrap();
    let replaced = http.get(&old).send().await.unwrap().text().await.unwrap();
    assert!(replaced.contains(&html(&message("it", "phone-replaced"))));
    let refused = http
        .post(format!("{old}/cancel"))
        .form(&[("date_of_birth", date_of_birth(41))])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::SEE_OTHER, "back to the page");
    let new = http
        .get(page_url(&h.base, moved.receipt.as_deref().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(new.contains(&html(&message("it", "phone-status-confirmed"))));
    assert!(
        http.get(format!("{old}/calendar.ics"))
            .send()
            .await
            .unwrap()
            .status()
            == StatusCode::NOT_FOUND
    );

    // Forged, altered or junk tokens: a clear page, never a 500. The forgery has the real
    // claims and key id, signed with another key.
    let keys = h.published_keys().await.keys;
    let claims = sportello_core::receipt::ReceiptClaims {
        code: moved.code.clone(),
        office_id: moved.office_id.clone(),
        procedure_id: moved.procedure_id.clone(),
        counter_id: moved.counter_id.clone(),
        start: moved.start.as_second(),
        end: moved.end.as_second(),
        issued_at: moved.start.as_second() - 86_400,
        key_id: keys[0].key_id.clone(),
    };
    let forged =
        sportello_core::receipt::sign(&claims, &ed25519_dalek::SigningKey::from_bytes(&[7; 32]));
    for bad in [
        forged.as_str(),
        "SR1.e30.AAAA",
        "nonsense",
        "%00%FF",
        "a..b",
        &"x".repeat(5000),
    ] {
        let response = http
            .get(format!("{}/r/{bad}", h.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{bad}");
        let text = response.text().await.unwrap();
        assert!(
            text.contains(&html(&message("it", "phone-invalid"))),
            "{bad}"
        );
        let cancel = http
            .post(format!("{}/r/{bad}/cancel", h.base))
            .form(&[("date_of_birth", date_of_birth(41))])
            .send()
            .await
            .unwrap();
        // Back to the page, which says the receipt is not valid; nothing cancelled.
        assert!(
            cancel.status().is_client_error() || cancel.status() == StatusCode::SEE_OTHER,
            "{bad}: {}",
            cancel.status()
        );
    }
    // None of that cancelled anything.
    let still = http
        .get(page_url(&h.base, moved.receipt.as_deref().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(still.contains("data-status=\"confirmed\""));
}
