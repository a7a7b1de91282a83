//! `/p/{id}`: a place of the services map on a phone, reached by the QR code on the kiosk's
//! card. In the phone's language (`?lang=`, else `Accept-Language`), with "open now", the
//! hours, what is offered there, phone numbers to tap and a link to the phone's maps.
//! Public data only; nothing about the reader is kept.

use super::AppState;
use super::receipt_page::page_document;
use crate::db;
use crate::i18n;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use maud::{Markup, html};
use sportello_core::Lang;
use sportello_core::calendar::PatronRule;
use sportello_core::directory::{Location, Organization, ServiceStatus, is_uuid};
use sportello_core::schedule::{DayRun, Phrase, ScheduleRule, day_runs};

#[derive(Debug, Default, serde::Deserialize)]
pub struct PlaceQuery {
    lang: Option<String>,
}

/// `GET /p/{id}`
pub async fn page(
    State(state): State<AppState>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    query: Result<Query<PlaceQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let requested = query.ok().and_then(|Query(q)| q.lang);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    let lang = i18n::negotiate(requested.as_deref(), accept);
    let t = i18n::messages(lang);
    let id = path
        .map(|Path(id)| id.to_ascii_lowercase())
        .unwrap_or_default();
    let found = if is_uuid(&id) {
        let read = match state.db.conn().await {
            Ok(mut conn) => db::organization_with_place(&mut conn, &id).await,
            Err(err) => Err(err),
        };
        match read {
            Ok(found) => found,
            Err(err) => {
                // Not "no such place": the place may well be there; the phone should try again.
                tracing::error!(error = %err, "place page: database unavailable");
                let body = html! { p.notice.error #unavailable { (fl!(t, "place-unavailable")) } };
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::CACHE_CONTROL, "no-store")],
                    page_document(lang, &t, &fl!(t, "place-title"), &|_| None, body),
                )
                    .into_response();
            }
        }
    } else {
        None
    };
    let here = |other: Lang| Some(format!("{id}?lang={}", other.code()));
    let Some(organization) = found else {
        let body = html! { p.notice.error #gone { (fl!(t, "place-not-found")) } };
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            page_document(lang, &t, &fl!(t, "place-title"), &|_| None, body),
        )
            .into_response();
    };
    let location = organization.location(&id).expect("found by this id");
    let now = state.clock.now();
    let patron_day = match state.db.conn().await {
        Ok(mut conn) => db::get_comune(&mut conn, &location.address.comune_istat)
            .await
            .ok()
            .flatten()
            .and_then(|comune| comune.patron_day),
        Err(_) => None,
    };
    let body = place(&t, lang, &organization, location, now, patron_day);
    (
        // Hours change; a phone should ask again rather than show yesterday's.
        [(header::CACHE_CONTROL, "no-cache")],
        page_document(lang, &t, location.name.get(lang), &here, body),
    )
        .into_response()
}

fn place(
    t: &FluentLanguageLoader,
    lang: Lang,
    organization: &Organization,
    location: &Location,
    now: jiff::Timestamp,
    patron_day: Option<PatronRule>,
) -> Markup {
    let status = match organization.place_schedule(location, patron_day) {
        Some(schedule) => schedule.phrase(now),
        None => Phrase::ClosedForNow,
    };
    let geo = location.point.geo_uri();
    let services = organization.offered_at(&location.id);
    html! {
        p.org { (organization.name.get(lang)) }
        @if organization.demo {
            p.notice #demo { (fl!(t, "place-demo")) }
        }
        p.status #status { strong { (phrase(t, &status)) } }
        dl {
            dt { (fl!(t, "place-address")) }
            dd #address { bdi lang="it" { (location.address.one_line()) } }
            @if !location.hours.is_empty() {
                dt { (fl!(t, "place-hours")) }
                dd { (week(t, &location.hours, now)) }
            }
            @let phones: Vec<&String> = location.phones.iter().chain(&organization.phones).collect();
            @if !phones.is_empty() {
                dt { (fl!(t, "place-phone")) }
                dd { @for phone in phones { a href=(format!("tel:{}", phone.replace(' ', ""))) dir="ltr" { (phone) } br; } }
            }
            @if let Some(website) = &organization.website {
                dt { (fl!(t, "place-website")) }
                dd { a href=(website) dir="ltr" { (website) } }
            }
            @if !location.accessibility.is_empty() {
                dt { (fl!(t, "place-accessibility")) }
                dd { @for note in &location.accessibility { (note.get(lang)) br; } }
            }
        }
        p { a.button #geo href=(geo) { (fl!(t, "place-open-in-maps")) } }
        h2 { (fl!(t, "place-services")) }
        @for (service, here) in services {
            section.service {
                h3 { (service.name.get(lang)) }
                @if service.status == ServiceStatus::TemporarilyClosed {
                    p.notice.error { (fl!(t, "place-temporarily-closed")) }
                }
                p { (service.description.get(lang)) }
                @if !here.hours.is_empty() {
                    p { strong { (fl!(t, "place-hours")) ": " } (week(t, &here.hours, now)) }
                }
                @if !service.languages.is_empty() {
                    p { strong { (fl!(t, "place-languages")) ": " } (languages(&service.languages)) }
                }
                @if !service.documents.is_empty() {
                    p { strong { (fl!(t, "place-documents")) } }
                    ul { @for document in &service.documents { li { (document.get(lang)) } } }
                }
                @if let Some(fees) = &service.fees {
                    p { strong { (fl!(t, "place-fees")) ": " } (fees.get(lang)) }
                }
            }
        }
        p.attribution { small { (fl!(t, "map-attribution")) } }
    }
}

/// A status in words.
pub(super) fn phrase(t: &FluentLanguageLoader, phrase: &Phrase) -> String {
    match phrase {
        Phrase::OpenUntil { time } => fl!(t, "place-open-until", time = time.as_str()),
        Phrase::OpensToday { time } => fl!(t, "place-opens-today", time = time.as_str()),
        Phrase::OpensTomorrow { time } => fl!(t, "place-opens-tomorrow", time = time.as_str()),
        Phrase::OpensOn { day, time } => fl!(
            t,
            "place-opens-at",
            day = day_name(t, day),
            time = time.as_str()
        ),
        Phrase::OpensOnDate { day, date, time } => fl!(
            t,
            "place-opens-at",
            day = format!("{} {date}", day_name(t, day)),
            time = time.as_str()
        ),
        Phrase::ClosedForNow => fl!(t, "place-temporarily-closed"),
        Phrase::NoHours => fl!(t, "place-no-hours"),
    }
}

fn day_name(t: &FluentLanguageLoader, code: &str) -> String {
    match code {
        "mo" => fl!(t, "day-mo"),
        "tu" => fl!(t, "day-tu"),
        "we" => fl!(t, "day-we"),
        "th" => fl!(t, "day-th"),
        "fr" => fl!(t, "day-fr"),
        "sa" => fl!(t, "day-sa"),
        _ => fl!(t, "day-su"),
    }
}

/// "lunedì–venerdì 09:00–12:30; martedì, giovedì 15:00–17:00".
fn week(t: &FluentLanguageLoader, rules: &[ScheduleRule], now: jiff::Timestamp) -> String {
    let today = sportello_core::calendar::local_date(now);
    rules
        .iter()
        .filter(|rule| rule.current_or_coming(today))
        .map(|rule| {
            let days: Vec<String> = day_runs(&rule.day_codes())
                .into_iter()
                .map(|run| match run {
                    DayRun::One(day) => day_name(t, day),
                    DayRun::Range(first, last) => {
                        format!("{}–{}", day_name(t, first), day_name(t, last))
                    }
                })
                .collect();
            let mut line = format!("{} {}–{}", days.join(", "), rule.opens_at, rule.closes_at);
            if let Some(validity) = rule.validity_text() {
                line.push_str(&format!(" ({validity})"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Languages by their own names where Sportello knows them, else by code.
fn languages(codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| {
            code.parse::<Lang>()
                .map(|lang| lang.native_name().to_owned())
                .unwrap_or_else(|_| code.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}
