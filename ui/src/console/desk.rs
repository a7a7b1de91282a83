//! The check-in desk: a field that keeps the focus and takes what a USB scanner types (a
//! receipt's address, a kiosk's receipt, a code typed by hand), then shows the person and
//! their number, or why not, with what to do. Where the office allows it, a person without an
//! appointment gets a number for a procedure.

use super::agenda::{channel_label, status_label};
use super::hhmm;
use super::workspace::Day;
use crate::backend::http::{self, HttpError};
use crate::format;
use crate::t;
use sportello_core::Lang;
use sportello_core::booking::display_code;
use sportello_core::office::{AgendaEntry, Channel, ScanOutcome, ScanRefusal};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the desk last did.
enum Answer {
    Scanned(ScanOutcome),
    WalkIn(Box<AgendaEntry>),
}

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub day: Day,
    pub on_error: Callback<HttpError>,
}

/// One line: why, and what to do.
fn refusal_line(refusal: &ScanRefusal, lang: Lang) -> String {
    match refusal {
        ScanRefusal::Unreadable => t!("console-scan-unreadable"),
        ScanRefusal::NotGenuine => t!("console-scan-not-genuine"),
        ScanRefusal::Unknown => t!("console-scan-unknown"),
        ScanRefusal::OtherOffice { office_id } => {
            t!("console-scan-other-office", office = office_id.clone())
        }
        ScanRefusal::OtherDay { day: date } => {
            t!(
                "console-scan-other-day",
                day = format::long_date(*date, lang)
            )
        }
        ScanRefusal::Cancelled => t!("console-scan-cancelled"),
        ScanRefusal::Moved => t!("console-scan-moved"),
        ScanRefusal::TooEarly { start } => t!("console-scan-too-early", time = hhmm(*start)),
        ScanRefusal::TooLate { start } => t!("console-scan-too-late", time = hhmm(*start)),
        ScanRefusal::NoShow => t!("console-scan-no-show"),
        ScanRefusal::NotReported => t!("console-scan-not-reported"),
    }
}

fn focus(input: &NodeRef) {
    if let Some(input) = input.cast::<HtmlInputElement>() {
        let _ = input.focus();
    }
}

#[function_component]
pub fn Desk(props: &DeskProps) -> Html {
    let lang = crate::app::use_lang();
    let field = use_node_ref();
    let outcome = use_state(|| None::<Answer>);
    let busy = use_state(|| false);
    {
        let field = field.clone();
        use_effect_with((), move |()| focus(&field));
    }
    // What the scanner typed, or what the camera read.
    let check = {
        let (field, outcome, busy) = (field.clone(), outcome.clone(), busy.clone());
        let (office_id, on_error) = (props.day.office_id.clone(), props.on_error.clone());
        Callback::from(move |scanned: String| {
            if scanned.trim().is_empty() || *busy {
                return;
            }
            let (field, outcome, busy) = (field.clone(), outcome.clone(), busy.clone());
            let (office_id, on_error) = (office_id.clone(), on_error.clone());
            busy.set(true);
            spawn_local(async move {
                match http::scan(&office_id, &scanned).await {
                    Ok(answer) => {
                        outcome.set(Some(Answer::Scanned(answer)));
                        if let Some(input) = field.cast::<HtmlInputElement>() {
                            input.set_value("");
                        }
                    }
                    // What was scanned stays in the field: nothing is lost.
                    Err(err) => on_error.emit(err),
                }
                busy.set(false);
                focus(&field);
            });
        })
    };
    let onsubmit = {
        let (field, check) = (field.clone(), check.clone());
        move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = field.cast::<HtmlInputElement>() {
                check.emit(input.value());
            }
        }
    };
    // The field keeps the focus, so the next scan lands in it whatever was clicked.
    let onblur = {
        let field = field.clone();
        move |_: FocusEvent| {
            let field = field.clone();
            gloo_timers::callback::Timeout::new(1_500, move || {
                let elsewhere = web_sys::window()
                    .and_then(|window| window.document())
                    .and_then(|document| document.active_element())
                    .is_some_and(|active| active.tag_name() != "BODY");
                if !elsewhere {
                    focus(&field);
                }
            })
            .forget();
        }
    };
    html! {
        <section class="console-desk" aria-labelledby="desk-title">
            <h2 id="desk-title">{ t!("console-tab-desk") }</h2>
            <form onsubmit={onsubmit} class="desk-form">
                <label for="scan-input">{ t!("console-scan-label") }</label>
                <input id="scan-input" ref={field.clone()} autocomplete="off" spellcheck="false"
                    onblur={onblur} placeholder={t!("console-scan-placeholder")} />
                <button type="submit" id="scan-submit" disabled={*busy}>{ t!("console-scan-check") }</button>
            </form>
            if super::camera::available() {
                <super::camera::Camera on_read={check} />
            }
            if props.day.walk_ins {
                // Back to the scan field either way: the next scan must not press "give a number".
                <WalkInForm day={props.day.clone()}
                    on_error={{
                        let (on_error, field) = (props.on_error.clone(), field.clone());
                        move |err| {
                            on_error.emit(err);
                            focus(&field);
                        }
                    }}
                    on_number={{
                        let (outcome, field) = (outcome.clone(), field.clone());
                        move |entry| {
                            outcome.set(Some(Answer::WalkIn(Box::new(entry))));
                            focus(&field);
                        }
                    }} />
            }
            <div id="scan-result" aria-live="assertive">
                { match &*outcome {
                    None => html! {},
                    Some(Answer::WalkIn(entry)) => {
                        numbered(t!("console-walk-in-given"), entry, &props.day, lang)
                    }
                    Some(Answer::Scanned(ScanOutcome::CheckedIn { entry, new })) => {
                        let headline = if *new { t!("console-scan-checked-in") } else { t!("console-scan-already") };
                        numbered(headline, entry, &props.day, lang)
                    }
                    Some(Answer::Scanned(ScanOutcome::Refused { refusal, entry })) => html! {
                        <div class="scan-refused">
                            <p class="scan-headline" id="scan-refusal">{ refusal_line(refusal, lang) }</p>
                            if let Some(entry) = entry {
                                { entry_card(entry, &props.day, lang) }
                            }
                        </div>
                    },
                } }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WalkInProps {
    day: Day,
    on_number: Callback<AgendaEntry>,
    on_error: Callback<HttpError>,
}

/// A number for a person without an appointment: what they came for, then the number.
#[function_component]
fn WalkInForm(props: &WalkInProps) -> Html {
    let lang = crate::app::use_lang();
    let select = use_node_ref();
    let busy = use_state(|| false);
    let onsubmit = {
        let (select, busy) = (select.clone(), busy.clone());
        let (on_number, on_error) = (props.on_number.clone(), props.on_error.clone());
        let office_id = props.day.office_id.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(procedure_id) = select
                .cast::<HtmlSelectElement>()
                .map(|select| select.value())
                .filter(|id| !id.is_empty())
            else {
                return;
            };
            if *busy {
                return;
            }
            let (busy, on_number, on_error) = (busy.clone(), on_number.clone(), on_error.clone());
            let office_id = office_id.clone();
            busy.set(true);
            spawn_local(async move {
                // One key for this press: a retry after a dropped answer gives the same number.
                match http::walk_in(&office_id, &procedure_id, &http::new_key()).await {
                    Ok(entry) => on_number.emit(entry),
                    Err(err) => on_error.emit(err),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <form onsubmit={onsubmit} class="walk-in-form" aria-labelledby="walk-in-title">
            <h3 id="walk-in-title">{ t!("console-walk-in-title") }</h3>
            <label for="walk-in-procedure">{ t!("console-walk-in-procedure") }</label>
            <select id="walk-in-procedure" ref={select} required=true>
                <option value="" selected=true>{ "—" }</option>
                { for props.day.procedures.iter().map(|procedure| html! {
                    <option value={procedure.id.clone()}>{ procedure.name.get(lang) }</option>
                }) }
            </select>
            <button type="submit" id="walk-in-submit" disabled={*busy}>{ t!("console-walk-in-give") }</button>
        </form>
    }
}

/// A number given: what happened, the number in large type, and whose it is.
fn numbered(headline: String, entry: &AgendaEntry, day: &Day, lang: Lang) -> Html {
    html! {
        <div class="scan-ok">
            <p class="scan-headline">{ headline }</p>
            <p class="scan-number" id="scan-number">
                { entry.record.booking.queue_number.map(|n| n.to_string()).unwrap_or_default() }
            </p>
            { entry_card(entry, day, lang) }
        </div>
    }
}

/// The person and the appointment.
fn entry_card(entry: &AgendaEntry, day: &Day, lang: Lang) -> Html {
    let booking = &entry.record.booking;
    html! {
        <dl class="scan-card">
            if let Some(person) = &entry.record.person {
                <dt>{ t!("console-person") }</dt>
                <dd id="scan-person"><bdi>{ format!("{} {}", person.surname, person.given_names) }</bdi></dd>
                <dt>{ t!("console-born") }</dt>
                <dd><bdi>{ person.date_of_birth.to_string() }</bdi>{ format!(" · {}", format::country_name(&person.nationality, lang)) }</dd>
            }
            if entry.channel == Channel::WalkIn {
                // Any counter serving the procedure calls a walk-in: no counter is named.
                <dt>{ t!("console-walk-in-arrived") }</dt>
                <dd>{ format!("{} · {}", hhmm(booking.start), day.procedure_name(&booking.procedure_id, lang)) }</dd>
            } else {
                <dt>{ t!("console-appointment") }</dt>
                <dd>{ format!("{} · {} · {}", hhmm(booking.start), day.counter_name(&booking.counter_id),
                    day.procedure_name(&booking.procedure_id, lang)) }</dd>
            }
            <dt>{ t!("console-code") }</dt>
            <dd>{ display_code(&booking.code) }</dd>
            if let Some(language) = &booking.mediator_language {
                <dt>{ t!("console-mediator") }</dt>
                <dd>{ format::language_name(language, lang) }</dd>
            }
            <dt>{ t!("console-channel") }</dt>
            <dd>{ channel_label(&entry.channel) }</dd>
            <dt>{ t!("console-status") }</dt>
            <dd>{ status_label(entry.day_status) }</dd>
        </dl>
    }
}
