//! The page a phone opens from a receipt's QR code (`/r/<token>`): the appointment as it is
//! now, a calendar file (RFC 5545), and cancelling it. The signed token opens the page: it
//! names no person, and the page shows nothing personal, so a lost receipt shows no one's
//! details, only the appointment. Cancelling also takes the date of birth and the last
//! characters of the identity document (rate-limited like every proof), because a receipt is shown on screens, printed and photographed: seeing one
//! must not be enough to give up someone's appointment.
//!
//! Plain HTML from the server, no script: it opens on any phone, fast on a slow network, in
//! the phone's language (or the one the link names), right to left in Arabic. Links are
//! relative, so the pages work behind a proxy that serves them under a path.

use super::AppState;
use super::bookings::{citizen_scoped, with_proof};
use super::client_addr::ClientAddr;
use crate::auth::Actor;
use crate::booking::{self, BookingError, IdempotencyKey, ReceiptState};
use crate::db as reference;
use crate::i18n;
use axum::extract::FromRequestParts;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};
use sportello_core::Lang;
use sportello_core::api::ProblemCode;
use sportello_core::booking::{Booking, BookingStatus, CitizenProof};
use sportello_core::model::{Counter, Office, Procedure};
use sportello_core::receipt::ReceiptClaims;

/// Receipt tokens are base64url parts joined by dots, a few hundred characters.
const MAX_TOKEN: usize = 2048;

#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CancelForm {
    lang: Option<String>,
    date_of_birth: Option<String>,
    document_end: Option<String>,
}

/// Why the cancel form is shown again.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    /// No date (or not a date), or not four characters of the document.
    Missing,
    /// The date of birth or the document is not the booked person's.
    WrongProof,
    /// Too many attempts on this booking or from this address.
    TooMany,
}

fn language(requested: Option<&str>, headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    i18n::negotiate(requested, accept)
}

/// What every page starts from: the token in the path and the language the phone asked for
/// (`?lang=`, else `Accept-Language`). Never refused: a path that is not even text (bad
/// percent-encoding) is no token and gets the "not a valid receipt" page, a query that does
/// not parse is no query.
pub struct PageRequest {
    token: String,
    lang: Lang,
}

impl<S: Send + Sync> FromRequestParts<S> for PageRequest {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let token = Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(token)| token)
            .unwrap_or_default();
        let query = Query::<PageQuery>::from_request_parts(parts, state)
            .await
            .map(|Query(query)| query)
            .unwrap_or_default();
        let lang = language(query.lang.as_deref(), &parts.headers);
        Ok(PageRequest { token, lang })
    }
}

fn well_formed(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= MAX_TOKEN
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// The receipt's claims and its booking now; a malformed token is an invalid receipt.
async fn lookup(
    state: &AppState,
    token: &str,
) -> Result<(ReceiptClaims, ReceiptState), BookingError> {
    if !well_formed(token) {
        return Err(BookingError::InvalidReceipt("malformed".to_owned()));
    }
    booking::by_receipt(state, token).await
}

fn cancellable(state: &AppState, booking: &Booking) -> bool {
    booking.status == BookingStatus::Confirmed && booking.start > state.clock.now()
}

/// From `/r/{token}/cancel` back to `/r/{token}`.
fn back_to_page(token: &str, lang: Lang) -> Response {
    Redirect::to(&format!("../{token}?lang={}", lang.code())).into_response()
}

/// `GET /r/{token}`
pub async fn page(
    State(state): State<AppState>,
    PageRequest { token, lang }: PageRequest,
) -> Response {
    show(&state, &token, lang).await
}

/// `GET /r/{token}/cancel`: asks for the date of birth and the document's last characters
/// before cancelling.
pub async fn confirm(
    State(state): State<AppState>,
    PageRequest { token, lang }: PageRequest,
) -> Response {
    match lookup(&state, &token).await {
        Ok((_, ReceiptState::Current(current) | ReceiptState::MovedByOffice { current, .. }))
            if cancellable(&state, &current) =>
        {
            confirm_page(&token, lang, &current, None)
        }
        _ => back_to_page(&token, lang),
    }
}

/// `POST /r/{token}/cancel`: cancels with the proof, then back to the page.
pub async fn cancel(
    State(state): State<AppState>,
    PageRequest { token, lang }: PageRequest,
    ClientAddr(address): ClientAddr,
    form: Result<Form<CancelForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(form)| form).unwrap_or_default();
    // The form says which language the page was in.
    let lang = form
        .lang
        .as_deref()
        .and_then(|code| code.parse().ok())
        .unwrap_or(lang);
    let (claims, current) = match lookup(&state, &token).await {
        // A receipt of an appointment the office moved stands for it: the person may not
        // take the new time.
        Ok((
            claims,
            ReceiptState::Current(current) | ReceiptState::MovedByOffice { current, .. },
        )) if cancellable(&state, &current) => (claims, current),
        // Already cancelled, past, moved or not a receipt: the page says which.
        _ => return back_to_page(&token, lang),
    };
    let Some(date_of_birth) = form.date_of_birth.as_deref().and_then(parse_date) else {
        return confirm_page(&token, lang, &current, Some(Refusal::Missing));
    };
    let proof = CitizenProof {
        date_of_birth,
        document_end: form.document_end.unwrap_or_default().trim().to_owned(),
    };
    if !proof.well_formed() {
        return confirm_page(&token, lang, &current, Some(Refusal::Missing));
    }
    // The same cancel sent twice (a double tap, a reload) gets the same answer.
    let key = IdempotencyKey {
        actor: citizen_scoped(&state, &Actor::Citizen, &claims.code),
        key: format!("receipt-cancel:{}:{}", claims.code, claims.issued_at),
        request_hash: URL_SAFE_NO_PAD.encode(Sha256::digest(
            format!("{token}|{date_of_birth}|{}", proof.document_end).as_bytes(),
        )),
    };
    let cancelled = with_proof(
        &state,
        address,
        &claims.code,
        Some(&proof),
        booking::cancel(&state, &Actor::Citizen, &key, &claims.code, Some(&proof)),
    )
    .await;
    match cancelled {
        Ok(_) => back_to_page(&token, lang),
        Err(err) => match err.code() {
            ProblemCode::NotFound => {
                confirm_page(&token, lang, &current, Some(Refusal::WrongProof))
            }
            ProblemCode::TooManyRequests => {
                confirm_page(&token, lang, &current, Some(Refusal::TooMany))
            }
            ProblemCode::InvalidState => back_to_page(&token, lang),
            _ => {
                tracing::warn!(error = %err, "cancel from a receipt page failed");
                back_to_page(&token, lang)
            }
        },
    }
}

/// A date as a phone's date field sends it (2026-11-27), or as typed (27/11/2026).
fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    text.parse().ok().or_else(|| {
        let mut parts = text.split(['/', '.', '-']);
        let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        jiff::civil::Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
    })
}

/// `GET /r/{token}/calendar.ics`
pub async fn calendar(
    State(state): State<AppState>,
    PageRequest { token, .. }: PageRequest,
) -> Response {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
    let Ok((claims, ReceiptState::Current(current) | ReceiptState::MovedByOffice { current, .. })) =
        lookup(&state, &token).await
    else {
        return (StatusCode::NOT_FOUND, "no such appointment").into_response();
    };
    let names = Names::load(&state, &current).await;
    let starts = chrono::DateTime::from_timestamp(current.start.as_second(), 0);
    let ends = chrono::DateTime::from_timestamp(current.end.as_second(), 0);
    let (Some(starts), Some(ends)) = (starts, ends) else {
        return (StatusCode::NOT_FOUND, "no such appointment").into_response();
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}@sportello", claims.code))
        .summary(&format!(
            "{} – {}",
            names.procedure_it(),
            names.office_name()
        ))
        .location(&names.office_place())
        .description(&format!(
            "{}: {}\n{}",
            "Codice",
            current.code,
            names.documents_it().join("\n")
        ))
        .starts(starts)
        .ends(ends)
        .status(if current.status == BookingStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    let mut calendar = Calendar::new();
    calendar.name("Sportello").push(event.done());
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"appuntamento.ics\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        calendar.done().to_string(),
    )
        .into_response()
}

/// The names the page shows, read once.
struct Names {
    procedure: Option<Procedure>,
    office: Option<Office>,
    counter: Option<Counter>,
}

impl Names {
    async fn load(state: &AppState, booking: &Booking) -> Names {
        let Ok(mut conn) = state.db.conn().await else {
            return Names {
                procedure: None,
                office: None,
                counter: None,
            };
        };
        Names {
            procedure: reference::get_procedure(&mut conn, &booking.procedure_id)
                .await
                .ok()
                .flatten(),
            office: reference::get_office(&mut conn, &booking.office_id)
                .await
                .ok()
                .flatten(),
            counter: reference::get_counter(&mut conn, &booking.counter_id)
                .await
                .ok()
                .flatten(),
        }
    }

    fn procedure(&self, lang: Lang) -> String {
        self.procedure
            .as_ref()
            .map(|procedure| procedure.name.resolve(lang).text.to_owned())
            .unwrap_or_default()
    }

    fn procedure_it(&self) -> String {
        self.procedure(Lang::It)
    }

    fn documents(&self, lang: Lang) -> Vec<String> {
        self.procedure
            .iter()
            .flat_map(|procedure| &procedure.documents)
            .map(|document| document.resolve(lang).text.to_owned())
            .collect()
    }

    fn documents_it(&self) -> Vec<String> {
        self.documents(Lang::It)
    }

    fn office_name(&self) -> String {
        self.office
            .as_ref()
            .map(|office| office.name.clone())
            .unwrap_or_default()
    }

    fn office_place(&self) -> String {
        self.office
            .as_ref()
            .map(|office| format!("{}, {}", office.name, office.address.one_line()))
            .unwrap_or_default()
    }
}

/// Day and time in Rome, in digits every reader knows: 27/11/2026 08:30.
fn when(booking: &Booking) -> String {
    sportello_core::calendar::office_tz()
        .to_datetime(booking.start)
        .strftime("%d/%m/%Y %H:%M")
        .to_string()
}

async fn show(state: &AppState, token: &str, lang: Lang) -> Response {
    let t = i18n::messages(lang);
    let (status, body) = match lookup(state, token).await {
        Err(BookingError::InvalidReceipt(_)) => (
            StatusCode::NOT_FOUND,
            html! { p.notice.error #invalid { (fl!(t, "phone-invalid")) } },
        ),
        Err(err) => {
            tracing::error!(error = %err, "receipt page");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                html! { p.notice.error { (fl!(t, "phone-gone")) } },
            )
        }
        Ok((claims, state_now)) => (
            StatusCode::OK,
            appointment(state, token, lang, &t, &claims, state_now).await,
        ),
    };
    // Language links: this page, in another language (nothing for a token that is not one).
    let here = |other: Lang| well_formed(token).then(|| format!("{token}?lang={}", other.code()));
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        document(lang, &t, &here, body),
    )
        .into_response()
}

async fn appointment(
    state: &AppState,
    token: &str,
    lang: Lang,
    t: &FluentLanguageLoader,
    claims: &ReceiptClaims,
    receipt: ReceiptState,
) -> Markup {
    let (current, by_office) = match receipt {
        ReceiptState::Current(current) => (current, None),
        ReceiptState::MovedByOffice { current, reason } => {
            let why = t.get(reason.message_id());
            (
                current,
                Some(html! {
                    p.notice #moved-by-office role="status" { (fl!(t, "phone-moved-by-office", reason = why)) }
                }),
            )
        }
        ReceiptState::CancelledByOffice { current, reason } => {
            let why = t.get(reason.message_id());
            (
                current,
                Some(html! {
                    p.notice #cancelled-by-office role="status" { (fl!(t, "phone-cancelled-by-office", reason = why)) }
                }),
            )
        }
        ReceiptState::Replaced => {
            return html! { p.notice #replaced { (fl!(t, "phone-replaced")) } };
        }
        ReceiptState::NotYetReported => {
            return html! {
                p.code { (fl!(t, "phone-code")) ": " bdi dir="ltr" { strong { (claims.code) } } }
                p.notice #not-reported { (fl!(t, "phone-not-reported")) }
            };
        }
        ReceiptState::Gone => return html! { p.notice #gone { (fl!(t, "phone-gone")) } },
    };
    let names = Names::load(state, &current).await;
    let status = match current.status {
        BookingStatus::Confirmed => fl!(t, "phone-status-confirmed"),
        BookingStatus::Cancelled => fl!(t, "phone-status-cancelled"),
        BookingStatus::CheckedIn => fl!(t, "phone-status-checked-in"),
        _ => fl!(t, "phone-status-past"),
    };
    html! {
        @if let Some(notice) = by_office {
            (notice)
        } @else if current.status == BookingStatus::Cancelled {
            p.notice #cancelled role="status" { (fl!(t, "phone-cancelled-now")) }
        }
        p.code { (fl!(t, "phone-code")) ": " bdi dir="ltr" { strong #code { (current.code) } } }
        p.status #status data-status=(current.status.as_str()) { (status) }
        dl {
            dt { (fl!(t, "receipt-procedure")) }
            dd #procedure { (names.procedure(lang)) }
            dt { (fl!(t, "receipt-when")) }
            // Digits and Italian names are isolated, so they read in their own direction on
            // an Arabic page without flipping its layout.
            dd #when { bdi dir="ltr" { time datetime=(current.start.to_string()) { (when(&current)) } } }
            dt { (fl!(t, "receipt-where")) }
            dd #where { bdi lang="it" { (names.office_place()) } }
            @if let Some(counter) = &names.counter {
                dt { (fl!(t, "phone-counter")) }
                dd { bdi lang="it" { (counter.name) } }
            }
            @let documents = names.documents(lang);
            @if !documents.is_empty() {
                dt { (fl!(t, "receipt-bring")) }
                dd { ul { @for document in &documents { li { (document) } } } }
            }
            @if let Some(mediator) = &current.mediator_language {
                dt { (fl!(t, "wizard-mediator")) }
                dd { (mediator.parse::<Lang>().map(|l| l.native_name().to_owned()).unwrap_or_else(|_| mediator.clone())) }
            }
        }
        @if current.status == BookingStatus::Confirmed {
            p { a.button #calendar href=(format!("{token}/calendar.ics")) { (fl!(t, "phone-calendar")) } }
        }
        @if cancellable(state, &current) {
            p { a.button.danger #cancel href=(format!("{token}/cancel?lang={}", lang.code())) { (fl!(t, "phone-cancel")) } }
        }
    }
}

/// The question before cancelling, at `/r/{token}/cancel`: the date of birth and the
/// document's last characters, and why it was refused if it was.
fn confirm_page(token: &str, lang: Lang, current: &Booking, refusal: Option<Refusal>) -> Response {
    let t = i18n::messages(lang);
    let body = html! {
        p.code { (fl!(t, "phone-code")) ": " bdi dir="ltr" { strong { (current.code) } } }
        p #sure { (fl!(t, "phone-cancel-sure")) }
        @match refusal {
            Some(Refusal::Missing) => p.notice.error #refused role="alert" { (fl!(t, "phone-date-missing")) },
            Some(Refusal::WrongProof) => p.notice.error #refused role="alert" { (fl!(t, "manage-not-found")) },
            Some(Refusal::TooMany) => p.notice.error #refused role="alert" { (fl!(t, "manage-too-many")) },
            None => {},
        }
        // Posts to this same address.
        form method="post" {
            input type="hidden" name="lang" value=(lang.code());
            label for="date_of_birth" { (fl!(t, "person-date-of-birth")) }
            br;
            input #date_of_birth type="date" name="date_of_birth" required autocomplete="bday";
            br;
            label for="document_end" { (fl!(t, "manage-document-end")) }
            br;
            input #document_end type="text" name="document_end" required minlength="4"
                maxlength="4" autocomplete="off" autocapitalize="characters" spellcheck="false"
                dir="ltr" inputmode="text" pattern="[A-Za-z0-9]{4}";
            br;
            small #document_end_hint { (fl!(t, "manage-document-end-hint")) }
            br;
            button.danger #cancel-yes type="submit" { (fl!(t, "phone-cancel-yes")) }
        }
        p { a.button #cancel-no href=(format!("../{token}?lang={}", lang.code())) { (fl!(t, "phone-cancel-no")) } }
    };
    let here = |other: Lang| Some(format!("cancel?lang={}", other.code()));
    (
        [(header::CACHE_CONTROL, "no-store")],
        document(lang, &t, &here, body),
    )
        .into_response()
}

/// The pages' only style, inline: the content security policy names it by its hash
/// ([`page_policy`]), so nothing else inline runs or applies.
const STYLE: &str = "body{font:18px/1.5 system-ui,'Noto Sans','Noto Sans Arabic',sans-serif;\
margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}h1{font-size:1.5rem}\
.code strong{font-size:1.6rem;letter-spacing:.08em}.status{font-weight:700}\
dt{font-weight:700;margin-top:.8rem}dd{margin:0}.notice{background:#eef4ff;padding:.8rem;\
border-radius:.5rem}.error{background:#fdecea}a.button,button{display:inline-block;\
font:inherit;padding:.8rem 1.2rem;border-radius:.5rem;border:0;background:#1f5fbf;\
color:#fff;text-decoration:none;margin-top:1rem;min-height:48px}.danger{background:#b3261e}\
input[type=date]{font:inherit;padding:.6rem;margin:.4rem 0;min-height:48px}\
nav{margin-top:2rem;display:flex;flex-wrap:wrap;gap:1rem}";

/// The content security policy of the pages for phones: nothing but their own style, forms
/// posting to the server, no frames around them (a receipt's token is in the address).
pub(super) fn page_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self'; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'"
    )
}

fn document(
    lang: Lang,
    t: &FluentLanguageLoader,
    link: &dyn Fn(Lang) -> Option<String>,
    body: Markup,
) -> Markup {
    page_document(lang, t, &fl!(t, "phone-title"), link, body)
}

/// A page for phones: in the reader's language and direction, with links to the others.
pub(super) fn page_document(
    lang: Lang,
    t: &FluentLanguageLoader,
    title: &str,
    link: &dyn Fn(Lang) -> Option<String>,
    body: Markup,
) -> Markup {
    let direction = lang.direction().as_html();
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(direction) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) " – Sportello" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (title) }
                (body)
                nav aria-label=(fl!(t, "phone-language")) {
                    @for other in Lang::ALL {
                        @if let Some(href) = link(other) {
                            a href=(href) lang=(other.code()) { (other.native_name()) }
                        }
                    }
                }
            }
        }
    }
}
