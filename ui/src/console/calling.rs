//! Calling at a counter: the next person (appointments in the order of their time, then
//! walk-ins), again, then served or absent.

use super::hhmm;
use super::workspace::Day;
use crate::backend::http::{self, HttpError};
use crate::t;
use sportello_core::booking::display_code;
use sportello_core::office::{AgendaEntry, CallOutcome, DayStatus};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CallingProps {
    pub day: Day,
    pub on_error: Callback<HttpError>,
}

#[function_component]
pub fn Calling(props: &CallingProps) -> Html {
    let lang = crate::app::use_lang();
    let day = &props.day;
    let counter = use_state(|| None::<String>);
    let note = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let counter_id = (*counter)
        .clone()
        .or_else(|| day.counters.first().map(|c| c.id.clone()))
        .unwrap_or_default();
    let waiting = day
        .entries
        .iter()
        .filter(|e| e.day_status == DayStatus::Waiting && day.calls_here(e, &counter_id))
        .count();
    // The person called here last and not yet done with.
    let current: Option<&AgendaEntry> = day
        .entries
        .iter()
        .filter(|e| e.day_status == DayStatus::Called)
        .filter(|e| {
            e.call
                .as_ref()
                .is_some_and(|call| call.counter_id == counter_id)
        })
        .max_by_key(|e| e.call.as_ref().map(|call| call.called_at));

    let pick = {
        let counter = counter.clone();
        move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                counter.set(Some(select.value()));
            }
        }
    };
    let call_next = {
        let (note, busy, on_error) = (note.clone(), busy.clone(), props.on_error.clone());
        let (office_id, counter_id) = (day.office_id.clone(), counter_id.clone());
        move |_| {
            let (note, busy, on_error) = (note.clone(), busy.clone(), on_error.clone());
            let (office_id, counter_id) = (office_id.clone(), counter_id.clone());
            // One key per press: a retry after a drop calls nobody else.
            let key = http::new_key();
            busy.set(true);
            spawn_local(async move {
                match http::call_next(&office_id, &counter_id, &key).await {
                    Ok(Some(call)) => {
                        note.set(Some(t!("console-called", number = call.queue_number)))
                    }
                    Ok(None) => note.set(Some(t!("console-nobody-waiting"))),
                    Err(err) => on_error.emit(err),
                }
                busy.set(false);
            });
        }
    };
    let act = |code: String, what: Option<CallOutcome>| {
        let (note, on_error) = (note.clone(), props.on_error.clone());
        move |_| {
            let (code, note, on_error) = (code.clone(), note.clone(), on_error.clone());
            spawn_local(async move {
                let done = match what {
                    None => http::recall(&code, &http::new_key()).await.map(|_| ()),
                    Some(outcome) => http::finish(&code, outcome).await.map(|_| ()),
                };
                match done {
                    Ok(()) => note.set(None),
                    Err(err) => on_error.emit(err),
                }
            });
        }
    };
    html! {
        <section class="console-calling" aria-labelledby="calling-title">
            <h2 id="calling-title">{ t!("console-tab-calling") }</h2>
            <label class="calling-counter">
                <span>{ t!("console-counter") }</span>
                <select id="calling-counter" onchange={pick}>
                    { for day.counters.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={c.id == counter_id}>{ &c.name }</option>
                    }) }
                </select>
            </label>
            <p id="calling-waiting">{ t!("console-waiting-count", count = waiting) }</p>
            <button type="button" id="call-next" class="primary" disabled={*busy || counter_id.is_empty()}
                onclick={call_next}>{ t!("console-call-next") }</button>
            if let Some(note) = &*note {
                <p id="calling-note" role="status">{ note }</p>
            }
            if let Some(entry) = current {
                <div class="calling-current" id="calling-current">
                    <p class="scan-number">{ entry.record.booking.queue_number.map(|n| n.to_string()).unwrap_or_default() }</p>
                    <p>{ format!("{} · {} · {}", display_code(&entry.record.booking.code),
                        hhmm(entry.record.booking.start),
                        day.procedure_name(&entry.record.booking.procedure_id, lang)) }</p>
                    if let Some(person) = &entry.record.person {
                        <p class="person">{ format!("{} {}", person.surname, person.given_names) }</p>
                    }
                    <div class="calling-actions">
                        <button type="button" id="call-again"
                            onclick={act(entry.record.booking.code.clone(), None)}>{ t!("console-call-again") }</button>
                        <button type="button" id="call-served" class="primary"
                            onclick={act(entry.record.booking.code.clone(), Some(CallOutcome::Served))}>{ t!("console-served") }</button>
                        <button type="button" id="call-absent"
                            onclick={act(entry.record.booking.code.clone(), Some(CallOutcome::Absent))}>{ t!("console-absent") }</button>
                    </div>
                </div>
            }
        </section>
    }
}
