//! The browser's shell: the central server's HTTP API, from the page's own origin.
//!
//! The session's token lives in `sessionStorage`: a reload keeps the login, closing the tab
//! ends it, and no other site can send it (it is a header, never a cookie). Every write
//! carries an idempotency key made once per action, so a write retried after a dropped
//! connection is done once.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sportello_core::account::{LoginRequest, PasswordChange, Session, UserInfo};
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::model::{Counter, Office, Procedure};
use sportello_core::office::{
    AgendaEntry, Board, Call, CallOutcome, OfficeAgenda, ScanOutcome, ScanRequest, WalkInRequest,
};
use std::cell::RefCell;

const API: &str = "/api/v1";
const SESSION_KEY: &str = "sportello-session";
/// Tries of a write whose answer was lost (the network dropped): the same key each time.
const WRITE_TRIES: u32 = 3;

/// Why a call to the server failed.
#[derive(Debug, Clone, PartialEq)]
pub enum HttpError {
    /// No answer: the network or the server is down. Nothing was lost; try again.
    Offline,
    /// The session ended (logout elsewhere, a working day over, the account disabled).
    SessionEnded,
    /// The server refused, saying why.
    Refused(Box<Problem>),
    /// An answer of the wrong shape: a bug.
    Broken(String),
}

impl HttpError {
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            HttpError::Refused(problem) => Some(problem.code),
            _ => None,
        }
    }
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = RefCell::new(stored_session());
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn stored_session() -> Option<Session> {
    let text = storage()?.get_item(SESSION_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// The session this tab logged in with, if any.
pub fn session() -> Option<Session> {
    SESSION.with(|session| session.borrow().clone())
}

fn set_session(new: Option<Session>) {
    if let Some(storage) = storage() {
        let _ = match &new {
            Some(session) => storage.set_item(
                SESSION_KEY,
                &serde_json::to_string(session).unwrap_or_default(),
            ),
            None => storage.remove_item(SESSION_KEY),
        };
    }
    SESSION.with(|session| *session.borrow_mut() = new);
}

/// A fresh idempotency key: one per action a person takes, reused by its retries.
pub fn new_key() -> String {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| format!("k{}", js_sys::Date::now() as u64))
}

fn authorized(request: RequestBuilder) -> RequestBuilder {
    match session() {
        Some(session) => request.header("Authorization", &format!("Bearer {}", session.token)),
        None => request,
    }
}

async fn answer<T: DeserializeOwned>(response: Response) -> Result<T, HttpError> {
    let status = response.status();
    if (200..300).contains(&status) {
        return response
            .json()
            .await
            .map_err(|err| HttpError::Broken(err.to_string()));
    }
    let problem: Option<Problem> = response.json().await.ok();
    match problem {
        Some(problem) if problem.code == ProblemCode::Unauthorized => {
            set_session(None);
            Err(HttpError::SessionEnded)
        }
        Some(problem) => Err(HttpError::Refused(Box::new(problem))),
        None => Err(HttpError::Broken(format!("status {status}"))),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, HttpError> {
    let response = authorized(Request::get(&format!("{API}{path}")))
        .send()
        .await
        .map_err(|_| HttpError::Offline)?;
    answer(response).await
}

/// A write, retried with the same key while the network fails.
async fn post<T: DeserializeOwned>(
    path: &str,
    key: Option<&str>,
    body: &impl Serialize,
) -> Result<T, HttpError> {
    let url = format!("{API}{path}");
    let mut tries = 0;
    loop {
        tries += 1;
        let mut request = authorized(Request::post(&url));
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        let sent = request
            .json(body)
            .map_err(|err| HttpError::Broken(err.to_string()))?
            .send()
            .await;
        match sent {
            Ok(response) => return answer(response).await,
            // Only writes made safe by their key are sent again: the rest are idempotent by
            // nature (a scan, served, absent) or carry no key because they read.
            Err(_) if tries < WRITE_TRIES => {
                gloo_timers::future::TimeoutFuture::new(400 * tries).await;
            }
            Err(_) => return Err(HttpError::Offline),
        }
    }
}

pub async fn login(username: &str, password: &str) -> Result<Session, HttpError> {
    let session: Session = post(
        "/auth/login",
        None,
        &LoginRequest {
            username: username.to_owned(),
            password: password.to_owned(),
        },
    )
    .await?;
    set_session(Some(session.clone()));
    Ok(session)
}

pub async fn change_password(old_password: &str, new_password: &str) -> Result<(), HttpError> {
    let response = authorized(Request::post(&format!("{API}/auth/password")))
        .json(&PasswordChange {
            old_password: old_password.to_owned(),
            new_password: new_password.to_owned(),
        })
        .map_err(|err| HttpError::Broken(err.to_string()))?
        .send()
        .await
        .map_err(|_| HttpError::Offline)?;
    if response.ok() {
        // The change ends every session of the account: log in again with the new one.
        set_session(None);
        return Ok(());
    }
    answer::<serde_json::Value>(response).await.map(|_| ())
}

pub async fn logout() {
    let _ = authorized(Request::post(&format!("{API}/auth/logout")))
        .send()
        .await;
    set_session(None);
}

/// Who the session is, checked with the server (a stored session may have ended).
pub async fn me() -> Result<UserInfo, HttpError> {
    get("/auth/me").await
}

pub async fn offices() -> Result<Vec<Office>, HttpError> {
    get("/offices").await
}

pub async fn counters(office_id: &str) -> Result<Vec<Counter>, HttpError> {
    get(&format!("/counters?office_id={office_id}")).await
}

pub async fn procedures(office_id: &str) -> Result<Vec<Procedure>, HttpError> {
    get(&format!("/procedures?office_id={office_id}")).await
}

/// An office's agenda of `day`, or of the server's today.
pub async fn agenda(
    office_id: &str,
    day: Option<jiff::civil::Date>,
) -> Result<OfficeAgenda, HttpError> {
    match day {
        Some(day) => get(&format!("/offices/{office_id}/agenda?day={day}")).await,
        None => get(&format!("/offices/{office_id}/agenda")).await,
    }
}

/// The agenda as a CSV sheet.
pub async fn agenda_csv(office_id: &str, day: jiff::civil::Date) -> Result<String, HttpError> {
    text(&format!("/offices/{office_id}/agenda.csv?day={day}")).await
}

/// A text answer (a CSV sheet).
async fn text(path: &str) -> Result<String, HttpError> {
    let response = authorized(Request::get(&format!("{API}{path}")))
        .send()
        .await
        .map_err(|_| HttpError::Offline)?;
    if !response.ok() {
        return answer::<serde_json::Value>(response)
            .await
            .map(|_| String::new());
    }
    response
        .text()
        .await
        .map_err(|err| HttpError::Broken(err.to_string()))
}

pub async fn scan(office_id: &str, scanned: &str) -> Result<ScanOutcome, HttpError> {
    post(
        &format!("/offices/{office_id}/desk/scan"),
        None,
        &ScanRequest {
            scan: scanned.to_owned(),
        },
    )
    .await
}

/// A queue number for a person without an appointment.
pub async fn walk_in(
    office_id: &str,
    procedure_id: &str,
    key: &str,
) -> Result<AgendaEntry, HttpError> {
    post(
        &format!("/offices/{office_id}/desk/walk-in"),
        Some(key),
        &WalkInRequest {
            procedure_id: procedure_id.to_owned(),
        },
    )
    .await
}

pub async fn call_next(
    office_id: &str,
    counter_id: &str,
    key: &str,
) -> Result<Option<Call>, HttpError> {
    post(
        &format!("/offices/{office_id}/counters/{counter_id}/call-next"),
        Some(key),
        &(),
    )
    .await
}

pub async fn recall(code: &str, key: &str) -> Result<Call, HttpError> {
    post(&format!("/bookings/{code}/recall"), Some(key), &()).await
}

pub async fn finish(code: &str, outcome: CallOutcome) -> Result<AgendaEntry, HttpError> {
    post(&format!("/bookings/{code}/{}", outcome.as_str()), None, &()).await
}

/// Marks that the person never came (once their time is over).
pub async fn no_show(code: &str) -> Result<sportello_core::booking::Booking, HttpError> {
    post(&format!("/bookings/{code}/no-show"), None, &()).await
}

/// What a change of a day would hit.
pub async fn change_impact(
    change: &sportello_core::model::DayOverride,
) -> Result<sportello_core::agenda_change::ChangeImpact, HttpError> {
    post(&format!("/overrides/{}/impact", change.id), None, change).await
}

/// Makes a change of a day with what staff decided for every appointment it hits.
pub async fn apply_change(
    plan: &sportello_core::agenda_change::ChangePlan,
    key: &str,
) -> Result<sportello_core::agenda_change::ChangeOutcome, HttpError> {
    post(
        &format!("/overrides/{}/apply", plan.change.id),
        Some(key),
        plan,
    )
    .await
}

/// The office's people to tell of changes, not yet reached.
pub async fn notices(
    office_id: &str,
) -> Result<Vec<sportello_core::agenda_change::Notice>, HttpError> {
    get(&format!("/offices/{office_id}/notices")).await
}

/// Staff called the person.
pub async fn notice_called(office_id: &str, notice: i64) -> Result<(), HttpError> {
    let response = authorized(Request::post(&format!(
        "{API}/offices/{office_id}/notices/{notice}/called"
    )))
    .send()
    .await
    .map_err(|_| HttpError::Offline)?;
    if response.ok() {
        return Ok(());
    }
    answer::<serde_json::Value>(response).await.map(|_| ())
}

/// An office's numbers from `from` to `to`.
pub async fn office_stats(
    office_id: &str,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
) -> Result<sportello_core::office_stats::OfficeStats, HttpError> {
    get(&format!("/offices/{office_id}/stats?from={from}&to={to}")).await
}

/// The same numbers as a CSV sheet.
pub async fn office_stats_csv(
    office_id: &str,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
) -> Result<String, HttpError> {
    text(&format!(
        "/offices/{office_id}/stats.csv?from={from}&to={to}"
    ))
    .await
}

/// The office's audit log, newest first (one booking's, with `code`).
pub async fn audit(
    office_id: &str,
    code: Option<&str>,
) -> Result<Vec<sportello_core::office::AuditEntry>, HttpError> {
    match code {
        Some(code) => get(&format!("/audit?booking_code={code}")).await,
        None => get(&format!("/audit?office_id={office_id}&limit=300")).await,
    }
}

pub async fn board(office_id: &str) -> Result<Board, HttpError> {
    get(&format!("/offices/{office_id}/board")).await
}

/// The stream of an office's events (`board`, `agenda`, `ping`). The browser reconnects by
/// itself after a drop; `on_open` and `on_error` tell the screen how the link stands.
pub struct Follow {
    source: web_sys::EventSource,
    _handlers: Vec<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>>,
}

impl Follow {
    pub fn office(
        office_id: &str,
        on_event: impl Fn(&str, String) + 'static,
        on_link: impl Fn(bool) + 'static,
    ) -> Option<Follow> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let source =
            web_sys::EventSource::new(&format!("{API}/offices/{office_id}/events")).ok()?;
        let on_event = std::rc::Rc::new(on_event);
        let on_link = std::rc::Rc::new(on_link);
        let mut handlers = Vec::new();
        for name in ["board", "agenda", "ping"] {
            let on_event = on_event.clone();
            let on_link = on_link.clone();
            let handler =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    if let Some(message) = event.dyn_ref::<web_sys::MessageEvent>() {
                        on_link(true);
                        on_event(name, message.data().as_string().unwrap_or_default());
                    }
                });
            let _ = source.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
            handlers.push(handler);
        }
        for (name, up) in [("open", true), ("error", false)] {
            let on_link = on_link.clone();
            let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_link(up));
            let _ = source.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
            handlers.push(handler);
        }
        Some(Follow {
            source,
            _handlers: handlers,
        })
    }
}

impl Drop for Follow {
    fn drop(&mut self) {
        self.source.close();
    }
}
