//! "Book an appointment": what you need, what to bring, when and where, who, a mediator,
//! review, receipt. Every step keeps what was entered when going back; the hold is released
//! when the person leaves. With the server out of reach, the slots offered are the seats this
//! kiosk holds leases on, booked offline with the kiosk's own receipt.

mod choose;
mod person;
mod review;
mod state;

use crate::app::{StatusContext, use_lang};
use crate::backend;
use crate::components::back_button::BackButton;
use crate::{format, t};
use choose::*;
use person::*;
use review::*;
use sportello_core::Lang;
use sportello_core::booking::{ConfirmRequest, ExistingBooking, Hold, HoldRequest};
use sportello_core::identity::{FieldError, FieldProblem, Identity, Person, country_codes};
use sportello_core::kiosk::{
    BookOutcome, CommandError, HoldOutcome, SlotChoice, SlotList, SlotSource,
};
use sportello_core::model::{Office, Procedure, ProcedureCategory};
use sportello_core::search::fold;
use state::*;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
    /// A procedure to start on (an answer in the FAQ led here), its documents first.
    #[prop_or_default]
    pub start: Option<String>,
}

#[function_component]
pub fn Wizard(props: &Props) -> Html {
    let lang = use_lang();
    let step = use_state(|| Step::Procedure);
    let draft = use_reducer(Draft::default);
    let procedures = use_state(Vec::<Procedure>::new);
    let offices = use_state(Vec::<Office>::new);
    let query = use_state(String::new);

    // The lists come from the cache, again whenever new data arrives.
    let cursor = use_context::<StatusContext>().flatten().map(|s| s.cursor);
    {
        let procedures = procedures.setter();
        let offices = offices.setter();
        use_effect_with(cursor, move |_| {
            spawn_local(async move {
                if let Ok(list) = backend::list_procedures(None).await {
                    procedures.set(list);
                }
                if let Ok(list) = backend::list_offices().await {
                    offices.set(list);
                }
            });
        });
    }

    let go = {
        let step = step.setter();
        Callback::from(move |next: Step| step.set(next))
    };
    // Started on a procedure: chosen once, as soon as the list has it (a later change to the
    // procedure's record must not take the person back to its documents).
    {
        let dispatcher = draft.dispatcher();
        let go = go.clone();
        let started = use_mut_ref(|| false);
        let chosen = props
            .start
            .as_ref()
            .and_then(|id| procedures.iter().find(|procedure| &procedure.id == id))
            .cloned();
        use_effect_with(chosen, move |chosen| {
            if let Some(chosen) = chosen.clone()
                && !std::mem::replace(&mut *started.borrow_mut(), true)
            {
                dispatcher.dispatch(Change(Box::new(move |draft: &mut Draft| {
                    draft.procedure = Some(chosen.clone());
                })));
                go.emit(Step::Documents);
            }
        });
    }
    let update: Update = {
        let dispatcher = draft.dispatcher();
        Callback::from(move |change: Box<dyn Fn(&mut Draft)>| dispatcher.dispatch(Change(change)))
    };

    // Whether there is a printer to offer.
    {
        let update = update.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                if let Ok(settings) = backend::ui_settings().await {
                    update.emit(Box::new(move |draft: &mut Draft| {
                        draft.printer = settings.printer;
                        draft.receipt_url.clone_from(&settings.receipt_url);
                    }));
                }
            });
        });
    }

    // The slots are fetched on arriving at their step, and again when they were dropped (a
    // hold that expired).
    {
        let update = update.clone();
        let needed = (*step == Step::Slot && draft.slots.is_none())
            .then(|| {
                draft
                    .procedure
                    .as_ref()
                    .map(|procedure| procedure.id.clone())
            })
            .flatten();
        use_effect_with(needed, move |needed| {
            if let Some(procedure_id) = needed.clone() {
                spawn_local(async move {
                    let slots = backend::free_slots(&procedure_id).await;
                    update.emit(Box::new(move |draft: &mut Draft| match &slots {
                        Ok(list) => {
                            draft.slots = Some(list.clone());
                            if list.source == SlotSource::Leased {
                                draft.notice = Some(Notice::Offline);
                            }
                        }
                        Err(_) => draft.notice = Some(Notice::Failed),
                    }));
                });
            }
        });
    }

    // A seat still held when the wizard goes away (the person walked off and the terminal
    // started over) is let go for the next person.
    let unbooked_hold = use_mut_ref(|| None::<String>);
    *unbooked_hold.borrow_mut() = match (&draft.chosen, &draft.receipt) {
        (Some(Chosen::Held(hold)), None) => Some(hold.hold_id.clone()),
        _ => None,
    };
    {
        let unbooked_hold = unbooked_hold.clone();
        use_effect_with((), move |()| {
            move || {
                if let Some(hold_id) = unbooked_hold.borrow_mut().take() {
                    spawn_local(async move {
                        let _ = backend::release_hold(&hold_id).await;
                    });
                }
            }
        });
    }

    // Leaving unmounts the wizard, which lets a held seat go (above).
    let leave = props.on_back.clone();
    let back = {
        let step = step.clone();
        let leave = leave.clone();
        Callback::from(move |()| match *step {
            Step::Procedure | Step::Receipt => leave.emit(()),
            Step::Documents => step.set(Step::Procedure),
            Step::Slot => step.set(Step::Documents),
            Step::Person => step.set(Step::Slot),
            Step::Mediator => step.set(Step::Person),
            Step::Review => step.set(Step::Mediator),
        })
    };

    let office_name = |id: &str| {
        offices
            .iter()
            .find(|office| office.id == id)
            .map(|office| office.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };

    let body = match *step {
        Step::Procedure => procedure_step(&procedures, &query, lang, &update, &go),
        Step::Documents => documents_step(&draft, lang, &update, &go),
        Step::Slot => slot_step(&draft, lang, &office_name, &update, &go),
        Step::Person => person_step(&draft, lang, &update, &go),
        Step::Mediator => mediator_step(&draft, &update, &go),
        Step::Review => review_step(&draft, lang, &office_name, &update, &go),
        Step::Receipt => receipt_step(&draft, lang, &office_name, &leave, &update, &offices),
    };
    let countdown = match (&draft.chosen, *step) {
        (Some(Chosen::Held(hold)), Step::Person | Step::Mediator | Step::Review) => {
            html! { <Countdown until={hold.expires_at.as_second()} /> }
        }
        _ => html! {},
    };
    html! {
        <section class="book wizard" id="screen-book" data-step={format!("{:?}", *step).to_lowercase()}>
            <BackButton on_back={back} />
            <h1>{ t!("book-title") }</h1>
            { countdown }
            if let Some(notice) = &draft.notice {
                { notice_view(notice, lang, &office_name) }
            }
            { body }
        </section>
    }
}
