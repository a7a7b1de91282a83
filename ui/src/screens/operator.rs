//! The operators of comuni and patronati log in here to book on people's behalf; their
//! bookings are recorded for their organisation. The session lives in the kiosk's memory
//! only, and ends on "log out" or when the terminal starts over (after a pause, or a reload).
//! An operator whose password is a temporary one chooses their own here first.

use crate::app::use_lang;
use crate::backend;
use crate::components::back_button::BackButton;
use crate::t;
use sportello_core::account::password_acceptable;
use sportello_core::booking::{Booking, BookingStatus};
use sportello_core::kiosk::{
    LoginOutcome, OperatorBooking, OperatorInfo, PasswordChangeOutcome, RescheduleOutcome,
    SlotChoice, SlotSource,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
    pub on_login: Callback<OperatorInfo>,
}

#[function_component]
pub fn OperatorLogin(props: &Props) -> Html {
    let _lang = use_lang();
    let username = use_state(String::new);
    let password = use_state(String::new);
    let message = use_state(|| None::<&'static str>);
    let busy = use_state(|| false);
    // Logged in with a temporary password: choosing one's own.
    let changing = use_state(|| false);
    let new_password = use_state(String::new);
    let repeated = use_state(String::new);
    let input = |handle: &UseStateHandle<String>| {
        let handle = handle.clone();
        Callback::from(move |event: InputEvent| {
            handle.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let login = {
        let (username, password) = (username.clone(), password.clone());
        let (message, busy) = (message.setter(), busy.setter());
        let changing = changing.setter();
        let on_login = props.on_login.clone();
        Callback::from(move |_: MouseEvent| {
            let (username, password) = ((*username).clone(), (*password).clone());
            let (message, busy, on_login) = (message.clone(), busy.clone(), on_login.clone());
            let changing = changing.clone();
            busy.set(true);
            spawn_local(async move {
                let outcome = backend::operator_login(username.trim(), &password).await;
                busy.set(false);
                message.set(None);
                match outcome {
                    Ok(LoginOutcome::LoggedIn { operator }) => on_login.emit(operator),
                    Ok(LoginOutcome::MustChangePassword) => changing.set(true),
                    Ok(LoginOutcome::Refused) => message.set(Some("operator-refused")),
                    Ok(LoginOutcome::TooMany) => message.set(Some("manage-too-many")),
                    Ok(LoginOutcome::Offline) => message.set(Some("operator-offline")),
                    Err(_) => message.set(Some("error-unexpected")),
                }
            });
        })
    };
    let change = {
        let (password, new_password, repeated) =
            (password.clone(), new_password.clone(), repeated.clone());
        let (message, busy) = (message.setter(), busy.setter());
        let on_login = props.on_login.clone();
        Callback::from(move |_: MouseEvent| {
            let (old, new) = ((*password).clone(), (*new_password).clone());
            if new != *repeated {
                message.set(Some("operator-passwords-differ"));
                return;
            }
            if !password_acceptable(&new) {
                message.set(Some("operator-password-short"));
                return;
            }
            let (message, busy, on_login) = (message.clone(), busy.clone(), on_login.clone());
            busy.set(true);
            spawn_local(async move {
                let outcome = backend::operator_change_password(&old, &new).await;
                busy.set(false);
                match outcome {
                    Ok(PasswordChangeOutcome::Changed { operator }) => on_login.emit(operator),
                    Ok(PasswordChangeOutcome::TooShort) => {
                        message.set(Some("operator-password-short"));
                    }
                    Ok(PasswordChangeOutcome::Refused | PasswordChangeOutcome::NotLoggedIn) => {
                        message.set(Some("operator-refused"));
                    }
                    Ok(PasswordChangeOutcome::TooMany) => message.set(Some("manage-too-many")),
                    Ok(PasswordChangeOutcome::Offline) => message.set(Some("operator-offline")),
                    Err(_) => message.set(Some("error-unexpected")),
                }
            });
        })
    };
    let text = |key: &str| match key {
        "operator-refused" => t!("operator-refused"),
        "manage-too-many" => t!("manage-too-many"),
        "operator-offline" => t!("operator-offline"),
        "operator-passwords-differ" => t!("operator-passwords-differ"),
        "operator-password-short" => t!(
            "operator-password-short",
            length = sportello_core::account::MIN_PASSWORD_LENGTH.to_string()
        ),
        _ => t!("error-unexpected"),
    };
    if *changing {
        return html! {
            <section class="operator" id="screen-operator-password">
                <BackButton on_back={props.on_back.clone()} />
                <h1>{ t!("operator-change-title") }</h1>
                <p class="notice">{ t!("operator-change-hint",
                    length = sportello_core::account::MIN_PASSWORD_LENGTH.to_string()) }</p>
                <div class="form">
                    <label class="field">
                        <span class="field-label">{ t!("operator-new-password") }</span>
                        <input id="operator-new-password" type="password" dir="ltr"
                               autocomplete="new-password" inputmode="none"
                               value={(*new_password).clone()} oninput={input(&new_password)} />
                    </label>
                    <label class="field">
                        <span class="field-label">{ t!("operator-repeat-password") }</span>
                        <input id="operator-repeat-password" type="password" dir="ltr"
                               autocomplete="new-password" inputmode="none"
                               value={(*repeated).clone()} oninput={input(&repeated)} />
                    </label>
                </div>
                if let Some(key) = *message {
                    <p class="notice error" id="operator-message" role="alert">{ text(key) }</p>
                }
                <button class="primary" id="operator-change" disabled={*busy} onclick={change}>
                    { t!("operator-change") }
                </button>
            </section>
        };
    }
    html! {
        <section class="operator" id="screen-operator">
            <BackButton on_back={props.on_back.clone()} />
            <h1>{ t!("operator-title") }</h1>
            <div class="form">
                <label class="field">
                    <span class="field-label">{ t!("operator-username") }</span>
                    <input id="operator-username" type="text" dir="ltr" autocomplete="off"
                           inputmode="none" value={(*username).clone()} oninput={input(&username)} />
                </label>
                <label class="field">
                    <span class="field-label">{ t!("operator-password") }</span>
                    <input id="operator-password" type="password" dir="ltr" autocomplete="off"
                           inputmode="none" value={(*password).clone()} oninput={input(&password)} />
                </label>
            </div>
            if let Some(key) = *message {
                <p class="notice error" id="operator-message" role="alert">{ text(key) }</p>
            }
            <button class="primary" id="operator-login" disabled={*busy} onclick={login}>
                { t!("operator-login") }
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub on_back: Callback<()>,
}

/// The operator's organisation's bookings from today on, with the people's names, and a way
/// to move or cancel each (on the operator's authority, through the outbox).
#[function_component]
pub fn OperatorBookings(props: &ListProps) -> Html {
    let lang = use_lang();
    let list = use_state(|| None::<Option<Vec<OperatorBooking>>>);
    let reload = use_state(|| 0u32);
    // The booking being moved and the free slots offered for it.
    let moving = use_state(|| None::<(Booking, Vec<SlotChoice>)>);
    // What the last move or cancel came to.
    let notice = use_state(|| None::<(&'static str, bool)>);
    // A booking just moved: its new receipt, for the person to photograph or print.
    let moved = use_state(|| None::<Booking>);
    let receipt_url = use_state(String::new);
    {
        let receipt_url = receipt_url.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                if let Ok(settings) = backend::ui_settings().await {
                    receipt_url.set(settings.receipt_url);
                }
            });
        });
    }
    {
        let list = list.setter();
        use_effect_with(*reload, move |_| {
            spawn_local(async move {
                list.set(Some(backend::operator_bookings().await.ok().flatten()));
            });
        });
    }
    if let Some((booking, slots)) = &*moving {
        let move_to = |slot: &SlotChoice| {
            let (booking, slot) = (booking.clone(), slot.clone());
            let (moving, notice, reload) = (moving.clone(), notice.clone(), reload.clone());
            let moved = moved.clone();
            Callback::from(move |_: MouseEvent| {
                let (booking, slot) = (booking.clone(), slot.clone());
                let (moving, notice, reload) = (moving.clone(), notice.clone(), reload.clone());
                let moved = moved.clone();
                spawn_local(async move {
                    let outcome =
                        backend::reschedule_booking(&booking, None, &slot.office_id, slot.start)
                            .await;
                    match outcome {
                        Ok(RescheduleOutcome::Taken { alternatives }) => {
                            notice.set(Some(("error-slot-taken", false)));
                            let offered = alternatives.into_iter().map(SlotChoice::from).collect();
                            moving.set(Some((booking, offered)));
                        }
                        outcome => {
                            notice.set(Some(match &outcome {
                                Ok(RescheduleOutcome::Moved { .. }) => ("manage-moved", true),
                                Ok(RescheduleOutcome::Pending) => ("manage-move-pending", true),
                                Ok(_) => ("manage-move-refused", false),
                                Err(_) => ("error-unexpected", false),
                            }));
                            moved.set(match outcome {
                                Ok(RescheduleOutcome::Moved { booking }) => Some(booking),
                                _ => None,
                            });
                            moving.set(None);
                            reload.set(*reload + 1);
                        }
                    }
                });
            })
        };
        let stop = {
            let moving = moving.clone();
            Callback::from(move |()| moving.set(None))
        };
        return html! {
            <section class="operator" id="screen-operator-move">
                <BackButton on_back={stop} />
                <h1>{ t!("manage-move-when") }</h1>
                <p class="choice-hint"><bdi dir="ltr">{ &booking.code }</bdi>{ " · " }
                    { crate::format::long_day_and_time(booking.start.as_second(), lang) }</p>
                if let Some((id, _)) = *notice {
                    <p class="notice error" role="alert">{ crate::i18n::loader().get(id) }</p>
                }
                <ul class="choices slots">
                    { for slots.iter().take(30).map(|slot| html! {
                        <li>
                            <button class="choice slot-choice" data-start={slot.start.to_string()}
                                    onclick={move_to(slot)}>
                                <span class="choice-title">
                                    { crate::format::long_day_and_time(slot.start.as_second(), lang) }
                                </span>
                            </button>
                        </li>
                    }) }
                </ul>
            </section>
        };
    }
    let body = match &*list {
        None => html! { <p class="notice">{ "…" }</p> },
        Some(None) => html! { <p class="notice error" role="alert">{ t!("operator-offline") }</p> },
        Some(Some(records)) if records.is_empty() => {
            html! { <p class="notice" id="operator-no-bookings">{ t!("operator-no-bookings") }</p> }
        }
        Some(Some(records)) => html! {
            <ul class="choices operator-bookings">
                { for records.iter().map(|record| {
                    let booking = record.booking.clone();
                    let cancel = {
                        let reload = reload.clone();
                        let booking = booking.clone();
                        Callback::from(move |_: MouseEvent| {
                            let reload = reload.clone();
                            let booking = booking.clone();
                            spawn_local(async move {
                                let _ = backend::operator_cancel(&booking).await;
                                reload.set(*reload + 1);
                            });
                        })
                    };
                    let start_moving = {
                        let (moving, notice) = (moving.clone(), notice.clone());
                        let moved = moved.setter();
                        let booking = booking.clone();
                        Callback::from(move |_: MouseEvent| {
                            let (moving, notice) = (moving.clone(), notice.clone());
                            let moved = moved.clone();
                            let booking = booking.clone();
                            spawn_local(async move {
                                match backend::free_slots(&booking.procedure_id).await {
                                    Ok(list) if list.source == SlotSource::Live => {
                                        notice.set(None);
                                        moved.set(None);
                                        // Its own time is not somewhere to move it to.
                                        let slots = list
                                            .slots
                                            .into_iter()
                                            .filter(|slot| slot.start != booking.start)
                                            .collect();
                                        moving.set(Some((booking, slots)));
                                    }
                                    _ => notice.set(Some(("manage-offline", false))),
                                }
                            });
                        })
                    };
                    let name = record.name.clone();
                    html! {
                        <li class="choice operator-booking" data-code={booking.code.clone()}
                            data-status={booking.status.as_str()}>
                            <span class="choice-title"><bdi lang="it">{ name }</bdi></span>
                            <span class="choice-hint">
                                <bdi dir="ltr">{ &booking.code }</bdi>{ " · " }
                                { crate::format::long_day_and_time(booking.start.as_second(), lang) }
                            </span>
                            if booking.status == BookingStatus::Confirmed {
                                <span class="operator-actions">
                                    <button class="secondary operator-move" onclick={start_moving}>
                                        { t!("manage-move") }
                                    </button>
                                    <button class="secondary operator-cancel" onclick={cancel}>
                                        { t!("manage-cancel") }
                                    </button>
                                </span>
                            } else {
                                <span class="tag">{ t!("operator-not-active") }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="operator" id="screen-operator-bookings">
            <BackButton on_back={props.on_back.clone()} />
            <h1>{ t!("operator-bookings") }</h1>
            if let Some((id, good)) = *notice {
                <p class={classes!("notice", (!good).then_some("error"))} id="operator-notice"
                   role={if good { "status" } else { "alert" }}>{ crate::i18n::loader().get(id) }</p>
            }
            if let Some(booking) = &*moved {
                if let Some(receipt) = &booking.receipt {
                    <div class="receipt" id="operator-moved" data-code={booking.code.clone()}>
                        <p class="receipt-code"><bdi dir="ltr">{ &booking.code }</bdi></p>
                        <p>{ crate::format::long_day_and_time(booking.start.as_second(), lang) }</p>
                        <div class="qr" id="operator-moved-qr" data-token={receipt.clone()}>
                            { crate::components::qr::qr_svg(&format!("{}{receipt}", *receipt_url)) }
                        </div>
                    </div>
                }
            }
            { body }
        </section>
    }
}
