//! The day's agenda: every counter's appointments in time order, filtered by counter and
//! status, printable on A4 and exported as CSV.

use super::hhmm;
use super::workspace::Day;
use crate::backend::http::{self, HttpError};
use crate::format;
use crate::t;
use sportello_core::Lang;
use sportello_core::booking::display_code;
use sportello_core::office::{AgendaEntry, Channel, DayStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgendaProps {
    pub day: Day,
    pub on_error: Callback<HttpError>,
}

pub fn status_label(status: DayStatus) -> String {
    match status {
        DayStatus::Expected => t!("console-status-expected"),
        DayStatus::Waiting => t!("console-status-waiting"),
        DayStatus::Called => t!("console-status-called"),
        DayStatus::Served => t!("console-status-served"),
        DayStatus::Absent => t!("console-status-absent"),
        DayStatus::NoShow => t!("console-status-no-show"),
        DayStatus::Cancelled => t!("console-status-cancelled"),
    }
}

pub fn channel_label(channel: &Channel) -> String {
    match channel {
        Channel::SelfService => t!("console-channel-self"),
        Channel::Kiosk { kiosk_id } => t!("console-channel-kiosk", kiosk = kiosk_id.clone()),
        Channel::Operator { organization_id } => {
            t!(
                "console-channel-operator",
                organization = organization_id.clone()
            )
        }
        Channel::Office => t!("console-channel-office"),
        Channel::WalkIn => t!("console-channel-walk-in"),
    }
}

fn no_show(code: &str, on_error: &Callback<HttpError>) -> impl Fn(MouseEvent) + 'static {
    let (code, on_error) = (code.to_owned(), on_error.clone());
    move |_| {
        let (code, on_error) = (code.clone(), on_error.clone());
        spawn_local(async move {
            // The agenda follows by itself: the change comes back as an event.
            if let Err(err) = http::no_show(&code).await {
                on_error.emit(err);
            }
        });
    }
}

/// Saves `text` as a file the browser downloads.
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[function_component]
pub fn Agenda(props: &AgendaProps) -> Html {
    let lang = crate::app::use_lang();
    let counter = use_state(String::new);
    let status = use_state(String::new);
    let day = &props.day;
    let shown: Vec<&AgendaEntry> = day
        .entries
        .iter()
        .filter(|entry| counter.is_empty() || entry.record.booking.counter_id == *counter)
        .filter(|entry| status.is_empty() || entry.day_status.as_str() == *status)
        .collect();
    let pick = |state: UseStateHandle<String>| {
        move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                state.set(select.value());
            }
        }
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let export = {
        let (office_id, date, on_error) = (day.office_id.clone(), day.date, props.on_error.clone());
        move |_| {
            let (office_id, on_error) = (office_id.clone(), on_error.clone());
            let Some(date) = date else { return };
            spawn_local(async move {
                match http::agenda_csv(&office_id, date).await {
                    Ok(text) => download(&format!("agenda-{office_id}-{date}.csv"), &text),
                    Err(err) => on_error.emit(err),
                }
            });
        }
    };
    html! {
        <section class="console-agenda" aria-labelledby="agenda-title">
            <div class="console-toolbar">
                <h2 id="agenda-title">{ t!("console-tab-agenda") }</h2>
                <label>
                    <span>{ t!("console-counter") }</span>
                    <select id="filter-counter" onchange={pick(counter.clone())}>
                        <option value="" selected={counter.is_empty()}>{ t!("console-all") }</option>
                        { for day.counters.iter().map(|c| html! {
                            <option value={c.id.clone()} selected={c.id == *counter}>{ &c.name }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ t!("console-status") }</span>
                    <select id="filter-status" onchange={pick(status.clone())}>
                        <option value="" selected={status.is_empty()}>{ t!("console-all") }</option>
                        { for DayStatus::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={s.as_str() == *status}>{ status_label(*s) }</option>
                        }) }
                    </select>
                </label>
                <button type="button" id="agenda-print" onclick={print}>{ t!("console-print") }</button>
                <button type="button" id="agenda-csv" onclick={export}>{ t!("console-csv") }</button>
            </div>
            <p class="console-count" id="agenda-count">
                // Appointments: the walk-ins on the list are not counted as such.
                { t!("console-agenda-count", count = shown.iter().filter(|e| e.channel != Channel::WalkIn).count()) }
            </p>
            if shown.is_empty() {
                <p class="console-empty" id="agenda-empty">{ t!("console-agenda-empty") }</p>
            } else {
                <table class="console-table" id="agenda-table">
                    <thead><tr>
                        <th scope="col">{ t!("console-time") }</th>
                        <th scope="col">{ t!("console-code") }</th>
                        <th scope="col">{ t!("console-counter") }</th>
                        <th scope="col">{ t!("console-procedure") }</th>
                        <th scope="col">{ t!("console-person") }</th>
                        <th scope="col">{ t!("console-mediator") }</th>
                        <th scope="col">{ t!("console-channel") }</th>
                        <th scope="col">{ t!("console-status") }</th>
                        <th scope="col" class="actions">{ t!("console-actions") }</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|entry| row(entry, day, lang, &props.on_error)) }
                    </tbody>
                </table>
            }
        </section>
    }
}

fn row(entry: &AgendaEntry, day: &Day, lang: Lang, on_error: &Callback<HttpError>) -> Html {
    let booking = &entry.record.booking;
    // Latin names and ISO dates kept whole inside a right-to-left line.
    let person = entry.record.person.as_ref().map(|person| {
        html! { <>
            <bdi>{ format!("{} {}", person.surname, person.given_names) }</bdi>
            { format!(" · {} · ", format::country_name(&person.nationality, lang)) }
            <bdi>{ person.date_of_birth.to_string() }</bdi>
        </> }
    });
    let documents: Vec<String> = day
        .procedures
        .iter()
        .find(|procedure| procedure.id == booking.procedure_id)
        .map(|procedure| {
            procedure
                .documents
                .iter()
                .map(|d| d.get(lang).to_owned())
                .collect()
        })
        .unwrap_or_default();
    html! {
        <tr class={classes!("agenda-row", entry.day_status.as_str())} data-code={booking.code.clone()}>
            <td>{ hhmm(booking.start) }</td>
            <td class="code">{ display_code(&booking.code) }
                if let Some(number) = booking.queue_number {
                    <span class="queue-number">{ format!(" · {number}") }</span>
                }
            </td>
            <td>{ day.counter_name(&booking.counter_id) }</td>
            <td>{ day.procedure_name(&booking.procedure_id, lang) }
                if !documents.is_empty() {
                    <details class="documents">
                        <summary>{ t!("console-documents", count = documents.len()) }</summary>
                        <ul>{ for documents.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                    </details>
                }
            </td>
            <td class="person">{ person.unwrap_or_else(|| match entry.channel {
                // Nobody's data is taken for a number without an appointment.
                Channel::WalkIn => html! { "—" },
                _ => html! { t!("console-person-purged") },
            }) }</td>
            <td>{ booking.mediator_language.as_deref().map(|code| format::language_name(code, lang)).unwrap_or_default() }</td>
            <td>{ channel_label(&entry.channel) }</td>
            <td class="status">{ status_label(entry.day_status) }</td>
            <td class="actions">
                // Someone expected whose time is over (by the server's clock) may be marked
                // as not come.
                if entry.day_status == DayStatus::Expected && day.now.is_some_and(|now| booking.end <= now) {
                    <button type="button" class="no-show" onclick={no_show(&booking.code, on_error)}>
                        { t!("console-mark-no-show") }
                    </button>
                }
            </td>
        </tr>
    }
}
