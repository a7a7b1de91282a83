//! "I already have a booking": a person finds it with its code, their date of birth and the
//! last characters of their document, and can move or cancel it. Bookings are not kept on
//! kiosks, so this needs the server.

use crate::app::use_lang;
use crate::backend::{self, BackendError};
use crate::components::back_button::BackButton;
use crate::{format, t};
use sportello_core::booking::{Booking, BookingStatus, CitizenProof};
use sportello_core::kiosk::{
    CancelOutcome, CommandError, LookupOutcome, RescheduleOutcome, SlotChoice, SlotSource,
};
use sportello_core::model::{Office, Procedure};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Asking,
    Busy,
    Found(Booking),
    /// Choosing a new slot for the booking.
    Moving(Booking, Vec<SlotChoice>),
    Moved(Booking),
    Cancelled(Booking),
    Message(&'static str),
}

#[function_component]
pub fn Manage(props: &Props) -> Html {
    let lang = use_lang();
    let code = use_state(String::new);
    let date_of_birth = use_state(String::new);
    let document_end = use_state(String::new);
    let state = use_state(|| State::Asking);
    let names = use_state(|| (Vec::<Procedure>::new(), Vec::<Office>::new()));
    // Where phones open receipts: a moved booking's new QR code opens it too.
    let receipt_url = use_state(String::new);
    {
        let names = names.setter();
        let receipt_url = receipt_url.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let procedures = backend::list_procedures(None).await.unwrap_or_default();
                let offices = backend::list_offices().await.unwrap_or_default();
                names.set((procedures, offices));
                if let Ok(settings) = backend::ui_settings().await {
                    receipt_url.set(settings.receipt_url);
                }
            });
        });
    }
    let input = |handle: &UseStateHandle<String>| {
        let handle = handle.clone();
        Callback::from(move |event: InputEvent| {
            handle.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    // The proof as typed, if it is one: a date, and four letters or digits.
    let proof = {
        let date_of_birth = date_of_birth.clone();
        let document_end = document_end.clone();
        move || {
            let proof = CitizenProof {
                date_of_birth: format::parse_date(&date_of_birth)?,
                document_end: document_end.trim().to_uppercase(),
            };
            proof.well_formed().then_some(proof)
        }
    };
    let find = {
        let code = code.clone();
        let proof = proof.clone();
        let state = state.setter();
        Callback::from(move |_: MouseEvent| {
            let code = (*code).clone();
            let state = state.clone();
            let Some(proof) = proof().filter(|_| !code.trim().is_empty()) else {
                state.set(State::Message("manage-missing"));
                return;
            };
            state.set(State::Busy);
            spawn_local(async move {
                state.set(match backend::lookup_booking(&code, &proof).await {
                    Ok(LookupOutcome::Found { booking }) => State::Found(booking),
                    Ok(LookupOutcome::NotFound) => State::Message("manage-not-found"),
                    Ok(LookupOutcome::TooMany) => State::Message("manage-too-many"),
                    Ok(LookupOutcome::Offline) => State::Message("manage-offline"),
                    Err(_) => State::Message("error-unexpected"),
                });
            });
        })
    };
    let cancel = {
        let proof = proof.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let State::Found(booking) = (*state).clone() else {
                return;
            };
            let Some(proof) = proof() else {
                return;
            };
            let state = state.setter();
            state.set(State::Busy);
            spawn_local(async move {
                state.set(match backend::cancel_booking(&booking, &proof).await {
                    Ok(CancelOutcome::Cancelled { booking }) => State::Cancelled(booking),
                    Ok(CancelOutcome::Pending) => State::Message("manage-cancel-pending"),
                    Ok(CancelOutcome::Refused { .. }) => State::Message("manage-cancel-refused"),
                    Err(BackendError::Command(CommandError::NotEnrolled)) => {
                        State::Message("kiosk-not-enrolled")
                    }
                    Err(_) => State::Message("error-unexpected"),
                });
            });
        })
    };
    let start_moving = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let State::Found(booking) = (*state).clone() else {
                return;
            };
            let state = state.setter();
            state.set(State::Busy);
            spawn_local(async move {
                state.set(match backend::free_slots(&booking.procedure_id).await {
                    Ok(list) if list.source == SlotSource::Live => {
                        // Its own time is not somewhere to move it to.
                        let slots = list
                            .slots
                            .into_iter()
                            .filter(|slot| slot.start != booking.start)
                            .collect();
                        State::Moving(booking, slots)
                    }
                    Ok(_) => State::Message("manage-offline"),
                    Err(_) => State::Message("error-unexpected"),
                });
            });
        })
    };
    let move_to = |slot: SlotChoice| {
        let state = state.clone();
        let proof = proof.clone();
        Callback::from(move |_: MouseEvent| {
            let State::Moving(booking, _) = (*state).clone() else {
                return;
            };
            let proof = proof();
            let state = state.setter();
            let slot = slot.clone();
            state.set(State::Busy);
            spawn_local(async move {
                let outcome = backend::reschedule_booking(
                    &booking,
                    proof.as_ref(),
                    &slot.office_id,
                    slot.start,
                )
                .await;
                state.set(match outcome {
                    Ok(RescheduleOutcome::Moved { booking }) => State::Moved(booking),
                    Ok(RescheduleOutcome::Taken { alternatives }) => State::Moving(
                        booking,
                        alternatives.into_iter().map(SlotChoice::from).collect(),
                    ),
                    Ok(RescheduleOutcome::Pending) => State::Message("manage-move-pending"),
                    Ok(RescheduleOutcome::Refused { .. }) => State::Message("manage-move-refused"),
                    Err(_) => State::Message("error-unexpected"),
                });
            });
        })
    };
    let (procedures, offices) = &*names;
    let describe = |booking: &Booking| {
        let procedure = procedures
            .iter()
            .find(|procedure| procedure.id == booking.procedure_id)
            .map(|procedure| {
                let name = procedure.name.resolve(lang);
                html! { <bdi lang={name.lang.code()}>{ name.text }</bdi> }
            })
            .unwrap_or_else(|| html! { { booking.procedure_id.clone() } });
        let office = offices
            .iter()
            .find(|office| office.id == booking.office_id)
            .map_or_else(|| booking.office_id.clone(), |office| office.name.clone());
        html! {
            <dl class="review" id="manage-details" data-status={booking.status.as_str()}>
                <dt>{ t!("receipt-code") }</dt>
                <dd><bdi dir="ltr">{ &booking.code }</bdi></dd>
                <dt>{ t!("receipt-procedure") }</dt>
                <dd>{ procedure }</dd>
                <dt>{ t!("receipt-when") }</dt>
                <dd>{ format::long_day_and_time(booking.start.as_second(), lang) }</dd>
                <dt>{ t!("receipt-where") }</dt>
                <dd><bdi lang="it">{ office }</bdi></dd>
            </dl>
        }
    };
    let body = match &*state {
        State::Found(booking) => html! {
            <>
                { describe(booking) }
                if booking.status == BookingStatus::Confirmed {
                    <div class="actions">
                        <button class="primary" id="move-booking" onclick={start_moving}>
                            { t!("manage-move") }
                        </button>
                        <button class="primary danger" id="cancel-booking" onclick={cancel}>
                            { t!("manage-cancel") }
                        </button>
                    </div>
                }
            </>
        },
        State::Moving(booking, slots) => html! {
            <>
                { describe(booking) }
                <h2 class="step-title">{ t!("manage-move-when") }</h2>
                <ul class="choices slots">
                    { for slots.iter().take(30).map(|slot| html! {
                        <li>
                            <button class="choice slot-choice" data-start={slot.start.to_string()}
                                    onclick={move_to(slot.clone())}>
                                <span class="choice-title">
                                    { format::long_day_and_time(slot.start.as_second(), lang) }
                                </span>
                            </button>
                        </li>
                    }) }
                </ul>
            </>
        },
        State::Moved(booking) => html! {
            <>
                <p class="notice" id="manage-moved" role="status">{ t!("manage-moved") }</p>
                { describe(booking) }
                if let Some(receipt) = &booking.receipt {
                    <div class="qr" id="moved-qr" data-token={receipt.clone()}>
                        { crate::components::qr::qr_svg(&format!("{}{receipt}", *receipt_url)) }
                    </div>
                }
            </>
        },
        State::Cancelled(booking) => html! {
            <>
                <p class="notice" id="manage-cancelled" role="status">{ t!("manage-cancelled") }</p>
                { describe(booking) }
            </>
        },
        _ => html! {
            <>
                <div class="form">
                    <label class="field">
                        <span class="field-label">{ t!("receipt-code") }</span>
                        <input id="manage-code" type="text" dir="ltr" autocomplete="off" inputmode="none"
                               value={(*code).clone()} oninput={input(&code)} />
                    </label>
                    <label class="field">
                        <span class="field-label">{ t!("person-date-of-birth") }</span>
                        <input id="manage-date_of_birth" type="text" dir="ltr" inputmode="none"
                               placeholder={t!("date-placeholder")}
                               value={(*date_of_birth).clone()} oninput={input(&date_of_birth)} />
                    </label>
                    <label class="field">
                        <span class="field-label">{ t!("manage-document-end") }</span>
                        <input id="manage-document_end" type="text" dir="ltr" autocomplete="off"
                               inputmode="none" maxlength="4" spellcheck="false"
                               aria-describedby="manage-document-end-hint"
                               value={(*document_end).clone()} oninput={input(&document_end)} />
                        <span class="field-hint" id="manage-document-end-hint">
                            { t!("manage-document-end-hint") }
                        </span>
                    </label>
                </div>
                if let State::Message(key) = &*state {
                    <p class="notice error" id="manage-message" role="alert">{ message(key) }</p>
                }
                <button class="primary" id="manage-find" disabled={*state == State::Busy} onclick={find}>
                    { t!("manage-find") }
                </button>
            </>
        },
    };
    html! {
        <section class="manage" id="screen-manage">
            <BackButton on_back={props.on_back.clone()} />
            <h1>{ t!("manage-title") }</h1>
            <p class="notice">{ t!("manage-hint") }</p>
            { body }
        </section>
    }
}

/// A message by its key (the keys are the literal ones above, checked at compile time there).
fn message(key: &str) -> String {
    match key {
        "manage-missing" => t!("manage-missing"),
        "manage-not-found" => t!("manage-not-found"),
        "manage-too-many" => t!("manage-too-many"),
        "manage-offline" => t!("manage-offline"),
        "manage-cancel-pending" => t!("manage-cancel-pending"),
        "manage-cancel-refused" => t!("manage-cancel-refused"),
        "manage-move-refused" => t!("manage-move-refused"),
        "kiosk-not-enrolled" => t!("kiosk-not-enrolled"),
        _ => t!("error-unexpected"),
    }
}
